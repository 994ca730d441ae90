//! The page's state: every input as typed, the message of each one that does not parse, and the
//! last valid result. The reducer calls the core; the page computes no price itself.
//!
//! The page describes what the user entered as a scenario file (the stream, and the analytics
//! applications and Firehose stream when switched on), so it is priced and wired exactly as
//! `kcost estimate` would price it; that file is also one of the exports.

use std::collections::BTreeMap;
use std::rc::Rc;

use kcost_core::analytics::AnalyticsWorkload;
use kcost_core::consumers;
use kcost_core::firehose::{FirehoseWorkload, Source};
use kcost_core::scenario::{
    self, AnalyticsSpec, ComponentEstimate, ConsumerSpec, FirehoseSpec, Locator, PipelineEstimate,
    Scenario, StreamRef, StreamSpec,
};
use kcost_core::{
    analytics, streams, Comparison, Estimate, Input, Mode, Options, Per, PriceBook, Rate,
    RecordSize, Rounding, Scope, StreamWorkload,
};
use yew::Reducible;

use crate::face::Page;

/// A field of the page: a declared input (its URL parameter, label, hint, kind and default are
/// its declaration's), or one of the page's own for a service beside the stream: the switch
/// that adds it, whether it reads the page's stream, and its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// A declared input.
    Input(Input),
    /// Adds the service of a scope (analytics, Firehose, Lambda, KCL) to the pipeline.
    Add(Scope),
    /// The service reads the page's stream (analytics, Firehose).
    Reads(Scope),
    /// The service's region (analytics, Firehose); the stream's is the region input.
    Region(Scope),
}

impl From<Input> for Field {
    fn from(input: Input) -> Field {
        Field::Input(input)
    }
}

/// The services a page adds beside its stream, in the page's order.
const SERVICES: [Scope; 4] = [Scope::Analytics, Scope::Firehose, Scope::Lambda, Scope::Kcl];

/// A service's name in URL parameters (`analytics`, `firehose-region`).
const fn service(scope: Scope) -> &'static str {
    match scope {
        Scope::Analytics => "analytics",
        Scope::Firehose => "firehose",
        Scope::Lambda => "lambda",
        Scope::Kcl => "kcl",
        Scope::Every | Scope::Stream => "stream",
    }
}

impl Field {
    /// Every field, in the order of the page: the stream's inputs and the estimate's options,
    /// then each service's switch, what it reads, its inputs and its region. (Built as a list
    /// by plain loops: chained iterators, inlined at each caller, cost the page kilobytes.)
    pub fn all() -> Vec<Field> {
        let mut all = Field::of(&[Scope::Stream, Scope::Every]);
        for scope in SERVICES {
            let reads = matches!(scope, Scope::Analytics | Scope::Firehose);
            all.push(Field::Add(scope));
            if reads {
                all.push(Field::Reads(scope));
            }
            all.extend(Field::of(&[scope]));
            if reads {
                all.push(Field::Region(scope));
            }
        }
        all
    }

    /// The fields of the inputs of `scopes`, in declared order, scope by scope.
    pub fn of(scopes: &[Scope]) -> Vec<Field> {
        let mut fields = Vec::new();
        for &scope in scopes {
            for &input in Input::ALL {
                if input.spec().scope == scope {
                    fields.push(Field::Input(input));
                }
            }
        }
        fields
    }

    /// The URL parameter: the input's CLI flag, prefixed by its service where the CLI's flag
    /// is a subcommand's own (`firehose-records`, `lambda-memory-mb`).
    pub fn key(self) -> String {
        match self {
            Field::Input(input) => {
                let spec = input.spec();
                let stream_flag = Input::ALL
                    .iter()
                    .any(|i| i.spec().scope == Scope::Stream && i.spec().flag == spec.flag);
                match spec.scope {
                    Scope::Lambda | Scope::Kcl => format!("{}-{}", service(spec.scope), spec.flag),
                    Scope::Firehose if stream_flag => format!("firehose-{}", spec.flag),
                    _ => spec.flag.to_string(),
                }
            }
            Field::Add(scope) => service(scope).to_string(),
            Field::Reads(scope) => format!("{}-reads-stream", service(scope)),
            Field::Region(scope) => format!("{}-region", service(scope)),
        }
    }

    /// The field with URL parameter `key`.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::all().into_iter().find(|f| f.key() == key)
    }

    /// The value a new page starts with (and that the URL leaves out): the declared default,
    /// but for a stream and application the page prices from the start (100 records/s of
    /// 100 KB, 1 KPU) and the regions it starts in.
    pub fn default_value(self) -> &'static str {
        match self {
            Field::Input(Input::Records | Input::SizeKb) => "100",
            Field::Input(Input::Kpus) => "1",
            Field::Input(Input::Region) | Field::Region(Scope::Analytics) => "us-east-1",
            Field::Region(_) => "us-east-2",
            Field::Input(input) => input.spec().default.unwrap_or(""),
            Field::Reads(_) => "on",
            Field::Add(_) => "",
        }
    }

    /// The input the field sets, as the core declares it; the region input for a service's
    /// region; `None` for the page's own switches.
    pub const fn input(self) -> Option<Input> {
        match self {
            Field::Input(input) => Some(input),
            Field::Region(_) => Some(Input::Region),
            Field::Add(_) | Field::Reads(_) => None,
        }
    }

    /// The field's label: the input's, with its unit (`Average record size (KB)`).
    pub fn label(self) -> String {
        if let Some(spec) = self.input().map(Input::spec) {
            return match spec.unit {
                "" => spec.label.to_string(),
                unit => format!("{} ({unit})", spec.label),
            };
        }
        match self {
            Field::Add(Scope::Analytics) => "Managed Flink / Data Analytics applications",
            Field::Add(Scope::Firehose) => "A Firehose stream",
            Field::Add(Scope::Lambda) => "A Lambda function reading the stream",
            Field::Add(_) => "A KCL application reading the stream",
            Field::Reads(Scope::Analytics) => "They read the stream",
            _ => "It reads the stream",
        }
        .to_string()
    }

    /// Whether the field is an on/off switch (`on` or empty).
    pub const fn is_switch(self) -> bool {
        match self {
            Field::Input(input) => input.spec().switch,
            Field::Add(_) | Field::Reads(_) => true,
            Field::Region(_) => false,
        }
    }
}

/// What the user typed, field by field.
pub type Inputs = BTreeMap<Field, String>;

/// Every field at its default.
pub fn defaults() -> Inputs {
    // Inserted one by one: collecting sorts first, and the page carries every sort it uses.
    let mut inputs = Inputs::new();
    for f in Field::all() {
        inputs.insert(f, f.default_value().to_string());
    }
    inputs
}

/// A valid result: the priced pipeline and, in compare mode, the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The scenario the page priced; written out, it is the scenario file it exports.
    pub scenario: Scenario,
    /// The stream, and the analytics applications and Firehose when switched on.
    pub pipeline: PipelineEstimate,
    /// All modes side by side, in compare mode.
    pub comparison: Option<Comparison>,
    /// The stream's workload as priced (consumers include the components that read it).
    pub workload: StreamWorkload,
    /// Warnings about everything shown (old prices), once for the pipeline and the comparison.
    pub warnings: Vec<kcost_core::Warning>,
}

impl Outcome {
    /// The scenario as a file that `kcost estimate` prices the same.
    pub fn scenario_file(&self) -> String {
        format!(
            "# The page's inputs as a kcost scenario file: kcost estimate this.toml\n{}",
            self.scenario
        )
    }

    /// A name for the files it is downloaded as: `kcost-provisioned-eu-central-1-100rps-100kb`,
    /// with `-flink` and `-firehose` when the pipeline has them.
    pub fn file_stem(&self) -> String {
        let Some(e) = self.stream() else {
            return "kcost".to_string();
        };
        let mode = if self.comparison.is_some() {
            "compare"
        } else {
            e.mode.name()
        };
        let number = |x: f64| {
            let text = format!("{x}");
            text.replace('.', "_")
        };
        let mut stem = format!(
            "kcost-{mode}-{}-{}rps-{}kb",
            e.region,
            number(e.inputs.records_per_second),
            number(e.inputs.size_kb)
        );
        for c in &self.pipeline.components {
            match &c.estimate {
                ComponentEstimate::Analytics(a) => {
                    stem.push('-');
                    stem.push_str(a.inputs.engine.name());
                }
                ComponentEstimate::Firehose(_) => stem.push_str("-firehose"),
                ComponentEstimate::Consumer(e) => stem.push_str(match e.service {
                    kcost_core::Service::Lambda => "-lambda",
                    _ => "-kcl",
                }),
                ComponentEstimate::Stream(_) => {}
            }
        }
        stem
    }

    /// The stream's estimate.
    pub fn stream(&self) -> Option<&Estimate> {
        self.pipeline
            .components
            .iter()
            .find_map(|c| match &c.estimate {
                ComponentEstimate::Stream(e) => Some(&**e),
                _ => None,
            })
    }
}

/// The page's whole state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// What the user typed.
    pub inputs: Inputs,
    /// The message of each field that does not parse.
    pub errors: BTreeMap<Field, String>,
    /// A problem with the inputs as a whole (a region without a price the estimate needs).
    pub problem: Option<String>,
    /// The result for the inputs as they are; `None` while any is invalid, so that no figure
    /// of earlier inputs is ever shown as current.
    pub outcome: Option<Rc<Outcome>>,
    /// URL parameters that were unknown or malformed, reported rather than fatal.
    pub url_problems: Vec<String>,
    /// Show the calculation steps.
    pub explain: bool,
    /// The prices.
    pub book: Rc<PriceBook>,
    /// Whether the chart is wanted yet: it waits until the first figures are on screen.
    pub chart_due: bool,
    /// The chart of the current result, computed with it (not while rendering), once due.
    pub chart: Option<Rc<Chart>>,
}

/// What can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A field changed.
    Set(Field, String),
    /// The explain switch changed.
    Explain(bool),
    /// The first figures are on screen: the chart may be computed now and from now on.
    ChartDue,
}

impl State {
    /// The state for `inputs` (for example from the URL), priced with `book`.
    pub fn new(inputs: Inputs, url_problems: Vec<String>, book: Rc<PriceBook>) -> State {
        let mut state = State {
            inputs,
            errors: BTreeMap::new(),
            problem: None,
            outcome: None,
            url_problems,
            explain: false,
            book,
            chart_due: false,
            chart: None,
        };
        state.recompute();
        state
    }

    /// The value of a field.
    pub fn value(&self, field: impl Into<Field>) -> &str {
        self.inputs.get(&field.into()).map_or("", String::as_str)
    }

    fn on(&self, field: Field) -> bool {
        self.value(field) == "on"
    }

    /// Re-prices after a change; while the inputs are invalid there is no result at all.
    fn recompute(&mut self) {
        self.price();
        self.chart = if self.chart_due {
            self.chart_points().map(Rc::new)
        } else {
            None
        };
    }

    /// Prices the inputs, or says which are invalid.
    fn price(&mut self) {
        match self.compute() {
            Ok(outcome) => {
                self.errors.clear();
                self.problem = None;
                self.outcome = Some(Rc::new(outcome));
            }
            Err(Invalid::Fields(errors)) => {
                self.errors = errors;
                self.problem = None;
                self.outcome = None;
            }
            Err(Invalid::Whole(message)) => {
                self.errors.clear();
                self.problem = Some(message);
                self.outcome = None;
            }
        }
    }

    fn compute(&self) -> Result<Outcome, Invalid> {
        let (read, mut errors) = self.read();
        errors.extend(self.field_errors());
        if !errors.is_empty() {
            return Err(Invalid::Fields(errors));
        }
        let v = |f| self.value(f).trim().to_string();
        let Some(read) = read else {
            return Err(Invalid::Whole(
                "the record rate and size are needed".to_string(),
            ));
        };
        let stream = read.stream;
        let scenario = self.scenario(read);
        let options = Options {
            trace: self.explain,
            discount_bp: self.discount_bp(),
            price_age: price_age(),
            ..Options::default()
        };
        // The page's scenario is built, not written: its errors have no line to point at.
        let at = Locator::new("", "page");
        let pipeline = scenario::wire(&scenario, at)
            .and_then(|wiring| scenario::price(&scenario, &wiring, &self.book, options, at))
            .map_err(|e| {
                Invalid::Whole(match e.cause {
                    Some(cause) => cause.text(&Page),
                    None => e.message,
                })
            })?;
        let priced = pipeline
            .components
            .iter()
            .find_map(|c| match &c.estimate {
                ComponentEstimate::Stream(e) => Some(&**e),
                _ => None,
            })
            .ok_or_else(|| Invalid::Whole("the stream could not be priced".to_string()))?;
        // The stream exactly as priced (every field, every value already checked), with the
        // consumers its readers in the page added: the comparison and the chart price this.
        let workload = StreamWorkload {
            consumers: Some(priced.inputs.consumers),
            efo_consumers: priced.inputs.efo_consumers,
            ..stream
        };
        let options = Options {
            rounding: self.rounding(),
            trace: self.explain,
            discount_bp: self.discount_bp(),
            price_age: price_age(),
            skip_analyses: false,
            commitment: Default::default(),
        };
        let comparison = if v(Field::Input(Input::Mode)) == "compare" {
            Some(
                kcost_core::compare(
                    &workload,
                    Some(&v(Field::Input(Input::Region))),
                    &self.book,
                    options,
                )
                .map_err(|e| Invalid::Whole(e.text(&Page)))?,
            )
        } else {
            None
        };
        let warnings = warnings(&pipeline, comparison.as_ref());
        Ok(Outcome {
            scenario,
            pipeline,
            comparison,
            workload,
            warnings,
        })
    }

    /// The message of each field in use whose value the core refuses, in the page's words: the
    /// options (mode, rounding, discount) by the core's reading of each alone, the regions by
    /// the prices. Every other field is read by its workload's `set` (`State::read`) or is a
    /// switch of the page's own.
    fn field_errors(&self) -> BTreeMap<Field, String> {
        let mut errors = BTreeMap::new();
        let others = Field::all()
            .into_iter()
            .filter(|f| self.in_use(*f) && !is_read(*f));
        for field in others {
            let value = self.value(field).trim();
            let result = match field.input() {
                Some(Input::Region) => self.book.region(value).map(drop).map_err(|e| e.text(&Page)),
                Some(input) if value.is_empty() && input.spec().default.is_none() => Ok(()),
                Some(input) => kcost_core::parse::check(input, value).map_err(|e| e.text(&Page)),
                None => Ok(()),
            };
            if let Err(message) = result {
                errors.insert(field, message);
            }
        }
        if self.on(Field::Add(Scope::Firehose)) && !self.on(Field::Reads(Scope::Firehose)) {
            for (field, what) in [
                (Field::Input(Input::FirehoseRecords), "record rate"),
                (Field::Input(Input::FirehoseSizeKb), "record size"),
            ] {
                if self.value(field).trim().is_empty() {
                    errors.insert(
                        field,
                        format!("give the Firehose's {what}, or let it read the stream"),
                    );
                }
            }
        }
        errors
    }

    /// Whether a field counts: a service's fields only when it is switched on, the Firehose's
    /// own traffic only when it does not read the stream, an input that goes with another only
    /// when that one is given (the months with growth, buffering with dynamic partitioning).
    pub fn in_use(&self, field: Field) -> bool {
        let (scope, input) = match field {
            Field::Add(_) => return true,
            Field::Reads(scope) | Field::Region(scope) => return self.on(Field::Add(scope)),
            Field::Input(input) => (input.spec().scope, input),
        };
        let own_traffic = matches!(
            input,
            Input::Source | Input::FirehoseRecords | Input::FirehoseSizeKb
        );
        let service = match scope {
            Scope::Every | Scope::Stream => true,
            _ => self.on(Field::Add(scope)),
        };
        let needs = input
            .spec()
            .needs
            .is_none_or(|n| self.given(Field::Input(n)));
        service && needs && !(own_traffic && self.on(Field::Reads(Scope::Firehose)))
    }

    /// Whether a field has a value: a switch on, any other field not empty.
    fn given(&self, field: Field) -> bool {
        match field.is_switch() {
            true => self.on(field),
            false => !self.value(field).trim().is_empty(),
        }
    }

    /// The workloads from their fields in use, each field read once, by the core (`set`, as a
    /// flag, column or scenario key is): the stream's, and the applications' and the Firehose's
    /// when they are on; with the message of each field the core refuses. No workloads while
    /// the stream's record rate or size is refused (the other fields are still read, on a
    /// stand-in of 0 records/s of 1 KB, so that every refused field is listed at once).
    fn read(&self) -> (Option<Workloads>, BTreeMap<Field, String>) {
        let mut errors = BTreeMap::new();
        let stand_in = Rate::ZERO;
        let Ok(size) = RecordSize::from_kb(1.0) else {
            return (None, errors);
        };
        let mut stream = StreamWorkload::new(stand_in, size);
        self.read_into(
            &mut stream,
            StreamWorkload::takes,
            StreamWorkload::set,
            &mut errors,
        );
        let traffic_ok = !errors.contains_key(&Field::Input(Input::Records))
            && !errors.contains_key(&Field::Input(Input::SizeKb));
        let analytics = self.on(Field::Add(Scope::Analytics)).then(|| {
            let engine = analytics::Engine::Flink;
            let mut w = AnalyticsWorkload::new(engine, 1, analytics::AppSize::Kpus(1));
            self.read_into(
                &mut w,
                AnalyticsWorkload::takes,
                AnalyticsWorkload::set,
                &mut errors,
            );
            w
        });
        let firehose = self.on(Field::Add(Scope::Firehose)).then(|| {
            let mut w = FirehoseWorkload::new(stream.records, stream.record_size);
            self.read_into(
                &mut w,
                FirehoseWorkload::takes,
                FirehoseWorkload::set,
                &mut errors,
            );
            w
        });
        let lambda = self.on(Field::Add(Scope::Lambda)).then(|| {
            let mut w = lambda_default();
            let takes = |i: Input| i.spec().scope == Scope::Lambda;
            self.read_into(&mut w, takes, consumers::LambdaWorkload::set, &mut errors);
            w
        });
        let kcl = self.on(Field::Add(Scope::Kcl)).then(|| {
            let mut w = kcl_default();
            let takes = |i: Input| i.spec().scope == Scope::Kcl;
            self.read_into(&mut w, takes, consumers::KclWorkload::set, &mut errors);
            w
        });
        let workloads = Workloads {
            stream,
            analytics,
            firehose,
            lambda,
            kcl,
        };
        (traffic_ok.then_some(workloads), errors)
    }

    /// Reads into `w` every field in use of an input `takes` says is its, by `set`; each field
    /// refused gets its message in `errors`. An empty field of an input absent by default means
    /// none.
    fn read_into<W>(
        &self,
        w: &mut W,
        takes: fn(Input) -> bool,
        set: fn(&mut W, Input, &str) -> Result<(), kcost_core::InputError>,
        errors: &mut BTreeMap<Field, String>,
    ) {
        for field in Field::all().into_iter().filter(|f| self.in_use(*f)) {
            let Some(input) = field.input().filter(|i| takes(*i)) else {
                continue;
            };
            let text = self.value(field).trim();
            if text.is_empty() && input.spec().default.is_none() {
                continue;
            }
            if let Err(e) = set(w, input, text) {
                errors.insert(field, e.text(&Page));
            }
        }
    }

    /// The discount asked for, in hundredths of a percent (0 for none).
    pub fn discount_bp(&self) -> u32 {
        kcost_core::calc::parse_discount(self.value(Input::Discount)).unwrap_or(0)
    }

    /// The rounding policy chosen.
    pub fn rounding(&self) -> Rounding {
        self.value(Input::Rounding).parse().unwrap_or_default()
    }

    /// The inputs as a scenario (every value already checked): the stream, and the analytics
    /// applications and Firehose stream when switched on, wired to it as the switches say.
    fn scenario(&self, read: Workloads) -> Scenario {
        let v = |f| self.value(f).trim().to_string();
        let workload = read.stream;
        // Compare mode prices the stream provisioned, and every mode beside it.
        let mode = v(Field::Input(Input::Mode))
            .parse()
            .unwrap_or(Mode::Provisioned);
        let mut stream = StreamSpec::new(workload, mode);
        stream.region = Some(v(Field::Input(Input::Region)));
        let mut scenario = Scenario {
            name: Some("kcost page".to_string()),
            rounding: Some((self.rounding(), 0..0)),
            ..Scenario::default()
        };
        scenario.streams.insert(STREAM.to_string(), stream);
        if let Some(workload) = read.analytics {
            let spec = AnalyticsSpec {
                workload,
                reads: self
                    .on(Field::Reads(Scope::Analytics))
                    .then(|| StreamRef::to(STREAM)),
                efo: false,
                writes: None,
                region: Some(v(Field::Region(Scope::Analytics))),
                at: 0..0,
            };
            scenario.analytics.insert("applications".to_string(), spec);
        }
        if let Some(workload) = read.firehose {
            scenario
                .firehose
                .insert("delivery".to_string(), self.firehose(workload));
        }
        self.consumers(&read, &mut scenario);
        scenario
    }

    /// The Lambda function (a shared consumer) and the KCL application (enhanced fan-out, the
    /// KCL's default) reading the stream, when switched on; each field as the core sets it.
    fn consumers(&self, read: &Workloads, scenario: &mut Scenario) {
        let each = |app| ConsumerSpec {
            app,
            reads: StreamRef::to(STREAM),
            efo: matches!(app, consumers::App::Kcl(_)),
            region: None,
            at: 0..0,
        };
        if let Some(w) = read.lambda {
            let spec = each(consumers::App::Lambda(w));
            scenario.lambda.insert("function".to_string(), spec);
        }
        if let Some(w) = read.kcl {
            let spec = each(consumers::App::Kcl(w));
            scenario.kcl.insert("application".to_string(), spec);
        }
    }

    /// The Firehose stream: reading the page's stream (its traffic borrowed when wired), or with
    /// its own source and traffic as read.
    fn firehose(&self, workload: FirehoseWorkload) -> FirehoseSpec {
        let reads = self.on(Field::Reads(Scope::Firehose));
        let (records, size, source) = if reads {
            (None, None, Source::KinesisStream)
        } else {
            (
                Some(workload.records),
                Some(workload.record_size),
                workload.source,
            )
        };
        FirehoseSpec {
            reads: reads.then(|| StreamRef::to(STREAM)),
            records,
            size,
            workload: FirehoseWorkload { source, ..workload },
            region: Some(
                self.value(Field::Region(Scope::Firehose))
                    .trim()
                    .to_string(),
            ),
            at: 0..0,
        }
    }

    /// Points of the chart: the monthly cost of each mode the region prices, at record rates
    /// from a hundredth to a hundred times the current one, all else equal.
    pub fn chart_points(&self) -> Option<Chart> {
        let outcome = self.outcome.as_ref()?;
        let w = outcome.workload;
        let region = self.book.region(self.value(Input::Region).trim()).ok()?;
        let current = w.records.per_second().max(0.01);
        let options = Options {
            rounding: self.rounding(),
            trace: false,
            ..Options::default()
        };
        let points = 40;
        let (low, high) = (current / 100.0, current * 100.0);
        let mut series = Vec::new();
        for mode in Mode::ALL {
            let mut line = Vec::with_capacity(points);
            for i in 0..points {
                let rate = low * (high / low).powf(i as f64 / (points - 1) as f64);
                let at = StreamWorkload {
                    records: Rate::new(rate, Per::Second).ok()?,
                    // A shard count is provisioned's own; the other modes price the traffic.
                    shards: w.shards.filter(|_| mode == Mode::Provisioned),
                    peak_records: w
                        .peak_records
                        .and_then(|p| Rate::new(rate * p.per_second() / current, Per::Second).ok()),
                    growth: None,
                    ..w
                };
                match streams::estimate_in(&at, mode, region, options) {
                    Ok(e) => line.push((rate, e.monthly_usd.to_f64())),
                    Err(_) => break,
                }
            }
            if line.len() == points {
                series.push((mode, line));
            }
        }
        let break_even = kcost_core::break_even(&w, region, options).ok().flatten();
        // Each mode's month at the current rate itself (the lines' points fall around it).
        let now = series
            .iter()
            .filter_map(|(mode, _)| {
                let at = StreamWorkload {
                    shards: w.shards.filter(|_| *mode == Mode::Provisioned),
                    ..w
                };
                let e = streams::estimate_in(&at, *mode, region, options).ok()?;
                Some((*mode, e.monthly_usd.to_f64()))
            })
            .collect();
        Some(Chart {
            series,
            current,
            break_even,
            now,
        })
    }
}

/// The comparison's own notes (what Advantage's commitment means), then one warning about old
/// prices for all the page shows: the pipeline and every mode.
fn warnings(
    pipeline: &scenario::PipelineEstimate,
    comparison: Option<&kcost_core::Comparison>,
) -> Vec<kcost_core::Warning> {
    let mut warnings: Vec<kcost_core::Warning> = comparison
        .iter()
        .flat_map(|c| &c.warnings)
        .filter(|w| !matches!(w, kcost_core::Warning::OldPrices { .. }))
        .cloned()
        .collect();
    let priced = pipeline.components.iter().map(|c| c.estimate.priced());
    let compared = comparison.iter().flat_map(|c| &c.estimates);
    warnings.extend(kcost_core::old_prices(
        priced.chain(compared.map(|e| (&*e.region, &e.lines[..]))),
        price_age(),
    ));
    warnings
}

/// Monthly cost against record rate, per mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Each mode's (records/s, USD a month) points.
    pub series: Vec<(Mode, Vec<(f64, f64)>)>,
    /// The current record rate.
    pub current: f64,
    /// Where provisioned and on-demand swap places, if they do.
    pub break_even: Option<f64>,
    /// Each mode's month at the current rate.
    pub now: Vec<(Mode, f64)>,
}

/// Whether a field is read by a workload's `set` (the stream's, the applications', the
/// Firehose's, a consumer's) rather than checked alone.
fn is_read(field: Field) -> bool {
    match field {
        Field::Input(input) => input.spec().scope != Scope::Every && input != Input::Mode,
        Field::Add(_) | Field::Reads(_) | Field::Region(_) => false,
    }
}

/// The workloads the fields describe.
struct Workloads {
    stream: StreamWorkload,
    analytics: Option<AnalyticsWorkload>,
    firehose: Option<FirehoseWorkload>,
    lambda: Option<consumers::LambdaWorkload>,
    kcl: Option<consumers::KclWorkload>,
}

/// The page's Lambda function before its fields: the fields' defaults (128 MB, 100 ms) and
/// Lambda's own for the rest.
fn lambda_default() -> consumers::LambdaWorkload {
    consumers::LambdaWorkload::new(128, 100.0)
}

/// The page's KCL application before its fields: version 3, one worker, a checkpoint a minute.
fn kcl_default() -> consumers::KclWorkload {
    consumers::KclWorkload {
        version: consumers::KclVersion::V3,
        workers: 1,
        checkpoint_s: consumers::KclWorkload::DEFAULT_CHECKPOINT_S,
    }
}

/// The name of the page's stream in its scenario.
const STREAM: &str = "stream";

enum Invalid {
    Fields(BTreeMap<Field, String>),
    Whole(String),
}

/// Today's year and month (UTC) from the browser, for the warning about prices older than a
/// year.
fn price_age() -> Option<kcost_core::PriceAge> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let now = js_sys::Date::new_0();
    Some(kcost_core::PriceAge {
        today: (now.get_utc_full_year(), now.get_utc_month() + 1),
        months: kcost_core::PriceAge::DEFAULT_MONTHS,
    })
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let only_chart = action == Action::ChartDue;
        match action {
            Action::Set(field, value) => {
                next.inputs.insert(field, value);
            }
            Action::Explain(on) => next.explain = on,
            Action::ChartDue => next.chart_due = true,
        }
        if only_chart {
            // The figures stand; only the chart is new.
            next.chart = next.chart_points().map(Rc::new);
        } else {
            next.recompute();
        }
        Rc::new(next)
    }
}

/// The prices the page uses: kcost's built-in tables.
pub fn book() -> Rc<PriceBook> {
    let catalog = kcost_pricing::Catalog::embedded();
    Rc::new(catalog.book().clone())
}
