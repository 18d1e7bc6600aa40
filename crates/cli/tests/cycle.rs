//! The talent cycle as an officer runs it, on SQLite and on PostgreSQL: a
//! generated city imported and mapped, its positions, pools and succession
//! plans as JSON and as tables, calibration, and closing the period.

// Test code: a failed unwrap is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{imported_and_mapped, json, keys, ok, talenta};
use serde_json::Value;
use talenta_testkit::{TempDir, TestDb, databases, each_engine};

/// `talenta ARGS | head -1`: the command meets a closed pipe (its output is
/// larger than the pipe's buffer and what the first read takes) and ends
/// with success and nothing on stderr, not a panic.
fn stops_quietly_when_the_reader_does(args: &[&str]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_talenta"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

const READINESS: [&str; 3] = ["siap_sekarang", "satu_dua_tahun", "lebih_dari_2_tahun"];

/// Candidates ranked 1.., from the boxes of their jenjang's policy (box 9
/// only for JPT), readiest first then by talent score (by talent score
/// alone for JPT); the flag against the jenjang's own minimum.
fn check_plan(plan: &Value) {
    assert_eq!(keys(plan), ["candidates", "excluded", "position"]);
    let jpt = plan["position"]["jenjang"]
        .as_str()
        .unwrap()
        .starts_with("jpt");
    let candidates = plan["candidates"].as_array().unwrap();
    for (i, c) in candidates.iter().enumerate() {
        assert_eq!(
            keys(c),
            [
                "box",
                "eligible_until",
                "jpm",
                "name",
                "nip",
                "rank",
                "readiness",
                "talent_score"
            ]
        );
        assert_eq!(c["rank"].as_u64(), Some(i as u64 + 1));
        let boxes: &[u64] = if jpt { &[9] } else { &[7, 8, 9] };
        assert!(boxes.contains(&c["box"].as_u64().unwrap()), "{c}");
        // Age is the only rule that ends: without one (below JPT) nothing
        // does; with one, it ends after the day of the plan.
        match c["eligible_until"].as_str() {
            None => assert!(!jpt, "{c}"),
            Some(until) => assert!(jpt && until > "2026-07-01", "{c}"),
        }
    }
    for pair in candidates.windows(2) {
        let level = |c: &Value| READINESS.iter().position(|r| c["readiness"] == *r).unwrap();
        let (a, b) = (&pair[0], &pair[1]);
        let by_talent = a["talent_score"].as_f64() >= b["talent_score"].as_f64();
        if jpt {
            assert!(by_talent, "{a} before {b}");
        } else {
            assert!(
                level(a) < level(b) || (level(a) == level(b) && by_talent),
                "{a} before {b}"
            );
        }
    }
    let ready = candidates
        .iter()
        .filter(|c| c["readiness"] == "siap_sekarang")
        .count();
    let required = plan["position"]["required_ready"].as_u64().unwrap();
    assert_eq!(required, if jpt { 1 } else { 3 }, "{}", plan["position"]);
    assert_eq!(plan["position"]["ready_now"].as_u64(), Some(ready as u64));
    assert_eq!(
        plan["position"]["fewer_ready_than_required"].as_bool(),
        Some((ready as u64) < required)
    );
    for e in plan["excluded"].as_array().unwrap() {
        has_reasons(e);
    }
}

/// Someone excluded or left out is told why: at least one reason, each
/// with the same fields and the record it came from.
fn has_reasons(left: &Value) {
    let reasons = left["reasons"].as_array().unwrap();
    assert!(!reasons.is_empty(), "{left}");
    for r in reasons {
        assert_eq!(
            keys(r),
            ["actual", "eligible_from", "required", "rule", "source"]
        );
        assert!(!r["source"].as_str().unwrap().is_empty(), "{r}");
    }
}

/// The shared fixture: a city of 1500 employees (seed 7).
fn generated_city() -> TempDir {
    common::generate(1500, 7, false)
}

/// Key positions as JSON (the city has some, all marked key), and more
/// positions without `--key`.
fn key_positions(url: &str) -> Vec<Value> {
    let positions = json(&["positions", "--key", "--format", "json", "--db", url]);
    let positions = positions.as_array().unwrap().clone();
    assert!(!positions.is_empty(), "the city has key positions");
    assert!(positions.iter().all(|p| p["key"] == true));
    let all = json(&["positions", "--format", "json", "--db", url]);
    assert!(all.as_array().unwrap().len() > positions.len());
    positions
}

/// The succession plans of the first 25 key positions, as JSON.
fn plans(positions: &[Value], url: &str) -> Vec<Value> {
    positions
        .iter()
        .take(25)
        .map(|p| {
            let id = p["id"].as_str().unwrap();
            let plan = json(&[
                "succession",
                "--position",
                id,
                "--on",
                "2026-07-01",
                "--format",
                "json",
                "--db",
                url,
            ]);
            assert_eq!(plan["position"]["id"], id);
            plan
        })
        .collect()
}

fn the_period_is_open(url: &str) {
    let listed = json(&["period", "list", "--format", "json", "--db", url]);
    assert_eq!(listed[0]["period"], "2026-S1");
    assert_eq!(listed[0]["status"], "terbuka");
}

fn long_listings_stop_quietly_when_the_reader_does(url: &str) {
    stops_quietly_when_the_reader_does(&["positions", "--db", url]);
    stops_quietly_when_the_reader_does(&["map", "--period", "2026-S1", "--db", url]);
    stops_quietly_when_the_reader_does(&[
        "export",
        "peta_talenta",
        "--period",
        "2026-S1",
        "--db",
        url,
    ]);
}

/// Every key position's plan is well formed; some have candidates; the
/// table names the readiness.
fn succession_plans_are_well_formed(positions: &[Value], url: &str) {
    let plans = plans(positions, url);
    for plan in &plans {
        check_plan(plan);
    }
    assert!(
        plans
            .iter()
            .any(|plan| !plan["candidates"].as_array().unwrap().is_empty()),
        "{url}: no plan has a candidate"
    );
    let id = positions[0]["id"].as_str().unwrap();
    let table = ok(&[
        "succession",
        "--position",
        id,
        "--on",
        "2026-07-01",
        "--db",
        url,
    ]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("kesiapan"), "{text}");
}

fn pools(url: &str) -> Value {
    json(&[
        "pools", "--period", "2026-S1", "--format", "json", "--db", url,
    ])
}

/// Pools: ranked by talent score; the national pool is box 9 only.
/// Whoever fails a gate is listed with every failed rule and source;
/// nobody but a PNS is a member (PP 11/2017 Pasal 199 ayat (2)).
fn pools_rank_by_talent_and_give_reasons(url: &str) -> Value {
    let pools = pools(url);
    assert_eq!(pools["frozen"], false);
    let list = pools["pools"].as_array().unwrap();
    assert_eq!(list.len(), 6);
    for pool in list {
        let members = pool["members"].as_array().unwrap();
        for (i, m) in members.iter().enumerate() {
            assert_eq!(
                keys(m),
                ["box", "name", "nip", "opd", "rank", "talent_score"]
            );
            assert_eq!(m["rank"].as_u64(), Some(i as u64 + 1));
            if pool["kind"] == "nasional" {
                assert_eq!(m["box"], 9);
            }
        }
        for pair in members.windows(2) {
            assert!(pair[0]["talent_score"].as_f64() >= pair[1]["talent_score"].as_f64());
        }
    }
    for left in list.iter().flat_map(|p| p["left_out"].as_array().unwrap()) {
        has_reasons(left);
    }
    pools
}

/// Someone in line for a pool, member or not: the generated city's
/// training hours decide how many meet the 20 JP gate.
fn in_line(pools: &Value) -> Vec<String> {
    pools["pools"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            let m = p["members"].as_array().unwrap().iter();
            m.chain(p["left_out"].as_array().unwrap())
        })
        .map(|m| m["nip"].as_str().unwrap().to_owned())
        .collect()
}

/// Calibration needs a reason; a person calibrated to box 5 is then in
/// line for no pool. The pools after it.
fn a_calibration_with_a_reason_moves_a_person_out_of_line(pools: &Value, url: &str) -> Value {
    let nip = in_line(pools).first().expect("someone is in line").clone();
    let calibrate = |reason: &str| {
        talenta(&[
            "calibrate",
            "--period",
            "2026-S1",
            "--nip",
            &nip,
            "--box",
            "5",
            "--reason",
            reason,
            "--db",
            url,
        ])
    };
    let short = calibrate("turun");
    assert_eq!(short.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&short.stderr).contains("alasan"));
    let done = calibrate("Hasil verifikasi SKP 2025 oleh tim penilai talenta");
    assert!(done.status.success(), "{}", common::stderr(&done));
    let after = self::pools(url);
    assert!(
        !in_line(&after).contains(&nip),
        "a person calibrated to box 5 is in line for no pool"
    );
    after
}

/// The members of each pool that has any: target, kind and members.
fn members(pools: &Value) -> Vec<(Value, Value, Value)> {
    pools["pools"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["members"].as_array().unwrap().is_empty())
        .map(|p| (p["target"].clone(), p["kind"].clone(), p["members"].clone()))
        .collect()
}

/// The period closes and freezes: the members are kept as they were (a
/// pool without any is not stored), who was left out is not kept, a map
/// is refused, and a what-if still runs and stores nothing.
fn closing_freezes_the_period(before: &Value, url: &str) {
    ok(&["period", "close", "2026-S1", "--db", url]);
    let frozen = pools(url);
    assert_eq!(frozen["frozen"], true);
    assert_eq!(members(&frozen), members(before));
    assert!(
        frozen["pools"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["left_out"].as_array().unwrap().is_empty())
    );
    let remap = talenta(&["map", "--period", "2026-S1", "--db", url]);
    assert_eq!(remap.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&remap.stderr).contains("closed"));
    let what_if = ok(&["map", "--period", "2026-S1", "--what-if", "--db", url]);
    let w: Value = serde_json::from_slice(&what_if.stdout).unwrap();
    assert_eq!(w["rows"].as_array().unwrap().len(), 1500);
    assert_eq!(pools(url), frozen);
    let listed = json(&["period", "list", "--format", "json", "--db", url]);
    assert_eq!(listed[0]["status"], "ditutup");
}

fn the_cycle_of_a_generated_city(db: &TestDb) {
    let generated = generated_city();
    imported_and_mapped(&generated, db);
    let url = db.url.as_str();
    the_period_is_open(url);
    let positions = key_positions(url);
    long_listings_stop_quietly_when_the_reader_does(url);
    succession_plans_are_well_formed(&positions, url);
    let pools = pools_rank_by_talent_and_give_reasons(url);
    let calibrated = a_calibration_with_a_reason_moves_a_person_out_of_line(&pools, url);
    closing_freezes_the_period(&calibrated, url);
}

each_engine!(blocking: the_cycle_of_a_generated_city);

#[test]
fn both_engines_give_the_same_plans() {
    let generated = generated_city();
    let outputs: Vec<Vec<Value>> = databases()
        .iter()
        .map(|db| {
            imported_and_mapped(&generated, db);
            plans(&key_positions(&db.url), &db.url)
        })
        .collect();
    if let [sqlite, postgres] = outputs.as_slice() {
        assert_eq!(sqlite, postgres);
    }
}
