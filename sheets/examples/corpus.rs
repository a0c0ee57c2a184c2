//! Writes the corpus of responsibility tables under
//! `tests/fixtures/spreadsheets/`: the layouts supervision offices keep
//! their 责任分工表 in (a merged title and merged action column, a two-row
//! header, numbered heading rows, an explanation sheet first, other header
//! words, deadlines as people write them, CSV from a Chinese Excel, pasted
//! cells, English headers, a 1904 workbook, an old .xls), each with
//! `<name>.expected.json`: what the app should read from it, written from
//! the table as meant, not from a reading of the file.
//!
//! Run: `cargo run -p gongjian-sheets --example corpus`. The output is
//! deterministic; the files are checked in and `tests/corpus.rs` reads them.

#[path = "../tests/support/expected.rs"]
mod expected;
#[path = "../tests/support/xls.rs"]
mod xls;

use chrono::NaiveDate;
use expected::{Expected, Leaders, Sample};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use xls::{XlsCell, XlsSheet};

/// How a deadline cell is written.
#[derive(Clone, Copy)]
enum Due {
    Text(&'static str),
    /// An Excel date cell.
    Date(i32, u32, u32),
    /// The day's serial number in a plain number cell (no date format).
    Serial(i32, u32, u32),
}

/// A task as the table writes it, and as it should read.
struct Task {
    title: &'static str,
    /// The responsible-unit cell as written.
    unit_cell: &'static str,
    /// The co-organizer cell, when the layout has the column.
    co_cell: &'static str,
    due: Due,
    responsible: &'static [&'static str],
    co_organizers: &'static [&'static str],
    due_is: Option<(i32, u32, u32)>,
    /// Other columns (责任人, 联系电话, 量化指标, 进展情况), as the layout wants.
    more: &'static [&'static str],
    sample: bool,
}

struct Action {
    /// As the cell writes it (`一、优化营商环境攻坚行动`).
    cell: &'static str,
    /// As it should read (the number left off).
    title: &'static str,
    leader: &'static str,
    tasks: Vec<Task>,
}

#[allow(clippy::too_many_arguments)]
fn task(
    title: &'static str,
    unit_cell: &'static str,
    co_cell: &'static str,
    due: Due,
    responsible: &'static [&'static str],
    co_organizers: &'static [&'static str],
    due_is: Option<(i32, u32, u32)>,
) -> Task {
    Task { title, unit_cell, co_cell, due, responsible, co_organizers, due_is, more: &[], sample: false }
}

impl Task {
    fn sampled(mut self) -> Task {
        self.sample = true;
        self
    }
    fn with(mut self, more: &'static [&'static str]) -> Task {
        self.more = more;
        self
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

/// Excel's serial number of a day, 1900 system.
fn serial(y: i32, m: u32, d: u32) -> f64 {
    (day(y, m, d) - day(1899, 12, 30)).num_days() as f64
}

/// The leaders a leader cell of the corpus names, as (name, title).
fn leaders_in(cell: &str) -> Vec<(String, String)> {
    let pairs: &[(&str, &str)] = match cell {
        "" => &[],
        "王伟" => &[("王伟", "")],
        "李明" => &[("李明", "")],
        "王伟（区委常委、常务副区长）" => &[("王伟", "区委常委、常务副区长")],
        "李明（副区长）" => &[("李明", "副区长")],
        "张华（副区长）" => &[("张华", "副区长")],
        "李明（副区长）、陈静（副区长）" => &[("李明", "副区长"), ("陈静", "副区长")],
        "Wang Wei (Executive Deputy District Head)" => &[("Wang Wei", "Executive Deputy District Head")],
        "Zhang Hua (Deputy District Head)" => &[("Zhang Hua", "Deputy District Head")],
        other => panic!("say who the leader cell “{other}” names"),
    };
    pairs.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect()
}

/// What the app should read from `actions` on sheet `sheet`.
fn expect(about: &str, sheet: &str, actions: &[Action], problems: &[&str]) -> Expected {
    let mut units = BTreeSet::new();
    let mut samples = Vec::new();
    for a in actions {
        for t in &a.tasks {
            units.extend(t.responsible.iter().chain(t.co_organizers).map(|u| u.to_string()));
            if t.sample {
                samples.push(Sample {
                    action: a.title.into(),
                    task: t.title.into(),
                    responsible: t.responsible.iter().map(|s| s.to_string()).collect(),
                    co_organizers: t.co_organizers.iter().map(|s| s.to_string()).collect(),
                    due: t.due_is.map(|(y, m, d)| day(y, m, d).to_string()),
                });
            }
        }
    }
    let leaders = actions
        .iter()
        .filter(|a| !a.leader.is_empty())
        .map(|a| Leaders { action: a.title.into(), leaders: leaders_in(a.leader) })
        .collect();
    Expected {
        about: about.into(),
        leaders,
        sheet: sheet.into(),
        actions: actions.len(),
        tasks: actions.iter().map(|a| a.tasks.len()).sum(),
        units: units.into_iter().collect(),
        samples,
        problems: problems.iter().map(|p| p.to_string()).collect(),
    }
}

struct Formats {
    title: Format,
    header: Format,
    cell: Format,
    date: Format,
}

fn formats() -> Formats {
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::VerticalCenter);
    Formats {
        title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center),
        header: cell.clone().set_bold().set_align(FormatAlign::Center),
        date: cell.clone().set_num_format("yyyy年m月d日"),
        cell,
    }
}

fn write_due(ws: &mut Worksheet, row: u32, col: u16, due: Due, f: &Formats) -> Result<(), XlsxError> {
    match due {
        Due::Text(t) => ws.write_string_with_format(row, col, t, &f.cell)?,
        Due::Date(y, m, d) => ws.write_datetime_with_format(row, col, ExcelDateTime::from_ymd(y as u16, m as u8, d as u8)?, &f.date)?,
        Due::Serial(y, m, d) => ws.write_number_with_format(row, col, serial(y, m, d), &f.cell)?,
    };
    Ok(())
}

/// Write a cell; a blank one only gets its border.
fn put(ws: &mut Worksheet, row: u32, col: u16, text: &str, f: &Format) -> Result<(), XlsxError> {
    if text.is_empty() {
        ws.write_blank(row, col, f)?;
    } else {
        ws.write_string_with_format(row, col, text, f)?;
    }
    Ok(())
}

/// A value merged down over `rows` rows from `row` (or written once).
fn merged_down(ws: &mut Worksheet, row: u32, rows: usize, col: u16, text: &str, f: &Format) -> Result<(), XlsxError> {
    if rows > 1 {
        ws.merge_range(row, col, row + rows as u32 - 1, col, text, f)?;
    } else {
        put(ws, row, col, text, f)?;
    }
    Ok(())
}

fn header(ws: &mut Worksheet, row: u32, names: &[&str], widths: &[f64], f: &Formats) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *name, &f.header)?;
        ws.set_column_width(c as u16, widths.get(c).copied().unwrap_or(14.0))?;
    }
    Ok(())
}

const TITLE: &str = "罗湖区2023年重点攻坚任务责任分工表";

// ---- a. the seed's own layout ------------------------------------------------

fn seed_actions() -> Vec<Action> {
    vec![
        Action {
            cell: "一、社会治理体系和治理能力现代化攻坚行动",
            title: "社会治理体系和治理能力现代化攻坚行动",
            leader: "王伟（区委常委、常务副区长）",
            tasks: vec![
                task(
                    "建立“一格一警一员”基层治理机制",
                    "区委政法委、区公安分局",
                    "",
                    Due::Text("2023年6月底"),
                    &["区委政法委", "区公安分局"],
                    &[],
                    Some((2023, 6, 30)),
                ),
                task(
                    "推进“民生诉求”综合服务改革",
                    "区政务服务数据局",
                    "",
                    Due::Text("年底前"),
                    &["区政务服务数据局"],
                    &[],
                    Some((2023, 12, 31)),
                ),
                task(
                    "完成10个社区党群服务中心标准化建设",
                    "东门街道、桂园街道、黄贝街道",
                    "",
                    Due::Text("2023年9月30日"),
                    &["东门街道", "桂园街道", "黄贝街道"],
                    &[],
                    Some((2023, 9, 30)),
                )
                .sampled(),
            ],
        },
        Action {
            cell: "二、“20+8”产业集群塑造攻坚行动",
            title: "“20+8”产业集群塑造攻坚行动",
            leader: "李明（副区长）",
            tasks: vec![
                task(
                    "引进培育“20+8”产业链重点企业30家",
                    "区投资推广署",
                    "",
                    Due::Text("2023年12月底"),
                    &["区投资推广署"],
                    &[],
                    Some((2023, 12, 31)),
                ),
                task(
                    "建设罗湖区数字经济产业园",
                    "区工业和信息化局牵头，区科技创新局配合",
                    "",
                    Due::Text("第三季度"),
                    &["区工业和信息化局"],
                    &["区科技创新局"],
                    Some((2023, 9, 30)),
                )
                .sampled(),
            ],
        },
        Action {
            cell: "三、教育领域项目建设攻坚行动",
            title: "教育领域项目建设攻坚行动",
            leader: "张华（副区长）",
            tasks: vec![
                task(
                    "新建改扩建学校5所，新增学位5000个",
                    "区教育局、区建筑工务署",
                    "",
                    Due::Text("2023年8月31日前"),
                    &["区教育局", "区建筑工务署"],
                    &[],
                    Some((2023, 8, 31)),
                ),
                task("推进“名校+”集团化办学", "区教育局", "", Due::Text("长期坚持"), &["区教育局"], &[], None).sampled(),
            ],
        },
    ]
}

fn seed_layout(dir: &Path) -> Result<Expected, XlsxError> {
    let actions = seed_actions();
    let f = formats();
    let mut wb = workbook();
    let ws = wb.add_worksheet().set_name("责任分工表")?;
    ws.merge_range(0, 0, 0, 5, TITLE, &f.title)?;
    header(ws, 1, &["序号", "重点任务", "具体任务", "牵头区领导", "责任单位", "完成时限"], &[6.0, 24.0, 36.0, 18.0, 24.0, 14.0], &f)?;
    let mut row = 2u32;
    let mut n = 1;
    for a in &actions {
        merged_down(ws, row, a.tasks.len(), 1, a.cell, &f.cell)?;
        merged_down(ws, row, a.tasks.len(), 3, a.leader, &f.cell)?;
        for t in &a.tasks {
            ws.write_number_with_format(row, 0, n as f64, &f.cell)?;
            put(ws, row, 2, t.title, &f.cell)?;
            put(ws, row, 4, t.unit_cell, &f.cell)?;
            write_due(ws, row, 5, t.due, &f)?;
            row += 1;
            n += 1;
        }
    }
    ws.merge_range(
        row,
        0,
        row,
        5,
        "注：1. 本表由区委督查室汇总；2. 完成时限为最迟完成时间，各单位可提前完成。",
        &Format::new().set_text_wrap(),
    )?;
    save(&mut wb, dir, "seed_layout.xlsx")?;
    Ok(expect(
        "The seed's layout: a title merged across, 序号/重点任务/具体任务/牵头区领导/责任单位/完成时限, the key action and its leader merged down over its tasks, a note under the table.",
        "责任分工表",
        &actions,
        &[],
    ))
}

// ---- b. a two-row header, Excel dates ------------------------------------------

fn two_row_header(dir: &Path) -> Result<Expected, XlsxError> {
    let actions = vec![
        Action {
            cell: "笋岗—清水河片区建设城市副中心攻坚行动",
            title: "笋岗—清水河片区建设城市副中心攻坚行动",
            leader: "",
            tasks: vec![
                task(
                    "完成笋岗片区城市更新单元规划审批",
                    "区城市更新和土地整备局",
                    "区规划土地监察局",
                    Due::Date(2023, 6, 30),
                    &["区城市更新和土地整备局"],
                    &["区规划土地监察局"],
                    Some((2023, 6, 30)),
                ),
                task(
                    "推进清水河片区道路新建及提升",
                    "区建筑工务署",
                    "区交通运输局、清水河街道",
                    Due::Date(2023, 12, 31),
                    &["区建筑工务署"],
                    &["区交通运输局", "清水河街道"],
                    Some((2023, 12, 31)),
                )
                .sampled(),
            ],
        },
        Action {
            cell: "深港口岸经济带罗湖片区建设攻坚行动",
            title: "深港口岸经济带罗湖片区建设攻坚行动",
            leader: "",
            tasks: vec![
                task(
                    "推动罗湖口岸改造",
                    "区发展改革局",
                    "区口岸办",
                    Due::Date(2023, 10, 31),
                    &["区发展改革局"],
                    &["区口岸办"],
                    Some((2023, 10, 31)),
                )
                .sampled(),
                task(
                    "推进深港合作项目落地",
                    "区发展改革局",
                    "区商务局",
                    Due::Date(2023, 11, 30),
                    &["区发展改革局"],
                    &["区商务局"],
                    Some((2023, 11, 30)),
                ),
            ],
        },
    ];
    let f = formats();
    let mut wb = workbook();
    let ws = wb.add_worksheet().set_name("Sheet1")?;
    for (c, name) in [(0u16, "序号"), (1, "重点任务"), (2, "具体任务"), (5, "完成时限")] {
        ws.merge_range(0, c, 1, c, name, &f.header)?;
    }
    ws.merge_range(0, 3, 0, 4, "责任单位", &f.header)?;
    ws.write_string_with_format(1, 3, "牵头单位", &f.header)?;
    ws.write_string_with_format(1, 4, "配合单位", &f.header)?;
    for (c, w) in [6.0, 26.0, 34.0, 22.0, 24.0, 16.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    let mut row = 2;
    let mut n = 1;
    for a in &actions {
        merged_down(ws, row, a.tasks.len(), 1, a.cell, &f.cell)?;
        for t in &a.tasks {
            ws.write_number_with_format(row, 0, n as f64, &f.cell)?;
            put(ws, row, 2, t.title, &f.cell)?;
            put(ws, row, 3, t.unit_cell, &f.cell)?;
            put(ws, row, 4, t.co_cell, &f.cell)?;
            write_due(ws, row, 5, t.due, &f)?;
            row += 1;
            n += 1;
        }
    }
    save(&mut wb, dir, "two_row_header.xlsx")?;
    Ok(expect(
        "A two-row header: 责任单位 merged over 牵头单位 / 配合单位, the other headers merged down; deadlines as Excel date cells.",
        "Sheet1",
        &actions,
        &[],
    ))
}

// ---- c. numbered heading rows, no action column -----------------------------------

fn numbered_headings(dir: &Path) -> Result<Expected, XlsxError> {
    let actions = vec![
        Action {
            cell: "一、优化营商环境攻坚行动",
            title: "优化营商环境攻坚行动",
            leader: "",
            tasks: vec![
                task(
                    "深化商事制度改革，推行“一照通行”",
                    "区市场监管局",
                    "区政务服务数据局",
                    Due::Text("2023年6月底"),
                    &["区市场监管局"],
                    &["区政务服务数据局"],
                    Some((2023, 6, 30)),
                )
                .sampled()
                .with(&["（一）"]),
                task(
                    "建设企业服务“一站式”平台",
                    "区企业服务中心",
                    "",
                    Due::Text("2023年12月底"),
                    &["区企业服务中心"],
                    &[],
                    Some((2023, 12, 31)),
                )
                .with(&["（二）"]),
            ],
        },
        Action {
            cell: "二、城市更新攻坚行动",
            title: "城市更新攻坚行动",
            leader: "",
            tasks: vec![
                task(
                    "开工改造老旧小区12个",
                    "区住房建设局",
                    "各街道",
                    Due::Text("2023年10月31日"),
                    &["区住房建设局"],
                    &["各街道"],
                    Some((2023, 10, 31)),
                )
                .with(&["1."]),
                task(
                    "拆除消化违法建筑10万平方米",
                    "区城市更新和土地整备局",
                    "区规划土地监察局",
                    Due::Text("第四季度"),
                    &["区城市更新和土地整备局"],
                    &["区规划土地监察局"],
                    Some((2023, 12, 31)),
                )
                .with(&["2."]),
                task(
                    "完成东门步行街升级改造",
                    "东门街道",
                    "区商务局",
                    Due::Text("2023年9月底"),
                    &["东门街道"],
                    &["区商务局"],
                    Some((2023, 9, 30)),
                )
                .sampled()
                .with(&["3."]),
            ],
        },
    ];
    let f = formats();
    let mut wb = workbook();
    let ws = wb.add_worksheet().set_name("任务分解表")?;
    ws.merge_range(0, 0, 0, 4, "罗湖区2023年重点工作任务分解表", &f.title)?;
    header(ws, 1, &["序号", "工作任务", "责任单位", "配合单位", "完成时限"], &[8.0, 40.0, 24.0, 22.0, 16.0], &f)?;
    let mut row = 2;
    let heading = f.cell.clone().set_bold();
    for a in &actions {
        ws.merge_range(row, 0, row, 4, a.cell, &heading)?;
        row += 1;
        for t in &a.tasks {
            put(ws, row, 0, t.more[0], &f.cell)?;
            put(ws, row, 1, t.title, &f.cell)?;
            put(ws, row, 2, t.unit_cell, &f.cell)?;
            put(ws, row, 3, t.co_cell, &f.cell)?;
            write_due(ws, row, 4, t.due, &f)?;
            row += 1;
        }
    }
    save(&mut wb, dir, "numbered_headings.xlsx")?;
    Ok(expect(
        "No action column: each key action is a heading row (一、 二、) merged across the table, its tasks numbered （一） or 1. below it.",
        "任务分解表",
        &actions,
        &[],
    ))
}

// ---- d. an explanation sheet first, a hidden column, a hidden old sheet ---------------

fn explanation_sheet(dir: &Path) -> Result<Expected, XlsxError> {
    let actions = vec![
        Action {
            cell: "国际消费中心建设攻坚行动",
            title: "国际消费中心建设攻坚行动",
            leader: "王伟（区委常委、常务副区长）",
            tasks: vec![
                task(
                    "推进东门商圈改造提升",
                    "东门街道、区商务局",
                    "",
                    Due::Text("2023年12月31日"),
                    &["东门街道", "区商务局"],
                    &[],
                    Some((2023, 12, 31)),
                )
                .sampled()
                .with(&["陈静"]),
                task("举办“罗湖购物节”系列活动", "区商务局", "", Due::Text("2023年11月30日"), &["区商务局"], &[], Some((2023, 11, 30)))
                    .with(&["刘洋"]),
            ],
        },
        Action {
            cell: "总部经济攻坚行动",
            title: "总部经济攻坚行动",
            leader: "李明（副区长）",
            tasks: vec![
                task("新引进总部企业10家", "区投资推广署", "", Due::Text("年底前"), &["区投资推广署"], &[], Some((2023, 12, 31)))
                    .with(&["赵磊"]),
                task(
                    "出台总部企业扶持政策",
                    "区发展改革局牵头，区财政局配合",
                    "",
                    Due::Text("2023年3月底"),
                    &["区发展改革局"],
                    &["区财政局"],
                    Some((2023, 3, 31)),
                )
                .sampled()
                .with(&["孙丽"]),
            ],
        },
    ];
    let f = formats();
    let mut wb = workbook();
    let about = wb.add_worksheet().set_name("填表说明")?;
    about.set_column_width(0, 80)?;
    for (r, line) in [
        "填表说明",
        "1. 重点任务、具体任务按区委区政府部署填写，不得擅自修改；",
        "2. 责任单位请填写全称，多个单位之间用顿号隔开；",
        "3. 完成时限请填写具体日期，如：2023年6月30日；",
        "4. 请于每月5日前将进展情况报区委督查室。",
    ]
    .into_iter()
    .enumerate()
    {
        about.write_string(r as u32, 0, line)?;
    }
    let ws = wb.add_worksheet().set_name("任务清单")?;
    ws.merge_range(0, 0, 0, 7, TITLE, &f.title)?;
    header(
        ws,
        1,
        &["序号", "重点任务", "具体任务", "牵头区领导", "责任单位", "完成时限", "责任人", "备注"],
        &[6.0, 22.0, 30.0, 24.0, 26.0, 16.0, 10.0, 12.0],
        &f,
    )?;
    // The office keeps the people responsible to itself: the column is hidden.
    ws.set_column_hidden(6)?;
    let mut row = 2;
    let mut n = 1;
    for a in &actions {
        for t in &a.tasks {
            ws.write_number_with_format(row, 0, n as f64, &f.cell)?;
            put(ws, row, 1, a.cell, &f.cell)?;
            put(ws, row, 2, t.title, &f.cell)?;
            put(ws, row, 3, a.leader, &f.cell)?;
            put(ws, row, 4, t.unit_cell, &f.cell)?;
            write_due(ws, row, 5, t.due, &f)?;
            put(ws, row, 6, t.more[0], &f.cell)?;
            put(ws, row, 7, "", &f.cell)?;
            row += 1;
            n += 1;
        }
    }
    // Last year's table, hidden: more columns than this year's, so only its
    // being hidden keeps it from being picked.
    let old = wb.add_worksheet().set_name("2022年（旧）")?;
    header(old, 0, &["序号", "重点任务", "具体任务", "牵头区领导", "责任单位", "配合单位", "完成时限", "量化指标", "进展情况"], &[], &f)?;
    for (c, v) in ["1", "旧任务", "2022年的任务", "王伟", "区发展改革局", "区财政局", "2022年12月底", "", "已完成"].into_iter().enumerate()
    {
        put(old, 1, c as u16, v, &f.cell)?;
    }
    old.set_hidden(true);
    save(&mut wb, dir, "explanation_sheet.xlsx")?;
    Ok(expect(
        "A 填表说明 sheet before the table sheet, the action written on every row (not merged), a hidden column (责任人), and last year's table on a hidden sheet.",
        "任务清单",
        &actions,
        &[],
    ))
}

// ---- e. other header words, units and leaders written every way ---------------------

fn synonyms(dir: &Path) -> Result<Expected, XlsxError> {
    let actions = vec![
        Action {
            cell: "重大交通项目建设攻坚行动",
            title: "重大交通项目建设攻坚行动",
            leader: "王伟（区委常委、常务副区长）",
            tasks: vec![
                task(
                    "推进轨道交通25号线罗湖段前期工作",
                    "区发展改革局、区住房建设局",
                    "区交通运输局",
                    Due::Text("2023年12月底"),
                    &["区发展改革局", "区住房建设局"],
                    &["区交通运输局"],
                    Some((2023, 12, 31)),
                )
                .with(&["张明", "25666001", "完成工可批复", "已完成线位稳定"]),
                task(
                    "实施道路交通“微改造”工程",
                    "区城管局，区水务局",
                    "各街道",
                    Due::Text("2023年10月底"),
                    &["区城管局", "区水务局"],
                    &["各街道"],
                    Some((2023, 10, 31)),
                )
                .with(&["李娜", "25666002", "完成改造节点20个", ""]),
                task(
                    "推进布心路、东昌路提升改造",
                    "区建筑工务署;区交通运输局",
                    "",
                    Due::Text("2023年11月30日"),
                    &["区建筑工务署", "区交通运输局"],
                    &[],
                    Some((2023, 11, 30)),
                )
                .with(&["王强", "25666003", "完成提升改造3.5公里", ""]),
            ],
        },
        Action {
            cell: "空间拓展、提质增效攻坚行动",
            title: "空间拓展、提质增效攻坚行动",
            leader: "李明（副区长）、陈静（副区长）",
            tasks: vec![
                task(
                    "完成产业用地整备20万平方米",
                    "区城市更新和土地整备局/区规划土地监察局",
                    "清水河街道\n笋岗街道",
                    Due::Text("2023年12月31日"),
                    &["区城市更新和土地整备局", "区规划土地监察局"],
                    &["清水河街道", "笋岗街道"],
                    Some((2023, 12, 31)),
                )
                .sampled()
                .with(&["赵磊", "25666004", "整备产业用地20万平方米", ""]),
                task(
                    "盘活低效工业用房",
                    "区住房建设局牵头，区城管局、各街道配合",
                    "",
                    Due::Text("2023年9月30日"),
                    &["区住房建设局"],
                    &["区城管局", "各街道"],
                    Some((2023, 9, 30)),
                )
                .sampled()
                .with(&["孙丽", "25666005", "盘活面积5万平方米", "已完成摸查"]),
                task(
                    "推进城中村综合治理",
                    "区工业和信息化局\n区科技创新局",
                    "区城中村综合治理办公室；东晓街道",
                    Due::Text("上半年"),
                    &["区工业和信息化局", "区科技创新局"],
                    &["区城中村综合治理办公室", "东晓街道"],
                    Some((2023, 6, 30)),
                )
                .sampled()
                .with(&["周杰", "25666006", "", ""]),
            ],
        },
    ];
    let f = formats();
    let mut wb = workbook();
    let ws = wb.add_worksheet().set_name("专项行动任务表")?;
    let names =
        ["序号", "专项行动", "工作任务", "分管区领导", "承办单位", "协同单位", "责任人", "联系电话", "时间节点", "量化指标", "进展情况"];
    ws.merge_range(0, 0, 0, names.len() as u16 - 1, TITLE, &f.title)?;
    header(ws, 1, &names, &[6.0, 20.0, 30.0, 22.0, 26.0, 22.0, 8.0, 12.0, 14.0, 20.0, 16.0], &f)?;
    let mut row = 2;
    let mut n = 1;
    for a in &actions {
        merged_down(ws, row, a.tasks.len(), 1, a.cell, &f.cell)?;
        merged_down(ws, row, a.tasks.len(), 3, a.leader, &f.cell)?;
        for t in &a.tasks {
            ws.write_number_with_format(row, 0, n as f64, &f.cell)?;
            put(ws, row, 2, t.title, &f.cell)?;
            put(ws, row, 4, t.unit_cell, &f.cell)?;
            put(ws, row, 5, t.co_cell, &f.cell)?;
            put(ws, row, 6, t.more[0], &f.cell)?;
            // A telephone number, as a number (what Excel makes of one typed in).
            ws.write_number_with_format(row, 7, t.more[1].parse::<f64>().unwrap_or_default(), &f.cell)?;
            write_due(ws, row, 8, t.due, &f)?;
            put(ws, row, 9, t.more[2], &f.cell)?;
            put(ws, row, 10, t.more[3], &f.cell)?;
            row += 1;
            n += 1;
        }
    }
    save(&mut wb, dir, "synonyms.xlsx")?;
    Ok(expect(
        "Other header words (专项行动 / 工作任务 / 分管区领导 / 承办单位 / 协同单位 / 时间节点 / 责任人 / 联系电话 / 量化指标 / 进展情况); several units in one cell separated by 、，; / and line breaks; “X牵头，Y配合” in one cell; leaders with their titles in brackets, two in one cell; telephone numbers beside the deadline.",
        "专项行动任务表",
        &actions,
        &[],
    ))
}

// ---- f. deadlines as people write them ------------------------------------------------

fn deadlines(dir: &Path) -> Result<Expected, XlsxError> {
    const HUB: &str = "大梧桐新兴产业带（笋岗—东晓片区）分指挥部";
    let actions = vec![
        Action {
            cell: "产业引领、服务升级攻坚行动",
            title: "产业引领、服务升级攻坚行动",
            leader: "",
            tasks: vec![
                task("建立全区大招商联动机制", "区投资推广署", "", Due::Text("2023年12月底"), &["区投资推广署"], &[], Some((2023, 12, 31))),
                task("升级企业服务体系", "区企业服务中心", "", Due::Text("年底前"), &["区企业服务中心"], &[], Some((2023, 12, 31))),
                task(
                    "重点企业满意度达到95%以上",
                    "区企业服务中心",
                    "",
                    Due::Text("6月30日前"),
                    &["区企业服务中心"],
                    &[],
                    Some((2023, 6, 30)),
                ),
                task("企业诉求响应率达到100%", "区企业服务中心", "", Due::Text("第三季度"), &["区企业服务中心"], &[], Some((2023, 9, 30))),
                task(
                    "制定片区发展规划并启动建设",
                    "区发展改革局",
                    "",
                    Due::Text("6月底前完成方案，12月底前完成建设"),
                    &["区发展改革局"],
                    &[],
                    Some((2023, 12, 31)),
                ),
            ],
        },
        Action {
            cell: "大梧桐新兴产业带建设攻坚行动",
            title: "大梧桐新兴产业带建设攻坚行动",
            leader: "",
            tasks: vec![
                task("完成20万平方米产业项目用地出让", HUB, "", Due::Text("上半年"), &[HUB], &[], Some((2023, 6, 30))),
                task("推动供港仓库搬迁", HUB, "", Due::Text("长期坚持"), &[HUB], &[], None),
                task("推进7条道路新建及提升", "区建筑工务署", "", Due::Text("2023/6/30"), &["区建筑工务署"], &[], Some((2023, 6, 30))),
                task("推进河道修复", "区水务局", "", Due::Serial(2023, 9, 30), &["区水务局"], &[], Some((2023, 9, 30))),
                task("建设大梧桐新兴产业园", "区发展改革局", "", Due::Date(2023, 11, 15), &["区发展改革局"], &[], Some((2023, 11, 15))),
            ],
        },
    ];
    let actions: Vec<Action> =
        actions.into_iter().map(|a| Action { tasks: a.tasks.into_iter().map(Task::sampled).collect(), ..a }).collect();
    let f = formats();
    let mut wb = workbook();
    let ws = wb.add_worksheet().set_name("任务表")?;
    header(ws, 0, &["序号", "重点任务", "具体任务", "责任单位", "完成时限"], &[6.0, 26.0, 34.0, 30.0, 24.0], &f)?;
    let mut row = 1;
    let mut n = 1;
    for a in &actions {
        for (i, t) in a.tasks.iter().enumerate() {
            ws.write_number_with_format(row, 0, n as f64, &f.cell)?;
            // The action on its first row only: a blank below means the same.
            put(ws, row, 1, if i == 0 { a.cell } else { "" }, &f.cell)?;
            put(ws, row, 2, t.title, &f.cell)?;
            put(ws, row, 3, t.unit_cell, &f.cell)?;
            write_due(ws, row, 4, t.due, &f)?;
            row += 1;
            n += 1;
        }
    }
    save(&mut wb, dir, "deadlines.xlsx")?;
    Ok(expect(
        "Deadlines as people write them: 2023年12月底, 年底前, 6月30日前, 第三季度, two dates in one cell, 上半年, 长期坚持, 2023/6/30 as text, a serial number in a number cell, an Excel date; the action written once with blanks below it.",
        "任务表",
        &actions,
        &[],
    ))
}

// ---- g, h. text tables ---------------------------------------------------------------

/// A CSV field, quoted when it must be (Excel's way).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn consumption_actions() -> Vec<Action> {
    vec![
        Action {
            cell: "国际消费中心建设攻坚行动",
            title: "国际消费中心建设攻坚行动",
            leader: "王伟",
            tasks: vec![
                task("推进东门步行街升级改造", "东门街道", "", Due::Text("2023年9月30日"), &["东门街道"], &[], Some((2023, 9, 30))),
                task(
                    "打造罗湖“夜间经济”示范街区",
                    "区商务局、区文化广电旅游体育局",
                    "",
                    Due::Text("年底前"),
                    &["区商务局", "区文化广电旅游体育局"],
                    &[],
                    Some((2023, 12, 31)),
                )
                .sampled(),
            ],
        },
        Action {
            cell: "深港口岸经济带罗湖片区建设攻坚行动",
            title: "深港口岸经济带罗湖片区建设攻坚行动",
            leader: "李明",
            tasks: vec![
                task(
                    "推进罗湖口岸“一地两检”改造",
                    "区发展改革局牵头，区口岸办配合",
                    "",
                    Due::Text("2023年12月底"),
                    &["区发展改革局"],
                    &["区口岸办"],
                    Some((2023, 12, 31)),
                )
                .sampled(),
                task("推进深港合作项目落地，形成示范", "区商务局", "", Due::Text("第四季度"), &["区商务局"], &[], Some((2023, 12, 31)))
                    .sampled(),
            ],
        },
    ]
}

/// The seed's layout saved as CSV by Excel: the title in the first cell,
/// a merged cell's value in its first row only, the note at the end.
fn consumption_csv(actions: &[Action]) -> String {
    let mut lines = vec![format!("{TITLE},,,,,"), "序号,重点任务,具体任务,牵头区领导,责任单位,完成时限".to_string()];
    let mut n = 1;
    for a in actions {
        for (i, t) in a.tasks.iter().enumerate() {
            let due = match t.due {
                Due::Text(s) => s.to_string(),
                _ => unreachable!("text tables write their deadlines as text"),
            };
            let first = i == 0;
            let cells = [
                n.to_string(),
                if first { a.cell.into() } else { String::new() },
                t.title.into(),
                if first { a.leader.into() } else { String::new() },
                t.unit_cell.into(),
                due,
            ];
            lines.push(cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","));
            n += 1;
        }
    }
    lines.push("注：本表数据截至2023年2月。,,,,,".into());
    lines.join("\r\n") + "\r\n"
}

fn gb18030_csv(dir: &Path) -> std::io::Result<Expected> {
    let actions = consumption_actions();
    let text = consumption_csv(&actions);
    let (bytes, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad, "every character is in GB18030");
    std::fs::write(dir.join("gb18030.csv"), &bytes)?;
    Ok(expect(
        "The seed's layout saved as “CSV (逗号分隔)” by a Chinese Excel: GB18030 without a byte-order mark, CRLF, merged cells' values in their first row only.",
        "gb18030.csv",
        &actions,
        &[],
    ))
}

fn utf8_bom_csv(dir: &Path) -> std::io::Result<Expected> {
    let actions = consumption_actions();
    let text = format!("\u{feff}{}", consumption_csv(&actions));
    std::fs::write(dir.join("utf8_bom.csv"), text.as_bytes())?;
    Ok(expect("The same table saved as “CSV UTF-8”: a byte-order mark.", "utf8_bom.csv", &actions, &[]))
}

fn pasted_tsv(dir: &Path) -> std::io::Result<Expected> {
    let actions = vec![Action {
        cell: "“20+8”产业集群塑造攻坚行动",
        title: "“20+8”产业集群塑造攻坚行动",
        leader: "",
        tasks: vec![
            task(
                "建设罗湖区数字经济产业园",
                "区工业和信息化局\n区科技创新局",
                "",
                Due::Text("2023年9月底"),
                &["区工业和信息化局", "区科技创新局"],
                &[],
                Some((2023, 9, 30)),
            )
            .sampled(),
            task(
                "引进培育产业链重点企业30家",
                "区投资推广署",
                "",
                Due::Text("2023年12月31日"),
                &["区投资推广署"],
                &[],
                Some((2023, 12, 31)),
            )
            .sampled(),
        ],
    }];
    // What Excel puts on the clipboard: tabs, CRLF, a cell with a line
    // break in quotes; the merged action in its first row only.
    let mut text = String::from("重点任务\t具体任务\t责任单位\t完成时限\r\n");
    for (i, t) in actions[0].tasks.iter().enumerate() {
        let Due::Text(due) = t.due else { unreachable!("text") };
        let unit = if t.unit_cell.contains('\n') { format!("\"{}\"", t.unit_cell) } else { t.unit_cell.to_string() };
        text.push_str(&format!("{}\t{}\t{unit}\t{due}\r\n", if i == 0 { actions[0].cell } else { "" }, t.title));
    }
    std::fs::write(dir.join("pasted.tsv"), text.as_bytes())?;
    Ok(expect(
        "Cells copied from Excel and saved as they were pasted: tab-separated, a cell with a line break in quotes.",
        "pasted.tsv",
        &actions,
        &[],
    ))
}

// ---- i. English headers ------------------------------------------------------------------

fn english(dir: &Path) -> Result<Expected, XlsxError> {
    let actions = vec![
        Action {
            cell: "Modernizing the social governance system and capacity",
            title: "Modernizing the social governance system and capacity",
            leader: "Wang Wei (Executive Deputy District Head)",
            tasks: vec![
                task(
                    "Set up the grid-based community governance mechanism",
                    "District Political and Legal Affairs Commission, District Public Security Bureau",
                    "Dongmen Sub-district",
                    Due::Date(2023, 6, 30),
                    &["District Political and Legal Affairs Commission", "District Public Security Bureau"],
                    &["Dongmen Sub-district"],
                    Some((2023, 6, 30)),
                )
                .sampled(),
                task(
                    "Reform the public service hotline",
                    "District Government Services and Data Administration",
                    "",
                    Due::Text("2023-12-31"),
                    &["District Government Services and Data Administration"],
                    &[],
                    Some((2023, 12, 31)),
                ),
            ],
        },
        Action {
            cell: "Building the education projects",
            title: "Building the education projects",
            leader: "Zhang Hua (Deputy District Head)",
            tasks: vec![task(
                "Build or extend five schools",
                "District Education Bureau",
                "District Public Works Administration; District Finance Bureau",
                Due::Date(2023, 8, 31),
                &["District Education Bureau"],
                &["District Public Works Administration", "District Finance Bureau"],
                Some((2023, 8, 31)),
            )
            .sampled()],
        },
    ];
    let f = formats();
    let mut wb = workbook();
    let ws = wb.add_worksheet().set_name("Responsibilities")?;
    header(
        ws,
        0,
        &["Key action", "Task", "Leader", "Responsible unit", "Co-organizers", "Due date"],
        &[36.0, 44.0, 30.0, 44.0, 40.0, 14.0],
        &f,
    )?;
    let date = f.cell.clone().set_num_format("yyyy-mm-dd");
    let f = Formats { date, ..f };
    let mut row = 1;
    for a in &actions {
        merged_down(ws, row, a.tasks.len(), 0, a.cell, &f.cell)?;
        merged_down(ws, row, a.tasks.len(), 2, a.leader, &f.cell)?;
        for t in &a.tasks {
            put(ws, row, 1, t.title, &f.cell)?;
            put(ws, row, 3, t.unit_cell, &f.cell)?;
            put(ws, row, 4, t.co_cell, &f.cell)?;
            write_due(ws, row, 5, t.due, &f)?;
            row += 1;
        }
    }
    save(&mut wb, dir, "english.xlsx")?;
    Ok(expect(
        "English headers (Key action / Task / Leader / Responsible unit / Co-organizers / Due date), units separated by commas and semicolons, dates as date cells and as text.",
        "Responsibilities",
        &actions,
        &[],
    ))
}

// ---- j. a 1904 workbook -------------------------------------------------------------------

fn date1904(dir: &Path) -> Result<Expected, Box<dyn std::error::Error>> {
    let actions = vec![Action {
        cell: "国际消费中心建设攻坚行动",
        title: "国际消费中心建设攻坚行动",
        leader: "",
        tasks: vec![
            task("推进东门步行街升级改造", "东门街道", "", Due::Date(2023, 9, 30), &["东门街道"], &[], Some((2023, 9, 30))).sampled(),
            task("举办“罗湖购物节”系列活动", "区商务局", "", Due::Date(2023, 11, 30), &["区商务局"], &[], Some((2023, 11, 30))).sampled(),
        ],
    }];
    let f = formats();
    let mut wb = workbook();
    let ws = wb.add_worksheet().set_name("Sheet1")?;
    header(ws, 0, &["重点任务", "具体任务", "责任单位", "完成时限"], &[26.0, 30.0, 16.0, 16.0], &f)?;
    merged_down(ws, 1, actions[0].tasks.len(), 0, actions[0].cell, &f.cell)?;
    for (i, t) in actions[0].tasks.iter().enumerate() {
        let row = 1 + i as u32;
        put(ws, row, 1, t.title, &f.cell)?;
        put(ws, row, 2, t.unit_cell, &f.cell)?;
        let Due::Date(y, m, d) = t.due else { unreachable!("dates") };
        // Old Mac Excel counts from 1904: the same day is 1462 less.
        ws.write_number_with_format(row, 3, serial(y, m, d) - 1462.0, &f.date)?;
    }
    let bytes = wb.save_to_buffer()?;
    // rust_xlsxwriter writes the 1900 system only: say 1904 in workbook.xml.
    let bytes = rewrite_entry(&bytes, "xl/workbook.xml", |xml| xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1))?;
    std::fs::write(dir.join("date1904.xlsx"), bytes)?;
    Ok(expect("A workbook in the 1904 date system (old Mac Excel): its date cells count from 1904.", "Sheet1", &actions, &[]))
}

/// The zip with one entry's text changed.
fn rewrite_entry(bytes: &[u8], name: &str, change: impl Fn(&str) -> String) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i)?;
        let entry = f.name()?.to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data)?;
        if entry == name {
            data = change(&String::from_utf8(data)?).into_bytes();
        }
        out.start_file(entry, options)?;
        out.write_all(&data)?;
    }
    Ok(out.finish()?.into_inner())
}

// ---- k. an old .xls ----------------------------------------------------------------------

fn old_excel(dir: &Path) -> std::io::Result<Expected> {
    let actions = seed_actions();
    let text = |s: &str| XlsCell::Text(s.to_string());
    let mut cells = vec![(0u16, 0u16, text(TITLE))];
    for (c, h) in ["序号", "重点任务", "具体任务", "牵头区领导", "责任单位", "完成时限"].into_iter().enumerate() {
        cells.push((1, c as u16, text(h)));
    }
    let mut merged = vec![(0u16, 0u16, 0u16, 5u16)];
    let mut row = 2u16;
    let mut n = 1.0;
    for a in &actions {
        let last = row + a.tasks.len() as u16 - 1;
        cells.push((row, 1, text(a.cell)));
        cells.push((row, 3, text(a.leader)));
        if last > row {
            merged.push((row, last, 1, 1));
            merged.push((row, last, 3, 3));
        }
        for t in &a.tasks {
            cells.push((row, 0, XlsCell::Number(n)));
            cells.push((row, 2, text(t.title)));
            cells.push((row, 4, text(t.unit_cell)));
            // WPS keeps a deadline it recognizes as a date cell.
            let due = match (t.due, t.due_is) {
                (Due::Text(s), Some((y, m, d))) if s.ends_with('日') => XlsCell::Date(serial(y, m, d)),
                (Due::Text(s), _) => text(s),
                _ => unreachable!("the seed's deadlines are text"),
            };
            cells.push((row, 5, due));
            row += 1;
            n += 1.0;
        }
    }
    let hidden = XlsSheet {
        name: "Sheet2".into(),
        hidden: true,
        cells: vec![(0, 0, text("具体任务")), (0, 1, text("责任单位")), (0, 2, text("完成时限")), (0, 3, text("备注"))],
        merged: vec![],
        hidden_columns: vec![],
    };
    // The people responsible, in a column the office keeps hidden.
    cells.push((1, 6, text("责任人")));
    for (i, person) in ["陈静", "刘洋", "赵磊", "孙丽", "周杰", "张明", "李娜"].into_iter().enumerate() {
        cells.push((2 + i as u16, 6, text(person)));
    }
    let sheets = [XlsSheet { name: "重点任务".into(), hidden: false, cells, merged, hidden_columns: vec![6] }, hidden];
    std::fs::write(dir.join("old_excel.xls"), xls::xls(&sheets, false))?;
    Ok(expect(
        "The seed's layout as an old .xls (BIFF8, as WPS and Excel 2003 save it): merged title and action cells, a date cell, a hidden column of the people responsible, a hidden second sheet.",
        "重点任务",
        &actions,
        &[],
    ))
}

/// A workbook as an office would have made it, dated the same every run
/// (so the checked-in files change only when the tables do).
fn workbook() -> Workbook {
    let mut wb = Workbook::new();
    let made = ExcelDateTime::from_ymd(2023, 2, 1).expect("a real day");
    wb.set_properties(&DocProperties::new().set_author("区委督查室").set_creation_datetime(&made));
    wb
}

fn save(wb: &mut Workbook, dir: &Path, name: &str) -> Result<(), XlsxError> {
    let bytes = wb.save_to_buffer()?;
    std::fs::write(dir.join(name), bytes).map_err(XlsxError::IoError)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spreadsheets");
    std::fs::create_dir_all(&dir)?;
    let all: Vec<(&str, Expected)> = vec![
        ("seed_layout.xlsx", seed_layout(&dir)?),
        ("two_row_header.xlsx", two_row_header(&dir)?),
        ("numbered_headings.xlsx", numbered_headings(&dir)?),
        ("explanation_sheet.xlsx", explanation_sheet(&dir)?),
        ("synonyms.xlsx", synonyms(&dir)?),
        ("deadlines.xlsx", deadlines(&dir)?),
        ("gb18030.csv", gb18030_csv(&dir)?),
        ("utf8_bom.csv", utf8_bom_csv(&dir)?),
        ("pasted.tsv", pasted_tsv(&dir)?),
        ("english.xlsx", english(&dir)?),
        ("date1904.xlsx", date1904(&dir)?),
        ("old_excel.xls", old_excel(&dir)?),
    ];
    for (name, expected) in &all {
        let json = serde_json::to_string_pretty(expected)? + "\n";
        std::fs::write(dir.join(format!("{name}.expected.json")), json)?;
        println!("{name}: {} actions, {} tasks", expected.actions, expected.tasks);
    }
    Ok(())
}
