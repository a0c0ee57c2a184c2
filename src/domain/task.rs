//! A specific task (具体任务) with its plan, schedule (milestones) and
//! quantitative targets.

use super::{Id, Meta};
use crate::impl_record;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Task {
    pub id: Id,
    /// The key action it belongs to.
    pub action: Id,
    /// Sort key within the action; the number (e.g. 9.2) is derived from it.
    pub order: i64,
    pub title: super::Text,
    /// Responsible units (责任单位); the first one leads.
    #[serde(default)]
    pub responsible: Vec<Id>,
    /// Co-organizers (协办单位).
    #[serde(default)]
    pub co_organizers: Vec<Id>,
    /// The responsible person.
    #[serde(default)]
    pub person: Option<Id>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub start: Option<NaiveDate>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub due: Option<NaiveDate>,
    /// The plan (施工图): the steps, free text.
    #[serde(default)]
    pub plan: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub plan_submitted_on: Option<NaiveDate>,
    /// The schedule (时间表).
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub targets: Vec<Target>,
    /// The day the task was done, as the unit gave it when it applied to
    /// close the task and the office accepted (办结销号). Set by the office.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::domain::dates::opt_day")]
    pub closed_on: Option<NaiveDate>,
    #[serde(default)]
    pub meta: Meta,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Milestone {
    pub id: Id,
    pub title: super::Text,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub due: Option<NaiveDate>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub done_on: Option<NaiveDate>,
    /// Relative weight in the task's progress (default 1).
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub meta: Meta,
}

fn one() -> f64 {
    1.0
}

/// Whether more or less is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Reach at least the target (revenue, satisfaction).
    #[default]
    AtLeast,
    /// Stay at most at the target (accidents, response time).
    AtMost,
}

/// A quantitative target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Target {
    pub id: Id,
    pub name: super::Text,
    /// Unit of measure: "亿元", "m²", "%", "roads".
    #[serde(default)]
    pub measure: String,
    /// The value when the task began; `None` when the plan does not say.
    #[serde(default)]
    pub baseline: Option<f64>,
    pub target: f64,
    #[serde(default)]
    pub direction: Direction,
    /// The unit that added it (`None`: the office); a unit edits and
    /// deletes only the targets it added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_by: Option<Id>,
    #[serde(default)]
    pub meta: Meta,
}

impl_record!(Task, Milestone, Target);

impl Task {
    /// The lead responsible unit.
    pub fn lead_unit(&self) -> Option<Id> {
        self.responsible.first().copied()
    }

    /// Whether `unit` is responsible for or co-organizes this task.
    pub fn involves(&self, unit: Id) -> bool {
        self.responsible.contains(&unit) || self.co_organizers.contains(&unit)
    }
}
