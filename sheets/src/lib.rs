//! Gongjian's spreadsheet reader: the bytes of a file a person chose to a
//! [`Book`] of cells (or, for CSV and TSV, the file's text), for the app's
//! `sheet_in` reader to interpret. In the browser it runs as a web worker
//! (see `worker`), so the app never links calamine and loads it only when
//! someone imports a table.
//!
//! Formats: .xlsx and .xlsm, .xlsb, .xls, .ods (calamine), told apart by
//! their bytes, not their names; .csv, .tsv and .txt by name, decoded to
//! text ([`text::decode`]). Refusals ([`Refusal`]) come before the heavy
//! work and change nothing: a file too large, a zip bomb, a sheet beyond
//! the limits, a password, a file that is not a spreadsheet.
//!
//! The book has the serde shape of `gongjian::domain::sheet_in::grid::Book`;
//! this crate does not depend on the app's crate, which on wasm32 brings
//! Leptos with it.

pub mod biff;
pub mod book;
pub mod ole;
pub mod read;
pub mod text;
pub mod zipped;

#[cfg(target_arch = "wasm32")]
pub mod worker;

pub use book::{Book, DateSystem, Got, Grid, Span};
pub use text::TextKind;

use serde::Serialize;

/// The largest file read, in bytes (20 MiB): a responsibility table of a
/// few thousand rows is well under 1 MiB; above this the browser tab would
/// hold several copies of the file while it is read.
pub const MAX_FILE: u64 = 20 * 1024 * 1024;

/// The most a zip-based workbook may unpack to, in bytes (100 MiB), by its
/// central directory, checked before anything is inflated.
pub const MAX_UNPACKED: u64 = 100 * 1024 * 1024;

/// The most one zip entry may be packed (unpacked size over packed size):
/// spreadsheet XML packs 5 to 30 times; a zip bomb thousands of times.
pub const MAX_RATIO: u64 = 200;

/// Entries smaller than this (1 MiB) are not judged by their ratio: a
/// small, very repetitive part (an empty sheet's styles) harms nobody.
pub const RATIO_FROM: u64 = 1024 * 1024;

/// The most rows a sheet may reach (its last row with a value): a district's
/// table has tens to hundreds; more is not a responsibility table, and the
/// mapping preview would not stay responsive.
pub const MAX_ROWS: usize = 5_000;

/// The most columns a sheet may reach (its last column with a value).
pub const MAX_COLUMNS: usize = 200;

/// Why a file is not read, with what the page needs to say so in a clerk's
/// words (it words them; the reader never sends prose for people). The
/// serialized `code` is stable: the page matches on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Refusal {
    /// Not a workbook or a text table. `detail`, when known, says what it
    /// is instead: `html` (a web page saved as .xls), `xml_2003` (Excel
    /// 2003's XML), `document` (Word, PowerPoint, OpenDocument text),
    /// `pdf`, `text`.
    #[error("not a spreadsheet ({detail:?})")]
    NotASpreadsheet {
        #[serde(skip_serializing_if = "Option::is_none")]
        detail: Option<&'static str>,
    },
    /// Protected by a password (encrypted): it cannot be read without it.
    #[error("password protected")]
    Password,
    /// The file is larger than `limit` bytes (`found`).
    #[error("{found} bytes, more than {limit}")]
    TooLarge { limit: u64, found: u64 },
    /// A zip that unpacks to far more than it holds. `detail` is
    /// `unpacked` (`limit` and `found` in bytes: everything it unpacks to)
    /// or `ratio` (`limit` and `found`: how many times one part is packed).
    #[error("zip bomb: {detail} {found} over {limit}")]
    ZipBomb { limit: u64, found: u64, detail: &'static str },
    /// A sheet reaches row `found`, more than `limit`.
    #[error("sheet '{sheet}' reaches row {found}, more than {limit}")]
    TooManyRows { sheet: String, limit: u64, found: u64 },
    /// A sheet reaches column `found`, more than `limit`.
    #[error("sheet '{sheet}' reaches column {found}, more than {limit}")]
    TooManyColumns { sheet: String, limit: u64, found: u64 },
    /// A spreadsheet that cannot be read (damaged, or cut short). `detail`
    /// is the reader's own message, for a developer, not for people.
    #[error("unreadable: {detail}")]
    Unreadable { detail: String },
}

impl Refusal {
    /// The stable code the page matches on (`too_many_rows`).
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotASpreadsheet { .. } => "not_a_spreadsheet",
            Refusal::Password => "password",
            Refusal::TooLarge { .. } => "too_large",
            Refusal::ZipBomb { .. } => "zip_bomb",
            Refusal::TooManyRows { .. } => "too_many_rows",
            Refusal::TooManyColumns { .. } => "too_many_columns",
            Refusal::Unreadable { .. } => "unreadable",
        }
    }
}

/// What a file holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// A workbook's sheets.
    Book(Book),
    /// A text table, decoded, for the page's CSV or TSV parser.
    Text { text: String, kind: TextKind },
}

/// Read the file `name` (its name only says which text parser a text file
/// wants) of `bytes`.
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, Refusal> {
    if bytes.len() as u64 > MAX_FILE {
        return Err(Refusal::TooLarge { limit: MAX_FILE, found: bytes.len() as u64 });
    }
    if bytes.starts_with(&ole::MAGIC) {
        return read::ole(bytes).map(Opened::Book);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read::zipped(bytes).map(Opened::Book);
    }
    let text = text::decode(bytes);
    if let Some(kind) = text::kind_of(name, &text) {
        return Ok(Opened::Text { text, kind });
    }
    // A table some systems export as "Excel": tab-separated text named .xls.
    let first = text.lines().next().unwrap_or("");
    let plain = !bytes.contains(&0) && !text.contains('\u{fffd}');
    if plain && first.contains('\t') && matches!(text::extension(name).as_str(), "xls" | "xlsx" | "et") {
        return Ok(Opened::Text { text, kind: TextKind::Tsv });
    }
    Err(Refusal::NotASpreadsheet { detail: what_else(bytes, &text, plain) })
}

/// What a file that is not a spreadsheet looks like, for the page to say.
fn what_else(bytes: &[u8], text: &str, plain: bool) -> Option<&'static str> {
    let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
    if bytes.starts_with(b"%PDF") {
        Some("pdf")
    } else if head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
        Some("xml_2003")
    } else if head.contains("<html") || head.contains("<table") || head.contains("<!doctype html") {
        Some("html")
    } else if plain && !text.trim().is_empty() {
        Some("text")
    } else {
        None
    }
}

/// The worker's reply to `{ name, bytes }`, as JSON: `{"book": "<JSON of
/// the book>"}`, `{"text": "…", "kind": "csv" | "tsv"}` or `{"error":
/// {"code": …}}`. The book is JSON text inside, as the page expects.
pub fn reply(name: &str, bytes: &[u8]) -> Reply {
    match open(name, bytes) {
        Ok(Opened::Book(book)) => match serde_json::to_string(&book) {
            Ok(book) => Reply::Book { book },
            Err(e) => Reply::Error { error: Refusal::Unreadable { detail: e.to_string() } },
        },
        Ok(Opened::Text { text, kind }) => Reply::Text { text, kind },
        Err(error) => Reply::Error { error },
    }
}

/// One reply of the worker's protocol.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Reply {
    Book { book: String },
    Text { text: String, kind: TextKind },
    Error { error: Refusal },
}
