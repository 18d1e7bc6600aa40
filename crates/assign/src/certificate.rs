//! An optimality certificate that needs no second solver: linear-programming
//! duality. For a minimisation with rows <= columns, if the duals satisfy
//!
//! * `u[i] + v[j] <= c[i][j]` for every allowed pair (dual feasibility),
//! * `v[j] <= 0` for every column, and `v[j] == 0` for unassigned ones,
//! * `u[i] + v[j] == c[i][j]` on every assigned pair (complementary slackness),
//!
//! then any assignment `x` of all rows costs at least
//! `sum u + sum over used columns of v`, which is at least `sum u + sum v`,
//! and ours costs exactly `sum u + sum v`: it is optimal.
//! The roles of rows and columns swap when rows > columns, and every
//! inequality flips when maximising. Checking is `O(rows * cols)`, cheap next
//! to solving, so callers (and the property tests) can verify every answer.

use crate::{Assignment, CostMatrix, Objective, Side};

/// Why an [`Assignment`] does not prove itself optimal for a matrix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CertificateError {
    /// The duals or pairs do not fit the matrix's shape.
    #[error("the assignment does not fit a {rows} x {cols} matrix")]
    Shape {
        /// Rows of the matrix.
        rows: usize,
        /// Columns of the matrix.
        cols: usize,
    },
    /// A row or column appears in two pairs.
    #[error("{side} {index} is assigned twice")]
    Reused {
        /// The side of the repeated element.
        side: Side,
        /// Its index.
        index: usize,
    },
    /// Fewer pairs than the smaller side has elements.
    #[error("only {pairs} pairs, but all {needed} elements of the smaller side must be assigned")]
    Incomplete {
        /// Pairs given.
        pairs: usize,
        /// `min(rows, cols)`.
        needed: usize,
    },
    /// An assigned pair is forbidden.
    #[error("pair (row {row}, column {col}) is forbidden")]
    Forbidden {
        /// Row of the pair.
        row: usize,
        /// Column of the pair.
        col: usize,
    },
    /// `u[row] + v[col]` is on the wrong side of the cost by more than the tolerance.
    #[error("duals violate feasibility at (row {row}, column {col}) by {excess:e}")]
    Infeasible {
        /// Row of the pair.
        row: usize,
        /// Column of the pair.
        col: usize,
        /// By how much.
        excess: f64,
    },
    /// An assigned pair is not tight: `u[row] + v[col] != cost`.
    #[error("assigned pair (row {row}, column {col}) is not tight: gap {gap:e}")]
    NotTight {
        /// Row of the pair.
        row: usize,
        /// Column of the pair.
        col: usize,
        /// `cost - u - v`.
        gap: f64,
    },
    /// A dual of the larger side has the wrong sign, or is not zero although
    /// its element is unassigned.
    #[error("dual of {side} {index} is {value:e}, which the larger side does not allow there")]
    Sign {
        /// The larger side.
        side: Side,
        /// Index of the element.
        index: usize,
        /// Its dual.
        value: f64,
    },
    /// The reported total is not the sum of the assigned costs.
    #[error("reported total {reported} differs from the sum of assigned costs {actual}")]
    Total {
        /// [`Assignment::total`].
        reported: f64,
        /// Recomputed sum.
        actual: f64,
    },
}

impl Assignment {
    /// Checks that this assignment is optimal for `costs`, using its duals.
    ///
    /// `tolerance` is relative: violations up to `tolerance * (1 + max |cost|)`
    /// are accepted, to absorb floating-point rounding in the potentials
    /// (`1e-9` is ample for the sizes this crate targets).
    ///
    /// # Errors
    /// The first violated condition, naming the row, column or side.
    pub fn certify(&self, costs: &CostMatrix, tolerance: f64) -> Result<(), CertificateError> {
        let (rows, cols) = (costs.rows(), costs.cols());
        if self.row_duals.len() != rows || self.col_duals.len() != cols {
            return Err(CertificateError::Shape { rows, cols });
        }
        let allowed = costs.cells().iter().copied().filter(|c| !c.is_nan());
        let scale = allowed.fold(1.0_f64, |acc, c| acc.max(1.0 + c.abs()));
        let slack = tolerance * scale;
        // Orient every comparison as a minimisation: negate when maximising.
        let sign = match self.objective {
            Objective::Minimize => 1.0,
            Objective::Maximize => -1.0,
        };

        let mut row_used = vec![false; rows];
        let mut col_used = vec![false; cols];
        let mut actual_total = 0.0;
        for &(row, col) in &self.pairs {
            let cost = match costs.cost(row, col) {
                Ok(Some(cost)) => cost,
                Ok(None) => return Err(CertificateError::Forbidden { row, col }),
                Err(_) => return Err(CertificateError::Shape { rows, cols }),
            };
            mark_used(&mut row_used, Side::Rows, row)?;
            mark_used(&mut col_used, Side::Columns, col)?;
            actual_total += cost;
            let gap = sign * (cost - self.row_dual(row) - self.col_dual(col));
            if gap.abs() > slack {
                return Err(CertificateError::NotTight { row, col, gap });
            }
        }
        if self.pairs.len() != rows.min(cols) {
            return Err(CertificateError::Incomplete {
                pairs: self.pairs.len(),
                needed: rows.min(cols),
            });
        }
        if (actual_total - self.total).abs() > slack * (1.0 + self.pairs.len() as f64) {
            return Err(CertificateError::Total {
                reported: self.total,
                actual: actual_total,
            });
        }

        if cols > 0 {
            let cost_rows = costs.cells().chunks_exact(cols);
            for (row, (cost_row, &u)) in cost_rows.zip(&self.row_duals).enumerate() {
                for (col, (&cost, &v)) in cost_row.iter().zip(&self.col_duals).enumerate() {
                    // NaN marks a forbidden pair: no constraint, and the comparison is false.
                    let excess = sign * (u + v - cost);
                    if excess > slack {
                        return Err(CertificateError::Infeasible { row, col, excess });
                    }
                }
            }
        }

        // In a square problem every element is assigned (equality
        // constraints), so no sign condition applies.
        let larger = match rows.cmp(&cols) {
            std::cmp::Ordering::Less => Some((Side::Columns, &self.col_duals, &col_used)),
            std::cmp::Ordering::Greater => Some((Side::Rows, &self.row_duals, &row_used)),
            std::cmp::Ordering::Equal => None,
        };
        if let Some((side, duals, used)) = larger {
            for (index, (&dual, &is_used)) in duals.iter().zip(used.iter()).enumerate() {
                let oriented = sign * dual;
                if oriented > slack || (!is_used && oriented.abs() > slack) {
                    return Err(CertificateError::Sign {
                        side,
                        index,
                        value: dual,
                    });
                }
            }
        }
        Ok(())
    }

    fn row_dual(&self, row: usize) -> f64 {
        self.row_duals.get(row).copied().unwrap_or(f64::NAN)
    }

    fn col_dual(&self, col: usize) -> f64 {
        self.col_duals.get(col).copied().unwrap_or(f64::NAN)
    }
}

fn mark_used(used: &mut [bool], side: Side, index: usize) -> Result<(), CertificateError> {
    match used.get_mut(index) {
        Some(slot) if !*slot => {
            *slot = true;
            Ok(())
        }
        _ => Err(CertificateError::Reused { side, index }),
    }
}
