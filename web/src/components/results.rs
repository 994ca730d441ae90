//! The results: each component's capacity and cost tables, findings, price sources, warnings and
//! (on request) its steps, laid out from the same `Report` the CLI prints.

use kcost_core::render_steps;
use kcost_core::scenario::{ComponentEstimate, PipelineEstimate};
use kcost_core::Comparison;
use kcost_report::Report;

use crate::face::Page;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct Props {
    pub pipeline: PipelineEstimate,
    pub comparison: Option<Comparison>,
    pub explain: bool,
    /// Warnings about all that is shown (old prices), said once.
    pub warnings: Vec<kcost_core::Warning>,
}

fn table(header: &[&str], rows: &[Vec<String>], numeric_from: usize) -> Html {
    html! {
        <table>
            <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody>
                { for rows.iter().map(|row| html! {
                    <tr>{ for row.iter().enumerate().map(|(i, cell)| html! {
                        <td class={classes!((i >= numeric_from).then_some("num"))}>{ cell }</td>
                    }) }</tr>
                }) }
            </tbody>
        </table>
    }
}

fn card(report: &Report<'_>, id: &str, explain: bool) -> Html {
    let capacity: Vec<Vec<String>> = report.capacity.iter().map(|r| r.to_vec()).collect();
    let costs = report.cost_rows(|label, amount| [label.to_string(), amount]);
    let shards = report
        .capacity
        .last()
        .map(|r| r[1].clone())
        .unwrap_or_default();
    html! {
        <article class="card" id={id.to_string()}>
            <h2>{ &report.title }</h2>
            if !capacity.is_empty() {
                <p class="headline">
                    <span class="big" id={format!("{id}-shards")}>{ shards }</span>{ " shards, " }
                    <span class="big" id={format!("{id}-total")}>{ report.total.to_text(true) }</span>{ " USD a month" }
                </p>
                { table(&["Capacity", "Shards", "Per shard"], &capacity, 1) }
            } else {
                <p class="headline"><span class="big" id={format!("{id}-total")}>{ report.total.to_text(true) }</span>{ " USD a month" }</p>
            }
            { table(&kcost_report::COST_HEADER, &costs, 1) }
            if let Some((heading, rows)) = &report.growth {
                <h3>{ heading }</h3>
                { table(&kcost_report::GROWTH_HEADER, &rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(), 1) }
            }
            if !report.findings.is_empty() {
                <ul class="findings">{ for report.findings.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
            }
            if !report.warnings.is_empty() {
                <ul class="warnings" aria-label="Warnings">{ for report.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
            }
            <details class="sources" open=true>
                <summary>{ "Prices, sources and assumptions" }</summary>
                // Prices and assumptions; the warnings are listed above.
                <ul>{ for report.notes().iter().take_while(|n| n.as_str() != "Warnings:").filter(|n| !n.ends_with(':')).map(|n| html! { <li>{ n.trim_start_matches("  ").trim_start_matches("- ") }</li> }) }</ul>
            </details>
            if explain && !report.steps.is_empty() {
                <pre class="steps" id={format!("{id}-steps")}>{ render_steps(report.steps) }{ render_steps(report.analysis_steps) }</pre>
            }
        </article>
    }
}

/// What the comparison says of the break-even: none is stated unless both provisioned and
/// on-demand were priced.
fn break_even_text(c: &Comparison) -> String {
    if !c.prices_both() {
        return "No break-even: this region cannot price both provisioned and on-demand."
            .to_string();
    }
    match c.break_even_records_per_second {
        Some(rate) => format!(
            "Break-even: provisioned and on-demand swap places at {} records/s (average).",
            c.rounding.show(rate, 2)
        ),
        None => "Break-even: none between 0.01 and 10,000,000 records/s for this record size and consumer mix.".to_string(),
    }
}

#[function_component(Results)]
pub fn results(props: &Props) -> Html {
    let p = &props.pipeline;
    let reports: Vec<(String, Report<'_>)> = p
        .components
        .iter()
        .map(|c| match &c.estimate {
            ComponentEstimate::Stream(e) => ("stream".to_string(), Report::stream(e, &Page)),
            ComponentEstimate::Analytics(e) => {
                ("analytics".to_string(), Report::analytics(e, &Page))
            }
            ComponentEstimate::Firehose(e) => ("firehose".to_string(), Report::firehose(e, &Page)),
            ComponentEstimate::Consumer(e) => ("consumer".to_string(), Report::consumer(e, &Page)),
        })
        .collect();
    // Warnings about the whole estimate (old prices), once, after every component.
    let whole: Vec<String> = props.warnings.iter().map(|w| w.text(&Page)).collect();
    html! {
        <section class="results" aria-live="polite" aria-label="Results">
            if let Some(c) = &props.comparison {
                <article class="card compare" id="compare">
                    <h2>{ "All modes compared" }</h2>
                    <table>
                        <thead><tr><th scope="col">{ "Mode" }</th><th scope="col">{ "Shards" }</th><th scope="col">{ "Monthly (USD)" }</th><th></th></tr></thead>
                        <tbody>{ for c.estimates.iter().map(|e| {
                            let cheapest = c.cheapest_of_several() == Some(e.mode);
                            html! {
                                <tr class={classes!(cheapest.then_some("cheapest"))}>
                                    <td>{ crate::components::chart::label(e.mode) }</td>
                                    <td class="num">{ e.shards.as_ref().map_or("-".to_string(), |s| s.count.to_string()) }</td>
                                    <td class="num">{ e.monthly_usd.to_text(true) }</td>
                                    <td>{ if cheapest { "cheapest" } else if c.estimates.len() == 1 { "the only mode priced here" } else { "" } }</td>
                                </tr>
                            }
                        }) }</tbody>
                    </table>
                    <p id="break-even">{ break_even_text(c) }</p>
                    { for c.unavailable.iter().map(|u| html! { <p class="muted">{ format!("Not compared: {}: {}", crate::components::chart::label(u.mode), u.reason.text(&Page)) }</p> }) }
                </article>
            }
            { for reports.iter().map(|(id, r)| card(r, id, props.explain)) }
            if !whole.is_empty() {
                <ul class="warnings" id="warnings" aria-label="Warnings">{ for whole.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
            }
            if p.components.len() > 1 {
                <p class="pipeline">{ "Pipeline total: " }<span class="big" id="pipeline-total">{ p.monthly_usd.to_text(true) }</span>{ " USD a month" }</p>
            }
        </section>
    }
}
