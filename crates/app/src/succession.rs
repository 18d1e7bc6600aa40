//! Key positions and their succession plans: the positions to choose
//! from, the ranked candidates and everyone excluded for one position, and
//! the key positions short of ready successors (the dashboards' notice);
//! the domain (`talenta_domain::succession`) decides.

use std::collections::BTreeSet;

use serde::Serialize;
use talenta_domain::cycle::Talent;
use talenta_domain::eligibility::Position;
use talenta_domain::jabatan::Jenjang;
use talenta_domain::personnel::Jabatan;
use talenta_domain::pool::feeders;
use talenta_domain::readiness::Readiness;
use talenta_domain::succession::{KeyPosition, Plan, plan, ready_now_up_to};
use talenta_domain::{Kotak, Nip, Periode};
use talenta_storage::{InLine, StorageError};
use time::Date;

use crate::Ctx;
use crate::cycle::CycleError;
use crate::people::position;

use crate::in_line::{Person, people_in_line, reads_training};

/// A position as listed for choosing a succession plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PositionItem {
    pub kode: String,
    pub nama: String,
    pub opd: String,
    pub jenjang: Jenjang,
    pub kunci: bool,
}

/// The positions of the instansi by code, only key positions with `key`.
pub async fn positions(ctx: &Ctx<'_>, key: bool) -> Result<Vec<PositionItem>, CycleError> {
    let (db, instansi_id) = (ctx.db, ctx.instansi.get());
    let item = |j: Jabatan| PositionItem {
        kode: j.kode,
        nama: j.nama,
        opd: j.opd,
        jenjang: j.jenjang,
        kunci: j.kunci,
    };
    if key {
        return Ok(db
            .key_positions(instansi_id)
            .await?
            .into_iter()
            .map(item)
            .collect());
    }
    let mut out = Vec::new();
    db.read_all::<Jabatan>(instansi_id, |j| {
        out.push(item(j));
        Ok(())
    })
    .await?;
    Ok(out)
}

#[derive(Debug, thiserror::Error)]
pub enum SuccessionError {
    #[error(transparent)]
    Cycle(#[from] CycleError),
    #[error("no position {0} in the instansi (see `talenta positions`)")]
    UnknownPosition(String),
    #[error("no talent map yet: compute one with `talenta map --period PERIOD`")]
    NoMap,
}

impl From<StorageError> for SuccessionError {
    fn from(e: StorageError) -> SuccessionError {
        SuccessionError::Cycle(e.into())
    }
}

/// The succession plan of one position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Succession {
    pub position: PositionItem,
    /// The period whose final boxes were read.
    pub periode: String,
    /// The day eligibility was checked on.
    pub on: Date,
    /// The current holders of the position (not candidates for it).
    pub holders: Vec<Nip>,
    pub plan: Plan,
}

/// A position as the domain's succession plan reads it.
fn key_position(jabatan: &Jabatan) -> KeyPosition<'_> {
    KeyPosition {
        kode: &jabatan.kode,
        nama: &jabatan.nama,
        opd: &jabatan.opd,
        requirements: Position {
            jenjang: jabatan.jenjang,
            bidang_ilmu: &jabatan.bidang_ilmu,
            min_pendidikan: jabatan.min_pendidikan,
            min_golongan: jabatan.min_golongan,
        },
        standar: &jabatan.standar,
    }
}

/// The succession plan for position `kode` from the final boxes of
/// `periode` (default: the latest mapped period), with eligibility checked
/// on the context's day (normally today, so "eligible from" is a real date
/// ahead).
pub async fn succession(
    ctx: &Ctx<'_>,
    kode: &str,
    periode: Option<Periode>,
) -> Result<Succession, SuccessionError> {
    let (db, instansi_id, rules, on) = (ctx.db, ctx.instansi.get(), ctx.rules, ctx.today());
    let jabatan = position(ctx, kode)
        .await?
        .ok_or_else(|| SuccessionError::UnknownPosition(kode.to_owned()))?;
    let periode = match periode {
        Some(p) => p,
        None => crate::cycle::latest(ctx)
            .await?
            .ok_or(SuccessionError::NoMap)?,
    };
    // Only the final boxes and jenjang the plan reads: the plan of one
    // position reads a few percent of a large instansi (none for a jenjang
    // without a succession policy, which has no plan).
    let in_line = InLine {
        periode: &periode.to_string(),
        boxes: rules
            .succession
            .of(jabatan.jenjang)
            .map_or(&[], |t| t.population_boxes.as_slice()),
        jenjang: Some(feeders(rules, jabatan.jenjang)),
    };
    let training = reads_training(rules.promotion_rule(jabatan.jenjang).into_iter());
    let people = people_in_line(ctx, &in_line, training).await?;
    let holders = db.holders_among(instansi_id, &[kode]).await?;
    let talents: Vec<Talent<'_>> = people
        .iter()
        .filter(|p| !holders.contains(&p.nip))
        .map(Person::talent)
        .collect();
    let position = key_position(&jabatan);
    let plan = plan(rules, &position, &talents, on, None);
    Ok(Succession {
        position: PositionItem {
            kode: jabatan.kode.clone(),
            nama: jabatan.nama.clone(),
            opd: jabatan.opd.clone(),
            jenjang: jabatan.jenjang,
            kunci: jabatan.kunci,
        },
        periode: periode.to_string(),
        on,
        holders,
        plan,
    })
}

/// A key position with fewer ready-now successors than the `min_ready` of
/// its jenjang's `[[succession.target]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shortfall {
    pub kode: String,
    pub nama: String,
    pub opd: String,
    pub ready_now: usize,
    /// The ready-now successors its jenjang needs.
    pub min_ready: u8,
}

/// Every key position of the instansi short of ready-now successors, from
/// the final boxes of the latest mapped period, eligibility checked on
/// the context's day; empty before any map. The dashboards' notice: one read of the
/// positions and one batch of the records of the people in line, then a
/// count of ready-now candidates per key position in memory, which stops
/// at the minimum of its jenjang (never a query per position).
pub async fn short_of_successors(ctx: &Ctx<'_>) -> Result<Vec<Shortfall>, CycleError> {
    let (db, instansi_id, rules, on) = (ctx.db, ctx.instansi.get(), ctx.rules, ctx.today());
    let Some(periode) = crate::cycle::latest(ctx).await? else {
        return Ok(Vec::new());
    };
    let key_positions = db.key_positions(instansi_id).await?;
    if key_positions.is_empty() {
        return Ok(Vec::new());
    }
    // Only the count of ready-now candidates is wanted, and a person's
    // readiness is theirs alone: whoever cannot be ready now for any target
    // (a box no siap-sekarang level of its policy takes, or no assessment,
    // hence no JPM) changes neither that count nor anyone's readiness, so
    // they are not read.
    let ready_boxes: Vec<Kotak> = rules
        .succession
        .targets
        .iter()
        .flat_map(|t| {
            t.readiness
                .iter()
                .filter(|l| l.level == Readiness::SiapSekarang)
                .flat_map(|l| l.boxes.iter().copied())
                .filter(|k| t.population_boxes.contains(k))
        })
        .collect::<BTreeSet<Kotak>>()
        .into_iter()
        .collect();
    let in_line = InLine {
        periode: &periode.to_string(),
        boxes: &ready_boxes,
        jenjang: None,
    };
    let training = reads_training(rules.promotion.iter());
    let people: Vec<Person> = people_in_line(ctx, &in_line, training)
        .await?
        .into_iter()
        .filter(|p| p.records.kompetensi.is_some())
        .collect();
    let talents: Vec<Talent<'_>> = people.iter().map(Person::talent).collect();
    let mut out = Vec::new();
    for jabatan in &key_positions {
        let min_ready = rules.succession.min_ready(jabatan.jenjang);
        let wanted = usize::from(min_ready);
        let shortfall = |ready_now| Shortfall {
            kode: jabatan.kode.clone(),
            nama: jabatan.nama.clone(),
            opd: jabatan.opd.clone(),
            ready_now,
            min_ready,
        };
        // Without a standard there is no JPM, so nobody is ready now.
        if jabatan.standar.is_empty() {
            if wanted > 0 {
                out.push(shortfall(0));
            }
            continue;
        }
        // Holders are not candidates for their own position; they are in
        // `people` only if their box puts them in line.
        let candidates = people
            .iter()
            .zip(&talents)
            .filter(|(p, _)| p.jabatan_kode.as_deref() != Some(jabatan.kode.as_str()))
            .map(|(_, t)| t);
        let position = key_position(jabatan);
        let ready_now = ready_now_up_to(rules, &position, candidates, on, wanted);
        if ready_now < wanted {
            out.push(shortfall(ready_now));
        }
    }
    Ok(out)
}
