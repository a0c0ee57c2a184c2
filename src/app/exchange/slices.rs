//! Every unit's slice at once: each written and sealed as a single slice is
//! (`Pen::write`), then packed into one ZIP by the XLSX writer's worker
//! (`xlsx/`, its `{ zip: [...] }` message) and downloaded. Runs in the
//! import chunk, as every export does.

use super::{after_paint, export_name, Export, Pen};
use crate::app::shell::base_path;
use crate::app::state::{AppState, Busy, Job};
use crate::domain::file_name::{file_name, Ext, FileKind};
use crate::exchange::slice::slice_units;
use js_sys::{Array, Object, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Why the ZIP could not be made; the page says so, and nothing else
/// changes (no file is downloaded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipFailed {
    /// The browser could not start the packer (the worker did not load).
    NoPacker { file: String },
    /// The packer stopped, in its own (English) words.
    Stopped { file: String, why: String },
}

/// How long the packer may take to load and answer before the page gives
/// up on it (it packs thirty slices in well under a second).
const PATIENCE_MS: i32 = 60_000;

/// Write and seal the slice of every unit that has a task (one step each,
/// each unit's file named on the busy line), pack them, download the ZIP.
pub(super) async fn export(st: AppState, failed: RwSignal<Option<ZipFailed>>) {
    failed.set(None);
    let (units, zip_name) =
        st.plan.with_untracked(|p| (slice_units(p), file_name(p, FileKind::Slices, None, st.lang.get_untracked(), Ext::Zip)));
    let Some(&first) = units.first() else { return };
    let job = Job::Slices(u8::try_from(units.len()).unwrap_or(u8::MAX).min(254));
    let busy =
        |file: String, step: usize| st.busy.set(Some(Busy { job, file, step: u8::try_from(step).unwrap_or(u8::MAX).min(job.steps()) }));
    busy(export_name(st, Export::Slice(first)), 1);
    after_paint().await;
    let Some(pen) = Pen::take(st).await else { return };
    let mut files = Vec::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        busy(export_name(st, Export::Slice(*u)), i + 1);
        after_paint().await;
        files.extend(pen.write(st, Export::Slice(*u)).await);
    }
    busy(zip_name.clone(), units.len() + 1);
    after_paint().await;
    match pack(&files).await {
        Ok(bytes) => crate::app::spreadsheet::download_bytes(&bytes, &zip_name, "application/zip"),
        Err(None) => failed.set(Some(ZipFailed::NoPacker { file: zip_name })),
        Err(Some(why)) => failed.set(Some(ZipFailed::Stopped { file: zip_name, why })),
    }
    st.busy.set(None);
}

/// The ZIP of `files` (name, text), made by the worker; `Err(None)` when
/// the worker did not load or answer in time, `Err(Some(why))` when it
/// refused.
async fn pack(files: &[(String, String)]) -> Result<Uint8Array, Option<String>> {
    let worker = web_sys::Worker::new(&format!("{}/gongjian-xlsx_loader.js", base_path())).map_err(|_| None)?;
    let list: Array = files
        .iter()
        .map(|(name, text)| {
            let o = Object::new();
            let _ = Reflect::set(&o, &"name".into(), &name.into());
            let _ = Reflect::set(&o, &"text".into(), &text.into());
            o
        })
        .collect();
    let message = Object::new();
    let _ = Reflect::set(&message, &"zip".into(), &list);
    // The handlers live until the answer is in; then the worker goes.
    let mut handlers = None;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let (w, message, refuse) = (worker.clone(), message.clone(), reject.clone());
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            if data.is_instance_of::<Uint8Array>() {
                let _ = resolve.call1(&JsValue::NULL, &data);
            } else if Reflect::get(&data, &"ready".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
                if w.post_message(&message).is_err() {
                    let _ = refuse.call1(&JsValue::NULL, &JsValue::NULL);
                }
            } else {
                let why = Reflect::get(&data, &"error".into()).ok().filter(JsValue::is_string).unwrap_or_else(|| "no answer".into());
                let _ = refuse.call1(&JsValue::NULL, &why);
            }
        });
        let refuse = reject.clone();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let _ = refuse.call1(&JsValue::NULL, &JsValue::NULL);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // A worker whose wasm never arrives says nothing: give up in time.
        let give_up = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &JsValue::NULL);
        });
        if let Some(win) = web_sys::window() {
            let _ = win.set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), PATIENCE_MS);
        }
        handlers = Some((on_message, on_error));
    });
    let answer = wasm_bindgen_futures::JsFuture::from(answer).await;
    worker.terminate();
    drop(handlers);
    answer.map(JsCast::unchecked_into).map_err(|why| why.as_string())
}
