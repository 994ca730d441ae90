//! `kcost estimate FILE.toml`: every example runs and is snapshotted, and every error of the
//! scenario format has a test and a snapshot of its message.

use std::path::Path;

use serde_json::Value;

mod common;
use common::{fails, kcost, ok};

fn examples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn every_example_runs_and_is_snapshotted() {
    let files = examples();
    assert!(files.len() >= 2, "{files:?}");
    for file in files {
        let name = Path::new(&file)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let out = kcost(&["estimate", &file])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        insta::assert_snapshot!(
            format!("example_{name}"),
            String::from_utf8(out.stdout).unwrap()
        );
        // Every format works on every example.
        for format in ["json", "csv", "markdown"] {
            ok(&["estimate", &file, "--format", format]);
        }
        ok(&["estimate", &file, "--explain"]);
    }
}

#[test]
fn the_deck_pipeline_reproduces_the_decks_figures() {
    let file = format!(
        "{}/../examples/deck-pipeline.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let v: Value = serde_json::from_str(&ok(&["estimate", &file, "--format", "json"])).unwrap();
    let stream = &v["components"][0];
    assert_eq!(stream["name"], "sensor-temperature");
    assert_eq!(stream["read_by"][0], "analytics.temperature-averager");
    let e = &stream["estimate"];
    assert_eq!(
        e["inputs"]["consumers"], 10,
        "the ten SQL apps are its consumers"
    );
    let shards = &e["shards"];
    assert_eq!(
        [
            &shards["ingress"],
            &shards["egress"],
            &shards["records"],
            &shards["count"]
        ],
        [9.77, 48.85, 0.1, 49.0]
    );
    // The deck's stream, and around it the transfer the deck did not count: its ten SQL apps in
    // London read the Ohio stream's 25,062.56 GB a month each, 250,625.60 GB x 0.02 = 5,012.51.
    assert_eq!(e["subtotals"]["stream_usd"], 551.27);
    assert_eq!(e["subtotals"]["around_usd"], 5_012.51);
    assert_eq!(e["monthly_usd"], 5_563.78);
    let analytics = &v["components"][1]["estimate"];
    assert_eq!(analytics["inputs"]["kpu_hours_per_app"], 152.08);
    assert_eq!(analytics["monthly_usd"], 193.14);
    // 5,563.78 + 193.14 + 3.63 (10 records/s of 0.5 KB billed as 5 KB: 125.31 GB x 0.029).
    assert_eq!(v["monthly_usd"], 5_760.55);
    let csv = ok(&["estimate", &file, "--format", "csv"]);
    assert!(
        csv.contains(
            "\nstreams.sensor-temperature,stream_subtotal,The stream,,,,551.27,us-east-2,calculator\n"
        ),
        "{csv}"
    );
}

fn write(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kcost-scenarios-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The error for `text`, with the temporary path replaced by `FILE`.
fn error(name: &str, text: &str) -> String {
    let path = write(&format!("{name}.toml"), text);
    let stderr = fails(&["estimate", path.to_str().unwrap()]);
    stderr.replace(path.to_str().unwrap(), "FILE")
}

const STREAM: &str = "[streams.s]\nrecords = \"100/s\"\nsize_kb = 1\n";

#[test]
fn every_scenario_error_is_located_and_named() {
    let cases: &[(&str, String, &str)] = &[
        ("not_toml", "[streams.s\nrecords = 1\n".to_string(), "FILE:1:"),
        ("unknown_top_key", format!("colour = \"red\"\n{STREAM}"), "unknown field `colour`"),
        ("unknown_stream_key", format!("{STREAM}shard_count = 4\n"), "unknown field `shard_count`"),
        ("wrong_type", "[streams.s]\nrecords = \"100/s\"\nsize_kb = \"big\"\n".to_string(), "FILE:3:11"),
        ("bad_rate", "[streams.s]\nrecords = \"100/week\"\nsize_kb = 1\n".to_string(), "streams.s: unknown time unit 'week'"),
        ("missing_traffic", "[streams.s]\nsize_kb = 1\n".to_string(), "give `records` and `size_kb`"),
        ("unknown_source_stream", format!("{STREAM}[analytics.a]\nstream = \"clicks\"\nkpus = 1\n"), "there is no stream 'clicks' in this file; streams here: s"),
        (
            "cycle",
            "[streams.a]\nsize_kb = 1\n[streams.b]\nsize_kb = 1\n[analytics.x]\nstream = \"a\"\noutput = \"b\"\nkpus = 1\n[analytics.y]\nstream = \"b\"\noutput = \"a\"\nkpus = 1\n".to_string(),
            "comes round in a cycle: a <- b <- a",
        ),
        ("two_sizes", format!("{STREAM}[analytics.a]\nkpus = 1\nparallelism = 2\n"), "exactly one of kpus, parallelism or kpu_hours"),
        ("bad_engine", format!("{STREAM}[analytics.a]\nengine = \"spark\"\nkpus = 1\n"), "analytics.a: unknown analytics engine 'spark'"),
        ("bad_mode", format!("{STREAM}mode = \"compare\"\n"), "unknown mode 'compare'"),
        ("bad_rounding", format!("rounding = \"banker\"\n{STREAM}"), "unknown rounding 'banker'"),
        ("unknown_region", format!("region = \"mars-1\"\n{STREAM}"), "streams.s: unknown region 'mars-1'"),
        ("missing_price", format!("{STREAM}[analytics.a]\nkpus = 1\nregion = \"us-east-2\"\n"), "analytics.a: region us-east-2 has no price for"),
        ("firehose_without_traffic", "[firehose.f]\nformat_conversion = true\n".to_string(), "firehose.f: give `records`"),
        ("firehose_source_and_stream", format!("{STREAM}[firehose.f]\nstream = \"s\"\nsource = \"msk\"\nregion = \"us-east-2\"\n"), "drop `source` or `stream`"),
        ("empty", "# nothing here\n".to_string(), "the scenario has no components"),
        (
            "standard_and_advantage",
            format!("{STREAM}mode = \"on-demand\"\n[streams.t]\nrecords = \"1/s\"\nsize_kb = 1\nmode = \"advantage\"\n"),
            "region us-east-1 has 1 on-demand Standard and 1 Advantage stream(s)",
        ),
        ("negative_consumers", "[streams.s]\nrecords = 1\nsize_kb = 1\nconsumers = -1\n".to_string(), "FILE:4:13"),
        ("efo_limit", "[streams.s]\nrecords = 1\nsize_kb = 1\nefo_consumers = 21\n".to_string(), "streams.s: 21 enhanced fan-out consumers"),
    ];
    for (name, text, expected) in cases {
        let message = error(name, text);
        assert!(
            message.contains(expected),
            "{name}: expected {expected:?} in {message}"
        );
        insta::assert_snapshot!(format!("scenario_error_{name}"), message);
    }
    let missing = fails(&["estimate", "/nonexistent/pipeline.toml"]);
    assert!(
        missing.contains("cannot read the scenario file '/nonexistent/pipeline.toml'"),
        "{missing}"
    );
}
