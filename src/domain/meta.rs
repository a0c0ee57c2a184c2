//! What every mutable record carries so that a later merge can tell "changed
//! here", "changed there" and "changed on both sides": a revision bumped on
//! each change, who (which unit) made it and when, and a tombstone flag —
//! a deleted record stays in the plan, marked, so a deletion travels too.

use super::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Meta {
    /// Revision: 1 when created, +1 on every change.
    pub rev: u32,
    /// The unit that made the last change; `None` for the table's owner
    /// before the app knows who it acts as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Id>,
    /// When the last change was made.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_instant_schema"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::domain::dates::opt_instant")]
    pub at: Option<DateTime<Utc>>,
    /// A tombstone: the record was deleted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// Who is changing the plan, and when. Passed into every command so the
/// domain never reads a clock or a global.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stamp {
    pub by: Option<Id>,
    pub at: DateTime<Utc>,
}

impl Meta {
    /// The metadata of a record created now.
    pub fn created(stamp: Stamp) -> Self {
        Meta { rev: 1, by: stamp.by, at: Some(stamp.at), deleted: false }
    }

    /// Record one change.
    pub fn touch(&mut self, stamp: Stamp) {
        self.rev = self.rev.saturating_add(1);
        self.by = stamp.by;
        self.at = Some(stamp.at);
    }
}

/// A record with an id and merge metadata; lets the plan treat all its
/// collections alike (find, live, tombstone).
pub trait Record {
    fn id(&self) -> Id;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    fn is_live(&self) -> bool {
        !self.meta().deleted
    }
}

/// Implements [`Record`] for structs with `id: Id` and `meta: Meta` fields.
#[macro_export]
macro_rules! impl_record {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::domain::meta::Record for $t {
            fn id(&self) -> $crate::domain::Id { self.id }
            fn meta(&self) -> &$crate::domain::Meta { &self.meta }
            fn meta_mut(&mut self) -> &mut $crate::domain::Meta { &mut self.meta }
        }
    )+};
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn touch_bumps_revision_and_records_who_and_when() {
        let unit = Id::new();
        let t0 = Utc.with_ymd_and_hms(2022, 2, 7, 9, 0, 0).unwrap();
        let t1 = Utc.with_ymd_and_hms(2022, 2, 8, 9, 0, 0).unwrap();
        let mut m = Meta::created(Stamp { by: None, at: t0 });
        assert_eq!(m.rev, 1);
        m.touch(Stamp { by: Some(unit), at: t1 });
        assert_eq!((m.rev, m.by, m.at), (2, Some(unit), Some(t1)));
    }

    #[test]
    fn tombstone_flag_is_omitted_when_false() {
        let json = serde_json::to_string(&Meta::default()).unwrap();
        assert!(!json.contains("deleted"), "{json}");
    }
}
