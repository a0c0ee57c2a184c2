//! The words of exchange: why a file is refused, record kinds, field names.

use super::{invalid, read_error};
use crate::domain::Lang;
use crate::exchange::file::FileError;
use crate::exchange::import::Refused;
use crate::exchange::merge::RecordKind;

/// Why a file was refused, in `l`. English is the domain's own message.
pub fn refused(l: Lang, e: &Refused) -> String {
    if l == Lang::En {
        return e.to_string();
    }
    match e {
        Refused::File(FileError::TooLarge { bytes, limit }) => format!("文件有 {bytes} 字节，超过了 {limit} 字节的上限"),
        Refused::File(FileError::Read(r)) => read_error(l, r),
        Refused::File(FileError::Checksum) => "位置 $.sha256：校验值与正文不符，文件在导出后被修改或被截断".into(),
        Refused::OtherPlan { found, expected } => format!("位置 $.plan_id：文件属于另一张表（{found}），当前表是 {expected}"),
        Refused::EditedExample { found } => {
            format!("位置 $.plan_id：文件属于另一张表（{found}），而当前是改动过的示例表；要导入另一张表，请先“新建空白计划”")
        }
        Refused::BodyOtherPlan { found, expected } => format!("位置 $.body.plan.id：正文中的表（{found}）不是文件头所写的表（{expected}）"),
        Refused::SliceForOffice => "位置 $.kind：任务分片应由对应的单位导入，而不是督查办".into(),
        Refused::SliceForOtherUnit { unit, me } => format!("位置 $.unit：这个分片是发给另一个单位的（{unit}），本浏览器代表 {me}"),
        Refused::ReportForUnit => "位置 $.kind：单位报送文件应由督查办导入，而本浏览器代表一个单位".into(),
        Refused::NoUnit => "位置 $.unit：分片或报送文件必须写明单位".into(),
        Refused::Invalid { path, problem } => format!("位置 {path}：{}", invalid(l, problem)),
    }
}

/// A record kind, for the preview's lists.
pub fn kind_word(l: Lang, k: RecordKind) -> &'static str {
    use RecordKind as K;
    let (zh, en) = match k {
        K::Plan => ("计划", "Plan"),
        K::Unit => ("单位", "Unit"),
        K::Person => ("人员", "Person"),
        K::Action => ("专项行动", "Key action"),
        K::Task => ("任务", "Task"),
        K::Milestone => ("节点", "Milestone"),
        K::Target => ("指标", "Target"),
        K::Report => ("进展反馈", "Report"),
        K::Meeting => ("会议", "Meeting"),
        K::Problem => ("问题", "Problem"),
        K::Risk => ("风险", "Risk"),
        K::Exemption => ("容错免责", "Exemption"),
        K::Trail => ("修改记录", "Change record"),
    };
    if l == Lang::Zh {
        zh
    } else {
        en
    }
}

/// A field's name as the page shows it; unknown ones as written in the file.
pub fn field_word(l: Lang, field: &str) -> String {
    let pair = match field {
        "title" => ("名称", "Title"),
        "name" => ("名称", "Name"),
        "plan" => ("施工图", "Plan"),
        "plan_submitted_on" => ("施工图提交日期", "Plan submitted on"),
        "due" => ("完成时限", "Due date"),
        "start" => ("开始日期", "Start"),
        "done_on" => ("完成日期", "Done on"),
        "weight" => ("权重", "Weight"),
        "deleted" => ("已删除", "Deleted"),
        "responsible" => ("责任单位", "Responsible unit"),
        "co_organizers" => ("协办单位", "Co-organizers"),
        "person" => ("责任人", "Responsible person"),
        "narrative" => ("进展情况", "Progress narrative"),
        "progress" => ("进度", "Progress"),
        "status" => ("状态", "Status"),
        "level" => ("等级", "Level"),
        "mitigation" => ("应对措施", "Mitigation"),
        "description" => ("描述", "Description"),
        "resolution" => ("解决情况", "Resolution"),
        "resolved_on" => ("解决日期", "Resolved on"),
        "settings" => ("设置", "Settings"),
        "leaders" => ("总牵头区领导", "Overall leading district leaders"),
        "leading_units" => ("总牵头单位", "Overall leading units"),
        "order" => ("顺序", "Order"),
        "target" => ("目标值", "Target"),
        "baseline" => ("基数", "Baseline"),
        _ => return field.to_string(),
    };
    if l == Lang::Zh { pair.0 } else { pair.1 }.to_string()
}
