#![no_main]
//! AWS Price List offer files, and the tables kcost writes from them read back.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(imported) = kcost_pricing::offer::import(bytes, "fuzz.json", &[]) {
        for region in &imported.regions {
            let text = kcost_pricing::offer::to_toml(region);
            if let Err(e) = kcost_pricing::parse(&text, "written.toml") {
                panic!("kcost cannot read what it wrote: {e}\n{text}");
            }
        }
    }
});
