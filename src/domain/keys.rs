//! A side's public signing key (ECDSA over P-256), as the plan pins it:
//! the office's in every copy of the plan, each unit's in the office's
//! table from its first signed report. The key itself is not a secret; its
//! fingerprint is what people compare on the phone. Signing and checking
//! signatures is the exchange's (`exchange::seal`).

use super::ownership::Side;
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

/// The roles a browser may act as for a plan, given the keys it holds for
/// that plan (`held`) and the office key the plan names, if any (a unit's
/// copy names the key its slices were signed with). A role needs its key:
/// each unit whose key is held; the office when its key is held (and is the
/// one the plan names), or while this browser holds no key of the plan at
/// all and the plan names none — a plan nobody has signed for yet (the
/// example, a plan before its first export), so that someone can start it.
/// The unit whose slice this browser took in (`slice_of`) is its role too:
/// its key is made then, and made at its first export if that was cut short.
pub fn roles(held: &[(Side, PublicKey)], office_key: Option<&PublicKey>, slice_of: Option<super::Id>) -> Vec<Side> {
    let office = held.iter().any(|(s, k)| *s == Side::Office && office_key.is_none_or(|o| o == k))
        || (held.is_empty() && office_key.is_none() && slice_of.is_none());
    let mut units: Vec<Side> = held.iter().filter_map(|(s, _)| matches!(s, Side::Unit(_)).then_some(*s)).collect();
    if let Some(u) = slice_of.filter(|u| !units.contains(&Side::Unit(*u))) {
        units.push(Side::Unit(u));
    }
    office.then_some(Side::Office).into_iter().chain(units).collect()
}
