//! The plan's own settings (its head): title, year, issuing unit, kick-off
//! and the plan-submission window. Set by the supervision office on
//! Settings, and asked for first when a blank plan is started; the
//! plan-submission due date of every task, the appraisal's and the
//! timeline's default periods and the file names follow them.
//!
//! The rule for the kick-off: it falls in the plan's year, or in the
//! December before it (an office often launches next year's table at its
//! December work conference). Anything earlier or later is refused, here
//! and when a plan is validated (`Plan::validate`), so an exported plan is
//! always importable.

use super::edit::EditError;
use super::validate::{Invalid, RefField, Subject};
use super::{Id, Plan, Stamp, Text};
use chrono::{Datelike, NaiveDate};
use std::ops::RangeInclusive;

/// The years a plan may be for.
pub const YEARS: RangeInclusive<i32> = 2000..=2100;

/// The longest plan-submission window, in days after the kick-off.
pub const MAX_PLAN_DUE_DAYS: u32 = 366;

/// What the plan-details form edits.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanHead {
    pub title: Text,
    pub year: i32,
    pub kickoff: NaiveDate,
    pub issuing_unit: Option<Id>,
    /// The plan (施工图) of every task is due this many days after kick-off.
    pub plan_due_days: u32,
}

/// Whether a kick-off on `kickoff` fits a plan for `year`: in the year, or
/// in the December before it.
pub fn kickoff_fits(year: i32, kickoff: NaiveDate) -> bool {
    kickoff.year() == year || (kickoff.year() == year - 1 && kickoff.month() == 12)
}

impl Plan {
    /// The plan's head as the form shows it.
    pub fn head(&self) -> PlanHead {
        PlanHead {
            title: self.title.clone(),
            year: self.year,
            kickoff: self.kickoff,
            issuing_unit: self.issuing_unit,
            plan_due_days: self.settings.plan_due_days,
        }
    }

    /// The problems of a head: a title blank in both languages, a year
    /// outside [`YEARS`], a kick-off that does not fit the year, a window
    /// over [`MAX_PLAN_DUE_DAYS`], an issuing unit that is not in the plan.
    pub fn check_head(&self, d: &PlanHead) -> Vec<Invalid> {
        let mut out = Vec::new();
        if d.title.is_blank() {
            out.push(Invalid::Blank(Subject::Plan));
        }
        if !YEARS.contains(&d.year) {
            out.push(Invalid::YearOutOfRange(d.year));
        } else if !kickoff_fits(d.year, d.kickoff) {
            out.push(Invalid::KickoffOutsideYear(Subject::Plan, d.kickoff, d.year));
        }
        if d.plan_due_days > MAX_PLAN_DUE_DAYS {
            out.push(Invalid::PlanDueDaysOutOfRange(d.plan_due_days));
        }
        if let Some(id) = d.issuing_unit.filter(|id| self.unit(*id).is_none()) {
            out.push(Invalid::UnknownRef { at: Subject::Plan, field: RefField::IssuingUnit, id });
        }
        out
    }

    /// Set the plan's head; stamps the plan when anything changed. Titles
    /// are kept trimmed. Refused, changing nothing, when `check_head` finds
    /// a problem.
    pub fn update_head(&mut self, d: PlanHead, stamp: Stamp) -> Result<(), EditError> {
        let d = PlanHead { title: trimmed(&d.title), ..d };
        let problems = self.check_head(&d);
        if !problems.is_empty() {
            return Err(EditError::Invalid(problems));
        }
        if self.head() != d {
            self.keep_head();
            (self.title, self.year, self.kickoff, self.issuing_unit) = (d.title, d.year, d.kickoff, d.issuing_unit);
            self.settings.plan_due_days = d.plan_due_days;
            self.meta.touch(stamp);
        }
        Ok(())
    }

    /// A new, empty plan with the head the person gave (its issuing unit
    /// is chosen later, once there are units). Refused like `update_head`.
    pub fn start(d: PlanHead, stamp: Stamp) -> Result<Plan, EditError> {
        let mut plan = Plan::blank(trimmed(&d.title), d.year, d.kickoff, stamp);
        let d = PlanHead { issuing_unit: None, ..d };
        let problems = plan.check_head(&d);
        if !problems.is_empty() {
            return Err(EditError::Invalid(problems));
        }
        plan.settings.plan_due_days = d.plan_due_days;
        Ok(plan)
    }

    /// The first and last day of the plan's year.
    pub fn year_span(&self) -> (NaiveDate, NaiveDate) {
        let first = NaiveDate::from_ymd_opt(self.year, 1, 1).unwrap_or(self.kickoff);
        let last = NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(self.kickoff);
        (first, last)
    }

    /// The appraisal's default period: the plan's year, from its kick-off
    /// when that is in the December before.
    pub fn appraisal_period(&self) -> (NaiveDate, NaiveDate) {
        let (first, last) = self.year_span();
        (first.min(self.kickoff), last)
    }

    /// The day the timeline opens on: `today` when it is in the plan's
    /// year; before the year, its kick-off (or 1 January when the kick-off
    /// is in the December before); after it, 31 December.
    pub fn timeline_anchor(&self, today: NaiveDate) -> NaiveDate {
        let (first, last) = self.year_span();
        if today < first {
            self.kickoff.max(first)
        } else if today > last {
            last
        } else {
            today
        }
    }
}

fn trimmed(t: &Text) -> Text {
    Text::new(t.zh.trim(), t.en.trim())
}
