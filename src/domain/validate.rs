//! Validation that returns messages a person can act on: each names the
//! record (by its number or name, as the table shows it) and what is wrong.
//! The UI renders these in both languages; `Display` gives the English.

use super::meta::Record;
use super::plan::live;
use super::{Id, Milestone, Plan, Target, Task, Text};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The record a message is about, as a person finds it in the table.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    Plan,
    Unit(Text),
    Person(Text),
    Action(usize),
    Task(String),
    Milestone { task: String, title: Text },
    Target { task: String, name: Text },
    Report { task: String, date: NaiveDate },
    Record(&'static str),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::Lang::En;
        match self {
            Subject::Plan => write!(f, "the plan"),
            Subject::Unit(n) => write!(f, "unit '{}'", n.get(En)),
            Subject::Person(n) => write!(f, "person '{}'", n.get(En)),
            Subject::Action(n) => write!(f, "action {n}"),
            Subject::Task(n) => write!(f, "task {n}"),
            Subject::Milestone { task, title } => write!(f, "task {task}, milestone '{}'", title.get(En)),
            Subject::Target { task, name } => write!(f, "task {task}, target '{}'", name.get(En)),
            Subject::Report { task, date } => write!(f, "task {task}, report of {date}"),
            Subject::Record(kind) => write!(f, "a {kind}"),
        }
    }
}

/// Which reference points nowhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefField {
    Unit,
    Leader,
    LeadingUnit,
    Responsible,
    CoOrganizer,
    Person,
    Action,
    Task,
    Milestone,
    Target,
    /// The report or meeting a problem was raised in.
    RaisedIn,
    /// A unit or person a problem is assigned to.
    Assignee,
    /// The person who chaired or attended a meeting, or approved an exemption.
    Attendee,
    /// The unit that issued the plan.
    IssuingUnit,
}

impl fmt::Display for RefField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefField::Unit => "unit",
            RefField::Leader => "overall leading district leader",
            RefField::LeadingUnit => "overall leading unit",
            RefField::Responsible => "responsible unit",
            RefField::CoOrganizer => "co-organizer",
            RefField::Person => "responsible person",
            RefField::Action => "key action",
            RefField::Task => "task",
            RefField::Milestone => "milestone",
            RefField::Target => "target",
            RefField::RaisedIn => "report or meeting it was raised in",
            RefField::Assignee => "unit or person it is assigned to",
            RefField::Attendee => "person",
            RefField::IssuingUnit => "issuing unit",
        })
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Invalid {
    #[error("{0}: the name or title is empty")]
    Blank(Subject),
    #[error("{0}: the kick-off {1} is neither in the plan's year {2} nor in the December before it")]
    KickoffOutsideYear(Subject, NaiveDate, i32),
    #[error("the plan: the year {0} is outside 2000–2100")]
    YearOutOfRange(i32),
    #[error("the plan: the plan-submission window of {0} days is longer than 366 days")]
    PlanDueDaysOutOfRange(u32),
    // The id is not shown: the JSON path says where it is, and a person
    // reads the record and field.
    #[error("{at}: the {field} it names does not exist")]
    UnknownRef { at: Subject, field: RefField, id: Id },
    #[error("{at}: due date {due} is before its start {start}")]
    DueBeforeStart { at: Subject, start: NaiveDate, due: NaiveDate },
    #[error("{at}: due {due} is after the task's due date {task_due}")]
    AfterTaskDue { at: Subject, due: NaiveDate, task_due: NaiveDate },
    #[error("{at}: '{unit}' is both a responsible unit and a co-organizer")]
    BothRoles { at: Subject, unit: String },
    #[error("{at}: the target equals the baseline ({value}), so progress cannot be measured")]
    TargetEqualsBaseline { at: Subject, value: f64 },
    #[error("{at}: {what} must be a finite number")]
    NotFinite { at: Subject, what: &'static str },
    #[error("{at}: progress {value} % is outside 0–100 %")]
    ProgressOutOfRange { at: Subject, value: f64 },
    #[error("{at}: the weight {value} is negative")]
    NegativeWeight { at: Subject, value: f64 },
    #[error("{at}: '{unit}' is neither a responsible unit nor a co-organizer of it")]
    NotInvolved { at: Subject, unit: String },
    #[error("two records share one identifier")]
    DuplicateId(Id),
    #[error("{at}: nothing is filled in; give at least one of: the progress, what was done, a target reading, a milestone completed, a problem, or the help requested")]
    EmptyReport { at: Subject },
    #[error("{at}: progress {value} % is lower than the {last} % reported on {on}; say why it is lower")]
    ProgressDropNeedsReason { at: Subject, value: f64, last: f64, on: NaiveDate },
    #[error("{at}: nothing is recorded; write the minutes or add at least one decision")]
    EmptyMeeting { at: Subject },
    #[error("a unit named '{}' already exists; choose another name", .existing.get(super::Lang::En))]
    DuplicateUnitName { existing: Text },
    #[error("{at}: {}", .problem.words(super::Lang::En))]
    Request { at: Subject, problem: super::requests::RequestProblem },
}

impl Plan {
    /// Every problem in the plan; empty when it is sound.
    pub fn validate(&self) -> Vec<Invalid> {
        let mut out = Vec::new();
        if self.title.is_blank() {
            out.push(Invalid::Blank(Subject::Plan));
        }
        if !super::plan_head::kickoff_fits(self.year, self.kickoff) {
            out.push(Invalid::KickoffOutsideYear(Subject::Plan, self.kickoff, self.year));
        }
        self.check_ids(&mut out);
        for u in live(&self.units) {
            if u.name.is_blank() {
                out.push(Invalid::Blank(Subject::Record("unit")));
            }
        }
        for p in live(&self.people) {
            let at = Subject::Person(p.name.clone());
            if p.name.is_blank() {
                out.push(Invalid::Blank(Subject::Record("person")));
            }
            self.check_ref(&mut out, &at, RefField::Unit, p.unit, |id| self.unit(id).is_some());
        }
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            let at = Subject::Action(i + 1);
            if a.title.is_blank() {
                out.push(Invalid::Blank(at.clone()));
            }
            for id in &a.leaders {
                self.check_ref(&mut out, &at, RefField::Leader, Some(*id), |id| self.person(id).is_some());
            }
            for id in &a.leading_units {
                self.check_ref(&mut out, &at, RefField::LeadingUnit, Some(*id), |id| self.unit(id).is_some());
            }
        }
        // Numbered and indexed once: looking each up per record made a plan
        // of 20,000 reports take seconds to check.
        let numbers = self.task_numbers();
        let label = |id: Id| numbers.get(&id).cloned().unwrap_or_else(|| "?".into());
        let mut by_id: HashMap<Id, &Task> = HashMap::new();
        for t in &self.tasks {
            by_id.entry(t.id).or_insert(t);
        }
        for t in live(&self.tasks) {
            out.extend(self.check_task_numbered(t, label(t.id)));
        }
        self.check_records(&mut out);
        for r in live(&self.reports) {
            // A report stays (append-only) when its task is deleted: a
            // tombstoned task still counts as known.
            let task = by_id.get(&r.task).copied();
            let at = Subject::Report { task: label(r.task), date: r.date };
            self.check_ref(&mut out, &at, RefField::Task, Some(r.task), |_| task.is_some());
            self.check_ref(&mut out, &at, RefField::Unit, Some(r.unit), |id| self.unit(id).is_some());
            if let Some(p) = r.progress {
                if !(0.0..=100.0).contains(&p) {
                    out.push(Invalid::ProgressOutOfRange { at: at.clone(), value: p });
                }
            }
            let asks = r.extension.is_some() || r.closure.is_some();
            if asks && task.is_some_and(|t| !t.may_ask(r.unit)) {
                out.push(Invalid::Request { at: at.clone(), problem: super::requests::RequestProblem::NotResponsible });
            }
            let has_ms = |id| task.is_some_and(|t: &Task| t.milestones.iter().any(|m| m.id == id));
            if let Some(m) = r.extension.as_ref().and_then(|x| x.milestone) {
                self.check_ref(&mut out, &at, RefField::Milestone, Some(m), has_ms);
            }
            for m in &r.milestones_done {
                self.check_ref(&mut out, &at, RefField::Milestone, Some(*m), has_ms);
            }
            let has_target = |id| task.is_some_and(|t: &Task| t.targets.iter().any(|x| x.id == id));
            for reading in &r.readings {
                self.check_ref(&mut out, &at, RefField::Target, Some(reading.target), has_target);
                if !reading.value.is_finite() {
                    out.push(Invalid::NotFinite { at: at.clone(), what: "a reading" });
                }
            }
        }
        out
    }

    /// Problems, risks, meetings and exemptions name tasks, units and people
    /// too; an imported file must not bring in a name that points nowhere.
    fn check_records(&self, out: &mut Vec<Invalid>) {
        let tasks: HashSet<Id> = self.tasks.iter().map(|t| t.id).collect();
        let raised_in: HashSet<Id> = self.reports.iter().map(|r| r.id).chain(self.meetings.iter().map(|m| m.id)).collect();
        let task = |id: Id| tasks.contains(&id);
        let unit = |id: Id| self.unit(id).is_some();
        let person = |id: Id| self.person(id).is_some();
        for p in live(&self.problems) {
            let at = Subject::Record("problem");
            self.check_ref(out, &at, RefField::Task, Some(p.task), task);
            self.check_ref(out, &at, RefField::Unit, Some(p.raised_by), unit);
            self.check_ref(out, &at, RefField::RaisedIn, p.raised_in, |id| raised_in.contains(&id));
            self.check_ref(out, &at, RefField::Assignee, p.assigned_to, |id| unit(id) || person(id));
        }
        for r in live(&self.risks) {
            let at = Subject::Record("risk");
            self.check_ref(out, &at, RefField::Task, Some(r.task), task);
            self.check_ref(out, &at, RefField::Unit, r.owner, unit);
        }
        for m in live(&self.meetings) {
            let at = Subject::Record("meeting");
            self.check_ref(out, &at, RefField::Attendee, m.chair, person);
            for id in &m.attendees {
                self.check_ref(out, &at, RefField::Attendee, Some(*id), person);
            }
            for id in &m.tasks {
                self.check_ref(out, &at, RefField::Task, Some(*id), task);
            }
            for d in &m.decisions {
                self.check_ref(out, &at, RefField::Unit, d.owner, unit);
            }
        }
        for e in live(&self.exemptions) {
            let at = Subject::Record("exemption");
            self.check_ref(out, &at, RefField::Unit, Some(e.unit), unit);
            self.check_ref(out, &at, RefField::Task, e.task, task);
            let has_ms =
                |id: Id| self.tasks.iter().filter(|t| e.task.is_none_or(|x| x == t.id)).any(|t| t.milestones.iter().any(|m| m.id == id));
            self.check_ref(out, &at, RefField::Milestone, e.milestone, has_ms);
            self.check_ref(out, &at, RefField::Attendee, Some(e.approved_by), person);
        }
        for r in live(&self.rulings) {
            let at = Subject::Record("ruling");
            self.check_ref(out, &at, RefField::Task, Some(r.task), task);
            self.check_ref(out, &at, RefField::RaisedIn, Some(r.request), |id| raised_in.contains(&id));
        }
        for i in live(&self.instructions) {
            let at = Subject::Record("instruction");
            self.check_ref(out, &at, RefField::Task, Some(i.task), task);
            self.check_ref(out, &at, RefField::Leader, Some(i.leader), person);
            self.check_ref(out, &at, RefField::RaisedIn, i.problem, |id| self.problems.iter().any(|p| p.id == id));
        }
    }

    /// The problems of one task; the task form refuses an edit that has any.
    pub fn check_task(&self, t: &Task) -> Vec<Invalid> {
        self.check_task_numbered(t, self.label(t.id))
    }

    fn check_task_numbered(&self, t: &Task, number: String) -> Vec<Invalid> {
        let mut out = Vec::new();
        let at = Subject::Task(number.clone());
        if t.title.is_blank() {
            out.push(Invalid::Blank(at.clone()));
        }
        self.check_ref(&mut out, &at, RefField::Action, Some(t.action), |id| self.action(id).is_some());
        for id in &t.responsible {
            self.check_ref(&mut out, &at, RefField::Responsible, Some(*id), |id| self.unit(id).is_some());
        }
        for id in &t.co_organizers {
            self.check_ref(&mut out, &at, RefField::CoOrganizer, Some(*id), |id| self.unit(id).is_some());
            if t.responsible.contains(id) {
                let unit = self.unit(*id).map(|u| u.name.get(super::Lang::En).to_string()).unwrap_or_default();
                out.push(Invalid::BothRoles { at: at.clone(), unit });
            }
        }
        self.check_ref(&mut out, &at, RefField::Person, t.person, |id| self.person(id).is_some());
        if let (Some(start), Some(due)) = (t.start, t.due) {
            if due < start {
                out.push(Invalid::DueBeforeStart { at: at.clone(), start, due });
            }
        }
        for m in live(&t.milestones) {
            check_milestone(&mut out, &number, t, m);
        }
        for x in live(&t.targets) {
            check_target(&mut out, &number, x);
        }
        out
    }

    /// A task's number, or "?" for one that is not (or no longer) in the table.
    fn label(&self, task: Id) -> String {
        self.task_number(task).unwrap_or_else(|| "?".into())
    }

    fn check_ref(&self, out: &mut Vec<Invalid>, at: &Subject, field: RefField, id: Option<Id>, exists: impl Fn(Id) -> bool) {
        if let Some(id) = id {
            if !exists(id) {
                out.push(Invalid::UnknownRef { at: at.clone(), field, id });
            }
        }
    }

    fn check_ids(&self, out: &mut Vec<Invalid>) {
        let mut seen = HashSet::new();
        let mut see = |id: Id| {
            if !seen.insert(id) {
                out.push(Invalid::DuplicateId(id));
            }
        };
        self.units.iter().for_each(|r| see(r.id()));
        self.people.iter().for_each(|r| see(r.id()));
        self.actions.iter().for_each(|r| see(r.id()));
        for t in &self.tasks {
            see(t.id);
            t.milestones.iter().for_each(|m| see(m.id));
            t.targets.iter().for_each(|x| see(x.id));
        }
        self.reports.iter().for_each(|r| see(r.id()));
        self.meetings.iter().for_each(|r| see(r.id()));
        self.problems.iter().for_each(|r| see(r.id()));
        self.risks.iter().for_each(|r| see(r.id()));
        self.exemptions.iter().for_each(|r| see(r.id()));
        self.rulings.iter().for_each(|r| see(r.id()));
        self.instructions.iter().for_each(|r| see(r.id()));
    }
}

fn check_milestone(out: &mut Vec<Invalid>, number: &str, t: &Task, m: &Milestone) {
    let at = Subject::Milestone { task: number.into(), title: m.title.clone() };
    if m.title.is_blank() {
        out.push(Invalid::Blank(at.clone()));
    }
    if let (Some(due), Some(task_due)) = (m.due, t.due) {
        if due > task_due {
            out.push(Invalid::AfterTaskDue { at: at.clone(), due, task_due });
        }
    }
    if !m.weight.is_finite() {
        out.push(Invalid::NotFinite { at, what: "the weight" });
    } else if m.weight < 0.0 {
        out.push(Invalid::NegativeWeight { at, value: m.weight });
    }
}

fn check_target(out: &mut Vec<Invalid>, number: &str, x: &Target) {
    let at = Subject::Target { task: number.into(), name: x.name.clone() };
    if x.name.is_blank() {
        out.push(Invalid::Blank(at.clone()));
    }
    if !x.target.is_finite() || x.baseline.is_some_and(|b| !b.is_finite()) {
        out.push(Invalid::NotFinite { at, what: "the target and its baseline" });
    } else if x.baseline == Some(x.target) {
        out.push(Invalid::TargetEqualsBaseline { at, value: x.target });
    }
}
