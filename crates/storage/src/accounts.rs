//! Accounts and one-time setup links (migration 0003); their sessions and
//! failed sign-ins are in the sign-in store (`sesi`).
//!
//! Only hashes are stored: the password as an argon2id PHC string, setup
//! tokens as their SHA-256 (hex); the caller hashes. Times are unix
//! seconds, which both engines compare as integers; the caller passes them
//! (this crate reads no clock).

use talenta_domain::access::Role;

use talenta_domain::Nip;

use crate::records::stored_nip;
use crate::{Db, StorageError, on_db, on_read};

/// A stored account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub instansi: i64,
    pub nip: Nip,
    pub nama: String,
    pub role: Role,
    /// The unit an `admin_opd` administers.
    pub opd: Option<String>,
    pub password_hash: String,
}

/// An account to create, or to reset (role, unit and password replaced).
#[derive(Debug, Clone)]
pub struct NewAccount<'a> {
    pub instansi: i64,
    pub nip: Nip,
    pub nama: &'a str,
    pub role: Role,
    pub opd: Option<&'a str>,
    pub password_hash: &'a str,
}

type AccountRow = (i64, String, String, String, Option<String>, String);

/// `$query` (an insert into `akun` of its seven columns, `dibuat` last)
/// with the values of the [`NewAccount`] `$new` made at `$now` bound.
macro_rules! bind_account {
    ($query:expr, $new:expr, $now:expr) => {
        $query
            .bind($new.instansi)
            .bind($new.nip.as_str())
            .bind($new.nama)
            .bind($new.role.code())
            .bind($new.opd)
            .bind($new.password_hash)
            .bind($now)
    };
}

const ACCOUNT_COLUMNS: &str = "instansi_id, nip, nama, peran, opd, password_hash";

fn account(row: AccountRow) -> Result<Account, StorageError> {
    let (instansi, nip, nama, role, opd, password_hash) = row;
    let role =
        role.parse().map_err(
            |e: talenta_domain::access::UnknownRole| StorageError::Corrupt {
                table: "akun",
                column: "peran",
                value: role.clone(),
                reason: e.to_string(),
            },
        )?;
    Ok(Account {
        instansi,
        nip: stored_nip("akun", "nip", nip)?,
        nama,
        role,
        opd,
        password_hash,
    })
}

impl Db {
    /// The accounts whose login is `nip` (one, unless the same NIP has
    /// accounts in several instansi).
    pub async fn accounts_by_nip(&self, nip: &Nip) -> Result<Vec<Account>, StorageError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM akun WHERE nip = $1 ORDER BY instansi_id");
        let rows: Vec<AccountRow> = on_read!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(nip.as_str()).fetch_all(pool).await?);
        rows.into_iter().map(account).collect()
    }

    pub async fn account(&self, instansi: i64, nip: &Nip) -> Result<Option<Account>, StorageError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM akun WHERE instansi_id = $1 AND nip = $2");
        let row: Option<AccountRow> = on_read!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(instansi).bind(nip.as_str()).fetch_optional(pool).await?);
        row.map(account).transpose()
    }

    /// Creates the account, or replaces the name, role, unit and password
    /// of an existing one, then clears its failed sign-ins. Its sessions
    /// end with the password they were opened under.
    pub async fn put_account(&self, new: &NewAccount<'_>, now: i64) -> Result<(), StorageError> {
        const UPSERT: &str = "INSERT INTO akun (instansi_id, nip, nama, peran, opd, password_hash, dibuat) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (instansi_id, nip) DO UPDATE SET nama = excluded.nama, peran = excluded.peran, \
             opd = excluded.opd, password_hash = excluded.password_hash";
        on_db!(self, pool => bind_account!(sqlx::query(UPSERT), new, now)
            .execute(pool)
            .await
            .map(drop)?);
        self.clear_attempts(new.instansi, &new.nip).await
    }

    /// Replaces the password. The account's sessions end with the password
    /// they were opened under ([`Session::sandi`](crate::Session::sandi)).
    pub async fn set_password(
        &self,
        instansi: i64,
        nip: &Nip,
        password_hash: &str,
    ) -> Result<(), StorageError> {
        const SET: &str = "UPDATE akun SET password_hash = $3 WHERE instansi_id = $1 AND nip = $2";
        on_db!(self, pool => sqlx::query(SET).bind(instansi).bind(nip.as_str()).bind(password_hash).execute(pool).await.map(drop)?);
        Ok(())
    }

    /// Whether any account may administer a whole instansi.
    pub async fn has_administrator(&self) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT EXISTS (SELECT 1 FROM akun WHERE peran = 'admin_bkpsdm')";
        let exists: bool = on_read!(self, pool => sqlx::query_scalar(SQL).fetch_one(pool).await?);
        Ok(exists)
    }

    /// Stores a one-time setup token (its hash).
    pub async fn add_setup_token(&self, token_hash: &str, now: i64) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO penyiapan (token_hash, dibuat) VALUES ($1, $2)";
        on_db!(self, pool => sqlx::query(SQL).bind(token_hash).bind(now).execute(pool).await.map(drop)?);
        Ok(())
    }

    /// Whether a setup token exists and was created at or after `not_before`.
    pub async fn setup_token_valid(
        &self,
        token_hash: &str,
        not_before: i64,
    ) -> Result<bool, StorageError> {
        const SQL: &str =
            "SELECT EXISTS (SELECT 1 FROM penyiapan WHERE token_hash = $1 AND dibuat >= $2)";
        let valid: bool = on_read!(self, pool => sqlx::query_scalar(SQL).bind(token_hash).bind(not_before).fetch_one(pool).await?);
        Ok(valid)
    }

    /// Uses a setup token: creates the first administrator and deletes every
    /// setup token, in one transaction. Returns `false` (and writes nothing)
    /// when the token is unknown, older than `not_before`, or an
    /// administrator exists already.
    pub async fn complete_setup(
        &self,
        token_hash: &str,
        not_before: i64,
        admin: &NewAccount<'_>,
        now: i64,
    ) -> Result<bool, StorageError> {
        const TAKE: &str = "DELETE FROM penyiapan WHERE token_hash = $1 AND dibuat >= $2 \
             AND NOT EXISTS (SELECT 1 FROM akun WHERE peran = 'admin_bkpsdm') RETURNING token_hash";
        const CLEAR: &str = "DELETE FROM penyiapan";
        const INSERT: &str = "INSERT INTO akun (instansi_id, nip, nama, peran, opd, password_hash, dibuat) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)";
        let done = on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let taken: Option<String> = sqlx::query_scalar(TAKE)
                .bind(token_hash)
                .bind(not_before)
                .fetch_optional(&mut *tx)
                .await?;
            if taken.is_some() {
                sqlx::query(CLEAR).execute(&mut *tx).await?;
                bind_account!(sqlx::query(INSERT), admin, now)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                true
            } else {
                tx.rollback().await?;
                false
            }
        });
        Ok(done)
    }

    /// A unit and every unit below it in the OPD tree, by code.
    pub async fn unit_subtree(
        &self,
        instansi: i64,
        kode: &str,
    ) -> Result<Vec<String>, StorageError> {
        const SQL: &str = crate::scope::with_bawah!("SELECT kode FROM bawah ORDER BY kode");
        let units: Vec<String> = on_read!(self, pool => sqlx::query_scalar(SQL).bind(instansi).bind(kode).fetch_all(pool).await?);
        Ok(units)
    }
}
