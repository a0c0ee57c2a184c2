//! The board's pictures: their headings, legends and the tables that say
//! the same figures in words.

use super::Msg;
use crate::domain::numbers::fixed;
use crate::domain::Lang;
use chrono::{Datelike, NaiveDate};

pub const LIGHTS: Msg = Msg("各专项行动任务灯色", "Lights by key action");
pub const BURN_UP: Msg = Msg("完成进度与序时进度", "Completion against time elapsed");
pub const ON_TIME: Msg = Msg("各单位按时反馈进展情况", "Weekly reports on time, by unit");
/// What the on-time chart counts.
pub const ON_TIME_BASIS: Msg = Msg(
    "自开展当周至上周的每个完整周；一周内对所负责的每项在办任务都反馈了进展，即为按时。最差的在前。",
    "Each whole week from the kick-off's week to last week; a week is on time when the unit reported on every running task it is responsible for. The worst first.",
);
/// The summary that opens each chart's table.
pub const FIGURES: Msg = Msg("数据表", "The figures as a table");
pub const ACTION: Msg = Msg("专项行动", "Key action");
pub const TASKS: Msg = Msg("任务数", "Tasks");
pub const DATE: Msg = Msg("日期", "Date");
pub const COMPLETION: Msg = Msg("完成进度", "Completion");
pub const ELAPSED: Msg = Msg("序时进度", "Time elapsed");
pub const COMPLETION_LINE: Msg = Msg("完成进度（实线，各任务平均）", "Completion (solid line, mean of the tasks)");
pub const ELAPSED_LINE: Msg = Msg("序时进度（虚线，计划期已过的比例）", "Time elapsed (dashed line, share of the plan's period gone)");
pub const UNIT: Msg = Msg("单位", "Unit");
pub const WEEKS_OWED: Msg = Msg("应反馈周数", "Weeks owed");
pub const WEEKS_ON_TIME: Msg = Msg("按时反馈周数", "Weeks on time");
pub const SHARE: Msg = Msg("按时率", "On time");
pub const NO_TASKS: Msg = Msg("范围内没有任务。", "No tasks in this scope.");
pub const NO_WEEKS: Msg = Msg("开展以来尚无应反馈的完整周。", "No whole week has owed a report since the kick-off yet.");

/// "截至 2022-06-30，完成进度 23%，序时进度 64%。"
pub fn burn_up_summary(l: Lang, on: NaiveDate, completion: f64, elapsed: f64) -> String {
    let (c, e) = (fixed(completion, 0), fixed(elapsed, 0));
    match l {
        Lang::Zh => format!("截至 {on}，完成进度 {c}%，序时进度 {e}%。"),
        Lang::En => format!("As of {on}: {c}\u{a0}% complete, {e}\u{a0}% of the time elapsed."),
    }
}

/// A month's tick on the time axis: "3月", "Mar".
pub fn month(l: Lang, d: NaiveDate) -> String {
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match l {
        Lang::Zh => format!("{}月", d.month()),
        Lang::En => EN[d.month0() as usize].to_string(),
    }
}

/// A unit's figure beside its bar: "95% · 19/20周", "95 % · 19/20".
pub fn weeks(l: Lang, on_time: usize, owed: usize, percent: f64) -> String {
    let p = fixed(percent, 0);
    match l {
        Lang::Zh => format!("{p}% · {on_time}/{owed}周"),
        Lang::En => format!("{p}\u{a0}% · {on_time}/{owed}"),
    }
}

/// "……另有 12 个单位未列出" under a cut chart.
pub fn more_units(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("……另有 {n} 个单位未列出（按时率较高）"),
        Lang::En => format!("… and {n} more units, not shown (more often on time)"),
    }
}

/// "%" after a figure, spaced as each language writes it.
pub fn percent(l: Lang, v: f64) -> String {
    match l {
        Lang::Zh => format!("{}%", fixed(v, 0)),
        Lang::En => format!("{}\u{a0}%", fixed(v, 0)),
    }
}
