//! Output for the terminal: the shared renderers of `kcost-report` (the page uses the same ones),
//! and `kcost regions`.

pub mod regions;

use anyhow::Result;

use crate::args::Format;

impl From<Format> for kcost_report::Format {
    fn from(format: Format) -> kcost_report::Format {
        match format {
            Format::Table => kcost_report::Format::Table,
            Format::Json => kcost_report::Format::Json,
            Format::Csv => kcost_report::Format::Csv,
            Format::Markdown => kcost_report::Format::Markdown,
        }
    }
}

/// `value` laid out by one of `kcost-report`'s renderers in `format`, its notes in the
/// terminal's words.
pub fn with<T>(
    renderer: fn(&T, kcost_report::Format, &dyn kcost_core::Face) -> kcost_report::Result<String>,
    value: &T,
    format: Format,
) -> Result<String> {
    Ok(renderer(value, format.into(), &crate::face::Terminal)?)
}
