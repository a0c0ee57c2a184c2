//! What a fixture of the corpus should read as: written beside each file
//! (`<name>.expected.json`) by `examples/corpus.rs` from the table it wrote,
//! and compared by `tests/corpus.rs` with what the app reads from the file.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Expected {
    /// What the file is: the layout it stands for.
    pub about: String,
    /// The sheet the reader should pick.
    pub sheet: String,
    pub actions: usize,
    pub tasks: usize,
    /// Every unit named (responsible, co-organizing, leading), sorted.
    pub units: Vec<String>,
    pub samples: Vec<Sample>,
    /// Each key action's leaders, as (name, title), for the actions that
    /// name any.
    #[serde(default)]
    pub leaders: Vec<Leaders>,
    /// The cells the reader should ask the person to look at, in order.
    #[serde(default)]
    pub problems: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    pub action: String,
    pub task: String,
    pub responsible: Vec<String>,
    pub co_organizers: Vec<String>,
    /// `2023-06-30`, or none.
    pub due: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leaders {
    pub action: String,
    pub leaders: Vec<(String, String)>,
}
