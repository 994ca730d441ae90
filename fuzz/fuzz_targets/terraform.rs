#![no_main]
//! Terraform plans and usage files: read and priced, or refused; never a panic. The input is
//! split at the first NUL: a plan, then a usage file.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (plan, usage) = text.split_once('\0').unwrap_or((text, ""));
    let Ok(infra) = kcost_core::infra::terraform::parse(plan, "fuzz.json") else {
        return;
    };
    let Ok(usage) = kcost_core::infra::Usage::parse(usage, "fuzz.toml") else {
        return;
    };
    let book = kcost_core::testing::deck_book();
    let _ = kcost_core::infra::price(&infra, &usage, None, &book, kcost_core::Options::default());
});
