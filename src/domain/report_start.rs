//! Lighter reporting (减负): a unit's next report starts from what it said
//! last, and "no change this week" (本周无变化) is one click that counts as
//! the week's report.

use super::edit::EditError;
use super::plan::live;
use super::validate::{Invalid, Subject};
use super::{Id, Plan, Report, Stamp};
use chrono::NaiveDate;

/// Where a unit's next report on a task starts: what it said last, so
/// only what changed is typed (减负).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportStart {
    pub progress: Option<f64>,
    /// The last reading of each target.
    pub readings: Vec<super::Reading>,
    /// Problems the unit raised on the task that are still open: they stay
    /// on record and need not be raised again.
    pub open_problems: Vec<Id>,
}

impl Plan {
    /// What `unit` last said about `task` on or before `until`.
    pub fn report_start(&self, task: Id, unit: Id, until: NaiveDate) -> ReportStart {
        let mine: Vec<&Report> = self.reports_of(task, until).into_iter().filter(|r| r.unit == unit).collect();
        let progress = mine.iter().rev().find_map(|r| r.progress);
        let mut readings: Vec<super::Reading> = Vec::new();
        for r in mine.iter().rev() {
            for x in r.readings.iter().rev() {
                if !readings.iter().any(|y| y.target == x.target) {
                    readings.push(x.clone());
                }
            }
        }
        let live_targets: Vec<Id> = self.task(task).map(|t| live(&t.targets).map(|x| x.id).collect()).unwrap_or_default();
        readings.retain(|x| live_targets.contains(&x.target));
        let open_problems = live(&self.problems)
            .filter(|p| p.task == task && p.raised_by == unit && p.raised_on <= until && p.resolved_on.is_none())
            .map(|p| p.id)
            .collect();
        ReportStart { progress, readings, open_problems }
    }

    /// "No change this week": a report that says the unit's last progress
    /// and readings still stand. It counts as the week's report.
    pub fn record_no_change(&mut self, task: Id, unit: Id, date: NaiveDate, stamp: Stamp) -> Result<Id, EditError> {
        let t = self.task(task).ok_or(EditError::NotFound)?;
        if !t.involves(unit) {
            let at = Subject::Report { task: self.task_number(task).unwrap_or_default(), date };
            let name = self.unit(unit).map(|u| u.name.get(super::Lang::En).to_string()).unwrap_or_default();
            return Err(EditError::Invalid(vec![Invalid::NotInvolved { at, unit: name }]));
        }
        let start = self.report_start(task, unit, date);
        let r = Report { unchanged: true, progress: start.progress, readings: start.readings, ..Report::blank(task, unit, date, stamp) };
        let id = r.id;
        self.reports.push(r);
        Ok(id)
    }
}
