//! What must hold for every valid input.

use kcost_core::fixed::Fixed;
use kcost_core::{
    provisioned, render_steps, testing, Estimate, Form, Options, Per, Rate, RecordSize,
    RegionPrices, Rounding, StreamWorkload,
};
use proptest::prelude::*;

fn region() -> RegionPrices {
    testing::deck_book().region("eu-central-1").unwrap().clone()
}

fn run(records: f64, per: Per, size_kb: f64, consumers: u32, rounding: Rounding) -> Estimate {
    let workload = StreamWorkload {
        consumers: Some(consumers),
        max_record_size: Some("10MiB".parse().unwrap()),
        ..StreamWorkload::new(
            Rate::new(records, per).unwrap(),
            RecordSize::from_kb(size_kb).unwrap(),
        )
    };
    provisioned::estimate_in(
        &workload,
        &region(),
        Options {
            rounding,
            trace: false,
            ..Options::default()
        },
    )
    .unwrap()
}

fn per() -> impl Strategy<Value = Per> {
    prop_oneof![
        Just(Per::Second),
        Just(Per::Minute),
        Just(Per::Hour),
        Just(Per::Day),
        Just(Per::Month)
    ]
}

fn rounding() -> impl Strategy<Value = Rounding> {
    prop_oneof![Just(Rounding::Calculator), Just(Rounding::Exact)]
}

/// Record rates from idle to a million a second, and sizes from 1 byte to 10 MiB.
fn records() -> impl Strategy<Value = f64> {
    prop_oneof![0.0..10.0, 0.0..1_000_000.0]
}

fn size_kb() -> impl Strategy<Value = f64> {
    prop_oneof![0.001..2.0, 0.001..10_240.0]
}

/// `toFixed` by the book: write the double's exact decimal expansion, then round half-up.
fn reference_to_fixed(x: f64, scale: usize) -> String {
    let exact = format!("{:.1100}", x.abs()); // every double's expansion ends within 1074 places
    let (whole, frac) = exact.split_once('.').unwrap();
    let mut digits: Vec<u8> = format!("{whole}{}", &frac[..scale])
        .bytes()
        .map(|b| b - b'0')
        .collect();
    if frac.as_bytes()[scale] >= b'5' {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let (w, f) = text.split_at(text.len() - scale);
    let w = w.trim_start_matches('0');
    let w = if w.is_empty() { "0" } else { w };
    let body = if scale == 0 {
        w.to_string()
    } else {
        format!("{w}.{f}")
    };
    let is_zero = digits.iter().all(|&d| d == 0);
    if x < 0.0 && !is_zero {
        format!("-{body}")
    } else {
        body
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn to_fixed_matches_the_exact_decimal_expansion(
        x in prop_oneof![-1e6..1e6f64, 0.0..1.0f64, any::<u32>().prop_map(|n| f64::from(n) / 1000.0 + 0.0005)],
        scale in 0u8..=8,
    ) {
        let fixed = Fixed::round(x, scale).unwrap();
        prop_assert_eq!(fixed.to_text(false), reference_to_fixed(x, usize::from(scale)));
        prop_assert_eq!(fixed.to_f64(), fixed.to_text(false).parse::<f64>().unwrap());
    }

    #[test]
    fn more_records_never_cost_less(
        a in records(), b in records(), per in per(), size in size_kb(), consumers in 0u32..50,
        rounding in rounding(),
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let (cheap, dear) = (run(lo, per, size, consumers, rounding), run(hi, per, size, consumers, rounding));
        prop_assert!(cheap.monthly_usd <= dear.monthly_usd);
        prop_assert!(cheap.shards.as_ref().unwrap().count <= dear.shards.as_ref().unwrap().count);
    }

    #[test]
    fn larger_records_never_cost_less(
        rate in records(), a in size_kb(), b in size_kb(), consumers in 0u32..50, rounding in rounding(),
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let (cheap, dear) = (run(rate, Per::Second, lo, consumers, rounding), run(rate, Per::Second, hi, consumers, rounding));
        prop_assert!(cheap.monthly_usd <= dear.monthly_usd);
    }

    #[test]
    fn more_consumers_never_cost_less(
        rate in records(), size in size_kb(), a in 0u32..200, b in 0u32..200, rounding in rounding(),
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let (cheap, dear) = (run(rate, Per::Second, size, lo, rounding), run(rate, Per::Second, size, hi, rounding));
        prop_assert!(cheap.monthly_usd <= dear.monthly_usd);
    }

    #[test]
    fn the_current_form_never_provisions_below_its_unbuffered_need(
        rate in records(), per in per(), size in size_kb(), consumers in 0u32..50, efo in 0u32..=20,
        buffer in prop_oneof![Just(20.0), 0.0..1000.0], rounding in rounding(),
    ) {
        let workload = StreamWorkload {
            consumers: Some(consumers),
            efo_consumers: efo,
            form: Form::Current,
            buffer_percent: Some(buffer),
            max_record_size: Some("10MiB".parse().unwrap()),
            ..StreamWorkload::new(Rate::new(rate, per).unwrap(), RecordSize::from_kb(size).unwrap())
        };
        let options = Options { rounding, ..Options::default() };
        let e = provisioned::estimate_in(&workload, &testing::full_region("us-east-1"), options).unwrap();
        let s = e.shards.unwrap();
        // The unbuffered need, from the rate actually used: whole shards for ingress and reads.
        let kb_s = size * e.inputs.records_per_second;
        let unbuffered = (kb_s / 1024.0).ceil().max((kb_s * f64::from(consumers + efo) / 2048.0).ceil());
        prop_assert!(s.count as f64 >= unbuffered - 1e-6, "{} shards below the need {}", s.count, unbuffered);
        prop_assert!(s.count as f64 >= s.needed, "{} shards below {}", s.count, s.needed);
        prop_assert!(s.records.is_none(), "the current form has no records term");
        prop_assert!(s.count >= 1);
    }

    #[test]
    fn shards_cover_every_need_and_figures_are_sane(
        rate in records(), per in per(), size in size_kb(), consumers in 0u32..200, rounding in rounding(),
    ) {
        let e = run(rate, per, size, consumers, rounding);
        let count = e.shards.as_ref().unwrap().count as f64;
        prop_assert!(count >= 1.0);
        for need in [e.shards.as_ref().unwrap().ingress, e.shards.as_ref().unwrap().egress, e.shards.as_ref().unwrap().records.unwrap_or(0.0), e.shards.as_ref().unwrap().needed] {
            prop_assert!(need.is_finite() && need >= 0.0);
            prop_assert!(count >= need, "{} shards for a need of {}", count, need);
        }
        prop_assert!(count < e.shards.as_ref().unwrap().needed + 1.0 || e.shards.as_ref().unwrap().needed < 1.0);
        for line in &e.lines {
            prop_assert!(line.quantity.is_finite() && line.quantity >= 0.0);
            prop_assert!(line.monthly_usd.cents() >= 0);
        }
        prop_assert!(e.monthly_usd.cents() >= 0);
    }

    #[test]
    fn the_total_is_the_sum_of_its_lines(
        rate in records(), per in per(), size in size_kb(), consumers in 0u32..200, rounding in rounding(),
    ) {
        let e = run(rate, per, size, consumers, rounding);
        let sum: i64 = e.lines.iter().map(|l| l.monthly_usd.cents()).sum();
        prop_assert_eq!(e.monthly_usd.cents(), sum);
    }

    /// The calculator's reuse of rounded steps drifts from the exact figures by less than one
    /// shard for up to 20 shared consumers. (The drift grows with the consumer count, because the
    /// rounded ingress rate is multiplied by it: with hundreds of consumers the two policies can
    /// differ by more.)
    #[test]
    fn the_two_policies_differ_by_at_most_one_shard(
        rate in records(), per in per(), size in size_kb(), consumers in 0u32..=20,
    ) {
        let calculator = run(rate, per, size, consumers, Rounding::Calculator).shards.unwrap().count;
        let exact = run(rate, per, size, consumers, Rounding::Exact).shards.unwrap().count;
        prop_assert!(calculator.abs_diff(exact) <= 1, "calculator {} vs exact {}", calculator, exact);
    }

    /// Tracing changes nothing but the steps, and the step text ends with the total.
    #[test]
    fn the_trace_agrees_with_the_numbers(
        rate in records(), per in per(), size in size_kb(), consumers in 0u32..50, rounding in rounding(),
    ) {
        let workload = StreamWorkload {
        consumers: Some(consumers),
        max_record_size: Some("10MiB".parse().unwrap()),
        ..StreamWorkload::new(Rate::new(rate, per).unwrap(), RecordSize::from_kb(size).unwrap())
    };
        let traced = provisioned::estimate_in(&workload, &region(), Options { rounding, trace: true, ..Options::default() }).unwrap();
        let mut untraced = traced.clone();
        untraced.steps.clear();
        untraced.analysis_steps.clear();
        let plain = provisioned::estimate_in(&workload, &region(), Options { rounding, trace: false, ..Options::default() }).unwrap();
        prop_assert_eq!(&untraced, &plain);
        let text = render_steps(&traced.steps);
        let last = format!("Kinesis data stream cost (monthly): {} USD\n", traced.monthly_usd.to_text(true));
        prop_assert!(text.ends_with(&last), "{}", text);
        let shards = format!(" = {} shards\n", rounding.show(traced.shards.as_ref().unwrap().count as f64, 0));
        prop_assert!(text.contains(&shards), "{}", text);
        for line in &traced.lines {
            let cost = format!(" = {} USD\n", line.monthly_usd.to_text(true));
            prop_assert!(text.contains(&cost), "{}", text);
        }
    }
}

fn mode() -> impl Strategy<Value = kcost_core::Mode> {
    prop_oneof![
        Just(kcost_core::Mode::Provisioned),
        Just(kcost_core::Mode::OnDemand),
        Just(kcost_core::Mode::Advantage)
    ]
}

/// A workload with every feature drawn at random, in us-east-1 (which prices every mode).
fn full(rate: f64, size: f64, consumers: u32, efo: u32, retention_hours: f64) -> StreamWorkload {
    StreamWorkload {
        consumers: Some(consumers),
        efo_consumers: efo,
        retention: kcost_core::Retention::from_hours(retention_hours).unwrap(),
        max_record_size: Some("10MiB".parse().unwrap()),
        ..StreamWorkload::new(
            Rate::new(rate, Per::Second).unwrap(),
            RecordSize::from_kb(size).unwrap(),
        )
    }
}

fn total(w: &StreamWorkload, mode: kcost_core::Mode, rounding: Rounding) -> kcost_core::Money {
    let region = testing::full_region("us-east-1");
    kcost_core::estimate_in(
        w,
        mode,
        &region,
        Options {
            rounding,
            trace: false,
            ..Options::default()
        },
    )
    .unwrap()
    .monthly_usd
}

fn retention_hours() -> impl Strategy<Value = f64> {
    (24u32..=8760).prop_map(f64::from)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn more_efo_consumers_never_cost_less(
        rate in records(), size in size_kb(), consumers in 0u32..20, a in 0u32..=20, b in 0u32..=20,
        hours in retention_hours(), mode in mode(), rounding in rounding(),
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(
            total(&full(rate, size, consumers, lo, hours), mode, rounding)
                <= total(&full(rate, size, consumers, hi, hours), mode, rounding)
        );
    }

    #[test]
    fn longer_retention_never_costs_less(
        rate in records(), size in size_kb(), consumers in 0u32..20, efo in 0u32..=20,
        a in retention_hours(), b in retention_hours(), mode in mode(), rounding in rounding(),
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(
            total(&full(rate, size, consumers, efo, lo), mode, rounding)
                <= total(&full(rate, size, consumers, efo, hi), mode, rounding)
        );
    }

    #[test]
    fn more_records_never_cost_less_in_any_mode(
        a in records(), b in records(), size in size_kb(), consumers in 0u32..20, efo in 0u32..=20,
        hours in retention_hours(), mode in mode(), rounding in rounding(),
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(
            total(&full(lo, size, consumers, efo, hours), mode, rounding)
                <= total(&full(hi, size, consumers, efo, hours), mode, rounding)
        );
    }

    /// Under exact rounding only: the calculator shows the payload fraction at 2 decimals, so a
    /// 75.06 KB record is 3.00 -> 3 units unaggregated, while 13 of them packed (975.8 KB) are
    /// 39.03 -> 40 units, 40 / 13 = 3.08 a record. That is the calculator's arithmetic, kept;
    /// kcost reports the (negative) saving as it is.
    #[test]
    fn aggregation_never_costs_more(
        rate in records(), size in size_kb(), consumers in 0u32..20, efo in 0u32..=20,
        hours in retention_hours(), target in 1.0..1024.0f64, mode in mode(),
    ) {
        let plain = full(rate, size, consumers, efo, hours);
        let packed = StreamWorkload { aggregate_kb: Some(target), ..plain };
        let exact = Rounding::Exact;
        prop_assert!(total(&packed, mode, exact) <= total(&plain, mode, exact));
    }

    #[test]
    fn compare_marks_the_true_minimum(
        rate in records(), size in size_kb(), consumers in 0u32..20, efo in 0u32..=20,
        hours in retention_hours(),
    ) {
        let w = full(rate, size, consumers, efo, hours);
        let c = kcost_core::compare(&w, Some("us-east-1"), &testing::deck_book(), Options::default()).unwrap();
        let min = c.estimates.iter().map(|e| e.monthly_usd).min().unwrap();
        let cheapest = c.estimates.iter().find(|e| e.mode == c.cheapest).unwrap();
        prop_assert_eq!(cheapest.monthly_usd, min);
        prop_assert_eq!(c.estimates.len(), 3);
    }
}

proptest! {
    // Each case runs a few hundred estimates; fewer cases keep the suite quick.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn break_even_is_where_the_two_totals_cross(
        size in 0.1..100.0f64, consumers in 0u32..5, peak_ratio in 1.0..100.0f64,
    ) {
        let w = StreamWorkload {
            consumers: Some(consumers),
            peak_records: Some(Rate::new(peak_ratio, Per::Second).unwrap()),
            ..StreamWorkload::new(Rate::new(1.0, Per::Second).unwrap(), RecordSize::from_kb(size).unwrap())
        };
        let region = testing::full_region("us-east-1");
        if let Some(rate) = kcost_core::break_even(&w, &region, Options::default()).unwrap() {
            let sign = |r: f64| {
                let at = StreamWorkload {
                    records: Rate::new(r, Per::Second).unwrap(),
                    peak_records: Some(Rate::new(r * peak_ratio, Per::Second).unwrap()),
                    ..w
                };
                total(&at, kcost_core::Mode::Provisioned, Rounding::Calculator)
                    .cmp(&total(&at, kcost_core::Mode::OnDemand, Rounding::Calculator))
            };
            let (below, at) = (sign(rate - 0.01), sign(rate));
            prop_assert!(at != std::cmp::Ordering::Equal && below != at, "{:?} then {:?} at {}", below, at, rate);
        }
    }
}
