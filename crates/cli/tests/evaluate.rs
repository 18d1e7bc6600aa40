//! `talenta evaluate` on a generated city, on SQLite and on PostgreSQL:
//! the JSON's shape, the rules it names with their sources, the table,
//! and another rule set through `--rules`.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::process::{Command, Output};

use serde_json::Value;
use talenta_domain::RuleSet;
use talenta_testkit::{TempDir, databases};

fn ok(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_talenta"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "talenta {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(args: &[&str]) -> Value {
    serde_json::from_slice(&ok(args).stdout).unwrap()
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// The documented shape, each holder with a reason of a known rule and a
/// source, and each one left out with what the map lacked.
fn check(evaluation: &Value) {
    assert_eq!(keys(evaluation), ["holders", "period", "unmapped"]);
    assert_eq!(evaluation["period"], "2026-S1");
    for h in evaluation["holders"].as_array().unwrap() {
        assert_eq!(keys(h), ["box", "name", "nip", "position", "reasons"]);
        let kotak = h["box"].as_u64().unwrap();
        assert!((1..=9).contains(&kotak), "{h}");
        let reasons = h["reasons"].as_array().unwrap();
        assert!(!reasons.is_empty(), "{h}");
        for r in reasons {
            assert_eq!(keys(r), ["actual", "required", "rule", "source"]);
            assert!(
                ["kotak", "skp", "jpm"].contains(&r["rule"].as_str().unwrap()),
                "{r}"
            );
            for field in ["actual", "required", "source"] {
                assert!(!r[field].as_str().unwrap().is_empty(), "{r}");
            }
        }
    }
    for u in evaluation["unmapped"].as_array().unwrap() {
        assert_eq!(keys(u), ["missing", "name", "nip", "position"]);
        assert!(!u["missing"].as_array().unwrap().is_empty(), "{u}");
    }
}

fn nips(evaluation: &Value, list: &str) -> Vec<String> {
    evaluation[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["nip"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_evaluation_of_a_generated_city() {
    let dir = TempDir::new("talenta_evaluate");
    let city = dir.path().join("city");
    ok(&[
        "generate",
        "--employees",
        "1500",
        "--seed",
        "7",
        "--out",
        city.to_str().unwrap(),
    ]);
    // Every box listed: every mapped holder of a structural position.
    let every_box = dir.path().join("every_box.toml");
    std::fs::write(
        &every_box,
        RuleSet::bundled_text().replace("boxes = [1, 2, 3]", "boxes = [1, 2, 3, 4, 5, 6, 7, 8, 9]"),
    )
    .unwrap();
    let mut outputs = Vec::new();
    for db in databases() {
        let url = db.url.as_str();
        ok(&["import", "--dir", city.to_str().unwrap(), "--db", url]);
        ok(&["map", "--period", "2026-S1", "--db", url]);
        let args = ["evaluate", "--period", "2026-S1", "--db", url];
        let default = json(&[&args[..], &["--format", "json"]].concat());
        check(&default);
        let all = json(
            &[
                &args[..],
                &["--format", "json", "--rules", every_box.to_str().unwrap()],
            ]
            .concat(),
        );
        check(&all);
        let holders = all["holders"].as_array().unwrap();
        assert!(
            !holders.is_empty(),
            "{}: the city has officeholders",
            db.engine
        );
        for h in holders {
            assert_eq!(h["reasons"][0]["rule"], "kotak", "{h}");
        }
        // Worst first: boxes never go down the list.
        let boxes: Vec<u64> = holders.iter().map(|h| h["box"].as_u64().unwrap()).collect();
        assert!(boxes.windows(2).all(|w| w[0] <= w[1]), "{boxes:?}");
        // The default's holders are among them; the unmapped are the same.
        let listed = nips(&all, "holders");
        assert!(nips(&default, "holders").iter().all(|n| listed.contains(n)));
        assert_eq!(default["unmapped"], all["unmapped"]);

        let table = String::from_utf8(ok(&args).stdout).unwrap();
        assert!(
            table.starts_with("Evaluasi pejabat periode 2026-S1:"),
            "{table}"
        );
        assert!(
            table.contains("aturan") && table.contains("sumber"),
            "{table}"
        );
        assert!(table.contains("Tidak ada di peta talenta:"), "{table}");
        outputs.push((default, all));
    }
    // Both engines give the same evaluation.
    if let [sqlite, postgres] = &outputs[..] {
        assert_eq!(sqlite, postgres);
    }
}
