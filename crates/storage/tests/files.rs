//! The SQLite database's files on disk. (PostgreSQL keeps its own files;
//! the server's data directory is its administrator's.)

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt;

use talenta_storage::Db;
use talenta_testkit::TempDir;

/// The database, its write-ahead log and its shared-memory index hold
/// personal data: created readable and writable by their owner only.
#[tokio::test]
async fn a_new_sqlite_database_is_private_to_its_owner() {
    let dir = TempDir::new("talenta_private");
    let path = dir.path().join("baru").join("talenta.db");
    let db = Db::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    db.migrate().await.unwrap();
    for name in ["talenta.db", "talenta.db-wal", "talenta.db-shm"] {
        let file = path.with_file_name(name);
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name}: {mode:o}");
    }

    // An existing file keeps the permissions its administrator gave it.
    drop(db);
    let shared = dir.path().join("bersama.db");
    std::fs::write(&shared, b"").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o640)).unwrap();
    let db = Db::connect(&format!("sqlite://{}", shared.display()))
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
