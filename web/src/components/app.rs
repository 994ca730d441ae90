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
use kcost_core::{Input, Scope};

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
    use_url(query.clone());
    use_first_result_mark(state.outcome.is_some());
    {
        // The chart follows the first result: its estimates (forty a line) and its SVG wait
        // until the figures are on screen, one render later.
        let state = state.clone();
        use_effect_with((), move |()| state.dispatch(Action::ChartDue));
    }
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
        <Summary state={state.clone()} />
        <main>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <StreamFields state={state.clone()} />
                <ConsumerFields state={state.clone()} />
                <AnalyticsFields state={state.clone()} />
                <FirehoseFields state={state.clone()} />
            </form>
            <Output state={state.clone()} link={format!("{base}{query}")} />
        </main>
        </>
    }
}

/// Keeps the URL in step with the inputs, without adding history entries per keystroke.
#[hook]
fn use_url(query: String) {
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

/// Notes when the first result is on screen (milliseconds since navigation), for the
/// end-to-end test to report; it changes nothing else.
#[hook]
fn use_first_result_mark(has_result: bool) {
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

/// What a section of the page needs: the page's state, to read and to change.
#[derive(Properties, PartialEq)]
pub struct Section {
    pub state: UseReducerHandle<State>,
}

/// The field of a declared input: its label, hint and kind (a switch, a select of its choices,
/// or text) from the input's declaration, its value and error from the state.
fn field(state: &UseReducerHandle<State>, field: impl Into<Field>) -> Html {
    let field = field.into();
    let Some(spec) = field.input().map(kcost_core::Input::spec) else {
        return html! {};
    };
    let kind = if spec.switch {
        Kind::Switch
    } else if spec.choices.is_empty() {
        Kind::Text
    } else {
        Kind::Select(
            spec.choices
                .iter()
                .map(|(value, words)| (value.to_string(), words.to_string()))
                .collect(),
        )
    };
    laid_out(state, field, spec.hint, kind)
}

/// A select of `kind`'s options (a region), for a declared input.
fn select(state: &UseReducerHandle<State>, field: impl Into<Field>, kind: Kind) -> Html {
    let field = field.into();
    let hint = field.input().map_or("", |i| i.spec().hint);
    laid_out(state, field, hint, kind)
}

/// A switch of the page's own (a service on or off, what it reads).
fn switch(state: &UseReducerHandle<State>, field: Field, hint: &'static str) -> Html {
    laid_out(state, field, hint, Kind::Switch)
}

/// One field: its label, value and error from the state; a change goes to the state.
fn laid_out(state: &UseReducerHandle<State>, field: Field, hint: &'static str, kind: Kind) -> Html {
    let dispatcher = state.clone();
    let onchange =
        Callback::from(move |value: String| dispatcher.dispatch(Action::Set(field, value)));
    html! {
        <FieldInput {field} label={field.label()} hint={hint} value={state.value(field).to_string()}
            error={state.errors.get(&field).map(|e| AttrValue::from(e.clone()))} {kind} {onchange} />
    }
}

/// The regions of the prices for a region select, each saying when it has no prices for `part`
/// (`key` is one of them), rather than offering it as if it could price it.
fn regions(state: &State, part: &str, key: kcost_core::PriceKey) -> Kind {
    Kind::Select(
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
            .collect(),
    )
}

/// The total a month and over twelve, or why there is none.
#[function_component(Summary)]
fn summary(Section { state }: &Section) -> Html {
    html! {
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
    }
}

/// The stream's fields, and what is around it: the stream's inputs and the estimate's
/// options, placed as they are declared.
#[function_component(StreamFields)]
fn stream_fields(Section { state: s }: &Section) -> Html {
    let stream_regions = regions(s, "Data Streams", kcost_core::PriceKey::KdsShardHour);
    let fields = Field::of(&[Scope::Stream, Scope::Every]);
    html! {
        <fieldset>
            <legend>{ "Data stream" }</legend>
            { placed(s, &fields, &stream_regions) }
        </fieldset>
    }
}

/// The consumers that bring a bill of their own: a Lambda function, a KCL application.
#[function_component(ConsumerFields)]
fn consumer_fields(Section { state: s }: &Section) -> Html {
    let none = Kind::Text;
    html! {
        <fieldset>
            <legend>{ "Consumers with their own bill" }</legend>
            { switch(s, Field::Add(Scope::Lambda), "a shared consumer of the stream") }
            { placed(s, &Field::of(&[Scope::Lambda]), &none) }
            { switch(s, Field::Add(Scope::Kcl), "an enhanced fan-out consumer; its DynamoDB tables") }
            { placed(s, &Field::of(&[Scope::Kcl]), &none) }
        </fieldset>
    }
}

/// Managed Flink / Data Analytics applications.
#[function_component(AnalyticsFields)]
fn analytics_fields(Section { state: s }: &Section) -> Html {
    let analytics_regions = regions(
        s,
        "Flink / Data Analytics",
        kcost_core::PriceKey::KdaKpuHour,
    );
    html! {
        <fieldset>
            <legend>{ "Analytics" }</legend>
            { service(s, Scope::Analytics, "each adds a consumer", &analytics_regions) }
        </fieldset>
    }
}

/// A Firehose stream.
#[function_component(FirehoseFields)]
fn firehose_fields(Section { state: s }: &Section) -> Html {
    let firehose_regions = regions(s, "Firehose", kcost_core::PriceKey::FirehoseIngestTier1Gb);
    html! {
        <fieldset>
            <legend>{ "Firehose" }</legend>
            { service(s, Scope::Firehose, "and takes its records", &firehose_regions) }
        </fieldset>
    }
}

/// A service beside the stream: its switch, then (when on) whether it reads the stream, its
/// inputs and its region, placed as they are declared.
fn service(s: &UseReducerHandle<State>, scope: Scope, reads: &'static str, regions: &Kind) -> Html {
    let mut fields = Field::of(&[scope]);
    fields.push(Field::Region(scope));
    html! {
        <>
        { switch(s, Field::Add(scope), "") }
        if s.value(Field::Add(scope)) == "on" {
            { switch(s, Field::Reads(scope), reads) }
        }
        { placed(s, &fields, regions) }
        </>
    }
}

/// The fields in use among `fields`, as their declarations place them: those shown first, in
/// order, then each group of further fields folded under "More: " and its words. A region is a
/// select of `regions`.
fn placed(s: &UseReducerHandle<State>, fields: &[Field], regions: &Kind) -> Html {
    let shown: Vec<Field> = fields.iter().copied().filter(|f| s.in_use(*f)).collect();
    let more = |f: &Field| f.input().map_or("", |i| i.spec().more);
    let one = |f: &Field| match f.input() {
        Some(Input::Region) => select(s, *f, regions.clone()),
        _ => field(s, *f),
    };
    let mut groups: Vec<&str> = Vec::new();
    for group in shown.iter().map(more).filter(|g| !g.is_empty()) {
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    html! {
        <>
        { for shown.iter().filter(|f| more(f).is_empty()).map(one) }
        { for groups.into_iter().map(|group| html! {
            <details>
                <summary>{ format!("More: {group}") }</summary>
                { for shown.iter().filter(|f| more(f) == group).map(one) }
            </details>
        }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct OutputProps {
    pub state: UseReducerHandle<State>,
    /// The page's address with every input.
    pub link: AttrValue,
}

/// The results beside the inputs: what is wrong, the figures, the chart, the downloads and
/// the real traffic.
#[function_component(Output)]
fn output(OutputProps { state, link }: &OutputProps) -> Html {
    let explain = {
        let dispatcher = state.clone();
        let on = state.explain;
        Callback::from(move |_| dispatcher.dispatch(Action::Explain(!on)))
    };
    html! {
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
                if let Some(chart) = &state.chart {
                    <CostChart chart={Rc::clone(chart)} />
                }
                <Exports outcome={Rc::clone(outcome)} link={link.clone()} explain={state.explain} />
            }
            <Traffic region={state.value(Input::Region).to_string()}
                target_utilization={state.value(Input::TargetUtilization).to_string()}
                retention={state.value(Input::Retention).to_string()} />
        </div>
    }
}
