//! kcost's price tables: TOML files with a source, an as-of date and a confidence on every price,
//! embedded at compile time, plus loading a user's table from a string to add regions or override
//! prices. Reading files is the caller's business; this crate only parses text.
//!
//! ```
//! let mut catalog = kcost_pricing::Catalog::embedded();
//! let ohio = catalog.book().region("us-east-2")?;
//! assert_eq!(ohio.get(kcost_core::PriceKey::KdsShardHour)?.usd, 0.015);
//!
//! catalog.overlay(r#"
//!     [[region]]
//!     code = "us-east-2"
//!     [region.prices.kds_shard_hour]
//!     usd = 0.0135
//!     unit = "shard-hour"
//!     source = "our negotiated rate"
//!     as_of = "2026-01"
//!     confidence = "confirmed"
//! "#, "mine.toml")?;
//! assert_eq!(catalog.book().region("us-east-2")?.get(kcost_core::PriceKey::KdsShardHour)?.usd, 0.0135);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod catalog;
mod embedded;
mod error;
pub mod offer;
mod table;

pub use catalog::{Catalog, EMBEDDED};
pub use error::PricingError;
pub use table::{parse, RegionTable};

/// The README's Rust examples, compiled and run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
