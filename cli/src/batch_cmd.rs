//! `kcost batch FILE`: one estimate per row of a CSV (with a header) or JSON Lines file, written
//! as it goes, with totals by region and by mode. A bad row is reported with its number and
//! error; the others are estimated; the exit status says whether any failed.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use anyhow::{Context, Result};
use kcost_core::batch::{self, RowOutcome, RowResult, Totals};
use kcost_core::{Options, PriceBook};
use kcost_report::Grid;
use serde_json::{json, Value};

use crate::args::BatchFormat;

/// Rows per chunk handed to a pricing thread: large enough that handing over costs little, small
/// enough that the chunks in flight hold little memory.
const CHUNK: usize = 1024;

/// Chunks in flight per pricing thread: memory stays bounded whatever the input's size.
const IN_FLIGHT: usize = 4;

/// The batch file, or standard input.
type Input = Box<dyn Read + Send>;

/// A row as read, before it is priced.
enum Raw {
    Csv(usize, csv::StringRecord),
    Json(usize, String),
    Failed(RowResult),
}

/// What a pricing thread needs to know.
#[derive(Clone, Copy)]
struct Pricing<'a> {
    book: &'a PriceBook,
    options: Options,
    format: BatchFormat,
    /// The header's columns as positions in kcost's columns (CSV only).
    positions: &'a [Option<usize>],
}

/// A chunk priced, reduced to what the reading thread needs (the estimates are dropped where
/// they were made): the streaming formats' text of the rows that are done, their totals, what
/// the account keeps of each row in input order, the table's rows, and the chunk itself for its
/// records to be read into again.
struct Priced {
    text: Vec<u8>,
    totals: Totals,
    kept: Vec<batch::Kept>,
    table: Vec<Vec<String>>,
    rows: u64,
    chunk: Vec<Raw>,
}

/// Runs the batch on `threads` pricing threads, writing to `out` in input order; returns the
/// totals. Rows are read on this thread, priced and written out as text in chunks on the others,
/// and written here as each next chunk is ready.
pub fn run(
    file: &Path,
    format: BatchFormat,
    book: &PriceBook,
    options: Options,
    threads: usize,
    out: &mut dyn Write,
) -> Result<Totals> {
    let (mut rows, header) = open(file)?;
    for name in &header {
        known_column(name, file, 1)?;
    }
    // The header is matched to kcost's columns once.
    let positions: Vec<Option<usize>> = header.iter().map(|h| batch::column(h)).collect();
    let pricing = Pricing {
        book,
        options,
        format,
        positions: &positions,
    };
    let mut sink = Sink::new(format, out)?;
    let mut done = Done {
        totals: Totals::default(),
        progress: crate::progress::Progress::new(None, "rows"),
        account: batch::Account::default(),
    };
    price_all(
        &mut rows,
        file,
        &pricing,
        threads.max(1),
        &mut sink,
        &mut done,
    )?;
    for result in done.account.finish(book) {
        done.totals.add(&result);
        sink.row(&result)?;
    }
    done.progress.finish();
    sink.finish(&done.totals)?;
    Ok(done.totals)
}

/// The rows of `file` (`-`: standard input), as CSV or JSON Lines (by the extension, or an
/// object on the first line), and a CSV's header, read before anything is written: an unknown
/// column is a mistake in the file, not in each row.
fn open(file: &Path) -> Result<(Rows<Input>, Vec<String>)> {
    let input: Input = if file == Path::new("-") {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(file)
                .with_context(|| format!("cannot read the batch file '{}'", file.display()))?,
        )
    };
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let jsonl = matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    ) || reader
        .fill_buf()
        .map(|b| b.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'{'))
        .unwrap_or(false);
    if jsonl {
        return Ok((Rows::Json(reader.lines(), 0), Vec::new()));
    }
    // Fields are trimmed where they are used: trimming every record here costs more.
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let header: Vec<String> = csv
        .headers()
        .with_context(|| format!("cannot read the CSV header of '{}'", file.display()))?
        .iter()
        .map(|h| trim(h).to_string())
        .collect();
    let width = header.len();
    Ok((Rows::Csv(csv, 0, width), header))
}

/// What the reading thread gathers from the priced chunks.
struct Done {
    totals: Totals,
    progress: crate::progress::Progress,
    /// Advantage rows are held to the end, where each region's share one commitment.
    account: batch::Account,
}

impl Done {
    /// Takes in a priced chunk: its rows counted and totalled, its text written, its records
    /// kept in `spare` to be read into again.
    fn take(
        &mut self,
        priced: Priced,
        sink: &mut Sink<'_>,
        spare: &mut Vec<Vec<Raw>>,
    ) -> Result<()> {
        self.progress.inc_by(priced.rows);
        for kept in priced.kept {
            self.account.keep(kept);
        }
        self.totals.merge(priced.totals);
        if let Sink::Table(_, table) = sink {
            table.rows(priced.table);
        }
        spare.push(priced.chunk);
        sink.raw(&priced.text)
    }
}

/// Prices every row of `rows` on `threads` threads, taking the chunks in input order.
fn price_all<R: Read>(
    rows: &mut Rows<R>,
    file: &Path,
    pricing: &Pricing<'_>,
    threads: usize,
    sink: &mut Sink<'_>,
    done: &mut Done,
) -> Result<()> {
    std::thread::scope(|scope| -> Result<()> {
        let (work, todo) = std::sync::mpsc::channel::<(usize, Vec<Raw>)>();
        let todo = std::sync::Arc::new(std::sync::Mutex::new(todo));
        let (done_tx, priced) = std::sync::mpsc::channel::<(usize, Priced)>();
        for _ in 0..threads {
            let (todo, done_tx) = (todo.clone(), done_tx.clone());
            scope.spawn(move || pricer(pricing, &todo, &done_tx));
        }
        drop(done_tx);
        // Chunks come back in any order; each is written once all before it are.
        let mut waiting = std::collections::BTreeMap::new();
        let (mut sent, mut written) = (0usize, 0usize);
        let mut spare: Vec<Vec<Raw>> = Vec::new();
        let stopped = || anyhow::anyhow!("a pricing thread stopped");
        loop {
            let chunk = rows.next_chunk(file, spare.pop().unwrap_or_default())?;
            let last = chunk.len() < CHUNK;
            if !chunk.is_empty() {
                work.send((sent, chunk)).map_err(|_| stopped())?;
                sent += 1;
            }
            // Wait while too many chunks are in flight, or for all of them at the end.
            while sent - written > if last { 0 } else { threads * IN_FLIGHT } {
                let (index, chunk) = priced.recv().map_err(|_| stopped())?;
                waiting.insert(index, chunk);
                while let Some(chunk) = waiting.remove(&written) {
                    done.take(chunk, sink, &mut spare)?;
                    written += 1;
                }
            }
            if last {
                return Ok(());
            }
        }
    })
}

/// A pricing thread: prices the chunks it is handed until there are no more, from its own copy
/// of the prices (see `PriceBook::unshared`).
fn pricer(
    pricing: &Pricing<'_>,
    todo: &std::sync::Mutex<std::sync::mpsc::Receiver<(usize, Vec<Raw>)>>,
    done: &std::sync::mpsc::Sender<(usize, Priced)>,
) {
    let book = pricing.book.unshared();
    let pricing = Pricing {
        book: &book,
        ..*pricing
    };
    loop {
        let next = todo.lock().map(|t| t.recv());
        let Ok(Ok((index, chunk))) = next else {
            return;
        };
        if done.send((index, pricing.chunk(chunk))).is_err() {
            return;
        }
    }
}

/// `text` without the ASCII whitespace around it (as the CSV reader's trimming did).
fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_ascii_whitespace())
}

/// The rows of the input, read a chunk at a time.
enum Rows<R: Read> {
    /// The reader, the last row number read, and the header's width.
    Csv(csv::Reader<BufReader<R>>, usize, usize),
    /// The lines, and the last line number read.
    Json(std::io::Lines<BufReader<R>>, usize),
}

impl<R: Read> Rows<R> {
    /// Up to [`CHUNK`] rows; fewer only at the end. `spare` is a chunk already priced: its
    /// records are read into again rather than allocated anew.
    fn next_chunk(&mut self, file: &Path, mut spare: Vec<Raw>) -> Result<Vec<Raw>> {
        let mut records: Vec<csv::StringRecord> = spare
            .drain(..)
            .filter_map(|raw| match raw {
                Raw::Csv(_, record) => Some(record),
                _ => None,
            })
            .collect();
        let mut chunk = spare;
        chunk.reserve(CHUNK);
        while chunk.len() < CHUNK {
            match self {
                Rows::Csv(csv, row, width) => {
                    *row += 1;
                    let mut record = records.pop().unwrap_or_default();
                    match csv.read_record(&mut record) {
                        Ok(false) => break,
                        Ok(true) if record.len() != *width => {
                            chunk.push(Raw::Failed(failed(
                                *row,
                                format!("{} fields where the header has {width}", record.len()),
                            )));
                        }
                        Ok(true) => chunk.push(Raw::Csv(*row, record)),
                        Err(e) => chunk.push(Raw::Failed(failed(*row, format!("not CSV: {e}")))),
                    }
                }
                Rows::Json(lines, row) => {
                    let Some(line) = lines.next() else {
                        break;
                    };
                    *row += 1;
                    let line = line.with_context(|| format!("cannot read '{}'", file.display()))?;
                    if !line.trim().is_empty() {
                        chunk.push(Raw::Json(*row, line));
                    }
                }
            }
        }
        Ok(chunk)
    }
}

fn failed(row: usize, error: String) -> RowResult {
    RowResult {
        row,
        name: None,
        outcome: RowOutcome::Failed { error },
    }
}

impl Pricing<'_> {
    /// Prices a chunk's rows: the streaming formats' text of those that are done, their totals,
    /// and what the account keeps of each.
    fn chunk(&self, mut chunk: Vec<Raw>) -> Priced {
        let mut out = Priced {
            text: Vec::new(),
            totals: Totals::default(),
            kept: Vec::new(),
            table: Vec::new(),
            rows: chunk.len() as u64,
            chunk: Vec::new(),
        };
        // Each row is written as soon as it is priced, and its estimate dropped: the allocator
        // then hands the same few blocks back and forth, where holding a chunk's thousand
        // estimates until the end sent it through its slow paths.
        let mut csv = CsvRows::new(Vec::new());
        for raw in &chunk {
            let batch::Priced { result, kept } = self.row(raw);
            if !matches!(kept, batch::Kept::Nothing) {
                out.kept.push(kept);
            }
            let Some(result) = result else {
                continue;
            };
            out.totals.add(&result);
            // Writing to memory cannot fail.
            let _ = match self.format {
                BatchFormat::Csv => csv.row(&result),
                BatchFormat::Jsonl => {
                    writeln!(out.text, "{}", json_row(&result)).map_err(Into::into)
                }
                BatchFormat::Table => {
                    out.table.push(cells(&result));
                    Ok(())
                }
            };
        }
        if self.format == BatchFormat::Csv {
            out.text = csv.finish().unwrap_or_default();
        }
        // The records go back to be read into again; the rest of the row is dropped here.
        chunk.retain(|raw| matches!(raw, Raw::Csv(..)));
        out.chunk = chunk;
        out
    }

    fn row(&self, raw: &Raw) -> batch::Priced {
        let (book, options) = (self.book, self.options);
        let done = batch::Priced::done;
        match raw {
            Raw::Failed(result) => done(result.clone()),
            Raw::Csv(row, record) => {
                let row = *row;
                let mut values: batch::Values<'_> = [None; batch::WIDTH];
                for (position, value) in self.positions.iter().zip(record.iter()) {
                    if let Some(slot) = position.and_then(|p| values.get_mut(p)) {
                        *slot = Some(trim(value)).filter(|v| !v.is_empty());
                    }
                }
                batch::price_values(row, &values, book, options)
            }
            Raw::Json(row, line) => {
                let row = *row;
                match serde_json::from_str::<serde_json::Map<String, Value>>(line) {
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
                        batch::price_fields(row, &fields, book, options)
                    }
                    Err(e) => done(failed(row, format!("not a JSON object: {e}"))),
                }
            }
        }
    }
}

/// Refuses a CSV header's column kcost does not know, naming the file and line. (A JSON Lines
/// object is a row of its own: an unknown key fails that row, so the rows stream as they come.)
fn known_column(name: &str, file: &Path, line: usize) -> Result<()> {
    if batch::column(name).is_none() {
        anyhow::bail!(
            "{}:{line}: unknown column '{}'; columns are {}",
            file.display(),
            name.trim(),
            batch::columns().collect::<Vec<_>>().join(", ")
        );
    }
    Ok(())
}

/// Writes rows as they come (CSV, JSON Lines) or at the end (table).
enum Sink<'a> {
    Csv(&'a mut dyn Write),
    Jsonl(&'a mut dyn Write),
    Table(&'a mut dyn Write, Box<Grid>),
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

/// One field of a batch row.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Text(&'a str),
    Whole(u64),
    Number(f64),
    Usd(kcost_core::Money),
}

impl std::fmt::Display for Cell<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Text(s) => f.write_str(s),
            Cell::Whole(n) => write!(f, "{n}"),
            Cell::Number(x) => write!(f, "{x}"),
            Cell::Usd(m) => write!(f, "{m}"),
        }
    }
}

/// A number as a cell: a whole number goes through the integer formatter, which prints it the
/// same and is faster than the shortest-float one (a million rows make two million of them).
fn number<'a>(value: f64) -> Cell<'a> {
    if value.is_sign_positive() && value < 9.0e15 && (value as u64) as f64 == value {
        Cell::Whole(value as u64)
    } else {
        Cell::Number(value)
    }
}

/// Gives a row's fields under [`HEADER`], in order, to `put`: the one layout of a batch row, for
/// the CSV and the table alike.
fn fields(result: &RowResult, put: &mut dyn FnMut(Cell<'_>) -> Result<()>) -> Result<()> {
    put(Cell::Whole(result.row as u64))?;
    put(Cell::Text(result.name.as_deref().unwrap_or("")))?;
    match &result.outcome {
        RowOutcome::Estimated { estimate: e } => {
            put(Cell::Text(e.mode.name()))?;
            put(Cell::Text(&e.region))?;
            put(number(e.inputs.records_per_second))?;
            put(number(e.inputs.size_kb))?;
            put(Cell::Whole(u64::from(e.inputs.consumers)))?;
            match &e.shards {
                Some(s) => put(Cell::Whole(s.count))?,
                None => put(Cell::Text(""))?,
            }
            put(Cell::Usd(e.monthly_usd))?;
            put(Cell::Text(""))
        }
        RowOutcome::Failed { error } => {
            for _ in 0..7 {
                put(Cell::Text(""))?;
            }
            put(Cell::Text(error))
        }
    }
}

/// A row's cells under [`HEADER`], for the table.
fn cells(result: &RowResult) -> Vec<String> {
    let mut cells = Vec::with_capacity(HEADER.len());
    // Collecting into a Vec cannot fail.
    let _ = fields(result, &mut |cell| {
        cells.push(cell.to_string());
        Ok(())
    });
    cells
}

/// Batch rows written as CSV (no header) to `out`, each number formatted through one buffer (a
/// million rows make ten million fields), whole numbers without a format string.
struct CsvRows<W: Write> {
    writer: csv::Writer<W>,
    buffer: String,
    whole: itoa::Buffer,
}

impl<W: Write> CsvRows<W> {
    fn new(out: W) -> CsvRows<W> {
        CsvRows {
            writer: csv::Writer::from_writer(out),
            buffer: String::with_capacity(32),
            whole: itoa::Buffer::new(),
        }
    }

    fn row(&mut self, result: &RowResult) -> Result<()> {
        use std::fmt::Write as _;
        let CsvRows {
            writer: w,
            buffer,
            whole,
        } = self;
        fields(result, &mut |cell| {
            match cell {
                Cell::Text(text) => w.write_field(text)?,
                Cell::Whole(n) => w.write_field(whole.format(n))?,
                _ => {
                    buffer.clear();
                    // Writing to a String cannot fail.
                    let _ = write!(buffer, "{cell}");
                    w.write_field(&*buffer)?;
                }
            }
            Ok(())
        })?;
        w.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Flushes the rows and gives `out` back.
    fn finish(self) -> Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error().into())
    }
}

fn json_row(result: &RowResult) -> Value {
    match &result.outcome {
        RowOutcome::Estimated { estimate: e } => json!({
            "row": result.row, "name": result.name, "mode": e.mode, "region": &*e.region,
            "shards": e.shards.as_ref().map(|s| s.count), "monthly_usd": e.monthly_usd,
        }),
        RowOutcome::Failed { error } => {
            json!({"row": result.row, "name": result.name, "error": error})
        }
    }
}

impl<'a> Sink<'a> {
    fn new(format: BatchFormat, out: &'a mut dyn Write) -> Result<Sink<'a>> {
        Ok(match format {
            BatchFormat::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                w.write_record(HEADER)?;
                w.flush()?;
                drop(w);
                Sink::Csv(out)
            }
            BatchFormat::Table => Sink::Table(out, Box::new(Grid::new(&HEADER))),
            BatchFormat::Jsonl => Sink::Jsonl(out),
        })
    }

    /// Rows already written as text (CSV or JSON Lines) by a pricing thread.
    fn raw(&mut self, text: &[u8]) -> Result<()> {
        match self {
            Sink::Csv(out) | Sink::Jsonl(out) => out.write_all(text)?,
            Sink::Table(..) => {}
        }
        Ok(())
    }

    fn row(&mut self, result: &RowResult) -> Result<()> {
        match self {
            Sink::Csv(out) => {
                let mut csv = CsvRows::new(&mut **out);
                csv.row(result)?;
                csv.finish()?;
            }
            Sink::Table(_, t) => {
                t.row(cells(result));
            }
            Sink::Jsonl(out) => writeln!(out, "{}", json_row(result))?,
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
            Sink::Csv(out) => {
                let mut w = csv::Writer::from_writer(out);
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
                let mut sum = Grid::new(&["Total by", "", "Monthly (USD)"]);
                sum.rows(total_rows);
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
