//! A kind byte and a file of that kind, parsed as `talenta import` does:
//! records or located errors, never a panic, and every record exports and
//! imports back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talenta_ingest::fuzzing;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = fuzzing::csv_import(data) {
        panic!("{broken}");
    }
});
