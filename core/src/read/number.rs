//! Parsing the plain numbers users type, with messages that say what was wrong.

use crate::error::InputError;

/// Parses a finite, non-negative decimal number (`100`, `0.5`, `2e6`).
///
/// # Errors
/// [`InputError`] naming `what` when the text is empty, not a number, NaN, infinite or negative.
pub fn parse_non_negative(what: &'static str, text: &str) -> Result<f64, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputError::Empty { what });
    }
    let value: f64 = trimmed.parse().map_err(|_| InputError::NotANumber {
        what,
        text: text.to_string(),
    })?;
    check_non_negative(what, value, text)
}

/// `value` if it is finite and 0 or more; `text` is how the user wrote it, for the message.
///
/// # Errors
/// [`InputError`] naming `what` when `value` is NaN, infinite or negative.
pub fn check_non_negative(what: &'static str, value: f64, text: &str) -> Result<f64, InputError> {
    if !value.is_finite() {
        return Err(InputError::NotFinite {
            what,
            text: text.to_string(),
        });
    }
    if value < 0.0 {
        return Err(InputError::Negative {
            what,
            text: text.to_string(),
        });
    }
    Ok(value)
}

/// As [`check_non_negative`] for a number given as a number: its text is written only for an
/// error (a batch checks millions).
pub(crate) fn check_value(what: &'static str, value: f64) -> Result<f64, InputError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        check_non_negative(what, value, &value.to_string())
    }
}

/// Parses a whole number of at least 0 (`10`), refusing fractions and signs with a clear message.
///
/// # Errors
/// [`InputError`] naming `what` when the text is not a whole number from 0 to `u32::MAX`.
pub fn parse_count(what: &'static str, text: &str) -> Result<u32, InputError> {
    let value = parse_non_negative(what, text)?;
    if value.fract() != 0.0 || value > f64::from(u32::MAX) {
        return Err(InputError::NotWhole {
            what,
            text: text.to_string(),
        });
    }
    // A whole number in 0..=u32::MAX, checked just above.
    Ok(value as u32)
}

/// A count of at least 1 (applications, KPUs, parallelism, parallelism per KPU).
pub fn positive(what: &'static str, text: &str) -> Result<u32, InputError> {
    match parse_count(what, text)? {
        0 => Err(InputError::ZeroCount { what }),
        n => Ok(n),
    }
}

/// An on/off input (a page's switch, a file's `true`): `on` or `true`, `off` or `false`.
///
/// # Errors
/// [`InputError::Choice`] for any other text.
pub fn parse_switch(what: &'static str, text: &str) -> Result<bool, InputError> {
    match text.trim() {
        "on" | "true" => Ok(true),
        "off" | "false" => Ok(false),
        other => Err(InputError::Choice {
            what,
            text: other.to_string(),
            choices: "on or off",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_and_non_negative() {
        assert_eq!(parse_count("consumers", "10").unwrap(), 10);
        assert_eq!(parse_count("consumers", "0").unwrap(), 0);
        assert_eq!(parse_count("consumers", "1e1").unwrap(), 10);
        for bad in ["-1", "1.5", "x", "", "NaN", "1e10"] {
            assert!(parse_count("consumers", bad).is_err(), "{bad}");
        }
    }
}
