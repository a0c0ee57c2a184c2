//! The lenient reader: JSON text in, a plan (or a precise error) out.

use crate::domain::Plan;
use serde::de::DeserializeOwned;
use serde_json::Value;

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

/// Parse text into a JSON value, with the position of any syntax error.
pub fn parse_json(text: &str) -> Result<Value, ReadError> {
    serde_json::from_str(text).map_err(|e| ReadError::NotJson { line: e.line(), column: e.column(), reason: clean(&e) })
}

/// Deserialize `value` (found at `base`, e.g. `$.plan`) into `T`; an error
/// carries the JSON path of the offending field.
pub fn from_value<T: DeserializeOwned>(value: Value, base: &str) -> Result<T, ReadError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = if inner == "." { base.to_string() } else { format!("{base}.{inner}") };
        ReadError::Invalid { path, reason: clean(e.inner()) }
    })
}

/// A plan on its own (no envelope), as the storage envelope and files hold it.
pub fn read_plan(text: &str) -> Result<Plan, ReadError> {
    from_value(parse_json(text)?, "$")
}

/// serde_json appends " at line x column y" to messages that already have
/// a position elsewhere; drop it so the path is the one place that says where.
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
        let err = read_plan(&v.to_string()).unwrap_err();
        match err {
            ReadError::Invalid { path, reason } => {
                assert_eq!(path, "$.tasks[3].due");
                assert!(reason.contains("out of range") || reason.contains("input"), "{reason}");
            }
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
    fn a_missing_field_names_it() {
        let mut v = serde_json::to_value(luohu_2022()).unwrap();
        v.as_object_mut().unwrap().remove("kickoff");
        let err = read_plan(&v.to_string()).unwrap_err();
        assert_eq!(err, ReadError::Invalid { path: "$".into(), reason: "missing field `kickoff`".into() });
    }
}
