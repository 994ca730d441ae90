//! The command line, as clap sees it. Values are parsed by the core's own parsers, so the CLI and
//! the page refuse the same inputs with the same words.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use kcost_core::{number, Rate, RecordSize, Rounding};

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
  kcost regions
      The regions kcost has prices for, and how sure each price is.

RATE is a number with an optional unit: 100 or 100/s, 1000/min, 5/h, 2e6/day, 1e9/month
(a day is 86,400 s; a month is 730 h = 2,628,000 s, as in the AWS Pricing Calculator).
A KB is 1,024 bytes.";

/// Cost and capacity of an AWS Kinesis Data Stream (provisioned mode), computed exactly as the AWS
/// Pricing Calculator does and explained step by step.
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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
