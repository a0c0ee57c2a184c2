//! The appraisal: every scoring rule, exemptions, and the period's edges.

use super::{date, example, stamp, task_id, unit_id};
use crate::domain::appraisal::{week_start, FactKind};
use crate::domain::{Direction, Exemption, Id, Meta, Milestone, Plan, Reading, Report, Target, Text};
use chrono::NaiveDate;

struct World {
    plan: Plan,
    unit: Id,
    task: Id,
    /// Milestones A (due 03-10, reported done 03-08), B (due 03-18, never
    /// done), C (due 03-21), D (due 03-07, done 03-09).
    ms: [Id; 4],
    target: Id,
}

fn milestone(title: &str, due: NaiveDate, done_on: Option<NaiveDate>) -> Milestone {
    Milestone {
        id: Id::from_name(title),
        title: Text::new(title, title),
        due: Some(due),
        done_on,
        weight: 1.0,
        meta: Meta::created(stamp()),
    }
}

fn world() -> World {
    let mut plan = example();
    let unit = unit_id(&plan, "Dongmen");
    let task = task_id(&plan, "7.1");
    let ms = [
        milestone("A", date(2022, 3, 10), None),
        milestone("B", date(2022, 3, 18), None),
        milestone("C", date(2022, 3, 21), None),
        milestone("D", date(2022, 3, 7), Some(date(2022, 3, 9))),
    ];
    let ids = [ms[0].id, ms[1].id, ms[2].id, ms[3].id];
    let target = Target {
        id: Id::from_name("target"),
        name: Text::new("客流", "Visitors"),
        measure: "万人次".into(),
        baseline: Some(10.0),
        target: 20.0,
        direction: Direction::AtLeast,
        added_by: None,
        meta: Meta::created(stamp()),
    };
    let t = plan.tasks.iter_mut().find(|t| t.id == task).unwrap();
    t.milestones.extend(ms);
    t.targets.push(target.clone());
    t.plan_submitted_on = Some(date(2022, 2, 12));
    plan.reports.push(Report {
        id: Id::from_name("report"),
        task,
        unit,
        date: date(2022, 3, 8),
        narrative: String::new(),
        progress: Some(30.0),
        milestones_done: vec![ids[0]],
        readings: vec![Reading { target: target.id, value: 21.0 }],
        help_requested: String::new(),
        supersedes: None,
        withdrawn: false,
        extension: None,
        closure: None,
        answers: vec![],
        unchanged: false,
        progress_reason: String::new(),
        meta: Meta::created(stamp()),
    });
    World { plan, unit, task, ms: ids, target: target.id }
}

fn march(plan: &Plan, unit: Id, to: NaiveDate, today: NaiveDate) -> crate::domain::appraisal::Appraisal {
    plan.appraise(unit, date(2022, 3, 7), to, today)
}

const TODAY: (i32, u32, u32) = (2022, 6, 30);

fn today() -> NaiveDate {
    date(TODAY.0, TODAY.1, TODAY.2)
}

#[test]
fn every_rule_gives_its_points_and_names_its_fact() {
    let w = world();
    let a = march(&w.plan, w.unit, date(2022, 3, 20), today());
    let kinds: Vec<&FactKind> = a.facts.iter().map(|f| &f.kind).collect();
    assert_eq!(
        kinds,
        vec![
            &FactKind::MilestoneOnTime { milestone: w.ms[0], due: date(2022, 3, 10), done: date(2022, 3, 8) },
            &FactKind::MilestoneOverdue { milestone: w.ms[1], due: date(2022, 3, 18), done: None },
            &FactKind::MilestoneOverdue { milestone: w.ms[3], due: date(2022, 3, 7), done: Some(date(2022, 3, 9)) },
            &FactKind::MissedWeek { week: date(2022, 3, 14) },
            &FactKind::TargetMet { target: w.target, value: 21.0 },
        ]
    );
    assert!(a.facts.iter().all(|f| f.task == w.task));
    let points: Vec<f64> = a.facts.iter().map(|f| f.points).collect();
    assert_eq!(points, vec![2.0, -3.0, -3.0, -1.0, 3.0]);
    assert_eq!(a.score(), 98.0);
}

#[test]
fn the_rules_are_configurable() {
    let mut w = world();
    w.plan.settings.scoring.milestone_overdue = -10.0;
    w.plan.settings.scoring.base = 60.0;
    assert_eq!(march(&w.plan, w.unit, date(2022, 3, 20), today()).score(), 60.0 + 2.0 - 10.0 - 10.0 - 1.0 + 3.0);
}

#[test]
fn a_late_or_missing_plan_costs_points_when_its_due_date_is_in_the_period() {
    let mut w = world();
    let feb = |plan: &Plan| plan.appraise(w.unit, date(2022, 2, 7), date(2022, 2, 20), today());
    assert!(!feb(&w.plan).facts.iter().any(|f| matches!(f.kind, FactKind::LatePlan { .. })), "submitted 02-12, due 02-14");
    w.plan.tasks.iter_mut().find(|t| t.id == w.task).unwrap().plan_submitted_on = Some(date(2022, 2, 16));
    let late: Vec<FactKind> = feb(&w.plan).facts.into_iter().map(|f| f.kind).filter(|k| matches!(k, FactKind::LatePlan { .. })).collect();
    assert_eq!(late, vec![FactKind::LatePlan { due: date(2022, 2, 14), submitted: Some(date(2022, 2, 16)) }]);
    w.plan.tasks.iter_mut().find(|t| t.id == w.task).unwrap().plan_submitted_on = None;
    let missing: Vec<FactKind> =
        feb(&w.plan).facts.into_iter().map(|f| f.kind).filter(|k| matches!(k, FactKind::LatePlan { .. })).collect();
    assert_eq!(missing, vec![FactKind::LatePlan { due: date(2022, 2, 14), submitted: None }]);
    // Outside the period, the plan is not judged.
    assert!(!march(&w.plan, w.unit, date(2022, 3, 20), today()).facts.iter().any(|f| matches!(f.kind, FactKind::LatePlan { .. })));
}

fn exemption(w: &World, task: Option<Id>, milestone: Option<Id>, approved: NaiveDate) -> Exemption {
    Exemption {
        id: Id::new(),
        unit: w.unit,
        task,
        milestone,
        week: None,
        plan: false,
        reason: Text::new("拆迁政策调整", "relocation policy changed"),
        approved_by: w.plan.people[0].id,
        approved_on: approved,
        meta: Meta::created(stamp()),
    }
}

#[test]
fn an_exemption_waives_the_miss_it_names_and_stays_beside_it() {
    let mut w = world();
    let e = exemption(&w, Some(w.task), Some(w.ms[1]), date(2022, 4, 1));
    let id = e.id;
    w.plan.exemptions.push(e);
    let a = march(&w.plan, w.unit, date(2022, 3, 20), today());
    let b = a.facts.iter().find(|f| matches!(f.kind, FactKind::MilestoneOverdue { milestone, .. } if milestone == w.ms[1])).unwrap();
    assert_eq!((b.exempted_by, b.points, b.counted()), (Some(id), -3.0, 0.0), "the fact stays, with its exemption");
    assert_eq!(a.score(), 101.0);
    assert_eq!(a.facts.iter().filter(|f| f.exempted_by.is_some()).count(), 1, "only the named milestone");
}

#[test]
fn an_exemption_of_a_whole_task_waives_its_misses_but_never_a_gain() {
    let mut w = world();
    w.plan.exemptions.push(exemption(&w, Some(w.task), None, date(2022, 4, 1)));
    let a = march(&w.plan, w.unit, date(2022, 3, 20), today());
    assert!(a.facts.iter().filter(|f| f.kind.is_miss()).all(|f| f.exempted_by.is_some()));
    assert!(a.facts.iter().filter(|f| !f.kind.is_miss()).all(|f| f.exempted_by.is_none()));
    assert_eq!(a.score(), 105.0);
}

#[test]
fn an_exemption_for_another_unit_or_not_yet_approved_does_not_count() {
    let mut w = world();
    let mut other = exemption(&w, Some(w.task), None, date(2022, 4, 1));
    other.unit = unit_id(&w.plan, "Dawutong");
    w.plan.exemptions.push(other);
    w.plan.exemptions.push(exemption(&w, Some(w.task), None, date(2022, 7, 1)));
    assert_eq!(march(&w.plan, w.unit, date(2022, 3, 20), today()).score(), 98.0);
}

#[test]
fn the_period_counts_its_first_and_last_day_and_only_whole_weeks() {
    let w = world();
    // Ending on Friday 03-18: B (due that day) counts; the week of 03-14 is
    // not whole, so it is not judged.
    let a = march(&w.plan, w.unit, date(2022, 3, 18), today());
    assert!(a.facts.iter().any(|f| f.kind == FactKind::MilestoneOverdue { milestone: w.ms[1], due: date(2022, 3, 18), done: None }));
    assert!(!a.facts.iter().any(|f| matches!(f.kind, FactKind::MissedWeek { .. })));
    // D is due on the first day (03-07): counted. C (03-21) is after the end.
    assert!(a.facts.iter().any(|f| matches!(f.kind, FactKind::MilestoneOverdue { milestone, .. } if milestone == w.ms[3])));
    assert!(!a.facts.iter().any(|f| f.kind.milestone_id() == Some(w.ms[2])));
    // Starting a day later, D is outside.
    let later = w.plan.appraise(w.unit, date(2022, 3, 8), date(2022, 3, 18), today());
    assert!(!later.facts.iter().any(|f| f.kind.milestone_id() == Some(w.ms[3])));
}

#[test]
fn nothing_after_today_counts_yet() {
    let w = world();
    let a = march(&w.plan, w.unit, date(2022, 3, 20), date(2022, 3, 15));
    assert!(!a.facts.iter().any(|f| f.kind.milestone_id() == Some(w.ms[1])), "B is due 03-18, after today");
    assert!(!a.facts.iter().any(|f| matches!(f.kind, FactKind::MissedWeek { .. })));
    assert_eq!(week_start(date(2022, 3, 20)), date(2022, 3, 14));
}

#[test]
fn an_exemption_can_name_one_week_or_the_plan_alone() {
    let mut w = world();
    let mut e = exemption(&w, Some(w.task), None, date(2022, 4, 1));
    e.week = Some(date(2022, 3, 14));
    w.plan.exemptions.push(e);
    let a = march(&w.plan, w.unit, date(2022, 3, 20), today());
    let waived: Vec<&FactKind> = a.facts.iter().filter(|f| f.exempted_by.is_some()).map(|f| &f.kind).collect();
    assert_eq!(waived, vec![&FactKind::MissedWeek { week: date(2022, 3, 14) }]);
    assert_eq!(a.score(), 99.0, "exactly that week's point");
    // The plan alone.
    let mut w = world();
    w.plan.tasks.iter_mut().find(|t| t.id == w.task).unwrap().plan_submitted_on = None;
    let mut e = exemption(&w, Some(w.task), None, date(2022, 4, 1));
    e.plan = true;
    w.plan.exemptions.push(e);
    let a = w.plan.appraise(w.unit, date(2022, 2, 7), date(2022, 3, 20), today());
    let waived: Vec<&FactKind> = a.facts.iter().filter(|f| f.exempted_by.is_some()).map(|f| &f.kind).collect();
    assert_eq!(waived, vec![&FactKind::LatePlan { due: date(2022, 2, 14), submitted: None }]);
}
