//! The terminal's words for what the core names as data: inputs are flags, fixes are commands.

use kcost_core::{Face, Fix, Input};

/// The `kcost` command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal;

impl Face for Terminal {
    fn input(&self, input: Input) -> String {
        format!("--{}", input.spec().flag)
    }

    fn fix(&self, fix: Fix) -> String {
        match fix {
            Fix::RefreshPrices => "refresh them with `kcost pricing update`".to_string(),
            Fix::AddPrices => "give a pricing table with --pricing FILE".to_string(),
            Fix::Set(input, value) => format!("--{} {value}", input.spec().flag),
        }
    }
}

/// A core error in the terminal's words, for `?` into anyhow.
pub fn error(e: kcost_core::Error) -> anyhow::Error {
    anyhow::anyhow!(e.text(&Terminal))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_names_flags_and_commands() {
        let all = kcost_core::testing::every_message();
        let texts: Vec<String> = all.iter().map(|m| m.text(&Terminal)).collect();
        for needle in [
            "give --peak-records for them",
            "raise --max-record-size",
            "e.g. --max-record-size 2MiB",
            "or --mode advantage (up to 50)",
            "price it with --rounding exact",
            "refresh them with `kcost pricing update`",
            "give a pricing table with --pricing FILE",
            "give --region one of them",
            "--backup-gb and --storage-included do not apply",
        ] {
            assert!(
                texts.iter().any(|t| t.contains(needle)),
                "no message says {needle:?}"
            );
        }
    }
}
