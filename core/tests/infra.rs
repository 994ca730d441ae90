//! Infrastructure as code in the core: a Terraform plan's resources read (regions, wiring,
//! actions, unknown values), priced with a usage file against `testing::deck_book`, and any text
//! read or refused without a panic.

// Cents are written as 43_80 so that they read as 43.80 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::estimate::Mode;
use kcost_core::infra::{self, cloudformation, terraform, Action, Declared, Usage};
use kcost_core::notes::AnalyticsWarning;
use kcost_core::{testing, Options};
use proptest::prelude::*;

const PLAN: &str = include_str!("fixtures/terraform/plan.json");
const USAGE: &str = include_str!("fixtures/terraform/usage.toml");

fn resource<'a>(i: &'a infra::Infrastructure, address: &str) -> &'a infra::Resource {
    i.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| panic!("no {address}"))
}

/// The stream a consumer reads after the change.
/// `i` priced in us-east-1 (where the plan gives no region) with the deck's prices.
fn in_us_east_1(i: &infra::Infrastructure, usage: &Usage) -> infra::InfraEstimate {
    infra::price(
        i,
        usage,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap()
}

fn consumer_stream(i: &infra::Infrastructure, address: &str) -> Option<String> {
    match &resource(i, address).after {
        Some(Declared::Consumer { stream }) => stream.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_plan_is_read_with_regions_actions_and_wiring() {
    let i = terraform::parse(PLAN, "plan.json").unwrap();
    // The root provider's region is a variable's value; aliases and modules have their own.
    assert_eq!(i.region.as_deref(), Some("us-east-2"));
    let region = |a: &str| resource(&i, a).region.clone();
    assert_eq!(
        region("aws_kinesis_stream.clicks").as_deref(),
        Some("us-east-2")
    );
    assert_eq!(
        region("module.ingest.aws_kinesis_stream.raw").as_deref(),
        Some("us-west-2")
    );
    assert_eq!(
        region("aws_kinesisanalyticsv2_application.sessions").as_deref(),
        Some("us-east-1")
    );
    let action = |a: &str| resource(&i, a).action;
    assert_eq!(action("aws_kinesis_stream.clicks"), Action::Update);
    assert_eq!(
        action("module.ingest.aws_kinesis_stream.raw"),
        Action::Replace
    );
    assert_eq!(action("aws_kinesis_stream.legacy"), Action::Delete);
    assert_eq!(
        action("aws_kinesisanalyticsv2_application.sql"),
        Action::NoOp
    );
    // A consumer of a known ARN, and for_each consumers whose ARN is unknown: wired through the
    // configuration's references, each to the stream of its own key.
    let stream_of = |a: &str| consumer_stream(&i, a);
    assert_eq!(
        stream_of("aws_kinesis_stream_consumer.enrich").as_deref(),
        Some("aws_kinesis_stream.clicks")
    );
    assert_eq!(
        stream_of(r#"aws_kinesis_stream_consumer.audit["us"]"#).as_deref(),
        Some(r#"aws_kinesis_stream.events["us"]"#)
    );
    assert_eq!(
        resource(&i, "aws_kinesis_stream.clicks").before,
        Some(Declared::Stream {
            mode: Mode::Provisioned,
            shards: Some(2),
            retention: "24h".parse().unwrap(),
            around: kcost_core::around::Around::default(),
            key: None,
        })
    );
    assert!(matches!(
        resource(&i, "aws_kinesis_stream.buffer[0]").after,
        Some(Declared::Stream {
            mode: Mode::OnDemand,
            shards: None,
            ..
        })
    ));
    // The data source is skipped; the S3 bucket and the IAM role are listed, not priced.
    assert!(!i.resources.iter().any(|r| r.address.starts_with("data.")));
    assert_eq!(i.unpriced.len(), 2);
}

#[test]
fn a_change_is_priced_against_the_deck_book() {
    // The deck book has provisioned prices in us-east-2 (no retention, no Firehose): price the
    // streams alone, through a plan cut down to them, all in us-east-1 with every price there.
    let mut plan: serde_json::Value = serde_json::from_str(PLAN).unwrap();
    let changes = plan["resource_changes"].as_array_mut().unwrap();
    changes.retain(|c| {
        let t = c["type"].as_str().unwrap();
        t == "aws_kinesis_stream" || t == "aws_kinesis_stream_consumer"
    });
    let text = plan.to_string();
    let i = terraform::parse(&text, "plan.json").unwrap();
    let usage = Usage::parse(USAGE, "usage.toml").unwrap();
    let priced = in_us_east_1(&i, &usage);
    let cents = |a: &str| {
        let r = priced.resources.iter().find(|r| r.address == a).unwrap();
        (
            r.before_monthly_usd.map(|m| m.cents()),
            r.monthly_usd.map(|m| m.cents()),
        )
    };
    // clicks with no Firehose reading it: 0 shared consumers. Before 21.90 + 36.79; after
    // 43.80 + 36.79 + 58.40 + 43.80 + 32.46, and its 2 shard-level metrics on 4 shards, 8 x 0.30
    // = 2.40 (as in the CLI's test, us-east-1's prices being us-east-2's).
    assert_eq!(
        cents("aws_kinesis_stream.clicks"),
        (Some(58_69), Some(217_65))
    );
    assert_eq!(
        cents("module.ingest.aws_kinesis_stream.raw"),
        (Some(54_75), Some(32_85))
    );
    assert_eq!(cents("aws_kinesis_stream.legacy"), (Some(76_65), None));
    assert_eq!(
        priced.delta_usd.cents(),
        (217_65 - 58_69) + 2 * 21_90 + 2 * 29_20 + (32_85 - 54_75) - 76_65
    );
}

#[test]
fn a_shard_count_known_only_at_apply_needs_usage() {
    let plan = r#"{"format_version": "1.2", "resource_changes": [{
      "address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream",
      "name": "s", "change": {"actions": ["create"], "before": null,
        "after": {"retention_period": 24},
        "after_unknown": {"shard_count": true, "arn": true}}}]}"#;
    let i = terraform::parse(plan, "plan.json").unwrap();
    assert_eq!(i.resources[0].unknown, ["shard_count"]);
    let book = testing::deck_book();
    let none = Usage::default();
    let p = infra::price(&i, &none, Some("us-east-1"), &book, Options::default()).unwrap();
    assert_eq!(p.resources[0].needs_usage, ["shards", "records", "size_kb"]);
    assert_eq!(p.resources[0].monthly_usd, None);
    // With usage that gives the count: 3 x 730 x 0.015 = 32.85 and 2,628,000 records of 1 KB.
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.s\"]\nrecords = 1\nsize_kb = 1\nshards = 3\n",
        "usage.toml",
    )
    .unwrap();
    let p = infra::price(&i, &usage, Some("us-east-1"), &book, Options::default()).unwrap();
    assert_eq!(p.resources[0].lines[0].monthly_usd.cents(), 32_85);
    assert!(p.resources[0].needs_usage.is_empty());
}

#[test]
fn usage_over_the_declared_shards_warns_of_throttling() {
    let plan = r#"{"resource_changes": [{
      "address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream",
      "name": "s", "change": {"actions": ["create"], "before": null,
        "after": {"shard_count": 2, "shard_level_metrics": ["IncomingBytes"]}}}]}"#;
    let i = terraform::parse(plan, "plan.json").unwrap();
    // 5,000 records/s of 1 KB need 5 shards (records and ingress): 2 throttle.
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.s\"]\nrecords = 5000\nsize_kb = 1\n",
        "usage.toml",
    )
    .unwrap();
    let p = in_us_east_1(&i, &usage);
    let r = &p.resources[0];
    assert_eq!(
        r.warnings[0].to_string(),
        "2 shard(s) declared, but the traffic needs 5: writes or reads over the shards' capacity \
         would be throttled (raise the shard count)"
    );
    // Its one shard-level metric on its 2 declared shards: 2 x 0.30, around the stream.
    let metrics = r.lines.iter().find(|l| l.item == "shard_metrics").unwrap();
    assert_eq!((metrics.quantity, metrics.monthly_usd.cents()), (2.0, 60));
    assert!(metrics.around);
}

#[test]
fn a_big_plan_of_other_resources_is_read() {
    // About 50 MB: 200,000 resources kcost does not price, and one stream.
    let mut text = String::from(r#"{"format_version": "1.2", "resource_changes": ["#);
    let filler = "x".repeat(180);
    for n in 0..200_000 {
        text.push_str(&format!(
            r#"{{"address": "aws_s3_object.o[{n}]", "mode": "managed", "type": "aws_s3_object", "name": "o", "index": {n}, "change": {{"actions": ["create"], "before": null, "after": {{"key": "{filler}"}}}}}},"#
        ));
    }
    text.push_str(r#"{"address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream", "name": "s", "change": {"actions": ["create"], "before": null, "after": {"shard_count": 2}}}]}"#);
    assert!(text.len() > 50_000_000, "{}", text.len());
    let i = terraform::parse(&text, "big.json").unwrap();
    assert_eq!(i.unpriced.len(), 200_000);
    assert_eq!(i.resources.len(), 1);
}

proptest! {
    /// Any text: read or refused, never a panic; and so is any usage text.
    #[test]
    fn any_text_is_read_or_refused(text in ".{0,300}") {
        let _ = terraform::parse(&text, "fuzz.json");
        let _ = Usage::parse(&text, "fuzz.toml");
        let _ = cloudformation::parse(&text, "fuzz.yaml", Some((&text, "before.yaml")));
    }

    /// Templates with random properties in YAML's short forms: read or refused, never a panic,
    /// and a stream's declared shard count is the one written.
    #[test]
    fn any_template_of_streams_is_read_or_refused(
        shards in "[-0-9a-z.!]{0,6}",
        hours in "[-0-9a-z.]{0,6}",
        arn in "(!GetAtt [A-Za-z.]{0,8}|!Ref [A-Za-z]{0,6}|!Sub '[${}A-Za-z.]{0,10}')",
    ) {
        let text = format!(
            "Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      ShardCount: {shards}\n      RetentionPeriodHours: {hours}\n  C:\n    Type: AWS::Kinesis::StreamConsumer\n    Properties:\n      StreamARN: {arn}\n"
        );
        if let Ok(i) = cloudformation::parse(&text, "t.yaml", None) {
            if let Some(Declared::Stream { shards: Some(n), .. }) = &i.resources[1].after {
                // The number YAML reads there (`0o1` is 1), or the number a string says (`01`):
                // CloudFormation passes parameters as strings.
                let written = yaml_serde::from_str::<yaml_serde::Value>(&format!("v: {shards}"));
                let written = written.ok().and_then(|v| {
                    let v = v.get("v")?;
                    v.as_f64().or_else(|| v.as_str()?.trim().parse().ok())
                });
                prop_assert_eq!(written, Some(*n as f64));
            }
        }
    }

    /// Plans with random shard counts, retention and actions: priced, and the change is after
    /// less before.
    #[test]
    fn every_plan_of_streams_prices_after_less_before(
        streams in proptest::collection::vec((1u64..200, 1u64..200, 24u64..400, 0usize..4), 1..6),
    ) {
        let actions = [r#"["create"]"#, r#"["delete"]"#, r#"["update"]"#, r#"["delete", "create"]"#];
        let changes: Vec<String> = streams.iter().enumerate().map(|(n, (a, b, hours, act))| {
            let before = if *act == 0 { "null".to_string() } else {
                format!(r#"{{"shard_count": {a}, "retention_period": 24}}"#)
            };
            let after = if *act == 1 { "null".to_string() } else {
                format!(r#"{{"shard_count": {b}, "retention_period": {hours}}}"#)
            };
            format!(r#"{{"address": "aws_kinesis_stream.s{n}", "mode": "managed", "type": "aws_kinesis_stream", "name": "s{n}", "change": {{"actions": {}, "before": {before}, "after": {after}}}}}"#, actions[*act])
        }).collect();
        let plan = format!(r#"{{"resource_changes": [{}]}}"#, changes.join(","));
        let i = terraform::parse(&plan, "plan.json").unwrap();
        let p = in_us_east_1(&i, &Usage::default());
        prop_assert_eq!(p.delta_usd.cents(), p.monthly_usd.cents() - p.before_monthly_usd.cents());
        let sum: i64 = p.resources.iter().map(|r| r.delta_usd.cents()).sum();
        prop_assert_eq!(sum, p.delta_usd.cents());
        for ((a, b, hours, act), r) in streams.iter().zip(&p.resources) {
            // Shard-hours x 0.015, and past 24 h the same shard-hours x 0.02 (in cents).
            let month = |shards: u64, h: u64| {
                let shard_hours = shards * 730;
                let mut c = (shard_hours as f64 * 1.5).round() as i64;
                if h > 24 { c += (shard_hours as f64 * 2.0).round() as i64; }
                c
            };
            if *act != 0 { prop_assert_eq!(r.before_monthly_usd.map(|m| m.cents()), Some(month(*a, 24))); }
            if *act != 1 { prop_assert_eq!(r.monthly_usd.map(|m| m.cents()), Some(month(*b, *hours))); }
        }
    }
}

/// A plan of `changes` (JSON objects) and `config` (the configuration's root module).
fn plan_of(changes: &[String], config: &str) -> String {
    format!(
        r#"{{"format_version": "1.2", "resource_changes": [{}], "configuration": {{"root_module": {config}}}}}"#,
        changes.join(",")
    )
}

fn change(address: &str, type_name: &str, actions: &str, before: &str, after: &str) -> String {
    format!(
        r#"{{"address": {address:?}, "mode": "managed", "type": "{type_name}", "name": "x", "change": {{"actions": {actions}, "before": {before}, "after": {after}, "after_unknown": {{"stream_arn": true}}}}}}"#
    )
}

/// A new stream of one shard at `address`.
fn new_stream(address: &str) -> String {
    change(
        address,
        "aws_kinesis_stream",
        r#"["create"]"#,
        "null",
        r#"{"shard_count": 1}"#,
    )
}

#[test]
fn consumers_in_counted_modules_read_their_own_instances_stream() {
    let stream = |m: u8| new_stream(&format!("module.ingest[{m}].aws_kinesis_stream.s"));
    let consumer = |m: u8| {
        change(
            &format!("module.ingest[{m}].aws_kinesis_stream_consumer.c"),
            "aws_kinesis_stream_consumer",
            r#"["create"]"#,
            "null",
            r#"{"name": "c"}"#,
        )
    };
    let config = r#"{"module_calls": {"ingest": {"module": {"resources": [
        {"address": "aws_kinesis_stream.s", "provider_config_key": "aws"},
        {"address": "aws_kinesis_stream_consumer.c", "provider_config_key": "aws",
         "expressions": {"stream_arn": {"references": ["aws_kinesis_stream.s.arn", "aws_kinesis_stream.s"]}}}]}}}}"#;
    let text = plan_of(&[stream(0), stream(1), consumer(0), consumer(1)], config);
    let i = terraform::parse(&text, "plan.json").unwrap();
    let stream_of = |a: &str| consumer_stream(&i, a);
    assert_eq!(
        stream_of("module.ingest[1].aws_kinesis_stream_consumer.c").as_deref(),
        Some("module.ingest[1].aws_kinesis_stream.s")
    );
    assert_eq!(
        stream_of("module.ingest[0].aws_kinesis_stream_consumer.c").as_deref(),
        Some("module.ingest[0].aws_kinesis_stream.s")
    );
}

#[test]
fn references_to_data_sources_and_the_old_side_are_not_wired() {
    // The consumer reads an existing stream through a data source: not the managed one of the
    // same name.
    let config = r#"{"resources": [
        {"address": "aws_kinesis_stream.x", "provider_config_key": "aws"},
        {"address": "aws_kinesis_stream_consumer.c", "provider_config_key": "aws",
         "expressions": {"stream_arn": {"references": ["data.aws_kinesis_stream.x.arn", "data.aws_kinesis_stream.x"]}}}]}"#;
    let text = plan_of(
        &[
            new_stream("aws_kinesis_stream.x"),
            change(
                "aws_kinesis_stream_consumer.c",
                "aws_kinesis_stream_consumer",
                r#"["create"]"#,
                "null",
                r#"{"name": "c"}"#,
            ),
        ],
        config,
    );
    let i = terraform::parse(&text, "plan.json").unwrap();
    assert_eq!(
        resource(&i, "aws_kinesis_stream_consumer.c").after,
        Some(Declared::Consumer { stream: None })
    );
    // A consumer that moves to a plan stream: before, it read the external ARN, not the new
    // stream the configuration now names.
    let config = r#"{"resources": [
        {"address": "aws_kinesis_stream_consumer.c", "provider_config_key": "aws",
         "expressions": {"stream_arn": {"references": ["aws_kinesis_stream.x.arn", "aws_kinesis_stream.x"]}}}]}"#;
    let text = plan_of(
        &[
            new_stream("aws_kinesis_stream.x"),
            change(
                "aws_kinesis_stream_consumer.c",
                "aws_kinesis_stream_consumer",
                r#"["delete", "create"]"#,
                r#"{"stream_arn": "arn:aws:kinesis:us-east-1:1:stream/elsewhere"}"#,
                r#"{"name": "c"}"#,
            ),
        ],
        config,
    );
    let i = terraform::parse(&text, "plan.json").unwrap();
    let c = resource(&i, "aws_kinesis_stream_consumer.c");
    assert_eq!(c.before, Some(Declared::Consumer { stream: None }));
    assert_eq!(
        c.after,
        Some(Declared::Consumer {
            stream: Some("aws_kinesis_stream.x".to_string())
        })
    );
}

#[test]
fn deposed_forgotten_and_other_actions_are_read() {
    let text = plan_of(
        &[
            change(
                "aws_kinesis_stream.s",
                "aws_kinesis_stream",
                r#"["no-op"]"#,
                r#"{"shard_count": 4}"#,
                r#"{"shard_count": 4}"#,
            ),
            change(
                "aws_kinesis_stream.s",
                "aws_kinesis_stream",
                r#"["delete"]"#,
                r#"{"shard_count": 2, "arn": "arn:aws:kinesis:us-east-2:1:stream/s"}"#,
                "null",
            )
            .replacen(r#""mode""#, r#""deposed": "00ab", "mode""#, 1),
            change(
                "aws_kinesis_stream.kept",
                "aws_kinesis_stream",
                r#"["forget"]"#,
                r#"{"shard_count": 3}"#,
                "null",
            ),
            change(
                "aws_s3_bucket.b",
                "aws_s3_bucket",
                r#"["forget"]"#,
                "{}",
                "null",
            ),
        ],
        "{}",
    );
    let i = terraform::parse(&text, "plan.json").unwrap();
    // The deposed object is its own resource, in its ARN's region.
    let deposed = resource(&i, "aws_kinesis_stream.s (deposed 00ab)");
    assert_eq!(deposed.action, Action::Delete);
    assert_eq!(deposed.region.as_deref(), Some("us-east-2"));
    assert_eq!(resource(&i, "aws_kinesis_stream.s").action, Action::NoOp);
    // Forgotten: out of Terraform's state, still running: the same cost after.
    let kept = resource(&i, "aws_kinesis_stream.kept");
    assert_eq!(kept.action, Action::Forget);
    assert_eq!(kept.after, kept.before);
    assert_eq!(i.unpriced[0].address, "aws_s3_bucket.b");
    let p = in_us_east_1(&i, &Usage::default());
    // -2 shards (the deposed stream) and nothing else: 2 x 730 x 0.015 = 21.90 less.
    assert_eq!(p.delta_usd.cents(), -21_90);
    // A plan with no resources at all has no resource_changes: nothing to price, not an error.
    let empty = terraform::parse(
        r#"{"format_version": "1.2", "terraform_version": "1.9.5"}"#,
        "p.json",
    )
    .unwrap();
    assert!(empty.resources.is_empty() && empty.unpriced.is_empty());
}

#[test]
fn usage_fills_what_a_side_of_the_plan_does_not_know() {
    // Before: 4 shards; after: unknown. The usage file's `shards` is accepted, and without it the
    // change is unknown (neither month counts) rather than a saving of the whole stream.
    let plan = r#"{"resource_changes": [{"address": "aws_kinesis_stream.s", "mode": "managed",
        "type": "aws_kinesis_stream", "name": "s", "change": {"actions": ["update"],
        "before": {"shard_count": 4}, "after": {}, "after_unknown": {"shard_count": true}}}]}"#;
    let i = terraform::parse(plan, "plan.json").unwrap();
    let book = testing::deck_book();
    let p = infra::price(
        &i,
        &Usage::default(),
        Some("us-east-1"),
        &book,
        Options::default(),
    )
    .unwrap();
    assert_eq!(p.resources[0].before_monthly_usd, None);
    assert_eq!(p.delta_usd.cents(), 0);
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.s\"]\nrecords = 1\nsize_kb = 1\nshards = 6\n",
        "u.toml",
    )
    .unwrap();
    let p = infra::price(&i, &usage, Some("us-east-1"), &book, Options::default()).unwrap();
    // 2 more shards: 2 x 730 x 0.015 = 21.90.
    assert_eq!(p.delta_usd.cents(), 21_90);
    // A consumer has no usage of its own.
    let plan = plan_of(
        &[change(
            "aws_kinesis_stream_consumer.c",
            "aws_kinesis_stream_consumer",
            r#"["create"]"#,
            "null",
            "{}",
        )],
        "{}",
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let usage = Usage::parse(
        "[\"aws_kinesis_stream_consumer.c\"]\nrecords = 1\n",
        "u.toml",
    )
    .unwrap();
    let err = infra::price(&i, &usage, None, &book, Options::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("a consumer has no usage of its own"),
        "{err}"
    );
}

#[test]
fn template_references_and_defaults_are_read_as_aws_does() {
    let template = r#"
Parameters:
  Shards:
    Type: Number
Resources:
  S:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 2
  C:
    Type: AWS::Kinesis::StreamConsumer
    Properties:
      StreamARN: !Sub "arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${S}"
  F:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      ExtendedS3DestinationConfiguration:
        DynamicPartitioningConfiguration:
          RetryOptions:
            DurationInSeconds: 300
"#;
    let i = cloudformation::parse(template, "t.yaml", None).unwrap();
    assert_eq!(
        resource(&i, "C").after,
        Some(Declared::Consumer {
            stream: Some("S".to_string())
        })
    );
    // Dynamic partitioning is off unless enabled.
    assert!(matches!(
        resource(&i, "F").after,
        Some(Declared::Firehose {
            dynamic_partitioning: false,
            ..
        })
    ));
    // A parameter without a Default: said, not read as absent.
    let err = cloudformation::parse(
        &template.replace("ShardCount: 2", "ShardCount: !Ref Shards"),
        "t.yaml",
        None,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.yaml: S: ShardCount is the parameter Shards, which has no Default: kcost cannot know its value; give the parameter a Default"
    );
}

/// Encryption as a plan and a template declare it: the AWS managed key costs its requests only;
/// any other key adds a key-month.
#[test]
fn encryption_declared_in_a_plan_or_a_template_is_priced_around_the_stream() {
    use kcost_core::infra::cloudformation;
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.s\"]\nrecords = 1\nsize_kb = 1\n",
        "usage.toml",
    )
    .unwrap();
    let plan = |key: &str| {
        format!(
            r#"{{"resource_changes": [{{
              "address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream",
              "name": "s", "change": {{"actions": ["create"], "before": null,
                "after": {{"shard_count": 1, "encryption_type": "KMS", "kms_key_id": "{key}",
                          "shard_level_metrics": ["ALL"]}}}}}}]}}"#
        )
    };
    let items = |p: &infra::InfraEstimate| -> Vec<(&str, i64)> {
        p.resources[0]
            .lines
            .iter()
            .filter(|l| l.around)
            .map(|l| (l.item, l.monthly_usd.cents()))
            .collect()
    };
    let aws = terraform::parse(&plan("alias/aws/kinesis"), "plan.json").unwrap();
    // ALL: 7 metrics on 1 shard, 2.10; 105,120 KMS requests, 0.32.
    assert_eq!(
        items(&in_us_east_1(&aws, &usage)),
        [("shard_metrics", 210), ("kms_requests", 32)]
    );
    let own = terraform::parse(
        &plan("arn:aws:kms:us-east-1:111122223333:key/1234abcd"),
        "plan.json",
    )
    .unwrap();
    assert_eq!(
        items(&in_us_east_1(&own, &usage)),
        [
            ("shard_metrics", 210),
            ("kms_requests", 32),
            ("kms_key", 100)
        ]
    );
    let template = "Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      \
                    ShardCount: 1\n      StreamEncryption:\n        EncryptionType: KMS\n        \
                    KeyId: alias/my-key\n      DesiredShardLevelMetrics:\n        - IncomingBytes\n        \
                    - OutgoingBytes\n";
    let t = cloudformation::parse(template, "t.yaml", None).unwrap();
    let usage = Usage::parse("[S]\nrecords = 1\nsize_kb = 1\n", "usage.toml").unwrap();
    // 2 metrics on 1 shard: 0.60.
    assert_eq!(
        items(&in_us_east_1(&t, &usage)),
        [
            ("shard_metrics", 60),
            ("kms_requests", 32),
            ("kms_key", 100)
        ]
    );
}

#[test]
fn only_flink_applications_are_sized_by_the_plans_parallelism() {
    let i = terraform::parse(PLAN, "plan.json").unwrap();
    // sessions: FLINK-1_18 with a custom parallelism of 4 at 2 per KPU, scaling off.
    assert_eq!(
        resource(&i, "aws_kinesisanalyticsv2_application.sessions").after,
        Some(Declared::Analytics {
            engine: kcost_core::analytics::Engine::Flink,
            size: Some(kcost_core::analytics::AppSize::Parallelism {
                parallelism: 4,
                per_kpu: 2
            }),
            autoscaling: false,
        })
    );
    // sql: SQL-1_0 has no parallelism; its size comes from the usage file.
    assert_eq!(
        resource(&i, "aws_kinesisanalyticsv2_application.sql").after,
        Some(Declared::Analytics {
            engine: kcost_core::analytics::Engine::Sql,
            size: None,
            autoscaling: true,
        })
    );
}

#[test]
fn actions_are_named_as_terraform_names_them() {
    let names: Vec<&str> = [
        Action::Create,
        Action::Update,
        Action::Replace,
        Action::Delete,
        Action::NoOp,
        Action::Forget,
    ]
    .iter()
    .map(|a| a.name())
    .collect();
    assert_eq!(
        names,
        ["create", "update", "replace", "delete", "no-op", "forget"]
    );
}

/// An enhanced fan-out consumer is priced on its stream: it costs nothing on its own line and
/// says where its cost is, and the stream names its consumers. Without usage, a stream shows only
/// the lines the plan fixes (not the PUT units of no traffic).
#[test]
fn a_consumer_is_billed_on_its_streams_lines_and_each_says_so() {
    let arn = "arn:aws:kinesis:us-east-1:111122223333:stream/s";
    let text = plan_of(
        &[
            change(
                "aws_kinesis_stream.s",
                "aws_kinesis_stream",
                r#"["create"]"#,
                "null",
                &format!(r#"{{"shard_count": 1, "arn": "{arn}"}}"#),
            ),
            change(
                "aws_kinesis_stream_consumer.c",
                "aws_kinesis_stream_consumer",
                r#"["create"]"#,
                "null",
                &format!(r#"{{"name": "c", "stream_arn": "{arn}"}}"#),
            ),
            new_stream("aws_kinesis_stream.t"),
        ],
        "{}",
    );
    let i = terraform::parse(&text, "plan.json").unwrap();
    let p = in_us_east_1(&i, &Usage::default());
    let cost = |a: &str| p.resources.iter().find(|r| r.address == a).unwrap();
    let items = |a: &str| -> Vec<(&str, i64)> {
        cost(a)
            .lines
            .iter()
            .map(|l| (l.item, l.monthly_usd.cents()))
            .collect()
    };
    // s: 1 shard x 730 h x 0.015 = 10.95, and its consumer's 1 x 1 shard x 730 h x 0.015 = 10.95.
    let s = cost("aws_kinesis_stream.s");
    assert_eq!(
        items("aws_kinesis_stream.s"),
        [("shard_hours", 10_95), ("efo_consumer_shard_hours", 10_95)]
    );
    assert_eq!(
        s.notes,
        [infra::Note::Consumers {
            consumers: vec!["aws_kinesis_stream_consumer.c".to_string()]
        }]
    );
    assert_eq!(
        s.notes[0].text(),
        "includes the enhanced fan-out consumers aws_kinesis_stream_consumer.c"
    );
    // The consumer: nothing of its own (not "not priced"), and where its cost is.
    let c = cost("aws_kinesis_stream_consumer.c");
    assert_eq!(c.monthly_usd.map(|m| m.cents()), Some(0));
    assert_eq!(
        c.notes,
        [infra::Note::BilledOnStream {
            stream: "aws_kinesis_stream.s".to_string()
        }]
    );
    assert_eq!(
        c.notes[0].text(),
        "its consumer-shard-hours and enhanced fan-out data are billed on \
         aws_kinesis_stream.s's lines"
    );
    // t, read by no consumer: its 730 shard-hours alone (its PUT units of no traffic are not
    // shown), and no note.
    assert_eq!(items("aws_kinesis_stream.t"), [("shard_hours", 10_95)]);
    assert!(cost("aws_kinesis_stream.t").notes.is_empty());
    // 10.95 + 10.95 + 10.95, all of it new.
    assert_eq!(p.delta_usd.cents(), 3 * 10_95);
}

/// A resource whose provider names no region is priced in the plan's region; one that names its
/// own, in that one.
#[test]
fn each_stream_is_priced_in_its_own_region_or_else_the_plans() {
    let stream = |address: &str, region: Option<&str>| infra::Resource {
        address: address.to_string(),
        type_name: "aws_kinesis_stream".to_string(),
        action: Action::Create,
        before: None,
        after: Some(Declared::Stream {
            mode: Mode::Provisioned,
            shards: Some(1),
            retention: "24h".parse().unwrap(),
            around: kcost_core::around::Around::default(),
            key: None,
        }),
        region: region.map(str::to_string),
        unknown: Vec::new(),
    };
    let i = infra::Infrastructure {
        source: infra::Source::Terraform,
        origin: "plan.json".to_string(),
        region: Some("eu-central-1".to_string()),
        resources: vec![
            stream("aws_kinesis_stream.a", None),
            stream("aws_kinesis_stream.b", Some("us-east-1")),
        ],
        unpriced: Vec::new(),
    };
    let p = infra::price(
        &i,
        &Usage::default(),
        None,
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let at = |n: usize| {
        let r = &p.resources[n];
        (r.region.as_deref(), r.monthly_usd.map(|m| m.cents()))
    };
    // a in the plan's eu-central-1: 730 x 0.018 = 13.14; b in its own us-east-1: 730 x 0.015 =
    // 10.95.
    assert_eq!(at(0), (Some("eu-central-1"), Some(13_14)));
    assert_eq!(at(1), (Some("us-east-1"), Some(10_95)));
    assert_eq!(p.region.as_deref(), Some("eu-central-1"));
}

/// A usage entry for an address the template lacks: a close address is suggested, one at a
/// similarity of exactly 0.8 is not.
#[test]
fn a_usage_entry_for_no_resource_suggests_only_a_close_address() {
    let template = "Resources:\n  Orders:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      \
                    ShardCount: 1\n";
    let t = cloudformation::parse(template, "t.yaml", None).unwrap();
    let refused = |usage: &str| {
        let usage = Usage::parse(usage, "usage.toml").unwrap();
        infra::price(
            &t,
            &usage,
            Some("us-east-1"),
            &testing::deck_book(),
            Options::default(),
        )
        .unwrap_err()
        .to_string()
    };
    // Order against Orders: 5 matches, no transpositions: Jaro (5/6 + 5/5 + 5/5) / 3 = 0.944,
    // and the 4 first characters alike: 0.944 + 0.4 x 0.056 = 0.967, over 0.8.
    assert_eq!(
        refused("[Order]\nrecords = 1\n"),
        "usage.toml: Order: t.yaml declares no such Kinesis resource; did you mean 'Orders'? \
         (it declares: Orders)"
    );
    // OldOrdersApp against Orders: 6 matches (O, r, d, e, r, s), one transposition: Jaro
    // (6/6 + 6/12 + 5/6) / 3 = 7/9, and 1 first character alike: 7/9 + 0.1 x 2/9 = 0.8
    // exactly, which is not over 0.8.
    assert_eq!(
        refused("[OldOrdersApp]\nrecords = 1\n"),
        "usage.toml: OldOrdersApp: t.yaml declares no such Kinesis resource (it declares: \
         Orders)"
    );
}

/// A stream's estimate that refuses its usage (records over the maximum record size) is said
/// in the plan's name and the resource's address, without a place in a file.
#[test]
fn a_streams_refused_estimate_names_the_plan_and_the_address() {
    let i = terraform::parse(
        &plan_of(&[new_stream("aws_kinesis_stream.s")], "{}"),
        "plan.json",
    )
    .unwrap();
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.s\"]\nrecords = 1\nsize_kb = 2048\n",
        "usage.toml",
    )
    .unwrap();
    let err = infra::price(
        &i,
        &usage,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "plan.json: aws_kinesis_stream.s: records of 2048 KB are over the default 1 MiB maximum \
         record size; raise `max_record_size` (up to 10 MiB, as AWS allows since 2025-10-28), \
         e.g. `max_record_size = \"2MiB\"`"
    );
}

/// Usage for a resource kcost lists but does not price is refused, naming its type.
#[test]
fn usage_for_a_resource_not_priced_is_refused_with_its_type() {
    let i = terraform::parse(PLAN, "plan.json").unwrap();
    let usage = Usage::parse("[\"aws_s3_bucket.archive\"]\nrecords = 1\n", "usage.toml").unwrap();
    let err = infra::price(
        &i,
        &usage,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "usage.toml: aws_s3_bucket.archive: plan.json declares it (aws_s3_bucket), but kcost \
         does not price it on its own, so it takes no usage"
    );
}

/// A Firehose reading a stream of the plan, in their own region (the resources' `region`, AWS
/// provider 6): priced on the stream's traffic, with nothing to add.
#[test]
fn a_firehose_reading_a_plans_stream_takes_its_traffic_in_its_own_region() {
    use kcost_core::PriceKey::{
        FirehoseIngestTier1Gb, FirehoseIngestTier2Gb, FirehoseIngestTier3Gb,
    };
    // The deck's book has Firehose prices in eu-west-2 only: us-east-2 takes them here.
    let mut book = testing::deck_book();
    let london = testing::london();
    let ohio = book.regions.get_mut("us-east-2").unwrap();
    for key in [
        FirehoseIngestTier1Gb,
        FirehoseIngestTier2Gb,
        FirehoseIngestTier3Gb,
    ] {
        ohio.prices.insert(key, london.prices[&key].clone());
    }
    let arn = "arn:aws:kinesis:us-east-2:111122223333:stream/s";
    let text = plan_of(
        &[
            change(
                "aws_kinesis_stream.s",
                "aws_kinesis_stream",
                r#"["create"]"#,
                "null",
                &format!(r#"{{"shard_count": 1, "arn": "{arn}", "region": "us-east-2"}}"#),
            ),
            change(
                "aws_kinesis_firehose_delivery_stream.f",
                "aws_kinesis_firehose_delivery_stream",
                r#"["create"]"#,
                "null",
                &format!(
                    r#"{{"name": "f", "destination": "extended_s3", "region": "us-east-2",
                        "kinesis_source_configuration": [{{"kinesis_stream_arn": "{arn}"}}],
                        "extended_s3_configuration": [{{"bucket_arn": "arn:aws:s3:::b"}}]}}"#
                ),
            ),
        ],
        "{}",
    );
    let i = terraform::parse(&text, "plan.json").unwrap();
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.s\"]\nrecords = 100\nsize_kb = 1\n",
        "usage.toml",
    )
    .unwrap();
    let p = infra::price(&i, &usage, None, &book, Options::default()).unwrap();
    let f = p
        .resources
        .iter()
        .find(|r| r.address == "aws_kinesis_firehose_delivery_stream.f")
        .unwrap();
    // 100 records/s of 1 KB, billed as 5 KB: 100 x 5 x 2,628,000 / 1,048,576 = 1,253.13 GB
    // x 0.035 = 43.86.
    assert_eq!(f.monthly_usd.map(|m| m.cents()), Some(43_86));
    assert_eq!(f.region.as_deref(), Some("us-east-2"));
    assert!(f.needs_usage.is_empty());
    assert!(f.notes.is_empty(), "{:?}", f.notes);
    // The stream: 730 x 0.015 = 10.95, and 262,800,000 PUT units x 0.000000014 = 3.68; its
    // reader beside it pays no transfer.
    let s = &p.resources[0];
    assert_eq!(s.monthly_usd.map(|m| m.cents()), Some(10_95 + 3_68));
    assert_eq!(p.monthly_usd.cents(), 10_95 + 3_68 + 43_86);
}

/// Applications: a Flink one sized by the plan's parallelism, priced in its own region; a SQL
/// one sized by the usage file, priced as SQL (no orchestration KPU, no storage).
#[test]
fn applications_are_priced_as_their_engine_in_their_own_region() {
    let text = plan_of(
        &[
            change(
                "aws_kinesisanalyticsv2_application.sessions",
                "aws_kinesisanalyticsv2_application",
                r#"["create"]"#,
                "null",
                r#"{"name": "sessions", "runtime_environment": "FLINK-1_18", "region": "eu-west-2",
                    "application_configuration": [{"flink_application_configuration": [{
                      "parallelism_configuration": [{"configuration_type": "CUSTOM",
                        "parallelism": 4, "parallelism_per_kpu": 2,
                        "auto_scaling_enabled": false}]}]}]}"#,
            ),
            change(
                "aws_kinesisanalyticsv2_application.sql",
                "aws_kinesisanalyticsv2_application",
                r#"["create"]"#,
                "null",
                r#"{"name": "sql", "runtime_environment": "SQL-1_0", "region": "us-east-1"}"#,
            ),
        ],
        "{}",
    );
    let i = terraform::parse(&text, "plan.json").unwrap();
    let usage = Usage::parse(
        "[\"aws_kinesisanalyticsv2_application.sql\"]\nkpus = 2\n",
        "usage.toml",
    )
    .unwrap();
    let p = infra::price(&i, &usage, None, &testing::deck_book(), Options::default()).unwrap();
    let app = |a: &str| p.resources.iter().find(|r| r.address == a).unwrap();
    // sessions in eu-west-2: 4 / 2 per KPU = 2 KPUs + 1 orchestration = 3 x 730 = 2,190
    // KPU-hours x 0.127 = 278.13; 2 x 50 GB of running storage x 0.116 = 11.60.
    let sessions = app("aws_kinesisanalyticsv2_application.sessions");
    assert_eq!(
        sessions.monthly_usd.map(|m| m.cents()),
        Some(278_13 + 11_60)
    );
    assert_eq!(sessions.region.as_deref(), Some("eu-west-2"));
    // Its scaling is off: nothing to add.
    assert!(sessions.notes.is_empty(), "{:?}", sessions.notes);
    // sql in us-east-1: 2 KPUs x 730 = 1,460 KPU-hours x 0.11 = 160.60, and nothing else.
    let sql = app("aws_kinesisanalyticsv2_application.sql");
    assert_eq!(sql.monthly_usd.map(|m| m.cents()), Some(160_60));
    assert_eq!(sql.lines.len(), 1);
    assert!(sql.notes.is_empty(), "{:?}", sql.notes);
    assert!(sql.warnings.contains(&kcost_core::Warning::Analytics(
        AnalyticsWarning::SqlRetired
    )));
}

/// A consumer of a stream the plan declares but cannot price yet (its shard count is known only
/// at apply) still says its cost is on that stream's lines; the stream says what it needs.
#[test]
fn a_consumer_of_a_stream_not_priced_yet_is_billed_on_that_stream() {
    let stream = r#"{"address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream", "name": "s", "change": {"actions": ["create"], "before": null, "after": {"retention_period": 24}, "after_unknown": {"shard_count": true, "arn": true}}}"#;
    let consumer = change(
        "aws_kinesis_stream_consumer.c",
        "aws_kinesis_stream_consumer",
        r#"["create"]"#,
        "null",
        r#"{"name": "c"}"#,
    );
    let config = r#"{"resources": [
        {"address": "aws_kinesis_stream.s", "provider_config_key": "aws"},
        {"address": "aws_kinesis_stream_consumer.c", "provider_config_key": "aws",
         "expressions": {"stream_arn": {"references": ["aws_kinesis_stream.s.arn", "aws_kinesis_stream.s"]}}}]}"#;
    let i = terraform::parse(
        &plan_of(&[stream.to_string(), consumer], config),
        "plan.json",
    )
    .unwrap();
    let p = in_us_east_1(&i, &Usage::default());
    let cost = |a: &str| p.resources.iter().find(|r| r.address == a).unwrap();
    let s = cost("aws_kinesis_stream.s");
    assert_eq!(s.monthly_usd, None);
    assert_eq!(s.needs_usage, ["shards", "records", "size_kb"]);
    let c = cost("aws_kinesis_stream_consumer.c");
    assert_eq!(
        c.notes[0].text(),
        "its consumer-shard-hours and enhanced fan-out data are billed on \
         aws_kinesis_stream.s's lines"
    );
}
