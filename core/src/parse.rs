//! The parsers of the inputs that are plain numbers, gathered: each lives beside the workload
//! whose `set` reads it (the stream's, the applications', the Firehose's), and the export's
//! period here. (Rates, sizes, retention, shares and the like parse through their types'
//! `FromStr`.) [`check`] reads any one input alone, through its workload's `set`.

use crate::analytics::{AnalyticsWorkload, AppSize, Engine};
use crate::consumers::{KclVersion, KclWorkload, LambdaWorkload};
use crate::error::InputError;
use crate::firehose::FirehoseWorkload;
use crate::input::{Input, Scope};
use crate::read::number::parse_count;
use crate::read::rate::{Per, Rate};
use crate::streams::workload::{Growth, RecordSize, StreamWorkload};

pub use crate::analytics::{
    apps, backup_gb, hours_per_day, kpus, parallelism, parallelism_per_kpu,
};
pub use crate::firehose::{
    active_partitions, buffer_interval, buffer_size_mb, check_buffering, jq_hours, object_size_mb,
    vpc_ratio, vpc_subnets,
};
pub use crate::read::number::positive;
pub use crate::streams::workload::{
    aggregate_kb, consumers, efo_consumers, long_term_reads_gb, months, shards, MAX_SHARDS,
};

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

/// Reads one input's text alone, as a flag or a field is checked before the others are known:
/// through the `set` of a workload of its scope, with what the input needs set first (growth
/// for its months, parallelism for parallelism per KPU). What depends on other inputs (a buffer
/// without the current form, a customer key without KMS) is the workload's check, later.
///
/// # Errors
/// The value's own error, in the words `set` gives it.
pub fn check(input: Input, text: &str) -> Result<(), InputError> {
    let one = Rate::new(1.0, Per::Second)?;
    match input.spec().scope {
        Scope::Every => match input {
            Input::Region => Ok(()),
            _ => crate::calc::Options::default().set(input, text),
        },
        Scope::Stream if input == Input::Mode => match text {
            "compare" => Ok(()),
            _ => text.parse::<crate::estimate::Mode>().map(drop),
        },
        Scope::Stream => {
            let mut w = StreamWorkload::new(one, RecordSize::ONE_KB);
            w.growth = Some(Growth::new(0.0, Growth::DEFAULT_MONTHS)?);
            w.set(input, text)
        }
        Scope::Analytics => {
            let size = AppSize::Parallelism {
                parallelism: 1,
                per_kpu: 1,
            };
            AnalyticsWorkload::new(Engine::Flink, 1, size).set(input, text)
        }
        Scope::Firehose => FirehoseWorkload::new(one, RecordSize::ONE_KB).set(input, text),
        Scope::Lambda => LambdaWorkload::new(128, 100.0).set(input, text),
        Scope::Kcl => KclWorkload {
            version: KclVersion::V3,
            workers: 1,
            checkpoint_s: KclWorkload::DEFAULT_CHECKPOINT_S,
        }
        .set(input, text),
    }
}
