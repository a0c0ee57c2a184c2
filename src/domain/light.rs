//! Status lights (红黄绿灯), computed from dates, milestones and reports
//! against "today", with the reasons in words. Never stored.

use super::numbers::fixed;
use super::plan::live;
use super::progress::Known;
use super::Report;
use super::{Id, Milestone, Plan, Task, Text};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    Done,
    Green,
    Yellow,
    Red,
    /// Not started.
    Grey,
    /// The unit applied to close it; the office has not yet ruled (待审核销号).
    Review,
}

impl Light {
    pub const ALL: [Light; 6] = [Light::Red, Light::Yellow, Light::Green, Light::Grey, Light::Review, Light::Done];

    /// Severity when lights are combined: red over yellow over green over
    /// grey (not started) over awaiting review over done.
    pub fn rank(self) -> u8 {
        match self {
            Light::Done => 0,
            Light::Review => 1,
            Light::Grey => 2,
            Light::Green => 3,
            Light::Yellow => 4,
            Light::Red => 5,
        }
    }

    /// The name used in URLs and files.
    pub fn key(self) -> &'static str {
        match self {
            Light::Done => "done",
            Light::Green => "green",
            Light::Yellow => "yellow",
            Light::Red => "red",
            Light::Grey => "grey",
            Light::Review => "review",
        }
    }

    /// The light in English words, as reasons say it.
    pub fn word(self) -> &'static str {
        match self {
            Light::Grey => "not started",
            Light::Review => "awaiting review",
            other => other.key(),
        }
    }

    pub fn parse(s: &str) -> Option<Light> {
        Light::ALL.into_iter().find(|l| l.key() == s)
    }
}

/// Why a light is what it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Done, and how many days after its due date (0: on time).
    Done {
        on: Option<NaiveDate>,
        days_late: i64,
    },
    NotStarted {
        start: NaiveDate,
    },
    /// No due date set (a task: flagged yellow until one is set).
    NoDueDate,
    /// A task no live unit is responsible for: flagged yellow.
    NoResponsibleUnit,
    OnTrack,
    TaskOverdue {
        days: i64,
    },
    MilestoneOverdue {
        title: Text,
        days: i64,
    },
    PlanNotSubmitted {
        due: NaiveDate,
    },
    TaskDueSoon {
        days: i64,
    },
    MilestoneDueSoon {
        title: Text,
        days: i64,
    },
    /// No report for this many days (`ever`: there was one before).
    NoReport {
        days: i64,
        ever: bool,
    },
    /// An open high or major risk on the task (Settings can turn the rule off).
    HighRisk {
        level: super::RiskLevel,
        description: String,
    },
    /// Progress (percent) behind the share of time elapsed (percent).
    BehindPace {
        progress: f64,
        elapsed: f64,
    },
    /// For actions and units: how many tasks have a light, and which.
    Tasks {
        light: Light,
        numbers: Vec<String>,
    },
    NoTasks,
    /// A meeting's decision past its due date.
    DecisionOverdue {
        days: i64,
    },
    /// A meeting's decision due within the warning window.
    DecisionDueSoon {
        days: i64,
    },
    /// The unit applied on `asked` to close the task, finished on `done_on`;
    /// the office has not ruled yet.
    AwaitingReview {
        asked: NaiveDate,
        done_on: NaiveDate,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::Lang::En;
        match self {
            Reason::Done { on: Some(on), days_late } if *days_late > 0 => write!(f, "done on {on}, {} late", n_days(*days_late)),
            Reason::Done { on: Some(on), .. } => write!(f, "done on {on}"),
            Reason::Done { on: None, .. } => write!(f, "done"),
            Reason::NotStarted { start } => write!(f, "not started, starts {start}"),
            Reason::NoDueDate => write!(f, "no deadline set"),
            Reason::NoResponsibleUnit => write!(f, "no responsible unit"),
            Reason::OnTrack => write!(f, "on track"),
            Reason::TaskOverdue { days } => write!(f, "task {} overdue", n_days(*days)),
            Reason::MilestoneOverdue { title, days } => write!(f, "milestone '{}' {} overdue", title.get(En), n_days(*days)),
            Reason::PlanNotSubmitted { due } => write!(f, "plan not submitted, due {due}"),
            Reason::TaskDueSoon { days: 0 } => write!(f, "task due today"),
            Reason::TaskDueSoon { days } => write!(f, "task due in {}", n_days(*days)),
            Reason::MilestoneDueSoon { title, days: 0 } => write!(f, "milestone '{}' due today", title.get(En)),
            Reason::MilestoneDueSoon { title, days } => write!(f, "milestone '{}' due in {}", title.get(En), n_days(*days)),
            Reason::NoReport { days, ever: true } => write!(f, "no report for {}", n_days(*days)),
            Reason::NoReport { days, ever: false } => write!(f, "no report yet, {} since the start", n_days(*days)),
            Reason::BehindPace { progress, elapsed } => {
                // A no-break space: "0 %" never parts over two lines.
                write!(f, "progress {}\u{a0}% at {}\u{a0}% of the time", fixed(*progress, 0), fixed(*elapsed, 0))
            }
            Reason::Tasks { light, numbers } => {
                write!(f, "{} {} {}: {}", numbers.len(), tasks(numbers.len()), light.word(), numbers.join(", "))
            }
            Reason::HighRisk { level, description } => {
                let level = if *level == super::RiskLevel::Major { "major" } else { "high" };
                write!(f, "open {level} risk: {description}")
            }
            Reason::NoTasks => write!(f, "no tasks"),
            Reason::DecisionOverdue { days } => write!(f, "decision {} overdue", n_days(*days)),
            Reason::DecisionDueSoon { days: 0 } => write!(f, "decision due today"),
            Reason::DecisionDueSoon { days } => write!(f, "decision due in {}", n_days(*days)),
            Reason::AwaitingReview { asked, done_on } => {
                write!(f, "closure applied for on {asked} (finished {done_on}), awaiting the office's review")
            }
        }
    }
}

fn n_days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn tasks(n: usize) -> &'static str {
    if n == 1 {
        "task"
    } else {
        "tasks"
    }
}

/// A light with its reasons, the most serious first.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub light: Light,
    pub reasons: Vec<Reason>,
}

/// The light of nothing (a record that has just gone): grey, no reasons.
impl Default for Assessment {
    fn default() -> Self {
        Assessment { light: Light::Grey, reasons: vec![] }
    }
}

impl Assessment {
    fn of(light: Light, reason: Reason) -> Self {
        Assessment { light, reasons: vec![reason] }
    }

    /// The reason shown next to the light.
    pub fn first_reason(&self) -> Option<&Reason> {
        self.reasons.first()
    }
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn plus(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
}

impl Plan {
    /// The date the plan is looked at: the "as of" setting, else today.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.settings.as_of.unwrap_or(today)
    }

    /// The date every task's plan (施工图) is due.
    pub fn plan_due(&self) -> NaiveDate {
        plus(self.kickoff, self.settings.plan_due_days)
    }

    /// When a task counts as started: its start date, else the kick-off.
    pub fn task_start(&self, t: &Task) -> NaiveDate {
        t.start.unwrap_or(self.kickoff)
    }

    pub fn milestone_light(&self, t: &Task, m: &Milestone, today: NaiveDate) -> Assessment {
        self.milestone_light_in(t, m, &Known { reports: &self.reports_of(t.id, today), until: today })
    }

    /// A milestone's light from its task's reports as known on `k.until`.
    pub fn milestone_light_in(&self, t: &Task, m: &Milestone, k: &Known) -> Assessment {
        let today = k.until;
        if let Some(on) = k.milestone_done_on(m) {
            let days_late = m.due.map(|d| days(d, on).max(0)).unwrap_or(0);
            return Assessment::of(Light::Done, Reason::Done { on: Some(on), days_late });
        }
        let start = self.task_start(t);
        if today < start {
            return Assessment::of(Light::Grey, Reason::NotStarted { start });
        }
        let Some(due) = m.due else { return Assessment::of(Light::Grey, Reason::NoDueDate) };
        let title = m.title.clone();
        if due < today {
            Assessment::of(Light::Red, Reason::MilestoneOverdue { title, days: days(due, today) })
        } else if due <= plus(today, self.settings.warning_days) {
            Assessment::of(Light::Yellow, Reason::MilestoneDueSoon { title, days: days(today, due) })
        } else {
            Assessment::of(Light::Green, Reason::OnTrack)
        }
    }

    pub fn task_light(&self, t: &Task, today: NaiveDate) -> Assessment {
        self.task_light_in(t, &Known { reports: &self.reports_of(t.id, today), until: today })
    }

    /// A task's light from its reports as known on `k.until`.
    pub fn task_light_in(&self, t: &Task, k: &Known) -> Assessment {
        let today = k.until;
        if let Some(on) = k.task_done_on(t) {
            let on = Some(on);
            let days_late = match (on, t.due) {
                (Some(on), Some(due)) => days(due, on).max(0),
                _ => 0,
            };
            return Assessment::of(Light::Done, Reason::Done { on, days_late });
        }
        if let Some(c) = self.pending_closure(t, k.reports).and_then(|r| r.closure.as_ref().map(|c| (r.date, c.done_on))) {
            return Assessment::of(Light::Review, Reason::AwaitingReview { asked: c.0, done_on: c.1 });
        }
        let start = self.task_start(t);
        // The plan is due a week after kick-off for every task, started or not.
        let plan_missing =
            (t.plan_submitted_on.is_none() && today > self.plan_due()).then(|| Reason::PlanNotSubmitted { due: self.plan_due() });
        // A task nobody answers for, or with no deadline, cannot be on
        // track: it is flagged, started or not, until the office sets them.
        let mut missing = Vec::new();
        if !t.responsible.iter().any(|u| self.unit(*u).is_some()) {
            missing.push(Reason::NoResponsibleUnit);
        }
        if t.due.is_none() {
            missing.push(Reason::NoDueDate);
        }
        // An open high risk is flagged, started or not, until it is closed.
        if self.settings.high_risk_yellow {
            let risks = live(&self.risks).filter(|r| r.task == t.id && r.is_open() && r.level.is_high());
            missing.extend(risks.map(|r| Reason::HighRisk { level: r.level, description: r.description.clone() }));
        }
        if today < start {
            return match (plan_missing, missing.is_empty()) {
                (Some(r), _) => Assessment { light: Light::Red, reasons: std::iter::once(r).chain(missing).collect() },
                (None, false) => {
                    Assessment { light: Light::Yellow, reasons: missing.into_iter().chain([Reason::NotStarted { start }]).collect() }
                }
                (None, true) => Assessment::of(Light::Grey, Reason::NotStarted { start }),
            };
        }
        let s = &self.settings;
        let (mut red, mut yellow) = (Vec::new(), missing);
        let mut milestones: Vec<&Milestone> = live(&t.milestones).filter(|m| k.milestone_done_on(m).is_none()).collect();
        super::numbers::sort_by(&mut milestones, |m| m.due);
        for m in milestones {
            match self.milestone_light_in(t, m, k) {
                Assessment { light: Light::Red, mut reasons } => red.append(&mut reasons),
                Assessment { light: Light::Yellow, mut reasons } => yellow.append(&mut reasons),
                _ => {}
            }
        }
        if let Some(due) = t.due {
            if due < today {
                red.insert(0, Reason::TaskOverdue { days: days(due, today) });
            } else if due <= plus(today, s.warning_days) {
                yellow.push(Reason::TaskDueSoon { days: days(today, due) });
            }
        }
        red.extend(plan_missing);
        let last = k.last_report();
        let silent = days(last.unwrap_or(start), today);
        if silent > s.report_interval_days as i64 {
            yellow.push(Reason::NoReport { days: silent, ever: last.is_some() });
        }
        if let Some(due) = t.due.filter(|d| *d > start) {
            let elapsed = 100.0 * (days(start, today) as f64 / days(start, due) as f64).clamp(0.0, 1.0);
            let progress = k.task_progress(t).unwrap_or(0.0);
            if progress + (s.behind_pace_margin as f64) < elapsed {
                yellow.push(Reason::BehindPace { progress, elapsed });
            }
        }
        let light = if !red.is_empty() {
            Light::Red
        } else if !yellow.is_empty() {
            Light::Yellow
        } else {
            Light::Green
        };
        red.append(&mut yellow);
        if red.is_empty() {
            red.push(Reason::OnTrack);
        }
        Assessment { light, reasons: red }
    }

    /// The light of a key action: its tasks combined.
    pub fn action_light(&self, action: Id, today: NaiveDate) -> Assessment {
        self.action_light_with(action, &self.task_lights(today))
    }

    /// [`Plan::action_light`] from lights already computed for every task
    /// (the app's shared memo), so no task's light is worked out twice.
    pub fn action_light_with(&self, action: Id, lights: &HashMap<Id, Assessment>) -> Assessment {
        let number = self.action_number(action).unwrap_or(0);
        let tasks: Vec<(String, Light)> = self
            .tasks_of(action)
            .into_iter()
            .enumerate()
            .map(|(j, t)| (format!("{number}.{}", j + 1), lights.get(&t.id).map_or(Light::Grey, |a| a.light)))
            .collect();
        combine(&tasks)
    }

    /// The light of a unit: the tasks it is responsible for or co-organizes.
    pub fn unit_light(&self, unit: Id, today: NaiveDate) -> Assessment {
        let lights = self.task_lights(today);
        let mut tasks = Vec::new();
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            for (j, t) in self.tasks_of(a.id).into_iter().enumerate().filter(|(_, t)| t.involves(unit)) {
                tasks.push((format!("{}.{}", i + 1, j + 1), lights.get(&t.id).map_or(Light::Grey, |a| a.light)));
            }
        }
        combine(&tasks)
    }
}

/// Lights of numbered tasks combined: the worst wins, and the reasons list
/// the tasks under each light.
fn combine(lights: &[(String, Light)]) -> Assessment {
    if lights.is_empty() {
        return Assessment::of(Light::Grey, Reason::NoTasks);
    }
    let light = lights.iter().map(|(_, l)| *l).max_by_key(|l| l.rank()).unwrap_or(Light::Grey);
    let reasons = Light::ALL
        .into_iter()
        .filter_map(|l| {
            let numbers: Vec<String> = lights.iter().filter(|(_, x)| *x == l).map(|(n, _)| n.clone()).collect();
            (!numbers.is_empty()).then_some(Reason::Tasks { light: l, numbers })
        })
        .collect();
    Assessment { light, reasons }
}

/// The [`Known`] reports of `task` from reports grouped by task.
pub fn known<'a>(by_task: &'a HashMap<Id, Vec<&'a Report>>, task: Id, until: NaiveDate) -> Known<'a> {
    Known { reports: by_task.get(&task).map(Vec::as_slice).unwrap_or(&[]), until }
}
