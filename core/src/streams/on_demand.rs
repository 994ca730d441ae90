//! On-demand Data Streams, Standard and Advantage: billed per GB written and read (each record
//! metered rounded up to the next 1 KB), per stream-hour (Standard), and per GB-month retained
//! beyond 24 hours. Advantage bills at least a 25 MiB/s ingest and 25 MiB/s retrieval commitment.
//!
//! Retention is billed on the average volume held: a stream that keeps R hours of steady traffic
//! holds `GB per hour x R` at any time, so a month of it is `GB per hour x R` GB-months; the part
//! from 24 hours to 7 days and the part beyond 7 days are priced separately.

use crate::calc::money::Money;
use crate::calc::share::{Commitment, Share};
use crate::calc::trace::{NumFmt, Op, Term};
use crate::calc::Calc;
use crate::error::Error;
use crate::estimate::{HotKey, Mode};
use crate::notes::{Assumption, Warning};
use crate::price::{PriceKey, RegionPrices};
use crate::streams::workload::StreamWorkload;

use super::{
    per_user_record, plain, rates, records_per_aggregate, retention_band, Bill, Body, Notes,
    HOURS_PER_MONTH, INCLUDED_RETENTION_HOURS, KB_PER_MB, LONG_TERM_AFTER_HOURS, SECONDS_PER_MONTH,
    SHARD_INGRESS_MB_S, SHARD_RECORDS_S,
};
use crate::notes::{CapacityWarning, StreamAssumption, StreamWarning};

/// Advantage's commitment, each way: 25 MiB/s.
pub const ADVANTAGE_COMMITMENT_MB_S: f64 = 25.0;
/// Write throughput a new on-demand stream takes at first, MB/s.
pub const NEW_STREAM_WRITE_MB_S: f64 = 4.0;

/// The price keys of one on-demand tier.
struct Tier {
    stream_hour: Option<PriceKey>,
    data_in: PriceKey,
    data_out: PriceKey,
    efo_out: PriceKey,
    /// Retention beyond 24 h up to 7 days, and beyond 7 days (the same key for Advantage).
    retention: (PriceKey, PriceKey),
    commitment: bool,
}

const STANDARD: Tier = Tier {
    stream_hour: Some(PriceKey::KdsOnDemandStreamHour),
    data_in: PriceKey::KdsOnDemandDataInGb,
    data_out: PriceKey::KdsOnDemandDataOutGb,
    efo_out: PriceKey::KdsOnDemandEfoDataOutGb,
    retention: (
        PriceKey::KdsOnDemandExtendedRetentionGbMonth,
        PriceKey::KdsOnDemandLongTermRetentionGbMonth,
    ),
    commitment: false,
};

const ADVANTAGE: Tier = Tier {
    stream_hour: None,
    data_in: PriceKey::KdsAdvantageDataInGb,
    data_out: PriceKey::KdsAdvantageDataOutGb,
    efo_out: PriceKey::KdsAdvantageEfoDataOutGb,
    retention: (
        PriceKey::KdsAdvantageRetentionGbMonth,
        PriceKey::KdsAdvantageRetentionGbMonth,
    ),
    commitment: true,
};

pub(super) fn model<'p>(
    w: &StreamWorkload,
    mode: Mode,
    prices: &'p RegionPrices,
    commitment: Commitment,
    c: &mut Calc,
    notes: &mut Notes,
) -> Result<Body<'p>, Error> {
    let tier = tier(mode);
    // Fail before any arithmetic when the region cannot price the basics.
    prices.get(tier.data_in)?;
    if let Some(key) = tier.stream_hour {
        prices.get(key)?;
    }
    let mut bill = Bill::new(prices);
    let (records, peak) = rates(c, w, notes)?;
    if let Some(key) = tier.stream_hour {
        stream_hours_line(c, &mut bill, key)?;
    }
    let commitment = if tier.commitment {
        commitment
    } else {
        Commitment::UseOnly
    };
    let (data_in, committed) = data_in_lines(c, &mut bill, tier, w, records, commitment)?;
    data_out_lines(c, &mut bill, tier, w, data_in, committed)?;
    if let Commitment::Share(share) = commitment {
        shared_lines(c, &mut bill, tier, share)?;
        notes
            .assumptions
            .push(Assumption::Stream(StreamAssumption::AdvantageShared {
                streams: share.streams,
            }));
    }
    if commitment == Commitment::Alone && tier.commitment {
        notes
            .assumptions
            .push(Assumption::Stream(StreamAssumption::AdvantageAlone {
                region: prices.code.clone(),
            }));
    }
    let retention = w.retention.hours();
    if retention > INCLUDED_RETENTION_HOURS {
        retention_lines(c, &mut bill, tier, retention, data_in)?;
    }
    if w.long_term_reads_gb > 0.0 {
        notes
            .warnings
            .push(Warning::Stream(StreamWarning::LongTermReadsNotPriced {
                mode: mode.name(),
            }));
    }
    if let Some(peak) = peak {
        scaling_warnings(w, peak, records, notes);
    }
    let hot_key = w
        .hot_key_share
        .map(|share| hot_key(w, share, peak.unwrap_or(records), notes));
    Ok(Body {
        bill,
        records_per_second: records.value,
        peak_per_second: peak.map(|p| p.value),
        shards: None,
        hot_key,
    })
}

/// The price keys of `mode`'s tier.
fn tier(mode: Mode) -> &'static Tier {
    if mode == Mode::Advantage {
        &ADVANTAGE
    } else {
        &STANDARD
    }
}

/// What an on-demand stream's meters read in a month, measured rather than derived from a
/// workload: GB in as billed (each record rounded up to 1 KB), and GB read by shared and by
/// enhanced fan-out consumers, when known.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metered {
    pub(crate) data_in: Term,
    pub(crate) shared_out: Option<Term>,
    pub(crate) efo_out: Option<Term>,
}

/// The lines of an on-demand stream in `mode` from metered use, kept `retention` hours; an
/// Advantage stream is priced alone against the whole commitment.
pub(crate) fn metered<'p>(
    mode: Mode,
    prices: &'p RegionPrices,
    usage: Metered,
    retention: f64,
    c: &mut Calc,
    notes: &mut Notes,
) -> Result<Bill<'p>, Error> {
    let tier = tier(mode);
    prices.get(tier.data_in)?;
    let mut bill = Bill::new(prices);
    if let Some(key) = tier.stream_hour {
        prices.get(key)?;
        stream_hours_line(c, &mut bill, key)?;
    }
    let commitment = if tier.commitment {
        notes
            .assumptions
            .push(Assumption::Stream(StreamAssumption::AdvantageAlone {
                region: prices.code.clone(),
            }));
        Commitment::Alone
    } else {
        Commitment::UseOnly
    };
    let committed = priced_data_in(c, &mut bill, tier, usage.data_in, commitment)?;
    let outs: Vec<(Term, &OutWords)> = [(usage.shared_out, &SHARED_OUT), (usage.efo_out, &EFO_OUT)]
        .into_iter()
        .filter_map(|(t, words)| t.map(|t| (t, words)))
        .collect();
    priced_data_out(c, &mut bill, tier, &outs, committed)?;
    if retention > INCLUDED_RETENTION_HOURS {
        retention_lines(c, &mut bill, tier, retention, usage.data_in)?;
    }
    Ok(bill)
}

/// Stream hours (Standard only): one stream x 730 hours.
fn stream_hours_line(c: &mut Calc, bill: &mut Bill<'_>, key: PriceKey) -> Result<(), Error> {
    let hours = c.chain(
        "stream_hours",
        plain(1.0, "stream"),
        &[(Op::Mul, plain(HOURS_PER_MONTH, "hours in a month"))],
        2,
        "Stream hours per month",
    )?;
    bill.add(
        c,
        "stream_hours_cost",
        "stream_hours",
        "Stream hours",
        hours,
        key,
        "Stream hours per month cost",
    )?;
    Ok(())
}

/// KB metered per record: each record rounded up to the next 1 KB; aggregated records are
/// metered as the Kinesis records they are, shared by the user records they pack.
fn billed_kb_per_record(c: &mut Calc, w: &StreamWorkload) -> Result<Term, Error> {
    let size_kb = w.record_size.kb();
    let Some(kb) = w.aggregate_kb else {
        return c.round_up(
            "billed_kb_per_record",
            Term::new(size_kb, NumFmt::Input, ""),
            "KB billed per record",
        );
    };
    let n = records_per_aggregate(c, kb, size_kb)?;
    let packed = c.chain(
        "kinesis_record_kb",
        n,
        &[(Op::Mul, Term::new(size_kb, NumFmt::Input, "KB"))],
        2,
        "KB per Kinesis record",
    )?;
    let billed = c.round_up(
        "billed_kb_per_kinesis_record",
        c.term(packed.value, 2, ""),
        "KB billed per Kinesis record",
    )?;
    per_user_record(
        c,
        "billed_kb_per_record",
        billed,
        n,
        "KB billed per user record",
    )
}

/// Data in, and (Advantage) the GB committed each way and the ingest shortfall below it.
fn data_in_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    tier: &Tier,
    w: &StreamWorkload,
    records: Term,
    commitment: Commitment,
) -> Result<(Term, Option<Term>), Error> {
    let billed_kb = billed_kb_per_record(c, w)?;
    let data_in =
        crate::units::gb_per_month(c, "data_in_gb", billed_kb, records, "GB data in per month")?;
    let committed = priced_data_in(c, bill, tier, data_in, commitment)?;
    Ok((data_in, committed))
}

/// The data-in line of `data_in` GB, and (a stream alone with a commitment) the GB committed and
/// the ingest shortfall below it.
fn priced_data_in(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    tier: &Tier,
    data_in: Term,
    commitment: Commitment,
) -> Result<Option<Term>, Error> {
    let committed = if commitment == Commitment::Alone {
        Some(c.chain(
            "committed_gb",
            plain(ADVANTAGE_COMMITMENT_MB_S, "MB/sec commitment"),
            &[
                (Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month")),
                (Op::Div, plain(KB_PER_MB, "MB per GB")),
            ],
            2,
            "GB committed per month",
        )?)
    } else {
        None
    };
    let data_in_cost = bill.add(
        c,
        "data_in_cost",
        "data_in",
        "Data in",
        c.term(data_in.value, 2, "GB data in"),
        tier.data_in,
        "Data in cost",
    )?;
    if let Some(committed) = committed {
        shortfall(
            c,
            bill,
            committed,
            (data_in, &[data_in_cost]),
            (
                "ingest_shortfall_gb",
                "ingest_commitment_cost",
                "ingest_commitment",
            ),
            (
                "Ingest commitment shortfall",
                "Ingest commitment shortfall cost",
            ),
            tier.data_in,
        )?;
    }
    Ok(committed)
}

/// Data out: every shared consumer reads all the data, and so does every EFO consumer; with a
/// commitment, the retrieval shortfall below it.
fn data_out_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    tier: &Tier,
    w: &StreamWorkload,
    data_in: Term,
    committed: Option<Term>,
) -> Result<(), Error> {
    let readers = [(w.consumers(), &SHARED_OUT), (w.efo_consumers, &EFO_OUT)];
    let mut outs = Vec::new();
    for (count, words) in readers.iter().filter(|(n, _)| *n > 0) {
        let out = c.chain(
            words.gb_id,
            c.term(data_in.value, 2, "GB data in per month"),
            &[(
                Op::Mul,
                Term::new(f64::from(*count), NumFmt::Input, words.readers),
            )],
            2,
            words.gb_unit,
        )?;
        outs.push((out, *words));
    }
    priced_data_out(c, bill, tier, &outs, committed)
}

/// The data-out lines of GB read by shared and enhanced fan-out consumers, and with a commitment
/// the retrieval shortfall below it.
fn priced_data_out(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    tier: &Tier,
    outs: &[(Term, &OutWords)],
    committed: Option<Term>,
) -> Result<(), Error> {
    let mut retrieved = Vec::new();
    let mut retrieved_cost = Vec::new();
    for (out, words) in outs {
        let key = if words.efo {
            tier.efo_out
        } else {
            tier.data_out
        };
        retrieved_cost.push(bill.add(
            c,
            words.cost_id,
            words.item,
            words.description,
            c.term(out.value, 2, words.quantity),
            key,
            words.label,
        )?);
        retrieved.push(c.term(out.value, 2, words.quantity));
    }
    let Some(committed) = committed else {
        return Ok(());
    };
    let total_out = match retrieved.as_slice() {
        [] => c.term(0.0, 2, "GB retrieved per month"),
        [one] => *one,
        [first, rest @ ..] => c.chain(
            "retrieved_gb",
            *first,
            &rest.iter().map(|t| (Op::Add, *t)).collect::<Vec<_>>(),
            2,
            "GB retrieved per month",
        )?,
    };
    // The retrieval shortfall is priced at the enhanced fan-out rate (confirmed; the shared rate
    // is the same figure but from a secondary source).
    shortfall(
        c,
        bill,
        committed,
        (total_out, &retrieved_cost),
        (
            "retrieval_shortfall_gb",
            "retrieval_commitment_cost",
            "retrieval_commitment",
        ),
        (
            "Retrieval commitment shortfall",
            "Retrieval commitment shortfall cost",
        ),
        tier.efo_out,
    )
}

/// The words of one data-out line.
pub(crate) struct OutWords {
    /// Read by enhanced fan-out consumers (priced at the EFO rate).
    efo: bool,
    gb_id: &'static str,
    readers: &'static str,
    gb_unit: &'static str,
    cost_id: &'static str,
    item: &'static str,
    description: &'static str,
    quantity: &'static str,
    label: &'static str,
}

pub(crate) const SHARED_OUT: OutWords = OutWords {
    efo: false,
    gb_id: "data_out_gb",
    readers: "consumer applications",
    gb_unit: "GB data out per month",
    cost_id: "data_out_cost",
    item: "data_out",
    description: "Data out",
    quantity: "GB data out",
    label: "Data out cost",
};

pub(crate) const EFO_OUT: OutWords = OutWords {
    efo: true,
    gb_id: "efo_data_out_gb",
    readers: "enhanced fan-out consumers",
    gb_unit: "GB enhanced fan-out data out per month",
    cost_id: "efo_data_out_cost",
    item: "efo_data_out",
    description: "Enhanced fan-out data out",
    quantity: "GB enhanced fan-out data out",
    label: "Enhanced fan-out data out cost",
};

/// Retention beyond 24 hours, on the average volume held: a line per price band it reaches.
fn retention_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    tier: &Tier,
    retention: f64,
    data_in: Term,
) -> Result<(), Error> {
    let per_hour = c.chain(
        "data_gb_per_hour",
        c.term(data_in.value, 2, "GB data in per month"),
        &[(Op::Div, plain(HOURS_PER_MONTH, "hours in a month"))],
        2,
        "GB per hour",
    )?;
    for band in bands(tier, retention).iter().filter(|b| b.hours > 0.0) {
        let held = c.chain(
            band.id,
            per_hour,
            &[(Op::Mul, plain(band.hours, band.words))],
            2,
            "GB-months retained",
        )?;
        bill.add(
            c,
            band.cost_id,
            band.item,
            band.description,
            held,
            band.key,
            band.label,
        )?;
    }
    Ok(())
}

/// The retention bands of a tier: one beyond 24 hours with a commitment (Advantage), else up to
/// 7 days and beyond.
fn bands(tier: &Tier, retention: f64) -> Vec<Band> {
    let (extended_key, long_key) = tier.retention;
    if tier.commitment {
        return vec![Band {
            hours: retention_band(retention, INCLUDED_RETENTION_HOURS, f64::INFINITY),
            words: "hours kept beyond 24 hours",
            id: "retention_gb_months",
            cost_id: "retention_cost",
            item: "retention",
            description: "Data retention",
            label: "Data retention cost",
            key: extended_key,
        }];
    }
    vec![
        Band {
            hours: retention_band(retention, INCLUDED_RETENTION_HOURS, LONG_TERM_AFTER_HOURS),
            words: "hours kept beyond 24 hours, up to 7 days",
            id: "extended_retention_gb_months",
            cost_id: "extended_retention_cost",
            item: "extended_retention",
            description: "Extended data retention",
            label: "Extended data retention cost",
            key: extended_key,
        },
        Band {
            hours: retention_band(retention, LONG_TERM_AFTER_HOURS, f64::INFINITY),
            words: "hours kept beyond 7 days",
            id: "long_term_retention_gb_months",
            cost_id: "long_term_retention_cost",
            item: "long_term_retention",
            description: "Long-term data retention",
            label: "Long-term data retention cost",
            key: long_key,
        },
    ]
}

/// Scaling: a new stream takes 4 MB/s of writes; a jump past twice the previous peak may
/// throttle. Neither changes the bill; both are worth knowing before choosing on-demand.
fn scaling_warnings(w: &StreamWorkload, peak: Term, records: Term, notes: &mut Notes) {
    let peak_mb = w.record_size.kb() / KB_PER_MB * peak.value;
    if peak_mb > NEW_STREAM_WRITE_MB_S {
        notes
            .warnings
            .push(Warning::Capacity(CapacityWarning::OnDemandNewStream {
                peak_mb_per_second: (peak_mb * 100.0).round() / 100.0,
            }));
    }
    if records.value > 0.0 && peak.value > 2.0 * records.value {
        notes
            .warnings
            .push(Warning::Capacity(CapacityWarning::OnDemandBurst {
                ratio: peak.value / records.value,
            }));
    }
}

/// The busiest key's load on its shard at the sizing rate; AWS sizes on-demand shards, so only
/// whether one shard can take it is known.
fn hot_key(w: &StreamWorkload, share: f64, rate: Term, notes: &mut Notes) -> HotKey {
    let mb = share * w.record_size.kb() / KB_PER_MB * rate.value;
    let recs = share * rate.value;
    let fixable = mb < SHARD_INGRESS_MB_S && recs < SHARD_RECORDS_S;
    if !fixable {
        notes
            .warnings
            .push(Warning::Capacity(CapacityWarning::HotKeyUnfixable {
                mb_per_second: (mb * 100.0).round() / 100.0,
                records_per_second: (recs * 100.0).round() / 100.0,
            }));
    }
    HotKey {
        share,
        key_mb_per_second: mb,
        key_records_per_second: recs,
        fixable,
        busiest_shard_mb_per_second: None,
        busiest_shard_records_per_second: None,
    }
}

/// One retention price band: the hours of it a record spends, and how its line is named.
struct Band {
    hours: f64,
    words: &'static str,
    id: &'static str,
    cost_id: &'static str,
    item: &'static str,
    description: &'static str,
    label: &'static str,
    key: PriceKey,
}

/// This stream's share of its region's commitment shortfall, each way: the region's shortfall x
/// the stream's share of the region's use, in cents that add up to the region's.
fn shared_lines(c: &mut Calc, bill: &mut Bill<'_>, tier: &Tier, share: Share) -> Result<(), Error> {
    let ways = [
        (share.ingest, tier.data_in, &SHARED_INGEST),
        (share.retrieval, tier.efo_out, &SHARED_RETRIEVAL),
    ];
    for (pooled, key, words) in ways {
        let Some(p) = pooled else { continue };
        let fraction = Term::new(p.fraction, NumFmt::Fixed(4), words.fraction);
        let gb = c.chain(
            words.gb_id,
            Term::new(p.region_gb, NumFmt::Fixed(2), words.region_gb),
            &[(Op::Mul, fraction)],
            2,
            words.gb_unit,
        )?;
        c.share(words.cost_id, p.region_usd, fraction, p.usd, words.label);
        if p.usd.cents() > 0 {
            bill.push(words.item, words.description, gb.value, key, p.usd)?;
        }
    }
    Ok(())
}

/// The words of a share of the region's commitment shortfall.
struct ShareWords {
    fraction: &'static str,
    region_gb: &'static str,
    gb_id: &'static str,
    gb_unit: &'static str,
    cost_id: &'static str,
    item: &'static str,
    description: &'static str,
    label: &'static str,
}

const SHARED_INGEST: ShareWords = ShareWords {
    fraction: "this stream's share of the region's Advantage data in",
    region_gb: "GB the region's Advantage streams write below the commitment",
    gb_id: "ingest_shortfall_gb",
    gb_unit: "GB of the ingest shortfall, this stream's share",
    cost_id: "ingest_commitment_cost",
    item: "ingest_commitment",
    description: "Ingest commitment shortfall (share)",
    label: "Ingest commitment shortfall cost, this stream's share",
};

const SHARED_RETRIEVAL: ShareWords = ShareWords {
    fraction: "this stream's share of the region's Advantage data out",
    region_gb: "GB the region's Advantage streams read below the commitment",
    gb_id: "retrieval_shortfall_gb",
    gb_unit: "GB of the retrieval shortfall, this stream's share",
    cost_id: "retrieval_commitment_cost",
    item: "retrieval_commitment",
    description: "Retrieval commitment shortfall (share)",
    label: "Retrieval commitment shortfall cost, this stream's share",
};

/// When use is below the commitment, bills the difference as its own line. The line costs what
/// the whole commitment costs less what the use lines cost, so that together they bill exactly the
/// commitment (per-line cent rounding would otherwise make the total wobble by a cent as use
/// grows).
fn shortfall(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    committed: Term,
    (used, used_cost): (Term, &[Money]),
    (gb_id, cost_id, item): (&'static str, &'static str, &'static str),
    (description, label): (&'static str, &'static str),
    key: PriceKey,
) -> Result<(), Error> {
    if used.value >= committed.value {
        return Ok(());
    }
    let gap = c.chain(
        gb_id,
        committed,
        &[(Op::Sub, used)],
        2,
        "GB below the commitment",
    )?;
    let whole = c.price(gb_id, committed, bill.usd(key)?)?;
    let cost = c.difference(cost_id, whole, used_cost, label);
    if cost.cents() > 0 {
        bill.push(item, description, gap.value, key, cost)?;
    }
    Ok(())
}
