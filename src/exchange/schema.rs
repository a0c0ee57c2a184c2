//! The JSON Schema of the exchange format, generated from the types. The
//! checked-in copy (`schema/gongjian-exchange-v1.json`, served by the app)
//! must equal what the types generate; `make schema` rewrites it.

use super::file::{Body, ExchangeFile};

/// Where the checked-in schema lives, relative to the crate root.
pub const PATH: &str = "schema/gongjian-exchange-v1.json";

/// The schema of a version-1 exchange file, as pretty JSON text.
pub fn text() -> String {
    let schema = schemars::schema_for!(ExchangeFile<Body>);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;
    use crate::exchange::file::{write, Kind};
    use crate::exchange::slice::{report, slice};
    use chrono::{TimeZone, Utc};

    fn checked_in() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/", "schema/gongjian-exchange-v1.json")).unwrap_or_default()
    }

    #[test]
    fn the_checked_in_schema_matches_the_types() {
        let now = text();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/", "schema/gongjian-exchange-v1.json"), &now).unwrap();
        }
        assert!(
            checked_in() == now,
            "{PATH} is out of step with the Rust types: run `make schema` and commit the result (after checking the change is intended)"
        );
    }

    #[test]
    fn every_kind_of_file_the_app_writes_validates_against_the_schema() {
        let schema: serde_json::Value = serde_json::from_str(&text()).unwrap();
        let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
        let plan = luohu_2022();
        let unit = plan.units[1].id;
        let at = Utc.with_ymd_and_hms(2022, 3, 1, 8, 0, 0).unwrap();
        let s = slice(&plan, unit);
        let mut changed = s.clone();
        changed.tasks[0].plan = "施工图".into();
        let files = [
            write(Kind::Plan, &Body { plan: plan.clone(), base: None }, None, None, at),
            write(Kind::Slice, &Body { plan: s.clone(), base: None }, None, Some(unit), at),
            write(Kind::Report, &report(&changed, &s), Some(unit), Some(unit), at),
        ];
        for f in files {
            let v: serde_json::Value = serde_json::from_str(&f).unwrap();
            let errors: Vec<String> = validator.iter_errors(&v).map(|e| format!("{}: {e}", e.instance_path)).collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
        // And the schema is not vacuous: a wrong kind fails it.
        let mut bad: serde_json::Value = serde_json::from_str(&write(Kind::Plan, &Body { plan, base: None }, None, None, at)).unwrap();
        bad["kind"] = "ledger".into();
        assert!(!validator.is_valid(&bad));
    }
}
