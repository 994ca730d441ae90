//! Real traffic in the browser: CloudWatch metrics files (get-metric-data, get-metric-statistics,
//! or a CSV table) read and priced by the same core as `kcost metrics`, on this machine.

use kcost_core::metrics::{self, Settings, TrafficEstimate, TrafficSeries};
use kcost_core::{Options, PriceBook, Retention};

use crate::face::Page;

/// The files' traffic priced in `region`, as `kcost metrics FILE... --region REGION` prices it
/// (with the page's target utilization and retention), or what is wrong, naming the file.
///
/// # Errors
/// A file that is not CloudWatch output, metrics that do not make one stream's series, or a
/// region that cannot price them: the message, in the page's words.
pub fn traffic(
    files: &[(String, String)],
    region: &str,
    target_utilization: f64,
    retention: Retention,
    book: &PriceBook,
) -> Result<TrafficEstimate, String> {
    let mut series = Vec::new();
    for (name, text) in files {
        series.extend(metrics::parse(text, name).map_err(|e| e.to_string())?);
    }
    let traffic = TrafficSeries::assemble(series).map_err(|e| e.to_string())?;
    let settings = Settings {
        target_utilization,
        efo_consumers: None,
        retention,
        shards: None,
        stream: None,
    };
    metrics::price(&traffic, settings, Some(region), book, Options::default())
        .map_err(|e| e.text(&Page))
}
