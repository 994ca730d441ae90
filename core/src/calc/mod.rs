//! The one computation path: every arithmetic step of an estimate goes through `Calc`, which
//! rounds it as the policy says and, when tracing, records it for the "show calculations" text.

pub mod fixed;
pub mod money;
pub mod share;
pub mod trace;

use serde::{Deserialize, Serialize};

use crate::calc::money::Money;
use crate::calc::trace::{Formula, NumFmt, Op, Step, Term};
use crate::error::Error;
use crate::input::Input;
use fixed::MAX_MAGNITUDE;

/// How intermediate values are rounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rounding {
    /// As the AWS Pricing Calculator: every shown step rounded at its shown precision (JavaScript
    /// `toFixed`: exact binary value, half-up) and the rounded value reused downstream.
    #[default]
    Calculator,
    /// No intermediate rounding; shard and PUT-unit counts are the ceiling of the exact need; money
    /// is still rounded to cents per line.
    Exact,
}

impl Rounding {
    /// The policy's name as the CLI and JSON write it.
    pub const fn name(self) -> &'static str {
        match self {
            Rounding::Calculator => "calculator",
            Rounding::Exact => "exact",
        }
    }

    /// A user input as the calculator prints it: whole numbers without decimals, others with
    /// two, thousands grouped (`10,000`, `16.67`).
    pub fn show_input(value: f64) -> String {
        Term::new(value, NumFmt::Input, "").number()
    }

    /// A value as this policy shows a step of `decimals` (`9.77` for the calculator, the unrounded
    /// `9.765625` for exact), with thousands separators. Front ends use it for figures they show
    /// outside the step text, so that both read the same.
    pub fn show(self, value: f64, decimals: u8) -> String {
        let fmt = match self {
            Rounding::Calculator => NumFmt::Fixed(decimals),
            Rounding::Exact => NumFmt::Exact(decimals),
        };
        Term::new(value, fmt, "").number()
    }
}

impl std::fmt::Display for Rounding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Rounding {
    type Err = crate::error::InputError;

    /// `calculator` or `exact`, in any case.
    fn from_str(text: &str) -> Result<Rounding, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "calculator" => Ok(Rounding::Calculator),
            "exact" => Ok(Rounding::Exact),
            _ => Err(crate::error::InputError::Rounding {
                text: text.to_string(),
            }),
        }
    }
}

/// How an estimate is computed, apart from the workload.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Options {
    /// The rounding policy.
    pub rounding: Rounding,
    /// Record every step for the "show calculations" text (off for bulk use).
    pub trace: bool,
    /// A discount on every line, in hundredths of a percent (1000 = 10%); 0 uses the region's
    /// table's discount, if it has one.
    pub discount_bp: u32,
    /// The check for old prices: what month it is and the age past which a price counts as old;
    /// `None` skips it (the core reads no clock: the front end says what day it is).
    pub price_age: Option<PriceAge>,
    /// Skip the analyses that price the workload again (aggregation savings, the enhanced
    /// fan-out alternative for slow consumers, growth): bulk runs that show none of them.
    pub skip_analyses: bool,
    /// How an Advantage stream's commitment is billed: alone unless priced with the account's
    /// other streams.
    pub commitment: crate::calc::share::Commitment,
}

impl Options {
    /// Sets an option of every estimate from its text, as every front end reads it (a flag, a
    /// batch column, a scenario file's key, a field): the rounding or the discount. The region,
    /// the third input of every estimate, says where it is priced and is given beside these.
    ///
    /// # Errors
    /// The value's own error; [`crate::error::InputError::NotOf`] for any other input.
    pub fn set(&mut self, input: Input, text: &str) -> Result<(), crate::error::InputError> {
        match input {
            Input::Rounding => self.rounding = text.parse()?,
            Input::Discount => self.discount_bp = parse_discount(text)?,
            _ => {
                return Err(crate::error::InputError::NotOf {
                    input,
                    of: "the estimate's options",
                })
            }
        }
        Ok(())
    }

    /// The options given beyond their defaults, as they would be typed: what
    /// [`Options::set`] reads back to the same options.
    pub fn given(&self) -> Vec<(Input, String)> {
        let mut given = Vec::new();
        if self.rounding != Rounding::Calculator {
            given.push((Input::Rounding, self.rounding.name().to_string()));
        }
        if self.discount_bp != 0 {
            let percent = f64::from(self.discount_bp) / 100.0;
            given.push((Input::Discount, percent.to_string()));
        }
        given
    }

    /// The same options with the trace off: for the runs an analysis makes of a model, whose
    /// steps nobody reads.
    pub fn untraced(mut self) -> Options {
        self.trace = false;
        self
    }
}

/// When a price counts as old: today's month and the age in months past which a price is old.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceAge {
    /// Today's year and month.
    pub today: (u32, u32),
    /// A price dated more than this many months before today is old.
    pub months: u32,
}

impl PriceAge {
    /// The age past which kcost calls a price old unless told otherwise: a year.
    pub const DEFAULT_MONTHS: u32 = 12;

    /// Whether a price dated `as_of` (`YYYY-MM` or `YYYY-MM-DD`) is old; an unreadable date is
    /// not (the pricing tables refuse those).
    pub fn is_old(self, as_of: &str) -> bool {
        let (year, month) = self.today;
        let when = as_of
            .get(..4)
            .and_then(|y| y.parse::<u32>().ok())
            .zip(as_of.get(5..7).and_then(|m| m.parse::<u32>().ok()));
        when.is_some_and(|(y, m)| {
            u64::from(y) * 12 + u64::from(m) + u64::from(self.months)
                < u64::from(year) * 12 + u64::from(month)
        })
    }
}

/// Parses the age past which prices count as old: a whole number of months, or `off` (or `0`)
/// for no check.
///
/// # Errors
/// When it is neither.
pub fn parse_price_age(text: &str) -> Result<Option<u32>, crate::error::InputError> {
    if text.trim().eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    match crate::read::number::parse_count("price age", text) {
        Ok(0) => Ok(None),
        Ok(months) => Ok(Some(months)),
        Err(_) => Err(crate::error::InputError::PriceAge {
            text: text.to_string(),
        }),
    }
}

/// Parses a discount percentage (`10`, `12.5%`) into hundredths of a percent.
///
/// # Errors
/// When it is not a number from 0 to 100 with at most two decimals.
pub fn parse_discount(text: &str) -> Result<u32, crate::error::InputError> {
    let percent =
        crate::read::number::parse_non_negative("discount", text.trim().trim_end_matches('%'))?;
    let refused = || crate::error::InputError::Discount {
        text: text.to_string(),
    };
    // At most two decimals: the number is its own rounding to hundredths.
    if percent > 100.0 || fixed::round(percent, 2).ok() != Some(percent) {
        return Err(refused());
    }
    let hundredths = fixed::round_units(percent, 2).map_err(|_| refused())?;
    u32::try_from(hundredths).map_err(|_| refused())
}

/// Decimals the exact policy keeps before taking a ceiling, so that binary noise such as
/// 0.09765625 x 10.24 = 1.0000000000000002 does not buy a whole extra shard.
const CEILING_NOISE_DECIMALS: u8 = 9;

/// Rounds, checks and (optionally) records each step of one estimate.
///
/// Its step methods are inlined into the models on native builds: with the trace off, the terms
/// a step would record are then never built (a third of an estimate's instructions). The page's
/// WebAssembly keeps them out of line, for its size.
#[derive(Debug)]
pub(crate) struct Calc {
    rounding: Rounding,
    /// Whether shown steps are rounded and reused (the calculator's older form under the
    /// calculator policy); its current form shows them rounded but carries the unrounded value.
    round_steps: bool,
    steps: Option<Vec<Step>>,
}

impl Calc {
    pub(crate) fn new(rounding: Rounding, trace: bool) -> Calc {
        Calc {
            rounding,
            round_steps: rounding == Rounding::Calculator,
            steps: trace.then(|| Vec::with_capacity(32)),
        }
    }

    /// The same calculation as the calculator's `form` does it: the current form carries
    /// unrounded quantities from step to step (money is still rounded to cents per line).
    pub(crate) fn in_form(mut self, form: Form) -> Calc {
        if form == Form::Current {
            self.round_steps = false;
        }
        self
    }

    /// The recorded steps (empty when tracing was off).
    pub(crate) fn into_steps(self) -> Vec<Step> {
        self.steps.unwrap_or_default()
    }

    /// How a step shown at `decimals` is written under this policy.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn shown(&self, decimals: u8) -> NumFmt {
        match self.rounding {
            Rounding::Calculator => NumFmt::Fixed(decimals),
            Rounding::Exact => NumFmt::Exact(decimals),
        }
    }

    /// A term for a value computed earlier, shown at `decimals`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn term(&self, value: f64, decimals: u8, unit: &'static str) -> Term {
        Term::new(value, self.shown(decimals), unit)
    }

    /// `value` if it is finite and below the magnitude kcost can price.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn checked(id: &'static str, value: f64) -> Result<f64, Error> {
        if value.is_finite() && value.abs() < MAX_MAGNITUDE {
            Ok(value)
        } else {
            Err(Error::OutOfRange { step: id, value })
        }
    }

    /// Applies the policy to a step's raw value shown at `decimals`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn settle(&self, id: &'static str, value: f64, decimals: u8) -> Result<f64, Error> {
        let value = Self::checked(id, value)?;
        if self.round_steps {
            fixed::round(value, decimals).map_err(|_| Error::OutOfRange { step: id, value })
        } else {
            Ok(value)
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn record(&mut self, id: &'static str, formula: impl FnOnce() -> Formula, result: Term) {
        if let Some(steps) = &mut self.steps {
            steps.push(Step {
                id,
                formula: formula(),
                result,
            });
        }
    }

    /// `first op t1 op t2 ...`, left to right, rounded at `round_at` and shown as `show`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn chain_shown(
        &mut self,
        id: &'static str,
        first: Term,
        rest: &[(Op, Term)],
        round_at: u8,
        show: NumFmt,
        unit: &'static str,
    ) -> Result<Term, Error> {
        let raw = rest
            .iter()
            .fold(first.value, |acc, (op, t)| op.apply(acc, t.value));
        let result = Term::new(self.settle(id, raw, round_at)?, show, unit);
        self.record(
            id,
            || Formula::Chain {
                first,
                rest: rest.to_vec(),
            },
            result,
        );
        Ok(result)
    }

    /// `first op t1 op t2 ...`, rounded and shown at `decimals`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn chain(
        &mut self,
        id: &'static str,
        first: Term,
        rest: &[(Op, Term)],
        decimals: u8,
        unit: &'static str,
    ) -> Result<Term, Error> {
        let show = self.shown(decimals);
        self.chain_shown(id, first, rest, decimals, show, unit)
    }

    /// `Max (a, b, ...)`: the largest operand (the first of equals) and its index. The result is
    /// shown as `show[index]`, so that a winner can be written differently from how it appears
    /// inside the `Max`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn max(
        &mut self,
        id: &'static str,
        of: &[Term],
        show: &[NumFmt],
        unit: &'static str,
    ) -> (usize, Term) {
        let mut best = 0;
        for (i, t) in of.iter().enumerate() {
            if of.get(best).is_some_and(|b| t.value > b.value) {
                best = i;
            }
        }
        let value = of.get(best).map_or(0.0, |t| t.value);
        let fmt = show.get(best).copied().unwrap_or(NumFmt::Fixed(2));
        let result = Term::new(value, fmt, unit);
        self.record(id, || Formula::Max { of: of.to_vec() }, result);
        (best, result)
    }

    /// `first op (group_first op t1 ...)`, rounded and shown at `decimals`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn grouped(
        &mut self,
        id: &'static str,
        first: Term,
        op: Op,
        group_first: Term,
        group: &[(Op, Term)],
        decimals: u8,
        unit: &'static str,
    ) -> Result<Term, Error> {
        let inner = group
            .iter()
            .fold(group_first.value, |acc, (o, t)| o.apply(acc, t.value));
        let raw = op.apply(first.value, inner);
        let result = Term::new(self.settle(id, raw, decimals)?, self.shown(decimals), unit);
        self.record(
            id,
            || Formula::Grouped {
                first,
                op,
                group_first,
                group: group.to_vec(),
            },
            result,
        );
        Ok(result)
    }

    /// `Min (a, b)`, shown as `a` is.
    pub(crate) fn min(&mut self, id: &'static str, a: Term, b: Term, unit: &'static str) -> Term {
        let result = Term::new(a.value.min(b.value), a.fmt, unit);
        self.record(id, || Formula::Min { of: vec![a, b] }, result);
        result
    }

    /// `x` ready for a ceiling or floor: as shown under the calculator policy, and without binary
    /// noise under the exact one.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn noise_free(&self, id: &'static str, x: f64) -> Result<f64, Error> {
        let x = Self::checked(id, x)?;
        if self.round_steps {
            Ok(x)
        } else {
            fixed::round(x, CEILING_NOISE_DECIMALS)
                .map_err(|_| Error::OutOfRange { step: id, value: x })
        }
    }

    /// `t` with binary noise removed under the exact policy (9 decimals), unchanged under the
    /// calculator's (whose shown values are already rounded), so that comparisons against bounds
    /// such as a price tier's land where the decimal arithmetic does.
    pub(crate) fn clean(&self, id: &'static str, t: Term) -> Result<Term, Error> {
        Ok(Term {
            value: self.noise_free(id, t.value)?,
            ..t
        })
    }

    /// `RoundUp (x)`: the ceiling, as a whole count.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn round_up(
        &mut self,
        id: &'static str,
        of: Term,
        unit: &'static str,
    ) -> Result<Term, Error> {
        self.whole(id, of, unit, true)
    }

    /// `RoundDown (x)`: the floor, as a whole count.
    pub(crate) fn round_down(
        &mut self,
        id: &'static str,
        of: Term,
        unit: &'static str,
    ) -> Result<Term, Error> {
        self.whole(id, of, unit, false)
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn whole(
        &mut self,
        id: &'static str,
        of: Term,
        unit: &'static str,
        up: bool,
    ) -> Result<Term, Error> {
        let x = self.noise_free(id, of.value)?;
        let value = if up { x.ceil() } else { x.floor() };
        let result = Term::new(value, NumFmt::Fixed(0), unit);
        let formula = if up {
            Formula::RoundUp { of }
        } else {
            Formula::RoundDown { of }
        };
        self.record(id, || formula, result);
        Ok(result)
    }

    /// `Max (floor, x)`, recorded only when the floor applies.
    pub(crate) fn at_least(&mut self, id: &'static str, floor: Term, of: Term) -> Term {
        if of.value >= floor.value {
            return of;
        }
        let result = Term {
            value: floor.value,
            ..of
        };
        self.record(id, || Formula::AtLeast { floor, of }, result);
        result
    }

    /// A cost: `quantity x price`, rounded to cents whatever the policy, then restated as
    /// `label: N USD`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn cost(
        &mut self,
        id: &'static str,
        quantity: Term,
        price_usd: f64,
        label: &'static str,
    ) -> Result<Money, Error> {
        let money = self.price(id, quantity, price_usd)?;
        self.record(id, || Formula::Label { label }, usd(money));
        Ok(money)
    }

    /// `quantity x price`, rounded to cents whatever the policy.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn price(
        &mut self,
        id: &'static str,
        quantity: Term,
        price_usd: f64,
    ) -> Result<Money, Error> {
        self.money(
            id,
            quantity,
            &[(Op::Mul, Term::new(price_usd, NumFmt::Plain, "USD"))],
        )
    }

    /// `first op t1 ...` as money: rounded to cents whatever the policy.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn money(
        &mut self,
        id: &'static str,
        first: Term,
        rest: &[(Op, Term)],
    ) -> Result<Money, Error> {
        let raw = rest
            .iter()
            .fold(first.value, |acc, (op, t)| op.apply(acc, t.value));
        let raw = Self::checked(id, raw)?;
        // The error is built only when there is one (`ok_or` built and dropped one each time).
        let Some(money) = Money::round_usd(raw) else {
            return Err(Error::OutOfRange {
                step: id,
                value: raw,
            });
        };
        self.record(
            id,
            || Formula::Chain {
                first,
                rest: rest.to_vec(),
            },
            usd(money),
        );
        Ok(money)
    }

    /// `whole x fraction = part`, where the caller split `whole` into whole cents (so the shown
    /// product may differ from `part` by a cent), then restated as `label: N USD`.
    pub(crate) fn share(
        &mut self,
        id: &'static str,
        whole: Money,
        fraction: Term,
        part: Money,
        label: &'static str,
    ) {
        self.record(
            id,
            || Formula::Chain {
                first: usd(whole),
                rest: vec![(Op::Mul, fraction)],
            },
            usd(part),
        );
        self.record(id, || Formula::Label { label }, usd(part));
    }

    /// `from - a - b ...` in cents, then restated as `label: N USD`.
    pub(crate) fn difference(
        &mut self,
        id: &'static str,
        from: Money,
        minus: &[Money],
        label: &'static str,
    ) -> Money {
        let money = Money::from_cents(from.cents() - minus.iter().map(|m| m.cents()).sum::<i64>());
        self.record(
            id,
            || Formula::Chain {
                first: usd(from),
                rest: minus.iter().map(|m| (Op::Sub, usd(*m))).collect(),
            },
            usd(money),
        );
        self.record(id, || Formula::Label { label }, usd(money));
        money
    }

    /// The sum of cent-rounded lines, then restated as `label: N USD`.
    pub(crate) fn total(
        &mut self,
        id: &'static str,
        lines: impl Iterator<Item = Money> + Clone,
        label: &'static str,
    ) -> Money {
        let total: Money = lines.clone().sum();
        let result = usd(total);
        // A single line is its own total: no `x = x` step.
        if lines.clone().nth(1).is_some() {
            self.record(
                id,
                || Formula::Sum {
                    of: lines.map(usd).collect(),
                },
                result,
            );
        }
        self.record(id, || Formula::Label { label }, result);
        total
    }
}

/// Money as a step term: `12.34 USD`.
fn usd(money: Money) -> Term {
    Term::new(money.to_f64(), NumFmt::Fixed(2), "USD")
}

/// Which form of the AWS Pricing Calculator a provisioned stream is priced as. On-demand and
/// Advantage exist only in the current form, and always use its arithmetic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub enum Form {
    /// The older form, the seed deck's: every shown step rounded and reused, three shard needs
    /// (ingress, egress, records), headroom only through a target utilization.
    #[default]
    #[serde(rename = "2021")]
    Y2021,
    /// Today's form: quantities unrounded (shown at 2 decimals), shards from the peak's ingress
    /// and reads in whole shards, times a percent buffer; no records term.
    #[serde(rename = "current")]
    Current,
}

impl Form {
    /// The current form's buffer when none is given, percent.
    pub const DEFAULT_BUFFER_PERCENT: f64 = 20.0;
    /// The largest buffer kcost takes, percent.
    pub const MAX_BUFFER_PERCENT: f64 = 1000.0;

    /// The form's name as it is typed and shown (`2021`, `current`).
    pub const fn name(self) -> &'static str {
        match self {
            Form::Y2021 => "2021",
            Form::Current => "current",
        }
    }
}

impl std::fmt::Display for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Form {
    type Err = crate::error::InputError;

    /// `2021` or `current`, in any case.
    fn from_str(text: &str) -> Result<Form, crate::error::InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "2021" => Ok(Form::Y2021),
            "current" => Ok(Form::Current),
            _ => Err(crate::error::InputError::Form {
                text: text.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_read_and_print_by_name() {
        for (rounding, name) in [
            (Rounding::Calculator, "calculator"),
            (Rounding::Exact, "exact"),
        ] {
            assert_eq!(rounding.to_string(), name);
            assert_eq!(name.parse::<Rounding>(), Ok(rounding));
            assert_eq!(
                format!(" {} ", name.to_uppercase()).parse::<Rounding>(),
                Ok(rounding)
            );
        }
        assert_eq!(
            "banker".parse::<Rounding>().unwrap_err().to_string(),
            "unknown rounding 'banker'; use calculator or exact"
        );
    }

    #[test]
    fn discounts_are_percentages_to_two_decimals_up_to_100() {
        assert_eq!(parse_discount("100"), Ok(10_000));
        assert_eq!(parse_discount("100%"), Ok(10_000));
        assert_eq!(parse_discount("12.57"), Ok(1257));
        assert_eq!(parse_discount("0.01"), Ok(1));
        for bad in ["100.01", "0.001", "0.00000001", "12.571"] {
            assert_eq!(
                parse_discount(bad).unwrap_err().to_string(),
                format!("the discount '{bad}' must be a percentage from 0 to 100 with at most two decimals, e.g. 12.5"),
            );
        }
    }

    #[test]
    fn values_from_the_largest_kcost_prices_up_are_out_of_range() {
        let below = MAX_MAGNITUDE - 128.0;
        assert_eq!(Calc::checked("ingress_rate", below), Ok(below));
        assert_eq!(Calc::checked("ingress_rate", -below), Ok(-below));
        for value in [MAX_MAGNITUDE, -MAX_MAGNITUDE, f64::INFINITY, f64::NAN] {
            let err = Calc::checked("ingress_rate", value).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::OutOfRange {
                        step: "ingress_rate",
                        ..
                    }
                ),
                "{value}: {err:?}"
            );
        }
    }

    #[test]
    fn inputs_show_as_the_calculator_prints_them() {
        assert_eq!(Rounding::show_input(10_000.0), "10,000");
        assert_eq!(Rounding::show_input(16.666), "16.67");
        assert_eq!(Rounding::show_input(0.5), "0.50");
    }
}
