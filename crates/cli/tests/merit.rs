//! `talenta merit` finds bias where it was planted and not where it was
//! not (issue 26), on generated cities imported into SQLite and mapped.

#![allow(clippy::unwrap_used)]

mod common;

use common::{json, ok};
use serde_json::Value;
use talenta_testkit::TempDir;

const PERIOD: &str = "2026-S1";

/// The audit of a city of `employees` generated with `seed` and `bias`.
fn audit(employees: &str, seed: u32, bias: Option<&str>) -> Value {
    let work = TempDir::new("talenta_merit");
    let city = work.path().join("city");
    let seed = seed.to_string();
    let mut generate = vec![
        "generate",
        "--employees",
        employees,
        "--seed",
        &seed,
        "--out",
        city.to_str().unwrap(),
    ];
    if let Some(bias) = bias {
        generate.extend(["--bias", bias]);
    }
    ok(&generate);
    let db = format!("sqlite://{}", work.path().join("t.db").display());
    ok(&["import", "--dir", city.to_str().unwrap(), "--db", &db]);
    let map = work.path().join("map.json");
    ok(&[
        "map",
        "--period",
        PERIOD,
        "--db",
        &db,
        "--out",
        map.to_str().unwrap(),
    ]);
    json(&["merit", "--period", PERIOD, "--format", "json", "--db", &db])
}

fn flagged(audit: &Value) -> Vec<(String, String, String)> {
    audit["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["flagged"] == true)
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap().to_owned();
            (text("outcome"), text("attribute"), text("group"))
        })
        .collect()
}

/// The README's detectable size: ten points off one sex's potensial.
#[test]
fn a_planted_bias_is_flagged_on_its_group_and_axis() {
    let audit = audit("4000", 3, Some("jenisKelamin=P:potensial:-10"));
    let flags = flagged(&audit);
    let flag = |outcome: &str| {
        (
            outcome.to_owned(),
            "jenisKelamin".to_owned(),
            "P".to_owned(),
        )
    };
    assert!(flags.contains(&flag("potensial_tinggi")), "{flags:?}");
    assert!(flags.contains(&flag("kotak_7_9")), "{flags:?}");
    assert!(
        !flags.iter().any(|f| f.0 == "kinerja_di_atas_ekspektasi"),
        "the other axis is compared on its own: {flags:?}"
    );
    let keys: Vec<&str> = audit["findings"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "attribute",
            "flagged",
            "group",
            "impact_ratio",
            "outcome",
            "p_adjusted",
            "p_value",
            "rate",
            "reference_group",
            "selected",
            "total"
        ]
    );
    assert!(audit["suppressed_cells"].as_u64().is_some());
}

/// Holm's correction holds the chance that an audit raises any false flag
/// at 5% or less (and a flag needs an impact ratio under 0.8 too): over 20
/// neutral cities, 4 or more audits with a flag would happen with
/// probability under 2% (binomial, 20 draws at 5%). Cities of 2,000: the
/// bound is on false flags, which smaller groups do not make likelier.
#[test]
fn neutral_cities_raise_no_more_false_flags_than_the_level_allows() {
    let with_flags: Vec<(u32, Vec<_>)> = (101..=120)
        .map(|seed| (seed, flagged(&audit("2000", seed, None))))
        .filter(|(_, flags)| !flags.is_empty())
        .collect();
    assert!(with_flags.len() <= 3, "{with_flags:?}");
}

/// No group under the minimum cell size shows a count.
#[test]
fn small_groups_show_no_counts() {
    let audit = audit("2000", 7, None);
    for finding in audit["findings"].as_array().unwrap() {
        for key in ["selected", "total"] {
            if let Some(n) = finding[key].as_u64() {
                assert!(n >= 5, "{finding}");
            }
        }
    }
}
