//! Record types as table rows, and the write transaction that stores them.
//!
//! A [`Stored`] type names its table and columns once; the upsert, the
//! PostgreSQL `COPY` path and the export reader are written once for all of
//! them. Bulk writes follow perf_reliability.md §4.2: on SQLite, multi-row
//! `INSERT … ON CONFLICT` statements (one prepared statement per batch size)
//! inside one `BEGIN IMMEDIATE` transaction; on PostgreSQL, `COPY` into a
//! temporary staging table and one `INSERT … SELECT … ON CONFLICT` per batch.
//! A row whose values did not change is not written, so it keeps the
//! perubahan that last changed it and a re-import changes nothing.
//!
//! The pieces: [`Stored`] and [`View`] here; `columns` decodes a row,
//! `sql` writes the statements' text from the column lists, `batch` holds
//! rows ready to write, `copy` feeds PostgreSQL's `COPY`, `write` the
//! write transaction and its upserts, `load` a first load, `read` the bulk
//! reads.

mod batch;
mod columns;
mod copy;
#[cfg(test)]
mod example;
mod load;
mod read;
mod sql;
mod write;

pub use batch::{Batch, Written};
pub use columns::Columns;
pub use load::Load;
pub(crate) use sql::{column_list, concat_columns, json_list_text};
pub use write::WriteTx;

use crate::StorageError;
use crate::value::{Ty, Value};

/// A record type stored in one instansi-owned table.
pub trait Stored: Sized {
    const TABLE: &'static str;
    /// The columns after `instansi_id`, key columns first.
    const COLUMNS: &'static [(&'static str, Ty)];
    /// How many leading [`Stored::COLUMNS`] form the key (with `instansi_id`).
    const KEY_LEN: usize;

    /// The values of [`Stored::COLUMNS`], in order.
    fn values(&self) -> Vec<Value>;

    /// The record from the values of [`Stored::COLUMNS`].
    fn decode(row: &mut Columns) -> Result<Self, StorageError>;
}

/// What a read selects: some columns of one table, leading key columns
/// first, and how a row of them decodes. Every [`Stored`] record is the view
/// of all its columns; a computation that reads a few columns of many rows
/// (the people in line of a succession plan) has a view of just those,
/// which the database neither aggregates nor sends nor we decode.
pub trait View: Sized {
    const TABLE: &'static str;
    /// The columns read; the first [`View::KEY_LEN`] are the leading
    /// columns of the table's key, and give the order rows are read in.
    const COLUMNS: &'static [(&'static str, Ty)];
    const KEY_LEN: usize;

    fn decode(row: &mut Columns) -> Result<Self, StorageError>;
}

impl<T: Stored> View for T {
    const TABLE: &'static str = <T as Stored>::TABLE;
    const COLUMNS: &'static [(&'static str, Ty)] = <T as Stored>::COLUMNS;
    const KEY_LEN: usize = <T as Stored>::KEY_LEN;

    fn decode(row: &mut Columns) -> Result<T, StorageError> {
        <T as Stored>::decode(row)
    }
}
