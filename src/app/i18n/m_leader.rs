//! The leader's view on the board: a district leader's scope, what needs a
//! leader, the risks, and the setting of the high-risk rule.

use super::Msg;

pub const MY_LEADER: Msg = Msg("区领导", "District leader");
pub const RED_TASKS: Msg = Msg("红灯任务", "Red tasks");
pub const NO_RED: Msg = Msg("没有红灯任务。", "No task is red.");
/// Followed by a number and MORE_IN_TABLE.
pub const AND_MORE: Msg = Msg("……另有", "… and");
pub const NEEDS_LEADER: Msg = Msg("需要区领导协调的问题", "Problems that need a district leader");
pub const NO_NEEDS_LEADER: Msg = Msg("没有需要区领导协调的问题。", "No problem is waiting for a district leader.");
/// Before a leader's name: "请 王副区长 协调".
pub const ASKED: Msg = Msg("请", "Asked of");
pub const ASKED_END: Msg = Msg("协调", "");
pub const ASK_LEADER: Msg = Msg("需要区领导协调", "Needs a district leader");
pub const NOBODY: Msg = Msg("（不需要）", "(not needed)");
pub const RISKS: Msg = Msg("未消除的风险", "Open risks");
pub const NO_RISKS: Msg = Msg("没有未消除的风险。", "No open risk.");
pub const HIGH_RISKS: Msg = Msg("高风险和重大风险", "High and major risks");
pub const LEVEL: Msg = Msg("等级", "Level");
pub const CATEGORY: Msg = Msg("类别", "Category");
pub const TOTAL: Msg = Msg("合计", "Total");
pub const MORE_UNITS: Msg = Msg("个单位：在单位名录中查看全部", "more units: see them all in the directory");
pub const HIGH_RISK_RULE: Msg = Msg("风险与灯号", "Risks and lights");
pub const HIGH_RISK_HINT: Msg = Msg(
    "任务有未消除（未关闭）的高风险或重大风险时亮黄灯，原因写明风险。",
    "A task with a high or major risk that is not closed turns yellow, naming the risk as the reason.",
);
pub const HIGH_RISK_YELLOW: Msg = Msg("未消除的高风险使任务亮黄灯", "Open high risks turn their tasks yellow");
pub const PACK_RISKS: Msg = Msg("未消除的风险", "Open risks");
pub const PACK_NO_RISKS: Msg = Msg("这些任务没有未消除的风险。", "These tasks have no open risk.");
pub const PACK_DECISIONS: Msg = Msg("会议议定事项及办理情况", "Meeting decisions and where they stand");
pub const PACK_NO_DECISIONS: Msg = Msg("这些任务的会议没有议定事项。", "No meeting on these tasks made a decision.");
pub const PACK_PLANS: Msg = Msg("施工图报送情况", "Plans (施工图) submitted");
pub const COL_TASK: Msg = Msg("任务", "Task");
pub const COL_RISK: Msg = Msg("风险", "Risk");
pub const COL_STATUS: Msg = Msg("状态", "Status");
pub const COL_DECISION: Msg = Msg("议定事项", "Decision");
pub const COL_MEETING: Msg = Msg("会议", "Meeting");
pub const COL_OWNER: Msg = Msg("承办单位", "Owner");
pub const COL_DUE: Msg = Msg("办理时限", "Due");
pub const COL_PLAN: Msg = Msg("施工图", "Plan");
/// Followed by the day it was submitted.
pub const PLAN_ON: Msg = Msg("已报送：", "Submitted on");
/// Followed by the day it was due.
pub const PLAN_NOT: Msg = Msg("未报送，应于此日前报送：", "Not submitted; due by");
/// Between a unit's first task numbers and how many it has in all: "6.1、6.2 等 12 项".
pub const ETC: Msg = Msg("等", "… of");
pub const ETC_END: Msg = Msg("项", "tasks");
/// After a number of units left out of a list.
pub const MORE_SILENT: Msg = Msg("个单位：在责任分工表中查看全部", "more units: see them all in the table");
/// After a number of key actions left out of the board's table.
pub const MORE_ACTIONS: Msg = Msg("项专项行动：在责任分工表中查看全部", "more key actions: see them all in the table");
