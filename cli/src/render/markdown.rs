//! Estimates as Markdown, for design documents and reviews.

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::Table;
use kcost_core::{render_steps, Comparison, Estimate};

use super::{
    comparison_notes, comparison_rows, comparison_title, cost_rows, findings, growth_rows,
    input_rows, notes, shard_rows, title, COMPARISON_HEADER, COST_HEADER, GROWTH_HEADER,
};

fn table<R: Into<comfy_table::Row>>(header: &[&str], rows: impl IntoIterator<Item = R>) -> Table {
    let mut t = Table::new();
    t.load_style(ASCII_MARKDOWN)
        .set_header(header.to_vec())
        .add_rows(rows);
    t
}

fn body(e: &Estimate, heading: &str) -> String {
    let mut out = format!("{heading} {}\n\n", title(e));
    out.push_str(&format!(
        "{}\n\n",
        table(&["Input", "Value"], input_rows(e))
    ));
    let shards = shard_rows(e);
    if !shards.is_empty() {
        let two: Vec<[String; 2]> = shards.into_iter().map(|[a, b, _]| [a, b]).collect();
        out.push_str(&format!("{}\n\n", table(&["Capacity", "Shards"], two)));
    }
    let cost = table(
        &COST_HEADER,
        cost_rows(e, |label, amount| {
            [format!("**{label}**"), format!("**{amount}**")]
        }),
    );
    out.push_str(&format!("{cost}\n\n"));
    if let Some((heading, rows)) = growth_rows(e) {
        out.push_str(&format!("{heading}\n\n{}\n\n", table(&GROWTH_HEADER, rows)));
    }
    for line in findings(e) {
        out.push_str(&format!("- {line}\n"));
    }
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
        out.push_str(&render_steps(&e.analysis_steps));
        out.push_str("```\n");
    }
    out
}

pub fn render(e: &Estimate) -> String {
    body(e, "###")
}

pub fn render_comparison(c: &Comparison) -> String {
    let mut out = format!(
        "### {}\n\n{}\n\n",
        comparison_title(c),
        table(&COMPARISON_HEADER, comparison_rows(c))
    );
    for note in comparison_notes(c) {
        out.push_str(&format!("- {note}\n"));
    }
    for e in &c.estimates {
        out.push('\n');
        out.push_str(&body(e, "####"));
    }
    out
}
