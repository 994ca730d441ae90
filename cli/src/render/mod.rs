//! Output for the terminal: the shared renderers of `kcost-report` (the page uses the same ones),
//! and `kcost regions`.

pub mod regions;

use anyhow::Result;
use kcost_core::analytics::AnalyticsEstimate;
use kcost_core::firehose::FirehoseEstimate;
use kcost_core::scenario::PipelineEstimate;
use kcost_core::{Comparison, Estimate};

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

pub fn estimate(e: &Estimate, format: Format) -> Result<String> {
    Ok(kcost_report::estimate(
        e,
        format.into(),
        &crate::face::Terminal,
    )?)
}

pub fn comparison(c: &Comparison, format: Format) -> Result<String> {
    Ok(kcost_report::comparison(
        c,
        format.into(),
        &crate::face::Terminal,
    )?)
}

pub fn analytics(e: &AnalyticsEstimate, format: Format) -> Result<String> {
    Ok(kcost_report::analytics(
        e,
        format.into(),
        &crate::face::Terminal,
    )?)
}

pub fn firehose(e: &FirehoseEstimate, format: Format) -> Result<String> {
    Ok(kcost_report::firehose(
        e,
        format.into(),
        &crate::face::Terminal,
    )?)
}

pub fn pipeline(p: &PipelineEstimate, format: Format) -> Result<String> {
    Ok(kcost_report::pipeline(
        p,
        format.into(),
        &crate::face::Terminal,
    )?)
}
