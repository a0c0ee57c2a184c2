//! Gongjian's XLSX writer: a [`Workbook`] of plain sheets to the bytes of
//! an .xlsx file, and (with the same ZIP writer) a ZIP of text files, the
//! office's slices for every unit ([`archive`]). In the browser it runs as
//! a web worker (see [`worker`]), so the main app never links
//! rust_xlsxwriter and loads it only when the user exports.
//!
//! The types have the same serde shapes as `gongjian::domain::spreadsheet`
//! (a text cell is a JSON string, a number a JSON number, an empty cell
//! `null`); this crate does not depend on the app's crate, which on wasm32
//! brings Leptos with it.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use serde::{Deserialize, Serialize};

pub mod archive;
#[cfg(target_arch = "wasm32")]
pub mod worker;

pub use archive::{zip_bytes, zip_bytes_from_json, Entry};

/// One cell: a text, a number, or nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    /// Not-a-number and the infinities are left empty.
    Number(f64),
    Empty,
}

/// One worksheet: the lines above the table (what it is of) and an empty
/// line, a header row of column names, the rows, the lines below (totals).
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

/// Worksheets in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

/// Excel's limits that a sheet can reach with ordinary data.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
/// Column widths, in Excel's character units.
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;

/// The .xlsx bytes of `book`: one worksheet per sheet, the lines above the
/// table first (their labels bold) and an empty line, the header row bold
/// and frozen with a filter on it, the lines below the table bold, columns as wide as their widest line
/// (within reason; longer text wraps), texts written as text (so "7.1"
/// stays "7.1") and numbers as numbers. Sheet names are made valid for
/// Excel (no `[]:*?/\`, at most 31 characters, distinct).
pub fn workbook_bytes(book: &Workbook) -> Result<Vec<u8>, String> {
    if book.sheets.is_empty() {
        return Err("the workbook has no sheets".into());
    }
    let header = Format::new().set_bold().set_border_bottom(FormatBorder::Thin).set_align(FormatAlign::Top).set_text_wrap();
    let text = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let number = Format::new().set_align(FormatAlign::Top);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let mut taken: Vec<String> = Vec::new();
    for (i, sheet) in book.sheets.iter().enumerate() {
        let name = sheet_name(&sheet.name, i, &taken);
        let ws = wb.add_worksheet();
        write_sheet(ws, sheet, &name, [&header, &text, &number]).map_err(|e| format!("sheet '{}': {e}", sheet.name))?;
        taken.push(name);
    }
    wb.save_to_buffer().map_err(|e| e.to_string())
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, name: &str, [header, text, number]: [&Format; 3]) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let width = sheet.rows.iter().chain(&sheet.above).chain(&sheet.below).map(Vec::len).chain([sheet.columns.len()]).max().unwrap_or(0);
    if width > MAX_COLUMNS {
        return Err(XlsxError::ParameterError(format!("{width} columns, more than Excel's {MAX_COLUMNS}")));
    }
    // The header's row: under the lines above and the empty line after them.
    let top = if sheet.above.is_empty() { 0 } else { sheet.above.len() + 1 };
    let lines = top + sheet.rows.len() + sheet.below.len();
    if lines >= MAX_ROWS {
        return Err(XlsxError::ParameterError(format!("{lines} rows, more than Excel's {}", MAX_ROWS - 1)));
    }
    let bold_text = text.clone().set_bold();
    let bold_number = number.clone().set_bold();
    let mut widths = vec![0usize; width];
    for (r, row) in sheet.above.iter().enumerate() {
        // The label bold, its value plain.
        put(ws, &mut widths, r, &row[..row.len().min(1)], [&bold_text, &bold_number])?;
        if row.len() > 1 {
            let mut rest = vec![Cell::Empty];
            rest.extend_from_slice(&row[1..]);
            put(ws, &mut widths, r, &rest, [text, number])?;
        }
    }
    for (c, title) in sheet.columns.iter().enumerate() {
        ws.write_string_with_format(top as u32, c as u16, title, header)?;
        widths[c] = widths[c].max(text_width(title) + 1);
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        put(ws, &mut widths, top + 1 + r, row, [text, number])?;
    }
    for (r, row) in sheet.below.iter().enumerate() {
        put(ws, &mut widths, top + 1 + sheet.rows.len() + r, row, [&bold_text, &bold_number])?;
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(MIN_WIDTH, MAX_WIDTH))?;
    }
    if width > 0 {
        ws.set_freeze_panes(top as u32 + 1, 0)?;
        ws.autofilter(top as u32, 0, (top + sheet.rows.len()) as u32, (width - 1) as u16)?;
    }
    Ok(())
}

/// Write `row`'s cells on row `r`, texts and numbers in their formats,
/// widening `widths` to what they hold.
fn put(ws: &mut Worksheet, widths: &mut [usize], r: usize, row: &[Cell], [text, number]: [&Format; 2]) -> Result<(), XlsxError> {
    for (c, cell) in row.iter().enumerate() {
        match cell {
            Cell::Text(s) if !s.is_empty() => {
                ws.write_string_with_format(r as u32, c as u16, s, text)?;
                widths[c] = widths[c].max(text_width(s));
            }
            Cell::Number(n) if n.is_finite() => {
                ws.write_number_with_format(r as u32, c as u16, *n, number)?;
                widths[c] = widths[c].max(format!("{n}").len());
            }
            _ => {}
        }
    }
    Ok(())
}

/// The widest line of `s` in character cells: Chinese (and other wide)
/// characters take two.
fn text_width(s: &str) -> usize {
    s.lines().map(|l| l.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()).max().unwrap_or(0)
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// A name Excel accepts for sheet `index`: forbidden characters replaced,
/// no apostrophe at either end, at most 31 UTF-16 units, not "History",
/// and (ignoring case) unlike the names already `taken`.
fn sheet_name(wanted: &str, index: usize, taken: &[String]) -> String {
    let cleaned: String = wanted.chars().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '_' } else { c }).collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base = if cleaned.is_empty() { format!("Sheet{}", index + 1) } else { cleaned.to_string() };
    let free = |n: &str| !n.eq_ignore_ascii_case("history") && !taken.iter().any(|t| t.to_lowercase() == n.to_lowercase());
    let first = truncate(&base, 31);
    if free(&first) {
        return first;
    }
    (2..).map(|k| format!(" ({k})")).map(|tail| format!("{}{tail}", truncate(&base, 31 - tail.len()))).find(|n| free(n)).unwrap_or(first)
}

/// `s` cut to at most `max` UTF-16 units, on a character boundary, with no
/// space or apostrophe left at the end.
fn truncate(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut units = 0;
    for c in s.chars() {
        units += c.len_utf16();
        if units > max {
            break;
        }
        out.push(c);
    }
    out.trim_end_matches([' ', '\'']).to_string()
}

/// What the worker does with one message: the JSON of a [`Workbook`] in,
/// the .xlsx bytes (or why not) out.
pub fn workbook_bytes_from_json(json: &str) -> Result<Vec<u8>, String> {
    let book: Workbook = serde_json::from_str(json).map_err(|e| format!("not a workbook: {e}"))?;
    workbook_bytes(&book)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_valid_and_distinct() {
        let taken = vec!["Units".to_string()];
        assert_eq!(sheet_name("a/b: [c]?", 0, &[]), "a_b_ _c__");
        assert_eq!(sheet_name("  'quoted'  ", 0, &[]), "quoted");
        assert_eq!(sheet_name("", 2, &[]), "Sheet3");
        assert_eq!(sheet_name("units", 1, &taken), "units (2)");
        assert_eq!(sheet_name("History", 0, &[]), "History (2)");
        let long = "攻坚任务责任分工表".repeat(5);
        let name = sheet_name(&long, 0, &[]);
        assert_eq!(name.encode_utf16().count(), 31);
        let again = sheet_name(&long, 1, std::slice::from_ref(&name));
        assert!(again.ends_with(" (2)") && again.encode_utf16().count() <= 31, "{again}");
        let emoji = sheet_name(&"😀".repeat(20), 0, &[]);
        assert_eq!(emoji.encode_utf16().count(), 30);
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(text_width("No."), 3);
        assert_eq!(text_width("东门街道 · Lu Yi"), 8 + 8);
        assert_eq!(text_width("short\na longer line"), 13);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(workbook_bytes_from_json("not json").unwrap_err().starts_with("not a workbook"));
        assert!(workbook_bytes_from_json(r#"{"sheets":[{"name":"x","columns":[],"rows":[[{"a":1}]]}]}"#).is_err());
        assert_eq!(workbook_bytes_from_json(r#"{"sheets":[]}"#).unwrap_err(), "the workbook has no sheets");
        let long = "x".repeat(40_000);
        let book = Workbook { sheets: vec![Sheet { name: "x".into(), rows: vec![vec![Cell::Text(long)]], ..Sheet::default() }] };
        assert!(workbook_bytes(&book).unwrap_err().starts_with("sheet 'x':"));
    }

    #[test]
    fn an_empty_sheet_is_written() {
        let book = Workbook { sheets: vec![Sheet::default()] };
        assert!(workbook_bytes(&book).unwrap().starts_with(b"PK"));
    }
}
