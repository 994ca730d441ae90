//! The notes of a Firehose stream.

use std::fmt;

use arcstr::ArcStr;

use crate::calc::fixed::grouped;
use crate::face::Face;
use crate::input::Input;

/// About a Firehose stream.
#[derive(Debug, Clone, PartialEq)]
pub enum FirehoseAssumption {
    /// A Firehose reading a stream takes the stream's traffic.
    FirehoseFromStream {
        /// The name of the stream the Firehose reads.
        stream: ArcStr,
    },
    /// Firehose's ingestion tiers counted on this stream's volume alone.
    FirehoseTiersPerStream,
    /// Active partitions given without a buffer interval: the default used.
    DefaultBufferInterval {
        /// The buffer interval used, seconds.
        seconds: f64,
    },
    /// Dynamic partitioning object size not given: the default used.
    DefaultObjectSize {
        /// The S3 object size used, in MB.
        mb: f64,
    },
}

impl FirehoseAssumption {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            FirehoseAssumption::FirehoseFromStream { stream } => write!(
                f,
                "the Firehose takes its records and their size from the stream {stream}"
            ),
            FirehoseAssumption::FirehoseTiersPerStream => f.write_str(
                "the ingestion tiers are counted on this Firehose stream's volume alone; AWS's \
                 sources do not say whether they count per stream or per account",
            ),
            FirehoseAssumption::DefaultBufferInterval { seconds } => write!(
                f,
                "each active partition flushes an S3 object at least every {seconds} seconds, \
                 the console's default buffer interval (give {})",
                face.input(Input::BufferInterval)
            ),
            FirehoseAssumption::DefaultObjectSize { mb } => write!(
                f,
                "dynamic partitioning delivers S3 objects of {mb} MB, the largest buffer (give {} \
                 or {})",
                face.input(Input::BufferSizeMb),
                face.input(Input::ObjectSizeMb)
            ),
        }
    }
}

/// About a Firehose stream.
#[derive(Debug, Clone, PartialEq)]
pub enum FirehoseWarning {
    /// Firehose's 5 KB rounding bills noticeably more than is sent.
    FirehoseRounding {
        /// GB sent per month.
        sent_gb: f64,
        /// GB billed per month, with each record rounded up to 5 KB.
        billed_gb: f64,
    },
    /// A VPC ratio above 1: more GB delivered into the VPC than the Firehose ingests.
    VpcRatioAboveOne {
        /// GB delivered into the VPC per GB ingested.
        ratio: f64,
    },
}

impl FirehoseWarning {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, _face: &dyn Face) -> fmt::Result {
        match self {
            FirehoseWarning::FirehoseRounding { sent_gb, billed_gb } => write!(
                f,
                "Firehose bills each record rounded up to 5 KB: {} GB billed for {} GB sent \
                 (+{:.0}%); batching small records into larger ones before sending would cut this",
                grouped(*billed_gb),
                grouped(*sent_gb),
                (billed_gb / sent_gb - 1.0) * 100.0
            ),
            FirehoseWarning::VpcRatioAboveOne { ratio } => write!(
                f,
                "a VPC ratio of {ratio} delivers more GB into the VPC than the Firehose ingests; \
                 the AWS Pricing Calculator accepts it (a captured estimate uses 1.3), but check \
                 that the destination really receives that much"
            ),
        }
    }
}
