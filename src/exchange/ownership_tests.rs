//! The ownership rule across a full loop on the example: what a unit adds
//! to its own task lands at the office; what it changed but does not own is
//! refused by name, kept out of the office's trail, and put back at its
//! next slice.

use super::file::{write, Body, Kind};
use super::import::{finish, prepare, Mode, Side};
use super::merge::{RecordKind, Why};
use super::slice::{report, slice};
use super::trail::commit;
use crate::domain::example::luohu_2022;
use crate::domain::task_edit::{ReportDraft, TargetDraft};
use crate::domain::{Direction, Id, Plan, Reading, Stamp, Text};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::Value;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 3, day, 9, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 3, d).unwrap()
}

/// The example, a unit that leads a task with a deadline, and that task.
fn office_and_lead() -> (Plan, Id, Id) {
    let p = luohu_2022();
    let t = p.tasks.iter().find(|t| t.due.is_some() && t.lead_unit().is_some()).unwrap();
    let (task, lead) = (t.id, t.lead_unit().unwrap());
    (p, lead, task)
}

/// The unit's browser after importing its slice: (table, base).
fn receive(office: &Plan, me: Id, day: u32) -> (Plan, Plan) {
    let text = write(Kind::Slice, &Body { plan: slice(office, me), base: None }, None, Some(me), at(day));
    let fresh = luohu_2022();
    let side = Side { plan: &fresh, me: None, base: None };
    let p = prepare("s.json", &text, side).unwrap();
    let o = finish(side, &p, &[], Stamp { by: None, at: at(day) }).unwrap();
    (o.plan, o.base.unwrap())
}

/// Run a command as the unit's page does: kept only if the unit owns it.
fn as_page<R>(plan: &mut Plan, stamp: Stamp, f: impl FnOnce(&mut Plan, Stamp) -> R) -> R {
    let before = plan.clone();
    let out = f(plan, stamp);
    commit(&before, plan, stamp).expect("the unit owns this");
    out
}

#[test]
fn a_target_a_unit_adds_to_its_task_and_reads_lands_at_the_office() {
    let (office, lead, task) = office_and_lead();
    let (mut unit, base) = receive(&office, lead, 2);
    let stamp = Stamp { by: Some(lead), at: at(3) };
    let d = TargetDraft {
        name: Text::new("签约企业", ""),
        measure: "家".into(),
        baseline: Some(0.0),
        target: 10.0,
        direction: Direction::AtLeast,
    };
    let target = as_page(&mut unit, stamp, |p, s| p.add_target(task, d, s)).unwrap();
    let r = ReportDraft { task, unit: lead, date: day(4), readings: vec![Reading { target, value: 4.0 }], ..Default::default() };
    as_page(&mut unit, stamp, |p, s| p.record_report(r, s)).unwrap();
    let file = write(Kind::Report, &report(&unit, &base), Some(lead), Some(lead), at(5));
    let p = prepare("r.json", &file, Side { plan: &office, me: None, base: None }).unwrap();
    assert!(p.preview.refused.is_empty(), "{:?}", p.preview.refused);
    let after = finish(Side { plan: &office, me: None, base: None }, &p, &[], Stamp { by: None, at: at(6) }).unwrap().plan;
    assert_eq!(after.target_current(task, target, day(30)), Some(4.0));
    assert_eq!(after.task(task).unwrap().targets.iter().find(|x| x.id == target).unwrap().added_by, Some(lead));
}

#[test]
fn a_deadline_a_unit_changed_is_refused_by_name_kept_out_of_the_trail_and_put_back() {
    let (office, lead, task) = office_and_lead();
    let (mut unit, base) = receive(&office, lead, 2);
    // An older version of the app let a unit save this: by hand here.
    let before = unit.clone();
    let t = unit.tasks.iter_mut().find(|t| t.id == task).unwrap();
    let was = t.due;
    t.due = Some(day(31));
    t.plan = "我们的施工图".into();
    crate::exchange::trail::record_trail(&before, &mut unit, Stamp { by: Some(lead), at: at(3) });
    assert!(unit.trail.iter().any(|c| c.field == "due"), "the unit's copy recorded it");
    // The page of today refuses it.
    let mut again = before.clone();
    again.tasks.iter_mut().find(|t| t.id == task).unwrap().due = Some(day(30));
    let refused = commit(&before, &mut again, Stamp { by: Some(lead), at: at(3) }).unwrap_err();
    assert!(matches!(refused, crate::domain::edit::EditError::NotYours(ref w) if w.iter().any(|(_, f)| f == "due")));
    assert_eq!(again, before, "nothing of it is kept");

    let file = write(Kind::Report, &report(&unit, &base), Some(lead), Some(lead), at(4));
    let office_side = Side { plan: &office, me: None, base: None };
    let p = prepare("r.json", &file, office_side).unwrap();
    let r = p.preview.refused.iter().find(|r| r.item.key.id == task).expect("the deadline is listed as refused");
    assert_eq!((r.item.key.kind, r.field.as_deref(), r.why), (RecordKind::Task, Some("due"), Why::NotOwner));
    assert_eq!(r.value, Value::from("2022-03-31"));
    let label = crate::exchange::merge::label(&office, p.incoming(), r.item.key);
    assert!(!label.zh.is_empty() && !label.zh.contains(&task.to_string()));
    let mut office = finish(office_side, &p, &[], Stamp { by: None, at: at(5) }).unwrap().plan;
    assert_eq!(office.task(task).unwrap().due, was, "the deadline did not land");
    assert_eq!(office.task(task).unwrap().plan, "我们的施工图", "the plan, the unit's own, did");
    assert!(!office.trail.iter().any(|c| c.record == task && c.field == "due"), "the trail records only what landed");
    assert!(office.trail.iter().any(|c| c.record == task && c.field == "plan"));

    // The office changes something else; the unit's next slice puts the deadline back.
    let stamp = Stamp { by: None, at: at(6) };
    let b = office.clone();
    office.update_settings(crate::domain::Settings { warning_days: 5, ..office.settings.clone() }, stamp).unwrap();
    commit(&b, &mut office, stamp).unwrap();
    let text = write(Kind::Slice, &Body { plan: slice(&office, lead), base: None }, None, Some(lead), at(7));
    let side = Side { plan: &unit, me: Some(lead), base: Some(&base) };
    let p = prepare("s2.json", &text, side).unwrap();
    assert_eq!(p.mode, Mode::Merge);
    let put_back: Vec<&str> = p.preview.restored.iter().flat_map(|c| c.fields.iter().map(|f| f.field.as_str())).collect();
    assert_eq!(put_back, vec!["due"], "{:?}", p.preview.restored);
    assert!(p.preview.conflicts.is_empty(), "{:?}", p.preview.conflicts);
    let unit = finish(side, &p, &[], Stamp { by: Some(lead), at: at(8) }).unwrap().plan;
    assert_eq!(unit.task(task).unwrap().due, was, "the office's deadline is back");
    assert_eq!(unit.settings.warning_days, 5);
    assert_eq!(unit.task(task).unwrap().plan, "我们的施工图");
}

#[test]
fn a_units_extension_and_closure_reach_the_office_and_the_rulings_come_back_in_the_next_slice() {
    use crate::domain::requests::{ClosureDraft, Decision, ExtensionDraft};
    let (mut office, lead, task) = office_and_lead();
    office.settings.as_of = None;
    let other = office.tasks.iter().find(|t| t.id != task && t.lead_unit() == Some(lead) && t.due.is_some()).map(|t| t.id);
    let (mut unit, base) = receive(&office, lead, 2);
    let stamp = Stamp { by: Some(lead), at: at(3) };
    let due = unit.task(task).unwrap().due.unwrap();
    let to = due + chrono::Duration::days(30);
    let d = ExtensionDraft { task, unit: lead, date: day(3), milestone: None, to: Some(to), reason: "征地延迟".into() };
    let ext = as_page(&mut unit, stamp, |p, s| p.ask_extension(d, s)).unwrap();
    let closing = other.unwrap_or(task);
    let c = ClosureDraft { task: closing, unit: lead, date: day(3), done_on: Some(day(2)), summary: "已全部完成".into() };
    let clo = as_page(&mut unit, stamp, |p, s| p.apply_closure(c, s)).unwrap();
    let file = write(Kind::Report, &report(&unit, &base), Some(lead), Some(lead), at(4));
    let office_side = Side { plan: &office, me: None, base: None };
    let p = prepare("r.json", &file, office_side).unwrap();
    assert!(p.preview.refused.is_empty(), "{:?}", p.preview.refused);
    let mut office = finish(office_side, &p, &[], Stamp { by: None, at: at(5) }).unwrap().plan;
    assert_eq!(office.requests().len(), 2);
    // The office rules, as its page does (kept only when it owns the change).
    let os = Stamp { by: None, at: at(6) };
    as_page(&mut office, os, |p, s| p.rule(ext, true, String::new(), day(6), s)).unwrap();
    as_page(&mut office, os, |p, s| p.rule(clo, false, "请补充完成情况".into(), day(6), s)).unwrap();
    assert!(office.trail.iter().any(|c| c.kind == "ruling"), "the rulings are in the trail");
    assert!(office.trail.iter().any(|c| c.record == task && c.field == "due"), "so is the moved deadline");
    // The unit's next slice brings both answers and the new deadline.
    let (unit, _) = receive(&office, lead, 7);
    assert_eq!(unit.task(task).unwrap().due, Some(to));
    assert_eq!(unit.original_due(task, None), Some(due));
    let states: Vec<Decision> = unit.requests().iter().map(|q| q.decision()).collect();
    assert!(states.contains(&Decision::Approved) && states.contains(&Decision::Refused), "{states:?}");
    assert_eq!(unit.closure_returns(closing), 1);
}

#[test]
fn a_ruling_a_unit_wrote_itself_is_refused_by_the_office() {
    use crate::domain::requests::ExtensionDraft;
    let (mut office, lead, task) = office_and_lead();
    office.settings.as_of = None;
    let (mut unit, base) = receive(&office, lead, 2);
    let stamp = Stamp { by: Some(lead), at: at(3) };
    let due = unit.task(task).unwrap().due.unwrap();
    let d =
        ExtensionDraft { task, unit: lead, date: day(3), milestone: None, to: Some(due + chrono::Duration::days(9)), reason: "r".into() };
    let ext = as_page(&mut unit, stamp, |p, s| p.ask_extension(d, s)).unwrap();
    // The page refuses a unit's ruling ...
    let before = unit.clone();
    let mut forged = unit.clone();
    forged.rule(ext, true, String::new(), day(3), stamp).unwrap();
    assert!(commit(&before, &mut forged, stamp).is_err(), "a unit does not rule");
    assert_eq!(forged, before, "nothing of it is kept");
    // ... and so does the office's import, when an old page wrote one.
    forged.rule(ext, true, String::new(), day(3), stamp).unwrap();
    crate::exchange::trail::record_trail(&before, &mut forged, stamp);
    assert_eq!(report(&forged, &base).plan.rulings.len(), 1, "the file carries the ruling");
    let file = write(Kind::Report, &report(&forged, &base), Some(lead), Some(lead), at(4));
    let side = Side { plan: &office, me: None, base: None };
    let p = prepare("r.json", &file, side).unwrap();
    assert!(p.preview.refused.iter().any(|r| r.item.key.kind == RecordKind::Ruling));
    let after = finish(side, &p, &[], Stamp { by: None, at: at(5) }).unwrap().plan;
    assert!(after.rulings.is_empty());
    assert_eq!(after.task(task).unwrap().due, Some(due), "the deadline did not move");
    assert_eq!(after.requests().len(), 1, "the request itself landed");
}

/// The page's gate (`commit_change`, from the command's own journal)
/// refuses what the whole-plan rule (`commit`) refuses, names it alike,
/// and puts the plan back exactly: a unit moving its task's deadline and
/// deleting the task, the office doing the same.
#[test]
fn the_journal_gate_refuses_what_the_whole_plan_gate_refuses_and_puts_everything_back() {
    use crate::domain::edit::EditError;
    use crate::exchange::trail::commit_change;
    let (office, lead, task) = office_and_lead();
    let (unit, _) = receive(&office, lead, 2);
    let later = |p: &mut Plan, s: Stamp| {
        let mut d = p.task_draft(task).unwrap();
        d.due = Some(day(30));
        p.update_task(task, d, s)
    };
    for (plan, by) in [(unit.clone(), Some(lead)), (office.clone(), None)] {
        let stamp = Stamp { by, at: at(3) };
        let delete = |p: &mut Plan, s: Stamp| p.delete_task(task, s);
        type Command<'a> = &'a dyn Fn(&mut Plan, Stamp) -> Result<(), EditError>;
        let commands: [Command; 2] = [&later, &delete];
        for f in commands {
            let mut whole = plan.clone();
            f(&mut whole, stamp).unwrap();
            let by_whole = commit(&plan, &mut whole, stamp);
            let mut page = plan.clone();
            let (r, journal) = page.run(|p| f(p, stamp));
            r.unwrap();
            let by_journal = commit_change(&mut page, journal, stamp);
            assert_eq!(by_journal, by_whole, "the same answer, the same names");
            match by_journal {
                Err(EditError::NotYours(_)) => {
                    assert_eq!(by, Some(lead), "only the unit is refused");
                    assert_eq!(page, plan, "put back exactly");
                }
                Ok(()) => {
                    assert_eq!(by, None, "the office owns the task");
                    let strip =
                        |p: &Plan| p.trail.iter().map(|e| (e.record, e.field.clone(), e.old.clone(), e.new.clone())).collect::<Vec<_>>();
                    assert_eq!(strip(&page), strip(&whole), "the same trail");
                    assert!(page.trail.len() > plan.trail.len());
                }
                Err(e) => panic!("unexpected {e}"),
            }
        }
    }
}
