//! Arbitrary bytes never make the readers panic: they give rows, located
//! errors, or a file error.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use talenta_ingest::scores::read_scores;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn score_reader_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(file) = read_scores(bytes.as_slice()) {
            for error in &file.errors {
                prop_assert!(error.place.number() >= 2);
                prop_assert!((1..=u32::MAX as usize).contains(&error.column));
            }
        }
    }

    /// Bytes behind a valid header exercise the row paths, not only the header.
    #[test]
    fn score_reader_survives_any_rows(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut bytes = b"nip,kinerja,potensial\n".to_vec();
        bytes.extend(body);
        let file = read_scores(bytes.as_slice());
        let acceptable = file.is_ok() || matches!(file, Err(talenta_ingest::FileError::Syntax { .. }));
        prop_assert!(acceptable, "unexpected file error: {:?}", file.err());
    }

    /// Structured near-valid rows: every row is either accepted or reported.
    #[test]
    fn every_row_is_accepted_or_reported(
        rows in proptest::collection::vec(("[0-9 ]{0,20}", "[0-9.a-]{0,6}", "[0-9.]{0,6}"), 0..30)
    ) {
        let mut text = String::from("nip,kinerja,potensial\n");
        for (nip, k, p) in &rows {
            text.push_str(&format!("{nip},{k},{p}\n"));
        }
        let file = read_scores(text.as_bytes()).unwrap();
        let blank = rows.iter().filter(|(n, k, p)| format!("{n}{k}{p}").trim().is_empty()).count();
        let reported: std::collections::BTreeSet<u64> = file.errors.iter().map(|e| e.place.number()).collect();
        prop_assert_eq!(file.rows.len() + reported.len() + blank, rows.len());
    }
}
