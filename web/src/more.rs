//! The page's second module (`more.wasm`, built from `src/bin/more.rs`): the downloads in the
//! CLI's shapes and the CloudWatch metrics reader, which the page needs only when asked. What it
//! computes is here, in the library, so that the browser tests reach it directly; `call` is how
//! the page reaches it, loading it on first use.
//!
//! The page module never calls `export_text` or `traffic` itself: that keeps the report renderers,
//! serde_json and the metrics parsers out of the wasm every visitor downloads.

use std::rc::Rc;

use kcost_core::metrics::TrafficEstimate;
use kcost_core::Retention;
use kcost_report::Format;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::Reducible;

use crate::face::Page;
use crate::state::{self, Action, State};

/// The page's estimate for `query` (a link's `?…`) in `format` (`json`, `csv` or `markdown`),
/// with the calculations when `explain`: what the page's download buttons save.
pub fn export_text(query: &str, explain: bool, format: &str) -> String {
    let format = match format {
        "json" => Some(Format::Json),
        "csv" => Some(Format::Csv),
        "markdown" => Some(Format::Markdown),
        "scenario" => None,
        other => return format!("no download format '{other}'"),
    };
    let (inputs, problems) = crate::query::parse(query);
    let mut state = Rc::new(State::new(inputs, problems, state::book()));
    if explain {
        state = state.reduce(Action::Explain(true));
    }
    match (&state.outcome, format) {
        (Some(outcome), Some(format)) => crate::export(outcome, format),
        (Some(outcome), None) => outcome.scenario_file(),
        (None, _) => "no estimate: fix the fields the page marks first".to_string(),
    }
}

/// The metrics report for `files` (name and text of each) at the page's region, target
/// utilization and retention as typed, as HTML: what `kcost metrics` shows, or what is wrong.
pub fn traffic(
    files: &[(String, String)],
    region: &str,
    target_utilization: &str,
    retention: &str,
) -> String {
    let target = kcost_core::workload::parse_utilization(target_utilization).unwrap_or(100.0);
    let retention: Retention = retention.parse().unwrap_or_default();
    let book = state::book();
    match crate::metrics::traffic(files, region.trim(), target, retention, &book) {
        Ok(estimate) => report(&estimate),
        Err(message) => format!(
            r#"<p class="error" role="alert" id="metrics-error">{}</p>"#,
            escape(&message)
        ),
    }
}

/// `text` safe inside HTML elements and quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The report on the files' traffic: period, observed rates, each mode's month, the schedule,
/// the cheapest and the warnings.
fn report(e: &TrafficEstimate) -> String {
    let s = &e.summary;
    let o = &s.observed;
    let mut out = format!(
        r#"<p id="metrics-period">{}</p>"#,
        escape(&kcost_report::traffic_period(e))
    );
    out.push_str(
        r#"<table id="metrics-observed"><thead><tr><th scope="col">Observed</th><th scope="col">Unit</th><th scope="col">Mean</th><th scope="col">Peak</th></tr></thead><tbody>"#,
    );
    for [what, unit, mean, peak] in kcost_report::traffic_observed(o) {
        out.push_str(&format!(
            r#"<tr><th scope="row">{what}</th><td>{unit}</td><td class="num">{mean}</td><td class="num">{peak}</td></tr>"#
        ));
    }
    out.push_str(&format!(
        "</tbody></table><p>The peak needs {:.2} shards: {} at {}% target utilization</p>",
        o.peak_shard_need, o.shards_for_peak, s.target_utilization_percent
    ));
    out.push_str(
        r#"<table id="metrics-modes"><thead><tr><th scope="col">A 730-hour month at this traffic</th><th scope="col">Shards</th><th scope="col">Monthly (USD)</th><th></th></tr></thead><tbody>"#,
    );
    for m in &e.estimates {
        let shards = match (&m.schedule, m.shards) {
            (Some(s), _) => format!(
                "{}-{}",
                s.hours.iter().min().copied().unwrap_or(0),
                s.hours.iter().max().copied().unwrap_or(0)
            ),
            (None, Some(n)) => n.to_string(),
            (None, None) => "-".to_string(),
        };
        let cheapest = if m.mode == e.cheapest && e.estimates.len() > 1 {
            "cheapest"
        } else {
            ""
        };
        // The page's one name for each mode; the schedule is metrics' own.
        let name = m
            .mode
            .parse()
            .map_or(m.mode, crate::components::chart::label);
        out.push_str(&format!(
            r#"<tr id="metrics-{}"><td>{}</td><td class="num">{shards}</td><td class="num">{}</td><td>{cheapest}</td></tr>"#,
            escape(m.mode),
            escape(name),
            m.monthly_usd.to_text(true)
        ));
    }
    out.push_str("</tbody></table>");
    for schedule in e.estimates.iter().filter_map(|m| m.schedule.as_ref()) {
        out.push_str(&format!(
            r#"<p id="metrics-schedule">{}</p>"#,
            escape(&kcost_report::schedule_text(schedule))
        ));
    }
    let warnings = kcost_report::traffic_warnings(e, &Page);
    if !warnings.is_empty() {
        out.push_str(r#"<ul class="warnings" aria-label="Warnings">"#);
        for w in &warnings {
            out.push_str(&format!("<li>{}</li>", escape(w)));
        }
        out.push_str("</ul>");
    }
    out
}

/// Calls `name` of the second module with `args`, loading the module first if it is not yet
/// (through `window.kcostMore`, which the page's index.html defines); its answer as text.
///
/// # Errors
/// The module could not be loaded (a static host missing `more.js`, say) or did not answer text.
pub async fn call(name: &str, args: &[JsValue]) -> Result<String, String> {
    let failed = |what: &str| format!("the page could not {what}; reload it and try again");
    let window = web_sys::window().ok_or_else(|| failed("reach its window"))?;
    let load = js_sys::Reflect::get(&window, &"kcostMore".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| failed("find its loader"))?;
    let promise = load
        .call0(&window)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| failed("load more.js"))?;
    let module = JsFuture::from(promise)
        .await
        .map_err(|_| failed("load more.js"))?;
    let function = js_sys::Reflect::get(&module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| failed(&format!("find {name} in more.js")))?;
    let args: js_sys::Array = args.iter().collect();
    function
        .apply(&JsValue::NULL, &args)
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| failed(&format!("run {name}")))
}
