//! A [`Scenario`] written as a scenario file, so that a scenario built in code (the page's) can
//! be saved and priced again with `parse`: the text parses back to the same scenario. Each
//! component's inputs are its workload's `given`, under their declared keys.

use std::fmt::{self, Display, Write};

use super::{AnalyticsSpec, ConsumerSpec, FirehoseSpec, Scenario, StreamSpec};
use crate::input::Input;
use crate::streams::workload::StreamWorkload;

/// A table name as TOML writes it: bare when it can be, else quoted.
fn key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        name.to_string()
    } else {
        quoted(name)
    }
}

/// A TOML string, quoted and escaped.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

impl Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.name {
            writeln!(f, "name = {}", quoted(name))?;
        }
        if let Some((rounding, _)) = &self.rounding {
            writeln!(f, "rounding = {}", quoted(rounding.name()))?;
        }
        if let Some(bp) = self.discount_bp {
            writeln!(f, "discount = {}", f64::from(bp) / 100.0)?;
        }
        if let Some(region) = &self.region {
            writeln!(f, "region = {}", quoted(region))?;
        }
        for (name, spec) in &self.streams {
            writeln!(f, "\n[streams.{}]", key(name))?;
            stream(f, spec)?;
        }
        for (name, spec) in &self.analytics {
            writeln!(f, "\n[analytics.{}]", key(name))?;
            analytics(f, spec)?;
        }
        for (name, spec) in &self.firehose {
            writeln!(f, "\n[firehose.{}]", key(name))?;
            firehose(f, spec)?;
        }
        for (table, specs) in [("lambda", &self.lambda), ("kcl", &self.kcl)] {
            for (name, spec) in specs {
                writeln!(f, "\n[{table}.{}]", key(name))?;
                consumer(f, spec)?;
            }
        }
        Ok(())
    }
}

fn consumer(f: &mut dyn Write, c: &ConsumerSpec) -> fmt::Result {
    writeln!(f, "stream = {}", quoted(&c.reads.name))?;
    writeln!(f, "efo = {}", c.efo)?;
    let given = match c.app {
        crate::consumers::App::Lambda(w) => w.given(),
        crate::consumers::App::Kcl(w) => w.given(),
    };
    inputs(f, given, &[])?;
    optional(f, "region", c.region.as_deref().map(quoted))
}

/// `key = value` when there is a value.
fn optional(f: &mut dyn Write, key: &str, value: Option<impl Display>) -> fmt::Result {
    match value {
        Some(v) => writeln!(f, "{key} = {v}"),
        None => Ok(()),
    }
}

/// `key = value` for each input given but those in `skip`, under its declared key.
fn inputs(f: &mut dyn Write, given: Vec<(Input, String)>, skip: &[Input]) -> fmt::Result {
    for (input, text) in given.iter().filter(|(i, _)| !skip.contains(i)) {
        writeln!(f, "{} = {}", input.spec().key, value(*input, text))?;
    }
    Ok(())
}

/// An input's text as TOML writes it: a switch as `true`, a plain number bare, a list of
/// numbers (a profile) as an array, anything else (a rate, a duration, a choice) as a string.
fn value(input: Input, text: &str) -> String {
    // An integer TOML holds (under 19 digits), or a finite decimal; written as they are typed.
    let number = |t: &str| {
        let digits = t.strip_prefix('-').unwrap_or(t);
        let integer =
            !digits.is_empty() && digits.len() < 19 && digits.bytes().all(|c| c.is_ascii_digit());
        let decimal = t.contains(['.', 'e']) && t.parse::<f64>().is_ok_and(f64::is_finite);
        (integer || decimal) && t.chars().all(|c| c.is_ascii_digit() || ".-+e".contains(c))
    };
    if input.spec().switch {
        return (text == "on").to_string();
    }
    if number(text) {
        return text.to_string();
    }
    if text.contains(',') && text.split(',').all(number) {
        return format!("[{}]", text.split(',').collect::<Vec<_>>().join(", "));
    }
    quoted(text)
}

/// A stream: its inputs (the records and size when it gives them; a file names every reader,
/// so its consumers always), its mode and region.
fn stream(f: &mut dyn Write, s: &StreamSpec) -> fmt::Result {
    let w = StreamWorkload {
        consumers: Some(s.workload.consumers()),
        ..s.workload
    };
    let skip = [
        (s.records.is_none(), Input::Records),
        (s.size.is_none(), Input::SizeKb),
    ];
    inputs(f, w.given(), &unless(skip))?;
    writeln!(f, "mode = {}", quoted(s.mode.name()))?;
    optional(f, "region", s.region.as_deref().map(quoted))
}

/// The inputs whose condition holds.
fn unless<const N: usize>(skip: [(bool, Input); N]) -> Vec<Input> {
    skip.into_iter()
        .filter(|(left, _)| *left)
        .map(|(_, i)| i)
        .collect()
}

fn analytics(f: &mut dyn Write, a: &AnalyticsSpec) -> fmt::Result {
    optional(f, "stream", a.reads.as_ref().map(|r| quoted(&r.name)))?;
    if a.efo {
        writeln!(f, "efo = true")?;
    }
    optional(f, "output", a.writes.as_ref().map(|r| quoted(&r.name)))?;
    inputs(f, a.workload.given(), &[])?;
    optional(f, "region", a.region.as_deref().map(quoted))
}

/// A Firehose: the stream it reads (then no source: it is the stream's), or its records and
/// size, and its other inputs.
fn firehose(f: &mut dyn Write, h: &FirehoseSpec) -> fmt::Result {
    optional(f, "stream", h.reads.as_ref().map(|r| quoted(&r.name)))?;
    let skip = [
        (h.reads.is_some(), Input::Source),
        (h.records.is_none(), Input::FirehoseRecords),
        (h.size.is_none(), Input::FirehoseSizeKb),
    ];
    inputs(f, h.workload.given(), &unless(skip))?;
    optional(f, "region", h.region.as_deref().map(quoted))
}
