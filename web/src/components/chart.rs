//! An SVG chart of monthly cost against record rate for each mode, both axes logarithmic with
//! round ticks (powers of ten), the current rate marked with each mode's month there, the
//! break-even marked, a legend with line samples, each point's value on hover, the current values
//! on focus, and the same figures as a table. The points come from the core; this only scales them
//! onto the canvas.

use kcost_core::Mode;
use yew::prelude::*;

use crate::state::Chart;

#[derive(Debug, Properties, PartialEq)]
pub struct Props {
    pub chart: std::rc::Rc<Chart>,
}

// A narrow canvas with large text, so that it stays legible when a phone scales it down.
const W: f64 = 480.0;
const H: f64 = 320.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 22.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 44.0;

/// A logarithmic axis from `lo` to `hi` (rounded out to powers of ten) onto `from..to`.
#[derive(Clone, Copy)]
struct LogAxis {
    lo: f64,
    hi: f64,
    from: f64,
    to: f64,
}

impl LogAxis {
    fn new(lo: f64, hi: f64, from: f64, to: f64) -> LogAxis {
        let lo = lo.max(0.01).log10().floor();
        let hi = hi.max(0.01).log10().ceil().max(lo + 1.0);
        LogAxis { lo, hi, from, to }
    }

    fn at(self, v: f64) -> f64 {
        let t = (v.max(1e-9).log10() - self.lo) / (self.hi - self.lo);
        self.from + t * (self.to - self.from)
    }

    /// Powers of ten from the bottom to the top.
    fn ticks(self) -> Vec<f64> {
        // Whole exponents between two small floats: at most a few dozen.
        (self.lo as i32..=self.hi as i32)
            .map(|p| 10f64.powi(p))
            .collect()
    }
}

#[function_component(CostChart)]
pub fn cost_chart(props: &Props) -> Html {
    let c = &props.chart;
    let all = || c.series.iter().flat_map(|(_, points)| points.iter());
    let (x_min, x_max) = all().fold((f64::INFINITY, 0.0f64), |(lo, hi), (x, _)| {
        (lo.min(*x), hi.max(*x))
    });
    let (y_min, y_max) = all().fold((f64::INFINITY, 0.0f64), |(lo, hi), (_, y)| {
        (lo.min(*y), hi.max(*y))
    });
    if c.series.is_empty() || !(x_min > 0.0 && x_max > x_min) {
        return html! {};
    }
    let x = LogAxis::new(x_min, x_max, LEFT, W - RIGHT);
    let y = LogAxis::new(y_min, y_max, H - BOTTOM, TOP);
    let vertical = |v: f64, class: &'static str, label: String| {
        html! {
            <g class={class}>
                <line x1={format!("{:.1}", x.at(v))} x2={format!("{:.1}", x.at(v))} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                <text x={format!("{:.1}", x.at(v) + 4.0)} y={(TOP - 6.0).to_string()}>{ label }</text>
            </g>
        }
    };
    html! {
        <figure class="chart" aria-labelledby="chart-title">
            <h2 id="chart-title">{ "Monthly cost by record rate, each capacity mode" }</h2>
            { legend(c) }
            <svg id="chart" viewBox={format!("0 0 {W} {H}")} role="img"
                aria-label="Monthly cost in USD against record rate in records per second, both on log scales, for each capacity mode; the table below gives the same figures">
                { axes(x, y) }
                { vertical(c.current, "current", "now".to_string()) }
                { c.break_even.filter(|b| *b >= x_min && *b <= x_max).map(|b| vertical(b, "break-even", format!("break-even {}", short(b)))).unwrap_or_default() }
                { lines(c, x, y) }
            </svg>
            { table(c) }
        </figure>
    }
}

/// Each mode's line sample and its month now.
fn legend(c: &Chart) -> Html {
    html! {
        <ul class="legend" id="chart-legend">
            { for c.series.iter().map(|(mode, _)| html! {
                <li>
                    <svg class="sample" viewBox="0 0 24 8" aria-hidden="true"><line class={classes!("series", mode.name())} x1="0" y1="4" x2="24" y2="4" /></svg>
                    { label(*mode) }
                    if let Some(v) = now_of(c, *mode) {
                        { ": " }<span class="nowrap">{ format!("{} USD now", money(v)) }</span>
                    }
                </li>
            }) }
        </ul>
    }
}

/// The axes, their ticks and grid, and their labels.
fn axes(x: LogAxis, y: LogAxis) -> Html {
    html! {
        <g class="axes">
            <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM).to_string()} />
            <line x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
            { for x.ticks().iter().map(|t| html! {
                <text class="tick" x={format!("{:.1}", x.at(*t))} y={(H - BOTTOM + 18.0).to_string()} text-anchor="middle">{ short(*t) }</text>
            }) }
            { for y.ticks().iter().map(|t| html! {
                <g>
                    <line class="grid" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{:.1}", y.at(*t))} y2={format!("{:.1}", y.at(*t))} />
                    <text class="tick" x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y.at(*t) + 5.0)} text-anchor="end">{ short(*t) }</text>
                </g>
            }) }
            <text class="axis-label" x={((LEFT + W - RIGHT) / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">
                { "records/s (log scale)" }
            </text>
            <text class="axis-label" transform={format!("translate(14 {}) rotate(-90)", (TOP + H - BOTTOM) / 2.0)} text-anchor="middle">
                { "USD a month (log scale)" }
            </text>
        </g>
    }
}

/// Each mode's line with its points (their values on hover), then its month now (on focus).
fn lines(c: &Chart, x: LogAxis, y: LogAxis) -> Html {
    let line = |points: &[(f64, f64)]| {
        points
            .iter()
            .map(|(a, b)| format!("{:.1},{:.1}", x.at(*a), y.at(*b)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    html! {
        <>
        { for c.series.iter().map(|(mode, points)| html! {
            <g class={classes!("mode", mode.name())}>
                <polyline class={classes!("series", mode.name())} points={line(points)} />
                { for points.iter().map(|(a, b)| html! {
                    <circle class="point" cx={format!("{:.1}", x.at(*a))} cy={format!("{:.1}", y.at(*b))} r="4">
                        <title>{ format!("{}: {} USD a month at {} records/s", label(*mode), money(*b), rate(*a)) }</title>
                    </circle>
                }) }
            </g>
        }) }
        { for c.now.iter().map(|(mode, v)| html! {
            <circle class={classes!("now", mode.name())} tabindex="0" cx={format!("{:.1}", x.at(c.current))} cy={format!("{:.1}", y.at(*v))} r="5"
                aria-label={format!("{} now: {} USD a month", label(*mode), money(*v))}>
                <title>{ format!("{} now: {} USD a month", label(*mode), money(*v)) }</title>
            </circle>
        }) }
        </>
    }
}

/// The same figures as a table.
fn table(c: &Chart) -> Html {
    html! {
        <details class="chart-table">
            <summary>{ "The chart as a table" }</summary>
            <table id="chart-table">
                <thead><tr>
                    <th scope="col">{ "records/s" }</th>
                    { for c.series.iter().map(|(mode, _)| html! { <th scope="col">{ format!("{} (USD)", label(*mode)) }</th> }) }
                </tr></thead>
                <tbody>
                    { for table_rows(c).iter().map(|(r, values)| html! {
                        <tr>
                            <th scope="row">{ rate(*r) }</th>
                            { for values.iter().map(|v| html! { <td class="num">{ money(*v) }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}

/// A mode's month at the current rate.
fn now_of(c: &Chart, mode: Mode) -> Option<f64> {
    c.now.iter().find(|(m, _)| *m == mode).map(|(_, v)| *v)
}

/// Every fourth point of each line, and the current rate.
fn table_rows(c: &Chart) -> Vec<(f64, Vec<f64>)> {
    let Some((_, first)) = c.series.first() else {
        return Vec::new();
    };
    let mut rows: Vec<(f64, Vec<f64>)> = first
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 == 0 || *i + 1 == first.len())
        .map(|(i, (r, _))| {
            let values = c
                .series
                .iter()
                .filter_map(|(_, points)| points.get(i).map(|p| p.1))
                .collect();
            (*r, values)
        })
        .collect();
    let now: Vec<f64> = c
        .series
        .iter()
        .filter_map(|(mode, _)| now_of(c, *mode))
        .collect();
    if now.len() == c.series.len() {
        let at = rows.partition_point(|(r, _)| *r < c.current);
        rows.insert(at, (c.current, now));
    }
    rows
}

/// A mode as the page names it everywhere (the mode field's options, the comparison, the chart).
pub fn label(mode: Mode) -> &'static str {
    match mode {
        Mode::Provisioned => "provisioned",
        Mode::OnDemand => "on-demand Standard",
        Mode::Advantage => "on-demand Advantage",
    }
}

/// USD with cents and thousands separators (the core's whole-cent figures, as floats for the
/// canvas, shown back at two decimals).
fn money(v: f64) -> String {
    kcost_core::Money::round_usd(v).map_or_else(|| format!("{v:.2}"), |m| m.to_text(true))
}

/// A rate as the calculator prints an input: `1,000`, `16.67`.
fn rate(v: f64) -> String {
    let v = if v >= 100.0 { v.round() } else { v };
    kcost_core::Rounding::show_input(v)
}

/// `1k`, `10M`, `0.1`: a power of ten, short.
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
    let text = if n >= 1.0 {
        format!("{n:.0}")
    } else {
        format!("{n:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    };
    format!("{text}{suffix}")
}
