//! Pricing a wired [`Scenario`]: each component through its service's own estimate, with the
//! consumers and traffic the wiring gives it.

use super::{
    Component, ComponentEstimate, Kind, Locator, PipelineEstimate, Scenario, ScenarioError,
    StreamRef, Wiring,
};
use crate::analytics;
use crate::calc::Options;
use crate::firehose::{self, FirehoseWorkload};
use crate::notes::Assumption;
use crate::notes::FirehoseAssumption;
use crate::price::PriceBook;
use crate::streams::workload::StreamWorkload;
use crate::streams::{self, AccountStream};

/// Prices `scenario` as `wiring` wired it. `options` gives the trace, the check for old prices
/// and a discount; the scenario's own rounding and discount apply where the options leave them
/// at their defaults (calculator rounding, no discount). `at` locates errors.
///
/// # Errors
/// Anything a component's own estimate refuses (an unknown region, a missing price, a Kinesis
/// limit), located at the component.
pub fn price(
    scenario: &Scenario,
    wiring: &Wiring,
    book: &PriceBook,
    options: Options,
    at: Locator<'_>,
) -> Result<PipelineEstimate, ScenarioError> {
    let rounding = scenario
        .rounding
        .as_ref()
        .map_or(options.rounding, |(r, _)| *r);
    let discount_bp = match (scenario.discount_bp, options.discount_bp) {
        (Some(bp), 0) => bp,
        (_, bp) => bp,
    };
    // One warning about old prices for the whole pipeline, not one per component.
    let each = Options {
        rounding,
        discount_bp,
        price_age: None,
        ..options
    };
    let p = Pricing {
        scenario,
        wiring,
        book,
        options: each,
        at,
    };
    let mut components = streams_of(&p)?;
    components.extend(analytics_of(&p)?);
    components.extend(firehose_of(&p)?);
    let consumers = consumers_of(&p, &components)?;
    components.extend(consumers);
    let monthly_usd = components.iter().map(|c| c.estimate.monthly_usd()).sum();
    let warnings = crate::bill::old_prices(
        components.iter().map(|c| c.estimate.priced()),
        options.price_age,
    )
    .into_iter()
    .collect();
    Ok(PipelineEstimate {
        name: scenario.name.clone(),
        rounding,
        components,
        monthly_usd,
        warnings,
    })
}

/// What pricing each component needs.
#[derive(Clone, Copy)]
struct Pricing<'a> {
    scenario: &'a Scenario,
    wiring: &'a Wiring,
    book: &'a PriceBook,
    options: Options,
    at: Locator<'a>,
}

/// A priced component, read by nothing yet.
fn component_of(
    name: &str,
    kind: Kind,
    reads: Option<&StreamRef>,
    estimate: ComponentEstimate,
) -> Component {
    Component {
        name: name.to_string(),
        kind,
        reads: reads.map(|r| r.name.clone()),
        read_by: Vec::new(),
        estimate,
    }
}

fn region<'a>(own: &'a Option<String>, scenario: &'a Scenario) -> Option<&'a str> {
    own.as_deref().or(scenario.region.as_deref())
}

/// The streams, priced together: Advantage streams in one region share one commitment.
fn streams_of(p: &Pricing<'_>) -> Result<Vec<Component>, ScenarioError> {
    let mut out = Vec::with_capacity(p.scenario.streams.len());
    let workloads: Vec<StreamWorkload> = p
        .scenario
        .streams
        .iter()
        .map(|(name, spec)| {
            let readers = p.wiring.readers.get(name).cloned().unwrap_or_default();
            let mut workload = StreamWorkload {
                consumers: Some(spec.workload.consumers().saturating_add(readers.shared)),
                efo_consumers: spec.workload.efo_consumers.saturating_add(readers.efo),
                ..spec.workload
            };
            if let Some(t) = p.wiring.traffic.get(name) {
                workload.records = t.records;
                workload.record_size = t.size;
            }
            workload.around.remote_readers =
                remote_readers(p, name, region(&spec.region, p.scenario));
            workload.around.managed_readers = workload
                .around
                .managed_readers
                .saturating_add(readers.managed);
            workload
        })
        .collect();
    let account: Vec<AccountStream<'_>> = p
        .scenario
        .streams
        .values()
        .zip(&workloads)
        .map(|(spec, workload)| AccountStream {
            workload,
            mode: spec.mode,
            region: region(&spec.region, p.scenario),
            options: p.options,
        })
        .collect();
    let estimates = streams::estimate_together(&account, p.book);
    for ((name, spec), e) in p.scenario.streams.iter().zip(estimates) {
        let component = format!("streams.{name}");
        let readers = p.wiring.readers.get(name).cloned().unwrap_or_default();
        let e = e.map_err(|e| p.at.failed(spec.at.clone(), &component, e))?;
        out.push(Component {
            read_by: readers.by,
            ..component_of(
                name,
                Kind::Stream,
                None,
                ComponentEstimate::Stream(Box::new(e)),
            )
        });
    }
    Ok(out)
}

/// The readers of stream `name` (in `stream_region`, or the default) that are in another
/// region: analytics applications (each of a set), Firehose streams, and Lambda functions and
/// KCL applications that name another region.
fn remote_readers(
    p: &Pricing<'_>,
    name: &str,
    stream_region: Option<&str>,
) -> crate::around::RemoteReaders {
    let home = stream_region.unwrap_or(crate::bill::DEFAULT_REGION);
    fn at(own: Option<&str>) -> &str {
        own.unwrap_or(crate::bill::DEFAULT_REGION)
    }
    let reads = |r: Option<&StreamRef>| r.is_some_and(|r| r.name == name);
    let mut remote = crate::around::RemoteReaders::default();
    for a in p
        .scenario
        .analytics
        .values()
        .filter(|a| reads(a.reads.as_ref()))
    {
        remote.add(home, at(region(&a.region, p.scenario)), a.workload.apps);
    }
    for f in p
        .scenario
        .firehose
        .values()
        .filter(|f| reads(f.reads.as_ref()))
    {
        remote.add(home, at(region(&f.region, p.scenario)), 1);
    }
    let consumers = p.scenario.lambda.values().chain(p.scenario.kcl.values());
    for c in consumers.filter(|c| c.reads.name == name) {
        remote.add(home, c.region.as_deref().unwrap_or(home), 1);
    }
    remote
}

fn analytics_of(p: &Pricing<'_>) -> Result<Vec<Component>, ScenarioError> {
    let mut out = Vec::with_capacity(p.scenario.analytics.len());
    for (name, spec) in &p.scenario.analytics {
        let component = format!("analytics.{name}");
        let e = analytics::estimate(
            &spec.workload,
            region(&spec.region, p.scenario),
            p.book,
            p.options,
        )
        .map_err(|e| p.at.failed(spec.at.clone(), &component, e))?;
        let estimate = ComponentEstimate::Analytics(Box::new(e));
        out.push(component_of(
            name,
            Kind::Analytics,
            spec.reads.as_ref(),
            estimate,
        ));
    }
    Ok(out)
}

fn firehose_of(p: &Pricing<'_>) -> Result<Vec<Component>, ScenarioError> {
    let mut out = Vec::with_capacity(p.scenario.firehose.len());
    for (name, spec) in &p.scenario.firehose {
        let component = format!("firehose.{name}");
        let upstream = spec
            .reads
            .as_ref()
            .and_then(|r| p.wiring.traffic.get(&r.name));
        let workload = FirehoseWorkload {
            records: spec
                .records
                .or(upstream.map(|t| t.records))
                .unwrap_or(spec.workload.records),
            record_size: spec
                .size
                .or(upstream.map(|t| t.size))
                .unwrap_or(spec.workload.record_size),
            ..spec.workload
        };
        let mut e = firehose::estimate(
            &workload,
            region(&spec.region, p.scenario),
            p.book,
            p.options,
        )
        .map_err(|e| p.at.failed(spec.at.clone(), &component, e))?;
        if let (Some(r), None) = (&spec.reads, spec.records) {
            e.assumptions.push(Assumption::Firehose(
                FirehoseAssumption::FirehoseFromStream {
                    stream: r.name.as_str().into(),
                },
            ));
        }
        let estimate = ComponentEstimate::Firehose(Box::new(e));
        out.push(component_of(
            name,
            Kind::Firehose,
            spec.reads.as_ref(),
            estimate,
        ));
    }
    Ok(out)
}

/// The Lambda functions and KCL applications, each on the traffic and shards of the stream it
/// reads (priced above), in that stream's region unless it names its own.
fn consumers_of(p: &Pricing<'_>, priced: &[Component]) -> Result<Vec<Component>, ScenarioError> {
    use crate::consumers::{self, Reading, StreamShards};
    let mut out = Vec::with_capacity(p.scenario.lambda.len() + p.scenario.kcl.len());
    let all = [
        (Kind::Lambda, "lambda", &p.scenario.lambda),
        (Kind::Kcl, "kcl", &p.scenario.kcl),
    ];
    for (kind, table, specs) in all {
        for (name, spec) in specs {
            let component = format!("{table}.{name}");
            // Wiring checked that the stream exists, and streams were priced first.
            let Some(stream) = priced.iter().find_map(|c| match &c.estimate {
                ComponentEstimate::Stream(e) if c.name == spec.reads.name => Some(e),
                _ => None,
            }) else {
                continue;
            };
            let i = &stream.inputs;
            let shards = match (&stream.shards, &stream.schedule) {
                // Shard-hours a day are at most 24 x 10,000: exact as a float.
                (_, Some(s)) => StreamShards::Known(s.shard_hours_per_day as f64 / 24.0),
                (Some(s), None) => StreamShards::Known(s.count as f64),
                (None, None) => StreamShards::OnDemand {
                    peak_records_per_second: i
                        .peak_records_per_second
                        .unwrap_or(i.records_per_second),
                    size_kb: i.size_kb,
                },
            };
            let reading = Reading {
                records_per_second: i.records_per_second,
                shards,
            };
            let region = spec.region.as_deref().or(Some(&*stream.region));
            let e = consumers::estimate(&spec.app, reading, region, p.book, p.options)
                .map_err(|e| p.at.failed(spec.at.clone(), &component, e))?;
            out.push(component_of(
                name,
                kind,
                Some(&spec.reads),
                ComponentEstimate::Consumer(Box::new(e)),
            ));
        }
    }
    Ok(out)
}
