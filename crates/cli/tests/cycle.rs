//! The talent cycle as an officer runs it, on SQLite and on PostgreSQL: a
//! generated city imported and mapped, its positions, pools and succession
//! plans as JSON and as tables, calibration, and closing the period.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use talenta_testkit::{TempDir, databases};

fn talenta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talenta"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> Output {
    let out = talenta(args);
    assert!(
        out.status.success(),
        "talenta {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

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

const READINESS: [&str; 3] = ["siap_sekarang", "satu_dua_tahun", "lebih_dari_2_tahun"];

/// Candidates ranked 1.., readiest first, then by talent score.
fn check_plan(plan: &Value) {
    assert_eq!(keys(plan), ["candidates", "excluded", "position"]);
    let candidates = plan["candidates"].as_array().unwrap();
    for (i, c) in candidates.iter().enumerate() {
        assert_eq!(
            keys(c),
            [
                "box",
                "jpm",
                "name",
                "nip",
                "rank",
                "readiness",
                "talent_score"
            ]
        );
        assert_eq!(c["rank"].as_u64(), Some(i as u64 + 1));
        assert!([7, 8, 9].contains(&c["box"].as_u64().unwrap()), "{c}");
    }
    for pair in candidates.windows(2) {
        let level = |c: &Value| READINESS.iter().position(|r| c["readiness"] == *r).unwrap();
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            level(a) < level(b)
                || (level(a) == level(b)
                    && a["talent_score"].as_f64() >= b["talent_score"].as_f64()),
            "{a} before {b}"
        );
    }
    let ready = candidates
        .iter()
        .filter(|c| c["readiness"] == "siap_sekarang")
        .count();
    assert_eq!(plan["position"]["ready_now"].as_u64(), Some(ready as u64));
    assert_eq!(
        plan["position"]["fewer_ready_than_required"].as_bool(),
        Some(ready < 3)
    );
    for e in plan["excluded"].as_array().unwrap() {
        let reasons = e["reasons"].as_array().unwrap();
        assert!(!reasons.is_empty(), "{e}");
        for r in reasons {
            assert_eq!(
                keys(r),
                ["actual", "eligible_from", "required", "rule", "source"]
            );
            assert!(!r["source"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn the_cycle_of_a_generated_city() {
    let dir = TempDir::new("talenta_cycle");
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
    let mut outputs = Vec::new();
    for db in databases() {
        let url = db.url.as_str();
        ok(&["import", "--dir", city.to_str().unwrap(), "--db", url]);
        ok(&["map", "--period", "2026-S1", "--db", url]);

        let listed = json(&["period", "list", "--format", "json", "--db", url]);
        assert_eq!(listed[0]["period"], "2026-S1");
        assert_eq!(listed[0]["status"], "terbuka");

        let positions = json(&["positions", "--key", "--format", "json", "--db", url]);
        let positions = positions.as_array().unwrap();
        assert!(!positions.is_empty(), "the city has key positions");
        assert!(positions.iter().all(|p| p["key"] == true));
        let all = json(&["positions", "--format", "json", "--db", url]);
        assert!(all.as_array().unwrap().len() > positions.len());
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

        // Every key position's plan is well formed; some have candidates.
        let mut with_candidates = 0;
        for p in positions.iter().take(25) {
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
            check_plan(&plan);
            assert_eq!(plan["position"]["id"], id);
            with_candidates += usize::from(!plan["candidates"].as_array().unwrap().is_empty());
            outputs.push(plan);
        }
        assert!(
            with_candidates > 0,
            "{}: no plan has a candidate",
            db.engine
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

        // Pools: ranked by talent score; the national pool is box 9 only.
        let pools = json(&[
            "pools", "--period", "2026-S1", "--format", "json", "--db", url,
        ]);
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
        let member = list
            .iter()
            .flat_map(|p| p["members"].as_array().unwrap())
            .next()
            .expect("someone is in a pool");
        let nip = member["nip"].as_str().unwrap();

        // Calibration needs a reason; then the period closes and freezes.
        let short = talenta(&[
            "calibrate",
            "--period",
            "2026-S1",
            "--nip",
            nip,
            "--box",
            "5",
            "--reason",
            "turun",
            "--db",
            url,
        ]);
        assert_eq!(short.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&short.stderr).contains("alasan"));
        ok(&[
            "calibrate",
            "--period",
            "2026-S1",
            "--nip",
            nip,
            "--box",
            "5",
            "--reason",
            "Hasil verifikasi SKP 2025 oleh tim penilai talenta",
            "--db",
            url,
        ]);
        let after = json(&[
            "pools", "--period", "2026-S1", "--format", "json", "--db", url,
        ]);
        assert!(
            after["pools"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|p| p["members"].as_array().unwrap())
                .all(|m| m["nip"] != nip),
            "a person calibrated to box 5 leaves every pool"
        );
        ok(&["period", "close", "2026-S1", "--db", url]);
        let frozen = json(&[
            "pools", "--period", "2026-S1", "--format", "json", "--db", url,
        ]);
        assert_eq!(frozen["frozen"], true);
        assert_eq!(frozen["pools"], after["pools"]);
        let remap = talenta(&["map", "--period", "2026-S1", "--db", url]);
        assert_eq!(remap.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&remap.stderr).contains("closed"));
        // A what-if still runs and stores nothing.
        let what_if = ok(&["map", "--period", "2026-S1", "--what-if", "--db", url]);
        let w: Value = serde_json::from_slice(&what_if.stdout).unwrap();
        assert_eq!(w["rows"].as_array().unwrap().len(), 1500);
        let again = json(&[
            "pools", "--period", "2026-S1", "--format", "json", "--db", url,
        ]);
        assert_eq!(again, frozen);
        let listed = json(&["period", "list", "--format", "json", "--db", url]);
        assert_eq!(listed[0]["status"], "ditutup");
    }
    // Both engines give the same plans.
    if outputs.len() > 25 {
        let (sqlite, postgres) = outputs.split_at(outputs.len() / 2);
        assert_eq!(sqlite, postgres);
    }
}
