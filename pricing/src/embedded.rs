//! The embedded price tables (`tables/*.toml`), as Rust: written by
//! `UPDATE_EMBEDDED=1 cargo test -p kcost-pricing --test embedded` from the tables
//! through the same parser and checks as a user's table. Do not edit by hand; the test
//! fails while this file differs from what the tables give.

use std::collections::BTreeMap;

use kcost_core::{Confidence, Price, PriceKey, RegionPrices};

use crate::table::RegionTable;

fn price(usd: f64, source: &str, as_of: &str, confidence: Confidence) -> Price {
    Price {
        usd,
        source: source.into(),
        as_of: as_of.into(),
        confidence,
    }
}

/// Each embedded table's file name and its one region.
pub(crate) fn tables() -> Vec<(&'static str, RegionTable)> {
    vec![
        (
            "ap-northeast-1.toml",
            RegionTable {
                named: true,
                prices: RegionPrices {
                    code: "ap-northeast-1".into(),
                    name: "Asia Pacific (Tokyo)".into(),
                    discount_bp: None,
                    prices: BTreeMap::from([
                        (
                            PriceKey::KdsShardHour,
                            price(
                                0.0195,
                                "third-party source only (kinesis-facts.md section 3)",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::KdsPutPayloadUnit,
                            price(
                                2.15e-8,
                                "third-party source only (kinesis-facts.md section 3)",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                    ]),
                },
            },
        ),
        (
            "eu-central-1.toml",
            RegionTable {
                named: true,
                prices: RegionPrices {
                    code: "eu-central-1".into(),
                    name: "Europe (Frankfurt)".into(),
                    discount_bp: None,
                    prices: BTreeMap::from([
                        (
                            PriceKey::KdsShardHour,
                            price(
                                0.018,
                                "derived from the seed deck's Frankfurt total, 662.26 USD/month (April 2021)",
                                "2021-04",
                                Confidence::Derived,
                            ),
                        ),
                        (
                            PriceKey::KdsPutPayloadUnit,
                            price(
                                1.75e-8,
                                "derived from the seed deck's Frankfurt total, 662.26 USD/month (April 2021)",
                                "2021-04",
                                Confidence::Derived,
                            ),
                        ),
                    ]),
                },
            },
        ),
        (
            "eu-west-2.toml",
            RegionTable {
                named: true,
                prices: RegionPrices {
                    code: "eu-west-2".into(),
                    name: "Europe (London)".into(),
                    discount_bp: None,
                    prices: BTreeMap::from([
                        (
                            PriceKey::KdaKpuHour,
                            price(
                                0.127,
                                "AWS Managed Service for Apache Flink pricing page; the seed deck's 193.14 USD for ten SQL applications reproduces it",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdaRunningStorageGbMonth,
                            price(
                                0.116,
                                "AWS Managed Service for Apache Flink pricing page (running application storage)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdaBackupGbMonth,
                            price(
                                0.024,
                                "AWS Managed Service for Apache Flink pricing page (durable application backups)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::FirehoseIngestTier1Gb,
                            price(
                                0.035,
                                "AWS Data Firehose pricing page (first 500 TB a month; each record rounded up to 5 KB)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::FirehoseIngestTier2Gb,
                            price(
                                0.03,
                                "AWS Data Firehose pricing page (next 1.5 PB a month)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::FirehoseIngestTier3Gb,
                            price(
                                0.024,
                                "AWS Data Firehose pricing page (beyond 2 PB a month)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::FirehoseFormatConversionGb,
                            price(
                                0.021,
                                "AWS Data Firehose pricing page (format conversion)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::FirehoseVpcGb,
                            price(
                                0.01,
                                "AWS Data Firehose pricing page (VPC delivery)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::FirehoseVpcAzHour,
                            price(
                                0.011,
                                "AWS Data Firehose pricing page (VPC delivery)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                    ]),
                },
            },
        ),
        (
            "us-east-1.toml",
            RegionTable {
                named: true,
                prices: RegionPrices {
                    code: "us-east-1".into(),
                    name: "US East (N. Virginia)".into(),
                    discount_bp: None,
                    prices: BTreeMap::from([
                        (
                            PriceKey::KdsShardHour,
                            price(
                                0.015,
                                "AWS Kinesis Data Streams pricing page, provisioned mode; AWS Pricing Calculator capture (477.42 USD)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsPutPayloadUnit,
                            price(
                                1.4e-8,
                                "AWS Kinesis Data Streams pricing page, provisioned mode; AWS Pricing Calculator capture (477.42 USD)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsExtendedRetentionShardHour,
                            price(
                                0.02,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsLongTermRetentionGbMonth,
                            price(
                                0.023,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsLongTermRetrievalGb,
                            price(
                                0.021,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsEfoConsumerShardHour,
                            price(
                                0.015,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsEfoRetrievalGb,
                            price(
                                0.013,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandStreamHour,
                            price(
                                0.04,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandDataInGb,
                            price(
                                0.08,
                                "AWS Kinesis Data Streams pricing page, on-demand mode (each record metered rounded up to the next 1 KB)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandDataOutGb,
                            price(
                                0.04,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandEfoDataOutGb,
                            price(
                                0.05,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandExtendedRetentionGbMonth,
                            price(
                                0.1,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandLongTermRetentionGbMonth,
                            price(
                                0.023,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsAdvantageDataInGb,
                            price(
                                0.032,
                                "AWS Kinesis Data Streams pricing page, on-demand Advantage",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsAdvantageDataOutGb,
                            price(
                                0.016,
                                "third-party source only (kinesis-facts.md section 3); not read in an AWS document",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::KdsAdvantageEfoDataOutGb,
                            price(
                                0.016,
                                "AWS Kinesis Data Streams pricing page, on-demand Advantage",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsAdvantageRetentionGbMonth,
                            price(
                                0.023,
                                "AWS Kinesis Data Streams pricing page, on-demand Advantage (beyond 24 hours, up to 365 days)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdaKpuHour,
                            price(
                                0.11,
                                "AWS Managed Service for Apache Flink pricing page",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdaRunningStorageGbMonth,
                            price(
                                0.1,
                                "AWS Managed Service for Apache Flink pricing page (running application storage)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdaBackupGbMonth,
                            price(
                                0.023,
                                "AWS Managed Service for Apache Flink pricing page (durable application backups)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                    ]),
                },
            },
        ),
        (
            "us-east-2.toml",
            RegionTable {
                named: true,
                prices: RegionPrices {
                    code: "us-east-2".into(),
                    name: "US East (Ohio)".into(),
                    discount_bp: None,
                    prices: BTreeMap::from([
                        (
                            PriceKey::KdsShardHour,
                            price(
                                0.015,
                                "AWS Kinesis Data Streams pricing page, provisioned mode; the seed deck's Ohio total 551.27 USD (April 2021) reproduces it",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsPutPayloadUnit,
                            price(
                                1.4e-8,
                                "AWS Kinesis Data Streams pricing page, provisioned mode; the seed deck's Ohio total 551.27 USD (April 2021) reproduces it",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsExtendedRetentionShardHour,
                            price(
                                0.02,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsLongTermRetentionGbMonth,
                            price(
                                0.023,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsLongTermRetrievalGb,
                            price(
                                0.021,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsEfoConsumerShardHour,
                            price(
                                0.015,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsEfoRetrievalGb,
                            price(
                                0.013,
                                "AWS Kinesis Data Streams pricing page, provisioned mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandStreamHour,
                            price(
                                0.04,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandDataInGb,
                            price(
                                0.08,
                                "AWS Kinesis Data Streams pricing page, on-demand mode (each record metered rounded up to the next 1 KB)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandDataOutGb,
                            price(
                                0.04,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandEfoDataOutGb,
                            price(
                                0.05,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandExtendedRetentionGbMonth,
                            price(
                                0.1,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::KdsOnDemandLongTermRetentionGbMonth,
                            price(
                                0.023,
                                "AWS Kinesis Data Streams pricing page, on-demand mode",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::FirehoseIngestTier1Gb,
                            price(
                                0.029,
                                "AWS Data Firehose pricing page (first 500 TB a month; each record rounded up to 5 KB)",
                                "2025-11",
                                Confidence::Confirmed,
                            ),
                        ),
                        (
                            PriceKey::FirehoseIngestTier2Gb,
                            price(
                                0.025,
                                "secondary: an AWS Pricing Calculator module's notes (next 1.5 PB a month)",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::FirehoseIngestTier3Gb,
                            price(
                                0.02,
                                "secondary: an AWS Pricing Calculator module's notes (beyond 2 PB a month)",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::FirehoseFormatConversionGb,
                            price(
                                0.018,
                                "secondary: an AWS Pricing Calculator module's notes",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::FirehoseDynamicPartitioningGb,
                            price(
                                0.02,
                                "secondary: an AWS Pricing Calculator module's notes",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::FirehoseS3ObjectsThousand,
                            price(
                                0.005,
                                "secondary: an AWS Pricing Calculator module's notes",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::FirehoseJqHour,
                            price(
                                0.07,
                                "secondary: an AWS Pricing Calculator module's notes",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::FirehoseVpcGb,
                            price(
                                0.01,
                                "secondary: an AWS Pricing Calculator module's notes",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::FirehoseVpcAzHour,
                            price(
                                0.01,
                                "secondary: an AWS Pricing Calculator module's notes",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                    ]),
                },
            },
        ),
        (
            "us-west-2.toml",
            RegionTable {
                named: true,
                prices: RegionPrices {
                    code: "us-west-2".into(),
                    name: "US West (Oregon)".into(),
                    discount_bp: None,
                    prices: BTreeMap::from([
                        (
                            PriceKey::KdsShardHour,
                            price(
                                0.015,
                                "third-party source only: same as us-east-1 (kinesis-facts.md section 3)",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                        (
                            PriceKey::KdsPutPayloadUnit,
                            price(
                                1.4e-8,
                                "third-party source only: same as us-east-1 (kinesis-facts.md section 3)",
                                "2025-11",
                                Confidence::Secondary,
                            ),
                        ),
                    ]),
                },
            },
        ),
    ]
}
