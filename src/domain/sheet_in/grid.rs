//! A workbook as the reader worker hands it over: each sheet's cells as
//! values, its merged ranges and hidden columns, and the workbook's date
//! system. Cell addresses are named as a spreadsheet names them
//! (`任务清单!F14`).

use super::when::DateSystem;
use serde::{Deserialize, Serialize};

/// One cell's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Got {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date: its serial number.
    Date(f64),
    Bool(bool),
    /// A formula's error (`#REF!`).
    Error(String),
}

impl Got {
    /// The cell as text, as a person would read it off the screen.
    pub fn text(&self) -> String {
        match self {
            Got::Empty => String::new(),
            Got::Text(s) | Got::Error(s) => s.trim().to_string(),
            Got::Number(n) => crate::domain::spreadsheet::number_text(*n),
            Got::Date(n) => super::when::serial_day(*n, DateSystem::From1900).map(|d| d.to_string()).unwrap_or_default(),
            Got::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Got::Empty => true,
            Got::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A merged range, first and last row and column (0-based, inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub rows: (usize, usize),
    pub cols: (usize, usize),
}

/// One sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Got>>,
    #[serde(default)]
    pub merged: Vec<Span>,
    #[serde(default)]
    pub hidden_columns: Vec<usize>,
    /// The sheet itself is hidden.
    #[serde(default)]
    pub hidden: bool,
}

/// The workbook: its sheets in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Book {
    pub sheets: Vec<Grid>,
    #[serde(default)]
    pub dates: DateSystem,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Got {
        static EMPTY: Got = Got::Empty;
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&EMPTY)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Every merged range's value in each of its cells, as a person sees
    /// the table (a key action merged down over its tasks is its tasks').
    pub fn unmerged(&self) -> Grid {
        let mut g = self.clone();
        for s in &self.merged {
            let v = self.cell(s.rows.0, s.cols.0).clone();
            for r in s.rows.0..=s.rows.1.min(self.rows.len().saturating_sub(1)) {
                for c in s.cols.0..=s.cols.1 {
                    if r == s.rows.0 && c == s.cols.0 {
                        continue;
                    }
                    let row = &mut g.rows[r];
                    if row.len() <= c {
                        row.resize(c + 1, Got::Empty);
                    }
                    row[c] = v.clone();
                }
            }
        }
        g
    }

    /// Whether the cell is covered by a merged range starting in a row
    /// above it (its value was filled from there).
    pub fn merged_from_above(&self, row: usize, col: usize) -> bool {
        self.merged.iter().any(|s| s.rows.0 < row && row <= s.rows.1 && s.cols.0 <= col && col <= s.cols.1)
    }
}

/// `F14`: a cell's address as a spreadsheet names it (0-based row, column).
pub fn address(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        letters.push((b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// `任务清单!F14`: the sheet's name and the cell, as a clerk finds it.
pub fn place(sheet: &str, row: usize, col: usize) -> String {
    format!("{sheet}!{}", address(row, col))
}

/// A pasted block of cells (what Excel and WPS put on the clipboard: rows
/// on lines, cells separated by tabs, a cell with a line break or tab in
/// quotes) as a sheet named `name`.
pub fn from_tsv(name: &str, text: &str) -> Grid {
    Grid { name: name.into(), rows: delimited(text, '\t'), ..Grid::default() }
}

/// CSV text (already decoded) as a sheet: RFC 4180, any line ending; the
/// delimiter is the one of comma, semicolon and tab the first line has
/// most of.
pub fn from_csv(name: &str, text: &str) -> Grid {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = [',', '\t', ';'].into_iter().max_by_key(|c| first.matches(*c).count()).unwrap_or(',');
    Grid { name: name.into(), rows: delimited(text, sep), ..Grid::default() }
}

fn delimited(text: &str, sep: char) -> Vec<Vec<Got>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let cell = |f: &mut String| {
        let s = std::mem::take(f);
        // The apostrophe the app's own export puts before a text that a
        // spreadsheet would run as a formula (`spreadsheet::csv`) goes.
        let s = match s.strip_prefix('\'') {
            Some(rest) if rest.starts_with(crate::domain::spreadsheet::FORMULA_STARTS) => rest.to_string(),
            _ => s,
        };
        if s.trim().is_empty() {
            Got::Empty
        } else {
            Got::Text(s)
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            c if c == sep && !quoted => row.push(cell(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(cell(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(cell(&mut field));
        rows.push(row);
    }
    rows
}
