//! The page's state and components, tested inside headless Chromium (wasm-bindgen-test).

use kcost_core::notes::StreamWarning;
use kcost_core::scenario::ComponentEstimate;
use kcost_core::Input;
use kcost_web::query;
use kcost_web::state::{book, Action, Field, State};
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn state(query: &str) -> Rc<State> {
    let (inputs, problems) = query::parse(query);
    Rc::new(State::new(inputs, problems, book()))
}

fn total(s: &State) -> String {
    s.outcome
        .as_ref()
        .unwrap()
        .stream()
        .unwrap()
        .monthly_usd
        .to_string()
}

#[wasm_bindgen_test]
fn the_decks_url_gives_49_shards_and_662_26() {
    let s = state("?records=100&size-kb=100&consumers=10&region=eu-central-1");
    assert!(s.url_problems.is_empty(), "{:?}", s.url_problems);
    let e = s.outcome.as_ref().unwrap().stream().unwrap().clone();
    assert_eq!(e.shards.unwrap().count, 49);
    assert_eq!(e.monthly_usd.to_string(), "662.26");
}

#[wasm_bindgen_test]
fn a_bad_value_shows_the_cores_message_and_no_stale_figure() {
    let s = state("?consumers=10");
    assert_eq!(total(&s), "551.27");
    let s = s.reduce(Action::Set(Field::Input(Input::Records), "-5".into()));
    assert!(
        s.errors[&Field::Input(Input::Records)].contains("negative"),
        "{:?}",
        s.errors
    );
    assert!(s.outcome.is_none(), "no figure of the earlier inputs stays");
    // "1," on the way to "1,000", 1e12, a 2000 KB record, a region that cannot price it: none
    // leaves a result that looks current.
    for (field, value) in [
        (Field::Input(Input::Records), "1,"),
        (Field::Input(Input::Records), "1e12"),
        (Field::Input(Input::SizeKb), "20000"),
        (Field::Input(Input::Mode), "advantage"),
    ] {
        let bad = state("?consumers=10&region=us-east-2").reduce(Action::Set(field, value.into()));
        assert!(bad.outcome.is_none(), "{field:?}={value}");
        assert!(
            !bad.errors.is_empty() || bad.problem.is_some(),
            "{field:?}={value}"
        );
    }
    let s = s.reduce(Action::Set(Field::Input(Input::Records), "1000/min".into()));
    assert!(s.errors.is_empty());
    assert_eq!(
        s.outcome
            .as_ref()
            .unwrap()
            .stream()
            .unwrap()
            .inputs
            .records_per_second,
        16.67
    );
}

#[wasm_bindgen_test]
fn any_url_loads() {
    let s = state("?records=abc&colour=red&size-kb=%ZZ&analytics=maybe");
    assert_eq!(s.url_problems.len(), 3, "{:?}", s.url_problems);
    assert!(s.errors[&Field::Input(Input::Records)].contains("not a number"));
    assert!(s.outcome.is_none(), "nothing valid yet, and no panic");
}

#[wasm_bindgen_test]
fn a_region_without_the_needed_price_is_a_problem_not_a_crash() {
    let s = state("?mode=advantage&region=us-east-2");
    assert!(
        s.problem.as_ref().unwrap().contains("has no price for"),
        "{:?}",
        s.problem
    );
}

#[wasm_bindgen_test]
fn the_pipeline_wires_readers_into_the_stream() {
    let s = state("?consumers=1&analytics=on&apps=3&kpus=2&firehose=on&firehose-region=us-east-2");
    let o = s.outcome.as_ref().unwrap();
    // The three apps and the Firehose read the stream: 1 + 3 + 1 shared consumers.
    assert_eq!(o.stream().unwrap().inputs.consumers, 5);
    assert_eq!(o.pipeline.components.len(), 3);
    let sum: i64 = o
        .pipeline
        .components
        .iter()
        .map(|c| c.estimate.monthly_usd().cents())
        .sum();
    assert_eq!(o.pipeline.monthly_usd.cents(), sum);
    let file = o.scenario_file();
    assert!(
        file.contains("[firehose.delivery]\nstream = \"stream\""),
        "{file}"
    );
    // The file prices as the page did.
    let again =
        kcost_core::scenario::estimate(&file, "page.toml", &book(), kcost_core::Options::default())
            .unwrap();
    assert_eq!(again.monthly_usd, o.pipeline.monthly_usd);
}

#[wasm_bindgen_test]
fn compare_mode_and_the_chart() {
    let s = state("?consumers=10&mode=compare");
    let c = s.outcome.as_ref().unwrap().comparison.as_ref().unwrap();
    assert_eq!(c.estimates.len(), 3);
    assert!(s.chart.is_none(), "the chart waits for the first figures");
    let s = s.reduce(Action::ChartDue);
    let chart = s.chart.as_ref().unwrap();
    assert_eq!(chart.series.len(), 3, "us-east-1 prices all three modes");
    assert!(
        chart
            .series
            .iter()
            .all(|(_, points)| points.windows(2).all(|w| w[0].1 <= w[1].1)),
        "cost never falls as the rate grows"
    );
}

#[wasm_bindgen_test]
fn exports_have_the_clis_shapes() {
    let s = state("?records=100&size-kb=100&consumers=10&region=eu-central-1");
    let o = s.outcome.as_ref().unwrap();
    let csv = kcost_web::export(o, kcost_report::Format::Csv);
    assert!(
        csv.starts_with(
            "component,item,description,quantity,unit,unit_price_usd,monthly_usd,region,rounding\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("\nprovisioned,total,Monthly total,,,,662.26,eu-central-1,calculator\n"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&kcost_web::export(o, kcost_report::Format::Json)).unwrap();
    assert_eq!(json["monthly_usd"], 662.26);
    assert!(kcost_web::export(o, kcost_report::Format::Markdown).contains("**662.26**"));
}

#[wasm_bindgen_test]
async fn the_app_renders_the_result_into_the_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<kcost_web::App>::with_root(root.clone()).render();
    // Let Yew render.
    for _ in 0..50 {
        if root
            .text_content()
            .unwrap_or_default()
            .contains("USD a month")
        {
            break;
        }
        gloo_sleep().await;
    }
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("124.22"), "the defaults' total: {text}");
    assert!(
        document.get_element_by_id("input-records").is_some(),
        "every input has an id and a label"
    );
    assert!(document
        .query_selector("label[for=input-records]")
        .unwrap()
        .is_some());
}

async fn gloo_sleep() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn the_decks_url_sets_four_fields_and_round_trips() {
    let (inputs, problems) =
        query::parse("?records=100&size-kb=100&consumers=10&region=eu-central-1");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(inputs[&Field::Input(Input::Consumers)], "10");
    assert_eq!(inputs[&Field::Input(Input::Region)], "eu-central-1");
    assert_eq!(
        query::to_query(&inputs),
        "?consumers=10&region=eu-central-1"
    );
}

/// A value of each field other than its default, which the page accepts: the declared example
/// (a size of 3 KB, the page starting at the example's 100), a switch flipped, another region.
fn another_value(field: Field) -> &'static str {
    match field {
        Field::Input(Input::SizeKb) => "3",
        Field::Input(input) if input.spec().switch => "on",
        Field::Input(input) => input.spec().example,
        Field::Region(_) => "eu-west-2",
        Field::Add(_) => "on",
        Field::Reads(_) => "",
    }
}

#[wasm_bindgen_test]
fn a_link_round_trips_every_field() {
    let defaults = kcost_web::state::defaults();
    // Each field alone, then all of them at once: the link reopens exactly the same inputs.
    let mut all = defaults.clone();
    for field in Field::all() {
        assert_ne!(another_value(field), field.default_value(), "{field:?}");
        let mut one = defaults.clone();
        one.insert(field, another_value(field).to_string());
        all.insert(field, another_value(field).to_string());
        let link = query::to_query(&one);
        let (back, problems) = query::parse(&link);
        assert!(problems.is_empty(), "{field:?}: {link}: {problems:?}");
        assert_eq!(back, one, "{field:?}: {link}");
    }
    let link = query::to_query(&all);
    let s = state(&link);
    assert!(s.url_problems.is_empty(), "{:?}", s.url_problems);
    assert_eq!(s.inputs, all, "{link}");
    assert!(link.contains("firehose-reads-stream=off"), "{link}");
}

#[wasm_bindgen_test]
fn malformed_parameters_are_reported_and_the_rest_kept() {
    let (inputs, problems) =
        query::parse("?records=1000%2Fmin&bogus=1&size-kb=%ZZ&analytics=maybe&&=x");
    assert_eq!(inputs[&Field::Input(Input::Records)], "1000/min");
    assert_eq!(
        inputs[&Field::Input(Input::SizeKb)],
        "100",
        "a malformed value keeps the default"
    );
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems
        .iter()
        .any(|p| p.contains("unknown parameter 'bogus'")));
    let (round, _) = query::parse(&query::to_query(&inputs));
    assert_eq!(round, inputs, "to_query and parse agree");
}

#[wasm_bindgen_test]
fn records_over_1_mib_need_the_maximum_record_size() {
    let s = state("?records=1&size-kb=2048");
    // In the page's words: its field, not the command line's flag.
    let problem = s.problem.clone().unwrap();
    assert!(
        problem.contains("e.g. “2MiB” in the “Maximum record size” field"),
        "{problem}"
    );
    assert!(!problem.contains("--"), "{problem}");
    let s =
        state("?records=1&size-kb=2048&max-record-size=2MiB&long-term-reads-gb=10&retention=30d");
    let e = s.outcome.as_ref().unwrap().stream().unwrap().clone();
    assert_eq!(e.inputs.max_record_size_kb, 2048.0);
    assert!(
        e.lines.iter().any(|l| l.item == "long_term_retrieval"),
        "{:?}",
        e.lines
    );
}

#[wasm_bindgen_test]
fn any_query_string_loads_without_a_panic() {
    // A small generator of queries from pieces of real ones and noise (no RNG crate in the page).
    let pieces = [
        "records=",
        "size-kb=",
        "consumers=",
        "mode=",
        "region=",
        "retention=",
        "analytics=",
        "firehose=",
        "kpus=",
        "discount=",
        "growth=",
        "months=",
        "-5",
        "NaN",
        "1e308",
        "%ZZ",
        "%E2%82",
        "on",
        "compare",
        "eu-central-1",
        "&",
        "=",
        "?",
        "+",
        "10MiB",
        "1..5",
        "\u{feff}",
        "",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut query = String::from("?");
        for _ in 0..6 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            query.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let s = state(&query);
        let _ = s.reduce(Action::ChartDue);
    }
}

#[wasm_bindgen_test]
fn the_pages_messages_name_its_fields_not_flags_or_commands() {
    use kcost_core::face::names_a_flag_or_command;
    use kcost_web::face::Page;
    for m in kcost_core::testing::every_message() {
        let text = m.text(&Page);
        assert_eq!(names_a_flag_or_command(&text), None, "{text}");
    }
    // And the page's own messages, on a bad value and a region without a needed price.
    let s = state("?records=100&size-kb=2000");
    let problem = s.problem.clone().unwrap_or_default();
    assert!(
        problem.contains("the “Maximum record size” field"),
        "{problem}"
    );
    assert_eq!(names_a_flag_or_command(&problem), None, "{problem}");
}

/// Every declared input is a field of the page (the page's fields are the declarations), under
/// a URL parameter that names it alone: the CLI's flag, prefixed by its service where a
/// subcommand's flag would clash with the stream's.
#[wasm_bindgen_test]
fn every_declared_input_is_a_field_under_its_own_parameter() {
    for &input in Input::ALL {
        assert!(
            Field::all().into_iter().any(|f| f == Field::Input(input)),
            "{input:?}"
        );
    }
    for field in Field::all() {
        assert_eq!(Field::from_key(&field.key()), Some(field), "{field:?}");
    }
    assert_eq!(
        Field::Input(Input::FirehoseRecords).key(),
        "firehose-records"
    );
    assert_eq!(Field::Input(Input::Source).key(), "source");
    assert_eq!(Field::Input(Input::MemoryMb).key(), "lambda-memory-mb");
    assert_eq!(Field::Input(Input::KclVersion).key(), "kcl-version");
}

#[wasm_bindgen_test]
fn the_comparison_prices_exactly_the_workload_of_the_estimate() {
    // Long-term reads, a larger maximum record size and growth used to be dropped from the
    // comparison and the chart.
    let fields = "?records=50&size-kb=2000&max-record-size=2MiB&retention=30d&long-term-reads-gb=500&growth=5&months=3";
    let single = state(fields);
    let compared = state(&format!("{fields}&mode=compare"));
    let comparison = compared
        .outcome
        .as_ref()
        .unwrap()
        .comparison
        .clone()
        .unwrap();
    let provisioned = comparison
        .estimates
        .iter()
        .find(|e| e.mode == kcost_core::Mode::Provisioned)
        .unwrap();
    let alone = single.outcome.as_ref().unwrap().stream().unwrap();
    assert_eq!(provisioned.monthly_usd, alone.monthly_usd);
    assert_eq!(provisioned.lines, alone.lines);
    assert!(alone
        .lines
        .iter()
        .any(|l| l.item.contains("retrieval") || l.description.contains("retrieval")));
    assert_eq!(provisioned.inputs.max_record_size_kb, 2048.0);
    assert_eq!(provisioned.growth.as_ref().map(|g| g.months.len()), Some(3));
}

#[wasm_bindgen_test]
fn compare_mode_says_old_prices_once() {
    // Today (from the browser) the built-in us-east-1 prices of 2025-11 are over a year old; the
    // page shows one line for the stream and every compared mode, not one for each.
    // Before it, the comparison's note on what Advantage's commitment means for this stream.
    let s = state("?consumers=10&mode=compare");
    let o = s.outcome.as_ref().unwrap();
    assert!(
        matches!(
            o.warnings.first(),
            Some(kcost_core::Warning::Stream(
                StreamWarning::AdvantageCommitment { .. }
            ))
        ),
        "{:?}",
        o.warnings
    );
    let old = o
        .warnings
        .iter()
        .filter(|w| matches!(w, kcost_core::Warning::OldPrices { .. }))
        .count();
    assert!(old <= 1, "{:?}", o.warnings);
    if let Some(kcost_core::Warning::OldPrices { count, .. }) = o.warnings.last() {
        let used: std::collections::BTreeSet<_> = o
            .comparison
            .iter()
            .flat_map(|c| &c.estimates)
            .flat_map(|e| e.lines.iter().map(|l| l.price.key))
            .collect();
        assert_eq!(*count, used.len());
    }
}

#[wasm_bindgen_test]
fn downloads_are_named_after_the_scenario() {
    let s = state("?records=100&size-kb=100&consumers=10&region=eu-central-1");
    let o = s.outcome.as_ref().unwrap();
    assert_eq!(o.file_stem(), "kcost-provisioned-eu-central-1-100rps-100kb");
    let s = state(
        "?records=2.5&size-kb=1&mode=compare&analytics=on&firehose=on&firehose-region=us-east-2",
    );
    let o = s.outcome.as_ref().unwrap();
    assert_eq!(
        o.file_stem(),
        "kcost-compare-us-east-1-2_5rps-1kb-flink-firehose"
    );
}

/// The first component of the page's pipeline that `pick` takes.
fn component<T>(s: &State, pick: impl Fn(&ComponentEstimate) -> Option<T>) -> T {
    s.outcome
        .as_ref()
        .unwrap()
        .pipeline
        .components
        .iter()
        .find_map(|c| pick(&c.estimate))
        .unwrap()
}

#[wasm_bindgen_test]
fn every_input_of_the_cli_prices_as_the_cli_does() {
    // The current calculator form: the deck's 49 shards x 1.2 = 58.80 -> 59, 660.77.
    assert_eq!(total(&state("?consumers=10&form=current")), "660.77");
    // A stream's own shard count: 60 x 730 x 0.015 = 657.00 + 14.72.
    assert_eq!(total(&state("?consumers=10&shards=60")), "671.72");
    // Flink sized by parallelism: 8 / 2 per KPU = 4 KPUs, for 12 hours a day.
    let s = state("?analytics=on&parallelism=8&parallelism-per-kpu=2&hours-per-day=12");
    let apps = component(&s, |e| match e {
        ComponentEstimate::Analytics(a) => Some(a.clone()),
        _ => None,
    });
    assert_eq!(
        apps.inputs.size,
        kcost_core::analytics::AppSize::Parallelism {
            parallelism: 8,
            per_kpu: 2
        }
    );
    // A Firehose with dynamic partitioning: its S3 objects are billed.
    let s = state("?firehose=on&firehose-region=us-east-2&dynamic-partitioning=on&active-partitions=1000&buffer-interval=60");
    let firehose = component(&s, |e| match e {
        ComponentEstimate::Firehose(f) => Some(f.clone()),
        _ => None,
    });
    assert!(
        firehose.lines.iter().any(|l| l.item.contains("object")),
        "{:?}",
        firehose.lines
    );
    // Around the stream: the deck's 49 shards x 7 shard-level metrics x 0.30 in Ohio, 102.90 on
    // 551.27.
    let s = state("?consumers=10&region=us-east-2&shard-metrics=all");
    let stream = s.outcome.as_ref().unwrap().stream().unwrap().clone();
    let subtotals = stream.subtotals.unwrap();
    assert_eq!(subtotals.stream_usd.to_string(), "551.27");
    assert_eq!(subtotals.around_usd.to_string(), "102.90");
    assert_eq!(total(&s), "654.17");
    // A Lambda function and a KCL application reading 1,000 records/s of 1 KB (1 shard), as
    // core/tests/consumers.rs computes them: 10.74 and 0.68.
    let s = state("?records=1000&size-kb=1&lambda=on&kcl=on");
    let bills: Vec<String> = s
        .outcome
        .as_ref()
        .unwrap()
        .pipeline
        .components
        .iter()
        .filter(|c| matches!(c.estimate, ComponentEstimate::Consumer(_)))
        .map(|c| c.estimate.monthly_usd().to_string())
        .collect();
    assert_eq!(bills, ["10.74", "0.68"]);
    let stream = s.outcome.as_ref().unwrap().stream().unwrap();
    assert_eq!(
        (stream.inputs.consumers, stream.inputs.efo_consumers),
        (2, 1)
    );
    let s = state("?lambda=on&lambda-memory-mb=64");
    assert!(
        s.errors
            .get(&Field::Input(Input::MemoryMb))
            .is_some_and(|e| e.contains("from 128 to 10240")),
        "{:?}",
        s.errors
    );
    // A customer key without KMS encryption: the core's refusal, in the page's words.
    let s = state("?kms-key=customer");
    assert!(s.outcome.is_none());
    assert!(
        s.problem.as_deref().unwrap_or("").contains("“KMS key”"),
        "{:?}",
        s.problem
    );
    // The form's buffer with the 2021 form: the core's refusal, in the page's words.
    let s = state("?buffer=25");
    assert!(s.outcome.is_none());
    assert!(
        s.problem.as_deref().unwrap_or("").contains("“Buffer”"),
        "{:?}",
        s.problem
    );
}

/// The two pages of `get-metric-data` output the CLI's metrics tests read.
fn metrics_pages() -> Vec<(String, String)> {
    vec![
        (
            "page1.json".to_string(),
            include_str!("../../core/tests/fixtures/metrics/get-metric-data-page1.json")
                .to_string(),
        ),
        (
            "page2.json".to_string(),
            include_str!("../../core/tests/fixtures/metrics/get-metric-data-page2.json")
                .to_string(),
        ),
    ]
}

#[wasm_bindgen_test]
fn metrics_files_are_priced_as_kcost_metrics_prices_them() {
    let files = metrics_pages();
    let b = book();
    let e =
        kcost_web::metrics::traffic(&files, "us-east-1", 100.0, Default::default(), &b).unwrap();
    // `kcost metrics page1.json page2.json`: 1 shard 18.93, on-demand 246.70, Advantage 3,079.69.
    let month = |mode: &str| {
        e.estimates
            .iter()
            .find(|m| m.mode == mode)
            .unwrap()
            .monthly_usd
            .to_string()
    };
    assert_eq!(month("provisioned"), "18.93");
    assert_eq!(month("on-demand"), "246.70");
    assert_eq!(month("advantage"), "3079.69");
    assert_eq!(e.summary.period.points, 23);
    // A file that is not CloudWatch output: its name and what is wrong.
    let bad = vec![("notes.txt".to_string(), "hello".to_string())];
    let err =
        kcost_web::metrics::traffic(&bad, "us-east-1", 100.0, Default::default(), &b).unwrap_err();
    assert!(err.starts_with("notes.txt:1:1: no time column"), "{err}");
}

#[wasm_bindgen_test]
fn the_second_module_downloads_what_the_page_shows() {
    // What the download buttons save comes from the link's query, priced again: the same text as
    // the page's own outcome gives, with the calculations when they are shown.
    let query = "?records=100&size-kb=100&consumers=10&region=eu-central-1";
    let s = state(query);
    let outcome = s.outcome.as_ref().unwrap();
    for (name, format) in [
        ("json", kcost_report::Format::Json),
        ("csv", kcost_report::Format::Csv),
        ("markdown", kcost_report::Format::Markdown),
    ] {
        assert_eq!(
            kcost_web::more::export_text(query, false, name),
            kcost_web::export(outcome, format),
            "{name}"
        );
    }
    let explained = s.reduce(Action::Explain(true));
    assert_eq!(
        kcost_web::more::export_text(query, true, "markdown"),
        kcost_web::export(
            explained.outcome.as_ref().unwrap(),
            kcost_report::Format::Markdown
        )
    );
    assert!(kcost_web::more::export_text(query, true, "markdown").contains("```text"));
    // The scenario file too, around the stream and its consumers included.
    assert_eq!(
        kcost_web::more::export_text(query, false, "scenario"),
        state(query).outcome.as_ref().unwrap().scenario_file()
    );
    let whole = "?consumers=10&shard-metrics=all&lambda=on&kcl=on";
    let file = kcost_web::more::export_text(whole, false, "scenario");
    for line in [
        "shard_metrics = \"all\"",
        "[lambda.function]",
        "[kcl.application]",
    ] {
        assert!(file.contains(line), "{line}: {file}");
    }
    assert_eq!(
        kcost_web::more::export_text("?records=-5", false, "json"),
        "no estimate: fix the fields the page marks first"
    );
}

#[wasm_bindgen_test]
fn the_second_module_writes_the_metrics_report_as_html() {
    let files = metrics_pages();
    let html = kcost_web::more::traffic(&files, "us-east-1", "", "24h");
    assert!(
        html.starts_with(r#"<p id="metrics-period">23 periods of 300 s"#),
        "{html}"
    );
    assert!(html.contains(r#"<tr id="metrics-provisioned"><td>provisioned</td><td class="num">1</td><td class="num">18.93</td>"#), "{html}");
    assert!(html.contains(r#"<td class="num">246.70</td>"#), "{html}");
    // Whatever a file holds or is called, it reaches the page as text, never as markup.
    let bad = vec![(
        "<img src=x onerror=alert(1)>.csv".to_string(),
        "a,b\n".to_string(),
    )];
    let html = kcost_web::more::traffic(&bad, "us-east-1", "", "24h");
    assert!(
        html.starts_with(r#"<p class="error" role="alert" id="metrics-error">&lt;img src=x onerror=alert(1)&gt;.csv:"#),
        "{html}"
    );
    assert!(!html.contains("<img"), "{html}");
}

#[wasm_bindgen_test]
fn every_refused_stream_field_is_listed_at_once() {
    // The record rate refused does not hide the other fields' mistakes.
    let s = state("?records=-5&size-kb=0&consumers=x&retention=2h&profile=1,2");
    assert!(s.outcome.is_none());
    for field in [
        Field::Input(Input::Records),
        Field::Input(Input::SizeKb),
        Field::Input(Input::Consumers),
        Field::Input(Input::Retention),
        Field::Input(Input::Profile),
    ] {
        assert!(s.errors.contains_key(&field), "{field:?}: {:?}", s.errors);
    }
    assert!(s.errors[&Field::Input(Input::Retention)].contains("24h to 365d"));
}
