//! The strings of the import history on the Exchange page.
use super::Msg;

pub const HISTORY: Msg = Msg("导入记录", "Import history");
pub const HISTORY_HINT: Msg = Msg(
    "本浏览器应用过的每次导入和撤销，最近的在前；只保存在本浏览器，不随文件发送。",
    "Every import applied in this browser, and every undo, newest first. Kept in this browser only; not sent in files.",
);
pub const HISTORY_EMPTY: Msg = Msg("尚未应用过导入。", "No import has been applied yet.");
pub const APPLIED: Msg = Msg("导入", "Imported");
pub const UNDONE: Msg = Msg("撤销导入", "Undid import");
pub const FROM: Msg = Msg("发送单位", "From");
pub const AT: Msg = Msg("时间", "When");
pub const ADDED: Msg = Msg("新增", "Added");
pub const CHANGED: Msg = Msg("修改", "Changed");
pub const UNKNOWN_UNIT: Msg = Msg("（表中已无此单位）", "(a unit no longer in the table)");
pub const UNDO: Msg = Msg("撤销这次导入", "Undo this import");
pub const WHY_UNDONE: Msg = Msg("已撤销。", "Undone.");
pub const WHY_CHANGED: Msg = Msg(
    "导入后表格又有修改，撤销会丢掉这些修改，因此不再提供。",
    "The table has changed since; undoing would lose those changes, so it is no longer offered.",
);
pub const WHY_NO_COPY: Msg = Msg(
    "本浏览器中没有保留导入前的表格副本，无法撤销。",
    "No copy of the table from before it is kept in this browser, so it cannot be undone.",
);
