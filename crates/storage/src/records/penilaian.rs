//! Appraisals and assessments.

use talenta_domain::personnel::{Asesmen, Skp};

use super::{date, level_values, nip, parse_nip, read_levels, read_nip, read_score, score};
use crate::{Columns, StorageError, Stored, Ty, Value};

impl Stored for Skp {
    const TABLE: &'static str = "skp";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("tahun", Ty::Int),
        ("hasil_kerja", Ty::Text),
        ("perilaku_kerja", Ty::Text),
        ("predikat", Ty::Text),
        ("nilai_penguat", Ty::Int),
        ("penilai_nip", Ty::Text),
        ("penilai_nama", Ty::Text),
    ];
    const KEY_LEN: usize = 2;

    fn values(&self) -> Vec<Value> {
        vec![
            nip(&self.nip),
            Value::int(self.tahun),
            Value::text(self.hasil_kerja.code()),
            Value::text(self.perilaku_kerja.code()),
            Value::text(self.predikat.code()),
            score(self.nilai_penguat),
            Value::opt_text(self.penilai_nip.as_ref().map(|n| n.as_str())),
            Value::opt_text(self.penilai_nama.as_ref()),
        ]
    }

    fn decode(row: &mut Columns) -> Result<Skp, StorageError> {
        Ok(Skp {
            nip: read_nip(row)?,
            tahun: row.int()?,
            hasil_kerja: row.parse()?,
            perilaku_kerja: row.parse()?,
            predikat: row.parse()?,
            nilai_penguat: read_score(row)?,
            penilai_nip: row.opt_text_with(|text| parse_nip(text, None))?,
            penilai_nama: row.opt_text()?,
        })
    }
}

impl Stored for Asesmen {
    const TABLE: &'static str = "asesmen";
    const COLUMNS: &'static [(&'static str, Ty)] = with_level_columns!(
        [
            ("nip", Ty::Text),
            ("tanggal", Ty::Date),
            ("sumber", Ty::Text),
            ("potensi", Ty::Int),
        ],
        []
    );
    const KEY_LEN: usize = 3;

    fn values(&self) -> Vec<Value> {
        let mut values = vec![
            nip(&self.nip),
            date(self.tanggal),
            Value::text(self.sumber.code()),
            score(self.potensi),
        ];
        values.extend(level_values(&self.kompetensi));
        values
    }

    fn decode(row: &mut Columns) -> Result<Asesmen, StorageError> {
        Ok(Asesmen {
            nip: read_nip(row)?,
            tanggal: row.date()?,
            sumber: row.parse()?,
            potensi: read_score(row)?,
            kompetensi: read_levels(row)?,
        })
    }
}
