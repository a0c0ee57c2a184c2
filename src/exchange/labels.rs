//! Labels for people of the records an import or the change trail lists,
//! and their fields' values in words: "3.1 · 节点「完成选址」", "具体任务 7.1
//! 「东门步行街升级改造」", a unit by its name, a report by its task, unit
//! and date. No label and no value ever falls back to an id: a reference
//! to a record that is in neither plan reads "已删除的任务" / "a deleted task".
//!
//! Looking each record up afresh made a preview of 30,000 records quadratic
//! (a linear search and a renumbering per label); `Labels` indexes both
//! plans once and then names any record in constant time.

use super::merge::{Key, RecordKind};
use super::words::{self, field_label, kind_name, kind_title, missing};
use crate::domain::{Id, Lang, Milestone, Plan, Target, Task, Text};
use serde_json::Value;
use std::collections::HashMap;

/// Both plans indexed for naming their records; the file's (incoming)
/// version of a record is named first, then the table's.
pub struct Labels<'a> {
    sides: [Side<'a>; 2],
    /// Task numbers, the table's first.
    numbers: HashMap<Id, String>,
    /// Key action numbers, the table's first.
    actions: HashMap<Id, usize>,
    /// Tasks by id, the table's first.
    tasks: HashMap<Id, &'a Task>,
    /// The task each milestone and target belongs to.
    parents: HashMap<Id, (RecordKind, Id)>,
    /// Milestones and targets by id, the file's first: a milestone a unit
    /// added exists only in the file's copy of its task.
    milestones: HashMap<Id, &'a Milestone>,
    targets: HashMap<Id, &'a Target>,
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

/// Quotes around a name: 「…」 in Chinese, “…” in English.
fn quoted(l: Lang, s: &str) -> String {
    match l {
        Lang::Zh => format!("「{s}」"),
        Lang::En => format!("“{s}”"),
    }
}

/// The first words of a free text (at most 20 characters, then "…").
fn first_words(s: &str) -> String {
    let s = s.trim();
    let line = s.lines().next().unwrap_or_default();
    let short: String = line.chars().take(20).collect();
    if short.chars().count() < s.chars().count() {
        format!("{short}…")
    } else {
        short
    }
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text { zh: f(Lang::Zh), en: f(Lang::En) }
}

impl<'a> Labels<'a> {
    pub fn new(local: &'a Plan, incoming: &'a Plan) -> Self {
        // The table's numbers win over the file's.
        let mut numbers = incoming.task_numbers();
        numbers.extend(local.task_numbers());
        let mut actions = HashMap::new();
        for p in [local, incoming] {
            for (i, a) in p.actions_in_order().into_iter().enumerate() {
                actions.entry(a.id).or_insert(p.action_no(a.id, i));
            }
        }
        let mut tasks = HashMap::new();
        let mut parents = HashMap::new();
        for t in local.tasks.iter().chain(&incoming.tasks) {
            tasks.entry(t.id).or_insert(t);
            for m in &t.milestones {
                parents.entry(m.id).or_insert((RecordKind::Milestone, t.id));
            }
            for x in &t.targets {
                parents.entry(x.id).or_insert((RecordKind::Target, t.id));
            }
        }
        let (mut milestones, mut targets) = (HashMap::new(), HashMap::new());
        for t in incoming.tasks.iter().chain(&local.tasks) {
            for m in &t.milestones {
                milestones.entry(m.id).or_insert(m);
            }
            for x in &t.targets {
                targets.entry(x.id).or_insert(x);
            }
        }
        Labels { sides: [Side::new(incoming), Side::new(local)], numbers, actions, tasks, parents, milestones, targets }
    }

    /// One plan's labels (the change trail names the table's own records).
    pub fn of(plan: &'a Plan) -> Self {
        Labels::new(plan, plan)
    }

    /// A task as its records refer to it: its number ("7.1"), or, when the
    /// table does not number it, "具体任务「title」"; never its id.
    fn task_ref(&self, id: Id, l: Lang) -> String {
        match (self.numbers.get(&id), self.tasks.get(&id)) {
            (Some(n), _) => n.clone(),
            (None, Some(t)) => {
                format!("{}{}{}", kind_title(RecordKind::Task, l), if l == Lang::Zh { "" } else { " " }, quoted(l, t.title.get(l)))
            }
            (None, None) => missing(RecordKind::Task, l),
        }
    }

    /// The name of a unit, person, action or task by id, looked up in both plans.
    fn name_of(&self, kind: RecordKind, id: Id, l: Lang) -> Option<String> {
        use RecordKind as K;
        self.sides.iter().find_map(|s| {
            let p = s.plan;
            let i = s.index(kind, id)?;
            Some(match kind {
                K::Unit => p.units[i].name.get(l).to_string(),
                K::Person => p.people[i].name.get(l).to_string(),
                K::Action => p.actions[i].title.get(l).to_string(),
                K::Task => p.tasks[i].title.get(l).to_string(),
                _ => return None,
            })
        })
    }

    fn unit_name(&self, id: Id, l: Lang) -> String {
        self.name_of(RecordKind::Unit, id, l).unwrap_or_else(|| missing(RecordKind::Unit, l))
    }

    /// The record itself, named within a sentence: "节点「完成选址」",
    /// "milestone “Design”" (`cap`: "Milestone “Design”").
    fn named(&self, key: Key, l: Lang, cap: bool) -> Option<String> {
        if key.kind == RecordKind::Trail {
            let kind = if cap { kind_title(key.kind, l) } else { kind_name(key.kind, l).to_string() };
            return self.sides.iter().find_map(|side| {
                let e = &side.plan.trail[side.index(key.kind, key.id)?];
                let what = self.trail_subject(e, l);
                let field = if e.field.is_empty() { String::new() } else { format!(" · {}", self.trail_field(e, l)) };
                Some(format!("{kind}{}{what}{field}", if l == Lang::Zh { "：" } else { ": " }))
            });
        }
        self.named_record(key, l, cap)
    }

    /// [`Self::named`] for every kind but a trail entry: what the change
    /// trail names (at every edit, so it stays out of the words of fields).
    fn named_record(&self, key: Key, l: Lang, cap: bool) -> Option<String> {
        use RecordKind as K;
        let kind = if cap { kind_title(key.kind, l) } else { kind_name(key.kind, l).to_string() };
        let sp = if l == Lang::Zh { "" } else { " " };
        let q = |s: &str| format!("{kind}{sp}{}", quoted(l, s));
        if matches!(key.kind, K::Milestone | K::Target) {
            return Some(if key.kind == K::Milestone {
                q(self.milestones.get(&key.id)?.title.get(l))
            } else {
                q(self.targets.get(&key.id)?.name.get(l))
            });
        }
        self.sides.iter().find_map(|side| {
            let p = side.plan;
            let i = || side.index(key.kind, key.id);
            Some(match key.kind {
                K::Plan => q(p.title.get(l)),
                K::Unit => q(p.units[i()?].name.get(l)),
                K::Person => q(p.people[i()?].name.get(l)),
                K::Action => {
                    let a = &p.actions[i()?];
                    match self.actions.get(&a.id) {
                        Some(n) => format!("{kind} {n}{sp}{}", quoted(l, a.title.get(l))),
                        None => q(a.title.get(l)),
                    }
                }
                K::Task => {
                    let t = &p.tasks[i()?];
                    match self.numbers.get(&t.id) {
                        Some(n) => format!("{kind} {n}{sp}{}", quoted(l, t.title.get(l))),
                        None => q(t.title.get(l)),
                    }
                }
                K::Milestone | K::Target => return None,
                K::Report => {
                    let r = &p.reports[i()?];
                    let unit = self.unit_name(r.unit, l);
                    match l {
                        Lang::Zh => format!("{unit} {} {kind}", r.date),
                        Lang::En => format!("{kind} by {unit}, {}", r.date),
                    }
                }
                K::Meeting => {
                    let m = &p.meetings[i()?];
                    let what = words::meeting_kind(m.kind, l);
                    match l {
                        Lang::Zh => format!("{} {what}", m.date),
                        Lang::En if cap => format!("{what}, {}", m.date),
                        Lang::En => format!("{}, {}", what.to_ascii_lowercase(), m.date),
                    }
                }
                K::Problem => q(&first_words(&p.problems[i()?].description)),
                K::Risk => q(&first_words(&p.risks[i()?].description)),
                K::Exemption => {
                    let x = &p.exemptions[i()?];
                    let (reason, unit) = (q(&first_words(x.reason.get(l))), self.unit_name(x.unit, l));
                    match l {
                        Lang::Zh => format!("{reason}（{unit}）"),
                        Lang::En => format!("{reason} ({unit})"),
                    }
                }
                K::Ruling => {
                    let r = &p.rulings[i()?];
                    match l {
                        Lang::Zh => format!("{} {kind}", r.on),
                        Lang::En if cap => format!("{kind}, {}", r.on),
                        Lang::En => format!("{kind}, {}", r.on),
                    }
                }
                K::Instruction => q(&first_words(&p.instructions[i()?].text)),
                K::Trail => return None,
            })
        })
    }

    /// The task a record sits on, for its label's context.
    fn task_of(&self, key: Key) -> Option<Option<Id>> {
        use RecordKind as K;
        Some(match key.kind {
            K::Milestone | K::Target => Some(key.parent.or_else(|| self.parents.get(&key.id).map(|p| p.1))?),
            K::Report | K::Problem | K::Risk | K::Ruling | K::Instruction => self.sides.iter().find_map(|s| {
                let i = s.index(key.kind, key.id)?;
                Some(match key.kind {
                    K::Report => s.plan.reports[i].task,
                    K::Problem => s.plan.problems[i].task,
                    K::Ruling => s.plan.rulings[i].task,
                    K::Instruction => s.plan.instructions[i].task,
                    _ => s.plan.risks[i].task,
                })
            }),
            _ => None,
        })
    }

    /// The label of one record in `l`: "3.1 · 节点「完成选址」",
    /// "Task 7.1 “Upgrading …”", "Unit “Dongmen Sub-district”".
    pub fn label_in(&self, key: Key, l: Lang) -> String {
        let name = self.named(key, l, true);
        self.framed(key, name, l)
    }

    /// The label of one record, in both languages.
    pub fn label(&self, key: Key) -> Text {
        both(|l| self.label_in(key, l))
    }

    /// The label of a record that is not a trail entry, in both languages:
    /// how the change trail names what a change added or refused.
    pub fn record_label(&self, key: Key) -> Text {
        both(|l| {
            let name = self.named_record(key, l, true);
            self.framed(key, name, l)
        })
    }

    /// A record's name with its task's number in front; a record that is
    /// gone is named in words.
    fn framed(&self, key: Key, name: Option<String>, l: Lang) -> String {
        let name = name.unwrap_or_else(|| {
            let m = missing(key.kind, l);
            let mut c = m.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        });
        match self.task_of(key).flatten() {
            Some(t) => format!("{} · {name}", self.task_ref(t, l)),
            None => name,
        }
    }

    /// The record a trail entry is about, named.
    fn trail_subject(&self, e: &crate::domain::TrailEntry, l: Lang) -> String {
        let Some(kind) = RecordKind::parse(&e.kind) else { return words::pick_record(l) };
        let key =
            Key { kind, id: e.record, parent: if matches!(kind, RecordKind::Milestone | RecordKind::Target) { e.task } else { None } };
        match self.task_of(key).flatten() {
            Some(t) if kind != RecordKind::Task => {
                format!("{} · {}", self.task_ref(t, l), self.named(key, l, false).unwrap_or_else(|| missing(kind, l)))
            }
            _ => self.named(key, l, false).unwrap_or_else(|| missing(kind, l)),
        }
    }

    fn trail_field(&self, e: &crate::domain::TrailEntry, l: Lang) -> String {
        let kind = RecordKind::parse(&e.kind).unwrap_or(RecordKind::Trail);
        field_label(kind, &e.field, l).to_string()
    }

    /// A trail entry's two columns as a person reads them: the record it
    /// changed ("3.1 · 节点「完成选址」") and what happened to it ("完成时限：
    /// 2022-07-03 → 2022-07-10", "删除节点「完成选址」", "新增节点「…」").
    pub fn trail_entry(&self, e: &crate::domain::TrailEntry, l: Lang) -> (String, String) {
        let Some(kind) = RecordKind::parse(&e.kind) else { return (words::pick_record(l), String::new()) };
        let parent = if matches!(kind, RecordKind::Milestone | RecordKind::Target) { e.task } else { None };
        let key = Key { kind, id: e.record, parent };
        (self.label_in(key, l), self.change(key, &e.field, &e.old, &e.new, l))
    }

    /// What a change of `field` from `old` to `new` does to the record of
    /// `key`, without the record's label: "完成时限：2022-07-03 → 2022-07-10",
    /// "删除节点「完成选址」", "顺序调整"; `field` empty: the record was added.
    pub fn change(&self, key: Key, field: &str, old: &Value, new: &Value, l: Lang) -> String {
        let named = || self.named(key, l, false).unwrap_or_else(|| missing(key.kind, l));
        let zh = l == Lang::Zh;
        match field {
            "" => {
                if zh {
                    format!("新增{}", named())
                } else {
                    format!("Added {}", named())
                }
            }
            "deleted" => match (new.as_bool().unwrap_or(false), zh) {
                (true, true) => format!("删除{}", named()),
                (true, false) => format!("Deleted {}", named()),
                (false, true) => format!("恢复{}", named()),
                (false, false) => format!("Restored {}", named()),
            },
            "order" => (if zh { "顺序调整" } else { "Order changed" }).into(),
            "numbers" | "id" | "meta" => (if zh { "编号调整" } else { "Numbering changed" }).into(),
            _ => match (old, new) {
                (Value::Object(a), Value::Object(b)) if !is_text(old) && !is_text(new) => {
                    let mut parts = Vec::new();
                    self.object_diff(key.kind, field_label(key.kind, field, l), a, b, l, &mut parts);
                    if parts.is_empty() {
                        field_label(key.kind, field, l).to_string()
                    } else {
                        parts.join(if zh { "；" } else { "; " })
                    }
                }
                _ => format!(
                    "{}{}{} → {}",
                    field_label(key.kind, field, l),
                    if zh { "：" } else { ": " },
                    self.value(key.kind, field, old, l),
                    self.value(key.kind, field, new, l)
                ),
            },
        }
    }

    /// The sub-fields of an object (the plan's settings) that differ.
    fn object_diff(
        &self,
        kind: RecordKind,
        prefix: &str,
        a: &serde_json::Map<String, Value>,
        b: &serde_json::Map<String, Value>,
        l: Lang,
        out: &mut Vec<String>,
    ) {
        let colon = if l == Lang::Zh { "：" } else { ": " };
        for (k, new) in b {
            let old = a.get(k).unwrap_or(&Value::Null);
            if old == new {
                continue;
            }
            let label = format!("{prefix} · {}", field_label(kind, k, l));
            match (old, new) {
                (Value::Object(x), Value::Object(y)) if !is_text(old) => self.object_diff(kind, &label, x, y, l, out),
                _ => out.push(format!("{label}{colon}{} → {}", self.value(kind, k, old, l), self.value(kind, k, new, l))),
            }
        }
    }

    /// One whole line of an import preview: "3.1 · 节点「完成选址」 · 完成时限：
    /// 2022-07-03 → 2022-07-10"; a deletion reads "删除节点「完成选址」（3.1）".
    pub fn line(&self, key: Key, field: &str, old: &Value, new: &Value, l: Lang) -> String {
        if field == "deleted" {
            let what = self.change(key, field, old, new, l);
            return match self.task_of(key).flatten() {
                Some(t) if l == Lang::Zh => format!("{what}（{}）", self.task_ref(t, l)),
                Some(t) => format!("{what} ({})", self.task_ref(t, l)),
                None => what,
            };
        }
        format!("{} · {}", self.label_in(key, l), self.change(key, field, old, new, l))
    }

    /// A record's label and a field's, for a conflict or a refusal:
    /// "具体任务 7.1「…」 · 施工图".
    pub fn field_line(&self, key: Key, field: Option<&str>, l: Lang) -> String {
        match field {
            None | Some("") => self.label_in(key, l),
            Some("deleted") => format!("{} · {}", self.label_in(key, l), if l == Lang::Zh { "删除" } else { "Deletion" }),
            Some(f) => format!("{} · {}", self.label_in(key, l), field_label(key.kind, f, l)),
        }
    }

    /// The file's values of some fields of its records (what a refused
    /// change would have set), indexing the file once; `None` where the
    /// file does not have the record or field. An empty field: none.
    pub fn file_values(&self, wanted: impl IntoIterator<Item = (Key, String)>) -> Vec<Option<Value>> {
        let index = super::fields::Index::new(self.sides[0].plan);
        wanted
            .into_iter()
            .map(|(key, field)| if field.is_empty() { None } else { index.get(key).and_then(|f| f.fields.get(&field).cloned()) })
            .collect()
    }

    /// A field's value as a person reads it: names for ids, dates as dates,
    /// yes / no, lists joined with 、, enums in words, texts in `l`.
    pub fn value(&self, kind: RecordKind, field: &str, v: &Value, l: Lang) -> String {
        match v {
            Value::Null => "—".into(),
            Value::Bool(b) => words::yes_no(*b, l).into(),
            Value::Number(n) => {
                let s = n.as_f64().map(words::number).unwrap_or_else(|| n.to_string());
                if field == "progress" {
                    format!("{s} %")
                } else {
                    s
                }
            }
            Value::String(s) if s.trim().is_empty() => "—".into(),
            Value::String(s) => {
                // A signing key reads as its fingerprint, the part people compare.
                if let Some(k) = crate::domain::keys::PublicKey::from_hex(s) {
                    return words::fingerprint(&k.fingerprint(), l);
                }
                if let Some(id) = Id::parse(s) {
                    return self.id_value(kind, field, id, l);
                }
                if let Some(w) = words::enum_word(kind, field, s, l) {
                    return w.into();
                }
                if let Some(t) = crate::domain::dates::parse_instant(s) {
                    return crate::domain::dates::shown_time(t);
                }
                s.clone()
            }
            Value::Array(items) if items.is_empty() => "—".into(),
            Value::Array(items) => items.iter().map(|x| self.value(kind, field, x, l)).collect::<Vec<_>>().join("、"),
            Value::Object(o) if is_text(v) => {
                let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
                let t = Text { zh: part("zh"), en: part("en") };
                if t.is_blank() {
                    "—".into()
                } else {
                    t.get(l).to_string()
                }
            }
            // A target reading: "营业收入 25".
            Value::Object(o) if o.contains_key("target") && o.contains_key("value") => {
                let target = self.value(kind, "target", o.get("target").unwrap_or(&Value::Null), l);
                format!("{target} {}", self.value(kind, "value", o.get("value").unwrap_or(&Value::Null), l))
            }
            // A meeting's decision: "text（owner，due）".
            Value::Object(o) if o.contains_key("text") => {
                let text = o.get("text").and_then(Value::as_str).unwrap_or_default().to_string();
                let extra: Vec<String> = ["owner", "due", "closed_on"]
                    .iter()
                    .filter_map(|k| o.get(*k).filter(|x| !x.is_null()).map(|x| self.value(kind, k, x, l)))
                    .collect();
                match (extra.is_empty(), l) {
                    (true, _) => text,
                    (false, Lang::Zh) => format!("{text}（{}）", extra.join("，")),
                    (false, Lang::En) => format!("{text} ({})", extra.join(", ")),
                }
            }
            // Anything else (the plan's settings): each part labelled.
            Value::Object(o) => {
                let sep = if l == Lang::Zh { "：" } else { ": " };
                o.iter()
                    .filter(|(k, _)| !words::internal(k))
                    .map(|(k, x)| format!("{}{sep}{}", field_label(kind, k, l), self.value(kind, k, x, l)))
                    .collect::<Vec<_>>()
                    .join(if l == Lang::Zh { "；" } else { "; " })
            }
        }
    }

    /// An id as the name of what it stands for; "已删除的…" when it is in neither plan.
    fn id_value(&self, kind: RecordKind, field: &str, id: Id, l: Lang) -> String {
        use RecordKind as K;
        for k in [K::Unit, K::Person, K::Action] {
            if let Some(n) = self.name_of(k, id, l) {
                return n;
            }
        }
        if self.tasks.contains_key(&id) {
            let title = self.name_of(K::Task, id, l).unwrap_or_default();
            return match self.numbers.get(&id) {
                Some(n) => format!("{n} {title}"),
                None => title,
            };
        }
        if let Some((k, task)) = self.parents.get(&id) {
            let key = Key { kind: *k, id, parent: Some(*task) };
            return format!("{} · {}", self.task_ref(*task, l), self.named(key, l, false).unwrap_or_else(|| missing(*k, l)));
        }
        for k in [K::Report, K::Meeting, K::Problem, K::Risk, K::Exemption, K::Plan] {
            let key = Key { kind: k, id, parent: None };
            if self.sides.iter().any(|s| s.index(k, id).is_some()) {
                return self.label_in(key, l);
            }
        }
        match referred(field) {
            Some(k) => missing(k, l),
            None if kind == RecordKind::Trail || field == "record" => words::missing_record(l),
            None => missing(kind, l),
        }
    }
}

/// The kind of record a field refers to, for what a dangling id reads as.
fn referred(field: &str) -> Option<RecordKind> {
    use RecordKind as K;
    Some(match field {
        "task" | "tasks" => K::Task,
        "action" => K::Action,
        "milestone" | "milestones_done" => K::Milestone,
        "target" => K::Target,
        "supersedes" => K::Report,
        "person" | "chair" | "attendees" | "leaders" => K::Person,
        "unit" | "units" | "responsible" | "co_organizers" | "leading_units" | "issuing_unit" | "raised_by" | "approved_by" | "by"
        | "added_by" | "owner" => K::Unit,
        _ => return None,
    })
}

/// A bilingual text (`{"zh": …, "en": …}`).
fn is_text(v: &Value) -> bool {
    v.as_object().is_some_and(|o| !o.is_empty() && o.keys().all(|k| k == "zh" || k == "en"))
}
