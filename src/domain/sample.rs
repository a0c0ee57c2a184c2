//! A large plan for measuring: deterministic from a seed, with Chinese
//! text — 30 key actions, 1,000 tasks, 10,000 milestones, 20,000 reports by
//! default. A city's programme, or several years kept together.

use super::{Id, KeyAction, Meta, Milestone, Plan, Report, Settings, Stamp, Target, Task, Text, Unit};
use chrono::{Days, NaiveDate, TimeZone, Utc};

/// How big to make it.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub actions: usize,
    pub tasks: usize,
    pub milestones_per_task: usize,
    pub reports: usize,
    pub units: usize,
}

impl Default for Size {
    fn default() -> Self {
        Size { actions: 30, tasks: 1_000, milestones_per_task: 10, reports: 20_000, units: 60 }
    }
}

/// A small deterministic generator (64-bit LCG), so the same seed gives the
/// same plan on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn id(&mut self) -> Id {
        let hi = (self.next() as u128) << 96 | (self.next() as u128) << 64;
        let lo = (self.next() as u128) << 32 | self.next() as u128;
        Id(uuid::Builder::from_random_bytes((hi | lo).to_be_bytes()).into_uuid())
    }
}

const WORDS: [&str; 16] =
    ["推进", "完成", "启动", "建设", "改造", "提升", "片区", "项目", "道路", "河道", "产业", "服务", "企业", "园区", "街道", "更新"];

fn phrase(r: &mut Lcg, n: usize) -> String {
    (0..n).map(|_| WORDS[r.below(WORDS.len())]).collect()
}

/// The large plan for `seed` and `size`, starting 2024-01-08.
pub fn large_plan(seed: u64, size: Size) -> Plan {
    let mut r = Lcg(seed);
    let kickoff = NaiveDate::from_ymd_opt(2024, 1, 8).unwrap_or_default();
    let day = |n: u64| kickoff.checked_add_days(Days::new(n)).unwrap_or(kickoff);
    let at = Utc.with_ymd_and_hms(2024, 1, 8, 9, 0, 0).single().unwrap_or_default();
    let meta = || Meta::created(Stamp { by: None, at });
    let units: Vec<Unit> = (0..size.units)
        .map(|i| Unit { id: r.id(), name: Text::new(&format!("{}单位{}", phrase(&mut r, 1), i + 1), ""), key: None, meta: meta() })
        .collect();
    let actions: Vec<KeyAction> = (0..size.actions)
        .map(|i| KeyAction {
            id: r.id(),
            order: i as i64 + 1,
            title: Text::new(&format!("{}攻坚行动", phrase(&mut r, 3)), ""),
            field: None,
            leaders: vec![],
            leading_units: vec![units[r.below(units.len())].id],
            meta: meta(),
        })
        .collect();
    let mut tasks = Vec::with_capacity(size.tasks);
    for i in 0..size.tasks {
        let start = r.below(60) as u64;
        let due = start + 120 + r.below(200) as u64;
        let milestones = (0..size.milestones_per_task)
            .map(|k| Milestone {
                id: r.id(),
                title: Text::new(&format!("节点{}：{}", k + 1, phrase(&mut r, 2)), ""),
                due: Some(day(start + (due - start) * (k as u64 + 1) / size.milestones_per_task as u64)),
                done_on: None,
                weight: 1.0,
                meta: meta(),
            })
            .collect();
        let targets = vec![Target {
            id: r.id(),
            name: Text::new(&phrase(&mut r, 2), ""),
            measure: "万平方米".into(),
            baseline: Some(0.0),
            target: 10.0 + r.below(90) as f64,
            direction: super::Direction::AtLeast,
            added_by: None,
            meta: meta(),
        }];
        let lead = units[r.below(units.len())].id;
        let other = units[r.below(units.len())].id;
        let co = if r.below(3) == 0 && other != lead { vec![other] } else { vec![] };
        tasks.push(Task {
            id: r.id(),
            action: actions[i % actions.len()].id,
            order: (i / actions.len()) as i64 + 1,
            title: Text::new(&format!("{}{}", phrase(&mut r, 4), i + 1), ""),
            responsible: vec![lead],
            co_organizers: co,
            person: None,
            start: Some(day(start)),
            due: Some(day(due)),
            plan: phrase(&mut r, 12),
            plan_submitted_on: if r.below(5) == 0 { None } else { Some(day(3 + r.below(6) as u64)) },
            milestones,
            targets,
            closed_on: None,
            meta: meta(),
        });
    }
    let reports = (0..size.reports)
        .map(|_| {
            let t = &tasks[r.below(tasks.len())];
            let done = if r.below(4) == 0 {
                t.milestones.get(r.below(t.milestones.len().max(1))).map(|m| vec![m.id]).unwrap_or_default()
            } else {
                vec![]
            };
            Report {
                id: r.id(),
                task: t.id,
                unit: t.responsible[0],
                date: day(7 + r.below(170) as u64),
                narrative: phrase(&mut r, 8),
                progress: Some(r.below(101) as f64),
                milestones_done: done,
                readings: vec![],
                help_requested: String::new(),
                supersedes: None,
                withdrawn: false,
                progress_reason: String::new(),
                extension: None,
                closure: None,
                answers: vec![],
                unchanged: false,
                meta: meta(),
            }
        })
        .collect();
    Plan {
        id: r.id(),
        title: Text::new("大型计划（测量用）", "Large plan (for measuring)"),
        year: 2024,
        kickoff,
        issuing_unit: None,
        office_key: None,
        example: false,
        // Written unsigned by the generator: files need not be signed.
        settings: Settings { as_of: Some(day(150)), require_signed: false, ..Settings::default() },
        meta: meta(),
        units,
        people: vec![],
        actions,
        tasks,
        reports,
        meetings: vec![],
        problems: vec![],
        risks: vec![],
        exemptions: vec![],
        rulings: vec![],
        instructions: vec![],
        trail: vec![],
        numbers: Default::default(),
        journal: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::Scope;
    use crate::domain::filter::TableFilter;
    use std::time::Instant;

    #[test]
    fn the_same_seed_gives_the_same_plan() {
        let small = Size { actions: 3, tasks: 20, milestones_per_task: 2, reports: 50, units: 5 };
        assert_eq!(large_plan(7, small), large_plan(7, small));
        assert_ne!(large_plan(7, small).tasks[0].id, large_plan(8, small).tasks[0].id);
    }

    #[test]
    fn the_large_plan_has_the_promised_size_and_is_valid() {
        let p = large_plan(1, Size::default());
        assert_eq!((p.actions.len(), p.tasks.len(), p.reports.len()), (30, 1_000, 20_000));
        assert_eq!(p.tasks.iter().map(|t| t.milestones.len()).sum::<usize>(), 10_000);
        assert_eq!(p.validate(), vec![]);
    }

    /// The large plan's JSON is 8.6 million characters, over Chromium's
    /// ~5.2 million; as the app stores it (compactly) it fits, with room for
    /// a backup, and reads back as the same plan.
    #[test]
    fn the_large_plan_fits_in_local_storage_as_the_app_stores_it() {
        use crate::storage::envelope::{decode, encode, Loaded, Workspace};
        use crate::storage::keep::LOCAL_STORAGE_CHARS;
        let p = large_plan(1, Size::default());
        let at = Utc.with_ymd_and_hms(2024, 6, 1, 9, 0, 0).single().unwrap_or_default();
        let plain = serde_json::to_string(&p).unwrap_or_default().encode_utf16().count() as u64;
        assert!(plain > LOCAL_STORAGE_CHARS, "plain JSON would fit ({plain}): the compact form is not needed");
        let stored = encode(Workspace { plan: &p, me: None, base: None }, 3, at);
        let chars = stored.encode_utf16().count() as u64;
        assert!(stored.starts_with(crate::storage::compact::PREFIX));
        assert!(chars * 2 < LOCAL_STORAGE_CHARS, "stored in {chars} characters: no room for a backup");
        // The same seed stores the same characters.
        assert_eq!(stored, encode(Workspace { plan: &large_plan(1, Size::default()), me: None, base: None }, 3, at));
        match decode(Some(stored)) {
            Loaded::Plan(env) => assert!(env.revision == 3 && env.plan == p),
            other => panic!("the stored plan did not read back: {other:?}"),
        }
    }

    /// Guards against going quadratic again: grouping reports by task made
    /// the board ~100× faster (1.3 s → 12 ms natively, release). In a debug
    /// build it now takes well under a second; scanning every report per
    /// task took half a minute.
    #[test]
    fn the_board_of_a_thousand_tasks_reads_each_report_once() {
        let p = large_plan(1, Size::default());
        let today = p.as_of(p.kickoff);
        let t = Instant::now();
        let b = p.board(&Scope::default(), today);
        let red = TableFilter { light: Some(crate::domain::light::Light::Red), ..Default::default() };
        let rows = p.table(&red, today);
        let elapsed = t.elapsed();
        assert_eq!(b.by_light.iter().map(|(_, v)| v.len()).sum::<usize>(), 1_000);
        assert_eq!(rows.iter().map(|r| r.tasks.len()).sum::<usize>(), b.by_light[0].1.len());
        assert!(elapsed.as_secs_f64() < 8.0, "board + table took {elapsed:?}");
    }

    /// Prints how long the board and the table take on the large plan
    /// (`cargo test --release -- --ignored --nocapture measure`).
    #[test]
    #[ignore = "a measurement, not a check"]
    fn measure_board_and_table_on_the_large_plan() {
        let p = large_plan(1, Size::default());
        let today = p.as_of(kickoff_of(&p));
        let t = Instant::now();
        let b = p.board(&Scope::default(), today);
        println!("board: {:?} ({} tasks)", t.elapsed(), b.tasks.len());
        let t = Instant::now();
        let rows = p.table(&TableFilter::default(), today);
        println!("table: {:?} ({} actions)", t.elapsed(), rows.len());
        let t = Instant::now();
        let lights = p.task_lights(today);
        println!("lights: {:?} ({})", t.elapsed(), lights.len());
    }

    fn kickoff_of(p: &Plan) -> NaiveDate {
        p.kickoff
    }
}

#[cfg(test)]
mod fixture {
    use super::*;
    use crate::storage::envelope::encode;

    /// The plans the end-to-end suite loads into the browser, stored as the
    /// app stores them: `e2e-large-plan.json`, 1,000 tasks with 10,000
    /// milestones and 3,000 reports (plain JSON, as it is small enough), and
    /// `e2e-full-plan.txt`, the full large plan with 20,000 reports (the
    /// compact form), and that plan as an exchange file, `e2e-large.plan.json`. Written by `make test-e2e` before the browser runs.
    #[test]
    #[ignore = "writes the large plans of target/e2e-* for the end-to-end suite"]
    fn write_large_fixture() {
        let at = Utc.with_ymd_and_hms(2024, 6, 1, 9, 0, 0).single().unwrap_or_default();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
        std::fs::create_dir_all(&dir).unwrap_or_default();
        for (name, reports) in [("e2e-large-plan.json", 3_000), ("e2e-full-plan.txt", 20_000)] {
            let p = large_plan(1, Size { reports, ..Size::default() });
            let text = encode(crate::storage::envelope::Workspace { plan: &p, me: None, base: None }, 1, at);
            std::fs::write(dir.join(name), &text).unwrap_or_default();
            println!("{name}: {} characters", text.encode_utf16().count());
            if reports == 20_000 {
                // The same plan as a whole-plan exchange file, to import.
                let body = crate::exchange::file::Body { plan: p, base: None };
                let file = crate::exchange::file::write(crate::exchange::file::Kind::Plan, &body, None, None, at);
                std::fs::write(dir.join("e2e-large.plan.json"), &file).unwrap_or_default();
            }
        }
    }
}
