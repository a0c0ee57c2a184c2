//! The change trail (留痕): what changed between two versions of a plan,
//! field by field, appended to the plan as append-only entries stamped with
//! the unit and the time. Built on the merge's view of records as fields.

use super::fields::{head_of, Index};
use super::labels::Labels;
use super::merge::{Key, RecordKind};
use crate::domain::meta::Record;
use crate::domain::{Id, Meta, Plan, Stamp};
use serde_json::Value;

/// One field's change between two versions of a plan, for the trail.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDiff {
    pub key: Key,
    /// The task the record belongs to, if any.
    pub task: Option<Id>,
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// Ids of the records of `after` that differ from `before` at the same
/// place (cheap typed comparisons; only those are looked at field by field).
fn touched<T: Record + PartialEq>(before: &[T], after: &[T]) -> Vec<Id> {
    after.iter().enumerate().filter(|(i, x)| before.get(*i).is_none_or(|y| y != *x)).map(|(_, x)| x.id()).collect()
}

/// What changed from `before` to `after`, field by field: changed fields
/// old → new, an added record as one entry (its label as the new value),
/// a deletion as `deleted` false → true. The trail itself is left out.
pub fn diff(before: &Plan, after: &Plan) -> Vec<FieldDiff> {
    use RecordKind as K;
    let mut keys: Vec<Key> = Vec::new();
    let key = |kind, id, parent| Key { kind, id, parent };
    if head_of(before).title != head_of(after).title || before.settings != after.settings || before.meta != after.meta {
        keys.push(key(K::Plan, after.id, None));
    }
    keys.extend(touched(&before.units, &after.units).into_iter().map(|id| key(K::Unit, id, None)));
    keys.extend(touched(&before.people, &after.people).into_iter().map(|id| key(K::Person, id, None)));
    keys.extend(touched(&before.actions, &after.actions).into_iter().map(|id| key(K::Action, id, None)));
    for id in touched(&before.tasks, &after.tasks) {
        keys.push(key(K::Task, id, None));
        let (Some(b), Some(a)) = (before.tasks.iter().find(|t| t.id == id), after.tasks.iter().find(|t| t.id == id)) else {
            continue;
        };
        keys.extend(touched(&b.milestones, &a.milestones).into_iter().map(|m| key(K::Milestone, m, Some(id))));
        keys.extend(touched(&b.targets, &a.targets).into_iter().map(|m| key(K::Target, m, Some(id))));
    }
    keys.extend(touched(&before.reports, &after.reports).into_iter().map(|id| key(K::Report, id, None)));
    keys.extend(touched(&before.meetings, &after.meetings).into_iter().map(|id| key(K::Meeting, id, None)));
    keys.extend(touched(&before.problems, &after.problems).into_iter().map(|id| key(K::Problem, id, None)));
    keys.extend(touched(&before.risks, &after.risks).into_iter().map(|id| key(K::Risk, id, None)));
    keys.extend(touched(&before.exemptions, &after.exemptions).into_iter().map(|id| key(K::Exemption, id, None)));
    let (b, a) = (Index::new(before), Index::new(after));
    let mut out = Vec::new();
    let mut labels = None;
    for k in keys {
        let Some(now) = a.get(k) else { continue };
        let task = match k.kind {
            K::Task => Some(k.id),
            K::Milestone | K::Target => k.parent,
            _ => now.fields.get("task").and_then(Value::as_str).and_then(Id::parse),
        };
        match b.get(k) {
            None => {
                let label = labels.get_or_insert_with(|| Labels::new(before, after)).label(k);
                let new = serde_json::json!({ "zh": label.zh, "en": label.en });
                out.push(FieldDiff { key: k, task, field: String::new(), old: Value::Null, new });
            }
            Some(was) => {
                for (field, new) in &now.fields {
                    let old = was.fields.get(field).cloned().unwrap_or(Value::Null);
                    if old != *new {
                        out.push(FieldDiff { key: k, task, field: field.clone(), old, new: new.clone() });
                    }
                }
            }
        }
    }
    out
}

/// Append to `after`'s trail what changed since `before`, stamped.
pub fn record_trail(before: &Plan, after: &mut Plan, stamp: Stamp) {
    let entries: Vec<crate::domain::TrailEntry> = diff(before, after)
        .into_iter()
        .map(|d| crate::domain::TrailEntry {
            id: Id::new(),
            kind: d.key.kind.name().into(),
            record: d.key.id,
            task: d.task,
            field: d.field,
            old: d.old,
            new: d.new,
            by: stamp.by,
            at: stamp.at,
            meta: Meta::created(stamp),
        })
        .collect();
    after.trail.extend(entries);
}
