//! Empty and contradictory input: what a form must say before it becomes a
//! record. The commands (`record_report`, `record_meeting`, `add_unit`,
//! `rename_unit`) refuse what these rules find; imports stay lenient, so an
//! older file with a blank report still reads.

use super::meetings::MeetingDraft;
use super::plan::live;
use super::task_edit::ReportDraft;
use super::validate::{Invalid, Subject};
use super::{Id, Plan, Text};
use chrono::NaiveDate;

/// A name as two people typing it would agree it is the same: spaces
/// trimmed and runs of them made one, full-width ASCII letters, digits,
/// punctuation and the ideographic space folded to half-width, Latin
/// letters in lower case, a space beside a Chinese character dropped.
/// "区发改局", "　区 发改局 ", "ＤＲＢ" and "drb" fold alike.
pub fn fold_name(s: &str) -> String {
    let half: String = s
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    // A space between Chinese characters is spacing, not a word break:
    // "区 发改局" is "区发改局"; "drb office" keeps its space.
    let words: Vec<&str> = half.split_whitespace().collect();
    let mut out = String::with_capacity(half.len());
    for (i, w) in words.iter().enumerate() {
        let cjk = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
        if i > 0 && !(cjk(words[i - 1].chars().last()) || cjk(w.chars().next())) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.to_lowercase()
}

impl ReportDraft {
    /// Says nothing: no progress, narrative, target reading, milestone
    /// completed, problem or request for help. A request for help alone is
    /// something the office must act on, so it is a report.
    pub fn is_empty(&self) -> bool {
        self.progress.is_none()
            && self.narrative.trim().is_empty()
            && self.readings.is_empty()
            && self.milestones_done.is_empty()
            && self.problems.iter().all(|p| p.trim().is_empty())
            && self.help_requested.trim().is_empty()
    }
}

impl MeetingDraft {
    /// Records nothing that was said: no minutes and no decision. Who came
    /// and which tasks were on the agenda do not make a meeting's record
    /// by themselves.
    pub fn is_empty(&self) -> bool {
        self.minutes.trim().is_empty() && self.decisions.is_empty()
    }
}

impl Plan {
    /// The progress `unit` last reported on `task` on or before `until`
    /// (standing reports only: a corrected or withdrawn one does not count),
    /// with the report's date.
    pub fn last_progress(&self, task: Id, unit: Id, until: NaiveDate) -> Option<(f64, NaiveDate)> {
        self.reports_of(task, until).into_iter().rev().filter(|r| r.unit == unit).find_map(|r| r.progress.map(|p| (p, r.date)))
    }

    /// The report rules: not empty, and a progress lower than the unit's
    /// last one comes with a reason.
    pub(crate) fn check_report_input(&self, d: &ReportDraft, at: &Subject) -> Vec<Invalid> {
        if d.is_empty() {
            return vec![Invalid::EmptyReport { at: at.clone() }];
        }
        let mut out = Vec::new();
        if let (Some(value), Some((last, on))) = (d.progress, self.last_progress(d.task, d.unit, d.date)) {
            if value < last && d.progress_reason.trim().is_empty() {
                out.push(Invalid::ProgressDropNeedsReason { at: at.clone(), value, last, on });
            }
        }
        out
    }

    /// The live unit, other than `except`, whose name folds like one of
    /// `name`'s (either language against either language).
    pub fn unit_named_like(&self, name: &Text, except: Option<Id>) -> Option<&super::Unit> {
        let wanted: Vec<String> = [&name.zh, &name.en].into_iter().map(|s| fold_name(s)).filter(|s| !s.is_empty()).collect();
        live(&self.units)
            .filter(|u| Some(u.id) != except)
            .find(|u| [&u.name.zh, &u.name.en].into_iter().map(|s| fold_name(s)).any(|s| !s.is_empty() && wanted.contains(&s)))
    }

    /// Refuse a unit name another live unit already has.
    pub(crate) fn check_unit_name(&self, name: &Text, except: Option<Id>) -> Vec<Invalid> {
        self.unit_named_like(name, except).map(|u| vec![Invalid::DuplicateUnitName { existing: u.name.clone() }]).unwrap_or_default()
    }
}
