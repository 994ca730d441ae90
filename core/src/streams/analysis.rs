//! Analyses that need more than one run of a model: what aggregation saves, what enhanced fan-out
//! would cost for slow shared consumers, and a month-by-month growth projection. Each extra run
//! has the trace off and no analyses of its own.

use crate::calc::money::Money;
use crate::calc::trace::{Formula, NumFmt, Op, Step, Term};
use crate::error::Error;
use crate::estimate::{AggregationSaving, Estimate, GrowthMonth, GrowthTable, Mode};
use crate::notes::Warning;
use crate::price::RegionPrices;
use crate::read::rate::Rate;
use crate::streams::workload::StreamWorkload;
use crate::Options;

use super::model;
use crate::notes::{CapacityWarning, StreamWarning};

/// Shared reads a shard serves per second, split among its shared consumers.
pub const GET_RECORDS_PER_SECOND: f64 = 5.0;

pub(super) fn add(
    estimate: &mut Estimate,
    w: &StreamWorkload,
    mode: Mode,
    prices: &RegionPrices,
    options: Options,
) -> Result<(), Error> {
    let quiet = options.untraced();
    if let (false, Some(kb)) = (options.skip_analyses, w.aggregate_kb) {
        aggregation_saving(estimate, w, kb, mode, prices, options)?;
    }
    if w.consumers() > 0 {
        consumer_delay(estimate, w, mode, prices, options);
    }
    if let (false, Some(declared)) = (options.skip_analyses, w.shards) {
        oversized(estimate, w, declared, mode, prices, options)?;
    }
    if let (false, Some(growth)) = (options.skip_analyses, w.growth) {
        let table = growth_table(w, growth, mode, prices, quiet)?;
        estimate.growth = Some(table);
    }
    Ok(())
}

/// What aggregation saves: the same workload unaggregated, priced again.
fn aggregation_saving(
    estimate: &mut Estimate,
    w: &StreamWorkload,
    kb: f64,
    mode: Mode,
    prices: &RegionPrices,
    options: Options,
) -> Result<(), Error> {
    let plain = StreamWorkload {
        aggregate_kb: None,
        ..*w
    };
    let again = Again {
        id: "aggregation_saving",
        this: "USD aggregated",
        other: "USD unaggregated",
        saved: "USD saved by aggregation",
        this_dearer: false,
    };
    let (without, saving) = again.price(estimate, &plain, mode, prices, options)?;
    estimate.aggregation = Some(AggregationSaving {
        user_records_per_kinesis_record: (kb / w.record_size.kb()).floor().max(1.0),
        unaggregated_monthly_usd: without,
        saving_usd: saving,
    });
    Ok(())
}

/// A second pricing of a changed workload, and the difference, explained in words of its own.
struct Again {
    id: &'static str,
    /// The estimate's total, in words.
    this: &'static str,
    /// The other run's total, in words.
    other: &'static str,
    /// The difference, in words.
    saved: &'static str,
    /// Whether the estimate is the dearer of the two (the saving is then its total less the
    /// other's).
    this_dearer: bool,
}

impl Again {
    /// `other` priced (trace off): its total, and what the cheaper of the two saves.
    fn price(
        &self,
        estimate: &mut Estimate,
        other: &StreamWorkload,
        mode: Mode,
        prices: &RegionPrices,
        options: Options,
    ) -> Result<(Money, Money), Error> {
        let total = model(other, mode, prices, options.untraced())?.monthly_usd;
        let (dearer, cheaper) = if self.this_dearer {
            ((estimate.monthly_usd, self.this), (total, self.other))
        } else {
            ((total, self.other), (estimate.monthly_usd, self.this))
        };
        let saving = Money::from_cents(dearer.0.cents() - cheaper.0.cents());
        if options.trace {
            explain(
                estimate,
                self.id,
                usd(dearer.0, dearer.1),
                &[(Op::Sub, usd(cheaper.0, cheaper.1))],
                usd(saving, self.saved),
            );
        }
        Ok((total, saving))
    }
}

/// A declared shard count at least twice what the traffic needs: what the needed count would
/// save, the same workload priced again without the declared count.
fn oversized(
    estimate: &mut Estimate,
    w: &StreamWorkload,
    declared: u64,
    mode: Mode,
    prices: &RegionPrices,
    options: Options,
) -> Result<(), Error> {
    let Some(needed) = estimate.shards.as_ref().and_then(|s| s.sized) else {
        return Ok(());
    };
    if declared < needed.saturating_mul(2) {
        return Ok(());
    }
    let sized = StreamWorkload { shards: None, ..*w };
    let again = Again {
        id: "shards_saving",
        this: "USD at the shards declared",
        other: "USD at the shards needed",
        saved: "USD saved at the shards needed",
        this_dearer: true,
    };
    let (_, saving) = again.price(estimate, &sized, mode, prices, options)?;
    estimate
        .warnings
        .push(Warning::Capacity(CapacityWarning::ShardsAboveNeed {
            shards: declared,
            needed,
            saving_usd: saving,
        }));
    Ok(())
}

/// How long each shared consumer waits between reads (a shard serves 5 GetRecords calls a
/// second, shared), and over a second, what moving them to enhanced fan-out would cost.
fn consumer_delay(
    estimate: &mut Estimate,
    w: &StreamWorkload,
    mode: Mode,
    prices: &RegionPrices,
    options: Options,
) {
    let consumers = w.consumers();
    let delay_ms = f64::from(consumers) / GET_RECORDS_PER_SECOND * 1000.0;
    estimate.consumer_delay_ms = Some(delay_ms);
    if options.trace {
        explain(
            estimate,
            "consumer_delay",
            Term::new(f64::from(consumers), NumFmt::Input, "consumer applications"),
            &[
                (
                    Op::Div,
                    Term::new(
                        GET_RECORDS_PER_SECOND,
                        NumFmt::Plain,
                        "reads per second per shard",
                    ),
                ),
                (Op::Mul, Term::new(1000.0, NumFmt::Plain, "ms per second")),
            ],
            Term::new(
                delay_ms,
                NumFmt::Fixed(0),
                "ms between reads for each consumer",
            ),
        );
    }
    if delay_ms > 1000.0 && !options.skip_analyses {
        let efo_change_usd = efo_alternative(estimate, w, mode, prices, options);
        estimate
            .warnings
            .push(Warning::Stream(StreamWarning::SlowConsumers {
                consumers,
                delay_ms,
                efo_change_usd,
            }));
    }
}

/// How the monthly cost changes with the shared consumers moved to enhanced fan-out, or `None`
/// when the mode's fan-out limit or a missing price rules that out.
fn efo_alternative(
    estimate: &mut Estimate,
    w: &StreamWorkload,
    mode: Mode,
    prices: &RegionPrices,
    options: Options,
) -> Option<Money> {
    let moved = StreamWorkload {
        consumers: Some(0),
        efo_consumers: w.efo_consumers.saturating_add(w.consumers()),
        ..*w
    };
    let quiet = options.untraced();
    let alternative = model(&moved, mode, prices, quiet).ok()?;
    let change = Money::from_cents(alternative.monthly_usd.cents() - estimate.monthly_usd.cents());
    if options.trace {
        explain(
            estimate,
            "efo_alternative",
            usd(alternative.monthly_usd, "USD with them on enhanced fan-out"),
            &[(Op::Sub, usd(estimate.monthly_usd, "USD"))],
            usd(change, "USD change for faster consumers"),
        );
    }
    Some(change)
}

/// Month by month under steady growth of the record rate (and the peak with it).
fn growth_table(
    w: &StreamWorkload,
    growth: crate::streams::workload::Growth,
    mode: Mode,
    prices: &RegionPrices,
    quiet: Options,
) -> Result<GrowthTable, Error> {
    let factor = 1.0 + growth.percent_per_month / 100.0;
    let mut months = Vec::with_capacity(growth.months as usize);
    let mut scale = 1.0;
    for month in 1..=growth.months {
        let grown = |rate: Rate| Rate::new(rate.count * scale, rate.per);
        // One run of the model does not read the growth: it is left as given.
        let monthly = StreamWorkload {
            records: grown(w.records)?,
            peak_records: w.peak_records.map(grown).transpose()?,
            ..*w
        };
        let e = model(&monthly, mode, prices, quiet)?;
        months.push(GrowthMonth {
            month,
            records_per_second: e.inputs.records_per_second,
            shards: e.shards.map(|s| s.count),
            monthly_usd: e.monthly_usd,
        });
        scale *= factor;
    }
    let total_usd = months.iter().map(|m| m.monthly_usd).sum();
    Ok(GrowthTable {
        percent_per_month: growth.percent_per_month,
        months,
        total_usd,
    })
}

/// Money as a step term with its words.
fn usd(money: Money, unit: &'static str) -> Term {
    Term::new(money.to_f64(), NumFmt::Fixed(2), unit)
}

/// Adds a step to the estimate's analysis trace: `first op ... = result`.
fn explain(
    estimate: &mut Estimate,
    id: &'static str,
    first: Term,
    rest: &[(Op, Term)],
    result: Term,
) {
    estimate.analysis_steps.push(Step {
        id,
        formula: Formula::Chain {
            first,
            rest: rest.to_vec(),
        },
        result,
    });
}
