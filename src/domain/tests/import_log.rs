//! The import history: append-only, and the latest import can be undone
//! only while nothing has changed since.

use crate::domain::import_log::{ImportEntry, ImportLog, UndoState};
use chrono::{TimeZone, Utc};

fn entry(file: &str, revision: Option<u64>) -> ImportEntry {
    ImportEntry {
        undoes: None,
        file: file.into(),
        from: None,
        at: Utc.with_ymd_and_hms(2022, 3, 1, 8, 0, 0).unwrap(),
        added: 2,
        changed: 3,
        revision,
        backup: Some("gongjian.backup.2022-03-01T08:00:00Z".into()),
    }
}

#[test]
fn the_latest_import_can_be_undone_after_a_reload_while_the_table_is_as_it_left_it() {
    let mut log = ImportLog::default();
    let i = log.applied(entry("a.json", None));
    assert!(log.stored(7));
    // After a reload nothing is held in memory: the stored revision decides.
    assert_eq!(log.undo_state(i, 7, false, true), Some(UndoState::Offered));
}

#[test]
fn a_later_change_withdraws_the_undo_and_says_so() {
    let mut log = ImportLog::default();
    let i = log.applied(entry("a.json", Some(7)));
    assert_eq!(log.undo_state(i, 8, false, true), Some(UndoState::ChangedSince));
}

#[test]
fn only_the_latest_import_can_be_undone() {
    let mut log = ImportLog::default();
    let a = log.applied(entry("a.json", Some(7)));
    let b = log.applied(entry("b.json", Some(8)));
    assert_eq!(log.undo_state(a, 8, false, true), Some(UndoState::NotLatest));
    assert_eq!(log.undo_state(b, 8, false, true), Some(UndoState::Offered));
}

#[test]
fn undoing_is_an_entry_and_erases_nothing() {
    let mut log = ImportLog::default();
    let a = log.applied(entry("a.json", Some(7)));
    let at = Utc.with_ymd_and_hms(2022, 3, 2, 9, 0, 0).unwrap();
    log.undone(a, at);
    assert_eq!(log.entries.len(), 2);
    assert_eq!(log.entries[0], entry("a.json", Some(7)));
    assert_eq!(log.entries[1].undoes, Some(a));
    assert_eq!(log.entries[1].file, "a.json");
    assert!(log.stored(8));
    assert_eq!(log.undo_state(a, 8, false, true), Some(UndoState::Undone));
    assert_eq!(log.undo_state(1, 8, false, true), None, "an undo is not itself undone");
    // A later import after an undo is the latest again.
    let c = log.applied(entry("c.json", Some(9)));
    assert_eq!(log.undo_state(c, 9, false, true), Some(UndoState::Offered));
}

#[test]
fn without_the_copy_from_before_the_undo_is_not_offered_after_a_reload() {
    let mut log = ImportLog::default();
    let a = log.applied(entry("a.json", Some(7)));
    assert_eq!(log.undo_state(a, 7, false, false), Some(UndoState::NoCopy));
    // In the same tab the table from before is still held.
    assert_eq!(log.undo_state(a, 7, true, false), Some(UndoState::Offered));
    let mut unsaved = ImportLog::default();
    let b = unsaved.applied(ImportEntry { backup: None, ..entry("b.json", Some(7)) });
    assert_eq!(unsaved.undo_state(b, 7, false, true), Some(UndoState::NoCopy));
}

#[test]
fn an_unreadable_history_reads_as_empty_and_a_written_one_reads_back() {
    assert_eq!(ImportLog::read(Some("{not json")), ImportLog::default());
    assert_eq!(ImportLog::read(None), ImportLog::default());
    let mut log = ImportLog::default();
    log.applied(entry("a.json", Some(7)));
    assert_eq!(ImportLog::read(Some(&log.write())), log);
}
