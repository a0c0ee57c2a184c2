//! The leader's view: a district leader's scope, the problems that ask a
//! leader to coordinate, the risks the board lists, and the rule that an
//! open high risk turns its task yellow.

use super::task_edit::draft;
use super::{action_id, date, example, stamp, task_id};
use crate::domain::board::Scope;
use crate::domain::light::{Light, Reason};
use crate::domain::task_edit::{ReportDraft, RiskDraft};
use crate::domain::{edit::ActionDraft, Id, Plan, RiskCategory, RiskLevel, RiskStatus, Settings, Text};
use chrono::NaiveDate;
use std::collections::BTreeSet;

fn today() -> NaiveDate {
    date(2022, 6, 30)
}

/// A district leader named `name`, set to lead the key actions `actions`.
fn leader(plan: &mut Plan, name: &str, actions: &[usize]) -> Id {
    let p = plan.add_person(Text::new(name, ""), Text::new("副区长", "Deputy District Mayor"), None, stamp()).unwrap();
    for n in actions {
        let a = plan.action(action_id(plan, *n)).unwrap().clone();
        let d = ActionDraft { title: a.title, field: a.field, leaders: [a.leaders, vec![p]].concat(), leading_units: a.leading_units };
        plan.update_action(a.id, d, stamp()).unwrap();
    }
    p
}

fn risk(plan: &mut Plan, number: &str, level: RiskLevel, what: &str) -> Id {
    let task = task_id(plan, number);
    let d = RiskDraft { task, description: what.into(), level, category: RiskCategory::Land, mitigation: String::new(), owner: None };
    plan.add_risk(d, stamp()).unwrap()
}

fn problem(plan: &mut Plan, number: &str, what: &str) -> Id {
    let task = task_id(plan, number);
    let d = ReportDraft { narrative: "Reported".into(), problems: vec![what.into()], ..draft(plan, task, date(2022, 6, 20)) };
    let report = plan.record_report(d, stamp()).unwrap();
    plan.problems.iter().find(|p| p.raised_in == Some(report)).unwrap().id
}

fn light_of(plan: &Plan, number: &str) -> (Light, Vec<Reason>) {
    let a = plan.task_lights(today()).remove(&task_id(plan, number)).unwrap();
    (a.light, a.reasons)
}

#[test]
fn the_district_leaders_are_the_people_who_lead_a_key_action_each_once() {
    let mut plan = example();
    assert!(plan.district_leaders().is_empty(), "the seed names no leader");
    let wang = leader(&mut plan, "王副区长", &[6, 8]);
    let li = leader(&mut plan, "李副区长", &[8]);
    assert_eq!(plan.district_leaders(), vec![wang, li]);
    let names: Vec<String> = plan.leader_choices(crate::domain::Lang::Zh).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names.len(), 2);
}

#[test]
fn a_leader_s_scope_keeps_the_tasks_and_actions_of_the_key_actions_he_leads() {
    let mut plan = example();
    let wang = leader(&mut plan, "王副区长", &[6, 8]);
    let b = plan.board(&Scope { leader: Some(wang), ..Scope::default() }, today());
    let actions: BTreeSet<Id> = [action_id(&plan, 6), action_id(&plan, 8)].into();
    assert_eq!(b.actions.iter().map(|a| a.action).collect::<BTreeSet<_>>(), actions);
    let expected: BTreeSet<Id> = plan.tasks_in_order().into_iter().filter(|t| actions.contains(&t.action)).map(|t| t.id).collect();
    assert!(!expected.is_empty());
    assert_eq!(b.tasks.iter().copied().collect::<BTreeSet<_>>(), expected);
    // The whole board has more.
    assert!(plan.board(&Scope::default(), today()).tasks.len() > b.tasks.len());
}

#[test]
fn a_problem_asked_of_a_leader_is_on_that_leader_s_board_until_resolved() {
    let mut plan = example();
    let wang = leader(&mut plan, "王副区长", &[6]);
    let li = leader(&mut plan, "李副区长", &[9]);
    let asked = problem(&mut plan, "6.1", "用地指标不足");
    let other = problem(&mut plan, "9.1", "资金缺口");
    let not_asked = problem(&mut plan, "6.1", "人手不足");
    plan.ask_leader(asked, Some(wang), stamp()).unwrap();
    plan.ask_leader(other, Some(li), stamp()).unwrap();
    let scope = Scope { leader: Some(wang), ..Scope::default() };
    let mine = plan.board(&scope, today());
    assert_eq!(plan.board_extras(&scope, &mine).leader_problems, vec![asked]);
    assert!(mine.open_problems.contains(&not_asked));
    // The whole board lists every problem asked of a leader.
    let all = plan.board_extras(&Scope::default(), &plan.board(&Scope::default(), today()));
    assert_eq!(all.leader_problems.iter().copied().collect::<BTreeSet<_>>(), [asked, other].into());
    // Taken back, or resolved: off the list.
    plan.ask_leader(other, None, stamp()).unwrap();
    plan.resolve_problem(asked, date(2022, 6, 25), "协调解决".into(), stamp()).unwrap();
    assert!(plan.board_extras(&Scope::default(), &plan.board(&Scope::default(), today())).leader_problems.is_empty());
}

#[test]
fn only_a_district_leader_can_be_asked_and_only_while_the_problem_is_open() {
    let mut plan = example();
    let wang = leader(&mut plan, "王副区长", &[6]);
    let p = problem(&mut plan, "6.1", "用地指标不足");
    let clerk = plan.add_person(Text::new("张科员", ""), Text::default(), None, stamp()).unwrap();
    let before = plan.problems.clone();
    assert!(plan.ask_leader(p, Some(clerk), stamp()).is_err());
    assert_eq!(plan.problems, before, "a refused request changes nothing");
    plan.resolve_problem(p, date(2022, 6, 25), "已解决".into(), stamp()).unwrap();
    assert!(plan.ask_leader(p, Some(wang), stamp()).is_err());
}

#[test]
fn an_open_high_risk_turns_a_green_task_yellow_with_the_risk_as_its_reason() {
    // 8.2 is green in the board's varied state.
    let mut plan = super::board::varied();
    let number = "8.2".to_string();
    assert_eq!(light_of(&plan, &number).0, Light::Green);
    risk(&mut plan, &number, RiskLevel::Medium, "工期偏紧");
    assert_eq!(light_of(&plan, &number).0, Light::Green, "a medium risk is not flagged");
    let high = risk(&mut plan, &number, RiskLevel::High, "征地未完成");
    let (light, reasons) = light_of(&plan, &number);
    assert_eq!(light, Light::Yellow);
    assert!(reasons.contains(&Reason::HighRisk { level: RiskLevel::High, description: "征地未完成".into() }), "{reasons:?}");
    assert_eq!(crate::domain::spreadsheet::reason_text(crate::domain::Lang::Zh, &reasons[0]), "高风险未消除：征地未完成");
    assert_eq!(reasons[0].to_string(), "open high risk: 征地未完成");
    // Being mitigated is still open; closed is not.
    plan.set_risk_status(high, RiskStatus::Mitigating, stamp()).unwrap();
    assert_eq!(light_of(&plan, &number).0, Light::Yellow);
    plan.set_risk_status(high, RiskStatus::Closed, stamp()).unwrap();
    assert_eq!(light_of(&plan, &number).0, Light::Green);
}

#[test]
fn settings_can_turn_the_high_risk_rule_off_and_old_plans_read_it_as_on() {
    let mut plan = super::board::varied();
    let number = "8.2".to_string();
    risk(&mut plan, &number, RiskLevel::Major, "群体性事件隐患");
    assert_eq!(light_of(&plan, &number).0, Light::Yellow);
    plan.update_settings(Settings { high_risk_yellow: false, ..plan.settings.clone() }, stamp()).unwrap();
    assert_eq!(light_of(&plan, &number).0, Light::Green);
    // A plan saved before the rule has no such setting: the rule is on.
    let mut json = serde_json::to_value(&plan.settings).unwrap();
    json.as_object_mut().unwrap().remove("high_risk_yellow");
    assert!(serde_json::from_value::<Settings>(json).unwrap().high_risk_yellow);
}

#[test]
fn the_board_lists_open_risks_in_scope_highest_first() {
    let mut plan = example();
    let wang = leader(&mut plan, "王副区长", &[6]);
    let low = risk(&mut plan, "6.1", RiskLevel::Low, "小");
    let major = risk(&mut plan, "6.1", RiskLevel::Major, "大");
    let closed = risk(&mut plan, "6.1", RiskLevel::High, "已关闭");
    plan.set_risk_status(closed, RiskStatus::Closed, stamp()).unwrap();
    let elsewhere = risk(&mut plan, "8.1", RiskLevel::High, "别处");
    let risks = |scope: Scope| plan.board_extras(&scope, &plan.board(&scope, today())).open_risks;
    assert_eq!(risks(Scope { leader: Some(wang), ..Scope::default() }), vec![major, low]);
    assert_eq!(risks(Scope::default()), vec![major, elsewhere, low]);
}

#[test]
fn the_hearing_pack_lists_risks_decisions_with_their_state_and_each_task_s_plan() {
    use crate::domain::hearing::HearingScope;
    use crate::domain::meetings::MeetingDraft;
    use crate::domain::MeetingKind;
    let mut plan = example();
    let wang = leader(&mut plan, "王副区长", &[8]);
    let (t81, t82, t61) = (task_id(&plan, "8.1"), task_id(&plan, "8.2"), task_id(&plan, "6.1"));
    plan.set_task_plan(t81, "施工图".into(), Some(date(2022, 2, 10)), stamp()).unwrap();
    let high = risk(&mut plan, "8.2", RiskLevel::High, "资金缺口");
    let low = risk(&mut plan, "8.1", RiskLevel::Low, "小");
    risk(&mut plan, "6.1", RiskLevel::Major, "不在范围");
    let meeting = |tasks: Vec<Id>, decisions: Vec<(&str, Option<NaiveDate>)>| MeetingDraft {
        kind: Some(MeetingKind::MonthlyHearing),
        date: date(2022, 6, 5),
        tasks,
        minutes: "议定".into(),
        decisions: decisions.into_iter().map(|(t, d)| (t.to_string(), None, d)).collect(),
        ..Default::default()
    };
    let m = plan
        .record_meeting(
            meeting(vec![t81], vec![("月底前完成设计", Some(date(2022, 6, 20))), ("七月开工", Some(date(2022, 7, 31)))]),
            stamp(),
        )
        .unwrap();
    plan.record_meeting(meeting(vec![t61], vec![("别的行动", None)]), stamp()).unwrap();
    let closed = plan.meetings.iter().find(|x| x.id == m).unwrap().decisions[1].id;
    plan.close_decision(m, closed, date(2022, 6, 25), stamp()).unwrap();

    let pack = plan.hearing_pack(HearingScope::Leader(wang), date(2022, 6, 1), today());
    assert_eq!(pack.today, today(), "the pack says as of when");
    assert_eq!(pack.risks, vec![high, low]);
    // The overdue decision first (red), the closed one last (done).
    let lights: Vec<Light> = pack.decisions.iter().map(|d| d.assessment.light).collect();
    assert_eq!(lights, vec![Light::Red, Light::Done]);
    assert_eq!(pack.decisions[1].decision, closed);
    // Every task of the scope, with its plan submitted or not.
    assert!(pack.plans.contains(&(t81, Some(date(2022, 2, 10)))));
    assert!(pack.plans.contains(&(t82, None)));
    assert!(!pack.plans.iter().any(|(t, _)| *t == t61));
}
