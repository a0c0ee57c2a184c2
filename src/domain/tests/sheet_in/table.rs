//! The table in a sheet: its header, its rows, its units, leaders and numbers.

use super::super::date;
use super::{book, grid};

use crate::domain::sheet_in::columns::{by_content, by_header, find_header, Column};
use crate::domain::sheet_in::grid::{address, from_csv, from_tsv, place, Book, Got, Span};
use crate::domain::sheet_in::names::{leader, leaders, roles, split_units};
use crate::domain::sheet_in::structure::{numbering, pick_sheet, read, year_in, Saying};

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
