//! The year-end appraisal (绩效考核) of each unit, derived, never stored:
//! a score for a period from configurable rules, every point traced to the
//! fact behind it. An approved exemption (容错纠错) removes a miss from the
//! score and stays visible beside it.

use super::plan::live;
use super::{Id, Plan, Task};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Points per fact; the settings page shows and edits them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Scoring {
    /// Every unit starts the period with this score.
    pub base: f64,
    /// A milestone done on or before its due date.
    pub milestone_on_time: f64,
    /// A milestone not done by its due date (or done late).
    pub milestone_overdue: f64,
    /// The plan (施工图) submitted after it was due, or not at all.
    pub late_plan: f64,
    /// A week in which a started task got no report from its unit.
    pub missed_week: f64,
    /// A quantitative target met by the end of the period.
    pub target_met: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring { base: 100.0, milestone_on_time: 2.0, milestone_overdue: -3.0, late_plan: -5.0, missed_week: -1.0, target_met: 3.0 }
    }
}

/// What happened, and where.
#[derive(Clone, Debug, PartialEq)]
pub enum FactKind {
    MilestoneOnTime { milestone: Id, due: NaiveDate, done: NaiveDate },
    MilestoneOverdue { milestone: Id, due: NaiveDate, done: Option<NaiveDate> },
    LatePlan { due: NaiveDate, submitted: Option<NaiveDate> },
    MissedWeek { week: NaiveDate },
    TargetMet { target: Id, value: f64 },
}

impl FactKind {
    /// A miss costs points; an exemption can remove it.
    pub fn is_miss(&self) -> bool {
        matches!(self, FactKind::MilestoneOverdue { .. } | FactKind::LatePlan { .. } | FactKind::MissedWeek { .. })
    }

    /// Whether an exemption names exactly this fact: by its milestone, its
    /// week, or the plan; one that names only the task waives every miss on it.
    pub fn waived_by(&self, e: &super::Exemption) -> bool {
        match (e.milestone, e.week, e.plan) {
            (Some(m), _, _) => self.milestone_id() == Some(m),
            (None, Some(w), _) => matches!(self, FactKind::MissedWeek { week } if *week == w),
            (None, None, true) => matches!(self, FactKind::LatePlan { .. }),
            (None, None, false) => true,
        }
    }

    /// The milestone a fact is about, if any.
    pub fn milestone_id(&self) -> Option<Id> {
        match self {
            FactKind::MilestoneOnTime { milestone, .. } | FactKind::MilestoneOverdue { milestone, .. } => Some(*milestone),
            _ => None,
        }
    }
}

/// One fact behind the score: the task, what happened, the points the rule
/// gives, and the exemption that waives it, if any (then it counts 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub task: Id,
    pub kind: FactKind,
    pub points: f64,
    pub exempted_by: Option<Id>,
}

impl Fact {
    /// What the fact adds to the score.
    pub fn counted(&self) -> f64 {
        if self.exempted_by.is_some() {
            0.0
        } else {
            self.points
        }
    }
}

/// A unit's appraisal for a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Appraisal {
    pub unit: Id,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub base: f64,
    pub facts: Vec<Fact>,
}

impl Appraisal {
    pub fn score(&self) -> f64 {
        self.base + self.facts.iter().map(Fact::counted).sum::<f64>()
    }
}

/// What the exemption form sends.
#[derive(Clone, Debug, PartialEq)]
pub struct ExemptionDraft {
    pub unit: Id,
    pub task: Option<Id>,
    pub milestone: Option<Id>,
    /// Only the missed week starting this Monday.
    pub week: Option<NaiveDate>,
    /// Only the late plan.
    pub plan: bool,
    pub reason: super::Text,
    pub approved_by: Option<Id>,
    pub approved_on: NaiveDate,
}

impl Plan {
    /// Record an approved exemption (容错纠错). It needs a reason and the
    /// person who approved it; it is never removed, only added.
    pub fn add_exemption(&mut self, d: ExemptionDraft, stamp: super::Stamp) -> Result<Id, super::edit::EditError> {
        use super::validate::{Invalid, RefField, Subject};
        let at = Subject::Record("exemption");
        let mut bad = Vec::new();
        if d.reason.is_blank() {
            bad.push(Invalid::Blank(at.clone()));
        }
        let approved_by = match d.approved_by.filter(|p| self.person(*p).is_some()) {
            Some(p) => p,
            None => {
                bad.push(Invalid::UnknownRef { at: at.clone(), field: RefField::Attendee, id: d.approved_by.unwrap_or_default() });
                Id::default()
            }
        };
        if !bad.is_empty() {
            return Err(super::edit::EditError::Invalid(bad));
        }
        let id = Id::new();
        self.exemptions.push(super::Exemption {
            id,
            unit: d.unit,
            task: d.task,
            milestone: d.milestone,
            week: d.week,
            plan: d.plan,
            reason: d.reason,
            approved_by,
            approved_on: d.approved_on,
            meta: super::Meta::created(stamp),
        });
        Ok(id)
    }
}

/// The Monday of `d`'s week.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

impl Plan {
    /// The tasks a unit answers for in the appraisal: those it is a
    /// responsible unit of.
    fn appraised_tasks(&self, unit: Id) -> Vec<&Task> {
        live(&self.tasks).filter(|t| t.responsible.contains(&unit)).collect()
    }

    /// `unit`'s appraisal for the days `from..=to`, with facts known on `today`
    /// (nothing after `today` counts yet).
    pub fn appraise(&self, unit: Id, from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Appraisal {
        let rules = &self.settings.scoring;
        let end = to.min(today);
        let by_task = self.reports_by_task(end);
        let mut facts = Vec::new();
        for t in self.appraised_tasks(unit) {
            let k = super::light::known(&by_task, t.id, end);
            // Milestones due in the period.
            for m in live(&t.milestones) {
                // An approved extension moved `m.due`; the office's setting
                // says whether the appraisal judges by it or by the original.
                let due = self.appraised_due(t.id, Some(m.id), m.due);
                let Some(due) = due.filter(|d| (from..=end).contains(d)) else { continue };
                let kind = match k.milestone_done_on(m) {
                    Some(done) if done <= due => FactKind::MilestoneOnTime { milestone: m.id, due, done },
                    done => FactKind::MilestoneOverdue { milestone: m.id, due, done },
                };
                let points = if kind.is_miss() { rules.milestone_overdue } else { rules.milestone_on_time };
                facts.push(Fact { task: t.id, kind, points, exempted_by: None });
            }
            // The plan, when its due date falls in the period.
            let due = self.plan_due();
            if (from..=end).contains(&due) && t.plan_submitted_on.is_none_or(|s| s > due) {
                let submitted = t.plan_submitted_on.filter(|s| *s <= end);
                facts.push(Fact { task: t.id, kind: FactKind::LatePlan { due, submitted }, points: rules.late_plan, exempted_by: None });
            }
            // Weekly reports: each whole week of the period in which the
            // task had started and was not yet done.
            let start = self.task_start(t).max(from);
            let done = k.task_done_on(t);
            let mut week = week_start(start);
            while week + Duration::days(6) <= end {
                let week_end = week + Duration::days(6);
                let running = self.task_start(t) <= week && done.is_none_or(|d| d >= week);
                let reported = k.reports.iter().any(|r| r.unit == unit && (week..=week_end).contains(&r.date));
                if running && week >= from && !reported {
                    facts.push(Fact { task: t.id, kind: FactKind::MissedWeek { week }, points: rules.missed_week, exempted_by: None });
                }
                week += Duration::days(7);
            }
            // Targets met by the end of the period.
            for x in live(&t.targets) {
                if let Some(value) = k.target_current(x.id).filter(|v| x.reached(*v)) {
                    facts.push(Fact {
                        task: t.id,
                        kind: FactKind::TargetMet { target: x.id, value },
                        points: rules.target_met,
                        exempted_by: None,
                    });
                }
            }
        }
        // Approved exemptions waive the misses they name.
        for f in facts.iter_mut().filter(|f| f.kind.is_miss()) {
            f.exempted_by = live(&self.exemptions)
                .find(|e| e.unit == unit && e.approved_on <= today && e.task.is_none_or(|t| t == f.task) && f.kind.waived_by(e))
                .map(|e| e.id);
        }
        Appraisal { unit, from, to, base: rules.base, facts }
    }
}
