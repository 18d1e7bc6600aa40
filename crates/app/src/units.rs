//! The unit tree of the context's instansi: whether a unit exists, the
//! units below one, all of them, and who works in one.

use talenta_domain::Nip;
use talenta_domain::personnel::Opd;
use talenta_storage::StorageError;

use crate::Ctx;

/// Whether unit `kode` exists.
pub async fn exists(ctx: &Ctx<'_>, kode: &str) -> Result<bool, StorageError> {
    ctx.db.unit_exists(ctx.instansi.get(), kode).await
}

/// The unit `root` and every unit below it.
pub async fn subtree(ctx: &Ctx<'_>, root: &str) -> Result<Vec<String>, StorageError> {
    ctx.db.unit_subtree(ctx.instansi.get(), root).await
}

/// Every unit, (code, name), by code.
pub async fn all(ctx: &Ctx<'_>) -> Result<Vec<(String, String)>, StorageError> {
    ctx.db.units(ctx.instansi.get()).await
}

/// Up to `limit` employees (NIP, name) of unit `kode` mapped in `periode`.
pub async fn employees_in(
    ctx: &Ctx<'_>,
    kode: &str,
    periode: &str,
    limit: i64,
) -> Result<Vec<(Nip, String)>, StorageError> {
    ctx.db
        .employees_in_unit(ctx.instansi.get(), kode, periode, limit)
        .await
}

/// Unit `kode`, if any.
pub async fn unit(ctx: &Ctx<'_>, kode: &str) -> Result<Option<Opd>, StorageError> {
    ctx.db.record::<Opd>(ctx.instansi.get(), kode).await
}
