//! The words of exchange: why a file is refused, record kinds, field names.

use super::{invalid, read_error};
use crate::domain::Lang;
use crate::exchange::file::FileError;
use crate::exchange::import::{other_plan, Refused};
use crate::exchange::merge::RecordKind;
use crate::exchange::seal::{Broken, Distrust};

/// Why a file was refused, in `l`. English is the domain's own message.
pub fn refused(l: Lang, e: &Refused) -> String {
    if l == Lang::En {
        return e.to_string();
    }
    match e {
        Refused::File(FileError::TooLarge { bytes, limit }) => format!("文件有 {bytes} 字节，超过了 {limit} 字节的上限"),
        Refused::File(FileError::NotUtf8 { path, line, column }) => {
            format!("位置 {path}（第 {line} 行第 {column} 列）：文件不是 UTF-8 文本，可能以其他编码保存，或不是文本文件")
        }
        Refused::File(FileError::Read(r)) => read_error(l, r),
        Refused::File(FileError::Checksum) => "位置 $.sha256：校验值与正文不符，文件在导出后被修改或被截断".into(),
        Refused::OtherPlan { file_plan, table_plan, .. } => format!("位置 $.plan_id：{}", other_plan(l, file_plan, table_plan)),
        Refused::EditedExample { file_plan, .. } => {
            format!("位置 $.plan_id：文件属于另一张表「{}」，而当前是改动过的示例表；要导入另一张表，请先“新建空白计划”", file_plan.get(l))
        }
        Refused::BodyOtherPlan { body_plan, .. } => {
            format!("位置 $.body.plan.id：正文中是另一张表「{}」，不是文件头所写的表", body_plan.get(l))
        }
        Refused::SliceForOffice => "位置 $.kind：任务分片应由对应的单位导入，而不是督查办".into(),
        Refused::SliceForOtherUnit { unit_name, me_name, .. } => {
            format!("位置 $.unit：这个分片是发给另一个单位（{}）的，本浏览器代表{}", unit_name.get(l), me_name.get(l))
        }
        Refused::ReportForUnit => "位置 $.kind：单位报送文件应由督查办导入，而本浏览器代表一个单位".into(),
        Refused::NoUnit => "位置 $.unit：分片或报送文件必须写明单位".into(),
        Refused::Invalid { path, problem } => format!("位置 {path}：{}", invalid(l, problem)),
        Refused::Seal { why, from } => format!("位置 $.seal：{}", seal_reason(why, from.get(l))),
    }
}

/// Why a seal refuses a file, in Chinese.
fn seal_reason(why: &Distrust, from: &str) -> String {
    match why {
        Distrust::Unsigned => format!("文件没有签名；{from}发出的文件必须签名"),
        Distrust::Broken(Broken::Signature) => "签名与文件内容不符：文件在签名后被修改过，或由其他密钥签名".into(),
        Distrust::Broken(Broken::Fingerprint) => "文件中的指纹与其密钥不符".into(),
        Distrust::Broken(Broken::Algorithm(_)) => "文件的签名方式不是本应用使用的 ES256".into(),
        Distrust::Broken(Broken::Malformed) => "文件中的签名或密钥格式不对".into(),
        Distrust::OtherKey { pinned, found } => {
            format!("文件由指纹为 {found} 的密钥签名，而本表记录的{from}密钥指纹为 {pinned}")
        }
    }
}

/// A record kind, at the start of a line ("节点", "Milestone"); the words
/// live in `exchange::words`, beside the field labels.
pub fn kind_word(l: Lang, k: RecordKind) -> String {
    crate::exchange::words::kind_title(k, l)
}

/// A field's name as the page shows it when its record's kind is not at
/// hand; prefer `field_label(kind, field, lang)`. Never the file's name of it.
pub fn field_word(l: Lang, field: &str) -> String {
    crate::exchange::words::field_label(RecordKind::Unit, field, l).to_string()
}
