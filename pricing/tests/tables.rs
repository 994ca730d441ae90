//! The embedded tables parse, are complete and honest, and a user's table is checked with line and
//! column.

use std::collections::BTreeSet;

use kcost_core::analytics::{self, AnalyticsWorkload, AppSize, Engine};
use kcost_core::firehose::{self, FirehoseWorkload};
use kcost_core::{
    provisioned, Confidence, Line, Mode, Options, PriceBook, PriceKey, StreamWorkload, Warning,
};
use kcost_pricing::{parse, Catalog, PricingError, EMBEDDED};

#[test]
fn every_table_file_is_embedded_once_sorted_and_named_after_its_region() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tables");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let embedded: Vec<String> = EMBEDDED.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(embedded, on_disk, "EMBEDDED must list every table, sorted");

    for (name, text) in EMBEDDED {
        let regions = parse(text, name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(regions.len(), 1, "{name}: one region per embedded table");
        assert_eq!(format!("{}.toml", regions[0].prices.code), *name);
        assert!(
            regions[0].named,
            "{name}: an embedded table names its region"
        );
    }
}

/// The families of prices, the keys without which a family prices nothing, and an estimate that
/// uses every key of the family (the keys it used, and its lines and warnings).
type Uses = Vec<(PriceKey, Confidence, bool)>;
type Run = fn(&PriceBook, &str) -> Uses;
type Family<'a> = (&'a str, &'a [&'a str], &'a dyn Fn(&PriceBook, &str) -> Uses);

fn used(lines: &[Line], warnings: &[Warning]) -> Vec<(PriceKey, Confidence, bool)> {
    lines
        .iter()
        .map(|l| {
            let warned = warnings.iter().any(|w| {
                w.to_string()
                    .contains(&format!("price for {} (", l.price.key.item()))
            });
            (l.price.key, l.price.confidence, warned)
        })
        .collect()
}

fn stream_run(mode: Mode) -> impl Fn(&PriceBook, &str) -> Vec<(PriceKey, Confidence, bool)> {
    move |book, code| {
        // Each feature whose prices the region has: fan-out, 30 days' retention, old reads.
        let has = |k| book.region(code).unwrap().prices.contains_key(&k);
        let (efo, retention, reads) = match mode {
            Mode::Provisioned => (
                PriceKey::KdsEfoConsumerShardHour,
                PriceKey::KdsLongTermRetentionGbMonth,
                has(PriceKey::KdsLongTermRetrievalGb),
            ),
            Mode::OnDemand => (
                PriceKey::KdsOnDemandEfoDataOutGb,
                PriceKey::KdsOnDemandLongTermRetentionGbMonth,
                false,
            ),
            Mode::Advantage => (
                PriceKey::KdsAdvantageEfoDataOutGb,
                PriceKey::KdsAdvantageRetentionGbMonth,
                false,
            ),
        };
        let w = StreamWorkload {
            // Advantage's shared data-out price is only used with a shared consumer.
            consumers: Some(u32::from(mode != Mode::Provisioned)),
            efo_consumers: if has(efo) { 2 } else { 0 },
            retention: if has(retention) { "30d" } else { "24h" }.parse().unwrap(),
            long_term_reads_gb: if reads { 10.0 } else { 0.0 },
            ..StreamWorkload::new("100".parse().unwrap(), "100".parse().unwrap())
        };
        let e = kcost_core::estimate(&w, mode, Some(code), book, Options::default())
            .unwrap_or_else(|err| panic!("{code} {}: {err}", mode.name()));
        used(&e.lines, &e.warnings)
    }
}

fn analytics_run(book: &PriceBook, code: &str) -> Vec<(PriceKey, Confidence, bool)> {
    let w = AnalyticsWorkload {
        backup_gb: 10.0,
        ..AnalyticsWorkload::new(Engine::Flink, 2, AppSize::Kpus(2))
    };
    let e = analytics::estimate(&w, Some(code), book, Options::default())
        .unwrap_or_else(|err| panic!("{code}: {err}"));
    used(&e.lines, &e.warnings)
}

fn firehose_run(book: &PriceBook, code: &str) -> Vec<(PriceKey, Confidence, bool)> {
    let has = |k| book.region(code).unwrap().prices.contains_key(&k);
    let w = FirehoseWorkload {
        format_conversion: has(PriceKey::FirehoseFormatConversionGb),
        dynamic_partitioning: has(PriceKey::FirehoseDynamicPartitioningGb),
        jq_hours: 10.0,
        vpc_subnets: if has(PriceKey::FirehoseVpcGb) { 2 } else { 0 },
        // Enough records to reach the third tier: 3,000,000 GB a month.
        ..FirehoseWorkload::new("240000".parse().unwrap(), "5".parse().unwrap())
    };
    let e = firehose::estimate(&w, Some(code), book, Options::default())
        .unwrap_or_else(|err| panic!("{code}: {err}"));
    used(&e.lines, &e.warnings)
}

#[test]
fn every_region_prices_every_line_it_claims() {
    let catalog = Catalog::embedded();
    let book = catalog.book();
    let codes: BTreeSet<&str> = book.regions.keys().map(String::as_str).collect();
    for required in ["us-east-1", "us-east-2", "eu-central-1", "eu-west-2"] {
        assert!(codes.contains(required), "{required} missing");
    }
    let provisioned = stream_run(Mode::Provisioned);
    let on_demand = stream_run(Mode::OnDemand);
    let advantage = stream_run(Mode::Advantage);
    let families: [Family<'_>; 5] = [
        ("kds_", &["kds_on_demand_", "kds_advantage_"], &provisioned),
        ("kds_on_demand_", &[], &on_demand),
        ("kds_advantage_", &[], &advantage),
        ("kda_", &[], &(analytics_run as Run)),
        (
            "firehose_",
            &["firehose_msk_", "firehose_vended_"],
            &(firehose_run as Run),
        ),
    ];
    for code in codes {
        let region = book.region(code).unwrap();
        let mut priced_something = false;
        for (prefix, not, run) in &families {
            let claimed: BTreeSet<PriceKey> = region
                .prices
                .keys()
                .copied()
                .filter(|k| {
                    k.key().starts_with(prefix) && !not.iter().any(|n| k.key().starts_with(n))
                })
                .collect();
            if claimed.is_empty() {
                continue;
            }
            priced_something = true;
            let lines = run(book, code);
            let used: BTreeSet<PriceKey> = lines.iter().map(|(k, _, _)| *k).collect();
            assert_eq!(
                used, claimed,
                "{code}: the {prefix}* prices it has are the ones its estimate uses"
            );
            // Every price is either confirmed or says so in a warning.
            for (key, confidence, warned) in lines {
                assert_eq!(confidence != Confidence::Confirmed, warned, "{code} {key}");
            }
        }
        assert!(priced_something, "{code} prices nothing");
    }
}

#[test]
fn prices_and_tags_follow_the_facts() {
    let catalog = Catalog::embedded();
    let book = catalog.book();
    let check = |region: &str, key: PriceKey, usd: f64, confidence: Confidence| {
        let price = book.region(region).unwrap().get(key).unwrap();
        assert_eq!(
            (price.usd, price.confidence),
            (usd, confidence),
            "{region} {key}"
        );
    };
    for region in ["us-east-1", "us-east-2"] {
        check(region, PriceKey::KdsShardHour, 0.015, Confidence::Confirmed);
        check(
            region,
            PriceKey::KdsPutPayloadUnit,
            1.4e-8,
            Confidence::Confirmed,
        );
        check(
            region,
            PriceKey::KdsExtendedRetentionShardHour,
            0.020,
            Confidence::Confirmed,
        );
        check(
            region,
            PriceKey::KdsLongTermRetentionGbMonth,
            0.023,
            Confidence::Confirmed,
        );
        check(
            region,
            PriceKey::KdsLongTermRetrievalGb,
            0.021,
            Confidence::Confirmed,
        );
        check(
            region,
            PriceKey::KdsEfoConsumerShardHour,
            0.015,
            Confidence::Confirmed,
        );
        check(
            region,
            PriceKey::KdsEfoRetrievalGb,
            0.013,
            Confidence::Confirmed,
        );
    }
    check(
        "eu-central-1",
        PriceKey::KdsShardHour,
        0.018,
        Confidence::Derived,
    );
    check(
        "eu-central-1",
        PriceKey::KdsPutPayloadUnit,
        1.75e-8,
        Confidence::Derived,
    );
    check(
        "us-west-2",
        PriceKey::KdsShardHour,
        0.015,
        Confidence::Secondary,
    );
    check(
        "ap-northeast-1",
        PriceKey::KdsShardHour,
        0.0195,
        Confidence::Secondary,
    );
    check(
        "ap-northeast-1",
        PriceKey::KdsPutPayloadUnit,
        2.15e-8,
        Confidence::Secondary,
    );
}

#[test]
fn the_deck_totals_come_out_of_the_embedded_tables() {
    let catalog = Catalog::embedded();
    let workload = StreamWorkload {
        consumers: Some(10),
        ..StreamWorkload::new("100".parse().unwrap(), "100".parse().unwrap())
    };
    let total = |region| {
        provisioned::estimate(&workload, Some(region), catalog.book(), Options::default())
            .unwrap()
            .monthly_usd
            .to_string()
    };
    assert_eq!(total("us-east-2"), "551.27");
    assert_eq!(total("eu-central-1"), "662.26");
}

#[test]
fn the_deck_with_two_enhanced_fan_out_consumers_in_ohio() {
    let catalog = Catalog::embedded();
    let workload = StreamWorkload {
        consumers: Some(10),
        efo_consumers: 2,
        ..StreamWorkload::new("100".parse().unwrap(), "100".parse().unwrap())
    };
    let e = provisioned::estimate(
        &workload,
        Some("us-east-2"),
        catalog.book(),
        Options::default(),
    )
    .unwrap();
    let line = |item: &str| {
        let l = e.lines.iter().find(|l| l.item == item).unwrap();
        (l.quantity, l.monthly_usd.to_string())
    };
    // The deck's 49 shards: 49 x 730 = 35,770 shard-hours x 0.015 = 536.55; PUT 14.72.
    assert_eq!(e.shards.as_ref().unwrap().count, 49);
    // 2 EFO consumers x 49 shards x 730 h = 71,540 x 0.015 = 1,073.10.
    assert_eq!(
        line("efo_consumer_shard_hours"),
        (71_540.0, "1073.10".into())
    );
    // 100/s x 2,628,000 = 262,800,000 records a month; 100 KB / 1024 = 0.09765625 MB / 1024 =
    // 0.00009537 GB per record; x 2 consumers = 50,126.472 -> 50,126.47 GB x 0.013 = 651.644
    // -> 651.64. (From the 2-decimal 9.77 MB/s it would be 50,147.46 GB, 651.92.)
    assert_eq!(line("efo_data_retrievals"), (50_126.47, "651.64".into()));
    // 536.55 + 14.72 + 1,073.10 + 651.64.
    assert_eq!(e.monthly_usd.to_string(), "2276.01");
}

const OVERRIDE: &str = r#"
[[region]]
code = "us-east-2"

[region.prices.kds_shard_hour]
usd = 0.0135
unit = "shard-hour"
source = "negotiated"
as_of = "2026-01-15"
confidence = "confirmed"

[[region]]
code = "eu-west-9"
name = "Test West"

[region.prices.kds_shard_hour]
usd = 0.02
unit = "shard-hour"
source = "test"
as_of = "2026-01"
confidence = "secondary"
"#;

#[test]
fn a_user_table_overrides_price_by_price_and_adds_regions() {
    let mut catalog = Catalog::embedded();
    catalog.overlay(OVERRIDE, "mine.toml").unwrap();
    let ohio = catalog.book().region("us-east-2").unwrap();
    assert_eq!(
        &*ohio.name, "US East (Ohio)",
        "an unnamed override keeps the name"
    );
    assert_eq!(ohio.get(PriceKey::KdsShardHour).unwrap().usd, 0.0135);
    assert_eq!(
        &*ohio.get(PriceKey::KdsShardHour).unwrap().source,
        "negotiated"
    );
    assert_eq!(
        ohio.get(PriceKey::KdsPutPayloadUnit).unwrap().usd,
        1.4e-8,
        "others stay"
    );
    assert_eq!(
        catalog.origins("us-east-2"),
        ["embedded:us-east-2.toml", "mine.toml"]
    );
    let added = catalog.book().region("eu-west-9").unwrap();
    assert_eq!(&*added.name, "Test West");
    // The new region lacks a PUT price: an estimate there says which price is missing.
    let workload = StreamWorkload {
        consumers: None,
        ..StreamWorkload::new("1".parse().unwrap(), "1".parse().unwrap())
    };
    let err = provisioned::estimate(
        &workload,
        Some("eu-west-9"),
        catalog.book(),
        Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "region eu-west-9 has no price for Data Streams provisioned PUT payload unit \
         (kds_put_payload_unit), which this estimate needs; ap-northeast-1, eu-central-1, us-east-1, \
         us-east-2, us-west-2 have it: give the region one of them, or add a pricing table with the \
         prices"
    );
}

#[track_caller]
fn error(text: &str) -> String {
    let err = parse(text, "t.toml").unwrap_err();
    match &err {
        PricingError::Syntax { .. } | PricingError::Invalid { .. } => err.to_string(),
    }
}

const ONE_PRICE: &str = "[[region]]\ncode = \"us-east-2\"\n[region.prices.kds_shard_hour]\n";

#[test]
fn bad_tables_are_located_by_line_and_column() {
    assert!(
        error("[[region]\ncode = 1").starts_with("t.toml:1:"),
        "{}",
        error("[[region]\ncode = 1")
    );
    let unknown = error("[[region]]\ncode = \"us-east-2\"\ncolour = \"red\"\n");
    assert!(
        unknown.starts_with("t.toml:3:1: unknown field `colour`"),
        "{unknown}"
    );
    let bad_key =
        error("[[region]]\ncode = \"us-east-2\"\n[region.prices.kds_shard_hr]\nusd = 1\n");
    assert!(bad_key.starts_with("t.toml:3:"), "{bad_key}");
    assert!(
        bad_key.contains("kds_shard_hour"),
        "lists the known keys: {bad_key}"
    );

    let price = |body: &str| error(&format!("{ONE_PRICE}{body}"));
    let fields = "source = \"s\"\nas_of = \"2026-01\"\nconfidence = \"confirmed\"\n";
    let wrong_unit = price(&format!("usd = 0.014\nunit = \"million units\"\n{fields}"));
    assert!(
        wrong_unit.starts_with("t.toml:5:8: kds_shard_hour: the unit 'million units'"),
        "{wrong_unit}"
    );
    let negative = price(&format!("usd = -1\nunit = \"shard-hour\"\n{fields}"));
    assert!(negative.starts_with("t.toml:4:7:"), "{negative}");
    assert!(negative.contains("0 or more"), "{negative}");
    let nan = price(&format!("usd = nan\nunit = \"shard-hour\"\n{fields}"));
    assert!(nan.contains("finite"), "{nan}");
    let date = price("usd = 1\nunit = \"shard-hour\"\nsource = \"s\"\nas_of = \"soon\"\nconfidence = \"confirmed\"\n");
    assert!(
        date.starts_with("t.toml:7:9:") && date.contains("YYYY-MM"),
        "{date}"
    );
    let confidence = price("usd = 1\nunit = \"shard-hour\"\nsource = \"s\"\nas_of = \"2026-01\"\nconfidence = \"sure\"\n");
    assert!(confidence.contains("confirmed"), "{confidence}");
    let missing = price("usd = 1\n");
    assert!(missing.contains("missing field"), "{missing}");

    let twice = error("[[region]]\ncode = \"us-east-2\"\n[[region]]\ncode = \"us-east-2\"\n");
    assert!(
        twice.starts_with("t.toml:4:8: region us-east-2 is given twice"),
        "{twice}"
    );
    let code = error("[[region]]\ncode = \"Ohio\"\n");
    assert!(code.contains("not an AWS region code"), "{code}");
    let dup_key = error("[[region]]\ncode = \"us-east-2\"\ncode = \"us-east-1\"\n");
    assert!(dup_key.starts_with("t.toml:3:"), "{dup_key}");
}

#[test]
fn a_price_that_cannot_be_one_for_its_unit_is_refused() {
    let fields = "source = \"s\"\nas_of = \"2026-01\"\nconfidence = \"confirmed\"\n";
    let put = |usd: &str| {
        format!(
            "[[region]]\ncode = \"us-east-2\"\n[region.prices.kds_put_payload_unit]\nusd = {usd}\nunit = \"PUT payload unit (25 KB)\"\n{fields}"
        )
    };
    // The deck's workload would cost 20.6 million USD a month at the per-million figure.
    assert_eq!(
        error(&put("0.0196")),
        "t.toml:4:7: kds_put_payload_unit: 0.0196 USD per PUT payload unit (25 KB) is not a \
         plausible price (kcost expects 1e-10 to 1e-6); it looks like a price per million units: \
         give the price per unit, usd = 1.96e-8"
    );
    assert!(parse(&put("0.0000000196"), "t.toml").is_ok());
    assert!(parse(&put("0"), "t.toml").is_ok(), "a free item is a price");
    let shard = format!(
        "[[region]]\ncode = \"us-east-2\"\n[region.prices.kds_shard_hour]\nusd = 15\nunit = \"shard-hour\"\n{fields}"
    );
    let wrong = error(&shard);
    assert!(
        wrong.starts_with("t.toml:4:7: kds_shard_hour: 15 USD per shard-hour is not a plausible")
            && wrong.ends_with("check the price and its unit"),
        "{wrong}"
    );
    // Every built-in price is in its range.
    for region in Catalog::embedded().book().regions.values() {
        for (key, price) in &region.prices {
            assert!(
                key.check_plausible(price.usd).is_ok(),
                "{} {key}",
                region.code
            );
        }
    }
}

#[test]
fn a_failed_overlay_leaves_the_catalog_unchanged() {
    let mut catalog = Catalog::embedded();
    let before = catalog.clone();
    let broken = format!("{OVERRIDE}\n[[region]]\ncode = \"bad\"\n");
    assert!(catalog.overlay(&broken, "broken.toml").is_err());
    assert_eq!(catalog, before);
}
