//! The import history (导入记录): every import this browser applied, and
//! every undo, in order. It is this office's (or unit's) own log of what it
//! did with files, so it stays in this browser and never travels in a plan
//! file: the changes themselves travel as the trail. It keeps only what the
//! trail cannot tell (the file, when it was applied, the counts, the saved
//! revision it produced and where the plan from before it is kept).
//! Append-only: an undo is a new entry, never an erasure.

use super::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One applied import, or the undo of one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportEntry {
    /// Applied, or undone (then `undoes` names the entry it undid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<usize>,
    /// The file's name as chosen.
    pub file: String,
    /// The unit that exported the file; `None` for the supervision office.
    #[serde(default)]
    pub from: Option<Id>,
    #[serde(with = "crate::domain::dates::instant")]
    pub at: DateTime<Utc>,
    #[serde(default)]
    pub added: usize,
    #[serde(default)]
    pub changed: usize,
    /// The stored revision this entry's save produced; `None` until stored
    /// (or when the browser refused to store it).
    #[serde(default)]
    pub revision: Option<u64>,
    /// The storage key of the backup holding the plan from before it.
    #[serde(default)]
    pub backup: Option<String>,
}

/// Whether an applied import can be undone now, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoState {
    Offered,
    /// It was undone (a later entry says when).
    Undone,
    /// Another import was applied after it; only the latest can be undone.
    NotLatest,
    /// The table changed after it: undoing would lose that change.
    ChangedSince,
    /// The copy of the table from before it is no longer kept (storage
    /// gave it up for room, or could not store it).
    NoCopy,
}

/// The history, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportLog {
    pub entries: Vec<ImportEntry>,
}

impl ImportLog {
    /// Read leniently: what cannot be read is an empty history (the table
    /// itself is never at stake).
    pub fn read(raw: Option<&str>) -> Self {
        raw.and_then(|r| serde_json::from_str(r).ok()).unwrap_or_default()
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Note an import just applied; returns its index.
    pub fn applied(&mut self, e: ImportEntry) -> usize {
        self.entries.push(ImportEntry { undoes: None, ..e });
        self.entries.len() - 1
    }

    /// Note that entry `i` was undone at `at`.
    pub fn undone(&mut self, i: usize, at: DateTime<Utc>) {
        let Some(e) = self.entries.get(i) else { return };
        let e = ImportEntry { undoes: Some(i), at, revision: None, backup: None, ..e.clone() };
        self.entries.push(e);
    }

    /// The last entry was stored as `revision` (it had none yet).
    pub fn stored(&mut self, revision: u64) -> bool {
        match self.entries.last_mut() {
            Some(e) if e.revision.is_none() => {
                e.revision = Some(revision);
                true
            }
            _ => false,
        }
    }

    /// The latest applied import, if any.
    pub fn latest_applied(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| e.undoes.is_none())
    }

    /// Can entry `i` (an applied import) be undone, with the table stored
    /// at revision `current`? `held` says this tab still holds the table
    /// from before it (no reload and no edit since); `copy_kept` that its
    /// backup is still in storage. `None` for an undo entry.
    pub fn undo_state(&self, i: usize, current: u64, held: bool, copy_kept: bool) -> Option<UndoState> {
        let e = self.entries.get(i)?;
        if e.undoes.is_some() {
            return None;
        }
        let later = &self.entries[i + 1..];
        Some(if later.iter().any(|l| l.undoes == Some(i)) {
            UndoState::Undone
        } else if later.iter().any(|l| l.undoes.is_none()) {
            UndoState::NotLatest
        } else if held {
            UndoState::Offered
        } else if e.revision != Some(current) || later.iter().any(|l| l.revision.is_some_and(|r| r >= current)) {
            UndoState::ChangedSince
        } else if !copy_kept || e.backup.is_none() {
            UndoState::NoCopy
        } else {
            UndoState::Offered
        })
    }
}
