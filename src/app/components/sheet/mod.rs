//! The sections of a task's sheet ("one task, one form").

pub mod instructions_section;
pub mod invert_form;
pub mod plan_section;
pub mod problems_section;
pub mod report_form;
pub mod reports_section;
pub mod requests_section;
pub mod risks_section;
pub mod schedule_section;
pub mod section;
pub mod targets_section;
