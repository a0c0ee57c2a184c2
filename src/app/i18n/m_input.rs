//! Strings of the input rules at the forms: a lower progress and its
//! reason, (Chinese, English).

use super::Msg;
use crate::domain::Lang;

pub const PROGRESS_REASON: Msg = Msg("进度下降原因（必填）", "Why the progress is lower (required)");
pub const REASON_SHOWN: Msg = Msg("下降原因：", "Why lower: ");

/// The hint shown above the reason field once the progress typed is lower
/// than the unit's last report.
pub fn last_progress(l: Lang, last: &str, on: chrono::NaiveDate) -> String {
    match l {
        Lang::Zh => format!("本单位 {on} 反馈的进度为 {last}%，本次更低，请说明原因。"),
        Lang::En => format!("This unit reported {last} % on {on}; this is lower, so say why."),
    }
}
