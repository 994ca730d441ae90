//! The network path: producers and consumers reaching Kinesis through a NAT gateway (per GB
//! processed, and its hours when they are this stream's to pay) or an interface VPC endpoint
//! (per AZ-hour and per GB), and what an endpoint would save where a NAT gateway is used.

use crate::bill::{Bill, Notes};
use crate::calc::money::Money;
use crate::calc::trace::{NumFmt, Op, Term};
use crate::calc::Calc;
use crate::error::Error;
use crate::notes::{Assumption, Warning};
use crate::price::PriceKey;

use crate::around::{Network, Part, DEFAULT_ENDPOINT_AZS};

use super::month_of;
use crate::notes::{AroundAssumption, AroundWarning};

/// The GB each side sends through the network path.
struct Traffic {
    /// GB written a month by producers.
    written: Term,
    /// GB read a month by every consumer together, when consumers are not public.
    read: Option<Term>,
}

impl Traffic {
    /// The GB of the sides that use `network`: a term, and a step adding both when both do.
    fn through(
        &self,
        c: &mut Calc,
        id: &'static str,
        w: &super::Shape,
        network: Network,
    ) -> Result<Option<Term>, Error> {
        let around = w.around;
        let producers = (around.producers == network).then_some(self.written);
        let consumers = self.read.filter(|_| around.consumers == network);
        Ok(match (producers, consumers) {
            (Some(p), Some(r)) => {
                Some(c.chain(id, p, &[(Op::Add, r)], 2, "GB a month written and read")?)
            }
            (p, r) => p.or(r),
        })
    }
}

/// The network path's lines for `written` GB a month.
pub(super) fn lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &super::Shape,
    written: Term,
    notes: &mut Notes,
) -> Result<(), Error> {
    let around = w.around;
    let read = match around.consumers {
        Network::Public => None,
        Network::Nat | Network::Endpoint => {
            let all = w.readers;
            let managed = around.managed_readers.min(all);
            if managed > 0 {
                notes
                    .assumptions
                    .push(Assumption::Around(AroundAssumption::ManagedReaders {
                        readers: managed,
                    }));
            }
            if all > managed {
                Some(c.chain(
                    "read_gb",
                    written,
                    &[(
                        Op::Mul,
                        Term::new(
                            f64::from(all - managed),
                            NumFmt::Input,
                            "consumers in your network (shared and enhanced fan-out; each reads \
                             every byte)",
                        ),
                    )],
                    2,
                    "GB read per month",
                )?)
            } else {
                None
            }
        }
    };
    let traffic = Traffic { written, read };
    if let Some(gb) = traffic.through(c, "nat_gb", w, Network::Nat)? {
        let nat = nat_lines(c, bill, w, gb, notes)?;
        let sides = (
            w.around.producers == Network::Nat,
            w.around.consumers == Network::Nat,
        );
        endpoint_instead(c, bill, (gb, nat, sides), notes)?;
    }
    if let Some(gb) = traffic.through(c, "endpoint_gb", w, Network::Endpoint)? {
        endpoint_lines(c, bill, w, gb, notes)?;
    }
    Ok(())
}

/// NAT gateway processing of `gb`, and the gateways' hours when given. Returns the processing
/// cost.
fn nat_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &super::Shape,
    gb: Term,
    notes: &mut Notes,
) -> Result<Money, Error> {
    let processed = bill.add(
        c,
        "nat_data_cost",
        "nat_data",
        "NAT gateway data processed",
        gb,
        PriceKey::NatGatewayGb,
        "NAT gateway data processing cost",
    )?;
    match w.around.nat_gateways {
        Some(n) => nat_hours_line(c, bill, n)?,
        None if w.around.apart.nat_hours => {
            notes
                .assumptions
                .push(Assumption::Around(AroundAssumption::PricedApart {
                    part: Part::NatHours,
                }))
        }
        None => notes
            .assumptions
            .push(Assumption::Around(AroundAssumption::NatHoursElsewhere)),
    }
    Ok(processed)
}

/// `n` NAT gateways' hours.
pub(crate) fn nat_hours_line(c: &mut Calc, bill: &mut Bill<'_>, n: u32) -> Result<(), Error> {
    let hours = month_of(
        c,
        "nat_gateway_hours",
        n,
        "NAT gateways",
        "NAT gateway-hours",
    )?;
    bill.add(
        c,
        "nat_hours_cost",
        "nat_hours",
        "NAT gateway hours",
        hours,
        PriceKey::NatGatewayHour,
        "NAT gateway hours cost",
    )?;
    Ok(())
}

/// An interface endpoint's hours in `azs` Availability Zones.
pub(crate) fn endpoint_hours_line(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    azs: u32,
) -> Result<(), Error> {
    let hours = month_of(
        c,
        "endpoint_az_hours",
        azs,
        "Availability Zones",
        "endpoint AZ-hours",
    )?;
    bill.add(
        c,
        "endpoint_hours_cost",
        "endpoint_hours",
        "Interface VPC endpoint hours",
        hours,
        PriceKey::VpcEndpointAzHour,
        "VPC endpoint hours cost",
    )?;
    Ok(())
}

/// The endpoint's AZ-hours and the GB it processes.
fn endpoint_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &super::Shape,
    gb: Term,
    notes: &mut Notes,
) -> Result<(), Error> {
    let azs = w.around.endpoint_azs.unwrap_or(DEFAULT_ENDPOINT_AZS);
    if !w.around.apart.endpoint_hours {
        endpoint_hours_line(c, bill, azs)?;
    }
    bill.add(
        c,
        "endpoint_data_cost",
        "endpoint_data",
        "Interface VPC endpoint data processed",
        gb,
        PriceKey::VpcEndpointGb,
        "VPC endpoint data processing cost",
    )?;
    notes.assumptions.push(if w.around.apart.endpoint_hours {
        Assumption::Around(AroundAssumption::PricedApart {
            part: Part::EndpointHours,
        })
    } else {
        Assumption::Around(AroundAssumption::Endpoint {
            azs,
            default_azs: w.around.endpoint_azs.is_none(),
        })
    });
    Ok(())
}

/// What an interface endpoint in the default 2 AZs would cost for the GB a NAT gateway
/// processes, as a warning with the saving; nothing when the region lacks an endpoint price
/// (the endpoint was not asked for).
fn endpoint_instead(
    c: &mut Calc,
    bill: &Bill<'_>,
    (gb, nat, sides): (Term, Money, (bool, bool)),
    notes: &mut Notes,
) -> Result<(), Error> {
    let (Ok(per_hour), Ok(per_gb)) = (
        bill.usd(PriceKey::VpcEndpointAzHour),
        bill.usd(PriceKey::VpcEndpointGb),
    ) else {
        return Ok(());
    };
    let hours = month_of(
        c,
        "endpoint_instead_az_hours",
        DEFAULT_ENDPOINT_AZS,
        "Availability Zones",
        "endpoint AZ-hours",
    )?;
    let hours_usd = c.price("endpoint_instead_hours_cost", hours, per_hour)?;
    let data_usd = c.price("endpoint_instead_data_cost", gb, per_gb)?;
    let endpoint = c.total(
        "endpoint_instead_cost",
        [hours_usd, data_usd].into_iter(),
        "An interface VPC endpoint instead (monthly)",
    );
    notes
        .warnings
        .push(Warning::Around(AroundWarning::EndpointInstead {
            nat_usd: nat,
            endpoint_usd: endpoint,
            azs: DEFAULT_ENDPOINT_AZS,
            sides,
        }));
    Ok(())
}
