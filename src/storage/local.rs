//! The browser side of storage: read, keep what cannot be read, save, and
//! say when the browser refuses a write.

use super::envelope::{decode, encode, peek_revision, Loaded, Workspace, KEY_LANG, KEY_PLAN, KEY_SCOPE, KEY_UNREADABLE};
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
    let raw = LocalStorage::raw().get_item(KEY_PLAN).ok().flatten();
    let loaded = decode(raw);
    let mut kept = None;
    if let Loaded::Unreadable { raw, .. } = &loaded {
        kept = keep_unreadable(raw);
    }
    (loaded, kept)
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

/// The revision of what is stored now (another tab may have saved since).
pub fn stored_revision() -> Option<u64> {
    LocalStorage::raw().get_item(KEY_PLAN).ok().flatten().and_then(|t| peek_revision(&t))
}

/// Save the workspace with the given revision.
pub fn save(w: Workspace, revision: u64, now: DateTime<Utc>) -> Result<(), SaveError> {
    let text = encode(w, revision, now);
    let s = store().ok_or_else(|| SaveError::Other("localStorage is not available".into()))?;
    s.set_item(KEY_PLAN, &text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            SaveError::Quota
        } else {
            SaveError::Other(
                e.as_string().or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string())).unwrap_or(name),
            )
        }
    })
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
