//! Storage tests, each run on SQLite and on PostgreSQL.
//!
//! PostgreSQL: `TALENTA_TEST_PG_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`) names a server on which
//! every test creates its own fresh database. When no server answers the
//! PostgreSQL half is skipped with a loud message, unless
//! `TALENTA_REQUIRE_PG=1` (CI) makes that a failure.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Row;
use talenta_storage::{Db, Engine};

const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A fresh, migrated database of each available engine.
struct Fresh {
    dbs: Vec<Db>,
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

async fn fresh() -> Fresh {
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

#[tokio::test]
async fn connects_and_migrates_both_engines_idempotently() {
    let fresh = fresh().await;
    for db in &fresh.dbs {
        db.migrate().await.unwrap();
    }
    let engines: Vec<Engine> = fresh.dbs.iter().map(Db::engine).collect();
    assert_eq!(engines[0], Engine::Sqlite);
    if std::env::var("TALENTA_REQUIRE_PG").is_ok_and(|v| v == "1") {
        assert_eq!(engines, [Engine::Sqlite, Engine::Postgres]);
    }
}

/// Columns, nullability and primary-key order per table, as each engine reports them.
async fn schema(db: &Db) -> Vec<(String, String, bool)> {
    let mut columns: Vec<(String, String, bool)> = match db {
        Db::Sqlite { read, .. } => sqlx::query(
            "SELECT m.name, p.name, p.\"notnull\" OR p.pk > 0 FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
        )
        .fetch_all(read)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<bool, _>(2)))
        .collect(),
        Db::Postgres(pool) => sqlx::query(
            "SELECT table_name::text, column_name::text, is_nullable = 'NO' FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'",
        )
        .fetch_all(pool)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<bool, _>(2)))
        .collect(),
    };
    columns.sort();
    columns
}

#[tokio::test]
async fn both_engines_have_the_same_schema() {
    let fresh = fresh().await;
    let sqlite = schema(&fresh.dbs[0]).await;
    assert!(
        sqlite
            .iter()
            .any(|(t, c, _)| t == "opd" && c == "instansi_id")
    );
    if let Some(pg) = fresh.dbs.get(1) {
        assert_eq!(sqlite, schema(pg).await);
    }
}

#[tokio::test]
async fn foreign_keys_are_enforced_on_both_engines() {
    let fresh = fresh().await;
    for db in &fresh.dbs {
        let orphan =
            "INSERT INTO opd (instansi_id, kode, nama, perubahan_id) VALUES ($1, $2, $3, $4)";
        let result = talenta_storage::on_db!(db, pool => sqlx::query(orphan)
            .bind(99_i64)
            .bind("X")
            .bind("X")
            .bind(1_i64)
            .execute(pool)
            .await
            .map(|_| ()));
        assert!(
            result.is_err(),
            "{:?} accepted an OPD of an unknown instansi",
            db.engine()
        );
    }
}

#[tokio::test]
async fn unsupported_urls_are_rejected() {
    let error = Db::connect("mysql://localhost/x").await.unwrap_err();
    assert!(error.to_string().contains("unsupported database URL"));
}
