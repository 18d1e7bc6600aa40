//! The six-monthly evaluation of officeholders in the browser: the page of
//! a period (`/talenta/{periode}/evaluasi`, optionally `?opd=` a unit and
//! its sub-units) for the BKPSDM, the talent committee and the PPK, and the
//! dashboards' count of it. The rules are the domain's (`evaluasi`), the
//! reads `talenta_app::evaluation`'s.

use axum::Router;
use axum::routing::get;
use talenta_app::cycle::CycleError;
use talenta_app::evaluation::{Evaluation, HolderRow, Officeholder, evaluation};
use talenta_domain::access::Action;
use talenta_domain::evaluasi::{NOT_IN_MAP, Rule};
use talenta_domain::privasi::Privasi;
use talenta_domain::{Periode, RuleSet};
use talenta_views::pages::{EvaluasiPejabat, LinkRow, LinkTable, Siklus};
use time::Date;

use super::cycle::{Unit, cycle_error};
use super::dashboard::{by_reason, path_segment, standalone, subtree_of};
use super::person_row;
use super::profile::komponen_label;
use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render};
use crate::extract::{InPath, Query};
use talenta_app::cycle::latest;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/talenta/{periode}/evaluasi", get(page))
}

/// The page of `periode`'s evaluation, scoped to `opd` if given.
pub(super) fn href(periode: &str, opd: Option<&str>) -> String {
    match opd {
        Some(unit) => format!("/talenta/{periode}/evaluasi?opd={}", path_segment(unit)),
        None => format!("/talenta/{periode}/evaluasi"),
    }
}

fn rule_label(rule: Rule) -> &'static str {
    match rule {
        Rule::Kotak => "Kotak talenta",
        Rule::Skp => "SKP terakhir",
        Rule::Jpm => "JPM terhadap jabatannya",
    }
}

/// The rules of the rule set in one sentence.
fn rules_text(rules: &RuleSet) -> String {
    let policy = &rules.evaluasi;
    let boxes: Vec<String> = policy.boxes.iter().map(ToString::to_string).collect();
    format!(
        "Dievaluasi bila kotak akhirnya {}, SKP tahunan terakhirnya di bawah {}, atau JPM terhadap standar kompetensi jabatannya di bawah {}% ({}); aturan {}.",
        boxes.join(", "),
        policy.skp.minimum.label(),
        policy.jpm.minimum.min_percent(),
        policy.jpm.minimum.label(),
        rules.id
    )
}

/// Each rule's source, once for the page rather than on every row.
fn sources_text(rules: &RuleSet) -> String {
    let policy = &rules.evaluasi;
    format!(
        "Dasar hukum. {}: {}. {}: {}. {}: {}.",
        rule_label(Rule::Kotak),
        policy.source,
        rule_label(Rule::Skp),
        policy.skp.source,
        rule_label(Rule::Jpm),
        policy.jpm.source
    )
}

/// An officeholder's row: the person, their position and unit, then `more`.
fn holder_row(holder: &Officeholder, more: impl IntoIterator<Item = String>) -> LinkRow {
    let position = format!("{} ({})", holder.jabatan_nama, holder.jenjang.label());
    person_row(
        &holder.nip,
        &holder.nama,
        [position, holder.opd.clone()].into_iter().chain(more),
    )
}

fn missing_label(code: &str) -> &str {
    if code == NOT_IN_MAP {
        "belum ada di peta talenta (dihitung sebelum menjabat atau sebelum datanya masuk)"
    } else {
        komponen_label(code)
    }
}

async fn page(caller: Caller, InPath(periode): InPath<Periode>, Query(unit): Query<Unit>) -> Reply {
    let opd = caller
        .unit(unit.opd.as_deref(), Action::ReadEvaluation)
        .await?;
    let rules = caller.rules();
    let evaluated = evaluation(&caller.ctx(), periode, opd.as_deref())
        .await
        .map_err(cycle_error)?;
    let scope = opd.as_deref().map_or_else(
        || "seluruh instansi".to_owned(),
        |unit| format!("unit {unit} dan sub-unitnya"),
    );
    let holders = LinkTable {
        id: "perlu-evaluasi",
        caption: format!("Perlu dievaluasi ({})", evaluated.holders.len()),
        note: "Kotak akhir terendah dahulu, lalu nilai talenta terendah; setiap aturan dengan nilai pegawai dan syaratnya (dasar hukum tiap aturan di atas tabel).".to_owned(),
        columns: vec!["Pegawai", "NIP", "Jabatan", "Unit", "Kotak", "Alasan"],
        rows: evaluated
            .holders
            .iter()
            .map(|h| {
                let more = [
                    h.kotak.to_string(),
                    h.reasons
                        .iter()
                        .map(|r| {
                            format!(
                                "{}: {} (syarat {})",
                                rule_label(r.rule),
                                r.actual,
                                r.required
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" · "),
                ];
                holder_row(&h.holder, more)
            })
            .collect(),
        empty: "Tidak ada pejabat yang perlu dievaluasi.",
    };
    let unmapped = LinkTable {
        id: "tidak-dipetakan",
        caption: format!("Tidak ada di peta talenta ({})", evaluated.unmapped.len()),
        note: "Pejabat yang tidak dipetakan belum dapat dievaluasi; lengkapi datanya, lalu hitung ulang peta periode ini.".to_owned(),
        columns: vec!["Pegawai", "NIP", "Jabatan", "Unit", "Data yang kurang"],
        rows: evaluated
            .unmapped
            .iter()
            .map(|u| {
                let more = [u
                    .missing
                        .iter()
                        .map(|m| missing_label(m))
                        .collect::<Vec<_>>()
                        .join(", ")];
                holder_row(&u.holder, more)
            })
            .collect(),
        empty: "Semua pejabat struktural ada di peta talenta.",
    };
    render(&Siklus {
        chrome: super::chrome(&caller, "/talenta"),
        judul: format!("Evaluasi pejabat {periode}"),
        keterangan: vec![
            format!(
                "Pejabat struktural (pengawas, administrator, JPT) dievaluasi setiap semester menurut peta talenta periode ini, kotak akhir setelah kalibrasi. Cakupan: {scope}."
            ),
            rules_text(rules),
            sources_text(rules),
        ],
        tautan: super::cycle::up(&caller),
        tables: vec![holders, unmapped],
    })
}

/// The dashboards' block: the holders in scope (the instansi, or `root`
/// and its sub-units) to evaluate in the latest mapped period, counted per
/// rule. The instansi's evaluation is computed once a day
/// ([`crate::cache::SUCCESSION_TTL`]) and filtered here; `None` before any
/// map.
pub(super) async fn dashboard_block(
    caller: &Caller,
    root: Option<&str>,
    today: Date,
    privasi: Option<&Privasi>,
) -> Result<Option<EvaluasiPejabat>, WebError> {
    let ctx = caller.ctx();
    let cached = caller
        .state()
        .evaluations()
        .get_or_load(caller.instansi(), None, today, ctx.now, async {
            match latest(&ctx).await? {
                Some(periode) => evaluation(&ctx, periode, None).await.map(Some),
                None => Ok::<Option<Evaluation>, CycleError>(None),
            }
        })
        .await
        .map_err(cycle_error)?;
    let Some(evaluated) = cached.as_ref() else {
        return Ok(None);
    };
    let units = subtree_of(&ctx, root).await?;
    let in_scope = |opd: &str| units.as_ref().is_none_or(|u| u.contains(opd));
    let holders: Vec<_> = evaluated
        .holders
        .iter()
        .filter(|h| in_scope(&h.holder.opd))
        .collect();
    // Officeholders are few and known by name: a reader who may not see
    // persons sees no count below `[privasi] min_cell`.
    let count = |n: usize| standalone(n, privasi);
    let fails = |h: &&HolderRow, rule| h.reasons.iter().any(|r| r.rule == rule);
    let rules = [Rule::Kotak, Rule::Skp, Rule::Jpm];
    let alasan = by_reason(&holders, rules, fails, rule_label, false, privasi);
    Ok(Some(EvaluasiPejabat {
        periode: evaluated.periode.to_string(),
        jumlah: count(holders.len()),
        alasan,
        aturan: rules_text(ctx.rules),
        belum_dipetakan: count(
            evaluated
                .unmapped
                .iter()
                .filter(|u| in_scope(&u.holder.opd))
                .count(),
        ),
        href: caller
            .may(Action::ReadEvaluation, caller.target(root))
            .then(|| href(&evaluated.periode.to_string(), root)),
    }))
}
