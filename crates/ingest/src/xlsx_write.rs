//! Writing rows as an XLSX workbook for export. Every cell is a text cell
//! with the Text number format, so an 18-digit NIP, a leading zero or a
//! `yyyy-mm-dd` date comes back exactly as written when the file is edited
//! in Excel and imported again.

use std::fmt;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::record::Column;

/// Column widths in characters: wide enough for a NIP or a date, never so
/// wide that one long name pushes the rest off screen.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

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
    /// Past Excel's own limits: 1,048,576 rows, 32,767 characters a cell.
    #[error("writing the workbook failed")]
    Xlsx(#[from] XlsxError),
}

/// One worksheet of rows under a bold header, built in memory.
pub struct XlsxSink {
    worksheet: Worksheet,
    text: Format,
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
            if !value.is_empty() {
                self.worksheet.write_string_with_format(
                    self.next_row,
                    col(index)?,
                    value,
                    &self.text,
                )?;
            }
            *width = (*width).max(value.chars().count());
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

/// A worksheet column number; more columns than a sheet has is Excel's
/// limit error.
fn col(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}
