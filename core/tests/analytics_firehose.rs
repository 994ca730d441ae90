//! Managed Flink / Data Analytics and Data Firehose lines against figures computed by hand, the
//! arithmetic beside each. Prices: eu-west-2 (`testing::london`) and us-east-1 analytics.

// Cents are written as 193_14 so that they read as 193.14 USD.
#![allow(clippy::inconsistent_digit_grouping)]

use kcost_core::analytics::{self, AnalyticsWorkload, AppSize, Engine};
use kcost_core::firehose::{self, FirehoseWorkload, Source};
use kcost_core::notes::{AnalyticsWarning, FirehoseAssumption, FirehoseWarning, StreamWarning};
use kcost_core::{render_steps, testing, Line, Options, Rounding, Warning};

fn traced() -> Options {
    Options {
        rounding: Rounding::Calculator,
        trace: true,
        ..Options::default()
    }
}

#[track_caller]
fn line<'a>(lines: &'a [Line], item: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.item == item)
        .unwrap_or_else(|| panic!("no {item} in {lines:?}"))
}

#[test]
fn the_decks_ten_sql_apps_cost_193_14_in_london() {
    let w = AnalyticsWorkload::new(Engine::Sql, 10, AppSize::kpu_hours("5/day").unwrap());
    let e = analytics::estimate(&w, Some("eu-west-2"), &testing::deck_book(), traced()).unwrap();
    // 5 per day x (730 / 24) = 152.0833 -> 152.08, reused: 10 x 152.08 = 1,520.80 KPU-hours
    // x 0.127 = 193.1416 -> 193.14 (the unrounded chain would give 193.15).
    assert_eq!(e.inputs.kpu_hours_per_app, 152.08);
    assert_eq!(e.monthly_usd.cents(), 193_14);
    let text = render_steps(&e.steps);
    assert!(
        text.starts_with(
            "5 per day x (730 hours in a month / 24 hours in a day) = 152.08 per month\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("Kinesis Data Analytics for SQL applications cost (monthly): 193.14 USD\n"),
        "{text}"
    );
    assert_eq!(e.lines.len(), 1, "SQL has no storage or orchestration");
    assert!(e
        .warnings
        .contains(&Warning::Analytics(AnalyticsWarning::SqlRetired)));
    // Exact rounding keeps 152.0833...: 193.15.
    let exact = Options {
        rounding: Rounding::Exact,
        trace: false,
        ..Options::default()
    };
    let e = analytics::estimate(&w, Some("eu-west-2"), &testing::deck_book(), exact).unwrap();
    assert_eq!(e.monthly_usd.cents(), 193_15);
}

#[test]
fn flink_lines() {
    let w = AnalyticsWorkload {
        backup_gb: 10.0,
        ..AnalyticsWorkload::new(Engine::Flink, 3, AppSize::Kpus(2))
    };
    let e = analytics::estimate(&w, Some("us-east-1"), &testing::deck_book(), traced()).unwrap();
    // 2 KPUs + 1 orchestration = 3 billable x 730 = 2,190 KPU-hours per app; x 3 apps = 6,570
    // x 0.11 = 722.70.
    assert_eq!(line(&e.lines, "kpu_hours").quantity, 6570.0);
    assert_eq!(line(&e.lines, "kpu_hours").monthly_usd.cents(), 722_70);
    // Storage: 3 apps x 2 KPUs x 50 GB = 300 GB-months x 0.10 = 30.00.
    assert_eq!(line(&e.lines, "running_storage").quantity, 300.0);
    assert_eq!(line(&e.lines, "running_storage").monthly_usd.cents(), 30_00);
    // Backups: 3 x 10 GB = 30 GB-months x 0.023 = 0.69.
    assert_eq!(line(&e.lines, "backups").monthly_usd.cents(), 69);
    assert_eq!(e.monthly_usd.cents(), 722_70 + 30_00 + 69);

    // Parallelism 5 at 2 per KPU: RoundUp(2.5) = 3 KPUs; Studio adds 2 orchestration KPUs:
    // (3 + 2) x 730 = 3,650 KPU-hours x 0.11 = 401.50; storage 3 x 50 = 150 x 0.10 = 15.00.
    let studio = AnalyticsWorkload::new(
        Engine::Studio,
        1,
        AppSize::Parallelism {
            parallelism: 5,
            per_kpu: 2,
        },
    );
    let e =
        analytics::estimate(&studio, Some("us-east-1"), &testing::deck_book(), traced()).unwrap();
    assert_eq!(e.inputs.kpus, Some(3.0));
    assert_eq!(line(&e.lines, "kpu_hours").monthly_usd.cents(), 401_50);
    assert_eq!(line(&e.lines, "running_storage").monthly_usd.cents(), 15_00);

    // Storage included: no storage line, and the assumption says so.
    let included = AnalyticsWorkload {
        storage_included: true,
        ..AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(1))
    };
    let e = analytics::estimate(
        &included,
        Some("us-east-1"),
        &testing::deck_book(),
        traced(),
    )
    .unwrap();
    assert_eq!(e.lines.len(), 1);
    // (1 + 1) x 730 = 1,460 x 0.11 = 160.60.
    assert_eq!(e.monthly_usd.cents(), 160_60);
}

#[test]
fn flink_sized_in_kpu_hours_bills_orchestration_all_month() {
    let w = AnalyticsWorkload::new(Engine::Flink, 1, AppSize::kpu_hours("4/h").unwrap());
    let e = analytics::estimate(&w, Some("us-east-1"), &testing::deck_book(), traced()).unwrap();
    // 4 per hour x 730 = 2,920 + 730 orchestration = 3,650 KPU-hours x 0.11 = 401.50.
    assert_eq!(e.inputs.kpu_hours_per_app, 3650.0);
    assert_eq!(line(&e.lines, "kpu_hours").monthly_usd.cents(), 401_50);
    // Storage on the average work KPUs: 2,920 / 730 = 4 x 50 GB = 200 GB-months x 0.10 = 20.00.
    assert_eq!(line(&e.lines, "running_storage").quantity, 200.0);
}

#[test]
fn flink_at_12_hours_a_day_bills_its_kpus_and_orchestration_for_those_hours() {
    let w = AnalyticsWorkload {
        hours_per_day: Some(12.0),
        ..AnalyticsWorkload::new(Engine::Flink, 3, AppSize::Kpus(2))
    };
    let e = analytics::estimate(&w, Some("us-east-1"), &testing::deck_book(), traced()).unwrap();
    // 12 x (730 / 24) = 365 running hours; (2 + 1) x 365 = 1,095 KPU-hours per app; x 3 apps =
    // 3,285 x 0.11 = 361.35 (half the 722.70 of all day).
    assert_eq!(e.inputs.kpu_hours_per_app, 1095.0);
    assert_eq!(line(&e.lines, "kpu_hours").quantity, 3285.0);
    assert_eq!(line(&e.lines, "kpu_hours").monthly_usd.cents(), 361_35);
    // Storage stays all month (said): 3 x 2 x 50 = 300 GB-months x 0.10 = 30.00.
    assert_eq!(line(&e.lines, "running_storage").monthly_usd.cents(), 30_00);
    assert!(e
        .assumptions
        .iter()
        .any(|a| a.to_string().contains("run 12 hours a day")));
    assert!(render_steps(&e.steps).starts_with(
        "12 hours a day x (730 hours in a month / 24 hours in a day) = 365.00 running hours per month\n\
         2 KPUs + 1 orchestration KPU = 3 billable KPUs per application\n\
         3 billable KPUs per application x 365.00 running hours per month = 1,095.00 KPU-hours per application\n"
    ));

    // KPU-hours keep their meaning; the orchestration KPU follows the running hours:
    // 4 per hour x 730 = 2,920 + 1 x 365 = 3,285 KPU-hours x 0.11 = 361.35; no all-month
    // assumption.
    let rate = AnalyticsWorkload {
        hours_per_day: Some(12.0),
        ..AnalyticsWorkload::new(Engine::Flink, 1, AppSize::kpu_hours("4/h").unwrap())
    };
    let e = analytics::estimate(&rate, Some("us-east-1"), &testing::deck_book(), traced()).unwrap();
    assert_eq!(e.inputs.kpu_hours_per_app, 3285.0);
    assert_eq!(line(&e.lines, "kpu_hours").monthly_usd.cents(), 361_35);
    // Storage on the average work KPUs: (3,285 - 365) / 730 = 4 x 50 = 200 GB-months.
    assert_eq!(line(&e.lines, "running_storage").quantity, 200.0);
    assert!(!e
        .assumptions
        .iter()
        .any(|a| a.to_string().contains("run all month")));

    // All day is the same as not saying: 722.70 as in flink_lines.
    let all_day = AnalyticsWorkload {
        hours_per_day: Some(24.0),
        ..AnalyticsWorkload::new(Engine::Flink, 3, AppSize::Kpus(2))
    };
    let e =
        analytics::estimate(&all_day, Some("us-east-1"), &testing::deck_book(), traced()).unwrap();
    assert_eq!(line(&e.lines, "kpu_hours").monthly_usd.cents(), 722_70);
    for bad in [0.0, -1.0, 24.5, f64::NAN] {
        let w = AnalyticsWorkload {
            hours_per_day: Some(bad),
            ..AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(1))
        };
        let err = analytics::estimate(&w, Some("us-east-1"), &testing::deck_book(), traced());
        assert!(
            err.unwrap_err()
                .to_string()
                .contains("more than 0 and at most 24"),
            "{bad}"
        );
    }
}

#[test]
fn analytics_inputs_are_checked() {
    let book = testing::deck_book();
    for (w, message) in [
        (
            AnalyticsWorkload::new(Engine::Flink, 0, AppSize::Kpus(1)),
            "application count must be at least 1",
        ),
        (
            AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(0)),
            "KPU count must be at least 1",
        ),
        (
            AnalyticsWorkload::new(
                Engine::Flink,
                1,
                AppSize::Parallelism {
                    parallelism: 4,
                    per_kpu: 0,
                },
            ),
            "parallelism per KPU must be at least 1",
        ),
    ] {
        let err =
            analytics::estimate(&w, Some("us-east-1"), &book, Options::default()).unwrap_err();
        assert!(err.to_string().contains(message), "{err}");
    }
    assert!(AppSize::kpu_hours("5/min")
        .unwrap_err()
        .to_string()
        .contains("per hour, day or month"));
    assert!("spark"
        .parse::<Engine>()
        .unwrap_err()
        .to_string()
        .contains("flink, sql or studio"));
    // us-east-2 has no analytics prices in the deck book: the missing price is named.
    let err = analytics::estimate(
        &AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(1)),
        Some("us-east-2"),
        &book,
        Options::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("kda_kpu_hour"), "{err}");
}

#[test]
fn analytics_refuses_a_zero_parallelism_and_negative_backups_by_name() {
    let book = testing::deck_book();
    let refused = |w: AnalyticsWorkload| {
        analytics::estimate(&w, Some("us-east-1"), &book, Options::default())
            .unwrap_err()
            .to_string()
    };
    let zero = AnalyticsWorkload::new(
        Engine::Flink,
        1,
        AppSize::Parallelism {
            parallelism: 0,
            per_kpu: 2,
        },
    );
    let err = refused(zero);
    assert!(err.contains("parallelism must be at least 1"), "{err}");
    assert!(!err.contains("per KPU"), "{err}");
    for gb in [-1.0, f64::NAN, f64::INFINITY] {
        let w = AnalyticsWorkload {
            backup_gb: gb,
            ..AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(1))
        };
        let err = refused(w);
        assert!(err.contains("backup size"), "{gb}: {err}");
    }
}

#[test]
fn engines_read_and_print_as_the_cli_writes_them() {
    for (engine, name) in [
        (Engine::Flink, "flink"),
        (Engine::Sql, "sql"),
        (Engine::Studio, "studio"),
    ] {
        assert_eq!(engine.to_string(), name);
        assert_eq!(name.parse::<Engine>().unwrap(), engine);
        assert_eq!(
            format!(" {} ", name.to_uppercase())
                .parse::<Engine>()
                .unwrap(),
            engine
        );
    }
}

#[test]
fn running_24_hours_a_day_is_running_all_month() {
    // Flink, 2 KPUs: (2 + 1) x 730 = 2,190 KPU-hours x 0.11 = 240.90, whether the hours a day
    // are not given or given as 24; the calculation is the same, step for step.
    let all_day = AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(2));
    let given = AnalyticsWorkload {
        hours_per_day: Some(24.0),
        ..all_day
    };
    let book = testing::deck_book();
    let a = analytics::estimate(&all_day, Some("us-east-1"), &book, traced()).unwrap();
    let b = analytics::estimate(&given, Some("us-east-1"), &book, traced()).unwrap();
    assert_eq!(line(&b.lines, "kpu_hours").quantity, 2190.0);
    assert_eq!(line(&b.lines, "kpu_hours").monthly_usd.cents(), 240_90);
    assert_eq!(render_steps(&a.steps), render_steps(&b.steps));
    assert!(!render_steps(&b.steps).contains("hours a day"));
}

#[test]
fn sql_warns_that_storage_does_not_apply_only_when_some_is_asked_for() {
    let book = testing::deck_book();
    let warnings = |w: AnalyticsWorkload| {
        analytics::estimate(&w, Some("us-east-1"), &book, traced())
            .unwrap()
            .warnings
    };
    let sql = AnalyticsWorkload::new(Engine::Sql, 1, AppSize::Kpus(2));
    // Plain SQL: only that it is retired.
    assert_eq!(
        warnings(sql),
        [Warning::Analytics(AnalyticsWarning::SqlRetired)]
    );
    // Backups or storage asked of SQL: said, once, either way.
    for w in [
        AnalyticsWorkload {
            backup_gb: 5.0,
            ..sql
        },
        AnalyticsWorkload {
            storage_included: true,
            ..sql
        },
    ] {
        assert_eq!(
            warnings(w),
            [
                Warning::Analytics(AnalyticsWarning::SqlRetired),
                Warning::Analytics(AnalyticsWarning::SqlHasNoStorage)
            ],
            "{w:?}"
        );
    }
    // Studio's orchestration KPUs are secondary; Flink's are not, and Flink says nothing.
    let flink = AnalyticsWorkload::new(Engine::Flink, 1, AppSize::Kpus(2));
    assert!(warnings(flink).is_empty());
    let studio = AnalyticsWorkload {
        engine: Engine::Studio,
        ..flink
    };
    assert_eq!(
        warnings(studio),
        [Warning::Analytics(
            AnalyticsWarning::StudioOrchestrationSecondary
        )]
    );
}

#[test]
fn sql_in_kpus_adds_no_orchestration_step() {
    // 2 KPUs x 730 = 1,460 KPU-hours x 0.11 = 160.60; SQL has no orchestration KPU to add.
    let w = AnalyticsWorkload::new(Engine::Sql, 1, AppSize::Kpus(2));
    let e = analytics::estimate(&w, Some("us-east-1"), &testing::deck_book(), traced()).unwrap();
    assert_eq!(e.monthly_usd.cents(), 160_60);
    let text = render_steps(&e.steps);
    assert!(!text.contains("orchestration"), "{text}");
    assert!(
        text.starts_with("2 KPUs x 730 hours in a month = 1,460.00 KPU-hours per application\n"),
        "{text}"
    );
}

#[test]
fn storage_from_a_rate_of_kpu_hours_is_the_work_kpus_on_average_less_orchestration() {
    // Exact rounding shows the unrounded figures: 4 per hour x 730 = 2,920 work KPU-hours +
    // 1 x 730 orchestration = 3,650; storage on (3,650 - 730) / 730 = 4 KPUs on average x 50 GB
    // = 200 GB-months, exactly.
    let exact = Options {
        rounding: Rounding::Exact,
        trace: false,
        ..Options::default()
    };
    let w = AnalyticsWorkload::new(Engine::Flink, 1, AppSize::kpu_hours("4/h").unwrap());
    let e = analytics::estimate(&w, Some("us-east-1"), &testing::deck_book(), exact).unwrap();
    assert_eq!(line(&e.lines, "running_storage").quantity, 200.0);
    // Studio's two orchestration KPUs: (4 x 730 + 2 x 730 - 2 x 730) / 730 = 4 as well.
    let studio = AnalyticsWorkload {
        engine: Engine::Studio,
        ..w
    };
    let e = analytics::estimate(&studio, Some("us-east-1"), &testing::deck_book(), exact).unwrap();
    assert_eq!(line(&e.lines, "running_storage").quantity, 200.0);
}

fn hose(records: &str, size: &str) -> FirehoseWorkload {
    FirehoseWorkload::new(records.parse().unwrap(), size.parse().unwrap())
}

#[track_caller]
fn fire(w: FirehoseWorkload) -> firehose::FirehoseEstimate {
    firehose::estimate(&w, Some("eu-west-2"), &testing::deck_book(), traced()).unwrap()
}

#[test]
fn firehose_rounds_each_record_up_to_5_kb() {
    let e = fire(hose("1000", "3"));
    // 3 KB bills as 5 KB: 5 x 1,000 x 2,628,000 / 1,048,576 = 12,531.28 GB x 0.035 = 438.5948.
    assert_eq!(e.inputs.billed_kb_per_record, 5.0);
    assert_eq!(line(&e.lines, "ingestion_tier1").quantity, 12_531.28);
    assert_eq!(e.monthly_usd.cents(), 438_59);
    // Sent: 3 x 1,000 x 2,628,000 / 1,048,576 = 7,518.77 GB; the warning says +67%.
    let r = e.rounding_5kb.unwrap();
    assert_eq!((r.sent_gb, r.billed_gb), (7518.77, 12_531.28));
    assert!(
        e.warnings.iter().any(|w| w.to_string().contains("+67%")),
        "{:?}",
        e.warnings
    );
    // A 12 KB record bills 15 KB; MSK and vended logs are not rounded.
    assert_eq!(fire(hose("1", "12")).inputs.billed_kb_per_record, 15.0);
    let msk = FirehoseWorkload {
        source: Source::Msk,
        ..hose("1", "3")
    };
    let err = firehose::estimate(
        &msk,
        Some("eu-west-2"),
        &testing::deck_book(),
        Options::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("firehose_msk_ingest_gb"),
        "MSK has no price here: {err}"
    );
}

#[test]
fn firehose_tier_boundaries() {
    let items = |e: &firehose::FirehoseEstimate| e.lines.iter().map(|l| l.item).collect::<Vec<_>>();
    // Exactly 512,000 GB: 512,000 x 1,048,576 / 5 = 107,374,182,400 records of 5 KB a month
    // (exact rounding, which keeps the rate unrounded): the first tier only.
    let exact = Options {
        rounding: Rounding::Exact,
        trace: false,
        ..Options::default()
    };
    let at = |records: &str, options| {
        firehose::estimate(
            &hose(records, "5"),
            Some("eu-west-2"),
            &testing::deck_book(),
            options,
        )
        .unwrap()
    };
    let e = at("107374182400/month", exact);
    assert_eq!(items(&e), ["ingestion_tier1"]);
    assert_eq!(line(&e.lines, "ingestion_tier1").quantity, 512_000.0);
    // 512,000 x 0.035 = 17,920.00.
    assert_eq!(e.monthly_usd.cents(), 17_920_00);
    // Exactly 2,048,000 GB (429,496,729,600 records a month): two tiers, the second full.
    let e = at("429496729600/month", exact);
    assert_eq!(items(&e), ["ingestion_tier1", "ingestion_tier2"]);
    assert_eq!(line(&e.lines, "ingestion_tier2").quantity, 1_536_000.0);
    // 17,920.00 + 1,536,000 x 0.030 (46,080.00).
    assert_eq!(e.monthly_usd.cents(), 17_920_00 + 46_080_00);

    // Either side of the first bound with the calculator's rounding: 5 x 40,857.75 x 2,628,000 /
    // 1,048,576 = 511,999.93 GB (one tier); 40,857.76 gives 512,000.05 GB, 0.05 in the second.
    let calc = Options::default();
    assert_eq!(items(&at("40857.75", calc)), ["ingestion_tier1"]);
    let over = at("40857.76", calc);
    assert_eq!(line(&over.lines, "ingestion_tier2").quantity, 0.05);
    // Beyond the second bound: 200,000 records/s = 2,506,256.10 GB; 458,256.10 GB in the third
    // tier x 0.024 = 10,998.1464 -> 10,998.15.
    let far = at("200000", calc);
    // The second tier is full: 1,536,000 GB x 0.030 = 46,080.00.
    assert_eq!(line(&far.lines, "ingestion_tier2").quantity, 1_536_000.0);
    assert_eq!(line(&far.lines, "ingestion_tier3").quantity, 458_256.1);
    assert_eq!(
        line(&far.lines, "ingestion_tier3").monthly_usd.cents(),
        10_998_15
    );
    assert_eq!(far.monthly_usd.cents(), 17_920_00 + 46_080_00 + 10_998_15);
    // No records: the first tier's line at 0 GB, costing nothing.
    let none = at("0", calc);
    assert_eq!(items(&none), ["ingestion_tier1"]);
    assert_eq!(line(&none.lines, "ingestion_tier1").quantity, 0.0);
    assert_eq!(none.monthly_usd.cents(), 0);
}

#[test]
fn firehose_add_ons() {
    let w = FirehoseWorkload {
        format_conversion: true,
        dynamic_partitioning: true,
        object_size_mb: Some(64.0),
        jq_hours: 100.0,
        vpc_subnets: 3,
        vpc_ratio: 0.5,
        ..hose("1000", "10")
    };
    let e = fire(w);
    // 10 x 1,000 x 2,628,000 / 1,048,576 = 25,062.56 GB.
    let gb = 25_062.56;
    assert_eq!(line(&e.lines, "ingestion_tier1").quantity, gb);
    // Format conversion 25,062.56 x 0.021 = 526.31376 -> 526.31.
    assert_eq!(
        line(&e.lines, "format_conversion").monthly_usd.cents(),
        526_31
    );
    // Dynamic partitioning 25,062.56 x 0.02 = 501.2512 -> 501.25.
    assert_eq!(
        line(&e.lines, "dynamic_partitioning").monthly_usd.cents(),
        501_25
    );
    // Objects: 25,062.56 x 1024 / 64 / 1000 = 401.00 thousand x 0.005 = 2.005, which as a double
    // is 2.00499999...: toFixed gives 2.00, as the calculator would.
    assert_eq!(line(&e.lines, "s3_objects").quantity, 401.0);
    assert_eq!(line(&e.lines, "s3_objects").monthly_usd.cents(), 2_00);
    // JQ: 100 h x 0.07 = 7.00.
    assert_eq!(line(&e.lines, "jq_processing").monthly_usd.cents(), 7_00);
    // VPC: 25,062.56 x 0.5 = 12,531.28 GB x 0.01 = 125.31; 3 subnets x 730 = 2,190 AZ-hours
    // x 0.011 = 24.09.
    assert_eq!(line(&e.lines, "vpc_data").quantity, 12_531.28);
    assert_eq!(line(&e.lines, "vpc_data").monthly_usd.cents(), 125_31);
    assert_eq!(line(&e.lines, "vpc_az_hours").monthly_usd.cents(), 24_09);
    let sum: i64 = e.lines.iter().map(|l| l.monthly_usd.cents()).sum();
    assert_eq!(e.monthly_usd.cents(), sum);
}

#[test]
fn dynamic_partitioning_is_billed_on_the_bytes_delivered_and_a_vpc_ratio_may_exceed_1() {
    let w = FirehoseWorkload {
        dynamic_partitioning: true,
        vpc_subnets: 1,
        vpc_ratio: 1.3,
        ..hose("1000", "1")
    };
    let e = fire(w);
    // Ingest: each 1 KB record bills 5 KB: 5 x 1,000 x 2,628,000 / 1,048,576 = 12,531.28 GB.
    assert_eq!(line(&e.lines, "ingestion_tier1").quantity, 12_531.28);
    // Partitioning on the 1 KB delivered: 1 x 1,000 x 2,628,000 / 1,048,576 = 2,506.2561 ->
    // 2,506.26 GB x 0.02 = 50.1252 -> 50.13 (it was 250.63 on the rounded ingest: 400% high).
    assert_eq!(line(&e.lines, "dynamic_partitioning").quantity, 2_506.26);
    assert_eq!(
        line(&e.lines, "dynamic_partitioning").monthly_usd.cents(),
        50_13
    );
    // Objects from the delivered GB: 2,506.26 x 1024 / 128 / 1000 = 20.05 thousand.
    assert_eq!(line(&e.lines, "s3_objects").quantity, 20.05);
    // VPC: 12,531.28 x 1.30 = 16,290.66 GB x 0.01 = 162.9066 -> 162.91, with a warning.
    assert_eq!(line(&e.lines, "vpc_data").quantity, 16_290.66);
    assert_eq!(line(&e.lines, "vpc_data").monthly_usd.cents(), 162_91);
    assert!(e
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::Firehose(FirehoseWarning::VpcRatioAboveOne { ratio }) if *ratio == 1.3)));
    assert!(render_steps(&e.steps).contains(
        "1 KB delivered per record x 1,000 records per sec x 2628000 seconds in a month / 1048576 KB per GB = 2,506.26 GB partitioned"
    ), "{}", render_steps(&e.steps));
}

#[test]
fn s3_objects_come_from_partitions_flushed_every_interval_or_the_buffer_size() {
    // 1,000 partitions flushing every 60 s: 1,000 x 2,628,000 / 60 = 43,800,000 objects, 43,800
    // thousand x 0.005 = 219.00 (the bytes alone, 2,506.26 GB / 128 MB, make 20.05 thousand).
    let w = FirehoseWorkload {
        dynamic_partitioning: true,
        active_partitions: Some(1000),
        buffer_interval_s: Some(60.0),
        ..hose("1000", "1")
    };
    let e = fire(w);
    assert_eq!(line(&e.lines, "s3_objects").quantity, 43_800.0);
    assert_eq!(line(&e.lines, "s3_objects").monthly_usd.cents(), 219_00);
    let text = render_steps(&e.steps);
    assert!(text.contains("1,000 active partitions x 2628000 seconds in a month / 60 seconds buffer interval / 1000 objects per thousand = 43,800.00 thousand S3 objects (partitions flushed every interval)"), "{text}");
    // Few partitions filling fast: the size bound wins. 100,000/s x 1 KB = 250,625.61 GB x 1024
    // / 64 MB / 1000 = 4,010.01 thousand; 10 partitions every 900 s are 29.20 thousand.
    let w = FirehoseWorkload {
        dynamic_partitioning: true,
        active_partitions: Some(10),
        buffer_interval_s: Some(900.0),
        buffer_size_mb: Some(64.0),
        source: Source::KinesisStream,
        ..hose("100000", "5")
    };
    let e = fire(w);
    // 5 KB records: 100,000 x 5 x 2,628,000 / 1,048,576 = 1,253,128.05 GB (no rounding at 5 KB);
    // x 1024 / 64 / 1000 = 20,050.05 thousand.
    assert_eq!(line(&e.lines, "s3_objects").quantity, 20_050.05);
    // A direct object size overrides both; a default interval is said.
    let w = FirehoseWorkload {
        dynamic_partitioning: true,
        active_partitions: Some(1000),
        ..hose("1000", "1")
    };
    let e = fire(w);
    // 1,000 x 2,628,000 / 300 = 8,760 thousand.
    assert_eq!(line(&e.lines, "s3_objects").quantity, 8_760.0);
    assert!(e
        .assumptions
        .iter()
        .any(|a| a.to_string().contains("every 300 seconds")));
    for (partitions, interval, size) in [
        (Some(0), None, None),
        (None, Some(30.0), None),
        (None, None, Some(256.0)),
    ] {
        let w = FirehoseWorkload {
            dynamic_partitioning: true,
            active_partitions: partitions,
            buffer_interval_s: interval,
            buffer_size_mb: size,
            ..hose("1", "1")
        };
        assert!(firehose::estimate(
            &w,
            Some("eu-west-2"),
            &testing::deck_book(),
            Options::default()
        )
        .is_err());
    }
}

#[test]
fn firehose_inputs_are_checked() {
    let book = testing::deck_book();
    let big = FirehoseWorkload::new("1".parse().unwrap(), "1001".parse().unwrap());
    let err = firehose::estimate(&big, Some("eu-west-2"), &book, Options::default()).unwrap_err();
    assert!(err.to_string().contains("1,000 KiB"), "{err}");
    let ratio = FirehoseWorkload {
        vpc_subnets: 1,
        vpc_ratio: -0.5,
        ..hose("1", "1")
    };
    let err = firehose::estimate(&ratio, Some("eu-west-2"), &book, Options::default()).unwrap_err();
    assert!(err.to_string().contains("must be 0 or more"), "{err}");
    assert!("kafka"
        .parse::<Source>()
        .unwrap_err()
        .to_string()
        .contains("direct-put, kinesis-stream, msk or vended-logs"));
}

proptest::proptest! {
    /// S3 objects are never fewer than either bound: the GB partitioned in buffer-size objects,
    /// and one object per active partition every buffer interval.
    #[test]
    fn s3_objects_are_never_fewer_than_either_bound(
        rate in 0.0..200_000.0f64, size in 0.01..1000.0f64, partitions in 0u32..5_000,
        interval in 60.0..=900.0f64, buffer in 64.0..=128.0f64, rounding in proptest::prop_oneof![
            proptest::strategy::Just(Rounding::Calculator), proptest::strategy::Just(Rounding::Exact)
        ],
    ) {
        let w = FirehoseWorkload {
            dynamic_partitioning: true,
            active_partitions: (partitions > 0).then_some(partitions),
            buffer_interval_s: Some(interval),
            buffer_size_mb: Some(buffer),
            ..FirehoseWorkload::new(
                kcost_core::Rate::new(rate, kcost_core::Per::Second).unwrap(),
                kcost_core::RecordSize::from_kb(size).unwrap(),
            )
        };
        let options = Options { rounding, ..Options::default() };
        let e = firehose::estimate(&w, Some("eu-west-2"), &testing::deck_book(), options).unwrap();
        let partitioned = line(&e.lines, "dynamic_partitioning").quantity;
        let objects = line(&e.lines, "s3_objects").quantity;
        // Both bounds in thousands, less a cent of display rounding (calculator policy).
        let by_size = partitioned * 1024.0 / buffer / 1000.0;
        let by_interval = f64::from(partitions) * 2_628_000.0 / interval / 1000.0;
        proptest::prop_assert!(objects >= by_size - 0.01, "{} < {} by size", objects, by_size);
        proptest::prop_assert!(objects >= by_interval - 0.01, "{} < {} by interval", objects, by_interval);
    }
}

#[test]
fn firehose_sources_read_and_print_as_the_cli_writes_them() {
    for (source, name) in [
        (Source::DirectPut, "direct-put"),
        (Source::KinesisStream, "kinesis-stream"),
        (Source::Msk, "msk"),
        (Source::VendedLogs, "vended-logs"),
    ] {
        assert_eq!(source.to_string(), name);
        assert_eq!(name.parse::<Source>().unwrap(), source, "{name}");
        let typed = format!(" {} ", name.to_uppercase());
        assert_eq!(typed.parse::<Source>().unwrap(), source, "{typed:?}");
    }
}

/// London with a Firehose price for MSK and vended-logs ingestion: a fixture figure for these
/// tests, not AWS's (kcost's tables have neither price).
fn london_with_unrounded_sources() -> kcost_core::RegionPrices {
    let mut london = testing::london();
    for key in [
        kcost_core::PriceKey::FirehoseMskIngestGb,
        kcost_core::PriceKey::FirehoseVendedLogsGb,
    ] {
        london.prices.insert(
            key,
            kcost_core::Price {
                usd: 0.05,
                source: "test fixture".into(),
                as_of: "2025-11".into(),
                confidence: kcost_core::Confidence::Confirmed,
            },
        );
    }
    london
}

#[test]
fn msk_and_vended_logs_bill_each_record_as_sent_at_one_price() {
    let prices = london_with_unrounded_sources();
    for (source, description) in [
        (Source::Msk, "Ingestion (MSK)"),
        (Source::VendedLogs, "Ingestion (vended logs)"),
    ] {
        let w = FirehoseWorkload {
            source,
            ..hose("1000", "3")
        };
        let e = firehose::estimate_in(&w, &prices, traced()).unwrap();
        // 3 KB as sent (no 5 KB steps): 3 x 1,000 x 2,628,000 / 1,048,576 = 7,518.77 GB, one
        // line at 0.05 = 375.9385 -> 375.94; no tiers, so no note about tiers per stream.
        assert_eq!(e.inputs.billed_kb_per_record, 3.0);
        assert_eq!(e.lines.len(), 1, "{:?}", e.lines);
        let ingestion = line(&e.lines, "ingestion");
        assert_eq!(ingestion.description, description);
        assert_eq!(ingestion.quantity, 7_518.77);
        assert_eq!(e.monthly_usd.cents(), 375_94);
        assert_eq!(e.rounding_5kb, None);
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
        assert!(
            !e.assumptions.iter().any(|a| matches!(
                a,
                kcost_core::Assumption::Firehose(FirehoseAssumption::FirehoseTiersPerStream)
            )),
            "{:?}",
            e.assumptions
        );
        assert!(
            render_steps(&e.steps).contains("3 KB billed per record x 1,000 records per sec"),
            "{}",
            render_steps(&e.steps)
        );
    }
    // Direct PUT of the same records is tiered, each tier a stream's own.
    let e = firehose::estimate_in(&hose("1000", "3"), &prices, traced()).unwrap();
    assert!(e.assumptions.iter().any(|a| matches!(
        a,
        kcost_core::Assumption::Firehose(FirehoseAssumption::FirehoseTiersPerStream)
    )));
}

#[test]
fn the_5_kb_rounding_is_reported_only_where_it_bills_more_and_warned_over_a_tenth() {
    // 5 KB records are billed as sent: nothing to report.
    assert_eq!(fire(hose("1000", "5")).rounding_5kb, None);
    // 4.6 KB bills 5 KB, 8.7% more: reported, not warned (though the gap, 1,002.50 GB, is far
    // more than 1.1 GB).
    let e = fire(hose("1000", "4.6"));
    let r = e.rounding_5kb.unwrap();
    // 4.6 x 1,000 x 2,628,000 / 1,048,576 = 11,528.78 GB sent; 5 KB: 12,531.28 billed.
    assert_eq!((r.sent_gb, r.billed_gb), (11_528.78, 12_531.28));
    assert!(
        !e.warnings.iter().any(|w| matches!(
            w,
            Warning::Firehose(FirehoseWarning::FirehoseRounding { .. })
        )),
        "{:?}",
        e.warnings
    );
    // Exactly a tenth more is not warned: 4.5455 KB x 0.4389/s = 5.00 GB sent a month, 5 KB x
    // 0.4389/s = 5.50 GB billed, and 5.00 x 1.1 is 5.50 exactly as a double.
    let e = fire(hose("0.4389", "4.5455"));
    let r = e.rounding_5kb.unwrap();
    assert_eq!((r.sent_gb, r.billed_gb), (5.0, 5.5));
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
}

#[test]
fn dynamic_partitioning_without_jq_has_no_jq_line_and_a_vpc_ratio_of_1_no_warning() {
    let w = FirehoseWorkload {
        dynamic_partitioning: true,
        vpc_subnets: 2,
        vpc_ratio: 1.0,
        ..hose("1000", "10")
    };
    let e = fire(w);
    let items: Vec<_> = e.lines.iter().map(|l| l.item).collect();
    assert_eq!(
        items,
        [
            "ingestion_tier1",
            "dynamic_partitioning",
            "s3_objects",
            "vpc_data",
            "vpc_az_hours"
        ]
    );
    // 25,062.56 GB x 1.00 all into the VPC; no warning for a ratio of exactly 1 (only the
    // partitioning prices' being secondary is said).
    assert_eq!(line(&e.lines, "vpc_data").quantity, 25_062.56);
    assert!(
        e.warnings
            .iter()
            .all(|w| matches!(w, Warning::UnconfirmedPrice { .. })),
        "{:?}",
        e.warnings
    );
    // A ratio of 0 is allowed: nothing delivered into the VPC, its AZ-hours still billed
    // (2 x 730 = 1,460 x 0.011 = 16.06).
    let w = FirehoseWorkload {
        vpc_subnets: 2,
        vpc_ratio: 0.0,
        ..hose("1000", "10")
    };
    let e = fire(w);
    assert_eq!(line(&e.lines, "vpc_data").quantity, 0.0);
    assert_eq!(line(&e.lines, "vpc_az_hours").monthly_usd.cents(), 16_06);
}

#[test]
fn firehose_bounds_are_refused_exactly_where_they_are() {
    let book = testing::deck_book();
    let refused = |w: FirehoseWorkload| {
        firehose::estimate(&w, Some("eu-west-2"), &book, Options::default())
            .unwrap_err()
            .to_string()
    };
    // The largest record, 1,000 KiB, is accepted; a little more is not.
    let e = fire(hose("1", "1000"));
    assert_eq!(e.inputs.billed_kb_per_record, 1000.0);
    assert!(refused(hose("1", "1000.01")).contains("1,000 KiB"));
    for mb in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let w = FirehoseWorkload {
            dynamic_partitioning: true,
            object_size_mb: Some(mb),
            ..hose("1", "1")
        };
        let err = refused(w);
        assert!(err.contains("object size"), "{mb}: {err}");
    }
    for hours in [-1.0, f64::NAN, f64::INFINITY] {
        let w = FirehoseWorkload {
            dynamic_partitioning: true,
            jq_hours: hours,
            ..hose("1", "1")
        };
        let err = refused(w);
        assert!(err.contains("JQ hours"), "{hours}: {err}");
    }
    for ratio in [f64::NAN, f64::INFINITY] {
        let w = FirehoseWorkload {
            vpc_subnets: 1,
            vpc_ratio: ratio,
            ..hose("1", "1")
        };
        let err = refused(w);
        assert!(err.contains("must be 0 or more"), "{ratio}: {err}");
    }
}

#[test]
fn a_firehose_rate_that_rounds_to_no_traffic_says_so() {
    let warned = |records: &str| {
        fire(hose(records, "1"))
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Stream(StreamWarning::RateRoundsToZero(_))))
    };
    // 1 record a month / 2,628,000 seconds = 0.00000038 records/s: 0.00 at the calculator's 2
    // decimals. No records at all, or a rate that shows (6,000 a minute is 100.00 a second), is
    // no surprise.
    assert!(warned("1/month"));
    assert!(!warned("0/month"));
    assert!(!warned("6000/min"));
}
