//! # talenta-app
//!
//! The use cases: import, export and the talent map, each one transaction
//! with its entry in the change log. Callers (the CLI, later the web server)
//! bring the database, the actor and the time; this crate neither reads the
//! clock nor talks to a terminal.

use std::path::Path;

pub use context::Ctx;
pub use database::{DEFAULT_URL, Db, StorageError};

pub mod accounts;
pub mod context;
pub mod cycle;
pub mod dashboard;
pub mod database;
pub mod development;
pub mod evaluation;
pub mod export;
pub mod import;
mod in_line;
pub mod lists;
pub mod map;
pub mod merit;
pub mod people;
pub mod pools;
pub mod profile;
pub mod progress;
pub mod retention;
pub mod self_service;
pub mod sign_in;
pub mod succession;
pub mod units;
pub mod verification;

/// A file format of imports and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// The format a file name's extension says, if any.
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}
