//! The board's pictures: the burn-up against the time elapsed, and each
//! unit's weeks reported on time.

use super::board::varied;
use super::task_edit::draft;
use super::{action_id, date, example, stamp, task_id, unit_id};
use crate::domain::board::Scope;
use crate::domain::task_edit::ReportDraft;
use crate::domain::{Id, Plan};
use chrono::{Duration, NaiveDate};

fn today() -> NaiveDate {
    date(2022, 6, 30)
}

fn report(plan: &mut Plan, task: Id, on: NaiveDate, progress: Option<f64>) {
    let d = ReportDraft { progress, narrative: "Reported".into(), progress_reason: "Re-estimated".into(), ..draft(plan, task, on) };
    plan.record_report(d, stamp()).unwrap();
}

#[test]
fn the_elapsed_line_runs_from_nothing_to_all_over_the_window() {
    let plan = example();
    let b = plan.burn_up(&Scope::default(), today());
    assert_eq!(b.start, plan.kickoff);
    assert_eq!(b.end, date(2022, 12, 31), "every task is due by the year's end");
    let first = b.points.first().unwrap();
    let last = b.points.last().unwrap();
    assert_eq!((first.date, first.elapsed), (b.start, 0.0));
    assert_eq!((last.date, last.elapsed), (b.end, 100.0));
    assert!(b.points.windows(2).all(|w| w[0].date < w[1].date && w[0].elapsed <= w[1].elapsed));
    // Monthly, with the board's day among the points.
    assert!(b.points.iter().any(|p| p.date == date(2022, 3, 1)) && b.points.iter().any(|p| p.date == today()));
    let on_day = b.points.iter().find(|p| p.date == today()).unwrap();
    let expected = 100.0 * (today() - b.start).num_days() as f64 / (b.end - b.start).num_days() as f64;
    assert!((on_day.elapsed - expected).abs() < 1e-9);
}

#[test]
fn progress_is_known_only_up_to_the_board_day() {
    let plan = example();
    let b = plan.burn_up(&Scope::default(), today());
    assert!(b.points.iter().filter(|p| p.date <= today()).all(|p| p.progress.is_some()));
    assert!(b.points.iter().filter(|p| p.date > today()).all(|p| p.progress.is_none()));
}

#[test]
fn progress_over_time_counts_the_reports_known_at_each_point() {
    let mut plan = example();
    let scope = Scope { action: Some(action_id(&plan, 7)), ..Scope::default() };
    let n = plan.board(&scope, today()).tasks.len() as f64;
    let t = task_id(&plan, "7.1");
    report(&mut plan, t, date(2022, 4, 15), Some(60.0));
    let b = plan.burn_up(&scope, today());
    let at = |d: NaiveDate| b.points.iter().find(|p| p.date == d).and_then(|p| p.progress).unwrap();
    assert_eq!(at(date(2022, 4, 1)), 0.0, "not reported yet on the 1st of April");
    assert!((at(date(2022, 5, 1)) - 60.0 / n).abs() < 1e-9, "reported by the 1st of May");
}

#[test]
fn the_burn_up_ends_at_the_boards_completion_by_the_same_rule() {
    let plan = varied();
    for scope in [Scope::default(), Scope { action: Some(action_id(&plan, 8)), ..Scope::default() }] {
        let board = plan.board(&scope, today());
        let b = plan.burn_up(&scope, today());
        let on_day = b.points.iter().find(|p| p.date == today()).and_then(|p| p.progress).unwrap();
        assert!((on_day - board.completion).abs() < 1e-9, "{on_day} vs {}", board.completion);
        assert!(on_day > 0.0);
    }
}

/// Reports from `unit`'s tasks every week from the kick-off to the week
/// before the board's day, except the week beginning `skip`.
fn weekly_reports(plan: &mut Plan, unit: Id, skip: Option<NaiveDate>) {
    let tasks: Vec<Id> = plan.tasks.iter().filter(|t| t.responsible.first() == Some(&unit)).map(|t| t.id).collect();
    assert!(!tasks.is_empty());
    let mut week = plan.kickoff;
    while week < date(2022, 6, 27) {
        if Some(week) != skip {
            for t in &tasks {
                report(plan, *t, week + Duration::days(2), None);
            }
        }
        week += Duration::days(7);
    }
}

#[test]
fn a_unit_that_reported_every_week_is_always_on_time() {
    let mut plan = example();
    let unit = unit_id(&plan, "Dongmen");
    weekly_reports(&mut plan, unit, None);
    let rows = plan.on_time_by_unit(&Scope { unit: Some(unit), ..Scope::default() }, today());
    assert_eq!(rows.len(), 1);
    // The kick-off was Monday 7 February: 20 whole weeks to Sunday 26 June.
    assert_eq!((rows[0].unit, rows[0].owed, rows[0].on_time), (unit, 20, 20));
    assert_eq!(rows[0].percent(), 100.0);
}

#[test]
fn a_unit_that_skipped_a_week_is_not() {
    let mut plan = example();
    let unit = unit_id(&plan, "Dongmen");
    weekly_reports(&mut plan, unit, Some(date(2022, 3, 14)));
    let rows = plan.on_time_by_unit(&Scope::default(), today());
    let row = rows.iter().find(|r| r.unit == unit).unwrap();
    assert_eq!((row.owed, row.on_time), (20, 19));
    assert!(row.percent() < 100.0);
    // Those that never reported come first; this unit after them.
    assert!(rows[0].on_time == 0 && rows.last().unwrap().unit == unit);
}

#[test]
fn a_task_done_owes_no_more_weeks() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let unit = plan.task(t).unwrap().lead_unit().unwrap();
    let before = plan.on_time_by_unit(&Scope { unit: Some(unit), ..Scope::default() }, today())[0].owed;
    report(&mut plan, t, date(2022, 3, 2), Some(100.0));
    let after = plan.on_time_by_unit(&Scope { unit: Some(unit), ..Scope::default() }, today())[0].clone();
    assert!(after.owed < before, "{} owed before, {} after", before, after.owed);
}

/// The large plan (1,000 tasks, 20,000 reports): reports grouped once, so
/// both pictures stay well under a second even in a debug build.
#[test]
fn the_pictures_of_a_thousand_tasks_read_the_reports_once() {
    use crate::domain::sample::{large_plan, Size};
    let p = large_plan(1, Size::default());
    let today = p.as_of(p.kickoff) + Duration::days(120);
    let t = std::time::Instant::now();
    let b = p.burn_up(&Scope::default(), today);
    let units = p.on_time_by_unit(&Scope::default(), today);
    let elapsed = t.elapsed();
    assert!(b.points.len() >= 4 && !units.is_empty());
    assert!(elapsed.as_secs_f64() < 8.0, "burn-up + on time took {elapsed:?}");
}
