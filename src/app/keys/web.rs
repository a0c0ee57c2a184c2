//! The browser's two services the keys need, in small async steps: WebCrypto
//! (`crypto.subtle`, `crypto.getRandomValues`) and the one IndexedDB object
//! store the keys are kept in.

use super::KeyError;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode, SubtleCrypto};

const DB: &str = "gongjian-keys";
/// The object store, with out-of-line keys (see `super::slot`).
pub const STORE: &str = "keys";

// ---- WebCrypto ---------------------------------------------------------------

/// `crypto.subtle`; absent outside a secure context (a page not served over
/// https or from this computer).
pub fn subtle() -> Result<SubtleCrypto, KeyError> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or(KeyError::Unavailable)?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| KeyError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(KeyError::Unavailable);
    }
    Ok(subtle.unchecked_into())
}

/// `N` random bytes from `crypto.getRandomValues`.
pub fn random<const N: usize>() -> Result<[u8; N], KeyError> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or(KeyError::Unavailable)?;
    let mut b = [0u8; N];
    crypto.get_random_values_with_u8_array(&mut b).map_err(|_| KeyError::Unavailable)?;
    Ok(b)
}

/// Await a WebCrypto promise; any failure is `KeyError::Crypto`.
pub async fn crypto(p: Result<Promise, JsValue>) -> Result<JsValue, KeyError> {
    JsFuture::from(p.map_err(|_| KeyError::Crypto)?).await.map_err(|_| KeyError::Crypto)
}

/// A plain object of the given fields (WebCrypto's algorithm parameters).
pub fn obj(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

pub fn usages(u: &[&str]) -> JsValue {
    u.iter().map(|x| JsValue::from_str(x)).collect::<Array>().into()
}

/// A copy of `b` in JavaScript memory.
pub fn u8a(b: &[u8]) -> Uint8Array {
    Uint8Array::from(b)
}

/// The bytes of an `ArrayBuffer` or a typed array (empty for anything else).
pub fn bytes(v: &JsValue) -> Vec<u8> {
    if v.is_instance_of::<js_sys::ArrayBuffer>() || v.is_instance_of::<Uint8Array>() {
        Uint8Array::new(v).to_vec()
    } else {
        Vec::new()
    }
}

/// ECDSA over P-256 (generating and importing).
pub fn ecdsa() -> Object {
    obj(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())])
}

/// ECDSA with SHA-256 (signing and verifying).
pub fn ecdsa_sha256() -> Object {
    obj(&[("name", "ECDSA".into()), ("hash", "SHA-256".into())])
}

/// AES-GCM with this 12-byte nonce.
pub fn aes_gcm(iv: &[u8]) -> Object {
    obj(&[("name", "AES-GCM".into()), ("iv", u8a(iv).into())])
}

/// AES-GCM encryption of `data` under `key`.
pub async fn encrypt(s: &SubtleCrypto, key: &CryptoKey, iv: &[u8], data: &[u8]) -> Result<Vec<u8>, KeyError> {
    Ok(bytes(&crypto(s.encrypt_with_object_and_buffer_source(&aes_gcm(iv), key, &u8a(data))).await?))
}

/// AES-GCM decryption; `None` when the key is not the one that encrypted
/// (or the text was changed): the tag does not hold.
pub async fn decrypt(s: &SubtleCrypto, key: &CryptoKey, iv: &[u8], data: &[u8]) -> Result<Option<Vec<u8>>, KeyError> {
    let p = s.decrypt_with_object_and_buffer_source(&aes_gcm(iv), key, &u8a(data)).map_err(|_| KeyError::Crypto)?;
    Ok(JsFuture::from(p).await.ok().map(|v| bytes(&v)))
}

/// A private signing key from its PKCS #8 bytes, non-extractable: it can
/// sign, and never be read back.
pub async fn signing_key(s: &SubtleCrypto, pkcs8: &[u8]) -> Result<CryptoKey, KeyError> {
    let k = crypto(s.import_key_with_object("pkcs8", &u8a(pkcs8), &ecdsa(), false, &usages(&["sign"]))).await?;
    k.dyn_into().map_err(|_| KeyError::Crypto)
}

/// A public key from its 65 raw bytes, to verify with.
pub async fn verifying_key(s: &SubtleCrypto, raw: &[u8]) -> Result<CryptoKey, KeyError> {
    let k = crypto(s.import_key_with_object("raw", &u8a(raw), &ecdsa(), true, &usages(&["verify"]))).await?;
    k.dyn_into().map_err(|_| KeyError::Crypto)
}

/// The P1363 signature (r‖s, 64 bytes) of `message`.
pub async fn sign(s: &SubtleCrypto, key: &CryptoKey, message: &[u8]) -> Result<Vec<u8>, KeyError> {
    Ok(bytes(&crypto(s.sign_with_object_and_buffer_source(&ecdsa_sha256(), key, &u8a(message))).await?))
}

pub async fn verify(s: &SubtleCrypto, key: &CryptoKey, message: &[u8], signature: &[u8]) -> bool {
    let p = s.verify_with_object_and_buffer_source_and_buffer_source(&ecdsa_sha256(), key, &u8a(signature), &u8a(message));
    crypto(p).await.map(|v| v.is_truthy()).unwrap_or(false)
}

/// SHA-256 of `data` by `crypto.subtle.digest`. The data is handed over as
/// a view of the wasm memory, not copied first: `digest` takes its own copy
/// before it returns the promise.
pub async fn sha256(s: &SubtleCrypto, data: &[u8]) -> Result<[u8; 32], KeyError> {
    let digest = crypto(s.digest_with_str_and_u8_array("SHA-256", data)).await?;
    bytes(&digest).try_into().map_err(|_| KeyError::Crypto)
}

/// The checksum's digest by WebCrypto, natively fast; by the `sha2` crate
/// where WebCrypto is missing (not a secure context) or fails.
pub struct WebCryptoSha256;

impl crate::exchange::checksum::Sha256 for WebCryptoSha256 {
    async fn digest(&self, bytes: &[u8]) -> [u8; 32] {
        let by_browser = match subtle() {
            Ok(s) => sha256(&s, bytes).await.ok(),
            Err(_) => None,
        };
        by_browser.unwrap_or_else(|| crate::exchange::checksum::native(bytes))
    }
}

/// The AES-GCM key a passphrase gives with this salt (PBKDF2-SHA-256).
pub async fn passphrase_key(s: &SubtleCrypto, passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, KeyError> {
    // The same passphrase typed on another system may come in another
    // Unicode form (composed or not): NFC makes them one.
    let normal: String = js_sys::JsString::from(passphrase).normalize("NFC").into();
    let base = crypto(s.import_key_with_str("raw", &u8a(normal.as_bytes()), "PBKDF2", false, &usages(&["deriveKey"]))).await?;
    let params =
        obj(&[("name", "PBKDF2".into()), ("hash", "SHA-256".into()), ("salt", u8a(salt).into()), ("iterations", iterations.into())]);
    let aes = obj(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let p = s.derive_key_with_object_and_object(&params, &base.unchecked_into(), &aes, false, &usages(&["encrypt", "decrypt"]));
    crypto(p).await?.dyn_into().map_err(|_| KeyError::Crypto)
}

/// A new AES-GCM key that never leaves the browser (the wrapping key).
pub async fn new_wrapping_key(s: &SubtleCrypto) -> Result<CryptoKey, KeyError> {
    let params = obj(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    crypto(s.generate_key_with_object(&params, false, &usages(&["encrypt", "decrypt"]))).await?.dyn_into().map_err(|_| KeyError::Crypto)
}

// ---- IndexedDB ---------------------------------------------------------------

/// Resolves with the request's result once it succeeded.
async fn done(req: &IdbRequest) -> Result<JsValue, KeyError> {
    let p = Promise::new(&mut |resolve: Function, reject: Function| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(p).await.map_err(|_| KeyError::Storage)?;
    req.result().map_err(|_| KeyError::Storage)
}

/// Resolves once the transaction is committed (so that a reload right after
/// finds what was written); `Err` with the error's name when it aborted.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let p = Promise::new(&mut |resolve: Function, reject: Function| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    match JsFuture::from(p).await {
        Ok(_) => Ok(()),
        Err(_) => Err(tx.error().map(|e| e.name()).unwrap_or_default()),
    }
}

/// The keys' database, open (made at its first use).
pub struct Db(IdbDatabase);

impl Db {
    pub async fn open() -> Result<Db, KeyError> {
        let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or(KeyError::Unavailable)?;
        let req = factory.open_with_u32(DB, 1).map_err(|_| KeyError::Unavailable)?;
        let upgrade = Closure::once(move |e: web_sys::Event| {
            let db = e.target().and_then(|t| t.unchecked_into::<IdbRequest>().result().ok());
            if let Some(db) = db {
                let _ = db.unchecked_into::<IdbDatabase>().create_object_store(STORE);
            }
        });
        req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = done(&req).await;
        req.set_onupgradeneeded(None);
        drop(upgrade);
        Ok(Db(db?.unchecked_into()))
    }

    fn store(&self, mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), KeyError> {
        let tx = self.0.transaction_with_str_and_mode(STORE, mode).map_err(|_| KeyError::Storage)?;
        let store = tx.object_store(STORE).map_err(|_| KeyError::Storage)?;
        Ok((tx, store))
    }

    /// The value kept under `key` (`undefined` when none).
    pub async fn get(&self, key: &str) -> Result<JsValue, KeyError> {
        let (_, store) = self.store(IdbTransactionMode::Readonly)?;
        done(&store.get(&key.into()).map_err(|_| KeyError::Storage)?).await
    }

    /// Keep `value` under `key` unless something is kept there already:
    /// `false` then, and nothing changes.
    pub async fn add(&self, key: &str, value: &JsValue) -> Result<bool, KeyError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.add_with_key(value, &key.into()).map_err(|_| KeyError::Storage)?;
        match committed(&tx).await {
            Ok(()) => Ok(true),
            Err(name) if name == "ConstraintError" => Ok(false),
            Err(_) => Err(KeyError::Storage),
        }
    }

    /// Keep `value` under `key`, replacing what was there.
    pub async fn put(&self, key: &str, value: &JsValue) -> Result<(), KeyError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.put_with_key(value, &key.into()).map_err(|_| KeyError::Storage)?;
        committed(&tx).await.map_err(|_| KeyError::Storage)
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        // Closed once its transactions are done; another tab can then open it.
        self.0.close();
    }
}
