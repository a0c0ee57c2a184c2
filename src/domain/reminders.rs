//! One reminder per unit, as plain text ready to paste into a work chat
//! (WeCom, WeChat): what is overdue, what falls due within the warning
//! window, and which tasks it has not reported on this week. The rules are
//! the lights' (`milestone_light_in`, `task_light_in`) and the weekly
//! collection's (`weekly_collection`); this module only words them.

use super::hearing::Collection;
use super::light::{Light, Reason};
use super::plan::live;
use super::{Id, Lang, Plan, Report, Text};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// A deadline the reminder names: a task's, or one of its milestones'.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub task: Id,
    /// The milestone's title; `None` for the task's own deadline.
    pub milestone: Option<Text>,
    pub due: NaiveDate,
    /// Days overdue, or days left.
    pub days: i64,
    /// The unit co-organizes the task (is not responsible for it).
    pub co: bool,
}

/// What one unit is reminded of, as of a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Reminder {
    pub unit: Id,
    pub overdue: Vec<Item>,
    pub due_soon: Vec<Item>,
    /// Tasks it is responsible for and has not reported on this week.
    pub unreported: Vec<Id>,
}

impl Reminder {
    /// Nothing to remind the unit of.
    pub fn is_quiet(&self) -> bool {
        self.overdue.is_empty() && self.due_soon.is_empty() && self.unreported.is_empty()
    }
}

impl Plan {
    /// Every live unit that has a live task to answer for or help with, in
    /// the weekly collection's order, with what it is to be reminded of as of `today`.
    pub fn reminders(&self, today: NaiveDate) -> Vec<Reminder> {
        // Read once for every unit: a city has hundreds of units.
        let collection = self.weekly_collection(today);
        let by_task = self.reports_by_task(today);
        let mut out: Vec<Reminder> =
            live(&self.units).filter(|u| self.has_tasks(u.id)).map(|u| self.reminder_in(u.id, today, &collection, &by_task)).collect();
        // In the order of the weekly collection's table above them; units
        // that only co-organize come last, in the plan's order.
        let place = |u: Id| collection.units.iter().position(|w| w.unit == u).unwrap_or(usize::MAX);
        out.sort_by_key(|r| place(r.unit));
        out
    }

    /// Whether `unit` is responsible for or co-organizes a live task (has
    /// something to be reminded of, or a calendar of its own).
    pub fn has_tasks(&self, unit: Id) -> bool {
        live(&self.tasks).any(|t| t.involves(unit))
    }

    /// The reminder text for `unit` as of `today`, in `lang`.
    pub fn reminder(&self, unit: Id, today: NaiveDate, lang: Lang) -> String {
        let r = self.reminder_in(unit, today, &self.weekly_collection(today), &self.reports_by_task(today));
        self.reminder_message(&r, today, lang)
    }

    fn reminder_in(&self, unit: Id, today: NaiveDate, collection: &Collection, by_task: &HashMap<Id, Vec<&Report>>) -> Reminder {
        let (mut overdue, mut due_soon) = (Vec::new(), Vec::new());
        let tasks = self.actions_in_order().into_iter().flat_map(|a| self.tasks_of(a.id)).filter(|t| t.involves(unit));
        for t in tasks {
            let k = super::light::known(by_task, t.id, today);
            let co = !t.responsible.contains(&unit);
            // A task done, or whose closure the office is reviewing, has
            // nothing left to remind its units of, its milestones neither.
            let light = self.task_light_in(t, &k);
            if matches!(light.light, Light::Done | Light::Review) {
                continue;
            }
            // The task's own deadline, as its light words it.
            if let Some(due) = t.due {
                for r in light.reasons {
                    match r {
                        Reason::TaskOverdue { days } => overdue.push(Item { task: t.id, milestone: None, due, days, co }),
                        Reason::TaskDueSoon { days } => due_soon.push(Item { task: t.id, milestone: None, due, days, co }),
                        _ => {}
                    }
                }
            }
            let mut milestones: Vec<_> = live(&t.milestones).collect();
            super::numbers::sort_by(&mut milestones, |m| m.due);
            for m in milestones {
                let Some(due) = m.due else { continue };
                let a = self.milestone_light_in(t, m, &k);
                let item = |days| Item { task: t.id, milestone: Some(m.title.clone()), due, days, co };
                match (a.light, a.first_reason()) {
                    (Light::Red, Some(Reason::MilestoneOverdue { days, .. })) => overdue.push(item(*days)),
                    (Light::Yellow, Some(Reason::MilestoneDueSoon { days, .. })) => due_soon.push(item(*days)),
                    _ => {}
                }
            }
        }
        overdue.sort_by_key(|i| i.due);
        due_soon.sort_by_key(|i| i.due);
        let unreported = collection.units.iter().find(|w| w.unit == unit).map(|w| w.missing.clone()).unwrap_or_default();
        Reminder { unit, overdue, due_soon, unreported }
    }

    /// `r` in words: a short message when there is nothing to remind of.
    pub fn reminder_message(&self, r: &Reminder, today: NaiveDate, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let numbers = self.task_numbers();
        let unit = self.unit(r.unit).map(|u| u.name.get(lang).to_string()).unwrap_or_default();
        let day = |d: NaiveDate| if zh { format!("{}月{}日", d.month(), d.day()) } else { d.to_string() };
        let task = |id: Id| {
            let number = numbers.get(&id).cloned().unwrap_or_default();
            let title = self.task(id).map(|t| t.title.get(lang).to_string()).unwrap_or_default();
            format!("{number} {title}").trim().to_string()
        };
        if r.is_quiet() {
            return if zh {
                format!("【{unit}】截至{}，本周无到期事项，各项任务进展均已反馈。", day(today))
            } else {
                format!("[{unit}] As of {}: nothing falls due this week and every report is in.", day(today))
            };
        }
        let mut out = if zh {
            format!("【{unit}】攻坚任务提醒（截至{}）\n", day(today))
        } else {
            format!("[{unit}] Task reminder (as of {})\n", day(today))
        };
        let line = |i: &Item, late: bool| {
            let mut s = format!("· {}", task(i.task));
            if i.co {
                s.push_str(if zh { "（协办）" } else { " (co-organizer)" });
            }
            let what = match (&i.milestone, zh) {
                (Some(m), true) => format!("节点“{}”", m.get(lang)),
                (None, true) => "任务".to_string(),
                (Some(m), false) => format!("milestone \"{}\"", m.get(lang)),
                (None, false) => "the task".to_string(),
            };
            let when = match (zh, late, i.days) {
                (true, true, n) => format!("应于{}完成，已逾期{n}天", day(i.due)),
                (true, false, 0) => format!("应于今天（{}）完成", day(i.due)),
                (true, false, n) => format!("应于{}完成，还有{n}天", day(i.due)),
                (false, true, n) => format!("was due {}, {n} day{} overdue", day(i.due), if n == 1 { "" } else { "s" }),
                (false, false, 0) => format!("is due today ({})", day(i.due)),
                (false, false, n) => format!("is due {}, in {n} day{}", day(i.due), if n == 1 { "" } else { "s" }),
            };
            s.push_str(if zh { "：" } else { ": " });
            s.push_str(&what);
            if !zh {
                s.push(' ');
            }
            s.push_str(&when);
            s.push('\n');
            s
        };
        if !r.overdue.is_empty() {
            out.push_str(if zh { "已逾期：\n" } else { "Overdue:\n" });
            r.overdue.iter().for_each(|i| out.push_str(&line(i, true)));
        }
        if !r.due_soon.is_empty() {
            let w = self.settings.warning_days;
            out.push_str(&if zh { format!("{w}天内到期：\n") } else { format!("Due within {w} days:\n") });
            r.due_soon.iter().for_each(|i| out.push_str(&line(i, false)));
        }
        if !r.unreported.is_empty() {
            out.push_str(if zh { "本周尚未反馈进展：\n" } else { "No progress report yet this week:\n" });
            r.unreported.iter().for_each(|t| out.push_str(&format!("· {}\n", task(*t))));
        }
        out.push_str(if zh {
            "请抓紧推进，并于本周内报送进展反馈。"
        } else {
            "Please push these forward and send this week's report."
        });
        out
    }
}
