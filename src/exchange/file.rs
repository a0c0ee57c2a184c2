//! The exchange file: a header (what the file is, for which plan, from whom,
//! when, and a checksum) and a body (the records). Files are written
//! pretty-printed for people and read strictly: the head is judged before
//! the body, so another format or a newer version is refused by name.

use super::path::path_at;
use super::pretty::pretty;
use super::read::{from_text, ReadError};
use crate::domain::{Id, Plan};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

/// The format name every exchange file carries.
pub const FORMAT: &str = "gongjian-exchange";
/// The version this app writes; older ones are migrated on import.
pub const VERSION: u64 = 1;
/// Files above this size are refused before they are read.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;
/// The app version written into every file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The whole plan; also the backup format.
    Plan,
    /// One unit's part of the table, sent by the supervision office.
    Slice,
    /// What one unit added or changed since its slice, sent back.
    Report,
}

/// An exchange file, generic over its body so the same header serves the
/// writer, the checksum check (body kept as raw text) and the schema.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "Gongjian exchange file, version 1",
        description = "A plan, a unit's slice of it, or a unit's report, exchanged between the units of a Critical Task Division of Responsibility Table."
    )
)]
pub struct ExchangeFile<B> {
    /// Always "gongjian-exchange".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "gongjian-exchange")))]
    pub format: String,
    /// The format version (1).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = 1)))]
    pub version: u64,
    pub kind: Kind,
    /// The id of the plan the records belong to.
    pub plan_id: Id,
    /// The unit that exported the file; null for the supervision office.
    pub exported_by: Option<Id>,
    /// For a slice, the unit it was cut for; for a report, the reporting unit.
    pub unit: Option<Id>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::instant_schema"))]
    #[serde(with = "crate::domain::dates::instant")]
    pub exported_at: DateTime<Utc>,
    /// The version of the app that wrote the file.
    pub app_version: String,
    /// SHA-256 (lowercase hex) of the body's compact JSON text, that is the
    /// body with every space, tab and line break outside strings removed.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9a-fA-F]{64}$")))]
    pub sha256: String,
    /// Who made the file: the signer's public key, its fingerprint, and a
    /// signature over the header and the checksum. Files from before
    /// signing have none and are shown as unsigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<super::seal::Seal>,
    pub body: B,
}

/// The records a file carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Body {
    /// The records: the whole plan, a unit's slice, or what a unit changed.
    pub plan: Plan,
    /// In a report: the same records as the unit last received them, so the
    /// importer can tell what the unit changed from what changed at home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Plan>,
}

/// The header of a file that has been read (its body parsed separately).
pub type Header = ExchangeFile<()>;

/// Write a file: pretty-printed, with the checksum of the body, unsealed.
pub fn write(kind: Kind, body: &Body, exported_by: Option<Id>, unit: Option<Id>, at: DateTime<Utc>) -> String {
    draft(kind, body, exported_by, unit, at).text(None)
}

/// A file about to be written: its header is final, so that it can be
/// sealed (`seal::seal`) before the text is made.
pub struct Draft(ExchangeFile<Box<RawValue>>);

/// The header and the body's compact text, checksum computed.
pub fn draft(kind: Kind, body: &Body, exported_by: Option<Id>, unit: Option<Id>, at: DateTime<Utc>) -> Draft {
    let compact = serde_json::to_string(body).unwrap_or_default();
    let raw = RawValue::from_string(compact).unwrap_or_else(|_| RawValue::from_string("null".into()).expect("null is JSON"));
    Draft(ExchangeFile {
        format: FORMAT.into(),
        version: VERSION,
        kind,
        plan_id: body.plan.id,
        exported_by,
        unit,
        exported_at: at,
        app_version: APP_VERSION.into(),
        sha256: sha256_hex(raw.get()),
        seal: None,
        body: raw,
    })
}

impl Draft {
    /// The header, as the reader will see it (without a seal).
    pub fn header(&self) -> Header {
        let f = &self.0;
        ExchangeFile {
            format: f.format.clone(),
            version: f.version,
            kind: f.kind,
            plan_id: f.plan_id,
            exported_by: f.exported_by,
            unit: f.unit,
            exported_at: f.exported_at,
            app_version: f.app_version.clone(),
            sha256: f.sha256.clone(),
            seal: None,
            body: (),
        }
    }

    /// The file's text, with `seal` in its header when there is one.
    pub fn text(mut self, seal: Option<super::seal::Seal>) -> String {
        self.0.seal = seal;
        let mut text = pretty(&serde_json::to_string(&self.0).unwrap_or_default());
        text.push('\n');
        text
    }
}

// File names are made in one place for every export: domain::file_name.

/// SHA-256 of `text` with the whitespace outside strings removed. The kept
/// bytes are gathered into 64 KB blocks before hashing: a pretty-printed
/// file breaks into a million short runs, and hashing each on its own took
/// longer than the hashing itself.
pub fn sha256_hex(text: &str) -> String {
    const BLOCK: usize = 1 << 16;
    let mut h = Sha256::new();
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + 64);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Outside a string: drop whitespace, keep everything up to a quote.
        let run = bytes[i..].iter().position(|b| matches!(b, b'"' | b' ' | b'\n' | b'\r' | b'\t')).unwrap_or(bytes.len() - i);
        buf.extend_from_slice(&bytes[i..i + run]);
        i += run;
        if i < bytes.len() && bytes[i] == b'"' {
            // A string, kept whole up to its closing quote.
            let start = i;
            i += 1;
            while i < bytes.len() {
                match bytes[i..].iter().position(|b| matches!(b, b'"' | b'\\')) {
                    Some(k) if bytes[i + k] == b'\\' => i += k + 2,
                    Some(k) => {
                        i += k + 1;
                        break;
                    }
                    None => i = bytes.len(),
                }
            }
            buf.extend_from_slice(&bytes[start..i.min(bytes.len())]);
        } else {
            // Indentation comes in long runs: skip them in one go.
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\n' | b'\r' | b'\t') {
                i += 1;
            }
        }
        if buf.len() >= BLOCK {
            h.update(&buf);
            buf.clear();
        }
    }
    h.update(&buf);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a file was refused before its records were looked at.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FileError {
    #[error("the file is {bytes} bytes, over the limit of {limit} bytes")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("{0}")]
    Read(ReadError),
    #[error("at $.sha256: the checksum does not match the body: the file was changed or cut short after it was exported")]
    Checksum,
}

/// A file read as far as its header and body, checksum verified.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub header: Header,
    pub body: Body,
}

#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    version: Option<serde_json::Value>,
}

/// Read a file's text: size, JSON, format, version (migrating older ones),
/// checksum, then the body's types. Nothing is judged against the table yet.
pub fn parse(text: &str) -> Result<Parsed, FileError> {
    let bytes = text.len() as u64;
    if bytes > MAX_BYTES {
        return Err(FileError::TooLarge { bytes, limit: MAX_BYTES });
    }
    // Editors on Windows may save a byte-order mark; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim_start().starts_with('{') {
        // Broken JSON is named by its line and column; valid JSON that is
        // not an object is simply not an exchange file.
        from_text::<serde::de::IgnoredAny>(text).map_err(FileError::Read)?;
        return Err(FileError::Read(ReadError::Invalid { path: "$".into(), reason: "expected an object with a `format` field".into() }));
    }
    let probe: Probe = from_text(text).map_err(FileError::Read)?;
    let version = match (&probe.format, &probe.version) {
        (Some(serde_json::Value::String(f)), _) if f != FORMAT => {
            return Err(FileError::Read(ReadError::WrongFormat { path: "$.format".into(), expected: FORMAT.into(), found: f.clone() }))
        }
        (None, _) | (Some(_), None) => {
            let (path, what) = if probe.format.is_none() { ("$", "missing field `format`") } else { ("$", "missing field `version`") };
            return Err(FileError::Read(ReadError::Invalid { path: path.into(), reason: what.into() }));
        }
        (Some(serde_json::Value::String(_)), Some(v)) => match v.as_u64() {
            Some(v) => v,
            None => {
                return Err(FileError::Read(ReadError::Invalid {
                    path: "$.version".into(),
                    reason: format!("{v} is not a version number"),
                }))
            }
        },
        (Some(f), _) => {
            return Err(FileError::Read(ReadError::WrongFormat { path: "$.format".into(), expected: FORMAT.into(), found: f.to_string() }))
        }
    };
    if version > VERSION {
        return Err(FileError::Read(ReadError::NewerVersion { path: "$.version".into(), found: version, supported: VERSION }));
    }
    if version < VERSION {
        let migrated = super::migrate::to_current(text, version).map_err(FileError::Read)?;
        return parse_current(&migrated);
    }
    parse_current(text)
}

fn parse_current(text: &str) -> Result<Parsed, FileError> {
    let raw: ExchangeFile<&RawValue> = from_text(text).map_err(FileError::Read)?;
    if !raw.sha256.eq_ignore_ascii_case(&sha256_hex(raw.body.get())) {
        return Err(FileError::Checksum);
    }
    let body_text = raw.body.get();
    let body: Body = from_text(body_text).map_err(|e| FileError::Read(in_body(text, body_text, e)))?;
    let header = ExchangeFile {
        format: raw.format,
        version: raw.version,
        kind: raw.kind,
        plan_id: raw.plan_id,
        exported_by: raw.exported_by,
        unit: raw.unit,
        exported_at: raw.exported_at,
        app_version: raw.app_version,
        sha256: raw.sha256,
        seal: raw.seal,
        body: (),
    };
    Ok(Parsed { header, body })
}

/// An error found inside the body, re-pointed at the whole file's path.
fn in_body(file: &str, body: &str, e: ReadError) -> ReadError {
    match e {
        ReadError::Invalid { path, reason } => {
            let start = body.as_ptr() as usize - file.as_ptr() as usize;
            let inner = path.strip_prefix('$').unwrap_or(&path).to_string();
            let whole = path_at(file, start + 1);
            ReadError::Invalid { path: format!("{whole}{inner}"), reason }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2022, 3, 1, 8, 0, 0).unwrap()
    }

    fn plan_file() -> String {
        write(Kind::Plan, &Body { plan: luohu_2022(), base: None }, None, None, at())
    }

    #[test]
    fn a_written_file_reads_back_with_its_header() {
        let p = parse(&plan_file()).unwrap();
        assert_eq!(p.body.plan, luohu_2022());
        assert_eq!((p.header.kind, p.header.plan_id, p.header.exported_at), (Kind::Plan, luohu_2022().id, at()));
        assert_eq!(p.header.app_version, APP_VERSION);
    }

    #[test]
    fn the_file_is_pretty_printed_with_the_head_first() {
        let text = plan_file();
        assert!(text.starts_with("{\n  \"format\": \"gongjian-exchange\",\n  \"version\": 1,\n  \"kind\": \"plan\""), "{}", &text[..120]);
        assert!(text.lines().count() > 100);
    }

    #[test]
    fn reindenting_keeps_the_checksum_but_changing_a_value_breaks_it() {
        let text = plan_file();
        let reindented = text.replace("\n  ", "\n\t");
        assert!(parse(&reindented).is_ok());
        let changed = text.replacen("\"year\": 2022", "\"year\": 2023", 1);
        assert_eq!(parse(&changed).unwrap_err(), FileError::Checksum);
    }

    #[test]
    fn a_string_with_spaces_inside_is_hashed_as_written() {
        assert_ne!(sha256_hex("{\"a\":\"x y\"}"), sha256_hex("{\"a\":\"xy\"}"));
        assert_eq!(sha256_hex("{ \"a\" : \"x y\" }"), sha256_hex("{\"a\":\"x y\"}"));
        assert_eq!(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn a_bad_value_in_the_body_is_named_by_its_path_in_the_file() {
        let text = plan_file();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut body = v["body"].clone();
        body["plan"]["tasks"][2]["due"] = "2022-02-30".into();
        let t = write_raw(&v, &body);
        match parse(&t).unwrap_err() {
            FileError::Read(ReadError::Invalid { path, reason }) => {
                assert_eq!(path, "$.body.plan.tasks[2].due");
                assert!(reason.contains("2022-02-30"), "{reason}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    /// A file with `body` swapped in and a checksum that matches it.
    fn write_raw(head: &serde_json::Value, body: &serde_json::Value) -> String {
        let mut v = head.clone();
        let compact = serde_json::to_string(body).unwrap();
        v["sha256"] = sha256_hex(&compact).into();
        v["body"] = body.clone();
        serde_json::to_string_pretty(&v).unwrap()
    }

    #[test]
    fn head_problems_are_named_before_the_body_is_judged() {
        assert!(matches!(parse("{\"format\":\"gongjian-store\",\"version\":1}"), Err(FileError::Read(ReadError::WrongFormat { .. }))));
        assert_eq!(
            parse("{\"format\":\"gongjian-exchange\",\"version\":9,\"body\":{}}").unwrap_err(),
            FileError::Read(ReadError::NewerVersion { path: "$.version".into(), found: 9, supported: 1 })
        );
        assert!(matches!(parse("[1,2]"), Err(FileError::Read(ReadError::Invalid { .. }))));
        assert!(matches!(parse("{\"format\":"), Err(FileError::Read(ReadError::NotJson { .. }))));
        let bom = format!("\u{feff}{}", plan_file());
        assert!(parse(&bom).is_ok(), "a byte-order mark is ignored");
    }
}
