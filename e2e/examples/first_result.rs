//! How soon the page shows its first result: serves `web/dist` on 127.0.0.1, opens it in a fresh
//! headless Chromium (a new profile, so nothing cached) RUNS times, and reads the milliseconds
//! from navigation to the first estimate on screen (`window.__kcostFirstResult`, set by the page),
//! with when the wasm arrived and when it was running. Prints each run and the medians.
//!
//!     cargo run -q -p kcost-e2e --example first_result -- [RUNS]
//!
//! A measurement, not a test: scripts/perf runs it and README's Performance section quotes it.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

/// The page's own marks, in milliseconds since navigation: the wasm file fully received, the
/// wasm running (its start function returned), the first estimate on screen.
const MARKS: &str = "
    const wasm = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'));
    return [wasm ? wasm.responseEnd : null, window.__kcostReady ?? null,
            window.__kcostFirstResult ?? null];";

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    match xs.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => xs[n / 2],
        n => (xs[n / 2 - 1] + xs[n / 2]) / 2.0,
    }
}

async fn one(server: &str, base: &str, run: usize) -> WebDriverResult<[f64; 3]> {
    let profile =
        std::env::temp_dir().join(format!("kcost-first-result-{}-{run}", std::process::id()));
    let driver = common::browser(server, &profile).await?;
    // Let the new browser finish starting (its own start-up work shares the two cores), so that
    // what is timed is the page, not Chromium's start.
    tokio::time::sleep(Duration::from_millis(700)).await;
    driver.goto(base).await?;
    let start = Instant::now();
    let marks = loop {
        let marks = driver.execute(MARKS, Vec::new()).await?;
        let values: Vec<Option<f64>> =
            serde_json::from_value(marks.json().clone()).unwrap_or_else(|_| vec![None, None, None]);
        if let [Some(wasm), Some(ready), Some(first)] = values[..] {
            break [wasm, ready, first];
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no result on the page after 30 s: {values:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    driver.quit().await?;
    let _ = std::fs::remove_dir_all(&profile);
    Ok(marks)
}

#[tokio::main]
async fn main() -> WebDriverResult<()> {
    let runs: usize = match std::env::args().nth(1) {
        None => 9,
        Some(n) => match n.parse() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!("first_result: RUNS must be a whole number above 0, not '{n}'");
                std::process::exit(2);
            }
        },
    };
    let base = common::serve(common::dist());
    let (_chromedriver, server) = common::chromedriver();
    let mut all = Vec::with_capacity(runs);
    println!("run  wasm received  wasm running  first result  (ms after navigation)");
    for run in 0..runs {
        let [wasm, ready, first] = one(&server, &base, run).await?;
        println!("{:>3}  {wasm:>13.0}  {ready:>12.0}  {first:>12.0}", run + 1);
        all.push([wasm, ready, first]);
    }
    let column = |i: usize| median(all.iter().map(|m| m[i]).collect());
    println!(
        "median over {runs} fresh browsers: wasm received {:.0} ms, running {:.0} ms, first result {:.0} ms",
        column(0),
        column(1),
        column(2)
    );
    Ok(())
}
