//! The one parser of each input that is a plain number: what it accepts and the words it refuses
//! with, for the flags, batch columns and page fields alike. (Rates, sizes, retention, shares and
//! the like parse through their types' `FromStr`.)

use crate::error::InputError;
use crate::number::{parse_count, parse_non_negative};

/// The stream's own number parsers, where the stream's inputs are read ([`crate::workload`]).
pub use crate::workload::{
    aggregate_kb, consumers, efo_consumers, long_term_reads_gb, months, shards, MAX_SHARDS,
};

/// A count of at least 1 (applications, KPUs, parallelism, parallelism per KPU).
pub fn positive(what: &'static str, text: &str) -> Result<u32, InputError> {
    match parse_count(what, text)? {
        0 => Err(InputError::ZeroCount { what }),
        n => Ok(n),
    }
}

/// Applications in a set: at least 1.
pub fn apps(text: &str) -> Result<u32, InputError> {
    positive("application count", text)
}

/// KPUs per application: at least 1.
pub fn kpus(text: &str) -> Result<u32, InputError> {
    positive("KPU count", text)
}

/// An application's parallelism: at least 1.
pub fn parallelism(text: &str) -> Result<u32, InputError> {
    positive("parallelism", text)
}

/// Parallelism per KPU: at least 1.
pub fn parallelism_per_kpu(text: &str) -> Result<u32, InputError> {
    positive("parallelism per KPU", text)
}

/// Hours a day applications run: more than 0 and at most 24.
pub fn hours_per_day(text: &str) -> Result<f64, InputError> {
    let hours = parse_non_negative("running hours a day", text)?;
    if hours == 0.0 || hours > 24.0 {
        return Err(InputError::HoursPerDay {
            text: text.to_string(),
        });
    }
    Ok(hours)
}

/// Active partitions of a Firehose stream: at least 1.
pub fn active_partitions(text: &str) -> Result<u32, InputError> {
    positive("active partition count", text)
}

/// A Firehose buffer interval with dynamic partitioning: 60 to 900 seconds.
pub fn buffer_interval(text: &str) -> Result<f64, InputError> {
    let seconds = parse_non_negative("buffer interval", text)?;
    check_buffering(None, Some(seconds), None)?;
    Ok(seconds)
}

/// A Firehose buffer size with dynamic partitioning: 64 to 128 MB.
pub fn buffer_size_mb(text: &str) -> Result<f64, InputError> {
    let mb = parse_non_negative("buffer size", text)?;
    check_buffering(None, None, Some(mb))?;
    Ok(mb)
}

/// AWS's buffering limits with dynamic partitioning: at least one active partition, an interval
/// of 60 to 900 s and a size of 64 to 128 MB (kinesis-facts section 9).
///
/// # Errors
/// [`InputError::OutOfRange`] naming the value and its range.
pub fn check_buffering(
    partitions: Option<u32>,
    interval_s: Option<f64>,
    size_mb: Option<f64>,
) -> Result<(), InputError> {
    let out = |what, value: f64, range| InputError::OutOfRange {
        what,
        text: value.to_string(),
        range,
    };
    if partitions == Some(0) {
        return Err(InputError::ZeroCount {
            what: "active partition count",
        });
    }
    if let Some(s) = interval_s.filter(|s| !(60.0..=900.0).contains(s)) {
        return Err(out("buffer interval", s, "from 60 to 900 seconds"));
    }
    if let Some(mb) = size_mb.filter(|mb| !(64.0..=128.0).contains(mb)) {
        return Err(out("buffer size", mb, "from 64 to 128 MB"));
    }
    Ok(())
}

/// GB of durable backups per application: 0 or more.
pub fn backup_gb(text: &str) -> Result<f64, InputError> {
    parse_non_negative("backup size", text)
}

/// The S3 object size of dynamic partitioning in MB: more than 0.
pub fn object_size_mb(text: &str) -> Result<f64, InputError> {
    match parse_non_negative("object size", text)? {
        0.0 => Err(InputError::NotPositive {
            what: "object size",
            text: text.to_string(),
        }),
        mb => Ok(mb),
    }
}

/// JQ processing hours a month: 0 or more.
pub fn jq_hours(text: &str) -> Result<f64, InputError> {
    parse_non_negative("JQ hours", text)
}

/// Subnets of a VPC destination: a whole number, 0 or more.
pub fn vpc_subnets(text: &str) -> Result<u32, InputError> {
    parse_count("subnet count", text)
}

/// GB delivered into the VPC per GB ingested: 0 or more (above 1 is allowed, as in the AWS
/// Pricing Calculator, and said in the estimate).
pub fn vpc_ratio(text: &str) -> Result<f64, InputError> {
    parse_non_negative("VPC ratio", text)
}

/// A CloudWatch export's period: 60 to 3600 seconds, in whole minutes.
pub fn period_seconds(text: &str) -> Result<i64, InputError> {
    let n = parse_count("period", text)?;
    if !(60..=3600).contains(&n) || n % 60 != 0 {
        return Err(InputError::Period {
            text: text.to_string(),
        });
    }
    Ok(i64::from(n))
}
