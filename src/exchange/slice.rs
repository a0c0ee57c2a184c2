//! Cutting files out of a plan: a unit's slice (its tasks and everything
//! they reference) and a unit's report (what it added or changed since the
//! slice it received, beside the same records as it received them).

use super::file::Body;
use crate::domain::meta::Record;
use crate::domain::plan::live;
use crate::domain::{Id, Plan, Task};
use std::collections::HashSet;

/// The plan's head with no records and not marked as the example.
fn frame(plan: &Plan) -> Plan {
    Plan { example: false, ..plan.head_only() }
}

/// A unit's slice: the tasks where it is responsible or a co-organizer,
/// with their key actions, reports, problems, risks, the meetings that
/// discussed them, the unit's exemptions, and every unit and person those
/// records name. The slice is a plan of its own and validates as one.
pub fn slice(plan: &Plan, unit: Id) -> Plan {
    let mut out = frame(plan);
    let tasks: Vec<&Task> = plan.tasks.iter().filter(|t| t.involves(unit)).collect();
    let task_ids: HashSet<Id> = tasks.iter().map(|t| t.id).collect();
    let action_ids: HashSet<Id> = tasks.iter().map(|t| t.action).collect();
    out.actions = plan.actions.iter().filter(|a| action_ids.contains(&a.id)).cloned().collect();
    out.tasks = tasks.into_iter().cloned().collect();
    out.reports = plan.reports.iter().filter(|r| task_ids.contains(&r.task)).cloned().collect();
    out.problems = plan.problems.iter().filter(|p| task_ids.contains(&p.task)).cloned().collect();
    out.risks = plan.risks.iter().filter(|r| task_ids.contains(&r.task)).cloned().collect();
    let raised_in: HashSet<Id> = out.problems.iter().filter_map(|p| p.raised_in).collect();
    out.meetings =
        plan.meetings.iter().filter(|m| raised_in.contains(&m.id) || m.tasks.iter().any(|t| task_ids.contains(t))).cloned().collect();
    // A meeting also discussed other units' tasks; the slice names only its own.
    for m in &mut out.meetings {
        m.tasks.retain(|t| task_ids.contains(t));
    }
    out.exemptions = plan.exemptions.iter().filter(|e| e.unit == unit).cloned().collect();
    // The office's answers to the unit's requests, and the instructions on its tasks.
    out.rulings = plan.rulings.iter().filter(|r| task_ids.contains(&r.task)).cloned().collect();
    out.instructions = plan.instructions.iter().filter(|i| task_ids.contains(&i.task)).cloned().collect();
    out.trail = plan.trail.iter().filter(|c| c.task.is_some_and(|t| task_ids.contains(&t))).cloned().collect();

    let mut units: HashSet<Id> = HashSet::from([unit]);
    let mut people: HashSet<Id> = HashSet::new();
    units.extend(plan.issuing_unit);
    for a in &out.actions {
        people.extend(&a.leaders);
        units.extend(&a.leading_units);
    }
    for t in &out.tasks {
        units.extend(t.responsible.iter().chain(&t.co_organizers));
        people.extend(t.person);
    }
    for r in &out.reports {
        units.insert(r.unit);
    }
    for p in &out.problems {
        units.insert(p.raised_by);
        units.extend(p.assigned_to);
    }
    for r in &out.risks {
        people.extend(r.owner);
    }
    for m in &out.meetings {
        people.extend(m.chair);
        people.extend(&m.attendees);
        units.extend(m.decisions.iter().filter_map(|d| d.owner));
    }
    for e in &out.exemptions {
        people.insert(e.approved_by);
    }
    for i in &out.instructions {
        people.insert(i.leader);
    }
    out.people = plan.people.iter().filter(|p| people.contains(&p.id)).cloned().collect();
    units.extend(out.people.iter().filter_map(|p| p.unit));
    out.units = plan.units.iter().filter(|u| units.contains(&u.id)).cloned().collect();
    out.numbers = numbers(plan, &action_ids, &task_ids);
    out
}

/// The units the office sends a slice to: every live unit that is
/// responsible for, or co-organizes, at least one live task (in the plan's
/// order). A unit with none would get an empty table.
pub fn slice_units(plan: &Plan) -> Vec<Id> {
    live(&plan.units).filter(|u| live(&plan.tasks).any(|t| t.involves(u.id))).map(|u| u.id).collect()
}

/// The master table's numbers of the given actions and tasks.
fn numbers(plan: &Plan, actions: &HashSet<Id>, tasks: &HashSet<Id>) -> std::collections::BTreeMap<Id, String> {
    let mut out = std::collections::BTreeMap::new();
    for (i, a) in plan.actions_in_order().into_iter().enumerate().filter(|(_, a)| actions.contains(&a.id)) {
        let n = plan.action_no(a.id, i);
        out.insert(a.id, n.to_string());
        for (j, t) in plan.tasks_of(a.id).into_iter().enumerate().filter(|(_, t)| tasks.contains(&t.id)) {
            out.insert(t.id, plan.task_no(t.id, n, j));
        }
    }
    out
}

/// Keep in `out` the records of `local` that differ from (or are missing
/// in) `base`, and the base version of each in `was`.
fn changed<T: Record + Clone + PartialEq>(local: &[T], base: &[T], out: &mut Vec<T>, was: &mut Vec<T>) {
    for r in local {
        match base.iter().find(|b| b.id() == r.id()) {
            Some(b) if b == r => {}
            Some(b) => {
                out.push(r.clone());
                was.push(b.clone());
            }
            None => out.push(r.clone()),
        }
    }
}

/// A unit's report: every record that differs from the slice it last
/// received (`base`), and beside it the record as received. It is
/// cumulative since the slice, so a lost or late report is made good by the
/// next one, and importing an old one after a newer one changes nothing.
pub fn report(local: &Plan, base: &Plan) -> Body {
    let mut now = frame(local);
    let mut was = frame(base);
    changed(&local.units, &base.units, &mut now.units, &mut was.units);
    changed(&local.people, &base.people, &mut now.people, &mut was.people);
    changed(&local.actions, &base.actions, &mut now.actions, &mut was.actions);
    changed(&local.tasks, &base.tasks, &mut now.tasks, &mut was.tasks);
    changed(&local.reports, &base.reports, &mut now.reports, &mut was.reports);
    changed(&local.meetings, &base.meetings, &mut now.meetings, &mut was.meetings);
    changed(&local.problems, &base.problems, &mut now.problems, &mut was.problems);
    changed(&local.risks, &base.risks, &mut now.risks, &mut was.risks);
    changed(&local.exemptions, &base.exemptions, &mut now.exemptions, &mut was.exemptions);
    changed(&local.rulings, &base.rulings, &mut now.rulings, &mut was.rulings);
    changed(&local.instructions, &base.instructions, &mut now.instructions, &mut was.instructions);
    changed(&local.trail, &base.trail, &mut now.trail, &mut was.trail);
    Body { plan: now, base: Some(was) }
}

/// How many records a report carries (0: nothing to send); the change
/// trail that comes with them is not counted.
pub fn count(p: &Plan) -> usize {
    p.units.len()
        + p.people.len()
        + p.actions.len()
        + p.tasks.len()
        + p.reports.len()
        + p.meetings.len()
        + p.problems.len()
        + p.risks.len()
        + p.exemptions.len()
        + p.rulings.len()
        + p.instructions.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;

    fn dongmen(plan: &Plan) -> Id {
        plan.units.iter().find(|u| u.name.en.contains("Dongmen")).expect("Dongmen is in the example").id
    }

    #[test]
    fn a_slice_holds_the_units_tasks_and_validates_on_its_own() {
        let plan = luohu_2022();
        let unit = dongmen(&plan);
        let s = slice(&plan, unit);
        assert!(!s.tasks.is_empty());
        assert!(s.tasks.iter().all(|t| t.involves(unit)));
        assert_eq!(s.tasks.len(), plan.tasks.iter().filter(|t| t.involves(unit)).count());
        assert!(s.tasks.len() < plan.tasks.len());
        assert_eq!(s.validate(), vec![], "a slice is a sound plan");
        assert!(!s.example);
    }

    #[test]
    fn a_slice_numbers_its_actions_and_tasks_as_the_master_table_does() {
        let plan = luohu_2022();
        let unit = plan.units.iter().find(|u| u.name.en.starts_with("Dawutong")).unwrap().id;
        let s = slice(&plan, unit);
        assert!(s.tasks.len() >= 2);
        for t in &s.tasks {
            assert_eq!(s.task_number(t.id), plan.task_number(t.id));
            assert_eq!(s.action_number(t.action), plan.action_number(t.action));
        }
        let rows = s.table(&crate::domain::filter::TableFilter::default(), plan.kickoff);
        assert_eq!(rows[0].number, plan.action_number(rows[0].action).unwrap());
        assert_eq!(rows[0].tasks[0].1, plan.task_number(rows[0].tasks[0].0).unwrap());
    }

    #[test]
    fn only_units_with_a_live_task_get_a_slice() {
        let mut plan = luohu_2022();
        let units = slice_units(&plan);
        assert_eq!(units.len(), 4, "every unit of the example but the district");
        for u in plan.units.iter().filter(|u| u.is_live()) {
            assert_eq!(units.contains(&u.id), !slice(&plan, u.id).tasks.is_empty(), "{}", u.name.en);
        }
        // The issuing district leads actions but carries no task itself.
        let district = plan.units.iter().find(|u| u.name.en == "Luohu District").unwrap().id;
        assert!(!units.contains(&district));
        // A co-organizer gets one; a unit whose only task is deleted does not.
        let t = plan.tasks.iter().position(|t| t.responsible.contains(&dongmen(&plan))).unwrap();
        plan.tasks[t].co_organizers.push(district);
        assert!(slice_units(&plan).contains(&district));
        let only: Vec<usize> = (0..plan.tasks.len()).filter(|&i| plan.tasks[i].involves(district)).collect();
        for i in only {
            plan.tasks[i].meta.deleted = true;
        }
        assert!(!slice_units(&plan).contains(&district));
    }

    #[test]
    fn an_unchanged_copy_reports_nothing() {
        let plan = luohu_2022();
        let s = slice(&plan, dongmen(&plan));
        let r = report(&s, &s);
        assert_eq!(count(&r.plan), 0);
        assert_eq!(count(r.base.as_ref().unwrap()), 0);
    }
}
