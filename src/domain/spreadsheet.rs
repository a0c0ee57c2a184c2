//! The table, the board's unit table and a unit's appraisal as
//! spreadsheets: the same columns and the same words as the pages, as plain
//! cells. CSV is written here;
//! the XLSX writer is a separate worker crate (`xlsx/`) that reads a
//! [`Workbook`] as JSON, so the browser loads it only when exporting.

use super::appraisal::{Appraisal, Fact};
use super::board::Board;
use super::filter::TableFilter;
use super::light::{Assessment, Light, Reason};
use super::numbers::fixed;
use super::{Id, Lang, Plan};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One cell. In JSON a text is a string, a number a number and an empty
/// cell `null`, so a sheet posted to the worker stays small and readable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    /// Not-a-number and the infinities are written as empty cells.
    Number(f64),
    Empty,
}

impl Cell {
    /// A text cell; an empty text is an empty cell, as on the page.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

/// One worksheet: a header row of column names, then the rows, each as
/// wide as `columns`. A sheet that a person reads alone says what it is of
/// in the lines `above` the table (label, value: whose it is, for when),
/// an empty line between; and what it adds up to in the lines `below` it
/// (a total under its column). Both are left out of the JSON when empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub above: Vec<Vec<Cell>>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub below: Vec<Vec<Cell>>,
}

/// What the XLSX worker writes: one worksheet per sheet, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

/// A word in both languages: (Chinese, English), as the interface says it.
type Words = (&'static str, &'static str);

fn say(lang: Lang, w: Words) -> &'static str {
    match lang {
        Lang::Zh => w.0,
        Lang::En => w.1,
    }
}

const TABLE_SHEET: Words = ("责任分工表", "Responsibility table");
const TABLE_COLUMNS: [Words; 8] = [
    ("序号", "No."),
    ("具体任务", "Task"),
    ("总牵头区领导", "Overall leading district leader"),
    ("总牵头单位", "Overall leading unit"),
    ("责任单位", "Responsible unit"),
    ("协办单位", "Co-organizers"),
    ("完成时限", "Due date"),
    ("状态", "Status"),
];
const UNIT_SHEET: Words = ("单位", "Units");
const UNIT_COLUMNS: [Words; 5] = [("单位", "Unit"), ("任务数", "Tasks"), ("红灯", "Red"), ("黄灯", "Yellow"), ("最近反馈", "Last report")];
const APPRAISAL_SHEET: Words = ("绩效考核", "Appraisal");
const APPRAISAL_COLUMNS: [Words; 5] = [("任务", "Task"), ("事实", "Fact"), ("分值", "Points"), ("计入", "Counted"), ("容错", "Exemption")];
/// The column of the counted points, under which the base and the score stand.
const COUNTED: usize = 3;
const APPRAISED_UNIT: Words = ("被考核单位", "Unit appraised");
const PERIOD: Words = ("考核期间", "Period");
const PERIOD_TO: Words = (" 至 ", " – ");
const BASE_SCORE: Words = ("基础分", "Base score");
const SCORE: Words = ("得分", "Score");

/// The word for a light, as the page's badge shows it.
pub fn light_name(lang: Lang, light: Light) -> &'static str {
    say(
        lang,
        match light {
            Light::Done => ("已完成", "Done"),
            Light::Green => ("绿灯", "Green"),
            Light::Yellow => ("黄灯", "Yellow"),
            Light::Red => ("红灯", "Red"),
            Light::Grey => ("未开始", "Not started"),
            Light::Review => ("待审核销号", "Awaiting review"),
        },
    )
}

/// A reason in `lang`, as the page words it (English is the reason's own
/// `Display`).
pub fn reason_text(lang: Lang, r: &Reason) -> String {
    if lang == Lang::En {
        return r.to_string();
    }
    match r {
        Reason::Done { on: Some(on), days_late } if *days_late > 0 => format!("已于 {on} 完成，逾期 {days_late} 天"),
        Reason::Done { on: Some(on), .. } => format!("已于 {on} 完成"),
        Reason::Done { on: None, .. } => "已完成".into(),
        Reason::NotStarted { start } => format!("未开始，{start} 开始"),
        Reason::NoDueDate => "未设完成时限".into(),
        Reason::NoResponsibleUnit => "未确定责任单位".into(),
        Reason::OnTrack => "按计划推进".into(),
        Reason::TaskOverdue { days } => format!("任务逾期 {days} 天"),
        Reason::MilestoneOverdue { title, days } => format!("节点“{}”逾期 {days} 天", title.get(lang)),
        Reason::PlanNotSubmitted { due } => format!("施工图未报送，应于 {due} 前报送"),
        Reason::TaskDueSoon { days: 0 } => "任务今天到期".into(),
        Reason::TaskDueSoon { days } => format!("任务 {days} 天后到期"),
        Reason::MilestoneDueSoon { title, days: 0 } => format!("节点“{}”今天到期", title.get(lang)),
        Reason::MilestoneDueSoon { title, days } => format!("节点“{}” {days} 天后到期", title.get(lang)),
        Reason::NoReport { days, ever: true } => format!("已 {days} 天未反馈进展"),
        Reason::NoReport { days, ever: false } => format!("开始 {days} 天仍未反馈进展"),
        Reason::BehindPace { progress, elapsed } => {
            format!("时间过半进度滞后：进度 {}%，时间已过 {}%", fixed(*progress, 0), fixed(*elapsed, 0))
        }
        Reason::Tasks { light, numbers } => format!("{} 项任务{}：{}", numbers.len(), light_name(lang, *light), numbers.join("、")),
        Reason::HighRisk { level, description } => format!("{}风险未消除：{description}", level.name(lang)),
        Reason::NoTasks => "没有任务".into(),
        Reason::DecisionOverdue { days } => format!("议定事项逾期 {days} 天"),
        Reason::DecisionDueSoon { days: 0 } => "议定事项今天到期".into(),
        Reason::DecisionDueSoon { days } => format!("议定事项 {days} 天后到期"),
        Reason::AwaitingReview { asked, done_on } => format!("已于 {asked} 申请办结销号（{done_on} 完成），待督查室审核"),
    }
}

/// The table's status cell: the light's word, then its first reason
/// ("红灯：任务逾期 3 天", "Red: task 3 days overdue").
pub fn status_text(lang: Lang, a: &Assessment) -> String {
    let name = light_name(lang, a.light);
    match a.first_reason() {
        Some(r) => format!("{name}{}{}", say(lang, ("：", ": ")), reason_text(lang, r)),
        None => name.to_string(),
    }
}

fn columns(words: &[Words], lang: Lang) -> Vec<String> {
    words.iter().map(|w| say(lang, *w).to_string()).collect()
}

impl Plan {
    /// The responsibility table under `filter` as the page shows it, less
    /// its buttons: each key action's row (number, title, leaders, leading
    /// units, light), then its tasks' rows (number such as "7.1", title,
    /// responsible units and person, co-organizers, due date, light).
    /// `today` is the day the page computes the lights for (the plan's
    /// "as of", else today), as for [`Plan::table`].
    pub fn table_sheet(&self, filter: &TableFilter, today: NaiveDate, lang: Lang) -> Sheet {
        let lights = self.task_lights(today);
        let mut rows = Vec::new();
        for group in self.table(filter, today) {
            let Some(a) = self.action(group.action) else { continue };
            rows.push(vec![
                Cell::text(group.number.to_string()),
                Cell::text(a.title.get(lang)),
                Cell::text(self.person_names(&a.leaders, lang)),
                Cell::text(self.unit_names(&a.leading_units, lang)),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::text(status_text(lang, &self.action_light_with(a.id, &lights))),
            ]);
            for (id, number) in &group.tasks {
                let Some(t) = self.task(*id) else { continue };
                let person = t.person.and_then(|p| self.person(p)).map(|p| p.name.get(lang)).unwrap_or_default();
                let mut responsible = self.unit_names(&t.responsible, lang);
                if !person.is_empty() {
                    responsible = format!("{responsible} · {person}");
                }
                rows.push(vec![
                    Cell::text(number.as_str()),
                    Cell::text(t.title.get(lang)),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::text(responsible),
                    Cell::text(self.unit_names(&t.co_organizers, lang)),
                    Cell::text(t.due.map(|d| d.to_string()).unwrap_or_default()),
                    Cell::text(status_text(lang, &lights.get(id).cloned().unwrap_or_default())),
                ]);
            }
        }
        Sheet { name: say(lang, TABLE_SHEET).into(), columns: columns(&TABLE_COLUMNS, lang), rows, ..Sheet::default() }
    }

    /// The board's unit table as the board page shows it: unit, its tasks,
    /// how many are red and yellow, its last report ("—" when none).
    pub fn unit_sheet(&self, board: &Board, lang: Lang) -> Sheet {
        let count = |v: &[super::Id]| Cell::Number(v.len() as f64);
        let rows = board
            .units
            .iter()
            .map(|u| {
                vec![
                    Cell::text(self.unit(u.unit).map(|x| x.name.get(lang)).unwrap_or_default()),
                    count(&u.tasks),
                    count(&u.red),
                    count(&u.yellow),
                    Cell::text(u.last_report.map(|d| d.to_string()).unwrap_or_else(|| "—".into())),
                ]
            })
            .collect();
        Sheet { name: say(lang, UNIT_SHEET).into(), columns: columns(&UNIT_COLUMNS, lang), rows, ..Sheet::default() }
    }

    /// A unit's appraisal as a file that is read alone: above the table
    /// whose appraisal it is, for which period ("2022-01-01 – 2022-12-31")
    /// and its score; then the facts as the page lists them (task, fact,
    /// points, counted, exemption; `fact` and `exemption` word them as the
    /// page does); under the table, in the Counted column, the base score
    /// and the score, so the base and the counted points add up to it.
    pub fn appraisal_sheet(&self, a: &Appraisal, lang: Lang, fact: impl Fn(&Fact) -> String, exemption: impl Fn(Id) -> String) -> Sheet {
        let width = APPRAISAL_COLUMNS.len();
        let total = |label: Words, value: f64| {
            let mut row = vec![Cell::Empty; width];
            row[0] = Cell::text(say(lang, label));
            row[COUNTED] = Cell::Number(value);
            row
        };
        let rows = a
            .facts
            .iter()
            .map(|f| {
                let number = self.task_number(f.task).unwrap_or_default();
                let title = self.task(f.task).map(|t| t.title.get(lang)).unwrap_or_default();
                vec![
                    Cell::text(format!("{number} {title}").trim()),
                    Cell::text(fact(f)),
                    Cell::Number(f.points),
                    Cell::Number(f.counted()),
                    Cell::text(f.exempted_by.map(&exemption).unwrap_or_default()),
                ]
            })
            .collect();
        let unit = self.unit(a.unit).map(|u| u.name.get(lang)).unwrap_or_default();
        Sheet {
            name: say(lang, APPRAISAL_SHEET).into(),
            above: vec![
                vec![Cell::text(say(lang, APPRAISED_UNIT)), Cell::text(unit)],
                vec![Cell::text(say(lang, PERIOD)), Cell::text(format!("{}{}{}", a.from, say(lang, PERIOD_TO), a.to))],
                vec![Cell::text(say(lang, SCORE)), Cell::Number(a.score())],
            ],
            columns: columns(&APPRAISAL_COLUMNS, lang),
            rows,
            below: vec![total(BASE_SCORE, a.base), total(SCORE, a.score())],
        }
    }
}

/// What makes a spreadsheet read a cell as a formula. A text cell that
/// starts so is written after an apostrophe, which Excel and WPS show as
/// text and do not print (no formula runs from an exported task's title).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The sheet as RFC 4180 CSV for Excel: UTF-8 with a byte-order mark (so
/// Excel reads Chinese as Chinese), the lines above the table and an empty
/// line (when there are any), the header row, the rows, the lines below;
/// CRLF after every row; a field with a comma, a quote, CR or LF is quoted, its quotes
/// doubled; a text that a spreadsheet would run as a formula is
/// neutralised (`FORMULA_STARTS`). Numbers are written plainly ("3", "0.25"); an empty cell, and a
/// number that is not finite, is an empty field.
pub fn csv(sheet: &Sheet) -> String {
    let mut out = String::from('\u{feff}');
    let cells = |out: &mut String, row: &[Cell]| {
        put_row(
            out,
            row.iter().map(|c| match c {
                Cell::Text(s) if s.starts_with(FORMULA_STARTS) => Cow::Owned(format!("'{s}")),
                Cell::Text(s) => Cow::Borrowed(s.as_str()),
                Cell::Number(n) => Cow::Owned(number_text(*n)),
                Cell::Empty => Cow::Borrowed(""),
            }),
        )
    };
    for row in &sheet.above {
        cells(&mut out, row);
    }
    if !sheet.above.is_empty() {
        out.push_str("\r\n");
    }
    put_row(&mut out, sheet.columns.iter().map(|c| Cow::Borrowed(c.as_str())));
    for row in sheet.rows.iter().chain(&sheet.below) {
        cells(&mut out, row);
    }
    out
}

fn put_row<'a>(out: &mut String, fields: impl Iterator<Item = Cow<'a, str>>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        put_field(out, &f);
    }
    out.push_str("\r\n");
}

fn put_field(out: &mut String, f: &str) {
    if f.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(f);
    }
}

/// A number as a spreadsheet reads it: whole numbers without a decimal
/// point, others in their shortest exact form (through serde_json's
/// formatter, which the browser build links anyway); not finite: empty.
pub fn number_text(n: f64) -> String {
    if !n.is_finite() {
        return String::new();
    }
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        return (n as i64).to_string();
    }
    serde_json::Number::from_f64(n).map(|x| x.to_string()).unwrap_or_default()
}
