//! Pricing a change: each side (before, after) as a scenario of its resources, named by address,
//! with the usage file's traffic, priced through the scenario's own wiring and estimates; then
//! each resource's two months and their difference.

use std::collections::BTreeMap;

use serde::Serialize;

use super::usage::located;
use super::{Action, Declared, InfraError, Infrastructure, Resource, Source, Unpriced, Usage};
use crate::analytics::AnalyticsWorkload;
use crate::calc::money::Money;
use crate::calc::Options;
use crate::estimate::{Line, Mode};
use crate::firehose::{FirehoseWorkload, Source as FirehoseSource};
use crate::notes::Warning;
use crate::price::PriceBook;
use crate::read::rate::Rate;
use crate::scenario::{
    self, AnalyticsSpec, ComponentEstimate, ConsumerSpec, FirehoseSpec, Locator, Scenario,
    StreamRef, StreamSpec,
};
use crate::streams::workload::{RecordSize, StreamWorkload};

/// One resource's cost before and after the change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceCost {
    /// Its address (or logical id).
    pub address: String,
    /// Its type.
    #[serde(rename = "type")]
    pub type_name: String,
    /// What the change does to it.
    pub action: Action,
    /// The region it is priced in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Its month before the change; `None` when it did not exist or could not be priced.
    pub before_monthly_usd: Option<Money>,
    /// Its month after the change; `None` when it will not exist or could not be priced.
    pub monthly_usd: Option<Money>,
    /// After less before (what is not priced counts as nothing).
    pub delta_usd: Money,
    /// Its cost lines after the change (before it, when deleted).
    pub lines: Vec<Line>,
    /// The usage keys it needs for the lines that depend on traffic.
    pub needs_usage: Vec<&'static str>,
    /// What else to know about it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Its estimate's warnings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// Its whole estimate after the change (before it, when deleted), for its steps.
    #[serde(skip)]
    pub estimate: Option<ComponentEstimate>,
}

/// Something to know about a resource's price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "note")]
pub enum Note {
    /// An enhanced fan-out consumer: its consumer-shard-hours and data are on its stream's lines.
    BilledOnStream {
        /// The stream's address.
        stream: String,
    },
    /// A consumer or Firehose of a stream the plan does not declare.
    OtherStream,
    /// Attributes known only when the change is applied.
    Unknown {
        /// The attributes.
        attributes: Vec<&'static str>,
    },
    /// A Flink application with automatic scaling: AWS may add KPUs under load.
    Autoscaling,
    /// A stream's enhanced fan-out consumers of this plan, priced on its lines.
    Consumers {
        /// Their addresses.
        consumers: Vec<String>,
    },
    /// A customer managed key of the plan that encrypts streams: its month here, their KMS
    /// requests on their lines.
    KeyOf {
        /// The streams it encrypts.
        streams: Vec<String>,
    },
    /// A NAT gateway: its hours here, the data it processes on the streams whose usage sends
    /// traffic through it.
    NatData,
    /// An interface endpoint: its hours here, the data on the streams whose usage sends traffic
    /// through it.
    EndpointData {
        /// Whether its Availability Zones are the default of 2 (its subnets unknown).
        default_azs: bool,
    },
    /// A mapping whose function the plan does not declare.
    FunctionElsewhere,
    /// A mapping of a stream the plan does not declare.
    MappingOtherStream,
    /// A NAT gateway that no stream of the plan in its region sends traffic through.
    NoStreamThrough,
    /// A mapping whose stream needs usage for the traffic that drives its invocations.
    StreamNeedsUsage {
        /// The stream's address.
        stream: String,
    },
    /// Not priced: why, in the estimate's words.
    NoPrice {
        /// What the estimate said.
        reason: String,
    },
}

impl Note {
    /// The note in words.
    pub fn text(&self) -> String {
        match self {
            Note::BilledOnStream { stream } => format!(
                "its consumer-shard-hours and enhanced fan-out data are billed on {stream}'s lines"
            ),
            Note::OtherStream => "it reads a stream this plan does not declare: that stream's \
                                  enhanced fan-out lines are not priced here"
                .to_string(),
            Note::Unknown { attributes } => format!(
                "{} known only when the change is applied",
                attributes.join(", ")
            ),
            Note::Autoscaling => "automatic scaling is on: AWS adds KPUs under load, so the \
                                  month may cost more than its parallelism's KPUs"
                .to_string(),
            Note::Consumers { consumers } => format!(
                "includes the enhanced fan-out consumers {}",
                consumers.join(", ")
            ),
            Note::KeyOf { streams } => format!(
                "the customer managed key of {}: its month is priced here, the KMS requests on \
                 the stream's lines",
                streams.join(", ")
            ),
            Note::NatData => "its hours are priced here; the data it processes for a stream is \
                              priced on that stream when its usage says producer_network or \
                              consumer_network = \"nat\""
                .to_string(),
            Note::EndpointData { default_azs } => format!(
                "its hours are priced here{}; the data it processes for a stream is priced on \
                 that stream when its usage says producer_network or consumer_network = \
                 \"endpoint\"",
                if *default_azs {
                    " in 2 Availability Zones (its subnets are not known)"
                } else {
                    ""
                }
            ),
            Note::FunctionElsewhere => "its function is not in this plan: the usage file gives \
                                        its memory_mb (and architecture)"
                .to_string(),
            Note::NoPrice { reason } => format!("not priced: {reason}"),
            Note::MappingOtherStream => "not priced: it reads a stream this plan does not \
                                         declare, whose traffic kcost does not have here"
                .to_string(),
            Note::NoStreamThrough => "not priced: no stream of this plan in its region sends \
                                      traffic through a NAT gateway (a stream's usage: \
                                      producer_network or consumer_network = \"nat\"), so it is \
                                      not counted as serving Kinesis"
                .to_string(),
            Note::StreamNeedsUsage { stream } => format!(
                "its invocations follow {stream}'s traffic: give that stream's records and \
                 size_kb in the usage file"
            ),
        }
    }
}

/// A change priced: every Kinesis resource, the totals, and what was not priced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InfraEstimate {
    /// Where the resources come from.
    pub source: Source,
    /// The region of resources whose provider names none (or the one asked for).
    pub region: Option<String>,
    /// Every Kinesis resource: a plan's in its order, a template's by logical id.
    pub resources: Vec<ResourceCost>,
    /// The month before the change.
    pub before_monthly_usd: Money,
    /// The month after it.
    pub monthly_usd: Money,
    /// After less before.
    pub delta_usd: Money,
    /// Resources kcost does not price.
    pub unpriced: Vec<Unpriced>,
    /// Warnings about the prices (old ones, once).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// Which side of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

impl Resource {
    /// The region it is priced in: the one asked for, else its own (its provider's).
    fn own_region(&self, asked: Option<&str>) -> Option<String> {
        asked.map(str::to_string).or_else(|| self.region.clone())
    }

    /// The region it is priced in, down to the plan's default when it names none.
    fn priced_in(&self, asked: Option<&str>, infra: &Infrastructure) -> Option<String> {
        self.own_region(asked).or_else(|| infra.region.clone())
    }

    fn on(&self, side: Side) -> Option<&Declared> {
        match side {
            Side::Before => self.before.as_ref(),
            Side::After => self.after.as_ref(),
        }
    }
}

/// A resource on one side, as the scenario will price it.
#[derive(Debug, Default)]
struct Pending {
    /// Priced as a scenario component.
    priced: bool,
    needs_usage: Vec<&'static str>,
    notes: Vec<Note>,
}

/// Prices `infra` before and after its change, with `usage`'s traffic; `region` overrides every
/// resource's.
///
/// # Errors
/// A usage entry for an address the plan lacks, usage the plan contradicts or a resource's
/// estimate refuses (an unknown region, a missing price, a limit), naming the resource.
pub fn price(
    infra: &Infrastructure,
    usage: &Usage,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<InfraEstimate, InfraError> {
    check_addresses(infra, usage)?;
    let each = Options {
        price_age: None,
        ..options
    };
    let before = side(infra, usage, region, Side::Before, book, each)?;
    let after = side(infra, usage, region, Side::After, book, each)?;
    let mut resources = Vec::with_capacity(infra.resources.len());
    for r in &infra.resources {
        resources.push(cost_of(
            r,
            region.or(infra.region.as_deref()),
            &before,
            &after,
        ));
    }
    let sum = |f: fn(&ResourceCost) -> Option<Money>| resources.iter().filter_map(f).sum::<Money>();
    let before_monthly_usd = sum(|r| r.before_monthly_usd);
    let monthly_usd = sum(|r| r.monthly_usd);
    let warnings = crate::bill::old_prices(
        resources
            .iter()
            .filter_map(|r| r.estimate.as_ref())
            .map(ComponentEstimate::priced),
        options.price_age,
    )
    .into_iter()
    .collect();
    Ok(InfraEstimate {
        source: infra.source,
        region: region.map(str::to_string).or_else(|| infra.region.clone()),
        resources,
        before_monthly_usd,
        monthly_usd,
        delta_usd: Money::from_cents(monthly_usd.cents() - before_monthly_usd.cents()),
        unpriced: infra.unpriced.clone(),
        warnings,
    })
}

/// Every usage entry must name a Kinesis resource of the plan.
fn check_addresses(infra: &Infrastructure, usage: &Usage) -> Result<(), InfraError> {
    for address in usage.addresses() {
        if let Some(message) = no_usage_of_its_own(infra, address) {
            return Err(InfraError::resource(usage.origin(), address, message));
        }
        if infra.resources.iter().any(|r| &r.address == address) {
            continue;
        }
        let near = infra
            .resources
            .iter()
            .map(|r| (strsim::jaro_winkler(&r.address, address), &r.address))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map_or(String::new(), |(_, a)| format!("; did you mean '{a}'?"));
        let known: Vec<&str> = infra.resources.iter().map(|r| r.address.as_str()).collect();
        return Err(InfraError::resource(
            usage.origin(),
            address,
            format!(
                "{} declares no such Kinesis resource{near} (it declares: {})",
                infra.origin,
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ),
        ));
    }
    Ok(())
}

/// Why a resource the plan declares takes no usage, if it takes none: a consumer, a key, a NAT
/// gateway or endpoint, or a resource kcost does not price on its own.
fn no_usage_of_its_own(infra: &Infrastructure, address: &str) -> Option<String> {
    if let Some(r) = infra.resources.iter().find(|r| r.address == address) {
        let message = match r.latest() {
            Some(Declared::Consumer { .. }) => {
                "a consumer has no usage of its own: it reads its stream's traffic; give the \
                 stream's usage instead"
            }
            Some(Declared::KmsKey) => {
                "a KMS key has no usage of its own: the plan fixes its month, and its requests are \
                 priced on the stream it encrypts"
            }
            Some(Declared::NatGateway | Declared::Endpoint { .. }) => {
                "it has no usage of its own: the plan fixes its price, and the traffic it carries \
                 is priced on the stream whose usage says producer_network or consumer_network; \
                 give that stream's usage instead"
            }
            _ => return None,
        };
        return Some(message.to_string());
    }
    let u = infra.unpriced.iter().find(|u| u.address == address)?;
    let hint = if u.type_name.contains("lambda_function") || u.type_name.ends_with("::Function") {
        "; a function's usage (duration_ms) goes under the event source mapping that reads a \
         stream"
    } else {
        ""
    };
    Some(format!(
        "{} declares it ({}), but kcost does not price it on its own, so it takes no usage{hint}",
        infra.origin, u.type_name
    ))
}

/// One side priced: each component's estimate by address, and what each resource needs.
struct Priced {
    estimates: BTreeMap<String, ComponentEstimate>,
    pending: BTreeMap<String, Pending>,
}

fn side(
    infra: &Infrastructure,
    usage: &Usage,
    region: Option<&str>,
    side: Side,
    book: &PriceBook,
    options: Options,
) -> Result<Priced, InfraError> {
    let mut scenario = Scenario {
        region: region.map(str::to_string).or_else(|| infra.region.clone()),
        ..Scenario::default()
    };
    let mut pending = BTreeMap::new();
    let own = |r: &Resource| r.own_region(region);
    let around = around_side(infra, usage, (region, side), book)?;
    for r in &infra.resources {
        if let Some(Declared::Stream { .. }) = r.on(side) {
            if let Some((spec, p)) = stream_spec(infra, usage, r, side, &around, region)? {
                scenario.streams.insert(
                    r.address.clone(),
                    StreamSpec {
                        region: own(r),
                        ..spec
                    },
                );
                pending.insert(r.address.clone(), p);
            } else {
                pending.insert(
                    r.address.clone(),
                    not_priced(&["shards", "records", "size_kb"]),
                );
            }
        }
    }
    readers(
        infra,
        usage,
        (region, side),
        &around,
        &mut scenario,
        &mut pending,
    )?;
    let mut fixed = BTreeMap::new();
    for r in &infra.resources {
        let at = r.priced_in(region, infra);
        if matches!(r.on(side), Some(Declared::NatGateway)) && !through_nat(&scenario, &at) {
            let p = Pending {
                priced: false,
                needs_usage: Vec::new(),
                notes: vec![Note::NoStreamThrough],
            };
            pending.insert(r.address.clone(), p);
            continue;
        }
        if let Some((e, p)) = fixed_resource(infra, r, side, at.as_deref(), book, options) {
            if let Some(e) = e {
                fixed.insert(r.address.clone(), e);
            }
            pending.insert(r.address.clone(), p);
        }
    }
    let at = Locator::new("", &infra.origin);
    let wiring = scenario::wire(&scenario, at).map_err(|e| component_error(&e))?;
    let pipeline =
        scenario::price(&scenario, &wiring, book, options, at).map_err(|e| component_error(&e))?;
    let mut estimates: BTreeMap<String, ComponentEstimate> = pipeline
        .components
        .into_iter()
        .map(|c| (c.name, c.estimate))
        .collect();
    estimates.extend(fixed);
    Ok(Priced { estimates, pending })
}

/// What a side of the plan declares around its streams.
#[derive(Default)]
struct AroundSide {
    /// The regions of its NAT gateways.
    nat: Vec<Option<String>>,
    /// The regions of its interface endpoints to Kinesis Data Streams.
    endpoint: Vec<Option<String>>,
    /// The mappings the usage file lets kcost price, by address: the function's workload.
    lambdas: BTreeMap<String, crate::consumers::LambdaWorkload>,
    /// The plan's consumers that priced mappings read through.
    through: Vec<String>,
    /// Mappings not priced (no usage, or no price in their region) that read a stream of the
    /// plan directly: shared consumers to add to each.
    readers: BTreeMap<String, u32>,
    /// Mappings whose region lacks a Lambda price: what the estimate says.
    no_price: BTreeMap<String, String>,
}

impl AroundSide {
    /// What the plan prices apart for a stream in `region` (`key` when it is encrypted with the
    /// plan's own key), and the usage keys that would restate it.
    fn apart(
        &self,
        region: &Option<String>,
        key: bool,
    ) -> (crate::around::Apart, Vec<&'static str>) {
        let apart = crate::around::Apart {
            nat_hours: self.nat.contains(region),
            endpoint_hours: self.endpoint.contains(region),
            key_month: key,
        };
        let keys = [
            (apart.nat_hours, "nat_gateways"),
            (apart.endpoint_hours, "endpoint_azs"),
        ]
        .into_iter()
        .filter_map(|(on, k)| on.then_some(k))
        .collect();
        (apart, keys)
    }
}

/// What `side` declares around its streams, with the usage file's word on each mapping.
fn around_side(
    infra: &Infrastructure,
    usage: &Usage,
    (region, side): (Option<&str>, Side),
    book: &PriceBook,
) -> Result<AroundSide, InfraError> {
    let mut out = AroundSide::default();
    let streams: Vec<&str> = infra
        .resources
        .iter()
        .filter(|r| matches!(r.on(side), Some(Declared::Stream { .. })))
        .map(|r| r.address.as_str())
        .collect();
    for r in &infra.resources {
        let at = r.priced_in(region, infra);
        // A NAT gateway's or endpoint's hours are its own on both sides of the change: the
        // usage file, one for both, must not price them on the stream on the side without it.
        for d in r.sides() {
            match d {
                Declared::NatGateway => out.nat.push(at.clone()),
                Declared::Endpoint { .. } => out.endpoint.push(at.clone()),
                _ => {}
            }
        }
        if let Some(d @ Declared::Lambda { .. }) = r.on(side) {
            out.mapping(r, d, &streams, (usage, book), at.as_deref())?;
        }
    }
    Ok(out)
}

impl AroundSide {
    /// A mapping on this side: priced when the usage file gives its function's duration and the
    /// region its prices; else one more reader of its stream, with why it is not priced.
    fn mapping(
        &mut self,
        r: &Resource,
        d: &Declared,
        streams: &[&str],
        (usage, book): (&Usage, &PriceBook),
        region: Option<&str>,
    ) -> Result<(), InfraError> {
        let Declared::Lambda {
            stream,
            consumer,
            batch_size,
            batching_window_s,
            function,
        } = d
        else {
            return Ok(());
        };
        let base = crate::consumers::LambdaWorkload {
            batch_size: *batch_size,
            batching_window_s: *batching_window_s,
            architecture: function
                .as_ref()
                .map_or(crate::consumers::Architecture::X86_64, |f| f.architecture),
            ..crate::consumers::LambdaWorkload::new(
                function.as_ref().map_or(128, |f| f.memory_mb),
                0.0,
            )
        };
        // Read even when its stream is not the plan's, so that a mistake there is not
        // silently ignored.
        let given = usage.lambda(
            &r.address,
            base,
            (function.is_some(), function_everywhere(r)),
        )?;
        let Some(stream) = stream.as_ref().filter(|s| streams.contains(&s.as_str())) else {
            return Ok(());
        };
        let priceable = given.map(|w| {
            crate::consumers::priceable(&crate::consumers::App::Lambda(w), region, book).map(|()| w)
        });
        match priceable {
            Some(Ok(w)) => {
                self.lambdas.insert(r.address.clone(), w);
                self.through.extend(consumer.iter().cloned());
            }
            other => {
                if let Some(Err(e)) = other {
                    self.no_price
                        .insert(r.address.clone(), e.text(&crate::face::Plain));
                }
                if consumer.is_none() {
                    let n = self.readers.entry(stream.clone()).or_insert(0);
                    *n = n.saturating_add(1);
                }
            }
        }
        Ok(())
    }
}

/// Whether every side of a mapping that exists declares its function (which then fixes its
/// memory and architecture).
fn function_everywhere(r: &Resource) -> bool {
    r.sides().all(|d| {
        matches!(
            d,
            Declared::Lambda {
                function: Some(_),
                ..
            }
        )
    })
}

/// Whether a stream of `scenario` in `region` sends producers' or consumers' traffic through a
/// NAT gateway.
fn through_nat(scenario: &Scenario, region: &Option<String>) -> bool {
    scenario.streams.values().any(|s| {
        s.workload.around.uses(crate::around::Network::Nat)
            && s.region.as_ref().or(scenario.region.as_ref()) == region.as_ref()
    })
}

/// A mapping as the scenario prices it: its function reading its stream, when the usage file
/// gives the function's duration; else what it needs.
fn lambda_spec(
    r: &Resource,
    declared: &Declared,
    plan: &AroundSide,
    scenario: &Scenario,
    pending: &BTreeMap<String, Pending>,
) -> (Option<ConsumerSpec>, Pending) {
    let Declared::Lambda {
        stream,
        consumer,
        function,
        ..
    } = declared
    else {
        return (None, Pending::default());
    };
    let mut p = Pending::default();
    if function.is_none() {
        p.notes.push(Note::FunctionElsewhere);
    }
    let Some(stream) = stream.as_deref() else {
        p.notes.push(Note::MappingOtherStream);
        return (None, p);
    };
    if let Some(reason) = plan.no_price.get(&r.address) {
        p.notes.push(Note::NoPrice {
            reason: reason.clone(),
        });
        return (None, p);
    }
    // Its invocations follow the stream's traffic, which may need usage of its own: until then
    // it is not priced (it still reads the stream).
    let traffic = pending.get(stream).is_none_or(|s| s.needs_usage.is_empty());
    if !traffic {
        p.notes.push(Note::StreamNeedsUsage {
            stream: stream.to_string(),
        });
    }
    match plan.lambdas.get(&r.address) {
        Some(w) if scenario.streams.contains_key(stream) => {
            p.priced = traffic;
            let spec = ConsumerSpec {
                app: crate::consumers::App::Lambda(*w),
                reads: StreamRef::to(stream),
                efo: consumer.is_some(),
                region: None,
                at: 0..0,
            };
            (Some(spec), p)
        }
        given => {
            if given.is_none() {
                p.needs_usage.push("duration_ms");
                if function.is_none() {
                    p.needs_usage.push("memory_mb");
                }
            }
            (None, p)
        }
    }
}

/// A KMS key, NAT gateway or interface endpoint on `side`, priced on its own in `region`, with
/// what to know about it; `None` for any other resource. A region without its price leaves it
/// not priced, said why, rather than refusing the whole plan.
fn fixed_resource(
    infra: &Infrastructure,
    r: &Resource,
    side: Side,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Option<(Option<ComponentEstimate>, Pending)> {
    use crate::around::{Resource as Fixed, DEFAULT_ENDPOINT_AZS};
    let (fixed, note) = match r.on(side)? {
        Declared::KmsKey => {
            let streams = infra
                .resources
                .iter()
                .filter(|s| {
                    matches!(s.on(side), Some(Declared::Stream { key: Some(k), .. }) if *k == r.address)
                })
                .map(|s| s.address.clone())
                .collect();
            (Fixed::KmsKey, Note::KeyOf { streams })
        }
        Declared::NatGateway => (Fixed::NatGateway, Note::NatData),
        Declared::Endpoint { azs } => (
            Fixed::Endpoint {
                azs: azs.unwrap_or(DEFAULT_ENDPOINT_AZS),
            },
            Note::EndpointData {
                default_azs: azs.is_none(),
            },
        ),
        _ => return None,
    };
    let mut p = Pending {
        priced: true,
        needs_usage: Vec::new(),
        notes: vec![note],
    };
    match crate::consumers::around_resource(fixed, region, book, options) {
        Ok(e) => Some((Some(ComponentEstimate::Consumer(Box::new(e))), p)),
        Err(e) => {
            p.priced = false;
            p.notes.push(Note::NoPrice {
                reason: e.text(&crate::face::Plain),
            });
            Some((None, p))
        }
    }
}

/// The resources that read the side's streams (consumers, Firehose streams, applications,
/// Lambda mappings), added to `scenario` with what each needs.
fn readers(
    infra: &Infrastructure,
    usage: &Usage,
    (region, side): (Option<&str>, Side),
    around: &AroundSide,
    scenario: &mut Scenario,
    pending: &mut BTreeMap<String, Pending>,
) -> Result<(), InfraError> {
    let own = |r: &Resource| r.own_region(region);
    for r in &infra.resources {
        let p = match r.on(side) {
            Some(Declared::Consumer { stream }) => Some(consumer(stream.as_deref())),
            Some(d @ Declared::Firehose { .. }) => {
                let (spec, p) = firehose_spec(usage, r, d, scenario, pending)?;
                scenario.firehose.insert(
                    r.address.clone(),
                    FirehoseSpec {
                        region: own(r),
                        ..spec
                    },
                );
                Some(p)
            }
            Some(d @ Declared::Analytics { .. }) => {
                let (spec, p) = analytics_spec(usage, r, d)?;
                if let Some(spec) = spec {
                    scenario.analytics.insert(
                        r.address.clone(),
                        AnalyticsSpec {
                            region: own(r),
                            ..spec
                        },
                    );
                }
                Some(p)
            }
            Some(d @ Declared::Lambda { .. }) => {
                let (spec, p) = lambda_spec(r, d, around, scenario, pending);
                if let Some(spec) = spec {
                    scenario.lambda.insert(
                        r.address.clone(),
                        ConsumerSpec {
                            region: own(r),
                            ..spec
                        },
                    );
                }
                Some(p)
            }
            _ => None,
        };
        if let Some(p) = p {
            pending.insert(r.address.clone(), p);
        }
    }
    Ok(())
}

/// A scenario error of a resource: the plan and the resource's address, in the usage file's
/// words.
fn component_error(e: &scenario::ScenarioError) -> InfraError {
    let address = e
        .component
        .as_deref()
        .and_then(|c| c.split_once('.'))
        .map(|(_, a)| a.to_string());
    // The scenario's errors already name the plan (its origin is the plan's).
    InfraError {
        at: None,
        resource: address,
        ..located(e)
    }
}

fn not_priced(keys: &[&'static str]) -> Pending {
    Pending {
        priced: false,
        needs_usage: keys.to_vec(),
        notes: Vec::new(),
    }
}

/// No traffic: what a resource without usage is priced at (its fixed lines only).
fn no_traffic() -> (Rate, RecordSize) {
    (Rate::ZERO, RecordSize::ONE_KB)
}

/// A stream's spec on one side: its usage (or no traffic) in the mode, shard count and retention
/// the plan declares, with the plan's consumers of it. `None` when it cannot be priced (a
/// provisioned stream whose shard count is unknown and not in the usage file).
fn stream_spec(
    infra: &Infrastructure,
    usage: &Usage,
    r: &Resource,
    side: Side,
    plan: &AroundSide,
    region: Option<&str>,
) -> Result<Option<(StreamSpec, Pending)>, InfraError> {
    let Some(Declared::Stream {
        mode,
        shards,
        retention,
        around,
        key,
    }) = r.on(side)
    else {
        return Ok(None);
    };
    let mut p = Pending {
        priced: true,
        ..Pending::default()
    };
    let at = r.priced_in(region, infra);
    let (apart, declared_apart) = plan.apart(&at, key.is_some());
    let (mut workload, given) = stream_traffic(usage, r, &mut p, &declared_apart)?;
    workload.retention = *retention;
    // The plan's metrics and encryption, and what it prices on resources of their own; the
    // network path is the usage file's to say.
    workload.around = crate::around::Around {
        shard_metrics: around.shard_metrics,
        encryption: around.encryption,
        kms_key: around.kms_key,
        apart,
        ..workload.around
    };
    workload.shards = match mode {
        Mode::Provisioned => shards.or(workload.shards),
        Mode::OnDemand | Mode::Advantage => None,
    };
    if *mode == Mode::Provisioned && workload.shards.is_none() {
        // The shard count is known only at apply time (said by the resource's own note): the
        // usage file's `shards`, or nothing to price.
        if !given {
            return Ok(None);
        }
    }
    let consumers: Vec<String> = infra
        .resources
        .iter()
        .filter(|c| {
            matches!(c.on(side), Some(Declared::Consumer { stream: Some(s) }) if *s == r.address)
        })
        .map(|c| c.address.clone())
        .collect();
    // A priced mapping reading through a consumer counts it as its own enhanced fan-out.
    let efo = consumers
        .iter()
        .filter(|c| !plan.through.contains(*c))
        .count();
    workload.efo_consumers = workload
        .efo_consumers
        .saturating_add(u32::try_from(efo).unwrap_or(u32::MAX));
    if let Some(n) = plan.readers.get(&r.address) {
        // Mappings not priced still read every byte, from AWS's network.
        workload.consumers = Some(workload.consumers().saturating_add(*n));
        workload.around.managed_readers = workload.around.managed_readers.saturating_add(*n);
    }
    if !consumers.is_empty() {
        p.notes.push(Note::Consumers { consumers });
    }
    Ok(Some((StreamSpec::new(workload, *mode), p)))
}

/// A stream's workload from its usage, or no traffic (and the usage it then needs); whether the
/// usage file gave it.
fn stream_traffic(
    usage: &Usage,
    r: &Resource,
    p: &mut Pending,
    apart: &[&'static str],
) -> Result<(StreamWorkload, bool), InfraError> {
    // The usage file may give `shards` when a side of the plan does not know them.
    let declared_everywhere = r.sides().all(|d| {
        matches!(
            d,
            Declared::Stream {
                shards: Some(_),
                ..
            } | Declared::Stream {
                mode: Mode::OnDemand | Mode::Advantage,
                ..
            }
        )
    });
    match usage.stream(&r.address, declared_everywhere, apart)? {
        Some(spec) => {
            // Once both are given, the workload carries them.
            let (Some(_), Some(_)) = (spec.records, spec.size) else {
                return Err(InfraError::resource(
                    usage.origin(),
                    &r.address,
                    "give `records` and `size_kb`: its traffic",
                ));
            };
            Ok((spec.workload, true))
        }
        None => {
            p.needs_usage = vec!["records", "size_kb"];
            let (records, size) = no_traffic();
            Ok((StreamWorkload::new(records, size), false))
        }
    }
}

/// A consumer: billed on its stream's lines when it reads one the plan declares (priced or not:
/// a stream not priced lists what it needs), else on a stream outside the plan.
fn consumer(stream: Option<&str>) -> Pending {
    let note = match stream {
        Some(s) => Note::BilledOnStream {
            stream: s.to_string(),
        },
        None => Note::OtherStream,
    };
    Pending {
        priced: false,
        needs_usage: Vec::new(),
        notes: vec![note],
    }
}

fn firehose_spec(
    usage: &Usage,
    r: &Resource,
    declared: &Declared,
    scenario: &Scenario,
    pending: &BTreeMap<String, Pending>,
) -> Result<(FirehoseSpec, Pending), InfraError> {
    let Declared::Firehose {
        stream,
        reads_stream,
        format_conversion,
        dynamic_partitioning,
        buffer_interval_s,
        buffer_size_mb,
        vpc_subnets,
    } = declared
    else {
        return Err(InfraError::resource(
            usage.origin(),
            &r.address,
            "not a Firehose",
        ));
    };
    let reads = stream
        .as_deref()
        .filter(|s| scenario.streams.contains_key(*s));
    let mut p = Pending {
        priced: true,
        ..Pending::default()
    };
    if *reads_stream && reads.is_none() {
        p.notes.push(Note::OtherStream);
    }
    let given = usage.firehose(&r.address, reads)?;
    let upstream = || {
        reads
            .and_then(|s| pending.get(s))
            .map_or_else(|| vec!["records", "size_kb"], |u| u.needs_usage.clone())
    };
    let mut spec = match given {
        Some(spec) => {
            // Without records of its own it takes the stream's, which may need usage too.
            if spec.records.is_none() {
                p.needs_usage = upstream();
            }
            spec
        }
        None => {
            // Without usage of its own it takes the stream's traffic, which may need usage too.
            p.needs_usage = upstream();
            let (records, size) = no_traffic();
            FirehoseSpec {
                reads: reads.map(StreamRef::to),
                records: reads.is_none().then_some(records),
                size: reads.is_none().then_some(size),
                workload: FirehoseWorkload::new(records, size),
                region: None,
                at: 0..0,
            }
        }
    };
    let w = &mut spec.workload;
    w.source = if *reads_stream {
        FirehoseSource::KinesisStream
    } else {
        FirehoseSource::DirectPut
    };
    w.format_conversion = *format_conversion;
    w.dynamic_partitioning = *dynamic_partitioning;
    if *dynamic_partitioning {
        w.buffer_interval_s = *buffer_interval_s;
        w.buffer_size_mb = *buffer_size_mb;
    }
    w.vpc_subnets = *vpc_subnets;
    Ok((spec, p))
}

fn analytics_spec(
    usage: &Usage,
    r: &Resource,
    declared: &Declared,
) -> Result<(Option<AnalyticsSpec>, Pending), InfraError> {
    let Declared::Analytics {
        engine,
        size,
        autoscaling,
    } = declared
    else {
        return Err(InfraError::resource(
            usage.origin(),
            &r.address,
            "not an application",
        ));
    };
    let mut p = Pending::default();
    if *autoscaling && size.is_some() {
        p.notes.push(Note::Autoscaling);
    }
    let spec = match usage.analytics(&r.address, *size)? {
        Some(spec) => AnalyticsSpec {
            workload: AnalyticsWorkload {
                // One application: `apps` is not the usage file's to give.
                engine: *engine,
                ..spec.workload
            },
            ..spec
        },
        None => match size {
            Some(size) => AnalyticsSpec {
                workload: AnalyticsWorkload::new(*engine, 1, *size),
                reads: None,
                efo: false,
                writes: None,
                region: None,
                at: 0..0,
            },
            None => {
                p.needs_usage = vec!["kpus"];
                return Ok((None, p));
            }
        },
    };
    p.priced = true;
    Ok((Some(spec), p))
}

/// One resource's months, from both sides.
fn cost_of(r: &Resource, region: Option<&str>, before: &Priced, after: &Priced) -> ResourceCost {
    let month = |side: &Priced, declared: bool| -> Option<Money> {
        if !declared {
            return None;
        }
        match side.pending.get(&r.address) {
            Some(p) if !p.priced => {
                matches!(r.latest(), Some(Declared::Consumer { .. })).then_some(Money::ZERO)
            }
            _ => side
                .estimates
                .get(&r.address)
                .map(ComponentEstimate::monthly_usd),
        }
    };
    let mut before_monthly_usd = month(before, r.before.is_some());
    let mut monthly_usd = month(after, r.after.is_some());
    // A resource on both sides with one side not priced: its change is unknown, and neither
    // month counts (the other alone would read as the whole change).
    if r.before.is_some()
        && r.after.is_some()
        && (before_monthly_usd.is_none() || monthly_usd.is_none())
    {
        before_monthly_usd = None;
        monthly_usd = None;
    }
    let (shown, estimate) = if r.after.is_some() {
        (after, after.estimates.get(&r.address))
    } else {
        (before, before.estimates.get(&r.address))
    };
    let p = shown.pending.get(&r.address);
    let needs_usage = p.map(|p| p.needs_usage.clone()).unwrap_or_default();
    let mut notes = p.map(|p| p.notes.clone()).unwrap_or_default();
    if !r.unknown.is_empty() {
        notes.push(Note::Unknown {
            attributes: r.unknown.clone(),
        });
    }
    let (lines, warnings) = match estimate {
        Some(e) => shown_lines(e, needs_usage.is_empty()),
        None => (Vec::new(), Vec::new()),
    };
    ResourceCost {
        address: r.address.clone(),
        type_name: r.type_name.clone(),
        action: r.action,
        region: estimate
            .map(|e| e.priced().0.to_string())
            .or_else(|| region.map(str::to_string)),
        before_monthly_usd,
        monthly_usd,
        delta_usd: Money::from_cents(
            monthly_usd.map_or(0, Money::cents) - before_monthly_usd.map_or(0, Money::cents),
        ),
        lines,
        needs_usage,
        notes,
        warnings,
        estimate: estimate.cloned(),
    }
}

/// An estimate's lines and warnings as a resource shows them: without usage, only the lines the
/// plan fixes (those with a quantity) and only the warnings about prices.
fn shown_lines(e: &ComponentEstimate, has_usage: bool) -> (Vec<Line>, Vec<Warning>) {
    let (lines, warnings) = match e {
        ComponentEstimate::Stream(e) => (&e.lines, &e.warnings),
        ComponentEstimate::Analytics(e) => (&e.lines, &e.warnings),
        ComponentEstimate::Firehose(e) => (&e.lines, &e.warnings),
        ComponentEstimate::Consumer(e) => (&e.lines, &e.warnings),
    };
    if has_usage {
        return (lines.clone(), warnings.clone());
    }
    (
        lines.iter().filter(|l| l.quantity > 0.0).cloned().collect(),
        warnings
            .iter()
            .filter(|w| {
                matches!(
                    w,
                    Warning::UnconfirmedPrice { .. } | Warning::OldPrices { .. }
                )
            })
            .cloned()
            .collect(),
    )
}
