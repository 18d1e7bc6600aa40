//! Why a matrix cannot be solved. Every failure is a value, never a panic, so
//! the CLI and the web tier can tell the user what to fix.

/// One side of the assignment: the rows or the columns of the cost matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The rows of the cost matrix (for example, candidates).
    Rows,
    /// The columns of the cost matrix (for example, positions).
    Columns,
}

impl Side {
    /// The other side of the bipartite graph.
    #[must_use]
    pub fn opposite(self) -> Self {
        match self {
            Self::Rows => Self::Columns,
            Self::Columns => Self::Rows,
        }
    }
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Rows => "rows",
            Self::Columns => "columns",
        })
    }
}

/// A cost matrix that cannot be built or solved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AssignError {
    /// A cost is NaN, infinite, or so large that sums of costs could overflow.
    /// Forbidden pairs are not expressed with infinities but with
    /// [`CostMatrix::forbid`](crate::CostMatrix::forbid) or an empty cell.
    #[error(
        "cost at row {row}, column {col} is {value}: costs must be finite numbers of magnitude \
         at most {max:e} (leave a pair forbidden instead of giving it an infinite cost)",
        max = crate::MAX_ABS_COST
    )]
    InvalidCost {
        /// 0-based row index.
        row: usize,
        /// 0-based column index.
        col: usize,
        /// The offending value.
        value: f64,
    },

    /// The number of cells given does not match `rows * cols`.
    #[error("a {rows} x {cols} matrix has {expected} cells, but {actual} were given")]
    ShapeMismatch {
        /// Rows requested.
        rows: usize,
        /// Columns requested.
        cols: usize,
        /// `rows * cols` (saturating).
        expected: usize,
        /// Cells actually supplied.
        actual: usize,
    },

    /// A cell index outside the matrix.
    #[error("cell (row {row}, column {col}) is outside the {rows} x {cols} matrix")]
    OutOfBounds {
        /// 0-based row index asked for.
        row: usize,
        /// 0-based column index asked for.
        col: usize,
        /// Rows of the matrix.
        rows: usize,
        /// Columns of the matrix.
        cols: usize,
    },

    /// No assignment covers every element of the smaller side. The fields are
    /// a Hall violator that proves it: the `stuck` elements (all on side
    /// `side`) are allowed to pair only with the `partners` (on the opposite
    /// side), and there are fewer partners than stuck elements.
    #[error(
        "infeasible: no assignment covers all {side}; {stuck_count} of them can only take \
         {partner_count} {partner_side} between them",
        stuck_count = stuck.len(),
        partner_count = partners.len(),
        partner_side = side.opposite()
    )]
    Infeasible {
        /// The side that cannot be covered (the smaller one).
        side: Side,
        /// 0-based indices on `side`, ascending.
        stuck: Vec<usize>,
        /// 0-based indices on the opposite side, ascending: every allowed
        /// partner of every stuck element; `partners.len() < stuck.len()`.
        partners: Vec<usize>,
    },
}
