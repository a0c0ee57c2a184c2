//! Commands on a task's sheet: reports are appended and checked, problems
//! and risks are kept on record, refusals change nothing.

use super::{date, example, stamp, task_id, unit_id};
use crate::domain::edit::EditError;
use crate::domain::light::{Light, Reason};
use crate::domain::schedule::{invert, DayCount, Step};
use crate::domain::task_edit::{ReportDraft, RiskDraft, TargetDraft};
use crate::domain::validate::{Invalid, RefField, Subject};
use crate::domain::{Direction, Id, Lang, Plan, Reading, RiskCategory, RiskLevel, RiskStatus, Settings, Text};
use chrono::NaiveDate;

/// A report on `task` from its lead unit, dated `on`, saying nothing else.
pub(super) fn draft(plan: &Plan, task: Id, on: NaiveDate) -> ReportDraft {
    let unit = plan.task(task).and_then(|t| t.lead_unit()).expect("a task with a lead unit");
    ReportDraft {
        task,
        unit,
        date: on,
        narrative: String::new(),
        progress: None,
        milestones_done: vec![],
        readings: vec![],
        problems: vec![],
        help_requested: String::new(),
        progress_reason: String::new(),
    }
}

fn invalid(e: EditError) -> Vec<Invalid> {
    match e {
        EditError::Invalid(v) => v,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn risk(task: Id, description: &str) -> RiskDraft {
    RiskDraft {
        task,
        description: description.into(),
        level: RiskLevel::High,
        category: RiskCategory::WorkSafety,
        mitigation: "Fence the site".into(),
        owner: None,
    }
}

#[test]
fn record_report_appends_and_keeps_earlier_reports_as_they_were() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let first = plan
        .record_report(ReportDraft { narrative: "Survey done".into(), progress: Some(10.0), ..draft(&plan, t, date(2022, 3, 1)) }, stamp())
        .unwrap();
    let kept = plan.reports[0].clone();
    let second = plan
        .record_report(
            ReportDraft {
                narrative: "Design out".into(),
                progress: Some(5.0),
                progress_reason: "The survey counted twice".into(),
                ..draft(&plan, t, date(2022, 3, 8))
            },
            stamp(),
        )
        .unwrap();
    assert_eq!(plan.reports.iter().map(|r| r.id).collect::<Vec<_>>(), vec![first, second]);
    assert_eq!(plan.reports[0], kept);
    assert_eq!((plan.reports[1].narrative.as_str(), plan.reports[1].progress, plan.reports[1].meta.rev), ("Design out", Some(5.0), 1));
    // A later report corrects an earlier one: the last figure counts.
    assert_eq!(plan.reported_progress(t, chrono::NaiveDate::MAX), Some(5.0));
}

#[test]
fn a_co_organizer_may_report() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let drb = unit_id(&plan, "Development and Reform Bureau");
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().co_organizers.push(drb);
    let id = plan
        .record_report(ReportDraft { unit: drb, narrative: "Funds approved".into(), ..draft(&plan, t, date(2022, 3, 1)) }, stamp())
        .unwrap();
    assert_eq!(plan.reports_of(t, chrono::NaiveDate::MAX).iter().map(|r| (r.id, r.unit)).collect::<Vec<_>>(), vec![(id, drb)]);
}

#[test]
fn a_report_from_a_unit_not_involved_is_refused_and_changes_nothing() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let before = plan.clone();
    let esc = unit_id(&plan, "Enterprise Service Center");
    let err = plan
        .record_report(ReportDraft { unit: esc, problems: vec!["no budget".into()], ..draft(&plan, t, date(2022, 3, 1)) }, stamp())
        .unwrap_err();
    let at = Subject::Report { task: "7.1".into(), date: date(2022, 3, 1) };
    assert_eq!(invalid(err), vec![Invalid::NotInvolved { at, unit: "Luohu District Enterprise Service Center".into() }]);
    assert_eq!(plan, before);
}

#[test]
fn a_report_from_an_unknown_unit_is_refused() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let stranger = Id::new();
    let err = plan.record_report(ReportDraft { unit: stranger, ..draft(&plan, t, date(2022, 3, 1)) }, stamp()).unwrap_err();
    let at = Subject::Report { task: "7.1".into(), date: date(2022, 3, 1) };
    assert_eq!(invalid(err), vec![Invalid::UnknownRef { at, field: RefField::Unit, id: stranger }]);
    assert!(plan.reports.is_empty());
}

#[test]
fn report_progress_outside_0_to_100_is_refused_but_the_bounds_are_accepted() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let before = plan.clone();
    for p in [101.0, -1.0, f64::NAN] {
        let err = plan.record_report(ReportDraft { progress: Some(p), ..draft(&plan, t, date(2022, 3, 1)) }, stamp()).unwrap_err();
        assert!(matches!(invalid(err).as_slice(), [Invalid::ProgressOutOfRange { .. }]), "{p}");
    }
    assert_eq!(plan, before);
    for p in [0.0, 100.0] {
        plan.record_report(ReportDraft { progress: Some(p), ..draft(&plan, t, date(2022, 3, 1)) }, stamp()).unwrap();
    }
    assert_eq!(plan.reports.len(), 2);
}

#[test]
fn a_report_naming_a_milestone_of_another_task_is_refused() {
    let mut plan = example();
    let (t71, t81) = (task_id(&plan, "7.1"), task_id(&plan, "8.1"));
    let other = plan.add_milestone(t81, Text::new("", "Land survey"), None, stamp()).unwrap();
    let before = plan.clone();
    let err = plan.record_report(ReportDraft { milestones_done: vec![other], ..draft(&plan, t71, date(2022, 3, 1)) }, stamp()).unwrap_err();
    let at = Subject::Report { task: "7.1".into(), date: date(2022, 3, 1) };
    assert_eq!(invalid(err), vec![Invalid::UnknownRef { at, field: RefField::Milestone, id: other }]);
    assert_eq!(plan, before);
}

#[test]
fn a_reading_for_an_unknown_target_is_refused() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let land = plan.task(task_id(&plan, "8.1")).unwrap().targets[0].id;
    let before = plan.clone();
    let err = plan
        .record_report(ReportDraft { readings: vec![Reading { target: land, value: 1.0 }], ..draft(&plan, t, date(2022, 3, 1)) }, stamp())
        .unwrap_err();
    let at = Subject::Report { task: "7.1".into(), date: date(2022, 3, 1) };
    assert_eq!(invalid(err), vec![Invalid::UnknownRef { at, field: RefField::Target, id: land }]);
    assert_eq!(plan, before);
}

#[test]
fn problems_raised_in_a_report_become_problem_records() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    let problems = vec!["Shop owners object".into(), "   ".into(), " Power lines in the way ".into()];
    let id = plan.record_report(ReportDraft { problems, ..draft(&plan, t, date(2022, 3, 1)) }, stamp()).unwrap();
    let got: Vec<_> =
        plan.problems.iter().map(|p| (p.description.as_str(), p.raised_in, p.raised_by, p.task, p.raised_on, p.resolved_on)).collect();
    let want = |d| (d, Some(id), dongmen, t, date(2022, 3, 1), None);
    assert_eq!(got, vec![want("Shop owners object"), want("Power lines in the way")]);
}

#[test]
fn a_report_completing_the_only_milestone_makes_the_milestone_and_the_task_done() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let m = plan.add_milestone(t, Text::new("", "Street reopened"), Some(date(2022, 9, 30)), stamp()).unwrap();
    let today = date(2022, 10, 1);
    let task = plan.task(t).unwrap().clone();
    assert_eq!(plan.milestone_light(&task, &task.milestones[0], today).light, Light::Red);
    plan.record_report(ReportDraft { milestones_done: vec![m], ..draft(&plan, t, date(2022, 9, 20)) }, stamp()).unwrap();
    let done = Reason::Done { on: Some(date(2022, 9, 20)), days_late: 0 };
    assert_eq!(plan.milestone_light(&task, &task.milestones[0], today).reasons, vec![done.clone()]);
    assert!(plan.task_done(&task, chrono::NaiveDate::MAX));
    assert_eq!(plan.task_light(&task, today).reasons, vec![done]);
}

#[test]
fn accept_schedule_adds_one_milestone_per_step_titled_in_the_given_language() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let steps = [Step { title: " 设计 ".into(), days: 31 }, Step { title: "施工".into(), days: 30 }];
    let inv = invert(date(2022, 12, 31), &steps, DayCount::Calendar, date(2022, 3, 1));
    let ids = plan.accept_schedule(t, &inv, Lang::Zh, stamp()).unwrap();
    let task = plan.task(t).unwrap();
    let got: Vec<_> = task.milestones.iter().map(|m| (m.id, m.title.clone(), m.due, m.done_on, m.weight)).collect();
    assert_eq!(
        got,
        vec![
            (ids[0], Text::new("设计", ""), Some(date(2022, 12, 1)), None, 1.0),
            (ids[1], Text::new("施工", ""), Some(date(2022, 12, 31)), None, 1.0)
        ]
    );
    assert_eq!(task.meta.rev, 2);
    let inv = invert(date(2022, 6, 30), &[Step { title: "Design".into(), days: 10 }], DayCount::Calendar, date(2022, 3, 1));
    plan.accept_schedule(t, &inv, Lang::En, stamp()).unwrap();
    assert_eq!(plan.task(t).unwrap().milestones[2].title, Text::new("", "Design"));
}

#[test]
fn accept_schedule_with_a_blank_step_title_is_refused_and_changes_nothing() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let steps = [Step { title: "Design".into(), days: 10 }, Step { title: "  ".into(), days: 5 }];
    let inv = invert(date(2022, 12, 31), &steps, DayCount::Calendar, date(2022, 3, 1));
    let before = plan.clone();
    assert_eq!(invalid(plan.accept_schedule(t, &inv, Lang::En, stamp()).unwrap_err()), vec![Invalid::Blank(Subject::Record("milestone"))]);
    assert_eq!(plan, before);
}

#[test]
fn accept_schedule_past_the_task_due_date_is_refused() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let inv = invert(date(2023, 1, 31), &[Step { title: "Handover".into(), days: 5 }], DayCount::Calendar, date(2022, 3, 1));
    let before = plan.clone();
    let err = plan.accept_schedule(t, &inv, Lang::En, stamp()).unwrap_err();
    assert!(matches!(invalid(err).as_slice(), [Invalid::AfterTaskDue { .. }]));
    assert_eq!(plan, before);
}

#[test]
fn add_milestone_after_the_task_due_date_is_refused() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let before = plan.clone();
    let title = Text::new("", "Handover");
    let err = plan.add_milestone(t, title.clone(), Some(date(2023, 1, 1)), stamp()).unwrap_err();
    let at = Subject::Milestone { task: "7.1".into(), title: title.clone() };
    assert_eq!(invalid(err), vec![Invalid::AfterTaskDue { at, due: date(2023, 1, 1), task_due: date(2022, 12, 31) }]);
    assert_eq!(plan, before);
    plan.add_milestone(t, title, Some(date(2022, 12, 31)), stamp()).unwrap();
}

#[test]
fn delete_milestone_leaves_a_tombstone() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let m = plan.add_milestone(t, Text::new("", "Design"), None, stamp()).unwrap();
    plan.delete_milestone(t, m, stamp()).unwrap();
    let task = plan.task(t).unwrap();
    assert_eq!(task.milestones.iter().map(|x| (x.id, x.meta.deleted, x.meta.rev)).collect::<Vec<_>>(), vec![(m, true, 2)]);
    assert_eq!(task.meta.rev, 3);
    assert_eq!(plan.delete_milestone(t, m, stamp()), Err(EditError::NotFound));
}

#[test]
fn add_target_equal_to_its_baseline_is_refused_and_changes_nothing() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    let before = plan.clone();
    let name = Text::new("", "Factories moved");
    let d =
        TargetDraft { name: name.clone(), measure: "factories".into(), baseline: Some(3.0), target: 3.0, direction: Direction::AtLeast };
    let err = plan.add_target(t, d.clone(), stamp()).unwrap_err();
    assert_eq!(invalid(err), vec![Invalid::TargetEqualsBaseline { at: Subject::Target { task: "8.1".into(), name }, value: 3.0 }]);
    assert_eq!(plan, before);
    let id = plan.add_target(t, TargetDraft { target: 5.0, ..d }, stamp()).unwrap();
    assert_eq!(plan.task(t).unwrap().targets.last().map(|x| (x.id, x.target)), Some((id, 5.0)));
}

#[test]
fn resolve_problem_keeps_the_problem_with_its_resolution() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    plan.record_report(ReportDraft { problems: vec!["Shop owners object".into()], ..draft(&plan, t, date(2022, 3, 1)) }, stamp()).unwrap();
    let id = plan.problems[0].id;
    plan.resolve_problem(id, date(2022, 3, 15), "Met the shop owners".into(), stamp()).unwrap();
    let p = &plan.problems[0];
    assert_eq!(plan.problems.len(), 1);
    assert_eq!(
        (p.description.as_str(), p.resolved_on, p.resolution.as_str(), p.meta.rev),
        ("Shop owners object", Some(date(2022, 3, 15)), "Met the shop owners", 2)
    );
    assert_eq!(plan.resolve_problem(Id::new(), date(2022, 3, 15), String::new(), stamp()), Err(EditError::NotFound));
}

#[test]
fn add_risk_with_a_blank_description_is_refused() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let before = plan.clone();
    assert_eq!(invalid(plan.add_risk(risk(t, "  "), stamp()).unwrap_err()), vec![Invalid::Blank(Subject::Record("risk"))]);
    assert_eq!(plan, before);
    let id = plan.add_risk(risk(t, " Scaffolding over the crowd "), stamp()).unwrap();
    let r = &plan.risks[0];
    assert_eq!((r.id, r.description.as_str(), r.status, r.meta.rev), (id, "Scaffolding over the crowd", RiskStatus::Open, 1));
}

#[test]
fn set_risk_status_changes_it_once_and_the_same_status_is_no_change() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let id = plan.add_risk(risk(t, "Scaffolding over the crowd"), stamp()).unwrap();
    plan.set_risk_status(id, RiskStatus::Mitigating, stamp()).unwrap();
    assert_eq!((plan.risks[0].status, plan.risks[0].meta.rev), (RiskStatus::Mitigating, 2));
    plan.set_risk_status(id, RiskStatus::Mitigating, stamp()).unwrap();
    assert_eq!((plan.risks[0].status, plan.risks[0].meta.rev), (RiskStatus::Mitigating, 2));
    plan.set_risk_status(id, RiskStatus::Closed, stamp()).unwrap();
    assert_eq!((plan.risks.len(), plan.risks[0].status, plan.risks[0].meta.rev), (1, RiskStatus::Closed, 3));
}

#[test]
fn set_task_plan_removes_the_plan_not_submitted_reason() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let today = date(2022, 2, 16);
    let not_submitted =
        |p: &Plan| p.task_light(p.task(t).unwrap(), today).reasons.contains(&Reason::PlanNotSubmitted { due: date(2022, 2, 14) });
    assert!(not_submitted(&plan));
    plan.set_task_plan(t, "1. Survey 2. Design 3. Build".into(), Some(date(2022, 2, 12)), stamp()).unwrap();
    assert!(!not_submitted(&plan));
    let task = plan.task(t).unwrap();
    assert_eq!((task.plan.as_str(), task.plan_submitted_on, task.meta.rev), ("1. Survey 2. Design 3. Build", Some(date(2022, 2, 12)), 2));
    plan.set_task_plan(t, "1. Survey 2. Design 3. Build".into(), Some(date(2022, 2, 12)), stamp()).unwrap();
    assert_eq!(plan.task(t).unwrap().meta.rev, 2);
}

#[test]
fn update_settings_changes_the_thresholds_the_lights_use() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    plan.set_task_plan(t, "Build".into(), Some(date(2022, 2, 10)), stamp()).unwrap();
    plan.add_milestone(t, Text::new("", "Design"), Some(date(2022, 3, 6)), stamp()).unwrap();
    plan.record_report(ReportDraft { progress: Some(20.0), ..draft(&plan, t, date(2022, 3, 1)) }, stamp()).unwrap();
    let light = |p: &Plan| p.task_light(p.task(t).unwrap(), date(2022, 3, 1)).light;
    assert_eq!(light(&plan), Light::Yellow);
    let s = Settings { warning_days: 3, ..plan.settings.clone() };
    plan.update_settings(s.clone(), stamp()).unwrap();
    assert_eq!((&plan.settings, plan.meta.rev), (&s, 2));
    assert_eq!(light(&plan), Light::Green);
    plan.update_settings(s, stamp()).unwrap();
    assert_eq!(plan.meta.rev, 2);
}
