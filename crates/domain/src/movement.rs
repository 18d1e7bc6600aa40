//! Movement between two periods: the transition matrix of final boxes
//! (box in the earlier period × box in the later one), with the people who
//! appear only in one of them (entered: newly placed; left: no longer
//! placed or no longer employed).

use std::collections::HashMap;

use serde::Serialize;

use crate::nine_box::Kotak;

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
pub fn transitions<'a>(
    before: impl IntoIterator<Item = (&'a str, Kotak)>,
    after: impl IntoIterator<Item = (&'a str, Kotak)>,
) -> Matrix {
    let mut earlier: HashMap<&str, Kotak> = before.into_iter().collect();
    let mut matrix = Matrix::default();
    for (nip, to) in after {
        match earlier.remove(nip) {
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
        let before = [
            ("A", k(7)),
            ("B", k(9)),
            ("C", k(5)),
            ("D", k(5)),
            ("E", k(1)),
        ];
        let after = [
            ("A", k(9)),
            ("B", k(9)),
            ("C", k(8)),
            ("D", k(2)),
            ("F", k(4)),
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
}
