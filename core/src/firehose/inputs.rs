//! A Firehose stream's inputs read from their text and given back as text: the one reading of
//! each that every front end shares.

use super::{FirehoseWorkload, Source};
use crate::error::InputError;
use crate::input::{Input, Scope};
use crate::read::number::{parse_count, parse_non_negative, parse_switch, positive};

impl FirehoseWorkload {
    /// Whether `input` is one of a Firehose stream's.
    pub fn takes(input: Input) -> bool {
        input.spec().scope == Scope::Firehose
    }

    /// Sets `input` from its text, as every front end reads it.
    ///
    /// # Errors
    /// The value's own error; [`InputError::NotOf`] for an input that is not a Firehose's.
    pub fn set(&mut self, input: Input, text: &str) -> Result<(), InputError> {
        match input {
            Input::FirehoseRecords => self.records = text.parse()?,
            Input::FirehoseSizeKb => self.record_size = text.parse()?,
            Input::Source => self.source = text.parse()?,
            Input::FormatConversion => {
                self.format_conversion = parse_switch("format conversion", text)?;
            }
            Input::DynamicPartitioning => {
                self.dynamic_partitioning = parse_switch("dynamic partitioning", text)?;
            }
            Input::ObjectSizeMb => self.object_size_mb = Some(object_size_mb(text)?),
            Input::JqHours => self.jq_hours = jq_hours(text)?,
            Input::ActivePartitions => {
                self.active_partitions = Some(active_partitions(text)?);
            }
            Input::BufferInterval => self.buffer_interval_s = Some(buffer_interval(text)?),
            Input::BufferSizeMb => self.buffer_size_mb = Some(buffer_size_mb(text)?),
            Input::VpcSubnets => self.vpc_subnets = vpc_subnets(text)?,
            Input::VpcRatio => self.vpc_ratio = vpc_ratio(text)?,
            _ => {
                return Err(InputError::NotOf {
                    input,
                    of: "a Firehose stream",
                })
            }
        }
        Ok(())
    }

    /// The inputs given beyond their defaults (the record rate and size always), each with its
    /// value as it would be typed, in declared order: what [`FirehoseWorkload::set`] reads back
    /// to the same workload.
    pub fn given(&self) -> Vec<(Input, String)> {
        let text = |x: f64| x.to_string();
        let on = |b: bool| b.then(|| "on".to_string());
        let given = [
            (Input::FirehoseRecords, Some(self.records.to_string())),
            (Input::FirehoseSizeKb, Some(text(self.record_size.kb()))),
            (
                Input::Source,
                (self.source != Source::DirectPut).then(|| self.source.name().to_string()),
            ),
            (Input::FormatConversion, on(self.format_conversion)),
            (Input::DynamicPartitioning, on(self.dynamic_partitioning)),
            (Input::ObjectSizeMb, self.object_size_mb.map(text)),
            (
                Input::JqHours,
                (self.jq_hours != 0.0).then(|| text(self.jq_hours)),
            ),
            (
                Input::ActivePartitions,
                self.active_partitions.map(|n| n.to_string()),
            ),
            (Input::BufferInterval, self.buffer_interval_s.map(text)),
            (Input::BufferSizeMb, self.buffer_size_mb.map(text)),
            (
                Input::VpcSubnets,
                (self.vpc_subnets != 0).then(|| self.vpc_subnets.to_string()),
            ),
            (
                Input::VpcRatio,
                (self.vpc_ratio != 1.0).then(|| text(self.vpc_ratio)),
            ),
        ];
        given
            .into_iter()
            .filter_map(|(input, value)| Some((input, value?)))
            .collect()
    }
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
