//! The lenient reader: JSON text in, a value (or a precise error) out.
//! Parsing goes straight from the text; when it fails, the error says
//! where: a line and column for broken JSON, a JSON path for a bad field.

use super::path::{offset_of, path_at};
use crate::domain::Plan;
use serde::Deserialize;
use serde_json::error::Category;

/// Why a document could not be read; every variant says where.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ReadError {
    #[error("not valid JSON at line {line}, column {column}: {reason}")]
    NotJson { line: usize, column: usize, reason: String },
    #[error("at {path}: {reason}")]
    Invalid { path: String, reason: String },
    #[error("at {path}: written by a newer version ({found}) than this app reads ({supported})")]
    NewerVersion { path: String, found: u64, supported: u64 },
    #[error("at {path}: expected format '{expected}', found '{found}'")]
    WrongFormat { path: String, expected: String, found: String },
}

/// Parse `text` into `T`. Syntax errors carry a line and column; wrong
/// values and missing fields carry the JSON path where they were found.
pub fn from_text<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, ReadError> {
    serde_json::from_str(text).map_err(|e| match e.classify() {
        Category::Data => ReadError::Invalid { path: path_at(text, offset_of(text, e.line(), e.column())), reason: clean(&e) },
        _ => ReadError::NotJson { line: e.line(), column: e.column(), reason: clean(&e) },
    })
}

/// A plan on its own (no envelope).
pub fn read_plan(text: &str) -> Result<Plan, ReadError> {
    from_text(text)
}

/// serde_json appends " at line x column y" to its messages; the path (or
/// the line and column fields) already say where.
fn clean(e: &impl std::fmt::Display) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;
    use serde_json::Value;

    #[test]
    fn the_example_round_trips() {
        let plan = luohu_2022();
        let text = serde_json::to_string_pretty(&plan).unwrap();
        assert_eq!(read_plan(&text).unwrap(), plan);
    }

    #[test]
    fn a_bad_date_is_reported_with_its_json_path() {
        let mut v = serde_json::to_value(luohu_2022()).unwrap();
        v["tasks"][3]["due"] = Value::String("2022-13-45".into());
        for text in [v.to_string(), serde_json::to_string_pretty(&v).unwrap()] {
            match read_plan(&text).unwrap_err() {
                ReadError::Invalid { path, reason } => {
                    assert_eq!(path, "$.tasks[3].due");
                    assert_eq!(reason, "'2022-13-45' is not a date (YYYY-MM-DD)");
                }
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    #[test]
    fn a_wrong_type_deep_inside_names_its_path() {
        let mut v = serde_json::to_value(luohu_2022()).unwrap();
        v["tasks"][2]["targets"][0]["target"] = Value::String("lots".into());
        match read_plan(&serde_json::to_string_pretty(&v).unwrap()).unwrap_err() {
            ReadError::Invalid { path, .. } => assert_eq!(path, "$.tasks[2].targets[0].target"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn truncated_text_says_where_it_stopped() {
        let text = serde_json::to_string(&luohu_2022()).unwrap();
        let half = text.char_indices().map(|(i, _)| i).find(|i| *i >= text.len() / 2).unwrap_or(0);
        let err = read_plan(&text[..half]).unwrap_err();
        assert!(matches!(err, ReadError::NotJson { line: 1, .. }), "{err:?}");
    }

    #[test]
    fn a_missing_field_names_the_object_it_is_missing_from() {
        let mut v = serde_json::to_value(luohu_2022()).unwrap();
        v.as_object_mut().unwrap().remove("kickoff");
        assert_eq!(
            read_plan(&v.to_string()).unwrap_err(),
            ReadError::Invalid { path: "$".into(), reason: "missing field `kickoff`".into() }
        );
        let mut v = serde_json::to_value(luohu_2022()).unwrap();
        v["tasks"][1].as_object_mut().unwrap().remove("action");
        match read_plan(&serde_json::to_string_pretty(&v).unwrap()).unwrap_err() {
            ReadError::Invalid { path, reason } => assert_eq!((path.as_str(), reason.as_str()), ("$.tasks[1]", "missing field `action`")),
            other => panic!("unexpected {other:?}"),
        }
    }
}
