//! Exact rectangular linear assignment for jointly optimal placement: fill
//! all open positions of a period together so that the total fit is maximal
//! under hard eligibility rules (forbidden pairs), instead of ranking
//! candidates one position at a time.
//!
//! * [`solve`] finds an optimal assignment of a [`CostMatrix`] by shortest
//!   augmenting paths (the Jonker-Volgenant family, as in scipy's
//!   `linear_sum_assignment`), with `rows != cols` handled natively rather
//!   than by padding, and returns the dual potentials.
//! * [`Assignment::certify`] checks those duals: a proof of optimality that
//!   needs no second solver.
//! * [`matrix_csv`] reads a labelled dense matrix from CSV bytes.
//!
//! Pure: no I/O, no clock, no global state, and deterministic: equal inputs
//! give equal outputs (the tie rule is documented in `docs/assign.md`).
//! See that note for the algorithm, the measurements and the design choices.
//!
//! ```
//! use talenta_assign::{CostMatrix, Objective, solve};
//!
//! // Fit of 2 candidates (rows) for 3 positions (columns); candidate 1 is
//! // not eligible for position 1. Giving position 0 to its best candidate
//! // (row 0, fit 9) leaves row 1 only position 2: 9 + 2 = 11. Jointly: 8 + 7.
//! let fit = CostMatrix::from_cells(
//!     2,
//!     3,
//!     [Some(9.0), Some(8.0), Some(1.0), Some(7.0), None, Some(2.0)],
//! )?;
//! let plan = solve(&fit, Objective::Maximize)?;
//! assert_eq!(plan.pairs(), &[(0, 1), (1, 0)]);
//! assert_eq!(plan.total(), 15.0);
//! plan.certify(&fit, 1e-9)?; // the duals prove that no plan does better
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod augment;
mod certificate;
mod cost_matrix;
mod error;
pub mod matrix_csv;
mod relax;
mod solve;

pub use certificate::CertificateError;
pub use cost_matrix::CostMatrix;
pub use error::{AssignError, Side};
pub use solve::{Assignment, Objective, solve};

/// Largest accepted magnitude of a cost. Potentials are sums of up to
/// `2 * min(rows, cols)` costs; this bound keeps them (and every reduced cost)
/// far from `f64` overflow, which would otherwise pass for a forbidden pair.
pub const MAX_ABS_COST: f64 = 1e100;
