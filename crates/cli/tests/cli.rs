//! The `talenta` binary as a user runs it: output, exit codes and messages.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn talenta(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_talenta"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails on its arguments exits before reading its input;
    // the broken pipe that gives is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn nip_check_prints_json_lines_in_order() {
    let out = talenta(
        &[
            "nip",
            "check",
            "19660801 198803 1 001",
            "199009132025242014",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        serde_json::json!({"nip":"196608011988031001","valid":true,"kind":"pns","birth_date":"1966-08-01",
                           "tmt":"1988-03","gender":"L","errors":[]})
    );
    assert_eq!(
        lines[1],
        serde_json::json!({"nip":"199009132025242014","valid":true,"kind":"pppk","birth_date":"1990-09-13",
                           "tmt":null,"gender":"P","errors":[]})
    );
}

#[test]
fn nip_check_names_the_wrong_parts_and_exits_one() {
    let out = talenta(
        &["nip", "check", "196608011988031001", "19660801198803300X"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let second: serde_json::Value =
        serde_json::from_str(text(&out.stdout).lines().nth(1).unwrap()).unwrap();
    assert_eq!(second["valid"], false);
    assert_eq!(second["kind"], serde_json::Value::Null);
    assert_eq!(
        second["errors"],
        serde_json::json!(["non-digit 'X' at position 18"])
    );
}

#[test]
fn nip_check_reads_standard_input_and_rejects_no_arguments() {
    let out = talenta(
        &["nip", "check", "-"],
        "196608011988031001\n\n198609262015051001\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).lines().count(), 2);
    assert_eq!(talenta(&["nip", "check"], "").status.code(), Some(2));
}

const SCORES: &str = "potensial,nip,kinerja\n85,196608011988031001,92.5\n79.99,198609262015051001,80\n60,199001012020112001,60\n";

#[test]
fn classify_writes_csv_in_input_order() {
    let out = talenta(&["classify", "--input", "-"], SCORES);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "nip,box,label,kinerja_band,potensial_band\n\
         196608011988031001,9,Kinerja di atas ekspektasi dan potensial tinggi,di_atas,tinggi\n\
         198609262015051001,7,Kinerja di atas ekspektasi dan potensial menengah,di_atas,menengah\n\
         199001012020112001,5,Kinerja sesuai ekspektasi dan potensial menengah,sesuai,menengah\n"
    );
}

#[test]
fn classify_writes_json_with_given_cut_offs() {
    let out = talenta(
        &[
            "classify",
            "--input",
            "-",
            "--format",
            "json",
            "--cutoffs",
            "90,80",
        ],
        SCORES,
    );
    assert_eq!(out.status.code(), Some(0));
    let placed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let boxes: Vec<u64> = placed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["box"].as_u64().unwrap())
        .collect();
    assert_eq!(boxes, [7, 2, 1]);
    assert_eq!(placed[0]["kinerja_band"], "di_atas");
    assert_eq!(placed[0]["potensial_band"], "menengah");
}

#[test]
fn classify_reports_every_bad_row_and_prints_nothing() {
    let input = "nip,kinerja,potensial\n196608011988031001,abc,50\n12345,50,50\n198609262015051001,50,120\n199001012020112001,70,70\n";
    let out = talenta(&["classify", "--input", "-"], input);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let errors = text(&out.stderr);
    assert!(
        errors.contains("-: line 2, column 2 (kinerja): value \"abc\": not a number"),
        "{errors}"
    );
    assert!(
        errors.contains("line 3, column 1 (nip): value \"12345\": invalid NIP"),
        "{errors}"
    );
    assert!(
        errors.contains("line 4, column 3 (potensial): value \"120\": outside 0-100"),
        "{errors}"
    );

    let skipped = talenta(&["classify", "--input", "-", "--skip-invalid"], input);
    assert_eq!(skipped.status.code(), Some(0));
    assert_eq!(text(&skipped.stdout).lines().count(), 2);
    assert!(text(&skipped.stderr).contains("skipped 3 invalid row(s)"));
}

#[test]
fn classify_usage_and_file_errors() {
    let bad_cutoffs = talenta(&["classify", "--input", "-", "--cutoffs", "60,80"], SCORES);
    assert_eq!(bad_cutoffs.status.code(), Some(2));
    let missing = talenta(&["classify", "--input", "/nonexistent/scores.csv"], "");
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("opening /nonexistent/scores.csv"));
    let header = talenta(&["classify", "--input", "-"], "nip,kinerja\n1,2\n");
    assert_eq!(header.status.code(), Some(1));
    assert!(text(&header.stderr).contains("the header lacks the column(s) potensial"));
    let empty = talenta(&["classify", "--input", "-"], "");
    assert!(text(&empty.stderr).contains("the file is empty"));
}

#[test]
fn the_bundled_sample_classifies() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../samples/talent-scores.csv"
    );
    let out = talenta(&["classify", "--input", sample], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 8);
}
