//! Units and positions.

use talenta_domain::personnel::{Jabatan, Opd};
use talenta_domain::{BidangIlmu, Golongan, TingkatPendidikan};

use super::{level_values, read_bidang_list, read_levels};
use crate::{Columns, StorageError, Stored, Ty, Value};

impl Stored for Opd {
    const TABLE: &'static str = "opd";
    const COLUMNS: &'static [(&'static str, Ty)] =
        &[("kode", Ty::Text), ("nama", Ty::Text), ("induk", Ty::Text)];
    const KEY_LEN: usize = 1;

    fn values(&self) -> Vec<Value> {
        vec![
            Value::text(&self.kode),
            Value::text(&self.nama),
            Value::opt_text(self.induk.as_ref()),
        ]
    }

    fn decode(row: &mut Columns) -> Result<Opd, StorageError> {
        Ok(Opd {
            kode: row.text()?,
            nama: row.text()?,
            induk: row.opt_text()?,
        })
    }
}

impl Stored for Jabatan {
    const TABLE: &'static str = "jabatan";
    const COLUMNS: &'static [(&'static str, Ty)] = with_level_columns!(
        [
            ("kode", Ty::Text),
            ("nama", Ty::Text),
            ("opd", Ty::Text),
            ("jenjang", Ty::Text),
            ("min_pendidikan", Ty::Text),
            ("bidang_ilmu", Ty::Text),
            ("min_golongan", Ty::Text),
        ],
        [
            ("kunci", Ty::Bool),
            ("kebutuhan", Ty::Int),
            ("bup", Ty::Int)
        ]
    );
    const KEY_LEN: usize = 1;

    fn values(&self) -> Vec<Value> {
        let bidang_ilmu = self
            .bidang_ilmu
            .iter()
            .map(BidangIlmu::as_str)
            .collect::<Vec<_>>()
            .join("|");
        let mut values = vec![
            Value::text(&self.kode),
            Value::text(&self.nama),
            Value::text(&self.opd),
            Value::text(self.jenjang.code()),
            Value::opt_text(self.min_pendidikan.map(TingkatPendidikan::code)),
            Value::text(bidang_ilmu),
            Value::opt_text(self.min_golongan.map(Golongan::ruang)),
        ];
        values.extend(level_values(&self.standar));
        values.push(Value::Bool(Some(self.kunci)));
        values.push(Value::int(self.kebutuhan));
        values.push(Value::opt_int(self.bup));
        values
    }

    fn decode(row: &mut Columns) -> Result<Jabatan, StorageError> {
        Ok(Jabatan {
            kode: row.text()?,
            nama: row.text()?,
            opd: row.text()?,
            jenjang: row.parse()?,
            min_pendidikan: row.parse_opt()?,
            bidang_ilmu: read_bidang_list(row)?,
            min_golongan: row.parse_opt()?,
            standar: read_levels(row)?,
            kunci: row.bool()?,
            kebutuhan: row.int()?,
            bup: row.opt_small()?,
        })
    }
}
