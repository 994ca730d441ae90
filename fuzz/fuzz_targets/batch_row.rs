#![no_main]
//! Batch rows: CSV-ish lines split into columns and estimated.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let book = kcost_core::testing::deck_book();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    for (i, line) in lines.enumerate().take(16) {
        let fields: Vec<(&str, &str)> = header.iter().copied().zip(line.split(',')).collect();
        let _ = kcost_core::batch::estimate_row(i + 1, &fields, &book, kcost_core::Options::default());
    }
});
