//! Keeping spreadsheet formulas out of the CSV files the project writes
//! (OWASP, "CSV Injection"; ASVS 5.0 1.2.10). A spreadsheet opening a CSV
//! file runs a cell that starts with `=`, `+`, `-` or `@` as a formula
//! (`=HYPERLINK(...)`, `+cmd|' /C calc'!A0`), and some also after a leading
//! tab, carriage return or NUL. A text cell that starts with one of these is
//! written with a `'` in front, which spreadsheets show as text. So that
//! the reader can remove exactly the mark the writer added, a text that
//! itself starts with `'` gets one too: the reader removes one leading `'`
//! from every text cell, and import → export → import is exact.
//!
//! Which cells are text is the column's declaration ([`Cell`]), never a
//! guess from the value: a number column's `-5` stays a number.

use std::borrow::Cow;

use crate::record::Cell;

/// The mark in front of a guarded text.
const MARK: char = '\'';

/// The first characters a spreadsheet reads as the start of a formula, and
/// the mark itself.
const GUARDED: [char; 8] = ['=', '+', '-', '@', '\t', '\r', '\0', MARK];

/// `value` as a CSV cell of a `cell` column: a text with a mark in front when
/// it starts with one of [`GUARDED`]; a number as it is.
pub fn guard(cell: Cell, value: &str) -> Cow<'_, str> {
    match (cell, value.chars().next()) {
        (Cell::Text, Some(first)) if GUARDED.contains(&first) => {
            Cow::Owned(format!("{MARK}{value}"))
        }
        _ => Cow::Borrowed(value),
    }
}

/// A CSV cell of a `cell` column as its value: a text trimmed and without
/// one leading mark; a number as it is.
pub fn unguard(cell: Cell, value: &str) -> &str {
    match cell {
        Cell::Text => {
            let trimmed = value.trim();
            trimmed.strip_prefix(MARK).unwrap_or(trimmed)
        }
        Cell::Number => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_starts_a_formula_gets_one_mark_and_loses_it_again() {
        for (value, written) in [
            (
                "=HYPERLINK(\"http://evil.example\",\"klik\")",
                "'=HYPERLINK(\"http://evil.example\",\"klik\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("\0=1", "'\0=1"),
            ("'quoted", "''quoted"),
            ("''", "'''"),
            ("+6281234567890", "'+6281234567890"),
            ("Budi", "Budi"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(guard(Cell::Text, value), written, "{value:?}");
            assert_eq!(unguard(Cell::Text, written), value, "{written:?}");
        }
    }

    #[test]
    fn numbers_are_written_and_read_as_they_are() {
        for value in ["-5", "85.5", "'7"] {
            assert_eq!(guard(Cell::Number, value), value);
            assert_eq!(unguard(Cell::Number, value), value);
        }
    }

    #[test]
    fn the_reader_removes_one_mark_from_any_text() {
        // A hand-made file may mark a value as Excel users do (`'0812…`,
        // `'196608011988031001`): the mark is not part of the value.
        assert_eq!(unguard(Cell::Text, "'0812"), "0812");
        assert_eq!(unguard(Cell::Text, "  '=x  "), "=x");
        assert_eq!(unguard(Cell::Text, "'"), "");
        assert_eq!(unguard(Cell::Text, "a'b"), "a'b");
    }
}
