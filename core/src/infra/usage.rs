//! A usage file: the traffic of each resource of a plan or template, in TOML, one table per
//! resource address (or logical id) with the words of a scenario file:
//!
//! ```toml
//! ["aws_kinesis_stream.clicks"]
//! records = "1000/s"
//! size_kb = 1
//! consumers = 2
//!
//! ["aws_kinesisanalyticsv2_application.sessions"]
//! kpus = 3
//! ```
//!
//! What the plan declares (a stream's mode, shard count and retention, a Firehose's source and
//! options, an application's engine) is the plan's to say: the same key in the usage file is an
//! error, so the file never silently contradicts the code.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::InfraError;
use crate::analytics::AppSize;
use crate::scenario::{AnalyticsSpec, Entry, FirehoseSpec, Locator, ScenarioError, StreamSpec};

/// The keys a plan declares for each kind of resource, refused in a usage file.
const STREAM_KEYS: [&str; 3] = ["mode", "retention", "region"];
const FIREHOSE_KEYS: [&str; 8] = [
    "stream",
    "source",
    "format_conversion",
    "dynamic_partitioning",
    "buffer_interval",
    "buffer_size_mb",
    "vpc_subnets",
    "region",
];
const ANALYTICS_KEYS: [&str; 6] = ["engine", "apps", "stream", "output", "efo", "region"];
const LAMBDA_KEYS: [&str; 5] = ["stream", "efo", "batch_size", "batching_window_s", "region"];
/// What a Lambda function the plan declares fixes.
const FUNCTION_KEYS: [&str; 2] = ["memory_mb", "architecture"];

/// A usage file's text, checked to be TOML whose every entry is a table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Usage {
    text: String,
    origin: String,
    addresses: Vec<String>,
}

impl Usage {
    /// Reads a usage file; `origin` names it in errors. An empty text is no usage at all.
    ///
    /// # Errors
    /// TOML that does not parse, or an entry that is not a table, located by line and column.
    pub fn parse(text: &str, origin: &str) -> Result<Usage, InfraError> {
        let at = Locator::new(text, origin);
        let table = DeTable::parse(text).map_err(|e| {
            located(&at.error(
                e.span().unwrap_or(0..0),
                None,
                e.message().trim().to_string(),
            ))
        })?;
        let mut addresses = Vec::new();
        for (key, value) in table.get_ref() {
            if !value.get_ref().is_table() {
                return Err(located(
                    &at.error(
                        value.span(),
                        Some(key.get_ref().to_string()),
                        "each resource's usage is a table: [\"ADDRESS\"] followed by its keys \
                     (records, size_kb, ...)"
                            .to_string(),
                    ),
                ));
            }
            addresses.push(key.get_ref().to_string());
        }
        Ok(Usage {
            text: text.to_string(),
            origin: origin.to_string(),
            addresses,
        })
    }

    /// The addresses it gives usage for.
    pub fn addresses(&self) -> &[String] {
        &self.addresses
    }

    /// The file's name.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// `address`'s table, with `add` set where the file leaves it unset, after refusing the
    /// `declared` keys.
    fn entry(
        &self,
        address: &str,
        declared: &[&str],
        add: Option<(&str, &str)>,
    ) -> Result<Option<(Spanned<DeValue<'_>>, Entry<'_>)>, InfraError> {
        let at = Locator::new(&self.text, &self.origin);
        let Ok(mut table) = DeTable::parse(&self.text) else {
            return Ok(None);
        };
        let Some(key) = table
            .get_ref()
            .keys()
            .find(|k| k.get_ref() == address)
            .cloned()
        else {
            return Ok(None);
        };
        let Some(mut value) = table.get_mut().remove(&key) else {
            return Ok(None);
        };
        let entry = Entry {
            at,
            component: address.to_string(),
        };
        if let DeValue::Table(t) = value.get_mut() {
            if let Some(k) = t.keys().find(|k| declared.contains(&k.get_ref().as_ref())) {
                return Err(located(&at.error(
                    k.span(),
                    Some(address.to_string()),
                    format!(
                        "`{}` is the plan's to declare, not the usage file's; change it in the \
                         code, or drop it here",
                        k.get_ref()
                    ),
                )));
            }
            if let Some((k, v)) = add {
                if !t.keys().any(|x| x.get_ref() == k) {
                    t.insert(
                        Spanned::new(0..0, k.to_string().into()),
                        Spanned::new(0..0, DeValue::String(v.to_string().into())),
                    );
                }
            }
        }
        Ok(Some((value, entry)))
    }

    /// A stream's usage, if the file has it.
    /// `apart` names the keys of what the plan declares around it (`nat_gateways`,
    /// `endpoint_azs`), refused too.
    pub(crate) fn stream(
        &self,
        address: &str,
        shards_declared: bool,
        apart: &[&'static str],
    ) -> Result<Option<StreamSpec>, InfraError> {
        let mut declared = STREAM_KEYS.to_vec();
        if shards_declared {
            declared.push("shards");
        }
        declared.extend_from_slice(apart);
        self.entry(address, &declared, None)?
            .map(|(v, e)| e.stream(v).map_err(|e| located(&e)))
            .transpose()
    }

    /// A Firehose stream's usage; `reads` is the stream it reads, which lends its traffic.
    pub(crate) fn firehose(
        &self,
        address: &str,
        reads: Option<&str>,
    ) -> Result<Option<FirehoseSpec>, InfraError> {
        self.entry(address, &FIREHOSE_KEYS, reads.map(|r| ("stream", r)))?
            .map(|(v, e)| e.firehose(v).map_err(|e| located(&e)))
            .transpose()
    }

    /// A Lambda event source mapping's usage, on what the plan declares (`base`); `function`:
    /// whether this side of the plan declares the function (its memory and architecture are
    /// then the plan's), and whether every side does (the usage file may then not give them).
    pub(crate) fn lambda(
        &self,
        address: &str,
        base: crate::consumers::LambdaWorkload,
        (function, everywhere): (bool, bool),
    ) -> Result<Option<crate::consumers::LambdaWorkload>, InfraError> {
        let mut declared = LAMBDA_KEYS.to_vec();
        if everywhere {
            declared.extend_from_slice(&FUNCTION_KEYS);
        }
        self.entry(address, &declared, None)?
            .map(|(v, e)| e.lambda_usage(v, base, function).map_err(|e| located(&e)))
            .transpose()
    }

    /// An analytics application's usage; `declared` is the plan's size, used when the file gives
    /// none.
    pub(crate) fn analytics(
        &self,
        address: &str,
        declared: Option<AppSize>,
    ) -> Result<Option<AnalyticsSpec>, InfraError> {
        self.entry(address, &ANALYTICS_KEYS, None)?
            .map(|(v, e)| e.analytics(v, declared).map_err(|e| located(&e)))
            .transpose()
    }
}

/// A scenario-style error as an infrastructure one: the file, its place and the resource.
pub(super) fn located(e: &ScenarioError) -> InfraError {
    InfraError {
        file: e.origin.clone(),
        at: Some((e.line, e.column)),
        resource: e.component.clone(),
        message: e.message.clone(),
        cause: e.cause.clone(),
    }
}
