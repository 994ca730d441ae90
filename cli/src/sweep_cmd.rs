//! `kcost sweep`: cost per mode as one input grows, as a table or CSV, and as an SVG plot.

use std::path::Path;

use anyhow::{bail, Result};
use kcost_core::sweep::{sweep, Axis, Range, Sweep, Variable};
use kcost_core::{number, Mode, Options, PriceBook, Rounding, StreamWorkload};
use plotters::prelude::*;

use crate::args::{SweepArgs, SweepFormat};

/// The swept input and its range, and the base workload with the other inputs.
fn workload(args: &SweepArgs) -> Result<(StreamWorkload, Variable, Range)> {
    let mut swept = None;
    let mut take = |variable: Variable, text: &str| -> Result<Option<String>> {
        if text.contains("..") {
            if swept.is_some() {
                bail!("sweep one input at a time: only one of --records, --size-kb and --consumers may be a range FROM..TO");
            }
            let range: Range = text
                .parse()
                .map_err(|e| anyhow::anyhow!("--{}: {e}", variable.name()))?;
            swept = Some((variable, range));
            Ok(Some(range.from.to_string()))
        } else {
            Ok(None)
        }
    };
    let records = take(Variable::Records, &args.records)?.unwrap_or_else(|| args.records.clone());
    let size = take(Variable::SizeKb, &args.size_kb)?.unwrap_or_else(|| args.size_kb.clone());
    let consumers = match &args.consumers {
        Some(c) => Some(take(Variable::Consumers, c)?.unwrap_or_else(|| c.clone())),
        None => None,
    };
    let Some((variable, range)) = swept else {
        bail!("give one input as a range FROM..TO, e.g. --records 100..100000");
    };
    // A size sweep from 0 starts at the smallest size instead.
    let size = if variable == Variable::SizeKb && range.from == 0.0 {
        "0.001".to_string()
    } else {
        size
    };
    let base = StreamWorkload {
        consumers: match consumers {
            Some(c) => Some(
                number::parse_count("consumer count", &c)
                    .map_err(|e| anyhow::anyhow!("--consumers: {e}"))?,
            ),
            None => None,
        },
        efo_consumers: args.efo_consumers,
        retention: args.retention,
        max_record_size: Some("10MiB".parse()?),
        ..StreamWorkload::new(
            records
                .parse()
                .map_err(|e| anyhow::anyhow!("--records: {e}"))?,
            size.parse()
                .map_err(|e| anyhow::anyhow!("--size-kb: {e}"))?,
        )
    };
    Ok((base, variable, range))
}

pub fn run(args: &SweepArgs, book: &PriceBook) -> Result<String> {
    let (base, variable, range) = workload(args)?;
    let options = Options {
        rounding: args.rounding.into(),
        ..Options::default()
    };
    let axis = Axis {
        variable,
        range,
        steps: args.steps,
        log: args.log,
    };
    let result =
        sweep(&base, axis, args.region.as_deref(), book, options).map_err(crate::face::error)?;
    if let Some(path) = &args.plot {
        plot(&result, path)?;
    }
    let header: Vec<String> = std::iter::once(variable.label().to_string())
        .chain(["Shards".to_string()])
        .chain(Mode::ALL.iter().map(|m| format!("{} (USD)", m.name())))
        .collect();
    // CSV keeps plain numbers for other programs; the table groups thousands and shows every
    // amount with two decimals.
    let table = args.format == SweepFormat::Table;
    let rows: Vec<Vec<String>> = result
        .points
        .iter()
        .map(|p| {
            let value = if table {
                Rounding::show_input(p.value)
            } else {
                format!("{}", (p.value * 100.0).round() / 100.0)
            };
            std::iter::once(value)
                .chain([p.shards.map_or(String::new(), |s| s.to_string())])
                .chain(p.monthly_usd.iter().map(|(_, m)| {
                    m.map_or(String::new(), |m| {
                        if table {
                            m.to_text(true)
                        } else {
                            m.to_string()
                        }
                    })
                }))
                .collect()
        })
        .collect();
    let break_even = result.break_even_records_per_second.map(|r| {
        format!(
            "break-even (provisioned / on-demand): {} records/s",
            Rounding::show_input(r)
        )
    });
    Ok(match args.format {
        SweepFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(&header)?;
            for row in &rows {
                w.write_record(row)?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        SweepFormat::Table => {
            let right: Vec<usize> = (0..header.len()).collect();
            let mut t = kcost_report::Grid::new(&header).right(&right);
            t.rows(rows);
            let mut out = format!("{t}\n");
            if let Some(b) = break_even {
                out.push_str(&format!("{b}\n"));
            }
            out
        }
    })
}

/// The plot's ranges: the swept input's least and greatest value, and the greatest cost with
/// room above it.
fn bounds(s: &Sweep) -> (f64, f64, f64) {
    let xs = || s.points.iter().map(|p| p.value);
    let (x0, x1) = (xs().fold(f64::INFINITY, f64::min), xs().fold(0.0, f64::max));
    let y1 = s
        .points
        .iter()
        .flat_map(|p| {
            p.monthly_usd
                .iter()
                .filter_map(|(_, m)| m.map(|m| m.to_f64()))
        })
        .fold(1.0, f64::max)
        * 1.05;
    (x0, x1, y1)
}

/// The line of the `mode`th mode: the swept value and the monthly cost, where it is priced.
fn series(s: &Sweep, mode: usize) -> Vec<(f64, f64)> {
    s.points
        .iter()
        .filter_map(|p| {
            p.monthly_usd
                .get(mode)
                .and_then(|(_, m)| m.map(|m| (p.value, m.to_f64())))
        })
        .collect()
}

/// Draws cost against the swept input, a line per mode, the break-even marked; written atomically.
fn plot(s: &Sweep, path: &Path) -> Result<()> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (900, 540)).into_drawing_area();
        root.fill(&WHITE)?;
        let (x0, x1, y1) = bounds(s);
        let caption = format!("Monthly cost against {}", s.variable.label().to_lowercase());
        let mut builder = ChartBuilder::on(&root);
        builder
            .caption(caption, ("sans-serif", 20))
            .margin(16)
            .x_label_area_size(48)
            .y_label_area_size(80);
        let colors = [
            RGBColor(11, 98, 164),
            RGBColor(194, 84, 0),
            RGBColor(46, 125, 50),
        ];
        let x_desc = format!(
            "{}{}",
            s.variable.label(),
            if s.log { ", log scale" } else { "" }
        );
        macro_rules! draw {
            ($chart:expr) => {{
                let mut chart = $chart;
                chart
                    .configure_mesh()
                    .x_desc(x_desc.as_str())
                    .y_desc("Monthly cost (USD)")
                    .draw()?;
                for (i, mode) in Mode::ALL.iter().enumerate() {
                    let points = series(s, i);
                    if points.is_empty() {
                        continue;
                    }
                    let color = colors[i];
                    chart
                        .draw_series(LineSeries::new(points, color.stroke_width(2)))?
                        .label(mode.name())
                        .legend(move |(x, y)| {
                            PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
                        });
                }
                if let Some(b) = s
                    .break_even_records_per_second
                    .filter(|b| *b >= x0 && *b <= x1)
                {
                    chart
                        .draw_series(LineSeries::new(
                            vec![(b, 0.0), (b, y1)],
                            RED.stroke_width(1),
                        ))?
                        .label(format!("break-even {b} records/s"))
                        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], RED));
                }
                chart
                    .configure_series_labels()
                    .background_style(WHITE)
                    .border_style(BLACK)
                    .draw()?;
            }};
        }
        if s.log {
            draw!(builder.build_cartesian_2d((x0..x1).log_scale(), 0.0..y1)?);
        } else {
            draw!(builder.build_cartesian_2d(x0..x1, 0.0..y1)?);
        }
        root.present()?;
    }
    crate::pricing_cmd::write_atomic(path, svg.as_bytes())
}
