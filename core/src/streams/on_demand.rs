//! On-demand Data Streams, Standard and Advantage: billed per GB written and read (each record
//! metered rounded up to the next 1 KB), per stream-hour (Standard), and per GB-month retained
//! beyond 24 hours. Advantage bills at least a 25 MiB/s ingest and 25 MiB/s retrieval commitment.
//!
//! Retention is billed on the average volume held: a stream that keeps R hours of steady traffic
//! holds `GB per hour x R` at any time, so a month of it is `GB per hour x R` GB-months; the part
//! from 24 hours to 7 days and the part beyond 7 days are priced separately.

use crate::calc::Calc;
use crate::error::Error;
use crate::estimate::{HotKey, Mode};
use crate::money::Money;
use crate::notes::Warning;
use crate::price::{PriceKey, RegionPrices};
use crate::trace::{NumFmt, Op, Term};
use crate::workload::StreamWorkload;

use super::{
    per_second, per_user_record, plain, records_per_aggregate, retention_band, Bill, Body, Notes,
    HOURS_PER_MONTH, INCLUDED_RETENTION_HOURS, KB_PER_GB, KB_PER_MB, LONG_TERM_AFTER_HOURS,
    SECONDS_PER_MONTH, SHARD_INGRESS_MB_S, SHARD_RECORDS_S,
};

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
    c: &mut Calc,
    notes: &mut Notes,
) -> Result<Body<'p>, Error> {
    let tier = if mode == Mode::Advantage {
        &ADVANTAGE
    } else {
        &STANDARD
    };
    // Fail before any arithmetic when the region cannot price the basics.
    prices.get(tier.data_in)?;
    if let Some(key) = tier.stream_hour {
        prices.get(key)?;
    }
    let mut bill = Bill::new(prices);
    let size_kb = w.record_size.kb();
    let records = per_second(c, "records_per_second", w.records, "records per sec", notes)?;
    let peak = match w.peak_records {
        Some(rate) => Some(per_second(
            c,
            "peak_records_per_second",
            rate,
            "records per sec (peak)",
            notes,
        )?),
        None => None,
    };

    // Stream hours (Standard only).
    if let Some(key) = tier.stream_hour {
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
    }

    // Data in: each record metered rounded up to the next 1 KB; aggregated records are metered
    // as the Kinesis records they are.
    let billed_kb = match w.aggregate_kb {
        None => c.round_up(
            "billed_kb_per_record",
            Term::new(size_kb, NumFmt::Input, ""),
            "KB billed per record",
        )?,
        Some(kb) => {
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
            )?
        }
    };
    let data_in = c.chain(
        "data_in_gb",
        billed_kb,
        &[
            (Op::Mul, records),
            (Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month")),
            (Op::Div, plain(KB_PER_GB, "KB per GB")),
        ],
        2,
        "GB data in per month",
    )?;
    let committed = if tier.commitment {
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
            &mut bill,
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

    // Data out: every shared consumer reads all the data; so does every EFO consumer.
    let consumers = w.consumers();
    let mut retrieved = Vec::new();
    let mut retrieved_cost = Vec::new();
    if consumers > 0 {
        let out = c.chain(
            "data_out_gb",
            c.term(data_in.value, 2, "GB data in per month"),
            &[(
                Op::Mul,
                Term::new(f64::from(consumers), NumFmt::Input, "consumer applications"),
            )],
            2,
            "GB data out per month",
        )?;
        retrieved_cost.push(bill.add(
            c,
            "data_out_cost",
            "data_out",
            "Data out",
            c.term(out.value, 2, "GB data out"),
            tier.data_out,
            "Data out cost",
        )?);
        retrieved.push(c.term(out.value, 2, "GB data out"));
    }
    if w.efo_consumers > 0 {
        let out = c.chain(
            "efo_data_out_gb",
            c.term(data_in.value, 2, "GB data in per month"),
            &[(
                Op::Mul,
                Term::new(
                    f64::from(w.efo_consumers),
                    NumFmt::Input,
                    "enhanced fan-out consumers",
                ),
            )],
            2,
            "GB enhanced fan-out data out per month",
        )?;
        retrieved_cost.push(bill.add(
            c,
            "efo_data_out_cost",
            "efo_data_out",
            "Enhanced fan-out data out",
            c.term(out.value, 2, "GB enhanced fan-out data out"),
            tier.efo_out,
            "Enhanced fan-out data out cost",
        )?);
        retrieved.push(c.term(out.value, 2, "GB enhanced fan-out data out"));
    }
    if let Some(committed) = committed {
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
        // The retrieval shortfall is priced at the enhanced fan-out rate (confirmed; the shared
        // rate is the same figure but from a secondary source).
        shortfall(
            c,
            &mut bill,
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
        )?;
    }

    // Retention beyond 24 hours, on the average volume held.
    let retention = w.retention.hours();
    if retention > INCLUDED_RETENTION_HOURS {
        let per_hour = c.chain(
            "data_gb_per_hour",
            c.term(data_in.value, 2, "GB data in per month"),
            &[(Op::Div, plain(HOURS_PER_MONTH, "hours in a month"))],
            2,
            "GB per hour",
        )?;
        let (extended_key, long_key) = tier.retention;
        let bands: &[Band] = if tier.commitment {
            &[Band {
                hours: retention_band(retention, INCLUDED_RETENTION_HOURS, f64::INFINITY),
                words: "hours kept beyond 24 hours",
                id: "retention_gb_months",
                cost_id: "retention_cost",
                item: "retention",
                description: "Data retention",
                label: "Data retention cost",
                key: extended_key,
            }]
        } else {
            &[
                Band {
                    hours: retention_band(
                        retention,
                        INCLUDED_RETENTION_HOURS,
                        LONG_TERM_AFTER_HOURS,
                    ),
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
        };
        for band in bands.iter().filter(|b| b.hours > 0.0) {
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
    }
    if w.long_term_reads_gb > 0.0 {
        notes
            .warnings
            .push(Warning::LongTermReadsNotPriced { mode: mode.name() });
    }

    // Scaling: a new stream takes 4 MB/s of writes; a jump past twice the previous peak may
    // throttle. Neither changes the bill; both are worth knowing before choosing on-demand.
    if let Some(peak) = peak {
        let peak_mb = size_kb / KB_PER_MB * peak.value;
        if peak_mb > NEW_STREAM_WRITE_MB_S {
            notes.warnings.push(Warning::OnDemandNewStream {
                peak_mb_per_second: (peak_mb * 100.0).round() / 100.0,
            });
        }
        if records.value > 0.0 && peak.value > 2.0 * records.value {
            notes.warnings.push(Warning::OnDemandBurst {
                ratio: peak.value / records.value,
            });
        }
    }
    let hot_key = w.hot_key_share.map(|share| {
        let rate = peak.unwrap_or(records).value;
        let mb = share * size_kb / KB_PER_MB * rate;
        let recs = share * rate;
        let fixable = mb < SHARD_INGRESS_MB_S && recs < SHARD_RECORDS_S;
        if !fixable {
            notes.warnings.push(Warning::HotKeyUnfixable {
                mb_per_second: (mb * 100.0).round() / 100.0,
                records_per_second: (recs * 100.0).round() / 100.0,
            });
        }
        HotKey {
            share,
            key_mb_per_second: mb,
            key_records_per_second: recs,
            fixable,
            busiest_shard_mb_per_second: None,
            busiest_shard_records_per_second: None,
        }
    });
    Ok(Body {
        bill,
        records_per_second: records.value,
        peak_per_second: peak.map(|p| p.value),
        shards: None,
        hot_key,
    })
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
