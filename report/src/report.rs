//! A [`Report`]: what every format shows of one priced component, built once from the core's
//! result, so that the table, Markdown and CSV renderers agree and no renderer knows a service.

use kcost_core::analytics::{AnalyticsEstimate, AppSize};
use kcost_core::around::{Around, Encryption, KmsKey, Network};
use kcost_core::firehose::FirehoseEstimate;
use kcost_core::{
    DiscountLine, Estimate, Face, Form, Input, Line, Money, Per, Rounding, Step, Subtotals,
};

/// One priced component, ready to lay out.
#[derive(Debug)]
pub struct Report<'a> {
    /// What the component is, for CSV's first column (`provisioned`, `flink`, a pipeline's name).
    pub component: String,
    /// The heading line.
    pub title: String,
    /// Label and value of each input shown.
    pub inputs: Vec<[String; 2]>,
    /// Label, value and note of each capacity figure (provisioned streams only).
    pub capacity: Vec<[String; 3]>,
    /// The cost lines.
    pub lines: &'a [Line],
    /// The monthly total, after any discount.
    pub total: Money,
    /// The discount, shown as its own line.
    pub discount: Option<DiscountLine>,
    /// The stream's and around the stream's subtotals, when it has lines around it.
    pub subtotals: Option<Subtotals>,
    /// The rounding policy, for showing quantities as the calculation did.
    pub rounding: Rounding,
    /// The region code.
    pub region: &'a str,
    /// What the analyses found, one sentence each.
    pub findings: Vec<String>,
    /// A heading and rows of month, rate, shards, cost.
    pub growth: Option<(String, Vec<[String; 4]>)>,
    /// Assumptions, written out.
    pub assumptions: Vec<String>,
    /// Warnings, written out.
    pub warnings: Vec<String>,
    /// The calculation's steps.
    pub steps: &'a [Step],
    /// The analyses' steps.
    pub analysis_steps: &'a [Step],
}

/// The header of the cost table.
pub const COST_HEADER: [&str; 5] = [
    "Item",
    "Quantity",
    "Unit",
    "Unit price (USD)",
    "Monthly (USD)",
];

/// The subtotal row of a stream's own lines.
pub const STREAM_SUBTOTAL: &str = "The stream";

/// The subtotal row of the lines around a stream.
pub const AROUND_SUBTOTAL: &str = "Around the stream";

/// The header of the growth table.
pub const GROWTH_HEADER: [&str; 4] = ["Month", "Records/s", "Shards", "Monthly (USD)"];

/// The report of an analytics or Firehose estimate, but for its component name, inputs and
/// findings: both have the same fields for the rest.
macro_rules! service_report {
    ($e:expr, $face:expr) => {
        Report {
            component: String::new(),
            title: heading($e.service.title(), &$e.region, &$e.region_name, $e.rounding),
            inputs: Vec::new(),
            capacity: Vec::new(),
            lines: &$e.lines,
            total: $e.monthly_usd,
            discount: $e.discount,
            subtotals: None,
            rounding: $e.rounding,
            region: &$e.region,
            findings: Vec::new(),
            growth: None,
            assumptions: $e.assumptions.iter().map(|a| a.text($face)).collect(),
            warnings: $e.warnings.iter().map(|w| w.text($face)).collect(),
            steps: &$e.steps,
            analysis_steps: &[],
        }
    };
}

impl<'a> Report<'a> {
    /// A Data Streams estimate, its notes in the words of `face`.
    pub fn stream(e: &'a Estimate, face: &dyn Face) -> Report<'a> {
        Report {
            component: e.mode.name().to_string(),
            title: title(e),
            inputs: input_rows(e),
            capacity: shard_rows(e),
            lines: &e.lines,
            total: e.monthly_usd,
            discount: e.discount,
            subtotals: e.subtotals,
            rounding: e.rounding,
            region: &e.region,
            findings: findings(e),
            growth: growth_rows(e),
            assumptions: e.assumptions.iter().map(|a| a.text(face)).collect(),
            warnings: e.warnings.iter().map(|w| w.text(face)).collect(),
            steps: &e.steps,
            analysis_steps: &e.analysis_steps,
        }
    }

    /// An analytics estimate, its notes in the words of `face`.
    pub fn analytics(e: &'a AnalyticsEstimate, face: &dyn Face) -> Report<'a> {
        let i = &e.inputs;
        let mut inputs = vec![
            ["Engine".to_string(), i.engine.name().to_string()],
            ["Applications".to_string(), i.apps.to_string()],
        ];
        match i.size {
            AppSize::Kpus(k) => inputs.push(["KPUs per application".to_string(), k.to_string()]),
            AppSize::Parallelism {
                parallelism,
                per_kpu,
            } => inputs.push([
                "Parallelism".to_string(),
                format!("{parallelism} at {per_kpu} per KPU"),
            ]),
            AppSize::KpuHours(rate) => inputs.push([
                "KPU-hours per application".to_string(),
                format!("{} per {}", rate.count, rate.per.name()),
            ]),
        }
        inputs.push([
            "Billed KPU-hours per application".to_string(),
            format!("{} a month", e.rounding.show(i.kpu_hours_per_app, 2)),
        ]);
        if let Some(hours) = i.hours_per_day {
            inputs.push(["Running hours".to_string(), format!("{hours} a day")]);
        }
        if i.backup_gb > 0.0 {
            inputs.push([
                "Durable backups".to_string(),
                format!("{} GB per application", i.backup_gb),
            ]);
        }
        Report {
            component: i.engine.name().to_string(),
            inputs,
            ..service_report!(e, face)
        }
    }

    /// A Lambda function's or KCL application's own bill, its notes in the words of `face`.
    pub fn consumer(e: &'a kcost_core::consumers::ConsumerEstimate, face: &dyn Face) -> Report<'a> {
        Report {
            component: e.service.title().to_string(),
            ..service_report!(e, face)
        }
    }

    /// A Firehose estimate, its notes in the words of `face`.
    pub fn firehose(e: &'a FirehoseEstimate, face: &dyn Face) -> Report<'a> {
        let i = &e.inputs;
        let mut inputs = vec![
            [
                "Records".to_string(),
                rate_text(
                    i.records.count,
                    i.records.per,
                    i.records_per_second,
                    e.rounding,
                ),
            ],
            [
                "Average record size".to_string(),
                format!("{} KB", i.size_kb),
            ],
            ["Source".to_string(), i.source.name().to_string()],
            [
                "Billed per record".to_string(),
                format!("{} KB", Rounding::show_input(i.billed_kb_per_record)),
            ],
        ];
        for (on, label) in [
            (i.format_conversion, "Format conversion"),
            (i.dynamic_partitioning, "Dynamic partitioning"),
        ] {
            if on {
                inputs.push([label.to_string(), "yes".to_string()]);
            }
        }
        if i.vpc_subnets > 0 {
            inputs.push(["VPC subnets".to_string(), i.vpc_subnets.to_string()]);
        }
        let findings = e
            .rounding_5kb
            .map(|r| {
                format!(
                    "5 KB rounding: {} GB billed a month for {} GB sent",
                    e.rounding.show(r.billed_gb, 2),
                    e.rounding.show(r.sent_gb, 2)
                )
            })
            .into_iter()
            .collect();
        Report {
            component: "firehose".to_string(),
            inputs,
            findings,
            ..service_report!(e, face)
        }
    }

    /// One row per cost line, then the total row with `total(label, amount)` deciding its
    /// emphasis.
    pub fn cost_rows(&self, total: impl Fn(&str, String) -> [String; 2]) -> Vec<Vec<String>> {
        let subtotal = |label: &str, amount: Money| {
            vec![
                label.to_string(),
                String::new(),
                String::new(),
                String::new(),
                amount.to_text(true),
            ]
        };
        let mut rows: Vec<Vec<String>> = Vec::with_capacity(self.lines.len() + 4);
        for (i, line) in self.lines.iter().enumerate() {
            // With lines around the stream (they come after its own), each part has its subtotal.
            if let (Some(s), true) = (self.subtotals, line.around) {
                if self.lines.get(i.wrapping_sub(1)).is_some_and(|l| !l.around) {
                    rows.push(subtotal(STREAM_SUBTOTAL, s.stream_usd));
                }
            }
            rows.push(vec![
                line.description.to_string(),
                // The quantity as the calculation showed it.
                self.rounding.show(line.quantity, 2),
                line.unit.to_string(),
                line.unit_price_usd.to_string(),
                line.monthly_usd.to_text(true),
            ]);
        }
        if let Some(s) = self.subtotals {
            rows.push(subtotal(AROUND_SUBTOTAL, s.around_usd));
        }
        if let Some(d) = &self.discount {
            rows.push(vec![
                format!(
                    "Discount ({}%) on {} USD",
                    d.percent,
                    d.list_usd.to_text(true)
                ),
                String::new(),
                String::new(),
                String::new(),
                format!("-{}", d.discount_usd.to_text(true)),
            ]);
        }
        let [label, amount] = total("Total", self.total.to_text(true));
        rows.push(vec![
            label,
            String::new(),
            String::new(),
            String::new(),
            amount,
        ]);
        rows
    }

    /// The notes under an estimate: prices with their provenance, assumptions and warnings.
    pub fn notes(&self) -> Vec<String> {
        let mut out = vec![format!("Prices for {} (USD):", self.region)];
        for line in self.lines {
            out.push(format!(
                "  {}: {} per {}, {}, as of {}; {}",
                line.description,
                line.unit_price_usd,
                line.unit,
                line.price.confidence,
                line.price.as_of,
                line.price.source
            ));
        }
        if !self.assumptions.is_empty() {
            out.push("Assumptions:".to_string());
            out.extend(self.assumptions.iter().map(|a| format!("  - {a}")));
        }
        if !self.warnings.is_empty() {
            out.push("Warnings:".to_string());
            out.extend(self.warnings.iter().map(|w| format!("  - {w}")));
        }
        out
    }
}

/// `Managed Service for Apache Flink, eu-west-2 (Europe (London)), calculator rounding`.
fn heading(service: &str, region: &str, name: &str, rounding: Rounding) -> String {
    format!("{service}, {region} ({name}), {} rounding", rounding.name())
}

/// `100 per second`, or `1000 per minute (16.67 per second)`.
fn rate_text(count: f64, per: Per, per_second: f64, rounding: Rounding) -> String {
    if per == Per::Second {
        format!("{count} per second")
    } else {
        format!(
            "{count} per {} ({} per second)",
            per.name(),
            rounding.show(per_second, 2)
        )
    }
}

/// `Kinesis Data Streams, provisioned, us-east-2 (US East (Ohio)), calculator rounding, 2021
/// calculator form`.
fn title(e: &Estimate) -> String {
    format!(
        "{}, {}, {} ({}), {} rounding, {} calculator form",
        e.service.title(),
        e.mode.name(),
        e.region,
        e.region_name,
        e.rounding.name(),
        e.form.name()
    )
}

/// The inputs table: the three every estimate has, then those given beyond their defaults.
fn input_rows(e: &Estimate) -> Vec<[String; 2]> {
    let i = &e.inputs;
    let mut rows = vec![
        ["Records".to_string(), records(e)],
        [
            "Average record size".to_string(),
            format!("{} KB", i.size_kb),
        ],
        [
            "Consumer applications".to_string(),
            format!("{} (shared throughput)", i.consumers),
        ],
    ];
    let mut add = |label: &str, value: String| rows.push([label.to_string(), value]);
    if i.efo_consumers > 0 {
        add("Enhanced fan-out consumers", i.efo_consumers.to_string());
    }
    if i.retention_hours != 24.0 {
        add("Retention", retention(i.retention_hours));
    }
    if i.long_term_reads_gb > 0.0 {
        add(
            "Long-term reads",
            format!("{} GB a month", i.long_term_reads_gb),
        );
    }
    if let Some(peak) = i.peak_records_per_second {
        add(
            "Peak records",
            format!("{} per second", Rounding::show_input(peak)),
        );
    }
    if i.target_utilization_percent < 100.0 {
        add(
            "Target utilization",
            format!("{}%", i.target_utilization_percent),
        );
    }
    if let Some(share) = i.hot_key_share {
        add("Hot-key share", format!("{share} of the traffic"));
    }
    if let Some(kb) = i.aggregate_kb {
        add(
            "Aggregation",
            format!("into Kinesis records of up to {kb} KB"),
        );
    }
    if i.max_record_size_kb != 1024.0 {
        add(
            "Maximum record size",
            format!("{} KB", i.max_record_size_kb),
        );
    }
    rows.extend(around_rows(&i.around));
    rows
}

/// The inputs around a stream that were given, labelled as the page labels them.
fn around_rows(a: &Around) -> Vec<[String; 2]> {
    let mut rows = Vec::new();
    let mut add = |input: Input, value: String| rows.push([input.spec().label.to_string(), value]);
    if a.shard_metrics > 0 {
        add(
            Input::ShardMetrics,
            format!("{} per shard (of 7)", a.shard_metrics),
        );
    }
    if a.encryption == Encryption::Kms {
        let key = match a.kms_key {
            KmsKey::Aws => "the AWS managed key aws/kinesis",
            KmsKey::Customer => "a customer managed key",
        };
        add(Input::Encryption, format!("KMS, {key}"));
    }
    let path = |n: Network| match n {
        Network::Public => "public endpoint",
        Network::Nat => "through a NAT gateway",
        Network::Endpoint => "through an interface VPC endpoint",
    };
    for (input, network) in [
        (Input::ProducerNetwork, a.producers),
        (Input::ConsumerNetwork, a.consumers),
    ] {
        if network != Network::Public {
            add(input, path(network).to_string());
        }
    }
    if let Some(n) = a.nat_gateways {
        add(Input::NatGateways, format!("{n}, billed here"));
    }
    if let Some(n) = a.endpoint_azs {
        add(Input::EndpointAzs, n.to_string());
    }
    rows
}

/// The stream's record rate as entered, with the per-second rate it came to.
fn records(e: &Estimate) -> String {
    let i = &e.inputs;
    rate_text(
        i.records.count,
        i.records.per,
        i.records_per_second,
        e.rounding,
    )
}

/// `7 days (168 hours)` or `36 hours`.
fn retention(hours: f64) -> String {
    if hours % 24.0 == 0.0 {
        format!("{} days ({hours} hours)", hours / 24.0)
    } else {
        format!("{hours} hours")
    }
}

/// The figures of the shard table: label, value as shown, note. Empty for on-demand modes.
fn shard_rows(e: &Estimate) -> Vec<[String; 3]> {
    let Some(s) = &e.shards else {
        return Vec::new();
    };
    let r = e.rounding;
    let row = |label: &str, value: String, note: &str| [label.to_string(), value, note.to_string()];
    let current = e.form == Form::Current;
    // The current form's needs are whole shards.
    let places = if current { 0 } else { 2 };
    let mut rows = vec![
        row(
            "Shards needed for ingress",
            r.show(s.ingress, places),
            if current {
                "1,024 KB/s per shard, in whole shards"
            } else {
                "1 MB/s per shard"
            },
        ),
        row(
            "Shards needed for egress",
            r.show(s.egress, places),
            if current {
                "2,048 KB/s per shard, shared and enhanced fan-out readers, in whole shards"
            } else {
                "2 MB/s per shard, shared"
            },
        ),
    ];
    if let Some(records) = s.records {
        rows.push(row(
            "Shards needed for records",
            r.show(records, 3),
            "1,000 records/s per shard",
        ));
    }
    if let Some(hot) = s.hot_key {
        rows.push(row(
            "Shards needed for the hot key",
            r.show(hot, 2),
            "its shard under 1 MB/s and 1,000 records/s",
        ));
    }
    rows.push(row(
        "Shards needed",
        r.show(s.needed, places),
        "the largest need",
    ));
    match (s.with_headroom, e.inputs.buffer_percent) {
        (Some(h), Some(buffer)) => rows.push(row(
            "With buffer",
            r.show(h, 2),
            &format!("with a {buffer}% buffer"),
        )),
        (Some(h), None) => {
            let pct = e.inputs.target_utilization_percent;
            rows.push(row(
                "With headroom",
                r.show(h, 2),
                &format!("at {pct}% utilization"),
            ));
        }
        (None, _) => {}
    }
    let why = match s.sized {
        Some(sized) => format!("declared; the traffic needs {sized}"),
        None => "rounded up, at least 1".to_string(),
    };
    rows.push(row("Shards", s.count.to_string(), &why));
    rows
}

/// What the analyses found: aggregation savings, the hot key's shard, consumer delay.
fn findings(e: &Estimate) -> Vec<String> {
    let mut out: Vec<String> = e.schedule.iter().map(schedule_text).collect();
    if let Some(a) = &e.aggregation {
        out.push(format!(
            "Aggregation: {} user records per Kinesis record; {} USD a month against {} USD \
             unaggregated, a saving of {} USD",
            a.user_records_per_kinesis_record,
            e.monthly_usd.to_text(true),
            a.unaggregated_monthly_usd.to_text(true),
            a.saving_usd.to_text(true)
        ));
    }
    if let Some(h) = &e.hot_key {
        let mut line = format!(
            "Hot key: {} of the traffic is {:.2} MB/s and {:.2} records/s on one shard",
            h.share, h.key_mb_per_second, h.key_records_per_second
        );
        match (h.fixable, h.busiest_shard_mb_per_second, h.busiest_shard_records_per_second) {
            (false, _, _) => line.push_str("; no shard count fixes it (see the warning)"),
            (true, Some(mb), Some(recs)) => line.push_str(&format!(
                "; with the rest spread evenly its shard carries {mb:.2} MB/s and {recs:.2} records/s"
            )),
            (true, _, _) => {}
        }
        out.push(line);
    }
    if let Some(ms) = e.consumer_delay_ms {
        let n = e.inputs.consumers;
        let (s, they) = if n == 1 {
            ("", "it reads")
        } else {
            ("s", "each reads")
        };
        out.push(format!(
            "Consumer delay: with {n} shared consumer{s}, {they} a shard about every {ms} ms \
             (a shard serves 5 reads a second, shared)"
        ));
    }
    out
}

/// The growth table's rows: month, records/s, shards, monthly cost.
fn growth_rows(e: &Estimate) -> Option<(String, Vec<[String; 4]>)> {
    let g = e.growth.as_ref()?;
    let mut rows: Vec<[String; 4]> = g
        .months
        .iter()
        .map(|m| {
            [
                m.month.to_string(),
                e.rounding.show(m.records_per_second, 2),
                m.shards.map_or_else(|| "-".to_string(), |s| s.to_string()),
                m.monthly_usd.to_text(true),
            ]
        })
        .collect();
    rows.push([
        "Total".to_string(),
        String::new(),
        String::new(),
        g.total_usd.to_text(true),
    ]);
    let heading = format!(
        "Growth: {}% a month over {} months, {} USD in all",
        g.percent_per_month,
        g.months.len(),
        g.total_usd.to_text(true)
    );
    Some((heading, rows))
}

/// `Schedule (UTC): 00-04 2 shards, 05 4, ...; 4 changes a day (UpdateShardCount allows 10)`.
pub fn schedule_text(s: &kcost_core::metrics::Schedule) -> String {
    let mut runs: Vec<(usize, usize, u64)> = Vec::new();
    for (hour, &n) in s.hours.iter().enumerate() {
        match runs.last_mut() {
            Some((_, end, count)) if *count == n => *end = hour,
            _ => runs.push((hour, hour, n)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|(from, to, n)| {
            if from == to {
                format!("{from:02}:00 {}", shards(*n))
            } else {
                format!("{from:02}:00-{to:02}:59 {}", shards(*n))
            }
        })
        .collect();
    format!(
        "Schedule (UTC, every day): {}; {} changes a day ({} allowed, each to at most double and \
         at least half)",
        parts.join(", "),
        s.changes,
        kcost_core::metrics::MAX_CHANGES_PER_DAY
    )
}

/// `1 shard`, `4 shards`.
pub(crate) fn shards(n: u64) -> String {
    if n == 1 {
        "1 shard".to_string()
    } else {
        format!("{n} shards")
    }
}
