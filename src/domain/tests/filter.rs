//! The responsibility table's filter: URL round trip and what each shows.

use super::{action_id, date, example, stamp, task_id, unit_id};
use crate::domain::filter::{ActionRows, TableFilter};
use crate::domain::{Id, Plan};
use std::collections::HashMap;

fn from_pairs(pairs: &[(&str, String)]) -> TableFilter {
    let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    TableFilter::from_query(|k| map.get(k).cloned())
}

fn text(q: &str) -> TableFilter {
    TableFilter { text: q.into(), ..TableFilter::default() }
}

/// The shown task numbers, per shown action number.
fn shown(plan: &Plan, f: &TableFilter) -> Vec<(usize, Vec<String>)> {
    plan.table(f, date(2022, 6, 30)).into_iter().map(|r| (r.number, r.tasks.into_iter().map(|(_, n)| n).collect())).collect()
}

fn nums(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn person_id(plan: &Plan, en: &str) -> Id {
    plan.people.iter().find(|p| p.name.en == en).unwrap().id
}

#[test]
fn a_filter_round_trips_through_the_query() {
    let f = TableFilter {
        action: Some(Id::new()),
        unit: Some(Id::new()),
        leader: Some(Id::new()),
        text: "东门 步行街 & more".into(),
        light: Some(crate::domain::light::Light::Red),
        facet: Some(crate::domain::board::Facet::Silent),
    };
    let q = f.to_query();
    assert_eq!(q.iter().map(|(k, _)| *k).collect::<Vec<_>>(), TableFilter::KEYS);
    assert_eq!(from_pairs(&q), f);
}

#[test]
fn an_invalid_id_in_the_query_is_ignored() {
    let unit = Id::new();
    let f = from_pairs(&[("action", "not-an-id".into()), ("unit", unit.to_string()), ("q", "梧桐".into())]);
    assert_eq!(f, TableFilter { action: None, unit: Some(unit), leader: None, text: "梧桐".into(), light: None, facet: None });
}

#[test]
fn an_empty_filter_has_an_empty_query() {
    assert_eq!(TableFilter::default().to_query(), vec![]);
    assert!(text("   ").to_query().is_empty());
    assert!(text("   ").is_empty());
    assert_eq!(from_pairs(&[]), TableFilter::default());
}

#[test]
fn no_filter_shows_every_action_and_every_task() {
    let plan = example();
    let rows = shown(&plan, &TableFilter::default());
    assert_eq!(rows.iter().map(|(n, _)| *n).collect::<Vec<_>>(), (1..=11).collect::<Vec<_>>());
    let all: Vec<String> = rows.into_iter().flat_map(|(_, t)| t).collect();
    assert_eq!(all, nums(&["6.1", "7.1", "8.1", "8.2", "8.3", "8.4", "8.5", "9.1", "9.2"]));
}

#[test]
fn filter_by_a_responsible_unit_shows_only_its_task() {
    let plan = example();
    let f = TableFilter { unit: Some(unit_id(&plan, "Dongmen Sub-district")), ..TableFilter::default() };
    let rows = plan.table(&f, date(2022, 6, 30));
    assert_eq!(rows, vec![ActionRows { action: action_id(&plan, 7), number: 7, tasks: vec![(task_id(&plan, "7.1"), "7.1".into())] }]);
}

#[test]
fn filter_by_a_leading_unit_shows_its_whole_action() {
    let plan = example();
    let f = TableFilter { unit: Some(unit_id(&plan, "Enterprise Service Center")), ..TableFilter::default() };
    assert_eq!(shown(&plan, &f), vec![(9, nums(&["9.1", "9.2"]))]);
}

#[test]
fn text_matches_any_case_and_shows_the_whole_matching_action() {
    let plan = example();
    for q in ["dawutong", "DaWuTong"] {
        assert_eq!(shown(&plan, &text(q)), vec![(8, nums(&["8.1", "8.2", "8.3", "8.4", "8.5"]))], "{q}");
    }
}

#[test]
fn chinese_text_finds_the_task_title() {
    let plan = example();
    assert_eq!(shown(&plan, &text("步行街")), vec![(7, nums(&["7.1"]))]);
    assert_eq!(shown(&plan, &text("  步行街 ")), vec![(7, nums(&["7.1"]))]);
}

#[test]
fn text_equal_to_a_task_number_finds_that_task() {
    let plan = example();
    assert_eq!(shown(&plan, &text("9.2")), vec![(9, nums(&["9.2"]))]);
}

#[test]
fn text_matches_the_responsible_person_name() {
    let plan = example();
    assert_eq!(shown(&plan, &text("lu yi")), vec![(7, nums(&["7.1"]))]);
}

#[test]
fn filter_by_action_shows_just_that_action() {
    let plan = example();
    let f = TableFilter { action: Some(action_id(&plan, 9)), ..TableFilter::default() };
    assert_eq!(shown(&plan, &f), vec![(9, nums(&["9.1", "9.2"]))]);
}

#[test]

fn filter_by_an_action_without_tasks_still_shows_that_action() {
    let plan = example();
    let f = TableFilter { action: Some(action_id(&plan, 1)), ..TableFilter::default() };
    assert_eq!(shown(&plan, &f), vec![(1, vec![])]);
}

#[test]
fn filter_by_leader_shows_the_actions_they_lead() {
    let mut plan = example();
    let fan = person_id(&plan, "Fan Defan");
    for n in [4, 8] {
        let id = action_id(&plan, n);
        plan.actions.iter_mut().find(|a| a.id == id).unwrap().leaders.push(fan);
    }
    let f = TableFilter { leader: Some(fan), ..TableFilter::default() };
    assert_eq!(shown(&plan, &f), vec![(4, vec![]), (8, nums(&["8.1", "8.2", "8.3", "8.4", "8.5"]))]);
}

#[test]
fn filter_by_leader_also_finds_a_task_s_responsible_person() {
    let plan = example();
    let f = TableFilter { leader: Some(person_id(&plan, "Chen Xiaojun")), ..TableFilter::default() };
    assert_eq!(shown(&plan, &f), vec![(9, nums(&["9.1", "9.2"]))]);
}

#[test]
fn unit_and_text_must_both_match() {
    let plan = example();
    let f = TableFilter { unit: Some(unit_id(&plan, "Dawutong")), text: "roads".into(), ..TableFilter::default() };
    assert_eq!(shown(&plan, &f), vec![(8, nums(&["8.4"]))]);
}

#[test]
fn a_filter_that_matches_nothing_shows_nothing() {
    let plan = example();
    assert_eq!(plan.table(&text("no such words"), date(2022, 6, 30)), vec![]);
    let f = TableFilter { unit: Some(Id::new()), ..TableFilter::default() };
    assert_eq!(plan.table(&f, date(2022, 6, 30)), vec![]);
}

#[test]
fn deleted_tasks_are_not_shown_and_numbers_close_up() {
    let mut plan = example();
    plan.delete_task(task_id(&plan, "8.2"), stamp()).unwrap();
    assert_eq!(shown(&plan, &text("dawutong")), vec![(8, nums(&["8.1", "8.2", "8.3", "8.4"]))]);
}

#[test]

fn the_text_zero_matches_only_texts_containing_zero() {
    let plan = example();
    // "“20+8”" is in action 2's title; "200,000 m²" and "172,000 m²" in tasks 8.1 and 8.2.
    assert_eq!(shown(&plan, &text("0")), vec![(2, vec![]), (8, nums(&["8.1", "8.2"]))]);
}

#[test]
fn the_first_rows_are_cut_after_n_tasks_keeping_their_actions() {
    use crate::domain::filter::{first_rows, ActionRows};
    use crate::domain::Id;
    let ids: Vec<Id> = (0..7).map(|_| Id::new()).collect();
    let group = |a: usize, n: usize, from: usize| ActionRows {
        action: ids[a],
        number: a + 1,
        tasks: (0..n).map(|i| (ids[from + i], format!("{}.{}", a + 1, i + 1))).collect(),
    };
    let rows = vec![group(0, 2, 3), group(1, 0, 0), group(2, 2, 5)];
    let count = |r: &[ActionRows]| r.iter().map(|g| g.tasks.len()).sum::<usize>();
    assert_eq!(first_rows(&rows, 100), rows);
    assert_eq!(first_rows(&rows, 0), vec![]);
    let three = first_rows(&rows, 3);
    assert_eq!((three.len(), count(&three)), (3, 3));
    assert_eq!(three[2].tasks, vec![rows[2].tasks[0].clone()]);
    let two = first_rows(&rows, 2);
    assert_eq!(two, vec![rows[0].clone()], "an action is shown only while task rows remain to show");
}

#[test]
fn all_task_numbers_at_once_agree_with_one_at_a_time() {
    use crate::domain::sample::{large_plan, Size};
    let small = Size { actions: 4, tasks: 40, milestones_per_task: 1, reports: 10, units: 5 };
    for p in [example(), large_plan(3, small)] {
        let all = p.task_numbers();
        let live: Vec<_> = p.tasks.iter().filter(|t| !t.meta.deleted).collect();
        assert_eq!(all.len(), live.len());
        for t in live {
            assert_eq!(all.get(&t.id), p.task_number(t.id).as_ref(), "task {}", t.id);
        }
    }
}
