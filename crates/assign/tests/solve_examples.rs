//! Hand-checked examples: known optima, the tie rule, errors, and the
//! certificate rejecting wrong answers.
// A test crate: helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use talenta_assign::{AssignError, CertificateError, CostMatrix, Objective, Side, solve};

/// The classic 3 x 3 example (scipy's docstring): optimum 5 with pairs
/// (0,1), (1,0), (2,2).
fn scipy_example() -> CostMatrix {
    CostMatrix::new(3, 3, vec![4.0, 1.0, 3.0, 2.0, 0.0, 5.0, 3.0, 2.0, 2.0]).unwrap()
}

/// Solving `costs` fails: the `stuck` elements of `side` can only go to
/// the fewer `partners`. The error, for its message.
fn infeasible(
    costs: &CostMatrix,
    objective: Objective,
    side: Side,
    stuck: Vec<usize>,
    partners: Vec<usize>,
) -> AssignError {
    let error = solve(costs, objective).unwrap_err();
    assert_eq!(
        error,
        AssignError::Infeasible {
            side,
            stuck,
            partners
        }
    );
    error
}

#[test]
fn solves_the_scipy_docstring_example() {
    let assignment = solve(&scipy_example(), Objective::Minimize).unwrap();
    assert_eq!(assignment.pairs(), &[(0, 1), (1, 0), (2, 2)]);
    assert_eq!(assignment.total(), 5.0);
    assert_eq!(assignment.certify(&scipy_example(), 1e-12), Ok(()));
}

#[test]
fn maximises_when_asked() {
    let assignment = solve(&scipy_example(), Objective::Maximize).unwrap();
    // 4 + 5 + 2 = 11 is the largest total.
    assert_eq!(assignment.total(), 11.0);
    assert_eq!(assignment.pairs(), &[(0, 0), (1, 2), (2, 1)]);
    assert_eq!(assignment.certify(&scipy_example(), 1e-12), Ok(()));
}

#[test]
fn wide_matrix_assigns_every_row_and_leaves_columns_free() {
    // Two candidates, four positions; fit scores to maximise.
    let fit = CostMatrix::new(2, 4, vec![9.0, 7.0, 1.0, 0.0, 8.0, 2.0, 0.0, 0.0]).unwrap();
    let assignment = solve(&fit, Objective::Maximize).unwrap();
    // Greedy would give row 0 column 0 (9) and row 1 column 1 (2): 11.
    // Jointly: row 0 -> 1 (7), row 1 -> 0 (8): 15.
    assert_eq!(assignment.pairs(), &[(0, 1), (1, 0)]);
    assert_eq!(assignment.total(), 15.0);
    assert_eq!(assignment.certify(&fit, 1e-12), Ok(()));
    // Unassigned columns have zero duals, as the certificate requires.
    assert_eq!(assignment.col_duals()[2], 0.0);
    assert_eq!(assignment.col_duals()[3], 0.0);
}

#[test]
fn tall_matrix_assigns_every_column() {
    let costs = CostMatrix::new(3, 2, vec![5.0, 1.0, 1.0, 5.0, 3.0, 3.0]).unwrap();
    let assignment = solve(&costs, Objective::Minimize).unwrap();
    assert_eq!(assignment.pairs(), &[(0, 1), (1, 0)]);
    assert_eq!(assignment.total(), 2.0);
    assert_eq!(assignment.row_duals().len(), 3);
    assert_eq!(assignment.certify(&costs, 1e-12), Ok(()));
}

#[test]
fn forbidden_pairs_are_never_used_even_when_cheapest() {
    let costs =
        CostMatrix::from_cells(2, 2, [None, Some(100.0), Some(100.0), Some(-1000.0)]).unwrap();
    let assignment = solve(&costs, Objective::Minimize).unwrap();
    assert_eq!(assignment.pairs(), &[(0, 1), (1, 0)]);
    assert_eq!(assignment.total(), 200.0);
}

#[test]
fn ties_go_to_the_lowest_index_free_column() {
    // A constant matrix: every assignment is optimal; the tie rule picks
    // the identity, row i -> column i.
    let costs = CostMatrix::new(4, 6, vec![3.0; 24]).unwrap();
    let assignment = solve(&costs, Objective::Minimize).unwrap();
    assert_eq!(assignment.pairs(), &[(0, 0), (1, 1), (2, 2), (3, 3)]);
}

#[test]
fn infeasible_instance_names_a_hall_violator() {
    // Rows 0 and 2 can only take column 1.
    let costs = CostMatrix::from_cells(
        3,
        3,
        [
            None,
            Some(1.0),
            None,
            Some(1.0),
            Some(1.0),
            Some(1.0),
            None,
            Some(2.0),
            None,
        ],
    )
    .unwrap();
    let error = infeasible(&costs, Objective::Minimize, Side::Rows, vec![0, 2], vec![1]);
    assert_eq!(
        error.to_string(),
        "infeasible: no assignment covers all rows; 2 of them can only take 1 columns between them"
    );
}

#[test]
fn a_row_with_no_allowed_pair_is_infeasible() {
    let costs = CostMatrix::from_cells(2, 3, [Some(1.0), None, None, None, None, None]).unwrap();
    infeasible(&costs, Objective::Maximize, Side::Rows, vec![1], vec![]);
}

#[test]
fn infeasible_tall_instance_reports_columns() {
    let costs =
        CostMatrix::from_cells(3, 2, [Some(1.0), None, Some(2.0), None, Some(3.0), None]).unwrap();
    infeasible(&costs, Objective::Minimize, Side::Columns, vec![1], vec![]);
}

#[test]
fn empty_matrices_have_empty_assignments() {
    for (rows, cols) in [(0, 0), (0, 3), (3, 0)] {
        let costs = CostMatrix::new(rows, cols, vec![]).unwrap();
        let assignment = solve(&costs, Objective::Minimize).unwrap();
        assert!(assignment.pairs().is_empty());
        assert_eq!(assignment.total(), 0.0);
        assert_eq!(assignment.certify(&costs, 1e-12), Ok(()));
    }
}

#[test]
fn certificate_rejects_tampered_duals_and_wrong_matrices() {
    let costs = scipy_example();
    let assignment = solve(&costs, Objective::Minimize).unwrap();

    // The same assignment is not optimal for a matrix where another is cheaper.
    let other = CostMatrix::new(3, 3, vec![0.0, 9.0, 9.0, 9.0, 0.0, 9.0, 9.0, 9.0, 0.0]).unwrap();
    assert!(matches!(
        assignment.certify(&other, 1e-9),
        Err(CertificateError::NotTight { .. } | CertificateError::Total { .. })
    ));

    // A matrix with a forbidden assigned pair.
    let mut forbidden = costs.clone();
    forbidden.forbid(0, 1).unwrap();
    assert_eq!(
        assignment.certify(&forbidden, 1e-9),
        Err(CertificateError::Forbidden { row: 0, col: 1 })
    );

    // Wrong shape.
    let bigger = CostMatrix::new(3, 4, vec![0.0; 12]).unwrap();
    assert_eq!(
        assignment.certify(&bigger, 1e-9),
        Err(CertificateError::Shape { rows: 3, cols: 4 })
    );
}

#[test]
fn rejects_invalid_costs_at_construction() {
    let error = CostMatrix::from_cells(1, 2, [Some(1.0), Some(f64::INFINITY)]).unwrap_err();
    assert_eq!(
        error,
        AssignError::InvalidCost {
            row: 0,
            col: 1,
            value: f64::INFINITY
        }
    );
    assert!(error.to_string().contains("row 0, column 1 is inf"));
}
