use super::*;
use crate::domain::edit::Move;
use crate::domain::example::luohu_2022;
use crate::domain::sample::{large_plan, Size};
use crate::domain::task_edit::ReportDraft;
use crate::storage::envelope::{decode_with, Loaded};
use chrono::TimeZone;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn at(n: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 3, 1, 8, 0, 0).unwrap() + chrono::Duration::seconds(i64::from(n))
}

/// localStorage, as a map of key → text, with the saves carried out as
/// the browser side does: parts, then the index, then the garbage.
#[derive(Default)]
struct Mem {
    kv: BTreeMap<String, String>,
    layout: Option<Layout>,
    dirty: Dirty,
    revision: u64,
}

impl Mem {
    fn chars(&self) -> usize {
        self.kv.iter().filter(|(k, _)| k.as_str() == "gongjian.plan" || k.starts_with(KEY_PART)).map(|(_, v)| v.chars().count()).sum()
    }

    /// Save; returns the characters written.
    fn save(&mut self, plan: &Plan) -> usize {
        self.revision += 1;
        let w = write(Saving { plan, me: None, base: None }, &self.dirty, self.layout.as_ref(), self.revision, at(self.revision as u32));
        let written = w.chars();
        for (k, t) in &w.parts {
            self.kv.insert(k.clone(), t.clone());
        }
        self.kv.insert("gongjian.plan".into(), w.index.clone());
        let keep = [self.layout.as_ref().map(Layout::keys).unwrap_or_default(), w.layout.keys()];
        for k in garbage(self.kv.keys(), &keep) {
            self.kv.remove(&k);
        }
        self.layout = Some(w.layout);
        self.dirty = Dirty::default();
        written
    }

    fn load(&self) -> Loaded {
        decode_with(self.kv.get("gongjian.plan").cloned(), |k| self.kv.get(k).cloned())
    }

    fn plan(&self) -> Plan {
        match self.load() {
            Loaded::Plan(env) => {
                assert_eq!(env.layout.as_ref(), self.layout.as_ref(), "the layout read back is the one written");
                env.plan
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    /// Run a command as the page does: stamped, and what it stamped noted.
    /// The trail comes from the command's own journal, as the page builds
    /// it; here it is also checked against the whole plans' difference.
    fn run<R>(&mut self, plan: &mut Plan, n: u32, f: impl FnOnce(&mut Plan, Stamp) -> R) -> R {
        let stamp = Stamp { by: None, at: at(10_000 + n) };
        let before = plan.clone();
        let (r, journal) = plan.run(|p| f(p, stamp));
        assert_eq!(crate::exchange::trail::changes(plan, &journal), crate::exchange::trail::diff(&before, plan));
        assert_eq!(journal.changed(plan), *plan != before, "the journal says whether anything changed");
        if journal.changed(plan) {
            crate::exchange::trail::commit_change(plan, journal, stamp).unwrap();
        }
        self.dirty.add(stamped(plan, stamp));
        r
    }
}

#[test]
fn the_example_reads_back_whole_from_its_parts() {
    let plan = luohu_2022();
    let mut m = Mem::default();
    m.save(&plan);
    assert_eq!(m.plan(), plan);
    assert!(m.kv.keys().any(|k| k.starts_with("gongjian.part.a:")), "a part per key action");
}

#[test]
fn who_this_browser_acts_as_and_its_base_come_back_from_the_index() {
    let plan = luohu_2022();
    let me = plan.units[1].id;
    let w = write(Saving { plan: &plan, me: Some(me), base: Some(&plan) }, &Dirty::all(), None, 4, at(0));
    let mut kv: BTreeMap<String, String> = w.parts.into_iter().collect();
    kv.insert("gongjian.plan".into(), w.index);
    match decode_with(kv.get("gongjian.plan").cloned(), |k| kv.get(k).cloned()) {
        Loaded::Plan(env) => {
            assert_eq!((env.revision, env.me, env.base.as_ref()), (4, Some(me), Some(&plan)));
            assert_eq!(crate::storage::envelope::peek_revision(&kv["gongjian.plan"]), Some(4));
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// The measure: on a city's plan a one-field edit writes under 5 %
/// of the stored characters, and so does a new report.
#[test]
fn a_one_field_edit_on_a_city_plan_writes_under_five_percent() {
    let mut plan = large_plan(7, Size::default());
    let mut m = Mem::default();
    m.save(&plan);
    let total = m.chars();
    let task = plan.tasks[500].id;
    m.run(&mut plan, 1, |p, s| {
        let mut d = p.task_draft(task).unwrap();
        d.title = crate::domain::Text::new("改过的任务名称", "");
        p.update_task(task, d, s).unwrap();
    });
    let wrote = m.save(&plan);
    println!("a city's plan: {total} stored characters; a one-field edit wrote {wrote}");
    assert!(wrote * 100 < total * 5, "wrote {wrote} of {total} characters");
    assert_eq!(m.plan(), plan);

    let unit = plan.tasks[10].responsible[0];
    let task = plan.tasks[10].id;
    m.run(&mut plan, 2, |p, s| {
        let d = ReportDraft {
            task,
            unit,
            date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
            narrative: "本周推进".into(),
            progress: Some(40.0),
            milestones_done: vec![],
            readings: vec![],
            problems: vec![],
            help_requested: String::new(),
            progress_reason: String::new(),
        };
        p.record_report(d, s).unwrap();
    });
    let wrote = m.save(&plan);
    println!("a new report wrote {wrote}");
    assert!(wrote * 100 < total * 5, "a report wrote {wrote} of {total} characters");
    assert_eq!(m.plan(), plan);
}

#[test]
fn a_task_moved_to_another_action_leaves_its_old_part() {
    let mut plan = luohu_2022();
    let mut m = Mem::default();
    m.save(&plan);
    let task = plan.tasks[0].id;
    let other = plan.actions.iter().find(|a| a.id != plan.tasks[0].action).unwrap().id;
    m.run(&mut plan, 1, |p, s| {
        let mut d = p.task_draft(task).unwrap();
        d.action = other;
        p.update_task(task, d, s).unwrap();
    });
    m.save(&plan);
    assert_eq!(m.plan(), plan, "the task and its reports are in the new action's part only");
}

#[test]
fn a_save_cut_short_leaves_the_previous_one_whole() {
    let mut plan = luohu_2022();
    let mut m = Mem::default();
    m.save(&plan);
    let before = plan.clone();
    let task = plan.tasks[2].id;
    m.run(&mut plan, 1, |p, s| p.move_task(task, Move::Up, s).unwrap());
    m.run(&mut plan, 2, |p, s| p.add_milestone(task, crate::domain::Text::new("新节点", ""), None, s).unwrap());
    let w = write(Saving { plan: &plan, me: None, base: None }, &m.dirty, m.layout.as_ref(), 2, at(2));
    assert!(!w.parts.is_empty());
    // The browser stopped after some parts: the index was not written.
    for (k, t) in w.parts.iter().take(w.parts.len() - 1) {
        m.kv.insert(k.clone(), t.clone());
    }
    assert_eq!(m.plan(), before, "a reader sees the last whole save");
}

#[test]
fn parts_no_index_names_are_removed_and_the_one_before_is_kept() {
    let mut plan = luohu_2022();
    let mut m = Mem::default();
    m.save(&plan);
    let task = plan.tasks[0].id;
    for n in 1..6 {
        m.run(&mut plan, n, |p, s| p.set_task_plan(task, format!("第{n}版施工图"), None, s).unwrap());
        m.save(&plan);
    }
    let parts = m.kv.keys().filter(|k| k.starts_with(KEY_PART)).count();
    let named = m.layout.as_ref().unwrap().keys().len();
    // The current parts, and the previous versions of those that changed
    // (the task's action and its trail), for a tab still reading them.
    assert!(parts <= named + 2, "{parts} parts kept for {named} named");
    assert_eq!(m.plan(), plan);
}

#[test]
fn a_missing_or_damaged_part_is_unreadable_and_says_which() {
    let plan = luohu_2022();
    let mut m = Mem::default();
    m.save(&plan);
    let key = m.kv.keys().find(|k| k.starts_with("gongjian.part.a:")).unwrap().clone();
    let text = m.kv.remove(&key).unwrap();
    match m.load() {
        Loaded::Unreadable { error, .. } => assert!(error.to_string().contains("missing"), "{error}"),
        other => panic!("unexpected {other:?}"),
    }
    m.kv.insert(key.clone(), text.replacen('{', "[", 1));
    assert!(matches!(m.load(), Loaded::Unreadable { .. }));
    m.kv.insert(key, "{}".into());
    match m.load() {
        Loaded::Unreadable { error, .. } => assert!(error.to_string().contains("fewer"), "{error}"),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_newer_index_is_not_read() {
    let plan = luohu_2022();
    let mut m = Mem::default();
    m.save(&plan);
    let index = m.kv["gongjian.plan"].replacen("\"version\":2", "\"version\":9", 1);
    let mut m2 = Mem { kv: m.kv.clone(), ..Mem::default() };
    m2.kv.insert("gongjian.plan".into(), index);
    match m2.load() {
        Loaded::Unreadable { error, .. } => assert!(matches!(error, ReadError::NewerVersion { found: 9, .. }), "{error}"),
        other => panic!("unexpected {other:?}"),
    }
}

/// One command a person might run on the example.
#[derive(Clone, Debug)]
enum Cmd {
    Title(usize),
    Move(usize, bool),
    Report(usize),
    Milestone(usize),
    Delete(usize),
    Reassign(usize, usize),
    Settings(u32),
    Unit,
    DeleteAction(usize),
    MoveAction(usize, bool),
    RenameUnit(usize),
    Head(usize),
    Resolve(usize),
    Risk(usize, bool),
}

fn cmd() -> impl Strategy<Value = Cmd> {
    prop_oneof![
        (0..20usize).prop_map(Cmd::Title),
        (0..20usize, any::<bool>()).prop_map(|(i, up)| Cmd::Move(i, up)),
        (0..20usize).prop_map(Cmd::Report),
        (0..20usize).prop_map(Cmd::Milestone),
        (0..20usize).prop_map(Cmd::Delete),
        (0..20usize, 0..20usize).prop_map(|(i, a)| Cmd::Reassign(i, a)),
        (1..30u32).prop_map(Cmd::Settings),
        Just(Cmd::Unit),
        (0..20usize).prop_map(Cmd::DeleteAction),
        (0..20usize, any::<bool>()).prop_map(|(i, up)| Cmd::MoveAction(i, up)),
        (0..40usize).prop_map(Cmd::RenameUnit),
        (0..9usize).prop_map(Cmd::Head),
        (0..20usize).prop_map(Cmd::Resolve),
        (0..20usize, any::<bool>()).prop_map(|(i, add)| Cmd::Risk(i, add)),
    ]
}

fn apply(p: &mut Plan, c: &Cmd, s: Stamp) {
    let live: Vec<Id> = p.tasks.iter().filter(|t| t.is_live()).map(|t| t.id).collect();
    let pick = |i: usize| live.get(i % live.len().max(1)).copied();
    let _ = match *c {
        Cmd::Title(i) => pick(i).map(|t| {
            let mut d = p.task_draft(t).unwrap();
            d.title = crate::domain::Text::new(&format!("任务{i}"), "");
            p.update_task(t, d, s)
        }),
        Cmd::Move(i, up) => pick(i).map(|t| p.move_task(t, if up { Move::Up } else { Move::Down }, s)),
        Cmd::Report(i) => pick(i).map(|t| {
            let unit = p.task(t).and_then(|t| t.responsible.first().copied()).unwrap_or(p.units[0].id);
            let d = ReportDraft {
                task: t,
                unit,
                date: chrono::NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(),
                narrative: format!("报告{i}"),
                progress: None,
                milestones_done: vec![],
                readings: vec![],
                problems: vec![format!("问题{i}")],
                help_requested: String::new(),
                progress_reason: String::new(),
            };
            p.record_report(d, s).map(|_| ())
        }),
        Cmd::Milestone(i) => pick(i).map(|t| p.add_milestone(t, crate::domain::Text::new("节点", ""), None, s).map(|_| ())),
        Cmd::Delete(i) => pick(i).map(|t| p.delete_task(t, s)),
        Cmd::Reassign(i, a) => pick(i).map(|t| {
            let mut d = p.task_draft(t).unwrap();
            d.action = p.actions[a % p.actions.len()].id;
            p.update_task(t, d, s)
        }),
        Cmd::Settings(n) => {
            let mut set = p.settings.clone();
            set.report_interval_days = n;
            Some(p.update_settings(set, s))
        }
        Cmd::Unit => Some(p.add_unit(crate::domain::Text::new("新单位", ""), s).map(|_| ())),
        Cmd::DeleteAction(i) => {
            let a = p.actions[i % p.actions.len()].id;
            Some(p.delete_action(a, s).map(|_| ()))
        }
        Cmd::MoveAction(i, up) => {
            let a = p.actions[i % p.actions.len()].id;
            Some(p.move_action(a, if up { Move::Up } else { Move::Down }, s))
        }
        Cmd::RenameUnit(i) => {
            let u = p.units[i % p.units.len()].id;
            Some(p.rename_unit(u, crate::domain::Text::new(&format!("改名单位{i}"), ""), s))
        }
        Cmd::Head(i) => {
            let mut h = p.head();
            h.title = crate::domain::Text::new(&format!("计划第{i}版"), "Plan");
            Some(p.update_head(h, s))
        }
        Cmd::Resolve(i) => {
            let open: Vec<Id> = p.problems.iter().filter(|x| x.resolved_on.is_none() && x.is_live()).map(|x| x.id).collect();
            open.get(i % open.len().max(1))
                .map(|id| p.resolve_problem(*id, chrono::NaiveDate::from_ymd_opt(2022, 4, 1).unwrap(), "已协调".into(), s))
        }
        Cmd::Risk(i, add) => match (add, p.risks.get(i % p.risks.len().max(1)).map(|r| r.id)) {
            (false, Some(r)) => Some(p.set_risk_status(r, crate::domain::RiskStatus::Closed, s)),
            _ => pick(i).map(|t| {
                let d = crate::domain::task_edit::RiskDraft {
                    task: t,
                    description: format!("风险{i}"),
                    level: crate::domain::RiskLevel::High,
                    category: crate::domain::RiskCategory::Other,
                    mitigation: String::new(),
                    owner: None,
                };
                p.add_risk(d, s).map(|_| ())
            }),
        },
    };
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever commands run between saves, the stored parts read back as
    /// the plan the page holds: a save writes every part that changed.
    #[test]
    fn what_is_read_back_is_what_the_page_held(batches in prop::collection::vec(prop::collection::vec(cmd(), 1..4), 1..6)) {
        let mut plan = luohu_2022();
        let mut m = Mem::default();
        m.save(&plan);
        let mut n = 0;
        for batch in &batches {
            for c in batch {
                n += 1;
                m.run(&mut plan, n, |p, s| apply(p, c, s));
            }
            m.save(&plan);
            prop_assert_eq!(m.plan(), plan.clone());
        }
    }
}
