//! Classifying a whole national registry (4.3 million ASN) in memory.
//! Run: `cargo bench -p talenta-domain --bench nine_box`.

// Benchmark set-up code, like test code, may unwrap.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use talenta_domain::{AxisCutoffs, Cutoffs, Score};

const EMPLOYEES: usize = 4_300_000;

/// Deterministic pseudo-random scores (xorshift), spread over 0–100.
fn scores() -> Vec<(Score, Score)> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        Score::from_hundredths(u16::try_from(state % 10_001).unwrap()).unwrap()
    };
    (0..EMPLOYEES).map(|_| (next(), next())).collect()
}

fn bench(c: &mut Criterion) {
    let people = scores();
    let cutoffs = Cutoffs::both(
        AxisCutoffs::new(Score::whole(80).unwrap(), Score::whole(60).unwrap()).unwrap(),
    );
    let mut group = c.benchmark_group("nine_box");
    group.throughput(Throughput::Elements(EMPLOYEES as u64));
    group.sample_size(20);
    group.bench_function("classify_4_3_million", |b| {
        b.iter(|| {
            let mut counts = [0u32; 10];
            for (kinerja, potensial) in black_box(&people) {
                let kotak = cutoffs.classify(*kinerja, *potensial).kotak.number();
                if let Some(slot) = counts.get_mut(usize::from(kotak)) {
                    *slot += 1;
                }
            }
            black_box(counts)
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
