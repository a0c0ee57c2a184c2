//! Empty and contradictory input: refused by the commands, saying what is
//! missing, and changing nothing; a task nobody answers for, or without a
//! deadline, is flagged with that reason.

use super::task_edit::draft;
use super::{date, example, stamp, task_id, unit_id};
use crate::domain::edit::EditError;
use crate::domain::input::fold_name;
use crate::domain::light::{Light, Reason};
use crate::domain::meetings::MeetingDraft;
use crate::domain::spreadsheet::{reason_text, status_text};
use crate::domain::task_edit::ReportDraft;
use crate::domain::validate::{Invalid, Subject};
use crate::domain::{Id, Lang, MeetingKind, Plan, Reading, Report, Text};

fn invalid(e: EditError) -> Vec<Invalid> {
    match e {
        EditError::Invalid(v) => v,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn at(plan: &Plan, task: Id, on: chrono::NaiveDate) -> Subject {
    Subject::Report { task: plan.task_number(task).unwrap(), date: on }
}

fn progress(plan: &mut Plan, task: Id, on: chrono::NaiveDate, p: f64) -> Id {
    plan.record_report(ReportDraft { progress: Some(p), ..draft(plan, task, on) }, stamp()).unwrap()
}

// ---- empty reports ----------------------------------------------------------

#[test]
fn an_empty_report_is_refused_saying_what_is_missing_and_nothing_is_stored() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let before = plan.clone();
    let d = ReportDraft {
        narrative: "  \n ".into(),
        problems: vec!["".into(), "  ".into()],
        help_requested: " ".into(),
        ..draft(&plan, t, date(2022, 3, 1))
    };
    assert!(d.is_empty());
    let err = invalid(plan.record_report(d, stamp()).unwrap_err());
    assert_eq!(err, vec![Invalid::EmptyReport { at: at(&plan, t, date(2022, 3, 1)) }]);
    assert!(err[0].to_string().contains("give at least one of: the progress, what was done, a target reading"), "{}", err[0]);
    assert_eq!(plan, before, "nothing stored, no problem record either");
}

#[test]
fn any_one_kind_of_content_makes_a_report() {
    let mut plan = example();
    let t = task_id(&plan, "8.1");
    let x = plan.task(t).unwrap().targets[0].id;
    let m = plan.add_milestone(t, Text::new("", "Survey"), None, stamp()).unwrap();
    let on = date(2022, 3, 1);
    let base = draft(&plan, t, on);
    let drafts = [
        ReportDraft { progress: Some(0.0), ..base.clone() },
        ReportDraft { narrative: "Survey begun".into(), ..base.clone() },
        ReportDraft { readings: vec![Reading { target: x, value: 1.0 }], ..base.clone() },
        ReportDraft { milestones_done: vec![m], ..base.clone() },
        ReportDraft { problems: vec!["No budget".into()], ..base.clone() },
        // A request for help alone is something the office must act on.
        ReportDraft { help_requested: "Need the land bureau".into(), ..base.clone() },
    ];
    for d in drafts {
        assert!(!d.is_empty(), "{d:?}");
        plan.record_report(d, stamp()).unwrap();
    }
    assert_eq!(plan.reports.len(), 6);
}

#[test]
fn an_empty_report_in_a_file_still_reads_imports_stay_lenient() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let unit = plan.task(t).unwrap().lead_unit().unwrap();
    let before = plan.validate();
    plan.reports.push(Report::blank(t, unit, date(2022, 3, 1), stamp()));
    assert_eq!(plan.validate(), before);
}

// ---- a lower progress needs a reason ----------------------------------------

#[test]
fn a_progress_lower_than_the_unit_s_last_report_needs_a_reason() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    progress(&mut plan, t, date(2022, 3, 1), 25.0);
    let before = plan.clone();
    let on = date(2022, 3, 8);
    let lower = ReportDraft { progress: Some(10.0), narrative: "Re-measured".into(), ..draft(&plan, t, on) };
    let err = invalid(plan.record_report(lower.clone(), stamp()).unwrap_err());
    assert_eq!(err, vec![Invalid::ProgressDropNeedsReason { at: at(&plan, t, on), value: 10.0, last: 25.0, on: date(2022, 3, 1) }]);
    assert_eq!(
        err[0].to_string(),
        "task 7.1, report of 2022-03-08: progress 10 % is lower than the 25 % reported on 2022-03-01; say why it is lower"
    );
    assert_eq!(plan, before);
    // A blank reason is no reason.
    let blank = ReportDraft { progress_reason: "  ".into(), ..lower.clone() };
    assert!(plan.record_report(blank, stamp()).is_err());
    assert_eq!(plan, before);
}

#[test]
fn the_reason_for_a_lower_progress_is_kept_with_the_report() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    progress(&mut plan, t, date(2022, 3, 1), 25.0);
    let d = ReportDraft { progress: Some(10.0), progress_reason: " 测绘面积重算 ".into(), ..draft(&plan, t, date(2022, 3, 8)) };
    let id = plan.record_report(d, stamp()).unwrap();
    let r = plan.reports.iter().find(|r| r.id == id).unwrap();
    assert_eq!((r.progress, r.progress_reason.as_str()), (Some(10.0), "测绘面积重算"));
    // It travels: the field is written, and an old file without it reads.
    let json = serde_json::to_value(r).unwrap();
    assert_eq!(json["progress_reason"], "测绘面积重算");
    let mut old = json.clone();
    old.as_object_mut().unwrap().remove("progress_reason");
    assert_eq!(serde_json::from_value::<Report>(old).unwrap().progress_reason, "");
    let plain = plan.reports.iter().find(|r| r.id != id).unwrap();
    assert!(serde_json::to_value(plain).unwrap().get("progress_reason").is_none(), "not written when empty");
}

#[test]
fn the_same_or_a_higher_progress_and_a_first_report_need_no_reason() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    progress(&mut plan, t, date(2022, 3, 1), 0.0);
    progress(&mut plan, t, date(2022, 3, 8), 25.0);
    progress(&mut plan, t, date(2022, 3, 15), 25.0);
    progress(&mut plan, t, date(2022, 3, 22), 30.0);
    // A report without a figure does not reset what was last reported.
    plan.record_report(ReportDraft { narrative: "Works continue".into(), ..draft(&plan, t, date(2022, 3, 29)) }, stamp()).unwrap();
    assert_eq!(plan.last_progress(t, plan.task(t).unwrap().lead_unit().unwrap(), date(2022, 4, 1)), Some((30.0, date(2022, 3, 22))));
    assert!(plan.record_report(ReportDraft { progress: Some(29.0), ..draft(&plan, t, date(2022, 4, 1)) }, stamp()).is_err());
}

#[test]
fn a_lower_progress_is_compared_with_the_same_unit_only() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    let drb = unit_id(&plan, "Development and Reform Bureau");
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().co_organizers.push(drb);
    progress(&mut plan, t, date(2022, 3, 1), 60.0);
    let d = ReportDraft { unit: drb, progress: Some(10.0), ..draft(&plan, t, date(2022, 3, 8)) };
    plan.record_report(d, stamp()).unwrap();
}

#[test]
fn a_lower_progress_is_compared_with_the_last_report_up_to_its_own_date() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    progress(&mut plan, t, date(2022, 3, 1), 10.0);
    progress(&mut plan, t, date(2022, 5, 1), 50.0);
    // Reported late for April: lower than May's, but not than what stood then.
    progress(&mut plan, t, date(2022, 4, 1), 30.0);
    assert!(plan.record_report(ReportDraft { progress: Some(5.0), ..draft(&plan, t, date(2022, 4, 2)) }, stamp()).is_err());
}

// ---- empty meetings ----------------------------------------------------------

fn meeting(on: chrono::NaiveDate) -> MeetingDraft {
    MeetingDraft { kind: Some(MeetingKind::Weekly), date: on, ..Default::default() }
}

#[test]
fn an_empty_meeting_is_refused_and_attendees_or_tasks_alone_do_not_make_one() {
    let mut plan = example();
    let before = plan.clone();
    let t = task_id(&plan, "7.1");
    let someone = plan.people[0].id;
    for d in [
        meeting(date(2022, 6, 20)),
        MeetingDraft { minutes: " \n ".into(), ..meeting(date(2022, 6, 20)) },
        MeetingDraft { attendees: vec![someone], tasks: vec![t], chair: Some(someone), ..meeting(date(2022, 6, 20)) },
    ] {
        assert!(d.is_empty());
        let err = invalid(plan.record_meeting(d, stamp()).unwrap_err());
        assert_eq!(err, vec![Invalid::EmptyMeeting { at: Subject::Record("meeting") }]);
        assert!(err[0].to_string().contains("write the minutes or add at least one decision"));
    }
    assert_eq!(plan, before);
}

#[test]
fn minutes_or_one_decision_make_a_meeting() {
    let mut plan = example();
    plan.record_meeting(MeetingDraft { minutes: "东门周例会".into(), ..meeting(date(2022, 6, 20)) }, stamp()).unwrap();
    let d = MeetingDraft { decisions: vec![("清理占道".into(), None, None)], ..meeting(date(2022, 6, 27)) };
    plan.record_meeting(d, stamp()).unwrap();
    assert_eq!(plan.meetings.len(), 2);
}

// ---- duplicate unit names ----------------------------------------------------

#[test]
fn fold_name_trims_spaces_folds_full_width_to_half_width_and_latin_case() {
    assert_eq!(fold_name(" 区发改局 "), "区发改局");
    assert_eq!(fold_name("\u{3000}区发改局\u{3000}"), "区发改局");
    assert_eq!(fold_name("ＤＲＢ　Ｏｆｆｉｃｅ"), "drb office");
    assert_eq!(fold_name("  drb   office "), "drb office");
    assert_eq!(fold_name("区 发改局"), "区发改局");
    assert_eq!(fold_name("Lu 一"), "lu一");
    assert_eq!(fold_name("（一）"), "(一)");
    assert_eq!(fold_name("Ｎｏ．１"), "no.1");
    assert_ne!(fold_name("区发改局"), fold_name("区发展和改革局"));
}

#[test]
fn a_unit_name_that_duplicates_another_is_refused_naming_the_existing_unit() {
    let mut plan = example();
    let ours = plan.add_unit(Text::new("区发改局", "DRB Office"), stamp()).unwrap();
    let before = plan.clone();
    let named = |plan: &Plan| Invalid::DuplicateUnitName { existing: plan.unit(ours).unwrap().name.clone() };
    for name in [
        Text::new(" 区发改局 ", ""),
        Text::new("\u{3000}区发改局", "Another name"),
        Text::new("", "ＤＲＢ　Ｏｆｆｉｃｅ"),
        Text::new("", "drb office"),
        // Either language against either language.
        Text::new("DRB Office", ""),
    ] {
        let err = invalid(plan.add_unit(name.clone(), stamp()).unwrap_err());
        assert_eq!(err, vec![named(&plan)], "{name:?}");
        assert_eq!(err[0].to_string(), "a unit named 'DRB Office' already exists; choose another name");
    }
    assert_eq!(plan, before);
}

#[test]
fn renaming_a_unit_is_refused_only_when_another_unit_has_the_name() {
    let mut plan = example();
    let drb = unit_id(&plan, "Development and Reform Bureau");
    let esc = unit_id(&plan, "Enterprise Service Center");
    let esc_name = plan.unit(esc).unwrap().name.clone();
    let before = plan.clone();
    let err = invalid(plan.rename_unit(drb, Text::new(&format!(" {} ", esc_name.zh), "DRB"), stamp()).unwrap_err());
    assert_eq!(err, vec![Invalid::DuplicateUnitName { existing: esc_name }]);
    assert_eq!(plan, before);
    // Its own name, spaced differently, is its own: kept, stored trimmed.
    let own = plan.unit(drb).unwrap().name.clone();
    plan.rename_unit(drb, Text::new(&format!("　{}　", own.zh), &own.en.to_uppercase()), stamp()).unwrap();
    assert_eq!(plan.unit(drb).unwrap().name, Text::new(&own.zh, &own.en.to_uppercase()));
}

#[test]
fn a_deleted_unit_s_name_may_be_used_again() {
    let mut plan = example();
    let id = plan.add_unit(Text::new("区水务局", ""), stamp()).unwrap();
    plan.delete_unit(id, stamp()).unwrap();
    plan.add_unit(Text::new(" 区水务局", ""), stamp()).unwrap();
}

// ---- a task nobody answers for, or without a deadline ------------------------

fn submitted(plan: &mut Plan, number: &str) -> Id {
    let t = task_id(plan, number);
    plan.set_task_plan(t, "Steps".into(), Some(date(2022, 2, 10)), stamp()).unwrap();
    t
}

#[test]
fn a_task_without_a_responsible_unit_is_yellow_with_that_reason_never_green() {
    let mut plan = example();
    let t = submitted(&mut plan, "7.1");
    progress(&mut plan, t, date(2022, 6, 28), 50.0);
    assert_eq!(plan.task_light(plan.task(t).unwrap(), date(2022, 6, 30)).light, Light::Green);
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().responsible.clear();
    let a = plan.task_light(plan.task(t).unwrap(), date(2022, 6, 30));
    assert_eq!((a.light, a.reasons.clone()), (Light::Yellow, vec![Reason::NoResponsibleUnit]));
    assert_eq!(status_text(Lang::Zh, &a), "黄灯：未确定责任单位");
    assert_eq!(status_text(Lang::En, &a), "Yellow: no responsible unit");
}

#[test]
fn a_responsible_unit_that_was_deleted_leaves_the_task_without_one() {
    let mut plan = example();
    let t = submitted(&mut plan, "7.1");
    let u = plan.task(t).unwrap().lead_unit().unwrap();
    plan.units.iter_mut().find(|x| x.id == u).unwrap().meta.deleted = true;
    let a = plan.task_light(plan.task(t).unwrap(), date(2022, 2, 10));
    assert_eq!(a.reasons.first(), Some(&Reason::NoResponsibleUnit));
}

#[test]
fn a_task_without_a_deadline_is_yellow_no_deadline_set() {
    let mut plan = example();
    let t = submitted(&mut plan, "9.2");
    progress(&mut plan, t, date(2022, 6, 28), 50.0);
    let a = plan.task_light(plan.task(t).unwrap(), date(2022, 6, 30));
    assert_eq!((a.light, a.reasons.clone()), (Light::Yellow, vec![Reason::NoDueDate]));
    assert_eq!(
        (reason_text(Lang::Zh, &a.reasons[0]), reason_text(Lang::En, &a.reasons[0])),
        ("未设完成时限".into(), "no deadline set".into())
    );
}

#[test]
fn a_task_without_unit_and_deadline_gives_both_reasons_started_or_not() {
    let mut plan = example();
    let t = submitted(&mut plan, "9.2");
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().responsible.clear();
    let a = plan.task_light(plan.task(t).unwrap(), date(2022, 2, 10));
    assert_eq!((a.light, a.reasons.clone()), (Light::Yellow, vec![Reason::NoResponsibleUnit, Reason::NoDueDate]));
    // Not started yet: still flagged, not grey.
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().start = Some(date(2022, 9, 1));
    let a = plan.task_light(plan.task(t).unwrap(), date(2022, 2, 10));
    let start = date(2022, 9, 1);
    assert_eq!((a.light, a.reasons), (Light::Yellow, vec![Reason::NoResponsibleUnit, Reason::NoDueDate, Reason::NotStarted { start }]));
}

#[test]
fn a_red_task_without_a_deadline_stays_red_and_lists_the_missing_deadline_too() {
    let plan = example();
    let t = task_id(&plan, "6.1");
    let a = plan.task_light(plan.task(t).unwrap(), date(2022, 6, 30));
    assert_eq!(a.light, Light::Red);
    assert_eq!(a.reasons.first(), Some(&Reason::PlanNotSubmitted { due: plan.plan_due() }));
    assert!(a.reasons.contains(&Reason::NoDueDate));
}

#[test]
fn in_the_example_no_task_without_a_deadline_is_green() {
    let plan = example();
    for day in [date(2022, 2, 10), date(2022, 6, 30), date(2022, 11, 30)] {
        for t in plan.tasks_in_order() {
            let a = plan.task_light(t, day);
            if t.due.is_none() {
                assert!(matches!(a.light, Light::Yellow | Light::Red), "{} on {day}: {a:?}", plan.task_number(t.id).unwrap());
                assert!(a.reasons.contains(&Reason::NoDueDate));
            }
        }
    }
}
