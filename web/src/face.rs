//! The page's words for what the core names as data: inputs are its fields, fixes are what the
//! page lets a person do.

use kcost_core::{Face, Fix, Input};

/// The browser calculator.
#[derive(Debug, Clone, Copy, Default)]
pub struct Page;

impl Face for Page {
    fn input(&self, input: Input) -> String {
        format!("the “{}” field", input.spec().label)
    }

    fn fix(&self, fix: Fix) -> String {
        match fix {
            Fix::RefreshPrices => "check them against AWS's pricing pages".to_string(),
            Fix::AddPrices => {
                "download the scenario file and price it with prices of your own".to_string()
            }
            Fix::Set(input, value) => format!("“{value}” in the “{}” field", input.spec().label),
        }
    }
}
