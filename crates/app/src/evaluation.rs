//! The six-monthly evaluation of officeholders over the stored records:
//! the holders of structural positions (found from the positions of those
//! jenjang), their final box in the period's map, their annual SKP and
//! their assessments, read by NIP list, a statement per table; the domain
//! (`talenta_domain::evaluasi`) decides who is listed and why.

use std::collections::HashMap;

use serde::Serialize;
use talenta_domain::evaluasi::{Holder, InMap, NOT_IN_MAP, Reason, evaluate, is_structural};
use talenta_domain::jabatan::Jenjang;
use talenta_domain::personnel::{Asesmen, Jabatan};
use talenta_domain::skp::SkpTahunan;
use talenta_domain::{Kotak, Nip, Periode};
use talenta_storage::Fact;

use crate::Ctx;
use crate::cycle::{CycleError, FinalRow, employees_among, final_among};

/// The evaluation of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub periode: Periode,
    /// Holders to evaluate, worst first (`evaluasi::worst_first`).
    pub holders: Vec<HolderRow>,
    /// Holders left out of the period's map, by NIP.
    pub unmapped: Vec<UnmappedRow>,
}

/// The holder of a structural position and the position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Officeholder {
    pub nip: Nip,
    pub nama: String,
    /// The unit they work in now.
    pub opd: String,
    /// The position held: its code, name and jenjang.
    pub jabatan: String,
    pub jabatan_nama: String,
    pub jenjang: Jenjang,
}

/// A holder listed for evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HolderRow {
    pub holder: Officeholder,
    /// The final box: calibrated, else computed.
    pub kotak: Kotak,
    pub reasons: Vec<Reason>,
}

/// A holder left out of the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnmappedRow {
    pub holder: Officeholder,
    /// The codes of the components the map found no data for, or
    /// `evaluasi::NOT_IN_MAP` when the map has no row of them.
    pub missing: Vec<String>,
}

/// The evaluation of the holders of structural positions in `periode`,
/// for the instansi or for the unit `opd` and its sub-units (where each
/// works now), under `rules`.
pub async fn evaluation(
    ctx: &Ctx<'_>,
    periode: Periode,
    opd: Option<&str>,
) -> Result<Evaluation, CycleError> {
    let (db, instansi_id, rules) = (ctx.db, ctx.instansi.get(), ctx.rules);
    if db
        .snapshot(instansi_id, &periode.to_string())
        .await?
        .is_none()
    {
        return Err(CycleError::NoSnapshot(periode));
    }
    let structural: Vec<Jenjang> = Jenjang::ALL
        .into_iter()
        .filter(|j| is_structural(*j))
        .collect();
    let positions: HashMap<String, Jabatan> = db
        .positions_of(instansi_id, &structural)
        .await?
        .into_iter()
        .map(|j| (j.kode.clone(), j))
        .collect();
    let codes: Vec<&str> = positions.keys().map(String::as_str).collect();
    let nips = db.holders_among(instansi_id, &codes).await?;
    let employees = employees_among(ctx, &nips, opd).await?;
    let nips: Vec<Nip> = employees.iter().map(|p| p.nip).collect();
    // Independent reads, side by side on the pool's connections.
    let (finals, skp, asesmen) = tokio::try_join!(
        final_among(ctx, periode, &nips),
        async {
            Ok(db
                .records_among::<Fact<SkpTahunan>>(instansi_id, "", &nips)
                .await?)
        },
        async { Ok::<_, CycleError>(db.records_among::<Asesmen>(instansi_id, "", &nips).await?,) },
    )?;
    let finals: HashMap<Nip, &FinalRow> = finals.iter().map(|r| (r.map.nip, r)).collect();
    // The domain reads the components a row lacks by code.
    let missing_codes: HashMap<Nip, Vec<String>> = finals
        .iter()
        .map(|(nip, r)| {
            (
                *nip,
                r.map.kurang.iter().map(|k| k.code().to_owned()).collect(),
            )
        })
        .collect();
    let mut skp_of: HashMap<Nip, Vec<SkpTahunan>> = HashMap::new();
    for s in skp {
        skp_of.entry(s.nip).or_default().push(s.fact);
    }
    let mut asesmen_of: HashMap<Nip, Vec<Asesmen>> = HashMap::new();
    for a in asesmen {
        asesmen_of.entry(a.nip).or_default().push(a);
    }
    let not_in_map = vec![NOT_IN_MAP.to_owned()];
    let mut held: HashMap<Nip, Officeholder> = HashMap::new();
    let mut holders: Vec<Holder<'_>> = Vec::new();
    for pegawai in &employees {
        let Some(jabatan) = pegawai.jabatan.as_deref().and_then(|k| positions.get(k)) else {
            continue;
        };
        let nip = pegawai.nip;
        let in_map = match finals.get(&nip) {
            Some(FinalRow {
                final_box: Some(kotak),
                map,
                ..
            }) => InMap::Placed {
                kotak: *kotak,
                nilai_talenta: map.nilai_talenta.unwrap_or_default(),
            },
            Some(_) => InMap::LeftOut {
                missing: missing_codes.get(&nip).map_or(&[], Vec::as_slice),
            },
            None => InMap::LeftOut {
                missing: &not_in_map,
            },
        };
        holders.push(Holder {
            nip,
            jenjang: jabatan.jenjang,
            standar: &jabatan.standar,
            in_map,
            skp: skp_of.get(&nip).map_or(&[], Vec::as_slice),
            asesmen: asesmen_of.get(&nip).map_or(&[], Vec::as_slice),
        });
        held.insert(
            nip,
            Officeholder {
                nip,
                nama: pegawai.nama.clone(),
                opd: pegawai.opd.clone(),
                jabatan: jabatan.kode.clone(),
                jabatan_nama: jabatan.nama.clone(),
                jenjang: jabatan.jenjang,
            },
        );
    }
    let decided = evaluate(rules, periode, &holders);
    let mut officeholder = |nip: Nip| held.remove(&nip);
    Ok(Evaluation {
        periode,
        holders: decided
            .flagged
            .into_iter()
            .filter_map(|f| {
                Some(HolderRow {
                    holder: officeholder(f.holder.nip)?,
                    kotak: f.kotak,
                    reasons: f.reasons,
                })
            })
            .collect(),
        unmapped: decided
            .unmapped
            .into_iter()
            .filter_map(|h| {
                let missing = match h.in_map {
                    InMap::LeftOut { missing } => missing.to_vec(),
                    InMap::Placed { .. } => Vec::new(),
                };
                Some(UnmappedRow {
                    holder: officeholder(h.nip)?,
                    missing,
                })
            })
            .collect(),
    })
}
