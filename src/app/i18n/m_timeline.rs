//! The timeline's words: its columns, its legend and what a screen reader
//! hears for a bar or a milestone.

use super::{light_name, Msg, Tr};
use crate::domain::light::Light;
use crate::domain::Lang;
use chrono::NaiveDate;

/// The first column: the key action or task, by number and title.
pub const COL_NAME: Msg = Msg("专项行动 / 任务", "Key action / task");
/// The second column's header, for screen readers: the bars against the calendar.
pub const COL_SCHEDULE: Msg = Msg("进度条", "Schedule");
/// The chart's box, which scrolls sideways on a narrow screen.
pub const CHART: Msg = Msg("时间轴图表（可左右滚动）", "Timeline chart (scrolls sideways)");
pub const LEGEND: Msg = Msg("图例", "Legend");
pub const LEGEND_ACTION: Msg = Msg("专项行动：其任务的总期间", "Key action: the span of its tasks");
pub const LEGEND_OPEN: Msg = Msg("虚线边：未设完成时限", "Dashed edge: no due date");
pub const LEGEND_MILESTONE: Msg = Msg("节点（颜色为其状态）", "Milestone (coloured by its status)");
pub const LEGEND_OVERDUE: Msg = Msg("逾期节点（黑边红色）", "Overdue milestone (red, dark outline)");
pub const LEGEND_TODAY: Msg = Msg("今天", "Today");
pub const LEGEND_BARS: Msg = Msg("任务条颜色：", "Bar colours:");
pub const MILESTONE: Msg = Msg("节点", "Milestone");
pub const OVERDUE_MILESTONE: Msg = Msg("逾期节点", "Overdue milestone");
pub const NO_DUE: Msg = Msg("未设完成时限", "no due date");

/// What a screen reader hears for a bar: "2022-02-07 – 2022-12-31 · Red".
pub fn bar_words(l: Lang, start: NaiveDate, end: Option<NaiveDate>, light: Light) -> String {
    let end = end.map(|d| d.to_string()).unwrap_or_else(|| l.t(NO_DUE).to_string());
    format!("{start} – {end} · {}", light_name(l, light))
}

/// A milestone's accessible name: "Overdue milestone 2022-05-31: Plan drawn
/// up", or "Milestone 2022-11-30 · Green: Accepted".
pub fn milestone_words(l: Lang, overdue: bool, due: NaiveDate, light: Light, title: &str) -> String {
    let colon = if l == Lang::Zh { "：" } else { ": " };
    if overdue {
        format!("{} {due}{colon}{title}", l.t(OVERDUE_MILESTONE))
    } else {
        format!("{} {due} · {}{colon}{title}", l.t(MILESTONE), light_name(l, light))
    }
}
