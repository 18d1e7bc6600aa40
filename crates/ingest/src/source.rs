//! One way to walk the rows of any input file, so that a reader of records
//! does not care whether they came from CSV or XLSX.

use std::io::Read;

use crate::delimited::{FileError, Table};
use crate::record::Record;
use crate::xlsx::Sheet;

/// Records in file order. An `Err` is a problem with the file as a whole:
/// the caller stops there and writes nothing.
pub trait Rows {
    /// The next record, or `None` at the end.
    fn next_record(&mut self) -> Option<Result<Record, FileError>>;
}

impl<R: Read> Rows for Table<R> {
    fn next_record(&mut self) -> Option<Result<Record, FileError>> {
        Table::next_record(self)
    }
}

impl Rows for Sheet {
    fn next_record(&mut self) -> Option<Result<Record, FileError>> {
        Sheet::next_record(self)
    }
}
