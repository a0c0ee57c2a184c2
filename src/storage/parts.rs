//! The plan stored in parts, so that a save rewrites only what changed.
//!
//! A city's plan is 1.8 million stored characters, and a one-field edit used
//! to rewrite all of them. Now it is kept under several keys:
//!
//! - `gongjian.plan`, the index: a small JSON object written last — format,
//!   version 2, revision, when, who this browser acts as, and the part of
//!   every slot with the revision it was written at. A reader that finds the
//!   index finds every part it names; a save cut short leaves the previous
//!   index, whose parts are all still there.
//! - `gongjian.part.<name>@<revision>`, one part: JSON, or the compact form
//!   (`compact`) above [`PACK_ABOVE`] characters. The parts are `head` (the
//!   plan's own fields, its units and people), `a:<key action>` (the action,
//!   its tasks and their problems, risks, rulings and instructions),
//!   `r:<key action>:<n>` and `t:<key action>:<n>` (the reports and the
//!   trail of its tasks, [`BLOCK`] to a part, in the order they came),
//!   `l:<list>:<n>` (records of no key action, in blocks too) and `base`
//!   (a unit's last slice). Each part lists, beside its records, where each
//!   stands in its list; the index gives each list's length.
//!
//! Commands never move a record within its list (they append, and order
//! rows by a sort key), so a part keeps the revision it was written at until
//! one of its records changes: a save writes the parts holding what an edit
//! stamped (see [`stamped`]), those whose records moved to another part,
//! and the index. Parts no index
//! names any more — not this one, not the one before it (another tab may be
//! reading it), not a backup's — are removed after the index is written.

use super::compact;
use super::envelope::{Envelope, FORMAT};
use crate::domain::meta::Record;
use crate::domain::{Id, Plan, Stamp};
use crate::exchange::read::{from_text, ReadError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Prefix of every part's key.
pub const KEY_PART: &str = "gongjian.part.";
/// The index's version: 1 was the whole plan under one key.
pub const VERSION: u64 = 2;
/// Parts longer than this (in JSON characters) are stored compactly.
pub const PACK_ABOVE: usize = 16_384;
/// Records of no key action, per part.
pub const BLOCK: usize = 256;

/// The plan's lists that are stored across parts, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum List {
    Actions,
    Tasks,
    Reports,
    Meetings,
    Problems,
    Risks,
    Exemptions,
    Rulings,
    Instructions,
    Trail,
}

impl List {
    pub const ALL: [List; 10] = [
        List::Actions,
        List::Tasks,
        List::Reports,
        List::Meetings,
        List::Problems,
        List::Risks,
        List::Exemptions,
        List::Rulings,
        List::Instructions,
        List::Trail,
    ];

    fn name(self) -> &'static str {
        match self {
            List::Actions => "actions",
            List::Tasks => "tasks",
            List::Reports => "reports",
            List::Meetings => "meetings",
            List::Problems => "problems",
            List::Risks => "risks",
            List::Exemptions => "exemptions",
            List::Rulings => "rulings",
            List::Instructions => "instructions",
            List::Trail => "trail",
        }
    }

    fn parse(s: &str) -> Option<List> {
        List::ALL.into_iter().find(|l| l.name() == s)
    }
}

/// Where a record lives: with a key action, in a block of its action's
/// reports or trail, or in a block of its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Home {
    Action(Id),
    Reports(Id, u32),
    Trail(Id, u32),
    Loose(List, u32),
}

impl Home {
    fn name(self) -> String {
        match self {
            Home::Action(id) => format!("a:{id}"),
            Home::Reports(id, n) => format!("r:{id}:{n}"),
            Home::Trail(id, n) => format!("t:{id}:{n}"),
            Home::Loose(list, n) => format!("l:{}:{n}", list.name()),
        }
    }

    fn parse(s: &str) -> Option<Home> {
        if let Some(id) = s.strip_prefix("a:") {
            return Id::parse(id).map(Home::Action);
        }
        let (kind, rest) = s.split_once(':')?;
        let (first, n) = rest.rsplit_once(':')?;
        let n: u32 = n.parse().ok()?;
        match kind {
            "r" => Some(Home::Reports(Id::parse(first)?, n)),
            "t" => Some(Home::Trail(Id::parse(first)?, n)),
            "l" => Some(Home::Loose(List::parse(first)?, n)),
            _ => None,
        }
    }
}

/// The key a part written at `rev` is stored under.
fn part_key(name: &str, rev: u64) -> String {
    format!("{KEY_PART}{name}@{rev}")
}

/// The home of every record of every list (by position), in `List::ALL`
/// order. A task lives with its key action, and so do its problems, risks,
/// rulings and instructions; its reports and trail in blocks of their
/// action's, counted in the order they came; the rest (and records whose
/// task or action is unknown) in blocks of their list.
fn homes(plan: &Plan) -> Vec<Vec<Home>> {
    let actions: HashSet<Id> = plan.actions.iter().map(|a| a.id).collect();
    let of_task: HashMap<Id, Id> = plan.tasks.iter().filter(|t| actions.contains(&t.action)).map(|t| (t.id, t.action)).collect();
    let by_task = |t: Option<Id>| t.and_then(|t| of_task.get(&t).copied());
    List::ALL
        .iter()
        .map(|&list| {
            let mut loose = 0usize;
            let mut counts: HashMap<Id, usize> = HashMap::new();
            let mut home = |action: Option<Id>| {
                let next = |n: &mut usize| {
                    *n += 1;
                    ((*n - 1) / BLOCK) as u32
                };
                match (action, list) {
                    (Some(a), List::Reports) => Home::Reports(a, next(counts.entry(a).or_default())),
                    (Some(a), List::Trail) => Home::Trail(a, next(counts.entry(a).or_default())),
                    (Some(a), _) => Home::Action(a),
                    (None, _) => Home::Loose(list, next(&mut loose)),
                }
            };
            match list {
                List::Actions => plan.actions.iter().map(|a| home(Some(a.id))).collect(),
                List::Tasks => plan.tasks.iter().map(|t| home(actions.contains(&t.action).then_some(t.action))).collect(),
                List::Reports => plan.reports.iter().map(|r| home(by_task(Some(r.task)))).collect(),
                List::Meetings => plan.meetings.iter().map(|_| home(None)).collect(),
                List::Problems => plan.problems.iter().map(|r| home(by_task(Some(r.task)))).collect(),
                List::Risks => plan.risks.iter().map(|r| home(by_task(Some(r.task)))).collect(),
                List::Exemptions => plan.exemptions.iter().map(|r| home(by_task(r.task))).collect(),
                List::Rulings => plan.rulings.iter().map(|r| home(by_task(Some(r.task)))).collect(),
                List::Instructions => plan.instructions.iter().map(|r| home(by_task(Some(r.task)))).collect(),
                List::Trail => plan.trail.iter().map(|r| home(by_task(r.task))).collect(),
            }
        })
        .collect()
}

/// What a save has to write beyond the index: the parts holding records a
/// command stamped, and everything after a change no command described
/// (an import, another tab's save, a restore).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dirty {
    all: bool,
    head: bool,
    base: bool,
    at: HashSet<(List, usize)>,
}

impl Dirty {
    /// Everything: the next save writes every part.
    pub fn all() -> Dirty {
        Dirty { all: true, ..Dirty::default() }
    }

    /// Add what one command stamped.
    pub fn add(&mut self, s: Stamped) {
        self.head |= s.head;
        self.at.extend(s.at);
    }

    /// The unit's base changed.
    pub fn base(&mut self) {
        self.base = true;
    }

    pub fn is_empty(&self) -> bool {
        !self.all && !self.head && !self.base && self.at.is_empty()
    }
}

/// The records a command stamped (every command stamps what it changes
/// and what it adds, see `domain::meta`): the plan's head (its own fields,
/// units, people) and positions in the lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stamped {
    pub head: bool,
    pub at: Vec<(List, usize)>,
}

/// The records that carry `stamp` (a task also when only one of its
/// milestones or targets does).
pub fn stamped(plan: &Plan, stamp: Stamp) -> Stamped {
    let is = |m: &crate::domain::Meta| m.at == Some(stamp.at) && m.by == stamp.by;
    fn scan<T: Record>(out: &mut Vec<(List, usize)>, list: List, v: &[T], is: &impl Fn(&crate::domain::Meta) -> bool) {
        out.extend(v.iter().enumerate().filter(|(_, r)| is(r.meta())).map(|(i, _)| (list, i)));
    }
    let mut at = Vec::new();
    scan(&mut at, List::Actions, &plan.actions, &is);
    at.extend(
        plan.tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| is(&t.meta) || t.milestones.iter().any(|m| is(&m.meta)) || t.targets.iter().any(|x| is(&x.meta)))
            .map(|(i, _)| (List::Tasks, i)),
    );
    scan(&mut at, List::Reports, &plan.reports, &is);
    scan(&mut at, List::Meetings, &plan.meetings, &is);
    scan(&mut at, List::Problems, &plan.problems, &is);
    scan(&mut at, List::Risks, &plan.risks, &is);
    scan(&mut at, List::Exemptions, &plan.exemptions, &is);
    scan(&mut at, List::Rulings, &plan.rulings, &is);
    scan(&mut at, List::Instructions, &plan.instructions, &is);
    scan(&mut at, List::Trail, &plan.trail, &is);
    let head = is(&plan.meta) || plan.units.iter().any(|u| is(&u.meta)) || plan.people.iter().any(|p| is(&p.meta));
    Stamped { head, at }
}

/// One slot of the index: the part it holds and the revision it was
/// written at.
#[derive(Clone, Debug, PartialEq)]
struct Slot {
    home: Home,
    rev: u64,
}

/// What a stored revision consists of: enough to write the next one
/// without reading anything back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub revision: u64,
    slots: Vec<Option<Slot>>,
    at: HashMap<Home, u16>,
    /// Per list, the slot of each position.
    members: Vec<Vec<u16>>,
    head: u64,
    base: Option<u64>,
}

impl Layout {
    /// Every part key this revision names.
    pub fn keys(&self) -> Vec<String> {
        let mut out: Vec<String> = self.slots.iter().flatten().map(|s| part_key(&s.home.name(), s.rev)).collect();
        out.push(part_key("head", self.head));
        out.extend(self.base.map(|r| part_key("base", r)));
        out
    }
}

/// The index as stored.
#[derive(Serialize, Deserialize)]
struct Index {
    format: String,
    version: u64,
    #[serde(with = "crate::domain::dates::instant")]
    saved_at: DateTime<Utc>,
    revision: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    me: Option<Id>,
    head: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<u64>,
    /// Per list, how many records it has.
    #[serde(default)]
    lens: BTreeMap<String, usize>,
    /// Per slot: the part's name and the revision it was written at.
    parts: Vec<Option<(String, u64)>>,
}

/// A part's records, as written (borrowed) and as read, with where each
/// stands in its list.
#[derive(Default, Serialize)]
struct RecordsOut<'a> {
    at: BTreeMap<&'static str, Vec<usize>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actions: Vec<&'a crate::domain::KeyAction>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tasks: Vec<&'a crate::domain::Task>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reports: Vec<&'a crate::domain::Report>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    meetings: Vec<&'a crate::domain::Meeting>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    problems: Vec<&'a crate::domain::Problem>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    risks: Vec<&'a crate::domain::Risk>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    exemptions: Vec<&'a crate::domain::Exemption>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rulings: Vec<&'a crate::domain::Ruling>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    instructions: Vec<&'a crate::domain::Instruction>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    trail: Vec<&'a crate::domain::TrailEntry>,
}

#[derive(Default, Deserialize)]
struct Records {
    #[serde(default)]
    at: BTreeMap<String, Vec<usize>>,
    #[serde(default)]
    actions: Vec<crate::domain::KeyAction>,
    #[serde(default)]
    tasks: Vec<crate::domain::Task>,
    #[serde(default)]
    reports: Vec<crate::domain::Report>,
    #[serde(default)]
    meetings: Vec<crate::domain::Meeting>,
    #[serde(default)]
    problems: Vec<crate::domain::Problem>,
    #[serde(default)]
    risks: Vec<crate::domain::Risk>,
    #[serde(default)]
    exemptions: Vec<crate::domain::Exemption>,
    #[serde(default)]
    rulings: Vec<crate::domain::Ruling>,
    #[serde(default)]
    instructions: Vec<crate::domain::Instruction>,
    #[serde(default)]
    trail: Vec<crate::domain::TrailEntry>,
}

impl<'a> RecordsOut<'a> {
    fn push(&mut self, plan: &'a Plan, list: List, i: usize) {
        self.at.entry(list.name()).or_default().push(i);
        match list {
            List::Actions => self.actions.push(&plan.actions[i]),
            List::Tasks => self.tasks.push(&plan.tasks[i]),
            List::Reports => self.reports.push(&plan.reports[i]),
            List::Meetings => self.meetings.push(&plan.meetings[i]),
            List::Problems => self.problems.push(&plan.problems[i]),
            List::Risks => self.risks.push(&plan.risks[i]),
            List::Exemptions => self.exemptions.push(&plan.exemptions[i]),
            List::Rulings => self.rulings.push(&plan.rulings[i]),
            List::Instructions => self.instructions.push(&plan.instructions[i]),
            List::Trail => self.trail.push(&plan.trail[i]),
        }
    }
}

/// The text a part is stored as: its JSON, packed when long.
fn stored_text(json: String) -> String {
    if json.len() > PACK_ABOVE {
        compact::pack(&json, 0)
    } else {
        json
    }
}

/// A save to carry out: the parts to write (key, text), then the index,
/// and the layout it leaves.
#[derive(Debug)]
pub struct Write {
    pub parts: Vec<(String, String)>,
    pub index: String,
    pub layout: Layout,
}

impl Write {
    /// Characters written, parts and index (UTF-16 code units, as the
    /// browser counts them).
    pub fn chars(&self) -> usize {
        self.parts.iter().map(|(_, t)| t.encode_utf16().count()).sum::<usize>() + self.index.len()
    }
}

/// What the browser saves: the plan, who it acts as, a unit's base.
pub struct Saving<'a> {
    pub plan: &'a Plan,
    pub me: Option<Id>,
    pub base: Option<&'a Plan>,
}

/// The plan's head: its own fields, units and people (every other list
/// left out: a plan read from it has them empty).
fn head_json(plan: &Plan) -> String {
    #[derive(Serialize)]
    struct HeadOut<'a> {
        id: Id,
        title: &'a crate::domain::Text,
        year: i32,
        #[serde(with = "crate::domain::dates::day")]
        kickoff: chrono::NaiveDate,
        issuing_unit: Option<Id>,
        #[serde(skip_serializing_if = "Option::is_none")]
        office_key: Option<&'a crate::domain::keys::PublicKey>,
        example: bool,
        settings: &'a crate::domain::Settings,
        meta: &'a crate::domain::Meta,
        units: &'a [crate::domain::Unit],
        people: &'a [crate::domain::Person],
        #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        numbers: &'a BTreeMap<Id, String>,
    }
    let h = HeadOut {
        id: plan.id,
        title: &plan.title,
        year: plan.year,
        kickoff: plan.kickoff,
        issuing_unit: plan.issuing_unit,
        office_key: plan.office_key.as_ref(),
        example: plan.example,
        settings: &plan.settings,
        meta: &plan.meta,
        units: &plan.units,
        people: &plan.people,
        numbers: &plan.numbers,
    };
    serde_json::to_string(&h).unwrap_or_default()
}

/// Plan a save at `revision`: which parts to write (those holding what
/// `dirty` names, those whose records moved between parts, all of them
/// when there is no `last` layout or `dirty` says all) and the index.
pub fn write(s: Saving, dirty: &Dirty, last: Option<&Layout>, revision: u64, saved_at: DateTime<Utc>) -> Write {
    let plan = s.plan;
    let all = dirty.all || last.is_none();
    let empty = Layout::default();
    let last = last.unwrap_or(&empty);
    let mut layout = Layout { revision, slots: last.slots.clone(), at: last.at.clone(), ..Layout::default() };
    // Slots: a home keeps its slot; a new home takes the first free one.
    let mut used = vec![false; layout.slots.len()];
    let mut members: Vec<Vec<u16>> = Vec::with_capacity(List::ALL.len());
    for hs in homes(plan) {
        let mut m = Vec::with_capacity(hs.len());
        for h in hs {
            let slot = match layout.at.get(&h) {
                Some(&k) => k,
                None => {
                    let k = layout.slots.iter().position(Option::is_none).unwrap_or_else(|| {
                        layout.slots.push(None);
                        used.push(false);
                        layout.slots.len() - 1
                    });
                    layout.slots[k] = Some(Slot { home: h, rev: 0 });
                    layout.at.insert(h, k as u16);
                    k as u16
                }
            };
            used[slot as usize] = true;
            m.push(slot);
        }
        members.push(m);
    }
    // Which slots to write: every record that moved marks the part it left
    // and the part it joined.
    let mut due = vec![all; layout.slots.len()];
    let mut mark = |slot: u16| {
        if let Some(d) = due.get_mut(slot as usize) {
            *d = true;
        }
    };
    for (l, m) in members.iter().enumerate() {
        let old = last.members.get(l).map(Vec::as_slice).unwrap_or(&[]);
        if old == m.as_slice() {
            continue;
        }
        for i in 0..m.len().max(old.len()) {
            if m.get(i) != old.get(i) {
                m.get(i).into_iter().chain(old.get(i)).for_each(|s| mark(*s));
            }
        }
    }
    for (list, i) in &dirty.at {
        let l = List::ALL.iter().position(|x| x == list).unwrap_or(0);
        if let Some(s) = members[l].get(*i) {
            mark(*s);
        }
    }
    // Gather and write the slots due; a slot left with no record is freed.
    let mut out: HashMap<u16, RecordsOut> = HashMap::new();
    for (l, m) in members.iter().enumerate() {
        for (i, s) in m.iter().enumerate() {
            if due[*s as usize] {
                out.entry(*s).or_default().push(plan, List::ALL[l], i);
            }
        }
    }
    let mut parts = Vec::new();
    for k in 0..layout.slots.len() {
        if !used[k] {
            if let Some(slot) = layout.slots[k].take() {
                layout.at.remove(&slot.home);
            }
            continue;
        }
        let (true, Some(slot)) = (due[k], layout.slots[k].as_mut()) else { continue };
        let json = out.get(&(k as u16)).map(|r| serde_json::to_string(r).unwrap_or_default()).unwrap_or_else(|| "{}".into());
        slot.rev = revision;
        parts.push((part_key(&slot.home.name(), revision), stored_text(json)));
    }
    layout.members = members;
    layout.head = last.head;
    if all || dirty.head || last.head == 0 {
        layout.head = revision;
        parts.push((part_key("head", revision), stored_text(head_json(plan))));
    }
    layout.base = match s.base {
        None => None,
        Some(_) if !all && !dirty.base && last.base.is_some() => last.base,
        Some(b) => {
            parts.push((part_key("base", revision), stored_text(serde_json::to_string(b).unwrap_or_default())));
            Some(revision)
        }
    };
    let index = Index {
        format: FORMAT.into(),
        version: VERSION,
        saved_at,
        revision,
        me: s.me,
        head: layout.head,
        base: layout.base,
        lens: List::ALL.iter().zip(&layout.members).filter(|(_, m)| !m.is_empty()).map(|(l, m)| (l.name().to_string(), m.len())).collect(),
        parts: layout.slots.iter().map(|s| s.as_ref().map(|s| (s.home.name(), s.rev))).collect(),
    };
    Write { parts, index: serde_json::to_string(&index).unwrap_or_default(), layout }
}

/// Whether a stored value is an index of the parted form (of this
/// version: a newer one is refused by name when read).
pub fn is_index(raw: &str) -> bool {
    raw.starts_with("{\"format\":\"gongjian-store\",\"version\":") && !raw.starts_with("{\"format\":\"gongjian-store\",\"version\":1,")
}

/// The part keys an index names (nothing when it is not an index).
pub fn keys_named(index: &str) -> Vec<String> {
    from_text::<Index>(index).map(|i| layout_of(&i).0.keys()).unwrap_or_default()
}

/// The layout an index describes, and the names it holds that are no part.
fn layout_of(i: &Index) -> (Layout, Option<String>) {
    let mut layout = Layout { revision: i.revision, head: i.head, base: i.base, ..Layout::default() };
    let mut bad = None;
    for p in &i.parts {
        let slot = p.as_ref().and_then(|(name, rev)| match Home::parse(name) {
            Some(home) => Some(Slot { home, rev: *rev }),
            None => {
                bad.get_or_insert_with(|| name.clone());
                None
            }
        });
        if let Some(s) = &slot {
            layout.at.insert(s.home, layout.slots.len() as u16);
        }
        layout.slots.push(slot);
    }
    (layout, bad)
}

fn damaged(reason: String) -> ReadError {
    ReadError::Invalid { path: "$".into(), reason }
}

/// Read a stored index and the parts it names (`get` reads a key).
pub fn read(index: &str, get: impl Fn(&str) -> Option<String>) -> Result<(Envelope, Layout), ReadError> {
    // The version first: a newer one is refused by name, before its
    // fields are judged by this version's rules.
    #[derive(Deserialize)]
    struct Probe {
        version: u64,
    }
    let probe: Probe = from_text(index)?;
    if probe.version > VERSION {
        return Err(ReadError::NewerVersion { path: "$.version".into(), found: probe.version, supported: VERSION });
    }
    let i: Index = from_text(index)?;
    let (mut layout, bad) = layout_of(&i);
    if let Some(name) = bad {
        return Err(damaged(format!("the index names a part it cannot place ({name})")));
    }
    let text = |name: &str, rev: u64| -> Result<String, ReadError> {
        let raw = get(&part_key(name, rev))
            .ok_or_else(|| damaged(format!("a part of the stored table is missing (part {name}, saved at revision {rev})")))?;
        if compact::is_packed(&raw) {
            compact::unpack(&raw).map_err(|e| damaged(format!("a part of the stored table is damaged (part {name}): {e}")))
        } else {
            Ok(raw)
        }
    };
    let in_part = |name: &str, e: ReadError| match e {
        ReadError::Invalid { path, reason } => damaged(format!("in part {name} at {path}: {reason}")),
        ReadError::NotJson { line, column, reason } => damaged(format!("part {name} is not JSON (line {line}, column {column}: {reason})")),
        other => other,
    };
    let mut plan: Plan = from_text(&text("head", i.head)?).map_err(|e| in_part("head", e))?;
    let base = match i.base {
        Some(rev) => Some(from_text::<Plan>(&text("base", rev)?).map_err(|e| in_part("base", e))?),
        None => None,
    };
    let mut records: Vec<(u16, Records)> = Vec::with_capacity(layout.slots.len());
    for (k, s) in layout.slots.iter().enumerate() {
        if let Some(s) = s {
            let name = s.home.name();
            records.push((k as u16, from_text::<Records>(&text(&name, s.rev)?).map_err(|e| in_part(&name, e))?));
        }
    }
    let lens: Vec<usize> = List::ALL.iter().map(|l| i.lens.get(l.name()).copied().unwrap_or(0)).collect();
    layout.members = assemble(&mut plan, records, &lens)?;
    let env = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        saved_at: i.saved_at,
        revision: i.revision,
        plan,
        me: i.me,
        base,
        layout: None,
    };
    Ok((env, layout))
}

/// Put every record where its part says it stands; every place of every
/// list must be filled exactly once. Returns the slot of each position.
fn assemble(plan: &mut Plan, records: Vec<(u16, Records)>, lens: &[usize]) -> Result<Vec<Vec<u16>>, ReadError> {
    struct Lists {
        members: Vec<Vec<u16>>,
    }
    impl Lists {
        fn place<T>(
            &mut self,
            l: usize,
            into: &mut [Option<T>],
            slot: u16,
            at: Option<&Vec<usize>>,
            items: Vec<T>,
        ) -> Result<(), ReadError> {
            let list = List::ALL[l].name();
            let at = at.map(Vec::as_slice).unwrap_or(&[]);
            if at.len() != items.len() {
                return Err(damaged(format!("a part holds {} {list} but places {}", items.len(), at.len())));
            }
            for (i, x) in at.iter().zip(items) {
                match into.get_mut(*i) {
                    Some(place @ None) => {
                        *place = Some(x);
                        self.members[l][*i] = slot;
                    }
                    Some(Some(_)) => return Err(damaged(format!("two parts place a record at {list} {i}"))),
                    None => return Err(damaged(format!("a part places a record at {list} {i}, beyond the list's end"))),
                }
            }
            Ok(())
        }
    }
    fn done<T>(list: List, v: Vec<Option<T>>) -> Result<Vec<T>, ReadError> {
        let n = v.len();
        v.into_iter()
            .collect::<Option<Vec<T>>>()
            .ok_or_else(|| damaged(format!("the stored {} are fewer than the {n} the index counts", list.name())))
    }
    let mut lists = Lists { members: lens.iter().map(|n| vec![u16::MAX; *n]).collect() };
    let mut actions = Vec::new();
    actions.resize_with(lens[0], || None);
    let mut tasks = Vec::new();
    tasks.resize_with(lens[1], || None);
    let mut reports = Vec::new();
    reports.resize_with(lens[2], || None);
    let mut meetings = Vec::new();
    meetings.resize_with(lens[3], || None);
    let mut problems = Vec::new();
    problems.resize_with(lens[4], || None);
    let mut risks = Vec::new();
    risks.resize_with(lens[5], || None);
    let mut exemptions = Vec::new();
    exemptions.resize_with(lens[6], || None);
    let mut rulings = Vec::new();
    rulings.resize_with(lens[7], || None);
    let mut instructions = Vec::new();
    instructions.resize_with(lens[8], || None);
    let mut trail = Vec::new();
    trail.resize_with(lens[9], || None);
    for (slot, r) in records {
        let at = |l: List| r.at.get(l.name());
        lists.place(0, &mut actions, slot, at(List::Actions), r.actions)?;
        lists.place(1, &mut tasks, slot, at(List::Tasks), r.tasks)?;
        lists.place(2, &mut reports, slot, at(List::Reports), r.reports)?;
        lists.place(3, &mut meetings, slot, at(List::Meetings), r.meetings)?;
        lists.place(4, &mut problems, slot, at(List::Problems), r.problems)?;
        lists.place(5, &mut risks, slot, at(List::Risks), r.risks)?;
        lists.place(6, &mut exemptions, slot, at(List::Exemptions), r.exemptions)?;
        lists.place(7, &mut rulings, slot, at(List::Rulings), r.rulings)?;
        lists.place(8, &mut instructions, slot, at(List::Instructions), r.instructions)?;
        lists.place(9, &mut trail, slot, at(List::Trail), r.trail)?;
    }
    plan.actions = done(List::Actions, actions)?;
    plan.tasks = done(List::Tasks, tasks)?;
    plan.reports = done(List::Reports, reports)?;
    plan.meetings = done(List::Meetings, meetings)?;
    plan.problems = done(List::Problems, problems)?;
    plan.risks = done(List::Risks, risks)?;
    plan.exemptions = done(List::Exemptions, exemptions)?;
    plan.rulings = done(List::Rulings, rulings)?;
    plan.instructions = done(List::Instructions, instructions)?;
    plan.trail = done(List::Trail, trail)?;
    Ok(lists.members)
}

/// The part keys to remove: every part key present that none of `keep`
/// (the layouts and index texts still in use) names.
pub fn garbage<'a>(present: impl IntoIterator<Item = &'a String>, keep: &[Vec<String>]) -> Vec<String> {
    let live: HashSet<&str> = keep.iter().flatten().map(String::as_str).collect();
    present.into_iter().filter(|k| k.starts_with(KEY_PART) && !live.contains(k.as_str())).cloned().collect()
}

/// An unreadable index with the parts present, kept as one text (a JSON
/// object of key → stored text) so that nothing of it is lost.
pub fn bundle<'a>(index: &str, parts: impl IntoIterator<Item = (&'a String, String)>) -> String {
    let mut m = serde_json::Map::new();
    m.insert(super::envelope::KEY_PLAN.into(), index.into());
    for (k, v) in parts {
        m.insert(k.clone(), v.into());
    }
    serde_json::Value::Object(m).to_string()
}

#[cfg(test)]
#[path = "parts_tests.rs"]
mod tests;
