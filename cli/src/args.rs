//! The command line, as clap sees it. Values are parsed by the core's own parsers, so the CLI and
//! the page refuse the same inputs with the same words.

use std::path::PathBuf;
use std::str::FromStr;

use crate::face::Terminal;
use crate::inputs::Given;
pub use crate::inputs::ModeArg;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use kcost_core::parse;
use kcost_core::Input as I;
use kcost_core::{workload, Retention, Rounding, Scope};

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
  kcost --records 100 --size-kb 100 --consumers 10 --shard-metrics all --producer-network nat
      What else the stream costs: its shard-level metrics and a NAT gateway, as a second subtotal.
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
}

/// The command line of a plain estimate (flags, no subcommand): `Cli` without its subcommands,
/// so that the commonest run does not build fifteen subcommands' arguments to parse a few flags.
#[derive(Debug, Parser)]
#[command(name = "kcost", version)]
struct Flags {
    #[command(flatten)]
    estimate: EstimateArgs,
}

impl Cli {
    /// Parses `args` (the program's name first). A run of flags alone is tried as a plain
    /// estimate first; anything else, and anything that is not a clean estimate (help, version, a
    /// mistake), goes through the whole command line, so its help and errors are the same.
    /// clap prints its own errors and exits with status 2, help and version with 0.
    pub fn parse_args(args: Vec<std::ffi::OsString>) -> Cli {
        let flags_only = args
            .get(1)
            .and_then(|a| a.to_str())
            .is_some_and(|a| a.starts_with("--") && !matches!(a, "--help" | "--version"));
        if flags_only {
            let mut command = Flags::command();
            let flags = command
                .try_get_matches_from_mut(&args)
                .and_then(|mut m| Flags::from_arg_matches_mut(&mut m));
            // Built once, and the process ends soon after: freeing its hundred-odd arguments one by
            // one would add a quarter to what parsing the line cost (callgrind, scripts/perf).
            std::mem::forget(command);
            if let Ok(flags) = flags {
                return Cli {
                    command: None,
                    estimate: flags.estimate,
                };
            }
        }
        Cli::parse_from(args)
    }
}

/// Which prices to use and how old a price may be: every command that prices takes these.
#[derive(Debug, Args, Clone, Default)]
pub struct PriceArgs {
    /// A pricing table (TOML) that adds regions or overrides prices, laid over the built-in tables.
    #[arg(long, value_name = "FILE")]
    pub pricing: Option<PathBuf>,

    /// Warn when prices used are older than this many months; `off` (or 0) turns the warning off.
    #[arg(long = "price-age", value_name = "MONTHS", env = "KCOST_PRICE_AGE", default_value = "12", value_parser = parse_price_age)]
    pub price_age: PriceAge,
}

/// The age in months past which a price is old, or `None` for no check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceAge(pub Option<u32>);

impl Default for PriceAge {
    fn default() -> PriceAge {
        PriceAge(Some(kcost_core::PriceAge::DEFAULT_MONTHS))
    }
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
        #[arg(long, value_name = "PCT", allow_hyphen_values = true, value_parser = words(kcost_core::calc::parse_discount))]
        discount: Option<u32>,
        #[command(flatten)]
        prices: PriceArgs,
    },
    /// Price Managed Service for Apache Flink (or Studio) or Data Analytics for SQL applications.
    Analytics(AnalyticsArgs),
    /// Price an Amazon Data Firehose stream.
    Firehose(FirehoseArgs),
    /// Estimate many streams: one per row of a CSV (with a header) or JSON Lines file (`-` reads
    /// stdin), with totals by region and mode. Exit status 3 when some rows failed.
    #[command(
        after_help = batch_help()
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
        /// Threads pricing rows (the output is the same in any number): all the machine's
        /// cores unless given.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
        threads: Option<u16>,
        #[command(flatten)]
        prices: PriceArgs,
    },
    /// What a stream's traffic was, from its CloudWatch metrics: the output of `aws cloudwatch
    /// get-metric-data` (any number of pages) or `get-metric-statistics` (a file per metric), or a
    /// CSV table downloaded from the console, with IncomingBytes and IncomingRecords (Sum) at least.
    #[command(after_help = METRICS_EXAMPLES)]
    Metrics {
        /// The metrics files (JSON as the AWS CLI prints it, or a CSV table: a time column and a
        /// column per metric).
        #[arg(value_name = "FILE", required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[arg(long = flag(I::TargetUtilization), help = help(I::TargetUtilization), value_name = value_name(I::TargetUtilization), default_value = default(I::TargetUtilization), allow_hyphen_values = true, value_parser = words(workload::parse_utilization))]
        target_utilization: f64,
        #[arg(long = flag(I::EfoConsumers), help = "Enhanced fan-out consumers [default: those named in the metrics]", value_name = value_name(I::EfoConsumers), allow_hyphen_values = true, value_parser = words(parse::efo_consumers))]
        efo_consumers: Option<u32>,
        #[arg(long = flag(I::Retention), help = help(I::Retention), value_name = value_name(I::Retention), default_value = default(I::Retention), allow_hyphen_values = true, value_parser = words(Retention::from_str))]
        retention: Retention,
        /// The shards the stream runs today: its cost, and what the cheapest mode saves.
        #[arg(long, value_name = "N", value_parser = words(parse::shards))]
        shards: Option<u64>,
        /// Show every step of every mode.
        #[arg(long)]
        explain: bool,
        /// The stream's name, to say in the output (the metrics files do not carry it).
        #[arg(long, value_name = "NAME")]
        stream: Option<String>,
        /// The --period the metrics were exported with, seconds [default: read from the points].
        #[arg(long, value_name = "SECONDS", allow_hyphen_values = true, value_parser = words(parse::period_seconds))]
        period: Option<i64>,
        #[arg(long = flag(I::Region), help = help(I::Region), value_name = value_name(I::Region), value_parser = RegionParser)]
        region: Option<String>,
        #[command(flatten)]
        prices: PriceArgs,
    },
    /// What a Terraform plan's change costs: each Kinesis resource (streams, consumers, Firehose,
    /// analytics applications) and what serves them (Lambda mappings reading a stream, the KMS
    /// keys encrypting one, NAT gateways, interface endpoints to Kinesis) priced before and after,
    /// from `terraform show -json PLAN`.
    #[command(after_help = TERRAFORM_EXAMPLES)]
    Terraform(TerraformArgs),
    /// What a CloudFormation template costs (JSON or YAML, or `cdk synth` output): each Kinesis
    /// resource and what serves them priced, and with --before the template it replaces, the
    /// change.
    #[command(after_help = CLOUDFORMATION_EXAMPLES)]
    Cloudformation(CloudFormationArgs),
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
    Man {
        /// Write kcost.1 and one page per subcommand (the pages kcost.1 refers to) into DIR.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
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
        #[command(flatten)]
        prices: PriceArgs,
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
        /// Also download the offers around a stream and of its consumers (CloudWatch, KMS, the
        /// NAT gateway's EC2, VPC endpoints, Lambda, DynamoDB), as per-region files (the whole
        /// files are large): for each --region, or every region the built-in tables hold.
        #[arg(long)]
        around: bool,
    },
    /// Every price of a region, with its source, date, confidence and table.
    Show {
        /// The region code.
        region: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RegionsFormat::Table)]
        format: RegionsFormat,
        #[command(flatten)]
        prices: PriceArgs,
    },
    /// Compare two regions' prices (or two pricing tables), price by price.
    Diff {
        /// A region code, or a pricing table file.
        a: String,
        /// A region code, or a pricing table file.
        b: String,
        #[command(flatten)]
        prices: PriceArgs,
    },
}

/// The workload and how to show its estimate: the stream's flags are its declared inputs
/// ([`Given`]), the capacity mode beside them.
#[derive(Debug)]
pub struct EstimateArgs {
    /// The stream's inputs given, as typed.
    pub given: Given,
    /// The capacity mode, or a comparison of all.
    pub mode: ModeArg,
    /// Where to price and how to show it.
    pub output: OutputArgs,
}

impl FromArgMatches for EstimateArgs {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(EstimateArgs {
            given: Given::read(m, Scope::Stream),
            mode: m
                .get_one::<ModeArg>(I::Mode.spec().key)
                .copied()
                .unwrap_or(ModeArg::Provisioned),
            output: OutputArgs::from_arg_matches(m)?,
        })
    }

    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = EstimateArgs::from_arg_matches(m)?;
        Ok(())
    }
}

impl Args for EstimateArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        OutputArgs::augment_args(Given::augment(cmd, Scope::Stream))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        EstimateArgs::augment_args(cmd)
    }
}

/// Where to price and how to show it: shared by every estimate.
#[derive(Debug, Args)]
pub struct OutputArgs {
    #[arg(long = flag(I::Region), help = help(I::Region), value_name = value_name(I::Region), value_parser = RegionParser, hide_possible_values = true)]
    pub region: Option<String>,

    #[arg(long = flag(I::Rounding), help = help(I::Rounding), value_enum, default_value_t = RoundingArg::Calculator)]
    pub rounding: RoundingArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Show every step of the calculation (the calculator's "show calculations" text).
    #[arg(long)]
    pub explain: bool,

    #[arg(long = flag(I::Discount), help = help(I::Discount), value_name = value_name(I::Discount), allow_hyphen_values = true, value_parser = words(kcost_core::calc::parse_discount))]
    pub discount: Option<u32>,

    #[command(flatten)]
    pub prices: PriceArgs,
}

const ANALYTICS_EXAMPLES: &str = "\
Examples:
  kcost analytics --engine sql --apps 10 --kpu-hours 5/day --region eu-west-2
      The seed deck's ten SQL applications: 152.08 KPU-hours each, 193.14 USD a month.
  kcost analytics --engine flink --apps 3 --kpus 2 --backup-gb 10
      Three Flink applications of 2 KPUs (plus one orchestration KPU each), with backups.
  kcost analytics --parallelism 8 --parallelism-per-kpu 2 --storage-included
      KPUs from parallelism (RoundUp(8 / 2) = 4), running storage taken as included.";

/// The flags of a service beside the stream (`$args { given, output }`): its declared inputs
/// in `$scope`, shaped by `$shape` (examples, groups), then where to price and how to show it.
macro_rules! service_args {
    ($args:ident, $scope:expr, $shape:expr) => {
        impl FromArgMatches for $args {
            fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
                Ok($args {
                    given: Given::read(m, $scope),
                    output: OutputArgs::from_arg_matches(m)?,
                })
            }

            fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
                *self = $args::from_arg_matches(m)?;
                Ok(())
            }
        }

        impl Args for $args {
            fn augment_args(cmd: clap::Command) -> clap::Command {
                let shape = $shape;
                OutputArgs::augment_args(shape(Given::augment(cmd, $scope)))
            }

            fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
                $args::augment_args(cmd)
            }
        }
    };
}

/// A set of identical Managed Flink or Data Analytics applications: their declared inputs.
#[derive(Debug)]
pub struct AnalyticsArgs {
    /// The applications' inputs given, as typed.
    pub given: Given,
    /// Where to price and how to show it.
    pub output: OutputArgs,
}

/// The inputs that size an application: exactly one of them.
const APP_SIZE: [I; 3] = [I::Kpus, I::Parallelism, I::KpuHours];

service_args!(AnalyticsArgs, Scope::Analytics, |cmd: clap::Command| {
    let size = APP_SIZE.map(|i| i.spec().key);
    cmd.after_help(ANALYTICS_EXAMPLES)
        .group(clap::ArgGroup::new("size").required(true).args(size))
});

const FIREHOSE_EXAMPLES: &str = "\
Examples:
  kcost firehose --records 1000 --size-kb 3 --region us-east-2
      Each 3 KB record bills as 5 KB: the output shows billed against sent GB.
  kcost firehose --records 1000 --size-kb 10 --format-conversion --region eu-west-2
      JSON to Parquet or ORC on the way to S3.
  kcost firehose --records 500 --size-kb 2 --dynamic-partitioning --object-size-mb 64 --jq-hours 730 --region us-east-2
      Dynamic partitioning into S3 prefixes, with JQ processing all month.";

/// One Firehose stream: its declared inputs.
#[derive(Debug)]
pub struct FirehoseArgs {
    /// The Firehose's inputs given, as typed.
    pub given: Given,
    /// Where to price and how to show it.
    pub output: OutputArgs,
}

service_args!(FirehoseArgs, Scope::Firehose, |cmd: clap::Command| {
    cmd.after_help(FIREHOSE_EXAMPLES)
});

impl Command {
    /// The prices this command uses, if it prices anything.
    pub fn prices(&self) -> Option<&PriceArgs> {
        match self {
            Command::Estimate { prices, .. }
            | Command::Batch { prices, .. }
            | Command::Regions { prices, .. }
            | Command::Pricing {
                command: PricingCommand::Show { prices, .. } | PricingCommand::Diff { prices, .. },
            } => Some(prices),
            Command::Analytics(args) => Some(&args.output.prices),
            Command::Firehose(args) => Some(&args.output.prices),
            Command::Sweep(args) => Some(&args.prices),
            Command::Metrics { prices, .. } => Some(prices),
            Command::Terraform(args) => Some(&args.pricing.prices),
            Command::Cloudformation(args) => Some(&args.pricing.prices),
            Command::Completions { .. }
            | Command::Man { .. }
            | Command::Pricing {
                command: PricingCommand::Import { .. } | PricingCommand::Update { .. },
            } => None,
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

const METRICS_EXAMPLES: &str = "\
Export a week of 5-minute sums for the stream, then read them:
  aws cloudwatch get-metric-data --start-time 2026-11-23T00:00:00Z --end-time 2026-11-30T00:00:00Z \\
    --metric-data-queries file://queries.json > week.json
  kcost metrics week.json

queries.json asks for IncomingBytes, IncomingRecords and GetRecords.Bytes of AWS/Kinesis with
the dimension StreamName, Stat Sum, Period 300, each labelled with its metric name (see README).";

const TERRAFORM_EXAMPLES: &str = "\
Examples:
  terraform plan -out plan && terraform show -json plan > plan.json
  kcost terraform plan.json --usage usage.toml --format markdown
      A table of what the change costs, ready for a pull-request comment.
  kcost terraform plan.json --usage usage.toml --fail-over 100
      Exit with status 4 when the change adds more than 100 USD a month (for CI).

usage.toml gives each resource's traffic under its address, in the words of scenario files:
  [\"aws_kinesis_stream.clicks\"]
  records = \"1000/s\"
  size_kb = 1
  producer_network = \"nat\"  # through the plan's NAT gateways: their data on this stream
  [\"aws_lambda_event_source_mapping.enrich\"]
  duration_ms = 120  # the function's average duration (memory from the plan)";

const CLOUDFORMATION_EXAMPLES: &str = "\
Examples:
  kcost cloudformation pipeline.yaml --usage usage.toml --region eu-west-2
      What the template's Kinesis resources cost a month.
  cdk synth > new.json && kcost cloudformation new.json --before deployed.json --format markdown
      What a change to the stack costs, for a pull-request comment.

usage.toml gives each resource's traffic under its logical id:
  [Clicks]
  records = \"1000/s\"
  size_kb = 1
  consumer_network = \"endpoint\"  # through the template's interface endpoint
  [EnrichMapping]
  duration_ms = 120  # a Lambda::EventSourceMapping's function, on average";

const SWEEP_EXAMPLES: &str = "\
Examples:
  kcost sweep --records 100..100000 --steps 50 --log --size-kb 1 --plot cost.svg
      Cost per mode from 100 to 100,000 records/s, on a log scale, with the break-even marked.
  kcost sweep --records 1000 --size-kb 1..1024 --steps 20 --format csv
      How record size drives the cost.";

/// What `kcost terraform` reads and how it answers.
#[derive(Debug, Args)]
pub struct TerraformArgs {
    /// The plan as JSON: `terraform show -json PLAN > plan.json`.
    #[arg(value_name = "PLAN.json")]
    pub plan: PathBuf,
    #[command(flatten)]
    pub pricing: InfraArgs,
}

/// What `kcost cloudformation` reads and how it answers.
#[derive(Debug, Args)]
pub struct CloudFormationArgs {
    /// The template: JSON or YAML, as written or as `cdk synth` prints it.
    #[arg(value_name = "TEMPLATE")]
    pub template: PathBuf,
    /// The template this one replaces (the deployed one): each resource's change by logical id.
    #[arg(long, value_name = "TEMPLATE")]
    pub before: Option<PathBuf>,
    #[command(flatten)]
    pub pricing: InfraArgs,
}

/// How a plan's or template's resources are priced and shown.
#[derive(Debug, Args)]
pub struct InfraArgs {
    /// Each resource's traffic (TOML, one table per resource address or logical id).
    #[arg(long, value_name = "USAGE.toml")]
    pub usage: Option<PathBuf>,
    /// Price every resource in this region, whatever its provider says.
    #[arg(long = flag(I::Region), value_name = value_name(I::Region), value_parser = RegionParser)]
    pub region: Option<String>,
    /// Output format (markdown: a table for a pull-request comment).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Show every step of every resource's estimate.
    #[arg(long)]
    pub explain: bool,
    /// Exit with status 4 when the change adds more than USD a month.
    #[arg(long, value_name = "USD", allow_hyphen_values = true, value_parser = parse_fail_over)]
    pub fail_over: Option<kcost_core::money::Money>,
    #[command(flatten)]
    pub prices: PriceArgs,
}

/// A monthly increase in USD, 0 or more, in cents.
fn parse_fail_over(text: &str) -> Result<kcost_core::money::Money, String> {
    let usd: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not an amount in USD (e.g. 100 or 12.50)"))?;
    if !usd.is_finite() || usd < 0.0 {
        return Err(format!("'{text}' must be an amount of 0 USD or more"));
    }
    kcost_core::money::Money::round_usd(usd)
        .ok_or_else(|| format!("'{text}' is too large an amount"))
}

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
    #[arg(long = "efo-consumers", value_name = "N", default_value = "0", value_parser = words(parse::efo_consumers))]
    pub efo_consumers: u32,
    /// How long records are kept.
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = words(Retention::from_str))]
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
    #[arg(long, value_name = "REGION", value_parser = RegionParser, hide_possible_values = true)]
    pub region: Option<String>,
    /// How intermediate steps are rounded.
    #[arg(long, value_enum, default_value_t = RoundingArg::Calculator)]
    pub rounding: RoundingArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SweepFormat::Table)]
    pub format: SweepFormat,
    #[command(flatten)]
    pub prices: PriceArgs,
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

/// The batch's help after its options: its columns, which are the declared inputs' flags.
fn batch_help() -> String {
    let mut lines = vec![String::from("Columns (the flags' names):")];
    for column in kcost_core::batch::columns() {
        let line = lines.last_mut().filter(|l| l.len() + column.len() < 92);
        match line {
            Some(line) => {
                line.push(' ');
                line.push_str(column);
                line.push(',');
            }
            None => lines.push(format!("{column},")),
        }
    }
    let columns = lines.join("\n");
    format!(
        "{}. Empty cells take the flag's default. Advantage rows\nare priced last, together: one \
         commitment per region.\n\nExample:\n  kcost batch streams.csv --format table",
        columns.trim_end_matches(',')
    )
}

/// The flag of an input, as the core declares it.
const fn flag(input: I) -> &'static str {
    input.spec().flag
}

/// The placeholder of an input's value in help.
const fn value_name(input: I) -> &'static str {
    input.spec().value_name
}

/// The help line of an input.
const fn help(input: I) -> &'static str {
    input.help()
}

/// The default of an input, as it would be typed.
const fn default(input: I) -> &'static str {
    match input.spec().default {
        Some(value) => value,
        None => "",
    }
}

/// An input error as clap wants it.
fn text<T>(result: Result<T, kcost_core::InputError>) -> Result<T, String> {
    result.map_err(|e| e.text(&Terminal))
}

/// A core parser as a clap value parser, its refusal in the terminal's words.
fn words<T: 'static>(
    parse: fn(&str) -> Result<T, kcost_core::InputError>,
) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static {
    move |s| text(parse(s))
}

fn parse_price_age(s: &str) -> Result<PriceAge, String> {
    text(kcost_core::calc::parse_price_age(s)).map(PriceAge)
}

/// A region code: any non-empty code is taken (a pricing table may add regions); the built-in
/// regions are offered to shell completion, so that `--region <TAB>` completes codes, not files.
#[derive(Debug, Clone, Copy)]
struct RegionParser;

impl clap::builder::TypedValueParser for RegionParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new()
            .try_map(parse_region)
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let catalog = kcost_pricing::Catalog::embedded();
        let codes: Vec<String> = catalog.book().regions.keys().cloned().collect();
        Some(Box::new(
            codes.into_iter().map(clap::builder::PossibleValue::new),
        ))
    }
}

fn parse_region(s: String) -> Result<String, String> {
    let code = s.trim();
    if code.is_empty() {
        return Err(
            "the region is empty; give a region code such as us-east-1 (kcost regions lists them)"
                .to_string(),
        );
    }
    Ok(code.to_string())
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
        super::Flags::command().debug_assert();
    }

    /// The plain-estimate fast path reads every flag exactly as the whole command line does, and
    /// a run it cannot read (a subcommand, help, a mistake) is left to the whole command line.
    #[test]
    fn the_plain_estimate_parses_as_the_whole_command_line_does() {
        let runs = [
            "--records 100 --size-kb 100 --consumers 10",
            "--records 1000/min --size-kb 0.5 --mode compare --region us-east-2",
            "--records 5000 --size-kb 0.5 --aggregate --format json --explain",
            "--records 2000 --size-kb 1 --peak-records 8000 --target-utilization 80 \
             --hot-key-share 0.1 --efo-consumers 3 --retention 7d",
            "--records 100 --size-kb 10 --growth 5 --months 24 --price-age off",
            "--records=100 --size-kb=100 --shards 60 --rounding exact --form current",
        ];
        for run in runs {
            let args: Vec<std::ffi::OsString> = std::iter::once("kcost")
                .chain(run.split_whitespace())
                .map(Into::into)
                .collect();
            let whole = super::Cli::try_parse_from(&args).unwrap();
            let fast = super::Flags::try_parse_from(&args).unwrap();
            assert!(whole.command.is_none());
            assert_eq!(
                format!("{:?}", fast.estimate),
                format!("{:?}", whole.estimate),
                "{run:?}"
            );
            assert_eq!(
                format!("{:?}", super::Cli::parse_args(args.clone())),
                format!("{whole:?}"),
                "{run:?}"
            );
        }
        // What the fast path refuses, the whole command line reads (a subcommand's flag here).
        let args: Vec<std::ffi::OsString> = ["kcost", "--records", "1", "--size-kb", "1", "--nope"]
            .map(Into::into)
            .to_vec();
        assert!(super::Flags::try_parse_from(&args).is_err());
        assert!(super::Cli::try_parse_from(&args).is_err());
    }

    /// The modes and roundings clap offers are the core's, by the core's names.
    #[test]
    fn modes_and_roundings_are_the_cores() {
        use clap::ValueEnum;
        for arg in super::ModeArg::value_variants() {
            let name = arg.to_possible_value().unwrap().get_name().to_string();
            match arg.mode() {
                Some(mode) => assert_eq!(name.parse::<kcost_core::Mode>(), Ok(mode)),
                None => assert_eq!(name, "compare"),
            }
        }
        for arg in super::RoundingArg::value_variants() {
            let name = arg.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(
                name.parse::<kcost_core::Rounding>(),
                Ok(kcost_core::Rounding::from(*arg))
            );
        }
    }

    /// Every input the core declares is a flag of the command that prices its scope, with the
    /// core's name, help line and default (the core's default, or said in the help when the
    /// default is worked out rather than typed).
    #[test]
    fn every_declared_input_is_a_flag_in_the_cores_words() {
        use kcost_core::{Input, Scope};
        let cli = super::Cli::command();
        let sub = |name: &str| cli.find_subcommand(name).unwrap().clone();
        for &input in Input::ALL {
            let spec = input.spec();
            let commands = match spec.scope {
                Scope::Every => vec![cli.clone(), sub("analytics"), sub("firehose")],
                Scope::Stream => vec![cli.clone()],
                Scope::Analytics => vec![sub("analytics")],
                Scope::Firehose => vec![sub("firehose")],
                // Consumers with their own bill are scenario files' and the page's.
                Scope::Lambda | Scope::Kcl => vec![],
            };
            for command in commands {
                let name = command.get_name().to_string();
                let arg = command
                    .get_arguments()
                    .find(|a| a.get_long() == Some(spec.flag))
                    .unwrap_or_else(|| panic!("{name} has no --{} ({input:?})", spec.flag));
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                assert_eq!(help, input.help(), "{name} --{}", spec.flag);
                let default: Vec<String> = arg
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                match (spec.default, default.as_slice()) {
                    (Some(d), [given]) => assert_eq!(given, d, "{name} --{}", spec.flag),
                    (Some(d), []) => assert!(
                        help.contains(&format!("[default: {d}]")),
                        "{name} --{}: the default {d} is neither set nor said",
                        spec.flag
                    ),
                    (None, []) => {}
                    (None, given) => panic!("{name} --{} has a default {given:?}", spec.flag),
                    (Some(_), given) => panic!("{name} --{}: defaults {given:?}", spec.flag),
                }
            }
        }
    }
}
