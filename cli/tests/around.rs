//! The lines around a stream through the terminal: the deck in Ohio with its shard-level
//! metrics, KMS and producers behind a NAT gateway, in every format; and the refusals.

mod common;
use common::{fails, ok};

const DECK_AROUND: [&str; 14] = [
    "--records",
    "100",
    "--size-kb",
    "100",
    "--consumers",
    "10",
    "--region",
    "us-east-2",
    "--shard-metrics",
    "all",
    "--encryption",
    "kms",
    "--producer-network",
    "nat",
];

#[test]
fn the_deck_around_its_stream_in_a_table() {
    let out = ok(&DECK_AROUND);
    // 551.27 for the stream; 102.90 of metrics, 0.32 of KMS requests and 25,062.56 GB x 0.045 =
    // 1,127.82 of NAT processing around it.
    for row in [
        "│ The stream ",
        "551.27 │",
        "343.00 ┆ metric-month",
        "102.90 │",
        "1,127.82 │",
        "│ Around the stream ",
        "1,231.04 │",
        "1,782.31 │",
    ] {
        assert!(out.contains(row), "{row:?} not in\n{out}");
    }
    insta::assert_snapshot!("deck_around_table", out);
}

#[test]
fn the_deck_around_its_stream_in_json_and_csv() {
    let mut args = DECK_AROUND.to_vec();
    args.extend(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&args)).unwrap();
    assert_eq!(json["subtotals"]["stream_usd"].to_string(), "551.27");
    assert_eq!(json["subtotals"]["around_usd"].to_string(), "1231.04");
    assert_eq!(json["monthly_usd"].to_string(), "1782.31");
    let lines = json["lines"].as_array().unwrap();
    assert_eq!(lines.iter().filter(|l| l["around"] == true).count(), 3);
    assert_eq!(json["inputs"]["around"]["producers"], "nat");
    let mut args = DECK_AROUND.to_vec();
    args.extend(["--format", "csv"]);
    let csv = ok(&args);
    assert!(csv.contains("The stream"), "{csv}");
    assert!(csv.contains("Around the stream"), "{csv}");
}

#[test]
fn explain_shows_the_subtotals_as_steps() {
    let mut args = DECK_AROUND.to_vec();
    args.push("--explain");
    let out = ok(&args);
    for step in [
        "7 shard-level metrics x 49.00 shards = 343.00 metric-months",
        "12 KMS calls every 5 minutes (AWS's approximation) x 8760 5-minute periods in a month = 105,120.00 KMS requests per month",
        "The stream (monthly): 551.27 USD",
        "Around the stream (monthly): 1,231.04 USD",
    ] {
        assert!(out.contains(step), "{step:?} not in\n{out}");
    }
}

#[test]
fn refusals_name_the_flag_and_what_it_needs() {
    assert_eq!(
        fails(&["--records", "1", "--size-kb", "1", "--kms-key", "customer"]),
        "error: --kms-key applies only with --encryption kms; give that too, or drop it\n"
    );
    assert_eq!(
        fails(&["--records", "1", "--size-kb", "1", "--endpoint-azs", "3"]),
        "error: --endpoint-azs applies only with --producer-network endpoint or --consumer-network endpoint; give that too, or drop it\n"
    );
    let e = fails(&["--records", "1", "--size-kb", "1", "--shard-metrics", "8"]);
    assert!(e.contains("--shard-metrics"), "{e}");
    assert!(e.contains("all, none or how many of Kinesis' 7"), "{e}");
    // A region without the price says which, only when the feature is asked for.
    let e = fails(&[
        "--records",
        "1",
        "--size-kb",
        "1",
        "--region",
        "us-east-2",
        "--producer-network",
        "endpoint",
    ]);
    assert!(e.contains("vpc_endpoint_az_hour"), "{e}");
    ok(&["--records", "1", "--size-kb", "1", "--region", "us-east-2"]);
}
