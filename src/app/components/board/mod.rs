//! The board's parts: charts drawn as SVG by the app, and the lists.

pub mod bar;
pub mod charts;
pub mod light_bar;
pub mod scope_picker;
pub mod timeline;
pub mod workflow;
