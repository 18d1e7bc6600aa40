//! Small counts kept from those who see aggregates but not persons
//! (`pengawas`): a count of one on a unit's dashboard names the unit's
//! head and their box. The threshold rule of statistical disclosure
//! control hides every count below `[privasi] min_cell`, zeros included
//! (a zero beside a hidden one tells where the one is); complementary
//! suppression then hides more, so that no hidden count can be worked out
//! from the totals shown beside it.
//!
//! A page describes what it shows as a [`Table`]: its counts, and each sum
//! a reader can check (a row and its total, a column and its total, the
//! totals and the grand total, a unit and its sub-units). [`Table::suppress`]
//! returns the counts to hide. The guarantee is per sum: in every sum,
//! either nothing is hidden or at least two of its counts are (so none is
//! the difference of the others), and when its total is shown the hidden
//! parts add up to at least `min_cell` (so they are not themselves a small
//! count, nor zeros that a shown total gives away). Every hidden count is
//! shown with the same mark: a mark for "small" and another for "hidden to
//! protect a small one" would tell which is which.

use serde::{Deserialize, Serialize};

/// The disclosure rule of an instansi's published counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Privasi {
    /// The smallest count shown to a reader who may not see the persons
    /// behind it.
    pub min_cell: u64,
    pub source: String,
}

impl Privasi {
    /// Whether `count` is too small to show.
    pub fn hides(&self, count: u64) -> bool {
        count < self.min_cell
    }
}

/// A count of a [`Table`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cell(usize);

/// The counts a page shows together and the sums among them a reader can
/// check.
#[derive(Debug, Clone, Default)]
pub struct Table {
    values: Vec<u64>,
    sums: Vec<Sum>,
}

#[derive(Debug, Clone)]
struct Sum {
    parts: Vec<Cell>,
    total: Cell,
}

/// The counts of a [`Table`] to hide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden(Vec<bool>);

impl Hidden {
    pub fn contains(&self, cell: Cell) -> bool {
        self.0.get(cell.0).copied().unwrap_or(false)
    }

    /// `value` of `cell`, or `None` when it is hidden.
    pub fn shown(&self, cell: Cell, value: u64) -> Option<u64> {
        (!self.contains(cell)).then_some(value)
    }

    /// How many counts are hidden.
    pub fn len(&self) -> usize {
        self.0.iter().filter(|h| **h).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Table {
    /// A new count of the table.
    pub fn cell(&mut self, value: u64) -> Cell {
        self.values.push(value);
        Cell(self.values.len() - 1)
    }

    /// Declares that `total` is the sum of `parts`, as the page lets a
    /// reader see: a row and its total, a column and its total. A count
    /// the page does not print but a reader can compute from two it does
    /// (the employees not yet profiled: all of them less those profiled)
    /// is a cell too, in the sums it takes part in.
    pub fn sum(&mut self, parts: impl IntoIterator<Item = Cell>, total: Cell) {
        self.sums.push(Sum {
            parts: parts.into_iter().collect(),
            total,
        });
    }

    fn value(&self, cell: Cell) -> u64 {
        self.values.get(cell.0).copied().unwrap_or(0)
    }

    /// The counts to hide under `rule`: every count below `min_cell`, then
    /// in each sum that would give one back, the smallest count still
    /// shown (a part before the total), until no sum does.
    pub fn suppress(&self, rule: &Privasi) -> Hidden {
        let mut hidden = Hidden(self.values.iter().map(|v| rule.hides(*v)).collect());
        // One count at a time, so that a count hidden for one sum counts
        // for the next; every pass but the last hides one more, so this
        // ends.
        loop {
            let mut done = true;
            for sum in &self.sums {
                while let Some(cell) = self.exposing(sum, &hidden, rule) {
                    match hidden.0.get_mut(cell.0) {
                        Some(slot) => *slot = true,
                        None => break,
                    }
                    done = false;
                }
            }
            if done {
                return hidden;
            }
        }
    }

    /// The count of `sum` to hide next, when what it hides can be worked
    /// out (one hidden count) or is itself small (hidden parts that add up
    /// to less than `min_cell` under a shown total).
    fn exposing(&self, sum: &Sum, hidden: &Hidden, rule: &Privasi) -> Option<Cell> {
        let hidden_parts: Vec<Cell> = sum
            .parts
            .iter()
            .copied()
            .filter(|c| hidden.contains(*c))
            .collect();
        let total_hidden = hidden.contains(sum.total);
        let count = hidden_parts.len() + usize::from(total_hidden);
        let small = !total_hidden && rule.hides(hidden_parts.iter().map(|c| self.value(*c)).sum());
        if count == 0 || (count > 1 && !small) {
            return None;
        }
        sum.parts
            .iter()
            .copied()
            .filter(|c| !hidden.contains(*c))
            .min_by_key(|c| (self.value(*c), *c))
            .or((!total_hidden).then_some(sum.total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> Privasi {
        Privasi {
            min_cell: 5,
            source: String::new(),
        }
    }

    /// A cross table: `rows` with a total each, a total per column, the
    /// grand total; every row and column a sum.
    struct Cross {
        table: Table,
        cells: Vec<Vec<Cell>>,
        row_totals: Vec<Cell>,
        column_totals: Vec<Cell>,
        grand: Cell,
    }

    fn cross(rows: &[&[u64]]) -> Cross {
        let mut table = Table::default();
        let cells: Vec<Vec<Cell>> = rows
            .iter()
            .map(|row| row.iter().map(|v| table.cell(*v)).collect())
            .collect();
        let row_totals: Vec<Cell> = rows
            .iter()
            .map(|row| table.cell(row.iter().sum()))
            .collect();
        let width = rows.first().map_or(0, |r| r.len());
        let column_totals: Vec<Cell> = (0..width)
            .map(|j| table.cell(rows.iter().map(|r| r[j]).sum()))
            .collect();
        let grand = table.cell(rows.iter().flat_map(|r| r.iter()).sum());
        for (row, total) in cells.iter().zip(&row_totals) {
            table.sum(row.iter().copied(), *total);
        }
        for (j, total) in column_totals.iter().enumerate() {
            table.sum(cells.iter().map(|row| row[j]), *total);
        }
        table.sum(row_totals.iter().copied(), grand);
        table.sum(column_totals.iter().copied(), grand);
        Cross {
            table,
            cells,
            row_totals,
            column_totals,
            grand,
        }
    }

    /// The guarantee, checked on every sum: nothing or at least two hidden,
    /// and under a shown total hidden parts adding up to at least
    /// `min_cell`; no count below it shown.
    fn assert_protected(table: &Table, hidden: &Hidden) {
        for (i, value) in table.values.iter().enumerate() {
            assert!(
                *value >= 5 || hidden.contains(Cell(i)),
                "count {value} (cell {i}) is shown"
            );
        }
        for sum in &table.sums {
            let parts: Vec<u64> = sum
                .parts
                .iter()
                .filter(|c| hidden.contains(**c))
                .map(|c| table.value(*c))
                .collect();
            let count = parts.len() + usize::from(hidden.contains(sum.total));
            assert_ne!(count, 1, "a sum gives back its one hidden count");
            if count > 0 && !hidden.contains(sum.total) {
                assert!(
                    parts.iter().sum::<u64>() >= 5,
                    "hidden parts {parts:?} under a shown total"
                );
            }
        }
    }

    fn hidden_grid(c: &Cross, hidden: &Hidden) -> Vec<Vec<bool>> {
        c.cells
            .iter()
            .map(|row| row.iter().map(|cell| hidden.contains(*cell)).collect())
            .collect()
    }

    #[test]
    fn the_bundled_rule_set_hides_counts_below_five() {
        let rules = crate::RuleSet::bundled().unwrap();
        assert_eq!(rules.privasi.min_cell, 5);
        assert!(rules.privasi.hides(4));
        assert!(!rules.privasi.hides(5));
    }

    #[test]
    fn nothing_is_hidden_when_every_count_is_large_enough() {
        let c = cross(&[&[5, 10], &[7, 30]]);
        let hidden = c.table.suppress(&rule());
        assert!(hidden.is_empty());
        assert_eq!(hidden.shown(c.grand, 52), Some(52));
    }

    #[test]
    fn a_single_small_count_in_a_row_hides_the_smallest_other_count_too() {
        // A row alone: 3 + 40 + 12 = 55. The 3 is hidden; with the total
        // shown it would be 55 - 40 - 12, so the 12 goes too.
        let mut table = Table::default();
        let row = [table.cell(3), table.cell(40), table.cell(12)];
        let total = table.cell(55);
        table.sum(row, total);
        let hidden = table.suppress(&rule());
        assert!(hidden.contains(row[0]));
        assert!(hidden.contains(row[2]));
        assert!(!hidden.contains(row[1]));
        assert!(!hidden.contains(total));
        assert_eq!(hidden.len(), 2);
        assert_protected(&table, &hidden);
    }

    #[test]
    fn the_classic_rectangle_protects_a_small_count_in_row_and_column() {
        let c = cross(&[&[3, 10, 20], &[10, 10, 20], &[10, 10, 20]]);
        let hidden = c.table.suppress(&rule());
        assert_eq!(
            hidden_grid(&c, &hidden),
            [
                [true, true, false],
                [true, true, false],
                [false, false, false]
            ]
        );
        // Totals stay: each row and column has two hidden counts.
        assert!(c.row_totals.iter().all(|t| !hidden.contains(*t)));
        assert!(c.column_totals.iter().all(|t| !hidden.contains(*t)));
        assert!(!hidden.contains(c.grand));
        assert_protected(&c.table, &hidden);
    }

    #[test]
    fn zeros_under_a_shown_total_are_not_left_to_add_up_to_nothing() {
        // 0 + 0 + 30 = 30: hiding the zeros alone tells they are zeros
        // (all of the unit is in the third box); the 30 goes too.
        let mut table = Table::default();
        let row = [table.cell(0), table.cell(0), table.cell(30)];
        let total = table.cell(30);
        table.sum(row, total);
        let hidden = table.suppress(&rule());
        assert_eq!(hidden.len(), 3);
        assert!(!hidden.contains(total));
        assert_protected(&table, &hidden);
    }

    #[test]
    fn a_small_total_is_hidden_and_the_sums_it_is_part_of_stay_protected() {
        // Unit B has 3 people: its total is hidden, and so is a second
        // unit's total in the column of totals, or the grand total would
        // give B's back.
        let c = cross(&[&[20, 10], &[1, 2], &[8, 9]]);
        let hidden = c.table.suppress(&rule());
        assert!(hidden.contains(c.row_totals[1]));
        assert!(hidden.contains(c.row_totals[2]));
        assert!(!hidden.contains(c.row_totals[0]));
        assert!(!hidden.contains(c.grand));
        assert_protected(&c.table, &hidden);
    }

    #[test]
    fn tables_sharing_their_totals_protect_each_other() {
        // Two breakdowns of the same people (by unit, by jenjang) share
        // the column totals: a count hidden in one cannot be read from
        // the other.
        let mut table = Table::default();
        let by_unit = [
            [table.cell(2), table.cell(30)],
            [table.cell(18), table.cell(10)],
        ];
        let by_jenjang = [
            [table.cell(12), table.cell(20)],
            [table.cell(8), table.cell(20)],
        ];
        let columns = [table.cell(20), table.cell(40)];
        let grand = table.cell(60);
        for rows in [&by_unit, &by_jenjang] {
            for row in rows {
                let value: u64 = row.iter().map(|c| table.value(*c)).sum();
                let total = table.cell(value);
                table.sum(row.iter().copied(), total);
            }
            for (j, total) in columns.iter().enumerate() {
                table.sum(rows.iter().map(|row| row[j]), *total);
            }
        }
        table.sum(columns, grand);
        let hidden = table.suppress(&rule());
        assert!(hidden.contains(by_unit[0][0]));
        assert_protected(&table, &hidden);
    }

    #[test]
    fn random_cross_tables_keep_the_guarantee() {
        use proptest::prelude::*;
        let mut runner = proptest::test_runner::TestRunner::default();
        let shapes = (1usize..6, 1usize..6).prop_flat_map(|(rows, columns)| {
            proptest::collection::vec(proptest::collection::vec(0u64..25, columns), rows)
        });
        runner
            .run(&shapes, |rows| {
                let rows: Vec<&[u64]> = rows.iter().map(Vec::as_slice).collect();
                let c = cross(&rows);
                let hidden = c.table.suppress(&rule());
                assert_protected(&c.table, &hidden);
                Ok(())
            })
            .unwrap();
    }
}
