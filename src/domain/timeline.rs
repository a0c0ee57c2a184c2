//! The timeline (Gantt) as data: which span of the calendar a zoom shows,
//! its ticks, and one row per key action and task with its bar and
//! milestones. The app only draws it.

use super::board::Scope;
use super::light::Light;
use super::plan::live;
use super::{Id, Plan, Text};
use chrono::{Datelike, Days, Months, NaiveDate};

/// How much of the calendar the timeline shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Zoom {
    Month,
    Quarter,
    #[default]
    Year,
}

impl Zoom {
    pub const ALL: [Zoom; 3] = [Zoom::Month, Zoom::Quarter, Zoom::Year];

    pub fn key(self) -> &'static str {
        match self {
            Zoom::Month => "month",
            Zoom::Quarter => "quarter",
            Zoom::Year => "year",
        }
    }

    pub fn parse(s: &str) -> Option<Zoom> {
        Zoom::ALL.into_iter().find(|z| z.key() == s)
    }

    /// The first and last day shown around `today`.
    pub fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first_of = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(today);
        let start = match self {
            Zoom::Month => first_of(today.year(), today.month()),
            Zoom::Quarter => first_of(today.year(), (today.month0() / 3) * 3 + 1),
            Zoom::Year => first_of(today.year(), 1),
        };
        let months = match self {
            Zoom::Month => 1,
            Zoom::Quarter => 3,
            Zoom::Year => 12,
        };
        let end = start.checked_add_months(Months::new(months)).and_then(|d| d.pred_opt()).unwrap_or(today);
        (start, end)
    }

    /// The first day of the span `n` spans after (or, negative, before)
    /// the one around `anchor`: the previous or next month, quarter, year.
    pub fn step(self, anchor: NaiveDate, n: i32) -> NaiveDate {
        let start = self.range(anchor).0;
        let months = match self {
            Zoom::Month => 1,
            Zoom::Quarter => 3,
            Zoom::Year => 12,
        } * n.unsigned_abs();
        let moved = if n < 0 { start.checked_sub_months(Months::new(months)) } else { start.checked_add_months(Months::new(months)) };
        moved.unwrap_or(start)
    }

    /// Tick dates: months for a year or a quarter, Mondays for a month.
    pub fn ticks(self, (start, end): (NaiveDate, NaiveDate)) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut d = start;
        while d <= end {
            out.push(d);
            d = match self {
                Zoom::Month => {
                    let next = d.checked_add_days(Days::new(1)).unwrap_or(end);
                    let to_monday = (7 - next.weekday().num_days_from_monday()) % 7;
                    match next.checked_add_days(Days::new(to_monday as u64)) {
                        Some(n) if n > d => n,
                        _ => break,
                    }
                }
                _ => match d.checked_add_months(Months::new(1)) {
                    Some(n) => n,
                    None => break,
                },
            };
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowKind {
    Action,
    Task,
}

/// Where the middle of day `d` falls in `span` (0 at the span's first
/// moment, 1 at its last), or `None` when the day lies outside it: where a
/// milestone or the today line is drawn.
pub fn day_centre((start, end): (NaiveDate, NaiveDate), d: NaiveDate) -> Option<f64> {
    let days = ((end - start).num_days() + 1).max(1) as f64;
    (start..=end).contains(&d).then(|| ((d - start).num_days() as f64 + 0.5) / days)
}

/// Where the start of day `d` falls in `span`, clamped to 0..=1: where a
/// tick is drawn.
pub fn day_start((start, end): (NaiveDate, NaiveDate), d: NaiveDate) -> f64 {
    let days = ((end - start).num_days() + 1).max(1) as f64;
    ((d - start).num_days() as f64 / days).clamp(0.0, 1.0)
}

/// A milestone's mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub id: Id,
    pub title: Text,
    pub due: NaiveDate,
    pub light: Light,
}

impl Mark {
    /// Past its due date and not done: its light is red only then.
    pub fn overdue(&self) -> bool {
        self.light == Light::Red
    }
}

/// One row: a key action (spanning its tasks) or a task.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub id: Id,
    /// "7" or "7.1".
    pub number: String,
    /// The key action's or the task's title.
    pub title: Text,
    pub start: NaiveDate,
    /// `None`: no due date; the bar runs on to the edge, drawn open.
    pub end: Option<NaiveDate>,
    pub light: Light,
    pub marks: Vec<Mark>,
}

impl Row {
    /// The bar's left and right edges in `span` (0..=1): from the start of
    /// its first day to the end of its due day, or on to the span's end when
    /// it has no due date; `None` when it lies wholly outside the span.
    pub fn bar(&self, span: (NaiveDate, NaiveDate)) -> Option<(f64, f64)> {
        let (s, e) = span;
        if self.start > e || self.end.is_some_and(|end| end < s) {
            return None;
        }
        let right = match self.end {
            Some(end) if end < e => day_start(span, end.succ_opt().unwrap_or(end)),
            _ => 1.0,
        };
        Some((day_start(span, self.start), right))
    }
}

impl Plan {
    /// The timeline's rows for `scope`, as of `today`.
    pub fn timeline(&self, scope: &Scope, today: NaiveDate) -> Vec<Row> {
        let mut rows = Vec::new();
        let numbers = self.task_numbers();
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            if scope.action.is_some_and(|x| x != a.id) {
                continue;
            }
            let tasks: Vec<_> = self.tasks_of(a.id).into_iter().filter(|t| scope.includes(t, self)).collect();
            if tasks.is_empty() && (scope.unit.is_some() || scope.action.is_none()) {
                continue;
            }
            let lights: Vec<Light> = tasks.iter().map(|t| self.task_light(t, today).light).collect();
            let start = tasks.iter().map(|t| self.task_start(t)).min().unwrap_or(self.kickoff);
            let end = if tasks.iter().all(|t| t.due.is_some()) { tasks.iter().filter_map(|t| t.due).max() } else { None };
            let light = lights.iter().copied().max_by_key(|l| l.rank()).unwrap_or(Light::Grey);
            rows.push(Row {
                kind: RowKind::Action,
                id: a.id,
                number: self.action_no(a.id, i).to_string(),
                title: a.title.clone(),
                start,
                end,
                light,
                marks: vec![],
            });
            for (j, (t, light)) in tasks.iter().zip(lights).enumerate() {
                let marks = live(&t.milestones)
                    .filter_map(|m| {
                        m.due.map(|due| Mark { id: m.id, title: m.title.clone(), due, light: self.milestone_light(t, m, today).light })
                    })
                    .collect();
                let number = numbers.get(&t.id).cloned().unwrap_or_else(|| self.task_no(t.id, self.action_no(a.id, i), j));
                rows.push(Row {
                    kind: RowKind::Task,
                    id: t.id,
                    number,
                    title: t.title.clone(),
                    start: self.task_start(t),
                    end: t.due,
                    light,
                    marks,
                });
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn each_zoom_shows_its_span_around_today() {
        assert_eq!(Zoom::Year.range(d(2022, 6, 30)), (d(2022, 1, 1), d(2022, 12, 31)));
        assert_eq!(Zoom::Quarter.range(d(2022, 6, 30)), (d(2022, 4, 1), d(2022, 6, 30)));
        assert_eq!(Zoom::Quarter.range(d(2022, 11, 2)), (d(2022, 10, 1), d(2022, 12, 31)));
        assert_eq!(Zoom::Month.range(d(2022, 2, 7)), (d(2022, 2, 1), d(2022, 2, 28)));
    }

    #[test]
    fn each_zoom_steps_to_the_previous_or_next_span() {
        assert_eq!(Zoom::Year.step(d(2027, 2, 1), 1), d(2028, 1, 1));
        assert_eq!(Zoom::Year.step(d(2027, 2, 1), -1), d(2026, 1, 1));
        assert_eq!(Zoom::Year.range(Zoom::Year.step(d(2026, 12, 2), 1)), (d(2027, 1, 1), d(2027, 12, 31)));
        assert_eq!(Zoom::Quarter.step(d(2027, 2, 1), -1), d(2026, 10, 1));
        assert_eq!(Zoom::Month.step(d(2027, 1, 31), 1), d(2027, 2, 1));
        assert_eq!(Zoom::Month.step(d(2027, 3, 31), -13), d(2026, 2, 1));
    }

    #[test]
    fn ticks_are_months_or_mondays() {
        assert_eq!(Zoom::Year.ticks(Zoom::Year.range(d(2022, 6, 30))).len(), 12);
        assert_eq!(Zoom::Quarter.ticks(Zoom::Quarter.range(d(2022, 6, 30))), vec![d(2022, 4, 1), d(2022, 5, 1), d(2022, 6, 1)]);
        // February 2022: the 1st, then Mondays 7, 14, 21, 28.
        assert_eq!(
            Zoom::Month.ticks(Zoom::Month.range(d(2022, 2, 7))),
            vec![d(2022, 2, 1), d(2022, 2, 7), d(2022, 2, 14), d(2022, 2, 21), d(2022, 2, 28)]
        );
    }

    #[test]
    fn zoom_keys_round_trip() {
        for z in Zoom::ALL {
            assert_eq!(Zoom::parse(z.key()), Some(z));
        }
        assert_eq!(Zoom::parse("decade"), None);
    }

    #[test]
    fn one_row_per_task_under_its_action() {
        let plan = luohu_2022();
        let rows = plan.timeline(&Scope::default(), d(2022, 6, 30));
        let tasks = rows.iter().filter(|r| r.kind == RowKind::Task).count();
        assert_eq!(tasks, 9);
        // Actions without tasks are left out of the chart.
        let actions: Vec<&str> = rows.iter().filter(|r| r.kind == RowKind::Action).map(|r| r.number.as_str()).collect();
        assert_eq!(actions, vec!["6", "7", "8", "9"]);
        let t71 = rows.iter().find(|r| r.number == "7.1").unwrap();
        assert_eq!((t71.start, t71.end, t71.light), (d(2022, 2, 7), Some(d(2022, 12, 31)), Light::Red));
        // 9.2 has no due date: its bar runs open, and so does action 9's.
        assert_eq!(rows.iter().find(|r| r.number == "9.2").unwrap().end, None);
        assert_eq!(rows.iter().find(|r| r.number == "9").unwrap().end, None);
    }

    #[test]
    fn the_scope_narrows_the_rows() {
        let plan = luohu_2022();
        let dongmen = Id::from_name("unit:dongmen");
        let rows = plan.timeline(&Scope { unit: Some(dongmen), ..Scope::default() }, d(2022, 6, 30));
        let numbers: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(numbers, vec!["7", "7.1"]);
    }

    #[test]
    fn every_zoom_reaches_the_previous_and_next_years_one_span_at_a_time() {
        for zoom in Zoom::ALL {
            for anchor in [d(2022, 1, 1), d(2022, 6, 30), d(2022, 12, 31)] {
                for dir in [-1, 1] {
                    // Each step lands on the span right before or after the last:
                    // no gap, no overlap, and the neighbouring years are reached.
                    let mut span = zoom.range(anchor);
                    let mut years = vec![anchor.year()];
                    for n in 1..=13 {
                        let next = zoom.range(zoom.step(anchor, dir * n));
                        if dir > 0 {
                            assert_eq!(next.0, span.1.succ_opt().unwrap(), "{zoom:?} from {anchor}, step {n}");
                        } else {
                            assert_eq!(next.1, span.0.pred_opt().unwrap(), "{zoom:?} from {anchor}, step {n}");
                        }
                        span = next;
                        years.push(span.0.year());
                    }
                    assert!(years.contains(&(anchor.year() + dir)), "{zoom:?} from {anchor} reaches {}", anchor.year() + dir);
                }
            }
        }
    }

    #[test]
    fn a_bar_runs_from_its_start_to_the_end_of_its_due_day() {
        let year = Zoom::Year.range(d(2022, 6, 30));
        let row = |start, end| Row {
            kind: RowKind::Task,
            id: Id::from_name("task:x"),
            number: "1.1".into(),
            title: Text::new("任务", "Task"),
            start,
            end,
            light: Light::Green,
            marks: vec![],
        };
        // July 1 is day 181 of 365.
        assert_eq!(row(d(2022, 1, 1), Some(d(2022, 6, 30))).bar(year), Some((0.0, 181.0 / 365.0)));
        // Started before the span, due after it: the whole width.
        assert_eq!(row(d(2021, 3, 1), Some(d(2023, 6, 30))).bar(year), Some((0.0, 1.0)));
        // No due date: open to the span's end.
        assert_eq!(row(d(2022, 7, 1), None).bar(year), Some((181.0 / 365.0, 1.0)));
        // Wholly before or after the span: no bar.
        assert_eq!(row(d(2021, 3, 1), Some(d(2021, 12, 31))).bar(year), None);
        assert_eq!(row(d(2023, 1, 1), None).bar(year), None);
    }

    #[test]
    fn a_day_is_marked_at_its_middle_and_only_inside_the_span() {
        let feb = Zoom::Month.range(d(2022, 2, 7));
        assert_eq!(day_centre(feb, d(2022, 2, 1)), Some(0.5 / 28.0));
        assert_eq!(day_centre(feb, d(2022, 2, 28)), Some(27.5 / 28.0));
        assert_eq!(day_centre(feb, d(2022, 3, 1)), None);
        assert_eq!(day_centre(feb, d(2022, 1, 31)), None);
        assert_eq!(day_start(feb, d(2022, 2, 15)), 0.5);
        assert_eq!(day_start(feb, d(2022, 3, 15)), 1.0);
    }

    #[test]
    fn rows_carry_their_titles_and_overdue_milestones_are_the_red_ones() {
        let mut plan = luohu_2022();
        let today = d(2022, 6, 30);
        let t = plan.timeline(&Scope::default(), today).into_iter().find(|r| r.number == "7.1").unwrap().id;
        let stamp = crate::domain::Stamp { by: None, at: chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2022, 6, 1, 8, 0, 0).unwrap() };
        plan.add_milestone(t, Text::new("方案", "Plan drawn up"), Some(d(2022, 5, 31)), stamp).unwrap();
        plan.add_milestone(t, Text::new("验收", "Accepted"), Some(d(2022, 11, 30)), stamp).unwrap();
        let rows = plan.timeline(&Scope::default(), today);
        let t71 = rows.iter().find(|r| r.number == "7.1").unwrap();
        let task = plan.task(t71.id).unwrap();
        assert_eq!(t71.title, task.title);
        assert!(!t71.title.en.is_empty() && !t71.title.zh.is_empty());
        let a7 = rows.iter().find(|r| r.number == "7").unwrap();
        assert!(!a7.title.en.is_empty());
        let marks: Vec<&Mark> = rows.iter().flat_map(|r| &r.marks).collect();
        let overdue: Vec<&&Mark> = marks.iter().filter(|m| m.overdue()).collect();
        assert_eq!(overdue.iter().map(|m| m.title.en.as_str()).collect::<Vec<_>>(), vec!["Plan drawn up"]);
        for m in &marks {
            assert_eq!(m.overdue(), m.light == Light::Red);
            if m.overdue() {
                assert!(m.due < today, "{} is overdue", m.due);
                assert!(!m.title.en.is_empty());
            }
        }
    }
}
