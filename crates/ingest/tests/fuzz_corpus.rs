//! Replays every file of the fuzz corpus and every crash artifact through
//! the code the fuzz targets drive, so a regression shows in `cargo test`
//! without libFuzzer. `fuzz/corpus/<target>/` and `fuzz/artifacts/<target>/`
//! name the target.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use talenta_ingest::fuzzing;

/// A fuzz target's body: `Err` when an invariant breaks.
type Target = fn(&[u8]) -> Result<(), String>;

fn target(name: &str) -> Option<Target> {
    match name {
        "csv_rows" => Some(fuzzing::csv_rows),
        "csv_import" => Some(fuzzing::csv_import),
        "xlsx_rows" => Some(fuzzing::xlsx_rows),
        "nip_parse" => Some(fuzzing::nip_parse),
        "scores" => Some(fuzzing::scores),
        _ => None,
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_corpus_file_and_artifact_passes() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut replayed = 0;
    for kind in ["corpus", "artifacts"] {
        let Ok(targets) = std::fs::read_dir(fuzz.join(kind)) else {
            continue;
        };
        for dir in targets {
            let dir = dir.unwrap().path();
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let run = target(&name).unwrap_or_else(|| panic!("no fuzz target {name}"));
            let mut inputs = Vec::new();
            files(&dir, &mut inputs);
            for input in inputs {
                let bytes = std::fs::read(&input).unwrap();
                if let Err(broken) = run(&bytes) {
                    panic!("{}: {broken}", input.display());
                }
                replayed += 1;
            }
        }
    }
    assert!(
        replayed >= 20,
        "only {replayed} corpus files: is fuzz/corpus there?"
    );
}
