//! Commands that change the plan. Pages call these; none pokes at fields.
//! Every command stamps what it changes (revision, unit, time) and deletes
//! by tombstone, so the change can travel in an exchange file later.

use super::meta::Record;
use super::plan::{live, Field};
use super::usage::Usage;
use super::validate::Invalid;
use super::{Id, KeyAction, Meta, Person, Plan, Settings, Stamp, Task, Text, Unit};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("that record no longer exists")]
    NotFound,
    #[error("{}", .0.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Invalid>),
    #[error("still in use ({} places)", .0.len())]
    InUse(Vec<Usage>),
    /// The change touches what the acting side does not own (see
    /// [`super::ownership`]): each record's label and the field, as the
    /// file names it ("" for adding the record, "deleted" for deleting it).
    #[error("set by the supervision office: {}", .0.iter().map(|(r, f)| format!("{} {f}", r.en)).collect::<Vec<_>>().join("; "))]
    NotYours(Vec<(Text, String)>),
}

/// What the action form edits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionDraft {
    pub title: Text,
    pub field: Option<Field>,
    pub leaders: Vec<Id>,
    pub leading_units: Vec<Id>,
}

/// What the task form edits.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskDraft {
    pub action: Id,
    pub title: Text,
    pub responsible: Vec<Id>,
    pub co_organizers: Vec<Id>,
    pub person: Option<Id>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
}

/// Which way to move a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

impl Plan {
    /// A new, empty plan.
    pub fn blank(title: Text, year: i32, kickoff: NaiveDate, stamp: Stamp) -> Plan {
        Plan {
            id: Id::new(),
            title,
            year,
            kickoff,
            issuing_unit: None,
            office_key: None,
            example: false,
            settings: Settings::default(),
            meta: Meta::created(stamp),
            units: vec![],
            people: vec![],
            actions: vec![],
            tasks: vec![],
            reports: vec![],
            meetings: vec![],
            problems: vec![],
            risks: vec![],
            exemptions: vec![],
            rulings: vec![],
            instructions: vec![],
            trail: vec![],
            numbers: Default::default(),
            journal: Default::default(),
        }
    }

    /// The problems of an action draft: a blank title, unknown people or units.
    fn check_action_draft(&self, d: &ActionDraft) -> Result<(), EditError> {
        use super::validate::{RefField, Subject};
        let mut out = Vec::new();
        if d.title.is_blank() {
            out.push(Invalid::Blank(Subject::Record("key action")));
        }
        let at = Subject::Record("key action");
        for id in d.leaders.iter().filter(|id| self.person(**id).is_none()) {
            out.push(Invalid::UnknownRef { at: at.clone(), field: RefField::Leader, id: *id });
        }
        for id in d.leading_units.iter().filter(|id| self.unit(**id).is_none()) {
            out.push(Invalid::UnknownRef { at: at.clone(), field: RefField::LeadingUnit, id: *id });
        }
        if out.is_empty() {
            Ok(())
        } else {
            Err(EditError::Invalid(out))
        }
    }

    pub fn add_action(&mut self, d: ActionDraft, stamp: Stamp) -> Result<Id, EditError> {
        self.check_action_draft(&d)?;
        let order = live(&self.actions).map(|a| a.order).max().unwrap_or(0) + 1;
        let id = Id::new();
        let a = KeyAction {
            id,
            order,
            title: d.title,
            field: d.field,
            leaders: d.leaders,
            leading_units: d.leading_units,
            meta: Meta::created(stamp),
        };
        self.actions.push(a);
        Ok(id)
    }

    pub fn update_action(&mut self, id: Id, d: ActionDraft, stamp: Stamp) -> Result<(), EditError> {
        self.check_action_draft(&d)?;
        self.keep::<KeyAction>(id);
        let a = find_live(&mut self.actions, id)?;
        let changed = a.title != d.title || a.field != d.field || a.leaders != d.leaders || a.leading_units != d.leading_units;
        if changed {
            (a.title, a.field, a.leaders, a.leading_units) = (d.title, d.field, d.leaders, d.leading_units);
            a.meta.touch(stamp);
        }
        Ok(())
    }

    /// Tombstones the action and its tasks; returns how many tasks went with it.
    pub fn delete_action(&mut self, id: Id, stamp: Stamp) -> Result<usize, EditError> {
        self.keep::<KeyAction>(id);
        self.keep_where::<Task>(|t| t.action == id && t.is_live());
        let a = find_live(&mut self.actions, id)?;
        a.meta.deleted = true;
        a.meta.touch(stamp);
        let mut n = 0;
        for t in self.tasks.iter_mut().filter(|t| t.action == id && t.is_live()) {
            t.meta.deleted = true;
            t.meta.touch(stamp);
            n += 1;
        }
        Ok(n)
    }

    pub fn move_action(&mut self, id: Id, dir: Move, stamp: Stamp) -> Result<(), EditError> {
        let order: Vec<Id> = self.actions_in_order().iter().map(|a| a.id).collect();
        self.keep_where::<KeyAction>(|a| order.contains(&a.id));
        swap_with_neighbour(&mut self.actions, &order, id, dir, stamp)
    }

    pub fn add_task(&mut self, d: TaskDraft, stamp: Stamp) -> Result<Id, EditError> {
        let order = live(&self.tasks).filter(|t| t.action == d.action).map(|t| t.order).max().unwrap_or(0) + 1;
        let t = Task {
            id: Id::new(),
            action: d.action,
            order,
            title: d.title,
            responsible: d.responsible,
            co_organizers: d.co_organizers,
            person: d.person,
            start: d.start,
            due: d.due,
            plan: String::new(),
            plan_submitted_on: None,
            milestones: vec![],
            targets: vec![],
            closed_on: None,
            meta: Meta::created(stamp),
        };
        let id = t.id;
        self.tasks.push(t);
        if let Err(e) = self.refuse_invalid_task(id) {
            self.tasks.pop();
            return Err(e);
        }
        Ok(id)
    }

    pub fn update_task(&mut self, id: Id, d: TaskDraft, stamp: Stamp) -> Result<(), EditError> {
        let moved = self.task(id).ok_or(EditError::NotFound)?.action != d.action;
        let order = if moved {
            live(&self.tasks).filter(|t| t.action == d.action).map(|t| t.order).max().unwrap_or(0) + 1
        } else {
            self.task(id).map(|t| t.order).unwrap_or(0)
        };
        let before = self.task(id).cloned().ok_or(EditError::NotFound)?;
        self.keep::<Task>(id);
        let t = find_live(&mut self.tasks, id)?;
        (t.action, t.order, t.title, t.responsible, t.co_organizers) = (d.action, order, d.title, d.responsible, d.co_organizers);
        (t.person, t.start, t.due) = (d.person, d.start, d.due);
        if *t == before {
            return Ok(());
        }
        t.meta.touch(stamp);
        if let Err(e) = self.refuse_invalid_task(id) {
            if let Some(t) = self.tasks.iter_mut().find(|t| t.id == id) {
                *t = before;
            }
            return Err(e);
        }
        Ok(())
    }

    pub fn delete_task(&mut self, id: Id, stamp: Stamp) -> Result<(), EditError> {
        let t = self.live_mut::<Task>(id)?;
        t.meta.deleted = true;
        t.meta.touch(stamp);
        Ok(())
    }

    pub fn move_task(&mut self, id: Id, dir: Move, stamp: Stamp) -> Result<(), EditError> {
        let action = self.task(id).ok_or(EditError::NotFound)?.action;
        let order: Vec<Id> = self.tasks_of(action).iter().map(|t| t.id).collect();
        self.keep_where::<Task>(|t| order.contains(&t.id));
        swap_with_neighbour(&mut self.tasks, &order, id, dir, stamp)
    }

    pub fn add_unit(&mut self, name: Text, stamp: Stamp) -> Result<Id, EditError> {
        if name.is_blank() {
            return Err(blank("unit"));
        }
        let name = Text::new(name.zh.trim(), name.en.trim());
        let dup = self.check_unit_name(&name, None);
        if !dup.is_empty() {
            return Err(EditError::Invalid(dup));
        }
        let id = Id::new();
        self.units.push(Unit { id, name, key: None, meta: Meta::created(stamp) });
        Ok(id)
    }

    pub fn rename_unit(&mut self, id: Id, name: Text, stamp: Stamp) -> Result<(), EditError> {
        if name.is_blank() {
            return Err(blank("unit"));
        }
        let name = Text::new(name.zh.trim(), name.en.trim());
        let dup = self.check_unit_name(&name, Some(id));
        if !dup.is_empty() {
            return Err(EditError::Invalid(dup));
        }
        let u = self.live_mut::<Unit>(id)?;
        if u.name != name {
            u.name = name;
            u.meta.touch(stamp);
        }
        Ok(())
    }

    /// The office forgets the key it knows a unit by (a unit that lost its
    /// laptop and its key file): the unit's next signed file pins its new
    /// key. Refused for an unknown unit; nothing happens when no key is pinned.
    pub fn reset_unit_key(&mut self, id: Id, stamp: Stamp) -> Result<(), EditError> {
        find_live(&mut self.units, id)?;
        self.pin_unit_key(id, None, stamp);
        Ok(())
    }

    /// Pin (`Some`) or reset (`None`) the signing key the office knows a
    /// unit by. A reset is for a unit that lost its key: its next signed
    /// file pins the new one. Nothing happens for an unknown unit or when
    /// the key is already that one.
    pub fn pin_unit_key(&mut self, id: Id, key: Option<super::keys::PublicKey>, stamp: Stamp) {
        if let Ok(u) = self.live_mut::<Unit>(id) {
            if u.key != key {
                u.key = key;
                u.meta.touch(stamp);
            }
        }
    }

    /// Refuses, listing where, while the unit is still in use.
    pub fn delete_unit(&mut self, id: Id, stamp: Stamp) -> Result<(), EditError> {
        let usages = self.unit_usages(id);
        if !usages.is_empty() {
            return Err(EditError::InUse(usages));
        }
        let u = self.live_mut::<Unit>(id)?;
        u.meta.deleted = true;
        u.meta.touch(stamp);
        Ok(())
    }

    pub fn add_person(&mut self, name: Text, title: Text, unit: Option<Id>, stamp: Stamp) -> Result<Id, EditError> {
        if name.is_blank() {
            return Err(blank("person"));
        }
        let id = Id::new();
        self.people.push(Person { id, name, title, unit, meta: Meta::created(stamp) });
        Ok(id)
    }

    pub fn update_person(&mut self, id: Id, name: Text, title: Text, unit: Option<Id>, stamp: Stamp) -> Result<(), EditError> {
        if name.is_blank() {
            return Err(blank("person"));
        }
        let p = self.live_mut::<Person>(id)?;
        if (p.name != name) || p.title != title || p.unit != unit {
            (p.name, p.title, p.unit) = (name, title, unit);
            p.meta.touch(stamp);
        }
        Ok(())
    }

    /// Refuses, listing where, while the person is still in use.
    pub fn delete_person(&mut self, id: Id, stamp: Stamp) -> Result<(), EditError> {
        let usages = self.person_usages(id);
        if !usages.is_empty() {
            return Err(EditError::InUse(usages));
        }
        let p = self.live_mut::<Person>(id)?;
        p.meta.deleted = true;
        p.meta.touch(stamp);
        Ok(())
    }

    fn refuse_invalid_task(&self, id: Id) -> Result<(), EditError> {
        let t = self.task(id).ok_or(EditError::NotFound)?;
        let problems = self.check_task(t);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(EditError::Invalid(problems))
        }
    }
}

pub(crate) fn blank(kind: &'static str) -> EditError {
    EditError::Invalid(vec![Invalid::Blank(super::validate::Subject::Record(kind))])
}

pub(crate) fn find_live<T: Record>(items: &mut [T], id: Id) -> Result<&mut T, EditError> {
    items.iter_mut().find(|r| r.id() == id && r.is_live()).ok_or(EditError::NotFound)
}

/// Move `id` one place in `order` (ids in display order) and renumber the
/// sort keys 1..n, touching only the records whose key changed. Renumbering
/// (rather than swapping two keys) also repairs equal keys a merge may leave.
fn swap_with_neighbour<T: Record + Ordered>(items: &mut [T], order: &[Id], id: Id, dir: Move, stamp: Stamp) -> Result<(), EditError> {
    let i = order.iter().position(|x| *x == id).ok_or(EditError::NotFound)?;
    let j = match dir {
        Move::Up if i > 0 => i - 1,
        Move::Down if i + 1 < order.len() => i + 1,
        _ => return Ok(()), // already at the edge: nothing to do
    };
    let mut order = order.to_vec();
    order.swap(i, j);
    for (k, id) in order.iter().enumerate() {
        let key = k as i64 + 1;
        if let Some(r) = items.iter_mut().find(|r| r.id() == *id) {
            if r.order() != key {
                r.set_order(key);
                r.meta_mut().touch(stamp);
            }
        }
    }
    Ok(())
}

/// Records that carry a sort key.
trait Ordered {
    fn order(&self) -> i64;
    fn set_order(&mut self, o: i64);
}

impl Ordered for KeyAction {
    fn order(&self) -> i64 {
        self.order
    }
    fn set_order(&mut self, o: i64) {
        self.order = o;
    }
}

impl Ordered for Task {
    fn order(&self) -> i64 {
        self.order
    }
    fn set_order(&mut self, o: i64) {
        self.order = o;
    }
}
