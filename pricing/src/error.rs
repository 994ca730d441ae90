//! Errors in a pricing table, located by origin, line and column.

use thiserror::Error;

/// A pricing table could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PricingError {
    /// The table is not valid TOML, or does not have kcost's layout.
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax {
        /// Where the table came from (a file path, or `embedded:NAME`).
        origin: String,
        /// The 1-based line of the error.
        line: usize,
        /// The 1-based column of the error, in characters.
        column: usize,
        /// What is wrong, from the TOML parser.
        message: String,
    },
    /// The table parses but a value in it is wrong.
    #[error("{origin}:{line}:{column}: {message}")]
    Invalid {
        /// Where the table came from (a file path, or `embedded:NAME`).
        origin: String,
        /// The 1-based line of the wrong value.
        line: usize,
        /// The 1-based column of the wrong value, in characters.
        column: usize,
        /// What is wrong with the value and how to fix it.
        message: String,
    },
}

pub(crate) use kcost_core::text::line_column;
