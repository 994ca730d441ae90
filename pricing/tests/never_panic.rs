//! A short smoke of the pricing parsers on arbitrary input: a value or an error, never a panic.
//! (The long runs are the cargo-fuzz targets in fuzz/.)

use kcost_pricing::{offer, parse, Catalog};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn pricing_tables(text in prop_oneof![
        any::<String>(),
        "[a-z_\\[\\]=\". 0-9\n-]{0,200}",
        "[0-9eE.+-]{0,10}".prop_map(|v| format!("[[region]]\ncode = \"us-east-2\"\ndiscount = {v}\n[region.prices.kds_shard_hour]\nusd = {v}\nunit = \"shard-hour\"\nsource = \"s\"\nas_of = \"2026-01\"\nconfidence = \"confirmed\"\n")),
    ]) {
        let _ = parse(&text, "t.toml");
        let mut catalog = Catalog::embedded();
        let _ = catalog.overlay(&text, "t.toml");
    }

    #[test]
    fn offer_files(bytes in prop_oneof![
        any::<Vec<u8>>(),
        "[{}\\[\\]\":,a-zA-Z0-9 .-]{0,300}".prop_map(String::into_bytes),
    ]) {
        if let Ok(imported) = offer::import(&bytes[..], "o.json", &[]) {
            for region in &imported.regions {
                prop_assert!(parse(&offer::to_toml(region), "w.toml").is_ok());
            }
        }
    }
}
