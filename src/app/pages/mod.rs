//! One page per route.

pub mod appraisal;
pub mod board;
pub mod bulletin;
pub mod directory;
pub mod exchange;
pub mod hearing;
pub mod meetings;
pub mod new_plan;
pub mod settings;
pub mod sheet;
pub mod table;
pub mod timeline;
pub mod trail;
pub mod weekly;
