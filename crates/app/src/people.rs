//! Employees and positions of the context's instansi, read one at a time
//! or all at once.

use talenta_domain::Nip;
use talenta_domain::personnel::{Jabatan, Pegawai};
use talenta_storage::StorageError;

use crate::Ctx;

/// The employee `nip`, if any.
pub async fn employee(ctx: &Ctx<'_>, nip: &Nip) -> Result<Option<Pegawai>, StorageError> {
    ctx.db.pegawai(ctx.instansi.get(), nip).await
}

/// Every employee, by NIP.
pub async fn employees(ctx: &Ctx<'_>) -> Result<Vec<Pegawai>, StorageError> {
    let mut all = Vec::new();
    ctx.db
        .read_all(ctx.instansi.get(), |p: Pegawai| {
            all.push(p);
            Ok(())
        })
        .await?;
    Ok(all)
}

/// The position `kode`, if any.
pub async fn position(ctx: &Ctx<'_>, kode: &str) -> Result<Option<Jabatan>, StorageError> {
    ctx.db.record::<Jabatan>(ctx.instansi.get(), kode).await
}
