//! What the reader takes from each kind of workbook: values of every kind,
//! merged ranges, hidden columns and sheets, the date system; and that its
//! book is, field for field, the app's `sheet_in::grid::Book`.

#[path = "support/xls.rs"]
mod xls;

use gongjian_sheets::{open, reply, Book, DateSystem, Got, Grid, Opened, Reply, Span};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::PathBuf;
use xls::{XlsCell, XlsSheet};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spreadsheets").join(name)).expect("the fixture")
}

fn book(name: &str, bytes: &[u8]) -> Book {
    match open(name, bytes) {
        Ok(Opened::Book(b)) => b,
        other => panic!("{name}: {other:?}"),
    }
}

fn sheet<'a>(b: &'a Book, name: &str) -> &'a Grid {
    b.sheets.iter().find(|g| g.name == name).unwrap_or_else(|| panic!("no sheet {name}"))
}

/// Excel's serial number of a day (1900 system).
fn serial(y: i32, m: u32, d: u32) -> f64 {
    let day = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    (day - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

#[test]
fn the_book_is_the_apps_book_field_for_field() {
    let ours = Book {
        sheets: vec![
            Grid {
                name: "任务清单".into(),
                rows: vec![
                    vec![Got::Text("具体任务".into()), Got::Empty, Got::Number(3.5)],
                    vec![],
                    vec![Got::Date(45291.0), Got::Bool(true), Got::Error("#REF!".into())],
                ],
                merged: vec![Span { rows: (0, 2), cols: (1, 1) }],
                hidden_columns: vec![2],
                hidden: false,
            },
            Grid { name: "旧表".into(), hidden: true, ..Grid::default() },
        ],
        dates: DateSystem::From1904,
    };
    let json = serde_json::to_string(&ours).unwrap();
    let app: gongjian::domain::sheet_in::grid::Book = serde_json::from_str(&json).expect("the app takes the book");
    use gongjian::domain::sheet_in::grid::Got as AppGot;
    let g = &app.sheets[0];
    assert_eq!(g.cell(0, 0), &AppGot::Text("具体任务".into()));
    assert_eq!(g.cell(0, 1), &AppGot::Empty);
    assert_eq!(g.cell(0, 2), &AppGot::Number(3.5));
    assert_eq!(g.cell(2, 0), &AppGot::Date(45291.0));
    assert_eq!(g.cell(2, 1), &AppGot::Bool(true));
    assert_eq!(g.cell(2, 2), &AppGot::Error("#REF!".into()));
    assert_eq!((g.merged[0].rows, g.merged[0].cols), ((0, 2), (1, 1)));
    assert_eq!(g.hidden_columns, [2]);
    assert!(app.sheets[1].hidden);
    assert_eq!(app.dates, gongjian::domain::sheet_in::when::DateSystem::From1904);
    // And back: the app writes what we write.
    assert_eq!(serde_json::to_value(&app).unwrap(), serde_json::to_value(&ours).unwrap());
}

#[test]
fn an_xlsx_gives_merged_ranges_hidden_columns_and_hidden_sheets() {
    let b = book("seed_layout.xlsx", &fixture("seed_layout.xlsx"));
    let g = sheet(&b, "责任分工表");
    assert!(g.merged.contains(&Span { rows: (0, 0), cols: (0, 5) }), "{:?}", g.merged);
    assert!(g.merged.contains(&Span { rows: (2, 4), cols: (1, 1) }), "{:?}", g.merged);
    assert_eq!(g.cell(0, 0), &Got::Text("罗湖区2023年重点攻坚任务责任分工表".into()));
    assert_eq!(g.cell(2, 0), &Got::Number(1.0));
    // Merged cells other than the first hold nothing; rows stop at their last value.
    assert_eq!(g.cell(3, 1), &Got::Empty);
    assert!(g.rows.iter().all(|r| r.last().is_none_or(|c| !c.is_empty())));
    assert_eq!(b.dates, DateSystem::From1900);

    let b = book("explanation_sheet.xlsx", &fixture("explanation_sheet.xlsx"));
    assert_eq!(
        b.sheets.iter().map(|g| (g.name.as_str(), g.hidden)).collect::<Vec<_>>(),
        [("填表说明", false), ("任务清单", false), ("2022年（旧）", true)]
    );
    assert_eq!(sheet(&b, "任务清单").hidden_columns, [6]);
    assert!(sheet(&b, "填表说明").hidden_columns.is_empty());
}

#[test]
fn date_cells_are_serials_of_the_1900_system_whatever_the_workbook_counts_from() {
    let b = book("two_row_header.xlsx", &fixture("two_row_header.xlsx"));
    assert_eq!(b.sheets[0].cell(2, 5), &Got::Date(serial(2023, 6, 30)));
    let b = book("date1904.xlsx", &fixture("date1904.xlsx"));
    assert_eq!(b.dates, DateSystem::From1904);
    assert_eq!(b.sheets[0].cell(1, 3), &Got::Date(serial(2023, 9, 30)));
    // A plain number stays a number (the app decides what a number in a
    // deadline column means).
    let b = book("deadlines.xlsx", &fixture("deadlines.xlsx"));
    assert_eq!(b.sheets[0].cell(9, 4), &Got::Number(serial(2023, 9, 30)));
    assert_eq!(b.sheets[0].cell(10, 4), &Got::Date(serial(2023, 11, 15)));
}

#[test]
fn an_old_xls_gives_texts_numbers_dates_merges_and_hidden_sheets() {
    let b = book("old_excel.xls", &fixture("old_excel.xls"));
    let g = sheet(&b, "重点任务");
    assert_eq!(g.cell(0, 0), &Got::Text("罗湖区2023年重点攻坚任务责任分工表".into()));
    assert_eq!(g.cell(2, 0), &Got::Number(1.0));
    assert_eq!(g.cell(4, 5), &Got::Date(serial(2023, 9, 30)));
    assert!(g.merged.contains(&Span { rows: (0, 0), cols: (0, 5) }));
    assert!(g.merged.contains(&Span { rows: (2, 4), cols: (3, 3) }));
    assert_eq!(g.hidden_columns, [6]);
    assert_eq!(g.cell(2, 6), &Got::Text("陈静".into()));
    assert!(sheet(&b, "Sheet2").hidden);
    assert!(sheet(&b, "Sheet2").hidden_columns.is_empty());
}

#[test]
fn values_of_every_kind_and_a_sheet_that_starts_far_from_a1() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("值").unwrap();
    ws.write_string(3, 2, "  具体任务  ").unwrap();
    ws.write_number(4, 2, 7.25).unwrap();
    ws.write_boolean(5, 2, false).unwrap();
    ws.write_formula(6, 2, "=1/0").unwrap().set_formula_result(6, 2, "#DIV/0!");
    ws.write_datetime_with_format(7, 2, ExcelDateTime::from_ymd(2023, 6, 30).unwrap(), &Format::new().set_num_format("yyyy/m/d")).unwrap();
    ws.write_string(8, 3, "   ").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let b = book("值.xlsx", &bytes);
    let g = &b.sheets[0];
    // Addresses stay the sheet's: C4 is row 3, column 2.
    assert_eq!(g.cell(3, 2), &Got::Text("  具体任务  ".into()));
    assert_eq!(g.cell(4, 2), &Got::Number(7.25));
    assert_eq!(g.cell(5, 2), &Got::Bool(false));
    assert_eq!(g.cell(6, 2), &Got::Error("#DIV/0!".into()));
    assert_eq!(g.cell(7, 2), &Got::Date(serial(2023, 6, 30)));
    // A cell of spaces is empty, so the sheet ends at row 8 (1-based).
    assert_eq!(g.rows.len(), 8);
    assert!(g.rows[0].is_empty());
}

#[test]
fn the_reply_is_the_protocols() {
    let json = |r: Reply| serde_json::to_value(r).unwrap();
    let book = json(reply("seed_layout.xlsx", &fixture("seed_layout.xlsx")));
    let text = book["book"].as_str().expect("the book is JSON text");
    assert!(serde_json::from_str::<gongjian::domain::sheet_in::grid::Book>(text).is_ok());
    let csv = json(reply("gb18030.csv", &fixture("gb18030.csv")));
    assert_eq!(csv["kind"], "csv");
    assert!(csv["text"].as_str().unwrap().contains("序号,重点任务,具体任务"));
    assert_eq!(json(reply("pasted.tsv", &fixture("pasted.tsv")))["kind"], "tsv");
    let refused = json(reply("会议纪要.xlsx", "这是一份会议纪要，不是表格。".as_bytes()));
    assert_eq!(refused, serde_json::json!({ "error": { "code": "not_a_spreadsheet", "detail": "text" } }));
}

#[test]
fn tab_separated_text_saved_as_xls_is_read_as_text() {
    // What some systems' "export to Excel" writes.
    let text = "具体任务\t责任单位\t完成时限\r\n推进改革\t区市场监管局\t2023年6月底\r\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    match open("导出.xls", &gbk) {
        Ok(Opened::Text { text: t, kind }) => assert_eq!((t.as_str(), kind), (text, gongjian_sheets::TextKind::Tsv)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_xls_with_a_sheet_beyond_the_limits_is_refused_before_calamine_builds_it() {
    let cells = vec![(0, 0, XlsCell::Text("具体任务".into())), (5000, 0, XlsCell::Number(1.0))];
    let bytes = xls::xls(&[XlsSheet { name: "大表".into(), hidden: false, cells, merged: vec![], hidden_columns: vec![] }], false);
    assert_eq!(open("大表.xls", &bytes), Err(gongjian_sheets::Refusal::TooManyRows { sheet: "大表".into(), limit: 5000, found: 5001 }));
    let cells = vec![(0, 0, XlsCell::Text("具体任务".into())), (0, 200, XlsCell::Number(1.0))];
    let bytes = xls::xls(&[XlsSheet { name: "宽表".into(), hidden: false, cells, merged: vec![], hidden_columns: vec![] }], false);
    assert_eq!(open("宽表.xls", &bytes), Err(gongjian_sheets::Refusal::TooManyColumns { sheet: "宽表".into(), limit: 200, found: 201 }));
}

#[test]
fn an_ods_gives_texts_numbers_dates_and_hidden_sheets() {
    use std::io::Write;
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:automatic-styles>
<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="任务" table:style-name="ta1">
<table:table-row><table:table-cell office:value-type="string"><text:p>具体任务</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>责任单位</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>完成时限</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>推进改革</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>区市场监管局</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2023-06-30"><text:p>2023-06-30</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>
<table:table table:name="旧表" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    z.start_file("META-INF/manifest.xml", stored).unwrap();
    z.write_all(br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.start_file("content.xml", stored).unwrap();
    z.write_all(content.as_bytes()).unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let b = book("任务.ods", &bytes);
    let g = sheet(&b, "任务");
    assert_eq!(g.cell(1, 1), &Got::Text("区市场监管局".into()));
    assert_eq!(g.cell(1, 2), &Got::Date(serial(2023, 6, 30)));
    // LibreOffice's empty rows to the sheet's end are not rows.
    assert_eq!(g.rows.len(), 2);
    assert!(!g.hidden);
    assert_eq!(sheet(&b, "旧表").cell(0, 0), &Got::Number(3.0));
    assert!(sheet(&b, "旧表").hidden);
}
