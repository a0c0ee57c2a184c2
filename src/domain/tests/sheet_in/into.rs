//! A table as read, made into a plan's records.

use super::super::{date, example, stamp};
use super::{book, grid};
use crate::domain::sheet_in::columns::Column;
use crate::domain::sheet_in::grid::from_csv;
use crate::domain::sheet_in::structure::{read, Saying};

use crate::domain::sheet_in::into::{add_to, target_of};

#[test]
fn a_table_lands_through_the_plans_own_commands_matching_units_by_name() {
    let g = grid(
        "任务清单",
        &[
            &["序号", "重点任务", "具体任务", "牵头区领导", "责任单位", "完成时限", "量化指标", "进展情况"],
            &[
                "1",
                "优化营商环境",
                "推进商事登记改革",
                "区委常委、常务副区长 王伟",
                "区 市场监管局",
                "6月30日前",
                "办理时限压缩至2个工作日",
                "",
            ],
            &["2", "优化营商环境", "建设政务服务中心", "", "区住房建设局牵头，区市场监管局配合", "年底", "一批", "已完成选址"],
        ],
    );
    let r = read(&book(g), 0, 2023, None);
    assert_eq!(r.actions[0].leaders, [("王伟".to_string(), "区委常委、常务副区长".to_string())]);
    let mut plan = crate::domain::Plan::blank(crate::domain::Text::new("测试", ""), 2023, date(2023, 2, 1), stamp());
    let existing = plan.add_unit(crate::domain::Text::new("区市场监管局", ""), stamp()).unwrap();
    let m = add_to(&mut plan, &r, "任务清单", stamp()).unwrap();
    // The existing unit is found (spaces ignored), the other made once.
    assert_eq!(m.units_found, ["区 市场监管局", "区市场监管局"].map(String::from)[..1]);
    assert_eq!(m.units_new, ["区住房建设局"]);
    assert_eq!(m.people_new, ["王伟"]);
    assert_eq!(plan.units.len(), 2);
    assert_eq!(plan.actions.len(), 1);
    let tasks = plan.tasks_of(plan.actions[0].id);
    assert_eq!(tasks.iter().map(|t| t.title.zh.as_str()).collect::<Vec<_>>(), ["推进商事登记改革", "建设政务服务中心"]);
    assert_eq!(tasks[0].responsible, [existing]);
    assert_eq!(tasks[1].co_organizers, [existing]);
    assert_eq!(tasks[0].due, Some(date(2023, 6, 30)));
    assert_eq!(tasks[0].targets.len(), 1);
    assert_eq!((tasks[0].targets[0].target, tasks[0].targets[0].measure.as_str()), (2.0, "个工作日"));
    // What the plan has no field for is kept in the task's plan text.
    assert_eq!(tasks[1].plan, "量化指标：一批\n原表进展情况：已完成选址");
    let leader = plan.person(plan.actions[0].leaders[0]).unwrap();
    assert_eq!((leader.name.zh.as_str(), leader.title.zh.as_str()), ("王伟", "区委常委、常务副区长"));
}

#[test]
fn a_target_cell_gives_its_number_and_measure() {
    assert_eq!(target_of("完成改造17.2万平方米"), Some((17.2, "万平方米".to_string())));
    assert_eq!(target_of("新增1,200个学位，其中公办"), Some((1200.0, "个学位".to_string())));
    assert_eq!(target_of("一批"), None);
}

/// The app's own CSV export of the example's table reads back into the
/// same actions, tasks, leaders, units, co-organizers and deadlines.
#[test]
fn the_apps_own_csv_export_imports_back_into_the_same_table() {
    use crate::domain::filter::TableFilter;
    use crate::domain::spreadsheet::csv;
    use crate::domain::Lang;
    let plan = example();
    let today = date(2022, 6, 30);
    for lang in [Lang::Zh, Lang::En] {
        let text = csv(&plan.table_sheet(&TableFilter::default(), today, lang));
        let r = read(&book(from_csv("table.csv", &text)), 0, plan.year, None);
        assert!(r.said.iter().all(|s| !s.problem), "{:?}", r.said);
        let mut back = crate::domain::Plan::blank(plan.title.clone(), plan.year, plan.kickoff, stamp());
        add_to(&mut back, &r, "table", stamp()).unwrap();
        let shape = |p: &crate::domain::Plan| {
            p.actions_in_order()
                .iter()
                .map(|a| {
                    let tasks: Vec<_> = p
                        .tasks_of(a.id)
                        .iter()
                        .map(|t| {
                            (
                                t.title.get(lang).to_string(),
                                p.unit_names(&t.responsible, lang),
                                p.unit_names(&t.co_organizers, lang),
                                t.due,
                                t.person.map(|x| p.person(x).unwrap().name.get(lang).to_string()),
                            )
                        })
                        .collect();
                    (a.title.get(lang).to_string(), p.person_names(&a.leaders, lang), p.unit_names(&a.leading_units, lang), tasks)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&back), shape(&plan), "{lang:?}");
    }
}

#[test]
fn every_remark_is_worded_in_both_languages_without_the_other() {
    use crate::domain::sheet_in::words::{column, saying};
    use crate::domain::Lang;
    let all = [
        Saying::UnreadableDate("尽快".into()),
        Saying::Ongoing("长期坚持".into()),
        Saying::SeveralDates("6月底、12月底".into(), date(2023, 12, 31)),
        Saying::NoUnit,
        Saying::NoTask,
        Saying::HiddenColumn(String::new()),
        Saying::HiddenColumn("备注".into()),
        Saying::Note("注：本表".into()),
        Saying::NoHeader,
        Saying::NoTaskColumn,
        Saying::CellError("#REF!".into()),
        Saying::NoAction,
    ];
    for s in &all {
        let zh = saying(Lang::Zh, s);
        assert!(!zh.chars().any(|c| c.is_ascii_alphabetic() && !"REF".contains(c)), "{zh}");
        let en = saying(Lang::En, s);
        let quoted: String = match s {
            Saying::UnreadableDate(t) | Saying::Ongoing(t) | Saying::SeveralDates(t, _) | Saying::HiddenColumn(t) | Saying::Note(t) => {
                t.clone()
            }
            _ => String::new(),
        };
        assert!(!en.replace(&quoted, "").chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{en}");
    }
    for c in Column::ALL {
        assert!(!column(Lang::Zh, c).is_ascii());
        assert!(column(Lang::En, c).is_ascii());
    }
}

/// A unit named on several rows of a new plan is made once and listed as
/// made, never also as "matched" (it was not in the plan before).
#[test]
fn a_unit_made_by_the_import_is_not_also_listed_as_matched() {
    let g = grid("任务清单", &[&["具体任务", "责任单位"], &["推进改革", "东门街道"], &["建设中心", "东门街道、区商务局"]]);
    let r = read(&book(g), 0, 2023, None);
    let mut plan = crate::domain::Plan::blank(crate::domain::Text::new("新表", ""), 2023, date(2023, 1, 1), stamp());
    let m = add_to(&mut plan, &r, "任务清单", stamp()).unwrap();
    assert_eq!(m.units_new, ["东门街道", "区商务局"]);
    assert!(m.units_found.is_empty(), "{:?}", m.units_found);
    assert_eq!(plan.units.len(), 2);
}
