//! What a stream costs around itself, priced only when asked for: enhanced shard-level metrics
//! (CloudWatch custom metrics), KMS requests and a customer managed key, and the network path
//! (NAT gateway or interface VPC endpoint). Their lines go on the stream's bill marked "around
//! the stream", so an estimate shows the stream and what surrounds it as two subtotals of one
//! total.

use crate::around::{Encryption, KmsKey, Network};
use crate::calc::trace::{NumFmt, Op, Term};
use crate::calc::Calc;
use crate::error::Error;
use crate::notes::Assumption;
use crate::price::PriceKey;
use crate::units::{plain, HOURS_PER_MONTH};

use crate::bill::{Bill, Notes};
use crate::notes::AroundAssumption;

mod network;

pub(crate) use network::{endpoint_hours_line, nat_hours_line};

/// Shards a new on-demand stream starts with: 4 MB/s of writes (kinesis-facts section 4).
const ON_DEMAND_MIN_SHARDS: f64 = 4.0;

/// What the lines around a stream use of it: what is around it, its record size and readers as
/// the user gave them, and what its own model worked out.
pub(crate) struct Shape {
    /// What is around the stream.
    pub(crate) around: super::Around,
    /// The record size, KB.
    pub(crate) record_kb: f64,
    /// Every application reading it, shared and enhanced fan-out.
    pub(crate) readers: u32,
    /// Whether it is provisioned (its shards are its own, not AWS's).
    pub(crate) provisioned: bool,
    /// Shards held on average through the day (provisioned).
    pub(crate) shards: Option<f64>,
    /// Average records per second.
    pub(crate) records: f64,
    /// Peak records per second, if the stream has a peak.
    pub(crate) peak: Option<f64>,
}

/// Adds the lines around the stream that `shape` asks for to `bill`.
pub(crate) fn lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    shape: &Shape,
    notes: &mut Notes,
) -> Result<(), Error> {
    let w = shape;
    // Each part is priced only when asked for; with none, nothing is added.
    let around = w.around;
    bill.around = true;
    if around.shard_metrics > 0 {
        let shards = shard_count(c, shape, notes)?;
        metrics_lines(c, bill, around.shard_metrics, shards, notes)?;
    }
    if around.encryption == Encryption::Kms {
        kms_lines(c, bill, around, notes)?;
    }
    let path = around.uses(Network::Nat) || around.uses(Network::Endpoint);
    if path || around.remote_readers.any() {
        let written = written_gb(c, w, shape.records)?;
        if path {
            network::lines(c, bill, w, written, notes)?;
        }
        transfer_lines(c, bill, around.remote_readers, written, notes)?;
    }
    bill.around = false;
    Ok(())
}

/// The shards whose metrics are billed: the provisioned count (its daily average on a
/// schedule), or for on-demand streams an estimate, since AWS chooses their shards: the 4 a new
/// stream starts with, or enough for twice the peak writes (on-demand absorbs up to double its
/// previous peak).
fn shard_count(c: &mut Calc, shape: &Shape, notes: &mut Notes) -> Result<Term, Error> {
    let w = shape;
    if let (true, Some(n)) = (shape.provisioned, shape.shards) {
        return Ok(c.term(n, 2, "shards"));
    }
    on_demand_shards(c, shape.peak.unwrap_or(shape.records), w.record_kb, notes)
}

/// An on-demand stream's shards, which AWS chooses: the 4 a new stream starts with, or enough
/// for twice the peak writes (on-demand absorbs up to double its previous peak), said so.
pub(crate) fn on_demand_shards(
    c: &mut Calc,
    peak_records_per_second: f64,
    size_kb: f64,
    notes: &mut Notes,
) -> Result<Term, Error> {
    let records = Term::new(
        peak_records_per_second,
        NumFmt::Input,
        "records per sec (peak)",
    );
    let mb = c.chain(
        "on_demand_write_mb",
        records,
        &[
            (Op::Mul, Term::new(size_kb, NumFmt::Input, "KB")),
            (Op::Div, plain(1024.0, "KB per MB")),
        ],
        2,
        "MB/sec written (peak)",
    )?;
    let by_records = c.chain(
        "on_demand_records_shards",
        records,
        &[(Op::Div, plain(1000.0, "records per second per shard"))],
        2,
        "shards for the records",
    )?;
    let (_, need) = c.max(
        "on_demand_shard_need",
        &[mb, by_records],
        &[NumFmt::Fixed(2), NumFmt::Fixed(2)],
        "shards for the peak",
    );
    let doubled = c.chain(
        "on_demand_shards_doubled",
        need,
        &[(Op::Mul, plain(2.0, "(on-demand absorbs twice its peak)"))],
        2,
        "shards",
    )?;
    let whole = c.round_up("on_demand_shards_estimate", doubled, "shards")?;
    let shards = c.at_least(
        "on_demand_shards_minimum",
        plain(ON_DEMAND_MIN_SHARDS, "shards of a new on-demand stream"),
        whole,
    );
    notes
        .assumptions
        .push(Assumption::Around(AroundAssumption::OnDemandShards {
            // A whole number below MAX_MAGNITUDE, checked by round_up.
            shards: shards.value as u64,
        }));
    Ok(shards)
}

/// CloudWatch's tiers of custom metrics a month: the first 10,000, the next 240,000, the next
/// 750,000, and the rest.
const METRIC_TIERS: [crate::bill::Tier; 4] = [
    crate::bill::Tier {
        from: 0.0,
        to: Some(10_000.0),
        key: PriceKey::CloudwatchMetricTier1,
        item: "shard_metrics",
        description: "Shard-level metrics (CloudWatch, first 10,000)",
        cost_id: "shard_metrics_cost",
        label: "Shard-level metrics cost",
        step: (
            "shard_metrics_tier1",
            "metrics in the first tier",
            "metric-months in the first tier",
        ),
        beyond: None,
    },
    crate::bill::Tier {
        from: 10_000.0,
        to: Some(250_000.0),
        key: PriceKey::CloudwatchMetricTier2,
        item: "shard_metrics_tier2",
        description: "Shard-level metrics (CloudWatch, next 240,000)",
        cost_id: "shard_metrics_tier2_cost",
        label: "Shard-level metrics (second tier) cost",
        step: (
            "shard_metrics_tier2",
            "metrics in the second tier",
            "metric-months in the second tier",
        ),
        beyond: Some((
            "shard_metrics_over_tier1",
            "metrics in the first tier",
            "metric-months beyond the first tier",
        )),
    },
    crate::bill::Tier {
        from: 250_000.0,
        to: Some(1_000_000.0),
        key: PriceKey::CloudwatchMetricTier3,
        item: "shard_metrics_tier3",
        description: "Shard-level metrics (CloudWatch, next 750,000)",
        cost_id: "shard_metrics_tier3_cost",
        label: "Shard-level metrics (third tier) cost",
        step: (
            "shard_metrics_tier3",
            "metrics in the third tier",
            "metric-months in the third tier",
        ),
        beyond: Some((
            "shard_metrics_over_tier2",
            "metrics in the first two tiers",
            "metric-months beyond the second tier",
        )),
    },
    crate::bill::Tier {
        from: 1_000_000.0,
        to: None,
        key: PriceKey::CloudwatchMetricTier4,
        item: "shard_metrics_tier4",
        description: "Shard-level metrics (CloudWatch, over 1,000,000)",
        cost_id: "shard_metrics_tier4_cost",
        label: "Shard-level metrics (fourth tier) cost",
        step: (
            "shard_metrics_tier4",
            "metrics in the first three tiers",
            "metric-months beyond 1,000,000",
        ),
        beyond: None,
    },
];

/// Metric-months = metrics x shards, priced in CloudWatch's tiers.
fn metrics_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    metrics: u8,
    shards: Term,
    notes: &mut Notes,
) -> Result<(), Error> {
    let metric_months = c.chain(
        "shard_metric_months",
        Term::new(f64::from(metrics), NumFmt::Input, "shard-level metrics"),
        &[(Op::Mul, shards)],
        2,
        "metric-months (each metric of each shard)",
    )?;
    crate::bill::tiered(c, bill, &METRIC_TIERS, metric_months)?;
    notes
        .assumptions
        .push(Assumption::Around(AroundAssumption::MetricTiersAlone));
    Ok(())
}

/// KMS calls AWS says an encrypted stream makes every 5 minutes, read at the tip with one set
/// of credentials (Kinesis Data Streams Developer Guide, "Costs, Regions, and Performance
/// Considerations": "approximately 12 times every 5 minutes").
pub const KMS_CALLS_PER_5_MINUTES: f64 = 12.0;

/// The KMS requests AWS's approximation gives (a lower bound, as the assumption says), and a
/// customer managed key's month.
fn kms_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    around: crate::around::Around,
    notes: &mut Notes,
) -> Result<(), Error> {
    let periods = (
        Op::Mul,
        plain(HOURS_PER_MONTH * 12.0, "5-minute periods in a month"),
    );
    let credentials = around
        .kms_credentials
        .map(|n| (Op::Mul, plain(f64::from(n), "credentials calling KMS")));
    let requests = c.chain(
        "kms_requests",
        plain(
            KMS_CALLS_PER_5_MINUTES,
            "KMS calls every 5 minutes (AWS's approximation)",
        ),
        &[Some(periods), credentials]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>(),
        2,
        "KMS requests per month",
    )?;
    bill.add(
        c,
        "kms_requests_cost",
        "kms_requests",
        "KMS requests (at least)",
        requests,
        PriceKey::KmsRequest,
        "KMS requests cost",
    )?;
    if around.kms_key == KmsKey::Customer {
        if around.apart.key_month {
            notes
                .assumptions
                .push(Assumption::Around(AroundAssumption::PricedApart {
                    part: crate::around::Part::KeyMonth,
                }));
        } else {
            key_month_line(c, bill)?;
        }
    }
    notes
        .assumptions
        .push(Assumption::Around(AroundAssumption::KmsRequests {
            key: around.kms_key,
            credentials: around.kms_credentials,
        }));
    Ok(())
}

/// A customer managed key's month.
pub(crate) fn key_month_line(c: &mut Calc, bill: &mut Bill<'_>) -> Result<(), Error> {
    bill.add(
        c,
        "kms_key_cost",
        "kms_key",
        "KMS customer managed key",
        plain(1.0, "key-months"),
        PriceKey::KmsKeyMonth,
        "KMS key cost",
    )?;
    Ok(())
}

/// Readers in other regions: each reads every byte across regions, billed by the stream's region
/// as transfer out (transfer in is free); the US East pair has its own, lower price.
fn transfer_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    remote: crate::around::RemoteReaders,
    written: Term,
    notes: &mut Notes,
) -> Result<(), Error> {
    let kinds = [
        (
            remote.other,
            "transfer_out",
            "Data transfer to other regions",
            PriceKey::InterRegionOutGb,
        ),
        (
            remote.us_east,
            "transfer_us_east",
            "Data transfer to the other US East region",
            PriceKey::InterRegionUsEastGb,
        ),
    ];
    for (readers, item, description, key) in kinds {
        if readers == 0 {
            continue;
        }
        let gb = c.chain(
            item,
            written,
            &[(
                Op::Mul,
                Term::new(
                    f64::from(readers),
                    NumFmt::Input,
                    "readers in another region",
                ),
            )],
            2,
            "GB read across regions per month",
        )?;
        bill.add(c, item, item, description, gb, key, "Data transfer cost")?;
    }
    if remote.any() {
        notes
            .assumptions
            .push(Assumption::Around(AroundAssumption::CrossRegionReaders {
                readers: remote.other.saturating_add(remote.us_east),
            }));
    }
    Ok(())
}

/// GB written a month: the bytes themselves (a NAT gateway or an endpoint processes bytes, not
/// Kinesis' 1 KB billing units).
pub(crate) fn written_gb(c: &mut Calc, w: &Shape, records: f64) -> Result<Term, Error> {
    crate::units::gb_per_month(
        c,
        "written_gb",
        Term::new(w.record_kb, NumFmt::Input, "KB"),
        Term::new(records, NumFmt::Input, "records per sec"),
        "GB written per month",
    )
}

/// `n x 730`: hours of `n` things running all month.
pub(crate) fn month_of(
    c: &mut Calc,
    id: &'static str,
    n: u32,
    what: &'static str,
    unit: &'static str,
) -> Result<Term, Error> {
    c.chain(
        id,
        Term::new(f64::from(n), NumFmt::Input, what),
        &[(Op::Mul, plain(HOURS_PER_MONTH, "hours in a month"))],
        2,
        unit,
    )
}
