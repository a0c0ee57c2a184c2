//! Commands that change the plan: stamps, refusals, tombstones, numbering.

use super::{action_id, date, example, numbers_of, stamp, task_id, unit_id};
use crate::domain::edit::{ActionDraft, EditError, Move, TaskDraft};
use crate::domain::usage::Usage;
use crate::domain::validate::{Invalid, Subject};
use crate::domain::{Id, Plan, Stamp, Text};
use chrono::{TimeZone, Utc};

fn draft_of(plan: &Plan, task: Id) -> TaskDraft {
    plan.task_draft(task).unwrap()
}

fn new_task(plan: &Plan, action: Id) -> TaskDraft {
    TaskDraft {
        action,
        title: Text::new("", "Open a service hall"),
        responsible: vec![unit_id(plan, "Enterprise Service Center")],
        co_organizers: vec![],
        person: None,
        start: Some(date(2022, 3, 1)),
        due: Some(date(2022, 6, 30)),
    }
}

fn titled(en: &str) -> ActionDraft {
    ActionDraft { title: Text::new("", en), ..ActionDraft::default() }
}

#[test]
fn add_action_appends_with_the_next_number() {
    let mut plan = example();
    let id = plan.add_action(titled("Greening the district"), stamp()).unwrap();
    assert_eq!(plan.action_number(id), Some(12));
    let a = plan.action(id).unwrap();
    assert_eq!((a.meta.rev, a.meta.by, a.meta.at), (1, None, Some(stamp().at)));
}

#[test]
fn add_action_with_a_blank_title_is_refused_and_changes_nothing() {
    let mut plan = example();
    let err = plan.add_action(titled("  "), stamp()).unwrap_err();
    assert_eq!(err, EditError::Invalid(vec![Invalid::Blank(Subject::Record("key action"))]));
    assert_eq!(plan, example());
}

#[test]
fn add_task_gets_the_next_number_in_its_action() {
    let mut plan = example();
    let nine = action_id(&plan, 9);
    let id = plan.add_task(new_task(&plan, nine), stamp()).unwrap();
    assert_eq!(plan.task_number(id).as_deref(), Some("9.3"));
    let one = action_id(&plan, 1);
    let first = plan.add_task(new_task(&plan, one), stamp()).unwrap();
    assert_eq!(plan.task_number(first).as_deref(), Some("1.1"));
}

#[test]
fn add_task_with_due_before_start_is_refused_and_leaves_the_plan_unchanged() {
    let mut plan = example();
    let before = plan.clone();
    let mut d = new_task(&plan, action_id(&plan, 9));
    (d.start, d.due) = (Some(date(2022, 3, 1)), Some(date(2022, 1, 31)));
    let err = plan.add_task(d, stamp()).unwrap_err();
    let at = Subject::Task("9.3".into());
    assert_eq!(err, EditError::Invalid(vec![Invalid::DueBeforeStart { at, start: date(2022, 3, 1), due: date(2022, 1, 31) }]));
    assert_eq!(err.to_string(), "task 9.3: due date 2022-01-31 is before its start 2022-03-01");
    assert_eq!(plan, before);
}

#[test]
fn add_task_to_an_unknown_action_is_refused() {
    let mut plan = example();
    let err = plan.add_task(new_task(&plan, Id::new()), stamp()).unwrap_err();
    assert!(matches!(err, EditError::Invalid(_)), "{err:?}");
    assert_eq!(plan, example());
}

#[test]
fn update_task_bumps_the_revision_and_stamps_who_and_when() {
    let mut plan = example();
    let id = task_id(&plan, "9.2");
    let esc = unit_id(&plan, "Enterprise Service Center");
    let later = Stamp { by: Some(esc), at: Utc.with_ymd_and_hms(2022, 4, 2, 10, 30, 0).unwrap() };
    let mut d = draft_of(&plan, id);
    d.start = Some(date(2022, 3, 1));
    plan.update_task(id, d, later).unwrap();
    let t = plan.task(id).unwrap();
    assert_eq!((t.meta.rev, t.meta.by, t.meta.at), (2, Some(esc), Some(later.at)));
    assert_eq!(t.start, Some(date(2022, 3, 1)));
}

#[test]
fn an_update_that_changes_nothing_does_not_bump_the_revision() {
    let mut plan = example();
    let id = task_id(&plan, "8.4");
    plan.update_task(id, draft_of(&plan, id), stamp()).unwrap();
    assert_eq!(plan, example());
}

#[test]
fn an_invalid_update_is_refused_and_restores_the_task() {
    let mut plan = example();
    let id = task_id(&plan, "7.1");
    let mut d = draft_of(&plan, id);
    d.title = Text::default();
    d.co_organizers = d.responsible.clone();
    let err = plan.update_task(id, d, stamp()).unwrap_err();
    assert!(matches!(&err, EditError::Invalid(v) if v.len() == 2), "{err:?}");
    assert_eq!(plan, example());
}

#[test]
fn updating_a_deleted_task_is_not_found() {
    let mut plan = example();
    let id = task_id(&plan, "8.1");
    let d = draft_of(&plan, id);
    plan.delete_task(id, stamp()).unwrap();
    assert_eq!(plan.update_task(id, d, stamp()), Err(EditError::NotFound));
    assert_eq!(plan.delete_task(id, stamp()), Err(EditError::NotFound));
}

#[test]
fn delete_task_leaves_a_tombstone() {
    let mut plan = example();
    let id = task_id(&plan, "7.1");
    plan.delete_task(id, stamp()).unwrap();
    let t = plan.tasks.iter().find(|t| t.id == id).expect("the record stays in the plan");
    assert!(t.meta.deleted);
    assert_eq!(t.meta.rev, 2);
    assert!(plan.tasks_of(action_id(&plan, 7)).is_empty());
    assert_eq!(plan.task(id), None);
}

#[test]
fn deleting_a_middle_task_renumbers_the_ones_after_it() {
    let mut plan = example();
    let former_8_3 = task_id(&plan, "8.3");
    plan.delete_task(task_id(&plan, "8.2"), stamp()).unwrap();
    assert_eq!(plan.task_number(former_8_3).as_deref(), Some("8.2"));
    assert_eq!(numbers_of(&plan, action_id(&plan, 8)), ["8.1", "8.2", "8.3", "8.4"]);
}

#[test]
fn delete_action_tombstones_its_tasks_and_returns_the_count() {
    let mut plan = example();
    let eight = action_id(&plan, 8);
    let former_9 = action_id(&plan, 9);
    assert_eq!(plan.delete_action(eight, stamp()), Ok(5));
    assert_eq!(plan.tasks.iter().filter(|t| t.action == eight && t.meta.deleted).count(), 5);
    assert!(plan.actions.iter().any(|a| a.id == eight && a.meta.deleted));
    assert_eq!(plan.action_number(former_9), Some(8));
    assert_eq!(plan.actions_in_order().len(), 10);
}

#[test]
fn move_action_up_and_down_swaps_numbers() {
    let mut plan = example();
    let (three, four) = (action_id(&plan, 3), action_id(&plan, 4));
    plan.move_action(four, Move::Up, stamp()).unwrap();
    assert_eq!((plan.action_number(four), plan.action_number(three)), (Some(3), Some(4)));
    assert_eq!(plan.action(four).unwrap().meta.rev, 2);
    plan.move_action(four, Move::Down, stamp()).unwrap();
    assert_eq!((plan.action_number(three), plan.action_number(four)), (Some(3), Some(4)));
}

#[test]
fn moving_the_first_action_up_or_the_last_down_is_a_no_op() {
    let mut plan = example();
    plan.move_action(action_id(&plan, 1), Move::Up, stamp()).unwrap();
    plan.move_action(action_id(&plan, 11), Move::Down, stamp()).unwrap();
    assert_eq!(plan, example());
}

#[test]
fn moving_an_action_with_an_equal_sort_key_up_separates_them() {
    let mut plan = example();
    let (one, two) = (action_id(&plan, 1), action_id(&plan, 2));
    plan.actions.iter_mut().find(|a| a.id == two).unwrap().order = 1;
    plan.move_action(two, Move::Up, stamp()).unwrap();
    assert_eq!((plan.action_number(two), plan.action_number(one)), (Some(1), Some(2)));
}

#[test]

fn moving_an_action_with_an_equal_sort_key_down_separates_them() {
    let mut plan = example();
    let (one, two) = (action_id(&plan, 1), action_id(&plan, 2));
    plan.actions.iter_mut().find(|a| a.id == two).unwrap().order = 1;
    plan.move_action(one, Move::Down, stamp()).unwrap();
    assert_eq!((plan.action_number(two), plan.action_number(one)), (Some(1), Some(2)));
}

#[test]
fn move_task_within_its_action() {
    let mut plan = example();
    let (t2, t3) = (task_id(&plan, "8.2"), task_id(&plan, "8.3"));
    plan.move_task(t3, Move::Up, stamp()).unwrap();
    assert_eq!(plan.task_number(t3).as_deref(), Some("8.2"));
    assert_eq!(plan.task_number(t2).as_deref(), Some("8.3"));
    let last = task_id(&plan, "8.5");
    plan.move_task(last, Move::Down, stamp()).unwrap();
    assert_eq!(plan.task_number(last).as_deref(), Some("8.5"));
    assert_eq!(numbers_of(&plan, action_id(&plan, 9)), ["9.1", "9.2"]);
}

#[test]
fn moving_a_task_to_another_action_puts_it_last_there() {
    let mut plan = example();
    let id = task_id(&plan, "7.1");
    let mut d = draft_of(&plan, id);
    d.action = action_id(&plan, 9);
    plan.update_task(id, d, stamp()).unwrap();
    assert_eq!(plan.task_number(id).as_deref(), Some("9.3"));
    assert!(plan.tasks_of(action_id(&plan, 7)).is_empty());
}

#[test]
fn delete_unit_in_use_is_refused_listing_the_places() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen Sub-district");
    let lu_yi = plan.people.iter().find(|p| p.unit == Some(dongmen)).unwrap().name.clone();
    let err = plan.delete_unit(dongmen, stamp()).unwrap_err();
    assert_eq!(err, EditError::InUse(vec![Usage::Responsible { task: "7.1".into() }, Usage::PersonUnit { person: lu_yi }]));
    assert_eq!(err.to_string(), "still in use (2 places)");
    assert!(plan.unit(dongmen).is_some());
}

#[test]
fn delete_of_an_unused_unit_leaves_a_tombstone() {
    let mut plan = example();
    let id = plan.add_unit(Text::new("罗湖区水务局", "Water Bureau"), stamp()).unwrap();
    plan.delete_unit(id, stamp()).unwrap();
    assert_eq!(plan.unit(id), None);
    assert!(plan.units.iter().any(|u| u.id == id && u.meta.deleted && u.meta.rev == 2));
    assert_eq!(plan.delete_unit(id, stamp()), Err(EditError::NotFound));
}

#[test]
fn add_unit_with_a_blank_name_is_refused() {
    let mut plan = example();
    let err = plan.add_unit(Text::new(" ", ""), stamp()).unwrap_err();
    assert_eq!(err, EditError::Invalid(vec![Invalid::Blank(Subject::Record("unit"))]));
    assert_eq!(plan.units.len(), example().units.len());
}

#[test]
fn rename_unit_bumps_only_when_the_name_changes() {
    let mut plan = example();
    let drb = unit_id(&plan, "Development and Reform Bureau");
    let same = plan.unit(drb).unwrap().name.clone();
    plan.rename_unit(drb, same, stamp()).unwrap();
    assert_eq!(plan.unit(drb).unwrap().meta.rev, 1);
    plan.rename_unit(drb, Text::new("发改局", "DRB"), stamp()).unwrap();
    assert_eq!(plan.unit(drb).unwrap().meta.rev, 2);
}

#[test]
fn delete_person_in_use_by_a_task_is_refused() {
    let mut plan = example();
    let lu_yi = plan.people.iter().find(|p| p.name.en == "Lu Yi").unwrap().id;
    assert_eq!(plan.delete_person(lu_yi, stamp()), Err(EditError::InUse(vec![Usage::TaskPerson { task: "7.1".into() }])));
    assert!(plan.person(lu_yi).is_some());
}

#[test]
fn delete_of_an_unused_person_works_and_blank_names_are_refused() {
    let mut plan = example();
    let liu = plan.people.iter().find(|p| p.name.en == "Liu Sheng").unwrap().id;
    plan.delete_person(liu, stamp()).unwrap();
    assert_eq!(plan.person(liu), None);
    assert!(matches!(plan.add_person(Text::default(), Text::default(), None, stamp()), Err(EditError::Invalid(_))));
}

#[test]
fn update_action_bumps_only_on_change() {
    let mut plan = example();
    let nine = action_id(&plan, 9);
    let a = plan.action(nine).unwrap();
    let mut d = ActionDraft { title: a.title.clone(), field: a.field, leaders: a.leaders.clone(), leading_units: a.leading_units.clone() };
    plan.update_action(nine, d.clone(), stamp()).unwrap();
    assert_eq!(plan.action(nine).unwrap().meta.rev, 1);
    d.leaders.push(plan.people[0].id);
    plan.update_action(nine, d, stamp()).unwrap();
    assert_eq!(plan.action(nine).unwrap().meta.rev, 2);
}

#[test]
fn a_blank_plan_is_empty_and_sound() {
    let plan = Plan::blank(Text::new("", "2023 table"), 2023, date(2023, 1, 30), stamp());
    assert!(plan.actions.is_empty() && plan.tasks.is_empty() && !plan.example);
    assert_eq!(plan.meta.rev, 1);
    assert_eq!(plan.validate(), vec![]);
}
