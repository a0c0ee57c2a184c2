//! Progress derived from reports: when a milestone was done, a target's
//! current value and progress, a task's progress and whether it is done.

use super::task_edit::draft;
use super::{date, example, stamp, task_id};
use crate::domain::task_edit::ReportDraft;
use crate::domain::{Direction, Id, Meta, Plan, Reading, Target, Text};
use chrono::NaiveDate;

fn target(baseline: Option<f64>, value: f64, direction: Direction) -> Target {
    Target {
        id: Id::new(),
        name: Text::new("", "A target"),
        measure: String::new(),
        baseline,
        target: value,
        direction,
        added_by: None,
        meta: Meta::default(),
    }
}

/// A report on `task` dated `on` reading `value` for its first target.
fn reading(plan: &mut Plan, task: Id, on: NaiveDate, value: f64) -> Id {
    let x = plan.task(task).unwrap().targets[0].id;
    plan.record_report(ReportDraft { readings: vec![Reading { target: x, value }], ..draft(plan, task, on) }, stamp()).unwrap()
}

fn done_on(plan: &Plan, task: Id, milestone: Id) -> Option<NaiveDate> {
    let t = plan.task(task).unwrap();
    plan.milestone_done_on(t, t.milestones.iter().find(|m| m.id == milestone).unwrap(), chrono::NaiveDate::MAX)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn milestone_done_on_is_the_earliest_of_its_own_date_and_the_reports_that_complete_it() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let m = plan.add_milestone(t, Text::new("", "Design approved"), Some(date(2022, 3, 31)), stamp()).unwrap();
    assert_eq!(done_on(&plan, t, m), None);
    for on in [date(2022, 3, 20), date(2022, 3, 5)] {
        plan.record_report(ReportDraft { milestones_done: vec![m], ..draft(&plan, t, on) }, stamp()).unwrap();
    }
    assert_eq!(done_on(&plan, t, m), Some(date(2022, 3, 5)));
    let set_own = |plan: &mut Plan, on| plan.tasks.iter_mut().find(|x| x.id == t).unwrap().milestones[0].done_on = Some(on);
    set_own(&mut plan, date(2022, 3, 10));
    assert_eq!(done_on(&plan, t, m), Some(date(2022, 3, 5)));
    set_own(&mut plan, date(2022, 3, 1));
    assert_eq!(done_on(&plan, t, m), Some(date(2022, 3, 1)));
}

#[test]
fn a_milestone_done_only_by_its_own_date_counts() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let m = plan.add_milestone(t, Text::new("", "Design approved"), None, stamp()).unwrap();
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().milestones[0].done_on = Some(date(2022, 4, 1));
    assert_eq!(done_on(&plan, t, m), Some(date(2022, 4, 1)));
}

#[test]
fn target_current_is_the_latest_reading_by_report_date_not_by_insertion_order() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    let x = plan.task(t).unwrap().targets[0].id;
    assert_eq!(plan.target_current(t, x, chrono::NaiveDate::MAX), None);
    reading(&mut plan, t, date(2022, 6, 1), 150_000.0);
    reading(&mut plan, t, date(2022, 4, 1), 100_000.0);
    assert_eq!(plan.target_current(t, x, chrono::NaiveDate::MAX), Some(150_000.0));
    // A report without a reading does not hide the last one.
    plan.record_report(ReportDraft { narrative: "Works continue".into(), ..draft(&plan, t, date(2022, 6, 20)) }, stamp()).unwrap();
    assert_eq!(plan.target_current(t, x, chrono::NaiveDate::MAX), Some(150_000.0));
    assert!(close(plan.target_progress(t, &plan.task(t).unwrap().targets[0], chrono::NaiveDate::MAX).unwrap(), 0.75));
}

#[test]
fn on_the_same_date_the_reading_recorded_last_counts() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    let x = plan.task(t).unwrap().targets[0].id;
    reading(&mut plan, t, date(2022, 6, 1), 150_000.0);
    reading(&mut plan, t, date(2022, 6, 1), 120_000.0);
    assert_eq!(plan.target_current(t, x, chrono::NaiveDate::MAX), Some(120_000.0));
}

#[test]
fn at_least_progress_counts_from_the_baseline() {
    assert!(close(target(Some(0.0), 200_000.0, Direction::AtLeast).progress(50_000.0), 0.25));
    assert!(close(target(Some(100.0), 300.0, Direction::AtLeast).progress(150.0), 0.25));
}

#[test]
fn at_most_progress_counts_down_from_the_baseline() {
    // 10 accidents last year, at most 2 this year; 4 so far: 6 of the 8 fewer.
    assert!(close(target(Some(10.0), 2.0, Direction::AtMost).progress(4.0), 0.75));
}

#[test]
fn without_a_baseline_at_least_counts_from_zero() {
    // Satisfaction at least 95 %; 76 % is 0.8 of the way.
    assert!(close(target(None, 95.0, Direction::AtLeast).progress(76.0), 0.8));
}

#[test]
fn without_a_baseline_at_most_is_all_or_nothing() {
    let x = target(None, 5.0, Direction::AtMost);
    assert_eq!((x.progress(5.0), x.progress(4.0), x.progress(6.0)), (1.0, 1.0, 0.0));
}

#[test]
fn progress_is_clamped_to_0_to_1_when_overshooting_or_going_backwards() {
    let more = target(Some(0.0), 200_000.0, Direction::AtLeast);
    assert_eq!((more.progress(250_000.0), more.progress(-10.0)), (1.0, 0.0));
    let fewer = target(Some(10.0), 2.0, Direction::AtMost);
    assert_eq!((fewer.progress(0.0), fewer.progress(12.0)), (1.0, 0.0));
    assert_eq!(target(None, 95.0, Direction::AtLeast).progress(120.0), 1.0);
}

#[test]
fn a_target_equal_to_its_baseline_is_all_or_nothing() {
    let x = target(Some(0.0), 0.0, Direction::AtMost);
    assert_eq!((x.progress(0.0), x.progress(1.0)), (1.0, 0.0));
    let y = target(Some(3.0), 3.0, Direction::AtLeast);
    assert_eq!((y.progress(3.0), y.progress(2.0)), (1.0, 0.0));
    assert_eq!(target(None, 0.0, Direction::AtLeast).progress(0.0), 1.0);
}

#[test]
fn task_progress_prefers_the_last_reported_percentage() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    let x = plan.task(t).unwrap().targets[0].id;
    plan.record_report(ReportDraft { progress: Some(30.0), ..draft(&plan, t, date(2022, 4, 1)) }, stamp()).unwrap();
    plan.record_report(ReportDraft { progress: Some(40.0), ..draft(&plan, t, date(2022, 5, 1)) }, stamp()).unwrap();
    let with_reading = ReportDraft { readings: vec![Reading { target: x, value: 180_000.0 }], ..draft(&plan, t, date(2022, 6, 1)) };
    plan.record_report(with_reading, stamp()).unwrap();
    assert_eq!(plan.task_progress(plan.task(t).unwrap(), chrono::NaiveDate::MAX), Some(40.0));
}

#[test]
fn task_progress_without_a_reported_figure_is_the_share_of_milestone_weight_done() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    plan.add_milestone(t, Text::new("", "Survey"), None, stamp()).unwrap();
    let heavy = plan.add_milestone(t, Text::new("", "Transfer"), None, stamp()).unwrap();
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().milestones[1].weight = 3.0;
    reading(&mut plan, t, date(2022, 4, 1), 20_000.0);
    assert_eq!(plan.task_progress(plan.task(t).unwrap(), chrono::NaiveDate::MAX), Some(0.0));
    plan.record_report(ReportDraft { milestones_done: vec![heavy], ..draft(&plan, t, date(2022, 5, 1)) }, stamp()).unwrap();
    assert_eq!(plan.task_progress(plan.task(t).unwrap(), chrono::NaiveDate::MAX), Some(75.0));
}

#[test]
fn task_progress_with_no_weight_is_the_mean_of_its_targets() {
    let mut plan = example();
    let t = task_id(&plan, "9.1");
    let ids: Vec<Id> = plan.task(t).unwrap().targets.iter().map(|x| x.id).collect();
    assert_eq!(plan.task_progress(plan.task(t).unwrap(), chrono::NaiveDate::MAX), None);
    // Revenue 125 of 250, tax 20 of 20: (0.5 + 1) / 2.
    let readings = vec![Reading { target: ids[0], value: 125.0 }, Reading { target: ids[1], value: 20.0 }];
    plan.record_report(ReportDraft { readings, ..draft(&plan, t, date(2022, 6, 1)) }, stamp()).unwrap();
    assert_eq!(plan.task_progress(plan.task(t).unwrap(), chrono::NaiveDate::MAX), Some(75.0));
    // Milestones of zero weight leave it to the targets.
    plan.add_milestone(t, Text::new("", "Mechanism set up"), None, stamp()).unwrap();
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().milestones[0].weight = 0.0;
    assert_eq!(plan.task_progress(plan.task(t).unwrap(), chrono::NaiveDate::MAX), Some(75.0));
}

#[test]
fn a_task_with_nothing_reported_has_no_progress_and_is_not_done() {
    let plan = example();
    let t = plan.task(task_id(&plan, "7.1")).unwrap();
    assert_eq!(
        (
            plan.task_progress(t, chrono::NaiveDate::MAX),
            plan.task_done(t, chrono::NaiveDate::MAX),
            plan.task_done_on(t, chrono::NaiveDate::MAX)
        ),
        (None, false, None)
    );
}

#[test]
fn a_task_reported_at_100_percent_is_done_on_that_report_s_date() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    plan.record_report(ReportDraft { progress: Some(100.0), ..draft(&plan, t, date(2022, 11, 1)) }, stamp()).unwrap();
    plan.record_report(ReportDraft { narrative: "Handed over".into(), ..draft(&plan, t, date(2022, 11, 20)) }, stamp()).unwrap();
    let task = plan.task(t).unwrap();
    assert_eq!(
        (
            plan.task_done(task, chrono::NaiveDate::MAX),
            plan.task_done_on(task, chrono::NaiveDate::MAX),
            plan.task_progress(task, chrono::NaiveDate::MAX)
        ),
        (true, Some(date(2022, 11, 1)), Some(100.0))
    );
}

#[test]
fn a_tombstoned_report_is_ignored() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    let x = plan.task(t).unwrap().targets[0].id;
    let m = plan.add_milestone(t, Text::new("", "Transfer"), None, stamp()).unwrap();
    let d = ReportDraft {
        progress: None,
        milestones_done: vec![m],
        readings: vec![Reading { target: x, value: 200_000.0 }],
        ..draft(&plan, t, date(2022, 5, 1))
    };
    let id = plan.record_report(d, stamp()).unwrap();
    assert!(plan.task_done(plan.task(t).unwrap(), chrono::NaiveDate::MAX));
    plan.reports.iter_mut().find(|r| r.id == id).unwrap().meta.deleted = true;
    let task = plan.task(t).unwrap();
    assert!(plan.reports_of(t, chrono::NaiveDate::MAX).is_empty());
    assert_eq!(
        (plan.reported_progress(t, chrono::NaiveDate::MAX), plan.target_current(t, x, chrono::NaiveDate::MAX), done_on(&plan, t, m)),
        (None, None, None)
    );
    assert_eq!((plan.task_progress(task, chrono::NaiveDate::MAX), plan.task_done(task, chrono::NaiveDate::MAX)), (Some(0.0), false));
}

#[test]
fn a_task_done_by_its_target_stays_done_on_the_day_the_target_was_reached() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    reading(&mut plan, t, date(2022, 5, 10), 200_000.0);
    assert_eq!(plan.task_done_on(plan.task(t).unwrap(), chrono::NaiveDate::MAX), Some(date(2022, 5, 10)));
    plan.record_report(ReportDraft { narrative: "Contracts signed".into(), ..draft(&plan, t, date(2022, 6, 1)) }, stamp()).unwrap();
    assert_eq!(plan.task_done_on(plan.task(t).unwrap(), chrono::NaiveDate::MAX), Some(date(2022, 5, 10)));
}

#[test]
fn reports_dated_after_the_as_of_day_do_not_count() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    reading(&mut plan, t, date(2022, 5, 10), 120_000.0);
    reading(&mut plan, t, date(2022, 8, 10), 200_000.0);
    let target = plan.task(t).unwrap().targets[0].id;
    assert_eq!(plan.target_current(t, target, date(2022, 6, 30)), Some(120_000.0));
    assert_eq!(plan.target_current(t, target, date(2022, 8, 10)), Some(200_000.0));
    let task = plan.task(t).unwrap();
    assert!(!plan.task_done(task, date(2022, 6, 30)));
    assert_eq!(plan.task_done_on(task, date(2022, 12, 31)), Some(date(2022, 8, 10)));
    assert_eq!(plan.reports_of(t, date(2022, 5, 9)).len(), 0);
}
