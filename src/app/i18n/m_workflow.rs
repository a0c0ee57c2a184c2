//! The supervision office's workflows: deadline extensions (延期申请),
//! closure review (办结销号) and leaders' instructions (领导批示).

use super::Msg;
use crate::domain::requests::{Decision, Request};
use crate::domain::{Lang, Plan};

pub const REQUESTS: Msg = Msg("延期与办结", "Extensions and closure");
pub const NO_REQUESTS: Msg = Msg("没有延期申请或办结申请。", "No extension or closure has been asked for.");
pub const COL_ASKED: Msg = Msg("申请日期", "Asked on");
pub const COL_REQUEST: Msg = Msg("申请事项", "Request");
pub const COL_GROUNDS: Msg = Msg("理由或完成情况", "Reason or what was done");
pub const COL_STATE: Msg = Msg("审核", "Ruling");
pub const ASK_EXTENSION: Msg = Msg("申请延期", "Ask for an extension");
pub const EXTEND_WHAT: Msg = Msg("延期事项", "Deadline to move");
pub const THE_TASK: Msg = Msg("任务完成时限", "The task's deadline");
pub const NEW_DUE: Msg = Msg("申请延期至", "New date asked for");
pub const REASON: Msg = Msg("理由", "Reason");
pub const APPLY_CLOSURE: Msg = Msg("申请办结销号", "Apply to close the task");
pub const DONE_ON: Msg = Msg("完成日期", "Finished on");
pub const SUMMARY: Msg = Msg("完成情况（简要）", "What was done (briefly)");
pub const CLOSURE_HINT: Msg = Msg("写明完成了什么即可，不需要附件或截图。", "Say what was done; no attachment or screenshot is needed.");
pub const ONLY_RESPONSIBLE: Msg =
    Msg("延期和办结由该任务的责任单位申请，督查室审核。", "A responsible unit of the task asks; the supervision office rules.");
pub const PENDING: Msg = Msg("待审核", "Awaiting the office");
pub const APPROVE: Msg = Msg("同意", "Approve");
pub const ACCEPT: Msg = Msg("同意销号", "Accept and close");
pub const REJECT: Msg = Msg("不同意", "Reject");
pub const RETURN: Msg = Msg("退回", "Return");
pub const RULING_REASON: Msg = Msg("审核意见", "The office's reason");
pub const LATE_ASK: Msg = Msg("逾期后申请", "asked after the deadline");
pub const RETURNED_TIMES: Msg = Msg("办结申请被退回次数", "Closure returned");
pub const EXTENSION_RULE: Msg = Msg("延期与考核", "Extensions and the appraisal");
pub const EXTENSION_RULE_HINT: Msg = Msg(
    "经批准延期的节点，考核时默认按批准后的时限判断是否按期；勾选后按原定时限判断。",
    "A milestone extended with the office's approval is appraised by its new date; tick to appraise it by the original date.",
);
pub const EXTENSION_KEEPS_ORIGINAL: Msg = Msg("考核按延期前的原定时限计算", "Appraise extended deadlines by the original date");

pub const INSTRUCTIONS: Msg = Msg("领导批示", "Leaders' instructions");
pub const NO_INSTRUCTIONS: Msg = Msg("没有领导批示。", "No instruction from a leader.");
pub const COL_LEADER: Msg = Msg("批示领导", "Leader");
pub const COL_GIVEN: Msg = Msg("批示日期", "Given on");
pub const COL_TEXT: Msg = Msg("批示内容", "Instruction");
pub const COL_DUE: Msg = Msg("办理时限", "Due");
pub const COL_ANSWER: Msg = Msg("落实情况", "What was done");
pub const RECORD_INSTRUCTION: Msg = Msg("登记领导批示", "Record an instruction");
pub const ON_PROBLEM: Msg = Msg("涉及问题", "On the problem");
pub const WHOLE_TASK: Msg = Msg("（整个任务）", "(the whole task)");
pub const ANSWER: Msg = Msg("报送落实情况", "Report what was done");
pub const NOT_ANSWERED: Msg = Msg("尚未反馈落实情况", "Not answered yet");
pub const OPEN_INSTRUCTIONS: Msg = Msg("未反馈落实情况的领导批示", "Instructions not yet answered");
pub const NO_OPEN_INSTRUCTIONS: Msg = Msg("没有待落实的领导批示。", "No instruction is waiting for an answer.");
pub const AGE: Msg = Msg("已过天数", "Days waiting");
pub const AWAITING: Msg = Msg("待督查室审核的申请", "Requests awaiting the office");
pub const NO_AWAITING: Msg = Msg("没有待审核的申请。", "No request is waiting for the office.");

/// "原定 2022-06-30，经批准延期至 2022-09-30" when approved extensions
/// moved the deadline (the original stays shown beside the new); else the
/// date alone.
pub fn due_text(
    l: Lang,
    p: &Plan,
    task: crate::domain::Id,
    milestone: Option<crate::domain::Id>,
    due: Option<chrono::NaiveDate>,
) -> String {
    let Some(due) = due else { return "—".into() };
    match p.original_due(task, milestone).filter(|o| *o != due) {
        Some(o) if l == Lang::Zh => format!("原定 {o}，经批准延期至 {due}"),
        Some(o) => format!("originally {o}, extended with approval to {due}"),
        None => due.to_string(),
    }
}

/// What a request asks, in words: "任务完成时限延期至 2022-09-30".
pub fn request_text(l: Lang, p: &Plan, q: &Request) -> String {
    let zh = l == Lang::Zh;
    if let Some(x) = &q.report.extension {
        let what = match x.milestone.and_then(|m| p.task(q.report.task).and_then(|t| t.milestones.iter().find(|x| x.id == m))) {
            Some(m) if zh => format!("节点“{}”", m.title.get(l)),
            Some(m) => format!("milestone “{}”", m.title.get(l)),
            None if zh => "任务完成时限".into(),
            None => "the task's deadline".into(),
        };
        let from = x.from.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
        let late = if q.late() { format!(" · {}", l_t(l, LATE_ASK)) } else { String::new() };
        return if zh { format!("{what}由 {from} 延期至 {}{late}", x.to) } else { format!("{what}: {from} → {}{late}", x.to) };
    }
    match &q.report.closure {
        Some(c) if zh => format!("办结销号（{} 完成）", c.done_on),
        Some(c) => format!("close the task (finished {})", c.done_on),
        None => String::new(),
    }
}

/// The ruling in words: "待审核", "2022-07-02 同意", "2022-07-02 退回：…".
pub fn ruling_text(l: Lang, q: &Request) -> String {
    let closure = q.report.closure.is_some();
    match (q.decision(), q.ruling) {
        (Decision::Pending, _) | (_, None) => l_t(l, PENDING).into(),
        (d, Some(r)) => {
            let word = match (d, closure) {
                (Decision::Approved, false) => APPROVE,
                (Decision::Approved, true) => ACCEPT,
                (_, false) => REJECT,
                (_, true) => RETURN,
            };
            let sep = if l == Lang::Zh { "：" } else { ": " };
            if r.reason.is_empty() {
                format!("{} {}", r.on, l_t(l, word))
            } else {
                format!("{} {}{sep}{}", r.on, l_t(l, word), r.reason)
            }
        }
    }
}

fn l_t(l: Lang, m: Msg) -> &'static str {
    super::Tr::t(l, m)
}

pub const NO_CHANGE: Msg = Msg("本周无变化", "No change this week");
pub const NO_CHANGE_HINT: Msg =
    Msg("进度和指标沿用上次反馈，计为本周已反馈。", "Keeps the last progress and readings, and counts as this week's report.");
pub const STILL_OPEN: Msg =
    Msg("仍未解决的问题（已在问题清单中，无需重复填写）", "Problems still open (already listed; no need to raise them again)");
pub const STARTS_FROM_LAST: Msg = Msg(
    "已按上次反馈预填进度和指标，只需修改有变化的内容。",
    "Progress and readings start from the last report: change only what changed.",
);

/// What a report asks or answers besides its narrative, in words: "本周无变化",
/// the request, the answers to instructions.
pub fn report_note(l: Lang, p: &Plan, r: &crate::domain::Report) -> String {
    let mut out: Vec<String> = Vec::new();
    if r.unchanged {
        out.push(l_t(l, NO_CHANGE).into());
    }
    if r.extension.is_some() || r.closure.is_some() {
        let q = Request { report: r, ruling: p.ruling_on(r.id) };
        let grounds = r.extension.as_ref().map(|x| x.reason.clone()).or_else(|| r.closure.as_ref().map(|c| c.summary.clone()));
        let sep = if l == Lang::Zh { "：" } else { ": " };
        out.push(format!("{}{sep}{}", request_text(l, p, &q), grounds.unwrap_or_default()));
    }
    for a in &r.answers {
        let sep = if l == Lang::Zh { "：" } else { ": " };
        out.push(format!("{}{sep}{}", l_t(l, COL_ANSWER), a.text));
    }
    out.join(if l == Lang::Zh { "；" } else { "; " })
}
