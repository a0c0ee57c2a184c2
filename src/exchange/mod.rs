//! Reading and writing the plan as JSON. Strict out, lenient in: the same
//! reader serves localStorage and (later) imported files, and every error
//! names where in the document (a JSON path) and why.

pub mod path;
pub mod pretty;
pub mod read;

pub use pretty::pretty;
pub use read::{read_plan, ReadError};
