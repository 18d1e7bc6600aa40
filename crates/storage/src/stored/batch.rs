//! Rows ready to write, and what a write did.

use super::Stored;
use crate::value::Value;

/// What one [`WriteTx::upsert`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Rows inserted or changed.
    pub written: u64,
    /// Rows already stored with the same values.
    pub unchanged: u64,
}

impl Written {
    /// Every row handed over, written or not.
    pub fn rows(&self) -> u64 {
        self.written + self.unchanged
    }
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, other: Written) {
        self.written += other.written;
        self.unchanged += other.unchanged;
    }
}

/// Rows of `T` as column values, in key order, ready to write. Built where
/// the rows are parsed (an importer's parser thread), so the writer only
/// binds: in key order, B-tree pages are visited once per batch instead of
/// once per row (perf_reliability.md §4.1: sorted input imports twice as
/// fast).
#[derive(Debug)]
pub struct Batch<T> {
    pub(super) rows: Vec<Vec<Value>>,
    kind: std::marker::PhantomData<fn() -> T>,
}

impl<T: Stored> Batch<T> {
    pub fn new(rows: &[T]) -> Batch<T> {
        let mut rows: Vec<Vec<Value>> = rows.iter().map(Stored::values).collect();
        rows.sort_unstable_by(|a, b| a.get(..T::KEY_LEN).cmp(&b.get(..T::KEY_LEN)));
        Batch {
            rows,
            kind: std::marker::PhantomData,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::example::example;
    use super::*;

    #[test]
    fn a_batch_is_in_key_order() {
        let rows = [example("2", 2021), example("1", 2022), example("1", 2020)];
        let batch = Batch::new(&rows);
        let keys: Vec<&[Value]> = batch.rows.iter().filter_map(|r| r.get(..2)).collect();
        assert_eq!(
            keys,
            [
                [Value::text("1"), Value::int(2020)],
                [Value::text("1"), Value::int(2022)],
                [Value::text("2"), Value::int(2021)],
            ]
        );
        assert_eq!(batch.len(), 3);
    }

    #[test]
    fn written_adds_up() {
        let mut total = Written {
            written: 1,
            unchanged: 2,
        };
        total += Written {
            written: 3,
            unchanged: 4,
        };
        assert_eq!((total.written, total.unchanged, total.rows()), (4, 6, 10));
    }
}
