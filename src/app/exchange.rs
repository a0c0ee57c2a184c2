//! The browser side of exchange: reading a chosen or dropped file into a
//! preview, applying or undoing it, and offering exports as downloads.

use super::state::{AppState, Busy, Job, Pending, Undo};
use crate::domain::file_name::{file_name, Ext, FileKind};
use crate::domain::import_log::{ImportEntry, ImportLog, UndoState};
use crate::domain::{Id, Plan};
use crate::exchange::file::{self, Body, FileError, Kind, MAX_BYTES};
use crate::exchange::import::{finish, prepare_parsed, Refused, Side};
use crate::exchange::merge::ApplyError;
use crate::exchange::slice::{report, slice};
use chrono::{Local, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Read a file the person chose or dropped, judge it against the table and
/// show the preview or the refusal. Too large a file is refused before it
/// is read. A large file takes a moment: each step is shown as it starts,
/// and the page is painted between steps.
pub fn read_file(st: AppState, f: web_sys::File) {
    let name = f.name();
    let bytes = f.size() as u64;
    if bytes > MAX_BYTES {
        st.pending.set(Some(Pending::Refused { file: name, why: Refused::File(FileError::TooLarge { bytes, limit: MAX_BYTES }) }));
        return;
    }
    leptos::task::spawn_local(async move {
        let step = |n: u8| st.busy.set(Some(Busy { job: Job::Import, file: name.clone(), step: n }));
        step(1);
        let text = match wasm_bindgen_futures::JsFuture::from(f.text()).await {
            Ok(text) => text.as_string().unwrap_or_default(),
            Err(_) => {
                let why = Refused::File(FileError::Read(crate::exchange::ReadError::NotJson {
                    line: 1,
                    column: 1,
                    reason: "the browser could not read the file".into(),
                }));
                st.busy.set(None);
                st.pending.set(Some(Pending::Refused { file: name, why }));
                return;
            }
        };
        step(2);
        after_paint().await;
        crate::storage::local::mark_start("gongjian:import-check");
        let parsed = file::parse(&text);
        drop(text);
        crate::storage::local::measure("gongjian:import-check");
        step(3);
        after_paint().await;
        let me = st.me.get_untracked();
        crate::storage::local::mark_start("gongjian:import-compare");
        let result = parsed.map_err(Refused::File).and_then(|parsed| {
            st.plan
                .with_untracked(|plan| st.base.with_untracked(|base| prepare_parsed(&name, parsed, Side { plan, me, base: base.as_ref() })))
        });
        crate::storage::local::measure("gongjian:import-compare");
        st.busy.set(None);
        st.pending.set(Some(match result {
            Ok(p) => {
                let n = p.preview.conflicts.len();
                Pending::Preview { prepared: Box::new(p), choices: vec![None; n] }
            }
            Err(why) => Pending::Refused { file: name, why },
        }));
    });
}

/// Resolves after the browser has painted the next frame, so that what
/// was just set (a progress step) is on screen before more work starts.
pub async fn after_paint() {
    let Some(w) = web_sys::window() else { return };
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = w.request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        let _ = w.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
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
    // The table from before, kept durably so that the import can be undone
    // after a reload: a backup of what is stored now, when that is this
    // table (no refused save, no newer save by another tab).
    let stored_is_ours = st.notice.with_untracked(|n| n.save_error.is_none() && !n.stale)
        && crate::storage::local::stored_revision() == Some(st.saved.get_untracked());
    let backup = stored_is_ours
        .then(|| {
            crate::storage::local::backup_current(stamp.at);
            crate::storage::keep::backup_key(stamp.at)
        })
        .filter(|k| crate::storage::imports::kept(k));
    let entry = ImportEntry {
        undoes: None,
        file: undo.file.clone(),
        from: prepared.header.exported_by,
        at: stamp.at,
        added: undo.added,
        changed: undo.changed,
        revision: None,
        backup,
    };
    update_log(st, |log| {
        log.applied(entry);
    });
    st.plan.set(outcome.plan);
    st.me.set(outcome.me);
    st.base.set(outcome.base);
    st.pending.set(None);
    st.undo.set(Some(undo));
    // A plan is restored from a file: the unreadable plan's banner and the
    // last visit's "not stored" have done their job.
    st.notice.update(|n| {
        n.unreadable = None;
        n.unsaved_before = None;
    });
    Ok(())
}

/// The import history, read from storage when this tab has not read it
/// yet (or another tab saved since): reactive.
pub fn import_log<R>(st: AppState, f: impl FnOnce(&ImportLog) -> R) -> R {
    if st.imports.with_untracked(Option::is_none) {
        st.imports.set(Some(crate::storage::imports::load()));
    }
    st.imports.with(|log| f(log.as_ref().unwrap_or(&ImportLog::default())))
}

/// Change the import history and keep it.
fn update_log(st: AppState, f: impl FnOnce(&mut ImportLog)) {
    let mut log = st.imports.get_untracked().unwrap_or_else(crate::storage::imports::load);
    f(&mut log);
    crate::storage::imports::save(&log);
    st.imports.set(Some(log));
}

/// The save that stored an import (its undo is still held, so nothing was
/// changed after it) notes its revision in the import history, which is
/// what lets the import be undone after a reload. Runs from the import
/// panel, so that the start-up carries none of the history.
pub fn note_stored_imports(st: AppState) {
    // Only a save wakes this: the history changing (the import itself is
    // noted before its save) must not note the revision from before it.
    let _ = Effect::watch(
        move || st.saved.get(),
        move |rev, _, _| {
            let rev = *rev;
            untrack(|| {
                let unnoted = import_log(st, |log| log.entries.last().is_some_and(|e| e.revision.is_none()));
                if unnoted && st.undo.with(Option::is_some) && st.notice.with(|n| n.save_error.is_none()) {
                    update_log(st, |log| {
                        log.stored(rev);
                    });
                }
            });
        },
        false,
    );
}

/// Whether entry `i` of the import history can be undone now (reactive).
pub fn undo_state(st: AppState, i: usize) -> Option<UndoState> {
    let held = st.undo.with(Option::is_some);
    let current = st.saved.get();
    import_log(st, |log| {
        let latest = log.latest_applied() == Some(i);
        let kept = log.entries.get(i).and_then(|e| e.backup.as_deref()).is_some_and(crate::storage::imports::kept);
        log.undo_state(i, current, held && latest, kept)
    })
}

/// Put the table back as it was before the last import: from this tab's
/// memory, or after a reload from the backup taken before it. The undo is
/// itself an entry in the history.
pub fn undo_import(st: AppState) {
    let Some(i) = untrack(|| import_log(st, ImportLog::latest_applied)) else { return };
    if let Some(u) = st.undo.get_untracked() {
        st.plan.set(u.plan);
        st.me.set(u.me);
        st.base.set(u.base);
    } else {
        if untrack(|| undo_state(st, i)) != Some(UndoState::Offered) {
            return;
        }
        let Some(key) = untrack(|| import_log(st, |log| log.entries[i].backup.clone())) else { return };
        let crate::storage::Loaded::Plan(env) = crate::storage::local::load_backup(&key) else { return };
        st.plan.set(env.plan);
        st.me.set(env.me);
        st.base.set(env.base);
    }
    st.undo.set(None);
    update_log(st, |log| log.undone(i, Utc::now()));
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

/// The whole plan (also the backup).
pub fn export_plan(st: AppState) {
    let me = st.me.get_untracked();
    let name = st.plan.with_untracked(|plan| file_name(plan, FileKind::Plan, None, st.lang.get_untracked(), Ext::Json));
    exporting(st, name, move |name| {
        let text = st.plan.with_untracked(|plan| {
            let body = Body { plan: Plan { example: false, ..plan.clone() }, base: None };
            file::write(Kind::Plan, &body, me, None, Utc::now())
        });
        download(&text, name, "application/json");
        st.exported();
    });
}

/// Run an export with its progress shown: the step is painted before the
/// file is written (a large plan takes a moment), and cleared after.
fn exporting(st: AppState, file: String, write: impl FnOnce(&str) + 'static) {
    if st.busy.with_untracked(Option::is_some) {
        return;
    }
    leptos::task::spawn_local(async move {
        st.busy.set(Some(Busy { job: Job::Export, file: file.clone(), step: 1 }));
        after_paint().await;
        write(&file);
        st.busy.set(None);
    });
}

/// One unit's slice, for the office to send.
pub fn export_slice(st: AppState, unit: Id) {
    let me = st.me.get_untracked();
    let (text, name) = st.plan.with_untracked(|plan| {
        let body = Body { plan: slice(plan, unit), base: None };
        let name = file_name(plan, FileKind::Slice, Some(unit), st.lang.get_untracked(), Ext::Json);
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
            let name = file_name(plan, FileKind::Report(Local::now().date_naive()), Some(me), st.lang.get_untracked(), Ext::Json);
            Some((file::write(Kind::Report, &body, Some(me), Some(me), Utc::now()), name))
        })
    });
    if let Some((text, name)) = out {
        download(&text, &name, "application/json");
        // A unit's report carries its work out of this browser too.
        st.exported();
    }
}
