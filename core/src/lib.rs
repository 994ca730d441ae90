//! The model and arithmetic of kcost, the cost and capacity calculator for AWS Kinesis.
//!
//! The core is pure: it does no IO, reads no clock or environment, prints nothing and never panics
//! on any input; every front end (the `kcost` CLI, the browser page, budgeting scripts) only parses,
//! calls it and renders what it returns.
//!
//! ```
//! use kcost_core::{provisioned, PriceBook, Rate, RecordSize, StreamWorkload};
//! # fn book() -> PriceBook { kcost_core::testing::deck_book() }
//! let workload = StreamWorkload {
//!     consumers: Some(10),
//!     ..StreamWorkload::new("100/s".parse()?, "100".parse()?)
//! };
//! let estimate = provisioned::estimate(&workload, Some("us-east-2"), &book(), Default::default())?;
//! assert_eq!(estimate.shards.map(|s| s.count), Some(49));
//! assert_eq!(estimate.monthly_usd.to_string(), "551.27");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable
)]
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod analytics;
pub mod around;
pub mod batch;
mod bill;
pub mod calc;
pub mod consumers;
pub mod error;
pub mod estimate;
pub mod face;
pub mod firehose;
pub mod infra;
pub mod input;
pub mod metrics;
pub mod notes;
pub mod parse;
pub mod price;
pub mod read;
pub mod scenario;
pub mod schedule;
pub mod streams;
pub mod units;

pub use calc::{fixed, money, share as account, trace};
pub use read::{number, rate, text};
pub use streams::{sweep, workload};
#[doc(hidden)]
pub mod testing;

pub use arcstr::ArcStr;
pub use bill::old_prices;
pub use calc::{Options, PriceAge, Rounding};
pub use error::{Error, InputError};
pub use estimate::{
    AggregationSaving, Comparison, DiscountLine, Estimate, GrowthMonth, GrowthTable, HotKey,
    Inputs, Line, Mode, PriceUsed, Service, Shards, ShareOfPeak, Subtotals, Unavailable,
};
pub use face::{Face, Fix, Plain};
pub use input::{Input, Scope, Spec};
pub use money::Money;
pub use notes::{Assumption, Warning};
pub use price::{Confidence, Price, PriceBook, PriceKey, RegionPrices};
pub use rate::{Per, Rate};
pub use streams::{
    break_even, compare, estimate, estimate_in, estimate_together, provisioned, AccountStream,
};
pub use trace::{render as render_steps, Step};
pub use workload::{
    parse_buffer, Form, Growth, MaxRecordSize, Profile, RecordSize, Retention, Scaling,
    StreamWorkload,
};
