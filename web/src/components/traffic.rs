//! The metrics section: CloudWatch files chosen, dropped or pasted, read in the browser, and what
//! `kcost metrics` says of them: the period, the observed traffic, each mode's month at that
//! traffic, the schedule, the cheapest, and the warnings (computed and written by the page's
//! second module, `crate::more`).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct Props {
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

/// What the paste box does: keep its text as it is typed, and add it as a file when asked.
fn paste(
    files: &UseStateHandle<Vec<(String, String)>>,
    pasted: &UseStateHandle<String>,
) -> (Callback<InputEvent>, Callback<MouseEvent>) {
    let typed = {
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
    let (files, pasted) = (files.clone(), pasted.clone());
    let add = Callback::from(move |_| {
        if !pasted.trim().is_empty() {
            let mut all = (*files).clone();
            all.push((format!("pasted text {}", all.len() + 1), (*pasted).clone()));
            files.set(all);
            pasted.set(String::new());
        }
    });
    (typed, add)
}

/// The report on `files`: the module's HTML, or why the module could not be reached (written by
/// yew, as text). It comes from the page's second module (loaded on first use), again whenever
/// the files or the page's region, target utilization or retention change.
#[hook]
fn use_report(
    files: &UseStateHandle<Vec<(String, String)>>,
    props: &Props,
) -> UseStateHandle<Option<Result<String, String>>> {
    let report = use_state(|| None::<Result<String, String>>);
    let out = report.clone();
    let key = (
        (**files).clone(),
        props.region.clone(),
        props.target_utilization.clone(),
        props.retention.clone(),
    );
    use_effect_with(key, move |(files, region, target, retention)| {
        if files.is_empty() {
            report.set(None);
            return;
        }
        let pairs: js_sys::Array = files
            .iter()
            .map(|(name, text)| js_sys::Array::of2(&name.as_str().into(), &text.as_str().into()))
            .collect();
        let args = [
            pairs.into(),
            region.as_str().into(),
            target.as_str().into(),
            retention.as_str().into(),
        ];
        wasm_bindgen_futures::spawn_local(async move {
            report.set(Some(crate::more::call("traffic", &args).await));
        });
    });
    out
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
    let (onpaste_input, add_pasted) = paste(&files, &pasted);
    let clear = {
        let files = files.clone();
        Callback::from(move |_| files.set(Vec::new()))
    };
    let report = use_report(&files, props);
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
            { match &*report {
                None => html! {},
                Some(Ok(html)) => html! {
                    <div id="metrics-report">{ Html::from_html_unchecked(AttrValue::from(html.clone())) }</div>
                },
                Some(Err(message)) => html! {
                    <p class="error" role="alert" id="metrics-error">{ message }</p>
                },
            } }
        </section>
    }
}
