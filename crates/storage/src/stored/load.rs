//! A first load of a kind for an instansi: rows known to be new, written
//! without conflict handling, with the table's foreign keys (PostgreSQL) or
//! secondary indexes (SQLite) off until the end.

use sqlx::AssertSqlSafe;

use super::copy::send_csv;
use super::sql::{column_list, quote_ident};
use super::write::insert_values;
use super::{Batch, Stored, WriteTx, Written};
use crate::StorageError;
use crate::on_tx;

/// A first load in progress: what [`WriteTx::start_load`] took off its
/// table (foreign keys on PostgreSQL, secondary indexes on SQLite), as the
/// statements [`WriteTx::finish_load`] runs to put it back.
#[derive(Debug)]
pub struct Load {
    restore: Vec<String>,
}

impl WriteTx {
    /// Starts a first load of `T` for an instansi, or returns `None` when
    /// it is not one (a re-import upserts).
    ///
    /// On PostgreSQL it drops the table's foreign keys: rows then go
    /// straight into the table with `COPY` ([`WriteTx::insert_batch`]) and
    /// [`WriteTx::finish_load`] adds the keys back, which checks them once
    /// over the whole table instead of one lookup per row. Dropping a key
    /// locks its tables until the import commits, which a first load of a
    /// large instansi may do. (SQLite's import skips per-row checks another
    /// way: [`Db::begin_import`].)
    ///
    /// On SQLite, only when the table is empty for every instansi, it drops
    /// the table's secondary indexes and `finish_load` builds them again: a
    /// build sorts once, while a million rows in file order would each
    /// descend every index's B-tree to a random leaf.
    ///
    /// All of it is inside this transaction, so a failed import leaves keys
    /// and indexes as they were.
    pub async fn start_load<T: Stored>(
        &mut self,
        instansi_id: i64,
    ) -> Result<Option<Load>, StorageError> {
        let restore = match self {
            WriteTx::Sqlite(tx) => {
                // Another instansi's rows would make the rebuild cost more
                // than it saves; then this is a plain upsert.
                let empty: bool = sqlx::query_scalar(AssertSqlSafe(format!(
                    "SELECT NOT EXISTS (SELECT 1 FROM {})",
                    T::TABLE
                )))
                .fetch_one(&mut **tx)
                .await?;
                if !empty {
                    return Ok(None);
                }
                // `sql` is NULL for the indexes of PRIMARY KEY and UNIQUE.
                let indexes: Vec<(String, String)> = sqlx::query_as(
                    "SELECT name, sql FROM sqlite_schema \
                     WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL ORDER BY name",
                )
                .bind(T::TABLE)
                .fetch_all(&mut **tx)
                .await?;
                for (name, _) in &indexes {
                    sqlx::query(AssertSqlSafe(format!("DROP INDEX {}", quote_ident(name))))
                        .execute(&mut **tx)
                        .await?;
                }
                indexes.into_iter().map(|(_, sql)| sql).collect()
            }
            WriteTx::Postgres(tx) => {
                let any: bool = sqlx::query_scalar(AssertSqlSafe(format!(
                    "SELECT EXISTS (SELECT 1 FROM {} WHERE instansi_id = $1)",
                    T::TABLE
                )))
                .bind(instansi_id)
                .fetch_one(&mut **tx)
                .await?;
                if any {
                    return Ok(None);
                }
                let keys: Vec<(String, String)> = sqlx::query_as(
                    "SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint \
                     WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname",
                )
                .bind(T::TABLE)
                .fetch_all(&mut **tx)
                .await?;
                // Deferred checks still pending (an OPD file's parents) run
                // now: PostgreSQL refuses to alter a table with pending
                // trigger events.
                sqlx::query("SET CONSTRAINTS ALL IMMEDIATE")
                    .execute(&mut **tx)
                    .await?;
                for (name, _) in &keys {
                    sqlx::query(AssertSqlSafe(format!(
                        "ALTER TABLE {} DROP CONSTRAINT {}",
                        T::TABLE,
                        quote_ident(name)
                    )))
                    .execute(&mut **tx)
                    .await?;
                }
                sqlx::query("SET CONSTRAINTS ALL DEFERRED")
                    .execute(&mut **tx)
                    .await?;
                keys.into_iter()
                    .map(|(name, definition)| {
                        format!(
                            "ALTER TABLE {} ADD CONSTRAINT {} {definition}",
                            T::TABLE,
                            quote_ident(&name)
                        )
                    })
                    .collect()
            }
        };
        Ok(Some(Load { restore }))
    }

    /// Inserts rows none of which is stored yet: multi-row `INSERT`s
    /// without conflict handling on SQLite (the upsert's search for an
    /// existing row is a B-tree walk per row), one `COPY` straight into the
    /// table on PostgreSQL. A row stored after all fails the write with a
    /// key conflict; it is never overwritten.
    pub async fn insert_batch<T: Stored>(
        &mut self,
        instansi_id: i64,
        perubahan_id: i64,
        batch: Batch<T>,
    ) -> Result<Written, StorageError> {
        let written = match self {
            WriteTx::Sqlite(tx) => {
                insert_values::<T>(tx, instansi_id, perubahan_id, batch, "").await?
            }
            WriteTx::Postgres(tx) => {
                let columns = format!("instansi_id, {}, perubahan_id", column_list::<T>());
                let mut copy = tx
                    .copy_in_raw(&format!(
                        "COPY {} ({columns}) FROM STDIN (FORMAT csv)",
                        T::TABLE
                    ))
                    .await?;
                send_csv(&mut copy, instansi_id, perubahan_id, &batch).await?;
                copy.finish().await?
            }
        };
        Ok(Written {
            written,
            unchanged: 0,
        })
    }

    /// Ends a first load: adds the foreign keys back, each checked once
    /// over the whole table (PostgreSQL), or builds the indexes again
    /// (SQLite).
    pub async fn finish_load(&mut self, load: Load) -> Result<(), StorageError> {
        for statement in load.restore {
            let statement = sqlx::raw_sql(AssertSqlSafe(statement));
            on_tx!(self, tx => {
                statement.execute(&mut **tx).await?;
            });
        }
        Ok(())
    }
}
