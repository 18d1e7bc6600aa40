//! How each type of a record's field is stored ([`Field`]): the values it
//! writes and how it reads them back, so that a record's [`crate::Stored`]
//! impl is its list of fields and columns ([`stored!`]) and nothing else.

use talenta_domain::disiplin::JenisHukuman;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::jabatan::Jenjang;
use talenta_domain::kompetensi::Levels;
use talenta_domain::nip::{Gender, Nip};
use talenta_domain::personnel::{GolonganAsn, SumberAsesmen};
use talenta_domain::{BidangIlmu, Golongan, Predikat, Rating, Score, TingkatPendidikan};
use time::Date;

use super::{
    level_values, parse_nip, read_bidang, read_bidang_list, read_levels, read_nip, read_score,
};
use crate::{Columns, StorageError, Value};

/// A field stored in one column (the competency levels: nine).
pub(super) trait Field: Sized {
    /// Appends the field's column values.
    fn push(&self, out: &mut Vec<Value>);

    /// Reads the field from its columns.
    fn read(row: &mut Columns) -> Result<Self, StorageError>;
}

/// Fields of a type the column holds as it is: `push` gives its value and
/// `read` is the [`Columns`] reader of its column.
macro_rules! plain_fields {
    ($($plain:ty => $push:expr, $read:ident;)*) => {$(
        impl Field for $plain {
            fn push(&self, out: &mut Vec<Value>) {
                out.push($push(self));
            }
            fn read(row: &mut Columns) -> Result<Self, StorageError> {
                row.$read()
            }
        }
    )*};
}

plain_fields! {
    String => |v: &String| Value::text(v.as_str()), text;
    Option<String> => |v: &Option<String>| Value::opt_text(v.as_ref()), opt_text;
    Date => |v: &Date| Value::Date(Some(*v)), date;
    Option<Date> => |v: &Option<Date>| Value::Date(*v), opt_date;
    bool => |v: &bool| Value::Bool(Some(*v)), bool;
}

/// Integers: a year, a count, hours, an age.
macro_rules! int_fields {
    ($($int:ty),*) => {$(
        impl Field for $int {
            fn push(&self, out: &mut Vec<Value>) {
                out.push(Value::int(*self));
            }
            fn read(row: &mut Columns) -> Result<Self, StorageError> {
                row.int()
            }
        }

        impl Field for Option<$int> {
            fn push(&self, out: &mut Vec<Value>) {
                out.push(Value::opt_int(*self));
            }
            fn read(row: &mut Columns) -> Result<Self, StorageError> {
                row.opt_small()
            }
        }
    )*};
}

int_fields!(i32, u16, u8);

/// Codes stored as their stable text (`method`), read back by `FromStr`.
macro_rules! code_fields {
    ($($code:ty => $method:ident),* $(,)?) => {$(
        impl Field for $code {
            fn push(&self, out: &mut Vec<Value>) {
                out.push(Value::text(self.$method()));
            }
            fn read(row: &mut Columns) -> Result<Self, StorageError> {
                row.parse()
            }
        }

        impl Field for Option<$code> {
            fn push(&self, out: &mut Vec<Value>) {
                out.push(Value::opt_text(self.map(|code| code.$method())));
            }
            fn read(row: &mut Columns) -> Result<Self, StorageError> {
                row.parse_opt()
            }
        }
    )*};
}

code_fields!(
    Jenjang => code,
    TingkatPendidikan => code,
    Golongan => ruang,
    GolonganAsn => code,
    Gender => code,
    StatusKepegawaian => label,
    JenisHukuman => code,
    Rating => code,
    Predikat => code,
    SumberAsesmen => code,
);

/// As its 18 digits; read by the digits alone (a record that knows its
/// kind of ASN reads it again as that kind: [`super::nip_as`]).
impl Field for Nip {
    fn push(&self, out: &mut Vec<Value>) {
        out.push(Value::text(self.as_str()));
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        read_nip(row)
    }
}

impl Field for Option<Nip> {
    fn push(&self, out: &mut Vec<Value>) {
        out.push(Value::opt_text(self.as_ref().map(Nip::as_str)));
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        row.opt_text_with(|text| parse_nip(text, None))
    }
}

/// In whole hundredths.
impl Field for Option<Score> {
    fn push(&self, out: &mut Vec<Value>) {
        out.push(Value::opt_int(self.map(Score::hundredths)));
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        read_score(row)
    }
}

impl Field for Option<BidangIlmu> {
    fn push(&self, out: &mut Vec<Value>) {
        out.push(Value::opt_text(self.as_ref().map(BidangIlmu::as_str)));
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        read_bidang(row)
    }
}

/// `|`-joined (empty: any).
impl Field for Vec<BidangIlmu> {
    fn push(&self, out: &mut Vec<Value>) {
        let names: Vec<&str> = self.iter().map(BidangIlmu::as_str).collect();
        out.push(Value::text(names.join("|")));
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        read_bidang_list(row)
    }
}

/// The nine `k_*` columns.
impl Field for Levels {
    fn push(&self, out: &mut Vec<Value>) {
        out.extend(level_values(self));
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        read_levels(row)
    }
}

/// A record's `Stored` impl from its table, key length and fields, each
/// with its column and SQL type, key fields first; the competency levels
/// (`levels FIELD`, nine columns) come last. `then CHECK` runs
/// `CHECK(record, row)` on the decoded record, for a value that only
/// another column lets it read (a NIP read as its record's kind of ASN).
/// Every field of the record must be listed: the struct literal of
/// `decode` does not compile otherwise.
macro_rules! stored {
    (
        $record:ident in $table:literal, key $key:literal {
            $($field:ident: $column:literal $ty:ident,)*
        }
        $(levels $levels:ident)?
        $(then $then:path)?
    ) => {
        impl $crate::Stored for $record {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [(&'static str, $crate::Ty)] =
                stored!(@columns [$(($column, $crate::Ty::$ty)),*] $($levels)?);
            const KEY_LEN: usize = $key;

            fn values(&self) -> Vec<$crate::Value> {
                use $crate::records::field::Field;
                let mut values = Vec::with_capacity(<Self as $crate::Stored>::COLUMNS.len());
                $(Field::push(&self.$field, &mut values);)*
                $(Field::push(&self.$levels, &mut values);)?
                values
            }

            fn decode(row: &mut $crate::Columns) -> Result<$record, $crate::StorageError> {
                use $crate::records::field::Field;
                // Fields are read in the order written, the columns' order.
                let record = $record {
                    $($field: Field::read(row)?,)*
                    $($levels: Field::read(row)?,)?
                };
                $(let record = $then(record, row)?;)?
                Ok(record)
            }
        }
    };
    (@columns [$($column:expr),*]) => {
        &[$($column),*]
    };
    (@columns [$($column:expr),*] $levels:ident) => {
        with_level_columns!([$($column),*], [])
    };
}
