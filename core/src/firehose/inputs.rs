//! A Firehose stream's inputs read from their text and given back as text: the one reading of
//! each that every front end shares.

use super::{FirehoseWorkload, Source};
use crate::error::InputError;
use crate::input::{Input, Scope};
use crate::number::parse_switch;
use crate::parse;

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
            Input::ObjectSizeMb => self.object_size_mb = Some(parse::object_size_mb(text)?),
            Input::JqHours => self.jq_hours = parse::jq_hours(text)?,
            Input::ActivePartitions => {
                self.active_partitions = Some(parse::active_partitions(text)?);
            }
            Input::BufferInterval => self.buffer_interval_s = Some(parse::buffer_interval(text)?),
            Input::BufferSizeMb => self.buffer_size_mb = Some(parse::buffer_size_mb(text)?),
            Input::VpcSubnets => self.vpc_subnets = parse::vpc_subnets(text)?,
            Input::VpcRatio => self.vpc_ratio = parse::vpc_ratio(text)?,
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
