//! The change trail (留痕): what changed between two versions of a plan,
//! field by field, appended to the plan as append-only entries stamped with
//! the unit and the time. Built on the merge's view of records as fields.

use super::fields::{head_of, Index};
use super::labels::Labels;
use super::merge::{Key, Owners, RecordKind};
use crate::domain::change::{Journal, Kept};
use crate::domain::edit::EditError;
use crate::domain::meta::Record;
use crate::domain::ownership::{Act, Side};
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
    keys.extend(touched(&before.rulings, &after.rulings).into_iter().map(|id| key(K::Ruling, id, None)));
    keys.extend(touched(&before.instructions, &after.instructions).into_iter().map(|id| key(K::Instruction, id, None)));
    field_diffs(&Index::new(before), &Index::new(after), keys, || Labels::new(before, after))
}

/// The records a command's journal says it changed or added, in the order
/// the whole-plan comparison (`diff`) lists them: the plan's head, then
/// kind by kind in list order, a task before its milestones and targets.
fn journal_keys(after: &Plan, j: &Journal) -> Vec<Key> {
    use RecordKind as K;
    fn of<T: Kept>(after: &Plan, j: &Journal, kind: RecordKind, keys: &mut Vec<Key>) -> Vec<usize> {
        let list = T::list(after);
        let mut at: Vec<usize> = j
            .was
            .iter()
            .filter_map(T::from_was)
            .filter_map(|w| list.iter().position(|r| r.id() == w.id()).filter(|i| list[*i] != *w))
            .chain(T::len(&j.lens)..list.len())
            .collect();
        at.sort_unstable();
        at.dedup();
        keys.extend(at.iter().map(|i| Key { kind, id: list[*i].id(), parent: None }));
        at
    }
    let mut keys = Vec::new();
    if j.head.as_deref().is_some_and(|h| h.title != after.title || h.settings != after.settings || h.meta != after.meta) {
        keys.push(Key { kind: K::Plan, id: after.id, parent: None });
    }
    of::<crate::domain::Unit>(after, j, K::Unit, &mut keys);
    of::<crate::domain::Person>(after, j, K::Person, &mut keys);
    of::<crate::domain::KeyAction>(after, j, K::Action, &mut keys);
    let mut tasks = Vec::new();
    for i in of::<crate::domain::Task>(after, j, K::Task, &mut tasks) {
        keys.push(tasks.remove(0));
        let (a, parent) = (&after.tasks[i], Some(after.tasks[i].id));
        let Some(b) = j.task(a.id) else { continue };
        keys.extend(touched(&b.milestones, &a.milestones).into_iter().map(|m| Key { kind: K::Milestone, id: m, parent }));
        keys.extend(touched(&b.targets, &a.targets).into_iter().map(|m| Key { kind: K::Target, id: m, parent }));
    }
    of::<crate::domain::Report>(after, j, K::Report, &mut keys);
    of::<crate::domain::Meeting>(after, j, K::Meeting, &mut keys);
    of::<crate::domain::Problem>(after, j, K::Problem, &mut keys);
    of::<crate::domain::Risk>(after, j, K::Risk, &mut keys);
    of::<crate::domain::Exemption>(after, j, K::Exemption, &mut keys);
    of::<crate::domain::Ruling>(after, j, K::Ruling, &mut keys);
    of::<crate::domain::Instruction>(after, j, K::Instruction, &mut keys);
    keys
}

/// What one command changed, field by field, from its own journal (not
/// from a copy of the plan): the same entries `diff` finds.
pub fn changes(after: &Plan, j: &Journal) -> Vec<FieldDiff> {
    let keys = journal_keys(after, j);
    field_diffs(&Index::before(after, j), &Index::lazy(after), keys, || Labels::of(after))
}

/// The fields of `keys` that differ between `b` and `a`.
fn field_diffs<'p>(b: &Index, a: &Index, keys: Vec<Key>, labels: impl FnOnce() -> Labels<'p>) -> Vec<FieldDiff> {
    use RecordKind as K;
    let mut labels = Some(labels);
    let mut named: Option<Labels> = None;
    let mut out = Vec::new();
    for k in keys {
        let Some(now) = a.get(k) else { continue };
        let task = match k.kind {
            K::Task => Some(k.id),
            K::Milestone | K::Target => k.parent,
            _ => now.fields.get("task").and_then(Value::as_str).and_then(Id::parse),
        };
        match b.get(k) {
            None => {
                if named.is_none() {
                    named = labels.take().map(|f| f());
                }
                let Some(label) = named.as_ref().map(|l| l.record_label(k)) else { continue };
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
                // A field cleared to nothing is left out of the record's
                // text (an unset key, an optional date): it changed to none.
                for (field, old) in was.fields.iter().filter(|(f, v)| !now.fields.contains_key(*f) && !v.is_null()) {
                    out.push(FieldDiff { key: k, task, field: field.clone(), old: old.clone(), new: Value::Null });
                }
            }
        }
    }
    out
}

/// The changes of `diffs` (from `before` to `after`) that `side` does not
/// own, asked of the same rule, on the same view of records, as the merge.
pub fn not_owned(before: &Plan, after: &Plan, diffs: &[FieldDiff], side: Side) -> Vec<FieldDiff> {
    not_owned_in(&Index::new(before), &Index::new(after), diffs, side)
}

/// `not_owned`, asked of two views of the plan.
fn not_owned_in(b: &Index, a: &Index, diffs: &[FieldDiff], side: Side) -> Vec<FieldDiff> {
    if side == Side::Office && diffs.iter().all(|d| d.field != "deleted" || !d.key.kind.append_only()) {
        return vec![];
    }
    let owners = Owners { local: b, incoming: a };
    diffs
        .iter()
        .filter(|d| {
            let Some(now) = a.get(d.key) else { return false };
            !owners.may(side, &now, b.get(d.key).as_ref(), Act::of_field(&d.field))
        })
        .cloned()
        .collect()
}

/// Keep a change made by `stamp.by` from `before` to `after`, with its
/// trail, only when it touches nothing its author does not own: otherwise
/// `after` is put back to `before` and the error names what was refused.
/// Every command a person runs goes through here.
pub fn commit(before: &Plan, after: &mut Plan, stamp: Stamp) -> Result<(), EditError> {
    let diffs = diff(before, after);
    let refused = not_owned(before, after, &diffs, Side::of(stamp.by));
    if !refused.is_empty() {
        let labels = Labels::new(before, after);
        let what = refused.iter().map(|d| (labels.record_label(d.key), d.field.clone())).collect();
        *after = before.clone();
        return Err(EditError::NotYours(what));
    }
    append(after, diffs, stamp);
    Ok(())
}

/// Keep the change one command made (its `journal`), with its trail, only
/// when it touches nothing its author does not own: otherwise the plan is
/// put back as it was and the error names what was refused. Every command a
/// person runs goes through here (`AppState::edit`); `commit` is the same
/// rule asked of two whole plans.
pub fn commit_change(after: &mut Plan, journal: Journal, stamp: Stamp) -> Result<(), EditError> {
    let diffs = changes(after, &journal);
    let refused = not_owned_in(&Index::before(after, &journal), &Index::lazy(after), &diffs, Side::of(stamp.by));
    if !refused.is_empty() {
        // Named as `commit` names them: the file's side is the changed plan.
        let changed = after.clone();
        journal.undo(after);
        let labels = Labels::new(after, &changed);
        let what = refused.iter().map(|d| (labels.record_label(d.key), d.field.clone())).collect();
        return Err(EditError::NotYours(what));
    }
    append(after, diffs, stamp);
    Ok(())
}

/// Append to `after`'s trail what changed since `before`, stamped.
pub fn record_trail(before: &Plan, after: &mut Plan, stamp: Stamp) {
    let diffs = diff(before, after);
    append(after, diffs, stamp);
}

fn append(after: &mut Plan, diffs: Vec<FieldDiff>, stamp: Stamp) {
    let entries: Vec<crate::domain::TrailEntry> = diffs
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
