//! Each capacity mode's cost for a 730-hour month at the traffic the metrics show: the usage of
//! the hours with data, scaled by `730 / hours`, priced through the same lines as an estimate.
//! Provisioned holds one shard count all month, sized for the busiest period; on-demand and
//! Advantage bill the metered bytes.

use arcstr::ArcStr;
use serde::Serialize;

use super::needs::daily_needs;
use super::{TrafficSeries, TrafficSummary};
use crate::bill::{Bill, Notes};
use crate::calc::fixed;
use crate::calc::money::Money;
use crate::calc::trace::{NumFmt, Op, Step, Term};
use crate::calc::{Calc, Options};
use crate::error::Error;
use crate::estimate::{DiscountLine, Line, Mode};
use crate::notes::{Assumption, Warning};
use crate::notes::{TrafficAssumption, TrafficWarning};
use crate::price::{PriceBook, PriceKey, RegionPrices};
use crate::schedule::{cheapest, Schedule};
use crate::streams::on_demand::{self, Metered};
use crate::streams::provisioned::{
    efo_consumer_shard_hours_line, long_term_retention_line, scheduled_shard_hours,
    shard_hours_line,
};
use crate::streams::workload::{Form, Retention};
use crate::units::{plain, HOURS_PER_MONTH, KB_PER_GB};

/// Bytes in a GB (GiB, as Kinesis bills).
const BYTES_PER_GB: f64 = 1_073_741_824.0;

/// What pricing the metrics needs beyond them.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Percent of shard capacity to plan the peak for.
    pub target_utilization: f64,
    /// Enhanced fan-out consumers, when the metrics do not name them.
    pub efo_consumers: Option<u32>,
    /// How long the stream keeps records.
    pub retention: Retention,
    /// The shards the stream runs today, to compare with.
    pub shards: Option<u64>,
    /// The stream's name, to say in the output (the metrics files do not carry it).
    pub stream: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            target_utilization: 100.0,
            efo_consumers: None,
            retention: Retention::DEFAULT,
            shards: None,
            stream: None,
        }
    }
}

/// One mode's month at the observed traffic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModeCost {
    /// `provisioned`, `on-demand`, `advantage`, or `current` (the shards run today).
    pub mode: &'static str,
    /// Shards held all month (provisioned).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shards: Option<u64>,
    /// The daily shard schedule (provisioned, scheduled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// The cost lines.
    pub lines: Vec<Line>,
    /// The monthly total.
    pub monthly_usd: Money,
    /// The discount, when one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<DiscountLine>,
    /// Every step, when traced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// Every mode's month at the traffic of a stream's metrics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrafficEstimate {
    /// The stream's name, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream: Option<String>,
    /// The region code.
    pub region: ArcStr,
    /// The region's name.
    pub region_name: ArcStr,
    /// The period covered and what the traffic was.
    #[serde(flatten)]
    pub summary: TrafficSummary,
    /// Each mode the region can price, cheapest marked by [`TrafficEstimate::cheapest`].
    pub estimates: Vec<ModeCost>,
    /// The cheapest mode.
    pub cheapest: &'static str,
    /// The shards the stream runs today, priced, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<ModeCost>,
    /// What the cheapest mode saves against today's shards, a month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saving_usd: Option<Money>,
    /// What the estimate assumed.
    pub assumptions: Vec<Assumption>,
    /// What the user should know.
    pub warnings: Vec<Warning>,
    /// Hours of the day with no data, held at the peak's count in a schedule.
    pub hours_of_day_without_data: usize,
    /// How the observed figures came from the points, when traced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// Prices a month of `traffic` in every mode `region` can price.
///
/// ```
/// use kcost_core::metrics::{parse, price, Settings, TrafficSeries};
/// use kcost_core::{testing, Options};
/// let stats = |label: &str, a: u64, b: u64| format!(
///     r#"{{"Label": "{label}", "Datapoints": [
///         {{"Timestamp": "2026-11-20T10:00:00Z", "Sum": {a}}},
///         {{"Timestamp": "2026-11-20T11:00:00Z", "Sum": {b}}}]}}"#);
/// // Two hours of 1 KB records: 360,000 and 720,000 of them (100 and 200 records/s).
/// let mut all = parse(&stats("IncomingRecords", 360_000, 720_000), "r.json")?;
/// all.extend(parse(&stats("IncomingBytes", 368_640_000, 737_280_000), "b.json")?);
/// let traffic = TrafficSeries::assemble(all)?;
/// let e = price(&traffic, Settings::default(), Some("us-east-1"), &testing::deck_book(), Options::default())?;
/// // The busier hour needs 200 KB/s: 1 shard, 730 shard-hours (10.95) plus PUT units.
/// assert_eq!(e.estimates[0].shards, Some(1));
/// assert_eq!(e.estimates[0].lines[0].monthly_usd.to_string(), "10.95");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// An unknown region, a region without provisioned prices, a series that covers no time, or
/// figures too large to price.
pub fn price(
    traffic: &TrafficSeries,
    settings: Settings,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<TrafficEstimate, Error> {
    let (prices, assumed) = crate::bill::region_or_default(book, region)?;
    check(traffic, &settings)?;
    let summary = traffic.summary(settings.target_utilization);
    let sums = Sums::of(traffic);
    let mut notes = Notes::default();
    notes.assumptions.extend(assumed);
    let month = TrafficAssumption::MonthFromMetrics {
        hours: traffic.hours(),
        data_in_gb: (
            sums.bytes_in / BYTES_PER_GB * sums.scale,
            (sums.bytes_in / 1024.0 + sums.records) / KB_PER_GB * sums.scale,
        ),
    };
    notes.assumptions.push(month.into());
    let efo = settings
        .efo_consumers
        .unwrap_or(u32::try_from(summary.efo_consumers.len()).unwrap_or(u32::MAX));
    let each = Pricing {
        prices,
        sums: &sums,
        efo,
        retention: settings.retention.hours(),
        options,
    };
    let estimates = each.every_mode(traffic, &summary, settings.target_utilization, &mut notes)?;
    let cheapest = estimates
        .iter()
        .min_by_key(|e| e.monthly_usd)
        .map_or("provisioned", |e| e.mode);
    let current = match settings.shards {
        Some(n) => Some(each.provisioned("current", n, &mut notes)?),
        None => None,
    };
    let saving_usd = current.as_ref().and_then(|now| {
        let best = estimates.iter().map(|e| e.monthly_usd).min()?;
        Some(Money::from_cents(now.monthly_usd.cents() - best.cents()))
    });
    notes.warnings.extend(risks(traffic, &summary));
    notes.warnings.extend(crate::bill::old_prices(
        estimates.iter().map(|e| (&*prices.code, &e.lines[..])),
        options.price_age,
    ));
    Ok(TrafficEstimate {
        stream: settings.stream.clone(),
        region: prices.code.clone(),
        region_name: prices.name.clone(),
        summary,
        estimates,
        cheapest,
        current,
        saving_usd,
        assumptions: dedup(notes.assumptions),
        warnings: dedup(notes.warnings),
        hours_of_day_without_data: super::needs::hours_without_data(traffic),
        steps: if options.trace {
            observed_steps(traffic, &sums, settings.target_utilization)?
        } else {
            Vec::new()
        },
    })
}

/// Refuses a target utilization outside (0, 100] and a series that covers no time: a month is
/// projected from the hours the series covers (TrafficSeries::assemble never gives one without
/// points; a series built by hand may).
fn check(traffic: &TrafficSeries, settings: &Settings) -> Result<(), Error> {
    let utilization = settings.target_utilization;
    if !(utilization > 0.0 && utilization <= 100.0) {
        return Err(Error::Input(crate::error::InputError::Utilization {
            text: utilization.to_string(),
        }));
    }
    if traffic.hours() <= 0.0 {
        return Err(Error::NoTraffic {
            points: traffic.points.len(),
            period_s: traffic.period_s,
        });
    }
    Ok(())
}

/// How the observed figures came from the points: the means from the totals, the peaks from the
/// busiest period, the record size, and the shards the peak needs.
fn observed_steps(
    traffic: &TrafficSeries,
    sums: &Sums,
    target_utilization: f64,
) -> Result<Vec<Step>, Error> {
    let mut c = Calc::new(crate::calc::Rounding::Calculator, true).in_form(Form::Current);
    let seconds = c.chain(
        "seconds_with_data",
        Term::new(
            traffic.points.len() as f64,
            NumFmt::Input,
            "periods with data",
        ),
        &[(
            Op::Mul,
            Term::new(traffic.period_s as f64, NumFmt::Input, "seconds a period"),
        )],
        0,
        "seconds with data",
    )?;
    c.chain(
        "mean_records_per_second",
        Term::new(sums.records, NumFmt::Fixed(0), "records in the metrics"),
        &[(Op::Div, seconds)],
        2,
        "records per sec (mean)",
    )?;
    if let Some(busiest) = traffic
        .points
        .iter()
        .max_by(|a, b| a.records_in.total_cmp(&b.records_in))
    {
        c.chain(
            "peak_records_per_second",
            Term::new(
                busiest.records_in,
                NumFmt::Fixed(0),
                "records in the busiest period",
            ),
            &[(
                Op::Div,
                Term::new(traffic.period_s as f64, NumFmt::Input, "seconds a period"),
            )],
            2,
            "records per sec (peak)",
        )?;
    }
    if sums.records > 0.0 {
        c.chain(
            "record_kb",
            Term::new(sums.bytes_in, NumFmt::Fixed(0), "bytes in the metrics"),
            &[
                (
                    Op::Div,
                    Term::new(sums.records, NumFmt::Fixed(0), "records"),
                ),
                (Op::Div, plain(1024.0, "bytes per KB")),
            ],
            2,
            "KB (mean record size)",
        )?;
    }
    let need = traffic.observed(target_utilization).peak_shard_need;
    let with = c.chain(
        "shards_for_peak",
        Term::new(need, NumFmt::Fixed(2), "shards the busiest period needs"),
        &[(Op::Div, crate::units::utilization(target_utilization))],
        2,
        "shards needed",
    )?;
    c.round_up("shard_count", with, "shards")?;
    Ok(c.into_steps())
}

/// What the metrics show could go wrong: a burst past on-demand's limit, a hot shard, throttling.
fn risks(traffic: &TrafficSeries, summary: &TrafficSummary) -> Vec<Warning> {
    let mut out: Vec<Warning> = burst(traffic).into_iter().collect();
    if let Some(hot) = summary
        .busiest_shard
        .as_ref()
        .filter(|s| s.mb_per_second > 1.0 || s.records_per_second > 1000.0)
    {
        out.push(Warning::Traffic(TrafficWarning::HotShard {
            shard: hot.shard.clone(),
            at: hot.at.clone(),
            mb_per_second: hot.mb_per_second,
            records_per_second: hot.records_per_second,
        }));
    }
    if summary.observed.throttled > 0.0 {
        out.push(Warning::Traffic(TrafficWarning::Throttled {
            count: summary.observed.throttled,
        }));
    }
    out
}

/// The first write rate, after a first day of data, more than twice the highest before it.
fn burst(traffic: &TrafficSeries) -> Option<Warning> {
    let first = traffic.points.first()?.t;
    let mut highest: f64 = 0.0;
    for p in &traffic.points {
        if p.t >= first + 86_400 && highest > 0.0 && p.bytes_in > 2.0 * highest {
            return Some(Warning::Traffic(TrafficWarning::MetricsBurst {
                at: super::time_text(p.t),
                ratio: p.bytes_in / highest,
            }));
        }
        highest = highest.max(p.bytes_in);
    }
    None
}

fn dedup<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The metered totals of the hours with data, and the month's scale `730 / hours`.
struct Sums {
    scale: f64,
    hours: f64,
    records: f64,
    bytes_in: f64,
    /// KB billed on-demand: each period's records x its mean record size rounded up to 1 KB.
    billed_kb: f64,
    /// PUT payload units: each period's records x its mean record size in whole 25 KB units.
    put_units: f64,
    bytes_out: Option<f64>,
    efo_bytes: Option<f64>,
}

impl Sums {
    fn of(t: &TrafficSeries) -> Sums {
        let whole = |x: f64| fixed::round(x, 9).unwrap_or(x).ceil();
        let mut s = Sums {
            hours: t.hours(),
            // `price` refuses a series that covers no time.
            scale: HOURS_PER_MONTH / t.hours(),
            records: 0.0,
            bytes_in: 0.0,
            billed_kb: 0.0,
            put_units: 0.0,
            bytes_out: None,
            efo_bytes: None,
        };
        for p in &t.points {
            s.records += p.records_in;
            s.bytes_in += p.bytes_in;
            if p.records_in > 0.0 {
                let kb = p.bytes_in / p.records_in / 1024.0;
                s.billed_kb += p.records_in * whole(kb).max(1.0);
                s.put_units += p.records_in * whole(kb / 25.0).max(1.0);
            }
            if let Some(b) = p.bytes_out {
                *s.bytes_out.get_or_insert(0.0) += b;
            }
            if let Some(b) = p.efo_bytes {
                *s.efo_bytes.get_or_insert(0.0) += b;
            }
        }
        s
    }
}

/// What every mode's pricing shares.
struct Pricing<'a> {
    prices: &'a RegionPrices,
    sums: &'a Sums,
    efo: u32,
    retention: f64,
    options: Options,
}

impl Pricing<'_> {
    /// Provisioned for the peak, on a daily schedule (when it changes anything), on-demand and
    /// Advantage; a mode the region has no price for is left out, as in a comparison, and any
    /// other error stops the estimate.
    fn every_mode(
        &self,
        traffic: &TrafficSeries,
        summary: &TrafficSummary,
        target_utilization: f64,
        notes: &mut Notes,
    ) -> Result<Vec<ModeCost>, Error> {
        let shards = summary.observed.shards_for_peak;
        let mut estimates = vec![self.provisioned("provisioned", shards, notes)?];
        let schedule = cheapest(&daily_needs(traffic, target_utilization));
        if schedule.changes > 0 {
            estimates.push(self.scheduled(schedule, notes)?);
        }
        for mode in [Mode::OnDemand, Mode::Advantage] {
            match self.on_demand(mode, notes) {
                Ok(cost) => estimates.push(cost),
                Err(Error::MissingPrice { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(estimates)
    }

    fn calc(&self) -> Calc {
        Calc::new(self.options.rounding, self.options.trace).in_form(Form::Current)
    }

    /// `metered total x (730 hours in a month / hours with data) = a month of it`.
    fn monthly(
        &self,
        c: &mut Calc,
        id: &'static str,
        total: Term,
        per: Option<Term>,
        unit: &'static str,
    ) -> Result<Term, Error> {
        let scale = [
            (Op::Mul, plain(HOURS_PER_MONTH, "hours in a month")),
            (
                Op::Div,
                Term::new(self.sums.hours, NumFmt::Fixed(2), "hours with data"),
            ),
        ];
        match per {
            Some(p) => c.chain(id, total, &[(Op::Div, p), scale[0], scale[1]], 2, unit),
            None => c.chain(id, total, &scale, 2, unit),
        }
    }

    /// One shard count held all month: shard-hours, PUT payload units, enhanced fan-out and
    /// retention.
    fn provisioned(
        &self,
        mode: &'static str,
        shards: u64,
        notes: &mut Notes,
    ) -> Result<ModeCost, Error> {
        let mut c = self.calc();
        let mut bill = Bill::new(self.prices);
        let count = Term::new(shards as f64, NumFmt::Input, "shards");
        let shard_hours = shard_hours_line(&mut c, &mut bill, count)?;
        self.provisioned_rest((mode, Some(shards), None), c, bill, shard_hours, notes)
    }

    /// A shard count for each hour of the day, the same every day.
    fn scheduled(&self, schedule: Schedule, notes: &mut Notes) -> Result<ModeCost, Error> {
        let mut c = self.calc();
        let mut bill = Bill::new(self.prices);
        let shard_hours = scheduled_shard_hours(&mut c, &mut bill, &schedule)?;
        let mode = ("provisioned-scheduled", None, Some(schedule));
        self.provisioned_rest(mode, c, bill, shard_hours, notes)
    }

    /// PUT payload units, enhanced fan-out and retention, on `shard_hours` a month.
    fn provisioned_rest(
        &self,
        (mode, shards, schedule): (&'static str, Option<u64>, Option<Schedule>),
        mut c: Calc,
        mut bill: Bill<'_>,
        shard_hours: Term,
        notes: &mut Notes,
    ) -> Result<ModeCost, Error> {
        let units = Term::new(
            self.sums.put_units,
            NumFmt::Fixed(2),
            "PUT Payload Units in the metrics",
        );
        let units = self.monthly(
            &mut c,
            "put_payload_units_per_month",
            units,
            None,
            "PUT Payload Units per month",
        )?;
        bill.add(
            &mut c,
            "put_payload_units_cost",
            "put_payload_units",
            "PUT payload units",
            units,
            PriceKey::KdsPutPayloadUnit,
            "PUT Payload Units per month cost",
        )?;
        self.provisioned_extras(&mut c, &mut bill, shard_hours)?;
        let mut cost = self.finish(mode, shards, c, bill, notes)?;
        cost.schedule = schedule;
        Ok(cost)
    }

    /// Enhanced fan-out and retention on a provisioned stream.
    fn provisioned_extras(
        &self,
        c: &mut Calc,
        bill: &mut Bill<'_>,
        shard_hours: Term,
    ) -> Result<(), Error> {
        if self.efo > 0 {
            efo_consumer_shard_hours_line(c, bill, self.efo, &[(Op::Mul, shard_hours)])?;
        }
        if let Some(gb) = self.gb(
            c,
            "efo_data_retrieved",
            self.sums.efo_bytes,
            "GB enhanced fan-out data retrievals per month",
        )? {
            bill.add(
                c,
                "efo_data_retrievals_cost",
                "efo_data_retrievals",
                "Enhanced fan-out data retrievals",
                gb,
                PriceKey::KdsEfoRetrievalGb,
                "Enhanced fan-out data retrievals cost",
            )?;
        }
        if self.retention > crate::streams::INCLUDED_RETENTION_HOURS {
            bill.add(
                c,
                "extended_retention_cost",
                "extended_retention",
                "Extended data retention",
                shard_hours,
                PriceKey::KdsExtendedRetentionShardHour,
                "Extended data retention cost",
            )?;
        }
        self.long_term(c, bill)
    }

    /// Data older than 7 days: GB written an hour x the hours kept beyond, as GB-months.
    fn long_term(&self, c: &mut Calc, bill: &mut Bill<'_>) -> Result<(), Error> {
        let beyond = self.retention - crate::streams::LONG_TERM_AFTER_HOURS;
        if beyond <= 0.0 {
            return Ok(());
        }
        let Some(gb) = self.gb(
            c,
            "data_gb_per_month",
            Some(self.sums.bytes_in),
            "GB per month (data written)",
        )?
        else {
            return Ok(());
        };
        long_term_retention_line(c, bill, self.retention, gb)
    }

    /// `bytes in the metrics / 1,073,741,824 x 730 / hours = GB a month`, when measured.
    fn gb(
        &self,
        c: &mut Calc,
        id: &'static str,
        bytes: Option<f64>,
        unit: &'static str,
    ) -> Result<Option<Term>, Error> {
        let Some(bytes) = bytes else {
            return Ok(None);
        };
        let total = Term::new(bytes, NumFmt::Fixed(0), "bytes in the metrics");
        let per = plain(BYTES_PER_GB, "bytes per GB");
        Ok(Some(self.monthly(c, id, total, Some(per), unit)?))
    }

    /// On-demand Standard or Advantage on the metered bytes.
    fn on_demand(&self, mode: Mode, notes: &mut Notes) -> Result<ModeCost, Error> {
        let mut c = self.calc();
        let billed = Term::new(
            self.sums.billed_kb,
            NumFmt::Fixed(2),
            "KB billed in the metrics (each period's records at its mean size rounded up to 1 KB)",
        );
        let data_in = self.monthly(
            &mut c,
            "data_in_gb",
            billed,
            Some(plain(KB_PER_GB, "KB per GB")),
            "GB data in per month",
        )?;
        let usage = Metered {
            data_in,
            shared_out: self.gb(
                &mut c,
                "data_out_gb",
                self.sums.bytes_out,
                "GB data out per month",
            )?,
            efo_out: self.gb(
                &mut c,
                "efo_data_out_gb",
                self.sums.efo_bytes,
                "GB enhanced fan-out data out per month",
            )?,
        };
        let bill = on_demand::metered(mode, self.prices, usage, self.retention, &mut c, notes)?;
        self.finish(mode.name(), None, c, bill, notes)
    }

    fn finish(
        &self,
        mode: &'static str,
        shards: Option<u64>,
        mut c: Calc,
        bill: Bill<'_>,
        notes: &mut Notes,
    ) -> Result<ModeCost, Error> {
        let lines = bill.lines;
        let crate::bill::Finished {
            total, discount, ..
        } = crate::bill::finish(
            &mut c,
            &lines,
            self.prices,
            self.options,
            ("Kinesis data stream cost (monthly)", &mut notes.warnings),
        );
        Ok(ModeCost {
            mode,
            shards,
            schedule: None,
            lines,
            monthly_usd: total,
            discount,
            steps: c.into_steps(),
        })
    }
}
