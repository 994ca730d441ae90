//! `kcost sweep`: points, monotone costs, CSV, the SVG plot, and bad sweeps.

mod common;
use common::{fails, ok};

#[test]
fn a_record_sweep_grows_in_every_mode_and_plots_with_named_axes() {
    let svg = std::env::temp_dir().join(format!("kcost-sweep-{}.svg", std::process::id()));
    let csv = ok(&[
        "sweep",
        "--records",
        "10..100000",
        "--steps",
        "12",
        "--log",
        "--size-kb",
        "1",
        "--format",
        "csv",
        "--plot",
        svg.to_str().unwrap(),
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("Record rate (records/s),Shards,provisioned (USD),on-demand (USD),advantage (USD)")
    );
    let rows: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').map(|c| c.parse().unwrap()).collect())
        .collect();
    assert_eq!(rows.len(), 12);
    assert_eq!((rows[0][0], rows[11][0]), (10.0, 100_000.0));
    for column in 1..5 {
        assert!(
            rows.windows(2).all(|w| w[0][column] <= w[1][column]),
            "column {column} falls: {csv}"
        );
    }
    let plot = std::fs::read_to_string(&svg).unwrap();
    assert!(plot.starts_with("<svg"), "an SVG file");
    for text in [
        "Monthly cost (USD)",
        "Record rate (records/s), log scale",
        "provisioned",
        "on-demand",
    ] {
        assert!(plot.contains(text), "{text} missing from the plot");
    }
    let _ = std::fs::remove_file(svg);
}

#[test]
fn sizes_and_consumers_sweep_too() {
    let out = ok(&[
        "sweep",
        "--records",
        "1000",
        "--size-kb",
        "1..1000",
        "--steps",
        "5",
    ]);
    assert!(out.contains("Record size (KB)"), "{out}");
    let out = ok(&[
        "sweep",
        "--records",
        "100",
        "--size-kb",
        "100",
        "--consumers",
        "1..20",
        "--steps",
        "20",
        "--format",
        "csv",
    ]);
    // 100 records/s of 100 KB: egress 9.77 x N / 2, so 49 shards at 10 consumers (551.27).
    assert!(out.contains("\n10,49,551.27,"), "{out}");
}

#[test]
fn bad_sweeps_say_what_to_do() {
    for (args, expected) in [
        (
            vec!["sweep", "--records", "100", "--size-kb", "1"],
            "give one input as a range FROM..TO",
        ),
        (
            vec!["sweep", "--records", "1..10", "--size-kb", "1..2"],
            "sweep one input at a time",
        ),
        (
            vec!["sweep", "--records", "10..1", "--size-kb", "1"],
            "TO above FROM",
        ),
        (
            vec![
                "sweep",
                "--records",
                "1..10",
                "--size-kb",
                "1",
                "--steps",
                "1",
            ],
            "2 to 10,000 points",
        ),
        (
            vec!["sweep", "--records", "0..10", "--size-kb", "1", "--log"],
            "cannot start at 0",
        ),
        (
            vec![
                "sweep",
                "--records",
                "1..10",
                "--size-kb",
                "1",
                "--region",
                "mars-1",
            ],
            "unknown region 'mars-1'",
        ),
    ] {
        let err = fails(&args);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    // A plot that cannot be written leaves nothing half-written.
    let file = std::env::temp_dir().join(format!("kcost-sweep-file-{}", std::process::id()));
    std::fs::write(&file, "a file, not a folder").unwrap();
    let inside = file.join("p.svg");
    let err = fails(&[
        "sweep",
        "--records",
        "1..10",
        "--size-kb",
        "1",
        "--plot",
        inside.to_str().unwrap(),
    ]);
    assert!(
        err.contains(&format!("cannot write '{}'", inside.display())),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "a file, not a folder"
    );
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = ok(&["completions", shell]);
        assert!(
            out.contains("kcost") && out.contains("sweep") && out.contains("--size-kb"),
            "{shell}"
        );
    }
    let man = ok(&["man"]);
    assert!(
        man.contains(".TH kcost 1") && man.contains(r"\fB\-\-records\fR"),
        "{man}"
    );
    assert!(fails(&["completions", "cmd.exe"]).contains("invalid value 'cmd.exe'"));
}
