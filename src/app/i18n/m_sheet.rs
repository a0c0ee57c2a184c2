//! Importing an existing responsibility table from a spreadsheet, or from
//! cells pasted from Excel or WPS.

use super::Msg;

pub const TITLE: Msg = Msg("从电子表格导入责任分工表", "Import a responsibility table from a spreadsheet");
pub const READING: Msg = Msg("正在读取表格", "Reading the spreadsheet");
pub const SHEET: Msg = Msg("工作表", "Sheet");
pub const FOUND: Msg = Msg("读到", "Found");
pub const N_ACTIONS: Msg = Msg("项重点任务，", "key actions and");
pub const N_TASKS: Msg = Msg("项具体任务", "tasks");
pub const HEADER_ROW: Msg = Msg("表头在第", "The header is on row");
pub const HEADER_ROW_END: Msg = Msg(" 行", "");
pub const STOP: Msg = Msg("。", ".");
pub const TITLE_ROW: Msg = Msg("标题", "Title");
pub const COLUMNS: Msg = Msg("各列导入为", "What each column becomes");
pub const COLUMN: Msg = Msg("列", "Column");
pub const HEADER: Msg = Msg("表头", "Header");
pub const BECOMES: Msg = Msg("导入为", "Becomes");
pub const NOT_FOUND: Msg = Msg("（未识别）", "(not recognised)");
pub const FIRST_ROWS: Msg = Msg("前几行导入后的样子", "The first rows as they will land");
pub const ACTION: Msg = Msg("重点任务", "Key action");
pub const TASK: Msg = Msg("具体任务", "Task");
pub const LEADERS: Msg = Msg("牵头区领导", "Leader");
pub const RESPONSIBLE: Msg = Msg("责任单位", "Responsible unit");
pub const CO: Msg = Msg("协办单位", "Co-organizers");
pub const DUE: Msg = Msg("完成时限", "Due date");
pub const UNITS_FOUND: Msg = Msg("与本表已有单位对应", "Matched to units already in the table");
pub const UNITS_NEW: Msg = Msg("将新建的单位", "Units that will be created");
pub const PEOPLE_FOUND: Msg = Msg("与本表已有人员对应", "Matched to people already in the table");
pub const PEOPLE_NEW: Msg = Msg("将新建的人员", "People who will be added");
pub const REMARKS: Msg = Msg("需要留意的单元格", "Cells to look at");
pub const PROBLEMS: Msg = Msg("读不出的单元格", "Cells that could not be read");
pub const INTO: Msg = Msg("导入到", "Import into");
pub const INTO_NEW: Msg =
    Msg("用它新建一份分工表（替换浏览器中现有的表，可撤销）", "A new plan made from it (it replaces the table in this browser; undoable)");
pub const INTO_CURRENT: Msg = Msg("加入当前分工表", "The current plan, added to it");
pub const NEW_TITLE: Msg = Msg("新表名称", "The new plan's title");
pub const NEW_YEAR: Msg = Msg("年度", "Year");
pub const PREVIEW: Msg = Msg("预览导入", "Preview the import");
pub const CANCEL: Msg = Msg("取消", "Cancel");
pub const NOTHING: Msg = Msg("按现在的各列设置，读不到任何任务。", "With the columns as set now, no task is read.");
pub const REFUSED: Msg = Msg("未能导入表格", "The spreadsheet was not imported");
pub const NOT_A_SHEET: Msg = Msg(
    "这个文件不是电子表格（Excel、WPS 或 CSV 文件），无法读取。",
    "This file is not a spreadsheet (an Excel, WPS or CSV file) and cannot be read.",
);
pub const PASSWORD: Msg = Msg(
    "工作簿设有打开密码：请在 Excel 或 WPS 中取消密码并另存后再导入。",
    "The workbook is protected by a password: remove the password in Excel or WPS, save it, and import it again.",
);
pub const TOO_LARGE: Msg = Msg("文件太大，上限为", "The file is too large; the limit is");
pub const ZIP_BOMB: Msg = Msg(
    "文件打开后的内容过大，可能已损坏，未读取。上限为",
    "The file's content is far larger than the file when opened; it may be damaged and is not read. The limit is",
);
pub const ZIP_BOMB_RATIO: Msg = Msg(
    "文件打开后的内容比文件本身大得多（可能是恶意或损坏的文件），未读取。",
    "The file's content is many times larger than the file itself (a damaged or malicious file); it is not read.",
);
pub const TOO_MANY_ROWS: Msg = Msg("行数超过上限，请拆分后再导入：工作表", "Too many rows; split it and import the parts: sheet");
pub const TOO_MANY_COLUMNS: Msg = Msg("列数超过上限：工作表", "Too many columns: sheet");
pub const LIMIT: Msg = Msg("上限", "limit");
pub const UNREADABLE: Msg =
    Msg("文件已损坏或格式无法识别，未读取。", "The file is damaged or in a form that cannot be read; it is not read.");
pub const WORKER_FAILED: Msg =
    Msg("读取表格的程序未能启动，请刷新页面后重试。", "The spreadsheet reader could not start; reload the page and try again.");
pub const PASTE: Msg = Msg("从 Excel 或 WPS 粘贴", "Paste from Excel or WPS");
pub const PASTE_HINT: Msg = Msg(
    "在 Excel 或 WPS 中选中整张表（连同表头）并复制，粘贴到这里。",
    "Select the whole table in Excel or WPS (with its header), copy it, and paste it here.",
);
pub const PASTE_READ: Msg = Msg("读取粘贴的内容", "Read the pasted cells");
pub const PASTED: Msg = Msg("粘贴的表格", "Pasted cells");
pub const UNTITLED: Msg = Msg("导入的任务", "Imported tasks");
pub const MADE_HERE: Msg = Msg("由本浏览器从电子表格读取，无需签名", "Read from a spreadsheet in this browser: nothing to sign");
