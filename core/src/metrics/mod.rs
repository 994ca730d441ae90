//! Real traffic from CloudWatch metrics: the AWS CLI's output or a CSV table parsed ([`parse()`]), the metrics of
//! one stream matched by timestamp into a [`TrafficSeries`] with its gaps reported, and what the
//! traffic was ([`Observed`]): mean and peak record rate, ingress and egress, record size, and the
//! shards its peak needs. Files are read by the front end; this module sees text only.
//!
//! ```
//! use kcost_core::metrics::{parse, TrafficSeries};
//! let bytes = r#"{"MetricDataResults": [
//!   {"Id": "b", "Label": "IncomingBytes", "StatusCode": "Complete",
//!    "Timestamps": ["2026-11-20T10:01:00Z", "2026-11-20T10:00:00Z"], "Values": [6291456, 3145728]},
//!   {"Id": "r", "Label": "IncomingRecords", "StatusCode": "Complete",
//!    "Timestamps": ["2026-11-20T10:01:00Z", "2026-11-20T10:00:00Z"], "Values": [6000, 3000]}
//! ], "Messages": []}"#;
//! let series = TrafficSeries::assemble(parse(bytes, "page1.json")?)?;
//! let seen = series.observed(100.0);
//! assert_eq!(series.period_s, 60);
//! // 6,000 records in the busier minute: 100 records/s; 6 MiB: 0.1 MB/s.
//! assert_eq!(seen.records_per_second.peak, 100.0);
//! assert_eq!(seen.shards_for_peak, 1);
//! # Ok::<(), kcost_core::metrics::MetricsError>(())
//! ```

mod names;
mod needs;
pub(crate) mod notes;
mod parse;
mod price;
mod table;

use std::collections::BTreeMap;

use serde::Serialize;

pub use crate::schedule::{allowed, cheapest, Schedule, MAX_CHANGES_PER_DAY};
pub use needs::daily_needs;
pub use parse::parse;
pub use price::{price, ModeCost, Settings, TrafficEstimate};

/// The CloudWatch metrics kcost reads (namespace `AWS/Kinesis`, the Sum statistic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum MetricKind {
    /// `IncomingBytes`: bytes written.
    IncomingBytes,
    /// `IncomingRecords`: records written.
    IncomingRecords,
    /// `GetRecords.Bytes`: bytes read by shared-throughput consumers.
    GetRecordsBytes,
    /// `SubscribeToShardEvent.Bytes`: bytes read by one enhanced fan-out consumer.
    EfoBytes,
    /// `WriteProvisionedThroughputExceeded`: throttled writes.
    WriteThrottled,
    /// `ReadProvisionedThroughputExceeded`: throttled reads.
    ReadThrottled,
}

impl MetricKind {
    /// The metric's CloudWatch name.
    pub const fn name(self) -> &'static str {
        match self {
            MetricKind::IncomingBytes => "IncomingBytes",
            MetricKind::IncomingRecords => "IncomingRecords",
            MetricKind::GetRecordsBytes => "GetRecords.Bytes",
            MetricKind::EfoBytes => "SubscribeToShardEvent.Bytes",
            MetricKind::WriteThrottled => "WriteProvisionedThroughputExceeded",
            MetricKind::ReadThrottled => "ReadProvisionedThroughputExceeded",
        }
    }
}

/// One metric's points from one file: (seconds since 1970, the period's sum).
#[derive(Debug, Clone, PartialEq)]
pub struct MetricSeries {
    /// Which metric.
    pub kind: MetricKind,
    /// The enhanced fan-out consumer's name, for `SubscribeToShardEvent.Bytes`.
    pub consumer: Option<String>,
    /// The shard, for a shard-level metric (labelled with its `shardId-...`).
    pub shard: Option<String>,
    /// The label (or id) it was known by.
    pub label: String,
    /// The file it came from.
    pub file: String,
    /// Its points, in the file's order.
    pub points: Vec<(i64, f64)>,
    /// The export said `PartialData`: more pages follow (`NextToken`).
    pub partial: bool,
}

/// A metrics file or set of files kcost cannot read: where, and what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}{}: {message}", at.map_or(String::new(), |(l, c)| format!(":{l}:{c}")))]
pub struct MetricsError {
    /// The file (or `metrics` for a problem across files).
    pub file: String,
    /// Line and column, when the text itself is malformed.
    pub at: Option<(usize, usize)>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl MetricsError {
    fn json(file: &str, e: &serde_json::Error) -> MetricsError {
        let message = if e.is_eof() {
            format!("the JSON ends early ({e}); export the whole output again")
        } else {
            format!("not valid CloudWatch JSON: {e}")
        };
        MetricsError {
            file: file.to_string(),
            at: Some((e.line(), e.column())),
            message,
        }
    }

    fn file(file: &str, message: &str) -> MetricsError {
        MetricsError {
            file: file.to_string(),
            at: None,
            message: message.to_string(),
        }
    }
}

/// Shortest and longest CloudWatch period kcost reads, seconds.
pub const PERIODS_S: (i64, i64) = (60, 3600);

/// The most points one stream's series may hold: a year of minutes.
pub const MAX_POINTS: usize = 527_040;

/// One period of a stream's traffic: every metric's sum over it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    /// The period's start, seconds since 1970 (UTC).
    pub t: i64,
    /// Bytes written.
    pub bytes_in: f64,
    /// Records written.
    pub records_in: f64,
    /// Bytes read by shared consumers, when `GetRecords.Bytes` was given.
    pub bytes_out: Option<f64>,
    /// Bytes read by enhanced fan-out consumers (all of them), when given.
    pub efo_bytes: Option<f64>,
    /// Throttled writes and reads, when given.
    pub throttled: Option<f64>,
}

/// A stream's traffic, period by period: the points where both `IncomingBytes` and
/// `IncomingRecords` are known, in time order, and what is missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrafficSeries {
    /// Seconds per point.
    pub period_s: i64,
    /// The points, oldest first.
    pub points: Vec<Point>,
    /// Periods between the first and last point with no data: their start times.
    pub gaps: Vec<i64>,
    /// Points of one of the two required metrics without the other, dropped.
    pub unmatched: usize,
    /// Enhanced fan-out consumers seen (by name).
    pub efo_consumers: Vec<String>,
    /// The files, when every one of them says `PartialData` (the last page is missing).
    pub partial: Vec<String>,
    /// The busiest shard-period, when shard-level metrics were given.
    pub busiest_shard: Option<ShardLoad>,
}

/// One shard's writes in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShardLoad {
    /// The shard (`shardId-000000000001`).
    pub shard: String,
    /// The period's start (`2026-11-20 10:00 UTC`).
    pub at: String,
    /// MB written per second.
    pub mb_per_second: f64,
    /// Records written per second.
    pub records_per_second: f64,
}

impl TrafficSeries {
    /// Matches the series of one stream (from any number of files and pages) by timestamp.
    ///
    /// # Errors
    /// No `IncomingBytes` or `IncomingRecords`, two different values for one period of a metric,
    /// points closer than 60 s or further apart than an hour, periods that do not divide the
    /// distances between points (mixed periods), more than [`MAX_POINTS`] points.
    pub fn assemble(series: Vec<MetricSeries>) -> Result<TrafficSeries, MetricsError> {
        TrafficSeries::assemble_with(series, None)
    }

    /// As [`TrafficSeries::assemble`], with the period the metrics were exported with (the
    /// `--period` of the export), when it cannot be read from the points: an export missing
    /// every other period would otherwise read as one of twice the length.
    ///
    /// # Errors
    /// As [`TrafficSeries::assemble`], and a period that is not 60 s to an hour in whole minutes,
    /// or that does not divide the distances between the points.
    pub fn assemble_with(
        series: Vec<MetricSeries>,
        period_s: Option<i64>,
    ) -> Result<TrafficSeries, MetricsError> {
        let partial = missing_pages(&series);
        let (shards, series): (Vec<MetricSeries>, Vec<MetricSeries>) =
            series.into_iter().partition(|s| s.shard.is_some());
        let by_kind = merge(series)?;
        let take = |kind| by_kind.get(&(kind, None)).filter(|m| !m.is_empty());
        let (Some(bytes), Some(records)) = (
            take(MetricKind::IncomingBytes),
            take(MetricKind::IncomingRecords),
        ) else {
            return Err(MetricsError::file(
                "metrics",
                "IncomingBytes and IncomingRecords (Sum) are both needed and at least one is \
                 missing or empty; export both for the stream",
            ));
        };
        let given = period_s.is_some();
        let period_s = match period_s {
            Some(p) => given_period(p, bytes.keys().chain(records.keys()))?,
            None => period(bytes.keys().chain(records.keys()))?,
        };
        check_span(bytes.keys().chain(records.keys()), period_s)?;
        let base = bytes.keys().next().copied().unwrap_or(0);
        on_grid(&by_kind, base, period_s, given)?;
        on_grid(&by_shard_of(&shards)?, base, period_s, given)?;
        let points = points_of(&by_kind, bytes, records);
        if points.is_empty() {
            return Err(MetricsError::file(
                "metrics",
                "IncomingBytes and IncomingRecords share no period: export both for the same \
                 stream, times and --period",
            ));
        }
        let unmatched = bytes.len() + records.len() - 2 * points.len();
        let gaps = gaps(&points, period_s);
        let efo_consumers = by_kind
            .keys()
            .filter(|(k, _)| *k == MetricKind::EfoBytes)
            .filter_map(|(_, c)| c.clone())
            .collect();
        Ok(TrafficSeries {
            period_s,
            points,
            gaps,
            unmatched,
            efo_consumers,
            partial,
            busiest_shard: busiest_shard(&shards, period_s)?,
        })
    }

    /// The period covered and what the traffic was, as one result (JSON's shape).
    pub fn summary(&self, target_utilization: f64) -> TrafficSummary {
        let first = self.points.first().map_or(0, |p| p.t);
        let last = self.points.last().map_or(0, |p| p.t);
        TrafficSummary {
            period: Coverage {
                start: time_text(first),
                end: time_text(last + self.period_s),
                period_s: self.period_s,
                hours: self.hours(),
                points: self.points.len(),
                gaps: self.gaps.iter().map(|t| time_text(*t)).collect(),
                unmatched: self.unmatched,
                partial: self.partial.clone(),
            },
            observed: self.observed(target_utilization),
            busiest_shard: self.busiest_shard.clone(),
            target_utilization_percent: target_utilization,
            efo_consumers: self.efo_consumers.clone(),
        }
    }

    /// Hours the points cover (gaps not counted).
    pub fn hours(&self) -> f64 {
        self.points.len() as f64 * self.period_s as f64 / 3600.0
    }

    /// What the traffic was, and the shards its peak needs at `target_utilization` percent.
    pub fn observed(&self, target_utilization: f64) -> Observed {
        let period = self.period_s as f64;
        let mib = 1_048_576.0;
        let stat = |f: &dyn Fn(&Point) -> Option<f64>| {
            let values: Vec<f64> = self.points.iter().filter_map(f).collect();
            (!values.is_empty()).then(|| MeanPeak {
                mean: values.iter().sum::<f64>() / values.len() as f64,
                peak: values.iter().copied().fold(0.0, f64::max),
            })
        };
        let records = stat(&|p| Some(p.records_in / period)).unwrap_or_default();
        let ingress = stat(&|p| Some(p.bytes_in / period / mib)).unwrap_or_default();
        let egress = stat(&|p| p.bytes_out.map(|b| b / period / mib));
        let efo = stat(&|p| p.efo_bytes.map(|b| b / period / mib));
        let total_bytes: f64 = self.points.iter().map(|p| p.bytes_in).sum();
        let total_records: f64 = self.points.iter().map(|p| p.records_in).sum();
        let need = self
            .points
            .iter()
            .map(|p| period_need(p, period))
            .fold(0.0, f64::max);
        let with_headroom = need / (target_utilization / 100.0);
        Observed {
            records_per_second: records,
            ingress_mb_per_second: ingress,
            egress_mb_per_second: egress,
            efo_mb_per_second: efo,
            record_kb: (total_records > 0.0).then(|| total_bytes / total_records / 1024.0),
            // A fold from +0.0: an empty f64 sum is -0.0.
            throttled: self
                .points
                .iter()
                .filter_map(|p| p.throttled)
                .fold(0.0, |a, b| a + b),
            peak_shard_need: need,
            // Whole shards, at least 1; the need is below 1e18 for any real stream.
            shards_for_peak: (crate::calc::fixed::round(with_headroom, 9).unwrap_or(with_headroom))
                .ceil()
                .max(1.0) as u64,
        }
    }
}

/// The period a series covers and what its traffic was.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrafficSummary {
    /// What the points cover.
    pub period: Coverage,
    /// What the traffic was.
    pub observed: Observed,
    /// The busiest shard-period, when shard-level metrics were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub busiest_shard: Option<ShardLoad>,
    /// The target utilization the peak's shards are sized at, percent.
    pub target_utilization_percent: f64,
    /// Enhanced fan-out consumers seen, by name.
    pub efo_consumers: Vec<String>,
}

/// What a series covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// The first period's start (`2026-11-20 00:00 UTC`).
    pub start: String,
    /// The last period's end.
    pub end: String,
    /// Seconds per point.
    pub period_s: i64,
    /// Hours with data.
    pub hours: f64,
    /// Points with data.
    pub points: usize,
    /// The start of each period with no data.
    pub gaps: Vec<String>,
    /// Points of IncomingBytes or IncomingRecords without the other, dropped.
    pub unmatched: usize,
    /// Files whose export said `PartialData`: pages missing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partial: Vec<String>,
}

/// A mean and a peak over the points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MeanPeak {
    /// The mean over the points with data.
    pub mean: f64,
    /// The largest point.
    pub peak: f64,
}

/// What a stream's traffic was.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Observed {
    /// Records written per second.
    pub records_per_second: MeanPeak,
    /// MB (MiB) written per second.
    pub ingress_mb_per_second: MeanPeak,
    /// MB read per second by shared consumers, when `GetRecords.Bytes` was given.
    pub egress_mb_per_second: Option<MeanPeak>,
    /// MB read per second by enhanced fan-out consumers together, when given.
    pub efo_mb_per_second: Option<MeanPeak>,
    /// The mean record size, KB: bytes over records (`None` when nothing was written).
    pub record_kb: Option<f64>,
    /// Throttled writes and reads over the whole period.
    pub throttled: f64,
    /// The largest need of any period, in shards (writes at 1 MB/s and 1,000 records/s, shared
    /// reads at 2 MB/s, per shard).
    pub peak_shard_need: f64,
    /// The shards that need calls for at the target utilization, whole, at least 1.
    pub shards_for_peak: u64,
}

/// Every metric's points from every file, merged by metric (and consumer); a period given twice
/// must have one value.
fn merge(series: Vec<MetricSeries>) -> Result<ByKind, MetricsError> {
    let mut by_kind = ByKind::new();
    for s in series {
        let merged = by_kind.entry((s.kind, s.consumer.clone())).or_default();
        for (t, v) in s.points {
            if let Some(old) = merged.insert(t, v) {
                if old != v {
                    return Err(MetricsError::file(
                        &s.file,
                        &format!(
                            "{} has two values for {}: {old} and {v}; give each period once",
                            s.label,
                            time_text(t)
                        ),
                    ));
                }
            }
            if merged.len() > MAX_POINTS {
                return Err(MetricsError::file(
                    &s.file,
                    &format!(
                        "more than {MAX_POINTS} points of {}: a year of minutes is the most \
                             kcost reads; export a longer period (300 or 3600 s)",
                        s.label
                    ),
                ));
            }
        }
    }
    Ok(by_kind)
}

/// The periods where both IncomingBytes and IncomingRecords have a point, with every other metric's
/// sum over the same period.
fn points_of(
    by_kind: &ByKind,
    bytes: &BTreeMap<i64, f64>,
    records: &BTreeMap<i64, f64>,
) -> Vec<Point> {
    let sum_of = |kind: MetricKind, t: i64| {
        let mut found = false;
        let total: f64 = by_kind
            .iter()
            .filter(|((k, _), _)| *k == kind)
            .filter_map(|(_, m)| m.get(&t))
            .inspect(|_| found = true)
            .sum();
        found.then_some(total)
    };
    bytes
        .iter()
        .filter_map(|(t, b)| {
            records.get(t).map(|r| Point {
                t: *t,
                bytes_in: *b,
                records_in: *r,
                bytes_out: sum_of(MetricKind::GetRecordsBytes, *t),
                efo_bytes: sum_of(MetricKind::EfoBytes, *t),
                throttled: match (
                    sum_of(MetricKind::WriteThrottled, *t),
                    sum_of(MetricKind::ReadThrottled, *t),
                ) {
                    (None, None) => None,
                    (w, r) => Some(w.unwrap_or(0.0) + r.unwrap_or(0.0)),
                },
            })
        })
        .collect()
}

/// The files of the metrics whose last page is missing: none of their series says Complete.
fn missing_pages(series: &[MetricSeries]) -> Vec<String> {
    let key = |s: &MetricSeries| (s.kind, s.consumer.clone(), s.shard.clone());
    let complete: Vec<_> = series.iter().filter(|s| !s.partial).map(key).collect();
    let mut files: Vec<String> = Vec::new();
    for s in series.iter().filter(|s| s.partial) {
        if !complete.contains(&key(s)) && !files.contains(&s.file) {
            files.push(s.file.clone());
        }
    }
    files
}

/// Refuses a metric whose points are not on the required metrics' grid of `period_s` from `base`:
/// exported with another period (or another start), its sums would be read as this period's.
/// With the period `given`, a metric's points may be any whole number of periods apart.
fn on_grid(all: &ByKind, base: i64, period_s: i64, given: bool) -> Result<(), MetricsError> {
    for ((kind, who), points) in all {
        if let Some(t) = points
            .keys()
            .find(|t| (*t - base).rem_euclid(period_s) != 0)
        {
            let name = match who {
                Some(w) => format!("{} ({w})", kind.name()),
                None => kind.name().to_string(),
            };
            return Err(MetricsError::file(
                "metrics",
                &format!(
                    "{name} has a point at {}, off the {period_s} s periods of IncomingBytes and \
                     IncomingRecords: export every metric with the same --period and start time",
                    time_text(*t)
                ),
            ));
        }
        // The smallest spacing must be the period: smaller is a finer period, and no two points
        // a period apart is a coarser one.
        let spacing = points.keys().zip(points.keys().skip(1)).map(|(a, b)| b - a);
        if let Some(d) = spacing.min().filter(|d| *d != period_s && !given) {
            return Err(MetricsError::file(
                "metrics",
                &format!(
                    "mixed periods: {} has points {d} s apart, IncomingBytes {period_s} s; export \
                     every metric with the same --period",
                    kind.name()
                ),
            ));
        }
    }
    Ok(())
}

/// Shard-level series merged by (kind, shard).
fn by_shard_of(shards: &[MetricSeries]) -> Result<ByKind, MetricsError> {
    merge(
        shards
            .iter()
            .map(|s| MetricSeries {
                consumer: s.shard.clone(),
                ..s.clone()
            })
            .collect(),
    )
}

/// The shard-period that writes the most for its capacity (1 MB/s and 1,000 records/s a shard).
fn busiest_shard(
    shards: &[MetricSeries],
    period_s: i64,
) -> Result<Option<ShardLoad>, MetricsError> {
    let by_shard = by_shard_of(shards)?;
    let period = period_s as f64;
    let mut best: Option<(f64, ShardLoad)> = None;
    let written = by_shard
        .iter()
        .filter(|((kind, _), _)| *kind == MetricKind::IncomingBytes);
    for ((_, shard), bytes) in written {
        let records = by_shard.get(&(MetricKind::IncomingRecords, shard.clone()));
        for (t, b) in bytes {
            let mb = b / period / 1_048_576.0;
            let recs = records.and_then(|r| r.get(t)).map_or(0.0, |r| r / period);
            let load = mb.max(recs / 1000.0);
            if best.as_ref().is_none_or(|(l, _)| load > *l) {
                best = Some((
                    load,
                    ShardLoad {
                        shard: shard.clone().unwrap_or_default(),
                        at: time_text(*t),
                        mb_per_second: mb,
                        records_per_second: recs,
                    },
                ));
            }
        }
    }
    Ok(best.map(|(_, s)| s))
}

/// The metrics by kind (and consumer): period start -> sum.
type ByKind = BTreeMap<(MetricKind, Option<String>), BTreeMap<i64, f64>>;

/// Refuses points that span more than [`MAX_POINTS`] periods (the gaps would be listed one by one).
fn check_span<'a>(
    times: impl Iterator<Item = &'a i64> + Clone,
    period_s: i64,
) -> Result<(), MetricsError> {
    let first = times.clone().min().copied().unwrap_or(0);
    let last = times.max().copied().unwrap_or(0);
    if (last - first) / period_s > MAX_POINTS as i64 {
        return Err(MetricsError::file(
            "metrics",
            &format!(
                "the points run from {} to {}, more than a year of {period_s} s periods; \
                 export one stream's last weeks",
                time_text(first),
                time_text(last)
            ),
        ));
    }
    Ok(())
}

/// A period's need in shards: 1 MB/s and 1,000 records/s written and 2 MB/s read (shared), per
/// shard.
pub(crate) fn period_need(p: &Point, period_s: f64) -> f64 {
    let mib = 1_048_576.0;
    let write = (p.bytes_in / period_s / mib).max(p.records_in / period_s / 1000.0);
    let read = p.bytes_out.map_or(0.0, |b| b / period_s / mib / 2.0);
    write.max(read)
}

/// The period of the points: the smallest distance between two, which must be 60 s to an hour and
/// divide every other distance.
fn period<'a>(times: impl Iterator<Item = &'a i64>) -> Result<i64, MetricsError> {
    let mut all: Vec<i64> = times.copied().collect();
    all.sort_unstable();
    all.dedup();
    let distances: Vec<i64> = all
        .iter()
        .zip(all.iter().skip(1))
        .map(|(a, b)| b - a)
        .collect();
    let Some(&smallest) = distances.iter().min() else {
        return Err(MetricsError::file(
            "metrics",
            "one point is not enough to know the period: export at least two periods",
        ));
    };
    if smallest < PERIODS_S.0 {
        return Err(MetricsError::file(
            "metrics",
            &format!(
                "points are {smallest} s apart; kcost reads periods from 60 s to 1 hour: export \
                 with --period 60, 300 or 3600"
            ),
        ));
    }
    if smallest > PERIODS_S.1 {
        return Err(MetricsError::file(
            "metrics",
            &format!(
                "no two points are less than {smallest} s apart; kcost reads periods from 60 s \
                 to 1 hour: export with --period 60, 300 or 3600 (and a span with neighbouring \
                 periods)"
            ),
        ));
    }
    if let Some(odd) = distances.iter().find(|d| *d % smallest != 0) {
        return Err(MetricsError::file(
            "metrics",
            &format!(
                "mixed periods: points {smallest} s apart and others {odd} s apart; export every \
                 metric with the same --period"
            ),
        ));
    }
    Ok(smallest)
}

/// A period the user gave: 60 s to an hour, whole minutes, dividing every distance between points.
fn given_period<'a>(
    period_s: i64,
    times: impl Iterator<Item = &'a i64>,
) -> Result<i64, MetricsError> {
    if !(PERIODS_S.0..=PERIODS_S.1).contains(&period_s) || period_s % 60 != 0 {
        return Err(MetricsError::file(
            "metrics",
            &format!("a period of {period_s} s is not one CloudWatch exports here; give 60 to 3600 s in whole minutes"),
        ));
    }
    let mut all: Vec<i64> = times.copied().collect();
    all.sort_unstable();
    all.dedup();
    if let Some((a, b)) = all
        .iter()
        .zip(all.iter().skip(1))
        .find(|(a, b)| (*b - *a) % period_s != 0)
    {
        return Err(MetricsError::file(
            "metrics",
            &format!(
                "points at {} and {} are {} s apart, not a whole number of {period_s} s periods; \
                 check the export's --period",
                time_text(*a),
                time_text(*b),
                b - a
            ),
        ));
    }
    Ok(period_s)
}

/// The periods with no point between the first and the last.
fn gaps(points: &[Point], period_s: i64) -> Vec<i64> {
    let mut out = Vec::new();
    for (a, b) in points.iter().zip(points.iter().skip(1)) {
        let mut t = a.t + period_s;
        while t < b.t {
            out.push(t);
            t += period_s;
        }
    }
    out
}

/// `2026-11-20 10:00 UTC`.
pub fn time_text(t: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(t) {
        Ok(d) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02} UTC",
            d.year(),
            u8::from(d.month()),
            d.day(),
            d.hour(),
            d.minute()
        ),
        Err(_) => format!("{t} s"),
    }
}
