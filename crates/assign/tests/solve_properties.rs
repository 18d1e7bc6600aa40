//! Property tests of the solver: against brute force on small instances, and
//! against the dual certificate on larger ones.
// A test crate: helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;
use talenta_assign::{AssignError, CostMatrix, Objective, Side, solve};

/// A cell: integer-valued costs make ties (the hard case for tie-breaking),
/// fractional and negative ones exercise the arithmetic; `None` is forbidden.
fn cell(forbidden_percent: u32) -> impl Strategy<Value = Option<f64>> {
    let value = prop_oneof![(-5i32..=5).prop_map(f64::from), -1000.0..1000.0f64];
    (0u32..100, value).prop_map(move |(roll, v)| (roll >= forbidden_percent).then_some(v))
}

fn matrix(max_side: usize, forbidden_percent: u32) -> impl Strategy<Value = CostMatrix> {
    (0..=max_side, 0..=max_side).prop_flat_map(move |(rows, cols)| {
        proptest::collection::vec(cell(forbidden_percent), rows * cols)
            .prop_map(move |cells| CostMatrix::from_cells(rows, cols, cells).unwrap())
    })
}

/// Competency-fit-like scores: low rank (profiles times requirements) plus
/// a little noise, rounded to 3 decimals, so near-ties and exact ties abound
/// (the hard case for the search and for rounding in the potentials).
fn low_rank(max_side: usize) -> impl Strategy<Value = CostMatrix> {
    (1..=max_side, 1..=max_side).prop_flat_map(|(rows, cols)| {
        let unit = || proptest::collection::vec(0.0..1.0f64, 3);
        (
            proptest::collection::vec(unit(), rows),
            proptest::collection::vec(unit(), cols),
            proptest::collection::vec(0.0..0.01f64, rows * cols),
        )
            .prop_map(move |(profiles, requirements, noise)| {
                let cells = (0..rows * cols).map(|k| {
                    let (a, b) = (&profiles[k / cols], &requirements[k % cols]);
                    let fit: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>() + noise[k];
                    (fit * 1000.0).round() / 1000.0
                });
                CostMatrix::new(rows, cols, cells.collect()).unwrap()
            })
    })
}

fn objective() -> impl Strategy<Value = Objective> {
    prop_oneof![Just(Objective::Minimize), Just(Objective::Maximize)]
}

/// Best total over every assignment covering the smaller side, or `None`.
fn brute_force(costs: &CostMatrix, objective: Objective) -> Option<f64> {
    let (rows, cols) = (costs.rows(), costs.cols());
    let transposed = rows > cols;
    let (small, large) = if transposed {
        (cols, rows)
    } else {
        (rows, cols)
    };
    let cost = |s: usize, l: usize| {
        let (r, c) = if transposed { (l, s) } else { (s, l) };
        costs.cost(r, c).unwrap()
    };
    fn walk(
        s: usize,
        small: usize,
        used: &mut Vec<bool>,
        sum: f64,
        cost: &dyn Fn(usize, usize) -> Option<f64>,
        better: &dyn Fn(f64, f64) -> bool,
        best: &mut Option<f64>,
    ) {
        if s == small {
            if best.is_none_or(|b| better(sum, b)) {
                *best = Some(sum);
            }
            return;
        }
        for l in 0..used.len() {
            if let (false, Some(c)) = (used[l], cost(s, l)) {
                used[l] = true;
                walk(s + 1, small, used, sum + c, cost, better, best);
                used[l] = false;
            }
        }
    }
    let better: &dyn Fn(f64, f64) -> bool = match objective {
        Objective::Minimize => &|a, b| a < b,
        Objective::Maximize => &|a, b| a > b,
    };
    let mut best = None;
    walk(
        0,
        small,
        &mut vec![false; large],
        0.0,
        &cost,
        better,
        &mut best,
    );
    best
}

/// Checks an `Infeasible` error: the stuck elements really can only use the
/// listed partners, and there are fewer partners than stuck elements.
fn assert_hall_violator(costs: &CostMatrix, error: &AssignError) {
    let AssignError::Infeasible {
        side,
        stuck,
        partners,
    } = error
    else {
        panic!("expected Infeasible, got {error:?}");
    };
    let smaller = if costs.rows() <= costs.cols() {
        Side::Rows
    } else {
        Side::Columns
    };
    assert_eq!(*side, smaller);
    assert!(partners.len() < stuck.len());
    let others = if *side == Side::Rows {
        costs.cols()
    } else {
        costs.rows()
    };
    for &s in stuck {
        for o in 0..others {
            let (r, c) = if *side == Side::Rows { (s, o) } else { (o, s) };
            if costs.cost(r, c).unwrap().is_some() {
                assert!(partners.contains(&o), "{side} {s} may also take {o}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn total_equals_brute_force_up_to_8x8(
        costs in prop_oneof![matrix(8, 0), matrix(8, 30), matrix(8, 70)],
        objective in objective(),
    ) {
        let expected = brute_force(&costs, objective);
        match (solve(&costs, objective), expected) {
            (Ok(assignment), Some(best)) => {
                prop_assert!((assignment.total() - best).abs() <= 1e-9 * (1.0 + best.abs()),
                    "total {} but brute force {}", assignment.total(), best);
                prop_assert_eq!(assignment.pairs().len(), costs.rows().min(costs.cols()));
                for &(row, col) in assignment.pairs() {
                    prop_assert!(costs.cost(row, col).unwrap().is_some(), "forbidden pair used");
                }
                prop_assert_eq!(assignment.certify(&costs, 1e-9), Ok(()));
            }
            (Err(error), None) => assert_hall_violator(&costs, &error),
            (outcome, expected) => {
                prop_assert!(false, "solver {outcome:?} but brute force {expected:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn duals_certify_larger_instances(
        costs in prop_oneof![matrix(60, 0), matrix(60, 20), low_rank(80)],
        objective in objective(),
    ) {
        match solve(&costs, objective) {
            Ok(assignment) => {
                prop_assert_eq!(assignment.certify(&costs, 1e-9), Ok(()));
                for &(row, col) in assignment.pairs() {
                    prop_assert!(costs.cost(row, col).unwrap().is_some(), "forbidden pair used");
                }
            }
            Err(error) => assert_hall_violator(&costs, &error),
        }
    }

    #[test]
    fn transposing_keeps_the_total(costs in matrix(30, 10), objective in objective()) {
        let (rows, cols) = (costs.rows(), costs.cols());
        let transposed = CostMatrix::from_cells(cols, rows,
            (0..cols).flat_map(|c| (0..rows).map(move |r| (r, c)))
                .map(|(r, c)| costs.cost(r, c).unwrap())).unwrap();
        match (solve(&costs, objective), solve(&transposed, objective)) {
            (Ok(a), Ok(b)) => prop_assert!((a.total() - b.total()).abs() <= 1e-9 * (1.0 + a.total().abs())),
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "{a:?} vs {b:?}"),
        }
    }

    #[test]
    fn equal_inputs_give_equal_outputs(costs in matrix(40, 10), objective in objective()) {
        prop_assert_eq!(solve(&costs, objective), solve(&costs.clone(), objective));
    }
}
