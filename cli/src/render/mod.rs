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

/// A line's quantity as the calculation showed it.
fn quantity(e: &Estimate, quantity: f64) -> String {
    e.rounding.show(quantity, 2)
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
