//! The one place that touches localStorage. The envelope (format, version,
//! saved-at) is plain Rust and tested natively; the browser calls live in
//! `local`, compiled for wasm32 only.

pub mod compact;
pub mod envelope;
pub mod imports;
pub mod keep;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod parts;

pub use envelope::{Envelope, Loaded, KEY_LANG, KEY_PLAN, KEY_SCOPE, KEY_UNREADABLE};
