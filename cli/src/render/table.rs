//! The terminal table (comfy-table).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};
use kcost_core::{render_steps, Estimate};

use super::{cost_rows, notes, shard_rows, title, COST_HEADER};

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
    let i = &e.inputs;
    let mut inputs = table(&["Input", "Value"]);
    inputs
        .add_row(vec!["Records".to_string(), records(e)])
        .add_row(vec![
            "Average record size".to_string(),
            format!("{} KB", i.size_kb),
        ])
        .add_row(vec![
            "Consumer applications".to_string(),
            format!("{} (shared throughput)", i.consumers),
        ]);

    let mut shards = table(&["Capacity", "Shards", "Per shard"]);
    for (label, value, note) in shard_rows(e) {
        shards.add_row(vec![label.to_string(), value, note.to_string()]);
    }
    align_right(&mut shards, &[1]);

    let mut cost = table(&COST_HEADER);
    cost.add_rows(cost_rows(e, |label, amount| [label.to_string(), amount]));
    align_right(&mut cost, &[1, 3, 4]);

    let mut out = format!("{}\n\n{inputs}\n{shards}\n{cost}\n", title(e));
    out.push_str(&format!(
        "Monthly total: {} USD\n\n",
        e.monthly_usd.to_text(true)
    ));
    for note in notes(e) {
        out.push_str(&note);
        out.push('\n');
    }
    if !e.steps.is_empty() {
        out.push_str("\nShow calculations:\n");
        out.push_str(&render_steps(&e.steps));
    }
    out
}

/// `100 per second`, or `1000 per minute (16.67 per second)`.
fn records(e: &Estimate) -> String {
    let i = &e.inputs;
    let per = i.records.per;
    if per == kcost_core::Per::Second {
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
