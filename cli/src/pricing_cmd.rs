//! `kcost pricing import | update | show | diff`, and the user's pricing directory.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use kcost_core::{PriceKey, RegionPrices};
use kcost_pricing::offer::{import, to_toml, Imported};
use kcost_pricing::Catalog;

use crate::args::{PricingCommand, RegionsFormat};

/// The offers kcost imports.
pub const OFFERS: [&str; 3] = [
    "AmazonKinesis",
    "AmazonKinesisFirehose",
    "AmazonKinesisAnalytics",
];

/// The offers around a stream and of its consumers, fetched region by region: their whole files
/// are large (AmazonEC2's is gigabytes).
pub const AROUND_OFFERS: [&str; 6] = [
    "AmazonCloudWatch",
    "awskms",
    "AmazonEC2",
    "AmazonVPC",
    "AWSLambda",
    "AmazonDynamoDB",
];

/// The user's pricing directory: `$XDG_DATA_HOME/kcost/pricing`, or `~/.local/share/kcost/pricing`.
pub fn user_dir() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("kcost/pricing"))
}

/// The pricing tables in `dir`, sorted, if it exists.
pub fn tables_in(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut tables: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the pricing directory '{}'", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    tables.sort();
    Ok(tables)
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename, so an
/// interrupted run leaves the old file whole.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write '{}'", path.display()))
}

fn dir_or_default(dir: &Option<PathBuf>) -> Result<PathBuf> {
    match dir {
        Some(d) => Ok(d.clone()),
        None => {
            user_dir().context("no pricing directory: set XDG_DATA_HOME or HOME, or give --dir DIR")
        }
    }
}

pub fn run(command: &PricingCommand, catalog: &Catalog) -> Result<String> {
    match command {
        PricingCommand::Import { files, region, dir } => {
            let dir = dir_or_default(dir)?;
            let mut offers = Vec::new();
            for file in files {
                let reader = File::open(file)
                    .map(BufReader::new)
                    .with_context(|| format!("cannot read the offer file '{}'", file.display()))?;
                offers.push(import(reader, &file.display().to_string(), region)?);
            }
            let merged = merge_tables(&dir, &offers)?;
            write_tables(&dir, &merged, &offers)
        }
        PricingCommand::Update {
            url,
            region,
            dir,
            around,
        } => update(url, region, &dir_or_default(dir)?, *around),
        PricingCommand::Show { region, format, .. } => show(catalog, region, *format),
        PricingCommand::Diff { a, b, .. } => diff(catalog, a, b),
    }
}

/// The table already in `dir` for `region`'s code, to merge into, or an empty one when there is
/// none. A table that is there but unreadable is an error, never overwritten: its other prices
/// would be lost.
fn existing_table(dir: &Path, region: &RegionPrices) -> Result<RegionPrices> {
    let path = dir.join(format!("{}.toml", region.code));
    let empty = || RegionPrices {
        code: region.code.clone(),
        name: region.name.clone(),
        prices: BTreeMap::new(),
        discount_bp: None,
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(empty()),
        Err(e) => bail!("cannot read '{}' to merge into it: {e}", path.display()),
    };
    let mut tables = kcost_pricing::parse(&text, &path.display().to_string()).context(
        "the table the import merges into is not valid; fix or remove it, then import again \
         (nothing was changed)",
    )?;
    Ok(tables.pop().map_or_else(empty, |t| t.prices))
}

/// Merges the imported prices into `dir`'s table for each region (prices already there for
/// other services stay). Nothing is written yet.
fn merge_tables(dir: &Path, offers: &[Imported]) -> Result<BTreeMap<String, RegionPrices>> {
    let mut merged: BTreeMap<String, RegionPrices> = BTreeMap::new();
    for offer in offers {
        for region in &offer.regions {
            let code = region.code.to_string();
            if !merged.contains_key(&code) {
                merged.insert(code.clone(), existing_table(dir, region)?);
            }
            if let Some(entry) = merged.get_mut(&code) {
                entry
                    .prices
                    .extend(region.prices.iter().map(|(k, p)| (*k, p.clone())));
            }
        }
    }
    if merged.is_empty() {
        bail!("the offer files hold no price kcost uses for the regions asked for");
    }
    Ok(merged)
}

/// Writes each merged table atomically and reports what was written and what is missing.
fn write_tables(
    dir: &Path,
    merged: &BTreeMap<String, RegionPrices>,
    offers: &[Imported],
) -> Result<String> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create '{}'", dir.display()))?;
    let mut out = String::new();
    for (code, region) in merged {
        let path = dir.join(format!("{code}.toml"));
        write_atomic(&path, to_toml(region).as_bytes())?;
        out.push_str(&format!(
            "{}: {} prices -> {}\n",
            code,
            region.prices.len(),
            path.display()
        ));
    }
    for offer in offers {
        for m in &offer.missing {
            out.push_str(&format!(
                "missing: {} {} ({}) is not in the {} offer\n",
                m.region, m.usage_type, m.key, offer.offer
            ));
        }
    }
    Ok(out)
}

/// Downloads every offer into `dir/offers/` (all of them, or none is replaced), then imports them;
/// with `around`, the offers around a stream too, one file per region.
fn update(base: &str, regions: &[String], dir: &Path, around: bool) -> Result<String> {
    let offers_dir = dir.join("offers");
    std::fs::create_dir_all(&offers_dir)
        .with_context(|| format!("cannot create '{}'", offers_dir.display()))?;
    let mut downloaded = Vec::new();
    let cleanup = |files: &[(PathBuf, PathBuf)]| {
        for (tmp, _) in files {
            let _ = std::fs::remove_file(tmp);
        }
    };
    let base = base.trim_end_matches('/');
    let mut wanted: Vec<(String, String)> = OFFERS
        .iter()
        .map(|code| {
            let url = format!("{base}/offers/v1.0/aws/{code}/current/index.json");
            (url, (*code).to_string())
        })
        .collect();
    if around {
        let every: Vec<String> = Catalog::embedded().book().regions.keys().cloned().collect();
        let regions = if regions.is_empty() { &every } else { regions };
        for code in AROUND_OFFERS {
            for region in regions {
                let url = format!("{base}/offers/v1.0/aws/{code}/current/{region}/index.json");
                wanted.push((url, format!("{code}-{region}")));
            }
        }
    }
    for (url, code) in wanted {
        let tmp = offers_dir.join(format!(".{code}.json.download-{}", std::process::id()));
        if let Err(e) = download(&url, &tmp) {
            let _ = std::fs::remove_file(&tmp);
            cleanup(&downloaded);
            return Err(e.context(format!("cannot download {url}; nothing was changed")));
        }
        downloaded.push((tmp, offers_dir.join(format!("{code}.json"))));
    }
    // Parse every download before replacing anything.
    let mut imported = Vec::new();
    for (tmp, _) in &downloaded {
        let reader = File::open(tmp).map(BufReader::new)?;
        match import(reader, &tmp.display().to_string(), regions) {
            Ok(offer) => imported.push(offer),
            Err(e) => {
                cleanup(&downloaded);
                return Err(anyhow::Error::new(e)
                    .context("a downloaded offer is not usable; nothing was changed"));
            }
        }
    }
    // Merge with the tables already there before replacing anything, too.
    let merged = match merge_tables(dir, &imported) {
        Ok(merged) => merged,
        Err(e) => {
            cleanup(&downloaded);
            return Err(e);
        }
    };
    for (tmp, path) in &downloaded {
        std::fs::rename(tmp, path).with_context(|| format!("cannot write '{}'", path.display()))?;
    }
    write_tables(dir, &merged, &imported)
}

fn download(url: &str, to: &Path) -> Result<()> {
    let response = ureq::get(url)
        .call()
        .with_context(|| format!("GET {url}"))?;
    let mut body = response.into_body();
    let mut reader = body.as_reader();
    let mut file = File::create(to).with_context(|| format!("cannot write '{}'", to.display()))?;
    std::io::copy(&mut reader, &mut file)
        .with_context(|| format!("the download of {url} broke off"))?;
    file.sync_all()?;
    Ok(())
}

fn show(catalog: &Catalog, code: &str, format: RegionsFormat) -> Result<String> {
    let region = catalog.book().region(code).map_err(crate::face::error)?;
    if format == RegionsFormat::Json {
        return Ok(serde_json::to_string_pretty(region)? + "\n");
    }
    let mut t = kcost_report::Grid::new(&["Price", "USD", "Per", "Confidence", "As of", "Source"]);
    for (key, p) in &region.prices {
        t.row([
            key.key().to_string(),
            p.usd.to_string(),
            key.unit().to_string(),
            p.confidence.to_string(),
            p.as_of.to_string(),
            p.source.to_string(),
        ]);
    }
    Ok(format!(
        "{} ({}), from {}\n{t}\n",
        region.code,
        region.name,
        catalog.origins(code).join(", ")
    ))
}

/// A side of a diff: a region of the catalog, or the one region of a table file.
fn side(catalog: &Catalog, which: &str) -> Result<RegionPrices> {
    if let Ok(region) = catalog.book().region(which) {
        return Ok(region.clone());
    }
    let path = Path::new(which);
    if path.extension().is_some_and(|x| x == "toml") || path.exists() {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the pricing table '{which}'"))?;
        let mut tables = kcost_pricing::parse(&text, which)?;
        return match (tables.pop(), tables.is_empty()) {
            (Some(t), true) => Ok(t.prices),
            _ => bail!("'{which}' must hold exactly one region to compare"),
        };
    }
    Ok(catalog
        .book()
        .region(which)
        .map_err(crate::face::error)?
        .clone())
}

fn diff(catalog: &Catalog, a: &str, b: &str) -> Result<String> {
    let (left, right) = (side(catalog, a)?, side(catalog, b)?);
    let keys: std::collections::BTreeSet<PriceKey> = left
        .prices
        .keys()
        .chain(right.prices.keys())
        .copied()
        .collect();
    let mut t = kcost_report::Grid::new(&[
        "Price".to_string(),
        format!("{a} (USD)"),
        format!("{b} (USD)"),
        "Change".to_string(),
    ]);
    for key in keys {
        let l = left.prices.get(&key).map(|p| p.usd);
        let r = right.prices.get(&key).map(|p| p.usd);
        let text = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
        let change = match (l, r) {
            (Some(l), Some(r)) if l == r => "same".to_string(),
            (Some(l), Some(r)) if l > 0.0 => format!("{:+.1}%", (r / l - 1.0) * 100.0),
            (Some(_), Some(_)) => "from zero".to_string(),
            (Some(_), None) => format!("only in {a}"),
            (None, Some(_)) => format!("only in {b}"),
            (None, None) => String::new(),
        };
        t.row([key.key().to_string(), text(l), text(r), change]);
    }
    Ok(format!("{t}\n"))
}
