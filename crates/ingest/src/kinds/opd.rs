//! `opd`: units, OPD and their sub-units, as a tree by `unorIndukId`.

use talenta_domain::personnel::Opd;

use super::{Kind, RecordKind, Reference, Row, RowReader, Target};
use crate::record::{Column, Record, RowError};

columns! {
    ID: Column::required("unorId"),
    NAMA: Column::required("unorNama"),
    INDUK: Column::optional("unorIndukId"),
}

impl RecordKind for Opd {
    const KIND: Kind = Kind::Opd;
    const COLUMNS: &'static [Column] = COLUMNS;
    type Key = String;

    fn key(&self) -> String {
        self.kode.clone()
    }

    fn parse(record: &Record) -> Result<Opd, Vec<RowError>> {
        RowReader::parse(record, |row| {
            let kode = row.text(ID);
            let nama = row.text(NAMA);
            let induk = row.opt_text(INDUK);
            // Longer cycles span rows and are the importer's to find.
            if let (Some(kode), Some(Some(induk))) = (&kode, &induk)
                && kode == induk
            {
                row.fail(INDUK, "a unit cannot be its own parent (unorId)");
            }
            Some(Opd {
                kode: kode?,
                nama: nama?,
                induk: induk?,
            })
        })
    }

    fn write_row(&self, row: &mut Row) {
        row.text(&self.kode);
        row.text(&self.nama);
        row.opt_text(self.induk.as_deref());
    }

    fn references(&self) -> Vec<Reference> {
        self.induk
            .iter()
            .map(|induk| Reference::new(INDUK, Target::Opd, induk))
            .collect()
    }

    fn provides(&self) -> Option<(Target, &str)> {
        Some((Target::Opd, &self.kode))
    }
}
