//! `instansi`: the instansi itself.

use talenta_domain::personnel::Instansi;

use super::{Kind, RecordKind, Reference, Row, RowReader};
use crate::record::{Column, Record, RowError};

columns! {
    ID: Column::required("instansiId"),
    NAMA: Column::required("instansiNama"),
}

impl RecordKind for Instansi {
    const KIND: Kind = Kind::Instansi;
    const COLUMNS: &'static [Column] = COLUMNS;
    type Key = String;

    fn key(&self) -> String {
        self.kode.clone()
    }

    fn parse(record: &Record) -> Result<Instansi, Vec<RowError>> {
        RowReader::parse(record, |row| {
            let kode = row.text(ID);
            let nama = row.text(NAMA);
            Some(Instansi {
                kode: kode?,
                nama: nama?,
            })
        })
    }

    fn write_row(&self, row: &mut Row) {
        row.text(&self.kode);
        row.text(&self.nama);
    }

    fn references(&self) -> Vec<Reference> {
        Vec::new()
    }
}
