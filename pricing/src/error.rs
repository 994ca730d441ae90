//! Errors in a pricing table, located by origin, line and column.

use thiserror::Error;

/// A pricing table could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PricingError {
    /// The table is not valid TOML, or does not have kcost's layout.
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The table parses but a value in it is wrong.
    #[error("{origin}:{line}:{column}: {message}")]
    Invalid {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
}

pub(crate) use kcost_core::text::line_column;
