//! The parsers of the inputs that are plain numbers, gathered: each lives beside the workload
//! whose `set` reads it (the stream's, the applications', the Firehose's), and the export's
//! period here. (Rates, sizes, retention, shares and the like parse through their types'
//! `FromStr`.)

use crate::error::InputError;
use crate::number::parse_count;

pub use crate::analytics::{
    apps, backup_gb, hours_per_day, kpus, parallelism, parallelism_per_kpu,
};
pub use crate::firehose::{
    active_partitions, buffer_interval, buffer_size_mb, check_buffering, jq_hours, object_size_mb,
    vpc_ratio, vpc_subnets,
};
pub use crate::number::positive;
pub use crate::workload::{
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
