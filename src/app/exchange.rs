//! The browser side of exchange: reading a chosen or dropped file into a
//! preview, applying or undoing it, and offering exports as downloads.

use super::state::{AppState, Busy, Job, Pending, Undo};
use crate::app::keys::{BrowserSigner, WebCryptoSha256, WebCryptoVerifier};
use crate::domain::file_name::{file_name, Ext, FileKind};
use crate::domain::import_log::{ImportEntry, ImportLog, UndoState};
use crate::domain::ownership::Side as OwnerSide;
use crate::domain::{Id, Plan};
use crate::exchange::checksum::checksum;
use crate::exchange::file::{self, Body, FileError, Kind, MAX_BYTES};
use crate::exchange::import::{finish, prepare_sealed, Refused, Side};
use crate::exchange::merge::ApplyError;
use crate::exchange::seal::{self, Sealed};
use crate::exchange::slice::{report, slice};
use crate::storage::local::{mark_start, measure};
use chrono::{Local, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Read a file the person chose or dropped, judge it against the table and
/// show the preview or the refusal. Too large a file is refused before it
/// is read. A large file takes a moment: each step is shown as it starts,
/// and the page is painted between steps.
pub fn read_file(st: AppState, f: web_sys::File) {
    let name = f.name();
    // A spreadsheet is read by its own worker and mapped first.
    if crate::app::sheet_import::is_spreadsheet(&name) {
        crate::app::sheet_import::read_file(st, f);
        return;
    }
    let bytes = f.size() as u64;
    if bytes > MAX_BYTES {
        st.pending.set(Some(Pending::Refused { file: name, why: Refused::File(FileError::TooLarge { bytes, limit: MAX_BYTES }) }));
        return;
    }
    leptos::task::spawn_local(async move {
        let step = |n: u8| st.busy.set(Some(Busy { job: Job::Import, file: name.clone(), step: n }));
        step(1);
        let refuse = |why: Refused| {
            st.busy.set(None);
            st.pending.set(Some(Pending::Refused { file: name.clone(), why }));
        };
        // The file's bytes, copied once into wasm memory and checked to be
        // UTF-8 there: no JavaScript string, no second copy of the text.
        mark_start("gongjian:import-read");
        let text = match wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
            Ok(buffer) => file::text_of(js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(_) => {
                return refuse(Refused::File(FileError::Read(crate::exchange::ReadError::NotJson {
                    line: 1,
                    column: 1,
                    reason: "the browser could not read the file".into(),
                })))
            }
        };
        measure("gongjian:import-read");
        step(2);
        after_paint().await;
        let parsed = match &text {
            Ok(text) => parse(text).await,
            Err(e) => Err(e.clone()),
        };
        drop(text);
        step(3);
        after_paint().await;
        // Who made it: the seal is checked by WebCrypto before the file is
        // judged against the table (`import::prepare_sealed`).
        let sealed = match &parsed {
            Ok(p) if p.header.seal.is_some() => seal::check(&p.header, &WebCryptoVerifier).await,
            _ => Sealed::Unsigned,
        };
        let me = st.me.get_untracked();
        mark_start("gongjian:import-compare");
        let result = parsed.map_err(Refused::File).and_then(|parsed| {
            st.plan.with_untracked(|plan| {
                st.base.with_untracked(|base| prepare_sealed(&name, parsed, &sealed, Side { plan, me, base: base.as_ref() }))
            })
        });
        measure("gongjian:import-compare");
        match result {
            Ok(p) => {
                st.busy.set(None);
                let n = p.preview.conflicts.len();
                st.pending.set(Some(Pending::Preview { prepared: Box::new(p), choices: vec![None; n] }));
            }
            Err(why) => refuse(why),
        }
    });
}

/// Read a file's text as `file::parse` does, each step timed (performance
/// measures for `make bench` and the profiler): the header in one pass
/// (`-check`), the body's checksum by WebCrypto (`-digest`), then the body's
/// records (`-body`).
async fn parse(text: &str) -> Result<file::Parsed, FileError> {
    mark_start("gongjian:import-check");
    let head = file::head(text);
    measure("gongjian:import-check");
    let head = head?;
    mark_start("gongjian:import-digest");
    let sum = checksum(head.body_text(), &WebCryptoSha256).await;
    measure("gongjian:import-digest");
    mark_start("gongjian:import-body");
    let parsed = head.into_parsed(&sum);
    measure("gongjian:import-body");
    parsed
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
    // A unit's browser makes its own key when it takes its slice in.
    if let (Kind::Slice, Some(u)) = (prepared.header.kind, outcome.me) {
        let plan = outcome.plan.id;
        leptos::task::spawn_local(async move {
            let _ = crate::app::keys::ensure(plan, OwnerSide::Unit(u)).await;
        });
    }
    st.replace(outcome.plan, outcome.me, outcome.base);
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
        st.replace(u.plan, u.me, u.base);
    } else {
        if untrack(|| undo_state(st, i)) != Some(UndoState::Offered) {
            return;
        }
        let Some(key) = untrack(|| import_log(st, |log| log.entries[i].backup.clone())) else { return };
        let crate::storage::Loaded::Plan(env) = crate::storage::local::load_backup(&key) else { return };
        st.replace(env.plan, env.me, env.base);
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

/// The roles this browser may act as for the table: those whose keys it
/// holds (`domain::keys::roles`, the one rule).
pub async fn roles(st: AppState) -> Vec<OwnerSide> {
    let (plan, office_key, units) = st
        .plan
        .with_untracked(|p| (p.id, p.office_key.clone(), p.units.iter().filter(|u| !u.meta.deleted).map(|u| u.id).collect::<Vec<_>>()));
    // The unit whose slice this browser took in (its base is that slice).
    let slice_of = st.me.get_untracked().filter(|_| st.base.with_untracked(Option::is_some));
    let mut held = Vec::new();
    for side in std::iter::once(OwnerSide::Office).chain(units.into_iter().map(OwnerSide::Unit)) {
        if let Some(k) = crate::app::keys::held(plan, side).await {
            held.push((side, k));
        }
    }
    crate::domain::keys::roles(&held, office_key.as_ref(), slice_of)
}

mod slices;
pub use slices::ZipFailed;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The whole plan (also the backup).
    Plan,
    /// One unit's slice, for the office to send.
    Slice(Id),
    /// This unit's report: what it changed since its slice.
    Report,
    /// Every unit's slice in one ZIP, for the office to send; why the ZIP
    /// could not be made is set in the signal (cleared when it starts).
    Slices(RwSignal<Option<ZipFailed>>),
}

/// The whole plan (also the backup).
pub fn export_plan(st: AppState) {
    start_export(st, Export::Plan);
}

/// One unit's slice, for the office to send.
pub fn export_slice(st: AppState, unit: Id) {
    start_export(st, Export::Slice(unit));
}

/// This unit's report: what it changed since its slice.
pub fn export_report(st: AppState) {
    start_export(st, Export::Report);
}

/// Every unit that has a task gets its slice, all in one ZIP (the office).
pub fn export_slices(st: AppState, failed: RwSignal<Option<ZipFailed>>) {
    start_export(st, Export::Slices(failed));
}

/// Exports are written and sealed in the import chunk (the signing key's
/// code stays out of the start-up), with their progress shown.
fn start_export(st: AppState, what: Export) {
    if st.busy.with_untracked(Option::is_some) {
        return;
    }
    leptos::task::spawn_local(async move {
        match crate::app::shell::export_in_chunk(st, what).await {
            Ok(export) => export.await,
            Err(_) => {
                if let Some(w) = web_sys::window() {
                    let _ = w.alert_with_message(crate::app::i18n::Tr::t(st.lang.get_untracked(), crate::app::i18n::m::PAGE_LOAD_FAILED));
                }
            }
        }
    });
}

/// Write, seal and download an export (in the import chunk); every unit's
/// slice is written one by one the same way, then packed (`slices`).
pub async fn export(st: AppState, what: Export) {
    if let Export::Slices(failed) = what {
        return slices::export(st, failed).await;
    }
    st.busy.set(Some(Busy { job: Job::Export, file: export_name(st, what), step: 1 }));
    after_paint().await;
    if let Some(pen) = Pen::take(st).await {
        if let Some((name, text)) = pen.write(st, what).await {
            download(&text, &name, "application/json");
            // A whole plan, and a unit's report, carry the work out of this browser.
            if !matches!(what, Export::Slice(_)) {
                st.exported();
            }
        }
    }
    st.busy.set(None);
}

/// The name of an export's file, in the page's language.
fn export_name(st: AppState, what: Export) -> String {
    let me = st.me.get_untracked();
    st.plan.with_untracked(|plan| {
        let l = st.lang.get_untracked();
        match what {
            Export::Plan => file_name(plan, FileKind::Plan, None, l, Ext::Json),
            Export::Slice(u) => file_name(plan, FileKind::Slice, Some(u), l, Ext::Json),
            Export::Report => file_name(plan, FileKind::Report(Local::now().date_naive()), me, l, Ext::Json),
            Export::Slices(_) => file_name(plan, FileKind::Slices, None, l, Ext::Zip),
        }
    })
}

/// How this browser signs what it exports: as the role it acts as, with its
/// key for that role (made now if it has none); the office's files name its
/// key in their plan, so that a unit pins the key the office signs with.
/// Without a key (the browser refused to make or keep one) files are
/// written unsigned.
struct Pen {
    me: Option<Id>,
    signer: Option<BrowserSigner>,
    office_key: Option<crate::domain::keys::PublicKey>,
}

impl Pen {
    /// The pen for this browser's role; `None` (the busy line cleared and
    /// the person told why) when the browser holds no key for that role.
    async fn take(st: AppState) -> Option<Pen> {
        let me = st.me.get_untracked();
        let side = me.map_or(OwnerSide::Office, OwnerSide::Unit);
        let plan_id = st.plan.with_untracked(|p| p.id);
        // A browser writes only as a role whose key it holds: a file it signed
        // with another key would be refused, naming both fingerprints.
        if !roles(st).await.contains(&side) {
            st.busy.set(None);
            if let Some(w) = web_sys::window() {
                let _ = w.alert_with_message(crate::app::i18n::Tr::t(st.lang.get_untracked(), crate::app::i18n::m_seal::NO_KEY_FOR_ROLE));
            }
            return None;
        }
        let signer = BrowserSigner::for_side(plan_id, side).await.ok();
        let office_key = signer.as_ref().filter(|_| me.is_none()).map(|s| seal::Signer::public_key(s).clone());
        // The office's own table names its key from its first signed export on:
        // a file that claims the office is then checked against it. Not while
        // the browser refuses to store the table: the export is then the way to
        // keep the work, and a change of its own would only be refused again.
        if let Some(k) = &office_key {
            let saving = st.notice.with_untracked(|n| n.save_error.is_none());
            if saving && st.plan.with_untracked(|p| p.office_key.is_none()) {
                st.replace_with(|p| p.office_key = Some(k.clone()));
            }
        }
        Some(Pen { me, signer, office_key })
    }

    /// Write and seal one file: its name and its text. `None` for a report
    /// when this browser has no slice in, and for `Slices` (not one file).
    async fn write(&self, st: AppState, what: Export) -> Option<(String, String)> {
        let me = self.me;
        // The plan a file carries, with the office's key named in it.
        let framed = |mut p: Plan| {
            if let Some(k) = &self.office_key {
                p.office_key.get_or_insert_with(|| k.clone());
            }
            p
        };
        let draft = st.plan.with_untracked(|plan| {
            st.base.with_untracked(|base| {
                let at = Utc::now();
                match what {
                    Export::Plan => {
                        let body = Body { plan: framed(Plan { example: false, ..plan.clone() }), base: None };
                        Some(file::draft(Kind::Plan, &body, me, None, at))
                    }
                    Export::Slice(u) => Some(file::draft(Kind::Slice, &Body { plan: framed(slice(plan, u)), base: None }, me, Some(u), at)),
                    Export::Report => {
                        let (me, base) = (me?, base.as_ref()?);
                        Some(file::draft(Kind::Report, &report(plan, base), Some(me), Some(me), at))
                    }
                    Export::Slices(_) => None,
                }
            })
        })?;
        let sealed = match &self.signer {
            Some(s) => seal::seal(&draft.header(), s).await,
            None => None,
        };
        Some((export_name(st, what), draft.text(sealed)))
    }
}
