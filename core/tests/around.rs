//! What a stream costs around itself, computed by hand: shard-level metrics, KMS, the network
//! path, and the subtotals that keep them apart from the stream's own lines.

// Cents are written as 102_90 so that they read as 102.90 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::around::{Around, Encryption, KmsKey, Network};
use kcost_core::notes::{AroundAssumption, AroundWarning};
use kcost_core::Input;
use kcost_core::{
    estimate, render_steps, testing, Assumption, Error, Estimate, InputError, Mode, Options,
    StreamWorkload, Warning,
};

fn workload(records: &str, size_kb: &str, consumers: u32, around: Around) -> StreamWorkload {
    StreamWorkload {
        consumers: Some(consumers),
        around,
        ..StreamWorkload::new(records.parse().unwrap(), size_kb.parse().unwrap())
    }
}

#[track_caller]
fn priced(w: &StreamWorkload, mode: Mode, region: &str) -> Estimate {
    let options = Options {
        trace: true,
        ..Options::default()
    };
    estimate(w, mode, Some(region), &testing::deck_book(), options).unwrap()
}

#[track_caller]
fn cents(e: &Estimate, item: &str) -> i64 {
    e.lines
        .iter()
        .find(|l| l.item == item)
        .unwrap_or_else(|| panic!("no line {item} in {:?}", e.lines))
        .monthly_usd
        .cents()
}

fn deck_with(around: Around) -> StreamWorkload {
    workload("100", "100", 10, around)
}

#[test]
fn the_deck_with_all_shard_level_metrics_in_ohio() {
    let e = priced(
        &deck_with(Around {
            shard_metrics: 7,
            ..Around::default()
        }),
        Mode::Provisioned,
        "us-east-2",
    );
    // 49 shards x 7 metrics = 343 metric-months x 0.30.
    let line = e.lines.iter().find(|l| l.item == "shard_metrics").unwrap();
    assert_eq!(line.quantity, 343.0);
    assert!(line.around);
    assert_eq!(cents(&e, "shard_metrics"), 102_90);
    let subtotals = e.subtotals.unwrap();
    assert_eq!(subtotals.stream_usd.cents(), 551_27);
    assert_eq!(subtotals.around_usd.cents(), 102_90);
    assert_eq!(e.monthly_usd.cents(), 654_17);
    assert!(e
        .assumptions
        .contains(&Assumption::Around(AroundAssumption::MetricTiersAlone)));
    let text = render_steps(&e.steps);
    assert!(
        text.contains("7 shard-level metrics x 49.00 shards = 343.00 metric-months"),
        "{text}"
    );
    assert!(text.contains("The stream (monthly): 551.27 USD"), "{text}");
    assert!(
        text.contains("Around the stream (monthly): 102.90 USD"),
        "{text}"
    );
    assert!(
        text.contains("551.27 USD + 102.90 USD = 654.17 USD"),
        "{text}"
    );
    // The JSON's inputs say what was asked for around the stream.
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["inputs"]["around"]["shard_metrics"], 7, "{json}");
}

#[test]
fn a_stream_with_nothing_around_it_has_no_subtotals() {
    let e = priced(
        &deck_with(Around::default()),
        Mode::Provisioned,
        "us-east-2",
    );
    assert_eq!(e.subtotals, None);
    assert!(e.lines.iter().all(|l| !l.around));
    assert_eq!(e.monthly_usd.cents(), 551_27);
    let json = serde_json::to_string(&e).unwrap();
    assert!(!json.contains("around"), "{json}");
}

#[test]
fn metrics_past_ten_thousand_are_priced_in_cloudwatch_tiers() {
    // 1,500 shards x 7 = 10,500 metric-months: 10,000 x 0.30 + 500 x 0.10 = 3,050.00.
    let w = StreamWorkload {
        shards: Some(1_500),
        ..workload(
            "100",
            "1",
            1,
            Around {
                shard_metrics: 7,
                ..Around::default()
            },
        )
    };
    let e = priced(&w, Mode::Provisioned, "us-east-1");
    assert_eq!(cents(&e, "shard_metrics"), 3_000_00);
    assert_eq!(cents(&e, "shard_metrics_tier2"), 50_00);
    assert_eq!(e.subtotals.unwrap().around_usd.cents(), 3_050_00);
}

#[test]
fn an_on_demand_stream_estimates_its_shards_and_says_so() {
    // 1,000 records/s of 1 KB: 0.98 MB/s and 1.00 shard of records; twice that is 2, below the
    // 4 shards a new on-demand stream starts with. 4 x 7 x 0.30 = 8.40.
    let e = priced(
        &workload(
            "1000",
            "1",
            1,
            Around {
                shard_metrics: 7,
                ..Around::default()
            },
        ),
        Mode::OnDemand,
        "us-east-1",
    );
    assert_eq!(cents(&e, "shard_metrics"), 8_40);
    assert!(e
        .assumptions
        .contains(&Assumption::Around(AroundAssumption::OnDemandShards {
            shards: 4
        })));
    // 10 MB/s at its peak needs 10 shards, 20 with on-demand's doubling: 20 x 3 x 0.30 = 18.00.
    let busy = StreamWorkload {
        peak_records: Some("10000".parse().unwrap()),
        ..workload(
            "1000",
            "1",
            1,
            Around {
                shard_metrics: 3,
                ..Around::default()
            },
        )
    };
    let e = priced(&busy, Mode::OnDemand, "us-east-1");
    assert_eq!(cents(&e, "shard_metrics"), 18_00);
}

#[test]
fn producers_through_a_nat_gateway_pay_per_gb_and_hear_what_an_endpoint_would_save() {
    // 1,000 records/s of 1 KB: 1,000 x 1 x 2,628,000 / 1,048,576 = 2,506.26 GB x 0.045.
    let e = priced(
        &workload(
            "1000",
            "1",
            1,
            Around {
                producers: Network::Nat,
                ..Around::default()
            },
        ),
        Mode::Provisioned,
        "us-east-1",
    );
    let line = e.lines.iter().find(|l| l.item == "nat_data").unwrap();
    assert_eq!(line.quantity, 2_506.26);
    assert_eq!(line.monthly_usd.cents(), 112_78);
    assert!(e.lines.iter().all(|l| l.item != "nat_hours"));
    assert!(e
        .assumptions
        .contains(&Assumption::Around(AroundAssumption::NatHoursElsewhere)));
    // An endpoint in 2 AZs: 1,460 AZ-hours x 0.01 + 2,506.26 GB x 0.01 = 14.60 + 25.06.
    let instead = e.warnings.iter().find_map(|w| match w {
        Warning::Around(AroundWarning::EndpointInstead {
            nat_usd,
            endpoint_usd,
            azs,
            ..
        }) => Some((nat_usd.cents(), endpoint_usd.cents(), *azs)),
        _ => None,
    });
    assert_eq!(instead, Some((112_78, 39_66, 2)));
    let said = e
        .warnings
        .iter()
        .find(|w| matches!(w, Warning::Around(AroundWarning::EndpointInstead { .. })))
        .unwrap()
        .to_string();
    assert!(said.contains("73.12 USD a month less"), "{said}");
}

#[test]
fn nat_gateway_hours_are_billed_when_their_count_is_given() {
    let e = priced(
        &workload(
            "1000",
            "1",
            2,
            Around {
                producers: Network::Nat,
                consumers: Network::Nat,
                nat_gateways: Some(3),
                ..Around::default()
            },
        ),
        Mode::Provisioned,
        "us-east-1",
    );
    // Written 2,506.26 GB and read twice, 5,012.52: 7,518.78 GB x 0.045 = 338.35.
    assert_eq!(cents(&e, "nat_data"), 338_35);
    // 3 x 730 = 2,190 gateway-hours x 0.045 = 98.55.
    assert_eq!(cents(&e, "nat_hours"), 98_55);
    let s = e.subtotals.unwrap();
    assert_eq!(s.around_usd.cents(), 338_35 + 98_55);
    assert_eq!(
        e.monthly_usd.cents(),
        s.stream_usd.cents() + s.around_usd.cents()
    );
}

#[test]
fn one_endpoint_serves_producers_and_consumers() {
    let e = priced(
        &workload(
            "1000",
            "1",
            2,
            Around {
                producers: Network::Endpoint,
                consumers: Network::Endpoint,
                endpoint_azs: Some(3),
                ..Around::default()
            },
        ),
        Mode::Provisioned,
        "us-east-1",
    );
    // 3 x 730 = 2,190 AZ-hours x 0.01 = 21.90; 7,518.78 GB x 0.01 = 75.19.
    assert_eq!(cents(&e, "endpoint_hours"), 21_90);
    assert_eq!(cents(&e, "endpoint_data"), 75_19);
    assert!(e
        .assumptions
        .contains(&Assumption::Around(AroundAssumption::Endpoint {
            azs: 3,
            default_azs: false
        })));
    assert!(!e
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::Around(AroundWarning::EndpointInstead { .. }))));
}

#[test]
fn kms_requests_are_awss_approximation_and_a_customer_key_adds_its_month() {
    let kms = |key| Around {
        encryption: Encryption::Kms,
        kms_key: key,
        ..Around::default()
    };
    // 12 calls every 5 minutes x 8,760 periods = 105,120 requests x 0.000003 = 0.31536.
    let e = priced(&deck_with(kms(KmsKey::Aws)), Mode::Provisioned, "us-east-2");
    let requests = e.lines.iter().find(|l| l.item == "kms_requests").unwrap();
    assert_eq!(requests.quantity, 105_120.0);
    assert_eq!(requests.monthly_usd.cents(), 32);
    assert!(e.lines.iter().all(|l| l.item != "kms_key"));
    let said = e
        .assumptions
        .iter()
        .find(|a| matches!(a, Assumption::Around(AroundAssumption::KmsRequests { .. })))
        .unwrap()
        .to_string();
    assert!(said.contains("lower bound"), "{said}");
    assert!(said.contains("no monthly fee"), "{said}");
    let e = priced(
        &deck_with(kms(KmsKey::Customer)),
        Mode::Provisioned,
        "us-east-2",
    );
    assert_eq!(cents(&e, "kms_key"), 1_00);
    assert_eq!(e.subtotals.unwrap().around_usd.cents(), 132); // 1.32 USD
}

/// Each credential producers and consumers use calls KMS on its own (the Kinesis Developer Guide,
/// "Costs, Regions, and performance considerations"): four of them make four times AWS's
/// approximation, said in the steps and in the note; without KMS the count is refused.
#[test]
fn each_kms_credential_adds_its_own_requests() {
    let around = Around {
        encryption: Encryption::Kms,
        kms_credentials: Some(4),
        ..Around::default()
    };
    // 12 calls every 5 minutes x 8,760 periods x 4 credentials = 420,480 requests x 0.000003
    // = 1.26144 USD.
    let e = priced(&deck_with(around), Mode::Provisioned, "us-east-2");
    let requests = e.lines.iter().find(|l| l.item == "kms_requests").unwrap();
    assert_eq!(requests.quantity, 420_480.0);
    assert_eq!(requests.monthly_usd.cents(), 1_26);
    let steps = kcost_core::render_steps(&e.steps);
    assert!(steps.contains("4 credentials calling KMS"), "{steps}");
    let said = e
        .assumptions
        .iter()
        .find(|a| matches!(a, Assumption::Around(AroundAssumption::KmsRequests { .. })))
        .unwrap()
        .to_string();
    assert!(said.contains("for each of 4 credentials"), "{said}");
    // Given as text, as every face gives it; refused without KMS.
    let mut w = deck_with(Around::default());
    w.set(Input::KmsCredentials, "4").unwrap();
    assert_eq!(w.around.kms_credentials, Some(4));
    assert!(w.set(Input::KmsCredentials, "0").is_err());
    let refused = estimate(
        &w,
        Mode::Provisioned,
        Some("us-east-2"),
        &testing::deck_book(),
        Options::default(),
    );
    assert!(
        matches!(
            refused,
            Err(Error::Input(InputError::Needs {
                input: Input::KmsCredentials,
                ..
            }))
        ),
        "{refused:?}"
    );
}

#[test]
fn inputs_that_need_another_are_refused_with_the_one_they_need() {
    let refused = |around: Around| {
        let w = deck_with(around);
        estimate(
            &w,
            Mode::Provisioned,
            Some("us-east-2"),
            &testing::deck_book(),
            Options::default(),
        )
        .unwrap_err()
    };
    let e = refused(Around {
        kms_key: KmsKey::Customer,
        ..Around::default()
    });
    assert!(matches!(e, Error::Input(InputError::Needs { .. })), "{e:?}");
    assert_eq!(
        e.to_string(),
        "the KMS key applies only with kms as the encryption; give that too, or drop it"
    );
    let e = refused(Around {
        nat_gateways: Some(2),
        ..Around::default()
    });
    assert_eq!(
        e.to_string(),
        "the NAT gateways applies only with nat as the producer network or nat as the consumer network; give that too, or drop it"
    );
}

#[test]
fn a_region_without_these_prices_says_so_only_when_they_are_asked_for() {
    // eu-central-1 in the test book has no CloudWatch price.
    let plain = priced(
        &deck_with(Around::default()),
        Mode::Provisioned,
        "eu-central-1",
    );
    assert_eq!(plain.monthly_usd.cents(), 662_26);
    let w = deck_with(Around {
        shard_metrics: 7,
        ..Around::default()
    });
    let e = estimate(
        &w,
        Mode::Provisioned,
        Some("eu-central-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(text.contains("cloudwatch_metric_month_tier1"), "{text}");
    assert!(text.contains("us-east-1"), "{text}");
}

#[test]
fn what_is_given_reads_back_as_the_same() {
    let around = Around {
        shard_metrics: 3,
        encryption: Encryption::Kms,
        kms_key: KmsKey::Customer,
        producers: Network::Nat,
        consumers: Network::Endpoint,
        nat_gateways: Some(2),
        endpoint_azs: Some(3),
        ..Around::default()
    };
    let mut back = Around::default();
    for (input, text) in around.given() {
        back.set(input, &text).unwrap();
    }
    assert_eq!(back, around);
    assert!(Around::default().given().is_empty());
    // In a scenario file, under the inputs' keys, and written back by the scenario's text.
    let file = r#"
[streams.s]
records = 1000
size_kb = 1
shard_metrics = "all"
encryption = "kms"
kms_key = "customer"
producer_network = "nat"
consumer_network = "endpoint"
nat_gateways = 2
endpoint_azs = 3
"#;
    let scenario = kcost_core::scenario::parse(file, "t.toml").unwrap();
    let text = scenario.to_string();
    for line in [
        "shard_metrics = \"all\"",
        "producer_network = \"nat\"",
        "nat_gateways = 2",
    ] {
        assert!(text.contains(line), "{text}");
    }
    let again = kcost_core::scenario::parse(&text, "again.toml").unwrap();
    assert_eq!(again.to_string(), text);
}

#[test]
fn the_choices_parse_in_any_case_and_refuse_the_rest() {
    use kcost_core::around::{parse_shard_metrics, Network};
    assert_eq!(parse_shard_metrics("ALL"), Ok(7));
    assert_eq!(parse_shard_metrics("none"), Ok(0));
    assert_eq!(parse_shard_metrics(" 3 "), Ok(3));
    for bad in ["8", "-1", "some", ""] {
        assert!(parse_shard_metrics(bad).is_err(), "{bad}");
    }
    assert_eq!(Network::parse("producer network", "NAT"), Ok(Network::Nat));
    assert_eq!(
        Network::parse("producer network", "vpn")
            .unwrap_err()
            .to_string(),
        "unknown producer network 'vpn'; use public, nat or endpoint"
    );
    assert_eq!("Customer".parse::<KmsKey>(), Ok(KmsKey::Customer));
    assert!("sse".parse::<Encryption>().is_err());
    // Every word each choice takes, as the help lists them.
    for (words, network) in [
        (&["public", "internet"][..], Network::Public),
        (&["nat", "nat-gateway"], Network::Nat),
        (
            &["endpoint", "vpc-endpoint", "privatelink"],
            Network::Endpoint,
        ),
    ] {
        for word in words {
            assert_eq!(
                Network::parse("consumer network", word),
                Ok(network),
                "{word}"
            );
        }
    }
    for (word, encryption) in [
        ("none", Encryption::None),
        ("off", Encryption::None),
        ("kms", Encryption::Kms),
    ] {
        assert_eq!(word.parse::<Encryption>(), Ok(encryption), "{word}");
    }
    for (word, key) in [
        ("aws", KmsKey::Aws),
        ("aws-managed", KmsKey::Aws),
        ("customer", KmsKey::Customer),
        ("customer-managed", KmsKey::Customer),
        ("cmk", KmsKey::Customer),
    ] {
        assert_eq!(word.parse::<KmsKey>(), Ok(key), "{word}");
    }
}

#[test]
fn readers_in_other_regions_pay_transfer_out_of_the_streams_region() {
    use kcost_core::scenario::{self, ComponentEstimate};
    // 1,000 records/s of 1 KB in us-east-2: 2,506.26 GB a month. A Lambda function in us-east-1
    // (the US East pair: 0.01) and two analytics applications in eu-west-2 (0.02 each).
    let text = r#"
region = "us-east-2"
[streams.s]
records = 1000
size_kb = 1
[lambda.f]
stream = "s"
memory_mb = 128
duration_ms = 10
region = "us-east-1"
[analytics.a]
stream = "s"
apps = 2
kpus = 1
region = "eu-west-2"
"#;
    let p = scenario::estimate(text, "t.toml", &testing::deck_book(), Options::default()).unwrap();
    let ComponentEstimate::Stream(stream) = &p.components[0].estimate else {
        panic!("{:?}", p.components[0]);
    };
    // 2 x 2,506.26 = 5,012.52 GB x 0.02 = 100.25; 2,506.26 GB x 0.01 = 25.06.
    let out = stream
        .lines
        .iter()
        .find(|l| l.item == "transfer_out")
        .unwrap();
    assert_eq!((out.quantity, out.monthly_usd.cents()), (5_012.52, 100_25));
    let pair = stream
        .lines
        .iter()
        .find(|l| l.item == "transfer_us_east")
        .unwrap();
    assert_eq!((pair.quantity, pair.monthly_usd.cents()), (2_506.26, 25_06));
    assert_eq!(stream.subtotals.unwrap().around_usd.cents(), 125_31);
    assert!(stream.assumptions.contains(&Assumption::Around(
        AroundAssumption::CrossRegionReaders { readers: 3 }
    )));
    // A reader beside the stream pays none.
    let near = "region = \"us-east-2\"\n[streams.s]\nrecords = 1000\nsize_kb = 1\n\
                [lambda.f]\nstream = \"s\"\nmemory_mb = 128\nduration_ms = 10\n";
    let p = scenario::estimate(near, "t.toml", &testing::deck_book(), Options::default()).unwrap();
    let ComponentEstimate::Stream(stream) = &p.components[0].estimate else {
        panic!("{:?}", p.components[0]);
    };
    assert_eq!(stream.subtotals, None);
}

#[test]
fn readers_of_either_kind_alone_pay_their_transfer() {
    use kcost_core::around::RemoteReaders;
    // 1,000 records/s of 1 KB in us-east-2: 2,506.26 GB a month, read by one reader elsewhere.
    let read_by = |other: u32, us_east: u32| {
        let around = Around {
            remote_readers: RemoteReaders { other, us_east },
            ..Around::default()
        };
        priced(
            &workload("1000", "1", 1, around),
            Mode::Provisioned,
            "us-east-2",
        )
    };
    // One reader outside the US East pair: 2,506.26 GB x 0.02 = 50.13.
    let e = read_by(1, 0);
    assert_eq!(cents(&e, "transfer_out"), 50_13);
    assert_eq!(e.subtotals.unwrap().around_usd.cents(), 50_13);
    // One reader in us-east-1: 2,506.26 GB x 0.01 = 25.06.
    let e = read_by(0, 1);
    assert_eq!(cents(&e, "transfer_us_east"), 25_06);
    assert_eq!(e.subtotals.unwrap().around_usd.cents(), 25_06);
    // None: nothing around the stream.
    assert_eq!(read_by(0, 0).subtotals, None);
}

#[test]
fn counts_around_a_stream_are_read_within_their_range() {
    use kcost_core::around::parse_count_in;
    assert_eq!(parse_count_in("endpoint AZs", " 6 ", (1, 6)), Ok(6));
    assert_eq!(parse_count_in("endpoint AZs", "1", (1, 6)), Ok(1));
    for bad in ["0", "7", "-1", "two", ""] {
        let err = parse_count_in("endpoint AZs", bad, (1, 6)).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("the endpoint AZs '{bad}' must be a whole number from 1 to 6"),
        );
    }
}

#[test]
fn consumers_alone_through_an_endpoint_pay_for_what_they_read() {
    let around = Around {
        consumers: Network::Endpoint,
        ..Around::default()
    };
    let e = priced(
        &workload("1000", "1", 2, around),
        Mode::Provisioned,
        "us-east-1",
    );
    // The 2 AZs assumed: 2 x 730 = 1,460 AZ-hours x 0.01 = 14.60. The two consumers read
    // 2 x 2,506.26 = 5,012.52 GB x 0.01 = 50.13; the producers' writes do not pass through it.
    assert_eq!(cents(&e, "endpoint_hours"), 14_60);
    assert_eq!(cents(&e, "endpoint_data"), 50_13);
    assert_eq!(e.subtotals.unwrap().around_usd.cents(), 14_60 + 50_13);
}

#[test]
fn consumers_all_run_by_aws_send_nothing_through_the_consumers_endpoint() {
    let through_endpoint = |consumers: u32, managed_readers: u32| {
        let around = Around {
            consumers: Network::Endpoint,
            managed_readers,
            ..Around::default()
        };
        priced(
            &workload("1000", "1", consumers, around),
            Mode::Provisioned,
            "us-east-1",
        )
    };
    let managed = |e: &Estimate| {
        e.assumptions
            .iter()
            .filter(|a| {
                matches!(
                    a,
                    Assumption::Around(AroundAssumption::ManagedReaders { .. })
                )
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    // The one consumer is a reader AWS runs: nothing passes through the endpoint, so it is not
    // priced at all.
    let e = through_endpoint(1, 1);
    assert_eq!(
        managed(&e),
        [Assumption::Around(AroundAssumption::ManagedReaders {
            readers: 1
        })]
    );
    assert!(e.lines.iter().all(|l| !l.around), "{:?}", e.lines);
    assert_eq!(e.subtotals, None);
    // Two consumers, none run by AWS: both read through it (14.60 + 5,012.52 GB x 0.01 =
    // 50.13), and there is no reader of AWS's to speak of.
    let e = through_endpoint(2, 0);
    assert_eq!(e.subtotals.unwrap().around_usd.cents(), 14_60 + 50_13);
    assert_eq!(managed(&e), []);
}

#[test]
fn the_endpoint_suggestion_names_the_sides_that_use_the_nat_gateway() {
    let through_nat = |producers: Network, consumers: Network| {
        let around = Around {
            producers,
            consumers,
            ..Around::default()
        };
        let e = priced(
            &workload("1000", "1", 1, around),
            Mode::Provisioned,
            "us-east-1",
        );
        e.warnings
            .iter()
            .find_map(|w| match w {
                Warning::Around(AroundWarning::EndpointInstead { sides, .. }) => {
                    Some((*sides, w.to_string()))
                }
                _ => None,
            })
            .unwrap()
    };
    let (sides, said) = through_nat(Network::Nat, Network::Public);
    assert_eq!(sides, (true, false));
    assert!(said.contains("producer network"), "{said}");
    assert!(!said.contains("consumer network"), "{said}");
    let (sides, said) = through_nat(Network::Public, Network::Nat);
    assert_eq!(sides, (false, true));
    assert!(said.contains("consumer network"), "{said}");
    assert!(!said.contains("producer network"), "{said}");
}

#[test]
fn a_scheduled_streams_shard_metrics_follow_its_average_shards() {
    // The deck's stream at half its rate for 12 hours and one and a half times it for 12, on a
    // schedule: 37 + 10 x 25 + 37 + 12 x 74 = 1,212 shard-hours a day (core/tests/modes.rs),
    // 1,212 / 24 = 50.5 shards on average: 7 metrics x 50.5 = 353.5 metric-months x 0.30
    // = 106.05.
    let mut weights = [0.5; 24];
    weights[12..].fill(1.5);
    let w = StreamWorkload {
        profile: Some(kcost_core::Profile::from_weights(&weights).unwrap()),
        scaling: kcost_core::Scaling::Scheduled,
        ..deck_with(Around {
            shard_metrics: 7,
            ..Around::default()
        })
    };
    let e = priced(&w, Mode::Provisioned, "us-east-2");
    let line = e.lines.iter().find(|l| l.item == "shard_metrics").unwrap();
    assert_eq!((line.quantity, line.monthly_usd.cents()), (353.5, 106_05));
}
