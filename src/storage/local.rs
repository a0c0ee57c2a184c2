//! The browser side of storage: read, keep what cannot be read, save, and
//! say when the browser refuses a write.

use super::envelope::{decode_with, peek_revision, Loaded, Workspace, KEY_LANG, KEY_PLAN, KEY_SCOPE, KEY_UNREADABLE};
use super::keep::{
    self, backup_time, backups_that_fit, rotate, Exported, Meter, KEY_BACKUP, KEY_EXPORTED, KEY_UNSAVED, LOCAL_STORAGE_CHARS,
};
use super::parts::{self, Dirty, Layout, Saving, KEY_PART};
use crate::domain::Lang;
use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser is out of room for this origin.
    Quota,
    /// localStorage is unavailable or refused for another reason.
    Other(String),
}

fn store() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What is stored under the plan key. When it is unreadable, the raw text is
/// first copied to its own key (once per distinct text), so that a later
/// save can never be the end of it. Returns the key it was kept under.
pub fn load() -> (Loaded, Option<String>) {
    let mut loaded = read(KEY_PLAN);
    let mut kept = None;
    if let Loaded::Unreadable { raw, .. } = &mut loaded {
        // An index whose parts cannot be read whole is kept with every
        // part present: whichever of them it needed is among them. Any
        // other text (a newer version's, a damaged one) is kept as it is.
        if let (false, Some(s)) = (parts::keys_named(raw).is_empty(), store()) {
            let keys: Vec<String> = all_keys(&s).into_iter().filter(|k| k.starts_with(KEY_PART)).collect();
            *raw = parts::bundle(raw, keys.iter().filter_map(|k| Some((k, s.get_item(k).ok().flatten()?))));
        }
        kept = keep_unreadable(raw);
    }
    (loaded, kept)
}

/// What a key holds: an index with its parts, or a plan in one value.
fn read(key: &str) -> Loaded {
    let raw = LocalStorage::raw();
    decode_with(raw.get_item(key).ok().flatten(), |k| raw.get_item(k).ok().flatten())
}

fn keep_unreadable(raw: &str) -> Option<String> {
    let s = store()?;
    let len = s.length().unwrap_or(0);
    for i in 0..len {
        if let Ok(Some(key)) = s.key(i) {
            if key.starts_with(KEY_UNREADABLE) && s.get_item(&key).ok().flatten().as_deref() == Some(raw) {
                return Some(key);
            }
        }
    }
    let now = Utc::now();
    let key = format!("{KEY_UNREADABLE}{}T{}Z", now.date_naive(), now.time());
    s.set_item(&key, raw).ok()?;
    Some(key)
}

/// The revision of what is stored now (another tab may have saved since),
/// read from the stored text's head without copying the plan into wasm.
pub fn stored_revision() -> Option<u64> {
    head_of(&store()?, KEY_PLAN).and_then(|t| peek_revision(&t))
}

/// The first characters of a stored value: enough for the envelope's head
/// (format, version, saved-at, revision) or the compact form's.
fn head_of(s: &web_sys::Storage, key: &str) -> Option<String> {
    let value = js_sys::Reflect::get(s, &key.into()).ok().filter(|v| v.is_string())?;
    js_sys::JsString::from(value).slice(0, 160).as_string()
}

/// Save the workspace with the given revision: the parts `dirty` names
/// (and those whose records moved) since the `last` layout, then the index
/// that names them, then away with parts no index names any more. The
/// previous save becomes a rolling backup when one is due (a copy of its
/// small index; its parts stay while a backup names them). Backups never
/// cost the save itself: when the browser refuses a write, the oldest
/// backups are given up first; when it still refuses, what this save wrote
/// is removed and the previous save stands whole. The time it takes is
/// recorded as the performance measure `gongjian:save` (its steps
/// `gongjian:save-encode` and `gongjian:save-write`).
pub fn save(w: Workspace, revision: u64, now: DateTime<Utc>, dirty: &Dirty, last: Option<&Layout>) -> Result<Layout, SaveError> {
    mark_start("gongjian:save");
    let write = parts::write(Saving { plan: w.plan, me: w.me, base: w.base }, dirty, last, revision, now);
    measure_from("gongjian:save-encode", "gongjian:save");
    let s = store().ok_or_else(|| SaveError::Other("localStorage is not available".into()))?;
    let keep = backups_that_fit(plan_chars(&s), other_chars(&s), LOCAL_STORAGE_CHARS);
    keep_backup(&s, now, keep);
    let mut backups = backup_keys(&s);
    backups.sort();
    let mut written: Vec<&str> = Vec::with_capacity(write.parts.len());
    let steps = write.parts.iter().map(|(k, t)| (k.as_str(), t.as_str())).chain(std::iter::once((KEY_PLAN, write.index.as_str())));
    for (key, text) in steps {
        loop {
            match s.set_item(key, text) {
                Ok(()) => break,
                Err(e) => {
                    let err = save_error(&e);
                    if err != SaveError::Quota || backups.is_empty() {
                        for k in written.iter().filter(|k| **k != KEY_PLAN) {
                            let _ = s.remove_item(k);
                        }
                        return Err(err);
                    }
                    let oldest = backups.remove(0);
                    let _ = s.remove_item(&oldest);
                    // What this save wrote so far is named by its layout: kept.
                    collect_garbage(&s, last, Some(&write.layout));
                }
            }
        }
        written.push(key);
    }
    collect_garbage(&s, last, Some(&write.layout));
    if exported().is_none() {
        mark(&s, Exported { at: now, revision: 0 });
    }
    measure("gongjian:save");
    measure_from("gongjian:save-write", "gongjian:save-encode");
    Ok(write.layout)
}

/// Remove the parts no index names: not the stored one, not the one
/// before it (`last`: a tab may be reading it), not a backup's.
fn collect_garbage(s: &web_sys::Storage, last: Option<&Layout>, now: Option<&Layout>) {
    let keys = all_keys(s);
    let mut keep: Vec<Vec<String>> = vec![];
    keep.extend(last.map(Layout::keys));
    keep.extend(now.map(Layout::keys));
    for k in keys.iter().filter(|k| k.as_str() == KEY_PLAN || k.starts_with(KEY_BACKUP) || k.starts_with(KEY_UNREADABLE)) {
        if let Some(index) = head_of(s, k).filter(|h| parts::is_index(h)).and_then(|_| s.get_item(k).ok().flatten()) {
            keep.push(parts::keys_named(&index));
        }
    }
    for k in parts::garbage(&keys, &keep) {
        let _ = s.remove_item(&k);
    }
}

/// Mark the start of something `measure` will time.
pub fn mark_start(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Record a step of something `mark_start` began: from the end of the step
/// before (`after`, itself a measure's name, or the start) to now.
fn measure_from(name: &str, after: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{after}:start"));
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Record how long something took since its `mark_start`, as a performance
/// measure of that name, for `make bench` and the browser's profiler.
pub fn measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
}

fn save_error(e: &wasm_bindgen::JsValue) -> SaveError {
    let name = js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        SaveError::Quota
    } else {
        SaveError::Other(
            e.as_string().or_else(|| js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string())).unwrap_or(name),
        )
    }
}

fn all_keys(s: &web_sys::Storage) -> Vec<String> {
    (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect()
}

fn backup_keys(s: &web_sys::Storage) -> Vec<String> {
    all_keys(s).into_iter().filter(|k| k.starts_with(KEY_BACKUP)).collect()
}

/// Copy what is stored now to a backup when one is due; if there is no
/// room, drop older backups and try again, and otherwise do without. The
/// copy stays a JavaScript string from `getItem` to `setItem`.
fn keep_backup(s: &web_sys::Storage, now: DateTime<Utc>, keep: usize) {
    let plan = rotate(&backup_keys(s), now, keep);
    for k in &plan.drop {
        let _ = s.remove_item(k);
    }
    let Some(key) = plan.write else { return };
    // Unreadable text is kept under its own key already; as a backup it
    // would push a good one out.
    if head_of(s, KEY_PLAN).and_then(|t| peek_revision(&t)).is_none() {
        return;
    }
    let Some(previous) = js_sys::Reflect::get(s, &KEY_PLAN.into()).ok().filter(|v| v.is_string()) else { return };
    let mut older = backup_keys(s);
    older.sort();
    while set_js(s, &key, &previous).is_err() {
        if older.is_empty() {
            return;
        }
        let _ = s.remove_item(&older.remove(0));
    }
}

/// `storage.setItem(key, value)` with a value that is already a JavaScript
/// string.
fn set_js(s: &web_sys::Storage, key: &str, value: &wasm_bindgen::JsValue) -> Result<(), wasm_bindgen::JsValue> {
    let set: js_sys::Function = js_sys::Reflect::get(s, &"setItem".into())?.into();
    set.call2(s, &key.into(), value).map(|_| ())
}

/// Keep what is stored now as a backup, whatever the rotation says (before
/// a restore replaces it).
pub fn backup_current(now: DateTime<Utc>) {
    let Some(s) = store() else { return };
    if let Some(current) = js_sys::Reflect::get(&s, &KEY_PLAN.into()).ok().filter(|v| v.is_string()) {
        let key = keep::backup_key(now);
        let mut older = backup_keys(&s);
        older.sort();
        let fit = backups_that_fit(plan_chars(&s), other_chars(&s), LOCAL_STORAGE_CHARS).max(1);
        while older.len() >= fit {
            let _ = s.remove_item(&older.remove(0));
        }
        while set_js(&s, &key, &current).is_err() {
            if older.is_empty() {
                return;
            }
            let _ = s.remove_item(&older.remove(0));
        }
    }
}

/// A backup as listed for restoring: its key, when it was taken, and the
/// save revision it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    pub at: DateTime<Utc>,
    pub revision: Option<u64>,
}

/// The backups kept, newest first.
pub fn backups() -> Vec<Backup> {
    let Some(s) = store() else { return vec![] };
    let mut out: Vec<Backup> = backup_keys(&s)
        .into_iter()
        .filter_map(|key| {
            let at = backup_time(&key)?;
            let revision = head_of(&s, &key).and_then(|t| peek_revision(&t));
            Some(Backup { key, at, revision })
        })
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.at));
    out
}

/// What a backup holds.
pub fn load_backup(key: &str) -> Loaded {
    read(key)
}

/// The last export, or the first save when nothing was exported yet.
pub fn exported() -> Option<Exported> {
    let raw = LocalStorage::raw().get_item(KEY_EXPORTED).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

fn mark(s: &web_sys::Storage, e: Exported) {
    if let Ok(text) = serde_json::to_string(&e) {
        let _ = s.set_item(KEY_EXPORTED, &text);
    }
}

/// Remember that the plan was exported now, at the stored revision.
pub fn mark_exported(now: DateTime<Utc>) {
    if let Some(s) = store() {
        let revision = stored_revision().unwrap_or(0);
        mark(&s, Exported { at: now, revision });
    }
}

/// The length of a stored value, in UTF-16 code units, without copying it.
fn chars_of(s: &web_sys::Storage, key: &str) -> u64 {
    js_sys::Reflect::get(s, &key.into()).ok().filter(|v| v.is_string()).map(|v| u64::from(js_sys::JsString::from(v).length())).unwrap_or(0)
}

/// What the stored plan uses: its index and the parts it names (the
/// older versions of parts a backup still names are that backup's cost,
/// never more than a whole copy, which is what a backup is counted as).
fn plan_chars(s: &web_sys::Storage) -> u64 {
    let index = chars_of(s, KEY_PLAN);
    match head_of(s, KEY_PLAN).filter(|h| parts::is_index(h)).and_then(|_| s.get_item(KEY_PLAN).ok().flatten()) {
        Some(text) => index + parts::keys_named(&text).iter().map(|k| chars_of(s, k)).sum::<u64>(),
        None => index,
    }
}

/// What the keys other than the plan, its parts and its backups use.
fn other_chars(s: &web_sys::Storage) -> u64 {
    all_keys(s)
        .iter()
        .filter(|k| k.as_str() != KEY_PLAN && !k.starts_with(KEY_BACKUP) && !k.starts_with(KEY_PART))
        .map(|k| chars_of(s, k) + k.encode_utf16().count() as u64)
        .sum()
}

/// How many backups fit now, and why: the stored plan's size and what
/// the other keys use, in characters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub backups: usize,
    pub plan_chars: u64,
    pub other_chars: u64,
}

pub fn fit() -> Fit {
    let Some(s) = store() else { return Fit { backups: 0, plan_chars: 0, other_chars: 0 } };
    let (plan_chars, other_chars) = (plan_chars(&s), other_chars(&s));
    Fit { backups: backups_that_fit(plan_chars, other_chars, LOCAL_STORAGE_CHARS), plan_chars, other_chars }
}

/// Note that a change was not stored (in both storages; sessionStorage has
/// its own quota, so the note fits there even when localStorage is full).
pub fn mark_unsaved(now: DateTime<Utc>) {
    let at = crate::domain::dates::second_text(now);
    if let Some(s) = store() {
        let _ = s.set_item(KEY_UNSAVED, &at);
    }
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.set_item(KEY_UNSAVED, &at);
    }
}

/// A save succeeded: what the page shows is stored.
pub fn clear_unsaved() {
    if let Some(s) = store() {
        let _ = s.remove_item(KEY_UNSAVED);
    }
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.remove_item(KEY_UNSAVED);
    }
}

/// When the last visit's changes were not stored, the time of that change.
pub fn unsaved() -> Option<DateTime<Utc>> {
    let local = store().and_then(|s| s.get_item(KEY_UNSAVED).ok().flatten());
    let session = || web_sys::window()?.session_storage().ok().flatten()?.get_item(KEY_UNSAVED).ok().flatten();
    local.or_else(session).and_then(|t| crate::domain::dates::parse_instant(&t))
}

/// How much of localStorage this origin uses, counted in the browser
/// (UTF-16 code units of keys and values) without copying the values.
pub fn meter() -> Meter {
    let Some(s) = store() else { return keep::meter(0) };
    let used: u64 = all_keys(&s)
        .iter()
        .map(|k| {
            let v = js_sys::Reflect::get(&s, &k.into()).ok().map(|v| js_sys::JsString::from(v).length()).unwrap_or(0);
            u64::from(v) + k.encode_utf16().count() as u64
        })
        .sum();
    keep::meter(used)
}

/// The revision and text of a save another tab made, when it is newer.
pub fn newer_than(revision: u64) -> Option<Loaded> {
    if stored_revision()? <= revision {
        return None;
    }
    Some(read(KEY_PLAN))
}

/// The language the user chose last, if any.
pub fn stored_lang() -> Option<Lang> {
    LocalStorage::raw().get_item(KEY_LANG).ok().flatten().and_then(|s| Lang::parse(&s))
}

pub fn store_lang(lang: Lang) {
    let _ = LocalStorage::raw().set_item(
        KEY_LANG,
        match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        },
    );
}

/// The board's remembered scope, as a query string.
pub fn stored_scope() -> Option<String> {
    LocalStorage::raw().get_item(KEY_SCOPE).ok().flatten()
}

/// Remember the board's scope; an empty query forgets it.
pub fn store_scope(query: &str) {
    let raw = LocalStorage::raw();
    let _ = if query.is_empty() { raw.remove_item(KEY_SCOPE) } else { raw.set_item(KEY_SCOPE, query) };
}
