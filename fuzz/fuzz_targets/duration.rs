#![no_main]
//! Retention durations (`24h`, `7d`) and KPU-hour rates.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = text.parse::<kcost_core::Retention>();
    let _ = kcost_core::analytics::AppSize::kpu_hours(text);
});
