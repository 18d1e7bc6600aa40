//! Employees per second: the records of 1,000 employees of a
//! 1,000,000-employee instansi, on one thread (the CLI runs one generator
//! per core).

use std::hint::black_box;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use talenta_generate::{Config, Generator};

fn employees(c: &mut Criterion) {
    let Ok(generator) = Generator::new(Config {
        employees: 1_000_000,
        seed: 1,
        dirty: false,
    }) else {
        return;
    };
    let mut group = c.benchmark_group("generate");
    group.throughput(Throughput::Elements(1_000));
    let mut batch = talenta_generate::Batch::default();
    group.bench_function("1k employees, all records", |b| {
        b.iter(|| {
            generator.refill(black_box(500_000..501_000), &mut batch);
            black_box(&batch);
        });
    });
    group.finish();
}

criterion_group!(benches, employees);
criterion_main!(benches);
