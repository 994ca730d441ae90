//! What can go wrong in an estimate, with messages that say what to change.

use thiserror::Error;

use crate::face::{Face, Fix, Plain};
use crate::input::Input;

/// A value the user gave is not usable. Each message names the value and the fix.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum InputError {
    /// A value is empty.
    #[error("the {what} is empty; give a number")]
    Empty {
        /// What the value is ("record rate").
        what: &'static str,
    },
    /// A value is not a number.
    #[error("the {what} '{text}' is not a number; write it like 100, 0.5 or 2e6")]
    NotANumber {
        /// What the value is ("record rate").
        what: &'static str,
        /// The text as the user gave it.
        text: String,
    },
    /// A value is infinite or not a number (`inf`, `NaN`).
    #[error("the {what} '{text}' is not a finite number; give a plain number such as 100")]
    NotFinite {
        /// What the value is ("record rate").
        what: &'static str,
        /// The text as the user gave it.
        text: String,
    },
    /// A value that must be 0 or more is negative.
    #[error("the {what} '{text}' is negative; it must be 0 or more")]
    Negative {
        /// What the value is ("record rate").
        what: &'static str,
        /// The text as the user gave it.
        text: String,
    },
    /// A count is not a whole number from 0 to `u32::MAX`.
    #[error("the {what} '{text}' is not a whole number from 0 to 4294967295")]
    NotWhole {
        /// What the value is ("consumer count").
        what: &'static str,
        /// The text as the user gave it.
        text: String,
    },
    /// A record rate has a time unit kcost does not know.
    #[error(
        "unknown time unit '{unit}' in the record rate '{text}'; \
         use /s, /min, /h, /day or /month (a month is 730 hours), e.g. 1000/min"
    )]
    RateUnit {
        /// The rate as the user gave it.
        text: String,
        /// The unknown unit, as written after the `/`.
        unit: String,
    },
    /// A record size is 0 KB.
    #[error("the {what} must be more than 0 KB")]
    ZeroSize {
        /// What the size is ("record size").
        what: &'static str,
    },
    /// A record size is over Kinesis' 10 MiB limit.
    #[error(
        "a {what} of {} KB is over Kinesis' 10 MiB (10,240 KB) limit; \
         split records into smaller ones",
        Num(*.kb)
    )]
    RecordTooLarge {
        /// What the size is ("record size").
        what: &'static str,
        /// The size given, in KB.
        kb: f64,
    },
    /// Records are over 1 MiB but no maximum record size was given.
    #[error("{}", self.text(&Plain))]
    NeedsMaxRecordSize {
        /// The record size, in KB.
        kb: f64,
    },
    /// Records are over the maximum record size given.
    #[error("{}", self.text(&Plain))]
    OverMaxRecordSize {
        /// The record size, in KB.
        kb: f64,
        /// The maximum record size given, in KB.
        max: f64,
    },
    /// A retention is not a whole number of hours from 24 hours to 365 days.
    #[error("the retention '{text}' is not a whole number of hours from 24h to 365d; write 24h, 48h, 7d or 365d")]
    Retention {
        /// The retention as the user gave it.
        text: String,
    },
    /// A hot-key share is not more than 0 and at most 1.
    #[error("the hot-key share '{text}' must be more than 0 and at most 1 (or a percentage such as 30%)")]
    Share {
        /// The share as the user gave it.
        text: String,
    },
    /// A target utilization is not a percentage more than 0 and at most 100.
    #[error("the target utilization '{text}' must be a percentage more than 0 and at most 100")]
    Utilization {
        /// The utilization as the user gave it.
        text: String,
    },
    /// A monthly growth is not a percentage above -100 and at most 1000.
    #[error("the growth '{text}' must be a percentage per month above -100 and at most 1000, e.g. 5 or -2.5")]
    Growth {
        /// The growth as the user gave it.
        text: String,
    },
    /// A number of months to project is not from 1 to 120.
    #[error("{months} months is out of range; project 1 to 120 months")]
    Months {
        /// The number of months given.
        months: u32,
    },
    /// A peak record rate is below the average rate.
    #[error("the peak rate {peak} is below the average rate {average}; a peak must be at least the average")]
    PeakBelowAverage {
        /// The peak rate, as text.
        peak: String,
        /// The average rate, as text.
        average: String,
    },
    /// An aggregated record size is not more than 0 and at most the maximum record size.
    #[error(
        "an aggregated record of {} KB is not possible; aggregate into more than 0 KB and at most \
         the maximum record size ({} KB)", Num(*.kb), Num(*.max))]
    Aggregate {
        /// The aggregated record size given, in KB.
        kb: f64,
        /// The maximum record size, in KB.
        max: f64,
    },
    /// A capacity mode kcost does not know.
    #[error("unknown mode '{text}'; use provisioned, on-demand or advantage")]
    Mode {
        /// The mode as the user gave it.
        text: String,
    },
    /// A rounding policy kcost does not know.
    #[error("unknown rounding '{text}'; use calculator or exact")]
    Rounding {
        /// The rounding as the user gave it.
        text: String,
    },
    /// An analytics engine kcost does not know.
    #[error("unknown analytics engine '{text}'; use flink, sql or studio")]
    Engine {
        /// The engine as the user gave it.
        text: String,
    },
    /// KPU-hours given per second or per minute instead of per hour, day or month.
    #[error(
        "KPU-hours '{text}' must be per hour, day or month (e.g. 5/day, the calculator's form), \
         not per second or minute"
    )]
    KpuHoursUnit {
        /// The KPU-hours as the user gave them.
        text: String,
    },
    /// Running hours a day are not more than 0 and at most 24.
    #[error("the running hours a day '{text}' must be more than 0 and at most 24")]
    HoursPerDay {
        /// The hours as the user gave them.
        text: String,
    },
    /// A value outside the range AWS allows for it.
    #[error("the {what} '{text}' must be {range} with dynamic partitioning, as AWS allows")]
    OutOfRange {
        /// What the value is ("buffer interval").
        what: &'static str,
        /// The value as text.
        text: String,
        /// The range in words ("from 60 to 900 seconds").
        range: &'static str,
    },
    /// A Firehose source kcost does not know.
    #[error(
        "unknown Firehose source '{text}'; use direct-put, kinesis-stream, msk or vended-logs"
    )]
    FirehoseSource {
        /// The source as the user gave it.
        text: String,
    },
    /// A discount is not a percentage from 0 to 100 with at most two decimals.
    #[error("the discount '{text}' must be a percentage from 0 to 100 with at most two decimals, e.g. 12.5")]
    Discount {
        /// The discount as the user gave it.
        text: String,
    },
    /// An age for old prices is not a whole number of months or `off`.
    #[error("the price age '{text}' must be a whole number of months (12), or off for no check")]
    PriceAge {
        /// The age as the user gave it.
        text: String,
    },
    /// A sweep range is not `FROM..TO` with `TO` above `FROM`.
    #[error("the range '{text}' must be FROM..TO with TO above FROM, e.g. 100..100000")]
    SweepRange {
        /// The range as the user gave it.
        text: String,
    },
    /// A number of sweep steps is not from 2 to 10,000.
    #[error("{steps} points is out of range; sweep 2 to 10,000 points")]
    SweepSteps {
        /// The number of steps given.
        steps: u32,
    },
    /// A logarithmic sweep starts at 0.
    #[error("a sweep on a log scale cannot start at 0; start it above 0, e.g. 1..100000")]
    SweepLogFromZero,
    /// A count that must be at least 1 is 0.
    #[error("the {what} must be at least 1")]
    ZeroCount {
        /// What the count is ("KPU count").
        what: &'static str,
    },
    /// A Firehose record is over Firehose's 1,000 KiB maximum record size.
    #[error(
        "a Firehose record of {} KB is over Firehose's 1,000 KiB maximum record size; split it", Num(*.kb))]
    FirehoseRecordTooLarge {
        /// The record size, in KB.
        kb: f64,
    },
    /// A value that must be more than 0 is not.
    #[error("the {what} '{text}' must be more than 0")]
    NotPositive {
        /// What the value is ("object size").
        what: &'static str,
        /// The value as text.
        text: String,
    },
    /// A VPC delivery ratio is not a finite number of 0 or more.
    #[error(
        "the VPC ratio '{text}' must be 0 or more: the GB delivered into the VPC per GB ingested"
    )]
    VpcRatio {
        /// The ratio as the user gave it.
        text: String,
    },
    /// A daily profile that is not 24 weights of 0 or more.
    #[error("the daily profile is not usable: {why}; give 24 weights, one per UTC hour, e.g. 1,1,1,1,1,1,2,3,3,3,3,3,3,3,3,3,3,2,2,2,1,1,1,1")]
    Profile {
        /// What is wrong.
        why: String,
    },
    /// A scaling kcost does not know.
    #[error("unknown scaling '{text}'; use fixed (one shard count, the default) or scheduled")]
    Scaling {
        /// The scaling as given.
        text: String,
    },
    /// Both a daily profile and a peak rate.
    #[error("{}", self.text(&Plain))]
    ProfileAndPeak,
    /// Scheduled scaling without a daily profile.
    #[error("{}", self.text(&Plain))]
    ScheduledNeedsProfile,
    /// A shard count that is not a whole number from 1 to 10,000.
    #[error("the shard count '{text}' must be a whole number from 1 to 10,000 (a stream's limit)")]
    ShardCount {
        /// The count as given.
        text: String,
    },
    /// A CloudWatch period that is not 60 to 3600 seconds in whole minutes.
    #[error("the period '{text}' must be 60 to 3600 seconds in whole minutes, as CloudWatch exports them")]
    Period {
        /// The period as given.
        text: String,
    },
    /// A calculator form kcost does not know.
    #[error("unknown calculator form '{text}'; use 2021 (the older form, the default) or current")]
    Form {
        /// The form as the user gave it.
        text: String,
    },
    /// A buffer is not a percentage from 0 to 1000.
    #[error("the buffer '{text}' must be a percentage from 0 to 1000, e.g. 20")]
    Buffer {
        /// The buffer as the user gave it.
        text: String,
    },
    /// A word that is not one of an input's choices.
    #[error("unknown {what} '{text}'; use {choices}")]
    Choice {
        /// What the value is ("producer network").
        what: &'static str,
        /// The value as the user gave it.
        text: String,
        /// The choices in words ("public, nat or endpoint").
        choices: &'static str,
    },
    /// A number outside the range its service allows.
    #[error("the {what} '{text}' must be {range}")]
    Range {
        /// What the value is ("duration (ms)").
        what: &'static str,
        /// The value as text.
        text: String,
        /// The range in words ("more than 0 and at most 900,000").
        range: &'static str,
    },
    /// Shard-level metrics that are neither all, none nor a count of them.
    #[error(
        "the shard-level metrics '{text}' must be all, none or how many of Kinesis' 7 (1 to 7)"
    )]
    ShardMetrics {
        /// The value as the user gave it.
        text: String,
    },
    /// A whole number outside its range.
    #[error("the {what} '{text}' must be a whole number from {low} to {high}")]
    CountRange {
        /// What the value is ("NAT gateway count").
        what: &'static str,
        /// The value as the user gave it.
        text: String,
        /// The smallest allowed.
        low: u32,
        /// The largest allowed.
        high: u32,
    },
    /// An input that means something only with another input's value.
    #[error("{}", self.text(&Plain))]
    Needs {
        /// The input given.
        input: Input,
        /// The input and value it needs.
        needs: (Input, &'static str),
        /// Another input that would do, with the same value.
        or: Option<Input>,
    },
    /// An input given to an estimate it is not an input of (a Firehose's input for a stream).
    #[error("{}", self.text(&Plain))]
    NotOf {
        /// The input given.
        input: Input,
        /// What it was given to, in words ("a stream").
        of: &'static str,
    },
    /// A shard count for a stream whose mode has none of the user's (on-demand, Advantage).
    #[error("{}", self.text(&Plain))]
    ShardsNeedProvisioned,
    /// A shard count with a daily shard schedule.
    #[error("{}", self.text(&Plain))]
    ShardsAndSchedule,
    /// A buffer was given for the 2021 form, which has none.
    #[error("{}", self.text(&Plain))]
    BufferNeedsCurrentForm,
    /// A target utilization was given for the current form, whose headroom is its buffer.
    #[error("{}", self.text(&Plain))]
    UtilizationInCurrentForm {
        /// The utilization given, percent.
        percent: f64,
    },
    /// More enhanced fan-out consumers than the capacity mode allows per stream.
    #[error("{}", self.text(&Plain))]
    EfoLimit {
        /// The number of enhanced fan-out consumers given.
        given: u32,
        /// The most enhanced fan-out consumers the mode allows per stream.
        limit: u32,
        /// The capacity mode's name ("on-demand").
        mode: &'static str,
        /// A mode that allows more, with its limit, if one does.
        instead: Option<(&'static str, u32)>,
    },
}

/// An estimate could not be made.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    /// A value the user gave is not usable.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A region not in the price book.
    #[error("{}", self.text(&Plain))]
    UnknownRegion {
        /// The region code as the user gave it.
        region: String,
        /// The known region codes, separated by commas.
        known: String,
        /// The known region the user most likely meant (`us-east-1` for `US-EAST-1`).
        suggestion: Option<String>,
    },
    /// The region has no price that the estimate needs.
    #[error("{}", self.text(&Plain))]
    MissingPrice {
        /// The region code.
        region: String,
        /// The price's key as written in a pricing table.
        key: &'static str,
        /// What the price is for, in words.
        item: &'static str,
        /// The regions that have the price, once the price book has been asked (`None` before).
        elsewhere: Option<Vec<String>>,
    },
    /// A region has both Standard and Advantage on-demand streams, which AWS cannot bill.
    #[error("{}", self.text(&Plain))]
    MixedOnDemand {
        /// The region code.
        region: String,
        /// On-demand Standard streams in it.
        standard: usize,
        /// On-demand Advantage streams in it.
        advantage: usize,
    },
    /// A step of the calculation reaches a value too large (or not finite) to price to the cent.
    #[error(
        "the workload is too large to price: a step of the calculation ({step}) reaches {value:e}, \
         beyond what kcost can price to the cent; check the inputs and their units"
    )]
    OutOfRange {
        /// The identifier of the step (`ingress_rate`).
        step: &'static str,
        /// The value the step reached.
        value: f64,
    },
    /// A traffic series (built by hand) that covers no time: no point, or no period length.
    #[error(
        "the traffic series covers no time ({points} points of {period_s} s each), so there is no \
         month to project; build it with TrafficSeries::assemble from exported IncomingBytes and \
         IncomingRecords"
    )]
    NoTraffic {
        /// Its points.
        points: usize,
        /// Its seconds per point.
        period_s: i64,
    },
}

impl InputError {
    /// The message in the words of `face`.
    pub fn text(&self, face: &dyn Face) -> String {
        match self {
            InputError::NeedsMaxRecordSize { kb } => format!(
                "records of {} KB are over the default 1 MiB maximum record size; raise {} (up to \
                 10 MiB, as AWS allows since 2025-10-28), e.g. {}",
                Num(*kb),
                face.input(Input::MaxRecordSize),
                face.fix(Fix::Set(Input::MaxRecordSize, "2MiB"))
            ),
            InputError::OverMaxRecordSize { kb, max } => format!(
                "records of {} KB are over the maximum record size of {} KB; raise {}",
                Num(*kb),
                Num(*max),
                face.input(Input::MaxRecordSize)
            ),
            InputError::ProfileAndPeak => format!(
                "give {} or {}, not both: a daily profile sets the peak (its busiest hour)",
                face.input(Input::Profile),
                face.input(Input::PeakRecords)
            ),
            InputError::ScheduledNeedsProfile => format!(
                "a scheduled stream follows a daily profile: give {} (24 weights) with {}",
                face.input(Input::Profile),
                face.fix(Fix::Set(Input::Scaling, "scheduled"))
            ),
            InputError::Needs { input, needs, or } => needs_text(face, *input, *needs, *or),
            InputError::NotOf { input, of } => {
                format!("{} is not an input of {of}", face.input(*input))
            }
            InputError::ShardsNeedProvisioned => format!(
                "{} is the count a provisioned stream runs; an on-demand stream's shards are \
                 AWS's to choose and are not billed: drop it, or give {}",
                face.input(Input::Shards),
                face.fix(Fix::Set(Input::Mode, "provisioned"))
            ),
            InputError::ShardsAndSchedule => format!(
                "{} holds one shard count all day, and {} follows a daily schedule: give one of them",
                face.input(Input::Shards),
                face.fix(Fix::Set(Input::Scaling, "scheduled"))
            ),
            InputError::BufferNeedsCurrentForm => format!(
                "{} belongs to the calculator's current form, and the 2021 form has none; give {} \
                 to use it, or plan headroom with {}",
                face.input(Input::Buffer),
                face.fix(Fix::Set(Input::Form, "current")),
                face.input(Input::TargetUtilization)
            ),
            InputError::UtilizationInCurrentForm { percent } => format!(
                "a target utilization of {}% belongs to the calculator's 2021 form; the current \
                 form plans headroom with {} instead, e.g. {}",
                Num(*percent),
                face.input(Input::Buffer),
                face.fix(Fix::Set(Input::Buffer, "25"))
            ),
            InputError::EfoLimit {
                given,
                limit,
                mode,
                instead,
            } => {
                let mut text = format!(
                    "{given} enhanced fan-out consumers is over the limit of {limit} per stream in \
                     {mode} mode; use at most {limit}"
                );
                if let Some((other, most)) = instead {
                    text.push_str(&format!(
                        ", or {} (up to {most})",
                        face.fix(Fix::Set(Input::Mode, other))
                    ));
                }
                text
            }
            other => other.to_string(),
        }
    }
}

/// `input` applies only with `needs` (or `or` with the same value).
fn needs_text(
    face: &dyn Face,
    input: Input,
    needs: (Input, &'static str),
    or: Option<Input>,
) -> String {
    let mut text = format!(
        "{} applies only with {}",
        face.input(input),
        face.fix(Fix::Set(needs.0, needs.1))
    );
    if let Some(other) = or {
        text.push_str(&format!(" or {}", face.fix(Fix::Set(other, needs.1))));
    }
    text.push_str("; give that too, or drop it");
    text
}

impl Error {
    /// The message in the words of `face`.
    pub fn text(&self, face: &dyn Face) -> String {
        match self {
            Error::Input(e) => e.text(face),
            Error::UnknownRegion {
                region,
                suggestion: Some(code),
                ..
            } => format!("unknown region '{region}'; did you mean {code}?"),
            Error::UnknownRegion { region, known, .. } => format!(
                "unknown region '{region}'; known regions: {known}; or {}",
                face.fix(Fix::AddPrices)
            ),
            Error::MissingPrice {
                region,
                key,
                item,
                elsewhere,
            } => {
                let head = format!(
                    "region {region} has no price for {item} ({key}), which this estimate needs"
                );
                let add = face.fix(Fix::AddPrices);
                match elsewhere.as_deref() {
                    None => format!("{head}; {add} or choose another region"),
                    Some([]) => format!("{head}, and no region kcost has prices for has it: {add}"),
                    Some(regions) => format!(
                        "{head}; {} {} it: give {} one of them, or {add}",
                        regions.join(", "),
                        if regions.len() == 1 { "has" } else { "have" },
                        face.input(Input::Region)
                    ),
                }
            }
            Error::MixedOnDemand {
                region,
                standard,
                advantage,
            } => format!(
                "region {region} has {standard} on-demand Standard and {advantage} Advantage \
                 stream(s): Advantage is an account setting per region that bills every on-demand \
                 stream there, so one region cannot have both; give them all one {} (on-demand or \
                 advantage), or put them in different regions",
                face.input(Input::Mode)
            ),
            other => other.to_string(),
        }
    }
}

/// A number for a message: as typed for ordinary sizes, in exponent form when huge or tiny, so
/// that `1e308` is not written out in 309 digits.
struct Num(f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let x = self.0;
        if x != 0.0 && (x.abs() >= 1e9 || x.abs() < 1e-6) {
            write!(f, "{x:e}")
        } else {
            write!(f, "{x}")
        }
    }
}
