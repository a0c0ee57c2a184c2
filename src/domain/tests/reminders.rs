//! The reminder each unit is sent from the weekly collection page.

use super::{date, example, stamp, task_id, unit_id};
use crate::domain::{Id, Lang, Meta, Milestone, Report, Text};

fn as_of() -> chrono::NaiveDate {
    example().settings.as_of.unwrap()
}

fn milestone(key: &str, zh: &str, en: &str, due: chrono::NaiveDate) -> Milestone {
    Milestone { id: Id::from_name(key), title: Text::new(zh, en), due: Some(due), done_on: None, weight: 1.0, meta: Meta::created(stamp()) }
}

fn report(task: Id, unit: Id, on: chrono::NaiveDate) -> Report {
    Report {
        id: Id::from_name(&format!("report:{task}:{on}")),
        task,
        unit,
        date: on,
        narrative: "推进中".into(),
        progress: Some(40.0),
        milestones_done: vec![],
        readings: vec![],
        help_requested: String::new(),
        supersedes: None,
        withdrawn: false,
        extension: None,
        closure: None,
        unchanged: false,
        answers: vec![],
        progress_reason: String::new(),
        meta: Meta::created(stamp()),
    }
}

#[test]
fn on_the_example_each_unit_is_reminded_of_the_reports_it_owes() {
    let plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    assert_eq!(
        plan.reminder(dongmen, as_of(), Lang::Zh),
        "【东门街道】攻坚任务提醒（截至6月30日）\n本周尚未反馈进展：\n· 7.1 东门步行街升级改造\n请抓紧推进，并于本周内报送进展反馈。"
    );
    assert_eq!(
        plan.reminder(dongmen, as_of(), Lang::En),
        "[Dongmen Sub-district] Task reminder (as of 2022-06-30)\nNo progress report yet this week:\n\
         · 7.1 Upgrading and renovating Dongmen Pedestrian Street\nPlease push these forward and send this week's report."
    );
    // The district itself answers for no task: it gets no reminder.
    let units: Vec<Id> = plan.reminders(as_of()).iter().map(|r| r.unit).collect();
    let table: Vec<Id> = plan.weekly_collection(as_of()).units.iter().map(|w| w.unit).collect();
    assert_eq!(units, table, "in the order of the weekly table");
    assert_eq!(units.len(), 4, "{units:?}");
    assert!(!units.contains(&unit_id(&plan, "Luohu District")));
}

#[test]
fn overdue_and_coming_deadlines_are_named_with_their_dates_and_days() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    let (t71, t81) = (task_id(&plan, "7.1"), task_id(&plan, "8.1"));
    let t = plan.tasks.iter_mut().find(|t| t.id == t71).unwrap();
    t.milestones.push(milestone("ms:design", "完成设计方案", "Design done", date(2022, 6, 25)));
    t.milestones.push(milestone("ms:build", "开工建设", "Start building", date(2022, 7, 4)));
    t.milestones.push(milestone("ms:later", "竣工验收", "Acceptance", date(2022, 10, 1)));
    let t8 = plan.tasks.iter_mut().find(|t| t.id == t81).unwrap();
    t8.co_organizers.push(dongmen);
    t8.due = Some(date(2022, 6, 30));
    plan.reports.push(report(t71, dongmen, date(2022, 6, 28)));
    let zh = plan.reminder(dongmen, as_of(), Lang::Zh);
    assert_eq!(
        zh,
        "【东门街道】攻坚任务提醒（截至6月30日）\n\
         已逾期：\n\
         · 7.1 东门步行街升级改造：节点“完成设计方案”应于6月25日完成，已逾期5天\n\
         7天内到期：\n\
         · 8.1 完成20万平方米产业项目用地出让（协办）：任务应于今天（6月30日）完成\n\
         · 7.1 东门步行街升级改造：节点“开工建设”应于7月4日完成，还有4天\n\
         请抓紧推进，并于本周内报送进展反馈。"
    );
    // No internal id, field name or English word in the Chinese text.
    assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{zh}");
    let en = plan.reminder(dongmen, as_of(), Lang::En);
    assert!(
        en.contains(
            "· 7.1 Upgrading and renovating Dongmen Pedestrian Street: milestone \"Design done\" was due 2022-06-25, 5 days overdue"
        ),
        "{en}"
    );
    assert!(en.contains("(co-organizer): the task is due today (2022-06-30)"), "{en}");
}

#[test]
fn a_unit_with_nothing_due_that_has_reported_gets_a_short_message() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    let t71 = task_id(&plan, "7.1");
    plan.reports.push(report(t71, dongmen, date(2022, 6, 27)));
    let r = plan.reminders(as_of()).into_iter().find(|r| r.unit == dongmen).unwrap();
    assert!(r.is_quiet());
    assert_eq!(plan.reminder(dongmen, as_of(), Lang::Zh), "【东门街道】截至6月30日，本周无到期事项，各项任务进展均已反馈。");
}

#[test]
fn a_deleted_milestone_or_task_is_not_reminded_of() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    let t71 = task_id(&plan, "7.1");
    let t = plan.tasks.iter_mut().find(|t| t.id == t71).unwrap();
    let mut gone = milestone("ms:gone", "已删除", "Gone", date(2022, 6, 1));
    gone.meta.deleted = true;
    t.milestones.push(gone);
    assert!(!plan.reminder(dongmen, as_of(), Lang::Zh).contains("已删除"));
    plan.tasks.iter_mut().find(|t| t.id == t71).unwrap().meta.deleted = true;
    assert!(!plan.reminders(as_of()).iter().any(|r| r.unit == dongmen));
}

#[test]
fn a_done_task_is_not_reminded_of_even_with_a_milestone_left_open() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    let t71 = task_id(&plan, "7.1");
    let t = plan.tasks.iter_mut().find(|t| t.id == t71).unwrap();
    t.milestones.push(milestone("ms:design", "完成设计方案", "Design done", date(2022, 6, 25)));
    let mut done = report(t71, dongmen, date(2022, 6, 28));
    done.progress = Some(100.0);
    plan.reports.push(done);
    assert_eq!(plan.task_light(plan.task(t71).unwrap(), as_of()).light, crate::domain::light::Light::Done);
    assert_eq!(plan.reminder(dongmen, as_of(), Lang::Zh), "【东门街道】截至6月30日，本周无到期事项，各项任务进展均已反馈。");
}

#[test]
fn a_task_awaiting_the_offices_review_of_its_closure_is_not_reminded_of() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    let t71 = task_id(&plan, "7.1");
    let t = plan.tasks.iter_mut().find(|t| t.id == t71).unwrap();
    t.milestones.push(milestone("ms:design", "完成设计方案", "Design done", date(2022, 6, 25)));
    let mut ask = report(t71, dongmen, date(2022, 6, 28));
    ask.closure = Some(crate::domain::requests::ClosureAsk { done_on: date(2022, 6, 27), summary: "已完工".into() });
    plan.reports.push(ask);
    assert_eq!(plan.task_light(plan.task(t71).unwrap(), as_of()).light, crate::domain::light::Light::Review);
    assert_eq!(plan.reminder(dongmen, as_of(), Lang::Zh), "【东门街道】截至6月30日，本周无到期事项，各项任务进展均已反馈。");
}
