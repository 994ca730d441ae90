#![no_main]
//! CloudWatch metrics text: parsed and assembled into a series, or refused; never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(series) = kcost_core::metrics::parse(text, "fuzz.json") {
        if let Ok(traffic) = kcost_core::metrics::TrafficSeries::assemble(series) {
            let _ = traffic.observed(100.0);
        }
    }
});
