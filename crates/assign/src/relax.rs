//! The hot loops of the shortest-path search: relaxing every edge of one row,
//! and picking the next column to settle.
//!
//! Design, driven by measurement (see `docs/assign.md`):
//!
//! * Columns are visited in their natural order, not through a list of
//!   "remaining" columns as in scipy, so the cost row streams sequentially
//!   from memory; on large matrices that stream is the bottleneck.
//! * A settled column is marked by a NaN distance. Every comparison with NaN
//!   is false, so a settled column is neither improved nor picked again, with
//!   no separate mask to load.
//! * Predecessors are stored as `f64` (row indices are exact below 2^53), so
//!   one comparison mask blends both the distance and the predecessor.
//! * The arithmetic is written with `wide`'s 4-lane vectors: safe code that
//!   compiles to packed SSE2 (or AVX) instructions. Plain iterator code
//!   autovectorised badly here (LLVM turned the blends into branches).
//! * The row is processed in blocks of [`BLOCK`] columns whose minima are
//!   kept, so picking the next column only rescans the blocks that hold the
//!   minimum instead of every column.

use wide::{CmpEq, CmpLt, f64x4};

/// Columns per block of `block_min`.
pub(crate) const BLOCK: usize = 64;

/// The distance of a column already settled in the current search.
pub(crate) const SETTLED: f64 = f64::NAN;

/// `row4col` value of a column that no row holds.
pub(crate) const FREE: usize = usize::MAX;

/// The working arrays of one search, one entry per column.
#[derive(Debug)]
pub(crate) struct Frontier {
    /// Tentative distance of each column; [`SETTLED`] once final.
    dist: Vec<f64>,
    /// The row (as `f64`) from which each column's distance was last lowered.
    pred: Vec<f64>,
    /// Minimum of `dist` over each block of [`BLOCK`] columns.
    block_min: Vec<f64>,
}

/// Outcome of relaxing a row that was reached during a search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Relaxed {
    /// The smallest tentative distance over the unsettled columns.
    Lowest(f64),
    /// A free column reached at no more than the current distance: the search
    /// can stop here, since no column can be closer (early exit).
    FreeColumn(usize),
}

/// Sign of the costs as the solver sees them: a maximisation is solved as the
/// minimisation of the negated costs, negated on the fly (no copy of a
/// possibly 400 MB matrix).
#[inline(always)]
fn signed<const NEGATE: bool>(cost: f64x4) -> f64x4 {
    if NEGATE { -cost } else { cost }
}

#[inline(always)]
fn signed_scalar<const NEGATE: bool>(cost: f64) -> f64 {
    if NEGATE { -cost } else { cost }
}

#[inline(always)]
fn min_keep(candidate: f64, current: f64) -> f64 {
    // Not `f64::min`: NaN (settled) must never win.
    if candidate < current {
        candidate
    } else {
        current
    }
}

impl Frontier {
    pub(crate) fn new(cols: usize) -> Self {
        Self {
            dist: vec![f64::INFINITY; cols],
            pred: vec![0.0; cols],
            block_min: vec![f64::INFINITY; cols.div_ceil(BLOCK)],
        }
    }

    /// First relaxation of a search, from its root `row`: every column gets a
    /// fresh distance `offset + cost - v` and the root as predecessor, so
    /// nothing from the previous search needs resetting. Forbidden cells
    /// (NaN) get `+inf`. Nothing bounds the distances from below yet, so this
    /// never stops early.
    pub(crate) fn relax_root<const NEGATE: bool>(
        &mut self,
        costs: &[f64],
        v: &[f64],
        offset: f64,
        row: usize,
    ) -> Relaxed {
        self.relax_rows::<NEGATE, true>(costs, v, &[], offset, row, f64::NEG_INFINITY)
    }

    /// Relaxation from a `row` reached at distance `floor` (the current
    /// minimum): a column's distance drops to `offset + cost - v` when that is
    /// strictly smaller, and its predecessor becomes `row`. Stops early when a
    /// free column's distance is at most `floor`.
    pub(crate) fn relax<const NEGATE: bool>(
        &mut self,
        costs: &[f64],
        v: &[f64],
        row4col: &[usize],
        offset: f64,
        row: usize,
        floor: f64,
    ) -> Relaxed {
        self.relax_rows::<NEGATE, false>(costs, v, row4col, offset, row, floor)
    }

    #[inline(always)]
    fn relax_rows<const NEGATE: bool, const ROOT: bool>(
        &mut self,
        costs: &[f64],
        v: &[f64],
        row4col: &[usize],
        offset: f64,
        row: usize,
        floor: f64,
    ) -> Relaxed {
        // Exact: row indices are far below 2^53.
        let row = row as f64;
        let (offset4, row4, inf4) = (
            f64x4::splat(offset),
            f64x4::splat(row),
            f64x4::splat(f64::INFINITY),
        );
        let mut lowest = f64::INFINITY;
        let blocks = costs
            .chunks(BLOCK)
            .zip(v.chunks(BLOCK))
            .zip(self.dist.chunks_mut(BLOCK))
            .zip(self.pred.chunks_mut(BLOCK))
            .zip(self.block_min.iter_mut());
        for (block, ((((costs, v), dist), pred), block_min)) in blocks.enumerate() {
            let (cost_quads, cost_tail) = costs.as_chunks::<4>();
            let (v_quads, v_tail) = v.as_chunks::<4>();
            let (dist_quads, dist_tail) = dist.as_chunks_mut::<4>();
            let (pred_quads, pred_tail) = pred.as_chunks_mut::<4>();
            let mut low4 = inf4;
            let quads = cost_quads
                .iter()
                .zip(v_quads)
                .zip(dist_quads)
                .zip(pred_quads);
            for (((&c, &v), d), p) in quads {
                let reduced = offset4 + signed::<NEGATE>(f64x4::from(c)) - f64x4::from(v);
                let (new_d, new_p) = if ROOT {
                    // `reduced < inf` is false for NaN (forbidden): those get +inf.
                    (reduced.cmp_lt(inf4).blend(reduced, inf4), row4)
                } else {
                    let old = f64x4::from(*d);
                    let better = reduced.cmp_lt(old);
                    (
                        better.blend(reduced, old),
                        better.blend(row4, f64x4::from(*p)),
                    )
                };
                *d = new_d.to_array();
                *p = new_p.to_array();
                low4 = new_d.cmp_lt(low4).blend(new_d, low4);
            }
            let mut low = low4
                .to_array()
                .into_iter()
                .fold(f64::INFINITY, |a, b| min_keep(b, a));
            let tail = cost_tail
                .iter()
                .zip(v_tail)
                .zip(dist_tail.iter_mut())
                .zip(pred_tail.iter_mut());
            for (((&c, &v), d), p) in tail {
                let reduced = offset + signed_scalar::<NEGATE>(c) - v;
                if ROOT {
                    *d = if reduced < f64::INFINITY {
                        reduced
                    } else {
                        f64::INFINITY
                    };
                    *p = row;
                } else if reduced < *d {
                    *d = reduced;
                    *p = row;
                }
                low = min_keep(*d, low);
            }
            *block_min = low;
            lowest = min_keep(low, lowest);
            if !ROOT && low <= floor {
                let owners = row4col.get(block * BLOCK..).unwrap_or_default();
                let free_here = dist
                    .iter()
                    .zip(owners)
                    .position(|(&d, &owner)| d <= floor && owner == FREE);
                if let Some(offset_in_block) = free_here {
                    return Relaxed::FreeColumn(block * BLOCK + offset_in_block);
                }
            }
        }
        Relaxed::Lowest(lowest)
    }

    /// The column to settle next, given the smallest distance `lowest`
    /// (finite): the lowest-index free column at that distance if there is
    /// one, otherwise the lowest-index column at that distance. Preferring a
    /// free column ends the search as early as possible; ties are frequent,
    /// because every edge on an earlier shortest path has reduced cost 0.
    pub(crate) fn pick(&self, row4col: &[usize], lowest: f64) -> Option<usize> {
        let target = f64x4::splat(lowest);
        let mut first_at_lowest = None;
        let blocks = self
            .dist
            .chunks(BLOCK)
            .zip(row4col.chunks(BLOCK))
            .zip(&self.block_min);
        for (block, ((dist, owners), &block_min)) in blocks.enumerate() {
            if block_min != lowest {
                continue;
            }
            let (quads, tail) = dist.as_chunks::<4>();
            let quad_hits = quads.iter().enumerate().flat_map(|(quad, &d)| {
                let mask = f64x4::from(d).cmp_eq(target).move_mask();
                (0..4)
                    .filter(move |lane| mask & (1 << lane) != 0)
                    .map(move |lane| 4 * quad + lane)
            });
            let tail_start = 4 * quads.len();
            let tail_hits = tail
                .iter()
                .enumerate()
                .filter(|&(_, &d)| d == lowest)
                .map(|(k, _)| tail_start + k);
            for offset in quad_hits.chain(tail_hits) {
                let col = block * BLOCK + offset;
                if owners.get(offset) == Some(&FREE) {
                    return Some(col);
                }
                first_at_lowest.get_or_insert(col);
            }
        }
        first_at_lowest
    }

    /// Marks `col` as settled: its distance is final and stored by the caller.
    pub(crate) fn settle(&mut self, col: usize) {
        if let Some(d) = self.dist.get_mut(col) {
            *d = SETTLED;
        }
    }

    /// The distance of `col` (NaN if settled or out of range).
    pub(crate) fn dist(&self, col: usize) -> f64 {
        self.dist.get(col).copied().unwrap_or(SETTLED)
    }

    /// The predecessor row of `col`.
    pub(crate) fn pred(&self, col: usize) -> Option<usize> {
        // Exact: stored from a usize row index.
        self.pred.get(col).map(|&row| row as usize)
    }
}
