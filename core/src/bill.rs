//! A bill: the cost lines of one estimate priced through the trace, the notes gathered on the
//! way, and how every estimate ends (total, discount, warnings about its prices). Every service
//! builds its bill here; none reaches into another service for these pieces.

use std::sync::Arc;

use crate::calc::{Calc, Options, PriceAge};
use crate::error::Error;
use crate::estimate::{DiscountLine, Line, PriceUsed};
use crate::money::Money;
use crate::notes::{Assumption, Warning};
use crate::price::{Confidence, Price, PriceBook, PriceKey, RegionPrices};
use crate::trace::Term;

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
}

impl<'p> Bill<'p> {
    pub(crate) fn new(prices: &'p RegionPrices) -> Bill<'p> {
        Bill {
            prices,
            lines: Vec::with_capacity(8),
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
        self.lines.push(line(
            item,
            description,
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
            .push(line(item, description, quantity, (key, price), monthly_usd));
        Ok(())
    }

    /// The price of `key` in USD.
    pub(crate) fn usd(&self, key: PriceKey) -> Result<f64, Error> {
        Ok(self.prices.get(key)?.usd)
    }
}

/// The end of every model run: the total of the lines, the discount (the options' or the region
/// table's) as its own step, and the warnings about unconfirmed prices used (added to
/// `warnings`).
pub(crate) fn finish(
    c: &mut Calc,
    lines: &[Line],
    prices: &RegionPrices,
    options: Options,
    (label, warnings): (&'static str, &mut Vec<Warning>),
) -> (Money, Option<DiscountLine>) {
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
    let list = c.total(
        "monthly_total",
        lines.iter().map(|l| l.monthly_usd),
        list_label,
    );
    if bp == 0 {
        return (list, None);
    }
    let percent = f64::from(bp) / 100.0;
    use crate::trace::{NumFmt, Op, Term};
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
    (
        total,
        Some(DiscountLine {
            percent,
            list_usd: list,
            discount_usd: amount,
        }),
    )
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
    let mut oldest: Option<&Arc<str>> = None;
    for (region, lines) in priced {
        for l in lines.iter().filter(|l| check.is_old(&l.price.as_of)) {
            old.insert((region, l.price.key));
            if oldest.is_none_or(|o| l.price.as_of < *o) {
                oldest = Some(&l.price.as_of);
            }
        }
    }
    oldest.map(|oldest| Warning::OldPrices {
        count: old.len(),
        oldest: oldest.clone(),
        months: check.months,
    })
}

/// A cost line priced at `key`'s `price`.
fn line(
    item: &'static str,
    description: &'static str,
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
    }
}

/// A warning for each line whose price is not confirmed.
pub(crate) fn unconfirmed<'a>(
    lines: &'a [Line],
    region: &'a Arc<str>,
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
