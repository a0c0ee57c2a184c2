//! Bringing an office's existing table in from a spreadsheet or pasted
//! cells: the file is read by the reader worker (`sheets/`, loaded only
//! now), the cells are understood by `domain::sheet_in`, the person checks
//! the mapping (`components::sheet_mapping`), and the result goes through
//! the usual import preview (`exchange::import::prepare_local`): all at
//! once, undoable. Lives in the import chunk.

use super::i18n::{m_sheet as ms, Tr};
use super::shell::base_path;
use super::state::{AppState, Pending};
use crate::domain::sheet_in::columns::Column;
use crate::domain::sheet_in::grid::{from_csv, from_tsv, Book};
use crate::domain::sheet_in::into::{add_to, written, Matched};
use crate::domain::sheet_in::structure::{pick_sheet, read, Reading};
use crate::domain::{Lang, Plan};
use crate::exchange::import::{prepare_local, Side};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Files the reader takes, by their names' endings.
pub const SPREADSHEET_ENDINGS: [&str; 8] = [".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt", ".et"];

/// Whether a file is a spreadsheet (by its name), not an exchange file.
pub fn is_spreadsheet(name: &str) -> bool {
    let n = name.to_lowercase();
    SPREADSHEET_ENDINGS.iter().any(|e| n.ends_with(e))
}

/// Where the new plan, or the records, go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Into {
    New,
    Current,
}

/// A spreadsheet being mapped.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub file: String,
    pub book: Arc<Book>,
    pub sheet: usize,
    /// What each column becomes, as the person set it (from the header at first).
    pub columns: Vec<Option<Column>>,
    pub into: Into,
    /// A new plan's title and year.
    pub title: String,
    pub year: i32,
}

impl Mapping {
    /// The table as read with the mapping as set now.
    pub fn reading(&self) -> Reading {
        read(&self.book, self.sheet, self.year, Some(&self.columns))
    }
}

/// Where a spreadsheet import stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Reading(String),
    Mapping(Box<Mapping>),
    /// Refused before any mapping: the file and why, in words.
    Refused {
        file: String,
        why: String,
    },
}

thread_local! {
    static STAGE: RwSignal<Option<Stage>> = RwSignal::new(None);
}

/// The spreadsheet import's state (one per page).
pub fn stage() -> RwSignal<Option<Stage>> {
    STAGE.with(|s| *s)
}

/// Open a book read from `file`: the sheet that holds the table, its
/// columns as the header names them, into a new plan when the table here
/// is the untouched example or blank, else into the current one (only the
/// office adds to a plan).
pub fn open(st: AppState, file: String, book: Book) {
    let year = st.plan.with_untracked(|p| p.year);
    let sheet = pick_sheet(&book, year).unwrap_or(0);
    let first = read(&book, sheet, year, None);
    let columns = first.header.as_ref().map(|h| h.columns.iter().map(|(_, c)| *c).collect()).unwrap_or_default();
    let spare = st.plan.with_untracked(crate::exchange::import::is_spare);
    let office = st.me.get_untracked().is_none();
    let stem = file.rsplit_once('.').map_or(file.as_str(), |(s, _)| s).to_string();
    let mut columns: Vec<Option<Column>> = columns;
    columns.resize(book.sheets.get(sheet).map_or(0, |g| g.width()), None);
    let mapping = Mapping {
        file,
        book: Arc::new(book),
        sheet,
        columns,
        into: if spare || !office { Into::New } else { Into::Current },
        title: first.title.clone().unwrap_or(stem),
        year: first.year.unwrap_or(year),
    };
    st.pending.set(None);
    stage().set(Some(Stage::Mapping(Box::new(mapping))));
}

/// The other sheet the person picked: its own header.
pub fn pick(m: &mut Mapping, sheet: usize) {
    m.sheet = sheet;
    let r = read(&m.book, sheet, m.year, None);
    m.columns = r.header.map(|h| h.columns.into_iter().map(|(_, c)| c).collect()).unwrap_or_default();
    m.columns.resize(m.book.sheets.get(sheet).map_or(0, |g| g.width()), None);
    if let Some(t) = r.title {
        m.title = t;
    }
}

/// Cells pasted from Excel or WPS.
pub fn paste(st: AppState, text: &str) {
    let name = st.lang.get_untracked().t(ms::PASTED).to_string();
    open(st, name.clone(), Book { sheets: vec![from_tsv(&name, text)], ..Book::default() });
}

/// The plan the mapping makes: a new one, or the current one with the
/// table's records added; and which units and people it matched.
pub fn result(st: AppState, m: &Mapping) -> Result<(Plan, Matched), crate::domain::edit::EditError> {
    result_of(st, m, &m.reading())
}

/// [`result`], from the table already read with the mapping.
pub fn result_of(st: AppState, m: &Mapping, reading: &Reading) -> Result<(Plan, Matched), crate::domain::edit::EditError> {
    let stamp = st.stamp();
    let untitled = st.lang.get_untracked().t(ms::UNTITLED);
    let mut plan = match m.into {
        Into::Current => st.plan.get_untracked(),
        Into::New => {
            let kickoff = chrono::NaiveDate::from_ymd_opt(m.year, 1, 1).unwrap_or_else(|| st.today.get_untracked());
            Plan::blank(written(m.title.trim()), m.year, kickoff, stamp)
        }
    };
    let matched = add_to(&mut plan, reading, untitled, stamp)?;
    Ok((plan, matched))
}

/// Go on to the usual import preview.
pub fn preview(st: AppState, m: &Mapping) {
    let lang = st.lang.get_untracked();
    let outcome = result(st, m).map_err(|e| crate::app::i18n::edit_error(lang, &e).join("；")).and_then(|(plan, _)| {
        let me = st.me.get_untracked();
        st.plan.with_untracked(|current| {
            st.base.with_untracked(|base| {
                prepare_local(&m.file, plan, Side { plan: current, me, base: base.as_ref() }, chrono::Utc::now())
                    .map_err(|why| crate::app::i18n::refused(lang, &why))
            })
        })
    });
    match outcome {
        Ok(prepared) => {
            let n = prepared.preview.conflicts.len();
            stage().set(None);
            st.pending.set(Some(Pending::Preview { prepared: Box::new(prepared), choices: vec![None; n] }));
        }
        Err(why) => stage().set(Some(Stage::Refused { file: m.file.clone(), why })),
    }
}

/// A refusal from the reader, in words: its code and details.
fn refusal(lang: Lang, e: &JsValue) -> String {
    let get = |k: &str| js_sys::Reflect::get(e, &k.into()).ok().filter(|v| !v.is_undefined() && !v.is_null());
    let code = get("code").and_then(|v| v.as_string()).unwrap_or_default();
    let sheet = get("sheet").and_then(|v| v.as_string()).unwrap_or_default();
    let number = |k: &str| get(k).and_then(|v| v.as_f64());
    let size = |n: f64| {
        if n >= 1024.0 * 1024.0 {
            format!("{} MB", crate::domain::numbers::plain((n / 1048576.0 * 10.0).round() / 10.0))
        } else {
            crate::domain::numbers::plain(n)
        }
    };
    let limit = number("limit").map(size).unwrap_or_default();
    match code.as_str() {
        "not_a_spreadsheet" => lang.t(ms::NOT_A_SHEET).into(),
        "password" => lang.t(ms::PASSWORD).into(),
        "too_large" => format!("{} {limit}", lang.t(ms::TOO_LARGE)),
        "zip_bomb" if get("detail").and_then(|v| v.as_string()).as_deref() == Some("ratio") => lang.t(ms::ZIP_BOMB_RATIO).into(),
        "zip_bomb" => format!("{} {limit}", lang.t(ms::ZIP_BOMB)),
        "too_many_rows" => format!("{}“{sheet}”（{}{limit}）", lang.t(ms::TOO_MANY_ROWS), lang.t(ms::LIMIT)),
        "too_many_columns" => format!("{}“{sheet}”（{}{limit}）", lang.t(ms::TOO_MANY_COLUMNS), lang.t(ms::LIMIT)),
        _ => lang.t(ms::UNREADABLE).into(),
    }
}

/// Read a spreadsheet file the person chose or dropped, in the reader
/// worker (fetched now, not at start-up), and open its mapping.
pub fn read_file(st: AppState, f: web_sys::File) {
    let name = f.name();
    stage().set(Some(Stage::Reading(name.clone())));
    st.pending.set(None);
    leptos::task::spawn_local(async move {
        let lang = st.lang.get_untracked();
        let refuse = |why: String| stage().set(Some(Stage::Refused { file: name.clone(), why }));
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await else {
            refuse(lang.t(ms::UNREADABLE).into());
            return;
        };
        let url = format!("{}/gongjian-sheets_loader.js", base_path());
        let Ok(worker) = web_sys::Worker::new(&url) else {
            refuse(lang.t(ms::WORKER_FAILED).into());
            return;
        };
        let w = worker.clone();
        let file = name.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().filter(|v| !v.is_undefined() && !v.is_null());
            let lang = st.lang.get_untracked();
            let refuse = |why: String| stage().set(Some(Stage::Refused { file: file.clone(), why }));
            if get("ready").and_then(|v| v.as_bool()) == Some(true) {
                let message = js_sys::Object::new();
                let bytes = js_sys::Uint8Array::new(&buffer);
                let _ = js_sys::Reflect::set(&message, &"name".into(), &file.clone().into());
                let _ = js_sys::Reflect::set(&message, &"bytes".into(), &bytes);
                let _ = w.post_message(&message);
                return;
            }
            w.terminate();
            if let Some(book) = get("book").and_then(|v| v.as_string()) {
                match serde_json::from_str::<Book>(&book) {
                    Ok(book) => open(st, file.clone(), book),
                    Err(_) => refuse(lang.t(ms::UNREADABLE).into()),
                }
            } else if let Some(text) = get("text").and_then(|v| v.as_string()) {
                let tsv = get("kind").and_then(|v| v.as_string()).as_deref() == Some("tsv");
                let grid = if tsv { from_tsv(&file, &text) } else { from_csv(&file, &text) };
                open(st, file.clone(), Book { sheets: vec![grid], ..Book::default() });
            } else {
                refuse(refusal(lang, &get("error").unwrap_or(JsValue::NULL)));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // Lives as long as the worker: one per file read.
        on_message.forget();
    });
}
