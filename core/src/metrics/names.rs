//! The metrics' names as people write them: a label or id matched to the metric kcost reads
//! (without case or punctuation), the shard a shard-level label names, and the error for a name
//! kcost does not read. Both readers, the JSON ([`super::parse`]) and the CSV table
//! ([`super::table`]), use them.

use super::{MetricKind, MetricsError};

/// The error for a metric kcost does not read, saying the names it does.
pub(crate) fn unknown(file: &str, name: &str) -> MetricsError {
    MetricsError::file(
        file,
        &format!(
            "the metric '{name}' is not one kcost reads; label each metric (or give it an id) as \
             IncomingBytes, IncomingRecords, GetRecords.Bytes, SubscribeToShardEvent.Bytes (with \
             the consumer's name), WriteProvisionedThroughputExceeded or \
             ReadProvisionedThroughputExceeded"
        ),
    )
}

/// The shard a label or id names (`shardId-000000000001 IncomingBytes`), if any: shard-level
/// metrics are labelled with their shard.
pub(crate) fn shard_of(name: &str) -> Option<String> {
    let at = name.to_ascii_lowercase().find("shardid-")?;
    let rest = name.get(at..)?;
    let end = rest
        .char_indices()
        .skip(8)
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(rest.len(), |(i, _)| i);
    Some(rest.get(..end)?.to_string())
}

/// The metric a label or id names, compared without case or punctuation
/// (`GetRecords.Bytes`, `getRecordsBytes`, `get_records_bytes`), and for enhanced fan-out the rest
/// of the label as the consumer's name.
pub(crate) fn recognise(name: &str) -> Option<(MetricKind, Option<String>)> {
    let plain: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    const NAMES: [(&str, MetricKind); 6] = [
        ("subscribetoshardeventbytes", MetricKind::EfoBytes),
        ("getrecordsbytes", MetricKind::GetRecordsBytes),
        ("incomingbytes", MetricKind::IncomingBytes),
        ("incomingrecords", MetricKind::IncomingRecords),
        (
            "writeprovisionedthroughputexceeded",
            MetricKind::WriteThrottled,
        ),
        (
            "readprovisionedthroughputexceeded",
            MetricKind::ReadThrottled,
        ),
    ];
    let (_, kind) = NAMES.iter().find(|(n, _)| plain.contains(n))?;
    let consumer = (*kind == MetricKind::EfoBytes).then(|| {
        let rest = name.replace("SubscribeToShardEvent.Bytes", "");
        rest.trim_matches(|c: char| c.is_whitespace() || c == '-' || c == ':' || c == '/')
            .to_string()
    });
    Some((*kind, consumer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_recognised_without_case_or_punctuation() {
        let kind = |n: &str| recognise(n).map(|(k, _)| k);
        assert_eq!(kind("IncomingBytes"), Some(MetricKind::IncomingBytes));
        assert_eq!(kind("incoming_records"), Some(MetricKind::IncomingRecords));
        assert_eq!(kind("GetRecords.Bytes"), Some(MetricKind::GetRecordsBytes));
        assert_eq!(kind("m1"), None);
        assert_eq!(
            recognise("SubscribeToShardEvent.Bytes analytics"),
            Some((MetricKind::EfoBytes, Some("analytics".to_string())))
        );
        // The consumer's name without the separators people put after the metric's.
        for label in [
            "SubscribeToShardEvent.Bytes -:/ analytics/",
            "SubscribeToShardEvent.Bytes/analytics",
            "SubscribeToShardEvent.Bytes: analytics",
        ] {
            assert_eq!(
                recognise(label),
                Some((MetricKind::EfoBytes, Some("analytics".to_string()))),
                "{label}"
            );
        }
    }
}
