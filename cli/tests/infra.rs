//! `kcost terraform` on a plan in the real `terraform show -json` layout
//! (core/tests/fixtures/terraform/plan.json): an updated stream with a new consumer and a Firehose
//! reading it, `for_each` streams with consumers wired through references (their ARNs unknown at
//! plan time), `count` on-demand streams, a replaced stream in a module on an aliased provider
//! (us-west-2), a deleted stream, a Flink application on another alias (us-east-1), a SQL
//! application, two resources kcost does not price and a data source. Every figure below is
//! worked out by hand from the built-in tables (us-east-2 unless said).

use serde_json::Value;

mod common;
use common::{fails, kcost, ok};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/terraform/"
);

fn fixture(name: &str) -> String {
    format!("{DIR}{name}")
}

fn priced(extra: &[&str]) -> Value {
    let plan = fixture("plan.json");
    let usage = fixture("usage.toml");
    let mut args = vec!["terraform", &plan, "--usage", &usage, "--format", "json"];
    args.extend(extra);
    serde_json::from_str(&ok(&args)).unwrap()
}

fn resource<'v>(v: &'v Value, address: &str) -> &'v Value {
    v["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["address"] == address)
        .unwrap_or_else(|| panic!("no {address}"))
}

/// (before, after, delta) of a resource, `None` as JSON null.
fn months(v: &Value, address: &str) -> (Value, Value, Value) {
    let r = resource(v, address);
    (
        r["before_monthly_usd"].clone(),
        r["monthly_usd"].clone(),
        r["delta_usd"].clone(),
    )
}

/// The addresses listed as not priced.
fn unpriced(v: &Value) -> Vec<&str> {
    v["unpriced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["address"].as_str().unwrap())
        .collect()
}

fn usd(x: f64) -> Value {
    serde_json::json!(x)
}

#[test]
fn a_plans_change_is_priced_resource_by_resource() {
    let v = priced(&[]);
    assert_eq!(v["region"], "us-east-2", "the root provider's var.region");
    // clicks, 1,000 records/s of 1 KB (usage.toml). Before: 2 shards x 730 x 0.015 = 21.90 and
    // 2,628,000,000 PUT units x 0.000000014 = 36.79: 58.69. After: 4 shards (43.80), PUT 36.79,
    // 48 h retention 2,920 shard-hours x 0.02 = 58.40, the new consumer enrich 2,920
    // consumer-shard-hours x 0.015 = 43.80 and 2,628,000,000 records x 0.00000095 GB = 2,496.60
    // GB x 0.013 = 32.46: 215.25; and around it, its 2 shard-level metrics (IncomingBytes,
    // OutgoingBytes) on 4 shards, 8 metric-months x 0.30 = 2.40: 217.65.
    assert_eq!(
        months(&v, "aws_kinesis_stream.clicks"),
        (usd(58.69), usd(217.65), usd(158.96))
    );
    let clicks = resource(&v, "aws_kinesis_stream.clicks");
    assert_eq!(clicks["action"], "update");
    let items: Vec<(&str, f64)> = clicks["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["item"].as_str().unwrap(),
                l["monthly_usd"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("shard_hours", 43.80),
            ("put_payload_units", 36.79),
            ("efo_consumer_shard_hours", 43.80),
            ("efo_data_retrievals", 32.46),
            ("extended_retention", 58.40),
            ("shard_metrics", 2.40)
        ]
    );
    // The traffic needs 1 shard: at 1, 10.95 + 36.79 + 14.60 + 10.95 + 32.46 + 2 metrics x 0.30
    // = 106.35, 111.30 less.
    // (After the warning that the CloudWatch price is secondary.)
    assert_eq!(
        clicks["warnings"][1],
        "4 shards declared, but the traffic needs 1: 1 would cost 111.30 USD a month less"
    );
    // The consumer's own row is 0: its lines are its stream's.
    assert_eq!(
        months(&v, "aws_kinesis_stream_consumer.enrich"),
        (Value::Null, usd(0.0), usd(0.0))
    );
    // for_each streams without usage: 1 shard (10.95) and the consumer wired through the
    // configuration's references, by the same key (10.95).
    for key in ["eu", "us"] {
        let address = format!("aws_kinesis_stream.events[\"{key}\"]");
        assert_eq!(months(&v, &address), (Value::Null, usd(21.90), usd(21.90)));
        assert_eq!(
            resource(&v, &address)["needs_usage"],
            serde_json::json!(["records", "size_kb"])
        );
        let notes = resource(&v, &address)["notes"].to_string();
        assert!(
            notes.contains(&format!("aws_kinesis_stream_consumer.audit[\\\"{key}\\\"]")),
            "{notes}"
        );
    }
    // count on-demand streams: 730 stream-hours x 0.04.
    assert_eq!(
        months(&v, "aws_kinesis_stream.buffer[1]"),
        (Value::Null, usd(29.20), usd(29.20))
    );
    // Replaced in us-west-2 (module on aws.west): 5 then 3 shards x 730 x 0.015.
    let raw = "module.ingest.aws_kinesis_stream.raw";
    assert_eq!(months(&v, raw), (usd(54.75), usd(32.85), usd(-21.90)));
    assert_eq!(resource(&v, raw)["region"], "us-west-2");
    assert_eq!(resource(&v, raw)["action"], "replace");
    // Deleted: 3 shards (32.85) and 7 days' retention, 2,190 shard-hours x 0.02 (43.80).
    assert_eq!(
        months(&v, "aws_kinesis_stream.legacy"),
        (usd(76.65), Value::Null, usd(-76.65))
    );
    // The Firehose reads clicks: 1,000 records/s rounded up to 5 KB, 12,531.28 GB x 0.029 =
    // 363.41, converted to Parquet at 0.018 a GB = 225.56: 588.97.
    assert_eq!(
        months(&v, "aws_kinesis_firehose_delivery_stream.archive"),
        (Value::Null, usd(588.97), usd(588.97))
    );
    // Flink in us-east-1 (aws.virginia): parallelism 4 at 2 per KPU = 2 KPUs + 1 orchestration,
    // 2,190 KPU-hours x 0.11 = 240.90, and 100 GB of running storage x 0.10 = 10.00.
    let flink = "aws_kinesisanalyticsv2_application.sessions";
    assert_eq!(months(&v, flink), (Value::Null, usd(250.90), usd(250.90)));
    assert_eq!(resource(&v, flink)["region"], "us-east-1");
    // SQL's KPUs are the traffic's: not priced until the usage file gives them.
    let sql = resource(&v, "aws_kinesisanalyticsv2_application.sql");
    assert_eq!(sql["needs_usage"], serde_json::json!(["kpus"]));
    assert_eq!(sql["monthly_usd"], Value::Null);
    // 58.69 + 54.75 + 76.65 before; 217.65 + 2 x 21.90 + 2 x 29.20 + 32.85 + 588.97 + 250.90
    // after.
    assert_eq!(v["before_monthly_usd"], usd(190.09));
    assert_eq!(v["monthly_usd"], usd(1_192.57));
    assert_eq!(v["delta_usd"], usd(1_002.48));
    let unpriced = unpriced(&v);
    assert_eq!(unpriced, ["aws_s3_bucket.archive", "aws_iam_role.firehose"]);
}

#[test]
fn a_region_given_prices_every_resource_there() {
    // us-east-1 has every Data Streams and Flink price but no Firehose ones.
    let plan = fixture("plan.json");
    let err = fails(&["terraform", &plan, "--region", "us-east-1"]);
    assert!(
        err.contains("aws_kinesis_firehose_delivery_stream.archive: region us-east-1 has no price for Firehose"),
        "{err}"
    );
    assert!(
        err.contains("give the provider's region (or --region)"),
        "{err}"
    );
}

#[test]
fn markdown_is_a_pull_request_comment() {
    let plan = fixture("plan.json");
    let usage = fixture("usage.toml");
    let out = ok(&[
        "terraform",
        &plan,
        "--usage",
        &usage,
        "--format",
        "markdown",
    ]);
    assert!(
        out.starts_with("### Terraform plan: what the change costs a month"),
        "{out}"
    );
    let total = out.lines().find(|l| l.starts_with("| Total")).unwrap();
    assert!(
        total.contains("190.09 -> 1,192.57") && total.contains("+1,002.48"),
        "{total}"
    );
    insta::assert_snapshot!("terraform_markdown", out);
}

#[test]
fn fail_over_stops_ci_when_the_month_grows_too_much() {
    let plan = fixture("plan.json");
    let usage = fixture("usage.toml");
    let out = kcost(&["terraform", &plan, "--usage", &usage, "--fail-over", "1000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("+1,002.48"),
        "the report is printed too: {stdout}"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: the change adds 1,002.48 USD a month, over --fail-over 1,000.00 USD\n"
    );
    ok(&[
        "terraform",
        &plan,
        "--usage",
        &usage,
        "--fail-over",
        "1002.48",
    ]);
}

#[test]
fn bad_plans_and_usage_files_are_refused_with_the_file_and_the_resource() {
    let dir = std::env::temp_dir().join(format!("kcost-infra-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let plan = fixture("plan.json");
    let text = std::fs::read_to_string(&plan).unwrap();
    let truncated = write("truncated.json", &text[..3000]);
    let state = write(
        "state.json",
        r#"{"format_version": "1.0", "values": {"root_module": {}}}"#,
    );
    let other = write(
        "other.json",
        r#"{"format_version": "1.2", "resource_changes": [{"address": "google_pubsub_topic.t", "mode": "managed", "type": "google_pubsub_topic", "name": "t", "change": {"actions": ["create"], "before": null, "after": {}}}]}"#,
    );
    let odd = write(
        "odd.json",
        r#"{"resource_changes": [{"address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream", "name": "s", "change": {"actions": ["create"], "before": null, "after": {"shard_count": 0}}}]}"#,
    );
    let typo = write(
        "typo.toml",
        "[\"aws_kinesis_stream.clikcs\"]\nrecords = 5\nsize_kb = 1\n",
    );
    let declared = write(
        "declared.toml",
        "[\"aws_kinesis_stream.clicks\"]\nrecords = 5\nsize_kb = 1\nretention = \"7d\"\n",
    );
    let value = write(
        "value.toml",
        "[\"aws_kinesis_stream.clicks\"]\nrecords = \"5/week\"\nsize_kb = 1\n",
    );
    let missing = write(
        "missing.toml",
        "[\"aws_kinesis_stream.clicks\"]\nrecords = 5\n",
    );
    let not_table = write("flat.toml", "records = 5\n");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![&truncated], "truncated.json:112:0: the JSON ends early"),
        (vec![&state], "this is Terraform state"),
        (vec![&odd], "odd.json: aws_kinesis_stream.s: shard_count 0 is not a whole number from 1 to 10,000"),
        (vec!["no-such-plan.json"], "cannot read the plan 'no-such-plan.json'"),
        (vec![&plan, "--usage", &typo], "plan.json declares no such Kinesis resource; did you mean 'aws_kinesis_stream.clicks'?"),
        (vec![&plan, "--usage", &declared], "declared.toml:4:1: aws_kinesis_stream.clicks: `retention` is the plan's to declare"),
        (vec![&plan, "--usage", &value], "value.toml:2:11: aws_kinesis_stream.clicks: unknown time unit 'week'"),
        (vec![&plan, "--usage", &missing], "missing.toml: aws_kinesis_stream.clicks: give `records` and `size_kb`"),
        (vec![&plan, "--usage", &not_table], "flat.toml:1:11: records: each resource's usage is a table"),
        (vec![&plan, "--usage", "no-such-usage.toml"], "cannot read the usage file 'no-such-usage.toml' (--usage)"),
        (vec![&plan, "--fail-over", "lots"], "'lots' is not an amount in USD"),
        (vec![&plan, "--region", "mars-1"], "mars-1"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["terraform"];
        all.extend(args);
        let err = fails(&all);
        assert!(
            err.contains(expected),
            "{all:?}\n{err}\nexpected: {expected}"
        );
    }
    // A plan of another provider only: nothing to price, and what was left says so.
    let v: Value = serde_json::from_str(&ok(&["terraform", &other, "--format", "json"])).unwrap();
    assert_eq!(v["resources"], serde_json::json!([]));
    assert_eq!(v["unpriced"][0]["type"], "google_pubsub_topic");
    assert_eq!(v["monthly_usd"], usd(0.0));
    std::fs::remove_dir_all(&dir).unwrap();
}

const CFN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/cloudformation/"
);

fn template(name: &str, extra: &[&str]) -> Value {
    let path = format!("{CFN}{name}");
    let usage = format!("{CFN}usage.toml");
    let mut args = vec![
        "cloudformation",
        &path,
        "--usage",
        &usage,
        "--region",
        "us-east-2",
        "--format",
        "json",
    ];
    args.extend(extra);
    serde_json::from_str(&ok(&args)).unwrap()
}

#[test]
fn a_template_in_yaml_or_json_prices_the_same_pipeline() {
    let yaml = template("pipeline.yaml", &[]);
    let json = template("pipeline.json", &[]);
    assert_eq!(
        yaml, json,
        "short forms (!Ref, !GetAtt, !Sub) and long forms read alike"
    );
    // The Terraform fixture's clicks after its change (215.25, with the consumer Enrich and the
    // Firehose Archive reading it; ShardCount from the parameter's default, 4), Archive 588.97,
    // the on-demand Buffer's stream-hours 29.20: 833.42, all of it new.
    assert_eq!(
        months(&yaml, "Clicks"),
        (Value::Null, usd(215.25), usd(215.25))
    );
    assert_eq!(
        months(&yaml, "Archive"),
        (Value::Null, usd(588.97), usd(588.97))
    );
    assert_eq!(
        months(&yaml, "Buffer"),
        (Value::Null, usd(29.20), usd(29.20))
    );
    assert_eq!(months(&yaml, "Enrich"), (Value::Null, usd(0.0), usd(0.0)));
    assert_eq!(
        resource(&yaml, "LegacySql")["needs_usage"],
        serde_json::json!(["kpus"])
    );
    assert_eq!(yaml["monthly_usd"], usd(833.42));
    assert_eq!(yaml["delta_usd"], usd(833.42));
    let unpriced: Vec<&str> = yaml["unpriced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["address"].as_str().unwrap())
        .collect();
    assert_eq!(unpriced, ["ArchiveBucket", "FirehoseRole"]);
}

#[test]
fn a_template_against_the_one_it_replaces_prices_the_change() {
    let before = format!("{CFN}deployed.yaml");
    let v = template("pipeline.yaml", &["--before", &before]);
    // Clicks was 2 shards and 24 h with no readers: 21.90 + 36.79 = 58.69. Legacy, deleted: 3
    // shards (32.85) and 7 days (43.80). LegacySql is unchanged.
    assert_eq!(months(&v, "Clicks"), (usd(58.69), usd(215.25), usd(156.56)));
    assert_eq!(resource(&v, "Clicks")["action"], "update");
    assert_eq!(months(&v, "Legacy"), (usd(76.65), Value::Null, usd(-76.65)));
    assert_eq!(resource(&v, "Legacy")["action"], "delete");
    assert_eq!(resource(&v, "LegacySql")["action"], "no-op");
    assert_eq!(v["before_monthly_usd"], usd(135.34));
    assert_eq!(v["delta_usd"], usd(698.08));
}

#[test]
fn bad_templates_are_refused_with_the_file_and_the_resource() {
    let dir = std::env::temp_dir().join(format!("kcost-cfn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let yaml = std::fs::read_to_string(format!("{CFN}pipeline.yaml")).unwrap();
    let bad_yaml = write("bad.yaml", "Resources:\n  Clicks:\n    Type: [unclosed\n");
    let no_resources = write("none.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\n");
    let no_shards = write(
        "noshards.yaml",
        "Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      Name: s\n",
    );
    let bad_retention = write(
        "retention.yaml",
        &yaml.replace("RetentionPeriodHours: 48", "RetentionPeriodHours: 9000"),
    );
    let truncated = write("truncated.json", "{\"Resources\": {\"S\": ");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![&bad_yaml],
            "bad.yaml:4:1: not a CloudFormation template in JSON or YAML",
        ),
        (
            vec![&no_resources],
            "none.yaml: not a CloudFormation template (no Resources)",
        ),
        (
            vec![&no_shards],
            "noshards.yaml: S: a provisioned stream without ShardCount",
        ),
        (
            vec![&bad_retention, "--region", "us-east-2"],
            "retention.yaml: Clicks: RetentionPeriodHours:",
        ),
        (vec![&truncated], "truncated.json:1:20: the JSON ends early"),
        (
            vec!["no-such.yaml"],
            "cannot read the template 'no-such.yaml'",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["cloudformation"];
        all.extend(args);
        let err = fails(&all);
        assert!(
            err.contains(expected),
            "{all:?}\n{err}\nexpected: {expected}"
        );
    }
    // No region: us-east-1, which has no Firehose prices; the error names the resource and how
    // to give the region.
    let err = fails(&["cloudformation", &format!("{CFN}pipeline.yaml")]);
    assert!(
        err.contains("Archive: region us-east-1 has no price for Firehose"),
        "{err}"
    );
    assert!(err.contains("(or --region)"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn csv_carries_each_resources_change_and_the_plans() {
    let plan = fixture("plan.json");
    let usage = fixture("usage.toml");
    let out = ok(&["terraform", &plan, "--usage", &usage, "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<Vec<String>> = rows
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let find = |component: &str, item: &str| {
        rows.iter()
            .find(|r| r[0] == component && r[1] == item)
            .unwrap_or_else(|| panic!("no {component} {item}: {out}"))[6]
            .clone()
    };
    assert_eq!(find("aws_kinesis_stream.legacy", "before"), "76.65");
    assert_eq!(find("aws_kinesis_stream.legacy", "change"), "-76.65");
    assert_eq!(find("aws_kinesis_stream.clicks", "shard_hours"), "43.80");
    assert_eq!(find("all", "before"), "190.09");
    assert_eq!(find("all", "after"), "1192.57");
    assert_eq!(find("all", "change"), "1002.48");
}

/// `kcost terraform` on around.json with its usage file, and `extra` flags.
fn around(extra: &[&str]) -> String {
    let plan = fixture("around.json");
    let usage = fixture("around-usage.toml");
    let mut args = vec!["terraform", &plan, "--usage", &usage];
    args.extend(extra);
    ok(&args)
}

/// core/tests/fixtures/terraform/around.json: an encrypted stream with its own KMS key, a Lambda
/// mapping reading it (its arm64 function declared), a NAT gateway and an interface endpoint to
/// Kinesis in 3 subnets; an SQS mapping, an S3 gateway endpoint and an unused key listed as not
/// priced. Built-in us-east-1 tables.
#[test]
fn what_serves_a_plans_stream_is_priced_on_its_own_resources() {
    let plan = fixture("around.json");
    let v: Value = serde_json::from_str(&around(&["--format", "json"])).unwrap();
    // 2 shards 21.90 + PUT 36.79 + KMS requests 0.32 + NAT data 2,506.26 GB x 0.045 = 112.78 +
    // endpoint data 2,506.26 GB x 0.01 = 25.06: 196.85.
    assert_eq!(months(&v, "aws_kinesis_stream.events").1, usd(196.85));
    assert_eq!(months(&v, "aws_kms_key.events").1, usd(1.00));
    // 26,280,000 requests 5.26 + 657,000 arm64 GB-s 8.76.
    assert_eq!(
        months(&v, "aws_lambda_event_source_mapping.enrich").1,
        usd(14.02)
    );
    assert_eq!(months(&v, "aws_nat_gateway.a").1, usd(32.85));
    assert_eq!(months(&v, "aws_vpc_endpoint.kinesis").1, usd(21.90));
    assert_eq!(v["monthly_usd"], usd(266.62));
    let unpriced = unpriced(&v);
    assert_eq!(
        unpriced,
        [
            "aws_lambda_function.enrich",
            "aws_lambda_event_source_mapping.orders",
            "aws_vpc_endpoint.s3",
            "aws_kms_key.logs"
        ]
    );
    // Without usage the mapping is not priced, and says what it needs: its function's
    // duration, and its stream's traffic.
    let text = ok(&["terraform", &plan]);
    for line in [
        "aws_lambda_event_source_mapping.enrich: not priced: it needs usage: give duration_ms \
         under [\"aws_lambda_event_source_mapping.enrich\"] in the usage file (--usage)",
        "aws_lambda_event_source_mapping.enrich: its invocations follow \
         aws_kinesis_stream.events's traffic: give that stream's records and size_kb in the \
         usage file",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

#[test]
fn an_endpoint_where_kcost_has_no_price_is_left_out_and_said_why() {
    let plan = fixture("around.json");
    let text = ok(&["terraform", &plan, "--region", "us-east-2"]);
    assert!(
        text.contains(
            "aws_vpc_endpoint.kinesis: not priced: region us-east-2 has no price for Interface \
             VPC endpoint, per AZ per hour (vpc_endpoint_az_hour)"
        ),
        "{text}"
    );
    // Without usage no stream sends traffic through the NAT gateway: it is not counted.
    assert!(
        text.contains(
            "aws_nat_gateway.a: not priced: no stream of this plan in its region sends traffic \
             through a NAT gateway"
        ),
        "{text}"
    );
    // With the usage, it is: in Frankfurt, 730 x 0.052.
    let v: Value =
        serde_json::from_str(&around(&["--region", "eu-central-1", "--format", "json"])).unwrap();
    assert_eq!(months(&v, "aws_nat_gateway.a").1, usd(37.96));
    // And the endpoint there: 3 AZs x 730 x 0.012.
    assert_eq!(months(&v, "aws_vpc_endpoint.kinesis").1, usd(26.28));
}

#[test]
fn a_mapping_where_kcost_has_no_lambda_price_is_left_out_and_the_rest_priced() {
    let text = around(&["--region", "ap-northeast-1"]);
    assert!(
        text.contains(
            "aws_lambda_event_source_mapping.enrich: not priced: region ap-northeast-1 has no \
             price for Lambda duration, arm64 (lambda_gb_second_arm)"
        ),
        "{text}"
    );
    // The rest is: a key-month, and 730 NAT gateway-hours at Tokyo's 0.062.
    assert!(text.contains("│ aws_kms_key.events "), "{text}");
    assert!(text.contains("- -> 45.26"), "{text}");
}
