//! What a plan or template declares around its streams, priced: a Lambda event source mapping
//! as a consumer of its own bill, a customer managed key's month, NAT gateways' hours and an
//! interface endpoint's AZ-hours on their own resources, each once, while the traffic they carry
//! stays on the stream whose usage sends it through. Hand-computed against
//! `testing::deck_book` (us-east-1).

// Cents are written as 14_02 so that they read as 14.02 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::infra::{self, cloudformation, terraform, Declared, InfraEstimate, Usage};
use kcost_core::notes::Assumption;
use kcost_core::notes::{AroundAssumption, ConsumerAssumption};
use kcost_core::scenario::ComponentEstimate;
use kcost_core::{testing, Options};

const PLAN: &str = include_str!("fixtures/terraform/around.json");
const USAGE: &str = include_str!("fixtures/terraform/around-usage.toml");

fn priced(i: &infra::Infrastructure, usage: &str) -> InfraEstimate {
    let usage = Usage::parse(usage, "usage.toml").unwrap();
    infra::price(
        i,
        &usage,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap()
}

fn cost<'a>(e: &'a InfraEstimate, address: &str) -> &'a infra::ResourceCost {
    e.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| panic!("no {address} in {:?}", e.resources))
}

/// Each line's item and cents.
fn items(r: &infra::ResourceCost) -> Vec<(&'static str, i64)> {
    r.lines
        .iter()
        .map(|l| (l.item, l.monthly_usd.cents()))
        .collect()
}

fn around_items(r: &infra::ResourceCost) -> Vec<(&'static str, i64)> {
    r.lines
        .iter()
        .filter(|l| l.around)
        .map(|l| (l.item, l.monthly_usd.cents()))
        .collect()
}

fn assumptions(r: &infra::ResourceCost) -> Vec<Assumption> {
    match &r.estimate {
        Some(ComponentEstimate::Stream(e)) => e.assumptions.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_plans_mapping_key_nat_gateway_and_endpoint_are_priced_once_each() {
    let i = terraform::parse(PLAN, "plan.json").unwrap();
    // What does not serve a stream is listed, not priced: the SQS mapping, the S3 gateway
    // endpoint, the key no stream uses, the function (priced through its mapping).
    let unpriced: Vec<&str> = i.unpriced.iter().map(|u| u.address.as_str()).collect();
    for address in [
        "aws_lambda_event_source_mapping.orders",
        "aws_vpc_endpoint.s3",
        "aws_kms_key.logs",
        "aws_lambda_function.enrich",
    ] {
        assert!(unpriced.contains(&address), "{address} in {unpriced:?}");
    }
    match &i
        .resources
        .iter()
        .find(|r| r.address == "aws_lambda_event_source_mapping.enrich")
        .unwrap()
        .after
    {
        Some(Declared::Lambda {
            stream,
            consumer,
            batch_size,
            function: Some(f),
            ..
        }) => {
            assert_eq!(stream.as_deref(), Some("aws_kinesis_stream.events"));
            assert_eq!(*consumer, None);
            assert_eq!(*batch_size, 100);
            assert_eq!(f.memory_mb, 256);
            assert_eq!(f.address, "aws_lambda_function.enrich");
        }
        other => panic!("{other:?}"),
    }

    let e = priced(&i, USAGE);
    let stream = cost(&e, "aws_kinesis_stream.events");
    // 1,000 records/s of 1 KB: 2,506.26 GB written a month, read by 2 consumers: one of the
    // usage's own through the endpoint, and the function, from AWS's network.
    // NAT: 2,506.26 x 0.045 = 112.78; endpoint data: 2,506.26 x 0.01 = 25.06; KMS requests:
    // 105,120 x 0.03 / 10,000 = 0.32. No NAT hours, endpoint hours or key-month here: those
    // are the plan's own resources'.
    assert_eq!(
        around_items(stream),
        [
            ("kms_requests", 32),
            ("nat_data", 112_78),
            ("endpoint_data", 25_06)
        ]
    );
    let a = assumptions(stream);
    for part in [
        kcost_core::around::Part::NatHours,
        kcost_core::around::Part::EndpointHours,
        kcost_core::around::Part::KeyMonth,
    ] {
        assert!(
            a.contains(&Assumption::Around(AroundAssumption::PricedApart { part })),
            "{part:?}"
        );
    }
    assert!(!a.contains(&Assumption::Around(AroundAssumption::NatHoursElsewhere)));
    assert!(
        a.contains(&Assumption::Around(AroundAssumption::ManagedReaders {
            readers: 1
        }))
    );

    // The key's month, once: 1.00.
    let key = cost(&e, "aws_kms_key.events");
    assert_eq!(items(key), [("kms_key", 1_00)]);
    assert_eq!(
        key.notes,
        [infra::Note::KeyOf {
            streams: vec!["aws_kinesis_stream.events".to_string()]
        }]
    );
    // One NAT gateway: 730 x 0.045 = 32.85.
    assert_eq!(items(cost(&e, "aws_nat_gateway.a")), [("nat_hours", 32_85)]);
    // Three subnets, three AZs: 3 x 730 x 0.01 = 21.90.
    assert_eq!(
        items(cost(&e, "aws_vpc_endpoint.kinesis")),
        [("endpoint_hours", 21_90)]
    );
    // The function, arm64 with 256 MB, 100 ms a batch of 100: 26,280,000 invocations = 5.26;
    // 26,280,000 x 0.1 s x 0.25 GB = 657,000 GB-s x 0.0000133334 = 8.76.
    let lambda = cost(&e, "aws_lambda_event_source_mapping.enrich");
    assert_eq!(
        items(lambda),
        [("lambda_requests", 5_26), ("lambda_duration", 8_76)]
    );
    assert!(lambda.needs_usage.is_empty());
    assert_eq!(lambda.monthly_usd.map(|m| m.cents()), Some(14_02));
    // The plan's total is the sum of its resources, each counted once.
    let sum: i64 = e
        .resources
        .iter()
        .filter_map(|r| r.monthly_usd)
        .map(|m| m.cents())
        .sum();
    assert_eq!(e.monthly_usd.cents(), sum);
    assert_eq!(
        e.monthly_usd.cents(),
        stream.monthly_usd.unwrap().cents() + 1_00 + 32_85 + 21_90 + 14_02
    );
}

#[test]
fn without_usage_a_mapping_says_what_it_needs_and_still_reads_its_stream() {
    let i = terraform::parse(PLAN, "plan.json").unwrap();
    let usage = "[\"aws_kinesis_stream.events\"]\nrecords = \"1000/s\"\nsize_kb = 1\n\
                 consumer_network = \"endpoint\"\n";
    let e = priced(&i, usage);
    let lambda = cost(&e, "aws_lambda_event_source_mapping.enrich");
    assert_eq!(lambda.needs_usage, ["duration_ms"]);
    assert_eq!(lambda.monthly_usd, None);
    // The function still reads every byte, but from AWS's network: nothing passes through the
    // endpoint, whose hours are its own resource's.
    let stream = cost(&e, "aws_kinesis_stream.events");
    assert_eq!(around_items(stream), [("kms_requests", 32)]);
    assert!(
        assumptions(stream).contains(&Assumption::Around(AroundAssumption::ManagedReaders {
            readers: 1
        }))
    );
}

#[test]
fn usage_may_not_restate_what_the_plan_declares_around_a_stream() {
    let i = terraform::parse(PLAN, "plan.json").unwrap();
    let refuse = |usage: &str| {
        let usage = Usage::parse(usage, "usage.toml").unwrap();
        infra::price(
            &i,
            &usage,
            Some("us-east-1"),
            &testing::deck_book(),
            Options::default(),
        )
        .unwrap_err()
        .to_string()
    };
    let e = refuse("[\"aws_kinesis_stream.events\"]\nrecords = 1\nsize_kb = 1\nnat_gateways = 2\n");
    assert!(
        e.contains("usage.toml:4:1") && e.contains("`nat_gateways` is the plan's to declare"),
        "{e}"
    );
    let e = refuse(
        "[\"aws_lambda_event_source_mapping.enrich\"]\nduration_ms = 100\nmemory_mb = 512\n",
    );
    assert!(e.contains("`memory_mb` is the plan's to declare"), "{e}");
    let e = refuse("[\"aws_lambda_event_source_mapping.enrich\"]\nduration_ms = -1\n");
    assert!(e.contains("aws_lambda_event_source_mapping.enrich"), "{e}");
    let e = refuse("[\"aws_nat_gateway.a\"]\nrecords = 1\n");
    assert!(e.contains("it has no usage of its own"), "{e}");
    let e = refuse("[\"aws_lambda_event_source_mapping.enrich\"]\nduration = 100\n");
    assert!(e.contains("unknown field `duration`"), "{e}");
}

#[test]
fn a_region_without_a_price_leaves_the_resource_not_priced_and_says_why() {
    // The deck's book holds no endpoint price in eu-central-1: the endpoint is not priced, and
    // says why; the plan still is. The NAT gateway serves no stream (none sends traffic through
    // one), so it is not counted, and says so.
    let plan = r#"{"resource_changes": [
      {"address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream",
       "name": "s", "change": {"actions": ["create"], "before": null, "after": {"shard_count": 1}}},
      {"address": "aws_nat_gateway.a", "mode": "managed", "type": "aws_nat_gateway",
       "name": "a", "change": {"actions": ["create"], "before": null, "after": {}}},
      {"address": "aws_vpc_endpoint.k", "mode": "managed", "type": "aws_vpc_endpoint",
       "name": "k", "change": {"actions": ["create"], "before": null,
         "after": {"service_name": "com.amazonaws.eu-central-1.kinesis-streams"}}}]}"#;
    let i = terraform::parse(plan, "plan.json").unwrap();
    let usage = Usage::parse("", "usage.toml").unwrap();
    let e = infra::price(
        &i,
        &usage,
        Some("eu-central-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let endpoint = cost(&e, "aws_vpc_endpoint.k");
    assert_eq!(endpoint.monthly_usd, None);
    match endpoint.notes.last() {
        Some(infra::Note::NoPrice { reason }) => assert!(
            reason.contains("eu-central-1 has no price for Interface VPC endpoint"),
            "{reason}"
        ),
        other => panic!("{other:?}"),
    }
    let nat = cost(&e, "aws_nat_gateway.a");
    assert_eq!(nat.monthly_usd, None);
    assert_eq!(nat.notes, [infra::Note::NoStreamThrough]);
    // The stream's 730 shard-hours are the month.
    assert_eq!(
        e.monthly_usd,
        cost(&e, "aws_kinesis_stream.s").monthly_usd.unwrap()
    );
}

#[test]
fn a_templates_mapping_key_nat_gateway_and_endpoint_are_priced_the_same() {
    let template = r#"
Resources:
  Events:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 2
      StreamEncryption:
        EncryptionType: KMS
        KeyId: !Ref EventsKeyAlias
  EventsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  EventsKeyAlias:
    Type: AWS::KMS::Alias
    Properties:
      AliasName: alias/events
      TargetKeyId: !Ref EventsKey
  Enrich:
    Type: AWS::Lambda::Function
    Properties:
      MemorySize: 256
      Architectures: [arm64]
      Runtime: python3.12
  EnrichMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Events.Arn
      FunctionName: !Ref Enrich
      BatchSize: 100
      StartingPosition: LATEST
  Orders:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt OrdersQueue.Arn
      FunctionName: orders
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      SubnetId: subnet-0a
  KinesisEndpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Sub com.amazonaws.${AWS::Region}.kinesis-streams
      VpcEndpointType: Interface
      VpcId: vpc-1
      SubnetIds: [subnet-0a, subnet-0b, subnet-0c]
  S3Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
      VpcId: vpc-1
"#;
    let t = cloudformation::parse(template, "t.yaml", None).unwrap();
    let unpriced: Vec<&str> = t.unpriced.iter().map(|u| u.address.as_str()).collect();
    assert_eq!(
        unpriced,
        ["Enrich", "EventsKeyAlias", "Orders", "S3Endpoint"]
    );
    let usage = "[Events]\nrecords = \"1000/s\"\nsize_kb = 1\nconsumers = 1\n\
                 producer_network = \"nat\"\nconsumer_network = \"endpoint\"\n\n\
                 [EnrichMapping]\nduration_ms = 100\n";
    let e = priced(&t, usage);
    assert_eq!(
        around_items(cost(&e, "Events")),
        [
            ("kms_requests", 32),
            ("nat_data", 112_78),
            ("endpoint_data", 25_06)
        ]
    );
    assert_eq!(items(cost(&e, "EventsKey")), [("kms_key", 1_00)]);
    assert_eq!(items(cost(&e, "Nat")), [("nat_hours", 32_85)]);
    assert_eq!(
        items(cost(&e, "KinesisEndpoint")),
        [("endpoint_hours", 21_90)]
    );
    assert_eq!(
        items(cost(&e, "EnrichMapping")),
        [("lambda_requests", 5_26), ("lambda_duration", 8_76)]
    );
}

#[test]
fn a_mapping_through_a_consumer_reads_with_enhanced_fan_out_counted_once() {
    let template = r#"
Resources:
  Events:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
  Reader:
    Type: AWS::Kinesis::StreamConsumer
    Properties:
      ConsumerName: reader
      StreamARN: !GetAtt Events.Arn
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !Ref Reader
      FunctionName: elsewhere
      StartingPosition: LATEST
"#;
    let t = cloudformation::parse(template, "t.yaml", None).unwrap();
    let usage =
        "[Events]\nrecords = 100\nsize_kb = 1\n\n[Mapping]\nduration_ms = 50\nmemory_mb = 128\n";
    let e = priced(&t, usage);
    let stream = cost(&e, "Events");
    match &stream.estimate {
        Some(ComponentEstimate::Stream(s)) => assert_eq!(s.inputs.efo_consumers, 1),
        other => panic!("{other:?}"),
    }
    let mapping = cost(&e, "Mapping");
    assert!(mapping.notes.contains(&infra::Note::FunctionElsewhere));
    // 100 records/s in batches of 100: 2,628,000 invocations, 0.53 in requests.
    assert_eq!(items(mapping)[0], ("lambda_requests", 53));
}

#[test]
fn a_functions_new_memory_changes_its_mappings_month() {
    // The mapping is unchanged; its function (named by its known name) grows from 128 MB to
    // 1,024 MB: the mapping's duration line grows eightfold.
    let arn = EVENTS_ARN;
    let plan = format!(
        r#"{{"resource_changes": [{stream},
      {{"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function",
        "name": "f", "change": {{"actions": ["update"],
          "before": {{"function_name": "enrich", "memory_size": 128}},
          "after": {{"function_name": "enrich", "memory_size": 1024}}}}}},
      {{"address": "aws_lambda_event_source_mapping.m", "mode": "managed",
        "type": "aws_lambda_event_source_mapping", "name": "m", "change": {{"actions": ["no-op"],
          "before": {{"event_source_arn": "{arn}", "function_name": "enrich", "batch_size": 100}},
          "after": {{"event_source_arn": "{arn}", "function_name": "enrich", "batch_size": 100}}}}}}]}}"#,
        stream = existing_stream()
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let usage = "[\"aws_kinesis_stream.events\"]\nrecords = \"1000/s\"\nsize_kb = 1\n\n\
                 [\"aws_lambda_event_source_mapping.m\"]\nduration_ms = 100\n";
    let e = priced(&i, usage);
    let m = cost(&e, "aws_lambda_event_source_mapping.m");
    // 26,280,000 requests, 5.26. x86_64 GB-s at 0.0000166667: 128 MB gives 328,500 GB-s, 5.48;
    // 1,024 MB gives 2,628,000 GB-s, 43.80.
    assert_eq!(m.before_monthly_usd.map(|x| x.cents()), Some(5_26 + 5_48));
    assert_eq!(m.monthly_usd.map(|x| x.cents()), Some(5_26 + 43_80));
    assert_eq!(m.delta_usd.cents(), 43_80 - 5_48);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any mapping, function, endpoint and usage numbers: priced (the plan's total the sum of
    /// its resources) or refused, never a panic.
    #[test]
    fn any_numbers_around_a_plans_stream_price_or_refuse(
        batch in -5i64..20_000,
        window in -1.0f64..400.0,
        memory in -5i64..20_000,
        subnets in 0usize..9,
        duration in -1.0f64..1_000_000.0,
        records in 0u32..100_000,
    ) {
        let subnets: Vec<String> = (0..subnets).map(|i| format!("\"subnet-{i}\"")).collect();
        let window = if window.is_finite() { window.to_string() } else { "0".to_string() };
        let plan = format!(
            r#"{{"resource_changes": [
          {{"address": "aws_kinesis_stream.s", "mode": "managed", "type": "aws_kinesis_stream",
            "name": "s", "change": {{"actions": ["create"], "before": null,
              "after": {{"shard_count": 2, "arn": "arn:aws:kinesis:us-east-1:1:stream/s"}}}}}},
          {{"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function",
            "name": "f", "change": {{"actions": ["create"], "before": null,
              "after": {{"function_name": "f", "memory_size": {memory}}}}}}},
          {{"address": "aws_lambda_event_source_mapping.m", "mode": "managed",
            "type": "aws_lambda_event_source_mapping", "name": "m", "change": {{"actions": ["create"],
              "before": null, "after": {{"event_source_arn": "arn:aws:kinesis:us-east-1:1:stream/s",
              "function_name": "f", "batch_size": {batch},
              "maximum_batching_window_in_seconds": {window}}}}}}},
          {{"address": "aws_vpc_endpoint.k", "mode": "managed", "type": "aws_vpc_endpoint",
            "name": "k", "change": {{"actions": ["create"], "before": null,
              "after": {{"service_name": "com.amazonaws.us-east-1.kinesis-streams",
                        "subnet_ids": [{}]}}}}}}]}}"#,
            subnets.join(", ")
        );
        let Ok(i) = terraform::parse(&plan, "plan.json") else {
            return Ok(());
        };
        let usage = format!(
            "[\"aws_kinesis_stream.s\"]\nrecords = {records}\nsize_kb = 1\n\
             consumer_network = \"endpoint\"\n\n[\"aws_lambda_event_source_mapping.m\"]\n\
             duration_ms = {}\n",
            if duration.is_finite() { duration.to_string() } else { "1".to_string() }
        );
        let Ok(usage) = Usage::parse(&usage, "usage.toml") else {
            return Ok(());
        };
        if let Ok(e) = infra::price(&i, &usage, Some("us-east-1"), &testing::deck_book(), Options::default()) {
            let sum: i64 = e.resources.iter().filter_map(|r| r.monthly_usd).map(|m| m.cents()).sum();
            proptest::prop_assert_eq!(e.monthly_usd.cents(), sum);
        }
    }
}

/// The ARN of `aws_kinesis_stream.events` in the plans built here.
const EVENTS_ARN: &str = "arn:aws:kinesis:us-east-1:111122223333:stream/events";

/// `aws_kinesis_stream.events`, 1 shard, unchanged by the plan.
fn existing_stream() -> String {
    format!(
        r#"{{"address": "aws_kinesis_stream.events", "mode": "managed", "type": "aws_kinesis_stream",
        "name": "events", "change": {{"actions": ["no-op"],
          "before": {{"shard_count": 1, "arn": "{EVENTS_ARN}"}},
          "after": {{"shard_count": 1, "arn": "{EVENTS_ARN}"}}}}}}"#
    )
}

/// A change's two sides read one usage file: an endpoint added to a stream that exists prices
/// its hours on itself, and the stream's month does not move on either side.
#[test]
fn an_endpoint_added_to_an_existing_stream_costs_its_hours_once() {
    let plan = format!(
        r#"{{"resource_changes": [{stream},
      {{"address": "aws_vpc_endpoint.k", "mode": "managed", "type": "aws_vpc_endpoint",
        "name": "k", "change": {{"actions": ["create"], "before": null,
          "after": {{"service_name": "com.amazonaws.us-east-1.kinesis-streams",
                    "subnet_ids": ["a", "b", "c"]}}}}}}]}}"#,
        stream = existing_stream()
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let usage = "[\"aws_kinesis_stream.events\"]\nrecords = 100\nsize_kb = 1\nconsumers = 1\n\
                 consumer_network = \"endpoint\"\n";
    let e = priced(&i, usage);
    let stream = cost(&e, "aws_kinesis_stream.events");
    assert_eq!(stream.delta_usd.cents(), 0);
    assert!(!items(stream).iter().any(|(i, _)| *i == "endpoint_hours"));
    // 3 x 730 x 0.01, all of it new.
    assert_eq!(e.delta_usd.cents(), 21_90);
}

/// A mapping whose function is the plan's on one side only: the usage file gives the memory
/// for the side without it, and the plan's memory stands on the side with it.
#[test]
fn a_mapping_moved_to_a_function_of_the_plan_is_priced_on_both_sides() {
    let arn = EVENTS_ARN;
    let plan = format!(
        r#"{{"resource_changes": [{stream},
      {{"address": "aws_lambda_function.new", "mode": "managed", "type": "aws_lambda_function",
        "name": "new", "change": {{"actions": ["create"], "before": null,
          "after": {{"function_name": "new", "memory_size": 1024}}}}}},
      {{"address": "aws_lambda_event_source_mapping.m", "mode": "managed",
        "type": "aws_lambda_event_source_mapping", "name": "m", "change": {{"actions": ["update"],
          "before": {{"event_source_arn": "{arn}", "function_name": "legacy"}},
          "after": {{"event_source_arn": "{arn}", "function_name": "new"}}}}}}]}}"#,
        stream = existing_stream()
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let usage = "[\"aws_kinesis_stream.events\"]\nrecords = \"1000/s\"\nsize_kb = 1\n\n\
                 [\"aws_lambda_event_source_mapping.m\"]\nduration_ms = 100\nmemory_mb = 128\n";
    let e = priced(&i, usage);
    let m = cost(&e, "aws_lambda_event_source_mapping.m");
    // 26,280,000 requests 5.26; 128 MB: 5.48; the plan's 1,024 MB: 43.80.
    assert_eq!(m.before_monthly_usd.map(|x| x.cents()), Some(5_26 + 5_48));
    assert_eq!(m.monthly_usd.map(|x| x.cents()), Some(5_26 + 43_80));
}

/// Two modules with a function of the same name: each mapping reads its own module's.
#[test]
fn a_name_used_in_two_modules_resolves_within_the_module() {
    let arn = |m: &str| format!("arn:aws:kinesis:us-east-1:111122223333:stream/{m}");
    let module = |m: &str, memory: u32| {
        format!(
            r#"{{"address": "module.{m}.aws_kinesis_stream.s", "mode": "managed",
              "type": "aws_kinesis_stream", "name": "s", "change": {{"actions": ["create"],
              "before": null, "after": {{"shard_count": 1, "arn": "{a}"}}}}}},
             {{"address": "module.{m}.aws_lambda_function.f", "mode": "managed",
              "type": "aws_lambda_function", "name": "f", "change": {{"actions": ["create"],
              "before": null, "after": {{"function_name": "enrich", "memory_size": {memory}}}}}}},
             {{"address": "module.{m}.aws_lambda_event_source_mapping.m", "mode": "managed",
              "type": "aws_lambda_event_source_mapping", "name": "m", "change": {{"actions": ["create"],
              "before": null, "after": {{"event_source_arn": "{a}", "function_name": "enrich"}}}}}}"#,
            a = arn(m)
        )
    };
    let plan = format!(
        r#"{{"resource_changes": [{}, {}]}}"#,
        module("a", 128),
        module("b", 1024)
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let memory = |address: &str| match &i
        .resources
        .iter()
        .find(|r| r.address == address)
        .unwrap()
        .after
    {
        Some(Declared::Lambda {
            function: Some(f), ..
        }) => (f.address.clone(), f.memory_mb),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        memory("module.a.aws_lambda_event_source_mapping.m"),
        ("module.a.aws_lambda_function.f".to_string(), 128)
    );
    assert_eq!(
        memory("module.b.aws_lambda_event_source_mapping.m"),
        ("module.b.aws_lambda_function.f".to_string(), 1024)
    );
}

/// A template's `KeyId` through a parameter's default, or an alias's name written out.
#[test]
fn a_templates_key_is_read_through_parameters_and_alias_names() {
    let template = |key_id: &str| {
        format!(
            "Parameters:\n  StreamKey:\n    Type: String\n    Default: alias/aws/kinesis\n\
             Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      \
             ShardCount: 1\n      StreamEncryption:\n        EncryptionType: KMS\n        \
             KeyId: {key_id}\n  K:\n    Type: AWS::KMS::Key\n  A:\n    Type: AWS::KMS::Alias\n    \
             Properties:\n      AliasName: alias/events\n      TargetKeyId: !Ref K\n"
        )
    };
    let usage = "[S]\nrecords = 1\nsize_kb = 1\n";
    // The AWS managed key through the parameter: requests only, and K serves no stream.
    let t = cloudformation::parse(&template("!Ref StreamKey"), "t.yaml", None).unwrap();
    let e = priced(&t, usage);
    assert_eq!(around_items(cost(&e, "S")), [("kms_requests", 32)]);
    assert!(t.unpriced.iter().any(|u| u.address == "K"));
    // The alias's name written out: K is the stream's key, priced once on itself.
    let t = cloudformation::parse(&template("alias/events"), "t.yaml", None).unwrap();
    let e = priced(&t, usage);
    assert_eq!(around_items(cost(&e, "S")), [("kms_requests", 32)]);
    assert_eq!(items(cost(&e, "K")), [("kms_key", 1_00)]);
}

/// Two streams, each with a consumer: a mapping through the second consumer reads the second
/// stream, at that stream's traffic.
#[test]
fn a_mapping_through_one_of_several_consumers_reads_that_consumers_stream() {
    let arn = |s: &str| format!("arn:aws:kinesis:us-east-1:111122223333:stream/{s}");
    let stream = |name: &str| {
        format!(
            r#"{{"address": "aws_kinesis_stream.{name}", "mode": "managed", "type": "aws_kinesis_stream",
        "name": "{name}", "change": {{"actions": ["no-op"],
          "before": {{"shard_count": 1, "arn": "{a}"}},
          "after": {{"shard_count": 1, "arn": "{a}"}}}}}}"#,
            a = arn(name)
        )
    };
    let consumer = |name: &str, of: &str| {
        format!(
            r#"{{"address": "aws_kinesis_stream_consumer.{name}", "mode": "managed",
        "type": "aws_kinesis_stream_consumer", "name": "{name}", "change": {{"actions": ["no-op"],
          "before": {{"name": "{name}", "stream_arn": "{s}", "arn": "{s}/consumer/{name}:1"}},
          "after": {{"name": "{name}", "stream_arn": "{s}", "arn": "{s}/consumer/{name}:1"}}}}}}"#,
            s = arn(of)
        )
    };
    let through = format!("{}/consumer/b:1", arn("other"));
    let plan = format!(
        r#"{{"resource_changes": [{}, {}, {}, {},
      {{"address": "aws_lambda_event_source_mapping.m", "mode": "managed",
        "type": "aws_lambda_event_source_mapping", "name": "m", "change": {{"actions": ["no-op"],
          "before": {{"event_source_arn": "{through}", "function_name": "f", "batch_size": 100}},
          "after": {{"event_source_arn": "{through}", "function_name": "f", "batch_size": 100}}}}}}]}}"#,
        stream("events"),
        stream("other"),
        consumer("a", "events"),
        consumer("b", "other"),
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let mapping = i
        .resources
        .iter()
        .find(|r| r.address == "aws_lambda_event_source_mapping.m")
        .unwrap();
    for side in [&mapping.before, &mapping.after] {
        match side {
            Some(Declared::Lambda {
                stream, consumer, ..
            }) => {
                assert_eq!(stream.as_deref(), Some("aws_kinesis_stream.other"));
                assert_eq!(consumer.as_deref(), Some("aws_kinesis_stream_consumer.b"));
            }
            other => panic!("{other:?}"),
        }
    }
    let usage = "[\"aws_kinesis_stream.events\"]\nrecords = 1000\nsize_kb = 1\n\n\
                 [\"aws_kinesis_stream.other\"]\nrecords = 100\nsize_kb = 1\n\n\
                 [\"aws_lambda_event_source_mapping.m\"]\nduration_ms = 50\nmemory_mb = 128\n";
    let e = priced(&i, usage);
    // other's 100 records/s in batches of 100: 2,628,000 invocations x 0.0000002 = 0.53 (the
    // 1,000 records/s of events would make 5.26).
    assert_eq!(
        items(cost(&e, "aws_lambda_event_source_mapping.m"))[0],
        ("lambda_requests", 53)
    );
}

/// An endpoint whose subnets are given as none is priced in the default 2 AZs, as one whose
/// subnets are not given at all.
#[test]
fn an_endpoint_with_an_empty_subnet_list_takes_the_default_azs() {
    let plan = format!(
        r#"{{"resource_changes": [{stream},
      {{"address": "aws_vpc_endpoint.k", "mode": "managed", "type": "aws_vpc_endpoint",
        "name": "k", "change": {{"actions": ["create"], "before": null,
          "after": {{"service_name": "com.amazonaws.us-east-1.kinesis-streams",
                    "subnet_ids": []}}}}}}]}}"#,
        stream = existing_stream()
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let endpoint = i
        .resources
        .iter()
        .find(|r| r.address == "aws_vpc_endpoint.k")
        .unwrap();
    assert_eq!(endpoint.after, Some(Declared::Endpoint { azs: None }));
    let usage = "[\"aws_kinesis_stream.events\"]\nrecords = 100\nsize_kb = 1\nconsumers = 1\n\
                 consumer_network = \"endpoint\"\n";
    let e = priced(&i, usage);
    // 2 x 730 x 0.01 = 14.60, all of it new.
    assert_eq!(e.delta_usd.cents(), 14_60);
}

/// A KMS key and a Lambda function take no usage of their own: each refusal says where the
/// usage goes.
#[test]
fn usage_for_a_key_or_a_function_is_refused_saying_where_it_goes() {
    let i = terraform::parse(PLAN, "plan.json").unwrap();
    let refuse = |usage: &str| {
        let usage = Usage::parse(usage, "usage.toml").unwrap();
        infra::price(
            &i,
            &usage,
            Some("us-east-1"),
            &testing::deck_book(),
            Options::default(),
        )
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        refuse("[\"aws_kms_key.events\"]\nrecords = 1\n"),
        "usage.toml: aws_kms_key.events: a KMS key has no usage of its own: the plan fixes its \
         month, and its requests are priced on the stream it encrypts"
    );
    assert_eq!(
        refuse("[\"aws_lambda_function.enrich\"]\nduration_ms = 100\n"),
        "usage.toml: aws_lambda_function.enrich: plan.json declares it (aws_lambda_function), \
         but kcost does not price it on its own, so it takes no usage; a function's usage \
         (duration_ms) goes under the event source mapping that reads a stream"
    );
}

/// Old prices are one warning for the whole plan, not one on each resource's estimate.
#[test]
fn a_plan_warns_of_old_prices_once() {
    let key = "arn:aws:kms:us-east-1:111122223333:key/k1";
    let plan = format!(
        r#"{{"resource_changes": [
      {{"address": "aws_kinesis_stream.events", "mode": "managed", "type": "aws_kinesis_stream",
        "name": "events", "change": {{"actions": ["create"], "before": null,
          "after": {{"shard_count": 1, "arn": "{EVENTS_ARN}", "encryption_type": "KMS",
                    "kms_key_id": "{key}"}}}}}},
      {{"address": "aws_kms_key.k", "mode": "managed", "type": "aws_kms_key", "name": "k",
        "change": {{"actions": ["create"], "before": null,
          "after": {{"arn": "{key}", "key_id": "k1"}}}}}}]}}"#
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.events\"]\nrecords = 1\nsize_kb = 1\n",
        "usage.toml",
    )
    .unwrap();
    let options = Options {
        price_age: Some(kcost_core::PriceAge {
            today: (2026, 11),
            months: 12,
        }),
        ..Options::default()
    };
    let e = infra::price(
        &i,
        &usage,
        Some("us-east-1"),
        &testing::deck_book(),
        options,
    )
    .unwrap();
    // The stream's shard-hour, PUT unit and KMS request prices and the key's month: 4 prices,
    // all as of 2021-04.
    assert_eq!(
        e.warnings,
        [kcost_core::Warning::OldPrices {
            count: 4,
            oldest: "2021-04".into(),
            months: 12
        }]
    );
    for r in &e.resources {
        assert!(
            !r.warnings
                .iter()
                .any(|w| matches!(w, kcost_core::Warning::OldPrices { .. })),
            "{}: {:?}",
            r.address,
            r.warnings
        );
    }
    assert_eq!(items(cost(&e, "aws_kms_key.k")), [("kms_key", 1_00)]);
}

/// `aws_kinesis_stream.events` (1 shard), the function `f` (128 MB, x86_64) and its mapping
/// `m` reading the stream with `mapping` (more of its attributes, JSON).
fn mapping_plan(mapping: &str) -> String {
    format!(
        r#"{{"resource_changes": [{stream},
      {{"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function",
        "name": "f", "change": {{"actions": ["no-op"],
          "before": {{"function_name": "f", "memory_size": 128}},
          "after": {{"function_name": "f", "memory_size": 128}}}}}},
      {{"address": "aws_lambda_event_source_mapping.m", "mode": "managed",
        "type": "aws_lambda_event_source_mapping", "name": "m", "change": {{"actions": ["create"],
          "before": null, "after": {{"event_source_arn": "{EVENTS_ARN}", "function_name": "f"
          {mapping}}}}}}}]}}"#,
        stream = existing_stream()
    )
}

/// A mapping's batch size and batching window are the plan's: they set its invocations.
#[test]
fn a_mappings_batch_size_and_window_set_its_invocations() {
    let plan = mapping_plan(r#", "batch_size": 500, "maximum_batching_window_in_seconds": 10"#);
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let usage = "[\"aws_kinesis_stream.events\"]\nrecords = 100\nsize_kb = 1\n\n\
                 [\"aws_lambda_event_source_mapping.m\"]\nduration_ms = 100\n";
    let e = priced(&i, usage);
    let m = cost(&e, "aws_lambda_event_source_mapping.m");
    // 100 records/s x 2,628,000 s = 262,800,000 records: 525,600 batches of 500; the 1 shard's
    // 10 s windows are 262,800 a month, fewer, so batches fill: 525,600 invocations x 0.0000002
    // = 0.11 (batches of 100 would be 2,628,000; 1 s windows, 2,628,000: 0.53 either way).
    // 525,600 x 0.1 s x 128 / 1,024 GB = 6,570 GB-s x 0.0000166667 = 0.11.
    assert_eq!(m.lines[0].quantity, 525_600.0);
    assert_eq!(items(m), [("lambda_requests", 11), ("lambda_duration", 11)]);
    match &m.estimate {
        Some(ComponentEstimate::Consumer(c)) => assert!(
            c.assumptions.contains(&Assumption::Consumer(
                ConsumerAssumption::LambdaInvocations { window_s: 10.0 }
            )),
            "{:?}",
            c.assumptions
        ),
        other => panic!("{other:?}"),
    }
    // Its function is the plan's and its stream has usage: nothing to add.
    assert!(m.notes.is_empty(), "{:?}", m.notes);
}

/// A mapping whose stream has no usage yet is not priced, and says that the stream's traffic is
/// what it needs.
#[test]
fn a_mapping_of_a_stream_without_usage_says_the_stream_needs_it() {
    let i = terraform::parse(&mapping_plan(""), "plan.json").unwrap();
    let e = priced(
        &i,
        "[\"aws_lambda_event_source_mapping.m\"]\nduration_ms = 100\n",
    );
    let m = cost(&e, "aws_lambda_event_source_mapping.m");
    assert_eq!(m.monthly_usd, None);
    assert_eq!(
        m.notes,
        [infra::Note::StreamNeedsUsage {
            stream: "aws_kinesis_stream.events".to_string()
        }]
    );
    assert_eq!(
        m.notes[0].text(),
        "its invocations follow aws_kinesis_stream.events's traffic: give that stream's records \
         and size_kb in the usage file"
    );
}

/// A mapping of a stream whose new shard count is known only at apply time (and not given): the
/// stream is not priced after the change, and neither is the mapping, which says why.
#[test]
fn a_mapping_of_a_stream_not_priced_is_not_priced_either() {
    let plan = format!(
        r#"{{"resource_changes": [
      {{"address": "aws_kinesis_stream.events", "mode": "managed", "type": "aws_kinesis_stream",
        "name": "events", "change": {{"actions": ["update"],
          "before": {{"shard_count": 1, "arn": "{EVENTS_ARN}"}},
          "after": {{"arn": "{EVENTS_ARN}"}}, "after_unknown": {{"shard_count": true}}}}}},
      {{"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function",
        "name": "f", "change": {{"actions": ["no-op"],
          "before": {{"function_name": "f", "memory_size": 128}},
          "after": {{"function_name": "f", "memory_size": 128}}}}}},
      {{"address": "aws_lambda_event_source_mapping.m", "mode": "managed",
        "type": "aws_lambda_event_source_mapping", "name": "m", "change": {{"actions": ["no-op"],
          "before": {{"event_source_arn": "{EVENTS_ARN}", "function_name": "f"}},
          "after": {{"event_source_arn": "{EVENTS_ARN}", "function_name": "f"}}}}}}]}}"#
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let e = priced(
        &i,
        "[\"aws_lambda_event_source_mapping.m\"]\nduration_ms = 100\n",
    );
    let stream = cost(&e, "aws_kinesis_stream.events");
    assert_eq!(stream.needs_usage, ["shards", "records", "size_kb"]);
    let m = cost(&e, "aws_lambda_event_source_mapping.m");
    assert_eq!((m.before_monthly_usd, m.monthly_usd), (None, None));
    assert!(m.needs_usage.is_empty());
    assert_eq!(
        m.notes,
        [infra::Note::StreamNeedsUsage {
            stream: "aws_kinesis_stream.events".to_string()
        }]
    );
}

/// A mapping in another region than its stream (its provider's): its function is priced there,
/// and the stream pays the transfer out to it.
#[test]
fn a_mapping_in_another_region_is_priced_there_and_its_stream_pays_the_transfer() {
    let plan = format!(
        r#"{{"resource_changes": [
      {{"address": "aws_kinesis_stream.events", "mode": "managed", "type": "aws_kinesis_stream",
        "name": "events", "change": {{"actions": ["create"], "before": null,
          "after": {{"shard_count": 1, "arn": "{EVENTS_ARN}", "region": "us-east-1"}}}}}},
      {{"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function",
        "name": "f", "change": {{"actions": ["create"], "before": null,
          "after": {{"function_name": "f", "memory_size": 128, "region": "us-east-2"}}}}}},
      {{"address": "aws_lambda_event_source_mapping.m", "mode": "managed",
        "type": "aws_lambda_event_source_mapping", "name": "m", "change": {{"actions": ["create"],
          "before": null, "after": {{"event_source_arn": "{EVENTS_ARN}", "function_name": "f",
          "region": "us-east-2"}}}}}}]}}"#
    );
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.events\"]\nrecords = 100\nsize_kb = 1\n\n\
         [\"aws_lambda_event_source_mapping.m\"]\nduration_ms = 100\n",
        "usage.toml",
    )
    .unwrap();
    let e = infra::price(&i, &usage, None, &testing::deck_book(), Options::default()).unwrap();
    let m = cost(&e, "aws_lambda_event_source_mapping.m");
    assert_eq!(m.region.as_deref(), Some("us-east-2"));
    // 100 records/s in batches of 100: 2,628,000 invocations x 0.0000002 = 0.53.
    assert_eq!(items(m)[0], ("lambda_requests", 53));
    // 100 x 1 KB x 2,628,000 / 1,048,576 = 250.63 GB read from us-east-2, x 0.01 = 2.51.
    let stream = cost(&e, "aws_kinesis_stream.events");
    assert_eq!(around_items(stream), [("transfer_us_east", 2_51)]);
}

/// A mapping in a region without Lambda's prices is not priced and says why, before any of its
/// traffic is worked out; its stream still is.
#[test]
fn a_mapping_in_a_region_without_lambda_prices_says_so() {
    let plan = mapping_plan("").replace("us-east-1", "eu-central-1");
    let i = terraform::parse(&plan, "plan.json").unwrap();
    let usage = Usage::parse(
        "[\"aws_kinesis_stream.events\"]\nrecords = 100\nsize_kb = 1\n\n\
         [\"aws_lambda_event_source_mapping.m\"]\nduration_ms = 100\n",
        "usage.toml",
    )
    .unwrap();
    let e = infra::price(
        &i,
        &usage,
        Some("eu-central-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    let m = cost(&e, "aws_lambda_event_source_mapping.m");
    assert_eq!(m.monthly_usd, None);
    match m.notes.last() {
        Some(infra::Note::NoPrice { reason }) => assert!(
            reason.starts_with("region eu-central-1 has no price for Lambda request"),
            "{reason}"
        ),
        other => panic!("{other:?}"),
    }
    // The stream's 730 shard-hours x 0.018 = 13.14, and 262,800,000 PUT payload units
    // x 0.0000000175 = 4.599 -> 4.60: 17.74.
    assert_eq!(
        cost(&e, "aws_kinesis_stream.events")
            .monthly_usd
            .unwrap()
            .cents(),
        17_74
    );
}
