//! Merging a file's records into the table: first a preview (what would be
//! added, changed, skipped, refused, in conflict), then, once a person has
//! resolved every conflict, the application of exactly that preview.
//!
//! Records are compared field by field as JSON values, three ways: the
//! table's value, the file's value, and — where the file says what the
//! sender last received — the base value. A field the sender did not change
//! is left alone; one only the sender changed is taken; one both sides
//! changed to different values is a conflict. Records are never removed,
//! and append-only ones cannot be tombstoned by a file.

use super::fields::{head_of, json_of, positions, to_map, Flat, Head, Index};
use crate::domain::meta::Record;
use crate::domain::ownership::{self, Act, Side, Subject};
use crate::domain::{Id, Meta, Plan, Stamp, Text};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashSet;

pub use crate::domain::ownership::RecordKind;

/// Which record: its kind, id, and the task it sits in (milestones, targets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub kind: RecordKind,
    pub id: Id,
    pub parent: Option<Id>,
}

/// A record the preview lists. The page names the few it shows
/// (`labels::Labels`, "9.2 Dongmen…"): a whole plan lists 30,000 records,
/// and naming each in both languages took longer than reading the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub key: Key,
}

/// One field's value before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// A record that will change, with each field old → new.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub item: Item,
    pub fields: Vec<FieldChange>,
}

/// A field both sides changed since they last agreed.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub item: Item,
    pub field: String,
    /// The value both sides last agreed on, when the file says.
    pub base: Option<Value>,
    /// The table's value.
    pub ours: Value,
    /// The file's value.
    pub theirs: Value,
}

/// Why part of a file is not applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// The sending unit does not own this record or field.
    NotOwner,
    /// Reports, meetings, problems and risks are never deleted by an import.
    AppendOnly,
    /// A milestone or target of a task the table does not have.
    UnknownTask,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub item: Item,
    /// The field refused; `None` when the whole record is.
    pub field: Option<String>,
    /// The value the file brought for that field (`Null` for a whole record).
    pub value: Value,
    pub why: Why,
}

/// A person's answer to one conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Keep the table's value.
    Keep,
    /// Take the file's value.
    Take,
}

/// What an import would do; `apply` does exactly this.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub added: Vec<Item>,
    pub changed: Vec<Change>,
    /// Already in the table as the file has them.
    pub present: Vec<Item>,
    /// The table already has a later version from the same sender.
    pub older: Vec<Item>,
    pub refused: Vec<Refusal>,
    pub conflicts: Vec<Conflict>,
    /// In a unit's browser, importing the office's slice: what the unit had
    /// changed but does not own, put back to the office's values.
    pub restored: Vec<Change>,
    ops: Vec<Op>,
}

impl Preview {
    /// True when applying would change nothing, whatever the choices.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// True when the file brings nothing a person would see: no record
    /// added, no field changed, no conflict (it may still bring newer
    /// revision numbers for records whose content the table already has).
    pub fn nothing_new(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.conflicts.is_empty() && self.restored.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Op {
    /// Add the record (its whole JSON).
    Add { key: Key, record: Value },
    /// Set fields; `conflicts` index into `Preview::conflicts`.
    Set { key: Key, fields: Map<String, Value>, conflicts: Vec<usize>, meta: MetaRule },
}

#[derive(Clone, Debug, PartialEq)]
enum MetaRule {
    /// The record becomes the file's version: adopt its metadata.
    Adopt(Meta),
    /// A merge of both sides: a new revision above both, stamped now.
    Merge { rev: u32 },
}

/// A short label for people: "9.2 title", "9.2 · milestone", a name, a date.
/// To name many records, build `Labels` once.
pub fn label(local: &Plan, incoming: &Plan, key: Key) -> Text {
    super::labels::Labels::new(local, incoming).label(key)
}

/// Who owns what, asked of the one ownership rule
/// ([`crate::domain::ownership`]) with the facts of a record seen as fields.
pub(super) struct Owners<'a> {
    pub(super) local: &'a Index<'a>,
    pub(super) incoming: &'a Index<'a>,
}

impl<'a> Owners<'a> {
    fn id_field(f: &Flat, name: &str) -> Option<Id> {
        f.fields.get(name).and_then(Value::as_str).and_then(Id::parse)
    }

    /// A task as the table has it, else as the file has it.
    fn task(&self, id: Option<Id>) -> Option<&'a crate::domain::Task> {
        let id = id?;
        self.local.task(id).or_else(|| self.incoming.task(id))
    }

    /// The facts of one record that decide who owns it.
    pub(super) fn subject(&self, f: &Flat) -> Subject<'a> {
        use RecordKind as K;
        let task = match f.key.kind {
            K::Task => Some(f.key.id),
            K::Milestone | K::Target => f.key.parent,
            _ => Self::id_field(f, "task"),
        };
        let author = match f.key.kind {
            K::Report => Self::id_field(f, "unit"),
            K::Problem => Self::id_field(f, "raised_by"),
            K::Target => Self::id_field(f, "added_by"),
            K::Trail => Self::id_field(f, "by"),
            K::Meeting => f.meta.by,
            _ => None,
        };
        let corrects = Self::id_field(f, "supersedes").map(|old| {
            let key = Key { kind: K::Report, id: old, parent: None };
            let unit = |i: &Index| i.get(key).and_then(|r| Self::id_field(&r, "unit"));
            // A correction of a report nobody has names nobody: refused.
            unit(self.local).or_else(|| unit(self.incoming)).unwrap_or(Id(uuid::Uuid::nil()))
        });
        Subject { kind: f.key.kind, task: self.task(task), author, corrects }
    }

    /// May `side` do `act` to this record, as the file has it and (when the
    /// table has it) as the table has it? Both must be the side's: a unit
    /// cannot move a record of another unit's task onto its own.
    pub(super) fn may(&self, side: Side, inc: &Flat, local: Option<&Flat>, act: Act) -> bool {
        ownership::may(side, &self.subject(inc), act) && local.is_none_or(|l| ownership::may(side, &self.subject(l), act))
    }

    /// May the author of a trail entry have made the change it records?
    pub(super) fn may_trail(&self, entry: &Flat) -> bool {
        let Some(kind) = entry.fields.get("kind").and_then(Value::as_str).and_then(RecordKind::parse) else { return false };
        let Some(record) = Self::id_field(entry, "record") else { return false };
        let parent = matches!(kind, RecordKind::Milestone | RecordKind::Target).then(|| Self::id_field(entry, "task")).flatten();
        let key = Key { kind, id: record, parent };
        let field = entry.fields.get("field").and_then(Value::as_str).unwrap_or("");
        let side = Side::of(Self::id_field(entry, "by"));
        let (ours, theirs) = (self.local.get(key), self.incoming.get(key));
        match theirs.as_ref().or(ours.as_ref()) {
            Some(r) => self.may(side, r, ours.as_ref(), Act::of_field(field)),
            None => side == Side::Office,
        }
    }
}

/// What taking `plan` in place of an untouched table adds: every record
/// (the trail comes along unlisted). Nothing is compared, so nothing is
/// flattened: a plan of 30,000 records is listed in milliseconds.
pub fn listing(plan: &Plan) -> Preview {
    let added = positions(plan)
        .into_iter()
        .filter(|(k, ..)| !matches!(k.kind, RecordKind::Plan | RecordKind::Trail))
        .map(|(key, ..)| Item { key })
        .collect();
    Preview { added, ..Preview::default() }
}

/// Work out what importing `incoming` into `local` would do. `base` holds
/// the records as the sender last received them (a report carries it; a
/// unit keeps the slice it imported); `sender` is the unit the file comes
/// from, `None` for the supervision office.
pub fn preview(local: &Plan, incoming: &Plan, base: Option<&Plan>, sender: Option<Id>) -> Preview {
    preview_as(local, incoming, base, sender, None)
}

/// [`preview`] in the browser of `receiver` (`None`: the office). A unit
/// importing the office's file takes back the office's value of every field
/// it does not own, whatever it had changed (the list is `restored`).
pub fn preview_as(local: &Plan, incoming: &Plan, base: Option<&Plan>, sender: Option<Id>, receiver: Option<Id>) -> Preview {
    let index = Index::new(local);
    let base_index = base.map(Index::new);
    let files = Index::new(incoming);
    let owners = Owners { local: &index, incoming: &files };
    let (sender, receiver) = (Side::of(sender), Side::of(receiver));
    // The office's file is the master table for what a unit does not own.
    let restoring = sender == Side::Office && receiver != Side::Office;
    let mut out = Preview::default();
    let mut added_tasks: HashSet<Id> = HashSet::new();
    // What was refused, so that the trail takes in only what landed.
    let mut refused_fields: HashSet<(Id, String)> = HashSet::new();
    let item = |key: Key| Item { key };

    for (key, i, j) in positions(incoming) {
        // The plan's head is only compared when the file is the same plan.
        if key.kind == RecordKind::Plan && key.id != local.id {
            continue;
        }
        // Most records of a file are already in the table as they are.
        if key.kind != RecordKind::Plan && index.same(key, &files, i, j) {
            if key.kind != RecordKind::Trail {
                out.present.push(item(key));
            }
            continue;
        }
        let Some(inc) = files.flat_at(key.kind, i, j) else { continue };
        // A trail entry comes along with what it records, and only then.
        if key.kind == RecordKind::Trail && index.get(key).is_none() {
            let record = Owners::id_field(&inc, "record");
            let field = inc.fields.get("field").and_then(Value::as_str).unwrap_or("").to_string();
            let refused = record.is_some_and(|r| refused_fields.contains(&(r, field)) || refused_fields.contains(&(r, String::new())));
            if refused || !owners.may(sender, &inc, None, Act::Add) || !owners.may_trail(&inc) {
                continue;
            }
            out.ops.push(Op::Add { key, record: whole(incoming, key) });
            continue;
        }
        let Some(ours) = index.get(key) else {
            if let Some(parent) = key.parent {
                if added_tasks.contains(&parent) {
                    // Comes with its task.
                    out.added.push(item(key));
                    continue;
                }
                if index.task(parent).is_none() {
                    refused_fields.insert((key.id, String::new()));
                    out.refused.push(Refusal { item: item(key), field: None, value: Value::Null, why: Why::UnknownTask });
                    continue;
                }
            }
            if !owners.may(sender, &inc, None, Act::Add) {
                refused_fields.insert((key.id, String::new()));
                out.refused.push(Refusal { item: item(key), field: None, value: Value::Null, why: Why::NotOwner });
                continue;
            }
            if key.kind == RecordKind::Task {
                added_tasks.insert(key.id);
            }
            out.ops.push(Op::Add { key, record: whole(incoming, key) });
            if key.kind != RecordKind::Trail {
                out.added.push(item(key));
            }
            continue;
        };
        if ours.fields == inc.fields && key.kind == RecordKind::Trail {
            continue;
        }
        if ours.fields == inc.fields {
            // Same content, but the file's is a later revision: keep its
            // metadata, so that an earlier version imported afterwards is
            // recognised as older rather than brought back.
            if inc.meta.rev > ours.meta.rev && inc.meta != ours.meta {
                out.ops.push(Op::Set { key, fields: Map::new(), conflicts: vec![], meta: MetaRule::Adopt(inc.meta.clone()) });
            }
            out.present.push(item(key));
            continue;
        }
        if ours.meta.by == inc.meta.by && ours.meta.rev > inc.meta.rev && !restoring {
            out.older.push(item(key));
            continue;
        }
        let was = base_index.as_ref().and_then(|b| b.get(key));
        // A later revision by the author of ours follows on from ours (a
        // unit's report imported after its earlier one); otherwise the base,
        // when there is one, tells who changed what.
        let follows = ours.meta.by == inc.meta.by && inc.meta.rev > ours.meta.rev;
        let ours_moved = match &was {
            _ if follows => false,
            Some(w) => w.fields != ours.fields,
            None => true,
        };
        let mut take = Map::new();
        let mut changes = Vec::new();
        let mut restored = Vec::new();
        let mut conflicts = Vec::new();
        let mut refused_any = false;
        for (field, theirs) in &inc.fields {
            let mine = ours.fields.get(field).cloned().unwrap_or(Value::Null);
            if *theirs == mine {
                continue;
            }
            let act = Act::of_field(field);
            let agreed = was.as_ref().map(|w| w.fields.get(field).cloned().unwrap_or(Value::Null));
            if restoring && !owners.may(receiver, &ours, None, act) {
                // What the office sets: its value stands. When the unit had
                // changed it (an older version of the app let it), say so.
                let change = FieldChange { field: field.clone(), old: mine.clone(), new: theirs.clone() };
                match &agreed {
                    Some(a) if *a != mine => restored.push(change),
                    _ => changes.push(change),
                }
                take.insert(field.clone(), theirs.clone());
                continue;
            }
            if agreed.as_ref() == Some(theirs) {
                continue; // the sender did not change it
            }
            if !owners.may(sender, &inc, Some(&ours), act) {
                let why = if act == Act::Delete && key.kind.append_only() { Why::AppendOnly } else { Why::NotOwner };
                refused_fields.insert((key.id, field.clone()));
                out.refused.push(Refusal { item: item(key), field: Some(field.clone()), value: theirs.clone(), why });
                refused_any = true;
                continue;
            }
            let mine_changed = match &agreed {
                _ if follows => false,
                Some(a) => *a != mine,
                None => true,
            };
            if mine_changed {
                conflicts.push(out.conflicts.len());
                out.conflicts.push(Conflict { item: item(key), field: field.clone(), base: agreed, ours: mine, theirs: theirs.clone() });
            } else {
                changes.push(FieldChange { field: field.clone(), old: mine, new: theirs.clone() });
                take.insert(field.clone(), theirs.clone());
            }
        }
        if take.is_empty() && conflicts.is_empty() {
            if !refused_any {
                out.present.push(item(key));
            }
            continue;
        }
        let meta = if !ours_moved && conflicts.is_empty() && !refused_any {
            MetaRule::Adopt(inc.meta.clone())
        } else {
            MetaRule::Merge { rev: ours.meta.rev.max(inc.meta.rev).saturating_add(1) }
        };
        if !changes.is_empty() {
            out.changed.push(Change { item: item(key), fields: changes });
        }
        if !restored.is_empty() {
            out.restored.push(Change { item: item(key), fields: restored });
        }
        out.ops.push(Op::Set { key, fields: take, conflicts, meta });
    }
    out
}

/// The whole JSON of one incoming record (a task with its nested lists).
fn whole(p: &Plan, key: Key) -> Value {
    use RecordKind as K;
    fn find<T: Serialize + Record>(v: &[T], id: Id) -> Value {
        v.iter().find(|r| r.id() == id).map_or(Value::Null, json_of)
    }
    let task = |id| p.tasks.iter().find(|t| t.id == id);
    match key.kind {
        K::Plan => Value::Null,
        K::Unit => find(&p.units, key.id),
        K::Person => find(&p.people, key.id),
        K::Action => find(&p.actions, key.id),
        K::Task => find(&p.tasks, key.id),
        K::Milestone => key.parent.and_then(task).map_or(Value::Null, |t| find(&t.milestones, key.id)),
        K::Target => key.parent.and_then(task).map_or(Value::Null, |t| find(&t.targets, key.id)),
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

/// Why a preview could not be applied (the table is unchanged).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApplyError {
    #[error("{0} conflict(s) still need a choice")]
    Unresolved(usize),
    #[error("a record could not be rebuilt: {0}")]
    Rebuild(String),
}

/// Apply a preview to `local`: all of it or, on any error, none of it.
/// `choices[i]` answers `preview.conflicts[i]`.
pub fn apply(local: &Plan, preview: &Preview, choices: &[Option<Choice>], stamp: Stamp) -> Result<Plan, ApplyError> {
    let open = preview.conflicts.len() - choices.iter().take(preview.conflicts.len()).filter(|c| c.is_some()).count();
    if open > 0 {
        return Err(ApplyError::Unresolved(open));
    }
    let mut plan = local.clone();
    let mut grown: HashSet<RecordKind> = HashSet::new();
    for op in &preview.ops {
        match op {
            Op::Add { key, record } => {
                add(&mut plan, *key, record.clone())?;
                grown.insert(key.kind);
            }
            Op::Set { key, fields, conflicts, meta } => {
                let mut fields = fields.clone();
                for &i in conflicts {
                    if choices.get(i).copied().flatten() == Some(Choice::Take) {
                        let c = &preview.conflicts[i];
                        fields.insert(c.field.clone(), c.theirs.clone());
                    }
                }
                if fields.is_empty() && !matches!(meta, MetaRule::Adopt(_)) {
                    continue;
                }
                let meta = match meta {
                    MetaRule::Adopt(m) => m.clone(),
                    MetaRule::Merge { rev } => Meta { rev: *rev, by: stamp.by, at: Some(stamp.at), deleted: false },
                };
                set(&mut plan, *key, fields, meta)?;
                // A moved milestone takes its place by date, as an added one does.
                if key.kind == RecordKind::Milestone {
                    grown.insert(key.kind);
                }
            }
        }
    }
    settle(&mut plan, &grown);
    Ok(plan)
}

/// Records added from several files land in one order whatever the order
/// of the files: append-only lists are kept sorted by date, then id.
fn settle(plan: &mut Plan, grown: &HashSet<RecordKind>) {
    use RecordKind as K;
    if grown.contains(&K::Report) {
        plan.reports.sort_by_key(|r| (r.date, r.id));
    }
    if grown.contains(&K::Meeting) {
        plan.meetings.sort_by_key(|r| (r.date, r.id));
    }
    if grown.contains(&K::Problem) {
        plan.problems.sort_by_key(|r| (r.raised_on, r.id));
    }
    if grown.contains(&K::Risk) {
        plan.risks.sort_by_key(|r| r.id);
    }
    if grown.contains(&K::Exemption) {
        plan.exemptions.sort_by_key(|r| (r.approved_on, r.id));
    }
    if grown.contains(&K::Ruling) {
        plan.rulings.sort_by_key(|r| (r.on, r.id));
    }
    if grown.contains(&K::Instruction) {
        plan.instructions.sort_by_key(|r| (r.given_on, r.id));
    }
    if grown.contains(&K::Trail) {
        plan.trail.sort_by_key(|r| (r.at, r.id));
    }
    if grown.contains(&K::Milestone) {
        for t in &mut plan.tasks {
            t.milestones.sort_by_key(|m| (m.due, m.id));
        }
    }
}

fn rebuild<T: DeserializeOwned>(v: Value) -> Result<T, ApplyError> {
    // Through the text, for the same reason as `json_of`.
    serde_json::from_str(&v.to_string()).map_err(|e| ApplyError::Rebuild(e.to_string()))
}

fn add(plan: &mut Plan, key: Key, record: Value) -> Result<(), ApplyError> {
    use RecordKind as K;
    let parent = |plan: &mut Plan| -> Result<usize, ApplyError> {
        let p = key.parent.ok_or_else(|| ApplyError::Rebuild("no task".into()))?;
        plan.tasks.iter().position(|t| t.id == p).ok_or_else(|| ApplyError::Rebuild("unknown task".into()))
    };
    match key.kind {
        K::Plan => {}
        K::Unit => plan.units.push(rebuild(record)?),
        K::Person => plan.people.push(rebuild(record)?),
        K::Action => plan.actions.push(rebuild(record)?),
        K::Task => plan.tasks.push(rebuild(record)?),
        K::Milestone => {
            let i = parent(plan)?;
            plan.tasks[i].milestones.push(rebuild(record)?);
        }
        K::Target => {
            let i = parent(plan)?;
            plan.tasks[i].targets.push(rebuild(record)?);
        }
        K::Report => plan.reports.push(rebuild(record)?),
        K::Meeting => plan.meetings.push(rebuild(record)?),
        K::Problem => plan.problems.push(rebuild(record)?),
        K::Risk => plan.risks.push(rebuild(record)?),
        K::Exemption => plan.exemptions.push(rebuild(record)?),
        K::Ruling => plan.rulings.push(rebuild(record)?),
        K::Instruction => plan.instructions.push(rebuild(record)?),
        K::Trail => plan.trail.push(rebuild(record)?),
    }
    Ok(())
}

/// Overwrite some fields of one record and give it `meta`.
fn patch<T: Serialize + DeserializeOwned>(r: &mut T, fields: &Map<String, Value>, meta: &Meta) -> Result<(), ApplyError> {
    let mut m = to_map(r);
    let mut meta = meta.clone();
    for (k, v) in fields {
        if k == "deleted" {
            meta.deleted = v.as_bool().unwrap_or(false);
        } else if k != "id" {
            m.insert(k.clone(), v.clone());
        }
    }
    m.insert("meta".into(), json_of(&meta));
    *r = rebuild(Value::Object(m))?;
    Ok(())
}

fn set(plan: &mut Plan, key: Key, fields: Map<String, Value>, meta: Meta) -> Result<(), ApplyError> {
    use RecordKind as K;
    fn one<T: Serialize + DeserializeOwned + Record>(v: &mut [T], id: Id, f: &Map<String, Value>, m: &Meta) -> Result<(), ApplyError> {
        let r = v.iter_mut().find(|r| r.id() == id).ok_or_else(|| ApplyError::Rebuild(format!("record {id} is gone")))?;
        patch(r, f, m)
    }
    let task = |plan: &mut Plan| -> Result<usize, ApplyError> {
        let p = key.parent.ok_or_else(|| ApplyError::Rebuild("no task".into()))?;
        plan.tasks.iter().position(|t| t.id == p).ok_or_else(|| ApplyError::Rebuild("unknown task".into()))
    };
    match key.kind {
        K::Plan => {
            let mut head = to_map(&head_of(plan));
            for (k, v) in &fields {
                head.insert(k.clone(), v.clone());
            }
            let h: Head = rebuild(Value::Object(head))?;
            (plan.title, plan.year, plan.kickoff, plan.issuing_unit, plan.settings) =
                (h.title, h.year, h.kickoff, h.issuing_unit, h.settings);
            plan.meta = meta;
            Ok(())
        }
        K::Unit => one(&mut plan.units, key.id, &fields, &meta),
        K::Person => one(&mut plan.people, key.id, &fields, &meta),
        K::Action => one(&mut plan.actions, key.id, &fields, &meta),
        K::Task => one(&mut plan.tasks, key.id, &fields, &meta),
        K::Milestone => {
            let i = task(plan)?;
            one(&mut plan.tasks[i].milestones, key.id, &fields, &meta)
        }
        K::Target => {
            let i = task(plan)?;
            one(&mut plan.tasks[i].targets, key.id, &fields, &meta)
        }
        K::Report => one(&mut plan.reports, key.id, &fields, &meta),
        K::Meeting => one(&mut plan.meetings, key.id, &fields, &meta),
        K::Problem => one(&mut plan.problems, key.id, &fields, &meta),
        K::Risk => one(&mut plan.risks, key.id, &fields, &meta),
        K::Exemption => one(&mut plan.exemptions, key.id, &fields, &meta),
        K::Ruling => one(&mut plan.rulings, key.id, &fields, &meta),
        K::Instruction => one(&mut plan.instructions, key.id, &fields, &meta),
        K::Trail => one(&mut plan.trail, key.id, &fields, &meta),
    }
}
