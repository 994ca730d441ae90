//! Assumptions and warnings attached to an estimate. They are kept as data and written out only
//! when shown, so that bulk estimates pay nothing for words nobody reads; JSON carries the words.

use std::fmt;

use arcstr::ArcStr;
use serde::{Serialize, Serializer};

use crate::face::{Face, Fix, Plain};
use crate::price::{Confidence, PriceKey};

pub use crate::analytics::notes::{AnalyticsAssumption, AnalyticsWarning};
pub use crate::around::notes::{AroundAssumption, AroundWarning};
pub use crate::consumers::notes::ConsumerAssumption;
pub use crate::firehose::notes::{FirehoseAssumption, FirehoseWarning};
pub use crate::metrics::notes::{TrafficAssumption, TrafficWarning};
pub use crate::streams::notes::{CapacityWarning, StreamAssumption, StreamWarning};

/// Each service's notes become the estimate's: `StreamWarning::LargeRecords { .. }.into()`.
macro_rules! joined {
    ($note:ident: $($part:ident => $variant:ident),*) => {$(
        impl From<$part> for $note {
            fn from(part: $part) -> $note {
                $note::$variant(part)
            }
        }
    )*};
}

joined!(Assumption: StreamAssumption => Stream, TrafficAssumption => Traffic,
    AnalyticsAssumption => Analytics, FirehoseAssumption => Firehose,
    AroundAssumption => Around, ConsumerAssumption => Consumer);
joined!(Warning: StreamWarning => Stream, CapacityWarning => Capacity,
    TrafficWarning => Traffic, AroundWarning => Around, AnalyticsWarning => Analytics,
    FirehoseWarning => Firehose);

/// Something the estimate assumed because the user did not say.
#[derive(Debug, Clone, PartialEq)]
pub enum Assumption {
    /// No region was given; this one was used.
    DefaultRegion {
        /// The region code (`us-east-1`).
        code: ArcStr,
        /// The region's display name (`US East (N. Virginia)`).
        name: ArcStr,
    },
    /// About the stream itself: its consumers, traffic, capacity form and Advantage commitment.
    Stream(crate::streams::notes::StreamAssumption),
    /// About a stream's real traffic, read from its metrics.
    Traffic(crate::metrics::notes::TrafficAssumption),
    /// About Managed Flink / Data Analytics applications.
    Analytics(crate::analytics::notes::AnalyticsAssumption),
    /// About a Firehose stream.
    Firehose(crate::firehose::notes::FirehoseAssumption),
    /// About what is priced around a stream.
    Around(crate::around::notes::AroundAssumption),
    /// About a consumer's own bill (a Lambda function, a KCL application).
    Consumer(crate::consumers::notes::ConsumerAssumption),
}

impl Assumption {
    /// The assumption in the words of `face`.
    pub fn text(&self, face: &dyn Face) -> String {
        written(|out| self.write(out, face))
    }

    /// The words of every assumption: each service's own words its notes.
    fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            Assumption::DefaultRegion { code, name } => {
                write!(f, "region not given: {code} ({name})")
            }
            Assumption::Stream(note) => note.write(f, face),
            Assumption::Traffic(note) => note.write(f, face),
            Assumption::Analytics(note) => note.write(f, face),
            Assumption::Firehose(note) => note.write(f, face),
            Assumption::Around(note) => note.write(f, face),
            Assumption::Consumer(note) => note.write(f, face),
        }
    }
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &Plain)
    }
}

/// Something the user should know about an estimate.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// Some prices used are older than the age that counts as old.
    OldPrices {
        /// How many of the prices used are old.
        count: usize,
        /// The oldest one's date (`YYYY-MM` or `YYYY-MM-DD`).
        oldest: ArcStr,
        /// The age, in months, past which a price counts as old.
        months: u32,
    },
    /// A price used is derived or secondary, not confirmed.
    UnconfirmedPrice {
        /// The region code.
        region: ArcStr,
        /// Which price it is.
        key: PriceKey,
        /// USD per unit.
        usd: f64,
        /// How sure the price is.
        confidence: Confidence,
        /// Where the price was read or how it was obtained.
        source: ArcStr,
    },
    /// About the stream: its records, retention, consumers and Advantage commitment.
    Stream(crate::streams::notes::StreamWarning),
    /// About the stream's capacity: shards, hot keys and on-demand's bursts.
    Capacity(crate::streams::notes::CapacityWarning),
    /// About a stream's real traffic, read from its metrics.
    Traffic(crate::metrics::notes::TrafficWarning),
    /// About what is priced around a stream.
    Around(crate::around::notes::AroundWarning),
    /// About Managed Flink / Data Analytics applications.
    Analytics(crate::analytics::notes::AnalyticsWarning),
    /// About a Firehose stream.
    Firehose(crate::firehose::notes::FirehoseWarning),
}

impl Warning {
    /// The warning in the words of `face`.
    pub fn text(&self, face: &dyn Face) -> String {
        written(|out| self.write(out, face))
    }

    /// The words of every warning: each service's own words its notes.
    fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            Warning::OldPrices {
                count,
                oldest,
                months,
            } => old_prices(f, face, *count, oldest, *months),
            Warning::UnconfirmedPrice {
                region,
                key,
                usd,
                confidence,
                source,
            } => write!(
                f,
                "the {region} price for {} ({usd} USD per {}) is {confidence}, not confirmed: \
                 {source}",
                key.item(),
                key.unit()
            ),
            Warning::Stream(note) => note.write(f, face),
            Warning::Capacity(note) => note.write(f, face),
            Warning::Traffic(note) => note.write(f, face),
            Warning::Around(note) => note.write(f, face),
            Warning::Analytics(note) => note.write(f, face),
            Warning::Firehose(note) => note.write(f, face),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &Plain)
    }
}

/// `N prices used here are over M months old (the oldest from D): refresh, or add`.
fn old_prices(
    f: &mut dyn fmt::Write,
    face: &dyn Face,
    count: usize,
    oldest: &str,
    months: u32,
) -> fmt::Result {
    let (n, are) = match count {
        1 => ("1 price".to_string(), "is"),
        n => (format!("{n} prices"), "are"),
    };
    write!(
        f,
        "{n} used here {are} over {months} months old (the oldest from {oldest}): {}, or {}",
        face.fix(Fix::RefreshPrices),
        face.fix(Fix::AddPrices)
    )
}

/// What `write` writes, as a string.
fn written(write: impl FnOnce(&mut String) -> fmt::Result) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write(&mut out);
    out
}

/// Any message the core words through a face.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A warning on an estimate.
    Warning(Warning),
    /// An assumption of an estimate.
    Assumption(Assumption),
    /// An error.
    Error(crate::error::Error),
}

impl Message {
    #[cfg(test)]
    pub(crate) fn to_string_plain(&self) -> String {
        match self {
            Message::Warning(w) => w.to_string(),
            Message::Assumption(a) => a.to_string(),
            Message::Error(e) => e.to_string(),
        }
    }

    /// The message in the words of `face`.
    pub fn text(&self, face: &dyn Face) -> String {
        match self {
            Message::Warning(w) => w.text(face),
            Message::Assumption(a) => a.text(face),
            Message::Error(e) => e.text(face),
        }
    }
}

macro_rules! serialize_as_text {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}

serialize_as_text!(Assumption, Warning);

#[cfg(test)]
// Cents are written as 112_78 so that they read as 112.78 USD.
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::{AroundWarning, ConsumerAssumption, StreamWarning};

    /// Every message the core words (a sample of each warning, assumption and error), as the
    /// plain face writes it: one to a line, none empty. (Each note's words are its service's,
    /// and the compiler holds every note to having them.)
    #[test]
    fn every_message_reads_as_written() {
        let messages = crate::testing::every_message();
        let mut text = String::new();
        for m in &messages {
            let line = m.to_string_plain();
            assert!(!line.is_empty(), "{m:?} has no words");
            text.push_str(&line);
            text.push('\n');
        }
        insta::assert_snapshot!(text);
    }

    /// The parts of a message that change with its values: which sides an endpoint would serve,
    /// whether it costs less, the same or more, and what enhanced fan-out would change.
    #[test]
    fn a_messages_variants_read_as_written() {
        use super::Warning;
        use crate::calc::money::Money;
        let endpoint = |nat: i64, endpoint: i64, sides| {
            Warning::Around(AroundWarning::EndpointInstead {
                nat_usd: Money::from_cents(nat),
                endpoint_usd: Money::from_cents(endpoint),
                azs: 2,
                sides,
            })
            .to_string()
        };
        let tail = |text: String| text.split_once(": ").map(|(_, t)| t.to_string()).unwrap();
        assert_eq!(
            tail(endpoint(112_78, 39_66, (true, true))),
            "73.12 USD a month less (give endpoint as the producer network and endpoint as the \
             consumer network)"
        );
        assert_eq!(
            tail(endpoint(39_66, 39_66, (false, true))),
            "the same (give endpoint as the consumer network)"
        );
        assert_eq!(
            tail(endpoint(10_00, 1_234_56, (true, false))),
            "1,224.56 USD a month more: the NAT gateway is cheaper here (give endpoint as the \
             producer network)"
        );
        let slow = |change: Option<i64>| {
            Warning::Stream(StreamWarning::SlowConsumers {
                consumers: 10,
                delay_ms: 2000.0,
                efo_change_usd: change.map(Money::from_cents),
            })
            .to_string()
            .split_once("; ")
            .map(|(_, t)| t.to_string())
            .unwrap()
        };
        assert_eq!(
            slow(Some(0)),
            "moving them to enhanced fan-out (about 70 ms) would not change the cost"
        );
        assert_eq!(
            slow(Some(3_926_17)),
            "moving them to enhanced fan-out (about 70 ms) would add 3,926.17 USD a month"
        );
        assert_eq!(
            slow(Some(-1_00)),
            "moving them to enhanced fan-out (about 70 ms) would save 1.00 USD a month"
        );
        // How much of Advantage's commitment a stream writes: whole percents from 10, one
        // decimal down to 0.1, then "less than", and "none" for nothing.
        let writes = |use_percent: f64| {
            let text = Warning::Stream(StreamWarning::AdvantageCommitment {
                region: "us-east-1".into(),
                commitment_usd: Money::from_cents(3_079_69),
                use_percent,
            })
            .to_string();
            let from = text.find("writes ").unwrap() + "writes ".len();
            let to = text.find(" of it").unwrap();
            text.get(from..to).unwrap().to_string()
        };
        for (use_percent, said) in [
            (100.0, "100%"),
            (39.4, "39%"),
            (10.0, "10%"),
            (9.96, "10.0%"),
            (0.1, "0.1%"),
            (0.099, "less than 0.1%"),
            (0.0001, "less than 0.1%"),
            (0.0, "none"),
        ] {
            assert_eq!(writes(use_percent), said, "{use_percent}");
        }
    }

    /// KCL 2.x keeps one table; 3.x three.
    #[test]
    fn each_kcl_versions_tables_are_said() {
        let kcl = |version| {
            super::Assumption::Consumer(ConsumerAssumption::KclTables {
                version,
                checkpoint_s: 60.0,
            })
            .to_string()
        };
        assert!(
            kcl(2).starts_with(
                "KCL 2.x keeps one lease table, which every worker scans every 20.05 s, all \
                 on-demand"
            ),
            "{}",
            kcl(2)
        );
        assert!(
            kcl(3).starts_with("KCL 3.x keeps a lease table"),
            "{}",
            kcl(3)
        );
    }
}
