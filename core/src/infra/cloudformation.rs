//! CloudFormation templates (JSON or YAML, as written or as `cdk synth` prints them): the Kinesis
//! resources of `Resources`, with `!Ref`, `!GetAtt` and `!Sub` (and their long forms
//! `Ref`, `Fn::GetAtt`, `Fn::Sub`) followed to the stream a consumer or Firehose reads and to the
//! parameters' defaults. A template has no region (`--region` gives it) and no change of its own:
//! alone, every resource is created; with the template it replaces, each is created, updated,
//! unchanged or deleted by its logical id.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

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
    "AWS::Kinesis::Stream",
    "AWS::Kinesis::StreamConsumer",
    "AWS::KinesisFirehose::DeliveryStream",
    "AWS::KinesisAnalyticsV2::Application",
    "AWS::KinesisAnalytics::Application",
    "AWS::Lambda::EventSourceMapping",
    "AWS::KMS::Key",
    "AWS::EC2::NatGateway",
    "AWS::EC2::VPCEndpoint",
];

/// A template's resources, by logical id, as JSON values with intrinsic functions in their long
/// form; and its parameters' defaults.
struct Template {
    resources: Map<String, Value>,
    parameters: BTreeMap<String, Value>,
}

/// Reads a template (JSON when it starts with `{`, else YAML); `origin` names it in errors.
/// With `before`, the template it replaces, each resource's change is told by its logical id.
///
/// # Errors
/// Text that is neither JSON nor YAML (with line and column), a document without `Resources`, a
/// Kinesis resource whose properties kcost cannot read (named by its logical id).
pub fn parse(
    text: &str,
    origin: &str,
    before: Option<(&str, &str)>,
) -> Result<Infrastructure, InfraError> {
    let after = template(text, origin)?;
    let before = match before {
        Some((text, origin)) => Some((template(text, origin)?, origin)),
        None => None,
    };
    let mut infra = Infrastructure {
        source: Source::CloudFormation,
        origin: origin.to_string(),
        region: None,
        resources: Vec::new(),
        unpriced: Vec::new(),
    };
    let mut ids: Vec<&String> = after.resources.keys().collect();
    if let Some((b, _)) = &before {
        ids.extend(
            b.resources
                .keys()
                .filter(|k| !after.resources.contains_key(*k)),
        );
    }
    for id in ids {
        let new = after.resources.get(id);
        let old = before.as_ref().and_then(|(b, _)| b.resources.get(id));
        let type_name = [new, old]
            .into_iter()
            .flatten()
            .find_map(|r| r.get("Type").and_then(Value::as_str))
            .unwrap_or("")
            .to_string();
        let action = match (old, new) {
            (None, _) => Action::Create,
            (Some(_), None) => Action::Delete,
            (Some(o), Some(n)) if o == n => Action::NoOp,
            (Some(o), Some(n)) if o.get("Type") != n.get("Type") => Action::Replace,
            (Some(_), Some(_)) => Action::Update,
        };
        let serves =
            |t: &Template, r: Option<&Value>| r.is_some_and(|r| around_kinesis(&type_name, r, t));
        let kinesis = serves(&after, new) || before.as_ref().is_some_and(|(b, _)| serves(b, old));
        if !TYPES.contains(&type_name.as_str()) || !kinesis {
            infra.unpriced.push(Unpriced {
                address: id.clone(),
                type_name,
                action,
            });
            continue;
        }
        let read = |r: Option<&Value>, t: &Template, file: &str| {
            r.map(|r| declared(id, &type_name, r, t, file)).transpose()
        };
        let before_declared = match &before {
            Some((b, file)) => read(old, b, file)?,
            None => None,
        };
        infra.resources.push(Resource {
            address: id.clone(),
            type_name: type_name.clone(),
            action,
            before: before_declared,
            after: read(new, &after, origin)?,
            region: None,
            unknown: Vec::new(),
        });
    }
    super::wire_around(&mut infra);
    Ok(infra)
}

/// Whether a resource of a type around streams serves Kinesis: a mapping whose event source is
/// a stream or a consumer of the template (or a Kinesis ARN), an endpoint to
/// `kinesis-streams`. A KMS key is kept until the streams are read; a NAT gateway always is.
fn around_kinesis(type_name: &str, r: &Value, t: &Template) -> bool {
    let p = r.get("Properties");
    match type_name {
        "AWS::Lambda::EventSourceMapping" => {
            let source = p.and_then(|p| p.get("EventSourceArn"));
            referred(source).iter().any(|id| {
                is_stream(t, id) || type_of(t, id) == Some("AWS::Kinesis::StreamConsumer")
            }) || resolved(source, t)
                .and_then(Value::as_str)
                .is_some_and(|a| a.contains(":kinesis:"))
        }
        "AWS::EC2::VPCEndpoint" => p
            .and_then(|p| p.get("ServiceName"))
            .is_some_and(|n| n.to_string().contains(".kinesis-streams")),
        _ => true,
    }
}

fn type_of<'t>(t: &'t Template, id: &str) -> Option<&'t str> {
    t.resources.get(id)?.get("Type")?.as_str()
}

/// The template's text as JSON values, with YAML's short-form tags in their long form.
fn template(text: &str, origin: &str) -> Result<Template, InfraError> {
    let text = text.trim_start_matches('\u{feff}');
    let document: Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| InfraError::json(origin, &e))?
    } else {
        let yaml: yaml_serde::Value = yaml_serde::from_str(text).map_err(|e| InfraError {
            at: e.location().map(|l| (l.line(), l.column())),
            ..InfraError::file(
                origin,
                format!("not a CloudFormation template in JSON or YAML: {e}"),
            )
        })?;
        long_form(yaml)
    };
    let Some(resources) = document.get("Resources").and_then(Value::as_object) else {
        return Err(InfraError::file(
            origin,
            "not a CloudFormation template (no Resources); give the template file, or the \
             output of `cdk synth`",
        ));
    };
    let parameters = document
        .get("Parameters")
        .and_then(Value::as_object)
        .map(|p| {
            p.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.get("Default")?.clone())))
                .collect()
        })
        .unwrap_or_default();
    Ok(Template {
        resources: resources.clone(),
        parameters,
    })
}

/// A YAML value as JSON: `!Ref X` as `{"Ref": "X"}`, `!GetAtt A.B` as
/// `{"Fn::GetAtt": ["A", "B"]}`, any other `!Name v` as `{"Fn::Name": v}`.
fn long_form(v: yaml_serde::Value) -> Value {
    use yaml_serde::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => n
            .as_u64()
            .map(Value::from)
            .or_else(|| n.as_i64().map(Value::from))
            .or_else(|| n.as_f64().map(Value::from))
            .unwrap_or(Value::Null),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(long_form).collect()),
        Y::Mapping(m) => Value::Object(
            m.into_iter()
                .filter_map(|(k, v)| match k {
                    Y::String(k) => Some((k, long_form(v))),
                    Y::Number(n) => Some((n.to_string(), long_form(v))),
                    Y::Bool(b) => Some((b.to_string(), long_form(v))),
                    _ => None,
                })
                .collect(),
        ),
        Y::Tagged(t) => {
            let name = t.tag.to_string();
            let name = name.trim_start_matches('!');
            let value = long_form(t.value);
            let (key, value) = match (name, value) {
                ("Ref", v) => ("Ref".to_string(), v),
                ("GetAtt", Value::String(s)) => (
                    "Fn::GetAtt".to_string(),
                    match s.split_once('.') {
                        Some((a, b)) => Value::from(vec![a.to_string(), b.to_string()]),
                        None => Value::from(vec![s]),
                    },
                ),
                (other, v) => (format!("Fn::{other}"), v),
            };
            let mut m = Map::new();
            m.insert(key, value);
            Value::Object(m)
        }
    }
}

/// A property that refers to a parameter with no `Default`: kcost cannot know its value.
fn unknown_parameter(v: Option<&Value>, t: &Template) -> Option<String> {
    let name = v?.get("Ref")?.as_str()?;
    let is_parameter = !t.resources.contains_key(name) && !name.starts_with("AWS::");
    (is_parameter && !t.parameters.contains_key(name)).then(|| name.to_string())
}

/// What a property says after following `Ref` to a parameter's default.
fn resolved<'v>(v: Option<&'v Value>, t: &'v Template) -> Option<&'v Value> {
    let v = v?;
    match v.get("Ref").and_then(Value::as_str) {
        Some(name) => t.parameters.get(name),
        None => Some(v),
    }
}

/// The logical ids a property refers to: `!Ref X`, `!GetAtt X.Arn`, or each `${X}` and
/// `${X.Arn}` of a `!Sub` (through its variable map; not `${!Literal}` or `${AWS::Region}`).
fn referred(v: Option<&Value>) -> Vec<String> {
    let Some(v) = v else {
        return Vec::new();
    };
    if let Some(r) = v.get("Ref").and_then(Value::as_str) {
        return vec![r.to_string()];
    }
    if let Some(a) = v.get("Fn::GetAtt") {
        let first = match a {
            Value::Array(parts) => parts.first().and_then(Value::as_str),
            Value::String(s) => s.split('.').next(),
            _ => None,
        };
        return first.map(str::to_string).into_iter().collect();
    }
    let (text, names) = match v.get("Fn::Sub") {
        Some(Value::String(s)) => (s.as_str(), None),
        Some(Value::Array(parts)) => match parts.first().and_then(Value::as_str) {
            Some(text) => (text, parts.get(1)),
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    text.split("${")
        .skip(1)
        .filter_map(|rest| rest.split('}').next())
        .filter(|inner| !inner.starts_with('!') && !inner.starts_with("AWS::"))
        .filter_map(|inner| inner.split('.').next())
        .flat_map(|name| match names.and_then(|n| n.get(name)) {
            Some(mapped) => referred(Some(mapped)),
            None => vec![name.to_string()],
        })
        .collect()
}

/// The stream a property refers to, among the ids it names.
fn stream_referred(v: Option<&Value>, t: &Template) -> Option<String> {
    referred(v).into_iter().find(|id| is_stream(t, id))
}

fn declared(
    id: &str,
    type_name: &str,
    resource: &Value,
    t: &Template,
    origin: &str,
) -> Result<Declared, InfraError> {
    let empty = Value::Object(Map::new());
    let p = resource.get("Properties").unwrap_or(&empty);
    let fail = |message: String| InfraError::resource(origin, id, message);
    for key in [
        "ShardCount",
        "RetentionPeriodHours",
        "StreamModeDetails/StreamMode",
        "RuntimeEnvironment",
    ] {
        if let Some(name) = unknown_parameter(p.pointer(&format!("/{key}")), t) {
            return Err(fail(format!(
                "{key} is the parameter {name}, which has no Default: kcost cannot know its value; \
                 give the parameter a Default"
            )));
        }
    }
    match type_name {
        "AWS::Kinesis::Stream" => stream(p, t).map_err(fail),
        "AWS::Lambda::EventSourceMapping" => mapping(p, t).map_err(fail),
        "AWS::KMS::Key" => Ok(Declared::KmsKey),
        "AWS::EC2::NatGateway" => Ok(Declared::NatGateway),
        "AWS::EC2::VPCEndpoint" => Ok(Declared::endpoint(
            p.get("SubnetIds").and_then(Value::as_array).map(Vec::len),
        )),
        "AWS::Kinesis::StreamConsumer" => Ok(Declared::Consumer {
            stream: stream_referred(p.get("StreamARN"), t),
        }),
        "AWS::KinesisFirehose::DeliveryStream" => Ok(firehose(p, t)),
        "AWS::KinesisAnalyticsV2::Application" => analytics(p, t).map_err(fail),
        _ => Ok(Declared::Analytics {
            engine: Engine::Sql,
            size: None,
            autoscaling: true,
        }),
    }
}

/// A stream's properties: its mode, shards, retention, and what is around it.
fn stream(p: &Value, t: &Template) -> Result<Declared, String> {
    let number = |v: Option<&Value>| resolved(v, t).and_then(as_number);
    let mode = match resolved(p.pointer("/StreamModeDetails/StreamMode"), t).and_then(Value::as_str)
    {
        None | Some("PROVISIONED") => Mode::Provisioned,
        Some("ON_DEMAND") => Mode::OnDemand,
        Some(other) => {
            return Err(format!(
                "StreamMode '{other}' is not PROVISIONED or ON_DEMAND"
            ))
        }
    };
    let shards = match (mode, p.get("ShardCount")) {
        (Mode::Provisioned, None) => {
            return Err(
                "a provisioned stream without ShardCount; set it, or StreamModeDetails \
                 with StreamMode ON_DEMAND"
                    .to_string(),
            )
        }
        (Mode::Provisioned, v) => Some(
            number(v)
                .filter(|n| n.fract() == 0.0 && (1.0..=10_000.0).contains(n))
                .map(|n| n as u64)
                .ok_or_else(|| "ShardCount is not a whole number from 1 to 10,000".to_string())?,
        ),
        _ => None,
    };
    let retention = match number(p.get("RetentionPeriodHours")) {
        Some(h) => Retention::from_hours(h).map_err(|e| format!("RetentionPeriodHours: {e}"))?,
        None => Retention::DEFAULT,
    };
    let key = stream_key(p.pointer("/StreamEncryption/KeyId"), t);
    let around = around(p, t, key.is_some());
    Ok(Declared::stream(mode, shards, retention, around, key))
}

/// The template's KMS key a stream's `KeyId` refers to, itself or through an alias of the
/// template (by `!Ref`, or by the alias's name written out: its `TargetKeyId`).
fn stream_key(key_id: Option<&Value>, t: &Template) -> Option<String> {
    let target = |alias: &Value| {
        referred(alias.pointer("/Properties/TargetKeyId"))
            .into_iter()
            .find(|k| type_of(t, k) == Some("AWS::KMS::Key"))
    };
    if let Some(name) = resolved(key_id, t).and_then(Value::as_str) {
        let name = name.rsplit(':').next().unwrap_or(name);
        return t
            .resources
            .values()
            .filter(|r| r.get("Type").and_then(Value::as_str) == Some("AWS::KMS::Alias"))
            .find(|r| {
                resolved(r.pointer("/Properties/AliasName"), t).and_then(Value::as_str)
                    == Some(name)
            })
            .and_then(target);
    }
    referred(key_id)
        .into_iter()
        .find_map(|id| match type_of(t, &id) {
            Some("AWS::KMS::Key") => Some(id),
            Some("AWS::KMS::Alias") => target(t.resources.get(&id)?),
            _ => None,
        })
}

/// An event source mapping reading a stream, directly or through a consumer of the template,
/// with its function when the template declares it.
fn mapping(p: &Value, t: &Template) -> Result<Declared, String> {
    let source = p.get("EventSourceArn");
    let consumer = referred(source)
        .into_iter()
        .find(|id| type_of(t, id) == Some("AWS::Kinesis::StreamConsumer"));
    let stream = stream_referred(source, t).or_else(|| {
        let c = t.resources.get(consumer.as_deref()?)?;
        stream_referred(c.pointer("/Properties/StreamARN"), t)
    });
    let number = |key: &str| resolved(p.get(key), t).and_then(as_number);
    let batch_size = match number("BatchSize") {
        None => LambdaWorkload::DEFAULT_BATCH_SIZE,
        Some(n)
            if n.fract() == 0.0
                && (1.0..=f64::from(LambdaWorkload::MAX_BATCH_SIZE)).contains(&n) =>
        {
            n as u32
        }
        Some(n) => {
            return Err(format!(
                "BatchSize {n} is not a whole number from 1 to 10,000"
            ))
        }
    };
    let function = referred(p.get("FunctionName"))
        .into_iter()
        .find(|id| type_of(t, id) == Some("AWS::Lambda::Function"))
        .and_then(|id| {
            let f = t.resources.get(&id)?.get("Properties");
            let memory = f
                .and_then(|f| resolved(f.get("MemorySize"), t))
                .and_then(as_number);
            let arm = f
                .and_then(|f| f.pointer("/Architectures/0"))
                .and_then(|a| resolved(Some(a), t))
                .and_then(Value::as_str)
                == Some("arm64");
            Some(super::Function {
                address: id,
                memory_mb: memory
                    .filter(|m| m.fract() == 0.0 && *m >= 1.0 && *m <= f64::from(u32::MAX))
                    .map_or(128, |m| m as u32),
                architecture: if arm {
                    crate::consumers::Architecture::Arm64
                } else {
                    crate::consumers::Architecture::X86_64
                },
            })
        });
    Ok(Declared::Lambda {
        stream,
        consumer,
        batch_size,
        batching_window_s: number("MaximumBatchingWindowInSeconds").unwrap_or(0.0),
        function,
    })
}

/// What a stream's properties price around it: `StreamEncryption` and
/// `DesiredShardLevelMetrics`; `template_key` when its `KeyId` is the template's own key.
fn around(p: &Value, t: &Template, template_key: bool) -> crate::around::Around {
    let encryption = p.get("StreamEncryption");
    let text = |key: &str| resolved(encryption.and_then(|e| e.get(key)), t).and_then(Value::as_str);
    // A `KeyId` that is no plain text once parameters are followed (`!GetAtt`, `!Sub`, a
    // resource's `!Ref`) names a key of the template's or the account's: a customer managed
    // key, unless it reads `alias/aws/kinesis`.
    let computed = encryption
        .and_then(|e| e.get("KeyId"))
        .is_some_and(|k| !k.to_string().contains("alias/aws/kinesis"));
    let key_id = text("KeyId").or_else(|| (template_key || computed).then_some("(a reference)"));
    let metrics: Vec<&str> = p
        .get("DesiredShardLevelMetrics")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    crate::around::Around {
        shard_metrics: crate::around::shard_metrics_named(&metrics),
        ..crate::around::Around::encrypted(text("EncryptionType"), key_id)
    }
}

fn is_stream(t: &Template, id: &str) -> bool {
    t.resources
        .get(id)
        .and_then(|r| r.get("Type"))
        .and_then(Value::as_str)
        == Some("AWS::Kinesis::Stream")
}

fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        // CloudFormation passes parameters as strings.
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn firehose(p: &Value, t: &Template) -> Declared {
    let source = p.get("KinesisStreamSourceConfiguration");
    let s3 = p.get("ExtendedS3DestinationConfiguration");
    // A block's `Enabled`, or what the block means without it: format conversion is on once
    // configured (the Firehose API's default), dynamic partitioning is not.
    let enabled = |block: &str, default: bool| {
        s3.and_then(|s| s.get(block)).is_some_and(|b| {
            resolved(b.get("Enabled"), t).map_or(default, |e| {
                e.as_bool().unwrap_or(e.as_str() == Some("true"))
            })
        })
    };
    let hint = |key: &str| {
        resolved(
            s3.and_then(|s| s.pointer(&format!("/BufferingHints/{key}"))),
            t,
        )
        .and_then(as_number)
    };
    let vpc_subnets = p
        .as_object()
        .into_iter()
        .flat_map(|o| o.values())
        .filter_map(|d| d.pointer("/VpcConfiguration/SubnetIds"))
        .filter_map(Value::as_array)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let reads_stream = source.is_some()
        || p.get("DeliveryStreamType").and_then(Value::as_str) == Some("KinesisStreamAsSource");
    Declared::Firehose {
        stream: stream_referred(source.and_then(|s| s.get("KinesisStreamARN")), t),
        reads_stream,
        format_conversion: enabled("DataFormatConversionConfiguration", true),
        dynamic_partitioning: enabled("DynamicPartitioningConfiguration", false),
        buffer_interval_s: hint("IntervalInSeconds"),
        buffer_size_mb: hint("SizeInMBs"),
        vpc_subnets: u32::try_from(vpc_subnets).unwrap_or(u32::MAX),
    }
}

fn analytics(p: &Value, t: &Template) -> Result<Declared, String> {
    let runtime = resolved(p.get("RuntimeEnvironment"), t)
        .and_then(Value::as_str)
        .unwrap_or("");
    let c = p.pointer(
        "/ApplicationConfiguration/FlinkApplicationConfiguration/ParallelismConfiguration",
    );
    let whole = |key: &str| {
        c.and_then(|c| resolved(c.get(key), t))
            .and_then(as_number)
            .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX))
            .map(|n| n as u32)
    };
    let parallelism = Parallelism {
        custom: c
            .and_then(|c| resolved(c.get("ConfigurationType"), t))
            .and_then(Value::as_str)
            == Some("CUSTOM"),
        parallelism: whole("Parallelism"),
        per_kpu: whole("ParallelismPerKPU"),
        autoscaling: c
            .and_then(|c| resolved(c.get("AutoScalingEnabled"), t))
            .and_then(Value::as_bool),
    };
    application(runtime, parallelism).ok_or_else(|| {
        format!("RuntimeEnvironment '{runtime}' is not FLINK-*, SQL-1_0 or ZEPPELIN-FLINK-*")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_become_long_forms() {
        let y: yaml_serde::Value =
            yaml_serde::from_str("a: !GetAtt Clicks.Arn\nb: !Ref Shards\nc: !Sub '${Clicks.Arn}'")
                .unwrap();
        let v = long_form(y);
        assert_eq!(v["a"]["Fn::GetAtt"], serde_json::json!(["Clicks", "Arn"]));
        assert_eq!(v["b"]["Ref"], "Shards");
        assert_eq!(referred(v.get("c")), ["Clicks"]);
        assert_eq!(referred(v.get("a")), ["Clicks"]);
        let sub: Value = serde_json::json!({"Fn::Sub": ["arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Name}-${S}", {"S": {"Ref": "Clicks"}}]});
        assert_eq!(referred(Some(&sub)), ["Name", "Clicks"]);
    }
}
