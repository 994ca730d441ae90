//! Copy the link, and download the estimate as JSON, CSV, Markdown or a scenario file, in the same
//! shapes as the CLI's (`kcost-report`). All four are written by the
//! page's second module (`crate::more`), loaded on the first download.

use kcost_report::Format;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::face::Page;
use crate::state::Outcome;

#[derive(Debug, Properties, PartialEq)]
pub struct Props {
    pub outcome: std::rc::Rc<Outcome>,
    pub link: AttrValue,
    /// Whether the calculations are shown (and so downloaded).
    pub explain: bool,
}

/// The estimate's text in `format`: the comparison in compare mode, the pipeline when it has
/// more than the stream, else the stream alone (as `kcost` prints each).
pub fn export(outcome: &Outcome, format: Format) -> String {
    let result = match (&outcome.comparison, outcome.stream()) {
        (Some(c), _) if outcome.pipeline.components.len() == 1 => {
            kcost_report::comparison(c, format, &Page)
        }
        (_, Some(e)) if outcome.pipeline.components.len() == 1 => {
            kcost_report::estimate(e, format, &Page)
        }
        _ => kcost_report::pipeline(&outcome.pipeline, format, &Page),
    };
    result.unwrap_or_else(|e| e.to_string())
}

fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[function_component(Exports)]
pub fn exports(props: &Props) -> Html {
    let copied = use_state(|| false);
    let copy = {
        let link = props.link.to_string();
        let copied = copied.clone();
        Callback::from(move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&link);
                copied.set(true);
            }
        })
    };
    let stem = props.outcome.file_stem();
    let query = props
        .link
        .split_once('?')
        .map_or(String::new(), |(_, q)| format!("?{q}"));
    let explain = props.explain;
    let failed = use_state(|| None::<String>);
    // `format` is the second module's name for it: every download is written there, so that the
    // page's own module carries no writer of files (the scenario file's TOML included).
    let button = |label: &'static str,
                  ext: &'static str,
                  mime: &'static str,
                  format: &'static str| {
        let query = query.clone();
        let failed = failed.clone();
        let name = format!("{stem}.{ext}");
        let onclick = Callback::from(move |_| {
            let (name, args) = (
                name.clone(),
                [query.as_str().into(), explain.into(), format.into()],
            );
            let failed = failed.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::more::call("export_text", &args).await {
                    Ok(text) => {
                        download(&name, mime, &text);
                        failed.set(None);
                    }
                    Err(message) => failed.set(Some(message)),
                }
            });
        });
        html! { <button type="button" id={format!("download-{ext}")} {onclick}>{ label }</button> }
    };
    html! {
        <section class="exports" aria-label="Share and export">
            <button type="button" id="copy-link" onclick={copy}>{ if *copied { "Link copied" } else { "Copy link" } }</button>
            <input class="link" id="link" readonly=true value={props.link.clone()} aria-label="Link to this estimate" />
            { button("JSON", "json", "application/json", "json") }
            { button("CSV", "csv", "text/csv", "csv") }
            { button("Markdown", "md", "text/markdown", "markdown") }
            { button("Scenario file", "toml", "application/toml", "scenario") }
            if let Some(message) = &*failed {
                <p class="error" role="alert" id="export-error">{ format!("No download: {message}") }</p>
            }
        </section>
    }
}
