//! Discounts (from the options, a region's table or a scenario) and warnings about old prices.

// Cents are written as 551_27 so that they read as 551.27 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::analytics::{self, AnalyticsWorkload, AppSize, Engine};
use kcost_core::{provisioned, render_steps, scenario, testing, Options, StreamWorkload, Warning};
use proptest::prelude::*;

fn deck() -> StreamWorkload {
    StreamWorkload {
        consumers: Some(10),
        ..StreamWorkload::new("100".parse().unwrap(), "100".parse().unwrap())
    }
}

#[test]
fn a_discount_is_its_own_line_and_the_list_price_stays_visible() {
    let options = Options {
        discount_bp: 1000,
        trace: true,
        ..Options::default()
    };
    let e =
        provisioned::estimate(&deck(), Some("us-east-2"), &testing::deck_book(), options).unwrap();
    let d = e.discount.unwrap();
    // 551.27 x 10 / 100 = 55.127 -> 55.13; 551.27 - 55.13 = 496.14.
    assert_eq!(
        (d.list_usd.cents(), d.discount_usd.cents()),
        (551_27, 55_13)
    );
    assert_eq!(e.monthly_usd.cents(), 496_14);
    let lines: i64 = e.lines.iter().map(|l| l.monthly_usd.cents()).sum();
    assert_eq!(lines, 551_27, "the lines stay at list price");
    let text = render_steps(&e.steps);
    assert!(text.contains("List price (monthly): 551.27 USD\n551.27 USD list price x 10 percent discount / 100 = 55.13 USD\n551.27 USD - 55.13 USD = 496.14 USD\nKinesis data stream cost (monthly): 496.14 USD\n"), "{text}");

    // Analytics too: 193.14 less 12.5% (24.1425 -> 24.14) = 169.00.
    let sql = AnalyticsWorkload::new(Engine::Sql, 10, AppSize::kpu_hours("5/day").unwrap());
    let options = Options {
        discount_bp: 1250,
        ..Options::default()
    };
    let a = analytics::estimate(&sql, Some("eu-west-2"), &testing::deck_book(), options).unwrap();
    assert_eq!(a.monthly_usd.cents(), 193_14 - 24_14);
}

#[test]
fn a_region_table_or_a_scenario_can_carry_the_discount() {
    let mut book = testing::deck_book();
    book.regions.get_mut("us-east-2").unwrap().discount_bp = Some(500);
    let e = provisioned::estimate(&deck(), Some("us-east-2"), &book, Options::default()).unwrap();
    // 551.27 x 5% = 27.5635 -> 27.56.
    assert_eq!(e.monthly_usd.cents(), 551_27 - 27_56);
    // The options' discount wins over the table's.
    let options = Options {
        discount_bp: 1000,
        ..Options::default()
    };
    let e = provisioned::estimate(&deck(), Some("us-east-2"), &book, options).unwrap();
    assert_eq!(e.monthly_usd.cents(), 496_14);

    let text = "discount = 10\nregion = \"us-east-2\"\n[streams.s]\nrecords = 100\nsize_kb = 100\nconsumers = 10\n";
    let p = scenario::estimate(text, "t.toml", &testing::deck_book(), Options::default()).unwrap();
    assert_eq!(p.monthly_usd.cents(), 496_14);
    let bad = scenario::estimate(
        "discount = 120\n[streams.s]\nrecords = 1\nsize_kb = 1\n",
        "t.toml",
        &testing::deck_book(),
        Options::default(),
    );
    assert!(bad
        .unwrap_err()
        .to_string()
        .starts_with("t.toml:1:12: the discount '120'"));
}

#[test]
fn prices_over_a_year_old_are_flagged_when_the_day_is_known() {
    let at = |today| {
        let options = Options {
            today,
            ..Options::default()
        };
        provisioned::estimate(&deck(), Some("us-east-2"), &testing::deck_book(), options)
            .unwrap()
            .warnings
    };
    let stale = |w: &[Warning]| {
        w.iter()
            .filter(|w| matches!(w, Warning::StalePrice { .. }))
            .count()
    };
    // The fixture's prices are as of 2021-04.
    assert_eq!(stale(&at(None)), 0, "no clock, no check");
    assert_eq!(
        stale(&at(Some((2022, 4)))),
        0,
        "exactly a year is not over a year"
    );
    assert_eq!(stale(&at(Some((2022, 5)))), 2);
    assert!(at(Some((2026, 11)))
        .iter()
        .any(|w| w.to_string().contains("is from 2021-04, over a year ago")));
}

#[test]
fn discounts_parse_as_percentages() {
    use kcost_core::calc::parse_discount;
    assert_eq!(parse_discount("10").unwrap(), 1000);
    assert_eq!(parse_discount("12.5%").unwrap(), 1250);
    assert_eq!(parse_discount("0").unwrap(), 0);
    for bad in ["101", "-1", "1.234", "x", "NaN"] {
        assert!(parse_discount(bad).is_err(), "{bad}");
    }
}

proptest! {
    #[test]
    fn a_discount_never_raises_the_total_and_is_what_it_says(bp in 0u32..=10_000, records in 0.0..100_000.0f64) {
        let w = StreamWorkload { records: kcost_core::Rate::new(records, kcost_core::Per::Second).unwrap(), ..deck() };
        let book = testing::deck_book();
        let plain = provisioned::estimate(&w, Some("us-east-1"), &book, Options::default()).unwrap();
        let off = provisioned::estimate(&w, Some("us-east-1"), &book, Options { discount_bp: bp, ..Options::default() }).unwrap();
        prop_assert!(off.monthly_usd <= plain.monthly_usd);
        prop_assert!(off.monthly_usd.cents() >= 0);
        if let Some(d) = off.discount {
            prop_assert_eq!(d.list_usd, plain.monthly_usd);
            prop_assert_eq!(off.monthly_usd.cents(), d.list_usd.cents() - d.discount_usd.cents());
        }
    }
}
