//! Cost lines and the total as a Markdown table, for design documents and reviews.

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::Table;
use kcost_core::{render_steps, Estimate};

use super::{notes, quantity, shard_rows, title};

pub fn render(e: &Estimate) -> String {
    let mut shards = Table::new();
    shards
        .load_style(ASCII_MARKDOWN)
        .set_header(vec!["Capacity", "Shards"]);
    for (label, value, _) in shard_rows(e) {
        shards.add_row(vec![label.to_string(), value]);
    }
    let mut cost = Table::new();
    cost.load_style(ASCII_MARKDOWN).set_header(vec![
        "Item",
        "Quantity",
        "Unit",
        "Unit price (USD)",
        "Monthly (USD)",
    ]);
    for line in &e.lines {
        cost.add_row(vec![
            line.description.to_string(),
            quantity(e, line.quantity),
            line.unit.to_string(),
            line.unit_price_usd.to_string(),
            line.monthly_usd.to_text(true),
        ]);
    }
    cost.add_row(vec![
        "**Total**".to_string(),
        String::new(),
        String::new(),
        String::new(),
        format!("**{}**", e.monthly_usd.to_text(true)),
    ]);
    let mut out = format!("### {}\n\n{shards}\n\n{cost}\n\n", title(e));
    for note in notes(e) {
        // Headings become bold list items; their entries nest under them.
        match note.strip_prefix("  ") {
            Some(entry) => out.push_str(&format!("  - {}\n", entry.trim_start_matches("- "))),
            None => out.push_str(&format!("- **{note}**\n")),
        }
    }
    if !e.steps.is_empty() {
        out.push_str("\n```text\n");
        out.push_str(&render_steps(&e.steps));
        out.push_str("```\n");
    }
    out
}
