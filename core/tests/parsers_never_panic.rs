//! A short smoke of every parser kcost has, on arbitrary text: each returns a value or an error,
//! never panics. (The long runs are the cargo-fuzz targets.)

use kcost_core::batch::estimate_row;
use kcost_core::{
    scenario, testing, workload, MaxRecordSize, Options, Rate, RecordSize, Retention,
};
use proptest::prelude::*;

/// Text that looks like inputs often enough to go deep: digits, units, separators, and noise.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9eE.+-]{0,12}(/(s|min|h|day|month|week|)){0,1}",
        "[0-9.]{0,6}(h|d|KB|MiB|%|..)?[0-9.]{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn value_parsers(text in texty()) {
        let _ = text.parse::<Rate>();
        let _ = text.parse::<RecordSize>();
        let _ = text.parse::<Retention>();
        let _ = text.parse::<MaxRecordSize>();
        let _ = workload::parse_share(&text);
        let _ = workload::parse_utilization(&text);
        let _ = workload::parse_growth(&text);
        let _ = kcost_core::number::parse_count("n", &text);
        let _ = kcost_core::calc::parse_discount(&text);
        let _ = text.parse::<kcost_core::sweep::Range>();
        let _ = kcost_core::analytics::AppSize::kpu_hours(&text);
    }

    #[test]
    fn batch_rows(records in texty(), size in texty(), consumers in texty(), region in texty(), mode in texty()) {
        let fields = [("records", records.as_str()), ("size-kb", size.as_str()), ("consumers", consumers.as_str()), ("region", region.as_str()), ("mode", mode.as_str())];
        let _ = estimate_row(1, &fields, &testing::deck_book(), Options::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn scenario_files(text in prop_oneof![
        any::<String>(),
        // Mostly-valid files with one value replaced by noise.
        texty().prop_map(|v| format!("[streams.s]\nrecords = \"{v}\"\nsize_kb = 1\n[firehose.f]\nstream = \"s\"\nregion = \"eu-west-2\"\n")),
        texty().prop_map(|v| format!("[streams.a]\nsize_kb = 1\n[analytics.x]\nstream = \"a\"\noutput = \"a\"\nkpu_hours = \"{v}\"\n")),
    ]) {
        let _ = scenario::estimate(&text, "fuzz.toml", &testing::deck_book(), Options::default());
    }

    #[test]
    fn huge_but_valid_workloads_give_finite_figures_or_a_clear_error(exp in 0i32..=308, size in 1u32..=10240) {
        let records = format!("1e{exp}");
        let fields = [("records", records.as_str()), ("size-kb", &size.to_string()), ("max-record-size", "10MiB")];
        let row = estimate_row(1, &fields, &testing::deck_book(), Options::default());
        match row.outcome {
            kcost_core::batch::RowOutcome::Estimated { estimate } => {
                let json = serde_json::to_string(&estimate).unwrap();
                prop_assert!(!json.contains("NaN") && !json.contains("inf"), "{}", json);
                prop_assert!(estimate.lines.iter().all(|l| l.quantity.is_finite()));
            }
            kcost_core::batch::RowOutcome::Failed { error } => {
                prop_assert!(error.contains("too large to price"), "{}", error);
            }
        }
    }
}
