//! The plan's own settings: title, year, kick-off, issuing unit, the
//! plan-submission window; and what follows them.

use super::{date, example, stamp, unit_id};
use crate::domain::edit::EditError;
use crate::domain::plan_head::{kickoff_fits, PlanHead};
use crate::domain::validate::{Invalid, RefField, Subject};
use crate::domain::{Id, Plan, Text};

fn head_2027() -> PlanHead {
    PlanHead {
        title: Text::new("2027年攻坚任务责任分工表", "2027 Critical Tasks"),
        year: 2027,
        kickoff: date(2027, 2, 1),
        issuing_unit: None,
        plan_due_days: 7,
    }
}

fn problems(r: Result<(), EditError>) -> Vec<Invalid> {
    match r {
        Err(EditError::Invalid(v)) => v,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn update_head_sets_title_year_kickoff_issuing_unit_and_window_and_stamps_the_plan() {
    let mut plan = example();
    let office = unit_id(&plan, "Luohu District");
    let rev = plan.meta.rev;
    let d = PlanHead { issuing_unit: Some(office), plan_due_days: 10, ..head_2027() };
    plan.update_head(d.clone(), stamp()).unwrap();
    assert_eq!(plan.head(), d);
    assert_eq!((plan.meta.rev, plan.meta.at), (rev + 1, Some(stamp().at)));
    assert_eq!(plan.settings.plan_due_days, 10);
    // Saving the same head again changes nothing.
    plan.update_head(d, stamp()).unwrap();
    assert_eq!(plan.meta.rev, rev + 1);
}

#[test]
fn the_plan_submission_due_date_follows_the_kickoff_and_the_window() {
    let mut plan = example();
    plan.update_head(head_2027(), stamp()).unwrap();
    assert_eq!(plan.plan_due(), date(2027, 2, 8));
    plan.update_head(PlanHead { kickoff: date(2027, 3, 1), plan_due_days: 14, ..head_2027() }, stamp()).unwrap();
    assert_eq!(plan.plan_due(), date(2027, 3, 15));
}

#[test]
fn update_head_trims_the_titles() {
    let mut plan = example();
    plan.update_head(PlanHead { title: Text::new("  计划 ", " Plan  "), ..head_2027() }, stamp()).unwrap();
    assert_eq!(plan.title, Text::new("计划", "Plan"));
}

#[test]
fn a_title_blank_in_both_languages_is_refused_but_one_language_is_enough() {
    let mut plan = example();
    let before = plan.clone();
    let p = problems(plan.update_head(PlanHead { title: Text::new(" ", "\t"), ..head_2027() }, stamp()));
    assert_eq!(p, vec![Invalid::Blank(Subject::Plan)]);
    assert_eq!(plan, before, "a refusal changes nothing");
    plan.update_head(PlanHead { title: Text::new("", "Only English"), ..head_2027() }, stamp()).unwrap();
    plan.update_head(PlanHead { title: Text::new("只有中文", ""), ..head_2027() }, stamp()).unwrap();
}

#[test]
fn a_year_outside_2000_to_2100_is_refused() {
    let mut plan = example();
    for year in [1999, 2101, 0, -5] {
        let d = PlanHead { year, kickoff: date(2027, 2, 1), ..head_2027() };
        assert_eq!(problems(plan.update_head(d, stamp())), vec![Invalid::YearOutOfRange(year)]);
    }
    for year in [2000, 2100] {
        let d = PlanHead { year, kickoff: date(year, 1, 1), ..head_2027() };
        plan.update_head(d, stamp()).unwrap();
    }
}

#[test]
fn the_kickoff_falls_in_the_year_or_the_december_before() {
    assert!(kickoff_fits(2027, date(2027, 1, 1)));
    assert!(kickoff_fits(2027, date(2027, 12, 31)));
    assert!(kickoff_fits(2027, date(2026, 12, 1)));
    assert!(!kickoff_fits(2027, date(2026, 11, 30)));
    assert!(!kickoff_fits(2027, date(2028, 1, 1)));
    let mut plan = example();
    plan.update_head(PlanHead { kickoff: date(2026, 12, 15), ..head_2027() }, stamp()).unwrap();
    assert!(plan.validate().is_empty(), "a plan the command accepts is valid: {:?}", plan.validate());
    let late = PlanHead { kickoff: date(2028, 1, 2), ..head_2027() };
    assert_eq!(problems(plan.update_head(late, stamp())), vec![Invalid::KickoffOutsideYear(Subject::Plan, date(2028, 1, 2), 2027)]);
}

#[test]
fn an_issuing_unit_not_in_the_plan_is_refused() {
    let mut plan = example();
    let ghost = Id::new();
    let p = problems(plan.update_head(PlanHead { issuing_unit: Some(ghost), ..head_2027() }, stamp()));
    assert_eq!(p, vec![Invalid::UnknownRef { at: Subject::Plan, field: RefField::IssuingUnit, id: ghost }]);
    // Nor a deleted one.
    let office = unit_id(&plan, "Luohu District");
    plan.units.iter_mut().find(|u| u.id == office).unwrap().meta.deleted = true;
    assert_eq!(problems(plan.update_head(PlanHead { issuing_unit: Some(office), ..head_2027() }, stamp())).len(), 1);
}

#[test]
fn a_window_over_366_days_is_refused_and_every_problem_is_listed_at_once() {
    let mut plan = example();
    let d = PlanHead { title: Text::default(), year: 1990, plan_due_days: 400, ..head_2027() };
    let p = problems(plan.update_head(d, stamp()));
    assert_eq!(p, vec![Invalid::Blank(Subject::Plan), Invalid::YearOutOfRange(1990), Invalid::PlanDueDaysOutOfRange(400)]);
}

#[test]
fn starting_a_plan_takes_the_head_first_and_refuses_a_bad_one() {
    let plan = Plan::start(PlanHead { plan_due_days: 5, ..head_2027() }, stamp()).unwrap();
    assert_eq!((plan.year, plan.kickoff, plan.title.en.as_str()), (2027, date(2027, 2, 1), "2027 Critical Tasks"));
    assert_eq!(plan.settings.plan_due_days, 5);
    assert!(!plan.example && plan.units.is_empty() && plan.tasks.is_empty());
    assert!(plan.validate().is_empty());
    let bad = Plan::start(PlanHead { kickoff: date(2025, 2, 1), ..head_2027() }, stamp());
    assert!(matches!(bad, Err(EditError::Invalid(v)) if v == vec![Invalid::KickoffOutsideYear(Subject::Plan, date(2025, 2, 1), 2027)]));
}

#[test]
fn the_appraisal_period_defaults_to_the_plan_year() {
    let mut plan = Plan::start(head_2027(), stamp()).unwrap();
    assert_eq!(plan.appraisal_period(), (date(2027, 1, 1), date(2027, 12, 31)));
    plan.update_head(PlanHead { kickoff: date(2026, 12, 20), ..head_2027() }, stamp()).unwrap();
    assert_eq!(plan.appraisal_period(), (date(2026, 12, 20), date(2027, 12, 31)), "from a December kick-off");
}

#[test]
fn the_timeline_opens_on_the_plan_year() {
    let plan = Plan::start(head_2027(), stamp()).unwrap();
    // Before the year: its kick-off; in it: today; after it: its last day.
    assert_eq!(plan.timeline_anchor(date(2026, 12, 2)), date(2027, 2, 1));
    assert_eq!(plan.timeline_anchor(date(2027, 6, 30)), date(2027, 6, 30));
    assert_eq!(plan.timeline_anchor(date(2028, 3, 1)), date(2027, 12, 31));
    let dec = Plan::start(PlanHead { kickoff: date(2026, 12, 20), ..head_2027() }, stamp()).unwrap();
    assert_eq!(dec.timeline_anchor(date(2026, 12, 2)), date(2027, 1, 1));
}
