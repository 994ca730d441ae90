//! What the user describes: a stream's traffic, how long it keeps it, and who reads it.

use std::str::FromStr;

use serde::Serialize;

use crate::error::InputError;
use crate::read::number::parse_non_negative;
use crate::read::rate::Rate;

mod inputs;

pub use inputs::{aggregate_kb, consumers, efo_consumers, long_term_reads_gb, months, shards};

/// Kinesis' hard ceiling on one record: 10 MiB, in KB of 1024 bytes.
pub const MAX_RECORD_KB: f64 = 10_240.0;

/// The most shards one stream may have (UpdateShardCount's limit).
pub const MAX_SHARDS: u32 = 10_000;

/// The default maximum record size of a stream: 1 MiB, in KB.
pub const DEFAULT_MAX_RECORD_KB: f64 = 1_024.0;

/// An average record size in KB (1 KB = 1024 bytes), more than 0 and at most 10 MiB.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct RecordSize(f64);

impl RecordSize {
    /// One KB.
    pub const ONE_KB: RecordSize = RecordSize(1.0);

    /// A record size of `kb` KB.
    ///
    /// # Errors
    /// When `kb` is not finite, is 0 or less, or exceeds 10,240 KB.
    pub fn from_kb(kb: f64) -> Result<RecordSize, InputError> {
        check_size("record size", kb)?;
        Ok(RecordSize(kb))
    }

    /// The size in KB.
    pub const fn kb(self) -> f64 {
        self.0
    }
}

fn check_size(what: &'static str, kb: f64) -> Result<(), InputError> {
    crate::read::number::check_value(what, kb)?;
    if kb == 0.0 {
        return Err(InputError::ZeroSize { what });
    }
    if kb > MAX_RECORD_KB {
        return Err(InputError::RecordTooLarge { what, kb });
    }
    Ok(())
}

impl FromStr for RecordSize {
    type Err = InputError;

    fn from_str(text: &str) -> Result<RecordSize, InputError> {
        RecordSize::from_kb(parse_non_negative("record size", text)?)
    }
}

/// A stream's maximum record size: 1 MiB by default, up to 10 MiB on request.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct MaxRecordSize(f64);

impl MaxRecordSize {
    /// The size in KB.
    pub const fn kb(self) -> f64 {
        self.0
    }
}

impl FromStr for MaxRecordSize {
    type Err = InputError;

    /// `2048` (KB), `2048KB`, `2MiB`, `10MiB`.
    fn from_str(text: &str) -> Result<MaxRecordSize, InputError> {
        const WHAT: &str = "maximum record size";
        let trimmed = text.trim();
        let lower = trimmed.to_ascii_lowercase();
        let (number, factor) = if let Some(n) = lower.strip_suffix("mib") {
            (n, 1024.0)
        } else if let Some(n) = lower.strip_suffix("mb") {
            (n, 1024.0)
        } else if let Some(n) = lower
            .strip_suffix("kib")
            .or_else(|| lower.strip_suffix("kb"))
        {
            (n, 1.0)
        } else {
            (lower.as_str(), 1.0)
        };
        let kb = parse_non_negative(WHAT, number)? * factor;
        check_size(WHAT, kb)?;
        Ok(MaxRecordSize(kb))
    }
}

/// How long a stream keeps records: 24 hours to 365 days, in whole hours.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Retention(f64);

impl Retention {
    /// Kinesis' default and minimum: 24 hours.
    pub const DEFAULT: Retention = Retention(24.0);
    /// The longest retention Kinesis allows: 365 days.
    pub const MAX_HOURS: f64 = 8_760.0;

    /// A retention of `hours`.
    ///
    /// # Errors
    /// When `hours` is not a whole number from 24 to 8,760.
    pub fn from_hours(hours: f64) -> Result<Retention, InputError> {
        if !hours.is_finite() || hours.fract() != 0.0 || !(24.0..=Self::MAX_HOURS).contains(&hours)
        {
            return Err(InputError::Retention {
                text: hours.to_string(),
            });
        }
        Ok(Retention(hours))
    }

    /// The retention in hours.
    pub const fn hours(self) -> f64 {
        self.0
    }
}

impl Default for Retention {
    fn default() -> Retention {
        Retention::DEFAULT
    }
}

impl FromStr for Retention {
    type Err = InputError;

    /// `24h`, `48h`, `7d`, `365d`, or a bare number of hours.
    fn from_str(text: &str) -> Result<Retention, InputError> {
        let lower = text.trim().to_ascii_lowercase();
        let (number, factor) = if let Some(n) = lower.strip_suffix('d') {
            (n, 24.0)
        } else if let Some(n) = lower.strip_suffix('h') {
            (n, 1.0)
        } else {
            (lower.as_str(), 1.0)
        };
        let bad = || InputError::Retention {
            text: text.to_string(),
        };
        let value: f64 = number.trim().parse().map_err(|_| bad())?;
        Retention::from_hours(value * factor).map_err(|_| bad())
    }
}

/// A share between 0 (exclusive) and 1 (inclusive), such as the busiest partition key's share.
fn check_share(share: f64) -> Result<f64, InputError> {
    if share.is_finite() && share > 0.0 && share <= 1.0 {
        Ok(share)
    } else {
        Err(InputError::Share {
            text: share.to_string(),
        })
    }
}

/// Parses a hot-key share: `0.3` or `30%`.
///
/// # Errors
/// When the share is not in (0, 1].
pub fn parse_share(text: &str) -> Result<f64, InputError> {
    let trimmed = text.trim();
    let share = match trimmed.strip_suffix('%') {
        Some(percent) => parse_non_negative("hot-key share", percent)? / 100.0,
        None => parse_non_negative("hot-key share", trimmed)?,
    };
    check_share(share).map_err(|_| InputError::Share {
        text: text.to_string(),
    })
}

/// Parses a target utilization in percent: more than 0, at most 100.
///
/// # Errors
/// When the percentage is not in (0, 100].
pub fn parse_utilization(text: &str) -> Result<f64, InputError> {
    let number = text.trim().trim_end_matches('%');
    let percent = parse_non_negative("target utilization", number)?;
    if percent > 0.0 && percent <= 100.0 {
        Ok(percent)
    } else {
        Err(InputError::Utilization {
            text: text.to_string(),
        })
    }
}

/// Monthly growth of the record rate, for a month-by-month projection.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Growth {
    /// Percent per month; may be negative, above -100.
    pub percent_per_month: f64,
    /// Months projected, 1 to 120.
    pub months: u32,
}

impl Growth {
    /// Months projected when not given.
    pub const DEFAULT_MONTHS: u32 = 12;

    /// A projection of `months` months growing `percent_per_month` each.
    ///
    /// # Errors
    /// When the percentage is not finite or not above -100, or months is not 1 to 120.
    pub fn new(percent_per_month: f64, months: u32) -> Result<Growth, InputError> {
        if !percent_per_month.is_finite()
            || percent_per_month <= -100.0
            || percent_per_month > 1000.0
        {
            return Err(InputError::Growth {
                text: percent_per_month.to_string(),
            });
        }
        if !(1..=120).contains(&months) {
            return Err(InputError::Months { months });
        }
        Ok(Growth {
            percent_per_month,
            months,
        })
    }
}

/// Parses a growth percentage: `5`, `5%`, `-2.5`.
///
/// # Errors
/// When it is not a number above -100 and at most 1000.
pub fn parse_growth(text: &str) -> Result<f64, InputError> {
    let number = text.trim().trim_end_matches('%').trim();
    let value: f64 = number.parse().map_err(|_| InputError::Growth {
        text: text.to_string(),
    })?;
    Growth::new(value, Growth::DEFAULT_MONTHS)
        .map(|g| g.percent_per_month)
        .map_err(|_| InputError::Growth {
            text: text.to_string(),
        })
}

pub use crate::calc::Form;

/// Parses the current form's buffer: a percentage from 0 to 1000 (`20`, `20%`).
///
/// # Errors
/// When it is not such a percentage.
pub fn parse_buffer(text: &str) -> Result<f64, InputError> {
    let number = text.trim().trim_end_matches('%');
    let bad = || InputError::Buffer {
        text: text.to_string(),
    };
    let percent = parse_non_negative("buffer", number).map_err(|_| bad())?;
    if percent <= Form::MAX_BUFFER_PERCENT {
        Ok(percent)
    } else {
        Err(bad())
    }
}

/// Relative traffic in each UTC hour of the day: 24 weights around the average record rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Profile {
    /// The weights as given, hours 00 to 23.
    pub weights: [f64; 24],
}

impl Profile {
    /// A profile of 24 weights, each 0 or more and not all 0.
    ///
    /// # Errors
    /// Not 24 weights, a negative or non-finite weight, or all of them 0.
    pub fn from_weights(weights: &[f64]) -> Result<Profile, InputError> {
        let bad = |why: &str| InputError::Profile {
            why: why.to_string(),
        };
        let weights: [f64; 24] = weights.try_into().map_err(|_| {
            bad(&format!(
                "it has {} weights, not 24 (one per hour)",
                weights.len()
            ))
        })?;
        if let Some(w) = weights.iter().find(|w| !w.is_finite() || **w < 0.0) {
            return Err(bad(&format!("the weight {w} is not a number of 0 or more")));
        }
        if !weights.iter().sum::<f64>().is_finite() {
            return Err(bad(
                "the weights are too large to add up; give relative weights such as 1 to 10",
            ));
        }
        if weights.iter().all(|w| *w == 0.0) {
            return Err(bad(
                "every weight is 0; give the relative traffic of each hour",
            ));
        }
        Ok(Profile { weights })
    }

    /// Hour `h`'s traffic over the day's average (the weights' mean is 1 after this).
    pub fn factor(&self, hour: usize) -> f64 {
        let mean = self.weights.iter().sum::<f64>() / 24.0;
        self.weights.get(hour).map_or(0.0, |w| w / mean)
    }

    /// The busiest hour's traffic over the day's average.
    pub fn peak_factor(&self) -> f64 {
        (0..24).map(|h| self.factor(h)).fold(0.0, f64::max)
    }
}

impl FromStr for Profile {
    type Err = InputError;

    /// `1,1,1,1,1,1,2,3,...`: 24 weights separated by commas (or spaces).
    fn from_str(text: &str) -> Result<Profile, InputError> {
        let weights = text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(|w| parse_non_negative("profile weight", w))
            .collect::<Result<Vec<f64>, _>>()
            .map_err(|e| InputError::Profile { why: e.to_string() })?;
        Profile::from_weights(&weights)
    }
}

impl std::fmt::Display for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.weights.iter().map(f64::to_string).collect();
        f.write_str(&parts.join(","))
    }
}

/// How a provisioned stream with a daily profile holds its shards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scaling {
    /// One shard count all day, sized for the peak hour.
    #[default]
    Fixed,
    /// A count for each hour, within UpdateShardCount's rules.
    Scheduled,
}

impl Scaling {
    /// The name as typed (`fixed`, `scheduled`).
    pub const fn name(self) -> &'static str {
        match self {
            Scaling::Fixed => "fixed",
            Scaling::Scheduled => "scheduled",
        }
    }
}

impl FromStr for Scaling {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Scaling, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "fixed" => Ok(Scaling::Fixed),
            "scheduled" => Ok(Scaling::Scheduled),
            _ => Err(InputError::Scaling {
                text: text.to_string(),
            }),
        }
    }
}

/// The traffic of one stream, its retention and its readers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StreamWorkload {
    /// Records written, per time unit as entered (the average rate).
    pub records: Rate,
    /// Average record size.
    pub record_size: RecordSize,
    /// Shared-throughput consumer applications; `None` means the default of 1.
    pub consumers: Option<u32>,
    /// Enhanced fan-out consumers (each with its own 2 MB/s per shard).
    pub efo_consumers: u32,
    /// How long records are kept.
    pub retention: Retention,
    /// GB a month read from data older than 7 days (provisioned long-term retention retrieval).
    pub long_term_reads_gb: f64,
    /// KPL aggregation into Kinesis records of up to this many KB.
    pub aggregate_kb: Option<f64>,
    /// The peak record rate shards must carry (usage-billed lines still use the average).
    pub peak_records: Option<Rate>,
    /// Percent of shard capacity to plan for (100 keeps calculator parity).
    pub target_utilization: f64,
    /// The busiest partition key's share of the traffic.
    pub hot_key_share: Option<f64>,
    /// The stream's maximum record size, needed for records over 1 MiB.
    pub max_record_size: Option<MaxRecordSize>,
    /// A month-by-month projection.
    pub growth: Option<Growth>,
    /// The calculator form a provisioned stream is priced as.
    pub form: Form,
    /// The current form's percent buffer on the shard need; `None` means the default of 20.
    pub buffer_percent: Option<f64>,
    /// Relative traffic in each hour of the day around the average.
    pub profile: Option<Profile>,
    /// With a profile: one shard count all day, or a daily schedule.
    pub scaling: Scaling,
    /// The shards a provisioned stream runs, when fixed (a plan's `shard_count`): billed at this
    /// count, with the traffic's own need shown beside it.
    pub shards: Option<u64>,
    /// What is priced around the stream: shard-level metrics, encryption, the network path.
    pub around: crate::around::Around,
}

impl StreamWorkload {
    /// Consumer applications when none are given.
    pub const DEFAULT_CONSUMERS: u32 = 1;
    /// The KPL's default aggregated record size, KB.
    pub const DEFAULT_AGGREGATE_KB: f64 = 25.0;

    /// A workload of `records` of `record_size`, with every other input at its default.
    pub fn new(records: Rate, record_size: RecordSize) -> StreamWorkload {
        StreamWorkload {
            records,
            record_size,
            consumers: None,
            efo_consumers: 0,
            retention: Retention::DEFAULT,
            long_term_reads_gb: 0.0,
            aggregate_kb: None,
            peak_records: None,
            target_utilization: 100.0,
            hot_key_share: None,
            max_record_size: None,
            growth: None,
            form: Form::Y2021,
            buffer_percent: None,
            profile: None,
            scaling: Scaling::Fixed,
            shards: None,
            around: crate::around::Around::default(),
        }
    }

    /// The consumer count used: as given, or the default.
    pub fn consumers(&self) -> u32 {
        self.consumers.unwrap_or(Self::DEFAULT_CONSUMERS)
    }

    /// The current form's buffer used: as given, or the default.
    pub fn buffer_percent(&self) -> f64 {
        self.buffer_percent.unwrap_or(Form::DEFAULT_BUFFER_PERCENT)
    }

    /// Checks what no single value can: limits that depend on several inputs.
    ///
    /// # Errors
    /// Records over the stream's maximum size, a peak below the average, an aggregated record
    /// smaller than zero or over the maximum, bad shares or utilizations, negative reads.
    pub fn check(&self) -> Result<(), InputError> {
        self.around.check()?;
        let size = self.record_size.kb();
        let max = self
            .max_record_size
            .map_or(DEFAULT_MAX_RECORD_KB, MaxRecordSize::kb);
        if size > max {
            return Err(match self.max_record_size {
                None => InputError::NeedsMaxRecordSize { kb: size },
                Some(_) => InputError::OverMaxRecordSize { kb: size, max },
            });
        }
        if let Some(peak) = self.peak_records {
            if peak.per_second() < self.records.per_second() {
                return Err(InputError::PeakBelowAverage {
                    peak: peak.to_string(),
                    average: self.records.to_string(),
                });
            }
        }
        if let Some(kb) = self.aggregate_kb {
            if !kb.is_finite() || kb <= 0.0 || kb > max {
                return Err(InputError::Aggregate { kb, max });
            }
        }
        if !self.long_term_reads_gb.is_finite() || self.long_term_reads_gb < 0.0 {
            return Err(InputError::Negative {
                what: "long-term reads",
                text: self.long_term_reads_gb.to_string(),
            });
        }
        if let Some(share) = self.hot_key_share {
            check_share(share)?;
        }
        if !(self.target_utilization > 0.0 && self.target_utilization <= 100.0) {
            return Err(InputError::Utilization {
                text: self.target_utilization.to_string(),
            });
        }
        if let Some(g) = self.growth {
            Growth::new(g.percent_per_month, g.months)?;
        }
        if let Some(p) = self.profile {
            Profile::from_weights(&p.weights)?;
            if self.peak_records.is_some() {
                return Err(InputError::ProfileAndPeak);
            }
        }
        if self.scaling == Scaling::Scheduled && self.profile.is_none() {
            return Err(InputError::ScheduledNeedsProfile);
        }
        if let Some(n) = self.shards {
            if n == 0 || n > u64::from(MAX_SHARDS) {
                return Err(InputError::ShardCount {
                    text: n.to_string(),
                });
            }
            if self.scaling == Scaling::Scheduled {
                return Err(InputError::ShardsAndSchedule);
            }
        }
        self.check_form()
    }

    /// The buffer belongs to the current form and the target utilization to the 2021 form:
    /// each with the other form is refused rather than silently ignored.
    fn check_form(&self) -> Result<(), InputError> {
        if let Some(b) = self.buffer_percent {
            if !(0.0..=Form::MAX_BUFFER_PERCENT).contains(&b) {
                return Err(InputError::Buffer {
                    text: b.to_string(),
                });
            }
        }
        match self.form {
            Form::Y2021 if self.buffer_percent.is_some() => Err(InputError::BufferNeedsCurrentForm),
            Form::Current if self.target_utilization < 100.0 => {
                Err(InputError::UtilizationInCurrentForm {
                    percent: self.target_utilization,
                })
            }
            _ => Ok(()),
        }
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

    #[test]
    fn retention_is_24_hours_to_365_days() {
        let hours = |t: &str| t.parse::<Retention>().unwrap().hours();
        assert_eq!(hours("24h"), 24.0);
        assert_eq!(hours("48h"), 48.0);
        assert_eq!(hours("7d"), 168.0);
        assert_eq!(hours("365d"), 8_760.0);
        assert_eq!(hours("36"), 36.0);
        for bad in ["23h", "366d", "1.5h", "x", "", "-24h", "NaN"] {
            let err = bad.parse::<Retention>().unwrap_err().to_string();
            assert!(err.contains("24h to 365d"), "{bad}: {err}");
        }
    }

    #[test]
    fn max_record_sizes_take_units() {
        let kb = |t: &str| t.parse::<MaxRecordSize>().unwrap().kb();
        assert_eq!(kb("2048"), 2048.0);
        assert_eq!(kb("2MiB"), 2048.0);
        assert_eq!(kb("10MiB"), 10_240.0);
        assert_eq!(kb("1500KB"), 1500.0);
        assert!("11MiB".parse::<MaxRecordSize>().is_err());
    }

    #[test]
    fn shares_and_utilizations() {
        assert_eq!(parse_share("0.3").unwrap(), 0.3);
        assert_eq!(parse_share("30%").unwrap(), 0.3);
        assert!(parse_share("0").is_err() && parse_share("1.5").is_err());
        assert_eq!(parse_utilization("80").unwrap(), 80.0);
        assert_eq!(parse_utilization("80%").unwrap(), 80.0);
        assert!(parse_utilization("0").is_err() && parse_utilization("101").is_err());
        assert_eq!(parse_growth("5%").unwrap(), 5.0);
        assert_eq!(parse_growth("-2.5").unwrap(), -2.5);
        assert!(parse_growth("-100").is_err() && parse_growth("lots").is_err());
    }

    #[test]
    fn workloads_check_limits_across_inputs() {
        let w = |size: &str| StreamWorkload::new("100".parse().unwrap(), size.parse().unwrap());
        assert!(w("1024").check().is_ok());
        let big = w("2048");
        assert!(big
            .check()
            .unwrap_err()
            .to_string()
            .contains("raise the maximum record size"));
        let allowed = StreamWorkload {
            max_record_size: Some("2MiB".parse().unwrap()),
            ..big
        };
        assert!(allowed.check().is_ok());
        let low_peak = StreamWorkload {
            peak_records: Some("50".parse().unwrap()),
            ..w("1")
        };
        assert!(low_peak.check().unwrap_err().to_string().contains("peak"));
    }

    #[test]
    fn a_retention_must_be_whole_hours_even_inside_the_range() {
        // 24.5 hours is finite and between 24 and 8,760, but not whole: refused on the fraction
        // alone.
        assert_eq!(
            "24.5h".parse::<Retention>().unwrap_err().to_string(),
            "the retention '24.5h' is not a whole number of hours from 24h to 365d; write 24h, \
             48h, 7d or 365d"
        );
        assert!(Retention::from_hours(24.5).is_err());
        // 1.5 days is 1.5 x 24 = 36 whole hours: taken.
        assert_eq!("1.5d".parse::<Retention>().unwrap().hours(), 36.0);
    }

    #[test]
    fn buffers_are_0_to_1000_percent() {
        assert_eq!(parse_buffer("20").unwrap(), 20.0);
        assert_eq!(parse_buffer("25%").unwrap(), 25.0);
        assert_eq!(parse_buffer("0").unwrap(), 0.0);
        // Exactly the largest buffer is taken; half a percent more is not.
        assert_eq!(parse_buffer("1000").unwrap(), 1000.0);
        for bad in ["1000.5", "-5", "lots"] {
            assert_eq!(
                parse_buffer(bad).unwrap_err().to_string(),
                format!("the buffer '{bad}' must be a percentage from 0 to 1000, e.g. 20")
            );
        }
    }

    #[test]
    fn forms_and_scalings_are_read_and_named() {
        assert_eq!("2021".parse::<Form>().unwrap(), Form::Y2021);
        assert_eq!(" Current ".parse::<Form>().unwrap(), Form::Current);
        assert_eq!(
            "2023".parse::<Form>().unwrap_err().to_string(),
            "unknown calculator form '2023'; use 2021 (the older form, the default) or current"
        );
        assert_eq!(
            (Form::Y2021.name(), Form::Current.name()),
            ("2021", "current")
        );
        assert_eq!(
            (Form::Y2021.to_string(), Form::Current.to_string()),
            ("2021".to_string(), "current".to_string())
        );

        assert_eq!("fixed".parse::<Scaling>().unwrap(), Scaling::Fixed);
        assert_eq!("Scheduled".parse::<Scaling>().unwrap(), Scaling::Scheduled);
        assert_eq!(
            "hourly".parse::<Scaling>().unwrap_err().to_string(),
            "unknown scaling 'hourly'; use fixed (one shard count, the default) or scheduled"
        );
        assert_eq!(
            (Scaling::Fixed.name(), Scaling::Scheduled.name()),
            ("fixed", "scheduled")
        );
    }

    /// The flag's own example: 6 hours of 1, one of 2, ten of 3, three of 2, four of 1.
    const EXAMPLE: &str = "1,1,1,1,1,1,2,3,3,3,3,3,3,3,3,3,3,2,2,2,1,1,1,1";

    #[test]
    fn a_profile_is_read_from_text_and_written_back() {
        let p: Profile = EXAMPLE.parse().unwrap();
        // 6 x 1 + 2 + 10 x 3 + 3 x 2 + 4 x 1 = 48; the mean hour is 48 / 24 = 2, so an hour of
        // 1 is 1 / 2 = 0.5 of the average, an hour of 3 is 3 / 2 = 1.5, the busiest.
        assert_eq!((p.factor(0), p.factor(6), p.factor(7)), (0.5, 1.0, 1.5));
        assert_eq!(p.peak_factor(), 1.5);
        assert_eq!(p.to_string(), EXAMPLE);
        // Spaces, with or without the commas, separate weights too.
        assert_eq!(EXAMPLE.replace(',', " ").parse::<Profile>().unwrap(), p);
        assert_eq!(EXAMPLE.replace(',', ", ").parse::<Profile>().unwrap(), p);
        assert_eq!(
            "1,1,1".parse::<Profile>().unwrap_err().to_string(),
            "the daily profile is not usable: it has 3 weights, not 24 (one per hour); give 24 \
             weights, one per UTC hour, e.g. 1,1,1,1,1,1,2,3,3,3,3,3,3,3,3,3,3,2,2,2,1,1,1,1"
        );
    }

    #[test]
    fn profile_weights_are_0_or_more_and_not_all_0() {
        let why = |weights: &[f64]| match Profile::from_weights(weights).unwrap_err() {
            InputError::Profile { why } => why,
            other => other.to_string(),
        };
        let mut weights = [1.0; 24];
        weights[3] = -1.0;
        assert_eq!(why(&weights), "the weight -1 is not a number of 0 or more");
        weights[3] = f64::NAN;
        assert_eq!(why(&weights), "the weight NaN is not a number of 0 or more");
        // A quiet hour of 0 is a weight like any other: 23 hours of 1 and one of 0 add up to 23,
        // a mean of 23 / 24; the quiet hour is 0 of it, the others 1 / (23 / 24) = 24 / 23.
        weights[3] = 0.0;
        let p = Profile::from_weights(&weights).unwrap();
        assert_eq!((p.factor(3), p.factor(4)), (0.0, 24.0 / 23.0));
        assert_eq!(
            why(&[0.0; 24]),
            "every weight is 0; give the relative traffic of each hour"
        );
        assert_eq!(
            why(&[f64::MAX; 24]),
            "the weights are too large to add up; give relative weights such as 1 to 10"
        );
    }

    /// 100 records/s of 1 KB, every other input at its default.
    fn plain() -> StreamWorkload {
        StreamWorkload::new("100".parse().unwrap(), RecordSize::ONE_KB)
    }

    #[test]
    fn a_peak_equal_to_the_average_is_taken() {
        // 6,000 a minute is 6,000 / 60 = 100 a second: the average itself, a flat stream.
        let flat = StreamWorkload {
            peak_records: Some("6000/min".parse().unwrap()),
            ..plain()
        };
        assert_eq!(flat.check(), Ok(()));
    }

    #[test]
    fn an_aggregated_record_is_more_than_0_and_at_most_the_maximum_record_size() {
        let aggregate = |kb: f64| StreamWorkload {
            aggregate_kb: Some(kb),
            ..plain()
        };
        // Exactly the default maximum, 1 MiB = 1,024 KB, is taken.
        assert_eq!(aggregate(1024.0).check(), Ok(()));
        for (kb, shown) in [(1024.5, "1024.5"), (0.0, "0"), (f64::NAN, "NaN")] {
            assert_eq!(
                aggregate(kb).check().unwrap_err().to_string(),
                format!(
                    "an aggregated record of {shown} KB is not possible; aggregate into more than \
                     0 KB and at most the maximum record size (1024 KB)"
                )
            );
        }
        // A 2 MiB maximum (2 x 1,024 = 2,048 KB) lets records aggregate up to it.
        let raised = StreamWorkload {
            max_record_size: Some("2MiB".parse().unwrap()),
            ..aggregate(2048.0)
        };
        assert_eq!(raised.check(), Ok(()));
    }

    #[test]
    fn long_term_reads_are_0_or_more() {
        let reads = |gb: f64| StreamWorkload {
            long_term_reads_gb: gb,
            ..plain()
        };
        assert_eq!(reads(0.0).check(), Ok(()));
        assert_eq!(reads(100.0).check(), Ok(()));
        assert_eq!(
            reads(-1.0).check().unwrap_err().to_string(),
            "the long-term reads '-1' is negative; it must be 0 or more"
        );
        assert!(reads(f64::INFINITY).check().is_err());
    }

    #[test]
    fn a_shard_count_is_1_to_10000() {
        let shards = |n: u64| StreamWorkload {
            shards: Some(n),
            ..plain()
        };
        assert_eq!(shards(1).check(), Ok(()));
        assert_eq!(shards(10_000).check(), Ok(()));
        for n in [0, 10_001] {
            assert_eq!(
                shards(n).check().unwrap_err().to_string(),
                format!(
                    "the shard count '{n}' must be a whole number from 1 to 10,000 (a stream's \
                     limit)"
                )
            );
        }
    }

    #[test]
    fn the_current_form_takes_only_a_full_target_utilization() {
        let current = |percent: f64| StreamWorkload {
            form: Form::Current,
            target_utilization: percent,
            ..plain()
        };
        assert_eq!(current(100.0).check(), Ok(()));
        assert_eq!(
            current(99.5).check(),
            Err(InputError::UtilizationInCurrentForm { percent: 99.5 })
        );
        // The 2021 form takes any utilization up to 100, and a buffer only with the current
        // form.
        let y2021 = StreamWorkload {
            target_utilization: 99.5,
            ..plain()
        };
        assert_eq!(y2021.check(), Ok(()));
        let buffered = StreamWorkload {
            buffer_percent: Some(0.0),
            ..plain()
        };
        assert_eq!(buffered.check(), Err(InputError::BufferNeedsCurrentForm));
    }

    #[test]
    fn a_target_utilization_is_more_than_0_and_at_most_100() {
        let utilization = |percent: f64| StreamWorkload {
            target_utilization: percent,
            ..plain()
        };
        assert_eq!(utilization(100.0).check(), Ok(()));
        assert_eq!(utilization(0.5).check(), Ok(()));
        for (percent, shown) in [(0.0, "0"), (100.5, "100.5")] {
            assert_eq!(
                utilization(percent).check().unwrap_err().to_string(),
                format!(
                    "the target utilization '{shown}' must be a percentage more than 0 and at \
                     most 100"
                )
            );
        }
    }
}
