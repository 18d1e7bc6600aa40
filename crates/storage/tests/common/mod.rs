//! The dual-engine harness of the storage tests: every test runs on SQLite
//! and on a fresh PostgreSQL database (`talenta-testkit`; it explains the
//! environment variables and when the PostgreSQL half is skipped).

use talenta_storage::Db;
use talenta_testkit::TestDb;

/// A fresh, migrated database of each available engine.
pub struct Fresh {
    pub dbs: Vec<Db>,
    /// Where each of `dbs` is, in the same order (kept for the whole test:
    /// dropping one removes its database); not every test binary reads it.
    #[allow(dead_code)]
    pub databases: Vec<TestDb>,
}

pub async fn fresh() -> Fresh {
    let mut databases = vec![talenta_testkit::sqlite()];
    databases.extend(talenta_testkit::postgres().await);
    let mut dbs = Vec::new();
    for database in &databases {
        let db = Db::connect(&database.url).await.unwrap();
        db.migrate().await.unwrap();
        dbs.push(db);
    }
    Fresh { dbs, databases }
}
