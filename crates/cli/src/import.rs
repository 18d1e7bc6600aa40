//! `talenta import`: personnel records from CSV/XLSX files, all or nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use talenta_app::import::{ImportError, ImportFile, ImportOptions, Progress, import};
use talenta_ingest::Kind;
use talenta_ingest::xlsx::Limits;

use crate::db::{DbArgs, runtime};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["file", "dir"])))]
pub struct ImportArgs {
    /// The kind of record in FILE: instansi, opd, jabatan, pegawai,
    /// riwayat_jabatan, riwayat_golongan, riwayat_pendidikan, riwayat_diklat,
    /// riwayat_penghargaan, riwayat_hukdis, skp, asesmen (docs/formats.md)
    #[arg(value_name = "KIND", requires = "file", value_parser = parse_kind)]
    kind: Option<Kind>,
    /// A .csv or .xlsx file of that kind
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Import every <kind>.csv / <kind>.xlsx in DIR, in dependency order, as
    /// one all-or-nothing import
    #[arg(long, value_name = "DIR", conflicts_with_all = ["kind", "file"])]
    dir: Option<PathBuf>,
    /// The instansi (its code) the records belong to; default: the only one
    #[arg(long, value_name = "KODE")]
    instansi: Option<String>,
    /// Bad values listed in full before the rest are only counted
    #[arg(long, default_value_t = 100, value_name = "N")]
    max_errors: usize,
    #[command(flatten)]
    db: DbArgs,
}

fn parse_kind(text: &str) -> Result<Kind, String> {
    text.parse()
}

pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let files = match (&args.dir, &args.kind, &args.file) {
        (Some(dir), _, _) => files_in(dir)?,
        (None, Some(kind), Some(file)) => vec![ImportFile {
            kind: *kind,
            path: file.clone(),
        }],
        _ => bail!("give KIND FILE or --dir DIR"),
    };
    let options = ImportOptions {
        instansi: args.instansi.clone(),
        actor: actor(),
        now: now(),
        max_errors: args.max_errors,
        limits: Limits::default(),
        progress: Arc::new(Bar::default()),
    };
    runtime()?.block_on(async {
        let db = args.db.open().await?;
        let outcome = import(&db, files, &options).await;
        db.close().await;
        report(outcome)
    })
}

fn report(
    outcome: Result<talenta_app::import::ImportReport, ImportError>,
) -> anyhow::Result<ExitCode> {
    match outcome {
        Ok(report) => {
            for file in &report.files {
                eprintln!(
                    "{}: {} rows, {} written, {} unchanged",
                    file.path.display(),
                    file.rows,
                    file.written.written,
                    file.written.unchanged
                );
            }
            eprintln!(
                "imported into instansi {} (perubahan #{})",
                report.instansi, report.perubahan
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Rows { errors, total }) => {
            for error in &errors {
                eprintln!("{error}");
            }
            let shown = u64::try_from(errors.len()).unwrap_or(u64::MAX);
            if total > shown {
                eprintln!("… and {} more", total - shown);
            }
            eprintln!("error: {total} bad value(s); nothing was written");
            Ok(ExitCode::FAILURE)
        }
        Err(error) => Err(error.into()),
    }
}

/// The `<kind>.csv` / `<kind>.xlsx` files of a directory.
pub fn files_in(dir: &Path) -> anyhow::Result<Vec<ImportFile>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("reading the directory {}", dir.display()))?;
    let mut files: Vec<ImportFile> = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let known_format = talenta_app::Format::of_path(&path).is_some();
        match stem.parse::<Kind>() {
            Ok(kind) if known_format => {
                if let Some(other) = files.iter().find(|f| f.kind == kind) {
                    bail!(
                        "{} and {} both hold {kind}; keep one",
                        other.path.display(),
                        path.display()
                    );
                }
                files.push(ImportFile { kind, path });
            }
            _ => eprintln!(
                "ignored: {} (not <kind>.csv or <kind>.xlsx)",
                path.display()
            ),
        }
    }
    if files.is_empty() {
        bail!(
            "{} holds no <kind>.csv or <kind>.xlsx file (see docs/formats.md)",
            dir.display()
        );
    }
    files.sort_by_key(|f| f.kind);
    Ok(files)
}

/// Who runs the command, for the change log.
pub fn actor() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_owned());
    format!("cli:{user}")
}

/// The one place the CLI reads the clock; everything below takes the time
/// as a parameter.
#[allow(clippy::disallowed_methods)]
pub fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// A progress bar per file on a terminal; nothing when stderr is not one.
#[derive(Debug, Default)]
struct Bar {
    current: Mutex<Option<ProgressBar>>,
}

impl Progress for Bar {
    fn file(&self, kind: Kind, path: &Path, bytes: u64) {
        let bar = ProgressBar::new(bytes);
        bar.set_style(
            ProgressStyle::with_template(
                "{msg:>24} [{bar:30}] {bytes}/{total_bytes} {per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message(format!(
            "{kind} {}",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        ));
        if let Ok(mut current) = self.current.lock() {
            *current = Some(bar);
        }
    }

    fn advance(&self, bytes: u64, _rows: u64) {
        if let Ok(current) = self.current.lock()
            && let Some(bar) = current.as_ref()
        {
            bar.set_position(bytes);
        }
    }

    fn done(&self) {
        if let Ok(mut current) = self.current.lock()
            && let Some(bar) = current.take()
        {
            bar.finish_and_clear();
        }
    }
}
