//! The versioned envelope the plan is stored in, and the decision of what a
//! stored value means: nothing yet, a plan, or something we cannot read —
//! which is then kept, never overwritten.

use super::compact;
use crate::domain::{Id, Plan};
use crate::exchange::read::{from_text, ReadError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// localStorage key of the plan envelope.
pub const KEY_PLAN: &str = "gongjian.plan";
/// Prefix of the keys that keep stored text the app could not read, with the
/// time it was found appended.
pub const KEY_UNREADABLE: &str = "gongjian.plan.unreadable.";
/// localStorage key of the chosen interface language.
pub const KEY_LANG: &str = "gongjian.lang";
/// localStorage key of the board's remembered scope ("my unit, my action"),
/// as a query string such as `unit=…&action=…`.
pub const KEY_SCOPE: &str = "gongjian.board.scope";

/// The envelope's format name.
pub const FORMAT: &str = "gongjian-store";
/// The envelope's current version.
pub const VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u64,
    #[serde(with = "crate::domain::dates::instant")]
    pub saved_at: DateTime<Utc>,
    /// Counts saves; a tab whose copy is older than the stored one must not
    /// overwrite it.
    pub revision: u64,
    pub plan: Plan,
    /// Which unit this browser acts as; absent for the supervision office.
    #[serde(default)]
    pub me: Option<Id>,
    /// The slice this unit last imported: what its reports are measured from.
    #[serde(default)]
    pub base: Option<Plan>,
    /// How it was stored in parts (none when it was read from the older
    /// one-key form): what the next save starts from.
    #[serde(skip)]
    pub layout: Option<super::parts::Layout>,
}

/// What is saved: the plan, who this browser acts as, and a unit's base.
#[derive(Clone, Copy, Debug)]
pub struct Workspace<'a> {
    pub plan: &'a Plan,
    pub me: Option<Id>,
    pub base: Option<&'a Plan>,
}

/// The envelope as written, borrowing the plan rather than copying it.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u64,
    #[serde(with = "crate::domain::dates::instant")]
    saved_at: DateTime<Utc>,
    revision: u64,
    plan: &'a Plan,
    #[serde(skip_serializing_if = "Option::is_none")]
    me: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<&'a Plan>,
}

/// What the stored value turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored: a first visit.
    Empty,
    Plan(Box<Envelope>),
    /// Stored text we could not read; the caller keeps `raw` elsewhere.
    Unreadable {
        raw: String,
        error: ReadError,
    },
}

/// Serialize the workspace into the text that is stored: the envelope's
/// JSON, or its compact form when the plan is too large for plain JSON
/// (`compact`).
pub fn encode(w: Workspace, revision: u64, saved_at: DateTime<Utc>) -> String {
    let env = EnvelopeOut { format: FORMAT, version: VERSION, saved_at, revision, plan: w.plan, me: w.me, base: w.base };
    let json = serde_json::to_string(&env).unwrap_or_default();
    if compact::should_pack(&json) {
        compact::pack(&json, revision)
    } else {
        json
    }
}

/// Decide what a stored value is (the one-key form only: an index's
/// parts are read with [`decode_with`]).
pub fn decode(raw: Option<String>) -> Loaded {
    decode_with(raw, |_| None)
}

/// Decide what a stored value is: an index and the parts it names (read
/// with `get`), or the whole plan under one key as versions before the
/// parts stored it (compact or JSON).
pub fn decode_with(raw: Option<String>, get: impl Fn(&str) -> Option<String>) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    if super::parts::is_index(&raw) {
        return match super::parts::read(&raw, get) {
            Ok((mut env, layout)) => {
                env.layout = Some(layout);
                Loaded::Plan(Box::new(env))
            }
            Err(error) => Loaded::Unreadable { raw, error },
        };
    }
    let read = if compact::is_packed(&raw) {
        compact::unpack(&raw)
            .map_err(|reason| ReadError::Invalid { path: "$".into(), reason: format!("the compactly stored plan is damaged: {reason}") })
            .and_then(|json| read_envelope(&json))
    } else {
        read_envelope(&raw)
    };
    match read {
        Ok(env) => Loaded::Plan(Box::new(env)),
        Err(error) => Loaded::Unreadable { raw, error },
    }
}

/// The revision of a stored envelope, read from its head without parsing
/// the plan (the encoder writes `revision` before `plan`). `None` when the
/// text is not an envelope this app wrote.
pub fn peek_revision(raw: &str) -> Option<u64> {
    if compact::is_packed(raw) {
        return compact::packed_revision(raw);
    }
    // An index holds no text a person typed: its revision comes before
    // its parts.
    let end = if super::parts::is_index(raw) { raw.find("\"parts\"").unwrap_or(raw.len()) } else { raw.find("\"plan\"")? };
    let head = raw.get(..end)?;
    let rest = &head[head.find("\"revision\":")? + "\"revision\":".len()..];
    let digits: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn read_envelope(raw: &str) -> Result<Envelope, ReadError> {
    // The head first: a wrong format or a newer version must be refused by
    // name, before the body's fields are judged by this version's rules.
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
        version: Option<serde_json::Value>,
    }
    let head: Head = from_text(raw)?;
    let format = head.format.unwrap_or_default();
    if format != FORMAT {
        return Err(ReadError::WrongFormat { path: "$.format".into(), expected: FORMAT.into(), found: format });
    }
    match head.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(found) if found > VERSION => Err(ReadError::NewerVersion { path: "$.version".into(), found, supported: VERSION }),
        Some(_) => from_text(raw),
        None => Err(ReadError::Invalid { path: "$.version".into(), reason: "missing or not a number".into() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2022, 3, 1, 8, 0, 0).unwrap()
    }

    #[test]
    fn the_revision_is_read_from_the_head_alone() {
        let text = encode(Workspace { plan: &luohu_2022(), me: None, base: None }, 1234, now());
        assert_eq!(peek_revision(&text), Some(1234));
        // A plan whose text contains "revision": does not confuse it.
        let mut plan = luohu_2022();
        plan.title.en = "\"revision\":99".into();
        assert_eq!(peek_revision(&encode(Workspace { plan: &plan, me: None, base: None }, 7, now())), Some(7));
        assert_eq!(peek_revision("{\"format\":\"gongjian-store\",\"pla"), None);
    }

    #[test]
    fn who_this_browser_acts_as_and_its_base_are_kept() {
        let plan = luohu_2022();
        let me = plan.units[1].id;
        match decode(Some(encode(Workspace { plan: &plan, me: Some(me), base: Some(&plan) }, 3, now()))) {
            Loaded::Plan(env) => assert_eq!((env.me, env.base.as_ref()), (Some(me), Some(&plan))),
            other => panic!("unexpected {other:?}"),
        }
        let office = encode(Workspace { plan: &plan, me: None, base: None }, 3, now());
        assert!(!office.contains("\"me\"") && !office.contains("\"base\":{\"id\""), "the office writes neither");
    }

    #[test]
    fn nothing_stored_is_a_first_visit() {
        assert_eq!(decode(None), Loaded::Empty);
    }

    #[test]
    fn a_saved_plan_loads_back_with_its_revision() {
        let text = encode(Workspace { plan: &luohu_2022(), me: None, base: None }, 42, now());
        match decode(Some(text)) {
            Loaded::Plan(env) => {
                assert_eq!(env.revision, 42);
                assert_eq!(env.plan, luohu_2022());
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn garbage_is_unreadable_and_the_raw_text_is_handed_back() {
        let raw = "{\"format\":\"gongjian-store\",\"version\":1,\"pla".to_string();
        match decode(Some(raw.clone())) {
            Loaded::Unreadable { raw: kept, error: ReadError::NotJson { .. } } => assert_eq!(kept, raw),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_newer_version_is_not_read_but_kept() {
        let text = encode(Workspace { plan: &luohu_2022(), me: None, base: None }, 1, now()).replacen("\"version\":1", "\"version\":7", 1);
        match decode(Some(text)) {
            Loaded::Unreadable { error, .. } => {
                assert_eq!(error, ReadError::NewerVersion { path: "$.version".into(), found: 7, supported: crate::storage::parts::VERSION })
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn another_format_is_refused_by_name() {
        match decode(Some("{\"format\":\"excel\"}".into())) {
            Loaded::Unreadable { error: ReadError::WrongFormat { found, .. }, .. } => assert_eq!(found, "excel"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_bad_field_inside_the_plan_names_its_path() {
        let text = encode(Workspace { plan: &luohu_2022(), me: None, base: None }, 1, now()).replacen(
            "\"kickoff\":\"2022-02-07\"",
            "\"kickoff\":\"soon\"",
            1,
        );
        match decode(Some(text)) {
            Loaded::Unreadable { error: ReadError::Invalid { path, .. }, .. } => assert_eq!(path, "$.plan.kickoff"),
            other => panic!("unexpected {other:?}"),
        }
    }
}
