//! Storage tests, each run on SQLite and on PostgreSQL (see `common`).

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::fresh;
use sqlx::Row;
use talenta_storage::{Db, Engine};

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

/// A connection plans with the statistics it read with the schema, and
/// ANALYZE alone leaves the schema as it was: `Db::analyze` must move the
/// schema version, so that a reader opened before (this process's, or a
/// server's beside an import) reads the new statistics before its next
/// plan.
#[tokio::test]
async fn statistics_reach_readers_opened_before_them() {
    let file = talenta_testkit::sqlite();
    let db = Db::connect(&file.url).await.unwrap();
    db.migrate().await.unwrap();
    let Db::Sqlite { read, .. } = &db else {
        panic!("a SQLite URL opened {:?}", db.engine());
    };
    // The first ANALYZE creates the statistics table: a schema change.
    db.analyze().await.unwrap();
    let mut reader = read.acquire().await.unwrap();
    const VERSION: &str = "PRAGMA schema_version";
    let before: i64 = sqlx::query_scalar(VERSION)
        .fetch_one(&mut *reader)
        .await
        .unwrap();
    db.analyze().await.unwrap();
    let after: i64 = sqlx::query_scalar(VERSION)
        .fetch_one(&mut *reader)
        .await
        .unwrap();
    assert!(after > before, "schema version {before} -> {after}");
    let stale: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'statistik_baru'")
            .fetch_one(&mut *reader)
            .await
            .unwrap();
    assert_eq!(stale, 0, "the marker table is gone");
    drop(reader);
    db.close().await;
}
