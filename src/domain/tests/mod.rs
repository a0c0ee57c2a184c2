//! Native unit tests of the domain, one file per area.

mod appraisal;
mod board;
mod bulletin;
mod calendar;
mod charts;
mod corrections;
mod edit;
mod example;
mod filter;
mod import_log;
mod input;
mod leader;
mod light;
mod meetings;
mod plan_head;
mod progress;
mod reminders;
mod sheet_in;
mod spreadsheet;
mod task_edit;
mod three_way;
mod usage;
mod validate;
mod workflow;

use crate::domain::example::luohu_2022;
use crate::domain::{Id, Lang, Plan, Stamp};
use chrono::{NaiveDate, TimeZone, Utc};

/// A fixed stamp, so no test reads the clock.
fn stamp() -> Stamp {
    Stamp { by: None, at: Utc.with_ymd_and_hms(2022, 3, 1, 8, 0, 0).unwrap() }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn example() -> Plan {
    luohu_2022()
}

/// The live unit whose English name is `en`, or else contains it.
fn unit_id(plan: &Plan, en: &str) -> Id {
    let units = plan.units_sorted(Lang::En);
    let exact = units.iter().find(|u| u.name.en == en);
    exact.or_else(|| units.iter().find(|u| u.name.en.contains(en))).unwrap_or_else(|| panic!("no unit named like {en}")).id
}

/// The live key action shown as number `n`.
fn action_id(plan: &Plan, n: usize) -> Id {
    plan.actions_in_order()[n - 1].id
}

/// The live task shown as `number`, e.g. "9.2".
fn task_id(plan: &Plan, number: &str) -> Id {
    plan.tasks
        .iter()
        .map(|t| t.id)
        .find(|id| plan.task_number(*id).as_deref() == Some(number))
        .unwrap_or_else(|| panic!("no task {number}"))
}

/// The task numbers of one action, in display order.
fn numbers_of(plan: &Plan, action: Id) -> Vec<String> {
    plan.tasks_of(action).iter().map(|t| plan.task_number(t.id).unwrap()).collect()
}
mod keys;
