//! What waits for verification: employees' proposals and uploaded
//! documents, and the verifier's decision on a document (a proposal is
//! decided by `self_service::decide_usulan`, which writes the record).

use talenta_domain::Nip;
use talenta_storage::StorageError;
pub use talenta_storage::{Document, Usulan, Verifikasi};

use crate::Ctx;

/// Proposal `nomor`, if any.
pub async fn usulan(ctx: &Ctx<'_>, nomor: i64) -> Result<Option<Usulan>, StorageError> {
    ctx.db.usulan(ctx.instansi.get(), nomor).await
}

/// Up to `limit` pending proposals of the unit `root` and below (of the
/// instansi without one), oldest first, and how many there are.
pub async fn pending_usulan(
    ctx: &Ctx<'_>,
    root: Option<&str>,
    limit: i64,
) -> Result<(Vec<Usulan>, i64), StorageError> {
    ctx.db.pending_usulan(ctx.instansi.get(), root, limit).await
}

/// [`pending_usulan`] for uploaded documents.
pub async fn pending_documents(
    ctx: &Ctx<'_>,
    root: Option<&str>,
    limit: i64,
) -> Result<(Vec<Document>, i64), StorageError> {
    ctx.db
        .pending_documents(ctx.instansi.get(), root, limit)
        .await
}

/// Every document of `nip`.
pub async fn documents_of(ctx: &Ctx<'_>, nip: &Nip) -> Result<Vec<Document>, StorageError> {
    ctx.db.documents_of(ctx.instansi.get(), nip).await
}

/// Verifies `nip`'s document `sha256` as the context's actor, now, or
/// rejects it with `alasan`; `false` if it was no longer pending.
pub async fn decide_document(
    ctx: &Ctx<'_>,
    nip: &Nip,
    sha256: &str,
    alasan: Option<&str>,
) -> Result<bool, StorageError> {
    ctx.db
        .decide_document(ctx.instansi.get(), nip, sha256, alasan, ctx.actor, ctx.now)
        .await
}
