//! One provisioned estimate, with the trace off (bulk use) and on (`--explain`).
//!
//! Run with `cargo bench -p kcost-core --bench estimate`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use kcost_core::{provisioned, testing, Options, Rounding, StreamWorkload};

fn bench(c: &mut Criterion) {
    let book = testing::deck_book();
    let region = book.region("eu-central-1").expect("fixture region");
    let workload = StreamWorkload {
        consumers: Some(10),
        ..StreamWorkload::new("100/s".parse().expect("rate"), "100".parse().expect("size"))
    };
    // One shared consumer: a single run of the model. The deck's ten consumers also price the
    // enhanced fan-out alternative for them, a second run.
    let single = StreamWorkload {
        consumers: Some(1),
        ..workload
    };
    let mut group = c.benchmark_group("provisioned_estimate");
    group.bench_function("calculator_trace_off_one_consumer", |b| {
        b.iter(|| provisioned::estimate_in(black_box(&single), region, Options::default()))
    });
    for (name, rounding, trace) in [
        ("calculator_trace_off", Rounding::Calculator, false),
        ("calculator_trace_on", Rounding::Calculator, true),
        ("exact_trace_off", Rounding::Exact, false),
    ] {
        let options = Options {
            rounding,
            trace,
            ..Options::default()
        };
        group.bench_function(name, |b| {
            b.iter(|| provisioned::estimate_in(black_box(&workload), region, options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
