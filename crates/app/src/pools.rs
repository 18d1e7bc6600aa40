//! Talent pools (KRS) of a period: stored at closing for a closed
//! period, computed under the rules for an open one; the domain
//! (`talenta_domain::pool`) decides who is in.

use std::collections::BTreeSet;

use serde::Serialize;
use talenta_domain::cycle::{StatusPeriode, Talent};
use talenta_domain::pool::{Member, Pool, PoolKind, pools};
use talenta_domain::{Kotak, Periode, RuleSet};
use talenta_storage::{InLine, KrsRow};

use crate::Ctx;
use crate::cycle::CycleError;

use crate::in_line::{Person, people_in_line};

/// Every box any pool reads.
fn boxes_in_line(rules: &RuleSet) -> Vec<Kotak> {
    let set: BTreeSet<Kotak> = rules
        .pool
        .instansi
        .iter()
        .chain(&rules.pool.nasional)
        .copied()
        .collect();
    set.into_iter().collect()
}

/// The pools of a period as the rules give them now (gates checked on the
/// period's last day).
pub(crate) async fn live_pools(ctx: &Ctx<'_>, periode: Periode) -> Result<Vec<Pool>, CycleError> {
    let rules = ctx.rules;
    let in_line = InLine {
        periode: &periode.to_string(),
        boxes: &boxes_in_line(rules),
        jenjang: None,
    };
    let people = people_in_line(ctx, &in_line, true).await?;
    let talents: Vec<Talent<'_>> = people.iter().map(Person::talent).collect();
    Ok(pools(rules, &talents, periode.end()))
}

/// The pools of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pools {
    pub periode: Periode,
    /// `true` for a closed period: the pools as stored when it closed.
    pub frozen: bool,
    pub pools: Vec<Pool>,
}

/// The talent pools of `periode`: frozen ones for a closed period (the
/// left-out lists are not kept), computed with `rules` for an open one.
pub async fn talent_pools(ctx: &Ctx<'_>, periode: Periode) -> Result<Pools, CycleError> {
    let (db, instansi_id, rules) = (ctx.db, ctx.instansi.get(), ctx.rules);
    let key = periode.to_string();
    let state = db.periode_state(instansi_id, &key).await?;
    if db.snapshot(instansi_id, &key).await?.is_none() {
        return Err(CycleError::NoSnapshot(periode));
    }
    if state.is_some_and(|s| s.status == StatusPeriode::Ditutup) {
        let rows = db.range_of::<KrsRow>(instansi_id, &key, &key).await?;
        let mut out: Vec<Pool> = Vec::new();
        for row in rows {
            let member = Member {
                rank: row.peringkat,
                nip: row.nip,
                nama: row.nama,
                opd: row.opd,
                kotak: row.kotak,
                nilai_talenta: row.nilai_talenta,
            };
            match out
                .iter_mut()
                .find(|p| p.target == row.target && p.kind == row.jenis)
            {
                Some(pool) => pool.members.push(member),
                None => out.push(Pool {
                    target: row.target,
                    kind: row.jenis,
                    members: vec![member],
                    left_out: Vec::new(),
                }),
            }
        }
        // Stored by key (target code, jenis, rank); list as the rules do.
        let order = |p: &Pool| {
            (
                rules.pool.targets.iter().position(|t| *t == p.target),
                PoolKind::ALL.iter().position(|k| *k == p.kind),
            )
        };
        out.sort_by_key(order);
        for pool in &mut out {
            pool.members.sort_by_key(|m| m.rank);
        }
        return Ok(Pools {
            periode,
            frozen: true,
            pools: out,
        });
    }
    Ok(Pools {
        periode,
        frozen: false,
        pools: live_pools(ctx, periode).await?,
    })
}
