//! Scenario wiring and the pipeline's totals.

// Cents are written as 877_19 so that they read as 877.19 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::scenario::{self, ComponentEstimate, PipelineEstimate};
use kcost_core::{testing, Options};
use proptest::prelude::*;

fn run(text: &str) -> PipelineEstimate {
    scenario::estimate(text, "test.toml", &testing::deck_book(), Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn stream(p: &PipelineEstimate, name: &str) -> kcost_core::Estimate {
    p.components
        .iter()
        .find_map(|c| match &c.estimate {
            ComponentEstimate::Stream(e) if c.name == name => Some((**e).clone()),
            _ => None,
        })
        .unwrap()
}

const CLICKS: &str =
    "region = \"us-east-1\"\n[streams.clicks]\nrecords = \"1000/s\"\nsize_kb = 1\nconsumers = 1\n";

#[test]
fn a_firehose_reading_a_stream_raises_its_egress_need() {
    let alone = stream(&run(CLICKS), "clicks");
    let hose = format!("{CLICKS}[firehose.archive]\nstream = \"clicks\"\nregion = \"eu-west-2\"\n");
    let fed = run(&hose);
    let with = stream(&fed, "clicks");
    // 0.98 MB/s x 1 consumer / 2 = 0.49 shards; with the Firehose, x 2 / 2 = 0.98.
    assert_eq!(alone.shards.as_ref().unwrap().egress, 0.49);
    assert_eq!(with.shards.as_ref().unwrap().egress, 0.98);
    assert_eq!(with.inputs.consumers, 2);
    // The Firehose took the stream's traffic: 1 KB bills as 5 KB, 1,000 records/s.
    let ComponentEstimate::Firehose(f) = &fed.components[1].estimate else {
        panic!()
    };
    assert_eq!(f.inputs.records_per_second, 1000.0);
    assert_eq!(f.inputs.billed_kb_per_record, 5.0);
    assert_eq!(f.inputs.source, kcost_core::firehose::Source::KinesisStream);
}

#[test]
fn analytics_apps_count_one_consumer_each_and_efo_goes_to_fan_out() {
    let text = format!(
        "{CLICKS}[analytics.a]\nstream = \"clicks\"\napps = 3\nkpus = 1\n[analytics.b]\nstream = \"clicks\"\nefo = true\nkpus = 1\n"
    );
    let s = stream(&run(&text), "clicks");
    assert_eq!((s.inputs.consumers, s.inputs.efo_consumers), (4, 1));
}

#[test]
fn a_stream_written_by_an_app_takes_the_upstream_traffic() {
    let text = format!(
        "{CLICKS}[streams.enriched]\nsize_kb = 2\n[analytics.enrich]\nstream = \"clicks\"\noutput = \"enriched\"\nkpus = 1\n"
    );
    let s = stream(&run(&text), "enriched");
    assert_eq!(s.inputs.records_per_second, 1000.0, "borrowed from clicks");
    assert_eq!(s.inputs.size_kb, 2.0, "its own size stays");
}

#[test]
fn the_total_is_the_sum_of_the_components() {
    let p = run(include_str!("../../examples/clickstream-pipeline.toml")
        .replace("us-east-2", "eu-west-2")
        .as_str());
    let sum: i64 = p
        .components
        .iter()
        .map(|c| c.estimate.monthly_usd().cents())
        .sum();
    assert_eq!(p.monthly_usd.cents(), sum);
    assert_eq!(p.components.len(), 7);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Adding a component, wired to the stream or not, never lowers the total, and the total is
    /// always the sum of the components.
    #[test]
    fn adding_a_component_never_lowers_the_total(
        records in 1u32..20_000, size in 1u32..200, consumers in 0u32..5,
        apps in 1u32..5, kpus in 1u32..8, reads in any::<bool>(), efo in any::<bool>(),
        hose_reads in any::<bool>(), hose_kb in 1u32..100,
    ) {
        let base = format!(
            "region = \"us-east-1\"\n[streams.s]\nrecords = {records}\nsize_kb = {size}\nconsumers = {consumers}\n"
        );
        let wire = if reads { "stream = \"s\"\n" } else { "" };
        let with_app = format!("{base}[analytics.a]\n{wire}efo = {efo}\napps = {apps}\nkpus = {kpus}\n");
        let hose = if hose_reads {
            "[firehose.f]\nstream = \"s\"\nregion = \"eu-west-2\"\n".to_string()
        } else {
            format!("[firehose.f]\nrecords = {records}\nsize_kb = {hose_kb}\nregion = \"eu-west-2\"\n")
        };
        let with_hose = format!("{with_app}{hose}");
        let totals: Vec<PipelineEstimate> = [base, with_app, with_hose].iter().map(|t| run(t)).collect();
        for p in &totals {
            let sum: i64 = p.components.iter().map(|c| c.estimate.monthly_usd().cents()).sum();
            prop_assert_eq!(p.monthly_usd.cents(), sum);
        }
        prop_assert!(totals[0].monthly_usd <= totals[1].monthly_usd);
        prop_assert!(totals[1].monthly_usd <= totals[2].monthly_usd);
    }
}

/// Every input the core declares is a key of its table in a scenario file, under the declared
/// key: a file with the key set to the declared example is never refused for an unknown key.
#[test]
fn every_declared_input_is_a_scenario_key() {
    use kcost_core::{Input, Scope};
    let value = |example: &str| {
        if example == "on" {
            "true".to_string()
        } else if example.parse::<f64>().is_ok() {
            example.to_string()
        } else {
            format!("\"{example}\"")
        }
    };
    for &input in Input::ALL {
        let spec = input.spec();
        let line = format!("{} = {}\n", spec.key, value(spec.example));
        let texts = match spec.scope {
            // Rounding and discount are the file's; a region may be the file's or a component's.
            Scope::Every if spec.key != "region" => {
                vec![format!("{line}[streams.s]\nrecords = 1\nsize_kb = 1\n")]
            }
            Scope::Every => vec![
                format!("{line}[streams.s]\nrecords = 1\nsize_kb = 1\n"),
                format!("[streams.s]\nrecords = 1\nsize_kb = 1\n{line}"),
            ],
            Scope::Stream => vec![format!("[streams.s]\nrecords = 1\nsize_kb = 1\n{line}")],
            Scope::Analytics => vec![format!("[analytics.a]\n{line}")],
            Scope::Firehose => vec![format!("[firehose.f]\nregion = \"eu-west-2\"\n{line}")],
            Scope::Lambda => vec![format!(
                "[streams.s]\nrecords = 1\nsize_kb = 1\n[lambda.l]\nstream = \"s\"\nmemory_mb = 128\nduration_ms = 100\n{line}"
            )
            .replace("memory_mb = 128\nduration_ms = 100\nmemory_mb", "duration_ms = 100\nmemory_mb")
            .replace("duration_ms = 100\nduration_ms", "duration_ms")],
            Scope::Kcl => vec![format!(
                "[streams.s]\nrecords = 1\nsize_kb = 1\n[kcl.k]\nstream = \"s\"\n{line}"
            )],
        };
        for text in texts {
            if let Err(e) =
                scenario::estimate(&text, "t.toml", &testing::deck_book(), Options::default())
            {
                let message = e.to_string();
                assert!(
                    !message.contains("unknown field") && !message.contains("invalid type"),
                    "{input:?}: {message}\n{text}"
                );
            }
        }
    }
}

/// A scenario written back as a file parses to the same scenario and prices the same: the page
/// saves what it built in code this way.
#[test]
fn a_scenario_written_as_a_file_reads_back_the_same() {
    let strip = |mut s: scenario::Scenario| {
        // Where things are written differs; what they are must not.
        s.rounding = s.rounding.map(|(r, _)| (r, 0..0));
        for spec in s.streams.values_mut() {
            spec.at = 0..0;
        }
        for spec in s.analytics.values_mut() {
            spec.at = 0..0;
            for r in [&mut spec.reads, &mut spec.writes].into_iter().flatten() {
                r.at = 0..0;
            }
        }
        for spec in s.firehose.values_mut() {
            spec.at = 0..0;
            if let Some(r) = &mut spec.reads {
                r.at = 0..0;
            }
        }
        s
    };
    for file in ["deck-pipeline.toml", "clickstream-pipeline.toml"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples")
            .join(file);
        let text = std::fs::read_to_string(path).unwrap();
        let first = scenario::parse(&text, file).unwrap();
        let written = first.to_string();
        let again =
            scenario::parse(&written, "written.toml").unwrap_or_else(|e| panic!("{e}\n{written}"));
        assert_eq!(strip(again.clone()), strip(first), "{written}");
        assert_eq!(again.to_string(), written);
        let book = testing::deck_book();
        let a = scenario::estimate(&text, file, &book, Options::default());
        let b = scenario::estimate(&written, file, &book, Options::default());
        // The same total, or the same refusal (the test book lacks some prices).
        assert_eq!(
            a.map(|p| p.monthly_usd).map_err(|e| e.message),
            b.map(|p| p.monthly_usd).map_err(|e| e.message),
            "{file}"
        );
    }
}

#[test]
fn a_year_of_a_pipeline_is_twelve_of_its_months() {
    // clicks: 1 shard (10.95) + 2,628,000,000 PUT units (36.79) = 47.74 a month; 572.88 a year.
    let p = run(CLICKS);
    assert_eq!(p.monthly_usd.cents(), 4774);
    assert_eq!(p.twelve_months_usd().cents(), 12 * 4774);
}

#[test]
fn a_components_failed_estimate_is_worded_with_the_files_keys() {
    let text = "region = \"us-east-1\"\n[streams.big]\nrecords = 1\nsize_kb = 2048\n";
    let err = scenario::estimate(text, "test.toml", &testing::deck_book(), Options::default())
        .unwrap_err();
    // The estimate's own error is kept, so that each face can word it: in a scenario file the
    // input is the file's key, not a flag or the plain words.
    assert_eq!(
        err.cause.as_deref(),
        Some(&kcost_core::Error::Input(
            kcost_core::InputError::NeedsMaxRecordSize { kb: 2048.0 }
        ))
    );
    let worded = err.text(&kcost_core::Plain);
    assert_eq!(
        worded,
        "test.toml:2:1: streams.big: records of 2048 KB are over the default 1 MiB maximum record \
         size; raise `max_record_size` (up to 10 MiB, as AWS allows since 2025-10-28), e.g. \
         `max_record_size = \"2MiB\"`"
    );
}

#[test]
fn a_scenarios_own_rounding_prices_its_components() {
    // Ten SQL applications of 5 KPU-hours a day in London: 5 x 730 / 24 = 152.0833...; the
    // calculator reuses 152.08: 10 x 152.08 x 0.127 = 193.1416 -> 193.14; exact rounding keeps
    // 152.0833...: 1,520.833... x 0.127 = 193.1458 -> 193.15.
    let apps = "[analytics.sql]\nengine = \"sql\"\napps = 10\nkpu_hours = \"5/day\"\n\
                region = \"eu-west-2\"\n";
    assert_eq!(run(apps).monthly_usd.cents(), 193_14);
    let exact = run(&format!("rounding = \"exact\"\n{apps}"));
    assert_eq!(exact.rounding, kcost_core::Rounding::Exact);
    assert_eq!(exact.components[0].estimate.monthly_usd().cents(), 193_15);
    assert_eq!(exact.monthly_usd.cents(), 193_15);
}

#[test]
fn an_application_beside_its_stream_pays_no_transfer() {
    // clicks and the application reading it are both in the file's us-east-1: the stream is
    // its 1 shard (10.95) and PUT units (36.79) alone, 47.74, with nothing around it.
    let text = format!("{CLICKS}[analytics.a]\nstream = \"clicks\"\nkpus = 1\n");
    let s = stream(&run(&text), "clicks");
    assert_eq!(s.subtotals, None);
    assert!(!s.lines.iter().any(|l| l.item.starts_with("transfer")));
    assert_eq!(s.monthly_usd.cents(), 47_74);
}

#[test]
fn a_firehose_reading_a_stream_bills_the_streams_record_size() {
    // 8 KB records bill as 10 KB: 1,000 x 10 x 2,628,000 / 1,048,576 = 25,062.56 GB x 0.035
    // = 877.19 (not the 5 KB of a 1 KB record, 438.59).
    let text = "region = \"us-east-1\"\n[streams.clicks]\nrecords = \"1000/s\"\nsize_kb = 8\n\
                [firehose.archive]\nstream = \"clicks\"\nregion = \"eu-west-2\"\n";
    let p = run(text);
    let ComponentEstimate::Firehose(f) = &p.components[1].estimate else {
        panic!("{:?}", p.components[1])
    };
    assert_eq!(f.inputs.size_kb, 8.0);
    assert_eq!(f.inputs.billed_kb_per_record, 10.0);
    assert_eq!(f.monthly_usd.cents(), 877_19);
}

#[test]
fn a_function_reading_a_scheduled_stream_polls_its_average_shards() {
    // The deck's stream at half its 100 records/s for 12 hours and one and a half times it for
    // 12, on a shard schedule (as in modes.rs): with the function, 10 consumers, 25 shards at
    // night and 74 by day through 37: 1,212 shard-hours a day, 1,212 / 24 = 50.5 shards on
    // average.
    let weights = [["0.5"; 12], ["1.5"; 12]].concat().join(", ");
    let text = format!(
        "region = \"us-east-1\"\n[streams.s]\nrecords = 100\nsize_kb = 100\nconsumers = 9\n\
         profile = [{weights}]\nscaling = \"scheduled\"\n\
         [lambda.f]\nstream = \"s\"\nmemory_mb = 128\nduration_ms = 10\nbatch_size = 10000\n"
    );
    let p = run(&text);
    assert_eq!(
        stream(&p, "s")
            .schedule
            .as_ref()
            .unwrap()
            .shard_hours_per_day,
        1212
    );
    let ComponentEstimate::Consumer(f) = &p.components[1].estimate else {
        panic!("{:?}", p.components[1])
    };
    // 262,800,000 records a month fill 26,280 batches of 10,000; one poll a second of each of
    // 50.5 shards is 50.5 x 2,628,000 = 132,714,000 windows, fewer than the records: 132,714,000
    // invocations x 0.0000002 = 26.54.
    assert_eq!(
        (
            f.lines[0].item,
            f.lines[0].quantity,
            f.lines[0].monthly_usd.cents()
        ),
        ("lambda_requests", 132_714_000.0, 26_54)
    );
}

/// The keys that place a component say what they take when given something else: a region and
/// a stream's name are text in quotes, `efo` is true or false.
#[test]
fn placing_keys_say_what_they_take() {
    let refused = |text: &str| scenario::parse(text, "t.toml").unwrap_err().to_string();
    let stream = "[streams.s]\nrecords = 1\nsize_kb = 1\n";
    let message = refused(&format!("{stream}region = 5\n"));
    assert!(
        message.contains("`region` is text in quotes, such as region = \"eu-central-1\", not 5"),
        "{message}"
    );
    let message = refused(&format!("{stream}[kcl.k]\nstream = \"s\"\nefo = \"yes\"\n"));
    assert!(
        message.contains("`efo` is true or false, not yes"),
        "{message}"
    );
    let message = refused(&format!("{stream}[firehose.f]\nstream = 7\n"));
    assert!(message.contains("`stream` is text in quotes"), "{message}");
}
