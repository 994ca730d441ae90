//! Wiring a [`Scenario`]: which components read each stream (each one more consumer of it), and
//! each stream's traffic, its own or borrowed through the application that writes to it.

use std::collections::BTreeMap;

use super::{Locator, Scenario, ScenarioError, StreamRef};
use crate::read::rate::Rate;
use crate::streams::workload::RecordSize;

/// A stream's traffic: its records and their size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Traffic {
    /// The record rate.
    pub records: Rate,
    /// The record size.
    pub size: RecordSize,
}

/// Who reads a stream of the scenario.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readers {
    /// Shared-throughput consumers the scenario adds.
    pub shared: u32,
    /// Enhanced fan-out consumers the scenario adds.
    pub efo: u32,
    /// Of those, the readers AWS runs (analytics applications, Firehose streams, Lambda
    /// functions), which do not read through the stream's consumer network.
    pub managed: u32,
    /// The components that read it (`analytics.enrich`).
    pub by: Vec<String>,
}

/// A scenario's wiring: every stream's traffic and readers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wiring {
    /// Each stream's traffic, by name.
    pub traffic: BTreeMap<String, Traffic>,
    /// Each read stream's readers, by name.
    pub readers: BTreeMap<String, Readers>,
}

/// Wires `scenario`: every `reads` and `writes` must name a stream of it; each stream's traffic
/// is its own or borrowed upstream. `at` locates errors.
///
/// # Errors
/// A reference to a stream the scenario lacks, a stream without traffic of its own and no
/// application writing to it, or borrowings that come round in a cycle.
pub fn wire(scenario: &Scenario, at: Locator<'_>) -> Result<Wiring, ScenarioError> {
    let known = |r: &StreamRef, component: &str| -> Result<(), ScenarioError> {
        if scenario.streams.contains_key(&r.name) {
            return Ok(());
        }
        let names: Vec<&str> = scenario.streams.keys().map(String::as_str).collect();
        let here = if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        };
        Err(at.error(
            r.at.clone(),
            Some(component.to_string()),
            format!(
                "there is no stream '{}' in this file; streams here: {here}",
                r.name
            ),
        ))
    };
    let mut wiring = Wiring::default();
    let mut writers: BTreeMap<&str, &str> = BTreeMap::new();
    for (name, spec) in &scenario.analytics {
        let component = format!("analytics.{name}");
        if let Some(r) = &spec.reads {
            known(r, &component)?;
            let readers = wiring.readers.entry(r.name.clone()).or_default();
            // Each application of the set reads the stream.
            let apps = spec.workload.apps;
            readers.managed = readers.managed.saturating_add(apps);
            if spec.efo {
                readers.efo = readers.efo.saturating_add(apps);
            } else {
                readers.shared = readers.shared.saturating_add(apps);
            }
            readers.by.push(component.clone());
        }
        if let Some(w) = &spec.writes {
            known(w, &component)?;
            writers.insert(&w.name, name);
        }
    }
    for (name, spec) in &scenario.firehose {
        let component = format!("firehose.{name}");
        if let Some(r) = &spec.reads {
            known(r, &component)?;
            let readers = wiring.readers.entry(r.name.clone()).or_default();
            readers.shared = readers.shared.saturating_add(1);
            readers.managed = readers.managed.saturating_add(1);
            readers.by.push(component);
        }
    }
    // A Lambda function's reads are AWS's own (its event source mapping), not in your network.
    for (kind, consumers, managed) in [
        ("lambda", &scenario.lambda, true),
        ("kcl", &scenario.kcl, false),
    ] {
        for (name, spec) in consumers {
            let component = format!("{kind}.{name}");
            known(&spec.reads, &component)?;
            let readers = wiring.readers.entry(spec.reads.name.clone()).or_default();
            if managed {
                readers.managed = readers.managed.saturating_add(1);
            }
            if spec.efo {
                readers.efo = readers.efo.saturating_add(1);
            } else {
                readers.shared = readers.shared.saturating_add(1);
            }
            readers.by.push(component);
        }
    }
    for name in scenario.streams.keys() {
        let traffic = resolve(scenario, &writers, name, &mut Vec::new(), at)?;
        wiring.traffic.insert(name.clone(), traffic);
    }
    Ok(wiring)
}

/// A stream's traffic: its own records and size, or those of the stream read by the application
/// that writes to it, following such links and refusing a cycle.
fn resolve(
    scenario: &Scenario,
    writers: &BTreeMap<&str, &str>,
    name: &str,
    path: &mut Vec<String>,
    at: Locator<'_>,
) -> Result<Traffic, ScenarioError> {
    let component = format!("streams.{name}");
    let Some(spec) = scenario.streams.get(name) else {
        return Err(at.error(0..0, Some(component), "no such stream"));
    };
    if path.iter().any(|p| p == name) {
        path.push(name.to_string());
        return Err(at.error(
            spec.at.clone(),
            Some(component),
            format!(
                "its traffic comes round in a cycle: {}; give one of these streams its own records and size_kb",
                path.join(" <- ")
            ),
        ));
    }
    path.push(name.to_string());
    if let (Some(records), Some(size)) = (spec.records, spec.size) {
        return Ok(Traffic { records, size });
    }
    // Borrow what is missing from the stream the writing application reads.
    let upstream = writers
        .get(name)
        .and_then(|app| scenario.analytics.get(*app))
        .and_then(|spec| spec.reads.as_ref());
    let Some(upstream) = upstream else {
        return Err(at.error(
            spec.at.clone(),
            Some(component),
            "give `records` and `size_kb`, or write to this stream from an analytics application \
             (`output = \"...\"`) that reads another stream",
        ));
    };
    let borrowed = resolve(scenario, writers, &upstream.name, path, at)?;
    Ok(Traffic {
        records: spec.records.unwrap_or(borrowed.records),
        size: spec.size.unwrap_or(borrowed.size),
    })
}
