//! How an Advantage stream's commitment is billed: alone, or as its share of its region's one
//! commitment (pricing streams together). Types only, so that [`crate::Options`] can
//! carry them.

use crate::calc::money::Money;

/// How an Advantage stream's commitment is billed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Commitment {
    /// As if the stream were the account's only on-demand stream in its region.
    #[default]
    Alone,
    /// No commitment lines: the stream's use only (the first pass of pricing streams together).
    UseOnly,
    /// The stream's share of the shortfall of its region's one commitment.
    Share(Share),
}

/// A stream's share of its region's commitment shortfall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// Advantage streams in the region sharing the commitment.
    pub streams: usize,
    /// The ingest shortfall, when the region's streams write less than the commitment.
    pub ingest: Option<PooledLine>,
    /// The retrieval shortfall, when they read less than the commitment.
    pub retrieval: Option<PooledLine>,
}

/// One direction's shortfall in a region, and this stream's part of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PooledLine {
    /// GB a month the region's Advantage streams together fall below the commitment.
    pub region_gb: f64,
    /// What that shortfall costs the region a month.
    pub region_usd: Money,
    /// This stream's share: its use over the region's (an even share when nothing is used).
    pub fraction: f64,
    /// This stream's part of the cost: the region's split by share, in whole cents that add up
    /// to the region's.
    pub usd: Money,
}
