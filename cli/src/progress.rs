//! A progress bar on stderr for runs that take more than a second, and only when stderr is a
//! terminal: piped or captured output never sees it.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Shows itself once the work has run for a second.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    shown: bool,
    wanted: bool,
}

impl Progress {
    /// A bar of `len` steps, or a counter when the length is unknown.
    pub fn new(len: Option<u64>, what: &'static str) -> Progress {
        let bar = match len {
            Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden())
                .with_style(
                    ProgressStyle::with_template(
                        "{spinner} {msg} {bar:30} {pos}/{len} [{elapsed}]",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()).with_style(
                ProgressStyle::with_template("{spinner} {msg} {pos} [{elapsed}, {per_sec}]")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.set_message(what);
        Progress {
            bar,
            start: Instant::now(),
            shown: false,
            wanted: std::io::stderr().is_terminal(),
        }
    }

    /// `n` more steps done.
    pub fn inc_by(&mut self, n: u64) {
        let before = self.bar.position();
        self.bar.inc(n);
        // Reading the clock for every row of a million would cost more than the bar is worth.
        if self.wanted
            && !self.shown
            && (before / 1024 != self.bar.position() / 1024)
            && self.start.elapsed() > Duration::from_secs(1)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Removes the bar.
    pub fn finish(self) {
        self.bar.finish_and_clear();
    }
}
