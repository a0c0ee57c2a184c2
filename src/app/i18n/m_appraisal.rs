//! Strings of the appraisal and hearing pages, (Chinese, English).

use super::Msg;
use crate::domain::appraisal::FactKind;
use crate::domain::numbers::fixed;
use crate::domain::{Id, Lang, Plan};

pub const TITLE: Msg = Msg("绩效考核", "Appraisal");
pub const INTRO: Msg = Msg(
    "选择单位和考核期间：每一分都来自下面的一条事实，经批准容错的失分不计入。",
    "Pick a unit and a period: every point comes from a fact below; an approved exemption (容错) removes a miss from the score.",
);
pub const CHOOSE: Msg = Msg("考核对象", "What to appraise");
pub const UNIT: Msg = Msg("被考核单位", "Unit appraised");
pub const PICK_UNIT: Msg = Msg("（请选择单位）", "(choose a unit)");
pub const FROM: Msg = Msg("起始日期", "From");
pub const TO: Msg = Msg("截止日期", "To");
pub const PICK_A_UNIT: Msg = Msg("请先选择一个单位。", "Choose a unit to see its appraisal.");
pub const SCORE: Msg = Msg("得分", "Score");
pub const BASE: Msg = Msg("基础分", "Base");
pub const COUNTED_SUM: Msg = Msg("计分合计", "Counted points");
pub const FACTS: Msg = Msg("计分事实", "Facts behind the score");
pub const NO_FACTS: Msg = Msg("该期间没有计分事实。", "No fact counts in this period.");
pub const COL_TASK: Msg = Msg("任务", "Task");
pub const COL_FACT: Msg = Msg("事实", "Fact");
pub const COL_POINTS: Msg = Msg("分值", "Points");
pub const COL_COUNTED: Msg = Msg("计入", "Counted");
pub const COL_EXEMPTION: Msg = Msg("容错", "Exemption");
pub const EXEMPT: Msg = Msg("容错…", "Exempt…");
pub const EXEMPT_FORM: Msg = Msg("容错纠错", "Exemption (容错纠错)");
pub const REASON_ZH: Msg = Msg("理由（中文）", "Reason (Chinese)");
pub const REASON_EN: Msg = Msg("理由（英文）", "Reason (English)");
pub const APPROVED_BY: Msg = Msg("批准人", "Approved by");
pub const APPROVED_ON: Msg = Msg("批准日期", "Approved on");
pub const RECORD_EXEMPTION: Msg = Msg("登记容错", "Record exemption");
pub const BAD_DATE: Msg = Msg("请填写批准日期。", "Enter the approval date.");
pub const RULES: Msg = Msg("计分规则", "Scoring rules");
pub const RULES_NOTE: Msg = Msg("分值在“设置”中修改。", "The points are changed in Settings.");
pub const RULE_BASE: Msg = Msg("基础分", "Base score");
pub const RULE_ON_TIME: Msg = Msg("节点按时完成", "Milestone done on time");
pub const RULE_OVERDUE: Msg = Msg("节点逾期（未完成或延期完成）", "Milestone overdue (not done, or done late)");
pub const RULE_LATE_PLAN: Msg = Msg("施工图逾期报送或未报送", "Plan (施工图) submitted late or not at all");
pub const RULE_MISSED_WEEK: Msg = Msg("当周未反馈进展", "A week without a progress report");
pub const RULE_TARGET: Msg = Msg("量化指标达成", "Quantitative target met");
pub const PERIOD: Msg = Msg("考核期间", "Period");

pub const HEARING_TITLE: Msg = Msg("月度听取汇报", "Monthly hearing pack");
pub const HEARING_FOR: Msg = Msg("听取对象", "Hearing for");
pub const LEADER: Msg = Msg("区领导", "Leader");
pub const ACTION: Msg = Msg("专项行动", "Key action");
pub const PICK_ONE: Msg = Msg("（请选择）", "(choose)");
pub const SINCE: Msg = Msg("自此日期以来", "Since");
pub const PICK_SCOPE: Msg = Msg("请选择一位区领导或一项专项行动。", "Choose a leader or a key action.");
pub const CHANGES: Msg = Msg("以来的变化", "Changes since");
pub const REPORTS: Msg = Msg("进展反馈", "Progress reports");
pub const NO_REPORTS: Msg = Msg("没有新的进展反馈。", "No report since then.");
pub const MILESTONES_DONE: Msg = Msg("完成的节点", "Milestones done");
pub const NO_MILESTONES: Msg = Msg("没有新完成的节点。", "No milestone done since then.");
pub const LIGHTS_CHANGED: Msg = Msg("状态灯变化", "Lights that changed");
pub const NO_CHANGES: Msg = Msg("状态灯没有变化。", "No light changed.");
pub const BEFORE: Msg = Msg("之前", "Before");
pub const NOW: Msg = Msg("现在", "Now");
pub const ATTENTION: Msg = Msg("当前需关注", "Needs attention now");
pub const NO_ATTENTION: Msg = Msg("没有红灯或黄灯任务。", "No red or yellow task.");
pub const PROBLEMS: Msg = Msg("待协调解决的问题", "Problems waiting for coordination");
pub const NO_PROBLEMS: Msg = Msg("没有待协调的问题。", "No open problem.");
pub const RAISED_BY: Msg = Msg("提出单位", "Raised by");
pub const RAISED_ON: Msg = Msg("提出日期", "Raised on");
pub const DESCRIPTION: Msg = Msg("问题描述", "Description");
pub const DATE: Msg = Msg("日期", "Date");
pub const PROGRESS: Msg = Msg("进度", "Progress");
pub const REPORTING_UNIT: Msg = Msg("反馈单位", "Unit");
pub const MILESTONE: Msg = Msg("节点", "Milestone");
pub const DONE_ON: Msg = Msg("完成日期", "Done on");
pub const LIGHT: Msg = Msg("状态灯及原因", "Light and reasons");
pub const AS_OF: Msg = Msg("截至", "as of");
pub const TASKS_COVERED: Msg = Msg("涉及任务数", "Tasks covered");

/// A points value as the page shows it: "+2", "-3", "0".
pub fn points(v: f64) -> String {
    let s = if v.fract() == 0.0 { fixed(v.abs(), 0) } else { fixed(v.abs(), 1) };
    if v > 0.0 {
        format!("+{s}")
    } else if v < 0.0 {
        format!("-{s}")
    } else {
        "0".into()
    }
}

/// A score: "97", "96.5".
pub fn score(v: f64) -> String {
    if v.fract() == 0.0 {
        fixed(v, 0)
    } else {
        fixed(v, 1)
    }
}

/// What a fact says happened, in `l`.
pub fn fact_text(l: Lang, p: &Plan, task: Id, kind: &FactKind) -> String {
    let zh = l == Lang::Zh;
    let t = p.task(task);
    let milestone = |m: Id| t.and_then(|t| t.milestones.iter().find(|x| x.id == m)).map(|x| x.title.get(l).to_string()).unwrap_or_default();
    match kind {
        FactKind::MilestoneOnTime { milestone: m, due, done } => {
            if zh {
                format!("节点“{}”时限 {due}，{done} 按时完成", milestone(*m))
            } else {
                format!("milestone '{}' due {due} done {done}, on time", milestone(*m))
            }
        }
        FactKind::MilestoneOverdue { milestone: m, due, done: None } => {
            if zh {
                format!("节点“{}”时限 {due}，未完成", milestone(*m))
            } else {
                format!("milestone '{}' due {due} not done", milestone(*m))
            }
        }
        FactKind::MilestoneOverdue { milestone: m, due, done: Some(done) } => {
            let days = (*done - *due).num_days();
            if zh {
                format!("节点“{}”时限 {due}，{done} 完成，逾期 {days} 天", milestone(*m))
            } else {
                format!("milestone '{}' due {due} done {done}, {days} day{} late", milestone(*m), if days == 1 { "" } else { "s" })
            }
        }
        FactKind::LatePlan { due, submitted: Some(s) } => {
            if zh {
                format!("施工图应于 {due} 报送，{s} 报送")
            } else {
                format!("plan due {due} submitted {s}")
            }
        }
        FactKind::LatePlan { due, submitted: None } => {
            if zh {
                format!("施工图应于 {due} 报送，未报送")
            } else {
                format!("plan due {due} not submitted")
            }
        }
        FactKind::MissedWeek { week } => {
            if zh {
                format!("{week} 当周未反馈进展")
            } else {
                format!("no report in the week of {week}")
            }
        }
        FactKind::TargetMet { target, value } => {
            let x = t.and_then(|t| t.targets.iter().find(|x| x.id == *target));
            let name = x.map(|x| x.name.get(l).to_string()).unwrap_or_default();
            let measure = x.map(|x| x.measure.clone()).filter(|m| !m.is_empty()).map(|m| format!(" {m}")).unwrap_or_default();
            let v = crate::domain::numbers::fixed(*value, if value.fract() == 0.0 { 0 } else { 2 });
            if zh {
                format!("指标“{name}”已达成：{v}{measure}")
            } else {
                format!("target '{name}' met: {v}{measure}")
            }
        }
    }
}

/// The words beside an exempted fact.
pub fn exemption_text(l: Lang, p: &Plan, exemption: Id) -> String {
    let Some(e) = p.exemptions.iter().find(|e| e.id == exemption) else { return String::new() };
    let who = p.person(e.approved_by).map(|x| x.name.get(l).to_string()).unwrap_or_default();
    if l == Lang::Zh {
        format!("已容错：{}——{who} 于 {} 批准", e.reason.get(l), e.approved_on)
    } else {
        format!("Exempted (容错): {} — approved by {who} on {}", e.reason.get(l), e.approved_on)
    }
}
