//! The terminal tables (comfy-table).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};
use kcost_core::render_steps;

use super::report::{COST_HEADER, GROWTH_HEADER};
use super::{Report, Summary};

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

/// A plain terminal table of the front end's own rows (batch rows, totals, price tables,
/// regions, sweeps): the one place outside the reports where a table is drawn. Its width is
/// its content's, whatever the terminal.
#[derive(Debug)]
pub struct Grid(Table);

impl Grid {
    /// An empty table under `header`.
    #[must_use]
    pub fn new<S: ToString>(header: &[S]) -> Grid {
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_header(header.iter().map(ToString::to_string).collect::<Vec<_>>());
        Grid(t)
    }

    /// Aligns `columns` (counted from 0) to the right.
    #[must_use]
    pub fn right(mut self, columns: &[usize]) -> Grid {
        align_right(&mut self.0, columns);
        self
    }

    /// One more row.
    pub fn row<S: ToString>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.0
            .add_row(cells.into_iter().map(|c| c.to_string()).collect::<Vec<_>>());
    }

    /// More rows.
    pub fn rows<S: ToString, R: IntoIterator<Item = S>>(
        &mut self,
        rows: impl IntoIterator<Item = R>,
    ) {
        for r in rows {
            self.row(r);
        }
    }
}

impl std::fmt::Display for Grid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

pub fn render(r: &Report<'_>) -> String {
    let mut out = format!("{}\n\n", r.title);
    // A report with no inputs of its own (a mode priced from metrics) shows no empty table.
    if !r.inputs.is_empty() {
        let mut inputs = table(&["Input", "Value"]);
        inputs.add_rows(r.inputs.clone());
        out.push_str(&format!("{inputs}\n"));
    }

    if !r.capacity.is_empty() {
        let mut t = table(&["Capacity", "Shards", "Per shard"]);
        t.add_rows(r.capacity.clone());
        align_right(&mut t, &[1]);
        out.push_str(&format!("{t}\n"));
    }

    let mut cost = table(&COST_HEADER);
    cost.add_rows(r.cost_rows(|label, amount| [label.to_string(), amount]));
    align_right(&mut cost, &[1, 3, 4]);
    out.push_str(&format!("{cost}\n"));
    out.push_str(&format!("Monthly total: {} USD\n", r.total.to_text(true)));

    if let Some((heading, rows)) = &r.growth {
        let mut t = table(&GROWTH_HEADER);
        t.add_rows(rows.clone());
        align_right(&mut t, &[1, 2, 3]);
        out.push_str(&format!("\n{heading}\n{t}\n"));
    }
    if !r.findings.is_empty() {
        out.push('\n');
        for line in &r.findings {
            out.push_str(&format!("{line}\n"));
        }
    }
    out.push('\n');
    for note in r.notes() {
        out.push_str(&format!("{note}\n"));
    }
    if !r.steps.is_empty() {
        out.push_str("\nShow calculations:\n");
        out.push_str(&render_steps(r.steps));
    }
    if !r.analysis_steps.is_empty() {
        out.push_str("\nAnalysis:\n");
        out.push_str(&render_steps(r.analysis_steps));
    }
    out
}

/// A summary table, its notes, then each report under `== component ==`.
pub fn render_many(summary: &Summary, reports: &[Report<'_>]) -> String {
    let mut t = table(&summary.header);
    t.add_rows(summary.rows.clone());
    align_right(&mut t, summary.right);
    let mut out = format!("{}\n\n{t}\n", summary.title);
    for note in &summary.notes {
        out.push_str(&format!("{note}\n"));
    }
    for r in reports {
        out.push_str(&format!("\n== {} ==\n", r.component));
        out.push_str(&render(r));
    }
    if !summary.warnings.is_empty() {
        out.push_str("\nWarnings:\n");
        for w in &summary.warnings {
            out.push_str(&format!("  - {w}\n"));
        }
    }
    out
}
