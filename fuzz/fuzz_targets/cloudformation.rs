#![no_main]
//! CloudFormation templates, JSON or YAML: read and priced, or refused; never a panic. The input
//! is split at the first NUL: the template, then the template it replaces.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (after, before) = match text.split_once('\0') {
        Some((a, b)) => (a, Some((b, "before.yaml"))),
        None => (text, None),
    };
    let Ok(infra) = kcost_core::infra::cloudformation::parse(after, "fuzz.yaml", before) else {
        return;
    };
    let book = kcost_core::testing::deck_book();
    let usage = kcost_core::infra::Usage::default();
    let _ = kcost_core::infra::price(&infra, &usage, None, &book, kcost_core::Options::default());
});
