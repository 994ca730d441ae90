//! Reading and pricing CloudWatch metrics: a week of 5-minute sums (2,016 points of each of three
//! metrics, one get-metric-data page), parsed, assembled and priced in every mode.
//!
//! Run with `cargo bench -p kcost-core --bench metrics`.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use kcost_core::metrics::{parse, price, Settings, TrafficSeries};
use kcost_core::{testing, Options};

/// One get-metric-data page: a week of 5-minute sums with a daily swing, newest first.
fn week() -> String {
    let start = 1_795_392_000_i64; // a Monday, 00:00 UTC
    let points = 2016;
    let mut stamps = String::new();
    let (mut bytes, mut records, mut out) = (String::new(), String::new(), String::new());
    for i in (0..points).rev() {
        let t = start + 300 * i;
        let hour = (t % 86_400) / 3600;
        let rate = 300 * (500 + 40 * hour);
        let sep = if i == points - 1 { "" } else { "," };
        let d = t / 86_400;
        let (y, m, day) = civil(d);
        let _ = write!(
            stamps,
            "{sep}\"{y:04}-{m:02}-{day:02}T{:02}:{:02}:00Z\"",
            hour,
            (t % 3600) / 60
        );
        let _ = write!(records, "{sep}{rate}");
        let _ = write!(bytes, "{sep}{}", rate * 2048);
        let _ = write!(out, "{sep}{}", rate * 2048 * 2);
    }
    let result = |id: &str, values: &str| {
        format!(
            r#"{{"Id": "{id}", "Label": "{id}", "StatusCode": "Complete", "Timestamps": [{stamps}], "Values": [{values}]}}"#
        )
    };
    format!(
        r#"{{"MetricDataResults": [{}, {}, {}], "Messages": []}}"#,
        result("IncomingBytes", &bytes),
        result("IncomingRecords", &records),
        result("GetRecords.Bytes", &out)
    )
}

/// Days since 1970-01-01 as a civil date (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn bench(c: &mut Criterion) {
    let text = week();
    let book = testing::deck_book();
    let mut group = c.benchmark_group("metrics_week_5min");
    group.bench_function("parse_and_assemble", |b| {
        b.iter(|| TrafficSeries::assemble(parse(black_box(&text), "week.json").expect("parse")))
    });
    let traffic =
        TrafficSeries::assemble(parse(&text, "week.json").expect("parse")).expect("series");
    group.bench_function("price_every_mode", |b| {
        b.iter(|| {
            price(
                black_box(&traffic),
                Settings::default(),
                Some("us-east-1"),
                &book,
                Options::default(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
