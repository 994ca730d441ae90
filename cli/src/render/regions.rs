//! `kcost regions`: what each region prices, how sure, and from which tables.

use std::collections::BTreeSet;

use anyhow::Result;
use kcost_core::{Confidence, Mode, PriceKey};
use kcost_pricing::Catalog;
use serde::Serialize;

use crate::args::RegionsFormat;

#[derive(Serialize)]
struct Region<'a> {
    code: &'a str,
    name: &'a str,
    prices: Vec<PriceKey>,
    modes: Vec<&'static str>,
    confidence: BTreeSet<Confidence>,
    oldest_as_of: Option<&'a str>,
    tables: &'a [String],
}

pub fn render(catalog: &Catalog, format: RegionsFormat) -> Result<String> {
    let regions: Vec<Region<'_>> = catalog
        .book()
        .regions
        .values()
        .map(|r| Region {
            code: &r.code,
            name: &r.name,
            prices: r.prices.keys().copied().collect(),
            modes: Mode::ALL
                .iter()
                .filter(|m| m.required_prices().iter().all(|k| r.prices.contains_key(k)))
                .map(|m| m.name())
                .chain(
                    r.prices
                        .contains_key(&PriceKey::KdaKpuHour)
                        .then_some("analytics"),
                )
                .chain(
                    r.prices
                        .contains_key(&PriceKey::FirehoseIngestTier1Gb)
                        .then_some("firehose"),
                )
                .collect(),
            confidence: r.prices.values().map(|p| p.confidence).collect(),
            oldest_as_of: r.prices.values().map(|p| &*p.as_of).min(),
            tables: catalog.origins(&r.code),
        })
        .collect();
    if format == RegionsFormat::Json {
        return Ok(serde_json::to_string_pretty(&regions)? + "\n");
    }
    let mut t = kcost_report::Grid::new(&[
        "Region",
        "Name",
        "Prices",
        "Estimates",
        "Confidence",
        "Oldest price",
        "From",
    ]);
    for r in &regions {
        t.row([
            r.code.to_string(),
            r.name.to_string(),
            r.prices.len().to_string(),
            if r.modes.is_empty() {
                "none".to_string()
            } else {
                r.modes.join(", ")
            },
            r.confidence
                .iter()
                .map(|c| c.name())
                .collect::<Vec<_>>()
                .join(", "),
            r.oldest_as_of.unwrap_or("-").to_string(),
            r.tables.join(", "),
        ]);
    }
    Ok(format!(
        "{t}\n`Prices` counts the items a region prices (kcost pricing keys); `confirmed` prices were\n\
         read in AWS documents, `derived` ones reproduce a published total, `secondary` ones come\n\
         from third parties only.\n"
    ))
}
