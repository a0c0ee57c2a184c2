//! The board's pictures, as figures: completion over time against the share
//! of the plan's window elapsed (序时进度), and each unit's weeks of
//! reporting on time. Both derived from the reports, never stored, by the
//! rules the board and the weekly collection already use.

use super::appraisal::week_start;
use super::board::Scope;
use super::progress::Known;
use super::{Id, Plan, Report, Task};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashMap;

/// One point of the burn-up.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnPoint {
    pub date: NaiveDate,
    /// Mean task progress as known from the reports up to `date`, 0..=100;
    /// `None` after the board's day (not known yet).
    pub progress: Option<f64>,
    /// The share of the plan's window elapsed at `date`, 0..=100.
    pub elapsed: f64,
}

/// Completion over the plan's window.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnUp {
    /// The window: the kick-off to the last due date in scope.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The window's start, the first of each month in it, the board's day
    /// (when inside it) and its end, in date order.
    pub points: Vec<BurnPoint>,
}

/// A unit's weekly reporting: the whole weeks it owed a report and those in
/// which it reported on every task it owed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnTime {
    pub unit: Id,
    pub owed: usize,
    pub on_time: usize,
}

impl OnTime {
    /// The share of owed weeks reported on time, 0..=100 (100 when none was owed).
    pub fn percent(&self) -> f64 {
        if self.owed == 0 {
            100.0
        } else {
            100.0 * self.on_time as f64 / self.owed as f64
        }
    }
}

/// A task's reports known on `until`, from its reports known later (oldest first).
fn known_on<'a>(by_task: &'a HashMap<Id, Vec<&'a Report>>, task: Id, until: NaiveDate) -> Known<'a> {
    let all = by_task.get(&task).map(Vec::as_slice).unwrap_or(&[]);
    Known { reports: &all[..all.partition_point(|r| r.date <= until)], until }
}

impl Plan {
    /// The plan's window for `tasks`: the kick-off to the last due date,
    /// or to the year's end when none has one; at least a day long.
    pub fn window(&self, tasks: &[&Task]) -> (NaiveDate, NaiveDate) {
        let start = self.kickoff;
        let year_end = NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(start);
        let end = tasks.iter().filter_map(|t| t.due).max().unwrap_or(year_end);
        (start, end.max(start + Duration::days(1)))
    }

    /// Completion over time for `scope` as of `today`: the board's mean
    /// progress at each point, from the reports known then.
    pub fn burn_up(&self, scope: &Scope, today: NaiveDate) -> BurnUp {
        let tasks: Vec<&Task> = self.tasks_in_order().into_iter().filter(|t| scope.includes(t, self)).collect();
        let (start, end) = self.window(&tasks);
        let mut dates = vec![start];
        let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
        loop {
            month = month.checked_add_months(chrono::Months::new(1)).unwrap_or(end);
            if month >= end {
                break;
            }
            dates.push(month);
        }
        dates.push(end);
        if today > start && today < end && !dates.contains(&today) {
            dates.push(today);
            dates.sort();
        }
        let by_task = self.reports_by_task(today);
        let span = (end - start).num_days() as f64;
        let points = dates
            .into_iter()
            .map(|date| {
                let progress = (date <= today).then(|| {
                    let sum: f64 = tasks
                        .iter()
                        .map(|t| {
                            let k = known_on(&by_task, t.id, date);
                            k.counted_progress(t, k.task_done_on(t).is_some())
                        })
                        .sum();
                    if tasks.is_empty() {
                        0.0
                    } else {
                        sum / tasks.len() as f64
                    }
                });
                let elapsed = (100.0 * (date - start).num_days() as f64 / span).clamp(0.0, 100.0);
                BurnPoint { date, progress, elapsed }
            })
            .collect();
        BurnUp { start, end, points }
    }

    /// Each responsible unit's reporting on time for `scope`, over the
    /// whole weeks from the kick-off's week to the week before `today`'s
    /// (the week under way is the board's "not reported" list), by the
    /// weekly collection's rule; the worst first, then by owed weeks.
    pub fn on_time_by_unit(&self, scope: &Scope, today: NaiveDate) -> Vec<OnTime> {
        let tasks: Vec<&Task> = self.tasks_in_order().into_iter().filter(|t| scope.includes(t, self)).collect();
        let by_task = self.reports_by_task(today);
        let mut out: Vec<OnTime> = Vec::new();
        let this_week = week_start(today);
        let mut week = week_start(self.kickoff);
        while week < this_week {
            let last_day = week + Duration::days(6);
            for u in self.unit_weeks(tasks.iter().copied(), week, |t| known_on(&by_task, t.id, last_day)) {
                if scope.unit.is_some_and(|x| x != u.unit) {
                    continue;
                }
                let i = match out.iter().position(|o| o.unit == u.unit) {
                    Some(i) => i,
                    None => {
                        out.push(OnTime { unit: u.unit, owed: 0, on_time: 0 });
                        out.len() - 1
                    }
                };
                out[i].owed += 1;
                out[i].on_time += usize::from(u.missing.is_empty());
            }
            week += Duration::days(7);
        }
        // Lowest share first, in whole thousandths so the key is exact.
        super::numbers::sort_by(&mut out, |o| ((o.percent() * 10.0).round() as i64, std::cmp::Reverse(o.owed)));
        out
    }
}
