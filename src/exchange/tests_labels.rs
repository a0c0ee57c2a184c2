//! No internal id in anything a person reads (issue 13, point 4): every
//! record kind has a name in both languages, every record a label, every
//! field a label and every value words — checked on a plan that holds one
//! record of each kind with every field filled, in both languages.

use super::fields::{positions, Index};
use super::file::{write, Body, Kind};
use super::import::{prepare, Refused, Side};
use super::labels::Labels;
use super::merge::{Key, RecordKind};
use super::slice::{report, slice};
use super::words::{field_label, kind_name, known_field};
use crate::domain::example::luohu_2022;
use crate::domain::{Id, Lang, Plan, Stamp, Text};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::{json, Value};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 3, day, 9, 0, 0).unwrap()
}

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2022, 3, d)
}

/// A UUID ("172375b1-8c1e-…") or its 8-hex prefix cut short ("a8edf68c…")
/// anywhere in `s`: what the end-to-end helper `expectNoInternalIds` looks for too.
fn has_id(s: &str) -> bool {
    let b: Vec<char> = s.chars().collect();
    let hex = |c: char| c.is_ascii_hexdigit();
    (0..b.len()).any(|i| {
        let run = |from: usize, n: usize| from + n <= b.len() && b[from..from + n].iter().all(|c| hex(*c));
        let starts = i == 0 || !hex(b[i - 1]);
        starts
            && run(i, 8)
            && match b.get(i + 8) {
                Some('-') => run(i + 9, 4) && b.get(i + 13) == Some(&'-'),
                Some('…') => true,
                _ => false,
            }
    })
}

/// The English record-kind and field words that must not appear in the Chinese page.
const ENGLISH: &[&str] = &[
    "task",
    "unit",
    "person",
    "milestone",
    "target",
    "report",
    "meeting",
    "problem",
    "risk",
    "trail",
    "action",
    "plan",
    "numbers",
    "deleted",
    "true",
    "false",
    "null",
];

fn english_word(s: &str) -> Option<&'static str> {
    let words: Vec<String> = s.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').map(str::to_lowercase).collect();
    ENGLISH.iter().copied().find(|w| words.iter().any(|x| x == w))
}

/// What a person reads must hold no id, and in Chinese no English machine word.
fn readable(s: &str, l: Lang, what: &str) {
    assert!(!s.trim().is_empty(), "{what}: empty");
    assert!(!has_id(s), "{what}: an internal id in {s:?}");
    if l == Lang::Zh {
        assert!(english_word(s).is_none(), "{what}: the English word {:?} in {s:?}", english_word(s));
    }
}

fn from<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("a record of the test plan")
}

/// The example with one record of every kind, every field filled (an
/// optional field set, a list with an entry): a milestone and a target
/// (added by a unit), a report that corrects another, a meeting with a
/// decision, a problem, a risk, an exemption, and the trail of a change.
fn one_of_each() -> Plan {
    let mut p = luohu_2022();
    let t = p.tasks.iter().find(|t| t.title.en.starts_with("Upgrading and renovating Dongmen")).unwrap().id;
    let dongmen = p.units.iter().find(|u| u.name.en.starts_with("Dongmen")).unwrap().id;
    let person = p.people[0].id;
    let office = Stamp { by: None, at: at(1) };
    let m = p.add_milestone(t, Text::new("完成选址", "Site chosen"), day(30), office).unwrap();
    let target = Id::from_name("test:target");
    let task = p.tasks.iter_mut().find(|x| x.id == t).unwrap();
    task.plan = "施工图".into();
    task.plan_submitted_on = day(5);
    task.start = day(1);
    task.person = Some(person);
    task.milestones[0].done_on = day(20);
    task.targets.push(from(json!({
        "id": target, "name": {"zh": "客流量", "en": "Visitors"}, "measure": "万人次", "baseline": 10.0, "target": 20.0,
        "direction": "at_most", "added_by": dongmen
    })));
    let first = Id::from_name("test:report-1");
    p.reports.push(from(json!({
        "id": first, "task": t, "unit": dongmen, "date": "2022-03-04", "narrative": "开工", "progress": 10.0
    })));
    let report = Id::from_name("test:report-2");
    p.reports.push(from(json!({
        "id": report, "task": t, "unit": dongmen, "date": "2022-03-11", "narrative": "设计完成", "progress": 30.0,
        "milestones_done": [m], "readings": [{"target": target, "value": 12.5}], "help_requested": "协调用地",
        "supersedes": first, "withdrawn": true
    })));
    let meeting = Id::from_name("test:meeting");
    p.meetings.push(from(json!({
        "id": meeting, "kind": "weekly", "date": "2022-03-07", "chair": person, "attendees": [person], "tasks": [t],
        "minutes": "研究选址", "decisions": [{"id": Id::from_name("test:decision"), "text": "本周定稿", "owner": dongmen,
        "due": "2022-03-14", "closed_on": "2022-03-12"}]
    })));
    p.problems.push(from(json!({
        "id": Id::from_name("test:problem"), "task": t, "raised_by": dongmen, "raised_on": "2022-03-11",
        "description": "临时用地审批时间长，影响开工", "raised_in": report, "assigned_to": person,
        "resolved_on": "2022-03-20", "resolution": "已协调"
    })));
    p.risks.push(from(json!({
        "id": Id::from_name("test:risk"), "task": t, "description": "雨季施工安全", "level": "major",
        "category": "work_safety", "mitigation": "错峰施工", "owner": person, "status": "mitigating"
    })));
    p.exemptions.push(from(json!({
        "id": Id::from_name("test:exemption"), "unit": dongmen, "task": t, "milestone": m,
        "reason": {"zh": "疫情停工", "en": "Closed by the epidemic"}, "week": "2022-03-07", "plan": true,
        "approved_by": p.units[0].id, "approved_on": "2022-03-08"
    })));
    let ask = Id::from_name("test:extension");
    p.reports.push(from(json!({
        "id": ask, "task": t, "unit": dongmen, "date": "2022-03-12", "unchanged": true,
        "extension": {"milestone": m, "from": "2022-03-20", "to": "2022-04-20", "reason": "雨季"},
        "closure": {"done_on": "2022-03-12", "summary": "完成"},
        "answers": [{"instruction": Id::from_name("test:instruction"), "text": "已落实"}]
    })));
    p.rulings.push(from(json!({
        "id": Id::from_name("test:ruling"), "request": ask, "task": t, "approved": false, "reason": "理由不足", "on": "2022-03-13"
    })));
    p.instructions.push(from(json!({
        "id": Id::from_name("test:instruction"), "task": t, "problem": Id::from_name("test:problem"), "leader": person,
        "given_on": "2022-03-12", "text": "加快推进", "due": "2022-03-31"
    })));
    // The trail of one change (the milestone's date moved).
    let before = p.clone();
    p.tasks.iter_mut().find(|x| x.id == t).unwrap().milestones[0].due = day(31);
    super::trail::record_trail(&before, &mut p, office);
    assert!(!p.trail.is_empty());
    p
}

/// Every record of the plan, by key.
fn keys(p: &Plan) -> Vec<Key> {
    positions(p).into_iter().map(|(k, ..)| k).collect()
}

#[test]
fn every_record_kind_has_a_name_in_both_languages() {
    for k in RecordKind::ALL {
        readable(kind_name(k, Lang::Zh), Lang::Zh, "kind");
        readable(kind_name(k, Lang::En), Lang::En, "kind");
        assert!(kind_name(k, Lang::Zh).chars().all(|c| !c.is_ascii()), "{k:?}: {}", kind_name(k, Lang::Zh));
    }
}

#[test]
fn every_record_of_every_kind_has_a_label_without_an_id() {
    let p = one_of_each();
    let labels = Labels::of(&p);
    let ks = keys(&p);
    for k in RecordKind::ALL {
        assert!(ks.iter().any(|x| x.kind == k), "the test plan has no {k:?}");
    }
    for key in ks {
        for l in [Lang::Zh, Lang::En] {
            readable(&labels.label_in(key, l), l, &format!("label of {key:?}"));
        }
    }
}

#[test]
fn labels_name_a_milestone_by_its_task_number_and_title_a_report_by_task_unit_and_date() {
    let p = one_of_each();
    let labels = Labels::of(&p);
    let t = p.tasks.iter().find(|t| !t.milestones.is_empty()).unwrap();
    let n = p.task_number(t.id).unwrap();
    let m = Key { kind: RecordKind::Milestone, id: t.milestones[0].id, parent: Some(t.id) };
    assert_eq!(labels.label_in(m, Lang::Zh), format!("{n} · 节点「完成选址」"));
    assert_eq!(labels.label_in(m, Lang::En), format!("{n} · Milestone “Site chosen”"));
    let r = Key { kind: RecordKind::Report, id: Id::from_name("test:report-2"), parent: None };
    assert_eq!(labels.label_in(r, Lang::Zh), format!("{n} · 东门街道 2022-03-11 进展反馈"));
    assert_eq!(labels.label_in(r, Lang::En), format!("{n} · Progress report by Dongmen Sub-district, 2022-03-11"));
    let meeting = Key { kind: RecordKind::Meeting, id: Id::from_name("test:meeting"), parent: None };
    assert_eq!(labels.label_in(meeting, Lang::Zh), "2022-03-07 一周一会");
    let task = Key { kind: RecordKind::Task, id: t.id, parent: None };
    assert_eq!(labels.label_in(task, Lang::Zh), format!("具体任务 {n}「{}」", t.title.zh));
}

#[test]
fn a_milestone_and_a_target_only_the_files_copy_of_a_task_holds_are_named_by_their_titles() {
    // A unit adds a milestone and a target to its own task: the table's copy
    // of the task has neither, and the preview must not call them deleted.
    let local = one_of_each();
    let mut incoming = local.clone();
    let t = incoming.tasks.iter_mut().find(|t| !t.milestones.is_empty()).unwrap();
    let task = t.id;
    let mut m = t.milestones[0].clone();
    m.id = Id::new();
    m.title = Text { zh: "新增节点".into(), en: "New milestone".into() };
    t.milestones.push(m.clone());
    let mut x = t.targets[0].clone();
    x.id = Id::new();
    x.name = Text { zh: "新增指标".into(), en: "New target".into() };
    t.targets.push(x.clone());
    let labels = Labels::new(&local, &incoming);
    let n = local.task_number(task).unwrap();
    let mk = Key { kind: RecordKind::Milestone, id: m.id, parent: Some(task) };
    assert_eq!(labels.label_in(mk, Lang::Zh), format!("{n} · 节点「新增节点」"));
    let xk = Key { kind: RecordKind::Target, id: x.id, parent: None };
    assert_eq!(labels.label_in(xk, Lang::En), format!("{n} · Target “New target”"));
}

#[test]
fn a_record_in_neither_plan_is_named_in_words_not_by_its_id() {
    let p = one_of_each();
    let labels = Labels::of(&p);
    let ghost = Id::new();
    let t = Key { kind: RecordKind::Task, id: ghost, parent: None };
    assert_eq!(labels.label_in(t, Lang::Zh), "已删除的具体任务");
    assert_eq!(labels.label_in(t, Lang::En), "A deleted task");
    let m = Key { kind: RecordKind::Milestone, id: Id::new(), parent: Some(ghost) };
    assert_eq!(labels.label_in(m, Lang::Zh), "已删除的具体任务 · 已删除的节点");
    assert_eq!(labels.value(RecordKind::Report, "unit", &json!(ghost), Lang::Zh), "已删除的单位");
    assert_eq!(labels.value(RecordKind::Meeting, "tasks", &json!([ghost]), Lang::En), "a deleted task");
}

/// Every field a record of `kind` carries in the exchange format (from
/// the checked-in schema's types), set aside what the merge never compares.
fn schema_fields() -> Vec<(RecordKind, String)> {
    let schema: Value = serde_json::from_str(&super::schema::text()).unwrap();
    let defs = schema.get("$defs").or_else(|| schema.get("definitions")).unwrap();
    let mut out = Vec::new();
    for (kind, def) in [
        (RecordKind::Unit, "Unit"),
        (RecordKind::Person, "Person"),
        (RecordKind::Action, "KeyAction"),
        (RecordKind::Task, "Task"),
        (RecordKind::Milestone, "Milestone"),
        (RecordKind::Target, "Target"),
        (RecordKind::Report, "Report"),
        (RecordKind::Meeting, "Meeting"),
        (RecordKind::Problem, "Problem"),
        (RecordKind::Risk, "Risk"),
        (RecordKind::Exemption, "Exemption"),
        (RecordKind::Ruling, "Ruling"),
        (RecordKind::Instruction, "Instruction"),
        (RecordKind::Trail, "TrailEntry"),
        (RecordKind::Plan, "Settings"),
        (RecordKind::Plan, "Scoring"),
        (RecordKind::Plan, "Plan"),
    ] {
        let props = defs[def]["properties"].as_object().unwrap_or_else(|| panic!("{def} in the schema"));
        for f in props.keys() {
            let nested = matches!(f.as_str(), "meta" | "milestones" | "targets")
                || (def == "Plan"
                    && matches!(
                        f.as_str(),
                        "units"
                            | "people"
                            | "actions"
                            | "tasks"
                            | "reports"
                            | "meetings"
                            | "problems"
                            | "risks"
                            | "exemptions"
                            | "rulings"
                            | "instructions"
                            | "trail"
                            | "example"
                            | "id"
                    ));
            if !nested {
                out.push((kind, f.clone()));
            }
        }
    }
    out
}

#[test]
fn every_field_of_every_kind_has_a_label_in_both_languages() {
    let missing: Vec<String> =
        schema_fields().into_iter().filter(|(k, f)| known_field(*k, f).is_none()).map(|(k, f)| format!("{k:?}.{f}")).collect();
    assert!(
        missing.is_empty(),
        "fields without a label for people: {missing:?} — add them to `known_field` in src/exchange/words.rs (Chinese and English)"
    );
    for (k, f) in schema_fields() {
        readable(field_label(k, &f, Lang::Zh), Lang::Zh, &format!("label of {k:?}.{f}"));
        readable(field_label(k, &f, Lang::En), Lang::En, &format!("label of {k:?}.{f}"));
    }
}

#[test]
fn every_field_of_every_record_changed_reads_without_an_id_or_a_machine_word() {
    let p = one_of_each();
    let labels = Labels::of(&p);
    let index = Index::new(&p);
    let blank = luohu_2022();
    let mut seen = 0;
    for key in keys(&p) {
        let Some(flat) = index.get(key) else { continue };
        for (field, value) in &flat.fields {
            for l in [Lang::Zh, Lang::En] {
                let what = format!("{key:?}.{field} = {value} ({l:?})");
                readable(&labels.value(key.kind, field, value, l), l, &what);
                readable(&labels.change(key, field, &Value::Null, value, l), l, &what);
                readable(&labels.line(key, field, &Value::Null, value, l), l, &what);
                readable(&labels.field_line(key, Some(field), l), l, &what);
                // Named against a table that lacks the records it refers to.
                let other = Labels::new(&blank, &blank);
                readable(&other.value(key.kind, field, value, l), l, &format!("{what}, against the bare example"));
                seen += 1;
            }
        }
        assert!(!has_id(&labels.change(key, "", &Value::Null, &Value::Null, Lang::Zh)));
    }
    assert!(seen > 200, "only {seen} fields looked at");
}

#[test]
fn a_deletion_names_what_was_deleted_and_an_order_change_reads_as_such() {
    let p = one_of_each();
    let labels = Labels::of(&p);
    let t = p.tasks.iter().find(|t| !t.milestones.is_empty()).unwrap();
    let n = p.task_number(t.id).unwrap();
    let m = Key { kind: RecordKind::Milestone, id: t.milestones[0].id, parent: Some(t.id) };
    assert_eq!(labels.change(m, "deleted", &json!(false), &json!(true), Lang::Zh), "删除节点「完成选址」");
    assert_eq!(labels.change(m, "deleted", &json!(false), &json!(true), Lang::En), "Deleted milestone “Site chosen”");
    assert_eq!(labels.line(m, "deleted", &json!(false), &json!(true), Lang::Zh), format!("删除节点「完成选址」（{n}）"));
    let task = Key { kind: RecordKind::Task, id: t.id, parent: None };
    assert_eq!(labels.change(task, "order", &json!(1), &json!(2), Lang::Zh), "顺序调整");
    assert_eq!(labels.change(task, "due", &json!("2022-12-31"), &json!(null), Lang::Zh), "完成时限：2022-12-31 → —");
    assert_eq!(
        labels.change(task, "responsible", &json!([]), &json!(t.responsible), Lang::Zh),
        format!("责任单位：— → {}", p.unit_names(&t.responsible, Lang::Zh).replace(", ", "、").replace("，", "、"))
    );
}

#[test]
fn values_are_words_dates_and_numbers() {
    let p = one_of_each();
    let l = Labels::of(&p);
    let zh = Lang::Zh;
    assert_eq!(l.value(RecordKind::Risk, "level", &json!("major"), zh), "重大");
    assert_eq!(l.value(RecordKind::Risk, "category", &json!("work_safety"), Lang::En), "Work safety");
    assert_eq!(l.value(RecordKind::Meeting, "kind", &json!("monthly_hearing"), zh), "区领导月度听取");
    assert_eq!(l.value(RecordKind::Report, "withdrawn", &json!(true), zh), "是");
    assert_eq!(l.value(RecordKind::Report, "progress", &json!(50.0), zh), "50 %");
    assert_eq!(l.value(RecordKind::Target, "baseline", &json!(2.5), zh), "2.5");
    // A time reads as every other time on the page: in the local zone.
    let at = chrono::DateTime::parse_from_rfc3339("2022-03-01T09:00:00Z").unwrap().to_utc();
    assert_eq!(l.value(RecordKind::Trail, "at", &json!("2022-03-01T09:00:00Z"), zh), crate::domain::dates::shown_time(at));
    let readings = l.value(RecordKind::Report, "readings", &json!([{"target": Id::from_name("test:target"), "value": 12.5}]), zh);
    assert!(readings.ends_with("量化指标「客流量」 12.5"), "{readings}");
    let settings = l.change(
        Key { kind: RecordKind::Plan, id: p.id, parent: None },
        "settings",
        &json!({"warning_days": 7, "scoring": {"base": 100.0}}),
        &json!({"warning_days": 14, "scoring": {"base": 90.0}}),
        zh,
    );
    assert_eq!(settings, "计划设置 · 考核计分 · 基础分：100 → 90；计划设置 · 节点预警提前天数：7 → 14");
}

#[test]
fn a_trail_entry_reads_as_the_record_it_changed_and_how() {
    let p = one_of_each();
    let labels = Labels::of(&p);
    let e = p.trail.iter().find(|e| e.field == "due").unwrap();
    let (what, change) = labels.trail_entry(e, Lang::Zh);
    assert!(what.ends_with("节点「完成选址」"), "{what}");
    assert_eq!(change, "完成时限：2022-03-30 → 2022-03-31");
    for e in &p.trail {
        for l in [Lang::Zh, Lang::En] {
            let (what, change) = labels.trail_entry(e, l);
            readable(&what, l, "trail record");
            readable(&change, l, "trail change");
        }
    }
}

/// The office's example, a unit's slice of it imported in the unit's browser.
fn slice_and_base(office: &Plan, unit: Id) -> (Plan, Plan) {
    let s = slice(office, unit);
    (s.clone(), s)
}

#[test]
fn a_units_report_never_brings_the_slices_numbering_as_a_change_or_a_conflict() {
    let mut office = luohu_2022();
    office.example = false;
    let dongmen = office.units.iter().find(|u| u.name.en.starts_with("Dongmen")).unwrap().id;
    let (mut unit, base) = slice_and_base(&office, dongmen);
    assert!(!unit.numbers.is_empty(), "a slice carries the master table's numbers");
    let t = unit.tasks[0].id;
    unit.set_task_plan(t, "单位写的施工图".into(), day(9), Stamp { by: Some(dongmen), at: at(9) }).unwrap();
    // The office changed its head since (a setting), so the head differs on both sides.
    office.settings.warning_days = 10;
    let text = write(Kind::Report, &report(&unit, &base), Some(dongmen), Some(dongmen), at(10));
    let prepared = prepare("r.json", &text, Side { plan: &office, me: None, base: None }).unwrap();
    let p = &prepared.preview;
    let fields: Vec<&str> = p
        .changed
        .iter()
        .flat_map(|c| c.fields.iter().map(|f| f.field.as_str()))
        .chain(p.conflicts.iter().map(|c| c.field.as_str()))
        .collect();
    assert!(!fields.contains(&"numbers"), "{fields:?}");
    assert!(p.conflicts.iter().all(|c| c.item.key.kind != RecordKind::Plan), "{:?}", p.conflicts);
    // Everything the preview lists reads without an id.
    let labels = Labels::new(&office, prepared.incoming());
    for c in &p.changed {
        for f in &c.fields {
            for l in [Lang::Zh, Lang::En] {
                readable(&labels.line(c.item.key, &f.field, &f.old, &f.new, l), l, "a change");
            }
        }
    }
}

#[test]
fn refusals_name_plans_and_units_by_name() {
    let office = luohu_2022();
    let mut other = office.clone();
    other.id = Id::from_name("plan:other");
    other.title = Text::new("另一张表", "Another table");
    other.example = false;
    let mut mine = office.clone();
    mine.example = false;
    let text = write(Kind::Plan, &Body { plan: other.clone(), base: None }, None, None, at(2));
    let e = prepare("p.json", &text, Side { plan: &mine, me: None, base: None }).unwrap_err();
    assert!(matches!(e, Refused::OtherPlan { .. }));
    let s = e.to_string();
    assert!(s.contains("“Another table”") && s.contains(office.title.en.as_str()) && !has_id(&s), "{s}");
}

#[test]
fn the_id_detector_finds_uuids_and_cut_prefixes_but_not_dates_or_numbers() {
    assert!(has_id("节点：172375b1-8c1e-4f5a-9d7e-0123456789ab"));
    assert!(has_id("发给另一个单位的（a8edf68c…）"));
    assert!(!has_id("2022-03-04 · 7.1 · 50 %"));
    assert!(!has_id("deadbeef"));
    assert_eq!(english_word("3.1 milestone · 新增"), Some("milestone"));
    assert_eq!(english_word("东门街道 · 施工图"), None);
}
