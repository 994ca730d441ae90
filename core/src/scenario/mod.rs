//! Scenarios: a whole pipeline (streams, analytics applications, Firehose streams), wired by
//! name, priced as one. A [`Scenario`] is the pipeline as data; it comes from a scenario file
//! ([`parse`]) or is built directly (the page does), and is priced in two steps, [`wire`] then
//! [`price`] ([`estimate`] does all three for a file's text).
//!
//! Wiring: analytics applications or a Firehose that read a stream each count as one more
//! consumer of it (shared, or enhanced fan-out with `efo` for analytics); a Firehose that reads
//! a stream takes its record rate and size unless it gives its own. An analytics application may
//! write to a stream; a stream with no records of its own takes its traffic from the application
//! that writes to it, which takes it from the stream it reads. A chain of such borrowings that
//! comes back on itself is a cycle, and an error. Parsing is strict: unknown keys are errors,
//! located by line and column.

mod parse;
mod price;
mod toml_text;
mod wire;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;
use thiserror::Error;

use crate::analytics::{AnalyticsEstimate, AnalyticsWorkload};
use crate::calc::money::Money;
use crate::calc::{Options, Rounding};
use crate::error::Error;
use crate::estimate::{Estimate, Line, Mode};
use crate::firehose::{FirehoseEstimate, FirehoseWorkload};
use crate::price::PriceBook;
use crate::read::rate::Rate;
use crate::read::text::line_column;
use crate::streams::workload::{RecordSize, StreamWorkload};

pub use parse::parse;
pub(crate) use parse::Entry;
pub use price::price;
pub use wire::{wire, Wiring};

/// Where something is in a scenario file (byte offsets); `0..0` for a scenario built in code.
pub type Span = Range<usize>;

/// A pipeline as data: what a scenario file says, each value parsed and checked, before its
/// components are wired together.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    /// Its name.
    pub name: Option<String>,
    /// The region of every component that names none.
    pub region: Option<String>,
    /// The rounding policy, when the scenario sets one.
    pub rounding: Option<(Rounding, Span)>,
    /// A discount on every line, in hundredths of a percent, when the scenario sets one.
    pub discount_bp: Option<u32>,
    /// Streams by name.
    pub streams: BTreeMap<String, StreamSpec>,
    /// Sets of analytics applications by name.
    pub analytics: BTreeMap<String, AnalyticsSpec>,
    /// Firehose streams by name.
    pub firehose: BTreeMap<String, FirehoseSpec>,
    /// Lambda functions reading a stream, by name.
    pub lambda: BTreeMap<String, ConsumerSpec>,
    /// KCL applications reading a stream, by name.
    pub kcl: BTreeMap<String, ConsumerSpec>,
}

/// A Lambda function or KCL application of the scenario, reading one of its streams.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerSpec {
    /// What it is.
    pub app: crate::consumers::App,
    /// The stream it reads.
    pub reads: StreamRef,
    /// Whether it reads with enhanced fan-out.
    pub efo: bool,
    /// Its region, when not the stream's.
    pub region: Option<String>,
    /// Where it is written.
    pub at: Span,
}

/// A reference to a stream of the scenario by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamRef {
    /// The stream's name.
    pub name: String,
    /// Where the reference is written.
    pub at: Span,
}

impl StreamRef {
    /// A reference to `name` in a scenario built in code.
    pub fn to(name: &str) -> StreamRef {
        StreamRef {
            name: name.to_string(),
            at: 0..0,
        }
    }
}

/// A stream of the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamSpec {
    /// Its own record rate; `None` borrows it through the application that writes to it.
    pub records: Option<Rate>,
    /// Its own record size; `None` borrows it as the records.
    pub size: Option<RecordSize>,
    /// The rest of its workload. Its consumers are its own (the scenario's readers add theirs);
    /// its records and size are replaced by the wired traffic.
    pub workload: StreamWorkload,
    /// The capacity mode.
    pub mode: Mode,
    /// Its region, when not the scenario's.
    pub region: Option<String>,
    /// Where it is written.
    pub at: Span,
}

impl StreamSpec {
    /// A stream of `workload` in `mode`, with its own traffic and the scenario's region.
    pub fn new(workload: StreamWorkload, mode: Mode) -> StreamSpec {
        StreamSpec {
            records: Some(workload.records),
            size: Some(workload.record_size),
            workload,
            mode,
            region: None,
            at: 0..0,
        }
    }
}

/// A set of analytics applications of the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalyticsSpec {
    /// The applications.
    pub workload: AnalyticsWorkload,
    /// The stream each application reads, if any.
    pub reads: Option<StreamRef>,
    /// Whether they read it with enhanced fan-out.
    pub efo: bool,
    /// The stream they write to, if any.
    pub writes: Option<StreamRef>,
    /// Their region, when not the scenario's.
    pub region: Option<String>,
    /// Where they are written.
    pub at: Span,
}

/// A Firehose stream of the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct FirehoseSpec {
    /// The stream it reads, if any (its source is then `kinesis-stream`).
    pub reads: Option<StreamRef>,
    /// Its own record rate; `None` takes the stream's it reads.
    pub records: Option<Rate>,
    /// Its own record size; `None` takes the stream's it reads.
    pub size: Option<RecordSize>,
    /// The rest of its workload (its source, format conversion, partitioning, VPC delivery);
    /// its records and size are replaced by the wired traffic.
    pub workload: FirehoseWorkload,
    /// Its region, when not the scenario's.
    pub region: Option<String>,
    /// Where it is written.
    pub at: Span,
}

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

/// Locates errors in one scenario's text.
#[derive(Debug, Clone, Copy)]
pub struct Locator<'a> {
    text: &'a str,
    origin: &'a str,
}

impl<'a> Locator<'a> {
    /// Errors in `text`, a file named `origin`. A scenario built in code has no text: its
    /// errors are at line 1, column 1 of `origin`.
    pub fn new(text: &'a str, origin: &'a str) -> Locator<'a> {
        Locator { text, origin }
    }

    pub(crate) fn error(
        &self,
        span: Span,
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
    fn failed(&self, span: Span, component: &str, cause: Error) -> ScenarioError {
        ScenarioError {
            cause: Some(Box::new(cause.clone())),
            ..self.error(span, Some(component.to_string()), cause.to_string())
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
    /// A Lambda function reading a stream.
    Lambda,
    /// A KCL application reading a stream (its DynamoDB tables).
    Kcl,
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
    /// A Lambda function or a KCL application's tables.
    Consumer(Box<crate::consumers::ConsumerEstimate>),
}

impl ComponentEstimate {
    /// The component's region and cost lines.
    pub fn priced(&self) -> (&str, &[Line]) {
        match self {
            ComponentEstimate::Stream(e) => (&e.region, &e.lines),
            ComponentEstimate::Analytics(e) => (&e.region, &e.lines),
            ComponentEstimate::Firehose(e) => (&e.region, &e.lines),
            ComponentEstimate::Consumer(e) => (&e.region, &e.lines),
        }
    }

    /// The component's monthly total.
    pub fn monthly_usd(&self) -> Money {
        match self {
            ComponentEstimate::Stream(e) => e.monthly_usd,
            ComponentEstimate::Analytics(e) => e.monthly_usd,
            ComponentEstimate::Firehose(e) => e.monthly_usd,
            ComponentEstimate::Consumer(e) => e.monthly_usd,
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
    /// Streams, then analytics, then Firehose streams, then Lambda functions and KCL
    /// applications, each by name.
    pub components: Vec<Component>,
    /// The sum of the components' totals.
    pub monthly_usd: Money,
    /// Warnings about the pipeline as a whole (old prices, once for every component).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::notes::Warning>,
}

impl PipelineEstimate {
    /// Twelve months at this month's cost (steady traffic; a growth projection is per stream).
    pub fn twelve_months_usd(&self) -> Money {
        Money::from_cents(self.monthly_usd.cents().saturating_mul(12))
    }
}

/// Reads and prices the scenario `text`; `origin` names it in errors. `options` gives the trace,
/// the check for old prices and a discount; the file's own `rounding` and `discount` apply where
/// the options leave them at their defaults (calculator rounding, no discount).
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
/// let scenario::ComponentEstimate::Stream(stream) = &p.components[0].estimate else { panic!() };
/// // The stream now has ten consumers: the seed deck's 49 shards, 551.27 USD; and the Firehose in
/// // London reads its 25,062.56 GB a month across regions: 501.25 USD of transfer around it.
/// let subtotals = stream.subtotals.unwrap();
/// assert_eq!(subtotals.stream_usd.to_string(), "551.27");
/// assert_eq!(subtotals.around_usd.to_string(), "501.25");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn estimate(
    text: &str,
    origin: &str,
    book: &PriceBook,
    options: Options,
) -> Result<PipelineEstimate, ScenarioError> {
    let at = Locator::new(text, origin);
    let scenario = parse(text, origin)?;
    let wiring = wire(&scenario, at)?;
    price(&scenario, &wiring, book, options, at)
}
