//! Movement between two periods: the transition matrix of final boxes
//! (box in the earlier period × box in the later one), with the people who
//! appear only in one of them (entered: newly placed; left: no longer
//! placed or no longer employed).

use std::collections::HashMap;

use serde::Serialize;

use crate::nine_box::Kotak;
use crate::nip::Nip;
use crate::privasi::{Cell, Privasi, Table};

/// Counts of a transition matrix. `counts[a][b]`: people in box `a + 1`
/// before and box `b + 1` after.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Matrix {
    pub counts: [[u32; 9]; 9],
    /// Placed after, not before, by box after.
    pub entered: [u32; 9],
    /// Placed before, not after, by box before.
    pub left: [u32; 9],
}

impl Matrix {
    /// People in box `from` before and `to` after.
    pub fn get(&self, from: Kotak, to: Kotak) -> u32 {
        self.counts
            .get(index(from))
            .and_then(|row| row.get(index(to)))
            .copied()
            .unwrap_or(0)
    }

    /// People placed in both periods.
    pub fn stayed_placed(&self) -> u32 {
        self.counts.iter().flatten().sum()
    }

    /// People in a higher-numbered box after than before, counting by box
    /// number. Box numbers are not a strict order (box 4 is not "above"
    /// box 3 on both axes); a caller who needs the axes reads `counts`.
    pub fn up(&self) -> u32 {
        self.sum_where(|a, b| b > a)
    }

    pub fn down(&self) -> u32 {
        self.sum_where(|a, b| b < a)
    }

    pub fn same(&self) -> u32 {
        self.sum_where(|a, b| a == b)
    }

    fn sum_where(&self, keep: impl Fn(usize, usize) -> bool) -> u32 {
        (0..9)
            .flat_map(|a| (0..9).map(move |b| (a, b)))
            .filter(|(a, b)| keep(*a, *b))
            .map(|(a, b)| {
                self.counts
                    .get(a)
                    .and_then(|r| r.get(b))
                    .copied()
                    .unwrap_or(0)
            })
            .sum()
    }
}

/// A [`Matrix`] as a reader sees it: every count, or without those
/// `[privasi]` hides from a reader who may not see the persons behind them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownMatrix {
    pub counts: [[Option<u32>; 9]; 9],
    pub entered: [Option<u32>; 9],
    pub left: [Option<u32>; 9],
    pub up: Option<u32>,
    pub same: Option<u32>,
    pub down: Option<u32>,
}

impl Matrix {
    /// The matrix as a reader sees it: with `None`, every count; with the
    /// rule of a reader who may not see the persons behind the counts,
    /// without those it hides ([`crate::privasi`]). The sums a reader can
    /// check are those the movement page prints (moved up, stayed, moved
    /// down) and those the dashboards give: a row with its exits is the
    /// box's people before, a column with its entries the box's people
    /// after.
    pub fn shown(&self, privasi: Option<&Privasi>) -> ShownMatrix {
        let mut table = Table::default();
        let counts: [[Cell; 9]; 9] = self.counts.map(|row| row.map(|n| table.cell(n.into())));
        let entered = self.entered.map(|n| table.cell(n.into()));
        let left = self.left.map(|n| table.cell(n.into()));
        let mut lines: [Vec<Cell>; 3] = Default::default();
        for (a, row) in counts.iter().enumerate() {
            for (b, cell) in row.iter().enumerate() {
                if let Some(line) = lines.get_mut(usize::from(b <= a) + usize::from(b < a)) {
                    line.push(*cell);
                }
            }
        }
        let [up, same, down] = [self.up(), self.same(), self.down()].map(|n| table.cell(n.into()));
        for (line, total) in lines.into_iter().zip([up, same, down]) {
            table.sum(line, total);
        }
        for a in 0..9 {
            let parts: Vec<Cell> = counts
                .get(a)
                .into_iter()
                .flatten()
                .chain(left.get(a))
                .copied()
                .collect();
            let before = self.counts.get(a).into_iter().flatten().sum::<u32>()
                + self.left.get(a).copied().unwrap_or(0);
            let total = table.cell(before.into());
            table.sum(parts, total);
        }
        for b in 0..9 {
            let parts: Vec<Cell> = counts
                .iter()
                .filter_map(|row| row.get(b))
                .chain(entered.get(b))
                .copied()
                .collect();
            let after = self.counts.iter().filter_map(|row| row.get(b)).sum::<u32>()
                + self.entered.get(b).copied().unwrap_or(0);
            let total = table.cell(after.into());
            table.sum(parts, total);
        }
        let hidden = privasi.map(|rule| table.suppress(rule));
        let show = |cell: Cell, n: u32| match &hidden {
            Some(hidden) if hidden.contains(cell) => None,
            _ => Some(n),
        };
        let mut shown = ShownMatrix {
            counts: [[None; 9]; 9],
            entered: [None; 9],
            left: [None; 9],
            up: show(up, self.up()),
            same: show(same, self.same()),
            down: show(down, self.down()),
        };
        for (row, (cells, values)) in shown.counts.iter_mut().zip(counts.iter().zip(&self.counts)) {
            for (slot, (cell, n)) in row.iter_mut().zip(cells.iter().zip(values)) {
                *slot = show(*cell, *n);
            }
        }
        for (slots, cells, values) in [
            (&mut shown.entered, &entered, &self.entered),
            (&mut shown.left, &left, &self.left),
        ] {
            for (slot, (cell, n)) in slots.iter_mut().zip(cells.iter().zip(values)) {
                *slot = show(*cell, *n);
            }
        }
        shown
    }
}

fn index(kotak: Kotak) -> usize {
    usize::from(kotak.number()).saturating_sub(1)
}

fn bump(cell: Option<&mut u32>) {
    if let Some(cell) = cell {
        *cell += 1;
    }
}

/// The matrix of two periods' final boxes, each `(nip, box)` with NIPs
/// unique within a period.
pub fn transitions(
    before: impl IntoIterator<Item = (Nip, Kotak)>,
    after: impl IntoIterator<Item = (Nip, Kotak)>,
) -> Matrix {
    let mut earlier: HashMap<Nip, Kotak> = before.into_iter().collect();
    let mut matrix = Matrix::default();
    for (nip, to) in after {
        match earlier.remove(&nip) {
            Some(from) => bump(
                matrix
                    .counts
                    .get_mut(index(from))
                    .and_then(|row| row.get_mut(index(to))),
            ),
            None => bump(matrix.entered.get_mut(index(to))),
        }
    }
    for from in earlier.into_values() {
        bump(matrix.left.get_mut(index(from)));
    }
    matrix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(n: u8) -> Kotak {
        Kotak::new(n).unwrap()
    }

    #[test]
    fn counts_moves_entries_and_exits() {
        let p = |digits: &str| Nip::parse(digits).unwrap();
        let before = [
            (p("198001012005011001"), k(7)),
            (p("198001012005011002"), k(9)),
            (p("198001012005011003"), k(5)),
            (p("198001012005011004"), k(5)),
            (p("198001012005011005"), k(1)),
        ];
        let after = [
            (p("198001012005011001"), k(9)),
            (p("198001012005011002"), k(9)),
            (p("198001012005011003"), k(8)),
            (p("198001012005011004"), k(2)),
            (p("198001012005011006"), k(4)),
        ];
        let m = transitions(before, after);
        assert_eq!(m.get(k(7), k(9)), 1);
        assert_eq!(m.get(k(9), k(9)), 1);
        assert_eq!(m.get(k(5), k(8)), 1);
        assert_eq!(m.get(k(5), k(2)), 1);
        assert_eq!(m.entered[3], 1);
        assert_eq!(m.left[0], 1);
        assert_eq!(
            (m.stayed_placed(), m.up(), m.down(), m.same()),
            (4, 2, 1, 1)
        );
    }

    #[test]
    fn a_reader_of_counts_sees_no_small_move_nor_one_the_sums_give_back() {
        let rule = Privasi {
            min_cell: 5,
            source: String::new(),
        };
        let mut m = Matrix::default();
        // Forty stayed in box 5, thirty in box 8, twenty moved 5 → 8, one
        // (a unit's head) moved 8 → 9.
        m.counts[4][4] = 40;
        m.counts[7][7] = 30;
        m.counts[4][7] = 20;
        m.counts[7][8] = 1;
        m.entered[4] = 6;
        let everything = m.shown(None);
        assert_eq!(everything.counts[7][8], Some(1));
        assert_eq!(everything.up, Some(21));

        let shown = m.shown(Some(&rule));
        assert_eq!(shown.counts[7][8], None);
        assert_eq!(shown.counts[4][4], Some(40));
        for (row, values) in shown.counts.iter().zip(&m.counts) {
            for (shown, n) in row.iter().zip(values) {
                assert!(shown.is_none_or(|s| s == *n && s >= 5), "{shown:?} of {n}");
            }
        }
        // Moved up, stayed, moved down: none gives a hidden count back.
        let line = |keep: fn(usize, usize) -> bool| {
            let mut hidden = Vec::new();
            for (a, row) in shown.counts.iter().enumerate() {
                for (b, cell) in row.iter().enumerate() {
                    if keep(a, b) && cell.is_none() {
                        hidden.push(m.counts[a][b]);
                    }
                }
            }
            hidden
        };
        for (total, hidden) in [
            (shown.up, line(|a, b| b > a)),
            (shown.same, line(|a, b| b == a)),
            (shown.down, line(|a, b| b < a)),
        ] {
            if total.is_some() && !hidden.is_empty() {
                assert!(hidden.len() >= 2 && hidden.iter().sum::<u32>() >= 5);
            }
        }
    }
}
