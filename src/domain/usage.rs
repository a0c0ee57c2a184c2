//! Where a unit or a person is used, so that deleting one still in use can
//! say exactly where, instead of leaving the table pointing at nothing.

use super::plan::live;
use super::{Id, Plan, Text};

#[derive(Clone, Debug, PartialEq)]
pub enum Usage {
    /// The unit that issued the plan.
    IssuingUnit,
    /// Overall leading unit of action n.
    LeadingUnit { action: usize },
    /// Overall leading district leader of action n.
    Leader { action: usize },
    /// Responsible unit of a task.
    Responsible { task: String },
    /// Co-organizer of a task.
    CoOrganizer { task: String },
    /// Responsible person of a task.
    TaskPerson { task: String },
    /// The unit of a person.
    PersonUnit { person: Text },
    /// Named in reports, meetings, problems, risks or exemptions.
    Records { count: usize },
}

impl Plan {
    /// Every place that names `unit`.
    pub fn unit_usages(&self, unit: Id) -> Vec<Usage> {
        let mut out = Vec::new();
        if self.issuing_unit == Some(unit) {
            out.push(Usage::IssuingUnit);
        }
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            if a.leading_units.contains(&unit) {
                out.push(Usage::LeadingUnit { action: self.action_no(a.id, i) });
            }
        }
        self.each_task(|number, t| {
            if t.responsible.contains(&unit) {
                out.push(Usage::Responsible { task: number.clone() });
            }
            if t.co_organizers.contains(&unit) {
                out.push(Usage::CoOrganizer { task: number });
            }
        });
        for p in live(&self.people).filter(|p| p.unit == Some(unit)) {
            out.push(Usage::PersonUnit { person: p.name.clone() });
        }
        let count = live(&self.reports).filter(|r| r.unit == unit).count()
            + live(&self.problems).filter(|p| p.raised_by == unit || p.assigned_to == Some(unit)).count()
            + live(&self.risks).filter(|r| r.owner == Some(unit)).count()
            + live(&self.exemptions).filter(|e| e.unit == unit).count()
            + live(&self.meetings).flat_map(|m| &m.decisions).filter(|d| d.owner == Some(unit)).count();
        if count > 0 {
            out.push(Usage::Records { count });
        }
        out
    }

    /// Every place that names `person`.
    pub fn person_usages(&self, person: Id) -> Vec<Usage> {
        let mut out = Vec::new();
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            if a.leaders.contains(&person) {
                out.push(Usage::Leader { action: self.action_no(a.id, i) });
            }
        }
        self.each_task(|number, t| {
            if t.person == Some(person) {
                out.push(Usage::TaskPerson { task: number });
            }
        });
        let count = live(&self.meetings).filter(|m| m.chair == Some(person) || m.attendees.contains(&person)).count()
            + live(&self.exemptions).filter(|e| e.approved_by == person).count()
            + live(&self.problems).filter(|p| p.assigned_to == Some(person)).count();
        if count > 0 {
            out.push(Usage::Records { count });
        }
        out
    }

    /// Visit live tasks in table order with their numbers.
    fn each_task(&self, mut f: impl FnMut(String, &super::Task)) {
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            for (j, t) in self.tasks_of(a.id).into_iter().enumerate() {
                f(self.task_no(t.id, self.action_no(a.id, i), j), t);
            }
        }
    }
}
