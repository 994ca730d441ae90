//! The calculator's units and the steps that convert between them, shared by every service.

use crate::bill::Notes;
use crate::calc::trace::{NumFmt, Op, Term};
use crate::calc::Calc;
use crate::error::Error;
use crate::notes::StreamWarning;
use crate::notes::Warning;
use crate::read::rate::{Per, Rate};

/// Hours in the calculator's month.
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Seconds in the calculator's month (730 h).
pub const SECONDS_PER_MONTH: f64 = 2_628_000.0;
/// KB in a MB (and MB in a GB).
pub const KB_PER_MB: f64 = 1024.0;
/// KB in a GB.
pub const KB_PER_GB: f64 = 1_048_576.0;

/// The per-second rate of `rate`: as entered, or converted and (calculator policy) rounded to 2
/// decimals, the rounded rate being used everywhere after. `what` names it in the step text.
pub(crate) fn per_second(
    c: &mut Calc,
    id: &'static str,
    rate: Rate,
    unit: &'static str,
    notes: &mut Notes,
) -> Result<Term, Error> {
    if rate.per == Per::Second {
        Calc::checked(id, rate.count)?;
        return Ok(Term::new(rate.count, NumFmt::Input, unit));
    }
    let (rate_name, seconds_name) = match rate.per {
        Per::Minute => ("records per minute", "seconds in a minute"),
        Per::Hour => ("records per hour", "seconds in an hour"),
        Per::Day => ("records per day", "seconds in a day"),
        Per::Month | Per::Second => ("records per month", "seconds in a month"),
    };
    let result = c.chain(
        id,
        Term::new(rate.count, NumFmt::Input, rate_name),
        &[(
            Op::Div,
            Term::new(rate.per.seconds(), NumFmt::Plain, seconds_name),
        )],
        2,
        unit,
    )?;
    if rate.count > 0.0 && result.value == 0.0 {
        notes
            .warnings
            .push(Warning::Stream(StreamWarning::RateRoundsToZero(rate)));
    }
    Ok(result)
}

/// `KB x records/s x seconds in a month / KB per GB`: a month of traffic in GB, as every per-GB
/// line builds it (on-demand data in, Firehose ingestion, the network around a stream).
pub(crate) fn gb_per_month(
    c: &mut Calc,
    id: &'static str,
    kb: Term,
    records: Term,
    unit: &'static str,
) -> Result<Term, Error> {
    c.chain(
        id,
        kb,
        &[
            (Op::Mul, records),
            (Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month")),
            (Op::Div, plain(KB_PER_GB, "KB per GB")),
        ],
        2,
        unit,
    )
}

/// A constant in a step, written as its shortest text (`730 hours in a month`).
pub(crate) fn plain(value: f64, unit: &'static str) -> Term {
    Term::new(value, NumFmt::Plain, unit)
}

/// A target utilization in a step: `0.80 target utilization`.
pub(crate) fn utilization(percent: f64) -> Term {
    Term::new(percent / 100.0, NumFmt::Fixed(2), "target utilization")
}
