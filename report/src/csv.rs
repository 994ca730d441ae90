//! Cost lines, totals and warnings as CSV. Every row names its component (a stream's mode, an
//! analytics engine, `firehose`, or a pipeline component's name), region and rounding policy, so
//! that rows from several components or runs still say what they are. A warning is a row whose
//! item is `warning` and whose description is its text.

use super::{RenderError, Report, Result};

/// More rows in the same columns, without a header (for rows only some outputs have).
pub fn rows(rows: &[[String; 9]]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(row)
            .map_err(|e| RenderError::Csv(e.to_string()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| RenderError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| RenderError::Csv(e.to_string()))
}

/// The reports' rows, then `warnings` about them all as rows of no component.
pub fn render(reports: &[Report<'_>], warnings: &[String]) -> Result<String> {
    write(reports, warnings).map_err(|e| RenderError::Csv(e.to_string()))
}

/// The columns of every row.
const HEADER: [&str; 9] = [
    "component",
    "item",
    "description",
    "quantity",
    "unit",
    "unit_price_usd",
    "monthly_usd",
    "region",
    "rounding",
];

fn write(
    reports: &[Report<'_>],
    warnings: &[String],
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)?;
    for r in reports {
        for row in report_rows(r) {
            w.write_record(&row)?;
        }
    }
    for warning in warnings {
        w.write_record(["", "warning", warning, "", "", "", "", "", ""])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// One report's rows: its lines, subtotals, discount, total and warnings.
fn report_rows(r: &Report<'_>) -> Vec<[String; 9]> {
    let mut rows = Vec::new();
    let mut row = |cells: [String; 7]| {
        let [a, b, c, d, e, f, g] = cells;
        rows.push([
            a,
            b,
            c,
            d,
            e,
            f,
            g,
            r.region.to_string(),
            r.rounding.name().to_string(),
        ]);
    };
    for line in r.lines {
        row([
            r.component.clone(),
            line.item.to_string(),
            line.description.to_string(),
            line.quantity.to_string(),
            line.unit.to_string(),
            line.unit_price_usd.to_string(),
            line.monthly_usd.to_string(),
        ]);
    }
    let mut total = |item: &str, description: String, usd: String| {
        let blank = String::new;
        row([
            r.component.clone(),
            item.to_string(),
            description,
            blank(),
            blank(),
            blank(),
            usd,
        ]);
    };
    if let Some(s) = r.subtotals {
        let stream = crate::report::STREAM_SUBTOTAL.to_string();
        total("stream_subtotal", stream, s.stream_usd.to_string());
        let around = crate::report::AROUND_SUBTOTAL.to_string();
        total("around_subtotal", around, s.around_usd.to_string());
    }
    if let Some(d) = &r.discount {
        let description = format!("Discount ({}%)", d.percent);
        total("discount", description, format!("-{}", d.discount_usd));
    }
    total("total", "Monthly total".to_string(), r.total.to_string());
    for warning in &r.warnings {
        total("warning", warning.clone(), String::new());
    }
    rows
}
