//! Prices with their provenance, as the core uses them. The `kcost-pricing` crate reads them from
//! TOML; the core only looks them up.

use std::collections::BTreeMap;
use std::fmt;

use arcstr::ArcStr;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// How sure we are of a price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Read in an AWS document, an AWS Pricing Calculator capture or the AWS Price List.
    Confirmed,
    /// The only value that reproduces a published total; not read anywhere.
    Derived,
    /// From a third-party source only.
    Secondary,
}

impl Confidence {
    /// The lowercase name used in tables and JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Derived => "derived",
            Confidence::Secondary => "secondary",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

macro_rules! price_keys {
    ($($variant:ident => $key:literal, $unit:literal, $item:literal;)*) => {
        /// Every price kcost knows, by the key a pricing table uses for it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum PriceKey {
            $(#[doc = $item] #[serde(rename = $key)] $variant,)*
        }

        impl PriceKey {
            /// Every key, in table order.
            pub const ALL: &'static [PriceKey] = &[$(PriceKey::$variant),*];

            /// The key as written in a pricing table.
            pub const fn key(self) -> &'static str {
                match self { $(PriceKey::$variant => $key,)* }
            }

            /// The unit the price is per; a table must state exactly this unit.
            pub const fn unit(self) -> &'static str {
                match self { $(PriceKey::$variant => $unit,)* }
            }

            /// What the price is for, in words.
            pub const fn item(self) -> &'static str {
                match self { $(PriceKey::$variant => $item,)* }
            }
        }
    };
}

price_keys! {
    KdsShardHour => "kds_shard_hour", "shard-hour", "Data Streams provisioned shard-hour";
    KdsPutPayloadUnit => "kds_put_payload_unit", "PUT payload unit (25 KB)",
        "Data Streams provisioned PUT payload unit";
    KdsExtendedRetentionShardHour => "kds_extended_retention_shard_hour", "shard-hour",
        "Data Streams extended retention (24 h to 7 days)";
    KdsLongTermRetentionGbMonth => "kds_long_term_retention_gb_month", "GB-month",
        "Data Streams long-term retention (over 7 days)";
    KdsLongTermRetrievalGb => "kds_long_term_retrieval_gb", "GB",
        "Data Streams long-term retention retrieval";
    KdsEfoConsumerShardHour => "kds_efo_consumer_shard_hour", "consumer-shard-hour",
        "Data Streams enhanced fan-out consumer-shard-hour";
    KdsEfoRetrievalGb => "kds_efo_retrieval_gb", "GB", "Data Streams enhanced fan-out data retrieval";
    KdsOnDemandStreamHour => "kds_on_demand_stream_hour", "stream-hour",
        "Data Streams on-demand stream-hour";
    KdsOnDemandDataInGb => "kds_on_demand_data_in_gb", "GB", "Data Streams on-demand data in";
    KdsOnDemandDataOutGb => "kds_on_demand_data_out_gb", "GB", "Data Streams on-demand data out";
    KdsOnDemandEfoDataOutGb => "kds_on_demand_efo_data_out_gb", "GB",
        "Data Streams on-demand enhanced fan-out data out";
    KdsOnDemandExtendedRetentionGbMonth => "kds_on_demand_extended_retention_gb_month", "GB-month",
        "Data Streams on-demand retention beyond 24 hours, up to 7 days";
    KdsOnDemandLongTermRetentionGbMonth => "kds_on_demand_long_term_retention_gb_month", "GB-month",
        "Data Streams on-demand retention beyond 7 days";
    KdsAdvantageDataInGb => "kds_advantage_data_in_gb", "GB", "Data Streams Advantage data in";
    KdsAdvantageDataOutGb => "kds_advantage_data_out_gb", "GB", "Data Streams Advantage data out";
    KdsAdvantageEfoDataOutGb => "kds_advantage_efo_data_out_gb", "GB",
        "Data Streams Advantage enhanced fan-out data out";
    KdsAdvantageRetentionGbMonth => "kds_advantage_retention_gb_month", "GB-month",
        "Data Streams Advantage retention beyond 24 hours";
    KdaKpuHour => "kda_kpu_hour", "KPU-hour", "Managed Flink / Data Analytics KPU-hour";
    KdaRunningStorageGbMonth => "kda_running_storage_gb_month", "GB-month",
        "Managed Flink running application storage";
    KdaBackupGbMonth => "kda_backup_gb_month", "GB-month", "Managed Flink durable application backups";
    FirehoseIngestTier1Gb => "firehose_ingest_tier1_gb", "GB",
        "Firehose ingestion, first 512,000 GB a month";
    FirehoseIngestTier2Gb => "firehose_ingest_tier2_gb", "GB",
        "Firehose ingestion, next 1,536,000 GB a month";
    FirehoseIngestTier3Gb => "firehose_ingest_tier3_gb", "GB",
        "Firehose ingestion, beyond 2,048,000 GB a month";
    FirehoseMskIngestGb => "firehose_msk_ingest_gb", "GB", "Firehose ingestion from Amazon MSK";
    FirehoseVendedLogsGb => "firehose_vended_logs_gb", "GB", "Firehose ingestion of vended logs";
    FirehoseFormatConversionGb => "firehose_format_conversion_gb", "GB",
        "Firehose format conversion (Parquet/ORC)";
    FirehoseDynamicPartitioningGb => "firehose_dynamic_partitioning_gb", "GB",
        "Firehose dynamic partitioning";
    FirehoseS3ObjectsThousand => "firehose_s3_objects_thousand", "1,000 S3 objects",
        "Firehose dynamic partitioning S3 objects delivered";
    FirehoseJqHour => "firehose_jq_hour", "JQ processing hour", "Firehose JQ processing";
    FirehoseVpcGb => "firehose_vpc_gb", "GB", "Firehose delivery into a VPC";
    FirehoseVpcAzHour => "firehose_vpc_az_hour", "AZ-hour", "Firehose VPC delivery, per AZ";
    CloudwatchMetricTier1 => "cloudwatch_metric_month_tier1", "metric-month",
        "CloudWatch custom metrics, first 10,000 a month";
    CloudwatchMetricTier2 => "cloudwatch_metric_month_tier2", "metric-month",
        "CloudWatch custom metrics, next 240,000 a month";
    CloudwatchMetricTier3 => "cloudwatch_metric_month_tier3", "metric-month",
        "CloudWatch custom metrics, next 750,000 a month";
    CloudwatchMetricTier4 => "cloudwatch_metric_month_tier4", "metric-month",
        "CloudWatch custom metrics, over 1,000,000 a month";
    KmsKeyMonth => "kms_key_month", "key-month", "KMS customer managed key";
    KmsRequest => "kms_request", "request", "KMS API request";
    NatGatewayHour => "nat_gateway_hour", "NAT gateway-hour", "NAT gateway, per hour";
    NatGatewayGb => "nat_gateway_gb", "GB", "NAT gateway data processed";
    VpcEndpointAzHour => "vpc_endpoint_az_hour", "endpoint AZ-hour",
        "Interface VPC endpoint, per AZ per hour";
    VpcEndpointGb => "vpc_endpoint_gb", "GB", "Interface VPC endpoint data processed, first 1 PB a month";
    InterRegionOutGb => "inter_region_out_gb", "GB",
        "Data transfer out of the region to another AWS region";
    InterRegionUsEastGb => "inter_region_us_east_gb", "GB",
        "Data transfer between US East (N. Virginia) and US East (Ohio)";
    LambdaRequest => "lambda_request", "request", "Lambda request";
    LambdaGbSecondX86 => "lambda_gb_second_x86", "GB-second", "Lambda duration, x86_64";
    LambdaGbSecondArm => "lambda_gb_second_arm", "GB-second", "Lambda duration, arm64";
    DynamodbWriteRequestUnit => "dynamodb_write_request_unit", "write request unit",
        "DynamoDB on-demand write request unit";
    DynamodbReadRequestUnit => "dynamodb_read_request_unit", "read request unit",
        "DynamoDB on-demand read request unit";
    DynamodbStorageGbMonth => "dynamodb_storage_gb_month", "GB-month", "DynamoDB Standard table storage";
}

impl PriceKey {
    /// The range a price per this key's unit can be in, USD: about two orders of magnitude
    /// either side of AWS's published prices (kinesis-facts sections 3 to 5). It is a check for
    /// unit mistakes, not a price: a PUT payload unit at 0.0196 USD (its per-million price) is
    /// far above it.
    pub const fn plausible_usd(self) -> (f64, f64) {
        use PriceKey::*;
        match self {
            KdsPutPayloadUnit => (1e-10, 1e-6),
            KdsShardHour | KdsExtendedRetentionShardHour | KdsEfoConsumerShardHour => (1e-4, 1.0),
            KdsOnDemandStreamHour | FirehoseJqHour | FirehoseVpcAzHour => (1e-4, 10.0),
            KdaKpuHour => (1e-3, 100.0),
            FirehoseS3ObjectsThousand => (1e-5, 1.0),
            CloudwatchMetricTier1
            | CloudwatchMetricTier2
            | CloudwatchMetricTier3
            | CloudwatchMetricTier4 => (1e-3, 10.0),
            KmsKeyMonth => (1e-2, 100.0),
            NatGatewayHour | VpcEndpointAzHour => (1e-4, 10.0),
            KmsRequest | LambdaRequest | DynamodbWriteRequestUnit | DynamodbReadRequestUnit => {
                (1e-9, 1e-4)
            }
            LambdaGbSecondX86 | LambdaGbSecondArm => (1e-7, 1e-3),
            KdsLongTermRetentionGbMonth
            | KdsLongTermRetrievalGb
            | KdsEfoRetrievalGb
            | KdsOnDemandDataInGb
            | KdsOnDemandDataOutGb
            | KdsOnDemandEfoDataOutGb
            | KdsOnDemandExtendedRetentionGbMonth
            | KdsOnDemandLongTermRetentionGbMonth
            | KdsAdvantageDataInGb
            | KdsAdvantageDataOutGb
            | KdsAdvantageEfoDataOutGb
            | KdsAdvantageRetentionGbMonth
            | KdaRunningStorageGbMonth
            | KdaBackupGbMonth
            | FirehoseIngestTier1Gb
            | FirehoseIngestTier2Gb
            | FirehoseIngestTier3Gb
            | FirehoseMskIngestGb
            | FirehoseVendedLogsGb
            | FirehoseFormatConversionGb
            | FirehoseDynamicPartitioningGb
            | FirehoseVpcGb
            | NatGatewayGb
            | VpcEndpointGb
            | InterRegionOutGb
            | InterRegionUsEastGb
            | DynamodbStorageGbMonth => (1e-4, 10.0),
        }
    }

    /// Refuses a price per this key's unit that cannot be one: outside [`PriceKey::plausible_usd`]
    /// (0, a free item, is allowed), with the unit mistake it most likely is.
    ///
    /// # Errors
    /// [`Implausible`], naming the likely mistake when the price per million units would be in
    /// range.
    pub fn check_plausible(self, usd: f64) -> Result<(), Implausible> {
        let (low, high) = self.plausible_usd();
        if usd == 0.0 || (low..=high).contains(&usd) {
            return Ok(());
        }
        // AWS publishes the smallest prices per million units; a table copying that figure is
        // the mistake to name.
        let per_unit = usd / 1e6;
        let likely = (low..=high)
            .contains(&per_unit)
            .then_some(("million", per_unit));
        Err(Implausible {
            key: self,
            usd,
            low,
            high,
            likely,
        })
    }
}

/// A price that cannot be one for its unit, and the mistake it most likely is.
#[derive(Debug, Clone, PartialEq)]
pub struct Implausible {
    /// The price's key.
    pub key: PriceKey,
    /// The price given, USD per unit.
    pub usd: f64,
    /// The lowest plausible price.
    pub low: f64,
    /// The highest plausible price.
    pub high: f64,
    /// `("million", per-unit price)` when the price looks like a price per million units.
    pub likely: Option<(&'static str, f64)>,
}

impl fmt::Display for Implausible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} USD per {} is not a plausible price (kcost expects {:e} to {:e})",
            self.key,
            self.usd,
            self.key.unit(),
            self.low,
            self.high
        )?;
        match self.likely {
            Some((words, per_unit)) => write!(
                f,
                "; it looks like a price per {words} units: give the price per unit, usd = {per_unit:e}"
            ),
            None => f.write_str("; check the price and its unit"),
        }
    }
}

impl fmt::Display for PriceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One price in USD per [`PriceKey::unit`], with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Price {
    /// USD per unit, as the calculator multiplies it (a double, like the calculator's).
    pub usd: f64,
    /// Where the figure was read or how it was obtained.
    pub source: ArcStr,
    /// When the source gave this price (`YYYY-MM` or `YYYY-MM-DD`).
    pub as_of: ArcStr,
    /// How sure the figure is.
    pub confidence: Confidence,
}

/// The prices of one region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionPrices {
    /// The AWS region code (`us-east-2`).
    pub code: ArcStr,
    /// Its display name (`US East (Ohio)`).
    pub name: ArcStr,
    /// Its prices by key.
    pub prices: BTreeMap<PriceKey, Price>,
    /// A discount the table gives on every line, in hundredths of a percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_bp: Option<u32>,
}

impl RegionPrices {
    /// The price for `key`.
    ///
    /// # Errors
    /// [`Error::MissingPrice`] naming the region and the price when the region lacks it.
    #[inline]
    pub fn get(&self, key: PriceKey) -> Result<&Price, Error> {
        self.prices.get(&key).ok_or_else(|| Error::MissingPrice {
            region: self.code.to_string(),
            key: key.key(),
            item: key.item(),
            elsewhere: None,
        })
    }
}

/// Prices for every known region, keyed by region code.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PriceBook {
    /// Regions by code, sorted.
    pub regions: BTreeMap<String, RegionPrices>,
}

impl PriceBook {
    /// A copy that shares nothing with this one, not even the reference counts of its texts:
    /// for a thread of its own. (Every estimate clones the texts of the prices it uses; threads
    /// sharing one book would pass those counts' cache lines back and forth on every line.) A
    /// text compiled in (the built-in tables') has no count, and stays as it is.
    pub fn unshared(&self) -> PriceBook {
        let text = |s: &ArcStr| match ArcStr::as_static(s) {
            Some(_) => s.clone(),
            None => ArcStr::from(&**s),
        };
        let regions = self
            .regions
            .iter()
            .map(|(code, r)| {
                let prices = r
                    .prices
                    .iter()
                    .map(|(key, p)| {
                        let price = Price {
                            usd: p.usd,
                            source: text(&p.source),
                            as_of: text(&p.as_of),
                            confidence: p.confidence,
                        };
                        (*key, price)
                    })
                    .collect();
                let region = RegionPrices {
                    code: text(&r.code),
                    name: text(&r.name),
                    prices,
                    discount_bp: r.discount_bp,
                };
                (code.clone(), region)
            })
            .collect();
        PriceBook { regions }
    }

    /// The prices of `code`.
    ///
    /// # Errors
    /// [`Error::UnknownRegion`] listing the known regions.
    pub fn region(&self, code: &str) -> Result<&RegionPrices, Error> {
        self.regions.get(code).ok_or_else(|| Error::UnknownRegion {
            region: code.to_string(),
            known: self.regions.keys().cloned().collect::<Vec<_>>().join(", "),
            suggestion: self.suggest(code),
        })
    }

    /// The known region a mistyped code most likely means: the same letters and digits in
    /// another case or punctuation (`US-EAST-1`, `us-east1`, `useast1`), or one letter wrong,
    /// missing, extra or swapped (`us-eats-1`). The digits must match, and only one region may
    /// be that close: `eu-west-1` and `ap-southeast-1` are real regions, not typos of `eu-west-2`
    /// or `ap-northeast-1`.
    pub fn suggest(&self, code: &str) -> Option<String> {
        let bare = |s: &str| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        let typed = bare(code);
        if typed.is_empty() {
            return None;
        }
        let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
        let close: Vec<(usize, &String)> = self
            .regions
            .keys()
            .filter(|known| digits(known) == digits(&typed))
            .map(|known| (strsim::osa_distance(&bare(known), &typed), known))
            .filter(|(d, _)| *d <= 1)
            .collect();
        let best = close.iter().map(|(d, _)| *d).min()?;
        match close.iter().filter(|(d, _)| *d == best).collect::<Vec<_>>()[..] {
            [(_, known)] => Some((*known).clone()),
            _ => None,
        }
    }

    /// `error`, with the regions that have the missing price when it is a missing price, so that
    /// its message can name where the estimate can be made.
    pub(crate) fn locate(&self, error: Error) -> Error {
        match error {
            Error::MissingPrice {
                region,
                key,
                item,
                elsewhere: None,
            } => {
                let have = self
                    .regions
                    .values()
                    .filter(|r| r.prices.keys().any(|k| k.key() == key))
                    .map(|r| r.code.to_string())
                    .collect();
                Error::MissingPrice {
                    region,
                    key,
                    item,
                    elsewhere: Some(have),
                }
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    #[test]
    fn a_price_per_million_units_is_refused_with_the_price_per_unit() {
        // AWS publishes the PUT payload unit at 0.014 USD per million; per unit it is 1.4e-8.
        assert_eq!(PriceKey::KdsPutPayloadUnit.check_plausible(1.4e-8), Ok(()));
        let err = PriceKey::KdsPutPayloadUnit
            .check_plausible(0.014)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "kds_put_payload_unit: 0.014 USD per PUT payload unit (25 KB) is not a plausible price \
             (kcost expects 1e-10 to 1e-6); it looks like a price per million units: give the \
             price per unit, usd = 1.4e-8"
        );
        // A shard-hour of 15 USD is no price per million either: just refused.
        assert_eq!(
            PriceKey::KdsShardHour
                .check_plausible(15.0)
                .unwrap_err()
                .to_string(),
            "kds_shard_hour: 15 USD per shard-hour is not a plausible price (kcost expects 1e-4 \
             to 1e0); check the price and its unit"
        );
        // A free item is a price, and so are the ends of the range.
        for usd in [0.0, 1e-4, 0.015, 1.0] {
            assert_eq!(PriceKey::KdsShardHour.check_plausible(usd), Ok(()), "{usd}");
        }
    }

    /// A book of `codes`, each with the deck's provisioned prices.
    fn book(codes: &[&str]) -> PriceBook {
        PriceBook {
            regions: codes
                .iter()
                .map(|c| {
                    (
                        c.to_string(),
                        testing::region(c, 0.015, 0.000000014, Confidence::Confirmed),
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn a_mistyped_region_is_suggested_only_when_one_is_that_close() {
        let b = book(&["eu-west-2", "us-east-1", "us-east-2", "us-west-1"]);
        let suggest = |typed: &str| b.suggest(typed);
        // Case and punctuation, a swapped, missing or extra letter.
        assert_eq!(suggest("US-EAST-1").as_deref(), Some("us-east-1"));
        assert_eq!(suggest("us_east_2").as_deref(), Some("us-east-2"));
        assert_eq!(suggest("us-eats-1").as_deref(), Some("us-east-1"));
        assert_eq!(suggest("us-eas-1").as_deref(), Some("us-east-1"));
        assert_eq!(suggest("useast11"), None);
        // Other digits are another region, not a typo; so is anything two letters off.
        assert_eq!(suggest("eu-west-1"), None);
        assert_eq!(suggest("us-east-3"), None);
        assert_eq!(suggest("ap-east-1"), None);
        assert_eq!(suggest(""), None);
        // One letter off two regions at once: no guess.
        assert_eq!(suggest("us-wast-1"), None);
        assert_eq!(
            b.region("us-eats-1").unwrap_err().to_string(),
            "unknown region 'us-eats-1'; did you mean us-east-1?"
        );
    }

    #[test]
    fn a_missing_price_names_the_regions_that_have_it() {
        let deck = testing::deck_book();
        let missing = || Error::MissingPrice {
            region: "us-east-2".into(),
            key: "kds_efo_consumer_shard_hour",
            item: "enhanced fan-out consumer-shard-hour",
            elsewhere: None,
        };
        assert_eq!(
            deck.locate(missing()).to_string(),
            "region us-east-2 has no price for enhanced fan-out consumer-shard-hour \
             (kds_efo_consumer_shard_hour), which this estimate needs; us-east-1 has it: give \
             the region one of them, or add a pricing table with the prices"
        );
        assert_eq!(
            format!("{}", PriceKey::KdsEfoConsumerShardHour),
            "kds_efo_consumer_shard_hour"
        );
    }

    #[test]
    fn an_unshared_copy_of_a_book_prices_the_same() {
        let deck = testing::deck_book();
        let copy = deck.unshared();
        assert_eq!(copy, deck);
        assert_eq!(
            copy.region("us-east-2")
                .unwrap()
                .get(PriceKey::KdsShardHour)
                .unwrap()
                .usd,
            0.015
        );
    }
}
