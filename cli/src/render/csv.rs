//! Cost lines, totals and warnings as CSV. Every row names its mode, region and rounding policy,
//! so that the rows of a comparison, or of several runs concatenated, still say what they are.
//! A warning is a row whose item is `warning` and whose description is its text.

use anyhow::Result;
use kcost_core::Estimate;

pub fn render(estimates: &[Estimate]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "mode",
        "item",
        "description",
        "quantity",
        "unit",
        "unit_price_usd",
        "monthly_usd",
        "region",
        "rounding",
    ])?;
    for e in estimates {
        let tail = [e.region.to_string(), e.rounding.name().to_string()];
        for line in &e.lines {
            w.write_record(
                [
                    e.mode.name().to_string(),
                    line.item.to_string(),
                    line.description.to_string(),
                    line.quantity.to_string(),
                    line.unit.to_string(),
                    line.unit_price_usd.to_string(),
                    line.monthly_usd.to_string(),
                ]
                .iter()
                .chain(&tail),
            )?;
        }
        w.write_record(
            [
                e.mode.name().to_string(),
                "total".to_string(),
                "Monthly total".to_string(),
                String::new(),
                String::new(),
                String::new(),
                e.monthly_usd.to_string(),
            ]
            .iter()
            .chain(&tail),
        )?;
        for warning in &e.warnings {
            w.write_record(
                [
                    e.mode.name().to_string(),
                    "warning".to_string(),
                    warning.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
                .iter()
                .chain(&tail),
            )?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
