//! A labelled input, select or switch, with the core's message beside it when it does not parse.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::Field;

/// How a field is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Free text (numbers, rates, durations).
    Text,
    /// One of a list of values, each with its label.
    Select(Vec<(String, String)>),
    /// On or off.
    Switch,
}

#[derive(Debug, Properties, PartialEq)]
pub struct Props {
    pub field: Field,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub kind: Kind,
    pub onchange: Callback<String>,
}

#[function_component(FieldInput)]
pub fn field_input(props: &Props) -> Html {
    let id = format!("input-{}", props.field.key());
    let error_id = format!("error-{}", props.field.key());
    let hint_id = format!("hint-{}", props.field.key());
    let invalid = props.error.is_some();
    // The hint and the error, when there are, describe the control to screen readers.
    let described = [
        (!props.hint.is_empty()).then(|| hint_id.clone()),
        invalid.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let control = match &props.kind {
        Kind::Text => {
            let onchange = props.onchange.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                onchange.emit(input.value());
            });
            html! {
                <input id={id.clone()} type="text" inputmode="decimal" value={props.value.clone()}
                    aria-invalid={invalid.to_string()} aria-describedby={described.clone()} {oninput} />
            }
        }
        Kind::Select(options) => {
            let onchange = props.onchange.clone();
            let onchange = Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                onchange.emit(select.value());
            });
            html! {
                <select id={id.clone()} aria-invalid={invalid.to_string()} aria-describedby={described.clone()} {onchange}>
                    { for options.iter().map(|(value, label)| html! {
                        <option value={value.clone()} selected={*value == *props.value}>{ label }</option>
                    }) }
                </select>
            }
        }
        Kind::Switch => {
            let onchange = props.onchange.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                onchange.emit(if input.checked() { "on" } else { "" }.to_string());
            });
            html! {
                <input id={id.clone()} type="checkbox" checked={props.value == "on"} aria-describedby={described.clone()} {onchange} />
            }
        }
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), matches!(props.kind, Kind::Switch).then_some("switch"))}>
            <label for={id}>{ &props.label }</label>
            { control }
            if !props.hint.is_empty() { <small class="hint" id={hint_id}>{ &props.hint }</small> }
            if let Some(error) = &props.error {
                <p class="error" id={error_id} role="alert">{ error }</p>
            }
        </div>
    }
}
