//! The sign-in store: sessions, failed sign-ins and the progress of a
//! running import. On SQLite it is a file of its own beside the database
//! (migrations/sqlite_sesi), so that none of these writes waits for an
//! import, which holds the database's write lock for minutes; on
//! PostgreSQL it is the database (migrations 0003 and 0014).
//!
//! Tokens are stored as their SHA-256 (hex); the caller hashes. Times are
//! unix seconds, passed by the caller.

use crate::{Db, StorageError, on_sesi};

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub instansi: i64,
    pub nip: String,
    pub csrf: String,
    /// Created (login), unix seconds: the absolute timeout runs from here.
    pub created: i64,
    /// Last request, unix seconds: the idle timeout runs from here.
    pub active: i64,
    /// The SHA-256 of the account's password hash at sign-in. The account
    /// is in the other file (on SQLite), so a password change cannot end
    /// the sessions in the same transaction: a session whose account's
    /// password hash no longer matches has ended.
    pub sandi: String,
}

/// Consecutive failed sign-ins of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attempts {
    pub failures: i64,
    /// End of a lockout, unix seconds.
    pub locked_until: Option<i64>,
}

/// An import under way, as it last reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunningImport {
    /// When it started, unix seconds (the importer's time).
    pub started: i64,
    /// Bytes of its files read so far, and of all of them.
    pub read: u64,
    pub size: u64,
}

/// A byte count as stored (BIGINT): beyond 9.2 EB it stays at the top.
fn stored(bytes: u64) -> i64 {
    i64::try_from(bytes).unwrap_or(i64::MAX)
}

impl Db {
    /// The session of a token hash, if it exists.
    pub async fn session(
        &self,
        instansi: i64,
        token_hash: &str,
    ) -> Result<Option<Session>, StorageError> {
        const SQL: &str = "SELECT nip, csrf, dibuat, aktif, sandi FROM sesi WHERE instansi_id = $1 AND token_hash = $2";
        let row: Option<(String, String, i64, i64, String)> = on_sesi!(self, pool => sqlx::query_as(SQL)
            .bind(instansi)
            .bind(token_hash)
            .fetch_optional(pool)
            .await?);
        Ok(row.map(|(nip, csrf, created, active, sandi)| Session {
            instansi,
            nip,
            csrf,
            created,
            active,
            sandi,
        }))
    }

    /// Marks the session active at `now`. Callers skip it when the last mark
    /// is recent, so a burst of requests writes once.
    pub async fn touch_session(
        &self,
        instansi: i64,
        token_hash: &str,
        now: i64,
    ) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE sesi SET aktif = $3 WHERE instansi_id = $1 AND token_hash = $2";
        on_sesi!(self, pool => sqlx::query(SQL).bind(instansi).bind(token_hash).bind(now).execute(pool).await.map(drop)?);
        Ok(())
    }

    pub async fn end_session(&self, instansi: i64, token_hash: &str) -> Result<(), StorageError> {
        const SQL: &str = "DELETE FROM sesi WHERE instansi_id = $1 AND token_hash = $2";
        on_sesi!(self, pool => sqlx::query(SQL).bind(instansi).bind(token_hash).execute(pool).await.map(drop)?);
        Ok(())
    }

    /// A successful login: clears the failed sign-ins, ends the session
    /// the browser came with (if any) and starts a new one, stamped with
    /// `sandi` (see [`Session::sandi`]).
    #[allow(clippy::too_many_arguments)]
    pub async fn login_succeeded(
        &self,
        instansi: i64,
        nip: &str,
        old_token_hash: Option<&str>,
        token_hash: &str,
        csrf: &str,
        sandi: &str,
        now: i64,
    ) -> Result<(), StorageError> {
        const RESET: &str = "DELETE FROM masuk_gagal WHERE instansi_id = $1 AND nip = $2";
        const END: &str = "DELETE FROM sesi WHERE token_hash = $1";
        const START: &str = "INSERT INTO sesi (instansi_id, token_hash, nip, csrf, dibuat, aktif, sandi) VALUES ($1, $2, $3, $4, $5, $5, $6)";
        on_sesi!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(RESET).bind(instansi).bind(nip).execute(&mut *tx).await?;
            if let Some(old) = old_token_hash {
                sqlx::query(END).bind(old).execute(&mut *tx).await?;
            }
            sqlx::query(START)
                .bind(instansi)
                .bind(token_hash)
                .bind(nip)
                .bind(csrf)
                .bind(now)
                .bind(sandi)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The account's failed sign-ins in a row (none: the default).
    pub async fn attempts(&self, instansi: i64, nip: &str) -> Result<Attempts, StorageError> {
        const SQL: &str =
            "SELECT gagal, terkunci_sampai FROM masuk_gagal WHERE instansi_id = $1 AND nip = $2";
        let row: Option<(i64, Option<i64>)> = on_sesi!(self, pool => sqlx::query_as(SQL)
            .bind(instansi)
            .bind(nip)
            .fetch_optional(pool)
            .await?);
        Ok(
            row.map_or_else(Attempts::default, |(failures, locked_until)| Attempts {
                failures,
                locked_until,
            }),
        )
    }

    /// Counts a failed login of an account; the `max_failures`-th
    /// consecutive one locks it until `lock_until`. Returns the new count.
    pub async fn login_failed(
        &self,
        instansi: i64,
        nip: &str,
        max_failures: i64,
        lock_until: i64,
    ) -> Result<i64, StorageError> {
        const SQL: &str = "INSERT INTO masuk_gagal (instansi_id, nip, gagal, terkunci_sampai) \
             VALUES ($1, $2, 1, CASE WHEN 1 >= $3 THEN $4 END) \
             ON CONFLICT (instansi_id, nip) DO UPDATE SET gagal = masuk_gagal.gagal + 1, \
             terkunci_sampai = CASE WHEN masuk_gagal.gagal + 1 >= $3 THEN $4 ELSE masuk_gagal.terkunci_sampai END \
             RETURNING gagal";
        let count: i64 = on_sesi!(self, pool => sqlx::query_scalar(SQL)
            .bind(instansi)
            .bind(nip)
            .bind(max_failures)
            .bind(lock_until)
            .fetch_one(pool)
            .await?);
        Ok(count)
    }

    /// Forgets the account's failed sign-ins and lockout.
    pub(crate) async fn clear_attempts(
        &self,
        instansi: i64,
        nip: &str,
    ) -> Result<(), StorageError> {
        const SQL: &str = "DELETE FROM masuk_gagal WHERE instansi_id = $1 AND nip = $2";
        on_sesi!(self, pool => sqlx::query(SQL).bind(instansi).bind(nip).execute(pool).await.map(drop)?);
        Ok(())
    }

    /// An import writing under change-log entry `perubahan` has the write
    /// lock, started at `started` and reads `size` bytes of files. Any
    /// other row goes: on SQLite the import holding the lock is the only
    /// writer, so another row is what a crash left; on PostgreSQL, where
    /// imports may run side by side, the latest is the one reported.
    pub async fn import_begins(
        &self,
        perubahan: i64,
        started: i64,
        size: u64,
    ) -> Result<(), StorageError> {
        const CLEAR: &str = "DELETE FROM impor_berjalan";
        const INSERT: &str =
            "INSERT INTO impor_berjalan (perubahan, mulai, dibaca, ukuran) VALUES ($1, $2, 0, $3)";
        on_sesi!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(CLEAR).execute(&mut *tx).await?;
            sqlx::query(INSERT).bind(perubahan).bind(started).bind(stored(size)).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The import of `perubahan` has read `read` bytes of its files.
    pub async fn import_reads(&self, perubahan: i64, read: u64) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE impor_berjalan SET dibaca = $2 WHERE perubahan = $1";
        on_sesi!(self, pool => sqlx::query(SQL).bind(perubahan).bind(stored(read)).execute(pool).await.map(drop)?);
        Ok(())
    }

    /// The import of `perubahan` has committed or rolled back.
    pub async fn import_ends(&self, perubahan: i64) -> Result<(), StorageError> {
        const SQL: &str = "DELETE FROM impor_berjalan WHERE perubahan = $1";
        on_sesi!(self, pool => sqlx::query(SQL).bind(perubahan).execute(pool).await.map(drop)?);
        Ok(())
    }

    /// The import under way, if one is.
    pub async fn running_import(&self) -> Result<Option<RunningImport>, StorageError> {
        const SQL: &str =
            "SELECT mulai, dibaca, ukuran FROM impor_berjalan ORDER BY perubahan DESC LIMIT 1";
        let row: Option<(i64, i64, i64)> =
            on_sesi!(self, pool => sqlx::query_as(SQL).fetch_optional(pool).await?);
        let bytes = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(row.map(|(started, read, size)| RunningImport {
            started,
            read: bytes(read),
            size: bytes(size),
        }))
    }
}
