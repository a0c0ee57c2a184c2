//! The supervision office's workflows: extensions asked before and after
//! the deadline, approved and rejected; closure accepted and returned
//! twice; instructions answered and not; the appraisal's rule for
//! extensions; "no change this week".

use super::task_edit::draft;
use super::{date, example, stamp};
use crate::domain::appraisal::FactKind;
use crate::domain::edit::EditError;
use crate::domain::instructions::InstructionDraft;
use crate::domain::light::{Light, Reason};
use crate::domain::ownership::{may, Act, RecordKind, Side, Subject};
use crate::domain::requests::{ClosureDraft, Decision, ExtensionDraft, RequestProblem};
use crate::domain::task_edit::ReportDraft;
use crate::domain::validate::Invalid;
use crate::domain::{edit::ActionDraft, Id, Plan, Text};
use chrono::NaiveDate;

/// A task of the example with a deadline, its lead unit, and a milestone due
/// on `ms_due` (the task due at year end).
fn setup(ms_due: NaiveDate) -> (Plan, Id, Id, Id) {
    let mut plan = example();
    plan.settings.as_of = None;
    let t = plan.tasks.iter().find(|t| t.due.is_some() && t.lead_unit().is_some()).unwrap().clone();
    let (task, lead) = (t.id, t.lead_unit().unwrap());
    let ms = plan.add_milestone(task, Text::new("完成选址", "Site chosen"), Some(ms_due), stamp()).unwrap();
    (plan, task, lead, ms)
}

fn problem_of(e: EditError) -> RequestProblem {
    match e {
        EditError::Invalid(v) => match v.as_slice() {
            [Invalid::Request { problem, .. }] => *problem,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

fn ask(plan: &mut Plan, task: Id, unit: Id, on: NaiveDate, milestone: Option<Id>, to: NaiveDate) -> Result<Id, EditError> {
    let d = ExtensionDraft { task, unit, date: on, milestone, to: Some(to), reason: "征地未完成".into() };
    plan.ask_extension(d, stamp())
}

#[test]
fn an_extension_asked_before_the_deadline_and_approved_moves_it_and_keeps_the_original() {
    let (mut plan, task, lead, ms) = setup(date(2022, 6, 30));
    let q = ask(&mut plan, task, lead, date(2022, 6, 20), Some(ms), date(2022, 9, 30)).unwrap();
    let req = plan.requests_of(task);
    assert_eq!(req.len(), 1);
    assert_eq!(req[0].decision(), Decision::Pending);
    assert!(!req[0].late());
    // Before the ruling, the light judges by the old date.
    let t = plan.task(task).unwrap().clone();
    let before = plan.task_light(&t, date(2022, 7, 5));
    assert_eq!(before.light, Light::Red);
    plan.rule(q, true, String::new(), date(2022, 6, 25), stamp()).unwrap();
    let t = plan.task(task).unwrap().clone();
    assert_eq!(t.milestones.iter().find(|m| m.id == ms).unwrap().due, Some(date(2022, 9, 30)));
    assert_eq!(plan.original_due(task, Some(ms)), Some(date(2022, 6, 30)));
    let after = plan.task_light(&t, date(2022, 7, 5));
    assert!(!after.reasons.iter().any(|r| matches!(r, Reason::MilestoneOverdue { .. })), "{after:?}");
    // A ruling is made once.
    assert_eq!(problem_of(plan.rule(q, false, "再议".into(), date(2022, 6, 26), stamp()).unwrap_err()), RequestProblem::AlreadyRuled);
}

#[test]
fn an_extension_asked_after_the_deadline_is_kept_but_marked_late_and_a_rejection_needs_a_reason() {
    let (mut plan, task, lead, ms) = setup(date(2022, 6, 30));
    let q = ask(&mut plan, task, lead, date(2022, 7, 3), Some(ms), date(2022, 8, 31)).unwrap();
    assert!(plan.requests_of(task)[0].late());
    assert_eq!(problem_of(plan.rule(q, false, " ".into(), date(2022, 7, 4), stamp()).unwrap_err()), RequestProblem::RefusalNeedsReason);
    plan.rule(q, false, "理由不充分".into(), date(2022, 7, 4), stamp()).unwrap();
    let req = plan.requests_of(task);
    assert_eq!(req[0].decision(), Decision::Refused);
    assert_eq!(req[0].ruling.unwrap().reason, "理由不充分");
    let t = plan.task(task).unwrap();
    assert_eq!(t.milestones.iter().find(|m| m.id == ms).unwrap().due, Some(date(2022, 6, 30)), "a rejection moves nothing");
    assert_eq!(plan.original_due(task, Some(ms)), None);
}

#[test]
fn only_a_responsible_unit_asks_and_the_date_must_be_later_and_within_the_task() {
    let (mut plan, task, lead, ms) = setup(date(2022, 6, 30));
    let other = plan.units.iter().find(|u| u.id != lead).unwrap().id;
    plan.tasks.iter_mut().find(|t| t.id == task).unwrap().co_organizers = vec![other];
    assert_eq!(
        problem_of(ask(&mut plan, task, other, date(2022, 6, 1), None, date(2022, 12, 31)).unwrap_err()),
        RequestProblem::NotResponsible
    );
    assert_eq!(problem_of(ask(&mut plan, task, lead, date(2022, 6, 1), Some(ms), date(2022, 6, 1)).unwrap_err()), RequestProblem::NotLater);
    assert_eq!(
        problem_of(ask(&mut plan, task, lead, date(2022, 6, 1), Some(ms), date(2023, 3, 1)).unwrap_err()),
        RequestProblem::AfterTaskDue
    );
    ask(&mut plan, task, lead, date(2022, 6, 1), Some(ms), date(2022, 7, 31)).unwrap();
    assert_eq!(
        problem_of(ask(&mut plan, task, lead, date(2022, 6, 2), Some(ms), date(2022, 8, 31)).unwrap_err()),
        RequestProblem::AlreadyAsked
    );
    // A co-organizer's ask that came in a file is refused by the check of the whole plan.
    let mut forged = plan.clone();
    let r = forged.reports.iter_mut().rev().find(|r| r.extension.is_some()).unwrap();
    r.unit = other;
    assert!(forged.validate().iter().any(|i| matches!(i, Invalid::Request { problem: RequestProblem::NotResponsible, .. })));
}

fn close(plan: &mut Plan, task: Id, unit: Id, on: NaiveDate) -> Id {
    let d = ClosureDraft { task, unit, date: on, done_on: Some(on), summary: "已完成全部建设内容".into() };
    plan.apply_closure(d, stamp()).unwrap()
}

#[test]
fn a_closure_returned_twice_then_accepted_is_done_on_the_day_the_unit_gave() {
    let (mut plan, task, lead, _) = setup(date(2022, 6, 30));
    let first = close(&mut plan, task, lead, date(2022, 7, 1));
    let t = plan.task(task).unwrap().clone();
    let a = plan.task_light(&t, date(2022, 7, 2));
    assert_eq!(a.light, Light::Review);
    assert!(matches!(a.reasons[0], Reason::AwaitingReview { done_on, .. } if done_on == date(2022, 7, 1)));
    plan.rule(first, false, "佐证不足".into(), date(2022, 7, 3), stamp()).unwrap();
    let back = plan.task_light(plan.task(task).unwrap(), date(2022, 7, 4));
    assert_ne!(back.light, Light::Review, "returned: back in progress");
    assert_ne!(back.light, Light::Done);
    assert_eq!(plan.closure_returns(task), 1);
    let second = close(&mut plan, task, lead, date(2022, 7, 10));
    plan.rule(second, false, "仍有尾项".into(), date(2022, 7, 11), stamp()).unwrap();
    assert_eq!(plan.closure_returns(task), 2);
    let third = close(&mut plan, task, lead, date(2022, 7, 20));
    plan.rule(third, true, String::new(), date(2022, 7, 22), stamp()).unwrap();
    let t = plan.task(task).unwrap().clone();
    assert_eq!(t.closed_on, Some(date(2022, 7, 20)));
    let done = plan.task_light(&t, date(2022, 7, 25));
    assert_eq!(done.light, Light::Done);
    assert!(matches!(done.reasons[0], Reason::Done { on: Some(d), .. } if d == date(2022, 7, 20)));
    assert_eq!(plan.closure_returns(task), 2, "the returns stay counted");
    // A closed task takes no more requests.
    let d = ClosureDraft { task, unit: lead, date: date(2022, 8, 1), done_on: None, summary: "x".into() };
    assert_eq!(problem_of(plan.apply_closure(d, stamp()).unwrap_err()), RequestProblem::AlreadyClosed);
}

/// A district leader who leads key action 1.
fn a_leader(plan: &mut Plan) -> Id {
    let p = plan.add_person(Text::new("王副区长", ""), Text::new("副区长", "Deputy District Mayor"), None, stamp()).unwrap();
    let a = plan.actions_in_order()[0].clone();
    let d = ActionDraft { title: a.title, field: a.field, leaders: vec![p], leading_units: a.leading_units };
    plan.update_action(a.id, d, stamp()).unwrap();
    p
}

#[test]
fn an_instruction_is_open_until_a_unit_of_the_task_answers_and_never_scores() {
    let (mut plan, task, lead, _) = setup(date(2022, 6, 30));
    let leader = a_leader(&mut plan);
    let score_before = plan.appraise(lead, date(2022, 1, 1), date(2022, 12, 31), date(2022, 7, 31)).score();
    let bad = InstructionDraft { task, problem: None, leader: None, given_on: date(2022, 6, 1), text: "加快推进".into(), due: None };
    assert_eq!(problem_of(plan.record_instruction(bad.clone(), stamp()).unwrap_err()), RequestProblem::NotALeader);
    let i = plan.record_instruction(InstructionDraft { leader: Some(leader), due: Some(date(2022, 6, 15)), ..bad }, stamp()).unwrap();
    let open = plan.open_instructions(date(2022, 6, 21));
    assert_eq!(open.len(), 1);
    assert_eq!((open[0].id, open[0].age_days, open[0].overdue), (i, 20, true));
    assert!(plan.open_instructions(date(2022, 5, 31)).is_empty(), "not given yet");
    let stranger = plan.units.iter().find(|u| !plan.task(task).unwrap().involves(u.id)).unwrap().id;
    assert!(plan.answer_instruction(i, stranger, date(2022, 6, 22), "已落实".into(), stamp()).is_err());
    plan.answer_instruction(i, lead, date(2022, 6, 22), "已召开专题会，倒排工期".into(), stamp()).unwrap();
    assert!(plan.open_instructions(date(2022, 6, 22)).is_empty());
    assert!(!plan.open_instructions(date(2022, 6, 21)).is_empty(), "as of the day before it was still open");
    assert_eq!(plan.answers_to(i).len(), 1);
    let after = plan.appraise(lead, date(2022, 1, 1), date(2022, 12, 31), date(2022, 7, 31));
    // The answer is a report in its week (a missed week less), never a point of its own.
    assert!(after.facts.iter().all(|f| !matches!(f.kind, FactKind::TargetMet { .. } | FactKind::MilestoneOnTime { .. }) || f.task != task));
    assert!(after.score() <= score_before + plan.settings.scoring.missed_week.abs() + 1e-9);
}

#[test]
fn the_appraisal_judges_an_extended_milestone_by_the_setting() {
    let (mut plan, task, lead, ms) = setup(date(2022, 6, 30));
    let q = ask(&mut plan, task, lead, date(2022, 6, 20), Some(ms), date(2022, 9, 30)).unwrap();
    plan.rule(q, true, String::new(), date(2022, 6, 21), stamp()).unwrap();
    let r = ReportDraft { milestones_done: vec![ms], narrative: "完成".into(), ..draft(&plan, task, date(2022, 8, 15)) };
    plan.record_report(r, stamp()).unwrap();
    let kind = |plan: &Plan| {
        let a = plan.appraise(lead, date(2022, 1, 1), date(2022, 12, 31), date(2022, 12, 31));
        a.facts.into_iter().find(|f| f.kind.milestone_id() == Some(ms)).unwrap().kind
    };
    assert!(matches!(kind(&plan), FactKind::MilestoneOnTime { .. }), "by the approved date (the default)");
    plan.settings.extension_keeps_original_due = true;
    assert!(matches!(kind(&plan), FactKind::MilestoneOverdue { due, .. } if due == date(2022, 6, 30)), "by the original date");
}

#[test]
fn no_change_this_week_is_one_report_that_keeps_the_last_figures() {
    let (mut plan, task, lead, _) = setup(date(2022, 6, 30));
    let r = ReportDraft {
        progress: Some(40.0),
        narrative: "推进".into(),
        problems: vec!["资金未到位".into()],
        ..draft(&plan, task, date(2022, 6, 1))
    };
    plan.record_report(r, stamp()).unwrap();
    let start = plan.report_start(task, lead, date(2022, 6, 8));
    assert_eq!(start.progress, Some(40.0));
    assert_eq!(start.open_problems.len(), 1, "the open problem is listed, not asked again");
    let t = plan.task(task).unwrap().clone();
    let silent = plan.task_light(&t, date(2022, 6, 20));
    assert!(silent.reasons.iter().any(|r| matches!(r, Reason::NoReport { .. })));
    let id = plan.record_no_change(task, lead, date(2022, 6, 20), stamp()).unwrap();
    let r = plan.reports.iter().find(|r| r.id == id).unwrap();
    assert!(r.unchanged);
    assert_eq!(r.progress, Some(40.0));
    let now = plan.task_light(&t, date(2022, 6, 20));
    assert!(!now.reasons.iter().any(|r| matches!(r, Reason::NoReport { .. })), "it counts as the week's report");
    assert_eq!(plan.problems.len(), example().problems.len() + 1, "the problem was not raised twice");
}

#[test]
fn a_unit_asks_and_answers_but_only_the_office_rules_and_records_instructions() {
    let (plan, task, lead, _) = setup(date(2022, 6, 30));
    let t = plan.task(task).unwrap();
    for kind in [RecordKind::Ruling, RecordKind::Instruction] {
        assert!(kind.append_only());
        assert!(!may(Side::Unit(lead), &Subject::on_task(kind, t), Act::Add), "{kind:?}");
        assert!(may(Side::Office, &Subject::on_task(kind, t), Act::Add));
        assert!(!may(Side::Office, &Subject::on_task(kind, t), Act::Delete));
    }
}
