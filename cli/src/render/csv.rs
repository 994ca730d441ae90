//! Cost lines and the total as CSV. Every row names its region and rounding policy, so that the
//! rows of several runs can be concatenated and still say what they are.

use anyhow::Result;
use kcost_core::Estimate;

pub fn render(e: &Estimate) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "item",
        "description",
        "quantity",
        "unit",
        "unit_price_usd",
        "monthly_usd",
        "region",
        "rounding",
    ])?;
    let region = e.region.to_string();
    let rounding = e.rounding.name().to_string();
    for line in &e.lines {
        w.write_record([
            line.item.to_string(),
            line.description.to_string(),
            line.quantity.to_string(),
            line.unit.to_string(),
            line.unit_price_usd.to_string(),
            line.monthly_usd.to_string(),
            region.clone(),
            rounding.clone(),
        ])?;
    }
    w.write_record([
        "total".to_string(),
        "Monthly total".to_string(),
        String::new(),
        String::new(),
        String::new(),
        e.monthly_usd.to_string(),
        region,
        rounding,
    ])?;
    Ok(String::from_utf8(w.into_inner()?)?)
}
