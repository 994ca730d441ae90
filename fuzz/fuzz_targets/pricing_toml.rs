#![no_main]
//! Pricing tables, laid over the embedded ones.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = kcost_pricing::parse(text, "fuzz.toml");
    if let Ok(mut catalog) = kcost_pricing::Catalog::embedded() {
        let _ = catalog.overlay(text, "fuzz.toml");
    }
});
