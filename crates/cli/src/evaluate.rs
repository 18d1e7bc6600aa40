//! `talenta evaluate`: the six-monthly evaluation of officeholders of a
//! semester: the holders of structural positions to evaluate, worst first,
//! each with every rule that lists them, and those left out of the map
//! with what it lacked.

use std::io::Write;
use std::process::ExitCode;

use talenta_app::evaluation::evaluation;
use talenta_domain::Periode;

use crate::db::runtime;
use crate::period::parse_periode;
use crate::table::{Format, ListArgs, RulesArgs, print, stdout};

#[derive(Debug, clap::Args)]
pub struct EvaluateArgs {
    /// The semester whose final boxes are read, such as 2026-S1
    #[arg(long, value_name = "PERIOD", value_parser = parse_periode)]
    period: Periode,
    #[command(flatten)]
    rules: RulesArgs,
    #[command(flatten)]
    list: ListArgs,
}

pub fn run(args: &EvaluateArgs) -> anyhow::Result<ExitCode> {
    let rules = args.rules.load()?;
    let rule_set = rules.id.clone();
    runtime()?.block_on(async {
        let opened = args.list.instansi.open(rules).await?;
        let evaluated = evaluation(&opened.ctx(), args.period, None).await?;
        opened.close().await;
        match args.list.format {
            Format::Json => {
                let out = serde_json::json!({
                    "period": evaluated.periode,
                    "holders": evaluated.holders.iter().map(|h| serde_json::json!({
                        "nip": h.holder.nip,
                        "name": h.holder.nama,
                        "position": h.holder.jabatan,
                        "box": h.kotak.number(),
                        "reasons": h.reasons.iter().map(|r| serde_json::json!({
                            "rule": r.rule.code(),
                            "actual": r.actual,
                            "required": r.required,
                            "source": r.source,
                        })).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                    "unmapped": evaluated.unmapped.iter().map(|u| serde_json::json!({
                        "nip": u.holder.nip,
                        "name": u.holder.nama,
                        "position": u.holder.jabatan,
                        "missing": u.missing,
                    })).collect::<Vec<_>>(),
                });
                writeln!(stdout(), "{out}")?;
            }
            Format::Table => {
                writeln!(
                    stdout(),
                    "Evaluasi pejabat periode {}: {} perlu dievaluasi (aturan {})",
                    evaluated.periode,
                    evaluated.holders.len(),
                    rule_set
                )?;
                // One line per rule; the holder's cells on their first.
                let rows: Vec<Vec<String>> = evaluated
                    .holders
                    .iter()
                    .flat_map(|h| {
                        h.reasons.iter().enumerate().map(move |(i, r)| {
                            let holder = if i == 0 {
                                vec![
                                    h.holder.nip.as_str().to_owned(),
                                    h.holder.nama.clone(),
                                    format!("{} ({})", h.holder.jabatan_nama, h.holder.jabatan),
                                    h.kotak.to_string(),
                                ]
                            } else {
                                vec![String::new(); 4]
                            };
                            holder
                                .into_iter()
                                .chain([
                                    r.rule.code().to_owned(),
                                    r.actual.clone(),
                                    r.required.clone(),
                                    r.source.clone(),
                                ])
                                .collect()
                        })
                    })
                    .collect();
                print(
                    &[
                        "nip", "nama", "jabatan", "kotak", "aturan", "nilai", "syarat", "sumber",
                    ],
                    rows,
                )?;
                writeln!(
                    stdout(),
                    "\nTidak ada di peta talenta: {}",
                    evaluated.unmapped.len()
                )?;
                print(
                    &["nip", "nama", "jabatan", "data kurang"],
                    evaluated.unmapped.iter().map(|u| {
                        vec![
                            u.holder.nip.as_str().to_owned(),
                            u.holder.nama.clone(),
                            format!("{} ({})", u.holder.jabatan_nama, u.holder.jabatan),
                            u.missing.join(", "),
                        ]
                    }),
                )?;
            }
        }
        anyhow::Ok(ExitCode::SUCCESS)
    })
}
