//! Helpers the integration tests share: a fixed clock and finding the
//! example's units and tasks by their English names.

use chrono::{DateTime, TimeZone, Utc};
use gongjian::domain::{Id, Plan};

/// 09:00 UTC on a day of March 2022.
pub fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 3, day, 9, 0, 0).unwrap()
}

/// The unit whose English name starts with `en`.
pub fn unit(plan: &Plan, en: &str) -> Id {
    plan.units.iter().find(|u| u.name.en.starts_with(en)).unwrap().id
}

/// The task whose English title starts with `en`.
pub fn task(plan: &Plan, en: &str) -> Id {
    plan.tasks.iter().find(|t| t.title.en.starts_with(en)).unwrap().id
}
