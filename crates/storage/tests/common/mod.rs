//! The dual-engine harness of the storage tests: every test runs on SQLite
//! and on a fresh PostgreSQL database (`talenta-testkit`'s `each_engine!`;
//! it explains the environment variables and when the PostgreSQL half is
//! skipped).

use talenta_domain::Nip;
use talenta_domain::personnel::Pegawai;
use talenta_storage::Db;
use talenta_testkit::TestDb;
use time::macros::date;

/// The fresh database connected and migrated: the set-up `each_engine!`
/// hands a storage test.
pub async fn migrated(database: &TestDb) -> Db {
    let db = Db::connect(&database.url).await.unwrap();
    db.migrate().await.unwrap();
    db
}

/// A fresh, migrated database of each available engine, for a test that
/// compares the engines (not every test binary does).
#[allow(dead_code)]
pub struct Fresh {
    pub dbs: Vec<Db>,
    /// Where each of `dbs` is, in the same order (kept for the whole test:
    /// dropping one removes its database).
    pub databases: Vec<TestDb>,
}

#[allow(dead_code)]
pub async fn fresh() -> Fresh {
    let mut databases = vec![talenta_testkit::sqlite()];
    databases.extend(talenta_testkit::postgres().await);
    let mut dbs = Vec::new();
    for database in &databases {
        dbs.push(migrated(database).await);
    }
    Fresh { dbs, databases }
}

/// A PNS of DINKES with only what every employee has: the base a test
/// changes the fields it is about in.
#[allow(dead_code)]
pub fn pegawai(nip: &str) -> Pegawai {
    talenta_testkit::records::pegawai(
        nip.parse::<Nip>().unwrap(),
        format!("Pegawai {nip}"),
        date!(1980 - 01 - 01),
        "DINKES",
    )
}
