//! The notes of a stream's real traffic, read from its CloudWatch metrics.

use std::fmt;

use crate::face::Face;

/// About a stream's real traffic, read from its metrics.
#[derive(Debug, Clone, PartialEq)]
pub enum TrafficAssumption {
    /// A month priced from metrics: the hours with data scaled to 730, and the bounds of the
    /// on-demand data in estimated from each period's mean record size.
    MonthFromMetrics {
        /// Hours with data.
        hours: f64,
        /// GB a month of data in: the bytes alone, and with every record rounded up a whole KB.
        data_in_gb: (f64, f64),
    },
}

impl TrafficAssumption {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, _face: &dyn Face) -> fmt::Result {
        match self {
            TrafficAssumption::MonthFromMetrics {
                hours,
                data_in_gb: (low, high),
            } => write!(
                f,
                "a month is 730 hours at the traffic of the {hours:.2} hours with data; on-demand \
                 data in is estimated from each period's mean record size rounded up to 1 KB, and \
                 lies between {low:.2} GB (the bytes alone) and {high:.2} GB (every record a whole \
                 KB more) a month"
            ),
        }
    }
}

/// About a stream's real traffic, read from its metrics.
#[derive(Debug, Clone, PartialEq)]
pub enum TrafficWarning {
    /// In the metrics, a write rate more than twice the highest of all the hours before it (after
    /// a first day): on-demand may throttle on such a jump.
    MetricsBurst {
        /// When (`2026-11-24 06:00 UTC`).
        at: String,
        /// The write rate over the highest before it.
        ratio: f64,
    },
    /// A shard-level metric shows one shard over its write capacity.
    HotShard {
        /// The shard.
        shard: String,
        /// When.
        at: String,
        /// MB written per second on it.
        mb_per_second: f64,
        /// Records written per second on it.
        records_per_second: f64,
    },
    /// The metrics show throttled writes or reads.
    Throttled {
        /// Throttled requests over the period.
        count: f64,
    },
}

impl TrafficWarning {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, _face: &dyn Face) -> fmt::Result {
        match self {
            TrafficWarning::MetricsBurst { at, ratio } => write!(
                f,
                "at {at} the write rate jumps to {ratio:.1} times the highest of all the data \
                 before it; on-demand takes up to twice its previous 30-day peak at once and may \
                 throttle beyond that, so warm it up or stay provisioned"
            ),
            TrafficWarning::HotShard {
                shard,
                at,
                mb_per_second,
                records_per_second,
            } => write!(
                f,
                "{shard} wrote {mb_per_second:.2} MB/s and {records_per_second:.0} records/s at \
                 {at}, over one shard's 1 MB/s or 1,000 records/s: its partition keys are uneven, \
                 and more shards will not help the hot one (spread the busiest keys)"
            ),
            TrafficWarning::Throttled { count } => write!(
                f,
                "the metrics show {count} throttled requests (ProvisionedThroughputExceeded): the \
                 stream refused traffic it was sent, so the traffic it was asked to carry was higher"
            ),
        }
    }
}
