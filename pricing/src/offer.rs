//! Importing AWS Price List bulk offer files into kcost's price tables: AmazonKinesis,
//! AmazonKinesisFirehose and AmazonKinesisAnalytics, and for what is around a stream
//! AmazonCloudWatch (custom metrics), awskms, AmazonEC2 (NAT gateway), AmazonVPC (interface
//! endpoints), AWSLambda and AmazonDynamoDB (on-demand requests). The last ones are large whole;
//! import their per-region files (`.../offers/v1.0/aws/{offer}/current/{region}/index.json`).
//!
//! Rows are matched on product family, usage type (with the region's prefix: `USE2-`, `EUC1-`,
//! `EU-` for eu-west-1, none for Kinesis Streams in us-east-1), operation and group, never on
//! display names; rows kcost does not use are skipped. A price kcost needs that a file lacks is
//! reported by region and usage type, never taken as zero. The file is read once into only the
//! fields kcost uses, so a many-megabyte offer is not held in several copies.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use kcost_core::{ArcStr, Confidence, Price, PriceKey, RegionPrices};
use serde::Deserialize;
use thiserror::Error;

/// An offer file could not be imported.
#[derive(Debug, Error)]
pub enum OfferError {
    /// Not JSON, or not the offer layout.
    #[error("{origin}: not an AWS Price List offer file: {message}")]
    Malformed {
        /// The path of the offer file.
        origin: String,
        /// What is wrong, from the JSON parser.
        message: String,
    },
    /// An offer for a service kcost does not price.
    #[error(
        "{origin}: offer code '{code}' is not one kcost imports; use AmazonKinesis, \
         AmazonKinesisFirehose, AmazonKinesisAnalytics, AmazonCloudWatch, awskms, AmazonEC2, \
         AmazonVPC, AWSLambda or AmazonDynamoDB"
    )]
    Service {
        /// The path of the offer file.
        origin: String,
        /// The offer code in the file.
        code: String,
    },
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Offer {
    offer_code: String,
    version: String,
    publication_date: String,
    products: HashMap<String, Product>,
    terms: Terms,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Product {
    product_family: Option<String>,
    attributes: Attributes,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Attributes {
    usagetype: Option<String>,
    location: Option<String>,
    operation: Option<String>,
    group: Option<String>,
    region_code: Option<String>,
}

#[derive(Deserialize)]
struct Terms {
    #[serde(rename = "OnDemand", default)]
    on_demand: HashMap<String, HashMap<String, Term>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Term {
    price_dimensions: HashMap<String, Dimension>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Dimension {
    begin_range: Option<String>,
    price_per_unit: HashMap<String, String>,
}

/// A price kcost needs that the offer does not have for a region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The region code.
    pub region: String,
    /// The usage type looked for (with the region's prefix).
    pub usage_type: String,
    /// The kcost price key it would have filled.
    pub key: PriceKey,
}

/// The prices an offer file gave, by region.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The offer code (`AmazonKinesis`).
    pub offer: String,
    /// The offer's version.
    pub version: String,
    /// Its publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Each region's prices from this offer.
    pub regions: Vec<RegionPrices>,
    /// Prices the offer lacks for a region it covers.
    pub missing: Vec<Missing>,
}

/// How one kcost price is found in an offer.
struct Rule {
    family: &'static str,
    usage: &'static str,
    operation: Option<&'static str>,
    group: Option<&'static str>,
    /// For tiered rows: the tier's lower bound (`beginRange`).
    begin: Option<&'static str>,
    key: PriceKey,
    /// Multiplies the offer's price into kcost's unit (1,000 S3 objects from per object).
    factor: f64,
    /// Whether the usage type is prefixed by the region's code itself (`us-east-2-KMS-Requests`,
    /// KMS's way) rather than the Price List's short prefix.
    region_named: bool,
}

const fn rule(family: &'static str, usage: &'static str, key: PriceKey) -> Rule {
    Rule {
        family,
        usage,
        operation: None,
        group: None,
        begin: None,
        key,
        factor: 1.0,
        region_named: false,
    }
}

/// A rule of an offer whose product families kcost does not rely on: the usage type alone
/// (with its region's prefix) names the price.
const fn usage(usage: &'static str, key: PriceKey) -> Rule {
    rule(ANY_FAMILY, usage, key)
}

/// Any product family.
const ANY_FAMILY: &str = "";

const STREAMS: &str = "Kinesis Streams";
const FIREHOSE: &str = "Kinesis Firehose";
const ANALYTICS: &str = "Kinesis Analytics";
const ADVANTAGE: &str = "OnDemand Advantage";

/// The rules of the offer `offer` (its offer code), if kcost reads it.
fn rules(offer: &str) -> Option<Vec<Rule>> {
    Some(match offer {
        "AmazonKinesis" => streams_rules(),
        "AmazonKinesisFirehose" => firehose_rules(),
        "AmazonKinesisAnalytics" => analytics_rules(),
        "AmazonCloudWatch" | "awskms" | "AmazonEC2" | "AmazonVPC" | "AWSLambda"
        | "AmazonDynamoDB" => around_rules(offer),
        _ => return None,
    })
}

/// A tiered rule found by its usage type alone.
const fn tiered(name: &'static str, begin: &'static str, key: PriceKey) -> Rule {
    Rule {
        begin: Some(begin),
        ..usage(name, key)
    }
}

/// Kinesis Data Streams: provisioned, on-demand and on-demand Advantage.
fn streams_rules() -> Vec<Rule> {
    use PriceKey::*;
    let kds = |usage, key| rule(STREAMS, usage, key);
    let advantage = |usage, key| Rule {
        group: Some(ADVANTAGE),
        ..rule(STREAMS, usage, key)
    };
    vec![
        kds("Storage-ShardHour", KdsShardHour),
        kds("PutRequestPayloadUnits", KdsPutPayloadUnit),
        kds("Extended-ShardHour", KdsExtendedRetentionShardHour),
        kds("LongTermRetention-ByteHrs", KdsLongTermRetentionGbMonth),
        kds("LongTermRetention-ReadBytes", KdsLongTermRetrievalGb),
        kds("EnhancedFanoutHour", KdsEfoConsumerShardHour),
        Rule {
            operation: Some("EnhancedFanoutDataRetrieval"),
            ..kds("ReadBytes", KdsEfoRetrievalGb)
        },
        kds("OnDemand-StreamHour", KdsOnDemandStreamHour),
        kds("OnDemand-BilledIncomingBytes", KdsOnDemandDataInGb),
        kds("OnDemand-BilledOutgoingBytes", KdsOnDemandDataOutGb),
        kds("OnDemand-BilledOutgoingEFOBytes", KdsOnDemandEfoDataOutGb),
        kds(
            "OnDemand-ExtendedRetention-ByteHrs",
            KdsOnDemandExtendedRetentionGbMonth,
        ),
        kds(
            "OnDemand-LongTermRetention-ByteHrs",
            KdsOnDemandLongTermRetentionGbMonth,
        ),
        advantage("OnDemand-BilledIncomingBytes", KdsAdvantageDataInGb),
        advantage("OnDemand-BilledOutgoingBytes", KdsAdvantageDataOutGb),
        advantage("OnDemand-BilledOutgoingEFOBytes", KdsAdvantageEfoDataOutGb),
        advantage(
            "OnDemand-ExtendedRetention-ByteHrs",
            KdsAdvantageRetentionGbMonth,
        ),
    ]
}

/// Firehose: its ingestion tiers and the options priced per GB, object or hour.
fn firehose_rules() -> Vec<Rule> {
    use PriceKey::*;
    let tier = |begin, key| Rule {
        begin: Some(begin),
        ..rule(FIREHOSE, "BilledBytes", key)
    };
    vec![
        tier("0", FirehoseIngestTier1Gb),
        tier("512000", FirehoseIngestTier2Gb),
        tier("2048000", FirehoseIngestTier3Gb),
        rule(FIREHOSE, "DFCBilledBytes", FirehoseFormatConversionGb),
        rule(FIREHOSE, "DPBytesDelivered", FirehoseDynamicPartitioningGb),
        Rule {
            factor: 1000.0,
            ..rule(FIREHOSE, "S3DeliveryObjectCount", FirehoseS3ObjectsThousand)
        },
        rule(FIREHOSE, "Firehose-VpcDelivery-Bytes", FirehoseVpcGb),
        rule(FIREHOSE, "Firehose-VpcDelivery-Hours", FirehoseVpcAzHour),
    ]
}

/// Managed Service for Apache Flink (Kinesis Data Analytics).
fn analytics_rules() -> Vec<Rule> {
    use PriceKey::*;
    vec![
        rule(ANALYTICS, "KPU-Hour-Java", KdaKpuHour),
        rule(
            ANALYTICS,
            "RunningApplicationStorage",
            KdaRunningStorageGbMonth,
        ),
        rule(ANALYTICS, "DurableApplicationBackups", KdaBackupGbMonth),
    ]
}

/// The services priced around a stream, offer by offer.
fn around_rules(offer: &str) -> Vec<Rule> {
    use PriceKey::*;
    match offer {
        "AmazonCloudWatch" => vec![
            tiered("CW:MetricMonitorUsage", "0", CloudwatchMetricTier1),
            tiered("CW:MetricMonitorUsage", "10000", CloudwatchMetricTier2),
            tiered("CW:MetricMonitorUsage", "250000", CloudwatchMetricTier3),
            tiered("CW:MetricMonitorUsage", "1000000", CloudwatchMetricTier4),
        ],
        "awskms" => vec![
            Rule {
                region_named: true,
                ..usage("KMS-Keys", KmsKeyMonth)
            },
            Rule {
                region_named: true,
                ..usage("KMS-Requests", KmsRequest)
            },
        ],
        "AmazonEC2" => vec![
            usage("NatGateway-Hours", NatGatewayHour),
            usage("NatGateway-Bytes", NatGatewayGb),
        ],
        "AmazonVPC" => vec![
            usage("VpcEndpoint-Hours", VpcEndpointAzHour),
            tiered("VpcEndpoint-Bytes", "0", VpcEndpointGb),
        ],
        "AWSLambda" => vec![
            usage("Request", LambdaRequest),
            tiered("Lambda-GB-Second", "0", LambdaGbSecondX86),
            tiered("Lambda-GB-Second-ARM", "0", LambdaGbSecondArm),
        ],
        "AmazonDynamoDB" => vec![
            usage("WriteRequestUnits", DynamodbWriteRequestUnit),
            usage("ReadRequestUnits", DynamodbReadRequestUnit),
        ],
        _ => Vec::new(),
    }
}

/// The usage-type prefix of a region (`USE2`), as the Price List writes it.
pub fn usage_prefix(region: &str) -> Option<&'static str> {
    Some(match region {
        "us-east-1" => "USE1",
        "us-east-2" => "USE2",
        "us-west-1" => "USW1",
        "us-west-2" => "USW2",
        "ca-central-1" => "CAN1",
        "eu-west-1" => "EU",
        "eu-west-2" => "EUW2",
        "eu-west-3" => "EUW3",
        "eu-central-1" => "EUC1",
        "eu-central-2" => "EUC2",
        "eu-north-1" => "EUN1",
        "eu-south-1" => "EUS1",
        "ap-northeast-1" => "APN1",
        "ap-northeast-2" => "APN2",
        "ap-northeast-3" => "APN3",
        "ap-southeast-1" => "APS1",
        "ap-southeast-2" => "APS2",
        "ap-south-1" => "APS3",
        "sa-east-1" => "SAE1",
        "me-south-1" => "MES1",
        "af-south-1" => "AFS1",
        _ => return None,
    })
}

/// Whether `usage_type` is `base` for `region`: `PREFIX-base`, or plain `base` for Kinesis in
/// us-east-1 (the Price List's one unprefixed region). Regions kcost has no prefix for accept any
/// single prefix.
fn usage_matches(usage_type: &str, base: &str, region: &str) -> bool {
    if usage_type == base {
        return region == "us-east-1";
    }
    let Some(prefix) = usage_type
        .strip_suffix(base)
        .and_then(|p| p.strip_suffix('-'))
    else {
        return false;
    };
    match usage_prefix(region) {
        Some(expected) => prefix == expected,
        None => {
            !prefix.is_empty()
                && prefix
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        }
    }
}

/// The family of a price: its key up to the part that names the item.
fn family_of(key: PriceKey) -> &'static str {
    let k = key.key();
    [
        "kds_on_demand_",
        "kds_advantage_",
        "kds_",
        "kda_",
        "firehose_",
        "cloudwatch_",
        "kms_",
        "nat_gateway_",
        "vpc_endpoint_",
        "lambda_",
        "dynamodb_",
    ]
    .into_iter()
    .find(|p| k.starts_with(p))
    .unwrap_or("")
}

/// Reads the offer in `reader` (named `origin` in errors) and keeps the prices kcost uses, for
/// every region in it or only those in `only`.
///
/// # Errors
/// [`OfferError`] when the text is not an offer file, or is one for another service.
pub fn import(reader: impl Read, origin: &str, only: &[String]) -> Result<Imported, OfferError> {
    let offer: Offer = serde_json::from_reader(reader).map_err(|e| OfferError::Malformed {
        origin: origin.to_string(),
        message: e.to_string(),
    })?;
    let rules = rules(&offer.offer_code).ok_or_else(|| OfferError::Service {
        origin: origin.to_string(),
        code: offer.offer_code.clone(),
    })?;
    let published = published(&offer, origin)?;
    let mut found: BTreeMap<String, BTreeMap<PriceKey, Price>> = BTreeMap::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (sku, product) in &offer.products {
        let a = &product.attributes;
        let (Some(region), Some(usage)) = (&a.region_code, &a.usagetype) else {
            continue;
        };
        // A row whose region code is not one would become a table kcost cannot read back.
        if !crate::table::is_region_code(region) {
            continue;
        }
        if !only.is_empty() && !only.contains(region) {
            continue;
        }
        let family = product.product_family.as_deref().unwrap_or("");
        let of_family = |r: &Rule| r.family == ANY_FAMILY || r.family == family;
        if let (true, Some(location)) = (rules.iter().any(of_family), &a.location) {
            names
                .entry(region.clone())
                .or_insert_with(|| location.clone());
        }
        for r in rules
            .iter()
            .filter(|r| of_family(r) && r.matches(a, usage, region))
        {
            for price in prices(&offer, sku, r, usage, &published) {
                found
                    .entry(region.clone())
                    .or_default()
                    .insert(r.key, price);
            }
        }
    }
    let missing = missing(&found, &rules);
    let regions = found
        .into_iter()
        .map(|(code, prices)| RegionPrices {
            name: ArcStr::from(names.get(&code).map_or(code.as_str(), String::as_str)),
            code: ArcStr::from(code.as_str()),
            prices,
            discount_bp: None,
        })
        .collect();
    Ok(Imported {
        offer: offer.offer_code,
        version: offer.version,
        published,
        regions,
        missing,
    })
}

/// The offer's publication date, `YYYY-MM-DD`: it becomes every price's as-of date, so one the
/// tables cannot read is refused here.
fn published(offer: &Offer, origin: &str) -> Result<String, OfferError> {
    let published = offer
        .publication_date
        .get(..10)
        .unwrap_or(&offer.publication_date)
        .to_string();
    if !crate::table::is_date(&published) {
        return Err(OfferError::Malformed {
            origin: origin.to_string(),
            message: format!(
                "publicationDate '{}' is not a date (YYYY-MM-DD...)",
                offer.publication_date
            ),
        });
    }
    Ok(published)
}

impl Rule {
    /// Whether a product of `region` with attributes `a` and usage type `usage` is this rule's
    /// (its family aside).
    fn matches(&self, a: &Attributes, usage: &str, region: &str) -> bool {
        (if self.region_named {
            usage.strip_prefix(region) == Some(&format!("-{}", self.usage))
        } else {
            usage_matches(usage, self.usage, region)
        }) && self
            .operation
            .is_none_or(|op| a.operation.as_deref() == Some(op))
            && (self.group.is_some() == (a.group.as_deref() == Some(ADVANTAGE)))
    }
}

/// The prices of product `sku` that rule `r` keeps: each on-demand price dimension in the
/// rule's tier, in kcost's unit. Not a price (NaN, infinite, negative, or not plausible for its
/// unit): left out, and the key is reported missing instead.
fn prices(offer: &Offer, sku: &str, r: &Rule, usage: &str, published: &str) -> Vec<Price> {
    offer
        .terms
        .on_demand
        .get(sku)
        .into_iter()
        .flat_map(|t| t.values())
        .flat_map(|t| t.price_dimensions.values())
        .filter(|d| {
            r.begin
                .is_none_or(|b| d.begin_range.as_deref().unwrap_or("0") == b)
        })
        .filter_map(|d| {
            d.price_per_unit
                .get("USD")
                .and_then(|p| p.parse::<f64>().ok())
        })
        .map(|usd| usd * r.factor)
        .filter(|&usd| usd.is_finite() && usd >= 0.0 && r.key.check_plausible(usd).is_ok())
        .map(|usd| Price {
            usd,
            source: ArcStr::from(format!(
                "AWS Price List {} offer, version {}, usage type {usage}",
                offer.offer_code, offer.version
            )),
            as_of: ArcStr::from(published),
            confidence: Confidence::Confirmed,
        })
        .collect()
}

/// The prices missing from what was `found`: a price is missing when the region has others of
/// its family (provisioned, on-demand, Advantage, analytics, Firehose) but not it; a region
/// without Advantage at all is not missing Advantage prices.
fn missing(found: &BTreeMap<String, BTreeMap<PriceKey, Price>>, rules: &[Rule]) -> Vec<Missing> {
    let mut missing = Vec::new();
    for (region, have) in found {
        for r in rules {
            let family = family_of(r.key);
            if have.contains_key(&r.key) || !have.keys().any(|k| family_of(*k) == family) {
                continue;
            }
            let prefix = match (region.as_str(), r.family, r.region_named) {
                (_, _, true) => format!("{region}-"),
                ("us-east-1", STREAMS, _) => String::new(),
                _ => usage_prefix(region).map_or(String::new(), |p| format!("{p}-")),
            };
            missing.push(Missing {
                region: region.clone(),
                usage_type: format!("{prefix}{}", r.usage),
                key: r.key,
            });
        }
    }
    missing
}

/// A region's prices as a pricing table (TOML), in kcost's layout.
pub fn to_toml(region: &RegionPrices) -> String {
    let mut out = format!(
        "# Kinesis prices for {}, imported from the AWS Price List by `kcost pricing import`.\n\n[[region]]\ncode = {}\n",
        region.code,
        quote(&region.code)
    );
    if region.name != region.code {
        out.push_str(&format!("name = {}\n", quote(&region.name)));
    }
    for (key, price) in &region.prices {
        out.push_str(&format!(
            "\n[region.prices.{}]\nusd = {}\nunit = {}\nsource = {}\nas_of = {}\nconfidence = \"{}\"\n",
            key.key(),
            float(price.usd),
            quote(key.unit()),
            quote(&price.source),
            quote(&price.as_of),
            price.confidence
        ));
    }
    out
}

/// A TOML float: always with a decimal point or exponent, shortest round-trip text.
fn float(x: f64) -> String {
    let text = format!("{x}");
    if text.contains('.') || text.contains('e') || text.contains("inf") || text.contains("NaN") {
        text
    } else {
        format!("{text}.0")
    }
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
