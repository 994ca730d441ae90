//! The page: inputs on the left (or on top on a phone), results, chart and exports beside them.
//! Every input lives in the URL under the CLI's flag name.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::chart::CostChart;
use crate::components::exports::Exports;
use crate::components::field::{FieldInput, Kind};
use crate::components::results::Results;
use crate::components::traffic::Traffic;
use crate::query;
use crate::state::{self, Action, Field, State};

fn options(pairs: &[(&str, &str)]) -> Kind {
    Kind::Select(
        pairs
            .iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect(),
    )
}

fn location() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let base = location
        .as_ref()
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    (search, base)
}

/// What the total is made of, when the pipeline has more than the stream.
fn summary_parts(p: &kcost_core::scenario::PipelineEstimate) -> String {
    if p.components.len() < 2 {
        return String::new();
    }
    let parts: Vec<String> = p
        .components
        .iter()
        .map(|c| {
            let what = match &c.estimate {
                kcost_core::scenario::ComponentEstimate::Stream(_) => "stream",
                kcost_core::scenario::ComponentEstimate::Analytics(_) => "analytics",
                kcost_core::scenario::ComponentEstimate::Firehose(_) => "Firehose",
                kcost_core::scenario::ComponentEstimate::Consumer(e) => match e.service {
                    kcost_core::Service::Lambda => "Lambda",
                    _ => "KCL tables",
                },
            };
            format!("{what} {}", c.estimate.monthly_usd().to_text(true))
        })
        .collect();
    format!(" (the pipeline: {})", parts.join(" + "))
}

#[function_component(App)]
pub fn app() -> Html {
    let (search, base) = location();
    let state = use_reducer(move || {
        let (inputs, problems) = query::parse(&search);
        State::new(inputs, problems, state::book())
    });
    let query = query::to_query(&state.inputs);
    {
        // Keep the URL in step with the inputs, without adding history entries per keystroke.
        let query = query.clone();
        use_effect_with(query, move |query| {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let path = web_sys::window()
                    .and_then(|w| w.location().pathname().ok())
                    .unwrap_or_default();
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&format!("{path}{query}")),
                );
            }
        });
    }
    {
        // Note when the first result is on screen (milliseconds since navigation), for the
        // end-to-end test to report; it changes nothing else.
        let has_result = state.outcome.is_some();
        use_effect_with(has_result, move |has| {
            if let (true, Some(window)) = (*has, web_sys::window()) {
                let key = wasm_bindgen::JsValue::from_str("__kcostFirstResult");
                let unset = js_sys::Reflect::get(&window, &key).map_or(true, |v| v.is_undefined());
                if let (true, Some(performance)) = (unset, window.performance()) {
                    let _ = js_sys::Reflect::set(&window, &key, &performance.now().into());
                }
            }
        });
    }
    // Each region select says which regions have no prices for its part, rather than offering
    // them as if they could price it.
    let regions = |part: &str, key: kcost_core::PriceKey| -> Vec<(String, String)> {
        state
            .book
            .regions
            .values()
            .map(|r| {
                let missing = if r.prices.contains_key(&key) {
                    String::new()
                } else {
                    format!(": no {part} prices")
                };
                (
                    r.code.to_string(),
                    format!("{} ({}){missing}", r.code, r.name),
                )
            })
            .collect()
    };
    let stream_regions = regions("Data Streams", kcost_core::PriceKey::KdsShardHour);
    let analytics_regions = regions("Flink / Data Analytics", kcost_core::PriceKey::KdaKpuHour);
    let firehose_regions = regions("Firehose", kcost_core::PriceKey::FirehoseIngestTier1Gb);
    let field = |field: Field, hint: &'static str, kind: Kind| {
        let label = field.label();
        let dispatcher = state.clone();
        let onchange =
            Callback::from(move |value: String| dispatcher.dispatch(Action::Set(field, value)));
        html! {
            <FieldInput {field} label={label} hint={hint} value={state.value(field).to_string()}
                error={state.errors.get(&field).map(|e| AttrValue::from(e.clone()))} {kind} {onchange} />
        }
    };
    let text = || Kind::Text;
    let explain = {
        let dispatcher = state.clone();
        let on = state.explain;
        Callback::from(move |_| dispatcher.dispatch(Action::Explain(!on)))
    };
    // The chart follows the first result: its estimates (forty a line) and its SVG wait until the
    // figures are on screen, one render later.
    let chart_due = use_state(|| false);
    {
        let chart_due = chart_due.clone();
        use_effect_with((), move |()| chart_due.set(true));
    }
    let chart = if *chart_due { state.chart() } else { None };
    html! {
        <>
        <header>
            <h1>{ "kcost" }</h1>
            <p>{ "The cost and capacity of AWS Kinesis, computed as the AWS Pricing Calculator does, every step explained. Prices: kcost's tables, each with its source and date." }</p>
        </header>
        if !state.url_problems.is_empty() {
            <div class="notice" role="status" id="url-problems">
                <strong>{ "Some of the link's parameters were ignored: " }</strong>
                { state.url_problems.join("; ") }
            </div>
        }
        <section class="summary" id="summary" aria-live="polite" aria-label="Summary">
            if let Some(outcome) = &state.outcome {
                <p>
                    <span class="big" id="summary-monthly">{ outcome.pipeline.monthly_usd.to_text(true) }</span>
                    { " USD a month, " }
                    <span id="summary-year">{ outcome.pipeline.twelve_months_usd().to_text(true) }</span>
                    { " USD over 12 months" }
                    { summary_parts(&outcome.pipeline) }
                </p>
            } else {
                <p class="error" id="summary-none">{ "No estimate until the inputs marked below are fixed" }</p>
            }
        </section>
        <main>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset>
                    <legend>{ "Data stream" }</legend>
                    { field(Field::Records, "per second, or 1000/min, 5/h, 2e6/day, 1e9/month", text()) }
                    { field(Field::SizeKb, "1 KB = 1,024 bytes", text()) }
                    { field(Field::Consumers, "applications reading with GetRecords", text()) }
                    { field(Field::EfoConsumers, "", text()) }
                    { field(Field::Mode, "", options(&[("provisioned", "provisioned"), ("on-demand", "on-demand Standard"), ("advantage", "on-demand Advantage"), ("compare", "compare all")])) }
                    { field(Field::Region, "", Kind::Select(stream_regions)) }
                    { field(Field::Retention, "24h to 365d", text()) }
                    { field(Field::Rounding, "", options(&[("calculator", "as the AWS calculator"), ("exact", "exact")])) }
                    <details>
                        <summary>{ "More: aggregation, peaks, hot keys, growth" }</summary>
                        { field(Field::Aggregate, "empty for none; 25 is the KPL's", text()) }
                        { field(Field::PeakRecords, "shards are sized for it", text()) }
                        { field(Field::TargetUtilization, "", text()) }
                        { field(Field::HotKeyShare, "0 to 1, or 30%", text()) }
                        { field(Field::Growth, "empty for none", text()) }
                        { field(Field::Months, "", text()) }
                        { field(Field::Discount, "your negotiated rate, on every line", text()) }
                        { field(Field::LongTermReads, "reads of data older than 7 days", text()) }
                        { field(Field::MaxRecordSize, "needed over 1 MiB: up to 10MiB", text()) }
                        { field(Field::Shards, "the count it runs; empty to size it from the traffic", text()) }
                    </details>
                    <details>
                        <summary>{ "More: calculator form, daily profile" }</summary>
                        { field(Field::Form, "", options(&[("2021", "2021 form (rounded steps)"), ("current", "current form (a buffer)")])) }
                        { field(Field::Buffer, "current form only; empty for 20", text()) }
                        { field(Field::Profile, "24 weights, one for each UTC hour", text()) }
                        { field(Field::Scaling, "", options(&[("fixed", "one shard count all day"), ("scheduled", "a daily schedule")])) }
                    </details>
                    <details>
                        <summary>{ "More: around the stream (metrics, encryption, network)" }</summary>
                        { field(Field::ShardMetrics, "all (7), or how many; empty for none", text()) }
                        { field(Field::Encryption, "", options(&[("none", "none"), ("kms", "KMS")])) }
                        { field(Field::KmsKey, "with KMS", options(&[("aws", "AWS managed (aws/kinesis)"), ("customer", "customer managed")])) }
                        { field(Field::ProducerNetwork, "", options(&[("public", "public endpoint"), ("nat", "NAT gateway"), ("endpoint", "interface VPC endpoint")])) }
                        { field(Field::ConsumerNetwork, "", options(&[("public", "public endpoint"), ("nat", "NAT gateway"), ("endpoint", "interface VPC endpoint")])) }
                        { field(Field::NatGateways, "bill their hours here; empty if other traffic pays them", text()) }
                        { field(Field::EndpointAzs, "with an endpoint; empty for 2", text()) }
                    </details>
                </fieldset>
                <fieldset>
                    <legend>{ "Consumers with their own bill" }</legend>
                    { field(Field::Lambda, "a shared consumer of the stream", Kind::Switch) }
                    if state.value(Field::Lambda) == "on" {
                        { field(Field::MemoryMb, "128 to 10,240", text()) }
                        { field(Field::DurationMs, "average per invocation", text()) }
                        { field(Field::BatchSize, "records per invocation at most", text()) }
                        { field(Field::Architecture, "", options(&[("x86_64", "x86_64"), ("arm64", "arm64 (Graviton)")])) }
                        { field(Field::BatchingWindow, "0 to 300", text()) }
                    }
                    { field(Field::Kcl, "an enhanced fan-out consumer; its DynamoDB tables", Kind::Switch) }
                    if state.value(Field::Kcl) == "on" {
                        { field(Field::KclVersion, "", options(&[("3", "3.x"), ("2", "2.x")])) }
                        { field(Field::KclWorkers, "", text()) }
                        { field(Field::CheckpointS, "how often it checkpoints each shard", text()) }
                    }
                </fieldset>
                <fieldset>
                    <legend>{ "Analytics" }</legend>
                    { field(Field::Analytics, "", Kind::Switch) }
                    if state.value(Field::Analytics) == "on" {
                        { field(Field::AnalyticsReads, "each adds a consumer", Kind::Switch) }
                        { field(Field::Engine, "", options(&[("flink", "Flink"), ("studio", "Studio notebooks"), ("sql", "SQL (closed to new apps)")])) }
                        { field(Field::Apps, "", text()) }
                        { field(Field::Kpus, "", text()) }
                        { field(Field::AnalyticsRegion, "", Kind::Select(analytics_regions)) }
                        <details>
                            <summary>{ "More: parallelism, running hours, backups" }</summary>
                            { field(Field::Parallelism, "instead of KPUs", text()) }
                            { field(Field::ParallelismPerKpu, "with parallelism; empty for 1", text()) }
                            { field(Field::KpuHours, "instead of KPUs: 5/day, 120/month", text()) }
                            { field(Field::HoursPerDay, "empty for all day", text()) }
                            { field(Field::BackupGb, "", text()) }
                            { field(Field::StorageIncluded, "50 GB per KPU, not billed", Kind::Switch) }
                        </details>
                    }
                </fieldset>
                <fieldset>
                    <legend>{ "Firehose" }</legend>
                    { field(Field::Firehose, "", Kind::Switch) }
                    if state.value(Field::Firehose) == "on" {
                        { field(Field::FirehoseReads, "and takes its records", Kind::Switch) }
                        if state.value(Field::FirehoseReads) != "on" {
                            { field(Field::Source, "", options(&[("direct-put", "Direct PUT"), ("msk", "Amazon MSK"), ("vended-logs", "vended logs")])) }
                            { field(Field::FirehoseRecords, "", text()) }
                            { field(Field::FirehoseSizeKb, "", text()) }
                        }
                        { field(Field::FormatConversion, "", Kind::Switch) }
                        { field(Field::FirehoseRegion, "", Kind::Select(firehose_regions)) }
                        <details>
                            <summary>{ "More: dynamic partitioning, VPC delivery" }</summary>
                            { field(Field::DynamicPartitioning, "", Kind::Switch) }
                            if state.value(Field::DynamicPartitioning) == "on" {
                                { field(Field::ActivePartitions, "written to at once", text()) }
                                { field(Field::BufferInterval, "60 to 900; empty for 300", text()) }
                                { field(Field::BufferSizeMb, "64 to 128; empty for 128", text()) }
                                { field(Field::ObjectSizeMb, "", text()) }
                                { field(Field::JqHours, "", text()) }
                            }
                            { field(Field::VpcSubnets, "a destination in a VPC", text()) }
                            { field(Field::VpcRatio, "0 to 1; empty for 1", text()) }
                        </details>
                    }
                </fieldset>
            </form>
            <div class="output">
                if let Some(problem) = &state.problem {
                    <p class="error problem" role="alert" id="problem">{ format!("No estimate: {problem}") }</p>
                }
                if !state.errors.is_empty() {
                    <div class="error problem" role="alert" id="invalid">
                        <p>{ "No estimate until these fields are fixed:" }</p>
                        <ul>{ for state.errors.iter().map(|(f, e)| html! {
                            <li><a href={format!("#input-{}", f.key())}>{ f.label() }</a>{ format!(": {e}") }</li>
                        }) }</ul>
                    </div>
                }
                if let Some(outcome) = &state.outcome {
                    <div class="toolbar">
                        <button type="button" id="explain" aria-pressed={state.explain.to_string()} onclick={explain}>
                            { if state.explain { "Hide calculations" } else { "Show calculations" } }
                        </button>
                    </div>
                    <Results pipeline={outcome.pipeline.clone()} comparison={outcome.comparison.clone()} explain={state.explain} warnings={outcome.warnings.clone()} />
                    if let Some(chart) = chart {
                        <CostChart {chart} />
                    }
                    <Exports outcome={Rc::clone(outcome)} link={format!("{base}{query}")} explain={state.explain} />
                }
                <Traffic region={state.value(Field::Region).to_string()}
                    target_utilization={state.value(Field::TargetUtilization).to_string()}
                    retention={state.value(Field::Retention).to_string()} />
            </div>
        </main>
        </>
    }
}
