//! The embedded example: Luohu District's 2022 table, as the seed tells it.

use super::{action_id, date, example, numbers_of, task_id, unit_id};
use crate::domain::example::{kickoff, luohu_2022};
use crate::domain::plan::live;
use crate::domain::{Direction, Lang, Plan};

/// (task number, target's English name, measure, baseline, target value).
fn targets(plan: &Plan) -> Vec<(String, String, String, Option<f64>, f64)> {
    let mut out = Vec::new();
    for a in plan.actions_in_order() {
        for t in plan.tasks_of(a.id) {
            for x in live(&t.targets) {
                out.push((plan.task_number(t.id).unwrap(), x.name.en.clone(), x.measure.clone(), x.baseline, x.target));
            }
        }
    }
    out
}

fn target_value(plan: &Plan, en: &str) -> (String, String, f64) {
    let (n, _, measure, _, value) = targets(plan).into_iter().find(|x| x.1 == en).unwrap_or_else(|| panic!("no target {en}"));
    (n, measure, value)
}

#[test]
fn it_has_the_eleven_key_actions_in_order() {
    let plan = example();
    let titles: Vec<&str> = plan.actions_in_order().iter().map(|a| a.title.get(Lang::En)).collect();
    assert_eq!(titles.len(), 11);
    assert_eq!(titles[0], "Modernizing the social governance system and capacity");
    assert_eq!(titles[7], "Building the Dawutong emerging industrial belt");
    assert_eq!(titles[8], "Industry leading, service upgrading");
    assert_eq!(titles[10], "Building the education projects");
    let numbers: Vec<_> = plan.actions_in_order().iter().map(|a| plan.action_number(a.id).unwrap()).collect();
    assert_eq!(numbers, (1..=11).collect::<Vec<_>>());
    assert!(plan.actions.iter().all(|a| !a.title.zh.is_empty() && !a.title.en.is_empty()));
}

#[test]
fn it_starts_at_the_2022_kickoff_and_is_marked_as_the_example() {
    let plan = example();
    assert_eq!((plan.year, plan.kickoff, kickoff()), (2022, date(2022, 2, 7), date(2022, 2, 7)));
    assert!(plan.example);
    let as_of = plan.settings.as_of.expect("the example is looked at from inside 2022");
    assert!(as_of > plan.kickoff && as_of <= date(2022, 12, 31), "{as_of}");
}

#[test]
fn it_was_issued_by_luohu_district() {
    let plan = example();
    assert_eq!(plan.issuing_unit, Some(unit_id(&plan, "Luohu District")));
    assert_eq!(plan.unit(plan.issuing_unit.unwrap()).unwrap().name.zh, "罗湖区");
}

#[test]
fn the_named_units_exist() {
    let plan = example();
    for en in [
        "Dongmen Sub-district",
        "Luohu District Development and Reform Bureau",
        "Luohu District Enterprise Service Center",
        "Dawutong Emerging Industrial Belt (Sungang–Dongxiao Area) Sub-headquarters",
    ] {
        let id = unit_id(&plan, en);
        assert_eq!(plan.unit(id).unwrap().name.en, en);
    }
    assert_eq!(plan.unit(unit_id(&plan, "Dongmen")).unwrap().name.zh, "东门街道");
}

#[test]
fn the_tasks_sit_under_the_actions_the_seed_names() {
    let plan = example();
    assert_eq!(plan.tasks.len(), 9);
    assert_eq!(numbers_of(&plan, action_id(&plan, 6)), ["6.1"]);
    assert_eq!(numbers_of(&plan, action_id(&plan, 7)), ["7.1"]);
    assert_eq!(numbers_of(&plan, action_id(&plan, 8)), ["8.1", "8.2", "8.3", "8.4", "8.5"]);
    assert_eq!(numbers_of(&plan, action_id(&plan, 9)), ["9.1", "9.2"]);
    for n in [1, 2, 3, 4, 5, 10, 11] {
        assert!(plan.tasks_of(action_id(&plan, n)).is_empty(), "action {n}");
    }
}

#[test]
fn each_task_has_the_responsible_unit_the_seed_names() {
    let plan = example();
    let lead = |n: &str| plan.task(task_id(&plan, n)).unwrap().lead_unit();
    assert_eq!(lead("6.1"), Some(unit_id(&plan, "Development and Reform Bureau")));
    assert_eq!(lead("7.1"), Some(unit_id(&plan, "Dongmen Sub-district")));
    for k in 1..=5 {
        assert_eq!(lead(&format!("8.{k}")), Some(unit_id(&plan, "Dawutong")));
    }
    assert_eq!(lead("9.1"), Some(unit_id(&plan, "Enterprise Service Center")));
    assert_eq!(lead("9.2"), Some(unit_id(&plan, "Enterprise Service Center")));
    assert!(plan.tasks.iter().all(|t| t.responsible.len() == 1 && t.co_organizers.is_empty() && t.person.is_some()));
}

#[test]
fn only_action_9_names_a_leading_unit_and_no_action_names_a_leader() {
    let plan = example();
    let esc = unit_id(&plan, "Enterprise Service Center");
    assert_eq!(plan.action(action_id(&plan, 9)).unwrap().leading_units, vec![esc]);
    let others = plan.actions_in_order().into_iter().filter(|a| a.id != action_id(&plan, 9));
    assert!(others.into_iter().all(|a| a.leading_units.is_empty()));
    assert!(plan.actions.iter().all(|a| a.leaders.is_empty()));
}

#[test]
fn the_dawutong_targets_are_200000_m2_172000_m2_and_7_roads() {
    let plan = example();
    assert_eq!(target_value(&plan, "Industrial land transferred"), ("8.1".into(), "m²".into(), 200_000.0));
    assert_eq!(target_value(&plan, "Rundown buildings under reconstruction"), ("8.2".into(), "m²".into(), 172_000.0));
    let (n, measure, roads) = target_value(&plan, "Roads built or upgraded");
    assert_eq!((n.as_str(), roads), ("8.4", 7.0));
    assert!(measure.contains("roads"), "{measure}");
}

#[test]
fn the_enterprise_targets_are_25_billion_revenue_2_billion_tax_95_and_100_percent() {
    let plan = example();
    let (n, measure, revenue) = target_value(&plan, "Annual increase in business revenue");
    assert_eq!((n.as_str(), revenue), ("9.1", 250.0));
    assert!(measure.starts_with("亿元"), "{measure}");
    assert_eq!(revenue * 100_000_000.0, 25_000_000_000.0, "250 × 亿元 is 25 billion yuan");
    let (n, _, tax) = target_value(&plan, "Annual increase in tax revenue");
    assert_eq!((n.as_str(), tax * 100_000_000.0), ("9.1", 2_000_000_000.0));
    assert_eq!(target_value(&plan, "Satisfaction of key enterprises"), ("9.2".into(), "%".into(), 95.0));
    assert_eq!(target_value(&plan, "Response rate to enterprise problems"), ("9.2".into(), "%".into(), 100.0));
}

#[test]
fn targets_are_at_least_kind_and_baselines_only_where_the_seed_implies_them() {
    let plan = example();
    let all = targets(&plan);
    assert_eq!(all.len(), 7);
    for (n, name, _, baseline, _) in &all {
        let expected = if n == "9.2" { None } else { Some(0.0) };
        assert_eq!(*baseline, expected, "{n} {name}");
    }
    assert!(plan.tasks.iter().flat_map(|t| &t.targets).all(|x| x.direction == Direction::AtLeast));
}

#[test]
fn tasks_due_this_year_are_due_on_2022_12_31_and_the_rest_stay_empty() {
    let plan = example();
    for t in &plan.tasks {
        let n = plan.task_number(t.id).unwrap();
        let expected = if n == "6.1" || n == "9.2" { None } else { Some(date(2022, 12, 31)) };
        assert_eq!(t.due, expected, "task {n}");
        assert_eq!(t.start, None, "task {n}");
    }
}

#[test]
fn every_person_belongs_to_a_known_unit_or_none() {
    let plan = example();
    assert_eq!(plan.people.len(), 10);
    assert!(plan.people.iter().all(|p| p.unit.is_none_or(|u| plan.unit(u).is_some())));
    let wei = plan.people.iter().find(|p| p.name.en == "Wei Jie").unwrap();
    assert_eq!(wei.unit, Some(unit_id(&plan, "Dawutong")));
}

#[test]
fn every_record_is_fresh_and_live() {
    let plan = example();
    assert_eq!(plan.meta.rev, 1);
    assert!(plan.units.iter().all(|u| u.meta.rev == 1 && !u.meta.deleted));
    assert!(plan.people.iter().all(|p| p.meta.rev == 1 && !p.meta.deleted));
    assert!(plan.actions.iter().all(|a| a.meta.rev == 1 && !a.meta.deleted));
    assert!(plan.tasks.iter().all(|t| t.meta.rev == 1 && !t.meta.deleted));
    assert!(plan.reports.is_empty() && plan.meetings.is_empty() && plan.problems.is_empty());
}

#[test]
fn ids_are_stable_between_two_calls() {
    let (a, b) = (luohu_2022(), luohu_2022());
    assert_eq!(a, b);
    assert_eq!(a.id, b.id);
    let ids = |p: &Plan| p.tasks.iter().map(|t| t.id).chain(p.units.iter().map(|u| u.id)).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b));
}

#[test]
fn ids_are_distinct_within_the_example() {
    let plan = example();
    let mut ids: Vec<_> = plan.units.iter().map(|u| u.id).chain(plan.people.iter().map(|p| p.id)).collect();
    ids.extend(plan.actions.iter().map(|a| a.id));
    ids.extend(plan.tasks.iter().flat_map(|t| std::iter::once(t.id).chain(t.targets.iter().map(|x| x.id))));
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn pickers_list_actions_in_order_and_units_by_name() {
    let plan = example();
    let actions = plan.action_choices(crate::domain::Lang::En);
    assert_eq!(actions.len(), 11);
    assert!(actions[8].1.starts_with("9 Industry leading"), "{:?}", actions[8]);
    let units: Vec<String> = plan.unit_choices(crate::domain::Lang::En).into_iter().map(|(_, n)| n).collect();
    let mut sorted = units.clone();
    sorted.sort();
    assert_eq!(units, sorted);
    assert_eq!(plan.person_choices(crate::domain::Lang::En).len(), 10);
}
