//! A stream's inputs read from their text and given back as text: [`StreamWorkload::set`] is the
//! one reading of each stream input that every front end shares (flags, batch columns, scenario
//! keys, the page's fields), and [`StreamWorkload::given`] writes back what differs from the
//! defaults, in the words `set` reads.

use super::{
    parse_buffer, parse_growth, parse_share, parse_utilization, Form, Growth, Retention, Scaling,
    StreamWorkload, MAX_SHARDS,
};
use crate::around::Around;
use crate::error::InputError;
use crate::input::{Input, Scope};
use crate::read::number::{parse_count, parse_non_negative};

impl StreamWorkload {
    /// Whether `input` is one of a stream workload's (every stream input but its capacity
    /// mode, which is the estimate's, not the traffic's).
    pub fn takes(input: Input) -> bool {
        input.spec().scope == Scope::Stream && input != Input::Mode
    }

    /// Sets `input` from its text, as every front end reads it. The months of growth need the
    /// growth first (inputs are set in their declared order).
    ///
    /// # Errors
    /// The value's own error; [`InputError::NotOf`] for an input that is not a stream's.
    pub fn set(&mut self, input: Input, text: &str) -> Result<(), InputError> {
        match input {
            Input::Records => self.records = text.parse()?,
            Input::SizeKb => self.record_size = text.parse()?,
            Input::Consumers => self.consumers = Some(consumers(text)?),
            Input::EfoConsumers => self.efo_consumers = efo_consumers(text)?,
            Input::Retention => self.retention = text.parse()?,
            Input::LongTermReadsGb => self.long_term_reads_gb = long_term_reads_gb(text)?,
            Input::Aggregate => self.aggregate_kb = Some(aggregate_kb(text)?),
            Input::PeakRecords => self.peak_records = Some(text.parse()?),
            Input::TargetUtilization => self.target_utilization = parse_utilization(text)?,
            Input::Profile => self.profile = Some(text.parse()?),
            Input::Scaling => self.scaling = text.parse()?,
            Input::Shards => self.shards = Some(shards(text)?),
            Input::Form => self.form = text.parse()?,
            Input::Buffer => self.buffer_percent = Some(parse_buffer(text)?),
            Input::HotKeyShare => self.hot_key_share = Some(parse_share(text)?),
            Input::MaxRecordSize => self.max_record_size = Some(text.parse()?),
            Input::Growth => {
                let months = self.growth.map_or(Growth::DEFAULT_MONTHS, |g| g.months);
                self.growth = Some(Growth::new(parse_growth(text)?, months)?);
            }
            Input::Months => {
                let Some(growth) = self.growth else {
                    return Err(InputError::Needs {
                        input,
                        needs: (Input::Growth, "5"),
                        or: None,
                    });
                };
                let months = months(text)?;
                self.growth = Some(Growth::new(growth.percent_per_month, months)?);
            }
            _ if Around::INPUTS.contains(&input) => self.around.set(input, text)?,
            _ => {
                return Err(InputError::NotOf {
                    input,
                    of: "a stream",
                })
            }
        }
        Ok(())
    }

    /// The inputs given beyond their defaults (the record rate and size always), each with its
    /// value as it would be typed, in declared order: what a scenario file or a link writes, and
    /// [`StreamWorkload::set`] reads back to the same workload.
    pub fn given(&self) -> Vec<(Input, String)> {
        let text = |x: f64| x.to_string();
        let mut given = vec![
            (Input::Records, Some(self.records.to_string())),
            (Input::SizeKb, Some(text(self.record_size.kb()))),
            (Input::Consumers, self.consumers.map(|n| n.to_string())),
            (
                Input::EfoConsumers,
                (self.efo_consumers > 0).then(|| self.efo_consumers.to_string()),
            ),
            (
                Input::Retention,
                (self.retention != Retention::default())
                    .then(|| format!("{}h", self.retention.hours())),
            ),
            (
                Input::LongTermReadsGb,
                (self.long_term_reads_gb != 0.0).then(|| text(self.long_term_reads_gb)),
            ),
            (Input::Aggregate, self.aggregate_kb.map(text)),
            (Input::PeakRecords, self.peak_records.map(|r| r.to_string())),
            (
                Input::TargetUtilization,
                (self.target_utilization != 100.0).then(|| text(self.target_utilization)),
            ),
            (Input::Profile, self.profile.map(|p| p.to_string())),
            (
                Input::Scaling,
                (self.scaling != Scaling::Fixed).then(|| self.scaling.name().to_string()),
            ),
            (Input::Shards, self.shards.map(|n| n.to_string())),
            (
                Input::Form,
                (self.form != Form::Y2021).then(|| self.form.name().to_string()),
            ),
            (Input::Buffer, self.buffer_percent.map(text)),
            (Input::HotKeyShare, self.hot_key_share.map(text)),
            (
                Input::MaxRecordSize,
                self.max_record_size.map(|m| text(m.kb())),
            ),
        ];
        given.extend(self.around.given().into_iter().map(|(i, v)| (i, Some(v))));
        if let Some(g) = self.growth {
            given.push((Input::Growth, Some(text(g.percent_per_month))));
            given.push((
                Input::Months,
                (g.months != Growth::DEFAULT_MONTHS).then(|| g.months.to_string()),
            ));
        }
        given
            .into_iter()
            .filter_map(|(input, value)| Some((input, value?)))
            .collect()
    }
}

/// Shared-throughput consumers: a whole number, 0 or more.
pub fn consumers(text: &str) -> Result<u32, InputError> {
    parse_count("consumer count", text)
}

/// Enhanced fan-out consumers: a whole number, 0 or more (the mode's limit is checked with
/// the mode).
pub fn efo_consumers(text: &str) -> Result<u32, InputError> {
    parse_count("enhanced fan-out consumer count", text)
}

/// GB a month read from long-term retention: 0 or more.
pub fn long_term_reads_gb(text: &str) -> Result<f64, InputError> {
    parse_non_negative("long-term reads", text)
}

/// The aggregated record size in KB: more than 0 and at most 10 MiB (a stream's maximum
/// record size, when smaller, is checked with the workload).
pub fn aggregate_kb(text: &str) -> Result<f64, InputError> {
    let kb = parse_non_negative("aggregated record size", text)?;
    let max = super::MAX_RECORD_KB;
    if kb == 0.0 || kb > max {
        return Err(InputError::Aggregate { kb, max });
    }
    Ok(kb)
}

/// Months to project: 1 to 120.
pub fn months(text: &str) -> Result<u32, InputError> {
    let months = parse_count("month count", text)?;
    Growth::new(0.0, months).map(|g| g.months)
}

/// A stream's shard count: a whole number from 1 to 10,000.
pub fn shards(text: &str) -> Result<u64, InputError> {
    let n = parse_count("shard count", text)?;
    if n == 0 || n > MAX_SHARDS {
        return Err(InputError::ShardCount {
            text: text.to_string(),
        });
    }
    Ok(u64::from(n))
}
