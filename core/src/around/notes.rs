//! The notes of what is priced around a stream: shard-level metrics, encryption, the network.

use std::fmt;

use crate::face::{Face, Fix};
use crate::input::Input;

/// About what is priced around a stream.
#[derive(Debug, Clone, PartialEq)]
pub enum AroundAssumption {
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
        /// Distinct credentials calling KMS, when given.
        credentials: Option<u32>,
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
    /// One interface endpoint serves producers and consumers, in this many AZs.
    Endpoint {
        /// Availability Zones.
        azs: u32,
        /// Whether that is the default (not given).
        default_azs: bool,
    },
}

impl AroundAssumption {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            AroundAssumption::OnDemandShards { shards } => write!(
                f,
                "an on-demand stream's shards are AWS's to choose and are not billed; its \
                 shard-level metrics are priced on an estimate of {shards} shards: the 4 a new \
                 stream starts with, or enough for twice its peak writes (on-demand absorbs up to \
                 double its previous peak)"
            ),
            AroundAssumption::MetricTiersAlone => f.write_str(
                "CloudWatch's metric tiers count every custom metric in the account and region; \
                 they are counted here on this stream's shard-level metrics alone, and \
                 CloudWatch's free tier (10 metrics) is left out",
            ),
            AroundAssumption::KmsRequests { key, credentials } => {
                match credentials {
                    None => f.write_str(
                        "KMS requests are AWS's approximation for an encrypted stream read at the \
                         tip with one set of credentials: about 12 calls every 5 minutes; each \
                         further producer or consumer credential (every assume-role call) and \
                         reads behind the tip add calls, so this is a lower bound",
                    )?,
                    Some(n) => write!(
                        f,
                        "KMS requests are AWS's approximation for an encrypted stream read at the \
                         tip, for each of {n} credentials: about 12 calls every 5 minutes each; \
                         reads behind the tip add calls, so this is a lower bound"
                    )?,
                }
                f.write_str("; KMS's free requests (20,000 a month per account) are left out")?;
                match key {
                    crate::around::KmsKey::Aws => {
                        f.write_str("; the AWS managed key aws/kinesis has no monthly fee")
                    }
                    crate::around::KmsKey::Customer => Ok(()),
                }
            }
            AroundAssumption::NatHoursElsewhere => write!(
                f,
                "the NAT gateways' hours are taken as paid by other traffic; give {} to bill \
                 them here",
                face.input(Input::NatGateways)
            ),
            AroundAssumption::ManagedReaders { readers } => write!(
                f,
                "{readers} reader(s) run by AWS (a Lambda event source mapping, a Firehose, an \
                 analytics application) read the stream from AWS's own network: their bytes do \
                 not pass through the consumers' NAT gateway or endpoint"
            ),
            AroundAssumption::PricedApart { part } => f.write_str(match part {
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
            AroundAssumption::CrossRegionReaders { readers } => write!(
                f,
                "{readers} reader(s) in another region read every byte of the stream across \
                 regions: the stream's region bills it as data transfer out (transfer in is \
                 free); put a reader in the stream's region to save it"
            ),
            AroundAssumption::Endpoint { azs, default_azs } => {
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
        }
    }
}

/// About what is priced around a stream.
#[derive(Debug, Clone, PartialEq)]
pub enum AroundWarning {
    /// What an interface VPC endpoint would cost in place of a NAT gateway's processing.
    EndpointInstead {
        /// The NAT gateway's processing of the stream's traffic, a month.
        nat_usd: crate::calc::money::Money,
        /// An endpoint's hours and processing of the same traffic, a month.
        endpoint_usd: crate::calc::money::Money,
        /// The endpoint's Availability Zones.
        azs: u32,
        /// Which sides use the NAT gateway: producers, consumers.
        sides: (bool, bool),
    },
}

impl AroundWarning {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            AroundWarning::EndpointInstead {
                nat_usd,
                endpoint_usd,
                azs,
                sides,
            } => {
                let (nat, endpoint) = (nat_usd.cents(), endpoint_usd.cents());
                let verdict = match endpoint.cmp(&nat) {
                    std::cmp::Ordering::Less => format!(
                        "{} USD a month less",
                        crate::calc::money::Money::from_cents(nat - endpoint).to_text(true)
                    ),
                    std::cmp::Ordering::Equal => "the same".to_string(),
                    std::cmp::Ordering::Greater => format!(
                        "{} USD a month more: the NAT gateway is cheaper here",
                        crate::calc::money::Money::from_cents(endpoint - nat).to_text(true)
                    ),
                };
                let fix = |input| face.fix(Fix::Set(input, "endpoint"));
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
        }
    }
}
