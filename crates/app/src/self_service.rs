//! Self-service: an employee proposes changes to their data and uploads
//! documents; an admin of their OPD verifies. Approving a proposal changes
//! the record under a perubahan in the same transaction as the decision,
//! so a proposal is never approved without its change, nor the reverse.

use talenta_domain::Nip;
use talenta_domain::branding::Item;
use talenta_domain::dokumen::{Completeness, DokumenPolicy};
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::personnel::Pegawai;
use talenta_domain::usulan::{Keputusan, Kolom, Status, UsulanError};
pub use talenta_storage::{Branding, BrandingItem, Filed, Upload, UploadLoad};
use talenta_storage::{Document, StorageError, Usulan, Verifikasi};

use crate::Ctx;

#[derive(Debug, thiserror::Error)]
pub enum SelfServiceError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A value or decision a person entered is refused; shown to them.
    #[error(transparent)]
    Usulan(#[from] UsulanError),
    #[error("nilai yang diusulkan sama dengan data sekarang")]
    Unchanged,
}

/// Records `pegawai`'s proposal to set `kolom` to `value`; returns its
/// number.
pub async fn propose(
    ctx: &Ctx<'_>,
    pegawai: &Pegawai,
    kolom: &str,
    value: &str,
) -> Result<i64, SelfServiceError> {
    let (db, instansi, now) = (ctx.db, ctx.instansi.get(), ctx.now.unix_timestamp());
    let kolom: Kolom = kolom.parse()?;
    let value = kolom.check(value)?;
    let current = kolom.current(pegawai);
    if current.as_deref().unwrap_or("") == value {
        return Err(SelfServiceError::Unchanged);
    }
    Ok(db
        .propose(
            instansi,
            &pegawai.nip,
            kolom,
            current.as_deref(),
            &value,
            now,
        )
        .await?)
}

/// Decides a pending proposal as the context's actor, now. An approval
/// writes the new value into the employee's record. `false` if the proposal
/// was no longer pending or its employee is gone.
pub async fn decide_usulan(
    ctx: &Ctx<'_>,
    usulan: &Usulan,
    keputusan: &Keputusan,
) -> Result<bool, SelfServiceError> {
    let (db, instansi, by, at) = (ctx.db, ctx.instansi.get(), ctx.actor, ctx.now);
    let approved = match keputusan {
        Keputusan::Setujui => {
            let Some(mut pegawai) = db.pegawai(instansi, &usulan.nip).await? else {
                return Ok(false);
            };
            usulan.kolom.apply(&mut pegawai, &usulan.nilai_baru)?;
            Some(pegawai)
        }
        Keputusan::Tolak(_) => None,
    };
    let (status, catatan) = match keputusan {
        Keputusan::Setujui => (Status::Disetujui, None),
        Keputusan::Tolak(alasan) => (Status::Ditolak, Some(alasan.as_str())),
    };
    let mut tx = db.begin_write().await?;
    let decided = tx
        .decide_usulan(
            instansi,
            usulan.nomor,
            status,
            by,
            catatan,
            at.unix_timestamp(),
        )
        .await?;
    if !decided {
        tx.rollback().await?;
        return Ok(false);
    }
    if let Some(pegawai) = approved {
        let detail = format!(
            "usulan {}: {} {} = {:?}",
            usulan.nomor,
            usulan.nip.as_str(),
            usulan.kolom.code(),
            usulan.nilai_baru
        );
        let change = tx.record_change(at, by, "setujui_usulan", &detail).await?;
        tx.upsert(instansi, change, std::slice::from_ref(&pegawai))
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Where one required document stands in an employee's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keadaan {
    Lengkap,
    Menunggu,
    Ditolak,
    Belum,
}

impl Keadaan {
    pub fn label(self) -> &'static str {
        match self {
            Keadaan::Lengkap => "Terverifikasi",
            Keadaan::Menunggu => "Menunggu verifikasi",
            Keadaan::Ditolak => "Ditolak, unggah ulang",
            Keadaan::Belum => "Belum diunggah",
        }
    }
}

/// The required documents of an employee with their state, and the file's
/// completeness (verified required documents only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub rows: Vec<(String, String, Keadaan)>,
    pub completeness: Completeness,
}

/// The checklist of an employee with `status` holding `documents`. A kind
/// is as good as its best document: verified, else pending, else rejected.
pub fn checklist(
    policy: &DokumenPolicy,
    status: StatusKepegawaian,
    documents: &[Document],
) -> Checklist {
    let rows: Vec<(String, String, Keadaan)> = policy
        .required(status)
        .map(|wajib| {
            let keadaan = documents
                .iter()
                .filter(|d| d.jenis == wajib.kode)
                .map(|d| match d.verifikasi {
                    Verifikasi::Disetujui { .. } => Keadaan::Lengkap,
                    Verifikasi::Menunggu => Keadaan::Menunggu,
                    Verifikasi::Ditolak { .. } => Keadaan::Ditolak,
                })
                .min_by_key(|k| *k as u8)
                .unwrap_or(Keadaan::Belum);
            (wajib.kode.clone(), wajib.nama.clone(), keadaan)
        })
        .collect();
    let verified = rows
        .iter()
        .filter(|(_, _, k)| *k == Keadaan::Lengkap)
        .map(|(kode, _, _)| kode.as_str());
    let completeness = policy.completeness(status, verified);
    Checklist { rows, completeness }
}
/// `nip`'s personal branding: their statement and items.
pub async fn branding(ctx: &Ctx<'_>, nip: &Nip) -> Result<Branding, StorageError> {
    ctx.db.branding(ctx.instansi.get(), nip).await
}

/// Sets `nip`'s branding statement, now.
pub async fn set_pernyataan(ctx: &Ctx<'_>, nip: &Nip, text: &str) -> Result<(), StorageError> {
    ctx.db
        .set_pernyataan(ctx.instansi.get(), nip, text, ctx.now.unix_timestamp())
        .await
}

/// Adds an item to `nip`'s branding; returns its number.
pub async fn add_branding_item(ctx: &Ctx<'_>, nip: &Nip, item: &Item) -> Result<i64, StorageError> {
    ctx.db
        .add_branding_item(ctx.instansi.get(), nip, item)
        .await
}

/// Removes item `nomor` of `nip`'s branding; `false` if there was none.
pub async fn remove_branding_item(
    ctx: &Ctx<'_>,
    nip: &Nip,
    nomor: i64,
) -> Result<bool, StorageError> {
    ctx.db
        .remove_branding_item(ctx.instansi.get(), nip, nomor)
        .await
}

/// Files an uploaded document as the context's actor, now, to wait for
/// verification.
pub async fn add_document(ctx: &Ctx<'_>, upload: Upload<'_>) -> Result<(), StorageError> {
    ctx.db
        .add_document(ctx.instansi.get(), upload, ctx.actor, ctx.now)
        .await
}

/// `nip`'s document `sha256` with its media type and content.
pub async fn document_file(
    ctx: &Ctx<'_>,
    nip: &Nip,
    sha256: &str,
) -> Result<Option<(Document, String, Vec<u8>)>, StorageError> {
    ctx.db.document_file(ctx.instansi.get(), nip, sha256).await
}

/// What `nip` has uploaded since `since` and what waits of theirs and of
/// their unit, for the upload caps.
pub async fn upload_load(
    ctx: &Ctx<'_>,
    nip: &Nip,
    since: time::OffsetDateTime,
) -> Result<UploadLoad, StorageError> {
    ctx.db.upload_load(ctx.instansi.get(), nip, since).await
}

/// Whether no document is on file in the instansi.
pub async fn no_documents(ctx: &Ctx<'_>) -> Result<bool, StorageError> {
    ctx.db.no_documents(ctx.instansi.get()).await
}

/// Puts `documents` on file in one transaction as the context's actor,
/// now, with their `files` (SHA-256, media type, content), each stored
/// once.
pub async fn load_documents(
    ctx: &Ctx<'_>,
    files: &[(&str, &str, &[u8])],
    documents: &[Filed<'_>],
) -> Result<(), StorageError> {
    ctx.db
        .load_documents(ctx.instansi.get(), files, documents, ctx.actor, ctx.now)
        .await
}
