//! The year's plan: the root that holds every record, and the small records
//! of who is who (units, people) and the key actions.

use super::meta::Record;
use super::{Exemption, Id, Meeting, Meta, Problem, Report, Risk, Task, Text};
use crate::impl_record;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Plan {
    pub id: Id,
    pub title: Text,
    pub year: i32,
    /// The kick-off meeting; the plan and schedule are due a week after.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub kickoff: NaiveDate,
    /// The unit that issued the table (the district's supervision office).
    #[serde(default)]
    pub issuing_unit: Option<Id>,
    /// The supervision office's public key: every file the office sends is
    /// signed by it, and a unit's browser pins it at its first slice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_key: Option<super::keys::PublicKey>,
    /// True for the embedded example, so the UI can say so.
    #[serde(default)]
    pub example: bool,
    /// A plan from before settings (or before signing) requires no signed files.
    #[serde(default = "Settings::before_signing")]
    pub settings: Settings,
    #[serde(default)]
    pub meta: Meta,
    #[serde(default)]
    pub units: Vec<Unit>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub actions: Vec<KeyAction>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub reports: Vec<Report>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub problems: Vec<Problem>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub exemptions: Vec<Exemption>,
    /// The office's rulings on extensions and closures units asked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rulings: Vec<super::Ruling>,
    /// Leaders' instructions (领导批示) the office recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instructions: Vec<super::Instruction>,
    /// The change trail (留痕): every change, who made it, old → new.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trail: Vec<super::TrailEntry>,
    /// In a unit's slice: the numbers the master table shows for its key
    /// actions ("7") and tasks ("7.1"), so that a unit's copy, which holds
    /// only some of them, numbers them as everybody else does. Empty in the
    /// master table, which numbers by position.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub numbers: std::collections::BTreeMap<Id, String>,
    /// While a command runs: what it changed (`change`). Not stored, not
    /// sent, not compared.
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub journal: super::change::Journal,
}

/// The thresholds behind the status lights; shown and editable in the UI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Settings {
    /// The plan (施工图) and schedule are due this many days after kick-off.
    pub plan_due_days: u32,
    /// A milestone due within this many days turns its task yellow.
    pub warning_days: u32,
    /// A task with no report for longer than this turns yellow.
    pub report_interval_days: u32,
    /// Progress this many percentage points behind the time-elapsed pace turns yellow.
    pub behind_pace_margin: u32,
    /// Look at the plan as of this date instead of today (the example uses it).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(with = "crate::domain::dates::opt_day")]
    pub as_of: Option<NaiveDate>,
    /// The board lists milestones due within this many days.
    pub board_window_days: u32,
    /// Remind the person to export the plan when it has changes that have
    /// not been exported for this many days (0: never).
    pub export_reminder_days: u32,
    /// The appraisal's points per fact.
    pub scoring: super::appraisal::Scoring,
    /// Refuse a file without a valid seal (instead of previewing it with a
    /// warning). On for plans created since files are signed; off (the
    /// field's absence) for plans from before.
    #[serde(default)]
    pub require_signed: bool,
    /// An open high or major risk turns its task yellow (on unless the
    /// office turns it off; plans from before the rule read it as on).
    #[serde(default = "on")]
    pub high_risk_yellow: bool,
    /// The appraisal judges a milestone extended with the office's approval
    /// by its original date (off: by the approved one, the default).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extension_keeps_original_due: bool,
}

fn on() -> bool {
    true
}

impl Settings {
    /// The settings of a plan written before files were signed: as the
    /// defaults, but signed files are not required.
    pub fn before_signing() -> Self {
        Settings { require_signed: false, ..Settings::default() }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            plan_due_days: 7,
            warning_days: 7,
            report_interval_days: 7,
            behind_pace_margin: 10,
            as_of: None,
            board_window_days: 14,
            export_reminder_days: 7,
            scoring: Default::default(),
            // New plans require signed files; plans from before signing
            // read the field as absent, that is off.
            require_signed: true,
            high_risk_yellow: true,
            extension_keeps_original_due: false,
        }
    }
}

/// A bureau, a sub-district office, a headquarters, a centre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Unit {
    pub id: Id,
    pub name: Text,
    /// The key the office pinned for this unit at its first signed report:
    /// later files from the unit must be signed by it. Set and reset by the
    /// office only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<super::keys::PublicKey>,
    #[serde(default)]
    pub meta: Meta,
}

/// A district leader or a unit head.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Person {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub unit: Option<Id>,
    #[serde(default)]
    pub meta: Meta,
}

/// The field a key action belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Governance,
    Industry,
    Platform,
    Livelihood,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Governance, Field::Industry, Field::Platform, Field::Livelihood];
}

/// A key action (专项行动), numbered by its place in the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct KeyAction {
    pub id: Id,
    /// Sort key; the displayed number is the position among live actions.
    pub order: i64,
    pub title: Text,
    #[serde(default)]
    pub field: Option<Field>,
    /// Overall leading district leader(s) (总牵头区领导).
    #[serde(default)]
    pub leaders: Vec<Id>,
    /// Overall leading unit(s) (总牵头单位).
    #[serde(default)]
    pub leading_units: Vec<Id>,
    #[serde(default)]
    pub meta: Meta,
}

impl_record!(Unit, Person, KeyAction);

/// Live records of a collection, in stored order.
pub fn live<T: Record>(items: &[T]) -> impl Iterator<Item = &T> {
    items.iter().filter(|r| r.is_live())
}

impl Plan {
    /// The same plan's head (id, title, year, kick-off, settings) with no
    /// records: the frame of a new plan, a slice or a report.
    pub fn head_only(&self) -> Plan {
        let stamp = super::Stamp { by: None, at: chrono::DateTime::UNIX_EPOCH };
        let mut p = Plan::blank(self.title.clone(), self.year, self.kickoff, stamp);
        (p.id, p.issuing_unit, p.office_key, p.example) = (self.id, self.issuing_unit, self.office_key.clone(), self.example);
        (p.settings, p.meta, p.numbers) = (self.settings.clone(), self.meta.clone(), self.numbers.clone());
        p
    }

    /// Live key actions in display order.
    pub fn actions_in_order(&self) -> Vec<&KeyAction> {
        let mut v: Vec<&KeyAction> = live(&self.actions).collect();
        super::numbers::sort_by(&mut v, |a| a.order);
        v
    }

    /// Live tasks of one action in display order.
    pub fn tasks_of(&self, action: Id) -> Vec<&Task> {
        let mut v: Vec<&Task> = live(&self.tasks).filter(|t| t.action == action).collect();
        super::numbers::sort_by(&mut v, |t| t.order);
        v
    }

    /// The displayed number of an action: 1..n by position.
    pub fn action_number(&self, action: Id) -> Option<usize> {
        self.actions_in_order().iter().position(|a| a.id == action).map(|i| self.action_no(action, i))
    }

    /// The displayed number of a task, e.g. "9.2".
    pub fn task_number(&self, task: Id) -> Option<String> {
        let t = self.task(task)?;
        let a = self.action_number(t.action)?;
        let i = self.tasks_of(t.action).iter().position(|x| x.id == task)?;
        Some(self.task_no(task, a, i))
    }

    /// Every live task's displayed number at once ("9.2"), for naming many
    /// tasks: `task_number` sorts the plan afresh on each call.
    pub fn task_numbers(&self) -> std::collections::HashMap<Id, String> {
        let mut by_action: std::collections::HashMap<Id, Vec<&Task>> = std::collections::HashMap::new();
        for t in live(&self.tasks) {
            by_action.entry(t.action).or_default().push(t);
        }
        let mut out = std::collections::HashMap::new();
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            let Some(tasks) = by_action.get_mut(&a.id) else { continue };
            super::numbers::sort_by(tasks, |t| t.order);
            let action_no = self.action_no(a.id, i);
            for (j, t) in tasks.iter().enumerate() {
                out.insert(t.id, self.task_no(t.id, action_no, j));
            }
        }
        out
    }

    /// The number of the action at `position` (0-based) in display order:
    /// the master table's when this is a slice, else `position + 1`.
    pub fn action_no(&self, action: Id, position: usize) -> usize {
        self.numbers.get(&action).and_then(|n| n.parse().ok()).unwrap_or(position + 1)
    }

    /// The number of the task at `position` (0-based) under action number
    /// `action_no`: the master table's when this is a slice.
    pub fn task_no(&self, task: Id, action_no: usize, position: usize) -> String {
        self.numbers.get(&task).cloned().unwrap_or_else(|| format!("{action_no}.{}", position + 1))
    }

    pub fn unit(&self, id: Id) -> Option<&Unit> {
        live(&self.units).find(|u| u.id == id)
    }

    pub fn person(&self, id: Id) -> Option<&Person> {
        live(&self.people).find(|p| p.id == id)
    }

    pub fn action(&self, id: Id) -> Option<&KeyAction> {
        live(&self.actions).find(|a| a.id == id)
    }

    pub fn task(&self, id: Id) -> Option<&Task> {
        live(&self.tasks).find(|t| t.id == id)
    }

    /// Live units sorted by their name in `lang`.
    pub fn units_sorted(&self, lang: super::Lang) -> Vec<&Unit> {
        let mut v: Vec<&Unit> = live(&self.units).collect();
        super::numbers::sort_by(&mut v, |x| x.name.get(lang).to_string());
        v
    }

    /// Unit names joined as the table shows them ("A、B").
    pub fn unit_names(&self, ids: &[Id], lang: super::Lang) -> String {
        ids.iter().filter_map(|id| self.unit(*id)).map(|u| u.name.get(lang)).collect::<Vec<_>>().join("、")
    }

    /// Person names joined as the table shows them.
    pub fn person_names(&self, ids: &[Id], lang: super::Lang) -> String {
        ids.iter().filter_map(|id| self.person(*id)).map(|p| p.name.get(lang)).collect::<Vec<_>>().join("、")
    }

    /// (id, name) of live units sorted by name, for pickers.
    pub fn unit_choices(&self, lang: super::Lang) -> Vec<(Id, String)> {
        self.units_sorted(lang).iter().map(|u| (u.id, u.name.get(lang).to_string())).collect()
    }

    /// (id, name) of live people sorted by name, for pickers.
    pub fn person_choices(&self, lang: super::Lang) -> Vec<(Id, String)> {
        self.people_sorted(lang).iter().map(|p| (p.id, p.name.get(lang).to_string())).collect()
    }

    /// The district leaders: live people who lead a live key action, each
    /// once, in the order of the actions they lead.
    pub fn district_leaders(&self) -> Vec<Id> {
        let mut seen = std::collections::HashSet::new();
        self.actions_in_order()
            .into_iter()
            .flat_map(|a| a.leaders.iter().copied())
            .filter(|p| self.person(*p).is_some() && seen.insert(*p))
            .collect()
    }

    /// (id, name) of the district leaders, sorted by name, for pickers.
    pub fn leader_choices(&self, lang: super::Lang) -> Vec<(Id, String)> {
        let mut v: Vec<(Id, String)> =
            self.district_leaders().into_iter().filter_map(|p| self.person(p).map(|x| (p, x.name.get(lang).to_string()))).collect();
        super::numbers::sort_by(&mut v, |x| x.1.clone());
        v
    }

    /// (id, "n title") of live key actions in order, for pickers.
    pub fn action_choices(&self, lang: super::Lang) -> Vec<(Id, String)> {
        self.actions_in_order().iter().enumerate().map(|(i, a)| (a.id, format!("{} {}", i + 1, a.title.get(lang)))).collect()
    }

    /// Live people sorted by their name in `lang`.
    pub fn people_sorted(&self, lang: super::Lang) -> Vec<&Person> {
        let mut v: Vec<&Person> = live(&self.people).collect();
        super::numbers::sort_by(&mut v, |x| x.name.get(lang).to_string());
        v
    }
}
