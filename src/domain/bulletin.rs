//! The supervision bulletin (督查专报) for a period: the standard figures
//! as the sentence an office writes, one line per key action, the red
//! tasks and why, and the units that did not report in the period.
//! Derived, never stored. [`Bulletin::document`] words it once, in one
//! language, as a [`Document`] that the page shows, the text copies and
//! the Word writer writes, so all three say the same.

use super::board::is_open;
use super::document::{Block, Document};
use super::hearing::UnitWeek;
use super::light::{known, Assessment, Light, Reason};
use super::numbers::fixed;
use super::plan::live;
use super::progress::Known;
use super::spreadsheet::{light_name, reason_text};
use super::{Id, Lang, Plan};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// A word in both languages: (Chinese, English).
pub type Words = (&'static str, &'static str);

fn say(lang: Lang, w: Words) -> &'static str {
    match lang {
        Lang::Zh => w.0,
        Lang::En => w.1,
    }
}

/// Where a task stands in the bulletin, as of the period's end date.
///
/// The one definition of the bulletin's figures:
/// - **completed** (已完成): the task's light is [`Light::Done`];
/// - **overdue** (已超期): not done and past its own due date — its light
///   carries [`Reason::TaskOverdue`];
/// - **on schedule** (按期推进): every other task, i.e. not done and not
///   past its due date. Tasks not started yet (grey) count here: nothing
///   of theirs is late. So do tasks red only for an overdue milestone or a
///   missing plan: the task's own deadline has not passed (they are on the
///   red list, with that reason);
/// - **with difficulties or problems** (存在困难或问题), a part of "on
///   schedule": the task has a problem still open on the end date
///   ([`super::Problem`], raised and not yet resolved) or its latest report
///   asks for help.
///
/// So completed + on schedule + overdue = all tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Done; `on_time` when done on or before its due date (or it has none).
    Done {
        on_time: bool,
    },
    OnSchedule {
        difficulties: bool,
    },
    Overdue,
}

/// The figures of a set of tasks.
///
/// The **on-time completion rate** (按期完成率) is worked out as supervision
/// offices do, against what should be finished (应完成): tasks completed on
/// or before their due date ÷ tasks due on or before the period's end
/// date, together with tasks already completed before falling due (a task
/// finished early counts once it is finished). When there are none, there
/// is no rate (the sentence says so instead of a percentage).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub tasks: usize,
    pub done: usize,
    pub on_schedule: usize,
    /// Among `on_schedule`.
    pub difficulties: usize,
    pub overdue: usize,
    /// Should be finished by the end date (应完成): due by then, or done.
    pub due: usize,
    /// Done on or before their due date.
    pub on_time: usize,
}

impl Figures {
    fn add(&mut self, s: Standing, due_by_end: bool) {
        self.tasks += 1;
        match s {
            Standing::Done { on_time } => {
                self.done += 1;
                self.on_time += on_time as usize;
            }
            Standing::OnSchedule { difficulties } => {
                self.on_schedule += 1;
                self.difficulties += difficulties as usize;
            }
            Standing::Overdue => self.overdue += 1,
        }
        self.due += (due_by_end || matches!(s, Standing::Done { .. })) as usize;
    }

    /// The on-time completion rate in percent, 0..=100; none when nothing
    /// should be finished yet.
    pub fn rate(&self) -> Option<f64> {
        (self.due > 0).then(|| 100.0 * self.on_time as f64 / self.due as f64)
    }
}

/// A key action's line.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionLine {
    pub action: Id,
    pub number: usize,
    pub figures: Figures,
    pub light: Light,
}

/// A red task and every reason of its light, the most serious first.
#[derive(Clone, Debug, PartialEq)]
pub struct RedLine {
    pub task: Id,
    pub reasons: Vec<Reason>,
}

/// A request the office ruled on in the period (see [`Bulletin::reviews`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewLine {
    pub task: Id,
    pub on: NaiveDate,
    /// What was decided, in both languages ("延期申请：同意" / "Extension: approved").
    pub what: Words,
    /// The reason the office gave with it.
    pub note: String,
}

/// The bulletin for `from..=to`, every figure as of `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct Bulletin {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub figures: Figures,
    /// Every key action, in the table's order and numbering.
    pub actions: Vec<ActionLine>,
    /// Red tasks in table order.
    pub red: Vec<RedLine>,
    /// Units that owed a report in the period and sent none, with the tasks
    /// they owe it on (the weekly collection's rule, over the period).
    pub silent: Vec<UnitWeek>,
    /// Deadline extensions approved or rejected and closures returned in
    /// the period (the office's rulings dated in it), oldest first. The
    /// section is left out of the document while it is empty. A further
    /// section is one more field here and one more line in
    /// [`Bulletin::document`].
    pub reviews: Vec<ReviewLine>,
}

// The bulletin's words, in one place: the page, the text and the Word
// document all come from `Bulletin::document`.
pub const TITLE: Words = ("督查专报", "supervision bulletin");
pub const OVERVIEW: Words = ("总体情况", "Overview");
pub const BY_ACTION: Words = ("各专项行动推进情况", "Key actions");
pub const RED: Words = ("红灯任务", "Red tasks");
pub const SILENT: Words = ("本期未报送进展的单位", "Units that did not report in the period");
pub const REVIEWS: Words = ("本期延期和销号审核情况", "Extensions and closures reviewed in the period");
pub const NO_RED: Words = ("本期无红灯任务。", "No task is red.");
pub const NO_SILENT: Words = ("各单位均已按时报送进展。", "Every unit reported in the period.");
pub const NO_ACTIONS: Words = ("尚无专项行动。", "No key actions yet.");
const ACTION_COLUMNS: [Words; 9] = [
    ("序号", "No."),
    ("专项行动", "Key action"),
    ("任务数", "Tasks"),
    ("已完成", "Completed"),
    ("按期推进", "On schedule"),
    ("其中存在困难或问题", "With difficulties"),
    ("已超期", "Overdue"),
    ("按期完成率", "On-time rate"),
    ("状态", "Status"),
];
const RED_COLUMNS: [Words; 4] = [("编号", "No."), ("任务", "Task"), ("责任单位", "Responsible unit"), ("原因", "Why")];
const SILENT_COLUMNS: [Words; 3] = [("单位", "Unit"), ("未报送的任务", "Tasks not reported on"), ("项数", "Count")];
const REVIEW_COLUMNS: [Words; 4] = [("编号", "No."), ("任务", "Task"), ("审核结果", "Decision"), ("日期", "Date")];
/// Chinese section numbers (一、二、…), as an office numbers its headings.
const EXTENSION_APPROVED: Words = ("延期申请：同意", "Extension: approved");
const EXTENSION_REJECTED: Words = ("延期申请：不同意", "Extension: rejected");
const CLOSURE_RETURNED: Words = ("办结销号：退回", "Closure: returned");
const ZH_NUMBERS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// A rate as an office writes it: one decimal, none when whole ("85.7", "100").
pub fn rate_text(rate: f64) -> String {
    let s = fixed(rate, 1);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The standard sentence for `f` as of `to`.
pub fn sentence(lang: Lang, f: &Figures, to: NaiveDate) -> String {
    let Figures { tasks, done, on_schedule, difficulties, overdue, .. } = *f;
    match (lang, f.rate()) {
        (Lang::Zh, Some(r)) => format!(
            "截至{to}，交办的{tasks}项具体任务中，已完成{done}项，按期推进{on_schedule}项（其中存在困难或问题{difficulties}项），已超期{overdue}项，按期完成率{}%。",
            rate_text(r)
        ),
        (Lang::Zh, None) => format!(
            "截至{to}，交办的{tasks}项具体任务中，已完成{done}项，按期推进{on_schedule}项（其中存在困难或问题{difficulties}项），已超期{overdue}项，尚无应完成的任务，暂不计算按期完成率。"
        ),
        (Lang::En, Some(r)) => format!(
            "As of {to}, of the {tasks} specific tasks assigned, {done} are completed, {on_schedule} are on schedule ({difficulties} of them with difficulties or problems) and {overdue} are overdue; the on-time completion rate is {}%.",
            rate_text(r)
        ),
        (Lang::En, None) => format!(
            "As of {to}, of the {tasks} specific tasks assigned, {done} are completed, {on_schedule} are on schedule ({difficulties} of them with difficulties or problems) and {overdue} are overdue; no task was due yet, so there is no on-time completion rate."
        ),
    }
}

impl Plan {
    /// The bulletin's default period: from the first day of the month of
    /// the plan's as-of date ([`Plan::as_of`]) to that date.
    pub fn bulletin_period(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let to = self.as_of(today);
        (to.with_day(1).unwrap_or(to), to)
    }

    /// Where a task stands on `k.until`, given its light then and whether a
    /// problem of it is open (see [`Standing`]).
    pub fn standing(a: &Assessment, k: &Known, open_problem: bool) -> Standing {
        if a.light == Light::Done {
            let on_time = !a.reasons.iter().any(|r| matches!(r, Reason::Done { days_late, .. } if *days_late > 0));
            return Standing::Done { on_time };
        }
        if a.reasons.iter().any(|r| matches!(r, Reason::TaskOverdue { .. })) {
            return Standing::Overdue;
        }
        let help = k.reports.last().is_some_and(|r| !r.help_requested.trim().is_empty());
        Standing::OnSchedule { difficulties: open_problem || help }
    }

    /// The bulletin for the period `from..=to`, every figure as of `to`.
    /// The end is never later than the plan's as-of date ([`Plan::as_of`]
    /// of `today`): figures of days not yet lived would be guesses; a
    /// `from` after the end is taken as the end.
    pub fn bulletin(&self, from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Bulletin {
        let to = to.min(self.as_of(today));
        let from = from.min(to);
        let lights = self.task_lights(to);
        let by_task = self.reports_by_task(to);
        let with_problems: HashSet<Id> = live(&self.problems).filter(|p| is_open(p, to)).map(|p| p.task).collect();
        let none = Assessment::default();
        let mut figures = Figures::default();
        let mut actions = Vec::new();
        let mut red = Vec::new();
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            let mut f = Figures::default();
            for t in self.tasks_of(a.id) {
                let light = lights.get(&t.id).unwrap_or(&none);
                let k = known(&by_task, t.id, to);
                let s = Self::standing(light, &k, with_problems.contains(&t.id));
                let due_by_end = t.due.is_some_and(|d| d <= to);
                f.add(s, due_by_end);
                figures.add(s, due_by_end);
                if light.light == Light::Red {
                    red.push(RedLine { task: t.id, reasons: light.reasons.clone() });
                }
            }
            let number = self.action_number(a.id).unwrap_or(i + 1);
            actions.push(ActionLine { action: a.id, number, figures: f, light: self.action_light_with(a.id, &lights).light });
        }
        let tasks = self.actions_in_order().into_iter().flat_map(|a| self.tasks_of(a.id));
        let silent = self.unit_weeks(tasks, from, |t| known(&by_task, t.id, to)).into_iter().filter(|u| !u.missing.is_empty()).collect();
        let mut reviews = self
            .requests()
            .into_iter()
            .filter_map(|q| {
                let r = q.ruling.filter(|r| (from..=to).contains(&r.on))?;
                let what = match (q.report.closure.is_some(), r.approved) {
                    (false, true) => EXTENSION_APPROVED,
                    (false, false) => EXTENSION_REJECTED,
                    (true, false) => CLOSURE_RETURNED,
                    // An accepted closure shows as the task completed.
                    (true, true) => return None,
                };
                Some(ReviewLine { task: q.report.task, on: r.on, what, note: r.reason.clone() })
            })
            .collect::<Vec<_>>();
        super::numbers::sort_by(&mut reviews, |r| r.on);
        Bulletin { from, to, figures, actions, red, silent, reviews }
    }
}

impl Bulletin {
    /// The bulletin worded in `lang`: title, period, then the numbered
    /// sections. The one renderer the page, the text and the Word
    /// document share.
    pub fn document(&self, plan: &Plan, lang: Lang) -> Document {
        let zh = lang == Lang::Zh;
        let numbers = plan.task_numbers();
        let task_no = |t: Id| numbers.get(&t).cloned().unwrap_or_default();
        let task_title = |t: Id| plan.task(t).map(|x| x.title.get(lang).to_string()).unwrap_or_default();
        let unit = |u: Id| plan.unit(u).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
        let list = if zh { "、" } else { ", " };
        let cols = |c: &[Words]| c.iter().map(|w| say(lang, *w).to_string()).collect::<Vec<_>>();

        let action_rows: Vec<Vec<String>> = self
            .actions
            .iter()
            .map(|a| {
                let f = &a.figures;
                let title = plan.action(a.action).map(|x| x.title.get(lang).to_string()).unwrap_or_default();
                let rate = f.rate().map(|r| format!("{}%", rate_text(r))).unwrap_or_else(|| "—".into());
                vec![
                    a.number.to_string(),
                    title,
                    f.tasks.to_string(),
                    f.done.to_string(),
                    f.on_schedule.to_string(),
                    f.difficulties.to_string(),
                    f.overdue.to_string(),
                    rate,
                    light_name(lang, a.light).to_string(),
                ]
            })
            .collect();
        let red_rows: Vec<Vec<String>> = self
            .red
            .iter()
            .map(|r| {
                let units: Vec<String> = plan.task(r.task).map(|t| t.responsible.iter().map(|u| unit(*u)).collect()).unwrap_or_default();
                let why: Vec<String> = r.reasons.iter().map(|x| reason_text(lang, x)).collect();
                vec![task_no(r.task), task_title(r.task), units.join(list), why.join(if zh { "；" } else { "; " })]
            })
            .collect();
        let silent_rows: Vec<Vec<String>> = self
            .silent
            .iter()
            .map(|u| {
                let tasks: Vec<String> = u.missing.iter().map(|t| format!("{} {}", task_no(*t), task_title(*t))).collect();
                vec![unit(u.unit), tasks.join(if zh { "；" } else { "; " }), u.missing.len().to_string()]
            })
            .collect();
        let review_rows: Vec<Vec<String>> = self
            .reviews
            .iter()
            .map(|r| {
                vec![task_no(r.task), task_title(r.task), format!("{} {}", say(lang, r.what), r.note).trim().to_string(), r.on.to_string()]
            })
            .collect();

        let table = |c: &[Words], rows: Vec<Vec<String>>, empty: Words| {
            if rows.is_empty() {
                Block::Paragraph(say(lang, empty).to_string())
            } else {
                Block::Table { columns: cols(c), rows }
            }
        };
        let mut blocks = Vec::new();
        let mut section = |heading: Words, body: Block| {
            let n = blocks.len() / 2;
            blocks.push(Block::Heading(if zh {
                format!("{}、{}", ZH_NUMBERS.get(n).copied().unwrap_or("十"), heading.0)
            } else {
                format!("{}. {}", n + 1, heading.1)
            }));
            blocks.push(body);
        };
        section(OVERVIEW, Block::Paragraph(sentence(lang, &self.figures, self.to)));
        section(BY_ACTION, table(&ACTION_COLUMNS, action_rows, NO_ACTIONS));
        section(RED, table(&RED_COLUMNS, red_rows, NO_RED));
        section(SILENT, table(&SILENT_COLUMNS, silent_rows, NO_SILENT));
        // Left out while there is nothing to say.
        if !review_rows.is_empty() {
            section(REVIEWS, table(&REVIEW_COLUMNS, review_rows, ("", "")));
        }
        let title = plan.title.get(lang);
        Document {
            title: if zh { format!("{title}{}", TITLE.0) } else { format!("{title} — {}", TITLE.1) },
            subtitle: if zh { format!("（{}至{}）", self.from, self.to) } else { format!("{} to {}", self.from, self.to) },
            blocks,
        }
    }

    /// The plain text an office pastes into a document (see [`Document::text`]).
    pub fn text(&self, plan: &Plan, lang: Lang) -> String {
        self.document(plan, lang).text()
    }
}
