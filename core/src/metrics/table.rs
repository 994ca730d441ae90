//! Metrics as a CSV table, as the CloudWatch console downloads a graph's data: a header row, a
//! time column, and one column per metric named by its label (`IncomingBytes`,
//! `my-stream IncomingRecords`, `SubscribeToShardEvent.Bytes analytics`...). An empty cell is a
//! period without a point. Times are ISO 8601 (`2026-11-20T10:00:00Z`, `2026-11-20T10:00:00+01:00`)
//! or `2026-11-20 10:00:00` / `2026-11-20T10:00` without a zone, read as UTC.
//!
//! AWS documents no layout for the console's download, so kcost reads any table of this shape and
//! says what it could not read: which column, which line.

use super::names::{recognise, shard_of, unknown};
use super::{MetricSeries, MetricsError};

/// Headers that name the time column.
const TIME_HEADERS: [&str; 6] = ["", "time", "timestamp", "timestamps", "date", "datetime"];

/// Statistics other than Sum, as a header may name them (`IncomingBytes (Average)`).
const NOT_SUM: [&str; 6] = ["average", "maximum", "minimum", "samplecount", "avg", "p99"];

/// The series in a CSV table of CloudWatch metrics.
///
/// # Errors
/// A table without a header, a time column or a metric kcost reads; a statistic other than Sum;
/// a row with too many or too few cells, a time or number that does not parse, a negative value,
/// each with its line and column.
pub fn table(text: &str, file: &str) -> Result<Vec<MetricSeries>, MetricsError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(file, &e))?
        .iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    let (time_at, mut series) = columns(&headers, file)?;
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = record.position().map_or(0, |p| p.line());
        let at = |col: usize| Some((usize::try_from(line).unwrap_or(usize::MAX), col + 1));
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != headers.len() {
            return Err(MetricsError {
                file: file.to_string(),
                at: at(0),
                message: format!(
                    "this row has {} cells but the header has {}; export the table again",
                    record.len(),
                    headers.len()
                ),
            });
        }
        let when = record.get(time_at).unwrap_or("");
        let t = time_of(when).ok_or_else(|| MetricsError {
            file: file.to_string(),
            at: at(time_at),
            message: format!(
                "'{when}' is not a time; use ISO 8601 (2026-11-20T10:00:00Z) or \
                 2026-11-20 10:00:00 (read as UTC)"
            ),
        })?;
        for (col, s) in &mut series {
            let cell = record.get(*col).unwrap_or("");
            if cell.is_empty() {
                continue;
            }
            let v = cell
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| MetricsError {
                    file: file.to_string(),
                    at: at(*col),
                    message: format!(
                        "{}: '{cell}' is not a sum of 0 or more; CloudWatch sums are plain \
                         numbers",
                        s.label
                    ),
                })?;
            s.points.push((t, v));
        }
    }
    Ok(series.into_iter().map(|(_, s)| s).collect())
}

/// The time column and a series for every metric column.
fn columns(
    headers: &[String],
    file: &str,
) -> Result<(usize, Vec<(usize, MetricSeries)>), MetricsError> {
    let header_error = |col: usize, message: String| MetricsError {
        file: file.to_string(),
        at: Some((1, col + 1)),
        message,
    };
    let time_at = headers
        .iter()
        .position(|h| TIME_HEADERS.contains(&h.to_ascii_lowercase().as_str()))
        .ok_or_else(|| {
            let first: String = headers.join(",").chars().take(60).collect();
            header_error(
                0,
                format!(
                    "no time column in the first row ('{first}'); kcost reads the AWS CLI's \
                     JSON (which starts with '{{') or a CSV table whose first row names a time \
                     column (Time, Timestamp or empty) and the metrics"
                ),
            )
        })?;
    let mut series = Vec::new();
    for (col, name) in headers.iter().enumerate().filter(|(c, _)| *c != time_at) {
        let (kind, consumer) = recognise(name).ok_or_else(|| {
            let e = unknown(file, name);
            header_error(col, e.message)
        })?;
        let lower = name.to_ascii_lowercase();
        if let Some(stat) = NOT_SUM.iter().find(|s| lower.contains(*s)) {
            return Err(header_error(
                col,
                format!(
                    "the column '{name}' holds the {stat} statistic; graph the metrics with \
                     the Sum statistic and download again"
                ),
            ));
        }
        series.push((
            col,
            MetricSeries {
                kind,
                consumer: consumer.map(|c| strip_statistic(&c)),
                shard: shard_of(name),
                label: name.clone(),
                file: file.to_string(),
                points: Vec::new(),
                partial: false,
            },
        ));
    }
    if series.is_empty() {
        return Err(header_error(
            time_at,
            "no metric columns; the table needs IncomingBytes and IncomingRecords at least"
                .to_string(),
        ));
    }
    Ok((time_at, series))
}

/// A consumer's name without the `(Sum)` a header may end with.
fn strip_statistic(name: &str) -> String {
    name.trim_end_matches("(Sum)").trim().to_string()
}

/// Seconds since 1970 of an ISO 8601 time, or of one without a zone (read as UTC).
fn time_of(text: &str) -> Option<i64> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = time::OffsetDateTime::parse(text, &Rfc3339) {
        return Some(t.unix_timestamp());
    }
    let (date, clock) = text.split_once(['T', ' '])?;
    let clock = clock.trim_end_matches('Z');
    let with_seconds = if clock.len() == 5 {
        format!("{clock}:00")
    } else {
        clock.to_string()
    };
    let whole = format!("{date}T{with_seconds}Z");
    time::OffsetDateTime::parse(&whole, &Rfc3339)
        .ok()
        .map(time::OffsetDateTime::unix_timestamp)
}

fn csv_error(file: &str, e: &csv::Error) -> MetricsError {
    let at = e
        .position()
        .map(|p| (usize::try_from(p.line()).unwrap_or(usize::MAX), 1));
    MetricsError {
        file: file.to_string(),
        at,
        message: format!("not a readable CSV table: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_with_and_without_a_zone() {
        assert_eq!(time_of("1970-01-01T00:01:00Z"), Some(60));
        assert_eq!(time_of("1970-01-01 00:01:00"), Some(60));
        assert_eq!(time_of("1970-01-01T00:01"), Some(60));
        assert_eq!(time_of("1970-01-01T01:01:00+01:00"), Some(60));
        assert_eq!(time_of("yesterday"), None);
    }
}
