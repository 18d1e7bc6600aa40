//! Decoding a stored row: its values read in column order, each checked
//! against what the record expects.

use std::str::FromStr;

use super::View;
use crate::StorageError;
use crate::value::{Ty, Value};

/// The values of one stored row, read in column order by [`Stored::decode`].
#[derive(Debug)]
pub struct Columns {
    table: &'static str,
    names: &'static [(&'static str, Ty)],
    values: std::vec::IntoIter<Value>,
    index: usize,
}

impl Columns {
    fn next(&mut self) -> Result<(Value, &'static str), StorageError> {
        let name = self.names.get(self.index).map_or("?", |(n, _)| *n);
        self.index += 1;
        let value = self.values.next().ok_or_else(|| StorageError::Corrupt {
            table: self.table,
            column: name,
            value: String::new(),
            reason: "missing column".into(),
        })?;
        Ok((value, name))
    }

    /// The error for a stored `value` of `column` that does not decode, e.g.
    /// a column read earlier that only a later one lets [`Stored::decode`]
    /// check.
    pub fn corrupt(&self, column: &'static str, value: String, reason: String) -> StorageError {
        StorageError::Corrupt {
            table: self.table,
            column,
            value,
            reason,
        }
    }

    pub fn opt_text(&mut self) -> Result<Option<String>, StorageError> {
        match self.next()? {
            (Value::Text(t), _) => Ok(t),
            (other, name) => Err(self.corrupt(name, format!("{other:?}"), "not text".into())),
        }
    }

    pub fn text(&mut self) -> Result<String, StorageError> {
        let name = self.current_name();
        self.opt_text()?
            .ok_or_else(|| self.corrupt(name, String::new(), "NULL".into()))
    }

    pub fn opt_int(&mut self) -> Result<Option<i64>, StorageError> {
        match self.next()? {
            (Value::Int(n), _) => Ok(n),
            (other, name) => Err(self.corrupt(name, format!("{other:?}"), "not an integer".into())),
        }
    }

    pub fn int<N: TryFrom<i64>>(&mut self) -> Result<N, StorageError> {
        let name = self.current_name();
        let n = self
            .opt_int()?
            .ok_or_else(|| self.corrupt(name, String::new(), "NULL".into()))?;
        N::try_from(n).map_err(|_| self.corrupt(name, n.to_string(), "out of range".into()))
    }

    pub fn opt_small<N: TryFrom<i64>>(&mut self) -> Result<Option<N>, StorageError> {
        let name = self.current_name();
        match self.opt_int()? {
            None => Ok(None),
            Some(n) => N::try_from(n)
                .map(Some)
                .map_err(|_| self.corrupt(name, n.to_string(), "out of range".into())),
        }
    }

    pub fn opt_date(&mut self) -> Result<Option<time::Date>, StorageError> {
        match self.next()? {
            (Value::Date(d), _) => Ok(d),
            (other, name) => Err(self.corrupt(name, format!("{other:?}"), "not a date".into())),
        }
    }

    pub fn date(&mut self) -> Result<time::Date, StorageError> {
        let name = self.current_name();
        self.opt_date()?
            .ok_or_else(|| self.corrupt(name, String::new(), "NULL".into()))
    }

    pub fn bool(&mut self) -> Result<bool, StorageError> {
        match self.next()? {
            (Value::Bool(Some(b)), _) => Ok(b),
            (other, name) => Err(self.corrupt(name, format!("{other:?}"), "not a boolean".into())),
        }
    }

    /// A text column holding a code that `T` parses.
    pub fn parse<T: FromStr>(&mut self) -> Result<T, StorageError>
    where
        T::Err: std::fmt::Display,
    {
        let name = self.current_name();
        let text = self.text()?;
        text.parse()
            .map_err(|e: T::Err| self.corrupt(name, text.clone(), e.to_string()))
    }

    pub fn parse_opt<T: FromStr>(&mut self) -> Result<Option<T>, StorageError>
    where
        T::Err: std::fmt::Display,
    {
        let name = self.current_name();
        match self.opt_text()? {
            None => Ok(None),
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|e: T::Err| self.corrupt(name, text.clone(), e.to_string())),
        }
    }

    /// A text column that `read` turns into a value; its error makes the row
    /// corrupt.
    pub fn text_with<T, E: std::fmt::Display>(
        &mut self,
        read: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, StorageError> {
        let name = self.current_name();
        let text = self.text()?;
        read(&text).map_err(|e| self.corrupt(name, text, e.to_string()))
    }

    /// A nullable text column that `read` turns into a value.
    pub fn opt_text_with<T, E: std::fmt::Display>(
        &mut self,
        read: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Option<T>, StorageError> {
        let name = self.current_name();
        match self.opt_text()? {
            None => Ok(None),
            Some(text) => read(&text)
                .map(Some)
                .map_err(|e| self.corrupt(name, text, e.to_string())),
        }
    }

    /// A nullable integer column that `read` turns into a value.
    pub fn opt_int_with<T, E: std::fmt::Display>(
        &mut self,
        read: impl FnOnce(i64) -> Result<T, E>,
    ) -> Result<Option<T>, StorageError> {
        let name = self.current_name();
        match self.opt_int()? {
            None => Ok(None),
            Some(n) => read(n)
                .map(Some)
                .map_err(|e| self.corrupt(name, n.to_string(), e.to_string())),
        }
    }

    /// An integer column that `read` turns into a value.
    pub fn int_with<T, E: std::fmt::Display>(
        &mut self,
        read: impl FnOnce(i64) -> Result<T, E>,
    ) -> Result<T, StorageError> {
        let name = self.current_name();
        self.opt_int_with(read)?
            .ok_or_else(|| self.corrupt(name, String::new(), "NULL".into()))
    }

    fn current_name(&self) -> &'static str {
        self.names.get(self.index).map_or("?", |(n, _)| *n)
    }
}

/// The record `T` from the values of its columns, in order.
pub(super) fn decode<T: View>(values: Vec<Value>) -> Result<T, StorageError> {
    let mut columns = Columns {
        table: T::TABLE,
        names: T::COLUMNS,
        values: values.into_iter(),
        index: 0,
    };
    T::decode(&mut columns)
}

#[cfg(test)]
mod tests {
    use super::super::Stored;
    use super::super::example::{Example, example};
    use super::*;

    #[test]
    fn a_row_decodes_in_column_order() {
        let record = Example {
            catatan: Some("baik".into()),
            ..example("1", 2024)
        };
        assert_eq!(decode::<Example>(record.values()).ok(), Some(record));
    }

    fn reason(values: Vec<Value>) -> (&'static str, String) {
        match decode::<Example>(values) {
            Err(StorageError::Corrupt { column, reason, .. }) => (column, reason),
            other => panic!("not corrupt: {other:?}"),
        }
    }

    #[test]
    fn a_bad_value_names_its_column() {
        let null = vec![Value::text("1"), Value::Int(None), Value::Text(None)];
        assert_eq!(reason(null), ("tahun", "NULL".to_owned()));
        let wide = vec![Value::text("1"), Value::int(i64::MAX), Value::Text(None)];
        assert_eq!(reason(wide), ("tahun", "out of range".to_owned()));
        let text = vec![Value::int(1), Value::int(2024), Value::Text(None)];
        assert_eq!(reason(text), ("nip", "not text".to_owned()));
        let short = vec![Value::text("1"), Value::int(2024)];
        assert_eq!(reason(short), ("catatan", "missing column".to_owned()));
    }

    #[test]
    fn a_stored_nip_that_does_not_parse_names_its_table_and_value() {
        let values = vec![
            Value::text("2026-S1"),
            Value::text("19800101"),
            Value::int(6),
            Value::int(7),
            Value::text("alasan"),
            Value::text("ketua"),
            Value::int(0),
        ];
        match decode::<crate::KalibrasiRow>(values) {
            Err(StorageError::Corrupt {
                table,
                column,
                value,
                ..
            }) => assert_eq!(
                (table, column, value.as_str()),
                ("kalibrasi", "nip", "19800101")
            ),
            other => panic!("not corrupt: {other:?}"),
        }
    }
}
