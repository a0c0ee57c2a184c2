//! A plan's records seen as fields: each record (a unit, a task, a
//! milestone, a report…) flattened to a map of JSON values under a key, with
//! its metadata and nested lists set aside, and an index to find and flatten
//! only the records asked for. The merge compares and patches these; the
//! change trail diffs them.

use super::merge::{Key, RecordKind};
use crate::domain::change::{HeadWas, Journal, Kept};
use crate::domain::meta::Record;
use crate::domain::{Id, Meta, Plan, Task, Text};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A record seen as its fields (metadata and nested lists set aside).
pub(super) struct Flat {
    pub(super) key: Key,
    pub(super) fields: Map<String, Value>,
    pub(super) meta: Meta,
}

/// The plan's own fields, merged as one record.
#[derive(Serialize, Deserialize)]
pub(super) struct Head {
    pub(super) title: Text,
    pub(super) year: i32,
    #[serde(with = "crate::domain::dates::day")]
    pub(super) kickoff: chrono::NaiveDate,
    pub(super) issuing_unit: Option<Id>,
    pub(super) settings: crate::domain::Settings,
    // Not the office's key: a file pins it, never a merge (`import::finish`).
    // Not the slice's `numbers`: they are the master table's numbering,
    // bookkeeping of a unit's copy that no person edits, so they are never
    // compared (a unit's report would otherwise always "change" them).
}

pub(super) fn head_of(p: &Plan) -> Head {
    Head { title: p.title.clone(), year: p.year, kickoff: p.kickoff, issuing_unit: p.issuing_unit, settings: p.settings.clone() }
}

/// A record as a JSON value. Going through the text (not `to_value`)
/// reuses the one serializer the app already has for every type, instead of
/// compiling a second one per type into the wasm.
pub(crate) fn json_of<T: Serialize>(r: &T) -> Value {
    serde_json::to_string(r).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(Value::Null)
}

pub(super) fn to_map<T: Serialize>(r: &T) -> Map<String, Value> {
    match json_of(r) {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

pub(super) fn flat<T: Serialize + Record>(kind: RecordKind, r: &T, parent: Option<Id>) -> Flat {
    let mut fields = to_map(r);
    fields.remove("meta");
    if kind == RecordKind::Task {
        fields.remove("milestones");
        fields.remove("targets");
    }
    fields.insert("deleted".into(), Value::Bool(r.meta().deleted));
    Flat { key: Key { kind, id: r.id(), parent }, fields, meta: r.meta().clone() }
}

pub(super) fn flat_head(p: &Plan) -> Flat {
    Flat { key: Key { kind: RecordKind::Plan, id: p.id, parent: None }, fields: to_map(&head_of(p)), meta: p.meta.clone() }
}

/// The plan's own fields as a command found them.
fn flat_head_was(id: Id, h: &HeadWas) -> Flat {
    let head =
        Head { title: h.title.clone(), year: h.year, kickoff: h.kickoff, issuing_unit: h.issuing_unit, settings: h.settings.clone() };
    Flat { key: Key { kind: RecordKind::Plan, id, parent: None }, fields: to_map(&head), meta: h.meta.clone() }
}

/// Every record of a plan, by key and position, in the order they must be
/// merged (a task before its milestones).
pub(super) fn positions(p: &Plan) -> Vec<(Key, usize, Option<usize>)> {
    use RecordKind as K;
    fn all<T: Record>(out: &mut Vec<(Key, usize, Option<usize>)>, kind: RecordKind, v: &[T]) {
        out.extend(v.iter().enumerate().map(|(i, r)| (Key { kind, id: r.id(), parent: None }, i, None)));
    }
    let mut out = vec![(Key { kind: K::Plan, id: p.id, parent: None }, 0, None)];
    all(&mut out, K::Unit, &p.units);
    all(&mut out, K::Person, &p.people);
    all(&mut out, K::Action, &p.actions);
    for (i, t) in p.tasks.iter().enumerate() {
        out.push((Key { kind: K::Task, id: t.id, parent: None }, i, None));
        let parent = Some(t.id);
        out.extend(t.milestones.iter().enumerate().map(|(j, m)| (Key { kind: K::Milestone, id: m.id, parent }, i, Some(j))));
        out.extend(t.targets.iter().enumerate().map(|(j, x)| (Key { kind: K::Target, id: x.id, parent }, i, Some(j))));
    }
    all(&mut out, K::Report, &p.reports);
    all(&mut out, K::Meeting, &p.meetings);
    all(&mut out, K::Problem, &p.problems);
    all(&mut out, K::Risk, &p.risks);
    all(&mut out, K::Exemption, &p.exemptions);
    all(&mut out, K::Ruling, &p.rulings);
    all(&mut out, K::Instruction, &p.instructions);
    all(&mut out, K::Trail, &p.trail);
    out
}

/// Where each record of a plan sits, to flatten only those a file names.
/// Built whole for a merge (`new`: every record is looked up), or looked
/// up on demand for the few records one command touched (`lazy`), or as
/// the plan was before a command (`before`: its journal's copies, without
/// what it added).
/// Where each record sits: its list's index, and its task's list's.
type Places = HashMap<(RecordKind, Id), (usize, Option<usize>)>;

pub(super) struct Index<'a> {
    plan: &'a Plan,
    at: Option<Places>,
    was: Option<&'a Journal>,
}

/// What a journal says of a record.
enum Journaled {
    /// Kept by the command: as it was before.
    Was(Flat),
    /// Added by the command: not there before.
    Added,
    /// Not touched: as the plan has it.
    Untouched,
}

/// The flattened copy of record `id` of kind `T` the journal kept.
fn was<T: Kept + Serialize>(j: &Journal, kind: RecordKind, id: Id) -> Option<Flat> {
    j.was.iter().filter_map(T::from_was).find(|r| r.id() == id).map(|r| flat(kind, r, None))
}

/// How long a kind's list was before the command.
fn len_before(j: &Journal, kind: RecordKind) -> usize {
    use RecordKind as K;
    let l = &j.lens;
    match kind {
        K::Plan => 1,
        K::Unit => l.units,
        K::Person => l.people,
        K::Action => l.actions,
        K::Task | K::Milestone | K::Target => l.tasks,
        K::Report => l.reports,
        K::Meeting => l.meetings,
        K::Problem => l.problems,
        K::Risk => l.risks,
        K::Exemption => l.exemptions,
        K::Ruling => l.rulings,
        K::Instruction => l.instructions,
        K::Trail => l.trail,
    }
}

impl<'a> Index<'a> {
    pub(super) fn new(plan: &'a Plan) -> Self {
        let at =
            positions(plan).into_iter().filter(|(k, ..)| k.kind != RecordKind::Plan).map(|(k, i, j)| ((k.kind, k.id), (i, j))).collect();
        Index { plan, at: Some(at), was: None }
    }

    /// The plan now, each record found when asked.
    pub(super) fn lazy(plan: &'a Plan) -> Self {
        Index { plan, at: None, was: None }
    }

    /// The plan as it was before the command `journal` describes.
    pub(super) fn before(plan: &'a Plan, journal: &'a Journal) -> Self {
        Index { plan, at: None, was: Some(journal) }
    }

    /// Where a record sits, by a search when the index is not built.
    fn position(&self, key: Key) -> Option<(usize, Option<usize>)> {
        use RecordKind as K;
        if let Some(at) = &self.at {
            return at.get(&(key.kind, key.id)).copied();
        }
        fn find<T: Record>(v: &[T], id: Id) -> Option<(usize, Option<usize>)> {
            v.iter().position(|r| r.id() == id).map(|i| (i, None))
        }
        let p = self.plan;
        match key.kind {
            K::Plan => None,
            K::Unit => find(&p.units, key.id),
            K::Person => find(&p.people, key.id),
            K::Action => find(&p.actions, key.id),
            K::Task => find(&p.tasks, key.id),
            K::Milestone | K::Target => {
                let nested = |t: &Task| match key.kind {
                    K::Milestone => t.milestones.iter().position(|m| m.id == key.id),
                    _ => t.targets.iter().position(|x| x.id == key.id),
                };
                match key.parent {
                    Some(parent) => {
                        let i = p.tasks.iter().position(|t| t.id == parent)?;
                        nested(&p.tasks[i]).map(|j| (i, Some(j)))
                    }
                    None => p.tasks.iter().enumerate().find_map(|(i, t)| nested(t).map(|j| (i, Some(j)))),
                }
            }
            K::Report => find(&p.reports, key.id),
            K::Meeting => find(&p.meetings, key.id),
            K::Problem => find(&p.problems, key.id),
            K::Risk => find(&p.risks, key.id),
            K::Exemption => find(&p.exemptions, key.id),
            K::Ruling => find(&p.rulings, key.id),
            K::Instruction => find(&p.instructions, key.id),
            K::Trail => find(&p.trail, key.id),
        }
    }

    /// A record as the journal has it: its copy from before the command,
    /// `Added` when the command added it, `Untouched` otherwise.
    fn journaled(&self, j: &Journal, key: Key) -> Journaled {
        use crate::domain as d;
        use RecordKind as K;
        let kept = match key.kind {
            K::Unit => was::<d::Unit>(j, key.kind, key.id),
            K::Person => was::<d::Person>(j, key.kind, key.id),
            K::Action => was::<d::KeyAction>(j, key.kind, key.id),
            K::Task => was::<Task>(j, key.kind, key.id),
            K::Report => was::<d::Report>(j, key.kind, key.id),
            K::Meeting => was::<d::Meeting>(j, key.kind, key.id),
            K::Problem => was::<d::Problem>(j, key.kind, key.id),
            K::Risk => was::<d::Risk>(j, key.kind, key.id),
            K::Exemption => was::<d::Exemption>(j, key.kind, key.id),
            K::Ruling => was::<d::Ruling>(j, key.kind, key.id),
            K::Instruction => was::<d::Instruction>(j, key.kind, key.id),
            K::Milestone | K::Target => {
                // A milestone or target changes only with its task kept.
                let holds = |t: &Task| match key.kind {
                    K::Milestone => t.milestones.iter().any(|m| m.id == key.id),
                    _ => t.targets.iter().any(|x| x.id == key.id),
                };
                let now = self.position(key).map(|(i, _)| self.plan.tasks[i].id);
                let task =
                    key.parent.or(now).and_then(|t| j.task(t)).or_else(|| j.was.iter().filter_map(Task::from_was).find(|t| holds(t)));
                if let Some(t) = task {
                    let f = match key.kind {
                        K::Milestone => t.milestones.iter().find(|m| m.id == key.id).map(|m| flat(key.kind, m, Some(t.id))),
                        _ => t.targets.iter().find(|x| x.id == key.id).map(|x| flat(key.kind, x, Some(t.id))),
                    };
                    return f.map_or(Journaled::Added, Journaled::Was);
                }
                None
            }
            K::Plan | K::Trail => None,
        };
        match kept {
            Some(f) => Journaled::Was(f),
            None if self.position(key).is_some_and(|(i, _)| i >= len_before(j, key.kind)) => Journaled::Added,
            None => Journaled::Untouched,
        }
    }

    pub(super) fn get(&self, key: Key) -> Option<Flat> {
        if key.kind == RecordKind::Plan {
            if key.id != self.plan.id {
                return None;
            }
            return Some(match self.was.and_then(|j| j.head.as_deref()) {
                Some(h) => flat_head_was(key.id, h),
                None => flat_head(self.plan),
            });
        }
        if let Some(j) = self.was {
            match self.journaled(j, key) {
                Journaled::Was(f) => return Some(f),
                Journaled::Added => return None,
                Journaled::Untouched => {}
            }
        }
        let (i, j) = self.position(key)?;
        self.flat_at(key.kind, i, j)
    }

    /// The record at a position of its list (and of its task's list).
    pub(super) fn flat_at(&self, kind: RecordKind, i: usize, j: Option<usize>) -> Option<Flat> {
        use RecordKind as K;
        let p = self.plan;
        Some(match (kind, j) {
            (K::Plan, _) => flat_head(p),
            (K::Unit, _) => flat(K::Unit, &p.units[i], None),
            (K::Person, _) => flat(K::Person, &p.people[i], None),
            (K::Action, _) => flat(K::Action, &p.actions[i], None),
            (K::Task, _) => flat(K::Task, &p.tasks[i], None),
            (K::Milestone, Some(j)) => flat(K::Milestone, &p.tasks[i].milestones[j], Some(p.tasks[i].id)),
            (K::Target, Some(j)) => flat(K::Target, &p.tasks[i].targets[j], Some(p.tasks[i].id)),
            (K::Report, _) => flat(K::Report, &p.reports[i], None),
            (K::Meeting, _) => flat(K::Meeting, &p.meetings[i], None),
            (K::Problem, _) => flat(K::Problem, &p.problems[i], None),
            (K::Risk, _) => flat(K::Risk, &p.risks[i], None),
            (K::Exemption, _) => flat(K::Exemption, &p.exemptions[i], None),
            (K::Ruling, _) => flat(K::Ruling, &p.rulings[i], None),
            (K::Instruction, _) => flat(K::Instruction, &p.instructions[i], None),
            (K::Trail, _) => flat(K::Trail, &p.trail[i], None),
            _ => return None,
        })
    }

    /// Whether `other`'s record at (i, j) is, as a typed value, the one
    /// this plan has under the same key: then they flatten alike, and the
    /// comparison field by field (the costly part) can be skipped.
    pub(super) fn same(&self, key: Key, other: &Index, i: usize, j: Option<usize>) -> bool {
        use RecordKind as K;
        let Some((k, l)) = self.position(key) else { return false };
        let (a, b) = (self.plan, other.plan);
        match (key.kind, l, j) {
            (K::Unit, ..) => a.units[k] == b.units[i],
            (K::Person, ..) => a.people[k] == b.people[i],
            (K::Action, ..) => a.actions[k] == b.actions[i],
            (K::Task, ..) => a.tasks[k] == b.tasks[i],
            (K::Milestone, Some(l), Some(j)) => a.tasks[k].milestones[l] == b.tasks[i].milestones[j],
            (K::Target, Some(l), Some(j)) => a.tasks[k].targets[l] == b.tasks[i].targets[j],
            (K::Report, ..) => a.reports[k] == b.reports[i],
            (K::Meeting, ..) => a.meetings[k] == b.meetings[i],
            (K::Problem, ..) => a.problems[k] == b.problems[i],
            (K::Risk, ..) => a.risks[k] == b.risks[i],
            (K::Exemption, ..) => a.exemptions[k] == b.exemptions[i],
            (K::Ruling, ..) => a.rulings[k] == b.rulings[i],
            (K::Instruction, ..) => a.instructions[k] == b.instructions[i],
            (K::Trail, ..) => a.trail[k] == b.trail[i],
            _ => false,
        }
    }

    pub(super) fn task(&self, id: Id) -> Option<&'a Task> {
        if let Some(t) = self.was.and_then(|j| j.task(id)) {
            return Some(t);
        }
        let (i, _) = self.position(Key { kind: RecordKind::Task, id, parent: None })?;
        if self.was.is_some_and(|j| i >= j.lens.tasks) {
            return None;
        }
        Some(&self.plan.tasks[i])
    }
}
