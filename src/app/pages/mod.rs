//! One page per route.

pub mod board;
pub mod directory;
pub mod exchange;
pub mod settings;
pub mod sheet;
pub mod table;
pub mod timeline;
