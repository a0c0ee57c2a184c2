//! What a command changed, as the command itself reached for it.
//!
//! A command that changes a record first keeps a copy of it as it was
//! ([`Plan::keep`], or [`Plan::live_mut`], which keeps the record and hands
//! it out); whatever it adds follows the lists' lengths from before. The
//! change trail, the ownership check and the save are built from this
//! journal, not from a copy of the whole plan, so that what one change costs
//! follows the change and not the plan's size. [`Plan::run`] keeps the
//! journal for one command.

use super::edit::{find_live, EditError};
use super::meta::Record;
use super::{
    Exemption, Id, Instruction, KeyAction, Meeting, Meta, Person, Plan, Problem, Report, Risk, Ruling, Settings, Task, Text, Unit,
};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// A record as it was before the command changed it.
#[derive(Clone, Debug, PartialEq)]
pub enum Was {
    Unit(Unit),
    Person(Person),
    Action(KeyAction),
    Task(Task),
    Report(Report),
    Meeting(Meeting),
    Problem(Problem),
    Risk(Risk),
    Exemption(Exemption),
    Ruling(Ruling),
    Instruction(Instruction),
}

/// The plan's own fields as they were.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadWas {
    pub title: Text,
    pub year: i32,
    pub kickoff: NaiveDate,
    pub issuing_unit: Option<Id>,
    pub office_key: Option<super::keys::PublicKey>,
    pub example: bool,
    pub settings: Settings,
    pub meta: Meta,
    pub numbers: BTreeMap<Id, String>,
}

impl HeadWas {
    fn of(p: &Plan) -> HeadWas {
        HeadWas {
            title: p.title.clone(),
            year: p.year,
            kickoff: p.kickoff,
            issuing_unit: p.issuing_unit,
            office_key: p.office_key.clone(),
            example: p.example,
            settings: p.settings.clone(),
            meta: p.meta.clone(),
            numbers: p.numbers.clone(),
        }
    }

    fn put_back(self, p: &mut Plan) {
        p.title = self.title;
        p.year = self.year;
        p.kickoff = self.kickoff;
        p.issuing_unit = self.issuing_unit;
        p.office_key = self.office_key;
        p.example = self.example;
        p.settings = self.settings;
        p.meta = self.meta;
        p.numbers = self.numbers;
    }
}

/// How long each of the plan's lists was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lens {
    pub units: usize,
    pub people: usize,
    pub actions: usize,
    pub tasks: usize,
    pub reports: usize,
    pub meetings: usize,
    pub problems: usize,
    pub risks: usize,
    pub exemptions: usize,
    pub rulings: usize,
    pub instructions: usize,
    pub trail: usize,
}

impl Lens {
    pub fn of(p: &Plan) -> Lens {
        Lens {
            units: p.units.len(),
            people: p.people.len(),
            actions: p.actions.len(),
            tasks: p.tasks.len(),
            reports: p.reports.len(),
            meetings: p.meetings.len(),
            problems: p.problems.len(),
            risks: p.risks.len(),
            exemptions: p.exemptions.len(),
            rulings: p.rulings.len(),
            instructions: p.instructions.len(),
            trail: p.trail.len(),
        }
    }
}

/// What one command changed: the records it kept as they were, the head
/// as it was when it changed it, and the lists' lengths before it ran.
/// Not part of the plan's value: a copy of a plan starts with no journal,
/// and two plans compare alike whatever their journals.
#[derive(Debug, Default)]
pub struct Journal {
    on: bool,
    pub was: Vec<Was>,
    pub head: Option<Box<HeadWas>>,
    pub lens: Lens,
    kept: HashSet<(u8, Id)>,
}

impl Clone for Journal {
    fn clone(&self) -> Self {
        Journal::default()
    }
}

impl PartialEq for Journal {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A kind of record a command may change in place.
pub trait Kept: Record + Clone + PartialEq + Sized {
    /// Tells the kinds apart in the journal.
    const KIND: u8;
    fn list(p: &Plan) -> &Vec<Self>;
    fn list_mut(p: &mut Plan) -> &mut Vec<Self>;
    fn len(l: &Lens) -> usize;
    fn was(self) -> Was;
    fn from_was(w: &Was) -> Option<&Self>;
}

macro_rules! kept {
    ($($t:ty => $k:literal, $field:ident, $var:ident;)+) => {$(
        impl Kept for $t {
            const KIND: u8 = $k;
            fn list(p: &Plan) -> &Vec<Self> { &p.$field }
            fn list_mut(p: &mut Plan) -> &mut Vec<Self> { &mut p.$field }
            fn len(l: &Lens) -> usize { l.$field }
            fn was(self) -> Was { Was::$var(self) }
            fn from_was(w: &Was) -> Option<&Self> {
                match w {
                    Was::$var(x) => Some(x),
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }
    )+};
}

kept! {
    Unit => 0, units, Unit;
    Person => 1, people, Person;
    KeyAction => 2, actions, Action;
    Task => 3, tasks, Task;
    Report => 4, reports, Report;
    Meeting => 5, meetings, Meeting;
    Problem => 6, problems, Problem;
    Risk => 7, risks, Risk;
    Exemption => 8, exemptions, Exemption;
    Ruling => 9, rulings, Ruling;
    Instruction => 10, instructions, Instruction;
}

impl Plan {
    /// Run one command, keeping its journal: what it changed and added.
    pub fn run<R>(&mut self, f: impl FnOnce(&mut Plan) -> R) -> (R, Journal) {
        self.journal = Journal { on: true, lens: Lens::of(self), ..Journal::default() };
        let r = f(self);
        (r, std::mem::take(&mut self.journal))
    }

    /// Before changing record `id` of its list in place: keep it as it was
    /// (once per command, and only a record that was there before it ran).
    pub fn keep<T: Kept>(&mut self, id: Id) {
        if !self.journal.on || self.journal.kept.contains(&(T::KIND, id)) {
            return;
        }
        let old = T::len(&self.journal.lens);
        if let Some(r) = T::list(self).iter().take(old).find(|r| r.id() == id) {
            let was = r.clone().was();
            self.journal.was.push(was);
            self.journal.kept.insert((T::KIND, id));
        }
    }

    /// Before changing every record of a list that `pick` picks: keep them.
    pub fn keep_where<T: Kept>(&mut self, pick: impl Fn(&T) -> bool) {
        if !self.journal.on {
            return;
        }
        let ids: Vec<Id> = T::list(self).iter().filter(|r| pick(r)).map(Record::id).collect();
        for id in ids {
            self.keep::<T>(id);
        }
    }

    /// Before changing the plan's own fields: keep them.
    pub fn keep_head(&mut self) {
        if self.journal.on && self.journal.head.is_none() {
            self.journal.head = Some(Box::new(HeadWas::of(self)));
        }
    }

    /// The live record `id`, to change: kept first.
    pub fn live_mut<T: Kept>(&mut self, id: Id) -> Result<&mut T, EditError> {
        self.keep::<T>(id);
        find_live(T::list_mut(self), id)
    }
}

impl Journal {
    /// Whether the command left the plan otherwise than it found it.
    pub fn changed(&self, p: &Plan) -> bool {
        fn differs<T: Kept>(p: &Plan, was: &T) -> bool {
            T::list(p).iter().find(|r| r.id() == was.id()) != Some(was)
        }
        Lens::of(p) != self.lens
            || self.head.as_deref().is_some_and(|h| *h != HeadWas::of(p))
            || self.was.iter().any(|w| match w {
                Was::Unit(x) => differs(p, x),
                Was::Person(x) => differs(p, x),
                Was::Action(x) => differs(p, x),
                Was::Task(x) => differs(p, x),
                Was::Report(x) => differs(p, x),
                Was::Meeting(x) => differs(p, x),
                Was::Problem(x) => differs(p, x),
                Was::Risk(x) => differs(p, x),
                Was::Exemption(x) => differs(p, x),
                Was::Ruling(x) => differs(p, x),
                Was::Instruction(x) => differs(p, x),
            })
    }

    /// Put the plan back as it was before the command.
    pub fn undo(self, p: &mut Plan) {
        fn put<T: Kept>(p: &mut Plan, was: T) {
            if let Some(r) = T::list_mut(p).iter_mut().find(|r| r.id() == was.id()) {
                *r = was;
            }
        }
        let l = self.lens;
        p.units.truncate(l.units);
        p.people.truncate(l.people);
        p.actions.truncate(l.actions);
        p.tasks.truncate(l.tasks);
        p.reports.truncate(l.reports);
        p.meetings.truncate(l.meetings);
        p.problems.truncate(l.problems);
        p.risks.truncate(l.risks);
        p.exemptions.truncate(l.exemptions);
        p.rulings.truncate(l.rulings);
        p.instructions.truncate(l.instructions);
        p.trail.truncate(l.trail);
        for w in self.was {
            match w {
                Was::Unit(x) => put(p, x),
                Was::Person(x) => put(p, x),
                Was::Action(x) => put(p, x),
                Was::Task(x) => put(p, x),
                Was::Report(x) => put(p, x),
                Was::Meeting(x) => put(p, x),
                Was::Problem(x) => put(p, x),
                Was::Risk(x) => put(p, x),
                Was::Exemption(x) => put(p, x),
                Was::Ruling(x) => put(p, x),
                Was::Instruction(x) => put(p, x),
            }
        }
        if let Some(h) = self.head {
            h.put_back(p);
        }
    }

    /// The task as it was, when the command kept it.
    pub fn task(&self, id: Id) -> Option<&Task> {
        self.was.iter().find_map(|w| match w {
            Was::Task(t) if t.id == id => Some(t),
            _ => None,
        })
    }
}
