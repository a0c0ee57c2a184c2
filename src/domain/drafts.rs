//! What each edit form holds, read from the table: the values a form opens
//! with and, when it saves, the table's values now — the two sides of its
//! three-way change ([`super::three_way`]). Each draft names its fields
//! once, as the record (and the exchange file) names them, so that a clash
//! reads in the same words as the import preview.

use super::corrections::MilestoneDraft;
use super::edit::{ActionDraft, TaskDraft};
use super::ownership::RecordKind;
use super::plan_head::PlanHead;
use super::task_edit::TargetDraft;
use super::{Id, Plan, Settings, Text};
use crate::fields;

/// What the unit editor edits.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitDraft {
    pub name: Text,
}

/// What the person editor edits.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonDraft {
    pub name: Text,
    pub title: Text,
    pub unit: Option<Id>,
}

fields!(TaskDraft, RecordKind::Task, [action, title.zh, title.en, responsible, co_organizers, person, start, due]);
fields!(ActionDraft, RecordKind::Action, [title.zh, title.en, field, leaders, leading_units]);
fields!(MilestoneDraft, RecordKind::Milestone, [title.zh, title.en, due, done_on]);
fields!(TargetDraft, RecordKind::Target, [name.zh, name.en, measure, baseline, target, direction]);
fields!(UnitDraft, RecordKind::Unit, [name.zh, name.en]);
fields!(PersonDraft, RecordKind::Person, [name.zh, name.en, title.zh, title.en, unit]);
fields!(PlanHead, RecordKind::Plan, [title.zh, title.en, year, kickoff, issuing_unit, plan_due_days]);
fields!(
    Settings,
    RecordKind::Plan,
    [
        plan_due_days,
        warning_days,
        report_interval_days,
        behind_pace_margin,
        as_of,
        board_window_days,
        export_reminder_days,
        scoring,
        require_signed
    ]
);

fields!(super::appraisal::Scoring, RecordKind::Plan, [base, milestone_on_time, milestone_overdue, late_plan, missed_week, target_met]);

impl Plan {
    /// The task form's values for task `id`.
    pub fn task_draft(&self, id: Id) -> Option<TaskDraft> {
        let t = self.task(id)?;
        Some(TaskDraft {
            action: t.action,
            title: t.title.clone(),
            responsible: t.responsible.clone(),
            co_organizers: t.co_organizers.clone(),
            person: t.person,
            start: t.start,
            due: t.due,
        })
    }

    /// The action form's values for key action `id`.
    pub fn action_draft(&self, id: Id) -> Option<ActionDraft> {
        let a = self.action(id)?;
        Some(ActionDraft { title: a.title.clone(), field: a.field, leaders: a.leaders.clone(), leading_units: a.leading_units.clone() })
    }

    /// The milestone form's values for milestone `id` of task `task`.
    pub fn milestone_draft(&self, task: Id, id: Id) -> Option<MilestoneDraft> {
        let m = self.task(task)?.milestones.iter().find(|m| m.id == id && !m.meta.deleted)?;
        Some(MilestoneDraft { title: m.title.clone(), due: m.due, done_on: m.done_on })
    }

    /// The target form's values for target `id` of task `task`.
    pub fn target_draft(&self, task: Id, id: Id) -> Option<TargetDraft> {
        let x = self.task(task)?.targets.iter().find(|x| x.id == id && !x.meta.deleted)?;
        Some(TargetDraft {
            name: x.name.clone(),
            measure: x.measure.clone(),
            baseline: x.baseline,
            target: x.target,
            direction: x.direction,
        })
    }

    /// The unit editor's values for unit `id`.
    pub fn unit_draft(&self, id: Id) -> Option<UnitDraft> {
        self.unit(id).map(|u| UnitDraft { name: u.name.clone() })
    }

    /// The person editor's values for person `id`.
    pub fn person_draft(&self, id: Id) -> Option<PersonDraft> {
        self.person(id).map(|p| PersonDraft { name: p.name.clone(), title: p.title.clone(), unit: p.unit })
    }
}
