//! `talenta generate` as a user runs it: the files, the summary, the
//! refusal to overwrite, and byte-identical output for a seed.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{KINDS, talenta};

/// A fresh directory of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("talenta-generate-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn generate(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "generate",
        "--employees",
        "2000",
        "--out",
        dir.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    talenta(&args)
}

fn read(dir: &Path, kind: &str) -> Vec<u8> {
    std::fs::read(dir.join(format!("{kind}.csv"))).unwrap()
}

#[test]
fn writes_every_kind_with_a_summary_and_the_same_bytes_for_a_seed() {
    let first = scratch("first");
    let out = generate(&first, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(summary.contains("pegawai.csv: 2000 rows"), "{summary}");
    assert!(summary.contains("instansi.csv: 1 rows"), "{summary}");
    for kind in KINDS {
        let text = String::from_utf8(read(&first, kind)).unwrap();
        let rows = text.lines().count() - 1;
        assert!(rows > 0, "{kind} has no rows");
        assert!(
            summary.contains(&format!("{kind}.csv: {rows} rows")),
            "{kind}: {rows}"
        );
    }
    let pegawai = String::from_utf8(read(&first, "pegawai")).unwrap();
    assert!(pegawai.starts_with("nipBaru,nama,"));

    let second = scratch("second");
    assert_eq!(generate(&second, &[]).status.code(), Some(0));
    let other_seed = scratch("other");
    assert_eq!(
        generate(&other_seed, &["--seed", "2"]).status.code(),
        Some(0)
    );
    for kind in KINDS {
        assert_eq!(read(&first, kind), read(&second, kind), "{kind} differs");
    }
    assert_ne!(read(&first, "pegawai"), read(&other_seed, "pegawai"));
    for dir in [first, second, other_seed] {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn refuses_a_non_empty_directory_unless_forced() {
    let dir = scratch("full");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "keep").unwrap();
    let out = generate(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty; pass --force"));
    assert!(!dir.join("pegawai.csv").exists());
    assert_eq!(
        generate(&dir, &["--force", "--dirty"]).status.code(),
        Some(0)
    );
    assert!(dir.join("pegawai.csv").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn needs_employees_and_out() {
    assert_eq!(talenta(&["generate", "--out", "x"]).status.code(), Some(2));
    let out = talenta(&["generate", "--employees", "0", "--out", "unused"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!Path::new("unused").exists());
}
