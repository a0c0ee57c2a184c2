//! Gongjian's Word writer: a [`Document`] of plain strings — a title, a
//! line under it, headings, paragraphs and tables — to the bytes of a
//! .docx file on A4, in the fonts Chinese offices use (宋体 for the
//! title and tables, 黑体 for headings, 仿宋 for the text, set as the
//! east-Asian fonts so Word and WPS both show them). In the browser it
//! runs as a web worker (see [`worker`]), so the app never links the
//! writer and loads it only when someone downloads a document.
//!
//! The types have the same serde shapes as `gongjian::domain::document`;
//! this crate does not depend on the app's crate, which on wasm32 brings
//! Leptos with it. The writer is docx-rs (without its image decoders).

use docx_rs::{AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, Table, TableCell, TableLayoutType, TableRow, WidthType};
use serde::{Deserialize, Serialize};

#[cfg(target_arch = "wasm32")]
pub mod worker;

/// One block of a document, in reading order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// A header row of column names and rows of cells.
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A document to write.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

/// A4 in twentieths of a point, portrait.
const A4: (u32, u32) = (11_906, 16_838);
/// The margins of an official document (GB/T 9704): 37 mm top, 35 mm
/// bottom, 28 mm left, 26 mm right, in twentieths of a point.
const MARGINS: (i32, i32, i32, i32) = (2_098, 1_984, 1_588, 1_474);
/// Font sizes in half-points: 二号 (22 pt) for the title, 三号 (16 pt) for
/// headings and text, 五号 (10.5 pt) in tables.
const TITLE_SIZE: usize = 44;
const TEXT_SIZE: usize = 32;
const TABLE_SIZE: usize = 21;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new().east_asia(east_asia).ascii("Times New Roman").hi_ansi("Times New Roman")
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(font)).size(size)
}

fn table(columns: &[String], rows: &[Vec<String>]) -> Table {
    let cell = |s: &str, bold: bool| {
        let r = run(s, "宋体", TABLE_SIZE);
        TableCell::new().add_paragraph(Paragraph::new().add_run(if bold { r.bold() } else { r }))
    };
    let header = TableRow::new(columns.iter().map(|c| cell(c, true)).collect()).cant_split();
    let body = rows.iter().map(|r| TableRow::new(r.iter().map(|c| cell(c, false)).collect()).cant_split());
    // As wide as the text, columns fitted to their content.
    Table::new(std::iter::once(header).chain(body).collect()).width(5_000, WidthType::Pct).layout(TableLayoutType::Autofit)
}

/// The .docx bytes of `doc`.
pub fn docx_bytes(doc: &Document) -> Result<Vec<u8>, String> {
    let (top, bottom, left, right) = MARGINS;
    let mut d = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin::new().top(top).bottom(bottom).left(left).right(right))
        .default_fonts(fonts("仿宋"))
        .default_size(TEXT_SIZE)
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run(&doc.title, "宋体", TITLE_SIZE).bold()));
    if !doc.subtitle.is_empty() {
        d = d.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run(&doc.subtitle, "楷体", TEXT_SIZE)));
    }
    for b in &doc.blocks {
        d = match b {
            Block::Heading(s) => d.add_paragraph(Paragraph::new().keep_next(true).add_run(run(s, "黑体", TEXT_SIZE))),
            Block::Paragraph(s) => d.add_paragraph(Paragraph::new().first_line_chars(200).add_run(run(s, "仿宋", TEXT_SIZE))),
            Block::Table { columns, rows } => d.add_table(table(columns, rows)).add_paragraph(Paragraph::new()),
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// [`docx_bytes`] of a document's JSON text (what the worker is sent).
pub fn docx_bytes_from_json(json: &str) -> Result<Vec<u8>, String> {
    let doc: Document = serde_json::from_str(json).map_err(|e| format!("not a document: {e}"))?;
    docx_bytes(&doc)
}
