//! Every line of every mode against figures computed by hand, the arithmetic written out beside
//! each. Prices are us-east-1's (kinesis-facts section 3), from `testing::full_region`.

// Cents are written as 536_55 so that they read as 536.55 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::{
    compare, estimate, testing, Error, Estimate, Form, Growth, InputError, Mode, Options, Rounding,
    StreamWorkload, Warning,
};

fn workload(records: &str, size_kb: &str) -> StreamWorkload {
    StreamWorkload::new(records.parse().unwrap(), size_kb.parse().unwrap())
}

#[track_caller]
fn run(mode: Mode, w: StreamWorkload) -> Estimate {
    let options = Options {
        rounding: Rounding::Calculator,
        trace: true,
        ..Options::default()
    };
    estimate(&w, mode, Some("us-east-1"), &testing::deck_book(), options).unwrap()
}

/// (quantity as shown, to 2 decimals, and cents) of the line `item`. On-demand and Advantage
/// (the calculator's current form) carry the unrounded quantity; [`raw`] gives it.
#[track_caller]
fn line(e: &Estimate, item: &str) -> (f64, i64) {
    let (quantity, cents) = raw(e, item);
    ((quantity * 100.0).round() / 100.0, cents)
}

/// (quantity as priced, cents) of the line `item`.
#[track_caller]
fn raw(e: &Estimate, item: &str) -> (f64, i64) {
    let l = e
        .lines
        .iter()
        .find(|l| l.item == item)
        .unwrap_or_else(|| panic!("no line {item} in {:?}", e.lines));
    (l.quantity, l.monthly_usd.cents())
}

/// Why a provisioned estimate of `w` in the default region is refused.
#[track_caller]
fn refused(w: &StreamWorkload) -> Error {
    estimate(
        w,
        Mode::Provisioned,
        None,
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap_err()
}

fn items(e: &Estimate) -> Vec<&str> {
    e.lines.iter().map(|l| l.item).collect()
}

#[test]
fn on_demand_standard_lines() {
    let w = StreamWorkload {
        consumers: Some(2),
        efo_consumers: 1,
        ..workload("100", "4.5")
    };
    let e = run(Mode::OnDemand, w);
    assert_eq!(
        items(&e),
        ["stream_hours", "data_in", "data_out", "efo_data_out"]
    );
    // 1 stream x 730 h x 0.04 = 29.20.
    assert_eq!(line(&e, "stream_hours"), (730.0, 29_20));
    // 4.5 KB bills as 5 KB: 5 x 100 x 2,628,000 / 1,048,576 = 1,253.128... -> 1,253.13 GB;
    // x 0.08 = 100.2504 -> 100.25.
    assert_eq!(line(&e, "data_in"), (1253.13, 100_25));
    // 1,253.13 x 2 consumers = 2,506.26 GB x 0.04 = 100.2504 -> 100.25.
    assert_eq!(line(&e, "data_out"), (2506.26, 100_25));
    // 1,253.13 x 1 EFO consumer x 0.05 = 62.6565 -> 62.66.
    assert_eq!(line(&e, "efo_data_out"), (1253.13, 62_66));
    assert_eq!(e.monthly_usd.cents(), 29_20 + 100_25 + 100_25 + 62_66);
    assert!(e.shards.is_none());
}

#[test]
fn on_demand_prices_unrounded_quantities() {
    let w = StreamWorkload {
        consumers: Some(10),
        ..workload("10", "1")
    };
    let e = run(Mode::OnDemand, w);
    assert_eq!(
        e.form,
        Form::Current,
        "on-demand exists only in the current form"
    );
    // 1 KB x 10 x 2,628,000 / 1,048,576 = 25.06256103515625 GB in (shown 25.06) x 0.08 = 2.005
    // -> 2.01.
    assert_eq!(raw(&e, "data_in"), (25.06256103515625, 2_01));
    // Out: the unrounded GB x 10 = 250.6256103515625 x 0.04 = 10.02502... -> 10.03. The older
    // form's reuse of the shown 25.06 would give 250.60 x 0.04 = 10.024 -> 10.02.
    assert_eq!(raw(&e, "data_out"), (250.6256103515625, 10_03));
    let text: String = e.steps.iter().map(|s| format!("{s}\n")).collect();
    assert!(
        text.contains("= 25.06 GB data in per month"),
        "shown at 2 decimals: {text}"
    );
}

#[test]
fn the_current_form_sizes_in_whole_shards_with_a_buffer() {
    let deck = StreamWorkload {
        consumers: Some(10),
        form: Form::Current,
        ..workload("100", "100")
    };
    let e = run(Mode::Provisioned, deck);
    assert_eq!(e.form, Form::Current);
    let s = e.shards.as_ref().unwrap();
    // 100 KB x 100/s = 10,000 KB/s. Ingress: RoundUp (10,000 / 1024 = 9.77) = 10. Reads:
    // RoundUp (10,000 x 10 consumers / 2048 = 48.83) = 49. No records term. Max = 49; x (1 +
    // 20 / 100) = 58.80 -> 59 shards (the 2021 form provisions 49).
    assert_eq!(
        (
            s.ingress,
            s.egress,
            s.records,
            s.needed,
            s.with_headroom,
            s.count
        ),
        (10.0, 49.0, None, 49.0, Some(58.8), 59)
    );
    // 59 x 730 = 43,070 shard-hours x 0.015 = 646.05; PUT 4 units x 100 x 2,628,000 =
    // 1,051,200,000 x 0.000000014 = 14.72; 660.77.
    assert_eq!(line(&e, "shard_hours"), (43_070.0, 646_05));
    assert_eq!(e.monthly_usd.cents(), 646_05 + 14_72);
    assert_eq!(e.inputs.buffer_percent, Some(20.0));
    let text: String = e.steps.iter().map(|s| format!("{s}\n")).collect();
    assert!(
        text.contains("49 Number of shards x 1.2 buffer factor (1 + buffer percent / 100) = 58.80"),
        "{text}"
    );

    // No buffer: the 2021 form's 49 shards here, but from whole-shard needs.
    let bare = StreamWorkload {
        buffer_percent: Some(0.0),
        ..deck
    };
    assert_eq!(run(Mode::Provisioned, bare).shards.unwrap().count, 49);

    // Enhanced fan-out consumers count as readers: 1000/min x 3 KB = 50 KB/s (unrounded 16.666...
    // records/s), x (3 + 1) / 2048 = 0.10 -> 1 shard; x 1.2 = 1.2 -> 2 shards.
    let small = StreamWorkload {
        consumers: Some(3),
        efo_consumers: 1,
        form: Form::Current,
        ..workload("1000/min", "3")
    };
    assert_eq!(run(Mode::Provisioned, small).shards.unwrap().count, 2);

    // No records term: 5,000 records/s of 0.1 KB is 500 KB/s, 1 shard, x 1.2 -> 2 shards, which
    // take 2,000 records/s; the estimate says so.
    let many = StreamWorkload {
        form: Form::Current,
        ..workload("5000", "0.1")
    };
    let e = run(Mode::Provisioned, many);
    assert_eq!(e.shards.as_ref().unwrap().count, 2);
    assert!(e
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::CurrentFormRecords { shards: 2, .. })));
    // Aggregated into 25 KB Kinesis records (250 user records each): 20 Kinesis records/s, well
    // within 2 shards.
    let packed = StreamWorkload {
        form: Form::Current,
        aggregate_kb: Some(25.0),
        ..workload("5000", "0.1")
    };
    let e = run(Mode::Provisioned, packed);
    assert!(!e
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::CurrentFormRecords { .. })));
}

#[test]
fn each_form_refuses_the_others_headroom() {
    let buffer_in_2021 = StreamWorkload {
        buffer_percent: Some(20.0),
        ..workload("100", "1")
    };
    let err = refused(&buffer_in_2021);
    assert!(
        matches!(err, Error::Input(InputError::BufferNeedsCurrentForm)),
        "{err}"
    );
    let utilization_in_current = StreamWorkload {
        target_utilization: 80.0,
        form: Form::Current,
        ..workload("100", "1")
    };
    let err = refused(&utilization_in_current);
    assert!(err.to_string().contains("buffer"), "{err}");
}

#[test]
fn advantage_at_exactly_the_commitment_costs_101_25_a_day() {
    // 25,600 records/s of 1 KB is 25 MiB/s in and, with one consumer, 25 MiB/s out.
    let e = run(Mode::Advantage, workload("25600", "1"));
    assert_eq!(
        items(&e),
        ["data_in", "data_out"],
        "no shortfall lines at the commitment"
    );
    // 1 KB x 25,600 x 2,628,000 / 1,048,576 = 64,160.15625 GB -> 64,160.16 GB.
    assert_eq!(line(&e, "data_in"), (64_160.16, 2053_13)); // x 0.032 = 2,053.125...
    assert_eq!(line(&e, "data_out"), (64_160.16, 1026_56)); // x 0.016 = 1,026.562...
                                                            // A day: 2,109.375 GiB x (0.032 + 0.016) = 101.25; a month is 730 / 24 days of it.
    let per_day: f64 = 2_109.375 * (0.032 + 0.016);
    assert_eq!(per_day, 101.25);
    assert_eq!(
        e.monthly_usd.cents(),
        (per_day * 730.0 / 24.0 * 100.0).round() as i64
    );
}

#[test]
fn advantage_bills_the_commitment_shortfall_as_its_own_lines() {
    let w = StreamWorkload {
        consumers: Some(0),
        ..workload("100", "1")
    };
    let e = run(Mode::Advantage, w);
    assert_eq!(
        items(&e),
        ["data_in", "ingest_commitment", "retrieval_commitment"]
    );
    // 1 x 100 x 2,628,000 / 1,048,576 = 250.63 GB in; commitment 25 x 2,628,000 / 1024 =
    // 64,160.16 GB.
    assert_eq!(line(&e, "data_in"), (250.63, 8_02));
    // 64,160.16 - 250.63 = 63,909.53 GB short. The line bills the commitment less the use line,
    // so the two together are exactly the commitment: 64,160.16 x 0.032 = 2,053.13 - 8.02.
    assert_eq!(line(&e, "ingest_commitment"), (63_909.53, 2053_13 - 8_02));
    assert_eq!(
        line(&e, "data_in").1 + line(&e, "ingest_commitment").1,
        2053_13
    );
    // Nothing read: the whole 64,160.16 GB x 0.016 = 1,026.56.
    assert_eq!(line(&e, "retrieval_commitment"), (64_160.16, 1026_56));
}

#[test]
fn provisioned_enhanced_fan_out() {
    let w = StreamWorkload {
        efo_consumers: 3,
        ..workload("100", "10")
    };
    let e = run(Mode::Provisioned, w);
    // 10 KB x 100/s = 0.98 MB/s: 1 shard. 3 consumers x 1 shard x 730 h = 2,190 x 0.015 = 32.85.
    assert_eq!(line(&e, "efo_consumer_shard_hours"), (2190.0, 32_85));
    // As the calculator builds it, from records and size, not the rounded MB/s: 100/s x 2,628,000
    // = 262,800,000 records a month; 10 KB / 1024 = 0.00976563 MB / 1024 = 0.00000954 GB per
    // record; 262,800,000 x 0.00000954 x 3 = 7,521.336 -> 7,521.34 GB x 0.013 = 97.777 -> 97.78.
    // (The 2-decimal 0.98 MB/s would give 7,545.24 GB.)
    assert_eq!(line(&e, "efo_data_retrievals"), (7521.34, 97_78));
}

#[test]
fn enhanced_fan_out_data_is_built_from_records_and_size() {
    let w = StreamWorkload {
        consumers: Some(3),
        efo_consumers: 1,
        ..workload("1000/min", "3")
    };
    let e = run(Mode::Provisioned, w);
    // 1000 / 60 = 16.67 records per sec x 2,628,000 = 43,808,760.00 records a month; 3 KB / 1024 =
    // 0.00292969 MB / 1024 = 0.00000286 GB per record; x 1 consumer = 125.293 -> 125.29 GB x
    // 0.013 = 1.6288 -> 1.63. (0.05 MB/s x 2,628,000 / 1024 = 128.32 GB would be 2.4% high.)
    assert_eq!(line(&e, "efo_data_retrievals"), (125.29, 1_63));
    let text = e
        .steps
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains("= 43,808,760.00 Number of records per month"),
        "{text}"
    );
    assert!(text.contains("= 0.00000286 GB (Record size)"), "{text}");

    // 1 record/s x 1 KB: 0.00 MB/s at 2 decimals would bill nothing; 2,628,000 x 0.00000095 GB =
    // 2.4966 -> 2.50 GB.
    let one = StreamWorkload {
        efo_consumers: 1,
        ..workload("1", "1")
    };
    assert_eq!(
        line(&run(Mode::Provisioned, one), "efo_data_retrievals").0,
        2.5
    );
}

#[test]
fn enhanced_fan_out_limits() {
    let over = |mode, n| {
        let w = StreamWorkload {
            efo_consumers: n,
            ..workload("1", "1")
        };
        estimate(
            &w,
            mode,
            Some("us-east-1"),
            &testing::deck_book(),
            Options::default(),
        )
    };
    assert!(over(Mode::Provisioned, 20).is_ok());
    assert!(over(Mode::Advantage, 50).is_ok());
    for (mode, n, limit) in [
        (Mode::Provisioned, 21, 20),
        (Mode::OnDemand, 21, 20),
        (Mode::Advantage, 51, 50),
    ] {
        let err = over(mode, n).unwrap_err();
        assert!(
            matches!(err, Error::Input(InputError::EfoLimit { limit: l, .. }) if l == limit),
            "{err}"
        );
        assert!(
            err.to_string().contains(&format!("limit of {limit}")),
            "{err}"
        );
    }
}

#[test]
fn provisioned_retention() {
    let w = StreamWorkload {
        retention: "30d".parse().unwrap(),
        long_term_reads_gb: 100.0,
        ..workload("100", "10")
    };
    let e = run(Mode::Provisioned, w);
    // Every shard-hour pays extended retention: 730 x 0.020 = 14.60.
    assert_eq!(line(&e, "extended_retention"), (730.0, 14_60));
    // From the same records and size: 262,800,000 x 0.00000954 = 2,507.11 GB a month / 730 =
    // 3.434... -> 3.43 GB per hour, held (720 - 168 =) 552 h beyond 7 days: 3.43 x 552 =
    // 1,893.36 GB-months x 0.023 = 43.547 -> 43.55.
    assert_eq!(line(&e, "long_term_retention"), (1893.36, 43_55));
    // 100 GB read x 0.021 = 2.10.
    assert_eq!(line(&e, "long_term_retrieval"), (100.0, 2_10));

    let week = StreamWorkload {
        retention: "7d".parse().unwrap(),
        ..workload("100", "10")
    };
    assert_eq!(
        items(&run(Mode::Provisioned, week)),
        ["shard_hours", "put_payload_units", "extended_retention"],
        "nothing is older than 7 days"
    );
}

#[test]
fn on_demand_and_advantage_retention() {
    let w = StreamWorkload {
        retention: "10d".parse().unwrap(),
        ..workload("100", "10")
    };
    let e = run(Mode::OnDemand, w);
    // Unrounded, as the current form prices: 10 x 100 x 2,628,000 / 1,048,576 =
    // 2,506.256103515625 GB; / 730 = 3.4332275390625 GB per hour.
    // 24 h to 7 days: x 144 = 494.384765625 GB-months x 0.10 = 49.438... -> 49.44 (the rounded
    // 3.43 GB per hour would give 493.92 GB-months and 49.39).
    assert_eq!(raw(&e, "extended_retention"), (494.384765625, 49_44));
    // Beyond 7 days: x (240 - 168 =) 72 = 247.1923828125 GB-months x 0.023 = 5.685... -> 5.69.
    assert_eq!(raw(&e, "long_term_retention"), (247.1923828125, 5_69));

    let a = run(Mode::Advantage, w);
    // One band beyond 24 h: x 216 = 741.5771484375 GB-months x 0.023 = 17.056... -> 17.06.
    assert_eq!(raw(&a, "retention"), (741.5771484375, 17_06));
}

#[test]
fn aggregation_packs_records_and_reports_the_saving() {
    let plain = run(Mode::Provisioned, workload("5000", "0.5"));
    let w = StreamWorkload {
        aggregate_kb: Some(25.0),
        ..workload("5000", "0.5")
    };
    let e = run(Mode::Provisioned, w);
    // Unaggregated: 5 shards for 5,000 records/s: 3,650 h x 0.015 = 54.75; PUT 1 unit x 5,000 x
    // 2,628,000 = 13,140,000,000 x 0.000000014 = 183.96; 238.71 in all.
    assert_eq!(plain.monthly_usd.cents(), 238_71);
    // 25 / 0.5 = 50 per Kinesis record: 100 Kinesis records/s; 2.44 MB/s needs 3 shards (32.85);
    // 1 unit per Kinesis record / 50 = 0.02 per user record: 262,800,000 units = 3.68.
    assert_eq!(e.shards.as_ref().unwrap().records, Some(0.1));
    assert_eq!(line(&e, "shard_hours"), (2190.0, 32_85));
    assert_eq!(line(&e, "put_payload_units"), (262_800_000.0, 3_68));
    let saving = e.aggregation.as_ref().unwrap();
    assert_eq!(saving.user_records_per_kinesis_record, 50.0);
    assert_eq!(saving.unaggregated_monthly_usd.cents(), 238_71);
    assert_eq!(saving.saving_usd.cents(), 238_71 - 36_53);

    // On-demand: 0.5 KB bills as 1 KB unaggregated; packed, 25 KB per 50 records, 0.5 KB each.
    let od = run(Mode::OnDemand, w);
    // 0.5 x 5,000 x 2,628,000 / 1,048,576 = 6,265.64 GB x 0.08 = 501.2512 -> 501.25.
    assert_eq!(line(&od, "data_in"), (6265.64, 501_25));
}

#[test]
fn peaks_size_shards_and_averages_bill_usage() {
    let w = StreamWorkload {
        peak_records: Some("3000".parse().unwrap()),
        target_utilization: 80.0,
        ..workload("1000", "1")
    };
    let e = run(Mode::Provisioned, w);
    let s = e.shards.as_ref().unwrap();
    // Peak: 3,000 records/s of 1 KB = 2.93 MB/s; the records need 3.000 wins; / 0.80 = 3.75 -> 4.
    assert_eq!((s.ingress, s.records, s.needed), (2.93, Some(3.0), 3.0));
    assert_eq!(s.with_headroom, Some(3.75));
    assert_eq!(s.count, 4);
    // PUT units on the average: 1 x 1,000 x 2,628,000 = 2,628,000,000 x 0.000000014 = 36.792.
    assert_eq!(line(&e, "put_payload_units"), (2_628_000_000.0, 36_79));
    assert_eq!(e.inputs.peak_records_per_second, Some(3000.0));

    // On-demand: a peak over 4 MB/s and over twice the average is worth a warning each.
    let spiky = StreamWorkload {
        peak_records: Some("10000".parse().unwrap()),
        ..workload("1000", "1")
    };
    let od = run(Mode::OnDemand, spiky);
    assert!(od
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::OnDemandNewStream { .. })));
    assert!(od
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::OnDemandBurst { ratio } if *ratio == 10.0)));
}

#[test]
fn a_hot_key_needs_shards_or_cannot_be_fixed() {
    let w = StreamWorkload {
        hot_key_share: Some(0.1),
        ..workload("8000", "1")
    };
    let e = run(Mode::Provisioned, w);
    // The key: 0.1 x 8,000 = 800 records/s (7.81 MB/s x 0.1 = 0.78 MB/s). The other 90% spread
    // over S shards must fit in the 200 records/s left: 0.9 x 8,000 / 200 = 36 shards.
    let s = e.shards.as_ref().unwrap();
    assert_eq!(s.hot_key, Some(36.0));
    assert_eq!(s.count, 36);
    let hot = e.hot_key.unwrap();
    assert!(hot.fixable);
    assert_eq!(hot.key_records_per_second, 800.0);
    // At 36 shards: 800 + 0.9 x 8,000 / 36 = 1,000 records/s on the busiest shard.
    assert_eq!(hot.busiest_shard_records_per_second, Some(1000.0));

    let hotter = StreamWorkload {
        hot_key_share: Some(0.2),
        ..workload("8000", "1")
    };
    let e = run(Mode::Provisioned, hotter);
    // 0.2 x 8,000 = 1,600 records/s on one key: over 1,000, whatever the shard count.
    assert!(!e.hot_key.unwrap().fixable);
    assert!(e
        .warnings
        .iter()
        .any(|w| w.to_string().contains("no shard count fixes that")));
    assert_eq!(
        e.shards.as_ref().unwrap().count,
        8,
        "the other needs still size the stream"
    );
}

#[test]
fn slow_shared_consumers_get_the_enhanced_fan_out_price() {
    let w = StreamWorkload {
        consumers: Some(10),
        ..workload("100", "100")
    };
    let e = run(Mode::Provisioned, w);
    assert_eq!(e.consumer_delay_ms, Some(2000.0));
    // With the 10 consumers on EFO: 10 shards (109.50) + PUT 14.72 + 10 x 10 x 730 consumer-shard
    // hours (1,095.00) + 262,800,000 records x 0.00009537 GB x 10 = 250,632.36 GB x 0.013
    // (3,258.22) = 4,477.44; 4,477.44 - 551.27.
    let change = e
        .warnings
        .iter()
        .find_map(|w| match w {
            Warning::SlowConsumers { efo_change_usd, .. } => *efo_change_usd,
            _ => None,
        })
        .unwrap();
    assert_eq!(change.cents(), 4477_44 - 551_27);

    let five = StreamWorkload {
        consumers: Some(5),
        ..workload("100", "100")
    };
    let e = run(Mode::Provisioned, five);
    assert_eq!(e.consumer_delay_ms, Some(1000.0));
    assert!(
        e.warnings.is_empty(),
        "1 s is not over 1 s: {:?}",
        e.warnings
    );
}

#[test]
fn records_over_1_mib_need_a_larger_maximum() {
    let big = workload("1", "2048");
    let err = refused(&big);
    assert!(
        err.to_string().contains("raise the maximum record size"),
        "{err}"
    );
    let allowed = StreamWorkload {
        max_record_size: Some("2MiB".parse().unwrap()),
        ..big
    };
    let e = run(Mode::Provisioned, allowed);
    // 2,048 KB / 25 = 81.92 -> 82 units per record.
    assert_eq!(line(&e, "put_payload_units").0, 82.0 * 2_628_000.0);
    assert!(e
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::LargeRecords { .. })));
}

#[test]
fn growth_resizes_every_month() {
    let w = StreamWorkload {
        growth: Some(Growth::new(50.0, 4).unwrap()),
        ..workload("600", "1")
    };
    let e = run(Mode::Provisioned, w);
    let g = e.growth.as_ref().unwrap();
    let rates: Vec<f64> = g.months.iter().map(|m| m.records_per_second).collect();
    // 600 x 1.5^(month - 1).
    assert_eq!(rates, [600.0, 900.0, 1350.0, 2025.0]);
    let shards: Vec<Option<u64>> = g.months.iter().map(|m| m.shards).collect();
    assert_eq!(shards, [Some(1), Some(1), Some(2), Some(3)]);
    let sum: i64 = g.months.iter().map(|m| m.monthly_usd.cents()).sum();
    assert_eq!(g.total_usd.cents(), sum);
    assert_eq!(
        g.months[0].monthly_usd, e.monthly_usd,
        "month 1 is the estimate itself"
    );
    // The months are priced with the estimate's own options: under exact rounding with a 10%
    // discount, month 1 is still the estimate itself.
    let options = Options {
        rounding: Rounding::Exact,
        discount_bp: 1000,
        ..Options::default()
    };
    let e = estimate(
        &w,
        Mode::Provisioned,
        Some("us-east-1"),
        &testing::deck_book(),
        options,
    )
    .unwrap();
    // 1 shard (10.95) + 600 x 2,628,000 PUT units x 0.000000014 (22.0752 -> 22.08) = 33.03,
    // less 10% (3.303 -> 3.30).
    assert_eq!(e.monthly_usd.cents(), 29_73);
    assert_eq!(
        e.growth.as_ref().unwrap().months[0].monthly_usd.cents(),
        29_73
    );
}

#[test]
fn compare_marks_the_cheapest_and_lists_what_it_cannot_price() {
    let w = StreamWorkload {
        consumers: Some(10),
        ..workload("100", "100")
    };
    let book = testing::deck_book();
    let c = compare(&w, Some("us-east-1"), &book, Options::default()).unwrap();
    let modes: Vec<Mode> = c.estimates.iter().map(|e| e.mode).collect();
    assert_eq!(modes, Mode::ALL);
    let min = c.estimates.iter().map(|e| e.monthly_usd).min().unwrap();
    assert_eq!(c.cheapest, Mode::Provisioned);
    assert_eq!(c.estimates[0].monthly_usd, min);
    assert!(c.unavailable.is_empty());
    // Steady traffic: provisioned is cheaper at every rate for 100 KB records and 10 consumers.
    assert_eq!(c.break_even_records_per_second, None);

    // us-east-2 has no Advantage prices: compared without it, and said why.
    let ohio = compare(&w, Some("us-east-2"), &book, Options::default()).unwrap();
    assert_eq!(
        ohio.estimates.len(),
        1,
        "the deck book's us-east-2 prices provisioned only"
    );
    assert_eq!(ohio.unavailable.len(), 2);
    assert!(ohio.unavailable[0]
        .reason
        .to_string()
        .contains("has no price for"));
    // One mode alone is not "the cheapest", and no break-even can be stated without both.
    assert_eq!(c.cheapest_of_several(), Some(Mode::Provisioned));
    assert!(c.prices_both());
    assert_eq!(ohio.cheapest_of_several(), None);
    assert!(!ohio.prices_both());
    // The JSON says why a mode was left out, in words.
    let json = serde_json::to_value(&ohio).unwrap();
    let reason = json["unavailable"][0]["reason"].as_str().unwrap();
    assert_eq!(reason, ohio.unavailable[0].reason.to_string());
    assert!(reason.contains("has no price for"), "{reason}");
}

#[test]
fn break_even_is_where_the_totals_cross() {
    // Traffic that peaks at 50 times its average: provisioned pays for the peak all month, so
    // on-demand wins once the rate is high enough to outweigh its stream-hour charge.
    let w = StreamWorkload {
        peak_records: Some("50".parse().unwrap()),
        ..workload("1", "1")
    };
    let book = testing::deck_book();
    let region = book.region("us-east-1").unwrap();
    let rate = kcost_core::break_even(&w, region, Options::default())
        .unwrap()
        .unwrap();
    let total = |r: f64, mode| {
        let at = StreamWorkload {
            records: kcost_core::Rate::new(r, kcost_core::Per::Second).unwrap(),
            peak_records: Some(kcost_core::Rate::new(r * 50.0, kcost_core::Per::Second).unwrap()),
            ..w
        };
        estimate(&at, mode, Some("us-east-1"), &book, Options::default())
            .unwrap()
            .monthly_usd
    };
    let below = (
        total(rate - 0.01, Mode::Provisioned),
        total(rate - 0.01, Mode::OnDemand),
    );
    let at = (total(rate, Mode::Provisioned), total(rate, Mode::OnDemand));
    assert!(
        below.0 <= below.1,
        "provisioned no dearer just below {rate}: {below:?}"
    );
    assert!(at.0 > at.1, "on-demand cheaper at {rate}: {at:?}");
}

#[test]
fn a_daily_profile_sizes_for_the_busiest_hour_or_follows_a_schedule() {
    // The deck's stream at half its rate for 12 hours and one and a half times it for 12: the
    // same 100 records/s on average.
    let mut weights = [0.5; 24];
    weights[12..].fill(1.5);
    let profile = kcost_core::Profile::from_weights(&weights).unwrap();
    let deck = StreamWorkload {
        consumers: Some(10),
        profile: Some(profile),
        ..workload("100", "100")
    };
    let fixed = run(Mode::Provisioned, deck);
    // Sized for the busiest hour: 100 x 1.50 = 150 records/s; 0.09765625 MB x 150 = 14.65 MB/s
    // in, x 10 consumers = 146.50 / 2 = 73.25 -> 74 shards: 54,020 shard-hours x 0.015 = 810.30.
    // PUT units are billed on the average: 14.72, as the deck's.
    assert_eq!(fixed.shards.as_ref().unwrap().count, 74);
    assert_eq!(line(&fixed, "shard_hours"), (54_020.0, 810_30));
    assert_eq!(line(&fixed, "put_payload_units").1, 14_72);

    let scheduled = run(
        Mode::Provisioned,
        StreamWorkload {
            scaling: kcost_core::Scaling::Scheduled,
            ..deck
        },
    );
    // Each hour as a fixed count would be: 50 records/s -> 48.80 / 2 = 24.40 -> 25 shards at
    // night, 74 by day. 25 -> 74 is more than double and 74 -> 25 less than half, so the count
    // passes through 37 at 00:00 and 11:00: 37 + 10 x 25 + 37 + 12 x 74 = 1,212 shard-hours a
    // day, 4 changes; x 730 / 24 = 36,865 shard-hours x 0.015 = 552.975 -> 552.98.
    let s = scheduled.schedule.as_ref().unwrap();
    assert_eq!((s.shard_hours_per_day, s.changes), (1212, 4));
    assert_eq!(
        (s.hours[0], s.hours[1], s.hours[11], s.hours[12]),
        (37, 25, 37, 74)
    );
    assert_eq!(line(&scheduled, "shard_hours"), (36_865.0, 552_98));

    // A profile sets the peak: both is a mistake, and so is a schedule without a profile.
    let both = StreamWorkload {
        peak_records: Some("200".parse().unwrap()),
        ..deck
    };
    let err = refused(&both);
    assert!(
        matches!(err, Error::Input(InputError::ProfileAndPeak)),
        "{err}"
    );
    let bare = StreamWorkload {
        scaling: kcost_core::Scaling::Scheduled,
        ..workload("100", "1")
    };
    let err = refused(&bare);
    assert!(err.to_string().contains("follows a daily profile"), "{err}");
}

#[test]
fn compare_restates_the_break_even_as_a_share_of_a_profiles_peak() {
    let mut weights = [0.5; 24];
    weights[12..].fill(1.5);
    let deck = StreamWorkload {
        consumers: Some(10),
        profile: Some(kcost_core::Profile::from_weights(&weights).unwrap()),
        ..workload("100", "100")
    };
    let c = compare(
        &deck,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let s = c.break_even_share_of_peak.unwrap();
    // The peak held: 100 x 1.5 = 150 records/s; the profile's average is 100 / 150 = 66.7%.
    assert_eq!(s.peak_records_per_second, 150.0);
    assert!((s.profile_percent - 200.0 / 3.0).abs() < 1e-9);
    // At the break-even average provisioned (sized for 150/s) is no dearer than on-demand, and
    // 0.01 records/s below it on-demand is cheaper.
    let at = |avg: f64| {
        let w = StreamWorkload {
            records: kcost_core::Rate::new(avg, kcost_core::Per::Second).unwrap(),
            peak_records: Some(kcost_core::Rate::new(150.0, kcost_core::Per::Second).unwrap()),
            profile: None,
            ..deck
        };
        let cost = |mode| run(mode, w).monthly_usd;
        (cost(Mode::Provisioned), cost(Mode::OnDemand))
    };
    let avg = (s.percent / 100.0 * 150.0 * 100.0).round() / 100.0;
    let (p, o) = at(avg);
    assert!(o >= p, "{avg}: on-demand {o} provisioned {p}");
    let (p, o) = at(avg - 0.01);
    assert!(o < p, "{avg}: on-demand {o} provisioned {p}");
}

#[test]
fn a_declared_shard_count_is_billed_and_checked_against_the_need() {
    let deck = StreamWorkload {
        consumers: Some(10),
        ..workload("100", "100")
    };
    // The deck needs 49 shards; 40 declared are billed: 40 x 730 = 29,200 shard-hours x 0.015 =
    // 438.00, PUT units unchanged at 14.72: 452.72, and a throttling warning.
    let under = run(
        Mode::Provisioned,
        StreamWorkload {
            shards: Some(40),
            ..deck
        },
    );
    assert_eq!(line(&under, "shard_hours"), (29_200.0, 438_00));
    assert_eq!(under.monthly_usd.cents(), 452_72);
    let s = under.shards.as_ref().unwrap();
    assert_eq!((s.count, s.sized), (40, Some(49)));
    assert!(under.warnings.contains(&Warning::ShardsBelowNeed {
        shards: 40,
        needed: 49
    }));
    // 200 declared: 146,000 shard-hours = 2,190.00 + 14.72 = 2,204.72; the 49 needed cost
    // 49 x 730 x 0.015 = 536.55 + 14.72 = 551.27: 1,653.45 less.
    let over = run(
        Mode::Provisioned,
        StreamWorkload {
            shards: Some(200),
            ..deck
        },
    );
    assert_eq!(over.monthly_usd.cents(), 2_204_72);
    assert!(over.warnings.contains(&Warning::ShardsAboveNeed {
        shards: 200,
        needed: 49,
        saving_usd: kcost_core::Money::from_cents(1_653_45),
    }));
    // 60 is not twice 49: no saving warning, and no throttling one.
    let some = run(
        Mode::Provisioned,
        StreamWorkload {
            shards: Some(60),
            ..deck
        },
    );
    assert!(!some.warnings.iter().any(|w| matches!(
        w,
        Warning::ShardsAboveNeed { .. } | Warning::ShardsBelowNeed { .. }
    )));
    // Extended retention and enhanced fan-out follow the declared count: 60 shards x 730 x 2.
    let efo = run(
        Mode::Provisioned,
        StreamWorkload {
            shards: Some(60),
            efo_consumers: 2,
            ..deck
        },
    );
    assert_eq!(line(&efo, "efo_consumer_shard_hours").0, 87_600.0);
    // On-demand has no shard count of the user's; a comparison prices it without one.
    let err = estimate(
        &StreamWorkload {
            shards: Some(4),
            ..deck
        },
        Mode::OnDemand,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap_err();
    assert_eq!(err, Error::Input(InputError::ShardsNeedProvisioned));
    let c = compare(
        &StreamWorkload {
            shards: Some(60),
            ..deck
        },
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let monthly = |m: Mode| {
        c.estimates
            .iter()
            .find(|e| e.mode == m)
            .unwrap()
            .monthly_usd
    };
    assert_eq!(monthly(Mode::Provisioned).cents(), some.monthly_usd.cents());
    assert_eq!(monthly(Mode::OnDemand).cents(), 12_059_22);
}

/// An on-demand estimate of `records` of `size` KB with a hot key of `share`, at `peak`.
#[track_caller]
fn on_demand_hot_key(share: f64, records: &str, size: &str, peak: Option<&str>) -> Estimate {
    let w = StreamWorkload {
        hot_key_share: Some(share),
        peak_records: peak.map(|p| p.parse().unwrap()),
        ..workload(records, size)
    };
    run(Mode::OnDemand, w)
}

fn hot_key_warning(e: &Estimate) -> Option<(f64, f64)> {
    e.warnings.iter().find_map(|w| match w {
        Warning::HotKeyUnfixable {
            mb_per_second,
            records_per_second,
        } => Some((*mb_per_second, *records_per_second)),
        _ => None,
    })
}

#[test]
fn an_on_demand_hot_key_is_judged_at_the_peak_against_one_shards_limits() {
    // 0.1 x 8,000 = 800 records/s of 1 KB, 0.1 x 1 / 1024 x 8,000 = 0.78125 MB/s: one shard
    // takes it. AWS sizes on-demand shards, so the busiest shard's load is not known.
    let e = on_demand_hot_key(0.1, "8000", "1", None);
    let k = e.hot_key.unwrap();
    assert_eq!(
        (k.share, k.key_mb_per_second, k.key_records_per_second),
        (0.1, 0.78125, 800.0)
    );
    assert!(k.fixable);
    assert_eq!(k.busiest_shard_records_per_second, None);
    assert_eq!(hot_key_warning(&e), None);
    // At a peak of 12,000/s the key writes 1,200 records/s (1.171875 MB/s): over a shard's
    // 1,000 records/s, said with both rates to 2 decimals.
    let e = on_demand_hot_key(0.1, "8000", "1", Some("12000"));
    let k = e.hot_key.unwrap();
    assert_eq!(
        (k.key_mb_per_second, k.key_records_per_second),
        (1.171875, 1200.0)
    );
    assert!(!k.fixable);
    assert_eq!(hot_key_warning(&e), Some((1.17, 1200.0)));
    assert!(e.warnings.iter().any(|w| w.to_string().contains(
        "the busiest partition key alone writes 1.17 MB/s and 1200 records/s, at or over one \
         shard's 1 MB/s and 1,000 records/s"
    )));
    // At exactly a shard's limits the key is over them: 0.5 x 1,024/s of 2 KB = 1 MB/s (512
    // records/s), and 0.5 x 2,000/s of 0.1 KB = 1,000 records/s (0.09765625 MB/s, said 0.1).
    let e = on_demand_hot_key(0.5, "1024", "2", None);
    assert_eq!(hot_key_warning(&e), Some((1.0, 512.0)));
    let e = on_demand_hot_key(0.5, "2000", "0.1", None);
    assert_eq!(hot_key_warning(&e), Some((0.1, 1000.0)));
    // Rates are said to the cent of a unit: 0.3 x 3 / 1024 x 1,234.5 = 1.0850... MB/s and
    // 0.3 x 1,234.5 = 370.35 records/s.
    let e = on_demand_hot_key(0.3, "1234.5", "3", None);
    assert_eq!(hot_key_warning(&e), Some((1.09, 370.35)));
}

fn scaling(e: &Estimate) -> (Option<f64>, Option<f64>) {
    let new_stream = e.warnings.iter().find_map(|w| match w {
        Warning::OnDemandNewStream { peak_mb_per_second } => Some(*peak_mb_per_second),
        _ => None,
    });
    let burst = e.warnings.iter().find_map(|w| match w {
        Warning::OnDemandBurst { ratio } => Some(*ratio),
        _ => None,
    });
    (new_stream, burst)
}

#[test]
fn on_demand_warns_of_a_peak_over_4_mb_s_or_over_twice_the_average_not_at_them() {
    let peaked = |records: &str, peak: &str| StreamWorkload {
        peak_records: Some(peak.parse().unwrap()),
        ..workload(records, "1")
    };
    // 4,096 records/s of 1 KB are exactly 4 MB/s, exactly twice 2,048/s: neither is warned.
    assert_eq!(
        scaling(&run(Mode::OnDemand, peaked("2048", "4096"))),
        (None, None)
    );
    // 5,000/s of 1 KB: 4.8828125 MB/s, said 4.88; 5,000 / 2,000 = 2.5 times the average.
    let e = run(Mode::OnDemand, peaked("2000", "5000"));
    assert_eq!(scaling(&e), (Some(4.88), Some(2.5)));
    let texts: Vec<String> = e.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("the peak of 4.88 MB/s is over the 4 MB/s")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("the peak is 2.5 times the average")),
        "{texts:?}"
    );
    // A peak with no average traffic has no ratio to warn of; 3,000/s of 1 KB (2.93 MB/s) is
    // under 4 MB/s.
    assert_eq!(
        scaling(&run(Mode::OnDemand, peaked("0", "3000"))),
        (None, None)
    );
    // Advantage warns the same way.
    assert_eq!(
        scaling(&run(Mode::Advantage, peaked("2000", "5000"))),
        (Some(4.88), Some(2.5))
    );
}

#[test]
fn on_demand_retention_is_billed_only_beyond_24_hours_and_each_band_only_when_reached() {
    let kept = |retention: &str| StreamWorkload {
        retention: retention.parse().unwrap(),
        ..workload("100", "10")
    };
    // 24 hours are included: no line, and no retention step in the calculation either.
    let e = run(Mode::OnDemand, kept("24h"));
    assert_eq!(items(&e), ["stream_hours", "data_in", "data_out"]);
    assert!(!kcost_core::render_steps(&e.steps).contains("GB per hour"));
    // 25 hours: one hour beyond 24 at the extended rate. 2,506.256103515625 GB / 730 =
    // 3.4332275390625 GB per hour x 1 = 3.43 GB-months x 0.10 = 0.34.
    let e = run(Mode::OnDemand, kept("25h"));
    assert_eq!(
        items(&e),
        ["stream_hours", "data_in", "data_out", "extended_retention"]
    );
    assert_eq!(raw(&e, "extended_retention"), (3.4332275390625, 34));
    // Exactly 7 days reach the end of the extended band and nothing of the long-term one:
    // x 144 hours = 494.384765625 GB-months x 0.10 = 49.44.
    let e = run(Mode::OnDemand, kept("7d"));
    assert_eq!(
        items(&e),
        ["stream_hours", "data_in", "data_out", "extended_retention"]
    );
    assert_eq!(raw(&e, "extended_retention"), (494.384765625, 49_44));
    // Advantage's one band starts at 24 hours too.
    let a = run(Mode::Advantage, kept("24h"));
    assert!(!items(&a).contains(&"retention"), "{:?}", items(&a));
    let a = run(Mode::Advantage, kept("25h"));
    assert_eq!(raw(&a, "retention"), (3.4332275390625, 8)); // x 0.023 = 0.0789...
}

#[test]
fn on_demand_says_long_term_reads_are_not_priced_only_when_there_are_some() {
    let reads = |gb: f64| StreamWorkload {
        retention: "30d".parse().unwrap(),
        long_term_reads_gb: gb,
        ..workload("100", "10")
    };
    let not_priced = |e: &Estimate| {
        e.warnings
            .iter()
            .filter(|w| matches!(w, Warning::LongTermReadsNotPriced { .. }))
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
    };
    assert!(not_priced(&run(Mode::OnDemand, reads(0.0))).is_empty());
    assert_eq!(
        not_priced(&run(Mode::OnDemand, reads(5.0))),
        ["kcost has no on-demand price for reading long-term retained data; those reads are not in this estimate"]
    );
    assert_eq!(
        not_priced(&run(Mode::Advantage, reads(5.0))),
        ["kcost has no advantage price for reading long-term retained data; those reads are not in this estimate"]
    );
}

#[test]
fn of_needs_that_tie_the_first_is_the_one_shown() {
    // 1,000 records/s of 1.024 KB need 1.00 shard for ingress and 1.000 for records: the
    // calculator shows the ingress need (the first of the two) as the number of shards.
    let w = StreamWorkload {
        consumers: Some(1),
        ..workload("1000", "1.024")
    };
    let text = kcost_core::render_steps(&run(Mode::Provisioned, w).steps);
    assert!(
        text.contains(
            "Max (1.00 shards needed for ingress, 0.50 shards needed for egress, 1.000 shards \
             needed for records) = 1.00 Number of shards\nRoundUp (1.00) = 1 shards\n"
        ),
        "{text}"
    );
}

#[test]
fn services_and_modes_have_the_names_users_read() {
    use kcost_core::Service;
    let titles: Vec<&str> = [
        Service::KinesisDataStreams,
        Service::ManagedFlink,
        Service::DataAnalyticsSql,
        Service::DataFirehose,
        Service::Lambda,
        Service::KclDynamoDb,
        Service::Kms,
        Service::NatGateway,
        Service::VpcEndpoint,
    ]
    .iter()
    .map(|s| s.title())
    .collect();
    assert_eq!(
        titles,
        [
            "Kinesis Data Streams",
            "Managed Service for Apache Flink",
            "Kinesis Data Analytics for SQL",
            "Data Firehose",
            "AWS Lambda",
            "KCL tables in Amazon DynamoDB",
            "AWS KMS key",
            "NAT gateway",
            "Interface VPC endpoint",
        ]
    );
    for (mode, name) in [
        (Mode::Provisioned, "provisioned"),
        (Mode::OnDemand, "on-demand"),
        (Mode::Advantage, "advantage"),
    ] {
        assert_eq!(mode.to_string(), name);
        assert_eq!(
            format!(" {} ", name.to_uppercase()).parse::<Mode>(),
            Ok(mode)
        );
    }
    assert_eq!(
        "reserved".parse::<Mode>().unwrap_err().to_string(),
        "unknown mode 'reserved'; use provisioned, on-demand or advantage"
    );
}
