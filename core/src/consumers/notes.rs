//! The notes of the consumers with a bill of their own: a Lambda function, a KCL application.

use std::fmt;

use crate::face::Face;

/// About a consumer's own bill (a Lambda function, a KCL application).
#[derive(Debug, Clone, PartialEq)]
pub enum ConsumerAssumption {
    /// How a Lambda function's invocations were counted.
    LambdaInvocations {
        /// Seconds a batch may wait to fill (at least Lambda's 1 s between polls).
        window_s: f64,
    },
    /// How a KCL application's DynamoDB use was counted.
    KclTables {
        /// Its major version (2 or 3).
        version: u8,
        /// Seconds between its checkpoints of each shard.
        checkpoint_s: f64,
    },
}

impl ConsumerAssumption {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, _face: &dyn Face) -> fmt::Result {
        match self {
            ConsumerAssumption::LambdaInvocations { window_s } => write!(
                f,
                "invocations are the records in full batches, or, when batches do not fill, one \
                 per shard per {window_s} s batching window that has records (Lambda polls each \
                 shard once a second); reading the stream with shared throughput is not billed \
                 by Lambda; Lambda's free tier (1M requests and 400,000 GB-seconds a month per \
                 account) is left out"
            ),
            ConsumerAssumption::KclTables {
                version,
                checkpoint_s,
            } => {
                let v = match version {
                    2 => "KCL 2.x keeps one lease table, which every worker scans every 20.05 s",
                    _ => {
                        "KCL 3.x keeps a lease table (its leader scans it every 20 s, each worker \
                         queries its leases every 9.975 s), a worker metrics table (each worker \
                         writes every 30 s) and a coordinator state table (the leader's heartbeat \
                         every 30 s)"
                    }
                };
                write!(
                    f,
                    "{v}, all on-demand (the KCL's default since 2.3.7); each lease is renewed \
                     every 3.308 s (failover 10 s, the default) and checkpointed every \
                     {checkpoint_s} s; each write is one unit (items under 1 KB), each scan or \
                     query reads the whole lease table eventually consistent (16 leases a read \
                     unit); the tables' few KB of storage are within DynamoDB's free 25 GB"
                )
            }
        }
    }
}
