//! The calendar file and the per-unit reminders of the weekly collection
//! page (and the directory's calendar downloads), (Chinese, English).

use super::Msg;
use crate::domain::Lang;

pub const CALENDAR: Msg = Msg("日历提醒", "Calendar reminders");
pub const DOWNLOAD: Msg = Msg("下载日历提醒 (.ics)", "Download calendar (.ics)");
pub const HINT: Msg = Msg(
    "包含任务完成时限、节点、每周进展反馈日和区领导月度听取，到期前按预警天数提醒；可导入 Outlook、WPS、手机日历或企业微信日历。再次导入会更新原有日程，不会重复。",
    "Deadlines, milestones, the weekly report day and the leaders' monthly hearings, with an alarm before each deadline; import it into Outlook, WPS, a phone's calendar or WeCom. Importing a newer file updates the events instead of adding them twice.",
);
pub const PER_UNIT: Msg = Msg("逐单位提醒", "Reminders per unit");
pub const PER_UNIT_HINT: Msg = Msg(
    "每个单位一条：已逾期、近期到期和本周尚未反馈的事项，可直接粘贴到企业微信或微信工作群。",
    "One per unit: what is overdue, what falls due soon and what is not reported this week, ready to paste into WeCom or WeChat.",
);
pub const MINE: Msg = Msg("本单位的提醒", "Our reminder");
pub const QUIET: Msg = Msg("本周无到期事项、进展均已反馈：", "Nothing due and every report in:");
pub const OFFICE: Msg = Msg("督查室（全部任务）", "Supervision office (every task)");
pub const NO_UNITS: Msg = Msg("没有需要提醒的单位。", "No unit to remind.");

/// The label of a unit's reminder text.
pub fn reminder_for(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("给{unit}的提醒"),
        Lang::En => format!("Reminder for {unit}"),
    }
}

/// The accessible name of a unit's copy button (beginning with its words).
pub fn copy_for(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("复制给{unit}的提醒"),
        Lang::En => format!("Copy the reminder for {unit}"),
    }
}

/// The accessible name of a unit's calendar download (beginning with its words).
pub fn download_for(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("下载日历提醒 (.ics)：{unit}"),
        Lang::En => format!("Download calendar (.ics): {unit}"),
    }
}
