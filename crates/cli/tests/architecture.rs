//! The dependency rules of ARCHITECTURE.md, checked against the manifests.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::Path;

/// Workspace crates each crate may depend on (normal dependencies).
const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("assign", &[]),
    ("ledger", &[]),
    ("ingest", &["talenta-domain"]),
    ("storage", &["talenta-domain"]),
    (
        "app",
        &["talenta-domain", "talenta-ingest", "talenta-storage"],
    ),
    ("testkit", &["talenta-domain"]),
    ("views", &[]),
    (
        "web",
        &[
            "talenta-domain",
            "talenta-app",
            "talenta-views",
            "talenta-ingest",
        ],
    ),
    ("generate", &["talenta-domain", "talenta-ingest"]),
    (
        "cli",
        &[
            "talenta-domain",
            "talenta-ingest",
            "talenta-assign",
            "talenta-app",
            "talenta-generate",
            "talenta-web",
        ],
    ),
];

/// Crates that reach the system of record only through `talenta-app`.
const THROUGH_THE_APP: &[&str] = &["web", "cli"];

/// Calls that read the clock: only the binary may (it hands the time to the
/// app in a `Ctx`, and to the web server as its `Clock`).
const CLOCK_READS: &[&str] = &[
    "now_utc",
    "SystemTime::now",
    "Utc::now",
    "OffsetDateTime::now_local",
];

/// Crates whose sources may read the clock: the binary, and the test kit
/// (a dev-dependency only), which names its temporary databases after the
/// time and reads no product time.
const CLOCK_READERS: &[&str] = &["cli", "testkit"];

/// Crates that would bring I/O, a runtime or a clock into the pure crates.
const IMPURE: &[&str] = &[
    "tokio", "sqlx", "axum", "askama", "reqwest", "rand", "chrono",
];

fn crates_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every crate directory with a manifest.
fn crate_dirs() -> Vec<String> {
    let dir = crates_dir();
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| dir.join(name).join("Cargo.toml").exists())
        .collect();
    found.sort();
    found
}

/// The Rust sources under `crates/DIR/src`, with their text.
fn sources(dir: &str) -> Vec<(std::path::PathBuf, String)> {
    fn walk(path: &Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(path).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&crates_dir().join(dir).join("src"), &mut out);
    out
}

fn dependencies(dir: &str) -> BTreeMap<String, toml::Value> {
    let text = std::fs::read_to_string(crates_dir().join(dir).join("Cargo.toml")).unwrap();
    let manifest: toml::Table = text.parse().unwrap();
    manifest
        .get("dependencies")
        .and_then(toml::Value::as_table)
        .map(|t| t.clone().into_iter().collect())
        .unwrap_or_default()
}

#[test]
fn crates_depend_only_on_what_the_architecture_allows() {
    let found = crate_dirs();
    let mut listed: Vec<String> = ALLOWED.iter().map(|(c, _)| (*c).to_owned()).collect();
    listed.sort();
    assert_eq!(
        found, listed,
        "every crate must have its rule here and in ARCHITECTURE.md"
    );

    for (dir, allowed) in ALLOWED {
        for name in dependencies(dir).keys() {
            if name.starts_with("talenta") {
                assert!(
                    allowed.contains(&name.as_str()),
                    "{dir} may not depend on {name}"
                );
            }
        }
    }
}

#[test]
fn pure_crates_have_no_io_runtime_or_clock() {
    for dir in ["domain", "assign", "ingest", "ledger"] {
        for name in dependencies(dir).keys() {
            assert!(
                !IMPURE.contains(&name.as_str()),
                "{dir} is pure and may not depend on {name}"
            );
        }
    }
}

#[test]
fn web_and_cli_reach_storage_only_through_the_app() {
    for dir in THROUGH_THE_APP {
        assert!(
            !dependencies(dir).contains_key("talenta-storage"),
            "{dir} may not depend on talenta-storage: go through talenta-app"
        );
        for (path, text) in sources(dir) {
            assert!(
                !text.contains("talenta_storage"),
                "{} names talenta_storage: go through talenta-app",
                path.display()
            );
        }
    }
}

#[test]
fn only_the_binary_reads_the_clock() {
    for dir in crate_dirs() {
        if CLOCK_READERS.contains(&dir.as_str()) {
            continue;
        }
        for (path, text) in sources(&dir) {
            for read in CLOCK_READS {
                assert!(
                    !text.contains(read),
                    "{} reads the clock ({read}): take the time from the caller",
                    path.display()
                );
            }
        }
    }
}
