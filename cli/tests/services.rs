//! `kcost analytics` and `kcost firehose` end to end, with their bad inputs.

use serde_json::Value;

mod common;
use common::{fails, ok};

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(&all)).unwrap()
}

const DECK_SQL: [&str; 9] = [
    "analytics",
    "--engine",
    "sql",
    "--apps",
    "10",
    "--kpu-hours",
    "5/day",
    "--region",
    "eu-west-2",
];

#[test]
fn the_decks_sql_apps() {
    let out = ok(&DECK_SQL);
    assert!(out.contains("Monthly total: 193.14 USD"), "{out}");
    let mut explain = DECK_SQL.to_vec();
    explain.push("--explain");
    let text = ok(&explain);
    assert!(
        text.contains(
            "\n5 per day x (730 hours in a month / 24 hours in a day) = 152.08 per month\n"
        ),
        "{text}"
    );
    insta::assert_snapshot!("analytics_deck_sql_explain", text);
    let v = json(&DECK_SQL);
    assert_eq!(v["service"], "kinesis-data-analytics-sql");
    assert_eq!(v["inputs"]["kpu_hours_per_app"], 152.08);
    assert_eq!(v["monthly_usd"], 193.14);
    assert!(v["warnings"][0]
        .as_str()
        .unwrap()
        .contains("no new applications"));
}

#[test]
fn flink_lines_and_formats() {
    let args = [
        "analytics",
        "--engine",
        "flink",
        "--apps",
        "3",
        "--kpus",
        "2",
        "--backup-gb",
        "10",
    ];
    let v = json(&args);
    assert_eq!(v["service"], "managed-flink");
    // 722.70 KPU-hours + 30.00 storage + 0.69 backups (core/tests/analytics_firehose.rs).
    assert_eq!(v["monthly_usd"], 753.39);
    let mut csv = args.to_vec();
    csv.extend(["--format", "csv"]);
    let out = ok(&csv);
    assert!(
        out.contains(
            "\nflink,kpu_hours,KPU-hours,6570,KPU-hour,0.11,722.70,us-east-1,calculator\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("\nflink,total,Monthly total,,,,753.39,us-east-1,calculator\n"),
        "{out}"
    );
    let mut md = args.to_vec();
    md.extend(["--format", "markdown"]);
    assert!(ok(&md).contains("| **Total** "));
    let parallel = json(&[
        "analytics",
        "--parallelism",
        "8",
        "--parallelism-per-kpu",
        "3",
    ]);
    assert_eq!(parallel["inputs"]["kpus"], 3.0); // RoundUp(8 / 3)
}

#[test]
fn firehose_shows_the_5_kb_rounding() {
    let args = [
        "firehose",
        "--records",
        "1000",
        "--size-kb",
        "3",
        "--region",
        "us-east-2",
    ];
    let out = ok(&args);
    assert!(
        out.contains("5 KB rounding: 12,531.28 GB billed a month for 7,518.77 GB sent"),
        "{out}"
    );
    insta::assert_snapshot!("firehose_3kb_us_east_2", out);
    let v = json(&args);
    assert_eq!(v["rounding_5kb"]["billed_gb"], 12531.28);
    assert_eq!(v["monthly_usd"], 363.41); // 12,531.28 x 0.029 = 363.40712
}

#[test]
fn firehose_add_ons_in_us_east_2() {
    let v = json(&[
        "firehose",
        "--records",
        "1000",
        "--size-kb",
        "10",
        "--format-conversion",
        "--dynamic-partitioning",
        "--object-size-mb",
        "64",
        "--jq-hours",
        "100",
        "--vpc-subnets",
        "3",
        "--vpc-ratio",
        "0.5",
        "--region",
        "us-east-2",
    ]);
    let items: Vec<&str> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["item"].as_str().unwrap())
        .collect();
    assert_eq!(
        items,
        [
            "ingestion_tier1",
            "format_conversion",
            "dynamic_partitioning",
            "s3_objects",
            "jq_processing",
            "vpc_data",
            "vpc_az_hours",
        ]
    );
    // The us-east-2 add-on prices are secondary: each is flagged.
    let flagged = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w.as_str().unwrap().contains("is secondary"))
        .count();
    assert_eq!(flagged, 6);
}

#[test]
fn service_errors_name_the_flag_and_the_fix() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["analytics", "--apps", "2"],
            &["--kpus <K>|--parallelism <P>|--kpu-hours <RATE>"],
        ),
        (
            &["analytics", "--kpus", "2", "--parallelism", "4"],
            &["cannot be used with"],
        ),
        (&["analytics", "--kpus", "0"], &["--kpus", "at least 1"]),
        (
            &["analytics", "--kpus", "1", "--apps", "0"],
            &["--apps", "at least 1"],
        ),
        (
            &["analytics", "--kpus", "1", "--engine", "spark"],
            &["--engine", "flink, sql or studio"],
        ),
        (
            &["analytics", "--kpu-hours", "5/min"],
            &["--kpu-hours", "per hour, day or month"],
        ),
        (
            &["analytics", "--kpus", "1", "--backup-gb", "-1"],
            &["--backup-gb", "negative"],
        ),
        (
            &["analytics", "--kpus", "1", "--parallelism-per-kpu", "2"],
            &["--parallelism"],
        ),
        (
            &["analytics", "--kpus", "1", "--region", "us-east-2"],
            &["us-east-2 has no price for", "kda_kpu_hour"],
        ),
        (
            &["firehose", "--records", "1", "--size-kb", "1001"],
            &["1,000 KiB"],
        ),
        (
            &[
                "firehose",
                "--records",
                "1",
                "--size-kb",
                "1",
                "--source",
                "kafka",
            ],
            &["--source", "direct-put, kinesis-stream, msk or vended-logs"],
        ),
        (
            &[
                "firehose",
                "--records",
                "1",
                "--size-kb",
                "1",
                "--source",
                "msk",
                "--region",
                "us-east-2",
            ],
            &["firehose_msk_ingest_gb"],
        ),
        (
            &[
                "firehose",
                "--records",
                "1",
                "--size-kb",
                "1",
                "--object-size-mb",
                "64",
            ],
            &["--dynamic-partitioning"],
        ),
        (
            &[
                "firehose",
                "--records",
                "1",
                "--size-kb",
                "1",
                "--vpc-subnets",
                "2",
                "--vpc-ratio",
                "-2",
            ],
            &["--vpc-ratio", "negative"],
        ),
        (
            &["firehose", "--records", "-1", "--size-kb", "1"],
            &["--records", "negative"],
        ),
        (&["firehose", "--size-kb", "1"], &["--records <RATE>"]),
        (
            &[
                "firehose",
                "--records",
                "1",
                "--size-kb",
                "1",
                "--region",
                "us-east-1",
            ],
            &["us-east-1 has no price for", "firehose_ingest_tier1_gb"],
        ),
        (
            &[
                "firehose",
                "--records",
                "1",
                "--size-kb",
                "1",
                "--format",
                "csv",
                "--explain",
            ],
            &["--explain has no CSV form"],
        ),
    ];
    for (args, expected) in cases {
        let stderr = fails(args);
        for part in *expected {
            assert!(
                stderr.contains(part),
                "kcost {args:?}: expected {part:?} in {stderr}"
            );
        }
    }
}
