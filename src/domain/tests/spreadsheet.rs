//! Spreadsheet exports: the table's and the board's unit table's columns
//! and cells as the pages show them, and CSV that a strict RFC 4180 reader
//! reads back to the same cells.

use super::task_edit::draft;
use super::{date, example, stamp, task_id, unit_id};
use crate::domain::board::Scope;
use crate::domain::filter::TableFilter;
use crate::domain::light::{Light, Reason};
use crate::domain::spreadsheet::{csv, light_name, number_text, reason_text, status_text, Cell, Sheet, Workbook};
use crate::domain::task_edit::ReportDraft;
use crate::domain::{Lang, Plan, Text};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    date(2022, 6, 30)
}

fn table(plan: &Plan, lang: Lang) -> Sheet {
    plan.table_sheet(&TableFilter::default(), today(), lang)
}

/// A cell as CSV shows it.
fn shown(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => number_text(*n),
        Cell::Empty => String::new(),
    }
}

/// A strict RFC 4180 reader: the BOM must be there, every record ends with
/// CRLF, a quoted field ends at a lone quote followed by a comma or CRLF.
fn parse(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark first");
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = body.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_start => {
                loop {
                    match chars.next().expect("a closing quote") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => break,
                        c => field.push(c),
                    }
                }
                assert!(matches!(chars.peek(), Some(',') | Some('\r')), "a quoted field ends at a separator");
                at_start = false;
            }
            '"' => panic!("a quote inside an unquoted field"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR only before LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
            }
            '\n' => panic!("a bare LF outside quotes"),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(field.is_empty() && record.is_empty(), "the last record ends with CRLF");
    records
}

/// The header and the rows as CSV shows them.
fn as_shown(sheet: &Sheet) -> Vec<Vec<String>> {
    std::iter::once(sheet.columns.clone()).chain(sheet.rows.iter().map(|r| r.iter().map(shown).collect())).collect()
}

fn numbers(sheet: &Sheet) -> Vec<String> {
    sheet.rows.iter().map(|r| shown(&r[0])).collect()
}

#[test]
fn the_table_sheet_has_the_pages_columns_in_both_languages() {
    let plan = example();
    assert_eq!(
        table(&plan, Lang::Zh).columns,
        ["序号", "具体任务", "总牵头区领导", "总牵头单位", "责任单位", "协办单位", "完成时限", "状态"]
    );
    assert_eq!(
        table(&plan, Lang::En).columns,
        [
            "No.",
            "Task",
            "Overall leading district leader",
            "Overall leading unit",
            "Responsible unit",
            "Co-organizers",
            "Due date",
            "Status"
        ]
    );
    assert_eq!(table(&plan, Lang::Zh).name, "责任分工表");
    assert_eq!(table(&plan, Lang::En).name, "Responsibility table");
}

#[test]
fn the_table_sheet_has_a_row_per_action_then_its_tasks() {
    let plan = example();
    let sheet = table(&plan, Lang::En);
    let groups = plan.table(&TableFilter::default(), today());
    assert_eq!(sheet.rows.len(), groups.len() + groups.iter().map(|g| g.tasks.len()).sum::<usize>());
    assert_eq!(sheet.rows.len(), 11 + 9);
    assert!(sheet.rows.iter().all(|r| r.len() == sheet.columns.len()));
    let expected: Vec<String> =
        groups.iter().flat_map(|g| std::iter::once(g.number.to_string()).chain(g.tasks.iter().map(|(_, n)| n.clone()))).collect();
    assert_eq!(numbers(&sheet), expected);
    assert_eq!(numbers(&sheet)[5..9], ["6", "6.1", "7", "7.1"]);
}

#[test]
fn an_action_row_shows_its_title_leaders_units_and_light() {
    let plan = example();
    let sheet = table(&plan, Lang::En);
    let row = sheet.rows.iter().find(|r| r[0] == Cell::text("9")).unwrap();
    let a = plan.actions_in_order()[8];
    assert_eq!(row[1], Cell::text("Industry leading, service upgrading"));
    assert_eq!(row[2], Cell::text(plan.person_names(&a.leaders, Lang::En)));
    assert_eq!(row[3], Cell::text("Luohu District Enterprise Service Center"));
    assert_eq!(row[4..7], [Cell::Empty, Cell::Empty, Cell::Empty]);
    assert_eq!(row[7], Cell::text("Red: 2 tasks red: 9.1, 9.2"));
    let zh = table(&plan, Lang::Zh);
    let row = zh.rows.iter().find(|r| r[0] == Cell::text("9")).unwrap();
    assert_eq!(row[7], Cell::text("红灯：2 项任务红灯：9.1、9.2"));
    // An action without tasks: grey, "no tasks".
    assert_eq!(sheet.rows[0][7], Cell::text("Not started: no tasks"));
}

#[test]
fn a_task_row_shows_its_units_person_due_date_and_first_reason() {
    let plan = example();
    let id = task_id(&plan, "7.1");
    let t = plan.task(id).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let sheet = table(&plan, lang);
        let row = sheet.rows.iter().find(|r| r[0] == Cell::text("7.1")).unwrap();
        let person = plan.person(t.person.unwrap()).unwrap().name.get(lang);
        let light = plan.task_light(t, today());
        assert_eq!(row[1], Cell::text(t.title.get(lang)));
        assert_eq!(row[2..4], [Cell::Empty, Cell::Empty]);
        assert_eq!(row[4], Cell::text(format!("{} · {person}", plan.unit_names(&t.responsible, lang))));
        assert_eq!(row[5], Cell::text(plan.unit_names(&t.co_organizers, lang)));
        assert_eq!(row[6], Cell::text("2022-12-31"));
        assert_eq!(
            row[7],
            Cell::text(format!(
                "{}{}{}",
                light_name(lang, light.light),
                if lang == Lang::Zh { "：" } else { ": " },
                reason_text(lang, &light.reasons[0])
            ))
        );
    }
    let row = table(&plan, Lang::Zh).rows.into_iter().find(|r| r[0] == Cell::text("7.1")).unwrap();
    assert_eq!(row[4], Cell::text("东门街道 · Lu Yi"));
    assert_eq!(row[7], Cell::text("红灯：施工图未报送，应于 2022-02-14 前报送"));
}

#[test]
fn a_task_with_no_due_date_has_an_empty_due_cell() {
    let plan = example();
    let row = table(&plan, Lang::En).rows.into_iter().find(|r| r[0] == Cell::text("9.2")).unwrap();
    assert_eq!(row[6], Cell::Empty);
}

#[test]
fn the_table_sheet_follows_the_filter() {
    let plan = example();
    let f = TableFilter { unit: Some(unit_id(&plan, "Dongmen Sub-district")), ..TableFilter::default() };
    assert_eq!(numbers(&plan.table_sheet(&f, today(), Lang::Zh)), ["7", "7.1"]);
    let f = TableFilter { light: Some(Light::Green), ..TableFilter::default() };
    assert!(plan.table_sheet(&f, today(), Lang::Zh).rows.is_empty());
}

#[test]
fn lights_and_reasons_are_worded_as_on_the_page() {
    assert_eq!(Light::ALL.map(|l| light_name(Lang::Zh, l)), ["红灯", "黄灯", "绿灯", "未开始", "待审核销号", "已完成"]);
    assert_eq!(Light::ALL.map(|l| light_name(Lang::En, l)), ["Red", "Yellow", "Green", "Not started", "Awaiting review", "Done"]);
    let r = Reason::MilestoneDueSoon { title: Text::new("开工", "Start"), days: 3 };
    assert_eq!(reason_text(Lang::Zh, &r), "节点“开工” 3 天后到期");
    assert_eq!(reason_text(Lang::En, &r), "milestone 'Start' due in 3 days");
    assert_eq!(reason_text(Lang::Zh, &Reason::BehindPace { progress: 20.0, elapsed: 55.4 }), "时间过半进度滞后：进度 20%，时间已过 55%");
    let none = crate::domain::light::Assessment { light: Light::Grey, reasons: vec![] };
    assert_eq!(status_text(Lang::En, &none), "Not started");
}

#[test]
fn the_unit_sheet_matches_the_boards_units() {
    let mut plan = example();
    let t = task_id(&plan, "7.1");
    plan.record_report(ReportDraft { progress: Some(30.0), ..draft(&plan, t, date(2022, 6, 20)) }, stamp()).unwrap();
    let board = plan.board(&Scope::default(), today());
    for lang in [Lang::Zh, Lang::En] {
        let sheet = plan.unit_sheet(&board, lang);
        assert_eq!(sheet.rows.len(), board.units.len());
        for (row, u) in sheet.rows.iter().zip(&board.units) {
            let last = u.last_report.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
            let n = |v: &[crate::domain::Id]| Cell::Number(v.len() as f64);
            assert_eq!(
                row,
                &vec![Cell::text(plan.unit(u.unit).unwrap().name.get(lang)), n(&u.tasks), n(&u.red), n(&u.yellow), Cell::text(last)]
            );
        }
    }
    let en = plan.unit_sheet(&board, Lang::En);
    assert_eq!(en.name, "Units");
    assert_eq!(en.columns, ["Unit", "Tasks", "Red", "Yellow", "Last report"]);
    let zh = plan.unit_sheet(&board, Lang::Zh);
    assert_eq!(
        (zh.name.as_str(), zh.columns.clone()),
        ("单位", vec!["单位", "任务数", "红灯", "黄灯", "最近反馈"].into_iter().map(String::from).collect())
    );
    let dongmen = zh.rows.iter().find(|r| r[0] == Cell::text("东门街道")).unwrap();
    assert_eq!(dongmen[1..], [Cell::Number(1.0), Cell::Number(1.0), Cell::Number(0.0), Cell::text("2022-06-20")]);
    assert!(zh.rows.iter().any(|r| r[4] == Cell::text("—")));
}

#[test]
fn csv_starts_with_a_bom_and_ends_rows_with_crlf() {
    let plan = example();
    let text = csv(&table(&plan, Lang::Zh));
    assert!(text.starts_with("\u{feff}序号,具体任务,总牵头区领导,"));
    assert_eq!(text.matches("\r\n").count(), 1 + 20);
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "no bare LF in the example");
    assert_eq!(text.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
}

#[test]
fn the_examples_csv_reads_back_to_the_same_cells() {
    let plan = example();
    let board = plan.board(&Scope::default(), today());
    for lang in [Lang::Zh, Lang::En] {
        for sheet in [table(&plan, lang), plan.unit_sheet(&board, lang)] {
            assert_eq!(parse(&csv(&sheet)), as_shown(&sheet));
        }
    }
    // The English titles have commas: they are quoted.
    assert!(csv(&table(&plan, Lang::En)).contains("\"Industry leading, service upgrading\""));
}

#[test]
fn awkward_cells_round_trip_through_csv() {
    let sheet = Sheet {
        name: "x".into(),
        columns: vec!["名称, name".into(), "say \"hi\"".into(), "n".into(), "e".into()],
        rows: vec![
            vec![Cell::text("东门街道，罗湖区"), Cell::text("a,b"), Cell::Number(3.0), Cell::Empty],
            vec![Cell::text("line one\nline two"), Cell::text("\"quoted\""), Cell::Number(-0.25), Cell::text("cr\r\nlf")],
            vec![Cell::text(" padded "), Cell::text("'apostrophe"), Cell::Number(f64::NAN), Cell::Number(1e21)],
            vec![Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty],
        ],
        ..Sheet::default()
    };
    let text = csv(&sheet);
    assert_eq!(
        text,
        "\u{feff}\"名称, name\",\"say \"\"hi\"\"\",n,e\r\n\
         东门街道，罗湖区,\"a,b\",3,\r\n\
         \"line one\nline two\",\"\"\"quoted\"\"\",-0.25,\"cr\r\nlf\"\r\n \
         padded ,'apostrophe,,1e+21\r\n\
         ,,,\r\n"
    );
    let back = parse(&text);
    assert_eq!(back[1], ["东门街道，罗湖区", "a,b", "3", ""]);
    assert_eq!(back[2], ["line one\nline two", "\"quoted\"", "-0.25", "cr\r\nlf"]);
    assert_eq!(back, as_shown(&sheet));
}

#[test]
fn numbers_are_written_plainly() {
    assert_eq!([0.0, -0.0, 7.0, -12.0, 0.5, 1234.5678, 2.5e-7].map(number_text), ["0", "0", "7", "-12", "0.5", "1234.5678", "2.5e-7"]);
    assert_eq!([f64::NAN, f64::INFINITY].map(number_text), ["", ""]);
}

#[test]
fn a_workbook_is_json_with_plain_cells() {
    let book = Workbook {
        sheets: vec![Sheet {
            name: "单位".into(),
            columns: vec!["a".into()],
            rows: vec![vec![Cell::text("x"), Cell::Number(2.0), Cell::Number(0.5), Cell::Empty]],
            ..Sheet::default()
        }],
    };
    let json = serde_json::to_string(&book).unwrap();
    assert_eq!(json, r#"{"sheets":[{"name":"单位","columns":["a"],"rows":[["x",2.0,0.5,null]]}]}"#);
    assert_eq!(serde_json::from_str::<Workbook>(&json).unwrap(), book);
    // A number that is not finite becomes null, an empty cell.
    assert_eq!(serde_json::to_string(&Cell::Number(f64::NAN)).unwrap(), "null");
}

#[test]
fn a_text_a_spreadsheet_would_run_as_a_formula_is_written_after_an_apostrophe() {
    let sheet = Sheet {
        name: "x".into(),
        columns: vec!["a".into(), "b".into(), "c".into(), "d".into(), "e".into()],
        rows: vec![vec![
            Cell::text("=HYPERLINK(\"http://x\")"),
            Cell::text("+1"),
            Cell::text("-2"),
            Cell::text("@SUM(A1)"),
            Cell::Number(-3.0),
        ]],
        ..Sheet::default()
    };
    let text = csv(&sheet);
    assert!(text.ends_with("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),-3\r\n"), "{text}");
    // Read back by the spreadsheet import, the cells are as they were.
    let g = crate::domain::sheet_in::grid::from_csv("x.csv", &text);
    let back: Vec<String> = (0..5).map(|c| g.cell(1, c).text()).collect();
    assert_eq!(back, ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "-3"]);
}

/// Dongmen's appraisal for 2022 as a sheet, its facts worded plainly.
fn appraisal(plan: &Plan, lang: Lang) -> (crate::domain::appraisal::Appraisal, Sheet) {
    let a = plan.appraise(unit_id(plan, "Dongmen"), date(2022, 1, 1), date(2022, 12, 31), today());
    let sheet = plan.appraisal_sheet(&a, lang, |f| format!("fact {:?}", f.points), |e| format!("exempted by {e}"));
    (a, sheet)
}

#[test]
fn the_appraisal_sheet_says_whose_it_is_for_when_and_its_score_above_the_table() {
    let plan = example();
    let (a, zh) = appraisal(&plan, Lang::Zh);
    assert!(!a.facts.is_empty(), "Dongmen has facts in 2022");
    assert_eq!(zh.name, "绩效考核");
    assert_eq!(
        zh.above,
        [
            vec![Cell::text("被考核单位"), Cell::text("东门街道")],
            vec![Cell::text("考核期间"), Cell::text("2022-01-01 至 2022-12-31")],
            vec![Cell::text("得分"), Cell::Number(a.score())],
        ]
    );
    assert_eq!(zh.columns, ["任务", "事实", "分值", "计入", "容错"]);
    let (_, en) = appraisal(&plan, Lang::En);
    assert_eq!(en.above[0], [Cell::text("Unit appraised"), Cell::text("Dongmen Sub-district")]);
    assert_eq!(en.above[1], [Cell::text("Period"), Cell::text("2022-01-01 – 2022-12-31")]);
    assert_eq!(en.columns, ["Task", "Fact", "Points", "Counted", "Exemption"]);
}

#[test]
fn the_appraisal_sheet_lists_every_fact_and_adds_up_to_the_score_under_the_counted_column() {
    let mut plan = example();
    let (a, _) = appraisal(&plan, Lang::En);
    // Exempt the first miss: it stays listed, counted 0, with its exemption.
    let miss = a.facts.iter().find(|f| f.kind.is_miss()).expect("a miss to exempt").clone();
    let approver = plan.people[0].id;
    let id = plan
        .add_exemption(
            crate::domain::appraisal::ExemptionDraft {
                unit: a.unit,
                task: Some(miss.task),
                milestone: miss.kind.milestone_id(),
                week: match miss.kind {
                    crate::domain::appraisal::FactKind::MissedWeek { week } => Some(week),
                    _ => None,
                },
                plan: matches!(miss.kind, crate::domain::appraisal::FactKind::LatePlan { .. }),
                reason: Text::new("理由", "reason"),
                approved_by: Some(approver),
                approved_on: date(2022, 6, 1),
            },
            stamp(),
        )
        .unwrap();
    let (a, sheet) = appraisal(&plan, Lang::En);
    assert_eq!(sheet.rows.len(), a.facts.len());
    assert!(sheet.rows.iter().all(|r| r.len() == sheet.columns.len()));
    let number = plan.task_number(miss.task).unwrap();
    let title = plan.task(miss.task).unwrap().title.get(Lang::En).to_string();
    let row = sheet.rows.iter().find(|r| r[4] == Cell::text(format!("exempted by {id}"))).expect("the exempted fact");
    assert_eq!(
        row[..4],
        [
            Cell::text(format!("{number} {title}")),
            Cell::text(format!("fact {:?}", miss.points)),
            Cell::Number(miss.points),
            Cell::Number(0.0)
        ]
    );
    // Under the table: the base, then the score, in the Counted column.
    let counted: f64 = sheet.rows.iter().map(|r| if let Cell::Number(n) = r[3] { n } else { 0.0 }).sum();
    assert_eq!(
        sheet.below,
        [
            vec![Cell::text("Base score"), Cell::Empty, Cell::Empty, Cell::Number(100.0), Cell::Empty],
            vec![Cell::text("Score"), Cell::Empty, Cell::Empty, Cell::Number(a.score()), Cell::Empty],
        ]
    );
    assert_eq!(100.0 + counted, a.score());
    assert_eq!(sheet.above[2][1], Cell::Number(a.score()));
}

#[test]
fn a_sheets_lines_above_and_below_are_csv_rows_around_the_table_with_an_empty_line_before_the_header() {
    let plan = example();
    let (a, sheet) = appraisal(&plan, Lang::En);
    let text = csv(&sheet);
    let score = number_text(a.score());
    assert!(text.starts_with(&format!(
        "\u{feff}Unit appraised,Dongmen Sub-district\r\nPeriod,2022-01-01 – 2022-12-31\r\nScore,{score}\r\n\r\nTask,Fact,Points,Counted,Exemption\r\n"
    )));
    assert!(text.ends_with(&format!("\r\nBase score,,,100,\r\nScore,,,{score},\r\n")), "{text}");
    // A strict reader reads it back line for line, the empty line as one empty field.
    let back = parse(&text);
    let shown_rows = |rows: &[Vec<Cell>]| rows.iter().map(|r| r.iter().map(shown).collect::<Vec<_>>()).collect::<Vec<_>>();
    let mut want = shown_rows(&sheet.above);
    want.push(vec![String::new()]);
    want.extend(as_shown(&sheet));
    want.extend(shown_rows(&sheet.below));
    assert_eq!(back, want);
    // A formula-like label above the table is neutralised as any cell is.
    let odd = Sheet { above: vec![vec![Cell::text("=1+1"), Cell::text("-x")]], ..Sheet::default() };
    assert!(csv(&odd).starts_with("\u{feff}'=1+1,'-x\r\n\r\n"));
}

#[test]
fn a_sheet_without_lines_above_or_below_keeps_its_json_and_csv() {
    let plan = example();
    let sheet = table(&plan, Lang::En);
    assert!(sheet.above.is_empty() && sheet.below.is_empty());
    let json = serde_json::to_string(&sheet).unwrap();
    assert!(!json.contains("above") && !json.contains("below"), "the worker's JSON is as it was");
    assert!(csv(&sheet).starts_with("\u{feff}No.,Task,"));
}
