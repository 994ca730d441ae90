//! The result of an estimate: what the CLI prints as a table, JSON, CSV or Markdown, and what the
//! page renders. Its serde form *is* kcost's JSON schema.

use arcstr::ArcStr;
use serde::Serialize;

use crate::calc::money::Money;
use crate::calc::trace::Step;
use crate::calc::Form;
use crate::calc::Rounding;
use crate::error::Error;
use crate::notes::{Assumption, Warning};
use crate::price::{Confidence, Price, PriceKey};
use crate::read::rate::Rate;

/// The AWS service an estimate prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Service {
    /// Amazon Kinesis Data Streams.
    KinesisDataStreams,
    /// Amazon Managed Service for Apache Flink (and its Studio notebooks).
    ManagedFlink,
    /// Amazon Kinesis Data Analytics for SQL applications.
    #[serde(rename = "kinesis-data-analytics-sql")]
    DataAnalyticsSql,
    /// Amazon Data Firehose.
    DataFirehose,
    /// AWS Lambda, a function reading a stream.
    Lambda,
    /// Amazon DynamoDB, the tables of a Kinesis Client Library application.
    #[serde(rename = "kcl-dynamodb")]
    KclDynamoDb,
    /// AWS KMS, a customer managed key of a plan or template.
    Kms,
    /// Amazon VPC, a NAT gateway of a plan or template.
    NatGateway,
    /// AWS PrivateLink, an interface VPC endpoint of a plan or template.
    VpcEndpoint,
}

impl Service {
    /// The service's name in words.
    pub const fn title(self) -> &'static str {
        match self {
            Service::KinesisDataStreams => "Kinesis Data Streams",
            Service::ManagedFlink => "Managed Service for Apache Flink",
            Service::DataAnalyticsSql => "Kinesis Data Analytics for SQL",
            Service::DataFirehose => "Data Firehose",
            Service::Lambda => "AWS Lambda",
            Service::KclDynamoDb => "KCL tables in Amazon DynamoDB",
            Service::Kms => "AWS KMS key",
            Service::NatGateway => "NAT gateway",
            Service::VpcEndpoint => "Interface VPC endpoint",
        }
    }
}

/// The capacity mode of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Shards sized by the user, billed per shard-hour and PUT payload unit.
    Provisioned,
    /// On-demand Standard: billed per stream-hour and per GB in and out.
    OnDemand,
    /// On-demand Advantage: no stream-hour, lower per-GB prices, a 25 MiB/s commitment.
    Advantage,
}

impl Mode {
    /// Every mode, in the order kcost compares them.
    pub const ALL: [Mode; 3] = [Mode::Provisioned, Mode::OnDemand, Mode::Advantage];

    /// The mode's name as the CLI writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Mode::Provisioned => "provisioned",
            Mode::OnDemand => "on-demand",
            Mode::Advantage => "advantage",
        }
    }

    /// The prices without which no estimate in this mode can be made; a region prices the mode
    /// when it has them all (others are needed only by the features that use them).
    pub const fn required_prices(self) -> &'static [PriceKey] {
        match self {
            Mode::Provisioned => &[PriceKey::KdsShardHour, PriceKey::KdsPutPayloadUnit],
            Mode::OnDemand => &[
                PriceKey::KdsOnDemandStreamHour,
                PriceKey::KdsOnDemandDataInGb,
            ],
            Mode::Advantage => &[PriceKey::KdsAdvantageDataInGb],
        }
    }

    /// The calculator form that prices this mode when `asked` was asked for: on-demand and
    /// Advantage exist only in the current form.
    pub const fn form(self, asked: Form) -> Form {
        match self {
            Mode::Provisioned => asked,
            Mode::OnDemand | Mode::Advantage => Form::Current,
        }
    }

    /// The most enhanced fan-out consumers a stream may have in this mode.
    pub const fn efo_limit(self) -> u32 {
        match self {
            Mode::Provisioned | Mode::OnDemand => 20,
            Mode::Advantage => 50,
        }
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Mode {
    type Err = crate::error::InputError;

    /// `provisioned`, `on-demand` or `advantage`, in any case.
    fn from_str(text: &str) -> Result<Mode, Self::Err> {
        let lower = text.trim().to_ascii_lowercase();
        Mode::ALL
            .into_iter()
            .find(|m| m.name() == lower)
            .ok_or_else(|| crate::error::InputError::Mode {
                text: text.to_string(),
            })
    }
}

/// Where provisioned and on-demand swap places for a profiled stream whose peak stays put.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShareOfPeak {
    /// The peak held, records/s (the profile's busiest hour).
    pub peak_records_per_second: f64,
    /// The average, percent of the peak, below which on-demand is cheaper.
    pub percent: f64,
    /// The profile's own average, percent of its peak.
    pub profile_percent: f64,
}

/// The inputs the estimate used, after defaults and unit conversion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inputs {
    /// The record rate as entered.
    pub records: Rate,
    /// The record rate per second the estimate used (rounded to 2 decimals by the calculator
    /// policy when it was entered per minute, hour, day or month).
    pub records_per_second: f64,
    /// Average record size in KB (1 KB = 1024 bytes).
    pub size_kb: f64,
    /// Shared-throughput consumer applications.
    pub consumers: u32,
    /// Enhanced fan-out consumers.
    pub efo_consumers: u32,
    /// Retention in hours.
    pub retention_hours: f64,
    /// GB a month read from data older than 7 days.
    pub long_term_reads_gb: f64,
    /// The peak record rate per second shards are sized for, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peak_records_per_second: Option<f64>,
    /// Percent of shard capacity planned for.
    pub target_utilization_percent: f64,
    /// The current form's percent buffer on the shard need (provisioned, current form only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buffer_percent: Option<f64>,
    /// The busiest partition key's share of traffic, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hot_key_share: Option<f64>,
    /// KPL aggregation target in KB, when aggregating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregate_kb: Option<f64>,
    /// The stream's maximum record size in KB.
    pub max_record_size_kb: f64,
    /// What is priced around the stream.
    #[serde(skip_serializing_if = "crate::around::Around::is_nothing")]
    pub around: crate::around::Around,
}

/// The shard needs and count, as shown (rounded under the calculator policy).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shards {
    /// Shards needed for the write throughput (1 MB/s each).
    pub ingress: f64,
    /// Shards needed for the shared read throughput (2 MB/s each).
    pub egress: f64,
    /// Shards needed for the record rate (1,000 records/s each); the current form has no records
    /// term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<f64>,
    /// Shards needed to keep the hot key's shard under its limits, when a hot key was given and
    /// some shard count can.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hot_key: Option<f64>,
    /// The largest of the needs.
    pub needed: f64,
    /// The need divided by the target utilization when it is under 100% (2021 form), or times
    /// 1 + the buffer (current form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_headroom: Option<f64>,
    /// Shards provisioned: the need rounded up, at least 1; or the count declared.
    pub count: u64,
    /// With a declared count: the count the traffic needs (the need rounded up).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sized: Option<u64>,
}

/// Where one line's price comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriceUsed {
    /// The pricing table key.
    pub key: PriceKey,
    /// Where the figure was read or how it was obtained.
    pub source: ArcStr,
    /// When the source gave it.
    pub as_of: ArcStr,
    /// How sure it is.
    pub confidence: Confidence,
}

impl PriceUsed {
    pub(crate) fn new(key: PriceKey, price: &Price) -> PriceUsed {
        PriceUsed {
            key,
            source: price.source.clone(),
            as_of: price.as_of.clone(),
            confidence: price.confidence,
        }
    }
}

/// One cost line of a monthly bill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// A stable identifier (`shard_hours`).
    pub item: &'static str,
    /// The line's name in words (`Shard hours`).
    pub description: &'static str,
    /// The billed quantity per month, as the calculation used it.
    pub quantity: f64,
    /// What the quantity counts (`shard-hour`).
    pub unit: &'static str,
    /// USD per unit.
    pub unit_price_usd: f64,
    /// The line's monthly cost, rounded to cents.
    pub monthly_usd: Money,
    /// The price's provenance.
    pub price: PriceUsed,
    /// Whether the line is around the stream (metrics, encryption, the network path) rather
    /// than the stream's own.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub around: bool,
}

/// A stream's own lines and the lines around it, each summed (when there are lines around it).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Subtotals {
    /// The stream's own lines.
    pub stream_usd: Money,
    /// The lines around the stream.
    pub around_usd: Money,
}

/// A monthly cost estimate, with the trace of how it was computed when asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// The service priced.
    pub service: Service,
    /// The capacity mode.
    pub mode: Mode,
    /// The AWS region code.
    pub region: ArcStr,
    /// The region's name.
    pub region_name: ArcStr,
    /// The rounding policy used.
    pub rounding: Rounding,
    /// The AWS Pricing Calculator form that priced it (on-demand and Advantage: always the
    /// current form).
    pub form: Form,
    /// The inputs used.
    pub inputs: Inputs,
    /// Shard needs and count (provisioned mode only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shards: Option<Shards>,
    /// The daily shard schedule the shard-hours follow (provisioned with a profile, scheduled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<crate::schedule::Schedule>,
    /// The cost lines.
    pub lines: Vec<Line>,
    /// The monthly total: the sum of the cent-rounded lines, less any discount.
    pub monthly_usd: Money,
    /// The discount, when one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<DiscountLine>,
    /// The stream's and around the stream's subtotals, when there are lines around it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtotals: Option<Subtotals>,
    /// What KPL aggregation saves against the same workload unaggregated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<AggregationSaving>,
    /// The busiest partition key's effect on its shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hot_key: Option<HotKey>,
    /// About how long each shared consumer waits between reads of a shard, in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumer_delay_ms: Option<f64>,
    /// Month-by-month costs under growth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth: Option<GrowthTable>,
    /// Values the estimate assumed because they were not given.
    pub assumptions: Vec<Assumption>,
    /// Things the user should know: uncertain prices, limits, rounding effects.
    pub warnings: Vec<Warning>,
    /// The steps of the computation, when tracing was on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// The steps of the analyses built on other runs (aggregation saving, consumer delay and its
    /// enhanced fan-out alternative), when tracing was on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub analysis_steps: Vec<Step>,
}

/// What aggregation saves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AggregationSaving {
    /// User records packed into one Kinesis record.
    pub user_records_per_kinesis_record: f64,
    /// The same workload's monthly cost without aggregation.
    pub unaggregated_monthly_usd: Money,
    /// How much less the aggregated workload costs a month.
    pub saving_usd: Money,
}

/// The busiest partition key and its shard.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HotKey {
    /// The key's share of the traffic.
    pub share: f64,
    /// The key's own write rate, MB/s.
    pub key_mb_per_second: f64,
    /// The key's own record rate, records/s.
    pub key_records_per_second: f64,
    /// Whether some shard count keeps the key's shard under its write limits.
    pub fixable: bool,
    /// The busiest shard's write rate at the estimate's shard count, MB/s (provisioned only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub busiest_shard_mb_per_second: Option<f64>,
    /// The busiest shard's record rate at the estimate's shard count (provisioned only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub busiest_shard_records_per_second: Option<f64>,
}

/// One month of a growth projection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GrowthMonth {
    /// 1 for the first month.
    pub month: u32,
    /// The average record rate that month.
    pub records_per_second: f64,
    /// Shards that month (provisioned only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shards: Option<u64>,
    /// That month's cost.
    pub monthly_usd: Money,
}

/// A month-by-month projection under steady growth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GrowthTable {
    /// Growth of the record rate per month, percent.
    pub percent_per_month: f64,
    /// Each month.
    pub months: Vec<GrowthMonth>,
    /// The sum over the months.
    pub total_usd: Money,
}

/// A mode that could not be estimated in a comparison, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unavailable {
    /// The mode.
    pub mode: Mode,
    /// Why it was left out.
    #[serde(serialize_with = "as_text")]
    pub reason: Error,
}

/// Every mode side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The service priced.
    pub service: Service,
    /// Always `"compare"`.
    pub mode: &'static str,
    /// The region code.
    pub region: ArcStr,
    /// The rounding policy.
    pub rounding: Rounding,
    /// One estimate per mode that could be made.
    pub estimates: Vec<Estimate>,
    /// The mode with the lowest monthly total (the first of equals).
    pub cheapest: Mode,
    /// The average record rate at which provisioned and on-demand Standard swap places (the
    /// costlier becomes the cheaper), for this record size and consumer mix, as
    /// [`crate::break_even`] finds it; `None` when one is cheaper at every rate kcost tries (0.01
    /// to 10,000,000 records/s).
    pub break_even_records_per_second: Option<f64>,
    /// With a daily profile: the peak held at the profile's busiest hour, the average (as a
    /// percentage of that peak) below which on-demand is cheaper; `None` without a profile or
    /// when one mode is cheaper at every average.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub break_even_share_of_peak: Option<ShareOfPeak>,
    /// Modes that could not be estimated here.
    pub unavailable: Vec<Unavailable>,
    /// Warnings about the comparison as a whole (old prices, once for every mode).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

impl Comparison {
    /// The cheapest mode, when two or more were priced: one mode alone is not "cheapest".
    pub fn cheapest_of_several(&self) -> Option<Mode> {
        (self.estimates.len() > 1).then_some(self.cheapest)
    }

    /// Whether both provisioned and on-demand Standard were priced, so that a break-even
    /// between them can be stated at all.
    pub fn prices_both(&self) -> bool {
        let has = |m: Mode| self.estimates.iter().any(|e| e.mode == m);
        has(Mode::Provisioned) && has(Mode::OnDemand)
    }
}

/// A discount on the whole bill, shown as its own line so the list price stays visible.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DiscountLine {
    /// The discount, percent.
    pub percent: f64,
    /// The total before the discount.
    pub list_usd: Money,
    /// The amount taken off (positive).
    pub discount_usd: Money,
}

fn as_text<S: serde::Serializer>(error: &Error, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(error)
}
