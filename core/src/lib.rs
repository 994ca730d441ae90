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
//!     records: "100/s".parse()?,
//!     record_size: "100".parse()?,
//!     consumers: Some(10),
//! };
//! let estimate = provisioned::estimate(&workload, Some("us-east-2"), &book(), Default::default())?;
//! assert_eq!(estimate.shards.count, 49);
//! assert_eq!(estimate.monthly_usd.to_string(), "551.27");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
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

pub mod calc;
pub mod error;
pub mod estimate;
pub mod fixed;
pub mod money;
pub mod notes;
pub mod number;
pub mod price;
pub mod provisioned;
pub mod rate;
#[doc(hidden)]
pub mod testing;
pub mod trace;
pub mod workload;

pub use calc::Rounding;
pub use error::{Error, InputError};
pub use estimate::{Estimate, Inputs, Line, Mode, PriceUsed, Service, Shards};
pub use money::Money;
pub use notes::{Assumption, Warning};
pub use price::{Confidence, Price, PriceBook, PriceKey, RegionPrices};
pub use provisioned::Options;
pub use rate::{Per, Rate};
pub use trace::{render as render_steps, Step};
pub use workload::{RecordSize, StreamWorkload};
