//! The write transaction, the change log and the upserts.

use futures_util::TryStreamExt;
use sqlx::{AssertSqlSafe, Postgres, Sqlite, Transaction};
use time::OffsetDateTime;

use super::copy::send_csv;
use super::sql::{column_list, insert_values_sql, on_conflict};
use super::{Batch, Stored, Written};
use crate::value::{Value, bind_all};
use crate::{Db, StorageError, on_tx};

/// A write transaction on either engine. Dropped without [`WriteTx::commit`],
/// it rolls back: nothing of it is ever visible.
#[derive(Debug)]
pub enum WriteTx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// SQLite's limit on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER
/// of the bundled build is 32766); batches stay well under it.
const SQLITE_MAX_PARAMS: usize = 30_000;
const SQLITE_MAX_ROWS: usize = 1_000;

impl Db {
    /// Begins a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that later writes can fail
    /// with `SQLITE_BUSY` without waiting.
    pub async fn begin_write(&self) -> Result<WriteTx, StorageError> {
        Ok(match self {
            Db::Sqlite { write, .. } => WriteTx::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => WriteTx::Postgres(pool.begin().await?),
        })
    }

    /// Begins the write transaction of a bulk import. On SQLite it runs on
    /// a connection of its own with foreign-key enforcement off (the
    /// pragma is a no-op inside a transaction, and a pooled connection must
    /// never be handed back with it off): the importer checks every
    /// reference against the keys stored and imported so far, in memory,
    /// and refuses the whole import if one is unknown, while SQLite would
    /// probe the parent's B-tree once per key per row (about a third of the
    /// import's time). An import only adds and changes rows; it never
    /// removes a parent.
    ///
    /// That connection keeps up to 256 MB of pages in memory: bulk imports
    /// insert in key order of the file, not of the table, and with the
    /// default 2 MB cache SQLite spends most of its time re-reading pages
    /// it has just written (perf_reliability.md §4.1: 140k → 180k rows/s).
    /// Other writers keep the default: a talent map appends its rows in key
    /// order, and with a small cache SQLite writes them to the WAL as it
    /// goes rather than all at the commit. On PostgreSQL it is
    /// [`Db::begin_write`].
    pub async fn begin_import(&self) -> Result<WriteTx, StorageError> {
        match self {
            Db::Sqlite { write, .. } => {
                // The import waits patiently for the lock whatever the
                // writer's own wait (a server's is short).
                let options = (*write.connect_options())
                    .clone()
                    .foreign_keys(false)
                    .busy_timeout(crate::PATIENT_WAIT)
                    .pragma("cache_size", "-262144");
                let pool = sqlx::sqlite::SqlitePoolOptions::new()
                    .max_connections(1)
                    .min_connections(0)
                    .connect_with(options)
                    .await?;
                Ok(WriteTx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?))
            }
            Db::Postgres(_) => self.begin_write().await,
        }
    }
}

/// The multi-row `INSERT`s of SQLite, 1,000 rows or 30,000 parameters a
/// statement, each ending with `conflict`; returns the rows written.
pub(super) async fn insert_values<T: Stored>(
    tx: &mut Transaction<'static, Sqlite>,
    instansi_id: i64,
    perubahan_id: i64,
    batch: Batch<T>,
    conflict: &str,
) -> Result<u64, StorageError> {
    let width = T::COLUMNS.len() + 2;
    let per_statement = (SQLITE_MAX_PARAMS / width).clamp(1, SQLITE_MAX_ROWS);
    let mut rows = batch.rows.into_iter();
    let mut written = 0;
    loop {
        let chunk: Vec<Vec<Value>> = rows.by_ref().take(per_statement).collect();
        if chunk.is_empty() {
            break;
        }
        let sql = insert_values_sql::<T>(chunk.len(), conflict);
        let values = chunk.into_iter().flat_map(|row| {
            std::iter::once(Value::int(instansi_id))
                .chain(row)
                .chain(std::iter::once(Value::int(perubahan_id)))
        });
        let query = bind_all!(sqlx::query(AssertSqlSafe(sql)), values);
        written += query.execute(&mut **tx).await?.rows_affected();
    }
    Ok(written)
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), StorageError> {
        on_tx!(self, tx => tx.commit().await?);
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), StorageError> {
        on_tx!(self, tx => tx.rollback().await?);
        Ok(())
    }

    /// Writes a perubahan (who did what, when) and returns its id, which the
    /// rows written under it carry. `at` is truncated to whole seconds in
    /// UTC, so stored stamps sort as text on SQLite.
    pub async fn record_change(
        &mut self,
        at: OffsetDateTime,
        actor: &str,
        action: &str,
        detail: &str,
    ) -> Result<i64, StorageError> {
        let at = at
            .to_offset(time::UtcOffset::UTC)
            .replace_nanosecond(0)
            .unwrap_or(at);
        const SQL: &str = "INSERT INTO perubahan (at, actor, action, detail) VALUES ($1, $2, $3, $4) RETURNING id";
        let id = on_tx!(self, tx => sqlx::query_scalar(SQL)
            .bind(at)
            .bind(actor)
            .bind(action)
            .bind(detail)
            .fetch_one(&mut **tx)
            .await?);
        Ok(id)
    }

    /// Inserts the instansi or updates its name; returns its id and whether
    /// anything changed.
    pub async fn upsert_instansi(
        &mut self,
        kode: &str,
        nama: &str,
    ) -> Result<(i64, bool), StorageError> {
        const UPSERT: &str = "INSERT INTO instansi (id, kode, nama) \
             VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM instansi), $1, $2) \
             ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama \
             WHERE instansi.nama IS DISTINCT FROM excluded.nama RETURNING id";
        const ID: &str = "SELECT id FROM instansi WHERE kode = $1";
        Ok(on_tx!(self, tx => {
            let changed: Option<i64> = sqlx::query_scalar(UPSERT)
                .bind(kode)
                .bind(nama)
                .fetch_optional(&mut **tx)
                .await?;
            match changed {
                Some(id) => (id, true),
                None => (
                    sqlx::query_scalar(ID)
                        .bind(kode)
                        .fetch_one(&mut **tx)
                        .await?,
                    false,
                ),
            }
        }))
    }

    /// Inserts or updates `rows` (whose keys are distinct) of one instansi.
    pub async fn upsert<T: Stored>(
        &mut self,
        instansi_id: i64,
        perubahan_id: i64,
        rows: &[T],
    ) -> Result<Written, StorageError> {
        self.upsert_batch(instansi_id, perubahan_id, Batch::new(rows))
            .await
    }

    /// Inserts or updates a prepared [`Batch`].
    pub async fn upsert_batch<T: Stored>(
        &mut self,
        instansi_id: i64,
        perubahan_id: i64,
        batch: Batch<T>,
    ) -> Result<Written, StorageError> {
        let total = u64::try_from(batch.rows.len()).unwrap_or(u64::MAX);
        let written = match self {
            WriteTx::Sqlite(tx) => {
                insert_values::<T>(tx, instansi_id, perubahan_id, batch, &on_conflict::<T>())
                    .await?
            }
            WriteTx::Postgres(tx) => {
                let stage = format!("stage_{}", T::TABLE);
                let columns = format!("instansi_id, {}, perubahan_id", column_list::<T>());
                sqlx::raw_sql(AssertSqlSafe(format!(
                    "CREATE TEMP TABLE IF NOT EXISTS {stage} (LIKE {table}) ON COMMIT DROP; \
                     DELETE FROM {stage}",
                    table = T::TABLE
                )))
                .execute(&mut **tx)
                .await?;
                let mut copy = tx
                    .copy_in_raw(&format!("COPY {stage} ({columns}) FROM STDIN (FORMAT csv)"))
                    .await?;
                send_csv(&mut copy, instansi_id, perubahan_id, &batch).await?;
                copy.finish().await?;
                sqlx::query(AssertSqlSafe(format!(
                    "INSERT INTO {table} ({columns}) SELECT {columns} FROM {stage}{conflict}",
                    table = T::TABLE,
                    conflict = on_conflict::<T>()
                )))
                .execute(&mut **tx)
                .await?
                .rows_affected()
            }
        };
        Ok(Written {
            written,
            unchanged: total.saturating_sub(written),
        })
    }

    /// Units of an instansi whose chain of parents leads back to themselves
    /// (at most `limit` of them, in code order); empty for a proper tree.
    pub async fn opd_cycles(
        &mut self,
        instansi_id: i64,
        limit: i64,
    ) -> Result<Vec<String>, StorageError> {
        // Walks up from every unit; a unit met again as its own ancestor is
        // in a cycle. The depth bound ends the walk around a cycle.
        const SQL: &str = "WITH RECURSIVE up (kode, induk, depth) AS ( \
                 SELECT kode, induk, 1 FROM opd WHERE instansi_id = $1 AND induk IS NOT NULL \
                 UNION ALL \
                 SELECT up.kode, o.induk, up.depth + 1 FROM up \
                 JOIN opd o ON o.instansi_id = $1 AND o.kode = up.induk \
                 WHERE o.induk IS NOT NULL AND up.induk <> up.kode AND up.depth < 64) \
             SELECT DISTINCT kode FROM up WHERE induk = kode ORDER BY kode LIMIT $2";
        Ok(on_tx!(self, tx => sqlx::query_scalar(SQL)
            .bind(instansi_id)
            .bind(limit)
            .fetch_all(&mut **tx)
            .await?))
    }

    /// The values of `column` in `table` for one instansi, e.g. every OPD
    /// code or NIP already stored; `each` sees them one by one.
    pub async fn keys(
        &mut self,
        table: &'static str,
        column: &'static str,
        instansi_id: i64,
        mut each: impl FnMut(String),
    ) -> Result<(), StorageError> {
        let sql = format!("SELECT {column} FROM {table} WHERE instansi_id = $1");
        on_tx!(self, tx => {
            let mut rows = sqlx::query_scalar::<_, String>(AssertSqlSafe(sql))
                .bind(instansi_id)
                .fetch(&mut **tx);
            while let Some(key) = rows.try_next().await? {
                each(key);
            }
        });
        Ok(())
    }
}
