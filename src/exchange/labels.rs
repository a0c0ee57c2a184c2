//! Labels for people ("9.2 title", "9.2 · milestone", a name, a date) of the
//! records an import or a trail lists. Looking each record up afresh made a
//! preview of 30,000 records quadratic (a linear search and a renumbering
//! per label); `Labels` indexes both plans once and then names any record
//! in constant time.

use super::merge::{Key, RecordKind};
use crate::domain::{Id, Plan, Task, Text};
use std::collections::HashMap;

/// Both plans indexed for naming their records; the file's (incoming)
/// version of a record is named first, then the table's.
pub struct Labels<'a> {
    sides: [Side<'a>; 2],
    /// Task numbers, the table's first.
    numbers: HashMap<Id, String>,
    /// Tasks by id, the table's first.
    tasks: HashMap<Id, &'a Task>,
}

/// One plan's records by kind and id (their index in the plan's list).
struct Side<'a> {
    plan: &'a Plan,
    at: HashMap<(RecordKind, Id), usize>,
}

impl<'a> Side<'a> {
    fn new(plan: &'a Plan) -> Self {
        let mut at = HashMap::new();
        for (k, i, _) in super::fields::positions(plan) {
            // The first record of an id names it (as a search would find it).
            at.entry((k.kind, k.id)).or_insert(i);
        }
        Side { plan, at }
    }

    fn index(&self, kind: RecordKind, id: Id) -> Option<usize> {
        self.at.get(&(kind, id)).copied()
    }
}

impl<'a> Labels<'a> {
    pub fn new(local: &'a Plan, incoming: &'a Plan) -> Self {
        // The table's numbers win over the file's.
        let mut n = incoming.task_numbers();
        n.extend(local.task_numbers());
        let mut tasks = HashMap::new();
        for t in local.tasks.iter().chain(&incoming.tasks) {
            tasks.entry(t.id).or_insert(t);
        }
        Labels { sides: [Side::new(incoming), Side::new(local)], numbers: n, tasks }
    }

    fn task_label(&self, id: Id) -> Text {
        let n = self.numbers.get(&id).cloned().unwrap_or_default();
        match self.tasks.get(&id) {
            Some(t) => Text { zh: format!("{n} {}", t.title.zh).trim().into(), en: format!("{n} {}", t.title.en).trim().into() },
            None => Text { zh: n.clone(), en: n },
        }
    }

    /// The label of one record.
    pub fn label(&self, key: Key) -> Text {
        self.sides.iter().find_map(|s| self.on(s, key)).unwrap_or_else(|| plain(key.id.to_string()))
    }

    fn on(&self, side: &Side, key: Key) -> Option<Text> {
        use RecordKind as K;
        let p = side.plan;
        let i = || side.index(key.kind, key.id);
        Some(match key.kind {
            K::Plan => p.title.clone(),
            K::Unit => p.units[i()?].name.clone(),
            K::Person => p.people[i()?].name.clone(),
            K::Action => p.actions[i()?].title.clone(),
            K::Task => self.task_label(key.id),
            K::Milestone | K::Target => {
                let t = self.tasks.get(&key.parent?)?;
                let name = if key.kind == K::Milestone {
                    t.milestones.iter().find(|m| m.id == key.id)?.title.clone()
                } else {
                    t.targets.iter().find(|m| m.id == key.id)?.name.clone()
                };
                with(self.task_label(t.id), &name)
            }
            K::Report => {
                let r = &p.reports[i()?];
                with(self.task_label(r.task), &plain(r.date.to_string()))
            }
            K::Meeting => plain(p.meetings[i()?].date.to_string()),
            K::Problem => {
                let r = &p.problems[i()?];
                with(self.task_label(r.task), &plain(r.description.chars().take(40).collect()))
            }
            K::Risk => {
                let r = &p.risks[i()?];
                with(self.task_label(r.task), &plain(r.description.chars().take(40).collect()))
            }
            K::Exemption => p.exemptions[i()?].reason.clone(),
            K::Trail => {
                let r = &p.trail[i()?];
                plain(format!("{} · {}", r.kind, r.field))
            }
        })
    }
}

fn with(a: Text, b: &Text) -> Text {
    Text { zh: format!("{} · {}", a.zh, b.zh), en: format!("{} · {}", a.en, b.en) }
}

fn plain(s: String) -> Text {
    Text { zh: s.clone(), en: s }
}
