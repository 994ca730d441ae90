//! Amazon Data Firehose: tiered ingestion (each record rounded up to 5 KB for Direct PUT and
//! Kinesis Data Streams sources), format conversion, dynamic partitioning and VPC delivery.

use std::str::FromStr;

use arcstr::ArcStr;
use serde::Serialize;

use crate::bill::{Bill, Notes, Tier};
use crate::calc::money::Money;
use crate::calc::trace::{NumFmt, Op, Step, Term};
use crate::calc::{Calc, Options, Rounding};
use crate::error::{Error, InputError};
use crate::estimate::{Line, Service};
use crate::notes::{Assumption, Warning};
use crate::notes::{FirehoseAssumption, FirehoseWarning};
use crate::price::{PriceBook, PriceKey, RegionPrices};
use crate::read::rate::Rate;
use crate::streams::workload::RecordSize;
use crate::units::{gb_per_month, per_second, plain, HOURS_PER_MONTH, SECONDS_PER_MONTH};

mod inputs;
pub(crate) mod notes;

pub use inputs::{
    active_partitions, buffer_interval, buffer_size_mb, check_buffering, jq_hours, object_size_mb,
    vpc_ratio, vpc_subnets,
};

/// Firehose's largest record: 1,000 KiB.
pub const MAX_RECORD_KB: f64 = 1000.0;
/// Records are billed in 5 KB steps (Direct PUT and Kinesis Data Streams sources).
pub const BILLING_INCREMENT_KB: f64 = 5.0;
/// The upper bound of the first ingestion tier, GB a month.
pub const TIER1_GB: f64 = 512_000.0;
/// The upper bound of the second ingestion tier, GB a month.
pub const TIER2_GB: f64 = 2_048_000.0;
/// S3 object size assumed for dynamic partitioning when none is given: the largest buffer.
pub const DEFAULT_OBJECT_SIZE_MB: f64 = 128.0;
/// Buffer interval assumed with active partitions when none is given, seconds (the console's
/// default; not confirmed for dynamic partitioning).
pub const DEFAULT_BUFFER_INTERVAL_S: f64 = 300.0;

/// Where a Firehose stream's records come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Producers call PutRecord / PutRecordBatch.
    DirectPut,
    /// A Kinesis data stream (which also bills the read).
    KinesisStream,
    /// An Amazon MSK cluster.
    Msk,
    /// Vended logs (CloudWatch Logs and other AWS services).
    VendedLogs,
}

impl Source {
    /// The source's name as the CLI writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Source::DirectPut => "direct-put",
            Source::KinesisStream => "kinesis-stream",
            Source::Msk => "msk",
            Source::VendedLogs => "vended-logs",
        }
    }

    /// Whether each record is billed rounded up to 5 KB.
    pub const fn rounds_to_5kb(self) -> bool {
        matches!(self, Source::DirectPut | Source::KinesisStream)
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Source {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Source, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "direct-put" => Ok(Source::DirectPut),
            "kinesis-stream" => Ok(Source::KinesisStream),
            "msk" => Ok(Source::Msk),
            "vended-logs" => Ok(Source::VendedLogs),
            _ => Err(InputError::FirehoseSource {
                text: text.to_string(),
            }),
        }
    }
}

/// One Firehose stream's traffic and options.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FirehoseWorkload {
    /// Records delivered, per time unit as entered.
    pub records: Rate,
    /// Average record size.
    pub record_size: RecordSize,
    /// Where records come from.
    pub source: Source,
    /// Convert JSON to Parquet or ORC.
    pub format_conversion: bool,
    /// Dynamic partitioning into S3 prefixes.
    pub dynamic_partitioning: bool,
    /// S3 object size with dynamic partitioning, MB.
    pub object_size_mb: Option<f64>,
    /// JQ processing hours a month (dynamic partitioning).
    pub jq_hours: f64,
    /// Subnets (Availability Zones) of a VPC destination; 0 for none.
    pub vpc_subnets: u32,
    /// Share of ingested GB delivered into the VPC.
    pub vpc_ratio: f64,
    /// Partitions written to at once, with dynamic partitioning: each flushes an object at
    /// least every buffer interval.
    pub active_partitions: Option<u32>,
    /// The buffer interval in seconds, 60 to 900 with dynamic partitioning.
    pub buffer_interval_s: Option<f64>,
    /// The buffer size in MB, 64 to 128 with dynamic partitioning.
    pub buffer_size_mb: Option<f64>,
}

impl FirehoseWorkload {
    /// Direct PUT of `records` of `record_size`, no options.
    pub fn new(records: Rate, record_size: RecordSize) -> FirehoseWorkload {
        FirehoseWorkload {
            records,
            record_size,
            source: Source::DirectPut,
            format_conversion: false,
            dynamic_partitioning: false,
            object_size_mb: None,
            jq_hours: 0.0,
            vpc_subnets: 0,
            vpc_ratio: 1.0,
            active_partitions: None,
            buffer_interval_s: None,
            buffer_size_mb: None,
        }
    }

    fn check(&self) -> Result<(), InputError> {
        let kb = self.record_size.kb();
        if kb > MAX_RECORD_KB {
            return Err(InputError::FirehoseRecordTooLarge { kb });
        }
        if let Some(mb) = self.object_size_mb {
            if !mb.is_finite() || mb <= 0.0 {
                return Err(InputError::NotPositive {
                    what: "object size",
                    text: mb.to_string(),
                });
            }
        }
        if !self.jq_hours.is_finite() || self.jq_hours < 0.0 {
            return Err(InputError::Negative {
                what: "JQ hours",
                text: self.jq_hours.to_string(),
            });
        }
        inputs::check_buffering(
            self.active_partitions,
            self.buffer_interval_s,
            self.buffer_size_mb,
        )?;
        if !self.vpc_ratio.is_finite() || self.vpc_ratio < 0.0 {
            return Err(InputError::VpcRatio {
                text: self.vpc_ratio.to_string(),
            });
        }
        Ok(())
    }
}

/// The inputs a Firehose estimate used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirehoseInputs {
    /// The record rate as entered.
    pub records: Rate,
    /// Records per second as used.
    pub records_per_second: f64,
    /// Average record size, KB.
    pub size_kb: f64,
    /// The source.
    pub source: Source,
    /// KB billed per record (5 KB steps where they apply).
    pub billed_kb_per_record: f64,
    /// Format conversion on.
    pub format_conversion: bool,
    /// Dynamic partitioning on.
    pub dynamic_partitioning: bool,
    /// VPC subnets.
    pub vpc_subnets: u32,
}

/// Billed against sent volume, when the 5 KB rounding applies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rounding5Kb {
    /// GB a month actually sent.
    pub sent_gb: f64,
    /// GB a month billed.
    pub billed_gb: f64,
}

/// A monthly estimate for one Firehose stream.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirehoseEstimate {
    /// `data-firehose`.
    pub service: Service,
    /// The region code.
    pub region: ArcStr,
    /// The region's name.
    pub region_name: ArcStr,
    /// The rounding policy.
    pub rounding: Rounding,
    /// The inputs used.
    pub inputs: FirehoseInputs,
    /// The cost lines.
    pub lines: Vec<Line>,
    /// The monthly total, less any discount.
    pub monthly_usd: Money,
    /// The discount, when one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<crate::estimate::DiscountLine>,
    /// Sent and billed GB, when the 5 KB rounding applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounding_5kb: Option<Rounding5Kb>,
    /// What was assumed.
    pub assumptions: Vec<Assumption>,
    /// What the user should know.
    pub warnings: Vec<Warning>,
    /// The steps, when tracing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// Estimates a Firehose stream in `region` (or the default region).
///
/// # Errors
/// A record over 1,000 KiB, bad options, an unknown region, a price the region lacks, or figures
/// too large.
/// ```
/// use kcost_core::firehose::{estimate, FirehoseWorkload};
/// use kcost_core::{testing, Options};
/// // 3 KB records bill as 5 KB: 12,531.28 GB a month x 0.035 in London.
/// let w = FirehoseWorkload::new("1000/s".parse()?, "3".parse()?);
/// let e = estimate(&w, Some("eu-west-2"), &testing::deck_book(), Options::default())?;
/// assert_eq!(e.monthly_usd.to_string(), "438.59");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn estimate(
    w: &FirehoseWorkload,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<FirehoseEstimate, Error> {
    let (prices, assumed) = crate::bill::region_or_default(book, region)?;
    let mut e = estimate_in(w, prices, options).map_err(|e| book.locate(e))?;
    e.assumptions.splice(0..0, assumed);
    Ok(e)
}

/// Estimates a Firehose stream with one region's prices.
///
/// # Errors
/// As [`estimate`], but for the region lookup.
pub fn estimate_in(
    w: &FirehoseWorkload,
    prices: &RegionPrices,
    options: Options,
) -> Result<FirehoseEstimate, Error> {
    w.check()?;
    let mut c = Calc::new(options.rounding, options.trace);
    let mut notes = Notes::default();
    let mut bill = Bill::new(prices);
    let records = per_second(
        &mut c,
        "records_per_second",
        w.records,
        "records per sec",
        &mut notes,
    )?;
    let billed_kb = billed_kb_per_record(&mut c, w)?;
    let ingested = gb_per_month(
        &mut c,
        "ingested_gb",
        billed_kb,
        records,
        "GB ingested per month",
    )?;
    let ingested = c.clean("ingested_gb", ingested)?;
    let rounding_5kb = rounding_5kb(&mut c, w, billed_kb, records, ingested, &mut notes)?;
    ingestion(&mut c, &mut bill, w.source, ingested)?;
    if w.source.rounds_to_5kb() {
        notes.assumptions.push(Assumption::Firehose(
            FirehoseAssumption::FirehoseTiersPerStream,
        ));
    }
    add_ons(&mut c, &mut bill, w, (records, ingested), &mut notes)?;
    let lines = bill.lines;
    let crate::bill::Finished {
        total: monthly_usd,
        discount,
        ..
    } = crate::bill::finish_alone(
        &mut c,
        &lines,
        prices,
        options,
        ("Data Firehose cost (monthly)", &mut notes.warnings),
    );
    Ok(FirehoseEstimate {
        service: Service::DataFirehose,
        region: prices.code.clone(),
        region_name: prices.name.clone(),
        rounding: options.rounding,
        inputs: FirehoseInputs {
            records: w.records,
            records_per_second: records.value,
            size_kb: w.record_size.kb(),
            source: w.source,
            billed_kb_per_record: billed_kb.value,
            format_conversion: w.format_conversion,
            dynamic_partitioning: w.dynamic_partitioning,
            vpc_subnets: w.vpc_subnets,
        },
        lines,
        monthly_usd,
        discount,
        rounding_5kb,
        assumptions: notes.assumptions,
        warnings: notes.warnings,
        steps: c.into_steps(),
    })
}

/// Format conversion, dynamic partitioning and VPC delivery, as switched on.
fn add_ons(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &FirehoseWorkload,
    (records, ingested): (Term, Term),
    notes: &mut Notes,
) -> Result<(), Error> {
    let of_ingest = |c: &Calc, unit| c.term(ingested.value, 2, unit);
    if w.format_conversion {
        let converted = of_ingest(c, "GB converted");
        format_conversion(c, bill, converted)?;
    }
    if w.dynamic_partitioning {
        // Billed on the bytes delivered, not on the 5 KB-rounded ingest.
        let partitioned = if w.source.rounds_to_5kb() {
            let kb = Term::new(w.record_size.kb(), NumFmt::Input, "KB delivered per record");
            gb_per_month(c, "delivered_gb", kb, records, "GB partitioned")?
        } else {
            of_ingest(c, "GB partitioned")
        };
        dynamic_partitioning(c, bill, w, partitioned, notes)?;
    }
    if w.vpc_subnets > 0 {
        if w.vpc_ratio > 1.0 {
            notes
                .warnings
                .push(Warning::Firehose(FirehoseWarning::VpcRatioAboveOne {
                    ratio: w.vpc_ratio,
                }));
        }
        let to_vpc = of_ingest(c, "GB ingested");
        vpc_delivery(c, bill, w, to_vpc)?;
    }
    Ok(())
}

/// KB billed per record: the size in 5 KB steps for Direct PUT and Kinesis Data Streams
/// sources, the size itself for the others.
fn billed_kb_per_record(c: &mut Calc, w: &FirehoseWorkload) -> Result<Term, Error> {
    let size_kb = w.record_size.kb();
    if !w.source.rounds_to_5kb() {
        return Ok(Term::new(size_kb, NumFmt::Input, "KB billed per record"));
    }
    let steps = c.chain(
        "billing_increments",
        Term::new(size_kb, NumFmt::Input, "KB"),
        &[(Op::Div, plain(BILLING_INCREMENT_KB, "KB billing increment"))],
        2,
        "increments",
    )?;
    let whole = c.round_up("billing_increments_per_record", steps, "increments")?;
    c.chain(
        "billed_kb_per_record",
        whole,
        &[(Op::Mul, plain(BILLING_INCREMENT_KB, "KB"))],
        2,
        "KB billed per record",
    )
}

/// GB sent against GB billed when the 5 KB steps bill more than is sent, with a warning when
/// they bill over a tenth more.
fn rounding_5kb(
    c: &mut Calc,
    w: &FirehoseWorkload,
    billed_kb: Term,
    records: Term,
    ingested: Term,
    notes: &mut Notes,
) -> Result<Option<Rounding5Kb>, Error> {
    let size_kb = w.record_size.kb();
    if !w.source.rounds_to_5kb() || billed_kb.value <= size_kb {
        return Ok(None);
    }
    let sent = gb_per_month(
        c,
        "sent_gb",
        Term::new(size_kb, NumFmt::Input, "KB sent per record"),
        records,
        "GB sent per month",
    )?;
    if ingested.value > sent.value * 1.1 {
        notes
            .warnings
            .push(Warning::Firehose(FirehoseWarning::FirehoseRounding {
                sent_gb: sent.value,
                billed_gb: ingested.value,
            }));
    }
    Ok(Some(Rounding5Kb {
        sent_gb: sent.value,
        billed_gb: ingested.value,
    }))
}

/// The ingestion line: one price for MSK and vended logs, tiers by GB a month for the others.
fn ingestion(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    source: Source,
    ingested: Term,
) -> Result<(), Error> {
    let (description, key) = match source {
        Source::Msk => ("Ingestion (MSK)", PriceKey::FirehoseMskIngestGb),
        Source::VendedLogs => ("Ingestion (vended logs)", PriceKey::FirehoseVendedLogsGb),
        Source::DirectPut | Source::KinesisStream => return tiered_ingestion(c, bill, ingested),
    };
    bill.add(
        c,
        "ingestion_cost",
        "ingestion",
        description,
        ingested,
        key,
        "Ingestion cost",
    )?;
    Ok(())
}

/// Firehose's three ingestion tiers (kinesis-facts section 5).
const TIERS: [Tier; 3] = [
    Tier {
        from: 0.0,
        to: Some(TIER1_GB),
        key: PriceKey::FirehoseIngestTier1Gb,
        item: "ingestion_tier1",
        description: "Ingestion, first 512,000 GB",
        cost_id: "ingestion_tier1_cost",
        label: "Ingestion (first tier) cost",
        step: ("ingested_tier1_gb", "GB first tier", "GB in the first tier"),
        beyond: None,
    },
    Tier {
        from: TIER1_GB,
        to: Some(TIER2_GB),
        key: PriceKey::FirehoseIngestTier2Gb,
        item: "ingestion_tier2",
        description: "Ingestion, next 1,536,000 GB",
        cost_id: "ingestion_tier2_cost",
        label: "Ingestion (second tier) cost",
        step: (
            "ingested_tier2_gb",
            "GB second tier",
            "GB in the second tier",
        ),
        beyond: Some((
            "ingested_over_tier1_gb",
            "GB first tier",
            "GB beyond the first tier",
        )),
    },
    Tier {
        from: TIER2_GB,
        to: None,
        key: PriceKey::FirehoseIngestTier3Gb,
        item: "ingestion_tier3",
        description: "Ingestion, beyond 2,048,000 GB",
        cost_id: "ingestion_tier3_cost",
        label: "Ingestion (third tier) cost",
        step: (
            "ingested_tier3_gb",
            "GB in the first two tiers",
            "GB beyond 2,048,000 GB",
        ),
        beyond: None,
    },
];

/// Tiered ingestion: a line for each tier the month's GB reach.
fn tiered_ingestion(c: &mut Calc, bill: &mut Bill<'_>, ingested: Term) -> Result<(), Error> {
    crate::bill::tiered(c, bill, &TIERS, ingested)
}

/// Format conversion: every GB converted.
fn format_conversion(c: &mut Calc, bill: &mut Bill<'_>, converted: Term) -> Result<(), Error> {
    bill.add(
        c,
        "format_conversion_cost",
        "format_conversion",
        "Format conversion",
        converted,
        PriceKey::FirehoseFormatConversionGb,
        "Format conversion cost",
    )?;
    Ok(())
}

/// Dynamic partitioning: the GB partitioned, the S3 objects delivered and the JQ hours.
fn dynamic_partitioning(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &FirehoseWorkload,
    partitioned: Term,
    notes: &mut Notes,
) -> Result<(), Error> {
    bill.add(
        c,
        "dynamic_partitioning_cost",
        "dynamic_partitioning",
        "Dynamic partitioning",
        partitioned,
        PriceKey::FirehoseDynamicPartitioningGb,
        "Dynamic partitioning cost",
    )?;
    let objects = s3_objects(c, w, partitioned, notes)?;
    bill.add(
        c,
        "s3_objects_cost",
        "s3_objects",
        "S3 objects delivered",
        objects,
        PriceKey::FirehoseS3ObjectsThousand,
        "S3 objects cost",
    )?;
    if w.jq_hours > 0.0 {
        bill.add(
            c,
            "jq_cost",
            "jq_processing",
            "JQ processing",
            Term::new(w.jq_hours, NumFmt::Input, "JQ processing hours"),
            PriceKey::FirehoseJqHour,
            "JQ processing cost",
        )?;
    }
    Ok(())
}

/// Thousands of S3 objects a month: the GB delivered in objects of the object size (given), or
/// of the buffer size, and with active partitions at least one object per partition every buffer
/// interval, whichever is more.
fn s3_objects(
    c: &mut Calc,
    w: &FirehoseWorkload,
    delivered: Term,
    notes: &mut Notes,
) -> Result<Term, Error> {
    let object_mb = match (w.object_size_mb, w.buffer_size_mb) {
        (Some(mb), _) | (None, Some(mb)) => mb,
        (None, None) => {
            notes.assumptions.push(Assumption::Firehose(
                FirehoseAssumption::DefaultObjectSize {
                    mb: DEFAULT_OBJECT_SIZE_MB,
                },
            ));
            DEFAULT_OBJECT_SIZE_MB
        }
    };
    let by_size = c.chain(
        "s3_objects_thousands",
        c.term(delivered.value, 2, "GB delivered"),
        &[
            (Op::Mul, plain(1024.0, "MB per GB")),
            (
                Op::Div,
                Term::new(object_mb, NumFmt::Input, "MB per object"),
            ),
            (Op::Div, plain(1000.0, "objects per thousand")),
        ],
        2,
        "thousand S3 objects",
    )?;
    let (Some(partitions), None) = (w.active_partitions, w.object_size_mb) else {
        return Ok(by_size);
    };
    let interval = w.buffer_interval_s.unwrap_or_else(|| {
        notes.assumptions.push(Assumption::Firehose(
            FirehoseAssumption::DefaultBufferInterval {
                seconds: DEFAULT_BUFFER_INTERVAL_S,
            },
        ));
        DEFAULT_BUFFER_INTERVAL_S
    });
    let by_interval = c.chain(
        "s3_objects_by_interval_thousands",
        Term::new(f64::from(partitions), NumFmt::Input, "active partitions"),
        &[
            (Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month")),
            (
                Op::Div,
                Term::new(interval, NumFmt::Input, "seconds buffer interval"),
            ),
            (Op::Div, plain(1000.0, "objects per thousand")),
        ],
        2,
        "thousand S3 objects (partitions flushed every interval)",
    )?;
    let (_, most) = c.max(
        "s3_objects",
        &[by_size, by_interval],
        &[by_size.fmt, by_interval.fmt],
        "thousand S3 objects",
    );
    Ok(most)
}

/// Delivery into a VPC: the share of the GB delivered there, and an AZ-hour per subnet.
fn vpc_delivery(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &FirehoseWorkload,
    ingested: Term,
) -> Result<(), Error> {
    let to_vpc = c.chain(
        "vpc_gb",
        ingested,
        &[(
            Op::Mul,
            Term::new(w.vpc_ratio, NumFmt::Fixed(2), "delivered into the VPC"),
        )],
        2,
        "GB delivered into the VPC",
    )?;
    bill.add(
        c,
        "vpc_gb_cost",
        "vpc_data",
        "VPC delivery data",
        to_vpc,
        PriceKey::FirehoseVpcGb,
        "VPC delivery data cost",
    )?;
    let az_hours = c.chain(
        "vpc_az_hours",
        Term::new(f64::from(w.vpc_subnets), NumFmt::Input, "subnets"),
        &[(Op::Mul, plain(HOURS_PER_MONTH, "hours in a month"))],
        2,
        "AZ-hours per month",
    )?;
    bill.add(
        c,
        "vpc_az_hours_cost",
        "vpc_az_hours",
        "VPC delivery AZ-hours",
        az_hours,
        PriceKey::FirehoseVpcAzHour,
        "VPC delivery AZ-hours cost",
    )?;
    Ok(())
}
