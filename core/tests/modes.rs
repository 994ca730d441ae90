//! Every line of every mode against figures computed by hand, the arithmetic written out beside
//! each. Prices are us-east-1's (kinesis-facts section 3), from `testing::full_region`.

// Cents are written as 536_55 so that they read as 536.55 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::notes::{CapacityWarning, StreamAssumption, StreamWarning};
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
    assert!(e.warnings.iter().any(|w| matches!(
        w,
        Warning::Capacity(CapacityWarning::CurrentFormRecords { shards: 2, .. })
    )));
    // Aggregated into 25 KB Kinesis records (250 user records each): 20 Kinesis records/s, well
    // within 2 shards.
    let packed = StreamWorkload {
        form: Form::Current,
        aggregate_kb: Some(25.0),
        ..workload("5000", "0.1")
    };
    let e = run(Mode::Provisioned, packed);
    assert!(!e.warnings.iter().any(|w| matches!(
        w,
        Warning::Capacity(CapacityWarning::CurrentFormRecords { .. })
    )));
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
    assert!(od.warnings.iter().any(|w| matches!(
        w,
        Warning::Capacity(CapacityWarning::OnDemandNewStream { .. })
    )));
    assert!(od
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::Capacity(CapacityWarning::OnDemandBurst { ratio }) if *ratio == 10.0)));
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
            Warning::Stream(StreamWarning::SlowConsumers { efo_change_usd, .. }) => *efo_change_usd,
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
        .any(|w| matches!(w, Warning::Stream(StreamWarning::LargeRecords { .. }))));
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
    assert!(under
        .warnings
        .contains(&Warning::Capacity(CapacityWarning::ShardsBelowNeed {
            shards: 40,
            needed: 49
        })));
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
    assert!(over
        .warnings
        .contains(&Warning::Capacity(CapacityWarning::ShardsAboveNeed {
            shards: 200,
            needed: 49,
            saving_usd: kcost_core::Money::from_cents(1_653_45),
        })));
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
        Warning::Capacity(CapacityWarning::ShardsAboveNeed { .. })
            | Warning::Capacity(CapacityWarning::ShardsBelowNeed { .. })
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

/// A break-even is between provisioned and on-demand Standard: a comparison that lost one of
/// them (a library caller filtering it, say) has none to state, whatever else it holds.
#[test]
fn a_comparison_without_on_demand_standard_has_no_break_even_to_state() {
    let mut c = compare(
        &workload("100", "1"),
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    assert!(c.prices_both());
    c.estimates.retain(|e| e.mode != Mode::OnDemand);
    assert_eq!(c.estimates.len(), 2);
    assert!(!c.prices_both());
}

/// Only Advantage has a commitment to carry alone: on-demand Standard says nothing of one.
#[test]
fn only_advantage_assumes_its_commitment_is_its_own() {
    let alone = |mode| {
        run(mode, workload("100", "1")).assumptions.iter().any(|a| {
            matches!(
                a,
                kcost_core::Assumption::Stream(StreamAssumption::AdvantageAlone { .. })
            )
        })
    };
    assert!(alone(Mode::Advantage));
    assert!(!alone(Mode::OnDemand));
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
        Warning::Capacity(CapacityWarning::HotKeyUnfixable {
            mb_per_second,
            records_per_second,
        }) => Some((*mb_per_second, *records_per_second)),
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
        Warning::Capacity(CapacityWarning::OnDemandNewStream { peak_mb_per_second }) => {
            Some(*peak_mb_per_second)
        }
        _ => None,
    });
    let burst = e.warnings.iter().find_map(|w| match w {
        Warning::Capacity(CapacityWarning::OnDemandBurst { ratio }) => Some(*ratio),
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
            .filter(|w| {
                matches!(
                    w,
                    Warning::Stream(StreamWarning::LongTermReadsNotPriced { .. })
                )
            })
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

/// The render_steps text of an estimate's steps.
fn steps_text(e: &Estimate) -> String {
    kcost_core::render_steps(&e.steps)
}

#[test]
fn provisioned_works_out_data_volume_only_for_the_lines_billed_per_gb() {
    let kept = |retention: &str, efo: u32| StreamWorkload {
        retention: retention.parse().unwrap(),
        efo_consumers: efo,
        ..workload("100", "10")
    };
    // Exactly 7 days and no enhanced fan-out: nothing is billed per GB written, so the records a
    // month and GB per record are not worked out at all.
    let week = run(Mode::Provisioned, kept("7d", 0));
    assert_eq!(
        items(&week),
        ["shard_hours", "put_payload_units", "extended_retention"]
    );
    let text = steps_text(&week);
    assert!(!text.contains("Number of records per month"), "{text}");
    assert!(!text.contains("GB (Record size)"), "{text}");
    // 30 days and no enhanced fan-out: the volume is worked out for long-term retention, and no
    // enhanced fan-out line comes with it.
    let month = run(Mode::Provisioned, kept("30d", 0));
    assert_eq!(
        items(&month),
        [
            "shard_hours",
            "put_payload_units",
            "extended_retention",
            "long_term_retention"
        ]
    );
    // Exactly 7 days with one enhanced fan-out consumer: the volume is worked out for its GB
    // read, and nothing is older than 7 days.
    let e = run(Mode::Provisioned, kept("7d", 1));
    assert_eq!(
        items(&e),
        [
            "shard_hours",
            "put_payload_units",
            "efo_consumer_shard_hours",
            "efo_data_retrievals",
            "extended_retention"
        ]
    );
    // 1 consumer x 1 shard x 730 h = 730 x 0.015 = 10.95. 262,800,000 records x 0.00000954 GB
    // x 1 = 2,507.112 -> 2,507.11 GB x 0.013 = 32.592... -> 32.59. 730 shard-hours x 0.020 =
    // 14.60.
    assert_eq!(line(&e, "efo_consumer_shard_hours"), (730.0, 10_95));
    assert_eq!(line(&e, "efo_data_retrievals"), (2507.11, 32_59));
    assert_eq!(line(&e, "extended_retention"), (730.0, 14_60));
}

#[test]
fn the_current_form_warns_of_records_only_over_what_its_shards_take() {
    let current = |records: &str| StreamWorkload {
        form: Form::Current,
        ..workload(records, "0.1")
    };
    let records_warning = |e: &Estimate| {
        e.warnings.iter().find_map(|w| match w {
            Warning::Capacity(CapacityWarning::CurrentFormRecords {
                records_per_second,
                shards,
            }) => Some((*records_per_second, *shards)),
            _ => None,
        })
    };
    // 2,000 records/s of 0.1 KB = 200 KB/s: RoundUp (200 / 1024 = 0.20) = 1 shard for ingress,
    // RoundUp (200 x 1 / 2048 = 0.10) = 1 for reads; x 1.2 = 1.2 -> 2 shards, which take
    // exactly 2 x 1,000 = 2,000 records/s: no warning.
    let e = run(Mode::Provisioned, current("2000"));
    assert_eq!(e.shards.as_ref().unwrap().count, 2);
    assert_eq!(records_warning(&e), None, "{:?}", e.warnings);
    // 2,001 records/s on the same 2 shards is over them.
    let e = run(Mode::Provisioned, current("2001"));
    assert_eq!(e.shards.as_ref().unwrap().count, 2);
    assert_eq!(records_warning(&e), Some((2001.0, 2)));
}

#[test]
fn a_declared_count_equal_to_the_need_or_twice_it_is_warned_of_only_at_twice() {
    let deck = StreamWorkload {
        consumers: Some(10),
        ..workload("100", "100")
    };
    // The deck needs 49 shards; 49 declared are exactly enough: no warning either way.
    let exact = run(
        Mode::Provisioned,
        StreamWorkload {
            shards: Some(49),
            ..deck
        },
    );
    let s = exact.shards.as_ref().unwrap();
    assert_eq!((s.count, s.sized), (49, Some(49)));
    assert!(
        !exact.warnings.iter().any(|w| matches!(
            w,
            Warning::Capacity(CapacityWarning::ShardsBelowNeed { .. })
                | Warning::Capacity(CapacityWarning::ShardsAboveNeed { .. })
        )),
        "{:?}",
        exact.warnings
    );
    // 98 declared are exactly twice the need: 98 x 730 = 71,540 shard-hours x 0.015 = 1,073.10
    // + 14.72 = 1,087.82; at 49 shards 551.27: 536.55 less.
    let twice = run(
        Mode::Provisioned,
        StreamWorkload {
            shards: Some(98),
            ..deck
        },
    );
    assert_eq!(twice.monthly_usd.cents(), 1_087_82);
    assert!(twice
        .warnings
        .contains(&Warning::Capacity(CapacityWarning::ShardsAboveNeed {
            shards: 98,
            needed: 49,
            saving_usd: kcost_core::Money::from_cents(536_55),
        })));
}

#[test]
fn the_busiest_shard_carries_the_hot_keys_megabytes_and_its_share_of_the_rest() {
    let w = StreamWorkload {
        hot_key_share: Some(0.1),
        ..workload("8000", "1")
    };
    let hot = run(Mode::Provisioned, w).hot_key.unwrap();
    // 0.00097656 MB x 8,000 = 7.81248 -> 7.81 MB/s; the key writes 0.1 x 7.81 = 0.781 -> 0.78.
    // On 36 shards each carries 0.9 / 36 = 0.025 of the rest: 0.78 + 0.025 x 7.81 = 0.97525.
    assert_eq!(hot.key_mb_per_second, 0.78);
    let mb = hot.busiest_shard_mb_per_second.unwrap();
    assert!((mb - 0.97525).abs() < 1e-9, "{mb}");
}

#[test]
fn the_records_need_is_written_with_3_decimals_only_below_one_shard() {
    // 100 records/s: 100 / 1000 = 0.100, with 3 decimals.
    let deck = StreamWorkload {
        consumers: Some(10),
        ..workload("100", "100")
    };
    let text = steps_text(&run(Mode::Provisioned, deck));
    assert!(
        text.contains(
            "100 records per sec / 1000 factor for records per shard = 0.100 shards needed for \
             records\n"
        ),
        "{text}"
    );
    // 1,000 records/s: exactly 1 shard, written 1.00.
    let one = StreamWorkload {
        consumers: Some(1),
        ..workload("1000", "1.024")
    };
    let text = steps_text(&run(Mode::Provisioned, one));
    assert!(
        text.contains(
            "1,000 records per sec / 1000 factor for records per shard = 1.00 shards needed for \
             records\n"
        ),
        "{text}"
    );
}

#[test]
fn the_current_form_counts_enhanced_fan_out_consumers_as_readers() {
    let w = StreamWorkload {
        consumers: Some(10),
        efo_consumers: 2,
        form: Form::Current,
        ..workload("100", "100")
    };
    let e = run(Mode::Provisioned, w);
    let s = e.shards.as_ref().unwrap();
    // 100 KB x 100/s = 10,000 KB/s. Reads: 10,000 x (10 + 2) readers / 2048 = 58.59375 -> 59
    // shards (ingress: 10,000 / 1024 = 9.77 -> 10). 59 x 1.2 = 70.8 -> 71 shards.
    assert_eq!(
        (s.ingress, s.egress, s.needed, s.count),
        (10.0, 59.0, 59.0, 71)
    );
    assert!(
        steps_text(&e).contains("12 consumers (shared and enhanced fan-out)"),
        "{}",
        steps_text(&e)
    );
}

#[test]
fn a_record_of_less_than_an_eighth_of_a_kb_shows_zero_units_and_is_billed_one() {
    let floor = |e: &Estimate| {
        e.warnings
            .iter()
            .filter(|w| matches!(w, Warning::Stream(StreamWarning::PayloadUnitFloor { .. })))
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
    };
    // 0.1 KB / 25 = 0.004 -> 0.00 units, RoundUp (0.00) = 0: billed as 1 unit, and said so.
    // 1 unit x 100 x 2,628,000 = 262,800,000 units x 0.000000014 = 3.6792 -> 3.68.
    let e = run(Mode::Provisioned, workload("100", "0.1"));
    assert!(e
        .warnings
        .contains(&Warning::Stream(StreamWarning::PayloadUnitFloor {
            size_kb: 0.1
        })));
    assert_eq!(
        floor(&e),
        ["a 0.1 KB record shows as 0.00 payload units in the calculator's rounding, which would \
          price PUTs at zero; AWS bills every record at least one 25 KB unit, so kcost uses 1"]
    );
    assert_eq!(line(&e, "put_payload_units"), (262_800_000.0, 3_68));
    // 1 KB / 25 = 0.04 -> RoundUp 1 unit: nothing to say.
    assert!(floor(&run(Mode::Provisioned, workload("100", "1"))).is_empty());
}

#[test]
fn long_term_reads_without_data_kept_past_7_days_are_warned_of() {
    let reads = |retention: &str| StreamWorkload {
        retention: retention.parse().unwrap(),
        long_term_reads_gb: 100.0,
        ..workload("100", "10")
    };
    let warned = |e: &Estimate| {
        e.warnings.iter().find_map(|w| match w {
            Warning::Stream(StreamWarning::ReadsWithoutLongTermData { retention_hours }) => {
                Some(*retention_hours)
            }
            _ => None,
        })
    };
    // 24 hours and exactly 7 days keep nothing beyond 7 days; the reads are still billed:
    // 100 GB x 0.021 = 2.10.
    let e = run(Mode::Provisioned, reads("24h"));
    assert_eq!(warned(&e), Some(24.0));
    assert_eq!(line(&e, "long_term_retrieval"), (100.0, 2_10));
    let said: Vec<String> = e.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        said.iter().any(|t| t.starts_with(
            "long-term reads are priced, but a retention of 24 hours keeps no data beyond 7 days"
        )),
        "{said:?}"
    );
    assert_eq!(warned(&run(Mode::Provisioned, reads("7d"))), Some(168.0));
    // 8 days keep a day of long-term data to read.
    assert_eq!(warned(&run(Mode::Provisioned, reads("8d"))), None);
}

#[test]
fn a_hot_key_over_either_limit_alone_cannot_be_fixed() {
    let hot = |share: f64, records: &str, size: &str| {
        run(
            Mode::Provisioned,
            StreamWorkload {
                hot_key_share: Some(share),
                ..workload(records, size)
            },
        )
    };
    let unfixable = |e: &Estimate| {
        e.warnings.iter().find_map(|w| match w {
            Warning::Capacity(CapacityWarning::HotKeyUnfixable {
                mb_per_second,
                records_per_second,
            }) => Some((*mb_per_second, *records_per_second)),
            _ => None,
        })
    };
    // Records alone: 0.2 x 8,000 = 1,600 records/s of 0.1 KB; 0.00009766 MB x 8,000 = 0.78128
    // -> 0.78 MB/s x 0.2 = 0.156 -> 0.16 MB/s, under 1 MB/s.
    let e = hot(0.2, "8000", "0.1");
    assert!(!e.hot_key.unwrap().fixable);
    assert_eq!(unfixable(&e), Some((0.16, 1600.0)));
    assert_eq!(e.shards.as_ref().unwrap().hot_key, None);
    // Megabytes alone: 2 / 1024 = 0.00195313 MB x 1,024 = 2.00000512 -> 2.00 MB/s x 0.5 = 1.00
    // MB/s, at the limit; 0.5 x 1,024 = 512 records/s, under it.
    let e = hot(0.5, "1024", "2");
    assert!(!e.hot_key.unwrap().fixable);
    assert_eq!(unfixable(&e), Some((1.0, 512.0)));
}

#[test]
fn shared_consumers_of_a_hot_key_are_warned_of_only_over_2_mb_s() {
    let read_by = |consumers: u32| {
        run(
            Mode::Provisioned,
            StreamWorkload {
                hot_key_share: Some(0.5),
                consumers: Some(consumers),
                ..workload("1024", "1")
            },
        )
    };
    let reads = |e: &Estimate| {
        e.warnings
            .iter()
            .filter(|w| matches!(w, Warning::Capacity(CapacityWarning::HotKeyReads { .. })))
            .cloned()
            .collect::<Vec<_>>()
    };
    // 0.00097656 MB x 1,024 = 0.99999744 -> 1.00 MB/s; the key writes 0.5 x 1.00 = 0.50 MB/s
    // (512 records/s): fixable. 4 consumers read 4 x 0.5 = 2 MB/s of it, exactly a shard's
    // shared read capacity.
    let e = read_by(4);
    assert!(e.hot_key.unwrap().fixable);
    assert!(reads(&e).is_empty(), "{:?}", e.warnings);
    // 5 consumers: 2.5 MB/s, over it.
    let e = read_by(5);
    assert_eq!(
        reads(&e),
        [Warning::Capacity(CapacityWarning::HotKeyReads {
            mb_per_second: 0.5,
            consumers: 5
        })]
    );
    assert_eq!(
        reads(&e)[0].to_string(),
        "5 shared consumers reading the hot key's shard at 0.5 MB/s each exceed its 2 MB/s \
         shared read capacity; use enhanced fan-out consumers"
    );
}

#[test]
fn a_comparison_says_what_advantages_commitment_costs_and_how_much_the_stream_uses() {
    let deck = StreamWorkload {
        consumers: Some(10),
        ..workload("100", "100")
    };
    let c = compare(
        &deck,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    // 25 x 2,628,000 / 1024 = 64,160.15625 GB each way: x 0.032 = 2,053.125 -> 2,053.13 in and
    // x 0.016 = 1,026.5625 -> 1,026.56 out, 3,079.69. The stream writes 100 x 100 KB = 10,000
    // KB/s of the 25 x 1024 = 25,600 committed: 39.0625%, said 39%.
    let note: Vec<&Warning> = c
        .warnings
        .iter()
        .filter(|w| {
            matches!(
                w,
                Warning::Stream(StreamWarning::AdvantageCommitment { .. })
            )
        })
        .collect();
    assert_eq!(
        note,
        [&Warning::Stream(StreamWarning::AdvantageCommitment {
            region: "us-east-1".into(),
            commitment_usd: kcost_core::Money::from_cents(3079_69),
            use_percent: 39.0625,
        })]
    );
    assert!(
        note[0]
            .to_string()
            .contains("3,079.69 USD a month in us-east-1 however little is used; this stream writes 39% of it"),
        "{}",
        note[0]
    );
}

#[test]
fn a_comparison_with_only_advantage_priced_states_no_break_even() {
    // 30 enhanced fan-out consumers: over provisioned's and on-demand's 20, within Advantage's 50.
    let w = StreamWorkload {
        efo_consumers: 30,
        ..workload("100", "1")
    };
    let c = compare(
        &w,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let modes: Vec<Mode> = c.estimates.iter().map(|e| e.mode).collect();
    assert_eq!(modes, [Mode::Advantage]);
    assert_eq!(c.unavailable.len(), 2);
    assert!(c.unavailable.iter().all(|u| matches!(
        u.reason,
        Error::Input(InputError::EfoLimit { limit: 20, .. })
    )));
    assert_eq!(c.break_even_records_per_second, None);
    assert_eq!(c.break_even_share_of_peak, None);
}

/// A stream at half its average rate for 12 hours and one and a half times it for the other 12.
fn half_and_one_and_a_half(records: &str, size_kb: &str, consumers: u32) -> StreamWorkload {
    let mut weights = [0.5; 24];
    weights[12..].fill(1.5);
    StreamWorkload {
        consumers: Some(consumers),
        profile: Some(kcost_core::Profile::from_weights(&weights).unwrap()),
        ..workload(records, size_kb)
    }
}

#[test]
fn a_scheduled_stream_is_compared_at_fixed_counts_for_the_share_of_its_peak() {
    let deck = half_and_one_and_a_half("100", "100", 10);
    let scheduled = StreamWorkload {
        scaling: kcost_core::Scaling::Scheduled,
        ..deck
    };
    let book = testing::deck_book();
    let c = compare(&scheduled, Some("us-east-1"), &book, Options::default()).unwrap();
    // The peak held is the busiest hour's 100 x 1.5 = 150 records/s, as for the same stream
    // sized for its peak: the break-even is worked out against fixed counts.
    let s = c.break_even_share_of_peak.unwrap();
    assert_eq!(s.peak_records_per_second, 150.0);
    let fixed = compare(&deck, Some("us-east-1"), &book, Options::default()).unwrap();
    assert_eq!(Some(s), fixed.break_even_share_of_peak);
}

#[test]
fn a_profiled_stream_that_on_demand_never_undercuts_has_no_share_of_peak() {
    // 1 record/s of 1 KB, 1.5 at its busiest hour: 1 shard, 10.95 + PUT units, against
    // on-demand's 29.20 stream-hours alone: on-demand is dearer at every average up to the peak.
    let w = half_and_one_and_a_half("1", "1", 1);
    let c = compare(
        &w,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    assert_eq!(c.break_even_share_of_peak, None);
    let costs: Vec<(Mode, i64)> = c
        .estimates
        .iter()
        .map(|e| (e.mode, e.monthly_usd.cents()))
        .collect();
    // Provisioned: 10.95 + 1 x 1 x 2,628,000 x 0.000000014 (0.0368 -> 0.04) = 10.99. On-demand:
    // 29.20 + 2.51 GB x 0.08 (0.2005 -> 0.20) + x 0.04 (0.1002 -> 0.10) = 29.50.
    assert_eq!(costs[0], (Mode::Provisioned, 10_99));
    assert_eq!(costs[1], (Mode::OnDemand, 29_50));
}

#[test]
fn the_break_even_keeps_the_peaks_ratio_to_any_average() {
    // A peak of 100 over an average of 2: 50 times, as 50 over 1 is.
    let w = StreamWorkload {
        peak_records: Some("100".parse().unwrap()),
        ..workload("2", "1")
    };
    let book = testing::deck_book();
    let region = book.region("us-east-1").unwrap();
    // At 80.00/s the peak is 4,000/s: 4,000 / 1000 = 4.000 shards for records (0.00097656 x
    // 4,000 = 3.91 MB/s in): 4 x 730 x 0.015 = 43.80 + 80 x 2,628,000 x 0.000000014 = 2.94336
    // -> 2.94 = 46.74. On-demand: 80 x 2,628,000 / 1,048,576 = 200.50 GB x 0.08 = 16.04, x 0.04
    // = 8.02, + 29.20 = 53.26: provisioned is cheaper.
    // At 80.01/s the peak is 4,000.5/s: 4.0005 -> 4.001 -> 5 shards = 54.75 + 2.94 = 57.69;
    // on-demand 200.53 GB: 16.04 + 8.02 + 29.20 = 53.26, now cheaper.
    assert_eq!(
        kcost_core::break_even(&w, region, Options::default()),
        Ok(Some(80.01))
    );
    // With no average there is no ratio: the peak is left out, and steady 1 KB records are
    // always cheaper provisioned (10.95 a shard of 1,000 records/s and 36.79 of PUT units,
    // against 29.20 and 2,506.26 GB x 0.12 = 300.75 per 1,000 records/s on-demand).
    let idle = StreamWorkload {
        peak_records: Some("100".parse().unwrap()),
        ..workload("0", "1")
    };
    assert_eq!(
        kcost_core::break_even(&idle, region, Options::default()),
        Ok(None)
    );
}

#[test]
fn a_stream_without_consumers_has_no_delay_between_reads() {
    let w = StreamWorkload {
        consumers: Some(0),
        ..workload("100", "1")
    };
    let e = run(Mode::Provisioned, w);
    assert_eq!(e.consumer_delay_ms, None);
    assert!(e.analysis_steps.is_empty(), "{:?}", e.analysis_steps);
}

#[test]
fn the_analyses_show_their_arithmetic() {
    // Aggregation: 238.71 unaggregated - 36.53 aggregated (see
    // aggregation_packs_records_and_reports_the_saving) = 202.18 saved.
    let w = StreamWorkload {
        aggregate_kb: Some(25.0),
        consumers: Some(1),
        ..workload("5000", "0.5")
    };
    let text = kcost_core::render_steps(&run(Mode::Provisioned, w).analysis_steps);
    assert_eq!(
        text,
        "238.71 USD unaggregated - 36.53 USD aggregated = 202.18 USD saved by aggregation\n\
         1 consumer applications / 5 reads per second per shard x 1000 ms per second = 200 ms \
         between reads for each consumer\n"
    );
    // Slow consumers: 10 / 5 x 1000 = 2,000 ms; on enhanced fan-out 4,477.44 - 551.27 =
    // 3,926.17 (see slow_shared_consumers_get_the_enhanced_fan_out_price).
    let deck = StreamWorkload {
        consumers: Some(10),
        ..workload("100", "100")
    };
    let text = kcost_core::render_steps(&run(Mode::Provisioned, deck).analysis_steps);
    assert_eq!(
        text,
        "10 consumer applications / 5 reads per second per shard x 1000 ms per second = 2,000 ms \
         between reads for each consumer\n\
         4,477.44 USD with them on enhanced fan-out - 551.27 USD = 3,926.17 USD change for faster \
         consumers\n"
    );
    // 98 shards declared: 1,087.82 - 551.27 = 536.55 (see
    // a_declared_count_equal_to_the_need_or_twice_it_is_warned_of_only_at_twice).
    let declared = StreamWorkload {
        shards: Some(98),
        consumers: Some(10),
        ..workload("100", "100")
    };
    let text = kcost_core::render_steps(&run(Mode::Provisioned, declared).analysis_steps);
    assert!(
        text.ends_with(
            "1,087.82 USD at the shards declared - 551.27 USD at the shards needed = 536.55 USD \
             saved at the shards needed\n"
        ),
        "{text}"
    );
}

#[test]
fn growth_grows_the_peak_with_the_average() {
    let w = StreamWorkload {
        peak_records: Some("1200".parse().unwrap()),
        growth: Some(Growth::new(50.0, 3).unwrap()),
        ..workload("600", "1")
    };
    let e = run(Mode::Provisioned, w);
    let g = e.growth.as_ref().unwrap();
    let months: Vec<(f64, Option<u64>, i64)> = g
        .months
        .iter()
        .map(|m| (m.records_per_second, m.shards, m.monthly_usd.cents()))
        .collect();
    // Peaks 1,200, 1,800 and 2,700 records/s: 1.200, 1.800 and 2.700 shards for records (over
    // 1.17, 1.76 and 2.64 MB/s in) -> 2, 2 and 3 shards. PUT units on the averages 600, 900 and
    // 1,350: x 2,628,000 x 0.000000014 = 22.0752, 33.1128, 49.6692.
    // 2 x 730 x 0.015 = 21.90 + 22.08 = 43.98; 21.90 + 33.11 = 55.01; 32.85 + 49.67 = 82.52.
    assert_eq!(
        months,
        [
            (600.0, Some(2), 43_98),
            (900.0, Some(2), 55_01),
            (1350.0, Some(3), 82_52)
        ]
    );
    assert_eq!(g.total_usd.cents(), 43_98 + 55_01 + 82_52);
}

#[test]
fn the_break_even_is_the_first_swap_of_several() {
    // A peak 60 times the average: every 1,000 / 60 = 16.67 records/s adds a shard (10.95), so
    // the totals cross back and forth; the break-even is the first crossing.
    let w = StreamWorkload {
        peak_records: Some("60".parse().unwrap()),
        ..workload("1", "1")
    };
    let book = testing::deck_book();
    let region = book.region("us-east-1").unwrap();
    // At 50.00/s the peak is 3,000/s: 3.000 shards for records: 3 x 730 x 0.015 = 32.85 + 50 x
    // 2,628,000 x 0.000000014 = 1.8396 -> 1.84 = 34.69. On-demand: 50 x 2,628,000 / 1,048,576 =
    // 125.31 GB x 0.08 = 10.025... -> 10.03, x 0.04 = 5.0125... -> 5.01, + 29.20 = 44.24.
    // At 50.01/s the peak is 3,000.6/s: 3.0006 -> 3.001 -> 4 shards = 43.80 + 1.84 = 45.64;
    // on-demand 125.34 GB: 10.03 + 5.01 + 29.20 = 44.24, now cheaper. Each earlier shard comes
    // while on-demand is dearer: the third at 33.35/s (a peak of 2,001/s, 2.001 shards), 32.85 +
    // 1.2270... -> 1.23 = 34.08 against 83.58 GB: 6.69 + 3.34 + 29.20 = 39.23.
    assert_eq!(
        kcost_core::break_even(&w, region, Options::default()),
        Ok(Some(50.01))
    );
}

#[test]
fn a_break_even_above_1000_records_per_second_is_found() {
    // 30 shards declared: provisioned costs 30 x 730 x 0.015 = 328.50 plus PUT units whatever
    // the rate; on-demand starts at 29.20 and grows 0.30 USD a record/s, so it is the cheaper up
    // to over 1,100 records/s.
    let w = StreamWorkload {
        shards: Some(30),
        ..workload("1", "1")
    };
    let book = testing::deck_book();
    let region = book.region("us-east-1").unwrap();
    // At 1,133.91/s: 1,133.91 x 2,628,000 = 2,979,915,480 units x 0.000000014 = 41.7188... ->
    // 41.72, + 328.50 = 370.22; on-demand 2,841.87 GB x 0.08 = 227.349... -> 227.35 and x 0.04
    // = 113.674... -> 113.67, + 29.20 = 370.22: equal. At 1,133.92/s: 41.7191... -> 41.72 =
    // 370.22 against 227.3515... -> 227.35 + 113.6757... -> 113.68 + 29.20 = 370.23:
    // provisioned is now strictly cheaper.
    assert_eq!(
        kcost_core::break_even(&w, region, Options::default()),
        Ok(Some(1133.92))
    );
}

#[test]
fn totals_equal_at_the_lowest_rate_are_no_break_even_there() {
    // 625 KB records, 2 shared and 2 enhanced fan-out consumers.
    let w = StreamWorkload {
        consumers: Some(2),
        efo_consumers: 2,
        ..workload("1", "625")
    };
    let book = testing::deck_book();
    let region = book.region("us-east-1").unwrap();
    // At 0.01/s: provisioned 1 shard 10.95 + 25 units x 26,280 records = 657,000 units x
    // 0.000000014 = 0.0092 -> 0.01 + 2 x 730 consumer-shard hours x 0.015 = 21.90 + 26,280 x
    // 0.00059605 GB x 2 = 31.33 GB x 0.013 = 0.407... -> 0.41: 33.27. On-demand: 0.01 x 625 x
    // 2,628,000 / 1,048,576 = 15.66 GB: x 0.08 = 1.253... -> 1.25, x 2 x 0.04 = 1.25, x 2 x
    // 0.05 = 1.566... -> 1.57, + 29.20 = 33.27. Equal: no swap yet.
    // At 0.02/s: provisioned 10.95 + 0.02 + 21.90 + 62.66 GB x 0.013 = 0.81 = 33.68; on-demand
    // 29.20 + 2.51 + 2.51 + 3.13 = 37.35: provisioned is strictly cheaper from here.
    assert_eq!(
        kcost_core::break_even(&w, region, Options::default()),
        Ok(Some(0.02))
    );
}

#[test]
fn the_share_of_peak_is_where_on_demand_stops_being_strictly_cheaper() {
    // 10,000 records/s of 1 KB, 15,000 at the busiest hour: provisioned holds 15 shards, 164.25
    // + PUT units; on-demand 29.20 + 0.30 USD a record/s.
    let w = half_and_one_and_a_half("10000", "1", 1);
    let c = compare(
        &w,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let s = c.break_even_share_of_peak.unwrap();
    assert_eq!(s.peak_records_per_second, 15_000.0);
    // At an average of 511.59/s: 511.59 x 2,628,000 = 1,344,458,520 units x 0.000000014 =
    // 18.822... -> 18.82 + 164.25 = 183.07; on-demand 1,282.18 GB x 0.08 = 102.574... ->
    // 102.57, x 0.04 = 51.287... -> 51.29, + 29.20 = 183.06: cheaper.
    // At 511.60/s: 18.8227... -> 18.82 = 183.07; on-demand 102.576... -> 102.58 + 51.288... ->
    // 51.29 + 29.20 = 183.07: equal, no longer cheaper. 511.60 / 15,000 = 3.4107%.
    let average = (s.percent / 100.0 * 15_000.0 * 100.0).round() / 100.0;
    assert_eq!(average, 511.6);
    let at = |records: &str| {
        let w = StreamWorkload {
            peak_records: Some("15000".parse().unwrap()),
            profile: None,
            ..workload(records, "1")
        };
        (
            run(Mode::Provisioned, w).monthly_usd.cents(),
            run(Mode::OnDemand, w).monthly_usd.cents(),
        )
    };
    assert_eq!(at("511.59"), (183_07, 183_06));
    assert_eq!(at("511.6"), (183_07, 183_07));
}

#[test]
fn a_peak_of_two_hundredths_of_a_record_still_has_a_share_of_peak() {
    // 0.02 records/s of 700 KB, as steady as a profile can be (its peak is its average), read
    // by 2 enhanced fan-out consumers only: the search has the two averages 0.01 and 0.02.
    let w = StreamWorkload {
        consumers: Some(0),
        efo_consumers: 2,
        profile: Some(kcost_core::Profile::from_weights(&[1.0; 24]).unwrap()),
        ..workload("0.02", "700")
    };
    let c = compare(
        &w,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    // Provisioned, 1 shard for the peak: 10.95 + 28 units x 0.01 x 2,628,000 x 0.000000014
    // (0.0103 -> 0.01) + 2 x 730 consumer-shard hours x 0.015 = 21.90 + 26,280 records x
    // 0.00066757 GB x 2 = 35.09 GB x 0.013 (0.456 -> 0.46) = 33.32 at 0.01/s; on-demand 29.20 +
    // 17.54 GB x 0.08 (1.403 -> 1.40) + x 2 x 0.05 (1.754 -> 1.75) = 32.35: cheaper.
    // At 0.02/s: provisioned 10.95 + 0.02 + 21.90 + 70.17 GB x 0.013 (0.912 -> 0.91) = 33.78;
    // on-demand 29.20 + 2.81 + 3.51 = 35.52: dearer. On-demand is cheaper below 0.02/s, 100% of
    // the peak.
    let s = c.break_even_share_of_peak.unwrap();
    assert_eq!(s.peak_records_per_second, 0.02);
    assert_eq!(s.percent, 100.0);
    assert_eq!(s.profile_percent, 100.0);
}

#[test]
fn too_many_enhanced_fan_out_consumers_are_pointed_to_advantage_unless_there_already() {
    let over = |mode, n| {
        let w = StreamWorkload {
            efo_consumers: n,
            ..workload("1", "1")
        };
        estimate(&w, mode, None, &testing::deck_book(), Options::default())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        over(Mode::Provisioned, 21),
        "21 enhanced fan-out consumers is over the limit of 20 per stream in provisioned mode; \
         use at most 20, or advantage as the capacity mode (up to 50)"
    );
    assert_eq!(
        over(Mode::Advantage, 51),
        "51 enhanced fan-out consumers is over the limit of 50 per stream in advantage mode; \
         use at most 50"
    );
}

#[test]
fn records_of_exactly_1_mib_are_not_large() {
    let large = |size| {
        run(Mode::Provisioned, workload("1", size))
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Stream(StreamWarning::LargeRecords { .. })))
    };
    // 1,024 KB is the default maximum record size itself: allowed, and no warning.
    assert!(!large("1024"));
    let bigger = StreamWorkload {
        max_record_size: Some("2MiB".parse().unwrap()),
        ..workload("1", "1024.5")
    };
    let e = run(Mode::Provisioned, bigger);
    assert!(e
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::Stream(StreamWarning::LargeRecords { size_kb }) if *size_kb == 1024.5)));
}

#[test]
fn a_given_peak_is_no_steady_traffic() {
    let steady = |w| {
        run(Mode::Provisioned, w)
            .assumptions
            .contains(&kcost_core::Assumption::Stream(
                StreamAssumption::SteadyTraffic,
            ))
    };
    assert!(steady(workload("100", "1")));
    assert!(!steady(StreamWorkload {
        peak_records: Some("200".parse().unwrap()),
        ..workload("100", "1")
    }));
}

#[test]
fn only_todays_provisioned_form_takes_a_buffer() {
    // The buffer multiplies provisioned shards in today's form; on-demand has no shards of the
    // user's to buffer and the 2021 form's headroom is a target utilization.
    let current = StreamWorkload {
        form: Form::Current,
        ..workload("100", "100")
    };
    assert_eq!(
        run(Mode::Provisioned, current).inputs.buffer_percent,
        Some(20.0)
    );
    assert_eq!(run(Mode::OnDemand, current).inputs.buffer_percent, None);
    assert_eq!(
        run(Mode::Provisioned, workload("100", "100"))
            .inputs
            .buffer_percent,
        None
    );
}

#[test]
fn a_rate_that_rounds_to_no_traffic_says_so() {
    let warned = |records: &str| {
        run(Mode::Provisioned, workload(records, "1"))
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Stream(StreamWarning::RateRoundsToZero(_))))
    };
    // 1 record a month / 2,628,000 seconds = 0.00000038 records/s: 0.00 at the calculator's 2
    // decimals, priced as no traffic.
    assert!(warned("1/month"));
    let e = run(Mode::Provisioned, workload("1/month", "1"));
    assert_eq!(
        e.warnings
            .iter()
            .find(|w| matches!(w, Warning::Stream(StreamWarning::RateRoundsToZero(_))))
            .unwrap()
            .to_string(),
        "1/month rounds to 0.00 records per second in the calculator's rounding, so it is \
         priced as no traffic; price it with exact as the rounding"
    );
    // No traffic asked is no surprise, and a rate that shows (6,000 a minute is 100.00 a
    // second) is none either.
    assert!(!warned("0/month"));
    assert!(!warned("6000/min"));
}

#[test]
fn advantage_bills_no_shortfall_line_when_use_rounds_to_the_commitment() {
    // 25,599.9 records/s of 1 KB, one consumer: 25,599.9 x 2,628,000 / 1,048,576 =
    // 64,159.9056 GB each way, 0.2506 GB below the commitment of 64,160.15625 GB.
    let w = StreamWorkload {
        consumers: Some(1),
        ..workload("25599.9", "1")
    };
    let e = run(Mode::Advantage, w);
    // In: 64,159.9056 x 0.032 = 2,053.117 -> 2,053.12 against the commitment's 2,053.125 ->
    // 2,053.13: one cent short, billed.
    assert_eq!(line(&e, "ingest_commitment"), (0.25, 1));
    // Out: 64,159.9056 x 0.016 = 1,026.5585 -> 1,026.56, the commitment's 1,026.5625 -> 1,026.56
    // too: nothing short, so no 0.00 line.
    assert_eq!(line(&e, "data_out"), (64_159.91, 1026_56));
    assert_eq!(items(&e), ["data_in", "ingest_commitment", "data_out"]);
    assert_eq!(e.monthly_usd.cents(), 2053_13 + 1026_56);
}
