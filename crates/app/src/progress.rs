//! The progress of an import running beside a server, as the server tells
//! those whose writes it refuses meanwhile.

pub use talenta_storage::RunningImport;
use talenta_storage::{Db, StorageError};

/// The import running now, if any.
pub async fn running(db: &Db) -> Result<Option<RunningImport>, StorageError> {
    db.running_import().await
}
