//! Consumers with their own bill, computed by hand: a Lambda function and a KCL application's
//! DynamoDB tables reading a stream.

use kcost_core::consumers::{
    self, App, Architecture, KclVersion, KclWorkload, LambdaWorkload, Reading, StreamShards,
};
use kcost_core::notes::{AroundAssumption, ConsumerAssumption};
use kcost_core::{render_steps, testing, Assumption, Options};

fn traced() -> Options {
    Options {
        trace: true,
        ..Options::default()
    }
}

fn cents(e: &consumers::ConsumerEstimate, item: &str) -> i64 {
    e.lines
        .iter()
        .find(|l| l.item == item)
        .unwrap_or_else(|| panic!("no {item} in {:?}", e.lines))
        .monthly_usd
        .cents()
}

fn reading(records_per_second: f64, shards: f64) -> Reading {
    Reading {
        records_per_second,
        shards: StreamShards::Known(shards),
    }
}

#[test]
fn a_lambda_function_on_a_thousand_records_a_second() {
    // Batch 100, 128 MB, 100 ms on 1,000 records/s (1 shard): 2,628,000,000 records a month in
    // 26,280,000 full batches (more than the 2,628,000 one-second windows): 26,280,000 x 0.0000002
    // = 5.26; 26,280,000 x 0.1 s x 0.125 GB = 328,500 GB-s x 0.0000166667 = 5.48.
    let w = LambdaWorkload::new(128, 100.0);
    let e = consumers::estimate(
        &App::Lambda(w),
        reading(1000.0, 1.0),
        Some("us-east-1"),
        &testing::deck_book(),
        traced(),
    )
    .unwrap();
    assert_eq!(e.lines[0].quantity, 26_280_000.0);
    assert_eq!(cents(&e, "lambda_requests"), 526);
    assert_eq!(e.lines[1].quantity, 328_500.0);
    assert_eq!(cents(&e, "lambda_duration"), 548);
    assert_eq!(e.monthly_usd.cents(), 1074);
    assert!(e.assumptions.contains(&Assumption::Consumer(
        ConsumerAssumption::LambdaInvocations { window_s: 1.0 }
    )));
    let steps = render_steps(&e.steps);
    assert!(
        steps.contains(
            "Max (26,280,000.00 invocations of full batches, 2,628,000.00 invocations at most one \
             per window) = 26,280,000.00 invocations"
        ),
        "{steps}"
    );
    // arm64: 328,500 x 0.0000133334 = 4.38.
    let arm = LambdaWorkload {
        architecture: Architecture::Arm64,
        ..w
    };
    let e = consumers::estimate(
        &App::Lambda(arm),
        reading(1000.0, 1.0),
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    assert_eq!(cents(&e, "lambda_duration"), 438);
}

#[test]
fn sparse_records_invoke_once_per_window_at_most() {
    // 1 record a second on 4 shards: batches never fill; each record is its own invocation
    // (2,628,000 a month, fewer than the 10,512,000 shard-seconds). With a 10 s window, one
    // invocation per shard per window: 4 x 262,800 = 1,051,200.
    let at = |window: f64| {
        let w = LambdaWorkload {
            batching_window_s: window,
            ..LambdaWorkload::new(128, 100.0)
        };
        let e = consumers::estimate(
            &App::Lambda(w),
            reading(1.0, 4.0),
            Some("us-east-1"),
            &testing::deck_book(),
            Options::default(),
        )
        .unwrap();
        e.lines[0].quantity
    };
    assert_eq!(at(0.0), 2_628_000.0);
    assert_eq!(at(10.0), 1_051_200.0);
}

#[test]
fn kcl_tables_for_a_four_shard_stream() {
    // KCL 3.x, 1 worker, a checkpoint a minute. Writes: 4 leases renewed every 3.308 s,
    // 3,177,750.91; 4 x 43,800 checkpoints, 175,200; 2 reporters (the worker and the leader)
    // every 30 s, 175,200: 3,528,150.91 x 0.000000625 = 2.21. Reads: 1 unit a scan (4 leases);
    // 131,400 leader scans + 263,458.65 worker queries = 394,858.65 x 0.000000125 = 0.05.
    let w = KclWorkload {
        version: KclVersion::V3,
        workers: 1,
        checkpoint_s: 60.0,
    };
    let e = consumers::estimate(
        &App::Kcl(w),
        reading(1000.0, 4.0),
        Some("us-east-1"),
        &testing::deck_book(),
        traced(),
    )
    .unwrap();
    assert_eq!(e.lines[0].quantity, 3_528_150.91);
    assert_eq!(cents(&e, "kcl_writes"), 221);
    assert_eq!(e.lines[1].quantity, 394_858.65);
    assert_eq!(cents(&e, "kcl_reads"), 5);
    assert_eq!(e.monthly_usd.cents(), 226);
    // KCL 2.x: no metrics or coordinator writes, 3,352,950.91 x 0.000000625 = 2.10; every
    // worker scans every 20.05 s, 131,072.32 x 0.000000125 = 0.02.
    let v2 = KclWorkload {
        version: KclVersion::V2,
        ..w
    };
    let e = consumers::estimate(
        &App::Kcl(v2),
        reading(1000.0, 4.0),
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    assert_eq!(cents(&e, "kcl_writes"), 210);
    assert_eq!(cents(&e, "kcl_reads"), 2);
}

#[test]
fn an_on_demand_stream_lends_its_estimated_shards() {
    // 1,000 records/s of 1 KB on demand: max(4, 2 x 1.00) = 4 shards, as its metrics would.
    let on_demand = Reading {
        records_per_second: 1000.0,
        shards: StreamShards::OnDemand {
            peak_records_per_second: 1000.0,
            size_kb: 1.0,
        },
    };
    let w = KclWorkload {
        version: KclVersion::V3,
        workers: 1,
        checkpoint_s: 60.0,
    };
    let e = consumers::estimate(
        &App::Kcl(w),
        on_demand,
        Some("us-east-1"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap();
    assert_eq!(cents(&e, "kcl_writes"), 221);
    assert!(e
        .assumptions
        .contains(&Assumption::Around(AroundAssumption::OnDemandShards {
            shards: 4
        })));
}

#[test]
fn limits_and_missing_prices_are_refused_with_their_words() {
    let book = testing::deck_book();
    let refused = |w: LambdaWorkload| {
        consumers::estimate(
            &App::Lambda(w),
            reading(1.0, 1.0),
            Some("us-east-1"),
            &book,
            Options::default(),
        )
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        refused(LambdaWorkload::new(64, 100.0)),
        "the memory (MB) '64' must be a whole number from 128 to 10240"
    );
    assert_eq!(
        refused(LambdaWorkload::new(128, 0.0)),
        "the duration (ms) '0' must be more than 0 and at most 900,000 (15 minutes)"
    );
    assert_eq!(
        "1".parse::<KclVersion>().unwrap_err().to_string(),
        "unknown KCL version '1'; use 2 or 3 (KCL 1.x creates its lease table with provisioned \
         capacity, which kcost does not price)"
    );
    // eu-central-1 in the test book has no Lambda price.
    let e = consumers::estimate(
        &App::Lambda(LambdaWorkload::new(128, 100.0)),
        reading(1.0, 1.0),
        Some("eu-central-1"),
        &book,
        Options::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("lambda_request"), "{e}");
}

#[test]
fn a_scenario_prices_each_consumer_as_its_own_component() {
    use kcost_core::scenario::{self, ComponentEstimate, Kind};
    let text = r#"
region = "us-east-1"
[streams.clicks]
records = 1000
size_kb = 1
[lambda.enrich]
stream = "clicks"
memory_mb = 128
duration_ms = 100
[kcl.audit]
stream = "clicks"
"#;
    let p = scenario::estimate(text, "t.toml", &testing::deck_book(), Options::default()).unwrap();
    let kinds: Vec<(Kind, &str)> = p
        .components
        .iter()
        .map(|c| (c.kind, c.name.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Stream, "clicks"),
            (Kind::Lambda, "enrich"),
            (Kind::Kcl, "audit")
        ]
    );
    // The stream gains a shared consumer (the function) and an enhanced fan-out one (the KCL's
    // default retrieval); it needs 1 shard.
    let ComponentEstimate::Stream(stream) = &p.components[0].estimate else {
        panic!("{:?}", p.components[0]);
    };
    assert_eq!(
        (stream.inputs.consumers, stream.inputs.efo_consumers),
        (1, 1)
    );
    assert_eq!(stream.shards.as_ref().unwrap().count, 1);
    assert_eq!(
        p.components[0].read_by,
        ["lambda.enrich".to_string(), "kcl.audit".to_string()]
    );
    // The function as computed by hand above: 10.74. The KCL 3.x tables on 1 shard:
    // 794,437.73 renewals + 43,800 checkpoints + 175,200 metrics and heartbeats = 1,013,437.73
    // x 0.000000625 = 0.63, and 394,858.65 read units x 0.000000125 = 0.05.
    assert_eq!(p.components[1].estimate.monthly_usd().cents(), 1074);
    assert_eq!(p.components[2].estimate.monthly_usd().cents(), 68);
    assert_eq!(
        p.monthly_usd.cents(),
        stream.monthly_usd.cents() + 1074 + 68
    );
    // The scenario written back reads the same.
    let s = scenario::parse(text, "t.toml").unwrap();
    let text = s.to_string();
    assert!(
        text.contains("[lambda.enrich]\nstream = \"clicks\"\nefo = false\n"),
        "{text}"
    );
    assert!(
        text.contains("[kcl.audit]\nstream = \"clicks\"\nefo = true\n"),
        "{text}"
    );
    let again = scenario::parse(&text, "again.toml").unwrap();
    assert_eq!(again.to_string(), text);
}

#[test]
fn scenario_consumers_are_located_when_refused() {
    use kcost_core::scenario;
    let bad = |table: &str| {
        let text = format!("[streams.s]\nrecords = 1\nsize_kb = 1\n{table}");
        scenario::estimate(&text, "t.toml", &testing::deck_book(), Options::default())
            .unwrap_err()
            .to_string()
    };
    let e = bad("[lambda.f]\nstream = \"nope\"\nmemory_mb = 128\nduration_ms = 10\n");
    assert!(
        e.contains("t.toml:5:") && e.contains("no stream 'nope'"),
        "{e}"
    );
    let e = bad("[lambda.f]\nstream = \"s\"\nmemory_mb = 64\nduration_ms = 10\n");
    assert!(
        e.contains("lambda.f") && e.contains("from 128 to 10240"),
        "{e}"
    );
    let e = bad("[kcl.k]\nstream = \"s\"\nversion = 1\n");
    assert!(
        e.contains("t.toml:6:") && e.contains("provisioned capacity"),
        "{e}"
    );
    let e = bad("[lambda.f]\nstream = \"s\"\nduration_ms = 10\n");
    assert!(e.contains("memory_mb"), "{e}");
}

proptest::proptest! {
    /// Lambda and KCL tables with any numbers: priced or refused, never a panic; when priced,
    /// a function is invoked at least once per full batch of the month's records and never more
    /// often than once per record.
    #[test]
    fn any_consumer_table_is_priced_or_refused(
        records in 0.0f64..1e6,
        memory in 0u32..20_000,
        duration in -10.0f64..1e6,
        batch in 0u32..20_000,
        window in -1.0f64..400.0,
        workers in 0u32..50,
        checkpoint in -1.0f64..1e4,
        version in 0u8..5,
    ) {
        use kcost_core::scenario::{self, ComponentEstimate};
        let text = format!(
            "region = \"us-east-1\"\n[streams.s]\nrecords = {records}\nsize_kb = 1\n\
             [lambda.f]\nstream = \"s\"\nmemory_mb = {memory}\nduration_ms = {duration}\n\
             batch_size = {batch}\nbatching_window_s = {window}\n\
             [kcl.k]\nstream = \"s\"\nversion = {version}\nworkers = {workers}\ncheckpoint_s = {checkpoint}\n"
        );
        if let Ok(p) = scenario::estimate(&text, "t.toml", &testing::deck_book(), Options::default()) {
            let month = records * 2_628_000.0;
            for c in &p.components {
                if let (ComponentEstimate::Consumer(e), "f") = (&c.estimate, c.name.as_str()) {
                    let invocations = e.lines[0].quantity;
                    proptest::prop_assert!(invocations + 1.0 >= month / f64::from(batch), "{}", text);
                    proptest::prop_assert!(invocations <= month.ceil() + 1.0, "{}", text);
                }
            }
        }
    }
}

#[test]
fn each_lambda_and_kcl_field_is_read_from_its_text_and_checked() {
    use kcost_core::Input;
    let mut f = LambdaWorkload::new(128, 100.0);
    f.set(Input::MemoryMb, "256").unwrap();
    f.set(Input::DurationMs, "120.5").unwrap();
    f.set(Input::BatchSize, "500").unwrap();
    f.set(Input::Architecture, "ARM").unwrap();
    f.set(Input::BatchingWindow, "2.5").unwrap();
    assert_eq!(
        f,
        LambdaWorkload {
            batch_size: 500,
            memory_mb: 256,
            duration_ms: 120.5,
            architecture: Architecture::Arm64,
            batching_window_s: 2.5,
        }
    );
    for (word, architecture) in [
        ("x86_64", Architecture::X86_64),
        ("x86", Architecture::X86_64),
        ("x86-64", Architecture::X86_64),
        ("arm64", Architecture::Arm64),
        ("arm", Architecture::Arm64),
    ] {
        assert_eq!(word.parse::<Architecture>(), Ok(architecture), "{word}");
    }
    // A value past a limit is refused by the field that set it, the function left checked.
    assert_eq!(
        f.set(Input::BatchSize, "10001").unwrap_err().to_string(),
        "the batch size '10001' must be a whole number from 1 to 10000"
    );
    assert!(f
        .set(Input::MemoryMb, "1.5")
        .unwrap_err()
        .to_string()
        .starts_with("the Lambda memory '1.5' is not a whole number"));

    let mut app = KclWorkload {
        version: KclVersion::V3,
        workers: 1,
        checkpoint_s: KclWorkload::DEFAULT_CHECKPOINT_S,
    };
    app.set(Input::KclVersion, "2.6").unwrap();
    app.set(Input::KclWorkers, "4").unwrap();
    app.set(Input::CheckpointS, "30").unwrap();
    assert_eq!(
        app,
        KclWorkload {
            version: KclVersion::V2,
            workers: 4,
            checkpoint_s: 30.0,
        }
    );
    assert_eq!("3".parse::<KclVersion>(), Ok(KclVersion::V3));
    assert_eq!(
        app.set(Input::KclWorkers, "0").unwrap_err().to_string(),
        "the KCL workers must be at least 1"
    );
}

#[test]
fn kcl_checkpoints_are_at_most_once_a_second() {
    let checked = |checkpoint_s| {
        KclWorkload {
            version: KclVersion::V3,
            workers: 1,
            checkpoint_s,
        }
        .check()
    };
    assert_eq!(checked(1.0), Ok(()));
    for bad in [0.5, 0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(
            checked(bad).unwrap_err().to_string(),
            format!("the checkpoint interval (s) '{bad}' must be at least 1 second"),
        );
    }
}

#[test]
fn a_kcl_application_in_a_region_without_dynamodb_prices_is_refused_before_any_step() {
    // eu-central-1 in the test book has no DynamoDB price.
    let app = App::Kcl(KclWorkload {
        version: KclVersion::V3,
        workers: 1,
        checkpoint_s: 60.0,
    });
    let err = consumers::estimate(
        &app,
        reading(1000.0, 4.0),
        Some("eu-central-1"),
        &testing::deck_book(),
        traced(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("dynamodb_write_request_unit"), "{err}");
}

#[test]
fn each_bill_of_its_own_ends_with_its_services_total() {
    use kcost_core::around::Resource;
    let book = testing::deck_book();
    let last =
        |e: consumers::ConsumerEstimate| render_steps(&e.steps).lines().last().unwrap().to_string();
    let lambda = consumers::estimate(
        &App::Lambda(LambdaWorkload::new(128, 100.0)),
        reading(1000.0, 1.0),
        Some("us-east-1"),
        &book,
        traced(),
    )
    .unwrap();
    assert_eq!(last(lambda), "Lambda cost (monthly): 10.74 USD");
    let kcl = consumers::estimate(
        &App::Kcl(KclWorkload {
            version: KclVersion::V3,
            workers: 1,
            checkpoint_s: 60.0,
        }),
        reading(1000.0, 4.0),
        Some("us-east-1"),
        &book,
        traced(),
    )
    .unwrap();
    assert!(
        last(kcl).starts_with("KCL DynamoDB tables cost (monthly): "),
        "the KCL application's total"
    );
    for (resource, total) in [
        (Resource::KmsKey, "KMS key cost (monthly): 1.00 USD"),
        (
            Resource::NatGateway,
            "NAT gateway cost (monthly): 32.85 USD",
        ),
        (
            Resource::Endpoint { azs: 2 },
            "VPC endpoint cost (monthly): 14.60 USD",
        ),
    ] {
        let e = consumers::around_resource(resource, Some("us-east-1"), &book, traced()).unwrap();
        assert_eq!(last(e), total, "{resource:?}");
    }
}
