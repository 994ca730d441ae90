//! Advantage's commitment is an account setting per region: the 25 MiB/s of ingest and of
//! retrieval it bills at least are measured over every on-demand stream of the account in that
//! region (kinesis-facts section 8). Priced alone, a stream pays the whole commitment; priced with
//! the account's other streams ([`estimate_together`]) the region pays it once, and each Advantage
//! stream carries a share of the shortfall in proportion to its own use.

use std::collections::BTreeMap;

use crate::calc::money::Money;
pub use crate::calc::share::{Commitment, PooledLine, Share};
use crate::calc::Options;
use crate::error::Error;
use crate::estimate::{Estimate, Mode};
use crate::price::{PriceBook, PriceKey};
use crate::streams::workload::StreamWorkload;

use super::on_demand::ADVANTAGE_COMMITMENT_MB_S;
use super::{KB_PER_MB, SECONDS_PER_MONTH};

/// GB committed a month, each way: 25 MiB/s x 2,628,000 s / 1024.
pub const COMMITTED_GB: f64 = ADVANTAGE_COMMITMENT_MB_S * SECONDS_PER_MONTH / KB_PER_MB;

/// One stream of an account to price with the others.
#[derive(Debug, Clone, Copy)]
pub struct AccountStream<'a> {
    /// Its workload.
    pub workload: &'a StreamWorkload,
    /// Its capacity mode.
    pub mode: Mode,
    /// Its region, or `None` for the default.
    pub region: Option<&'a str>,
    /// How to price it (a batch row may carry its own discount).
    pub options: Options,
}

/// Prices the streams of one account together: in each region the Advantage streams share one
/// commitment, each carrying a share of its shortfall; a region with both Standard and Advantage
/// on-demand streams is refused for those streams, since AWS cannot bill it. Each result is what
/// [`super::estimate`] gives for the stream, but for the commitment.
pub fn estimate_together(
    streams: &[AccountStream<'_>],
    book: &PriceBook,
) -> Vec<Result<Estimate, Error>> {
    together(streams, book, &BTreeMap::new())
}

/// The region code a stream is priced in, or `None` when the region is unknown (its own
/// estimate then says so).
pub(crate) fn region_code(book: &PriceBook, region: Option<&str>) -> Option<String> {
    crate::bill::region_or_default(book, region)
        .ok()
        .map(|(p, _)| p.code.to_string())
}

/// [`estimate_together`], with `standard` on-demand streams by region code that were priced
/// elsewhere (a batch's rows already written).
pub(crate) fn together(
    streams: &[AccountStream<'_>],
    book: &PriceBook,
    standard: &BTreeMap<String, usize>,
) -> Vec<Result<Estimate, Error>> {
    // The region each stream is priced in (an unknown region fails in the final pass).
    let regions: Vec<Option<String>> = streams
        .iter()
        .map(|s| region_code(book, s.region))
        .collect();
    // Inserted one by one: collecting sorts first, and the page carries every sort it uses.
    let mut modes: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (code, n) in standard {
        modes.insert(code.as_str(), (*n, 0));
    }
    for (s, region) in streams.iter().zip(&regions) {
        if let Some(code) = region {
            let entry = modes.entry(code).or_default();
            match s.mode {
                Mode::OnDemand => entry.0 += 1,
                Mode::Advantage => entry.1 += 1,
                Mode::Provisioned => {}
            }
        }
    }
    let mixed = |i: usize| -> Option<Error> {
        let code = regions.get(i)?.as_deref()?;
        let (standard, advantage) = *modes.get(code)?;
        let on_demand = streams.get(i).is_some_and(|s| s.mode != Mode::Provisioned);
        (on_demand && standard > 0 && advantage > 0).then(|| Error::MixedOnDemand {
            region: code.to_string(),
            standard,
            advantage,
        })
    };
    let shares = pooled_shares(streams, &regions, book);
    streams
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if let Some(e) = mixed(i) {
                return Err(e);
            }
            let commitment = match shares.get(&i) {
                Some(share) => Commitment::Share(*share),
                None => s.options.commitment,
            };
            super::estimate(
                s.workload,
                s.mode,
                s.region,
                book,
                Options {
                    commitment,
                    ..s.options
                },
            )
        })
        .collect()
}

/// What one Advantage stream uses, from a run without commitment lines.
struct Use {
    index: usize,
    data_in: (f64, Money),
    retrieved: (f64, Money),
}

/// Each Advantage stream's share of its region's shortfall, by the stream's index. Streams that
/// cannot be priced get none (their own estimate reports why).
fn pooled_shares(
    streams: &[AccountStream<'_>],
    regions: &[Option<String>],
    book: &PriceBook,
) -> BTreeMap<usize, Share> {
    let mut by_region: BTreeMap<&str, Vec<Use>> = BTreeMap::new();
    for (index, (s, region)) in streams.iter().zip(regions).enumerate() {
        let (Mode::Advantage, Some(code)) = (s.mode, region) else {
            continue;
        };
        // The use lines alone, before any discount (the commitment is priced before it too),
        // and with the analyses the stream's own estimate makes: a stream whose estimate fails
        // (a growth past what kcost can price) fails here too, and takes no share. Old prices
        // are not checked: this run is not shown.
        let mut quiet = s.options.untraced();
        quiet.commitment = Commitment::UseOnly;
        quiet.price_age = None;
        let Ok(e) = super::estimate(s.workload, s.mode, s.region, book, quiet) else {
            continue;
        };
        let sum = |items: &[&str]| {
            e.lines
                .iter()
                .filter(|l| items.contains(&l.item))
                .fold((0.0, Money::ZERO), |(gb, usd), l| {
                    (gb + l.quantity, usd + l.monthly_usd)
                })
        };
        by_region.entry(code).or_default().push(Use {
            index,
            data_in: sum(&["data_in"]),
            retrieved: sum(&["data_out", "efo_data_out"]),
        });
    }
    let mut shares = BTreeMap::new();
    for (code, uses) in by_region {
        let Ok(prices) = book.region(code) else {
            continue;
        };
        let price = |key| prices.get(key).map(|p| p.usd).ok();
        let (Some(in_usd), Some(out_usd)) = (
            price(PriceKey::KdsAdvantageDataInGb),
            price(PriceKey::KdsAdvantageEfoDataOutGb),
        ) else {
            continue;
        };
        let ingest = pool(uses.iter().map(|u| u.data_in), in_usd);
        let retrieval = pool(uses.iter().map(|u| u.retrieved), out_usd);
        for (n, u) in uses.iter().enumerate() {
            let part = |p: &Option<Pool>| {
                p.as_ref().and_then(|pool| {
                    pool.parts.get(n).map(|(fraction, mine)| PooledLine {
                        region_gb: pool.gb,
                        region_usd: pool.usd,
                        fraction: *fraction,
                        usd: *mine,
                    })
                })
            };
            shares.insert(
                u.index,
                Share {
                    streams: uses.len(),
                    ingest: part(&ingest),
                    retrieval: part(&retrieval),
                },
            );
        }
    }
    shares
}

/// One direction's shortfall in a region, and each stream's (fraction, cents) of it.
struct Pool {
    gb: f64,
    usd: Money,
    parts: Vec<(f64, Money)>,
}

/// One direction's pool: the region's shortfall in GB and USD (the whole commitment's cost less
/// what the streams' use lines cost, so that use and shortfall together bill exactly the
/// commitment), and each stream's share of it. `None` when use reaches the commitment.
fn pool(uses: impl Iterator<Item = (f64, Money)> + Clone, price_usd: f64) -> Option<Pool> {
    let used: f64 = uses.clone().map(|(gb, _)| gb).sum();
    if used >= COMMITTED_GB {
        return None;
    }
    let whole = Money::round_usd(COMMITTED_GB * price_usd)?;
    let paid: Money = uses.clone().map(|(_, usd)| usd).sum();
    let short = Money::from_cents((whole.cents() - paid.cents()).max(0));
    let count = uses.clone().count().max(1) as f64;
    let fractions: Vec<f64> = uses
        .map(|(gb, _)| if used > 0.0 { gb / used } else { 1.0 / count })
        .collect();
    let cents = split(short.cents(), &fractions);
    Some(Pool {
        gb: COMMITTED_GB - used,
        usd: short,
        parts: fractions
            .into_iter()
            .zip(cents)
            .map(|(f, c)| (f, Money::from_cents(c)))
            .collect(),
    })
}

/// Splits `total` cents by `fractions` (which sum to 1) into whole cents that add up to `total`:
/// each its floor, the cents left over going to the largest remainders, the first of equals first.
pub(crate) fn split(total: i64, fractions: &[f64]) -> Vec<i64> {
    let exact: Vec<f64> = fractions.iter().map(|f| total as f64 * f).collect();
    let mut cents: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
    let left = total - cents.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| {
        let rem = |i: usize| exact.get(i).map_or(0.0, |x| x - x.floor());
        rem(b).total_cmp(&rem(a)).then(a.cmp(&b))
    });
    for i in order
        .into_iter()
        .take(usize::try_from(left.max(0)).unwrap_or(0))
    {
        if let Some(c) = cents.get_mut(i) {
            *c += 1;
        }
    }
    cents
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn a_split_adds_up_to_the_whole() {
        assert_eq!(split(100, &[0.5, 0.5]), [50, 50]);
        assert_eq!(split(101, &[0.5, 0.5]), [51, 50]);
        assert_eq!(split(100, &[1.0 / 3.0; 3]), [34, 33, 33]);
        assert_eq!(split(7, &[0.9, 0.1]), [6, 1]);
        assert_eq!(split(0, &[0.2, 0.8]), [0, 0]);
    }

    #[test]
    fn the_cents_left_over_go_to_the_largest_fractions_of_a_cent() {
        // 16 cents x 55/64 = 13.75 and x 9/64 = 2.25: 13 + 2 whole cents, and the one left over
        // goes to the larger remainder (0.75 over 0.25), however large the whole part.
        assert_eq!(split(16, &[55.0 / 64.0, 9.0 / 64.0]), [14, 2]);
    }
}
