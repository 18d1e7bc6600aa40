//! Storage tests, each run on SQLite and on PostgreSQL (see `common`).

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{fresh, migrated};
use sqlx::Row;
use talenta_domain::Nip;
use talenta_domain::access::Role;
use talenta_storage::{Attempts, Db, Engine, NewAccount, RunningImport};
use talenta_testkit::{TestDb, each_engine};
use time::macros::datetime;

async fn connects_and_migrates_idempotently(database: &TestDb) {
    let db = migrated(database).await;
    db.migrate().await.unwrap();
    let engine = match database.engine {
        "sqlite" => Engine::Sqlite,
        _ => Engine::Postgres,
    };
    assert_eq!(db.engine(), engine);
}

/// The employee of [`an_account`].
const NIP: &str = "199001012015011001";

/// [`NIP`] as storage takes it.
fn nip() -> Nip {
    Nip::parse(NIP).unwrap()
}

/// An instansi and a pegawai's account in it: its id, and the account.
async fn an_account(db: &Db) -> (i64, NewAccount<'static>) {
    let mut tx = db.begin_write().await.unwrap();
    let (instansi, _) = tx.upsert_instansi("KOTA", "Kota Uji").await.unwrap();
    tx.commit().await.unwrap();
    let account = NewAccount {
        instansi,
        nip: nip(),
        nama: "Uji",
        role: Role::Pegawai,
        opd: None,
        password_hash: "hash",
    };
    db.put_account(&account, 0).await.unwrap();
    (instansi, account)
}

/// Columns, nullability and primary-key order per table and view, as each
/// engine reports them; on SQLite, of the database file and its sign-in
/// store together (PostgreSQL keeps both in one database).
async fn schema(db: &Db) -> Vec<(String, String, bool)> {
    const SQLITE: &str = "SELECT m.name, p.name, p.\"notnull\" OR p.pk > 0 FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'";
    let mut columns: Vec<(String, String, bool)> = match db {
        Db::Sqlite { read, sesi, .. } => {
            let mut rows = sqlx::query(SQLITE).fetch_all(read).await.unwrap();
            rows.extend(sqlx::query(SQLITE).fetch_all(sesi).await.unwrap());
            rows.into_iter()
                .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<bool, _>(2)))
                .collect()
        }
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
    assert!(
        sqlite
            .iter()
            .any(|(t, c, _)| t == "peta_talenta_final" && c == "kotak_final"),
        "views are compared too"
    );
    if let Some(pg) = fresh.dbs.get(1) {
        assert_eq!(sqlite, schema(pg).await);
    }
}

async fn foreign_keys_are_enforced(db: &Db) {
    let orphan = "INSERT INTO opd (instansi_id, kode, nama, perubahan_id) VALUES ($1, $2, $3, $4)";
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

/// A server beside an import (`talenta serve` while `talenta import`
/// runs): the import holds the write lock, and signing in, a session's
/// writes, failed sign-ins and the import's own progress still go through,
/// to the sign-in store; the records still read. A write to the records
/// fails busy within the server's short wait on SQLite, and proceeds on
/// PostgreSQL, whose import locks only the rows it writes.
async fn sign_in_state_is_written_while_an_import_holds_the_write_lock(database: &TestDb) {
    let db = &migrated(database).await;
    let (instansi, _) = an_account(db).await;
    if let Some(path) = database.sqlite_path() {
        assert!(talenta_storage::sesi_path(&path).is_file());
    }

    let server = Db::connect_serving(&database.url).await.unwrap();
    let mut import = db.begin_import().await.unwrap();
    let perubahan = import
        .record_change(datetime!(2026-03-02 08:00 UTC), "uji", "import", "uji")
        .await
        .unwrap();
    db.import_begins(perubahan, 100, 1000).await.unwrap();

    let failed = server.login_failed(instansi, &nip(), 100, |_| 0).await;
    assert_eq!(failed.unwrap().failures, 1);
    let failed = server.address_failed("192.0.2.1", 100, 0, |_| 0).await;
    assert_eq!(failed.unwrap().failures, 1);
    assert_eq!(server.attempts(instansi, &nip()).await.unwrap().failures, 1);
    server
        .login_succeeded(instansi, &nip(), None, "token", "csrf", "sandi", 100)
        .await
        .unwrap();
    assert_eq!(
        server.attempts(instansi, &nip()).await.unwrap(),
        Attempts::default()
    );
    server.touch_session(instansi, "token", 160).await.unwrap();
    let session = server.session(instansi, "token").await.unwrap().unwrap();
    assert_eq!((session.active, session.sandi.as_str()), (160, "sandi"));
    assert!(server.account(instansi, &nip()).await.unwrap().is_some());
    db.import_reads(perubahan, 250).await.unwrap();
    assert_eq!(
        server.running_import().await.unwrap(),
        Some(RunningImport {
            started: 100,
            read: 250,
            size: 1000
        })
    );

    let write = server.add_setup_token("a", 100).await;
    match db.engine() {
        Engine::Sqlite => assert!(write.unwrap_err().is_busy()),
        Engine::Postgres => write.unwrap(),
    }
    import.rollback().await.unwrap();
    db.import_ends(perubahan).await.unwrap();
    assert_eq!(server.running_import().await.unwrap(), None);
    server.add_setup_token("b", 100).await.unwrap();
    server.end_session(instansi, "token").await.unwrap();
    assert_eq!(server.session(instansi, "token").await.unwrap(), None);
    server.close().await;
}

/// Each failed sign-in counts and sets the delay it earns; a reset of the
/// account (an administrator's, or the demo's) clears the count and the
/// delay. An address's count restarts once its last failure is forgotten.
async fn failed_sign_ins_earn_a_delay_until_the_account_is_reset(db: &Db) {
    const ADDRESS: &str = "192.0.2.1";
    let delay: fn(i64) -> i64 = |failures| if failures >= 5 { 60 } else { 0 };
    let (instansi, account) = an_account(db).await;
    for failure in 1..=4 {
        let attempts = db
            .login_failed(instansi, &nip(), 1000, delay)
            .await
            .unwrap();
        assert_eq!(
            attempts,
            Attempts {
                failures: failure,
                wait_until: None
            }
        );
        let attempts = db.address_failed(ADDRESS, 1000, 0, delay).await.unwrap();
        assert_eq!(
            attempts,
            Attempts {
                failures: failure,
                wait_until: None
            }
        );
    }
    let earned = Attempts {
        failures: 5,
        wait_until: Some(1060),
    };
    assert_eq!(
        db.login_failed(instansi, &nip(), 1000, delay)
            .await
            .unwrap(),
        earned
    );
    assert_eq!(db.attempts(instansi, &nip()).await.unwrap(), earned);
    assert!(earned.waits(1059) && !earned.waits(1060));
    assert_eq!(
        db.address_failed(ADDRESS, 1000, 0, delay).await.unwrap(),
        earned
    );
    assert_eq!(db.address_attempts(ADDRESS, 1000).await.unwrap(), earned);
    // Forgotten: a failure before `forget_before` no longer counts.
    assert_eq!(
        db.address_attempts(ADDRESS, 1001).await.unwrap(),
        Attempts::default()
    );
    let restarted = db.address_failed(ADDRESS, 2000, 1001, delay).await.unwrap();
    assert_eq!(
        restarted,
        Attempts {
            failures: 1,
            wait_until: None
        }
    );

    db.put_account(&account, 0).await.unwrap();
    assert_eq!(
        db.attempts(instansi, &nip()).await.unwrap(),
        Attempts::default()
    );
}

/// A first load of a kind for an instansi (`WriteTx::start_load`) locks
/// that table whole on PostgreSQL until the import commits (it drops and
/// re-adds the table's foreign keys): a server's read of it fails busy
/// within the server's wait rather than hanging. SQLite's readers go on.
async fn a_first_load_locks_its_table_whole_on_postgresql_only(database: &TestDb) {
    let db = &migrated(database).await;
    let mut tx = db.begin_write().await.unwrap();
    let (instansi, _) = tx.upsert_instansi("KOTA", "Kota Uji").await.unwrap();
    tx.commit().await.unwrap();
    let server = Db::connect_serving(&database.url).await.unwrap();
    let mut import = db.begin_import().await.unwrap();
    let load = import
        .start_load::<talenta_domain::personnel::Pegawai>(instansi)
        .await
        .unwrap();
    assert!(load.is_some(), "{:?}: not a first load", db.engine());
    let read = server
        .read_all::<talenta_domain::personnel::Pegawai>(instansi, |_| Ok(()))
        .await;
    match db.engine() {
        Engine::Sqlite => assert_eq!(read.unwrap(), 0),
        Engine::Postgres => assert!(read.unwrap_err().is_busy()),
    }
    import.rollback().await.unwrap();
    server.close().await;
}

each_engine!(
    connects_and_migrates_idempotently,
    sign_in_state_is_written_while_an_import_holds_the_write_lock,
    a_first_load_locks_its_table_whole_on_postgresql_only,
);

each_engine!(
    migrated => foreign_keys_are_enforced,
    failed_sign_ins_earn_a_delay_until_the_account_is_reset,
);
