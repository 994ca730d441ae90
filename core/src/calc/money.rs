//! Money as whole cents, so that no total is ever a float to be formatted later.

use std::fmt;
use std::iter::Sum;
use std::ops::Add;

use serde::{Serialize, Serializer};

/// An amount in USD, held as whole cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    cents: i64,
}

impl Money {
    /// No money.
    pub const ZERO: Money = Money { cents: 0 };

    /// An amount of `cents` hundredths of a USD.
    pub const fn from_cents(cents: i64) -> Money {
        Money { cents }
    }

    /// The amount in whole cents.
    pub const fn cents(self) -> i64 {
        self.cents
    }

    /// The largest amount one line may reach: 10^15 USD, so that any realistic number of lines
    /// still sums exactly in whole cents.
    pub const MAX_USD: f64 = 1e15;

    /// `x` USD rounded to cents as `toFixed(2)` does, or `None` when it is not finite or not below
    /// [`Money::MAX_USD`] in magnitude.
    pub fn round_usd(x: f64) -> Option<Money> {
        if !x.is_finite() || x.abs() >= Self::MAX_USD {
            return None;
        }
        let cents = crate::calc::fixed::round_units(x, 2).ok()?;
        i64::try_from(cents).ok().map(Money::from_cents)
    }

    /// The amount as a double, for arithmetic the calculator does on shown values (`109.50 + 367.92`).
    pub fn to_f64(self) -> f64 {
        self.cents as f64 / 100.0
    }

    /// The amount with two decimals and, if asked, thousands separators: `1,234.50`.
    pub fn to_text(self, grouping: bool) -> String {
        let mut text = String::with_capacity(24);
        let _ = self.write(&mut text, grouping);
        text
    }

    /// Writes the amount as [`Money::to_text`] does, from the whole cents themselves (no float,
    /// and no format string: a batch writes millions of them).
    pub fn write(self, out: &mut impl fmt::Write, grouping: bool) -> fmt::Result {
        if self.cents < 0 {
            out.write_char('-')?;
        }
        let cents = self.cents.unsigned_abs();
        let dollars = cents / 100;
        if grouping && dollars >= 1000 {
            crate::calc::fixed::write_grouped(out, u128::from(dollars), grouping)?;
        } else {
            out.write_str(itoa::Buffer::new().format(dollars))?;
        }
        // The two digits of the cents, as one string (`rest` is below 100).
        let rest = (cents % 100) as usize;
        let pair = CENT_DIGITS.get(rest * 2..rest * 2 + 2).unwrap_or("00");
        out.write_char('.')?;
        out.write_str(pair)
    }
}

/// "00" to "99", for the cents of [`Money::write`].
const CENT_DIGITS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839\
                           40414243444546474849505152535455565758596061626364656667686970717273747576777879\
                           8081828384858687888990919293949596979899";

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money::from_cents(self.cents.saturating_add(other.cents))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl fmt::Display for Money {
    /// Two decimals, no separators: `551.27`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

impl Serialize for Money {
    /// A JSON number with at most two decimals (`551.27`): the shortest text of `cents / 100`,
    /// which for whole cents below 2^53 is always the exact decimal amount.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.to_f64())
    }
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // cents written as 123_456_78
mod tests {
    use super::*;

    #[test]
    fn rounds_like_to_fixed_and_prints_cents() {
        assert_eq!(Money::round_usd(14.7168).unwrap().cents(), 1472);
        assert_eq!(Money::round_usd(18.396).unwrap().to_string(), "18.40");
        assert_eq!(Money::from_cents(123_456_78).to_text(true), "123,456.78");
        assert_eq!(Money::from_cents(5).to_string(), "0.05");
        assert_eq!(Money::from_cents(-99).to_string(), "-0.99");
        assert_eq!(Money::from_cents(100_010).to_text(true), "1,000.10");
        assert_eq!(
            Money::from_cents(i64::MIN).to_text(true),
            "-92,233,720,368,547,758.08"
        );
        assert!(Money::round_usd(f64::NAN).is_none());
        assert!(Money::round_usd(1e15).is_none());
        assert_eq!(
            Money::round_usd(999_999_999_999_999.0).unwrap().cents(),
            99_999_999_999_999_900
        );
        let total: Money = [Money::from_cents(53655), Money::from_cents(1472)]
            .into_iter()
            .sum();
        assert_eq!(total.to_string(), "551.27");
    }

    proptest::proptest! {
        /// Written from the cents, the text is the one `toFixed(2)` of the amount gives (the
        /// exact decimal path), with and without separators, up to 10^12 USD (where the amount
        /// as a double still has its cents; beyond, the cents are the exact figure).
        #[test]
        fn the_text_from_cents_is_to_fixeds(
            cents in -100_000_000_000_000i64..100_000_000_000_000,
            grouping: bool,
        ) {
            let m = Money::from_cents(cents);
            let exact = crate::calc::fixed::Fixed::round(m.to_f64(), 2).unwrap().to_text(grouping);
            proptest::prop_assert_eq!(m.to_text(grouping), exact);
            proptest::prop_assert_eq!(m.to_string(), m.to_text(false));
        }
    }
}
