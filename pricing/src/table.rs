//! The TOML layout of a pricing table, and its checks.
//!
//! ```toml
//! [[region]]
//! code = "us-east-2"
//! name = "US East (Ohio)"          # optional when overriding a known region
//!
//! [region.prices.kds_shard_hour]
//! usd = 0.015                      # USD per unit
//! unit = "shard-hour"              # must be the unit kcost expects for this key
//! source = "AWS pricing page"      # where the figure was read, or how it was obtained
//! as_of = "2025-11"                # YYYY-MM or YYYY-MM-DD
//! confidence = "confirmed"         # confirmed, derived or secondary
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use kcost_core::{Confidence, Price, PriceKey, RegionPrices};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{line_column, PricingError};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    region: Vec<RegionEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionEntry {
    code: Spanned<String>,
    name: Option<String>,
    /// A negotiated discount on every line, percent.
    discount: Option<Spanned<f64>>,
    #[serde(default)]
    prices: BTreeMap<PriceKey, PriceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceEntry {
    usd: Spanned<f64>,
    unit: Spanned<String>,
    source: Spanned<String>,
    as_of: Spanned<String>,
    confidence: Confidence,
}

/// One region as a table gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionTable {
    /// The region and the prices the table gives for it.
    pub prices: RegionPrices,
    /// Whether the table named the region (an override may leave the name out).
    pub named: bool,
}

struct Checker<'a> {
    text: &'a str,
    origin: &'a str,
}

impl Checker<'_> {
    fn invalid(&self, span: Range<usize>, message: String) -> PricingError {
        let (line, column) = line_column(self.text, span.start);
        PricingError::Invalid {
            origin: self.origin.to_string(),
            line,
            column,
            message,
        }
    }

    fn region_code(&self, code: &Spanned<String>) -> Result<String, PricingError> {
        let value = code.get_ref();
        if is_region_code(value) {
            Ok(value.clone())
        } else {
            Err(self.invalid(
                code.span(),
                format!("'{value}' is not an AWS region code; write it like us-east-2"),
            ))
        }
    }

    fn price(&self, key: PriceKey, entry: PriceEntry) -> Result<Price, PricingError> {
        let usd = *entry.usd.get_ref();
        if !usd.is_finite() || usd < 0.0 {
            return Err(self.invalid(
                entry.usd.span(),
                format!("{key}: the price {usd} must be a finite number of USD, 0 or more"),
            ));
        }
        if let Err(implausible) = key.check_plausible(usd) {
            return Err(self.invalid(entry.usd.span(), implausible.to_string()));
        }
        if entry.unit.get_ref() != key.unit() {
            return Err(self.invalid(
                entry.unit.span(),
                format!(
                    "{key}: the unit '{}' is not the one kcost prices this item in; write \
                     unit = \"{}\" and give the price per that unit",
                    entry.unit.get_ref(),
                    key.unit()
                ),
            ));
        }
        if entry.source.get_ref().trim().is_empty() {
            return Err(self.invalid(
                entry.source.span(),
                format!("{key}: say where the price comes from in source"),
            ));
        }
        if !is_date(entry.as_of.get_ref()) {
            return Err(self.invalid(
                entry.as_of.span(),
                format!(
                    "{key}: as_of '{}' is not a date; write YYYY-MM or YYYY-MM-DD",
                    entry.as_of.get_ref()
                ),
            ));
        }
        Ok(Price {
            usd,
            source: entry.source.into_inner().into(),
            as_of: entry.as_of.into_inner().into(),
            confidence: entry.confidence,
        })
    }
}

/// `YYYY-MM` or `YYYY-MM-DD` with a real month and a day from 1 to 31.
/// Whether `text` is shaped like an AWS region code (`us-east-2`, `ap-southeast-3`): three or more
/// non-empty parts of lowercase letters and digits joined by `-`. Tables and imported offers use
/// the same rule, so kcost never writes a table it cannot read back.
pub(crate) fn is_region_code(text: &str) -> bool {
    text.split('-').count() >= 3
        && text.split('-').all(|part| !part.is_empty())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether `text` is a date as tables write it: `YYYY-MM` or `YYYY-MM-DD`.
pub(crate) fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y, m] => number(y, 4).is_some() && number(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

/// Parses and checks a pricing table. `origin` names it in errors (a file path, or `embedded:NAME`).
///
/// # Errors
/// [`PricingError::Syntax`] for TOML that does not parse or has unknown keys, and
/// [`PricingError::Invalid`] for a value that is wrong, each with line and column.
pub fn parse(text: &str, origin: &str) -> Result<Vec<RegionTable>, PricingError> {
    let file: File = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
        PricingError::Syntax {
            origin: origin.to_string(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })?;
    let checker = Checker { text, origin };
    let mut seen = BTreeSet::new();
    let mut regions = Vec::with_capacity(file.region.len());
    for entry in file.region {
        let code = checker.region_code(&entry.code)?;
        if !seen.insert(code.clone()) {
            return Err(checker.invalid(
                entry.code.span(),
                format!("region {code} is given twice in this table; merge the two entries"),
            ));
        }
        let discount_bp = match &entry.discount {
            None => None,
            Some(d) => Some(
                kcost_core::calc::parse_discount(&d.get_ref().to_string())
                    .map_err(|e| checker.invalid(d.span(), e.to_string()))?,
            ),
        };
        let mut prices = BTreeMap::new();
        for (key, price) in entry.prices {
            prices.insert(key, checker.price(key, price)?);
        }
        regions.push(RegionTable {
            named: entry.name.is_some(),
            prices: RegionPrices {
                name: entry.name.unwrap_or_else(|| code.clone()).into(),
                code: code.into(),
                prices,
                discount_bp,
            },
        });
    }
    Ok(regions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_months_or_days() {
        for good in ["2021-04", "2025-11-30"] {
            assert!(is_date(good), "{good}");
        }
        for bad in ["2021", "2021-13", "21-04", "2021-04-32", "2021-4", "april"] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
