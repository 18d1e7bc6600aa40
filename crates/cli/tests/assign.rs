//! `talenta assign` end to end: the real binary on small matrices with known optima.
// A test crate: helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Writes `contents` to a file named `name` in Cargo's per-test scratch dir.
fn matrix_file(name: &str, contents: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// The pairs `talenta assign --format csv` gives for the matrix at
/// `path`; the command must succeed.
fn assigned_csv(path: &Path) -> String {
    let output = assign_as(path, "csv");
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

/// `talenta assign` on the matrix at `path`, giving the pairs in `format`.
fn assign_as(path: &Path, format: &str) -> Output {
    talenta(&[
        "assign",
        "--costs",
        path.to_str().unwrap(),
        "--format",
        format,
    ])
}

fn talenta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talenta"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// scipy's docstring example with ids: the minimum is 5, by
/// A->P2 (1), B->P1 (2) and C->P3 (2).
const EXAMPLE: &str = "id,P1,P2,P3\nA,4,1,3\nB,2,0,5\nC,3,2,2\n";

#[test]
fn json_output_gives_total_and_pairs_in_row_order() {
    let path = matrix_file("example.csv", EXAMPLE);
    let output = talenta(&["assign", "--costs", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"total": 5.0, "pairs": [["A","P2"],["B","P1"],["C","P3"]]})
    );
}

#[test]
fn csv_output_lists_each_pair_with_its_cost() {
    let path = matrix_file("example_csv.csv", EXAMPLE);
    assert_eq!(
        assigned_csv(&path),
        "row,col,cost\nA,P2,1\nB,P1,2\nC,P3,2\n"
    );
}

/// Labels are text and guarded against spreadsheet formulas; a negative
/// cost is a number and stays as it is (docs/formats.md, "Formulas in CSV
/// files").
#[test]
fn csv_output_guards_formula_labels_and_keeps_negative_costs() {
    let path = matrix_file(
        "formula_labels.csv",
        "id,=HYPERLINK(\"http://evil.example\"),-5\n+cmd|' /C calc'!A0,-5,1\n@x,2,-7\n",
    );
    assert_eq!(
        assigned_csv(&path),
        "row,col,cost\n'+cmd|' /C calc'!A0,\"'=HYPERLINK(\"\"http://evil.example\"\")\",-5\n'@x,'-5,-7\n"
    );
}

#[test]
fn maximize_picks_the_largest_total_of_fractional_and_negative_scores() {
    // Greedy by row would give A its best (P1, 0.9) and leave B with -0.5.
    let path = matrix_file("fit.csv", "id,P1,P2\nA,0.9,0.8\nB,0.7,-0.5\n");
    let output = talenta(&["assign", "--costs", path.to_str().unwrap(), "--maximize"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["pairs"], serde_json::json!([["A", "P2"], ["B", "P1"]]));
    assert!((json["total"].as_f64().unwrap() - 1.5).abs() < 1e-12);
}

#[test]
fn forbidden_cells_are_never_assigned() {
    // A->P1 would be cheapest, but the cell is empty (for example, A lacks the
    // required education level).
    let path = matrix_file("forbidden.csv", "id,P1,P2,P3\nA,,5,9\nB,1,6,9\n");
    assert_eq!(assigned_csv(&path), "row,col,cost\nA,P2,5\nB,P1,1\n");
}

#[test]
fn infeasible_instance_exits_1_naming_the_stuck_ids() {
    let path = matrix_file("infeasible.csv", "id,P1,P2,P3\nA,,1,\nB,1,1,1\nC,,2,\n");
    let output = talenta(&["assign", "--costs", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("infeasible"), "{message}");
    assert!(
        message.contains("rows 'A', 'C' can only take columns 'P2' between them"),
        "{message}"
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn malformed_cell_exits_1_naming_line_and_column() {
    let path = matrix_file("malformed.csv", "id,P1,P2\nA,1,2\nB,3,x7\n");
    let output = talenta(&["assign", "--costs", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("line 3, column 3: 'x7' is not a number"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn missing_file_exits_1() {
    let output = talenta(&["assign", "--costs", "/nonexistent/costs.csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot open /nonexistent/costs.csv"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(talenta(&["assign"]).status.code(), Some(2));
    let path = matrix_file("usage.csv", EXAMPLE);
    let output = assign_as(&path, "xml");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn timings_go_to_stderr_and_leave_stdout_unchanged() {
    let path = matrix_file("timings.csv", EXAMPLE);
    let output = talenta(&["assign", "--costs", path.to_str().unwrap(), "--timings"]);
    assert!(output.status.success());
    let timings = stderr(&output);
    assert!(
        timings.starts_with("parse_ms=") && timings.contains(" solve_ms="),
        "{timings}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["total"], 5.0);
}

#[test]
fn help_documents_timings() {
    let help = stdout(&talenta(&["assign", "--help"]));
    assert!(
        help.contains("--timings") && help.contains("parse_ms"),
        "{help}"
    );
}
