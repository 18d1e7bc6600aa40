//! The instansi as one CSV file per kind, written through talenta-ingest's
//! [`CsvSink`], the formatter `talenta export` uses, so every file imports
//! back. Employee records are formatted on the generator's threads, a chunk
//! at a time, into bytes that the caller's thread appends in order; a file
//! is never held whole. Opens nothing itself: the caller hands a writer
//! per kind.

use std::io::{self, Write};

use talenta_ingest::kinds::Kind;
use talenta_ingest::{CsvSink, RecordKind, with_kind};

use crate::defects::{Action, Defect};
use crate::{Batch, Generator};

/// Why writing failed.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("writing {kind}.csv: {source}")]
    Csv { kind: Kind, source: csv::Error },
    #[error("writing {kind}.csv: {source}")]
    Io { kind: Kind, source: io::Error },
}

/// Rows written per kind, in [`Kind::ALL`] order.
pub type Summary = Vec<(Kind, u64)>;

/// Employees per chunk: large enough to amortise a chunk's set-up, small
/// enough that a few chunks per thread stay a few megabytes.
const CHUNK: u64 = 2_048;

/// Writes every kind to the writer `open` gives for it; `threads` generate
/// and format employees.
pub fn write_all<W: Write>(
    generator: &Generator,
    threads: usize,
    mut open: impl FnMut(Kind) -> io::Result<W>,
) -> Result<Summary, OutputError> {
    let mut summary = Vec::new();
    summary.push(whole(&mut open, [generator.instansi()])?);
    summary.push(whole(&mut open, generator.opd())?);
    summary.push(whole(&mut open, generator.jabatan())?);

    let mut files = Vec::new();
    for (kind, header) in EMPLOYEE_KINDS.into_iter().zip(headers()?) {
        let mut writer = open(kind).map_err(|source| OutputError::Io { kind, source })?;
        writer
            .write_all(&header)
            .map_err(|source| OutputError::Io { kind, source })?;
        files.push((kind, writer, 0u64));
    }
    generator.employees(CHUNK, threads, format, |chunk| {
        for ((kind, writer, rows), part) in files.iter_mut().zip(chunk?) {
            writer
                .write_all(part.bytes.get(part.skip..).unwrap_or_default())
                .map_err(|source| OutputError::Io {
                    kind: *kind,
                    source,
                })?;
            *rows += part.rows;
        }
        Ok(())
    })?;
    for (kind, mut writer, rows) in files {
        writer
            .flush()
            .map_err(|source| OutputError::Io { kind, source })?;
        summary.push((kind, rows));
    }
    Ok(summary)
}

/// The kinds written per employee, in file order.
const EMPLOYEE_KINDS: [Kind; 9] = [
    Kind::Pegawai,
    Kind::RiwayatJabatan,
    Kind::RiwayatGolongan,
    Kind::RiwayatPendidikan,
    Kind::RiwayatDiklat,
    Kind::RiwayatPenghargaan,
    Kind::RiwayatHukdis,
    Kind::Skp,
    Kind::Asesmen,
];

/// One file written from an iterator in one go.
fn whole<K: RecordKind, W: Write>(
    open: &mut impl FnMut(Kind) -> io::Result<W>,
    records: impl IntoIterator<Item = K>,
) -> Result<(Kind, u64), OutputError> {
    let kind = K::KIND;
    let csv = |source| OutputError::Csv { kind, source };
    let writer = open(kind).map_err(|source| OutputError::Io { kind, source })?;
    let mut sink = CsvSink::<K, W>::new(writer).map_err(csv)?;
    let mut rows = 0;
    for record in records {
        sink.write(&record).map_err(csv)?;
        rows += 1;
    }
    sink.finish()
        .map_err(csv)?
        .flush()
        .map_err(|source| OutputError::Io { kind, source })?;
    Ok((kind, rows))
}

/// Room per row: more than the longest kind's average (pegawai, about
/// 200 bytes), so a chunk's buffer is allocated once.
const ROW_BYTES: usize = 256;

/// The formatted rows of one kind of one chunk: `bytes` after the first
/// `skip`, which are the header the sink starts with (cut off by offset, as
/// moving the rest would copy every row once more).
#[derive(Debug)]
struct Part {
    bytes: Vec<u8>,
    skip: usize,
    rows: u64,
}

/// A chunk's rows, one part per employee kind in [`EMPLOYEE_KINDS`] order.
fn format(batch: &Batch) -> Result<Vec<Part>, OutputError> {
    let d = &batch.defects;
    Ok(vec![
        part(&batch.pegawai, d)?,
        part(&batch.riwayat_jabatan, d)?,
        part(&batch.riwayat_golongan, d)?,
        part(&batch.riwayat_pendidikan, d)?,
        part(&batch.riwayat_diklat, d)?,
        part(&batch.riwayat_penghargaan, d)?,
        part(&batch.riwayat_hukdis, d)?,
        part(&batch.skp, d)?,
        part(&batch.asesmen, d)?,
    ])
}

/// The header row of a kind, as the sink writes it.
fn header<K: RecordKind>() -> Result<Vec<u8>, csv::Error> {
    CsvSink::<K, Vec<u8>>::new(Vec::new())?.finish()
}

/// The header rows of the employee kinds, in [`EMPLOYEE_KINDS`] order.
fn headers() -> Result<Vec<Vec<u8>>, OutputError> {
    EMPLOYEE_KINDS
        .into_iter()
        .map(|kind| {
            with_kind!(kind, K => header::<K>()).map_err(|source| OutputError::Csv { kind, source })
        })
        .collect()
}

/// Rows of `records`, without the header, with this kind's defects.
fn part<K: RecordKind>(records: &[K], defects: &[Defect]) -> Result<Part, OutputError> {
    let kind = K::KIND;
    let csv = |source| OutputError::Csv { kind, source };
    let mut sink =
        CsvSink::<K, Vec<u8>>::new(Vec::with_capacity(records.len() * ROW_BYTES)).map_err(csv)?;
    let mut mine: Vec<&Defect> = defects.iter().filter(|d| d.kind == kind).collect();
    mine.sort_by_key(|d| d.row);
    let mut next = mine.into_iter().peekable();
    let mut rows = 0;
    for (index, record) in records.iter().enumerate() {
        match next.next_if(|d| d.row == index).map(|d| &d.action) {
            None => sink.write(record).map_err(csv)?,
            Some(Action::Repeat) => {
                sink.write(record).map_err(csv)?;
                sink.write(record).map_err(csv)?;
                rows += 1;
            }
            Some(Action::Replace { column, value }) => {
                let at = K::COLUMNS
                    .iter()
                    .position(|c| c.name == *column)
                    .unwrap_or(usize::MAX);
                sink.write_replacing(record, at, value).map_err(csv)?;
            }
        }
        rows += 1;
    }
    let bytes = sink.finish().map_err(csv)?;
    let skip = header::<K>().map_err(csv)?.len();
    Ok(Part { bytes, skip, rows })
}
