//! The embedded tables reach kcost as Rust (`src/embedded.rs`), so that no program parses TOML to
//! start: the page carries no TOML parser and the CLI starts without parsing six tables. This test
//! writes that file from the TOML tables, through the same parser and checks as a user's table,
//! and fails while the committed file differs.
//!
//! After editing a table: `UPDATE_EMBEDDED=1 cargo test -p kcost-pricing --test embedded`.

use std::fmt::Write as _;

use kcost_pricing::{parse, Catalog, EMBEDDED};

/// The Rust source of `src/embedded.rs` for the tables as they are: each table's prices as rows
/// of constant data (the page's size grows with code per price, not with data), turned into a
/// `RegionTable` by one function.
fn generate() -> String {
    let mut out = String::from(
        "//! The embedded price tables (`tables/*.toml`), as Rust: written by\n\
         //! `UPDATE_EMBEDDED=1 cargo test -p kcost-pricing --test embedded` from the tables\n\
         //! through the same parser and checks as a user's table. Do not edit by hand; the test\n\
         //! fails while this file differs from what the tables give. (@generated: data, not\n\
         //! code to read, so the workspace's limit on a function's length passes it by.)\n\n\
         use arcstr::{literal, ArcStr};\n\
         use kcost_core::{Confidence, Price, PriceKey, RegionPrices};\n\n\
         use crate::table::RegionTable;\n\n\
         /// One price: its key, USD, source, as-of date and confidence. The texts are literals, which\n\
         /// estimates copy without counting references.\n\
         type Row = (PriceKey, f64, ArcStr, ArcStr, Confidence);\n\n\
         /// A table of one region from its rows.\n\
         fn table(\n    (code, name): (ArcStr, ArcStr),\n    named: bool,\n    discount_bp: Option<u32>,\n    \
         rows: &[Row],\n) -> RegionTable {\n    \
         // Inserted one by one: collecting sorts first, and the page carries every sort it uses.\n    \
         let mut prices = std::collections::BTreeMap::new();\n    \
         for (key, usd, source, as_of, confidence) in rows {\n        \
         let price = Price {\n            usd: *usd,\n            source: source.clone(),\n            \
         as_of: as_of.clone(),\n            confidence: *confidence,\n        };\n        \
         prices.insert(*key, price);\n    }\n    \
         RegionTable {\n        named,\n        prices: RegionPrices {\n            code,\n            \
         name,\n            discount_bp,\n            prices,\n        },\n    }\n}\n\n\
         /// Each embedded table's file name and its one region.\n\
         pub(crate) fn tables() -> Vec<(&'static str, RegionTable)> {\n    \
         CODES.iter().filter_map(|code| table_of(code)).collect()\n}\n\n\
         /// The embedded table of region `code` alone (its file name and the table), if there is \
         one:\n/// a run that prices one region builds no other.\n\
         pub(crate) fn table_of(code: &str) -> Option<(&'static str, RegionTable)> {\n    \
         Some(match code {\n",
    );
    let mut codes: Vec<String> = Vec::new();
    for (name, text) in EMBEDDED {
        let mut regions = parse(text, name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(regions.len(), 1, "{name}: one region per embedded table");
        let table = regions.remove(0);
        let r = &table.prices;
        codes.push(r.code.to_string());
        writeln!(
            out,
            "        {:?} => (\n            {name:?},\n            table(\n                (literal!({:?}), literal!({:?})),\n                \
             {},\n                {:?},\n                &[",
            &*r.code, &*r.code, &*r.name, table.named, r.discount_bp
        )
        .unwrap();
        for (key, p) in &r.prices {
            writeln!(
                out,
                "                    (\n                        PriceKey::{key:?},\n                        {:?},\n                        \
                 literal!({:?}),\n                        literal!({:?}),\n                        Confidence::{:?},\n                    ),",
                p.usd, &*p.source, &*p.as_of, p.confidence
            )
            .unwrap();
        }
        out.push_str("                ],\n            ),\n        ),\n");
    }
    out.push_str("        _ => return None,\n    })\n}\n\n");
    writeln!(
        out,
        "/// The regions of the embedded tables.\npub(crate) const CODES: [&str; {}] = [",
        codes.len()
    )
    .unwrap();
    for code in &codes {
        writeln!(out, "    {code:?},").unwrap();
    }
    out.push_str("];\n");
    out
}

#[test]
fn the_embedded_rust_is_what_the_tables_give() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/embedded.rs");
    let want = generate();
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want {
        if std::env::var_os("UPDATE_EMBEDDED").is_some() {
            std::fs::write(&path, &want).unwrap();
        } else {
            panic!(
                "src/embedded.rs is not what tables/*.toml give; rewrite it with \
                 `UPDATE_EMBEDDED=1 cargo test -p kcost-pricing --test embedded`"
            );
        }
    }
}

#[test]
fn the_embedded_catalog_equals_the_tables_parsed() {
    let mut parsed = Catalog::default();
    for (name, text) in EMBEDDED {
        parsed.overlay(text, &format!("embedded:{name}")).unwrap();
    }
    let embedded = Catalog::embedded();
    assert_eq!(embedded, parsed);
    assert_eq!(
        embedded.origins("us-east-2"),
        ["embedded:us-east-2.toml".to_string()]
    );
    assert_eq!(embedded.book().regions.len(), EMBEDDED.len());
}
