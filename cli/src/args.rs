//! The command line, as clap sees it. Values are parsed by the core's own parsers, so the CLI and
//! the page refuse the same inputs with the same words.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use kcost_core::analytics::{self, AppSize, Engine};
use kcost_core::firehose::Source;
use kcost_core::{number, workload, MaxRecordSize, Mode, Rate, RecordSize, Retention, Rounding};

const EXAMPLES: &str = "\
Examples:
  kcost --records 100 --size-kb 100 --consumers 10
      The seed deck's stream: 49 shards, 551.27 USD a month in us-east-1.
  kcost --records 100 --size-kb 100 --consumers 10 --region eu-central-1 --explain
      The same in Frankfurt (662.26 USD), with every step of the calculation.
  kcost --records 1000/min --size-kb 3 --format json
      A rate per minute, as JSON for scripts.
  kcost --records 2e6/day --size-kb 0.5 --rounding exact
      No intermediate rounding, unlike the AWS Pricing Calculator.
  kcost --records 100 --size-kb 100 --region eu-west-3 --pricing my-prices.toml
      A region (or negotiated prices) from your own pricing table.
  kcost --records 100 --size-kb 100 --consumers 10 --mode compare
      Provisioned, on-demand and Advantage side by side, the cheapest marked, with the break-even rate.
  kcost --records 5000 --size-kb 0.5 --aggregate
      What KPL aggregation into 25 KB records saves.
  kcost --records 2000 --size-kb 1 --peak-records 8000 --target-utilization 80 --hot-key-share 0.1
      Shards sized for the peak with 20% headroom, and the busiest partition key's shard.
  kcost --records 100 --size-kb 10 --efo-consumers 3 --retention 7d
      Enhanced fan-out consumers and a week of retention.
  kcost --records 100 --size-kb 10 --growth 5 --months 24
      Month by month for two years with traffic growing 5% a month.
  kcost regions
      The regions kcost has prices for, and how sure each price is.

RATE is a number with an optional unit: 100 or 100/s, 1000/min, 5/h, 2e6/day, 1e9/month
(a day is 86,400 s; a month is 730 h = 2,628,000 s, as in the AWS Pricing Calculator).
A KB is 1,024 bytes.";

/// Cost and capacity of an AWS Kinesis Data Stream (provisioned, on-demand or Advantage), computed
/// exactly as the AWS Pricing Calculator does and explained step by step.
#[derive(Debug, Parser)]
#[command(
    name = "kcost",
    version,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub estimate: EstimateArgs,

    /// A pricing table (TOML) that adds regions or overrides prices, laid over the built-in tables.
    #[arg(long, value_name = "FILE", global = true)]
    pub pricing: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Price a whole pipeline described in a scenario file (see README, "Scenario files").
    #[command(after_help = "Example:\n  kcost estimate examples/deck-pipeline.toml --explain")]
    Estimate {
        /// The scenario file (TOML).
        #[arg(value_name = "FILE.toml")]
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Show every component's steps.
        #[arg(long)]
        explain: bool,
        /// A discount on every line, percent; overrides the file's `discount`.
        #[arg(long, value_name = "PCT", allow_hyphen_values = true, value_parser = parse_discount)]
        discount: Option<u32>,
    },
    /// Price Managed Service for Apache Flink (or Studio) or Data Analytics for SQL applications.
    Analytics(AnalyticsArgs),
    /// Price an Amazon Data Firehose stream.
    Firehose(FirehoseArgs),
    /// Estimate many streams: one per row of a CSV (with a header) or JSON Lines file (`-` reads
    /// stdin), with totals by region and mode. Exit status 3 when some rows failed.
    #[command(
        after_help = "Columns (the flags' names): name, mode, region, records, size-kb, consumers, efo-consumers,\nretention, long-term-reads-gb, aggregate, peak-records, target-utilization, hot-key-share,\nmax-record-size, discount. Empty cells take the flag's default.\n\nExample:\n  kcost batch streams.csv --format table"
    )]
    Batch {
        /// The CSV or JSON Lines file, or - for stdin.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = BatchFormat::Csv)]
        format: BatchFormat,
        /// How intermediate steps are rounded.
        #[arg(long, value_enum, default_value_t = RoundingArg::Calculator)]
        rounding: RoundingArg,
    },
    /// How cost grows with one input (--records, --size-kb or --consumers given as FROM..TO),
    /// per mode, as a table or CSV and optionally an SVG plot.
    Sweep(SweepArgs),
    /// Print a shell completion script: kcost completions bash > /etc/bash_completion.d/kcost
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print kcost's man page (roff): kcost man > kcost.1 && man ./kcost.1
    Man,
    /// Import, update, show and compare price tables.
    Pricing {
        #[command(subcommand)]
        command: PricingCommand,
    },
    /// List the regions kcost has prices for, what each prices and how sure the prices are.
    Regions {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RegionsFormat::Table)]
        format: RegionsFormat,
    },
}

/// What `kcost pricing` does.
#[derive(Debug, Subcommand)]
pub enum PricingCommand {
    /// Import AWS Price List offer files (AmazonKinesis, AmazonKinesisFirehose,
    /// AmazonKinesisAnalytics; JSON) into your pricing directory, one table per region.
    #[command(
        after_help = "Example:\n  kcost pricing import AmazonKinesis.json AmazonKinesisFirehose.json --region us-east-2"
    )]
    Import {
        /// Offer files, whole or per region.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Import only this region (repeat for more) [default: every region in the files].
        #[arg(long, value_name = "REGION")]
        region: Vec<String>,
        /// Where the tables go [default: $XDG_DATA_HOME/kcost/pricing, or ~/.local/share/kcost/pricing].
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Download the current offer files from the AWS Price List and import them.
    Update {
        /// The Price List endpoint; offers are read from BASE/offers/v1.0/aws/CODE/current/index.json.
        #[arg(
            long,
            value_name = "BASE",
            default_value = "https://pricing.us-east-1.amazonaws.com"
        )]
        url: String,
        /// Import only this region (repeat for more) [default: every region].
        #[arg(long, value_name = "REGION")]
        region: Vec<String>,
        /// Where the offers and tables go [default: as for import].
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Every price of a region, with its source, date, confidence and table.
    Show {
        /// The region code.
        region: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RegionsFormat::Table)]
        format: RegionsFormat,
    },
    /// Compare two regions' prices (or two pricing tables), price by price.
    Diff {
        /// A region code, or a pricing table file.
        a: String,
        /// A region code, or a pricing table file.
        b: String,
    },
}

/// The workload and how to show its estimate.
#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// Records written to the stream: a number per second, or with a unit (1000/min, 2e6/day).
    #[arg(long, value_name = "RATE", required = true, allow_hyphen_values = true, value_parser = parse_rate)]
    pub records: Option<Rate>,

    /// Average record size in KB (1 KB = 1,024 bytes), more than 0 and at most 10,240 (10 MiB).
    #[arg(long = "size-kb", value_name = "KB", required = true, allow_hyphen_values = true, value_parser = parse_size)]
    pub size_kb: Option<RecordSize>,

    /// Shared-throughput consumer applications reading the stream [default: 1].
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse_consumers)]
    pub consumers: Option<u32>,

    /// Enhanced fan-out consumers (dedicated 2 MB/s per shard each; at most 20, 50 with Advantage).
    #[arg(long = "efo-consumers", value_name = "N", default_value = "0", allow_hyphen_values = true, value_parser = parse_efo)]
    pub efo_consumers: u32,

    /// Capacity mode, or `compare` for all of them side by side.
    #[arg(long, value_enum, default_value_t = ModeArg::Provisioned)]
    pub mode: ModeArg,

    /// How long records are kept: 24h to 365d (24h, 48h, 7d, 365d).
    #[arg(long, value_name = "DURATION", default_value = "24h", allow_hyphen_values = true, value_parser = parse_retention)]
    pub retention: Retention,

    /// GB a month read from data older than 7 days (provisioned long-term retrieval).
    #[arg(long = "long-term-reads-gb", value_name = "GB", default_value = "0", allow_hyphen_values = true, value_parser = parse_gb)]
    pub long_term_reads_gb: f64,

    /// KPL aggregation: pack user records into Kinesis records of up to KB (default 25).
    #[arg(long, value_name = "KB", num_args = 0..=1, require_equals = true, default_missing_value = "25", allow_hyphen_values = true, value_parser = parse_aggregate)]
    pub aggregate: Option<f64>,

    /// The peak record rate: shards are sized for it, usage is billed on --records (the average).
    #[arg(long = "peak-records", value_name = "RATE", allow_hyphen_values = true, value_parser = parse_rate)]
    pub peak_records: Option<Rate>,

    /// Percent of shard capacity to plan for; below 100 adds headroom.
    #[arg(long = "target-utilization", value_name = "PCT", default_value = "100", allow_hyphen_values = true, value_parser = parse_utilization)]
    pub target_utilization: f64,

    /// Share of the traffic on the busiest partition key, 0 to 1 (or a percentage, 30%).
    #[arg(long = "hot-key-share", value_name = "F", allow_hyphen_values = true, value_parser = parse_share)]
    pub hot_key_share: Option<f64>,

    /// The stream's maximum record size, needed for records over 1 MiB: up to 10MiB (e.g. 2MiB, 4096).
    #[arg(long = "max-record-size", value_name = "SIZE", allow_hyphen_values = true, value_parser = parse_max_size)]
    pub max_record_size: Option<MaxRecordSize>,

    /// Project costs month by month with the record rate growing PCT per month (may be negative).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true, value_parser = parse_growth)]
    pub growth: Option<f64>,

    /// Months to project with --growth.
    #[arg(long, value_name = "N", requires = "growth", default_value = "12", value_parser = parse_months)]
    pub months: u32,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Where to price and how to show it: shared by every estimate.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// AWS region code (see `kcost regions`) [default: us-east-1].
    #[arg(long, value_name = "REGION", value_parser = parse_region)]
    pub region: Option<String>,

    /// How intermediate steps are rounded.
    #[arg(long, value_enum, default_value_t = RoundingArg::Calculator)]
    pub rounding: RoundingArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Show every step of the calculation (the calculator's "show calculations" text).
    #[arg(long)]
    pub explain: bool,

    /// A discount on every line, percent (your negotiated rate); shown as its own line.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true, value_parser = parse_discount)]
    pub discount: Option<u32>,
}

const ANALYTICS_EXAMPLES: &str = "\
Examples:
  kcost analytics --engine sql --apps 10 --kpu-hours 5/day --region eu-west-2
      The seed deck's ten SQL applications: 152.08 KPU-hours each, 193.14 USD a month.
  kcost analytics --engine flink --apps 3 --kpus 2 --backup-gb 10
      Three Flink applications of 2 KPUs (plus one orchestration KPU each), with backups.
  kcost analytics --parallelism 8 --parallelism-per-kpu 2 --storage-included
      KPUs from parallelism (RoundUp(8 / 2) = 4), running storage taken as included.";

/// A set of identical Managed Flink or Data Analytics applications.
#[derive(Debug, Args)]
#[command(after_help = ANALYTICS_EXAMPLES)]
#[command(group(clap::ArgGroup::new("size").required(true).args(["kpus", "parallelism", "kpu_hours"])))]
pub struct AnalyticsArgs {
    /// The engine: flink (1 orchestration KPU per app), studio (2), or sql (none; closed to new apps).
    #[arg(long, value_name = "ENGINE", default_value = "flink", value_parser = parse_engine)]
    pub engine: Engine,

    /// How many applications.
    #[arg(long, value_name = "N", default_value = "1", allow_hyphen_values = true, value_parser = parse_apps)]
    pub apps: u32,

    /// KPUs per application, running all month.
    #[arg(long, value_name = "K", allow_hyphen_values = true, value_parser = parse_kpus)]
    pub kpus: Option<u32>,

    /// Parallelism per application; KPUs = RoundUp(P / parallelism per KPU).
    #[arg(long, value_name = "P", allow_hyphen_values = true, value_parser = parse_parallelism)]
    pub parallelism: Option<u32>,

    /// Parallelism per KPU (with --parallelism) [default: 1].
    #[arg(long = "parallelism-per-kpu", value_name = "Q", allow_hyphen_values = true, value_parser = parse_per_kpu)]
    pub parallelism_per_kpu: Option<u32>,

    /// KPU-hours per application, per hour, day or month (5/day, as the calculator takes it).
    #[arg(long = "kpu-hours", value_name = "RATE", allow_hyphen_values = true, value_parser = parse_kpu_hours)]
    pub kpu_hours: Option<AppSize>,

    /// Treat the 50 GB of running storage per KPU as included rather than billed.
    #[arg(long = "storage-included")]
    pub storage_included: bool,

    /// Durable application backups per application, GB.
    #[arg(long = "backup-gb", value_name = "G", default_value = "0", allow_hyphen_values = true, value_parser = parse_backup)]
    pub backup_gb: f64,

    #[command(flatten)]
    pub output: OutputArgs,
}

const FIREHOSE_EXAMPLES: &str = "\
Examples:
  kcost firehose --records 1000 --size-kb 3 --region us-east-2
      Each 3 KB record bills as 5 KB: the output shows billed against sent GB.
  kcost firehose --records 1000 --size-kb 10 --format-conversion --region eu-west-2
      JSON to Parquet or ORC on the way to S3.
  kcost firehose --records 500 --size-kb 2 --dynamic-partitioning --object-size-mb 64 --jq-hours 730 --region us-east-2
      Dynamic partitioning into S3 prefixes, with JQ processing all month.";

/// One Firehose stream.
#[derive(Debug, Args)]
#[command(after_help = FIREHOSE_EXAMPLES)]
pub struct FirehoseArgs {
    /// Records delivered: a number per second, or with a unit (1000/min, 2e6/day).
    #[arg(long, value_name = "RATE", allow_hyphen_values = true, value_parser = parse_rate)]
    pub records: Rate,

    /// Average record size in KB (at most 1,000 KiB for Firehose).
    #[arg(long = "size-kb", value_name = "KB", allow_hyphen_values = true, value_parser = parse_size)]
    pub size_kb: RecordSize,

    /// Where records come from; direct-put and kinesis-stream bill each record rounded up to 5 KB.
    #[arg(long, value_name = "SOURCE", default_value = "direct-put", value_parser = parse_source)]
    pub source: Source,

    /// Convert JSON to Parquet or ORC.
    #[arg(long = "format-conversion")]
    pub format_conversion: bool,

    /// Partition data into S3 prefixes by keys in the records.
    #[arg(long = "dynamic-partitioning")]
    pub dynamic_partitioning: bool,

    /// S3 object size with dynamic partitioning, MB: objects = GB x 1024 / M [default: 128].
    #[arg(long = "object-size-mb", value_name = "M", requires = "dynamic_partitioning", allow_hyphen_values = true, value_parser = parse_object_size)]
    pub object_size_mb: Option<f64>,

    /// JQ processing hours a month, with dynamic partitioning [default: 0].
    #[arg(long = "jq-hours", value_name = "H", requires = "dynamic_partitioning", allow_hyphen_values = true, value_parser = parse_jq_hours)]
    pub jq_hours: Option<f64>,

    /// Subnets (Availability Zones) of a destination in a VPC: AZ-hours = N x 730 [default: none].
    #[arg(long = "vpc-subnets", value_name = "N", allow_hyphen_values = true, value_parser = parse_subnets)]
    pub vpc_subnets: Option<u32>,

    /// Share of ingested GB delivered into the VPC, 0 to 1 (with --vpc-subnets) [default: 1].
    #[arg(long = "vpc-ratio", value_name = "R", requires = "vpc_subnets", allow_hyphen_values = true, value_parser = parse_ratio)]
    pub vpc_ratio: Option<f64>,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// Shards you size; shard-hours and PUT payload units.
    Provisioned,
    /// On-demand Standard: per stream-hour and per GB.
    OnDemand,
    /// On-demand Advantage: per GB at lower prices, with a 25 MiB/s commitment.
    Advantage,
    /// All three side by side, with the cheapest marked and the break-even rate.
    Compare,
}

impl ModeArg {
    /// The core's mode, or `None` for a comparison.
    pub fn mode(self) -> Option<Mode> {
        match self {
            ModeArg::Provisioned => Some(Mode::Provisioned),
            ModeArg::OnDemand => Some(Mode::OnDemand),
            ModeArg::Advantage => Some(Mode::Advantage),
            ModeArg::Compare => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoundingArg {
    /// Round every shown step as the AWS Pricing Calculator does and reuse the rounded value.
    Calculator,
    /// No intermediate rounding; counts are ceilings of exact needs; money rounded per line.
    Exact,
}

impl From<RoundingArg> for Rounding {
    fn from(arg: RoundingArg) -> Rounding {
        match arg {
            RoundingArg::Calculator => Rounding::Calculator,
            RoundingArg::Exact => Rounding::Exact,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// The estimate as JSON (the library's result type); stable field names.
    Json,
    /// Cost lines and total as CSV.
    Csv,
    /// Cost lines and total as a Markdown table.
    Markdown,
}

const SWEEP_EXAMPLES: &str = "\
Examples:
  kcost sweep --records 100..100000 --steps 50 --log --size-kb 1 --plot cost.svg
      Cost per mode from 100 to 100,000 records/s, on a log scale, with the break-even marked.
  kcost sweep --records 1000 --size-kb 1..1024 --steps 20 --format csv
      How record size drives the cost.";

/// The inputs of a sweep: one of --records, --size-kb or --consumers is a range FROM..TO.
#[derive(Debug, Args)]
#[command(after_help = SWEEP_EXAMPLES)]
pub struct SweepArgs {
    /// Records per second, or a range of them (100..100000).
    #[arg(long, value_name = "RATE|FROM..TO", allow_hyphen_values = true)]
    pub records: String,
    /// Average record size in KB, or a range (1..1024).
    #[arg(
        long = "size-kb",
        value_name = "KB|FROM..TO",
        allow_hyphen_values = true
    )]
    pub size_kb: String,
    /// Shared consumers, or a range (1..20) [default: 1].
    #[arg(long, value_name = "N|FROM..TO", allow_hyphen_values = true)]
    pub consumers: Option<String>,
    /// Enhanced fan-out consumers.
    #[arg(long = "efo-consumers", value_name = "N", default_value = "0", value_parser = parse_efo)]
    pub efo_consumers: u32,
    /// How long records are kept.
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_retention)]
    pub retention: Retention,
    /// How many points, ends included.
    #[arg(long, value_name = "N", default_value = "20")]
    pub steps: u32,
    /// Space the points on a log scale.
    #[arg(long)]
    pub log: bool,
    /// Also draw the sweep into this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    /// AWS region code [default: us-east-1].
    #[arg(long, value_name = "REGION", value_parser = parse_region)]
    pub region: Option<String>,
    /// How intermediate steps are rounded.
    #[arg(long, value_enum, default_value_t = RoundingArg::Calculator)]
    pub rounding: RoundingArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SweepFormat::Table)]
    pub format: SweepFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SweepFormat {
    /// A table for a terminal.
    Table,
    /// CSV.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One CSV row per input row, then the totals.
    Csv,
    /// One JSON object per input row, then the totals.
    Jsonl,
    /// Tables for a terminal.
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegionsFormat {
    /// A table for a terminal.
    Table,
    /// JSON.
    Json,
}

fn parse_rate(text: &str) -> Result<Rate, String> {
    text.parse()
        .map_err(|e: kcost_core::InputError| e.to_string())
}

fn parse_size(text: &str) -> Result<RecordSize, String> {
    text.parse()
        .map_err(|e: kcost_core::InputError| e.to_string())
}

fn parse_consumers(text: &str) -> Result<u32, String> {
    number::parse_count("consumer count", text).map_err(|e| e.to_string())
}

fn parse_efo(text: &str) -> Result<u32, String> {
    number::parse_count("enhanced fan-out consumer count", text).map_err(|e| e.to_string())
}

fn parse_retention(text: &str) -> Result<Retention, String> {
    text.parse()
        .map_err(|e: kcost_core::InputError| e.to_string())
}

fn parse_gb(text: &str) -> Result<f64, String> {
    number::parse_non_negative("long-term reads", text).map_err(|e| e.to_string())
}

fn parse_aggregate(text: &str) -> Result<f64, String> {
    let kb =
        number::parse_non_negative("aggregated record size", text).map_err(|e| e.to_string())?;
    if kb == 0.0 {
        return Err("the aggregated record size must be more than 0 KB".to_string());
    }
    if kb > kcost_core::workload::MAX_RECORD_KB {
        return Err(format!(
            "the aggregated record size '{text}' is over Kinesis' 10 MiB (10,240 KB) limit"
        ));
    }
    Ok(kb)
}

fn parse_utilization(text: &str) -> Result<f64, String> {
    workload::parse_utilization(text).map_err(|e| e.to_string())
}

fn parse_share(text: &str) -> Result<f64, String> {
    workload::parse_share(text).map_err(|e| e.to_string())
}

fn parse_max_size(text: &str) -> Result<MaxRecordSize, String> {
    text.parse()
        .map_err(|e: kcost_core::InputError| e.to_string())
}

fn parse_growth(text: &str) -> Result<f64, String> {
    workload::parse_growth(text).map_err(|e| e.to_string())
}

/// An input error as clap wants it.
fn text<T>(result: Result<T, kcost_core::InputError>) -> Result<T, String> {
    result.map_err(|e| e.to_string())
}

fn parse_engine(s: &str) -> Result<Engine, String> {
    text(s.parse())
}

fn parse_apps(s: &str) -> Result<u32, String> {
    text(analytics::parse_positive("application count", s))
}

fn parse_kpus(s: &str) -> Result<u32, String> {
    text(analytics::parse_positive("KPU count", s))
}

fn parse_parallelism(s: &str) -> Result<u32, String> {
    text(analytics::parse_positive("parallelism", s))
}

fn parse_per_kpu(s: &str) -> Result<u32, String> {
    text(analytics::parse_positive("parallelism per KPU", s))
}

fn parse_kpu_hours(s: &str) -> Result<AppSize, String> {
    text(AppSize::kpu_hours(s))
}

fn parse_backup(s: &str) -> Result<f64, String> {
    text(analytics::parse_gb("backup size", s))
}

fn parse_source(s: &str) -> Result<Source, String> {
    text(s.parse())
}

fn parse_object_size(s: &str) -> Result<f64, String> {
    let mb = text(number::parse_non_negative("object size", s))?;
    if mb == 0.0 {
        return Err("the object size must be more than 0 MB".to_string());
    }
    Ok(mb)
}

fn parse_jq_hours(s: &str) -> Result<f64, String> {
    text(number::parse_non_negative("JQ hours", s))
}

fn parse_subnets(s: &str) -> Result<u32, String> {
    text(number::parse_count("subnet count", s))
}

fn parse_ratio(s: &str) -> Result<f64, String> {
    let r = text(number::parse_non_negative("VPC ratio", s))?;
    if r > 1.0 {
        return Err(format!("the VPC ratio '{s}' must be from 0 to 1"));
    }
    Ok(r)
}

fn parse_discount(s: &str) -> Result<u32, String> {
    text(kcost_core::calc::parse_discount(s))
}

fn parse_region(s: &str) -> Result<String, String> {
    let code = s.trim();
    if code.is_empty() {
        return Err(
            "the region is empty; give a region code such as us-east-1 (kcost regions lists them)"
                .to_string(),
        );
    }
    Ok(code.to_string())
}

fn parse_months(text: &str) -> Result<u32, String> {
    let months = number::parse_count("month count", text).map_err(|e| e.to_string())?;
    kcost_core::Growth::new(0.0, months)
        .map(|g| g.months)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
