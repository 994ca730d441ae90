//! Every input is one declaration read by one parser: for each stream input, its declared
//! example set on a workload (`StreamWorkload::set`) comes back from `given` as text that sets
//! the same workload again, and the same value given to another face (a batch column) prices the
//! same estimate.

use kcost_core::batch::{estimate_row, RowOutcome};
use kcost_core::input::{Input, Scope};
use kcost_core::{testing, Estimate, InputError, Mode, Options, StreamWorkload};

/// The workload every input is set on: 10 records/s of 1 KB.
fn base() -> StreamWorkload {
    StreamWorkload::new("10".parse().unwrap(), "1".parse().unwrap())
}

/// A daily profile whose busiest hour is twice the others.
const PROFILE: &str = "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,2";

/// What an input needs set before it to mean something: the months of growth need growth, a
/// schedule a profile, the buffer the current form, a key's kind encryption, NAT gateways and
/// endpoint AZs a network path through them.
fn before(input: Input) -> Vec<(Input, &'static str)> {
    match input {
        Input::Months => vec![(Input::Growth, "5")],
        Input::Scaling => vec![(Input::Profile, PROFILE)],
        Input::Buffer => vec![(Input::Form, "current")],
        Input::KmsKey | Input::KmsCredentials => vec![(Input::Encryption, "kms")],
        Input::NatGateways => vec![(Input::ProducerNetwork, "nat")],
        Input::EndpointAzs => vec![(Input::ProducerNetwork, "endpoint")],
        Input::ParallelismPerKpu => vec![(Input::Parallelism, "8")],
        _ => Vec::new(),
    }
}

/// The stream inputs a workload takes.
fn stream_inputs() -> impl Iterator<Item = Input> {
    Input::ALL
        .iter()
        .copied()
        .filter(|i| StreamWorkload::takes(*i))
}

/// Every input of `inputs` set from its declared example on `base()` (after what it needs),
/// given back, and read again to the same workload; returns how many.
fn round_trip<W: PartialEq + std::fmt::Debug>(
    inputs: impl Iterator<Item = Input>,
    base: impl Fn() -> W,
    set: impl Fn(&mut W, Input, &str) -> Result<(), InputError>,
    given: impl Fn(&W) -> Vec<(Input, String)>,
) -> usize {
    let mut seen = 0;
    for input in inputs {
        let example = input.spec().example;
        let mut w = base();
        for (first, text) in before(input) {
            set(&mut w, first, text).unwrap();
        }
        set(&mut w, input, example).unwrap_or_else(|e| panic!("{input:?} = {example}: {e}"));
        assert_ne!(w, base(), "{input:?} = {example} changed nothing");
        let given_back = given(&w);
        let (_, text) = given_back
            .iter()
            .find(|(i, _)| *i == input)
            .unwrap_or_else(|| panic!("{input:?} is not given back: {given_back:?}"));
        // Every given value read again makes the same workload.
        let mut again = base();
        for (i, t) in &given_back {
            set(&mut again, *i, t).unwrap_or_else(|e| panic!("{i:?} = {t}: {e}"));
        }
        assert_eq!(again, w, "{input:?}: {example} given back as {text}");
        assert_eq!(given(&again), given_back, "{input:?}");
        seen += 1;
    }
    seen
}

#[test]
fn every_stream_input_is_set_and_given_back() {
    let seen = round_trip(
        stream_inputs(),
        base,
        StreamWorkload::set,
        StreamWorkload::given,
    );
    assert_eq!(seen, 26, "every stream input but the mode");
}

#[test]
fn every_analytics_and_firehose_input_is_set_and_given_back() {
    use kcost_core::analytics::{AnalyticsWorkload, AppSize, Engine};
    use kcost_core::firehose::FirehoseWorkload;
    let apps = || AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(1));
    let of = |takes: fn(Input) -> bool| Input::ALL.iter().copied().filter(move |i| takes(*i));
    let seen = round_trip(
        of(AnalyticsWorkload::takes),
        apps,
        AnalyticsWorkload::set,
        AnalyticsWorkload::given,
    );
    assert_eq!(seen, 9);
    let firehose = || FirehoseWorkload::new("10".parse().unwrap(), "1".parse().unwrap());
    let seen = round_trip(
        of(FirehoseWorkload::takes),
        firehose,
        FirehoseWorkload::set,
        FirehoseWorkload::given,
    );
    assert_eq!(seen, 12);
    // Each refuses what is not its own, and parallelism per KPU needs parallelism.
    assert!(matches!(
        apps().set(Input::Records, "1"),
        Err(InputError::NotOf { .. })
    ));
    assert!(matches!(
        firehose().set(Input::Apps, "1"),
        Err(InputError::NotOf { .. })
    ));
    assert!(matches!(
        apps().set(Input::ParallelismPerKpu, "2"),
        Err(InputError::Needs { .. })
    ));
    let mut w = apps();
    w.set(Input::Parallelism, "8").unwrap();
    w.set(Input::ParallelismPerKpu, "2").unwrap();
    w.set(Input::Parallelism, "16").unwrap();
    assert_eq!(
        w.size,
        AppSize::Parallelism {
            parallelism: 16,
            per_kpu: 2
        },
        "the parallelism per KPU stays"
    );
    for (text, on) in [
        ("on", true),
        ("true", true),
        ("off", false),
        ("false", false),
    ] {
        let mut w = firehose();
        w.set(Input::FormatConversion, text).unwrap();
        assert_eq!(w.format_conversion, on, "{text}");
    }
    assert!(firehose().set(Input::FormatConversion, "yes").is_err());
}

#[test]
fn a_default_workload_gives_only_its_traffic() {
    let given = base().given();
    let inputs: Vec<Input> = given.iter().map(|(i, _)| *i).collect();
    assert_eq!(inputs, [Input::Records, Input::SizeKb]);
    assert_eq!(given[0].1, "10/s");
    assert_eq!(given[1].1, "1");
}

#[test]
fn a_bad_value_is_the_inputs_own_error_and_changes_nothing() {
    for input in stream_inputs() {
        let mut w = base();
        for (first, text) in before(input) {
            w.set(first, text).unwrap();
        }
        let was = w;
        assert!(w.set(input, "x").is_err(), "{input:?} took 'x'");
        assert_eq!(w, was, "{input:?}");
    }
}

#[test]
fn an_input_of_another_estimate_is_refused_not_ignored() {
    let mut w = base();
    for input in Input::ALL
        .iter()
        .copied()
        .filter(|i| !StreamWorkload::takes(*i))
    {
        let err = w.set(input, input.spec().example).unwrap_err();
        assert_eq!(
            err,
            InputError::NotOf {
                input,
                of: "a stream"
            }
        );
    }
    assert_eq!(w, base());
    let text = InputError::NotOf {
        input: Input::JqHours,
        of: "a stream",
    }
    .to_string();
    assert_eq!(text, "the JQ hours is not an input of a stream");
}

#[test]
fn growth_months_need_growth() {
    let mut w = base();
    let err = w.set(Input::Months, "24").unwrap_err();
    assert!(
        matches!(
            err,
            InputError::Needs {
                input: Input::Months,
                ..
            }
        ),
        "{err:?}"
    );
    w.set(Input::Growth, "5").unwrap();
    w.set(Input::Months, "24").unwrap();
    w.set(Input::Growth, "7").unwrap();
    let g = w.growth.unwrap();
    assert_eq!(
        (g.percent_per_month, g.months),
        (7.0, 24),
        "the months stay"
    );
}

/// A row's estimate, or its error.
fn row(fields: &[(&str, &str)]) -> Estimate {
    match estimate_row(1, fields, &testing::deck_book(), Options::default()).outcome {
        RowOutcome::Estimated { estimate } => *estimate,
        RowOutcome::Failed { error } => panic!("{fields:?}: {error}"),
    }
}

#[test]
fn every_batch_column_prices_what_set_does() {
    let book = testing::deck_book();
    let region = Some("us-east-1");
    for input in stream_inputs().filter(|i| kcost_core::batch::is_column(*i)) {
        let spec = input.spec();
        let mut w = base();
        let mut fields = vec![("records", "10"), ("size-kb", "1"), ("region", "us-east-1")];
        for (first, text) in before(input) {
            w.set(first, text).unwrap();
            fields.push((first.spec().flag, text));
        }
        w.set(input, spec.example).unwrap();
        fields.push((spec.flag, spec.example));
        let expected =
            kcost_core::estimate(&w, Mode::Provisioned, region, &book, Options::default())
                .unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(row(&fields), expected, "{input:?}");
    }
    assert_eq!(
        Input::of(Scope::Stream)
            .filter(|i| kcost_core::batch::is_column(*i))
            .count(),
        25,
        "every stream input but growth's"
    );
}

/// An input's choices, as its declaration lists them for the page's selects, hold its default
/// and its example, and each is a value its estimate takes.
#[test]
fn every_choice_is_a_value_the_input_takes() {
    let mut with_choices = 0;
    for &input in Input::ALL {
        let spec = input.spec();
        if spec.choices.is_empty() {
            continue;
        }
        with_choices += 1;
        let values: Vec<&str> = spec.choices.iter().map(|(v, _)| *v).collect();
        assert!(values.contains(&spec.example), "{input:?}: {values:?}");
        if let Some(default) = spec.default {
            assert!(values.contains(&default), "{input:?}: {values:?}");
        }
        assert!(
            spec.choices.iter().all(|(_, words)| !words.is_empty()),
            "{input:?}"
        );
        for value in &values {
            taken(input, value).unwrap_or_else(|e| panic!("{input:?} = {value}: {e}"));
        }
    }
    assert_eq!(with_choices, 12);
}

/// Whether the estimate `input` belongs to takes `value`.
fn taken(input: Input, value: &str) -> Result<(), InputError> {
    use kcost_core::consumers::{KclVersion, KclWorkload, LambdaWorkload};
    match input.spec().scope {
        _ if StreamWorkload::takes(input) => base().set(input, value),
        // Comparing every mode is the front ends' own choice, not a mode.
        _ if input == Input::Mode && value == "compare" => Ok(()),
        _ if input == Input::Mode => value.parse::<Mode>().map(drop),
        _ if input == Input::Rounding => value.parse::<kcost_core::Rounding>().map(drop),
        Scope::Analytics => value.parse::<kcost_core::analytics::Engine>().map(drop),
        Scope::Firehose => value.parse::<kcost_core::firehose::Source>().map(drop),
        Scope::Lambda => LambdaWorkload::new(128, 100.0).set(input, value),
        Scope::Kcl => KclWorkload {
            version: KclVersion::V3,
            workers: 1,
            checkpoint_s: KclWorkload::DEFAULT_CHECKPOINT_S,
        }
        .set(input, value),
        _ => panic!("{input:?} has choices but no reader here"),
    }
}

/// The stream's number parsers hold their bounds: an aggregated record of more than 0 and at
/// most 10 MiB, a shard count from 1 to 10,000.
#[test]
fn the_stream_number_inputs_hold_their_bounds() {
    use kcost_core::workload::{aggregate_kb, shards};
    assert_eq!(aggregate_kb("10240"), Ok(10_240.0));
    assert_eq!(aggregate_kb("0.5"), Ok(0.5));
    for bad in ["0", "10240.5", "20000"] {
        assert!(
            matches!(aggregate_kb(bad), Err(InputError::Aggregate { .. })),
            "{bad}"
        );
    }
    assert_eq!(shards("1"), Ok(1));
    assert_eq!(shards("10000"), Ok(10_000));
    for bad in ["0", "10001", "20000"] {
        assert!(
            matches!(shards(bad), Err(InputError::ShardCount { .. })),
            "{bad}"
        );
    }
}

/// The applications' and Firehose's number parsers hold their bounds.
#[test]
fn the_analytics_and_firehose_number_inputs_hold_their_bounds() {
    use kcost_core::analytics::parallelism_per_kpu;
    use kcost_core::analytics::{apps, backup_gb, hours_per_day, kpus, parallelism};
    use kcost_core::firehose::{
        active_partitions, buffer_interval, buffer_size_mb, check_buffering, jq_hours,
        object_size_mb, vpc_ratio, vpc_subnets,
    };
    for count in [
        apps,
        kpus,
        parallelism,
        parallelism_per_kpu,
        active_partitions,
    ] {
        assert_eq!(count("1"), Ok(1));
        assert!(matches!(count("0"), Err(InputError::ZeroCount { .. })));
    }
    assert_eq!(hours_per_day("24"), Ok(24.0));
    assert_eq!(hours_per_day("0.5"), Ok(0.5));
    for bad in ["0", "24.5"] {
        assert!(
            matches!(hours_per_day(bad), Err(InputError::HoursPerDay { .. })),
            "{bad}"
        );
    }
    assert_eq!(backup_gb("0"), Ok(0.0));
    assert_eq!(jq_hours("0"), Ok(0.0));
    assert_eq!(vpc_ratio("1.3"), Ok(1.3));
    assert_eq!(vpc_subnets("0"), Ok(0));
    assert_eq!(object_size_mb("0.5"), Ok(0.5));
    assert!(matches!(
        object_size_mb("0"),
        Err(InputError::NotPositive { .. })
    ));
    for (ok, text) in [
        (true, "60"),
        (true, "900"),
        (false, "59.9"),
        (false, "900.5"),
    ] {
        assert_eq!(buffer_interval(text).is_ok(), ok, "interval {text}");
    }
    for (ok, text) in [
        (true, "64"),
        (true, "128"),
        (false, "63.9"),
        (false, "128.5"),
    ] {
        assert_eq!(buffer_size_mb(text).is_ok(), ok, "size {text}");
    }
    assert!(matches!(
        check_buffering(Some(0), None, None),
        Err(InputError::ZeroCount { .. })
    ));
    assert_eq!(check_buffering(Some(1), Some(60.0), Some(64.0)), Ok(()));
    for bad in ["-1", "x"] {
        assert!(backup_gb(bad).is_err() && jq_hours(bad).is_err() && vpc_ratio(bad).is_err());
    }
}

/// Every stream input's example, written into a scenario file by the scenario's writer (under
/// its declared key) and read back by the scenario's reader, makes the same workload: the file
/// is one more face of the same declarations.
#[test]
fn every_stream_input_goes_through_a_scenario_file() {
    use kcost_core::scenario::{self, Scenario, StreamSpec};
    let mut seen = 0;
    for input in stream_inputs() {
        let mut w = base();
        // A file names every reader: its consumers are always written.
        w.consumers = Some(1);
        for (first, text) in before(input) {
            w.set(first, text).unwrap();
        }
        w.set(input, input.spec().example).unwrap();
        let mut file = Scenario::default();
        file.streams
            .insert("s".to_string(), StreamSpec::new(w, Mode::Provisioned));
        let text = file.to_string();
        let key = format!("\n{} = ", input.spec().key);
        assert!(text.contains(&key), "{input:?} is not written: {text}");
        let read = scenario::parse(&text, "t.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(read.streams["s"].workload, w, "{input:?}: {text}");
        seen += 1;
    }
    assert_eq!(seen, 26);
}

/// The consumers with their own bill read their inputs as the others do: each example set,
/// given back and set again makes the same function or application.
#[test]
fn every_lambda_and_kcl_input_is_set_and_given_back() {
    use kcost_core::consumers::{KclVersion, KclWorkload, LambdaWorkload};
    let function = || LambdaWorkload::new(128, 100.0);
    let of = |scope| {
        Input::ALL
            .iter()
            .copied()
            .filter(move |i| i.spec().scope == scope)
    };
    let seen = round_trip(
        of(Scope::Lambda),
        function,
        LambdaWorkload::set,
        LambdaWorkload::given,
    );
    assert_eq!(seen, 5);
    let kcl = || KclWorkload {
        version: KclVersion::V3,
        workers: 1,
        checkpoint_s: KclWorkload::DEFAULT_CHECKPOINT_S,
    };
    let seen = round_trip(of(Scope::Kcl), kcl, KclWorkload::set, KclWorkload::given);
    assert_eq!(seen, 3);
    assert!(matches!(
        function().set(Input::Records, "1"),
        Err(InputError::NotOf { .. })
    ));
    assert!(matches!(
        kcl().set(Input::Apps, "1"),
        Err(InputError::NotOf { .. })
    ));
}

/// The options of every estimate read and write their inputs as the workloads do: the rounding
/// and the discount set from their examples, given back and set again make the same options;
/// any other input is not theirs.
#[test]
fn the_options_are_set_and_given_back() {
    let options = Input::ALL
        .iter()
        .copied()
        .filter(|i| i.spec().scope == Scope::Every && *i != Input::Region);
    let seen = round_trip(options, Options::default, Options::set, Options::given);
    assert_eq!(seen, 2);
    let mut o = Options::default();
    o.set(Input::Discount, "12.5%").unwrap();
    assert_eq!(o.discount_bp, 1250);
    assert_eq!(o.given(), [(Input::Discount, "12.5".to_string())]);
    assert!(matches!(
        o.set(Input::Records, "1"),
        Err(InputError::NotOf { .. })
    ));
}
