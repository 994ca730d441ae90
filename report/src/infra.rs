//! A priced change of infrastructure: one row per Kinesis resource (its action, its month before
//! and after, the difference), the totals, what needs usage and what is not priced; then each
//! priced resource as its own report.

use kcost_core::infra::{InfraEstimate, ResourceCost};
use kcost_core::money::Money;
use kcost_core::scenario::ComponentEstimate;
use kcost_core::Face;

use super::{many, worded, Report, Result, Summary};
use crate::Format;

/// At most this many resources kcost does not price are named; the rest are counted.
const UNPRICED_NAMED: usize = 10;

/// `e` in `format`; notes in the words of `face`.
pub fn infra(e: &InfraEstimate, format: Format, face: &dyn Face) -> Result<String> {
    let summary = summary(e, face);
    let mut reports: Vec<Report<'_>> = e
        .resources
        .iter()
        .filter_map(|r| resource_report(r, face))
        .collect();
    let out = many(&summary, &mut reports, e, format)?;
    if format != Format::Csv {
        return Ok(out);
    }
    Ok(out + &crate::csv::rows(&change_rows(e))?)
}

/// The summary table: one row per resource, then the total.
fn summary(e: &InfraEstimate, face: &dyn Face) -> Summary {
    let mut rows: Vec<[String; 4]> = e
        .resources
        .iter()
        .map(|r| {
            [
                r.address.clone(),
                r.action.name().to_string(),
                format!(
                    "{} -> {}",
                    month(r.before_monthly_usd),
                    month(r.monthly_usd)
                ),
                signed(r.delta_usd),
            ]
        })
        .collect();
    rows.push([
        "Total".to_string(),
        String::new(),
        format!(
            "{} -> {}",
            e.before_monthly_usd.to_text(true),
            e.monthly_usd.to_text(true)
        ),
        signed(e.delta_usd),
    ]);
    Summary {
        title: format!(
            "{}: what the change costs a month, Kinesis resources{}",
            match e.source {
                kcost_core::infra::Source::Terraform => "Terraform plan",
                kcost_core::infra::Source::CloudFormation => "CloudFormation template",
            },
            e.region
                .as_ref()
                .map_or(String::new(), |r| format!(", region {r}"))
        ),
        header: [
            "Resource",
            "Action",
            "Monthly (USD), before -> after",
            "Change (USD)",
        ],
        rows,
        right: &[2, 3],
        notes: notes(e),
        warnings: worded(&e.warnings, face),
    }
}

/// The change in the CSV's columns: each resource's month before and its difference, then the
/// plan's.
fn change_rows(e: &InfraEstimate) -> Vec<[String; 9]> {
    let row =
        |component: &str, item: &str, description: String, usd: Option<Money>, region: &str| {
            [
                component.to_string(),
                item.to_string(),
                description,
                String::new(),
                String::new(),
                String::new(),
                usd.map_or_else(String::new, |m| m.to_string()),
                region.to_string(),
                String::new(),
            ]
        };
    let mut rows: Vec<[String; 9]> = Vec::new();
    for r in &e.resources {
        let region = r.region.as_deref().unwrap_or("");
        rows.push(row(
            &r.address,
            "before",
            "Monthly total before the change".to_string(),
            r.before_monthly_usd,
            region,
        ));
        rows.push(row(
            &r.address,
            "change",
            format!("{}: after less before", r.action.name()),
            Some(r.delta_usd),
            region,
        ));
    }
    let all = [
        (
            "before",
            "Monthly total before the change",
            e.before_monthly_usd,
        ),
        ("after", "Monthly total after the change", e.monthly_usd),
        ("change", "After less before", e.delta_usd),
    ];
    for (item, description, usd) in all {
        rows.push(row("all", item, description.to_string(), Some(usd), ""));
    }
    rows
}

/// An address as a TOML table key: in single quotes when it holds double ones.
fn toml_key(address: &str) -> String {
    if address.contains('"') && !address.contains('\'') {
        format!("'{address}'")
    } else {
        format!("\"{}\"", address.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// A month, or `-` where there is none.
fn month(m: Option<Money>) -> String {
    m.map_or_else(|| "-".to_string(), |m| m.to_text(true))
}

/// `+43.80`, `-21.90`, `0.00`.
fn signed(m: Money) -> String {
    if m.cents() > 0 {
        format!("+{}", m.to_text(true))
    } else {
        m.to_text(true)
    }
}

fn notes(e: &InfraEstimate) -> Vec<String> {
    let mut notes = Vec::new();
    if e.region.is_none() {
        notes.push(
            "No region given, and none in the code: priced in kcost's default region, us-east-1 \
             (give --region)"
                .to_string(),
        );
    }
    notes.push(format!(
        "Monthly: {} USD before the change, {} USD after it ({} USD)",
        e.before_monthly_usd.to_text(true),
        e.monthly_usd.to_text(true),
        signed(e.delta_usd)
    ));
    for r in &e.resources {
        if !r.needs_usage.is_empty() {
            let priced = if r.monthly_usd.or(r.before_monthly_usd).is_some() {
                "priced on what the code fixes only; its traffic's lines need usage"
            } else {
                "not priced: it needs usage"
            };
            notes.push(format!(
                "{}: {priced}: give {} under [{}] in the usage file (--usage)",
                r.address,
                r.needs_usage.join(", "),
                toml_key(&r.address)
            ));
        }
        for n in &r.notes {
            notes.push(format!("{}: {}", r.address, n.text()));
        }
    }
    if !e.unpriced.is_empty() {
        let named: Vec<String> = e
            .unpriced
            .iter()
            .take(UNPRICED_NAMED)
            .map(|u| format!("{} ({})", u.address, u.action.name()))
            .collect();
        let more = e.unpriced.len().saturating_sub(UNPRICED_NAMED);
        notes.push(format!(
            "Not priced (kcost prices Kinesis resources and what serves them): {}{}",
            named.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    notes
}

/// A priced resource's own report: its estimate, under its address and action.
fn resource_report<'a>(r: &'a ResourceCost, face: &dyn Face) -> Option<Report<'a>> {
    let mut report = match r.estimate.as_ref()? {
        ComponentEstimate::Stream(e) => Report::stream(e, face),
        ComponentEstimate::Analytics(e) => Report::analytics(e, face),
        ComponentEstimate::Firehose(e) => Report::firehose(e, face),
        ComponentEstimate::Consumer(e) => Report::consumer(e, face),
    };
    report.title = format!("{} ({}): {}", r.address, r.action.name(), report.title);
    report.component = r.address.clone();
    report.lines = &r.lines;
    report.warnings = worded(&r.warnings, face);
    if !r.needs_usage.is_empty() {
        // Priced at no traffic for the lines the code fixes: the traffic's figures mean nothing.
        report
            .title
            .push_str(", the code's fixed lines only (no usage given)");
        report.inputs.clear();
        report.capacity.clear();
        report.findings.clear();
        report.assumptions.clear();
    }
    Some(report)
}
