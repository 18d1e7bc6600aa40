//! Shortest augmenting paths on a "wide" problem (rows <= columns), after
//! Crouse (2016) and scipy's `rectangular_lsap`: rows are added one at a time
//! in index order; for each, a Dijkstra search over reduced costs finds the
//! cheapest alternating path to a free column, the dual potentials move so
//! every edge keeps a non-negative reduced cost and the path becomes tight,
//! and the matching is flipped along the path.
//!
//! Invariants after each row (exact arithmetic): `u[i] + v[j] <= c[i][j]` for
//! every allowed pair, equality on matched pairs, `v[j] <= 0` for every column
//! and `v[j] == 0` for every free one. Together they prove optimality (see
//! `certificate.rs`). No memory is allocated once the first search starts.

use crate::relax::{FREE, Frontier, Relaxed};

/// An optimal matching of every row of a wide problem, with its duals.
#[derive(Debug)]
pub(crate) struct WideSolution {
    /// The column matched to each row.
    pub(crate) col4row: Vec<usize>,
    /// Row potentials.
    pub(crate) u: Vec<f64>,
    /// Column potentials.
    pub(crate) v: Vec<f64>,
}

/// Proof that some rows cannot all be matched: the `rows` may only use the
/// `cols`, and there are fewer of them (a Hall violator). Both ascending.
#[derive(Debug)]
pub(crate) struct Stuck {
    pub(crate) rows: Vec<usize>,
    pub(crate) cols: Vec<usize>,
}

/// Solves a wide problem (`rows <= cols`, row-major `cells` of length
/// `rows * cols`, NaN = forbidden), minimising the costs, or their negation
/// when `NEGATE`.
pub(crate) fn solve_wide<const NEGATE: bool>(
    cells: &[f64],
    rows: usize,
    cols: usize,
) -> Result<WideSolution, Stuck> {
    debug_assert!(rows <= cols && cells.len() == rows * cols);
    let mut search = Search {
        cells,
        cols,
        u: vec![0.0; rows],
        v: vec![0.0; cols],
        col4row: vec![FREE; rows],
        row4col: vec![FREE; cols],
        frontier: Frontier::new(cols),
        settled: Vec::with_capacity(rows),
    };
    for root in 0..rows {
        search.augment::<NEGATE>(root)?;
    }
    Ok(WideSolution {
        col4row: search.col4row,
        u: search.u,
        v: search.v,
    })
}

/// Working state, allocated once per solve.
struct Search<'a> {
    cells: &'a [f64],
    cols: usize,
    u: Vec<f64>,
    v: Vec<f64>,
    col4row: Vec<usize>,
    row4col: Vec<usize>,
    frontier: Frontier,
    /// Columns settled in the current search (all matched), with their final distance.
    settled: Vec<(usize, f64)>,
}

impl<'a> Search<'a> {
    fn row_costs(&self, row: usize) -> &'a [f64] {
        let cells: &'a [f64] = self.cells;
        cells.chunks_exact(self.cols).nth(row).unwrap_or_default()
    }

    fn u(&self, row: usize) -> f64 {
        self.u.get(row).copied().unwrap_or(0.0)
    }

    fn owner(&self, col: usize) -> usize {
        self.row4col.get(col).copied().unwrap_or(FREE)
    }

    /// Adds row `root` to the matching.
    fn augment<const NEGATE: bool>(&mut self, root: usize) -> Result<(), Stuck> {
        self.settled.clear();
        let mut relaxed = {
            let (costs, offset) = (self.row_costs(root), -self.u(root));
            self.frontier
                .relax_root::<NEGATE>(costs, &self.v, offset, root)
        };
        let sink = loop {
            let min_dist = match relaxed {
                Relaxed::FreeColumn(col) => break col,
                Relaxed::Lowest(lowest) if lowest < f64::INFINITY => lowest,
                Relaxed::Lowest(_) => return Err(self.stuck(root)),
            };
            let Some(col) = self.frontier.pick(&self.row4col, min_dist) else {
                return Err(self.stuck(root));
            };
            let owner = self.owner(col);
            if owner == FREE {
                break col;
            }
            self.settled.push((col, min_dist));
            self.frontier.settle(col);
            let (costs, offset) = (self.row_costs(owner), min_dist - self.u(owner));
            relaxed = self.frontier.relax::<NEGATE>(
                costs,
                &self.v,
                &self.row4col,
                offset,
                owner,
                min_dist,
            );
        };
        self.update_potentials(root, self.frontier.dist(sink));
        self.flip_path(root, sink);
        Ok(())
    }

    /// Moves the potentials after a search that reached a free column at
    /// distance `sink_dist`: each settled column (and the row holding it)
    /// moves by `sink_dist - its distance`, which keeps reduced costs
    /// non-negative and makes the whole path tight. Columns not settled keep
    /// their potential, so free columns stay at 0.
    fn update_potentials(&mut self, root: usize, sink_dist: f64) {
        if let Some(u) = self.u.get_mut(root) {
            *u += sink_dist;
        }
        for &(col, dist) in &self.settled {
            let delta = sink_dist - dist;
            let owner = self.row4col.get(col).copied().unwrap_or(FREE);
            if let Some(u) = self.u.get_mut(owner) {
                *u += delta;
            }
            if let Some(v) = self.v.get_mut(col) {
                *v -= delta;
            }
        }
    }

    /// Flips the matching along the predecessor chain from `sink` back to `root`.
    fn flip_path(&mut self, root: usize, sink: usize) {
        let mut col = sink;
        while let (Some(row), Some(owner)) = (self.frontier.pred(col), self.row4col.get_mut(col)) {
            *owner = row;
            let Some(previous) = self.col4row.get_mut(row) else {
                break;
            };
            col = std::mem::replace(previous, col);
            if row == root {
                break;
            }
        }
    }

    /// The Hall violator found when the search from `root` ran out of
    /// reachable columns: the root and the rows holding settled columns can
    /// only reach the settled columns, one fewer than themselves.
    fn stuck(&self, root: usize) -> Stuck {
        let mut cols: Vec<usize> = self.settled.iter().map(|&(col, _)| col).collect();
        let mut rows: Vec<usize> = cols.iter().map(|&col| self.owner(col)).collect();
        rows.push(root);
        rows.sort_unstable();
        cols.sort_unstable();
        Stuck { rows, cols }
    }
}
