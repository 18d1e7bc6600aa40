//! The public entry point: orient the problem so that rows <= columns (as
//! scipy does, by transposing a tall matrix rather than padding it), choose the
//! sign, solve, and express the result and the duals in the caller's terms.

use crate::augment::{Stuck, WideSolution, solve_wide};
use crate::{AssignError, CostMatrix, Side};

/// Whether the total is to be made as small or as large as possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Objective {
    /// Smallest total cost (for example, distances or gaps).
    #[default]
    Minimize,
    /// Largest total (for example, fit scores).
    Maximize,
}

/// An optimal assignment with the dual potentials that certify it.
///
/// When `rows <= cols` every row is assigned; otherwise every column is.
///
/// The duals satisfy, up to floating-point rounding, for every allowed pair
/// `(i, j)`: `row_duals[i] + col_duals[j] <= cost(i, j)` when minimising
/// (`>=` when maximising), with equality on assigned pairs; the duals of the
/// larger side are `<= 0` (`>= 0` when maximising) and exactly 0 where
/// unassigned. [`Assignment::certify`] checks all of this.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub(crate) objective: Objective,
    pub(crate) pairs: Vec<(usize, usize)>,
    pub(crate) total: f64,
    pub(crate) row_duals: Vec<f64>,
    pub(crate) col_duals: Vec<f64>,
}

impl Assignment {
    /// The assigned `(row, col)` pairs, in ascending row order.
    #[must_use]
    pub fn pairs(&self) -> &[(usize, usize)] {
        &self.pairs
    }

    /// Sum of the costs of the assigned pairs, added in row order.
    #[must_use]
    pub fn total(&self) -> f64 {
        self.total
    }

    /// One potential per row.
    #[must_use]
    pub fn row_duals(&self) -> &[f64] {
        &self.row_duals
    }

    /// One potential per column.
    #[must_use]
    pub fn col_duals(&self) -> &[f64] {
        &self.col_duals
    }

    /// The objective this assignment optimises.
    #[must_use]
    pub fn objective(&self) -> Objective {
        self.objective
    }
}

/// Finds an assignment of optimal total.
///
/// Exact (up to floating-point rounding in the potentials), deterministic,
/// and `O(n^2 m)` in the worst case for `n = min(rows, cols)`,
/// `m = max(rows, cols)`; far less on typical inputs. Ties are broken as
/// described in the crate documentation, so equal inputs give equal outputs.
///
/// # Errors
/// [`AssignError::Infeasible`] if no assignment covers the smaller side
/// because of forbidden pairs, with the rows or columns that prove it.
pub fn solve(costs: &CostMatrix, objective: Objective) -> Result<Assignment, AssignError> {
    let (rows, cols) = (costs.rows(), costs.cols());
    let transposed = rows > cols;
    let wide = if transposed {
        let transposed_cells = transpose(costs.cells(), rows, cols);
        solve_oriented(&transposed_cells, cols, rows, objective)
    } else {
        solve_oriented(costs.cells(), rows, cols, objective)
    };
    let small_side = if transposed {
        Side::Columns
    } else {
        Side::Rows
    };
    let WideSolution { col4row, u, v } = wide.map_err(|stuck| infeasible(small_side, stuck))?;

    let mut pairs: Vec<(usize, usize)> = col4row
        .into_iter()
        .enumerate()
        .map(|(small, large)| {
            if transposed {
                (large, small)
            } else {
                (small, large)
            }
        })
        .collect();
    pairs.sort_unstable();
    let total = pairs
        .iter()
        .map(|&(row, col)| costs.cost(row, col).ok().flatten().unwrap_or(0.0))
        .sum();
    // The solver minimised the negated costs when maximising: negate its duals
    // back so they bound the caller's costs from above.
    let to_caller = |duals: Vec<f64>| match objective {
        Objective::Minimize => duals,
        Objective::Maximize => duals.into_iter().map(|d| -d).collect(),
    };
    let (row_duals, col_duals) = if transposed {
        (to_caller(v), to_caller(u))
    } else {
        (to_caller(u), to_caller(v))
    };
    Ok(Assignment {
        objective,
        pairs,
        total,
        row_duals,
        col_duals,
    })
}

fn infeasible(side: Side, stuck: Stuck) -> AssignError {
    AssignError::Infeasible {
        side,
        stuck: stuck.rows,
        partners: stuck.cols,
    }
}

fn solve_oriented(
    cells: &[f64],
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<WideSolution, Stuck> {
    match objective {
        Objective::Minimize => solve_wide::<false>(cells, rows, cols),
        Objective::Maximize => solve_wide::<true>(cells, rows, cols),
    }
}

/// Column-major copy of a row-major `rows x cols` buffer, in cache-sized
/// tiles so that neither side is walked with a large stride for long.
fn transpose(cells: &[f64], rows: usize, cols: usize) -> Vec<f64> {
    const TILE: usize = 32;
    let mut out = vec![0.0; cells.len()];
    if rows == 0 || cols == 0 {
        return out;
    }
    for row_start in (0..rows).step_by(TILE) {
        for col_start in (0..cols).step_by(TILE) {
            for row in row_start..(row_start + TILE).min(rows) {
                let source_row = cells.chunks_exact(cols).nth(row).unwrap_or_default();
                let tile_end = (col_start + TILE).min(cols);
                let source = source_row.get(col_start..tile_end).unwrap_or_default();
                for (col, &value) in (col_start..tile_end).zip(source) {
                    if let Some(slot) = out.get_mut(col * rows + row) {
                        *slot = value;
                    }
                }
            }
        }
    }
    out
}
