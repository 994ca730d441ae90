//! The URL's query string: every input under the CLI's flag name, so that
//! `?records=100&size-kb=100&consumers=10&region=eu-central-1` opens on the deck's Frankfurt
//! estimate. Any URL loads: unknown or malformed parameters are reported, never fatal.

use crate::state::{defaults, Field, Inputs};

/// The inputs a query string asks for (defaults for the rest), and what was wrong with it.
pub fn parse(query: &str) -> (Inputs, Vec<String>) {
    let mut inputs = defaults();
    let mut problems = Vec::new();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (decode(key), decode(value)) else {
            problems.push(format!(
                "'{pair}' is not valid URL encoding; it was ignored"
            ));
            continue;
        };
        match Field::from_key(&key) {
            Some(field) if field.is_switch() => {
                let on = matches!(value.as_str(), "" | "on" | "true" | "1" | "yes");
                let off = matches!(value.as_str(), "off" | "false" | "0" | "no");
                if on || off {
                    inputs.insert(field, if on { "on" } else { "" }.to_string());
                } else {
                    problems.push(format!("'{key}={value}': use on or off; it was ignored"));
                }
            }
            Some(field) => {
                inputs.insert(field, value);
            }
            None => problems.push(format!("unknown parameter '{key}' was ignored")),
        }
    }
    (inputs, problems)
}

/// The query string of `inputs`, leaving out values at their defaults. A switch is written `on`
/// or `off`, never empty: an empty value reads as on.
pub fn to_query(inputs: &Inputs) -> String {
    let parts: Vec<String> = Field::all()
        .into_iter()
        .filter_map(|f| {
            let value = inputs.get(&f).map_or("", String::as_str);
            let written = match (f.is_switch(), value) {
                (true, "on") => "on",
                (true, _) => "off",
                (false, v) => v,
            };
            (value != f.default_value()).then(|| format!("{}={}", f.key(), encode(written)))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}
