//! How cost grows with one input: the record rate, the record size or the consumer count, swept
//! over a range (evenly, or on a log scale), priced in every mode the region can price.

use std::str::FromStr;

use serde::Serialize;

use crate::calc::money::Money;
use crate::calc::Options;
use crate::error::{Error, InputError};
use crate::estimate::Mode;
use crate::price::PriceBook;
use crate::read::rate::Rate;
use crate::streams::workload::{RecordSize, StreamWorkload};
use crate::streams::{self, DEFAULT_REGION};

/// The input a sweep varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variable {
    /// Records per second.
    Records,
    /// Average record size, KB.
    SizeKb,
    /// Shared consumers.
    Consumers,
}

impl Variable {
    /// The flag's name.
    pub const fn name(self) -> &'static str {
        match self {
            Variable::Records => "records",
            Variable::SizeKb => "size-kb",
            Variable::Consumers => "consumers",
        }
    }

    /// What it is, with its unit, for axes and headers.
    pub const fn label(self) -> &'static str {
        match self {
            Variable::Records => "Record rate (records/s)",
            Variable::SizeKb => "Record size (KB)",
            Variable::Consumers => "Shared consumers",
        }
    }
}

/// A range `FROM..TO` of a swept input.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    /// The first value.
    pub from: f64,
    /// The last value.
    pub to: f64,
}

impl FromStr for Range {
    type Err = InputError;

    /// `100..100000`.
    fn from_str(text: &str) -> Result<Range, InputError> {
        let bad = || InputError::SweepRange {
            text: text.to_string(),
        };
        let (from, to) = text.split_once("..").ok_or_else(bad)?;
        let from =
            crate::read::number::parse_non_negative("sweep start", from).map_err(|_| bad())?;
        let to = crate::read::number::parse_non_negative("sweep end", to).map_err(|_| bad())?;
        if to <= from {
            return Err(bad());
        }
        Ok(Range { from, to })
    }
}

/// What a sweep varies, over which range, in how many points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Axis {
    /// The input varied.
    pub variable: Variable,
    /// From where to where.
    pub range: Range,
    /// How many points, ends included (2 to 10,000).
    pub steps: u32,
    /// Space the points on a log scale.
    pub log: bool,
}

/// One point of a sweep: the input's value and each mode's monthly cost (or why not).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// The swept input's value.
    pub value: f64,
    /// Each mode's total, `None` where the region cannot price the mode or the workload breaks
    /// one of its limits.
    pub monthly_usd: Vec<(Mode, Option<Money>)>,
    /// Provisioned shards, where provisioned could be priced.
    pub shards: Option<u64>,
}

/// A whole sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sweep {
    /// The input varied.
    pub variable: Variable,
    /// Whether the points are spaced on a log scale.
    pub log: bool,
    /// The points, in order.
    pub points: Vec<Point>,
    /// When sweeping the record rate: where provisioned and on-demand Standard swap places.
    pub break_even_records_per_second: Option<f64>,
}

/// One point: the base workload with `variable` at `value`, priced in every mode.
fn point(
    base: &StreamWorkload,
    variable: Variable,
    value: f64,
    prices: &crate::price::RegionPrices,
    quiet: Options,
) -> Result<Point, Error> {
    let w = match variable {
        Variable::Records => StreamWorkload {
            records: Rate::new(value, crate::read::rate::Per::Second)?,
            ..*base
        },
        Variable::SizeKb => StreamWorkload {
            record_size: RecordSize::from_kb(value)?,
            ..*base
        },
        // A whole number from rounding a non-negative value below u32::MAX consumers.
        Variable::Consumers => StreamWorkload {
            consumers: Some(value.min(f64::from(u32::MAX)) as u32),
            ..*base
        },
    };
    let mut monthly_usd = Vec::with_capacity(Mode::ALL.len());
    let mut shards = None;
    for mode in Mode::ALL {
        let e = streams::model(&w, mode, prices, quiet).ok();
        if mode == Mode::Provisioned {
            shards = e.as_ref().and_then(|e| e.shards.as_ref()).map(|s| s.count);
        }
        monthly_usd.push((mode, e.map(|e| e.monthly_usd)));
    }
    Ok(Point {
        value,
        monthly_usd,
        shards,
    })
}

/// Prices `base` at each point of `axis`.
///
/// # Errors
/// Fewer than 2 or more than 10,000 steps, a log sweep from 0, an unknown region, or a base
/// workload no mode can price.
/// ```
/// use kcost_core::sweep::{sweep, Axis, Variable};
/// use kcost_core::{testing, Options, StreamWorkload};
/// let w = StreamWorkload::new("1".parse()?, "1".parse()?);
/// let axis = Axis { variable: Variable::Records, range: "10..10000".parse()?, steps: 4, log: true };
/// let s = sweep(&w, axis, Some("us-east-1"), &testing::deck_book(), Options::default())?;
/// let values: Vec<f64> = s.points.iter().map(|p| p.value.round()).collect();
/// assert_eq!(values, [10.0, 100.0, 1000.0, 10000.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sweep(
    base: &StreamWorkload,
    axis: Axis,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<Sweep, Error> {
    let Axis {
        variable,
        range,
        steps,
        log,
    } = axis;
    if !(2..=10_000).contains(&steps) {
        return Err(InputError::SweepSteps { steps }.into());
    }
    if log && range.from <= 0.0 {
        return Err(InputError::SweepLogFromZero.into());
    }
    let prices = book.region(region.unwrap_or(DEFAULT_REGION))?;
    let quiet = options.untraced();
    let mut points = Vec::with_capacity(steps as usize);
    for i in 0..steps {
        let t = f64::from(i) / f64::from(steps - 1);
        let value = if log {
            range.from * (range.to / range.from).powf(t)
        } else {
            range.from + (range.to - range.from) * t
        };
        let value = match variable {
            Variable::Consumers => value.round(),
            _ => value,
        };
        points.push(point(base, variable, value, prices, quiet)?);
    }
    if points
        .iter()
        .all(|p| p.monthly_usd.iter().all(|(_, m)| m.is_none()))
    {
        // Say why: the first mode's error at the first point.
        streams::model(base, Mode::Provisioned, prices, quiet)?;
    }
    let break_even_records_per_second = match variable {
        Variable::Records => crate::streams::break_even(base, prices, quiet)
            .ok()
            .flatten(),
        _ => None,
    };
    Ok(Sweep {
        variable,
        log,
        points,
        break_even_records_per_second,
    })
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // Cents are written as 3079_69: 3,079.69 USD.
mod tests {
    //! Sweeps against figures worked out by hand with the deck book's us-east-1 prices: shard-hour
    //! 0.015, PUT payload unit 0.000000014, enhanced fan-out consumer-shard-hour 0.015 and GB
    //! 0.013; on-demand stream-hour 0.04, GB in 0.08, out 0.04, enhanced fan-out out 0.05;
    //! Advantage in 0.032, out 0.016. A month is 730 hours, 2,628,000 seconds.

    use super::*;
    use crate::testing::deck_book;

    fn workload(records: &str, size_kb: &str) -> StreamWorkload {
        StreamWorkload::new(records.parse().unwrap(), size_kb.parse().unwrap())
    }

    #[track_caller]
    fn run(
        base: &StreamWorkload,
        variable: Variable,
        range: &str,
        steps: u32,
        log: bool,
    ) -> Result<Sweep, Error> {
        let axis = Axis {
            variable,
            range: range.parse().unwrap(),
            steps,
            log,
        };
        sweep(
            base,
            axis,
            Some("us-east-1"),
            &deck_book(),
            Options::default(),
        )
    }

    /// Each point as the CLI's table shows it: the value, the shards, and provisioned,
    /// on-demand and Advantage in cents.
    fn rows(s: &Sweep) -> Vec<(f64, Option<u64>, [i64; 3])> {
        s.points
            .iter()
            .map(|p| {
                let modes: Vec<Mode> = p.monthly_usd.iter().map(|(m, _)| *m).collect();
                assert_eq!(modes, Mode::ALL, "a column per mode, in order");
                let cents = |i: usize| p.monthly_usd[i].1.expect("every mode priced").cents();
                (p.value, p.shards, [cents(0), cents(1), cents(2)])
            })
            .collect()
    }

    // Advantage below its commitment bills the whole commitment each way, however little is
    // used: 25 MiB/s x 2,628,000 s / 1024 = 64,160.15625 GB; x 0.032 = 2,053.125 -> 2,053.13
    // in, x 0.016 = 1,026.5625 -> 1,026.56 out; 3,079.69.
    const ADVANTAGE: i64 = 2053_13 + 1026_56;

    #[test]
    fn the_swept_inputs_have_the_names_and_labels_the_cli_shows() {
        // `--records: ...` in an error, and the first header of the table and the CSV.
        assert_eq!(Variable::Records.name(), "records");
        assert_eq!(Variable::SizeKb.name(), "size-kb");
        assert_eq!(Variable::Consumers.name(), "consumers");
        assert_eq!(Variable::Records.label(), "Record rate (records/s)");
        assert_eq!(Variable::SizeKb.label(), "Record size (KB)");
        assert_eq!(Variable::Consumers.label(), "Shared consumers");
    }

    #[test]
    fn a_range_must_rise() {
        assert_eq!(
            "100..1000".parse::<Range>().unwrap(),
            Range {
                from: 100.0,
                to: 1000.0
            }
        );
        assert_eq!(
            "0..10".parse::<Range>().unwrap(),
            Range {
                from: 0.0,
                to: 10.0
            }
        );
        for text in ["100..100", "10..1"] {
            let err = text.parse::<Range>().unwrap_err();
            assert_eq!(err, InputError::SweepRange { text: text.into() });
            assert_eq!(
                err.to_string(),
                format!("the range '{text}' must be FROM..TO with TO above FROM, e.g. 100..100000")
            );
        }
    }

    #[test]
    fn a_sweep_of_fewer_than_2_or_more_than_10_000_points_is_refused() {
        let w = workload("1", "1");
        for steps in [1, 10_001] {
            let err = run(&w, Variable::Records, "1..10", steps, false).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("{steps} points is out of range; sweep 2 to 10,000 points")
            );
        }
    }

    #[test]
    fn a_log_sweep_cannot_start_at_0_and_a_linear_one_can() {
        let w = workload("1000", "1");
        let err = run(&w, Variable::Records, "0..10", 3, true).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a sweep on a log scale cannot start at 0; start it above 0, e.g. 1..100000"
        );
        // Linear from 0 consumers: see `a_consumer_sweep_rounds_to_whole_consumers`.
        let s = run(&w, Variable::Consumers, "0..1", 2, false).unwrap();
        assert_eq!(s.points[0].value, 0.0);
    }

    #[test]
    fn a_linear_record_sweep_prices_evenly_spaced_rates() {
        // The CLI's base for `--records 1000..5000`: 1 KB records, one consumer.
        let s = run(
            &workload("1000", "1"),
            Variable::Records,
            "1000..5000",
            5,
            false,
        )
        .unwrap();
        assert_eq!((s.variable, s.log), (Variable::Records, false));
        // 1,000 + 4,000 x 0/4, 1/4, 2/4, 3/4, 4/4.
        // Provisioned: the records need, N x 1,000 / 1,000 = N shards (ingress 0.98 MB/s per
        // 1,000/s) x 730 h x 0.015 = 10.95 each; PUT one unit a record, r x 2,628,000 x
        // 0.000000014 = r x 0.036792.
        // On-demand: 29.20 for the stream; r x 2,628,000 / 1,048,576 = r x 2.5062561 GB, x 0.08
        // in and x 0.04 out.
        assert_eq!(
            rows(&s),
            [
                // 10.95 + 36.792 -> 36.79. 2,506.2561 GB: 200.5005 -> 200.50, 100.2502 -> 100.25.
                (
                    1000.0,
                    Some(1),
                    [10_95 + 36_79, 29_20 + 200_50 + 100_25, ADVANTAGE]
                ),
                // 21.90 + 73.584 -> 73.58. 5,012.5122 GB: 401.0010 -> 401.00, 200.5005 -> 200.50.
                (
                    2000.0,
                    Some(2),
                    [21_90 + 73_58, 29_20 + 401_00 + 200_50, ADVANTAGE]
                ),
                // 32.85 + 110.376 -> 110.38. 7,518.7683 GB: 601.5015 -> 601.50, 300.7507 -> 300.75.
                (
                    3000.0,
                    Some(3),
                    [32_85 + 110_38, 29_20 + 601_50 + 300_75, ADVANTAGE]
                ),
                // 43.80 + 147.168 -> 147.17. 10,025.0244 GB: 802.0020 -> 802.00, 401.0010 -> 401.00.
                (
                    4000.0,
                    Some(4),
                    [43_80 + 147_17, 29_20 + 802_00 + 401_00, ADVANTAGE]
                ),
                // 54.75 + 183.96. 12,531.2805 GB: 1,002.5024 -> 1,002.50, 501.2512 -> 501.25.
                (
                    5000.0,
                    Some(5),
                    [54_75 + 183_96, 29_20 + 1002_50 + 501_25, ADVANTAGE]
                ),
            ]
        );
        // Steady traffic: a shard and its PUT units (47.74 per 1,000/s) always undercut
        // on-demand's 300.75 per 1,000/s, so the totals never cross.
        assert_eq!(s.break_even_records_per_second, None);
    }

    #[test]
    fn a_log_sweep_multiplies_the_rate_by_the_same_factor_at_each_point() {
        let s = run(&workload("10", "1"), Variable::Records, "10..1000", 3, true).unwrap();
        assert!(s.log);
        // 10 x (1000 / 10)^(0/2, 1/2, 2/2) = 10, 10 x 10, 10 x 100. One shard each: 10.95.
        assert_eq!(
            rows(&s),
            [
                // PUT 10 x 2,628,000 x 0.000000014 = 0.36792 -> 0.37. 25.0626 GB: x 0.08 =
                // 2.00500 -> 2.01, x 0.04 = 1.0025 -> 1.00.
                (10.0, Some(1), [10_95 + 37, 29_20 + 2_01 + 1_00, ADVANTAGE]),
                // PUT 3.6792 -> 3.68. 250.6256 GB: 20.0500 -> 20.05, 10.0250 -> 10.03.
                (
                    100.0,
                    Some(1),
                    [10_95 + 3_68, 29_20 + 20_05 + 10_03, ADVANTAGE]
                ),
                // PUT 36.792 -> 36.79. 2,506.2561 GB: 200.50, 100.25.
                (
                    1000.0,
                    Some(1),
                    [10_95 + 36_79, 29_20 + 200_50 + 100_25, ADVANTAGE]
                ),
            ]
        );
    }

    #[test]
    fn a_size_sweep_prices_each_size() {
        // The CLI's base for `--records 1000 --size-kb 1..5`.
        let s = run(&workload("1000", "1"), Variable::SizeKb, "1..5", 5, false).unwrap();
        assert_eq!(s.variable, Variable::SizeKb);
        // 1, 2, 3, 4, 5 KB at 1,000/s. Provisioned: ingress 1,000 x N / 1024 MB/s = 0.98, 1.95,
        // 2.93, 3.91, 4.88 -> N shards x 10.95; PUT one unit a record (at most 25 KB), 1,000 x
        // 2,628,000 x 0.000000014 = 36.792 -> 36.79. On-demand: N x 2,506.2561 GB, as 1,000 x N
        // records/s of 1 KB (see the record sweep).
        assert_eq!(
            rows(&s),
            [
                (
                    1.0,
                    Some(1),
                    [10_95 + 36_79, 29_20 + 200_50 + 100_25, ADVANTAGE]
                ),
                (
                    2.0,
                    Some(2),
                    [21_90 + 36_79, 29_20 + 401_00 + 200_50, ADVANTAGE]
                ),
                (
                    3.0,
                    Some(3),
                    [32_85 + 36_79, 29_20 + 601_50 + 300_75, ADVANTAGE]
                ),
                (
                    4.0,
                    Some(4),
                    [43_80 + 36_79, 29_20 + 802_00 + 401_00, ADVANTAGE]
                ),
                (
                    5.0,
                    Some(5),
                    [54_75 + 36_79, 29_20 + 1002_50 + 501_25, ADVANTAGE]
                ),
            ]
        );
        assert_eq!(s.break_even_records_per_second, None, "a rate sweep's only");
    }

    #[test]
    fn a_consumer_sweep_rounds_to_whole_consumers() {
        // The CLI's base for `--records 1000 --size-kb 1 --consumers 0..3`.
        let base = StreamWorkload {
            consumers: Some(0),
            ..workload("1000", "1")
        };
        let s = run(&base, Variable::Consumers, "0..3", 3, false).unwrap();
        assert_eq!(s.variable, Variable::Consumers);
        // 0, 1.5 and 3 consumers: 1.5 rounds to 2. 1,000/s of 1 KB: 0.98 MB/s in, 2,506.2561 GB.
        // Provisioned: egress 0.98 x C / 2; the records need (1.000) or egress, whichever is
        // larger, in whole shards; PUT 36.79. On-demand: 29.20 + 200.50 in + C x 2,506.2561 x 0.04.
        assert_eq!(
            rows(&s),
            [
                // No reader: 1 shard; no data-out line.
                (0.0, Some(1), [10_95 + 36_79, 29_20 + 200_50, ADVANTAGE]),
                // Egress 1.96 / 2 = 0.98: 1 shard. Out 5,012.5122 GB x 0.04 = 200.5005 -> 200.50.
                (
                    2.0,
                    Some(1),
                    [10_95 + 36_79, 29_20 + 200_50 + 200_50, ADVANTAGE]
                ),
                // Egress 2.94 / 2 = 1.47: 2 shards. Out 7,518.7683 GB x 0.04 = 300.7507 -> 300.75.
                (
                    3.0,
                    Some(2),
                    [21_90 + 36_79, 29_20 + 200_50 + 300_75, ADVANTAGE]
                ),
            ]
        );
    }

    #[test]
    fn a_record_sweep_states_where_provisioned_and_on_demand_swap_places() {
        // Three enhanced fan-out consumers: provisioned pays 3 x 730 consumer-shard-hours x
        // 0.015 = 32.85 on top of its shard's 10.95 however little is written, on-demand only
        // its 29.20 of stream-hours; on-demand's dearer GB catch up at 0.51 records/s.
        let base = StreamWorkload {
            efo_consumers: 3,
            ..workload("0.25", "50")
        };
        let s = run(&base, Variable::Records, "0.25..0.75", 3, false).unwrap();
        // 50 KB records, 2 PUT units each; 50 / 1024 = 0.04882813 MB / 1024 = 0.00004768 GB per
        // record for the enhanced fan-out retrievals (x 3 consumers, x 0.013). On-demand: r x 50 x
        // 2,628,000 / 1,048,576 GB in, x 0.08 in, x 0.04 out, x 3 x 0.05 enhanced fan-out out.
        assert_eq!(
            rows(&s),
            [
                // PUT 2 x 0.25 x 2,628,000 = 1,314,000 x 0.000000014 = 0.0184 -> 0.02; 657,000
                // records x 0.00004768 x 3 = 93.98 GB x 0.013 = 1.2217 -> 1.22. 31.3282 GB:
                // 2.5063 -> 2.51, 1.2531 -> 1.25, 4.6992 -> 4.70.
                (
                    0.25,
                    Some(1),
                    [
                        10_95 + 2 + 32_85 + 1_22,
                        29_20 + 2_51 + 1_25 + 4_70,
                        ADVANTAGE
                    ]
                ),
                // PUT 2,628,000 units: 0.0368 -> 0.04; 1,314,000 x 0.00004768 x 3 = 187.95 GB x
                // 0.013 = 2.4434 -> 2.44 (46.28). 62.6564 GB: 5.0125 -> 5.01, 2.5063 -> 2.51,
                // 9.3985 -> 9.40 (46.12): on-demand still cheaper.
                (
                    0.5,
                    Some(1),
                    [
                        10_95 + 4 + 32_85 + 2_44,
                        29_20 + 5_01 + 2_51 + 9_40,
                        ADVANTAGE
                    ]
                ),
                // PUT 3,942,000 units: 0.0552 -> 0.06; 1,971,000 x 0.00004768 x 3 = 281.93 GB x
                // 0.013 = 3.6651 -> 3.67. 93.9846 GB: 7.5188 -> 7.52, 3.7594 -> 3.76, 14.0977 ->
                // 14.10.
                (
                    0.75,
                    Some(1),
                    [
                        10_95 + 6 + 32_85 + 3_67,
                        29_20 + 7_52 + 3_76 + 14_10,
                        ADVANTAGE
                    ]
                ),
            ]
        );
        // At 0.51/s provisioned is 10.95 + PUT 2,680,560 units 0.0375 -> 0.04 + 32.85 + 1,340,280
        // x 0.00004768 x 3 = 191.71 GB x 0.013 = 2.4922 -> 2.49 = 46.33; on-demand 29.20 + 63.9095
        // GB x 0.08 = 5.1128 -> 5.11, x 0.04 = 2.5564 -> 2.56, x 0.15 = 9.5864 -> 9.59 = 46.46:
        // the first hundredth of a record per second where provisioned is the cheaper.
        assert_eq!(s.break_even_records_per_second, Some(0.51));
    }
}
