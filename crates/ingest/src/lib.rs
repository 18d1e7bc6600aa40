//! # talenta-ingest
//!
//! Parsers for the files people bring: rows in, validated domain values or
//! errors that say where (line, column), what (the value) and why. Pure: a
//! parser reads from any `Read` it is given and opens no file itself, so it
//! can be fed arbitrary bytes in tests and fuzzing.

pub mod delimited;
pub mod export;
pub mod kinds;
pub mod record;
pub mod scores;
pub mod values;

pub use delimited::FileError;
pub use export::CsvSink;
pub use kinds::{Kind, RecordKind, Reference, Row, Target};
pub use record::{Column, Place, Record, RowError};
