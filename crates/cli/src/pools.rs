//! `talenta pools`: the talent pools (KRS) of a semester per target
//! jenjang, members ranked by Nilai Talenta, and (open periods) everyone
//! whose box qualifies but who fails a gate, with every failed rule.

use std::io::Write;
use std::process::ExitCode;

use talenta_app::pools::talent_pools;

use crate::db::runtime;
use crate::table::{Format, SemesterArgs, number, print, print_failures, stdout};

pub fn run(args: &SemesterArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let opened = args.open().await?;
        let pools = talent_pools(&opened.ctx(), args.period).await?;
        opened.close().await;
        match args.list.format {
            Format::Json => {
                let out = serde_json::json!({
                    "period": pools.periode,
                    "frozen": pools.frozen,
                    "pools": pools.pools.iter().map(|p| serde_json::json!({
                        "target": p.target.code(),
                        "kind": p.kind.code(),
                        "members": p.members.iter().map(|m| serde_json::json!({
                            "rank": m.rank, "nip": m.nip, "name": m.nama, "opd": m.opd,
                            "box": m.kotak.number(), "talent_score": number(m.nilai_talenta),
                        })).collect::<Vec<_>>(),
                        "left_out": p.left_out.iter().map(|l| serde_json::json!({
                            "nip": l.nip, "name": l.nama, "box": l.kotak.number(),
                            "talent_score": number(l.nilai_talenta),
                            "eligible_from": l.eligible_from.map(|d| d.to_string()),
                            "reasons": l.failures.iter().map(|f| serde_json::json!({
                                "rule": f.rule.code(), "source": f.source, "actual": f.actual,
                                "required": f.required,
                                "eligible_from": f.eligible_from.map(|d| d.to_string()),
                            })).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                });
                writeln!(stdout(), "{out}")?;
            }
            Format::Table => {
                for pool in &pools.pools {
                    writeln!(
                        stdout(),
                        "{} untuk {}, periode {}{}: {} anggota",
                        pool.kind.label(),
                        pool.target.label(),
                        pools.periode,
                        if pools.frozen { " (ditutup)" } else { "" },
                        pool.members.len()
                    )?;
                    print(
                        &["#", "nip", "nama", "opd", "kotak", "nilai"],
                        pool.members.iter().map(|m| {
                            vec![
                                m.rank.to_string(),
                                m.nip.as_str().to_owned(),
                                m.nama.clone(),
                                m.opd.clone(),
                                m.kotak.to_string(),
                                m.nilai_talenta.to_string(),
                            ]
                        }),
                    )?;
                    if !pool.left_out.is_empty() {
                        writeln!(stdout(), "Tidak memenuhi syarat: {}", pool.left_out.len())?;
                        print_failures(
                            &pool.left_out,
                            |l| (l.nip.as_str(), &l.nama, &l.failures),
                            None,
                        )?;
                    }
                    writeln!(stdout())?;
                }
            }
        }
        anyhow::Ok(ExitCode::SUCCESS)
    })
}
