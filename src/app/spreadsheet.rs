//! Spreadsheet exports in the browser: CSV written here, XLSX by a web
//! worker of its own (`xlsx/`), started only when someone exports, so the
//! writer's 220 KB never load on an ordinary visit.

use super::exchange::download;
use super::i18n::{m, Tr};
use super::shell::base_path;
use super::state::{use_state, AppState};
use crate::domain::board::Board;
use crate::domain::file_name::{file_name, Ext, FileKind};
use crate::domain::spreadsheet::{csv, Sheet, Workbook};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Where an XLSX export stands, for the line beside the buttons.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    Working,
    Failed(String),
}

pub(crate) fn download_bytes(bytes: &js_sys::Uint8Array, name: &str, mime: &str) {
    let parts = js_sys::Array::of1(bytes);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("a").ok()) {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Write `book` as XLSX in the worker and download it as `name`.
fn export_xlsx(book: Workbook, name: String, progress: RwSignal<Option<Progress>>) {
    let json = serde_json::to_string(&book).unwrap_or_default();
    write_in_worker("gongjian-xlsx_loader.js", json, name, XLSX, progress);
}

/// Start the writer worker `loader` (XLSX, Word), hand it `json` once it is
/// ready, and download the bytes it sends back as `name` (`mime`); a
/// failure is shown through `progress`. One worker per file, ended after.
pub fn write_in_worker(loader: &str, json: String, name: String, mime: &'static str, progress: RwSignal<Option<Progress>>) {
    let url = format!("{}/{loader}", base_path());
    let worker = match web_sys::Worker::new(&url) {
        Ok(w) => w,
        Err(e) => {
            progress.set(Some(Progress::Failed(format!("{e:?}"))));
            return;
        }
    };
    progress.set(Some(Progress::Working));
    let w = worker.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
            download_bytes(bytes, &name, mime);
            progress.set(None);
            w.terminate();
        } else if js_sys::Reflect::get(&data, &"ready".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
            let _ = w.post_message(&JsValue::from_str(&json));
        } else {
            let why = js_sys::Reflect::get(&data, &"error".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            progress.set(Some(Progress::Failed(why)));
            w.terminate();
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the worker (a few seconds); one per file.
    on_message.forget();
}

/// Write `sheet` in `ext` and download it as `name`: CSV here, XLSX in the worker.
fn write(sheet: Sheet, name: String, ext: Ext, progress: RwSignal<Option<Progress>>) {
    match ext {
        Ext::Xlsx => export_xlsx(Workbook { sheets: vec![sheet] }, name, progress),
        _ => download(&csv(&sheet), &name, "text/csv;charset=utf-8"),
    }
}

/// The board's unit table, written and downloaded in the import chunk: the
/// board is part of the start-up, the writing of spreadsheets is not.
#[wasm_split(import, wasm_split_path = ::leptos::wasm_split, fallible)]
fn units_in_chunk(st: AppState, board: Board, ext: Ext, progress: RwSignal<Option<Progress>>) -> Result<(), SplitLoaderError> {
    let lang = st.lang.get_untracked();
    let (sheet, name) =
        st.plan.with_untracked(|p| (p.unit_sheet(&board, lang), file_name(p, FileKind::Units(st.today.get_untracked()), None, lang, ext)));
    write(sheet, name, ext, progress);
    Ok(())
}

/// What the board's unit table is exported by (see [`ExportButtons`]).
pub fn units_export(st: AppState, board: Memo<Board>) -> Callback<(Ext, RwSignal<Option<Progress>>)> {
    Callback::new(move |(ext, progress): (Ext, RwSignal<Option<Progress>>)| {
        let board = board.get_untracked();
        spawn_local(async move {
            if units_in_chunk(st, board, ext, progress).await.is_err() {
                progress.set(Some(Progress::Failed(st.lang.get_untracked().t(m::PAGE_LOAD_FAILED).into())));
            }
        });
    })
}

/// "Export CSV" and "Export XLSX" for a sheet built when clicked.
#[component]
pub fn SheetExports(
    /// Builds the sheet as the page shows it now.
    make: Callback<(), Sheet>,
    /// The file's name for a format (`domain::file_name`).
    name: Callback<Ext, String>,
) -> impl IntoView {
    let export = Callback::new(move |(ext, progress): (Ext, RwSignal<Option<Progress>>)| write(make.run(()), name.run(ext), ext, progress));
    view! { <ExportButtons export /> }
}

/// The two export buttons, and how an XLSX export stands.
#[component]
pub fn ExportButtons(
    /// Writes and downloads the sheet in a format, saying how it stands.
    export: Callback<(Ext, RwSignal<Option<Progress>>)>,
) -> impl IntoView {
    let st = use_state();
    let progress = RwSignal::new(None::<Progress>);
    view! {
        <div class="table-exports no-print">
            <button type="button" on:click=move |_| export.run((Ext::Csv, progress))>{st.tr(m::EXPORT_CSV)}</button>
            <button type="button" on:click=move |_| export.run((Ext::Xlsx, progress)) disabled=move || progress.get() == Some(Progress::Working)>{st.tr(m::EXPORT_XLSX)}</button>
            {move || progress.get().map(|p| match p {
                Progress::Working => view! { <span role="status">{st.tr(m::XLSX_WORKING)}</span> }.into_any(),
                Progress::Failed(why) => view! { <span class="error" role="alert">{st.tr(m::XLSX_FAILED)} " " {why}</span> }.into_any(),
            })}
        </div>
    }
}
