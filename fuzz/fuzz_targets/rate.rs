#![no_main]
//! Record rates and the other value parsers: any text gives a value or an error.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = text.parse::<kcost_core::Rate>();
    let _ = text.parse::<kcost_core::RecordSize>();
    let _ = text.parse::<kcost_core::MaxRecordSize>();
    let _ = kcost_core::workload::parse_share(text);
    let _ = kcost_core::workload::parse_growth(text);
    let _ = kcost_core::calc::parse_discount(text);
    let _ = text.parse::<kcost_core::sweep::Range>();
});
