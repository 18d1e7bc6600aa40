//! Writing records as CSV in the format they are imported from
//! (docs/formats.md), for `talenta export` and the data generator: the
//! header is the kind's columns, each row the record's values, so an
//! exported file imports back unchanged.

use std::fmt;
use std::io::Write;
use std::marker::PhantomData;

use crate::kinds::{RecordKind, Row};

/// A CSV file of records of kind `K` being written to `W`. Rows go through
/// one reused [`Row`] and the CSV writer's own buffer, so writing allocates
/// nothing per record once the buffers have grown.
pub struct CsvSink<K, W: Write> {
    writer: csv::Writer<W>,
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
    /// Fields are separated by `,`, quoted only when they must be, and rows
    /// end with LF.
    pub fn new(writer: W) -> Result<Self, csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(writer);
        writer.write_record(K::COLUMNS.iter().map(|c| c.name))?;
        Ok(CsvSink {
            writer,
            row: Row::default(),
            kind: PhantomData,
        })
    }

    pub fn write(&mut self, record: &K) -> Result<(), csv::Error> {
        self.row.clear();
        record.write_row(&mut self.row);
        self.writer.write_record(self.row.fields())
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
        self.writer.write_record(
            self.row
                .fields()
                .enumerate()
                .map(|(i, field)| if i == column { value } else { field }),
        )
    }

    /// Flushes what is buffered and gives the writer back.
    pub fn finish(self) -> Result<W, csv::Error> {
        self.writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
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
