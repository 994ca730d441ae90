//! The result of an estimate: what the CLI prints as a table, JSON, CSV or Markdown, and what the
//! page renders. Its serde form *is* kcost's JSON schema.

use std::sync::Arc;

use serde::Serialize;

use crate::calc::Rounding;
use crate::money::Money;
use crate::notes::{Assumption, Warning};
use crate::price::{Confidence, Price, PriceKey};
use crate::rate::Rate;
use crate::trace::Step;

/// The AWS service an estimate prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Service {
    /// Amazon Kinesis Data Streams.
    KinesisDataStreams,
}

impl Service {
    /// The service's name in words.
    pub const fn title(self) -> &'static str {
        match self {
            Service::KinesisDataStreams => "Kinesis Data Streams",
        }
    }
}

/// The capacity mode of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Shards sized by the user, billed per shard-hour and PUT payload unit.
    Provisioned,
}

impl Mode {
    /// The mode's name as the CLI writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Mode::Provisioned => "provisioned",
        }
    }
}

/// The inputs the estimate used, after defaults and unit conversion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inputs {
    /// The record rate as entered.
    pub records: Rate,
    /// The record rate per second the estimate used (rounded to 2 decimals by the calculator
    /// policy when it was entered per minute, hour, day or month).
    pub records_per_second: f64,
    /// Average record size in KB (1 KB = 1024 bytes).
    pub size_kb: f64,
    /// Shared-throughput consumer applications.
    pub consumers: u32,
}

/// The shard needs and count, as shown (rounded under the calculator policy).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shards {
    /// Shards needed for the write throughput (1 MB/s each).
    pub ingress: f64,
    /// Shards needed for the shared read throughput (2 MB/s each).
    pub egress: f64,
    /// Shards needed for the record rate (1,000 records/s each).
    pub records: f64,
    /// The largest of the three.
    pub needed: f64,
    /// Shards provisioned: the need rounded up, at least 1.
    pub count: u64,
}

/// Where one line's price comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriceUsed {
    /// The pricing table key.
    pub key: PriceKey,
    /// Where the figure was read or how it was obtained.
    pub source: Arc<str>,
    /// When the source gave it.
    pub as_of: Arc<str>,
    /// How sure it is.
    pub confidence: Confidence,
}

impl PriceUsed {
    pub(crate) fn new(key: PriceKey, price: &Price) -> PriceUsed {
        PriceUsed {
            key,
            source: price.source.clone(),
            as_of: price.as_of.clone(),
            confidence: price.confidence,
        }
    }
}

/// One cost line of a monthly bill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// A stable identifier (`shard_hours`).
    pub item: &'static str,
    /// The line's name in words (`Shard hours`).
    pub description: &'static str,
    /// The billed quantity per month, as the calculation used it.
    pub quantity: f64,
    /// What the quantity counts (`shard-hour`).
    pub unit: &'static str,
    /// USD per unit.
    pub unit_price_usd: f64,
    /// The line's monthly cost, rounded to cents.
    pub monthly_usd: Money,
    /// The price's provenance.
    pub price: PriceUsed,
}

/// A monthly cost estimate, with the trace of how it was computed when asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// The service priced.
    pub service: Service,
    /// The capacity mode.
    pub mode: Mode,
    /// The AWS region code.
    pub region: Arc<str>,
    /// The region's name.
    pub region_name: Arc<str>,
    /// The rounding policy used.
    pub rounding: Rounding,
    /// The inputs used.
    pub inputs: Inputs,
    /// Shard needs and count.
    pub shards: Shards,
    /// The cost lines.
    pub lines: Vec<Line>,
    /// The monthly total: the sum of the cent-rounded lines.
    pub monthly_usd: Money,
    /// Values the estimate assumed because they were not given.
    pub assumptions: Vec<Assumption>,
    /// Things the user should know: uncertain prices, limits, rounding effects.
    pub warnings: Vec<Warning>,
    /// The steps of the computation, when tracing was on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}
