//! Every interface string in Chinese and English, and the words for the
//! domain's errors. Views call `lang.t(m::X)`; nothing else holds UI text.

use crate::domain::edit::EditError;
use crate::domain::usage::Usage;
use crate::domain::validate::{Invalid, RefField, Subject};
use crate::domain::Lang;
use crate::exchange::ReadError;

/// One string in both languages: (Chinese, English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg(pub &'static str, pub &'static str);

pub trait Tr {
    fn t(self, m: Msg) -> &'static str;
}

impl Tr for Lang {
    fn t(self, m: Msg) -> &'static str {
        match self {
            Lang::Zh => m.0,
            Lang::En => m.1,
        }
    }
}

/// The interface strings.
pub mod m {
    use super::Msg;
    pub const APP: Msg = Msg("攻坚", "Gongjian");
    pub const APP_SUB: Msg = Msg("攻坚任务责任分工表", "Critical Task Division of Responsibility Table");
    pub const NAV: Msg = Msg("主导航", "Main navigation");
    pub const NAV_TABLE: Msg = Msg("责任分工表", "Responsibility table");
    pub const NAV_DIRECTORY: Msg = Msg("单位和人员", "Units and people");
    pub const LANGUAGE: Msg = Msg("语言", "Language");
    pub const SWITCH_LANG: Msg = Msg("English", "中文");
    pub const SWITCH_LANG_LABEL: Msg = Msg("切换到英文界面", "Switch the interface to Chinese");
    pub const EXAMPLE_BANNER: Msg =
        Msg("这是示例：罗湖区2022年攻坚任务责任分工表，按以下日期查看：", "This is an example: Luohu District's 2022 table, viewed as of");
    pub const START_BLANK: Msg = Msg("新建空白计划", "Start a blank plan");
    pub const CONFIRM_BLANK: Msg = Msg("用一个空白计划替换示例？", "Replace the example with a blank plan?");
    pub const NEW_PLAN_TITLE: Msg = Msg("新的攻坚任务责任分工表", "New responsibility table");
    // The table
    pub const FILTERS: Msg = Msg("筛选", "Filters");
    pub const F_ACTION: Msg = Msg("专项行动", "Key action");
    pub const F_UNIT: Msg = Msg("单位（牵头、责任或协办）", "Unit (leading, responsible or co-organizing)");
    pub const F_LEADER: Msg = Msg("区领导或责任人", "Leader or responsible person");
    pub const F_TEXT: Msg = Msg("搜索", "Search");
    pub const ALL: Msg = Msg("全部", "All");
    pub const CLEAR_FILTERS: Msg = Msg("清除筛选", "Clear filters");
    pub const SHOWING: Msg = Msg("显示的任务数", "Tasks shown");
    pub const NOTHING_MATCHES: Msg = Msg("没有符合筛选条件的任务。", "No task matches the filters.");
    pub const NO_ACTIONS: Msg = Msg("还没有专项行动。先添加一个。", "There are no key actions yet. Add one first.");
    pub const COL_NO: Msg = Msg("序号", "No.");
    pub const COL_TASK: Msg = Msg("具体任务", "Task");
    pub const COL_LEADER: Msg = Msg("总牵头区领导", "Overall leading district leader");
    pub const COL_LEAD_UNIT: Msg = Msg("总牵头单位", "Overall leading unit");
    pub const COL_RESPONSIBLE: Msg = Msg("责任单位", "Responsible unit");
    pub const COL_CO: Msg = Msg("协办单位", "Co-organizers");
    pub const COL_DUE: Msg = Msg("完成时限", "Due date");
    pub const COL_ACTIONS: Msg = Msg("操作", "Actions");
    pub const ADD_ACTION: Msg = Msg("添加专项行动", "Add key action");
    pub const ADD_TASK: Msg = Msg("添加任务", "Add task");
    pub const EDIT: Msg = Msg("编辑", "Edit");
    pub const DELETE: Msg = Msg("删除", "Delete");
    pub const MOVE_UP: Msg = Msg("上移", "Move up");
    pub const MOVE_DOWN: Msg = Msg("下移", "Move down");
    pub const CONFIRM_DELETE_TASK: Msg = Msg("删除这个任务？", "Delete this task?");
    pub const CONFIRM_DELETE_ACTION: Msg = Msg("删除这个专项行动及其全部任务？", "Delete this key action and all its tasks?");
    pub const LEAD: Msg = Msg("牵头", "lead");
    // Forms
    pub const ACTION_FORM: Msg = Msg("专项行动", "Key action");
    pub const TASK_FORM: Msg = Msg("具体任务", "Task");
    pub const TITLE_ZH: Msg = Msg("名称（中文）", "Title (Chinese)");
    pub const TITLE_EN: Msg = Msg("名称（英文）", "Title (English)");
    pub const NAME_ZH: Msg = Msg("名称（中文）", "Name (Chinese)");
    pub const NAME_EN: Msg = Msg("名称（英文）", "Name (English)");
    pub const JOB_ZH: Msg = Msg("职务（中文）", "Title (Chinese)");
    pub const JOB_EN: Msg = Msg("职务（英文）", "Title (English)");
    pub const FIELD: Msg = Msg("领域", "Field");
    pub const NONE: Msg = Msg("（无）", "(none)");
    pub const RESPONSIBLE_HINT: Msg = Msg("第一个勾选的单位牵头。", "The first unit ticked leads.");
    pub const PERSON: Msg = Msg("责任人", "Responsible person");
    pub const START: Msg = Msg("开始日期", "Start date");
    pub const DUE: Msg = Msg("完成时限", "Due date");
    pub const SAVE: Msg = Msg("保存", "Save");
    pub const CANCEL: Msg = Msg("取消", "Cancel");
    pub const FIX_THESE: Msg = Msg("请先修正：", "Please fix:");
    pub const NO_UNITS_YET: Msg = Msg("还没有单位，请先在“单位和人员”中添加。", "No units yet: add them under “Units and people”.");
    // Directory
    pub const UNITS: Msg = Msg("单位", "Units");
    pub const PEOPLE: Msg = Msg("人员", "People");
    pub const ADD_UNIT: Msg = Msg("添加单位", "Add unit");
    pub const ADD_PERSON: Msg = Msg("添加人员", "Add person");
    pub const UNIT_OF_PERSON: Msg = Msg("所在单位", "Unit");
    pub const CANNOT_DELETE: Msg = Msg("不能删除，仍在使用：", "Cannot delete: still used in");
    pub const NAME: Msg = Msg("名称", "Name");
    // Storage
    pub const UNREADABLE: Msg = Msg(
        "浏览器中保存的计划无法读取，已原样保留，没有覆盖。原因：",
        "The plan stored in this browser could not be read. It has been kept as it was, not overwritten. Reason:",
    );
    pub const UNREADABLE_KEPT: Msg = Msg("原文保存在键：", "The raw text is kept under the key:");
    pub const DOWNLOAD_RAW: Msg = Msg("下载原文", "Download the raw text");
    pub const QUOTA: Msg = Msg(
        "浏览器拒绝保存（存储空间已满）。修改仍保留在本页中，关闭前请导出。",
        "The browser refused to save (storage is full). Your edit is kept in this page: export it before closing.",
    );
    pub const SAVE_FAILED: Msg = Msg("保存失败：", "Saving failed:");
    pub const DOWNLOAD_PLAN: Msg = Msg("下载计划（JSON）", "Download the plan (JSON)");
    pub const STALE: Msg = Msg(
        "该计划已在另一个标签页或窗口中修改。为免覆盖，本页的最近修改没有保存。请重新加载以查看最新计划。",
        "This plan was changed in another tab or window. To avoid overwriting it, your last edit here was not saved. Reload to see the newer plan.",
    );
    pub const RELOAD: Msg = Msg("重新加载", "Reload");
    pub const NOT_FOUND: Msg = Msg("没有这个页面。", "There is no such page.");
    pub const DISMISS: Msg = Msg("关闭提示", "Dismiss");
    pub const FIELD_GOVERNANCE: Msg = Msg("城市治理", "Governance");
    pub const FIELD_INDUSTRY: Msg = Msg("产业发展", "Industry");
    pub const FIELD_PLATFORM: Msg = Msg("平台建设", "Platform");
    pub const FIELD_LIVELIHOOD: Msg = Msg("民生服务", "Livelihood");
}

fn subject(l: Lang, s: &Subject) -> String {
    let zh = l == Lang::Zh;
    match s {
        Subject::Plan => {
            if zh {
                "计划".into()
            } else {
                s.to_string()
            }
        }
        Subject::Unit(n) => {
            if zh {
                format!("单位“{}”", n.get(l))
            } else {
                format!("unit '{}'", n.get(l))
            }
        }
        Subject::Person(n) => {
            if zh {
                format!("人员“{}”", n.get(l))
            } else {
                format!("person '{}'", n.get(l))
            }
        }
        Subject::Action(n) => {
            if zh {
                format!("专项行动 {n}")
            } else {
                s.to_string()
            }
        }
        Subject::Task(n) => {
            if zh {
                format!("任务 {n}")
            } else {
                s.to_string()
            }
        }
        Subject::Milestone { task, title } => {
            if zh {
                format!("任务 {task} 节点“{}”", title.get(l))
            } else {
                format!("task {task}, milestone '{}'", title.get(l))
            }
        }
        Subject::Target { task, name } => {
            if zh {
                format!("任务 {task} 指标“{}”", name.get(l))
            } else {
                format!("task {task}, target '{}'", name.get(l))
            }
        }
        Subject::Report { task, date } => {
            if zh {
                format!("任务 {task} {date} 的进展反馈")
            } else {
                s.to_string()
            }
        }
        Subject::Record(kind) => {
            if zh {
                format!("一条{}", kind_zh(kind))
            } else {
                s.to_string()
            }
        }
    }
}

fn kind_zh(kind: &str) -> &'static str {
    match kind {
        "unit" => "单位",
        "person" => "人员",
        "key action" => "专项行动",
        _ => "记录",
    }
}

fn ref_field(l: Lang, f: RefField) -> String {
    if l == Lang::En {
        return f.to_string();
    }
    match f {
        RefField::Unit => "单位",
        RefField::Leader => "总牵头区领导",
        RefField::LeadingUnit => "总牵头单位",
        RefField::Responsible => "责任单位",
        RefField::CoOrganizer => "协办单位",
        RefField::Person => "责任人",
        RefField::Action => "专项行动",
        RefField::Task => "任务",
        RefField::Milestone => "节点",
        RefField::Target => "指标",
    }
    .into()
}

/// A validation message in `l`.
pub fn invalid(l: Lang, e: &Invalid) -> String {
    if l == Lang::En {
        return e.to_string();
    }
    match e {
        Invalid::Blank(s) => format!("{}：名称为空", subject(l, s)),
        Invalid::KickoffOutsideYear(s, k, y) => format!("{}：启动日期 {k} 不在计划年度 {y} 内", subject(l, s)),
        Invalid::UnknownRef { at, field, id } => format!("{}：所填{}不存在（{id}）", subject(l, at), ref_field(l, *field)),
        Invalid::DueBeforeStart { at, start, due } => format!("{}：完成时限 {due} 早于开始日期 {start}", subject(l, at)),
        Invalid::AfterTaskDue { at, due, task_due } => format!("{}：时限 {due} 晚于任务完成时限 {task_due}", subject(l, at)),
        Invalid::BothRoles { at, unit } => format!("{}：“{unit}”既是责任单位又是协办单位", subject(l, at)),
        Invalid::TargetEqualsBaseline { at, value } => format!("{}：目标值等于基数（{value}），无法计算进度", subject(l, at)),
        Invalid::NotFinite { at, .. } => format!("{}：数值必须是有限数字", subject(l, at)),
        Invalid::ProgressOutOfRange { at, value } => format!("{}：进度 {value}% 超出 0–100%", subject(l, at)),
        Invalid::NegativeWeight { at, value } => format!("{}：权重 {value} 为负数", subject(l, at)),
        Invalid::DuplicateId(id) => format!("两条记录使用了同一个编号 {id}"),
    }
}

/// Where a unit or person is used, in `l`.
pub fn usage(l: Lang, u: &Usage) -> String {
    let zh = l == Lang::Zh;
    match u {
        Usage::IssuingUnit => {
            if zh {
                "计划的印发单位".into()
            } else {
                "the plan's issuing unit".into()
            }
        }
        Usage::LeadingUnit { action } => {
            if zh {
                format!("专项行动 {action} 的总牵头单位")
            } else {
                format!("overall leading unit of action {action}")
            }
        }
        Usage::Leader { action } => {
            if zh {
                format!("专项行动 {action} 的总牵头区领导")
            } else {
                format!("overall leading district leader of action {action}")
            }
        }
        Usage::Responsible { task } => {
            if zh {
                format!("任务 {task} 的责任单位")
            } else {
                format!("responsible unit of task {task}")
            }
        }
        Usage::CoOrganizer { task } => {
            if zh {
                format!("任务 {task} 的协办单位")
            } else {
                format!("co-organizer of task {task}")
            }
        }
        Usage::TaskPerson { task } => {
            if zh {
                format!("任务 {task} 的责任人")
            } else {
                format!("responsible person of task {task}")
            }
        }
        Usage::PersonUnit { person } => {
            if zh {
                format!("{} 的所在单位", person.get(l))
            } else {
                format!("the unit of {}", person.get(l))
            }
        }
        Usage::Records { count } => {
            if zh {
                format!("{count} 条反馈、会议、问题、风险或容错记录")
            } else {
                format!("{count} reports, meetings, problems, risks or exemptions")
            }
        }
    }
}

/// An edit refused, headed by `heading` ("Please fix:", "Cannot delete:"), in `l`.
pub fn refusal(l: Lang, heading: Msg, e: &EditError) -> Vec<String> {
    let mut lines = vec![l.t(heading).to_string()];
    lines.extend(edit_error(l, e));
    lines
}

/// An edit refused, in `l`.
pub fn edit_error(l: Lang, e: &EditError) -> Vec<String> {
    match e {
        EditError::NotFound => vec![if l == Lang::Zh { "该记录已不存在。".into() } else { e.to_string() }],
        EditError::Invalid(list) => list.iter().map(|i| invalid(l, i)).collect(),
        EditError::InUse(list) => list.iter().map(|u| usage(l, u)).collect(),
    }
}

/// A read error, in `l`.
pub fn read_error(l: Lang, e: &ReadError) -> String {
    if l == Lang::En {
        return e.to_string();
    }
    match e {
        ReadError::NotJson { line, column, reason } => format!("第 {line} 行第 {column} 列不是有效的 JSON：{reason}"),
        ReadError::Invalid { path, reason } => format!("位置 {path}：{reason}"),
        ReadError::NewerVersion { path, found, supported } => {
            format!("位置 {path}：由更新的版本（{found}）写入，本应用只能读取版本 {supported}")
        }
        ReadError::WrongFormat { path, expected, found } => format!("位置 {path}：格式应为“{expected}”，实际为“{found}”"),
    }
}
