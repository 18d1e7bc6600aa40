//! Arbitrary bytes as an XLSX workbook, under small limits so that one
//! input cannot exhaust the fuzzer's memory budget.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talenta_ingest::fuzzing;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = fuzzing::xlsx_rows(data) {
        panic!("{broken}");
    }
});
