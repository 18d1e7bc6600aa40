//! The talent cycle of a period: open, map (`crate::map::compute`, which
//! opens a period on its first run and refuses a closed one), calibrate,
//! close. Also the views over periods: the final map (computed box,
//! calibrated box, reason), a person's box history, the movement matrix
//! between two periods, and what-if runs under another rule set, which
//! write nothing.
//!
//! Closing freezes the period: its snapshot is never replaced, its
//! calibrations never change, and its talent pools are stored as they are
//! at closing ([`crate::pools::talent_pools`] reads them back), so data imported
//! later changes nothing about it.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use talenta_domain::cycle::{CalibrationError, StatusPeriode, calibrate as check_calibration};
use talenta_domain::movement::{Matrix, transitions};
use talenta_domain::personnel::Pegawai;
use talenta_domain::{Kotak, Nip, Periode, RuleSet};
pub use talenta_storage::{FinalRow, KalibrasiRow, PeriodeRow};
use talenta_storage::{KrsRow, StorageError};

use crate::Ctx;
use crate::map::{Positions, score_page};

#[derive(Debug, thiserror::Error)]
pub enum CycleError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("period {0} is not open: open it with `talenta period open {0}` or map it")]
    NotOpen(Periode),
    #[error("period {0} is already closed")]
    AlreadyClosed(Periode),
    #[error("no talent map of {0} yet: compute it with `talenta map --period {0}`")]
    NoSnapshot(Periode),
    #[error(
        "period {periode} was mapped under rule set {mapped}, not the one given ({given}): close it with the rules of its map"
    )]
    OtherRules {
        periode: Periode,
        mapped: String,
        given: String,
    },
    #[error(
        "the rule set stored with the map of {periode} does not load ({reason}): map the period again under today's rules"
    )]
    StoredRules {
        periode: Periode,
        reason: talenta_domain::RuleSetError,
    },
    #[error("{} is not in the talent map of {periode}", .nip.as_str())]
    NotInMap { periode: Periode, nip: Nip },
    #[error(transparent)]
    Calibration(#[from] CalibrationError),
    #[error(transparent)]
    Rules(#[from] talenta_domain::RuleSetError),
}

/// Opens `periode` (idempotent: an open period stays as it is). A closed
/// period cannot be reopened.
pub async fn open_period(ctx: &Ctx<'_>, periode: Periode) -> Result<PeriodeRow, CycleError> {
    let (db, instansi_id, actor, now) = (ctx.db, ctx.instansi.get(), ctx.actor, ctx.now);
    let key = periode.to_string();
    let mut tx = db.begin_write().await?;
    match tx.periode_state(instansi_id, &key).await? {
        Some(state) if state.status == StatusPeriode::Ditutup => {
            tx.rollback().await?;
            Err(CycleError::AlreadyClosed(periode))
        }
        Some(state) => {
            tx.rollback().await?;
            Ok(state)
        }
        None => {
            let change = tx.record_change(now, actor, "period open", &key).await?;
            let state = PeriodeRow::opened(periode, now, actor);
            tx.upsert(instansi_id, change, std::slice::from_ref(&state))
                .await?;
            tx.commit().await?;
            Ok(state)
        }
    }
}

/// A closed period and the rule set its talent pools were set under.
#[derive(Debug, Clone)]
pub struct Closed {
    pub period: PeriodeRow,
    pub rules: RuleSet,
    /// The rules are those stored with the period's map; `false` for a map
    /// computed before rule sets were stored with it (migration 0013), closed
    /// under the rules given.
    pub stored: bool,
}

/// Closes `periode`: it must be open and mapped. The talent pools are
/// computed and stored as they are now, under the rule set stored with the
/// period's map, so a period closes under the rules it was mapped with
/// whatever the rules of today. Rules `given` must be those (same
/// fingerprint). A map computed before rule sets were stored with it
/// closes under the rules `given` (the bundled set when none is): its boxes
/// stay those of its map; map the period again first to have both under
/// today's rules (a map run again keeps the calibrations).
pub async fn close_period(
    ctx: &Ctx<'_>,
    periode: Periode,
    given: Option<&RuleSet>,
) -> Result<Closed, CycleError> {
    let (db, instansi_id, actor, now) = (ctx.db, ctx.instansi.get(), ctx.actor, ctx.now);
    let key = periode.to_string();
    let state = db
        .periode_state(instansi_id, &key)
        .await?
        .ok_or(CycleError::NotOpen(periode))?;
    if state.status == StatusPeriode::Ditutup {
        return Err(CycleError::AlreadyClosed(periode));
    }
    let snapshot = db
        .snapshot(instansi_id, &key)
        .await?
        .ok_or(CycleError::NoSnapshot(periode))?;
    let (rules, stored) = match (snapshot.rule_set_toml, given) {
        (Some(text), given) => {
            let mapped = RuleSet::from_toml(&text)
                .map_err(|reason| CycleError::StoredRules { periode, reason })?;
            if let Some(given) = given.filter(|g| g.fingerprint() != mapped.fingerprint()) {
                return Err(CycleError::OtherRules {
                    periode,
                    mapped: format!("{} ({})", mapped.id, mapped.fingerprint()),
                    given: format!("{} ({})", given.id, given.fingerprint()),
                });
            }
            (mapped, true)
        }
        (None, Some(given)) => (given.clone(), false),
        (None, None) => (RuleSet::bundled()?, false),
    };
    let rules = &rules;
    let pools = crate::pools::live_pools(&Ctx { rules, ..*ctx }, periode).await?;
    let mut tx = db.begin_write().await?;
    // Checked again inside the transaction: a concurrent close or map.
    match tx.periode_state(instansi_id, &key).await? {
        Some(s) if s == state => {}
        _ => {
            tx.rollback().await?;
            return Err(CycleError::AlreadyClosed(periode));
        }
    }
    let change = tx
        .record_change(
            now,
            actor,
            "period close",
            &format!(
                "{key}: KRS under rule set {} ({}){}",
                rules.id,
                rules.fingerprint(),
                if stored {
                    ""
                } else {
                    ", given: the map predates stored rule sets"
                }
            ),
        )
        .await?;
    tx.delete::<KrsRow>(instansi_id, &[&key]).await?;
    let rows: Vec<KrsRow> = pools
        .iter()
        .flat_map(|pool| {
            pool.members.iter().map(|m| KrsRow {
                periode,
                target: pool.target,
                jenis: pool.kind,
                peringkat: m.rank,
                nip: m.nip,
                nama: m.nama.clone(),
                opd: m.opd.clone(),
                kotak: m.kotak,
                nilai_talenta: m.nilai_talenta,
            })
        })
        .collect();
    tx.upsert(instansi_id, change, &rows).await?;
    let closed = PeriodeRow {
        status: StatusPeriode::Ditutup,
        ditutup_at: Some(now),
        ditutup_oleh: Some(actor.to_owned()),
        ..state
    };
    tx.upsert(instansi_id, change, std::slice::from_ref(&closed))
        .await?;
    tx.commit().await?;
    Ok(Closed {
        period: closed,
        rules: rules.clone(),
        stored,
    })
}

/// Every period of the instansi, oldest first.
pub async fn periods(ctx: &Ctx<'_>) -> Result<Vec<PeriodeRow>, CycleError> {
    Ok(ctx.db.periode_states(ctx.instansi.get()).await?)
}

/// The state of `periode`, if it was ever opened.
pub async fn period(ctx: &Ctx<'_>, periode: Periode) -> Result<Option<PeriodeRow>, StorageError> {
    ctx.db
        .periode_state(ctx.instansi.get(), &periode.to_string())
        .await
}

/// The latest period with a talent map, if any.
pub async fn latest(ctx: &Ctx<'_>) -> Result<Option<Periode>, StorageError> {
    Ok(ctx
        .db
        .latest_periode(ctx.instansi.get())
        .await?
        .and_then(|p| p.parse().ok()))
}

/// Every period with a talent map.
pub async fn mapped(ctx: &Ctx<'_>) -> Result<Vec<String>, StorageError> {
    ctx.db.periodes(ctx.instansi.get()).await
}

/// The committee moves `nip` to box `to` in `periode`, with a written
/// reason: the computed box stays in the snapshot, the final box and the
/// reason go into the calibration, and the decision into the change log.
/// Moving someone to their computed box removes the calibration.
pub async fn calibrate(
    ctx: &Ctx<'_>,
    decision: &Calibration<'_>,
) -> Result<Option<KalibrasiRow>, CycleError> {
    let (db, instansi_id, actor, now) = (ctx.db, ctx.instansi.get(), ctx.actor, ctx.now);
    let &Calibration {
        periode,
        nip,
        to,
        alasan,
    } = decision;
    let key = periode.to_string();
    let mut tx = db.begin_write().await?;
    let Some(state) = tx.periode_state(instansi_id, &key).await? else {
        tx.rollback().await?;
        return Err(CycleError::NotOpen(periode));
    };
    let row = tx.snapshot_row(instansi_id, &key, nip).await?;
    let Some(row) = row else {
        tx.rollback().await?;
        return Err(CycleError::NotInMap { periode, nip: *nip });
    };
    if row.kotak == Some(to) && state.status == StatusPeriode::Terbuka {
        tx.record_change(
            now,
            actor,
            "calibrate",
            &format!(
                "{key} {}: kembali ke kotak hasil perhitungan {to}",
                nip.as_str()
            ),
        )
        .await?;
        tx.delete::<KalibrasiRow>(instansi_id, &[&key, nip.as_str()])
            .await?;
        tx.commit().await?;
        return Ok(None);
    }
    let checked = match check_calibration(state.status, row.kotak, to, alasan) {
        Ok(c) => c,
        Err(e) => {
            tx.rollback().await?;
            return Err(e.into());
        }
    };
    let change = tx
        .record_change(
            now,
            actor,
            "calibrate",
            &format!(
                "{key} {}: kotak {} ke {}: {}",
                nip.as_str(),
                checked.computed,
                checked.final_box,
                checked.alasan
            ),
        )
        .await?;
    let calibration = KalibrasiRow {
        periode,
        nip: *nip,
        kotak_awal: checked.computed,
        kotak_akhir: checked.final_box,
        alasan: checked.alasan,
        oleh: actor.to_owned(),
        at: now.replace_nanosecond(0).unwrap_or(now),
    };
    tx.upsert(instansi_id, change, std::slice::from_ref(&calibration))
        .await?;
    tx.commit().await?;
    Ok(Some(calibration))
}

/// What the committee decides about one person: `nip`'s box in `periode`
/// becomes `to`, for the written reason `alasan`.
#[derive(Debug, Clone, Copy)]
pub struct Calibration<'a> {
    pub periode: Periode,
    pub nip: &'a Nip,
    pub to: Kotak,
    pub alasan: &'a str,
}

/// The map of a period with every calibration applied, in the order of
/// talent (`talenta_domain::cycle::by_talent`).
pub async fn final_map(ctx: &Ctx<'_>, periode: Periode) -> Result<Vec<FinalRow>, CycleError> {
    Ok(ctx.db.final_map(ctx.instansi.get(), periode).await?)
}

/// A person's boxes in every mapped period, oldest first, with the
/// calibration of each.
pub async fn box_history(ctx: &Ctx<'_>, nip: &Nip) -> Result<Vec<FinalRow>, CycleError> {
    Ok(ctx.db.final_history(ctx.instansi.get(), nip).await?)
}

/// The rows of `nips` in the map of `periode` with every calibration
/// applied, by NIP: [`final_map`] for some people.
pub async fn final_among(
    ctx: &Ctx<'_>,
    periode: Periode,
    nips: &[Nip],
) -> Result<Vec<FinalRow>, CycleError> {
    let (db, instansi_id) = (ctx.db, ctx.instansi.get());
    Ok(db
        .records_among::<FinalRow>(instansi_id, &periode.to_string(), nips)
        .await?)
}

/// The final box of each of `nips` in every mapped period up to `upto`,
/// oldest first, by NIP: [`box_history`] for many people, a statement per
/// period.
pub async fn boxes_among(
    ctx: &Ctx<'_>,
    upto: Periode,
    nips: &[Nip],
) -> Result<HashMap<Nip, Vec<(Periode, Kotak)>>, CycleError> {
    let mut mapped: Vec<Periode> = ctx
        .db
        .periodes(ctx.instansi.get())
        .await?
        .iter()
        .filter_map(|p| p.parse().ok())
        .filter(|p| *p <= upto)
        .collect();
    mapped.sort();
    let mut boxes: HashMap<Nip, Vec<(Periode, Kotak)>> = HashMap::new();
    for periode in mapped {
        for row in final_among(ctx, periode, nips).await? {
            if let Some(k) = row.final_box {
                boxes.entry(row.map.nip).or_default().push((periode, k));
            }
        }
    }
    Ok(boxes)
}

/// The movement of final boxes from one period to another, for the
/// instansi or for one OPD (the unit and its sub-units, by the unit each
/// snapshot recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Movement {
    pub from: String,
    pub to: String,
    pub opd: Option<String>,
    pub matrix: Matrix,
}

pub async fn movement(
    ctx: &Ctx<'_>,
    from: Periode,
    to: Periode,
    opd: Option<&str>,
) -> Result<Movement, CycleError> {
    let units = match opd {
        Some(root) => Some(subtree(ctx, root).await?),
        None => None,
    };
    let keep = |r: &FinalRow| units.as_ref().is_none_or(|u| u.contains(&r.map.opd));
    let before = final_map(ctx, from).await?;
    let after = final_map(ctx, to).await?;
    let placed = |rows: &[FinalRow]| -> Vec<(Nip, Kotak)> {
        rows.iter()
            .filter(|r| keep(r))
            .filter_map(|r| r.final_box.map(|k| (r.map.nip, k)))
            .collect()
    };
    let (before, after) = (placed(&before), placed(&after));
    Ok(Movement {
        from: from.to_string(),
        to: to.to_string(),
        opd: opd.map(str::to_owned),
        matrix: transitions(before, after),
    })
}

/// The unit `root` and every unit below it.
pub(crate) async fn subtree(ctx: &Ctx<'_>, root: &str) -> Result<HashSet<String>, StorageError> {
    Ok(crate::units::subtree(ctx, root)
        .await?
        .into_iter()
        .collect())
}

/// The employees among `nips`; with `opd`, only those in that unit or
/// below it.
pub(crate) async fn employees_among(
    ctx: &Ctx<'_>,
    nips: &[impl AsRef<str>],
    opd: Option<&str>,
) -> Result<Vec<Pegawai>, StorageError> {
    let units = match opd {
        Some(root) => Some(subtree(ctx, root).await?),
        None => None,
    };
    Ok(ctx
        .db
        .records_among::<Pegawai>(ctx.instansi.get(), "", nips)
        .await?
        .into_iter()
        .filter(|p| units.as_ref().is_none_or(|u| u.contains(&p.opd)))
        .collect())
}

/// A what-if run: the map of `periode` computed under `rules` in memory,
/// compared with the stored final map. Writes nothing, so a closed period
/// stays as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhatIf {
    pub periode: Periode,
    pub rule_set: String,
    pub fingerprint: String,
    /// Every employee as the other rules place them.
    pub rows: Vec<WhatIfRow>,
    /// Stored final box (rows) against the what-if box (columns).
    pub matrix: Matrix,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhatIfRow {
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    /// The final box in the stored map, if any.
    pub stored: Option<Kotak>,
    /// The box under the what-if rules; `None` when data is missing.
    pub what_if: Option<Kotak>,
    pub nilai_talenta: Option<talenta_domain::Score>,
}

pub async fn what_if(ctx: &Ctx<'_>, periode: Periode) -> Result<WhatIf, CycleError> {
    let (db, instansi_id, rules) = (ctx.db, ctx.instansi.get(), ctx.rules);
    let stored: HashMap<Nip, Kotak> = final_map(ctx, periode)
        .await?
        .into_iter()
        .filter_map(|r| r.final_box.map(|k| (r.map.nip, k)))
        .collect();
    let mut rows = Vec::new();
    let mut after: Option<Nip> = None;
    let positions = Positions::new();
    while let Some(page) = score_page(
        db,
        instansi_id,
        periode,
        rules,
        &positions,
        after.as_ref().map(Nip::as_str),
    )
    .await?
    {
        after = page.last().map(|r| r.nip);
        rows.extend(page.into_iter().map(|r| WhatIfRow {
            stored: stored.get(&r.nip).copied(),
            what_if: r.kotak,
            nilai_talenta: r.nilai_talenta,
            nip: r.nip,
            nama: r.nama,
            opd: r.opd,
        }));
    }
    let matrix = transitions(
        stored.iter().map(|(n, k)| (*n, *k)),
        rows.iter().filter_map(|r| r.what_if.map(|k| (r.nip, k))),
    );
    Ok(WhatIf {
        periode,
        rule_set: rules.id.clone(),
        fingerprint: rules.fingerprint(),
        rows,
        matrix,
    })
}
