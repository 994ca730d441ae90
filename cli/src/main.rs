//! `kcost`: parse the command line, call the core, render. No price is computed here.

mod args;
mod render;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;
use kcost_core::{Growth, Options, StreamWorkload};
use kcost_pricing::Catalog;

use args::{Cli, Command, EstimateArgs, Format};

/// Exit status for anything the user can fix: bad flags, values, files or regions.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    // clap prints its own errors and exits with status 2, help and version with 0.
    let cli = Cli::parse();
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
            eprintln!("error: {err:#}");
            ExitCode::from(USAGE)
        }
    }
}

/// Everything the run prints on success. Nothing reaches stdout unless the whole output is ready.
fn run(cli: &Cli) -> Result<String> {
    let catalog = catalog(cli.pricing.as_deref())?;
    match &cli.command {
        Some(Command::Regions { format }) => render::regions::render(&catalog, *format),
        None => estimate(&cli.estimate, &catalog),
    }
}

fn catalog(user_table: Option<&Path>) -> Result<Catalog> {
    let mut catalog = Catalog::embedded().context("a built-in pricing table is broken")?;
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
    // clap enforces both flags; the `else` only guards against a change in its rules.
    let (Some(records), Some(record_size)) = (args.records, args.size_kb) else {
        bail!("--records and --size-kb are required; see kcost --help");
    };
    if args.explain && args.format == Format::Csv {
        bail!("--explain has no CSV form; use --format table, json or markdown with --explain");
    }
    let workload = StreamWorkload {
        consumers: args.consumers,
        efo_consumers: args.efo_consumers,
        retention: args.retention,
        long_term_reads_gb: args.long_term_reads_gb,
        aggregate_kb: args.aggregate,
        peak_records: args.peak_records,
        target_utilization: args.target_utilization,
        hot_key_share: args.hot_key_share,
        max_record_size: args.max_record_size,
        growth: args.growth.map(|percent| Growth {
            percent_per_month: percent,
            months: args.months,
        }),
        ..StreamWorkload::new(records, record_size)
    };
    let options = Options {
        rounding: args.rounding.into(),
        trace: args.explain,
    };
    let region = args.region.as_deref();
    match args.mode.mode() {
        Some(mode) => {
            let estimate = kcost_core::estimate(&workload, mode, region, catalog.book(), options)?;
            render::estimate(&estimate, args.format)
        }
        None => {
            let comparison = kcost_core::compare(&workload, region, catalog.book(), options)?;
            render::comparison(&comparison, args.format)
        }
    }
}
