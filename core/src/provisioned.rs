//! Kinesis Data Streams in provisioned mode, as the AWS Pricing Calculator's older form computes it
//! (the form behind the seed deck's figures): three shard needs, shard-hours and PUT payload units.

use crate::calc::{Calc, Rounding};
use crate::error::Error;
use crate::estimate::{Estimate, Inputs, Line, Mode, PriceUsed, Service, Shards};
use crate::money::Money;
use crate::notes::{Assumption, Warning};
use crate::price::{Confidence, PriceBook, PriceKey, RegionPrices};
use crate::rate::Per;
use crate::trace::{NumFmt, Op, Term};
use crate::workload::{StreamWorkload, DEFAULT_MAX_RECORD_KB};

/// Hours in the calculator's month.
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Seconds in the calculator's month (730 h).
pub const SECONDS_PER_MONTH: f64 = 2_628_000.0;
/// KB in a MB (and MB in a GB).
pub const KB_PER_MB: f64 = 1024.0;
/// Write capacity of one shard, MB/s.
pub const SHARD_INGRESS_MB_S: f64 = 1.0;
/// Shared read capacity of one shard, MB/s.
pub const SHARD_EGRESS_MB_S: f64 = 2.0;
/// Records per second one shard accepts.
pub const SHARD_RECORDS_S: f64 = 1000.0;
/// KB in one PUT payload unit.
pub const PAYLOAD_UNIT_KB: f64 = 25.0;

/// The region used when none is given.
pub const DEFAULT_REGION: &str = "us-east-1";

/// How an estimate is computed, apart from the workload.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The rounding policy.
    pub rounding: Rounding,
    /// Record every step for the "show calculations" text (off for bulk use).
    pub trace: bool,
}

/// Estimates a provisioned stream in `region` (or [`DEFAULT_REGION`]), with prices from `book`.
///
/// # Errors
/// An unknown region, a price the region lacks, or a workload too large to price.
pub fn estimate(
    workload: &StreamWorkload,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<Estimate, Error> {
    let prices = book.region(region.unwrap_or(DEFAULT_REGION))?;
    let mut estimate = estimate_in(workload, prices, options)?;
    if region.is_none() {
        estimate.assumptions.insert(
            0,
            Assumption::DefaultRegion {
                code: prices.code.clone(),
                name: prices.name.clone(),
            },
        );
    }
    Ok(estimate)
}

/// Estimates a provisioned stream with one region's prices.
///
/// # Errors
/// A price the region lacks, or a workload too large to price.
pub fn estimate_in(
    workload: &StreamWorkload,
    prices: &RegionPrices,
    options: Options,
) -> Result<Estimate, Error> {
    let shard_price = prices.get(PriceKey::KdsShardHour)?;
    let put_price = prices.get(PriceKey::KdsPutPayloadUnit)?;
    let mut c = Calc::new(options.rounding, options.trace);
    let mut warnings = Vec::new();
    let consumers = workload.consumers();
    let size_kb = workload.record_size.kb();

    // Records per second: a rate entered per minute, hour, day or month is converted and rounded to
    // 2 decimals, and that rounded rate is used everywhere after.
    let rate = workload.records;
    let per_second = if rate.per == Per::Second {
        Calc::checked("records_per_second", rate.count)?;
        rate.count
    } else {
        let rate_name = match rate.per {
            Per::Minute => "records per minute",
            Per::Hour => "records per hour",
            Per::Day => "records per day",
            Per::Month | Per::Second => "records per month",
        };
        let seconds_name = match rate.per {
            Per::Minute => "seconds in a minute",
            Per::Hour => "seconds in an hour",
            Per::Day => "seconds in a day",
            Per::Month | Per::Second => "seconds in a month",
        };
        c.chain(
            "records_per_second",
            Term::new(rate.count, NumFmt::Input, rate_name),
            &[(
                Op::Div,
                Term::new(rate.per.seconds(), NumFmt::Plain, seconds_name),
            )],
            2,
            "records per sec",
        )?
        .value
    };
    if rate.count > 0.0 && per_second == 0.0 {
        warnings.push(Warning::RateRoundsToZero(rate));
    }
    // A rate typed per second is shown as entered; a converted one as the step that made it.
    let records = if rate.per == Per::Second {
        Term::new(per_second, NumFmt::Input, "records per sec")
    } else {
        c.term(per_second, 2, "records per sec")
    };

    // Shard needs.
    let size_mb = c.chain(
        "record_size_mb",
        Term::new(size_kb, NumFmt::Input, "KB"),
        &[(
            Op::Div,
            Term::new(KB_PER_MB, NumFmt::Plain, "KB to MB conversion factor"),
        )],
        8,
        "MB (Record size)",
    )?;
    let ingress_rate = c.chain(
        "ingress_rate",
        c.term(size_mb.value, 8, "MB"),
        &[(Op::Mul, records)],
        2,
        "MB/sec (Data ingress rate)",
    )?;
    let ingress_need = c.chain(
        "ingress_need",
        ingress_rate,
        &[(
            Op::Div,
            Term::new(
                SHARD_INGRESS_MB_S,
                NumFmt::Plain,
                "MB per second per shard ingress capacity",
            ),
        )],
        2,
        "shards needed for ingress",
    )?;
    let egress_rate = c.chain(
        "egress_rate",
        ingress_rate,
        &[(
            Op::Mul,
            Term::new(f64::from(consumers), NumFmt::Input, "consumer applications"),
        )],
        2,
        "MB/sec (Data egress rate)",
    )?;
    let egress_need = c.chain(
        "egress_need",
        c.term(egress_rate.value, 2, "MB/sec"),
        &[(
            Op::Div,
            Term::new(
                SHARD_EGRESS_MB_S,
                NumFmt::Plain,
                "MB per second per shard egress capacity",
            ),
        )],
        2,
        "shards needed for egress",
    )?;
    // The records need is kept at 3 decimals but written with 2 on its own line once it reaches 1.
    let records_raw = per_second / SHARD_RECORDS_S;
    let records_shown = c.shown(if records_raw < 1.0 { 3 } else { 2 });
    let records_need = c.chain_shown(
        "records_need",
        records,
        &[(
            Op::Div,
            Term::new(
                SHARD_RECORDS_S,
                NumFmt::Plain,
                "factor for records per shard",
            ),
        )],
        3,
        records_shown,
        "shards needed for records",
    )?;
    let records_inside = c.term(records_need.value, 3, "shards needed for records");
    let (winner, needed) = c.max(
        "shards_needed",
        &[ingress_need, egress_need, records_inside],
        &[ingress_need.fmt, egress_need.fmt, records_shown],
        "Number of shards",
    );
    let round_up_of = match winner {
        2 => records_inside,
        _ => c.term(needed.value, 2, ""),
    };
    let shards = c.round_up("shard_count", round_up_of, "shards")?;
    let shards = c.at_least("shard_minimum", Term::new(1.0, NumFmt::Plain, ""), shards);

    // Shard hours.
    let shard_hours = c.chain(
        "shard_hours",
        shards,
        &[(
            Op::Mul,
            Term::new(HOURS_PER_MONTH, NumFmt::Plain, "hours in a month"),
        )],
        2,
        "Shard hours per month",
    )?;
    let shard_cost = c.cost(
        "shard_hours_cost",
        shard_hours,
        shard_price.usd,
        "Shard hours per month cost",
    )?;

    // PUT payload units: every record is billed in whole 25 KB units.
    let fraction = c.chain(
        "put_payload_unit_fraction",
        Term::new(size_kb, NumFmt::Input, "KB"),
        &[(
            Op::Div,
            Term::new(PAYLOAD_UNIT_KB, NumFmt::Plain, "Payload Unit factor"),
        )],
        2,
        "PUT Payload Units fraction",
    )?;
    let units = c.round_up(
        "put_payload_units_per_record",
        c.term(fraction.value, 2, ""),
        "PUT Payload Units",
    )?;
    if units.value < 1.0 {
        warnings.push(Warning::PayloadUnitFloor { size_kb });
    }
    let units = c.at_least(
        "put_payload_units_minimum",
        Term::new(1.0, NumFmt::Plain, ""),
        units,
    );
    let units_per_month = c.chain(
        "put_payload_units_per_month",
        units,
        &[
            (Op::Mul, records),
            (
                Op::Mul,
                Term::new(SECONDS_PER_MONTH, NumFmt::Plain, "seconds in a month"),
            ),
        ],
        2,
        "PUT Payload Units per month",
    )?;
    let put_cost = c.cost(
        "put_payload_units_cost",
        c.term(units_per_month.value, 2, "PUT Payload Units"),
        put_price.usd,
        "PUT Payload Units per month cost",
    )?;

    let total = c.total(
        "monthly_total",
        &[shard_cost, put_cost],
        "Kinesis data stream cost (monthly)",
    );

    let lines = vec![
        line(
            "shard_hours",
            "Shard hours",
            shard_hours.value,
            PriceKey::KdsShardHour,
            prices,
            shard_cost,
        )?,
        line(
            "put_payload_units",
            "PUT payload units",
            units_per_month.value,
            PriceKey::KdsPutPayloadUnit,
            prices,
            put_cost,
        )?,
    ];
    warnings.extend(
        lines
            .iter()
            .filter(|l| l.price.confidence != Confidence::Confirmed)
            .map(|l| Warning::UnconfirmedPrice {
                region: prices.code.clone(),
                key: l.price.key,
                usd: l.unit_price_usd,
                confidence: l.price.confidence,
                source: l.price.source.clone(),
            }),
    );
    if size_kb > DEFAULT_MAX_RECORD_KB {
        warnings.push(Warning::LargeRecords { size_kb });
    }
    let mut assumptions = Vec::new();
    if workload.consumers.is_none() {
        assumptions.push(Assumption::DefaultConsumers(consumers));
    }
    assumptions.push(Assumption::SteadyTraffic);

    Ok(Estimate {
        service: Service::KinesisDataStreams,
        mode: Mode::Provisioned,
        region: prices.code.clone(),
        region_name: prices.name.clone(),
        rounding: options.rounding,
        inputs: Inputs {
            records: rate,
            records_per_second: per_second,
            size_kb,
            consumers,
        },
        shards: Shards {
            ingress: ingress_need.value,
            egress: egress_need.value,
            records: records_need.value,
            needed: needed.value,
            // A whole number below MAX_MAGNITUDE (1e18 < 2^64), checked by round_up.
            count: shards.value as u64,
        },
        lines,
        monthly_usd: total,
        assumptions,
        warnings,
        steps: c.into_steps(),
    })
}

fn line(
    item: &'static str,
    description: &'static str,
    quantity: f64,
    key: PriceKey,
    prices: &RegionPrices,
    monthly_usd: Money,
) -> Result<Line, Error> {
    let price = prices.get(key)?;
    Ok(Line {
        item,
        description,
        quantity,
        unit: key.unit(),
        unit_price_usd: price.usd,
        monthly_usd,
        price: PriceUsed::new(key, price),
    })
}
