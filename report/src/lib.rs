//! kcost's results as text: terminal tables, JSON, CSV and Markdown, shared by the CLI and the
//! browser page so that both export the same shapes. Each result becomes a [`Report`] (what every
//! format shows of it); the renderers lay reports out; JSON is the core's own serde form.
//! Renderers compute nothing.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod csv;
mod infra;
mod markdown;
mod report;
mod table;

use kcost_core::analytics::AnalyticsEstimate;
use kcost_core::firehose::FirehoseEstimate;
use kcost_core::metrics::{MeanPeak, ModeCost, Observed, TrafficEstimate};
use kcost_core::scenario::{Component, ComponentEstimate, Kind, PipelineEstimate};
use kcost_core::{Comparison, Estimate, Face, Warning};
use serde::Serialize;
use thiserror::Error;

pub use infra::infra;
pub use report::{schedule_text, Report, COST_HEADER, GROWTH_HEADER};
pub use table::Grid;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// The result as JSON (the library's result type).
    Json,
    /// Cost lines, totals and warnings as CSV.
    Csv,
    /// Tables as Markdown.
    Markdown,
}

/// Rendering failed (it cannot for well-formed results; the CSV and JSON writers report errors).
#[derive(Debug, Error)]
pub enum RenderError {
    /// JSON serialization failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV writing failed.
    #[error("cannot write CSV: {0}")]
    Csv(String),
}

/// What rendering returns.
pub type Result<T> = std::result::Result<T, RenderError>;

/// One report in `format` (JSON from `value`), ending with a newline.
fn one<T: Serialize>(report: &Report<'_>, value: &T, format: Format) -> Result<String> {
    match format {
        Format::Table => Ok(table::render(report)),
        Format::Json => Ok(serde_json::to_string_pretty(value)? + "\n"),
        Format::Csv => csv::render(std::slice::from_ref(report), &[]),
        Format::Markdown => Ok(markdown::render(report, "###")),
    }
}

/// A Data Streams estimate in `format`, its notes in the words of `face`.
pub fn estimate(e: &Estimate, format: Format, face: &dyn Face) -> Result<String> {
    one(&Report::stream(e, face), e, format)
}

/// An analytics estimate in `format`, its notes in the words of `face`.
pub fn analytics(e: &AnalyticsEstimate, format: Format, face: &dyn Face) -> Result<String> {
    one(&Report::analytics(e, face), e, format)
}

/// A Firehose estimate in `format`, its notes in the words of `face`.
pub fn firehose(e: &FirehoseEstimate, format: Format, face: &dyn Face) -> Result<String> {
    one(&Report::firehose(e, face), e, format)
}

/// The comparison in `format`, ending with a newline; notes in the words of `face`.
pub fn comparison(comparison: &Comparison, format: Format, face: &dyn Face) -> Result<String> {
    let mut reports: Vec<Report<'_>> = comparison
        .estimates
        .iter()
        .map(|e| Report::stream(e, face))
        .collect();
    let summary = Summary {
        title: comparison_title(comparison),
        header: COMPARISON_HEADER,
        rows: comparison_rows(comparison),
        right: &[1, 2],
        notes: comparison_notes(comparison, face),
        warnings: worded(&comparison.warnings, face),
    };
    many(&summary, &mut reports, comparison, format)
}

/// A multi-component output in `format`. A warning already shown under one component is not
/// shown again under the next (two components may use the same unconfirmed price).
fn many<T: Serialize>(
    summary: &Summary,
    reports: &mut [Report<'_>],
    value: &T,
    format: Format,
) -> Result<String> {
    let mut seen = std::collections::BTreeSet::new();
    for r in reports.iter_mut() {
        r.warnings.retain(|w| seen.insert(w.clone()));
    }
    let reports = &*reports;
    match format {
        Format::Table => Ok(table::render_many(summary, reports)),
        Format::Json => Ok(serde_json::to_string_pretty(value)? + "\n"),
        Format::Csv => csv::render(reports, &summary.warnings),
        Format::Markdown => Ok(markdown::render_many(summary, reports)),
    }
}

/// Warnings in the words of `face`.
fn worded(warnings: &[Warning], face: &dyn Face) -> Vec<String> {
    warnings.iter().map(|w| w.text(face)).collect()
}

/// The head of a multi-component output: a title, a summary table and notes under it.
#[derive(Debug)]
pub struct Summary {
    title: String,
    header: [&'static str; 4],
    rows: Vec<[String; 4]>,
    /// Columns aligned right in the terminal table.
    right: &'static [usize],
    notes: Vec<String>,
    /// Warnings about the whole (old prices), shown after every component.
    warnings: Vec<String>,
}

/// A priced pipeline in `format`: a summary of its components and total, then each component;
/// notes in the words of `face`.
pub fn pipeline(p: &PipelineEstimate, format: Format, face: &dyn Face) -> Result<String> {
    let mut reports: Vec<Report<'_>> = p
        .components
        .iter()
        .map(|c| {
            let mut r = match &c.estimate {
                ComponentEstimate::Stream(e) => Report::stream(e, face),
                ComponentEstimate::Analytics(e) => Report::analytics(e, face),
                ComponentEstimate::Firehose(e) => Report::firehose(e, face),
                ComponentEstimate::Consumer(e) => Report::consumer(e, face),
            };
            r.component = component_name(c);
            r
        })
        .collect();
    let mut rows: Vec<[String; 4]> = p
        .components
        .iter()
        .zip(&reports)
        .map(|(c, r)| {
            let reads = match (&c.reads, c.read_by.is_empty()) {
                (Some(stream), _) => format!("reads streams.{stream}"),
                (None, false) => format!("read by {}", c.read_by.join(", ")),
                (None, true) => String::new(),
            };
            [
                r.component.clone(),
                service_name(c),
                reads,
                c.estimate.monthly_usd().to_text(true),
            ]
        })
        .collect();
    rows.push([
        "Total".to_string(),
        String::new(),
        String::new(),
        p.monthly_usd.to_text(true),
    ]);
    let summary = Summary {
        title: format!(
            "{}, {} rounding",
            p.name.as_deref().unwrap_or("Pipeline"),
            p.rounding.name()
        ),
        header: ["Component", "Service", "Wiring", "Monthly (USD)"],
        rows,
        right: &[3],
        notes: vec![format!(
            "Pipeline total: {} USD a month",
            p.monthly_usd.to_text(true)
        )],
        warnings: worded(&p.warnings, face),
    };
    many(&summary, &mut reports, p, format)
}

/// `streams.sensor-temperature`, as the file names it.
fn component_name(c: &Component) -> String {
    let table = match c.kind {
        Kind::Stream => "streams",
        Kind::Analytics => "analytics",
        Kind::Firehose => "firehose",
        Kind::Lambda => "lambda",
        Kind::Kcl => "kcl",
    };
    format!("{table}.{}", c.name)
}

/// `Kinesis Data Streams (provisioned)`, `Kinesis Data Analytics for SQL`, `Data Firehose`.
fn service_name(c: &Component) -> String {
    match &c.estimate {
        ComponentEstimate::Stream(e) => format!("{} ({})", e.service.title(), e.mode.name()),
        ComponentEstimate::Analytics(e) => e.service.title().to_string(),
        ComponentEstimate::Firehose(e) => e.service.title().to_string(),
        ComponentEstimate::Consumer(e) => e.service.title().to_string(),
    }
}

/// `Kinesis Data Streams, all modes compared, us-east-1, calculator rounding`.
fn comparison_title(c: &Comparison) -> String {
    format!(
        "{}, all modes compared, {}, {} rounding",
        c.service.title(),
        c.region,
        c.rounding.name()
    )
}

/// The summary of a comparison: mode, shards, monthly total, the cheapest marked.
fn comparison_rows(c: &Comparison) -> Vec<[String; 4]> {
    c.estimates
        .iter()
        .map(|e| {
            [
                e.mode.name().to_string(),
                e.shards
                    .as_ref()
                    .map_or_else(|| "-".to_string(), |s| s.count.to_string()),
                e.monthly_usd.to_text(true),
                match (c.cheapest_of_several(), c.estimates.len()) {
                    (_, 1) => "the only mode priced here",
                    (Some(m), _) if m == e.mode => "cheapest",
                    _ => "",
                }
                .to_string(),
            ]
        })
        .collect()
}

const COMPARISON_HEADER: [&str; 4] = ["Mode", "Shards", "Monthly (USD)", ""];

/// The lines under a comparison's summary: break-even and what could not be estimated.
fn comparison_notes(c: &Comparison, face: &dyn Face) -> Vec<String> {
    let mut out = Vec::new();
    if c.prices_both() {
        out.push(match c.break_even_records_per_second {
            Some(rate) => format!(
                "Break-even: provisioned and on-demand swap places at {} records/s (average), for \
                 this record size and consumer mix",
                c.rounding.show(rate, 2)
            ),
            None => "Break-even: none between 0.01 and 10,000,000 records/s; the same mode is \
                     cheaper at every rate for this record size and consumer mix"
                .to_string(),
        });
    }
    if let Some(s) = &c.break_even_share_of_peak {
        out.push(format!(
            "With this profile's peak of {} records/s held, on-demand is cheaper while the average \
             stays below {:.1}% of the peak (this profile's average is {:.1}% of its peak)",
            c.rounding.show(s.peak_records_per_second, 2),
            s.percent,
            s.profile_percent
        ));
    }
    for u in &c.unavailable {
        out.push(format!(
            "Not compared: {}: {}",
            u.mode.name(),
            u.reason.text(face)
        ));
    }
    out
}

/// What a stream's CloudWatch metrics show and what each mode would cost a month at that traffic,
/// in `format` (JSON: the core's [`TrafficEstimate`]); notes in the words of `face`.
pub fn traffic(e: &TrafficEstimate, format: Format, face: &dyn Face) -> Result<String> {
    let s = &e.summary;
    let summary = Summary {
        title: format!(
            "CloudWatch metrics{}: {}",
            e.stream
                .as_ref()
                .map_or(String::new(), |n| format!(" of {n}")),
            traffic_period(e)
        ),
        header: ["Observed", "Unit", "Mean", "Peak"],
        rows: traffic_observed(&s.observed),
        right: &[2, 3],
        notes: traffic_notes(e, face),
        warnings: traffic_warnings(e, face),
    };
    let mut reports = mode_reports(e);
    many(&summary, &mut reports, e, format)
}

/// The metrics' period: how many points of what length, from when to when, and the region.
pub fn traffic_period(e: &TrafficEstimate) -> String {
    let p = &e.summary.period;
    format!(
        "{} periods of {} s from {} to {} ({:.2} hours with data), {} ({})",
        p.points, p.period_s, p.start, p.end, p.hours, e.region, e.region_name
    )
}

/// The observed traffic, a row per measure: what, unit, mean and peak.
pub fn traffic_observed(o: &Observed) -> Vec<[String; 4]> {
    let mb = |m: &MeanPeak| [format!("{:.2}", m.mean), format!("{:.2}", m.peak)];
    let mut rows = vec![row(
        "Records written",
        "records/s",
        &mb(&o.records_per_second),
    )];
    rows.push(row("Data written", "MB/s", &mb(&o.ingress_mb_per_second)));
    if let Some(out) = &o.egress_mb_per_second {
        rows.push(row("Read by shared consumers", "MB/s", &mb(out)));
    }
    if let Some(efo) = &o.efo_mb_per_second {
        rows.push(row("Read by enhanced fan-out", "MB/s", &mb(efo)));
    }
    rows
}

fn traffic_notes(e: &TrafficEstimate, face: &dyn Face) -> Vec<String> {
    let s = &e.summary;
    let o = &s.observed;
    let mut notes = vec![
        o.record_kb
            .map_or("No records were written.".to_string(), |kb| {
                format!("Mean record size: {kb:.2} KB (bytes written / records written)")
            }),
        format!(
            "The peak needs {:.2} shards (1 MB/s and 1,000 records/s written, 2 MB/s read, per \
             shard): {} at {}% target utilization",
            o.peak_shard_need, o.shards_for_peak, s.target_utilization_percent
        ),
        String::new(),
        "A 730-hour month at this traffic:".to_string(),
    ];
    notes.extend(e.estimates.iter().map(|m| month_row(e, m)));
    notes.extend(today(e));
    if !e.steps.is_empty() {
        notes.push("How the figures came from the points:".to_string());
        notes.push(kcost_core::render_steps(&e.steps).trim_end().to_string());
    }
    if !e.assumptions.is_empty() {
        notes.push("Assumptions:".to_string());
        notes.extend(
            e.assumptions
                .iter()
                .map(|a| format!("  - {}", a.text(face))),
        );
    }
    notes
}

/// One mode's row in the table of a month's modes.
fn month_row(e: &TrafficEstimate, m: &ModeCost) -> String {
    format!(
        "  {:<22} {:>10} {:>12} USD{}",
        m.mode,
        match (&m.shards, &m.schedule) {
            (Some(n), _) => report::shards(*n),
            (None, Some(s)) => format!(
                "{}-{}",
                s.hours.iter().min().unwrap_or(&0),
                report::shards(*s.hours.iter().max().unwrap_or(&0))
            ),
            (None, None) => "-".to_string(),
        },
        m.monthly_usd.to_text(true),
        if m.mode == e.cheapest {
            "  cheapest"
        } else {
            ""
        }
    )
}

/// What today's shards cost against the cheapest mode, when the metrics say how many there are.
fn today(e: &TrafficEstimate) -> Option<String> {
    let (Some(now), Some(saving)) = (&e.current, e.saving_usd) else {
        return None;
    };
    let count = now.shards.unwrap_or(0);
    let (cost, are) = if count == 1 {
        ("costs", "is")
    } else {
        ("cost", "are")
    };
    Some(if saving.cents() > 0 {
        format!(
            "Today's {} {cost} {} USD a month; {} would save {} USD",
            report::shards(count),
            now.monthly_usd.to_text(true),
            e.cheapest,
            saving.to_text(true)
        )
    } else if count < e.summary.observed.shards_for_peak {
        format!(
            "Today's {} {cost} {} USD a month, less than any mode here, but {are} fewer than \
             the {} the peak needs: expect throttling at the busiest times",
            report::shards(count),
            now.monthly_usd.to_text(true),
            e.summary.observed.shards_for_peak
        )
    } else {
        format!(
            "Today's {} {cost} {} USD a month, no more than the cheapest mode",
            report::shards(count),
            now.monthly_usd.to_text(true)
        )
    })
}

/// What to beware of in the metrics (gaps, partial pages, unmatched points) and their estimates,
/// in the words of `face`.
pub fn traffic_warnings(e: &TrafficEstimate, face: &dyn Face) -> Vec<String> {
    let c = &e.summary.period;
    let mut warnings = Vec::new();
    if !c.gaps.is_empty() {
        let shown: Vec<&str> = c.gaps.iter().take(10).map(String::as_str).collect();
        let more = c.gaps.len().saturating_sub(shown.len());
        warnings.push(format!(
            "{} period(s) have no data and are left out, not filled: {}{}",
            c.gaps.len(),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    if !c.partial.is_empty() {
        warnings.push(format!(
            "{} {} PartialData: CloudWatch had more points than one page; give every page \
             (each export with a NextToken has a next one)",
            c.partial.join(", "),
            if c.partial.len() == 1 { "says" } else { "say" }
        ));
    }
    if c.unmatched > 0 {
        warnings.push(format!(
            "{} point(s) of IncomingBytes or IncomingRecords have no point of the other at the \
             same time and are left out",
            c.unmatched
        ));
    }
    warnings.extend(worded(&e.warnings, face));
    warnings
}

/// Each mode as a report of its own: its lines, total and (traced) steps.
fn mode_reports(e: &TrafficEstimate) -> Vec<Report<'_>> {
    e.estimates
        .iter()
        .chain(&e.current)
        .map(|m| Report {
            component: m.mode.to_string(),
            title: match m.shards {
                Some(n) => format!("{}, {} all month", m.mode, report::shards(n)),
                None => m.mode.to_string(),
            },
            inputs: Vec::new(),
            capacity: Vec::new(),
            lines: &m.lines,
            total: m.monthly_usd,
            discount: m.discount,
            subtotals: None,
            rounding: kcost_core::Rounding::Calculator,
            region: &e.region,
            findings: m
                .schedule
                .iter()
                .map(|s| match e.hours_of_day_without_data {
                    0 => report::schedule_text(s),
                    n => format!(
                        "{}; the {n} hour(s) of the day with no data are held at the peak's count",
                        report::schedule_text(s)
                    ),
                })
                .collect(),
            growth: None,
            assumptions: Vec::new(),
            warnings: Vec::new(),
            steps: &m.steps,
            analysis_steps: &[],
        })
        .collect()
}

fn row(what: &str, unit: &str, [mean, peak]: &[String; 2]) -> [String; 4] {
    [
        what.to_string(),
        unit.to_string(),
        mean.clone(),
        peak.clone(),
    ]
}
