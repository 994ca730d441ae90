//! Turning a core [`Estimate`] or [`Comparison`] into text. Renderers only lay out what the core
//! computed; the helpers here decide what each format shows, so the formats agree.

mod csv;
mod markdown;
pub mod regions;
mod table;

use anyhow::Result;
use kcost_core::{Comparison, Estimate, Per, Rounding};

use crate::args::Format;

/// The estimate in `format`, ending with a newline.
pub fn estimate(estimate: &Estimate, format: Format) -> Result<String> {
    match format {
        Format::Table => Ok(table::render(estimate)),
        Format::Json => Ok(serde_json::to_string_pretty(estimate)? + "\n"),
        Format::Csv => csv::render(std::slice::from_ref(estimate)),
        Format::Markdown => Ok(markdown::render(estimate)),
    }
}

/// The comparison in `format`, ending with a newline.
pub fn comparison(comparison: &Comparison, format: Format) -> Result<String> {
    match format {
        Format::Table => Ok(table::render_comparison(comparison)),
        Format::Json => Ok(serde_json::to_string_pretty(comparison)? + "\n"),
        Format::Csv => csv::render(&comparison.estimates),
        Format::Markdown => Ok(markdown::render_comparison(comparison)),
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

/// `Kinesis Data Streams, all modes compared, us-east-1, calculator rounding`.
fn comparison_title(c: &Comparison) -> String {
    format!(
        "{}, all modes compared, {}, {} rounding",
        c.service.title(),
        c.region,
        c.rounding.name()
    )
}

/// The inputs table: the three every estimate has, then those given beyond their defaults.
fn input_rows(e: &Estimate) -> Vec<[String; 2]> {
    let i = &e.inputs;
    let mut rows = vec![
        ["Records".to_string(), records(e)],
        [
            "Average record size".to_string(),
            format!("{} KB", i.size_kb),
        ],
        [
            "Consumer applications".to_string(),
            format!("{} (shared throughput)", i.consumers),
        ],
    ];
    let mut add = |label: &str, value: String| rows.push([label.to_string(), value]);
    if i.efo_consumers > 0 {
        add("Enhanced fan-out consumers", i.efo_consumers.to_string());
    }
    if i.retention_hours != 24.0 {
        add("Retention", retention(i.retention_hours));
    }
    if i.long_term_reads_gb > 0.0 {
        add(
            "Long-term reads",
            format!("{} GB a month", i.long_term_reads_gb),
        );
    }
    if let Some(peak) = i.peak_records_per_second {
        add(
            "Peak records",
            format!("{} per second", Rounding::show_input(peak)),
        );
    }
    if i.target_utilization_percent < 100.0 {
        add(
            "Target utilization",
            format!("{}%", i.target_utilization_percent),
        );
    }
    if let Some(share) = i.hot_key_share {
        add("Hot-key share", format!("{share} of the traffic"));
    }
    if let Some(kb) = i.aggregate_kb {
        add(
            "Aggregation",
            format!("into Kinesis records of up to {kb} KB"),
        );
    }
    if i.max_record_size_kb != 1024.0 {
        add(
            "Maximum record size",
            format!("{} KB", i.max_record_size_kb),
        );
    }
    rows
}

/// `100 per second`, or `1000 per minute (16.67 per second)`.
fn records(e: &Estimate) -> String {
    let i = &e.inputs;
    let per = i.records.per;
    if per == Per::Second {
        format!("{} per second", i.records.count)
    } else {
        format!(
            "{} per {} ({} per second)",
            i.records.count,
            per.name(),
            e.rounding.show(i.records_per_second, 2)
        )
    }
}

/// `7 days (168 hours)` or `36 hours`.
fn retention(hours: f64) -> String {
    if hours % 24.0 == 0.0 {
        format!("{} days ({hours} hours)", hours / 24.0)
    } else {
        format!("{hours} hours")
    }
}

/// The figures of the shard table: label, value as shown, note. Empty for on-demand modes.
fn shard_rows(e: &Estimate) -> Vec<[String; 3]> {
    let Some(s) = &e.shards else {
        return Vec::new();
    };
    let r = e.rounding;
    let row = |label: &str, value: String, note: &str| [label.to_string(), value, note.to_string()];
    let mut rows = vec![
        row(
            "Shards needed for ingress",
            r.show(s.ingress, 2),
            "1 MB/s per shard",
        ),
        row(
            "Shards needed for egress",
            r.show(s.egress, 2),
            "2 MB/s per shard, shared",
        ),
        row(
            "Shards needed for records",
            r.show(s.records, 3),
            "1,000 records/s per shard",
        ),
    ];
    if let Some(hot) = s.hot_key {
        rows.push(row(
            "Shards needed for the hot key",
            r.show(hot, 2),
            "its shard under 1 MB/s and 1,000 records/s",
        ));
    }
    rows.push(row(
        "Shards needed",
        r.show(s.needed, 2),
        "the largest need",
    ));
    if let Some(h) = s.with_headroom {
        let pct = e.inputs.target_utilization_percent;
        rows.push(row(
            "With headroom",
            r.show(h, 2),
            &format!("at {pct}% utilization"),
        ));
    }
    rows.push(row("Shards", s.count.to_string(), "rounded up, at least 1"));
    rows
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

/// What the analyses found: aggregation savings, the hot key's shard, consumer delay.
fn findings(e: &Estimate) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(a) = &e.aggregation {
        out.push(format!(
            "Aggregation: {} user records per Kinesis record; {} USD a month against {} USD \
             unaggregated, a saving of {} USD",
            a.user_records_per_kinesis_record,
            e.monthly_usd.to_text(true),
            a.unaggregated_monthly_usd.to_text(true),
            a.saving_usd.to_text(true)
        ));
    }
    if let Some(h) = &e.hot_key {
        let mut line = format!(
            "Hot key: {} of the traffic is {:.2} MB/s and {:.2} records/s on one shard",
            h.share, h.key_mb_per_second, h.key_records_per_second
        );
        match (h.fixable, h.busiest_shard_mb_per_second, h.busiest_shard_records_per_second) {
            (false, _, _) => line.push_str("; no shard count fixes it (see the warning)"),
            (true, Some(mb), Some(recs)) => line.push_str(&format!(
                "; with the rest spread evenly its shard carries {mb:.2} MB/s and {recs:.2} records/s"
            )),
            (true, _, _) => {}
        }
        out.push(line);
    }
    if let Some(ms) = e.consumer_delay_ms {
        let n = e.inputs.consumers;
        let (s, they) = if n == 1 {
            ("", "it reads")
        } else {
            ("s", "each reads")
        };
        out.push(format!(
            "Consumer delay: with {n} shared consumer{s}, {they} a shard about every {ms} ms \
             (a shard serves 5 reads a second, shared)"
        ));
    }
    out
}

/// The growth table's rows: month, records/s, shards, monthly cost.
fn growth_rows(e: &Estimate) -> Option<(String, Vec<[String; 4]>)> {
    let g = e.growth.as_ref()?;
    let mut rows: Vec<[String; 4]> = g
        .months
        .iter()
        .map(|m| {
            [
                m.month.to_string(),
                e.rounding.show(m.records_per_second, 2),
                m.shards.map_or_else(|| "-".to_string(), |s| s.to_string()),
                m.monthly_usd.to_text(true),
            ]
        })
        .collect();
    rows.push([
        "Total".to_string(),
        String::new(),
        String::new(),
        g.total_usd.to_text(true),
    ]);
    let heading = format!(
        "Growth: {}% a month over {} months, {} USD in all",
        g.percent_per_month,
        g.months.len(),
        g.total_usd.to_text(true)
    );
    Some((heading, rows))
}

const GROWTH_HEADER: [&str; 4] = ["Month", "Records/s", "Shards", "Monthly (USD)"];

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

/// The summary of a comparison: mode, shards, monthly total, the cheapest marked.
fn comparison_rows(c: &Comparison) -> Vec<[String; 4]> {
    c.estimates
        .iter()
        .map(|e| {
            [
                e.mode.name().to_string(),
                e.shards
                    .as_ref()
                    .map_or_else(|| "-".to_string(), |s| s.count.to_string()),
                e.monthly_usd.to_text(true),
                if e.mode == c.cheapest { "cheapest" } else { "" }.to_string(),
            ]
        })
        .collect()
}

const COMPARISON_HEADER: [&str; 4] = ["Mode", "Shards", "Monthly (USD)", ""];

/// The lines under a comparison's summary: break-even and what could not be estimated.
fn comparison_notes(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    let has = |m| c.estimates.iter().any(|e| e.mode == m);
    if has(kcost_core::Mode::Provisioned) && has(kcost_core::Mode::OnDemand) {
        out.push(match c.break_even_records_per_second {
            Some(rate) => format!(
                "Break-even: provisioned and on-demand swap places at {} records/s (average), for \
                 this record size and consumer mix",
                c.rounding.show(rate, 2)
            ),
            None => "Break-even: none between 0.01 and 10,000,000 records/s; the same mode is \
                     cheaper at every rate for this record size and consumer mix"
                .to_string(),
        });
    }
    for u in &c.unavailable {
        out.push(format!("Not compared: {}: {}", u.mode.name(), u.reason));
    }
    out
}
