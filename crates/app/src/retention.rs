//! Retention flags of the pool members and key-position holders of a unit
//! or of the instansi; the domain (`talenta_domain::retention`) decides
//! the flags.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use talenta_domain::development::StatusIdp;
use talenta_domain::personnel::{Jabatan, RiwayatDiklat};
use talenta_domain::retention::{Flag, RetentionRecord, flags};
use talenta_domain::{Nip, Periode};
use time::Date;

use crate::Ctx;
use crate::cycle::{CycleError, employees_among};
use crate::development::IdpRow;

use crate::pools::talent_pools;

/// One flagged person of a retention list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionRow {
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    /// Why they are watched: `krs` (pool member), `jabatan_kunci` (holds a
    /// key position), or both.
    pub watched: Vec<&'static str>,
    pub flags: Vec<Flag>,
}

/// Retention flags of the pool members and key-position holders of an
/// OPD (the unit and its sub-units) or of the instansi, in `periode`,
/// checked on the period's last day. Only people with a flag are listed,
/// by OPD then NIP. The records of everyone watched are read together,
/// a statement per table (and per mapped period for their boxes), so the
/// cost grows with the people watched, not with the statements.
pub async fn retention(
    ctx: &Ctx<'_>,
    periode: Periode,
    opd: Option<&str>,
) -> Result<Vec<RetentionRow>, CycleError> {
    let pools = talent_pools(ctx, periode).await?;
    let (db, instansi_id, rules) = (ctx.db, ctx.instansi.get(), ctx.rules);
    let mut watched: HashMap<Nip, Vec<&'static str>> = HashMap::new();
    for member in pools.pools.iter().flat_map(|p| &p.members) {
        let w = watched.entry(member.nip).or_default();
        if !w.contains(&"krs") {
            w.push("krs");
        }
    }
    let key: Vec<String> = db
        .key_positions(instansi_id)
        .await?
        .into_iter()
        .map(|j| j.kode)
        .collect();
    for nip in db.holders_among(instansi_id, &key).await? {
        watched.entry(nip).or_default().push("jabatan_kunci");
    }
    let nips: Vec<Nip> = watched.keys().copied().collect();
    let employees = employees_among(ctx, &nips, opd).await?;
    let nips: Vec<Nip> = employees.iter().map(|p| p.nip).collect();
    let codes: Vec<&str> = employees
        .iter()
        .filter_map(|p| p.jabatan.as_deref())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let positions: HashMap<String, Jabatan> = db
        .records_among::<Jabatan>(instansi_id, "", &codes)
        .await?
        .into_iter()
        .map(|j| (j.kode.clone(), j))
        .collect();
    let boxes = crate::cycle::boxes_among(ctx, periode, &nips).await?;
    let mut last_development: HashMap<Nip, Date> = HashMap::new();
    let mut developed = |nip: Nip, on: Date| {
        let last = last_development.entry(nip).or_insert(on);
        *last = (*last).max(on);
    };
    for d in db
        .records_among::<RiwayatDiklat>(instansi_id, "", &nips)
        .await?
    {
        developed(d.nip, d.selesai.unwrap_or(d.mulai).max(d.mulai));
    }
    for i in db.records_among::<IdpRow>(instansi_id, "", &nips).await? {
        if i.status == StatusIdp::Selesai {
            developed(i.nip, i.diubah_at.date());
        }
    }
    let mut rows = Vec::new();
    for pegawai in employees {
        let nip = pegawai.nip;
        let record = RetentionRecord {
            birth_date: pegawai.tanggal_lahir,
            jabatan: pegawai.jabatan.as_ref().and_then(|k| positions.get(k)),
            tmt_jabatan: pegawai.tmt_jabatan,
            boxes: boxes.get(&nip).map_or(&[], Vec::as_slice),
            last_development: last_development.get(&nip).copied(),
        };
        let found = flags(rules, &record, periode, periode.end());
        if !found.is_empty() {
            rows.push(RetentionRow {
                watched: watched.remove(&nip).unwrap_or_default(),
                nip,
                nama: pegawai.nama,
                opd: pegawai.opd,
                flags: found,
            });
        }
    }
    rows.sort_by(|a, b| (&a.opd, &a.nip).cmp(&(&b.opd, &b.nip)));
    Ok(rows)
}
