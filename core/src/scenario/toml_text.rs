//! A [`Scenario`] written as a scenario file, so that a scenario built in code (the page's) can
//! be saved and priced again with `parse`: the text parses back to the same scenario.

use std::fmt::{self, Display, Write};

use super::{AnalyticsSpec, ConsumerSpec, FirehoseSpec, Scenario, StreamSpec};
use crate::analytics::AppSize;
use crate::consumers::{Architecture, KclVersion};
use crate::firehose::Source;
use crate::workload::{Form, Scaling};

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
    match c.app {
        crate::consumers::App::Lambda(w) => {
            writeln!(f, "batch_size = {}", w.batch_size)?;
            writeln!(f, "memory_mb = {}", w.memory_mb)?;
            writeln!(f, "duration_ms = {:?}", w.duration_ms)?;
            let arch = match w.architecture {
                Architecture::X86_64 => "x86_64",
                Architecture::Arm64 => "arm64",
            };
            writeln!(f, "architecture = {}", quoted(arch))?;
            writeln!(f, "batching_window_s = {:?}", w.batching_window_s)?;
        }
        crate::consumers::App::Kcl(w) => {
            let version = match w.version {
                KclVersion::V2 => "2",
                KclVersion::V3 => "3",
            };
            writeln!(f, "version = {}", quoted(version))?;
            writeln!(f, "workers = {}", w.workers)?;
            writeln!(f, "checkpoint_s = {:?}", w.checkpoint_s)?;
        }
    }
    optional(f, "region", c.region.as_deref().map(quoted))
}

/// `key = value` when there is a value.
fn optional(f: &mut dyn Write, key: &str, value: Option<impl Display>) -> fmt::Result {
    match value {
        Some(v) => writeln!(f, "{key} = {v}"),
        None => Ok(()),
    }
}

fn stream(f: &mut dyn Write, s: &StreamSpec) -> fmt::Result {
    let w = &s.workload;
    optional(f, "records", s.records.map(|r| quoted(&r.to_string())))?;
    optional(f, "size_kb", s.size.map(|size| size.kb()))?;
    writeln!(f, "consumers = {}", w.consumers())?;
    writeln!(f, "efo_consumers = {}", w.efo_consumers)?;
    writeln!(f, "mode = {}", quoted(s.mode.name()))?;
    writeln!(f, "retention = \"{}h\"", w.retention.hours())?;
    optional(
        f,
        "long_term_reads_gb",
        (w.long_term_reads_gb > 0.0).then_some(w.long_term_reads_gb),
    )?;
    optional(f, "aggregate_kb", w.aggregate_kb)?;
    optional(
        f,
        "peak_records",
        w.peak_records.map(|r| quoted(&r.to_string())),
    )?;
    writeln!(f, "target_utilization = {}", w.target_utilization)?;
    if let Some(p) = w.profile {
        let weights: Vec<String> = p.weights.iter().map(f64::to_string).collect();
        writeln!(f, "profile = [{}]", weights.join(", "))?;
    }
    if w.scaling != Scaling::Fixed {
        writeln!(f, "scaling = {}", quoted(w.scaling.name()))?;
    }
    if w.form != Form::Y2021 {
        writeln!(f, "form = {}", quoted(w.form.name()))?;
    }
    optional(f, "shards", w.shards)?;
    optional(f, "buffer", w.buffer_percent)?;
    optional(f, "hot_key_share", w.hot_key_share)?;
    optional(f, "max_record_size", w.max_record_size.map(|m| m.kb()))?;
    for (input, value) in w.around.given() {
        writeln!(f, "{} = {}", input.spec().key, quoted(&value))?;
    }
    if let Some(g) = w.growth {
        writeln!(f, "growth = {}\nmonths = {}", g.percent_per_month, g.months)?;
    }
    optional(f, "region", s.region.as_deref().map(quoted))
}

fn analytics(f: &mut dyn Write, a: &AnalyticsSpec) -> fmt::Result {
    let w = &a.workload;
    optional(f, "stream", a.reads.as_ref().map(|r| quoted(&r.name)))?;
    if a.efo {
        writeln!(f, "efo = true")?;
    }
    optional(f, "output", a.writes.as_ref().map(|r| quoted(&r.name)))?;
    writeln!(f, "engine = {}", quoted(w.engine.name()))?;
    writeln!(f, "apps = {}", w.apps)?;
    match w.size {
        AppSize::Kpus(k) => writeln!(f, "kpus = {k}")?,
        AppSize::Parallelism {
            parallelism,
            per_kpu,
        } => writeln!(
            f,
            "parallelism = {parallelism}\nparallelism_per_kpu = {per_kpu}"
        )?,
        AppSize::KpuHours(rate) => writeln!(f, "kpu_hours = {}", quoted(&rate.to_string()))?,
    }
    if w.storage_included {
        writeln!(f, "storage_included = true")?;
    }
    optional(f, "backup_gb", (w.backup_gb > 0.0).then_some(w.backup_gb))?;
    optional(f, "hours_per_day", w.hours_per_day)?;
    optional(f, "region", a.region.as_deref().map(quoted))
}

fn firehose(f: &mut dyn Write, h: &FirehoseSpec) -> fmt::Result {
    let w = &h.workload;
    match &h.reads {
        Some(r) => writeln!(f, "stream = {}", quoted(&r.name))?,
        None if w.source != Source::DirectPut => {
            writeln!(f, "source = {}", quoted(w.source.name()))?
        }
        None => {}
    }
    optional(f, "records", h.records.map(|r| quoted(&r.to_string())))?;
    optional(f, "size_kb", h.size.map(|s| s.kb()))?;
    writeln!(f, "format_conversion = {}", w.format_conversion)?;
    if w.dynamic_partitioning {
        writeln!(f, "dynamic_partitioning = true")?;
        optional(f, "object_size_mb", w.object_size_mb)?;
        writeln!(f, "jq_hours = {}", w.jq_hours)?;
        optional(f, "active_partitions", w.active_partitions)?;
        optional(f, "buffer_interval", w.buffer_interval_s)?;
        optional(f, "buffer_size_mb", w.buffer_size_mb)?;
    }
    if w.vpc_subnets > 0 {
        writeln!(
            f,
            "vpc_subnets = {}\nvpc_ratio = {}",
            w.vpc_subnets, w.vpc_ratio
        )?;
    }
    optional(f, "region", h.region.as_deref().map(quoted))
}
