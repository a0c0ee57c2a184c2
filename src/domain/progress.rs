//! Progress, derived from the plan and never stored: when a milestone was
//! done, a target's current value and progress, a task's overall progress.
//! Every figure is "as known on `until`": reports dated later do not count,
//! so the plan can be looked at as of an earlier day (a hearing, a test).
//!
//! The figures read one task's reports through [`Known`]. Grouping the
//! reports by task once ([`Plan::reports_by_task`]) and handing each task
//! its own slice keeps a board of a thousand tasks and twenty thousand
//! reports linear, instead of scanning every report for every question.

use super::plan::live;
use super::{Direction, Id, Milestone, Plan, Report, Target, Task};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One task's reports dated on or before `until`, oldest first.
#[derive(Clone, Copy, Debug)]
pub struct Known<'a> {
    pub reports: &'a [&'a Report],
    pub until: NaiveDate,
}

impl Known<'_> {
    /// When a milestone was done: its own date, or the first report that
    /// completes it, whichever is earlier. Reports are the evidence, so a
    /// merged-in report completes the milestone without touching the task.
    pub fn milestone_done_on(&self, m: &Milestone) -> Option<NaiveDate> {
        let by_report = self.reports.iter().find(|r| r.milestones_done.contains(&m.id)).map(|r| r.date);
        let own = m.done_on.filter(|d| *d <= self.until);
        match (own, by_report) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The latest reading of a target, if any (the last report by date).
    pub fn target_current(&self, target: Id) -> Option<f64> {
        latest_reading(self.reports, target)
    }

    /// The progress the task reported last, in percent.
    pub fn reported_progress(&self) -> Option<f64> {
        self.reports.iter().rev().find_map(|r| r.progress)
    }

    /// The date of the last report.
    pub fn last_report(&self) -> Option<NaiveDate> {
        self.reports.last().map(|r| r.date)
    }

    /// The task's progress, 0..=100: the last reported figure; else the
    /// share of milestone weight done; else the mean progress of its targets.
    pub fn task_progress(&self, t: &Task) -> Option<f64> {
        if let Some(p) = self.reported_progress() {
            return Some(p.clamp(0.0, 100.0));
        }
        let ms: Vec<&Milestone> = live(&t.milestones).collect();
        let total: f64 = ms.iter().map(|m| m.weight).sum();
        if total > 0.0 {
            let done: f64 = ms.iter().filter(|m| self.milestone_done_on(m).is_some()).map(|m| m.weight).sum();
            return Some(100.0 * done / total);
        }
        let ps: Vec<f64> = live(&t.targets).filter_map(|x| self.target_current(x.id).map(|c| x.progress(c))).collect();
        (!ps.is_empty()).then(|| 100.0 * ps.iter().sum::<f64>() / ps.len() as f64)
    }

    /// The progress the board counts for a task, 0..=100: all of it once
    /// the task is done (its light is Done), else [`Known::task_progress`],
    /// else nothing.
    pub fn counted_progress(&self, t: &Task, done: bool) -> f64 {
        if done {
            100.0
        } else {
            self.task_progress(t).unwrap_or(0.0)
        }
    }

    /// The day the task was done, if it is: the first report saying 100 %,
    /// the day its last milestone was done, or (with no milestones) the
    /// first report on which every target stood reached. A unit's own
    /// figure wins: a task whose last reported progress is under 100 % is
    /// not done, whatever its milestones say.
    pub fn task_done_on(&self, t: &Task) -> Option<NaiveDate> {
        // Closed by the office on the unit's application: done on the day it gave.
        if let Some(on) = t.closed_on.filter(|d| *d <= self.until) {
            return Some(on);
        }
        if self.reported_progress().is_some_and(|p| p < 100.0) {
            return None;
        }
        let full = self.reports.iter().find(|r| r.progress.is_some_and(|p| p >= 100.0)).map(|r| r.date);
        let ms: Vec<&Milestone> = live(&t.milestones).collect();
        let by_milestones = if ms.is_empty() {
            None
        } else {
            ms.iter().map(|m| self.milestone_done_on(m)).collect::<Option<Vec<_>>>().and_then(|d| d.into_iter().max())
        };
        let targets: Vec<&Target> = live(&t.targets).collect();
        let by_targets = if !ms.is_empty() || targets.is_empty() {
            None
        } else {
            (0..self.reports.len()).find_map(|i| {
                let so_far = &self.reports[..=i];
                let all = targets.iter().all(|x| latest_reading(so_far, x.id).is_some_and(|c| x.reached(c)));
                all.then(|| self.reports[i].date)
            })
        };
        [full, by_milestones, by_targets].into_iter().flatten().min()
    }
}

impl Plan {
    /// The reports that count: live, not withdrawn, and not corrected by a
    /// later live report. A correction or a withdrawal keeps the report it
    /// supersedes on record; only what stands is counted.
    pub fn standing_reports(&self) -> impl Iterator<Item = &Report> {
        let superseded: std::collections::HashSet<Id> = live(&self.reports).filter_map(|r| r.supersedes).collect();
        live(&self.reports).filter(move |r| !r.withdrawn && !superseded.contains(&r.id))
    }

    /// The report that corrects or withdraws `report`, if one does.
    pub fn superseded_by(&self, report: Id) -> Option<&Report> {
        live(&self.reports).find(|r| r.supersedes == Some(report))
    }

    /// Standing reports of a task dated on or before `until`, oldest first
    /// (by date, then as recorded).
    pub fn reports_of(&self, task: Id, until: NaiveDate) -> Vec<&Report> {
        let mut v: Vec<&Report> = self.standing_reports().filter(|r| r.task == task && r.date <= until).collect();
        super::numbers::sort_by(&mut v, |r| r.date);
        v
    }

    /// Every task's standing reports dated on or before `until`, oldest
    /// first, grouped in one pass.
    pub fn reports_by_task(&self, until: NaiveDate) -> HashMap<Id, Vec<&Report>> {
        let mut by: HashMap<Id, Vec<&Report>> = HashMap::new();
        for r in self.standing_reports().filter(|r| r.date <= until) {
            by.entry(r.task).or_default().push(r);
        }
        for v in by.values_mut() {
            super::numbers::sort_by(v, |r| r.date);
        }
        by
    }

    pub fn milestone_done_on(&self, task: &Task, m: &Milestone, until: NaiveDate) -> Option<NaiveDate> {
        Known { reports: &self.reports_of(task.id, until), until }.milestone_done_on(m)
    }

    pub fn target_current(&self, task: Id, target: Id, until: NaiveDate) -> Option<f64> {
        Known { reports: &self.reports_of(task, until), until }.target_current(target)
    }

    /// A target's progress, 0..=1, from its latest reading.
    pub fn target_progress(&self, task: Id, t: &Target, until: NaiveDate) -> Option<f64> {
        self.target_current(task, t.id, until).map(|current| t.progress(current))
    }

    pub fn reported_progress(&self, task: Id, until: NaiveDate) -> Option<f64> {
        Known { reports: &self.reports_of(task, until), until }.reported_progress()
    }

    pub fn task_progress(&self, t: &Task, until: NaiveDate) -> Option<f64> {
        Known { reports: &self.reports_of(t.id, until), until }.task_progress(t)
    }

    pub fn task_done(&self, t: &Task, until: NaiveDate) -> bool {
        self.task_done_on(t, until).is_some()
    }

    pub fn task_done_on(&self, t: &Task, until: NaiveDate) -> Option<NaiveDate> {
        Known { reports: &self.reports_of(t.id, until), until }.task_done_on(t)
    }
}

/// The last reading of `target` in `reports` (oldest first).
fn latest_reading(reports: &[&Report], target: Id) -> Option<f64> {
    reports.iter().rev().find_map(|r| r.readings.iter().rev().find(|x| x.target == target).map(|x| x.value))
}

impl Target {
    /// Progress toward the target, 0..=1: (current − baseline) / (target −
    /// baseline), which already points the right way when less is better
    /// (the target is below the baseline). Without a baseline, progress
    /// counts from zero when more is better, and is all-or-nothing when
    /// less is better.
    pub fn progress(&self, current: f64) -> f64 {
        let p = match (self.baseline, self.direction) {
            (Some(b), _) if self.target != b => (current - b) / (self.target - b),
            (Some(_), _) => f64::from(self.reached(current)),
            (None, Direction::AtLeast) if self.target != 0.0 => current / self.target,
            (None, _) => f64::from(self.reached(current)),
        };
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// Whether `current` meets the target.
    pub fn reached(&self, current: f64) -> bool {
        match self.direction {
            Direction::AtLeast => current >= self.target,
            Direction::AtMost => current <= self.target,
        }
    }
}
