//! The plan and everything derived from it. Plain Rust: no Leptos, no browser.

pub mod appraisal;
pub mod board;
pub mod bulletin;
pub mod calendar;
pub mod change;
pub mod charts;
pub mod corrections;
pub mod dates;
pub mod document;
pub mod drafts;
pub mod edit;
pub mod example;
pub mod file_name;
pub mod filter;
pub mod hearing;
pub mod id;
pub mod import_log;
pub mod input;
pub mod instructions;
pub mod keys;
pub mod light;
pub mod meetings;
pub mod meta;
pub mod numbers;
pub mod ownership;
pub mod plan;
pub mod plan_head;
pub mod progress;
pub mod records;
pub mod reminders;
pub mod report_start;
pub mod requests;
pub mod sample;
pub mod schedule;
pub mod sheet_in;
pub mod spreadsheet;
pub mod task;
pub mod task_edit;
pub mod text;
pub mod three_way;
pub mod timeline;
pub mod usage;
pub mod validate;

pub use id::Id;
pub use instructions::Instruction;
pub use meta::{Meta, Stamp};
pub use plan::{KeyAction, Person, Plan, Settings, Unit};
pub use records::*;
pub use requests::Ruling;
pub use task::{Direction, Milestone, Target, Task};
pub use text::{Lang, Text};

#[cfg(test)]
mod tests;
