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
use std::borrow::Cow;
use std::ops::Range;

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
        // Written with the native digest: an export is synchronous, and
        // the same checksum as WebCrypto's (`checksum`).
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

/// The body's checksum (`checksum::sha256_hex`), computed here with the
/// `sha2` crate: exports and migrations write it synchronously, and their
/// bodies are compact already. Imports digest with WebCrypto in the browser
/// (`checksum::checksum`); both give the same hex.
pub use super::checksum::sha256_hex;

/// Why a file was refused before its records were looked at.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FileError {
    #[error("the file is {bytes} bytes, over the limit of {limit} bytes")]
    TooLarge { bytes: u64, limit: u64 },
    #[error(
        "at {path} (line {line}, column {column}): the file is not UTF-8 text: it was saved in another encoding, or it is not a text file"
    )]
    NotUtf8 { path: String, line: usize, column: usize },
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

/// A file's bytes as its text, checked to be UTF-8 once and kept without a
/// copy. Where it is not, the error names the place of the first byte that
/// is not (a JSON path, a line and a column).
pub fn text_of(bytes: Vec<u8>) -> Result<String, FileError> {
    let size = bytes.len() as u64;
    if size > MAX_BYTES {
        return Err(FileError::TooLarge { bytes: size, limit: MAX_BYTES });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        FileError::NotUtf8 {
            path: path_at(before, before.len()),
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    })
}

/// Read a file's bytes: UTF-8, then as `parse`.
pub fn parse_bytes(bytes: Vec<u8>) -> Result<Parsed, FileError> {
    parse(&text_of(bytes)?)
}

/// Read a file's text: size, JSON, format, version (migrating older ones),
/// checksum, then the body's types. Nothing is judged against the table yet.
pub fn parse(text: &str) -> Result<Parsed, FileError> {
    let head = head(text)?;
    let sum = sha256_hex(head.body_text());
    head.into_parsed(&sum)
}

/// A file read as far as its header: format and version judged (an older
/// file migrated), the body kept as raw text for its checksum. The browser
/// digests the body (asynchronously, `checksum::checksum`) between `head`
/// and `into_parsed`.
#[derive(Debug)]
pub struct Head<'a> {
    /// The file's text (its migrated text for an older version).
    text: Cow<'a, str>,
    /// Where in `text` the body's raw JSON is.
    body: Range<usize>,
    header: Header,
}

/// Read a file's header: size, JSON, format, version (migrating older
/// ones). The body is only stepped over, to be digested and then read: a
/// plain scan of its strings and brackets finds it (a tenth of what a JSON
/// parser takes to skip it), and the header is read from the rest. A file
/// that does not read so (another format, another version, broken JSON) is
/// read again as a whole, to say why; the body's own JSON is judged when
/// it is read (`into_parsed`).
pub fn head(text: &str) -> Result<Head<'_>, FileError> {
    let bytes = text.len() as u64;
    if bytes > MAX_BYTES {
        return Err(FileError::TooLarge { bytes, limit: MAX_BYTES });
    }
    // Editors on Windows may save a byte-order mark; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((header, body)) = quick_head(text) {
        return Ok(Head { text: Cow::Borrowed(text), body, header });
    }
    let version = judge_head(text)?;
    if version < VERSION {
        let migrated = super::migrate::to_current(text, version).map_err(FileError::Read)?;
        let raw: ExchangeFile<&RawValue> = from_text(&migrated).map_err(FileError::Read)?;
        let (header, body) = split(&migrated, raw);
        return Ok(Head { text: Cow::Owned(migrated), body, header });
    }
    let raw: ExchangeFile<&RawValue> = from_text(text).map_err(FileError::Read)?;
    let (header, body) = split(text, raw);
    Ok(Head { text: Cow::Borrowed(text), body, header })
}

/// A current file's header and where its body is, without reading the
/// body; `None` for anything else.
fn quick_head(text: &str) -> Option<(Header, Range<usize>)> {
    let body = find_body(text.as_bytes())?;
    let mut rest = String::with_capacity(text.len() - body.len() + 4);
    rest.push_str(&text[..body.start]);
    rest.push_str("null");
    rest.push_str(&text[body.end..]);
    let header: Header = serde_json::from_str(&rest).ok()?;
    (header.format == FORMAT && header.version == VERSION).then_some((header, body))
}

/// Where the top-level `body` member's value is, found by stepping over
/// strings and brackets (no value is read): `None` when the text is not an
/// object it can step through to its end, or has no `body`, or two.
fn find_body(b: &[u8]) -> Option<Range<usize>> {
    let ws = |mut i: usize| {
        while i < b.len() && matches!(b[i], b' ' | b'\n' | b'\r' | b'\t') {
            i += 1;
        }
        i
    };
    let mut i = ws(0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = ws(i + 1);
    let mut body = None;
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(b, i)?;
        let key = &b[i + 1..key_end - 1];
        i = ws(key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        let start = ws(i + 1);
        let end = value_end(b, start)?;
        if key == b"body" {
            if body.is_some() {
                return None;
            }
            body = Some(start..end);
        }
        i = ws(end);
        match b.get(i)? {
            b',' => i = ws(i + 1),
            b'}' => break,
            _ => return None,
        }
    }
    (ws(i + 1) == b.len()).then_some(body?)
}

/// After the string whose opening quote is at `i`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// After the value that starts at `i`: a string, an object or array (to its
/// matching bracket), or a word or number.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let (mut depth, mut j) = (0usize, i);
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let j = b[i..].iter().position(|c| matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')).map_or(b.len(), |k| i + k);
            (j > i).then_some(j)
        }
    }
}

/// The header of a file read with its body raw, and where the body is.
fn split(text: &str, raw: ExchangeFile<&RawValue>) -> (Header, Range<usize>) {
    let start = raw.body.get().as_ptr() as usize - text.as_ptr() as usize;
    let body = start..start + raw.body.get().len();
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
    (header, body)
}

#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    version: Option<serde_json::Value>,
}

/// Why a file that does not read as a current exchange file is refused, in
/// the order a person would look: JSON, format, version. Its version when
/// nothing there is wrong.
fn judge_head(text: &str) -> Result<u64, FileError> {
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
    Ok(version)
}

impl Head<'_> {
    /// The header, as read.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The body's raw JSON text, whose checksum the header carries.
    pub fn body_text(&self) -> &str {
        &self.text[self.body.clone()]
    }

    /// The whole file, given the body's checksum as computed (`checksum`):
    /// refused when it is not the header's, else the body's records read.
    pub fn into_parsed(self, checksum: &str) -> Result<Parsed, FileError> {
        // The body was stepped over, not read: broken JSON in it is named
        // first, by its line and column in the file, as a whole read would.
        if !self.header.sha256.eq_ignore_ascii_case(checksum) {
            return Err(self.broken().unwrap_or(FileError::Checksum));
        }
        let body: Body = from_text(self.body_text()).map_err(|e| match e {
            ReadError::NotJson { .. } => self.broken().unwrap_or(FileError::Read(e)),
            e => FileError::Read(self.in_body(e)),
        })?;
        Ok(Parsed { header: self.header, body })
    }

    /// Where the whole file is not JSON, if it is not.
    fn broken(&self) -> Option<FileError> {
        from_text::<serde::de::IgnoredAny>(&self.text).err().map(FileError::Read)
    }

    /// An error found inside the body, re-pointed at the whole file's path.
    fn in_body(&self, e: ReadError) -> ReadError {
        match e {
            ReadError::Invalid { path, reason } => {
                let inner = path.strip_prefix('$').unwrap_or(&path).to_string();
                let whole = path_at(&self.text, self.body.start + 1);
                ReadError::Invalid { path: format!("{whole}{inner}"), reason }
            }
            other => other,
        }
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
    fn bytes_that_are_not_utf8_are_refused_with_their_place() {
        let text = plan_file();
        let at = text.find("\"kickoff\": \"").unwrap() + "\"kickoff\": \"".len();
        let mut bytes = text.clone().into_bytes();
        bytes.insert(at, 0xff);
        let line = text[..at].matches('\n').count() + 1;
        let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
        let e = parse_bytes(bytes).unwrap_err();
        assert_eq!(e, FileError::NotUtf8 { path: "$.body.plan.kickoff".into(), line, column });
        assert_eq!(
            e.to_string(),
            format!("at $.body.plan.kickoff (line {line}, column {column}): the file is not UTF-8 text: it was saved in another encoding, or it is not a text file")
        );
        // A GBK file's first Chinese character, at the start of the second line.
        assert_eq!(parse_bytes(b"{\n\xc2\xde".to_vec()).unwrap_err(), FileError::NotUtf8 { path: "$".into(), line: 2, column: 1 });
        // A too large file is refused before its bytes are looked at.
        assert!(matches!(text_of(vec![0xff; MAX_BYTES as usize + 1]), Err(FileError::TooLarge { .. })));
    }

    #[test]
    fn bytes_read_as_the_text_does_a_byte_order_mark_included() {
        let text = plan_file();
        assert_eq!(parse_bytes(text.clone().into_bytes()), parse(&text));
        let bom = format!("\u{feff}{text}");
        assert_eq!(parse_bytes(bom.into_bytes()), parse(&text));
    }

    #[test]
    fn the_head_names_the_body_and_the_checksum_is_checked_after_it() {
        let text = plan_file();
        let head = head(&text).unwrap();
        assert_eq!(head.header().kind, Kind::Plan);
        assert!(head.body_text().starts_with('{') && head.body_text().ends_with('}'));
        let v: serde_json::Value = serde_json::from_str(head.body_text()).unwrap();
        assert_eq!(v["plan"]["id"], luohu_2022().id.to_string());
        let sum = sha256_hex(head.body_text());
        assert_eq!(sum, head.header().sha256);
        assert_eq!(head.into_parsed(&"0".repeat(64)).unwrap_err(), FileError::Checksum);
        // Upper-case hex in the header is accepted, as before.
        let upper = text.replacen(&sum, &sum.to_uppercase(), 1);
        assert!(parse(&upper).is_ok());
    }

    #[test]
    fn a_complete_file_of_another_format_or_a_newer_version_is_refused_by_name() {
        let text = plan_file();
        let other = text.replacen("\"format\": \"gongjian-exchange\"", "\"format\": \"other\"", 1);
        assert_eq!(
            parse(&other).unwrap_err(),
            FileError::Read(ReadError::WrongFormat { path: "$.format".into(), expected: FORMAT.into(), found: "other".into() })
        );
        let newer = text.replacen("\"version\": 1,", "\"version\": 2,", 1);
        assert_eq!(
            parse(&newer).unwrap_err(),
            FileError::Read(ReadError::NewerVersion { path: "$.version".into(), found: 2, supported: 1 })
        );
    }

    /// The file read as a whole first (as every version before did): JSON,
    /// format and version judged on the whole text, the body parsed as raw
    /// JSON, then the checksum and the body's types.
    fn read_whole(text: &str) -> Result<Parsed, FileError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let version = judge_head(text)?;
        let migrated;
        let text = if version < VERSION {
            migrated = crate::exchange::migrate::to_current(text, version).map_err(FileError::Read)?;
            &migrated
        } else {
            text
        };
        let raw: ExchangeFile<&RawValue> = from_text(text).map_err(FileError::Read)?;
        let (header, body) = split(text, raw);
        let head = Head { text: Cow::Borrowed(text), body, header };
        let sum = sha256_hex(head.body_text());
        head.into_parsed(&sum)
    }

    #[test]
    fn stepping_over_the_body_says_what_reading_the_whole_file_said() {
        let text = plan_file();
        let mut cases = vec![
            text.clone(),
            format!("{text} x"),
            text.replacen("{", "{\"body\": 1, ", 1),
            text.replacen("\"body\"", "\"bod\\u0079\"", 1),
        ];
        // The body first, the header after it.
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let body = serde_json::to_string(&v["body"]).unwrap();
        let mut rest = v.clone();
        rest.as_object_mut().unwrap().remove("body");
        cases.push(format!("{{\"body\": {body}, {}", &serde_json::to_string(&rest).unwrap()[1..]));
        for i in (1..text.len()).step_by(193).filter(|i| text.is_char_boundary(*i)) {
            cases.push(text[..i].to_string());
            if text.as_bytes()[i].is_ascii() && text.is_char_boundary(i + 1) {
                for b in ["\"", "{", "}", "]", ",", "x", "\\", ""] {
                    cases.push(format!("{}{b}{}", &text[..i], &text[i + 1..]));
                }
            }
        }
        for c in &cases {
            assert_eq!(parse(c), read_whole(c), "{}", &c[..c.len().min(200)]);
        }
        assert!(cases.len() > 500, "{}", cases.len());
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
