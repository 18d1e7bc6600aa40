//! Sessions and the count of failed sign-ins, kept in the sign-in store
//! (on SQLite a file of its own, so none of these writes waits for an
//! import). The web decides the timeouts and delays; this only keeps them.

use talenta_domain::{InstansiId, Nip};
pub use talenta_storage::{Attempts, Session};
use talenta_storage::{Db, StorageError};

/// A successful sign-in, or a password change, which starts a session
/// afresh.
#[derive(Debug, Clone, Copy)]
pub struct SignedIn<'a> {
    pub instansi: InstansiId,
    pub nip: Nip,
    /// The session this one replaces, ended with it.
    pub old_token_hash: Option<&'a str>,
    pub token_hash: &'a str,
    pub csrf: &'a str,
    /// The stamp of the account's password the session lives with.
    pub sandi: &'a str,
}

/// Starts the session of `signed` at `now` (unix seconds) and forgets the
/// account's failed sign-ins.
pub async fn succeeded(db: &Db, signed: &SignedIn<'_>, now: i64) -> Result<(), StorageError> {
    db.login_succeeded(
        signed.instansi.get(),
        &signed.nip,
        signed.old_token_hash,
        signed.token_hash,
        signed.csrf,
        signed.sandi,
        now,
    )
    .await
}

/// The session of a token, if it exists.
pub async fn session(
    db: &Db,
    instansi: InstansiId,
    token_hash: &str,
) -> Result<Option<Session>, StorageError> {
    db.session(instansi.get(), token_hash).await
}

/// Marks a session active at `now` (unix seconds).
pub async fn touch(
    db: &Db,
    instansi: InstansiId,
    token_hash: &str,
    now: i64,
) -> Result<(), StorageError> {
    db.touch_session(instansi.get(), token_hash, now).await
}

/// Ends a session.
pub async fn end(db: &Db, instansi: InstansiId, token_hash: &str) -> Result<(), StorageError> {
    db.end_session(instansi.get(), token_hash).await
}

/// The failed sign-ins of an account.
pub async fn attempts(db: &Db, instansi: InstansiId, nip: &Nip) -> Result<Attempts, StorageError> {
    db.attempts(instansi.get(), nip).await
}

/// The failed sign-ins from a client address since `forget_before`.
pub async fn address_attempts(
    db: &Db,
    address: &str,
    forget_before: i64,
) -> Result<Attempts, StorageError> {
    db.address_attempts(address, forget_before).await
}

/// Counts a failed sign-in of an account at `now`, to wait `delay` of the
/// new count; returns the new count.
pub async fn failed(
    db: &Db,
    instansi: InstansiId,
    nip: &Nip,
    now: i64,
    delay: fn(i64) -> i64,
) -> Result<Attempts, StorageError> {
    db.login_failed(instansi.get(), nip, now, delay).await
}

/// Counts a failed sign-in from a client address, as [`failed`] does for
/// an account; older failures than `forget_before` are forgotten.
pub async fn address_failed(
    db: &Db,
    address: &str,
    now: i64,
    forget_before: i64,
    delay: fn(i64) -> i64,
) -> Result<Attempts, StorageError> {
    db.address_failed(address, now, forget_before, delay).await
}
