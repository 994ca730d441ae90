//! `kcost pricing import | update | show | diff` and the user's pricing directory.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

mod common;
use common::kcost;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../pricing/tests/fixtures/offers")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kcost-pricing-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs kcost with XDG_DATA_HOME set; returns (status, stdout, stderr).
fn run(xdg: &Path, args: &[&str]) -> (i32, String, String) {
    let out = kcost(args).env("XDG_DATA_HOME", xdg).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn imported_prices_are_used_by_every_later_run() {
    let xdg = temp("import");
    let kinesis = fixtures().join("AmazonKinesis.json");
    let (status, out, err) = run(
        &xdg,
        &[
            "pricing",
            "import",
            kinesis.to_str().unwrap(),
            "--region",
            "eu-west-1",
        ],
    );
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("eu-west-1: 1 prices -> "), "{out}");
    assert!(
        out.contains("missing: eu-west-1 EU-PutRequestPayloadUnits (kds_put_payload_unit)"),
        "{out}"
    );
    let table = xdg.join("kcost/pricing/eu-west-1.toml");
    assert!(table.exists());
    // The region now exists for estimates, and the missing price is named.
    let (status, _, err) = run(
        &xdg,
        &["--records", "1", "--size-kb", "1", "--region", "eu-west-1"],
    );
    assert_eq!(status, 2);
    assert!(
        err.contains("region eu-west-1 has no price for Data Streams provisioned PUT payload unit"),
        "{err}"
    );
    let (_, regions, _) = run(&xdg, &["regions"]);
    assert!(
        regions.contains("EU (Ireland)") && regions.contains(table.to_str().unwrap()),
        "{regions}"
    );

    // Importing us-east-2 from the offer overrides the embedded prices with the offer's.
    let (status, _, err) = run(
        &xdg,
        &[
            "pricing",
            "import",
            kinesis.to_str().unwrap(),
            "--region",
            "us-east-2",
        ],
    );
    assert_eq!(status, 0, "{err}");
    let (status, json, err) = run(
        &xdg,
        &[
            "--records",
            "100",
            "--size-kb",
            "100",
            "--consumers",
            "10",
            "--region",
            "us-east-2",
            "--format",
            "json",
        ],
    );
    assert_eq!(status, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["monthly_usd"], 551.27);
    assert_eq!(v["lines"][0]["price"]["as_of"], "2025-11-20");
    assert!(v["lines"][0]["price"]["source"]
        .as_str()
        .unwrap()
        .contains("usage type USE2-Storage-ShardHour"));
}

#[test]
fn import_errors() {
    let xdg = temp("errors");
    let cases: &[(&[u8], &str)] = &[
        (b"{\"offerCode\": ", "not an AWS Price List offer file"),
        (b"{\"offerCode\":\"AmazonS3\",\"version\":\"1\",\"publicationDate\":\"2025-01-01\",\"products\":{},\"terms\":{\"OnDemand\":{}}}", "'AmazonS3' is not one kcost imports"),
    ];
    for (i, (body, expected)) in cases.iter().enumerate() {
        let file = xdg.join(format!("offer{i}.json"));
        std::fs::write(&file, body).unwrap();
        let (status, out, err) = run(&xdg, &["pricing", "import", file.to_str().unwrap()]);
        assert_eq!((status, out.as_str()), (2, ""), "{err}");
        assert!(err.contains(expected), "{err}");
    }
    let (status, _, err) = run(&xdg, &["pricing", "import", "/nonexistent/offer.json"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("cannot read the offer file '/nonexistent/offer.json'"),
        "{err}"
    );
    assert!(
        !xdg.join("kcost/pricing").exists(),
        "nothing written on failure"
    );
}

/// Serves the fixtures as the Price List does; `break_after` cuts the Firehose offer short.
fn price_list(break_firehose: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            let mut line = String::new();
            while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("");
            let code = path
                .trim_start_matches("/offers/v1.0/aws/")
                .split('/')
                .next()
                .unwrap_or("");
            let mut stream = stream;
            match std::fs::read(fixtures().join(format!("{code}.json"))) {
                Ok(body) => {
                    let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
                    let _ = stream.write_all(head.as_bytes());
                    let send = if break_firehose && code == "AmazonKinesisFirehose" {
                        &body[..body.len() / 2]
                    } else {
                        &body[..]
                    };
                    let _ = stream.write_all(send);
                }
                Err(_) => {
                    let _ = stream.write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    );
                }
            }
        }
    });
    base
}

#[test]
fn update_downloads_and_imports_and_a_broken_download_changes_nothing() {
    let xdg = temp("update");
    let dir = xdg.join("kcost/pricing");
    let (status, out, err) = run(&xdg, &["pricing", "update", "--url", &price_list(false)]);
    assert_eq!(status, 0, "{err}");
    for code in [
        "AmazonKinesis",
        "AmazonKinesisFirehose",
        "AmazonKinesisAnalytics",
    ] {
        assert!(dir.join(format!("offers/{code}.json")).exists(), "{code}");
    }
    assert!(
        out.contains("us-east-2: 21 prices"),
        "Kinesis and Firehose merged: {out}"
    );
    let before: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    assert!(before.len() >= 4);

    // The server breaks off half way through the Firehose offer: an error, and nothing changed.
    let (status, out, err) = run(&xdg, &["pricing", "update", "--url", &price_list(true)]);
    assert_eq!((status, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    for (path, bytes) in &before {
        assert_eq!(
            &std::fs::read(path).unwrap(),
            bytes,
            "{} changed",
            path.display()
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("offers"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files removed: {leftovers:?}"
    );
}

#[test]
fn update_around_fetches_the_offers_around_a_stream_region_by_region() {
    let xdg = temp("update-around");
    let dir = xdg.join("kcost/pricing");
    let (status, out, err) = run(
        &xdg,
        &[
            "pricing",
            "update",
            "--url",
            &price_list(false),
            "--around",
            "--region",
            "us-east-2",
        ],
    );
    assert_eq!(status, 0, "{err}");
    for code in [
        "AmazonCloudWatch",
        "awskms",
        "AmazonEC2",
        "AmazonVPC",
        "AWSLambda",
        "AmazonDynamoDB",
    ] {
        let file = dir.join(format!("offers/{code}-us-east-2.json"));
        assert!(file.exists(), "{}", file.display());
    }
    // The Kinesis offers' 21 Ohio prices and the 15 of the offers around the stream, one table.
    assert!(out.contains("us-east-2: 36 prices"), "{out}");
    // The imported NAT gateway price is AWS's own: confirmed, where the built-in one is not.
    let (status, out, _) = run(&xdg, &["pricing", "show", "us-east-2"]);
    assert_eq!(status, 0);
    let nat = out
        .lines()
        .find(|l| l.contains("nat_gateway_gb"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(nat.contains("confirmed"), "{nat}");
}

#[test]
fn show_and_diff() {
    let xdg = temp("show");
    let (status, out, _) = run(&xdg, &["pricing", "show", "eu-central-1"]);
    assert_eq!(status, 0);
    assert!(
        out.contains("kds_shard_hour") && out.contains("derived"),
        "{out}"
    );
    let (status, out, _) = run(&xdg, &["pricing", "diff", "us-east-2", "eu-central-1"]);
    assert_eq!(status, 0);
    assert!(
        out.contains("│ kds_shard_hour ") && out.contains("+20.0%"),
        "{out}"
    );
    let (status, _, err) = run(&xdg, &["pricing", "show", "mars-1"]);
    assert_eq!(status, 2);
    assert!(err.contains("unknown region 'mars-1'"), "{err}");
}

#[test]
fn discounts_from_the_flag_or_a_pricing_table() {
    let xdg = temp("discount");
    let deck = [
        "--records",
        "100",
        "--size-kb",
        "100",
        "--consumers",
        "10",
        "--region",
        "us-east-2",
    ];
    let mut args = deck.to_vec();
    args.extend(["--discount", "10", "--format", "csv"]);
    let (status, csv, err) = run(&xdg, &args);
    assert_eq!(status, 0, "{err}");
    assert!(csv.contains("\nprovisioned,discount,Discount (10%),,,,-55.13,us-east-2,calculator\nprovisioned,total,Monthly total,,,,496.14,"), "{csv}");
    // A negotiated discount in the user's table for the region.
    let dir = xdg.join("kcost/pricing");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("mine.toml"),
        "[[region]]\ncode = \"us-east-2\"\ndiscount = 5\n",
    )
    .unwrap();
    let mut args = deck.to_vec();
    args.extend(["--format", "json"]);
    let (status, json, err) = run(&xdg, &args);
    assert_eq!(status, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // 551.27 - 27.56 (5%).
    assert_eq!(v["discount"]["discount_usd"], 27.56);
    assert_eq!(v["monthly_usd"], 523.71);
    std::fs::write(
        dir.join("mine.toml"),
        "[[region]]\ncode = \"us-east-2\"\ndiscount = 150\n",
    )
    .unwrap();
    let (status, _, err) = run(&xdg, &deck);
    assert_eq!(status, 2);
    assert!(err.contains("mine.toml:3:12: the discount '150'"), "{err}");
}

#[test]
fn an_invalid_table_to_merge_into_is_named_and_left_as_it_was() {
    let xdg = temp("merge-into-bad");
    let dir = xdg.join("tables");
    std::fs::create_dir_all(&dir).unwrap();
    let table = dir.join("us-east-2.toml");
    let hand_edited = "[[region]]\ncode = \"us-east-2\"\nname = \"US East (Ohio)\"\n\n[region.prices.kds_shard_hour]\nusd = \"cheap\"\n";
    std::fs::write(&table, hand_edited).unwrap();
    let (kinesis, into) = (fixtures().join("AmazonKinesis.json"), dir.to_str().unwrap());
    let args = [
        "pricing",
        "import",
        kinesis.to_str().unwrap(),
        "--dir",
        into,
    ];
    let (status, out, err) = run(&xdg, &args);
    assert_eq!((status, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("the table the import merges into is not valid")
            && err.contains(&format!("{}:6:7", table.display())),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&table).unwrap(), hand_edited);
    let written: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(written.len(), 1, "no other table written: {written:?}");
}
