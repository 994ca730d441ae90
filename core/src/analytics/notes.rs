//! The notes of Managed Flink / Data Analytics applications.

use std::fmt;

use crate::face::Face;
use crate::input::Input;

/// About Managed Flink / Data Analytics applications.
#[derive(Debug, Clone, PartialEq)]
pub enum AnalyticsAssumption {
    /// With KPU-hours given, the orchestration KPUs are taken to run all month.
    OrchestrationAllMonth {
        /// Orchestration KPUs per application.
        kpus: f64,
    },
    /// Running storage taken as included in the KPU price.
    StorageIncluded,
    /// Applications that run part of the day: their running storage taken as billed all month.
    StorageAllMonth {
        /// Hours a day the applications run.
        hours_per_day: f64,
    },
}

impl AnalyticsAssumption {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            AnalyticsAssumption::OrchestrationAllMonth { kpus } => write!(
                f,
                "KPU-hours are the applications' own; their {kpus} orchestration KPU(s) each are \
                 taken to run all month (730 hours)"
            ),
            AnalyticsAssumption::StorageIncluded => write!(
                f,
                "running application storage (50 GB per KPU) is taken as included in the KPU price, \
                 as one AWS reading has it; the calculator bills it (leave out {})",
                face.input(Input::StorageIncluded)
            ),
            AnalyticsAssumption::StorageAllMonth { hours_per_day } => write!(
                f,
                "the applications run {hours_per_day} hours a day; their running application \
                 storage is taken as billed all month (it is kept while they are stopped)"
            ),
        }
    }
}

/// About Managed Flink / Data Analytics applications.
#[derive(Debug, Clone, PartialEq)]
pub enum AnalyticsWarning {
    /// Kinesis Data Analytics for SQL takes no new applications.
    SqlRetired,
    /// SQL applications have no storage or backups to price.
    SqlHasNoStorage,
    /// Studio's two orchestration KPUs come from a secondary source.
    StudioOrchestrationSecondary,
}

impl AnalyticsWarning {
    /// The words of this note, for `face`.
    pub(crate) fn write(&self, f: &mut dyn fmt::Write, face: &dyn Face) -> fmt::Result {
        match self {
            AnalyticsWarning::SqlRetired => f.write_str(
                "Kinesis Data Analytics for SQL takes no new applications since 2025-10-15 and \
                 existing ones are being retired; price a Flink application for anything new",
            ),
            AnalyticsWarning::SqlHasNoStorage => write!(
                f,
                "SQL applications have no running storage or backups; {} and {} do not apply to \
                 them",
                face.input(Input::BackupGb),
                face.input(Input::StorageIncluded)
            ),
            AnalyticsWarning::StudioOrchestrationSecondary => f.write_str(
                "Studio notebooks' two orchestration KPUs come from a secondary source, not an \
                 AWS document",
            ),
        }
    }
}
