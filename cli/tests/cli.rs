//! The `kcost` binary end to end: every output format, the explain text, and every bad input.

use std::io::Write;

use serde_json::Value;

mod common;
use common::{deck, fails, ok, DECK};

const CAPTURE: &str = include_str!("../../core/tests/fixtures/capture-477.42.txt");

#[test]
fn seed_example_table() {
    let out = ok(&DECK);
    assert!(out.contains("Monthly total: 551.27 USD"), "{out}");
    insta::assert_snapshot!("seed_table_us_east_1", out);
}

#[test]
fn frankfurt_with_explain() {
    let out = ok(&deck(&["--region", "eu-central-1", "--explain"]));
    assert!(out.contains("Monthly total: 662.26 USD"), "{out}");
    assert!(out.contains(
        "Warnings:\n  - the eu-central-1 price for Data Streams provisioned shard-hour (0.018 USD \
             per shard-hour) is derived"
    ));
    insta::assert_snapshot!("frankfurt_explain", out);
}

#[test]
fn ohio_total() {
    let out = ok(&deck(&["--region", "us-east-2"]));
    assert!(out.contains("Monthly total: 551.27 USD"), "{out}");
    assert!(
        out.contains("│ Shards                    ┆     49 ┆"),
        "{out}"
    );
}

#[test]
fn explain_reproduces_the_calculator_capture_line_for_line() {
    let out = ok(&[
        "--records",
        "10000",
        "--size-kb",
        "0.5",
        "--consumers",
        "4",
        "--explain",
    ]);
    let (_, steps) = out.split_once("\nShow calculations:\n").unwrap();
    // The analyses' own steps follow under their own heading.
    let (steps, analysis) = steps.split_once("\nAnalysis:\n").unwrap();
    assert_eq!(steps, CAPTURE);
    assert_eq!(
        analysis,
        "4 consumer applications / 5 reads per second per shard x 1000 ms per second = 800 ms \
         between reads for each consumer\n"
    );
}

#[test]
fn json_has_the_documented_fields() {
    let out = ok(&deck(&["--region", "us-east-2", "--format", "json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["service"], "kinesis-data-streams");
    assert_eq!(v["mode"], "provisioned");
    assert_eq!(v["region"], "us-east-2");
    assert_eq!(v["rounding"], "calculator");
    assert_eq!(v["inputs"]["records_per_second"], 100.0);
    assert_eq!(v["inputs"]["size_kb"], 100.0);
    assert_eq!(v["inputs"]["consumers"], 10);
    let shards = &v["shards"];
    assert_eq!(
        [
            &shards["ingress"],
            &shards["egress"],
            &shards["records"],
            &shards["needed"]
        ],
        [9.77, 48.85, 0.1, 48.85]
    );
    assert_eq!(shards["count"], 49);
    let lines = v["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["item"], "shard_hours");
    assert_eq!(lines[0]["quantity"], 35770.0);
    assert_eq!(lines[0]["unit"], "shard-hour");
    assert_eq!(lines[0]["unit_price_usd"], 0.015);
    assert_eq!(lines[0]["monthly_usd"], 536.55);
    assert_eq!(lines[1]["item"], "put_payload_units");
    assert_eq!(lines[1]["quantity"], 1_051_200_000.0);
    assert_eq!(lines[1]["monthly_usd"], 14.72);
    assert_eq!(lines[1]["price"]["confidence"], "confirmed");
    assert_eq!(v["monthly_usd"], 551.27);
    // Ten shared consumers wait 2 s between reads: the one warning, with what EFO would cost.
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0]
        .as_str()
        .unwrap()
        .starts_with("10 shared consumers split"));
    assert_eq!(v["consumer_delay_ms"], 2000.0);
    // Five consumers poll each shard once a second: nothing to warn about.
    let quiet: Value = serde_json::from_str(&ok(&[
        "--records",
        "100",
        "--size-kb",
        "100",
        "--consumers",
        "5",
        "--region",
        "us-east-2",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(quiet["warnings"], Value::Array(vec![]));
    assert!(v.get("steps").is_none(), "steps only with --explain");
    // The money is exact in the JSON text, not a float artefact.
    assert!(out.contains("\"monthly_usd\": 551.27,\n"), "{out}");
}

#[test]
fn json_with_explain_carries_the_steps() {
    let out = ok(&[
        "--records",
        "10000",
        "--size-kb",
        "0.5",
        "--consumers",
        "4",
        "--format",
        "json",
        "--explain",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let steps = v["steps"].as_array().unwrap();
    let text: String = steps
        .iter()
        .map(|s| format!("{}\n", s["text"].as_str().unwrap()))
        .collect();
    assert_eq!(text, CAPTURE);
    let ingress = steps.iter().find(|s| s["id"] == "ingress_rate").unwrap();
    assert_eq!(ingress["result"]["value"], 4.88);
    assert_eq!(ingress["result"]["decimals"], 2);
    assert_eq!(ingress["result"]["unit"], "MB/sec (Data ingress rate)");
    assert_eq!(ingress["formula"]["kind"], "chain");
}

#[test]
fn csv_carries_the_lines_and_total() {
    let out = ok(&deck(&["--format", "csv"]));
    assert_eq!(
        out,
        "component,item,description,quantity,unit,unit_price_usd,monthly_usd,region,rounding\n\
         provisioned,shard_hours,Shard hours,35770,shard-hour,0.015,536.55,us-east-1,calculator\n\
         provisioned,put_payload_units,PUT payload units,1051200000,PUT payload unit (25 KB),0.000000014,14.72,us-east-1,calculator\n\
         provisioned,total,Monthly total,,,,551.27,us-east-1,calculator\n\
         provisioned,warning,\"10 shared consumers split each shard's 5 reads a second: each waits about 2000 ms \
         between reads (over 1 s); moving them to enhanced fan-out (about 70 ms) would add 3,926.17 USD a \
         month\",,,,,us-east-1,calculator\n"
    );
    let exact = ok(&deck(&[
        "--format",
        "csv",
        "--rounding",
        "exact",
        "--region",
        "eu-central-1",
    ]));
    assert!(
        exact.contains("\nprovisioned,total,Monthly total,,,,662.26,eu-central-1,exact\n"),
        "{exact}"
    );
}

#[test]
fn markdown_carries_the_lines_and_total() {
    let out = ok(&deck(&["--region", "eu-central-1", "--format", "markdown"]));
    assert!(out.contains("| **Total** "), "{out}");
    assert!(out.contains("**662.26**"), "{out}");
    insta::assert_snapshot!("frankfurt_markdown", out);
}

#[test]
fn the_output_says_which_rounding_was_used() {
    assert!(ok(&DECK).starts_with("Kinesis Data Streams, provisioned, us-east-1 (US East (N. Virginia)), calculator rounding, 2021 calculator form\n"));
    let exact = ok(&[
        "--records",
        "10000",
        "--size-kb",
        "0.5",
        "--consumers",
        "4",
        "--rounding",
        "exact",
    ]);
    assert!(
        exact.contains(", exact rounding, 2021 calculator form\n"),
        "{exact}"
    );
    assert!(
        exact.contains("4.8828125"),
        "exact shows unrounded needs: {exact}"
    );
    let v: Value =
        serde_json::from_str(&ok(&deck(&["--rounding", "exact", "--format", "json"]))).unwrap();
    assert_eq!(v["rounding"], "exact");
    assert_eq!(v["shards"]["ingress"], 9.765625);
}

#[test]
fn defaults_are_stated() {
    let out = ok(&["--records", "1000/min", "--size-kb", "3"]);
    assert!(out.contains("region not given: us-east-1"), "{out}");
    assert!(
        out.contains("consumers not given: 1 shared-throughput consumer application"),
        "{out}"
    );
    assert!(out.contains("1000 per minute (16.67 per second)"), "{out}");
}

#[test]
fn rates_with_units() {
    let per_second = |rate: &str| -> f64 {
        let v: Value = serde_json::from_str(&ok(&[
            "--records",
            rate,
            "--size-kb",
            "1",
            "--format",
            "json",
        ]))
        .unwrap();
        v["inputs"]["records_per_second"].as_f64().unwrap()
    };
    assert_eq!(per_second("100/s"), 100.0);
    assert_eq!(per_second("6000/min"), 100.0);
    assert_eq!(per_second("5/h"), 0.0); // 0.00139 rounds to 0.00 in calculator rounding...
    assert_eq!(per_second("2e6/day"), 23.15); // 23.148...
    assert_eq!(per_second("1e9/month"), 380.52); // 380.517...
    let v: Value = serde_json::from_str(&ok(&[
        "--records",
        "5/h",
        "--size-kb",
        "1",
        "--format",
        "json",
    ]))
    .unwrap();
    assert!(
        v["warnings"][0]
            .as_str()
            .unwrap()
            .contains("rounds to 0.00 records per second"),
        "...and says so"
    );
}

#[test]
fn regions_lists_each_region_and_where_its_prices_come_from() {
    insta::assert_snapshot!("regions", ok(&["regions"]));
    let v: Value = serde_json::from_str(&ok(&["regions", "--format", "json"])).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "ap-northeast-1",
            "eu-central-1",
            "eu-west-2",
            "us-east-1",
            "us-east-2",
            "us-west-2"
        ]
    );
}

fn user_table(text: &str) -> tempfile_path::TempPath {
    tempfile_path::write(text)
}

/// A tiny temporary-file helper, so the tests need no extra crate.
mod tempfile_path {
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub struct TempPath(pub PathBuf);

    impl Drop for TempPath {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    impl TempPath {
        pub fn as_str(&self) -> &str {
            self.0.to_str().unwrap()
        }
    }

    pub fn write(text: &str) -> TempPath {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "kcost-test-{}-{}.toml",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::write(&path, text).unwrap();
        TempPath(path)
    }
}

const PARIS: &str = r#"
[[region]]
code = "eu-west-3"
name = "Europe (Paris)"

[region.prices.kds_shard_hour]
usd = 0.0177
unit = "shard-hour"
source = "test table"
as_of = "2026-01"
confidence = "secondary"

[region.prices.kds_put_payload_unit]
usd = 0.0000000196
unit = "PUT payload unit (25 KB)"
source = "test table"
as_of = "2026-01"
confidence = "secondary"
"#;

#[test]
fn a_pricing_file_adds_a_region() {
    let table = user_table(PARIS);
    let out = ok(&deck(&[
        "--region",
        "eu-west-3",
        "--pricing",
        table.as_str(),
        "--format",
        "json",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    // 49 x 730 x 0.0177 = 633.129 -> 633.13; 1,051,200,000 x 0.0000000196 = 20.60352 -> 20.60.
    assert_eq!(v["lines"][0]["monthly_usd"], 633.13);
    assert_eq!(v["lines"][1]["monthly_usd"], 20.6);
    assert_eq!(v["monthly_usd"], 653.73);
    let secondary = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w.as_str().unwrap().contains("is secondary, not confirmed"))
        .count();
    assert_eq!(secondary, 2, "secondary prices are flagged");
    let regions = ok(&["regions", "--pricing", table.as_str()]);
    assert!(regions.contains("eu-west-3"), "{regions}");
}

#[test]
fn bad_values_name_the_flag_and_the_fix() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--records", "-5", "--size-kb", "1"],
            &["--records", "negative"],
        ),
        (
            &["--records", "NaN", "--size-kb", "1"],
            &["--records", "not a finite number"],
        ),
        (
            &["--records", "inf", "--size-kb", "1"],
            &["--records", "not a finite number"],
        ),
        (
            &["--records", "lots", "--size-kb", "1"],
            &["--records", "not a number"],
        ),
        (
            &["--records", "", "--size-kb", "1"],
            &["--records", "empty"],
        ),
        (
            &["--records", "100/week", "--size-kb", "1"],
            &["--records", "unknown time unit 'week'", "/min"],
        ),
        (
            &["--records", "1", "--size-kb", "0"],
            &["--size-kb", "more than 0 KB"],
        ),
        (
            &["--records", "1", "--size-kb", "-1"],
            &["--size-kb", "negative"],
        ),
        (
            &["--records", "1", "--size-kb", "NaN"],
            &["--size-kb", "finite"],
        ),
        (
            &["--records", "1", "--size-kb", "10241"],
            &["--size-kb", "10 MiB (10,240 KB)"],
        ),
        (
            &["--records", "1", "--size-kb", "1", "--consumers", "-1"],
            &["--consumers", "negative"],
        ),
        (
            &["--records", "1", "--size-kb", "1", "--consumers", "1.5"],
            &["--consumers", "whole number"],
        ),
        (
            &["--records", "1", "--size-kb", "1", "--rounding", "banker"],
            &["--rounding", "calculator, exact"],
        ),
        (
            &["--records", "1", "--size-kb", "1", "--format", "xml"],
            &["--format", "table, json, csv, markdown"],
        ),
        (
            &[
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
        (&["--size-kb", "1"], &["--records <RATE>"]),
        (&["--records", "1"], &["--size-kb <KB>"]),
        (
            &[
                "--records",
                "1",
                "--size-kb",
                "1",
                "--region",
                "eu-central-2",
            ],
            &[
                "unknown region 'eu-central-2'",
                "known regions: ap-northeast-1, eu-central-1, eu-west-2, us-east-1, us-east-2, us-west-2",
                "--pricing FILE",
            ],
        ),
        (
            &["--records", "1e300", "--size-kb", "1"],
            &["too large to price"],
        ),
        (
            &[
                "--records",
                "1e14",
                "--size-kb",
                "10240",
                "--max-record-size",
                "10MiB",
                "--consumers",
                "4000000000",
            ],
            &["too large to price"],
        ),
        (
            &[
                "--records",
                "1",
                "--size-kb",
                "1",
                "--pricing",
                "/nonexistent/prices.toml",
            ],
            &[
                "cannot read the pricing file '/nonexistent/prices.toml'",
                "--pricing",
            ],
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

#[test]
fn a_malformed_pricing_file_is_located() {
    let table = user_table("[[region]]\ncode = \"eu-west-3\"\n[region.prices.kds_shard_hour]\nusd = 0.0177\nunit = \"per shard\"\nsource = \"s\"\nas_of = \"2026-01\"\nconfidence = \"derived\"\n");
    let stderr = fails(&[
        "--records",
        "1",
        "--size-kb",
        "1",
        "--pricing",
        table.as_str(),
    ]);
    assert!(
        stderr.contains(&format!(
            "{}:5:8: kds_shard_hour: the unit 'per shard'",
            table.as_str()
        )),
        "{stderr}"
    );

    let broken = user_table("[[region]]\ncode = \"eu-west-3\n");
    let stderr = fails(&[
        "--records",
        "1",
        "--size-kb",
        "1",
        "--pricing",
        broken.as_str(),
    ]);
    assert!(
        stderr.contains(&format!("{}:2:", broken.as_str())),
        "{stderr}"
    );

    let binary = tempfile_path::write("");
    std::fs::File::create(&binary.0)
        .unwrap()
        .write_all(&[0xff, 0xfe, 0x00, 0x80])
        .unwrap();
    let stderr = fails(&[
        "--records",
        "1",
        "--size-kb",
        "1",
        "--pricing",
        binary.as_str(),
    ]);
    assert!(stderr.contains("cannot read the pricing file"), "{stderr}");
}

#[test]
fn a_region_without_a_needed_price_says_which() {
    let table = user_table(
        &PARIS
            .replace("kds_put_payload_unit", "kds_efo_retrieval_gb")
            .replace("PUT payload unit (25 KB)", "GB")
            .replace("0.0000000196", "0.013"),
    );
    let stderr = fails(&[
        "--records",
        "1",
        "--size-kb",
        "1",
        "--region",
        "eu-west-3",
        "--pricing",
        table.as_str(),
    ]);
    assert!(stderr.contains("region eu-west-3 has no price for Data Streams provisioned PUT payload unit (kds_put_payload_unit)"), "{stderr}");
}

#[test]
fn help_carries_examples() {
    let out = ok(&["--help"]);
    assert!(
        out.contains("Examples:\n  kcost --records 100 --size-kb 100 --consumers 10\n"),
        "{out}"
    );
    assert!(out.contains("1000/min"), "{out}");
    assert!(ok(&["regions", "--help"]).contains("--format"));
}
