//! The seed deck's and the calculator capture's figures, to the cent and line for line.

// Cents are written as 536_55 so that they read as 536.55 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::notes::StreamWarning;
use kcost_core::{
    provisioned, render_steps, testing, Estimate, Options, Rounding, StreamWorkload, Warning,
};

#[track_caller]
fn estimate(
    records: &str,
    size_kb: &str,
    consumers: u32,
    region: &str,
    rounding: Rounding,
) -> Estimate {
    let workload = StreamWorkload {
        consumers: Some(consumers),
        ..StreamWorkload::new(records.parse().unwrap(), size_kb.parse().unwrap())
    };
    let options = Options {
        rounding,
        trace: true,
        ..Options::default()
    };
    provisioned::estimate(&workload, Some(region), &testing::deck_book(), options).unwrap()
}

#[test]
fn deck_shard_needs_and_count() {
    let e = estimate("100", "100", 10, "us-east-2", Rounding::Calculator);
    assert_eq!(
        (
            e.shards.as_ref().unwrap().ingress,
            e.shards.as_ref().unwrap().egress,
            e.shards.as_ref().unwrap().records,
            e.shards.as_ref().unwrap().needed,
            e.shards.as_ref().unwrap().count
        ),
        (9.77, 48.85, Some(0.1), 48.85, 49)
    );
    let text = render_steps(&e.steps);
    assert!(
        text.contains(
            "Max (9.77 shards needed for ingress, 48.85 shards needed for egress, \
             0.100 shards needed for records) = 48.85 Number of shards\n"
        ),
        "{text}"
    );
    assert!(text.contains("RoundUp (48.85) = 49 shards\n"), "{text}");
}

#[test]
fn deck_totals_ohio_and_frankfurt() {
    let ohio = estimate("100", "100", 10, "us-east-2", Rounding::Calculator);
    let cents: Vec<i64> = ohio.lines.iter().map(|l| l.monthly_usd.cents()).collect();
    assert_eq!(cents, [536_55, 14_72]); // 49 x 730 x 0.015; 1,051,200,000 x 0.000000014
    assert_eq!(ohio.monthly_usd.to_string(), "551.27");
    // Ten shared consumers split each shard's 5 reads a second: 2 s between reads, said once.
    assert_eq!(ohio.consumer_delay_ms, Some(2000.0));
    assert!(
        matches!(
            ohio.warnings.as_slice(),
            [Warning::Stream(StreamWarning::SlowConsumers {
                consumers: 10,
                ..
            })]
        ),
        "{:?}",
        ohio.warnings
    );

    let frankfurt = estimate("100", "100", 10, "eu-central-1", Rounding::Calculator);
    let cents: Vec<i64> = frankfurt
        .lines
        .iter()
        .map(|l| l.monthly_usd.cents())
        .collect();
    assert_eq!(cents, [643_86, 18_40]); // 35,770 x 0.018; 1,051,200,000 x 0.0000000175 = 18.396
    assert_eq!(frankfurt.monthly_usd.to_string(), "662.26");
    // Frankfurt's prices are derived from the deck's total, and the estimate says so.
    assert_eq!(frankfurt.warnings.len(), 3, "{:?}", frankfurt.warnings);
    assert!(frankfurt.warnings[0]
        .to_string()
        .contains("derived, not confirmed"));
}

/// The AWS Pricing Calculator capture of kinesis-facts section 2, verbatim.
const CAPTURE: &str = include_str!("fixtures/capture-477.42.txt");

#[test]
fn calculator_capture_line_for_line() {
    let e = estimate("10000", "0.5", 4, "us-east-1", Rounding::Calculator);
    assert_eq!(render_steps(&e.steps), CAPTURE);
    assert_eq!(e.monthly_usd.cents(), 477_42);
    // The rounded 4.88 is reused: the unrounded 4.8828 x 4 would have been 19.53.
    assert_eq!(e.shards.as_ref().unwrap().egress, 9.76);
}

#[test]
fn exact_policy_does_not_round_intermediates() {
    let e = estimate("10000", "0.5", 4, "us-east-1", Rounding::Exact);
    assert_eq!(e.shards.as_ref().unwrap().ingress, 0.5 / 1024.0 * 10_000.0); // 4.8828125
    assert_eq!(
        e.shards.as_ref().unwrap().egress,
        0.5 / 1024.0 * 10_000.0 * 4.0 / 2.0
    ); // 9.765625
    assert_eq!(e.shards.as_ref().unwrap().count, 10);
    assert_eq!(e.monthly_usd.cents(), 477_42);
    let text = render_steps(&e.steps);
    assert!(
        text.contains("= 4.8828125 MB/sec (Data ingress rate)\n"),
        "{text}"
    );
}

#[test]
fn converted_rates_are_rounded_then_reused() {
    // 1000/min = 16.666... records/s, shown and reused as 16.67.
    let e = estimate("1000/min", "3", 1, "us-east-1", Rounding::Calculator);
    assert_eq!(e.inputs.records_per_second, 16.67);
    let text = render_steps(&e.steps);
    assert!(
        text.starts_with(
            "1,000 records per minute / 60 seconds in a minute = 16.67 records per sec\n"
        ),
        "{text}"
    );
    // 1 unit x 16.67 x 2,628,000 = 43,808,760 units.
    assert_eq!(e.lines[1].quantity, 43_808_760.0);
    // Exact keeps 16.666...: 1 x 1000/60 x 2,628,000 = 43,800,000 units.
    let exact = estimate("1000/min", "3", 1, "us-east-1", Rounding::Exact);
    assert_eq!(exact.lines[1].quantity, 43_800_000.0);
}

#[test]
fn each_steps_json_says_the_decimals_it_is_shown_at() {
    let e = estimate("100", "100", 10, "us-east-2", Rounding::Calculator);
    let json = serde_json::to_value(&e.steps).unwrap();
    let result = |shown: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .map(|s| &s["result"])
            .find(|r| r["shown"] == shown)
            .unwrap_or_else(|| panic!("no result {shown} in {json}"))
            .clone()
    };
    // The calculator shows the records term at 3 decimals, the other shard needs at 2, and
    // the count whole.
    assert_eq!(result("0.100")["decimals"], 3);
    assert_eq!(result("9.77")["decimals"], 2);
    assert_eq!(result("49")["decimals"], 0);
    // An input as typed has no precision of its own.
    let input = kcost_core::trace::Term::new(100.0, kcost_core::trace::NumFmt::Input, "records");
    let input = serde_json::to_value(input).unwrap();
    assert_eq!(
        (input["shown"].as_str(), input["decimals"].is_null()),
        (Some("100"), true)
    );
}
