//! A bill: the cost lines of one estimate priced through the trace, the notes gathered on the
//! way, and how every estimate ends (total, discount, warnings about its prices). Every service
//! builds its bill here; none reaches into another service for these pieces.

use arcstr::ArcStr;

use crate::calc::money::Money;
use crate::calc::trace::Term;
use crate::calc::{Calc, Options, PriceAge};
use crate::error::Error;
use crate::estimate::{DiscountLine, Line, PriceUsed, Subtotals};
use crate::notes::{Assumption, Warning};
use crate::price::{Confidence, Price, PriceBook, PriceKey, RegionPrices};

/// The region used when none is given.
pub const DEFAULT_REGION: &str = "us-east-1";

/// The prices of `region`, or of the default region when none is given, with the assumption an
/// estimate records first in that case. Every service's `estimate` starts here.
pub(crate) fn region_or_default<'b>(
    book: &'b PriceBook,
    region: Option<&str>,
) -> Result<(&'b RegionPrices, Option<Assumption>), Error> {
    let prices = book.region(region.unwrap_or(DEFAULT_REGION))?;
    let assumed = region.is_none().then(|| Assumption::DefaultRegion {
        code: prices.code.clone(),
        name: prices.name.clone(),
    });
    Ok((prices, assumed))
}

/// Assumptions and warnings gathered while a model runs.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    pub(crate) assumptions: Vec<Assumption>,
    pub(crate) warnings: Vec<Warning>,
}

/// The cost lines of one estimate, each priced through the trace.
pub(crate) struct Bill<'p> {
    prices: &'p RegionPrices,
    pub(crate) lines: Vec<Line>,
    /// Whether the lines added now are around the stream rather than the stream's own.
    pub(crate) around: bool,
}

impl<'p> Bill<'p> {
    pub(crate) fn new(prices: &'p RegionPrices) -> Bill<'p> {
        Bill {
            prices,
            lines: Vec::with_capacity(8),
            around: false,
        }
    }

    /// Prices `quantity` of `key` as the step `id`, restated as `label: N USD`, and adds the line.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add(
        &mut self,
        c: &mut Calc,
        id: &'static str,
        item: &'static str,
        description: &'static str,
        quantity: Term,
        key: PriceKey,
        label: &'static str,
    ) -> Result<Money, Error> {
        let price = self.prices.get(key)?;
        let monthly_usd = c.cost(id, quantity, price.usd, label)?;
        self.lines.push(self.line(
            (item, description),
            quantity.value,
            (key, price),
            monthly_usd,
        ));
        Ok(monthly_usd)
    }

    /// Adds a line whose cost was worked out by the caller's own steps.
    pub(crate) fn push(
        &mut self,
        item: &'static str,
        description: &'static str,
        quantity: f64,
        key: PriceKey,
        monthly_usd: Money,
    ) -> Result<(), Error> {
        let price = self.prices.get(key)?;
        self.lines
            .push(self.line((item, description), quantity, (key, price), monthly_usd));
        Ok(())
    }

    /// A cost line priced at `key`'s `price`, around the stream if the bill is there now.
    fn line(
        &self,
        (item, description): (&'static str, &'static str),
        quantity: f64,
        (key, price): (PriceKey, &Price),
        monthly_usd: Money,
    ) -> Line {
        Line {
            item,
            description,
            quantity,
            unit: key.unit(),
            unit_price_usd: price.usd,
            monthly_usd,
            price: PriceUsed::new(key, price),
            around: self.around,
        }
    }

    /// The price of `key` in USD.
    pub(crate) fn usd(&self, key: PriceKey) -> Result<f64, Error> {
        Ok(self.prices.get(key)?.usd)
    }
}

/// How a model run ends: its total, and the discount and subtotals when there are any.
pub(crate) struct Finished {
    pub(crate) total: Money,
    pub(crate) discount: Option<DiscountLine>,
    pub(crate) subtotals: Option<Subtotals>,
}

/// The end of every model run: the total of the lines (with the stream's and around the
/// stream's subtotals first, when there are lines around it), the discount (the options' or the
/// region table's) as its own step, and the warnings about unconfirmed prices used (added to
/// `warnings`).
pub(crate) fn finish(
    c: &mut Calc,
    lines: &[Line],
    prices: &RegionPrices,
    options: Options,
    (label, warnings): (&'static str, &mut Vec<Warning>),
) -> Finished {
    let bp = match options.discount_bp {
        0 => prices.discount_bp.unwrap_or(0),
        bp => bp,
    };
    warnings.extend(unconfirmed(lines, &prices.code));
    let list_label = if bp == 0 {
        label
    } else {
        "List price (monthly)"
    };
    let subtotals = subtotals(c, lines);
    let list = match subtotals {
        Some(s) => c.total(
            "monthly_total",
            [s.stream_usd, s.around_usd].into_iter(),
            list_label,
        ),
        None => c.total(
            "monthly_total",
            lines.iter().map(|l| l.monthly_usd),
            list_label,
        ),
    };
    if bp == 0 {
        return Finished {
            total: list,
            discount: None,
            subtotals,
        };
    }
    let percent = f64::from(bp) / 100.0;
    use crate::calc::trace::{NumFmt, Op};
    let amount = c
        .money(
            "discount",
            Term::new(list.to_f64(), NumFmt::Fixed(2), "USD list price"),
            &[
                (
                    Op::Mul,
                    Term::new(percent, NumFmt::Plain, "percent discount"),
                ),
                (Op::Div, Term::new(100.0, NumFmt::Plain, "")),
            ],
        )
        .unwrap_or(Money::ZERO);
    let total = c.difference("discounted_total", list, &[amount], label);
    Finished {
        total,
        discount: Some(DiscountLine {
            percent,
            list_usd: list,
            discount_usd: amount,
        }),
        subtotals,
    }
}

/// [`finish`] for an estimate priced on its own (not in a comparison or a pipeline): the warning
/// about old prices follows the others.
pub(crate) fn finish_alone(
    c: &mut Calc,
    lines: &[Line],
    prices: &RegionPrices,
    options: Options,
    (label, warnings): (&'static str, &mut Vec<Warning>),
) -> Finished {
    let finished = finish(c, lines, prices, options, (label, &mut *warnings));
    warnings.extend(old_prices([(&*prices.code, lines)], options.price_age));
    finished
}

/// The stream's own lines and the lines around it, each summed, when there are lines around it.
fn subtotals(c: &mut Calc, lines: &[Line]) -> Option<Subtotals> {
    if !lines.iter().any(|l| l.around) {
        return None;
    }
    let part = |around: bool| {
        lines
            .iter()
            .filter(move |l| l.around == around)
            .map(|l| l.monthly_usd)
    };
    Some(Subtotals {
        stream_usd: c.total("stream_subtotal", part(false), "The stream (monthly)"),
        around_usd: c.total("around_subtotal", part(true), "Around the stream (monthly)"),
    })
}

/// One warning for all the old prices among the lines of one or more estimates (each given with
/// its region), or none. It goes last, after the warnings about the workload; a comparison and a
/// pipeline give one for all their estimates, and so does a front end that shows several.
///
/// ```
/// use kcost_core::{old_prices, testing, provisioned, Options, PriceAge, StreamWorkload};
/// let w = StreamWorkload::new("100/s".parse()?, "100".parse()?);
/// let e = provisioned::estimate(&w, Some("us-east-2"), &testing::deck_book(), Options::default())?;
/// let check = PriceAge { today: (2026, 12), months: 12 };
/// // The test book's two prices are as of 2021-04.
/// let warning = old_prices([(&*e.region, &e.lines[..])], Some(check)).unwrap();
/// assert!(warning.to_string().starts_with("2 prices used here are over 12 months old"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn old_prices<'a>(
    priced: impl IntoIterator<Item = (&'a str, &'a [Line])>,
    check: Option<PriceAge>,
) -> Option<Warning> {
    let check = check?;
    let mut old = std::collections::BTreeSet::new();
    let mut oldest: Option<&ArcStr> = None;
    for (region, lines) in priced {
        for l in lines.iter().filter(|l| check.is_old(&l.price.as_of)) {
            old.insert((region, l.price.key));
            let as_of = &l.price.as_of;
            oldest = Some(oldest.map_or(as_of, |o| o.min(as_of)));
        }
    }
    oldest.map(|oldest| Warning::OldPrices {
        count: old.len(),
        oldest: oldest.clone(),
        months: check.months,
    })
}

/// One tier of a tiered price: its line and the words of its steps.
pub(crate) struct Tier {
    /// The quantity a month below the tier.
    pub(crate) from: f64,
    /// The quantity a month at its top, if it has one.
    pub(crate) to: Option<f64>,
    pub(crate) key: PriceKey,
    pub(crate) item: &'static str,
    pub(crate) description: &'static str,
    pub(crate) cost_id: &'static str,
    pub(crate) label: &'static str,
    /// The step that takes the tier's quantity, the unit of the bound it uses, and its result's
    /// unit.
    pub(crate) step: (&'static str, &'static str, &'static str),
    /// For a tier between two bounds: the step of the quantity beyond its start, and that
    /// step's units.
    pub(crate) beyond: Option<(&'static str, &'static str, &'static str)>,
}

/// A line for each of `tiers` that `quantity` reaches.
pub(crate) fn tiered(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    tiers: &[Tier],
    quantity: Term,
) -> Result<(), Error> {
    for tier in tiers {
        if quantity.value <= tier.from && tier.from > 0.0 {
            break;
        }
        let part = tier_part(c, tier, quantity)?;
        bill.add(
            c,
            tier.cost_id,
            tier.item,
            tier.description,
            part,
            tier.key,
            tier.label,
        )?;
    }
    Ok(())
}

/// The part of `quantity` that falls in `tier`, through the calculator's steps.
fn tier_part(c: &mut Calc, tier: &Tier, quantity: Term) -> Result<Term, Error> {
    use crate::calc::trace::{NumFmt, Op};
    let (id, bound_unit, unit) = tier.step;
    let beyond =
        |c: &mut Calc, (id, bound_unit, unit): (&'static str, &'static str, &'static str)| {
            let start = Term::new(tier.from, NumFmt::Input, bound_unit);
            c.chain(id, quantity, &[(Op::Sub, start)], 2, unit)
        };
    Ok(match (tier.to, tier.beyond) {
        // The first tier: the quantity up to its top.
        (Some(to), None) => c.min(id, quantity, Term::new(to, NumFmt::Input, bound_unit), unit),
        // A middle tier: the quantity beyond its start, up to its width.
        (Some(to), Some(over)) => {
            let over = beyond(c, over)?;
            let width = Term::new(to - tier.from, NumFmt::Input, bound_unit);
            c.min(id, over, width, unit)
        }
        // The last tier: every unit beyond its start.
        (None, _) => beyond(c, tier.step)?,
    })
}

/// A warning for each line whose price is not confirmed.
pub(crate) fn unconfirmed<'a>(
    lines: &'a [Line],
    region: &'a ArcStr,
) -> impl Iterator<Item = Warning> + 'a {
    lines
        .iter()
        .filter(|l| l.price.confidence != Confidence::Confirmed)
        .map(move |l| Warning::UnconfirmedPrice {
            region: region.clone(),
            key: l.price.key,
            usd: l.unit_price_usd,
            confidence: l.price.confidence,
            source: l.price.source.clone(),
        })
}
