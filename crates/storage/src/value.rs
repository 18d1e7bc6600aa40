//! Column values in one engine-neutral shape, so that a record type
//! describes its row once and each engine binds, copies and decodes it.

use std::fmt::Write as _;

use sqlx::{ColumnIndex, Decode, Row, Type};
use time::Date;

/// The SQL type of a column, as the two engines store it (migrations: BIGINT
/// / INTEGER, DATE / TEXT, BOOLEAN / INTEGER, TEXT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Text,
    Int,
    Date,
    Bool,
}

/// A nullable column value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Date(Option<Date>),
    Bool(Option<bool>),
}

impl Value {
    pub fn text(text: impl Into<String>) -> Value {
        Value::Text(Some(text.into()))
    }

    pub fn opt_text<T: AsRef<str>>(text: Option<T>) -> Value {
        Value::Text(text.map(|t| t.as_ref().to_owned()))
    }

    pub fn int(n: impl Into<i64>) -> Value {
        Value::Int(Some(n.into()))
    }

    pub fn opt_int<N: Into<i64>>(n: Option<N>) -> Value {
        Value::Int(n.map(Into::into))
    }

    /// Appends this value as one PostgreSQL `COPY … (FORMAT csv)` field: an
    /// unquoted empty field is NULL, so text is always quoted (an empty
    /// string stays an empty string).
    pub(crate) fn write_csv(&self, out: &mut String) {
        match self {
            Value::Text(None) | Value::Int(None) | Value::Date(None) | Value::Bool(None) => {}
            Value::Text(Some(text)) => {
                out.push('"');
                for c in text.chars() {
                    if c == '"' {
                        out.push('"');
                    }
                    out.push(c);
                }
                out.push('"');
            }
            Value::Int(Some(n)) => {
                let _ = write!(out, "{n}");
            }
            Value::Date(Some(date)) => {
                let _ = write!(
                    out,
                    "{:04}-{:02}-{:02}",
                    date.year(),
                    u8::from(date.month()),
                    date.day()
                );
            }
            Value::Bool(Some(b)) => out.push_str(if *b { "t" } else { "f" }),
        }
    }
}

/// Binds `values` in order to a query of either engine.
macro_rules! bind_all {
    ($query:expr, $values:expr) => {{
        let mut query = $query;
        for value in $values {
            query = match value {
                $crate::value::Value::Text(v) => query.bind(v),
                $crate::value::Value::Int(v) => query.bind(v),
                $crate::value::Value::Date(v) => query.bind(v),
                $crate::value::Value::Bool(v) => query.bind(v),
            };
        }
        query
    }};
}
pub(crate) use bind_all;

/// Reads a row's columns as [`Value`]s of the given types.
pub(crate) fn decode_row<'r, R>(row: &'r R, types: &[Ty]) -> Result<Vec<Value>, sqlx::Error>
where
    R: Row,
    usize: ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    Date: Decode<'r, R::Database> + Type<R::Database>,
    bool: Decode<'r, R::Database> + Type<R::Database>,
{
    types
        .iter()
        .enumerate()
        .map(|(i, ty)| {
            Ok(match ty {
                Ty::Text => Value::Text(row.try_get(i)?),
                Ty::Int => Value::Int(row.try_get(i)?),
                Ty::Date => Value::Date(row.try_get(i)?),
                Ty::Bool => Value::Bool(row.try_get(i)?),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_keep_null_apart_from_empty_text() {
        let mut out = String::new();
        for v in [
            Value::Text(None),
            Value::text(""),
            Value::text("a \"b\", c"),
            Value::int(-5),
            Value::Date(Date::from_calendar_date(2026, time::Month::March, 1).ok()),
            Value::Bool(Some(true)),
        ] {
            v.write_csv(&mut out);
            out.push(',');
        }
        assert_eq!(out, ",\"\",\"a \"\"b\"\", c\",-5,2026-03-01,t,");
    }
}
