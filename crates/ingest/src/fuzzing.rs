//! The code paths the fuzz targets in `fuzz/` drive, shared with the test
//! that replays their corpus, so a crash found by libFuzzer stays caught by
//! `cargo test`. Each returns `Err` with a description when an invariant
//! breaks; the caller turns that into a crash or a failed test.

use talenta_domain::Nip;

use crate::delimited::Table;
use crate::export::CsvSink;
use crate::kinds::{Kind, RecordKind};
use crate::record::{Column, Record};
use crate::scores::read_scores;
use crate::source::Rows;
use crate::xlsx::{Limits, Sheet};

/// Columns like a personnel file's: required ones, a NIP, an optional one.
const COLUMNS: [Column; 3] = [
    Column::required("nipBaru"),
    Column::required("nama"),
    Column::optional("tglLahir"),
];

/// Small enough that no input can use more than a few hundred MB.
pub const XLSX_LIMITS: Limits = Limits {
    max_bytes: 1 << 20,
    max_uncompressed: 16 << 20,
    max_rows: 10_000,
    max_columns: 50,
    max_shared_strings: 8 << 20,
    max_token: 1 << 20,
};

/// Bytes as a delimited file: every record and every value.
pub fn csv_rows(data: &[u8]) -> Result<(), String> {
    match Table::open(data, &COLUMNS) {
        Ok(mut table) => drain(&mut table),
        Err(error) => shown(&error),
    }
}

/// A kind byte then a delimited file of that kind, imported as `talenta
/// import` parses it: every row gives a record or located errors, and every
/// record survives a trip through the export writer unchanged.
pub fn csv_import(data: &[u8]) -> Result<(), String> {
    let Some((selector, file)) = data.split_first() else {
        return Ok(());
    };
    let kinds = Kind::ALL;
    let kind = kinds
        .get(usize::from(*selector) % kinds.len())
        .copied()
        .unwrap_or(Kind::Pegawai);
    crate::with_kind!(kind, K => import_kind::<K>(file))
}

fn import_kind<K: RecordKind + PartialEq + std::fmt::Debug>(file: &[u8]) -> Result<(), String> {
    let mut table = match Table::open(file, K::COLUMNS) {
        Ok(table) => table,
        Err(error) => return shown(&error),
    };
    let mut records = Vec::new();
    while let Some(record) = table.next_record() {
        let record = match record {
            Ok(record) => record,
            Err(error) => return shown(&error),
        };
        match K::parse(&record) {
            Ok(parsed) => records.push(parsed),
            Err(errors) if errors.is_empty() => {
                return Err(format!("{}: rejected with no reason", record.place));
            }
            Err(errors) => errors.iter().try_for_each(|e| {
                if e.place.number() < 2 {
                    return Err(format!("an error placed on the header: {e}"));
                }
                shown(e)
            })?,
        }
    }
    let mut sink = CsvSink::<K, _>::new(Vec::new()).map_err(|e| e.to_string())?;
    for record in &records {
        sink.write(record).map_err(|e| e.to_string())?;
    }
    let written = sink.finish().map_err(|e| e.to_string())?;
    let mut table = Table::open(written.as_slice(), K::COLUMNS).map_err(|e| e.to_string())?;
    for original in &records {
        let record = table
            .next_record()
            .ok_or("the export has fewer rows")?
            .map_err(|e| e.to_string())?;
        let again = K::parse(&record).map_err(|e| format!("the export does not import: {e:?}"))?;
        if &again != original {
            return Err(format!("{original:?} came back as {again:?}"));
        }
    }
    Ok(())
}

/// Bytes as an XLSX workbook under [`XLSX_LIMITS`].
pub fn xlsx_rows(data: &[u8]) -> Result<(), String> {
    match Sheet::open(data, &COLUMNS, &XLSX_LIMITS) {
        Ok(mut sheet) => drain(&mut sheet),
        Err(error) => shown(&error),
    }
}

/// Bytes as the text of a NIP: a NIP that parses reads back as itself.
pub fn nip_parse(data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    match Nip::parse(text) {
        Ok(nip) if Nip::parse(nip.as_str()).as_ref() != Ok(&nip) => Err(format!(
            "{text:?} parses as {nip:?}, which does not parse back"
        )),
        Ok(_) => Ok(()),
        Err(errors) if errors.is_empty() => Err(format!("{text:?} fails with no reason")),
        Err(errors) => errors.iter().try_for_each(shown),
    }
}

/// Bytes as the input of `talenta classify`.
pub fn scores(data: &[u8]) -> Result<(), String> {
    match read_scores(data) {
        Ok(file) => {
            if let Some(row) = file.rows.iter().find(|row| row.line < 2) {
                return Err(format!("a row on line {} (the header's)", row.line));
            }
            file.errors.iter().try_for_each(|error| {
                if error.place.number() < 2 {
                    return Err(format!("an error on the header line: {error}"));
                }
                shown(error)
            })
        }
        Err(error) => shown(&error),
    }
}

/// Reads every record and every asked-for value of `rows`.
fn drain(rows: &mut impl Rows) -> Result<(), String> {
    while let Some(record) = rows.next_record() {
        match record {
            Ok(record) => check(&record)?,
            Err(error) => return shown(&error),
        }
    }
    Ok(())
}

fn check(record: &Record) -> Result<(), String> {
    if record.place.number() < 2 {
        return Err(format!("a record at the header, {}", record.place));
    }
    for index in 0..COLUMNS.len() {
        if let Err(error) = record.get_opt(index) {
            if error.place != record.place {
                return Err(format!("an error at {} for {}", error.place, record.place));
            }
            shown(&error)?;
        }
    }
    Ok(())
}

/// Formats `error`, which must say something.
fn shown(error: &impl std::fmt::Display) -> Result<(), String> {
    if error.to_string().is_empty() {
        return Err("an error with no message".to_owned());
    }
    Ok(())
}
