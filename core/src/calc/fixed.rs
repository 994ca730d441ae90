//! Decimal rounding exactly as JavaScript's `Number.prototype.toFixed` does it.
//!
//! The AWS Pricing Calculator shows every step with `toFixed` and reuses the shown value. `toFixed`
//! rounds the *exact binary value* of the double half-up at the shown digit: `0.15 / 2` is stored as
//! 0.0749999999999999972..., so it shows `0.07`, while `9.765625` (exactly representable) is a true
//! tie and shows `9.77`. Neither `(x * 100.0).round() / 100.0` (which rounds the scaled, already
//! rounded product) nor `format!("{:.2}")` (ties to even) reproduces that, so the rounding here works
//! on the double's integer mantissa and exponent and is exact.

use std::fmt::{self, Write};

/// The largest magnitude kcost computes with. Every step value must stay below it (a million
/// 10 MiB records a second make about 1.1e15 PUT payload units a month); larger workloads get
/// [`OutOfRange`] rather than figures in exponent notation (JavaScript stops writing `toFixed` in
/// plain digits at 1e21). Money has its own, lower bound: whole cents in an `i64`.
pub const MAX_MAGNITUDE: f64 = 1e18;

/// The most decimals a step may be shown with.
pub const MAX_SCALE: u8 = 12;

/// Powers of ten up to 10^MAX_SCALE, exact both as integers and as doubles.
const POW10: [u64; MAX_SCALE as usize + 1] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
];

/// The same powers as doubles (each exact), for the fast rounding.
const POW10_F64: [f64; MAX_SCALE as usize + 1] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
];

fn pow10(scale: u8) -> u64 {
    POW10.get(usize::from(scale)).copied().unwrap_or(1)
}

/// A value is not a finite number below [`MAX_MAGNITUDE`], so it cannot be rounded or priced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutOfRange(pub f64);

/// A decimal number with a fixed count of decimals: `units / 10^scale`, with a sign.
///
/// It is what `toFixed` would print, kept as an integer so that formatting and money never go
/// back through a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fixed {
    negative: bool,
    units: u128,
    scale: u8,
}

impl Fixed {
    /// Rounds `x` to `scale` decimals with `toFixed` semantics (exact value, ties away from zero).
    ///
    /// # Errors
    /// [`OutOfRange`] when `x` is NaN, infinite or at least [`MAX_MAGNITUDE`] in magnitude, or
    /// when `scale` exceeds [`MAX_SCALE`].
    pub fn round(x: f64, scale: u8) -> Result<Fixed, OutOfRange> {
        if !x.is_finite() || x.abs() >= MAX_MAGNITUDE || scale > MAX_SCALE {
            return Err(OutOfRange(x));
        }
        let bits = x.abs().to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let fraction = u128::from(bits & ((1u64 << 52) - 1));
        // x = mantissa * 2^exponent, exactly. A normal number's mantissa is its fraction plus
        // the implicit leading bit (bit 52, which the fraction never has).
        let (mantissa, exponent) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction + (1u128 << 52), biased - 1075)
        };
        let pow10 = u128::from(pow10(scale));
        // mantissa < 2^53 and pow10 <= 10^12 < 2^40, so the product fits in 93 bits; a positive
        // exponent only occurs for integers below 2^60 (MAX_MAGNITUDE), so the shift is at most 7
        // and the result stays below 2^100.
        let scaled = mantissa * pow10;
        let units = if exponent >= 0 {
            scaled << exponent
        } else {
            let shift = exponent.unsigned_abs();
            if shift >= 127 {
                0 // below 2^-34 after scaling: rounds to zero, and can't be a tie
            } else {
                let quotient = scaled >> shift;
                let remainder = scaled & ((1u128 << shift) - 1);
                let half = 1u128 << (shift - 1);
                quotient + u128::from(remainder >= half)
            }
        };
        Ok(Fixed {
            negative: x.is_sign_negative() && units != 0,
            units,
            scale,
        })
    }

    /// The value in units of `10^-scale` (for money at scale 2: whole cents), with its sign.
    pub fn scaled_units(self) -> i128 {
        // units < 2^100 by construction, so the conversion cannot fail.
        let magnitude = i128::try_from(self.units).unwrap_or(i128::MAX);
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }

    /// The double nearest to this decimal: what JavaScript's `Number(x.toFixed(n))` gives.
    pub fn to_f64(self) -> f64 {
        // Below 2^53 both operands are exact doubles and IEEE division rounds once, correctly.
        let value = if self.units < (1u128 << 53) {
            // Through u64: converting a u128 to a double takes a library call.
            (self.units as u64) as f64 / pow10(self.scale) as f64
        } else {
            // Rare (huge quantities): go through the decimal text, which Rust parses correctly.
            // The magnitude's text: the sign is applied below, once.
            let mut text = String::with_capacity(40);
            let magnitude = Fixed {
                negative: false,
                ..self
            };
            let _ = magnitude.write(&mut text, false);
            text.parse::<f64>().unwrap_or(f64::NAN)
        };
        if self.negative {
            -value
        } else {
            value
        }
    }

    /// Writes the number with all its decimals, optionally with `,` between thousands.
    pub fn write<W: Write>(self, out: &mut W, grouping: bool) -> fmt::Result {
        let pow10 = u128::from(pow10(self.scale));
        let whole = self.units / pow10;
        let frac = self.units % pow10;
        if self.negative {
            out.write_char('-')?;
        }
        write_grouped(out, whole, grouping)?;
        if self.scale > 0 {
            write!(out, ".{:0width$}", frac, width = usize::from(self.scale))?;
        }
        Ok(())
    }

    /// The number as text, as `toFixed` would print it, optionally with thousands separators.
    pub fn to_text(self, grouping: bool) -> String {
        let mut s = String::with_capacity(24);
        let _ = self.write(&mut s, grouping);
        s
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

pub(crate) fn write_grouped<W: Write + ?Sized>(
    out: &mut W,
    n: u128,
    grouping: bool,
) -> fmt::Result {
    if !grouping || n < 1000 {
        return write!(out, "{n}");
    }
    write_grouped(out, n / 1000, true)?;
    write!(out, ",{:03}", n % 1000)
}

/// `toFixed` followed by `Number(...)`: the rounded value a calculator step hands on.
///
/// # Errors
/// [`OutOfRange`] as for [`Fixed::round`].
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn round(x: f64, scale: u8) -> Result<f64, OutOfRange> {
    // A whole number is its own rounding at any scale (shard counts, hours, units: most steps),
    // so it skips the decimal arithmetic; `+ 0.0` turns -0 into 0, as that path does.
    // (Checked through a cast: `fract` is a library call on baseline x86-64.)
    let whole = x.abs() < MAX_MAGNITUDE && (x as i64) as f64 == x;
    if whole && scale <= MAX_SCALE {
        return Ok(x + 0.0);
    }
    if let Some(value) = away_from_ties(x, scale) {
        return Ok(value);
    }
    exactly(x, scale)
}

/// The exact path, out of line: the fast checks above are inlined into every step.
#[cold]
#[inline(never)]
fn exactly(x: f64, scale: u8) -> Result<f64, OutOfRange> {
    Fixed::round(x, scale).map(Fixed::to_f64)
}

/// Below this, `|x| x 10^scale` as a double is within 2^-13 of its exact value (half a unit in
/// the last place of a double below 2^40 is 2^-13).
const FAST_BELOW: f64 = (1u64 << 40) as f64;

/// How far from a tie the scaled double must be for its own rounding to be the exact value's:
/// eight times the error bound above.
const TIE_MARGIN: f64 = 1.0 / 1024.0;

/// `toFixed` then `Number(...)` through one multiplication, when that cannot differ from the
/// exact path (see [`units_away_from_ties`]).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn away_from_ties(x: f64, scale: u8) -> Option<f64> {
    let (units, pow10) = units_away_from_ties(x, scale)?;
    // The division rounds once, as `Fixed::to_f64`'s does; no negative zero, as there.
    let value = units / pow10;
    Some(if x < 0.0 && units != 0.0 {
        -value
    } else {
        value
    })
}

/// `|x|` rounded to `scale` decimals in units of `10^-scale` (a whole double), and `10^scale`,
/// through one multiplication, when that cannot differ from the exact path: the scaled value is
/// small enough to carry at most 2^-13 of error and its fraction is further than
/// [`TIE_MARGIN`] from one half, so the exact value lies on the same side of the tie. `None`
/// (then the exact path decides) near a tie, for large values, for NaN and infinities, and for
/// a scale past [`MAX_SCALE`].
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn units_away_from_ties(x: f64, scale: u8) -> Option<(f64, f64)> {
    let pow10 = POW10_F64.get(usize::from(scale)).copied()?;
    let scaled = x.abs() * pow10;
    if scaled.is_nan() || scaled >= FAST_BELOW {
        return None;
    }
    // Below 2^40 the truncation is exact, and so is the subtraction (both are multiples of the
    // scaled value's last place, and the difference is below one). Through `i64`: the
    // conversions to and from `u64` take several instructions each on baseline x86-64.
    let floor = (scaled as i64) as f64;
    let fraction = scaled - floor;
    if (fraction - 0.5).abs() <= TIE_MARGIN {
        return None;
    }
    Some((if fraction > 0.5 { floor + 1.0 } else { floor }, pow10))
}

/// `x` rounded to `scale` decimals as `toFixed` does, in signed units of `10^-scale` (for money
/// at scale 2: whole cents): [`Fixed::round`]'s [`Fixed::scaled_units`], through one
/// multiplication where that is exact.
///
/// # Errors
/// [`OutOfRange`] as for [`Fixed::round`].
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn round_units(x: f64, scale: u8) -> Result<i128, OutOfRange> {
    match units_away_from_ties(x, scale) {
        // Below 2^40: exact as an integer.
        Some((units, _)) => {
            // Through `i64`: a double to `i128` is a library call.
            let units = i128::from(units as i64);
            Ok(if x < 0.0 { -units } else { units })
        }
        None => Fixed::round(x, scale).map(Fixed::scaled_units),
    }
}

/// `12,531.28`: two decimals with thousands separators.
pub(crate) fn grouped(x: f64) -> String {
    Fixed::round(x, 2).map_or_else(|_| x.to_string(), |f| f.to_text(true))
}

/// A share of a whole for a sentence: `39%`, `0.4%`, `less than 0.1%`, `none`.
pub(crate) fn percent(p: f64) -> String {
    if p >= 10.0 {
        format!("{p:.0}%")
    } else if p >= 0.1 {
        format!("{p:.1}%")
    } else if p > 0.0 {
        "less than 0.1%".to_string()
    } else {
        "none".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_round_as_the_exact_path_rounds_them() {
        // A negative number whose units pass 2^53 went through the text with its sign and came
        // back positive: the exact path itself keeps the sign now.
        assert_eq!(
            Fixed::round(-16_383.0, 12).map(Fixed::to_f64),
            Ok(-16_383.0)
        );
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            49.0,
            35_770.0,
            9_007_199_254_740_993.0,
        ];
        values.extend((0..60).map(|p| 2f64.powi(p)));
        values.extend((0..60).map(|p| -(2f64.powi(p)) + 1.0));
        values.extend([
            MAX_MAGNITUDE,
            -MAX_MAGNITUDE,
            MAX_MAGNITUDE / 2.0,
            0.5,
            2.5,
            -2.5,
        ]);
        for x in values {
            for scale in [0, 2, 3, 8, MAX_SCALE, MAX_SCALE + 1] {
                let exact = Fixed::round(x, scale).map(Fixed::to_f64);
                let fast = round(x, scale);
                assert_eq!(
                    fast.map(f64::to_bits),
                    exact.map(f64::to_bits),
                    "{x} at {scale}"
                );
            }
        }
    }

    proptest::proptest! {
        /// The one-multiplication path gives the exact path's value wherever it answers, over
        /// any double and near the ties themselves (`k.5 / 10^scale`, where it must step aside).
        #[test]
        fn the_fast_rounding_is_the_exact_one(
            bits in proptest::prelude::any::<u64>(),
            k in 0u64..(1 << 41),
            nudge in -4i64..=4,
            scale in 0u8..=MAX_SCALE,
        ) {
            let near_tie = (k as f64 + 0.5) / pow10(scale) as f64;
            let near_tie = f64::from_bits((near_tie.to_bits() as i64 + nudge) as u64);
            for x in [f64::from_bits(bits), near_tie, -near_tie, near_tie * 1e-3] {
                let bits = |r: Result<f64, OutOfRange>| r.map(f64::to_bits).map_err(|e| e.0.to_bits());
                let exact = Fixed::round(x, scale).map(Fixed::to_f64);
                proptest::prop_assert_eq!(
                    bits(round(x, scale)),
                    bits(exact),
                    "{} at {}", x, scale
                );
                proptest::prop_assert_eq!(
                    round_units(x, scale).map_err(|e| e.0.to_bits()),
                    Fixed::round(x, scale).map(Fixed::scaled_units).map_err(|e| e.0.to_bits()),
                    "units of {} at {}", x, scale
                );
            }
        }
    }

    #[test]
    fn the_powers_of_ten_are_the_same_as_doubles() {
        assert_eq!(POW10.len(), POW10_F64.len());
        for (whole, double) in POW10.iter().zip(POW10_F64) {
            assert_eq!(*whole as f64, double);
        }
    }

    #[test]
    fn the_fast_rounding_steps_aside_at_ties() {
        // Exact ties and the doubles either side of one.
        for x in [0.125, 1.005, 1.045, 0.15 / 2.0, 2.675] {
            assert_eq!(away_from_ties(x, 2), None, "{x}");
        }
        assert_eq!(away_from_ties(48.8512, 2), Some(48.85));
        assert_eq!(away_from_ties(-48.8562, 2), Some(-48.86));
        assert_eq!(away_from_ties(-0.001, 2), Some(0.0));
        assert_eq!(away_from_ties(f64::NAN, 2), None);
        assert_eq!(away_from_ties(1.2, MAX_SCALE + 1), None);
    }

    #[track_caller]
    fn shows(x: f64, scale: u8, expected: &str) {
        assert_eq!(
            Fixed::round(x, scale).unwrap().to_text(true),
            expected,
            "{x} at {scale}"
        );
    }

    #[test]
    fn to_fixed_uses_the_exact_binary_value() {
        shows(0.15 / 2.0, 2, "0.07"); // 0.0749999999999999972...
        shows(9.765625, 2, "9.77"); // an exact tie rounds up, not to even
        shows(48.85, 2, "48.85");
        shows(1.005, 2, "1.00"); // 1.00499999999999989...
        shows(1.045, 2, "1.04");
        shows(0.125, 2, "0.13"); // exact tie
        shows(2.5, 0, "3");
        shows(0.5 / 1024.0, 8, "0.00048828");
        shows(100.0 / 1024.0, 8, "0.09765625");
        shows(4.8828125, 2, "4.88");
        shows(0.1, 3, "0.100");
        shows(14.7168, 2, "14.72");
        shows(18.396, 2, "18.40");
        shows(0.0, 2, "0.00");
        shows(5e-324, 2, "0.00");
    }

    #[test]
    fn negative_values_round_away_from_zero_like_to_fixed() {
        shows(-2.5, 0, "-3");
        shows(-0.001, 2, "0.00"); // no negative zero in the text
    }

    #[test]
    fn thousands_are_grouped_only_on_request() {
        shows(26_280_000_000.0, 2, "26,280,000,000.00");
        shows(7300.0, 2, "7,300.00");
        shows(999.999, 2, "1,000.00");
        assert_eq!(
            Fixed::round(1_051_200_000.0, 2).unwrap().to_text(false),
            "1051200000.00"
        );
    }

    #[test]
    fn the_rounded_value_is_the_nearest_double_to_the_text() {
        for (x, scale) in [
            (4.8828125, 2),
            (19.52, 2),
            (0.00048828125, 8),
            (1e14 + 0.125, 2),
        ] {
            let fixed = Fixed::round(x, scale).unwrap();
            assert_eq!(fixed.to_f64(), fixed.to_text(false).parse::<f64>().unwrap());
        }
    }

    #[test]
    fn values_out_of_range_are_refused() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e18, -2e300] {
            assert!(Fixed::round(x, 2).is_err(), "{x}");
        }
        assert!(Fixed::round(1.0, MAX_SCALE + 1).is_err());
        // The rounding a step hands on refuses them too, whole numbers included (its shortcut
        // for whole numbers stops below the bound).
        for x in [1e18, 2e18, -2e18, 1e19, f64::NAN] {
            assert_eq!(
                round(x, 2).map_err(|e| e.0.to_bits()),
                Err(x.to_bits()),
                "{x}"
            );
            assert!(round_units(x, 2).is_err(), "{x}");
        }
    }

    #[test]
    fn a_fixed_number_prints_as_to_fixed_without_grouping() {
        assert_eq!(Fixed::round(2.5, 0).unwrap().to_string(), "3");
        assert_eq!(Fixed::round(-1234.25, 1).unwrap().to_string(), "-1234.3");
        assert_eq!(format!("{}", Fixed::round(1.5, 3).unwrap()), "1.500");
    }
}
