//! The inverted schedule (倒排工期): from a deadline and a list of steps with
//! durations, each step's latest start and due date, counted backward.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// How durations are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// Every day counts.
    #[default]
    Calendar,
    /// Monday to Friday count; a weekend deadline moves to the Friday before.
    Working,
}

/// One step to schedule: a title and how many days it takes (0: a checkpoint).
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub title: String,
    pub days: u32,
}

/// A step placed on the calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub title: String,
    /// The latest day it can start.
    pub start: NaiveDate,
    /// The day it must be done.
    pub due: NaiveDate,
    /// Its latest start is already past (or today): it should have begun.
    pub should_have_started: bool,
}

/// The schedule inverted from a deadline.
#[derive(Clone, Debug, PartialEq)]
pub struct Inverted {
    pub steps: Vec<Placed>,
    /// The first step should have started before today: the steps take
    /// longer than the time left.
    pub too_long: bool,
    /// The deadline itself is already past.
    pub deadline_passed: bool,
}

fn is_working(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn back(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(NaiveDate::MIN)
}

/// The last counted day on or before `d`.
fn counted_on_or_before(d: NaiveDate, mode: DayCount) -> NaiveDate {
    let mut d = d;
    while mode == DayCount::Working && !is_working(d) && d > NaiveDate::MIN {
        d = back(d, 1);
    }
    d
}

/// The counted day `n` counted days before `d` (`d` itself counted).
fn counted_back(d: NaiveDate, n: u32, mode: DayCount) -> NaiveDate {
    match mode {
        DayCount::Calendar => back(d, n as u64),
        DayCount::Working => {
            let mut d = d;
            for _ in 0..n {
                d = counted_on_or_before(back(d, 1), mode);
            }
            d
        }
    }
}

/// Place `steps` (in order) so the last ends on `deadline`, each ending the
/// counted day before the next begins. `today` flags steps that should have
/// started already.
pub fn invert(deadline: NaiveDate, steps: &[Step], mode: DayCount, today: NaiveDate) -> Inverted {
    let mut placed = Vec::with_capacity(steps.len());
    let mut cursor = counted_on_or_before(deadline, mode);
    for step in steps.iter().rev() {
        let due = cursor;
        let start = if step.days == 0 { due } else { counted_back(due, step.days - 1, mode) };
        if step.days > 0 {
            cursor = counted_on_or_before(back(start, 1), mode);
        }
        placed.push(Placed { title: step.title.clone(), start, due, should_have_started: start <= today });
    }
    placed.reverse();
    let too_long = placed.first().is_some_and(|p| p.start < today);
    Inverted { steps: placed, too_long, deadline_passed: deadline < today }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn steps(list: &[(&str, u32)]) -> Vec<Step> {
        list.iter().map(|(t, n)| Step { title: t.to_string(), days: *n }).collect()
    }

    fn dates(inv: &Inverted) -> Vec<(NaiveDate, NaiveDate)> {
        inv.steps.iter().map(|p| (p.start, p.due)).collect()
    }

    #[test]
    fn calendar_days_count_back_from_the_deadline() {
        let inv = invert(d(2022, 12, 31), &steps(&[("design", 31), ("build", 30)]), DayCount::Calendar, d(2022, 3, 1));
        assert_eq!(dates(&inv), vec![(d(2022, 11, 1), d(2022, 12, 1)), (d(2022, 12, 2), d(2022, 12, 31))]);
        assert!(!inv.too_long && !inv.deadline_passed);
        assert!(inv.steps.iter().all(|p| !p.should_have_started));
    }

    #[test]
    fn a_weekend_deadline_moves_to_friday_in_working_days() {
        // 2022-12-31 is a Saturday.
        let inv = invert(d(2022, 12, 31), &steps(&[("check", 5)]), DayCount::Working, d(2022, 3, 1));
        assert_eq!(dates(&inv), vec![(d(2022, 12, 26), d(2022, 12, 30))]);
    }

    #[test]
    fn working_days_skip_weekends_between_steps() {
        // Friday 2022-12-30 back: step B Thu-Fri, step A ends Wed.
        let inv = invert(d(2022, 12, 30), &steps(&[("A", 3), ("B", 2)]), DayCount::Working, d(2022, 3, 1));
        assert_eq!(dates(&inv), vec![(d(2022, 12, 26), d(2022, 12, 28)), (d(2022, 12, 29), d(2022, 12, 30))]);
        // Across a weekend: B takes Mon 2023-01-02 and Fri 2022-12-30.
        let inv = invert(d(2023, 1, 2), &steps(&[("A", 1), ("B", 2)]), DayCount::Working, d(2022, 3, 1));
        assert_eq!(dates(&inv), vec![(d(2022, 12, 29), d(2022, 12, 29)), (d(2022, 12, 30), d(2023, 1, 2))]);
    }

    #[test]
    fn a_zero_length_step_is_a_checkpoint_that_takes_no_time() {
        let inv = invert(d(2022, 6, 30), &steps(&[("A", 10), ("acceptance", 0), ("B", 10)]), DayCount::Calendar, d(2022, 3, 1));
        assert_eq!(dates(&inv), vec![(d(2022, 6, 11), d(2022, 6, 20)), (d(2022, 6, 20), d(2022, 6, 20)), (d(2022, 6, 21), d(2022, 6, 30))]);
    }

    #[test]
    fn steps_longer_than_the_time_left_are_flagged() {
        let inv = invert(d(2022, 6, 30), &steps(&[("A", 100), ("B", 10)]), DayCount::Calendar, d(2022, 5, 1));
        assert!(inv.too_long);
        assert!(inv.steps[0].should_have_started);
        assert!(!inv.steps[1].should_have_started);
        assert!(!inv.deadline_passed);
    }

    #[test]
    fn a_deadline_already_past_flags_every_step() {
        let inv = invert(d(2022, 6, 30), &steps(&[("A", 5), ("B", 5)]), DayCount::Calendar, d(2022, 7, 15));
        assert!(inv.deadline_passed && inv.too_long);
        assert!(inv.steps.iter().all(|p| p.should_have_started));
    }

    #[test]
    fn a_step_starting_today_should_have_started() {
        let inv = invert(d(2022, 6, 30), &steps(&[("A", 30)]), DayCount::Calendar, d(2022, 6, 1));
        assert_eq!(inv.steps[0].start, d(2022, 6, 1));
        assert!(inv.steps[0].should_have_started);
        assert!(!inv.too_long);
    }

    #[test]
    fn no_steps_give_an_empty_schedule() {
        let inv = invert(d(2022, 6, 30), &[], DayCount::Working, d(2022, 3, 1));
        assert!(inv.steps.is_empty() && !inv.too_long);
    }
}
