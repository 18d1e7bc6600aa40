//! `talenta map`: the talent map (peta talenta) of a period from the stored
//! records, kept as the period's snapshot and written out.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use talenta_app::map::{MapFormat, MapWriter, compute_each};
use talenta_domain::Periode;

use crate::db::{InstansiArgs, runtime};
use crate::output::Output;
use crate::period::parse_periode;
use crate::table::RulesArgs;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

impl From<Format> for MapFormat {
    fn from(format: Format) -> MapFormat {
        match format {
            Format::Json => MapFormat::Json,
            Format::Csv => MapFormat::Csv,
            Format::Xlsx => MapFormat::Xlsx,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct MapArgs {
    /// The semester: 2026-S1 (January-June) or 2026-S2 (July-December)
    #[arg(long, value_name = "PERIOD", value_parser = parse_periode)]
    period: Periode,
    /// json (an array of objects), csv or xlsx, with the keys nip, name, opd,
    /// kinerja, potensial, box, label; default: from the --out extension,
    /// else json
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Where to write the map; default: standard output
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Where to write the employees left out, with the components they lack
    /// (nip, name, opd, missing); format from --format, else from the file
    /// name, else that of the map
    #[arg(long, value_name = "FILE")]
    missing: Option<PathBuf>,
    #[command(flatten)]
    rules: RulesArgs,
    /// Compute the map under --rules without storing anything (also for a
    /// closed period): prints JSON with each employee's stored final box
    /// and what-if box, and the movement matrix between them
    #[arg(long)]
    what_if: bool,
    #[command(flatten)]
    instansi: InstansiArgs,
}

/// The format asked for, or the one the file name says, or `fallback`.
pub fn format_of(asked: Option<Format>, out: Option<&Path>, fallback: Format) -> Format {
    asked
        .or_else(|| match talenta_app::Format::of_path(out?) {
            Some(talenta_app::Format::Csv) => Some(Format::Csv),
            Some(talenta_app::Format::Xlsx) => Some(Format::Xlsx),
            None => out?
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                .then_some(Format::Json),
        })
        .unwrap_or(fallback)
}

pub fn run(args: &MapArgs) -> anyhow::Result<ExitCode> {
    let rules = args.rules.load()?;
    if args.what_if {
        return runtime()?.block_on(async {
            let opened = args.instansi.open(rules).await?;
            let result = talenta_app::cycle::what_if(&opened.ctx(), args.period).await?;
            opened.close().await;
            let mut out = Output::to(args.out.as_deref())?;
            serde_json::to_writer(&mut out, &result)?;
            out.write_all(b"\n")?;
            out.finish()?;
            let changed = result.rows.iter().filter(|r| r.stored != r.what_if).count();
            eprintln!(
                "what-if {} under {} ({}): {} employees, {} in another box than stored; nothing stored",
                args.period,
                result.rule_set,
                result.fingerprint,
                result.rows.len(),
                changed
            );
            anyhow::Ok(ExitCode::SUCCESS)
        });
    }
    let format = format_of(args.format, args.out.as_deref(), Format::Json);
    let mut out = Output::to(args.out.as_deref())?;
    let missing_format = format_of(args.format, args.missing.as_deref(), format);
    let mut missing = args
        .missing
        .as_deref()
        .map(|path| Output::to(Some(path)))
        .transpose()?;
    runtime()?.block_on(async {
        let opened = args.instansi.open(rules).await?;
        let mut writer = MapWriter::new(
            format.into(),
            &mut out,
            missing
                .as_mut()
                .map(|m| (m as &mut dyn Write, missing_format.into())),
        )?;
        // A failed write is reported once the map is stored.
        let summary = compute_each(&opened.ctx(), args.period, |page| writer.write(page)).await?;
        let (kode, rule_set) = (opened.kode.clone(), opened.rules.id.clone());
        opened.close().await;
        writer.finish()?;
        out.finish()?;
        if let Some(m) = missing {
            m.finish()?;
        }
        eprintln!(
            "talent map {} of instansi {} ({}): {} placed, {} left out for missing data",
            args.period,
            kode,
            rule_set,
            summary.placed(),
            summary.missing
        );
        for (number, count) in (1..).zip(summary.per_box) {
            eprintln!("  kotak {number}: {count}");
        }
        for (komponen, count) in &summary.missing_by_component {
            eprintln!("  missing {komponen}: {count}");
        }
        anyhow::Ok(ExitCode::SUCCESS)
    })
}
