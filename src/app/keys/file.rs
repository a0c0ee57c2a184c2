//! The key file: one side's private signing key, encrypted with a
//! passphrase, to move that side to another laptop. It is JSON a person can
//! read (which plan, which side, which key), with everything secret in one
//! encrypted field:
//!
//! ```json
//! { "format": "gongjian-key", "version": 1,
//!   "plan_id": "…", "side": null,            // null: the office; else the unit's id
//!   "public_key": "04…", "fingerprint": "3F2A-91C0-7B44-E1D9",
//!   "exported_at": "2026-12-02T17:00:00Z",
//!   "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<16 bytes, hex>" },
//!   "cipher": { "name": "AES-GCM", "iv": "<12 bytes, hex>" },
//!   "encrypted_private_key": "<the PKCS #8 private key, AES-GCM encrypted, hex>" }
//! ```
//!
//! Written from strict types, read leniently in order: the first thing that
//! is not what the format says is refused with its JSON path.

use super::{KeyError, NotKeyFile};
use crate::domain::ownership::Side;
use crate::domain::Id;
use crate::exchange::seal::PublicKey;
use serde::Serialize;
use serde_json::Value;

pub const FORMAT: &str = "gongjian-key";
pub const VERSION: u64 = 1;
/// PBKDF2 iterations written (OWASP's figure for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// The most a file may ask for: more would hold the page for minutes.
const MAX_ITERATIONS: u64 = 10_000_000;

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u64,
    plan_id: String,
    side: Option<String>,
    public_key: String,
    fingerprint: String,
    exported_at: String,
    kdf: Kdf<'a>,
    cipher: Cipher<'a>,
    encrypted_private_key: String,
}

#[derive(Serialize)]
struct Kdf<'a> {
    name: &'a str,
    hash: &'a str,
    iterations: u32,
    salt: String,
}

#[derive(Serialize)]
struct Cipher<'a> {
    name: &'a str,
    iv: String,
}

/// What a key file holds, read.
pub struct KeyFile {
    pub plan: Id,
    pub side: Side,
    pub public_key: PublicKey,
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub encrypted: Vec<u8>,
}

/// The file's text.
pub fn write(f: &KeyFile) -> String {
    let out = Out {
        format: FORMAT,
        version: VERSION,
        plan_id: f.plan.to_string(),
        side: match f.side {
            Side::Office => None,
            Side::Unit(u) => Some(u.to_string()),
        },
        public_key: f.public_key.hex(),
        fingerprint: f.public_key.fingerprint(),
        exported_at: crate::domain::dates::instant_text(&chrono::Utc::now()),
        kdf: Kdf { name: "PBKDF2", hash: "SHA-256", iterations: f.iterations, salt: to_hex(&f.salt) },
        cipher: Cipher { name: "AES-GCM", iv: to_hex(&f.iv) },
        encrypted_private_key: to_hex(&f.encrypted),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

fn refuse(path: &str, reason: NotKeyFile) -> KeyError {
    KeyError::NotAKeyFile { path: path.to_string(), reason }
}

/// The value at `path` ("$.kdf.salt"), refused as missing when absent.
fn at<'a>(v: &'a Value, path: &str) -> Result<&'a Value, KeyError> {
    let mut cur = v;
    for part in path.trim_start_matches("$.").split('.') {
        cur = cur.get(part).ok_or_else(|| refuse(path, NotKeyFile::Missing))?;
    }
    Ok(cur)
}

fn text<'a>(v: &'a Value, path: &str) -> Result<&'a str, KeyError> {
    at(v, path)?.as_str().ok_or_else(|| refuse(path, NotKeyFile::Malformed))
}

/// A field that must be exactly `want` ("PBKDF2").
fn exactly(v: &Value, path: &str, want: &str) -> Result<(), KeyError> {
    (text(v, path)? == want).then_some(()).ok_or_else(|| refuse(path, NotKeyFile::Malformed))
}

/// Hex of exactly `len` bytes (any length when `len` is 0).
fn hex(v: &Value, path: &str, len: usize) -> Result<Vec<u8>, KeyError> {
    from_hex(text(v, path)?).filter(|b| (len == 0 && !b.is_empty()) || b.len() == len).ok_or_else(|| refuse(path, NotKeyFile::Malformed))
}

/// Read a key file, checking everything but the passphrase.
pub fn read(text_: &str) -> Result<KeyFile, KeyError> {
    let v: Value = serde_json::from_str(text_).map_err(|_| refuse("$", NotKeyFile::NotJson))?;
    if !v.is_object() || v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(refuse("$.format", NotKeyFile::Format));
    }
    let version = at(&v, "$.version")?;
    if version.as_u64() != Some(VERSION) {
        return Err(refuse("$.version", NotKeyFile::Version(version.to_string())));
    }
    let plan = Id::parse(text(&v, "$.plan_id")?).ok_or_else(|| refuse("$.plan_id", NotKeyFile::Malformed))?;
    let side = match at(&v, "$.side")? {
        Value::Null => Side::Office,
        Value::String(s) => Side::Unit(Id::parse(s).ok_or_else(|| refuse("$.side", NotKeyFile::Malformed))?),
        _ => return Err(refuse("$.side", NotKeyFile::Malformed)),
    };
    let public_key = PublicKey::from_hex(text(&v, "$.public_key")?).ok_or_else(|| refuse("$.public_key", NotKeyFile::Malformed))?;
    if text(&v, "$.fingerprint")? != public_key.fingerprint() {
        return Err(refuse("$.fingerprint", NotKeyFile::Malformed));
    }
    exactly(&v, "$.kdf.name", "PBKDF2")?;
    exactly(&v, "$.kdf.hash", "SHA-256")?;
    let n = at(&v, "$.kdf.iterations")?.as_u64().ok_or_else(|| refuse("$.kdf.iterations", NotKeyFile::Malformed))?;
    if !(u64::from(ITERATIONS)..=MAX_ITERATIONS).contains(&n) {
        return Err(refuse("$.kdf.iterations", NotKeyFile::Iterations(n)));
    }
    let salt = hex(&v, "$.kdf.salt", 16)?;
    exactly(&v, "$.cipher.name", "AES-GCM")?;
    let iv = hex(&v, "$.cipher.iv", 12)?;
    let encrypted = hex(&v, "$.encrypted_private_key", 0)?;
    Ok(KeyFile { plan, side, public_key, iterations: n as u32, salt, iv, encrypted })
}

pub fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}
