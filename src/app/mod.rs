//! The Leptos app: routes, pages and components over one plan state.

/// Copying a text box's words (the weekly reminders).
pub mod clipboard;
pub mod components;
pub mod exchange;
pub mod i18n;
/// The signing keys this browser holds (IndexedDB, WebCrypto).
pub mod keys;
pub mod pages;
pub mod sheet_import;
pub mod shell;
pub mod spreadsheet;
pub mod state;
pub mod url;
pub mod word;

pub use shell::App;
