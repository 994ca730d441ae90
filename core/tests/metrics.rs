//! CloudWatch metrics in the AWS CLI's own layouts, written by hand with known totals: a stream
//! of 2 KB records whose rate climbs from 100 to 330 records/s in 5-minute steps over two hours
//! (24 periods, the one at 00:35 missing), read three times over (GetRecords.Bytes = 3 x bytes).

// Cents are written as 18_93 so that they read as 18.93 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::metrics::{parse, time_text, MetricKind, MetricsError, TrafficSeries};
use kcost_core::notes::{TrafficAssumption, TrafficWarning};
use proptest::prelude::*;

const PAGE1: &str = include_str!("fixtures/metrics/get-metric-data-page1.json");
const PAGE2: &str = include_str!("fixtures/metrics/get-metric-data-page2.json");
const STAT_BYTES: &str = include_str!("fixtures/metrics/get-metric-statistics-incoming-bytes.json");
const STAT_RECORDS: &str =
    include_str!("fixtures/metrics/get-metric-statistics-incoming-records.json");
const STAT_AVERAGE: &str = include_str!("fixtures/metrics/get-metric-statistics-average.json");
const CONSOLE: &str = include_str!("fixtures/metrics/console-export.csv");

fn paged() -> TrafficSeries {
    let mut all = parse(PAGE1, "page1.json").unwrap();
    all.extend(parse(PAGE2, "page2.json").unwrap());
    TrafficSeries::assemble(all).unwrap()
}

#[test]
fn a_paged_get_metric_data_export_gives_the_known_totals() {
    let s = paged();
    assert_eq!(s.period_s, 300);
    // 24 periods from 00:00 to 01:55, without 00:35.
    assert_eq!(s.points.len(), 23);
    assert_eq!(s.gaps.len(), 1);
    assert_eq!(time_text(s.gaps[0]), "2026-11-20 00:35 UTC");
    assert_eq!(s.unmatched, 0);
    assert_eq!(s.hours(), 23.0 * 300.0 / 3600.0);
    // Oldest first whatever the files' order.
    assert!(s.points.windows(2).all(|w| w[0].t < w[1].t));
    let seen = s.observed(100.0);
    // Records/s per period: 100 + 10 i for i = 0..23 but 7: (23 x 100 + 10 x 269) / 23.
    assert_eq!(seen.records_per_second.mean, 4990.0 / 23.0);
    assert_eq!(seen.records_per_second.peak, 330.0);
    assert_eq!(seen.record_kb, Some(2.0));
    // The peak writes 330 x 2 KB = 0.64453125 MB/s and is read at 3 x that = 1.93359375 MB/s:
    // the shared read need, 1.93359375 / 2 = 0.966796875 shards, is the largest.
    assert_eq!(seen.ingress_mb_per_second.peak, 0.64453125);
    assert_eq!(seen.egress_mb_per_second.unwrap().peak, 1.93359375);
    assert_eq!(seen.peak_shard_need, 0.966796875);
    assert_eq!(seen.shards_for_peak, 1);
    // At 80% target utilization: 0.966796875 / 0.8 = 1.2085 -> 2 shards.
    assert_eq!(s.observed(80.0).shards_for_peak, 2);
}

#[test]
fn get_metric_statistics_files_in_any_order_give_the_same_series() {
    let mut all = parse(STAT_RECORDS, "records.json").unwrap();
    all.extend(parse(STAT_BYTES, "bytes.json").unwrap());
    assert_eq!(all[0].kind, MetricKind::IncomingRecords);
    let s = TrafficSeries::assemble(all).unwrap();
    let p = paged();
    assert_eq!(s.points.len(), p.points.len());
    for (a, b) in s.points.iter().zip(&p.points) {
        assert_eq!(
            (a.t, a.bytes_in, a.records_in),
            (b.t, b.bytes_in, b.records_in)
        );
    }
    assert_eq!(s.gaps, p.gaps);
    assert_eq!(
        s.observed(100.0).egress_mb_per_second,
        None,
        "no GetRecords.Bytes given"
    );
}

#[test]
fn a_console_csv_table_gives_the_same_series_as_the_json_pages() {
    let series = parse(CONSOLE, "console.csv").unwrap();
    let kinds: Vec<MetricKind> = series.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            MetricKind::IncomingBytes,
            MetricKind::IncomingRecords,
            MetricKind::GetRecordsBytes
        ]
    );
    // The 00:35 row has a time and empty cells: no point, a gap.
    assert_eq!(series[0].points.len(), 23);
    assert_eq!(series[0].points[0], (1_795_132_800, 61_440_000.0));
    let s = TrafficSeries::assemble(series).unwrap();
    let p = paged();
    assert_eq!(s.points, p.points);
    assert_eq!(s.gaps, p.gaps);
    assert_eq!(s.period_s, 300);
    // The same table with ISO times, newest first, a BOM and a consumer column is read alike.
    let mut rows: Vec<&str> = CONSOLE.lines().skip(1).collect();
    rows.reverse();
    let iso: Vec<String> = rows
        .iter()
        .map(|r| format!("{},0", r.replacen(' ', "T", 1).replacen(',', "Z,", 1)))
        .collect();
    let text = format!(
        "\u{feff}Timestamp,IncomingBytes,IncomingRecords,GetRecords.Bytes,SubscribeToShardEvent.Bytes analytics (Sum)\n{}\n",
        iso.join("\n")
    );
    let again = parse(&text, "iso.csv").unwrap();
    assert_eq!(again[3].consumer.as_deref(), Some("analytics"));
    assert_eq!(TrafficSeries::assemble(again).unwrap().points.len(), 23);
}

#[test]
fn bad_csv_tables_are_refused_with_line_and_column() {
    let cases = [
        (
            "IncomingBytes,IncomingRecords\n1,2\n",
            "t.csv:1:1: no time column",
        ),
        ("Time\n2026-11-20 00:00:00\n", "t.csv:1:1: no metric columns"),
        (
            "Time,IncomingBytes (Average),IncomingRecords\n",
            "t.csv:1:2: the column 'IncomingBytes (Average)' holds the average statistic; graph the metrics with the Sum statistic",
        ),
        (
            "Time,IncomingBytes,CPUUtilization\n",
            "t.csv:1:3: the metric 'CPUUtilization' is not one kcost reads",
        ),
        (
            "Time,IncomingBytes,IncomingRecords\n2026-11-20 00:00:00,1,2\nyesterday,1,2\n",
            "t.csv:3:1: 'yesterday' is not a time",
        ),
        (
            "Time,IncomingBytes,IncomingRecords\n2026-11-20 00:00:00,1,-2\n",
            "t.csv:2:3: IncomingRecords: '-2' is not a sum of 0 or more",
        ),
        (
            "Time,IncomingBytes,IncomingRecords\n2026-11-20 00:00:00,NaN,2\n",
            "t.csv:2:2: IncomingBytes: 'NaN' is not a sum",
        ),
        (
            "Time,IncomingBytes,IncomingRecords\n2026-11-20 00:00:00,1\n",
            "t.csv:2:1: this row has 2 cells but the header has 3",
        ),
        (
            "Time,IncomingBytes,IncomingRecords\n2026-11-20 00:00:00,\"1,2\n",
            "t.csv:",
        ),
    ];
    for (text, expected) in cases {
        let err = refused(&[("t.csv", text)]).to_string();
        assert!(
            err.contains(expected),
            "{text:?}\n{err}\nexpected: {expected}"
        );
    }
}

#[track_caller]
fn refused(files: &[(&str, &str)]) -> MetricsError {
    let mut all = Vec::new();
    for (name, text) in files {
        match parse(text, name) {
            Ok(series) => all.extend(series),
            Err(e) => return e,
        }
    }
    TrafficSeries::assemble(all).unwrap_err()
}

#[test]
fn bad_files_are_refused_with_the_file_and_the_fix() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("a.json", "")], "a.json: the file is empty"),
        (&[("a.json", "{")], "a.json:1:1: the JSON ends early"),
        (&[("a.json", &PAGE1[..200])], "a.json:"),
        (
            &[("a.json", "[1, 2]")],
            "not the output of `aws cloudwatch get-metric-data`",
        ),
        (
            &[("a.json", STAT_AVERAGE)],
            "carry Average, not Sum; export them with `--statistics Sum`",
        ),
        (
            &[("a.json", STAT_BYTES)],
            "IncomingBytes and IncomingRecords (Sum) are both needed",
        ),
        (
            &[("a.json", r#"{"Label": "CPUUtilization", "Datapoints": []}"#)],
            "the metric 'CPUUtilization' is not one kcost reads",
        ),
        (
            &[(
                "a.json",
                r#"{"Label": "IncomingBytes", "Datapoints": [{"Timestamp": "yesterday", "Sum": 1}]}"#,
            )],
            "the timestamp 'yesterday' is not an ISO 8601 time",
        ),
        (
            &[(
                "a.json",
                r#"{"Label": "IncomingBytes", "Datapoints": [{"Timestamp": "2026-11-20T00:00:00Z", "Sum": -5}]}"#,
            )],
            "is negative",
        ),
        (
            &[(
                "a.json",
                r#"{"MetricDataResults": [{"Label": "IncomingBytes", "Timestamps": ["2026-11-20T00:00:00Z"], "Values": []}]}"#,
            )],
            "has 1 timestamps but 0 values",
        ),
        (
            &[
                (
                    "b.json",
                    r#"{"Label": "IncomingBytes", "Datapoints": [{"Timestamp": "2026-11-20T00:00:00Z", "Sum": 1}, {"Timestamp": "2026-11-20T00:00:30Z", "Sum": 1}]}"#,
                ),
                (
                    "r.json",
                    r#"{"Label": "IncomingRecords", "Datapoints": [{"Timestamp": "2026-11-20T00:00:00Z", "Sum": 1}]}"#,
                ),
            ],
            "points are 30 s apart; kcost reads periods from 60 s to 1 hour",
        ),
        (
            &[
                (
                    "b.json",
                    r#"{"Label": "IncomingBytes", "Datapoints": [{"Timestamp": "2026-11-20T00:00:00Z", "Sum": 1}, {"Timestamp": "2026-11-20T00:05:00Z", "Sum": 1}, {"Timestamp": "2026-11-20T00:12:00Z", "Sum": 1}]}"#,
                ),
                (
                    "r.json",
                    r#"{"Label": "IncomingRecords", "Datapoints": [{"Timestamp": "2026-11-20T00:00:00Z", "Sum": 1}]}"#,
                ),
            ],
            "mixed periods: points 300 s apart and others 420 s apart",
        ),
        (
            &[
                (
                    "b.json",
                    r#"{"Label": "IncomingBytes", "Datapoints": [{"Timestamp": "2026-11-20T00:00:00Z", "Sum": 1}]}"#,
                ),
                (
                    "c.json",
                    r#"{"Label": "IncomingBytes", "Datapoints": [{"Timestamp": "2026-11-20T00:00:00Z", "Sum": 2}]}"#,
                ),
            ],
            "c.json: IncomingBytes has two values for 2026-11-20 00:00 UTC: 1 and 2",
        ),
        (
            &[
                (
                    "b.json",
                    r#"{"Label": "IncomingBytes", "Datapoints": [{"Timestamp": "1990-01-01T00:00:00Z", "Sum": 1}, {"Timestamp": "2026-11-20T00:00:00Z", "Sum": 1}, {"Timestamp": "2026-11-20T00:01:00Z", "Sum": 1}]}"#,
                ),
                (
                    "r.json",
                    r#"{"Label": "IncomingRecords", "Datapoints": [{"Timestamp": "2026-11-20T00:00:00Z", "Sum": 1}]}"#,
                ),
            ],
            "more than a year of 60 s periods",
        ),
    ];
    let minutes = |label: &str, stamps: &[&str]| {
        let points: Vec<String> = stamps
            .iter()
            .map(|t| format!(r#"{{"Timestamp": "2026-11-20T{t}Z", "Sum": 1}}"#))
            .collect();
        format!(
            r#"{{"Label": "{label}", "Datapoints": [{}]}}"#,
            points.join(",")
        )
    };
    let b = minutes("IncomingBytes", &["10:00:00", "10:01:00", "10:02:00"]);
    let r = minutes("IncomingRecords", &["10:00:00", "10:01:00", "10:02:00"]);
    let late = minutes("IncomingRecords", &["10:05:00", "10:06:00"]);
    let reads_off = minutes("GetRecords.Bytes", &["10:00:30", "10:01:30"]);
    let reads_coarse = minutes("GetRecords.Bytes", &["10:00:00", "10:05:00"]);
    let extra: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("b.json", &b), ("r.json", &late)],
            "IncomingBytes and IncomingRecords share no period",
        ),
        (
            vec![("b.json", &b), ("r.json", &r), ("g.json", &reads_off)],
            "GetRecords.Bytes has a point at 2026-11-20 10:00 UTC, off the 60 s periods",
        ),
        (
            vec![("b.json", &b), ("r.json", &r), ("g.json", &reads_coarse)],
            "mixed periods: GetRecords.Bytes has points 300 s apart, IncomingBytes 60 s",
        ),
    ];
    for (files, expected) in &extra {
        let err = refused(files).to_string();
        assert!(err.contains(expected), "{err}\nexpected: {expected}");
    }
    for (files, expected) in cases {
        let err = refused(files).to_string();
        assert!(
            err.contains(expected),
            "{files:?}\n{err}\nexpected: {expected}"
        );
    }
}

proptest! {
    /// Any text: parsed or refused, never a panic.
    #[test]
    fn any_text_is_parsed_or_refused(text in ".{0,400}") {
        let _ = parse(&text, "fuzz.json");
    }

    /// Any table of times and numbers: parsed or refused, never a panic.
    #[test]
    fn any_csv_table_is_parsed_or_refused(
        rows in proptest::collection::vec(("[0-9: T-]{0,20}", "[-0-9.e,]{0,12}", "[0-9.\"]{0,8}"), 0..20),
    ) {
        let mut text = String::from("Time,IncomingBytes,IncomingRecords\n");
        for (t, a, b) in rows {
            text.push_str(&format!("{t},{a},{b}\n"));
        }
        if let Ok(series) = parse(&text, "t.csv") {
            let _ = TrafficSeries::assemble(series);
        }
    }

    /// Any valid series: assembled, and its peaks never below its means.
    #[test]
    fn observed_peaks_are_never_below_means(
        values in proptest::collection::vec((0u32..1_000_000, 0u32..10_000), 2..60),
        period in prop_oneof![Just(60i64), Just(300), Just(3600)],
        skip in 0usize..60,
    ) {
        let stamp = |i: usize| {
            let t = 1_795_000_000 + period * i as i64;
            let d = time::OffsetDateTime::from_unix_timestamp(t).unwrap();
            d.format(&time::format_description::well_known::Rfc3339).unwrap()
        };
        let points = |f: &dyn Fn(&(u32, u32)) -> u32| -> String {
            values
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip || values.len() < 4)
                .map(|(i, v)| format!(r#"{{"Timestamp": "{}", "Sum": {}}}"#, stamp(i), f(v)))
                .collect::<Vec<_>>()
                .join(",")
        };
        let bytes = format!(r#"{{"Label": "IncomingBytes", "Datapoints": [{}]}}"#, points(&|v| v.0));
        let records = format!(r#"{{"Label": "IncomingRecords", "Datapoints": [{}]}}"#, points(&|v| v.1));
        let mut all = parse(&bytes, "b.json").unwrap();
        all.extend(parse(&records, "r.json").unwrap());
        let s = TrafficSeries::assemble(all).unwrap();
        let seen = s.observed(100.0);
        prop_assert!(seen.records_per_second.peak >= seen.records_per_second.mean);
        prop_assert!(seen.ingress_mb_per_second.peak >= seen.ingress_mb_per_second.mean);
        prop_assert!(seen.shards_for_peak as f64 >= seen.peak_shard_need);
        prop_assert!(s.points.len() + s.gaps.len() >= 2);
    }
}

#[test]
fn each_mode_is_priced_for_a_month_at_the_metered_traffic() {
    use kcost_core::metrics::{price, Settings};
    use kcost_core::{testing, Options};
    let s = paged();
    let settings = Settings {
        shards: Some(4),
        ..Settings::default()
    };
    let e = price(
        &s,
        settings,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let cost = |mode: &str| {
        let m = e
            .estimates
            .iter()
            .chain(&e.current)
            .find(|m| m.mode == mode)
            .unwrap();
        m.monthly_usd.cents()
    };
    let line = |mode: &str, item: &str| {
        let m = e
            .estimates
            .iter()
            .chain(&e.current)
            .find(|m| m.mode == mode)
            .unwrap();
        let l = m.lines.iter().find(|l| l.item == item).unwrap();
        ((l.quantity * 100.0).round() / 100.0, l.monthly_usd.cents())
    };
    // 23 periods of 300 s = 1.9167 hours with data; a month is 730 / 1.9167 = 380.87 times that.
    // 1,497,000 records of 2 KB were written (300 x 4,990), 3,065,856,000 bytes, read 3 times.
    // Provisioned, sized for the peak (0.97 shards -> 1): 730 shard-hours x 0.015 = 10.95; PUT:
    // 1,497,000 units x 380.87 = 570,161,739.13 x 0.000000014 = 7.98.
    assert_eq!(line("provisioned", "shard_hours"), (730.0, 10_95));
    assert_eq!(
        line("provisioned", "put_payload_units"),
        (570_161_739.13, 7_98)
    );
    assert_eq!(cost("provisioned"), 18_93);
    // On-demand: 29.20 stream-hours; data in 2,994,000 KB (each record 2 KB) / 1,048,576 x 380.87
    // = 1,087.50 GB x 0.08 = 87.00; data out 9,197,568,000 bytes / 1,073,741,824 x 380.87 =
    // 3,262.49 GB x 0.04 = 130.50.
    assert_eq!(line("on-demand", "data_in"), (1087.5, 87_00));
    assert_eq!(line("on-demand", "data_out"), (3262.49, 130_50));
    assert_eq!(cost("on-demand"), 29_20 + 87_00 + 130_50);
    // Advantage alone pays the whole commitment: 3,079.69.
    assert_eq!(cost("advantage"), 3079_69);
    assert_eq!(e.cheapest, "provisioned");
    // Today's 4 shards: 2,920 shard-hours x 0.015 = 43.80 + 7.98; the cheapest saves 32.85.
    assert_eq!(cost("current"), 43_80 + 7_98);
    assert_eq!(e.saving_usd.unwrap().cents(), 51_78 - 18_93);
    let said: Vec<String> = e.assumptions.iter().map(|a| a.to_string()).collect();
    assert!(
        said.iter()
            .any(|a| a.contains("between 1087.50 GB (the bytes alone)")),
        "{said:?}"
    );
}

#[test]
fn the_cheapest_schedule_steps_through_doublings() {
    use kcost_core::metrics::{cheapest, Schedule};
    // 2 shards at night, 8 in the morning, 4 in the afternoon, 2 in the evening (UTC hours).
    let mut needs = [2u64; 24];
    needs[6..12].fill(8);
    needs[12..18].fill(4);
    let s = cheapest(&needs);
    // 2 -> 8 is more than double: the count steps to 4 an hour early (05:00), then 8 at 06:00, 4
    // at 12:00 and 2 at 18:00. 5 x 2 + 4 + 6 x 8 + 6 x 4 + 6 x 2 = 98 shard-hours a day, against
    // 24 x 8 = 192 for one fixed count; 4 changes.
    let mut expected = needs;
    expected[5] = 4;
    assert_eq!(
        s,
        Schedule {
            hours: expected,
            changes: 4,
            shard_hours_per_day: 98
        }
    );
    // A flat day needs no change.
    assert_eq!(cheapest(&[3; 24]), Schedule::fixed(3));
}

#[test]
fn the_cheapest_schedule_uses_all_ten_changes_and_starts_low_among_equals() {
    use kcost_core::metrics::cheapest;
    // 2 shards at 01:00, 03:00, 05:00, 07:00 and 09:00, 1 otherwise: following the need exactly is
    // 5 peaks of 2 changes each, the 10 a day allows: 19 + 5 x 2 = 29 shard-hours.
    let mut needs = [1u64; 24];
    for h in [1, 3, 5, 7, 9] {
        needs[h] = 2;
    }
    let s = cheapest(&needs);
    assert_eq!((s.hours, s.changes, s.shard_hours_per_day), (needs, 10, 29));
    // 1 and 2 shards hour by hour all day: 10 changes make 5 one-hour dips to 1 in a day held at
    // 2, 48 - 5 = 43 shard-hours, whichever 5 of the 12 hours needing 1 they take. Among those
    // equals the schedule starting the day at the lower count is kept, and then the one holding
    // the lower count latest in the day: dips at 00:00, 16:00, 18:00, 20:00 and 22:00.
    let alternating: [u64; 24] = std::array::from_fn(|h| 1 + (h as u64 % 2));
    let mut expected = [2u64; 24];
    for h in [0, 16, 18, 20, 22] {
        expected[h] = 1;
    }
    let s = cheapest(&alternating);
    assert_eq!(
        (s.hours, s.changes, s.shard_hours_per_day),
        (expected, 10, 43)
    );
    // The other way round (2 at even hours), the day starts at 2 and the dips are the last five
    // hours needing 1: 15:00, 17:00, 19:00, 21:00 and 23:00.
    let alternating: [u64; 24] = std::array::from_fn(|h| 2 - (h as u64 % 2));
    let mut expected = [2u64; 24];
    for h in [15, 17, 19, 21, 23] {
        expected[h] = 1;
    }
    let s = cheapest(&alternating);
    assert_eq!(
        (s.hours, s.changes, s.shard_hours_per_day),
        (expected, 10, 43)
    );
}

#[test]
fn a_day_of_48_candidate_counts_still_steps_through_the_halvings() {
    use kcost_core::metrics::cheapest;
    // 8,192 shards 00:00-03:00 and 4,096 12:00-15:00, 1,024 between; four hours next to the peaks
    // need 3,073, 1,999, 1,777 and 1,501. The counts the search may use are the
    // needs and their halvings (rounded up): 8,192 down to 1 is 14, 3,073 -> 1,537 -> ... -> 7
    // adds 10, 1,999 -> 1,000 -> ... -> 63 adds 6, 1,777 adds 8 and 1,501 10: 48, the most it keeps
    // (with more it keeps the needs alone, and 1,024 -> 8,192 could not be climbed).
    let mut needs = [1024u64; 24];
    needs[0..4].fill(8192);
    needs[12..16].fill(4096);
    for (h, n) in [(4, 3073), (5, 1999), (11, 1777), (16, 1501)] {
        needs[h] = n;
    }
    // Each step at most halves or doubles, so the hours around the peaks hold 4,096 and 2,048
    // (8,192 / 2, / 4) or 2,048 (4,096 / 2): 10 changes, the most a day allows, and every hour
    // at the least it can hold: 4 x 8,192 + 4 x 4,096 + 10 x 1,024 + 2 x 4,096 + 4 x 2,048
    // = 32,768 + 16,384 + 10,240 + 8,192 + 8,192 = 75,776 shard-hours a day.
    let mut expected = needs;
    for (h, n) in [
        (4, 4096),
        (5, 2048),
        (11, 2048),
        (16, 2048),
        (22, 2048),
        (23, 4096),
    ] {
        expected[h] = n;
    }
    let s = cheapest(&needs);
    assert_eq!(
        (s.hours, s.changes, s.shard_hours_per_day),
        (expected, 10, 75_776)
    );
}

#[test]
fn of_equally_cheap_schedules_the_one_with_fewer_changes_is_kept() {
    use kcost_core::metrics::cheapest;
    // 1 shard, but 3 at 03:00, 4 at 11:00, 3 at 12:00 and 2 at 15:00. 03:00 needs 2, 3, 2 from
    // 02:00 (1 -> 3 is more than double): 4 changes, 1 + 2 + 1 = 4 shard-hours over 24. Then
    // 2, 4, 3, 2, 2, 2 from 10:00 back to 1 at 16:00: 5 changes, 1 + 3 + 2 + 1 + 1 + 1 = 9
    // more: 37 shard-hours, 9 changes. Holding 4 at 12:00 and dipping to 1 at 14:00 (2, 4, 4, 2,
    // 1, 2) costs the same 37 in 10 changes.
    let mut needs = [1u64; 24];
    for (h, n) in [(3, 3), (11, 4), (12, 3), (15, 2)] {
        needs[h] = n;
    }
    let mut expected = [1u64; 24];
    for (h, n) in [
        (2, 2),
        (3, 3),
        (4, 2),
        (10, 2),
        (11, 4),
        (12, 3),
        (13, 2),
        (14, 2),
        (15, 2),
    ] {
        expected[h] = n;
    }
    let s = cheapest(&needs);
    assert_eq!(
        (s.hours, s.changes, s.shard_hours_per_day),
        (expected, 9, 37)
    );
    // 1 shard, but 3 at 11:00, 19:00 and 21:00, 4 at 22:00: 2, 3, 2 around 11:00 (4 changes, 4
    // shard-hours more), then 2 at 18:00, 3 to 21:00, 4, and 2 at 23:00 (4 -> 1 is less than
    // half) before 1 at 00:00: 5 changes, 1 + 2 + 2 + 2 + 3 + 1 = 11 more: 39 in 9 changes.
    // A dip to 2 at 20:00 paid for by 4 at 21:00 is the same 39 in 10 changes.
    let mut needs = [1u64; 24];
    for (h, n) in [(11, 3), (19, 3), (21, 3), (22, 4)] {
        needs[h] = n;
    }
    let mut expected = [1u64; 24];
    for (h, n) in [
        (10, 2),
        (11, 3),
        (12, 2),
        (18, 2),
        (19, 3),
        (20, 3),
        (21, 3),
        (22, 4),
        (23, 2),
    ] {
        expected[h] = n;
    }
    let s = cheapest(&needs);
    assert_eq!(
        (s.hours, s.changes, s.shard_hours_per_day),
        (expected, 9, 39)
    );
}

proptest! {
    /// Any daily pattern: the schedule covers every hour's need, makes at most 10 changes a day
    /// (the wrap from 23:00 to 00:00 counted), each to at most double and at least half, and is
    /// never dearer than one fixed count.
    #[test]
    fn schedules_obey_update_shard_count(needs in proptest::array::uniform24(1u64..200)) {
        use kcost_core::metrics::{allowed, cheapest, MAX_CHANGES_PER_DAY};
        let s = cheapest(&needs);
        let mut changes = 0;
        #[allow(clippy::needless_range_loop)]
        for h in 0..24 {
            prop_assert!(s.hours[h] >= needs[h], "hour {}: {} < {}", h, s.hours[h], needs[h]);
            let prev = s.hours[(h + 23) % 24];
            if prev != s.hours[h] {
                changes += 1;
                prop_assert!(allowed(prev, s.hours[h]), "{} -> {}", prev, s.hours[h]);
            }
        }
        prop_assert_eq!(changes, s.changes);
        prop_assert!(changes <= MAX_CHANGES_PER_DAY);
        prop_assert_eq!(s.hours.iter().sum::<u64>(), s.shard_hours_per_day);
        let top = *needs.iter().max().unwrap();
        prop_assert!(s.shard_hours_per_day <= 24 * top);
    }
}

/// Every mode for a month of `s` in the default region.
fn priced(s: &TrafficSeries) -> kcost_core::metrics::TrafficEstimate {
    let book = kcost_core::testing::deck_book();
    kcost_core::metrics::price(s, Default::default(), None, &book, Default::default()).unwrap()
}

/// Two days of hourly sums of 1 KB records in four 6-hour blocks.
fn daily() -> TrafficSeries {
    let mut all = parse(
        include_str!("fixtures/metrics/daily-incoming-bytes.json"),
        "b.json",
    )
    .unwrap();
    all.extend(
        parse(
            include_str!("fixtures/metrics/daily-incoming-records.json"),
            "r.json",
        )
        .unwrap(),
    );
    TrafficSeries::assemble(all).unwrap()
}

#[test]
fn a_daily_pattern_is_priced_on_a_shard_schedule() {
    use kcost_core::metrics::{price, Settings};
    use kcost_core::{testing, Options};
    // Two days of hourly sums of 1 KB records: 1,800 records/s from 00:00, 7,900 from 06:00,
    // 3,900 from 12:00, 1,800 from 18:00 (UTC). The records need rounds up to 2, 8, 4, 2 shards.
    let s = daily();
    assert_eq!((s.period_s, s.points.len(), s.gaps.len()), (3600, 48, 0));
    let e = price(
        &s,
        Settings::default(),
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let fixed = &e.estimates[0];
    let scheduled = e
        .estimates
        .iter()
        .find(|m| m.mode == "provisioned-scheduled")
        .unwrap();
    // Fixed: 8 shards x 730 h = 5,840 shard-hours x 0.015 = 87.60.
    assert_eq!(fixed.shards, Some(8));
    assert_eq!(fixed.lines[0].monthly_usd.cents(), 87_60);
    // Scheduled: 2 -> 8 is more than double, so 4 at 05:00: 98 shard-hours a day x 730 / 24 =
    // 2,980.83 shard-hours x 0.015 = 44.71.
    let schedule = scheduled.schedule.as_ref().unwrap();
    assert_eq!((schedule.shard_hours_per_day, schedule.changes), (98, 4));
    assert_eq!(schedule.hours[5], 4);
    assert_eq!(scheduled.lines[0].monthly_usd.cents(), 44_71);
    // PUT payload units are the same in both: 1 unit a record.
    assert_eq!(fixed.lines[1], scheduled.lines[1]);
    assert_eq!(e.cheapest, "provisioned-scheduled");
}

#[test]
fn a_jump_past_twice_the_previous_peak_is_a_risk_for_on_demand() {
    use kcost_core::Warning;
    let hourly = |label: &str, f: &dyn Fn(i64) -> u64| {
        let points: Vec<String> = (0..30)
            .map(|i| {
                let t =
                    time::OffsetDateTime::from_unix_timestamp(1_795_392_000 + i * 3600).unwrap();
                let stamp = t
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap();
                format!(r#"{{"Timestamp": "{stamp}", "Sum": {}}}"#, f(i))
            })
            .collect();
        format!(
            r#"{{"Label": "{label}", "Datapoints": [{}]}}"#,
            points.join(",")
        )
    };
    // 1,000 records an hour of 1 KB, but 3,500 at hour 28 (the second day).
    let records = |i: i64| if i == 28 { 3500 } else { 1000 };
    let mut all = parse(&hourly("IncomingRecords", &records), "r.json").unwrap();
    all.extend(parse(&hourly("IncomingBytes", &|i| records(i) * 1024), "b.json").unwrap());
    let s = TrafficSeries::assemble(all).unwrap();
    let e = priced(&s);
    let burst = e.warnings.iter().find_map(|w| match w {
        Warning::Traffic(TrafficWarning::MetricsBurst { at, ratio }) => Some((at.clone(), *ratio)),
        _ => None,
    });
    assert_eq!(burst, Some((time_text(1_795_392_000 + 28 * 3600), 3.5)));
    // The daily pattern repeats its first day's peak: no warning.
    let s = daily();
    let e = priced(&s);
    assert!(!e
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::Traffic(TrafficWarning::MetricsBurst { .. }))));
}

#[test]
fn a_missing_last_page_and_too_many_points_are_reported() {
    // Page 1 says PartialData (a NextToken follows): alone, the last page is missing.
    let alone = TrafficSeries::assemble(parse(PAGE1, "page1.json").unwrap()).unwrap();
    assert_eq!(alone.partial, ["page1.json"]);
    assert!(paged().partial.is_empty(), "page 2 is the last");
    // More than a year of minutes of one metric is refused, naming the file.
    let many = kcost_core::metrics::MetricSeries {
        kind: MetricKind::IncomingBytes,
        consumer: None,
        shard: None,
        label: "IncomingBytes".into(),
        file: "huge.json".into(),
        points: (0..600_000)
            .map(|i| (1_795_000_000 + 60 * i, 1.0))
            .collect(),
        partial: false,
    };
    let err = TrafficSeries::assemble(vec![many]).unwrap_err().to_string();
    assert!(
        err.starts_with("huge.json: more than 527040 points of IncomingBytes"),
        "{err}"
    );
}

proptest! {
    /// Any assembled series prices without a panic, to finite, non-negative totals.
    #[test]
    fn any_series_prices(values in proptest::collection::vec((0u32..u32::MAX, 0u32..10_000_000), 2..40)) {
        let stamp = |i: usize| {
            let t = time::OffsetDateTime::from_unix_timestamp(1_795_000_000 + 300 * i as i64).unwrap();
            t.format(&time::format_description::well_known::Rfc3339).unwrap()
        };
        let file = |label: &str, f: &dyn Fn(&(u32, u32)) -> u32| {
            let points: Vec<String> = values.iter().enumerate()
                .map(|(i, v)| format!(r#"{{"Timestamp": "{}", "Sum": {}}}"#, stamp(i), f(v)))
                .collect();
            format!(r#"{{"Label": "{label}", "Datapoints": [{}]}}"#, points.join(","))
        };
        let mut all = parse(&file("IncomingBytes", &|v| v.0), "b.json").unwrap();
        all.extend(parse(&file("IncomingRecords", &|v| v.1), "r.json").unwrap());
        let s = TrafficSeries::assemble(all).unwrap();
        if let Ok(e) = kcost_core::metrics::price(&s, Default::default(), None, &kcost_core::testing::deck_book(), Default::default()) {
            for m in &e.estimates {
                prop_assert!(m.monthly_usd.cents() >= 0);
                prop_assert!(m.lines.iter().all(|l| l.quantity.is_finite()));
            }
        }
    }
}

#[test]
fn a_hot_shard_in_shard_level_metrics_is_a_risk() {
    use kcost_core::Warning;
    // Two minutes of the stream (1,200 records of 1 KB a minute) and its two shards, labelled with
    // their shard ids: shard 1 takes 67,584 records of 1 KB in the second minute.
    let result = |id: &str, label: &str, values: [f64; 2]| {
        format!(
            r#"{{"Id": "{id}", "Label": "{label}", "StatusCode": "Complete",
                "Timestamps": ["2026-11-20T10:01:00Z", "2026-11-20T10:00:00Z"], "Values": [{}, {}]}}"#,
            values[0], values[1]
        )
    };
    let text = format!(
        r#"{{"MetricDataResults": [{}, {}, {}, {}, {}, {}], "Messages": []}}"#,
        result("b", "IncomingBytes", [1_228_800.0, 1_228_800.0]),
        result("r", "IncomingRecords", [1200.0, 1200.0]),
        result(
            "b0",
            "shardId-000000000000 IncomingBytes",
            [102_400.0, 614_400.0]
        ),
        result("r0", "shardId-000000000000 IncomingRecords", [100.0, 600.0]),
        result(
            "b1",
            "shardId-000000000001 IncomingBytes",
            [69_206_016.0, 614_400.0]
        ),
        result(
            "r1",
            "shardId-000000000001 IncomingRecords",
            [67_584.0, 600.0]
        ),
    );
    let s = TrafficSeries::assemble(parse(&text, "shards.json").unwrap()).unwrap();
    // Shard-level series do not count into the stream's own totals.
    assert_eq!(s.points.iter().map(|p| p.records_in).sum::<f64>(), 2400.0);
    // Shard 1 in the second minute: 69,206,016 bytes / 60 / 1,048,576 = 1.10 MB/s and 67,584 / 60
    // = 1,126.4 records/s.
    let hot = s.busiest_shard.clone().unwrap();
    assert_eq!(hot.shard, "shardId-000000000001");
    assert_eq!(hot.at, "2026-11-20 10:01 UTC");
    assert_eq!(hot.mb_per_second, 69_206_016.0 / 60.0 / 1_048_576.0);
    let e = priced(&s);
    assert!(
        e.warnings.iter().any(
            |w| matches!(w, Warning::Traffic(TrafficWarning::HotShard { shard, .. }) if shard == "shardId-000000000001")
        ),
        "{:?}",
        e.warnings
    );
}

#[test]
fn a_given_period_reads_an_export_missing_every_other_period() {
    let at = |label: &str| {
        let points: Vec<String> = ["10:00", "10:10", "10:20"]
            .iter()
            .map(|t| format!(r#"{{"Timestamp": "2026-11-20T{t}:00Z", "Sum": 30000}}"#))
            .collect();
        format!(
            r#"{{"Label": "{label}", "Datapoints": [{}]}}"#,
            points.join(",")
        )
    };
    let series = || {
        let mut all = parse(&at("IncomingBytes"), "b.json").unwrap();
        all.extend(parse(&at("IncomingRecords"), "r.json").unwrap());
        all
    };
    // Read from the points: 600 s periods, 30,000 records each = 50 records/s.
    let guessed = TrafficSeries::assemble(series()).unwrap();
    assert_eq!((guessed.period_s, guessed.gaps.len()), (600, 0));
    // Exported with --period 300: two periods missing, 100 records/s in the ones with data.
    let given = TrafficSeries::assemble_with(series(), Some(300)).unwrap();
    assert_eq!((given.period_s, given.gaps.len()), (300, 2));
    assert_eq!(given.observed(100.0).records_per_second.peak, 100.0);
    // A period that does not divide the distances is refused.
    let err = TrafficSeries::assemble_with(series(), Some(420))
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a whole number of 420 s periods"), "{err}");
    let err = TrafficSeries::assemble_with(series(), Some(30))
        .unwrap_err()
        .to_string();
    assert!(err.contains("give 60 to 3600 s in whole minutes"), "{err}");
}

#[test]
fn enhanced_fan_out_consumers_are_named_and_their_reads_summed() {
    // Two minutes of 1 KB records, read by two enhanced fan-out consumers named in the headers.
    let text = "Time,IncomingBytes,IncomingRecords,SubscribeToShardEvent.Bytes analytics (Sum),SubscribeToShardEvent.Bytes billing (Sum)\n\
                2026-11-20 10:00:00,3145728,3072,15728640,15728640\n\
                2026-11-20 10:01:00,6291456,6144,31457280,31457280\n";
    let s = TrafficSeries::assemble(parse(text, "efo.csv").unwrap()).unwrap();
    assert_eq!(s.efo_consumers, ["analytics", "billing"]);
    let summary = s.summary(100.0);
    assert_eq!(summary.efo_consumers, ["analytics", "billing"]);
    // The points start at 10:00 and the last one, a 60 s period from 10:01, ends at 10:02.
    assert_eq!(summary.period.start, "2026-11-20 10:00 UTC");
    assert_eq!(summary.period.end, "2026-11-20 10:02 UTC");
    // Both consumers together: 15,728,640 x 2 = 31,457,280 bytes / 60 s / 1,048,576 = 0.5 MB/s at
    // 10:00, and 31,457,280 x 2 = 62,914,560 / 60 / 1,048,576 = 1.0 MB/s at 10:01; mean 0.75.
    let efo = summary.observed.efo_mb_per_second.unwrap();
    assert_eq!((efo.mean, efo.peak), (0.75, 1.0));
    // 9,437,184 bytes / 9,216 records / 1,024 = 1 KB a record.
    assert_eq!(summary.observed.record_kb, Some(1.0));
}

#[test]
fn a_stream_with_no_records_written_has_no_record_size() {
    // Bytes but not one record in either minute: no mean record size to tell (not infinity).
    let text = "Time,IncomingBytes,IncomingRecords\n\
                2026-11-20 10:00:00,1024,0\n\
                2026-11-20 10:01:00,2048,0\n";
    let s = TrafficSeries::assemble(parse(text, "none.csv").unwrap()).unwrap();
    assert_eq!(s.observed(100.0).record_kb, None);
    assert_eq!(s.summary(100.0).observed.record_kb, None);
}

#[test]
fn throttled_writes_and_reads_are_added_up_and_warned_of() {
    use kcost_core::Warning;
    // Two minutes: 3 throttled writes and 5 throttled reads, then 4 throttled writes (no read
    // throttling reported in the second minute).
    let text = "Time,IncomingBytes,IncomingRecords,WriteProvisionedThroughputExceeded,ReadProvisionedThroughputExceeded\n\
                2026-11-20 10:00:00,1024,1,3,5\n\
                2026-11-20 10:01:00,1024,1,4,\n";
    let s = TrafficSeries::assemble(parse(text, "throttled.csv").unwrap()).unwrap();
    // 3 + 5 = 8 in the first minute, 4 in the second.
    assert_eq!(
        s.points.iter().map(|p| p.throttled).collect::<Vec<_>>(),
        [Some(8.0), Some(4.0)]
    );
    // 8 + 4 = 12 over the whole period.
    assert_eq!(s.observed(100.0).throttled, 12.0);
    let e = priced(&s);
    let throttled: Vec<&Warning> = e
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::Traffic(TrafficWarning::Throttled { .. })))
        .collect();
    assert_eq!(
        throttled,
        [&Warning::Traffic(TrafficWarning::Throttled { count: 12.0 })]
    );
    assert!(throttled[0]
        .to_string()
        .starts_with("the metrics show 12 throttled requests"));
}

#[test]
fn a_year_of_minutes_of_one_metric_is_not_too_many() {
    // 527,040 minutes = 366 days x 1,440: exactly the most points kcost reads of one metric, so
    // the refusal is the missing IncomingRecords, not the count (600,000 points are refused in
    // a_missing_last_page_and_too_many_points_are_reported).
    let year = kcost_core::metrics::MetricSeries {
        kind: MetricKind::IncomingBytes,
        consumer: None,
        shard: None,
        label: "IncomingBytes".into(),
        file: "year.json".into(),
        points: (0..527_040)
            .map(|i| (1_795_000_000 + 60 * i, 1.0))
            .collect(),
        partial: false,
    };
    let err = TrafficSeries::assemble(vec![year]).unwrap_err().to_string();
    assert!(
        err.starts_with("metrics: IncomingBytes and IncomingRecords (Sum) are both needed"),
        "{err}"
    );
}

/// Two minutes (10:00 and 10:01) of a stream and of its shards, each shard given as
/// `(id, [bytes at 10:00, records at 10:00, bytes at 10:01, records at 10:01])`; the stream's sums
/// are the shards' together.
fn with_shards(shards: &[(&str, [f64; 4])]) -> TrafficSeries {
    let result = |label: &str, at_10_00: f64, at_10_01: f64| {
        format!(
            r#"{{"Label": "{label}", "StatusCode": "Complete",
                "Timestamps": ["2026-11-20T10:00:00Z", "2026-11-20T10:01:00Z"], "Values": [{at_10_00}, {at_10_01}]}}"#
        )
    };
    let total = |i: usize| shards.iter().map(|(_, v)| v[i]).sum::<f64>();
    let mut results = vec![
        result("IncomingBytes", total(0), total(2)),
        result("IncomingRecords", total(1), total(3)),
    ];
    for (id, v) in shards {
        results.push(result(&format!("{id} IncomingBytes"), v[0], v[2]));
        results.push(result(&format!("{id} IncomingRecords"), v[1], v[3]));
    }
    let text = format!(
        r#"{{"MetricDataResults": [{}], "Messages": []}}"#,
        results.join(",")
    );
    TrafficSeries::assemble(parse(&text, "shards.json").unwrap()).unwrap()
}

/// The hot-shard warnings of a series.
fn hot_shards(s: &TrafficSeries) -> Vec<kcost_core::Warning> {
    priced(s)
        .warnings
        .into_iter()
        .filter(|w| {
            matches!(
                w,
                kcost_core::Warning::Traffic(TrafficWarning::HotShard { .. })
            )
        })
        .collect()
}

#[test]
fn the_busiest_shard_is_the_one_fullest_for_its_bytes_or_its_records() {
    use kcost_core::Warning;
    // Shard 0 at 10:00: 94,371,840 bytes / 60 / 1,048,576 = 1.5 MB/s of its 1 MB/s, and 30,000
    // records / 60 = 500 records/s of its 1,000: 1.5 times full.
    // Shard 1 at 10:00: 6,291,456 bytes = 0.1 MB/s, 54,000 records = 900 records/s: 0.9 full.
    // Shard 2 at 10:01: 0.1 MB/s, 90,000 records = 1,500 records/s: 1.5 full, a tie with shard 0,
    // which comes first and stays the busiest.
    let s = with_shards(&[
        (
            "shardId-000000000000",
            [94_371_840.0, 30_000.0, 6_291_456.0, 6_000.0],
        ),
        (
            "shardId-000000000001",
            [6_291_456.0, 54_000.0, 6_291_456.0, 6_000.0],
        ),
        (
            "shardId-000000000002",
            [6_291_456.0, 6_000.0, 6_291_456.0, 90_000.0],
        ),
    ]);
    let hot = s.busiest_shard.clone().unwrap();
    assert_eq!(hot.shard, "shardId-000000000000");
    assert_eq!(hot.at, "2026-11-20 10:00 UTC");
    assert_eq!((hot.mb_per_second, hot.records_per_second), (1.5, 500.0));
    // Over 1 MB/s (though under 1,000 records/s): a hot shard.
    assert_eq!(
        hot_shards(&s),
        [Warning::Traffic(TrafficWarning::HotShard {
            shard: "shardId-000000000000".into(),
            at: "2026-11-20 10:00 UTC".into(),
            mb_per_second: 1.5,
            records_per_second: 500.0,
        })]
    );
}

#[test]
fn a_shard_exactly_full_is_not_hot_and_one_over_on_records_alone_is() {
    use kcost_core::Warning;
    // 62,914,560 bytes / 60 / 1,048,576 = exactly 1 MB/s and 60,000 records / 60 = exactly 1,000
    // records/s: at one shard's limits, not over them.
    let full = with_shards(&[(
        "shardId-000000000000",
        [62_914_560.0, 60_000.0, 6_291_456.0, 6_000.0],
    )]);
    let hot = full.busiest_shard.clone().unwrap();
    assert_eq!((hot.mb_per_second, hot.records_per_second), (1.0, 1000.0));
    assert_eq!(hot_shards(&full), []);
    // 31,457,280 bytes / 60 / 1,048,576 = 0.5 MB/s, but 72,000 records / 60 = 1,200 records/s.
    let records = with_shards(&[(
        "shardId-000000000000",
        [31_457_280.0, 72_000.0, 6_291_456.0, 6_000.0],
    )]);
    assert_eq!(
        hot_shards(&records),
        [Warning::Traffic(TrafficWarning::HotShard {
            shard: "shardId-000000000000".into(),
            at: "2026-11-20 10:00 UTC".into(),
            mb_per_second: 0.5,
            records_per_second: 1200.0,
        })]
    );
}

/// `get-metric-statistics` output of one metric: `(ISO time, sum)` points.
fn statistics(label: &str, points: &[(&str, f64)]) -> String {
    let points: Vec<String> = points
        .iter()
        .map(|(t, v)| format!(r#"{{"Timestamp": "{t}", "Sum": {v}}}"#))
        .collect();
    format!(
        r#"{{"Label": "{label}", "Datapoints": [{}]}}"#,
        points.join(",")
    )
}

/// IncomingBytes and IncomingRecords at the same `(time, bytes, records)` points.
fn written(points: &[(&str, f64, f64)]) -> Vec<kcost_core::metrics::MetricSeries> {
    let bytes: Vec<(&str, f64)> = points.iter().map(|(t, b, _)| (*t, *b)).collect();
    let records: Vec<(&str, f64)> = points.iter().map(|(t, _, r)| (*t, *r)).collect();
    let mut all = parse(&statistics("IncomingBytes", &bytes), "b.json").unwrap();
    all.extend(parse(&statistics("IncomingRecords", &records), "r.json").unwrap());
    all
}

#[test]
fn the_busier_of_bytes_and_records_sizes_each_hour() {
    use kcost_core::metrics::daily_needs;
    // 10:00: 9,437,184,000 bytes / 3,600 s / 1,048,576 = 2.5 MB/s, 360,000 records / 3,600 = 100
    // records/s: the bytes need 2.5 shards -> 3.
    // 11:00: 1,260,000,000 bytes / 3,600 / 1,048,576 = 0.33 MB/s, 12,600,000 records / 3,600 =
    // 3,500 records/s: the records need 3,500 / 1,000 = 3.5 shards -> 4.
    let s = TrafficSeries::assemble(written(&[
        ("2026-11-20T10:00:00Z", 9_437_184_000.0, 360_000.0),
        ("2026-11-20T11:00:00Z", 1_260_000_000.0, 12_600_000.0),
    ]))
    .unwrap();
    let seen = s.observed(100.0);
    assert_eq!((seen.peak_shard_need, seen.shards_for_peak), (3.5, 4));
    // Each hour its own need; the 22 hours without data are held at the largest, 4.
    let mut expected = [4u64; 24];
    expected[10] = 3;
    assert_eq!(daily_needs(&s, 100.0), expected);
    // At 50% target utilization each need doubles: 2.5 / 0.5 = 5 and 3.5 / 0.5 = 7 shards.
    let mut expected = [7u64; 24];
    expected[10] = 5;
    assert_eq!(daily_needs(&s, 50.0), expected);
}

#[test]
fn points_off_the_minute_are_read_and_each_missing_period_is_a_gap() {
    // Points 10 s past the minute (the export's start time), with 10:02:10 and 10:03:10 missing.
    let series = || {
        written(&[
            ("2026-11-20T10:00:10Z", 1024.0, 1.0),
            ("2026-11-20T10:01:10Z", 1024.0, 1.0),
            ("2026-11-20T10:04:10Z", 1024.0, 1.0),
        ])
    };
    let s = TrafficSeries::assemble(series()).unwrap();
    // The export's --period given, 60 s: the points are 60 and 180 s apart, whole periods.
    assert_eq!(TrafficSeries::assemble_with(series(), Some(60)).unwrap(), s);
    assert_eq!(s.period_s, 60);
    let period = s.summary(100.0).period;
    assert_eq!(
        period.gaps,
        ["2026-11-20 10:02 UTC", "2026-11-20 10:03 UTC"]
    );
    // From the first point to the end of the last period: 10:04:10 + 60 s = 10:05:10.
    assert_eq!(
        (period.start.as_str(), period.end.as_str(), period.points),
        ("2026-11-20 10:00 UTC", "2026-11-20 10:05 UTC", 3)
    );
}

#[test]
fn points_a_year_of_periods_apart_are_read_and_further_apart_are_refused() {
    // IncomingBytes at 10:00, 10:01 and 527,040 minutes (366 days) after 10:00, on 2027-11-21:
    // exactly as many periods as kcost lists; IncomingRecords at 10:00 and 10:01.
    let records = [("2026-11-20T10:00:00Z", 1.0), ("2026-11-20T10:01:00Z", 1.0)];
    let series = |last: &str| {
        let bytes = [records[0], records[1], (last, 1.0)];
        let mut all = parse(&statistics("IncomingBytes", &bytes), "b.json").unwrap();
        all.extend(parse(&statistics("IncomingRecords", &records), "r.json").unwrap());
        all
    };
    let year = TrafficSeries::assemble(series("2027-11-21T10:00:00Z")).unwrap();
    assert_eq!(
        (year.period_s, year.points.len(), year.unmatched),
        (60, 2, 1)
    );
    // One minute more is refused.
    let err = TrafficSeries::assemble(series("2027-11-21T10:01:00Z"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "metrics: the points run from 2026-11-20 10:00 UTC to 2027-11-21 10:01 UTC, more than a \
         year of 60 s periods; export one stream's last weeks"
    );
}

#[test]
fn given_periods_longer_than_an_hour_or_not_whole_minutes_are_refused() {
    // 7,200 s (whole minutes, over the hour) and 90 s (in range, and dividing the 6 minutes
    // between the points, but not whole minutes) are both refused as periods CloudWatch does not
    // export.
    let six_minutes = || {
        written(&[
            ("2026-11-20T10:00:00Z", 1024.0, 1.0),
            ("2026-11-20T10:06:00Z", 1024.0, 1.0),
        ])
    };
    for given in [7200, 90] {
        let err = TrafficSeries::assemble_with(six_minutes(), Some(given))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            format!(
                "metrics: a period of {given} s is not one CloudWatch exports here; give 60 to \
                 3600 s in whole minutes"
            )
        );
    }
}

/// Each line of `mode` in `e`: (item, quantity to 2 decimals, cents).
fn lines_of(e: &kcost_core::metrics::TrafficEstimate, mode: &str) -> Vec<(&'static str, f64, i64)> {
    let m = e.estimates.iter().find(|m| m.mode == mode).unwrap();
    m.lines
        .iter()
        .map(|l| {
            (
                l.item,
                (l.quantity * 100.0).round() / 100.0,
                l.monthly_usd.cents(),
            )
        })
        .collect()
}

#[test]
fn enhanced_fan_out_consumers_in_the_metrics_are_priced() {
    // The two consumers of enhanced_fan_out_consumers_are_named_and_their_reads_summed: two
    // minutes with data, so a month is 730 / (120 / 3,600) = 21,900 times them.
    let text = "Time,IncomingBytes,IncomingRecords,SubscribeToShardEvent.Bytes analytics (Sum),SubscribeToShardEvent.Bytes billing (Sum)\n\
                2026-11-20 10:00:00,3145728,3072,15728640,15728640\n\
                2026-11-20 10:01:00,6291456,6144,31457280,31457280\n";
    let s = TrafficSeries::assemble(parse(text, "efo.csv").unwrap()).unwrap();
    let e = priced(&s);
    // Provisioned, 1 shard (0.1 MB/s and 102.4 records/s at the peak): 730 shard-hours x 0.015 =
    // 10.95; 9,216 PUT payload units x 21,900 = 201,830,400 x 0.000000014 = 2.83; the 2 consumers
    // named x 730 shard-hours = 1,460 consumer-shard-hours x 0.015 = 21.90; 94,371,840 bytes read /
    // 1,073,741,824 x 21,900 = 1,924.80 GB x 0.013 = 25.02.
    assert_eq!(
        lines_of(&e, "provisioned"),
        [
            ("shard_hours", 730.0, 10_95),
            ("put_payload_units", 201_830_400.0, 2_83),
            ("efo_consumer_shard_hours", 1460.0, 21_90),
            ("efo_data_retrievals", 1924.8, 25_02),
        ]
    );
    // On-demand: 730 stream-hours x 0.04 = 29.20; 9,216 KB (1 KB records) / 1,048,576 x 21,900 =
    // 192.48 GB x 0.08 = 15.40; the same 1,924.80 GB read by enhanced fan-out x 0.05 = 96.24.
    assert_eq!(
        lines_of(&e, "on-demand"),
        [
            ("stream_hours", 730.0, 29_20),
            ("data_in", 192.48, 15_40),
            ("efo_data_out", 1924.8, 96_24),
        ]
    );
}

#[test]
fn a_stream_at_the_defaults_is_priced_in_three_modes_without_extra_lines() {
    use kcost_core::Warning;
    let e = priced(&paged());
    // Two hours of the day have data and hold one shard: no schedule changes anything.
    let modes: Vec<&str> = e.estimates.iter().map(|m| m.mode).collect();
    assert_eq!(modes, ["provisioned", "on-demand", "advantage"]);
    // 24 hours of retention (included), no enhanced fan-out: shard-hours and PUT units only.
    let items: Vec<&str> = lines_of(&e, "provisioned").iter().map(|l| l.0).collect();
    assert_eq!(items, ["shard_hours", "put_payload_units"]);
    // 00:00 to 01:55 UTC: the other 22 hours of the day have no data.
    assert_eq!(e.hours_of_day_without_data, 22);
    // No throttling metric, no throttling warning.
    assert!(
        !e.warnings
            .iter()
            .any(|w| matches!(w, Warning::Traffic(TrafficWarning::Throttled { .. }))),
        "{:?}",
        e.warnings
    );
}

#[test]
fn the_month_assumed_from_the_metrics_gives_both_bounds_of_data_in() {
    use kcost_core::Assumption;
    let e = priced(&paged());
    let month = e
        .assumptions
        .iter()
        .find(|a| {
            matches!(
                a,
                Assumption::Traffic(TrafficAssumption::MonthFromMetrics { .. })
            )
        })
        .unwrap();
    // 23 x 300 s = 1.92 hours, a month 730 / 1.9167 = 380.87 times them. The bytes alone:
    // 3,065,856,000 / 1,073,741,824 x 380.87 = 1,087.50 GB; every record a whole KB more:
    // (3,065,856,000 / 1,024 + 1,497,000) = 4,491,000 KB / 1,048,576 x 380.87 = 1,631.25 GB.
    assert_eq!(
        month.to_string(),
        "a month is 730 hours at the traffic of the 1.92 hours with data; on-demand data in is \
         estimated from each period's mean record size rounded up to 1 KB, and lies between \
         1087.50 GB (the bytes alone) and 1631.25 GB (every record a whole KB more) a month"
    );
}

#[test]
fn a_target_utilization_outside_0_to_100_is_refused() {
    use kcost_core::metrics::{price, Settings};
    for (utilization, text) in [(0.0, "0"), (150.0, "150")] {
        let err = price(
            &paged(),
            Settings {
                target_utilization: utilization,
                ..Settings::default()
            },
            None,
            &kcost_core::testing::deck_book(),
            Default::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the target utilization '{text}' must be a percentage more than 0 and at most 100"
            )
        );
    }
}

#[test]
fn show_calculations_tells_how_the_observed_figures_came() {
    use kcost_core::metrics::{price, Settings};
    use kcost_core::{render_steps, testing, Options};
    let traced = Options {
        trace: true,
        ..Options::default()
    };
    let e = price(
        &paged(),
        Settings::default(),
        None,
        &testing::deck_book(),
        traced,
    )
    .unwrap();
    // 23 periods x 300 s = 6,900 s; 1,497,000 records / 6,900 = 216.96 records/s; the busiest
    // period's 99,000 records / 300 = 330 records/s; 3,065,856,000 bytes / 1,497,000 / 1,024 = 2 KB;
    // the shared reads' 0.97 shards at 100% -> 1.
    assert_eq!(
        render_steps(&e.steps),
        "23 periods with data x 300 seconds a period = 6,900 seconds with data\n\
         1,497,000 records in the metrics / 6,900 seconds with data = 216.96 records per sec (mean)\n\
         99,000 records in the busiest period / 300 seconds a period = 330.00 records per sec (peak)\n\
         3,065,856,000 bytes in the metrics / 1,497,000 records / 1024 bytes per KB = 2.00 KB (mean record size)\n\
         0.97 shards the busiest period needs / 1.00 target utilization = 0.97 shards needed\n\
         RoundUp (0.97) = 1 shards\n"
    );
}

#[test]
fn a_stream_with_no_records_is_priced_at_no_data_in() {
    use kcost_core::metrics::{price, Settings};
    use kcost_core::{render_steps, testing, Options};
    // 3,072 bytes in two minutes and not one record: nothing billed per record or per KB.
    let text = "Time,IncomingBytes,IncomingRecords\n\
                2026-11-20 10:00:00,1024,0\n\
                2026-11-20 10:01:00,2048,0\n";
    let s = TrafficSeries::assemble(parse(text, "none.csv").unwrap()).unwrap();
    let traced = Options {
        trace: true,
        ..Options::default()
    };
    let e = price(&s, Settings::default(), None, &testing::deck_book(), traced).unwrap();
    // 1 shard (at least one), 730 shard-hours x 0.015 = 10.95; no PUT payload unit.
    assert_eq!(
        lines_of(&e, "provisioned"),
        [("shard_hours", 730.0, 10_95), ("put_payload_units", 0.0, 0)]
    );
    // 730 stream-hours x 0.04 = 29.20, and 0 KB billed in.
    assert_eq!(
        lines_of(&e, "on-demand"),
        [("stream_hours", 730.0, 29_20), ("data_in", 0.0, 0)]
    );
    // No mean record size to show.
    let steps = render_steps(&e.steps);
    assert!(!steps.contains("mean record size"), "{steps}");
    assert!(
        steps.contains(
            "0 records in the metrics / 120 seconds with data = 0.00 records per sec (mean)"
        ),
        "{steps}"
    );
}

/// Two hours (10:00 and 11:00 UTC) of the same `bytes` and `records` each.
fn two_hours(bytes: f64, records: f64) -> TrafficSeries {
    TrafficSeries::assemble(written(&[
        ("2026-11-20T10:00:00Z", bytes, records),
        ("2026-11-20T11:00:00Z", bytes, records),
    ]))
    .unwrap()
}

#[test]
fn records_over_25_kb_take_a_put_payload_unit_each_25_kb() {
    // 36,000 records of 30 KB (30,720 bytes) an hour: 10 records/s, 0.29 MB/s, 1 shard. Two hours
    // with data: a month is 730 / 2 = 365 times them.
    let e = priced(&two_hours(36_000.0 * 30_720.0, 36_000.0));
    // 30 KB is 2 units of 25 KB: 72,000 x 2 = 144,000 units x 365 = 52,560,000 x 0.000000014 =
    // 0.74.
    assert_eq!(
        lines_of(&e, "provisioned"),
        [
            ("shard_hours", 730.0, 10_95),
            ("put_payload_units", 52_560_000.0, 74)
        ]
    );
    // On-demand bills 30 KB a record: 72,000 x 30 = 2,160,000 KB / 1,048,576 x 365 = 751.88 GB x
    // 0.08 = 60.15.
    assert_eq!(lines_of(&e, "on-demand")[1], ("data_in", 751.88, 60_15));
}

#[test]
fn a_month_of_retention_adds_extended_and_long_term_lines() {
    use kcost_core::metrics::{price, Settings};
    use kcost_core::{testing, Options, Retention};
    // 1 GiB an hour in 1,048,576 records of 1 KB: 0.28 MB/s and 291.27 records/s, 1 shard.
    let s = two_hours(1_073_741_824.0, 1_048_576.0);
    let settings = Settings {
        retention: Retention::from_hours(720.0).unwrap(),
        ..Settings::default()
    };
    let e = price(
        &s,
        settings,
        None,
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    // 2 GiB in two hours, a month 365 times: 730 GB, 1.00 GB an hour, kept 720 - 168 = 552 hours
    // beyond 7 days = 552 GB-months x 0.023 = 12.70. Every shard-hour pays extended retention:
    // 730 x 0.020 = 14.60. PUT: 2,097,152 units x 365 = 765,460,480 x 0.000000014 = 10.72.
    assert_eq!(
        lines_of(&e, "provisioned"),
        [
            ("shard_hours", 730.0, 10_95),
            ("put_payload_units", 765_460_480.0, 10_72),
            ("extended_retention", 730.0, 14_60),
            ("long_term_retention", 552.0, 12_70),
        ]
    );
    // On demand, by the GB: 1.00 GB an hour kept 168 - 24 = 144 hours x 0.10 = 14.40, and 552
    // hours beyond 7 days x 0.023 = 12.70.
    let on_demand = lines_of(&e, "on-demand");
    assert_eq!(
        on_demand[on_demand.len() - 2..],
        [
            ("extended_retention", 144.0, 14_40),
            ("long_term_retention", 552.0, 12_70),
        ]
    );
    // At the 24 hours included, on demand neither bills retention nor works out a GB an hour.
    let traced = Options {
        trace: true,
        ..Options::default()
    };
    let e = price(&s, Settings::default(), None, &testing::deck_book(), traced).unwrap();
    let m = e.estimates.iter().find(|m| m.mode == "on-demand").unwrap();
    assert!(m.lines.iter().all(|l| !l.item.contains("retention")));
    let text = kcost_core::render_steps(&m.steps);
    assert!(text.contains("Data in"), "{text}");
    assert!(!text.contains("GB per hour"), "{text}");
}

#[test]
fn a_write_rate_exactly_double_or_after_an_idle_day_is_no_burst() {
    use kcost_core::Warning;
    // 30 hours from 2026-11-20 00:00 UTC of 1 KB records, `records(hour)` an hour.
    let hourly = |records: &dyn Fn(usize) -> f64| {
        let points: Vec<(String, f64, f64)> = (0..30)
            .map(|h| {
                let day = 20 + h / 24;
                let stamp = format!("2026-11-{day}T{:02}:00:00Z", h % 24);
                (stamp, records(h) * 1024.0, records(h))
            })
            .collect();
        let refs: Vec<(&str, f64, f64)> = points
            .iter()
            .map(|(t, b, r)| (t.as_str(), *b, *r))
            .collect();
        TrafficSeries::assemble(written(&refs)).unwrap()
    };
    let bursts = |s: &TrafficSeries| -> Vec<Warning> {
        priced(s)
            .warnings
            .into_iter()
            .filter(|w| matches!(w, Warning::Traffic(TrafficWarning::MetricsBurst { .. })))
            .collect()
    };
    // 1,000 records an hour and 2,000 at hour 28: twice the highest before, not more.
    let double = hourly(&|h| if h == 28 { 2000.0 } else { 1000.0 });
    assert_eq!(bursts(&double), []);
    // Nothing written on the first day, then 1,000 records an hour: no rate before to compare.
    let idle = hourly(&|h| if h < 24 { 0.0 } else { 1000.0 });
    assert_eq!(bursts(&idle), []);
}

#[test]
fn a_series_that_covers_no_time_is_refused() {
    // Built by hand (assemble never gives one): no point, so no month to project.
    let empty = TrafficSeries {
        period_s: 3600,
        points: Vec::new(),
        gaps: Vec::new(),
        unmatched: 0,
        efo_consumers: Vec::new(),
        partial: Vec::new(),
        busiest_shard: None,
    };
    let book = kcost_core::testing::deck_book();
    let price = |s: &TrafficSeries| {
        kcost_core::metrics::price(s, Default::default(), None, &book, Default::default())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        price(&empty),
        "the traffic series covers no time (0 points of 3600 s each), so there is no month to \
         project; build it with TrafficSeries::assemble from exported IncomingBytes and \
         IncomingRecords"
    );
    // Nor one whose points have no length.
    let mut no_period = paged();
    no_period.period_s = 0;
    assert!(price(&no_period).starts_with("the traffic series covers no time (23 points of 0 s"));
}
