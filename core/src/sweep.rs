//! How cost grows with one input: the record rate, the record size or the consumer count, swept
//! over a range (evenly, or on a log scale), priced in every mode the region can price.

use std::str::FromStr;

use serde::Serialize;

use crate::calc::Options;
use crate::error::{Error, InputError};
use crate::estimate::Mode;
use crate::money::Money;
use crate::price::PriceBook;
use crate::rate::Rate;
use crate::streams::{self, DEFAULT_REGION};
use crate::workload::{RecordSize, StreamWorkload};

/// The input a sweep varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variable {
    /// Records per second.
    Records,
    /// Average record size, KB.
    SizeKb,
    /// Shared consumers.
    Consumers,
}

impl Variable {
    /// The flag's name.
    pub const fn name(self) -> &'static str {
        match self {
            Variable::Records => "records",
            Variable::SizeKb => "size-kb",
            Variable::Consumers => "consumers",
        }
    }

    /// What it is, with its unit, for axes and headers.
    pub const fn label(self) -> &'static str {
        match self {
            Variable::Records => "Record rate (records/s)",
            Variable::SizeKb => "Record size (KB)",
            Variable::Consumers => "Shared consumers",
        }
    }
}

/// A range `FROM..TO` of a swept input.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    /// The first value.
    pub from: f64,
    /// The last value.
    pub to: f64,
}

impl FromStr for Range {
    type Err = InputError;

    /// `100..100000`.
    fn from_str(text: &str) -> Result<Range, InputError> {
        let bad = || InputError::SweepRange {
            text: text.to_string(),
        };
        let (from, to) = text.split_once("..").ok_or_else(bad)?;
        let from = crate::number::parse_non_negative("sweep start", from).map_err(|_| bad())?;
        let to = crate::number::parse_non_negative("sweep end", to).map_err(|_| bad())?;
        if to <= from {
            return Err(bad());
        }
        Ok(Range { from, to })
    }
}

/// What a sweep varies, over which range, in how many points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Axis {
    /// The input varied.
    pub variable: Variable,
    /// From where to where.
    pub range: Range,
    /// How many points, ends included (2 to 10,000).
    pub steps: u32,
    /// Space the points on a log scale.
    pub log: bool,
}

/// One point of a sweep: the input's value and each mode's monthly cost (or why not).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// The swept input's value.
    pub value: f64,
    /// Each mode's total, `None` where the region cannot price the mode or the workload breaks
    /// one of its limits.
    pub monthly_usd: Vec<(Mode, Option<Money>)>,
    /// Provisioned shards, where provisioned could be priced.
    pub shards: Option<u64>,
}

/// A whole sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sweep {
    /// The input varied.
    pub variable: Variable,
    /// Whether the points are spaced on a log scale.
    pub log: bool,
    /// The points, in order.
    pub points: Vec<Point>,
    /// When sweeping the record rate: where provisioned and on-demand Standard swap places.
    pub break_even_records_per_second: Option<f64>,
}

/// One point: the base workload with `variable` at `value`, priced in every mode.
fn point(
    base: &StreamWorkload,
    variable: Variable,
    value: f64,
    prices: &crate::price::RegionPrices,
    quiet: Options,
) -> Result<Point, Error> {
    let w = match variable {
        Variable::Records => StreamWorkload {
            records: Rate::new(value, crate::rate::Per::Second)?,
            ..*base
        },
        Variable::SizeKb => StreamWorkload {
            record_size: RecordSize::from_kb(value)?,
            ..*base
        },
        // A whole number from rounding a non-negative value below u32::MAX consumers.
        Variable::Consumers => StreamWorkload {
            consumers: Some(value.min(f64::from(u32::MAX)) as u32),
            ..*base
        },
    };
    let mut monthly_usd = Vec::with_capacity(Mode::ALL.len());
    let mut shards = None;
    for mode in Mode::ALL {
        let e = streams::model(&w, mode, prices, quiet).ok();
        if mode == Mode::Provisioned {
            shards = e.as_ref().and_then(|e| e.shards.as_ref()).map(|s| s.count);
        }
        monthly_usd.push((mode, e.map(|e| e.monthly_usd)));
    }
    Ok(Point {
        value,
        monthly_usd,
        shards,
    })
}

/// Prices `base` at each point of `axis`.
///
/// # Errors
/// Fewer than 2 or more than 10,000 steps, a log sweep from 0, an unknown region, or a base
/// workload no mode can price.
/// ```
/// use kcost_core::sweep::{sweep, Axis, Variable};
/// use kcost_core::{testing, Options, StreamWorkload};
/// let w = StreamWorkload::new("1".parse()?, "1".parse()?);
/// let axis = Axis { variable: Variable::Records, range: "10..10000".parse()?, steps: 4, log: true };
/// let s = sweep(&w, axis, Some("us-east-1"), &testing::deck_book(), Options::default())?;
/// let values: Vec<f64> = s.points.iter().map(|p| p.value.round()).collect();
/// assert_eq!(values, [10.0, 100.0, 1000.0, 10000.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sweep(
    base: &StreamWorkload,
    axis: Axis,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<Sweep, Error> {
    let Axis {
        variable,
        range,
        steps,
        log,
    } = axis;
    if !(2..=10_000).contains(&steps) {
        return Err(InputError::SweepSteps { steps }.into());
    }
    if log && range.from <= 0.0 {
        return Err(InputError::SweepLogFromZero.into());
    }
    let prices = book.region(region.unwrap_or(DEFAULT_REGION))?;
    let quiet = options.untraced();
    let mut points = Vec::with_capacity(steps as usize);
    for i in 0..steps {
        let t = f64::from(i) / f64::from(steps - 1);
        let value = if log {
            range.from * (range.to / range.from).powf(t)
        } else {
            range.from + (range.to - range.from) * t
        };
        let value = match variable {
            Variable::Consumers => value.round(),
            _ => value,
        };
        points.push(point(base, variable, value, prices, quiet)?);
    }
    if points
        .iter()
        .all(|p| p.monthly_usd.iter().all(|(_, m)| m.is_none()))
    {
        // Say why: the first mode's error at the first point.
        streams::model(base, Mode::Provisioned, prices, quiet)?;
    }
    let break_even_records_per_second = match variable {
        Variable::Records => crate::streams::break_even(base, prices, quiet)
            .ok()
            .flatten(),
        _ => None,
    };
    Ok(Sweep {
        variable,
        log,
        points,
        break_even_records_per_second,
    })
}
