//! kcost's start-up against a trivial process, measured in one interleaved run: each round runs
//! `true` and then kcost on the deck's example, so that both see the same machine. Prints the
//! medians and their ratio (the aim: kcost within 2x of `true`).
//!
//!     cargo build --release -p kcost
//!     cargo run -q --release -p kcost --example startup -- [ROUNDS] [KCOST]
//!
//! A measurement, not a test: scripts/perf runs it.

use std::process::{Command, Stdio};
use std::time::Instant;

/// Microseconds from spawning `program` with `args` until it has exited.
fn once(program: &str, args: &[&str]) -> f64 {
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let elapsed = start.elapsed().as_secs_f64() * 1e6;
    match status {
        Ok(s) if s.success() => elapsed,
        other => {
            eprintln!("startup: {program} {args:?} failed: {other:?}");
            std::process::exit(1);
        }
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = match args.next().map(|n| n.parse()) {
        None => 1000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("startup: ROUNDS must be a whole number above 0");
            std::process::exit(2);
        }
    };
    let kcost = args
        .next()
        .unwrap_or_else(|| "target/release/kcost".to_string());
    let estimate = ["--records", "100", "--size-kb", "100", "--consumers", "10"];
    let commands: [(&str, &[&str]); 2] = [("true", &[]), (kcost.as_str(), &estimate)];
    // Warm the page cache and the CPU before counting.
    for _ in 0..50 {
        for (program, args) in commands {
            once(program, args);
        }
    }
    let mut times = [Vec::with_capacity(rounds), Vec::with_capacity(rounds)];
    for _ in 0..rounds {
        for (i, (program, args)) in commands.iter().enumerate() {
            times[i].push(once(program, args));
        }
    }
    let [t, k] = times.map(median);
    println!(
        "median of {rounds} interleaved rounds: true {t:.0} us, kcost --records 100 --size-kb 100 \
         --consumers 10 {k:.0} us ({:.2}x)",
        k / t
    );
}
