//! Corrections without losing anything: a report corrected or withdrawn by
//! a later record that supersedes it (both stay, only the later counts), a
//! milestone's title and dates edited (the trail keeps the old ones), a
//! milestone completed on the day it was really done, a target edited or
//! deleted (as a tombstone).

use super::edit::{blank, find_live, EditError};
use super::task_edit::{ReportDraft, TargetDraft};
use super::validate::{Invalid, Subject};
use super::{Id, Meta, Plan, Report, Stamp, Text};
use chrono::NaiveDate;

/// What the milestone form edits.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneDraft {
    pub title: Text,
    pub due: Option<NaiveDate>,
    /// The day it was really done; `None` while it is not.
    pub done_on: Option<NaiveDate>,
}

impl Plan {
    /// The report `id` as it may still be corrected: live, standing (not
    /// already corrected or withdrawn), not itself a withdrawal.
    fn correctable(&self, id: Id) -> Result<&Report, EditError> {
        let r = self.reports.iter().find(|r| r.id == id && !r.meta.deleted).ok_or(EditError::NotFound)?;
        if r.withdrawn || self.superseded_by(id).is_some() {
            return Err(EditError::NotFound);
        }
        Ok(r)
    }

    /// Record `d` as the correction of report `old`: a new report of the
    /// same unit and task that supersedes it. The old one stays on record.
    pub fn correct_report(&mut self, old: Id, mut d: ReportDraft, stamp: Stamp) -> Result<Id, EditError> {
        let was = self.correctable(old)?;
        (d.task, d.unit) = (was.task, was.unit);
        // The correction is checked as if the report it replaces were not
        // there: a lower figure asks why only against the report before it.
        let set_aside = |p: &mut Plan, deleted: bool| {
            if let Some(r) = p.reports.iter_mut().find(|r| r.id == old) {
                r.meta.deleted = deleted;
            }
        };
        set_aside(self, true);
        let recorded = self.record_report(d, stamp);
        set_aside(self, false);
        let id = recorded?;
        if let Some(r) = self.reports.iter_mut().find(|r| r.id == id) {
            r.supersedes = Some(old);
        }
        Ok(id)
    }

    /// Withdraw report `old` on `on`: a record that supersedes it and says
    /// nothing itself, so the report no longer counts but stays on record.
    pub fn withdraw_report(&mut self, old: Id, on: NaiveDate, stamp: Stamp) -> Result<Id, EditError> {
        let was = self.correctable(old)?.clone();
        let id = Id::new();
        self.reports.push(Report {
            id,
            date: on.max(was.date),
            narrative: String::new(),
            progress: None,
            milestones_done: vec![],
            readings: vec![],
            help_requested: String::new(),
            progress_reason: String::new(),
            supersedes: Some(old),
            withdrawn: true,
            extension: None,
            closure: None,
            answers: vec![],
            unchanged: false,
            meta: Meta::created(stamp),
            ..was
        });
        Ok(id)
    }

    /// Change a milestone's title, due date and the day it was done.
    pub fn update_milestone(&mut self, task: Id, milestone: Id, d: MilestoneDraft, stamp: Stamp) -> Result<(), EditError> {
        if d.title.is_blank() {
            return Err(blank("milestone"));
        }
        let number = self.task_number(task).unwrap_or_default();
        self.keep::<super::Task>(task);
        let t = find_live(&mut self.tasks, task)?;
        if let (Some(due), Some(task_due)) = (d.due, t.due) {
            if due > task_due {
                let at = Subject::Milestone { task: number, title: d.title };
                return Err(EditError::Invalid(vec![Invalid::AfterTaskDue { at, due, task_due }]));
            }
        }
        let m = find_live(&mut t.milestones, milestone)?;
        if (&m.title, m.due, m.done_on) != (&d.title, d.due, d.done_on) {
            (m.title, m.due, m.done_on) = (d.title, d.due, d.done_on);
            m.meta.touch(stamp);
        }
        Ok(())
    }

    /// Change a target's name, measure, baseline, value and direction.
    pub fn update_target(&mut self, task: Id, target: Id, d: TargetDraft, stamp: Stamp) -> Result<(), EditError> {
        self.keep::<super::Task>(task);
        let t = find_live(&mut self.tasks, task)?;
        let x = find_live(&mut t.targets, target)?;
        let before = x.clone();
        (x.name, x.measure, x.baseline, x.target, x.direction) = (d.name, d.measure, d.baseline, d.target, d.direction);
        if *x == before {
            return Ok(());
        }
        x.meta.touch(stamp);
        let problems = self.target_problems(task)?;
        if !problems.is_empty() {
            if let Some(x) = find_live(&mut self.tasks, task)?.targets.iter_mut().find(|x| x.id == target) {
                *x = before;
            }
            return Err(EditError::Invalid(problems));
        }
        Ok(())
    }

    /// Tombstone a target; the readings reported of it stay in their reports.
    pub fn delete_target(&mut self, task: Id, target: Id, stamp: Stamp) -> Result<(), EditError> {
        let t = self.live_mut::<super::Task>(task)?;
        let x = find_live(&mut t.targets, target)?;
        x.meta.deleted = true;
        x.meta.touch(stamp);
        Ok(())
    }
}
