//! A save the browser refused, what the next visit says about it, the
//! backups that fit, and where to turn after an unreadable stored plan.

use super::Msg;

pub const REFUSED_TITLE: Msg = Msg("修改没有保存到浏览器", "Your change was not stored");
pub const REFUSED_BODY: Msg = Msg(
    "浏览器的存储空间已满，刚才的修改只在本页中。请先下载整张表，再关闭或刷新本页；之后可在任一浏览器中导入下载的文件。",
    "This browser's storage is full, so your change is only in this page. Download the plan before closing or reloading the page; the downloaded file can then be imported in any browser.",
);
pub const REFUSED_CLOSE: Msg = Msg("关闭（修改仍未保存）", "Close (the change is still not stored)");
pub const UNSAVED_BEFORE: Msg = Msg(
    "上次在这个浏览器中的最后修改没有保存（存储空间已满），时间：",
    "The last changes made in this browser were not stored (the storage was full), at",
);
/// The end of the sentence that names the time.
pub const UNSAVED_AT_END: Msg = Msg("。", ". ");
pub const UNSAVED_HINT: Msg =
    Msg("如果当时下载了整张表，请导入那个文件，找回这些修改。", "If you downloaded the plan then, import that file to get them back.");
pub const IMPORT_DOWNLOADED: Msg = Msg("导入下载的文件", "Import the downloaded file");
pub const RESTORE_NEWEST: Msg = Msg("恢复最新的备份", "Restore the newest backup");
pub const IMPORT_A_FILE: Msg = Msg("导入文件（如上次导出的整张表）", "Import a file (such as the last exported plan)");
pub const NO_BACKUP_TO_RESTORE: Msg = Msg("没有可读的备份。", "There is no readable backup.");
/// How many backups fit now, and why, in one sentence: `plan`, `room` and
/// `other` are in millions of characters.
pub fn backups_fit(l: crate::domain::Lang, n: usize, plan: &str, room: &str, other: &str) -> String {
    match l {
        crate::domain::Lang::Zh => format!(
            "现在可保留的备份份数：{n}。每份是整张表的一个副本，约 {plan} 百万字符；浏览器为本站提供约 {room} 百万字符，其中其他数据占用 {other} 百万字符；最多保留 5 份。"
        ),
        crate::domain::Lang::En => format!(
            "Backups that fit now: {n} — each is a copy of the plan, about {plan} million characters; the browser gives this site about {room} million characters, of which other data uses {other} million; at most 5 are kept."
        ),
    }
}
