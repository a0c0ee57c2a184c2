//! The weekly collection (which units have reported this week, and a
//! reminder ready to send) and the monthly hearing pack (what changed since
//! the last hearing, what is red or yellow now and why, and the problems
//! waiting for the leader's coordination). Both derived, never stored.

use super::appraisal::week_start;
use super::light::{Assessment, Light};
use super::plan::live;
use super::{Id, Lang, MeetingKind, Plan, Task};
use chrono::NaiveDate;

/// One unit's week: the tasks it has reported on, and those still owed.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitWeek {
    pub unit: Id,
    pub reported: Vec<Id>,
    pub missing: Vec<Id>,
}

/// The current week's collection of reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Collection {
    pub week_start: NaiveDate,
    pub today: NaiveDate,
    pub units: Vec<UnitWeek>,
}

/// Who a hearing is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HearingScope {
    /// A district leader: the actions they lead, and the tasks they answer for.
    Leader(Id),
    Action(Id),
}

/// A light that changed since the last hearing.
#[derive(Clone, Debug, PartialEq)]
pub struct LightChange {
    pub task: Id,
    pub before: Assessment,
    pub now: Assessment,
}

/// What a leader reads at the monthly hearing.
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    pub since: NaiveDate,
    pub today: NaiveDate,
    pub tasks: Vec<Id>,
    /// Reports dated after `since`, oldest first.
    pub reports: Vec<Id>,
    /// (task, milestone, done on) for milestones done after `since`.
    pub milestones_done: Vec<(Id, Id, NaiveDate)>,
    pub changed: Vec<LightChange>,
    /// Red and yellow tasks now, red first, with their reasons.
    pub attention: Vec<(Id, Assessment)>,
    /// Open problems on the scope's tasks, oldest first.
    pub problems: Vec<Id>,
    /// Open risks on the scope's tasks, the highest level first.
    pub risks: Vec<Id>,
    /// The decisions of meetings on the scope's tasks (or chaired by the
    /// leader), with their state as of `today`: open ones first, the
    /// reddest first, then those closed.
    pub decisions: Vec<DecisionState>,
    /// Each task's plan (施工图): submitted on a day, or not yet.
    pub plans: Vec<(Id, Option<NaiveDate>)>,
    /// Leaders' instructions on the scope's tasks (or given by the leader)
    /// not yet answered, the oldest first.
    pub instructions: Vec<super::instructions::OpenInstruction>,
}

/// A meeting's decision and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionState {
    pub meeting: Id,
    pub decision: Id,
    /// Done (closed, on time or late), or open with its light and why.
    pub assessment: Assessment,
}

impl Plan {
    /// This week's collection, as of `today`.
    pub fn weekly_collection(&self, today: NaiveDate) -> Collection {
        let week = week_start(today);
        let by_task = self.reports_by_task(today);
        let tasks = self.actions_in_order().into_iter().flat_map(|a| self.tasks_of(a.id));
        let units = self.unit_weeks(tasks, week, |t| super::light::known(&by_task, t.id, today));
        Collection { week_start: week, today, units }
    }

    /// The weekly rule, for the week beginning `week` as known on
    /// `known(t).until`: a task owes a report from each responsible unit
    /// when it has started and was not done before the week began; the unit
    /// has reported on it when one of its reports is dated in the week.
    pub(crate) fn unit_weeks<'a, 'k>(
        &self,
        tasks: impl Iterator<Item = &'a Task>,
        week: NaiveDate,
        known: impl Fn(&Task) -> super::progress::Known<'k>,
    ) -> Vec<UnitWeek> {
        let mut units: Vec<UnitWeek> = Vec::new();
        for t in tasks {
            let k = known(t);
            let running = self.task_start(t) <= k.until && k.task_done_on(t).is_none_or(|d| d >= week);
            if !running {
                continue;
            }
            for u in &t.responsible {
                let reported = k.reports.iter().any(|r| r.unit == *u && r.date >= week);
                let entry = match units.iter_mut().position(|x| x.unit == *u) {
                    Some(i) => &mut units[i],
                    None => {
                        units.push(UnitWeek { unit: *u, reported: vec![], missing: vec![] });
                        units.last_mut().expect("just pushed")
                    }
                };
                if reported {
                    entry.reported.push(t.id);
                } else {
                    entry.missing.push(t.id);
                }
            }
        }
        units
    }

    /// A reminder to paste into a message: each unit that still owes a
    /// report, with the tasks (number and title).
    pub fn reminder_text(&self, c: &Collection, lang: Lang) -> String {
        let owing: Vec<&UnitWeek> = c.units.iter().filter(|u| !u.missing.is_empty()).collect();
        let zh = lang == Lang::Zh;
        let mut out = if zh {
            format!("【进展反馈提醒】本周（{} 起）以下任务尚未反馈进展，请于本周内报送：\n", c.week_start)
        } else {
            format!("Progress reports still due this week (from {}). Please send them this week:\n", c.week_start)
        };
        for u in owing {
            let name = self.unit(u.unit).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
            let tasks: Vec<String> =
                u.missing.iter().filter_map(|t| Some(format!("{} {}", self.task_number(*t)?, self.task(*t)?.title.get(lang)))).collect();
            out.push_str(&format!("{name}{}{}\n", if zh { "：" } else { ": " }, tasks.join(if zh { "；" } else { "; " })));
        }
        out
    }

    /// The tasks a hearing covers.
    pub fn hearing_tasks(&self, scope: HearingScope) -> Vec<Id> {
        let mut out = Vec::new();
        for a in self.actions_in_order() {
            let whole = match scope {
                HearingScope::Leader(l) => a.leaders.contains(&l),
                HearingScope::Action(x) => a.id == x,
            };
            for t in self.tasks_of(a.id) {
                if whole || matches!(scope, HearingScope::Leader(l) if t.person == Some(l)) {
                    out.push(t.id);
                }
            }
        }
        out
    }

    /// The day of the last monthly hearing for this scope before `today`
    /// (chaired by the leader, or discussing the action's tasks).
    pub fn last_hearing(&self, scope: HearingScope, today: NaiveDate) -> Option<NaiveDate> {
        let tasks = self.hearing_tasks(scope);
        live(&self.meetings)
            .filter(|m| m.kind == MeetingKind::MonthlyHearing && m.date < today)
            .filter(|m| match scope {
                HearingScope::Leader(l) => m.chair == Some(l),
                HearingScope::Action(_) => m.tasks.iter().any(|t| tasks.contains(t)),
            })
            .map(|m| m.date)
            .max()
    }

    /// The hearing pack for `scope`: what changed after `since`, as of `today`.
    pub fn hearing_pack(&self, scope: HearingScope, since: NaiveDate, today: NaiveDate) -> Pack {
        let tasks = self.hearing_tasks(scope);
        let by_task = self.reports_by_task(today);
        let mut reports: Vec<(NaiveDate, Id)> = Vec::new();
        let mut milestones_done = Vec::new();
        let mut changed = Vec::new();
        let mut attention = Vec::new();
        for id in &tasks {
            let Some(t) = self.task(*id) else { continue };
            let k = super::light::known(&by_task, t.id, today);
            reports.extend(k.reports.iter().filter(|r| r.date > since).map(|r| (r.date, r.id)));
            for m in live(&t.milestones) {
                if let Some(on) = k.milestone_done_on(m).filter(|d| *d > since) {
                    milestones_done.push((t.id, m.id, on));
                }
            }
            let before = self.task_light(t, since);
            let now = self.task_light_in(t, &k);
            if before.light != now.light {
                changed.push(LightChange { task: t.id, before, now: now.clone() });
            }
            if matches!(now.light, Light::Red | Light::Yellow) {
                attention.push((t.id, now));
            }
        }
        reports.sort();
        attention.sort_by_key(|(_, a)| std::cmp::Reverse(a.light.rank()));
        let mut problems: Vec<(NaiveDate, Id)> =
            live(&self.problems).filter(|p| p.resolved_on.is_none() && tasks.contains(&p.task)).map(|p| (p.raised_on, p.id)).collect();
        problems.sort();
        let mut risks: Vec<&super::Risk> = live(&self.risks).filter(|r| r.is_open() && tasks.contains(&r.task)).collect();
        super::numbers::sort_by(&mut risks, |r| std::cmp::Reverse(r.level));
        let w = self.settings.warning_days;
        let task_set: std::collections::HashSet<Id> = tasks.iter().copied().collect();
        let mut decisions: Vec<DecisionState> = live(&self.meetings)
            .filter(|m| m.date <= today)
            .filter(|m| {
                m.concerns(
                    &task_set,
                    match scope {
                        HearingScope::Leader(l) => Some(l),
                        HearingScope::Action(_) => None,
                    },
                )
            })
            .flat_map(|m| m.decisions.iter().map(move |d| DecisionState { meeting: m.id, decision: d.id, assessment: d.light(today, w) }))
            .collect();
        super::numbers::sort_by(&mut decisions, |d| std::cmp::Reverse(d.assessment.light.rank()));
        let plans = tasks.iter().filter_map(|id| self.task(*id)).map(|t| (t.id, t.plan_submitted_on.filter(|d| *d <= today))).collect();
        let by_leader = |i: Id| matches!(scope, HearingScope::Leader(l) if self.instruction(i).is_some_and(|x| x.leader == l));
        let instructions = self.open_instructions(today).into_iter().filter(|o| task_set.contains(&o.task) || by_leader(o.id)).collect();
        Pack {
            since,
            today,
            tasks,
            reports: reports.into_iter().map(|(_, id)| id).collect(),
            milestones_done,
            changed,
            attention,
            problems: problems.into_iter().map(|(_, id)| id).collect(),
            risks: risks.into_iter().map(|r| r.id).collect(),
            decisions,
            plans,
            instructions,
        }
    }
}
