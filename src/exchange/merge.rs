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
use crate::domain::{Id, Meta, Plan, Stamp, Text};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The kinds of record a file can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Plan,
    Unit,
    Person,
    Action,
    Task,
    Milestone,
    Target,
    Report,
    Meeting,
    Problem,
    Risk,
    Exemption,
    /// A change trail entry (留痕).
    Trail,
}

impl RecordKind {
    /// Records that are only ever added to: an import never deletes one.
    pub fn append_only(self) -> bool {
        matches!(self, RecordKind::Report | RecordKind::Meeting | RecordKind::Problem | RecordKind::Risk | RecordKind::Trail)
    }
}

/// Which record: its kind, id, and the task it sits in (milestones, targets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub kind: RecordKind,
    pub id: Id,
    pub parent: Option<Id>,
}

/// A record named for people: the kind, and a label such as "9.2 Dongmen…".
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub key: Key,
    pub label: Text,
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
        self.added.is_empty() && self.changed.is_empty() && self.conflicts.is_empty()
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

/// Who owns what: the rules a unit's file is held to. `None` is the
/// supervision office, which may change anything.
struct Rights<'a> {
    sender: Option<Id>,
    local: &'a Index<'a>,
    incoming: &'a Plan,
}

impl Rights<'_> {
    /// The unit that leads a task: its first responsible unit, as the table has it.
    fn lead(&self, task: Id) -> Option<Id> {
        let t = self.local.task(task).or_else(|| self.incoming.tasks.iter().find(|t| t.id == task))?;
        t.lead_unit()
    }

    fn id_field(f: &Flat, name: &str) -> Option<Id> {
        f.fields.get(name).and_then(Value::as_str).and_then(Id::parse)
    }

    /// May the sender add (`field: None`) or change `field` of this record?
    fn may(&self, inc: &Flat, local: Option<&Flat>, field: Option<&str>) -> Result<(), Why> {
        use RecordKind as K;
        let Some(unit) = self.sender else { return Ok(()) };
        let both = |name: &str| {
            let theirs = Self::id_field(inc, name);
            let ours = local.map_or(theirs, |l| Self::id_field(l, name));
            (theirs == Some(unit) && ours == Some(unit)).then_some(())
        };
        let leads = |task: Option<Id>| task.and_then(|t| self.lead(t)) == Some(unit);
        let ok = match inc.key.kind {
            K::Task => field.is_some_and(|f| matches!(f, "plan" | "plan_submitted_on")) && leads(Some(inc.key.id)),
            K::Milestone => leads(inc.key.parent),
            K::Report => {
                let involved = Self::id_field(inc, "task").and_then(|t| self.local.task(t)).is_some_and(|t| t.involves(unit));
                both("unit").is_some() && involved
            }
            K::Problem => both("raised_by").is_some(),
            K::Trail => both("by").is_some(),
            // A unit's own weekly meeting (一周一会): one it recorded, and that
            // nobody else has changed since.
            K::Meeting => inc.meta.by == Some(unit) && local.is_none_or(|l| l.meta.by == Some(unit)),
            K::Risk => leads(Self::id_field(inc, "task")) && local.is_none_or(|l| leads(Self::id_field(l, "task"))),
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            Err(Why::NotOwner)
        }
    }
}

/// What taking `plan` in place of an untouched table adds: every record
/// (the trail comes along unlisted). Nothing is compared, so nothing is
/// flattened: a plan of 30,000 records is listed in milliseconds.
pub fn listing(plan: &Plan) -> Preview {
    let labels = super::labels::Labels::new(plan, plan);
    let added = positions(plan)
        .into_iter()
        .filter(|(k, ..)| !matches!(k.kind, RecordKind::Plan | RecordKind::Trail))
        .map(|(key, ..)| Item { key, label: labels.label(key) })
        .collect();
    Preview { added, ..Preview::default() }
}

/// Work out what importing `incoming` into `local` would do. `base` holds
/// the records as the sender last received them (a report carries it; a
/// unit keeps the slice it imported); `sender` is the unit the file comes
/// from, `None` for the supervision office.
pub fn preview(local: &Plan, incoming: &Plan, base: Option<&Plan>, sender: Option<Id>) -> Preview {
    let index = Index::new(local);
    let base_index = base.map(Index::new);
    let rights = Rights { sender, local: &index, incoming };
    let mut out = Preview::default();
    let mut added_tasks: HashSet<Id> = HashSet::new();
    let labels = super::labels::Labels::new(local, incoming);
    let item = |key: Key| Item { key, label: labels.label(key) };

    let files = Index::new(incoming);
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
        let Some(ours) = index.get(key) else {
            if let Some(parent) = key.parent {
                if added_tasks.contains(&parent) {
                    // Comes with its task.
                    out.added.push(item(key));
                    continue;
                }
                if index.task(parent).is_none() {
                    out.refused.push(Refusal { item: item(key), field: None, why: Why::UnknownTask });
                    continue;
                }
            }
            if let Err(why) = rights.may(&inc, None, None) {
                out.refused.push(Refusal { item: item(key), field: None, why });
                continue;
            }
            if key.kind == RecordKind::Task {
                added_tasks.insert(key.id);
            }
            out.ops.push(Op::Add { key, record: whole(incoming, key) });
            // The trail comes along with what it records; it is not listed.
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
        if ours.meta.by == inc.meta.by && ours.meta.rev > inc.meta.rev {
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
        let mut conflicts = Vec::new();
        let mut refused_any = false;
        for (field, theirs) in &inc.fields {
            let mine = ours.fields.get(field).cloned().unwrap_or(Value::Null);
            if *theirs == mine {
                continue;
            }
            let agreed = was.as_ref().map(|w| w.fields.get(field).cloned().unwrap_or(Value::Null));
            if agreed.as_ref() == Some(theirs) {
                continue; // the sender did not change it
            }
            let tombstone = field == "deleted" && *theirs == Value::Bool(true) && key.kind.append_only();
            let allowed = if tombstone { Err(Why::AppendOnly) } else { rights.may(&inc, Some(&ours), Some(field)) };
            if let Err(why) = allowed {
                out.refused.push(Refusal { item: item(key), field: Some(field.clone()), why });
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
        K::Trail => one(&mut plan.trail, key.id, &fields, &meta),
    }
}

impl RecordKind {
    /// The kind's name in the trail and in files.
    pub fn name(self) -> &'static str {
        use RecordKind as K;
        match self {
            K::Plan => "plan",
            K::Unit => "unit",
            K::Person => "person",
            K::Action => "action",
            K::Task => "task",
            K::Milestone => "milestone",
            K::Target => "target",
            K::Report => "report",
            K::Meeting => "meeting",
            K::Problem => "problem",
            K::Risk => "risk",
            K::Exemption => "exemption",
            K::Trail => "trail",
        }
    }
}
