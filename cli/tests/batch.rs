//! `kcost batch`: good and bad rows, row numbers, nothing lost, exit status, CSV, JSONL and stdin.

mod common;
use common::kcost;

const CSV: &str = "name,region,records,size-kb,consumers,mode
deck-ohio,us-east-2,100,100,10,
deck-frankfurt,eu-central-1,100,100,10,provisioned
bad-rate,us-east-1,-5,1,,
on-demand,us-east-1,1000,1,,on-demand
short,us-east-1
bad-region,mars-1,1,1,,
";

fn file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("kcost-batch-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn every_row_appears_once_with_its_number_and_bad_rows_do_not_stop_the_run() {
    let path = file("rows.csv", CSV);
    let out = kcost(&["batch", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "some rows failed");
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("total-"))
        .collect();
    let numbers: Vec<&str> = rows.iter().map(|r| r.split(',').next().unwrap()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"], "{text}");
    assert_eq!(
        rows[0],
        "1,deck-ohio,provisioned,us-east-2,100,100,10,49,551.27,"
    );
    assert_eq!(
        rows[1],
        "2,deck-frankfurt,provisioned,eu-central-1,100,100,10,49,662.26,"
    );
    assert!(
        rows[2].ends_with("records: the record rate '-5' is negative; it must be 0 or more"),
        "{}",
        rows[2]
    );
    assert!(
        rows[4].ends_with("2 fields where the header has 6"),
        "{}",
        rows[4]
    );
    assert!(rows[5].contains("unknown region 'mars-1'"), "{}", rows[5]);
    // Totals by region and mode: 551.27 + 662.26 provisioned; on-demand 1,000 records/s of 1 KB.
    assert!(
        text.contains("\ntotal-region,us-east-2,,,,,,,551.27,\n"),
        "{text}"
    );
    assert!(
        text.contains("\ntotal-mode,provisioned,,,,,,,1213.53,\n"),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "total-all,3 rows,,,,,,,{},\n",
            551.27 + 662.26 + 329.95
        )),
        "{text}"
    );
}

#[test]
fn json_lines_and_stdin() {
    let input = "{\"name\":\"a\",\"records\":100,\"size-kb\":100,\"consumers\":10,\"region\":\"us-east-2\"}\nnot json\n{\"records\":\"1000/min\",\"size_kb\":3,\"colour\":\"red\"}\n";
    let out = kcost(&["batch", "-", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(
        (lines[0]["row"].as_u64(), lines[0]["monthly_usd"].as_f64()),
        (Some(1), Some(551.27))
    );
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("not a JSON object"));
    assert!(lines[2]["error"]
        .as_str()
        .unwrap()
        .contains("unknown column 'colour'"));
    assert_eq!(lines[3]["totals"]["estimated"], 1);
    assert_eq!(lines[3]["totals"]["failed"], 2);
}

#[test]
fn an_unknown_csv_column_is_a_file_error_before_any_output() {
    let path = file("colour.csv", "records,size-kb,colour\n100,1,red\n");
    let out = kcost(&["batch", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "error: {path}:1: unknown column 'colour'; columns are name,"
        )),
        "{stderr}"
    );
}

#[test]
fn all_good_rows_exit_0_and_an_unreadable_file_exits_2() {
    let path = file("good.csv", "records,size-kb\n100,1\n200,2\n");
    let out = kcost(&["batch", &path, "--format", "table"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("│ all      ┆ 2 rows"));
    let out = kcost(&["batch", "/nonexistent/streams.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("cannot read the batch file '/nonexistent/streams.csv'"));
}

#[test]
fn advantage_rows_share_their_regions_commitment() {
    // Two 10 MiB/s Advantage streams and a provisioned one. Alone each Advantage stream would pay
    // the whole commitment (3,079.69); together they pay it once: 821.25 in + 410.62/.63 out each,
    // plus half of the region's shortfall.
    let path = file(
        "advantage.csv",
        "name,region,records,size-kb,consumers,mode
a,us-east-1,10240,1,1,advantage
deck,us-east-2,100,100,10,provisioned
b,us-east-1,10240,1,1,advantage
",
    );
    let out = kcost(&["batch", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let cost = |name: &str| -> f64 {
        let row = text
            .lines()
            .find(|l| l.split(',').nth(1) == Some(name))
            .unwrap_or_else(|| panic!("no row {name}: {text}"));
        row.split(',').nth(8).unwrap().parse().unwrap()
    };
    assert_eq!(
        ((cost("a") + cost("b")) * 100.0).round(),
        307_969.0,
        "{text}"
    );
    assert_eq!(cost("deck"), 551.27);
    assert!(
        text.contains("total-region,us-east-1,,,,,,,3079.69,"),
        "{text}"
    );

    // A region with a Standard on-demand row and an Advantage row cannot be billed.
    let mixed = file(
        "mixed.csv",
        "name,region,records,size-kb,mode
std,us-east-1,100,1,on-demand
adv,us-east-1,100,1,advantage
",
    );
    let out = kcost(&["batch", &mixed]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "the Advantage row fails");
    let text = String::from_utf8(out.stdout).unwrap();
    let adv = text.lines().find(|l| l.contains(",adv,")).unwrap();
    assert!(
        adv.contains("region us-east-1 has 1 on-demand Standard and 1 Advantage stream(s)")
            && adv.contains("cannot have both"),
        "{adv}"
    );
}

/// The output of `kcost batch` on the repository's inventory, in each format.
fn streams(format: &str, threads: &str) -> String {
    let out = kcost(&[
        "batch",
        "../examples/streams.csv",
        "--format",
        format,
        "--threads",
        threads,
    ])
    .output()
    .unwrap();
    // Its row "typo" fails on purpose.
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_output_is_the_same_in_any_number_of_threads() {
    for format in ["csv", "jsonl", "table"] {
        let one = streams(format, "1");
        insta::assert_snapshot!(format!("streams_{format}"), one);
        for threads in ["2", "3", "8"] {
            assert_eq!(
                streams(format, threads),
                one,
                "{format} on {threads} threads"
            );
        }
    }
}

#[test]
fn rows_come_out_in_the_order_they_went_in() {
    // More rows than several chunks of work, with failed rows and Advantage rows (held to the
    // end, where their regions' commitments are shared) among them.
    let mut csv = String::from("name,region,records,size-kb,consumers,mode\n");
    for i in 1..=5000 {
        let row = match i % 97 {
            0 => format!("r{i},us-east-1,-{i},1,1,\n"),
            13 => format!("r{i},us-east-1,{i},1,,advantage\n"),
            _ => format!("r{i},us-east-2,{i},{},{},\n", 1 + i % 50, 1 + i % 4),
        };
        csv.push_str(&row);
    }
    let path = file("order.csv", &csv);
    let out = kcost(&["batch", &path, "--threads", "4"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "some rows failed");
    let text = String::from_utf8(out.stdout).unwrap();
    let numbers: Vec<usize> = text
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("total-"))
        .map(|l| l.split(',').next().unwrap().parse().unwrap())
        .collect();
    let advantage: Vec<usize> = (1..=5000).filter(|i| i % 97 == 13).collect();
    let others: Vec<usize> = (1..=5000).filter(|i| i % 97 != 13).collect();
    assert_eq!(numbers.len(), 5000);
    assert_eq!(numbers[..others.len()], others[..], "rows in input order");
    assert_eq!(
        numbers[others.len()..],
        advantage[..],
        "Advantage rows at the end, in order"
    );
    // Each row is the one its number says.
    for line in text.lines().skip(1).filter(|l| !l.starts_with("total-")) {
        let mut cells = line.split(',');
        let number = cells.next().unwrap();
        assert_eq!(cells.next().unwrap(), format!("r{number}"), "{line}");
    }
}

#[test]
fn a_plain_python_implementation_of_the_provisioned_formula_agrees_on_every_row() {
    // scripts/provisioned.py is what scripts/perf measures the batch against; both must give
    // the same shards and cents for every row (here 3,000 rows like scripts/perf's million).
    let mut csv = String::from("name,region,records,size-kb,consumers\n");
    let regions = ["us-east-1", "us-east-2", "eu-central-1"];
    let mut x: u64 = 1;
    let mut next = |n: u64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        1 + (x >> 33) % n
    };
    for i in 0..3000 {
        let (records, size, consumers) = (next(20000), next(200), next(8));
        csv.push_str(&format!(
            "s{i},{},{records},{size},{consumers}\n",
            regions[i % 3]
        ));
    }
    let rows = file("python.csv", &csv);
    let out = kcost(&["batch", &rows]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let output = file("python-out.csv", &String::from_utf8(out.stdout).unwrap());
    let check = std::process::Command::new("python3")
        .args(["../scripts/provisioned.py", "--check", &rows, &output])
        .output()
        .expect("python3");
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{said}");
    assert_eq!(said.trim(), "3000 rows, 0 differ");
}

#[test]
fn a_reader_that_stops_early_stops_the_batch_quietly() {
    // `kcost batch big.csv | head -1`: more output than a pipe holds, and the reader goes away.
    let mut csv = String::from("name,records,size-kb\n");
    for i in 0..20_000 {
        csv.push_str(&format!("s{i},{},1\n", 1 + i % 500));
    }
    let path = file("pipe.csv", &csv);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kcost"))
        .args(["batch", &path])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        use std::io::BufRead;
        let stdout = child.stdout.take().unwrap();
        std::io::BufReader::new(stdout)
            .read_line(&mut first)
            .unwrap();
    }
    assert!(first.starts_with("row,name,mode,region"), "{first}");
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "no message");
    assert_eq!(out.status.code(), Some(0));
}
