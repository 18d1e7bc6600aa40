//! Writing CSV files: records in the format they are imported from
//! (docs/formats.md), for `talenta export` and the data generator, so an
//! exported file imports back unchanged; and any other table the project
//! writes as CSV (the talent map, `talenta assign`, `talenta classify`).
//! Every text cell is guarded against spreadsheet formulas
//! ([`crate::formula`]).

use std::fmt;
use std::io::Write;
use std::marker::PhantomData;

use crate::formula::guard;
use crate::kinds::{RecordKind, Row};
use crate::record::{Cell, Column};

/// A CSV file under a header of declared columns. Fields are separated by
/// `,`, quoted only when they must be, and rows end with LF.
pub struct CsvTable<W: Write> {
    writer: csv::Writer<W>,
    cells: Vec<Cell>,
}

impl<W: Write> fmt::Debug for CsvTable<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CsvTable")
            .field("cells", &self.cells)
            .finish_non_exhaustive()
    }
}

impl<W: Write> CsvTable<W> {
    /// Starts the file with the header row: the names of `columns`.
    pub fn new(writer: W, columns: &[Column]) -> Result<Self, csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(writer);
        writer.write_record(columns.iter().map(|c| c.name))?;
        Ok(CsvTable {
            writer,
            cells: columns.iter().map(|c| c.cell).collect(),
        })
    }

    /// Writes one row, a value for each column.
    pub fn write<'a>(
        &mut self,
        values: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), csv::Error> {
        let cells = self.cells.iter().chain(std::iter::repeat(&Cell::Text));
        for (value, cell) in values.into_iter().zip(cells) {
            self.writer.write_field(guard(*cell, value).as_bytes())?;
        }
        self.writer.write_record(None::<&[u8]>)
    }

    /// Flushes what is buffered and gives the writer back.
    pub fn finish(self) -> Result<W, csv::Error> {
        self.writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

/// A CSV file of records of kind `K` being written to `W`. Rows go through
/// one reused [`Row`] and the CSV writer's own buffer, so writing allocates
/// nothing per record once the buffers have grown (a guarded text cell
/// excepted).
pub struct CsvSink<K, W: Write> {
    table: CsvTable<W>,
    row: Row,
    kind: PhantomData<fn(&K)>,
}

impl<K, W: Write> fmt::Debug for CsvSink<K, W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CsvSink").finish_non_exhaustive()
    }
}

impl<K: RecordKind, W: Write> CsvSink<K, W> {
    /// Starts the file with the header row: the names of `K::COLUMNS`.
    pub fn new(writer: W) -> Result<Self, csv::Error> {
        Ok(CsvSink {
            table: CsvTable::new(writer, K::COLUMNS)?,
            row: Row::default(),
            kind: PhantomData,
        })
    }

    pub fn write(&mut self, record: &K) -> Result<(), csv::Error> {
        self.row.clear();
        record.write_row(&mut self.row);
        self.table.write(self.row.fields())
    }

    /// Writes `record` with the value of column `column` (an index into
    /// `K::COLUMNS`) replaced by `value`: for test data that must be wrong
    /// in a way no record can be (an invalid NIP, 31 April), in the same
    /// format as every other row.
    pub fn write_replacing(
        &mut self,
        record: &K,
        column: usize,
        value: &str,
    ) -> Result<(), csv::Error> {
        self.row.clear();
        record.write_row(&mut self.row);
        self.table.write(
            self.row
                .fields()
                .enumerate()
                .map(|(i, field)| if i == column { value } else { field }),
        )
    }

    /// Flushes what is buffered and gives the writer back.
    pub fn finish(self) -> Result<W, csv::Error> {
        self.table.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use talenta_domain::personnel::Instansi;

    #[test]
    fn replaces_one_value_and_quotes_as_usual() {
        let mut sink = CsvSink::<Instansi, _>::new(Vec::new()).unwrap();
        let record = Instansi {
            kode: "9999".into(),
            nama: "Kota, Sintetis".into(),
        };
        sink.write(&record).unwrap();
        sink.write_replacing(&record, 0, "99X").unwrap();
        let text = String::from_utf8(sink.finish().unwrap()).unwrap();
        assert_eq!(
            text,
            "instansiId,instansiNama\n9999,\"Kota, Sintetis\"\n99X,\"Kota, Sintetis\"\n"
        );
    }
}
