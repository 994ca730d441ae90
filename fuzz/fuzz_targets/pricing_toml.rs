#![no_main]
//! Pricing tables, laid over the embedded ones.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// The embedded catalog, built once and cloned for each input.
static EMBEDDED: OnceLock<kcost_pricing::Catalog> = OnceLock::new();

fuzz_target!(|text: &str| {
    let _ = kcost_pricing::parse(text, "fuzz.toml");
    let _ = EMBEDDED
        .get_or_init(kcost_pricing::Catalog::embedded)
        .clone()
        .overlay(text, "fuzz.toml");
});
