//! `asesmen`: assessment results, a potensi score, the nine competency
//! levels, or both.

use talenta_domain::personnel::{Asesmen, SumberAsesmen};
use time::Date;

use super::{Kind, RecordKind, Reference, Row, RowReader, Target, kompetensi};
use crate::record::{Column, Record, RowError};
use crate::values::{parse_code, parse_date, parse_score};

columns! {
    NIP: Column::required("nipBaru"),
    TANGGAL: Column::required("tanggal"),
    SUMBER: Column::required("sumber"),
    POTENSI: Column::optional("nilaiPotensi").number(),
    KOMPETENSI: ..kompetensi::COLUMNS,
}

impl RecordKind for Asesmen {
    const KIND: Kind = Kind::Asesmen;
    const COLUMNS: &'static [Column] = COLUMNS;
    /// The NIP's digits, the date and who assessed.
    type Key = (String, Date, SumberAsesmen);

    fn key(&self) -> (String, Date, SumberAsesmen) {
        (self.nip.as_str().to_owned(), self.tanggal, self.sumber)
    }

    fn parse(record: &Record) -> Result<Asesmen, Vec<RowError>> {
        RowReader::parse(record, |row| {
            let nip = row.nip(NIP);
            let tanggal = row.req(TANGGAL, parse_date);
            let sumber = row.req(SUMBER, parse_code::<SumberAsesmen>);
            let potensi = row.opt(POTENSI, parse_score);
            let kompetensi = kompetensi::read(row, KOMPETENSI);
            if let (Some(None), Some(levels)) = (potensi, &kompetensi)
                && levels.is_empty()
            {
                row.fail(
                    POTENSI,
                    "missing value: give nilaiPotensi, the nine competency levels, or both",
                );
            }
            Some(Asesmen {
                nip: nip?,
                tanggal: tanggal?,
                sumber: sumber?,
                potensi: potensi?,
                kompetensi: kompetensi?,
            })
        })
    }

    fn write_row(&self, row: &mut Row) {
        row.text(self.nip.as_str());
        row.date(self.tanggal);
        row.text(self.sumber.code());
        row.opt_value(self.potensi);
        kompetensi::write(row, &self.kompetensi);
    }

    fn references(&self) -> Vec<Reference> {
        vec![Reference::new(NIP, Target::Pegawai, self.nip.as_str())]
    }
}
