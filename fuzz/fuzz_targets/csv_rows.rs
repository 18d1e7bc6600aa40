//! Arbitrary bytes as a delimited file: rows, located errors or a file
//! error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talenta_ingest::fuzzing;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = fuzzing::csv_rows(data) {
        panic!("{broken}");
    }
});
