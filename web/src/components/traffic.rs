//! The metrics section: CloudWatch files chosen, dropped or pasted, read in the browser, and what
//! `kcost metrics` says of them: the period, the observed traffic, each mode's month at that
//! traffic, the schedule, the cheapest, and the warnings.

use std::rc::Rc;

use kcost_core::metrics::TrafficEstimate;
use kcost_core::{PriceBook, Retention};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::face::Page;

#[derive(Debug, Properties, PartialEq)]
pub struct Props {
    pub book: Rc<PriceBook>,
    /// The page's region, target utilization and retention, as typed.
    pub region: AttrValue,
    pub target_utilization: AttrValue,
    pub retention: AttrValue,
}

/// Reads `files` and adds each (name, text) to `into`.
fn read(files: Option<FileList>, into: UseStateHandle<Vec<(String, String)>>) {
    let Some(files) = files else {
        return;
    };
    let files: Vec<File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = (*into).clone();
        for file in files {
            if let Ok(text) = JsFuture::from(file.text()).await {
                read.push((file.name(), text.as_string().unwrap_or_default()));
            }
        }
        into.set(read);
    });
}

#[function_component(Traffic)]
pub fn traffic(props: &Props) -> Html {
    let files = use_state(Vec::<(String, String)>::new);
    let pasted = use_state(String::new);
    let onchange = {
        let files = files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            read(input.files(), files.clone());
            input.set_value("");
        })
    };
    let ondrop = {
        let files = files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            read(e.data_transfer().and_then(|d| d.files()), files.clone());
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let onpaste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                pasted.set(area.value());
            }
        })
    };
    let add_pasted = {
        let (files, pasted) = (files.clone(), pasted.clone());
        Callback::from(move |_| {
            if !pasted.trim().is_empty() {
                let mut all = (*files).clone();
                all.push((format!("pasted text {}", all.len() + 1), (*pasted).clone()));
                files.set(all);
                pasted.set(String::new());
            }
        })
    };
    let clear = {
        let files = files.clone();
        Callback::from(move |_| files.set(Vec::new()))
    };
    let result = (!files.is_empty()).then(|| {
        let target =
            kcost_core::workload::parse_utilization(&props.target_utilization).unwrap_or(100.0);
        let retention: Retention = props.retention.parse().unwrap_or_default();
        crate::metrics::traffic(&files, props.region.trim(), target, retention, &props.book)
    });
    html! {
        <section class="card traffic" id="traffic" aria-labelledby="traffic-title" {ondrop} {ondragover}>
            <h2 id="traffic-title">{ "Real traffic from CloudWatch metrics" }</h2>
            <p class="muted">{ "Choose, drop or paste the output of aws cloudwatch get-metric-data or get-metric-statistics (JSON), or a CSV table of the metrics: IncomingBytes and IncomingRecords (Sum) at least. The files are read in this browser and never leave this machine." }</p>
            <div class="field">
                <label for="metrics-files">{ "Metrics files" }</label>
                <input id="metrics-files" type="file" multiple=true accept=".json,.csv,application/json,text/csv" {onchange} />
            </div>
            <div class="field">
                <label for="metrics-paste">{ "Or paste one" }</label>
                <textarea id="metrics-paste" rows="3" value={(*pasted).clone()} oninput={onpaste_input} />
                <button type="button" id="metrics-read" onclick={add_pasted}>{ "Read the pasted text" }</button>
            </div>
            if !files.is_empty() {
                <p id="metrics-read-files">
                    { format!("Read: {}", files.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ")) }
                    { " " }<button type="button" id="metrics-clear" onclick={clear}>{ "Clear" }</button>
                </p>
            }
            { match result {
                None => html! {},
                Some(Err(message)) => html! { <p class="error" role="alert" id="metrics-error">{ message }</p> },
                Some(Ok(e)) => view(&e),
            } }
        </section>
    }
}

fn view(e: &TrafficEstimate) -> Html {
    let s = &e.summary;
    let o = &s.observed;
    let row = |label: &str, unit: &str, mean: f64, peak: f64| {
        html! {
            <tr><th scope="row">{ label }</th><td>{ unit }</td><td class="num">{ format!("{mean:.2}") }</td><td class="num">{ format!("{peak:.2}") }</td></tr>
        }
    };
    html! {
        <>
            <p id="metrics-period">{ format!(
                "{} periods of {} s from {} to {} ({:.2} hours with data), {} ({})",
                s.period.points, s.period.period_s, s.period.start, s.period.end, s.period.hours, e.region, e.region_name
            ) }</p>
            <table id="metrics-observed">
                <thead><tr><th scope="col">{ "Observed" }</th><th scope="col">{ "Unit" }</th><th scope="col">{ "Mean" }</th><th scope="col">{ "Peak" }</th></tr></thead>
                <tbody>
                    { row("Records written", "records/s", o.records_per_second.mean, o.records_per_second.peak) }
                    { row("Data written", "MB/s", o.ingress_mb_per_second.mean, o.ingress_mb_per_second.peak) }
                    { o.egress_mb_per_second.map(|m| row("Read by shared consumers", "MB/s", m.mean, m.peak)).unwrap_or_default() }
                    { o.efo_mb_per_second.map(|m| row("Read by enhanced fan-out", "MB/s", m.mean, m.peak)).unwrap_or_default() }
                </tbody>
            </table>
            <p>{ format!("The peak needs {:.2} shards: {} at {}% target utilization", o.peak_shard_need, o.shards_for_peak, s.target_utilization_percent) }</p>
            <table id="metrics-modes">
                <thead><tr><th scope="col">{ "A 730-hour month at this traffic" }</th><th scope="col">{ "Shards" }</th><th scope="col">{ "Monthly (USD)" }</th><th></th></tr></thead>
                <tbody>{ for e.estimates.iter().map(|m| html! {
                    <tr id={format!("metrics-{}", m.mode)}>
                        // The page's one name for each mode; the schedule is metrics' own.
                        <td>{ m.mode.parse().map_or(m.mode, crate::components::chart::label) }</td>
                        <td class="num">{ match (&m.schedule, m.shards) {
                            (Some(s), _) => format!("{}-{}", s.hours.iter().min().copied().unwrap_or(0), s.hours.iter().max().copied().unwrap_or(0)),
                            (None, Some(n)) => n.to_string(),
                            (None, None) => "-".to_string(),
                        } }</td>
                        <td class="num">{ m.monthly_usd.to_text(true) }</td>
                        <td>{ if m.mode == e.cheapest && e.estimates.len() > 1 { "cheapest" } else { "" } }</td>
                    </tr>
                }) }</tbody>
            </table>
            { for e.estimates.iter().filter_map(|m| m.schedule.as_ref()).map(|s| html! {
                <p id="metrics-schedule">{ kcost_report::schedule_text(s) }</p>
            }) }
            if !e.warnings.is_empty() {
                <ul class="warnings" aria-label="Warnings">{ for e.warnings.iter().map(|w| html! { <li>{ w.text(&Page) }</li> }) }</ul>
            }
        </>
    }
}
