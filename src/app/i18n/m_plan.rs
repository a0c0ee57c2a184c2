//! Strings of the plan's own settings (Settings → Plan details) and of
//! starting a new plan, (Chinese, English).

use super::Msg;

pub const HEADING: Msg = Msg("计划信息", "Plan details");
pub const HINT: Msg = Msg(
    "计划的名称、年度和启动日期：各任务施工图的应报送日期、绩效考核和时间轴的默认期间、导出文件的名称都随之变化。",
    "The plan's title, year and kick-off: every task's plan-submission due date, the appraisal's and the timeline's default period, and the names of exported files follow them.",
);
pub const TITLE_ZH: Msg = Msg("计划名称（中文）", "Title (Chinese)");
pub const TITLE_EN: Msg = Msg("计划名称（英文）", "Title (English)");
pub const YEAR: Msg = Msg("年度", "Year");
pub const KICKOFF: Msg = Msg("启动日期（启动会）", "Kick-off date (kick-off meeting)");
pub const KICKOFF_HINT: Msg = Msg("在计划年度内，或上一年的 12 月。", "In the plan's year, or in the December before it.");
pub const ISSUING_UNIT: Msg = Msg("印发单位", "Issuing unit");
pub const NO_ISSUING_UNIT: Msg = Msg("（未指定）", "(not set)");
pub const PLAN_DUE: Msg = Msg("施工图报送期限（启动后天数）", "Plan-submission window (days after kick-off)");
pub const PLAN_DUE_ON: Msg = Msg("各任务施工图应报送日期：", "Every task's plan is due on:");
pub const BAD_YEAR: Msg = Msg("请填写年度（2000–2100 之间的整数）。", "Fill in the year (a whole number, 2000–2100).");
pub const BAD_KICKOFF: Msg = Msg("请填写启动日期。", "Fill in the kick-off date.");
pub const BAD_PLAN_DUE: Msg =
    Msg("施工图报送期限须为 0–366 之间的整数天数。", "The plan-submission window must be a whole number of days, 0–366.");
// Starting a new plan
pub const NEW_HEADING: Msg = Msg("新建计划", "Start a new plan");
pub const NEW_HINT: Msg = Msg(
    "先填写计划名称、年度和启动日期；单位、专项行动和任务在建好后添加。",
    "First give the plan's title, year and kick-off date; units, key actions and tasks are added once it is created.",
);
pub const REPLACES_EXAMPLE: Msg = Msg("新计划将替换示例。", "The new plan replaces the example.");
pub const REPLACES_PLAN: Msg = Msg(
    "新计划将替换本浏览器中的当前计划。替换前会保留一份备份（设置 → 浏览器存储）；建议先导出整个计划。",
    "The new plan replaces the current plan in this browser. A backup of it is kept (Settings → Browser storage); export the whole plan first to be safe.",
);
pub const CREATE: Msg = Msg("新建计划", "Create the plan");
pub const START_NEW: Msg = Msg("新建另一个计划…", "Start another plan…");
// The timeline's span
pub const SPAN: Msg = Msg("显示期间：", "Showing:");
pub const MOVE: Msg = Msg("切换期间", "Move the timeline");
pub const PLAN_YEAR: Msg = Msg("回到计划年度", "Back to the plan's year");

/// "Previous year" / "Next quarter" …, for zoom key `zoom` ("month",
/// "quarter", "year").
pub fn step_words(zoom: &str, next: bool) -> Msg {
    match (zoom, next) {
        ("month", false) => Msg("上一月", "Previous month"),
        ("month", true) => Msg("下一月", "Next month"),
        ("quarter", false) => Msg("上一季度", "Previous quarter"),
        ("quarter", true) => Msg("下一季度", "Next quarter"),
        (_, false) => Msg("上一年", "Previous year"),
        (_, true) => Msg("下一年", "Next year"),
    }
}
