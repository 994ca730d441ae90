//! What is around a stream, as the user describes it: enhanced shard-level metrics (CloudWatch
//! custom metrics), server-side encryption with KMS, and the network its producers and consumers
//! reach Kinesis through (a NAT gateway or an interface VPC endpoint). `streams::around` prices
//! them.

pub(crate) mod notes;
pub(crate) mod price;

use std::str::FromStr;

use serde::Serialize;

use crate::error::InputError;
use crate::input::Input;

/// The shard-level metrics Kinesis offers (`ShardLevelMetrics`: IncomingBytes, IncomingRecords,
/// OutgoingBytes, OutgoingRecords, WriteProvisionedThroughputExceeded,
/// ReadProvisionedThroughputExceeded, IteratorAgeMilliseconds).
pub const SHARD_METRICS: u8 = 7;

/// The most NAT gateways kcost bills hours for.
pub const MAX_NAT_GATEWAYS: u32 = 100;

/// The most Availability Zones an interface endpoint can be in (the largest region has 6).
pub const MAX_ENDPOINT_AZS: u32 = 6;

/// The Availability Zones an interface endpoint is taken to be in when none are given.
pub const DEFAULT_ENDPOINT_AZS: u32 = 2;

/// How producers or consumers reach Kinesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    /// Over the internet or from outside a VPC: nothing billed around the stream.
    #[default]
    Public,
    /// From private subnets through a NAT gateway: billed per GB processed.
    Nat,
    /// Through an interface VPC endpoint (AWS PrivateLink): per AZ-hour and per GB.
    Endpoint,
}

impl Network {
    /// The name as typed.
    pub const fn name(self) -> &'static str {
        match self {
            Network::Public => "public",
            Network::Nat => "nat",
            Network::Endpoint => "endpoint",
        }
    }

    /// Parses `text` as the network of `what` ("producer network").
    ///
    /// # Errors
    /// [`InputError::Choice`] for anything but public, nat or endpoint.
    pub fn parse(what: &'static str, text: &str) -> Result<Network, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "public" | "internet" => Ok(Network::Public),
            "nat" | "nat-gateway" => Ok(Network::Nat),
            "endpoint" | "vpc-endpoint" | "privatelink" => Ok(Network::Endpoint),
            _ => Err(InputError::Choice {
                what,
                text: text.to_string(),
                choices: "public, nat or endpoint",
            }),
        }
    }
}

/// Server-side encryption of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encryption {
    /// None.
    #[default]
    None,
    /// AWS KMS.
    Kms,
}

impl FromStr for Encryption {
    type Err = InputError;

    /// `none` or `kms`.
    fn from_str(text: &str) -> Result<Encryption, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" | "off" => Ok(Encryption::None),
            "kms" => Ok(Encryption::Kms),
            _ => Err(InputError::Choice {
                what: "encryption",
                text: text.to_string(),
                choices: "none or kms",
            }),
        }
    }
}

/// Which KMS key encrypts the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KmsKey {
    /// The AWS managed key `aws/kinesis`: no monthly fee.
    #[default]
    Aws,
    /// A customer managed key: a key-month.
    Customer,
}

impl FromStr for KmsKey {
    type Err = InputError;

    /// `aws` or `customer`.
    fn from_str(text: &str) -> Result<KmsKey, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "aws" | "aws-managed" => Ok(KmsKey::Aws),
            "customer" | "customer-managed" | "cmk" => Ok(KmsKey::Customer),
            _ => Err(InputError::Choice {
                what: "KMS key",
                text: text.to_string(),
                choices: "aws (the AWS managed key) or customer",
            }),
        }
    }
}

/// Parses the shard-level metrics enabled: `all` (7), `none` (0) or a count from 0 to 7.
///
/// # Errors
/// [`InputError::ShardMetrics`] for anything else.
pub fn parse_shard_metrics(text: &str) -> Result<u8, InputError> {
    let trimmed = text.trim();
    if trimmed.eq_ignore_ascii_case("all") {
        return Ok(SHARD_METRICS);
    }
    if trimmed.eq_ignore_ascii_case("none") {
        return Ok(0);
    }
    match trimmed.parse::<u8>() {
        Ok(n) if n <= SHARD_METRICS => Ok(n),
        _ => Err(InputError::ShardMetrics {
            text: text.to_string(),
        }),
    }
}

/// The shard-level metrics a list of their names enables: all 7 with `ALL`, else each name
/// once (names Kinesis does not have are counted too: CloudWatch would bill what AWS accepts).
pub fn shard_metrics_named(names: &[&str]) -> u8 {
    if names.iter().any(|n| n.eq_ignore_ascii_case("ALL")) {
        return SHARD_METRICS;
    }
    let mut unique: Vec<&str> = names.to_vec();
    unique.sort_unstable();
    unique.dedup();
    u8::try_from(unique.len()).map_or(SHARD_METRICS, |n| n.min(SHARD_METRICS))
}

/// Parses a whole number from `low` to `high`.
///
/// # Errors
/// [`InputError::CountRange`] for anything else.
pub fn parse_count_in(
    what: &'static str,
    text: &str,
    (low, high): (u32, u32),
) -> Result<u32, InputError> {
    match text.trim().parse::<u32>() {
        Ok(n) if (low..=high).contains(&n) => Ok(n),
        _ => Err(InputError::CountRange {
            what,
            text: text.to_string(),
            low,
            high,
        }),
    }
}

/// What is priced around a stream. The default prices nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Around {
    /// Enhanced shard-level metrics enabled, 0 to 7.
    pub shard_metrics: u8,
    /// Server-side encryption.
    pub encryption: Encryption,
    /// The KMS key, with KMS encryption.
    pub kms_key: KmsKey,
    /// Distinct credentials calling KMS, with KMS encryption; `None` means one, AWS's
    /// approximation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_credentials: Option<u32>,
    /// How producers reach Kinesis.
    pub producers: Network,
    /// How consumers reach Kinesis.
    pub consumers: Network,
    /// NAT gateways whose hours are billed here; `None` takes them as paid by other traffic.
    pub nat_gateways: Option<u32>,
    /// Availability Zones of the interface endpoint; `None` means the default of 2.
    pub endpoint_azs: Option<u32>,
    /// Readers in other regions (a scenario's components that name another region): each reads
    /// every byte across regions. Set by a scenario's wiring, not typed.
    pub remote_readers: RemoteReaders,
    /// Readers AWS runs (a Lambda event source mapping, a Firehose, an analytics application)
    /// among the consumers: they read from AWS's own network, not through the consumers' NAT
    /// gateway or endpoint. Set by a scenario's wiring or a plan, not typed.
    pub managed_readers: u32,
    /// What a plan or template prices on resources of its own (its NAT gateways, its interface
    /// endpoint, its KMS key), left off the stream's lines. Set by infrastructure pricing, not
    /// typed.
    pub apart: Apart,
}

/// Parts of what is around a stream that a plan or template declares as resources of their
/// own, each priced once on that resource rather than on every stream it serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Apart {
    /// The NAT gateways' hours.
    pub nat_hours: bool,
    /// The interface endpoint's AZ-hours.
    pub endpoint_hours: bool,
    /// The customer managed key's month.
    pub key_month: bool,
}

/// One part of [`Apart`], as an assumption names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The NAT gateways' hours.
    NatHours,
    /// The interface endpoint's AZ-hours.
    EndpointHours,
    /// The customer managed key's month.
    KeyMonth,
}

/// A resource around streams that a plan or template declares, priced on its own: what it costs
/// whatever traffic it carries. The traffic's part (per GB, per request) stays on the lines of
/// the stream whose usage sends it through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "resource")]
pub enum Resource {
    /// A customer managed KMS key: its key-month.
    KmsKey,
    /// A NAT gateway: its hours.
    NatGateway,
    /// An interface VPC endpoint to Kinesis Data Streams: its hours in each Availability Zone.
    Endpoint {
        /// Its Availability Zones (subnets), 1 to 6.
        azs: u32,
    },
}

/// A stream's readers in other regions, counted by the price their transfer takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct RemoteReaders {
    /// Readers in a region other than the stream's (and not the US East pair).
    pub other: u32,
    /// Readers in the other US East region (N. Virginia and Ohio have a lower price between
    /// them).
    pub us_east: u32,
}

impl RemoteReaders {
    /// Counts a reader (of `n` applications) in `reader` of a stream in `stream`.
    pub fn add(&mut self, stream: &str, reader: &str, n: u32) {
        if stream == reader {
            return;
        }
        let pair = matches!(
            (stream, reader),
            ("us-east-1", "us-east-2") | ("us-east-2", "us-east-1")
        );
        let count = if pair {
            &mut self.us_east
        } else {
            &mut self.other
        };
        *count = count.saturating_add(n);
    }

    /// Whether there are any.
    pub fn any(&self) -> bool {
        self.other > 0 || self.us_east > 0
    }
}

impl Around {
    /// A stream's encryption as a plan or template declares it: `KMS` with a key, the AWS managed
    /// key when the key is `alias/aws/kinesis` (or none is named), a customer managed key
    /// otherwise; anything else is no encryption.
    pub fn encrypted(encryption_type: Option<&str>, key: Option<&str>) -> Around {
        if !encryption_type.is_some_and(|t| t.eq_ignore_ascii_case("KMS")) {
            return Around::default();
        }
        let aws_managed =
            key.is_none_or(|k| k.trim().is_empty() || k.ends_with("alias/aws/kinesis"));
        Around {
            encryption: Encryption::Kms,
            kms_key: if aws_managed {
                KmsKey::Aws
            } else {
                KmsKey::Customer
            },
            ..Around::default()
        }
    }

    /// Whether nothing at all is asked for around the stream (not even a count that would be
    /// refused): the default.
    pub fn is_nothing(&self) -> bool {
        *self == Around::default()
    }

    /// Whether producers or consumers use `network`.
    pub fn uses(&self, network: Network) -> bool {
        self.producers == network || self.consumers == network
    }

    /// Checks inputs that mean something only with another's value.
    ///
    /// # Errors
    /// [`InputError::Needs`] for a customer key without KMS encryption, NAT gateways without a
    /// NAT gateway in the path, or endpoint AZs without an endpoint.
    pub fn check(&self) -> Result<(), InputError> {
        let needs = |input, needs, or| Err(InputError::Needs { input, needs, or });
        if self.kms_key == KmsKey::Customer && self.encryption != Encryption::Kms {
            return needs(Input::KmsKey, (Input::Encryption, "kms"), None);
        }
        if self.kms_credentials.is_some() && self.encryption != Encryption::Kms {
            return needs(Input::KmsCredentials, (Input::Encryption, "kms"), None);
        }
        if self.nat_gateways.is_some() && !self.uses(Network::Nat) {
            return needs(
                Input::NatGateways,
                (Input::ProducerNetwork, "nat"),
                Some(Input::ConsumerNetwork),
            );
        }
        if self.endpoint_azs.is_some() && !self.uses(Network::Endpoint) {
            return needs(
                Input::EndpointAzs,
                (Input::ProducerNetwork, "endpoint"),
                Some(Input::ConsumerNetwork),
            );
        }
        Ok(())
    }
}

/// The most distinct credentials kcost takes calling KMS for one stream.
pub const MAX_KMS_CREDENTIALS: u32 = 10_000;

impl Around {
    /// The inputs that describe what is around a stream, in help order.
    pub const INPUTS: [Input; 8] = [
        Input::ShardMetrics,
        Input::Encryption,
        Input::KmsKey,
        Input::KmsCredentials,
        Input::ProducerNetwork,
        Input::ConsumerNetwork,
        Input::NatGateways,
        Input::EndpointAzs,
    ];

    /// The inputs given beyond their defaults, each with its value as it would be typed: what a
    /// scenario file or a link writes, and [`Around::set`] reads back.
    pub fn given(&self) -> Vec<(Input, String)> {
        let mut given = Vec::new();
        match self.shard_metrics {
            0 => {}
            SHARD_METRICS => given.push((Input::ShardMetrics, "all".to_string())),
            n => given.push((Input::ShardMetrics, n.to_string())),
        }
        if self.encryption == Encryption::Kms {
            given.push((Input::Encryption, "kms".to_string()));
        }
        if self.kms_key == KmsKey::Customer {
            given.push((Input::KmsKey, "customer".to_string()));
        }
        if let Some(n) = self.kms_credentials {
            given.push((Input::KmsCredentials, n.to_string()));
        }
        for (input, network) in [
            (Input::ProducerNetwork, self.producers),
            (Input::ConsumerNetwork, self.consumers),
        ] {
            if network != Network::Public {
                given.push((input, network.name().to_string()));
            }
        }
        if let Some(n) = self.nat_gateways {
            given.push((Input::NatGateways, n.to_string()));
        }
        if let Some(n) = self.endpoint_azs {
            given.push((Input::EndpointAzs, n.to_string()));
        }
        given
    }

    /// Sets `input` (one of [`Around::INPUTS`]) from its text, as every front end reads it.
    ///
    /// # Errors
    /// The value's own error; [`InputError::NotOf`] for an input that is not around a stream.
    pub fn set(&mut self, input: Input, text: &str) -> Result<(), InputError> {
        match input {
            Input::ShardMetrics => self.shard_metrics = parse_shard_metrics(text)?,
            Input::Encryption => self.encryption = text.parse()?,
            Input::KmsKey => self.kms_key = text.parse()?,
            Input::KmsCredentials => {
                self.kms_credentials = Some(parse_count_in(
                    "KMS credential count",
                    text,
                    (1, MAX_KMS_CREDENTIALS),
                )?);
            }
            Input::ProducerNetwork => {
                self.producers = Network::parse("producer network", text)?;
            }
            Input::ConsumerNetwork => {
                self.consumers = Network::parse("consumer network", text)?;
            }
            Input::NatGateways => {
                self.nat_gateways = Some(parse_count_in(
                    "NAT gateway count",
                    text,
                    (1, MAX_NAT_GATEWAYS),
                )?);
            }
            Input::EndpointAzs => {
                self.endpoint_azs = Some(parse_count_in(
                    "endpoint AZ count",
                    text,
                    (1, MAX_ENDPOINT_AZS),
                )?);
            }
            _ => {
                return Err(InputError::NotOf {
                    input,
                    of: "what is around a stream",
                })
            }
        }
        Ok(())
    }
}
