//! A scenario file's text to a [`Scenario`]: strict TOML (unknown keys refused), every value
//! parsed by the core's own parsers, each error located at its value.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use super::{
    AnalyticsSpec, ConsumerSpec, FirehoseSpec, Locator, Scenario, ScenarioError, StreamRef,
    StreamSpec,
};
use crate::analytics::{AnalyticsWorkload, AppSize, Engine};
use crate::error::InputError;
use crate::estimate::Mode;
use crate::firehose::{FirehoseWorkload, Source};
use crate::input::{Input, Scope};
use crate::read::rate::Rate;
use crate::streams::workload::{RecordSize, StreamWorkload};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    name: Option<String>,
    region: Option<Spanned<String>>,
    rounding: Option<Spanned<String>>,
    discount: Option<Spanned<f64>>,
    #[serde(default)]
    streams: BTreeMap<String, Spanned<Table>>,
    #[serde(default)]
    analytics: BTreeMap<String, Spanned<Table>>,
    #[serde(default)]
    firehose: BTreeMap<String, Spanned<Table>>,
    #[serde(default)]
    lambda: BTreeMap<String, Spanned<Table>>,
    #[serde(default)]
    kcl: BTreeMap<String, Spanned<Table>>,
}

/// A component's table as written: each key with its value, both located. Its keys are its
/// inputs' declared keys (read through the workload's `set`) and the few that place it (its
/// region, what it reads); [`read_table`] refuses any other.
type Table = BTreeMap<Spanned<String>, Spanned<Scalar>>;

/// A value in a component's table: a number, a string, a switch, or a list of numbers (a
/// profile's 24 weights), read as its input's text.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Number(f64),
    Switch(bool),
    Text(String),
    List(Vec<f64>),
}

impl fmt::Display for Scalar {
    /// The value as it would be typed: a list joined by commas, a switch `true` or `false`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Number(n) => write!(f, "{n}"),
            Scalar::Switch(on) => write!(f, "{on}"),
            Scalar::Text(s) => f.write_str(s),
            Scalar::List(weights) => {
                let texts: Vec<String> = weights.iter().map(f64::to_string).collect();
                f.write_str(&texts.join(","))
            }
        }
    }
}

/// What [`read_table`] read: the inputs set, each located, and the keys that place the
/// component.
struct Read {
    given: Vec<(Input, super::Span)>,
    placing: BTreeMap<&'static str, Spanned<Scalar>>,
}

impl Read {
    fn has(&self, input: Input) -> bool {
        self.given.iter().any(|(i, _)| *i == input)
    }

    fn span(&self, input: Input) -> Option<super::Span> {
        self.given
            .iter()
            .find(|(i, _)| *i == input)
            .map(|(_, span)| span.clone())
    }
}

/// Reads a component's table: every key of `inputs` set through `set`, in declared order (the
/// growth before its months); the keys in `placing` handed back; any other key refused, with
/// the keys it could be.
fn read_table(
    v: &Values<'_>,
    table: Table,
    inputs: impl Iterator<Item = Input> + Clone,
    placing: &[&'static str],
    mut set: impl FnMut(Input, &str) -> Result<(), InputError>,
) -> Result<Read, ScenarioError> {
    let known = |key: &str| inputs.clone().any(|i| i.spec().key == key) || placing.contains(&key);
    let unknown = table.keys().filter(|k| !known(k.get_ref()));
    if let Some(key) = unknown.min_by_key(|k| k.span().start) {
        let expected: Vec<String> = inputs
            .clone()
            .map(|i| i.spec().key)
            .chain(placing.iter().copied())
            .map(|k| format!("`{k}`"))
            .collect();
        let message = format!(
            "unknown field `{}`, expected one of {}",
            key.get_ref(),
            expected.join(", ")
        );
        return Err(v.fail(key.span(), message));
    }
    let mut values: BTreeMap<String, Spanned<Scalar>> = table
        .into_iter()
        .map(|(k, value)| (k.into_inner(), value))
        .collect();
    let mut read = Read {
        given: Vec::new(),
        placing: BTreeMap::new(),
    };
    for input in inputs {
        if let Some(value) = values.remove(input.spec().key) {
            set(input, &value.get_ref().to_string())
                .map_err(|e| v.fail(value.span(), e.to_string()))?;
            read.given.push((input, value.span()));
        }
    }
    for &key in placing {
        if let Some(value) = values.remove(key) {
            read.placing.insert(key, value);
        }
    }
    Ok(read)
}

/// Parses one component's values, naming the component in every error.
struct Values<'a> {
    at: Locator<'a>,
    component: String,
}

impl Values<'_> {
    fn fail(&self, span: super::Span, message: impl Into<String>) -> ScenarioError {
        self.at.error(span, Some(self.component.clone()), message)
    }

    /// `value` parsed as `T`, an error located at it.
    fn parse<T>(&self, value: &Spanned<impl ToString>) -> Result<T, ScenarioError>
    where
        T: std::str::FromStr<Err = InputError>,
    {
        value
            .get_ref()
            .to_string()
            .parse()
            .map_err(|e: InputError| self.fail(value.span(), e.to_string()))
    }

    /// A key that places a component, taken from `placing`: its region, or what it reads or
    /// writes (a stream's name), as text in quotes.
    fn text(
        &self,
        placing: &mut BTreeMap<&'static str, Spanned<Scalar>>,
        key: &'static str,
    ) -> Result<Option<Spanned<String>>, ScenarioError> {
        let Some(value) = placing.remove(key) else {
            return Ok(None);
        };
        let span = value.span();
        let example = match key {
            "region" => "eu-central-1",
            _ => "clicks",
        };
        match value.into_inner() {
            Scalar::Text(text) => Ok(Some(Spanned::new(span, text))),
            other => Err(self.fail(
                span,
                format!("`{key}` is text in quotes, such as {key} = \"{example}\", not {other}"),
            )),
        }
    }

    /// A key that is true or false (`efo`), taken from `placing`.
    fn switch(
        &self,
        placing: &mut BTreeMap<&'static str, Spanned<Scalar>>,
        key: &'static str,
    ) -> Result<Option<bool>, ScenarioError> {
        let Some(value) = placing.remove(key) else {
            return Ok(None);
        };
        match value.get_ref() {
            Scalar::Switch(on) => Ok(Some(*on)),
            other => Err(self.fail(
                value.span(),
                format!("`{key}` is true or false, not {other}"),
            )),
        }
    }
}

/// Reads the scenario `text`; `origin` names it in errors.
///
/// # Errors
/// [`ScenarioError`] for TOML that does not parse, unknown keys, a scenario with no components,
/// and values the core refuses, each located at the value and naming its component.
pub fn parse(text: &str, origin: &str) -> Result<Scenario, ScenarioError> {
    let at = Locator::new(text, origin);
    let file: File = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        at.error(span, None, e.message().trim().to_string())
    })?;
    if file.streams.is_empty()
        && file.analytics.is_empty()
        && file.firehose.is_empty()
        && file.lambda.is_empty()
        && file.kcl.is_empty()
    {
        return Err(at.error(
            0..0,
            None,
            "the scenario has no components; add [streams.NAME], [analytics.NAME], [firehose.NAME], [lambda.NAME] or [kcl.NAME] tables",
        ));
    }
    let rounding = match &file.rounding {
        None => None,
        Some(r) => Some((
            r.get_ref()
                .parse()
                .map_err(|e: InputError| at.error(r.span(), None, e.to_string()))?,
            r.span(),
        )),
    };
    let discount_bp = match &file.discount {
        None => None,
        Some(d) => Some(
            crate::calc::parse_discount(&d.get_ref().to_string())
                .map_err(|e| at.error(d.span(), None, e.to_string()))?,
        ),
    };
    let values = |component: String| Values { at, component };
    let mut scenario = Scenario {
        name: file.name,
        region: file.region.map(Spanned::into_inner),
        rounding,
        discount_bp,
        ..Scenario::default()
    };
    for (name, table) in file.streams {
        let v = values(format!("streams.{name}"));
        scenario.streams.insert(name, stream(&v, table)?);
    }
    for (name, table) in file.analytics {
        let v = values(format!("analytics.{name}"));
        scenario.analytics.insert(name, analytics(&v, table, None)?);
    }
    for (name, table) in file.firehose {
        let v = values(format!("firehose.{name}"));
        scenario.firehose.insert(name, firehose(&v, table)?);
    }
    for (name, table) in file.lambda {
        let v = values(format!("lambda.{name}"));
        scenario.lambda.insert(name, lambda(&v, table)?);
    }
    for (name, table) in file.kcl {
        let v = values(format!("kcl.{name}"));
        scenario.kcl.insert(name, kcl(&v, table)?);
    }
    Ok(scenario)
}

/// A Lambda function: Lambda's defaults but for its memory and duration, which the file gives.
fn lambda(v: &Values<'_>, table: Spanned<Table>) -> Result<ConsumerSpec, ScenarioError> {
    use crate::consumers::LambdaWorkload;
    let mut workload = LambdaWorkload::new(128, 100.0);
    consumer(v, table, Scope::Lambda, |input, text| {
        workload.set(input, text)
    })?
    .needs(v, &[Input::MemoryMb, Input::DurationMs])?
    .spec(v, crate::consumers::App::Lambda(workload), false)
}

/// A KCL application: version 3, one worker, a checkpoint a minute and enhanced fan-out (the
/// KCL's default retrieval since 2.x) unless the file says otherwise.
fn kcl(v: &Values<'_>, table: Spanned<Table>) -> Result<ConsumerSpec, ScenarioError> {
    use crate::consumers::{KclVersion, KclWorkload};
    let mut workload = KclWorkload {
        version: KclVersion::V3,
        workers: 1,
        checkpoint_s: KclWorkload::DEFAULT_CHECKPOINT_S,
    };
    consumer(v, table, Scope::Kcl, |input, text| {
        workload.set(input, text)
    })?
    .spec(v, crate::consumers::App::Kcl(workload), true)
}

/// A consumer's table read: its inputs set, and where it is.
struct Consumer {
    read: Read,
    at: super::Span,
}

/// Reads a consumer's table: the inputs of `scope` through `set`, and the stream it reads, its
/// enhanced fan-out and region.
fn consumer(
    v: &Values<'_>,
    table: Spanned<Table>,
    scope: Scope,
    set: impl FnMut(Input, &str) -> Result<(), InputError>,
) -> Result<Consumer, ScenarioError> {
    let at = table.span();
    let placing = ["stream", "efo", "region"];
    let read = read_table(v, table.into_inner(), Input::of(scope), &placing, set)?;
    Ok(Consumer { read, at })
}

impl Consumer {
    /// Refuses a table without one of `inputs`.
    fn needs(self, v: &Values<'_>, inputs: &[Input]) -> Result<Consumer, ScenarioError> {
        match inputs.iter().find(|&&i| !self.read.has(i)) {
            Some(missing) => {
                Err(v.fail(self.at, format!("missing field `{}`", missing.spec().key)))
            }
            None => Ok(self),
        }
    }

    /// The consumer of `app`, reading its stream with enhanced fan-out unless the file says
    /// otherwise when `efo` (the KCL's default), else only when it says so.
    fn spec(
        mut self,
        v: &Values<'_>,
        app: crate::consumers::App,
        efo: bool,
    ) -> Result<ConsumerSpec, ScenarioError> {
        let mut placing = std::mem::take(&mut self.read.placing);
        let Some(reads) = reference(v.text(&mut placing, "stream")?) else {
            return Err(v.fail(self.at, "missing field `stream`"));
        };
        Ok(ConsumerSpec {
            app,
            reads,
            efo: v.switch(&mut placing, "efo")?.unwrap_or(efo),
            region: v.text(&mut placing, "region")?.map(Spanned::into_inner),
            at: self.at,
        })
    }
}

fn reference(value: Option<Spanned<String>>) -> Option<StreamRef> {
    value.map(|v| StreamRef {
        at: v.span(),
        name: v.into_inner(),
    })
}

/// A stream's table: its inputs through [`StreamWorkload::set`] (no consumers unless given:
/// a file names every reader), its mode and region.
fn stream(v: &Values<'_>, table: Spanned<Table>) -> Result<StreamSpec, ScenarioError> {
    let at = table.span();
    // The records and size are the wiring's to set when not given; these stand in until then.
    let stand_in = Rate::ZERO;
    let mut workload = StreamWorkload {
        consumers: Some(0),
        ..StreamWorkload::new(stand_in, RecordSize::ONE_KB)
    };
    let inputs = Input::of(Scope::Stream).filter(|&i| StreamWorkload::takes(i));
    let mut read = read_table(
        v,
        table.into_inner(),
        inputs,
        &["mode", "region"],
        |input, text| workload.set(input, text),
    )?;
    let mut placing = std::mem::take(&mut read.placing);
    let mode = match placing.remove("mode") {
        Some(mode) => v.parse::<Mode>(&mode)?,
        None => Mode::Provisioned,
    };
    Ok(StreamSpec {
        records: read.has(Input::Records).then_some(workload.records),
        size: read.has(Input::SizeKb).then_some(workload.record_size),
        workload,
        mode,
        region: v.text(&mut placing, "region")?.map(Spanned::into_inner),
        at,
    })
}

/// An analytics table; `declared` is the size when the table gives none (a plan's).
fn analytics(
    v: &Values<'_>,
    table: Spanned<Table>,
    declared: Option<AppSize>,
) -> Result<AnalyticsSpec, ScenarioError> {
    let at = table.span();
    let size = declared.unwrap_or(AppSize::Kpus(1));
    let mut workload = AnalyticsWorkload::new(Engine::Flink, 1, size);
    let placing = ["stream", "output", "efo", "region"];
    let mut read = read_table(
        v,
        table.into_inner(),
        Input::of(Scope::Analytics),
        &placing,
        |input, text| workload.set(input, text),
    )?;
    let sizes = [Input::Kpus, Input::Parallelism, Input::KpuHours];
    match sizes.iter().filter(|&&i| read.has(i)).count() {
        1 => {}
        0 if declared.is_some() => {}
        _ => {
            return Err(v.fail(
                at,
                "give the applications' size as exactly one of kpus, parallelism or kpu_hours",
            ))
        }
    }
    let mut placing = std::mem::take(&mut read.placing);
    Ok(AnalyticsSpec {
        workload,
        reads: reference(v.text(&mut placing, "stream")?),
        efo: v.switch(&mut placing, "efo")?.unwrap_or(false),
        writes: reference(v.text(&mut placing, "output")?),
        region: v.text(&mut placing, "region")?.map(Spanned::into_inner),
        at,
    })
}

/// A Firehose table: its inputs through [`FirehoseWorkload::set`]; one that reads a stream
/// takes its records from it and has the kinesis-stream source.
fn firehose(v: &Values<'_>, table: Spanned<Table>) -> Result<FirehoseSpec, ScenarioError> {
    let at = table.span();
    let stand_in = Rate::ZERO;
    let mut workload = FirehoseWorkload::new(stand_in, RecordSize::ONE_KB);
    let inputs = Input::of(Scope::Firehose);
    let mut read = read_table(
        v,
        table.into_inner(),
        inputs,
        &["stream", "region"],
        |input, text| workload.set(input, text),
    )?;
    let mut placing = std::mem::take(&mut read.placing);
    let reads = reference(v.text(&mut placing, "stream")?);
    match (read.span(Input::Source), reads.is_some()) {
        (Some(span), true) => {
            return Err(v.fail(
                span,
                "a Firehose that reads a stream has the kinesis-stream source; drop `source` or `stream`",
            ))
        }
        (None, true) => workload.source = Source::KinesisStream,
        (_, false) => {}
    }
    let records = read.has(Input::FirehoseRecords).then_some(workload.records);
    let size = read
        .has(Input::FirehoseSizeKb)
        .then_some(workload.record_size);
    if reads.is_none() {
        if records.is_none() {
            return Err(v.fail(at, "give `records` (or `stream` to read one in this file)"));
        }
        if size.is_none() {
            return Err(v.fail(at, "give `size_kb` (or `stream` to read one in this file)"));
        }
    }
    Ok(FirehoseSpec {
        reads,
        records,
        size,
        workload,
        region: v.text(&mut placing, "region")?.map(Spanned::into_inner),
        at,
    })
}

/// One component's table of another file (a usage file's entry for a resource), read with the
/// scenario's own keys and checks; `at` locates errors in that file and `component` names it.
pub(crate) struct Entry<'a> {
    pub(crate) at: Locator<'a>,
    pub(crate) component: String,
}

impl Entry<'_> {
    fn table<T: serde::de::DeserializeOwned>(
        &self,
        value: Spanned<toml::de::DeValue<'_>>,
    ) -> Result<Spanned<T>, ScenarioError> {
        let span = value.span();
        Spanned::<T>::deserialize(toml::de::ValueDeserializer::from(value)).map_err(|e| {
            self.at.error(
                e.span().unwrap_or(span),
                Some(self.component.clone()),
                e.message().trim().to_string(),
            )
        })
    }

    fn values(&self) -> Values<'_> {
        Values {
            at: self.at,
            component: self.component.clone(),
        }
    }

    /// A stream's table.
    pub(crate) fn stream(
        &self,
        value: Spanned<toml::de::DeValue<'_>>,
    ) -> Result<StreamSpec, ScenarioError> {
        stream(&self.values(), self.table(value)?)
    }

    /// An analytics application's table; `declared` is its size when the table gives none.
    pub(crate) fn analytics(
        &self,
        value: Spanned<toml::de::DeValue<'_>>,
        declared: Option<AppSize>,
    ) -> Result<AnalyticsSpec, ScenarioError> {
        analytics(&self.values(), self.table(value)?, declared)
    }

    /// A Lambda event source mapping's usage: its function's duration, and its memory and
    /// architecture unless `function` (the plan's) gives them; `base` is what the plan declares.
    pub(crate) fn lambda_usage(
        &self,
        value: Spanned<toml::de::DeValue<'_>>,
        base: crate::consumers::LambdaWorkload,
        function: bool,
    ) -> Result<crate::consumers::LambdaWorkload, ScenarioError> {
        let v = self.values();
        let table = self.table::<Table>(value)?;
        let at = table.span();
        let mut workload = base;
        // The duration first: the function is checked whole at each value.
        let inputs = [Input::DurationMs, Input::MemoryMb, Input::Architecture];
        let read = read_table(
            &v,
            table.into_inner(),
            inputs.into_iter(),
            &[],
            |input, text| workload.set(input, text),
        )?;
        if !read.has(Input::DurationMs) {
            return Err(v.fail(at, "missing field `duration_ms`"));
        }
        if !read.has(Input::MemoryMb) && !function {
            return Err(v.fail(
                at,
                "give `memory_mb`: the function is not in the plan, so kcost cannot read it",
            ));
        }
        // Where the plan declares the function, its memory and architecture are the plan's.
        if function {
            workload.memory_mb = base.memory_mb;
            workload.architecture = base.architecture;
        }
        workload
            .check()
            .map_err(|e| v.fail(at.clone(), e.to_string()))?;
        Ok(workload)
    }

    /// A Firehose stream's table.
    pub(crate) fn firehose(
        &self,
        value: Spanned<toml::de::DeValue<'_>>,
    ) -> Result<FirehoseSpec, ScenarioError> {
        firehose(&self.values(), self.table(value)?)
    }
}
