//! The page end to end, driven like a person: serve `web/dist` on 127.0.0.1, open it in headless
//! Chromium through chromedriver, type the deck's workload and read 662.26 and 49; open the deck's
//! URL and read the same; enter a bad value and see the core's message; load a malformed URL; and
//! save screenshots (desktop and phone width) to `target/e2e/`.
//!
//! Needs the built page (`bash web/build.sh`) and Debian's chromium and chromium-driver; run by
//! `scripts/test`. DIST_DIR overrides where the page is.

mod common;

use std::time::{Duration, Instant};

use common::{browser, chromedriver, dist, repo, serve};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

/// The text of `#id` once it exists and is not empty (the page renders asynchronously).
async fn text(driver: &WebDriver, id: &str) -> String {
    let start = Instant::now();
    loop {
        if let Ok(elem) = driver.find(By::Id(id)).await {
            if let Ok(t) = elem.text().await {
                if !t.is_empty() {
                    return t;
                }
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "#{id} never appeared"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until `#id` reads `want`.
async fn wait_for(driver: &WebDriver, id: &str, want: &str) {
    let start = Instant::now();
    loop {
        if text(driver, id).await == want {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "#{id} never read {want}: {}",
            text(driver, id).await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The link the page offers to copy.
async fn link_of(driver: &WebDriver) -> WebDriverResult<String> {
    Ok(driver
        .find(By::Id("link"))
        .await?
        .value()
        .await?
        .unwrap_or_default())
}

/// Waits until `#id` is not on the page.
async fn gone(driver: &WebDriver, id: &str) {
    let start = Instant::now();
    while driver.find(By::Id(id)).await.is_ok() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "#{id} is still on the page"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text of the first file ending in `ext` that the browser saves in `dir`.
async fn downloaded(dir: &std::path::Path, ext: &str) -> String {
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(dir).ok().and_then(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().ends_with(ext))
        });
        if let Some(text) = found.and_then(|p| std::fs::read_to_string(p).ok()) {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no {ext} file was downloaded into {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn type_into(driver: &WebDriver, id: &str, value: &str) -> WebDriverResult<()> {
    let input = driver.find(By::Id(id)).await?;
    // Select all, then type over it, as a person would.
    input.click().await?;
    input.send_keys(Key::Control + "a").await?;
    input.send_keys(value).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_end_to_end() -> WebDriverResult<()> {
    let dist = dist();
    let shots = repo().join("target/e2e");
    std::fs::create_dir_all(&shots)?;
    let base = serve(dist);
    let (_chromedriver, server) = chromedriver();
    let profile = std::env::temp_dir().join(format!("kcost-e2e-profile-{}", std::process::id()));
    let driver = browser(&server, &profile).await?;

    // 1. Type the deck's workload: 100 records/s of 100 KB, 10 consumers, Frankfurt.
    driver.goto(&base).await?;
    // The defaults: 100 records/s of 100 KB, one consumer, us-east-1: 10 shards (109.50) + 14.72.
    wait_for(&driver, "stream-total", "124.22").await;
    let first_ms = driver
        .execute("return window.__kcostFirstResult;", Vec::new())
        .await?;
    type_into(&driver, "input-consumers", "10").await?;
    let region = SelectElement::new(&driver.find(By::Id("input-region")).await?).await?;
    region.select_by_value("eu-central-1").await?;
    wait_for(&driver, "stream-total", "662.26").await;
    assert_eq!(text(&driver, "stream-shards").await, "49");
    driver.screenshot(&shots.join("deck-typed.png")).await?;
    let link = link_of(&driver).await?;
    assert!(
        link.ends_with("?consumers=10&region=eu-central-1"),
        "the link holds the inputs: {link}"
    );

    // 1b. A download comes from the page's second module, loaded on this first click: the JSON
    // saved holds the deck's total.
    driver.find(By::Id("download-json")).await?.click().await?;
    let saved = downloaded(&common::downloads(&profile), ".json").await;
    assert!(saved.contains("662.26"), "{saved}");

    // 2. The deck's URL opens on the same estimate.
    driver
        .goto(format!(
            "{base}?records=100&size-kb=100&consumers=10&region=eu-central-1"
        ))
        .await?;
    wait_for(&driver, "stream-total", "662.26").await;
    assert_eq!(text(&driver, "stream-shards").await, "49");

    // 3. A bad value shows the core's message beside the field, and no figure of the earlier
    // inputs stays on screen as if current; fixing it brings the figures back.
    type_into(&driver, "input-records", "-5").await?;
    let message = text(&driver, "error-records").await;
    assert!(message.contains("negative"), "{message}");
    let invalid = text(&driver, "invalid").await;
    assert!(
        invalid.starts_with("No estimate until these fields are fixed"),
        "{invalid}"
    );
    gone(&driver, "stream-total").await;
    driver.screenshot(&shots.join("bad-value.png")).await?;
    type_into(&driver, "input-records", "100").await?;
    wait_for(&driver, "stream-total", "662.26").await;
    // A region that cannot price the stream: no card of the region before.
    driver
        .goto(format!("{base}?mode=advantage&region=us-east-2"))
        .await?;
    let problem = text(&driver, "problem").await;
    assert!(problem.starts_with("No estimate: "), "{problem}");
    gone(&driver, "stream-total").await;

    // 4. Compare mode with the calculation steps.
    driver
        .goto(format!("{base}?consumers=10&mode=compare"))
        .await?;
    wait_for(&driver, "stream-total", "551.27").await;
    let compare = text(&driver, "compare").await;
    assert!(compare.contains("cheapest"), "{compare}");
    // What Advantage's commitment means for this stream, from the comparison.
    let warnings = text(&driver, "warnings").await;
    assert!(
        warnings.contains(
            "Advantage bills at least 25 MiB/s in and 25 MiB/s out per account and region"
        ),
        "{warnings}"
    );
    driver.find(By::Id("explain")).await?.click().await?;
    let steps = text(&driver, "stream-steps").await;
    assert!(steps.contains("Max (9.77 shards needed for ingress, 48.85 shards needed for egress, 0.100 shards needed for records) = 48.85 Number of shards"), "{steps}");
    driver.find(By::Id("chart")).await?;
    // The chart: a title, a legend with each mode's month now (the same figures as the cards),
    // and the figures as a table (every fourth point and now: 10 + 1 + 1 rows).
    assert_eq!(
        text(&driver, "chart-title").await,
        "Monthly cost by record rate, each capacity mode"
    );
    let legend = text(&driver, "chart-legend").await;
    assert!(legend.contains("provisioned: 551.27 USD now"), "{legend}");
    assert!(
        legend.contains("on-demand Standard: 12,059.22 USD now"),
        "{legend}"
    );
    let rows = driver
        .execute(
            "return document.querySelectorAll('#chart-table tbody tr').length;",
            Vec::new(),
        )
        .await?;
    assert_eq!(rows.json().as_u64(), Some(12), "{rows:?}");
    let focusable = driver
        .execute(
            "return document.querySelectorAll('#chart circle.now[tabindex]').length;",
            Vec::new(),
        )
        .await?;
    assert_eq!(
        focusable.json().as_u64(),
        Some(3),
        "each mode's value now takes focus"
    );
    let chart = driver.find(By::ClassName("chart")).await?;
    chart.scroll_into_view().await?;
    chart.screenshot(&shots.join("chart-desktop.png")).await?;
    driver
        .screenshot(&shots.join("compare-explain.png"))
        .await?;

    // 4b. Compare where only provisioned is priced: no "cheapest", no break-even.
    driver
        .goto(format!(
            "{base}?consumers=10&mode=compare&region=eu-central-1"
        ))
        .await?;
    wait_for(&driver, "stream-total", "662.26").await;
    let compare = text(&driver, "compare").await;
    assert!(!compare.contains("cheapest"), "{compare}");
    assert!(compare.contains("the only mode priced here"), "{compare}");
    assert_eq!(
        text(&driver, "break-even").await,
        "No break-even: this region cannot price both provisioned and on-demand."
    );

    // 4c. A link with a switch turned off reopens the same pipeline: the Firehose has its own
    // traffic, not the stream's.
    let own = format!("{base}?firehose=on&firehose-reads-stream=off&firehose-records=10&firehose-size-kb=1&firehose-region=us-east-2");
    driver.goto(&own).await?;
    let firehose = text(&driver, "firehose-total").await;
    let link = link_of(&driver).await?;
    assert!(link.contains("firehose-reads-stream=off"), "{link}");
    driver.goto(&link).await?;
    wait_for(&driver, "firehose-total", &firehose).await;

    // 4d. Metrics read in the browser: the two pages of get-metric-data, chosen as files, give
    // what `kcost metrics` gives (1 shard 18.93, on-demand 246.70).
    driver.goto(&base).await?;
    // The page renders asynchronously: wait for the section before choosing files.
    text(&driver, "traffic-title").await;
    let fixtures = repo().join("core/tests/fixtures/metrics");
    let files = ["get-metric-data-page1.json", "get-metric-data-page2.json"]
        .map(|f| {
            // chromedriver takes canonical paths only.
            let path = fixtures.join(f);
            path.canonicalize().unwrap_or(path).display().to_string()
        })
        .join("\n");
    driver
        .find(By::Id("metrics-files"))
        .await?
        .send_keys(files)
        .await?;
    let provisioned = text(&driver, "metrics-provisioned").await;
    assert!(provisioned.contains("18.93"), "{provisioned}");
    assert!(text(&driver, "metrics-on-demand").await.contains("246.70"));
    assert!(text(&driver, "metrics-period")
        .await
        .starts_with("23 periods of 300 s"));
    let traffic = driver.find(By::Id("traffic")).await?;
    traffic.scroll_into_view().await?;
    traffic
        .screenshot(&shots.join("metrics-desktop.png"))
        .await?;

    // 5. Any URL loads: unknown and malformed parameters are reported, not fatal.
    driver
        .goto(format!(
            "{base}?records=abc&colour=red&size-kb=%ZZ&analytics=maybe"
        ))
        .await?;
    let problems = text(&driver, "url-problems").await;
    assert!(
        problems.contains("unknown parameter 'colour'"),
        "{problems}"
    );
    assert!(text(&driver, "error-records")
        .await
        .contains("not a number"));

    // 5b. Around the stream and a consumer with its own bill: the deck in Ohio with its metrics,
    // KMS and a NAT gateway, and a Lambda function (an eleventh consumer: 54 shards). Around the
    // stream: 378 metric-months x 0.30 + 0.32 of KMS requests + 1,127.82 of NAT processing.
    driver
        .goto(format!(
            "{base}?consumers=10&region=us-east-2&shard-metrics=all&encryption=kms&producer-network=nat&lambda=on"
        ))
        .await?;
    driver
        .execute(
            "document.querySelectorAll('details').forEach(d => d.open = true);",
            Vec::new(),
        )
        .await?;
    let start = Instant::now();
    let page = loop {
        let page = driver.find(By::Tag("body")).await?.text().await?;
        if page.contains("1,241.54") || start.elapsed() > Duration::from_secs(20) {
            break page;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    for shown in [
        "Around the stream",
        "1,241.54",
        "AWS Lambda",
        "Lambda requests",
    ] {
        assert!(page.contains(shown), "{shown} not on the page: {page}");
    }
    driver.screenshot(&shots.join("around-desktop.png")).await?;

    // 6. A pipeline: Flink apps and a Firehose reading the stream, on a phone (390 x 844): the
    // total is in the first screen, and stays there while the inputs scroll.
    driver.set_window_rect(0, 0, 390, 844).await?;
    driver
        .goto(format!("{base}?records=1000&size-kb=1&analytics=on&kpus=2&firehose=on&firehose-region=us-east-2"))
        .await?;
    let total = text(&driver, "pipeline-total").await;
    assert_eq!(text(&driver, "summary-monthly").await, total);
    // A region select says which regions cannot price its part.
    let option = driver
        .find(By::Css("#input-firehose-region option[value='us-east-1']"))
        .await?
        .text()
        .await?;
    assert_eq!(
        option,
        "us-east-1 (US East (N. Virginia)): no Firehose prices"
    );
    let viewport = driver
        .execute("return window.innerHeight;", Vec::new())
        .await?
        .json()
        .as_f64()
        .unwrap_or(0.0);
    let summary = driver.find(By::Id("summary-monthly")).await?.rect().await?;
    assert!(
        summary.y + summary.height <= viewport,
        "the total is in the first screen: {summary:?}"
    );
    driver.screenshot(&shots.join("pipeline-phone.png")).await?;
    // Touch targets: every button, field, switch and folded section at least 44 px high (a
    // switch counts with its label, which toggles it).
    let small = driver
        .execute(
            "return [...document.querySelectorAll('button, input[type=text], select, textarea, details > summary, .field.switch')]
                .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
                .map(e => e.id || e.className || e.tagName);",
            Vec::new(),
        )
        .await?;
    assert_eq!(small.json(), &serde_json::json!([]), "targets under 44 px");
    // Nothing wider than the screen: no sideways scrolling of the page.
    let wide = driver
        .execute(
            "return document.documentElement.scrollWidth - window.innerWidth;",
            Vec::new(),
        )
        .await?;
    assert!(
        wide.json().as_f64().unwrap_or(1.0) <= 0.0,
        "the page scrolls sideways by {wide:?} px"
    );
    driver
        .execute("window.scrollTo(0, 1200);", Vec::new())
        .await?;
    let summary = driver.find(By::Id("summary-monthly")).await?.rect().await?;
    let scrolled = driver
        .execute("return window.scrollY;", Vec::new())
        .await?
        .json()
        .as_f64()
        .unwrap_or(0.0);
    assert!(scrolled > 0.0);
    // `rect` is in page coordinates: in view means within the scrolled window.
    assert!(
        summary.y >= scrolled && summary.y + summary.height <= scrolled + viewport,
        "the total stays in view while scrolling: {summary:?} at {scrolled}"
    );
    driver
        .screenshot(&shots.join("pipeline-phone-scrolled.png"))
        .await?;
    let chart = driver.find(By::ClassName("chart")).await?;
    chart.scroll_into_view().await?;
    chart.screenshot(&shots.join("chart-phone.png")).await?;

    println!(
        "first result {} ms after navigation (localhost, headless Chromium)",
        first_ms
            .json()
            .as_f64()
            .map_or("?".to_string(), |ms| format!("{ms:.0}"))
    );
    driver.quit().await?;
    let _ = std::fs::remove_dir_all(&profile);
    Ok(())
}
