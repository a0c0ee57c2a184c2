//! Reading a responsibility table from a spreadsheet's cells.

use super::date;
use crate::domain::sheet_in::when::{number_day, read_when, serial_day, serial_of, DateSystem, When};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

#[test]
fn deadlines_read_as_people_write_them() {
    let y = 2023;
    let on = |s: &str| read_when(s, y);
    assert_eq!(on("2023-12-31"), When::On(date(2023, 12, 31)));
    assert_eq!(on("2023/6/30"), When::On(date(2023, 6, 30)));
    assert_eq!(on("2023.6.30"), When::On(date(2023, 6, 30)));
    assert_eq!(on("2023年12月31日"), When::On(date(2023, 12, 31)));
    assert_eq!(on("2023年12月底"), When::On(date(2023, 12, 31)));
    assert_eq!(on("2024年2月底前"), When::On(date(2024, 2, 29)));
    assert_eq!(on("12月底"), When::On(date(2023, 12, 31)));
    assert_eq!(on("年底"), When::On(date(2023, 12, 31)));
    assert_eq!(on("年底前"), When::On(date(2023, 12, 31)));
    assert_eq!(on("年内"), When::On(date(2023, 12, 31)));
    assert_eq!(on("6月30日前"), When::On(date(2023, 6, 30)));
    assert_eq!(on("6月30号"), When::On(date(2023, 6, 30)));
    assert_eq!(on("第三季度"), When::On(date(2023, 9, 30)));
    assert_eq!(on("三季度末"), When::On(date(2023, 9, 30)));
    assert_eq!(on("2023年第一季度"), When::On(date(2023, 3, 31)));
    assert_eq!(on("上半年"), When::On(date(2023, 6, 30)));
    assert_eq!(on("下半年"), When::On(date(2023, 12, 31)));
    assert_eq!(on("二〇二三年十二月三十一日"), When::On(date(2023, 12, 31)));
    assert_eq!(on("十月底前完成"), When::On(date(2023, 10, 31)));
    assert_eq!(on("２０２３年６月３０日"), When::On(date(2023, 6, 30)));
    assert_eq!(on("6.30前"), When::On(date(2023, 6, 30)));
    assert_eq!(on(" 2023 年 9 月 "), When::On(date(2023, 9, 30)));
    assert_eq!(on("2023年"), When::On(date(2023, 12, 31)));
}

#[test]
fn several_days_give_the_last_and_a_range_its_end() {
    assert_eq!(read_when("6月底前完成方案，12月底前完成建设", 2023), When::Last(date(2023, 12, 31)));
    assert_eq!(read_when("2022年3月-12月", 2023), When::Last(date(2022, 12, 31)));
    assert_eq!(read_when("2022年3月至2023年6月", 2023), When::Last(date(2023, 6, 30)));
}

#[test]
fn work_that_goes_on_has_no_deadline_and_nonsense_is_unreadable() {
    assert_eq!(read_when("长期坚持", 2023), When::Ongoing);
    assert_eq!(read_when("持续推进", 2023), When::Ongoing);
    assert_eq!(read_when("每月", 2023), When::Ongoing);
    assert_eq!(read_when("", 2023), When::Blank);
    assert_eq!(read_when(" — ", 2023), When::Blank);
    assert_eq!(read_when("尽快", 2023), When::Unreadable);
    assert_eq!(read_when("2023年13月", 2023), When::Unreadable);
    assert_eq!(read_when("2月30日", 2023), When::Unreadable);
    assert_eq!(read_when("一批项目", 2023), When::Unreadable);
    assert_eq!(When::Ongoing.day(), None);
}

#[test]
fn excel_serial_dates_in_both_systems() {
    assert_eq!(serial_day(45291.0, DateSystem::From1900), Some(date(2023, 12, 31)));
    assert_eq!(serial_day(45291.75, DateSystem::From1900), Some(date(2023, 12, 31)));
    assert_eq!(serial_day(43829.0, DateSystem::From1904), Some(date(2023, 12, 31)));
    assert_eq!(serial_day(61.0, DateSystem::From1900), Some(date(1900, 3, 1)));
    // Excel's 29 February 1900, which never was, and nonsense.
    assert_eq!(serial_day(60.0, DateSystem::From1900), None);
    assert_eq!(serial_day(-3.0, DateSystem::From1900), None);
    assert_eq!(serial_day(f64::NAN, DateSystem::From1900), None);
    assert_eq!(serial_day(1e12, DateSystem::From1900), None);
    // A number in a deadline column is a date only when it is a plausible one.
    assert_eq!(number_day(3.0, DateSystem::From1900), None);
    assert_eq!(number_day(45291.0, DateSystem::From1900), Some(date(2023, 12, 31)));
}

fn last_of(y: i32, m: u32) -> NaiveDate {
    let next = if m == 12 { date(y + 1, 1, 1) } else { date(y, m + 1, 1) };
    next.pred_opt().unwrap()
}

/// Digits as a Chinese document may write them.
fn zh_number(n: u32) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        _ if n.is_multiple_of(10) => format!("{}十", D[(n / 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
    }
}

fn zh_year(y: i32) -> String {
    y.to_string().chars().map(|c| ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'][c.to_digit(10).unwrap() as usize]).collect()
}

fn full_width(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap() } else { c }).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any day, written in any of the ways a table writes a day, reads back
    /// as that day, with or without "前" after it.
    #[test]
    fn a_day_written_any_way_reads_back(days in 0i64..(365 * 150), form in 0usize..8, before in any::<bool>(), plan_year in 1990i32..2090) {
        let d = date(1950, 1, 1) + chrono::Duration::days(days);
        let (y, m, dd) = (d.year(), d.month(), d.day());
        let text = match form {
            0 => format!("{y}-{m:02}-{dd:02}"),
            1 => format!("{y}/{m}/{dd}"),
            2 => format!("{y}.{m}.{dd}"),
            3 => format!("{y}年{m}月{dd}日"),
            4 => format!("{y}年{m}月{dd}号"),
            5 => full_width(&format!("{y}年{m}月{dd}日")),
            6 => format!("{}年{}月{}日", zh_year(y), zh_number(m), zh_number(dd)),
            _ => format!("{y} 年 {m} 月 {dd} 日"),
        };
        let text = if before { format!("{text}前") } else { text };
        prop_assert_eq!(read_when(&text, plan_year), When::On(d));
    }

    /// A month without a day is its last day; the plan's year fills a
    /// year left out.
    #[test]
    fn a_month_reads_as_its_last_day(y in 1990i32..2090, m in 1u32..=12, form in 0usize..4) {
        let text = match form {
            0 => format!("{y}年{m}月底"),
            1 => format!("{m}月底前"),
            2 => format!("{}月末", zh_number(m)),
            _ => format!("{y}-{m}"),
        };
        prop_assert_eq!(read_when(&text, y), When::On(last_of(y, m)));
    }

    /// A serial date and the day it stands for go both ways.
    #[test]
    fn serial_dates_go_both_ways(days in 0i64..(365 * 150)) {
        let d = date(1950, 1, 1) + chrono::Duration::days(days);
        prop_assert_eq!(serial_day(serial_of(d), DateSystem::From1900), Some(d));
        prop_assert_eq!(serial_day(serial_of(d) - 1462.0, DateSystem::From1904), Some(d));
    }

    /// Whatever is typed, the reader answers and never panics; a day it
    /// gives is a real one.
    #[test]
    fn any_text_is_answered(text in "\\PC{0,40}", y in 1900i32..2200) {
        let _ = read_when(&text, y).day();
    }

    /// Text made of date words and digits, the likeliest to trip a scanner.
    #[test]
    fn date_like_noise_is_answered(text in "[0-9０-９年月日号底末前第季度上下半至/.十一二三〇-]{0,24}", y in 1990i32..2090) {
        let _ = read_when(&text, y);
    }
}

// ---- the table in a sheet ---------------------------------------------------

use crate::domain::sheet_in::columns::{by_content, by_header, find_header, Column};
use crate::domain::sheet_in::grid::{address, from_csv, from_tsv, place, Book, Got, Grid, Span};
use crate::domain::sheet_in::names::{leader, leaders, roles, split_units};
use crate::domain::sheet_in::structure::{numbering, pick_sheet, read, year_in, Saying};

fn t(s: &str) -> Got {
    if s.is_empty() {
        Got::Empty
    } else {
        Got::Text(s.into())
    }
}

fn grid(name: &str, rows: &[&[&str]]) -> Grid {
    Grid { name: name.into(), rows: rows.iter().map(|r| r.iter().map(|c| t(c)).collect()).collect(), ..Grid::default() }
}

fn book(g: Grid) -> Book {
    Book { sheets: vec![g], ..Book::default() }
}

#[test]
fn headers_are_found_by_the_words_offices_use() {
    assert_eq!(by_header("专项行动"), Some(Column::Action));
    assert_eq!(by_header("攻坚行动"), Some(Column::Action));
    assert_eq!(by_header("任务内容"), Some(Column::Task));
    assert_eq!(by_header("分管区领导"), Some(Column::Leader));
    assert_eq!(by_header("总牵头区领导"), Some(Column::Leader));
    assert_eq!(by_header("总牵头单位"), Some(Column::LeadUnit));
    assert_eq!(by_header("承办单位"), Some(Column::Responsible));
    assert_eq!(by_header("配合单位"), Some(Column::CoOrganizers));
    assert_eq!(by_header("时间节点"), Some(Column::Due));
    assert_eq!(by_header("截止日期"), Some(Column::Due));
    assert_eq!(by_header("具体进展"), Some(Column::Progress));
    assert_eq!(by_header("量化指标"), Some(Column::Target));
    assert_eq!(by_header("责 任 人"), Some(Column::Person));
    assert_eq!(by_header("Due date"), Some(Column::Due));
    assert_eq!(by_header("Overall leading unit"), Some(Column::LeadUnit));
    assert_eq!(by_header("Overall leading district leader"), Some(Column::Leader));
    assert_eq!(by_header("Responsible unit"), Some(Column::Responsible));
    assert_eq!(by_header("No."), Some(Column::Number));
    assert_eq!(by_header("Notes"), Some(Column::Ignore));
    assert_eq!(by_header("推进罗湖区重点项目建设任务"), None);
    assert_eq!(by_header(""), None);
}

#[test]
fn cells_name_several_units_and_roles() {
    assert_eq!(split_units("区发展改革局、区住房建设局"), ["区发展改革局", "区住房建设局"]);
    assert_eq!(
        split_units("区发展改革局，区住房建设局;各街道\n区城管局/区水务局、区发展改革局"),
        ["区发展改革局", "区住房建设局", "各街道", "区城管局", "区水务局"]
    );
    assert_eq!(
        roles("区住房建设局牵头，区城管局、各街道配合"),
        (vec!["区住房建设局".to_string()], vec!["区城管局".to_string(), "各街道".to_string()])
    );
    assert_eq!(roles("区发展改革局、区财政局"), (vec!["区发展改革局".to_string(), "区财政局".to_string()], vec![]));
    assert_eq!(leader("王伟（区委常委、常务副区长）"), ("王伟".to_string(), "区委常委、常务副区长".to_string()));
    assert_eq!(leader("常务副区长 王伟"), ("王伟".to_string(), "常务副区长".to_string()));
    assert_eq!(leader("副区长李明"), ("李明".to_string(), "副区长".to_string()));
    assert_eq!(leader("Lu Yi"), ("Lu Yi".to_string(), String::new()));
    assert_eq!(
        leaders("王伟（区委常委、常务副区长）、李明"),
        [("王伟".to_string(), "区委常委、常务副区长".to_string()), ("李明".to_string(), String::new())]
    );
}

#[test]
fn numbers_say_how_deep_a_row_sits() {
    assert_eq!(numbering("一、优化营商环境").map(|(l, n, r)| (l, n, r.to_string())), Some((0, "一、".into(), "优化营商环境".into())));
    assert_eq!(numbering("（二）推进").map(|(l, ..)| l), Some(1));
    assert_eq!(numbering("3.推进").map(|(l, n, _)| (l, n)), Some((2, "3".into())));
    assert_eq!(numbering("9.2").map(|(l, n, _)| (l, n)), Some((4, "9.2".into())));
    assert_eq!(numbering("（1）").map(|(l, ..)| l), Some(5));
    assert_eq!(numbering("区发展改革局"), None);
    assert_eq!(numbering("2023年"), None);
}

#[test]
fn places_are_named_as_a_spreadsheet_names_them() {
    assert_eq!(address(13, 5), "F14");
    assert_eq!(address(0, 26), "AA1");
    assert_eq!(place("任务清单", 13, 5), "任务清单!F14");
    assert_eq!(year_in("罗湖区2023年重点工作责任分工表"), Some(2023));
    assert_eq!(year_in("责任分工表"), None);
}

/// The seed's layout: a title merged across, the key action merged down
/// over its tasks, its leader and leading unit likewise.
#[test]
fn a_merged_action_column_carries_down_over_its_tasks() {
    let mut g = grid(
        "任务清单",
        &[
            &["罗湖区2023年重点工作责任分工表", "", "", "", "", ""],
            &["序号", "重点任务", "具体任务", "牵头区领导", "责任单位", "完成时限"],
            &["1", "一、优化营商环境攻坚行动", "推进商事登记改革", "王伟（常务副区长）", "区市场监管局", "2023年6月底"],
            &["2", "", "建设政务服务中心", "", "区政务服务数据局、区住房建设局", "年底前"],
            &["3", "二、城市更新攻坚行动", "开工改造老旧小区", "李明", "区城市更新局牵头，各街道配合", "长期坚持"],
            &["4", "", "拆除违法建筑", "", "", "第三季度"],
            &["注：本表由督查室汇总", "", "", "", "", ""],
        ],
    );
    g.merged = vec![
        Span { rows: (0, 0), cols: (0, 5) },
        Span { rows: (2, 3), cols: (1, 1) },
        Span { rows: (2, 3), cols: (3, 3) },
        Span { rows: (4, 5), cols: (1, 1) },
        Span { rows: (4, 5), cols: (3, 3) },
    ];
    let r = read(&book(g), 0, 2022, None);
    assert_eq!(r.title.as_deref(), Some("罗湖区2023年重点工作责任分工表"));
    assert_eq!(r.year, Some(2023));
    let titles: Vec<&str> = r.actions.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["优化营商环境攻坚行动", "城市更新攻坚行动"]);
    assert_eq!(r.actions[0].number, "一、");
    assert_eq!(r.actions[0].leaders, [("王伟".to_string(), "常务副区长".to_string())]);
    assert_eq!(r.actions[0].tasks.len(), 2);
    assert_eq!(r.actions[0].tasks[0].due, Some(date(2023, 6, 30)));
    assert_eq!(r.actions[0].tasks[1].responsible, ["区政务服务数据局", "区住房建设局"]);
    assert_eq!(r.actions[0].tasks[1].due, Some(date(2023, 12, 31)));
    let renew = &r.actions[1].tasks[0];
    assert_eq!(
        (renew.responsible.as_slice(), renew.co_organizers.as_slice()),
        (&["区城市更新局".to_string()][..], &["各街道".to_string()][..])
    );
    assert_eq!(renew.due, None);
    assert_eq!(r.actions[1].tasks[1].due, Some(date(2023, 9, 30)));
    // What it has to say, and where.
    assert!(r.said.iter().any(|s| s.place == "任务清单!F5" && matches!(s.what, Saying::Ongoing(_)) && !s.problem));
    assert!(r.said.iter().any(|s| s.place == "任务清单!E6" && s.what == Saying::NoUnit));
    assert!(r.said.iter().any(|s| s.place == "任务清单!A7" && matches!(s.what, Saying::Note(_))));
    assert_eq!(r.tasks(), 4);
}

/// The app's own export: action rows and task rows in one column, told
/// apart by their numbers (7 over 7.1).
#[test]
fn action_rows_between_task_rows_are_told_by_their_numbers() {
    let g = grid(
        "责任分工表",
        &[
            &["序号", "具体任务", "总牵头区领导", "总牵头单位", "责任单位", "协办单位", "完成时限", "状态"],
            &["1", "优化营商环境", "王伟", "区发展改革局", "", "", "", "绿灯"],
            &["1.1", "推进商事登记改革", "", "", "区市场监管局 · 张三", "区司法局", "2022-06-30", "绿灯"],
            &["1.2", "建设政务服务中心", "", "", "区政务服务数据局", "", "2022-12-31", "红灯：任务逾期 3 天"],
            &["2", "城市更新", "李明", "区城市更新局", "", "", "", ""],
            &["2.1", "开工改造老旧小区", "", "", "区城市更新局", "各街道", "2022-09-30", ""],
        ],
    );
    let r = read(&book(g), 0, 2022, None);
    assert_eq!(r.actions.len(), 2);
    assert_eq!(r.actions[0].leading_units, ["区发展改革局"]);
    let t = &r.actions[0].tasks[0];
    assert_eq!(
        (t.number.as_str(), t.responsible.as_slice(), t.person.as_deref()),
        ("1.1", &["区市场监管局".to_string()][..], Some("张三"))
    );
    assert_eq!(t.co_organizers, ["区司法局"]);
    assert_eq!(r.actions[1].tasks[0].due, Some(date(2022, 9, 30)));
    assert!(r.said.iter().all(|s| !s.problem), "{:?}", r.said);
}

/// Headings merged across the row (一、…) between the task rows; a
/// two-row header (责任单位 over 牵头 / 配合).
#[test]
fn heading_rows_and_a_two_row_header() {
    let mut g = grid(
        "Sheet1",
        &[
            &["序号", "工作任务", "责任单位", "责任单位", "时间节点"],
            &["", "", "牵头", "配合", ""],
            &["一、营商环境", "一、营商环境", "一、营商环境", "一、营商环境", "一、营商环境"],
            &["1", "推进商事登记改革", "区市场监管局", "区司法局", "2023/6/30"],
            &["二、城市更新", "", "", "", ""],
            &["2", "开工改造老旧小区", "区城市更新局", "", "45291"],
        ],
    );
    g.merged = vec![
        Span { rows: (0, 1), cols: (0, 0) },
        Span { rows: (0, 1), cols: (1, 1) },
        Span { rows: (0, 0), cols: (2, 3) },
        Span { rows: (0, 1), cols: (4, 4) },
        Span { rows: (4, 4), cols: (0, 4) },
    ];
    g.rows[5][4] = Got::Number(45291.0);
    let b = book(g);
    let h = find_header(&b.sheets[0].unmerged(), 2023).unwrap();
    assert_eq!(h.rows, 2);
    assert_eq!(h.find(Column::CoOrganizers), Some(3));
    assert_eq!(h.find(Column::Responsible), Some(2));
    let r = read(&b, 0, 2023, None);
    assert_eq!(r.actions.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(), ["营商环境", "城市更新"]);
    assert_eq!(r.actions[0].tasks[0].co_organizers, ["区司法局"]);
    assert_eq!(r.actions[1].tasks[0].due, Some(date(2023, 12, 31)));
}

/// `责任单位` merged over `牵头单位` / `配合单位`: the second row names more
/// columns than the first, and is still the first's second row.
#[test]
fn a_second_header_row_in_full_words_belongs_to_the_row_above() {
    let mut g = grid(
        "Sheet1",
        &[
            &["序号", "重点任务", "具体任务", "责任单位", "", "完成时限"],
            &["", "", "", "牵头单位", "配合单位", ""],
            &["1", "城市更新攻坚行动", "开工改造老旧小区", "区住房建设局", "区城管局、各街道", "2023年10月底"],
            &["2", "", "拆除违法建筑", "区城市更新和土地整备局", "", "第四季度"],
        ],
    );
    g.merged = vec![
        Span { rows: (0, 1), cols: (0, 0) },
        Span { rows: (0, 1), cols: (1, 1) },
        Span { rows: (0, 1), cols: (2, 2) },
        Span { rows: (0, 0), cols: (3, 4) },
        Span { rows: (0, 1), cols: (5, 5) },
        Span { rows: (2, 3), cols: (1, 1) },
    ];
    let b = book(g);
    let h = find_header(&b.sheets[0].unmerged(), 2023).unwrap();
    assert_eq!((h.first, h.rows), (0, 2));
    assert_eq!((h.find(Column::Responsible), h.find(Column::CoOrganizers), h.find(Column::LeadUnit)), (Some(3), Some(4), None));
    let r = read(&b, 0, 2023, None);
    let tasks = &r.actions[0].tasks;
    assert_eq!(tasks[0].responsible, ["区住房建设局"]);
    assert_eq!(tasks[0].co_organizers, ["区城管局", "各街道"]);
    assert_eq!(tasks[1].responsible, ["区城市更新和土地整备局"]);
    assert!(r.said.iter().all(|s| !s.problem), "{:?}", r.said);
}

/// A column of telephone numbers the header does not name is not taken
/// for the deadline the header does name, nor for a column of dates.
#[test]
fn a_telephone_column_is_not_a_deadline() {
    let mut g = grid(
        "任务表",
        &[
            &["具体任务", "责任单位", "联系电话", "完成时限"],
            &["推进改革", "区市场监管局", "", "2023年6月底"],
            &["建设中心", "区政务服务数据局", "", "年底前"],
        ],
    );
    g.rows[1][2] = Got::Number(25666001.0);
    g.rows[2][2] = Got::Number(25666002.0);
    let b = book(g);
    assert_eq!(find_header(&b.sheets[0].unmerged(), 2023).unwrap().find(Column::Due), Some(3));
    let r = read(&b, 0, 2023, None);
    assert_eq!(r.actions[0].tasks[0].due, Some(date(2023, 6, 30)));
    assert!(r.said.iter().all(|s| !s.problem), "{:?}", r.said);
    assert_eq!(by_content(&["25666001".into(), "25666002".into()], 2023), None);
    assert_eq!(by_content(&["45107".into(), "45291".into()], 2023), Some(Column::Due));
}

/// An explanation sheet before the table is skipped; a sheet with no
/// header says so and reads nothing.
#[test]
fn the_sheet_with_the_table_is_picked_and_a_sheet_without_a_header_says_so() {
    let about = grid("填表说明", &[&["填表说明"], &["1. 请各单位于每月5日前报送"], &["2. 完成时限请写具体日期"]]);
    let table = grid("任务表", &[&["具体任务", "责任单位", "完成时限"], &["推进商事登记改革", "区市场监管局", "6月30日前"]]);
    let b = Book { sheets: vec![about, table], ..Book::default() };
    assert_eq!(pick_sheet(&b, 2023), Some(1));
    let r = read(&b, 0, 2023, None);
    assert!(r.actions.is_empty());
    assert_eq!(r.said[0].what, Saying::NoHeader);
    assert!(r.said[0].problem);
    let r = read(&b, 1, 2023, None);
    assert_eq!(r.tasks(), 1);
    assert!(r.said.iter().any(|s| s.what == Saying::NoAction));
    assert_eq!(r.actions[0].tasks[0].due, Some(date(2023, 6, 30)));
}

#[test]
fn a_deadline_it_cannot_read_is_named_by_its_cell() {
    let g = grid(
        "任务清单",
        &[&["具体任务", "责任单位", "完成时限"], &["推进改革", "区市场监管局", "尽快"], &["建设中心", "区政务服务数据局", "#REF!"]],
    );
    let mut g = g;
    g.rows[2][2] = Got::Error("#REF!".into());
    let r = read(&book(g), 0, 2023, None);
    assert!(r.said.iter().any(|s| s.place == "任务清单!C2" && s.what == Saying::UnreadableDate("尽快".into()) && s.problem));
    assert!(r.said.iter().any(|s| s.place == "任务清单!C3" && matches!(s.what, Saying::CellError(_)) && s.problem));
}

#[test]
fn pasted_cells_and_csv_read_as_a_sheet() {
    let g = from_tsv("粘贴", "具体任务\t责任单位\n\"推进\n改革\"\t区市场监管局\n");
    assert_eq!(g.rows.len(), 2);
    assert_eq!(g.cell(1, 0).text(), "推进\n改革");
    let g = from_csv("a.csv", "\u{feff}具体任务,责任单位,完成时限\r\n\"推进改革，第一批\",\"区市场监管局、区司法局\",2023/6/30\r\n");
    assert_eq!(g.cell(1, 0).text(), "推进改革，第一批");
    let r = read(&book(g), 0, 2023, None);
    assert_eq!(r.actions[0].tasks[0].responsible, ["区市场监管局", "区司法局"]);
}

/// The person's mapping replaces what the header says.
#[test]
fn a_changed_mapping_is_read_as_changed() {
    let g = grid(
        "任务清单",
        &[&["内容", "单位", "日期"], &["推进改革", "区市场监管局", "2023-06-30"], &["建设中心", "区政务服务数据局", "2023-07-31"]],
    );
    let b = book(g);
    let cols = [Some(Column::Task), Some(Column::Responsible), Some(Column::Due)];
    let r = read(&b, 0, 2023, Some(&cols));
    assert_eq!(r.tasks(), 2);
    assert_eq!(r.actions[0].tasks[1].due, Some(date(2023, 7, 31)));
}

// ---- into the plan -------------------------------------------------------------

use crate::domain::sheet_in::into::{add_to, target_of};

#[test]
fn a_table_lands_through_the_plans_own_commands_matching_units_by_name() {
    let g = grid(
        "任务清单",
        &[
            &["序号", "重点任务", "具体任务", "牵头区领导", "责任单位", "完成时限", "量化指标", "进展情况"],
            &[
                "1",
                "优化营商环境",
                "推进商事登记改革",
                "区委常委、常务副区长 王伟",
                "区 市场监管局",
                "6月30日前",
                "办理时限压缩至2个工作日",
                "",
            ],
            &["2", "优化营商环境", "建设政务服务中心", "", "区住房建设局牵头，区市场监管局配合", "年底", "一批", "已完成选址"],
        ],
    );
    let r = read(&book(g), 0, 2023, None);
    assert_eq!(r.actions[0].leaders, [("王伟".to_string(), "区委常委、常务副区长".to_string())]);
    let mut plan = crate::domain::Plan::blank(crate::domain::Text::new("测试", ""), 2023, date(2023, 2, 1), super::stamp());
    let existing = plan.add_unit(crate::domain::Text::new("区市场监管局", ""), super::stamp()).unwrap();
    let m = add_to(&mut plan, &r, "任务清单", super::stamp()).unwrap();
    // The existing unit is found (spaces ignored), the other made once.
    assert_eq!(m.units_found, ["区 市场监管局", "区市场监管局"].map(String::from)[..1]);
    assert_eq!(m.units_new, ["区住房建设局"]);
    assert_eq!(m.people_new, ["王伟"]);
    assert_eq!(plan.units.len(), 2);
    assert_eq!(plan.actions.len(), 1);
    let tasks = plan.tasks_of(plan.actions[0].id);
    assert_eq!(tasks.iter().map(|t| t.title.zh.as_str()).collect::<Vec<_>>(), ["推进商事登记改革", "建设政务服务中心"]);
    assert_eq!(tasks[0].responsible, [existing]);
    assert_eq!(tasks[1].co_organizers, [existing]);
    assert_eq!(tasks[0].due, Some(date(2023, 6, 30)));
    assert_eq!(tasks[0].targets.len(), 1);
    assert_eq!((tasks[0].targets[0].target, tasks[0].targets[0].measure.as_str()), (2.0, "个工作日"));
    // What the plan has no field for is kept in the task's plan text.
    assert_eq!(tasks[1].plan, "量化指标：一批\n原表进展情况：已完成选址");
    let leader = plan.person(plan.actions[0].leaders[0]).unwrap();
    assert_eq!((leader.name.zh.as_str(), leader.title.zh.as_str()), ("王伟", "区委常委、常务副区长"));
}

#[test]
fn a_target_cell_gives_its_number_and_measure() {
    assert_eq!(target_of("完成改造17.2万平方米"), Some((17.2, "万平方米".to_string())));
    assert_eq!(target_of("新增1,200个学位，其中公办"), Some((1200.0, "个学位".to_string())));
    assert_eq!(target_of("一批"), None);
}

/// The app's own CSV export of the example's table reads back into the
/// same actions, tasks, leaders, units, co-organizers and deadlines.
#[test]
fn the_apps_own_csv_export_imports_back_into_the_same_table() {
    use crate::domain::filter::TableFilter;
    use crate::domain::spreadsheet::csv;
    use crate::domain::Lang;
    let plan = super::example();
    let today = date(2022, 6, 30);
    for lang in [Lang::Zh, Lang::En] {
        let text = csv(&plan.table_sheet(&TableFilter::default(), today, lang));
        let r = read(&book(from_csv("table.csv", &text)), 0, plan.year, None);
        assert!(r.said.iter().all(|s| !s.problem), "{:?}", r.said);
        let mut back = crate::domain::Plan::blank(plan.title.clone(), plan.year, plan.kickoff, super::stamp());
        add_to(&mut back, &r, "table", super::stamp()).unwrap();
        let shape = |p: &crate::domain::Plan| {
            p.actions_in_order()
                .iter()
                .map(|a| {
                    let tasks: Vec<_> = p
                        .tasks_of(a.id)
                        .iter()
                        .map(|t| {
                            (
                                t.title.get(lang).to_string(),
                                p.unit_names(&t.responsible, lang),
                                p.unit_names(&t.co_organizers, lang),
                                t.due,
                                t.person.map(|x| p.person(x).unwrap().name.get(lang).to_string()),
                            )
                        })
                        .collect();
                    (a.title.get(lang).to_string(), p.person_names(&a.leaders, lang), p.unit_names(&a.leading_units, lang), tasks)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&back), shape(&plan), "{lang:?}");
    }
}

#[test]
fn every_remark_is_worded_in_both_languages_without_the_other() {
    use crate::domain::sheet_in::words::{column, saying};
    use crate::domain::Lang;
    let all = [
        Saying::UnreadableDate("尽快".into()),
        Saying::Ongoing("长期坚持".into()),
        Saying::SeveralDates("6月底、12月底".into(), date(2023, 12, 31)),
        Saying::NoUnit,
        Saying::NoTask,
        Saying::HiddenColumn(String::new()),
        Saying::HiddenColumn("备注".into()),
        Saying::Note("注：本表".into()),
        Saying::NoHeader,
        Saying::NoTaskColumn,
        Saying::CellError("#REF!".into()),
        Saying::NoAction,
    ];
    for s in &all {
        let zh = saying(Lang::Zh, s);
        assert!(!zh.chars().any(|c| c.is_ascii_alphabetic() && !"REF".contains(c)), "{zh}");
        let en = saying(Lang::En, s);
        let quoted: String = match s {
            Saying::UnreadableDate(t) | Saying::Ongoing(t) | Saying::SeveralDates(t, _) | Saying::HiddenColumn(t) | Saying::Note(t) => {
                t.clone()
            }
            _ => String::new(),
        };
        assert!(!en.replace(&quoted, "").chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{en}");
    }
    for c in Column::ALL {
        assert!(!column(Lang::Zh, c).is_ascii());
        assert!(column(Lang::En, c).is_ascii());
    }
}

/// A unit named on several rows of a new plan is made once and listed as
/// made, never also as "matched" (it was not in the plan before).
#[test]
fn a_unit_made_by_the_import_is_not_also_listed_as_matched() {
    let g = grid("任务清单", &[&["具体任务", "责任单位"], &["推进改革", "东门街道"], &["建设中心", "东门街道、区商务局"]]);
    let r = read(&book(g), 0, 2023, None);
    let mut plan = crate::domain::Plan::blank(crate::domain::Text::new("新表", ""), 2023, date(2023, 1, 1), super::stamp());
    let m = add_to(&mut plan, &r, "任务清单", super::stamp()).unwrap();
    assert_eq!(m.units_new, ["东门街道", "区商务局"]);
    assert!(m.units_found.is_empty(), "{:?}", m.units_found);
    assert_eq!(plan.units.len(), 2);
}
