//! The AWS CLI's CloudWatch output, as text: `aws cloudwatch get-metric-data` (one page or
//! several) and `aws cloudwatch get-metric-statistics` (one metric a file), or a CSV table of them
//! (see [`super::table`]). Each metric is known by its label, else its id, else (statistics) its
//! label alone; values must be sums.

use serde::Deserialize;

use super::names::{recognise, shard_of, unknown};
use super::{MetricSeries, MetricsError};

/// The series in one file of CloudWatch output: JSON when it starts with `{`, else a CSV table.
///
/// # Errors
/// An empty file; text that is not JSON or CSV (with line and column), JSON that is neither output,
/// a metric kcost does not read, a statistic other than Sum, timestamps that do not parse or do not
/// match the values, negative values.
pub fn parse(text: &str, file: &str) -> Result<Vec<MetricSeries>, MetricsError> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.is_empty() {
        return Err(MetricsError::file(
            file,
            "the file is empty; export the metrics again (get-metric-data JSON, \
             get-metric-statistics JSON or a CSV table)",
        ));
    }
    if !start.starts_with(['{', '[']) {
        return super::table::table(text, file);
    }
    let shape: serde_json::Value =
        serde_json::from_str(text).map_err(|e| MetricsError::json(file, &e))?;
    let keys = shape.as_object();
    let has = |k: &str| keys.is_some_and(|o| o.contains_key(k));
    if has("MetricDataResults") {
        let data: MetricData =
            serde_json::from_str(text).map_err(|e| MetricsError::json(file, &e))?;
        data.metric_data_results
            .into_iter()
            .map(|r| metric_data(r, file))
            .collect()
    } else if has("Datapoints") {
        let stats: Statistics =
            serde_json::from_str(text).map_err(|e| MetricsError::json(file, &e))?;
        Ok(vec![statistics(stats, file)?])
    } else {
        Err(MetricsError::file(
            file,
            "not the output of `aws cloudwatch get-metric-data` (which has MetricDataResults) or \
             `aws cloudwatch get-metric-statistics` (which has Datapoints)",
        ))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MetricData {
    metric_data_results: Vec<DataResult>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DataResult {
    id: Option<String>,
    label: Option<String>,
    #[serde(default)]
    timestamps: Vec<String>,
    #[serde(default)]
    values: Vec<f64>,
    status_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Statistics {
    label: Option<String>,
    datapoints: Vec<Datapoint>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Datapoint {
    timestamp: String,
    sum: Option<f64>,
    average: Option<f64>,
    maximum: Option<f64>,
    minimum: Option<f64>,
    sample_count: Option<f64>,
}

fn metric_data(r: DataResult, file: &str) -> Result<MetricSeries, MetricsError> {
    let name = r.label.as_deref().or(r.id.as_deref()).unwrap_or("");
    let (kind, consumer) = recognise(name)
        .or_else(|| r.id.as_deref().and_then(recognise))
        .ok_or_else(|| unknown(file, name))?;
    if r.timestamps.len() != r.values.len() {
        return Err(MetricsError::file(
            file,
            &format!(
                "{name} has {} timestamps but {} values; export the whole result",
                r.timestamps.len(),
                r.values.len()
            ),
        ));
    }
    let points = r
        .timestamps
        .iter()
        .zip(&r.values)
        .map(|(t, v)| point(file, name, t, *v))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(MetricSeries {
        kind,
        consumer,
        shard: shard_of(name).or_else(|| r.id.as_deref().and_then(shard_of)),
        label: name.to_string(),
        file: file.to_string(),
        points,
        partial: r.status_code.as_deref() == Some("PartialData"),
    })
}

fn statistics(s: Statistics, file: &str) -> Result<MetricSeries, MetricsError> {
    let name = s.label.unwrap_or_default();
    let (kind, consumer) = recognise(&name).ok_or_else(|| unknown(file, &name))?;
    let mut points = Vec::with_capacity(s.datapoints.len());
    for d in &s.datapoints {
        let Some(sum) = d.sum else {
            let other = [
                ("Average", d.average),
                ("Maximum", d.maximum),
                ("Minimum", d.minimum),
                ("SampleCount", d.sample_count),
            ]
            .iter()
            .find(|(_, v)| v.is_some())
            .map_or("no statistic", |(n, _)| n);
            return Err(MetricsError::file(
                file,
                &format!(
                    "{name}'s datapoints carry {other}, not Sum; export them with \
                     `--statistics Sum`"
                ),
            ));
        };
        points.push(point(file, &name, &d.timestamp, sum)?);
    }
    Ok(MetricSeries {
        kind,
        consumer,
        shard: shard_of(&name),
        label: name,
        file: file.to_string(),
        points,
        partial: false,
    })
}

/// One point: its time in seconds since 1970 and a value of 0 or more.
fn point(file: &str, name: &str, t: &str, v: f64) -> Result<(i64, f64), MetricsError> {
    let when = time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
        .map_err(|e| {
            MetricsError::file(
                file,
                &format!("{name}: the timestamp '{t}' is not an ISO 8601 time ({e})"),
            )
        })?;
    if !v.is_finite() || v < 0.0 {
        return Err(MetricsError::file(
            file,
            &format!("{name}: the value {v} at {t} is negative; CloudWatch sums are 0 or more"),
        ));
    }
    Ok((when.unix_timestamp(), v))
}
