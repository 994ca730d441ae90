//! Infrastructure as code in the core: a Terraform plan's resources read (regions, wiring,
//! actions, unknown values), priced with a usage file against `testing::deck_book`, and any text
//! read or refused without a panic.

// Cents are written as 43_80 so that they read as 43.80 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::estimate::Mode;
use kcost_core::infra::{self, cloudformation, terraform, Action, Declared, Usage};
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
    let stream_of = |a: &str| match &resource(&i, a).after {
        Some(Declared::Consumer { stream }) => stream.clone(),
        other => panic!("{other:?}"),
    };
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
            shard_metrics: 0,
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
    let priced = infra::price(
        &i,
        &usage,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let cents = |a: &str| {
        let r = priced.resources.iter().find(|r| r.address == a).unwrap();
        (
            r.before_monthly_usd.map(|m| m.cents()),
            r.monthly_usd.map(|m| m.cents()),
        )
    };
    // clicks with no Firehose reading it: 0 shared consumers. Before 21.90 + 36.79; after
    // 43.80 + 36.79 + 58.40 + 43.80 + 32.46 (as in the CLI's test, us-east-1's prices being
    // us-east-2's).
    assert_eq!(
        cents("aws_kinesis_stream.clicks"),
        (Some(58_69), Some(215_25))
    );
    assert_eq!(
        cents("module.ingest.aws_kinesis_stream.raw"),
        (Some(54_75), Some(32_85))
    );
    assert_eq!(cents("aws_kinesis_stream.legacy"), (Some(76_65), None));
    assert_eq!(
        priced.delta_usd.cents(),
        (215_25 - 58_69) + 2 * 21_90 + 2 * 29_20 + (32_85 - 54_75) - 76_65
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
    let p = infra::price(
        &i,
        &usage,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let r = &p.resources[0];
    assert_eq!(
        r.warnings[0].to_string(),
        "2 shard(s) declared, but the traffic needs 5: writes or reads over the shards' capacity \
         would be throttled (raise the shard count)"
    );
    // Shard-level metrics are said, not priced.
    assert!(r
        .notes
        .iter()
        .any(|n| n.text().starts_with("1 enhanced shard-level metrics")));
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
                prop_assert_eq!(shards.trim().parse::<f64>().ok(), Some(*n as f64));
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
        let p = infra::price(&i, &Usage::default(), Some("us-east-1"), &testing::deck_book(), Options::default()).unwrap();
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
