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
    }
}

/// us-east-1 and us-east-2 (0.015, 0.000000014, confirmed) and eu-central-1 (0.018, 0.0000000175,
/// derived).
pub fn deck_book() -> PriceBook {
    let regions = [
        region("us-east-1", 0.015, 0.000000014, Confidence::Confirmed),
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
