//! A small record type for the unit tests of this module's pure pieces:
//! a two-column key, a nullable value.

use super::{Columns, Stored};
use crate::StorageError;
use crate::value::{Ty, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Example {
    pub(super) nip: String,
    pub(super) tahun: i32,
    pub(super) catatan: Option<String>,
}

impl Stored for Example {
    const TABLE: &'static str = "contoh";
    const COLUMNS: &'static [(&'static str, Ty)] =
        &[("nip", Ty::Text), ("tahun", Ty::Int), ("catatan", Ty::Text)];
    const KEY_LEN: usize = 2;

    fn values(&self) -> Vec<Value> {
        vec![
            Value::text(&self.nip),
            Value::int(self.tahun),
            Value::opt_text(self.catatan.as_ref()),
        ]
    }

    fn decode(row: &mut Columns) -> Result<Example, StorageError> {
        Ok(Example {
            nip: row.text()?,
            tahun: row.int()?,
            catatan: row.opt_text()?,
        })
    }
}

pub(super) fn example(nip: &str, tahun: i32) -> Example {
    Example {
        nip: nip.to_owned(),
        tahun,
        catatan: None,
    }
}
