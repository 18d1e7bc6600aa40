//! `talenta export`: stored records of one kind in the import format.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use talenta_app::Format;
use talenta_app::export::{export, export_instansi};
use talenta_app::map::{MapFormat, write};
use talenta_domain::{Periode, RuleSet};
use talenta_ingest::Kind;

use crate::db::{InstansiArgs, runtime};
use crate::output::Output;
use crate::period::parse_periode;

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
    /// The kind of record (as for `talenta import`), or peta_talenta for the
    /// stored talent map of --period
    #[arg(value_name = "KIND", value_parser = parse_what)]
    kind: What,
    /// The period of a talent map (peta_talenta), e.g. 2026-S1
    #[arg(long, value_name = "PERIOD", value_parser = parse_periode)]
    period: Option<Periode>,
    /// csv or xlsx; default: from the --out extension, else csv
    #[arg(long, value_enum)]
    format: Option<FileFormat>,
    /// Where to write; default: standard output
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    instansi: InstansiArgs,
}

/// What to export.
#[derive(Debug, Clone, Copy)]
pub enum What {
    Records(Kind),
    PetaTalenta,
}

fn parse_what(text: &str) -> Result<What, String> {
    if text == "peta_talenta" {
        return Ok(What::PetaTalenta);
    }
    text.parse()
        .map(What::Records)
        .map_err(|e| format!("{e}, peta_talenta"))
}

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let format = args
        .format
        .map(Format::from)
        .or_else(|| args.out.as_deref().and_then(Format::of_path))
        .unwrap_or(Format::Csv);
    let mut out = Output::to(args.out.as_deref())?;
    let kind = match args.kind {
        What::Records(kind) => kind,
        What::PetaTalenta => {
            let period = args
                .period
                .context("peta_talenta needs --period, e.g. --period 2026-S1")?;
            let map_format = match format {
                Format::Csv => MapFormat::Csv,
                Format::Xlsx => MapFormat::Xlsx,
            };
            let (placed, _) = runtime()?.block_on(async {
                let opened = args.instansi.open(RuleSet::bundled()?).await?;
                let written = write(&opened.ctx(), period, map_format, &mut out, None).await;
                opened.close().await;
                anyhow::Ok(written?)
            })?;
            out.finish()?;
            eprintln!("{placed} placed employee(s) of the {period} talent map exported");
            return Ok(ExitCode::SUCCESS);
        }
    };
    let count = runtime()?.block_on(async {
        // The instansi themselves belong to none: every one is exported.
        if kind == Kind::Instansi {
            let db = args.instansi.db.open().await?;
            let count = export_instansi(&db, format, &mut out).await;
            db.close().await;
            return anyhow::Ok(count?);
        }
        let opened = args.instansi.open(RuleSet::bundled()?).await?;
        let count = export(&opened.ctx(), kind, format, &mut out).await;
        opened.close().await;
        anyhow::Ok(count?)
    })?;
    out.finish()?;
    eprintln!("{count} {kind} record(s) exported");
    Ok(ExitCode::SUCCESS)
}
