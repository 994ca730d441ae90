//! The page's second module, `more.wasm`: what the page needs only when asked (the downloads in
//! the CLI's shapes and the CloudWatch metrics reader), so that the first result does not wait
//! for it. The page loads it on first use (`kcost_web::more::call`); its functions are the only ones it
//! exports. It links the same library and core as the page, so its figures are the page's.

use wasm_bindgen::prelude::*;

fn main() {}

/// The page's estimate for `query` (the link's `?…`) as `format` (`json`, `csv` or `markdown`),
/// with the calculations when `explain`.
#[wasm_bindgen]
pub fn export_text(query: &str, explain: bool, format: &str) -> String {
    kcost_web::more::export_text(query, explain, format)
}

/// The metrics report for `files` (an array of `[name, text]` pairs) at the page's region,
/// target utilization and retention, as HTML.
#[wasm_bindgen]
pub fn traffic(
    files: js_sys::Array,
    region: &str,
    target_utilization: &str,
    retention: &str,
) -> String {
    let files: Vec<(String, String)> = files
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    kcost_web::more::traffic(&files, region, target_utilization, retention)
}
