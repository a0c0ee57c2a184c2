//! `Plan::validate` and `Plan::check_task`: every problem names its record.

use super::{action_id, date, example, stamp, task_id, unit_id};
use crate::domain::validate::{Invalid, RefField, Subject};
use crate::domain::{Direction, Id, Meta, Milestone, Plan, Reading, Report, Target, Text, Unit};

fn task_mut<'a>(plan: &'a mut Plan, number: &str) -> &'a mut crate::domain::Task {
    let id = task_id(plan, number);
    plan.tasks.iter_mut().find(|t| t.id == id).unwrap()
}

fn milestone(title: &str, due: Option<chrono::NaiveDate>, weight: f64) -> Milestone {
    Milestone { id: Id::new(), title: Text::new("", title), due, done_on: None, weight, meta: Meta::created(stamp()) }
}

fn target(baseline: Option<f64>, value: f64) -> Target {
    let (name, measure, direction, meta) = (Text::new("", "Output"), "%".into(), Direction::AtLeast, Meta::created(stamp()));
    Target { id: Id::new(), name, measure, baseline, target: value, direction, added_by: None, meta }
}

/// A report on task 9.2 by the Enterprise Service Center, dated 2022-03-04.
fn report_on_9_2(plan: &Plan) -> Report {
    let (task, unit, date) = (task_id(plan, "9.2"), unit_id(plan, "Enterprise Service Center"), date(2022, 3, 4));
    let (narrative, help_requested, meta) = ("weekly".into(), String::new(), Meta::created(stamp()));
    let (progress, milestones_done, readings) = (Some(40.0), vec![], vec![]);
    Report {
        id: Id::new(),
        task,
        unit,
        date,
        narrative,
        progress,
        milestones_done,
        readings,
        help_requested,
        supersedes: None,
        withdrawn: false,
        extension: None,
        closure: None,
        answers: vec![],
        unchanged: false,
        progress_reason: String::new(),
        meta,
    }
}

fn messages(plan: &Plan) -> Vec<String> {
    plan.validate().iter().map(|i| i.to_string()).collect()
}

#[test]
fn the_example_plan_has_no_problems() {
    assert_eq!(example().validate(), vec![]);
}

#[test]
fn due_before_start_is_refused_with_task_number() {
    let mut plan = example();
    let t = task_mut(&mut plan, "9.2");
    (t.start, t.due) = (Some(date(2022, 3, 1)), Some(date(2022, 1, 31)));
    assert_eq!(messages(&plan), vec!["task 9.2: due date 2022-01-31 is before its start 2022-03-01"]);
}

#[test]
fn due_on_the_start_day_is_accepted() {
    let mut plan = example();
    let t = task_mut(&mut plan, "9.2");
    (t.start, t.due) = (Some(date(2022, 3, 1)), Some(date(2022, 3, 1)));
    assert_eq!(plan.validate(), vec![]);
}

#[test]
fn blank_plan_title_is_reported() {
    let mut plan = example();
    plan.title = Text::new("  ", "");
    assert_eq!(plan.validate(), vec![Invalid::Blank(Subject::Plan)]);
}

#[test]
fn blank_task_title_names_the_task_number() {
    let mut plan = example();
    task_mut(&mut plan, "7.1").title = Text::default();
    assert_eq!(messages(&plan), vec!["task 7.1: the name or title is empty"]);
}

#[test]
fn blank_action_title_names_the_action_number() {
    let mut plan = example();
    let id = action_id(&plan, 3);
    plan.actions.iter_mut().find(|a| a.id == id).unwrap().title = Text::default();
    assert_eq!(plan.validate(), vec![Invalid::Blank(Subject::Action(3))]);
}

#[test]
fn blank_unit_and_person_names_are_reported() {
    let mut plan = example();
    plan.units[0].name = Text::default();
    plan.people[0].name = Text::new("", " ");
    let problems = plan.validate();
    assert!(problems.contains(&Invalid::Blank(Subject::Record("unit"))), "{problems:?}");
    assert!(problems.contains(&Invalid::Blank(Subject::Record("person"))), "{problems:?}");
}

#[test]
fn blank_milestone_title_names_task_and_milestone() {
    let mut plan = example();
    task_mut(&mut plan, "8.3").milestones.push(milestone("", None, 1.0));
    assert_eq!(plan.validate(), vec![Invalid::Blank(Subject::Milestone { task: "8.3".into(), title: Text::default() })]);
}

#[test]
fn unknown_responsible_unit_is_reported_by_its_field_not_its_id() {
    let mut plan = example();
    let ghost = Id::new();
    task_mut(&mut plan, "7.1").responsible.push(ghost);
    let expected = Invalid::UnknownRef { at: Subject::Task("7.1".into()), field: RefField::Responsible, id: ghost };
    assert_eq!(plan.validate(), vec![expected.clone()]);
    assert_eq!(expected.to_string(), "task 7.1: the responsible unit it names does not exist");
}

#[test]
fn unknown_co_organizer_is_reported() {
    let mut plan = example();
    let ghost = Id::new();
    task_mut(&mut plan, "6.1").co_organizers.push(ghost);
    assert_eq!(plan.validate(), vec![Invalid::UnknownRef { at: Subject::Task("6.1".into()), field: RefField::CoOrganizer, id: ghost }]);
}

#[test]
fn unknown_leader_and_leading_unit_of_an_action_are_reported() {
    let mut plan = example();
    let (who, unit) = (Id::new(), Id::new());
    let id = action_id(&plan, 4);
    let a = plan.actions.iter_mut().find(|a| a.id == id).unwrap();
    a.leaders.push(who);
    a.leading_units.push(unit);
    let unknown = |field, id| Invalid::UnknownRef { at: Subject::Action(4), field, id };
    assert_eq!(plan.validate(), vec![unknown(RefField::Leader, who), unknown(RefField::LeadingUnit, unit)]);
}

#[test]
fn unknown_responsible_person_is_reported() {
    let mut plan = example();
    let ghost = Id::new();
    task_mut(&mut plan, "8.4").person = Some(ghost);
    assert_eq!(plan.validate(), vec![Invalid::UnknownRef { at: Subject::Task("8.4".into()), field: RefField::Person, id: ghost }]);
}

#[test]
fn a_person_in_an_unknown_unit_is_reported() {
    let mut plan = example();
    let ghost = Id::new();
    plan.people[0].unit = Some(ghost);
    let at = Subject::Person(plan.people[0].name.clone());
    assert_eq!(plan.validate(), vec![Invalid::UnknownRef { at, field: RefField::Unit, id: ghost }]);
}

#[test]
fn a_unit_both_responsible_and_co_organizer_is_reported_by_name() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    task_mut(&mut plan, "7.1").co_organizers.push(dongmen);
    assert_eq!(messages(&plan), vec!["task 7.1: 'Dongmen Sub-district' is both a responsible unit and a co-organizer"]);
}

#[test]
fn milestone_due_after_the_task_due_is_reported() {
    let mut plan = example();
    task_mut(&mut plan, "7.1").milestones.push(milestone("Reopen", Some(date(2023, 1, 15)), 1.0));
    let at = Subject::Milestone { task: "7.1".into(), title: Text::new("", "Reopen") };
    assert_eq!(plan.validate(), vec![Invalid::AfterTaskDue { at, due: date(2023, 1, 15), task_due: date(2022, 12, 31) }]);
}

#[test]
fn milestone_due_on_the_task_due_date_is_accepted() {
    let mut plan = example();
    task_mut(&mut plan, "7.1").milestones.push(milestone("Reopen", Some(date(2022, 12, 31)), 1.0));
    assert_eq!(plan.validate(), vec![]);
}

#[test]
fn negative_or_non_finite_milestone_weight_is_reported() {
    let mut plan = example();
    task_mut(&mut plan, "8.1").milestones.push(milestone("Survey", None, -1.0));
    task_mut(&mut plan, "8.2").milestones.push(milestone("Design", None, f64::NAN));
    let problems = plan.validate();
    let expected = matches!(problems.as_slice(),
        [Invalid::NegativeWeight { value, .. }, Invalid::NotFinite { what: "the weight", .. }] if *value == -1.0);
    assert!(expected, "{problems:?}");
}

#[test]
fn target_equal_to_baseline_is_reported() {
    let mut plan = example();
    task_mut(&mut plan, "6.1").targets.push(target(Some(50.0), 50.0));
    let at = Subject::Target { task: "6.1".into(), name: Text::new("", "Output") };
    assert_eq!(plan.validate(), vec![Invalid::TargetEqualsBaseline { at, value: 50.0 }]);
}

#[test]
fn target_without_baseline_is_accepted() {
    let mut plan = example();
    task_mut(&mut plan, "6.1").targets.push(target(None, 50.0));
    assert_eq!(plan.validate(), vec![]);
}

#[test]
fn non_finite_target_or_baseline_is_reported() {
    for (baseline, value) in [(Some(0.0), f64::NAN), (Some(0.0), f64::INFINITY), (Some(f64::NEG_INFINITY), 10.0)] {
        let mut plan = example();
        task_mut(&mut plan, "6.1").targets.push(target(baseline, value));
        let problems = plan.validate();
        assert!(matches!(problems.as_slice(), [Invalid::NotFinite { what: "the target and its baseline", .. }]), "{problems:?}");
    }
}

#[test]
fn report_progress_120_is_out_of_range() {
    let mut plan = example();
    let mut r = report_on_9_2(&plan);
    r.progress = Some(120.0);
    plan.reports.push(r);
    assert_eq!(messages(&plan), vec!["task 9.2, report of 2022-03-04: progress 120 % is outside 0–100 %"]);
}

#[test]
fn report_progress_at_the_bounds_is_accepted() {
    let mut plan = example();
    for p in [0.0, 100.0] {
        let mut r = report_on_9_2(&plan);
        r.progress = Some(p);
        plan.reports.push(r);
    }
    assert_eq!(plan.validate(), vec![]);
}

#[test]
fn report_naming_a_milestone_of_another_task_is_reported() {
    let mut plan = example();
    let other = milestone("Survey", None, 1.0);
    let other_id = other.id;
    task_mut(&mut plan, "9.1").milestones.push(other);
    let mut r = report_on_9_2(&plan);
    r.milestones_done.push(other_id);
    plan.reports.push(r);
    let at = Subject::Report { task: "9.2".into(), date: date(2022, 3, 4) };
    assert_eq!(plan.validate(), vec![Invalid::UnknownRef { at, field: RefField::Milestone, id: other_id }]);
}

#[test]
fn report_reading_of_an_unknown_target_or_a_non_finite_value_is_reported() {
    let mut plan = example();
    let satisfaction = plan.task(task_id(&plan, "9.2")).unwrap().targets[0].id;
    let ghost = Id::new();
    let mut r = report_on_9_2(&plan);
    let read = |target, value| Reading { target, value };
    r.readings = vec![read(satisfaction, 90.0), read(ghost, 1.0), read(satisfaction, f64::NAN)];
    plan.reports.push(r);
    let at = Subject::Report { task: "9.2".into(), date: date(2022, 3, 4) };
    let expected =
        vec![Invalid::UnknownRef { at: at.clone(), field: RefField::Target, id: ghost }, Invalid::NotFinite { at, what: "a reading" }];
    assert_eq!(plan.validate(), expected);
}

#[test]
fn report_on_an_unknown_task_is_labelled_with_a_question_mark() {
    let mut plan = example();
    let ghost = Id::new();
    let mut r = report_on_9_2(&plan);
    r.task = ghost;
    plan.reports.push(r);
    let at = Subject::Report { task: "?".into(), date: date(2022, 3, 4) };
    assert_eq!(plan.validate(), vec![Invalid::UnknownRef { at, field: RefField::Task, id: ghost }]);
}

#[test]
fn duplicate_ids_across_collections_are_reported() {
    let mut plan = example();
    let task = task_id(&plan, "7.1");
    plan.units.push(Unit { id: task, name: Text::new("", "Copy"), key: None, meta: Meta::created(stamp()) });
    let problems = plan.validate();
    assert_eq!(problems, vec![Invalid::DuplicateId(task)]);
    assert_eq!(problems[0].to_string(), "two records share one identifier");
}

#[test]
fn duplicate_ids_count_tombstones_and_nested_records() {
    let mut plan = example();
    let t = task_mut(&mut plan, "9.1");
    let m = milestone("Sign", None, 1.0);
    let mut x = target(Some(0.0), 1.0);
    x.id = m.id;
    t.milestones.push(m.clone());
    t.targets.push(x);
    let mut dead = plan.units[1].clone();
    dead.meta.deleted = true;
    plan.units.push(dead.clone());
    assert_eq!(plan.validate(), vec![Invalid::DuplicateId(dead.id), Invalid::DuplicateId(m.id)]);
}

#[test]
fn kickoff_outside_the_plan_year_is_reported() {
    let mut plan = example();
    plan.kickoff = date(2021, 11, 30);
    assert_eq!(messages(&plan), vec!["the plan: the kick-off 2021-11-30 is neither in the plan's year 2022 nor in the December before it"]);
    // The December before the year is allowed (see domain::plan_head).
    plan.kickoff = date(2021, 12, 30);
    assert!(messages(&plan).is_empty());
}

#[test]
fn tombstoned_records_are_not_validated_as_live() {
    let mut plan = example();
    let t = task_mut(&mut plan, "9.2");
    (t.title, t.start, t.due) = (Text::default(), Some(date(2022, 3, 1)), Some(date(2022, 1, 31)));
    t.meta.deleted = true;
    plan.units.push(Unit { id: Id::new(), name: Text::default(), key: None, meta: Meta { deleted: true, ..Meta::created(stamp()) } });
    let mut r = report_on_9_2(&example());
    (r.progress, r.meta.deleted) = (Some(120.0), true);
    plan.reports.push(r);
    let id = action_id(&plan, 2);
    let a = plan.actions.iter_mut().find(|a| a.id == id).unwrap();
    (a.title, a.meta.deleted) = (Text::default(), true);
    assert_eq!(plan.validate(), vec![]);
}

#[test]
fn references_to_a_deleted_unit_are_reported_as_unknown() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    plan.units.iter_mut().find(|u| u.id == dongmen).unwrap().meta.deleted = true;
    let lu_yi = plan.people.iter().find(|p| p.unit == Some(dongmen)).unwrap().name.clone();
    let unknown = |at, field| Invalid::UnknownRef { at, field, id: dongmen };
    let expected = vec![unknown(Subject::Person(lu_yi), RefField::Unit), unknown(Subject::Task("7.1".into()), RefField::Responsible)];
    assert_eq!(plan.validate(), expected);
}

#[test]
fn a_live_task_of_a_deleted_action_is_reported_with_an_unknown_number() {
    let mut plan = example();
    let seven = action_id(&plan, 7);
    plan.actions.iter_mut().find(|a| a.id == seven).unwrap().meta.deleted = true;
    assert_eq!(plan.validate(), vec![Invalid::UnknownRef { at: Subject::Task("?".into()), field: RefField::Action, id: seven }]);
}

#[test]
fn check_task_reports_only_that_task() {
    let mut plan = example();
    task_mut(&mut plan, "8.1").title = Text::default();
    plan.title = Text::default();
    let t = plan.task(task_id(&plan, "8.1")).unwrap();
    assert_eq!(plan.check_task(t), vec![Invalid::Blank(Subject::Task("8.1".into()))]);
    assert_eq!(plan.check_task(plan.task(task_id(&plan, "8.2")).unwrap()), vec![]);
}

#[test]
fn problems_risks_meetings_and_exemptions_must_name_what_exists() {
    use crate::domain::{Decision, Exemption, Meeting, MeetingKind, Problem, Risk, RiskCategory, RiskLevel, RiskStatus};
    let mut plan = example();
    let (task, unit) = (task_id(&plan, "9.2"), unit_id(&plan, "Dongmen"));
    let ghost = Id::from_name("ghost");
    let meta = Meta::created(stamp());
    plan.problems.push(Problem {
        id: Id::new(),
        task: ghost,
        raised_by: unit,
        raised_on: date(2022, 3, 1),
        description: "x".into(),
        raised_in: Some(ghost),
        assigned_to: None,
        resolved_on: None,
        resolution: String::new(),
        meta: meta.clone(),
    });
    plan.risks.push(Risk {
        id: Id::new(),
        task,
        description: "r".into(),
        level: RiskLevel::High,
        category: RiskCategory::Schedule,
        mitigation: String::new(),
        owner: Some(ghost),
        status: RiskStatus::Open,
        meta: meta.clone(),
    });
    let decision = Decision { id: Id::new(), text: "d".into(), owner: Some(ghost), due: None, closed_on: None };
    let (kind, date_, minutes) = (MeetingKind::Weekly, date(2022, 3, 2), String::new());
    plan.meetings.push(Meeting {
        id: Id::new(),
        kind,
        date: date_,
        chair: Some(ghost),
        attendees: vec![],
        tasks: vec![task],
        minutes,
        decisions: vec![decision],
        meta: meta.clone(),
    });
    let reason = Text::new("容错", "tolerated");
    plan.exemptions.push(Exemption {
        id: Id::new(),
        unit,
        task: Some(task),
        milestone: Some(ghost),
        week: None,
        plan: false,
        reason,
        approved_by: ghost,
        approved_on: date(2022, 3, 3),
        meta,
    });
    let found: Vec<(String, RefField)> = plan
        .validate()
        .into_iter()
        .filter_map(|i| match i {
            Invalid::UnknownRef { at: Subject::Record(kind), field, id } if id == ghost => Some((kind.to_string(), field)),
            _ => None,
        })
        .collect();
    let want = [
        ("problem", RefField::Task),
        ("problem", RefField::RaisedIn),
        ("risk", RefField::Unit),
        ("meeting", RefField::Attendee),
        ("meeting", RefField::Unit),
        ("exemption", RefField::Milestone),
        ("exemption", RefField::Attendee),
    ];
    assert_eq!(found, want.map(|(k, f)| (k.to_string(), f)).to_vec());
}
