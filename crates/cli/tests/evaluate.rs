//! `talenta evaluate` on a generated city, on SQLite and on PostgreSQL:
//! the JSON's shape, the rules it names with their sources, the table,
//! and another rule set through `--rules`.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{imported_and_mapped, json, keys, ok};
use serde_json::Value;
use talenta_domain::RuleSet;
use talenta_testkit::{TempDir, TestDb, databases, each_engine};

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

/// The shared fixture: a city of 1500 employees (seed 7), and a rule set
/// that lists every box: every mapped holder of a structural position.
fn generated_city() -> (TempDir, std::path::PathBuf) {
    let generated = common::generate(1500, 7, false);
    let every_box = generated.path().join("every_box.toml");
    std::fs::write(
        &every_box,
        RuleSet::bundled_text().replace("boxes = [1, 2, 3]", "boxes = [1, 2, 3, 4, 5, 6, 7, 8, 9]"),
    )
    .unwrap();
    (generated, every_box)
}

/// The evaluation as JSON, under the bundled rules and under `every_box`.
fn evaluations(url: &str, every_box: &std::path::Path) -> (Value, Value) {
    let args = [
        "evaluate", "--period", "2026-S1", "--db", url, "--format", "json",
    ];
    let default = json(&args);
    let all = json(&[&args[..], &["--rules", every_box.to_str().unwrap()]].concat());
    (default, all)
}

/// Under a rule set that lists every box, every holder is listed for the
/// box rule, worst first (boxes never go down the list); the default's
/// holders are among them, and the unmapped are the same.
fn another_rule_set_lists_more_holders(default: &Value, all: &Value) {
    check(default);
    check(all);
    let holders = all["holders"].as_array().unwrap();
    assert!(!holders.is_empty(), "the city has officeholders");
    for h in holders {
        assert_eq!(h["reasons"][0]["rule"], "kotak", "{h}");
    }
    let boxes: Vec<u64> = holders.iter().map(|h| h["box"].as_u64().unwrap()).collect();
    assert!(boxes.windows(2).all(|w| w[0] <= w[1]), "{boxes:?}");
    let listed = nips(all, "holders");
    assert!(nips(default, "holders").iter().all(|n| listed.contains(n)));
    assert_eq!(default["unmapped"], all["unmapped"]);
}

fn the_table_names_rules_sources_and_the_unmapped(url: &str) {
    let table = ok(&["evaluate", "--period", "2026-S1", "--db", url]);
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.starts_with("Evaluasi pejabat periode 2026-S1:"),
        "{table}"
    );
    assert!(
        table.contains("aturan") && table.contains("sumber"),
        "{table}"
    );
    assert!(table.contains("Tidak ada di peta talenta:"), "{table}");
}

fn the_evaluation_of_a_generated_city(db: &TestDb) {
    let (generated, every_box) = generated_city();
    imported_and_mapped(&generated, db);
    let (default, all) = evaluations(&db.url, &every_box);
    another_rule_set_lists_more_holders(&default, &all);
    the_table_names_rules_sources_and_the_unmapped(&db.url);
}

each_engine!(blocking: the_evaluation_of_a_generated_city);

#[test]
fn both_engines_give_the_same_evaluation() {
    let (generated, every_box) = generated_city();
    let outputs: Vec<(Value, Value)> = databases()
        .iter()
        .map(|db| {
            imported_and_mapped(&generated, db);
            evaluations(&db.url, &every_box)
        })
        .collect();
    if let [sqlite, postgres] = outputs.as_slice() {
        assert_eq!(sqlite, postgres);
    }
}
