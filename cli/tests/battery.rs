//! The bad-input battery: every flag and argument with negative, zero, NaN, infinite, huge, empty
//! and garbage values, and every file input empty, truncated, binary and huge. Each run either
//! succeeds with finite figures or exits 2 with one message naming the input, nothing on stdout,
//! and no panic.

use std::path::PathBuf;

mod common;
use common::kcost;

const VALUES: [&str; 9] = [
    "-1", "0", "NaN", "inf", "1e12", "1e308", "", "garbage", "-0",
];

/// Runs kcost and checks the outcome is either a clean success or a clean refusal naming `names`.
#[track_caller]
fn check(args: &[&str], names: &[&str]) {
    let out = kcost(args).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "kcost {args:?} panicked: {stderr}"
    );
    match out.status.code() {
        Some(0) | Some(3) => {
            for bad in ["NaN", "inf"] {
                assert!(
                    !stdout.contains(bad),
                    "kcost {args:?} printed {bad}: {stdout}"
                );
            }
        }
        Some(2) => {
            assert!(
                stdout.is_empty(),
                "kcost {args:?} failed but printed: {stdout}"
            );
            assert!(stderr.starts_with("error: "), "kcost {args:?}: {stderr}");
            assert!(
                names.iter().any(|n| !n.is_empty() && stderr.contains(n))
                    || stderr.contains("too large to price"),
                "kcost {args:?}: the message names none of {names:?}: {stderr}"
            );
        }
        other => panic!("kcost {args:?} exited {other:?}: {stderr}"),
    }
}

#[test]
fn every_estimate_flag_with_every_bad_value() {
    let base = ["--records", "100", "--size-kb", "100"];
    let flags = [
        "--records",
        "--size-kb",
        "--consumers",
        "--efo-consumers",
        "--retention",
        "--long-term-reads-gb",
        "--peak-records",
        "--target-utilization",
        "--form",
        "--buffer",
        "--profile",
        "--scaling",
        "--shards",
        "--hot-key-share",
        "--max-record-size",
        "--shard-metrics",
        "--encryption",
        "--kms-key",
        "--producer-network",
        "--consumer-network",
        "--nat-gateways",
        "--endpoint-azs",
        "--growth",
        "--region",
        "--discount",
        "--price-age",
    ];
    for flag in flags {
        for value in VALUES {
            let mut args: Vec<&str> = base.to_vec();
            // A flag already in the base is replaced, not repeated.
            if let Some(i) = args.iter().position(|a| *a == flag) {
                args[i + 1] = value;
            } else {
                args.extend([flag, value]);
            }
            check(&args, &[flag, value]);
        }
    }
    for value in VALUES {
        check(
            &[
                "--records",
                "100",
                "--size-kb",
                "1",
                "--form",
                "current",
                "--buffer",
                value,
            ],
            &["--buffer", value],
        );
        check(
            &["--records", "100", "--size-kb", "1", "--aggregate", value],
            &["--aggregate", value],
        );
        // The counts around the stream, with the network they belong to.
        check(
            &[
                "--records",
                "100",
                "--size-kb",
                "1",
                "--producer-network",
                "nat",
                "--nat-gateways",
                value,
            ],
            &["--nat-gateways", value],
        );
        check(
            &[
                "--records",
                "100",
                "--size-kb",
                "1",
                "--consumer-network",
                "endpoint",
                "--endpoint-azs",
                value,
            ],
            &["--endpoint-azs", value],
        );
        let equals = format!("--aggregate={value}");
        check(
            &["--records", "100", "--size-kb", "1", &equals],
            &["--aggregate", value],
        );
        check(
            &[
                "--records",
                "100",
                "--size-kb",
                "1",
                "--growth",
                "5",
                "--months",
                value,
            ],
            &["--months", value],
        );
    }
}

#[test]
fn every_metrics_flag_with_every_bad_value() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/fixtures/metrics/"
    );
    let (p1, p2) = (
        format!("{dir}get-metric-data-page1.json"),
        format!("{dir}get-metric-data-page2.json"),
    );
    for flag in [
        "--shards",
        "--target-utilization",
        "--efo-consumers",
        "--retention",
        "--region",
        "--period",
    ] {
        for value in VALUES {
            check(&["metrics", &p1, &p2, flag, value], &[flag, value]);
        }
    }
}

#[test]
fn every_batch_flag_with_every_bad_value() {
    let rows = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/streams.csv");
    for flag in ["--threads", "--format", "--rounding", "--price-age"] {
        for value in VALUES.iter().chain(&["99999", "1.5"]) {
            check(&["batch", rows, flag, value], &[flag, value]);
        }
    }
}

/// A Firehose every run of the battery can price.
const FIREHOSE: [&str; 7] = [
    "firehose",
    "--records",
    "1",
    "--size-kb",
    "1",
    "--region",
    "us-east-2",
];

#[test]
fn every_service_flag_with_every_bad_value() {
    for (base, flags) in [
        (
            vec!["analytics", "--kpus", "1"],
            vec![
                "--apps",
                "--backup-gb",
                "--region",
                "--engine",
                "--discount",
                "--hours-per-day",
            ],
        ),
        (
            vec!["analytics"],
            vec!["--kpus", "--parallelism", "--kpu-hours"],
        ),
        (
            FIREHOSE.to_vec(),
            vec![
                "--records",
                "--size-kb",
                "--source",
                "--vpc-subnets",
                "--discount",
            ],
        ),
        (
            [FIREHOSE.as_slice(), &["--dynamic-partitioning"]].concat(),
            vec![
                "--active-partitions",
                "--buffer-interval",
                "--buffer-size-mb",
                "--object-size-mb",
                "--jq-hours",
            ],
        ),
        (
            vec!["sweep", "--records", "1..100", "--size-kb", "1"],
            vec!["--steps", "--consumers", "--region", "--efo-consumers"],
        ),
    ] {
        for flag in flags {
            for value in VALUES {
                let mut args = base.clone();
                if let Some(i) = args.iter().position(|a| *a == flag) {
                    args[i + 1] = value;
                } else {
                    args.extend([flag, value]);
                }
                check(&args, &[flag, value]);
            }
        }
    }
}

fn files() -> Vec<(&'static str, PathBuf)> {
    let dir = std::env::temp_dir().join(format!("kcost-battery-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deck = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/deck-pipeline.toml"
    ))
    .unwrap();
    let offer = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../pricing/tests/fixtures/offers/AmazonKinesis.json"
    ))
    .unwrap();
    let mut huge = Vec::with_capacity(8 << 20);
    while huge.len() < 8 << 20 {
        huge.extend_from_slice(b"records,size-kb\n");
    }
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated-toml", deck[..deck.len() / 2].to_vec()),
        ("truncated-json", offer[..offer.len() / 2].to_vec()),
        ("binary", (0..=255u8).cycle().take(4096).collect()),
        ("huge", huge),
    ];
    cases
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            (name, path)
        })
        .collect()
}

#[test]
fn every_file_input_empty_truncated_binary_and_huge() {
    let pricing = std::env::temp_dir().join(format!("kcost-battery-dir-{}", std::process::id()));
    for (name, path) in files() {
        let p = path.to_str().unwrap();
        let names = [p, name];
        check(&["estimate", p], &names);
        check(
            &["--records", "1", "--size-kb", "1", "--pricing", p],
            &names,
        );
        check(
            &["pricing", "import", p, "--dir", pricing.to_str().unwrap()],
            &names,
        );
        check(&["pricing", "diff", "us-east-1", p], &names);
        // A batch file that is readable but bad reports its rows (status 3) or nothing to do.
        check(&["batch", p], &names);
        check(&["metrics", p], &names);
        let page = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../core/tests/fixtures/metrics/get-metric-data-page1.json"
        );
        check(&["metrics", page, p], &names);
        check(&["terraform", p], &names);
        check(&["terraform", PLAN, "--usage", p], &names);
        check(&["cloudformation", p], &names);
        check(&["cloudformation", TEMPLATE, "--before", p], &names);
    }
}

const TEMPLATE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/cloudformation/pipeline.yaml"
);

const PLAN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/terraform/plan.json"
);

#[test]
fn every_terraform_flag_and_usage_value() {
    for value in VALUES {
        check(
            &["terraform", PLAN, "--region", value],
            &["--region", value],
        );
        // 0 and -0 are limits the change exceeds: status 4 with the report, else a refusal.
        let out = kcost(&["terraform", PLAN, "--fail-over", value])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{value}: {stderr}");
        match out.status.code() {
            Some(4) => assert!(stderr.contains("over --fail-over"), "{value}: {stderr}"),
            Some(0) => assert!(stderr.is_empty(), "{value}: {stderr}"),
            _ => {
                assert!(out.stdout.is_empty(), "{value}");
                assert!(stderr.contains("--fail-over"), "{value}: {stderr}");
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("kcost-battery-usage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for key in [
        "records",
        "size_kb",
        "consumers",
        "efo_consumers",
        "profile",
        "peak_records",
    ] {
        for value in VALUES {
            let path = dir.join(format!("{key}.toml"));
            let other = if key == "records" {
                "size_kb = 1"
            } else {
                "records = 1"
            };
            std::fs::write(
                &path,
                format!("[\"aws_kinesis_stream.clicks\"]\n{other}\n{key} = \"{value}\"\n"),
            )
            .unwrap();
            let p = path.to_str().unwrap();
            check(&["terraform", PLAN, "--usage", p], &[key, value]);
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A plan with what serves its stream (core/tests/fixtures/terraform/around.json): every usage
/// key of its Lambda mapping and its stream's network with every bad value, as a TOML number and
/// as a string, and usage for what has none (the NAT gateway, the endpoint, the key): priced, or
/// refused naming the key or the resource.
#[test]
fn every_usage_key_of_what_serves_a_plans_stream() {
    let plan = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/fixtures/terraform/around.json"
    );
    let dir = std::env::temp_dir().join(format!("kcost-battery-around-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let stream = "[\"aws_kinesis_stream.events\"]\nrecords = 1\nsize_kb = 1\n";
    let mapping = "[\"aws_lambda_event_source_mapping.enrich\"]\n";
    let cases: [(&str, &[&str]); 6] = [
        (
            mapping,
            &["duration_ms", "architecture", "memory_mb", "batch_size"],
        ),
        (
            stream,
            &[
                "producer_network",
                "consumer_network",
                "nat_gateways",
                "endpoint_azs",
            ],
        ),
        ("[\"aws_nat_gateway.a\"]\n", &["records"]),
        ("[\"aws_vpc_endpoint.kinesis\"]\n", &["endpoint_azs"]),
        ("[\"aws_kms_key.events\"]\n", &["records"]),
        ("[\"aws_vpc_endpoint.s3\"]\n", &["records"]),
    ];
    for (table, keys) in cases {
        for key in keys {
            for value in VALUES {
                for written in [value.to_string(), format!("\"{value}\"")] {
                    if written.is_empty() {
                        continue;
                    }
                    let path = dir.join("usage.toml");
                    let text = if table == stream {
                        format!("{stream}{key} = {written}\n")
                    } else {
                        format!("{stream}\n{table}{key} = {written}\n")
                    };
                    std::fs::write(&path, text).unwrap();
                    let p = path.to_str().unwrap();
                    let names = [
                        *key,
                        "aws_lambda_event_source_mapping.enrich",
                        "aws_nat_gateway.a",
                        "aws_vpc_endpoint",
                        "aws_kms_key.events",
                        "usage.toml",
                    ];
                    check(&["terraform", plan, "--usage", p], &names);
                }
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The keys around a stream and of the consumers with their own bill, in a scenario file, with
/// every bad value (as a TOML number where it is one, else as a string): priced, or refused with
/// the file's location and the component.
#[test]
fn every_consumer_and_around_key_with_every_bad_value() {
    let dir = std::env::temp_dir().join(format!("kcost-battery-consumers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let stream = "[streams.s]\nrecords = 100\nsize_kb = 1\n";
    let lambda = "[lambda.f]\nstream = \"s\"\nmemory_mb = 128\nduration_ms = 100\n";
    let kcl = "[kcl.k]\nstream = \"s\"\n";
    let keys: [(&str, &[&str]); 3] = [
        (
            "streams.s",
            &[
                "shard_metrics",
                "encryption",
                "kms_key",
                "producer_network",
                "consumer_network",
                "nat_gateways",
                "endpoint_azs",
            ],
        ),
        (
            "lambda.f",
            &["batch_size", "architecture", "batching_window_s", "region"],
        ),
        (
            "kcl.k",
            &["version", "workers", "checkpoint_s", "efo", "region"],
        ),
    ];
    for (component, names) in keys {
        for key in names {
            for value in VALUES {
                let typed = if value.parse::<f64>().is_ok() && !value.contains("inf") {
                    value.to_string()
                } else {
                    format!("{value:?}")
                };
                let text = match component {
                    "streams.s" => format!("{stream}{key} = {typed}\n{lambda}{kcl}"),
                    "lambda.f" => format!("{stream}{lambda}{key} = {typed}\n{kcl}"),
                    _ => format!("{stream}{lambda}{kcl}{key} = {typed}\n"),
                };
                let path = dir.join(format!("{component}-{key}.toml"));
                std::fs::write(&path, text).unwrap();
                check(
                    &["estimate", path.to_str().unwrap()],
                    &[key, value, component],
                );
            }
        }
    }
}
