//! Strings of ownership and corrections (who may change what; reports
//! corrected or withdrawn; milestones and targets edited), (Chinese, English).

use super::Msg;

pub const SET_BY_OFFICE: Msg = Msg("由督查办设定", "Set by the supervision office");
pub const NOT_YOURS: Msg = Msg("（由督查办设定，本单位不能修改）", " (set by the supervision office: your unit cannot change it)");
pub const NOT_YOURS_ADD: Msg = Msg("新增", "adding it");
pub const PUT_BACK: Msg = Msg("由督查办设定、已恢复为督查办数值的内容", "Set by the supervision office, put back to the office's values");
pub const REFUSED_VALUE: Msg = Msg("所填的值", "Value in the file");
// Corrections of reports
pub const CORRECT: Msg = Msg("更正", "Correct");
pub const CORRECT_REPORT: Msg = Msg("更正这条进展反馈", "Correct this report");
pub const WITHDRAW: Msg = Msg("撤回", "Withdraw");
pub const WITHDRAW_CONFIRM: Msg =
    Msg("确定撤回这条进展反馈？它仍留档，但不再计入进度。", "Withdraw this report? It stays on record but no longer counts.");
pub const CORRECTED_BY: Msg = Msg("已被更正", "Corrected");
pub const WITHDRAWN: Msg = Msg("已撤回", "Withdrawn");
pub const CORRECTS: Msg = Msg("更正此前的进展反馈", "Corrects the report of");
pub const WITHDRAWS: Msg = Msg("撤回此前的进展反馈", "Withdraws the report of");
pub const CORRECT_HINT: Msg = Msg(
    "更正后，原进展反馈仍然留档并显示为“已被更正”，进度、灯色和考核按更正后的计算。",
    "The report corrected stays on record, marked as corrected; progress, lights and the appraisal use the correction.",
);
pub const SAVE_CORRECTION: Msg = Msg("提交更正", "Submit the correction");
pub const CANCEL_CORRECTION: Msg = Msg("取消更正", "Cancel the correction");
// Milestones and targets
pub const EDIT_MILESTONE: Msg = Msg("编辑节点", "Edit milestone");
pub const DONE_ON: Msg = Msg("实际完成日期", "Done on");
pub const SAVE: Msg = Msg("保存", "Save");
pub const CANCEL: Msg = Msg("取消", "Cancel");
pub const EDIT_TARGET: Msg = Msg("编辑指标", "Edit target");
pub const DELETE_TARGET: Msg = Msg("删除指标", "Delete target");
pub const SET_BY_LEAD: Msg = Msg("由牵头责任单位填写", "Written by the lead responsible unit");
pub const NO_PLAN_YET: Msg = Msg("尚未填写", "Not written yet");

use crate::domain::Lang;

/// "更正 2027-03-01 的进展反馈" / "Correct the report of 2027-03-01".
pub fn correct_name(l: Lang, date: &str) -> String {
    match l {
        Lang::Zh => format!("更正 {date} 的进展反馈"),
        Lang::En => format!("Correct the report of {date}"),
    }
}

/// "撤回 2027-03-01 的进展反馈" / "Withdraw the report of 2027-03-01".
pub fn withdraw_name(l: Lang, date: &str) -> String {
    match l {
        Lang::Zh => format!("撤回 {date} 的进展反馈"),
        Lang::En => format!("Withdraw the report of {date}"),
    }
}

/// How a report stands: "已被更正（2027-03-02）" and the like.
/// The correction form's name: "正在更正 2022-06-21 的进展反馈".
pub fn correcting(l: Lang, date: &str) -> String {
    match l {
        Lang::Zh => format!("正在更正 {date} 的进展反馈"),
        Lang::En => format!("Correcting the report of {date}"),
    }
}

pub fn standing(l: Lang, what: Msg, date: &str) -> String {
    let w = match l {
        Lang::Zh => what.0,
        Lang::En => what.1,
    };
    match l {
        Lang::Zh => format!("{w}（{date}）"),
        Lang::En => format!("{w} ({date})"),
    }
}
