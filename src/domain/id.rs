//! Stable record ids. Every record carries one from birth to tombstone, so a
//! file exchanged between units can always say which record it means.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Id(pub Uuid);

impl Id {
    /// A fresh random id (UUID v4).
    pub fn new() -> Self {
        Id(Uuid::new_v4())
    }

    /// A deterministic id derived from a name, for the embedded example: the
    /// same example always has the same ids, so its files can be compared.
    pub fn from_name(name: &str) -> Self {
        // FNV-1a over 128 bits; stamped as a version-8 (custom) UUID.
        let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
        for b in name.bytes() {
            h ^= b as u128;
            h = h.wrapping_mul(0x0000000001000000000000000000013B);
        }
        Id(uuid::Builder::from_custom_bytes(h.to_be_bytes()).into_uuid())
    }

    /// Parse an id from text (a URL parameter, a form value).
    pub fn parse(s: &str) -> Option<Self> {
        Uuid::parse_str(s).ok().map(Id)
    }
}

impl Default for Id {
    fn default() -> Self {
        Id::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_ids_are_stable_and_distinct() {
        assert_eq!(Id::from_name("unit:dongmen"), Id::from_name("unit:dongmen"));
        assert_ne!(Id::from_name("unit:dongmen"), Id::from_name("unit:drb"));
    }

    #[test]
    fn ids_round_trip_through_text() {
        let id = Id::new();
        assert_eq!(Id::parse(&id.to_string()), Some(id));
        assert_eq!(Id::parse("not-an-id"), None);
    }
}
