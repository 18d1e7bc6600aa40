//! The sign-in store: sessions, failed sign-ins and the progress of a
//! running import. On SQLite it is a file of its own beside the database
//! (migrations/sqlite_sesi), so that none of these writes waits for an
//! import, which holds the database's write lock for minutes; on
//! PostgreSQL it is the database (migrations 0003 and 0014).
//!
//! Tokens are stored as their SHA-256 (hex); the caller hashes. Times are
//! unix seconds, passed by the caller.

use talenta_domain::Nip;

use crate::records::stored_nip;
use crate::{Db, StorageError, on_sesi};

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub instansi: i64,
    pub nip: Nip,
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

/// Failed sign-ins of an account (in a row) or of a client address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attempts {
    pub failures: i64,
    /// Before this time (unix seconds) the next attempt is refused
    /// unchecked: the delay the failures have earned.
    pub wait_until: Option<i64>,
}

impl Attempts {
    /// Whether an attempt at `now` must wait.
    pub fn waits(&self, now: i64) -> bool {
        self.wait_until.is_some_and(|until| until > now)
    }
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

fn attempts(row: Option<(i64, Option<i64>)>) -> Attempts {
    row.map_or_else(Attempts::default, |(failures, wait_until)| Attempts {
        failures,
        wait_until,
    })
}

/// The end of a delay of `seconds` from `now`; none for no delay.
fn waiting(now: i64, seconds: i64) -> Option<i64> {
    (seconds > 0).then(|| now.saturating_add(seconds))
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
        row.map(|(nip, csrf, created, active, sandi)| {
            Ok(Session {
                instansi,
                nip: stored_nip("sesi", "nip", nip)?,
                csrf,
                created,
                active,
                sandi,
            })
        })
        .transpose()
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
        nip: &Nip,
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
            sqlx::query(RESET).bind(instansi).bind(nip.as_str()).execute(&mut *tx).await?;
            if let Some(old) = old_token_hash {
                sqlx::query(END).bind(old).execute(&mut *tx).await?;
            }
            sqlx::query(START)
                .bind(instansi)
                .bind(token_hash)
                .bind(nip.as_str())
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
    pub async fn attempts(&self, instansi: i64, nip: &Nip) -> Result<Attempts, StorageError> {
        const SQL: &str =
            "SELECT gagal, terkunci_sampai FROM masuk_gagal WHERE instansi_id = $1 AND nip = $2";
        let row: Option<(i64, Option<i64>)> = on_sesi!(self, pool => sqlx::query_as(SQL)
            .bind(instansi)
            .bind(nip.as_str())
            .fetch_optional(pool)
            .await?);
        Ok(attempts(row))
    }

    /// The failed sign-ins from client address `address` since the count
    /// last restarted; a count whose last failure is before `forget_before`
    /// has restarted (none: the default).
    pub async fn address_attempts(
        &self,
        address: &str,
        forget_before: i64,
    ) -> Result<Attempts, StorageError> {
        const SQL: &str = "SELECT gagal, terkunci_sampai FROM masuk_gagal_alamat \
             WHERE alamat = $1 AND terakhir >= $2";
        let row: Option<(i64, Option<i64>)> = on_sesi!(self, pool => sqlx::query_as(SQL)
            .bind(address)
            .bind(forget_before)
            .fetch_optional(pool)
            .await?);
        Ok(attempts(row))
    }

    /// Counts a failed sign-in of an account at `now`; the next attempt
    /// waits `delay(failures)` seconds. Returns the new state.
    pub async fn login_failed(
        &self,
        instansi: i64,
        nip: &Nip,
        now: i64,
        delay: fn(i64) -> i64,
    ) -> Result<Attempts, StorageError> {
        const COUNT: &str = "INSERT INTO masuk_gagal (instansi_id, nip, gagal) VALUES ($1, $2, 1) \
             ON CONFLICT (instansi_id, nip) DO UPDATE SET gagal = masuk_gagal.gagal + 1 \
             RETURNING gagal";
        const WAIT: &str =
            "UPDATE masuk_gagal SET terkunci_sampai = $3 WHERE instansi_id = $1 AND nip = $2";
        on_sesi!(self, pool => {
            let mut tx = pool.begin().await?;
            let failures: i64 = sqlx::query_scalar(COUNT).bind(instansi).bind(nip.as_str()).fetch_one(&mut *tx).await?;
            let wait_until = waiting(now, delay(failures));
            sqlx::query(WAIT).bind(instansi).bind(nip.as_str()).bind(wait_until).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(Attempts { failures, wait_until })
        })
    }

    /// Counts a failed sign-in from client address `address` at `now` (the
    /// count restarts when its last failure is before `forget_before`); the
    /// next attempt waits `delay(failures)` seconds. Returns the new state.
    pub async fn address_failed(
        &self,
        address: &str,
        now: i64,
        forget_before: i64,
        delay: fn(i64) -> i64,
    ) -> Result<Attempts, StorageError> {
        const COUNT: &str = "INSERT INTO masuk_gagal_alamat (alamat, gagal, terakhir) VALUES ($1, 1, $2) \
             ON CONFLICT (alamat) DO UPDATE SET terakhir = $2, gagal = CASE \
             WHEN masuk_gagal_alamat.terakhir < $3 THEN 1 ELSE masuk_gagal_alamat.gagal + 1 END \
             RETURNING gagal";
        const WAIT: &str = "UPDATE masuk_gagal_alamat SET terkunci_sampai = $2 WHERE alamat = $1";
        on_sesi!(self, pool => {
            let mut tx = pool.begin().await?;
            let failures: i64 = sqlx::query_scalar(COUNT).bind(address).bind(now).bind(forget_before).fetch_one(&mut *tx).await?;
            let wait_until = waiting(now, delay(failures));
            sqlx::query(WAIT).bind(address).bind(wait_until).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(Attempts { failures, wait_until })
        })
    }

    /// Forgets the account's failed sign-ins and delay.
    pub(crate) async fn clear_attempts(
        &self,
        instansi: i64,
        nip: &Nip,
    ) -> Result<(), StorageError> {
        const SQL: &str = "DELETE FROM masuk_gagal WHERE instansi_id = $1 AND nip = $2";
        on_sesi!(self, pool => sqlx::query(SQL).bind(instansi).bind(nip.as_str()).execute(pool).await.map(drop)?);
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
