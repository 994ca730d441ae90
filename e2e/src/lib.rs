//! The end-to-end test lives in tests/page.rs; this crate has no library code.
