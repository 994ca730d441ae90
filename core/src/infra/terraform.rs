//! `terraform show -json PLAN` as text: each Kinesis resource's change (`before` and `after`),
//! its region from its provider's configuration (aliases and modules included), and the streams
//! that consumers and Firehose streams read, through their ARNs or, when an ARN is known only at
//! apply time, through the configuration's references. Only the parts kcost reads are kept: the
//! rest of a large plan is skipped as it is read.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::{
    application, Action, Declared, InfraError, Infrastructure, Parallelism, Resource, Source,
    Unpriced,
};
use crate::analytics::Engine;
use crate::consumers::LambdaWorkload;
use crate::estimate::Mode;
use crate::streams::workload::Retention;

/// The resource types kcost prices: Kinesis's own, and those around a stream (a Lambda event
/// source mapping reading one, a KMS key encrypting one, NAT gateways, an interface endpoint
/// to Kinesis Data Streams).
pub const TYPES: [&str; 9] = [
    "aws_kinesis_stream",
    "aws_kinesis_stream_consumer",
    "aws_kinesis_firehose_delivery_stream",
    "aws_kinesisanalyticsv2_application",
    "aws_kinesis_analytics_application",
    "aws_lambda_event_source_mapping",
    "aws_kms_key",
    "aws_nat_gateway",
    "aws_vpc_endpoint",
];

/// Types read only for what a priced resource refers to (a mapping's function, a stream's key
/// alias), listed as not priced.
const REFERRED: [&str; 2] = ["aws_lambda_function", "aws_kms_alias"];

#[derive(Deserialize)]
struct Plan<'a> {
    format_version: Option<String>,
    #[serde(borrow)]
    resource_changes: Option<Vec<Change<'a>>>,
    #[serde(borrow)]
    configuration: Option<Configuration<'a>>,
    #[serde(default)]
    variables: BTreeMap<String, Variable>,
    values: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct Variable {
    value: Option<Value>,
}

#[derive(Deserialize)]
struct Change<'a> {
    address: String,
    #[serde(default)]
    mode: String,
    #[serde(rename = "type")]
    type_name: String,
    index: Option<Value>,
    /// A deposed object (the old one of a create-before-destroy) has the address of the current
    /// one and a key of its own.
    deposed: Option<String>,
    #[serde(borrow)]
    change: Body<'a>,
}

impl Change<'_> {
    /// The object's own name: its address, and its deposed key when it has one.
    fn name(&self) -> String {
        match &self.deposed {
            Some(key) => format!("{} (deposed {key})", self.address),
            None => self.address.clone(),
        }
    }
}

#[derive(Deserialize)]
struct Body<'a> {
    actions: Vec<String>,
    #[serde(borrow)]
    before: Option<&'a RawValue>,
    #[serde(borrow)]
    after: Option<&'a RawValue>,
    #[serde(borrow)]
    after_unknown: Option<&'a RawValue>,
}

#[derive(Deserialize, Default)]
struct Configuration<'a> {
    #[serde(default)]
    provider_config: BTreeMap<String, ProviderConfig>,
    #[serde(borrow)]
    root_module: Option<Module<'a>>,
}

#[derive(Deserialize)]
struct ProviderConfig {
    #[serde(default)]
    expressions: ProviderExpressions,
}

#[derive(Deserialize, Default)]
struct ProviderExpressions {
    region: Option<Expression>,
}

#[derive(Deserialize, Default)]
struct Expression {
    constant_value: Option<Value>,
    #[serde(default)]
    references: Vec<String>,
}

#[derive(Deserialize, Default)]
struct Module<'a> {
    #[serde(default, borrow)]
    resources: Vec<ConfigResource<'a>>,
    #[serde(default, borrow)]
    module_calls: BTreeMap<String, ModuleCall<'a>>,
}

#[derive(Deserialize)]
struct ModuleCall<'a> {
    #[serde(borrow)]
    module: Option<Module<'a>>,
}

#[derive(Deserialize)]
struct ConfigResource<'a> {
    address: String,
    provider_config_key: Option<String>,
    #[serde(borrow)]
    expressions: Option<&'a RawValue>,
}

/// What the configuration says of one resource: its provider and its references.
struct Configured<'a> {
    provider: Option<String>,
    expressions: Option<&'a RawValue>,
}

/// Reads a plan's text; `origin` names it in errors.
///
/// # Errors
/// Text that is not JSON (with line and column), JSON that is not a plan (state or another file),
/// a resource whose change or attributes kcost cannot read (named).
pub fn parse(text: &str, origin: &str) -> Result<Infrastructure, InfraError> {
    let mut plan: Plan<'_> =
        serde_json::from_str(text).map_err(|e| InfraError::json(origin, &e))?;
    let changes = changes_of(&mut plan, origin)?;
    let config = plan.configuration.unwrap_or_default();
    let mut configured = BTreeMap::new();
    if let Some(root) = &config.root_module {
        collect(root, "", &mut configured);
    }
    let regions = Regions {
        providers: &config.provider_config,
        variables: &plan.variables,
    };
    let mut infra = Infrastructure {
        source: Source::Terraform,
        origin: origin.to_string(),
        region: regions.of(Some("aws")),
        resources: Vec::new(),
        unpriced: Vec::new(),
    };
    let mut sides = Vec::new();
    for c in &changes {
        if c.mode == "data" {
            continue;
        }
        let name = c.type_name.as_str();
        let referred = REFERRED.contains(&name);
        let unpriced = Unpriced {
            address: c.name(),
            type_name: c.type_name.clone(),
            action: action(&c.change.actions).unwrap_or(Action::NoOp),
        };
        if !TYPES.contains(&name) && !referred {
            // Listed whatever its action: only a Kinesis resource's matters here.
            infra.unpriced.push(unpriced);
            continue;
        }
        let read = |raw: Option<&RawValue>| -> Result<Value, InfraError> {
            raw.map_or(Ok(Value::Null), |r| {
                serde_json::from_str(r.get()).map_err(|e| InfraError::json(origin, &e))
            })
        };
        let before = read(c.change.before)?;
        let after = read(c.change.after)?;
        let conf = configured.get(&without_indexes(&c.address));
        let listed = unpriced.action;
        if referred || !around_kinesis(name, [&before, &after], conf) {
            infra.unpriced.push(unpriced);
            if !referred {
                continue;
            }
        }
        let action = if referred {
            listed
        } else {
            action(&c.change.actions)
                .ok_or_else(|| InfraError::resource(origin, &c.name(), unknown_actions(c)))?
        };
        let unknown = read(c.change.after_unknown)?;
        // The resource's own region (AWS provider 6), else its provider's, else its ARN's (a
        // resource gone from the configuration), else the default provider's.
        let region = [&after, &before]
            .iter()
            .find_map(|v| v.get("region").and_then(Value::as_str).map(str::to_string))
            .or_else(|| conf.and_then(|k: &Configured<'_>| regions.of(k.provider.as_deref())))
            .or_else(|| [&before, &after].iter().find_map(|v| arn_region(v)))
            .or_else(|| regions.of(None));
        sides.push((c, action, before, after, unknown, conf, region));
    }
    infra.resources = declared_sides(&sides, &configured, origin)?;
    super::wire_around(&mut infra);
    Ok(infra)
}

/// Each priced resource's sides, declared, with what the whole plan tells of those they refer
/// to.
fn declared_sides<'a>(
    sides: &[Side<'_, 'a>],
    configured: &BTreeMap<String, Configured<'a>>,
    origin: &str,
) -> Result<Vec<Resource>, InfraError> {
    let ids = ids(sides);
    let instances: Vec<(&str, Option<&Value>)> = sides
        .iter()
        .map(|s| (s.0.address.as_str(), s.0.index.as_ref()))
        .collect();
    let values: BTreeMap<&str, [&Value; 2]> = sides
        .iter()
        .map(|s| (s.0.address.as_str(), [&s.2, &s.3]))
        .collect();
    let plan = Known {
        origin,
        configured,
        ids: &ids,
        instances: &instances,
        values: &values,
    };
    sides
        .iter()
        .filter(|s| !REFERRED.contains(&s.0.type_name.as_str()))
        .map(|side| resource_of(side, &plan.at(&side.0.address, &side.0.type_name)))
        .collect()
}

/// The `references` of the configured expression that `path` leads to (stepping into the first
/// of a block's elements on the way), or none: what a resource's configuration says an attribute
/// is computed from (`aws_kinesis_stream.s.arn`), where the plan cannot know its value yet.
fn configured_references(conf: Option<&Configured<'_>>, path: &[&str]) -> Vec<String> {
    let Some(expressions) = conf
        .and_then(|c| c.expressions)
        .and_then(|e| serde_json::from_str::<Value>(e.get()).ok())
    else {
        return Vec::new();
    };
    let mut at = &expressions;
    for key in path {
        let Some(next) = at.get(key) else {
            return Vec::new();
        };
        at = next.get(0).unwrap_or(next);
    }
    at.get("references")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a resource of a type around streams serves Kinesis: a mapping whose event source is
/// a stream (or a consumer of one), an interface endpoint to `kinesis-streams`. A KMS key is
/// kept until the streams are read ([`super::wire_around`]); a NAT gateway always is.
fn around_kinesis(type_name: &str, sides: [&Value; 2], conf: Option<&Configured<'_>>) -> bool {
    let text = |key: &str| {
        sides
            .iter()
            .find_map(|v| v.get(key).and_then(Value::as_str))
    };
    match type_name {
        "aws_lambda_event_source_mapping" => {
            text("event_source_arn").is_some_and(|a| a.contains(":kinesis:"))
                || configured_references(conf, &["event_source_arn"])
                    .iter()
                    .any(|r| {
                        r.starts_with("aws_kinesis_stream")
                            || r.starts_with("data.aws_kinesis_stream")
                    })
        }
        "aws_vpc_endpoint" => text("service_name").is_some_and(|s| s.ends_with(".kinesis-streams")),
        _ => true,
    }
}

/// A resource's two sides, declared.
fn resource_of(side: &Side<'_, '_>, at: &Attributes<'_>) -> Result<Resource, InfraError> {
    let (c, action, before, after, unknown, _, region) = side;
    let mut resource = Resource {
        address: c.name(),
        type_name: c.type_name.clone(),
        action: *action,
        before: None,
        after: None,
        region: region.clone(),
        unknown: Vec::new(),
    };
    if !before.is_null() {
        let mut none = Vec::new();
        resource.before = Some(at.declared(&c.type_name, before, &Value::Null, &mut none, true)?);
    }
    if *action == Action::Forget {
        // Gone from Terraform's state, not from AWS: it runs on, and costs what it did.
        resource.after = resource.before.clone();
    } else if !after.is_null() {
        resource.after =
            Some(at.declared(&c.type_name, after, unknown, &mut resource.unknown, false)?);
    }
    Ok(resource)
}

/// The plan's resource changes, or why it has none.
fn changes_of<'a>(plan: &mut Plan<'a>, origin: &str) -> Result<Vec<Change<'a>>, InfraError> {
    if let Some(changes) = plan.resource_changes.take() {
        return Ok(changes);
    }
    let what = if plan.values.is_some() {
        "this is Terraform state (it has values but no resource_changes), not a plan"
    } else if plan.format_version.is_some() {
        // Terraform leaves resource_changes out of a plan with no resources at all.
        return Ok(Vec::new());
    } else {
        "not a Terraform plan (no resource_changes)"
    };
    Err(InfraError::file(
        origin,
        format!(
            "{what}; give the output of `terraform plan -out plan && terraform show -json plan`"
        ),
    ))
}

type Side<'c, 'a> = (
    &'c Change<'a>,
    Action,
    Value,
    Value,
    Value,
    Option<&'c Configured<'a>>,
    Option<String>,
);

/// Every known identifier (before or after) of a resource others refer to (a stream's or
/// consumer's ARN, a key's ARN and id, a function's ARN and name, an alias's name and ARN), to
/// the addresses and types that have it: a name may be used in several regions or modules.
fn ids(sides: &[Side<'_, '_>]) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for s in sides {
        let keys: &[&str] = match s.0.type_name.as_str() {
            "aws_kinesis_stream" | "aws_kinesis_stream_consumer" => &["arn"],
            "aws_kms_key" => &["arn", "key_id", "id"],
            "aws_lambda_function" => &["arn", "function_name"],
            "aws_kms_alias" => &["arn", "name"],
            _ => &[],
        };
        for id in [&s.2, &s.3].into_iter().flat_map(|v| {
            keys.iter()
                .filter_map(|k| v.get(*k).and_then(Value::as_str))
        }) {
            let entry = (s.0.address.clone(), s.0.type_name.clone());
            let all = out.entry(id.to_string()).or_default();
            if !all.contains(&entry) {
                all.push(entry);
            }
        }
    }
    out
}

/// The configuration's resources by address without indexes (`module.ingest.aws_kinesis_stream.x`).
fn collect<'a>(module: &Module<'a>, path: &str, out: &mut BTreeMap<String, Configured<'a>>) {
    for r in &module.resources {
        out.insert(
            format!("{path}{}", r.address),
            Configured {
                provider: r.provider_config_key.clone(),
                expressions: r.expressions,
            },
        );
    }
    for (name, call) in &module.module_calls {
        if let Some(m) = &call.module {
            collect(m, &format!("{path}module.{name}."), out);
        }
    }
}

/// Regions from the providers' configuration.
struct Regions<'a> {
    providers: &'a BTreeMap<String, ProviderConfig>,
    variables: &'a BTreeMap<String, Variable>,
}

impl Regions<'_> {
    /// The region of the provider `key` (`aws`, `aws.west`, `module.ingest:aws`): a constant, or
    /// a root variable's value; a key the configuration lacks falls back to its last part.
    fn of(&self, key: Option<&str>) -> Option<String> {
        let key = key.unwrap_or("aws");
        let provider = self
            .providers
            .get(key)
            .or_else(|| key.rsplit(':').next().and_then(|k| self.providers.get(k)))?;
        let region = provider.expressions.region.as_ref()?;
        if let Some(Value::String(s)) = &region.constant_value {
            return Some(s.clone());
        }
        region.references.iter().find_map(|r| {
            let name = r.strip_prefix("var.")?;
            match self.variables.get(name)?.value.as_ref()? {
                Value::String(s) => Some(s.clone()),
                _ => None,
            }
        })
    }
}

fn action(actions: &[String]) -> Option<Action> {
    let a: Vec<&str> = actions.iter().map(String::as_str).collect();
    match a.as_slice() {
        ["create"] => Some(Action::Create),
        ["update"] => Some(Action::Update),
        ["delete"] => Some(Action::Delete),
        ["delete", "create"] | ["create", "delete"] => Some(Action::Replace),
        ["no-op"] | ["read"] => Some(Action::NoOp),
        ["forget"] => Some(Action::Forget),
        _ => None,
    }
}

fn unknown_actions(c: &Change<'_>) -> String {
    format!(
        "the change's actions {:?} are not ones kcost knows (create, update, delete, \
         delete+create, no-op, forget)",
        c.change.actions
    )
}

/// The region in an ARN (`arn:aws:kinesis:us-west-2:123456789012:stream/s`).
fn arn_region(v: &Value) -> Option<String> {
    let arn = v.get("arn")?.as_str()?;
    let region = arn.split(':').nth(3)?;
    (!region.is_empty()).then(|| region.to_string())
}

/// The module instance an address is in, with its keys (`module.ingest[0].`; empty at the
/// root): the address up to its resource type.
fn module_instance(address: &str, type_name: &str) -> String {
    address
        .rfind(&format!("{type_name}."))
        .and_then(|at| address.get(..at))
        .unwrap_or("")
        .to_string()
}

/// An address without its instance keys: `module.m[0].aws_kinesis_stream.s["a"]` to
/// `module.m.aws_kinesis_stream.s`.
pub(crate) fn without_indexes(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0u32;
    let mut quoted = false;
    let mut escaped = false;
    for ch in address.chars() {
        if depth > 0 {
            match (quoted, escaped, ch) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (_, false, '"') => quoted = !quoted,
                (false, _, '[') => depth += 1,
                (false, _, ']') => depth -= 1,
                _ => {}
            }
        } else if ch == '[' {
            depth = 1;
        } else {
            out.push(ch);
        }
    }
    out
}

/// What the whole plan tells about the resources one refers to.
#[derive(Clone, Copy)]
struct Known<'x> {
    origin: &'x str,
    configured: &'x BTreeMap<String, Configured<'x>>,
    /// Known identifiers to the addresses and types that have them.
    ids: &'x BTreeMap<String, Vec<(String, String)>>,
    /// Every instance read (Kinesis resources and those they refer to): address and index.
    instances: &'x [(&'x str, Option<&'x Value>)],
    /// Each instance's sides, before and after.
    values: &'x BTreeMap<&'x str, [&'x Value; 2]>,
}

impl<'x> Known<'x> {
    /// The resource at `address` as it was (`before`) or will be.
    fn side(&self, address: &str, before: bool) -> Option<&'x Value> {
        let [old, new] = self.values.get(address)?;
        Some(if before { old } else { new })
    }

    /// What reading the resource at `address` of `type_name` needs.
    fn at(&self, address: &'x str, type_name: &str) -> Attributes<'x> {
        Attributes {
            origin: self.origin,
            address,
            module_instance: module_instance(address, type_name),
            index: self
                .instances
                .iter()
                .find(|(a, _)| *a == address)
                .and_then(|(_, i)| *i),
            conf: self.configured.get(&without_indexes(address)),
            known: *self,
        }
    }
}

/// What one resource's attributes need to be read.
struct Attributes<'x> {
    origin: &'x str,
    address: &'x str,
    /// The module instance it is in (`module.ingest[0].`), to find the stream of its own.
    module_instance: String,
    index: Option<&'x Value>,
    conf: Option<&'x Configured<'x>>,
    known: Known<'x>,
}

impl Attributes<'_> {
    fn fail(&self, message: impl Into<String>) -> InfraError {
        InfraError::resource(self.origin, self.address, message)
    }

    /// One side of the resource; `before` when it is the side before the change, whose ARNs
    /// are all known (the configuration's references are the new side's).
    fn declared(
        &self,
        type_name: &str,
        v: &Value,
        unknown: &Value,
        missing: &mut Vec<&'static str>,
        before: bool,
    ) -> Result<Declared, InfraError> {
        match type_name {
            "aws_kinesis_stream" => self.stream(v, unknown, missing, before),
            "aws_kinesis_stream_consumer" => Ok(Declared::Consumer {
                stream: self.refer(v.get("stream_arn"), &["stream_arn"], before, STREAM),
            }),
            "aws_kinesis_firehose_delivery_stream" => Ok(self.firehose(v, before)),
            "aws_kinesisanalyticsv2_application" => self.analytics(v),
            "aws_lambda_event_source_mapping" => self.mapping(v, before),
            "aws_kms_key" => Ok(Declared::KmsKey),
            "aws_nat_gateway" => Ok(Declared::NatGateway),
            "aws_vpc_endpoint" => {
                let subnets = v.get("subnet_ids").and_then(Value::as_array).map(Vec::len);
                if subnets.is_none() && unknown.get("subnet_ids") == Some(&Value::Bool(true)) {
                    missing.push("subnet_ids");
                }
                Ok(Declared::endpoint(subnets))
            }
            _ => Ok(Declared::Analytics {
                engine: Engine::Sql,
                size: None,
                autoscaling: true,
            }),
        }
    }

    fn stream(
        &self,
        v: &Value,
        unknown: &Value,
        missing: &mut Vec<&'static str>,
        before: bool,
    ) -> Result<Declared, InfraError> {
        let mode = match first(v, "stream_mode_details")
            .and_then(|d| d.get("stream_mode"))
            .and_then(Value::as_str)
        {
            None | Some("PROVISIONED") => Mode::Provisioned,
            Some("ON_DEMAND") => Mode::OnDemand,
            Some(other) => {
                return Err(self.fail(format!(
                    "stream_mode '{other}' is not PROVISIONED or ON_DEMAND"
                )))
            }
        };
        let shards = match (mode, v.get("shard_count")) {
            (Mode::Provisioned, Some(Value::Number(n))) => {
                let count = n.as_u64().filter(|c| (1..=10_000).contains(c));
                Some(count.ok_or_else(|| {
                    self.fail(format!(
                        "shard_count {n} is not a whole number from 1 to 10,000"
                    ))
                })?)
            }
            (Mode::Provisioned, _) => {
                if unknown.get("shard_count") == Some(&Value::Bool(true)) {
                    missing.push("shard_count");
                } else {
                    return Err(self.fail(
                        "a provisioned stream without shard_count; set it in the configuration",
                    ));
                }
                None
            }
            _ => None,
        };
        let retention = match v.get("retention_period") {
            Some(Value::Number(h)) => {
                let hours = h.as_f64().unwrap_or(-1.0);
                Retention::from_hours(hours)
                    .map_err(|e| self.fail(format!("retention_period: {e}")))?
            }
            _ => Retention::DEFAULT,
        };
        let metrics: Vec<&str> = v
            .get("shard_level_metrics")
            .and_then(Value::as_array)
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let text = |key: &str| v.get(key).and_then(Value::as_str);
        let key = self.key(v.get("kms_key_id"), before);
        // A key known only at apply time is no alias of the AWS managed key: a customer's.
        let key_id = text("kms_key_id").or_else(|| {
            (key.is_some() || unknown.get("kms_key_id") == Some(&Value::Bool(true)))
                .then_some("(known after apply)")
        });
        let around = crate::around::Around {
            shard_metrics: crate::around::shard_metrics_named(&metrics),
            ..crate::around::Around::encrypted(text("encryption_type"), key_id)
        };
        Ok(Declared::stream(mode, shards, retention, around, key))
    }

    /// The plan's KMS key a stream's `kms_key_id` names: by the key's ARN or id, or through an
    /// alias of the plan (its name, then its `target_key_id`).
    fn key(&self, id: Option<&Value>, before: bool) -> Option<String> {
        if let Some(key) = self.refer(id, &["kms_key_id"], before, "aws_kms_key") {
            return Some(key);
        }
        let alias = self.refer(id, &["kms_key_id"], before, "aws_kms_alias")?;
        let at = self.known.at(
            self.known.instances.iter().find(|(a, _)| *a == alias)?.0,
            "aws_kms_alias",
        );
        let side = self.known.side(alias.as_str(), before)?;
        at.refer(
            side.get("target_key_id"),
            &["target_key_id"],
            before,
            "aws_kms_key",
        )
    }

    /// An event source mapping reading a stream, directly or through a consumer, with its
    /// function when the plan declares it.
    fn mapping(&self, v: &Value, before: bool) -> Result<Declared, InfraError> {
        let source = v.get("event_source_arn");
        let path = ["event_source_arn"];
        let consumer = self.refer(source, &path, before, "aws_kinesis_stream_consumer");
        let whole = |key: &str| v.get(key).and_then(Value::as_u64);
        let batch_size = match whole("batch_size") {
            None => LambdaWorkload::DEFAULT_BATCH_SIZE,
            Some(n) => u32::try_from(n)
                .ok()
                .filter(|n| (1..=LambdaWorkload::MAX_BATCH_SIZE).contains(n))
                .ok_or_else(|| self.fail(format!("batch_size {n} is not from 1 to 10,000")))?,
        };
        let function = self
            .refer(
                v.get("function_name"),
                &["function_name"],
                before,
                "aws_lambda_function",
            )
            .and_then(|address| {
                let side = self.known.side(address.as_str(), before)?;
                Some(super::Function {
                    memory_mb: side
                        .get("memory_size")
                        .and_then(Value::as_u64)
                        .and_then(|m| u32::try_from(m).ok())
                        .unwrap_or(128),
                    architecture: match side.pointer("/architectures/0").and_then(Value::as_str) {
                        Some("arm64") => crate::consumers::Architecture::Arm64,
                        _ => crate::consumers::Architecture::X86_64,
                    },
                    address,
                })
            });
        Ok(Declared::Lambda {
            stream: self.refer(source, &path, before, STREAM),
            consumer,
            batch_size,
            batching_window_s: v
                .get("maximum_batching_window_in_seconds")
                .and_then(Value::as_f64)
                .unwrap_or(0.0),
            function,
        })
    }

    fn firehose(&self, v: &Value, before: bool) -> Declared {
        let source = first(v, "kinesis_source_configuration");
        let s3 = first(v, "extended_s3_configuration");
        let enabled = |block: &str| {
            s3.and_then(|s| first(s, block))
                .is_some_and(|b| b.get("enabled").and_then(Value::as_bool).unwrap_or(true))
        };
        // `buffering_size` and `buffering_interval`; `buffer_size` and `buffer_interval` before
        // version 5 of the AWS provider.
        let number = |key: &str, old: &str| {
            s3.and_then(|s| s.get(key).or_else(|| s.get(old)))
                .and_then(Value::as_f64)
        };
        let vpc_subnets = v
            .as_object()
            .into_iter()
            .flat_map(|o| o.values())
            .filter_map(|block| block.get(0).and_then(|b| first(b, "vpc_config")))
            .filter_map(|vpc| vpc.get("subnet_ids").and_then(Value::as_array))
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        Declared::Firehose {
            stream: source.and_then(|s| {
                self.refer(
                    s.get("kinesis_stream_arn"),
                    &["kinesis_source_configuration", "kinesis_stream_arn"],
                    before,
                    STREAM,
                )
            }),
            reads_stream: source.is_some(),
            format_conversion: enabled("data_format_conversion_configuration"),
            dynamic_partitioning: enabled("dynamic_partitioning_configuration"),
            buffer_interval_s: number("buffering_interval", "buffer_interval"),
            buffer_size_mb: number("buffering_size", "buffer_size"),
            vpc_subnets: u32::try_from(vpc_subnets).unwrap_or(u32::MAX),
        }
    }

    fn analytics(&self, v: &Value) -> Result<Declared, InfraError> {
        let runtime = v
            .get("runtime_environment")
            .and_then(Value::as_str)
            .unwrap_or("");
        let p = first(v, "application_configuration")
            .and_then(|a| first(a, "flink_application_configuration"))
            .and_then(|f| first(f, "parallelism_configuration"));
        let whole = |key: &str| {
            p.and_then(|p| p.get(key))
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0)
        };
        let parallelism = Parallelism {
            custom: p
                .and_then(|p| p.get("configuration_type"))
                .and_then(Value::as_str)
                == Some("CUSTOM"),
            parallelism: whole("parallelism"),
            per_kpu: whole("parallelism_per_kpu"),
            autoscaling: p
                .and_then(|p| p.get("auto_scaling_enabled"))
                .and_then(Value::as_bool),
        };
        application(runtime, parallelism).ok_or_else(|| {
            self.fail(format!(
                "runtime_environment '{runtime}' is not FLINK-*, SQL-1_0 or ZEPPELIN-FLINK-*"
            ))
        })
    }

    /// The resource of `type_name` a known identifier names: its one holder of the type, or
    /// among several (a name used in two modules), the one in this resource's module instance.
    fn by_id(&self, id: Option<&Value>, type_name: &str) -> Option<String> {
        let holders: Vec<&String> = id
            .and_then(Value::as_str)
            .and_then(|a| self.known.ids.get(a))
            .into_iter()
            .flatten()
            .filter(|(_, t)| t == type_name)
            .map(|(a, _)| a)
            .collect();
        match holders.as_slice() {
            [one] => Some((*one).clone()),
            many => many
                .iter()
                .find(|a| module_instance(a, type_name) == self.module_instance)
                .map(|a| (*a).clone()),
        }
    }

    /// The address of the resource of `type_name` an attribute names: by its known ARN (or
    /// id, or name), else (after the change) by the configuration's references (`path` leads to
    /// the attribute's expression), to a resource of the same module instance and, among
    /// several, of the same key.
    fn refer(
        &self,
        id: Option<&Value>,
        path: &[&str],
        before: bool,
        type_name: &str,
    ) -> Option<String> {
        if let Some(address) = self.by_id(id, type_name) {
            return Some(address);
        }
        if before {
            return None;
        }
        let references: Vec<String> = configured_references(self.conf, path)
            .into_iter()
            // A managed resource of this module (`data.aws_kinesis_stream.x` is another's).
            .filter(|r| {
                r.strip_prefix(type_name)
                    .is_some_and(|rest| rest.starts_with('.'))
            })
            .collect();
        let prefix = &self.module_instance;
        // A reference to one instance (`aws_kinesis_stream.s["eu"].arn`) names it.
        let exact = references.iter().find_map(|r| {
            let full = format!("{prefix}{r}");
            self.known
                .instances
                .iter()
                .find(|(a, i)| {
                    i.is_some()
                        && (full == *a
                            || full
                                .strip_prefix(a)
                                .is_some_and(|rest| rest.starts_with('.')))
                })
                .map(|(a, _)| a.to_string())
        });
        if exact.is_some() {
            return exact;
        }
        let target = references.iter().find_map(|r| {
            // `aws_kinesis_stream.NAME`, without keys or attribute.
            let base = without_indexes(r);
            let mut parts = base.splitn(3, '.');
            Some(format!("{}.{}", parts.next()?, parts.next()?))
        })?;
        let candidates: Vec<&(&str, Option<&Value>)> = self
            .known
            .instances
            .iter()
            .filter(|(a, _)| {
                a.strip_prefix(prefix.as_str()).is_some_and(|rest| {
                    !rest.starts_with("module.") && without_indexes(rest) == target
                })
            })
            .collect();
        match candidates.as_slice() {
            [one] => Some(one.0.to_string()),
            many => many
                .iter()
                .find(|(_, i)| i.is_some() && *i == self.index)
                .map(|(a, _)| a.to_string()),
        }
    }
}

/// The type of a Kinesis data stream.
const STREAM: &str = "aws_kinesis_stream";

/// The first element of a nested block (`"extended_s3_configuration": [{...}]`).
fn first<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    v.get(key)?.get(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_keys_are_taken_off_addresses() {
        assert_eq!(
            without_indexes(r#"module.m[0].aws_kinesis_stream.s["a]b"]"#),
            "module.m.aws_kinesis_stream.s"
        );
        assert_eq!(
            without_indexes("aws_kinesis_stream.s"),
            "aws_kinesis_stream.s"
        );
        assert_eq!(
            without_indexes(r#"aws_kinesis_stream.s["say \"hi\""]"#),
            "aws_kinesis_stream.s"
        );
    }
}
