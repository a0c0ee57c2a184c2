//! The supervision office's workflows on a task: deadline extensions
//! (延期申请), closure review (办结销号) and leaders' instructions (领导批示).
//!
//! A unit asks in its report — a new date with a reason, or to close the
//! task with what was done — and answers an instruction there too; the
//! office rules on each request once, with a [`Ruling`] that is never edited
//! or removed. An approved extension moves the deadline (the office owns
//! it) and the request keeps the date it replaced, so the original stays
//! shown beside the new one; an accepted closure closes the task on the day
//! the unit gave. Instructions are the office's records; what counts as
//! open is derived from the answers, never stored.

use super::edit::{find_live, EditError};
use super::plan::live;
use super::validate::{Invalid, Subject};
use super::{Id, Meta, Plan, Report, Stamp, Task};
use crate::impl_record;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A new deadline asked for, for the task or one of its milestones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ExtensionAsk {
    /// The milestone whose date moves; none: the task's own deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<Id>,
    /// The deadline when the unit asked (the one it asks to move).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, with = "crate::domain::dates::opt_day")]
    pub from: Option<NaiveDate>,
    /// The date asked for.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub to: NaiveDate,
    pub reason: String,
}

/// A unit's application to close a finished task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ClosureAsk {
    /// The day the work was finished.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub done_on: NaiveDate,
    /// What was done, in a few lines. No attachment or screenshot is asked for.
    pub summary: String,
}

/// The office's decision on a request (an extension or a closure). One per
/// request; never edited or removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Ruling {
    pub id: Id,
    /// The report that carries the request.
    pub request: Id,
    pub task: Id,
    /// Approved (an extension) or accepted (a closure); else rejected or
    /// returned.
    pub approved: bool,
    #[serde(default)]
    pub reason: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub on: NaiveDate,
    #[serde(default)]
    pub meta: Meta,
}

impl_record!(Ruling);

/// What is wrong with a request, an answer, a ruling or an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestProblem {
    /// Only a responsible unit asks to move a deadline or close a task.
    NotResponsible,
    NoReason,
    NoSummary,
    NoText,
    /// The date asked for is not later than the deadline.
    NotLater,
    /// A milestone's new date would fall after its task's deadline.
    AfterTaskDue,
    /// The task is already done or closed.
    AlreadyClosed,
    /// A closure or an extension of the same deadline is already awaiting the office.
    AlreadyAsked,
    /// The request was already ruled on.
    AlreadyRuled,
    /// A rejection or a return needs a reason.
    RefusalNeedsReason,
    /// The leader named is not one of the district's leaders.
    NotALeader,
    /// The finishing day is after the day of the application.
    DoneInFuture,
}

/// The state of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Pending,
    Approved,
    Refused,
}

/// A request with the report that carries it and the office's ruling.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub report: &'a Report,
    pub ruling: Option<&'a Ruling>,
}

impl Request<'_> {
    pub fn decision(&self) -> Decision {
        match self.ruling {
            None => Decision::Pending,
            Some(r) if r.approved => Decision::Approved,
            Some(_) => Decision::Refused,
        }
    }

    /// An extension asked after the deadline it moves (allowed, but marked).
    pub fn late(&self) -> bool {
        self.report.extension.as_ref().and_then(|x| x.from).is_some_and(|from| self.report.date > from)
    }
}

/// What the extension form sends.
#[derive(Clone, Debug, PartialEq)]
pub struct ExtensionDraft {
    pub task: Id,
    pub unit: Id,
    /// The day of the request.
    pub date: NaiveDate,
    pub milestone: Option<Id>,
    pub to: Option<NaiveDate>,
    pub reason: String,
}

/// What the closure form sends.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosureDraft {
    pub task: Id,
    pub unit: Id,
    pub date: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub summary: String,
}

impl Task {
    /// Whether `unit` may ask to move this task's deadlines or to close it:
    /// one of its responsible units (a co-organizer reports, but does not).
    pub fn may_ask(&self, unit: Id) -> bool {
        self.responsible.contains(&unit)
    }
}

pub(super) fn invalid(at: Subject, problem: RequestProblem) -> EditError {
    EditError::Invalid(vec![Invalid::Request { at, problem }])
}

impl Plan {
    /// Every request (extensions and closures) in standing reports, oldest first.
    pub fn requests(&self) -> Vec<Request<'_>> {
        let rulings: HashMap<Id, &Ruling> = live(&self.rulings).map(|r| (r.request, r)).collect();
        let mut out: Vec<Request> = self
            .standing_reports()
            .filter(|r| r.extension.is_some() || r.closure.is_some())
            .map(|r| Request { report: r, ruling: rulings.get(&r.id).copied() })
            .collect();
        super::numbers::sort_by(&mut out, |q| q.report.date);
        out
    }

    /// The requests on one task, oldest first.
    pub fn requests_of(&self, task: Id) -> Vec<Request<'_>> {
        self.requests().into_iter().filter(|q| q.report.task == task).collect()
    }

    /// The ruling on request `report`, if the office has made one.
    pub fn ruling_on(&self, report: Id) -> Option<&Ruling> {
        live(&self.rulings).find(|r| r.request == report)
    }

    /// The closure awaiting the office's review among one task's reports
    /// (oldest first), if any: the latest application with no ruling.
    pub fn pending_closure<'a>(&self, t: &Task, reports: &[&'a Report]) -> Option<&'a Report> {
        if t.closed_on.is_some() {
            return None;
        }
        let r = reports.iter().rev().find(|r| r.closure.is_some())?;
        self.ruling_on(r.id).is_none().then_some(*r)
    }

    /// How many times the office returned the task's closure.
    pub fn closure_returns(&self, task: Id) -> usize {
        self.requests_of(task).iter().filter(|q| q.report.closure.is_some() && q.decision() == Decision::Refused).count()
    }

    /// The deadline before approved extensions moved it, when they did
    /// (`milestone` none: the task's own deadline).
    pub fn original_due(&self, task: Id, milestone: Option<Id>) -> Option<NaiveDate> {
        self.requests_of(task)
            .into_iter()
            .filter(|q| q.decision() == Decision::Approved)
            .filter_map(|q| q.report.extension.as_ref())
            .find(|x| x.milestone == milestone)
            .and_then(|x| x.from)
    }

    /// The deadline the appraisal judges by: the approved one, or (when the
    /// office's setting says so) the one before any extension.
    pub fn appraised_due(&self, task: Id, milestone: Option<Id>, due: Option<NaiveDate>) -> Option<NaiveDate> {
        if self.settings.extension_keeps_original_due {
            self.original_due(task, milestone).or(due)
        } else {
            due
        }
    }

    fn asking_task(&self, task: Id, unit: Id, at: &Subject) -> Result<&Task, EditError> {
        let t = self.task(task).ok_or(EditError::NotFound)?;
        if !t.may_ask(unit) {
            return Err(invalid(at.clone(), RequestProblem::NotResponsible));
        }
        if t.closed_on.is_some() || self.task_done(t, NaiveDate::MAX) {
            return Err(invalid(at.clone(), RequestProblem::AlreadyClosed));
        }
        Ok(t)
    }

    pub(super) fn push_report(&mut self, task: Id, unit: Id, date: NaiveDate, stamp: Stamp, fill: impl FnOnce(&mut Report)) -> Id {
        let mut r = Report::blank(task, unit, date, stamp);
        fill(&mut r);
        let id = r.id;
        self.reports.push(r);
        id
    }

    /// A responsible unit asks for a new deadline for the task or one of its
    /// milestones, with a reason. Asked after the deadline, it is kept and
    /// marked late.
    pub fn ask_extension(&mut self, d: ExtensionDraft, stamp: Stamp) -> Result<Id, EditError> {
        let at = Subject::Report { task: self.task_number(d.task).unwrap_or_default(), date: d.date };
        let t = self.asking_task(d.task, d.unit, &at)?;
        let from = match d.milestone {
            Some(m) => live(&t.milestones).find(|x| x.id == m).ok_or(EditError::NotFound)?.due,
            None => t.due,
        };
        let Some(to) = d.to else { return Err(invalid(at, RequestProblem::NotLater)) };
        if d.reason.trim().is_empty() {
            return Err(invalid(at, RequestProblem::NoReason));
        }
        if from.is_some_and(|f| to <= f) {
            return Err(invalid(at, RequestProblem::NotLater));
        }
        if d.milestone.is_some() && t.due.is_some_and(|due| to > due) {
            return Err(invalid(at, RequestProblem::AfterTaskDue));
        }
        let pending = self
            .requests_of(d.task)
            .into_iter()
            .any(|q| q.decision() == Decision::Pending && q.report.extension.as_ref().is_some_and(|x| x.milestone == d.milestone));
        if pending {
            return Err(invalid(at, RequestProblem::AlreadyAsked));
        }
        let ask = super::requests::ExtensionAsk { milestone: d.milestone, from, to, reason: d.reason.trim().into() };
        Ok(self.push_report(d.task, d.unit, d.date, stamp, |r| r.extension = Some(ask)))
    }

    /// A responsible unit applies to close the task, with what was done;
    /// the task awaits the office's review.
    pub fn apply_closure(&mut self, d: ClosureDraft, stamp: Stamp) -> Result<Id, EditError> {
        let at = Subject::Report { task: self.task_number(d.task).unwrap_or_default(), date: d.date };
        let t = self.asking_task(d.task, d.unit, &at)?;
        if d.summary.trim().is_empty() {
            return Err(invalid(at, RequestProblem::NoSummary));
        }
        let done_on = d.done_on.unwrap_or(d.date);
        if done_on > d.date {
            return Err(invalid(at, RequestProblem::DoneInFuture));
        }
        if self.pending_closure(t, &self.reports_of(t.id, NaiveDate::MAX)).is_some() {
            return Err(invalid(at, RequestProblem::AlreadyAsked));
        }
        let ask = ClosureAsk { done_on, summary: d.summary.trim().into() };
        Ok(self.push_report(d.task, d.unit, d.date, stamp, |r| r.closure = Some(ask)))
    }

    /// The office rules on a request, once: an approved extension moves the
    /// deadline, an accepted closure closes the task on the day the unit
    /// gave. A rejection or a return says why.
    pub fn rule(&mut self, request: Id, approved: bool, reason: String, on: NaiveDate, stamp: Stamp) -> Result<Id, EditError> {
        let q = self.requests().into_iter().find(|q| q.report.id == request).ok_or(EditError::NotFound)?;
        let at = Subject::Report { task: self.task_number(q.report.task).unwrap_or_default(), date: q.report.date };
        if q.ruling.is_some() {
            return Err(invalid(at, RequestProblem::AlreadyRuled));
        }
        if !approved && reason.trim().is_empty() {
            return Err(invalid(at, RequestProblem::RefusalNeedsReason));
        }
        let (task, extension, closure) = (q.report.task, q.report.extension.clone(), q.report.closure.clone());
        if approved {
            let t = self.live_mut::<super::Task>(task)?;
            match (extension, closure) {
                (Some(x), _) => match x.milestone {
                    Some(m) => {
                        let m = find_live(&mut t.milestones, m)?;
                        m.due = Some(x.to);
                        m.meta.touch(stamp);
                    }
                    None => {
                        t.due = Some(x.to);
                        t.meta.touch(stamp);
                    }
                },
                (None, Some(c)) => {
                    t.closed_on = Some(c.done_on);
                    t.meta.touch(stamp);
                }
                (None, None) => return Err(EditError::NotFound),
            }
        }
        let id = Id::new();
        self.rulings.push(Ruling { id, request, task, approved, reason: reason.trim().into(), on, meta: Meta::created(stamp) });
        Ok(id)
    }
}

impl RequestProblem {
    /// What is wrong, as a form or an import message says it.
    pub fn words(self, lang: super::Lang) -> &'static str {
        use RequestProblem as P;
        let (zh, en) = match self {
            P::NotResponsible => ("只有该任务的责任单位可以申请延期或办结", "only a responsible unit of the task may ask for this"),
            P::NoReason => ("请填写申请延期的理由", "give the reason for the extension"),
            P::NoSummary => ("请简要说明完成情况", "say briefly what was done"),
            P::NoText => ("内容为空", "the text is empty"),
            P::NotLater => ("申请的新时限须晚于原时限", "the new date must be later than the deadline"),
            P::AfterTaskDue => (
                "节点的新时限不能晚于任务完成时限，请申请任务延期",
                "a milestone's new date cannot be after the task's deadline; ask to extend the task",
            ),
            P::AlreadyClosed => ("该任务已完成或已办结销号", "the task is already done or closed"),
            P::AlreadyAsked => ("已有同样的申请在等待督查室审核", "the same request is already awaiting the office"),
            P::AlreadyRuled => ("该申请已审核，审核结果不能更改", "the request has been ruled on; a ruling is not changed"),
            P::RefusalNeedsReason => ("不同意或退回时请写明理由", "give the reason for rejecting or returning it"),
            P::NotALeader => ("请选择作出批示的区领导", "choose the district leader who gave the instruction"),
            P::DoneInFuture => ("完成日期不能晚于申请日期", "the day it was finished cannot be after the day of the application"),
        };
        if lang == super::Lang::Zh {
            zh
        } else {
            en
        }
    }
}
