//! Consumers with their own bill: a Lambda function reading a stream (its invocations and
//! GB-seconds), and a Kinesis Client Library application (the DynamoDB tables it keeps its leases,
//! checkpoints and, in KCL 3.x, its workers' metrics in). Each reads a stream of a scenario and is
//! one more consumer of it, shared or enhanced fan-out, as analytics applications are.

pub(crate) mod notes;

use std::str::FromStr;

use arcstr::ArcStr;
use serde::Serialize;

use crate::bill::{Bill, Notes};
use crate::calc::trace::{NumFmt, Op, Step, Term};
use crate::calc::{Calc, Options, Rounding};
use crate::error::{Error, InputError};
use crate::estimate::{DiscountLine, Line, Service};
use crate::input::Input;
use crate::notes::ConsumerAssumption;
use crate::notes::{Assumption, Warning};
use crate::price::{PriceBook, PriceKey, RegionPrices};
use crate::read::number::parse_non_negative;
use crate::units::{plain, SECONDS_PER_MONTH};

/// A whole number, as a count.
fn parse_whole(what: &'static str, text: &str) -> Result<u32, InputError> {
    crate::read::number::parse_count(what, text)
}

/// A Lambda function's instruction set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Architecture {
    /// x86_64, Lambda's default.
    #[default]
    X86_64,
    /// arm64 (Graviton).
    Arm64,
}

impl FromStr for Architecture {
    type Err = InputError;

    /// `x86_64` (or `x86`) or `arm64` (or `arm`).
    fn from_str(text: &str) -> Result<Architecture, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "x86_64" | "x86" | "x86-64" => Ok(Architecture::X86_64),
            "arm64" | "arm" => Ok(Architecture::Arm64),
            _ => Err(InputError::Choice {
                what: "architecture",
                text: text.to_string(),
                choices: "x86_64 or arm64",
            }),
        }
    }
}

/// A Lambda function reading a stream through an event source mapping.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LambdaWorkload {
    /// Records per invocation at most (BatchSize): 1 to 10,000, default 100.
    pub batch_size: u32,
    /// Memory, MB: 128 to 10,240.
    pub memory_mb: u32,
    /// Average duration of one invocation, milliseconds: more than 0, at most 900,000.
    pub duration_ms: f64,
    /// Its architecture.
    pub architecture: Architecture,
    /// Seconds it waits to fill a batch (MaximumBatchingWindowInSeconds): 0 to 300.
    pub batching_window_s: f64,
}

impl LambdaWorkload {
    /// The GB-second price of its architecture.
    fn duration_key(&self) -> PriceKey {
        match self.architecture {
            Architecture::X86_64 => PriceKey::LambdaGbSecondX86,
            Architecture::Arm64 => PriceKey::LambdaGbSecondArm,
        }
    }

    /// Lambda's default batch size for a Kinesis event source.
    pub const DEFAULT_BATCH_SIZE: u32 = 100;

    /// The largest batch size Lambda takes for a Kinesis event source.
    pub const MAX_BATCH_SIZE: u32 = 10_000;

    /// A function of `memory_mb` running `duration_ms` per invocation, with Lambda's defaults
    /// for the rest.
    pub fn new(memory_mb: u32, duration_ms: f64) -> LambdaWorkload {
        LambdaWorkload {
            batch_size: Self::DEFAULT_BATCH_SIZE,
            memory_mb,
            duration_ms,
            architecture: Architecture::X86_64,
            batching_window_s: 0.0,
        }
    }

    /// Sets `input` (one of the Lambda inputs) from its text and checks the function against
    /// Lambda's limits, as the page reads its fields.
    ///
    /// # Errors
    /// A value that is not a number, or past Lambda's limits.
    pub fn set(&mut self, input: Input, text: &str) -> Result<(), InputError> {
        let what = input.spec().label;
        match input {
            Input::MemoryMb => self.memory_mb = parse_whole(what, text)?,
            Input::DurationMs => self.duration_ms = parse_non_negative(what, text)?,
            Input::BatchSize => self.batch_size = parse_whole(what, text)?,
            Input::Architecture => self.architecture = text.parse()?,
            Input::BatchingWindow => self.batching_window_s = parse_non_negative(what, text)?,
            _ => {
                return Err(InputError::NotOf {
                    input,
                    of: "a Lambda function",
                })
            }
        }
        self.check()
    }

    /// The inputs given beyond Lambda's defaults (the memory and duration always), each with
    /// its value as it would be typed, in declared order: what [`LambdaWorkload::set`] reads
    /// back to the same function.
    pub fn given(&self) -> Vec<(Input, String)> {
        let mut given = vec![
            (Input::MemoryMb, self.memory_mb.to_string()),
            (Input::DurationMs, self.duration_ms.to_string()),
        ];
        if self.batch_size != Self::DEFAULT_BATCH_SIZE {
            given.push((Input::BatchSize, self.batch_size.to_string()));
        }
        if self.architecture == Architecture::Arm64 {
            given.push((Input::Architecture, "arm64".to_string()));
        }
        if self.batching_window_s != 0.0 {
            given.push((Input::BatchingWindow, self.batching_window_s.to_string()));
        }
        given
    }

    /// Checks each value against Lambda's limits.
    ///
    /// # Errors
    /// [`InputError::CountRange`] or [`InputError::OutOfRange`] naming the value.
    pub fn check(&self) -> Result<(), InputError> {
        let count = |what, n: u32, (low, high)| {
            if (low..=high).contains(&n) {
                Ok(())
            } else {
                Err(InputError::CountRange {
                    what,
                    text: n.to_string(),
                    low,
                    high,
                })
            }
        };
        count("batch size", self.batch_size, (1, Self::MAX_BATCH_SIZE))?;
        count("memory (MB)", self.memory_mb, (128, 10_240))?;
        let within = |what, x: f64, ok: bool, range| {
            if x.is_finite() && ok {
                Ok(())
            } else {
                Err(InputError::Range {
                    what,
                    text: x.to_string(),
                    range,
                })
            }
        };
        within(
            "duration (ms)",
            self.duration_ms,
            self.duration_ms > 0.0 && self.duration_ms <= 900_000.0,
            "more than 0 and at most 900,000 (15 minutes)",
        )?;
        within(
            "batching window (s)",
            self.batching_window_s,
            (0.0..=300.0).contains(&self.batching_window_s),
            "from 0 to 300 seconds",
        )
    }
}

/// The Kinesis Client Library's major version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum KclVersion {
    /// 2.x: one lease table, each worker taking leases by scanning it.
    #[serde(rename = "2")]
    V2,
    /// 3.x: a lease table, a worker metrics table and a coordinator state table; a leader
    /// assigns leases.
    #[serde(rename = "3")]
    V3,
}

impl FromStr for KclVersion {
    type Err = InputError;

    /// `2` or `3` (or `2.x`, `3.5`); 1 is refused: its tables are provisioned.
    fn from_str(text: &str) -> Result<KclVersion, InputError> {
        let major = text.trim().split('.').next().unwrap_or("");
        match major {
            "2" => Ok(KclVersion::V2),
            "3" => Ok(KclVersion::V3),
            _ => Err(InputError::Choice {
                what: "KCL version",
                text: text.to_string(),
                choices: "2 or 3 (KCL 1.x creates its lease table with provisioned capacity, \
                          which kcost does not price)",
            }),
        }
    }
}

/// A KCL application reading a stream.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KclWorkload {
    /// Its major version.
    pub version: KclVersion,
    /// Workers (processes) sharing the shards, at least 1.
    pub workers: u32,
    /// Seconds between the application's checkpoints of each shard, at least 1.
    pub checkpoint_s: f64,
}

impl KclWorkload {
    /// Seconds between checkpoints when none are given: once a minute.
    pub const DEFAULT_CHECKPOINT_S: f64 = 60.0;

    /// Sets `input` (one of the KCL inputs) from its text and checks the application, as the
    /// page reads its fields.
    ///
    /// # Errors
    /// A value that is not a number, or out of range.
    pub fn set(&mut self, input: Input, text: &str) -> Result<(), InputError> {
        let what = input.spec().label;
        match input {
            Input::KclVersion => self.version = text.parse()?,
            Input::KclWorkers => self.workers = parse_whole(what, text)?,
            Input::CheckpointS => self.checkpoint_s = parse_non_negative(what, text)?,
            _ => {
                return Err(InputError::NotOf {
                    input,
                    of: "a KCL application",
                })
            }
        }
        self.check()
    }

    /// The inputs given beyond the KCL's defaults, each with its value as it would be typed, in
    /// declared order: what [`KclWorkload::set`] reads back to the same application.
    pub fn given(&self) -> Vec<(Input, String)> {
        let mut given = Vec::new();
        if self.version == KclVersion::V2 {
            given.push((Input::KclVersion, "2".to_string()));
        }
        if self.workers != 1 {
            given.push((Input::KclWorkers, self.workers.to_string()));
        }
        if self.checkpoint_s != Self::DEFAULT_CHECKPOINT_S {
            given.push((Input::CheckpointS, self.checkpoint_s.to_string()));
        }
        given
    }

    /// Checks the counts.
    ///
    /// # Errors
    /// No workers, or checkpoints more often than once a second.
    pub fn check(&self) -> Result<(), InputError> {
        if self.workers == 0 {
            return Err(InputError::ZeroCount {
                what: "KCL workers",
            });
        }
        if !self.checkpoint_s.is_finite() || self.checkpoint_s < 1.0 {
            return Err(InputError::Range {
                what: "checkpoint interval (s)",
                text: self.checkpoint_s.to_string(),
                range: "at least 1 second",
            });
        }
        Ok(())
    }
}

/// The shards of the stream a consumer reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StreamShards {
    /// A provisioned stream's count (its daily average on a schedule).
    Known(f64),
    /// An on-demand stream: AWS chooses its shards; kcost estimates them from its peak writes.
    OnDemand {
        /// Records a second at the peak.
        peak_records_per_second: f64,
        /// The record size, KB.
        size_kb: f64,
    },
}

/// What a consumer reads: its stream's average records per second and its shards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// Records a second, on average.
    pub records_per_second: f64,
    /// The stream's shards.
    pub shards: StreamShards,
}

impl Reading {
    /// The shards as a step's term, estimated through the trace for an on-demand stream.
    fn shards(self, c: &mut Calc, notes: &mut Notes) -> Result<Term, Error> {
        match self.shards {
            StreamShards::Known(n) => Ok(Term::new(n, NumFmt::Fixed(2), "shards")),
            StreamShards::OnDemand {
                peak_records_per_second,
                size_kb,
            } => crate::around::price::on_demand_shards(c, peak_records_per_second, size_kb, notes),
        }
    }
}

/// A consumer's estimate: its own bill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsumerEstimate {
    /// `lambda` or `kcl` (its DynamoDB tables).
    pub service: Service,
    /// The region code.
    pub region: ArcStr,
    /// The region's name.
    pub region_name: ArcStr,
    /// The rounding policy.
    pub rounding: Rounding,
    /// The cost lines.
    pub lines: Vec<Line>,
    /// The monthly total, less any discount.
    pub monthly_usd: crate::calc::money::Money,
    /// The discount, when one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<DiscountLine>,
    /// What was assumed.
    pub assumptions: Vec<Assumption>,
    /// What the user should know.
    pub warnings: Vec<Warning>,
    /// The steps, when tracing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// What a consumer with its own bill is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum App {
    /// A Lambda function.
    Lambda(LambdaWorkload),
    /// A KCL application.
    Kcl(KclWorkload),
}

impl App {
    /// The prices its bill needs: Lambda's request and its architecture's GB-second, or
    /// DynamoDB's write and read request units.
    fn price_keys(&self) -> [PriceKey; 2] {
        match self {
            App::Lambda(w) => [PriceKey::LambdaRequest, w.duration_key()],
            App::Kcl(_) => [
                PriceKey::DynamodbWriteRequestUnit,
                PriceKey::DynamodbReadRequestUnit,
            ],
        }
    }
}

/// Fails when `prices` lacks one that `app`'s bill needs, before any step.
fn check_prices(app: &App, prices: &RegionPrices) -> Result<(), Error> {
    for key in app.price_keys() {
        prices.get(key)?;
    }
    Ok(())
}

/// Prices a Lambda function's invocations or a KCL application's DynamoDB tables, reading a
/// stream.
///
/// # Errors
/// A value past the service's limits, an unknown region, a price the region lacks.
pub fn estimate(
    app: &App,
    reading: Reading,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<ConsumerEstimate, Error> {
    match app {
        App::Lambda(w) => w.check(),
        App::Kcl(w) => w.check(),
    }?;
    let (prices, assumed) = crate::bill::region_or_default(book, region)?;
    check_prices(app, prices).map_err(|e| book.locate(e))?;
    let service = match app {
        App::Lambda(_) => Service::Lambda,
        App::Kcl(_) => Service::KclDynamoDb,
    };
    priced(
        service,
        prices,
        options,
        assumed,
        |c, bill, notes| match app {
            App::Lambda(w) => lambda_lines(c, bill, w, reading, notes),
            App::Kcl(w) => kcl_lines(c, bill, w, reading, notes),
        },
    )
    .map_err(|e| book.locate(e))
}

/// Prices a resource a plan or template declares around its streams, on its own: a customer
/// managed key's month, a NAT gateway's hours or an interface endpoint's AZ-hours, by the same
/// lines a stream's own estimate uses.
///
/// # Errors
/// An unknown region, a price the region lacks, an endpoint in no AZ or more than 6.
pub fn around_resource(
    r: crate::around::Resource,
    region: Option<&str>,
    book: &crate::price::PriceBook,
    options: crate::calc::Options,
) -> Result<ConsumerEstimate, Error> {
    use crate::around::Resource;
    use crate::estimate::Service;
    if let Resource::Endpoint { azs } = r {
        if !(1..=crate::around::MAX_ENDPOINT_AZS).contains(&azs) {
            return Err(crate::error::InputError::CountRange {
                what: "endpoint AZs",
                text: azs.to_string(),
                low: 1,
                high: crate::around::MAX_ENDPOINT_AZS,
            }
            .into());
        }
    }
    let (prices, assumed) = crate::bill::region_or_default(book, region)?;
    let service = match r {
        Resource::KmsKey => Service::Kms,
        Resource::NatGateway => Service::NatGateway,
        Resource::Endpoint { .. } => Service::VpcEndpoint,
    };
    priced(service, prices, options, assumed, |c, bill, _| match r {
        Resource::KmsKey => crate::around::price::key_month_line(c, bill),
        Resource::NatGateway => crate::around::price::nat_hours_line(c, bill, 1),
        Resource::Endpoint { azs } => crate::around::price::endpoint_hours_line(c, bill, azs),
    })
    .map_err(|e| book.locate(e))
}

/// Whether `region` holds the prices `app` needs: the error its estimate would give, checked
/// before any traffic is known.
///
/// # Errors
/// An unknown region, or a price the region lacks (named, with the regions that have it).
pub(crate) fn priceable(app: &App, region: Option<&str>, book: &PriceBook) -> Result<(), Error> {
    let (prices, _) = crate::bill::region_or_default(book, region)?;
    check_prices(app, prices).map_err(|e| book.locate(e))
}

/// One bill of its own (a consumer's, or a resource's around a stream): its lines from `lines`,
/// then the total as every estimate ends.
pub(crate) fn priced(
    service: Service,
    prices: &RegionPrices,
    options: Options,
    assumed: Option<Assumption>,
    lines: impl FnOnce(&mut Calc, &mut Bill<'_>, &mut Notes) -> Result<(), Error>,
) -> Result<ConsumerEstimate, Error> {
    let mut c = Calc::new(options.rounding, options.trace);
    let mut notes = Notes::default();
    notes.assumptions.extend(assumed);
    let mut bill = Bill::new(prices);
    lines(&mut c, &mut bill, &mut notes)?;
    let lines = bill.lines;
    let label = match service {
        Service::Lambda => "Lambda cost (monthly)",
        Service::Kms => "KMS key cost (monthly)",
        Service::NatGateway => "NAT gateway cost (monthly)",
        Service::VpcEndpoint => "VPC endpoint cost (monthly)",
        _ => "KCL DynamoDB tables cost (monthly)",
    };
    let finished = crate::bill::finish_alone(
        &mut c,
        &lines,
        prices,
        options,
        (label, &mut notes.warnings),
    );
    Ok(ConsumerEstimate {
        service,
        region: prices.code.clone(),
        region_name: prices.name.clone(),
        rounding: options.rounding,
        lines,
        monthly_usd: finished.total,
        discount: finished.discount,
        assumptions: notes.assumptions,
        warnings: notes.warnings,
        steps: c.into_steps(),
    })
}

/// A Lambda function's requests and GB-seconds.
fn lambda_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &LambdaWorkload,
    reading: Reading,
    notes: &mut Notes,
) -> Result<(), Error> {
    let invocations = invocations(c, w, reading, notes)?;
    bill.add(
        c,
        "lambda_requests_cost",
        "lambda_requests",
        "Lambda requests",
        invocations,
        PriceKey::LambdaRequest,
        "Lambda requests cost",
    )?;
    let gb_seconds = c.chain(
        "gb_seconds",
        invocations,
        &[
            (Op::Mul, Term::new(w.duration_ms, NumFmt::Input, "ms each")),
            (Op::Div, plain(1000.0, "ms per second")),
            (
                Op::Mul,
                Term::new(f64::from(w.memory_mb), NumFmt::Input, "MB"),
            ),
            (Op::Div, plain(1024.0, "MB per GB")),
        ],
        2,
        "GB-seconds per month",
    )?;
    let description = match w.architecture {
        Architecture::X86_64 => "Lambda duration (x86_64)",
        Architecture::Arm64 => "Lambda duration (arm64)",
    };
    bill.add(
        c,
        "lambda_duration_cost",
        "lambda_duration",
        description,
        gb_seconds,
        w.duration_key(),
        "Lambda duration cost",
    )?;
    Ok(())
}

/// Invocations: the records in full batches, or, when batches do not fill within a batching
/// window (at least the 1 s between Lambda's polls of a shard), one per shard per window with
/// records.
fn invocations(
    c: &mut Calc,
    w: &LambdaWorkload,
    reading: Reading,
    notes: &mut Notes,
) -> Result<Term, Error> {
    let records = c.chain(
        "records_per_month",
        Term::new(reading.records_per_second, NumFmt::Input, "records per sec"),
        &[(Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month"))],
        2,
        "records per month",
    )?;
    let by_batch = c.chain(
        "invocations_by_batch",
        records,
        &[(
            Op::Div,
            Term::new(f64::from(w.batch_size), NumFmt::Input, "records per batch"),
        )],
        2,
        "invocations of full batches",
    )?;
    let window = w.batching_window_s.max(1.0);
    let shards = reading.shards(c, notes)?;
    let windows = c.chain(
        "batch_windows",
        shards,
        &[
            (Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month")),
            (
                Op::Div,
                Term::new(window, NumFmt::Input, "s per batching window"),
            ),
        ],
        2,
        "batching windows a month",
    )?;
    let sparse = c.min(
        "invocations_sparse",
        records,
        windows,
        "invocations at most one per window",
    );
    let (_, most) = c.max(
        "invocations_need",
        &[by_batch, sparse],
        &[NumFmt::Fixed(2), NumFmt::Fixed(2)],
        "invocations",
    );
    notes.assumptions.push(Assumption::Consumer(
        ConsumerAssumption::LambdaInvocations { window_s: window },
    ));
    c.round_up("invocations", most, "invocations per month")
}

/// KCL's lease renewal: every failoverTimeMillis / 3 - 25 ms = 3,308 ms per lease held (KCL's
/// `LeaseManagementConfig` defaults, failover 10,000 ms).
pub const LEASE_RENEWAL_S: f64 = 3.308;

/// KCL 2.x: every worker scans the lease table to take leases every 20,050 ms.
pub const LEASE_TAKER_SCAN_S: f64 = 20.05;

/// KCL 3.x: the leader scans the lease table to assign leases every 20 s, and each worker
/// queries the lease-owner index every 9,975 ms.
pub const LEASE_ASSIGNMENT_SCAN_S: f64 = 20.0;

/// KCL 3.x: each worker's query of its own leases.
pub const LEASE_OWNER_QUERY_S: f64 = 9.975;

/// KCL 3.x: each worker writes its metrics, and the leader its heartbeat, every 30 s.
pub const WORKER_METRICS_S: f64 = 30.0;

/// Lease items read per read request unit: items of about 0.5 KB, eventually consistent
/// (a unit reads 4 KB strongly consistent, twice that eventually consistent).
pub const LEASES_PER_READ_UNIT: f64 = 16.0;

/// `who x seconds in a month / seconds`: how often something happens in a month.
fn every(
    c: &mut Calc,
    id: &'static str,
    who: Term,
    (seconds, what): (f64, &'static str),
    unit: &'static str,
) -> Result<Term, Error> {
    c.chain(
        id,
        who,
        &[
            (Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month")),
            (Op::Div, Term::new(seconds, NumFmt::Plain, what)),
        ],
        2,
        unit,
    )
}

/// DynamoDB writes (lease renewals, checkpoints, and in 3.x worker metrics and the leader's
/// heartbeat) and reads (scans of the lease table, and in 3.x each worker's index query).
fn kcl_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &KclWorkload,
    reading: Reading,
    notes: &mut Notes,
) -> Result<(), Error> {
    let shards = reading.shards(c, notes)?;
    let writes = kcl_writes(c, w, shards)?;
    bill.add(
        c,
        "kcl_writes_cost",
        "kcl_writes",
        "DynamoDB writes (leases, checkpoints)",
        writes,
        PriceKey::DynamodbWriteRequestUnit,
        "DynamoDB writes cost",
    )?;
    let reads = kcl_reads(c, w, shards)?;
    bill.add(
        c,
        "kcl_reads_cost",
        "kcl_reads",
        "DynamoDB reads (lease scans)",
        reads,
        PriceKey::DynamodbReadRequestUnit,
        "DynamoDB reads cost",
    )?;
    notes
        .assumptions
        .push(Assumption::Consumer(ConsumerAssumption::KclTables {
            version: match w.version {
                KclVersion::V2 => 2,
                KclVersion::V3 => 3,
            },
            checkpoint_s: w.checkpoint_s,
        }));
    Ok(())
}

/// Lease renewals and checkpoints per shard, and in 3.x every worker's metrics and the leader's
/// heartbeat.
fn kcl_writes(c: &mut Calc, w: &KclWorkload, shards: Term) -> Result<Term, Error> {
    let renewals = every(
        c,
        "lease_renewals",
        shards,
        (LEASE_RENEWAL_S, "s between renewals"),
        "lease renewals",
    )?;
    let checkpoints = every(
        c,
        "checkpoints",
        shards,
        (w.checkpoint_s, "s between checkpoints"),
        "checkpoints",
    )?;
    let mut rest = vec![(Op::Add, checkpoints)];
    if w.version == KclVersion::V3 {
        let reporters = Term::new(
            f64::from(w.workers) + 1.0,
            NumFmt::Input,
            "workers and the leader",
        );
        let metrics = every(
            c,
            "worker_metrics",
            reporters,
            (WORKER_METRICS_S, "s between reports"),
            "metrics and heartbeat writes",
        )?;
        rest.push((Op::Add, metrics));
    }
    c.chain(
        "kcl_writes",
        renewals,
        &rest,
        2,
        "write request units per month",
    )
}

/// Scans of the lease table (2.x: every worker's; 3.x: the leader's, and each worker's query of
/// its leases), each reading the whole table.
fn kcl_reads(c: &mut Calc, w: &KclWorkload, shards: Term) -> Result<Term, Error> {
    let per_scan = c.chain(
        "read_units_per_scan",
        shards,
        &[(Op::Div, plain(LEASES_PER_READ_UNIT, "leases per read unit"))],
        2,
        "read units per scan",
    )?;
    let per_scan = c.round_up("read_units_per_scan_whole", per_scan, "read units per scan")?;
    let workers = Term::new(f64::from(w.workers), NumFmt::Input, "workers");
    let scans = match w.version {
        KclVersion::V2 => every(
            c,
            "lease_scans",
            workers,
            (LEASE_TAKER_SCAN_S, "s between scans"),
            "scans of the lease table",
        )?,
        KclVersion::V3 => {
            let leader = every(
                c,
                "lease_scans",
                plain(1.0, "leader"),
                (LEASE_ASSIGNMENT_SCAN_S, "s between scans"),
                "scans of the lease table",
            )?;
            let queries = every(
                c,
                "lease_owner_queries",
                workers,
                (LEASE_OWNER_QUERY_S, "s between queries"),
                "queries of the lease-owner index",
            )?;
            c.chain(
                "lease_reads",
                leader,
                &[(Op::Add, queries)],
                2,
                "scans and queries",
            )?
        }
    };
    c.chain(
        "kcl_reads",
        scans,
        &[(Op::Mul, per_scan)],
        2,
        "read request units per month",
    )
}
