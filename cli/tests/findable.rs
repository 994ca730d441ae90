//! Regions a person can find, warnings that help, and docs that tell the truth (issue 11): region
//! suggestions, completions that offer regions, a default region that cannot price the command,
//! one warning for old prices (and its setting), and the small things a first run trips on.

mod common;
use common::{deck, fails, kcost, ok};

#[test]
fn a_mistyped_region_gets_the_one_meant() {
    for typed in ["US-EAST-1", "us-east1", "useast1", "us-eats-1", "Us_East_1"] {
        let stderr = fails(&["--records", "1", "--size-kb", "1", "--region", typed]);
        assert_eq!(
            stderr,
            format!("error: unknown region '{typed}'; did you mean us-east-1?\n")
        );
    }
    // Real regions kcost has no prices for are not typos of others.
    for other in ["eu-west-1", "ap-southeast-1", "us-east-3"] {
        let stderr = fails(&["--records", "1", "--size-kb", "1", "--region", other]);
        assert!(stderr.contains("known regions: "), "{stderr}");
        assert!(!stderr.contains("did you mean"), "{stderr}");
    }
}

#[test]
fn completions_offer_region_codes_and_no_pricing_flag() {
    let bash = ok(&["completions", "bash"]);
    assert!(
        bash.contains("us-east-1 us-east-2 us-west-2"),
        "region codes"
    );
    // --pricing belongs to the commands that price, not to completions or man.
    assert!(!ok(&["completions", "--help"]).contains("--pricing"));
    assert!(!ok(&["man", "--help"]).contains("--pricing"));
    assert!(ok(&["firehose", "--help"]).contains("--pricing"));
}

#[test]
fn a_default_region_that_cannot_price_names_the_regions_that_can() {
    let stderr = fails(&["firehose", "--records", "1000", "--size-kb", "3"]);
    assert_eq!(
        stderr,
        "error: region us-east-1 has no price for Firehose ingestion, first 512,000 GB a month \
         (firehose_ingest_tier1_gb), which this estimate needs; eu-west-2, us-east-2 have it: \
         give --region one of them, or give a pricing table with --pricing FILE\n"
    );
    let msk = fails(&[
        "firehose",
        "--records",
        "1000",
        "--size-kb",
        "3",
        "--source",
        "msk",
        "--region",
        "us-east-2",
    ]);
    assert!(
        msk.contains("and no region kcost has prices for has it: give a pricing table"),
        "{msk}"
    );
}

/// Runs kcost on `args` with today pinned to `today` and, when given, `KCOST_PRICE_AGE`.
fn at(today: &str, age: Option<&str>, args: &[&str]) -> String {
    let mut cmd = kcost(args);
    cmd.env("KCOST_TODAY", today);
    if let Some(age) = age {
        cmd.env("KCOST_PRICE_AGE", age);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const OLD: &str = "prices used here are over";

#[test]
fn old_prices_are_one_line_after_the_workloads_warnings() {
    let args = deck(&[]);
    // The us-east-1 prices are as of 2025-11.
    let today = at("2026-12", None, &args);
    let warnings = today.split("Warnings:\n").nth(1).unwrap();
    let lines: Vec<&str> = warnings.lines().collect();
    assert_eq!(lines.len(), 2, "{warnings}");
    assert!(lines[0].contains("shared consumers split"), "{warnings}");
    insta::assert_snapshot!("old_prices_line", lines[1]);
    assert_eq!(
        at("2026-11", None, &args).matches(OLD).count(),
        0,
        "a year is not old"
    );
    // The setting: an age, or off; the flag wins over the environment.
    assert_eq!(at("2026-12", Some("off"), &args).matches(OLD).count(), 0);
    assert_eq!(at("2026-12", Some("13"), &args).matches(OLD).count(), 0);
    let mut flagged = args.clone();
    flagged.extend(["--price-age", "6"]);
    assert!(at("2026-12", Some("off"), &flagged).contains("over 6 months old"));
    let bad = fails(&deck(&["--price-age", "soon"]));
    assert!(
        bad.contains("a whole number of months (12), or off"),
        "{bad}"
    );
}

#[test]
fn a_comparison_and_a_pipeline_say_it_once() {
    let compare = at("2026-12", None, &deck(&["--mode", "compare"]));
    assert_eq!(compare.matches(OLD).count(), 1, "{compare}");
    assert!(compare
        .trim_end()
        .ends_with("or give a pricing table with --pricing FILE"));
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/clickstream-pipeline.toml"
    );
    let pipeline = at("2026-12", None, &["estimate", example]);
    assert_eq!(pipeline.matches(OLD).count(), 1);
    let bullets = pipeline.lines().filter(|l| l.starts_with("  - ")).count();
    // (Its Firehose streams in Ohio read a Virginia stream: the transfer adds an assumption and a
    // secondary price's warning.)
    assert!(bullets < 18, "{bullets} bullets:\n{pipeline}");
    // No warning is said twice: the bullets under every "Warnings:" heading.
    let mut seen = std::collections::BTreeSet::new();
    let mut in_warnings = false;
    for line in pipeline.lines() {
        if line == "Warnings:" {
            in_warnings = true;
        } else if let (true, Some(w)) = (in_warnings, line.strip_prefix("  - ")) {
            assert!(seen.insert(w), "said twice: {w}");
        } else {
            in_warnings = false;
        }
    }
    assert!(seen.len() >= 3, "{seen:?}");
}

#[test]
fn sweep_money_groups_thousands_and_batch_counts_one_row() {
    let sweep = ok(&[
        "sweep",
        "--records",
        "100..100000",
        "--steps",
        "2",
        "--size-kb",
        "1",
    ]);
    assert!(
        sweep.contains("100,000") && sweep.contains("3,079.69"),
        "{sweep}"
    );
    let dir = std::env::temp_dir().join(format!("kcost-findable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("one.csv");
    std::fs::write(&file, "records,size-kb\n1,1\n").unwrap();
    let table = ok(&["batch", file.to_str().unwrap(), "--format", "table"]);
    assert!(
        table.contains("1 row ") && !table.contains("1 rows"),
        "{table}"
    );
}

#[test]
fn man_writes_the_pages_it_refers_to() {
    let dir = std::env::temp_dir().join(format!("kcost-man-{}", std::process::id()));
    ok(&["man", "--dir", dir.to_str().unwrap()]);
    let main = std::fs::read_to_string(dir.join("kcost.1")).unwrap();
    let mut referred = 0;
    for (at, _) in main.match_indices("kcost\\-") {
        let name: String = main[at..]
            .chars()
            .take_while(|c| *c != '(')
            .filter(|c| *c != '\\')
            .collect();
        assert!(
            dir.join(format!("{name}.1")).exists(),
            "{name}.1 is referred to"
        );
        referred += 1;
    }
    assert!(referred >= 8, "{referred}");
    assert!(!ok(&["man"]).contains("kcost\\-help"));
}
