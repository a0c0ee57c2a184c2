//! Components, one per file, named for what they show.

pub mod action_form;
pub mod action_rows;
pub mod board;
pub mod dialog;
pub mod download;
pub mod example_banner;
pub mod filter_bar;
pub mod form_parts;
pub mod import_panel;
pub mod lang_switch;
pub mod light_badge;
pub mod person_editor;
pub mod picker;
pub mod plan_head_fields;
pub mod row_buttons;
pub mod sheet;
pub mod stale;
pub mod storage_banner;
pub mod storage_panel;
pub mod task_form;
pub mod task_row;
pub mod trail_list;
pub mod unit_checklist;
pub mod unit_editor;
