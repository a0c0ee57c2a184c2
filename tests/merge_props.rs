//! Property tests of the exchange rules of DESIGN.md ("Exchange between
//! units", rules 2–6), played over small generated plans: the office cuts a
//! slice for each of two or three units, each unit's browser imports it and
//! makes a random sequence of the edits a unit legitimately makes in its own
//! copy (reports, milestones done, problems raised, its own tasks' plan,
//! milestones and risks added to the tasks it leads), exports its report,
//! and the office imports the reports.
//!
//! Hostile edits (changing what a unit does not own, tombstoning
//! append-only records) are made by hand on the unit's copy, as a person
//! editing the file (or another tool) could.

use chrono::{DateTime, Duration, TimeZone, Utc};
use gongjian::domain::corrections::MilestoneDraft;
use gongjian::domain::edit::EditError;
use gongjian::domain::example::luohu_2022;
use gongjian::domain::meetings::MeetingDraft;
use gongjian::domain::meta::Record;
use gongjian::domain::sample::{large_plan, Size};
use gongjian::domain::task_edit::{ReportDraft, RiskDraft, TargetDraft};
use gongjian::domain::{Direction, Id, Meeting, MeetingKind, Meta, Plan, Reading, RiskCategory, RiskLevel, Stamp, Text};
use gongjian::exchange::file::{parse, write, Body, Kind};
use gongjian::exchange::import::{finish, prepare, Mode, Prepared, Side};
use gongjian::exchange::merge::{Choice, RecordKind, Why};
use gongjian::exchange::slice::{report, slice};
use gongjian::exchange::trail::{changes, commit, commit_change, diff};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

// ---------------------------------------------------------------- the world

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 2, 1, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

/// The office's stamp when it applies an import.
fn office_stamp() -> Stamp {
    Stamp { by: None, at: at(10_000) }
}

/// The office's table: a small generated plan whose three units each lead
/// two tasks and co-organize two others. Every task has two milestones, a
/// report from its lead and a risk; the first task has a problem; one
/// meeting discussed every task.
fn office_table(seed: u64) -> Plan {
    let mut p = large_plan(seed, Size { actions: 2, tasks: 6, milestones_per_task: 2, reports: 0, units: 3 });
    let units: Vec<Id> = p.units.iter().map(|u| u.id).collect();
    for (i, t) in p.tasks.iter_mut().enumerate() {
        t.responsible = vec![units[i % 3]];
        t.co_organizers = vec![units[(i + 1) % 3]];
    }
    let office = Stamp { by: None, at: at(0) };
    let tasks: Vec<(Id, Id)> = p.tasks.iter().map(|t| (t.id, t.responsible[0])).collect();
    for (i, (task, lead)) in tasks.iter().enumerate() {
        let d = ReportDraft {
            task: *task,
            unit: *lead,
            date: p.kickoff + Duration::days(10),
            narrative: format!("进展{i}"),
            progress: Some(5.0),
            problems: if i == 0 { vec!["缺少资金".into()] } else { vec![] },
            ..Default::default()
        };
        p.record_report(d, office).unwrap();
        let risk = RiskDraft {
            task: *task,
            description: format!("风险{i}"),
            level: RiskLevel::Medium,
            category: RiskCategory::Schedule,
            mitigation: String::new(),
            owner: None,
        };
        p.add_risk(risk, office).unwrap();
    }
    p.meetings.push(Meeting {
        id: Id::new(),
        kind: MeetingKind::Weekly,
        date: p.kickoff + Duration::days(14),
        chair: None,
        attendees: vec![],
        tasks: tasks.iter().map(|t| t.0).collect(),
        minutes: "周例会".into(),
        decisions: vec![],
        meta: Meta::created(office),
    });
    assert_eq!(p.validate(), vec![]);
    p
}

/// A unit's browser: its copy of its slice, and the slice as received.
struct Unit {
    me: Id,
    plan: Plan,
    base: Plan,
    clock: i64,
}

/// A fresh browser (on the example) imports the slice the office cut for `me`.
fn receive(office: &Plan, me: Id) -> Unit {
    let text = write(Kind::Slice, &Body { plan: slice(office, me), base: None }, None, Some(me), at(1));
    let fresh = luohu_2022();
    let side = Side { plan: &fresh, me: None, base: None };
    let p = prepare("slice.json", &text, side).unwrap_or_else(|e| panic!("the slice is refused: {e}"));
    assert_eq!(p.mode, Mode::Replace);
    let o = finish(side, &p, &[], Stamp { by: None, at: at(1) }).unwrap();
    assert_eq!(o.me, Some(me));
    Unit { me, plan: o.plan, base: o.base.expect("a slice becomes the unit's base"), clock: 0 }
}

const PLANS: [&str; 3] = ["施工图甲", "施工图乙", "plan C"];
const PROBLEMS: [&str; 3] = ["征地受阻", "资金未到位", "需要区里协调"];
const TITLES: [&str; 3] = ["方案设计", "开工", "完工验收"];

/// One edit a unit legitimately makes in its copy. Indexes pick among the
/// unit's own tasks (modulo their number), so every edit applies.
#[derive(Clone, Debug)]
enum Edit {
    /// A report on a task the unit is involved in; `done` marks one of its
    /// milestones done; `problems` are raised with it.
    Report { task: usize, done: Option<usize>, progress: u8, problems: Vec<usize> },
    /// The plan (施工图) of a task the unit leads: one of `PLANS`, or with
    /// `text == PLANS.len()`, back to what the slice had.
    SetPlan { task: usize, text: usize, submitted: Option<u8> },
    /// A milestone on a task the unit leads, due within the task.
    AddMilestone { task: usize, title: usize, due_in: u16 },
    /// A risk on a task the unit leads.
    AddRisk { task: usize, level: usize },
    /// A target on a task the unit leads, then a report with its reading.
    AddTarget { task: usize, value: u8 },
    /// A milestone of a task it leads moved, and maybe done on a given day.
    MoveMilestone { k: usize, due_in: u16, done_in: Option<u16> },
    /// A milestone of a task it leads deleted.
    DeleteMilestone { k: usize },
    /// A target the unit added changed, or deleted.
    ChangeTarget { k: usize, value: u8, delete: bool },
    /// One of its own standing reports corrected (a new progress) or withdrawn.
    Correct { k: usize, progress: u8, withdraw: bool },
    /// Its own weekly meeting (一周一会) on the tasks it is involved in.
    Weekly { minutes: usize },
}

fn edit(reverts: bool) -> impl Strategy<Value = Edit> {
    let texts = PLANS.len() + usize::from(reverts);
    prop_oneof![
        3 => (0usize..8, proptest::option::of(0usize..8), 0u8..=100, proptest::collection::vec(0..PROBLEMS.len(), 0..3))
            .prop_map(|(task, done, progress, problems)| Edit::Report { task, done, progress, problems }),
        2 => (0usize..8, 0..texts, proptest::option::of(0u8..30)).prop_map(|(task, text, submitted)| Edit::SetPlan { task, text, submitted }),
        1 => (0usize..8, 0..TITLES.len(), 0u16..400).prop_map(|(task, title, due_in)| Edit::AddMilestone { task, title, due_in }),
        1 => (0usize..8, 0usize..4).prop_map(|(task, level)| Edit::AddRisk { task, level }),
        1 => (0usize..8, 1u8..=100).prop_map(|(task, value)| Edit::AddTarget { task, value }),
        1 => (0usize..16, 0u16..400, proptest::option::of(0u16..30)).prop_map(|(k, due_in, done_in)| Edit::MoveMilestone { k, due_in, done_in }),
        1 => (0usize..16).prop_map(|k| Edit::DeleteMilestone { k }),
        1 => (0usize..8, 1u8..=100, any::<bool>()).prop_map(|(k, value, delete)| Edit::ChangeTarget { k, value, delete }),
        1 => (0usize..16, 0u8..=100, any::<bool>()).prop_map(|(k, progress, withdraw)| Edit::Correct { k, progress, withdraw }),
        1 => (0usize..PROBLEMS.len()).prop_map(|minutes| Edit::Weekly { minutes }),
    ]
}

/// Edits for two or three units.
fn plays(reverts: bool) -> impl Strategy<Value = Vec<Vec<Edit>>> {
    proptest::collection::vec(proptest::collection::vec(edit(reverts), 0..8), 2..=3)
}

impl Unit {
    fn stamp(&mut self) -> Stamp {
        self.clock += 1;
        Stamp { by: Some(self.me), at: at(100 + self.clock) }
    }

    fn involved(&self) -> Vec<Id> {
        self.plan.tasks.iter().filter(|t| t.is_live() && t.involves(self.me)).map(|t| t.id).collect()
    }

    fn led(&self) -> Vec<Id> {
        self.plan.tasks.iter().filter(|t| t.is_live() && t.lead_unit() == Some(self.me)).map(|t| t.id).collect()
    }

    fn play(&mut self, edits: &[Edit]) {
        for e in edits {
            self.edit(e);
        }
    }

    /// Run one command as the unit's page does: kept only when the unit
    /// owns all it changes (the gate every command of the page goes
    /// through), with its change trail. A legitimate edit must pass.
    /// The trail is built from the command's own journal, as the page
    /// builds it; it must be what comparing the whole plans finds.
    fn run<R>(&mut self, stamp: Stamp, f: impl FnOnce(&mut Plan, Stamp) -> Result<R, EditError>) -> R {
        let before = self.plan.clone();
        let (out, journal) = self.plan.run(|p| f(p, stamp));
        let out = out.unwrap_or_else(|e| panic!("a unit's own edit is refused by the domain: {e}"));
        assert_eq!(changes(&self.plan, &journal), diff(&before, &self.plan), "the journal's changes are the whole plans' difference");
        commit_change(&mut self.plan, journal, stamp).unwrap_or_else(|e| panic!("a unit's own edit is refused as not its own: {e}"));
        out
    }

    /// Milestones of the tasks the unit leads: (task, milestone).
    fn own_milestones(&self) -> Vec<(Id, Id)> {
        let led = self.led();
        led.iter().flat_map(|t| self.plan.task(*t).unwrap().milestones.iter().filter(|m| m.is_live()).map(move |m| (*t, m.id))).collect()
    }

    fn edit(&mut self, e: &Edit) {
        let stamp = self.stamp();
        let kickoff = self.plan.kickoff;
        let me = self.me;
        match e {
            Edit::AddTarget { task, value } => {
                let tasks = self.led();
                let task = tasks[task % tasks.len()];
                let d = TargetDraft {
                    name: Text::new(&format!("指标{}", self.clock), ""),
                    measure: "个".into(),
                    baseline: Some(0.0),
                    target: f64::from(*value),
                    direction: Direction::AtLeast,
                };
                let target = self.run(stamp, |p, s| p.add_target(task, d, s));
                let stamp = self.stamp();
                let date = kickoff + Duration::days(20 + self.clock);
                let reading = Reading { target, value: f64::from(*value) / 2.0 };
                let d = ReportDraft { task, unit: me, date, readings: vec![reading], ..Default::default() };
                self.run(stamp, |p, s| p.record_report(d, s));
            }
            Edit::MoveMilestone { k, due_in, done_in } => {
                let ms = self.own_milestones();
                let Some(&(task, m)) = ms.get(k % ms.len().max(1)) else { return };
                let t = self.plan.task(task).unwrap();
                let (start, due) = (t.start.unwrap(), t.due.unwrap());
                let on = start + Duration::days(i64::from(*due_in) % ((due - start).num_days() + 1));
                let title = t.milestones.iter().find(|x| x.id == m).unwrap().title.clone();
                let done_on = done_in.map(|d| start + Duration::days(i64::from(d)));
                self.run(stamp, |p, s| p.update_milestone(task, m, MilestoneDraft { title, due: Some(on), done_on }, s));
            }
            Edit::DeleteMilestone { k } => {
                let ms = self.own_milestones();
                let Some(&(task, m)) = ms.get(k % ms.len().max(1)) else { return };
                self.run(stamp, |p, s| p.delete_milestone(task, m, s));
            }
            Edit::ChangeTarget { k, value, delete } => {
                let led = self.led();
                let own: Vec<(Id, Id)> = led
                    .iter()
                    .flat_map(|t| {
                        let task = self.plan.task(*t).unwrap();
                        task.targets.iter().filter(|x| x.is_live() && x.added_by == Some(me)).map(move |x| (*t, x.id))
                    })
                    .collect();
                let Some(&(task, x)) = own.get(k % own.len().max(1)) else { return };
                if *delete {
                    self.run(stamp, |p, s| p.delete_target(task, x, s));
                } else {
                    let was = self.plan.task(task).unwrap().targets.iter().find(|y| y.id == x).unwrap().clone();
                    let d = TargetDraft {
                        name: was.name,
                        measure: was.measure,
                        baseline: was.baseline,
                        target: f64::from(*value) + 100.0,
                        direction: was.direction,
                    };
                    self.run(stamp, |p, s| p.update_target(task, x, d, s));
                }
            }
            Edit::Correct { k, progress, withdraw } => {
                let standing: Vec<(Id, Id)> = self.plan.standing_reports().filter(|r| r.unit == me).map(|r| (r.id, r.task)).collect();
                let Some(&(r, task)) = standing.get(k % standing.len().max(1)) else { return };
                let date = kickoff + Duration::days(20 + self.clock);
                if *withdraw {
                    self.run(stamp, |p, s| p.withdraw_report(r, date, s));
                } else {
                    let d = ReportDraft {
                        task,
                        unit: me,
                        date,
                        narrative: format!("更正{}", self.clock),
                        progress: Some(f64::from(*progress)),
                        progress_reason: "更正填报错误".into(),
                        ..Default::default()
                    };
                    self.run(stamp, |p, s| p.correct_report(r, d, s));
                }
            }
            Edit::Weekly { minutes } => {
                let tasks = self.involved();
                let d = MeetingDraft {
                    kind: Some(MeetingKind::Weekly),
                    date: kickoff + Duration::days(20 + self.clock),
                    tasks,
                    minutes: PROBLEMS[*minutes].into(),
                    ..Default::default()
                };
                self.run(stamp, |p, s| p.record_meeting(d, s));
            }
            Edit::Report { task, done, progress, problems } => {
                let tasks = self.involved();
                let task = tasks[task % tasks.len()];
                let ms: Vec<Id> = self.plan.task(task).unwrap().milestones.iter().filter(|m| m.is_live()).map(|m| m.id).collect();
                let done = done.filter(|_| !ms.is_empty()).map(|k| ms[k % ms.len()]);
                let d = ReportDraft {
                    task,
                    unit: self.me,
                    date: kickoff + Duration::days(20 + self.clock),
                    narrative: format!("第{}次汇报", self.clock),
                    progress: Some(f64::from(*progress)),
                    milestones_done: done.into_iter().collect(),
                    problems: problems.iter().map(|k| PROBLEMS[*k].to_string()).collect(),
                    // Random figures go down too; the form then asks why.
                    progress_reason: "复核后调整".into(),
                    ..Default::default()
                };
                self.run(stamp, |p, s| p.record_report(d, s));
            }
            Edit::SetPlan { task, text, submitted } => {
                let tasks = self.led();
                let task = tasks[task % tasks.len()];
                let (text, on) = match PLANS.get(*text) {
                    Some(s) => (s.to_string(), submitted.map(|d| kickoff + Duration::days(i64::from(d)))),
                    None => {
                        let was = self.base.task(task).unwrap();
                        (was.plan.clone(), was.plan_submitted_on)
                    }
                };
                self.run(stamp, |p, s| p.set_task_plan(task, text, on, s));
            }
            Edit::AddMilestone { task, title, due_in } => {
                let tasks = self.led();
                let task = tasks[task % tasks.len()];
                let t = self.plan.task(task).unwrap();
                let (start, due) = (t.start.unwrap(), t.due.unwrap());
                let span = (due - start).num_days() + 1;
                let on = start + Duration::days(i64::from(*due_in) % span);
                let title = Text::new(&format!("{}{}", TITLES[*title], self.clock), "");
                self.run(stamp, |p, s| p.add_milestone(task, title, Some(on), s));
            }
            Edit::AddRisk { task, level } => {
                let tasks = self.led();
                let task = tasks[task % tasks.len()];
                let d = RiskDraft {
                    task,
                    description: format!("新风险{}", self.clock),
                    level: RiskLevel::ALL[*level],
                    category: RiskCategory::Other,
                    mitigation: "盯紧".into(),
                    owner: None,
                };
                self.run(stamp, |p, s| p.add_risk(d, s));
            }
        }
    }

    /// The unit's report: everything changed since its slice.
    fn report_file(&mut self) -> String {
        self.clock += 1;
        write(Kind::Report, &report(&self.plan, &self.base), Some(self.me), Some(self.me), at(100 + self.clock))
    }
}

/// The office's table and, per unit, its browser and its report file.
struct World {
    office: Plan,
    units: Vec<Unit>,
    files: Vec<String>,
}

fn world(seed: u64, plays: &[Vec<Edit>]) -> World {
    let office = office_table(seed);
    let mut units: Vec<Unit> = (0..plays.len()).map(|k| receive(&office, office.units[k].id)).collect();
    let files = units
        .iter_mut()
        .zip(plays)
        .map(|(u, edits)| {
            u.play(edits);
            u.report_file()
        })
        .collect();
    World { office, units, files }
}

fn office_side(table: &Plan) -> Side<'_> {
    Side { plan: table, me: None, base: None }
}

/// The office reads a unit's report; it must be accepted.
fn prepare_at(table: &Plan, file: &str) -> Prepared {
    prepare("report.json", file, office_side(table)).unwrap_or_else(|e| panic!("the report is refused: {e}"))
}

/// The office imports a report that has no conflict.
fn import(table: &Plan, file: &str) -> Plan {
    let p = prepare_at(table, file);
    assert_eq!(p.mode, Mode::Merge);
    assert!(p.preview.conflicts.is_empty(), "unexpected conflicts: {:?}", p.preview.conflicts);
    finish(office_side(table), &p, &[], office_stamp()).unwrap().plan
}

fn import_all<'a>(table: &Plan, files: impl IntoIterator<Item = &'a String>) -> Plan {
    files.into_iter().fold(table.clone(), |t, f| import(&t, f))
}

/// Every order of `0..n`.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![vec![]];
    }
    let mut out = Vec::new();
    for p in permutations(n - 1) {
        for i in 0..=p.len() {
            let mut q = p.clone();
            q.insert(i, n - 1);
            out.push(q);
        }
    }
    out
}

/// The append-only records of a table: (kind, id, live).
fn append_only(p: &Plan) -> Vec<(RecordKind, Id, bool)> {
    let mut out = Vec::new();
    out.extend(p.reports.iter().map(|r| (RecordKind::Report, r.id, r.is_live())));
    out.extend(p.problems.iter().map(|r| (RecordKind::Problem, r.id, r.is_live())));
    out.extend(p.risks.iter().map(|r| (RecordKind::Risk, r.id, r.is_live())));
    out.extend(p.meetings.iter().map(|r| (RecordKind::Meeting, r.id, r.is_live())));
    out
}

/// The reports a file carries.
fn reports_in(file: &str) -> Vec<Id> {
    parse(file).unwrap().body.plan.reports.iter().map(|r| r.id).collect()
}

/// One field of one record of a table, as JSON (`Null` when absent).
fn field(p: &Plan, kind: RecordKind, id: Id, name: &str) -> Value {
    let record = match kind {
        RecordKind::Task => p.tasks.iter().find(|r| r.id == id).map(serde_json::to_value),
        RecordKind::Unit => p.units.iter().find(|r| r.id == id).map(serde_json::to_value),
        RecordKind::Report => p.reports.iter().find(|r| r.id == id).map(serde_json::to_value),
        other => panic!("no field lookup for {other:?}"),
    };
    record.and_then(Result::ok).and_then(|v| v.get(name).cloned()).unwrap_or(Value::Null)
}

/// Whether a table has a record (of the kinds a unit may add).
fn has(p: &Plan, kind: RecordKind, id: Id) -> bool {
    match kind {
        RecordKind::Report => p.reports.iter().any(|r| r.id == id),
        RecordKind::Risk => p.risks.iter().any(|r| r.id == id),
        RecordKind::Milestone => p.tasks.iter().flat_map(|t| &t.milestones).any(|m| m.id == id),
        other => panic!("no lookup for {other:?}"),
    }
}

/// 32 cases a property keeps the file at a few seconds in a debug build.
/// Failures are not persisted to files: the ids are random, so a saved seed
/// would not replay the same plan anyway; the printed input is what counts.
fn config() -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(32) }
}

// ------------------------------------------------------- rule 2: idempotence

proptest! {
    #![proptest_config(config())]

    /// Importing any report a second time changes nothing: the second
    /// preview is empty and applying it gives back the same table, right
    /// after the first import and after every unit's report is in.
    #[test]
    fn importing_a_report_twice_changes_nothing_the_second_time(seed in any::<u64>(), plays in plays(true)) {
        let w = world(seed, &plays);
        let mut table = w.office.clone();
        for f in &w.files {
            table = import(&table, f);
            let again = prepare_at(&table, f);
            prop_assert!(again.preview.is_empty(), "{:?}", again.preview);
            prop_assert!(again.preview.added.is_empty() && again.preview.changed.is_empty() && again.preview.conflicts.is_empty());
            let same = finish(office_side(&table), &again, &[], office_stamp()).unwrap().plan;
            prop_assert!(same == table, "a second import changed the table");
        }
        for f in &w.files {
            let again = prepare_at(&table, f);
            prop_assert!(again.preview.is_empty(), "{:?}", again.preview);
            prop_assert!(finish(office_side(&table), &again, &[], office_stamp()).unwrap().plan == table);
        }
    }
}

// ------------------------------------------------- rule 3: order independence

proptest! {
    #![proptest_config(config())]

    /// Importing every unit's report, in any order, gives the same table.
    #[test]
    fn reports_imported_in_any_order_give_the_same_table(seed in any::<u64>(), plays in plays(true)) {
        let w = world(seed, &plays);
        let orders = permutations(w.files.len());
        let first = import_all(&w.office, orders[0].iter().map(|i| &w.files[*i]));
        for order in &orders[1..] {
            let other = import_all(&w.office, order.iter().map(|i| &w.files[*i]));
            prop_assert!(other == first, "order {:?} gives another table than {:?}", order, orders[0]);
        }
    }
}

// ------------------------------------------------------- rule 4: append-only

/// Which append-only record of its copy a unit tombstones by hand.
#[derive(Clone, Debug)]
enum Tomb {
    Report(usize),
    Problem(usize),
    Risk(usize),
    Meeting(usize),
}

fn tomb() -> impl Strategy<Value = Tomb> {
    prop_oneof![
        (0usize..16).prop_map(Tomb::Report),
        (0usize..16).prop_map(Tomb::Problem),
        (0usize..16).prop_map(Tomb::Risk),
        (0usize..16).prop_map(Tomb::Meeting),
    ]
}

impl Unit {
    /// Tombstone one append-only record of the copy, if there is any of
    /// that kind; returns which.
    fn tombstone(&mut self, t: &Tomb) -> Option<(RecordKind, Id)> {
        let stamp = self.stamp();
        fn pick<T: Record>(v: &mut [T], i: usize, stamp: Stamp) -> Option<Id> {
            let n = v.len();
            let r = v.get_mut(i % n.max(1))?;
            r.meta_mut().deleted = true;
            r.meta_mut().touch(stamp);
            Some(r.id())
        }
        match t {
            Tomb::Report(i) => pick(&mut self.plan.reports, *i, stamp).map(|id| (RecordKind::Report, id)),
            Tomb::Problem(i) => pick(&mut self.plan.problems, *i, stamp).map(|id| (RecordKind::Problem, id)),
            Tomb::Risk(i) => pick(&mut self.plan.risks, *i, stamp).map(|id| (RecordKind::Risk, id)),
            Tomb::Meeting(i) => pick(&mut self.plan.meetings, *i, stamp).map(|id| (RecordKind::Meeting, id)),
        }
    }
}

/// Import `file` and check rule 4 across it: every append-only record of
/// the table before is still there and live after, every report the file
/// carries is in the table, and each tombstone in `tombs` is refused.
fn import_keeping_records(table: &Plan, file: &str, tombs: &BTreeSet<(RecordKind, Id)>) -> Result<Plan, TestCaseError> {
    let p = prepare_at(table, file);
    for (kind, id) in tombs {
        let refused =
            p.preview.refused.iter().any(|r| {
                r.item.key.kind == *kind && r.item.key.id == *id && r.field.as_deref() == Some("deleted") && r.why == Why::AppendOnly
            });
        prop_assert!(refused, "tombstone of {:?} {} not refused: {:?}", kind, id, p.preview.refused);
    }
    let after = finish(office_side(table), &p, &[], office_stamp()).unwrap().plan;
    let kept = append_only(&after);
    for (kind, id, live) in append_only(table) {
        prop_assert!(kept.contains(&(kind, id, live)), "{:?} {} (live: {}) is gone or changed its tombstone", kind, id, live);
    }
    for id in reports_in(file) {
        prop_assert!(after.reports.iter().any(|r| r.id == id), "the report {} the unit sent is not in the table", id);
    }
    Ok(after)
}

proptest! {
    #![proptest_config(config())]

    /// Reports, problems, risks and meetings are never dropped by an import,
    /// even when a unit tombstones them in its copy: first each unit
    /// reports, then it tombstones some records it has (from its slice or
    /// its own, already received by the office), edits on, and reports again.
    #[test]
    fn an_import_never_drops_or_tombstones_an_append_only_record(
        seed in any::<u64>(),
        plays in plays(true),
        later in proptest::collection::vec((proptest::collection::vec(tomb(), 1..4), proptest::collection::vec(edit(true), 0..4)), 3),
    ) {
        let mut w = world(seed, &plays);
        let mut table = w.office.clone();
        for f in &w.files {
            table = import_keeping_records(&table, f, &BTreeSet::new())?;
        }
        for (u, (tombs, edits)) in w.units.iter_mut().zip(&later) {
            let tombs: BTreeSet<(RecordKind, Id)> = tombs.iter().filter_map(|t| u.tombstone(t)).collect();
            u.play(edits);
            let file = u.report_file();
            for (kind, id) in &tombs {
                prop_assert!(append_only(&table).contains(&(*kind, *id, true)), "the office has {:?} {}", kind, id);
            }
            table = import_keeping_records(&table, &file, &tombs)?;
        }
    }
}

// --------------------------------------------------------- rule 6: ownership

/// What a unit changes in its copy that it does not own.
#[derive(Clone, Debug)]
enum Tamper {
    /// The title of a task in its slice (titles belong to the office).
    TaskTitle(usize),
    /// The plan of a task it only co-organizes (the lead unit's).
    OthersPlan(usize),
    /// A unit's name (the office's).
    UnitName(usize),
    /// Another unit's report (one the office sent) on a task it shares.
    OthersReport(usize),
    /// A milestone on a task it only co-organizes (the lead's schedule).
    OthersMilestone(usize),
    /// A risk on a task it only co-organizes (the lead's).
    OthersRisk(usize),
    /// A report in the name of the lead of a task it only co-organizes.
    ReportAsOther(usize),
}

fn tamper() -> impl Strategy<Value = Tamper> {
    prop_oneof![
        (0usize..8).prop_map(Tamper::TaskTitle),
        (0usize..8).prop_map(Tamper::OthersPlan),
        (0usize..8).prop_map(Tamper::UnitName),
        (0usize..8).prop_map(Tamper::OthersReport),
        (0usize..8).prop_map(Tamper::OthersMilestone),
        (0usize..8).prop_map(Tamper::OthersRisk),
        (0usize..8).prop_map(Tamper::ReportAsOther),
    ]
}

impl Unit {
    /// Make the change by hand (or with a command that does not ask who
    /// owns what); returns the record and the field it touched (`None`: a
    /// record it added). Every value written is new (it names the unit and
    /// the clock), so it differs from whatever the office has.
    fn tamper(&mut self, t: &Tamper) -> (RecordKind, Id, Option<&'static str>) {
        let stamp = self.stamp();
        let mark = format!("changed by {} at {}", self.me, self.clock);
        let me = self.me;
        let nth = |ids: Vec<Id>, i: usize| ids[i % ids.len()];
        let others: Vec<Id> = self.plan.tasks.iter().filter(|x| x.involves(me) && x.lead_unit() != Some(me)).map(|x| x.id).collect();
        match t {
            Tamper::TaskTitle(i) => {
                let id = nth(self.involved(), *i);
                let task = self.plan.tasks.iter_mut().find(|x| x.id == id).unwrap();
                task.title.zh = mark;
                task.meta.touch(stamp);
                (RecordKind::Task, id, Some("title"))
            }
            Tamper::OthersPlan(i) => {
                let id = nth(others, *i);
                let task = self.plan.tasks.iter_mut().find(|x| x.id == id).unwrap();
                task.plan = mark;
                task.meta.touch(stamp);
                (RecordKind::Task, id, Some("plan"))
            }
            Tamper::UnitName(i) => {
                let id = nth(self.plan.units.iter().map(|x| x.id).collect(), *i);
                let unit = self.plan.units.iter_mut().find(|x| x.id == id).unwrap();
                unit.name.zh = mark;
                unit.meta.touch(stamp);
                (RecordKind::Unit, id, Some("name"))
            }
            Tamper::OthersReport(i) => {
                let id = nth(self.base.reports.iter().filter(|r| r.unit != me).map(|r| r.id).collect(), *i);
                let report = self.plan.reports.iter_mut().find(|x| x.id == id).unwrap();
                report.narrative = mark;
                report.meta.touch(stamp);
                (RecordKind::Report, id, Some("narrative"))
            }
            Tamper::OthersMilestone(i) => {
                let task = nth(others, *i);
                let due = self.plan.task(task).unwrap().due;
                let id = self.plan.add_milestone(task, Text::new(&mark, ""), due, stamp).unwrap();
                (RecordKind::Milestone, id, None)
            }
            Tamper::OthersRisk(i) => {
                let task = nth(others, *i);
                let d = RiskDraft {
                    task,
                    description: mark,
                    level: RiskLevel::High,
                    category: RiskCategory::Other,
                    mitigation: String::new(),
                    owner: None,
                };
                (RecordKind::Risk, self.plan.add_risk(d, stamp).unwrap(), None)
            }
            Tamper::ReportAsOther(i) => {
                let task = nth(others, *i);
                let lead = self.plan.task(task).unwrap().lead_unit().unwrap();
                let date = self.plan.kickoff + Duration::days(20 + self.clock);
                let d = ReportDraft { task, unit: lead, date, narrative: mark, progress: Some(99.0), ..Default::default() };
                (RecordKind::Report, self.plan.record_report(d, stamp).unwrap(), None)
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// A unit's report that also changes what the unit does not own (task
    /// titles, another unit's task plan, milestones or risks, unit names,
    /// other units' reports, a report in another unit's name) never changes
    /// those in the office's table, each attempt is listed as refused (not
    /// the owner), and what the unit does own still lands.
    #[test]
    fn what_a_unit_does_not_own_is_refused_and_left_alone(
        seed in any::<u64>(),
        plays in plays(true),
        tampers in proptest::collection::vec(proptest::collection::vec(tamper(), 1..5), 3),
    ) {
        let office = office_table(seed);
        let mut table = office.clone();
        for (k, edits) in plays.iter().enumerate() {
            let mut u = receive(&office, office.units[k].id);
            u.play(edits);
            let touched: BTreeSet<(RecordKind, Id, Option<&str>)> = tampers[k].iter().map(|t| u.tamper(t)).collect();
            let file = u.report_file();
            let p = prepare_at(&table, &file);
            for (kind, id, name) in &touched {
                let listed = p.preview.refused.iter().any(|r| {
                    r.item.key.kind == *kind && r.item.key.id == *id && r.field.as_deref() == *name && r.why == Why::NotOwner
                });
                prop_assert!(listed, "{:?} {} {:?} is not listed as refused: {:?}", kind, id, name, p.preview.refused);
            }
            let after = finish(office_side(&table), &p, &[], office_stamp()).unwrap().plan;
            for (kind, id, name) in &touched {
                match name {
                    Some(name) => prop_assert_eq!(field(&after, *kind, *id, name), field(&table, *kind, *id, name), "{:?} {} `{}` changed", kind, id, name),
                    None => prop_assert!(!has(&after, *kind, *id), "{:?} {} was added", kind, id),
                }
            }
            for id in reports_in(&file).into_iter().filter(|id| u.plan.reports.iter().any(|r| r.id == *id && r.unit == u.me)) {
                prop_assert!(after.reports.iter().any(|r| r.id == id), "the unit's own report {} did not land", id);
            }
            for t in u.led() {
                prop_assert_eq!(&after.task(t).unwrap().plan, &u.plan.task(t).unwrap().plan, "the unit's own plan did not land");
            }
            table = after;
        }
    }
}

// --------------------------------------------------------- rule 5: conflicts

proptest! {
    #![proptest_config(config())]

    /// When the office and the unit both change the plan of a task the unit
    /// leads, the preview shows exactly that conflict, with both values and
    /// the one they last agreed on; it cannot be applied unresolved; `Take`
    /// gives the unit's value and `Keep` the office's, and the rest of the
    /// report lands either way.
    #[test]
    fn a_plan_both_sides_changed_is_shown_and_resolved_by_a_person(
        seed in any::<u64>(),
        k in 0usize..3,
        edits in proptest::collection::vec(edit(true), 0..8),
        which in 0usize..2,
    ) {
        let mut office = office_table(seed);
        let mut u = receive(&office, office.units[k].id);
        u.play(&edits);
        let task = u.led()[which];
        let agreed = office.task(task).unwrap().plan.clone();
        let submitted = u.plan.task(task).unwrap().plan_submitted_on;
        let stamp = u.stamp();
        u.plan.set_task_plan(task, "单位的施工图".into(), submitted, stamp).unwrap();
        let file = u.report_file();
        let submitted = office.task(task).unwrap().plan_submitted_on;
        office.set_task_plan(task, "督查室的施工图".into(), submitted, Stamp { by: None, at: at(50) }).unwrap();

        let p = prepare_at(&office, &file);
        prop_assert_eq!(p.preview.conflicts.len(), 1, "{:?}", p.preview.conflicts);
        let c = &p.preview.conflicts[0];
        prop_assert_eq!((c.item.key.kind, c.item.key.id, c.field.as_str()), (RecordKind::Task, task, "plan"));
        prop_assert_eq!(&c.ours, &Value::from("督查室的施工图"));
        prop_assert_eq!(&c.theirs, &Value::from("单位的施工图"));
        prop_assert_eq!(&c.base, &Some(Value::from(agreed)));

        let side = office_side(&office);
        prop_assert!(finish(side, &p, &[None], office_stamp()).is_err(), "an unresolved conflict was applied");
        prop_assert!(finish(side, &p, &[], office_stamp()).is_err(), "an unanswered conflict was applied");
        let took = finish(side, &p, &[Some(Choice::Take)], office_stamp()).unwrap().plan;
        let kept = finish(side, &p, &[Some(Choice::Keep)], office_stamp()).unwrap().plan;
        prop_assert_eq!(&took.task(task).unwrap().plan, "单位的施工图");
        prop_assert_eq!(&kept.task(task).unwrap().plan, "督查室的施工图");
        for id in reports_in(&file) {
            prop_assert!(took.reports.iter().any(|r| r.id == id) && kept.reports.iter().any(|r| r.id == id));
        }
        // The taken value is a new revision of the record, stamped by whoever resolved it.
        let t = took.task(task).unwrap();
        prop_assert!(t.meta.rev > office.task(task).unwrap().meta.rev && t.meta.rev > u.plan.task(task).unwrap().meta.rev);
    }
}

// ------------------------------------------------- cumulative reports (rule 2)

proptest! {
    #![proptest_config(config())]

    /// A unit's reports are cumulative since its slice: importing its later
    /// report and then its earlier one gives the same table as importing
    /// only the later one, and the earlier one's preview is empty — also
    /// when the unit sets a plan back to the slice's value in between.
    #[test]
    fn an_earlier_report_after_a_later_one_changes_nothing(
        seed in any::<u64>(),
        k in 0usize..3,
        first in proptest::collection::vec(edit(true), 0..8),
        then in proptest::collection::vec(edit(true), 0..8),
    ) {
        let office = office_table(seed);
        let mut u = receive(&office, office.units[k].id);
        u.play(&first);
        let earlier = u.report_file();
        u.play(&then);
        let later = u.report_file();
        let only_later = import(&office, &later);
        let p = prepare_at(&only_later, &earlier);
        prop_assert!(p.preview.is_empty(), "{:?}", p.preview);
        let both = finish(office_side(&only_later), &p, &[], office_stamp()).unwrap().plan;
        prop_assert!(both == only_later, "the earlier report changed the table");
    }
}

/// Regression (found by the cumulative property): the later report carries
/// the task with the slice's value, which the office already has. The
/// office must still record the later revision, or the earlier report no
/// longer looks older and its value is taken.
#[test]
fn regression_an_earlier_report_does_not_bring_back_a_plan_the_unit_set_back() {
    let office = office_table(1);
    let mut u = receive(&office, office.units[0].id);
    let task = u.led()[0];
    let was = u.base.task(task).unwrap().clone();
    let stamp = u.stamp();
    u.plan.set_task_plan(task, "施工图甲".into(), was.plan_submitted_on, stamp).unwrap();
    let earlier = u.report_file();
    let stamp = u.stamp();
    u.plan.set_task_plan(task, was.plan.clone(), was.plan_submitted_on, stamp).unwrap();
    let later = u.report_file();

    let only_later = import(&office, &later);
    assert_eq!(only_later.task(task).unwrap().plan, was.plan);
    let p = prepare_at(&only_later, &earlier);
    assert!(p.preview.is_empty(), "the earlier report would change: {:?}", p.preview.changed);
    assert_eq!(import(&only_later, &earlier).task(task).unwrap().plan, was.plan);
}

/// Regression, the same cause seen from the office: the office set the plan
/// to the very value the unit's later report carries; the unit's earlier
/// report must not then show a conflict offering its outdated value.
#[test]
fn regression_an_earlier_report_does_not_conflict_when_the_office_already_had_the_later_value() {
    let mut office = office_table(1);
    let mut u = receive(&office, office.units[0].id);
    let task = u.led()[0];
    let on = u.base.task(task).unwrap().plan_submitted_on;
    let stamp = u.stamp();
    u.plan.set_task_plan(task, "施工图甲".into(), on, stamp).unwrap();
    let earlier = u.report_file();
    let stamp = u.stamp();
    u.plan.set_task_plan(task, "施工图乙".into(), on, stamp).unwrap();
    let later = u.report_file();
    office.set_task_plan(task, "施工图乙".into(), on, Stamp { by: None, at: at(50) }).unwrap();

    let only_later = import(&office, &later);
    let p = prepare_at(&only_later, &earlier);
    assert!(p.preview.conflicts.is_empty(), "{:?}", p.preview.conflicts);
    assert!(p.preview.is_empty(), "{:?}", p.preview);
}

// ------------------------------- rule 6 from the page: one ownership rule

/// The records a unit owns in its copy, each as its JSON without metadata
/// (revisions differ after a merge; content must not): its led tasks' plan,
/// milestones and targets, and its reports, problems, risks and meetings.
fn owned_records(p: &Plan, me: Id, led: &[Id]) -> BTreeSet<String> {
    fn bare<T: serde::Serialize>(r: &T) -> String {
        let mut v = serde_json::to_value(r).unwrap();
        v.as_object_mut().unwrap().remove("meta");
        if let Some(o) = v.as_object_mut() {
            o.remove("milestones");
            o.remove("targets");
        }
        v.to_string()
    }
    let mut out = BTreeSet::new();
    for t in p.tasks.iter().filter(|t| led.contains(&t.id)) {
        out.insert(format!("plan {} {:?} {:?}", t.id, t.plan, t.plan_submitted_on));
        out.extend(t.milestones.iter().map(|m| format!("{}{}", bare(m), m.meta.deleted)));
        out.extend(t.targets.iter().map(|x| format!("{}{}", bare(x), x.meta.deleted)));
    }
    out.extend(p.reports.iter().filter(|r| r.unit == me).map(bare));
    out.extend(p.problems.iter().filter(|r| r.raised_by == me).map(bare));
    out.extend(p.risks.iter().filter(|r| led.contains(&r.task)).map(bare));
    out.extend(p.meetings.iter().filter(|m| m.meta.by == Some(me)).map(bare));
    out.extend(p.trail.iter().filter(|c| c.by == Some(me)).map(|c| c.id.to_string()));
    out
}

proptest! {
    #![proptest_config(config())]

    /// Whatever a unit may do in its page — reports with readings, its
    /// tasks' plan, milestones added, moved, completed on their day and
    /// deleted, targets added, edited and deleted, reports corrected and
    /// withdrawn, risks, problems, weekly meetings — passes the page's
    /// ownership check, and its report lands at the office with nothing
    /// refused and every one of those records as the unit has it, in any
    /// order with the other units' reports.
    #[test]
    fn what_a_unit_may_do_in_its_page_lands_at_the_office_whole(seed in any::<u64>(), plays in plays(false)) {
        let w = world(seed, &plays);
        for order in permutations(w.files.len()) {
            let mut table = w.office.clone();
            for i in &order {
                let p = prepare_at(&table, &w.files[*i]);
                prop_assert!(p.preview.refused.is_empty(), "refused: {:?}", p.preview.refused);
                prop_assert!(p.preview.conflicts.is_empty(), "conflicts: {:?}", p.preview.conflicts);
                table = finish(office_side(&table), &p, &[], office_stamp()).unwrap().plan;
            }
            for u in &w.units {
                let led = u.led();
                let theirs = owned_records(&u.plan, u.me, &led);
                let ours = owned_records(&table, u.me, &led);
                let missing: Vec<&String> = theirs.difference(&ours).collect();
                prop_assert!(missing.is_empty(), "the office lacks the unit's {:?}", missing);
            }
        }
    }
}

/// What a unit tries in its page that it does not own.
#[derive(Clone, Debug)]
enum Forbidden {
    /// A task's deadline, title or responsible units (the table's Edit dialog).
    TaskDue(usize),
    TaskTitle(usize),
    /// A unit's name, or a new unit.
    RenameUnit(usize),
    AddUnit,
    /// A key action's title.
    ActionTitle(usize),
    /// The plan's settings.
    Settings(u32),
    /// The plan, a milestone or a risk of a task it only co-organizes.
    OthersPlan(usize),
    OthersMilestone(usize),
    OthersRisk(usize),
    /// A target the office set, changed or deleted.
    OfficeTarget(usize, bool),
    /// A correction or withdrawal of another unit's report.
    OthersReport(usize, bool),
    /// Deleting a task.
    DeleteTask(usize),
}

fn forbidden() -> impl Strategy<Value = Forbidden> {
    prop_oneof![
        (0usize..8).prop_map(Forbidden::TaskDue),
        (0usize..8).prop_map(Forbidden::TaskTitle),
        (0usize..8).prop_map(Forbidden::RenameUnit),
        Just(Forbidden::AddUnit),
        (0usize..8).prop_map(Forbidden::ActionTitle),
        (1u32..30).prop_map(Forbidden::Settings),
        (0usize..8).prop_map(Forbidden::OthersPlan),
        (0usize..8).prop_map(Forbidden::OthersMilestone),
        (0usize..8).prop_map(Forbidden::OthersRisk),
        (0usize..8, any::<bool>()).prop_map(|(i, d)| Forbidden::OfficeTarget(i, d)),
        (0usize..8, any::<bool>()).prop_map(|(i, d)| Forbidden::OthersReport(i, d)),
        (0usize..8).prop_map(Forbidden::DeleteTask),
    ]
}

/// A command a unit's page would run.
type Attempt = Box<dyn FnOnce(&mut Plan, Stamp) -> Result<(), EditError>>;

impl Unit {
    /// Try `f` as the unit's page does (the command, then the ownership
    /// check). Returns the check's refusal; `None` when the attempt had
    /// nothing to act on (no such record in this copy).
    fn attempt(&mut self, f: &Forbidden) -> Option<Result<(), EditError>> {
        let stamp = self.stamp();
        let me = self.me;
        let nth = |ids: Vec<Id>, i: usize| (!ids.is_empty()).then(|| ids[i % ids.len()]);
        let involved = self.involved();
        let others: Vec<Id> =
            self.plan.tasks.iter().filter(|x| x.is_live() && x.involves(me) && x.lead_unit() != Some(me)).map(|x| x.id).collect();
        let p = &self.plan;
        let draft = |id: Id| p.task_draft(id).unwrap();
        let run: Attempt = match f {
            Forbidden::TaskDue(i) => {
                let id = nth(involved, *i)?;
                let mut d = draft(id);
                d.due = d.due.map(|x| x + Duration::days(1));
                Box::new(move |p, s| p.update_task(id, d, s))
            }
            Forbidden::TaskTitle(i) => {
                let id = nth(involved, *i)?;
                let mut d = draft(id);
                d.title = Text::new("单位改的名称", "");
                Box::new(move |p, s| p.update_task(id, d, s))
            }
            Forbidden::RenameUnit(i) => {
                let id = nth(p.units.iter().map(|u| u.id).collect(), *i)?;
                Box::new(move |p, s| p.rename_unit(id, Text::new("单位改的单位名", ""), s))
            }
            Forbidden::AddUnit => Box::new(|p, s| p.add_unit(Text::new("自己加的单位", ""), s).map(|_| ())),
            Forbidden::ActionTitle(i) => {
                let a = p.actions.get(i % p.actions.len().max(1))?.clone();
                let d = gongjian::domain::edit::ActionDraft {
                    title: Text::new("单位改的行动", ""),
                    field: a.field,
                    leaders: a.leaders,
                    leading_units: a.leading_units,
                };
                Box::new(move |p, s| p.update_action(a.id, d, s))
            }
            Forbidden::Settings(days) => {
                let mut set = p.settings.clone();
                set.warning_days += days;
                Box::new(move |p, s| p.update_settings(set, s))
            }
            Forbidden::OthersPlan(i) => {
                let id = nth(others, *i)?;
                Box::new(move |p, s| p.set_task_plan(id, "不是我牵头的施工图".into(), None, s))
            }
            Forbidden::OthersMilestone(i) => {
                let id = nth(others, *i)?;
                let due = p.task(id).unwrap().due;
                Box::new(move |p, s| p.add_milestone(id, Text::new("不是我牵头的节点", ""), due, s).map(|_| ()))
            }
            Forbidden::OthersRisk(i) => {
                let task = nth(others, *i)?;
                let d = RiskDraft {
                    task,
                    description: "不是我牵头的风险".into(),
                    level: RiskLevel::High,
                    category: RiskCategory::Other,
                    mitigation: String::new(),
                    owner: None,
                };
                Box::new(move |p, s| p.add_risk(d, s).map(|_| ()))
            }
            Forbidden::OfficeTarget(i, delete) => {
                let targets: Vec<(Id, Id)> = involved
                    .iter()
                    .flat_map(|t| {
                        p.task(*t).unwrap().targets.iter().filter(|x| x.is_live() && x.added_by.is_none()).map(move |x| (*t, x.id))
                    })
                    .collect();
                let (task, x) = *targets.get(i % targets.len().max(1))?;
                if *delete {
                    Box::new(move |p, s| p.delete_target(task, x, s))
                } else {
                    let was = p.task(task).unwrap().targets.iter().find(|y| y.id == x).unwrap().clone();
                    let d = TargetDraft {
                        name: was.name,
                        measure: was.measure,
                        baseline: was.baseline,
                        target: was.target + 1.0,
                        direction: was.direction,
                    };
                    Box::new(move |p, s| p.update_target(task, x, d, s))
                }
            }
            Forbidden::OthersReport(i, withdraw) => {
                let theirs: Vec<(Id, Id)> = p.standing_reports().filter(|r| r.unit != me).map(|r| (r.id, r.task)).collect();
                let (r, task) = *theirs.get(i % theirs.len().max(1))?;
                let date = p.kickoff + Duration::days(30);
                if *withdraw {
                    Box::new(move |p, s| p.withdraw_report(r, date, s).map(|_| ()))
                } else {
                    let d =
                        ReportDraft {
                            task, unit: me, date, narrative: "改别人的汇报".into(), progress: Some(100.0), ..Default::default()
                        };
                    Box::new(move |p, s| p.correct_report(r, d, s).map(|_| ()))
                }
            }
            Forbidden::DeleteTask(i) => {
                let id = nth(involved, *i)?;
                Box::new(move |p, s| p.delete_task(id, s))
            }
        };
        let before = self.plan.clone();
        let mut after = self.plan.clone();
        let out = run(&mut after, stamp).and_then(|()| commit(&before, &mut after, stamp));
        if out.is_ok() {
            self.plan = after;
        }
        Some(out)
    }
}

proptest! {
    #![proptest_config(config())]

    /// Every attempt of a unit at what it does not own (a task's deadline,
    /// title or deletion, units, key actions, settings, another lead's plan,
    /// milestone or risk, a target the office set, another unit's report)
    /// is refused by the page's check, named without an internal id, and
    /// changes nothing; its legitimate edits around it still land.
    #[test]
    fn what_a_unit_may_not_do_is_refused_named_and_changes_nothing(
        seed in any::<u64>(),
        plays in plays(false),
        attempts in proptest::collection::vec(forbidden(), 1..8),
    ) {
        let mut w = world(seed, &plays);
        let u = &mut w.units[0];
        for a in &attempts {
            let before = u.plan.clone();
            let Some(out) = u.attempt(a) else { continue };
            match out {
                Err(EditError::NotYours(what)) => {
                    prop_assert!(!what.is_empty());
                    for (label, _) in &what {
                        let uuid = |s: &str| s.split(|c: char| !c.is_ascii_hexdigit() && c != '-').any(|w| w.len() >= 36 && w.matches('-').count() == 4);
                        prop_assert!(!uuid(&label.zh) && !uuid(&label.en), "{:?} names an id", label);
                    }
                }
                other => prop_assert!(false, "{:?} was not refused as not the unit's: {:?}", a, other),
            }
            prop_assert!(u.plan == before, "{:?} changed the unit's table", a);
        }
        let file = u.report_file();
        let p = prepare_at(&w.office, &file);
        prop_assert!(p.preview.refused.is_empty(), "{:?}", p.preview.refused);
    }
}
