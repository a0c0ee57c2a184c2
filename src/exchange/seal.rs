//! Who made a file: its seal. The checksum proves a file is whole; the seal
//! proves who wrote it. Every side (the supervision office, each unit) holds
//! a signing key its browser made (ECDSA over P-256); an exported file
//! carries, in its header, the signer's public key, a short fingerprint of
//! it (to be read out on the phone), and a signature over the header and the
//! body's checksum. Whoever imports the file checks the signature and
//! compares the key with the one it pinned for that side.
//!
//! The rules are plain Rust: signing and verifying sit behind two small
//! traits, done by WebCrypto in the browser and by a pure-Rust P-256 crate in
//! the native tests, with the same signature form (IEEE P1363: r‖s, 64 bytes).

use super::file::Header;
use serde::{Deserialize, Serialize};
use std::future::Future;

/// The one algorithm: ECDSA, P-256, SHA-256.
pub const ALGORITHM: &str = "ES256";
/// The first line of what is signed, so that a signature made for anything
/// else can never pass for a file's.
const CONTEXT: &str = "gongjian-exchange-seal-v1";

/// The seal in a file's header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Seal {
    /// Always "ES256": ECDSA over P-256 with SHA-256.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "ES256")))]
    pub algorithm: String,
    /// The signer's public key: the uncompressed P-256 point (65 bytes), in
    /// lowercase hex.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^04[0-9a-f]{128}$")))]
    pub public_key: String,
    /// The key's fingerprint: the first 8 bytes of the SHA-256 of the key,
    /// as four groups of four hex digits (`3F2A-91C0-7B44-E1D9`).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9A-F]{4}(-[0-9A-F]{4}){3}$")))]
    pub fingerprint: String,
    /// The signature over the header's fields and the body's checksum (see
    /// `signing_input`), r‖s (64 bytes), in lowercase hex.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9a-f]{128}$")))]
    pub signature: String,
}

pub use crate::domain::keys::PublicKey;

/// What is signed: one line per header field, the body's checksum, and the
/// signer's key, so that no field can be changed, and no key swapped in,
/// without breaking the signature. Reindenting the file changes none of it.
pub fn signing_input(h: &Header, key: &PublicKey) -> Vec<u8> {
    let id = |u: Option<crate::domain::Id>| u.map(|u| u.to_string()).unwrap_or_else(|| "-".into());
    let kind = serde_json::to_value(h.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    [
        CONTEXT.to_string(),
        h.format.clone(),
        h.version.to_string(),
        kind,
        h.plan_id.to_string(),
        id(h.exported_by),
        id(h.unit),
        crate::domain::dates::instant_text(&h.exported_at),
        h.app_version.clone(),
        h.sha256.to_ascii_lowercase(),
        key.hex(),
    ]
    .join("\n")
    .into_bytes()
}

/// Makes signatures with a key it holds (WebCrypto's non-extractable key in
/// the browser).
pub trait Signer {
    fn public_key(&self) -> &PublicKey;
    /// The P1363 signature (64 bytes) of `message`, or `None` when the key
    /// could not sign.
    fn sign(&self, message: &[u8]) -> impl Future<Output = Option<Vec<u8>>>;
}

/// Checks signatures.
pub trait Verifier {
    /// Whether `signature` (P1363, 64 bytes) is `key`'s over `message`.
    fn verify(&self, key: &PublicKey, message: &[u8], signature: &[u8]) -> impl Future<Output = bool>;
}

/// The seal for a header (whose `seal` is ignored), or `None` when the
/// signer could not sign.
pub async fn seal(h: &Header, signer: &impl Signer) -> Option<Seal> {
    let key = signer.public_key();
    let signature = signer.sign(&signing_input(h, key)).await?;
    (signature.len() == 64).then(|| Seal {
        algorithm: ALGORITHM.into(),
        public_key: key.hex(),
        fingerprint: key.fingerprint(),
        signature: to_hex(&signature),
    })
}

/// What a file's seal shows, before any pin is looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sealed {
    /// No seal (a file from before signing, or written by hand).
    Unsigned,
    /// Signed by this key, and the signature holds.
    By(PublicKey),
    /// A seal that does not hold.
    Broken(Broken),
}

/// Why a seal does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broken {
    /// Another algorithm than ES256.
    Algorithm(String),
    /// The public key or the signature is not what the format says.
    Malformed,
    /// The fingerprint is not the key's.
    Fingerprint,
    /// The signature is not the key's over this header: the header or the
    /// body was changed after signing, or another key signed.
    Signature,
}

/// Check a file's seal.
pub async fn check(h: &Header, v: &impl Verifier) -> Sealed {
    let Some(s) = &h.seal else { return Sealed::Unsigned };
    if s.algorithm != ALGORITHM {
        return Sealed::Broken(Broken::Algorithm(s.algorithm.clone()));
    }
    let (Some(key), Some(sig)) = (PublicKey::from_hex(&s.public_key), from_hex(&s.signature).filter(|b| b.len() == 64)) else {
        return Sealed::Broken(Broken::Malformed);
    };
    if key.fingerprint() != s.fingerprint {
        return Sealed::Broken(Broken::Fingerprint);
    }
    if v.verify(&key, &signing_input(h, &key), &sig).await {
        Sealed::By(key)
    } else {
        Sealed::Broken(Broken::Signature)
    }
}

fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}

/// How an import may treat a file's seal, given the key pinned for the
/// side the file says sent it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trust {
    /// Signed by the pinned key.
    Pinned,
    /// Signed, and no key is pinned for the sender yet: applying the import
    /// pins this one (the person is shown its fingerprint).
    First(PublicKey),
    /// Unsigned, no key pinned, and signed files are not required: it is
    /// previewed with a warning.
    Unsigned,
    /// Made in this browser by the person importing it (a spreadsheet read
    /// here): nobody else's file, so there is no seal to judge.
    Local,
}

/// Why a file's seal refuses it: nothing of it is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Distrust {
    /// No seal, where one is required (the setting, or a key pinned for the
    /// sender: a file without a seal could otherwise pass for anyone's).
    Unsigned,
    /// The seal does not hold.
    Broken(Broken),
    /// Signed by another key than the one pinned for the sender: both
    /// fingerprints, the pinned one first.
    OtherKey { pinned: String, found: String },
}

/// The one rule for a file's seal. A key pinned for the sender must have
/// signed; with none pinned, the file's key is pinned at its first import;
/// an unsigned file passes (with a warning) only while nothing is pinned
/// and signed files are not required.
pub fn judge(sealed: &Sealed, pinned: Option<&PublicKey>, require_signed: bool) -> Result<Trust, Distrust> {
    match (sealed, pinned) {
        (Sealed::Broken(b), _) => Err(Distrust::Broken(b.clone())),
        (Sealed::By(k), Some(p)) if k == p => Ok(Trust::Pinned),
        (Sealed::By(k), Some(p)) => Err(Distrust::OtherKey { pinned: p.fingerprint(), found: k.fingerprint() }),
        (Sealed::By(k), None) => Ok(Trust::First(k.clone())),
        (Sealed::Unsigned, Some(_)) => Err(Distrust::Unsigned),
        (Sealed::Unsigned, None) if require_signed => Err(Distrust::Unsigned),
        (Sealed::Unsigned, None) => Ok(Trust::Unsigned),
    }
}

#[cfg(test)]
#[path = "tests_seal.rs"]
mod tests;
