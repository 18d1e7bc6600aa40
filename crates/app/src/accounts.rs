//! The accounts of the web application: who may sign in, with which role,
//! and the one-time link that creates the first administrator.

use talenta_domain::{InstansiId, Nip};
pub use talenta_storage::{Account, NewAccount};
use talenta_storage::{Db, StorageError};

use crate::Ctx;

/// The account of `nip` in an instansi, if any.
pub async fn account(
    db: &Db,
    instansi: InstansiId,
    nip: &Nip,
) -> Result<Option<Account>, StorageError> {
    db.account(instansi.get(), nip).await
}

/// Every account of `nip`, in whichever instansi (signing in finds them by
/// NIP alone).
pub async fn accounts_by_nip(db: &Db, nip: &Nip) -> Result<Vec<Account>, StorageError> {
    db.accounts_by_nip(nip).await
}

/// Creates or replaces an account; `now` in unix seconds.
pub async fn put(db: &Db, new: &NewAccount<'_>, now: i64) -> Result<(), StorageError> {
    db.put_account(new, now).await
}

/// Sets the password hash of the context's actor, whose NIP is `nip`.
pub async fn set_own_password(
    ctx: &Ctx<'_>,
    nip: &Nip,
    password_hash: &str,
) -> Result<(), StorageError> {
    ctx.db
        .set_password(ctx.instansi.get(), nip, password_hash)
        .await
}

/// Whether any instansi has an administrator yet.
pub async fn has_administrator(db: &Db) -> Result<bool, StorageError> {
    db.has_administrator().await
}

/// Files the hash of a one-time setup link made at `now` (unix seconds).
pub async fn add_setup_token(db: &Db, token_hash: &str, now: i64) -> Result<(), StorageError> {
    db.add_setup_token(token_hash, now).await
}

/// Whether a setup link made at `not_before` or later is still unused.
pub async fn setup_token_valid(
    db: &Db,
    token_hash: &str,
    not_before: i64,
) -> Result<bool, StorageError> {
    db.setup_token_valid(token_hash, not_before).await
}

/// Uses a setup link to create the first administrator; `false` if the
/// link was used or has expired meanwhile.
pub async fn complete_setup(
    db: &Db,
    token_hash: &str,
    not_before: i64,
    admin: &NewAccount<'_>,
    now: i64,
) -> Result<bool, StorageError> {
    db.complete_setup(token_hash, not_before, admin, now).await
}
