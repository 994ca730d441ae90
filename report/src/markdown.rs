//! Reports as Markdown, for design documents and reviews.

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::Table;
use kcost_core::render_steps;

use super::report::{COST_HEADER, GROWTH_HEADER};
use super::{Report, Summary};

fn table<R: Into<comfy_table::Row>>(header: &[&str], rows: impl IntoIterator<Item = R>) -> Table {
    let mut t = Table::new();
    t.load_style(ASCII_MARKDOWN)
        .set_header(header.to_vec())
        .add_rows(rows);
    t
}

/// One report under a heading of `level` (`###`).
pub fn render(r: &Report<'_>, level: &str) -> String {
    let mut out = format!("{level} {}\n\n", r.title);
    if !r.inputs.is_empty() {
        out.push_str(&format!(
            "{}\n\n",
            table(&["Input", "Value"], r.inputs.clone())
        ));
    }
    if !r.capacity.is_empty() {
        let two: Vec<[String; 2]> = r
            .capacity
            .iter()
            .map(|[a, b, _]| [a.clone(), b.clone()])
            .collect();
        out.push_str(&format!("{}\n\n", table(&["Capacity", "Shards"], two)));
    }
    let cost = table(
        &COST_HEADER,
        r.cost_rows(|label, amount| [format!("**{label}**"), format!("**{amount}**")]),
    );
    out.push_str(&format!("{cost}\n\n"));
    if let Some((heading, rows)) = &r.growth {
        out.push_str(&format!(
            "{heading}\n\n{}\n\n",
            table(&GROWTH_HEADER, rows.clone())
        ));
    }
    for line in &r.findings {
        out.push_str(&format!("- {line}\n"));
    }
    for note in r.notes() {
        // Headings become bold list items; their entries nest under them.
        match note.strip_prefix("  ") {
            Some(entry) => out.push_str(&format!("  - {}\n", entry.trim_start_matches("- "))),
            None => out.push_str(&format!("- **{note}**\n")),
        }
    }
    if !r.steps.is_empty() {
        out.push_str("\n```text\n");
        out.push_str(&render_steps(r.steps));
        out.push_str(&render_steps(r.analysis_steps));
        out.push_str("```\n");
    }
    out
}

/// A summary table and its notes, then each report one heading level down.
pub fn render_many(summary: &Summary, reports: &[Report<'_>]) -> String {
    let mut out = format!(
        "### {}\n\n{}\n\n",
        summary.title,
        table(&summary.header, summary.rows.clone())
    );
    for note in &summary.notes {
        out.push_str(&format!("- {note}\n"));
    }
    for r in reports {
        out.push('\n');
        out.push_str(&render(r, "####"));
    }
    if !summary.warnings.is_empty() {
        out.push_str("\n- **Warnings:**\n");
        for w in &summary.warnings {
            out.push_str(&format!("  - {w}\n"));
        }
    }
    out
}
