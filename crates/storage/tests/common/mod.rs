//! The dual-engine harness of the storage tests: every test runs on SQLite
//! and on a fresh PostgreSQL database.
//!
//! PostgreSQL: `TALENTA_TEST_PG_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`) names a server on which
//! every test creates its own fresh database. When no server answers the
//! PostgreSQL half is skipped with a loud message, unless
//! `TALENTA_REQUIRE_PG=1` (CI) makes that a failure.

use std::sync::atomic::{AtomicU32, Ordering};

use talenta_storage::Db;

const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A fresh, migrated database of each available engine.
pub struct Fresh {
    pub dbs: Vec<Db>,
    _dir: TempDir,
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn unique(prefix: &str) -> String {
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

pub async fn fresh() -> Fresh {
    let dir = TempDir(std::env::temp_dir().join(unique("talenta_test")));
    let sqlite_url = format!("sqlite://{}/talenta.db", dir.0.display());
    let mut dbs = vec![Db::connect(&sqlite_url).await.unwrap()];
    if let Some(pg) = fresh_postgres().await {
        dbs.push(pg);
    }
    for db in &dbs {
        db.migrate().await.unwrap();
    }
    Fresh { dbs, _dir: dir }
}

async fn fresh_postgres() -> Option<Db> {
    let admin_url = std::env::var("TALENTA_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_PG.to_owned());
    let required = std::env::var("TALENTA_REQUIRE_PG").is_ok_and(|v| v == "1");
    let admin = match Db::connect(&admin_url).await {
        Ok(Db::Postgres(pool)) => pool,
        Ok(_) => panic!("TALENTA_TEST_PG_URL is not a postgres:// URL"),
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
        .unwrap();
    admin.close().await;
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    Some(Db::connect(&format!("{base}/{name}")).await.unwrap())
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
        if !pid.is_empty() && !std::path::Path::new("/proc").join(pid).exists() {
            let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name}"
            )))
            .execute(admin)
            .await;
        }
    }
}
