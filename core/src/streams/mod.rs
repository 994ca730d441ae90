//! Kinesis Data Streams in every capacity mode, and the analyses built on them: comparison,
//! break-even, growth, aggregation savings and consumer delay.
//!
//! Each mode's model (`provisioned`, `on_demand`) computes its lines through one `Calc`, so the
//! numbers and the explain text come from the same steps. [`estimate_in`] adds what needs several
//! runs of a model (aggregation savings, an EFO suggestion, growth), always with the trace off.

mod analysis;
pub(crate) mod commitment;
mod compare;
pub(crate) mod notes;
pub(crate) mod on_demand;
pub mod provisioned;
pub mod sweep;
pub mod workload;

pub(crate) use crate::bill::{Bill, Notes};
use crate::calc::trace::{NumFmt, Op, Term};
use crate::calc::Calc;
use crate::error::{Error, InputError};
use crate::estimate::{Estimate, Inputs, Mode, Service};
use crate::notes::{Assumption, Warning};
use crate::price::{PriceBook, RegionPrices};
use crate::schedule::Schedule;
use crate::streams::workload::{Form, Profile, Scaling, StreamWorkload, DEFAULT_MAX_RECORD_KB};
pub(crate) use crate::units::{per_second, plain};
use crate::Options;

pub use commitment::{estimate_together, AccountStream, COMMITTED_GB};
pub use compare::{break_even, compare};

pub use crate::units::{HOURS_PER_MONTH, KB_PER_GB, KB_PER_MB, SECONDS_PER_MONTH};
/// Write capacity of one shard, MB/s.
pub const SHARD_INGRESS_MB_S: f64 = 1.0;
/// Shared read capacity of one shard, MB/s.
pub const SHARD_EGRESS_MB_S: f64 = 2.0;
/// Records per second one shard accepts.
pub const SHARD_RECORDS_S: f64 = 1000.0;
/// KB in one PUT payload unit.
pub const PAYLOAD_UNIT_KB: f64 = 25.0;
/// Hours of retention included in every mode's base price.
pub const INCLUDED_RETENTION_HOURS: f64 = 24.0;
/// Hours after which data moves to long-term retention (7 days).
pub const LONG_TERM_AFTER_HOURS: f64 = 168.0;

pub use crate::bill::DEFAULT_REGION;
use crate::notes::{StreamAssumption, StreamWarning};

/// Estimates a stream in `mode` in `region` (or [`DEFAULT_REGION`]), with prices from `book`.
///
/// # Errors
/// A workload that breaks a Kinesis limit, an unknown region, a price the region lacks, or a
/// workload too large to price.
/// ```
/// use kcost_core::{estimate, testing, Mode, Options, StreamWorkload};
/// let w = StreamWorkload {
///     consumers: Some(10),
///     ..StreamWorkload::new("100/s".parse()?, "100".parse()?)
/// };
/// let e = estimate(&w, Mode::OnDemand, Some("us-east-1"), &testing::deck_book(), Options::default())?;
/// // 29.20 stream-hours + 25,062.56 GB in x 0.08 + 250,625.60 GB out x 0.04.
/// assert_eq!(e.monthly_usd.to_string(), "12059.22");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn estimate(
    workload: &StreamWorkload,
    mode: Mode,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<Estimate, Error> {
    let (prices, assumed) = crate::bill::region_or_default(book, region)?;
    // Added to in place, as `estimate_in` does: taking the estimate out of its `Result` and
    // wrapping it again would copy it twice.
    let mut result = estimate_in(workload, mode, prices, options);
    if let Ok(estimate) = &mut result {
        estimate.assumptions.splice(0..0, assumed);
        return result;
    }
    result.map_err(|e| book.locate(e))
}

/// Estimates a stream in `mode` with one region's prices, with every analysis the workload asks
/// for (aggregation savings, hot key, consumer delay, growth).
///
/// # Errors
/// As [`estimate`], but for the region lookup.
pub fn estimate_in(
    workload: &StreamWorkload,
    mode: Mode,
    prices: &RegionPrices,
    options: Options,
) -> Result<Estimate, Error> {
    // Finished where the model wrote it: an `Estimate` is several hundred bytes, and moving it
    // out of the `Result` and back in copied it twice per estimate.
    // Every way out returns `result` itself, so that it can be the caller's own slot.
    let mut result = model(workload, mode, prices, options);
    if let Ok(estimate) = &mut result {
        match analysis::add(estimate, workload, mode, prices, options) {
            Ok(()) => {
                let old = crate::bill::old_prices(
                    [(&*estimate.region, &estimate.lines[..])],
                    options.price_age,
                );
                estimate.warnings.extend(old);
            }
            Err(error) => result = Err(error),
        }
    }
    result
}

/// Refuses a shard count for a mode without one of the user's, and more enhanced fan-out consumers
/// than the mode allows per stream, naming a mode that allows more.
fn check_mode(workload: &StreamWorkload, mode: Mode) -> Result<(), Error> {
    if workload.shards.is_some() && mode != Mode::Provisioned {
        return Err(Error::Input(InputError::ShardsNeedProvisioned));
    }
    let limit = mode.efo_limit();
    if workload.efo_consumers <= limit {
        return Ok(());
    }
    Err(Error::Input(InputError::EfoLimit {
        given: workload.efo_consumers,
        limit,
        mode: mode.name(),
        instead: (mode != Mode::Advantage)
            .then_some((Mode::Advantage.name(), Mode::Advantage.efo_limit())),
    }))
}

/// One run of a mode's model: checks, lines and total, with no multi-run analysis.
pub(crate) fn model(
    workload: &StreamWorkload,
    mode: Mode,
    prices: &RegionPrices,
    options: Options,
) -> Result<Estimate, Error> {
    workload.check()?;
    check_mode(workload, mode)?;
    let form = mode.form(workload.form);
    let mut c = Calc::new(options.rounding, options.trace).in_form(form);
    let mut notes = Notes::default();
    let schedule = match (mode, workload.scaling, workload.profile) {
        (Mode::Provisioned, Scaling::Scheduled, Some(profile)) => {
            Some(hourly_schedule(workload, profile, prices, options)?)
        }
        _ => None,
    };
    let mut body = match mode {
        Mode::Provisioned => {
            provisioned::model(workload, prices, schedule.clone(), &mut c, &mut notes)?
        }
        Mode::OnDemand | Mode::Advantage => on_demand::model(
            workload,
            mode,
            prices,
            options.commitment,
            &mut c,
            &mut notes,
        )?,
    };
    let shape = around_shape(workload, mode, schedule.as_ref(), &body);
    crate::around::price::lines(&mut c, &mut body.bill, &shape, &mut notes)?;
    let lines = body.bill.lines;
    let crate::bill::Finished {
        total,
        discount,
        subtotals,
    } = crate::bill::finish(
        &mut c,
        &lines,
        prices,
        options,
        ("Kinesis data stream cost (monthly)", &mut notes.warnings),
    );
    workload_notes(workload, &mut notes);
    Ok(Estimate {
        service: Service::KinesisDataStreams,
        mode,
        region: prices.code.clone(),
        region_name: prices.name.clone(),
        rounding: options.rounding,
        form,
        inputs: inputs(
            workload,
            mode,
            form,
            (body.records_per_second, body.peak_per_second),
        ),
        shards: body.shards,
        schedule,
        lines,
        monthly_usd: total,
        discount,
        subtotals,
        aggregation: None,
        hot_key: body.hot_key,
        consumer_delay_ms: None,
        growth: None,
        assumptions: notes.assumptions,
        warnings: notes.warnings,
        steps: c.into_steps(),
        analysis_steps: Vec::new(),
    })
}

/// The notes every stream's estimate ends with: large records, and the defaults it took.
fn workload_notes(workload: &StreamWorkload, notes: &mut Notes) {
    let size_kb = workload.record_size.kb();
    if size_kb > DEFAULT_MAX_RECORD_KB {
        notes
            .warnings
            .push(Warning::Stream(StreamWarning::LargeRecords { size_kb }));
    }
    if workload.consumers.is_none() {
        notes
            .assumptions
            .push(Assumption::Stream(StreamAssumption::DefaultConsumers(
                workload.consumers(),
            )));
    }
    if workload.peak_records.is_none() && workload.profile.is_none() {
        notes
            .assumptions
            .push(Assumption::Stream(StreamAssumption::SteadyTraffic));
    }
}

/// What the lines around a stream use of its model's run: its shards (their daily average on a
/// schedule) and its rates.
fn around_shape(
    workload: &StreamWorkload,
    mode: Mode,
    schedule: Option<&Schedule>,
    body: &Body<'_>,
) -> crate::around::price::Shape {
    let shards = match schedule {
        // Shard-hours a day are at most 24 x 10,000: exact as a float.
        Some(s) => Some(s.shard_hours_per_day as f64 / 24.0),
        None => body.shards.as_ref().map(|s| s.count as f64),
    };
    crate::around::price::Shape {
        around: workload.around,
        record_kb: workload.record_size.kb(),
        readers: workload.consumers().saturating_add(workload.efo_consumers),
        provisioned: mode == Mode::Provisioned,
        shards,
        records: body.records_per_second,
        peak: body.peak_per_second,
    }
}

/// The inputs an estimate used, after defaults.
fn inputs(
    workload: &StreamWorkload,
    mode: Mode,
    form: Form,
    (records_per_second, peak_per_second): (f64, Option<f64>),
) -> Inputs {
    Inputs {
        records: workload.records,
        records_per_second,
        size_kb: workload.record_size.kb(),
        consumers: workload.consumers(),
        efo_consumers: workload.efo_consumers,
        retention_hours: workload.retention.hours(),
        long_term_reads_gb: workload.long_term_reads_gb,
        peak_records_per_second: peak_per_second,
        target_utilization_percent: workload.target_utilization,
        buffer_percent: (mode == Mode::Provisioned && form == Form::Current)
            .then(|| workload.buffer_percent()),
        hot_key_share: workload.hot_key_share,
        aggregate_kb: workload.aggregate_kb,
        max_record_size_kb: workload
            .max_record_size
            .map_or(DEFAULT_MAX_RECORD_KB, |m| m.kb()),
        around: workload.around,
    }
}

/// The cheapest daily schedule for a profiled stream: each hour's shard count as one fixed count
/// for that hour's rate would be, within UpdateShardCount's rules.
fn hourly_schedule(
    workload: &StreamWorkload,
    profile: Profile,
    prices: &RegionPrices,
    options: Options,
) -> Result<Schedule, Error> {
    // Only each hour's shard count is kept: its notes, analyses and price warnings are not.
    let quiet = options.untraced();
    let mut needs = [1u64; 24];
    for (hour, need) in needs.iter_mut().enumerate() {
        let rate = crate::read::rate::Rate::new(
            workload.records.per_second() * profile.factor(hour),
            crate::read::rate::Per::Second,
        )
        .map_err(Error::Input)?;
        let at = StreamWorkload {
            records: rate,
            profile: None,
            scaling: Scaling::Fixed,
            ..*workload
        };
        let e = model(&at, Mode::Provisioned, prices, quiet)?;
        *need = e.shards.map_or(1, |s| s.count);
    }
    Ok(crate::schedule::cheapest(&needs))
}

/// What a mode's model hands back.
pub(crate) struct Body<'p> {
    pub(crate) bill: Bill<'p>,
    pub(crate) records_per_second: f64,
    pub(crate) peak_per_second: Option<f64>,
    pub(crate) shards: Option<crate::estimate::Shards>,
    pub(crate) hot_key: Option<crate::estimate::HotKey>,
}

/// Records per second, average and (when given) peak: shards are sized for the peak, usage is
/// billed on the average.
pub(crate) fn rates(
    c: &mut Calc,
    w: &StreamWorkload,
    notes: &mut Notes,
) -> Result<(Term, Option<Term>), Error> {
    let records = per_second(c, "records_per_second", w.records, "records per sec", notes)?;
    let peak = match w.peak_records {
        Some(rate) => Some(per_second(
            c,
            "peak_records_per_second",
            rate,
            "records per sec (peak)",
            notes,
        )?),
        None => match w.profile {
            Some(p) => Some(c.chain(
                "peak_records_per_second",
                records,
                &[(
                    Op::Mul,
                    Term::new(
                        p.peak_factor(),
                        NumFmt::Fixed(2),
                        "busiest hour over the day's average (daily profile)",
                    ),
                )],
                2,
                "records per sec (busiest hour)",
            )?),
            None => None,
        },
    };
    Ok((records, peak))
}

/// `X per Kinesis record / N user records per Kinesis record = X per user record`, kept at 8
/// decimals so that what aggregation saves is not lost to rounding.
pub(crate) fn per_user_record(
    c: &mut Calc,
    id: &'static str,
    per_kinesis_record: Term,
    packed: Term,
    unit: &'static str,
) -> Result<Term, Error> {
    c.chain(id, per_kinesis_record, &[(Op::Div, packed)], 8, unit)
}

/// How many user records one aggregated Kinesis record holds: `RoundDown (A / s)`, at least 1.
pub(crate) fn records_per_aggregate(
    c: &mut Calc,
    aggregate_kb: f64,
    size_kb: f64,
) -> Result<Term, Error> {
    let ratio = c.chain(
        "aggregation_ratio",
        Term::new(aggregate_kb, NumFmt::Input, "KB aggregated Kinesis record"),
        &[(Op::Div, Term::new(size_kb, NumFmt::Input, "KB"))],
        2,
        "user records per Kinesis record",
    )?;
    let packed = c.round_down(
        "user_records_per_kinesis_record",
        ratio,
        "user records per Kinesis record",
    )?;
    Ok(c.at_least(
        "user_records_per_kinesis_record_minimum",
        Term::new(1.0, NumFmt::Plain, ""),
        packed,
    ))
}

/// Hours of retention in the band `from..to` hours: `min(R, to) - from`, at least 0.
pub(crate) fn retention_band(retention_hours: f64, from: f64, to: f64) -> f64 {
    (retention_hours.min(to) - from).max(0.0)
}
