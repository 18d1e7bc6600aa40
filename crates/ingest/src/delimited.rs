//! Reading delimited text the way spreadsheets write it: a header row, UTF-8
//! with or without a byte-order mark, `,` or (Excel with an Indonesian
//! locale) `;` between fields, CRLF or LF line ends.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;

use crate::formula::unguard;
use crate::record::{Column, Place, Record, Unreadable, column_letters, shown};

/// A problem with the file as a whole; nothing in it can be read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("the file is empty: expected a header row with the columns {expected}")]
    Empty { expected: String },
    #[error("{place}: the header lacks the column(s) {missing} (found: {found})")]
    MissingColumns {
        /// Line 1 of a text file or row 1 of a worksheet.
        place: Place,
        missing: String,
        found: String,
    },
    #[error("{}: the header names {name:?} twice", header_cell(*.place, *.column))]
    DuplicateColumn {
        place: Place,
        column: usize,
        name: String,
    },
    #[error("line 1: the header is not valid UTF-8 text (save the file as CSV UTF-8)")]
    HeaderEncoding,
    #[error("line {line}: {reason}")]
    Syntax { line: u64, reason: String },
    #[error("reading failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error(
        "not a readable XLSX workbook: {reason} (save it from Excel as \"Excel Workbook (*.xlsx)\")"
    )]
    NotWorkbook { reason: String },
    #[error(
        "the workbook part {part} claims {size} bytes unpacked, over the limit of {limit} bytes"
    )]
    PartTooLarge { part: String, size: u64, limit: u64 },
    #[error(
        "the workbook's parts claim {size} bytes unpacked in all, over the limit of {limit} bytes"
    )]
    UnpackedTooLarge { size: u64, limit: u64 },
    #[error(
        "the workbook part {part} unpacks to more than it claims, past the limit of {limit} bytes for the whole workbook"
    )]
    InflatesBeyond { part: String, limit: u64 },
    #[error(
        "the workbook part {part} (the shared strings, which are read into memory whole) unpacks to more than the limit of {limit} bytes"
    )]
    SharedStringsTooLarge { part: String, limit: u64 },
    #[error(
        "the workbook part {part} holds a text or tag longer than the limit of {limit} bytes (a cell holds at most 32,767 characters)"
    )]
    TokenTooLong { part: String, limit: u64 },
    #[error("{at}: {found} {what}, over the limit of {limit}")]
    SheetTooLarge {
        /// The claim or the cell that crosses the limit.
        at: String,
        found: u64,
        /// `rows` or `columns`.
        what: &'static str,
        limit: u64,
    },
    #[error("{at}: holds a formula (={formula}); paste values instead")]
    Formula {
        /// `row 7, cell C7 (name)`.
        at: String,
        formula: String,
    },
    #[error("the cells {range} are merged; unmerge them so that every value has its own cell")]
    Merged { range: String },
}

/// The header cell `column` (1-based) as the user sees it.
fn header_cell(place: Place, column: usize) -> String {
    match place {
        Place::Line(line) => format!("line {line}, column {column}"),
        Place::Row(row) => format!("row {row}, cell {}{row}", column_letters(column)),
    }
}

/// An open delimited file whose header has been checked.
pub struct Table<R: Read> {
    reader: csv::Reader<Tee<BufReader<R>>>,
    window: Rc<RefCell<Window>>,
    /// Each asked-for column and its 0-based position in the file. A text
    /// cell loses the mark the writer put in front of it
    /// ([`crate::formula`]).
    columns: Vec<(Column, Option<usize>)>,
}

impl<R: Read> fmt::Debug for Table<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("columns", &self.columns)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Table<R> {
    /// Opens `input`, finds the delimiter and checks that the header names
    /// every required one of `columns` (case-insensitive; other columns are
    /// ignored). Records hold the values of `columns`, in that order.
    pub fn open(input: R, columns: &[Column]) -> Result<Table<R>, FileError> {
        let mut buffered = BufReader::with_capacity(1 << 16, input);
        let delimiter = sniff_delimiter(buffered.fill_buf()?);
        let window = Rc::new(RefCell::new(Window::default()));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(Tee {
                inner: buffered,
                window: Rc::clone(&window),
            });
        let header = reader.byte_headers().map_err(|e| syntax(&e))?.clone();
        if header.is_empty() || header.iter().all(|h| h.iter().all(u8::is_ascii_whitespace)) {
            return Err(empty(columns));
        }
        let mut found = Vec::new();
        for raw in &header {
            let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
            let name = std::str::from_utf8(raw).map_err(|_| FileError::HeaderEncoding)?;
            found.push(name.to_owned());
        }
        let columns = match_columns(&found, columns, Place::Line(1))?;
        Ok(Table {
            reader,
            window,
            columns,
        })
    }

    /// The next record, or `None` at the end. Blank lines are skipped.
    pub fn next_record(&mut self) -> Option<Result<Record, FileError>> {
        let mut row = csv::ByteRecord::new();
        loop {
            match self.reader.read_byte_record(&mut row) {
                Err(e) => return Some(Err(syntax(&e))),
                Ok(false) => return None,
                Ok(true) if row.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) => {}
                Ok(true) => break,
            }
        }
        let start = row.position().map_or(0, csv::Position::byte);
        let line = self.window.borrow_mut().line_at(start);
        Some(Ok(Record::of_columns(
            Place::Line(line),
            &self.columns,
            |column, i| {
                let bytes = row.get(i)?;
                Some(
                    std::str::from_utf8(bytes)
                        .map(|text| unguard(column.cell, text).to_owned())
                        .map_err(|_| Unreadable::not_utf8(bytes)),
                )
            },
        )))
    }
}

/// How many header names an error lists before "and N more".
const NAMES_SHOWN: usize = 30;

/// The header names `found`, trimmed and lowercased as they are matched,
/// each [`shown`] short and at most [`NAMES_SHOWN`] of them, so a header
/// of any size makes a short message.
fn shown_names(found: &[String]) -> String {
    let mut list: Vec<String> = found
        .iter()
        .take(NAMES_SHOWN)
        .map(|name| shown(&name.trim().to_lowercase()))
        .collect();
    if let Some(more) = found.len().checked_sub(NAMES_SHOWN).filter(|n| *n > 0) {
        list.push(format!("and {more} more"));
    }
    list.join(", ")
}

/// The error for a file without a header row.
pub(crate) fn empty(columns: &[Column]) -> FileError {
    let expected = columns
        .iter()
        .filter(|c| c.required)
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(",");
    FileError::Empty { expected }
}

/// Finds each of `columns` in the header names `found` (trimmed,
/// case-insensitive): its 0-based position, `None` for an absent optional
/// column. A repeated name or an absent required column is an error at
/// `place`, the header's line or row.
pub(crate) fn match_columns(
    found: &[String],
    columns: &[Column],
    place: Place,
) -> Result<Vec<(Column, Option<usize>)>, FileError> {
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, name) in found.iter().enumerate() {
        let name = name.trim().to_lowercase();
        if names.insert(name.clone(), i).is_some() && !name.is_empty() {
            return Err(FileError::DuplicateColumn {
                place,
                column: i + 1,
                name: shown(&name),
            });
        }
    }
    let missing: Vec<&str> = columns
        .iter()
        .filter(|c| c.required && !names.contains_key(&c.name.to_lowercase()))
        .map(|c| c.name)
        .collect();
    if !missing.is_empty() {
        return Err(FileError::MissingColumns {
            place,
            missing: missing.join(", "),
            found: shown_names(found),
        });
    }
    Ok(columns
        .iter()
        .map(|c| (*c, names.get(&c.name.to_lowercase()).copied()))
        .collect())
}

/// Passes bytes through to the CSV reader and keeps those not yet
/// attributed to a record, so that a record's line can be counted exactly.
/// (The csv crate's own line numbers are taken before blank lines are skipped
/// and lag by one after CRLF line ends.)
struct Tee<R> {
    inner: R,
    window: Rc<RefCell<Window>>,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.window
            .borrow_mut()
            .bytes
            .extend(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
}

/// Bytes from offset `base` up to what the reader has read, and the number
/// of line ends before `base`: LF, CRLF, or a lone CR as old Mac Excel
/// writes, all of which the CSV reader takes as line ends. Bounded by the CSV reader's buffer plus one
/// record, as every query moves `base` forward.
#[derive(Default)]
struct Window {
    base: u64,
    newlines: u64,
    /// Whether the byte before `base` was a CR, whose line end an LF
    /// right after it completes rather than starts.
    after_cr: bool,
    bytes: VecDeque<u8>,
}

impl Window {
    /// The 1-based line of the first byte at or after `offset` that is not a
    /// line end, dropping everything before it.
    fn line_at(&mut self, offset: u64) -> u64 {
        while self.base < offset {
            match self.bytes.pop_front() {
                Some(byte) => self.advance(byte),
                None => break,
            }
        }
        while let Some(&byte) = self.bytes.front() {
            if byte != b'\n' && byte != b'\r' {
                break;
            }
            self.bytes.pop_front();
            self.advance(byte);
        }
        self.newlines + 1
    }

    fn advance(&mut self, byte: u8) {
        self.base += 1;
        self.newlines += u64::from(byte == b'\r' || (byte == b'\n' && !self.after_cr));
        self.after_cr = byte == b'\r';
    }
}

fn syntax(error: &csv::Error) -> FileError {
    match error.kind() {
        csv::ErrorKind::Io(e) => FileError::Io(std::io::Error::new(e.kind(), e.to_string())),
        _ => FileError::Syntax {
            line: error.position().map_or(0, csv::Position::line),
            reason: error.to_string(),
        },
    }
}

/// `;` when the first line has semicolons and no commas, else `,`.
fn sniff_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first_line.iter().filter(|b| **b == d).count();
    if count(b';') > 0 && count(b',') == 0 {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(text: &[u8]) -> Result<Table<&[u8]>, FileError> {
        Table::open(
            text,
            &[Column::required("nip"), Column::required("kinerja")],
        )
    }

    #[test]
    fn finds_columns_in_any_order_with_bom_and_semicolons() {
        let mut t =
            open(b"\xEF\xBB\xBFNama;Kinerja;NIP\r\nAni;85,5;196608011988031001\r\n").unwrap();
        let r = t.next_record().unwrap().unwrap();
        assert_eq!(r.place, Place::Line(2));
        assert_eq!(r.get(0).unwrap(), "196608011988031001");
        assert_eq!(r.get(1).unwrap(), "85,5");
        assert!(t.next_record().is_none());
    }

    #[test]
    fn header_problems_are_file_errors() {
        assert!(matches!(open(b""), Err(FileError::Empty { .. })));
        assert!(matches!(open(b"\n\n"), Err(FileError::Empty { .. })));
        let e = open(b"nip,score\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 1: the header lacks the column(s) kinerja (found: nip, score)"
        );
        assert!(matches!(
            open(b"nip,NIP,kinerja\n"),
            Err(FileError::DuplicateColumn { column: 2, .. })
        ));
        assert!(matches!(
            open(b"ni\xFFp,kinerja\n"),
            Err(FileError::HeaderEncoding)
        ));
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        // Found by the csv_rows fuzz target: a record was placed on line 1.
        let mut t = open(b"nip,kinerja\r1,2\r\r3,4\r\n5,6\n").unwrap();
        let lines: Vec<Place> = std::iter::from_fn(|| t.next_record())
            .map(|r| r.unwrap().place)
            .collect();
        assert_eq!(lines, [Place::Line(2), Place::Line(4), Place::Line(5)]);
    }

    #[test]
    fn short_rows_and_bad_bytes_are_located() {
        let mut t = open(b"nip,kinerja\n\n196608011988031001\n1,\xFF\n").unwrap();
        let short = t.next_record().unwrap().unwrap();
        assert_eq!(short.place, Place::Line(3));
        let e = short.get(1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 3, column 2 (kinerja): value \"\": missing value"
        );
        let bad = t.next_record().unwrap().unwrap();
        assert_eq!(bad.get(1).unwrap_err().column, 2);
        assert!(bad.get(1).unwrap_err().reason.contains("UTF-8"));
    }
}
