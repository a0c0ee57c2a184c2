//! "One weekly meeting" (一周一会) and the leader's monthly hearing: a
//! meeting's decisions are follow-ups with an owner unit and a due date,
//! each with its own light, on the board until closed.

use super::edit::EditError;
use super::light::{Assessment, Light, Reason};
use super::meta::Record;
use super::plan::live;
use super::{Decision, Id, Meeting, MeetingKind, Meta, Plan, Stamp};
use chrono::NaiveDate;

/// What the meeting form sends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeetingDraft {
    pub kind: Option<MeetingKind>,
    pub date: NaiveDate,
    pub chair: Option<Id>,
    pub attendees: Vec<Id>,
    pub tasks: Vec<Id>,
    pub minutes: String,
    /// (text, owner unit, due date) per decision.
    pub decisions: Vec<(String, Option<Id>, Option<NaiveDate>)>,
}

/// An open decision as the board lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenDecision {
    pub meeting: Id,
    pub decision: Id,
    pub assessment: Assessment,
}

impl super::Meeting {
    /// Whether the meeting concerns a scope: it discussed one of `tasks`,
    /// or `leader` chaired it. The board and the hearing pack ask this.
    pub fn concerns(&self, tasks: &std::collections::HashSet<Id>, leader: Option<Id>) -> bool {
        self.tasks.iter().any(|t| tasks.contains(t)) || leader.is_some_and(|l| self.chair == Some(l))
    }
}

impl Decision {
    /// Closed: done. Past due: red. Due within `warning_days`: yellow.
    pub fn light(&self, today: NaiveDate, warning_days: u32) -> Assessment {
        let (light, reason) = match (self.closed_on, self.due) {
            (Some(on), due) => (Light::Done, Reason::Done { on: Some(on), days_late: due.map_or(0, |d| (on - d).num_days().max(0)) }),
            (None, None) => (Light::Green, Reason::NoDueDate),
            (None, Some(due)) if due < today => (Light::Red, Reason::DecisionOverdue { days: (today - due).num_days() }),
            (None, Some(due)) if (due - today).num_days() <= i64::from(warning_days) => {
                (Light::Yellow, Reason::DecisionDueSoon { days: (due - today).num_days() })
            }
            (None, Some(_)) => (Light::Green, Reason::OnTrack),
        };
        Assessment { light, reasons: vec![reason] }
    }
}

impl Plan {
    /// Record a meeting with its decisions.
    pub fn record_meeting(&mut self, d: MeetingDraft, stamp: Stamp) -> Result<Id, EditError> {
        use super::validate::{Invalid, Subject};
        let at = Subject::Record("meeting");
        if d.is_empty() {
            return Err(EditError::Invalid(vec![Invalid::EmptyMeeting { at }]));
        }
        let mut bad = Vec::new();
        for (text, _, _) in &d.decisions {
            if text.trim().is_empty() {
                bad.push(Invalid::Blank(at.clone()));
            }
        }
        if !bad.is_empty() {
            return Err(EditError::Invalid(bad));
        }
        let id = Id::new();
        let decisions = d
            .decisions
            .into_iter()
            .map(|(text, owner, due)| Decision { id: Id::new(), text: text.trim().into(), owner, due, closed_on: None })
            .collect();
        let meeting = Meeting {
            id,
            kind: d.kind.unwrap_or(MeetingKind::Weekly),
            date: d.date,
            chair: d.chair,
            attendees: d.attendees,
            tasks: d.tasks,
            minutes: d.minutes,
            decisions,
            meta: Meta::created(stamp),
        };
        let before = self.validate();
        self.meetings.push(meeting);
        let new: Vec<_> = self.validate().into_iter().filter(|p| !before.contains(p)).collect();
        if !new.is_empty() {
            self.meetings.pop();
            return Err(EditError::Invalid(new));
        }
        Ok(id)
    }

    /// Close a decision on `on`; it stays on record.
    pub fn close_decision(&mut self, meeting: Id, decision: Id, on: NaiveDate, stamp: Stamp) -> Result<(), EditError> {
        self.keep::<super::Meeting>(meeting);
        let m = self.meetings.iter_mut().find(|m| m.id == meeting && m.is_live()).ok_or(EditError::NotFound)?;
        let d = m.decisions.iter_mut().find(|d| d.id == decision).ok_or(EditError::NotFound)?;
        if d.closed_on.is_some() {
            return Ok(());
        }
        d.closed_on = Some(on);
        m.meta.touch(stamp);
        Ok(())
    }

    /// Open decisions, worst light first, then by due date.
    pub fn open_decisions(&self, today: NaiveDate) -> Vec<OpenDecision> {
        let w = self.settings.warning_days;
        let mut out: Vec<(OpenDecision, Option<NaiveDate>)> = live(&self.meetings)
            .flat_map(|m| {
                m.decisions
                    .iter()
                    .filter(|d| d.closed_on.is_none())
                    .map(move |d| (OpenDecision { meeting: m.id, decision: d.id, assessment: d.light(today, w) }, d.due))
            })
            .collect();
        out.sort_by_key(|(o, due)| (std::cmp::Reverse(o.assessment.light.rank()), due.unwrap_or(NaiveDate::MAX)));
        out.into_iter().map(|(o, _)| o).collect()
    }

    /// A decision by its meeting and id.
    pub fn decision(&self, meeting: Id, decision: Id) -> Option<(&Meeting, &Decision)> {
        let m = live(&self.meetings).find(|m| m.id == meeting)?;
        Some((m, m.decisions.iter().find(|d| d.id == decision)?))
    }
}
