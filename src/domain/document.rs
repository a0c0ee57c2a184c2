//! A document as plain strings — a title, a line under it, headings,
//! paragraphs and tables — that the page, the plain text and the Word
//! writer (`docx/`, a web worker) all render, so what an office pastes,
//! prints and downloads says the same words. The serde shape is the one
//! the `gongjian-docx` crate reads (a test there checks).

use serde::{Deserialize, Serialize};

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

/// A document to show, copy or write as .docx.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    /// The line under the title (the period, the scope).
    #[serde(default)]
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

impl Document {
    /// The plain text an office pastes into its own document: the title,
    /// the line under it, each heading and paragraph on a line of its own
    /// with an empty line between blocks, and each table as tab-separated
    /// lines (a header line first), which Word, WPS and spreadsheets turn
    /// back into a table.
    pub fn text(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.title);
        out.push('\n');
        if !self.subtitle.is_empty() {
            out.push_str(&self.subtitle);
            out.push('\n');
        }
        for b in &self.blocks {
            out.push('\n');
            match b {
                Block::Heading(s) | Block::Paragraph(s) => {
                    out.push_str(s);
                    out.push('\n');
                }
                Block::Table { columns, rows } => {
                    for row in std::iter::once(columns).chain(rows) {
                        let cells: Vec<String> = row.iter().map(|c| c.replace(['\t', '\n'], " ")).collect();
                        out.push_str(&cells.join("\t"));
                        out.push('\n');
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_puts_tables_as_tab_separated_lines() {
        let d = Document {
            title: "T".into(),
            subtitle: "S".into(),
            blocks: vec![
                Block::Heading("H".into()),
                Block::Table { columns: vec!["a".into(), "b".into()], rows: vec![vec!["1\t2".into(), "3".into()]] },
            ],
        };
        assert_eq!(d.text(), "T\nS\n\nH\n\na\tb\n1 2\t3\n");
    }
}
