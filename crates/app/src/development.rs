//! Individual development plans (IDP): the basis a plan's gaps are
//! measured against, a draft from those gaps, saving a plan, and reading
//! one back; the domain (`talenta_domain::development`) drafts.

use talenta_domain::Nip;
use talenta_domain::development::{DraftItem, StatusIdp, draft};
use talenta_domain::kompetensi::Levels;
use talenta_domain::personnel::{Asesmen, Jabatan};
pub use talenta_storage::IdpRow;
use talenta_storage::StorageError;

use crate::Ctx;
use crate::cycle::CycleError;
use crate::people::position;

#[derive(Debug, thiserror::Error)]
pub enum IdpError {
    #[error(transparent)]
    Cycle(#[from] CycleError),
    #[error("no employee {}", .0.as_str())]
    UnknownEmployee(Nip),
    #[error("no position {0}")]
    UnknownPosition(String),
    #[error("position {0} has no competency standard: there is no gap to plan for")]
    NoStandard(String),
    #[error("item {nomor}: {reason}")]
    Invalid { nomor: u32, reason: String },
}

impl From<StorageError> for IdpError {
    fn from(e: StorageError) -> IdpError {
        IdpError::Cycle(e.into())
    }
}

/// What an IDP towards a position measures gaps against: the position
/// and its competency standard, and the person's latest assessed levels.
#[derive(Debug, Clone)]
pub struct IdpBasis {
    pub jabatan: Jabatan,
    pub standar: Levels,
    /// `None` when the person was never assessed on competencies.
    pub attained: Option<Levels>,
}

/// The [`IdpBasis`] of `nip` towards `jabatan_target`: the draft reads it,
/// and so does an edit, which takes levels from it rather than from the
/// form.
pub async fn idp_basis(
    ctx: &Ctx<'_>,
    nip: &Nip,
    jabatan_target: &str,
) -> Result<IdpBasis, IdpError> {
    let (db, instansi_id) = (ctx.db, ctx.instansi.get());
    if db.pegawai(instansi_id, nip).await?.is_none() {
        return Err(IdpError::UnknownEmployee(*nip));
    }
    let jabatan = position(ctx, jabatan_target)
        .await?
        .ok_or_else(|| IdpError::UnknownPosition(jabatan_target.to_owned()))?;
    if jabatan.standar.is_empty() {
        return Err(IdpError::NoStandard(jabatan_target.to_owned()));
    }
    let attained: Option<Levels> = db
        .records_of::<Asesmen>(instansi_id, nip)
        .await?
        .into_iter()
        .filter(|a| !a.kompetensi.is_empty())
        .max_by_key(|a| a.tanggal)
        .map(|a| a.kompetensi);
    Ok(IdpBasis {
        standar: jabatan.standar.clone(),
        jabatan,
        attained,
    })
}

/// A draft IDP of `nip` towards position `jabatan_target`: one activity
/// per gap and suggested development type, status `rencana`, not saved.
pub async fn idp_draft(
    ctx: &Ctx<'_>,
    nip: &Nip,
    jabatan_target: &str,
) -> Result<Vec<IdpRow>, IdpError> {
    let (rules, actor, now) = (ctx.rules, ctx.actor, ctx.now);
    let basis = idp_basis(ctx, nip, jabatan_target).await?;
    let items: Vec<DraftItem> = draft(&rules.development, &basis.standar, basis.attained.as_ref());
    Ok((1..)
        .zip(
            items
                .iter()
                .flat_map(|item| item.jenis.iter().map(move |j| (item, *j))),
        )
        .map(|(nomor, (item, jenis))| IdpRow {
            nip: nip.to_owned(),
            jabatan_target: jabatan_target.to_owned(),
            nomor,
            kompetensi: item.kompetensi.clone(),
            level_saat_ini: item.attained,
            level_target: item.required,
            jenis,
            kegiatan: format!("{} {}", jenis.label(), item.kompetensi),
            target_selesai: None,
            status: StatusIdp::Rencana,
            catatan: None,
            diubah_oleh: actor.to_owned(),
            diubah_at: now.replace_nanosecond(0).unwrap_or(now),
        })
        .collect())
}

/// Saves `items` as the whole plan of `nip` towards `jabatan_target`,
/// replacing the previous one, numbered 1.. in the order given, stamped
/// with the actor and time. An empty list removes the plan.
pub async fn idp_save(
    ctx: &Ctx<'_>,
    nip: &Nip,
    jabatan_target: &str,
    items: &[IdpRow],
) -> Result<Vec<IdpRow>, IdpError> {
    let (db, instansi_id, actor, now) = (ctx.db, ctx.instansi.get(), ctx.actor, ctx.now);
    if db.pegawai(instansi_id, nip).await?.is_none() {
        return Err(IdpError::UnknownEmployee(*nip));
    }
    if db
        .record::<Jabatan>(instansi_id, jabatan_target)
        .await?
        .is_none()
    {
        return Err(IdpError::UnknownPosition(jabatan_target.to_owned()));
    }
    let at = now.replace_nanosecond(0).unwrap_or(now);
    let rows: Vec<IdpRow> = (1..)
        .zip(items)
        .map(|(nomor, item)| IdpRow {
            nip: nip.to_owned(),
            jabatan_target: jabatan_target.to_owned(),
            nomor,
            diubah_oleh: actor.to_owned(),
            diubah_at: at,
            ..item.clone()
        })
        .collect();
    if let Some(bad) = rows.iter().find(|r| r.kegiatan.trim().is_empty()) {
        return Err(IdpError::Invalid {
            nomor: bad.nomor,
            reason: "kegiatan wajib diisi".into(),
        });
    }
    let mut tx = db.begin_write().await?;
    let change = tx
        .record_change(
            now,
            actor,
            "idp",
            &format!(
                "{} -> {jabatan_target}: {} kegiatan",
                nip.as_str(),
                rows.len()
            ),
        )
        .await?;
    tx.delete::<IdpRow>(instansi_id, &[nip.as_str(), jabatan_target])
        .await?;
    tx.upsert(instansi_id, change, &rows).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Every IDP activity of `nip`, by target position and number.
pub async fn idp(ctx: &Ctx<'_>, nip: &Nip) -> Result<Vec<IdpRow>, IdpError> {
    Ok(ctx.db.records_of(ctx.instansi.get(), nip).await?)
}
