//! Advantage's commitment is billed once per account and region: streams priced together share
//! it. Figures are us-east-1's (Advantage: 0.032 per GB in, 0.016 per GB out).

// Cents are written as 3079_69 so that they read as 3,079.69 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::notes::StreamAssumption;
use kcost_core::{
    estimate, estimate_together, testing, AccountStream, Assumption, Error, Mode, Options,
    StreamWorkload,
};
use proptest::prelude::*;

fn workload(records: &str, size_kb: &str, consumers: u32) -> StreamWorkload {
    StreamWorkload {
        consumers: Some(consumers),
        ..StreamWorkload::new(records.parse().unwrap(), size_kb.parse().unwrap())
    }
}

fn cents(e: &kcost_core::Estimate, item: &str) -> i64 {
    e.lines
        .iter()
        .find(|l| l.item == item)
        .map_or(0, |l| l.monthly_usd.cents())
}

#[test]
fn two_advantage_streams_share_one_commitment() {
    // 10 MiB/s each: 10,240 records/s of 1 KB, one consumer.
    let w = workload("10240", "1", 1);
    let book = testing::deck_book();
    let alone = estimate(&w, Mode::Advantage, None, &book, Options::default()).unwrap();
    // Alone, a stream pays the whole commitment: 25 x 2,628,000 / 1024 = 64,160.15625 GB each
    // way: 2,053.13 in (x 0.032) + 1,026.56 out (x 0.016) = 3,079.69.
    assert_eq!(alone.monthly_usd.cents(), 3079_69);
    assert!(alone.assumptions.iter().any(|a| matches!(
        a,
        Assumption::Stream(StreamAssumption::AdvantageAlone { .. })
    )));

    let traced = Options {
        trace: true,
        ..Options::default()
    };
    let both = [
        AccountStream {
            workload: &w,
            mode: Mode::Advantage,
            region: None,
            options: traced,
        },
        AccountStream {
            workload: &w,
            mode: Mode::Advantage,
            region: None,
            options: traced,
        },
    ];
    let priced: Vec<_> = estimate_together(&both, &book)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    // Each writes 10,240 x 2,628,000 / 1,048,576 = 25,664.0625 GB: x 0.032 = 821.25 in, and reads
    // it once: x 0.016 = 410.625 -> 410.63 (or .62 as the double falls) out.
    for e in &priced {
        assert_eq!(cents(e, "data_in"), 821_25);
        assert!(e.assumptions.iter().any(|a| matches!(
            a,
            Assumption::Stream(StreamAssumption::AdvantageShared { streams: 2 })
        )));
        // Shared, so not assumed to be its own.
        assert!(!e.assumptions.iter().any(|a| matches!(
            a,
            Assumption::Stream(StreamAssumption::AdvantageAlone { .. })
        )));
    }
    // Together they write 51,328.125 GB, 12,832.03 GB below the commitment: the region's
    // shortfall is 2,053.13 - 2 x 821.25 = 410.63, half each (205.32 + 205.31).
    let ingest: Vec<i64> = priced
        .iter()
        .map(|e| cents(e, "ingest_commitment"))
        .collect();
    assert_eq!(ingest.iter().sum::<i64>(), 2053_13 - 2 * 821_25);
    assert_eq!(ingest, [20532, 20531]);
    // The region pays exactly one commitment: 3,079.69, not 2 x 3,079.69.
    let total: i64 = priced.iter().map(|e| e.monthly_usd.cents()).sum();
    assert_eq!(total, 3079_69);
    assert_eq!(2 * alone.monthly_usd.cents() - total, 3079_69);
    // The share is shown as a step.
    let text: String = priced[0].steps.iter().map(|s| format!("{s}\n")).collect();
    assert!(
        text.contains("410.63 USD x 0.5000 this stream's share of the region's Advantage data in"),
        "{text}"
    );
}

#[test]
fn a_region_cannot_hold_standard_and_advantage_streams() {
    let w = workload("100", "1", 1);
    let book = testing::deck_book();
    let mixed = [
        AccountStream {
            workload: &w,
            mode: Mode::OnDemand,
            region: Some("us-east-1"),
            options: Options::default(),
        },
        AccountStream {
            workload: &w,
            mode: Mode::Advantage,
            region: None,
            options: Options::default(),
        },
        AccountStream {
            workload: &w,
            mode: Mode::Provisioned,
            region: None,
            options: Options::default(),
        },
    ];
    let priced = estimate_together(&mixed, &book);
    for r in &priced[..2] {
        let err = r.as_ref().unwrap_err();
        assert!(
            matches!(
                err,
                Error::MixedOnDemand {
                    standard: 1,
                    advantage: 1,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("cannot have both"), "{err}");
    }
    assert!(priced[2].is_ok(), "a provisioned stream is not affected");
}

proptest! {
    #[test]
    fn advantage_together_never_costs_more_than_alone(
        rates in proptest::collection::vec(0u32..40_000, 1..5), consumers in 0u32..4,
    ) {
        let book = testing::deck_book();
        let workloads: Vec<StreamWorkload> = rates
            .iter()
            .map(|r| workload(&r.to_string(), "1", consumers))
            .collect();
        let quiet = Options { trace: false, ..Options::default() };
        let account: Vec<AccountStream<'_>> = workloads
            .iter()
            .map(|w| AccountStream { workload: w, mode: Mode::Advantage, region: None, options: quiet })
            .collect();
        let together: i64 = estimate_together(&account, &book)
            .into_iter()
            .map(|e| e.unwrap().monthly_usd.cents())
            .sum();
        let alone: i64 = workloads
            .iter()
            .map(|w| estimate(w, Mode::Advantage, None, &book, quiet).unwrap().monthly_usd.cents())
            .sum();
        prop_assert!(together <= alone, "{} together, {} alone", together, alone);
        // And never less than one commitment: 3,079.69 a month.
        prop_assert!(together >= 3079_69, "{}", together);
    }
}

#[test]
fn on_demand_standard_streams_alone_in_a_region_are_priced_together() {
    // Two Standard streams and no Advantage one: nothing is mixed. 100 records/s of 1 KB: 29.20
    // stream-hours + 100 x 2,628,000 / 1,048,576 = 250.63 GB x 0.08 = 20.05 in + x 0.04 =
    // 10.025... -> 10.03 out = 59.28 each.
    let w = workload("100", "1", 1);
    let book = testing::deck_book();
    let standard = AccountStream {
        workload: &w,
        mode: Mode::OnDemand,
        region: None,
        options: Options::default(),
    };
    let priced: Vec<i64> = estimate_together(&[standard, standard], &book)
        .into_iter()
        .map(|r| r.unwrap().monthly_usd.cents())
        .collect();
    assert_eq!(priced, [59_28, 59_28]);
}

/// Advantage streams of 1 KB records at each of `records`, one consumer, priced together in
/// us-east-1.
fn advantage_together(records: &[&str]) -> Vec<kcost_core::Estimate> {
    let book = testing::deck_book();
    let workloads: Vec<StreamWorkload> = records.iter().map(|r| workload(r, "1", 1)).collect();
    let traced = Options {
        trace: true,
        ..Options::default()
    };
    let account: Vec<AccountStream<'_>> = workloads
        .iter()
        .map(|w| AccountStream {
            workload: w,
            mode: Mode::Advantage,
            region: None,
            options: traced,
        })
        .collect();
    estimate_together(&account, &book)
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn quantity(e: &kcost_core::Estimate, item: &str) -> f64 {
    e.lines.iter().find(|l| l.item == item).unwrap().quantity
}

#[test]
fn streams_share_the_shortfall_in_proportion_to_their_use() {
    let priced = advantage_together(&["7680", "2560"]);
    // 7,680 records/s of 1 KB: 7,680 x 2,628,000 / 1,048,576 = 19,248.046875 GB: x 0.032 =
    // 615.9375 -> 615.94 in, x 0.016 = 307.96875 -> 307.97 out. 2,560 records/s: 6,416.015625
    // GB: 205.3125 -> 205.31 in, 102.65625 -> 102.66 out. Together 25,664.0625 GB, three
    // quarters and one quarter of it.
    let usd: Vec<[i64; 2]> = priced
        .iter()
        .map(|e| [cents(e, "data_in"), cents(e, "data_out")])
        .collect();
    assert_eq!(usd, [[615_94, 307_97], [205_31, 102_66]]);
    // In: 2,053.13 - (615.94 + 205.31) = 1,231.88 short: x 0.75 = 923.91, x 0.25 = 307.97, of
    // 64,160.15625 - 25,664.0625 = 38,496.09375 GB: x 0.75 = 28,872.0703125, x 0.25 =
    // 9,624.0234375 GB.
    assert_eq!(cents(&priced[0], "ingest_commitment"), 923_91);
    assert_eq!(cents(&priced[1], "ingest_commitment"), 307_97);
    assert_eq!(quantity(&priced[0], "ingest_commitment"), 28_872.070_312_5);
    assert_eq!(quantity(&priced[1], "ingest_commitment"), 9_624.023_437_5);
    // Out: 1,026.56 - (307.97 + 102.66) = 615.93 short: x 0.75 = 461.9475 and x 0.25 = 153.9825,
    // 461.94 + 153.98 whole cents and the cent left over to the larger remainder: 461.95.
    assert_eq!(cents(&priced[0], "retrieval_commitment"), 461_95);
    assert_eq!(cents(&priced[1], "retrieval_commitment"), 153_98);
    let totals: Vec<i64> = priced.iter().map(|e| e.monthly_usd.cents()).collect();
    assert_eq!(totals, [2309_77, 769_92]);
    assert_eq!(totals.iter().sum::<i64>(), 3079_69);
    let text: String = priced[0].steps.iter().map(|s| format!("{s}\n")).collect();
    assert!(
        text.contains("x 0.7500 this stream's share of the region's Advantage data in"),
        "{text}"
    );
}

#[test]
fn streams_that_write_nothing_share_the_shortfall_equally() {
    let priced = advantage_together(&["0", "0"]);
    // Nothing written or read: the whole commitment is short, 2,053.13 in and 1,026.56 out,
    // half each; the odd cent in goes to the first.
    let ingest: Vec<i64> = priced
        .iter()
        .map(|e| cents(e, "ingest_commitment"))
        .collect();
    assert_eq!(ingest, [1026_57, 1026_56]);
    let retrieval: Vec<i64> = priced
        .iter()
        .map(|e| cents(e, "retrieval_commitment"))
        .collect();
    assert_eq!(retrieval, [513_28, 513_28]);
    // 64,160.15625 GB x 0.5 = 32,080.078125 GB each way.
    assert_eq!(quantity(&priced[1], "ingest_commitment"), 32_080.078_125);
    let text: String = priced[0].steps.iter().map(|s| format!("{s}\n")).collect();
    assert!(
        text.contains("x 0.5000 this stream's share of the region's Advantage data in"),
        "{text}"
    );
}

#[test]
fn a_stream_that_cannot_be_priced_takes_no_share_of_the_commitment() {
    // Two Advantage streams of 10 MiB/s; the second grows 1,000% a month for 120 months, which
    // its growth projection cannot price.
    let w = workload("10240", "1", 1);
    let growing = StreamWorkload {
        growth: Some(kcost_core::Growth::new(1000.0, 120).unwrap()),
        ..w
    };
    let book = testing::deck_book();
    let both = [
        AccountStream {
            workload: &w,
            mode: Mode::Advantage,
            region: None,
            options: Options::default(),
        },
        AccountStream {
            workload: &growing,
            mode: Mode::Advantage,
            region: None,
            options: Options::default(),
        },
    ];
    let priced = estimate_together(&both, &book);
    let err = priced[1].as_ref().unwrap_err();
    assert!(matches!(err, Error::OutOfRange { .. }), "{err:?}");
    // The first stream is then the region's only Advantage stream, and pays the whole
    // commitment: 821.25 in and 410.63 out of its own, and the shortfall up to 2,053.13 and
    // 1,026.56: 3,079.69, as alone.
    let first = priced[0].as_ref().unwrap();
    assert_eq!(cents(first, "data_in"), 821_25);
    assert_eq!(cents(first, "ingest_commitment"), 2053_13 - 821_25);
    assert_eq!(first.monthly_usd.cents(), 3079_69);
}

#[test]
fn a_share_that_rounds_to_nothing_bills_no_line() {
    // 10,240 records/s of 1 KB and 0.01 records/s of 1 KB: 25,664.0625 GB and 0.02506 GB a
    // month each way, so the second stream's share is 0.02506 / 25,664.0876 = 0.000000977 of the
    // region's use.
    let priced = advantage_together(&["10240", "0.01"]);
    // In: the region is 2,053.13 - 821.25 - 0.00 = 1,231.88 short; the second stream's share is
    // 1,231.88 x 0.000000977 = 0.0012 -> 0.00, and the first's 1,231.8788 takes the cent left
    // over: 1,231.88. Out: 1,026.56 - 410.63 = 615.93 short, 615.93 x 0.000000977 = 0.0006.
    assert_eq!(cents(&priced[0], "ingest_commitment"), 1231_88);
    assert_eq!(cents(&priced[0], "retrieval_commitment"), 615_93);
    // A share of 0.00 is no line on the second stream's bill (its use rounds to 0.00 too).
    let items: Vec<&str> = priced[1].lines.iter().map(|l| l.item).collect();
    assert!(
        !items.contains(&"ingest_commitment") && !items.contains(&"retrieval_commitment"),
        "{items:?}"
    );
    assert_eq!(priced[1].monthly_usd.cents(), 0);
}
