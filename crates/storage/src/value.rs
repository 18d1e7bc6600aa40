//! Column values in one engine-neutral shape, so that a record type
//! describes its row once and each engine binds, copies and decodes it.

use std::fmt::Write as _;

use sqlx::{ColumnIndex, Decode, Row, Type};
use time::Date;

use crate::StorageError;

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

/// Decodes rows read in bulk as one JSON array of arrays (SQLite
/// `json_group_array(json_array(…))`, PostgreSQL `json_agg(json_build_array(…))`)
/// into [`Value`]s of the given types, without an intermediate JSON tree,
/// and hands each row to `decode` as soon as it is read; `count` rows are
/// expected (room is made for them; any other number is read as well). Dates are
/// `YYYY-MM-DD` strings on both engines; booleans are `0`/`1` on SQLite and
/// `true`/`false` on PostgreSQL.
pub(crate) fn decode_json_rows<R>(
    json: &str,
    count: usize,
    types: &[Ty],
    decode: impl FnMut(Vec<Value>) -> Result<R, StorageError>,
) -> Result<Vec<R>, JsonRowsError> {
    use serde::de::DeserializeSeed;
    let mut failure = None;
    let mut de = serde_json::Deserializer::from_str(json);
    let rows = RowsSeed {
        // No row is shorter than its brackets.
        count: count.min(json.len() / 2),
        types,
        decode,
        failure: &mut failure,
    }
    .deserialize(&mut de);
    if let Some(error) = failure {
        return Err(JsonRowsError::Row(error));
    }
    let rows = rows.map_err(|e| JsonRowsError::Json(e.to_string()))?;
    de.end().map_err(|e| JsonRowsError::Json(e.to_string()))?;
    Ok(rows)
}

/// Why rows read as JSON did not decode.
#[derive(Debug)]
pub(crate) enum JsonRowsError {
    /// Not the JSON of rows of the expected column types.
    Json(String),
    /// A row that `decode` refused.
    Row(StorageError),
}

struct RowsSeed<'t, 'f, F> {
    /// How many rows the text holds, as far as the caller knows.
    count: usize,
    types: &'t [Ty],
    decode: F,
    failure: &'f mut Option<StorageError>,
}
struct RowSeed<'t>(&'t [Ty]);
struct CellSeed(Ty);

impl<'de, F, R> serde::de::DeserializeSeed<'de> for RowsSeed<'_, '_, F>
where
    F: FnMut(Vec<Value>) -> Result<R, StorageError>,
{
    type Value = Vec<R>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F, R> serde::de::Visitor<'de> for RowsSeed<'_, '_, F>
where
    F: FnMut(Vec<Value>) -> Result<R, StorageError>,
{
    type Value = Vec<R>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of rows")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        mut self,
        mut seq: A,
    ) -> Result<Self::Value, A::Error> {
        let mut rows = Vec::with_capacity(self.count);
        while let Some(row) = seq.next_element_seed(RowSeed(self.types))? {
            match (self.decode)(row) {
                Ok(row) => rows.push(row),
                Err(error) => {
                    *self.failure = Some(error);
                    return Err(serde::de::Error::custom("a row did not decode"));
                }
            }
        }
        Ok(rows)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for RowSeed<'_> {
    type Value = Vec<Value>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for RowSeed<'_> {
    type Value = Vec<Value>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a row: an array of column values")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut row = Vec::with_capacity(self.0.len());
        for ty in self.0 {
            match seq.next_element_seed(CellSeed(*ty))? {
                Some(value) => row.push(value),
                None => return Err(serde::de::Error::invalid_length(row.len(), &self)),
            }
        }
        if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
            return Err(serde::de::Error::invalid_length(self.0.len() + 1, &self));
        }
        Ok(row)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for CellSeed {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl CellSeed {
    fn null(&self) -> Value {
        match self.0 {
            Ty::Text => Value::Text(None),
            Ty::Int => Value::Int(None),
            Ty::Date => Value::Date(None),
            Ty::Bool => Value::Bool(None),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for CellSeed {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a value of type {:?}", self.0)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(self.null())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(self.null())
    }
    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Value, E> {
        match self.0 {
            Ty::Bool => Ok(Value::Bool(Some(b))),
            _ => Err(E::invalid_type(serde::de::Unexpected::Bool(b), &self)),
        }
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Value, E> {
        match self.0 {
            Ty::Int => Ok(Value::Int(Some(n))),
            Ty::Bool => Ok(Value::Bool(Some(n != 0))),
            _ => Err(E::invalid_type(serde::de::Unexpected::Signed(n), &self)),
        }
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Value, E> {
        match self.0 {
            Ty::Int => i64::try_from(n)
                .map(|n| Value::Int(Some(n)))
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self)),
            Ty::Bool => Ok(Value::Bool(Some(n != 0))),
            _ => Err(E::invalid_type(serde::de::Unexpected::Unsigned(n), &self)),
        }
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Value, E> {
        match self.0 {
            Ty::Text => Ok(Value::Text(Some(s.to_owned()))),
            Ty::Date => parse_date(s)
                .map(|d| Value::Date(Some(d)))
                .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(s), &self)),
            _ => Err(E::invalid_type(serde::de::Unexpected::Str(s), &self)),
        }
    }
    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Value, E> {
        match self.0 {
            Ty::Text => Ok(Value::Text(Some(s))),
            _ => self.visit_str(&s),
        }
    }
}

/// `YYYY-MM-DD`, as both engines write a date.
fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    let month = time::Month::try_from(u8::try_from(num(5..7)?).ok()?).ok()?;
    let day = u8::try_from(num(8..10)?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
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

    #[test]
    fn json_rows_decode_by_column_type() {
        let types = [Ty::Text, Ty::Int, Ty::Date, Ty::Bool, Ty::Bool, Ty::Text];
        let rows = decode_json_rows(
            r#"[["a \"b\"", -5, "2026-03-01", 1, false, null], [null, null, null, null, true, ""]]"#,
            2,
            &types,
            Ok,
        );
        assert_eq!(
            rows.ok(),
            Some(vec![
                vec![
                    Value::text("a \"b\""),
                    Value::int(-5),
                    Value::Date(Date::from_calendar_date(2026, time::Month::March, 1).ok()),
                    Value::Bool(Some(true)),
                    Value::Bool(Some(false)),
                    Value::Text(None),
                ],
                vec![
                    Value::Text(None),
                    Value::Int(None),
                    Value::Date(None),
                    Value::Bool(None),
                    Value::Bool(Some(true)),
                    Value::text(""),
                ],
            ])
        );
        assert!(decode_json_rows("[[1]]", 1, &[Ty::Text], Ok).is_err());
        assert!(decode_json_rows(r#"[["2026-13-01"]]"#, 1, &[Ty::Date], Ok).is_err());
        assert!(decode_json_rows("[[1, 2]]", 1, &[Ty::Int], Ok).is_err());
        // A row the caller refuses stops the reading with its error.
        let refused = decode_json_rows("[[1], [2]]", 2, &[Ty::Int], |row| match row.first() {
            Some(Value::Int(Some(2))) => Err(StorageError::Corrupt {
                table: "t",
                column: "c",
                value: "2".into(),
                reason: "two".into(),
            }),
            _ => Ok(row),
        });
        assert!(matches!(
            refused,
            Err(JsonRowsError::Row(StorageError::Corrupt {
                column: "c",
                ..
            }))
        ));
    }
}
