//! Running the `kcost` binary in tests, with the environment cleared.
#![allow(dead_code)] // each test file uses its own subset

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;

pub fn kcost(args: &[&str]) -> Command {
    let mut cmd = cargo_bin_cmd!("kcost");
    // The day is pinned so that warnings about old prices do not change with the calendar.
    cmd.env_clear().env("KCOST_TODAY", "2026-11").args(args);
    cmd
}

/// Runs kcost, expects success and no stderr, returns stdout.
#[track_caller]
pub fn ok(args: &[&str]) -> String {
    let out = kcost(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "kcost {args:?} failed: {stderr}");
    assert_eq!(stderr, "", "kcost {args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Runs kcost, expects exit status 2, nothing on stdout and one message; returns stderr.
#[track_caller]
pub fn fails(args: &[&str]) -> String {
    let out = kcost(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "kcost {args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "kcost {args:?} printed on stdout");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

pub const DECK: [&str; 6] = ["--records", "100", "--size-kb", "100", "--consumers", "10"];

pub fn deck(extra: &[&str]) -> Vec<&'static str> {
    let mut args = DECK.to_vec();
    args.extend(
        extra
            .iter()
            .map(|s| -> &'static str { Box::leak(s.to_string().into_boxed_str()) }),
    );
    args
}
