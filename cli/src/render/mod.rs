//! Turning a core [`Estimate`] into text. Renderers only lay out what the core computed.

mod csv;
mod markdown;
pub mod regions;
mod table;

use anyhow::Result;
use kcost_core::Estimate;

use crate::args::Format;

/// The estimate in `format`, ending with a newline.
pub fn estimate(estimate: &Estimate, format: Format) -> Result<String> {
    match format {
        Format::Table => Ok(table::render(estimate)),
        Format::Json => Ok(serde_json::to_string_pretty(estimate)? + "\n"),
        Format::Csv => csv::render(estimate),
        Format::Markdown => Ok(markdown::render(estimate)),
    }
}

/// `Kinesis Data Streams, provisioned, us-east-2 (US East (Ohio)), calculator rounding`.
fn title(e: &Estimate) -> String {
    format!(
        "{}, {}, {} ({}), {} rounding",
        e.service.title(),
        e.mode.name(),
        e.region,
        e.region_name,
        e.rounding.name()
    )
}

/// The figures of the shard table: label, value as shown, note.
fn shard_rows(e: &Estimate) -> [(&'static str, String, &'static str); 5] {
    let s = &e.shards;
    let r = e.rounding;
    [
        (
            "Shards needed for ingress",
            r.show(s.ingress, 2),
            "1 MB/s per shard",
        ),
        (
            "Shards needed for egress",
            r.show(s.egress, 2),
            "2 MB/s per shard, shared",
        ),
        (
            "Shards needed for records",
            r.show(s.records, 3),
            "1,000 records/s per shard",
        ),
        ("Shards needed", r.show(s.needed, 2), "the largest need"),
        ("Shards", s.count.to_string(), "rounded up, at least 1"),
    ]
}

/// The header of the cost table.
const COST_HEADER: [&str; 5] = [
    "Item",
    "Quantity",
    "Unit",
    "Unit price (USD)",
    "Monthly (USD)",
];

/// One row per cost line, then the total row with `total(label, amount)` deciding its emphasis.
fn cost_rows(e: &Estimate, total: impl Fn(&str, String) -> [String; 2]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = e
        .lines
        .iter()
        .map(|line| {
            vec![
                line.description.to_string(),
                // The quantity as the calculation showed it.
                e.rounding.show(line.quantity, 2),
                line.unit.to_string(),
                line.unit_price_usd.to_string(),
                line.monthly_usd.to_text(true),
            ]
        })
        .collect();
    let [label, amount] = total("Total", e.monthly_usd.to_text(true));
    rows.push(vec![
        label,
        String::new(),
        String::new(),
        String::new(),
        amount,
    ]);
    rows
}

/// The notes under an estimate: prices with their provenance, assumptions and warnings.
fn notes(e: &Estimate) -> Vec<String> {
    let mut out = vec![format!("Prices for {} (USD):", e.region)];
    for line in &e.lines {
        out.push(format!(
            "  {}: {} per {}, {}, as of {}; {}",
            line.description,
            line.unit_price_usd,
            line.unit,
            line.price.confidence,
            line.price.as_of,
            line.price.source
        ));
    }
    out.push("Assumptions:".to_string());
    out.extend(e.assumptions.iter().map(|a| format!("  - {a}")));
    if !e.warnings.is_empty() {
        out.push("Warnings:".to_string());
        out.extend(e.warnings.iter().map(|w| format!("  - {w}")));
    }
    out
}
