//! Reading the first worksheet of an XLSX workbook into the same [`Record`]s
//! the CSV reader gives: the header in row 1, columns found by name.
//!
//! A workbook is a ZIP archive of XML parts, and calamine decompresses a
//! part with no bound of its own (perf_reliability.md §4.2). So before
//! calamine sees the bytes, [`Sheet::open`] checks the file size, the sizes
//! the archive declares, the bytes each part really unpacks to, and the range
//! each worksheet declares, against [`Limits`]. Cells are then streamed, never
//! loaded as one dense range, and every cell is checked against the row and
//! column limits again, since the declared range may lie.

use std::io::{self, BufReader, Cursor, Read};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::{self, JoinHandle};

use calamine::{DataRef, Dimensions, Reader, Xlsx, XlsxError};
use quick_xml::events::Event;
use zip::ZipArchive;

use crate::delimited::{FileError, empty, match_columns};
use crate::record::{Column, Place, Record, Unreadable, column_letters, shown};

/// Bounds on what a workbook may make the reader hold or do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Size of the XLSX file itself.
    pub max_bytes: u64,
    /// Sum of the unpacked sizes of all the workbook's parts, declared and
    /// real.
    pub max_uncompressed: u64,
    /// Last row a worksheet may declare or fill (1-based).
    pub max_rows: u64,
    /// Last column a worksheet may declare or fill (1-based).
    pub max_columns: u64,
    /// Unpacked size of the shared strings (`xl/sharedStrings.xml`), which
    /// calamine reads into memory whole before the first row: with the
    /// sheet streamed, this is what bounds the memory of a read.
    pub max_shared_strings: u64,
    /// Longest run of an XML part without a `<`: the largest text or tag
    /// the XML reader buffers at once.
    pub max_token: u64,
}

impl Default for Limits {
    /// The limits of docs/formats.md: 100 MB file, 1 GB unpacked, 64 MB
    /// of shared strings, texts and tags up to 1 MiB, 5,000,000 rows, 200
    /// columns.
    fn default() -> Limits {
        Limits {
            max_bytes: 100_000_000,
            max_uncompressed: 1_000_000_000,
            max_rows: 5_000_000,
            max_columns: 200,
            max_shared_strings: 64_000_000,
            max_token: 1 << 20,
        }
    }
}

/// How many records the reading thread may run ahead of the caller.
const READ_AHEAD: usize = 1024;

/// Header names whose values are NIPs: an 18-digit NIP in a number cell has
/// already lost its last digits (Excel keeps 15), so such a cell is an error.
const NIP_COLUMNS: [&str; 3] = ["nipbaru", "nip", "nipnrppenilai"];

/// The first worksheet of a workbook whose header has been checked.
///
/// calamine's cell reader borrows the open workbook, so it cannot live in
/// this struct next to it without `unsafe`. A thread owns both and sends
/// records through a bounded channel: rows stream with bounded memory, and
/// dropping the `Sheet` stops the thread at its next record.
#[derive(Debug)]
pub struct Sheet {
    rows: Receiver<Result<Record, FileError>>,
    worker: Option<JoinHandle<()>>,
}

impl Sheet {
    /// Checks `bytes` against `limits`, opens the first worksheet and checks
    /// that its row 1 names every required one of `columns`
    /// (case-insensitive; other columns are ignored). Records hold the
    /// values of `columns`, in that order.
    pub fn open(bytes: &[u8], columns: &[Column], limits: &Limits) -> Result<Sheet, FileError> {
        inspect(bytes, limits)?;
        let (header_tx, header_rx) = sync_channel(1);
        let (rows_tx, rows_rx) = sync_channel(READ_AHEAD);
        let owned = bytes.to_vec();
        let columns = columns.to_vec();
        let limits = limits.clone();
        let worker = thread::Builder::new()
            .name("xlsx-reader".to_owned())
            .spawn(move || {
                let mut out = Out {
                    header: Some(header_tx),
                    rows: rows_tx,
                };
                if let Err(Stop::File(error)) = stream(owned, &columns, &limits, &mut out) {
                    out.fail(error);
                }
            })?;
        match header_rx.recv() {
            Ok(Ok(())) => Ok(Sheet {
                rows: rows_rx,
                worker: Some(worker),
            }),
            Ok(Err(error)) => {
                // The worker stops right after sending an error.
                let _ = worker.join();
                Err(error)
            }
            Err(_) => Err(stopped(worker)),
        }
    }

    /// The next record, or `None` at the end. Blank rows are skipped. After
    /// an `Err` there are no more records.
    pub fn next_record(&mut self) -> Option<Result<Record, FileError>> {
        match self.rows.recv() {
            Ok(item) => Some(item),
            Err(_) => self
                .worker
                .take()
                .map(stopped_early)
                .and_then(Result::err)
                .map(Err),
        }
    }
}

/// Joins a worker that ended without a word: it can only have panicked.
fn stopped(worker: JoinHandle<()>) -> FileError {
    stopped_early(worker)
        .err()
        .unwrap_or_else(|| FileError::NotWorkbook {
            reason: "the sheet reader ended before reading the header".to_owned(),
        })
}

/// `Err` when the worker panicked, `Ok` when it ended normally.
fn stopped_early(worker: JoinHandle<()>) -> Result<(), FileError> {
    worker.join().map_err(|_| FileError::NotWorkbook {
        reason: "the sheet reader failed on this file".to_owned(),
    })
}

/// Where the reading thread sends its results.
struct Out {
    /// Taken once the header has been reported.
    header: Option<SyncSender<Result<(), FileError>>>,
    rows: SyncSender<Result<Record, FileError>>,
}

/// Why the reading thread stopped early.
enum Stop {
    File(FileError),
    /// The `Sheet` was dropped: nobody wants the rest.
    Closed,
}

impl From<FileError> for Stop {
    fn from(error: FileError) -> Stop {
        Stop::File(error)
    }
}

impl From<XlsxError> for Stop {
    fn from(error: XlsxError) -> Stop {
        Stop::File(not_workbook(&error))
    }
}

impl Out {
    fn header_ok(&mut self) -> Result<(), Stop> {
        match self.header.take() {
            Some(tx) => tx.send(Ok(())).map_err(|_| Stop::Closed),
            None => Ok(()),
        }
    }

    fn record(&self, record: Record) -> Result<(), Stop> {
        self.rows.send(Ok(record)).map_err(|_| Stop::Closed)
    }

    /// Reports `error` where the caller waits: at open while the header is
    /// pending, else as the next record.
    fn fail(mut self, error: FileError) {
        // A closed channel means the caller has gone; nothing is owed.
        let _ = match self.header.take() {
            Some(tx) => tx.send(Err(error)).map_err(drop),
            None => self.rows.send(Err(error)).map_err(drop),
        };
    }
}

fn not_workbook(error: &dyn std::fmt::Display) -> FileError {
    FileError::NotWorkbook {
        reason: error.to_string(),
    }
}

/// The checks made before calamine parses anything.
fn inspect(bytes: &[u8], limits: &Limits) -> Result<(), FileError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_bytes {
        return Err(FileError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| FileError::NotWorkbook {
        reason: format!("it is not a complete ZIP archive ({e})"),
    })?;
    let mut declared: u64 = 0;
    let mut names = Vec::with_capacity(zip.len());
    for index in 0..zip.len() {
        let part = zip
            .by_index_raw(index)
            .map_err(|e| damaged(&format!("number {}", index + 1), &e))?;
        names.push(part_name(&part));
        if is_shared_strings(&part_name(&part)) && part.size() > limits.max_shared_strings {
            return Err(FileError::SharedStringsTooLarge {
                part: part_name(&part),
                limit: limits.max_shared_strings,
            });
        }
        if part.size() > limits.max_uncompressed {
            return Err(FileError::PartTooLarge {
                part: part_name(&part),
                size: part.size(),
                limit: limits.max_uncompressed,
            });
        }
        declared = declared.saturating_add(part.size());
    }
    if declared > limits.max_uncompressed {
        return Err(FileError::UnpackedTooLarge {
            size: declared,
            limit: limits.max_uncompressed,
        });
    }
    // The declared sizes may lie: unpack every part once, counting, and stop
    // at the budget. (zip 9 already refuses a part that outgrows its claim;
    // this bound holds whatever the zip crate does.) On the way, read each
    // worksheet's declared range.
    let mut left = limits.max_uncompressed;
    for (index, name) in names.into_iter().enumerate() {
        let shared = is_shared_strings(&name);
        let cap = match shared {
            true => left.min(limits.max_shared_strings),
            false => left,
        };
        let part = zip.by_index(index).map_err(|e| damaged(&name, &e))?;
        let mut budget = Tokens {
            inner: part.take(cap.saturating_add(1)),
            run: 0,
            limit: limits.max_token,
            too_long: false,
        };
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".xml") {
            let mut xml = quick_xml::Reader::from_reader(BufReader::new(&mut budget));
            let range = declared_range(&mut xml);
            drop(xml);
            if let Some(range) = range.filter(|_| !budget.too_long) {
                check_range(&range, limits)?;
            }
        }
        budget.limit = match lower.ends_with(".xml") || lower.ends_with(".rels") {
            true => limits.max_token,
            false => u64::MAX,
        };
        let copied = io::copy(&mut budget, &mut io::sink());
        if budget.too_long {
            return Err(FileError::TokenTooLong {
                part: name,
                limit: limits.max_token,
            });
        }
        copied.map_err(|e| damaged(&name, &e))?;
        // What the take passed on, the XML scan's share included.
        let used = cap.saturating_add(1).saturating_sub(budget.inner.limit());
        if used > cap {
            return Err(match shared && used > limits.max_shared_strings {
                true => FileError::SharedStringsTooLarge {
                    part: name,
                    limit: limits.max_shared_strings,
                },
                false => FileError::InflatesBeyond {
                    part: name,
                    limit: limits.max_uncompressed,
                },
            });
        }
        left -= used;
    }
    Ok(())
}

/// Whether a part is the workbook's shared strings, whatever the case.
fn is_shared_strings(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with("sharedstrings.xml")
}

/// A part's bytes, refused (as an I/O error, with `too_long` set) once
/// more than `limit` follow each other without a `<`.
struct Tokens<R> {
    inner: R,
    run: u64,
    limit: u64,
    too_long: bool,
}

impl<R: Read> Read for Tokens<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for byte in buf.iter().take(n) {
            self.run = if *byte == b'<' {
                0
            } else {
                self.run.saturating_add(1)
            };
            self.too_long |= self.run > self.limit;
        }
        // Refused before the XML reader gets the buffer, so it never holds
        // more than the limit and a buffer of one text or tag.
        if self.too_long {
            return Err(io::Error::other("a text or tag is too long"));
        }
        Ok(n)
    }
}

fn damaged(part: &str, error: &dyn std::fmt::Display) -> FileError {
    FileError::NotWorkbook {
        reason: format!("part {part} of the archive is damaged ({error})"),
    }
}

fn part_name<R: Read>(part: &zip::read::ZipFile<'_, R>) -> String {
    part.name().map_or_else(
        |_| String::from_utf8_lossy(part.name_raw()).into_owned(),
        |name| name.into_owned(),
    )
}

/// The `ref` of a worksheet's `<dimension>`, read without going past
/// `<sheetData>`; `None` for a part that is not a worksheet, has no
/// dimension, or is not well-formed (calamine reports that, if it is the
/// sheet it reads).
fn declared_range<R: io::BufRead>(xml: &mut quick_xml::Reader<R>) -> Option<String> {
    let mut buf = Vec::new();
    let mut in_worksheet = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) => match (in_worksheet, e.local_name().as_ref()) {
                (false, "worksheet") => in_worksheet = true,
                (true, "dimension") => {
                    let attribute = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "ref")?;
                    // A cell range has no characters XML would escape.
                    return Some(attribute.value.into_owned());
                }
                (true, "sheetData") | (false, _) => return None,
                (true, _) => {}
            },
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Refuses a declared range like `A1:XFD1048576` that reaches past the
/// limits. An unreadable range is left to the per-cell checks.
fn check_range(range: &str, limits: &Limits) -> Result<(), FileError> {
    let last = range.rsplit(':').next().unwrap_or(range);
    let Some(position) = cell_position(last) else {
        return Ok(());
    };
    check_size(position, limits, || {
        format!("a worksheet declares the range {range}")
    })
}

/// Refuses a 1-based `(row, column)` past the row or column limit; `at`
/// says where the error names it.
fn check_size(
    (row, column): (u64, u64),
    limits: &Limits,
    at: impl Fn() -> String,
) -> Result<(), FileError> {
    let too_large = |found, what, limit| FileError::SheetTooLarge {
        at: at(),
        found,
        what,
        limit,
    };
    if row > limits.max_rows {
        return Err(too_large(row, "rows", limits.max_rows));
    }
    if column > limits.max_columns {
        return Err(too_large(column, "columns", limits.max_columns));
    }
    Ok(())
}

/// The 1-based (row, column) of a reference like `XFD1048576` or `$B$7`;
/// numbers too large for `u64` saturate, which any limit refuses.
fn cell_position(reference: &str) -> Option<(u64, u64)> {
    let reference = reference.trim().replace('$', "");
    let digits = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = reference.split_at(digits);
    if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let column = letters.bytes().fold(0u64, |n, b| {
        n.saturating_mul(26)
            .saturating_add(u64::from(b.to_ascii_uppercase() - b'A' + 1))
    });
    let row = number.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    Some((row, column))
}

/// One cell of the row being assembled.
struct Cell {
    value: Result<String, Unreadable>,
    formula: Option<String>,
}

/// The header once row 1 has been read.
struct Header {
    /// Columns up to the last named one: the data area.
    width: usize,
    /// The header names of the data area, for error messages.
    names: Vec<String>,
    /// Each asked-for column and its 0-based position.
    columns: Vec<(Column, Option<usize>)>,
    /// Positions of asked-for NIP columns.
    nip: Vec<usize>,
}

/// Reads the first worksheet, reporting the header and then each record to
/// `out`.
fn stream(bytes: Vec<u8>, columns: &[Column], limits: &Limits, out: &mut Out) -> Result<(), Stop> {
    let mut workbook: Xlsx<Cursor<Vec<u8>>> = Xlsx::new(Cursor::new(bytes))?;
    let name = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| FileError::NotWorkbook {
            reason: "it has no worksheet".to_owned(),
        })?;
    let merged = workbook.merge_cells_by_sheet_name(&name)?;
    let mut cells = workbook.worksheet_cells_reader(&name)?;
    let mut header: Option<Header> = None;
    let mut row: Vec<Option<Cell>> = Vec::new();
    let mut row_index: u32 = 0;
    loop {
        let next = cells.next_cell_with_formula()?;
        let next_row = next.as_ref().map(|c| c.pos.0);
        if next_row != Some(row_index) {
            // Row `row_index` is complete.
            match &header {
                None => {
                    let found = header_from(&row, next_row.is_some(), columns, &merged)?;
                    header = Some(found);
                    out.header_ok()?;
                }
                Some(header) => {
                    if let Some(record) = record_from(&row, row_index, header)? {
                        out.record(record)?;
                    }
                }
            }
            row.clear();
            match next_row {
                None => return Ok(()),
                Some(next_row) if next_row < row_index => {
                    return Err(FileError::NotWorkbook {
                        reason: format!(
                            "row {} comes after row {} in the sheet",
                            u64::from(next_row) + 1,
                            u64::from(row_index) + 1
                        ),
                    }
                    .into());
                }
                Some(next_row) => row_index = next_row,
            }
        }
        let Some(cell) = next else { return Ok(()) };
        if cell.formula.is_none() && matches!(cell.value, DataRef::Empty) {
            // Formatting without a value: nothing to read or to refuse.
            continue;
        }
        let (r, c) = cell.pos;
        check_cell(r, c, limits)?;
        let column = usize::try_from(c).unwrap_or(usize::MAX);
        let width = header.as_ref().map_or(usize::MAX, |h| h.width);
        if column >= width {
            continue;
        }
        let nip = header.as_ref().is_some_and(|h| h.nip.contains(&column));
        if row.len() <= column {
            row.resize_with(column + 1, || None);
        }
        if let Some(slot) = row.get_mut(column) {
            *slot = Some(Cell {
                value: text(&cell.value, nip),
                formula: cell.formula,
            });
        }
    }
}

/// Refuses a filled cell past the row or column limit.
fn check_cell(row: u32, column: u32, limits: &Limits) -> Result<(), FileError> {
    let (r, c) = (u64::from(row) + 1, u64::from(column) + 1);
    check_size((r, c), limits, || {
        format!(
            "row {r}, cell {}{r}: the worksheet fills this cell",
            column_letters(usize::try_from(c).unwrap_or(usize::MAX))
        )
    })
}

/// Checks row 1 and finds the columns. `more` tells whether rows follow:
/// a sheet with nothing at all is empty, one with data under a blank row 1
/// lacks its header.
fn header_from(
    row: &[Option<Cell>],
    more: bool,
    columns: &[Column],
    merged: &[Dimensions],
) -> Result<Header, FileError> {
    let names: Vec<String> = row
        .iter()
        .map(|cell| match cell {
            Some(Cell {
                value: Ok(text), ..
            }) => text.trim().to_owned(),
            Some(Cell {
                value: Err(unreadable),
                ..
            }) => unreadable.shown.clone(),
            None => String::new(),
        })
        .collect();
    let width = names
        .iter()
        .rposition(|n| !n.is_empty())
        .map_or(0, |last| last + 1);
    if width == 0 && !more {
        return Err(empty(columns));
    }
    let names = names.into_iter().take(width).collect::<Vec<_>>();
    if let Some(region) = merged
        .iter()
        .find(|d| usize::try_from(d.start.1).unwrap_or(usize::MAX) < width)
    {
        return Err(FileError::Merged {
            range: format!("{}:{}", cell_name(region.start), cell_name(region.end)),
        });
    }
    check_formulas(row, 0, &names)?;
    let columns = match_columns(&names, columns, Place::Row(1))?;
    let nip = columns
        .iter()
        .filter(|(column, _)| NIP_COLUMNS.contains(&column.name.to_lowercase().as_str()))
        .filter_map(|(_, index)| *index)
        .collect();
    Ok(Header {
        width,
        names,
        columns,
        nip,
    })
}

/// `C7` for the 0-based (6, 2).
fn cell_name((row, column): (u32, u32)) -> String {
    format!(
        "{}{}",
        column_letters(
            usize::try_from(column)
                .unwrap_or(usize::MAX)
                .saturating_add(1)
        ),
        u64::from(row) + 1
    )
}

fn check_formulas(row: &[Option<Cell>], row_index: u32, names: &[String]) -> Result<(), FileError> {
    for (column, cell) in row.iter().enumerate() {
        if let Some(Cell {
            formula: Some(formula),
            ..
        }) = cell
        {
            let r = u64::from(row_index) + 1;
            let name = names.get(column).filter(|n| !n.is_empty());
            return Err(FileError::Formula {
                at: format!(
                    "row {r}, cell {}{r}{}",
                    column_letters(column + 1),
                    name.map_or_else(String::new, |n| format!(" ({})", shown(n)))
                ),
                formula: shown(formula),
            });
        }
    }
    Ok(())
}

/// The record of a complete data row, `None` for a blank one.
fn record_from(
    row: &[Option<Cell>],
    row_index: u32,
    header: &Header,
) -> Result<Option<Record>, FileError> {
    check_formulas(row, row_index, &header.names)?;
    let blank = row.iter().flatten().all(|cell| match &cell.value {
        Ok(text) => text.trim().is_empty(),
        Err(_) => false,
    });
    if blank {
        return Ok(None);
    }
    Ok(Some(Record::of_columns(
        Place::Row(u64::from(row_index) + 1),
        &header.columns,
        |_, i| Some(row.get(i)?.as_ref()?.value.clone()),
    )))
}

/// The text of a cell: strings as they are, numbers without a needless
/// `.0`, dates as `yyyy-mm-dd`, booleans as `true`/`false`. A number in a
/// NIP column and an error value are unreadable.
fn text(value: &DataRef<'_>, nip: bool) -> Result<String, Unreadable> {
    let number = |shown: String| {
        if nip {
            Err(Unreadable {
                shown,
                reason: "the NIP is a number cell and has lost digits; format the column as Text and type the NIPs again",
            })
        } else {
            Ok(shown)
        }
    };
    match value {
        DataRef::Empty => Ok(String::new()),
        DataRef::String(s) => Ok(s.clone()),
        DataRef::SharedString(s) => Ok((*s).to_owned()),
        DataRef::Int(i) => number(i.to_string()),
        // Rust prints a float in the shortest form that reads back the same,
        // with no exponent and no `.0` on whole numbers.
        DataRef::Float(f) => number(f.to_string()),
        DataRef::Bool(b) => Ok(b.to_string()),
        DataRef::DateTime(datetime) if datetime.is_datetime() => {
            let (y, mo, d, h, mi, s, ms) = datetime.to_ymd_hms_milli();
            if (h, mi, s, ms) == (0, 0, 0, 0) {
                Ok(format!("{y:04}-{mo:02}-{d:02}"))
            } else {
                // Kept whole, so that a date column refuses it rather than
                // dropping the time unseen.
                Ok(format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}"))
            }
        }
        DataRef::DateTime(duration) => number(duration.as_f64().to_string()),
        DataRef::DateTimeIso(s) => Ok(s.strip_suffix("T00:00:00").unwrap_or(s).to_owned()),
        DataRef::DurationIso(s) => Ok(s.clone()),
        DataRef::Error(e) => Err(Unreadable {
            shown: e.to_string(),
            reason: "the cell holds an Excel error value, not data; correct or clear it",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_positions_follow_spreadsheets() {
        assert_eq!(cell_position("A1"), Some((1, 1)));
        assert_eq!(cell_position("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_position("$b$7"), Some((7, 2)));
        assert_eq!(cell_position("7"), None);
        assert_eq!(cell_position("A"), None);
        assert_eq!(cell_position("A1B"), None);
        let (row, _) = cell_position("A99999999999999999999999").unwrap();
        assert_eq!(row, u64::MAX);
    }

    #[test]
    fn cells_become_text() {
        assert_eq!(text(&DataRef::Float(3.0), false).unwrap(), "3");
        assert_eq!(text(&DataRef::Float(87.5), false).unwrap(), "87.5");
        assert_eq!(text(&DataRef::Int(42), false).unwrap(), "42");
        assert_eq!(text(&DataRef::Bool(true), false).unwrap(), "true");
        let nip = text(&DataRef::Float(196_608_011_988_031_000.0), true).unwrap_err();
        assert_eq!(nip.shown, "196608011988031000");
        let na = text(&DataRef::Error(calamine::CellErrorType::NA), false).unwrap_err();
        assert_eq!(na.shown, "#N/A");
    }
}
