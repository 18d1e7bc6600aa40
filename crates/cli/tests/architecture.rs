//! The dependency rules of ARCHITECTURE.md, checked against the manifests.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::Path;

/// Workspace crates each crate may depend on (normal dependencies).
const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("assign", &[]),
    ("ingest", &["talenta-domain"]),
    ("storage", &["talenta-domain"]),
    (
        "app",
        &["talenta-domain", "talenta-ingest", "talenta-storage"],
    ),
    ("testkit", &[]),
    ("views", &[]),
    (
        "web",
        &[
            "talenta-domain",
            "talenta-storage",
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
            "talenta-storage",
            "talenta-generate",
            "talenta-web",
        ],
    ),
];

/// Crates that would bring I/O, a runtime or a clock into the pure crates.
const IMPURE: &[&str] = &[
    "tokio", "sqlx", "axum", "askama", "reqwest", "rand", "chrono",
];

fn dependencies(dir: &str) -> BTreeMap<String, toml::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(dir).join("Cargo.toml")).unwrap();
    let manifest: toml::Table = text.parse().unwrap();
    manifest
        .get("dependencies")
        .and_then(toml::Value::as_table)
        .map(|t| t.clone().into_iter().collect())
        .unwrap_or_default()
}

#[test]
fn crates_depend_only_on_what_the_architecture_allows() {
    let crates_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found: Vec<String> = std::fs::read_dir(&crates_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| crates_dir.join(name).join("Cargo.toml").exists())
        .collect();
    found.sort();
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
    for dir in ["domain", "assign", "ingest"] {
        for name in dependencies(dir).keys() {
            assert!(
                !IMPURE.contains(&name.as_str()),
                "{dir} is pure and may not depend on {name}"
            );
        }
    }
}
