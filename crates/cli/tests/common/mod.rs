//! What the CLI tests share: running the binary, a generated city, and the
//! export of every kind. Each test binary uses part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use talenta_testkit::{TempDir, TestDb};

/// `talenta ARGS`, whatever its outcome.
pub fn talenta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talenta"))
        .args(args)
        .output()
        .unwrap()
}

/// `talenta ARGS`, which must succeed.
pub fn ok(args: &[&str]) -> Output {
    let out = talenta(args);
    assert!(
        out.status.success(),
        "talenta {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What `talenta ARGS` printed as JSON.
pub fn json(args: &[&str]) -> Value {
    serde_json::from_slice(&ok(args).stdout).unwrap()
}

/// The keys of a JSON object, sorted.
pub fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// Every kind of import file, in the order the importer reads them.
pub const KINDS: [&str; 12] = [
    "instansi",
    "opd",
    "jabatan",
    "pegawai",
    "riwayat_jabatan",
    "riwayat_golongan",
    "riwayat_pendidikan",
    "riwayat_diklat",
    "riwayat_penghargaan",
    "riwayat_hukdis",
    "skp",
    "asesmen",
];

/// A city of `n` employees generated with `seed` into `city/` of a fresh
/// directory (`--dirty`: with the mistakes real files have).
pub fn generate(n: u32, seed: u32, dirty: bool) -> TempDir {
    let dir = TempDir::new("talenta_gen");
    let out = dir.path().join("city");
    let (n, seed) = (n.to_string(), seed.to_string());
    let mut args = vec![
        "generate",
        "--employees",
        &n,
        "--seed",
        &seed,
        "--out",
        out.to_str().unwrap(),
    ];
    if dirty {
        args.push("--dirty");
    }
    ok(&args);
    dir
}

/// The city's directory of a [`generate`]d one.
pub fn city(dir: &TempDir) -> String {
    dir.path().join("city").display().to_string()
}

/// The generated city imported into `db` and mapped for 2026-S1.
pub fn imported_and_mapped(generated: &TempDir, db: &TestDb) {
    ok(&["import", "--dir", &city(generated), "--db", &db.url]);
    ok(&["map", "--period", "2026-S1", "--db", &db.url]);
}

/// Every kind exported as CSV into `dir`; the bytes, by kind.
pub fn export_all(db: &TestDb, dir: &Path) -> Vec<(String, Vec<u8>)> {
    std::fs::create_dir_all(dir).unwrap();
    KINDS
        .iter()
        .map(|kind| {
            let file = dir.join(format!("{kind}.csv"));
            ok(&[
                "export",
                kind,
                "--db",
                &db.url,
                "--out",
                file.to_str().unwrap(),
            ]);
            ((*kind).to_owned(), std::fs::read(&file).unwrap())
        })
        .collect()
}
