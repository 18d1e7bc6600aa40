//! # talenta-storage
//!
//! The one place that knows SQL. [`Db`] is SQLite (an embedded file, the
//! default) or PostgreSQL, chosen by the URL; callers never see which.
//! Shared SQL is written once with `$n` placeholders, which both engines
//! accept; each engine has its own migrations, numbered in lockstep and
//! embedded in the binary.

mod accounts;
mod branding;
mod cycle;
mod dashboard;
mod documents;
mod lists;
mod merit;
mod people;
mod records;
mod scope;
mod sesi;
mod snapshot;
mod stored;
mod usulan;
mod value;

pub use accounts::{Account, NewAccount};
pub use branding::{Branding, BrandingItem};
pub use cycle::{Calibrated, FinalRow, IdpRow, InLine, KalibrasiRow, KrsRow, PeriodeRow};
pub use dashboard::{BoxCount, DashboardCounts, Queue, StatusCount, UnitGroup, VerifiedCount};
pub use documents::{Document, Filed, Upload, UploadLoad, Verifikasi};
pub use lists::{EmployeeFilter, EmployeeItem, MapFilter, MapItem, Page, Search, Window};
pub use merit::MeritRow;
pub use records::{Fact, InLinePerson, MapSubject, Persyaratan, SyaratJabatan};
pub use sesi::{Attempts, RunningImport, Session};
pub use snapshot::{Snapshot, SnapshotRow};
pub use stored::{Batch, Columns, Load, Stored, View, WriteTx, Written};
pub use usulan::Usulan;
pub use value::{Ty, Value};

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

/// Runs the same expression once per engine with `$pool` bound to that
/// engine's pool (SQLite's writer). Each arm is compiled for its own driver,
/// so native types work with no generic bounds. `@FIELD` names the SQLite
/// pool of another use ([`on_read!`], [`on_sesi!`]); PostgreSQL has one.
#[macro_export]
macro_rules! on_db {
    (@$sqlite:ident $db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite { $sqlite: $pool, .. } => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
    ($db:expr, $pool:ident => $body:expr) => {
        $crate::on_db!(@write $db, $pool => $body)
    };
}

/// Like [`on_db!`], with `$pool` a reader: SQLite's reader pool, which
/// serves reads while the writer writes.
#[macro_export]
macro_rules! on_read {
    ($db:expr, $pool:ident => $body:expr) => {
        $crate::on_db!(@read $db, $pool => $body)
    };
}

/// Like [`on_db!`], with `$pool` the pool of the sign-in store: on SQLite
/// a file of its own beside the database (see [`Db`]), on PostgreSQL the
/// database itself.
macro_rules! on_sesi {
    ($db:expr, $pool:ident => $body:expr) => {
        $crate::on_db!(@sesi $db, $pool => $body)
    };
}
pub(crate) use on_sesi;

/// Runs the same expression once per engine with `$tx` bound to the
/// engine's transaction of a [`WriteTx`] (`&mut` it when given `&mut` the
/// [`WriteTx`], which statements run on as `&mut **$tx`; itself when given
/// the [`WriteTx`], to commit it).
macro_rules! on_tx {
    ($write:expr, $tx:ident => $body:expr) => {
        match $write {
            $crate::WriteTx::Sqlite($tx) => $body,
            $crate::WriteTx::Postgres($tx) => $body,
        }
    };
}
pub(crate) use on_tx;

/// The default database: a SQLite file beside the working directory.
pub const DEFAULT_URL: &str = "sqlite://./data/talenta.db";

/// Which engine a [`Db`] runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A connection pool to either engine. SQLite has one writer connection
/// (SQLite serialises writes anyway; one writer avoids `SQLITE_BUSY`) and a
/// pool of readers over the database file, and a pool over the sign-in
/// store (`sesi`): sessions, failed sign-ins and the progress of a running
/// import, in a file of its own beside the database
/// ([`sesi_path`]: `talenta.db` → `talenta.sesi.db`). SQLite locks a whole
/// file for a write, and an import holds that lock for minutes; with the
/// store apart, signing in and the session's own writes never wait for it.
/// On PostgreSQL, whose writers lock rows, the store is the database.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite {
        write: SqlitePool,
        read: SqlitePool,
        sesi: SqlitePool,
    },
    Postgres(PgPool),
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("cannot create the directory or the file {path}: {source}")]
    Directory {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: table {table}, column {column}, value {value:?}: {reason}")]
    Corrupt {
        table: &'static str,
        column: &'static str,
        value: String,
        reason: String,
    },
    #[error("decoding stored rows stopped")]
    Task(#[from] tokio::task::JoinError),
}

impl StorageError {
    /// Whether a write gave up waiting for a lock that another connection
    /// or process holds (SQLite `BUSY`/`LOCKED`, PostgreSQL's
    /// `lock_timeout`, or no connection free in time): nothing was written,
    /// and the same request may succeed once the other write ends.
    pub fn is_busy(&self) -> bool {
        let StorageError::Sql(error) = self else {
            return false;
        };
        match error {
            sqlx::Error::PoolTimedOut => true,
            sqlx::Error::Database(e) => match e.code() {
                // SQLite reports extended codes: the primary one is the low byte.
                Some(code) => match code.parse::<i32>() {
                    Ok(sqlite) => matches!(sqlite & 0xff, SQLITE_BUSY | SQLITE_LOCKED),
                    Err(_) => code == PG_LOCK_NOT_AVAILABLE,
                },
                None => false,
            },
            _ => false,
        }
    }
}

const SQLITE_BUSY: i32 = 5;
const SQLITE_LOCKED: i32 = 6;
/// SQLSTATE of a statement stopped by `lock_timeout`.
const PG_LOCK_NOT_AVAILABLE: &str = "55P03";

/// How long a write of the command line waits for a lock another
/// connection holds (SQLite; on PostgreSQL it waits as long as it takes).
const PATIENT_WAIT: Duration = Duration::from_secs(5);

/// How long a write of a web server waits for a lock another connection
/// or process holds before it fails busy ([`StorageError::is_busy`]): an
/// import holds SQLite's lock for minutes, and a page that says "try again"
/// in a second beats one that hangs.
pub const SERVING_WAIT: Duration = Duration::from_secs(1);

/// The sign-in store of the SQLite database at `path`: the same name with
/// `.sesi.db` for its extension, in the same directory.
pub fn sesi_path(path: &std::path::Path) -> std::path::PathBuf {
    path.with_extension("sesi.db")
}

/// How much of a SQLite file the readers map into memory (1 TiB: all of
/// it). A read of a page then touches the file's pages in the kernel's cache
/// in place, instead of copying each into SQLite's own cache with `pread`,
/// which was a quarter of a succession plan's time over a million
/// employees. Writers keep `pread`/`pwrite`: SQLite only maps for reading.
/// The bundled SQLite is built with a matching ceiling
/// (`.cargo/config.toml`).
const MMAP_SIZE: &str = "1099511627776";

/// Creates the SQLite file at `path`, when missing, readable and writable by
/// its owner only (0600): it holds personal data, and SQLite gives its
/// `-wal` and `-shm` files the permissions of the database file. An empty
/// file is an empty database. An existing file keeps its permissions.
fn create_private(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

impl Db {
    /// Opens the database at `url` (`sqlite://PATH`, `sqlite::memory:` or
    /// `postgres://…`). A SQLite file, its sign-in store and their
    /// directory are created if missing; both run in WAL mode with
    /// `synchronous=FULL` (personnel records of record) and foreign keys
    /// on. A write waits up to 5 s for SQLite's lock, and as long as it
    /// takes for PostgreSQL's.
    pub async fn connect(url: &str) -> Result<Db, StorageError> {
        Db::open(url, None).await
    }

    /// [`Db::connect`] for a web server, which runs beside imports and
    /// other writers: a write waits at most [`SERVING_WAIT`] for a lock
    /// another connection or process holds, then fails busy
    /// ([`StorageError::is_busy`]). Reads never wait on SQLite (WAL
    /// readers), nor on PostgreSQL except for a table an import is
    /// loading for the first time, which it locks whole; they fail busy
    /// the same way. The sign-in store keeps the patient wait: nothing
    /// holds it for long.
    pub async fn connect_serving(url: &str) -> Result<Db, StorageError> {
        Db::open(url, Some(SERVING_WAIT)).await
    }

    async fn open(url: &str, wait: Option<Duration>) -> Result<Db, StorageError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let mut options = PgConnectOptions::from_str(url)?;
            if let Some(wait) = wait {
                let millis = format!("{}ms", wait.as_millis());
                options = options.options([("lock_timeout", millis)]);
            }
            let pool = PgPoolOptions::new()
                .max_connections(8)
                .connect_with(options)
                .await?;
            return Ok(Db::Postgres(pool));
        }
        if !url.starts_with("sqlite:") {
            return Err(StorageError::UnsupportedUrl(url.to_owned()));
        }
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(PATIENT_WAIT)
            // The driver runs SQLite on its own thread and hands rows over a
            // channel; with its default of 50 rows the reader wakes the
            // caller every few rows (a futex round trip each), which
            // dominated reading a million employees.
            .row_buffer_size(4096);
        let path = options.get_filename();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StorageError::Directory {
                path: path.display().to_string(),
                source,
            })?;
        }
        if !url.contains(":memory:") && !url.contains("mode=memory") {
            for file in [path.to_owned(), sesi_path(path)] {
                create_private(&file).map_err(|source| StorageError::Directory {
                    path: file.display().to_string(),
                    source,
                })?;
            }
        }
        // In memory (tests), the store is another in-memory database.
        let sesi_options = if url.contains(":memory:") {
            SqliteConnectOptions::from_str(url)?
        } else {
            options.clone().filename(sesi_path(path))
        };
        let sesi = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(sesi_options.foreign_keys(false))
            .await?;
        // A caller waits for the one writer (acquire_timeout), then the
        // writer for the lock (busy_timeout): half the wait each, so a
        // write queued behind another refused one still fails within the
        // whole wait.
        let mut write = SqlitePoolOptions::new().max_connections(1);
        let mut write_options = options.clone();
        if let Some(wait) = wait {
            write = write.acquire_timeout(wait / 2);
            write_options = write_options.busy_timeout(wait / 2);
        }
        let write = write.connect_with(write_options).await?;
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.read_only(true).pragma("mmap_size", MMAP_SIZE))
            .await?;
        Ok(Db::Sqlite { write, read, sesi })
    }

    /// Refreshes the planner's statistics after a bulk write. Without them
    /// SQLite's planner walks the unit tree by scanning every unit at each
    /// level (3 ms for an OPD admin's scope in a city, 0.2 ms with them);
    /// PostgreSQL's autovacuum would catch up only later. SQLite samples at
    /// most 1,000 rows per index (`analysis_limit`), so this takes
    /// milliseconds whatever the size.
    pub async fn analyze(&self) -> Result<(), StorageError> {
        self.analyze_sql("ANALYZE").await
    }

    /// [`Db::analyze`] of the table of `T` alone, after a bulk write to it.
    pub async fn analyze_of<T: View>(&self) -> Result<(), StorageError> {
        self.analyze_sql(&format!("ANALYZE {}", T::TABLE)).await
    }

    async fn analyze_sql(&self, analyze: &str) -> Result<(), StorageError> {
        let analyze = sqlx::AssertSqlSafe(analyze.to_owned());
        match self {
            Db::Sqlite { write, .. } => {
                let mut conn = write.acquire().await?;
                sqlx::query("PRAGMA analysis_limit = 1000")
                    .execute(&mut *conn)
                    .await?;
                let mut tx = sqlx::Connection::begin(&mut *conn).await?;
                sqlx::query(analyze).execute(&mut *tx).await?;
                // A connection reads the statistics with the schema, and
                // ANALYZE leaves the schema as it was: the readers of this
                // process, or a server running beside an import, would go
                // on planning with the statistics of their last schema read
                // (a dashboard over a million employees took 49 s where it
                // takes 0.25 s with them). A schema change in the same
                // transaction makes every connection read both again.
                sqlx::query("CREATE TABLE statistik_baru (x)")
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DROP TABLE statistik_baru")
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
            Db::Postgres(pool) => {
                sqlx::query(analyze).execute(pool).await?;
            }
        }
        Ok(())
    }

    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite { .. } => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// Applies the engine's embedded migrations that are not applied yet.
    pub async fn migrate(&self) -> Result<(), StorageError> {
        match self {
            Db::Sqlite { write, sesi, .. } => {
                sqlx::migrate!("migrations/sqlite").run(write).await?;
                sqlx::migrate!("migrations/sqlite_sesi").run(sesi).await?;
            }
            Db::Postgres(pool) => sqlx::migrate!("migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Every instansi, by id.
    pub async fn instansi_all(
        &self,
    ) -> Result<Vec<(i64, talenta_domain::personnel::Instansi)>, StorageError> {
        const SQL: &str = "SELECT id, kode, nama FROM instansi ORDER BY id";
        let rows: Vec<(i64, String, String)> = match self {
            Db::Sqlite { read, .. } => sqlx::query_as(SQL).fetch_all(read).await?,
            Db::Postgres(pool) => sqlx::query_as(SQL).fetch_all(pool).await?,
        };
        Ok(rows
            .into_iter()
            .map(|(id, kode, nama)| (id, talenta_domain::personnel::Instansi { kode, nama }))
            .collect())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { write, read, sesi } => {
                write.close().await;
                read.close().await;
                sesi.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}
