//! `talenta merit`: the merit audit of a semester (issue 26): for each
//! outcome and each group of a protected attribute, the selection rate,
//! the impact ratio against the most-selected group, Fisher's exact test
//! and Holm's correction; flagged where both fall below the rule set's
//! `[merit]` thresholds. Aggregates only, small counts withheld.

use std::io::Write;
use std::process::ExitCode;

use talenta_app::merit::merit_audit;
use talenta_domain::Periode;
use talenta_domain::merit::{Audit, Finding};

use crate::db::runtime;
use crate::table::{Format, SemesterArgs, print, stdout};

pub fn run(args: &SemesterArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let opened = args.open().await?;
        let audit = merit_audit(&opened.ctx(), args.period).await?;
        opened.close().await;
        match args.list.format {
            Format::Json => {
                let out = serde_json::json!({
                    "period": args.period.to_string(),
                    "findings": audit.findings.iter().map(|f| serde_json::json!({
                        "outcome": f.outcome.code(),
                        "attribute": f.attribute.code(),
                        "group": f.group,
                        "selected": f.selected,
                        "total": f.total,
                        "rate": f.rate,
                        "reference_group": f.reference_group,
                        "impact_ratio": f.impact_ratio,
                        "p_value": f.p_value,
                        "p_adjusted": f.p_adjusted,
                        "flagged": f.flagged,
                    })).collect::<Vec<_>>(),
                    "suppressed_cells": audit.suppressed_cells,
                });
                writeln!(stdout(), "{out}")?;
            }
            Format::Table => table(args.period, &audit)?,
        }
        anyhow::Ok(ExitCode::SUCCESS)
    })
}

fn table(periode: Periode, audit: &Audit) -> std::io::Result<()> {
    let flagged = audit.findings.iter().filter(|f| f.flagged).count();
    writeln!(
        stdout(),
        "Audit merit {periode}: {flagged} temuan ditandai dari {} kelompok; {} angka disembunyikan (privasi)",
        audit.findings.len(),
        audit.suppressed_cells
    )?;
    let hidden = || "*".to_owned();
    print(
        &[
            "hasil",
            "atribut",
            "kelompok",
            "terpilih",
            "jumlah",
            "tingkat",
            "pembanding",
            "rasio",
            "p",
            "p holm",
            "ditandai",
        ],
        audit.findings.iter().map(|f: &Finding| {
            vec![
                f.outcome.code(),
                f.attribute.code().to_owned(),
                f.group.clone(),
                f.selected.map_or_else(hidden, |n| n.to_string()),
                f.total.map_or_else(hidden, |n| n.to_string()),
                f.rate.map_or_else(hidden, |r| format!("{r:.3}")),
                f.reference_group.clone(),
                f.impact_ratio.map_or_else(hidden, |r| format!("{r:.2}")),
                f.p_value.map_or_else(|| "-".to_owned(), p_text),
                f.p_adjusted.map_or_else(|| "-".to_owned(), p_text),
                if f.flagged { "YA" } else { "" }.to_owned(),
            ]
        }),
    )
}

/// A p-value as people read it: three decimals, or an exponent when small.
fn p_text(p: f64) -> String {
    if p >= 0.001 {
        format!("{p:.3}")
    } else {
        format!("{p:.1e}")
    }
}
