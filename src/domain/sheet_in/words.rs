//! What the spreadsheet reader says, in the person's language: a clerk's
//! words, never a field name.

use super::columns::Column;
use super::structure::Saying;
use crate::domain::Lang;

fn say(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The column's name in the mapping.
pub fn column(lang: Lang, c: Column) -> &'static str {
    let (zh, en) = c.words();
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A remark of the reader, as a sentence.
pub fn saying(lang: Lang, s: &Saying) -> String {
    match s {
        Saying::UnreadableDate(t) => {
            say(lang, format!("读不出日期“{t}”，完成时限留空"), format!("“{t}” cannot be read as a date; the due date is left empty"))
        }
        Saying::Ongoing(t) => {
            say(lang, format!("“{t}”没有具体日期，完成时限留空"), format!("“{t}” names no date; the due date is left empty"))
        }
        Saying::SeveralDates(t, d) => {
            say(lang, format!("“{t}”写了几个日期，取最后一个：{d}"), format!("“{t}” names several dates; the last is taken: {d}"))
        }
        Saying::NoUnit => say(lang, "这项任务没有写责任单位".into(), "This task names no responsible unit".into()),
        Saying::NoTask => say(lang, "这一行没有任务内容，未导入".into(), "This row has no task; it is left out".into()),
        Saying::HiddenColumn(h) if h.is_empty() => {
            say(lang, "这是隐藏的列，照常读取".into(), "This column is hidden; it is read like the others".into())
        }
        Saying::HiddenColumn(h) => {
            say(lang, format!("“{h}”是隐藏的列，照常读取"), format!("“{h}” is a hidden column; it is read like the others"))
        }
        Saying::Note(t) => say(lang, format!("表下的说明，未导入：{t}"), format!("A note, left out: {t}")),
        Saying::NoHeader => say(
            lang,
            "在前 20 行里找不到表头（如“具体任务”“责任单位”“完成时限”）：请在下面为各列指定内容".into(),
            "No header row (such as “Task”, “Responsible unit”, “Due date”) in the first 20 rows: say below what each column holds".into(),
        ),
        Saying::NoTaskColumn => say(
            lang,
            "没有找到“具体任务”列：请在下面指定哪一列是任务".into(),
            "No task column was found: say below which column holds the tasks".into(),
        ),
        Saying::CellError(e) => {
            say(lang, format!("单元格是公式错误（{e}），未读取"), format!("The cell holds a formula error ({e}); it is not read"))
        }
        Saying::NoAction => say(
            lang,
            "上面没有重点任务：这些任务放在一项以文件命名的重点任务下".into(),
            "No key action above these tasks: they go under one named after the file".into(),
        ),
    }
}
