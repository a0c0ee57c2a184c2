//! Who may change what: the one ownership rule. Given a side (the
//! supervision office, or unit U), a record and what is done to it (added,
//! one field changed, deleted), it says yes or no. The page asks it what to
//! offer (what a unit does not own is shown read-only, "set by the
//! office"), every command a person runs is checked against it before it is
//! kept, and the merge asks it to accept or refuse what a file brings, so a
//! unit can never do in its page what the office's import will refuse.
//!
//! What a unit owns (the README lists the same):
//! - of each task it **leads** (its first responsible unit): the plan
//!   (施工图) and the day it was submitted; the schedule — milestones added,
//!   edited, completed, deleted; targets added, and edited or deleted when
//!   it added them; risks;
//! - of each task it is **responsible for or co-organizes**: its own
//!   reports, and corrections or withdrawals of them;
//! - problems it raised, weekly meetings it recorded, and the change trail
//!   of its own changes;
//! - in its reports, requests to move a deadline or close a task (only a
//!   responsible unit asks: [`Task::may_ask`]) and answers to instructions.
//!
//! The office rules on requests ([`RecordKind::Ruling`]) and records
//! leaders' instructions; both are append-only, like reports.
//!
//! Everything else — the plan's head and settings, units, people, key
//! actions, a task's name, units, person, dates and place, exemptions — is
//! set by the office. Nobody deletes a report, meeting, problem, risk or
//! trail entry: those are append-only, and a mistake is corrected by a
//! later record.

use super::{Id, Task};

/// The kinds of record a plan holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Plan,
    Unit,
    Person,
    Action,
    Task,
    Milestone,
    Target,
    Report,
    Meeting,
    Problem,
    Risk,
    Exemption,
    /// The office's ruling on an extension or a closure a unit asked for.
    Ruling,
    /// A leader's instruction (领导批示), recorded by the office.
    Instruction,
    /// A change trail entry (留痕).
    Trail,
}

impl RecordKind {
    /// Every kind, in the order a plan holds them.
    pub const ALL: [RecordKind; 15] = [
        RecordKind::Plan,
        RecordKind::Unit,
        RecordKind::Person,
        RecordKind::Action,
        RecordKind::Task,
        RecordKind::Milestone,
        RecordKind::Target,
        RecordKind::Report,
        RecordKind::Meeting,
        RecordKind::Problem,
        RecordKind::Risk,
        RecordKind::Exemption,
        RecordKind::Ruling,
        RecordKind::Instruction,
        RecordKind::Trail,
    ];

    /// Records that are only ever added to: nobody deletes one.
    pub fn append_only(self) -> bool {
        matches!(
            self,
            RecordKind::Report
                | RecordKind::Meeting
                | RecordKind::Problem
                | RecordKind::Risk
                | RecordKind::Ruling
                | RecordKind::Instruction
                | RecordKind::Trail
        )
    }

    /// The kind's name in the trail and in files (never shown to a person).
    pub fn name(self) -> &'static str {
        use RecordKind as K;
        match self {
            K::Plan => "plan",
            K::Unit => "unit",
            K::Person => "person",
            K::Action => "action",
            K::Task => "task",
            K::Milestone => "milestone",
            K::Target => "target",
            K::Report => "report",
            K::Meeting => "meeting",
            K::Problem => "problem",
            K::Risk => "risk",
            K::Exemption => "exemption",
            K::Ruling => "ruling",
            K::Instruction => "instruction",
            K::Trail => "trail",
        }
    }

    /// The kind a trail entry or a file names.
    pub fn parse(name: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Who is acting: the supervision office, or one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Office,
    Unit(Id),
}

impl Side {
    /// The side a browser acts as (`None`: the office) or a change was made by.
    pub fn of(me: Option<Id>) -> Side {
        me.map_or(Side::Office, Side::Unit)
    }
}

/// What is done to a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act<'a> {
    Add,
    /// One field changed, by its name in the file.
    Change(&'a str),
    Delete,
}

impl<'a> Act<'a> {
    /// The act a field change stands for: setting `deleted` is a deletion.
    pub fn of_field(field: &'a str) -> Act<'a> {
        match field {
            "" => Act::Add,
            "deleted" => Act::Delete,
            f => Act::Change(f),
        }
    }
}

/// The facts about one record that decide who owns it.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    pub kind: RecordKind,
    /// The task the record is, or belongs to, as the table has it.
    pub task: Option<&'a Task>,
    /// The unit the record says made it: a report's unit, a problem's
    /// raiser, a meeting's or a target's recorder, a trail entry's author.
    pub author: Option<Id>,
    /// For a report that corrects or withdraws another: that report's unit.
    pub corrects: Option<Id>,
}

impl<'a> Subject<'a> {
    /// A record with no task and no author (units, people, the plan…).
    pub fn plain(kind: RecordKind) -> Self {
        Subject { kind, task: None, author: None, corrects: None }
    }

    /// A task, or a record that hangs on one (milestone, risk).
    pub fn on_task(kind: RecordKind, task: &'a Task) -> Self {
        Subject { kind, task: Some(task), author: None, corrects: None }
    }

    /// A record of `task` (when known) made by `author`.
    pub fn by(kind: RecordKind, task: Option<&'a Task>, author: Option<Id>) -> Self {
        Subject { kind, task, author, corrects: None }
    }
}

/// The fields of a task that its lead unit sets; the office sets the rest.
pub const UNIT_TASK_FIELDS: [&str; 2] = ["plan", "plan_submitted_on"];

/// May `side` do `act` to the record `s`? The one rule (see the module).
pub fn may(side: Side, s: &Subject, act: Act) -> bool {
    use RecordKind as K;
    if act == Act::Delete && s.kind.append_only() {
        return false;
    }
    let Side::Unit(unit) = side else { return true };
    let leads = s.task.and_then(Task::lead_unit) == Some(unit);
    // A record on a task nobody has is not refused here: the check of the
    // whole file refuses it, naming the place in the file.
    let involved = s.task.is_none_or(|t| t.involves(unit));
    let own = s.author == Some(unit);
    match (s.kind, act) {
        (K::Task, Act::Change(f)) => leads && UNIT_TASK_FIELDS.contains(&f),
        (K::Milestone, _) | (K::Risk, _) => leads,
        (K::Target, Act::Add) => leads,
        (K::Target, _) => leads && own,
        (K::Report, _) => own && involved && s.corrects.is_none_or(|u| u == unit),
        (K::Problem, _) => own && involved,
        (K::Meeting, _) | (K::Trail, _) => own,
        _ => false,
    }
}

impl super::Plan {
    /// May `side` do `act` to a record of `kind` that is, or hangs on,
    /// `task`, made by `author`? What the page asks before offering a
    /// control; the same rule as the merge's, on the table's records.
    pub fn may(&self, side: Side, kind: RecordKind, task: Option<Id>, author: Option<Id>, act: Act) -> bool {
        let corrects = (kind == RecordKind::Report && act == Act::Add).then_some(author).flatten();
        may(side, &Subject { kind, task: task.and_then(|t| self.task(t)), author, corrects }, act)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;

    /// A task of the example led by one unit with another co-organizing.
    fn shared_task() -> (Task, Id, Id) {
        let plan = luohu_2022();
        let mut t = plan.tasks[0].clone();
        let (lead, co) = (plan.units[0].id, plan.units[1].id);
        (t.responsible, t.co_organizers) = (vec![lead], vec![co]);
        (t, lead, co)
    }

    #[test]
    fn the_office_may_do_anything_but_delete_an_append_only_record() {
        for kind in RecordKind::ALL {
            let s = Subject::plain(kind);
            assert!(may(Side::Office, &s, Act::Add));
            assert!(may(Side::Office, &s, Act::Change("title")));
            assert_eq!(may(Side::Office, &s, Act::Delete), !kind.append_only(), "{kind:?}");
        }
    }

    #[test]
    fn a_lead_unit_sets_its_tasks_plan_and_schedule_but_not_its_deadline() {
        let plan = luohu_2022();
        let t = plan.tasks.iter().find(|t| t.lead_unit().is_some()).unwrap();
        let lead = Side::Unit(t.lead_unit().unwrap());
        let task = Subject::on_task(RecordKind::Task, t);
        assert!(may(lead, &task, Act::Change("plan")));
        assert!(may(lead, &task, Act::Change("plan_submitted_on")));
        for f in ["due", "start", "title", "responsible", "co_organizers", "person", "action", "order"] {
            assert!(!may(lead, &task, Act::Change(f)), "{f}");
        }
        assert!(!may(lead, &task, Act::Delete));
        assert!(!may(lead, &task, Act::Add));
        let ms = Subject::on_task(RecordKind::Milestone, t);
        for act in [Act::Add, Act::Change("due"), Act::Change("done_on"), Act::Delete] {
            assert!(may(lead, &ms, act), "{act:?}");
        }
    }

    #[test]
    fn a_unit_edits_and_deletes_only_the_targets_it_added() {
        let plan = luohu_2022();
        let t = plan.tasks.iter().find(|t| t.lead_unit().is_some()).unwrap();
        let lead = t.lead_unit().unwrap();
        let mine = Subject::by(RecordKind::Target, Some(t), Some(lead));
        let office = Subject::by(RecordKind::Target, Some(t), None);
        assert!(may(Side::Unit(lead), &mine, Act::Change("target")));
        assert!(may(Side::Unit(lead), &mine, Act::Delete));
        assert!(!may(Side::Unit(lead), &office, Act::Change("target")));
        assert!(!may(Side::Unit(lead), &office, Act::Delete));
        assert!(may(Side::Unit(lead), &office, Act::Add), "adding a target is the lead's");
    }

    #[test]
    fn a_co_organizer_reports_but_does_not_set_the_schedule() {
        let (t, _, co) = shared_task();
        let t = &t;
        assert!(may(Side::Unit(co), &Subject::by(RecordKind::Report, Some(t), Some(co)), Act::Add));
        assert!(!may(Side::Unit(co), &Subject::on_task(RecordKind::Milestone, t), Act::Add));
        assert!(!may(Side::Unit(co), &Subject::on_task(RecordKind::Task, t), Act::Change("plan")));
    }

    #[test]
    fn a_unit_never_writes_for_another_unit_nor_corrects_its_reports() {
        let (t, lead, co) = shared_task();
        let t = &t;
        let theirs = Subject::by(RecordKind::Report, Some(t), Some(co));
        assert!(!may(Side::Unit(lead), &theirs, Act::Add));
        let correction = Subject { corrects: Some(co), ..Subject::by(RecordKind::Report, Some(t), Some(lead)) };
        assert!(!may(Side::Unit(lead), &correction, Act::Add));
        let own_correction = Subject { corrects: Some(lead), ..correction };
        assert!(may(Side::Unit(lead), &own_correction, Act::Add));
        for kind in [RecordKind::Unit, RecordKind::Person, RecordKind::Action, RecordKind::Plan, RecordKind::Exemption] {
            assert!(!may(Side::Unit(lead), &Subject::plain(kind), Act::Change("name")), "{kind:?}");
            assert!(!may(Side::Unit(lead), &Subject::plain(kind), Act::Add), "{kind:?}");
        }
    }

    #[test]
    fn nobody_deletes_a_report_not_even_its_author() {
        let plan = luohu_2022();
        let t = plan.tasks.iter().find(|t| t.lead_unit().is_some()).unwrap();
        let lead = t.lead_unit().unwrap();
        assert!(!may(Side::Unit(lead), &Subject::by(RecordKind::Report, Some(t), Some(lead)), Act::Delete));
    }

    #[test]
    fn kinds_parse_from_their_names() {
        for k in RecordKind::ALL {
            assert_eq!(RecordKind::parse(k.name()), Some(k));
        }
        assert_eq!(RecordKind::parse("nonsense"), None);
    }
}
