//! What can go wrong in an estimate, with messages that say what to change.

use thiserror::Error;

/// A value the user gave is not usable. Each message names the value and the fix.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum InputError {
    #[error("the {what} is empty; give a number")]
    Empty { what: &'static str },
    #[error("the {what} '{text}' is not a number; write it like 100, 0.5 or 2e6")]
    NotANumber { what: &'static str, text: String },
    #[error("the {what} '{text}' is not a finite number; give a plain number such as 100")]
    NotFinite { what: &'static str, text: String },
    #[error("the {what} '{text}' is negative; it must be 0 or more")]
    Negative { what: &'static str, text: String },
    #[error("the {what} '{text}' is not a whole number from 0 to 4294967295")]
    NotWhole { what: &'static str, text: String },
    #[error(
        "unknown time unit '{unit}' in the record rate '{text}'; \
         use /s, /min, /h, /day or /month (a month is 730 hours), e.g. 1000/min"
    )]
    RateUnit { text: String, unit: String },
    #[error("the {what} must be more than 0 KB")]
    ZeroSize { what: &'static str },
    #[error(
        "a {what} of {kb} KB is over Kinesis' 10 MiB (10,240 KB) limit; \
         split records into smaller ones"
    )]
    RecordTooLarge { what: &'static str, kb: f64 },
    #[error(
        "records of {kb} KB are over the default 1 MiB maximum record size; give \
         --max-record-size (up to 10MiB, as AWS allows since 2025-10-28), e.g. --max-record-size 2MiB"
    )]
    NeedsMaxRecordSize { kb: f64 },
    #[error(
        "records of {kb} KB are over the maximum record size of {max} KB; raise --max-record-size"
    )]
    OverMaxRecordSize { kb: f64, max: f64 },
    #[error("the retention '{text}' is not a whole number of hours from 24h to 365d; write 24h, 48h, 7d or 365d")]
    Retention { text: String },
    #[error("the hot-key share '{text}' must be more than 0 and at most 1 (or a percentage such as 30%)")]
    Share { text: String },
    #[error("the target utilization '{text}' must be a percentage more than 0 and at most 100")]
    Utilization { text: String },
    #[error("the growth '{text}' must be a percentage per month above -100 and at most 1000, e.g. 5 or -2.5")]
    Growth { text: String },
    #[error("--months {months} is out of range; project 1 to 120 months")]
    Months { months: u32 },
    #[error("the peak rate {peak} is below the average rate {average}; a peak must be at least the average")]
    PeakBelowAverage { peak: String, average: String },
    #[error(
        "an aggregated record of {kb} KB is not possible; aggregate into more than 0 KB and at most \
         the maximum record size ({max} KB)"
    )]
    Aggregate { kb: f64, max: f64 },
    #[error("unknown analytics engine '{text}'; use flink, sql or studio")]
    Engine { text: String },
    #[error(
        "KPU-hours '{text}' must be per hour, day or month (e.g. 5/day, the calculator's form), \
         not per second or minute"
    )]
    KpuHoursUnit { text: String },
    #[error(
        "unknown Firehose source '{text}'; use direct-put, kinesis-stream, msk or vended-logs"
    )]
    FirehoseSource { text: String },
    #[error("the discount '{text}' must be a percentage from 0 to 100 with at most two decimals, e.g. 12.5")]
    Discount { text: String },
    #[error("the range '{text}' must be FROM..TO with TO above FROM, e.g. 100..100000")]
    SweepRange { text: String },
    #[error("--steps {steps} is out of range; sweep 2 to 10,000 points")]
    SweepSteps { steps: u32 },
    #[error("a --log sweep cannot start at 0; start it above 0, e.g. 1..100000")]
    SweepLogFromZero,
    #[error("the {what} must be at least 1")]
    ZeroCount { what: &'static str },
    #[error(
        "a Firehose record of {kb} KB is over Firehose's 1,000 KiB maximum record size; split it"
    )]
    FirehoseRecordTooLarge { kb: f64 },
    #[error("the {what} '{text}' must be more than 0")]
    NotPositive { what: &'static str, text: String },
    #[error("the VPC ratio '{text}' must be from 0 to 1: the share of ingested GB delivered into the VPC")]
    VpcRatio { text: String },
    #[error(
        "{given} enhanced fan-out consumers is over the limit of {limit} per stream in {mode} mode; \
         use at most {limit}{hint}"
    )]
    EfoLimit {
        given: u32,
        limit: u32,
        mode: &'static str,
        hint: &'static str,
    },
}

/// An estimate could not be made.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("unknown region '{region}'; known regions: {known}; or add one with --pricing FILE")]
    UnknownRegion { region: String, known: String },
    #[error(
        "region {region} has no price for {item} ({key}), which this estimate needs; \
         add it with --pricing FILE or choose another region"
    )]
    MissingPrice {
        region: String,
        key: &'static str,
        item: &'static str,
    },
    #[error(
        "the workload is too large to price: a step of the calculation ({step}) reaches {value:e}, \
         beyond what kcost can price to the cent; check the inputs and their units"
    )]
    OutOfRange { step: &'static str, value: f64 },
}
