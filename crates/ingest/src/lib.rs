//! # talenta-ingest
//!
//! Parsers for the files people bring: rows in, validated domain values or
//! errors that say where (line, column), what (the value) and why. Pure: a
//! parser reads from any `Read` it is given and opens no file itself, so it
//! can be fed arbitrary bytes in tests and fuzzing.

pub mod delimited;
/// Shared with `fuzz/` and the corpus replay test; not an API.
#[doc(hidden)]
pub mod fuzzing;
pub mod kinds;
pub mod record;
pub mod scores;
pub mod source;
pub mod xlsx;
pub mod xlsx_write;

pub use delimited::FileError;
pub use record::{Column, Place, Record, RowError};
pub use source::Rows;
