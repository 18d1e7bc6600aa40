//! Arbitrary bytes as the input of `talenta classify`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talenta_ingest::fuzzing;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = fuzzing::scores(data) {
        panic!("{broken}");
    }
});
