#![no_main]
//! The page's URL: any query string loads (parsed, then priced by the page's state).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    let (inputs, _problems) = kcost_web::query::parse(query);
    let _ = kcost_web::query::to_query(&inputs);
    let state = kcost_web::state::State::new(inputs, Vec::new(), kcost_web::state::book());
    let _ = state.chart_points();
});
