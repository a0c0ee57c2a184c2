//! What happens to the tasks over the year: reports, meetings, problems,
//! risks and exemptions. Reports, meetings, problems and risks are
//! append-only: a mistake is corrected by a later record, never edited away.

use super::{Id, Meta, Text};
use crate::impl_record;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A progress report (进展反馈) from a responsible unit or a co-organizer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Report {
    pub id: Id,
    pub task: Id,
    pub unit: Id,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub date: NaiveDate,
    #[serde(default)]
    pub narrative: String,
    /// Overall progress, 0–100 %.
    #[serde(default)]
    pub progress: Option<f64>,
    /// Milestones this report completes.
    #[serde(default)]
    pub milestones_done: Vec<Id>,
    #[serde(default)]
    pub readings: Vec<Reading>,
    #[serde(default)]
    pub help_requested: String,
    /// Why the progress is lower than the unit's last report on the task.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub progress_reason: String,
    /// The earlier report of the same unit this one corrects (or, with
    /// `withdrawn`, withdraws). Both stay on record; only the later counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<Id>,
    /// This record withdraws the report it supersedes and says nothing itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
    /// A new deadline asked for (延期申请): the office rules on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<super::requests::ExtensionAsk>,
    /// The task is finished: the unit asks the office to close it (办结销号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure: Option<super::requests::ClosureAsk>,
    /// "No change this week" (本周无变化): one click that counts as a
    /// report, carrying the unit's last progress and readings forward.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unchanged: bool,
    /// What the unit did about leaders' instructions (落实情况).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<super::instructions::Answer>,
    #[serde(default)]
    pub meta: Meta,
}

impl Report {
    /// A report of `unit` on `task` dated `date` that says nothing yet:
    /// each command fills in what its report says.
    pub fn blank(task: Id, unit: Id, date: NaiveDate, stamp: super::Stamp) -> Report {
        Report {
            id: Id::new(),
            task,
            unit,
            date,
            narrative: String::new(),
            progress: None,
            milestones_done: vec![],
            readings: vec![],
            help_requested: String::new(),
            progress_reason: String::new(),
            supersedes: None,
            withdrawn: false,
            extension: None,
            closure: None,
            answers: vec![],
            unchanged: false,
            meta: Meta::created(stamp),
        }
    }
}

/// A target's value as read on a report's date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Reading {
    pub target: Id,
    pub value: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// A unit's weekly meeting (一周一会).
    Weekly,
    /// A district leader's monthly hearing.
    MonthlyHearing,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Meeting {
    pub id: Id,
    pub kind: MeetingKind,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub date: NaiveDate,
    #[serde(default)]
    pub chair: Option<Id>,
    #[serde(default)]
    pub attendees: Vec<Id>,
    #[serde(default)]
    pub tasks: Vec<Id>,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub meta: Meta,
}

/// A follow-up decided at a meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Decision {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub owner: Option<Id>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub due: Option<NaiveDate>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub closed_on: Option<NaiveDate>,
}

/// A problem that needs coordination (问题清单).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Problem {
    pub id: Id,
    pub task: Id,
    pub raised_by: Id,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub raised_on: NaiveDate,
    pub description: String,
    /// The report or meeting it was raised in.
    #[serde(default)]
    pub raised_in: Option<Id>,
    /// The person or unit asked to coordinate.
    #[serde(default)]
    pub assigned_to: Option<Id>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub resolved_on: Option<NaiveDate>,
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub meta: Meta,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
    Major,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskCategory {
    WorkSafety,
    Schedule,
    Funding,
    Land,
    Stability,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    Open,
    Mitigating,
    Closed,
}

/// A risk or hidden danger (风险隐患): bottom-line thinking, per task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Risk {
    pub id: Id,
    pub task: Id,
    pub description: String,
    pub level: RiskLevel,
    pub category: RiskCategory,
    #[serde(default)]
    pub mitigation: String,
    #[serde(default)]
    pub owner: Option<Id>,
    pub status: RiskStatus,
    #[serde(default)]
    pub meta: Meta,
}

/// A recorded, approved reason why a miss does not count against a unit in
/// the appraisal (容错纠错).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Exemption {
    pub id: Id,
    pub unit: Id,
    #[serde(default)]
    pub task: Option<Id>,
    #[serde(default)]
    pub milestone: Option<Id>,
    pub reason: Text,
    /// Only the missed weekly report of the week starting this Monday.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::domain::dates::opt_day")]
    pub week: Option<NaiveDate>,
    /// Only the late (or missing) plan.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plan: bool,
    pub approved_by: Id,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub approved_on: NaiveDate,
    #[serde(default)]
    pub meta: Meta,
}

impl RiskLevel {
    pub const ALL: [RiskLevel; 4] = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High, RiskLevel::Major];

    /// High or major: what turns a task yellow while it is open.
    pub fn is_high(self) -> bool {
        matches!(self, RiskLevel::High | RiskLevel::Major)
    }

    /// The level's word (`高`, "High"), as the pages and exports say it.
    pub fn name(self, lang: super::Lang) -> &'static str {
        let (zh, en) = match self {
            RiskLevel::Low => ("低", "Low"),
            RiskLevel::Medium => ("中", "Medium"),
            RiskLevel::High => ("高", "High"),
            RiskLevel::Major => ("重大", "Major"),
        };
        if lang == super::Lang::Zh {
            zh
        } else {
            en
        }
    }
}

impl Risk {
    /// Not closed: open, or being mitigated.
    pub fn is_open(&self) -> bool {
        self.status != RiskStatus::Closed
    }
}

impl RiskCategory {
    pub const ALL: [RiskCategory; 6] = [
        RiskCategory::WorkSafety,
        RiskCategory::Schedule,
        RiskCategory::Funding,
        RiskCategory::Land,
        RiskCategory::Stability,
        RiskCategory::Other,
    ];
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 3] = [RiskStatus::Open, RiskStatus::Mitigating, RiskStatus::Closed];
}

impl_record!(Report, Meeting, Problem, Risk, Exemption);

/// One change as the trail (留痕) keeps it: which record and field, the
/// value before and after, which unit made it and when. Append-only; it
/// travels in exchange files like reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TrailEntry {
    pub id: Id,
    /// The kind of record changed: "task", "milestone", "report", …
    pub kind: String,
    pub record: Id,
    /// The task the record belongs to, when it belongs to one.
    #[serde(default)]
    pub task: Option<Id>,
    pub field: String,
    pub old: serde_json::Value,
    pub new: serde_json::Value,
    /// The unit that made the change; `None` for the supervision office.
    #[serde(default)]
    pub by: Option<Id>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::instant_schema"))]
    #[serde(with = "crate::domain::dates::instant")]
    pub at: chrono::DateTime<chrono::Utc>,
    #[serde(default)]
    pub meta: Meta,
}

impl_record!(TrailEntry);
