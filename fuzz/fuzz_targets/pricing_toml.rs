#![no_main]
//! Pricing tables, laid over the embedded ones.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// The embedded catalog, parsed once: parsing it on every input made the target ~100x slower.
static EMBEDDED: OnceLock<Option<kcost_pricing::Catalog>> = OnceLock::new();

fuzz_target!(|text: &str| {
    let _ = kcost_pricing::parse(text, "fuzz.toml");
    if let Some(embedded) = EMBEDDED.get_or_init(|| kcost_pricing::Catalog::embedded().ok()) {
        let _ = embedded.clone().overlay(text, "fuzz.toml");
    }
});
