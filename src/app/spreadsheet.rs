//! Spreadsheet exports in the browser: CSV written here, XLSX by a web
//! worker of its own (`xlsx/`), started only when someone exports, so the
//! writer's 220 KB never load on an ordinary visit.

use super::exchange::download;
use super::i18n::m;
use super::shell::base_path;
use super::state::use_state;
use crate::domain::file_name::Ext;
use crate::domain::spreadsheet::{csv, Sheet, Workbook};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Where an XLSX export stands, for the line beside the buttons.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    Working,
    Failed(String),
}

pub(super) fn download_bytes(bytes: &js_sys::Uint8Array, name: &str, mime: &str) {
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
    let url = format!("{}/gongjian-xlsx_loader.js", base_path());
    let worker = match web_sys::Worker::new(&url) {
        Ok(w) => w,
        Err(e) => {
            progress.set(Some(Progress::Failed(format!("{e:?}"))));
            return;
        }
    };
    progress.set(Some(Progress::Working));
    let json = serde_json::to_string(&book).unwrap_or_default();
    let w = worker.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
            download_bytes(bytes, &name, XLSX);
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
    // Lives as long as the worker (a few seconds); one per export.
    on_message.forget();
}

/// "Export CSV" and "Export XLSX" for a sheet built when clicked.
#[component]
pub fn SheetExports(
    /// Builds the sheet as the page shows it now.
    make: Callback<(), Sheet>,
    /// The file's name for a format (`domain::file_name`).
    name: Callback<Ext, String>,
) -> impl IntoView {
    let st = use_state();
    let progress = RwSignal::new(None::<Progress>);
    let to_csv = move |_| {
        let sheet = make.run(());
        download(&csv(&sheet), &name.run(Ext::Csv), "text/csv;charset=utf-8");
    };
    let to_xlsx = move |_| export_xlsx(Workbook { sheets: vec![make.run(())] }, name.run(Ext::Xlsx), progress);
    view! {
        <div class="table-exports no-print">
            <button type="button" on:click=to_csv>{st.tr(m::EXPORT_CSV)}</button>
            <button type="button" on:click=to_xlsx disabled=move || progress.get() == Some(Progress::Working)>{st.tr(m::EXPORT_XLSX)}</button>
            {move || progress.get().map(|p| match p {
                Progress::Working => view! { <span role="status">{st.tr(m::XLSX_WORKING)}</span> }.into_any(),
                Progress::Failed(why) => view! { <span class="error" role="alert">{st.tr(m::XLSX_FAILED)} " " {why}</span> }.into_any(),
            })}
        </div>
    }
}
