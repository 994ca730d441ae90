//! Every mode side by side, the cheapest marked, and the break-even record rate between
//! provisioned and on-demand Standard.

use crate::calc::money::Money;
use crate::error::Error;
use crate::estimate::{Comparison, Estimate, Mode, Service, ShareOfPeak, Unavailable};
use crate::notes::Warning;
use crate::price::{PriceBook, PriceKey, RegionPrices};
use crate::read::rate::{Per, Rate};
use crate::streams::workload::StreamWorkload;
use crate::Options;

use super::{estimate, model, COMMITTED_GB, DEFAULT_REGION};
use crate::notes::StreamWarning;

/// The lowest and highest average rates the break-even search tries, records/s.
pub const BREAK_EVEN_RANGE: (f64, f64) = (0.01, 10_000_000.0);

/// Estimates the workload in every mode the region can price.
///
/// # Errors
/// An unknown region, or the first mode's error when no mode can be estimated.
/// ```
/// use kcost_core::{compare, testing, Mode, Options, StreamWorkload};
/// let w = StreamWorkload::new("100/s".parse()?, "100".parse()?);
/// let c = compare(&w, Some("us-east-1"), &testing::deck_book(), Options::default())?;
/// assert_eq!(c.cheapest, Mode::Provisioned);
/// assert_eq!(c.estimates.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compare(
    workload: &StreamWorkload,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<Comparison, Error> {
    let prices = book.region(region.unwrap_or(DEFAULT_REGION))?;
    let mut estimates = Vec::new();
    let mut unavailable = Vec::new();
    let mut first_error = None;
    // One warning about old prices for the whole comparison, not one per mode.
    let each = Options {
        price_age: None,
        ..options
    };
    for mode in Mode::ALL {
        match estimate(&for_mode(workload, mode), mode, region, book, each) {
            Ok(e) => estimates.push(e),
            Err(err) => {
                first_error.get_or_insert(err.clone());
                unavailable.push(Unavailable { mode, reason: err });
            }
        }
    }
    let Some(cheapest) = estimates
        .iter()
        .min_by_key(|e| e.monthly_usd)
        .map(|e| e.mode)
    else {
        return Err(first_error.unwrap_or(Error::UnknownRegion {
            region: prices.code.to_string(),
            known: String::new(),
            suggestion: None,
        }));
    };
    let both = [Mode::Provisioned, Mode::OnDemand]
        .iter()
        .all(|m| estimates.iter().any(|e| e.mode == *m));
    let break_even_records_per_second = if both {
        break_even(workload, prices, options)?
    } else {
        None
    };
    // What the commitment means, then (last, as everywhere) old prices.
    let mut warnings: Vec<Warning> = estimates
        .iter()
        .find(|e| e.mode == Mode::Advantage)
        .and_then(|e| commitment_note(e, prices))
        .into_iter()
        .collect();
    warnings.extend(crate::bill::old_prices(
        estimates.iter().map(|e| (&*e.region, &e.lines[..])),
        options.price_age,
    ));
    Ok(Comparison {
        service: Service::KinesisDataStreams,
        mode: "compare",
        region: prices.code.clone(),
        rounding: options.rounding,
        estimates,
        cheapest,
        break_even_records_per_second,
        break_even_share_of_peak: if both {
            share_of_peak(workload, prices, options)?
        } else {
            None
        },
        unavailable,
        warnings,
    })
}

/// What Advantage's commitment means for a stream that writes less than it: what the commitment
/// costs the region, and the share of it the stream uses. `None` when the stream reaches it.
fn commitment_note(e: &Estimate, prices: &RegionPrices) -> Option<Warning> {
    let data_in: f64 = e
        .lines
        .iter()
        .filter(|l| l.item == "data_in")
        .map(|l| l.quantity)
        .sum();
    if data_in >= COMMITTED_GB {
        return None;
    }
    let cost = |key| {
        prices
            .get(key)
            .ok()
            .and_then(|p| Money::round_usd(COMMITTED_GB * p.usd))
    };
    let commitment_usd =
        cost(PriceKey::KdsAdvantageDataInGb)? + cost(PriceKey::KdsAdvantageEfoDataOutGb)?;
    Some(Warning::Stream(StreamWarning::AdvantageCommitment {
        region: e.region.clone(),
        commitment_usd,
        use_percent: data_in / COMMITTED_GB * 100.0,
    }))
}

/// For a profiled stream: the peak held at the profile's busiest hour, the average (to 0.01
/// records/s) below which on-demand is cheaper than provisioned sized for that peak.
fn share_of_peak(
    workload: &StreamWorkload,
    prices: &RegionPrices,
    options: Options,
) -> Result<Option<ShareOfPeak>, Error> {
    let Some(profile) = workload.profile else {
        return Ok(None);
    };
    let quiet = options.untraced();
    let peak = workload.records.per_second() * profile.peak_factor();
    let top = (peak * 100.0).floor() as u64;
    if top < 2 {
        return Ok(None);
    }
    // Whether on-demand costs less than provisioned at an average of `hundredths` / 100.
    let on_demand_cheaper = |hundredths: u64| -> Result<bool, Error> {
        let at = StreamWorkload {
            records: Rate::new(hundredths as f64 / 100.0, Per::Second)?,
            peak_records: Some(Rate::new(peak, Per::Second)?),
            profile: None,
            scaling: crate::streams::workload::Scaling::Fixed,
            ..*workload
        };
        let cost = |mode| model(&for_mode(&at, mode), mode, prices, quiet).map(|e| e.monthly_usd);
        Ok(cost(Mode::OnDemand)? < cost(Mode::Provisioned)?)
    };
    if !on_demand_cheaper(1)? || on_demand_cheaper(top)? {
        return Ok(None);
    }
    let (mut lo, mut hi) = (1, top);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if on_demand_cheaper(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Some(ShareOfPeak {
        peak_records_per_second: peak,
        percent: hi as f64 / 100.0 / peak * 100.0,
        profile_percent: 100.0 / profile.peak_factor(),
    }))
}

/// The workload as `mode` prices it: a fixed shard count is provisioned's alone (on-demand
/// streams' shards are AWS's), so the other modes price the same traffic without it.
fn for_mode(workload: &StreamWorkload, mode: Mode) -> StreamWorkload {
    match mode {
        Mode::Provisioned => *workload,
        Mode::OnDemand | Mode::Advantage => StreamWorkload {
            shards: None,
            ..*workload
        },
    }
}

/// The average record rate (to 0.01 records/s) at which provisioned and on-demand Standard swap
/// places: just below it one mode is cheaper (or they are equal), at it the other is strictly
/// cheaper. The record size, consumers, retention and the other inputs stay as given; a peak keeps
/// its ratio to the average. `None` when no swap is found between 0.01 and 10,000,000 records/s.
///
/// The rates are scanned in 400 logarithmic steps (about 5% apart) and the first change found is
/// narrowed by bisection. Provisioned's cost steps up a shard at a time, so the totals can cross
/// and cross back within less than a step: such a brief swap below the one reported can be passed
/// over.
///
/// ```
/// use kcost_core::{break_even, testing, Options, Per, Rate, StreamWorkload};
/// // 1 KB records whose peak is 50 times the average.
/// let w = StreamWorkload {
///     peak_records: Some(Rate::new(50.0, Per::Second)?),
///     ..StreamWorkload::new(Rate::new(1.0, Per::Second)?, "1".parse()?)
/// };
/// let book = testing::deck_book();
/// let rate = break_even(&w, book.region("us-east-1")?, Options::default())?;
/// assert_eq!(rate, Some(80.01));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A workload either mode cannot price at all.
pub fn break_even(
    workload: &StreamWorkload,
    prices: &RegionPrices,
    options: Options,
) -> Result<Option<f64>, Error> {
    let quiet = options.untraced();
    let base = workload.records.per_second();
    let peak_ratio = match (workload.peak_records, base > 0.0) {
        (Some(peak), true) => Some(peak.per_second() / base),
        _ => None,
    };
    // The sign of provisioned minus on-demand at `rate` records/s: -1, 0 or 1.
    let sign = |hundredths: u64| -> Result<i8, Error> {
        let rate = hundredths as f64 / 100.0;
        let at = StreamWorkload {
            records: Rate::new(rate, Per::Second)?,
            peak_records: peak_ratio
                .map(|r| Rate::new(rate * r, Per::Second))
                .transpose()?,
            ..*workload
        };
        let cost = |mode| model(&for_mode(&at, mode), mode, prices, quiet).map(|e| e.monthly_usd);
        let (p, o): (Money, Money) = (cost(Mode::Provisioned)?, cost(Mode::OnDemand)?);
        Ok(match p.cmp(&o) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        })
    };
    // A logarithmic scan finds the first interval where the cheaper mode changes; bisection then
    // narrows it to one hundredth of a record per second.
    let (low, high) = BREAK_EVEN_RANGE;
    let steps = 400;
    let at_step = |i: u32| -> u64 {
        let rate = low * (high / low).powf(f64::from(i) / f64::from(steps));
        (rate * 100.0).round() as u64
    };
    let mut lo = at_step(0);
    let start = sign(lo)?;
    let mut found = None;
    for i in 1..=steps {
        let hi = at_step(i);
        let s = sign(hi)?;
        if s != 0 && s != start {
            found = Some(hi);
            break;
        }
        if start == 0 && s != 0 {
            // They were equal and now one is cheaper: the swap is here.
            found = Some(hi);
            break;
        }
        lo = hi;
    }
    let Some(mut hi) = found else {
        return Ok(None);
    };
    let target = sign(hi)?;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if sign(mid)? == target {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Some(hi as f64 / 100.0))
}
