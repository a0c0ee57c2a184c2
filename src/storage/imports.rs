//! Where the import history is kept: its own small key beside the plan
//! (a few hundred characters an import), so that saving the plan does not
//! rewrite it and it does not travel in exported files.

#[cfg(target_arch = "wasm32")]
use crate::domain::import_log::ImportLog;

/// localStorage key of the import history.
pub const KEY_IMPORTS: &str = "gongjian.imports";

/// The history kept in this browser (empty when none or unreadable).
#[cfg(target_arch = "wasm32")]
pub fn load() -> ImportLog {
    use gloo_storage::{LocalStorage, Storage};
    ImportLog::read(LocalStorage::raw().get_item(KEY_IMPORTS).ok().flatten().as_deref())
}

/// Keep the history; `false` when the browser refused it.
#[cfg(target_arch = "wasm32")]
pub fn save(log: &ImportLog) -> bool {
    use gloo_storage::{LocalStorage, Storage};
    LocalStorage::raw().set_item(KEY_IMPORTS, &log.write()).is_ok()
}

/// Whether a backup key is still in storage (asked in the browser, without
/// copying the backup, which may be megabytes, into wasm).
#[cfg(target_arch = "wasm32")]
pub fn kept(key: &str) -> bool {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else { return false };
    js_sys::Reflect::get(&s, &key.into()).is_ok_and(|v| v.is_string())
}
