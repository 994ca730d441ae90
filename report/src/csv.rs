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

fn write(
    reports: &[Report<'_>],
    warnings: &[String],
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "component",
        "item",
        "description",
        "quantity",
        "unit",
        "unit_price_usd",
        "monthly_usd",
        "region",
        "rounding",
    ])?;
    for r in reports {
        let tail = [r.region.to_string(), r.rounding.name().to_string()];
        let mut row = |cells: [String; 7]| w.write_record(cells.iter().chain(&tail));
        for line in r.lines {
            row([
                r.component.clone(),
                line.item.to_string(),
                line.description.to_string(),
                line.quantity.to_string(),
                line.unit.to_string(),
                line.unit_price_usd.to_string(),
                line.monthly_usd.to_string(),
            ])?;
        }
        let blank = String::new;
        if let Some(s) = r.subtotals {
            for (item, description, usd) in [
                (
                    "stream_subtotal",
                    crate::report::STREAM_SUBTOTAL,
                    s.stream_usd,
                ),
                (
                    "around_subtotal",
                    crate::report::AROUND_SUBTOTAL,
                    s.around_usd,
                ),
            ] {
                row([
                    r.component.clone(),
                    item.to_string(),
                    description.to_string(),
                    blank(),
                    blank(),
                    blank(),
                    usd.to_string(),
                ])?;
            }
        }
        if let Some(d) = &r.discount {
            row([
                r.component.clone(),
                "discount".to_string(),
                format!("Discount ({}%)", d.percent),
                blank(),
                blank(),
                blank(),
                format!("-{}", d.discount_usd),
            ])?;
        }
        row([
            r.component.clone(),
            "total".to_string(),
            "Monthly total".to_string(),
            blank(),
            blank(),
            blank(),
            r.total.to_string(),
        ])?;
        for warning in &r.warnings {
            row([
                r.component.clone(),
                "warning".to_string(),
                warning.clone(),
                blank(),
                blank(),
                blank(),
                blank(),
            ])?;
        }
    }
    for warning in warnings {
        w.write_record(["", "warning", warning, "", "", "", "", "", ""])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
