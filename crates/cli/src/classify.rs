//! `talenta classify`: places employees in the nine-box from their kinerja
//! and potensial scores, with the cut-offs of the rule set or given ones.

use std::fs::File;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;
use talenta_domain::{AxisCutoffs, Cutoffs, RuleSet, Score};
use talenta_ingest::scores::{ScoreRow, read_scores};
use talenta_ingest::{Column, CsvTable};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ClassifyArgs {
    /// CSV with a header naming at least `nip`, `kinerja` and `potensial`
    /// (scores 0-100, in any column order; other columns are ignored;
    /// `,` or `;` separated). `-` reads standard input.
    #[arg(long, value_name = "FILE.csv")]
    input: PathBuf,
    /// Cut-offs for both axes as HIGH,MID on the 0-100 scale; a score equal
    /// to a cut-off belongs to the higher band. Default: from the rule set
    /// (80,60 in the bundled one).
    #[arg(long, value_name = "HIGH,MID", value_parser = parse_cutoffs)]
    cutoffs: Option<AxisCutoffs>,
    /// A rule set file (TOML) to take the cut-offs from, per axis, instead
    /// of the bundled rules.
    #[arg(long, value_name = "FILE.toml", conflicts_with = "cutoffs")]
    rules: Option<PathBuf>,
    /// Output format: csv (nip,box,label,kinerja_band,potensial_band) or
    /// json (an array of objects with the same keys).
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// Print the valid rows even when some rows are invalid (the errors are
    /// still reported on stderr, and the exit status is 0).
    #[arg(long)]
    skip_invalid: bool,
}

fn parse_cutoffs(text: &str) -> Result<AxisCutoffs, String> {
    let (high, mid) = text
        .split_once(',')
        .ok_or_else(|| format!("expected HIGH,MID such as 80,60, got {text:?}"))?;
    let score = |part: &str| {
        part.parse::<Score>()
            .map_err(|e| format!("cut-off {part:?}: {e}"))
    };
    AxisCutoffs::new(score(high)?, score(mid)?).map_err(|e| e.to_string())
}

/// The CSV columns, `Placed`'s fields as JSON names them.
const COLUMNS: [Column; 5] = [
    Column::required("nip"),
    Column::required("box").number(),
    Column::required("label"),
    Column::required("kinerja_band"),
    Column::required("potensial_band"),
];

#[derive(Debug, Serialize)]
struct Placed<'a> {
    nip: &'a str,
    #[serde(rename = "box")]
    kotak: u8,
    label: &'static str,
    kinerja_band: &'static str,
    potensial_band: &'static str,
}

pub fn run(args: &ClassifyArgs) -> anyhow::Result<ExitCode> {
    let cutoffs = match (&args.cutoffs, &args.rules) {
        (Some(axis), _) => Cutoffs::both(*axis),
        (None, Some(path)) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            RuleSet::from_toml(&text)
                .with_context(|| format!("{}", path.display()))?
                .nine_box
        }
        (None, None) => RuleSet::bundled()?.nine_box,
    };
    let name = args.input.display().to_string();
    let input: Box<dyn Read> = if name == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(File::open(&args.input).with_context(|| format!("opening {name}"))?)
    };
    let file = read_scores(input).with_context(|| name.clone())?;
    for error in &file.errors {
        eprintln!("{name}: {error}");
    }
    if !file.errors.is_empty() && !args.skip_invalid {
        eprintln!(
            "{name}: {} invalid row(s); nothing classified (use --skip-invalid to classify the valid rows)",
            file.errors.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    if !file.errors.is_empty() {
        eprintln!("{name}: skipped {} invalid row(s)", file.errors.len());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_placements(&mut out, &cutoffs, &file.rows, args.format)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_placements(
    out: &mut impl Write,
    cutoffs: &Cutoffs,
    rows: &[ScoreRow],
    format: Format,
) -> anyhow::Result<()> {
    let placed = rows.iter().map(|row| {
        let p = cutoffs.classify(row.kinerja, row.potensial);
        Placed {
            nip: row.nip.as_str(),
            kotak: p.kotak.number(),
            label: p.kotak.label(),
            kinerja_band: p.kinerja_band.code(),
            potensial_band: p.potensial_band.code(),
        }
    });
    match format {
        Format::Csv => {
            let mut table = CsvTable::new(&mut *out, &COLUMNS)?;
            for p in placed {
                let kotak = p.kotak.to_string();
                table.write([p.nip, &kotak, p.label, p.kinerja_band, p.potensial_band])?;
            }
            table.finish()?.flush()?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &placed.collect::<Vec<_>>())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
