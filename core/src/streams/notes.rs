//! The notes of a stream itself: what was assumed of its consumers, traffic, calculator form
//! and Advantage commitment, and the warnings about its records, retention, consumers and
//! capacity.

use std::fmt;

use arcstr::ArcStr;

use crate::calc::fixed::percent;
use crate::face::{Face, Fix};
use crate::input::Input;
use crate::read::rate::Rate;

/// About the stream itself: its consumers, traffic, capacity form and Advantage commitment.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamAssumption {
    /// No consumer count was given; this many shared-throughput consumers were used.
    DefaultConsumers(u32),
    /// Traffic is taken as steady at the average rate.
    SteadyTraffic,
    /// An Advantage stream priced alone: the whole commitment charged to it.
    AdvantageAlone {
        /// The region code.
        region: ArcStr,
    },
    /// An Advantage stream priced with its region's other Advantage streams.
    AdvantageShared {
        /// Advantage streams in the region sharing the commitment.
        streams: usize,
    },
    /// The current calculator form's provisioned sizing, from a secondary description.
    CurrentFormSizing {
        /// The buffer used, percent.
        buffer_percent: f64,
        /// Whether the buffer is the default (not given).
        default_buffer: bool,
    },
}

impl StreamAssumption {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            StreamAssumption::DefaultConsumers(n) => {
                let s = if *n == 1 { "" } else { "s" };
                write!(
                    f,
                    "consumers not given: {n} shared-throughput consumer application{s}"
                )
            }
            StreamAssumption::SteadyTraffic => write!(
                f,
                "traffic is steady at the given average rate, with no peaks (give {} for them)",
                face.input(Input::PeakRecords)
            ),
            StreamAssumption::AdvantageAlone { region } => write!(
                f,
                "the 25 MiB/s ingest and retrieval commitment is charged to this stream alone; \
                 AWS charges it once per account and region over every on-demand stream there, \
                 so with other Advantage streams in {region} it is shared: price them together in \
                 a scenario file or a batch"
            ),
            StreamAssumption::AdvantageShared { streams } => write!(
                f,
                "the account's one commitment in this region is shared by its {streams} Advantage \
                 stream(s): this stream carries the part of the shortfall in proportion to its own \
                 data in (and data out)"
            ),
            StreamAssumption::CurrentFormSizing {
                buffer_percent,
                default_buffer,
            } => {
                write!(
                    f,
                    "shards as the calculator's current form sizes them: whole shards for ingress \
                     and for reads (shared and enhanced fan-out consumers), the larger times a \
                     {buffer_percent}% buffer, no records term; that rule comes from a secondary \
                     description of the calculator, not from AWS's documentation"
                )?;
                if *default_buffer {
                    write!(
                        f,
                        " (the buffer is the default: give {})",
                        face.input(Input::Buffer)
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// About the stream: its records, retention, consumers and Advantage commitment.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamWarning {
    /// A positive rate rounds to 0.00 records/s under the calculator policy.
    RateRoundsToZero(Rate),
    /// The calculator's rounded payload fraction shows 0.00; kcost bills one unit per record.
    PayloadUnitFloor {
        /// The record size, in KB.
        size_kb: f64,
    },
    /// Records over 1 MiB need the stream's maximum record size raised.
    LargeRecords {
        /// The record size, in KB.
        size_kb: f64,
    },
    /// Long-term reads were given but retention keeps nothing beyond 7 days.
    ReadsWithoutLongTermData {
        /// The retention, in hours.
        retention_hours: f64,
    },
    /// Long-term reads were given in a mode kcost has no price for them in.
    LongTermReadsNotPriced {
        /// The capacity mode's name ("on-demand").
        mode: &'static str,
    },
    /// In a comparison: Advantage's commitment against a stream that uses little of it.
    AdvantageCommitment {
        /// The region code.
        region: ArcStr,
        /// What the commitment alone costs a month in the region, both ways.
        commitment_usd: crate::calc::money::Money,
        /// The stream's data in as a percentage of the ingest commitment.
        use_percent: f64,
    },
    /// Many shared consumers poll slowly; enhanced fan-out would be faster.
    SlowConsumers {
        /// The number of shared consumers.
        consumers: u32,
        /// About how long each consumer waits between reads, in milliseconds.
        delay_ms: f64,
        /// How the monthly cost changes with the shared consumers moved to enhanced fan-out, or
        /// `None` when the mode's fan-out limit or a missing price rules that out.
        efo_change_usd: Option<crate::calc::money::Money>,
    },
}

impl StreamWarning {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            StreamWarning::RateRoundsToZero(rate) => write!(
                f,
                "{rate} rounds to 0.00 records per second in the calculator's rounding, so it is \
                 priced as no traffic; price it with {}",
                face.fix(Fix::Set(Input::Rounding, "exact"))
            ),
            StreamWarning::PayloadUnitFloor { size_kb } => write!(
                f,
                "a {size_kb} KB record shows as 0.00 payload units in the calculator's rounding, \
                 which would price PUTs at zero; AWS bills every record at least one 25 KB unit, \
                 so kcost uses 1"
            ),
            StreamWarning::LargeRecords { size_kb } => write!(
                f,
                "records of {size_kb} KB are over the default 1 MiB maximum record size: the stream's \
                 maximum record size must be raised (Kinesis allows up to 10 MiB since 2025-10-28), \
                 and producers and consumers must accept records that large"
            ),
            StreamWarning::ReadsWithoutLongTermData { retention_hours } => write!(
                f,
                "long-term reads are priced, but a retention of {retention_hours} hours keeps no \
                 data beyond 7 days to read; check {}",
                face.input(Input::Retention)
            ),
            StreamWarning::LongTermReadsNotPriced { mode } => write!(
                f,
                "kcost has no {mode} price for reading long-term retained data; those reads are \
                 not in this estimate"
            ),
            StreamWarning::AdvantageCommitment {
                region,
                commitment_usd,
                use_percent,
            } => write!(
                f,
                "Advantage bills at least 25 MiB/s in and 25 MiB/s out per account and region, \
                 {} USD a month in {region} however little is used; this stream writes {} of it, \
                 so Advantage pays only when the account's on-demand streams in {region} together \
                 come near the commitment (it is shared by all of them: price them together in a \
                 scenario file)",
                commitment_usd.to_text(true),
                percent(*use_percent)
            ),
            StreamWarning::SlowConsumers {
                consumers,
                delay_ms,
                efo_change_usd,
            } => slow_consumers(f, *consumers, *delay_ms, *efo_change_usd),
        }
    }
}

/// About the stream's capacity: shards, hot keys and on-demand's bursts.
#[derive(Debug, Clone, PartialEq)]
pub enum CapacityWarning {
    /// The busiest key alone is over a shard's write limits.
    HotKeyUnfixable {
        /// MB per second the busiest key writes.
        mb_per_second: f64,
        /// Records per second the busiest key writes.
        records_per_second: f64,
    },
    /// Shared consumers reading the hot key's shard exceed its 2 MB/s shared read.
    HotKeyReads {
        /// MB per second each consumer reads from the hot key's shard.
        mb_per_second: f64,
        /// The number of shared consumers.
        consumers: u32,
    },
    /// A peak beyond what a new on-demand stream takes at first.
    OnDemandNewStream {
        /// The peak write rate, in MB per second.
        peak_mb_per_second: f64,
    },
    /// A peak more than twice the average: on-demand may throttle on a sudden jump.
    OnDemandBurst {
        /// The peak rate over the average rate.
        ratio: f64,
    },
    /// The current form, which has no records term, sized fewer shards than the record rate needs.
    CurrentFormRecords {
        /// Kinesis records per second at the sizing rate.
        records_per_second: f64,
        /// Shards sized.
        shards: u64,
    },
    /// A declared shard count below what the traffic needs: the stream would throttle.
    ShardsBelowNeed {
        /// Shards declared.
        shards: u64,
        /// Shards the traffic needs.
        needed: u64,
    },
    /// A declared shard count far above what the traffic needs, and what the needed count saves.
    ShardsAboveNeed {
        /// Shards declared.
        shards: u64,
        /// Shards the traffic needs.
        needed: u64,
        /// The monthly cost less at the needed count.
        saving_usd: crate::calc::money::Money,
    },
}

impl CapacityWarning {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, _face: &dyn Face) -> fmt::Result {
        match self {
            CapacityWarning::HotKeyUnfixable { mb_per_second, records_per_second } => write!(
                f,
                "the busiest partition key alone writes {mb_per_second} MB/s and \
                 {records_per_second} records/s, at or over one shard's 1 MB/s and 1,000 records/s: \
                 no shard count fixes that (a key always lands on one shard); re-key it (add a \
                 suffix to spread it) or aggregate its records"
            ),
            CapacityWarning::HotKeyReads { mb_per_second, consumers } => write!(
                f,
                "{consumers} shared consumers reading the hot key's shard at {mb_per_second} MB/s \
                 each exceed its 2 MB/s shared read capacity; use enhanced fan-out consumers"
            ),
            CapacityWarning::OnDemandNewStream { peak_mb_per_second } => write!(
                f,
                "the peak of {peak_mb_per_second} MB/s is over the 4 MB/s a new on-demand stream \
                 takes at first; it scales up over time, so warm it up or start provisioned"
            ),
            CapacityWarning::OnDemandBurst { ratio } => write!(
                f,
                "the peak is {ratio:.1} times the average; on-demand absorbs up to twice its \
                 previous 30-day peak at once and may throttle for about 15 minutes beyond that"
            ),
            CapacityWarning::CurrentFormRecords {
                records_per_second,
                shards,
            } => write!(
                f,
                "the calculator's current form has no records term: {records_per_second:.0} \
                 records/s on {shards} shard(s) is over 1,000 records/s a shard, so the stream \
                 would throttle; the 2021 form (or more shards) sizes for it"
            ),
            CapacityWarning::ShardsBelowNeed { shards, needed } => write!(
                f,
                "{shards} shard(s) declared, but the traffic needs {needed}: writes or reads over \
                 the shards' capacity would be throttled (raise the shard count)"
            ),
            CapacityWarning::ShardsAboveNeed {
                shards,
                needed,
                saving_usd,
            } => write!(
                f,
                "{shards} shards declared, but the traffic needs {needed}: {needed} would cost \
                 {} USD a month less",
                saving_usd.to_text(true)
            ),
        }
    }
}

/// Slow shared consumers, and what enhanced fan-out would change.
fn slow_consumers(
    f: &mut dyn fmt::Write,
    consumers: u32,
    delay_ms: f64,
    efo_change_usd: Option<crate::calc::money::Money>,
) -> fmt::Result {
    write!(
        f,
        "{consumers} shared consumers split each shard's 5 reads a second: each waits about \
         {delay_ms} ms between reads (over 1 s)"
    )?;
    match efo_change_usd.map(|change| change.cents()) {
        Some(0) => {
            f.write_str("; moving them to enhanced fan-out (about 70 ms) would not change the cost")
        }
        Some(cents @ 1..) => write!(
            f,
            "; moving them to enhanced fan-out (about 70 ms) would add {} USD a month",
            crate::calc::money::Money::from_cents(cents).to_text(true)
        ),
        Some(cents) => write!(
            f,
            "; moving them to enhanced fan-out (about 70 ms) would save {} USD a month",
            crate::calc::money::Money::from_cents(cents.saturating_neg()).to_text(true)
        ),
        None => f.write_str(
            "; kcost cannot price moving them to enhanced fan-out (about 70 ms) here: that is \
             over the mode's fan-out limit or the region has no fan-out prices",
        ),
    }
}
