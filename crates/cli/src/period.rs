//! `talenta period open|close|list`: the cycle of a semester. `talenta map`
//! opens a period on its first run; the talent committee calibrates
//! (`talenta calibrate`), then closes it, which freezes its map and pools.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use talenta_app::cycle::{PeriodeRow, close_period, open_period, periods};
use talenta_domain::{Periode, RuleSet};

use crate::db::{InstansiArgs, runtime};
use crate::table::{Format, ListArgs, print, rules, stdout};

pub(crate) fn parse_periode(text: &str) -> Result<Periode, String> {
    text.parse::<Periode>().map_err(|e| e.to_string())
}

#[derive(Debug, clap::Subcommand)]
pub enum PeriodCommand {
    /// Open a semester for mapping and calibration (mapping also opens it)
    Open(PeriodArgs),
    /// Close a semester: its map, calibrations and talent pools are frozen
    Close(CloseArgs),
    /// List the semesters with their state
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
    /// The semester, such as 2026-S1
    #[arg(value_parser = parse_periode, value_name = "PERIOD")]
    period: Periode,
    #[command(flatten)]
    instansi: InstansiArgs,
}

#[derive(Debug, clap::Args)]
pub struct CloseArgs {
    #[command(flatten)]
    period: PeriodArgs,
    /// The rule set to check against the one stored with the period's map;
    /// for a map computed before rule sets were stored with it, the rules
    /// to close under (the bundled set when absent)
    #[arg(long, value_name = "FILE.toml")]
    rules: Option<PathBuf>,
}

fn json(row: &PeriodeRow) -> serde_json::Value {
    serde_json::json!({
        "period": row.periode.to_string(),
        "status": row.status.code(),
        "opened_at": row.dibuka_at.unix_timestamp(),
        "opened_by": row.dibuka_oleh,
        "closed_at": row.ditutup_at.map(|t| t.unix_timestamp()),
        "closed_by": row.ditutup_oleh,
        "rule_set": row.rule_set,
        "rule_set_fingerprint": row.rule_set_fingerprint,
    })
}

pub fn run(command: &PeriodCommand) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        match command {
            PeriodCommand::Open(args) => {
                let opened = args.instansi.open(RuleSet::bundled()?).await?;
                let row = open_period(&opened.ctx(), args.period).await?;
                opened.close().await;
                eprintln!("periode {} {}", row.periode, row.status);
            }
            PeriodCommand::Close(args) => {
                let given = args
                    .rules
                    .as_ref()
                    .map(|path| rules(Some(path)))
                    .transpose()?;
                let p = &args.period;
                let opened = p.instansi.open(RuleSet::bundled()?).await?;
                let closed = close_period(&opened.ctx(), p.period, given.as_ref()).await?;
                opened.close().await;
                eprintln!(
                    "periode {} ditutup: KRS menurut aturan {} ({}){}",
                    closed.period.periode,
                    closed.rules.id,
                    closed.rules.fingerprint(),
                    if closed.stored {
                        ", aturan yang disimpan bersama peta"
                    } else {
                        "; peta dihitung sebelum aturan disimpan bersama peta, kotaknya tetap"
                    }
                );
            }
            PeriodCommand::List(args) => {
                let opened = args.instansi.open(RuleSet::bundled()?).await?;
                let rows = periods(&opened.ctx()).await?;
                opened.close().await;
                match args.format {
                    Format::Json => writeln!(
                        stdout(),
                        "{}",
                        serde_json::Value::Array(rows.iter().map(json).collect())
                    )?,
                    Format::Table => print(
                        &["periode", "status", "ditutup oleh", "aturan"],
                        rows.iter().map(|r| {
                            vec![
                                r.periode.to_string(),
                                r.status.to_string(),
                                r.ditutup_oleh.clone().unwrap_or_default(),
                                r.rule_set.clone().unwrap_or_default(),
                            ]
                        }),
                    )?,
                }
            }
        }
        anyhow::Ok(ExitCode::SUCCESS)
    })
}
