//! The Leptos app: routes, pages and components over one plan state.

pub mod components;
pub mod exchange;
pub mod i18n;
pub mod pages;
mod shell;
pub mod state;
pub mod url;

pub use shell::App;
