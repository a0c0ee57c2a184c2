//! Files the reader refuses, each with its code and the details the page
//! words it with: a renamed text or Word file, a password, a zip bomb, a
//! file or sheet beyond the limits. A sheet without a header is not a
//! refusal: the reader reads it and the app's reader says it has none.

#[path = "support/xls.rs"]
mod xls;

use gongjian_sheets::{open, Opened, Refusal, MAX_FILE, MAX_RATIO, MAX_UNPACKED};
use rust_xlsxwriter::Workbook;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn zip_of(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method).large_file(true);
    for (name, data) in entries {
        z.start_file(*name, options).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn a_renamed_text_file_is_not_a_spreadsheet() {
    let minutes = "区委督查室会议纪要\n一、会议听取了各单位攻坚任务进展情况。\n".as_bytes();
    assert_eq!(open("责任分工表.xlsx", minutes), Err(Refusal::NotASpreadsheet { detail: Some("text") }));
    let (gbk, _, _) = encoding_rs::GB18030.encode("区委督查室会议纪要");
    assert_eq!(open("责任分工表.xls", &gbk), Err(Refusal::NotASpreadsheet { detail: Some("text") }));
    assert_eq!(open("表.xlsx", &[0u8, 159, 146, 150, 1, 2]), Err(Refusal::NotASpreadsheet { detail: None }));
    assert_eq!(open("表.xlsx", b""), Err(Refusal::NotASpreadsheet { detail: None }));
}

#[test]
fn a_web_page_or_excel_2003_xml_saved_as_xls_says_what_it_is() {
    let html = "<html><body><table><tr><td>具体任务</td></tr></table></body></html>";
    assert_eq!(open("导出.xls", html.as_bytes()), Err(Refusal::NotASpreadsheet { detail: Some("html") }));
    let xml = r#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>"#;
    assert_eq!(open("导出.xls", xml.as_bytes()), Err(Refusal::NotASpreadsheet { detail: Some("xml_2003") }));
    assert_eq!(open("通知.xlsx", b"%PDF-1.7\n..."), Err(Refusal::NotASpreadsheet { detail: Some("pdf") }));
}

#[test]
fn a_renamed_word_document_is_not_a_spreadsheet() {
    let docx = zip_of(
        &[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", "<w:document>会议纪要</w:document>".as_bytes())],
        CompressionMethod::Deflated,
    );
    assert_eq!(open("责任分工表.xlsx", &docx), Err(Refusal::NotASpreadsheet { detail: Some("document") }));
    let doc = xls::compound(&[("WordDocument", &[0u8; 5000])]);
    assert_eq!(open("责任分工表.xls", &doc), Err(Refusal::NotASpreadsheet { detail: Some("document") }));
    let odt = zip_of(
        &[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<office:document-content/>")],
        CompressionMethod::Stored,
    );
    assert_eq!(open("表.ods", &odt), Err(Refusal::NotASpreadsheet { detail: Some("document") }));
}

#[test]
fn a_password_protected_workbook_is_refused_as_such() {
    // Excel and WPS encrypt an .xlsx into a compound file of these streams.
    let encrypted = xls::compound(&[("EncryptionInfo", &[4, 0, 4, 0, 0x40, 0, 0, 0]), ("EncryptedPackage", &[7u8; 6000])]);
    assert_eq!(open("责任分工表.xlsx", &encrypted), Err(Refusal::Password));
    // An old .xls with a password: a FilePass record.
    let cells = vec![(0, 0, xls::XlsCell::Text("具体任务".into()))];
    let sheet = xls::XlsSheet { name: "Sheet1".into(), hidden: false, cells, merged: vec![], hidden_columns: vec![] };
    assert_eq!(open("责任分工表.xls", &xls::xls(&[sheet], true)), Err(Refusal::Password));
}

#[test]
fn a_zip_bomb_is_refused_before_anything_is_inflated() {
    // One entry that inflates past the limit, a thousand times packed.
    let zeros = vec![0u8; (MAX_UNPACKED + 1) as usize];
    let bomb = zip_of(
        &[("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>"), ("xl/worksheets/sheet1.xml", &zeros)],
        CompressionMethod::Deflated,
    );
    drop(zeros);
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    match open("责任分工表.xlsx", &bomb) {
        Err(Refusal::ZipBomb { limit, found, detail: "ratio" }) => assert!(limit == MAX_RATIO && found > MAX_RATIO, "{found}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_zip_that_claims_to_unpack_past_the_limit_is_refused() {
    // 120 parts each claiming just under 1 MB (too small to be judged by
    // their ratio): 120 MB in all. Only the central directory is read.
    let names: Vec<String> = (0..120).map(|i| format!("xl/media/image{i}.bin")).collect();
    let mut entries: Vec<(&str, &[u8])> = vec![("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>")];
    entries.extend(names.iter().map(|n| (n.as_str(), &b"x"[..])));
    let mut bytes = zip_of(&entries, CompressionMethod::Stored);
    // Each central directory record (PK 1 2) claims 1,000,000 bytes unpacked.
    let mut at = 0;
    while let Some(p) = bytes[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let record = at + p;
        let name_len = u16::from_le_bytes([bytes[record + 28], bytes[record + 29]]) as usize;
        if bytes[record + 46..record + 46 + name_len].starts_with(b"xl/media/") {
            bytes[record + 24..record + 28].copy_from_slice(&1_000_000u32.to_le_bytes());
        }
        at = record + 4;
    }
    assert_eq!(
        open("责任分工表.xlsx", &bytes),
        Err(Refusal::ZipBomb { limit: MAX_UNPACKED, found: 120_000_000 + 8 + 11, detail: "unpacked" })
    );
}

#[test]
fn a_file_larger_than_the_limit_is_refused_by_its_size() {
    let big = vec![b'a'; MAX_FILE as usize + 1];
    assert_eq!(open("大表.csv", &big), Err(Refusal::TooLarge { limit: MAX_FILE, found: MAX_FILE + 1 }));
}

#[test]
fn a_sheet_of_5001_rows_or_201_columns_is_refused_naming_it() {
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("说明").unwrap().write_string(0, 0, "见下一页").unwrap();
    let ws = wb.add_worksheet().set_name("任务清单").unwrap();
    ws.write_string(0, 0, "具体任务").unwrap();
    for r in 1..=5000u32 {
        ws.write_string(r, 0, format!("任务{r}")).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    assert_eq!(open("大表.xlsx", &bytes), Err(Refusal::TooManyRows { sheet: "任务清单".into(), limit: 5000, found: 5001 }));

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("宽表").unwrap();
    ws.write_string(0, 0, "具体任务").unwrap();
    ws.write_string(3, 200, "备注").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    assert_eq!(open("宽表.xlsx", &bytes), Err(Refusal::TooManyColumns { sheet: "宽表".into(), limit: 200, found: 201 }));

    // 5,000 rows exactly is read.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for r in 0..5000u32 {
        ws.write_string(r, 0, format!("任务{r}")).unwrap();
    }
    match open("满表.xlsx", &wb.save_to_buffer().unwrap()) {
        Ok(Opened::Book(b)) => assert_eq!(b.sheets[0].rows.len(), 5000),
        other => panic!("{other:?}"),
    }
}

#[test]
fn formatting_far_beyond_the_table_is_not_a_row() {
    // Borders drawn down to row 10,000 with nothing in them, and a merged
    // range across the whole width: the table is still three rows.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let border = rust_xlsxwriter::Format::new().set_border(rust_xlsxwriter::FormatBorder::Thin);
    ws.write_string(0, 0, "具体任务").unwrap();
    ws.write_string(0, 1, "责任单位").unwrap();
    ws.write_string(1, 0, "推进改革").unwrap();
    ws.write_string(1, 1, "区市场监管局").unwrap();
    ws.merge_range(2, 0, 2, 300, "注：本表", &border).unwrap();
    for r in 3..10_000 {
        ws.write_blank(r, 0, &border).unwrap();
    }
    match open("表.xlsx", &wb.save_to_buffer().unwrap()) {
        Ok(Opened::Book(b)) => {
            let g = &b.sheets[0];
            assert_eq!(g.rows.len(), 3);
            assert_eq!(g.merged, [gongjian_sheets::Span { rows: (2, 2), cols: (0, 1) }]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_sheet_without_a_header_is_read_and_the_app_says_it_has_none() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("数据").unwrap();
    for r in 0..6u32 {
        ws.write_number(r, 0, r as f64 * 3.0).unwrap();
        ws.write_string(r, 1, "今年以来，全区各项工作稳步推进").unwrap();
    }
    let Ok(Opened::Book(book)) = open("数据.xlsx", &wb.save_to_buffer().unwrap()) else { panic!("read") };
    let app: gongjian::domain::sheet_in::grid::Book = serde_json::from_str(&serde_json::to_string(&book).unwrap()).unwrap();
    use gongjian::domain::sheet_in::structure::{pick_sheet, read, Saying};
    assert_eq!(pick_sheet(&app, 2023), None);
    let r = read(&app, 0, 2023, None);
    assert!(r.actions.is_empty());
    assert_eq!(r.said.len(), 1);
    assert_eq!((r.said[0].place.as_str(), &r.said[0].what, r.said[0].problem), ("数据", &Saying::NoHeader, true));
}

#[test]
fn refusals_carry_a_stable_code_and_only_their_details() {
    let json = |r: Refusal| serde_json::to_value(r).unwrap();
    assert_eq!(json(Refusal::Password), serde_json::json!({ "code": "password" }));
    assert_eq!(
        json(Refusal::TooManyRows { sheet: "任务清单".into(), limit: 5000, found: 5001 }),
        serde_json::json!({ "code": "too_many_rows", "sheet": "任务清单", "limit": 5000, "found": 5001 })
    );
    assert_eq!(json(Refusal::TooLarge { limit: 1, found: 2 }), serde_json::json!({ "code": "too_large", "limit": 1, "found": 2 }));
    assert_eq!(json(Refusal::NotASpreadsheet { detail: None }), serde_json::json!({ "code": "not_a_spreadsheet" }));
    for r in [
        Refusal::NotASpreadsheet { detail: None },
        Refusal::Password,
        Refusal::TooLarge { limit: 1, found: 2 },
        Refusal::ZipBomb { limit: 1, found: 2, detail: "ratio" },
        Refusal::TooManyRows { sheet: String::new(), limit: 1, found: 2 },
        Refusal::TooManyColumns { sheet: String::new(), limit: 1, found: 2 },
        Refusal::Unreadable { detail: String::new() },
    ] {
        assert_eq!(json(r.clone())["code"], r.code());
    }
}
