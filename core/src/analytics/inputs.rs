//! The applications' inputs read from their text and given back as text: the one reading of
//! each that every front end shares.

use super::{AnalyticsWorkload, AppSize, Engine};
use crate::error::InputError;
use crate::input::{Input, Scope};
use crate::read::number::{parse_non_negative, parse_switch, positive};

impl AnalyticsWorkload {
    /// Whether `input` is one of the applications'.
    pub fn takes(input: Input) -> bool {
        input.spec().scope == Scope::Analytics
    }

    /// Sets `input` from its text, as every front end reads it. The size is the last of KPUs,
    /// parallelism or KPU-hours set; parallelism per KPU needs parallelism first.
    ///
    /// # Errors
    /// The value's own error; [`InputError::NotOf`] for an input that is not the applications'.
    pub fn set(&mut self, input: Input, text: &str) -> Result<(), InputError> {
        match input {
            Input::Engine => self.engine = text.parse()?,
            Input::Apps => self.apps = apps(text)?,
            Input::Kpus => self.size = AppSize::Kpus(kpus(text)?),
            Input::Parallelism => {
                let per_kpu = match self.size {
                    AppSize::Parallelism { per_kpu, .. } => per_kpu,
                    _ => 1,
                };
                let parallelism = parallelism(text)?;
                self.size = AppSize::Parallelism {
                    parallelism,
                    per_kpu,
                };
            }
            Input::ParallelismPerKpu => {
                let AppSize::Parallelism { parallelism, .. } = self.size else {
                    return Err(InputError::Needs {
                        input,
                        needs: (Input::Parallelism, "8"),
                        or: None,
                    });
                };
                let per_kpu = parallelism_per_kpu(text)?;
                self.size = AppSize::Parallelism {
                    parallelism,
                    per_kpu,
                };
            }
            Input::KpuHours => self.size = AppSize::kpu_hours(text)?,
            Input::HoursPerDay => self.hours_per_day = Some(hours_per_day(text)?),
            Input::StorageIncluded => {
                self.storage_included = parse_switch("storage included", text)?;
            }
            Input::BackupGb => self.backup_gb = backup_gb(text)?,
            _ => {
                return Err(InputError::NotOf {
                    input,
                    of: "analytics applications",
                })
            }
        }
        Ok(())
    }

    /// The inputs given beyond their defaults (the size always), each with its value as it would
    /// be typed, in declared order: what [`AnalyticsWorkload::set`] reads back to the same
    /// workload.
    pub fn given(&self) -> Vec<(Input, String)> {
        let mut given = Vec::new();
        if self.engine != Engine::Flink {
            given.push((Input::Engine, self.engine.name().to_string()));
        }
        if self.apps != 1 {
            given.push((Input::Apps, self.apps.to_string()));
        }
        match self.size {
            AppSize::Kpus(k) => given.push((Input::Kpus, k.to_string())),
            AppSize::Parallelism {
                parallelism,
                per_kpu,
            } => {
                given.push((Input::Parallelism, parallelism.to_string()));
                if per_kpu != 1 {
                    given.push((Input::ParallelismPerKpu, per_kpu.to_string()));
                }
            }
            AppSize::KpuHours(rate) => given.push((Input::KpuHours, rate.to_string())),
        }
        if let Some(h) = self.hours_per_day {
            given.push((Input::HoursPerDay, h.to_string()));
        }
        if self.storage_included {
            given.push((Input::StorageIncluded, "on".to_string()));
        }
        if self.backup_gb != 0.0 {
            given.push((Input::BackupGb, self.backup_gb.to_string()));
        }
        given
    }
}

/// Applications in a set: at least 1.
pub fn apps(text: &str) -> Result<u32, InputError> {
    positive("application count", text)
}

/// KPUs per application: at least 1.
pub fn kpus(text: &str) -> Result<u32, InputError> {
    positive("KPU count", text)
}

/// An application's parallelism: at least 1.
pub fn parallelism(text: &str) -> Result<u32, InputError> {
    positive("parallelism", text)
}

/// Parallelism per KPU: at least 1.
pub fn parallelism_per_kpu(text: &str) -> Result<u32, InputError> {
    positive("parallelism per KPU", text)
}

/// Hours a day applications run: more than 0 and at most 24.
pub fn hours_per_day(text: &str) -> Result<f64, InputError> {
    let hours = parse_non_negative("running hours a day", text)?;
    if hours == 0.0 || hours > 24.0 {
        return Err(InputError::HoursPerDay {
            text: text.to_string(),
        });
    }
    Ok(hours)
}

/// GB of durable backups per application: 0 or more.
pub fn backup_gb(text: &str) -> Result<f64, InputError> {
    parse_non_negative("backup size", text)
}
