//! Commands on one task's sheet: its plan, schedule, targets, and the
//! append-only records — reports, problems, risks. A report is never edited:
//! a later report corrects it.

use super::edit::{blank, find_live, EditError};
use super::schedule::Inverted;
use super::validate::{Invalid, RefField, Subject};
use super::{
    Direction, Id, Lang, Meta, Milestone, Plan, Problem, Reading, Report, Risk, RiskCategory, RiskLevel, RiskStatus, Settings, Stamp,
    Target, Text,
};
use chrono::NaiveDate;

/// What the report form sends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportDraft {
    pub task: Id,
    pub unit: Id,
    pub date: NaiveDate,
    pub narrative: String,
    pub progress: Option<f64>,
    pub milestones_done: Vec<Id>,
    pub readings: Vec<Reading>,
    /// Problems raised, one per line; each becomes a problem record.
    pub problems: Vec<String>,
    pub help_requested: String,
    /// Why the progress is lower than the unit's last report; required then.
    pub progress_reason: String,
}

/// What the risk form sends.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskDraft {
    pub task: Id,
    pub description: String,
    pub level: RiskLevel,
    pub category: RiskCategory,
    pub mitigation: String,
    pub owner: Option<Id>,
}

/// What the target form sends.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetDraft {
    pub name: Text,
    pub measure: String,
    pub baseline: Option<f64>,
    pub target: f64,
    pub direction: Direction,
}

fn text_in(lang: Lang, s: &str) -> Text {
    match lang {
        Lang::Zh => Text::new(s, ""),
        Lang::En => Text::new("", s),
    }
}

impl Plan {
    fn task_mut(&mut self, id: Id) -> Result<&mut super::Task, EditError> {
        self.live_mut::<super::Task>(id)
    }

    /// The plan (施工图) and the day it was submitted.
    pub fn set_task_plan(&mut self, task: Id, plan: String, submitted_on: Option<NaiveDate>, stamp: Stamp) -> Result<(), EditError> {
        let t = self.task_mut(task)?;
        if t.plan != plan || t.plan_submitted_on != submitted_on {
            (t.plan, t.plan_submitted_on) = (plan, submitted_on);
            t.meta.touch(stamp);
        }
        Ok(())
    }

    pub fn add_milestone(&mut self, task: Id, title: Text, due: Option<NaiveDate>, stamp: Stamp) -> Result<Id, EditError> {
        if title.is_blank() {
            return Err(blank("milestone"));
        }
        let number = self.task_number(task).unwrap_or_default();
        let t = self.task_mut(task)?;
        if let (Some(due), Some(task_due)) = (due, t.due) {
            if due > task_due {
                let at = Subject::Milestone { task: number, title };
                return Err(EditError::Invalid(vec![Invalid::AfterTaskDue { at, due, task_due }]));
            }
        }
        let id = Id::new();
        t.milestones.push(Milestone { id, title, due, done_on: None, weight: 1.0, meta: Meta::created(stamp) });
        t.meta.touch(stamp);
        Ok(id)
    }

    /// Tombstones a milestone (reports that completed it keep saying so).
    pub fn delete_milestone(&mut self, task: Id, milestone: Id, stamp: Stamp) -> Result<(), EditError> {
        let t = self.task_mut(task)?;
        let m = find_live(&mut t.milestones, milestone)?;
        m.meta.deleted = true;
        m.meta.touch(stamp);
        t.meta.touch(stamp);
        Ok(())
    }

    /// Accept an inverted schedule: each step becomes a milestone due on its
    /// due date, titled in the language it was typed in.
    pub fn accept_schedule(&mut self, task: Id, inv: &Inverted, lang: Lang, stamp: Stamp) -> Result<Vec<Id>, EditError> {
        if inv.steps.iter().any(|p| p.title.trim().is_empty()) {
            return Err(blank("milestone"));
        }
        let number = self.task_number(task).unwrap_or_default();
        let t = self.task_mut(task)?;
        if let Some(task_due) = t.due {
            let late: Vec<Invalid> = inv
                .steps
                .iter()
                .filter(|p| p.due > task_due)
                .map(|p| Invalid::AfterTaskDue {
                    at: Subject::Milestone { task: number.clone(), title: text_in(lang, p.title.trim()) },
                    due: p.due,
                    task_due,
                })
                .collect();
            if !late.is_empty() {
                return Err(EditError::Invalid(late));
            }
        }
        let ids: Vec<Id> = inv.steps.iter().map(|_| Id::new()).collect();
        for (p, id) in inv.steps.iter().zip(&ids) {
            let title = text_in(lang, p.title.trim());
            t.milestones.push(Milestone { id: *id, title, due: Some(p.due), done_on: None, weight: 1.0, meta: Meta::created(stamp) });
        }
        t.meta.touch(stamp);
        Ok(ids)
    }

    pub fn add_target(&mut self, task: Id, d: TargetDraft, stamp: Stamp) -> Result<Id, EditError> {
        let id = Id::new();
        let x = Target {
            id,
            name: d.name,
            measure: d.measure,
            baseline: d.baseline,
            target: d.target,
            direction: d.direction,
            added_by: stamp.by,
            meta: Meta::created(stamp),
        };
        let t = self.task_mut(task)?;
        t.targets.push(x);
        let problems = self.target_problems(task)?;
        if !problems.is_empty() {
            self.task_mut(task)?.targets.pop();
            return Err(EditError::Invalid(problems));
        }
        self.task_mut(task)?.meta.touch(stamp);
        Ok(id)
    }

    /// What is wrong with a task's targets (a blank name, a value that is
    /// not a number, a target equal to its baseline): the one check adding
    /// and correcting a target both make.
    pub(crate) fn target_problems(&self, task: Id) -> Result<Vec<Invalid>, EditError> {
        let t = self.task(task).ok_or(EditError::NotFound)?;
        Ok(self
            .check_task(t)
            .into_iter()
            .filter(|i| {
                matches!(i, Invalid::Blank(Subject::Target { .. }) | Invalid::NotFinite { .. } | Invalid::TargetEqualsBaseline { .. })
            })
            .collect())
    }

    /// Append a progress report from the responsible unit or a co-organizer.
    pub fn record_report(&mut self, d: ReportDraft, stamp: Stamp) -> Result<Id, EditError> {
        let t = self.task(d.task).ok_or(EditError::NotFound)?;
        let at = Subject::Report { task: self.task_number(d.task).unwrap_or_default(), date: d.date };
        let mut bad = Vec::new();
        match self.unit(d.unit) {
            None => bad.push(Invalid::UnknownRef { at: at.clone(), field: RefField::Unit, id: d.unit }),
            Some(u) if !t.involves(d.unit) => bad.push(Invalid::NotInvolved { at: at.clone(), unit: u.name.get(Lang::En).into() }),
            Some(_) => {}
        }
        if let Some(p) = d.progress {
            if !(0.0..=100.0).contains(&p) {
                bad.push(Invalid::ProgressOutOfRange { at: at.clone(), value: p });
            }
        }
        for m in d.milestones_done.iter().filter(|m| !t.milestones.iter().any(|x| x.id == **m && !x.meta.deleted)) {
            bad.push(Invalid::UnknownRef { at: at.clone(), field: RefField::Milestone, id: *m });
        }
        for r in &d.readings {
            if !t.targets.iter().any(|x| x.id == r.target && !x.meta.deleted) {
                bad.push(Invalid::UnknownRef { at: at.clone(), field: RefField::Target, id: r.target });
            } else if !r.value.is_finite() {
                bad.push(Invalid::NotFinite { at: at.clone(), what: "a reading" });
            }
        }
        if bad.is_empty() {
            bad = self.check_report_input(&d, &at);
        }
        if !bad.is_empty() {
            return Err(EditError::Invalid(bad));
        }
        let id = Id::new();
        for text in d.problems.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            self.problems.push(Problem {
                id: Id::new(),
                task: d.task,
                raised_by: d.unit,
                raised_on: d.date,
                description: text.into(),
                raised_in: Some(id),
                assigned_to: None,
                resolved_on: None,
                resolution: String::new(),
                meta: Meta::created(stamp),
            });
        }
        self.reports.push(Report {
            id,
            narrative: d.narrative,
            progress: d.progress,
            milestones_done: d.milestones_done,
            readings: d.readings,
            help_requested: d.help_requested,
            progress_reason: d.progress_reason.trim().into(),
            ..Report::blank(d.task, d.unit, d.date, stamp)
        });
        Ok(id)
    }

    /// Close a problem with its resolution; the problem stays on record.
    pub fn resolve_problem(&mut self, id: Id, on: NaiveDate, resolution: String, stamp: Stamp) -> Result<(), EditError> {
        let p = self.live_mut::<super::Problem>(id)?;
        (p.resolved_on, p.resolution) = (Some(on), resolution);
        p.meta.touch(stamp);
        Ok(())
    }

    /// Ask a district leader to coordinate an open problem (需区领导协调),
    /// or (`None`) take the request back. Only a district leader can be
    /// asked; the problem stays on record either way.
    pub fn ask_leader(&mut self, id: Id, leader: Option<Id>, stamp: Stamp) -> Result<(), EditError> {
        if leader.is_some_and(|l| !self.district_leaders().contains(&l)) {
            return Err(EditError::NotFound);
        }
        let p = self.live_mut::<super::Problem>(id)?;
        if p.resolved_on.is_some() {
            return Err(EditError::NotFound);
        }
        p.assigned_to = leader;
        p.meta.touch(stamp);
        Ok(())
    }

    pub fn add_risk(&mut self, d: RiskDraft, stamp: Stamp) -> Result<Id, EditError> {
        if d.description.trim().is_empty() {
            return Err(blank("risk"));
        }
        self.task(d.task).ok_or(EditError::NotFound)?;
        let id = Id::new();
        self.risks.push(Risk {
            id,
            task: d.task,
            description: d.description.trim().into(),
            level: d.level,
            category: d.category,
            mitigation: d.mitigation,
            owner: d.owner,
            status: RiskStatus::Open,
            meta: Meta::created(stamp),
        });
        Ok(id)
    }

    /// A risk moves through open → mitigating → closed; it is never removed.
    pub fn set_risk_status(&mut self, id: Id, status: RiskStatus, stamp: Stamp) -> Result<(), EditError> {
        let r = self.live_mut::<super::Risk>(id)?;
        if r.status != status {
            r.status = status;
            r.meta.touch(stamp);
        }
        Ok(())
    }

    pub fn update_settings(&mut self, s: Settings, stamp: Stamp) -> Result<(), EditError> {
        if self.settings != s {
            self.keep_head();
            self.settings = s;
            self.meta.touch(stamp);
        }
        Ok(())
    }
}
