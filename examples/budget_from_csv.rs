//! Budget a list of streams from a CSV inventory (columns named as kcost's flags), the way a
//! FinOps script would: every row estimated, bad rows reported, totals by region.
//!
//!     cargo run -p kcost-pricing --example budget_from_csv -- examples/streams.csv

use std::collections::BTreeMap;

use kcost_core::batch::{estimate_row, RowOutcome};
use kcost_core::{Money, Options};
use kcost_pricing::Catalog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/streams.csv".to_string());
    let catalog = Catalog::embedded();
    let mut reader = csv::Reader::from_path(&path)?;
    let header: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
    let mut by_region: BTreeMap<String, Money> = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        let record = record?;
        let fields: Vec<(&str, &str)> = header
            .iter()
            .map(String::as_str)
            .zip(record.iter())
            .collect();
        let row = estimate_row(i + 1, &fields, catalog.book(), Options::default());
        match row.outcome {
            RowOutcome::Estimated { estimate } => {
                println!(
                    "{:>4} {:<16} {:>12} USD",
                    row.row,
                    row.name.unwrap_or_default(),
                    estimate.monthly_usd.to_text(true)
                );
                let total = by_region.entry(estimate.region.to_string()).or_default();
                *total = *total + estimate.monthly_usd;
            }
            RowOutcome::Failed { error } => println!(
                "{:>4} {:<16} error: {error}",
                row.row,
                row.name.unwrap_or_default()
            ),
        }
    }
    for (region, total) in &by_region {
        println!("{region:<14} {:>12} USD a month", total.to_text(true));
    }
    Ok(())
}
