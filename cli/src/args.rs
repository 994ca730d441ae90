//! The command line, as clap sees it. Values are parsed by the core's own parsers, so the CLI and
//! the page refuse the same inputs with the same words.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// List the regions kcost has prices for, what each prices and how sure the prices are.
    Regions {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RegionsFormat::Table)]
        format: RegionsFormat,
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

    /// AWS region code (see `kcost regions`) [default: us-east-1].
    #[arg(long, value_name = "REGION")]
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
