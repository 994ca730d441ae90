//! What the user describes: a stream's traffic and who reads it.

use std::str::FromStr;

use serde::Serialize;

use crate::error::InputError;
use crate::number::parse_non_negative;
use crate::rate::Rate;

/// Kinesis' hard ceiling on one record: 10 MiB, in KB of 1024 bytes.
pub const MAX_RECORD_KB: f64 = 10_240.0;

/// The default maximum record size of a stream: 1 MiB, in KB.
pub const DEFAULT_MAX_RECORD_KB: f64 = 1_024.0;

/// An average record size in KB (1 KB = 1024 bytes), more than 0 and at most 10 MiB.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct RecordSize(f64);

impl RecordSize {
    /// A record size of `kb` KB.
    ///
    /// # Errors
    /// When `kb` is not finite, is 0 or less, or exceeds 10,240 KB.
    pub fn from_kb(kb: f64) -> Result<RecordSize, InputError> {
        if !kb.is_finite() {
            return Err(InputError::NotFinite {
                what: "record size",
                text: kb.to_string(),
            });
        }
        if kb < 0.0 {
            return Err(InputError::Negative {
                what: "record size",
                text: kb.to_string(),
            });
        }
        if kb == 0.0 {
            return Err(InputError::ZeroRecordSize);
        }
        if kb > MAX_RECORD_KB {
            return Err(InputError::RecordTooLarge { kb });
        }
        Ok(RecordSize(kb))
    }

    /// The size in KB.
    pub const fn kb(self) -> f64 {
        self.0
    }
}

impl FromStr for RecordSize {
    type Err = InputError;

    fn from_str(text: &str) -> Result<RecordSize, InputError> {
        RecordSize::from_kb(parse_non_negative("record size", text)?)
    }
}

/// The traffic of one stream and its readers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StreamWorkload {
    /// Records written, per time unit as entered.
    pub records: Rate,
    /// Average record size.
    pub record_size: RecordSize,
    /// Shared-throughput consumer applications; `None` means the default of 1.
    pub consumers: Option<u32>,
}

impl StreamWorkload {
    /// Consumer applications when none are given.
    pub const DEFAULT_CONSUMERS: u32 = 1;

    /// The consumer count used: as given, or the default.
    pub fn consumers(&self) -> u32 {
        self.consumers.unwrap_or(Self::DEFAULT_CONSUMERS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_sizes_are_checked() {
        assert_eq!("100".parse::<RecordSize>().unwrap().kb(), 100.0);
        assert_eq!("10240".parse::<RecordSize>().unwrap().kb(), 10_240.0);
        let msg = |t: &str| t.parse::<RecordSize>().unwrap_err().to_string();
        assert!(msg("0").contains("more than 0 KB"));
        assert!(msg("10240.5").contains("10 MiB"));
        assert!(msg("-3").contains("negative"));
        assert!(msg("nan").contains("finite"));
    }
}
