//! Strings of the meetings, weekly collection and hearing pages, (Chinese, English).

use super::Msg;
use crate::domain::MeetingKind;

// ---- the meetings page ----
pub const MEETINGS: Msg = Msg("会议与议定事项", "Meetings and decisions");
pub const RECORD_MEETING: Msg = Msg("记录会议", "Record a meeting");
pub const KIND: Msg = Msg("会议类型", "Kind of meeting");
pub const KIND_WEEKLY: Msg = Msg("一周一会（单位周例会）", "Weekly unit meeting (一周一会)");
pub const KIND_HEARING: Msg = Msg("区领导月度听取", "Leader's monthly hearing (月度听取)");
pub const DATE: Msg = Msg("会议日期", "Meeting date");
pub const CHAIR: Msg = Msg("主持人", "Chair");
pub const ATTENDEES: Msg = Msg("参会人员", "Attendees");
pub const TASKS_DISCUSSED: Msg = Msg("研究的任务", "Tasks discussed");
pub const MINUTES: Msg = Msg("会议纪要", "Minutes");
pub const DECISIONS: Msg = Msg("议定事项", "Decisions");
pub const DECISION: Msg = Msg("议定事项", "Decision");
pub const DECISION_TEXT: Msg = Msg("事项内容", "Decision text");
pub const OWNER: Msg = Msg("责任单位", "Owner unit");
pub const DUE: Msg = Msg("完成时限", "Due date");
pub const ADD_DECISION: Msg = Msg("添加议定事项", "Add decision");
pub const REMOVE_DECISION: Msg = Msg("移除议定事项", "Remove decision");
pub const NO_DECISION_ROWS: Msg = Msg("尚未添加议定事项。", "No decisions added yet.");
pub const SAVE_MEETING: Msg = Msg("保存会议记录", "Save the meeting");
pub const RECORDED: Msg = Msg("会议已记录。", "Meeting recorded.");
pub const NEED_DATE: Msg = Msg("请填写会议日期", "Enter the meeting's date");
pub const NEED_TEXT: Msg = Msg("议定事项内容为空", "A decision has no text");
pub const BAD_DUE: Msg = Msg("完成时限不是有效日期", "A due date is not a date");
pub const HELD: Msg = Msg("会议记录", "Meetings held");
pub const NO_MEETINGS: Msg = Msg("尚无会议记录。", "No meetings recorded yet.");
pub const NO_DECISIONS: Msg = Msg("本次会议没有议定事项。", "No decisions at this meeting.");
pub const CLOSE: Msg = Msg("办结", "Close");
pub const CLOSED_ON: Msg = Msg("办结于", "Closed on");
pub const ACTION: Msg = Msg("操作", "Action");
pub const STATUS: Msg = Msg("状态", "Status");
pub const MEETING: Msg = Msg("会议", "Meeting");

// ---- the board's section ----
pub const OPEN_DECISIONS: Msg = Msg("区领导/会议议定事项", "Open decisions");
pub const NO_OPEN_DECISIONS: Msg = Msg("没有待办的议定事项。", "No open decisions.");
pub const ALL_MEETINGS: Msg = Msg("全部会议记录", "All meetings");

// ---- the weekly collection ----
pub const WEEKLY: Msg = Msg("本周进展反馈收集", "This week's progress reports");
pub const WEEK_FROM: Msg = Msg("本周自", "Week starting");
pub const AS_OF: Msg = Msg("截至", "as of");
pub const UNIT: Msg = Msg("责任单位", "Unit");
pub const REPORTED: Msg = Msg("已反馈", "Reported");
pub const OWED: Msg = Msg("尚未反馈", "Still owed");
pub const NOTHING_DUE: Msg = Msg("本周没有需要反馈进展的任务。", "No task owes a report this week.");
pub const REMINDER: Msg = Msg("待发送的提醒", "Reminder to send");
pub const COPY: Msg = Msg("复制", "Copy");
pub const COPIED: Msg = Msg("已复制。", "Copied.");
pub const SELECTED: Msg = Msg("已选中全文，请按 Ctrl+C 复制。", "Selected: press Ctrl+C to copy.");

/// The words for a kind of meeting.
pub fn kind(k: MeetingKind) -> Msg {
    match k {
        MeetingKind::Weekly => KIND_WEEKLY,
        MeetingKind::MonthlyHearing => KIND_HEARING,
    }
}
