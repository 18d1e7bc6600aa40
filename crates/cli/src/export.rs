//! `talenta export`: stored records of one kind in the import format.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use talenta_app::Format;
use talenta_app::export::export;
use talenta_ingest::Kind;

use crate::db::{DbArgs, runtime};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl From<FileFormat> for Format {
    fn from(format: FileFormat) -> Format {
        match format {
            FileFormat::Csv => Format::Csv,
            FileFormat::Xlsx => Format::Xlsx,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The kind of record (as for `talenta import`)
    #[arg(value_name = "KIND", value_parser = |t: &str| t.parse::<Kind>())]
    kind: Kind,
    /// csv or xlsx; default: from the --out extension, else csv
    #[arg(long, value_enum)]
    format: Option<FileFormat>,
    /// Where to write; default: standard output
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The instansi (its code); default: the only one
    #[arg(long, value_name = "KODE")]
    instansi: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let format = args
        .format
        .map(Format::from)
        .or_else(|| args.out.as_deref().and_then(Format::of_path))
        .unwrap_or(Format::Csv);
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let count = runtime()?.block_on(async {
        let db = args.db.open().await?;
        let count = export(&db, args.kind, args.instansi.as_deref(), format, &mut out).await;
        db.close().await;
        count
    })?;
    out.flush()?;
    eprintln!("{count} {} record(s) exported", args.kind);
    Ok(ExitCode::SUCCESS)
}
