//! Record rates as people write them: `100`, `100/s`, `1000/min`, `5/h`, `2e6/day`, `1e9/month`.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::error::InputError;
use crate::read::number::parse_non_negative;

/// The time unit a rate is given per. A month is 730 hours (2,628,000 s) and a day 86,400 s, as in
/// the AWS Pricing Calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Per {
    /// Per second (`/s`).
    Second,
    /// Per minute (`/min`).
    Minute,
    /// Per hour (`/h`).
    Hour,
    /// Per day of 86,400 s (`/day`).
    Day,
    /// Per month of 730 hours (`/month`).
    Month,
}

impl Per {
    /// Seconds in one of this unit.
    pub const fn seconds(self) -> f64 {
        match self {
            Per::Second => 1.0,
            Per::Minute => 60.0,
            Per::Hour => 3_600.0,
            Per::Day => 86_400.0,
            Per::Month => 2_628_000.0,
        }
    }

    /// The unit's name as the calculator's step text uses it (`records per minute`).
    pub const fn name(self) -> &'static str {
        match self {
            Per::Second => "sec",
            Per::Minute => "minute",
            Per::Hour => "hour",
            Per::Day => "day",
            Per::Month => "month",
        }
    }

    /// The short suffix kcost prints (`/min`).
    pub const fn suffix(self) -> &'static str {
        match self {
            Per::Second => "s",
            Per::Minute => "min",
            Per::Hour => "h",
            Per::Day => "day",
            Per::Month => "month",
        }
    }

    fn parse(unit: &str) -> Option<Per> {
        Some(match unit.to_ascii_lowercase().as_str() {
            "s" | "sec" | "secs" | "second" | "seconds" => Per::Second,
            "m" | "min" | "mins" | "minute" | "minutes" => Per::Minute,
            "h" | "hr" | "hrs" | "hour" | "hours" => Per::Hour,
            "d" | "day" | "days" => Per::Day,
            "mo" | "month" | "months" => Per::Month,
            _ => return None,
        })
    }
}

/// A count of records per time unit, as entered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rate {
    /// The number the user typed.
    pub count: f64,
    /// The unit it is per.
    pub per: Per,
}

impl Rate {
    /// No records: what stands in for a rate not given yet (a component whose traffic its
    /// wiring sets, a page whose rate is refused).
    pub const ZERO: Rate = Rate {
        count: 0.0,
        per: Per::Second,
    };

    /// A rate of `count` records per `per`.
    ///
    /// # Errors
    /// When `count` is negative, NaN or infinite.
    pub fn new(count: f64, per: Per) -> Result<Rate, InputError> {
        let count = crate::read::number::check_value("record rate", count)?;
        Ok(Rate { count, per })
    }

    /// Records per second, unrounded.
    pub fn per_second(self) -> f64 {
        self.count / self.per.seconds()
    }
}

impl FromStr for Rate {
    type Err = InputError;

    /// Parses `N` or `N/UNIT` with UNIT one of s, min, h, day, month (and their long forms).
    fn from_str(text: &str) -> Result<Rate, InputError> {
        let trimmed = text.trim();
        let (number, per) = match trimmed.split_once('/') {
            None => (trimmed, Per::Second),
            Some((number, unit)) => {
                let per = Per::parse(unit.trim()).ok_or_else(|| InputError::RateUnit {
                    text: text.to_string(),
                    unit: unit.trim().to_string(),
                })?;
                (number.trim(), per)
            }
        };
        let count = parse_non_negative("record rate", number)?;
        Rate::new(count, per)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.count, self.per.suffix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn per_second(text: &str, expected: f64) {
        let rate: Rate = text.parse().unwrap();
        assert_eq!(rate.per_second(), expected, "{text}");
    }

    #[test]
    fn rates_convert_to_per_second() {
        per_second("100", 100.0);
        per_second("100/s", 100.0);
        per_second(" 100 / sec ", 100.0);
        per_second("1000/min", 1000.0 / 60.0);
        per_second("5/h", 5.0 / 3600.0);
        per_second("2e6/day", 2e6 / 86_400.0);
        per_second("1e9/month", 1e9 / 2_628_000.0);
        per_second("0", 0.0);
    }

    #[test]
    fn bad_rates_say_what_is_wrong() {
        let msg = |t: &str| t.parse::<Rate>().unwrap_err().to_string();
        assert!(
            msg("100/week").contains("unknown time unit 'week'"),
            "{}",
            msg("100/week")
        );
        assert!(msg("-5/min").contains("negative"));
        assert!(msg("NaN").contains("finite"));
        assert!(msg("inf/s").contains("finite"));
        assert!(msg("abc").contains("not a number"));
        assert!(msg("").contains("empty"));
    }

    #[test]
    fn units_are_named_as_the_calculator_and_kcost_write_them() {
        for (text, name, shown) in [
            ("5/s", "sec", "5/s"),
            ("5/min", "minute", "5/min"),
            ("5/h", "hour", "5/h"),
            ("5/day", "day", "5/day"),
            ("5/month", "month", "5/month"),
        ] {
            let rate: Rate = text.parse().unwrap();
            assert_eq!(rate.per.name(), name, "{text}");
            assert_eq!(rate.to_string(), shown, "{text}");
        }
    }
}
