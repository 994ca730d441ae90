//! `kcost`: parse the command line, call the core, render. No price is computed here.

mod args;
mod render;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;
use kcost_core::{provisioned, Options, StreamWorkload};
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
        records,
        record_size,
        consumers: args.consumers,
    };
    let options = Options {
        rounding: args.rounding.into(),
        trace: args.explain,
    };
    let estimate =
        provisioned::estimate(&workload, args.region.as_deref(), catalog.book(), options)?;
    render::estimate(&estimate, args.format)
}
