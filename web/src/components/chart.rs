//! An SVG chart of monthly cost against record rate for each mode, with the current rate and the
//! break-even marked. The points come from the core; this only scales them onto the canvas.

use kcost_core::Mode;
use yew::prelude::*;

use crate::state::Chart;

#[derive(Debug, Properties, PartialEq)]
pub struct Props {
    pub chart: Chart,
}

const W: f64 = 640.0;
const H: f64 = 320.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 48.0;

#[function_component(CostChart)]
pub fn cost_chart(props: &Props) -> Html {
    let c = &props.chart;
    let all = c.series.iter().flat_map(|(_, points)| points.iter());
    let (x_min, x_max) = all
        .clone()
        .fold((f64::INFINITY, 0.0f64), |(lo, hi), (x, _)| {
            (lo.min(*x), hi.max(*x))
        });
    let y_max = all.fold(0.0f64, |hi, (_, y)| hi.max(*y)).max(1.0);
    if c.series.is_empty() || !(x_min > 0.0 && x_max > x_min) {
        return html! {};
    }
    let (lx0, lx1) = (x_min.log10(), x_max.log10());
    let x = move |v: f64| LEFT + (v.log10() - lx0) / (lx1 - lx0) * (W - LEFT - RIGHT);
    let y = move |v: f64| H - BOTTOM - v / y_max * (H - TOP - BOTTOM);
    let line = |points: &[(f64, f64)]| {
        points
            .iter()
            .map(|(a, b)| format!("{:.1},{:.1}", x(*a), y(*b)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let x_ticks: Vec<f64> = ((lx0.ceil() as i32)..=(lx1.floor() as i32))
        .map(|p| 10f64.powi(p))
        .collect();
    let y_ticks: Vec<f64> = (0..=4).map(|i| y_max * f64::from(i) / 4.0).collect();
    let mark = |v: f64, class: &'static str, label: String| {
        (v >= x_min && v <= x_max).then(|| html! {
            <g class={class}>
                <line x1={format!("{:.1}", x(v))} x2={format!("{:.1}", x(v))} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                <text x={format!("{:.1}", x(v) + 4.0)} y={(TOP + 12.0).to_string()}>{ label }</text>
            </g>
        })
    };
    html! {
        <figure class="chart">
            <svg id="chart" viewBox={format!("0 0 {W} {H}")} role="img"
                aria-label="Monthly cost in USD against record rate in records per second, for each capacity mode">
                <g class="axes">
                    <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM).to_string()} />
                    <line x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                    { for x_ticks.iter().map(|t| html! {
                        <text class="tick" x={format!("{:.1}", x(*t))} y={(H - BOTTOM + 16.0).to_string()} text-anchor="middle">{ short(*t) }</text>
                    }) }
                    { for y_ticks.iter().map(|t| html! {
                        <text class="tick" x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y(*t) + 4.0)} text-anchor="end">{ short(*t) }</text>
                    }) }
                    <text class="axis-label" x={((LEFT + W - RIGHT) / 2.0).to_string()} y={(H - 8.0).to_string()} text-anchor="middle">
                        { "Record rate (records/s, log scale)" }
                    </text>
                    <text class="axis-label" transform={format!("translate(14 {}) rotate(-90)", (TOP + H - BOTTOM) / 2.0)} text-anchor="middle">
                        { "Monthly cost (USD)" }
                    </text>
                </g>
                { for c.series.iter().map(|(mode, points)| html! {
                    <polyline class={classes!("series", mode.name())} points={line(points)} />
                }) }
                { mark(c.current, "current", "now".to_string()).unwrap_or_default() }
                { c.break_even.and_then(|b| mark(b, "break-even", format!("break-even {}", short(b)))).unwrap_or_default() }
            </svg>
            <figcaption>
                { for c.series.iter().map(|(mode, _)| html! {
                    <span class={classes!("key", mode.name())}>{ label(*mode) }</span>
                }) }
            </figcaption>
        </figure>
    }
}

fn label(mode: Mode) -> &'static str {
    match mode {
        Mode::Provisioned => "provisioned",
        Mode::OnDemand => "on-demand",
        Mode::Advantage => "Advantage",
    }
}

/// `1k`, `2.5M`, `40`.
fn short(v: f64) -> String {
    let (n, suffix) = if v >= 1e9 {
        (v / 1e9, "G")
    } else if v >= 1e6 {
        (v / 1e6, "M")
    } else if v >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let text = if n >= 100.0 || n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    };
    format!("{text}{suffix}")
}
