//! `kcost` with every mode and feature of Data Streams: compare, on-demand, Advantage, enhanced
//! fan-out, retention, aggregation, peaks, hot keys, growth, and each new bad input.

use serde_json::Value;

mod common;
use common::{deck, fails, ok};

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(&all)).unwrap()
}

#[test]
fn compare_table_marks_the_cheapest() {
    let out = ok(&deck(&["--mode", "compare"]));
    assert!(
        out.contains("│ provisioned ┆     49 ┆        551.27 ┆ cheapest │"),
        "{out}"
    );
    insta::assert_snapshot!("compare_deck_us_east_1", out);
}

#[test]
fn compare_json_has_estimates_cheapest_and_break_even() {
    let v = json(&deck(&["--mode", "compare"]));
    assert_eq!(v["mode"], "compare");
    let modes: Vec<&str> = v["estimates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["mode"].as_str().unwrap())
        .collect();
    assert_eq!(modes, ["provisioned", "on-demand", "advantage"]);
    assert_eq!(v["cheapest"], "provisioned");
    assert_eq!(v["break_even_records_per_second"], Value::Null);
    assert_eq!(v["estimates"][0]["monthly_usd"], 551.27);
    // On-demand: 29.20 stream-hours + 25,062.56 GB in x 0.08 (2,005.00) + 250,625.60 GB out x 0.04
    // (10,025.02).
    assert_eq!(v["estimates"][1]["monthly_usd"], 12059.22);

    // Traffic peaking at 50 times its average makes on-demand win above some rate.
    let spiky = json(&[
        "--records",
        "1",
        "--size-kb",
        "1",
        "--peak-records",
        "50",
        "--mode",
        "compare",
    ]);
    let rate = spiky["break_even_records_per_second"].as_f64().unwrap();
    assert!(rate > 0.0, "{spiky}");
}

#[test]
fn compare_in_a_region_without_advantage_says_why() {
    let out = ok(&deck(&["--mode", "compare", "--region", "us-east-2"]));
    assert!(
        out.contains("Not compared: advantage: region us-east-2 has no price for"),
        "{out}"
    );
    let v = json(&deck(&["--mode", "compare", "--region", "us-east-2"]));
    assert_eq!(v["estimates"].as_array().unwrap().len(), 2);
    assert_eq!(v["unavailable"][0]["mode"], "advantage");
}

#[test]
fn compare_csv_and_markdown() {
    let csv = ok(&deck(&["--mode", "compare", "--format", "csv"]));
    let totals: Vec<&str> = csv.lines().filter(|l| l.contains(",total,")).collect();
    assert_eq!(
        totals,
        [
            "provisioned,total,Monthly total,,,,551.27,us-east-1,calculator",
            "on-demand,total,Monthly total,,,,12059.22,us-east-1,calculator",
            "advantage,total,Monthly total,,,,6063.14,us-east-1,calculator",
        ]
    );
    insta::assert_snapshot!(
        "compare_deck_markdown",
        ok(&deck(&["--mode", "compare", "--format", "markdown"]))
    );
}

#[test]
fn compare_with_explain_shows_each_modes_steps() {
    let out = ok(&deck(&["--mode", "compare", "--explain"]));
    assert_eq!(out.matches("\nShow calculations:\n").count(), 3);
    assert!(out.contains("1 stream x 730 hours in a month = 730.00 Stream hours per month"));
    assert!(out.contains("25 MB/sec commitment x 2628000 seconds in a month / 1024 MB per GB = 64,160.16 GB committed per month"));
}

#[test]
fn on_demand_and_advantage_lines() {
    let v = json(&[
        "--records",
        "100",
        "--size-kb",
        "4.5",
        "--consumers",
        "2",
        "--efo-consumers",
        "1",
        "--mode",
        "on-demand",
    ]);
    let items: Vec<&str> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["item"].as_str().unwrap())
        .collect();
    assert_eq!(
        items,
        ["stream_hours", "data_in", "data_out", "efo_data_out"]
    );
    // 29.20 + 100.25 + 100.25 + 62.66 (see core/tests/modes.rs for the arithmetic).
    assert_eq!(v["monthly_usd"], 292.36);
    assert!(v.get("shards").is_none(), "on-demand has no shard table");

    // Exactly the 25 MiB/s commitment: 101.25 USD a day, 3,079.69 a month.
    let adv = json(&[
        "--records",
        "25600",
        "--size-kb",
        "1",
        "--mode",
        "advantage",
    ]);
    assert_eq!(adv["monthly_usd"], 3079.69);
}

#[test]
fn features_in_the_table() {
    let out = ok(&[
        "--records",
        "2000",
        "--size-kb",
        "1",
        "--peak-records",
        "8000",
        "--target-utilization",
        "80",
        "--hot-key-share",
        "0.1",
        "--efo-consumers",
        "2",
        "--retention",
        "10d",
        "--long-term-reads-gb",
        "50",
    ]);
    for part in [
        "│ Shards needed for the hot key ┆  36.00 ┆",
        "│ With headroom                 ┆  45.00 ┆ at 80% utilization",
        "│ Enhanced fan-out consumer-shard hours",
        "│ Extended data retention",
        "│ Long-term data retention",
        "│ Long-term retention retrieval",
        "Hot key: 0.1 of the traffic is 0.78 MB/s and 800.00 records/s on one shard",
        "│ Retention                  ┆ 10 days (240 hours)",
    ] {
        assert!(out.contains(part), "{part:?} missing from\n{out}");
    }
}

#[test]
fn aggregation_reports_its_saving() {
    let v = json(&["--records", "5000", "--size-kb", "0.5", "--aggregate"]);
    assert_eq!(v["inputs"]["aggregate_kb"], 25.0);
    assert_eq!(v["aggregation"]["user_records_per_kinesis_record"], 50.0);
    assert_eq!(v["aggregation"]["unaggregated_monthly_usd"], 238.71);
    assert_eq!(v["aggregation"]["saving_usd"], 202.18);
    let custom = json(&["--records", "5000", "--size-kb", "0.5", "--aggregate=10"]);
    assert_eq!(
        custom["aggregation"]["user_records_per_kinesis_record"],
        20.0
    );
}

#[test]
fn warnings_snapshot() {
    // A hot key no shard count can fix, a burst on-demand cannot absorb at once, slow shared
    // consumers, and records over 1 MiB.
    let out = ok(&[
        "--records",
        "100",
        "--size-kb",
        "2048",
        "--max-record-size",
        "2MiB",
        "--peak-records",
        "600",
        "--consumers",
        "6",
        "--hot-key-share",
        "0.5",
        "--mode",
        "on-demand",
    ]);
    insta::assert_snapshot!("warnings_on_demand", out);
}

#[test]
fn growth_table() {
    let out = ok(&[
        "--records",
        "600",
        "--size-kb",
        "1",
        "--growth",
        "50",
        "--months",
        "4",
    ]);
    insta::assert_snapshot!("growth_4_months", out);
    let v = json(&[
        "--records",
        "600",
        "--size-kb",
        "1",
        "--growth",
        "50",
        "--months",
        "4",
    ]);
    let shards: Vec<u64> = v["growth"]["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["shards"].as_u64().unwrap())
        .collect();
    assert_eq!(shards, [1, 1, 2, 3]);
}

#[test]
fn the_current_calculator_form() {
    let out = ok(&deck(&["--form", "current", "--explain"]));
    assert!(
        out.starts_with(
            "Kinesis Data Streams, provisioned, us-east-1 (US East (N. Virginia)), calculator \
             rounding, current calculator form\n"
        ),
        "{out}"
    );
    // RoundUp (48.83) = 49 for reads, x 1.2 = 58.80 -> 59 shards: 646.05 + 14.72.
    assert!(out.contains("Monthly total: 660.77 USD"), "{out}");
    assert!(out.contains("secondary description"), "{out}");
    insta::assert_snapshot!("current_form_deck", out);
    let v = json(&deck(&["--form", "current", "--buffer", "0"]));
    assert_eq!(v["form"], "current");
    assert_eq!(v["inputs"]["buffer_percent"], 0.0);
    assert_eq!(v["shards"]["count"], 49);
    assert_eq!(v["shards"].get("records"), None, "no records term");
    let v = json(&deck(&["--mode", "on-demand"]));
    assert_eq!(v["form"], "current", "on-demand is the current form's");
    assert_eq!(json(&deck(&[]))["form"], "2021");
}

#[test]
fn new_bad_inputs_name_the_flag_and_the_fix() {
    let base = ["--records", "100", "--size-kb", "1"];
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--efo-consumers", "21"],
            &[
                "21 enhanced fan-out consumers is over the limit of 20",
                "--mode advantage",
            ],
        ),
        (
            &["--efo-consumers", "51", "--mode", "advantage"],
            &["over the limit of 50"],
        ),
        (
            &["--efo-consumers", "21", "--mode", "on-demand"],
            &["limit of 20"],
        ),
        (&["--efo-consumers", "-1"], &["--efo-consumers", "negative"]),
        (&["--retention", "12h"], &["--retention", "24h to 365d"]),
        (&["--retention", "400d"], &["--retention", "24h to 365d"]),
        (
            &["--retention", "week"],
            &["--retention", "24h, 48h, 7d or 365d"],
        ),
        (
            &["--long-term-reads-gb", "-1"],
            &["--long-term-reads-gb", "negative"],
        ),
        (&["--aggregate=0"], &["--aggregate", "more than 0 KB"]),
        (
            &["--aggregate=2048"],
            &["aggregated record of 2048 KB is not possible"],
        ),
        (
            &["--peak-records", "50"],
            &["peak rate 50/s is below the average rate 100/s"],
        ),
        (
            &["--peak-records", "x"],
            &["--peak-records", "not a number"],
        ),
        (
            &["--target-utilization", "0"],
            &["--target-utilization", "more than 0 and at most 100"],
        ),
        (&["--target-utilization", "120"], &["--target-utilization"]),
        (
            &["--form", "2023"],
            &[
                "--form",
                "unknown calculator form '2023'",
                "2021",
                "current",
            ],
        ),
        (
            &["--buffer", "20"],
            &[
                "--buffer belongs to the calculator's current form",
                "--form current",
            ],
        ),
        (
            &["--form", "current", "--target-utilization", "80"],
            &["2021 form", "--buffer 25"],
        ),
        (
            &["--form", "current", "--buffer", "2000"],
            &["--buffer", "from 0 to 1000"],
        ),
        (
            &["--hot-key-share", "1.5"],
            &["--hot-key-share", "at most 1"],
        ),
        (&["--hot-key-share", "0"], &["--hot-key-share"]),
        (
            &["--max-record-size", "11MiB"],
            &["--max-record-size", "10 MiB"],
        ),
        (&["--growth", "-100"], &["--growth", "above -100"]),
        (
            &["--growth", "5", "--months", "0"],
            &["--months", "1 to 120"],
        ),
        (&["--months", "6"], &["--growth"]),
        (
            &["--mode", "fast"],
            &["--mode", "provisioned, on-demand, advantage, compare"],
        ),
        (
            &["--mode", "advantage", "--region", "us-east-2"],
            &["region us-east-2 has no price for Data Streams Advantage data in"],
        ),
    ];
    for (extra, expected) in cases {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        let stderr = fails(&args);
        for part in *expected {
            assert!(
                stderr.contains(part),
                "kcost {args:?}: expected {part:?} in {stderr}"
            );
        }
    }
    let big = fails(&["--records", "1", "--size-kb", "2048"]);
    assert!(big.contains("raise --max-record-size"), "{big}");
    let over = fails(&[
        "--records",
        "1",
        "--size-kb",
        "3000",
        "--max-record-size",
        "2MiB",
    ]);
    assert!(
        over.contains("over the maximum record size of 2048 KB"),
        "{over}"
    );
}

const METRICS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/metrics/"
);

#[test]
fn metrics_report_what_the_traffic_was() {
    let page = |n: u8| format!("{METRICS}get-metric-data-page{n}.json");
    let (p1, p2) = (page(1), page(2));
    let out = ok(&["metrics", &p1, &p2]);
    // 23 five-minute periods, 00:35 missing; peak 330 records/s of 2 KB, read three times over.
    assert!(
        out.starts_with("CloudWatch metrics: 23 periods of 300 s from 2026-11-20 00:00 UTC to 2026-11-20 02:00 UTC"),
        "{out}"
    );
    assert!(out.contains("not filled: 2026-11-20 00:35 UTC"), "{out}");
    insta::assert_snapshot!("metrics_table", out);
    // The console's CSV download of the same metrics says the same.
    assert_eq!(
        ok(&["metrics", &format!("{METRICS}console-export.csv")]),
        out
    );
    let v = json(&["metrics", &p1, &p2, "--target-utilization", "80"]);
    assert_eq!(v["period"]["points"], 23);
    let text = ok(&["metrics", &p1, &p2, "--format", "json"]);
    assert!(
        text.contains("\"throttled\": 0.0"),
        "no throttling given: {text}"
    );
    assert_eq!(v["period"]["gaps"][0], "2026-11-20 00:35 UTC");
    assert_eq!(v["observed"]["records_per_second"]["peak"], 330.0);
    assert_eq!(v["observed"]["record_kb"], 2.0);
    // 1.93359375 MB/s read at the peak / 2 = 0.97 shards; / 0.8 = 1.21 -> 2.
    assert_eq!(v["observed"]["shards_for_peak"], 2);
    // A month at this traffic (hand-computed in core/tests/metrics.rs): provisioned 18.93 with 1
    // shard, on-demand 246.70, Advantage 3,079.69; today's 4 shards 51.78, saving 32.85.
    let v = json(&["metrics", &p1, &p2, "--shards", "4"]);
    assert_eq!(v["cheapest"], "provisioned");
    assert_eq!(v["estimates"][0]["monthly_usd"], 18.93);
    assert_eq!(v["estimates"][1]["monthly_usd"], 246.7);
    assert_eq!(v["current"]["monthly_usd"], 51.78);
    assert_eq!(v["saving_usd"], 32.85);
    let explained = ok(&["metrics", &p1, &p2, "--explain"]);
    assert!(
        explained.contains("1,497,000.00 PUT Payload Units in the metrics x 730 hours in a month / 1.92 hours with data = 570,161,739.13 PUT Payload Units per month"),
        "{explained}"
    );
    assert!(
        explained.contains("1,497,000 records in the metrics / 6,900 seconds with data = 216.96 records per sec (mean)"),
        "{explained}"
    );
    let daily = |n: &str| format!("{METRICS}daily-incoming-{n}.json");
    let few = ok(&[
        "metrics",
        &daily("bytes"),
        &daily("records"),
        "--shards",
        "1",
    ]);
    assert!(
        // 730 shard-hours (10.95) + the PUT units of 10,117,800,000 (141.65).
        few.contains("Today's 1 shard costs 152.60 USD a month, less than any mode here, but is fewer than the 8 the peak needs"),
        "{few}"
    );
    let err = fails(&["metrics", &p1, &p2, "--shards", "0"]);
    assert!(
        err.contains("--shards") && err.contains("from 1 to 10,000"),
        "{err}"
    );

    // Only one of the two required metrics.
    let err = fails(&[
        "metrics",
        &format!("{METRICS}get-metric-statistics-incoming-bytes.json"),
    ]);
    assert!(
        err.contains("IncomingBytes and IncomingRecords (Sum) are both needed"),
        "{err}"
    );
    let err = fails(&[
        "metrics",
        &format!("{METRICS}get-metric-statistics-average.json"),
    ]);
    assert!(
        err.contains(
            "get-metric-statistics-average.json: IncomingBytes's datapoints carry Average, not Sum"
        ),
        "{err}"
    );
    let err = fails(&["metrics", "no-such-file.json"]);
    assert!(
        err.contains("cannot read the metrics file 'no-such-file.json'"),
        "{err}"
    );
}

#[test]
fn a_daily_profile_on_the_command_line() {
    const PROFILE: &str = "0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5";
    // Hand-computed in core/tests/modes.rs: 74 shards fixed (810.30 + 14.72); a schedule of
    // 1,212 shard-hours a day (552.98 + 14.72).
    let fixed = json(&deck(&["--profile", PROFILE]));
    assert_eq!(fixed["monthly_usd"], 825.02);
    let out = ok(&deck(&["--profile", PROFILE, "--scaling", "scheduled"]));
    assert!(out.contains("Monthly total: 567.70 USD"), "{out}");
    assert!(
        out.contains("Schedule (UTC, every day): 00:00 37 shards, 01:00-10:59 25 shards, 11:00 37 shards, 12:00-23:59 74 shards; 4 changes a day"),
        "{out}"
    );
    let err = fails(&deck(&["--profile", "1,2,3"]));
    assert!(
        err.contains("--profile") && err.contains("it has 3 weights, not 24"),
        "{err}"
    );
    let err = fails(&deck(&["--scaling", "scheduled"]));
    assert!(
        err.contains("give --profile (24 weights) with --scaling scheduled"),
        "{err}"
    );
    let err = fails(&deck(&["--profile", PROFILE, "--peak-records", "200"]));
    assert!(
        err.contains("give --profile or --peak-records, not both"),
        "{err}"
    );
}
