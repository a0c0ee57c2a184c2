//! The supervision bulletin's page: its period, its buttons, what its
//! figures mean. The bulletin's own words (the sentence, the headings and
//! columns) are the domain's (`domain::bulletin`), so the page, the copied
//! text and the Word file say the same.

use super::Msg;

pub const NAV: Msg = Msg("督查专报", "Bulletin");
pub const PAGE: Msg = Msg("督查专报", "Supervision bulletin");
pub const PERIOD: Msg = Msg("统计期间", "Period");
pub const FROM: Msg = Msg("起始日期", "From");
pub const TO: Msg = Msg("截止日期", "To");
/// Said when the end asked for is after the plan's as-of date.
pub const TO_CLAMPED: Msg = Msg("截止日期不晚于当前查看日期：", "The end is at most the date the plan is looked at:");
pub const COPY: Msg = Msg("复制文字", "Copy text");
pub const COPIED: Msg = Msg("文字已复制，可粘贴到文稿中。", "Copied: paste it into your document.");
pub const COPY_SELECTED: Msg = Msg(
    "无法直接复制：文字已在下方选中，请按 Ctrl+C（Mac 为 ⌘C）复制。",
    "Could not copy: the text is selected below, press Ctrl+C (⌘C on a Mac).",
);
pub const PLAIN_TEXT: Msg = Msg("纯文本（表格以制表符分隔）", "Plain text (tables separated by tabs)");
pub const PRINT: Msg = Msg("打印", "Print");
pub const DOCX: Msg = Msg("下载 Word（.docx）", "Download Word (.docx)");
pub const DOCX_WORKING: Msg = Msg("正在生成 Word 文件……", "Writing the Word file…");
pub const DOCX_FAILED: Msg = Msg("无法生成 Word 文件：", "Could not write the Word file:");
/// What the figures mean (domain::bulletin::Standing and Figures say the same).
pub const DEFINITIONS: Msg = Msg(
    "统计口径：数字均截至截止日期。已完成：状态为已完成的任务；已超期：未完成且已过完成时限的任务；按期推进：其余任务，含尚未开始的任务；其中存在困难或问题：按期推进的任务中有未解决问题或最近一次反馈请求协调的；按期完成率＝按期完成的任务数÷应完成的任务数（截止日期前到期的任务，加上已提前完成的任务）。未报送进展的单位：期间内应报送而未报送的责任单位。",
    "How the figures are counted, all as of the end date. Completed: the task's light is done. Overdue: not done and past its due date. On schedule: every other task, tasks not started yet included; with difficulties or problems: those of them with a problem still open or a request for help in their latest report. On-time completion rate = tasks completed by their due date ÷ tasks that should be finished (due by the end date, plus those finished early). Units that did not report: responsible units that owed a report in the period and sent none.",
);
/// The hearing pack's Word file: its title after the scope's name.
pub const HEARING_DOC: Msg = Msg("月度听取汇报材料", "monthly hearing pack");
