//! Bulk reads of records: keyset pages of one JSON array per query.

use std::ops::Range;

use futures_util::TryStreamExt;
use sqlx::AssertSqlSafe;
use tokio::sync::mpsc;

use super::columns::decode;
use super::sql::{column_list, delete_sql, first_column, json_list_text, key_list, range_sql};
use super::{Stored, View, WriteTx};
use crate::on_tx;
use crate::value::{JsonRowsError, Ty, Value, bind_all, decode_json_rows, decode_row};
use crate::{Db, Engine, StorageError, on_read};

impl Db {
    /// Streams every stored record of `T` of an instansi in key order. Reads
    /// [`CHUNK`] rows per query (keyset pagination on the whole key), each
    /// as one JSON array: see [`Db::fetch_values`].
    pub async fn read_all<T: Stored>(
        &self,
        instansi_id: i64,
        each: impl FnMut(T) -> Result<(), StorageError>,
    ) -> Result<u64, StorageError> {
        self.read_keyset::<T>(instansi_id, None, each).await
    }

    /// Streams the stored records of `T` of an instansi whose first key
    /// column (such as a snapshot's period) is `first`, in key order, as
    /// [`Db::read_all`] does.
    pub async fn read_all_of<T: Stored>(
        &self,
        instansi_id: i64,
        first: &str,
        each: impl FnMut(T) -> Result<(), StorageError>,
    ) -> Result<u64, StorageError> {
        self.read_keyset::<T>(instansi_id, Some(Value::text(first)), each)
            .await
    }

    async fn read_keyset<T: Stored>(
        &self,
        instansi_id: i64,
        first: Option<Value>,
        mut each: impl FnMut(T) -> Result<(), StorageError>,
    ) -> Result<u64, StorageError> {
        // With the first key column fixed, pages follow the rest of the key.
        let skip = usize::from(first.is_some());
        let mut fixed = vec![Value::int(instansi_id)];
        let mut filter = "instansi_id = $1".to_owned();
        if let Some(first) = first {
            filter.push_str(&format!(" AND {} = $2", first_column::<T>()));
            fixed.push(first);
        }
        let rest: Vec<&str> = T::COLUMNS
            .iter()
            .take(T::KEY_LEN)
            .skip(skip)
            .map(|(name, _)| *name)
            .collect();
        let keys = key_list::<T>();
        let first_sql = format!(
            "SELECT {} FROM {} WHERE {filter} ORDER BY {keys} LIMIT {CHUNK}",
            column_list::<T>(),
            T::TABLE,
        );
        let placeholders: Vec<String> = (fixed.len() + 1..fixed.len() + 1 + rest.len())
            .map(|i| format!("${i}"))
            .collect();
        let next_sql = format!(
            "SELECT {} FROM {} WHERE {filter} AND ({}) > ({}) ORDER BY {keys} LIMIT {CHUNK}",
            column_list::<T>(),
            T::TABLE,
            rest.join(", "),
            placeholders.join(", "),
        );
        let types: Vec<Ty> = T::COLUMNS.iter().map(|(_, ty)| *ty).collect();
        let mut count = 0;
        let mut after: Option<Vec<Value>> = None;
        loop {
            let (sql, binds) = match after.take() {
                None => (first_sql.clone(), fixed.clone()),
                Some(key) => {
                    let mut binds = fixed.clone();
                    binds.extend(key);
                    (next_sql.clone(), binds)
                }
            };
            let rows = self.fetch_values::<T, _>(sql, binds, &types, Ok).await?;
            // Only a full page can have more after it; a key with no
            // column left to page on (a one-column key with its value
            // fixed) has one row at most.
            let more =
                rows.len() >= usize::try_from(CHUNK).unwrap_or(usize::MAX) && !rest.is_empty();
            after = rows
                .last()
                .map(|r| r.iter().take(T::KEY_LEN).skip(skip).cloned().collect());
            for values in rows {
                each(decode::<T>(values)?)?;
                count += 1;
            }
            if !more {
                break;
            }
        }
        Ok(count)
    }
}

/// Rows per query when reading in bulk.
const CHUNK: i64 = 10_000;

impl Db {
    /// Up to `limit` records of `T` whose first key column (such as the NIP)
    /// comes after `after`, in key order: keyset pagination.
    pub async fn page_after<T: View>(
        &self,
        instansi_id: i64,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<T>, StorageError> {
        let sql = format!(
            "SELECT {} FROM {} WHERE instansi_id = $1 AND {} > $2 ORDER BY {} LIMIT $3",
            column_list::<T>(),
            T::TABLE,
            first_column::<T>(),
            key_list::<T>()
        );
        self.fetch_records(
            sql,
            vec![
                Value::int(instansi_id),
                Value::text(after.unwrap_or("")),
                Value::int(limit),
            ],
        )
        .await
    }

    /// Every record of `T` whose first key column (such as the NIP) lies in
    /// `first..=last`, in key order.
    pub async fn range_of<T: View>(
        &self,
        instansi_id: i64,
        first: &str,
        last: &str,
    ) -> Result<Vec<T>, StorageError> {
        self.range_where(instansi_id, first, last, "", []).await
    }

    /// [`Db::range_of`] limited to the records of the years `years` (end
    /// excluded), in a table of yearly records (a `tahun` column).
    pub async fn range_of_years<T: View>(
        &self,
        instansi_id: i64,
        first: &str,
        last: &str,
        years: Range<i32>,
    ) -> Result<Vec<T>, StorageError> {
        let years = [Value::int(years.start), Value::int(years.end)];
        self.range_where(
            instansi_id,
            first,
            last,
            "AND tahun >= $4 AND tahun < $5 ",
            years,
        )
        .await
    }

    /// [`Db::range_of`] with `filter` over the parameters from `$4`,
    /// bound to `more`.
    async fn range_where<T: View>(
        &self,
        instansi_id: i64,
        first: &str,
        last: &str,
        filter: &str,
        more: impl IntoIterator<Item = Value>,
    ) -> Result<Vec<T>, StorageError> {
        let mut binds = vec![
            Value::int(instansi_id),
            Value::text(first),
            Value::text(last),
        ];
        binds.extend(more);
        self.fetch_records(range_sql::<T>(filter), binds).await
    }

    /// Records of `T` whose first key column (after `periode` in a table
    /// keyed by period, whose rows are then read of `periode` only) is one
    /// of `keys`, in key order: the records of a few thousand people or
    /// positions in one statement, each found through the key's index.
    pub async fn records_among<T: View>(
        &self,
        instansi_id: i64,
        periode: &str,
        keys: &[impl AsRef<str>],
    ) -> Result<Vec<T>, StorageError> {
        let by_period = T::COLUMNS.first().is_some_and(|(c, _)| *c == "periode");
        let column = T::COLUMNS
            .get(usize::from(by_period))
            .map_or("nip", |(c, _)| *c);
        let list = self.json_list("$2");
        let sql = format!(
            "SELECT {cols} FROM {table} WHERE instansi_id = $1 {period}AND {column} IN ({list}) \
             ORDER BY {key}",
            cols = column_list::<T>(),
            table = T::TABLE,
            period = if by_period { "AND periode = $3 " } else { "" },
            key = key_list::<T>(),
        );
        let mut binds = vec![Value::int(instansi_id), Value::text(json_list_text(keys))];
        if by_period {
            binds.push(Value::text(periode));
        }
        self.fetch_records(sql, binds).await
    }

    /// A subquery of the texts of the JSON array bound at `param`: a list
    /// of any length travels as one JSON text, one bind
    /// ([`json_list_text`]).
    pub(crate) fn json_list(&self, param: &str) -> String {
        match self.engine() {
            Engine::Sqlite => format!("SELECT value FROM json_each({param})"),
            Engine::Postgres => format!("SELECT json_array_elements_text({param}::json)"),
        }
    }

    /// The records of `T` that `sql` selects (the columns of `T` in order),
    /// in its order.
    pub(crate) async fn fetch_records<T: View>(
        &self,
        sql: String,
        binds: Vec<Value>,
    ) -> Result<Vec<T>, StorageError> {
        let types: Vec<Ty> = T::COLUMNS.iter().map(|(_, ty)| *ty).collect();
        self.fetch_values::<T, T>(sql, binds, &types, decode::<T>)
            .await
    }

    /// The rows `sql` selects, read as one JSON array (SQLite
    /// `json_group_array`, PostgreSQL `json_agg`) in one round trip. Row by
    /// row, SQLite's driver hands each row from its worker thread to the
    /// async task (a thread wake-up per row), which dominated reading a
    /// million employees; one text value per query avoids that on both
    /// engines. `sql` selects the columns of `T` by name, and its order is
    /// kept: an aggregate over an ordered subquery reads it in
    /// order on both engines (SQLite runs it as a co-routine; PostgreSQL's
    /// `json_agg` is never parallel).
    pub(crate) async fn fetch_values<T: View, R>(
        &self,
        sql: String,
        binds: Vec<Value>,
        types: &[Ty],
        decode: impl FnMut(Vec<Value>) -> Result<R, StorageError>,
    ) -> Result<Vec<R>, StorageError> {
        let sql = self.json_rows_sql::<T>(&sql, "");
        let (json, count): (Option<String>, i64) = on_read!(self, pool =>
            bind_all!(sqlx::query_as(AssertSqlSafe(sql)), binds).fetch_one(pool).await?);
        decode_json::<T, R>(json.as_deref(), count, types, decode)
    }

    /// Hands every record of `T` of an instansi to `each`, in key order,
    /// for a table keyed by its first column alone (positions by code);
    /// returns how many. [`CHUNK`] rows per query, one query after another
    /// (keyset pagination) in a task of their own, each chunk decoded in a
    /// task of its own and handed over here, in order: a whole table is
    /// read at the pace of the database alone.
    pub async fn all_of<T: View + Send + 'static>(
        &self,
        instansi_id: i64,
        mut each: impl FnMut(T),
    ) -> Result<u64, StorageError> {
        // Chunks end at a key: with more key columns, rows sharing the last
        // first-column value of a chunk would be skipped.
        const { assert!(T::KEY_LEN == 1, "all_of needs a one-column key") };
        let column = first_column::<T>();
        let chunk = |after: &str| {
            let sql = format!(
                "SELECT {} FROM {} WHERE instansi_id = $1 {after}ORDER BY {column} LIMIT {CHUNK}",
                column_list::<T>(),
                T::TABLE,
            );
            // With the key the next chunk starts after.
            self.json_rows_sql::<T>(&sql, &format!(", max({column})"))
        };
        let (first, next) = (chunk(""), chunk(&format!("AND {column} > $2 ")));
        let (chunks, mut decoded) = mpsc::unbounded_channel();
        let db = self.clone();
        let reader = tokio::spawn(async move {
            let mut after: Option<String> = None;
            loop {
                let mut binds = vec![Value::int(instansi_id)];
                let sql = match after.take() {
                    None => first.clone(),
                    Some(key) => {
                        binds.push(Value::text(key));
                        next.clone()
                    }
                };
                let (json, rows, last): (Option<String>, i64, Option<String>) = on_read!(&db, pool =>
                    bind_all!(sqlx::query_as(AssertSqlSafe(sql)), binds).fetch_one(pool).await?);
                let decoding = tokio::spawn(async move {
                    let types: Vec<Ty> = T::COLUMNS.iter().map(|(_, ty)| *ty).collect();
                    decode_json::<T, T>(json.as_deref(), rows, &types, decode::<T>)
                });
                // The last chunk is short; stops early when the records are
                // no longer wanted.
                if chunks.send(decoding).is_err() || rows < CHUNK {
                    return Ok::<_, StorageError>(());
                }
                after = last;
            }
        });
        let mut count = 0;
        while let Some(chunk) = decoded.recv().await {
            let records = chunk.await??;
            count += records.len() as u64;
            records.into_iter().for_each(&mut each);
        }
        reader.await??;
        Ok(count)
    }

    /// `sql` (selecting the columns of `T`) wrapped to return its rows as
    /// one JSON array of arrays, their count, then the aggregates `extra`.
    fn json_rows_sql<T: View>(&self, sql: &str, extra: &str) -> String {
        let columns = column_list::<T>();
        // With the number of rows, so they are decoded into a vector of
        // the right size: grown by doubling, it was copied a dozen times.
        match self.engine() {
            Engine::Sqlite => format!(
                "SELECT json_group_array(json_array({columns})), count(*){extra} FROM ({sql})"
            ),
            Engine::Postgres => format!(
                "SELECT json_agg(json_build_array({columns}))::text, count(*){extra} FROM ({sql}) s"
            ),
        }
    }
}

/// Decodes `count` rows of `T` read as JSON by [`Db::json_rows_sql`]
/// (`None`: no rows).
fn decode_json<T: View, R>(
    json: Option<&str>,
    count: i64,
    types: &[Ty],
    decode: impl FnMut(Vec<Value>) -> Result<R, StorageError>,
) -> Result<Vec<R>, StorageError> {
    let Some(json) = json else {
        return Ok(Vec::new());
    };
    let count = usize::try_from(count).unwrap_or(0);
    decode_json_rows(json, count, types, decode).map_err(|e| match e {
        JsonRowsError::Row(error) => error,
        JsonRowsError::Json(reason) => StorageError::Corrupt {
            table: T::TABLE,
            column: "?",
            value: String::new(),
            reason,
        },
    })
}

impl WriteTx {
    /// Removes the records of `T` whose leading key columns hold `key`
    /// (text: a period, a NIP, a code), e.g. a person's calibration of a
    /// period or a period's frozen pools; returns how many.
    pub async fn delete<T: Stored>(
        &mut self,
        instansi_id: i64,
        key: &[&str],
    ) -> Result<u64, StorageError> {
        let sql = delete_sql::<T>(key.len());
        let mut binds = vec![Value::int(instansi_id)];
        binds.extend(key.iter().map(|k| Value::text(*k)));
        Ok(
            on_tx!(self, tx => bind_all!(sqlx::query(AssertSqlSafe(sql)), binds)
            .execute(&mut **tx)
            .await?
            .rows_affected()),
        )
    }

    /// Records of `T` read inside this transaction.
    pub(crate) async fn fetch<T: Stored>(
        &mut self,
        sql: String,
        binds: Vec<Value>,
    ) -> Result<Vec<T>, StorageError> {
        let mut records = Vec::new();
        let types: Vec<Ty> = T::COLUMNS.iter().map(|(_, ty)| *ty).collect();
        on_tx!(self, tx => {
            let query = bind_all!(sqlx::query(AssertSqlSafe(sql)), binds);
            let mut rows = query.fetch(&mut **tx);
            while let Some(row) = rows.try_next().await? {
                records.push(decode::<T>(decode_row(&row, &types)?)?);
            }
        });
        Ok(records)
    }
}
