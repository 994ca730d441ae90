//! Discounts (from the options, a region's table or a scenario) and warnings about old prices.

// Cents are written as 551_27 so that they read as 551.27 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::analytics::{self, AnalyticsWorkload, AppSize, Engine};
use kcost_core::notes::StreamWarning;
use kcost_core::{
    provisioned, render_steps, scenario, testing, Options, PriceAge, StreamWorkload, Warning,
};
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
fn old_prices_are_one_warning_after_the_others() {
    let age = |today, months| Some(PriceAge { today, months });
    let at = |price_age| {
        let options = Options {
            price_age,
            ..Options::default()
        };
        provisioned::estimate(&deck(), Some("us-east-2"), &testing::deck_book(), options)
            .unwrap()
            .warnings
    };
    let old = |w: &[Warning]| -> Vec<(usize, String, u32)> {
        w.iter()
            .filter_map(|w| match w {
                Warning::OldPrices {
                    count,
                    oldest,
                    months,
                } => Some((*count, oldest.to_string(), *months)),
                _ => None,
            })
            .collect()
    };
    // The fixture's prices are as of 2021-04.
    assert_eq!(old(&at(None)), vec![], "no clock, no check");
    assert_eq!(
        old(&at(age((2022, 4), 12))),
        vec![],
        "exactly a year is not over a year"
    );
    assert_eq!(
        old(&at(age((2022, 5), 12))),
        vec![(2, "2021-04".to_string(), 12)]
    );
    assert_eq!(old(&at(age((2022, 5), 13))), vec![], "the age is a setting");
    let warnings = at(age((2026, 11), 12));
    // Last, after the warning about the workload (ten consumers polling slowly).
    assert!(matches!(
        warnings.first(),
        Some(Warning::Stream(StreamWarning::SlowConsumers { .. }))
    ));
    assert_eq!(
        warnings.last().unwrap().to_string(),
        "2 prices used here are over 12 months old (the oldest from 2021-04): refresh the price \
         tables from the AWS Price List, or add a pricing table with the prices"
    );
}

#[test]
fn the_old_prices_warning_names_the_oldest_whichever_line_it_is_on() {
    // The PUT payload unit's price is older than the shard-hour's, and comes second.
    let mut book = testing::deck_book();
    let ohio = book.regions.get_mut("us-east-2").unwrap();
    let put = ohio
        .prices
        .get_mut(&kcost_core::PriceKey::KdsPutPayloadUnit)
        .unwrap();
    put.as_of = "2019-07".into();
    let options = Options {
        price_age: Some(PriceAge {
            today: (2026, 11),
            months: 12,
        }),
        ..Options::default()
    };
    let e = provisioned::estimate(&deck(), Some("us-east-2"), &book, options).unwrap();
    assert_eq!(
        e.warnings.last().unwrap().to_string(),
        "2 prices used here are over 12 months old (the oldest from 2019-07): refresh the price \
         tables from the AWS Price List, or add a pricing table with the prices"
    );
}

#[test]
fn a_comparison_and_a_pipeline_warn_of_old_prices_once() {
    let options = Options {
        price_age: Some(PriceAge {
            today: (2026, 11),
            months: 12,
        }),
        ..Options::default()
    };
    let book = testing::deck_book();
    let c = kcost_core::compare(&deck(), Some("us-east-1"), &book, options).unwrap();
    let count = |w: &[Warning]| {
        w.iter()
            .filter(|w| matches!(w, Warning::OldPrices { .. }))
            .count()
    };
    assert!(c.estimates.iter().all(|e| count(&e.warnings) == 0));
    assert_eq!(count(&c.warnings), 1);
    // Every price of every mode's lines, each once.
    let used: std::collections::BTreeSet<_> = c
        .estimates
        .iter()
        .flat_map(|e| e.lines.iter().map(|l| l.price.key))
        .collect();
    // Last, after what the commitment means for this stream.
    assert!(matches!(
        &c.warnings[0],
        Warning::Stream(StreamWarning::AdvantageCommitment { .. })
    ));
    assert!(
        matches!(c.warnings.last(), Some(Warning::OldPrices { count, .. }) if *count == used.len())
    );

    let text = "region = \"us-east-2\"\n[streams.a]\nrecords = 100\nsize_kb = 100\n[streams.b]\nrecords = 1\nsize_kb = 1\n";
    let p = scenario::estimate(text, "t.toml", &book, options).unwrap();
    assert_eq!(count(&p.warnings), 1);
    // Both streams use the same two prices: two old prices, not four.
    assert!(matches!(
        &p.warnings[0],
        Warning::OldPrices { count: 2, .. }
    ));
    for component in &p.components {
        let scenario::ComponentEstimate::Stream(e) = &component.estimate else {
            panic!("streams only")
        };
        assert_eq!(count(&e.warnings), 0);
    }
}

#[test]
fn price_ages_parse_as_months_or_off() {
    use kcost_core::calc::parse_price_age;
    assert_eq!(parse_price_age("12").unwrap(), Some(12));
    assert_eq!(parse_price_age("off").unwrap(), None);
    assert_eq!(parse_price_age("0").unwrap(), None);
    assert!(parse_price_age("-1").is_err() && parse_price_age("soon").is_err());
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
