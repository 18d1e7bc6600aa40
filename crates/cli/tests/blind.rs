//! Blind scoring, proven (issue 26): the whole pipeline (import, the talent
//! map, the boxes before calibration, the pools, the succession plans)
//! run on a city and on the same city with every sensitive attribute of
//! every person changed (religion, region of origin, place of birth; sex
//! together with the NIP digit that encodes it) gives every person the
//! same scores and box, and the same pools and plans up to the order
//! among exact ties (whose last tie-breaker, the NIP, changed with sex).
//! People are matched by their original NIP. One engine is enough: the
//! property is of the rules, which both engines feed the same records.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use common::{KINDS, city, generate, json, ok};
use serde_json::Value;
use talenta_testkit::TempDir;

const PERIOD: &str = "2026-S1";
const ON: &str = "2026-06-30";

#[test]
fn scores_boxes_pools_and_plans_ignore_every_sensitive_attribute() {
    let generated = generate(2500, 11, false);
    let work = TempDir::new("talenta_blind");
    let original = Path::new(&city(&generated)).to_path_buf();
    let changed = work.path().join("changed");
    let original_nip = change_every_sensitive_attribute(&original, &changed);
    let url = |name: &str| format!("sqlite://{}", work.path().join(name).display());
    let (a, b) = (url("original.db"), url("changed.db"));
    for (dir, db) in [(&original, &a), (&changed, &b)] {
        ok(&["import", "--dir", dir.to_str().unwrap(), "--db", db]);
    }
    let back = |value: &Value| -> String {
        let nip = value.as_str().unwrap();
        original_nip
            .get(nip)
            .cloned()
            .unwrap_or_else(|| nip.to_owned())
    };

    // The map: every person's scores and box, and who is left out and why.
    let map = |db: &str, missing: &str| {
        let missing = work.path().join(missing);
        let placed = json(&[
            "map",
            "--period",
            PERIOD,
            "--db",
            db,
            "--format",
            "json",
            "--missing",
            missing.to_str().unwrap(),
        ]);
        let left_out: Value = serde_json::from_slice(&std::fs::read(&missing).unwrap()).unwrap();
        (placed, left_out)
    };
    let (placed_a, missing_a) = map(&a, "missing_a.json");
    let (placed_b, missing_b) = map(&b, "missing_b.json");
    let people = |rows: &Value, nip: &dyn Fn(&Value) -> String| -> BTreeMap<String, Value> {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|row| {
                let mut row = row.clone();
                let key = nip(&row["nip"]);
                row["nip"] = Value::Null;
                (key, row)
            })
            .collect()
    };
    let same = |v: &Value| v.as_str().unwrap().to_owned();
    let map_a = people(&placed_a, &same);
    assert!(map_a.len() > 1500, "most of the city is placed");
    same_people(&map_a, &people(&placed_b, &back), "scores and boxes");
    same_people(
        &people(&missing_a, &same),
        &people(&missing_b, &back),
        "who is left out, and for what",
    );

    // The pools of every target jenjang.
    let pools = |db: &str, nip: &dyn Fn(&Value) -> String| -> Vec<Ranked> {
        let pools = json(&["pools", "--period", PERIOD, "--format", "json", "--db", db]);
        pools["pools"]
            .as_array()
            .unwrap()
            .iter()
            .map(|pool| {
                Ranked::of(
                    format!("{} {}", pool["kind"], pool["target"]),
                    &pool["members"],
                    &pool["left_out"],
                    &["box", "talent_score"],
                    nip,
                )
            })
            .collect()
    };
    let pools_a = pools(&a, &same);
    assert!(
        pools_a.iter().any(|p| !p.order.is_empty()),
        "some pool has members"
    );
    assert_eq!(pools_a, pools(&b, &back));

    // The succession plans of key positions of every jenjang.
    for position in key_positions(&a) {
        let plan = |db: &str, nip: &dyn Fn(&Value) -> String| {
            let plan = json(&[
                "succession",
                "--position",
                &position,
                "--period",
                PERIOD,
                "--on",
                ON,
                "--format",
                "json",
                "--db",
                db,
            ]);
            let holders: BTreeSet<String> = plan["position"]["holders"]
                .as_array()
                .unwrap()
                .iter()
                .map(nip)
                .collect();
            let ranked = Ranked::of(
                position.clone(),
                &plan["candidates"],
                &plan["excluded"],
                &["box", "talent_score", "jpm", "readiness", "eligible_until"],
                nip,
            );
            (holders, ranked)
        };
        assert_eq!(plan(&a, &same), plan(&b, &back), "{position}");
    }
}

/// Fails naming the first people whose rows differ, not with the whole map.
fn same_people(a: &BTreeMap<String, Value>, b: &BTreeMap<String, Value>, what: &str) {
    let differ: Vec<_> = a
        .keys()
        .chain(b.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|nip| a.get(*nip) != b.get(*nip))
        .take(3)
        .map(|nip| format!("{nip}: {:?} against {:?}", a.get(nip), b.get(nip)))
        .collect();
    assert!(differ.is_empty(), "{what}: {differ:#?}");
}

/// A ranked list compared up to the order among exact ties: the keys in
/// rank order, the people of each key, and everyone left out with the
/// rest of their row.
#[derive(Debug, PartialEq, Eq)]
struct Ranked {
    name: String,
    order: Vec<String>,
    by_key: BTreeMap<String, BTreeSet<String>>,
    left_out: BTreeMap<String, String>,
}

impl Ranked {
    fn of(
        name: String,
        ranked: &Value,
        left_out: &Value,
        key: &[&str],
        nip: &dyn Fn(&Value) -> String,
    ) -> Ranked {
        let mut rows: Vec<&Value> = ranked.as_array().unwrap().iter().collect();
        rows.sort_by_key(|row| row["rank"].as_u64().unwrap());
        let key_of = |row: &Value| -> String {
            key.iter()
                .map(|k| row[*k].to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut by_key: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for row in &rows {
            by_key
                .entry(key_of(row))
                .or_default()
                .insert(nip(&row["nip"]));
        }
        let left_out = left_out
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                let mut rest = row.clone();
                rest["nip"] = Value::Null;
                (nip(&row["nip"]), rest.to_string())
            })
            .collect();
        Ranked {
            name,
            order: rows.iter().map(|row| key_of(row)).collect(),
            by_key,
            left_out,
        }
    }
}

/// Every fifth key position, so that each jenjang is in.
fn key_positions(db: &str) -> Vec<String> {
    let out = ok(&["positions", "--key", "--db", db]);
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect();
    assert!(ids.len() > 20, "{ids:?}");
    ids.into_iter().step_by(5).collect()
}

/// Copies the city in `from` to `to` with every person's religion, region
/// of origin and place of birth moved to the next value the file holds,
/// and their sex flipped with the NIP digit that encodes it, the NIP
/// changed wherever it appears. Returns the original NIP of each new one.
fn change_every_sensitive_attribute(from: &Path, to: &Path) -> HashMap<String, String> {
    std::fs::create_dir_all(to).unwrap();
    let read = |kind: &str| {
        let mut reader = csv::Reader::from_path(from.join(format!("{kind}.csv"))).unwrap();
        let header = reader.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        (header, rows)
    };
    let (header, mut pegawai) = read("pegawai");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (nip, sex) = (column("nipBaru"), column("jenisKelamin"));
    let mut renamed = HashMap::new();
    for row in &mut pegawai {
        let old = row[nip].to_owned();
        let digit = if &old[14..15] == "1" { "2" } else { "1" };
        let new = format!("{}{digit}{}", &old[..14], &old[15..]);
        let flipped = if &row[sex] == "L" { "P" } else { "L" };
        *row = replace(row, sex, flipped);
        renamed.insert(old, new);
    }
    for name in ["agama", "daerahAsal", "tempatLahir"] {
        let index = column(name);
        let values: Vec<String> = pegawai
            .iter()
            .map(|row| row[index].to_owned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        assert!(values.len() > 2, "{name}: {values:?}");
        for row in &mut pegawai {
            let at = values.iter().position(|v| v == &row[index]).unwrap();
            let next = values[(at + 1) % values.len()].clone();
            *row = replace(row, index, &next);
        }
    }
    let new_nips: BTreeSet<&String> = renamed.values().collect();
    assert_eq!(
        new_nips.len(),
        renamed.len(),
        "no two people share a new NIP"
    );
    for kind in KINDS {
        let (header, rows) = if kind == "pegawai" {
            (header.clone(), pegawai.clone())
        } else {
            read(kind)
        };
        let mut writer = csv::Writer::from_path(to.join(format!("{kind}.csv"))).unwrap();
        writer.write_record(&header).unwrap();
        for row in rows {
            let row: csv::StringRecord = row
                .iter()
                .map(|field| renamed.get(field).map_or(field, String::as_str))
                .collect();
            writer.write_record(&row).unwrap();
        }
        writer.flush().unwrap();
    }
    renamed.into_iter().map(|(old, new)| (new, old)).collect()
}

fn replace(row: &csv::StringRecord, index: usize, value: &str) -> csv::StringRecord {
    row.iter()
        .enumerate()
        .map(|(i, field)| if i == index { value } else { field })
        .collect()
}
