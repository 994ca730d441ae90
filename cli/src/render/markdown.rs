//! Cost lines and the total as a Markdown table, for design documents and reviews.

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::Table;
use kcost_core::{render_steps, Estimate};

use super::{cost_rows, notes, shard_rows, title, COST_HEADER};

pub fn render(e: &Estimate) -> String {
    let mut shards = Table::new();
    shards
        .load_style(ASCII_MARKDOWN)
        .set_header(vec!["Capacity", "Shards"]);
    for (label, value, _) in shard_rows(e) {
        shards.add_row(vec![label.to_string(), value]);
    }
    let mut cost = Table::new();
    cost.load_style(ASCII_MARKDOWN)
        .set_header(COST_HEADER.to_vec())
        .add_rows(cost_rows(e, |label, amount| {
            [format!("**{label}**"), format!("**{amount}**")]
        }));
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
