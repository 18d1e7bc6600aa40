//! # talenta-testkit
//!
//! What tests need to run against the real engines: a fresh SQLite file and a
//! fresh PostgreSQL database each, temporary directories that clean up, and
//! a headless Chromium ([`browser::Browser`]), and the domain records
//! fixtures start from ([`records`]).
//!
//! PostgreSQL: `TALENTA_TEST_PG_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`) names a server on which a
//! fresh database is created per call. When no server answers, the
//! PostgreSQL half is skipped with a loud message, unless
//! `TALENTA_REQUIRE_PG=1` (CI) makes that a failure. Databases of test
//! processes that have exited are dropped on the next call.

// Test support: failing loudly is the point.
#![allow(clippy::panic, clippy::expect_used)]

pub mod browser;
pub mod records;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::postgres::PgPoolOptions;

const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A directory under the system's temporary directory, removed on drop.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        let path = std::env::temp_dir().join(unique(label));
        std::fs::create_dir_all(&path).expect("creating a temporary directory");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A name no other test (of this or another process) uses.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// A fresh database of one engine, by URL.
#[derive(Debug)]
pub struct TestDb {
    pub url: String,
    pub engine: &'static str,
    /// The SQLite file's directory (removed on drop).
    pub dir: Option<TempDir>,
}

impl TestDb {
    /// The SQLite file, for SQLite databases.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.path().join("talenta.db"))
    }
}

/// A fresh SQLite database file and, when a server is reachable, a fresh
/// PostgreSQL database. Callable from sync tests.
pub fn databases() -> Vec<TestDb> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("starting a runtime");
    let mut all = vec![sqlite()];
    all.extend(runtime.block_on(postgres()));
    all
}

/// A fresh SQLite database (the file is created on first connect).
pub fn sqlite() -> TestDb {
    let dir = TempDir::new("talenta_test");
    TestDb {
        url: format!("sqlite://{}/talenta.db", dir.path().display()),
        engine: "sqlite",
        dir: Some(dir),
    }
}

/// A fresh PostgreSQL database, or `None` (with a message) when no server
/// answers and PostgreSQL is not required.
pub async fn postgres() -> Option<TestDb> {
    let admin_url = std::env::var("TALENTA_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_PG.to_owned());
    let required = std::env::var("TALENTA_REQUIRE_PG").is_ok_and(|v| v == "1");
    let admin = match PgPoolOptions::new()
        .max_connections(1)
        .connect(&admin_url)
        .await
    {
        Ok(pool) => pool,
        Err(e) if required => panic!("PostgreSQL required but unreachable at {admin_url}: {e}"),
        Err(e) => {
            eprintln!("SKIPPED: PostgreSQL half of this test: no server at {admin_url} ({e})");
            return None;
        }
    };
    drop_leftovers(&admin).await;
    let name = unique("talenta_t");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .expect("creating a test database");
    admin.close().await;
    let (base, _) = admin_url
        .rsplit_once('/')
        .expect("TALENTA_TEST_PG_URL ends in /DATABASE");
    Some(TestDb {
        url: format!("{base}/{name}"),
        engine: "postgres",
        dir: None,
    })
}

/// Drops the databases of earlier test processes that have exited, so runs
/// do not pile up databases on a shared server. A database still in use is
/// left alone (PostgreSQL refuses to drop it).
async fn drop_leftovers(admin: &sqlx::PgPool) {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT datname::text FROM pg_database WHERE datname LIKE 'talenta_t_%'",
    )
    .fetch_all(admin)
    .await
    .unwrap_or_default();
    for name in names {
        let pid = name.split('_').nth(2).unwrap_or_default();
        if !pid.is_empty() && !Path::new("/proc").join(pid).exists() {
            let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name}"
            )))
            .execute(admin)
            .await;
        }
    }
}

/// A fresh PostgreSQL database, as [`postgres`], for a test without a
/// runtime of its own (one that runs the binary).
pub fn postgres_blocking() -> Option<TestDb> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("starting a runtime")
        .block_on(postgres())
}

impl TestDb {
    /// Another fresh database of the same engine (a second, empty place to
    /// import what this one exported). Callable from sync tests.
    pub fn another(&self) -> TestDb {
        match self.dir {
            Some(_) => sqlite(),
            None => postgres_blocking().expect("PostgreSQL answered a moment ago"),
        }
    }
}

/// Each named test function run once per engine, as a test of its own
/// (`NAME::sqlite`, `NAME::postgres`), so a failure names its engine and
/// one engine's failure does not hide the other's result. The PostgreSQL
/// test skips loudly without a server, and fails under
/// `TALENTA_REQUIRE_PG=1` (see [`postgres`]).
///
/// - `each_engine!(a, b);` runs `async fn a(db: &TestDb)` on tokio;
/// - `each_engine!(setup => a, b);` runs `async fn a(db: &T)` on what
///   `async fn setup(&TestDb) -> T` made of the fresh database (a connected,
///   migrated handle: the test kit knows no storage type), keeping the
///   database for the whole test;
/// - `each_engine!(blocking: a, b);` runs `fn a(db: &TestDb)` without a
///   runtime (tests that run the binary).
#[macro_export]
macro_rules! each_engine {
    (blocking: $($test:ident),+ $(,)?) => {$(
        mod $test {
            #[test]
            fn sqlite() {
                super::$test(&$crate::sqlite());
            }

            #[test]
            fn postgres() {
                if let Some(db) = $crate::postgres_blocking() {
                    super::$test(&db);
                }
            }
        }
    )+};
    ($setup:path => $($test:ident),+ $(,)?) => {$(
        mod $test {
            // The set-up is named as the enclosing module sees it.
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let db = $crate::sqlite();
                super::$test(&$setup(&db).await).await;
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(db) = $crate::postgres().await {
                    super::$test(&$setup(&db).await).await;
                }
            }
        }
    )+};
    ($($test:ident),+ $(,)?) => {$(
        mod $test {
            #[tokio::test]
            async fn sqlite() {
                super::$test(&$crate::sqlite()).await;
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(db) = $crate::postgres().await {
                    super::$test(&db).await;
                }
            }
        }
    )+};
}
