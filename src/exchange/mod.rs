//! Reading and writing the plan as JSON. Strict out, lenient in: the same
//! reader serves localStorage and imported files, and every error names
//! where in the document (a JSON path) and why.
//!
//! Exchange between units: `file` (the format), `checksum` (the body's),
//! `slice` (cutting slices and reports), `merge` (the rules), on `fields`
//! (records as keyed field maps) and `labels` (naming records for people),
//! `import` (judging a file against the table), `migrate` (older versions).

pub mod checksum;
pub mod fields;
pub mod file;
pub mod import;
pub mod labels;
pub mod merge;
pub mod migrate;
pub mod path;
pub mod pretty;
pub mod read;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod seal;
pub mod slice;
pub mod trail;
pub mod words;

#[cfg(test)]
mod ownership_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_labels;

pub use pretty::pretty;
pub use read::{read_plan, ReadError};
