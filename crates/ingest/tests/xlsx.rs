//! XLSX input, good and bad. Workbooks are built here with rust_xlsxwriter
//! and the zip crate, so every fixture shows how it was made.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::io::{Cursor, Write};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use talenta_ingest::xlsx::{Limits, Sheet};
use talenta_ingest::xlsx_write::XlsxSink;
use talenta_ingest::{Column, FileError, Place, Record, Rows};
use zip::write::SimpleFileOptions;

const COLUMNS: [Column; 3] = [
    Column::required("nipBaru"),
    Column::required("nama"),
    Column::optional("tglLahir"),
];

fn workbook(fill: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    fill(workbook.add_worksheet());
    workbook.save_to_buffer().unwrap()
}

fn header(ws: &mut Worksheet) {
    for (c, name) in ["NIPBaru", "Nama", "tglLahir"].into_iter().enumerate() {
        ws.write_string(0, u16::try_from(c).unwrap(), name).unwrap();
    }
}

fn open(bytes: &[u8]) -> Result<Sheet, FileError> {
    Sheet::open(bytes, &COLUMNS, &Limits::default())
}

fn all(rows: &mut impl Rows) -> Result<Vec<Record>, FileError> {
    let mut records = Vec::new();
    while let Some(record) = rows.next_record() {
        records.push(record?);
    }
    Ok(records)
}

/// The whole file's outcome: its records, or the file error (at open or on
/// the way), which then means no records at all.
fn read(bytes: &[u8]) -> Result<Vec<Record>, FileError> {
    all(&mut open(bytes)?)
}

fn values(record: &Record) -> Vec<String> {
    (0..COLUMNS.len())
        .map(|i| record.get_opt(i).unwrap().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn reads_text_numbers_dates_and_booleans() {
    let bytes = workbook(|ws| {
        ws.write_string(0, 0, "nama").unwrap();
        ws.write_string(0, 1, "Skor").unwrap();
        ws.write_string(0, 2, "nipBaru").unwrap();
        ws.write_string(0, 3, "tglLahir").unwrap();
        ws.write_string(0, 4, "aktif").unwrap();
        ws.write_string(1, 0, "Siti Aminah").unwrap();
        ws.write_number(1, 1, 87.5).unwrap();
        ws.write_string(1, 2, "196608011988031001").unwrap();
        let date = ExcelDateTime::from_ymd(1966, 8, 1).unwrap();
        ws.write_datetime_with_format(1, 3, &date, &Format::new().set_num_format("dd/mm/yyyy"))
            .unwrap();
        ws.write_boolean(1, 4, true).unwrap();
        // Row 3 blank: skipped. Row 4: a whole number.
        ws.write_string(3, 0, "Budi").unwrap();
        ws.write_number(3, 1, 90.0).unwrap();
    });
    let columns = [
        Column::required("nipBaru"),
        Column::required("nama"),
        Column::required("skor"),
        Column::optional("tglLahir"),
        Column::optional("aktif"),
        Column::optional("unorId"),
    ];
    let mut sheet = Sheet::open(&bytes, &columns, &Limits::default()).unwrap();
    let records = all(&mut sheet).unwrap();
    assert_eq!(records.len(), 2);
    let first = &records[0];
    assert_eq!(first.place, Place::Row(2));
    assert_eq!(first.get(0).unwrap(), "196608011988031001");
    assert_eq!(first.get(1).unwrap(), "Siti Aminah");
    assert_eq!(first.get(2).unwrap(), "87.5");
    assert_eq!(first.get(3).unwrap(), "1966-08-01");
    assert_eq!(first.get(4).unwrap(), "true");
    assert_eq!(first.get_opt(5).unwrap(), None);
    let second = &records[1];
    assert_eq!(second.place, Place::Row(4));
    assert_eq!(second.get(2).unwrap(), "90");
    let missing = second.get(0).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "row 4, cell C4 (nipBaru): value \"\": missing value"
    );
}

#[test]
fn a_numeric_nip_is_a_row_error() {
    let bytes = workbook(|ws| {
        header(ws);
        ws.write_number(1, 0, 196_608_011_988_031_001.0).unwrap();
        ws.write_string(1, 1, "Siti").unwrap();
    });
    let records = read(&bytes).unwrap();
    let error = records[0].get(0).unwrap_err();
    assert_eq!(error.place, Place::Row(2));
    assert_eq!(error.column, 1);
    assert!(
        error.to_string().starts_with(
            "row 2, cell A2 (nipBaru): value \"196608011988031000\": the NIP is a number cell"
        ),
        "{error}"
    );
    assert!(error.reason.contains("format the column as Text"));
}

#[test]
fn a_formula_is_refused_naming_its_cell() {
    let bytes = workbook(|ws| {
        header(ws);
        ws.write_string(0, 3, "total").unwrap();
        for r in 1..6 {
            ws.write_string(r, 0, "196608011988031001").unwrap();
            ws.write_string(r, 1, "Siti").unwrap();
        }
        ws.write_formula(6, 3, "=SUM(A1:A3)").unwrap();
    });
    let error = read(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 7, cell D7 (total): holds a formula (=SUM(A1:A3)); paste values instead"
    );
}

#[test]
fn merged_cells_are_refused_naming_the_range() {
    let bytes = workbook(|ws| {
        header(ws);
        ws.merge_range(1, 0, 2, 1, "Siti", &Format::new()).unwrap();
    });
    let error = open(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the cells A2:B3 are merged; unmerge them so that every value has its own cell"
    );
}

#[test]
fn a_sheet_declaring_the_whole_grid_is_refused_before_parsing() {
    let bytes = workbook(|ws| {
        header(ws);
        ws.write_string(1_048_575, 16_383, "x").unwrap();
    });
    let error = open(&bytes).unwrap_err();
    assert!(matches!(
        error,
        FileError::SheetTooLarge {
            found: 16_384,
            limit: 200,
            ..
        }
    ));
    assert_eq!(
        error.to_string(),
        "a worksheet declares the range A1:XFD1048576: 16384 columns, over the limit of 200"
    );
    // Rows are checked too.
    let limits = Limits {
        max_rows: 1000,
        max_columns: 20_000,
        ..Limits::default()
    };
    let error = Sheet::open(&bytes, &COLUMNS, &limits).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a worksheet declares the range A1:XFD1048576: 1048576 rows, over the limit of 1000"
    );
}

#[test]
fn a_cell_past_the_limits_is_refused_when_the_dimension_lies() {
    let bytes = workbook(|ws| {
        header(ws);
        ws.write_string(1, 0, "196608011988031001").unwrap();
        ws.write_string(5000, 1, "far down").unwrap();
    });
    let lied = replace(&bytes, "xl/worksheets/sheet1.xml", "A1:C5001", "A1:C2");
    let limits = Limits {
        max_rows: 100,
        ..Limits::default()
    };
    let error = all(&mut Sheet::open(&lied, &COLUMNS, &limits).unwrap()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 5001, cell B5001: the worksheet fills this cell: 5001 rows, over the limit of 100"
    );
}

#[test]
fn the_file_size_is_capped() {
    let bytes = workbook(header);
    let limits = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    let error = Sheet::open(&bytes, &COLUMNS, &limits).unwrap_err();
    assert!(
        matches!(error, FileError::TooLarge { limit: 1000, .. }),
        "{error}"
    );
}

/// The offsets of the uncompressed-size fields of every entry: 22 in a
/// local header, 24 in a central directory header.
fn patch_sizes(zip: &mut [u8], size: u32) {
    let positions: Vec<(usize, usize)> = zip
        .windows(4)
        .enumerate()
        .filter_map(|(i, w)| match w {
            [0x50, 0x4b, 0x03, 0x04] => Some((i, 22)),
            [0x50, 0x4b, 0x01, 0x02] => Some((i, 24)),
            _ => None,
        })
        .collect();
    for (at, offset) in positions {
        zip[at + offset..at + offset + 4].copy_from_slice(&size.to_le_bytes());
    }
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_part_claiming_two_gigabytes_is_refused() {
    let mut bytes = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    patch_sizes(&mut bytes, 2_000_000_000);
    let error = open(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the workbook part xl/workbook.xml claims 2000000000 bytes unpacked, over the limit of 1000000000 bytes"
    );
}

#[test]
fn declared_sizes_are_summed() {
    let big = vec![b' '; 600];
    let bytes = zip_of(&[("a.xml", &big), ("b.xml", &big)]);
    let limits = Limits {
        max_uncompressed: 1000,
        ..Limits::default()
    };
    let error = Sheet::open(&bytes, &COLUMNS, &limits).unwrap_err();
    assert!(
        matches!(
            error,
            FileError::UnpackedTooLarge {
                size: 1200,
                limit: 1000
            }
        ),
        "{error}"
    );
}

#[test]
fn a_part_inflating_past_its_claim_stops_at_the_budget() {
    let bomb = vec![b'<'; 10_000_000];
    let mut bytes = zip_of(&[("xl/sharedStrings.xml", &bomb)]);
    assert!(bytes.len() < 100_000, "deflate should shrink this much");
    patch_sizes(&mut bytes, 100);
    let limits = Limits {
        max_uncompressed: 1_000_000,
        ..Limits::default()
    };
    let error = Sheet::open(&bytes, &COLUMNS, &limits).unwrap_err();
    // Either the budget stops it or the zip crate sees the lie first; both
    // are refusals before calamine, and neither unpacks the 10 MB.
    let text = error.to_string();
    assert!(
        matches!(
            error,
            FileError::InflatesBeyond {
                limit: 1_000_000,
                ..
            }
        ) || text.contains(
            "xl/sharedStrings.xml of the archive is damaged (File is larger than its declared"
        ),
        "{text}"
    );
}

#[test]
fn a_truncated_file_is_not_a_workbook() {
    let bytes = workbook(header);
    let error = open(&bytes[..bytes.len() / 2]).unwrap_err();
    assert!(matches!(error, FileError::NotWorkbook { .. }), "{error}");
    assert!(
        error.to_string().contains("not a complete ZIP archive"),
        "{error}"
    );
}

#[test]
fn a_csv_renamed_xlsx_is_not_a_workbook() {
    let error = open(b"nipBaru,nama\n196608011988031001,Siti\n").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("not a readable XLSX workbook"),
        "{error}"
    );
    assert!(matches!(open(b""), Err(FileError::NotWorkbook { .. })));
}

#[test]
fn a_zip_without_a_workbook_is_refused() {
    let bytes = zip_of(&[("hello.txt", b"hello")]);
    assert!(matches!(open(&bytes), Err(FileError::NotWorkbook { .. })));
}

#[test]
fn an_empty_sheet_is_empty() {
    let bytes = workbook(|_| {});
    assert!(matches!(open(&bytes), Err(FileError::Empty { .. })));
}

#[test]
fn a_header_only_sheet_has_no_records() {
    let bytes = workbook(header);
    assert!(read(&bytes).unwrap().is_empty());
}

#[test]
fn header_problems_name_row_one() {
    let bytes = workbook(|ws| {
        ws.write_string(0, 0, "nipBaru").unwrap();
        ws.write_string(0, 1, "umur").unwrap();
    });
    assert_eq!(
        open(&bytes).unwrap_err().to_string(),
        "row 1: the header lacks the column(s) nama (found: nipbaru, umur)"
    );
    let bytes = workbook(|ws| {
        header(ws);
        ws.write_string(0, 3, "NAMA").unwrap();
    });
    assert_eq!(
        open(&bytes).unwrap_err().to_string(),
        "row 1, cell D1: the header names \"nama\" twice"
    );
    // Data under a blank row 1: the header is missing, not the data.
    let bytes = workbook(|ws| {
        ws.write_string(1, 0, "196608011988031001").unwrap();
    });
    assert!(matches!(
        open(&bytes),
        Err(FileError::MissingColumns { .. })
    ));
}

#[test]
fn an_export_reads_back_unchanged() {
    let rows = [
        ["196608011988031001", "Siti Aminah", "1966-08-01"],
        ["199001012015041002", "Made Wirawan, S.Kom.", ""],
        ["000000000000000007", "=not a formula", "2024-02-29"],
        ["123", "Ñoño \"kutip\" <tag> & ;", "87.50"],
    ];
    let mut sink = XlsxSink::new(&COLUMNS).unwrap();
    for row in &rows {
        let row: Vec<String> = row.iter().map(|v| (*v).to_owned()).collect();
        sink.push(&row).unwrap();
    }
    let bytes = sink.finish().unwrap();
    let records = read(&bytes).unwrap();
    let read: Vec<Vec<String>> = records.iter().map(values).collect();
    assert_eq!(read, rows.map(|r| r.map(str::to_owned)).to_vec());
    assert_eq!(records[3].place, Place::Row(5));
}

/// An XLSX export cannot carry a formula: every cell is a shared-string
/// text cell in the Text format (so editing it in Excel keeps it text), and
/// the sheet has no formula element; formula-like text reads back as it
/// was, with no mark (the `'` mark is for CSV only).
#[test]
fn formula_like_text_is_exported_as_text_cells() {
    let rows = [
        [
            "196608011988031001",
            "=HYPERLINK(\"http://evil.example\",\"klik\")",
            "",
        ],
        ["196608011988031002", "+cmd|' /C calc'!A0", ""],
        ["196608011988031003", "-5", ""],
        ["196608011988031004", "@SUM(1+1)", ""],
        ["196608011988031005", "'quoted", ""],
    ];
    let mut sink = XlsxSink::new(&COLUMNS).unwrap();
    for row in &rows {
        sink.push(&row.map(str::to_owned)).unwrap();
    }
    let bytes = sink.finish().unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(!sheet.contains("<f>") && !sheet.contains("<f "), "{sheet}");
    let cells = sheet.matches("<c ").count();
    assert_eq!(cells, 3 + 2 * rows.len(), "{sheet}");
    assert_eq!(sheet.matches(" t=\"s\"").count(), cells, "{sheet}");
    let read: Vec<Vec<String>> = read(&bytes).unwrap().iter().map(values).collect();
    assert_eq!(read, rows.map(|r| r.map(str::to_owned)).to_vec());
}

#[test]
fn an_export_row_must_fit_the_columns() {
    let mut sink = XlsxSink::new(&COLUMNS).unwrap();
    let error = sink.push(&["1".to_owned()]).unwrap_err();
    assert_eq!(error.to_string(), "row 2 has 1 values for 3 columns");
}

#[test]
fn dropping_a_sheet_midway_stops_its_reader() {
    let bytes = workbook(|ws| {
        header(ws);
        for r in 1..5000 {
            ws.write_string(r, 0, "196608011988031001").unwrap();
            ws.write_string(r, 1, "Siti").unwrap();
        }
    });
    let mut sheet = open(&bytes).unwrap();
    assert!(sheet.next_record().unwrap().is_ok());
    drop(sheet);
}

/// The workbook with `from` replaced by `to` in part `name`: for fixtures
/// rust_xlsxwriter will not write.
fn replace(bytes: &[u8], name: &str, from: &str, to: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut text).unwrap();
        if part.name().unwrap() == name {
            let replaced = String::from_utf8(text).unwrap().replace(from, to);
            text = replaced.into_bytes();
        }
        parts.push((part.name().unwrap().into_owned(), text));
    }
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip_of(&parts)
}

/// The peak resident memory of this process so far, in bytes (Linux).
fn peak_memory() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

/// An archive of one part `name`, deflated as it is written by `body`.
fn bomb_of(name: &str, body: impl Fn(&mut dyn Write)) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file(name, options).unwrap();
    body(&mut zip);
    zip.flush().unwrap();
    zip.finish().unwrap().into_inner()
}

/// Workbooks that unpack to 900 MB (the was 0.9 MB packed), in the two shapes that
/// would reach memory: shared strings (read whole) and one long text (one
/// XML event). Both are refused before calamine reads them, and the peak
/// memory of the whole test stays far below the README's bound.
#[test]
fn bombs_unpacking_to_900_mb_are_refused_within_the_memory_bound() {
    const UNPACKED: usize = 900_000_000;
    let shared = bomb_of("xl/sharedStrings.xml", |out| {
        out.write_all(b"<sst>").unwrap();
        let chunk = b"<si><t>a</t></si>".repeat(60_000);
        for _ in 0..UNPACKED / chunk.len() {
            out.write_all(&chunk).unwrap();
        }
    });
    let long = bomb_of("xl/worksheets/sheet1.xml", |out| {
        out.write_all(b"<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>")
            .unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..UNPACKED / chunk.len() {
            out.write_all(&chunk).unwrap();
        }
    });
    for (bomb, what) in [(shared, "shared strings"), (long, "long text")] {
        // Deflate packs at most about 1,000:1; this writer's level, 170:1.
        assert!(bomb.len() < 10_000_000, "{what}: {} bytes", bomb.len());
        let error = Sheet::open(&bomb, &COLUMNS, &Limits::default()).unwrap_err();
        assert!(
            matches!(
                error,
                FileError::SharedStringsTooLarge { .. }
                    | FileError::TokenTooLong { .. }
                    | FileError::PartTooLarge { .. }
            ),
            "{what}: {error}"
        );
    }
    assert!(peak_memory() < 200_000_000, "{} bytes", peak_memory());
}

/// The bound the README states (400 MB): shared strings at their limit, in
/// the shape that costs most memory per byte (one-character strings), read
/// whole by calamine, with the file's bytes held and the whole sheet read
/// (measured: 282 MB at the peak, the test's own copies included).
#[test]
fn shared_strings_at_their_limit_stay_within_the_memory_bound() {
    let limits = Limits::default();
    let entry = b"<si><t>a</t></si>";
    let entries = (limits.max_shared_strings as usize - 200) / entry.len();
    let mut sst = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst count=\"{entries}\" uniqueCount=\"{entries}\">\
         <si><t>NIPBaru</t></si><si><t>Nama</t></si><si><t>tglLahir</t></si>"
    )
    .into_bytes();
    sst.extend(entry.repeat(entries - 3));
    sst.extend_from_slice(b"</sst>");
    let bytes = replace_part(&workbook(header), "xl/sharedStrings.xml", &sst);
    let mut sheet = Sheet::open(&bytes, &COLUMNS, &limits).unwrap();
    while let Some(record) = sheet.next_record() {
        record.unwrap();
    }
    assert!(peak_memory() < 400_000_000, "{} bytes", peak_memory());
}

/// `bytes` with part `name` holding `content` instead.
fn replace_part(bytes: &[u8], name: &str, content: &[u8]) -> Vec<u8> {
    let mut old = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut new = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for index in 0..old.len() {
        let mut part = old.by_index(index).unwrap();
        let part_name = part.name().unwrap().into_owned();
        new.start_file(part_name.as_str(), options).unwrap();
        if part_name == name {
            new.write_all(content).unwrap();
        } else {
            std::io::copy(&mut part, &mut new).unwrap();
        }
    }
    new.finish().unwrap().into_inner()
}
