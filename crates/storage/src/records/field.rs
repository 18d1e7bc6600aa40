//! How each type of a record's field is stored ([`Field`]): the values it
//! writes and how it reads them back, so that a record's [`crate::Stored`]
//! impl is its list of fields and columns ([`stored!`]) and nothing else.

use talenta_domain::cycle::StatusPeriode;
use talenta_domain::development::{JenisPengembangan, StatusIdp};
use talenta_domain::disiplin::JenisHukuman;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::jabatan::Jenjang;
use talenta_domain::kompetensi::{Kompetensi, Level, Levels};
use talenta_domain::nip::{Gender, Nip};
use talenta_domain::personnel::{GolonganAsn, SumberAsesmen};
use talenta_domain::pool::PoolKind;
use talenta_domain::talent::Komponen;
use talenta_domain::{
    BidangIlmu, Golongan, Kotak, Periode, Predikat, Rating, Score, TingkatPendidikan,
};
use time::{Date, OffsetDateTime};

use super::{
    kotak_from, level_from, level_values, parse_nip, read_bidang, read_bidang_list, read_levels,
    read_nip, score_from,
};
use crate::{Columns, StorageError, Value};

/// A field stored in one column (the competency levels: nine).
pub(crate) trait Field: Sized {
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

int_fields!(i32, u32, u16, u8);

/// Values stored as a number (`to`), read back by `from`: a box, a
/// competency level, a score in whole hundredths, a time in seconds since
/// the Unix epoch.
macro_rules! number_fields {
    ($($number:ty => $to:expr, $from:expr;)*) => {$(
        impl Field for $number {
            fn push(&self, out: &mut Vec<Value>) {
                out.push(Value::int($to(*self)));
            }
            fn read(row: &mut Columns) -> Result<Self, StorageError> {
                row.int_with($from)
            }
        }

        impl Field for Option<$number> {
            fn push(&self, out: &mut Vec<Value>) {
                out.push(Value::opt_int(self.map($to)));
            }
            fn read(row: &mut Columns) -> Result<Self, StorageError> {
                row.opt_int_with($from)
            }
        }
    )*};
}

number_fields! {
    Kotak => Kotak::number, kotak_from;
    Level => Level::get, level_from;
    Score => Score::hundredths, score_from;
    OffsetDateTime => OffsetDateTime::unix_timestamp, OffsetDateTime::from_unix_timestamp;
}

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
                out.push(Value::opt_text(self.as_ref().map(|code| code.$method())));
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
    StatusPeriode => code,
    Kompetensi => code,
    JenisPengembangan => code,
    StatusIdp => code,
    Periode => to_string,
);

/// As its code; read as the one of [`PoolKind::ALL`] with that code.
impl Field for PoolKind {
    fn push(&self, out: &mut Vec<Value>) {
        out.push(Value::text(self.code()));
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        row.text_with(|text| {
            PoolKind::ALL
                .into_iter()
                .find(|kind| kind.code() == text)
                .ok_or("not instansi or nasional")
        })
    }
}

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

/// The components a talent-map row lacks: their codes `|`-joined, NULL
/// for none.
impl Field for Vec<Komponen> {
    fn push(&self, out: &mut Vec<Value>) {
        let codes: Vec<&str> = self.iter().map(|k| k.code()).collect();
        out.push(Value::opt_text(
            (!codes.is_empty()).then(|| codes.join("|")),
        ));
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        Ok(row
            .opt_text_with(|codes| {
                codes
                    .split('|')
                    .filter(|c| !c.is_empty())
                    .map(str::parse)
                    .collect::<Result<Vec<Komponen>, String>>()
            })?
            .unwrap_or_default())
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
///
/// `view RECORD in TABLE, key N { … }` declares a [`crate::View`] alike,
/// read and never written: the columns of a view or of a query that
/// selects them by name. It may begin with `..FIELD: VIEW,`, a field
/// holding another view read from the same row (its columns first: the
/// final map's row holds the map's row), and a field may take several
/// columns, `&`-joined, which its [`Field`] reads together.
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
                use $crate::records::Field;
                let mut values = Vec::with_capacity(<Self as $crate::Stored>::COLUMNS.len());
                $(Field::push(&self.$field, &mut values);)*
                $(Field::push(&self.$levels, &mut values);)?
                values
            }

            fn decode(row: &mut $crate::Columns) -> Result<$record, $crate::StorageError> {
                use $crate::records::Field;
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
    (
        view $record:ident in $table:literal, key $key:literal {
            $(..$nested:ident: $view:ident,)?
            $($field:ident: $($column:literal $ty:ident)&+,)*
        }
    ) => {
        impl $crate::View for $record {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [(&'static str, $crate::Ty)] = {
                const FIRST: &[(&str, $crate::Ty)] = stored!(@first $($view)?);
                const OWN: &[(&str, $crate::Ty)] = &[$($(($column, $crate::Ty::$ty),)+)*];
                const ALL: [(&str, $crate::Ty); FIRST.len() + OWN.len()] =
                    $crate::stored::concat_columns(FIRST, OWN);
                &ALL
            };
            const KEY_LEN: usize = $key;

            fn decode(row: &mut $crate::Columns) -> Result<$record, $crate::StorageError> {
                use $crate::records::Field;
                Ok($record {
                    $($nested: <$view as $crate::View>::decode(row)?,)?
                    $($field: Field::read(row)?,)*
                })
            }
        }
    };
    (@first) => {
        &[]
    };
    (@first $view:ident) => {
        <$view as $crate::View>::COLUMNS
    };
    (@columns [$($column:expr),*]) => {
        &[$($column),*]
    };
    (@columns [$($column:expr),*] $levels:ident) => {
        $crate::records::with_level_columns!([$($column),*], [])
    };
}
pub(crate) use stored;
