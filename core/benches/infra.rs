//! Reading and pricing infrastructure as code: the test fixture's plan (13 Kinesis resources,
//! modules, aliases, references) read and priced before and after, and a 50 MB plan of 200,000
//! resources kcost does not price, read.
//!
//! Run with `cargo bench -p kcost-core --bench infra`.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use kcost_core::infra::{self, terraform, Usage};
use kcost_core::{testing, Options};

const PLAN: &str = include_str!("../tests/fixtures/terraform/plan.json");
const USAGE: &str = include_str!("../tests/fixtures/terraform/usage.toml");

/// About 50 MB: 200,000 S3 objects and one stream.
fn big_plan() -> String {
    let mut text = String::from(r#"{"format_version": "1.2", "resource_changes": ["#);
    let filler = "x".repeat(180);
    for n in 0..200_000 {
        let _ = write!(
            text,
            r#"{{"address": "aws_s3_object.o[{n}]", "mode": "managed", "type": "aws_s3_object", "name": "o", "index": {n}, "change": {{"actions": ["create"], "before": null, "after": {{"key": "{filler}"}}}}}},"#
        );
    }
    text.push_str(r#"{"address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream", "name": "s", "change": {"actions": ["create"], "before": null, "after": {"shard_count": 2}}}]}"#);
    text
}

fn bench(c: &mut Criterion) {
    let book = testing::deck_book();
    let usage = Usage::parse(USAGE, "usage.toml").expect("usage");
    let mut group = c.benchmark_group("terraform");
    group.bench_function("fixture_parse_and_price", |b| {
        b.iter(|| {
            let i = terraform::parse(black_box(PLAN), "plan.json").expect("plan");
            infra::price(&i, &usage, Some("us-east-1"), &book, Options::default())
        })
    });
    let big = big_plan();
    group.sample_size(10);
    group.bench_function("parse_50_mb_plan", |b| {
        b.iter(|| terraform::parse(black_box(&big), "big.json").expect("plan"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
