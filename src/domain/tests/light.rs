//! Status lights: each rule at its boundary, the words of its reason, how
//! lights combine for actions and units, and the table's light filter.

use super::task_edit::draft;
use super::{action_id, date, example, stamp, task_id, unit_id};
use crate::domain::filter::TableFilter;
use crate::domain::light::{Assessment, Light, Reason};
use crate::domain::task_edit::ReportDraft;
use crate::domain::{Id, Plan, Reading, Task, Text};
use chrono::NaiveDate;

fn task_mut(plan: &mut Plan, id: Id) -> &mut Task {
    plan.tasks.iter_mut().find(|t| t.id == id).unwrap()
}

/// The example with `number`'s plan submitted on time: only what a test adds turns its light.
fn submitted(number: &str) -> (Plan, Id) {
    let mut plan = example();
    let t = task_id(&plan, number);
    plan.set_task_plan(t, "Survey, design, build".into(), Some(date(2022, 2, 10)), stamp()).unwrap();
    (plan, t)
}

/// A report from the lead unit on `on`, saying `progress` %.
fn report(plan: &mut Plan, task: Id, on: NaiveDate, progress: f64) {
    plan.record_report(ReportDraft { progress: Some(progress), ..draft(plan, task, on) }, stamp()).unwrap();
}

fn milestone(plan: &mut Plan, task: Id, en: &str, due: Option<NaiveDate>) -> Id {
    plan.add_milestone(task, Text::new("", en), due, stamp()).unwrap()
}

fn light(plan: &Plan, task: Id, today: NaiveDate) -> Assessment {
    plan.task_light(plan.task(task).unwrap(), today)
}

fn ms_light(plan: &Plan, task: Id, m: Id, today: NaiveDate) -> Assessment {
    let t = plan.task(task).unwrap();
    plan.milestone_light(t, t.milestones.iter().find(|x| x.id == m).unwrap(), today)
}

fn first(a: &Assessment) -> String {
    a.first_reason().map(|r| r.to_string()).unwrap_or_default()
}

fn only(light: Light, reason: Reason) -> Assessment {
    Assessment { light, reasons: vec![reason] }
}

fn overdue(en: &str, days: i64) -> Reason {
    Reason::MilestoneOverdue { title: Text::new("", en), days }
}

fn tasks(light: Light, numbers: &[&str]) -> Reason {
    Reason::Tasks { light, numbers: numbers.iter().map(|n| n.to_string()).collect() }
}

#[test]
fn a_task_before_its_start_is_grey_not_started() {
    let (mut plan, t) = submitted("7.1");
    task_mut(&mut plan, t).start = Some(date(2022, 3, 1));
    let a = light(&plan, t, date(2022, 2, 28));
    assert_eq!(a, only(Light::Grey, Reason::NotStarted { start: date(2022, 3, 1) }));
    assert_eq!(first(&a), "not started, starts 2022-03-01");
    assert_ne!(light(&plan, t, date(2022, 3, 1)).light, Light::Grey);
}

#[test]
fn an_unsubmitted_plan_turns_red_the_day_after_the_plan_due_date() {
    let plan = example();
    let t = task_id(&plan, "7.1");
    assert_eq!(plan.plan_due(), date(2022, 2, 14));
    let a = light(&plan, t, date(2022, 2, 15));
    assert_eq!(a.light, Light::Red);
    assert_eq!(first(&a), "plan not submitted, due 2022-02-14");
    let a = light(&plan, t, date(2022, 2, 14));
    assert_ne!(a.light, Light::Red);
    assert!(!a.reasons.iter().any(|r| matches!(r, Reason::PlanNotSubmitted { .. })), "{a:?}");
}

#[test]
fn a_milestone_due_today_is_yellow_and_due_yesterday_is_red() {
    let (mut plan, t) = submitted("7.1");
    milestone(&mut plan, t, "Design approved", Some(date(2022, 3, 10)));
    report(&mut plan, t, date(2022, 3, 10), 30.0);
    let a = light(&plan, t, date(2022, 3, 10));
    assert_eq!((a.light, first(&a)), (Light::Yellow, "milestone 'Design approved' due today".into()));
    report(&mut plan, t, date(2022, 3, 11), 30.0);
    let a = light(&plan, t, date(2022, 3, 11));
    assert_eq!(a, only(Light::Red, overdue("Design approved", 1)));
    assert_eq!(first(&a), "milestone 'Design approved' 1 day overdue");
}

#[test]
fn a_task_not_yet_started_is_still_red_when_its_plan_is_late() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    task_mut(&mut plan, t).start = Some(date(2022, 9, 1));
    let a = light(&plan, t, date(2022, 2, 15));
    assert_eq!(a, only(Light::Red, Reason::PlanNotSubmitted { due: date(2022, 2, 14) }));
    assert_eq!(light(&plan, t, date(2022, 2, 14)).light, Light::Grey);
}

#[test]
fn a_milestone_within_the_warning_window_is_yellow_and_one_day_beyond_is_green() {
    let (mut plan, t) = submitted("7.1");
    milestone(&mut plan, t, "Design approved", Some(date(2022, 3, 17)));
    report(&mut plan, t, date(2022, 3, 9), 30.0);
    let a = light(&plan, t, date(2022, 3, 10));
    assert_eq!(a, only(Light::Yellow, Reason::MilestoneDueSoon { title: Text::new("", "Design approved"), days: 7 }));
    assert_eq!(first(&a), "milestone 'Design approved' due in 7 days");
    assert_eq!(light(&plan, t, date(2022, 3, 9)), only(Light::Green, Reason::OnTrack));
}

#[test]
fn a_task_past_its_due_date_is_red_and_that_reason_comes_first() {
    let (mut plan, t) = submitted("7.1");
    milestone(&mut plan, t, "Handover", Some(date(2022, 12, 30)));
    report(&mut plan, t, date(2023, 1, 2), 95.0);
    let a = light(&plan, t, date(2023, 1, 2));
    assert_eq!(a, Assessment { light: Light::Red, reasons: vec![Reason::TaskOverdue { days: 2 }, overdue("Handover", 3)] });
    assert_eq!(first(&a), "task 2 days overdue");
}

#[test]
fn a_task_due_within_the_warning_window_is_yellow() {
    let (mut plan, t) = submitted("7.1");
    report(&mut plan, t, date(2022, 12, 23), 95.0);
    assert_eq!(light(&plan, t, date(2022, 12, 23)), only(Light::Green, Reason::OnTrack));
    assert_eq!(first(&light(&plan, t, date(2022, 12, 24))), "task due in 7 days");
    report(&mut plan, t, date(2022, 12, 31), 95.0);
    assert_eq!(light(&plan, t, date(2022, 12, 31)), only(Light::Yellow, Reason::TaskDueSoon { days: 0 }));
    assert_eq!(first(&light(&plan, t, date(2022, 12, 31))), "task due today");
}

#[test]
fn a_milestone_done_after_its_due_date_is_done_late_and_completes_the_task() {
    let (mut plan, t) = submitted("7.1");
    let m = milestone(&mut plan, t, "Design approved", Some(date(2022, 3, 1)));
    plan.record_report(ReportDraft { milestones_done: vec![m], ..draft(&plan, t, date(2022, 3, 4)) }, stamp()).unwrap();
    let a = ms_light(&plan, t, m, date(2022, 6, 30));
    assert_eq!(a, only(Light::Done, Reason::Done { on: Some(date(2022, 3, 4)), days_late: 3 }));
    assert_eq!(first(&a), "done on 2022-03-04, 3 days late");
    assert_eq!(light(&plan, t, date(2022, 6, 30)), only(Light::Done, Reason::Done { on: Some(date(2022, 3, 4)), days_late: 0 }));
    task_mut(&mut plan, t).due = Some(date(2022, 3, 2));
    assert_eq!(first(&light(&plan, t, date(2022, 6, 30))), "done on 2022-03-04, 2 days late");
}

#[test]
fn a_task_with_no_milestones_and_no_targets_is_lit_by_its_dates_alone() {
    let (mut plan, t) = submitted("7.1");
    report(&mut plan, t, date(2022, 6, 30), 50.0);
    assert_eq!(light(&plan, t, date(2022, 6, 30)), only(Light::Green, Reason::OnTrack));
    assert!(!plan.task_done(plan.task(t).unwrap(), chrono::NaiveDate::MAX));
}

#[test]
fn a_task_whose_only_target_is_reached_early_is_done() {
    let (mut plan, t) = submitted("8.1");
    let x = plan.task(t).unwrap().targets[0].id;
    let read = |plan: &mut Plan, on, value| {
        plan.record_report(ReportDraft { readings: vec![Reading { target: x, value }], ..draft(plan, t, on) }, stamp()).unwrap()
    };
    read(&mut plan, date(2022, 4, 1), 150_000.0);
    assert_ne!(light(&plan, t, date(2022, 6, 30)).light, Light::Done);
    read(&mut plan, date(2022, 5, 10), 200_000.0);
    assert_eq!(light(&plan, t, date(2022, 6, 30)), only(Light::Done, Reason::Done { on: Some(date(2022, 5, 10)), days_late: 0 }));
}

#[test]
fn a_task_without_dates_starts_at_kickoff_is_flagged_and_never_overdue_or_behind_pace() {
    let (mut plan, t) = submitted("9.2");
    assert_eq!(plan.task_start(plan.task(t).unwrap()), date(2022, 2, 7));
    let a = light(&plan, t, date(2022, 2, 16));
    assert_eq!(a, Assessment { light: Light::Yellow, reasons: vec![Reason::NoDueDate, Reason::NoReport { days: 9, ever: false }] });
    report(&mut plan, t, date(2022, 11, 30), 0.0);
    let a = light(&plan, t, date(2022, 11, 30));
    assert_eq!(a, only(Light::Yellow, Reason::NoDueDate));
    assert_eq!(first(&a), "no deadline set");
}

#[test]
fn no_report_for_more_than_the_interval_is_yellow() {
    let (mut plan, t) = submitted("7.1");
    report(&mut plan, t, date(2022, 6, 1), 50.0);
    assert_eq!(light(&plan, t, date(2022, 6, 8)), only(Light::Green, Reason::OnTrack));
    assert_eq!(light(&plan, t, date(2022, 6, 9)), only(Light::Yellow, Reason::NoReport { days: 8, ever: true }));
    assert_eq!(first(&light(&plan, t, date(2022, 6, 10))), "no report for 9 days");
}

#[test]
fn a_task_never_reported_counts_the_silence_from_its_start() {
    let (plan, t) = submitted("7.1");
    assert_eq!(light(&plan, t, date(2022, 2, 14)), only(Light::Green, Reason::OnTrack));
    let a = light(&plan, t, date(2022, 2, 16));
    assert_eq!(a, only(Light::Yellow, Reason::NoReport { days: 9, ever: false }));
    assert_eq!(first(&a), "no report yet, 9 days since the start");
}

#[test]
fn progress_behind_the_time_elapsed_by_more_than_the_margin_is_yellow() {
    let (mut plan, t) = submitted("7.1");
    // 60 of 100 days gone.
    let task = task_mut(&mut plan, t);
    (task.start, task.due) = (Some(date(2022, 3, 1)), Some(date(2022, 6, 9)));
    let today = date(2022, 4, 30);
    report(&mut plan, t, today, 20.0);
    let a = light(&plan, t, today);
    assert_eq!(a, only(Light::Yellow, Reason::BehindPace { progress: 20.0, elapsed: 60.0 }));
    assert_eq!(first(&a), "progress 20\u{a0}% at 60\u{a0}% of the time", "a no-break space before each %");
    report(&mut plan, t, today, 49.0);
    assert_eq!(light(&plan, t, today).light, Light::Yellow);
    report(&mut plan, t, today, 50.0);
    assert_eq!(light(&plan, t, today), only(Light::Green, Reason::OnTrack));
}

#[test]
fn red_reasons_come_before_yellow_ones() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    milestone(&mut plan, t, "Design", Some(date(2022, 2, 20)));
    milestone(&mut plan, t, "Survey", Some(date(2022, 2, 10)));
    let a = light(&plan, t, date(2022, 2, 16));
    let soon = Reason::MilestoneDueSoon { title: Text::new("", "Design"), days: 4 };
    let not_submitted = Reason::PlanNotSubmitted { due: date(2022, 2, 14) };
    let want = vec![overdue("Survey", 6), not_submitted, soon, Reason::NoReport { days: 9, ever: false }];
    assert_eq!(a, Assessment { light: Light::Red, reasons: want });
    assert_eq!(a.first_reason(), Some(&overdue("Survey", 6)));
}

#[test]
fn as_of_is_the_setting_when_set_else_today() {
    let mut plan = example();
    assert_eq!(plan.as_of(date(2030, 1, 1)), date(2022, 6, 30));
    plan.settings.as_of = None;
    assert_eq!(plan.as_of(date(2030, 1, 1)), date(2030, 1, 1));
}

#[test]
fn milestone_light_done_on_time_or_without_a_due_date() {
    let (mut plan, t) = submitted("7.1");
    let m = milestone(&mut plan, t, "Design", Some(date(2022, 3, 1)));
    let open = milestone(&mut plan, t, "Open", None);
    task_mut(&mut plan, t).milestones[0].done_on = Some(date(2022, 2, 25));
    let a = ms_light(&plan, t, m, date(2022, 6, 30));
    assert_eq!(
        (a.clone(), first(&a)),
        (only(Light::Done, Reason::Done { on: Some(date(2022, 2, 25)), days_late: 0 }), "done on 2022-02-25".into())
    );
    assert_eq!(ms_light(&plan, t, open, date(2022, 6, 30)), only(Light::Grey, Reason::NoDueDate));
}

#[test]
fn milestone_light_counts_days_to_its_due_date() {
    let (mut plan, t) = submitted("7.1");
    let m = milestone(&mut plan, t, "Design", Some(date(2022, 3, 10)));
    assert_eq!(ms_light(&plan, t, m, date(2022, 3, 12)), only(Light::Red, overdue("Design", 2)));
    assert_eq!(
        ms_light(&plan, t, m, date(2022, 3, 3)),
        only(Light::Yellow, Reason::MilestoneDueSoon { title: Text::new("", "Design"), days: 7 })
    );
    assert_eq!(ms_light(&plan, t, m, date(2022, 3, 2)), only(Light::Green, Reason::OnTrack));
    task_mut(&mut plan, t).start = Some(date(2022, 3, 5));
    assert_eq!(ms_light(&plan, t, m, date(2022, 3, 4)), only(Light::Grey, Reason::NotStarted { start: date(2022, 3, 5) }));
}

#[test]
fn lights_rank_red_over_yellow_over_green_over_grey_over_review_over_done() {
    let mut all = Light::ALL;
    all.sort_by_key(|l| l.rank());
    assert_eq!(all, [Light::Done, Light::Review, Light::Grey, Light::Green, Light::Yellow, Light::Red]);
    assert!(Light::ALL.into_iter().all(|l| Light::parse(l.key()) == Some(l)));
    assert_eq!(Light::parse("purple"), None);
}

#[test]
fn an_action_s_light_is_its_worst_task_and_lists_the_numbers_per_light() {
    let mut plan = example();
    let eight = action_id(&plan, 8);
    let today = date(2022, 6, 30);
    assert_eq!(plan.action_light(eight, today), only(Light::Red, tasks(Light::Red, &["8.1", "8.2", "8.3", "8.4", "8.5"])));
    let t81 = task_id(&plan, "8.1");
    plan.record_report(ReportDraft { progress: Some(100.0), ..draft(&plan, t81, date(2022, 6, 1)) }, stamp()).unwrap();
    let a = plan.action_light(eight, today);
    assert_eq!(a.reasons, vec![tasks(Light::Red, &["8.2", "8.3", "8.4", "8.5"]), tasks(Light::Done, &["8.1"])]);
    assert_eq!(a.reasons.iter().map(|r| r.to_string()).collect::<Vec<_>>(), ["4 tasks red: 8.2, 8.3, 8.4, 8.5", "1 task done: 8.1"]);
    for n in ["8.2", "8.3", "8.4", "8.5"] {
        let t = task_id(&plan, n);
        plan.set_task_plan(t, "Build".into(), Some(date(2022, 2, 10)), stamp()).unwrap();
        report(&mut plan, t, today, 50.0);
    }
    let t83 = task_id(&plan, "8.3");
    task_mut(&mut plan, t83).start = Some(date(2022, 7, 1));
    let want = vec![tasks(Light::Green, &["8.2", "8.4", "8.5"]), tasks(Light::Grey, &["8.3"]), tasks(Light::Done, &["8.1"])];
    assert_eq!(plan.action_light(eight, today), Assessment { light: Light::Green, reasons: want });
}

#[test]
fn an_action_without_tasks_is_grey() {
    let plan = example();
    let a = plan.action_light(action_id(&plan, 1), date(2022, 6, 30));
    assert_eq!((a.clone(), first(&a)), (only(Light::Grey, Reason::NoTasks), "no tasks".into()));
}

#[test]
fn a_unit_s_light_counts_the_tasks_it_is_responsible_for_or_co_organizes() {
    let mut plan = example();
    let today = date(2022, 6, 30);
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    assert_eq!(plan.unit_light(dongmen, today), only(Light::Red, tasks(Light::Red, &["7.1"])));
    let t92 = task_id(&plan, "9.2");
    task_mut(&mut plan, t92).co_organizers.push(dongmen);
    let t71 = task_id(&plan, "7.1");
    plan.record_report(ReportDraft { progress: Some(100.0), ..draft(&plan, t71, date(2022, 6, 1)) }, stamp()).unwrap();
    let want = vec![tasks(Light::Red, &["9.2"]), tasks(Light::Done, &["7.1"])];
    assert_eq!(plan.unit_light(dongmen, today), Assessment { light: Light::Red, reasons: want });
    assert_eq!(plan.unit_light(unit_id(&plan, "Luohu District"), today), only(Light::Grey, Reason::NoTasks));
}

/// The shown task numbers per shown action number, filtered by `light` as of the plan's date.
fn shown(plan: &Plan, light: Light) -> Vec<(usize, Vec<String>)> {
    let f = TableFilter { light: Some(light), ..Default::default() };
    let rows = plan.table(&f, plan.as_of(date(2030, 1, 1)));
    rows.into_iter().map(|r| (r.number, r.tasks.into_iter().map(|(_, n)| n).collect())).collect()
}

fn nums(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn in_the_example_every_task_is_red_for_its_missing_plan() {
    let plan = example();
    let want = vec![(6, nums(&["6.1"])), (7, nums(&["7.1"])), (8, nums(&["8.1", "8.2", "8.3", "8.4", "8.5"])), (9, nums(&["9.1", "9.2"]))];
    assert_eq!(shown(&plan, Light::Red), want);
    for l in [Light::Green, Light::Yellow, Light::Grey, Light::Done] {
        assert_eq!(shown(&plan, l), vec![], "{l:?}");
    }
    for t in plan.tasks.iter() {
        assert_eq!(first(&plan.task_light(t, date(2022, 6, 30))), "plan not submitted, due 2022-02-14");
    }
}

#[test]
fn a_task_with_its_plan_and_a_fresh_report_leaves_the_red_filter() {
    let (mut plan, t) = submitted("7.1");
    report(&mut plan, t, date(2022, 6, 30), 50.0);
    assert_eq!(light(&plan, t, date(2022, 6, 30)).light, Light::Green);
    assert_eq!(shown(&plan, Light::Green), vec![(7, nums(&["7.1"]))]);
    assert!(shown(&plan, Light::Red).iter().all(|(n, ts)| *n != 7 && !ts.is_empty()));
}

#[test]
fn the_light_filter_round_trips_through_the_query() {
    let f = TableFilter { light: Some(Light::Red), ..Default::default() };
    assert_eq!(f.to_query(), vec![("light", "red".to_string())]);
    assert!(!f.is_empty());
    assert_eq!(TableFilter::from_query(|k| (k == "light").then(|| "red".to_string())), f);
    assert_eq!(TableFilter::from_query(|k| (k == "light").then(|| "purple".to_string())), TableFilter::default());
}

#[test]
fn an_action_reason_names_grey_as_not_started() {
    let plan = example();
    let r = crate::domain::light::Reason::Tasks { light: Light::Grey, numbers: vec!["9.2".into()] };
    assert_eq!(r.to_string(), "1 task not started: 9.2");
    assert_eq!(plan.action_light(action_id(&plan, 1), date(2022, 6, 30)).first_reason().map(|r| r.to_string()), Some("no tasks".into()));
}
