//! One page per route.

pub mod directory;
pub mod settings;
pub mod sheet;
pub mod table;
