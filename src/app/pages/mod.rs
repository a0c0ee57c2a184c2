//! One page per route.

pub mod directory;
pub mod table;
