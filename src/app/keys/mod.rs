//! The signing keys this browser holds: one ECDSA P-256 key pair per plan
//! and side (the supervision office, or one unit), made by WebCrypto and
//! kept in IndexedDB — the one thing the app keeps outside localStorage
//! (database "gongjian-keys", object store "keys").
//!
//! A private key is kept as a non-extractable `CryptoKey`: script can sign
//! with it, nothing can read it. So that it can still be moved to another
//! laptop, a copy of it (PKCS #8) is kept beside it, encrypted (AES-GCM) by
//! a wrapping key of this browser's, itself a non-extractable `CryptoKey` in
//! the same store; the key file (`export_key_file`) decrypts that copy and
//! encrypts it again under the passphrase. A key pair is made extractable
//! only for the moment it takes to export that copy; no extractable key is
//! ever kept.
//!
//! Records, keyed `<plan id>:office` or `<plan id>:<unit id>`:
//! `{ plan, side (null: the office), public_key (65 bytes), private_key
//! (CryptoKey), wrapped (bytes), iv (bytes), made_at }`; the wrapping key is
//! kept under `wrapping-key`.
//!
//! Reached only from page chunks (Settings, the import), never from the
//! start-up wasm.

mod file;
mod web;

use crate::domain::ownership::Side;
use crate::domain::Id;
use crate::exchange::seal::{PublicKey, Signer, Verifier};
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web::{obj, Db};
use web_sys::{CryptoKey, SubtleCrypto};

pub use file::ITERATIONS;
pub use web::WebCryptoSha256;

/// The shortest passphrase a key file is written with, in characters.
pub const MIN_PASSPHRASE: usize = 8;
const WRAPPING: &str = "wrapping-key";

/// Why a key could not be made, kept, exported or imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// No WebCrypto or no IndexedDB here (an old browser, a page not served
    /// over https, some private modes).
    Unavailable,
    /// IndexedDB refused to read or write.
    Storage,
    /// A WebCrypto step failed.
    Crypto,
    /// No key is held for that plan and side.
    NoKey,
    /// A passphrase shorter than `MIN_PASSPHRASE`.
    ShortPassphrase,
    /// The key file's passphrase is another (AES-GCM's tag does not hold).
    WrongPassphrase,
    /// Not a key file this app can read: where (a JSON path) and why.
    NotAKeyFile { path: String, reason: NotKeyFile },
    /// This browser holds another key for the file's plan and side, and was
    /// not told to replace it: both fingerprints, the held one first.
    OtherKeyHeld { held: String, found: String },
}

/// Why a text is not a usable key file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotKeyFile {
    NotJson,
    /// Not a "gongjian-key" file.
    Format,
    /// Another version than 1 (as written in the file).
    Version(String),
    Missing,
    /// A value not in the format (not hex, wrong length, another algorithm…).
    Malformed,
    /// PBKDF2 iterations outside 600,000 – 10,000,000.
    Iterations(u64),
    /// The private key is not the file's public key's.
    Mismatch,
}

/// The record's key for a plan and side.
fn slot(plan: Id, side: Side) -> String {
    match side {
        Side::Office => format!("{plan}:office"),
        Side::Unit(u) => format!("{plan}:{u}"),
    }
}

/// One kept key pair.
struct Held {
    public: PublicKey,
    private: CryptoKey,
    wrapped: Vec<u8>,
    iv: Vec<u8>,
}

async fn read(db: &Db, plan: Id, side: Side) -> Result<Option<Held>, KeyError> {
    let v = db.get(&slot(plan, side)).await?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let f = |k: &str| Reflect::get(&v, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let public = PublicKey::from_bytes(&web::bytes(&f("public_key"))).ok_or(KeyError::Storage)?;
    let private = f("private_key").dyn_into::<CryptoKey>().map_err(|_| KeyError::Storage)?;
    Ok(Some(Held { public, private, wrapped: web::bytes(&f("wrapped")), iv: web::bytes(&f("iv")) }))
}

/// This browser's wrapping key, made at its first use.
async fn wrapping_key(db: &Db, s: &SubtleCrypto) -> Result<CryptoKey, KeyError> {
    if let Ok(k) = db.get(WRAPPING).await?.dyn_into::<CryptoKey>() {
        return Ok(k);
    }
    let k = web::new_wrapping_key(s).await?;
    if db.add(WRAPPING, &k).await? {
        return Ok(k);
    }
    // Another tab made one meanwhile: that one wraps.
    db.get(WRAPPING).await?.dyn_into().map_err(|_| KeyError::Storage)
}

/// The record that keeps a key pair: the non-extractable signing key and
/// the wrapped copy of `pkcs8`.
async fn record(
    db: &Db,
    s: &SubtleCrypto,
    plan: Id,
    side: Side,
    public: &PublicKey,
    signing: &CryptoKey,
    pkcs8: &[u8],
) -> Result<JsValue, KeyError> {
    let wrapping = wrapping_key(db, s).await?;
    let iv = web::random::<12>()?;
    let wrapped = web::encrypt(s, &wrapping, &iv, pkcs8).await?;
    let side_v = match side {
        Side::Office => JsValue::NULL,
        Side::Unit(u) => u.to_string().into(),
    };
    Ok(obj(&[
        ("plan", plan.to_string().into()),
        ("side", side_v),
        ("public_key", Uint8Array::from(public.bytes()).into()),
        ("private_key", JsValue::from(signing.clone())),
        ("wrapped", Uint8Array::from(&wrapped[..]).into()),
        ("iv", Uint8Array::from(&iv[..]).into()),
        ("made_at", crate::domain::dates::instant_text(&chrono::Utc::now()).into()),
    ])
    .into())
}

/// The public key this browser holds for that plan and side, if any.
pub async fn held(plan: Id, side: Side) -> Option<PublicKey> {
    let db = Db::open().await.ok()?;
    read(&db, plan, side).await.ok().flatten().map(|h| h.public)
}

/// The key pair for that plan and side: the one held, or a new one, made
/// and kept now.
pub async fn ensure(plan: Id, side: Side) -> Result<PublicKey, KeyError> {
    let db = Db::open().await?;
    if let Some(h) = read(&db, plan, side).await? {
        return Ok(h.public);
    }
    let s = web::subtle()?;
    let pair = web::crypto(s.generate_key_with_object(&web::ecdsa(), true, &web::usages(&["sign", "verify"]))).await?;
    let part = |k: &str| Reflect::get(&pair, &k.into()).ok().and_then(|v| v.dyn_into::<CryptoKey>().ok()).ok_or(KeyError::Crypto);
    let (private, public) = (part("privateKey")?, part("publicKey")?);
    let raw = web::bytes(&web::crypto(s.export_key("raw", &public)).await?);
    let mut pkcs8 = web::bytes(&web::crypto(s.export_key("pkcs8", &private)).await?);
    // The extractable pair is let go here; only the non-extractable copy is kept.
    drop((private, public, pair));
    let key = PublicKey::from_bytes(&raw).ok_or(KeyError::Crypto)?;
    let signing = web::signing_key(&s, &pkcs8).await?;
    let kept = record(&db, &s, plan, side, &key, &signing, &pkcs8).await;
    pkcs8.fill(0);
    if db.add(&slot(plan, side), &kept?).await? {
        return Ok(key);
    }
    // Another tab (or call) made one meanwhile: that one is the key.
    read(&db, plan, side).await?.map(|h| h.public).ok_or(KeyError::Storage)
}

/// Signs with the key this browser holds for a plan and side.
pub struct BrowserSigner {
    plan: Id,
    side: Side,
    key: PublicKey,
}

impl BrowserSigner {
    /// The signer for that plan and side, the key made now if none is held.
    pub async fn for_side(plan: Id, side: Side) -> Result<Self, KeyError> {
        Ok(Self { plan, side, key: ensure(plan, side).await? })
    }

    pub fn side(&self) -> Side {
        self.side
    }
}

impl Signer for BrowserSigner {
    fn public_key(&self) -> &PublicKey {
        &self.key
    }

    /// The key is read at each signature, so that a key replaced since
    /// (another key file imported) never signs as the old one: `None` then.
    async fn sign(&self, message: &[u8]) -> Option<Vec<u8>> {
        let db = Db::open().await.ok()?;
        let h = read(&db, self.plan, self.side).await.ok()??;
        if h.public != self.key {
            return None;
        }
        web::sign(&web::subtle().ok()?, &h.private, message).await.ok().filter(|s| s.len() == 64)
    }
}

/// Verifies with WebCrypto.
pub struct WebCryptoVerifier;

impl Verifier for WebCryptoVerifier {
    async fn verify(&self, key: &PublicKey, message: &[u8], signature: &[u8]) -> bool {
        let Ok(s) = web::subtle() else { return false };
        let Ok(k) = web::verifying_key(&s, key.bytes()).await else { return false };
        web::verify(&s, &k, message, signature).await
    }
}

/// The key file of the key held for that plan and side, encrypted with
/// `passphrase` (at least `MIN_PASSPHRASE` characters).
pub async fn export_key_file(plan: Id, side: Side, passphrase: &str) -> Result<String, KeyError> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(KeyError::ShortPassphrase);
    }
    let db = Db::open().await?;
    let h = read(&db, plan, side).await?.ok_or(KeyError::NoKey)?;
    let s = web::subtle()?;
    let wrapping = wrapping_key(&db, &s).await?;
    let mut pkcs8 = web::decrypt(&s, &wrapping, &h.iv, &h.wrapped).await?.ok_or(KeyError::Crypto)?;
    let (salt, iv) = (web::random::<16>()?, web::random::<12>()?);
    let key = web::passphrase_key(&s, passphrase, &salt, ITERATIONS).await?;
    let encrypted = web::encrypt(&s, &key, &iv, &pkcs8).await;
    pkcs8.fill(0);
    let f = file::KeyFile {
        plan,
        side,
        public_key: h.public,
        iterations: ITERATIONS,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        encrypted: encrypted?,
    };
    Ok(file::write(&f))
}

/// Restore a key from a key file: it is kept for the file's plan and side,
/// which are returned with the key. Holding that key already changes
/// nothing. Holding another key for that plan and side refuses the file
/// (`OtherKeyHeld`) unless `replace` says to drop the held one — which is
/// then gone for good, unless its own key file was exported.
pub async fn import_key_file(text: &str, passphrase: &str, replace: bool) -> Result<(Id, Side, PublicKey), KeyError> {
    let f = file::read(text)?;
    let s = web::subtle()?;
    let key = web::passphrase_key(&s, passphrase, &f.salt, f.iterations).await?;
    let mut pkcs8 = web::decrypt(&s, &key, &f.iv, &f.encrypted).await?.ok_or(KeyError::WrongPassphrase)?;
    let kept = keep_imported(&s, &f, &pkcs8, replace).await;
    pkcs8.fill(0);
    kept.map(|()| (f.plan, f.side, f.public_key))
}

async fn keep_imported(s: &SubtleCrypto, f: &file::KeyFile, pkcs8: &[u8], replace: bool) -> Result<(), KeyError> {
    let mismatch = || KeyError::NotAKeyFile { path: "$.encrypted_private_key".into(), reason: NotKeyFile::Mismatch };
    let signing = web::signing_key(s, pkcs8).await.map_err(|_| mismatch())?;
    // The private key must be the public key's: a signature by it is
    // checked with the file's public key.
    let probe = b"gongjian-key-file-check";
    let signature = web::sign(s, &signing, probe).await?;
    if !web::verify(s, &web::verifying_key(s, f.public_key.bytes()).await?, probe, &signature).await {
        return Err(mismatch());
    }
    let db = Db::open().await?;
    match read(&db, f.plan, f.side).await? {
        Some(h) if h.public == f.public_key => return Ok(()),
        Some(h) if !replace => return Err(KeyError::OtherKeyHeld { held: h.public.fingerprint(), found: f.public_key.fingerprint() }),
        _ => {}
    }
    let kept = record(&db, s, f.plan, f.side, &f.public_key, &signing, pkcs8).await?;
    db.put(&slot(f.plan, f.side), &kept).await
}
