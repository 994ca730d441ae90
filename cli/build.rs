//! Links `kcost` as a position-dependent executable on Linux with glibc.
//!
//! A position-independent executable (Rust's default) is relocated by the dynamic loader at every
//! start: some 5,500 pointers in its read-only data are rewritten, touching about 30 pages that
//! each cost a page fault. A fixed-address executable needs none of that; on the 2-core machine
//! scripts/perf runs on, it starts about 120 us sooner (1.95x to 1.85x of `true`). The price is
//! that the executable's own code is not placed at a random address (the libraries still are),
//! which is how Go builds its tools by default. The code is compiled as position-independent all
//! the same, so only the final link changes.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bin=kcost=-no-pie");
    }
}
