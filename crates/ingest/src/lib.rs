//! # talenta-ingest
//!
//! Parsers for the files people bring: rows in, validated domain values or
//! errors that say where (line, column), what (the value) and why. Each kind
//! of personnel record ([`kinds`]) also writes itself back in the same
//! format ([`CsvSink`]), so an exported file imports unchanged. The kinds
//! are listed once ([`Kind`]); code that goes over them writes one generic
//! function and calls it through [`with_kind!`]. Pure: a
//! parser reads from any `Read` it is given, a writer writes to any `Write`,
//! and neither opens a file itself, so they can be fed arbitrary bytes in
//! tests and fuzzing.

pub mod delimited;
pub mod export;
pub mod formula;
/// Shared with `fuzz/` and the corpus replay test; not an API.
#[doc(hidden)]
pub mod fuzzing;
pub mod kinds;
pub mod record;
pub mod scores;
pub mod source;
pub mod values;
pub mod xlsx;
pub mod xlsx_write;

pub use delimited::FileError;
pub use export::{CsvSink, CsvTable};
pub use kinds::{Kind, RecordKind, Reference, Row, Target};
pub use record::{Cell, Column, Place, Record, RowError};
pub use source::Rows;
