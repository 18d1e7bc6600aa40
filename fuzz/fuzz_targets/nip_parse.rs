//! Arbitrary text as a NIP.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talenta_ingest::fuzzing;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = fuzzing::nip_parse(data) {
        panic!("{broken}");
    }
});
