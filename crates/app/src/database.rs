//! Opening the system of record: what the CLI needs to reach a database,
//! so that neither it nor the web names the storage crate.

pub use talenta_storage::{DEFAULT_URL, Db, StorageError};

/// Connects to the database at `url` (`sqlite://PATH`, created if missing,
/// or `postgres://…`).
pub async fn connect(url: &str) -> Result<Db, StorageError> {
    Db::connect(url).await
}

/// [`connect`] for a web server: a write gives up waiting for another's
/// lock (an import's) after a second.
pub async fn connect_serving(url: &str) -> Result<Db, StorageError> {
    Db::connect_serving(url).await
}

/// Applies every migration not applied yet.
pub async fn migrate(db: &Db) -> Result<(), StorageError> {
    db.migrate().await
}

/// Refreshes the query planner's statistics, as a server does on start.
pub async fn analyze(db: &Db) -> Result<(), StorageError> {
    db.analyze().await
}
