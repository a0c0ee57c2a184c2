//! Reading an office's existing responsibility table from a spreadsheet's
//! cells: where the table is, what its columns are, its actions and tasks,
//! its units and leaders, its deadlines. Plain Rust: the workbook is opened
//! by a worker, which hands over the cells.

pub mod columns;
pub mod grid;
pub mod into;
pub mod names;
pub mod structure;
pub mod when;
pub mod words;
