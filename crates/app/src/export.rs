//! `export`: the stored records of one kind, in the import format, so that
//! an exported file imports back unchanged.

use std::io::Write;

use talenta_domain::personnel::Instansi;
use talenta_ingest::xlsx_write::{XlsxSink, XlsxWriteError};
use talenta_ingest::{CsvSink, Kind, RecordKind, with_kind};
use talenta_storage::{Db, StorageError, Stored};

use crate::{Ctx, Format};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing")]
    Csv(#[from] csv::Error),
    #[error("writing")]
    Xlsx(#[from] XlsxWriteError),
    #[error("writing")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Writes every instansi in the database to `out` (the one kind that
/// belongs to no instansi, so it needs no context); returns their number.
pub async fn export_instansi(
    db: &Db,
    format: Format,
    out: &mut dyn Write,
) -> Result<u64, ExportError> {
    let all: Vec<Instansi> = db
        .instansi_all()
        .await?
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    let count = u64::try_from(all.len()).unwrap_or(u64::MAX);
    let mut sink = Sink::<Instansi>::new(format, out)?;
    for record in &all {
        sink.write(record)?;
    }
    sink.finish()?;
    Ok(count)
}

/// Writes every stored record of `kind` of the context's instansi to
/// `out`; returns the number of records.
pub async fn export(
    ctx: &Ctx<'_>,
    kind: Kind,
    format: Format,
    out: &mut dyn Write,
) -> Result<u64, ExportError> {
    let (db, id) = (ctx.db, ctx.instansi.get());
    with_kind!(
        kind,
        K => write_kind::<K>(db, id, format, out).await,
        Instansi => export_instansi(db, format, out).await,
    )
}

async fn write_kind<K: RecordKind + Stored>(
    db: &Db,
    instansi_id: i64,
    format: Format,
    out: &mut dyn Write,
) -> Result<u64, ExportError> {
    let mut sink = Sink::<K>::new(format, out)?;
    let mut failure = None;
    let count = db
        .read_all::<K>(instansi_id, |record| {
            if failure.is_none()
                && let Err(e) = sink.write(&record)
            {
                failure = Some(e);
            }
            Ok(())
        })
        .await?;
    if let Some(e) = failure {
        return Err(e);
    }
    sink.finish()?;
    Ok(count)
}

/// A writer of records of one kind in either format. XLSX is assembled in
/// memory (a workbook is one zip archive) and written at the end. One sink
/// lives per export, so the variants' size difference does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Sink<'w, K> {
    Csv(CsvSink<K, &'w mut dyn Write>),
    Xlsx(Box<XlsxSink>, &'w mut dyn Write),
}

impl<'w, K: RecordKind> Sink<'w, K> {
    pub fn new(format: Format, out: &'w mut dyn Write) -> Result<Self, ExportError> {
        Ok(match format {
            Format::Csv => Sink::Csv(CsvSink::new(out)?),
            Format::Xlsx => Sink::Xlsx(Box::new(XlsxSink::new(K::COLUMNS)?), out),
        })
    }

    pub fn write(&mut self, record: &K) -> Result<(), ExportError> {
        match self {
            Sink::Csv(sink) => sink.write(record)?,
            Sink::Xlsx(sink, _) => sink.push(&record.to_row())?,
        }
        Ok(())
    }

    pub fn finish(self) -> Result<(), ExportError> {
        match self {
            Sink::Csv(sink) => {
                sink.finish()?;
            }
            Sink::Xlsx(sink, out) => {
                out.write_all(&sink.finish()?)?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

impl<K> std::fmt::Debug for Sink<'_, K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Sink::Csv(..) => "Sink::Csv",
            Sink::Xlsx(..) => "Sink::Xlsx",
        })
    }
}
