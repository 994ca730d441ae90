//! `kcost`: parse the command line, call the core, render. No price is computed here.

mod args;
mod batch_cmd;
mod face;
mod inputs;
mod pricing_cmd;
mod progress;
mod render;
mod sweep_cmd;

use std::io::Write;
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use face::Terminal;
use inputs::Given;
use kcost_core::analytics::{AnalyticsWorkload, AppSize, Engine};
use kcost_core::firehose::FirehoseWorkload;
use kcost_core::{Input, Options, StreamWorkload};
use kcost_pricing::Catalog;

use args::{
    AnalyticsArgs, Cli, CloudFormationArgs, Command, EstimateArgs, FirehoseArgs, Format, InfraArgs,
    OutputArgs, PriceArgs, PricingCommand, TerraformArgs,
};

/// Exit status for anything the user can fix: bad flags, values, files or regions.
const USAGE: u8 = 2;

/// Exit status of a batch in which some rows failed (the others were estimated).
const SOME_ROWS_FAILED: u8 = 3;

/// Exit status of a change that costs more a month than `--fail-over` allows.
const OVER_BUDGET: u8 = 4;

/// A run that printed its whole output but fails on purpose (`--fail-over`): the output goes
/// to stdout, the reason to stderr, and the status is `code`.
#[derive(Debug)]
struct Refused {
    output: String,
    code: u8,
    reason: String,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Refused {}

fn main() -> ExitCode {
    let cli = Cli::parse_args(std::env::args_os().collect());
    // A batch writes as it goes, so a million rows need not be held; it has its own exit status.
    if let Some(Command::Batch {
        file,
        format,
        rounding,
        threads,
        prices,
    }) = &cli.command
    {
        let result = catalog(prices, None).and_then(|catalog| {
            // Batch output shows no analysis and no warning, so neither is worked out: a second
            // pricing per row, and the age of its prices, for nothing.
            let options = Options {
                rounding: (*rounding).into(),
                price_age: None,
                skip_analyses: true,
                ..Options::default()
            };
            let threads = threads.map_or_else(
                || std::thread::available_parallelism().map_or(1, usize::from),
                usize::from,
            );
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            let totals = batch_cmd::run(file, *format, catalog.book(), options, threads, &mut out)?;
            out.flush()?;
            Ok(totals)
        });
        return match result {
            Ok(totals) if totals.failed == 0 => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(SOME_ROWS_FAILED),
            // A closed pipe (`kcost batch ... | head`) stops the batch without a message, as it
            // does every other command's output.
            Err(err) if closed_pipe(&err) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("error: {err:#}");
                ExitCode::from(USAGE)
            }
        };
    }
    match run(&cli) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`kcost ... | head`) is not an error worth a message.
            let _ = stdout
                .write_all(output.as_bytes())
                .and_then(|()| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(err) => {
            if let Some(refused) = err.downcast_ref::<Refused>() {
                let mut stdout = std::io::stdout().lock();
                let _ = stdout
                    .write_all(refused.output.as_bytes())
                    .and_then(|()| stdout.flush());
                eprintln!("error: {}", refused.reason);
                return ExitCode::from(refused.code);
            }
            eprintln!("error: {err:#}");
            ExitCode::from(USAGE)
        }
    }
}

/// Everything the run prints on success. Nothing reaches stdout unless the whole output is ready.
fn run(cli: &Cli) -> Result<String> {
    // Import and update write the user's tables, so they must not need them to be readable.
    if let Some(Command::Pricing { command }) = &cli.command {
        if matches!(
            command,
            PricingCommand::Import { .. } | PricingCommand::Update { .. }
        ) {
            return pricing_cmd::run(command, &Catalog::default());
        }
    }
    let prices = match &cli.command {
        Some(command) => command.prices().cloned().unwrap_or_default(),
        None => cli.estimate.output.prices.clone(),
    };
    if cli.command.is_none() {
        // A plain estimate prices one region: only its embedded table is built. Anything it
        // refuses is worded again with every table (the regions known, where a missing price
        // is).
        let region = cli
            .estimate
            .output
            .region
            .as_deref()
            .unwrap_or(kcost_core::streams::DEFAULT_REGION);
        return estimate(&cli.estimate, &catalog(&prices, Some(region))?)
            .or_else(|_| estimate(&cli.estimate, &catalog(&prices, None)?));
    }
    let catalog = catalog(&prices, None)?;
    match &cli.command {
        Some(command) => subcommand(command, &catalog),
        None => unreachable!("a plain estimate returned above"),
    }
}

/// What a subcommand other than `pricing import` and `pricing update` prints.
fn subcommand(command: &Command, catalog: &Catalog) -> Result<String> {
    match command {
        Command::Pricing { command } => pricing_cmd::run(command, catalog),
        Command::Batch { .. } => unreachable!("handled in main"),
        Command::Sweep(args) => sweep_cmd::run(args, catalog.book()),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(
                *shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "kcost",
                &mut out,
            );
            Ok(String::from_utf8(out)?)
        }
        Command::Man { dir } => man(dir.as_deref()),
        Command::Regions { format, .. } => render::regions::render(catalog, *format),
        Command::Estimate {
            file,
            format,
            explain,
            discount,
            prices,
        } => scenario(file, *format, *explain, *discount, prices, catalog),
        Command::Analytics(args) => analytics(args, catalog),
        Command::Metrics {
            files,
            format,
            target_utilization,
            efo_consumers,
            retention,
            shards,
            explain,
            stream,
            period,
            region,
            prices,
        } => {
            let settings = kcost_core::metrics::Settings {
                target_utilization: *target_utilization,
                efo_consumers: *efo_consumers,
                retention: *retention,
                shards: *shards,
                stream: stream.clone(),
            };
            let options = Options {
                trace: *explain,
                price_age: price_age(prices),
                ..Options::default()
            };
            let read = MetricsRead {
                files,
                period: *period,
            };
            metrics(
                &read,
                settings,
                region.as_deref(),
                catalog,
                options,
                *format,
            )
        }
        Command::Firehose(args) => firehose(args, catalog),
        Command::Terraform(args) => terraform(args, catalog),
        Command::Cloudformation(args) => cloudformation(args, catalog),
    }
}

/// `kcost man`: the man pages written into `dir`, or kcost's own page printed.
fn man(dir: Option<&Path>) -> Result<String> {
    let Some(dir) = dir else {
        let mut out = Vec::new();
        let command = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
        clap_mangen::Man::new(command).render(&mut out)?;
        return Ok(String::from_utf8(out)?);
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the directory '{}'", dir.display()))?;
    clap_mangen::generate_to(<Cli as clap::CommandFactory>::command(), dir)
        .with_context(|| format!("cannot write the man pages into '{}'", dir.display()))?;
    Ok(format!(
        "wrote kcost.1 and its subcommands' pages into {}\n",
        dir.display()
    ))
}

/// Whether `err` is the reader of kcost's output having gone away.
fn closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The built-in tables (only `only`'s, when that region has one), with the user's pricing
/// directory and `--pricing` laid over them.
fn catalog(prices: &PriceArgs, only: Option<&str>) -> Result<Catalog> {
    let user_table: Option<&Path> = prices.pricing.as_deref();
    let mut catalog = only
        .and_then(Catalog::embedded_region)
        .unwrap_or_else(Catalog::embedded);
    if let Some(dir) = pricing_cmd::user_dir() {
        for path in pricing_cmd::tables_in(&dir)? {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read the pricing table '{}'", path.display()))?;
            catalog.overlay(&text, &path.display().to_string())?;
        }
    }
    if let Some(path) = user_table {
        let text = std::fs::read_to_string(path).with_context(|| {
            format!(
                "cannot read the pricing file '{}' (--pricing)",
                path.display()
            )
        })?;
        catalog.overlay(&text, &path.display().to_string())?;
    }
    Ok(catalog)
}

fn estimate(args: &EstimateArgs, catalog: &Catalog) -> Result<String> {
    let options = options(&args.output)?;
    let workload = stream_workload(&args.given)?;
    let region = args.output.region.as_deref();
    let format = args.output.format;
    match args.mode.mode() {
        Some(mode) => {
            let estimate = kcost_core::estimate(&workload, mode, region, catalog.book(), options)
                .map_err(face::error)?;
            render::with(kcost_report::estimate, &estimate, format)
        }
        None => {
            let comparison = kcost_core::compare(&workload, region, catalog.book(), options)
                .map_err(face::error)?;
            render::with(kcost_report::comparison, &comparison, format)
        }
    }
}

/// The stream the flags describe: the record rate and size (clap requires both), then every
/// other flag given, in declared order, through the core's `set`.
fn stream_workload(given: &Given) -> Result<StreamWorkload> {
    let sized = [Input::Records, Input::SizeKb];
    let [Some(records), Some(size)] = sized.map(|i| given.get(i)) else {
        bail!("--records and --size-kb are required; see kcost --help");
    };
    let text = |e: kcost_core::InputError| anyhow::anyhow!(e.text(&Terminal));
    let mut workload =
        StreamWorkload::new(records.parse().map_err(text)?, size.parse().map_err(text)?);
    given.set_into(&sized, |input, text| workload.set(input, text))?;
    Ok(workload)
}

/// The applications the flags describe: clap's group requires one of the sizes, and the flags
/// given set it and the rest, in declared order.
fn analytics_workload(given: &Given) -> Result<AnalyticsWorkload> {
    let mut workload = AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(1));
    given.set_into(&[], |input, text| workload.set(input, text))?;
    Ok(workload)
}

/// The Firehose the flags describe: the record rate and size (clap requires both), then every
/// other flag given.
fn firehose_workload(given: &Given) -> Result<FirehoseWorkload> {
    let sized = [Input::FirehoseRecords, Input::FirehoseSizeKb];
    let mut workload = given.sized(sized, FirehoseWorkload::new)?;
    given.set_into(&sized, |input, text| workload.set(input, text))?;
    Ok(workload)
}

/// The check for old prices: `--price-age` (or `KCOST_PRICE_AGE`) against today.
fn price_age(prices: &PriceArgs) -> Option<kcost_core::PriceAge> {
    Some(kcost_core::PriceAge {
        today: today()?,
        months: prices.price_age.0?,
    })
}

/// Today's year and month (UTC), for the warning about old prices: `KCOST_TODAY=YYYY-MM` when
/// set (tests pin it), else the system clock.
fn today() -> Option<(u32, u32)> {
    if let Ok(text) = std::env::var("KCOST_TODAY") {
        let (year, month) = text.split_once('-')?;
        return Some((year.parse().ok()?, month.parse().ok()?));
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = i64::try_from(secs / 86_400).ok()? + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some((u32::try_from(year).ok()?, u32::try_from(month).ok()?))
}

/// The core's options from the output flags, refusing `--explain` with CSV.
fn options(output: &OutputArgs) -> Result<Options> {
    if output.explain && output.format == Format::Csv {
        bail!("--explain has no CSV form; use --format table, json or markdown with --explain");
    }
    Ok(Options {
        rounding: output.rounding.into(),
        trace: output.explain,
        discount_bp: output.discount.unwrap_or(0),
        price_age: price_age(&output.prices),
        skip_analyses: false,
        commitment: Default::default(),
    })
}

fn scenario(
    file: &Path,
    format: Format,
    explain: bool,
    discount: Option<u32>,
    prices: &PriceArgs,
    catalog: &Catalog,
) -> Result<String> {
    if explain && format == Format::Csv {
        bail!("--explain has no CSV form; use --format table, json or markdown with --explain");
    }
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the scenario file '{}'", file.display()))?;
    let pipeline = kcost_core::scenario::estimate(
        &text,
        &file.display().to_string(),
        catalog.book(),
        Options {
            trace: explain,
            discount_bp: discount.unwrap_or(0),
            price_age: price_age(prices),
            ..Options::default()
        },
    )
    .map_err(|e| anyhow::anyhow!(e.text(&face::Terminal)))?;
    render::with(kcost_report::pipeline, &pipeline, format)
}

/// `kcost metrics FILE...`: the files read here, everything else in the core.
/// The metrics files and the period they were exported with, if given.
struct MetricsRead<'a> {
    files: &'a [PathBuf],
    period: Option<i64>,
}

fn metrics(
    read: &MetricsRead<'_>,
    settings: kcost_core::metrics::Settings,
    region: Option<&str>,
    catalog: &Catalog,
    options: Options,
    format: Format,
) -> Result<String> {
    let mut series = Vec::new();
    for file in read.files {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read the metrics file '{}'", file.display()))?;
        series.extend(kcost_core::metrics::parse(
            &text,
            &file.display().to_string(),
        )?);
    }
    let traffic = kcost_core::metrics::TrafficSeries::assemble_with(series, read.period)?;
    let estimate = kcost_core::metrics::price(&traffic, settings, region, catalog.book(), options)
        .map_err(face::error)?;
    render::with(kcost_report::traffic, &estimate, format)
}

/// An infrastructure error in the terminal's words.
fn worded(e: kcost_core::infra::InfraError) -> anyhow::Error {
    anyhow::anyhow!(e.text(&face::Terminal))
}

/// A Terraform plan's change, priced with the usage file's traffic.
fn terraform(args: &TerraformArgs, catalog: &Catalog) -> Result<String> {
    let origin = args.plan.display().to_string();
    let text = std::fs::read_to_string(&args.plan)
        .with_context(|| format!("cannot read the plan '{origin}'"))?;
    let infra = kcost_core::infra::terraform::parse(&text, &origin).map_err(worded)?;
    price_infra(&infra, &args.pricing, catalog)
}

/// A CloudFormation template, or its change from the one it replaces.
fn cloudformation(args: &CloudFormationArgs, catalog: &Catalog) -> Result<String> {
    let read = |path: &Path| -> Result<(String, String)> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the template '{name}'"))?;
        Ok((text, name))
    };
    let (text, origin) = read(&args.template)?;
    let before = args.before.as_deref().map(read).transpose()?;
    let infra = kcost_core::infra::cloudformation::parse(
        &text,
        &origin,
        before.as_ref().map(|(t, o)| (t.as_str(), o.as_str())),
    )
    .map_err(worded)?;
    price_infra(&infra, &args.pricing, catalog)
}

/// Resources priced with the usage file, rendered; status 4 over `--fail-over`.
fn price_infra(
    infra: &kcost_core::infra::Infrastructure,
    args: &InfraArgs,
    catalog: &Catalog,
) -> Result<String> {
    let usage = match &args.usage {
        Some(path) => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the usage file '{name}' (--usage)"))?;
            kcost_core::infra::Usage::parse(&text, &name).map_err(worded)?
        }
        None => kcost_core::infra::Usage::default(),
    };
    let options = Options {
        trace: args.explain,
        price_age: price_age(&args.prices),
        ..Options::default()
    };
    let priced = kcost_core::infra::price(
        infra,
        &usage,
        args.region.as_deref(),
        catalog.book(),
        options,
    )
    .map_err(worded)?;
    let output = render::with(kcost_report::infra, &priced, args.format)?;
    match args.fail_over {
        Some(limit) if priced.delta_usd > limit => Err(Refused {
            output,
            code: OVER_BUDGET,
            reason: format!(
                "the change adds {} USD a month, over --fail-over {} USD",
                priced.delta_usd.to_text(true),
                limit.to_text(true)
            ),
        }
        .into()),
        _ => Ok(output),
    }
}

fn analytics(args: &AnalyticsArgs, catalog: &Catalog) -> Result<String> {
    // clap's `requires` does not hold for an argument of a group, so this is checked here.
    if args.given.has(Input::ParallelismPerKpu) && !args.given.has(Input::Parallelism) {
        bail!("--parallelism-per-kpu goes with --parallelism; size the applications with --parallelism P --parallelism-per-kpu Q");
    }
    let workload = analytics_workload(&args.given)?;
    let options = options(&args.output)?;
    let e = kcost_core::analytics::estimate(
        &workload,
        args.output.region.as_deref(),
        catalog.book(),
        options,
    )
    .map_err(face::error)?;
    render::with(kcost_report::analytics, &e, args.output.format)
}

fn firehose(args: &FirehoseArgs, catalog: &Catalog) -> Result<String> {
    let workload = firehose_workload(&args.given)?;
    let options = options(&args.output)?;
    let e = kcost_core::firehose::estimate(
        &workload,
        args.output.region.as_deref(),
        catalog.book(),
        options,
    )
    .map_err(face::error)?;
    render::with(kcost_report::firehose, &e, args.output.format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use kcost_core::{Per, Rate, RecordSize, Scope};

    /// The flags of a command line, parsed as the whole command line does.
    fn cli(line: &str) -> Cli {
        let args = std::iter::once("kcost").chain(line.split_whitespace());
        Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{line}: {e}"))
    }

    /// ` --flag value` for an input's example (` --flag` for a switch, `--flag=value` for one
    /// whose value is optional), with what it needs first.
    fn example(input: Input) -> String {
        let spec = input.spec();
        let needs = spec.needs.map(example).unwrap_or_default();
        match (spec.switch, input) {
            (true, _) => format!("{needs} --{}", spec.flag),
            (false, Input::Aggregate) => format!("{needs} --{}={}", spec.flag, spec.example),
            (false, _) => format!("{needs} --{} {}", spec.flag, spec.example),
        }
    }

    /// The rate and size a line needs, with `input`'s example in place of its own.
    fn sized(input: Input, inputs: [Input; 2]) -> String {
        let [records, size] = inputs.map(|i| match i == input {
            true => example(i),
            false => format!(" --{} 100", i.spec().flag),
        });
        format!("{records}{size}")
    }

    /// Each stream input's example, given as its flag, makes the workload its `set` makes: the
    /// terminal reads every input as the core declares it.
    #[test]
    fn every_stream_flag_sets_what_the_core_sets() {
        let rate = Rate::new(100.0, Per::Second).unwrap();
        for input in Input::of(Scope::Stream).filter(|&i| StreamWorkload::takes(i)) {
            let spec = input.spec();
            let sized = sized(input, [Input::Records, Input::SizeKb]);
            let line = match input {
                Input::Records | Input::SizeKb => sized,
                _ => format!("{sized}{}", example(input)),
            };
            let given = cli(&line).estimate.given;
            let mut expected = StreamWorkload::new(rate, RecordSize::from_kb(100.0).unwrap());
            if let Some(needs) = spec.needs {
                expected.set(needs, needs.spec().example).unwrap();
            }
            expected.set(input, spec.example).unwrap();
            assert_eq!(stream_workload(&given).unwrap(), expected, "{line}");
        }
    }

    /// Each application input's example, given as its flag, sets what the core's `set` sets.
    #[test]
    fn every_analytics_flag_sets_what_the_core_sets() {
        let size = [Input::Kpus, Input::Parallelism, Input::KpuHours];
        for input in Input::of(Scope::Analytics) {
            let spec = input.spec();
            let mut expected = AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(1));
            let first = match input {
                _ if size.contains(&input) => None,
                Input::ParallelismPerKpu => Some(Input::Parallelism),
                _ => Some(Input::Kpus),
            };
            if let Some(first) = first {
                expected.set(first, first.spec().example).unwrap();
            }
            let value = if spec.switch { "on" } else { spec.example };
            expected.set(input, value).unwrap();
            let line = format!(
                "analytics{}{}",
                first.map(example).unwrap_or_default(),
                example(input)
            );
            let Some(Command::Analytics(args)) = cli(&line).command else {
                panic!("{line}");
            };
            assert_eq!(analytics_workload(&args.given).unwrap(), expected, "{line}");
        }
    }

    /// Each Firehose input's example, given as its flag, sets what the core's `set` sets.
    #[test]
    fn every_firehose_flag_sets_what_the_core_sets() {
        let rate = Rate::new(100.0, Per::Second).unwrap();
        let sizes = [Input::FirehoseRecords, Input::FirehoseSizeKb];
        for input in Input::of(Scope::Firehose) {
            let spec = input.spec();
            let sized = sized(input, sizes);
            let line = match input {
                _ if sizes.contains(&input) => format!("firehose{sized}"),
                _ => format!("firehose{sized}{}", example(input)),
            };
            let Some(Command::Firehose(args)) = cli(&line).command else {
                panic!("{line}");
            };
            let mut expected = FirehoseWorkload::new(rate, RecordSize::from_kb(100.0).unwrap());
            if let Some(needs) = spec.needs {
                let switch = needs.spec().switch;
                expected
                    .set(needs, if switch { "on" } else { needs.spec().example })
                    .unwrap();
            }
            let value = if spec.switch { "on" } else { spec.example };
            expected.set(input, value).unwrap();
            assert_eq!(firehose_workload(&args.given).unwrap(), expected, "{line}");
        }
    }
}
