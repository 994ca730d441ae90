//! Infrastructure as code: the Kinesis resources a Terraform plan declares ([`terraform`]), each
//! as it was before the change and as it will be after, priced with the traffic a usage file
//! gives ([`Usage`]) into what the change costs ([`price()`]). What the plan fixes (shard-hours,
//! extended retention, consumer-shard-hours, stream-hours, KPU-hours) is priced from the plan
//! alone; what depends on traffic needs usage, and says which key to add.
//!
//! ```
//! use kcost_core::{infra, testing, Options};
//! let plan = r#"{"format_version": "1.2", "resource_changes": [{
//!   "address": "aws_kinesis_stream.clicks", "mode": "managed", "type": "aws_kinesis_stream",
//!   "name": "clicks", "provider_name": "registry.terraform.io/hashicorp/aws",
//!   "change": {"actions": ["create"], "before": null,
//!     "after": {"name": "clicks", "shard_count": 4, "retention_period": 24,
//!               "stream_mode_details": [{"stream_mode": "PROVISIONED"}]},
//!     "after_unknown": {"arn": true}}}],
//!   "configuration": {"provider_config": {"aws": {"name": "aws",
//!     "expressions": {"region": {"constant_value": "us-east-1"}}}}}}"#;
//! let infra = infra::terraform::parse(plan, "plan.json")?;
//! let usage = infra::Usage::parse("", "usage.toml")?;
//! let priced = infra::price(&infra, &usage, None, &testing::deck_book(), Options::default())?;
//! // 4 shards x 730 hours x 0.015 USD: 43.80 a month, all of it new.
//! assert_eq!(priced.delta_usd.to_string(), "43.80");
//! assert_eq!(priced.resources[0].needs_usage, ["records", "size_kb"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod cloudformation;
mod price;
pub mod terraform;
mod usage;

use serde::Serialize;

use crate::analytics::{AppSize, Engine};
use crate::estimate::Mode;
use crate::streams::workload::Retention;

pub use price::{price, InfraEstimate, Note, ResourceCost};
pub use usage::Usage;

/// Where infrastructure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// `terraform show -json PLAN`.
    Terraform,
    /// A CloudFormation template (or `cdk synth` output).
    CloudFormation,
}

/// What a change does to a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Created.
    Create,
    /// Updated in place.
    Update,
    /// Destroyed and created again.
    Replace,
    /// Destroyed.
    Delete,
    /// Unchanged.
    #[serde(rename = "no-op")]
    NoOp,
    /// Taken out of Terraform's state, left running in AWS: its cost goes on.
    Forget,
}

impl Action {
    /// The action's name, as JSON writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Replace => "replace",
            Action::Delete => "delete",
            Action::NoOp => "no-op",
            Action::Forget => "forget",
        }
    }
}

/// A Kinesis resource as declared on one side of a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Declared {
    /// A data stream.
    Stream {
        /// Its capacity mode.
        mode: Mode,
        /// Its shard count, when provisioned and known.
        shards: Option<u64>,
        /// How long it keeps records.
        retention: Retention,
        /// What the declaration prices around the stream: its enhanced shard-level metrics
        /// (`shard_level_metrics`; CloudFormation's `DesiredShardLevelMetrics`) and its
        /// encryption (`encryption_type` and `kms_key_id`; `StreamEncryption`).
        around: crate::around::Around,
        /// The address of the plan's own KMS key that encrypts it, when it uses one.
        key: Option<String>,
    },
    /// An enhanced fan-out consumer of a stream.
    Consumer {
        /// The stream's address, when the plan's references name it.
        stream: Option<String>,
    },
    /// A Firehose stream.
    Firehose {
        /// The address of the stream it reads, when it reads one the plan declares.
        stream: Option<String>,
        /// Whether it reads a Kinesis stream at all (one outside the plan included).
        reads_stream: bool,
        /// JSON converted to Parquet or ORC.
        format_conversion: bool,
        /// Dynamic partitioning.
        dynamic_partitioning: bool,
        /// Buffer interval, seconds.
        buffer_interval_s: Option<f64>,
        /// Buffer size, MB.
        buffer_size_mb: Option<f64>,
        /// Subnets of a VPC destination.
        vpc_subnets: u32,
    },
    /// An analytics application.
    Analytics {
        /// Its engine.
        engine: Engine,
        /// Its size, when the plan fixes it (Flink's parallelism).
        size: Option<AppSize>,
        /// Whether AWS may scale its KPUs up from there.
        autoscaling: bool,
    },
    /// A Lambda event source mapping reading a stream: the function is a consumer of its own
    /// bill.
    Lambda {
        /// The address of the stream it reads, when the plan declares it.
        stream: Option<String>,
        /// The plan's enhanced fan-out consumer it reads through, if any.
        consumer: Option<String>,
        /// Records per invocation at most.
        batch_size: u32,
        /// Seconds it waits to fill a batch.
        batching_window_s: f64,
        /// The function, when the plan declares it.
        function: Option<Function>,
    },
    /// A customer managed KMS key that encrypts a stream of the plan.
    KmsKey,
    /// A NAT gateway.
    NatGateway,
    /// An interface VPC endpoint to Kinesis Data Streams.
    Endpoint {
        /// Its Availability Zones (one subnet each), when known.
        azs: Option<u32>,
    },
}

impl Declared {
    /// A stream, with the plan's own `key` kept only when it is a customer managed key that
    /// encrypts it.
    fn stream(
        mode: Mode,
        shards: Option<u64>,
        retention: Retention,
        around: crate::around::Around,
        key: Option<String>,
    ) -> Declared {
        Declared::Stream {
            mode,
            shards,
            retention,
            key: key.filter(|_| around.kms_key == crate::around::KmsKey::Customer),
            around,
        }
    }

    /// An interface endpoint in one AZ per subnet it names; none named leaves the count to the
    /// usage file or the default.
    fn endpoint(subnets: Option<usize>) -> Declared {
        Declared::Endpoint {
            azs: subnets
                .filter(|n| *n > 0)
                .map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        }
    }
}

/// A Lambda function as the plan declares it.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    /// Its address.
    pub address: String,
    /// Its memory, MB (Lambda's default 128).
    pub memory_mb: u32,
    /// Its architecture (Lambda's default x86_64).
    pub architecture: crate::consumers::Architecture,
}

/// An application's parallelism configuration as the code writes it: `custom` (else AWS's
/// default: parallelism 1, 1 per KPU, automatic scaling on), and the values given.
#[derive(Debug, Clone, Copy, Default)]
struct Parallelism {
    custom: bool,
    parallelism: Option<u32>,
    per_kpu: Option<u32>,
    autoscaling: Option<bool>,
}

/// An application of `runtime` (`FLINK-1_18`, `SQL-1_0`, `ZEPPELIN-FLINK-3_0`): Flink sized by
/// its parallelism, SQL and Studio by their usage; `None` for a runtime kcost does not know.
fn application(runtime: &str, p: Parallelism) -> Option<Declared> {
    let engine = if runtime.starts_with("FLINK") {
        Engine::Flink
    } else if runtime.starts_with("SQL") {
        Engine::Sql
    } else if runtime.starts_with("ZEPPELIN") {
        Engine::Studio
    } else {
        return None;
    };
    if engine != Engine::Flink {
        return Some(Declared::Analytics {
            engine,
            size: None,
            autoscaling: true,
        });
    }
    let (parallelism, per_kpu, autoscaling) = if p.custom {
        (
            p.parallelism.unwrap_or(1),
            p.per_kpu.unwrap_or(1),
            p.autoscaling.unwrap_or(false),
        )
    } else {
        (1, 1, true)
    };
    Some(Declared::Analytics {
        engine,
        size: Some(AppSize::Parallelism {
            parallelism,
            per_kpu,
        }),
        autoscaling,
    })
}

/// One resource of a change.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// Its address (`module.ingest.aws_kinesis_stream.events["eu"]`, or a logical id).
    pub address: String,
    /// Its type (`aws_kinesis_stream`).
    pub type_name: String,
    /// What the change does to it.
    pub action: Action,
    /// As it was, unless created.
    pub before: Option<Declared>,
    /// As it will be, unless deleted.
    pub after: Option<Declared>,
    /// Its region, from its provider.
    pub region: Option<String>,
    /// Attributes kcost needed that are known only when the change is applied.
    pub unknown: Vec<&'static str>,
}

impl Resource {
    /// What it declares on each side of the change it exists on.
    fn sides(&self) -> impl Iterator<Item = &Declared> {
        [&self.before, &self.after].into_iter().flatten()
    }

    /// What it is after the change, or before it when the change deletes it.
    fn latest(&self) -> Option<&Declared> {
        self.after.as_ref().or(self.before.as_ref())
    }
}

/// A resource kcost does not price, listed so that nothing is dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unpriced {
    /// Its address.
    pub address: String,
    /// Its type.
    #[serde(rename = "type")]
    pub type_name: String,
    /// What the change does to it.
    pub action: Action,
}

/// The Kinesis resources of a plan or template, and the rest, listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Infrastructure {
    /// Where it comes from.
    pub source: Source,
    /// The file, as named in errors.
    pub origin: String,
    /// The region of resources whose provider names none.
    pub region: Option<String>,
    /// The Kinesis resources: a plan's in its order, a template's by logical id.
    pub resources: Vec<Resource>,
    /// Everything else.
    pub unpriced: Vec<Unpriced>,
}

/// A plan, template or usage file kcost cannot read or price: where, which resource, and what to
/// do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text(&crate::face::Plain))]
pub struct InfraError {
    /// The file.
    pub file: String,
    /// Line and column, when the text itself is malformed.
    pub at: Option<(usize, usize)>,
    /// The resource (its address or logical id), when the problem is one resource's.
    pub resource: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
    /// The estimate's own error, when a resource's estimate failed: [`InfraError::text`] words
    /// it for the face that shows it (inputs as the usage file's keys).
    pub cause: Option<Box<crate::error::Error>>,
}

impl InfraError {
    /// The error, located, in the words of `face`.
    pub fn text(&self, face: &dyn crate::face::Face) -> String {
        let message = match &self.cause {
            Some(cause) => cause.text(&crate::face::UsageFile(face)),
            None => self.message.clone(),
        };
        format!(
            "{}{}: {}{message}",
            self.file,
            self.at.map_or(String::new(), |(l, c)| format!(":{l}:{c}")),
            self.resource
                .as_ref()
                .map_or(String::new(), |r| format!("{r}: "))
        )
    }

    fn json(file: &str, e: &serde_json::Error) -> InfraError {
        let message = if e.is_eof() {
            format!("the JSON ends early ({e}); write the whole file again")
        } else {
            format!("not valid JSON: {e}")
        };
        InfraError {
            file: file.to_string(),
            at: Some((e.line(), e.column())),
            resource: None,
            message,
            cause: None,
        }
    }

    fn file(file: &str, message: impl Into<String>) -> InfraError {
        InfraError {
            file: file.to_string(),
            at: None,
            resource: None,
            message: message.into(),
            cause: None,
        }
    }

    fn resource(file: &str, resource: &str, message: impl Into<String>) -> InfraError {
        InfraError {
            resource: Some(resource.to_string()),
            ..InfraError::file(file, message)
        }
    }
}

/// Links what is around the streams once every resource is read: a mapping that reads
/// through a consumer reads that consumer's stream; a KMS key that encrypts no stream of the
/// plan on either side is not priced (it serves something else), and is listed as such.
pub(crate) fn wire_around(infra: &mut Infrastructure) {
    let consumers: Vec<(String, [Option<String>; 2])> = infra
        .resources
        .iter()
        .map(|r| {
            let stream = |d: &Option<Declared>| match d {
                Some(Declared::Consumer { stream }) => stream.clone(),
                _ => None,
            };
            (r.address.clone(), [stream(&r.before), stream(&r.after)])
        })
        .collect();
    let mut keys = std::collections::BTreeSet::new();
    for r in &mut infra.resources {
        for (i, side) in [&mut r.before, &mut r.after].into_iter().enumerate() {
            match side {
                Some(Declared::Lambda {
                    stream: stream @ None,
                    consumer: Some(c),
                    ..
                }) => {
                    *stream = consumers
                        .iter()
                        .find(|(a, _)| a == c)
                        .and_then(|(_, s)| s.get(i).cloned().flatten());
                }
                Some(Declared::Stream { key: Some(k), .. }) => {
                    keys.insert(k.clone());
                }
                _ => {}
            }
        }
    }
    let (kept, unused): (Vec<Resource>, Vec<Resource>) = std::mem::take(&mut infra.resources)
        .into_iter()
        .partition(|r| !matches!(r.latest(), Some(Declared::KmsKey)) || keys.contains(&r.address));
    infra.resources = kept;
    infra.unpriced.extend(unused.into_iter().map(|r| Unpriced {
        address: r.address,
        type_name: r.type_name,
        action: r.action,
    }));
}
