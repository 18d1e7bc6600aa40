//! `talenta succession`: the succession plan of a position (ranked
//! candidates, everyone excluded with every failed rule).

use std::process::ExitCode;

use std::io::Write;

use serde::Serialize;
use talenta_app::succession::{Succession, succession};
use talenta_domain::succession::Excluded;
use talenta_domain::{Nip, Periode};
use time::Date;

use crate::db::runtime;
use crate::period::parse_periode;
use crate::table::{Format, ListArgs, RulesArgs, date_or_dash, print, print_failures, stdout};

#[derive(Debug, clap::Args)]
pub struct SuccessionArgs {
    /// The position's id (see `talenta positions --key`)
    #[arg(long, value_name = "ID")]
    position: String,
    /// The semester whose boxes are read; default: the latest mapped
    #[arg(long, value_name = "PERIOD", value_parser = parse_periode)]
    period: Option<Periode>,
    /// The day eligibility is checked on (YYYY-MM-DD); default: today
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    on: Option<Date>,
    #[command(flatten)]
    rules: RulesArgs,
    #[command(flatten)]
    list: ListArgs,
}

fn parse_date(text: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, format).map_err(|e| format!("{text:?} is not a date YYYY-MM-DD: {e}"))
}

/// The plan as `--format json` prints it, borrowed from the plan: tens of
/// thousands of excluded people go straight to the output, with no tree of
/// JSON values in between.
#[derive(Serialize)]
struct PlanJson<'a> {
    position: PositionJson<'a>,
    candidates: Vec<CandidateJson<'a>>,
    excluded: Vec<ExcludedJson<'a>>,
}

#[derive(Serialize)]
struct PositionJson<'a> {
    id: &'a str,
    name: &'a str,
    opd: &'a str,
    jenjang: &'static str,
    period: &'a str,
    on: String,
    holders: &'a [Nip],
    ready_now: usize,
    fewer_ready_than_required: bool,
    required_ready: u8,
}

#[derive(Serialize)]
struct CandidateJson<'a> {
    nip: &'a str,
    name: &'a str,
    rank: u32,
    talent_score: f64,
    /// Percent, two decimals.
    jpm: Option<f64>,
    #[serde(rename = "box")]
    kotak: u8,
    readiness: &'static str,
    /// The last day the age limit keeps them eligible.
    #[serde(serialize_with = "date")]
    eligible_until: Option<Date>,
}

#[derive(Serialize)]
struct ExcludedJson<'a> {
    nip: &'a str,
    name: &'a str,
    #[serde(serialize_with = "date")]
    eligible_from: Option<Date>,
    #[serde(serialize_with = "date")]
    eligible_until: Option<Date>,
    reasons: Vec<ReasonJson<'a>>,
}

#[derive(Serialize)]
struct ReasonJson<'a> {
    rule: &'static str,
    source: &'a str,
    actual: &'a str,
    required: &'a str,
    #[serde(serialize_with = "date")]
    eligible_from: Option<Date>,
}

/// A date as `YYYY-MM-DD`, or null.
fn date<S: serde::Serializer>(date: &Option<Date>, out: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => out.collect_str(d),
        None => out.serialize_none(),
    }
}

impl<'a> PlanJson<'a> {
    fn new(s: &'a Succession) -> PlanJson<'a> {
        let plan = &s.plan;
        PlanJson {
            position: PositionJson {
                id: &s.position.kode,
                name: &s.position.nama,
                opd: &s.position.opd,
                jenjang: s.position.jenjang.code(),
                period: &s.periode,
                on: s.on.to_string(),
                holders: &s.holders,
                ready_now: plan.ready_now,
                fewer_ready_than_required: plan.kurang_suksesor,
                required_ready: plan.min_ready,
            },
            candidates: plan
                .candidates
                .iter()
                .map(|c| CandidateJson {
                    nip: c.nip.as_str(),
                    name: &c.nama,
                    rank: c.rank,
                    talent_score: c.nilai_talenta.as_f64(),
                    jpm: c.jpm.map(|h| f64::from(h) / 100.0),
                    kotak: c.kotak.number(),
                    readiness: c.readiness.code(),
                    eligible_until: c.eligible_until,
                })
                .collect(),
            excluded: plan
                .excluded
                .iter()
                .map(|e| ExcludedJson {
                    nip: e.nip.as_str(),
                    name: &e.nama,
                    eligible_from: e.eligible_from,
                    eligible_until: e.eligible_until,
                    reasons: e
                        .failures
                        .iter()
                        .map(|f| ReasonJson {
                            rule: f.rule.code(),
                            source: &f.source,
                            actual: &f.actual,
                            required: &f.required,
                            eligible_from: f.eligible_from,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

pub fn run(args: &SuccessionArgs) -> anyhow::Result<ExitCode> {
    let rules = args.rules.load()?;
    runtime()?.block_on(async {
        let mut opened = args.list.instansi.open(rules).await?;
        if let Some(on) = args.on {
            opened.now = on.midnight().assume_utc();
        }
        let s = succession(&opened.ctx(), &args.position, args.period).await?;
        opened.close().await;
        let plan = &s.plan;
        match args.list.format {
            Format::Json => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                serde_json::to_writer(&mut out, &PlanJson::new(&s))?;
                writeln!(out)?;
                out.flush()?;
            }
            Format::Table => {
                writeln!(
                    stdout(),
                    "{} {} ({}, {}), periode {}, per {}",
                    s.position.kode,
                    s.position.nama,
                    s.position.opd,
                    s.position.jenjang.label(),
                    s.periode,
                    s.on
                )?;
                print(
                    &[
                        "#",
                        "nip",
                        "nama",
                        "nilai",
                        "jpm",
                        "kotak",
                        "kesiapan",
                        "memenuhi sampai",
                    ],
                    plan.candidates.iter().map(|c| {
                        vec![
                            c.rank.to_string(),
                            c.nip.as_str().to_owned(),
                            c.nama.clone(),
                            c.nilai_talenta.to_string(),
                            c.jpm
                                .map_or("-".to_owned(), |h| format!("{}.{:02}%", h / 100, h % 100)),
                            c.kotak.to_string(),
                            c.readiness.label().to_owned(),
                            date_or_dash(c.eligible_until),
                        ]
                    }),
                )?;
                if plan.kurang_suksesor {
                    writeln!(
                        stdout(),
                        "PERHATIAN: {} suksesor siap sekarang, kurang dari {}",
                        plan.ready_now,
                        plan.min_ready
                    )?;
                }
                if !plan.excluded.is_empty() {
                    writeln!(stdout(), "\nTidak memenuhi syarat:")?;
                    print_failures(
                        &plan.excluded,
                        |e| (e.nip.as_str(), &e.nama, &e.failures),
                        Some(|e: &Excluded| e.eligible_until),
                    )?;
                }
            }
        }
        anyhow::Ok(ExitCode::SUCCESS)
    })
}
