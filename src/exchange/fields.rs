//! A plan's records seen as fields: each record (a unit, a task, a
//! milestone, a report…) flattened to a map of JSON values under a key, with
//! its metadata and nested lists set aside, and an index to find and flatten
//! only the records asked for. The merge compares and patches these; the
//! change trail diffs them.

use super::merge::{Key, RecordKind};
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
pub(super) struct Index<'a> {
    plan: &'a Plan,
    at: HashMap<(RecordKind, Id), (usize, Option<usize>)>,
}

impl<'a> Index<'a> {
    pub(super) fn new(plan: &'a Plan) -> Self {
        let at =
            positions(plan).into_iter().filter(|(k, ..)| k.kind != RecordKind::Plan).map(|(k, i, j)| ((k.kind, k.id), (i, j))).collect();
        Index { plan, at }
    }

    pub(super) fn get(&self, key: Key) -> Option<Flat> {
        if key.kind == RecordKind::Plan {
            return (key.id == self.plan.id).then(|| flat_head(self.plan));
        }
        let (i, j) = *self.at.get(&(key.kind, key.id))?;
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
        let Some(&(k, l)) = self.at.get(&(key.kind, key.id)) else { return false };
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
        self.at.get(&(RecordKind::Task, id)).map(|(i, _)| &self.plan.tasks[*i])
    }
}
