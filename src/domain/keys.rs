//! A side's public signing key (ECDSA over P-256), as the plan pins it:
//! the office's in every copy of the plan, each unit's in the office's
//! table from its first signed report. The key itself is not a secret; its
//! fingerprint is what people compare on the phone. Signing and checking
//! signatures is the exchange's (`exchange::seal`).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A public key: the uncompressed P-256 point, 65 bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String", extend("pattern" = "^04[0-9a-f]{128}$")))]
pub struct PublicKey(Vec<u8>);

impl PublicKey {
    /// A key from its 65 bytes; `None` when they cannot be an uncompressed point.
    pub fn from_bytes(raw: &[u8]) -> Option<Self> {
        (raw.len() == 65 && raw[0] == 4).then(|| Self(raw.to_vec()))
    }

    pub fn from_hex(s: &str) -> Option<Self> {
        if s.len() != 130 || !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let bytes: Option<Vec<u8>> = (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect();
        Self::from_bytes(&bytes?)
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn hex(&self) -> String {
        self.0.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// The fingerprint people compare: `3F2A-91C0-7B44-E1D9`.
    pub fn fingerprint(&self) -> String {
        let d = Sha256::digest(&self.0);
        d[..8].chunks(2).map(|c| format!("{:02X}{:02X}", c[0], c[1])).collect::<Vec<_>>().join("-")
    }
}

impl TryFrom<String> for PublicKey {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::from_hex(&s).ok_or_else(|| "not a P-256 public key (04 and 128 hex digits)".into())
    }
}

impl From<PublicKey> for String {
    fn from(k: PublicKey) -> String {
        k.hex()
    }
}
