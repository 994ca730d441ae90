#![no_main]
//! Scenario files: parsed, wired and priced, or refused with a located error.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let book = kcost_core::testing::deck_book();
    let _ = kcost_core::scenario::estimate(text, "fuzz.toml", &book, kcost_core::Options::default());
});
