//! Amazon Data Firehose: tiered ingestion (each record rounded up to 5 KB for Direct PUT and
//! Kinesis Data Streams sources), format conversion, dynamic partitioning and VPC delivery.

use std::str::FromStr;
use std::sync::Arc;

use serde::Serialize;

use crate::bill::line;
use crate::bill::Notes;
use crate::calc::{Calc, Options, Rounding};
use crate::error::{Error, InputError};
use crate::estimate::{Line, Service};
use crate::money::Money;
use crate::notes::{Assumption, Warning};
use crate::price::{PriceBook, PriceKey, RegionPrices};
use crate::rate::Rate;
use crate::trace::{NumFmt, Op, Step, Term};
use crate::units::{per_second, plain, HOURS_PER_MONTH, KB_PER_GB, SECONDS_PER_MONTH};
use crate::workload::RecordSize;

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
        if !(0.0..=1.0).contains(&self.vpc_ratio) {
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
    pub region: Arc<str>,
    /// The region's name.
    pub region_name: Arc<str>,
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
    let mut lines = Vec::new();
    let size_kb = w.record_size.kb();
    let records = per_second(
        &mut c,
        "records_per_second",
        w.records,
        "records per sec",
        &mut notes,
    )?;

    // KB billed per record: 5 KB steps for Direct PUT and Kinesis Data Streams sources.
    let billed_kb = if w.source.rounds_to_5kb() {
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
        )?
    } else {
        Term::new(size_kb, NumFmt::Input, "KB billed per record")
    };
    let ingested = gb(
        &mut c,
        "ingested_gb",
        billed_kb,
        records,
        "GB ingested per month",
    )?;
    let ingested = c.clean("ingested_gb", ingested)?;
    let rounding_5kb = if w.source.rounds_to_5kb() && billed_kb.value > size_kb {
        let sent = gb(
            &mut c,
            "sent_gb",
            Term::new(size_kb, NumFmt::Input, "KB sent per record"),
            records,
            "GB sent per month",
        )?;
        if ingested.value > sent.value * 1.1 {
            notes.warnings.push(Warning::FirehoseRounding {
                sent_gb: sent.value,
                billed_gb: ingested.value,
            });
        }
        Some(Rounding5Kb {
            sent_gb: sent.value,
            billed_gb: ingested.value,
        })
    } else {
        None
    };

    // Ingestion, tiered by GB a month.
    let mut add = |c: &mut Calc,
                   id,
                   item,
                   description,
                   quantity: Term,
                   key: PriceKey,
                   label|
     -> Result<(), Error> {
        let cost = c.cost(id, quantity, prices.get(key)?.usd, label)?;
        lines.push(line(item, description, quantity.value, key, prices, cost)?);
        Ok(())
    };
    match w.source {
        Source::Msk => add(
            &mut c,
            "ingestion_cost",
            "ingestion",
            "Ingestion (MSK)",
            ingested,
            PriceKey::FirehoseMskIngestGb,
            "Ingestion cost",
        )?,
        Source::VendedLogs => add(
            &mut c,
            "ingestion_cost",
            "ingestion",
            "Ingestion (vended logs)",
            ingested,
            PriceKey::FirehoseVendedLogsGb,
            "Ingestion cost",
        )?,
        Source::DirectPut | Source::KinesisStream => {
            let tier1 = c.min(
                "ingested_tier1_gb",
                ingested,
                Term::new(TIER1_GB, NumFmt::Input, "GB first tier"),
                "GB in the first tier",
            );
            add(
                &mut c,
                "ingestion_tier1_cost",
                "ingestion_tier1",
                "Ingestion, first 512,000 GB",
                tier1,
                PriceKey::FirehoseIngestTier1Gb,
                "Ingestion (first tier) cost",
            )?;
            if ingested.value > TIER1_GB {
                let over = c.chain(
                    "ingested_over_tier1_gb",
                    ingested,
                    &[(Op::Sub, Term::new(TIER1_GB, NumFmt::Input, "GB first tier"))],
                    2,
                    "GB beyond the first tier",
                )?;
                let tier2 = c.min(
                    "ingested_tier2_gb",
                    over,
                    Term::new(TIER2_GB - TIER1_GB, NumFmt::Input, "GB second tier"),
                    "GB in the second tier",
                );
                add(
                    &mut c,
                    "ingestion_tier2_cost",
                    "ingestion_tier2",
                    "Ingestion, next 1,536,000 GB",
                    tier2,
                    PriceKey::FirehoseIngestTier2Gb,
                    "Ingestion (second tier) cost",
                )?;
            }
            if ingested.value > TIER2_GB {
                let tier3 = c.chain(
                    "ingested_tier3_gb",
                    ingested,
                    &[(
                        Op::Sub,
                        Term::new(TIER2_GB, NumFmt::Input, "GB in the first two tiers"),
                    )],
                    2,
                    "GB beyond 2,048,000 GB",
                )?;
                add(
                    &mut c,
                    "ingestion_tier3_cost",
                    "ingestion_tier3",
                    "Ingestion, beyond 2,048,000 GB",
                    tier3,
                    PriceKey::FirehoseIngestTier3Gb,
                    "Ingestion (third tier) cost",
                )?;
            }
        }
    }

    let gb_term = |c: &Calc, unit| c.term(ingested.value, 2, unit);
    if w.format_conversion {
        let q = gb_term(&c, "GB converted");
        add(
            &mut c,
            "format_conversion_cost",
            "format_conversion",
            "Format conversion",
            q,
            PriceKey::FirehoseFormatConversionGb,
            "Format conversion cost",
        )?;
    }
    if w.dynamic_partitioning {
        let q = gb_term(&c, "GB partitioned");
        add(
            &mut c,
            "dynamic_partitioning_cost",
            "dynamic_partitioning",
            "Dynamic partitioning",
            q,
            PriceKey::FirehoseDynamicPartitioningGb,
            "Dynamic partitioning cost",
        )?;
        let object_mb = w.object_size_mb.unwrap_or_else(|| {
            notes.assumptions.push(Assumption::DefaultObjectSize {
                mb: DEFAULT_OBJECT_SIZE_MB,
            });
            DEFAULT_OBJECT_SIZE_MB
        });
        let objects = c.chain(
            "s3_objects_thousands",
            gb_term(&c, "GB delivered"),
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
        add(
            &mut c,
            "s3_objects_cost",
            "s3_objects",
            "S3 objects delivered",
            objects,
            PriceKey::FirehoseS3ObjectsThousand,
            "S3 objects cost",
        )?;
        if w.jq_hours > 0.0 {
            add(
                &mut c,
                "jq_cost",
                "jq_processing",
                "JQ processing",
                Term::new(w.jq_hours, NumFmt::Input, "JQ processing hours"),
                PriceKey::FirehoseJqHour,
                "JQ processing cost",
            )?;
        }
    }
    if w.vpc_subnets > 0 {
        let to_vpc = c.chain(
            "vpc_gb",
            gb_term(&c, "GB ingested"),
            &[(
                Op::Mul,
                Term::new(w.vpc_ratio, NumFmt::Fixed(2), "delivered into the VPC"),
            )],
            2,
            "GB delivered into the VPC",
        )?;
        add(
            &mut c,
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
        add(
            &mut c,
            "vpc_az_hours_cost",
            "vpc_az_hours",
            "VPC delivery AZ-hours",
            az_hours,
            PriceKey::FirehoseVpcAzHour,
            "VPC delivery AZ-hours cost",
        )?;
    }

    let (monthly_usd, discount, price_warnings) = crate::bill::finish(
        &mut c,
        &lines,
        prices,
        options,
        "Data Firehose cost (monthly)",
    );
    notes.warnings.extend(price_warnings);
    notes.warnings.extend(crate::bill::old_prices(
        [(&*prices.code, &lines[..])],
        options.price_age,
    ));
    Ok(FirehoseEstimate {
        service: Service::DataFirehose,
        region: prices.code.clone(),
        region_name: prices.name.clone(),
        rounding: options.rounding,
        inputs: FirehoseInputs {
            records: w.records,
            records_per_second: records.value,
            size_kb,
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

/// `KB per record x records per sec x 2628000 seconds in a month / 1048576 KB per GB`.
fn gb(
    c: &mut Calc,
    id: &'static str,
    kb: Term,
    records: Term,
    unit: &'static str,
) -> Result<Term, Error> {
    c.chain(
        id,
        kb,
        &[
            (Op::Mul, records),
            (Op::Mul, plain(SECONDS_PER_MONTH, "seconds in a month")),
            (Op::Div, plain(KB_PER_GB, "KB per GB")),
        ],
        2,
        unit,
    )
}
