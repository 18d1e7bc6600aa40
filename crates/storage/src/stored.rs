//! Record types as table rows, and the write transaction that stores them.
//!
//! A [`Stored`] type names its table and columns once; the upsert, the
//! PostgreSQL `COPY` path and the export reader are written once for all of
//! them. Bulk writes follow perf_reliability.md §4.2: on SQLite, multi-row
//! `INSERT … ON CONFLICT` statements (one prepared statement per batch size)
//! inside one `BEGIN IMMEDIATE` transaction; on PostgreSQL, `COPY` into a
//! temporary staging table and one `INSERT … SELECT … ON CONFLICT` per batch.
//! A row whose values did not change is not written, so it keeps the
//! perubahan that last changed it and a re-import changes nothing.

use std::ops::Range;
use std::str::FromStr;

use futures_util::TryStreamExt;
use sqlx::{AssertSqlSafe, Postgres, Sqlite, Transaction};
use time::OffsetDateTime;
use tokio::sync::mpsc;

use crate::value::{JsonRowsError, Ty, Value, bind_all, decode_json_rows, decode_row};
use crate::{Db, Engine, StorageError, on_read};

/// A record type stored in one instansi-owned table.
pub trait Stored: Sized {
    const TABLE: &'static str;
    /// The columns after `instansi_id`, key columns first.
    const COLUMNS: &'static [(&'static str, Ty)];
    /// How many leading [`Stored::COLUMNS`] form the key (with `instansi_id`).
    const KEY_LEN: usize;

    /// The values of [`Stored::COLUMNS`], in order.
    fn values(&self) -> Vec<Value>;

    /// The record from the values of [`Stored::COLUMNS`].
    fn decode(row: &mut Columns) -> Result<Self, StorageError>;
}

/// What a read selects: some columns of one table, leading key columns
/// first, and how a row of them decodes. Every [`Stored`] record is the view
/// of all its columns; a computation that reads a few columns of many rows
/// (the people in line of a succession plan) has a view of just those,
/// which the database neither aggregates nor sends nor we decode.
pub trait View: Sized {
    const TABLE: &'static str;
    /// The columns read; the first [`View::KEY_LEN`] are the leading
    /// columns of the table's key, and give the order rows are read in.
    const COLUMNS: &'static [(&'static str, Ty)];
    const KEY_LEN: usize;

    fn decode(row: &mut Columns) -> Result<Self, StorageError>;
}

impl<T: Stored> View for T {
    const TABLE: &'static str = <T as Stored>::TABLE;
    const COLUMNS: &'static [(&'static str, Ty)] = <T as Stored>::COLUMNS;
    const KEY_LEN: usize = <T as Stored>::KEY_LEN;

    fn decode(row: &mut Columns) -> Result<T, StorageError> {
        <T as Stored>::decode(row)
    }
}

/// The values of one stored row, read in column order by [`Stored::decode`].
#[derive(Debug)]
pub struct Columns {
    table: &'static str,
    names: &'static [(&'static str, Ty)],
    values: std::vec::IntoIter<Value>,
    index: usize,
}

impl Columns {
    fn next(&mut self) -> Result<(Value, &'static str), StorageError> {
        let name = self.names.get(self.index).map_or("?", |(n, _)| *n);
        self.index += 1;
        let value = self.values.next().ok_or_else(|| StorageError::Corrupt {
            table: self.table,
            column: name,
            value: String::new(),
            reason: "missing column".into(),
        })?;
        Ok((value, name))
    }

    /// The error for a stored `value` of `column` that does not decode, e.g.
    /// a column read earlier that only a later one lets [`Stored::decode`]
    /// check.
    pub fn corrupt(&self, column: &'static str, value: String, reason: String) -> StorageError {
        StorageError::Corrupt {
            table: self.table,
            column,
            value,
            reason,
        }
    }

    pub fn opt_text(&mut self) -> Result<Option<String>, StorageError> {
        match self.next()? {
            (Value::Text(t), _) => Ok(t),
            (other, name) => Err(self.corrupt(name, format!("{other:?}"), "not text".into())),
        }
    }

    pub fn text(&mut self) -> Result<String, StorageError> {
        let name = self.current_name();
        self.opt_text()?
            .ok_or_else(|| self.corrupt(name, String::new(), "NULL".into()))
    }

    pub fn opt_int(&mut self) -> Result<Option<i64>, StorageError> {
        match self.next()? {
            (Value::Int(n), _) => Ok(n),
            (other, name) => Err(self.corrupt(name, format!("{other:?}"), "not an integer".into())),
        }
    }

    pub fn int<N: TryFrom<i64>>(&mut self) -> Result<N, StorageError> {
        let name = self.current_name();
        let n = self
            .opt_int()?
            .ok_or_else(|| self.corrupt(name, String::new(), "NULL".into()))?;
        N::try_from(n).map_err(|_| self.corrupt(name, n.to_string(), "out of range".into()))
    }

    pub fn opt_small<N: TryFrom<i64>>(&mut self) -> Result<Option<N>, StorageError> {
        let name = self.current_name();
        match self.opt_int()? {
            None => Ok(None),
            Some(n) => N::try_from(n)
                .map(Some)
                .map_err(|_| self.corrupt(name, n.to_string(), "out of range".into())),
        }
    }

    pub fn opt_date(&mut self) -> Result<Option<time::Date>, StorageError> {
        match self.next()? {
            (Value::Date(d), _) => Ok(d),
            (other, name) => Err(self.corrupt(name, format!("{other:?}"), "not a date".into())),
        }
    }

    pub fn date(&mut self) -> Result<time::Date, StorageError> {
        let name = self.current_name();
        self.opt_date()?
            .ok_or_else(|| self.corrupt(name, String::new(), "NULL".into()))
    }

    pub fn bool(&mut self) -> Result<bool, StorageError> {
        match self.next()? {
            (Value::Bool(Some(b)), _) => Ok(b),
            (other, name) => Err(self.corrupt(name, format!("{other:?}"), "not a boolean".into())),
        }
    }

    /// A text column holding a code that `T` parses.
    pub fn parse<T: FromStr>(&mut self) -> Result<T, StorageError>
    where
        T::Err: std::fmt::Display,
    {
        let name = self.current_name();
        let text = self.text()?;
        text.parse()
            .map_err(|e: T::Err| self.corrupt(name, text.clone(), e.to_string()))
    }

    pub fn parse_opt<T: FromStr>(&mut self) -> Result<Option<T>, StorageError>
    where
        T::Err: std::fmt::Display,
    {
        let name = self.current_name();
        match self.opt_text()? {
            None => Ok(None),
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|e: T::Err| self.corrupt(name, text.clone(), e.to_string())),
        }
    }

    /// A text column that `read` turns into a value; its error makes the row
    /// corrupt.
    pub fn text_with<T, E: std::fmt::Display>(
        &mut self,
        read: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, StorageError> {
        let name = self.current_name();
        let text = self.text()?;
        read(&text).map_err(|e| self.corrupt(name, text, e.to_string()))
    }

    /// A nullable text column that `read` turns into a value.
    pub fn opt_text_with<T, E: std::fmt::Display>(
        &mut self,
        read: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Option<T>, StorageError> {
        let name = self.current_name();
        match self.opt_text()? {
            None => Ok(None),
            Some(text) => read(&text)
                .map(Some)
                .map_err(|e| self.corrupt(name, text, e.to_string())),
        }
    }

    /// A nullable integer column that `read` turns into a value.
    pub fn opt_int_with<T, E: std::fmt::Display>(
        &mut self,
        read: impl FnOnce(i64) -> Result<T, E>,
    ) -> Result<Option<T>, StorageError> {
        let name = self.current_name();
        match self.opt_int()? {
            None => Ok(None),
            Some(n) => read(n)
                .map(Some)
                .map_err(|e| self.corrupt(name, n.to_string(), e.to_string())),
        }
    }

    fn current_name(&self) -> &'static str {
        self.names.get(self.index).map_or("?", |(n, _)| *n)
    }
}

/// What one [`WriteTx::upsert`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Rows inserted or changed.
    pub written: u64,
    /// Rows already stored with the same values.
    pub unchanged: u64,
}

impl Written {
    /// Every row handed over, written or not.
    pub fn rows(&self) -> u64 {
        self.written + self.unchanged
    }
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, other: Written) {
        self.written += other.written;
        self.unchanged += other.unchanged;
    }
}

/// Rows of `T` as column values, in key order, ready to write. Built where
/// the rows are parsed (an importer's parser thread), so the writer only
/// binds: in key order, B-tree pages are visited once per batch instead of
/// once per row (perf_reliability.md §4.1: sorted input imports twice as
/// fast).
#[derive(Debug)]
pub struct Batch<T> {
    rows: Vec<Vec<Value>>,
    kind: std::marker::PhantomData<fn() -> T>,
}

impl<T: Stored> Batch<T> {
    pub fn new(rows: &[T]) -> Batch<T> {
        let mut rows: Vec<Vec<Value>> = rows.iter().map(Stored::values).collect();
        rows.sort_unstable_by(|a, b| a.get(..T::KEY_LEN).cmp(&b.get(..T::KEY_LEN)));
        Batch {
            rows,
            kind: std::marker::PhantomData,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

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
        self.fetch_records(
            range_sql::<T>(""),
            vec![
                Value::int(instansi_id),
                Value::text(first),
                Value::text(last),
            ],
        )
        .await
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
        self.fetch_records(
            range_sql::<T>("AND tahun >= $4 AND tahun < $5 "),
            vec![
                Value::int(instansi_id),
                Value::text(first),
                Value::text(last),
                Value::int(years.start),
                Value::int(years.end),
            ],
        )
        .await
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
    /// Records of `T` read inside this transaction.
    pub(crate) async fn fetch<T: Stored>(
        &mut self,
        sql: String,
        binds: Vec<Value>,
    ) -> Result<Vec<T>, StorageError> {
        let mut records = Vec::new();
        let types: Vec<Ty> = T::COLUMNS.iter().map(|(_, ty)| *ty).collect();
        macro_rules! fetch {
            ($conn:expr) => {{
                let query = bind_all!(sqlx::query(AssertSqlSafe(sql)), binds);
                let mut rows = query.fetch(&mut **$conn);
                while let Some(row) = rows.try_next().await? {
                    records.push(decode::<T>(decode_row(&row, &types)?)?);
                }
            }};
        }
        match self {
            WriteTx::Sqlite(tx) => fetch!(tx),
            WriteTx::Postgres(tx) => fetch!(tx),
        }
        Ok(records)
    }
}

/// Selects the records of `T` whose first key column lies in `$2..=$3`, and
/// meet `filter`, in key order.
fn range_sql<T: View>(filter: &str) -> String {
    format!(
        "SELECT {} FROM {} WHERE instansi_id = $1 AND {col} >= $2 AND {col} <= $3 {filter}ORDER BY {}",
        column_list::<T>(),
        T::TABLE,
        key_list::<T>(),
        col = first_column::<T>(),
    )
}

fn first_column<T: View>() -> &'static str {
    T::COLUMNS.first().map_or("nip", |(name, _)| *name)
}

fn decode<T: View>(values: Vec<Value>) -> Result<T, StorageError> {
    let mut columns = Columns {
        table: T::TABLE,
        names: T::COLUMNS,
        values: values.into_iter(),
        index: 0,
    };
    T::decode(&mut columns)
}

pub(crate) fn column_list<T: View>() -> String {
    T::COLUMNS
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn key_list<T: View>() -> String {
    T::COLUMNS
        .iter()
        .take(T::KEY_LEN)
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A first load in progress: what [`WriteTx::start_load`] took off its
/// table (foreign keys on PostgreSQL, secondary indexes on SQLite), as the
/// statements [`WriteTx::finish_load`] runs to put it back.
#[derive(Debug)]
pub struct Load {
    restore: Vec<String>,
}

/// An identifier as SQL text, for both engines (constraint and index names
/// come from the catalogue, not from input).
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Sends a batch's rows to a `COPY … (FORMAT csv)` of the columns
/// `instansi_id`, the columns of `T`, `perubahan_id`.
async fn send_csv<T: Stored>(
    copy: &mut sqlx::postgres::PgCopyIn<&mut sqlx::PgConnection>,
    instansi_id: i64,
    perubahan_id: i64,
    batch: &Batch<T>,
) -> Result<(), StorageError> {
    let (instansi, perubahan) = (instansi_id.to_string(), perubahan_id.to_string());
    let mut buffer = String::with_capacity(1 << 17);
    for row in &batch.rows {
        buffer.push_str(&instansi);
        for value in row {
            buffer.push(',');
            value.write_csv(&mut buffer);
        }
        buffer.push(',');
        buffer.push_str(&perubahan);
        buffer.push('\n');
        if buffer.len() > (1 << 16) {
            copy.send(buffer.as_bytes()).await?;
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        copy.send(buffer.as_bytes()).await?;
    }
    Ok(())
}

/// `ON CONFLICT … DO UPDATE` that writes only rows whose values differ.
fn on_conflict<T: Stored>() -> String {
    let rest = T::COLUMNS.iter().skip(T::KEY_LEN).map(|(name, _)| *name);
    let set: Vec<String> = rest
        .clone()
        .map(|c| format!("{c} = excluded.{c}"))
        .chain(std::iter::once(
            "perubahan_id = excluded.perubahan_id".to_owned(),
        ))
        .collect();
    let differs: Vec<String> = rest
        .map(|c| {
            format!(
                "{table}.{c} IS DISTINCT FROM excluded.{c}",
                table = T::TABLE
            )
        })
        .collect();
    format!(
        " ON CONFLICT (instansi_id, {key}) DO UPDATE SET {set} WHERE {differs}",
        key = key_list::<T>(),
        set = set.join(", "),
        differs = differs.join(" OR ")
    )
}

/// The multi-row `INSERT`s of SQLite, 1,000 rows or 30,000 parameters a
/// statement, each ending with `conflict`; returns the rows written.
async fn insert_values<T: Stored>(
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

/// The multi-row `INSERT` of SQLite. Its parameters are anonymous (`?`):
/// sqlx looks up each `$n` by name, which SQLite answers by scanning the
/// statement's list of names, quadratic in a 30,000-parameter statement.
fn insert_values_sql<T: Stored>(rows: usize, conflict: &str) -> String {
    let width = T::COLUMNS.len() + 2;
    let row = format!("({})", vec!["?"; width].join(", "));
    format!(
        "INSERT INTO {} (instansi_id, {}, perubahan_id) VALUES {}{conflict}",
        T::TABLE,
        column_list::<T>(),
        vec![row; rows].join(", "),
    )
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), StorageError> {
        match self {
            WriteTx::Sqlite(tx) => tx.commit().await?,
            WriteTx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), StorageError> {
        match self {
            WriteTx::Sqlite(tx) => tx.rollback().await?,
            WriteTx::Postgres(tx) => tx.rollback().await?,
        }
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
        let id = match self {
            WriteTx::Sqlite(tx) => {
                sqlx::query_scalar(SQL)
                    .bind(at)
                    .bind(actor)
                    .bind(action)
                    .bind(detail)
                    .fetch_one(&mut **tx)
                    .await?
            }
            WriteTx::Postgres(tx) => {
                sqlx::query_scalar(SQL)
                    .bind(at)
                    .bind(actor)
                    .bind(action)
                    .bind(detail)
                    .fetch_one(&mut **tx)
                    .await?
            }
        };
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
        macro_rules! run {
            ($tx:expr) => {{
                let changed: Option<i64> = sqlx::query_scalar(UPSERT)
                    .bind(kode)
                    .bind(nama)
                    .fetch_optional(&mut **$tx)
                    .await?;
                match changed {
                    Some(id) => (id, true),
                    None => (
                        sqlx::query_scalar(ID)
                            .bind(kode)
                            .fetch_one(&mut **$tx)
                            .await?,
                        false,
                    ),
                }
            }};
        }
        Ok(match self {
            WriteTx::Sqlite(tx) => run!(tx),
            WriteTx::Postgres(tx) => run!(tx),
        })
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
            match self {
                WriteTx::Sqlite(tx) => {
                    statement.execute(&mut **tx).await?;
                }
                WriteTx::Postgres(tx) => {
                    statement.execute(&mut **tx).await?;
                }
            }
        }
        Ok(())
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
        Ok(match self {
            WriteTx::Sqlite(tx) => {
                sqlx::query_scalar(SQL)
                    .bind(instansi_id)
                    .bind(limit)
                    .fetch_all(&mut **tx)
                    .await?
            }
            WriteTx::Postgres(tx) => {
                sqlx::query_scalar(SQL)
                    .bind(instansi_id)
                    .bind(limit)
                    .fetch_all(&mut **tx)
                    .await?
            }
        })
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
        macro_rules! stream {
            ($conn:expr) => {{
                let mut rows = sqlx::query_scalar::<_, String>(AssertSqlSafe(sql))
                    .bind(instansi_id)
                    .fetch($conn);
                while let Some(key) = rows.try_next().await? {
                    each(key);
                }
            }};
        }
        match self {
            WriteTx::Sqlite(tx) => stream!(&mut **tx),
            WriteTx::Postgres(tx) => stream!(&mut **tx),
        }
        Ok(())
    }
}

/// `keys` as the JSON text that [`Db::json_list`] reads.
pub(crate) fn json_list_text(keys: &[impl AsRef<str>]) -> String {
    let keys: Vec<&str> = keys.iter().map(AsRef::as_ref).collect();
    serde_json::Value::from(keys).to_string()
}
