//! Amazon Managed Service for Apache Flink (and Studio notebooks) and Kinesis Data Analytics for
//! SQL, as the AWS Pricing Calculator computes them: KPU-hours (with the orchestration KPUs Flink
//! and Studio add), running application storage (50 GB per KPU) and durable backups.

use std::str::FromStr;

use arcstr::ArcStr;
use serde::Serialize;

use crate::bill::{Bill, Notes};
use crate::calc::money::Money;
use crate::calc::trace::{NumFmt, Op, Step, Term};
use crate::calc::{Calc, Options, Rounding};
use crate::error::{Error, InputError};
use crate::estimate::{Line, Service};
use crate::notes::{AnalyticsAssumption, AnalyticsWarning};
use crate::notes::{Assumption, Warning};
use crate::price::{PriceBook, PriceKey, RegionPrices};
use crate::read::rate::{Per, Rate};
use crate::units::{plain, HOURS_PER_MONTH};

mod inputs;
pub(crate) mod notes;

pub use inputs::{apps, backup_gb, hours_per_day, kpus, parallelism, parallelism_per_kpu};

/// Running application storage that comes with each KPU, GB.
pub const STORAGE_GB_PER_KPU: f64 = 50.0;

/// Which analytics engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// Managed Service for Apache Flink: one orchestration KPU per application.
    Flink,
    /// Kinesis Data Analytics for SQL: no orchestration, no storage; closed to new applications.
    Sql,
    /// Managed Service for Apache Flink Studio notebooks: two orchestration KPUs (secondary).
    Studio,
}

impl Engine {
    /// The engine's name as the CLI writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Engine::Flink => "flink",
            Engine::Sql => "sql",
            Engine::Studio => "studio",
        }
    }

    /// Orchestration KPUs billed per application on top of its own.
    pub const fn orchestration_kpus(self) -> f64 {
        match self {
            Engine::Flink => 1.0,
            Engine::Sql => 0.0,
            Engine::Studio => 2.0,
        }
    }

    const fn service(self) -> Service {
        match self {
            Engine::Flink | Engine::Studio => Service::ManagedFlink,
            Engine::Sql => Service::DataAnalyticsSql,
        }
    }
}

impl std::fmt::Display for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Engine {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Engine, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "flink" => Ok(Engine::Flink),
            "sql" => Ok(Engine::Sql),
            "studio" => Ok(Engine::Studio),
            _ => Err(InputError::Engine {
                text: text.to_string(),
            }),
        }
    }
}

/// How big each application is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppSize {
    /// This many KPUs, running all month.
    Kpus(u32),
    /// Parallelism over parallelism per KPU: KPUs = RoundUp(P / Q), running all month.
    Parallelism {
        /// The application's parallelism (P).
        parallelism: u32,
        /// Parallelism per KPU (Q).
        per_kpu: u32,
    },
    /// KPU-hours per application, per hour, day or month (the calculator's "5 per day").
    KpuHours(Rate),
}

impl AppSize {
    /// KPU-hours per application given as a rate: `5/day`, `120/month`, `2/h`.
    ///
    /// # Errors
    /// When the text is not a rate, or is per second or per minute.
    pub fn kpu_hours(text: &str) -> Result<AppSize, InputError> {
        let rate: Rate = text.parse()?;
        match rate.per {
            Per::Hour | Per::Day | Per::Month => Ok(AppSize::KpuHours(rate)),
            Per::Second | Per::Minute => Err(InputError::KpuHoursUnit {
                text: text.to_string(),
            }),
        }
    }
}

/// A set of identical analytics applications.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AnalyticsWorkload {
    /// The engine.
    pub engine: Engine,
    /// How many applications.
    pub apps: u32,
    /// How big each one is.
    pub size: AppSize,
    /// Treat the 50 GB of running storage per KPU as included (one AWS reading) rather than billed
    /// (the calculator's).
    pub storage_included: bool,
    /// Durable application backups per application, GB-month.
    pub backup_gb: f64,
    /// Hours a day the applications run, more than 0 and at most 24; `None` for all day. Their
    /// KPUs and orchestration KPUs are billed for those hours (a rate of KPU-hours keeps its
    /// meaning: its orchestration KPUs follow these hours).
    pub hours_per_day: Option<f64>,
}

impl AnalyticsWorkload {
    /// `apps` applications of `size` on `engine`, storage billed, no backups.
    pub fn new(engine: Engine, apps: u32, size: AppSize) -> AnalyticsWorkload {
        AnalyticsWorkload {
            engine,
            apps,
            size,
            storage_included: false,
            backup_gb: 0.0,
            hours_per_day: None,
        }
    }

    /// Hours a day the applications run, when under 24 (all day needs no step of its own).
    fn part_time(&self) -> Option<f64> {
        self.hours_per_day.filter(|h| *h < 24.0)
    }

    fn check(&self) -> Result<(), InputError> {
        if self.apps == 0 {
            return Err(InputError::ZeroCount {
                what: "application count",
            });
        }
        match self.size {
            AppSize::Kpus(0) => return Err(InputError::ZeroCount { what: "KPU count" }),
            AppSize::Parallelism { parallelism: 0, .. } => {
                return Err(InputError::ZeroCount {
                    what: "parallelism",
                })
            }
            AppSize::Parallelism { per_kpu: 0, .. } => {
                return Err(InputError::ZeroCount {
                    what: "parallelism per KPU",
                })
            }
            _ => {}
        }
        if !self.backup_gb.is_finite() || self.backup_gb < 0.0 {
            return Err(InputError::Negative {
                what: "backup size",
                text: self.backup_gb.to_string(),
            });
        }
        if let Some(h) = self.hours_per_day {
            if !(h > 0.0 && h <= 24.0) {
                return Err(InputError::HoursPerDay {
                    text: h.to_string(),
                });
            }
        }
        Ok(())
    }
}

/// The inputs an analytics estimate used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalyticsInputs {
    /// The engine.
    pub engine: Engine,
    /// Applications.
    pub apps: u32,
    /// How each was sized.
    pub size: AppSize,
    /// KPUs per application (the work KPUs, without orchestration), when sized in KPUs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kpus: Option<f64>,
    /// KPU-hours billed per application a month, orchestration included.
    pub kpu_hours_per_app: f64,
    /// Whether running storage was treated as included.
    pub storage_included: bool,
    /// Durable backups per application, GB.
    pub backup_gb: f64,
    /// Hours a day the applications run, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_per_day: Option<f64>,
}

/// A monthly estimate for a set of analytics applications.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalyticsEstimate {
    /// `managed-flink` or `kinesis-data-analytics-sql`.
    pub service: Service,
    /// The region code.
    pub region: ArcStr,
    /// The region's name.
    pub region_name: ArcStr,
    /// The rounding policy.
    pub rounding: Rounding,
    /// The inputs used.
    pub inputs: AnalyticsInputs,
    /// The cost lines.
    pub lines: Vec<Line>,
    /// The monthly total, less any discount.
    pub monthly_usd: Money,
    /// The discount, when one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<crate::estimate::DiscountLine>,
    /// What was assumed.
    pub assumptions: Vec<Assumption>,
    /// What the user should know.
    pub warnings: Vec<Warning>,
    /// The steps, when tracing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// Estimates analytics applications in `region` (or the default region).
///
/// # Errors
/// Zero applications or KPUs, an unknown region, a price the region lacks, or figures too large.
/// ```
/// use kcost_core::analytics::{estimate, AnalyticsWorkload, AppSize, Engine};
/// use kcost_core::{testing, Options};
/// // The seed deck's ten SQL applications at 5 KPU-hours a day each, in London.
/// let w = AnalyticsWorkload::new(Engine::Sql, 10, AppSize::kpu_hours("5/day")?);
/// let e = estimate(&w, Some("eu-west-2"), &testing::deck_book(), Options::default())?;
/// assert_eq!(e.monthly_usd.to_string(), "193.14");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn estimate(
    w: &AnalyticsWorkload,
    region: Option<&str>,
    book: &PriceBook,
    options: Options,
) -> Result<AnalyticsEstimate, Error> {
    let (prices, assumed) = crate::bill::region_or_default(book, region)?;
    let mut e = estimate_in(w, prices, options).map_err(|e| book.locate(e))?;
    e.assumptions.splice(0..0, assumed);
    Ok(e)
}

/// Estimates analytics applications with one region's prices.
///
/// # Errors
/// As [`estimate`], but for the region lookup.
pub fn estimate_in(
    w: &AnalyticsWorkload,
    prices: &RegionPrices,
    options: Options,
) -> Result<AnalyticsEstimate, Error> {
    w.check()?;
    // Without the KPU price there is nothing to estimate: say so before any step.
    prices.get(PriceKey::KdaKpuHour)?;
    let mut c = Calc::new(options.rounding, options.trace);
    let mut notes = Notes::default();
    let mut bill = Bill::new(prices);
    let engine = w.engine;
    let apps = Term::new(f64::from(w.apps), NumFmt::Input, "applications");
    let kpus = work_kpus(&mut c, w.size)?;
    let running = match w.part_time() {
        Some(h) => running_hours(&mut c, h)?,
        None => plain(HOURS_PER_MONTH, "hours in a month"),
    };
    let kpu_hours = match (w.size, kpus) {
        (AppSize::KpuHours(rate), _) => kpu_hours_from_rate(&mut c, rate, w, running, &mut notes)?,
        (_, Some(k)) => kpu_hours_from_kpus(&mut c, k, engine, running)?,
        (_, None) => Term::new(0.0, NumFmt::Fixed(2), ""),
    };
    kpu_hours_line(&mut c, &mut bill, apps, kpu_hours)?;
    if engine == Engine::Sql {
        notes.warnings.push(AnalyticsWarning::SqlRetired.into());
        if w.backup_gb > 0.0 || w.storage_included {
            notes
                .warnings
                .push(AnalyticsWarning::SqlHasNoStorage.into());
        }
    } else {
        let work_kpus = storage_kpus(&mut c, w, kpus, kpu_hours, running)?;
        storage_lines(&mut c, &mut bill, w, apps, work_kpus, &mut notes)?;
    }
    if engine == Engine::Studio {
        let secondary = AnalyticsWarning::StudioOrchestrationSecondary;
        notes.warnings.push(secondary.into());
    }
    let label = match engine {
        Engine::Sql => "Kinesis Data Analytics for SQL applications cost (monthly)",
        Engine::Flink | Engine::Studio => "Managed Service for Apache Flink cost (monthly)",
    };
    let lines = bill.lines;
    let crate::bill::Finished {
        total: monthly_usd,
        discount,
        ..
    } = crate::bill::finish_alone(
        &mut c,
        &lines,
        prices,
        options,
        (label, &mut notes.warnings),
    );
    Ok(AnalyticsEstimate {
        service: engine.service(),
        region: prices.code.clone(),
        region_name: prices.name.clone(),
        rounding: options.rounding,
        inputs: AnalyticsInputs {
            engine,
            apps: w.apps,
            size: w.size,
            kpus: kpus.map(|k| k.value),
            kpu_hours_per_app: kpu_hours.value,
            storage_included: w.storage_included,
            backup_gb: w.backup_gb,
            hours_per_day: w.hours_per_day,
        },
        lines,
        monthly_usd,
        discount,
        assumptions: notes.assumptions,
        warnings: notes.warnings,
        steps: c.into_steps(),
    })
}

/// Work KPUs per application, when the size is given in KPUs or parallelism
/// (`RoundUp (P / Q)`); `None` when it is given in KPU-hours.
fn work_kpus(c: &mut Calc, size: AppSize) -> Result<Option<Term>, Error> {
    match size {
        AppSize::Kpus(k) => Ok(Some(Term::new(f64::from(k), NumFmt::Input, "KPUs"))),
        AppSize::Parallelism {
            parallelism,
            per_kpu,
        } => {
            let ratio = c.chain(
                "kpus_from_parallelism",
                Term::new(f64::from(parallelism), NumFmt::Input, "parallelism"),
                &[(
                    Op::Div,
                    Term::new(f64::from(per_kpu), NumFmt::Input, "parallelism per KPU"),
                )],
                2,
                "KPUs",
            )?;
            Ok(Some(c.round_up("kpus", ratio, "KPUs")?))
        }
        AppSize::KpuHours(_) => Ok(None),
    }
}

/// KPU-hours per application a month from a rate of KPU-hours, plus the orchestration KPUs
/// taken to run all month (an assumption, said).
fn kpu_hours_from_rate(
    c: &mut Calc,
    rate: Rate,
    w: &AnalyticsWorkload,
    running: Term,
    notes: &mut Notes,
) -> Result<Term, Error> {
    let per_month = match rate.per {
        Per::Month => Term::new(rate.count, NumFmt::Input, "KPU-hours per month"),
        Per::Hour => c.chain(
            "kpu_hours_per_month",
            Term::new(rate.count, NumFmt::Input, "per hour"),
            &[(Op::Mul, plain(HOURS_PER_MONTH, "hours in a month"))],
            2,
            "per month",
        )?,
        // The calculator: "5 per day x (730 hours in a month / 24 hours in a day)".
        Per::Day | Per::Second | Per::Minute => c.grouped(
            "kpu_hours_per_month",
            Term::new(rate.count, NumFmt::Input, "per day"),
            Op::Mul,
            plain(HOURS_PER_MONTH, "hours in a month"),
            &[(Op::Div, plain(24.0, "hours in a day"))],
            2,
            "per month",
        )?,
    };
    let orchestration = w.engine.orchestration_kpus();
    if orchestration == 0.0 {
        return Ok(per_month);
    }
    let orchestration_hours = match w.part_time() {
        // The orchestration KPUs run while the applications do.
        Some(_) => c.chain(
            "orchestration_kpu_hours",
            plain(orchestration, "orchestration KPUs"),
            &[(Op::Mul, running)],
            2,
            "orchestration KPU-hours",
        )?,
        None => {
            if w.hours_per_day.is_none() {
                notes.assumptions.push(Assumption::Analytics(
                    AnalyticsAssumption::OrchestrationAllMonth {
                        kpus: orchestration,
                    },
                ));
            }
            Term::new(
                orchestration * HOURS_PER_MONTH,
                NumFmt::Plain,
                "orchestration KPU-hours",
            )
        }
    };
    c.chain(
        "billable_kpu_hours_per_app",
        per_month,
        &[(Op::Add, orchestration_hours)],
        2,
        "KPU-hours per application",
    )
}

/// Running hours a month at `hours` a day, as the calculator writes a daily figure:
/// `12 hours a day x (730 hours in a month / 24 hours in a day)`.
fn running_hours(c: &mut Calc, hours: f64) -> Result<Term, Error> {
    c.grouped(
        "running_hours_per_month",
        Term::new(hours, NumFmt::Input, "hours a day"),
        Op::Mul,
        plain(HOURS_PER_MONTH, "hours in a month"),
        &[(Op::Div, plain(24.0, "hours in a day"))],
        2,
        "running hours per month",
    )
}

/// KPU-hours per application a month from its work KPUs and the engine's orchestration KPUs,
/// all month.
fn kpu_hours_from_kpus(
    c: &mut Calc,
    kpus: Term,
    engine: Engine,
    running: Term,
) -> Result<Term, Error> {
    let orchestration = engine.orchestration_kpus();
    let billable = if orchestration > 0.0 {
        c.chain(
            "billable_kpus",
            kpus,
            &[(Op::Add, plain(orchestration, "orchestration KPU"))],
            0,
            "billable KPUs per application",
        )?
    } else {
        kpus
    };
    c.chain(
        "kpu_hours_per_app",
        billable,
        &[(Op::Mul, running)],
        2,
        "KPU-hours per application",
    )
}

/// The KPU-hours line. The calculator writes "10 applications x 152.08 KPUs x 0.127 USD"; kcost
/// shows the KPU-hours first, then prices them, which gives the same cents.
fn kpu_hours_line(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    apps: Term,
    kpu_hours: Term,
) -> Result<(), Error> {
    let total = c.chain(
        "kpu_hours",
        apps,
        &[(Op::Mul, c.term(kpu_hours.value, 2, "KPU-hours"))],
        2,
        "KPU-hours per month",
    )?;
    bill.add(
        c,
        "kpu_hours_cost",
        "kpu_hours",
        "KPU-hours",
        total,
        PriceKey::KdaKpuHour,
        "KPU-hours cost",
    )?;
    Ok(())
}

/// Work KPUs per application for running storage: as sized, or on average from a rate of
/// KPU-hours (less the orchestration KPUs' hours) over the month.
fn storage_kpus(
    c: &mut Calc,
    w: &AnalyticsWorkload,
    kpus: Option<Term>,
    kpu_hours: Term,
    running: Term,
) -> Result<Term, Error> {
    if let Some(k) = kpus {
        return Ok(k);
    }
    let orchestration_hours = w.engine.orchestration_kpus() * running.value;
    c.chain(
        "average_kpus",
        c.term(
            kpu_hours.value - orchestration_hours,
            2,
            "KPU-hours per application",
        ),
        &[(Op::Div, plain(HOURS_PER_MONTH, "hours in a month"))],
        2,
        "KPUs on average",
    )
}

/// Flink's and Studio's storage: running application storage (50 GB per work KPU, unless taken
/// as included) and durable backups.
fn storage_lines(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    w: &AnalyticsWorkload,
    apps: Term,
    work_kpus: Term,
    notes: &mut Notes,
) -> Result<(), Error> {
    if w.storage_included {
        notes
            .assumptions
            .push(Assumption::Analytics(AnalyticsAssumption::StorageIncluded));
    } else {
        if let Some(hours_per_day) = w.part_time() {
            notes.assumptions.push(Assumption::Analytics(
                AnalyticsAssumption::StorageAllMonth { hours_per_day },
            ));
        }
        running_storage(c, bill, apps, work_kpus)?;
    }
    if w.backup_gb > 0.0 {
        backups(c, bill, apps, w.backup_gb)?;
    }
    Ok(())
}

/// Running application storage: applications x work KPUs x 50 GB.
fn running_storage(
    c: &mut Calc,
    bill: &mut Bill<'_>,
    apps: Term,
    work_kpus: Term,
) -> Result<(), Error> {
    let storage = c.chain(
        "running_storage_gb_months",
        apps,
        &[
            (Op::Mul, work_kpus),
            (
                Op::Mul,
                plain(STORAGE_GB_PER_KPU, "GB running application storage per KPU"),
            ),
        ],
        2,
        "GB-months of running application storage",
    )?;
    bill.add(
        c,
        "running_storage_cost",
        "running_storage",
        "Running application storage",
        storage,
        PriceKey::KdaRunningStorageGbMonth,
        "Running application storage cost",
    )?;
    Ok(())
}

/// Durable application backups: applications x GB each.
fn backups(c: &mut Calc, bill: &mut Bill<'_>, apps: Term, backup_gb: f64) -> Result<(), Error> {
    let backups = c.chain(
        "backup_gb_months",
        apps,
        &[(
            Op::Mul,
            Term::new(backup_gb, NumFmt::Input, "GB durable application backups"),
        )],
        2,
        "GB-months of backups",
    )?;
    bill.add(
        c,
        "backups_cost",
        "backups",
        "Durable application backups",
        backups,
        PriceKey::KdaBackupGbMonth,
        "Durable application backups cost",
    )?;
    Ok(())
}
