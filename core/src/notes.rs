//! Assumptions and warnings attached to an estimate. They are kept as data and written out only
//! when shown, so that bulk estimates pay nothing for words nobody reads; JSON carries the words.

use std::fmt;

use arcstr::ArcStr;
use serde::{Serialize, Serializer};

use crate::face::{Face, Fix, Plain};
use crate::input::Input;
use crate::price::{Confidence, PriceKey};
use crate::rate::Rate;

/// Something the estimate assumed because the user did not say.
#[derive(Debug, Clone, PartialEq)]
pub enum Assumption {
    /// No region was given; this one was used.
    DefaultRegion {
        /// The region code (`us-east-1`).
        code: ArcStr,
        /// The region's display name (`US East (N. Virginia)`).
        name: ArcStr,
    },
    /// No consumer count was given; this many shared-throughput consumers were used.
    DefaultConsumers(u32),
    /// Traffic is taken as steady at the average rate.
    SteadyTraffic,
    /// With KPU-hours given, the orchestration KPUs are taken to run all month.
    OrchestrationAllMonth {
        /// Orchestration KPUs per application.
        kpus: f64,
    },
    /// Running storage taken as included in the KPU price.
    StorageIncluded,
    /// Applications that run part of the day: their running storage taken as billed all month.
    StorageAllMonth {
        /// Hours a day the applications run.
        hours_per_day: f64,
    },
    /// A Firehose reading a stream takes the stream's traffic.
    FirehoseFromStream {
        /// The name of the stream the Firehose reads.
        stream: ArcStr,
    },
    /// Firehose's ingestion tiers counted on this stream's volume alone.
    FirehoseTiersPerStream,
    /// Active partitions given without a buffer interval: the default used.
    DefaultBufferInterval {
        /// The buffer interval used, seconds.
        seconds: f64,
    },
    /// An Advantage stream priced alone: the whole commitment charged to it.
    AdvantageAlone {
        /// The region code.
        region: ArcStr,
    },
    /// An Advantage stream priced with its region's other Advantage streams.
    AdvantageShared {
        /// Advantage streams in the region sharing the commitment.
        streams: usize,
    },
    /// A month priced from metrics: the hours with data scaled to 730, and the bounds of the
    /// on-demand data in estimated from each period's mean record size.
    MonthFromMetrics {
        /// Hours with data.
        hours: f64,
        /// GB a month of data in: the bytes alone, and with every record rounded up a whole KB.
        data_in_gb: (f64, f64),
    },
    /// The current calculator form's provisioned sizing, from a secondary description.
    CurrentFormSizing {
        /// The buffer used, percent.
        buffer_percent: f64,
        /// Whether the buffer is the default (not given).
        default_buffer: bool,
    },
    /// Dynamic partitioning object size not given: the default used.
    DefaultObjectSize {
        /// The S3 object size used, in MB.
        mb: f64,
    },
    /// An on-demand stream's shards (for its shard-level metrics) estimated from its traffic.
    OnDemandShards {
        /// The shards estimated.
        shards: u64,
    },
    /// CloudWatch's metric tiers counted on this stream's shard-level metrics alone.
    MetricTiersAlone,
    /// The KMS requests are AWS's approximation, a lower bound.
    KmsRequests {
        /// Which key encrypts the stream.
        key: crate::around::KmsKey,
    },
    /// NAT gateway hours taken as paid by other traffic.
    NatHoursElsewhere,
    /// Readers AWS runs read from its own network, not through the consumers' network path.
    ManagedReaders {
        /// How many.
        readers: u32,
    },
    /// A part of what is around the stream priced on a plan's or template's own resource.
    PricedApart {
        /// Which part.
        part: crate::around::Part,
    },
    /// Readers in other regions pay transfer out of the stream's region.
    CrossRegionReaders {
        /// How many.
        readers: u32,
    },
    /// How a Lambda function's invocations were counted.
    LambdaInvocations {
        /// Seconds a batch may wait to fill (at least Lambda's 1 s between polls).
        window_s: f64,
    },
    /// How a KCL application's DynamoDB use was counted.
    KclTables {
        /// Its major version (2 or 3).
        version: u8,
        /// Seconds between its checkpoints of each shard.
        checkpoint_s: f64,
    },
    /// One interface endpoint serves producers and consumers, in this many AZs.
    Endpoint {
        /// Availability Zones.
        azs: u32,
        /// Whether that is the default (not given).
        default_azs: bool,
    },
}

impl Assumption {
    /// The assumption in the words of `face`.
    pub fn text(&self, face: &dyn Face) -> String {
        written(|out| self.write(out, face))
    }

    fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            Assumption::DefaultRegion { code, name } => write!(f, "region not given: {code} ({name})"),
            Assumption::DefaultConsumers(n) => {
                let s = if *n == 1 { "" } else { "s" };
                write!(f, "consumers not given: {n} shared-throughput consumer application{s}")
            }
            Assumption::SteadyTraffic => write!(
                f,
                "traffic is steady at the given average rate, with no peaks (give {} for them)",
                face.input(Input::PeakRecords)
            ),
            Assumption::OrchestrationAllMonth { kpus } => write!(
                f,
                "KPU-hours are the applications' own; their {kpus} orchestration KPU(s) each are \
                 taken to run all month (730 hours)"
            ),
            Assumption::StorageIncluded => write!(
                f,
                "running application storage (50 GB per KPU) is taken as included in the KPU price, \
                 as one AWS reading has it; the calculator bills it (leave out {})",
                face.input(Input::StorageIncluded)
            ),
            Assumption::StorageAllMonth { hours_per_day } => write!(
                f,
                "the applications run {hours_per_day} hours a day; their running application \
                 storage is taken as billed all month (it is kept while they are stopped)"
            ),
            Assumption::FirehoseFromStream { stream } => write!(
                f,
                "the Firehose takes its records and their size from the stream {stream}"
            ),
            Assumption::FirehoseTiersPerStream => f.write_str(
                "the ingestion tiers are counted on this Firehose stream's volume alone; AWS's \
                 sources do not say whether they count per stream or per account",
            ),
            Assumption::DefaultBufferInterval { seconds } => write!(
                f,
                "each active partition flushes an S3 object at least every {seconds} seconds, \
                 the console's default buffer interval (give {})",
                face.input(Input::BufferInterval)
            ),
            Assumption::MonthFromMetrics { .. }
            | Assumption::AdvantageAlone { .. }
            | Assumption::AdvantageShared { .. }
            | Assumption::CurrentFormSizing { .. } => self.write_more(f, face),
            Assumption::OnDemandShards { .. }
            | Assumption::MetricTiersAlone
            | Assumption::KmsRequests { .. }
            | Assumption::NatHoursElsewhere
            | Assumption::PricedApart { .. }
            | Assumption::ManagedReaders { .. }
            | Assumption::CrossRegionReaders { .. }
            | Assumption::Endpoint { .. } => self.write_around(f, face),
            Assumption::LambdaInvocations { .. } | Assumption::KclTables { .. } => {
                self.write_consumer(f)
            }
            Assumption::DefaultObjectSize { mb } => write!(
                f,
                "dynamic partitioning delivers S3 objects of {mb} MB, the largest buffer (give {} \
                 or {})",
                face.input(Input::BufferSizeMb),
                face.input(Input::ObjectSizeMb)
            ),
        }
    }

    /// Assumptions of a consumer's own bill.
    fn write_consumer(&self, f: &mut dyn fmt::Write) -> fmt::Result {
        match self {
            Assumption::LambdaInvocations { window_s } => write!(
                f,
                "invocations are the records in full batches, or, when batches do not fill, one \
                 per shard per {window_s} s batching window that has records (Lambda polls each \
                 shard once a second); reading the stream with shared throughput is not billed \
                 by Lambda; Lambda's free tier (1M requests and 400,000 GB-seconds a month per \
                 account) is left out"
            ),
            Assumption::KclTables {
                version,
                checkpoint_s,
            } => {
                let v = match version {
                    2 => "KCL 2.x keeps one lease table, which every worker scans every 20.05 s",
                    _ => {
                        "KCL 3.x keeps a lease table (its leader scans it every 20 s, each worker \
                         queries its leases every 9.975 s), a worker metrics table (each worker \
                         writes every 30 s) and a coordinator state table (the leader's heartbeat \
                         every 30 s)"
                    }
                };
                write!(
                    f,
                    "{v}, all on-demand (the KCL's default since 2.3.7); each lease is renewed \
                     every 3.308 s (failover 10 s, the default) and checkpointed every \
                     {checkpoint_s} s; each write is one unit (items under 1 KB), each scan or \
                     query reads the whole lease table eventually consistent (16 leases a read \
                     unit); the tables' few KB of storage are within DynamoDB's free 25 GB"
                )
            }
            _ => Ok(()),
        }
    }

    /// Assumptions about what is priced around a stream.
    fn write_around(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            Assumption::OnDemandShards { shards } => write!(
                f,
                "an on-demand stream's shards are AWS's to choose and are not billed; its \
                 shard-level metrics are priced on an estimate of {shards} shards: the 4 a new \
                 stream starts with, or enough for twice its peak writes (on-demand absorbs up to \
                 double its previous peak)"
            ),
            Assumption::MetricTiersAlone => f.write_str(
                "CloudWatch's metric tiers count every custom metric in the account and region; \
                 they are counted here on this stream's shard-level metrics alone, and \
                 CloudWatch's free tier (10 metrics) is left out",
            ),
            Assumption::KmsRequests { key } => {
                f.write_str(
                    "KMS requests are AWS's approximation for an encrypted stream read at the \
                     tip with one set of credentials: about 12 calls every 5 minutes; each \
                     further producer or consumer credential (every assume-role call) and reads \
                     behind the tip add calls, so this is a lower bound; KMS's free requests \
                     (20,000 a month per account) are left out",
                )?;
                match key {
                    crate::around::KmsKey::Aws => {
                        f.write_str("; the AWS managed key aws/kinesis has no monthly fee")
                    }
                    crate::around::KmsKey::Customer => Ok(()),
                }
            }
            Assumption::CrossRegionReaders { readers } => write!(
                f,
                "{readers} reader(s) in another region read every byte of the stream across \
                 regions: the stream's region bills it as data transfer out (transfer in is \
                 free); put a reader in the stream's region to save it"
            ),
            Assumption::NatHoursElsewhere => write!(
                f,
                "the NAT gateways' hours are taken as paid by other traffic; give {} to bill \
                 them here",
                face.input(Input::NatGateways)
            ),
            Assumption::ManagedReaders { readers } => write!(
                f,
                "{readers} reader(s) run by AWS (a Lambda event source mapping, a Firehose, an \
                 analytics application) read the stream from AWS's own network: their bytes do \
                 not pass through the consumers' NAT gateway or endpoint"
            ),
            Assumption::PricedApart { part } => f.write_str(match part {
                crate::around::Part::NatHours => {
                    "the NAT gateways' hours are priced on the plan's own NAT gateways, not here"
                }
                crate::around::Part::EndpointHours => {
                    "the interface endpoint's hours are priced on the plan's own endpoint, not here"
                }
                crate::around::Part::KeyMonth => {
                    "the customer managed key's month is priced on the plan's own key, not here"
                }
            }),
            Assumption::Endpoint { azs, default_azs } => {
                write!(
                    f,
                    "one interface VPC endpoint for Kinesis Data Streams in {azs} Availability \
                     Zones serves producers and consumers alike; its data is priced at the first \
                     tier (the first PB a month in the region)"
                )?;
                if *default_azs {
                    write!(f, " (give {})", face.input(Input::EndpointAzs))?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Account-level, calculator-form and metrics assumptions.
    fn write_more(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            Assumption::MonthFromMetrics {
                hours,
                data_in_gb: (low, high),
            } => write!(
                f,
                "a month is 730 hours at the traffic of the {hours:.2} hours with data; on-demand \
                 data in is estimated from each period's mean record size rounded up to 1 KB, and \
                 lies between {low:.2} GB (the bytes alone) and {high:.2} GB (every record a whole \
                 KB more) a month"
            ),
            Assumption::AdvantageAlone { region } => write!(
                f,
                "the 25 MiB/s ingest and retrieval commitment is charged to this stream alone; \
                 AWS charges it once per account and region over every on-demand stream there, \
                 so with other Advantage streams in {region} it is shared: price them together in \
                 a scenario file or a batch"
            ),
            Assumption::AdvantageShared { streams } => write!(
                f,
                "the account's one commitment in this region is shared by its {streams} Advantage \
                 stream(s): this stream carries the part of the shortfall in proportion to its own \
                 data in (and data out)"
            ),
            Assumption::CurrentFormSizing {
                buffer_percent,
                default_buffer,
            } => {
                write!(
                    f,
                    "shards as the calculator's current form sizes them: whole shards for ingress \
                     and for reads (shared and enhanced fan-out consumers), the larger times a \
                     {buffer_percent}% buffer, no records term; that rule comes from a secondary \
                     description of the calculator, not from AWS's documentation"
                )?;
                if *default_buffer {
                    write!(
                        f,
                        " (the buffer is the default: give {})",
                        face.input(Input::Buffer)
                    )?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &Plain)
    }
}

/// Something the user should know about an estimate.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// Some prices used are older than the age that counts as old.
    OldPrices {
        /// How many of the prices used are old.
        count: usize,
        /// The oldest one's date (`YYYY-MM` or `YYYY-MM-DD`).
        oldest: ArcStr,
        /// The age, in months, past which a price counts as old.
        months: u32,
    },
    /// A price used is derived or secondary, not confirmed.
    UnconfirmedPrice {
        /// The region code.
        region: ArcStr,
        /// Which price it is.
        key: PriceKey,
        /// USD per unit.
        usd: f64,
        /// How sure the price is.
        confidence: Confidence,
        /// Where the price was read or how it was obtained.
        source: ArcStr,
    },
    /// A positive rate rounds to 0.00 records/s under the calculator policy.
    RateRoundsToZero(Rate),
    /// The calculator's rounded payload fraction shows 0.00; kcost bills one unit per record.
    PayloadUnitFloor {
        /// The record size, in KB.
        size_kb: f64,
    },
    /// Records over 1 MiB need the stream's maximum record size raised.
    LargeRecords {
        /// The record size, in KB.
        size_kb: f64,
    },
    /// Long-term reads were given but retention keeps nothing beyond 7 days.
    ReadsWithoutLongTermData {
        /// The retention, in hours.
        retention_hours: f64,
    },
    /// Long-term reads were given in a mode kcost has no price for them in.
    LongTermReadsNotPriced {
        /// The capacity mode's name ("on-demand").
        mode: &'static str,
    },
    /// The busiest key alone is over a shard's write limits.
    HotKeyUnfixable {
        /// MB per second the busiest key writes.
        mb_per_second: f64,
        /// Records per second the busiest key writes.
        records_per_second: f64,
    },
    /// Shared consumers reading the hot key's shard exceed its 2 MB/s shared read.
    HotKeyReads {
        /// MB per second each consumer reads from the hot key's shard.
        mb_per_second: f64,
        /// The number of shared consumers.
        consumers: u32,
    },
    /// A peak beyond what a new on-demand stream takes at first.
    OnDemandNewStream {
        /// The peak write rate, in MB per second.
        peak_mb_per_second: f64,
    },
    /// In the metrics, a write rate more than twice the highest of all the hours before it (after
    /// a first day): on-demand may throttle on such a jump.
    MetricsBurst {
        /// When (`2026-11-24 06:00 UTC`).
        at: String,
        /// The write rate over the highest before it.
        ratio: f64,
    },
    /// The current form, which has no records term, sized fewer shards than the record rate needs.
    CurrentFormRecords {
        /// Kinesis records per second at the sizing rate.
        records_per_second: f64,
        /// Shards sized.
        shards: u64,
    },
    /// A declared shard count below what the traffic needs: the stream would throttle.
    ShardsBelowNeed {
        /// Shards declared.
        shards: u64,
        /// Shards the traffic needs.
        needed: u64,
    },
    /// A declared shard count far above what the traffic needs, and what the needed count saves.
    ShardsAboveNeed {
        /// Shards declared.
        shards: u64,
        /// Shards the traffic needs.
        needed: u64,
        /// The monthly cost less at the needed count.
        saving_usd: crate::money::Money,
    },
    /// What an interface VPC endpoint would cost in place of a NAT gateway's processing.
    EndpointInstead {
        /// The NAT gateway's processing of the stream's traffic, a month.
        nat_usd: crate::money::Money,
        /// An endpoint's hours and processing of the same traffic, a month.
        endpoint_usd: crate::money::Money,
        /// The endpoint's Availability Zones.
        azs: u32,
        /// Which sides use the NAT gateway: producers, consumers.
        sides: (bool, bool),
    },
    /// A shard-level metric shows one shard over its write capacity.
    HotShard {
        /// The shard.
        shard: String,
        /// When.
        at: String,
        /// MB written per second on it.
        mb_per_second: f64,
        /// Records written per second on it.
        records_per_second: f64,
    },
    /// The metrics show throttled writes or reads.
    Throttled {
        /// Throttled requests over the period.
        count: f64,
    },
    /// In a comparison: Advantage's commitment against a stream that uses little of it.
    AdvantageCommitment {
        /// The region code.
        region: ArcStr,
        /// What the commitment alone costs a month in the region, both ways.
        commitment_usd: crate::money::Money,
        /// The stream's data in as a percentage of the ingest commitment.
        use_percent: f64,
    },
    /// A peak more than twice the average: on-demand may throttle on a sudden jump.
    OnDemandBurst {
        /// The peak rate over the average rate.
        ratio: f64,
    },
    /// Kinesis Data Analytics for SQL takes no new applications.
    SqlRetired,
    /// SQL applications have no storage or backups to price.
    SqlHasNoStorage,
    /// Studio's two orchestration KPUs come from a secondary source.
    StudioOrchestrationSecondary,
    /// Firehose's 5 KB rounding bills noticeably more than is sent.
    FirehoseRounding {
        /// GB sent per month.
        sent_gb: f64,
        /// GB billed per month, with each record rounded up to 5 KB.
        billed_gb: f64,
    },
    /// A VPC ratio above 1: more GB delivered into the VPC than the Firehose ingests.
    VpcRatioAboveOne {
        /// GB delivered into the VPC per GB ingested.
        ratio: f64,
    },
    /// Many shared consumers poll slowly; enhanced fan-out would be faster.
    SlowConsumers {
        /// The number of shared consumers.
        consumers: u32,
        /// About how long each consumer waits between reads, in milliseconds.
        delay_ms: f64,
        /// How the monthly cost changes with the shared consumers moved to enhanced fan-out, or
        /// `None` when the mode's fan-out limit or a missing price rules that out.
        efo_change_usd: Option<crate::money::Money>,
    },
}

impl Warning {
    /// The warning in the words of `face`.
    pub fn text(&self, face: &dyn Face) -> String {
        written(|out| self.write(out, face))
    }

    fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            Warning::UnconfirmedPrice {
                region,
                key,
                usd,
                confidence,
                source,
            } => write!(
                f,
                "the {region} price for {} ({usd} USD per {}) is {confidence}, not confirmed: \
                 {source}",
                key.item(),
                key.unit()
            ),
            Warning::OldPrices {
                count,
                oldest,
                months,
            } => old_prices(f, face, *count, oldest, *months),
            Warning::RateRoundsToZero(rate) => write!(
                f,
                "{rate} rounds to 0.00 records per second in the calculator's rounding, so it is \
                 priced as no traffic; price it with {}",
                face.fix(Fix::Set(Input::Rounding, "exact"))
            ),
            Warning::PayloadUnitFloor { size_kb } => write!(
                f,
                "a {size_kb} KB record shows as 0.00 payload units in the calculator's rounding, \
                 which would price PUTs at zero; AWS bills every record at least one 25 KB unit, \
                 so kcost uses 1"
            ),
            Warning::ReadsWithoutLongTermData { retention_hours } => write!(
                f,
                "long-term reads are priced, but a retention of {retention_hours} hours keeps no \
                 data beyond 7 days to read; check {}",
                face.input(Input::Retention)
            ),
            Warning::LongTermReadsNotPriced { mode } => write!(
                f,
                "kcost has no {mode} price for reading long-term retained data; those reads are \
                 not in this estimate"
            ),
            Warning::HotKeyUnfixable { mb_per_second, records_per_second } => write!(
                f,
                "the busiest partition key alone writes {mb_per_second} MB/s and \
                 {records_per_second} records/s, at or over one shard's 1 MB/s and 1,000 records/s: \
                 no shard count fixes that (a key always lands on one shard); re-key it (add a \
                 suffix to spread it) or aggregate its records"
            ),
            Warning::HotKeyReads { mb_per_second, consumers } => write!(
                f,
                "{consumers} shared consumers reading the hot key's shard at {mb_per_second} MB/s \
                 each exceed its 2 MB/s shared read capacity; use enhanced fan-out consumers"
            ),
            Warning::OnDemandNewStream { peak_mb_per_second } => write!(
                f,
                "the peak of {peak_mb_per_second} MB/s is over the 4 MB/s a new on-demand stream \
                 takes at first; it scales up over time, so warm it up or start provisioned"
            ),
            Warning::OnDemandBurst { ratio } => write!(
                f,
                "the peak is {ratio:.1} times the average; on-demand absorbs up to twice its \
                 previous 30-day peak at once and may throttle for about 15 minutes beyond that"
            ),
            // Every other warning (each has a sample in `testing`, whose text is checked).
            _ => self.write_rest(f, face),
        }
    }

    /// What would cost less around the stream.
    fn write_around(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            Warning::EndpointInstead {
                nat_usd,
                endpoint_usd,
                azs,
                sides,
            } => {
                let (nat, endpoint) = (nat_usd.cents(), endpoint_usd.cents());
                let verdict = match endpoint.cmp(&nat) {
                    std::cmp::Ordering::Less => format!(
                        "{} USD a month less",
                        crate::money::Money::from_cents(nat - endpoint).to_text(true)
                    ),
                    std::cmp::Ordering::Equal => "the same".to_string(),
                    std::cmp::Ordering::Greater => format!(
                        "{} USD a month more: the NAT gateway is cheaper here",
                        crate::money::Money::from_cents(endpoint - nat).to_text(true)
                    ),
                };
                let fix = |input| face.fix(crate::face::Fix::Set(input, "endpoint"));
                let give = match sides {
                    (true, true) => format!(
                        "{} and {}",
                        fix(Input::ProducerNetwork),
                        fix(Input::ConsumerNetwork)
                    ),
                    (false, true) => fix(Input::ConsumerNetwork),
                    _ => fix(Input::ProducerNetwork),
                };
                write!(
                    f,
                    "an interface VPC endpoint for Kinesis in {azs} Availability Zones would carry \
                     this traffic for {} USD a month (its hours and data) in place of {} USD of \
                     NAT gateway processing: {verdict} (give {give})",
                    endpoint_usd.to_text(true),
                    nat_usd.to_text(true),
                )
            }
            _ => Ok(()),
        }
    }

    /// A declared shard count against the traffic's need.
    fn write_shards(&self, f: &mut dyn fmt::Write) -> fmt::Result {
        match self {
            Warning::ShardsBelowNeed { shards, needed } => write!(
                f,
                "{shards} shard(s) declared, but the traffic needs {needed}: writes or reads over \
                 the shards' capacity would be throttled (raise the shard count)"
            ),
            Warning::ShardsAboveNeed {
                shards,
                needed,
                saving_usd,
            } => write!(
                f,
                "{shards} shards declared, but the traffic needs {needed}: {needed} would cost \
                 {} USD a month less",
                saving_usd.to_text(true)
            ),
            _ => Ok(()),
        }
    }

    /// The warnings of a stream's real traffic (its metrics).
    fn write_traffic(&self, f: &mut dyn fmt::Write) -> fmt::Result {
        match self {
            Warning::MetricsBurst { at, ratio } => write!(
                f,
                "at {at} the write rate jumps to {ratio:.1} times the highest of all the data \
                 before it; on-demand takes up to twice its previous 30-day peak at once and may \
                 throttle beyond that, so warm it up or stay provisioned"
            ),
            Warning::HotShard {
                shard,
                at,
                mb_per_second,
                records_per_second,
            } => write!(
                f,
                "{shard} wrote {mb_per_second:.2} MB/s and {records_per_second:.0} records/s at \
                 {at}, over one shard's 1 MB/s or 1,000 records/s: its partition keys are uneven, \
                 and more shards will not help the hot one (spread the busiest keys)"
            ),
            Warning::Throttled { count } => write!(
                f,
                "the metrics show {count} throttled requests (ProvisionedThroughputExceeded): the \
                 stream refused traffic it was sent, so the traffic it was asked to carry was higher"
            ),
            _ => Ok(()),
        }
    }

    /// The warnings of analytics applications and Firehose streams, about record sizes, and about
    /// Advantage's commitment.
    fn write_rest(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            Warning::AdvantageCommitment {
                region,
                commitment_usd,
                use_percent,
            } => write!(
                f,
                "Advantage bills at least 25 MiB/s in and 25 MiB/s out per account and region, \
                 {} USD a month in {region} however little is used; this stream writes {} of it, \
                 so Advantage pays only when the account's on-demand streams in {region} together \
                 come near the commitment (it is shared by all of them: price them together in a \
                 scenario file)",
                commitment_usd.to_text(true),
                percent(*use_percent)
            ),
            Warning::MetricsBurst { .. } | Warning::Throttled { .. } | Warning::HotShard { .. } => {
                self.write_traffic(f)
            }
            Warning::SlowConsumers {
                consumers,
                delay_ms,
                efo_change_usd,
            } => slow_consumers(f, *consumers, *delay_ms, *efo_change_usd),
            Warning::CurrentFormRecords {
                records_per_second,
                shards,
            } => write!(
                f,
                "the calculator's current form has no records term: {records_per_second:.0} \
                 records/s on {shards} shard(s) is over 1,000 records/s a shard, so the stream \
                 would throttle; the 2021 form (or more shards) sizes for it"
            ),
            Warning::ShardsBelowNeed { .. } | Warning::ShardsAboveNeed { .. } => {
                self.write_shards(f)
            }
            Warning::EndpointInstead { .. } => self.write_around(f, face),
            Warning::VpcRatioAboveOne { ratio } => write!(
                f,
                "a VPC ratio of {ratio} delivers more GB into the VPC than the Firehose ingests; \
                 the AWS Pricing Calculator accepts it (a captured estimate uses 1.3), but check \
                 that the destination really receives that much"
            ),
            Warning::LargeRecords { size_kb } => write!(
                f,
                "records of {size_kb} KB are over the default 1 MiB maximum record size: the stream's \
                 maximum record size must be raised (Kinesis allows up to 10 MiB since 2025-10-28), \
                 and producers and consumers must accept records that large"
            ),
            Warning::SqlRetired => f.write_str(
                "Kinesis Data Analytics for SQL takes no new applications since 2025-10-15 and \
                 existing ones are being retired; price a Flink application for anything new",
            ),
            Warning::SqlHasNoStorage => write!(
                f,
                "SQL applications have no running storage or backups; {} and {} do not apply to \
                 them",
                face.input(Input::BackupGb),
                face.input(Input::StorageIncluded)
            ),
            Warning::StudioOrchestrationSecondary => f.write_str(
                "Studio notebooks' two orchestration KPUs come from a secondary source, not an \
                 AWS document",
            ),
            Warning::FirehoseRounding { sent_gb, billed_gb } => write!(
                f,
                "Firehose bills each record rounded up to 5 KB: {} GB billed for {} GB sent \
                 (+{:.0}%); batching small records into larger ones before sending would cut this",
                grouped(*billed_gb),
                grouped(*sent_gb),
                (billed_gb / sent_gb - 1.0) * 100.0
            ),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &Plain)
    }
}

/// `N prices used here are over M months old (the oldest from D): refresh, or add`.
fn old_prices(
    f: &mut dyn fmt::Write,
    face: &dyn Face,
    count: usize,
    oldest: &str,
    months: u32,
) -> fmt::Result {
    let (n, are) = match count {
        1 => ("1 price".to_string(), "is"),
        n => (format!("{n} prices"), "are"),
    };
    write!(
        f,
        "{n} used here {are} over {months} months old (the oldest from {oldest}): {}, or {}",
        face.fix(Fix::RefreshPrices),
        face.fix(Fix::AddPrices)
    )
}

/// Slow shared consumers, and what enhanced fan-out would change.
fn slow_consumers(
    f: &mut dyn fmt::Write,
    consumers: u32,
    delay_ms: f64,
    efo_change_usd: Option<crate::money::Money>,
) -> fmt::Result {
    write!(
        f,
        "{consumers} shared consumers split each shard's 5 reads a second: each waits about \
         {delay_ms} ms between reads (over 1 s)"
    )?;
    match efo_change_usd.map(|change| change.cents()) {
        Some(0) => {
            f.write_str("; moving them to enhanced fan-out (about 70 ms) would not change the cost")
        }
        Some(cents @ 1..) => write!(
            f,
            "; moving them to enhanced fan-out (about 70 ms) would add {} USD a month",
            crate::money::Money::from_cents(cents).to_text(true)
        ),
        Some(cents) => write!(
            f,
            "; moving them to enhanced fan-out (about 70 ms) would save {} USD a month",
            crate::money::Money::from_cents(cents.saturating_neg()).to_text(true)
        ),
        None => f.write_str(
            "; kcost cannot price moving them to enhanced fan-out (about 70 ms) here: that is \
             over the mode's fan-out limit or the region has no fan-out prices",
        ),
    }
}

/// What `write` writes, as a string.
fn written(write: impl FnOnce(&mut String) -> fmt::Result) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write(&mut out);
    out
}

/// Any message the core words through a face.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A warning on an estimate.
    Warning(Warning),
    /// An assumption of an estimate.
    Assumption(Assumption),
    /// An error.
    Error(crate::error::Error),
}

impl Message {
    #[cfg(test)]
    pub(crate) fn to_string_plain(&self) -> String {
        match self {
            Message::Warning(w) => w.to_string(),
            Message::Assumption(a) => a.to_string(),
            Message::Error(e) => e.to_string(),
        }
    }

    /// The message in the words of `face`.
    pub fn text(&self, face: &dyn Face) -> String {
        match self {
            Message::Warning(w) => w.text(face),
            Message::Assumption(a) => a.text(face),
            Message::Error(e) => e.text(face),
        }
    }
}

macro_rules! serialize_as_text {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}

serialize_as_text!(Assumption, Warning);

/// `12,531.28`: two decimals with thousands separators.
fn grouped(x: f64) -> String {
    crate::fixed::Fixed::round(x, 2).map_or_else(|_| x.to_string(), |f| f.to_text(true))
}

/// A share of a whole for a sentence: `39%`, `0.4%`, `less than 0.1%`, `none`.
fn percent(p: f64) -> String {
    if p >= 10.0 {
        format!("{p:.0}%")
    } else if p >= 0.1 {
        format!("{p:.1}%")
    } else if p > 0.0 {
        "less than 0.1%".to_string()
    } else {
        "none".to_string()
    }
}

#[cfg(test)]
// Cents are written as 112_78 so that they read as 112.78 USD.
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    /// Every message the core words (a sample of each warning, assumption and error), as the
    /// plain face writes it: one to a line, none empty. A message routed to a writer that has no
    /// words for it would print nothing.
    #[test]
    fn every_message_reads_as_written() {
        let messages = crate::testing::every_message();
        let mut text = String::new();
        for m in &messages {
            let line = m.to_string_plain();
            assert!(!line.is_empty(), "{m:?} has no words");
            text.push_str(&line);
            text.push('\n');
        }
        insta::assert_snapshot!(text);
    }

    /// The parts of a message that change with its values: which sides an endpoint would serve,
    /// whether it costs less, the same or more, and what enhanced fan-out would change.
    #[test]
    fn a_messages_variants_read_as_written() {
        use super::Warning;
        use crate::money::Money;
        let endpoint = |nat: i64, endpoint: i64, sides| {
            Warning::EndpointInstead {
                nat_usd: Money::from_cents(nat),
                endpoint_usd: Money::from_cents(endpoint),
                azs: 2,
                sides,
            }
            .to_string()
        };
        let tail = |text: String| text.split_once(": ").map(|(_, t)| t.to_string()).unwrap();
        assert_eq!(
            tail(endpoint(112_78, 39_66, (true, true))),
            "73.12 USD a month less (give endpoint as the producer network and endpoint as the \
             consumer network)"
        );
        assert_eq!(
            tail(endpoint(39_66, 39_66, (false, true))),
            "the same (give endpoint as the consumer network)"
        );
        assert_eq!(
            tail(endpoint(10_00, 1_234_56, (true, false))),
            "1,224.56 USD a month more: the NAT gateway is cheaper here (give endpoint as the \
             producer network)"
        );
        let slow = |change: Option<i64>| {
            Warning::SlowConsumers {
                consumers: 10,
                delay_ms: 2000.0,
                efo_change_usd: change.map(Money::from_cents),
            }
            .to_string()
            .split_once("; ")
            .map(|(_, t)| t.to_string())
            .unwrap()
        };
        assert_eq!(
            slow(Some(0)),
            "moving them to enhanced fan-out (about 70 ms) would not change the cost"
        );
        assert_eq!(
            slow(Some(3_926_17)),
            "moving them to enhanced fan-out (about 70 ms) would add 3,926.17 USD a month"
        );
        assert_eq!(
            slow(Some(-1_00)),
            "moving them to enhanced fan-out (about 70 ms) would save 1.00 USD a month"
        );
        // How much of Advantage's commitment a stream writes: whole percents from 10, one
        // decimal down to 0.1, then "less than", and "none" for nothing.
        let writes = |use_percent: f64| {
            let text = Warning::AdvantageCommitment {
                region: "us-east-1".into(),
                commitment_usd: Money::from_cents(3_079_69),
                use_percent,
            }
            .to_string();
            let from = text.find("writes ").unwrap() + "writes ".len();
            let to = text.find(" of it").unwrap();
            text.get(from..to).unwrap().to_string()
        };
        for (use_percent, said) in [
            (100.0, "100%"),
            (39.4, "39%"),
            (10.0, "10%"),
            (9.96, "10.0%"),
            (0.1, "0.1%"),
            (0.099, "less than 0.1%"),
            (0.0001, "less than 0.1%"),
            (0.0, "none"),
        ] {
            assert_eq!(writes(use_percent), said, "{use_percent}");
        }
    }

    /// KCL 2.x keeps one table; 3.x three.
    #[test]
    fn each_kcl_versions_tables_are_said() {
        let kcl = |version| {
            super::Assumption::KclTables {
                version,
                checkpoint_s: 60.0,
            }
            .to_string()
        };
        assert!(
            kcl(2).starts_with(
                "KCL 2.x keeps one lease table, which every worker scans every 20.05 s, all \
                 on-demand"
            ),
            "{}",
            kcl(2)
        );
        assert!(
            kcl(3).starts_with("KCL 3.x keeps a lease table"),
            "{}",
            kcl(3)
        );
    }
}
