//! The words a person reads for what a file or the change trail names:
//! each record kind, each field of each kind, and each enum value, in both
//! languages. Plain Rust (the exports, the import preview and the trail
//! all word them alike, and the tests can check every one natively); the
//! interface's i18n re-exports them. Nothing here ever falls back to a
//! field's name in the file: an unknown field is "another detail".

use super::merge::RecordKind;
use crate::domain::plan::Field;
use crate::domain::{Direction, Lang, MeetingKind, RiskCategory, RiskLevel, RiskStatus};

fn pick(l: Lang, (zh, en): (&'static str, &'static str)) -> &'static str {
    match l {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A record kind's name (计划, 单位, 节点 …; "milestone", lower case, as
/// it reads inside a sentence in English).
pub fn kind_name(kind: RecordKind, l: Lang) -> &'static str {
    use RecordKind as K;
    pick(
        l,
        match kind {
            K::Plan => ("计划", "plan"),
            K::Unit => ("单位", "unit"),
            K::Person => ("人员", "person"),
            K::Action => ("专项行动", "key action"),
            K::Task => ("具体任务", "task"),
            K::Milestone => ("节点", "milestone"),
            K::Target => ("量化指标", "target"),
            K::Report => ("进展反馈", "progress report"),
            K::Meeting => ("会议", "meeting"),
            K::Problem => ("问题", "problem"),
            K::Risk => ("风险", "risk"),
            K::Exemption => ("容错免责", "exemption"),
            K::Ruling => ("审核意见", "ruling"),
            K::Instruction => ("领导批示", "leader's instruction"),
            K::Trail => ("留痕", "change record"),
        },
    )
}

/// A record kind's name at the start of a line ("Milestone").
pub fn kind_title(kind: RecordKind, l: Lang) -> String {
    let s = kind_name(kind, l);
    let mut c = s.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

/// What a reference to a record that is not in the table reads as
/// ("已删除的任务", "a deleted task"); never its id.
pub fn missing(kind: RecordKind, l: Lang) -> String {
    match l {
        Lang::Zh => format!("已删除的{}", kind_name(kind, l)),
        Lang::En => format!("a deleted {}", kind_name(kind, l)),
    }
}

/// A record of a kind this version does not know.
pub fn pick_record(l: Lang) -> String {
    pick(l, ("一条记录", "a record")).into()
}

/// A key named by its fingerprint: "指纹 3F2A-91C0-7B44-E1D9".
pub fn fingerprint(f: &str, l: Lang) -> String {
    format!("{} {f}", pick(l, ("指纹", "fingerprint")))
}

/// A reference to a record of any kind that is in neither plan.
pub fn missing_record(l: Lang) -> String {
    pick(l, ("已删除的记录", "a deleted record")).into()
}

/// A field's label in both languages, when the field is one a record of
/// `kind` has. `settings.*` and `scoring.*` name the plan's settings.
pub fn known_field(kind: RecordKind, field: &str) -> Option<(&'static str, &'static str)> {
    use RecordKind as K;
    // Fields whose meaning depends on the kind first.
    let special = match (kind, field) {
        (K::Plan, "title") => Some(("计划名称", "Plan title")),
        (K::Plan, "year") => Some(("年度", "Year")),
        (K::Plan, "kickoff") => Some(("动员部署日期", "Kick-off date")),
        (K::Plan, "issuing_unit") => Some(("印发单位", "Issuing unit")),
        (K::Plan, "office_key") => Some(("督查办的签名密钥", "The office's signing key")),
        (K::Unit, "key") => Some(("签名密钥", "Signing key")),
        (K::Plan, "settings") => Some(("计划设置", "Plan settings")),
        (K::Plan, "numbers") => Some(("编号", "Numbering")),
        (K::Person, "title") => Some(("职务", "Position")),
        (K::Person, "unit") => Some(("所在单位", "Unit")),
        (K::Action, "title") => Some(("专项行动名称", "Key action title")),
        (K::Action, "field") => Some(("领域", "Field")),
        (K::Task, "title") => Some(("任务名称", "Task title")),
        (K::Task, "action") => Some(("所属专项行动", "Key action")),
        (K::Task, "plan") => Some(("施工图", "Plan")),
        (K::Milestone, "title") => Some(("节点名称", "Milestone title")),
        (K::Target, "name") => Some(("指标名称", "Target name")),
        (K::Target, "target") => Some(("目标值", "Target value")),
        (K::Report, "unit") => Some(("报送单位", "Reporting unit")),
        (K::Report, "date") => Some(("反馈日期", "Report date")),
        (K::Meeting, "kind") => Some(("会议类型", "Kind of meeting")),
        (K::Meeting, "date") => Some(("会议日期", "Meeting date")),
        (K::Meeting, "tasks") => Some(("研究的任务", "Tasks discussed")),
        (K::Risk, "owner") => Some(("责任人", "Owner")),
        (K::Risk, "status") => Some(("处置状态", "Status")),
        (K::Exemption, "unit") => Some(("免责单位", "Unit exempted")),
        (K::Exemption, "reason") => Some(("免责理由", "Reason")),
        (K::Exemption, "task") => Some(("涉及任务", "Task")),
        (K::Exemption, "milestone") => Some(("涉及节点", "Milestone")),
        (K::Exemption, "week") => Some(("涉及周次", "Week")),
        (K::Exemption, "plan") => Some(("仅限施工图逾期", "Late plan only")),
        (K::Ruling, "request") => Some(("所审申请", "Request ruled on")),
        (K::Ruling, "approved") => Some(("审核结果", "Approved")),
        (K::Ruling, "reason") => Some(("审核意见", "Reason")),
        (K::Ruling, "on") => Some(("审核日期", "Ruled on")),
        (K::Instruction, "problem") => Some(("涉及问题", "Problem")),
        (K::Instruction, "leader") => Some(("批示领导", "Leader")),
        (K::Instruction, "given_on") => Some(("批示日期", "Given on")),
        (K::Instruction, "text") => Some(("批示内容", "Instruction")),
        (K::Instruction, "due") => Some(("办理时限", "Due")),
        (K::Trail, "kind") => Some(("记录类别", "Kind of record")),
        (K::Trail, "record") => Some(("所改记录", "Record changed")),
        (K::Trail, "task") => Some(("所属任务", "Task")),
        (K::Trail, "field") => Some(("所改内容", "What changed")),
        (K::Trail, "old") => Some(("原值", "Old value")),
        (K::Trail, "new") => Some(("新值", "New value")),
        (K::Trail, "by") => Some(("修改单位", "Changed by")),
        (K::Trail, "at") => Some(("修改时间", "Changed at")),
        _ => None,
    };
    if special.is_some() {
        return special;
    }
    Some(match field {
        "id" => ("编号", "Identifier"),
        "deleted" => ("删除", "Deletion"),
        "order" => ("顺序", "Order"),
        "name" => ("名称", "Name"),
        "title" => ("名称", "Title"),
        "task" => ("所属任务", "Task"),
        "unit" => ("单位", "Unit"),
        "leaders" => ("总牵头区领导", "Overall leading district leaders"),
        "leading_units" => ("总牵头单位", "Overall leading units"),
        "responsible" => ("责任单位", "Responsible units"),
        "co_organizers" => ("协办单位", "Co-organizers"),
        "person" => ("责任人", "Responsible person"),
        "start" => ("开始日期", "Start date"),
        "due" => ("完成时限", "Due date"),
        "plan_submitted_on" => ("施工图报送日期", "Plan submitted on"),
        "done_on" => ("完成日期", "Done on"),
        "weight" => ("权重", "Weight"),
        "measure" => ("计量单位", "Unit of measure"),
        "baseline" => ("基数", "Baseline"),
        "direction" => ("考核方向", "Direction"),
        "added_by" => ("添加单位", "Added by"),
        "narrative" => ("进展情况", "Progress narrative"),
        "progress" => ("总体进度", "Progress"),
        "milestones_done" => ("完成的节点", "Milestones completed"),
        "readings" => ("指标读数", "Target readings"),
        "help_requested" => ("需协调事项", "Help requested"),
        "supersedes" => ("更正的反馈", "Corrects report"),
        "withdrawn" => ("撤回", "Withdrawn"),
        "chair" => ("主持人", "Chair"),
        "attendees" => ("参会人员", "Attendees"),
        "minutes" => ("会议纪要", "Minutes"),
        "decisions" => ("议定事项", "Decisions"),
        "raised_by" => ("提出单位", "Raised by"),
        "raised_on" => ("提出日期", "Raised on"),
        "raised_in" => ("提出于", "Raised in"),
        "description" => ("描述", "Description"),
        "assigned_to" => ("协调责任方", "Assigned to"),
        "resolved_on" => ("解决日期", "Resolved on"),
        "resolution" => ("解决情况", "Resolution"),
        "level" => ("风险等级", "Level"),
        "category" => ("风险类别", "Category"),
        "mitigation" => ("应对措施", "Mitigation"),
        "status" => ("状态", "Status"),
        "approved_by" => ("批准单位", "Approved by"),
        "approved_on" => ("批准日期", "Approved on"),
        "progress_reason" => ("进度回落原因", "Why progress is lower"),
        "extension" => ("延期申请", "Extension request"),
        "closure" => ("办结销号申请", "Closure application"),
        "answers" => ("批示落实情况", "Answers to instructions"),
        "unchanged" => ("本周无变化", "No change this week"),
        "closed_on" => ("办结日期", "Closed on"),
        _ => return setting(field),
    })
}

/// A plan setting's label (`plan_due_days`, `scoring.base` …).
fn setting(field: &str) -> Option<(&'static str, &'static str)> {
    Some(match field.trim_start_matches("settings.").trim_start_matches("scoring.") {
        "plan_due_days" => ("施工图报送期限（天）", "Plan due (days after kick-off)"),
        "warning_days" => ("节点预警提前天数", "Milestone warning (days)"),
        "report_interval_days" => ("反馈间隔（天）", "Report interval (days)"),
        "behind_pace_margin" => ("进度落后预警（百分点）", "Behind-pace margin (points)"),
        "as_of" => ("查看日期", "As of"),
        "board_window_days" => ("看板显示天数", "Board window (days)"),
        "export_reminder_days" => ("导出提醒（天）", "Export reminder (days)"),
        "require_signed" => ("只接受已签名的文件", "Require signed files"),
        "high_risk_yellow" => ("未消除的高风险使任务亮黄灯", "Open high risks turn tasks yellow"),
        "extension_keeps_original_due" => ("考核按延期前的原定时限计算", "Appraise extended deadlines by the original date"),
        "scoring" => ("考核计分", "Appraisal scoring"),
        "base" => ("基础分", "Base score"),
        "milestone_on_time" => ("节点按时完成", "Milestone on time"),
        "milestone_overdue" => ("节点逾期", "Milestone overdue"),
        "late_plan" => ("施工图逾期", "Late plan"),
        "missed_week" => ("漏报一周", "Missed week"),
        "target_met" => ("指标达成", "Target met"),
        _ => return None,
    })
}

/// The one place a field's name becomes words: its label for a record of
/// `kind`, in `l`. A field this version does not know reads "其他内容" /
/// "Other detail", never its name in the file.
pub fn field_label(kind: RecordKind, field: &str, l: Lang) -> &'static str {
    pick(l, known_field(kind, field).unwrap_or(("其他内容", "Other detail")))
}

/// Fields that are bookkeeping of the file, not content a person edits.
pub fn internal(field: &str) -> bool {
    matches!(field, "id" | "meta" | "numbers" | "order")
}

/// An enum value of `field` as words, when the field holds one.
pub fn enum_word(kind: RecordKind, field: &str, value: &str, l: Lang) -> Option<&'static str> {
    use RecordKind as K;
    let v = serde_json::Value::String(value.to_string());
    Some(match (kind, field) {
        (K::Risk, "level") => risk_level(serde_json::from_value(v).ok()?, l),
        (K::Risk, "category") => risk_category(serde_json::from_value(v).ok()?, l),
        (K::Risk, "status") => risk_status(serde_json::from_value(v).ok()?, l),
        (K::Meeting, "kind") => meeting_kind(serde_json::from_value(v).ok()?, l),
        (K::Target, "direction") => direction(serde_json::from_value(v).ok()?, l),
        (K::Action, "field") => action_field(serde_json::from_value(v).ok()?, l),
        (K::Trail, "kind") => kind_name(RecordKind::parse(value)?, l),
        _ => return None,
    })
}

pub fn risk_level(v: RiskLevel, l: Lang) -> &'static str {
    pick(
        l,
        match v {
            RiskLevel::Low => ("低", "Low"),
            RiskLevel::Medium => ("中", "Medium"),
            RiskLevel::High => ("高", "High"),
            RiskLevel::Major => ("重大", "Major"),
        },
    )
}

pub fn risk_category(v: RiskCategory, l: Lang) -> &'static str {
    pick(
        l,
        match v {
            RiskCategory::WorkSafety => ("安全生产", "Work safety"),
            RiskCategory::Schedule => ("工期", "Schedule"),
            RiskCategory::Funding => ("资金", "Funding"),
            RiskCategory::Land => ("用地", "Land"),
            RiskCategory::Stability => ("社会稳定", "Social stability"),
            RiskCategory::Other => ("其他", "Other"),
        },
    )
}

pub fn risk_status(v: RiskStatus, l: Lang) -> &'static str {
    pick(
        l,
        match v {
            RiskStatus::Open => ("未处置", "Open"),
            RiskStatus::Mitigating => ("处置中", "Mitigating"),
            RiskStatus::Closed => ("已消除", "Closed"),
        },
    )
}

pub fn meeting_kind(v: MeetingKind, l: Lang) -> &'static str {
    pick(
        l,
        match v {
            MeetingKind::Weekly => ("一周一会", "Weekly unit meeting"),
            MeetingKind::MonthlyHearing => ("区领导月度听取", "Leader's monthly hearing"),
        },
    )
}

pub fn direction(v: Direction, l: Lang) -> &'static str {
    pick(
        l,
        match v {
            Direction::AtLeast => ("不低于", "At least"),
            Direction::AtMost => ("不高于", "At most"),
        },
    )
}

pub fn action_field(v: Field, l: Lang) -> &'static str {
    pick(
        l,
        match v {
            Field::Governance => ("城市治理", "Governance"),
            Field::Industry => ("产业发展", "Industry"),
            Field::Platform => ("平台建设", "Platform"),
            Field::Livelihood => ("民生服务", "Livelihood"),
        },
    )
}

/// Yes / no in words.
pub fn yes_no(b: bool, l: Lang) -> &'static str {
    pick(l, if b { ("是", "yes") } else { ("否", "no") })
}

/// A number as a person writes it (one rule: [`crate::domain::numbers::plain`]).
pub fn number(n: f64) -> String {
    crate::domain::numbers::plain(n)
}
