//! `kcost batch FILE`: one estimate per row of a CSV (with a header) or JSON Lines file, written
//! as it goes, with totals by region and by mode. A bad row is reported with its number and
//! error; the others are estimated; the exit status says whether any failed.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use anyhow::{Context, Result};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::Table;
use kcost_core::batch::{self, RowOutcome, RowResult, Totals};
use kcost_core::{Options, PriceBook};
use serde_json::{json, Value};

use crate::args::BatchFormat;

/// Runs the batch, writing to `out`; returns the totals.
pub fn run(
    file: &Path,
    format: BatchFormat,
    book: &PriceBook,
    options: Options,
    out: &mut dyn Write,
) -> Result<Totals> {
    let input: Box<dyn Read> = if file == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(file)
                .with_context(|| format!("cannot read the batch file '{}'", file.display()))?,
        )
    };
    let mut reader = BufReader::new(input);
    let jsonl = matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    ) || reader
        .fill_buf()
        .map(|b| b.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'{'))
        .unwrap_or(false);
    // A CSV's header is read and checked before anything is written: an unknown column is a
    // mistake in the file, not in each row.
    let (mut lines, mut csv) = if jsonl {
        (Some(reader), None)
    } else {
        let csv = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(reader);
        (None, Some(csv))
    };
    let header: Vec<String> = match &mut csv {
        Some(csv) => csv
            .headers()
            .with_context(|| format!("cannot read the CSV header of '{}'", file.display()))?
            .iter()
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    };
    for name in &header {
        known_column(name, file, 1)?;
    }
    let mut sink = Sink::new(format, out)?;
    let mut totals = Totals::default();
    let mut progress = crate::progress::Progress::new(None, "rows");
    // Advantage rows are held to the end, where each region's share one commitment.
    let mut account = batch::Account::default();
    let mut emit = |result: Option<RowResult>, sink: &mut Sink<'_>| -> Result<()> {
        progress.inc();
        match result {
            Some(result) => {
                totals.add(&result);
                sink.row(&result)
            }
            None => Ok(()),
        }
    };
    match (lines.take(), csv) {
        (Some(reader), _) => {
            for (i, line) in reader.lines().enumerate() {
                let line = line.with_context(|| format!("cannot read '{}'", file.display()))?;
                if line.trim().is_empty() {
                    continue;
                }
                let result = match serde_json::from_str::<serde_json::Map<String, Value>>(&line) {
                    Ok(object) => {
                        let owned: Vec<(String, String)> = object
                            .iter()
                            .map(|(k, v)| {
                                (
                                    k.clone(),
                                    v.as_str().map_or_else(|| v.to_string(), str::to_string),
                                )
                            })
                            .collect();
                        let fields: Vec<(&str, &str)> = owned
                            .iter()
                            .map(|(k, v)| (k.as_str(), v.as_str()))
                            .collect();
                        account.row(i + 1, &fields, book, options)
                    }
                    Err(e) => Some(RowResult {
                        row: i + 1,
                        name: None,
                        outcome: RowOutcome::Failed {
                            error: format!("not a JSON object: {e}"),
                        },
                    }),
                };
                emit(result, &mut sink)?;
            }
        }
        (None, None) => {}
        (None, Some(mut csv)) => {
            // The header is matched to kcost's columns once.
            let positions: Vec<Option<usize>> = header.iter().map(|h| batch::column(h)).collect();
            let mut record = csv::StringRecord::new();
            let mut row = 0;
            loop {
                row += 1;
                let result = match csv.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) if record.len() != header.len() => Some(RowResult {
                        row,
                        name: None,
                        outcome: RowOutcome::Failed {
                            error: format!(
                                "{} fields where the header has {}",
                                record.len(),
                                header.len()
                            ),
                        },
                    }),
                    Ok(true) => {
                        let mut values: batch::Values<'_> = [None; batch::COLUMNS.len()];
                        for (position, value) in positions.iter().zip(record.iter()) {
                            if let Some(slot) = position.and_then(|p| values.get_mut(p)) {
                                *slot = Some(value).filter(|v| !v.is_empty());
                            }
                        }
                        account.values(row, &values, book, options)
                    }
                    Err(e) => Some(RowResult {
                        row,
                        name: None,
                        outcome: RowOutcome::Failed {
                            error: format!("not CSV: {e}"),
                        },
                    }),
                };
                emit(result, &mut sink)?;
            }
        }
    }
    for result in account.finish(book) {
        totals.add(&result);
        sink.row(&result)?;
    }
    progress.finish();
    sink.finish(&totals)?;
    Ok(totals)
}

/// Refuses a CSV header's column kcost does not know, naming the file and line. (A JSON Lines
/// object is a row of its own: an unknown key fails that row, so the rows stream as they come.)
fn known_column(name: &str, file: &Path, line: usize) -> Result<()> {
    if batch::column(name).is_none() {
        anyhow::bail!(
            "{}:{line}: unknown column '{}'; columns are {}",
            file.display(),
            name.trim(),
            batch::COLUMNS.join(", ")
        );
    }
    Ok(())
}

/// Writes rows as they come (CSV, JSON Lines) or at the end (table).
enum Sink<'a> {
    Csv(csv::Writer<&'a mut dyn Write>),
    Jsonl(&'a mut dyn Write),
    Table(&'a mut dyn Write, Table),
}

const HEADER: [&str; 10] = [
    "row",
    "name",
    "mode",
    "region",
    "records_per_second",
    "size_kb",
    "consumers",
    "shards",
    "monthly_usd",
    "error",
];

impl<'a> Sink<'a> {
    fn new(format: BatchFormat, out: &'a mut dyn Write) -> Result<Sink<'a>> {
        Ok(match format {
            BatchFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(HEADER)?;
                Sink::Csv(w)
            }
            BatchFormat::Table => {
                let mut t = Table::new();
                t.load_style(UTF8_FULL_CONDENSED)
                    .set_header(HEADER.to_vec());
                Sink::Table(out, t)
            }
            BatchFormat::Jsonl => Sink::Jsonl(out),
        })
    }

    fn cells(result: &RowResult) -> [String; 10] {
        let name = result.name.clone().unwrap_or_default();
        match &result.outcome {
            RowOutcome::Estimated { estimate: e } => [
                result.row.to_string(),
                name,
                e.mode.name().to_string(),
                e.region.to_string(),
                e.inputs.records_per_second.to_string(),
                e.inputs.size_kb.to_string(),
                e.inputs.consumers.to_string(),
                e.shards
                    .as_ref()
                    .map_or(String::new(), |s| s.count.to_string()),
                e.monthly_usd.to_string(),
                String::new(),
            ],
            RowOutcome::Failed { error } => {
                let mut cells: [String; 10] = Default::default();
                cells[0] = result.row.to_string();
                cells[1] = name;
                cells[9] = error.clone();
                cells
            }
        }
    }

    fn row(&mut self, result: &RowResult) -> Result<()> {
        match self {
            Sink::Csv(w) => w.write_record(Self::cells(result))?,
            Sink::Table(_, t) => {
                t.add_row(Self::cells(result).to_vec());
            }
            Sink::Jsonl(out) => {
                let value = match &result.outcome {
                    RowOutcome::Estimated { estimate: e } => json!({
                        "row": result.row, "name": result.name, "mode": e.mode, "region": &*e.region,
                        "shards": e.shards.as_ref().map(|s| s.count), "monthly_usd": e.monthly_usd,
                    }),
                    RowOutcome::Failed { error } => {
                        json!({"row": result.row, "name": result.name, "error": error})
                    }
                };
                writeln!(out, "{value}")?;
            }
        }
        Ok(())
    }

    fn finish(self, totals: &Totals) -> Result<()> {
        let total_rows: Vec<[String; 3]> = totals
            .by_region
            .iter()
            .map(|(r, m)| ["region".to_string(), r.clone(), m.to_string()])
            .chain(
                totals
                    .by_mode
                    .iter()
                    .map(|(k, m)| ["mode".to_string(), k.clone(), m.to_string()]),
            )
            .chain(std::iter::once([
                "all".to_string(),
                match totals.estimated {
                    1 => "1 row".to_string(),
                    n => format!("{n} rows"),
                },
                totals.monthly_usd.to_string(),
            ]))
            .collect();
        match self {
            Sink::Csv(mut w) => {
                for [kind, key, usd] in &total_rows {
                    let mut cells: [String; 10] = Default::default();
                    cells[0] = format!("total-{kind}");
                    cells[1] = key.clone();
                    cells[8] = usd.clone();
                    w.write_record(cells)?;
                }
                w.flush()?;
            }
            Sink::Jsonl(out) => writeln!(out, "{}", json!({ "totals": totals }))?,
            Sink::Table(out, t) => {
                writeln!(out, "{t}")?;
                let mut sum = Table::new();
                sum.load_style(UTF8_FULL_CONDENSED).set_header(vec![
                    "Total by",
                    "",
                    "Monthly (USD)",
                ]);
                sum.add_rows(total_rows.iter().map(|r| r.to_vec()));
                writeln!(out, "{sum}")?;
                if totals.failed > 0 {
                    writeln!(
                        out,
                        "{} of {} rows failed; see their errors above",
                        totals.failed,
                        totals.failed + totals.estimated
                    )?;
                }
            }
        }
        Ok(())
    }
}
