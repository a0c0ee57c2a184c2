//! The browser side of exchange: reading a chosen or dropped file into a
//! preview, applying or undoing it, and offering exports as downloads.

use super::state::{AppState, Pending, Undo};
use crate::domain::{Id, Lang, Plan};
use crate::exchange::file::{self, Body, FileError, Kind, MAX_BYTES};
use crate::exchange::import::{finish, prepare, Refused, Side};
use crate::exchange::merge::ApplyError;
use crate::exchange::slice::{report, slice};
use chrono::Utc;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Judge `text` (from `file`) against the table and show the preview or the refusal.
pub fn import_text(st: AppState, file: String, text: &str) {
    let me = st.me.get_untracked();
    let result = st.plan.with_untracked(|plan| st.base.with_untracked(|base| prepare(&file, text, Side { plan, me, base: base.as_ref() })));
    st.pending.set(Some(match result {
        Ok(p) => {
            let n = p.preview.conflicts.len();
            Pending::Preview { prepared: Box::new(p), choices: vec![None; n] }
        }
        Err(why) => Pending::Refused { file, why },
    }));
}

/// Read a file the person chose or dropped. Too large a file is refused
/// before it is read.
pub fn read_file(st: AppState, f: web_sys::File) {
    let name = f.name();
    let bytes = f.size() as u64;
    if bytes > MAX_BYTES {
        st.pending.set(Some(Pending::Refused { file: name, why: Refused::File(FileError::TooLarge { bytes, limit: MAX_BYTES }) }));
        return;
    }
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(f.text()).await {
            Ok(text) => import_text(st, name, &text.as_string().unwrap_or_default()),
            Err(_) => {
                let why = Refused::File(FileError::Read(crate::exchange::ReadError::NotJson {
                    line: 1,
                    column: 1,
                    reason: "the browser could not read the file".into(),
                }));
                st.pending.set(Some(Pending::Refused { file: name, why }));
            }
        }
    });
}

/// Apply the previewed import, all at once, keeping what it replaced for undo.
pub fn apply_pending(st: AppState) -> Result<(), ApplyError> {
    let Some(Pending::Preview { prepared, choices }) = st.pending.get_untracked() else { return Ok(()) };
    let me = st.me.get_untracked();
    let stamp = st.stamp();
    let outcome = st
        .plan
        .with_untracked(|plan| st.base.with_untracked(|base| finish(Side { plan, me, base: base.as_ref() }, &prepared, &choices, stamp)))?;
    let undo = Undo {
        file: prepared.file.clone(),
        added: prepared.preview.added.len(),
        changed: prepared.preview.changed.len() + choices.iter().filter(|c| **c == Some(crate::exchange::merge::Choice::Take)).count(),
        plan: st.plan.get_untracked(),
        me,
        base: st.base.get_untracked(),
    };
    st.plan.set(outcome.plan);
    st.me.set(outcome.me);
    st.base.set(outcome.base);
    st.pending.set(None);
    st.undo.set(Some(undo));
    Ok(())
}

/// Put the table back as it was before the last import.
pub fn undo_import(st: AppState) {
    if let Some(u) = st.undo.get_untracked() {
        st.plan.set(u.plan);
        st.me.set(u.me);
        st.base.set(u.base);
        st.undo.set(None);
    }
}

/// Offer `text` as a file download.
pub fn download(text: &str, name: &str, mime: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(a) = doc.as_ref().and_then(|d| d.create_element("a").ok()) {
        use wasm_bindgen::JsCast;
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn unit_name(plan: &Plan, unit: Option<Id>) -> Option<String> {
    unit.and_then(|u| plan.unit(u)).map(|u| u.name.get(Lang::En).to_string())
}

/// The whole plan (also the backup).
pub fn export_plan(st: AppState) {
    let me = st.me.get_untracked();
    let (text, name) = st.plan.with_untracked(|plan| {
        let body = Body { plan: Plan { example: false, ..plan.clone() }, base: None };
        (file::write(Kind::Plan, &body, me, None, Utc::now()), file::file_name(plan, Kind::Plan, None, Utc::now().date_naive()))
    });
    download(&text, &name, "application/json");
    st.exported();
}

/// One unit's slice, for the office to send.
pub fn export_slice(st: AppState, unit: Id) {
    let me = st.me.get_untracked();
    let (text, name) = st.plan.with_untracked(|plan| {
        let body = Body { plan: slice(plan, unit), base: None };
        let name = file::file_name(plan, Kind::Slice, unit_name(plan, Some(unit)).as_deref(), st.today.get_untracked());
        (file::write(Kind::Slice, &body, me, Some(unit), Utc::now()), name)
    });
    download(&text, &name, "application/json");
}

/// This unit's report: what it changed since its slice.
pub fn export_report(st: AppState) {
    let Some(me) = st.me.get_untracked() else { return };
    let out = st.plan.with_untracked(|plan| {
        st.base.with_untracked(|base| {
            let base = base.as_ref()?;
            let body = report(plan, base);
            let name = file::file_name(plan, Kind::Report, unit_name(plan, Some(me)).as_deref(), Utc::now().date_naive());
            Some((file::write(Kind::Report, &body, Some(me), Some(me), Utc::now()), name))
        })
    });
    if let Some((text, name)) = out {
        download(&text, &name, "application/json");
        // A unit's report carries its work out of this browser too.
        st.exported();
    }
}
