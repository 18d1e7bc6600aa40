//! One row of an input file, whatever the file's format, and the located
//! errors about its values. CSV rows are placed by line, XLSX rows by row and
//! cell, so an error points where the user will look.

use std::fmt;

/// Where a row is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// 1-based line of a text file (the header is line 1).
    Line(u64),
    /// 1-based row of a worksheet (the header is row 1).
    Row(u64),
}

impl Place {
    /// The line or row number.
    pub fn number(self) -> u64 {
        match self {
            Place::Line(n) | Place::Row(n) => n,
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Row(n) => write!(f, "row {n}"),
        }
    }
}

/// A problem with one value; the rest of the file is still checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub place: Place,
    /// 1-based column.
    pub column: usize,
    /// The column's header name.
    pub name: String,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::Line(line) => write!(f, "line {line}, column {}", self.column)?,
            Place::Row(row) => write!(f, "row {row}, cell {}{row}", column_letters(self.column))?,
        }
        write!(
            f,
            " ({}): value {:?}: {}",
            self.name, self.value, self.reason
        )
    }
}

/// Spreadsheet column letters of a 1-based column: 1 → A, 27 → AA.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A column a reader asks for. A required column must be in the header (its
/// values may still be blank: whether a value is needed is the parser's
/// call); an optional one may be absent, and then reads as blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    pub cell: Cell,
    /// The most characters a value may have (docs/formats.md, "Lengths and
    /// characters"): far below a spreadsheet cell's 32,767, so whatever
    /// was imported can be exported and shown.
    pub max: usize,
}

/// The maximum of a column that declares none: SIASN's common text field.
pub const TEXT_MAX: usize = 255;

/// How many characters of a value an error message shows: enough to find
/// it, while a 50 MB value still makes a short message.
pub const SHOWN_MAX: usize = 60;

/// `value` as an error message shows it: at most [`SHOWN_MAX`] characters,
/// then `…`.
pub fn shown(value: &str) -> String {
    match value.char_indices().nth(SHOWN_MAX) {
        None => value.to_owned(),
        Some((end, _)) => format!("{}…", value.get(..end).unwrap_or_default()),
    }
}

/// Why `text` cannot be a value of at most `max` characters on one line:
/// too long, or holding a control character (U+0000–U+001F, U+007F; tab
/// and line breaks included, as no column holds more than one line).
pub fn check_text(text: &str, max: usize) -> Result<(), String> {
    // Every value of an import passes here, so the common case is kept to
    // a byte scan: a text has at least as many bytes as characters, and an
    // ASCII control character is one byte that never occurs inside a
    // multi-byte character. Characters are counted only for a long value
    // or an error.
    if text.len() > max && text.chars().nth(max).is_some() {
        return Err(format!("more than {max} characters"));
    }
    match text.bytes().position(|b| b.is_ascii_control()) {
        None => Ok(()),
        Some(at) => {
            let before = text.get(..at).unwrap_or_default();
            let control = text.get(at..).and_then(|rest| rest.chars().next());
            Err(format!(
                "holds the control character U+{:04X} at character {}",
                control.map_or(0, u32::from),
                before.chars().count() + 1
            ))
        }
    }
}

/// What a column holds, as its declaration says: this, never the value,
/// decides whether a CSV cell is guarded against formulas
/// ([`crate::formula`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Text, codes and dates: guarded.
    Text,
    /// A number (a score, a level, a year, a count, a cost), written and
    /// read as it is, so `-5` stays a number.
    Number,
}

impl Column {
    pub const fn required(name: &'static str) -> Column {
        Column {
            name,
            required: true,
            cell: Cell::Text,
            max: TEXT_MAX,
        }
    }

    pub const fn optional(name: &'static str) -> Column {
        Column {
            name,
            required: false,
            cell: Cell::Text,
            max: TEXT_MAX,
        }
    }

    /// The same column, holding at most `max` characters.
    pub const fn max(self, max: usize) -> Column {
        Column { max, ..self }
    }

    /// The same column, holding numbers.
    pub const fn number(self) -> Column {
        Column {
            cell: Cell::Number,
            ..self
        }
    }
}

/// One row: the values of the asked-for columns, in the order asked for.
#[derive(Debug, Clone)]
pub struct Record {
    pub place: Place,
    fields: Vec<Field>,
}

#[derive(Debug, Clone)]
pub(crate) struct Field {
    /// 1-based column in the file; `None` when the header lacks this
    /// (optional) column.
    pub(crate) column: Option<usize>,
    pub(crate) name: &'static str,
    /// The column's [`Column::max`].
    pub(crate) max: usize,
    /// The text, or why the cell holds no usable text.
    pub(crate) value: Result<String, Unreadable>,
}

/// A value the reader could not turn into text: what to show the user and
/// why it cannot be used. Parsers see it as a located [`RowError`], so one
/// unreadable cell does not stop the rest of the file being checked.
#[derive(Debug, Clone)]
pub(crate) struct Unreadable {
    pub(crate) shown: String,
    pub(crate) reason: &'static str,
}

impl Unreadable {
    pub(crate) fn not_utf8(bytes: &[u8]) -> Unreadable {
        Unreadable {
            shown: shown(&String::from_utf8_lossy(bytes)),
            reason: "not valid UTF-8 text (save the file as CSV UTF-8)",
        }
    }
}

impl Record {
    /// The record at `place` of the asked-for `columns`, each with its
    /// 0-based position in the file when the header has it; `cell` gives
    /// the value at a position, `None` for a cell the row lacks (blank).
    pub(crate) fn of_columns(
        place: Place,
        columns: &[(Column, Option<usize>)],
        mut cell: impl FnMut(&Column, usize) -> Option<Result<String, Unreadable>>,
    ) -> Record {
        let fields = columns
            .iter()
            .map(|(column, index)| Field {
                column: index.map(|i| i + 1),
                name: column.name,
                max: column.max,
                value: index
                    .and_then(|i| cell(column, i))
                    .unwrap_or_else(|| Ok(String::new())),
            })
            .collect();
        Record { place, fields }
    }

    /// The value of the `index`-th asked-for column, trimmed; a blank,
    /// absent or undecodable value is a located error.
    pub fn get(&self, index: usize) -> Result<&str, RowError> {
        self.get_opt(index)?
            .ok_or_else(|| self.error(index, "", "missing value"))
    }

    /// Like [`Record::get`], but a blank or absent value is `None`. A value
    /// over its column's maximum or with a control character is an error
    /// ([`check_text`]).
    pub fn get_opt(&self, index: usize) -> Result<Option<&str>, RowError> {
        let Some(field) = self.fields.get(index) else {
            return Err(self.error(index, "", "no such column"));
        };
        match &field.value {
            Ok(text) if text.trim().is_empty() => Ok(None),
            Ok(text) => {
                let text = text.trim();
                check_text(text, field.max).map_err(|reason| self.error(index, text, reason))?;
                Ok(Some(text))
            }
            Err(unreadable) => Err(self.error(index, &unreadable.shown, unreadable.reason)),
        }
    }

    /// Locates an error about the `index`-th asked-for column, showing
    /// `value` [`shown`] short.
    pub fn error(&self, index: usize, value: &str, reason: impl Into<String>) -> RowError {
        let field = self.fields.get(index);
        RowError {
            place: self.place,
            column: field.and_then(|f| f.column).unwrap_or(0),
            name: field.map_or_else(String::new, |f| f.name.to_owned()),
            value: shown(value),
            reason: reason.into(),
        }
    }

    /// Parses the `index`-th value with `parse`, which returns a reason on
    /// failure; a blank value is "missing value".
    pub fn parse<T>(
        &self,
        index: usize,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, RowError> {
        let text = self.get(index)?;
        parse(text).map_err(|reason| self.error(index, text, reason))
    }

    /// Like [`Record::parse`] for an optional value: blank is `Ok(None)`.
    pub fn parse_opt<T>(
        &self,
        index: usize,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<Option<T>, RowError> {
        match self.get_opt(index)? {
            None => Ok(None),
            Some(text) => parse(text)
                .map(Some)
                .map_err(|reason| self.error(index, text, reason)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_measured_and_searched_in_characters_not_bytes() {
        // 100 two-byte characters: 200 bytes, within a maximum of 100.
        let long = "é".repeat(100);
        assert_eq!(check_text(&long, 100), Ok(()));
        assert_eq!(
            check_text(&format!("{long}é"), 100),
            Err("more than 100 characters".to_owned())
        );
        assert_eq!(
            check_text("Ciamis ké\u{7}", 100),
            Err("holds the control character U+0007 at character 10".to_owned())
        );
    }

    #[test]
    fn column_letters_follow_spreadsheets() {
        let shown: Vec<String> = [1, 2, 26, 27, 52, 53, 702, 703, 16384]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(shown, ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    }

    #[test]
    fn errors_name_line_or_cell() {
        let error = |place| RowError {
            place,
            column: 3,
            name: "tglLahir".into(),
            value: "31-02-1990".into(),
            reason: "no such date".into(),
        };
        assert_eq!(
            error(Place::Line(7)).to_string(),
            "line 7, column 3 (tglLahir): value \"31-02-1990\": no such date"
        );
        assert_eq!(
            error(Place::Row(7)).to_string(),
            "row 7, cell C7 (tglLahir): value \"31-02-1990\": no such date"
        );
    }
}
