//! Assumptions and warnings attached to an estimate. They are kept as data and written out only
//! when shown, so that bulk estimates pay nothing for words nobody reads; JSON carries the words.

use std::fmt;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::price::{Confidence, PriceKey};
use crate::rate::Rate;

/// Something the estimate assumed because the user did not say.
#[derive(Debug, Clone, PartialEq)]
pub enum Assumption {
    /// No region was given; this one was used.
    DefaultRegion { code: Arc<str>, name: Arc<str> },
    /// No consumer count was given; this many shared-throughput consumers were used.
    DefaultConsumers(u32),
    /// Traffic is taken as steady at the average rate.
    SteadyTraffic,
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Assumption::DefaultRegion { code, name } => write!(f, "region not given: {code} ({name})"),
            Assumption::DefaultConsumers(n) => {
                let s = if *n == 1 { "" } else { "s" };
                write!(f, "consumers not given: {n} shared-throughput consumer application{s}")
            }
            Assumption::SteadyTraffic => f.write_str(
                "traffic is steady at the given average rate; shards are sized for it, with no headroom",
            ),
        }
    }
}

/// Something the user should know about an estimate.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// A price used is derived or secondary, not confirmed.
    UnconfirmedPrice {
        region: Arc<str>,
        key: PriceKey,
        usd: f64,
        confidence: Confidence,
        source: Arc<str>,
    },
    /// A positive rate rounds to 0.00 records/s under the calculator policy.
    RateRoundsToZero(Rate),
    /// The calculator's rounded payload fraction shows 0.00; kcost bills one unit per record.
    PayloadUnitFloor { size_kb: f64 },
    /// Records over 1 MiB need the stream's maximum record size raised.
    LargeRecords { size_kb: f64 },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnconfirmedPrice {
                region,
                key,
                usd,
                confidence,
                source,
            } => write!(
                f,
                "the {region} price per {} ({usd} USD) is {confidence}, not confirmed: {source}",
                key.unit()
            ),
            Warning::RateRoundsToZero(rate) => write!(
                f,
                "{rate} rounds to 0.00 records per second in the calculator's rounding, so it is \
                 priced as no traffic; use --rounding exact to price it"
            ),
            Warning::PayloadUnitFloor { size_kb } => write!(
                f,
                "a {size_kb} KB record shows as 0.00 payload units in the calculator's rounding, \
                 which would price PUTs at zero; AWS bills every record at least one 25 KB unit, \
                 so kcost uses 1"
            ),
            Warning::LargeRecords { size_kb } => write!(
                f,
                "records of {size_kb} KB are over the default 1 MiB maximum record size; raise the \
                 stream's maximum record size (Kinesis allows up to 10 MiB since 2025-10-28)"
            ),
        }
    }
}

macro_rules! serialize_as_text {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}

serialize_as_text!(Assumption, Warning);
