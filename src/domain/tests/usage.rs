//! Where a unit or a person is named, as the refusal to delete lists it.

use super::{action_id, date, example, stamp, task_id, unit_id};
use crate::domain::edit::Move;
use crate::domain::usage::Usage;
use crate::domain::{
    Decision, Exemption, Id, Meeting, MeetingKind, Meta, Plan, Problem, Report, Risk, RiskCategory, RiskLevel, RiskStatus, Text,
};

fn person_id(plan: &Plan, en: &str) -> Id {
    plan.people.iter().find(|p| p.name.en == en).unwrap().id
}

fn person_name(plan: &Plan, en: &str) -> Text {
    plan.person(person_id(plan, en)).unwrap().name.clone()
}

fn report(task: Id, unit: Id) -> Report {
    Report {
        id: Id::new(),
        task,
        unit,
        date: date(2022, 3, 4),
        narrative: String::new(),
        progress: None,
        milestones_done: vec![],
        readings: vec![],
        help_requested: String::new(),
        supersedes: None,
        withdrawn: false,
        extension: None,
        closure: None,
        answers: vec![],
        unchanged: false,
        progress_reason: String::new(),
        meta: Meta::created(stamp()),
    }
}

fn meeting(chair: Option<Id>, attendees: Vec<Id>, decision_owner: Option<Id>) -> Meeting {
    Meeting {
        id: Id::new(),
        kind: MeetingKind::Weekly,
        date: date(2022, 3, 7),
        chair,
        attendees,
        tasks: vec![],
        minutes: String::new(),
        decisions: vec![Decision { id: Id::new(), text: "follow up".into(), owner: decision_owner, due: None, closed_on: None }],
        meta: Meta::created(stamp()),
    }
}

fn problem(task: Id, raised_by: Id, assigned_to: Option<Id>) -> Problem {
    Problem {
        id: Id::new(),
        task,
        raised_by,
        raised_on: date(2022, 3, 4),
        description: "land not cleared".into(),
        raised_in: None,
        assigned_to,
        resolved_on: None,
        resolution: String::new(),
        meta: Meta::created(stamp()),
    }
}

fn exemption(unit: Id, approved_by: Id) -> Exemption {
    Exemption {
        id: Id::new(),
        unit,
        task: None,
        milestone: None,
        week: None,
        plan: false,
        reason: Text::new("", "typhoon"),
        approved_by,
        approved_on: date(2022, 9, 1),
        meta: Meta::created(stamp()),
    }
}

#[test]
fn the_issuing_unit_is_a_usage() {
    let plan = example();
    assert_eq!(plan.unit_usages(unit_id(&plan, "Luohu District")), vec![Usage::IssuingUnit]);
}

#[test]
fn leading_unit_responsible_and_person_unit_are_listed_in_table_order() {
    let plan = example();
    let esc = unit_id(&plan, "Enterprise Service Center");
    assert_eq!(
        plan.unit_usages(esc),
        vec![
            Usage::LeadingUnit { action: 9 },
            Usage::Responsible { task: "9.1".into() },
            Usage::Responsible { task: "9.2".into() },
            Usage::PersonUnit { person: person_name(&plan, "Chen Xiaojun") },
        ]
    );
}

#[test]
fn a_co_organizer_is_a_usage() {
    let mut plan = example();
    let drb = unit_id(&plan, "Development and Reform Bureau");
    let t = task_id(&plan, "7.1");
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().co_organizers.push(drb);
    assert_eq!(
        plan.unit_usages(drb),
        vec![
            Usage::Responsible { task: "6.1".into() },
            Usage::CoOrganizer { task: "7.1".into() },
            Usage::PersonUnit { person: person_name(&plan, "Zhou Xiaojian") },
        ]
    );
}

#[test]
fn a_unit_nobody_names_has_no_usages() {
    let mut plan = example();
    let id = plan.add_unit(Text::new("", "Water Bureau"), stamp()).unwrap();
    assert_eq!(plan.unit_usages(id), vec![]);
}

#[test]
fn reports_naming_the_unit_are_counted_as_records() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    let t = task_id(&plan, "7.1");
    plan.reports.push(report(t, dongmen));
    plan.reports.push(report(t, dongmen));
    assert_eq!(plan.unit_usages(dongmen).last(), Some(&Usage::Records { count: 2 }));
}

#[test]
fn problems_risks_exemptions_and_decisions_naming_the_unit_are_counted() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    let t = task_id(&plan, "7.1");
    let leader = person_id(&plan, "Fan Defan");
    plan.problems.push(problem(t, dongmen, None));
    plan.problems.push(problem(t, Id::new(), Some(dongmen)));
    plan.risks.push(Risk {
        id: Id::new(),
        task: t,
        description: "crowds during works".into(),
        level: RiskLevel::Medium,
        category: RiskCategory::WorkSafety,
        mitigation: String::new(),
        owner: Some(dongmen),
        status: RiskStatus::Open,
        meta: Meta::created(stamp()),
    });
    plan.exemptions.push(exemption(dongmen, leader));
    plan.meetings.push(meeting(None, vec![], Some(dongmen)));
    assert_eq!(plan.unit_usages(dongmen).last(), Some(&Usage::Records { count: 5 }));
}

#[test]
fn tombstoned_records_and_tasks_are_not_usages() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    let t = task_id(&plan, "7.1");
    let mut r = report(t, dongmen);
    r.meta.deleted = true;
    plan.reports.push(r);
    plan.delete_task(t, stamp()).unwrap();
    assert_eq!(plan.unit_usages(dongmen), vec![Usage::PersonUnit { person: person_name(&plan, "Lu Yi") }]);
}

#[test]
fn a_leader_of_an_action_is_a_usage() {
    let mut plan = example();
    let fan = person_id(&plan, "Fan Defan");
    let four = action_id(&plan, 4);
    plan.actions.iter_mut().find(|a| a.id == four).unwrap().leaders.push(fan);
    assert_eq!(plan.person_usages(fan), vec![Usage::Leader { action: 4 }]);
}

#[test]
fn a_responsible_person_is_listed_for_each_task() {
    let plan = example();
    let wei = person_id(&plan, "Wei Jie");
    let expected: Vec<Usage> = (1..=5).map(|k| Usage::TaskPerson { task: format!("8.{k}") }).collect();
    assert_eq!(plan.person_usages(wei), expected);
}

#[test]
fn meetings_exemptions_and_problems_naming_the_person_are_counted() {
    let mut plan = example();
    let fan = person_id(&plan, "Fan Defan");
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    let t = task_id(&plan, "7.1");
    plan.meetings.push(meeting(Some(fan), vec![], None));
    plan.meetings.push(meeting(None, vec![fan], None));
    plan.exemptions.push(exemption(dongmen, fan));
    plan.problems.push(problem(t, dongmen, Some(fan)));
    assert_eq!(plan.person_usages(fan), vec![Usage::Records { count: 4 }]);
}

#[test]
fn a_person_nobody_names_has_no_usages() {
    let plan = example();
    assert_eq!(plan.person_usages(person_id(&plan, "Liu Sheng")), vec![]);
}

#[test]
fn usages_follow_the_current_numbering() {
    let mut plan = example();
    let esc = unit_id(&plan, "Enterprise Service Center");
    plan.move_action(action_id(&plan, 9), Move::Up, stamp()).unwrap();
    let usages = plan.unit_usages(esc);
    assert_eq!(usages[0], Usage::LeadingUnit { action: 8 });
    assert_eq!(usages[1], Usage::Responsible { task: "8.1".into() });
}
