//! Many stream estimates from rows of named fields (a CSV's columns or a JSON object's keys),
//! named as the CLI's flags. A bad row becomes an error for that row; the others are estimated.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calc::money::Money;
use crate::calc::Options;
use crate::error::{Error, InputError};
use crate::estimate::{Estimate, Mode};
use crate::input::{Input, Scope};
use crate::price::PriceBook;
use crate::streams::commitment::{region_code, together};
use crate::streams::workload::StreamWorkload;
use crate::streams::{self, AccountStream};

/// Whether `input` is a batch column: every input of a stream and of every estimate, named by
/// its flag, but the growth projection (a batch prices each row once) and the rounding (the
/// whole batch's).
pub const fn is_column(input: Input) -> bool {
    matches!(input.spec().scope, Scope::Stream | Scope::Every)
        && !matches!(input, Input::Growth | Input::Months | Input::Rounding)
}

/// How many inputs are columns.
const INPUT_COLUMNS: usize = {
    let (mut n, mut rest) = (0, Input::ALL);
    while let [first, tail @ ..] = rest {
        if is_column(*first) {
            n += 1;
        }
        rest = tail;
    }
    n
};

/// The inputs that are columns, in declared order: a row's slot is its input's place here
/// (worked out when kcost is compiled, so that a row holds only the columns a batch can have).
// Indexing in a constant is checked when kcost compiles: it cannot fail at run time.
#[allow(clippy::indexing_slicing)]
pub const COLUMN_INPUTS: [Input; INPUT_COLUMNS] = {
    let mut out = [Input::Region; INPUT_COLUMNS];
    let (mut k, mut rest) = (0, Input::ALL);
    while let [first, tail @ ..] = rest {
        if is_column(*first) {
            out[k] = *first;
            k += 1;
        }
        rest = tail;
    }
    out
};

/// The slot of a row's `name` in [`Values`], after one slot per column input.
pub const NAME: usize = INPUT_COLUMNS;

/// The slots of [`Values`]: one per column input (by its place in [`COLUMN_INPUTS`]), then the
/// name.
pub const WIDTH: usize = NAME + 1;

/// The columns a batch row may have, in declared order: `name`, then the flag names of the
/// inputs that are columns (`size-kb`; `size_kb` is accepted too).
pub fn columns() -> impl Iterator<Item = &'static str> {
    std::iter::once("name").chain(COLUMN_INPUTS.iter().map(|i| i.spec().flag))
}

/// One row's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowResult {
    /// The row's number in the input, from 1 (the header is not counted).
    pub row: usize,
    /// The row's `name`, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The estimate, or why there is none.
    #[serde(flatten)]
    pub outcome: RowOutcome,
}

/// An estimate, or the error that stopped it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum RowOutcome {
    /// The row was estimated.
    Estimated {
        /// The estimate.
        estimate: Box<Estimate>,
    },
    /// The row could not be estimated.
    Failed {
        /// What was wrong with it.
        error: String,
    },
}

/// Totals of the estimated rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    /// Rows estimated.
    pub estimated: usize,
    /// Rows that failed.
    pub failed: usize,
    /// Monthly total by region.
    pub by_region: BTreeMap<String, Money>,
    /// Monthly total by mode.
    pub by_mode: BTreeMap<String, Money>,
    /// Monthly total of every estimated row.
    pub monthly_usd: Money,
}

impl Totals {
    /// Adds totals of other rows (a chunk's, say): the same as adding each of their rows.
    pub fn merge(&mut self, other: Totals) {
        self.estimated += other.estimated;
        self.failed += other.failed;
        for (mine, theirs) in [
            (&mut self.by_region, other.by_region),
            (&mut self.by_mode, other.by_mode),
        ] {
            for (key, usd) in theirs {
                let total = mine.entry(key).or_default();
                *total = *total + usd;
            }
        }
        self.monthly_usd = self.monthly_usd + other.monthly_usd;
    }

    /// Adds a row's result.
    pub fn add(&mut self, result: &RowResult) {
        match &result.outcome {
            RowOutcome::Estimated { estimate } => {
                self.estimated += 1;
                let add = |map: &mut BTreeMap<String, Money>, key: &str| match map.get_mut(key) {
                    Some(total) => *total = *total + estimate.monthly_usd,
                    None => {
                        map.insert(key.to_string(), estimate.monthly_usd);
                    }
                };
                add(&mut self.by_region, &estimate.region);
                add(&mut self.by_mode, estimate.mode.name());
                self.monthly_usd = self.monthly_usd + estimate.monthly_usd;
            }
            RowOutcome::Failed { .. } => self.failed += 1,
        }
    }
}

/// The slot in [`Values`] of a column name (`size_kb` is `size-kb`), if it is one.
pub fn column(name: &str) -> Option<usize> {
    let name = name.trim();
    // Compared without allocating: a batch has millions of fields.
    let same = |c: &str| {
        c.len() == name.len()
            && c.bytes()
                .zip(name.bytes())
                .all(|(a, b)| a == b || (a == b'-' && b == b'_'))
    };
    if name == "name" {
        return Some(NAME);
    }
    COLUMN_INPUTS.iter().position(|i| same(i.spec().flag))
}

/// A row's values by slot (see [`column()`]; empty cells as `None`).
pub type Values<'a> = [Option<&'a str>; WIDTH];

/// A row's value of `input`.
fn value<'a>(values: &Values<'a>, input: Input) -> Option<&'a str> {
    let slot = COLUMN_INPUTS.iter().position(|i| *i == input)?;
    values.get(slot).copied().flatten()
}

/// A row's name.
fn name_of(values: &Values<'_>) -> Option<String> {
    values.get(NAME).copied().flatten().map(str::to_string)
}

/// Estimates one row of `(column, value)` pairs; empty values take the flag's default.
/// ```
/// use kcost_core::batch::{estimate_row, RowOutcome};
/// use kcost_core::{testing, Options};
/// let row = estimate_row(1, &[("records", "100"), ("size-kb", "100"), ("consumers", "10"), ("region", "us-east-2")], &testing::deck_book(), Options::default());
/// let RowOutcome::Estimated { estimate } = row.outcome else { panic!() };
/// assert_eq!(estimate.monthly_usd.to_string(), "551.27");
/// let bad = estimate_row(2, &[("records", "-5"), ("size-kb", "1")], &testing::deck_book(), Options::default());
/// assert!(matches!(bad.outcome, RowOutcome::Failed { .. }));
/// ```
pub fn estimate_row(
    row: usize,
    fields: &[(&str, &str)],
    book: &PriceBook,
    options: Options,
) -> RowResult {
    match values_of(row, fields) {
        Ok(values) => estimate_values(row, &values, book, options),
        Err(failed) => failed,
    }
}

/// A row's `(column, value)` pairs by column position, or the row failed for an unknown column.
fn values_of<'a>(row: usize, fields: &[(&str, &'a str)]) -> Result<Values<'a>, RowResult> {
    let mut values: Values<'_> = [None; WIDTH];
    let mut unknown = None;
    for (key, value) in fields {
        match column(key) {
            Some(i) => {
                if let Some(slot) = values.get_mut(i) {
                    *slot = Some(value.trim()).filter(|v| !v.is_empty());
                }
            }
            None => unknown = Some(key.trim().to_string()),
        }
    }
    match unknown {
        Some(key) => Err(RowResult {
            row,
            name: name_of(&values),
            outcome: RowOutcome::Failed {
                error: format!(
                    "unknown column '{key}'; columns are {}",
                    columns().collect::<Vec<_>>().join(", ")
                ),
            },
        }),
        None => Ok(values),
    }
}

/// The rows of a batch as one account's streams: Advantage rows are held until [`Account::finish`]
/// so that the Advantage streams of each region share one commitment; every other row is
/// estimated at once. (Advantage streams are few, and each costs thousands a month alone, so
/// holding them costs little.)
#[derive(Debug, Default)]
pub struct Account {
    held: Vec<Held>,
    standard: BTreeMap<String, usize>,
}

impl Account {
    /// As [`estimate_row`], but an Advantage row is held (`None`) until [`Account::finish`].
    pub fn row(
        &mut self,
        row: usize,
        fields: &[(&str, &str)],
        book: &PriceBook,
        options: Options,
    ) -> Option<RowResult> {
        self.take(price_fields(row, fields, book, options))
    }

    /// As [`estimate_values`], but an Advantage row is held (`None`) until [`Account::finish`].
    pub fn values(
        &mut self,
        row: usize,
        values: &Values<'_>,
        book: &PriceBook,
        options: Options,
    ) -> Option<RowResult> {
        self.take(price_values(row, values, book, options))
    }

    /// Takes a row priced on its own ([`price_values`], which may run on another thread):
    /// counts an on-demand row's region and holds an Advantage row (`None`) until
    /// [`Account::finish`]; rows taken in input order give what [`Account::values`] gives.
    pub fn take(&mut self, priced: Priced) -> Option<RowResult> {
        self.keep(priced.kept);
        priced.result
    }

    /// Keeps what the account needs of a row ([`Priced::kept`]); rows kept in input order give
    /// what [`Account::values`] gives.
    pub fn keep(&mut self, kept: Kept) {
        match kept {
            Kept::Nothing => {}
            Kept::Standard(code) => *self.standard.entry(code).or_default() += 1,
            Kept::Held(held) => self.held.push(*held),
        }
    }

    /// The held Advantage rows, priced together: one commitment per region, each row's share of
    /// its shortfall; refused in a region that also has Standard on-demand rows.
    pub fn finish(self, book: &PriceBook) -> Vec<RowResult> {
        let streams: Vec<AccountStream<'_>> = self
            .held
            .iter()
            .map(|Held { parsed: p, .. }| AccountStream {
                workload: &p.workload,
                mode: p.mode,
                region: p.region.as_deref(),
                options: p.options,
            })
            .collect();
        let estimates = together(&streams, book, &self.standard);
        self.held
            .iter()
            .zip(estimates)
            .map(|(Held { row, name, .. }, e)| RowResult {
                row: *row,
                name: name.clone(),
                outcome: outcome(e),
            })
            .collect()
    }
}

/// A row priced on its own, before the account takes it ([`Account::take`]).
#[derive(Debug)]
pub struct Priced {
    /// The row's outcome now; none for an Advantage row, which is priced at the end.
    pub result: Option<RowResult>,
    /// What the account keeps of the row.
    pub kept: Kept,
}

impl Priced {
    /// A row done now that the account keeps nothing of (a failed one, say).
    pub fn done(result: RowResult) -> Priced {
        Priced {
            result: Some(result),
            kept: Kept::Nothing,
        }
    }
}

/// What the account keeps of a row: nothing, an on-demand Standard row's region (counted for
/// the Advantage commitment's sharing), or an Advantage row to price at the end.
#[derive(Debug)]
pub enum Kept {
    /// Nothing.
    Nothing,
    /// The region of an on-demand Standard row.
    Standard(String),
    /// An Advantage row.
    Held(Box<Held>),
}

/// An Advantage row waiting for the account's other Advantage streams.
#[derive(Debug)]
pub struct Held {
    row: usize,
    name: Option<String>,
    parsed: Row,
}

/// As [`price_values`], for a row of `(column, value)` pairs (a JSON object's).
pub fn price_fields(
    row: usize,
    fields: &[(&str, &str)],
    book: &PriceBook,
    options: Options,
) -> Priced {
    match values_of(row, fields) {
        Ok(values) => price_values(row, &values, book, options),
        Err(result) => Priced::done(result),
    }
}

/// Prices one row on its own: everything [`Account::values`] does but the account's
/// bookkeeping, so that rows can be priced on several threads and taken in order.
pub fn price_values(row: usize, values: &Values<'_>, book: &PriceBook, options: Options) -> Priced {
    let name = name_of(values);
    let parsed = match parse_row(values, options) {
        Ok(parsed) => parsed,
        Err(error) => {
            let outcome = RowOutcome::Failed { error };
            return Priced::done(RowResult { row, name, outcome });
        }
    };
    if parsed.mode == Mode::Advantage {
        return Priced {
            result: None,
            kept: Kept::Held(Box::new(Held { row, name, parsed })),
        };
    }
    let kept = match parsed.mode {
        Mode::OnDemand => {
            region_code(book, parsed.region.as_deref()).map_or(Kept::Nothing, Kept::Standard)
        }
        _ => Kept::Nothing,
    };
    let outcome = parsed.outcome(book);
    Priced {
        result: Some(RowResult { row, name, outcome }),
        kept,
    }
}

/// What a row asks to price.
#[derive(Debug)]
struct Row {
    workload: StreamWorkload,
    mode: Mode,
    region: Option<String>,
    options: Options,
}

impl Row {
    fn outcome(&self, book: &PriceBook) -> RowOutcome {
        outcome(streams::estimate(
            &self.workload,
            self.mode,
            self.region.as_deref(),
            book,
            self.options,
        ))
    }
}

/// An estimate boxed straight from where the model wrote it (each move of an `Estimate` copies
/// several hundred bytes, and a batch makes millions), or its error's text.
#[inline]
fn outcome(result: Result<Estimate, Error>) -> RowOutcome {
    match result {
        Ok(estimate) => RowOutcome::Estimated {
            estimate: Box::new(estimate),
        },
        Err(error) => RowOutcome::Failed {
            error: error.to_string(),
        },
    }
}

/// Estimates one row given by column position (see [`column()`]); the fast path for CSV, whose
/// header is matched once.
pub fn estimate_values(
    row: usize,
    values: &Values<'_>,
    book: &PriceBook,
    options: Options,
) -> RowResult {
    let name = name_of(values);
    let outcome = match parse_row(values, options) {
        Ok(parsed) => parsed.outcome(book),
        Err(error) => RowOutcome::Failed { error },
    };
    RowResult { row, name, outcome }
}

fn parse_row(values: &Values<'_>, options: Options) -> Result<Row, String> {
    let field = |input: Input, e: InputError| format!("{}: {e}", input.spec().flag);
    let records = value(values, Input::Records).ok_or("records: missing; give the record rate")?;
    let size = value(values, Input::SizeKb)
        .ok_or("size-kb: missing; give the average record size in KB")?;
    let mut w = StreamWorkload::new(
        records.parse().map_err(|e| field(Input::Records, e))?,
        size.parse().map_err(|e| field(Input::SizeKb, e))?,
    );
    // The row's values in declared order (a slot is an input's place in `COLUMN_INPUTS`), only
    // those given: a row has a few of the columns.
    for (text, &input) in values.iter().zip(&COLUMN_INPUTS) {
        let Some(text) = text else {
            continue;
        };
        if StreamWorkload::takes(input) && !matches!(input, Input::Records | Input::SizeKb) {
            w.set(input, text).map_err(|e| field(input, e))?;
        }
    }
    let mut options = options;
    if let Some(v) = value(values, Input::Discount) {
        options
            .set(Input::Discount, v)
            .map_err(|e| field(Input::Discount, e))?;
    }
    let mode: Mode = match value(values, Input::Mode) {
        Some(text) => text.parse().map_err(|e| field(Input::Mode, e))?,
        None => Mode::Provisioned,
    };
    Ok(Row {
        workload: w,
        mode,
        region: value(values, Input::Region).map(str::to_string),
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Input, Scope};

    #[test]
    fn totals_merged_are_the_totals_of_every_row() {
        let book = crate::testing::deck_book();
        let rows: Vec<RowResult> = [
            ("100", "100", "us-east-2", ""),
            ("1000", "1", "us-east-1", "on-demand"),
            ("-5", "1", "us-east-2", ""),
            ("20", "3", "eu-central-1", ""),
        ]
        .iter()
        .enumerate()
        .map(|(i, (records, size, region, mode))| {
            let fields = [
                ("records", *records),
                ("size-kb", *size),
                ("region", *region),
                ("mode", *mode),
            ];
            estimate_row(i + 1, &fields, &book, Options::default())
        })
        .collect();
        let mut all = Totals::default();
        rows.iter().for_each(|r| all.add(r));
        let (mut first, mut second) = (Totals::default(), Totals::default());
        rows[..2].iter().for_each(|r| first.add(r));
        rows[2..].iter().for_each(|r| second.add(r));
        first.merge(second);
        assert_eq!(first, all);
        assert_eq!((all.estimated, all.failed), (3, 1));
        assert_eq!(all.by_mode.len(), 2);
        assert_eq!(all.by_region.len(), 3);
    }

    /// Every column is an input's flag (or the row's name), and every input of a stream or of
    /// every estimate is one, but growth (a batch prices each row once) and the rounding (the
    /// batch's own).
    #[test]
    fn the_columns_are_the_declared_inputs() {
        let columns: Vec<&str> = columns().collect();
        assert_eq!(columns.first(), Some(&"name"));
        assert_eq!(columns.len(), 28);
        for input in Input::of(Scope::Stream).chain(Input::of(Scope::Every)) {
            let is = columns.contains(&input.spec().flag);
            let growth = matches!(input, Input::Growth | Input::Months | Input::Rounding);
            assert_eq!(is, !growth, "{input:?}");
            assert_eq!(
                column(input.spec().flag),
                COLUMN_INPUTS.iter().position(|i| *i == input)
            );
        }
        assert_eq!(column("size_kb"), column("size-kb"));
        assert!(column("size_kb").is_some());
        assert_eq!(column(" name "), Some(NAME));
        assert_eq!(column("growth"), None);
        assert_eq!(column("colour"), None);
    }
}
