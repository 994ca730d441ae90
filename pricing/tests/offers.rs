//! Importing AWS Price List offer files (fixtures in the real layout, written for these tests).

use std::fs::File;
use std::path::PathBuf;

use kcost_core::{provisioned, Confidence, Options, PriceKey, StreamWorkload};
use kcost_pricing::offer::{import, to_toml, Imported, OfferError};
use kcost_pricing::Catalog;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/offers")
        .join(name)
}

fn load(name: &str) -> Imported {
    import(File::open(fixture(name)).unwrap(), name, &[]).unwrap()
}

#[test]
fn each_fixture_imports_to_the_expected_tables() {
    for name in [
        "AmazonKinesis.json",
        "AmazonKinesisFirehose.json",
        "AmazonKinesisAnalytics.json",
    ] {
        let imported = load(name);
        assert_eq!(imported.published, "2025-11-20");
        for region in &imported.regions {
            insta::assert_snapshot!(
                format!("{}_{}", name.trim_end_matches(".json"), region.code),
                to_toml(region)
            );
            // Every table kcost writes reads back.
            kcost_pricing::parse(&to_toml(region), "imported").unwrap();
        }
    }
}

#[test]
fn rows_are_matched_on_family_usage_type_operation_and_group() {
    let kinesis = load("AmazonKinesis.json");
    let region = |code: &str| kinesis.regions.iter().find(|r| &*r.code == code).unwrap();
    let price = |code: &str, key| region(code).prices.get(&key).map(|p| p.usd);
    // us-east-1's Kinesis rows have no prefix; us-east-2's are USE2-.
    assert_eq!(price("us-east-1", PriceKey::KdsShardHour), Some(0.015));
    assert_eq!(
        price("us-east-2", PriceKey::KdsShardHour),
        Some(0.015),
        "the EUC1- row in us-east-2 is skipped"
    );
    // ReadBytes counts only with the EnhancedFanoutDataRetrieval operation.
    assert_eq!(price("us-east-2", PriceKey::KdsEfoRetrievalGb), Some(0.013));
    // The Advantage group's rows fill the Advantage keys, in us-east-1 only, and not the Standard ones.
    assert_eq!(
        price("us-east-1", PriceKey::KdsAdvantageDataInGb),
        Some(0.032)
    );
    assert_eq!(
        price("us-east-1", PriceKey::KdsOnDemandDataInGb),
        Some(0.08)
    );
    assert_eq!(price("us-east-2", PriceKey::KdsAdvantageDataInGb), None);
    // The Firehose row in the Kinesis offer is not a Kinesis price.
    assert!(region("us-east-2")
        .prices
        .keys()
        .all(|k| k.key().starts_with("kds_")));
    // eu-west-1's EU- shard-hour row is read; its missing PUT row is reported by name.
    assert_eq!(price("eu-west-1", PriceKey::KdsShardHour), Some(0.015));
    let missing: Vec<String> = kinesis
        .missing
        .iter()
        .filter(|m| m.region == "eu-west-1")
        .map(|m| m.usage_type.clone())
        .collect();
    assert!(
        missing.contains(&"EU-PutRequestPayloadUnits".to_string()),
        "{missing:?}"
    );
    assert!(
        kinesis
            .missing
            .iter()
            .all(|m| m.region != "us-east-1" || m.key == PriceKey::KdsAdvantageDataOutGb),
        "{:?}",
        kinesis.missing
    );

    // Firehose: the tiers keep their ranges; S3 objects are priced per 1,000.
    let firehose = load("AmazonKinesisFirehose.json");
    let ohio = firehose
        .regions
        .iter()
        .find(|r| &*r.code == "us-east-2")
        .unwrap();
    let usd = |key| ohio.prices[&key].usd;
    assert_eq!(
        (
            usd(PriceKey::FirehoseIngestTier1Gb),
            usd(PriceKey::FirehoseIngestTier2Gb),
            usd(PriceKey::FirehoseIngestTier3Gb)
        ),
        (0.029, 0.025, 0.02)
    );
    assert_eq!(usd(PriceKey::FirehoseS3ObjectsThousand), 0.005);
    assert!(ohio
        .prices
        .values()
        .all(|p| p.source.contains("usage type USE2-")));
}

#[test]
fn only_the_regions_asked_for() {
    let only = vec!["us-east-2".to_string()];
    let imported = import(
        File::open(fixture("AmazonKinesis.json")).unwrap(),
        "k",
        &only,
    )
    .unwrap();
    let codes: Vec<&str> = imported.regions.iter().map(|r| &*r.code).collect();
    assert_eq!(codes, ["us-east-2"]);
}

/// Found by the `offer_json` fuzz target: a row whose regionCode is not a region code (here
/// `us=east-1`) was imported into a table that kcost then refused to read. Such rows are skipped
/// now, and every table written from an offer reads back.
#[test]
fn a_row_with_a_malformed_region_code_is_skipped_and_what_is_written_reads_back() {
    let text = std::fs::read_to_string(fixture("AmazonKinesisAnalytics.json")).unwrap();
    let broken = text.replacen(
        r#""regionCode": "us-east-1""#,
        r#""regionCode": "us=east-1""#,
        1,
    );
    assert_ne!(broken, text, "the fixture has a us-east-1 row to break");
    let imported = import(broken.as_bytes(), "broken.json", &[]).unwrap();
    let codes: Vec<&str> = imported.regions.iter().map(|r| &*r.code).collect();
    assert!(!codes.contains(&"us=east-1"), "{codes:?}");
    assert!(
        codes.contains(&"us-east-1"),
        "the other us-east-1 rows stay: {codes:?}"
    );
    for name in [
        "AmazonKinesis.json",
        "AmazonKinesisAnalytics.json",
        "AmazonKinesisFirehose.json",
    ] {
        for region in load(name).regions.iter().chain(&imported.regions) {
            let written = to_toml(region);
            let read = kcost_pricing::parse(&written, "written.toml").unwrap();
            assert_eq!(read.len(), 1, "{written}");
        }
    }
}

/// Also found by the `offer_json` target: a publication date the tables cannot read (it becomes
/// every price's as-of date), and prices that are not prices.
#[test]
fn a_bad_publication_date_is_refused_and_a_bad_price_is_reported_missing() {
    let text = std::fs::read_to_string(fixture("AmazonKinesisAnalytics.json")).unwrap();
    let dated = text.replace("2025-11-20T19:00:00Z", "2021-0125-");
    assert_ne!(dated, text);
    let error = import(dated.as_bytes(), "dated.json", &[]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "dated.json: not an AWS Price List offer file: publicationDate '2021-0125-' is not a date (YYYY-MM-DD...)"
    );
    // 110 USD a KPU-hour is no KPU price (a thousand times one): a unit mistake, reported missing.
    for bad in ["NaN", "-0.11", "1e400", "110"] {
        let priced = text.replacen("0.1100000000", bad, 1);
        assert_ne!(priced, text);
        let imported = import(priced.as_bytes(), "priced.json", &[]).unwrap();
        let us_east_1 = imported
            .regions
            .iter()
            .find(|r| &*r.code == "us-east-1")
            .unwrap();
        assert!(
            !us_east_1.prices.contains_key(&PriceKey::KdaKpuHour),
            "{bad}"
        );
        assert!(
            imported
                .missing
                .iter()
                .any(|m| m.region == "us-east-1" && m.key == PriceKey::KdaKpuHour),
            "{bad}: {:?}",
            imported.missing
        );
        for region in &imported.regions {
            kcost_pricing::parse(&to_toml(region), "written.toml").unwrap();
        }
    }
}

#[test]
fn bad_files_say_what_is_wrong() {
    match import(
        File::open(fixture("AmazonS3.json")).unwrap(),
        "AmazonS3.json",
        &[],
    ) {
        Err(e @ OfferError::Service { .. }) => assert!(e
            .to_string()
            .contains("'AmazonS3' is not one kcost imports")),
        other => panic!("{other:?}"),
    }
    match import(&b"{\"offerCode\": "[..], "broken.json", &[]) {
        Err(e @ OfferError::Malformed { .. }) => assert!(
            e.to_string()
                .starts_with("broken.json: not an AWS Price List offer file"),
            "{e}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        import(&b"[1, 2]"[..], "list.json", &[]),
        Err(OfferError::Malformed { .. })
    ));
}

#[test]
fn the_embedded_confirmed_prices_agree_with_the_fixtures() {
    let embedded = Catalog::embedded();
    for name in [
        "AmazonKinesis.json",
        "AmazonKinesisFirehose.json",
        "AmazonKinesisAnalytics.json",
    ] {
        for region in load(name).regions {
            let Ok(ours) = embedded.book().region(&region.code) else {
                continue;
            };
            for (key, price) in &region.prices {
                if let Some(mine) = ours.prices.get(key) {
                    if mine.confidence == Confidence::Confirmed {
                        assert_eq!(mine.usd, price.usd, "{} {key}", region.code);
                    }
                }
            }
        }
    }
}

#[test]
fn estimates_with_imported_prices_match_the_deck() {
    let mut catalog = Catalog::default();
    for region in load("AmazonKinesis.json").regions {
        catalog.overlay(&to_toml(&region), "imported").unwrap();
    }
    let w = StreamWorkload {
        consumers: Some(10),
        ..StreamWorkload::new("100".parse().unwrap(), "100".parse().unwrap())
    };
    let e =
        provisioned::estimate(&w, Some("us-east-2"), catalog.book(), Options::default()).unwrap();
    // 49 x 730 x 0.015 = 536.55; 1,051,200,000 x 0.000000014 = 14.72.
    assert_eq!(e.monthly_usd.to_string(), "551.27");
    assert!(e.lines[0]
        .price
        .source
        .starts_with("AWS Price List AmazonKinesis offer, version 20251120190000"));
    assert_eq!(&*e.lines[0].price.as_of, "2025-11-20");
}

/// The offers that carry what is around a stream and the consumers' prices, in their per-region
/// files' shape: each price kcost uses is found by its usage type (KMS's with the region's own
/// code), tiers by their lower bound, and the neighbours that look alike (a regional NAT gateway,
/// a Gateway Load Balancer endpoint, provisioned Lambda, Standard-IA tables, asymmetric KMS
/// requests) are left alone.
#[test]
fn the_offers_around_a_stream_import_to_the_prices_the_tables_hold() {
    use PriceKey::*;
    let want: &[(&str, &[(PriceKey, f64)])] = &[
        (
            "AmazonCloudWatch.json",
            &[
                (CloudwatchMetricTier1, 0.30),
                (CloudwatchMetricTier2, 0.10),
                (CloudwatchMetricTier3, 0.05),
                (CloudwatchMetricTier4, 0.02),
            ],
        ),
        ("awskms.json", &[(KmsKeyMonth, 1.0), (KmsRequest, 0.000003)]),
        (
            "AmazonEC2.json",
            &[(NatGatewayHour, 0.045), (NatGatewayGb, 0.045)],
        ),
        (
            "AmazonVPC.json",
            &[(VpcEndpointAzHour, 0.01), (VpcEndpointGb, 0.01)],
        ),
        (
            "AWSLambda.json",
            &[
                (LambdaRequest, 0.0000002),
                (LambdaGbSecondX86, 0.0000166667),
                (LambdaGbSecondArm, 0.0000133334),
            ],
        ),
        (
            "AmazonDynamoDB.json",
            &[
                (DynamodbWriteRequestUnit, 0.000000625),
                (DynamodbReadRequestUnit, 0.000000125),
            ],
        ),
    ];
    let tables = Catalog::embedded();
    let ohio = tables.book().region("us-east-2").unwrap();
    for (name, prices) in want {
        let imported = load(name);
        assert_eq!(imported.published, "2026-08-31", "{name}");
        assert_eq!(imported.missing, [], "{name}");
        assert_eq!(imported.regions.len(), 1, "{name}");
        let region = &imported.regions[0];
        assert_eq!(
            (&*region.code, &*region.name),
            ("us-east-2", "US East (Ohio)")
        );
        let got: Vec<(PriceKey, f64)> = region.prices.iter().map(|(k, p)| (*k, p.usd)).collect();
        assert_eq!(got, *prices, "{name}");
        for (key, p) in &region.prices {
            assert_eq!(p.confidence, Confidence::Confirmed, "{name} {key}");
            assert!(p.source.contains("AWS Price List"), "{}", p.source);
            // Where the embedded table has the price, the offer agrees.
            if let Ok(table) = ohio.get(*key) {
                assert_eq!(table.usd, p.usd, "{name} {key}");
            }
        }
        // What is written reads back.
        kcost_pricing::parse(&to_toml(region), "imported").unwrap();
    }
}

#[test]
fn a_region_with_some_of_an_offers_prices_names_the_rest_missing() {
    // The Lambda file without its arm64 row: the region has Lambda prices, so arm64 is missing,
    // named by its usage type.
    let text = std::fs::read_to_string(fixture("AWSLambda.json")).unwrap();
    let mut offer: serde_json::Value = serde_json::from_str(&text).unwrap();
    let products = offer["products"].as_object_mut().unwrap();
    products.retain(|_, p| p["attributes"]["usagetype"] != "USE2-Lambda-GB-Second-ARM");
    let imported = import(offer.to_string().as_bytes(), "lambda.json", &[]).unwrap();
    let missing: Vec<(&str, &str)> = imported
        .missing
        .iter()
        .map(|m| (m.region.as_str(), m.usage_type.as_str()))
        .collect();
    assert_eq!(missing, [("us-east-2", "USE2-Lambda-GB-Second-ARM")]);
}
