//! Saving a form over a table that moved on while it was open.

use super::Msg;

pub const MOVED: Msg = Msg(
    "您编辑期间，表中的以下内容已被修改（导入或其他标签页）。请逐项选择保留哪个值，然后再次保存：",
    "While you were editing, the table changed these (an import or another tab). Choose which value to keep for each, then save again:",
);
pub const MINE: Msg = Msg("保留我填写的", "Keep what I entered");
pub const TABLE: Msg = Msg("改用表中现在的", "Use the table's value now");
