//! The merit audit of a period (issue 26): who reached each outcome of the
//! period's map (boxes 7-9, each axis's top band, the talent pools,
//! calibrations up and down), compared across sex, age band, religion,
//! region of origin and employment status
//! (`talenta_domain::merit`). Aggregates only: every count passes the
//! `[privasi]` suppression, and no person is named.

use std::collections::HashMap;

use talenta_domain::Periode;
use talenta_domain::merit::{Audit, PoolLine, Subject, audit, questions};
use talenta_domain::pool::feeders;

use crate::Ctx;
use crate::cycle::CycleError;
use crate::pools::talent_pools;

/// The audit of `periode`'s map under the rules of `ctx`: the pools as
/// `talent_pools` gives them (frozen for a closed period), compared among
/// PNS in line for each pool; ages on the period's last day.
pub async fn merit_audit(ctx: &Ctx<'_>, periode: Periode) -> Result<Audit, CycleError> {
    let pools = talent_pools(ctx, periode).await?;
    let mut in_pools: HashMap<&str, Vec<_>> = HashMap::new();
    for pool in &pools.pools {
        for member in &pool.members {
            in_pools
                .entry(member.nip.as_str())
                .or_default()
                .push(pool.target);
        }
    }
    let rows = ctx.db.merit_rows(ctx.instansi.get(), periode).await?;
    let subjects: Vec<Subject<'_>> = rows
        .iter()
        .map(|row| Subject {
            gender: row.jenis_kelamin,
            birth: row.tanggal_lahir,
            status: row.status,
            jenjang: row.jenjang,
            agama: row.agama.as_deref(),
            daerah_asal: row.daerah_asal.as_deref(),
            computed: row.kotak,
            final_box: row.kotak_final,
            pools: in_pools.get(row.nip.as_str()).cloned().unwrap_or_default(),
        })
        .collect();
    let rules = ctx.rules;
    let lines: Vec<PoolLine<'_>> = (rules.pool.targets.iter())
        .map(|target| PoolLine {
            target: *target,
            feeders: feeders(rules, *target),
        })
        .collect();
    Ok(audit(
        &questions(&subjects, periode.end(), &lines),
        &rules.merit,
        &rules.privasi,
    ))
}
