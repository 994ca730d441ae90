//! Scenario files: a whole pipeline (streams, analytics applications, Firehose streams) in one
//! TOML file that people write by hand, wired by name, priced as one.
//!
//! Wiring: analytics applications or a Firehose with `stream = "name"` read that stream, so each
//! application (and the Firehose) counts as one more consumer of it (shared, or enhanced fan-out
//! with `efo = true` for analytics); a Firehose that reads a stream takes its record rate and size unless it gives its
//! own. An analytics application may write to a stream (`output = "name"`); a stream with no
//! `records` of its own takes its traffic from the application that writes to it, which takes it
//! from the stream it reads. A chain of such borrowings that comes back on itself is a cycle, and
//! an error. Parsing is strict: unknown keys are errors, located by line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use toml::Spanned;

use crate::analytics::{self, AnalyticsEstimate, AnalyticsWorkload, AppSize, Engine};
use crate::calc::{Options, Rounding};
use crate::error::Error;
use crate::estimate::{Estimate, Mode};
use crate::firehose::{self, FirehoseEstimate, FirehoseWorkload, Source};
use crate::money::Money;
use crate::price::PriceBook;
use crate::rate::Rate;
use crate::streams;
use crate::text::line_column;
use crate::workload::{MaxRecordSize, RecordSize, Retention, StreamWorkload};

/// A scenario file could not be read or priced.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}", self.text(&crate::face::Plain))]
pub struct ScenarioError {
    /// The file's name as given.
    pub origin: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The component it concerns (`streams.sensor-temperature`), when there is one.
    pub component: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
    /// The estimate's own error, when a component's estimate failed: [`ScenarioError::text`]
    /// words it for the face that shows it, with inputs as the file's keys.
    pub cause: Option<Box<Error>>,
}

impl ScenarioError {
    /// The error, located in the file, in the words of `face` (inputs as the file's keys).
    pub fn text(&self, face: &dyn crate::face::Face) -> String {
        let message = match &self.cause {
            Some(cause) => cause.text(&crate::face::ScenarioFile(face)),
            None => self.message.clone(),
        };
        let component = self
            .component
            .as_ref()
            .map(|c| format!("{c}: "))
            .unwrap_or_default();
        format!(
            "{}:{}:{}: {component}{message}",
            self.origin, self.line, self.column
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    name: Option<String>,
    region: Option<Spanned<String>>,
    rounding: Option<Spanned<String>>,
    discount: Option<Spanned<f64>>,
    #[serde(default)]
    streams: BTreeMap<String, Spanned<StreamSpec>>,
    #[serde(default)]
    analytics: BTreeMap<String, Spanned<AnalyticsSpec>>,
    #[serde(default)]
    firehose: BTreeMap<String, Spanned<FirehoseSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StreamSpec {
    records: Option<Spanned<Text>>,
    size_kb: Option<Spanned<f64>>,
    #[serde(default)]
    consumers: u32,
    #[serde(default)]
    efo_consumers: u32,
    mode: Option<Spanned<String>>,
    retention: Option<Spanned<String>>,
    #[serde(default)]
    long_term_reads_gb: f64,
    aggregate_kb: Option<f64>,
    peak_records: Option<Spanned<Text>>,
    target_utilization: Option<f64>,
    hot_key_share: Option<f64>,
    max_record_size: Option<Spanned<Text>>,
    growth: Option<Spanned<f64>>,
    months: Option<Spanned<u32>>,
    region: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnalyticsSpec {
    stream: Option<Spanned<String>>,
    output: Option<Spanned<String>>,
    #[serde(default)]
    efo: bool,
    engine: Option<Spanned<String>>,
    #[serde(default = "one")]
    apps: u32,
    kpus: Option<u32>,
    parallelism: Option<u32>,
    parallelism_per_kpu: Option<u32>,
    kpu_hours: Option<Spanned<String>>,
    #[serde(default)]
    storage_included: bool,
    #[serde(default)]
    backup_gb: f64,
    region: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FirehoseSpec {
    stream: Option<Spanned<String>>,
    source: Option<Spanned<String>>,
    records: Option<Spanned<Text>>,
    size_kb: Option<Spanned<f64>>,
    #[serde(default)]
    format_conversion: bool,
    #[serde(default)]
    dynamic_partitioning: bool,
    object_size_mb: Option<f64>,
    #[serde(default)]
    jq_hours: f64,
    #[serde(default)]
    vpc_subnets: u32,
    vpc_ratio: Option<f64>,
    region: Option<Spanned<String>>,
}

fn one() -> u32 {
    1
}

/// A value written as a string or a number (`records = 100` or `records = "100/s"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Text {
    Number(f64),
    Text(String),
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Text::Number(n) => write!(f, "{n}"),
            Text::Text(s) => f.write_str(s),
        }
    }
}

/// What one component is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A Kinesis data stream.
    Stream,
    /// A set of analytics applications.
    Analytics,
    /// A Firehose stream.
    Firehose,
}

/// One component's estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ComponentEstimate {
    /// A stream.
    Stream(Box<Estimate>),
    /// Analytics applications.
    Analytics(Box<AnalyticsEstimate>),
    /// A Firehose stream.
    Firehose(Box<FirehoseEstimate>),
}

impl ComponentEstimate {
    /// The component's region and cost lines.
    pub fn priced(&self) -> (&str, &[crate::estimate::Line]) {
        match self {
            ComponentEstimate::Stream(e) => (&e.region, &e.lines),
            ComponentEstimate::Analytics(e) => (&e.region, &e.lines),
            ComponentEstimate::Firehose(e) => (&e.region, &e.lines),
        }
    }

    /// The component's monthly total.
    pub fn monthly_usd(&self) -> Money {
        match self {
            ComponentEstimate::Stream(e) => e.monthly_usd,
            ComponentEstimate::Analytics(e) => e.monthly_usd,
            ComponentEstimate::Firehose(e) => e.monthly_usd,
        }
    }
}

/// A named, priced component of a pipeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    /// Its name in the file.
    pub name: String,
    /// What it is.
    pub kind: Kind,
    /// The stream it reads, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reads: Option<String>,
    /// Components in the file that read this stream (streams only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub read_by: Vec<String>,
    /// Its estimate.
    pub estimate: ComponentEstimate,
}

/// A whole pipeline, priced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PipelineEstimate {
    /// The scenario's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The rounding policy.
    pub rounding: Rounding,
    /// Streams, then analytics, then Firehose streams, each by name.
    pub components: Vec<Component>,
    /// The sum of the components' totals.
    pub monthly_usd: Money,
    /// Warnings about the pipeline as a whole (old prices, once for every component).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::notes::Warning>,
}

struct Ctx<'a> {
    text: &'a str,
    origin: &'a str,
}

impl Ctx<'_> {
    fn error(
        &self,
        span: Range<usize>,
        component: Option<String>,
        message: impl Into<String>,
    ) -> ScenarioError {
        let (line, column) = line_column(self.text, span.start);
        ScenarioError {
            origin: self.origin.to_string(),
            line,
            column,
            component,
            message: message.into(),
            cause: None,
        }
    }

    /// A component whose estimate failed with `cause`.
    fn failed(&self, span: Range<usize>, component: &str, cause: Error) -> ScenarioError {
        ScenarioError {
            cause: Some(Box::new(cause.clone())),
            ..self.error(span, Some(component.to_string()), cause.to_string())
        }
    }
}

/// Where a stream's traffic comes from.
#[derive(Clone, Copy)]
struct Traffic {
    records: Rate,
    size: RecordSize,
}

/// Reads and prices the scenario `text`; `origin` names it in errors. `options` gives the trace,
/// today's date and a discount; the file's own `rounding` and `discount` apply where the options
/// leave them at their defaults (calculator rounding, no discount).
///
/// # Errors
/// [`ScenarioError`] for TOML that does not parse, unknown keys, bad values, wiring to unknown
/// streams or in a cycle, and anything a component's own estimate refuses, each located in the
/// file and naming the component.
/// ```
/// use kcost_core::{scenario, testing, Options};
/// let text = r#"
///     region = "us-east-2"
///     [streams.clicks]
///     records = "100/s"
///     size_kb = 100
///     consumers = 9
///     [firehose.archive]
///     stream = "clicks"    # a tenth consumer, with the stream's traffic
///     region = "eu-west-2"
/// "#;
/// let p = scenario::estimate(text, "pipeline.toml", &testing::deck_book(), Options::default())?;
/// assert_eq!(p.components.len(), 2);
/// // The stream now has ten consumers: the seed deck's 49 shards, 551.27 USD.
/// assert_eq!(p.components[0].estimate.monthly_usd().to_string(), "551.27");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn estimate(
    text: &str,
    origin: &str,
    book: &PriceBook,
    options: Options,
) -> Result<PipelineEstimate, ScenarioError> {
    let ctx = Ctx { text, origin };
    let file: File = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        ctx.error(span, None, e.message().trim().to_string())
    })?;
    let rounding: Rounding = match &file.rounding {
        None => options.rounding,
        Some(r) => r
            .get_ref()
            .parse()
            .map_err(|e: crate::error::InputError| ctx.error(r.span(), None, e.to_string()))?,
    };
    let discount_bp = match (&file.discount, options.discount_bp) {
        (Some(d), 0) => crate::calc::parse_discount(&d.get_ref().to_string())
            .map_err(|e| ctx.error(d.span(), None, e.to_string()))?,
        (_, bp) => bp,
    };
    // One warning about old prices for the whole pipeline, not one per component.
    let price_age = options.price_age;
    let options = Options {
        rounding,
        discount_bp,
        price_age: None,
        ..options
    };
    if file.streams.is_empty() && file.analytics.is_empty() && file.firehose.is_empty() {
        return Err(ctx.error(
            0..0,
            None,
            "the scenario has no components; add [streams.NAME], [analytics.NAME] or [firehose.NAME] tables",
        ));
    }
    let default_region = file.region.as_ref().map(|r| r.get_ref().as_str());
    fn region_of<'a>(
        own: &'a Option<Spanned<String>>,
        default: Option<&'a str>,
    ) -> Option<&'a str> {
        own.as_ref().map(|r| r.get_ref().as_str()).or(default)
    }

    // Wiring: every `stream` and `output` must name a stream in the file.
    let stream_ref = |name: &Spanned<String>, component: &str| -> Result<String, ScenarioError> {
        if file.streams.contains_key(name.get_ref()) {
            Ok(name.get_ref().clone())
        } else {
            let known: Vec<&str> = file.streams.keys().map(String::as_str).collect();
            Err(ctx.error(
                name.span(),
                Some(component.to_string()),
                format!(
                    "there is no stream '{}' in this file; streams here: {}",
                    name.get_ref(),
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ),
            ))
        }
    };
    let mut readers: BTreeMap<&str, (u32, u32, Vec<String>)> = BTreeMap::new();
    let mut writers: BTreeMap<String, &str> = BTreeMap::new();
    for (name, spec) in &file.analytics {
        let component = format!("analytics.{name}");
        let spec = spec.get_ref();
        if let Some(stream) = &spec.stream {
            let s = stream_ref(stream, &component)?;
            let entry = readers
                .entry(
                    file.streams
                        .get_key_value(&s)
                        .map_or("", |(k, _)| k.as_str()),
                )
                .or_default();
            // Each application of the set reads the stream.
            if spec.efo {
                entry.1 += spec.apps;
            } else {
                entry.0 += spec.apps;
            }
            entry.2.push(component.clone());
        }
        if let Some(output) = &spec.output {
            let s = stream_ref(output, &component)?;
            writers.insert(s, name.as_str());
        }
    }
    for (name, spec) in &file.firehose {
        let component = format!("firehose.{name}");
        if let Some(stream) = &spec.get_ref().stream {
            let s = stream_ref(stream, &component)?;
            let entry = readers
                .entry(
                    file.streams
                        .get_key_value(&s)
                        .map_or("", |(k, _)| k.as_str()),
                )
                .or_default();
            entry.0 += 1;
            entry.2.push(component);
        }
    }

    // Each stream's traffic: its own, or borrowed through the application that writes to it.
    let mut traffic: BTreeMap<&str, Traffic> = BTreeMap::new();
    for name in file.streams.keys() {
        let mut path: Vec<String> = Vec::new();
        let t = resolve(&ctx, &file, &writers, name, &mut path)?;
        traffic.insert(name, t);
    }

    let mut components = Vec::new();
    for (name, spec) in &file.streams {
        let component = format!("streams.{name}");
        let at = spec.span();
        let spec = spec.get_ref();
        let t = traffic
            .get(name.as_str())
            .copied()
            .ok_or_else(|| ctx.error(at.clone(), Some(component.clone()), "no traffic"))?;
        let (shared, efo, read_by) = readers.get(name.as_str()).cloned().unwrap_or_default();
        let fail =
            |span: Range<usize>, message: String| ctx.error(span, Some(component.clone()), message);
        let mode: Mode = match &spec.mode {
            None => Mode::Provisioned,
            Some(m) => m
                .get_ref()
                .parse()
                .map_err(|e: crate::error::InputError| fail(m.span(), e.to_string()))?,
        };
        let retention = match &spec.retention {
            None => Retention::DEFAULT,
            Some(r) => r
                .get_ref()
                .parse()
                .map_err(|e: crate::error::InputError| fail(r.span(), e.to_string()))?,
        };
        let peak_records = match &spec.peak_records {
            None => None,
            Some(p) => Some(
                p.get_ref()
                    .to_string()
                    .parse::<Rate>()
                    .map_err(|e| fail(p.span(), e.to_string()))?,
            ),
        };
        let max_record_size = match &spec.max_record_size {
            None => None,
            Some(m) => Some(
                m.get_ref()
                    .to_string()
                    .parse::<MaxRecordSize>()
                    .map_err(|e| fail(m.span(), e.to_string()))?,
            ),
        };
        let growth = match (&spec.growth, &spec.months) {
            (None, None) => None,
            (None, Some(m)) => {
                return Err(fail(m.span(), "`months` goes with `growth`".to_string()))
            }
            (Some(g), months) => Some(
                crate::workload::Growth::new(
                    *g.get_ref(),
                    months
                        .as_ref()
                        .map_or(crate::workload::Growth::DEFAULT_MONTHS, |m| *m.get_ref()),
                )
                .map_err(|e| fail(g.span(), e.to_string()))?,
            ),
        };
        let workload = StreamWorkload {
            growth,
            consumers: Some(spec.consumers.saturating_add(shared)),
            efo_consumers: spec.efo_consumers.saturating_add(efo),
            retention,
            long_term_reads_gb: spec.long_term_reads_gb,
            aggregate_kb: spec.aggregate_kb,
            peak_records,
            target_utilization: spec.target_utilization.unwrap_or(100.0),
            hot_key_share: spec.hot_key_share,
            max_record_size,
            ..StreamWorkload::new(t.records, t.size)
        };
        let e = streams::estimate(
            &workload,
            mode,
            region_of(&spec.region, default_region),
            book,
            options,
        )
        .map_err(|e| ctx.failed(at.clone(), &component, e))?;
        components.push(Component {
            name: name.clone(),
            kind: Kind::Stream,
            reads: None,
            read_by,
            estimate: ComponentEstimate::Stream(Box::new(e)),
        });
    }
    for (name, spec) in &file.analytics {
        let component = format!("analytics.{name}");
        let at = spec.span();
        let spec = spec.get_ref();
        let fail =
            |span: Range<usize>, message: String| ctx.error(span, Some(component.clone()), message);
        let engine: Engine = match &spec.engine {
            None => Engine::Flink,
            Some(e) => e
                .get_ref()
                .parse()
                .map_err(|err: crate::error::InputError| fail(e.span(), err.to_string()))?,
        };
        let size =
            match (spec.kpus, spec.parallelism, &spec.kpu_hours) {
                (Some(k), None, None) => AppSize::Kpus(k),
                (None, Some(p), None) => AppSize::Parallelism {
                    parallelism: p,
                    per_kpu: spec.parallelism_per_kpu.unwrap_or(1),
                },
                (None, None, Some(h)) => {
                    AppSize::kpu_hours(h.get_ref()).map_err(|e| fail(h.span(), e.to_string()))?
                }
                _ => return Err(fail(
                    at.clone(),
                    "give the applications' size as exactly one of kpus, parallelism or kpu_hours"
                        .to_string(),
                )),
            };
        let workload = AnalyticsWorkload {
            storage_included: spec.storage_included,
            backup_gb: spec.backup_gb,
            ..AnalyticsWorkload::new(engine, spec.apps, size)
        };
        let e = analytics::estimate(
            &workload,
            region_of(&spec.region, default_region),
            book,
            options,
        )
        .map_err(|e| ctx.failed(at.clone(), &component, e))?;
        components.push(Component {
            name: name.clone(),
            kind: Kind::Analytics,
            reads: spec.stream.as_ref().map(|s| s.get_ref().clone()),
            read_by: Vec::new(),
            estimate: ComponentEstimate::Analytics(Box::new(e)),
        });
    }
    for (name, spec) in &file.firehose {
        let component = format!("firehose.{name}");
        let at = spec.span();
        let spec = spec.get_ref();
        let fail =
            |span: Range<usize>, message: String| ctx.error(span, Some(component.clone()), message);
        let from_stream = spec
            .stream
            .as_ref()
            .and_then(|s| traffic.get(s.get_ref().as_str()).copied());
        let source = match (&spec.source, from_stream.is_some()) {
            (Some(s), false) => s.get_ref().parse::<Source>().map_err(|e| fail(s.span(), e.to_string()))?,
            (Some(s), true) => {
                return Err(fail(
                    s.span(),
                    "a Firehose that reads a stream has the kinesis-stream source; drop `source` or `stream`".to_string(),
                ))
            }
            (None, true) => Source::KinesisStream,
            (None, false) => Source::DirectPut,
        };
        let records = match (&spec.records, from_stream) {
            (Some(r), _) => r
                .get_ref()
                .to_string()
                .parse::<Rate>()
                .map_err(|e| fail(r.span(), e.to_string()))?,
            (None, Some(t)) => t.records,
            (None, None) => {
                return Err(fail(
                    at.clone(),
                    "give `records` (or `stream` to read one in this file)".to_string(),
                ))
            }
        };
        let size = match (&spec.size_kb, from_stream) {
            (Some(s), _) => {
                RecordSize::from_kb(*s.get_ref()).map_err(|e| fail(s.span(), e.to_string()))?
            }
            (None, Some(t)) => t.size,
            (None, None) => {
                return Err(fail(
                    at.clone(),
                    "give `size_kb` (or `stream` to read one in this file)".to_string(),
                ))
            }
        };
        let workload = FirehoseWorkload {
            source,
            format_conversion: spec.format_conversion,
            dynamic_partitioning: spec.dynamic_partitioning,
            object_size_mb: spec.object_size_mb,
            jq_hours: spec.jq_hours,
            vpc_subnets: spec.vpc_subnets,
            vpc_ratio: spec.vpc_ratio.unwrap_or(1.0),
            ..FirehoseWorkload::new(records, size)
        };
        let mut e = firehose::estimate(
            &workload,
            region_of(&spec.region, default_region),
            book,
            options,
        )
        .map_err(|e| ctx.failed(at.clone(), &component, e))?;
        if let (Some(s), true) = (&spec.stream, spec.records.is_none()) {
            e.assumptions
                .push(crate::notes::Assumption::FirehoseFromStream {
                    stream: s.get_ref().as_str().into(),
                });
        }
        components.push(Component {
            name: name.clone(),
            kind: Kind::Firehose,
            reads: spec.stream.as_ref().map(|s| s.get_ref().clone()),
            read_by: Vec::new(),
            estimate: ComponentEstimate::Firehose(Box::new(e)),
        });
    }
    let monthly_usd = components.iter().map(|c| c.estimate.monthly_usd()).sum();
    let warnings =
        crate::bill::old_prices(components.iter().map(|c| c.estimate.priced()), price_age)
            .into_iter()
            .collect();
    Ok(PipelineEstimate {
        name: file.name,
        rounding,
        components,
        monthly_usd,
        warnings,
    })
}

/// A stream's traffic: its own `records` and `size_kb`, or those of the stream read by the
/// application that writes to it, following such links and refusing a cycle.
fn resolve(
    ctx: &Ctx<'_>,
    file: &File,
    writers: &BTreeMap<String, &str>,
    name: &str,
    path: &mut Vec<String>,
) -> Result<Traffic, ScenarioError> {
    let component = format!("streams.{name}");
    let Some(spec) = file.streams.get(name) else {
        return Err(ctx.error(0..0, Some(component), "no such stream"));
    };
    let at = spec.span();
    if path.iter().any(|p| p == name) {
        path.push(name.to_string());
        return Err(ctx.error(
            at,
            Some(component),
            format!(
                "its traffic comes round in a cycle: {}; give one of these streams its own records and size_kb",
                path.join(" <- ")
            ),
        ));
    }
    path.push(name.to_string());
    let spec = spec.get_ref();
    let fail =
        |span: Range<usize>, message: String| ctx.error(span, Some(component.clone()), message);
    let own_records = match &spec.records {
        Some(r) => Some(
            r.get_ref()
                .to_string()
                .parse::<Rate>()
                .map_err(|e| fail(r.span(), e.to_string()))?,
        ),
        None => None,
    };
    let own_size = match &spec.size_kb {
        Some(s) => {
            Some(RecordSize::from_kb(*s.get_ref()).map_err(|e| fail(s.span(), e.to_string()))?)
        }
        None => None,
    };
    if let (Some(records), Some(size)) = (own_records, own_size) {
        return Ok(Traffic { records, size });
    }
    // Borrow what is missing from the stream the writing application reads.
    let upstream = writers
        .get(name)
        .and_then(|app| file.analytics.get(*app))
        .and_then(|spec| spec.get_ref().stream.as_ref())
        .map(|s| s.get_ref().clone());
    let Some(upstream) = upstream else {
        return Err(fail(
            at,
            "give `records` and `size_kb`, or write to this stream from an analytics application \
             (`output = \"...\"`) that reads another stream"
                .to_string(),
        ));
    };
    let borrowed = resolve(ctx, file, writers, &upstream, path)?;
    Ok(Traffic {
        records: own_records.unwrap_or(borrowed.records),
        size: own_size.unwrap_or(borrowed.size),
    })
}
