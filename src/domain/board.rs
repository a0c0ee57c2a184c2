//! The board: what is red, what is late, who has not reported. Every figure
//! is derived from the plan as of a day, by the same functions as the
//! lights, and every figure names the tasks behind it, so the board can
//! link each number to exactly those tasks in the table.

use super::light::{known, Assessment, Light};
use super::plan::live;
use super::progress::Known;
use super::{Id, Plan, Task};
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the board (and the table) can be narrowed to beyond action, unit,
/// leader, text and light: the sets the board counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// The task or one of its milestones is overdue.
    Overdue,
    /// A milestone falls due within the board's window.
    DueSoon,
    /// A responsible unit has not reported on it this week.
    Silent,
    /// It has problems waiting for coordination.
    Problems,
    /// It has risks not closed.
    Risks,
}

impl Facet {
    pub const ALL: [Facet; 5] = [Facet::Overdue, Facet::DueSoon, Facet::Silent, Facet::Problems, Facet::Risks];

    pub fn key(self) -> &'static str {
        match self {
            Facet::Overdue => "overdue",
            Facet::DueSoon => "due_soon",
            Facet::Silent => "silent",
            Facet::Problems => "problems",
            Facet::Risks => "risks",
        }
    }

    pub fn parse(s: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == s)
    }
}

/// A milestone on the board, or (`milestone` is `None`) the task itself
/// when its own due date is what is late.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneRef {
    pub task: Id,
    pub milestone: Option<Id>,
    pub due: NaiveDate,
    /// Days overdue (positive) or days left (zero or positive), by list.
    pub days: i64,
}

/// A key action's row.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionSummary {
    pub action: Id,
    pub number: usize,
    /// Mean progress of its tasks, 0..=100.
    pub progress: f64,
    pub light: Light,
    /// Task ids per light, in `Light::ALL` order.
    pub by_light: Vec<(Light, Vec<Id>)>,
}

/// A unit's row.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnitSummary {
    pub unit: Id,
    /// Every task the unit is on: responsible, co-organizing, or leading
    /// its action (as the table's unit filter counts).
    pub tasks: Vec<Id>,
    /// Tasks it is responsible for.
    pub leads: Vec<Id>,
    /// Tasks it co-organizes.
    pub helps: Vec<Id>,
    pub red: Vec<Id>,
    pub yellow: Vec<Id>,
    pub last_report: Option<NaiveDate>,
}

/// A unit that has not reported this week, and on which tasks.
#[derive(Clone, Debug, PartialEq)]
pub struct Silent {
    pub unit: Id,
    pub tasks: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub today: NaiveDate,
    /// The Monday the reporting week began.
    pub week_start: NaiveDate,
    pub tasks: Vec<Id>,
    /// Mean task progress, 0..=100.
    pub completion: f64,
    /// Task ids per light, in `Light::ALL` order.
    pub by_light: Vec<(Light, Vec<Id>)>,
    pub actions: Vec<ActionSummary>,
    pub units: Vec<UnitSummary>,
    pub overdue: Vec<MilestoneRef>,
    pub due_soon: Vec<MilestoneRef>,
    pub silent: Vec<Silent>,
    /// Open problems, oldest first.
    pub open_problems: Vec<Id>,
    /// The tasks those problems are on, each once.
    pub problem_tasks: Vec<Id>,
}

/// What the board lists below its figures besides the tasks' own sets:
/// worked out apart from [`Board`], by the part of the page that shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Extras {
    /// Open problems that ask a district leader to coordinate (the scope's
    /// leader, when it names one), oldest first.
    pub leader_problems: Vec<Id>,
    /// Open risks of the tasks in scope, the highest level first.
    pub open_risks: Vec<Id>,
    /// Open decisions of the meetings that concern the scope (all of them
    /// on the whole board), worst light first.
    pub decisions: Vec<super::meetings::OpenDecision>,
    /// Leaders' instructions on tasks in scope (or, in a leader's scope,
    /// given by that leader) not yet answered, the oldest first.
    pub instructions: Vec<super::instructions::OpenInstruction>,
    /// Extensions and closures on tasks in scope awaiting the office's
    /// ruling (the reports that ask), the oldest first.
    pub awaiting: Vec<Id>,
}

/// Each id once, in first-seen order.
fn distinct(ids: impl Iterator<Item = Id>) -> Vec<Id> {
    let mut seen = std::collections::HashSet::new();
    ids.filter(|id| seen.insert(*id)).collect()
}

impl Board {
    /// The tasks behind the overdue list, each once: what its number counts.
    pub fn overdue_tasks(&self) -> Vec<Id> {
        distinct(self.overdue.iter().map(|m| m.task))
    }

    /// The tasks behind the due-soon list, each once.
    pub fn due_soon_tasks(&self) -> Vec<Id> {
        distinct(self.due_soon.iter().map(|m| m.task))
    }

    /// The tasks some responsible unit has not reported on this week, each once.
    pub fn silent_tasks(&self) -> Vec<Id> {
        distinct(self.silent.iter().flat_map(|s| s.tasks.iter().copied()))
    }
}

/// What the board is narrowed to ("my unit, my action", "the key actions
/// I lead").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    pub unit: Option<Id>,
    pub action: Option<Id>,
    /// A district leader: the key actions he or she leads.
    pub leader: Option<Id>,
}

impl Scope {
    pub fn includes(&self, t: &Task, plan: &Plan) -> bool {
        self.action.is_none_or(|a| t.action == a)
            && self.unit.is_none_or(|u| t.involves(u) || plan.action(t.action).is_some_and(|a| a.leading_units.contains(&u)))
            && self.leader.is_none_or(|p| plan.action(t.action).is_some_and(|a| a.leaders.contains(&p)))
    }
}

fn by_light(lights: &[(Id, Light)]) -> Vec<(Light, Vec<Id>)> {
    Light::ALL.into_iter().map(|l| (l, lights.iter().filter(|(_, x)| *x == l).map(|(id, _)| *id).collect())).collect()
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

impl ActionSummary {
    /// What identifies this row's content, for keyed lists (progress in
    /// hundredths of a percent).
    pub fn key(&self) -> (Id, usize, i64, Light, Vec<usize>) {
        (self.action, self.number, (self.progress * 100.0).round() as i64, self.light, self.by_light.iter().map(|(_, v)| v.len()).collect())
    }
}

impl Plan {
    /// Live tasks in table order.
    pub fn tasks_in_order(&self) -> Vec<&Task> {
        self.actions_in_order().into_iter().flat_map(|a| self.tasks_of(a.id)).collect()
    }

    /// The lights of every live task as of `today`, computed once.
    pub fn task_lights(&self, today: NaiveDate) -> HashMap<Id, Assessment> {
        let by_task = self.reports_by_task(today);
        live(&self.tasks).map(|t| (t.id, self.task_light_in(t, &known(&by_task, t.id, today)))).collect()
    }

    /// The Monday of the week `today` is in.
    pub fn week_start(today: NaiveDate) -> NaiveDate {
        today.checked_sub_days(Days::new(today.weekday().num_days_from_monday() as u64)).unwrap_or(today)
    }

    /// The responsible units that have not reported on a task this week;
    /// empty for a task not started or done.
    pub fn silent_units(&self, t: &Task, light: Light, today: NaiveDate) -> Vec<Id> {
        silent_units_in(t, light, &Known { reports: &self.reports_of(t.id, today), until: today })
    }

    /// Overdue milestones (and their days) of a task.
    pub fn overdue_milestones(&self, t: &Task, today: NaiveDate) -> Vec<MilestoneRef> {
        overdue_in(t, &Known { reports: &self.reports_of(t.id, today), until: today })
    }

    /// Milestones not done and due within `window` days of `today`.
    pub fn milestones_due_within(&self, t: &Task, today: NaiveDate, window: u32) -> Vec<MilestoneRef> {
        due_within_in(t, &Known { reports: &self.reports_of(t.id, today), until: today }, window)
    }

    /// Open problems of a task as of `today`.
    pub fn open_problems_of(&self, task: Id, today: NaiveDate) -> impl Iterator<Item = &super::Problem> {
        live(&self.problems).filter(move |p| p.task == task && is_open(p, today))
    }

    /// Whether a task is in a facet's set (for `unit`, when given).
    pub fn in_facet(&self, t: &Task, facet: Facet, unit: Option<Id>, today: NaiveDate) -> bool {
        let k = Known { reports: &self.reports_of(t.id, today), until: today };
        let has_problem = |id| self.open_problems_of(id, today).next().is_some();
        self.in_facet_in(t, facet, unit, &k, &has_problem)
    }

    /// [`Plan::in_facet`] from the task's known reports and a test for open problems.
    pub fn in_facet_in(&self, t: &Task, facet: Facet, unit: Option<Id>, k: &Known, has_problem: &dyn Fn(Id) -> bool) -> bool {
        let today = k.until;
        match facet {
            Facet::Overdue => t.due.is_some_and(|d| d < today && k.task_done_on(t).is_none()) || !overdue_in(t, k).is_empty(),
            Facet::DueSoon => !due_within_in(t, k, self.settings.board_window_days).is_empty(),
            Facet::Silent => {
                let silent = silent_units_in(t, self.task_light_in(t, k).light, k);
                unit.map_or(!silent.is_empty(), |u| silent.contains(&u))
            }
            Facet::Problems => has_problem(t.id),
            Facet::Risks => live(&self.risks).any(|r| r.task == t.id && r.is_open()),
        }
    }

    /// The board for `scope` as of `today`.
    pub fn board(&self, scope: &Scope, today: NaiveDate) -> Board {
        self.board_with(scope, today, &self.task_lights(today))
    }

    /// [`Plan::board`] from the lights of every task as of `today`, already
    /// computed (the app's shared memo), so none is worked out twice.
    pub fn board_with(&self, scope: &Scope, today: NaiveDate, lights: &HashMap<Id, Assessment>) -> Board {
        let by_task = self.reports_by_task(today);
        let k = |t: &Task| known(&by_task, t.id, today);
        let tasks: Vec<&Task> = self.tasks_in_order().into_iter().filter(|t| scope.includes(t, self)).collect();
        let light_of = |t: &Task| lights.get(&t.id).map_or(Light::Grey, |a| a.light);
        let progress_of = |t: &Task| k(t).counted_progress(t, light_of(t) == Light::Done);
        let all: Vec<(Id, Light)> = tasks.iter().map(|t| (t.id, light_of(t))).collect();

        let actions = self
            .actions_in_order()
            .into_iter()
            .enumerate()
            .filter(|(_, a)| scope.action.is_none_or(|x| x == a.id))
            .filter_map(|(i, a)| {
                let mine: Vec<&&Task> = tasks.iter().filter(|t| t.action == a.id).collect();
                if mine.is_empty() && (scope.unit.is_some() || scope.leader.is_some_and(|p| !a.leaders.contains(&p))) {
                    return None;
                }
                let ls: Vec<(Id, Light)> = mine.iter().map(|t| (t.id, light_of(t))).collect();
                let light = ls.iter().map(|(_, l)| *l).max_by_key(|l| l.rank()).unwrap_or(Light::Grey);
                let progress = mean(&mine.iter().map(|t| progress_of(t)).collect::<Vec<_>>());
                Some(ActionSummary { action: a.id, number: self.action_no(a.id, i), progress, light, by_light: by_light(&ls) })
            })
            .collect();

        let mut units: Vec<UnitSummary> = self
            .units_sorted(super::Lang::Zh)
            .into_iter()
            .filter(|u| scope.unit.is_none_or(|x| x == u.id))
            .map(|u| {
                let leads: Vec<Id> = tasks.iter().filter(|t| t.responsible.contains(&u.id)).map(|t| t.id).collect();
                let helps: Vec<Id> = tasks.iter().filter(|t| t.co_organizers.contains(&u.id)).map(|t| t.id).collect();
                let on = Scope { unit: Some(u.id), ..Scope::default() };
                let all: Vec<&&Task> = tasks.iter().filter(|t| on.includes(t, self)).collect();
                let with = |l: Light| all.iter().filter(|t| light_of(t) == l).map(|t| t.id).collect::<Vec<_>>();
                let last_report = self.standing_reports().filter(|r| r.unit == u.id && r.date <= today).map(|r| r.date).max();
                let (red, yellow) = (with(Light::Red), with(Light::Yellow));
                UnitSummary { unit: u.id, tasks: all.iter().map(|t| t.id).collect(), leads, helps, red, yellow, last_report }
            })
            .filter(|u| !u.tasks.is_empty())
            .collect();
        super::numbers::sort_by(&mut units, |u| (std::cmp::Reverse(u.red.len()), std::cmp::Reverse(u.yellow.len())));

        let mut overdue: Vec<MilestoneRef> = tasks
            .iter()
            .flat_map(|t| {
                let own = t.due.filter(|d| *d < today && light_of(t) != Light::Done);
                let own = own.map(|due| MilestoneRef { task: t.id, milestone: None, due, days: (today - due).num_days() });
                own.into_iter().chain(overdue_in(t, &k(t)))
            })
            .collect();
        super::numbers::sort_by(&mut overdue, |m| std::cmp::Reverse(m.days));
        let mut due_soon: Vec<MilestoneRef> = tasks.iter().flat_map(|t| due_within_in(t, &k(t), self.settings.board_window_days)).collect();
        super::numbers::sort_by(&mut due_soon, |m| m.due);

        let mut silent: Vec<Silent> = Vec::new();
        for t in &tasks {
            for u in silent_units_in(t, light_of(t), &k(t)) {
                if scope.unit.is_some_and(|x| x != u) {
                    continue;
                }
                match silent.iter_mut().find(|s| s.unit == u) {
                    Some(s) => s.tasks.push(t.id),
                    None => silent.push(Silent { unit: u, tasks: vec![t.id] }),
                }
            }
        }

        let in_scope: std::collections::HashSet<Id> = tasks.iter().map(|t| t.id).collect();
        let mut problems: Vec<&super::Problem> = live(&self.problems).filter(|p| in_scope.contains(&p.task) && is_open(p, today)).collect();
        super::numbers::sort_by(&mut problems, |p| p.raised_on);

        Board {
            today,
            week_start: Plan::week_start(today),
            tasks: tasks.iter().map(|t| t.id).collect(),
            completion: mean(&tasks.iter().map(|t| progress_of(t)).collect::<Vec<_>>()),
            by_light: by_light(&all),
            actions,
            units,
            overdue,
            due_soon,
            silent,
            problem_tasks: distinct(problems.iter().map(|p| p.task)),
            open_problems: problems.into_iter().map(|p| p.id).collect(),
        }
    }

    /// The board's [`Extras`] for `scope`, from its board.
    pub fn board_extras(&self, scope: &Scope, board: &Board) -> Extras {
        let today = board.today;
        let in_scope: std::collections::HashSet<Id> = board.tasks.iter().copied().collect();
        let by_id: HashMap<Id, &super::Problem> = live(&self.problems).map(|p| (p.id, p)).collect();
        let problems: Vec<&super::Problem> = board.open_problems.iter().filter_map(|id| by_id.get(id).copied()).collect();
        let leaders: std::collections::HashSet<Id> = self.district_leaders().into_iter().collect();
        let leader_problems = problems
            .iter()
            .filter(|p| p.assigned_to.is_some_and(|a| leaders.contains(&a) && scope.leader.is_none_or(|l| l == a)))
            .map(|p| p.id)
            .collect();
        let whole = *scope == Scope::default();
        let decisions = self
            .open_decisions(today)
            .into_iter()
            .filter(|o| whole || live(&self.meetings).any(|m| m.id == o.meeting && m.concerns(&in_scope, scope.leader)))
            .collect();
        let mut risks: Vec<&super::Risk> = live(&self.risks).filter(|r| in_scope.contains(&r.task) && r.is_open()).collect();
        super::numbers::sort_by(&mut risks, |r| std::cmp::Reverse(r.level));

        let instructions = self
            .open_instructions(today)
            .into_iter()
            .filter(|o| in_scope.contains(&o.task) || scope.leader.is_some_and(|l| self.instruction(o.id).is_some_and(|i| i.leader == l)))
            .collect();
        let awaiting = self
            .requests()
            .into_iter()
            .filter(|q| q.decision() == super::requests::Decision::Pending && q.report.date <= today && in_scope.contains(&q.report.task))
            .map(|q| q.report.id)
            .collect();
        Extras { leader_problems, open_risks: risks.into_iter().map(|r| r.id).collect(), decisions, instructions, awaiting }
    }
}

pub(crate) fn is_open(p: &super::Problem, today: NaiveDate) -> bool {
    p.raised_on <= today && p.resolved_on.is_none_or(|d| d > today)
}

fn silent_units_in(t: &Task, light: Light, k: &Known) -> Vec<Id> {
    if matches!(light, Light::Grey | Light::Done) {
        return vec![];
    }
    let since = Plan::week_start(k.until);
    t.responsible.iter().copied().filter(|u| !k.reports.iter().any(|r| r.unit == *u && r.date >= since)).collect()
}

fn overdue_in(t: &Task, k: &Known) -> Vec<MilestoneRef> {
    let today = k.until;
    live(&t.milestones)
        .filter(|m| k.milestone_done_on(m).is_none())
        .filter_map(|m| {
            m.due.filter(|d| *d < today).map(|due| MilestoneRef { task: t.id, milestone: Some(m.id), due, days: (today - due).num_days() })
        })
        .collect()
}

fn due_within_in(t: &Task, k: &Known, window: u32) -> Vec<MilestoneRef> {
    let today = k.until;
    let end = today.checked_add_days(Days::new(window as u64)).unwrap_or(today);
    live(&t.milestones)
        .filter(|m| k.milestone_done_on(m).is_none())
        .filter_map(|m| {
            m.due.filter(|d| *d >= today && *d <= end).map(|due| MilestoneRef {
                task: t.id,
                milestone: Some(m.id),
                due,
                days: (due - today).num_days(),
            })
        })
        .collect()
}
