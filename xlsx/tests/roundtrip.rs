//! The .xlsx files read back with an independent reader (calamine) hold
//! exactly the sheets' cells: texts as strings, numbers as numbers, empty
//! cells empty; and the app's JSON of a workbook is what the worker reads.

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use gongjian::domain::board::Scope;
use gongjian::domain::example::luohu_2022;
use gongjian::domain::filter::TableFilter;
use gongjian::domain::spreadsheet as app;
use gongjian::domain::Lang;
use gongjian_xlsx::{workbook_bytes, workbook_bytes_from_json, Cell, Sheet, Workbook};
use std::io::{Cursor, Read};

/// The example plan's table and unit sheets in both languages, as the app
/// builds them.
fn example_book() -> app::Workbook {
    let plan = luohu_2022();
    let today = plan.settings.as_of.expect("the example is viewed as of a date");
    let board = plan.board(&Scope::default(), today);
    let sheets = [Lang::Zh, Lang::En]
        .into_iter()
        .flat_map(|l| [plan.table_sheet(&TableFilter::default(), today, l), plan.unit_sheet(&board, l)])
        .collect();
    app::Workbook { sheets }
}

/// The app's workbook as the worker receives it: through JSON.
fn posted(book: &app::Workbook) -> Workbook {
    serde_json::from_str(&serde_json::to_string(book).unwrap()).unwrap()
}

/// Every sheet of the .xlsx: its name and its cells, header row first.
fn read_back(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut xlsx: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the file");
    xlsx.sheet_names()
        .into_iter()
        .map(|name| {
            let range = xlsx.worksheet_range(&name).expect("a worksheet");
            let (rows, cols) = range.end().map(|(r, c)| (r + 1, c + 1)).unwrap_or((0, 0));
            let cells = (0..rows).map(|r| (0..cols).map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty)).collect()).collect();
            (name, cells)
        })
        .collect()
}

/// What calamine should read for a sheet, padded to the sheet's width and
/// with trailing empty rows dropped (a reader cannot see those).
fn expected(sheet: &Sheet) -> Vec<Vec<Data>> {
    let width = sheet.rows.iter().chain(&sheet.above).chain(&sheet.below).map(Vec::len).chain([sheet.columns.len()]).max().unwrap_or(0);
    let cell = |c: &Cell| match c {
        Cell::Text(s) if !s.is_empty() => Data::String(s.clone()),
        Cell::Number(n) if n.is_finite() => Data::Float(*n),
        _ => Data::Empty,
    };
    let header = sheet.columns.iter().map(|c| Data::String(c.clone()));
    // The lines above, an empty line after them, the header, the rows, the lines below.
    let gap = (!sheet.above.is_empty()).then(Vec::new);
    let mut rows: Vec<Vec<Data>> = sheet
        .above
        .iter()
        .map(|r| r.iter().map(cell).collect())
        .chain(gap)
        .chain(std::iter::once(header.collect::<Vec<_>>()))
        .chain(sheet.rows.iter().chain(&sheet.below).map(|r| r.iter().map(cell).collect()))
        .map(|mut r| {
            r.resize(width, Data::Empty);
            r
        })
        .collect();
    while rows.last().is_some_and(|r| r.iter().all(|d| *d == Data::Empty)) {
        rows.pop();
    }
    rows
}

/// calamine reads a whole number written as a float as an integer or a
/// float depending on its version; compare numbers by value.
fn same(a: &Data, b: &Data) -> bool {
    match (a, b) {
        (Data::Int(i), Data::Float(f)) | (Data::Float(f), Data::Int(i)) => *i as f64 == *f,
        _ => a == b,
    }
}

fn assert_reads_back(book: &Workbook, bytes: &[u8]) {
    assert!(bytes.starts_with(b"PK"), "an .xlsx is a zip");
    let back = read_back(bytes);
    assert_eq!(back.len(), book.sheets.len());
    for ((name, cells), sheet) in back.iter().zip(&book.sheets) {
        let want = expected(sheet);
        assert_eq!(cells.len(), want.len(), "rows of {name}");
        for (r, (got, want)) in cells.iter().zip(&want).enumerate() {
            assert_eq!(got.len(), want.len(), "width of {name} row {r}");
            for (c, (g, w)) in got.iter().zip(want).enumerate() {
                assert!(same(g, w), "{name} row {r} column {c}: read {g:?}, wrote {w:?}");
            }
        }
    }
}

/// A part of the .xlsx zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_examples_table_and_unit_sheets_read_back_cell_for_cell() {
    let book = posted(&example_book());
    let bytes = workbook_bytes(&book).unwrap();
    assert_reads_back(&book, &bytes);
    let back = read_back(&bytes);
    let names: Vec<&str> = back.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["责任分工表", "单位", "Responsibility table", "Units"]);
    // Spot checks against the page: the header, an action row, a task row, a count.
    let (_, zh) = &back[0];
    assert_eq!(zh[0][0], Data::String("序号".into()));
    assert_eq!(zh.len(), 1 + 20);
    let task = zh.iter().find(|r| r[0] == Data::String("7.1".into())).unwrap();
    assert_eq!(task[4], Data::String("东门街道 · Lu Yi".into()));
    assert_eq!(task[6], Data::String("2022-12-31".into()));
    let (_, units) = &back[3];
    assert_eq!(units[0], ["Unit", "Tasks", "Red", "Yellow", "Last report"].map(|s| Data::String(s.into())));
    assert!(units[1..].iter().all(|r| matches!(r[1], Data::Float(_) | Data::Int(_))), "counts are numbers");
}

#[test]
fn the_header_is_bold_and_frozen_with_a_filter() {
    let book = posted(&example_book());
    let bytes = workbook_bytes(&book).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"ySplit="1""#) && sheet.contains(r#"state="frozen""#), "frozen header: {sheet}");
    assert!(sheet.contains(r#"<autoFilter ref="A1:H21"/>"#));
    assert!(sheet.contains("<cols>"), "column widths are set");
    assert!(part(&bytes, "xl/styles.xml").contains("<b/>"), "a bold font");
}

#[test]
fn awkward_cells_read_back() {
    let book = Workbook {
        sheets: vec![
            Sheet {
                name: "难办: [cells]?".into(),
                columns: vec!["名称, name".into(), "say \"hi\"".into(), "数".into(), "空".into()],
                rows: vec![
                    vec![Cell::Text("东门街道，罗湖区".into()), Cell::Text("a,b".into()), Cell::Number(3.0), Cell::Empty],
                    vec![
                        Cell::Text("line one\nline two".into()),
                        Cell::Text("\"quoted\" & <tag>".into()),
                        Cell::Number(-0.25),
                        Cell::Text("cr\r\nlf".into()),
                    ],
                    vec![Cell::Text(" padded ".into()), Cell::Text("=1+1".into()), Cell::Number(1e21), Cell::Number(f64::NAN)],
                    vec![Cell::Text("7.1".into()), Cell::Text("0012".into()), Cell::Number(1234.5678), Cell::Text(String::new())],
                    vec![Cell::Empty, Cell::Empty, Cell::Empty, Cell::Number(0.0)],
                    vec![Cell::Text("a longer row".into()), Cell::Empty, Cell::Empty, Cell::Empty, Cell::Text("extra".into())],
                    vec![Cell::Empty, Cell::Empty],
                ],
                ..Sheet::default()
            },
            Sheet { name: "Units".into(), ..Sheet::default() },
            Sheet { name: "units".into(), columns: vec!["only a header".into()], ..Sheet::default() },
        ],
    };
    let bytes = workbook_bytes(&book).unwrap();
    assert_reads_back(&book, &bytes);
    let back = read_back(&bytes);
    assert_eq!(back.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["难办_ _cells__", "Units", "units (2)"]);
    assert_eq!(back[0].1[4][1], Data::String("0012".into()), "text stays text");
    assert_eq!(back[0].1[3][1], Data::String("=1+1".into()), "a formula-like text is not a formula");
}

#[test]
fn the_worker_reads_the_apps_json() {
    let book = example_book();
    let json = serde_json::to_string(&book).unwrap();
    let mine: Workbook = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&mine).unwrap(), json, "the same shapes both ways");
    let awkward = app::Workbook {
        sheets: vec![app::Sheet {
            name: "x".into(),
            columns: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![vec![app::Cell::text("t"), app::Cell::Number(2.5), app::Cell::Empty]],
            ..app::Sheet::default()
        }],
    };
    let mine = posted(&awkward);
    assert_eq!(mine.sheets[0].rows[0], [Cell::Text("t".into()), Cell::Number(2.5), Cell::Empty]);
    let bytes = workbook_bytes_from_json(&serde_json::to_string(&awkward).unwrap()).unwrap();
    assert_reads_back(&mine, &bytes);
}

#[test]
fn the_appraisals_unit_period_and_score_are_above_its_table_and_the_total_under_it() {
    let plan = luohu_2022();
    let today = plan.settings.as_of.expect("the example is viewed as of a date");
    let dongmen = plan.units.iter().find(|u| u.name.get(Lang::En) == "Dongmen Sub-district").unwrap().id;
    let from = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap();
    let a = plan.appraise(dongmen, from, to, today);
    let sheet = plan.appraisal_sheet(&a, Lang::Zh, |f| format!("{:?}", f.kind), |e| e.to_string());
    let book = posted(&app::Workbook { sheets: vec![sheet] });
    let bytes = workbook_bytes(&book).unwrap();
    assert_reads_back(&book, &bytes);
    let (_, cells) = &read_back(&bytes)[0];
    assert_eq!(cells[0][..2], [Data::String("被考核单位".into()), Data::String("东门街道".into())]);
    assert_eq!(cells[1][..2], [Data::String("考核期间".into()), Data::String("2022-01-01 至 2022-12-31".into())]);
    assert_eq!(cells[2][0], Data::String("得分".into()));
    assert!(same(&cells[2][1], &Data::Float(a.score())));
    assert!(cells[3].iter().all(|d| *d == Data::Empty), "an empty line before the header");
    assert_eq!(cells[4][0], Data::String("任务".into()));
    let last = cells.last().unwrap();
    assert_eq!(last[0], Data::String("得分".into()));
    assert!(same(&last[3], &Data::Float(a.score())), "the score under the Counted column");
    // The header row (the fifth) is the one frozen and filtered; the filter ends at the last fact.
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"ySplit="5""#), "frozen under the header: {xml}");
    assert!(xml.contains(&format!(r#"<autoFilter ref="A5:E{}"/>"#, 5 + a.facts.len())), "{xml}");
}
