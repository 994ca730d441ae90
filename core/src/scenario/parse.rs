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
use crate::rate::{Per, Rate};
use crate::workload::{
    Form, Growth, MaxRecordSize, Profile, RecordSize, Retention, Scaling, StreamWorkload,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    name: Option<String>,
    region: Option<Spanned<String>>,
    rounding: Option<Spanned<String>>,
    discount: Option<Spanned<f64>>,
    #[serde(default)]
    streams: BTreeMap<String, Spanned<StreamTable>>,
    #[serde(default)]
    analytics: BTreeMap<String, Spanned<AnalyticsTable>>,
    #[serde(default)]
    firehose: BTreeMap<String, Spanned<FirehoseTable>>,
    #[serde(default)]
    lambda: BTreeMap<String, Spanned<LambdaTable>>,
    #[serde(default)]
    kcl: BTreeMap<String, Spanned<KclTable>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LambdaTable {
    stream: Spanned<String>,
    #[serde(default)]
    efo: bool,
    batch_size: Option<u32>,
    memory_mb: u32,
    duration_ms: f64,
    architecture: Option<Spanned<String>>,
    batching_window_s: Option<f64>,
    region: Option<Spanned<String>>,
}

/// What a usage file gives of a Lambda event source mapping: what the plan cannot say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LambdaUsageTable {
    duration_ms: f64,
    memory_mb: Option<u32>,
    architecture: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KclTable {
    stream: Spanned<String>,
    efo: Option<bool>,
    version: Option<Spanned<Text>>,
    workers: Option<u32>,
    checkpoint_s: Option<f64>,
    region: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StreamTable {
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
    form: Option<Spanned<String>>,
    buffer: Option<f64>,
    profile: Option<Spanned<Weights>>,
    scaling: Option<Spanned<String>>,
    shards: Option<Spanned<Text>>,
    hot_key_share: Option<f64>,
    max_record_size: Option<Spanned<Text>>,
    shard_metrics: Option<Spanned<Text>>,
    encryption: Option<Spanned<Text>>,
    kms_key: Option<Spanned<Text>>,
    producer_network: Option<Spanned<Text>>,
    consumer_network: Option<Spanned<Text>>,
    nat_gateways: Option<Spanned<Text>>,
    endpoint_azs: Option<Spanned<Text>>,
    growth: Option<Spanned<f64>>,
    months: Option<Spanned<u32>>,
    region: Option<Spanned<String>>,
}

impl StreamTable {
    /// What the table prices around its stream, each value read as its input's text.
    fn around(&self, v: &Values<'_>) -> Result<crate::around::Around, ScenarioError> {
        let mut around = crate::around::Around::default();
        let given = [
            &self.shard_metrics,
            &self.encryption,
            &self.kms_key,
            &self.producer_network,
            &self.consumer_network,
            &self.nat_gateways,
            &self.endpoint_azs,
        ];
        for (input, value) in crate::around::Around::INPUTS.into_iter().zip(given) {
            if let Some(value) = value {
                around
                    .set(input, &value.get_ref().to_string())
                    .map_err(|e| v.fail(value.span(), e.to_string()))?;
            }
        }
        Ok(around)
    }
}

/// A daily profile as an array of 24 numbers, or as the flag's text (`"1,1,2,..."`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Weights {
    List(Vec<f64>),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnalyticsTable {
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
    hours_per_day: Option<Spanned<f64>>,
    region: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FirehoseTable {
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
    active_partitions: Option<u32>,
    buffer_interval: Option<f64>,
    buffer_size_mb: Option<f64>,
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

    fn optional<T>(
        &self,
        value: &Option<Spanned<impl ToString>>,
    ) -> Result<Option<T>, ScenarioError>
    where
        T: std::str::FromStr<Err = InputError>,
    {
        value.as_ref().map(|v| self.parse(v)).transpose()
    }

    /// `value` read by `parser`, an error located at it.
    fn parsed_by<T>(
        &self,
        value: &Option<Spanned<impl ToString>>,
        parser: fn(&str) -> Result<T, InputError>,
    ) -> Result<Option<T>, ScenarioError> {
        value
            .as_ref()
            .map(|v| {
                parser(&v.get_ref().to_string()).map_err(|e| self.fail(v.span(), e.to_string()))
            })
            .transpose()
    }

    fn size(&self, value: &Option<Spanned<f64>>) -> Result<Option<RecordSize>, ScenarioError> {
        value
            .as_ref()
            .map(|s| {
                RecordSize::from_kb(*s.get_ref()).map_err(|e| self.fail(s.span(), e.to_string()))
            })
            .transpose()
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
fn lambda(v: &Values<'_>, table: Spanned<LambdaTable>) -> Result<ConsumerSpec, ScenarioError> {
    use crate::consumers::{Architecture, LambdaWorkload};
    let at = table.span();
    let t = table.into_inner();
    let workload = LambdaWorkload {
        batch_size: t.batch_size.unwrap_or(LambdaWorkload::DEFAULT_BATCH_SIZE),
        architecture: v
            .optional::<Architecture>(&t.architecture)?
            .unwrap_or_default(),
        batching_window_s: t.batching_window_s.unwrap_or(0.0),
        ..LambdaWorkload::new(t.memory_mb, t.duration_ms)
    };
    workload
        .check()
        .map_err(|e| v.fail(at.clone(), e.to_string()))?;
    Ok(ConsumerSpec {
        app: crate::consumers::App::Lambda(workload),
        reads: StreamRef {
            at: t.stream.span(),
            name: t.stream.into_inner(),
        },
        efo: t.efo,
        region: t.region.map(Spanned::into_inner),
        at,
    })
}

/// A KCL application: version 3, one worker, a checkpoint a minute and enhanced fan-out (the
/// KCL's default retrieval since 2.x) unless the file says otherwise.
fn kcl(v: &Values<'_>, table: Spanned<KclTable>) -> Result<ConsumerSpec, ScenarioError> {
    use crate::consumers::{KclVersion, KclWorkload};
    let at = table.span();
    let t = table.into_inner();
    let workload = KclWorkload {
        version: v
            .optional::<KclVersion>(&t.version)?
            .unwrap_or(KclVersion::V3),
        workers: t.workers.unwrap_or(1),
        checkpoint_s: t.checkpoint_s.unwrap_or(KclWorkload::DEFAULT_CHECKPOINT_S),
    };
    workload
        .check()
        .map_err(|e| v.fail(at.clone(), e.to_string()))?;
    Ok(ConsumerSpec {
        app: crate::consumers::App::Kcl(workload),
        reads: StreamRef {
            at: t.stream.span(),
            name: t.stream.into_inner(),
        },
        efo: t.efo.unwrap_or(true),
        region: t.region.map(Spanned::into_inner),
        at,
    })
}

fn reference(value: Option<Spanned<String>>) -> Option<StreamRef> {
    value.map(|v| StreamRef {
        at: v.span(),
        name: v.into_inner(),
    })
}

fn stream(v: &Values<'_>, table: Spanned<StreamTable>) -> Result<StreamSpec, ScenarioError> {
    let at = table.span();
    let t = table.into_inner();
    let records: Option<Rate> = v.optional(&t.records)?;
    let size = v.size(&t.size_kb)?;
    let mode: Mode = v.optional(&t.mode)?.unwrap_or(Mode::Provisioned);
    let growth = match (&t.growth, &t.months) {
        (None, None) => None,
        (None, Some(m)) => return Err(v.fail(m.span(), "`months` goes with `growth`")),
        (Some(g), months) => Some(
            Growth::new(
                *g.get_ref(),
                months
                    .as_ref()
                    .map_or(Growth::DEFAULT_MONTHS, |m| *m.get_ref()),
            )
            .map_err(|e| v.fail(g.span(), e.to_string()))?,
        ),
    };
    // The records and size are the wiring's to set; these stand in until then.
    let traffic = (
        records.unwrap_or(Rate {
            count: 0.0,
            per: Per::Second,
        }),
        size.unwrap_or(RecordSize::from_kb(1.0).map_err(|e| v.fail(at.clone(), e.to_string()))?),
    );
    let workload = StreamWorkload {
        consumers: Some(t.consumers),
        efo_consumers: t.efo_consumers,
        retention: v.optional::<Retention>(&t.retention)?.unwrap_or_default(),
        long_term_reads_gb: t.long_term_reads_gb,
        aggregate_kb: t.aggregate_kb,
        peak_records: v.optional(&t.peak_records)?,
        target_utilization: t.target_utilization.unwrap_or(100.0),
        form: v.optional::<Form>(&t.form)?.unwrap_or_default(),
        buffer_percent: t.buffer,
        profile: match &t.profile {
            Some(p) => Some(
                match p.get_ref() {
                    Weights::List(w) => Profile::from_weights(w),
                    Weights::Text(text) => text.parse(),
                }
                .map_err(|e| v.fail(p.span(), e.to_string()))?,
            ),
            None => None,
        },
        scaling: v.optional::<Scaling>(&t.scaling)?.unwrap_or_default(),
        shards: v.parsed_by(&t.shards, crate::parse::shards)?,
        hot_key_share: t.hot_key_share,
        max_record_size: v.optional::<MaxRecordSize>(&t.max_record_size)?,
        around: t.around(v)?,
        growth,
        ..StreamWorkload::new(traffic.0, traffic.1)
    };
    Ok(StreamSpec {
        records,
        size,
        workload,
        mode,
        region: t.region.map(Spanned::into_inner),
        at,
    })
}

/// An analytics table; `declared` is the size when the table gives none (a plan's).
fn analytics(
    v: &Values<'_>,
    table: Spanned<AnalyticsTable>,
    declared: Option<AppSize>,
) -> Result<AnalyticsSpec, ScenarioError> {
    let at = table.span();
    let t = table.into_inner();
    let engine: Engine = v.optional(&t.engine)?.unwrap_or(Engine::Flink);
    let size = match (t.kpus, t.parallelism, &t.kpu_hours, declared) {
        (Some(k), None, None, _) => AppSize::Kpus(k),
        (None, Some(p), None, _) => AppSize::Parallelism {
            parallelism: p,
            per_kpu: t.parallelism_per_kpu.unwrap_or(1),
        },
        (None, None, Some(h), _) => {
            AppSize::kpu_hours(h.get_ref()).map_err(|e| v.fail(h.span(), e.to_string()))?
        }
        (None, None, None, Some(size)) => size,
        _ => {
            return Err(v.fail(
                at,
                "give the applications' size as exactly one of kpus, parallelism or kpu_hours",
            ))
        }
    };
    Ok(AnalyticsSpec {
        workload: AnalyticsWorkload {
            storage_included: t.storage_included,
            backup_gb: t.backup_gb,
            hours_per_day: v.parsed_by(&t.hours_per_day, crate::parse::hours_per_day)?,
            ..AnalyticsWorkload::new(engine, t.apps, size)
        },
        reads: reference(t.stream),
        efo: t.efo,
        writes: reference(t.output),
        region: t.region.map(Spanned::into_inner),
        at,
    })
}

fn firehose(v: &Values<'_>, table: Spanned<FirehoseTable>) -> Result<FirehoseSpec, ScenarioError> {
    let at = table.span();
    let t = table.into_inner();
    let source = match (&t.source, t.stream.is_some()) {
        (Some(s), true) => {
            return Err(v.fail(
                s.span(),
                "a Firehose that reads a stream has the kinesis-stream source; drop `source` or `stream`",
            ))
        }
        (Some(s), false) => v.parse::<Source>(s)?,
        (None, true) => Source::KinesisStream,
        (None, false) => Source::DirectPut,
    };
    let records: Option<Rate> = v.optional(&t.records)?;
    let size = v.size(&t.size_kb)?;
    if t.stream.is_none() {
        if records.is_none() {
            return Err(v.fail(at, "give `records` (or `stream` to read one in this file)"));
        }
        if size.is_none() {
            return Err(v.fail(at, "give `size_kb` (or `stream` to read one in this file)"));
        }
    }
    // The records and size are the wiring's to set when the Firehose reads a stream.
    let stand_in = RecordSize::from_kb(1.0).map_err(|e| v.fail(at.clone(), e.to_string()))?;
    let workload = FirehoseWorkload {
        source,
        format_conversion: t.format_conversion,
        dynamic_partitioning: t.dynamic_partitioning,
        object_size_mb: t.object_size_mb,
        jq_hours: t.jq_hours,
        active_partitions: t.active_partitions,
        buffer_interval_s: t.buffer_interval,
        buffer_size_mb: t.buffer_size_mb,
        vpc_subnets: t.vpc_subnets,
        vpc_ratio: t.vpc_ratio.unwrap_or(1.0),
        ..FirehoseWorkload::new(
            records.unwrap_or(Rate {
                count: 0.0,
                per: Per::Second,
            }),
            size.unwrap_or(stand_in),
        )
    };
    Ok(FirehoseSpec {
        reads: reference(t.stream),
        records,
        size,
        workload,
        region: t.region.map(Spanned::into_inner),
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
        let table = self.table::<LambdaUsageTable>(value)?;
        let at = table.span();
        let t = table.into_inner();
        if t.memory_mb.is_none() && !function {
            return Err(v.fail(
                at,
                "give `memory_mb`: the function is not in the plan, so kcost cannot read it",
            ));
        }
        let architecture = v.optional(&t.architecture)?;
        // Where the plan declares the function, its memory and architecture are the plan's.
        let workload = crate::consumers::LambdaWorkload {
            duration_ms: t.duration_ms,
            memory_mb: t.memory_mb.filter(|_| !function).unwrap_or(base.memory_mb),
            architecture: architecture
                .filter(|_| !function)
                .unwrap_or(base.architecture),
            ..base
        };
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
