//! Writing rows as an XLSX workbook for export. Every cell is a text cell
//! with the Text number format, so an 18-digit NIP, a leading zero or a
//! `yyyy-mm-dd` date comes back exactly as written when the file is edited
//! in Excel and imported again.
//!
//! A value longer than a cell holds is refused with its row and column,
//! never cut: an export is imported back, and a cut value would silently
//! replace the stored one. (The import's column maxima keep every stored
//! value far below the limit; this is the last guard.) A download that is
//! only read, never imported, may [`fit`] its values first.

use std::borrow::Cow;
use std::fmt;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::record::{Column, column_letters};

/// Column widths in characters: wide enough for a NIP or a date, never so
/// wide that one long name pushes the rest off screen.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// The most characters a spreadsheet cell holds (Excel's limit).
pub const CELL_MAX: usize = 32_767;

/// A problem writing an export workbook.
#[derive(Debug, thiserror::Error)]
pub enum XlsxWriteError {
    #[error("row {row} has {found} values for {expected} columns")]
    Width {
        /// 1-based worksheet row.
        row: u64,
        found: usize,
        expected: usize,
    },
    #[error(
        "row {row}, cell {cell} ({name}): a value of {length} characters, more than the {CELL_MAX} a spreadsheet cell holds"
    )]
    TooLong {
        /// 1-based worksheet row.
        row: u64,
        /// `C7`.
        cell: String,
        name: &'static str,
        length: usize,
    },
    /// Past Excel's own limits: 1,048,576 rows, 16,384 columns.
    #[error("writing the workbook failed")]
    Xlsx(#[from] XlsxError),
}

/// One worksheet of rows under a bold header, built in memory.
pub struct XlsxSink {
    worksheet: Worksheet,
    text: Format,
    names: Vec<&'static str>,
    /// The longest value so far of each column, in characters.
    widths: Vec<usize>,
    /// The next 0-based row to write.
    next_row: u32,
}

impl fmt::Debug for XlsxSink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("XlsxSink")
            .field("columns", &self.widths.len())
            .field("next_row", &self.next_row)
            .finish_non_exhaustive()
    }
}

impl XlsxSink {
    /// A sheet whose header names `columns`, in that order.
    pub fn new(columns: &[Column]) -> Result<XlsxSink, XlsxWriteError> {
        let text = Format::new().set_num_format("@");
        let bold = text.clone().set_bold();
        let mut worksheet = Worksheet::new();
        let mut widths = Vec::with_capacity(columns.len());
        for (index, column) in columns.iter().enumerate() {
            worksheet.write_string_with_format(0, col(index)?, column.name, &bold)?;
            widths.push(column.name.chars().count());
        }
        worksheet.set_freeze_panes(1, 0)?;
        Ok(XlsxSink {
            worksheet,
            text,
            names: columns.iter().map(|c| c.name).collect(),
            widths,
            next_row: 1,
        })
    }

    /// Appends one row, a value for each column.
    pub fn push(&mut self, row: &[String]) -> Result<(), XlsxWriteError> {
        if row.len() != self.widths.len() {
            return Err(XlsxWriteError::Width {
                row: u64::from(self.next_row) + 1,
                found: row.len(),
                expected: self.widths.len(),
            });
        }
        for ((index, value), width) in row.iter().enumerate().zip(&mut self.widths) {
            let length = value.chars().count();
            if length > CELL_MAX {
                let row = u64::from(self.next_row) + 1;
                return Err(XlsxWriteError::TooLong {
                    row,
                    cell: format!("{}{row}", column_letters(index + 1)),
                    name: self.names.get(index).copied().unwrap_or_default(),
                    length,
                });
            }
            if !value.is_empty() {
                self.worksheet.write_string_with_format(
                    self.next_row,
                    col(index)?,
                    value,
                    &self.text,
                )?;
            }
            *width = (*width).max(length);
        }
        self.next_row = self.next_row.saturating_add(1);
        Ok(())
    }

    /// The workbook's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, XlsxWriteError> {
        for (index, width) in self.widths.iter().enumerate() {
            // One character of padding, as Excel's own autofit leaves.
            let chars = width.clamp(&MIN_WIDTH, &MAX_WIDTH) + 1;
            self.worksheet
                .set_column_width(col(index)?, u32::try_from(chars).unwrap_or(u32::MAX))?;
        }
        let mut workbook = Workbook::new();
        // A fixed creation time: the same rows give the same bytes, and this
        // crate reads no clock.
        workbook.set_properties(
            &DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
        );
        workbook.push_worksheet(self.worksheet);
        Ok(workbook.save_to_buffer()?)
    }
}

/// `value` cut to what a cell holds, ending in `…` when cut: for a
/// download that is read, never imported back.
pub fn fit(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(CELL_MAX - 1) {
        Some((end, _)) if value.chars().nth(CELL_MAX).is_some() => {
            Cow::Owned(format!("{}…", value.get(..end).unwrap_or_default()))
        }
        _ => Cow::Borrowed(value),
    }
}

/// A worksheet column number; more columns than a sheet has is Excel's
/// limit error.
fn col(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_longer_than_a_cell_is_refused_with_its_place_or_fitted() {
        let columns = [Column::required("nip"), Column::required("nama")];
        let longest = "x".repeat(CELL_MAX);
        let over = "é".repeat(CELL_MAX + 1);
        let mut sink = XlsxSink::new(&columns).unwrap();
        sink.push(&["1".to_owned(), longest.clone()]).unwrap();
        let error = sink.push(&["2".to_owned(), over.clone()]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "row 3, cell B3 (nama): a value of 32768 characters, more than the 32767 a spreadsheet cell holds"
        );

        assert_eq!(fit(&longest), longest);
        let fitted = fit(&over);
        assert_eq!(fitted.chars().count(), CELL_MAX);
        assert!(fitted.ends_with("é…"));
        let mut sink = XlsxSink::new(&columns).unwrap();
        sink.push(&["2".to_owned(), fitted.into_owned()]).unwrap();
        assert!(sink.finish().unwrap().starts_with(b"PK"));
    }
}
