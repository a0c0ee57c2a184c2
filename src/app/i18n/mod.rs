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

mod exchange;
/// The interface strings.
pub mod m;
pub mod m_appraisal;
/// The supervision bulletin's page (its document's words are the domain's).
pub mod m_bulletin;
/// The calendar file and the per-unit reminders.
pub mod m_calendar;
/// The board's pictures: lights per key action, the burn-up, reporting on time.
pub mod m_charts;
/// The import history.
pub mod m_imports;
/// The strings of the input rules (empty and contradictory input).
pub mod m_input;
/// A refused save, the backups that fit, an unreadable stored plan.
pub mod m_keep;
/// The signing key and its key file.
pub mod m_keys;
/// The leader's view on the board: leader scope, problems for a leader, risks.
pub mod m_leader;
pub mod m_meetings;
pub mod m_owner;
pub mod m_plan;
/// A file's seal in the import preview.
pub mod m_seal;
/// Importing a table from a spreadsheet or pasted cells.
pub mod m_sheet;
/// Every unit's slice at once, in one ZIP.
pub mod m_slices;
pub mod m_stale;
/// The timeline's columns, legend and spoken bars.
pub mod m_timeline;
/// Extensions, closure review and leaders' instructions.
pub mod m_workflow;
mod words;
pub use exchange::{field_word, kind_word, refused};
pub use words::{light_name, reason, risk_category, risk_level, risk_status};

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
        "milestone" => "节点",
        "risk" => "风险",
        "ruling" => "审核意见",
        "instruction" => "领导批示",
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
        RefField::RaisedIn => "提出问题的反馈或会议",
        RefField::Assignee => "承办单位或人员",
        RefField::Attendee => "人员",
        RefField::IssuingUnit => "印发单位",
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
        Invalid::KickoffOutsideYear(s, k, y) => format!("{}：启动日期 {k} 既不在计划年度 {y} 内，也不在上一年 12 月", subject(l, s)),
        Invalid::YearOutOfRange(y) => format!("计划：年度 {y} 不在 2000–2100 之间"),
        Invalid::PlanDueDaysOutOfRange(d) => format!("计划：施工图报送期限 {d} 天超过 366 天"),
        Invalid::UnknownRef { at, field, .. } => format!("{}：所填{}不存在", subject(l, at), ref_field(l, *field)),
        Invalid::DueBeforeStart { at, start, due } => format!("{}：完成时限 {due} 早于开始日期 {start}", subject(l, at)),
        Invalid::AfterTaskDue { at, due, task_due } => format!("{}：时限 {due} 晚于任务完成时限 {task_due}", subject(l, at)),
        Invalid::BothRoles { at, unit } => format!("{}：“{unit}”既是责任单位又是协办单位", subject(l, at)),
        Invalid::TargetEqualsBaseline { at, value } => format!("{}：目标值等于基数（{value}），无法计算进度", subject(l, at)),
        Invalid::NotFinite { at, .. } => format!("{}：数值必须是有限数字", subject(l, at)),
        Invalid::ProgressOutOfRange { at, value } => format!("{}：进度 {value}% 超出 0–100%", subject(l, at)),
        Invalid::NegativeWeight { at, value } => format!("{}：权重 {value} 为负数", subject(l, at)),
        Invalid::NotInvolved { at, unit } => format!("{}：“{unit}”既不是该任务的责任单位，也不是协办单位", subject(l, at)),
        Invalid::DuplicateId(_) => "两条记录使用了同一个编号".into(),
        Invalid::EmptyReport { at } => {
            format!(
                "{}：什么都没有填写，请至少填写总体进度、进展情况、指标读数、本次完成的节点、需协调解决的问题或需要的支持中的一项",
                subject(l, at)
            )
        }
        Invalid::ProgressDropNeedsReason { at, value, last, on } => {
            format!("{}：进度 {value}% 低于 {on} 反馈的 {last}%，请填写进度下降的原因", subject(l, at))
        }
        Invalid::EmptyMeeting { .. } => "这次会议没有记录任何内容：请填写会议纪要，或至少添加一项议定事项".into(),
        Invalid::DuplicateUnitName { existing } => format!("已有同名单位“{}”，请换一个名称", existing.get(l)),
        Invalid::Request { at, problem } => format!("{}：{}", subject(l, at), problem.words(l)),
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
        EditError::NotYours(list) => list
            .iter()
            .map(|(record, field)| {
                let what = match field.as_str() {
                    "" => l.t(m_owner::NOT_YOURS_ADD).to_string(),
                    f => exchange::field_word(l, f),
                };
                format!("{}{}{}", record.get(l), if l == Lang::Zh { "：" } else { ": " }, what) + l.t(m_owner::NOT_YOURS)
            })
            .collect(),
    }
}

/// A read error, in `l`.
pub fn read_error(l: Lang, e: &ReadError) -> String {
    if l == Lang::En {
        return e.to_string();
    }
    match e {
        // The parser's own reason is in English: in Chinese, the place says enough.
        ReadError::NotJson { line, column, .. } => format!("第 {line} 行第 {column} 列起的内容不完整或已损坏，无法读取"),
        ReadError::Invalid { path, reason } => format!("位置 {path}：{reason}"),
        ReadError::NewerVersion { path, found, supported } => {
            format!("位置 {path}：由更新的版本（{found}）写入，本应用只能读取版本 {supported}")
        }
        ReadError::WrongFormat { path, expected, found } => format!("位置 {path}：格式应为“{expected}”，实际为“{found}”"),
    }
}
