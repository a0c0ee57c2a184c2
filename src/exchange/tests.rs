//! The exchange rules of DESIGN.md, played out on the example: the office
//! cuts a slice, the unit imports it and reports, the office imports the
//! report. Property tests over generated plans are in `tests/merge_props.rs`,
//! the corpus of bad files in `tests/bad_files.rs`.

use super::file::{write, Body, Kind};
use super::import::{finish, prepare, Mode, Outcome, Refused, Side};
use super::merge::{Choice, RecordKind, Why};
use super::slice::{report, slice};
use crate::domain::example::luohu_2022;
use crate::domain::task_edit::ReportDraft;
use crate::domain::{Id, Plan, Stamp};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 3, day, 9, 0, 0).unwrap()
}

fn unit(plan: &Plan, en: &str) -> Id {
    plan.units.iter().find(|u| u.name.en.starts_with(en)).unwrap().id
}

fn task(plan: &Plan, en: &str) -> Id {
    plan.tasks.iter().find(|t| t.title.en.starts_with(en)).unwrap().id
}

/// The office's table: the example with a milestone on the Dongmen task.
fn office() -> Plan {
    let mut p = luohu_2022();
    let t = task(&p, "Upgrading and renovating Dongmen");
    let title = crate::domain::Text::new("方案设计", "Design");
    p.add_milestone(t, title, NaiveDate::from_ymd_opt(2022, 4, 30), Stamp { by: None, at: at(1) }).unwrap();
    p
}

struct Unit {
    me: Id,
    plan: Plan,
    base: Plan,
}

/// A unit's browser (on the example) imports the slice the office cut.
fn receive(office: &Plan, me: Id) -> Unit {
    let text = write(Kind::Slice, &Body { plan: slice(office, me), base: None }, None, Some(me), at(2));
    let fresh = luohu_2022();
    let p = prepare("s.json", &text, Side { plan: &fresh, me: None, base: None }).unwrap();
    assert_eq!(p.mode, Mode::Replace);
    let o = finish(Side { plan: &fresh, me: None, base: None }, &p, &[], Stamp { by: None, at: at(2) }).unwrap();
    assert_eq!(o.me, Some(me), "importing a slice says who this browser acts as");
    Unit { me, plan: o.plan, base: o.base.unwrap() }
}

impl Unit {
    fn stamp(&self, day: u32) -> Stamp {
        Stamp { by: Some(self.me), at: at(day) }
    }

    fn report_file(&self, day: u32) -> String {
        write(Kind::Report, &report(&self.plan, &self.base), Some(self.me), Some(self.me), at(day))
    }

    /// A report on `task` that marks its first milestone done.
    fn report_done(&mut self, task: Id, day: u32) -> Id {
        let ms = self.plan.task(task).unwrap().milestones.iter().map(|m| m.id).take(1).collect();
        let d = ReportDraft {
            task,
            unit: self.me,
            date: NaiveDate::from_ymd_opt(2022, 3, day).unwrap(),
            narrative: "设计完成".into(),
            progress: Some(30.0),
            milestones_done: ms,
            ..Default::default()
        };
        let stamp = self.stamp(day);
        self.plan.record_report(d, stamp).unwrap()
    }
}

fn import(plan: &Plan, text: &str) -> Result<super::import::Prepared, Refused> {
    prepare("r.json", text, Side { plan, me: None, base: None })
}

fn apply(plan: &Plan, text: &str, choices: &[Option<Choice>]) -> Outcome {
    let p = import(plan, text).unwrap();
    finish(Side { plan, me: None, base: None }, &p, choices, Stamp { by: None, at: at(20) }).unwrap()
}

#[test]
fn a_report_round_trip_adds_the_report_and_the_plan_and_a_second_import_changes_nothing() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    u.plan.set_task_plan(t, "施工图".into(), NaiveDate::from_ymd_opt(2022, 2, 12), u.stamp(3)).unwrap();
    let report_id = u.report_done(t, 4);
    let file = u.report_file(5);

    let p = import(&office, &file).unwrap();
    assert_eq!(p.mode, Mode::Merge);
    assert!(p.preview.added.iter().any(|i| i.key.kind == RecordKind::Report && i.key.id == report_id));
    let change = p.preview.changed.iter().find(|c| c.item.key.id == t).expect("the task's plan changes");
    let fields: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["plan", "plan_submitted_on"]);
    assert_eq!(change.fields[0].old, "");
    assert_eq!(change.fields[0].new, "施工图");
    assert!(p.preview.conflicts.is_empty() && p.preview.refused.is_empty(), "{:?}", p.preview);

    let after = apply(&office, &file, &[]).plan;
    assert_eq!(after.task(t).unwrap().plan, "施工图");
    assert!(after.reports.iter().any(|r| r.id == report_id));
    let ms = after.task(t).unwrap().milestones[0].id;
    assert!(after.reports.iter().any(|r| r.milestones_done.contains(&ms)), "the milestone is reported done");

    let again = import(&after, &file).unwrap();
    assert!(again.preview.is_empty(), "{:?}", again.preview);
    assert!(again.preview.added.is_empty() && again.preview.changed.is_empty());
    assert!(!again.preview.present.is_empty());
    assert_eq!(apply(&after, &file, &[]).plan, after);
}

#[test]
fn a_field_both_sides_changed_is_a_conflict_a_person_resolves() {
    let mut office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    u.plan.set_task_plan(t, "unit's plan".into(), None, u.stamp(3)).unwrap();
    office.set_task_plan(t, "office's plan".into(), None, Stamp { by: None, at: at(3) }).unwrap();
    let file = u.report_file(5);
    let p = import(&office, &file).unwrap();
    assert_eq!(p.preview.conflicts.len(), 1, "{:?}", p.preview);
    let c = &p.preview.conflicts[0];
    assert_eq!((c.field.as_str(), &c.ours, &c.theirs, &c.base), ("plan", &"office's plan".into(), &"unit's plan".into(), &Some("".into())));

    let side = Side { plan: &office, me: None, base: None };
    let stamp = Stamp { by: None, at: at(20) };
    assert!(finish(side, &p, &[None], stamp).is_err(), "an unresolved conflict cannot be applied");
    let took = finish(side, &p, &[Some(Choice::Take)], stamp).unwrap().plan;
    assert_eq!(took.task(t).unwrap().plan, "unit's plan");
    let kept = finish(side, &p, &[Some(Choice::Keep)], stamp).unwrap().plan;
    assert_eq!(kept.task(t).unwrap().plan, "office's plan");
    assert_eq!(kept, office, "keeping the table's value changes nothing");
}

#[test]
fn what_the_unit_does_not_own_is_listed_and_refused() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    // A unit's copy lets it type anything; its report may carry only its own.
    u.plan.tasks.iter_mut().find(|x| x.id == t).unwrap().title.en = "Renamed by the unit".into();
    u.plan.units.iter_mut().find(|x| x.id == dongmen).unwrap().name.zh = "东门".into();
    let r = u.report_done(t, 4);
    u.plan.reports.iter_mut().find(|x| x.id == r).unwrap().meta.deleted = true;
    // The unit's report was never received by the office: a tombstone on a
    // new report still arrives as a record, so take one the office has.
    let file = u.report_file(5);
    let p = import(&office, &file).unwrap();
    let refused: Vec<(RecordKind, Option<&str>, Why)> =
        p.preview.refused.iter().map(|r| (r.item.key.kind, r.field.as_deref(), r.why)).collect();
    assert!(refused.contains(&(RecordKind::Task, Some("title"), Why::NotOwner)), "{refused:?}");
    assert!(refused.contains(&(RecordKind::Unit, Some("name"), Why::NotOwner)), "{refused:?}");
    let after = apply(&office, &file, &[]).plan;
    assert_eq!(after.task(t).unwrap().title, office.task(t).unwrap().title);
    assert_eq!(after.unit(dongmen).unwrap().name, office.unit(dongmen).unwrap().name);
}

#[test]
fn an_import_never_deletes_a_report() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    let r = u.report_done(t, 4);
    let after = apply(&office, &u.report_file(5), &[]).plan;
    // The unit then tombstones the report in its copy and reports again.
    u.plan.reports.iter_mut().find(|x| x.id == r).unwrap().meta.deleted = true;
    let p = import(&after, &u.report_file(6)).unwrap();
    assert!(p.preview.refused.iter().any(|x| x.item.key.id == r && x.why == Why::AppendOnly), "{:?}", p.preview.refused);
    let again = apply(&after, &u.report_file(6), &[]).plan;
    assert!(again.reports.iter().any(|x| x.id == r && !x.meta.deleted));
}

#[test]
fn reports_from_two_units_give_one_table_in_either_order() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let dawutong = unit(&office, "Dawutong");
    let mut a = receive(&office, dongmen);
    let mut b = receive(&office, dawutong);
    a.report_done(task(&office, "Upgrading and renovating Dongmen"), 4);
    let roads = task(&office, "Build or upgrade seven roads");
    b.plan.set_task_plan(roads, "七条路".into(), None, b.stamp(3)).unwrap();
    b.report_done(roads, 5);
    let (fa, fb) = (a.report_file(6), b.report_file(6));
    let ab = apply(&apply(&office, &fa, &[]).plan, &fb, &[]).plan;
    let ba = apply(&apply(&office, &fb, &[]).plan, &fa, &[]).plan;
    assert_eq!(ab, ba);
    assert_eq!(ab.reports.len(), office.reports.len() + 2);
}

#[test]
fn an_older_report_imported_after_a_newer_one_changes_nothing() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    u.plan.set_task_plan(t, "v1".into(), None, u.stamp(3)).unwrap();
    let first = u.report_file(3);
    u.plan.set_task_plan(t, "v2".into(), None, u.stamp(4)).unwrap();
    let second = u.report_file(4);
    let newer = apply(&office, &second, &[]).plan;
    let p = import(&newer, &first).unwrap();
    assert!(p.preview.is_empty(), "{:?}", p.preview);
    assert_eq!(p.preview.older.len(), 1);
    assert_eq!(apply(&newer, &first, &[]).plan.task(t).unwrap().plan, "v2");
    // The other order: the first, then the second, ends the same.
    let inorder = apply(&apply(&office, &first, &[]).plan, &second, &[]).plan;
    assert_eq!(inorder, newer);
}

#[test]
fn files_that_do_not_belong_are_refused_by_name() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let dawutong = unit(&office, "Dawutong");
    let u = receive(&office, dongmen);
    // Another plan.
    let mut other = office.clone();
    other.id = Id::from_name("plan:other");
    let text = write(Kind::Report, &report(&other, &other), Some(dongmen), Some(dongmen), at(5));
    assert!(matches!(import(&office, &text), Err(Refused::OtherPlan { .. })));
    // A slice into the office's own (non-example) table.
    let mut real = office.clone();
    real.example = false;
    let s = write(Kind::Slice, &Body { plan: slice(&office, dongmen), base: None }, None, Some(dongmen), at(2));
    assert_eq!(import(&real, &s).unwrap_err(), Refused::SliceForOffice);
    // Another unit's slice into a unit.
    let s2 = write(Kind::Slice, &Body { plan: slice(&office, dawutong), base: None }, None, Some(dawutong), at(2));
    let side = Side { plan: &u.plan, me: Some(dongmen), base: Some(&u.base) };
    let e = prepare("x", &s2, side).unwrap_err();
    assert!(matches!(&e, Refused::SliceForOtherUnit { unit, me, .. } if *unit == dawutong && *me == dongmen));
    // Named by name, never by id.
    let text = e.to_string();
    assert!(
        text.contains("another unit, Dawutong Emerging Industrial Belt") && text.ends_with("this browser acts as Dongmen Sub-district"),
        "{text}"
    );
    assert!(!text.contains(&dawutong.to_string()) && !text.contains(&dongmen.to_string()), "{text}");
    // A report into a unit.
    assert_eq!(prepare("x", &u.report_file(5), side).unwrap_err(), Refused::ReportForUnit);
}

#[test]
fn a_report_naming_a_milestone_that_does_not_exist_is_refused_with_its_path() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    let r = u.report_done(t, 4);
    let ghost = Id::from_name("milestone:ghost");
    u.plan.reports.iter_mut().find(|x| x.id == r).unwrap().milestones_done = vec![ghost];
    match import(&office, &u.report_file(5)).unwrap_err() {
        Refused::Invalid { path, problem } => {
            assert_eq!(path, "$.body.plan.reports[0].milestones_done[0]");
            // The path says where; the message names no id.
            assert!(!problem.to_string().contains(&ghost.to_string()));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_new_slice_brings_the_offices_changes_and_keeps_the_units_own() {
    let mut office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    u.plan.set_task_plan(t, "unit's plan".into(), None, u.stamp(3)).unwrap();
    let mut d = office.task(t).unwrap().clone();
    d.due = NaiveDate::from_ymd_opt(2022, 11, 30);
    office.tasks.iter_mut().find(|x| x.id == t).unwrap().due = d.due;
    office.tasks.iter_mut().find(|x| x.id == t).unwrap().meta.touch(Stamp { by: None, at: at(4) });
    let s = write(Kind::Slice, &Body { plan: slice(&office, dongmen), base: None }, None, Some(dongmen), at(5));
    let side = Side { plan: &u.plan, me: Some(dongmen), base: Some(&u.base) };
    let p = prepare("s2.json", &s, side).unwrap();
    assert!(p.preview.conflicts.is_empty(), "{:?}", p.preview.conflicts);
    let o = finish(side, &p, &[], Stamp { by: Some(dongmen), at: at(6) }).unwrap();
    let got = o.plan.task(t).unwrap();
    assert_eq!((got.due, got.plan.as_str()), (d.due, "unit's plan"));
    assert_eq!(o.me, Some(dongmen));
    assert_eq!(o.base.unwrap().task(t).unwrap().due, d.due, "the new slice is the new base");
}

#[test]
fn a_report_with_an_impossible_value_is_refused_with_the_path_of_the_field() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    let r = u.report_done(t, 4);
    u.plan.reports.iter_mut().find(|x| x.id == r).unwrap().progress = Some(150.0);
    match import(&office, &u.report_file(5)).unwrap_err() {
        Refused::Invalid { path, problem } => {
            assert_eq!(path, "$.body.plan.reports[0].progress");
            assert!(problem.to_string().contains("150"), "{problem}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_example_someone_worked_on_is_not_replaced_but_a_blank_plan_is() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let s = write(Kind::Slice, &Body { plan: slice(&office, dongmen), base: None }, None, Some(dongmen), at(2));
    let mut other = office.clone();
    other.id = Id::from_name("plan:other");
    other.example = false;
    let p = write(Kind::Plan, &Body { plan: other.clone(), base: None }, None, None, at(2));
    // `office` is the example with a milestone added: worked on.
    assert!(matches!(import(&office, &p).unwrap_err(), Refused::EditedExample { found, .. } if found == other.id));
    assert_eq!(prepare("s", &s, Side { plan: &office, me: None, base: None }).unwrap_err(), Refused::SliceForOffice);
    let blank = Plan::blank(crate::domain::Text::new("空白", "Blank"), 2022, office.kickoff, Stamp { by: None, at: at(1) });
    assert_eq!(import(&blank, &p).unwrap().mode, Mode::Replace);
    assert_eq!(prepare("s", &s, Side { plan: &blank, me: None, base: None }).unwrap().mode, Mode::Replace);
}

#[test]
fn a_problem_on_a_task_the_table_does_not_have_is_refused_with_its_path() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    let ghost = Id::from_name("task:ghost");
    let mut problem = crate::domain::Problem {
        id: Id::from_name("problem:1"),
        task: t,
        raised_by: dongmen,
        raised_on: NaiveDate::from_ymd_opt(2022, 3, 4).unwrap(),
        description: "拆迁受阻".into(),
        raised_in: None,
        assigned_to: None,
        resolved_on: None,
        resolution: String::new(),
        meta: crate::domain::Meta::created(u.stamp(4)),
    };
    problem.task = ghost;
    u.plan.problems.push(problem);
    match import(&office, &u.report_file(5)).unwrap_err() {
        Refused::Invalid { path, problem } => {
            assert_eq!(path, "$.body.plan.problems[0].task");
            assert!(problem.to_string().contains("task it names does not exist"), "{problem}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn the_change_trail_records_old_and_new_and_travels_to_the_office() {
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    let before = u.plan.clone();
    let stamp = u.stamp(3);
    u.plan.set_task_plan(t, "施工图".into(), None, stamp).unwrap();
    super::trail::record_trail(&before, &mut u.plan, stamp);
    let entries: Vec<(&str, &str, &serde_json::Value, &serde_json::Value)> =
        u.plan.trail.iter().map(|e| (e.kind.as_str(), e.field.as_str(), &e.old, &e.new)).collect();
    assert_eq!(entries, vec![("task", "plan", &"".into(), &"施工图".into())]);
    assert_eq!((u.plan.trail[0].by, u.plan.trail[0].task, u.plan.trail[0].at), (Some(dongmen), Some(t), at(3)));
    // An added record is one entry, named by its label.
    let before = u.plan.clone();
    let r = u.report_done(t, 4);
    let stamp = u.stamp(4);
    super::trail::record_trail(&before, &mut u.plan, stamp);
    assert!(u.plan.trail.iter().any(|e| e.record == r && e.kind == "report" && e.field.is_empty()));
    // The trail travels in the report and merges like the other append-only records.
    let after = apply(&office, &u.report_file(5), &[]).plan;
    assert_eq!(after.trail.len(), u.plan.trail.len());
    assert!(after.trail.iter().all(|e| e.by == Some(dongmen)));
    let again = import(&after, &u.report_file(5)).unwrap();
    assert!(again.preview.is_empty(), "{:?}", again.preview);
}

#[test]
fn a_units_own_weekly_meeting_travels_to_the_office_but_not_one_it_did_not_record() {
    use crate::domain::meetings::MeetingDraft;
    let office = office();
    let dongmen = unit(&office, "Dongmen");
    let t = task(&office, "Upgrading and renovating Dongmen");
    let mut u = receive(&office, dongmen);
    let d =
        MeetingDraft {
            date: NaiveDate::from_ymd_opt(2022, 3, 7).unwrap(), tasks: vec![t], minutes: "周例会".into(), ..Default::default()
        };
    let stamp = u.stamp(7);
    let m = u.plan.record_meeting(d, stamp).unwrap();
    let after = apply(&office, &u.report_file(8), &[]).plan;
    assert!(after.meetings.iter().any(|x| x.id == m), "the unit's own meeting is added");
    // The office closes a decision or edits the minutes: the meeting is now
    // the office's, and the unit's later edit of it is refused.
    let mut office2 = after.clone();
    office2.meetings.iter_mut().find(|x| x.id == m).unwrap().minutes = "周例会（督查室补充）".into();
    office2.meetings.iter_mut().find(|x| x.id == m).unwrap().meta.touch(Stamp { by: None, at: at(9) });
    u.plan.meetings.iter_mut().find(|x| x.id == m).unwrap().minutes = "周例会（改）".into();
    let later = u.stamp(10);
    u.plan.meetings.iter_mut().find(|x| x.id == m).unwrap().meta.touch(later);
    let p = import(&office2, &u.report_file(10)).unwrap();
    assert!(p.preview.refused.iter().any(|r| r.item.key.id == m && r.why == Why::NotOwner), "{:?}", p.preview);
}

/// A table read from a spreadsheet in this browser goes through the same
/// preview as a file: as a new plan it takes the table's place, added to
/// the current plan it is merged as the office's change; either way it has
/// no seal to judge, and a second look at the same result adds nothing new.
#[test]
fn a_plan_made_here_from_a_spreadsheet_is_previewed_and_applied_like_a_file() {
    use super::import::prepare_local;
    use super::seal::Trust;
    use crate::domain::sheet_in::grid::{from_tsv, Book};
    use crate::domain::sheet_in::into::add_to;
    use crate::domain::sheet_in::structure::read;
    let cells = "重点任务\t具体任务\t责任单位\t完成时限\n营商环境\t推进商事登记改革\t东门街道\t6月30日前\n营商环境\t建设政务服务中心\t区政务服务数据局\t年底\n";
    let reading = read(&Book { sheets: vec![from_tsv("粘贴", cells)], ..Book::default() }, 0, 2022, None);
    let stamp = Stamp { by: None, at: at(2) };
    let table = office();
    let side = Side { plan: &table, me: None, base: None };

    // Added to the current plan: merged, its records added, the existing unit reused.
    let mut added = table.clone();
    add_to(&mut added, &reading, "粘贴", stamp).unwrap();
    let p = prepare_local("粘贴", added, side, at(2)).unwrap();
    assert_eq!((p.mode, &p.trust), (Mode::Merge, &Trust::Local));
    assert!(p.preview.refused.is_empty() && p.preview.conflicts.is_empty());
    let kinds: Vec<RecordKind> = p.preview.added.iter().map(|i| i.key.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == RecordKind::Action).count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == RecordKind::Task).count(), 2);
    assert_eq!(kinds.iter().filter(|k| **k == RecordKind::Unit).count(), 1, "东门街道 is the example's own");
    let out = finish(side, &p, &[], stamp).unwrap();
    assert_eq!(out.plan.tasks.len(), table.tasks.len() + 2);
    assert_eq!(out.plan.units.len(), table.units.len() + 1);

    // As a new plan: it replaces the table, and the browser is its office.
    let mut fresh = Plan::blank(crate::domain::Text::new("新表", ""), 2022, NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(), stamp);
    add_to(&mut fresh, &reading, "粘贴", stamp).unwrap();
    let p = prepare_local("粘贴", fresh.clone(), side, at(2)).unwrap();
    assert_eq!((p.mode, &p.trust), (Mode::Replace, &Trust::Local));
    let out = finish(side, &p, &[], stamp).unwrap();
    assert_eq!((out.plan, out.me), (fresh, None));
}
