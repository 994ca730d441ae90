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
    #[error("the record size must be more than 0 KB")]
    ZeroRecordSize,
    #[error(
        "a record of {kb} KB is over Kinesis' 10 MiB (10,240 KB) maximum record size; \
         split it into smaller records"
    )]
    RecordTooLarge { kb: f64 },
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
