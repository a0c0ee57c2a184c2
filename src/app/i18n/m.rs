//! The interface strings, (Chinese, English).

use super::Msg;
pub const APP: Msg = Msg("攻坚", "Gongjian");
pub const APP_SUB: Msg = Msg("攻坚任务责任分工表", "Critical Task Division of Responsibility Table");
pub const NAV: Msg = Msg("主导航", "Main navigation");
/// The phone's button that shows and hides the navigation.
pub const MENU: Msg = Msg("菜单", "Menu");
pub const NAV_TABLE: Msg = Msg("责任分工表", "Responsibility table");
pub const NAV_DIRECTORY: Msg = Msg("单位和人员", "Units and people");
pub const LANGUAGE: Msg = Msg("语言", "Language");
pub const SWITCH_LANG: Msg = Msg("English", "中文");
pub const SWITCH_LANG_LABEL: Msg = Msg("切换到英文界面", "Switch the interface to Chinese");
/// The example banner: this, the plan's title, then `EXAMPLE_BANNER_END`.
pub const EXAMPLE_BANNER: Msg = Msg("这是示例：", "This is an example: ");
pub const EXAMPLE_BANNER_END: Msg = Msg("，按以下日期查看：", ", viewed as of");
pub const START_BLANK: Msg = Msg("新建空白计划", "Start a blank plan");
// The table
pub const FILTERS: Msg = Msg("筛选", "Filters");
pub const F_ACTION: Msg = Msg("专项行动", "Key action");
pub const F_UNIT: Msg = Msg("单位（牵头、责任或协办）", "Unit (leading, responsible or co-organizing)");
pub const F_LEADER: Msg = Msg("区领导或责任人", "Leader or responsible person");
pub const F_TEXT: Msg = Msg("搜索", "Search");
pub const ALL: Msg = Msg("全部", "All");
pub const CLEAR_FILTERS: Msg = Msg("清除筛选", "Clear filters");
pub const SHOWING: Msg = Msg("显示的任务数", "Tasks shown");
pub const NOTHING_MATCHES: Msg = Msg("没有符合筛选条件的任务。", "No task matches the filters.");
pub const NO_ACTIONS: Msg = Msg("还没有专项行动。先添加一个。", "There are no key actions yet. Add one first.");
pub const COL_NO: Msg = Msg("序号", "No.");
pub const COL_TASK: Msg = Msg("具体任务", "Task");
pub const COL_LEADER: Msg = Msg("总牵头区领导", "Overall leading district leader");
pub const COL_LEAD_UNIT: Msg = Msg("总牵头单位", "Overall leading unit");
pub const COL_RESPONSIBLE: Msg = Msg("责任单位", "Responsible unit");
pub const COL_CO: Msg = Msg("协办单位", "Co-organizers");
pub const COL_DUE: Msg = Msg("完成时限", "Due date");
pub const COL_ACTIONS: Msg = Msg("操作", "Actions");
pub const ADD_ACTION: Msg = Msg("添加专项行动", "Add key action");
pub const ADD_TASK: Msg = Msg("添加任务", "Add task");
pub const EDIT: Msg = Msg("编辑", "Edit");
pub const DELETE: Msg = Msg("删除", "Delete");
pub const MOVE_UP: Msg = Msg("上移", "Move up");
pub const MOVE_DOWN: Msg = Msg("下移", "Move down");
pub const CONFIRM_DELETE_TASK: Msg = Msg("删除这个任务？", "Delete this task?");
pub const CONFIRM_DELETE_ACTION: Msg = Msg("删除这个专项行动及其全部任务？", "Delete this key action and all its tasks?");
pub const LEAD: Msg = Msg("牵头", "lead");
// Forms
pub const ACTION_FORM: Msg = Msg("专项行动", "Key action");
pub const TASK_FORM: Msg = Msg("具体任务", "Task");
pub const TITLE_ZH: Msg = Msg("名称（中文）", "Title (Chinese)");
pub const TITLE_EN: Msg = Msg("名称（英文）", "Title (English)");
pub const NAME_ZH: Msg = Msg("名称（中文）", "Name (Chinese)");
pub const NAME_EN: Msg = Msg("名称（英文）", "Name (English)");
pub const JOB_ZH: Msg = Msg("职务（中文）", "Title (Chinese)");
pub const JOB_EN: Msg = Msg("职务（英文）", "Title (English)");
pub const FIELD: Msg = Msg("领域", "Field");
pub const NONE: Msg = Msg("（无）", "(none)");
pub const RESPONSIBLE_HINT: Msg = Msg("第一个勾选的单位牵头。", "The first unit ticked leads.");
pub const PERSON: Msg = Msg("责任人", "Responsible person");
pub const START: Msg = Msg("开始日期", "Start date");
pub const DUE: Msg = Msg("完成时限", "Due date");
pub const SAVE: Msg = Msg("保存", "Save");
pub const CANCEL: Msg = Msg("取消", "Cancel");
pub const FIX_THESE: Msg = Msg("请先修正：", "Please fix:");
pub const NO_UNITS_YET: Msg = Msg("还没有单位，请先在“单位和人员”中添加。", "No units yet: add them under “Units and people”.");
// Directory
pub const UNITS: Msg = Msg("单位", "Units");
pub const PEOPLE: Msg = Msg("人员", "People");
pub const ADD_UNIT: Msg = Msg("添加单位", "Add unit");
pub const ADD_PERSON: Msg = Msg("添加人员", "Add person");
pub const UNIT_OF_PERSON: Msg = Msg("所在单位", "Unit");
pub const CANNOT_DELETE: Msg = Msg("不能删除，仍在使用：", "Cannot delete: still used in");
pub const NAME: Msg = Msg("名称", "Name");
// Storage
pub const UNREADABLE: Msg = Msg(
    "浏览器中保存的计划无法读取，已原样保留，没有覆盖。原因：",
    "The plan stored in this browser could not be read. It has been kept as it was, not overwritten. Reason:",
);
pub const UNREADABLE_KEPT: Msg =
    Msg("原文已原样另存在本浏览器中，可以下载。", "The raw text is kept aside in this browser and can be downloaded.");
pub const DOWNLOAD_RAW: Msg = Msg("下载原文", "Download the raw text");
pub const QUOTA: Msg = Msg(
    "浏览器拒绝保存（存储空间已满）。修改仍保留在本页中，关闭前请导出。",
    "The browser refused to save (storage is full). Your edit is kept in this page: export it before closing.",
);
pub const SAVE_FAILED: Msg = Msg("保存失败：", "Saving failed:");
pub const DOWNLOAD_PLAN: Msg = Msg("下载计划（JSON）", "Download the plan (JSON)");
pub const STALE: Msg = Msg(
    "该计划已在另一个标签页或窗口中修改。为免覆盖，本页的最近修改没有保存。请重新加载以查看最新计划。",
    "This plan was changed in another tab or window. To avoid overwriting it, your last edit here was not saved. Reload to see the newer plan.",
);
pub const RELOAD: Msg = Msg("重新加载", "Reload");
pub const NOT_FOUND: Msg = Msg("没有这个页面。", "There is no such page.");
// A page whose code is fetched on its first visit (shell.rs).
pub const PAGE_LOADING: Msg = Msg("加载中…", "Loading…");
pub const PAGE_LOAD_FAILED: Msg =
    Msg("无法加载此页面。请检查网络连接后重新加载。", "This page could not be loaded. Check the connection and reload.");
pub const DISMISS: Msg = Msg("关闭提示", "Dismiss");
pub const FIELD_GOVERNANCE: Msg = Msg("城市治理", "Governance");
pub const FIELD_INDUSTRY: Msg = Msg("产业发展", "Industry");
pub const FIELD_PLATFORM: Msg = Msg("平台建设", "Platform");
pub const FIELD_LIVELIHOOD: Msg = Msg("民生服务", "Livelihood");
// Lights
pub const LIGHT_DONE: Msg = Msg("已完成", "Done");
pub const LIGHT_GREEN: Msg = Msg("绿灯", "Green");
pub const LIGHT_YELLOW: Msg = Msg("黄灯", "Yellow");
pub const LIGHT_RED: Msg = Msg("红灯", "Red");
pub const LIGHT_GREY: Msg = Msg("未开始", "Not started");
pub const COL_LIGHT: Msg = Msg("状态", "Status");
pub const F_LIGHT: Msg = Msg("状态灯", "Status light");
pub const AS_OF_BANNER: Msg = Msg("状态按此日期计算：", "Lights are computed as of");
// Settings
pub const NAV_SETTINGS: Msg = Msg("设置", "Settings");
pub const SETTINGS_LIGHTS: Msg = Msg("红黄绿灯的判定规则", "How the lights are decided");
pub const S_WARNING: Msg = Msg("预警窗口（天）：节点在此天数内到期亮黄灯", "Warning window (days): a milestone due within it turns yellow");
pub const S_REPORT: Msg = Msg("反馈间隔（天）：超过此天数未反馈亮黄灯", "Reporting interval (days): no report for longer turns yellow");
pub const S_MARGIN: Msg = Msg("进度滞后容差（百分点）", "Behind-pace margin (percentage points)");
pub const S_AS_OF: Msg = Msg("按此日期查看（留空为今天）", "View as of (empty: today)");
pub const SAVED: Msg = Msg("已保存。", "Saved.");
// The task sheet
pub const SHEET: Msg = Msg("一任务一表", "One task, one form");
pub const OPEN_SHEET: Msg = Msg("打开任务表", "Open the task sheet");
pub const BACK_TO_TABLE: Msg = Msg("返回责任分工表", "Back to the table");
pub const PRINT: Msg = Msg("打印", "Print");
pub const NO_SUCH_TASK: Msg = Msg("没有这个任务（可能已删除）。", "There is no such task (it may have been deleted).");
pub const PROGRESS: Msg = Msg("进度", "Progress");
pub const PLAN_SECTION: Msg = Msg("施工图", "Plan (construction drawing)");
pub const PLAN_TEXT: Msg = Msg("工作步骤", "The steps");
pub const PLAN_SUBMITTED: Msg = Msg("报送日期", "Submitted on");
pub const PLAN_DUE_ON: Msg = Msg("应报送日期：", "Due on:");
pub const SCHEDULE: Msg = Msg("时间表（节点）", "Schedule (milestones)");
pub const MILESTONE: Msg = Msg("节点", "Milestone");
pub const DONE_ON: Msg = Msg("完成日期", "Done on");
pub const ADD_MILESTONE: Msg = Msg("添加节点", "Add milestone");
pub const NO_MILESTONES: Msg = Msg("还没有节点。", "No milestones yet.");
pub const INVERT: Msg = Msg("倒排工期", "Invert the schedule from the deadline");
pub const DEADLINE: Msg = Msg("最终时限", "Deadline");
pub const DAY_COUNT: Msg = Msg("工期计算", "Count");
pub const CALENDAR_DAYS: Msg = Msg("日历日", "Calendar days");
pub const WORKING_DAYS: Msg = Msg("工作日", "Working days");
pub const STEP: Msg = Msg("步骤", "Step");
pub const STEP_DAYS: Msg = Msg("天数", "Days");
pub const ADD_STEP: Msg = Msg("添加步骤", "Add step");
pub const REMOVE_STEP: Msg = Msg("删除步骤", "Remove step");
pub const LATEST_START: Msg = Msg("最晚开始", "Latest start");
pub const SHOULD_HAVE_STARTED: Msg = Msg("应已开始", "should have started");
pub const TOO_LONG: Msg = Msg(
    "所需时间超过剩余时间：第一步应在今天之前开始。",
    "The steps take longer than the time left: the first should have started before today.",
);
pub const DEADLINE_PASSED: Msg = Msg("最终时限已过。", "The deadline has already passed.");
pub const ACCEPT_SCHEDULE: Msg = Msg("采用为节点", "Accept as milestones");
pub const TARGETS: Msg = Msg("量化指标", "Targets");
pub const TARGET: Msg = Msg("指标", "Target");
pub const MEASURE: Msg = Msg("计量单位", "Unit of measure");
pub const BASELINE: Msg = Msg("基数", "Baseline");
pub const TARGET_VALUE: Msg = Msg("目标值", "Target value");
pub const CURRENT: Msg = Msg("当前值", "Current");
pub const DIRECTION: Msg = Msg("方向", "Direction");
pub const AT_LEAST: Msg = Msg("不低于", "At least");
pub const AT_MOST: Msg = Msg("不高于", "At most");
pub const ADD_TARGET: Msg = Msg("添加指标", "Add target");
pub const NO_TARGETS: Msg = Msg("还没有量化指标。", "No targets yet.");
pub const REPORTS: Msg = Msg("进展反馈", "Progress reports");
pub const NO_REPORTS: Msg = Msg("还没有进展反馈。", "No reports yet.");
pub const ADD_REPORT: Msg = Msg("提交进展反馈", "Add a progress report");
pub const REPORT_DATE: Msg = Msg("反馈日期", "Date");
pub const REPORTING_UNIT: Msg = Msg("反馈单位", "Reporting unit");
pub const NARRATIVE: Msg = Msg("进展情况", "What was done");
pub const PROGRESS_PCT: Msg = Msg("总体进度（%）", "Overall progress (%)");
pub const MILESTONES_DONE: Msg = Msg("本次完成的节点", "Milestones completed");
pub const READINGS: Msg = Msg("指标读数", "Target readings");
pub const PROBLEMS_RAISED: Msg = Msg("需协调解决的问题（每行一个）", "Problems that need coordination (one per line)");
pub const HELP: Msg = Msg("需要的支持", "Help requested");
pub const APPEND_ONLY: Msg =
    Msg("反馈只增不改：如有错误，请提交新的反馈更正。", "Reports are never edited: correct a mistake with a later report.");
pub const PROBLEMS: Msg = Msg("问题清单", "Problems needing coordination");
pub const NO_PROBLEMS: Msg = Msg("没有问题。", "No problems.");
pub const RAISED_BY: Msg = Msg("提出单位", "Raised by");
pub const RESOLVE: Msg = Msg("标记已解决", "Mark resolved");
pub const RESOLUTION: Msg = Msg("解决情况", "Resolution");
pub const OPEN: Msg = Msg("待解决", "Open");
pub const RESOLVED_ON: Msg = Msg("解决于", "Resolved on");
pub const RISKS: Msg = Msg("风险隐患", "Risks and hidden dangers");
pub const NO_RISKS: Msg = Msg("没有登记风险。", "No risks recorded.");
pub const ADD_RISK: Msg = Msg("登记风险", "Record a risk");
pub const DESCRIPTION: Msg = Msg("描述", "Description");
pub const LEVEL: Msg = Msg("等级", "Level");
pub const CATEGORY: Msg = Msg("类别", "Category");
pub const MITIGATION: Msg = Msg("防范措施", "Mitigation");
pub const OWNER: Msg = Msg("责任单位", "Owner");
pub const STATUS: Msg = Msg("状态", "Status");
pub const DATE: Msg = Msg("日期", "Date");
pub const UNIT: Msg = Msg("单位", "Unit");
pub const CONFIRM_DELETE_MILESTONE: Msg = Msg("删除这个节点？", "Delete this milestone?");
// The board and the timeline
pub const BOARD: Msg = Msg("进度看板", "Progress board");
pub const NAV_BOARD: Msg = Msg("看板", "Board");
pub const NAV_TIMELINE: Msg = Msg("时间轴", "Timeline");
pub const SCOPE: Msg = Msg("看板范围", "Board scope");
pub const MY_UNIT: Msg = Msg("我的单位", "My unit");
pub const MY_ACTION: Msg = Msg("我的专项行动", "My key action");
pub const COMPLETION: Msg = Msg("总体完成度", "Overall completion");
pub const TASKS_WORD: Msg = Msg("项任务", "tasks");
pub const BY_LIGHT: Msg = Msg("任务状态", "Tasks by light");
pub const LAST_REPORT: Msg = Msg("最近反馈", "Last report");
pub const OVERDUE_MILESTONES: Msg = Msg("逾期节点", "Overdue milestones");
pub const DUE_WITHIN: Msg = Msg("", "Milestones due in the next");
pub const DAYS: Msg = Msg("天内到期的节点", "days");
pub const DAYS_OVERDUE: Msg = Msg("天逾期", "days overdue");
pub const DAYS_LEFT: Msg = Msg("天后到期", "days left");
pub const NOT_REPORTED: Msg = Msg("本周未反馈的责任单位", "Responsible units that have not reported this week");
pub const SINCE: Msg = Msg("本周自", "week from");
pub const TIMELINE: Msg = Msg("时间轴", "Timeline");
pub const TODAY: Msg = Msg("今天", "Today");
pub const ZOOM: Msg = Msg("时间范围", "Zoom");
pub const ZOOM_MONTH: Msg = Msg("月", "Month");
pub const ZOOM_QUARTER: Msg = Msg("季度", "Quarter");
pub const ZOOM_YEAR: Msg = Msg("年", "Year");
pub const S_BOARD_WINDOW: Msg = Msg("看板即将到期窗口（天）", "Board: milestones due within (days)");
pub const TASK_DUE_DATE: Msg = Msg("任务完成时限", "the task's due date");
pub const REPORT_IN_FUTURE: Msg = Msg("反馈日期不能晚于今天：", "The report date cannot be after today:");
pub const ACTIONS_HEADING: Msg = Msg("专项行动", "Key actions");
pub const TASKS_HEADER: Msg = Msg("任务数", "Tasks");
// Exchange between units
pub const NAV_EXCHANGE: Msg = Msg("文件交换", "Exchange");
pub const ACTING_AS: Msg = Msg("本机身份", "Acting as");
pub const OFFICE: Msg = Msg("督查办（总表）", "Supervision office (master table)");
pub const IMPORT_FILE: Msg = Msg("导入文件", "Import file");
pub const DROP_HINT: Msg = Msg("也可以把文件拖到页面上。", "You can also drop a file onto the page.");
pub const EXCHANGE_TITLE: Msg = Msg("文件交换", "Exchange files");
pub const EXCHANGE_INTRO: Msg = Msg(
    "各单位之间不共用服务器，而是互传 JSON 文件：督查办把各单位的任务分片发给单位，单位每周把报送文件发回督查办。",
    "Units share no server; they exchange JSON files: the supervision office sends each unit its slice, and each unit sends back a report every week.",
);
pub const WHO_AM_I: Msg = Msg("本浏览器代表", "This browser acts as");
pub const WHO_AM_I_HINT: Msg = Msg("导入任务分片时会自动设置。", "Importing a slice sets it.");
pub const EXPORT: Msg = Msg("导出", "Export");
pub const EXPORT_PLAN: Msg = Msg("导出整张表（也用作备份）", "Export the whole plan (also a backup)");
pub const EXPORT_SLICE: Msg = Msg("导出单位分片", "Export a unit's slice");
pub const SLICE_UNIT: Msg = Msg("分片给", "Slice for");
pub const EXPORT_REPORT: Msg = Msg("导出本单位报送文件", "Export my unit's report");
pub const REPORT_COUNT: Msg = Msg("自收到分片以来新增或修改的记录数", "Records added or changed since the slice");
pub const NO_BASE: Msg = Msg(
    "本浏览器还没有导入本单位的任务分片，所以无法判断哪些是新的报送内容。请先导入督查办发来的分片。",
    "This browser has not imported its unit's slice yet, so it cannot tell what is new. Import the slice from the supervision office first.",
);
pub const IMPORT_PREVIEW: Msg = Msg("导入预览", "Import preview");
pub const FILE_KIND: Msg = Msg("文件类型", "File kind");
pub const KIND_PLAN: Msg = Msg("整张表", "Whole plan");
pub const KIND_SLICE: Msg = Msg("单位分片", "Unit's slice");
pub const KIND_REPORT: Msg = Msg("单位报送", "Unit's report");
pub const FROM: Msg = Msg("来自", "From");
pub const EXPORTED_AT: Msg = Msg("导出时间", "Exported at");
pub const REPLACES: Msg =
    Msg("当前是示例表：导入后，示例会被文件中的表替换。", "The table is the example: importing replaces it with the file's plan.");
pub const ADDED: Msg = Msg("将新增", "To be added");
pub const CHANGED: Msg = Msg("将修改", "To be changed");
pub const PRESENT: Msg = Msg("已存在，跳过", "Skipped, already present");
pub const OLDER: Msg = Msg("比表中的版本旧，跳过", "Skipped, older than the table's version");
pub const REFUSED: Msg = Msg("不予接受（不属于发送单位修改的范围）", "Refused (not the sender's to change)");
pub const CONFLICTS: Msg = Msg("冲突：双方都改了，请选择", "Conflicts: both sides changed it; choose");
pub const NOTHING_NEW: Msg =
    Msg("没有新内容：文件中的记录表中都已经有了。", "Nothing new: everything in this file is already in the table.");
pub const KEEP_OURS: Msg = Msg("保留表中的值", "Keep the table's value");
pub const TAKE_THEIRS: Msg = Msg("采用文件中的值", "Take the file's value");
pub const AGREED_WAS: Msg = Msg("上次一致的值", "Last agreed value");
pub const APPLY_IMPORT: Msg = Msg("确认导入", "Apply import");
pub const CANCEL_IMPORT: Msg = Msg("取消", "Cancel");
pub const CHOOSE_ALL: Msg = Msg("请为每个冲突选择一个值，尚未选择：", "Choose a value for each conflict; still open:");
pub const IMPORT_REFUSED: Msg = Msg("无法导入文件", "Cannot import the file");
pub const TABLE_UNCHANGED: Msg = Msg("表格没有任何改动。", "The table is unchanged.");
pub const IMPORTED: Msg = Msg("已导入", "Imported");
pub const AND_MORE: Msg = Msg("……另有", "… and");
pub const MORE_ITEMS: Msg = Msg("项未逐一列出", "more, not listed one by one");
pub const MORE_IN_TABLE: Msg = Msg("项：在责任分工表中查看全部", "more: see them all in the table");
pub const BUSY_IMPORT: Msg = Msg("正在导入", "Importing");
pub const BUSY_EXPORT: Msg = Msg("正在生成文件", "Preparing the file");
pub const STEP_READ: Msg = Msg("读取文件", "reading the file");
pub const STEP_CHECK: Msg = Msg("检查格式与校验和", "checking its format and checksum");
pub const STEP_COMPARE: Msg = Msg("与本表逐条比对", "comparing it with the table, record by record");
pub const STEP_WRITE: Msg = Msg("写出全部记录", "writing every record");
pub const UNDO_IMPORT: Msg = Msg("撤销导入", "Undo import");
pub const N_ADDED: Msg = Msg("条新增", "added");
pub const N_CHANGED: Msg = Msg("条修改", "changed");
pub const WHY_NOT_OWNER: Msg = Msg("不属于发送单位负责的内容", "not the sending unit's to change");
pub const WHY_APPEND_ONLY: Msg =
    Msg("反馈、会议、问题和风险记录不能通过导入删除", "reports, meetings, problems and risks are never deleted by an import");
pub const WHY_UNKNOWN_TASK: Msg = Msg("表中没有它所属的任务", "its task is not in the table");
pub const YES: Msg = Msg("是", "yes");
pub const NO: Msg = Msg("否", "no");
pub const IMPORT_WHERE: Msg = Msg(
    "用页面顶部的“导入文件”按钮选择文件：交换文件（.json），或现有的责任分工表（Excel、WPS 的 .xlsx、.xls，或 .csv）。",
    "Choose a file with \"Import file\" at the top of the page: an exchange file (.json), or an existing responsibility table (Excel or WPS .xlsx, .xls, or .csv).",
);
pub const PLAN_MOVED: Msg = Msg(
    "您编辑期间，表中的施工图已被修改（导入或其他标签页）。表中现在是：",
    "The table's plan changed while you were editing (an import or another tab). The table now has:",
);
pub const KEEP_MY_TEXT: Msg = Msg("保存我的文字，替换表中的值", "Save my text over the table's value");
pub const USE_TABLE_VALUE: Msg = Msg("改用表中的值", "Use the table's value");
// Storage that users can trust
pub const S_EXPORT_REMINDER: Msg = Msg("多少天未导出时提醒（0 为不提醒）", "Remind to export after this many days without one (0: never)");
pub const STORAGE: Msg = Msg("浏览器存储", "Browser storage");
pub const STORAGE_USED: Msg = Msg("已用空间", "Space used");
pub const MILLION_CHARS: Msg = Msg("百万字符", "million characters");
pub const STORAGE_WARN: Msg = Msg(
    "存储空间已用超过 80%。请导出整张表备份，并考虑精简旧数据。",
    "Storage is more than 80 % full. Export the whole plan as a backup, and consider trimming old data.",
);
pub const PERSIST: Msg = Msg("浏览器是否承诺不自动清除本站数据", "Browser keeps this site's data (persistent storage)");
pub const PERSIST_YES: Msg = Msg("是", "yes, granted");
pub const PERSIST_NO: Msg = Msg("否（空间紧张时可能被清除，请定期导出）", "no (it may be cleared under pressure; export regularly)");
pub const PERSIST_UNKNOWN: Msg = Msg("未知", "unknown");
pub const BACKUPS: Msg = Msg("自动备份", "Rolling backups");
pub const BACKUPS_HINT: Msg = Msg(
    "每次保存前，上一次成功保存的内容会留作备份（存储空间放得下几份就留几份，至少相隔 10 分钟）。",
    "Before each save, the previous good save is kept as a backup (as many as the storage holds, at least 10 minutes apart).",
);
pub const NO_BACKUPS: Msg = Msg("还没有备份。", "No backups yet.");
pub const REVISION: Msg = Msg("版本", "revision");
pub const RESTORE: Msg = Msg("恢复", "Restore");
pub const CONFIRM_RESTORE: Msg = Msg(
    "用这份备份替换当前的表？当前的表会先留作备份。",
    "Replace the table with this backup? The current table is kept as a backup first.",
);
pub const RESTORED: Msg = Msg("已恢复备份：", "Restored the backup of");
pub const BACKUP_UNREADABLE: Msg = Msg("这份备份无法读取，表格没有改动。", "This backup cannot be read; the table is unchanged.");
pub const REMINDER: Msg = Msg("整张表已有这么多天没有导出：", "The plan has not been exported for this many days:");
pub const REMINDER_HINT: Msg = Msg("这台电脑上的内容可能是唯一的一份。", "What was typed here may be the only copy.");
pub const EXPORT_NOW: Msg = Msg("立即导出", "Export now");
pub const LATER: Msg = Msg("稍后提醒", "Later");
pub const UPDATE_READY: Msg = Msg("新版本已经可用。", "A new version of the app is available.");
pub const RELOAD_TO_UPDATE: Msg = Msg("重新载入，使用新版本", "Reload into the new version");
pub const EXPORT_CSV: Msg = Msg("导出 CSV", "Export CSV");
pub const EXPORT_XLSX: Msg = Msg("导出 Excel（XLSX）", "Export Excel (XLSX)");
pub const XLSX_WORKING: Msg = Msg("正在生成 Excel 文件……", "Writing the Excel file…");
pub const XLSX_FAILED: Msg = Msg("无法生成 Excel 文件：", "Could not write the Excel file:");
pub const NAV_MEETINGS: Msg = Msg("会议", "Meetings");
pub const NAV_WEEKLY: Msg = Msg("每周反馈", "Weekly reports");
pub const NAV_HEARING: Msg = Msg("月度听取", "Monthly hearing");
pub const NAV_APPRAISAL: Msg = Msg("绩效考核", "Appraisal");
// The change trail (留痕)
pub const NAV_TRAIL: Msg = Msg("留痕", "Change trail");
pub const TRAIL: Msg = Msg("修改留痕", "Change trail");
pub const TRAIL_OF_UNIT: Msg = Msg("单位的修改留痕", "Changes made by a unit");
pub const NO_TRAIL: Msg = Msg("还没有修改记录。", "No changes recorded yet.");
pub const TRAIL_WHEN: Msg = Msg("时间", "When");
pub const TRAIL_WHO: Msg = Msg("修改单位", "By");
pub const TRAIL_WHAT: Msg = Msg("内容", "What");
pub const TRAIL_CHANGE: Msg = Msg("原值 → 新值", "Old → new");
pub const TRAIL_ADDED: Msg = Msg("新增", "added");
pub const TRAIL_UNIT: Msg = Msg("单位", "Unit");
// The appraisal's rules
pub const SCORING: Msg = Msg("绩效考核计分规则", "Appraisal rules");
pub const SCORING_HINT: Msg = Msg("每项事实计多少分；失分项填负数。", "The points each fact gives; misses are negative.");
pub const R_BASE: Msg = Msg("基础分", "Base score");
pub const R_ON_TIME: Msg = Msg("节点按时完成（每个）", "Milestone done on time (each)");
pub const R_OVERDUE: Msg = Msg("节点逾期（每个）", "Milestone overdue (each)");
pub const R_LATE_PLAN: Msg = Msg("施工图逾期或未报送", "Plan late or missing");
pub const R_MISSED_WEEK: Msg = Msg("一周未反馈进展（每项任务每周）", "A week without a report (each task, each week)");
pub const R_TARGET_MET: Msg = Msg("量化指标达成（每个）", "Target met (each)");
pub const R_NUMBERS: Msg = Msg("每一项都必须是数字。", "Every rule must be a number.");
