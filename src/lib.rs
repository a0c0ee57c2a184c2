//! Gongjian: the Critical Task Division of Responsibility Table, in the browser.
//!
//! `domain` and `exchange` are plain Rust and are tested natively; `storage`
//! keeps its envelope logic plain and touches localStorage only on wasm32;
//! `app` (Leptos) exists only in the browser build.

pub mod domain;
pub mod exchange;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod app;
