//! Older exchange files brought up to the current version, one step at a
//! time, so a file from any earlier release reads as today's.
//!
//! Version 0 (the first prototype) had no checksum and no header beyond
//! `format`, `version`, `kind` and `exported_at`; the plan sat at `plan`,
//! and a task named a single `lead_unit` where version 1 has the list
//! `responsible`.

use super::checksum::sha256_hex;
use super::file::APP_VERSION;
use super::read::{from_text, ReadError};
use serde_json::{json, Map, Value};

/// One step: version n to n + 1.
type Step = fn(Value) -> Result<Value, ReadError>;

/// `STEPS[n]` migrates version n to n + 1.
const STEPS: [Step; 1] = [v0_to_v1];

/// Migrate `text`, written at version `from`, to the current version.
pub fn to_current(text: &str, from: u64) -> Result<String, ReadError> {
    let mut v: Value = from_text(text)?;
    for step in STEPS.iter().skip(from as usize) {
        v = step(v)?;
    }
    Ok(serde_json::to_string(&v).unwrap_or_default())
}

fn invalid(path: &str, reason: &str) -> ReadError {
    ReadError::Invalid { path: path.into(), reason: reason.into() }
}

fn v0_to_v1(v: Value) -> Result<Value, ReadError> {
    let Value::Object(mut old) = v else { return Err(invalid("$", "expected an object")) };
    let Some(Value::Object(mut plan)) = old.remove("plan") else { return Err(invalid("$", "missing field `plan`")) };
    if let Some(Value::Array(tasks)) = plan.get_mut("tasks") {
        for (i, t) in tasks.iter_mut().enumerate() {
            let Value::Object(t) = t else { return Err(invalid(&format!("$.plan.tasks[{i}]"), "expected an object")) };
            if let Some(lead) = t.remove("lead_unit") {
                let list = match lead {
                    Value::Null => vec![],
                    id @ Value::String(_) => vec![id],
                    _ => return Err(invalid(&format!("$.plan.tasks[{i}].lead_unit"), "expected a unit id")),
                };
                t.insert("responsible".into(), Value::Array(list));
            }
        }
    }
    let plan_id = plan.get("id").cloned().ok_or_else(|| invalid("$.plan", "missing field `id`"))?;
    let body = json!({ "plan": Value::Object(plan) });
    let sha = sha256_hex(&serde_json::to_string(&body).unwrap_or_default());
    let mut new = Map::new();
    new.insert("format".into(), old.remove("format").unwrap_or(Value::Null));
    new.insert("version".into(), json!(1));
    new.insert("kind".into(), old.remove("kind").unwrap_or(json!("plan")));
    new.insert("plan_id".into(), plan_id);
    new.insert("exported_by".into(), Value::Null);
    new.insert("unit".into(), Value::Null);
    new.insert("exported_at".into(), old.remove("exported_at").unwrap_or(Value::Null));
    new.insert("app_version".into(), json!(format!("0 (migrated by {APP_VERSION})")));
    new.insert("sha256".into(), json!(sha));
    new.insert("body".into(), body);
    Ok(Value::Object(new))
}

#[cfg(test)]
mod tests {
    use crate::exchange::file::{parse, Kind};

    const V0: &str = include_str!("../../tests/exchange/v0-plan.json");

    #[test]
    fn a_version_0_file_reads_as_version_1() {
        let p = parse(V0).expect("the v0 fixture migrates");
        assert_eq!(p.header.version, 1);
        assert_eq!(p.header.kind, Kind::Plan);
        let t = &p.body.plan.tasks[0];
        assert_eq!(t.responsible.len(), 1, "lead_unit became responsible");
        assert_eq!(Some(t.responsible[0]), p.body.plan.units.first().map(|u| u.id));
        assert!(p.body.plan.tasks[1].responsible.is_empty(), "a null lead_unit becomes an empty list");
        assert!(p.header.app_version.starts_with("0 (migrated"));
    }
}
