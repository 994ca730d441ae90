//! The prices kcost uses: the embedded tables, with a user's tables laid over them price by price.

use std::collections::BTreeMap;

use kcost_core::PriceBook;

use crate::error::PricingError;
use crate::table::{parse, RegionTable};

/// The tables compiled into kcost, by file name.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "ap-northeast-1.toml",
        include_str!("../tables/ap-northeast-1.toml"),
    ),
    (
        "eu-central-1.toml",
        include_str!("../tables/eu-central-1.toml"),
    ),
    ("eu-west-2.toml", include_str!("../tables/eu-west-2.toml")),
    ("us-east-1.toml", include_str!("../tables/us-east-1.toml")),
    ("us-east-2.toml", include_str!("../tables/us-east-2.toml")),
    ("us-west-2.toml", include_str!("../tables/us-west-2.toml")),
];

/// A price book and, for each region, the tables its prices came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    book: PriceBook,
    origins: BTreeMap<String, Vec<String>>,
}

impl Catalog {
    /// The embedded tables alone. They were parsed and checked when kcost was built (see
    /// `src/embedded.rs`), so nothing is parsed here.
    pub fn embedded() -> Catalog {
        let mut catalog = Catalog::default();
        for (name, table) in crate::embedded::tables() {
            catalog.lay(vec![table], &format!("embedded:{name}"));
        }
        catalog
    }

    /// The embedded table of region `code` alone, if there is one: for a run that prices only
    /// that region.
    pub fn embedded_region(code: &str) -> Option<Catalog> {
        let (name, table) = crate::embedded::table_of(code)?;
        let mut catalog = Catalog::default();
        catalog.lay(vec![table], &format!("embedded:{name}"));
        Some(catalog)
    }

    /// Lays the table `text` over the catalog: its regions are added, and each price it gives
    /// replaces the one the catalog had for that region and key.
    ///
    /// # Errors
    /// The table's own errors, located in `origin`; the catalog is unchanged then.
    pub fn overlay(&mut self, text: &str, origin: &str) -> Result<(), PricingError> {
        self.lay(parse(text, origin)?, origin);
        Ok(())
    }

    /// Lays tables already parsed and checked over the catalog.
    fn lay(&mut self, tables: Vec<RegionTable>, origin: &str) {
        for table in tables {
            let code = table.prices.code.to_string();
            let origins = self.origins.entry(code.clone()).or_default();
            if !origins.iter().any(|o| o == origin) {
                origins.push(origin.to_string());
            }
            match self.book.regions.get_mut(&code) {
                Some(region) => {
                    if table.named {
                        region.name = table.prices.name;
                    }
                    region.prices.extend(table.prices.prices);
                    if table.prices.discount_bp.is_some() {
                        region.discount_bp = table.prices.discount_bp;
                    }
                }
                None => {
                    self.book.regions.insert(code, table.prices);
                }
            }
        }
    }

    /// The prices, by region.
    pub fn book(&self) -> &PriceBook {
        &self.book
    }

    /// The tables a region's prices came from, in the order they were laid.
    pub fn origins(&self, region: &str) -> &[String] {
        self.origins.get(region).map_or(&[], Vec::as_slice)
    }
}
