//! Price books for tests and doctests of the core alone. Real prices, with provenance, live in the
//! `kcost-pricing` crate; these carry the deck's us-east-2 and eu-central-1 figures so that the
//! core's own tests need no TOML.

use std::collections::BTreeMap;

use arcstr::{literal, ArcStr};

use crate::notes::{
    AnalyticsAssumption, AnalyticsWarning, AroundAssumption, AroundWarning, CapacityWarning,
    ConsumerAssumption, FirehoseAssumption, FirehoseWarning, StreamAssumption, StreamWarning,
    TrafficAssumption, TrafficWarning,
};
use crate::price::{Confidence, Price, PriceBook, PriceKey, RegionPrices};

/// A fixture price. Its texts are literals, as the built-in tables' are, so that an estimate
/// copies them without counting (benchmarks price with these).
fn price(usd: f64, confidence: Confidence) -> Price {
    Price {
        usd,
        source: literal!("test fixture (kinesis-facts section 3)"),
        as_of: literal!("2021-04"),
        confidence,
    }
}

/// A region with a shard-hour and a PUT payload unit price.
pub fn region(code: &str, shard_hour: f64, put_unit: f64, confidence: Confidence) -> RegionPrices {
    region_of(code.into(), shard_hour, put_unit, confidence)
}

/// [`region`] with its code as a literal.
fn region_of(code: ArcStr, shard_hour: f64, put_unit: f64, confidence: Confidence) -> RegionPrices {
    let mut prices = BTreeMap::new();
    prices.insert(PriceKey::KdsShardHour, price(shard_hour, confidence));
    prices.insert(PriceKey::KdsPutPayloadUnit, price(put_unit, confidence));
    RegionPrices {
        name: code.clone(),
        code,
        prices,
        discount_bp: None,
    }
}

/// us-east-1 with every price of kinesis-facts section 3: provisioned, on-demand Standard and
/// Advantage (the Advantage shared data-out price is secondary there, and here).
pub fn full_region(code: &str) -> RegionPrices {
    full_region_of(code.into())
}

/// [`full_region`] with its code as a literal.
fn full_region_of(code: ArcStr) -> RegionPrices {
    use PriceKey::*;
    let mut r = region_of(code, 0.015, 0.000000014, Confidence::Confirmed);
    let all = [
        (KdsExtendedRetentionShardHour, 0.020),
        (KdsLongTermRetentionGbMonth, 0.023),
        (KdsLongTermRetrievalGb, 0.021),
        (KdsEfoConsumerShardHour, 0.015),
        (KdsEfoRetrievalGb, 0.013),
        (KdsOnDemandStreamHour, 0.04),
        (KdsOnDemandDataInGb, 0.08),
        (KdsOnDemandDataOutGb, 0.04),
        (KdsOnDemandEfoDataOutGb, 0.05),
        (KdsOnDemandExtendedRetentionGbMonth, 0.10),
        (KdsOnDemandLongTermRetentionGbMonth, 0.023),
        (KdsAdvantageDataInGb, 0.032),
        (KdsAdvantageEfoDataOutGb, 0.016),
        (KdsAdvantageRetentionGbMonth, 0.023),
        (KdaKpuHour, 0.11),
        (KdaRunningStorageGbMonth, 0.10),
        (KdaBackupGbMonth, 0.023),
    ];
    for (key, usd) in all {
        r.prices.insert(key, price(usd, Confidence::Confirmed));
    }
    r.prices
        .insert(KdsAdvantageDataOutGb, price(0.016, Confidence::Secondary));
    add_around(&mut r);
    r
}

/// The prices around a stream in us-east-1 and us-east-2 (as the pricing tables hold them): CloudWatch
/// metric tiers, KMS, NAT gateway, interface endpoint, inter-region transfer, Lambda, DynamoDB
/// on-demand. Secondary, as the tables hold them.
pub fn add_around(r: &mut RegionPrices) {
    use PriceKey::*;
    for (key, usd) in [
        (CloudwatchMetricTier1, 0.30),
        (CloudwatchMetricTier2, 0.10),
        (CloudwatchMetricTier3, 0.05),
        (CloudwatchMetricTier4, 0.02),
        (KmsKeyMonth, 1.0),
        (KmsRequest, 0.000003),
        (NatGatewayHour, 0.045),
        (NatGatewayGb, 0.045),
        (VpcEndpointAzHour, 0.01),
        (VpcEndpointGb, 0.01),
        (InterRegionOutGb, 0.02),
        (InterRegionUsEastGb, 0.01),
        (LambdaRequest, 0.0000002),
        (LambdaGbSecondX86, 0.0000166667),
        (LambdaGbSecondArm, 0.0000133334),
        (DynamodbWriteRequestUnit, 0.000000625),
        (DynamodbReadRequestUnit, 0.000000125),
        (DynamodbStorageGbMonth, 0.25),
    ] {
        r.prices.insert(key, price(usd, Confidence::Secondary));
    }
}

/// eu-west-2 with the analytics and Firehose prices of kinesis-facts section 3, and (for tests of
/// dynamic partitioning) us-east-2's secondary dynamic-partitioning prices.
pub fn london() -> RegionPrices {
    use PriceKey::*;
    let mut r = region_of(literal!("eu-west-2"), 0.0, 0.0, Confidence::Confirmed);
    r.prices.clear();
    let confirmed = [
        (KdaKpuHour, 0.127),
        (KdaRunningStorageGbMonth, 0.116),
        (KdaBackupGbMonth, 0.024),
        (FirehoseIngestTier1Gb, 0.035),
        (FirehoseIngestTier2Gb, 0.030),
        (FirehoseIngestTier3Gb, 0.024),
        (FirehoseFormatConversionGb, 0.021),
        (FirehoseVpcGb, 0.01),
        (FirehoseVpcAzHour, 0.011),
    ];
    for (key, usd) in confirmed {
        r.prices.insert(key, price(usd, Confidence::Confirmed));
    }
    for (key, usd) in [
        (FirehoseDynamicPartitioningGb, 0.02),
        (FirehoseS3ObjectsThousand, 0.005),
        (FirehoseJqHour, 0.07),
    ] {
        r.prices.insert(key, price(usd, Confidence::Secondary));
    }
    r
}

/// us-east-1 with every price ([`full_region`]), eu-west-2 ([`london`]), us-east-2 (0.015, 0.000000014, confirmed, and
/// the prices around a stream) and eu-central-1 (0.018, 0.0000000175, derived).
pub fn deck_book() -> PriceBook {
    let mut ohio = region_of(
        literal!("us-east-2"),
        0.015,
        0.000000014,
        Confidence::Confirmed,
    );
    add_around(&mut ohio);
    let frankfurt = region_of(
        literal!("eu-central-1"),
        0.018,
        0.0000000175,
        Confidence::Derived,
    );
    let regions = [
        full_region_of(literal!("us-east-1")),
        london(),
        ohio,
        frankfurt,
    ];
    PriceBook {
        regions: regions
            .into_iter()
            .map(|r| (r.code.to_string(), r))
            .collect(),
    }
}

/// One message of every kind the core words through a face: every warning, assumption and error
/// variant (each `match` below fails to compile when a variant is added without a sample).
/// Tests render them through each face and hold each face to its own words.
pub fn every_message() -> Vec<crate::notes::Message> {
    use crate::notes::Message;
    warning_samples()
        .into_iter()
        .map(Message::Warning)
        .chain(assumption_samples().into_iter().map(Message::Assumption))
        .chain(error_samples().into_iter().map(Message::Error))
        .collect()
}

/// The warnings of real traffic, the current form and Advantage's commitment.
fn traffic_and_account_warnings() -> Vec<crate::notes::Warning> {
    use crate::notes::Warning;
    vec![
        Warning::Traffic(TrafficWarning::Throttled { count: 12.0 }),
        Warning::Capacity(CapacityWarning::CurrentFormRecords {
            records_per_second: 5000.0,
            shards: 2,
        }),
        Warning::Capacity(CapacityWarning::ShardsBelowNeed {
            shards: 4,
            needed: 10,
        }),
        Warning::Capacity(CapacityWarning::ShardsAboveNeed {
            shards: 60,
            needed: 10,
            saving_usd: crate::calc::money::Money::from_cents(131_400),
        }),
        Warning::Around(AroundWarning::EndpointInstead {
            nat_usd: crate::calc::money::Money::from_cents(11_278),
            endpoint_usd: crate::calc::money::Money::from_cents(3_966),
            azs: 2,
            sides: (true, false),
        }),
        Warning::Traffic(TrafficWarning::HotShard {
            shard: "shardId-000000000001".into(),
            at: "2026-11-24 06:00 UTC".into(),
            mb_per_second: 1.4,
            records_per_second: 900.0,
        }),
        Warning::Traffic(TrafficWarning::MetricsBurst {
            at: "2026-11-24 06:00 UTC".into(),
            ratio: 4.4,
        }),
        Warning::Stream(StreamWarning::AdvantageCommitment {
            region: "us-east-1".into(),
            commitment_usd: crate::calc::money::Money::from_cents(307_969),
            use_percent: 0.39,
        }),
    ]
}

/// One warning of every kind.
fn warning_samples() -> Vec<crate::notes::Warning> {
    use crate::notes::Warning;
    use crate::read::rate::Rate;
    let rate = Rate::new(1.0, crate::read::rate::Per::Month).unwrap_or(Rate {
        count: 1.0,
        per: crate::read::rate::Per::Month,
    });
    let mut warnings = vec![
        Warning::OldPrices {
            count: 2,
            oldest: "2021-04".into(),
            months: 12,
        },
        Warning::UnconfirmedPrice {
            region: "us-east-1".into(),
            key: PriceKey::KdsShardHour,
            usd: 0.015,
            confidence: Confidence::Derived,
            source: "test".into(),
        },
        Warning::Stream(StreamWarning::RateRoundsToZero(rate)),
        Warning::Stream(StreamWarning::PayloadUnitFloor { size_kb: 0.1 }),
        Warning::Stream(StreamWarning::LargeRecords { size_kb: 2048.0 }),
        Warning::Stream(StreamWarning::ReadsWithoutLongTermData {
            retention_hours: 24.0,
        }),
        Warning::Stream(StreamWarning::LongTermReadsNotPriced { mode: "on-demand" }),
        Warning::Capacity(CapacityWarning::HotKeyUnfixable {
            mb_per_second: 2.0,
            records_per_second: 2000.0,
        }),
        Warning::Capacity(CapacityWarning::HotKeyReads {
            mb_per_second: 1.0,
            consumers: 3,
        }),
        Warning::Capacity(CapacityWarning::OnDemandNewStream {
            peak_mb_per_second: 8.0,
        }),
        Warning::Capacity(CapacityWarning::OnDemandBurst { ratio: 3.0 }),
        Warning::Analytics(AnalyticsWarning::SqlRetired),
        Warning::Firehose(FirehoseWarning::VpcRatioAboveOne { ratio: 1.3 }),
        Warning::Analytics(AnalyticsWarning::SqlHasNoStorage),
        Warning::Analytics(AnalyticsWarning::StudioOrchestrationSecondary),
        Warning::Firehose(FirehoseWarning::FirehoseRounding {
            sent_gb: 1.0,
            billed_gb: 2.0,
        }),
        Warning::Stream(StreamWarning::SlowConsumers {
            consumers: 10,
            delay_ms: 2000.0,
            efo_change_usd: None,
        }),
        Warning::Stream(StreamWarning::SlowConsumers {
            consumers: 10,
            delay_ms: 2000.0,
            efo_change_usd: Some(crate::calc::money::Money::from_cents(-5)),
        }),
    ];
    warnings.extend(traffic_and_account_warnings());
    warnings.iter().for_each(warning_covered);
    warnings
}

/// One assumption of every kind.
fn assumption_samples() -> Vec<crate::notes::Assumption> {
    use crate::notes::Assumption;
    let mut assumptions = vec![
        Assumption::DefaultRegion {
            code: "us-east-1".into(),
            name: "US East (N. Virginia)".into(),
        },
        Assumption::Stream(StreamAssumption::DefaultConsumers(1)),
        Assumption::Stream(StreamAssumption::SteadyTraffic),
        Assumption::Analytics(AnalyticsAssumption::OrchestrationAllMonth { kpus: 1.0 }),
        Assumption::Analytics(AnalyticsAssumption::StorageIncluded),
        Assumption::Analytics(AnalyticsAssumption::StorageAllMonth {
            hours_per_day: 12.0,
        }),
        Assumption::Firehose(FirehoseAssumption::FirehoseFromStream { stream: "s".into() }),
        Assumption::Firehose(FirehoseAssumption::DefaultObjectSize { mb: 128.0 }),
        Assumption::Firehose(FirehoseAssumption::DefaultBufferInterval { seconds: 300.0 }),
        Assumption::Firehose(FirehoseAssumption::FirehoseTiersPerStream),
        Assumption::Stream(StreamAssumption::CurrentFormSizing {
            buffer_percent: 20.0,
            default_buffer: true,
        }),
        Assumption::Stream(StreamAssumption::AdvantageAlone {
            region: "us-east-1".into(),
        }),
        Assumption::Stream(StreamAssumption::AdvantageShared { streams: 2 }),
        Assumption::Traffic(TrafficAssumption::MonthFromMetrics {
            hours: 168.0,
            data_in_gb: (1.0, 2.0),
        }),
    ];
    assumptions.extend(around_assumption_samples());
    for a in &assumptions {
        match a {
            Assumption::DefaultRegion { .. }
            | Assumption::Stream(StreamAssumption::DefaultConsumers(_))
            | Assumption::Stream(StreamAssumption::SteadyTraffic)
            | Assumption::Analytics(AnalyticsAssumption::OrchestrationAllMonth { .. })
            | Assumption::Analytics(AnalyticsAssumption::StorageIncluded)
            | Assumption::Analytics(AnalyticsAssumption::StorageAllMonth { .. })
            | Assumption::Firehose(FirehoseAssumption::FirehoseFromStream { .. })
            | Assumption::Firehose(FirehoseAssumption::DefaultObjectSize { .. })
            | Assumption::Firehose(FirehoseAssumption::DefaultBufferInterval { .. })
            | Assumption::Firehose(FirehoseAssumption::FirehoseTiersPerStream)
            | Assumption::Stream(StreamAssumption::CurrentFormSizing { .. })
            | Assumption::Stream(StreamAssumption::AdvantageAlone { .. })
            | Assumption::Stream(StreamAssumption::AdvantageShared { .. })
            | Assumption::Traffic(TrafficAssumption::MonthFromMetrics { .. })
            | Assumption::Around(AroundAssumption::OnDemandShards { .. })
            | Assumption::Around(AroundAssumption::MetricTiersAlone)
            | Assumption::Around(AroundAssumption::KmsRequests { .. })
            | Assumption::Around(AroundAssumption::NatHoursElsewhere)
            | Assumption::Around(AroundAssumption::PricedApart { .. })
            | Assumption::Around(AroundAssumption::ManagedReaders { .. })
            | Assumption::Around(AroundAssumption::CrossRegionReaders { .. })
            | Assumption::Consumer(ConsumerAssumption::LambdaInvocations { .. })
            | Assumption::Consumer(ConsumerAssumption::KclTables { .. })
            | Assumption::Around(AroundAssumption::Endpoint { .. }) => {}
        }
    }
    assumptions
}

/// One assumption of every kind about what is around a stream.
fn around_assumption_samples() -> Vec<crate::notes::Assumption> {
    use crate::notes::Assumption;
    let mut assumptions = vec![
        Assumption::Around(AroundAssumption::OnDemandShards { shards: 4 }),
        Assumption::Around(AroundAssumption::MetricTiersAlone),
        Assumption::Around(AroundAssumption::KmsRequests {
            key: crate::around::KmsKey::Aws,
            credentials: None,
        }),
        Assumption::Around(AroundAssumption::KmsRequests {
            key: crate::around::KmsKey::Customer,
            credentials: Some(4),
        }),
        Assumption::Around(AroundAssumption::NatHoursElsewhere),
        Assumption::Around(AroundAssumption::ManagedReaders { readers: 2 }),
        Assumption::Around(AroundAssumption::CrossRegionReaders { readers: 10 }),
        Assumption::Consumer(ConsumerAssumption::LambdaInvocations { window_s: 1.0 }),
        Assumption::Consumer(ConsumerAssumption::KclTables {
            version: 3,
            checkpoint_s: 60.0,
        }),
        Assumption::Around(AroundAssumption::Endpoint {
            azs: 2,
            default_azs: true,
        }),
    ];
    assumptions.extend(
        [
            crate::around::Part::NatHours,
            crate::around::Part::EndpointHours,
            crate::around::Part::KeyMonth,
        ]
        .map(|part| Assumption::Around(AroundAssumption::PricedApart { part })),
    );
    assumptions
}

/// One input error of every kind.
fn input_error_samples() -> Vec<crate::error::InputError> {
    use crate::error::InputError as I;
    let text = || "x".to_string();
    let what = "record rate";
    let inputs = vec![
        I::Empty { what },
        I::NotANumber { what, text: text() },
        I::NotFinite { what, text: text() },
        I::Negative { what, text: text() },
        I::NotWhole { what, text: text() },
        I::RateUnit {
            text: text(),
            unit: text(),
        },
        I::ZeroSize { what },
        I::RecordTooLarge { what, kb: 20_000.0 },
        I::NeedsMaxRecordSize { kb: 2048.0 },
        I::OverMaxRecordSize {
            kb: 4096.0,
            max: 2048.0,
        },
        I::Retention { text: text() },
        I::Share { text: text() },
        I::Utilization { text: text() },
        I::Growth { text: text() },
        I::Months { months: 0 },
        I::PeakBelowAverage {
            peak: text(),
            average: text(),
        },
        I::Aggregate {
            kb: 0.0,
            max: 1024.0,
        },
        I::Mode { text: text() },
        I::Rounding { text: text() },
        I::Engine { text: text() },
        I::KpuHoursUnit { text: text() },
        I::HoursPerDay { text: text() },
        I::OutOfRange {
            what: "buffer interval",
            text: text(),
            range: "from 60 to 900 seconds",
        },
        I::FirehoseSource { text: text() },
        I::Discount { text: text() },
        I::PriceAge { text: text() },
        I::SweepRange { text: text() },
        I::SweepSteps { steps: 1 },
        I::SweepLogFromZero,
        I::ZeroCount { what },
        I::FirehoseRecordTooLarge { kb: 2000.0 },
        I::NotPositive { what, text: text() },
        I::VpcRatio { text: text() },
        I::Form { text: text() },
        I::ShardCount { text: text() },
        I::Period { text: text() },
        I::Profile { why: text() },
        I::Scaling { text: text() },
        I::ProfileAndPeak,
        I::ScheduledNeedsProfile,
        I::ShardsNeedProvisioned,
        I::ShardsAndSchedule,
        I::Buffer { text: text() },
        I::BufferNeedsCurrentForm,
        I::UtilizationInCurrentForm { percent: 80.0 },
        I::EfoLimit {
            given: 30,
            limit: 20,
            mode: "provisioned",
            instead: Some(("advantage", 50)),
        },
    ];
    let inputs: Vec<I> = inputs.into_iter().chain(around_error_samples()).collect();
    inputs.iter().for_each(input_error_covered);
    inputs
}

/// One error of every kind, input errors included.
fn error_samples() -> Vec<crate::error::Error> {
    use crate::error::Error;
    let inputs = input_error_samples();
    let mut errors: Vec<Error> = inputs.into_iter().map(Error::Input).collect();
    let missing = |elsewhere| Error::MissingPrice {
        region: "us-east-1".into(),
        key: "kds_shard_hour",
        item: "shard-hour",
        elsewhere,
    };
    errors.extend([
        Error::UnknownRegion {
            region: "mars-1".into(),
            known: "us-east-1".into(),
            suggestion: None,
        },
        Error::UnknownRegion {
            region: "US-EAST-1".into(),
            known: "us-east-1".into(),
            suggestion: Some("us-east-1".into()),
        },
        missing(None),
        missing(Some(Vec::new())),
        missing(Some(vec!["us-east-2".into()])),
        Error::OutOfRange {
            step: "ingress_rate",
            value: 1e300,
        },
        Error::MixedOnDemand {
            region: "us-east-1".into(),
            standard: 1,
            advantage: 2,
        },
        Error::NoTraffic {
            points: 0,
            period_s: 3600,
        },
    ]);
    for e in &errors {
        match e {
            Error::Input(_)
            | Error::UnknownRegion { .. }
            | Error::MissingPrice { .. }
            | Error::OutOfRange { .. }
            | Error::MixedOnDemand { .. }
            | Error::NoTraffic { .. } => {}
        }
    }
    errors
}

/// The errors of what is around a stream.
fn around_error_samples() -> Vec<crate::error::InputError> {
    use crate::error::InputError as I;
    vec![
        I::NotOf {
            input: crate::input::Input::JqHours,
            of: "a stream",
        },
        I::Choice {
            what: "producer network",
            text: "x".to_string(),
            choices: "public, nat or endpoint",
        },
        I::ShardMetrics {
            text: "x".to_string(),
        },
        I::Range {
            what: "duration (ms)",
            text: "x".to_string(),
            range: "more than 0 and at most 900,000 (15 minutes)",
        },
        I::CountRange {
            what: "NAT gateway count",
            text: "x".to_string(),
            low: 1,
            high: 100,
        },
        I::Needs {
            input: crate::Input::KmsKey,
            needs: (crate::Input::Encryption, "kms"),
            or: None,
        },
        I::Needs {
            input: crate::Input::NatGateways,
            needs: (crate::Input::ProducerNetwork, "nat"),
            or: Some(crate::Input::ConsumerNetwork),
        },
    ]
}

/// Fails to compile when a variant has no sample above.
fn input_error_covered(i: &crate::error::InputError) {
    use crate::error::InputError as I;
    match i {
        I::Empty { .. }
        | I::NotANumber { .. }
        | I::NotFinite { .. }
        | I::Negative { .. }
        | I::NotWhole { .. }
        | I::RateUnit { .. }
        | I::ZeroSize { .. }
        | I::RecordTooLarge { .. }
        | I::NeedsMaxRecordSize { .. }
        | I::OverMaxRecordSize { .. }
        | I::Retention { .. }
        | I::Share { .. }
        | I::Utilization { .. }
        | I::Growth { .. }
        | I::Months { .. }
        | I::PeakBelowAverage { .. }
        | I::Aggregate { .. }
        | I::Mode { .. }
        | I::Rounding { .. }
        | I::Engine { .. }
        | I::KpuHoursUnit { .. }
        | I::HoursPerDay { .. }
        | I::OutOfRange { .. }
        | I::FirehoseSource { .. }
        | I::Discount { .. }
        | I::PriceAge { .. }
        | I::SweepRange { .. }
        | I::SweepSteps { .. }
        | I::SweepLogFromZero
        | I::ZeroCount { .. }
        | I::FirehoseRecordTooLarge { .. }
        | I::NotPositive { .. }
        | I::VpcRatio { .. }
        | I::Form { .. }
        | I::ShardCount { .. }
        | I::Period { .. }
        | I::Profile { .. }
        | I::Scaling { .. }
        | I::ProfileAndPeak
        | I::NotOf { .. }
        | I::ScheduledNeedsProfile
        | I::ShardsNeedProvisioned
        | I::ShardsAndSchedule
        | I::Buffer { .. }
        | I::BufferNeedsCurrentForm
        | I::UtilizationInCurrentForm { .. }
        | I::EfoLimit { .. }
        | I::Choice { .. }
        | I::ShardMetrics { .. }
        | I::Range { .. }
        | I::CountRange { .. }
        | I::Needs { .. } => {}
    }
}

/// Fails to compile when a variant has no sample above.
fn warning_covered(w: &crate::notes::Warning) {
    use crate::notes::Warning;
    match w {
        Warning::OldPrices { .. }
        | Warning::UnconfirmedPrice { .. }
        | Warning::Stream(StreamWarning::RateRoundsToZero(_))
        | Warning::Stream(StreamWarning::PayloadUnitFloor { .. })
        | Warning::Stream(StreamWarning::LargeRecords { .. })
        | Warning::Stream(StreamWarning::ReadsWithoutLongTermData { .. })
        | Warning::Stream(StreamWarning::LongTermReadsNotPriced { .. })
        | Warning::Capacity(CapacityWarning::HotKeyUnfixable { .. })
        | Warning::Capacity(CapacityWarning::HotKeyReads { .. })
        | Warning::Capacity(CapacityWarning::OnDemandNewStream { .. })
        | Warning::Capacity(CapacityWarning::OnDemandBurst { .. })
        | Warning::Stream(StreamWarning::AdvantageCommitment { .. })
        | Warning::Traffic(TrafficWarning::Throttled { .. })
        | Warning::Capacity(CapacityWarning::CurrentFormRecords { .. })
        | Warning::Capacity(CapacityWarning::ShardsBelowNeed { .. })
        | Warning::Capacity(CapacityWarning::ShardsAboveNeed { .. })
        | Warning::Around(AroundWarning::EndpointInstead { .. })
        | Warning::Traffic(TrafficWarning::HotShard { .. })
        | Warning::Traffic(TrafficWarning::MetricsBurst { .. })
        | Warning::Analytics(AnalyticsWarning::SqlRetired)
        | Warning::Firehose(FirehoseWarning::VpcRatioAboveOne { .. })
        | Warning::Analytics(AnalyticsWarning::SqlHasNoStorage)
        | Warning::Analytics(AnalyticsWarning::StudioOrchestrationSecondary)
        | Warning::Firehose(FirehoseWarning::FirehoseRounding { .. })
        | Warning::Stream(StreamWarning::SlowConsumers { .. }) => {}
    }
}
