//! The board: its counts add up, every figure names the tasks behind it and
//! the table shows exactly those, and the scope narrows it.

use super::task_edit::draft;
use super::{action_id, date, example, stamp, task_id, unit_id};
use crate::domain::board::{Facet, Scope};
use crate::domain::filter::TableFilter;
use crate::domain::light::Light;
use crate::domain::task_edit::ReportDraft;
use crate::domain::{Id, Plan, Text};
use chrono::NaiveDate;
use std::collections::BTreeSet;

fn today() -> NaiveDate {
    date(2022, 6, 30)
}

fn ids(plan: &Plan, numbers: &[&str]) -> Vec<Id> {
    numbers.iter().map(|n| task_id(plan, n)).collect()
}

fn set(v: impl IntoIterator<Item = Id>) -> BTreeSet<Id> {
    v.into_iter().collect()
}

/// The task ids the table shows under `f` as of the board's day.
fn shown(plan: &Plan, f: TableFilter) -> BTreeSet<Id> {
    plan.table(&f, today()).into_iter().flat_map(|r| r.tasks).map(|(id, _)| id).collect()
}

fn report(plan: &mut Plan, number: &str, on: NaiveDate, progress: Option<f64>, problems: &[&str]) -> Id {
    let t = task_id(plan, number);
    // Said in words too, and with a reason, so that a report without a
    // figure or a lower figure is still a report (the input rules are
    // tested in tests/input.rs).
    let (narrative, progress_reason) = ("Reported".to_string(), "Re-estimated".to_string());
    let d = ReportDraft {
        progress,
        narrative,
        progress_reason,
        problems: problems.iter().map(|p| p.to_string()).collect(),
        ..draft(plan, t, on)
    };
    plan.record_report(d, stamp()).unwrap()
}

fn milestone(plan: &mut Plan, number: &str, due: NaiveDate) -> Id {
    let t = task_id(plan, number);
    plan.add_milestone(t, Text::new("", &format!("due {due}")), Some(due), stamp()).unwrap()
}

fn problem_of(plan: &Plan, number: &str) -> Id {
    let t = task_id(plan, number);
    plan.problems.iter().find(|p| p.task == t).unwrap().id
}

/// Every light, overdue and due-soon milestones, units silent or not, and
/// problems open, resolved, and resolved only later.
pub(super) fn varied() -> Plan {
    let mut plan = example();
    for n in ["7.1", "8.1", "8.2", "8.3", "8.4", "8.5", "9.1", "9.2"] {
        plan.set_task_plan(task_id(&plan, n), "Steps".into(), Some(date(2022, 2, 10)), stamp()).unwrap();
    }
    let t92 = task_id(&plan, "9.2");
    // A deadline, so that 9.2 is merely not started (without one it is flagged).
    let t = plan.tasks.iter_mut().find(|t| t.id == t92).unwrap();
    (t.start, t.due) = (Some(date(2022, 7, 15)), Some(date(2022, 12, 31)));
    milestone(&mut plan, "7.1", date(2022, 6, 20));
    milestone(&mut plan, "8.1", date(2022, 7, 5));
    milestone(&mut plan, "8.1", date(2022, 6, 25));
    milestone(&mut plan, "8.2", date(2022, 7, 14));
    milestone(&mut plan, "8.3", date(2022, 7, 3));
    report(&mut plan, "6.1", date(2022, 3, 1), None, &["No budget line"]);
    report(&mut plan, "7.1", date(2022, 6, 26), Some(40.0), &[]);
    report(&mut plan, "8.1", date(2022, 6, 28), Some(80.0), &[]);
    report(&mut plan, "8.2", date(2022, 6, 27), Some(50.0), &[]);
    report(&mut plan, "8.3", date(2022, 6, 29), Some(50.0), &["Funding gap"]);
    report(&mut plan, "8.4", date(2022, 6, 28), Some(100.0), &[]);
    report(&mut plan, "8.5", date(2022, 5, 1), None, &["Permit delayed"]);
    plan.resolve_problem(problem_of(&plan, "8.5"), date(2022, 6, 1), "Issued".into(), stamp()).unwrap();
    report(&mut plan, "8.5", date(2022, 6, 26), Some(10.0), &[]);
    report(&mut plan, "9.1", date(2022, 7, 1), Some(100.0), &["Raised tomorrow"]);
    report(&mut plan, "9.2", date(2022, 6, 10), None, &["Office space"]);
    plan.resolve_problem(problem_of(&plan, "9.2"), date(2022, 7, 5), "Later".into(), stamp()).unwrap();
    plan
}

fn of_light(v: &[(Light, Vec<Id>)], l: Light) -> Vec<Id> {
    v.iter().find(|(x, _)| *x == l).map(|(_, ids)| ids.clone()).unwrap()
}

fn assert_counts_add_up(plan: &Plan, scope: &Scope) {
    let b = plan.board(scope, today());
    let all: Vec<Id> = b.by_light.iter().flat_map(|(_, ids)| ids.clone()).collect();
    assert_eq!(all.len(), b.tasks.len());
    assert_eq!(set(all), set(b.tasks.clone()), "every task exactly once");
    assert_eq!(b.by_light.iter().map(|(l, _)| *l).collect::<Vec<_>>(), Light::ALL);
}

#[test]
fn the_board_counts_every_task_under_exactly_one_light() {
    let plan = example();
    assert_counts_add_up(&plan, &Scope::default());
    let b = plan.board(&Scope::default(), today());
    assert_eq!(b.tasks.len(), 9);
    // No plan (施工图) was submitted a week after kick-off: all red.
    assert_eq!(of_light(&b.by_light, Light::Red), b.tasks);
    let plan = varied();
    for scope in [Scope::default(), Scope { unit: Some(unit_id(&plan, "Dawutong")), ..Scope::default() }] {
        assert_counts_add_up(&plan, &scope);
    }
}

#[test]
fn the_varied_state_has_every_light() {
    let plan = varied();
    let b = plan.board(&Scope::default(), today());
    let expect = [
        (Light::Red, vec!["6.1", "7.1", "8.1"]),
        (Light::Yellow, vec!["8.3", "8.5", "9.1"]),
        (Light::Green, vec!["8.2"]),
        (Light::Grey, vec!["9.2"]),
        (Light::Done, vec!["8.4"]),
    ];
    for (l, numbers) in expect {
        assert_eq!(of_light(&b.by_light, l), ids(&plan, &numbers), "{l:?}");
    }
}

#[test]
fn completion_is_the_mean_task_progress_and_a_done_task_counts_as_100() {
    let mut plan = example();
    assert_eq!(plan.board(&Scope::default(), today()).completion, 0.0);
    report(&mut plan, "7.1", date(2022, 6, 1), Some(40.0), &[]);
    report(&mut plan, "8.1", date(2022, 6, 1), Some(80.0), &[]);
    assert!((plan.board(&Scope::default(), today()).completion - 120.0 / 9.0).abs() < 1e-9);
    // Done on a report saying 100 %, and counted as 100.
    report(&mut plan, "9.1", date(2022, 6, 1), Some(100.0), &[]);
    assert_eq!(plan.task_light(plan.task(task_id(&plan, "9.1")).unwrap(), today()).light, Light::Done);
    assert!((plan.board(&Scope::default(), today()).completion - 220.0 / 9.0).abs() < 1e-9);
    // A later, lower figure corrects it: the last report wins.
    report(&mut plan, "9.1", date(2022, 6, 15), Some(90.0), &[]);
    assert_ne!(plan.task_light(plan.task(task_id(&plan, "9.1")).unwrap(), today()).light, Light::Done);
    assert!((plan.board(&Scope::default(), today()).completion - 210.0 / 9.0).abs() < 1e-9);
}

#[test]
fn every_number_names_exactly_the_tasks_the_table_shows() {
    let plan = varied();
    let b = plan.board(&Scope::default(), today());
    let f = TableFilter::default;
    for (l, tasks) in &b.by_light {
        assert_eq!(shown(&plan, TableFilter { light: Some(*l), ..f() }), set(tasks.clone()), "{l:?}");
    }
    for a in &b.actions {
        for (l, tasks) in &a.by_light {
            assert_eq!(shown(&plan, TableFilter { action: Some(a.action), light: Some(*l), ..f() }), set(tasks.clone()));
        }
    }
    for u in &b.units {
        assert_eq!(shown(&plan, TableFilter { unit: Some(u.unit), ..f() }), set(u.tasks.clone()));
        for (l, tasks) in [(Light::Red, &u.red), (Light::Yellow, &u.yellow)] {
            assert_eq!(shown(&plan, TableFilter { unit: Some(u.unit), light: Some(l), ..f() }), set(tasks.clone()));
        }
    }
    let facet = |x| shown(&plan, TableFilter { facet: Some(x), ..f() });
    assert_eq!(facet(Facet::Overdue), set(b.overdue.iter().map(|m| m.task)));
    assert_eq!(facet(Facet::Overdue), set(ids(&plan, &["7.1", "8.1"])));
    assert_eq!(facet(Facet::DueSoon), set(b.due_soon.iter().map(|m| m.task)));
    assert_eq!(facet(Facet::DueSoon), set(ids(&plan, &["8.1", "8.2", "8.3"])));
    assert_eq!(b.silent.len(), 4);
    for s in &b.silent {
        assert_eq!(shown(&plan, TableFilter { unit: Some(s.unit), facet: Some(Facet::Silent), ..f() }), set(s.tasks.clone()));
    }
    assert_eq!(facet(Facet::Silent), set(b.silent.iter().flat_map(|s| s.tasks.clone())));
    let problem_tasks = b.open_problems.iter().map(|p| plan.problems.iter().find(|x| x.id == *p).unwrap().task);
    assert_eq!(facet(Facet::Problems), set(problem_tasks));
}

#[test]
fn a_unit_s_row_counts_tasks_of_an_action_it_leads_as_the_table_does() {
    let mut plan = varied();
    let dongmen = unit_id(&plan, "Dongmen");
    let a8 = action_id(&plan, 8);
    plan.actions.iter_mut().find(|a| a.id == a8).unwrap().leading_units.push(dongmen);
    let b = plan.board(&Scope::default(), today());
    let row = b.units.iter().find(|u| u.unit == dongmen).unwrap();
    let f = |light| TableFilter { unit: Some(dongmen), light, ..Default::default() };
    assert_eq!(set(row.tasks.clone()), shown(&plan, f(None)));
    assert_eq!(set(row.red.clone()), shown(&plan, f(Some(Light::Red))));
    assert_eq!(set(row.red.clone()), set(ids(&plan, &["7.1", "8.1"])));
    assert_eq!(set(row.yellow.clone()), shown(&plan, f(Some(Light::Yellow))));
}

#[test]
fn a_task_past_its_own_due_date_is_on_the_board_s_overdue_list() {
    let mut plan = varied();
    let t = task_id(&plan, "9.1");
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().due = Some(date(2022, 6, 1));
    let b = plan.board(&Scope::default(), today());
    let f = TableFilter { facet: Some(Facet::Overdue), ..Default::default() };
    assert_eq!(set(b.overdue.iter().map(|m| m.task)), shown(&plan, f));
}

#[test]
fn a_unit_scope_keeps_its_tasks_and_those_of_actions_it_leads() {
    let mut plan = example();
    let (esc, drb) = (unit_id(&plan, "Enterprise Service Center"), unit_id(&plan, "Development and Reform"));
    // 9.2 handed to another unit: ESC still sees it, as the leading unit of action 9.
    let t92 = task_id(&plan, "9.2");
    plan.tasks.iter_mut().find(|t| t.id == t92).unwrap().responsible = vec![drb];
    let b = plan.board(&Scope { unit: Some(esc), ..Scope::default() }, today());
    assert_eq!(b.tasks, ids(&plan, &["9.1", "9.2"]));
    assert_eq!(b.actions.iter().map(|a| (a.action, a.number)).collect::<Vec<_>>(), vec![(action_id(&plan, 9), 9)]);
    assert_eq!(b.units.iter().map(|u| u.unit).collect::<Vec<_>>(), vec![esc]);
    let b = plan.board(&Scope { unit: Some(drb), ..Scope::default() }, today());
    assert_eq!(b.tasks, ids(&plan, &["6.1", "9.2"]));
}

#[test]
fn an_action_scope_keeps_only_that_action_and_units_with_tasks_in_it() {
    let plan = example();
    let b = plan.board(&Scope { action: Some(action_id(&plan, 8)), ..Scope::default() }, today());
    assert_eq!(b.tasks, ids(&plan, &["8.1", "8.2", "8.3", "8.4", "8.5"]));
    assert_eq!(b.actions.iter().map(|a| a.number).collect::<Vec<_>>(), vec![8]);
    assert_eq!(b.units.iter().map(|u| u.unit).collect::<Vec<_>>(), vec![unit_id(&plan, "Dawutong")]);
}

#[test]
fn week_start_is_the_monday_of_the_week() {
    assert_eq!(Plan::week_start(date(2022, 6, 30)), date(2022, 6, 27));
    assert_eq!(Plan::week_start(date(2022, 6, 27)), date(2022, 6, 27));
    assert_eq!(Plan::week_start(date(2022, 7, 3)), date(2022, 6, 27));
    assert_eq!(Plan::board(&example(), &Scope::default(), today()).week_start, date(2022, 6, 27));
}

fn silent_on(plan: &Plan, number: &str) -> Vec<Id> {
    let t = plan.task(task_id(plan, number)).unwrap();
    plan.silent_units(t, plan.task_light(t, today()).light, today())
}

#[test]
fn a_responsible_unit_is_silent_until_it_reports_this_week() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    assert_eq!(silent_on(&plan, "7.1"), vec![dongmen]);
    report(&mut plan, "7.1", date(2022, 6, 26), None, &[]);
    assert_eq!(silent_on(&plan, "7.1"), vec![dongmen], "Sunday is last week");
    report(&mut plan, "7.1", date(2022, 7, 1), None, &[]);
    assert_eq!(silent_on(&plan, "7.1"), vec![dongmen], "a report after today does not count");
    report(&mut plan, "7.1", date(2022, 6, 27), None, &[]);
    assert_eq!(silent_on(&plan, "7.1"), vec![]);
}

#[test]
fn a_task_not_started_or_done_has_no_silent_units() {
    let mut plan = example();
    let t = task_id(&plan, "9.2");
    plan.set_task_plan(t, "Steps".into(), Some(date(2022, 2, 10)), stamp()).unwrap();
    let x = plan.tasks.iter_mut().find(|x| x.id == t).unwrap();
    (x.start, x.due) = (Some(date(2022, 7, 15)), Some(date(2022, 12, 31)));
    report(&mut plan, "8.4", date(2022, 6, 1), Some(100.0), &[]);
    assert_eq!(plan.task_light(plan.task(t).unwrap(), today()).light, Light::Grey);
    assert_eq!(silent_on(&plan, "9.2"), vec![]);
    assert_eq!(silent_on(&plan, "8.4"), vec![]);
    let silent: Vec<Id> = plan.board(&Scope::default(), today()).silent.into_iter().flat_map(|s| s.tasks).collect();
    assert!(!silent.contains(&t) && !silent.contains(&task_id(&plan, "8.4")));
}

#[test]
fn overdue_milestones_most_overdue_first_and_due_soon_by_date_within_the_window() {
    let mut plan = example();
    let two = milestone(&mut plan, "7.1", date(2022, 6, 28));
    let ten = milestone(&mut plan, "7.1", date(2022, 6, 20));
    let five = milestone(&mut plan, "8.1", date(2022, 6, 25));
    let last = milestone(&mut plan, "8.1", date(2022, 7, 14));
    milestone(&mut plan, "8.1", date(2022, 7, 15));
    let now = milestone(&mut plan, "7.1", date(2022, 6, 30));
    let b = plan.board(&Scope::default(), today());
    assert_eq!(b.overdue.iter().map(|m| (m.milestone, m.days)).collect::<Vec<_>>(), vec![(Some(ten), 10), (Some(five), 5), (Some(two), 2)]);
    assert_eq!(b.due_soon.iter().map(|m| (m.milestone, m.days)).collect::<Vec<_>>(), vec![(Some(now), 0), (Some(last), 14)]);
}

#[test]
fn a_milestone_completed_by_a_report_leaves_overdue_and_due_soon() {
    let mut plan = example();
    let late = milestone(&mut plan, "7.1", date(2022, 6, 20));
    let soon = milestone(&mut plan, "7.1", date(2022, 7, 4));
    let t = task_id(&plan, "7.1");
    plan.record_report(ReportDraft { milestones_done: vec![late, soon], ..draft(&plan, t, date(2022, 6, 29)) }, stamp()).unwrap();
    let b = plan.board(&Scope::default(), today());
    assert_eq!((b.overdue, b.due_soon), (vec![], vec![]));
    // As of the day before the report, both were still open.
    let b = plan.board(&Scope::default(), date(2022, 6, 28));
    assert_eq!((b.overdue.len(), b.due_soon.len()), (1, 1));
}

#[test]
fn open_problems_oldest_first_until_resolved_as_of_today() {
    let plan = varied();
    let b = plan.board(&Scope::default(), today());
    assert_eq!(b.open_problems, vec![problem_of(&plan, "6.1"), problem_of(&plan, "9.2"), problem_of(&plan, "8.3")]);
    // The problem on 9.2 was resolved after today: still open today, gone after.
    assert!(!plan.board(&Scope::default(), date(2022, 7, 5)).open_problems.contains(&problem_of(&plan, "9.2")));
    // 9.1's problem is raised after today; 8.5's was resolved before.
    assert!(!b.open_problems.contains(&problem_of(&plan, "9.1")) && !b.open_problems.contains(&problem_of(&plan, "8.5")));
}

#[test]
fn a_facet_round_trips_through_its_key_and_the_show_parameter() {
    for x in Facet::ALL {
        assert_eq!(Facet::parse(x.key()), Some(x));
        let f = TableFilter { facet: Some(x), ..Default::default() };
        assert_eq!(f.to_query(), vec![("show", x.key().to_string())]);
        assert_eq!(TableFilter::from_query(|k| (k == "show").then(|| x.key().to_string())), f);
    }
    assert_eq!(Facet::ALL.map(|x| x.key()).into_iter().collect::<BTreeSet<_>>().len(), Facet::ALL.len());
    assert_eq!(Facet::parse("late"), None);
    assert_eq!(TableFilter::from_query(|k| (k == "show").then(|| "late".to_string())), TableFilter::default());
}

#[test]
fn units_without_tasks_are_not_listed_and_the_reddest_come_first() {
    let plan = varied();
    let b = plan.board(&Scope::default(), today());
    assert!(!b.units.iter().any(|u| u.unit == unit_id(&plan, "Luohu District")));
    assert_eq!(b.units.len(), 4);
    let counts: Vec<(usize, usize)> = b.units.iter().map(|u| (u.red.len(), u.yellow.len())).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert_eq!((b.units[0].unit, counts[0]), (unit_id(&plan, "Dawutong"), (1, 2)));
    assert_eq!((b.units[3].unit, counts[3]), (unit_id(&plan, "Enterprise Service Center"), (0, 1)));
}

#[test]
fn each_list_s_number_counts_its_tasks_once() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    plan.set_task_plan(t, "steps".into(), Some(date(2022, 2, 10)), stamp()).unwrap();
    plan.add_milestone(t, crate::domain::Text::new("", "Design"), Some(date(2022, 6, 20)), stamp()).unwrap();
    plan.add_milestone(t, crate::domain::Text::new("", "Tender"), Some(date(2022, 6, 25)), stamp()).unwrap();
    let b = plan.board(&Scope::default(), today());
    assert_eq!(b.overdue.len(), 2);
    assert_eq!(b.overdue_tasks(), vec![t]);
    assert_eq!(b.silent_tasks().len(), 9);
}
