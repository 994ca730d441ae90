//! The terminal tables (comfy-table).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};
use kcost_core::{render_steps, Comparison, Estimate};

use super::{
    comparison_notes, comparison_rows, comparison_title, cost_rows, findings, growth_rows,
    input_rows, notes, shard_rows, title, COMPARISON_HEADER, COST_HEADER, GROWTH_HEADER,
};

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    t
}

fn align_right(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(column) = t.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

pub fn render(e: &Estimate) -> String {
    let mut inputs = table(&["Input", "Value"]);
    inputs.add_rows(input_rows(e));
    let mut out = format!("{}\n\n{inputs}\n", title(e));

    let shards = shard_rows(e);
    if !shards.is_empty() {
        let mut t = table(&["Capacity", "Shards", "Per shard"]);
        t.add_rows(shards);
        align_right(&mut t, &[1]);
        out.push_str(&format!("{t}\n"));
    }

    let mut cost = table(&COST_HEADER);
    cost.add_rows(cost_rows(e, |label, amount| [label.to_string(), amount]));
    align_right(&mut cost, &[1, 3, 4]);
    out.push_str(&format!("{cost}\n"));
    out.push_str(&format!(
        "Monthly total: {} USD\n",
        e.monthly_usd.to_text(true)
    ));

    if let Some((heading, rows)) = growth_rows(e) {
        let mut t = table(&GROWTH_HEADER);
        t.add_rows(rows);
        align_right(&mut t, &[1, 2, 3]);
        out.push_str(&format!("\n{heading}\n{t}\n"));
    }
    let found = findings(e);
    if !found.is_empty() {
        out.push('\n');
        for line in found {
            out.push_str(&format!("{line}\n"));
        }
    }
    out.push('\n');
    for note in notes(e) {
        out.push_str(&format!("{note}\n"));
    }
    if !e.steps.is_empty() {
        out.push_str("\nShow calculations:\n");
        out.push_str(&render_steps(&e.steps));
    }
    if !e.analysis_steps.is_empty() {
        out.push_str("\nAnalysis:\n");
        out.push_str(&render_steps(&e.analysis_steps));
    }
    out
}

pub fn render_comparison(c: &Comparison) -> String {
    let mut summary = table(&COMPARISON_HEADER);
    summary.add_rows(comparison_rows(c));
    align_right(&mut summary, &[1, 2]);
    let mut out = format!("{}\n\n{summary}\n", comparison_title(c));
    for note in comparison_notes(c) {
        out.push_str(&format!("{note}\n"));
    }
    for e in &c.estimates {
        out.push_str(&format!("\n== {} ==\n", e.mode.name()));
        out.push_str(&render(e));
    }
    out
}
