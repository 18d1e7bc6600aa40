//! Reads a labelled dense cost matrix from CSV.
//!
//! Format: a header line of column ids (its first cell is ignored, it is
//! usually a label such as `row`), then one line per row: the row id, then
//! one cell per column. A cell holds a number (negative and fractional
//! allowed, surrounding spaces ignored) or nothing, which forbids the pair.
//! Ids must be non-empty and unique on their side. Standard CSV quoting is
//! supported, so ids may contain commas.
//!
//! Errors name the 1-based line and column (the row id is column 1) and the
//! offending text. The reader streams from any [`std::io::Read`] and performs
//! no file-system access itself, so it can be fed arbitrary bytes in tests.

use std::collections::HashSet;
use std::io::Read;

use csv::{ByteRecord, ReaderBuilder};

use crate::CostMatrix;
use crate::cost_matrix::{FORBIDDEN, is_valid_cost};

/// A cost matrix with the ids of its rows and columns, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct LabeledMatrix {
    /// Row ids, in the order of the lines.
    pub row_ids: Vec<String>,
    /// Column ids, in the order of the header.
    pub col_ids: Vec<String>,
    /// The costs; `row_ids.len() x col_ids.len()`.
    pub costs: CostMatrix,
}

/// Why the input is not a valid matrix file.
#[derive(Debug, thiserror::Error)]
pub enum MatrixCsvError {
    /// No header line at all.
    #[error("the input is empty: expected a header line of column ids")]
    Empty,
    /// The CSV layer failed (for example, the input could not be read).
    #[error("line {line}: {source}")]
    Csv {
        /// Line where reading failed (1-based).
        line: u64,
        /// The underlying error.
        source: csv::Error,
    },
    /// A line has a different number of cells than the header.
    #[error("line {line}: {found} cells, but the header has {expected}")]
    FieldCount {
        /// Line of the record (1-based).
        line: u64,
        /// Cells in the header.
        expected: usize,
        /// Cells on this line.
        found: usize,
    },
    /// A cell is not valid UTF-8.
    #[error("line {line}, column {column}: the cell is not valid UTF-8")]
    NotUtf8 {
        /// Line (1-based).
        line: u64,
        /// Column (1-based).
        column: usize,
    },
    /// A row or column id is empty.
    #[error("line {line}, column {column}: the id is empty")]
    EmptyId {
        /// Line (1-based).
        line: u64,
        /// Column (1-based).
        column: usize,
    },
    /// A row or column id appears twice.
    #[error("line {line}, column {column}: the id '{id}' appears twice")]
    DuplicateId {
        /// Line (1-based).
        line: u64,
        /// Column (1-based).
        column: usize,
        /// The repeated id.
        id: String,
    },
    /// A cell is neither empty nor a number.
    #[error("line {line}, column {column}: '{value}' is not a number")]
    NotANumber {
        /// Line (1-based).
        line: u64,
        /// Column (1-based).
        column: usize,
        /// The cell's text.
        value: String,
    },
    /// A cell is NaN, infinite or too large.
    #[error(
        "line {line}, column {column}: '{value}' is not a usable cost (it must be finite, of \
         magnitude at most {max:e}; leave the cell empty to forbid the pair)",
        max = crate::MAX_ABS_COST
    )]
    InvalidCost {
        /// Line (1-based).
        line: u64,
        /// Column (1-based).
        column: usize,
        /// The cell's text.
        value: String,
    },
}

/// Reads a matrix in the format described in the [module docs](self).
///
/// # Errors
/// The first problem found, as a [`MatrixCsvError`] naming line and column.
pub fn read(input: impl Read) -> Result<LabeledMatrix, MatrixCsvError> {
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let mut record = ByteRecord::new();
    let csv_error = |source: csv::Error| MatrixCsvError::Csv {
        line: source.position().map_or(0, csv::Position::line),
        source,
    };

    if !reader.read_byte_record(&mut record).map_err(csv_error)? {
        return Err(MatrixCsvError::Empty);
    }
    let header_line = line_of(&record);
    let col_ids = unique_ids(record.iter().skip(1), header_line, 2)?;
    let cols = col_ids.len();

    let mut row_ids = Vec::new();
    let mut seen_rows = HashSet::new();
    let mut cells = Vec::new();
    while reader.read_byte_record(&mut record).map_err(csv_error)? {
        let line = line_of(&record);
        if record.len() != cols + 1 {
            return Err(MatrixCsvError::FieldCount {
                line,
                expected: cols + 1,
                found: record.len(),
            });
        }
        let mut fields = record.iter();
        let id = id_text(fields.next().unwrap_or_default(), line, 1)?;
        if !seen_rows.insert(id.clone()) {
            return Err(MatrixCsvError::DuplicateId {
                line,
                column: 1,
                id,
            });
        }
        row_ids.push(id);
        for (index, field) in fields.enumerate() {
            cells.push(parse_cell(field, line, index + 2)?);
        }
    }
    let costs = CostMatrix::from_validated(row_ids.len(), cols, cells);
    Ok(LabeledMatrix {
        row_ids,
        col_ids,
        costs,
    })
}

fn line_of(record: &ByteRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}

/// Ids from consecutive cells starting at `first_column`, checked for
/// emptiness and duplicates.
fn unique_ids<'a>(
    fields: impl Iterator<Item = &'a [u8]>,
    line: u64,
    first_column: usize,
) -> Result<Vec<String>, MatrixCsvError> {
    let mut seen = HashSet::new();
    let mut ids = Vec::new();
    for (offset, field) in fields.enumerate() {
        let column = first_column + offset;
        let id = id_text(field, line, column)?;
        if !seen.insert(id.clone()) {
            return Err(MatrixCsvError::DuplicateId { line, column, id });
        }
        ids.push(id);
    }
    Ok(ids)
}

fn id_text(field: &[u8], line: u64, column: usize) -> Result<String, MatrixCsvError> {
    let text = std::str::from_utf8(field).map_err(|_| MatrixCsvError::NotUtf8 { line, column })?;
    let id = text.trim();
    if id.is_empty() {
        return Err(MatrixCsvError::EmptyId { line, column });
    }
    Ok(id.to_owned())
}

/// A cost, or the forbidden marker for an empty (or blank) cell. Parsed from
/// the bytes with `fast-float2` (no UTF-8 check on the hot path): a quarter
/// faster than `str::parse` on a 50M-cell file. The text is decoded only to
/// report an error.
fn parse_cell(field: &[u8], line: u64, column: usize) -> Result<f64, MatrixCsvError> {
    let trimmed = field.trim_ascii();
    if trimmed.is_empty() {
        return Ok(FORBIDDEN);
    }
    match fast_float2::parse::<f64, _>(trimmed) {
        Ok(value) if is_valid_cost(value) => Ok(value),
        parsed => {
            let text = std::str::from_utf8(trimmed)
                .map_err(|_| MatrixCsvError::NotUtf8 { line, column })?
                .to_owned();
            Err(if parsed.is_ok() {
                MatrixCsvError::InvalidCost {
                    line,
                    column,
                    value: text,
                }
            } else {
                MatrixCsvError::NotANumber {
                    line,
                    column,
                    value: text,
                }
            })
        }
    }
}
