//! What keeps the table safe in a browser, decided in plain Rust: which
//! rolling backups to write and drop, when to remind the person to export,
//! and how full storage is. `local` carries the decisions out.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Prefix of the backup keys; the save time follows (`…backup.2022-03-01T08:00:00Z`),
/// so the keys sort by age.
pub const KEY_BACKUP: &str = "gongjian.backup.";
/// localStorage key of the last export: `{"at": …, "revision": …}`.
pub const KEY_EXPORTED: &str = "gongjian.exported";
/// The most backups kept, when more would fit.
pub const KEEP: usize = 5;
/// localStorage key (in localStorage when it fits, and in sessionStorage,
/// which has its own quota) holding the time of a change the browser refused
/// to store; removed by the next save that succeeds. About 40 characters,
/// so it fits when a big save does not.
pub const KEY_UNSAVED: &str = "gongjian.unsaved";
/// A new backup is taken at most this often, so a burst of edits does not
/// push every older backup out.
pub const GAP_MINUTES: i64 = 10;
/// Chromium keeps about this many characters (keys and values) of
/// localStorage per origin.
pub const LOCAL_STORAGE_CHARS: u64 = 5_242_880;
/// Above this share of the limit, the page warns.
pub const WARN_PERCENT: u64 = 80;

/// The key of a backup taken at `at`.
pub fn backup_key(at: DateTime<Utc>) -> String {
    format!("{KEY_BACKUP}{}", crate::domain::dates::second_text(at))
}

/// When a backup key was taken.
pub fn backup_time(key: &str) -> Option<DateTime<Utc>> {
    let s = key.strip_prefix(KEY_BACKUP)?;
    crate::domain::dates::parse_instant(s)
}

/// What to do with backups at a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rotation {
    /// The key to copy the previous save to, if a backup is due.
    pub write: Option<String>,
    /// The oldest keys to drop so that at most `keep` remain.
    pub drop: Vec<String>,
}

/// How many rolling backups fit: the plan itself is stored once and each
/// backup is about one more copy of it, beside what the other keys use
/// (`other`, in characters); at most `KEEP`. With a 1.8 M-character plan in
/// the 5.2 M characters Chromium allows, one backup fits.
pub fn backups_that_fit(plan_chars: u64, other_chars: u64, limit: u64) -> usize {
    if plan_chars == 0 {
        return KEEP;
    }
    let copies = limit.saturating_sub(other_chars) / plan_chars;
    usize::try_from(copies.saturating_sub(1)).unwrap_or(KEEP).min(KEEP)
}

/// Given the backup keys present, the time and how many backups fit
/// (`backups_that_fit`), decide the rotation.
pub fn rotate(existing: &[String], now: DateTime<Utc>, keep: usize) -> Rotation {
    let mut keys: Vec<(DateTime<Utc>, &String)> = existing.iter().filter_map(|k| backup_time(k).map(|t| (t, k))).collect();
    keys.sort();
    let due = keep > 0 && keys.last().is_none_or(|(t, _)| now - *t >= Duration::minutes(GAP_MINUTES));
    let write = due.then(|| backup_key(now));
    let total = keys.len() + usize::from(due);
    let drop = keys.iter().take(total.saturating_sub(keep)).map(|(_, k)| (*k).clone()).collect();
    Rotation { write, drop }
}

/// The last export (or, before any, the first save: the clock starts then).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exported {
    #[serde(with = "crate::domain::dates::instant")]
    pub at: DateTime<Utc>,
    /// The store revision that was exported (0: nothing yet).
    pub revision: u64,
}

/// Days since the last export, when a reminder is due: there are changes
/// since, and it was `days` or more ago.
pub fn reminder(exported: Option<Exported>, revision: u64, now: DateTime<Utc>, days: u32) -> Option<i64> {
    let e = exported?;
    let since = (now - e.at).num_days();
    (days > 0 && revision > e.revision && since >= i64::from(days)).then_some(since)
}

/// How full localStorage is: characters used, the limit, the percentage,
/// and whether to warn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meter {
    pub used: u64,
    pub limit: u64,
    pub percent: u64,
    pub warn: bool,
}

pub fn meter(used: u64) -> Meter {
    let percent = (used * 100).div_ceil(LOCAL_STORAGE_CHARS).min(100);
    Meter { used, limit: LOCAL_STORAGE_CHARS, percent, warn: percent > WARN_PERCENT }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2022, 3, 1, h, m, 0).unwrap()
    }

    #[test]
    fn keys_carry_their_time_and_sort_by_it() {
        assert_eq!(backup_key(t(8, 5)), "gongjian.backup.2022-03-01T08:05:00Z");
        assert_eq!(backup_time(&backup_key(t(8, 5))), Some(t(8, 5)));
        assert_eq!(backup_time("gongjian.plan"), None);
        assert!(backup_key(t(8, 5)) < backup_key(t(10, 0)));
    }

    #[test]
    fn the_first_save_is_backed_up_and_a_burst_is_backed_up_once() {
        assert_eq!(rotate(&[], t(8, 0), KEEP), Rotation { write: Some(backup_key(t(8, 0))), drop: vec![] });
        let one = vec![backup_key(t(8, 0))];
        assert_eq!(rotate(&one, t(8, 9), KEEP).write, None, "9 minutes later: not yet");
        assert_eq!(rotate(&one, t(8, 10), KEEP).write, Some(backup_key(t(8, 10))), "10 minutes later: due");
    }

    #[test]
    fn at_most_five_are_kept_and_the_oldest_go_first() {
        let five: Vec<String> = (0..5).map(|h| backup_key(t(h, 0))).collect();
        let r = rotate(&five, t(9, 0), KEEP);
        assert_eq!(r.write, Some(backup_key(t(9, 0))));
        assert_eq!(r.drop, vec![backup_key(t(0, 0))]);
        // Other keys are not backups and are never dropped.
        let mut mixed = five.clone();
        mixed.push("gongjian.plan".into());
        assert_eq!(rotate(&mixed, t(9, 0), KEEP).drop, vec![backup_key(t(0, 0))]);
        // Not due: nothing to drop while there are five.
        assert_eq!(rotate(&five, t(4, 5), KEEP), Rotation { write: None, drop: vec![] });
    }

    #[test]
    fn as_many_backups_are_kept_as_fit_beside_the_plan() {
        let l = LOCAL_STORAGE_CHARS;
        // The large plan: 1.8 M characters, so the plan and one backup fit.
        assert_eq!(backups_that_fit(1_800_000, 0, l), 1);
        // A small plan: the cap.
        assert_eq!(backups_that_fit(100_000, 0, l), KEEP);
        assert_eq!(backups_that_fit(0, 0, l), KEEP);
        // Three copies fit in 5.24 M when nothing else is stored: two backups.
        assert_eq!(backups_that_fit(1_700_000, 0, l), 2);
        // Other keys take their share first.
        assert_eq!(backups_that_fit(1_700_000, 200_000, l), 1);
        // The plan alone (or not even that): no backup.
        assert_eq!(backups_that_fit(3_000_000, 0, l), 0);
        assert_eq!(backups_that_fit(6_000_000, 0, l), 0);
        assert_eq!(backups_that_fit(1_000, l, l), 0);
    }

    #[test]
    fn rotation_keeps_only_the_backups_that_fit() {
        let three: Vec<String> = (0..3).map(|h| backup_key(t(h, 0))).collect();
        // One fits: the two oldest go, and the new one replaces the third.
        let r = rotate(&three, t(9, 0), 1);
        assert_eq!(r.write, Some(backup_key(t(9, 0))));
        assert_eq!(r.drop, three.clone());
        // None fits: nothing is written and every backup goes.
        assert_eq!(rotate(&three, t(9, 0), 0), Rotation { write: None, drop: three.clone() });
        // Not due, still trimmed to what fits.
        assert_eq!(rotate(&three, t(2, 5), 2).drop, vec![backup_key(t(0, 0))]);
    }

    #[test]
    fn the_reminder_comes_after_the_set_days_and_only_with_changes() {
        let e = Some(Exported { at: t(8, 0), revision: 4 });
        let later = |d: i64| t(8, 0) + Duration::days(d);
        assert_eq!(reminder(e, 9, later(6), 7), None);
        assert_eq!(reminder(e, 9, later(7), 7), Some(7));
        assert_eq!(reminder(e, 4, later(30), 7), None, "nothing changed since the export");
        assert_eq!(reminder(e, 9, later(30), 0), None, "0 days turns it off");
        assert_eq!(reminder(None, 9, later(30), 7), None);
    }

    #[test]
    fn the_meter_warns_above_eighty_percent() {
        assert_eq!(meter(0).percent, 0);
        assert!(!meter(LOCAL_STORAGE_CHARS * 80 / 100).warn);
        assert!(meter(LOCAL_STORAGE_CHARS * 81 / 100).warn);
        assert_eq!(meter(LOCAL_STORAGE_CHARS * 2).percent, 100);
    }
}
