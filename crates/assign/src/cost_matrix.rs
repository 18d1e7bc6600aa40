//! The dense cost matrix: one contiguous row-major `f64` buffer, so that the
//! solver reads a whole row as one slice (cache lines and the hardware
//! prefetcher do the rest) and nothing is boxed per cell.

use crate::{AssignError, MAX_ABS_COST};

/// The value stored for a forbidden pair. NaN is used because every
/// comparison with it is false: a reduced cost computed from a forbidden cell
/// never improves a tentative distance, so the pair is simply not an edge,
/// with no big-M that could leak into a total. User costs can never be NaN
/// (construction rejects them), so the marker is unambiguous.
pub(crate) const FORBIDDEN: f64 = f64::NAN;

/// A dense `rows x cols` cost matrix in which some pairs may be forbidden.
///
/// Every allowed cost is finite with magnitude at most [`MAX_ABS_COST`];
/// the constructors check this, so the solver never sees NaN or infinity
/// as a cost.
#[derive(Debug, Clone)]
pub struct CostMatrix {
    rows: usize,
    cols: usize,
    /// Row-major; `FORBIDDEN` marks a pair that has no edge.
    cells: Vec<f64>,
}

impl CostMatrix {
    /// A matrix with every pair allowed, from row-major costs.
    ///
    /// # Errors
    /// [`AssignError::ShapeMismatch`] if `costs.len() != rows * cols`;
    /// [`AssignError::InvalidCost`] for the first NaN, infinite or too large cost.
    pub fn new(rows: usize, cols: usize, costs: Vec<f64>) -> Result<Self, AssignError> {
        check_shape(rows, cols, costs.len())?;
        if let Some(position) = costs.iter().position(|&c| !is_valid_cost(c)) {
            let value = costs.get(position).copied().unwrap_or(f64::NAN);
            return Err(invalid_cost(position, cols, value));
        }
        Ok(Self {
            rows,
            cols,
            cells: costs,
        })
    }

    /// A matrix from row-major cells where `None` marks a forbidden pair.
    ///
    /// # Errors
    /// As for [`CostMatrix::new`].
    pub fn from_cells(
        rows: usize,
        cols: usize,
        cells: impl IntoIterator<Item = Option<f64>>,
    ) -> Result<Self, AssignError> {
        let cells = cells.into_iter();
        // Trust the size hint only as far as the shape allows, so a wrong
        // shape is an error rather than a huge allocation.
        let mut buffer = Vec::with_capacity(cells.size_hint().0.min(rows.saturating_mul(cols)));
        for (position, cell) in cells.enumerate() {
            buffer.push(match cell {
                Some(value) if is_valid_cost(value) => value,
                Some(value) => return Err(invalid_cost(position, cols, value)),
                None => FORBIDDEN,
            });
        }
        check_shape(rows, cols, buffer.len())?;
        Ok(Self {
            rows,
            cols,
            cells: buffer,
        })
    }

    /// Builds from a buffer whose cells were already validated (or are
    /// `FORBIDDEN`), as the CSV reader does while parsing.
    pub(crate) fn from_validated(rows: usize, cols: usize, cells: Vec<f64>) -> Self {
        debug_assert_eq!(cells.len(), rows * cols);
        debug_assert!(cells.iter().all(|&c| c.is_nan() || is_valid_cost(c)));
        Self { rows, cols, cells }
    }

    /// Marks the pair `(row, col)` as forbidden: it will never be assigned.
    ///
    /// # Errors
    /// [`AssignError::OutOfBounds`] if the cell is outside the matrix.
    pub fn forbid(&mut self, row: usize, col: usize) -> Result<(), AssignError> {
        let index = self.index(row, col)?;
        if let Some(cell) = self.cells.get_mut(index) {
            *cell = FORBIDDEN;
        }
        Ok(())
    }

    /// The cost of `(row, col)`, or `None` if the pair is forbidden.
    ///
    /// # Errors
    /// [`AssignError::OutOfBounds`] if the cell is outside the matrix.
    pub fn cost(&self, row: usize, col: usize) -> Result<Option<f64>, AssignError> {
        let index = self.index(row, col)?;
        Ok(self.cells.get(index).copied().filter(|c| !c.is_nan()))
    }

    /// Number of rows.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of columns.
    #[must_use]
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// The raw row-major buffer, with `FORBIDDEN` (NaN) for forbidden pairs.
    pub(crate) fn cells(&self) -> &[f64] {
        &self.cells
    }

    fn index(&self, row: usize, col: usize) -> Result<usize, AssignError> {
        if row < self.rows && col < self.cols {
            Ok(row * self.cols + col)
        } else {
            Err(AssignError::OutOfBounds {
                row,
                col,
                rows: self.rows,
                cols: self.cols,
            })
        }
    }
}

/// Two matrices are equal when they have the same shape, the same forbidden
/// pairs and equal costs everywhere else (the NaN marker compares equal to
/// itself here, unlike in `f64`).
impl PartialEq for CostMatrix {
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows
            && self.cols == other.cols
            && self
                .cells
                .iter()
                .zip(&other.cells)
                .all(|(a, b)| a == b || (a.is_nan() && b.is_nan()))
    }
}

/// Whether `value` may be used as a cost: finite and small enough that the
/// sums the solver forms (potentials, path lengths) stay far from overflow.
pub(crate) fn is_valid_cost(value: f64) -> bool {
    value.abs() <= MAX_ABS_COST
}

fn invalid_cost(position: usize, cols: usize, value: f64) -> AssignError {
    let row = position.checked_div(cols).unwrap_or(0);
    let col = position.checked_rem(cols).unwrap_or(position);
    AssignError::InvalidCost { row, col, value }
}

fn check_shape(rows: usize, cols: usize, actual: usize) -> Result<(), AssignError> {
    let expected = rows.saturating_mul(cols);
    if expected == actual && rows.checked_mul(cols).is_some() {
        Ok(())
    } else {
        Err(AssignError::ShapeMismatch {
            rows,
            cols,
            expected,
            actual,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_nan_infinite_and_huge_costs_with_their_position() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300] {
            let error = CostMatrix::new(2, 3, vec![0.0, 1.0, 2.0, 3.0, bad, 5.0]).unwrap_err();
            match error {
                AssignError::InvalidCost { row, col, value } => {
                    assert_eq!((row, col), (1, 1));
                    assert!(value.is_nan() == bad.is_nan() && (bad.is_nan() || value == bad));
                }
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    #[test]
    fn shape_must_match_the_number_of_cells() {
        assert_eq!(
            CostMatrix::new(2, 2, vec![1.0; 3]),
            Err(AssignError::ShapeMismatch {
                rows: 2,
                cols: 2,
                expected: 4,
                actual: 3
            })
        );
        assert!(matches!(
            CostMatrix::from_cells(usize::MAX, 2, []),
            Err(AssignError::ShapeMismatch { .. })
        ));
    }

    #[test]
    fn forbidden_cells_read_back_as_none() {
        let mut m = CostMatrix::from_cells(2, 2, [Some(1.0), None, Some(-2.5), Some(0.0)]).unwrap();
        assert_eq!(m.cost(0, 0), Ok(Some(1.0)));
        assert_eq!(m.cost(0, 1), Ok(None));
        assert_eq!(m.cost(1, 0), Ok(Some(-2.5)));
        m.forbid(1, 1).unwrap();
        assert_eq!(m.cost(1, 1), Ok(None));
        assert!(matches!(
            m.forbid(2, 0),
            Err(AssignError::OutOfBounds { row: 2, .. })
        ));
        assert!(matches!(
            m.cost(0, 2),
            Err(AssignError::OutOfBounds { col: 2, .. })
        ));
    }
}
