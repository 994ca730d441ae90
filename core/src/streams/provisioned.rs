//! Provisioned Data Streams, as the AWS Pricing Calculator's older form computes it (the form
//! behind the seed deck's figures): three shard needs, shard-hours and PUT payload units; plus
//! enhanced fan-out, retention, aggregation, peaks, headroom and a hot key, in the same style.

use crate::calc::trace::{NumFmt, Op, Term};
use crate::calc::Calc;
use crate::error::Error;
use crate::estimate::{Estimate, HotKey, Mode, Shards};
use crate::notes::{Assumption, Warning};
use crate::price::{PriceBook, PriceKey, RegionPrices};
use crate::schedule::Schedule;
use crate::streams::workload::{Form, StreamWorkload};
use crate::Options;

use super::{
    per_user_record, plain, rates, records_per_aggregate, retention_band, Bill, Body, Notes,
    HOURS_PER_MONTH, INCLUDED_RETENTION_HOURS, KB_PER_MB, LONG_TERM_AFTER_HOURS, PAYLOAD_UNIT_KB,
    SECONDS_PER_MONTH, SHARD_EGRESS_MB_S, SHARD_INGRESS_MB_S, SHARD_RECORDS_S,
};

pub use super::DEFAULT_REGION;
use crate::notes::{CapacityWarning, StreamAssumption, StreamWarning};

/// Estimates a provisioned stream in `region` (or the default region), with prices from `book`.
///
/// # Errors
/// As [`super::estimate`].
pub fn estimate(
    workload: &StreamWorkload,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<Estimate, Error> {
    super::estimate(workload, Mode::Provisioned, region, book, options)
}

/// Estimates a provisioned stream with one region's prices.
///
/// # Errors
/// As [`super::estimate_in`].
pub fn estimate_in(
    workload: &StreamWorkload,
    prices: &RegionPrices,
    options: Options,
) -> Result<Estimate, Error> {
    super::estimate_in(workload, Mode::Provisioned, prices, options)
}

pub(super) fn model<'p>(
    w: &StreamWorkload,
    prices: &'p RegionPrices,
    schedule: Option<Schedule>,
    c: &mut Calc,
    notes: &mut Notes,
) -> Result<Body<'p>, Error> {
    // Fail before any arithmetic when the region cannot price the basics.
    prices.get(PriceKey::KdsShardHour)?;
    prices.get(PriceKey::KdsPutPayloadUnit)?;
    let mut bill = Bill::new(prices);

    // Records per second, average and (when given) peak: shards are sized for the peak, usage is
    // billed on the average.
    let (records, peak) = rates(c, w, notes)?;
    // Aggregation packs user records into fewer, larger Kinesis records.
    let packed = match w.aggregate_kb {
        Some(kb) => Some(records_per_aggregate(c, kb, w.record_size.kb())?),
        None => None,
    };
    let need = match w.form {
        Form::Y2021 => shard_need(c, w, peak.unwrap_or(records), packed, notes)?,
        Form::Current => {
            notes
                .assumptions
                .push(Assumption::Stream(StreamAssumption::CurrentFormSizing {
                    buffer_percent: w.buffer_percent(),
                    default_buffer: w.buffer_percent.is_none(),
                }));
            current_shard_need(c, w, peak.unwrap_or(records), packed, notes)?
        }
    };
    let sized = need.shards.value;
    let shards = match w.shards {
        Some(n) => declared_shards(n, sized, notes),
        None => need.shards,
    };
    let shard_hours = match &schedule {
        None => shard_hours_line(c, &mut bill, shards)?,
        Some(s) => scheduled_shard_hours(c, &mut bill, s)?,
    };
    put_payload_units_line(c, &mut bill, w, packed, records, notes)?;
    // Data volume, on the average rate, for the lines billed per GB: records a month and GB per
    // record, as the calculator builds the enhanced fan-out line.
    let needs_volume = w.efo_consumers > 0 || w.retention.hours() > LONG_TERM_AFTER_HOURS;
    let volume = if needs_volume {
        Some(volume(c, &need, records)?)
    } else {
        None
    };
    if let (true, Some(v)) = (w.efo_consumers > 0, volume) {
        // On a schedule each consumer pays a consumer-shard-hour for every shard-hour.
        let per = match schedule {
            None => EfoBasis::Count(shards),
            Some(_) => EfoBasis::Hours(shard_hours),
        };
        efo_lines(c, &mut bill, w.efo_consumers, per, v)?;
    }
    retention_lines(c, &mut bill, w, shard_hours, volume, notes)?;
    let count = shards.value;
    if w.form == Form::Current && need.kinesis_records.value > count * SHARD_RECORDS_S {
        notes
            .warnings
            .push(Warning::Capacity(CapacityWarning::CurrentFormRecords {
                records_per_second: need.kinesis_records.value,
                // A whole number below MAX_MAGNITUDE, checked by round_up.
                shards: count as u64,
            }));
    }
    let hot_key = hot_key_report(&need, count);
    Ok(Body {
        bill,
        records_per_second: records.value,
        peak_per_second: peak.map(|p| p.value),
        shards: Some(shards_report(&need, count, w.shards.map(|_| sized))),
        hot_key,
    })
}

/// The shard needs and the count provisioned (and, with a declared count, the count sized).
fn shards_report(need: &ShardNeed, count: f64, sized: Option<f64>) -> Shards {
    Shards {
        ingress: need.ingress.value,
        egress: need.egress.value,
        records: need.records.map(|t| t.value),
        hot_key: need.hot.and_then(|h| h.need).map(|t| t.value),
        needed: need.needed.value,
        with_headroom: need.with_headroom,
        // Whole numbers below MAX_MAGNITUDE (1e18 < 2^64), checked by round_up.
        count: count as u64,
        sized: sized.map(|s| s as u64),
    }
}

/// The shard count a stream runs (`declared`) in place of the `sized` one its traffic needs,
/// with a warning when the traffic needs more.
fn declared_shards(declared: u64, sized: f64, notes: &mut Notes) -> Term {
    // At most 10,000 shards (checked by the workload): exact as a float.
    let n = declared as f64;
    if sized > n {
        notes
            .warnings
            .push(Warning::Capacity(CapacityWarning::ShardsBelowNeed {
                shards: declared,
                // A whole number below MAX_MAGNITUDE, checked by round_up.
                needed: sized as u64,
            }));
    }
    plain(n, "shards declared")
}

/// The hot key's shard with `count` shards: the key's own load plus an even share of the rest.
fn hot_key_report(need: &ShardNeed, count: f64) -> Option<HotKey> {
    need.hot.map(|h| {
        let mut report = h.report;
        if report.fixable {
            let share = report.share;
            let rest = (1.0 - share) / count;
            report.busiest_shard_mb_per_second =
                Some(report.key_mb_per_second + rest * h.mb_per_second);
            report.busiest_shard_records_per_second =
                Some(report.key_records_per_second + rest * need.kinesis_records.value);
        }
        report
    })
}

/// What sizing a provisioned stream worked out, for the lines and the shard table.
struct ShardNeed {
    /// The record size in MB.
    size_mb: Term,
    /// Kinesis records per second at the sizing rate (fewer with aggregation).
    kinesis_records: Term,
    ingress: Term,
    egress: Term,
    /// The records need (2021 form only).
    records: Option<Term>,
    hot: Option<HotKeyNeed>,
    /// The largest need.
    needed: Term,
    /// The need over the target utilization when it is under 100% (2021 form), or times the
    /// buffer (current form).
    with_headroom: Option<f64>,
    /// Shards provisioned.
    shards: Term,
}

/// The three shard needs (and the hot key's), the largest, headroom, and the shard count.
fn shard_need(
    c: &mut Calc,
    w: &StreamWorkload,
    sizing: Term,
    packed: Option<Term>,
    notes: &mut Notes,
) -> Result<ShardNeed, Error> {
    let (size_mb, ingress_rate, ingress, egress) = throughput_needs(c, w, sizing)?;
    // With aggregation the records need counts Kinesis records, not user records.
    let kinesis_records = kinesis_records(c, sizing, packed)?;
    // The records need is kept at 3 decimals but written with 2 on its own line once it reaches 1.
    let records_raw = kinesis_records.value / SHARD_RECORDS_S;
    let records_shown = c.shown(if records_raw < 1.0 { 3 } else { 2 });
    let records = c.chain_shown(
        "records_need",
        kinesis_records,
        &[(
            Op::Div,
            plain(SHARD_RECORDS_S, "factor for records per shard"),
        )],
        3,
        records_shown,
        "shards needed for records",
    )?;
    let records_inside = c.term(records.value, 3, "shards needed for records");
    let hot = match w.hot_key_share {
        Some(share) => Some(hot_key_need(
            c,
            share,
            ingress_rate,
            kinesis_records,
            w.consumers(),
            notes,
        )?),
        None => None,
    };
    let hot_need = hot.and_then(|h| h.need);
    let (needed, largest) = largest_need(
        c,
        [ingress, egress, records_inside],
        records_shown,
        hot_need,
    );
    let (shards, with_headroom) = shard_count(c, w.target_utilization, needed, largest)?;
    Ok(ShardNeed {
        size_mb,
        kinesis_records,
        ingress,
        egress,
        records: Some(records),
        hot,
        needed,
        with_headroom,
        shards,
    })
}

/// The current form's sizing: ingress and reads (shared and enhanced fan-out consumers alike)
/// each in whole shards at the sizing rate, the larger times `1 + buffer / 100`, rounded up. No
/// records term.
fn current_shard_need(
    c: &mut Calc,
    w: &StreamWorkload,
    sizing: Term,
    packed: Option<Term>,
    notes: &mut Notes,
) -> Result<ShardNeed, Error> {
    let size = Term::new(w.record_size.kb(), NumFmt::Input, "KB");
    let size_mb = record_size_mb(c, w)?;
    let ingress_kb = c.chain(
        "ingress_kb_per_second",
        size,
        &[(Op::Mul, sizing)],
        2,
        "KB/sec (Data ingress rate)",
    )?;
    let ingress = whole_shards(
        c,
        ("ingress_need", "ingress_shards"),
        ingress_kb,
        None,
        plain(KB_PER_MB, "KB per second per shard ingress capacity"),
        "shards needed for ingress",
    )?;
    let readers = Term::new(
        f64::from(w.consumers()) + f64::from(w.efo_consumers),
        NumFmt::Input,
        "consumers (shared and enhanced fan-out)",
    );
    let egress = whole_shards(
        c,
        ("egress_need", "egress_shards"),
        ingress_kb,
        Some(readers),
        plain(2.0 * KB_PER_MB, "KB per second per shard egress capacity"),
        "shards needed for egress",
    )?;
    let (kinesis_records, hot) = current_hot_key(c, w, (sizing, packed), ingress_kb, notes)?;
    let hot_need = match hot.and_then(|h| h.need) {
        Some(t) => Some(c.round_up("hot_key_shards", t, "shards needed for the hot key")?),
        None => None,
    };
    let needs = [ingress, egress, hot_need.unwrap_or(ingress)];
    let used = if hot_need.is_some() { 3 } else { 2 };
    let of = needs.get(..used).unwrap_or(&needs);
    let shown: Vec<NumFmt> = of.iter().map(|t| t.fmt).collect();
    let (_, needed) = c.max("shards_needed", of, &shown, "Number of shards");
    let (with_buffer, shards) = buffered(c, needed, w.buffer_percent())?;
    Ok(ShardNeed {
        size_mb,
        kinesis_records,
        ingress,
        egress,
        records: None,
        hot,
        needed,
        with_headroom: Some(with_buffer.value),
        shards: c.at_least("shard_minimum", plain(1.0, ""), shards),
    })
}

/// The current form's buffer: `need x (1 + buffer / 100)`, rounded up.
fn buffered(c: &mut Calc, needed: Term, buffer: f64) -> Result<(Term, Term), Error> {
    let with_buffer = c.chain(
        "shards_with_buffer",
        needed,
        &[(
            Op::Mul,
            Term::new(
                1.0 + buffer / 100.0,
                NumFmt::Plain,
                "buffer factor (1 + buffer percent / 100)",
            ),
        )],
        2,
        "shards needed with buffer",
    )?;
    let shards = c.round_up("shard_count", with_buffer, "shards")?;
    Ok((with_buffer, shards))
}

/// The Kinesis records written (fewer with aggregation, for the warning about the records
/// limit) and, in the current form, the hot key's need (none without a hot key, and then no
/// steps of the stream's MB/s).
fn current_hot_key(
    c: &mut Calc,
    w: &StreamWorkload,
    (sizing, packed): (Term, Option<Term>),
    ingress_kb: Term,
    notes: &mut Notes,
) -> Result<(Term, Option<HotKeyNeed>), Error> {
    let Some(share) = w.hot_key_share else {
        return Ok((kinesis_records(c, sizing, packed)?, None));
    };
    let rate = c.chain(
        "ingress_rate",
        ingress_kb,
        &[(Op::Div, plain(KB_PER_MB, "KB per MB"))],
        2,
        "MB/sec (Data ingress rate)",
    )?;
    let records = kinesis_records(c, sizing, packed)?;
    let hot = hot_key_need(c, share, rate, records, w.consumers(), notes)?;
    Ok((records, Some(hot)))
}

/// `RoundUp (KB/sec [x readers] / capacity)`: a need in whole shards, as the current form counts
/// it.
fn whole_shards(
    c: &mut Calc,
    (need_id, shards_id): (&'static str, &'static str),
    kb_per_second: Term,
    readers: Option<Term>,
    capacity: Term,
    unit: &'static str,
) -> Result<Term, Error> {
    let need = match readers {
        Some(n) => c.chain(
            need_id,
            kb_per_second,
            &[(Op::Mul, n), (Op::Div, capacity)],
            2,
            unit,
        )?,
        None => c.chain(need_id, kb_per_second, &[(Op::Div, capacity)], 2, unit)?,
    };
    c.round_up(shards_id, need, unit)
}

/// The largest of the ingress, egress and records needs (and the hot key's, when there is one),
/// and the figure the shard count rounds up: the records need at its 3 decimals when it is the
/// largest, else the largest at 2.
fn largest_need(
    c: &mut Calc,
    [ingress, egress, records]: [Term; 3],
    records_shown: NumFmt,
    hot: Option<Term>,
) -> (Term, Term) {
    // A fixed array keeps bulk runs allocation-free.
    let needs = [ingress, egress, records, hot.unwrap_or(records)];
    let shown = [
        ingress.fmt,
        egress.fmt,
        records_shown,
        hot.map_or(records_shown, |t| t.fmt),
    ];
    let used = if hot.is_some() { 4 } else { 3 };
    let (winner, needed) = c.max(
        "shards_needed",
        needs.get(..used).unwrap_or(&needs),
        shown.get(..used).unwrap_or(&shown),
        "Number of shards",
    );
    let largest = match winner {
        2 => records,
        _ => c.term(needed.value, 2, ""),
    };
    (needed, largest)
}

/// Kinesis records per second: the user records, or with aggregation the records they pack into.
fn kinesis_records(c: &mut Calc, sizing: Term, packed: Option<Term>) -> Result<Term, Error> {
    match packed {
        Some(n) => c.chain(
            "kinesis_records_per_second",
            sizing,
            &[(Op::Div, n)],
            2,
            "Kinesis records per sec",
        ),
        None => Ok(sizing),
    }
}

/// `KB / 1024 = MB (Record size)`, at 8 decimals.
fn record_size_mb(c: &mut Calc, w: &StreamWorkload) -> Result<Term, Error> {
    c.chain(
        "record_size_mb",
        Term::new(w.record_size.kb(), NumFmt::Input, "KB"),
        &[(Op::Div, plain(KB_PER_MB, "KB to MB conversion factor"))],
        8,
        "MB (Record size)",
    )
}

/// The record size in MB, the ingress rate, and the ingress and egress needs.
fn throughput_needs(
    c: &mut Calc,
    w: &StreamWorkload,
    sizing: Term,
) -> Result<(Term, Term, Term, Term), Error> {
    let size_mb = record_size_mb(c, w)?;
    let ingress_rate = c.chain(
        "ingress_rate",
        c.term(size_mb.value, 8, "MB"),
        &[(Op::Mul, sizing)],
        2,
        "MB/sec (Data ingress rate)",
    )?;
    let ingress = c.chain(
        "ingress_need",
        ingress_rate,
        &[(
            Op::Div,
            plain(
                SHARD_INGRESS_MB_S,
                "MB per second per shard ingress capacity",
            ),
        )],
        2,
        "shards needed for ingress",
    )?;
    let egress_rate = c.chain(
        "egress_rate",
        ingress_rate,
        &[(
            Op::Mul,
            Term::new(
                f64::from(w.consumers()),
                NumFmt::Input,
                "consumer applications",
            ),
        )],
        2,
        "MB/sec (Data egress rate)",
    )?;
    let egress = c.chain(
        "egress_need",
        c.term(egress_rate.value, 2, "MB/sec"),
        &[(
            Op::Div,
            plain(SHARD_EGRESS_MB_S, "MB per second per shard egress capacity"),
        )],
        2,
        "shards needed for egress",
    )?;
    Ok((size_mb, ingress_rate, ingress, egress))
}

/// The shard count: the largest need (over the target utilization when it is under 100%),
/// rounded up, at least 1; and the need with headroom, when there is some.
fn shard_count(
    c: &mut Calc,
    target_utilization: f64,
    needed: Term,
    largest: Term,
) -> Result<(Term, Option<f64>), Error> {
    let mut round_up_of = largest;
    let with_headroom = if target_utilization < 100.0 {
        let headroom = c.chain(
            "shards_with_headroom",
            c.term(needed.value, 2, "Number of shards"),
            &[(Op::Div, crate::units::utilization(target_utilization))],
            2,
            "shards needed with headroom",
        )?;
        round_up_of = headroom;
        Some(headroom.value)
    } else {
        None
    };
    let shards = c.round_up("shard_count", round_up_of, "shards")?;
    Ok((
        c.at_least("shard_minimum", plain(1.0, ""), shards),
        with_headroom,
    ))
}

/// A scheduled stream's shard-hours: `shard-hours a day x 730 / 24`.
pub(crate) fn scheduled_shard_hours(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    schedule: &Schedule,
) -> Result<Term, Error> {
    let day = Term::new(
        schedule.shard_hours_per_day as f64,
        NumFmt::Input,
        "shard-hours a day on the schedule",
    );
    let shard_hours = c.chain(
        "shard_hours",
        day,
        &[
            (Op::Mul, plain(HOURS_PER_MONTH, "hours in a month")),
            (Op::Div, plain(24.0, "hours in a day")),
        ],
        2,
        "Shard hours per month",
    )?;
    bill_shard_hours(c, bill, shard_hours)?;
    Ok(shard_hours)
}

/// What enhanced fan-out consumers pay consumer-shard-hours on: a fixed count, or a schedule's
/// shard-hours.
#[derive(Clone, Copy)]
enum EfoBasis {
    Count(Term),
    Hours(Term),
}

/// Shard hours: shards x 730 hours.
pub(crate) fn shard_hours_line(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    shards: Term,
) -> Result<Term, Error> {
    let shard_hours = c.chain(
        "shard_hours",
        shards,
        &[(Op::Mul, plain(HOURS_PER_MONTH, "hours in a month"))],
        2,
        "Shard hours per month",
    )?;
    bill_shard_hours(c, bill, shard_hours)?;
    Ok(shard_hours)
}

/// The shard-hours line of `shard_hours` a month.
fn bill_shard_hours(c: &mut Calc, bill: &mut Bill<'_>, shard_hours: Term) -> Result<(), Error> {
    bill.add(
        c,
        "shard_hours_cost",
        "shard_hours",
        "Shard hours",
        shard_hours,
        PriceKey::KdsShardHour,
        "Shard hours per month cost",
    )?;
    Ok(())
}

/// PUT payload units, on the average rate: every record is billed in whole 25 KB units.
fn put_payload_units_line(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &StreamWorkload,
    packed: Option<Term>,
    records: Term,
    notes: &mut Notes,
) -> Result<(), Error> {
    let units_per_record = match packed {
        None => units_per_record(c, w.record_size.kb(), notes)?,
        Some(n) => units_per_user_record(c, w.record_size.kb(), n)?,
    };
    let units_per_month = c.chain(
        "put_payload_units_per_month",
        units_per_record,
        &[
            (Op::Mul, records),
            (Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month")),
        ],
        2,
        "PUT Payload Units per month",
    )?;
    bill.add(
        c,
        "put_payload_units_cost",
        "put_payload_units",
        "PUT payload units",
        c.term(units_per_month.value, 2, "PUT Payload Units"),
        PriceKey::KdsPutPayloadUnit,
        "PUT Payload Units per month cost",
    )?;
    Ok(())
}

/// Whole 25 KB units per record, at least one (the calculator's rounded fraction can show 0).
fn units_per_record(c: &mut Calc, size_kb: f64, notes: &mut Notes) -> Result<Term, Error> {
    let fraction = c.chain(
        "put_payload_unit_fraction",
        Term::new(size_kb, NumFmt::Input, "KB"),
        &[(Op::Div, plain(PAYLOAD_UNIT_KB, "Payload Unit factor"))],
        2,
        "PUT Payload Units fraction",
    )?;
    let units = c.round_up(
        "put_payload_units_per_record",
        c.term(fraction.value, 2, ""),
        "PUT Payload Units",
    )?;
    if units.value < 1.0 {
        notes
            .warnings
            .push(Warning::Stream(StreamWarning::PayloadUnitFloor { size_kb }));
    }
    Ok(c.at_least("put_payload_units_minimum", plain(1.0, ""), units))
}

/// With aggregation: whole units per Kinesis record, shared by the user records it packs.
fn units_per_user_record(c: &mut Calc, size_kb: f64, packed: Term) -> Result<Term, Error> {
    let fraction = c.chain(
        "put_payload_unit_fraction",
        packed,
        &[
            (Op::Mul, Term::new(size_kb, NumFmt::Input, "KB")),
            (Op::Div, plain(PAYLOAD_UNIT_KB, "Payload Unit factor")),
        ],
        2,
        "PUT Payload Units fraction per Kinesis record",
    )?;
    let units = c.round_up(
        "put_payload_units_per_kinesis_record",
        c.term(fraction.value, 2, ""),
        "PUT Payload Units per Kinesis record",
    )?;
    let units = c.at_least("put_payload_units_minimum", plain(1.0, ""), units);
    per_user_record(
        c,
        "put_payload_units_per_record",
        units,
        packed,
        "PUT Payload Units per user record",
    )
}

/// What a month of writes holds, on the average rate: records a month and GB per record (8
/// decimals), the two steps the calculator's enhanced fan-out line is built from.
#[derive(Clone, Copy)]
struct Volume {
    records_per_month: Term,
    gb_per_record: Term,
}

fn volume(c: &mut Calc, need: &ShardNeed, records: Term) -> Result<Volume, Error> {
    let records_per_month = c.chain(
        "records_per_month",
        records,
        &[(Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month"))],
        2,
        "Number of records per month",
    )?;
    let gb_per_record = c.chain(
        "record_size_gb",
        c.term(need.size_mb.value, 8, "MB"),
        &[(Op::Div, plain(KB_PER_MB, "MB to GB conversion factor"))],
        8,
        "GB (Record size)",
    )?;
    Ok(Volume {
        records_per_month,
        gb_per_record,
    })
}

/// `records per month x GB per record [x more] = unit`, at 2 decimals.
fn gb_of(
    c: &mut Calc,
    id: &'static str,
    v: Volume,
    more: Option<Term>,
    unit: &'static str,
) -> Result<Term, Error> {
    let month = c.term(v.records_per_month.value, 2, "records per month");
    let size = c.term(v.gb_per_record.value, 8, "GB");
    match more {
        Some(n) => c.chain(id, month, &[(Op::Mul, size), (Op::Mul, n)], 2, unit),
        None => c.chain(id, month, &[(Op::Mul, size)], 2, unit),
    }
}

/// The enhanced fan-out consumer-shard-hours line: `consumers` times the shard-hours `per`
/// gives (shards x hours in a month, or the hours of a schedule or of metered traffic). Returns
/// the consumers as a term, for the per-GB line.
pub(crate) fn efo_consumer_shard_hours_line(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    consumers: u32,
    per: &[(Op, Term)],
) -> Result<Term, Error> {
    let efo = Term::new(
        f64::from(consumers),
        NumFmt::Input,
        "enhanced fan-out consumers",
    );
    let consumer_shard_hours = c.chain(
        "efo_consumer_shard_hours",
        efo,
        per,
        2,
        "Consumer-shard hours per month",
    )?;
    bill.add(
        c,
        "efo_consumer_shard_hours_cost",
        "efo_consumer_shard_hours",
        "Enhanced fan-out consumer-shard hours",
        consumer_shard_hours,
        PriceKey::KdsEfoConsumerShardHour,
        "Enhanced fan-out consumer-shard hours cost",
    )?;
    Ok(efo)
}

/// Enhanced fan-out: a consumer-shard-hour per consumer per shard, and every GB each reads.
fn efo_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    consumers: u32,
    shards: EfoBasis,
    volume: Volume,
) -> Result<(), Error> {
    let month = plain(HOURS_PER_MONTH, "hours in a month");
    let per: &[(Op, Term)] = match &shards {
        EfoBasis::Count(n) => &[(Op::Mul, *n), (Op::Mul, month)],
        EfoBasis::Hours(h) => &[(Op::Mul, *h)],
    };
    let efo = efo_consumer_shard_hours_line(c, bill, consumers, per)?;
    let retrieved = gb_of(
        c,
        "efo_data_retrieved",
        volume,
        Some(efo),
        "GB enhanced fan-out data retrievals per month",
    )?;
    bill.add(
        c,
        "efo_data_retrievals_cost",
        "efo_data_retrievals",
        "Enhanced fan-out data retrievals",
        retrieved,
        PriceKey::KdsEfoRetrievalGb,
        "Enhanced fan-out data retrievals cost",
    )?;
    Ok(())
}

/// Retention: every shard-hour pays the extended rate while retention is over 24 hours; data
/// older than 7 days is billed per GB-month on top, and reading it per GB.
fn retention_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &StreamWorkload,
    shard_hours: Term,
    volume: Option<Volume>,
    notes: &mut Notes,
) -> Result<(), Error> {
    let retention = w.retention.hours();
    if retention > INCLUDED_RETENTION_HOURS {
        bill.add(
            c,
            "extended_retention_cost",
            "extended_retention",
            "Extended data retention",
            c.term(shard_hours.value, 2, "Shard hours per month"),
            PriceKey::KdsExtendedRetentionShardHour,
            "Extended data retention cost",
        )?;
    }
    if let (true, Some(v)) = (retention > LONG_TERM_AFTER_HOURS, volume) {
        let gb = gb_of(
            c,
            "data_gb_per_month",
            v,
            None,
            "GB per month (data written)",
        )?;
        long_term_retention_line(c, bill, retention, gb)?;
    }
    if w.long_term_reads_gb > 0.0 {
        if retention <= LONG_TERM_AFTER_HOURS {
            notes
                .warnings
                .push(Warning::Stream(StreamWarning::ReadsWithoutLongTermData {
                    retention_hours: retention,
                }));
        }
        bill.add(
            c,
            "long_term_retrieval_cost",
            "long_term_retrieval",
            "Long-term retention retrieval",
            Term::new(
                w.long_term_reads_gb,
                NumFmt::Input,
                "GB read from long-term retention",
            ),
            PriceKey::KdsLongTermRetrievalGb,
            "Long-term retention retrieval cost",
        )?;
    }
    Ok(())
}

/// Long-term retention: GB written an hour x the hours kept beyond 7 days, as GB-months.
pub(crate) fn long_term_retention_line(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    retention: f64,
    gb: Term,
) -> Result<(), Error> {
    let per_hour = c.chain(
        "data_gb_per_hour",
        c.term(gb.value, 2, "GB per month"),
        &[(Op::Div, plain(HOURS_PER_MONTH, "hours in a month"))],
        2,
        "GB per hour",
    )?;
    let held = c.chain(
        "long_term_gb_months",
        per_hour,
        &[(
            Op::Mul,
            plain(
                retention_band(retention, LONG_TERM_AFTER_HOURS, f64::INFINITY),
                "hours kept beyond 7 days",
            ),
        )],
        2,
        "GB-months of long-term retention",
    )?;
    bill.add(
        c,
        "long_term_retention_cost",
        "long_term_retention",
        "Long-term data retention",
        held,
        PriceKey::KdsLongTermRetentionGbMonth,
        "Long-term data retention cost",
    )?;
    Ok(())
}

#[derive(Clone, Copy)]
struct HotKeyNeed {
    need: Option<Term>,
    report: HotKey,
    /// MB/s the whole stream writes, whose even share the key's shard also carries.
    mb_per_second: f64,
}

/// The shards needed so that the shard holding the busiest key, which also carries its even share
/// of all other traffic, stays under 1 MB/s and 1,000 records/s:
/// `rest share x total / (capacity - key's load)`. `None` when the key alone is over a limit.
fn hot_key_need(
    c: &mut Calc,
    share: f64,
    ingress_rate: Term,
    records: Term,
    consumers: u32,
    notes: &mut Notes,
) -> Result<HotKeyNeed, Error> {
    let share_term = Term::new(share, NumFmt::Fixed(2), "hot-key share");
    let key_mb = c.chain(
        "hot_key_mb_per_second",
        share_term,
        &[(Op::Mul, ingress_rate)],
        2,
        "MB/sec on the hot key's shard",
    )?;
    let key_records = c.chain(
        "hot_key_records_per_second",
        share_term,
        &[(Op::Mul, records)],
        2,
        "records per sec on the hot key's shard",
    )?;
    let mut report = HotKey {
        share,
        key_mb_per_second: key_mb.value,
        key_records_per_second: key_records.value,
        fixable: false,
        busiest_shard_mb_per_second: None,
        busiest_shard_records_per_second: None,
    };
    if key_mb.value >= SHARD_INGRESS_MB_S || key_records.value >= SHARD_RECORDS_S {
        notes
            .warnings
            .push(Warning::Capacity(CapacityWarning::HotKeyUnfixable {
                mb_per_second: key_mb.value,
                records_per_second: key_records.value,
            }));
        return Ok(HotKeyNeed {
            need: None,
            report,
            mb_per_second: ingress_rate.value,
        });
    }
    if key_mb.value * f64::from(consumers) > SHARD_EGRESS_MB_S {
        notes
            .warnings
            .push(Warning::Capacity(CapacityWarning::HotKeyReads {
                mb_per_second: key_mb.value,
                consumers,
            }));
    }
    report.fixable = true;
    Ok(HotKeyNeed {
        need: Some(hot_key_spread(
            c,
            share_term,
            ingress_rate,
            records,
            key_mb,
            key_records,
        )?),
        report,
        mb_per_second: ingress_rate.value,
    })
}

/// The shards that spread the other keys thinly enough to leave the hot key's shard under its
/// write limits: the larger of what the data and what the records need.
fn hot_key_spread(
    c: &mut Calc,
    share_term: Term,
    ingress_rate: Term,
    records: Term,
    key_mb: Term,
    key_records: Term,
) -> Result<Term, Error> {
    let rest = c.chain(
        "hot_key_rest_share",
        plain(1.0, ""),
        &[(Op::Sub, share_term)],
        2,
        "share of the other keys",
    )?;
    let mb_left = c.chain(
        "hot_key_mb_left",
        plain(
            SHARD_INGRESS_MB_S,
            "MB per second per shard ingress capacity",
        ),
        &[(Op::Sub, key_mb)],
        2,
        "MB/sec left on the hot key's shard",
    )?;
    let by_mb = c.chain(
        "hot_key_need_mb",
        rest,
        &[
            (Op::Mul, c.term(ingress_rate.value, 2, "MB/sec")),
            (Op::Div, mb_left),
        ],
        2,
        "shards needed for the hot key's shard (data)",
    )?;
    let records_left = c.chain(
        "hot_key_records_left",
        plain(SHARD_RECORDS_S, "records per second per shard"),
        &[(Op::Sub, key_records)],
        2,
        "records per sec left on the hot key's shard",
    )?;
    let by_records = c.chain(
        "hot_key_need_records",
        rest,
        &[
            (Op::Mul, c.term(records.value, 2, "records per sec")),
            (Op::Div, records_left),
        ],
        2,
        "shards needed for the hot key's shard (records)",
    )?;
    let (_, need) = c.max(
        "hot_key_need",
        &[by_mb, by_records],
        &[by_mb.fmt, by_records.fmt],
        "shards needed for the hot key",
    );
    Ok(need)
}
