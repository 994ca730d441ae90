//! Price books for tests and doctests of the core alone. Real prices, with provenance, live in the
//! `kcost-pricing` crate; these carry the deck's us-east-2 and eu-central-1 figures so that the
//! core's own tests need no TOML.

use std::collections::BTreeMap;

use crate::price::{Confidence, Price, PriceBook, PriceKey, RegionPrices};

fn price(usd: f64, confidence: Confidence) -> Price {
    Price {
        usd,
        source: "test fixture (kinesis-facts section 3)".into(),
        as_of: "2021-04".into(),
        confidence,
    }
}

/// A region with a shard-hour and a PUT payload unit price.
pub fn region(code: &str, shard_hour: f64, put_unit: f64, confidence: Confidence) -> RegionPrices {
    let mut prices = BTreeMap::new();
    prices.insert(PriceKey::KdsShardHour, price(shard_hour, confidence));
    prices.insert(PriceKey::KdsPutPayloadUnit, price(put_unit, confidence));
    RegionPrices {
        code: code.into(),
        name: code.into(),
        prices,
        discount_bp: None,
    }
}

/// us-east-1 with every price of kinesis-facts section 3: provisioned, on-demand Standard and
/// Advantage (the Advantage shared data-out price is secondary there, and here).
pub fn full_region(code: &str) -> RegionPrices {
    use PriceKey::*;
    let mut r = region(code, 0.015, 0.000000014, Confidence::Confirmed);
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
    r
}

/// eu-west-2 with the analytics and Firehose prices of kinesis-facts section 3, and (for tests of
/// dynamic partitioning) us-east-2's secondary dynamic-partitioning prices.
pub fn london() -> RegionPrices {
    use PriceKey::*;
    let mut r = region("eu-west-2", 0.0, 0.0, Confidence::Confirmed);
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

/// us-east-1 with every price ([`full_region`]), eu-west-2 ([`london`]), us-east-2 (0.015, 0.000000014, confirmed) and
/// eu-central-1 (0.018, 0.0000000175, derived).
pub fn deck_book() -> PriceBook {
    let regions = [
        full_region("us-east-1"),
        london(),
        region("us-east-2", 0.015, 0.000000014, Confidence::Confirmed),
        region("eu-central-1", 0.018, 0.0000000175, Confidence::Derived),
    ];
    PriceBook {
        regions: regions
            .into_iter()
            .map(|r| (r.code.to_string(), r))
            .collect(),
    }
}
