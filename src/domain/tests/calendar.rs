//! The calendar file: what a unit's and the office's hold, and that it is
//! RFC 5545 a calendar program reads back.

use super::{date, example, stamp, task_id, unit_id};
use crate::domain::calendar::{escape, fold_into, unescape, unfold};
use crate::domain::meetings::MeetingDraft;
use crate::domain::{Id, Lang, MeetingKind, Meta, Milestone, Plan, Report, Text};
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 6, 30, 1, 2, 3).unwrap()
}

fn milestone(key: &str, zh: &str, en: &str, due: chrono::NaiveDate) -> Milestone {
    Milestone { id: Id::from_name(key), title: Text::new(zh, en), due: Some(due), done_on: None, weight: 1.0, meta: Meta::created(stamp()) }
}

/// The example with two milestones on 7.1 (one done), Dongmen co-organizing
/// 8.1, and hearings before and after its "as of" day.
fn world() -> Plan {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    let t71 = task_id(&plan, "7.1");
    let t81 = task_id(&plan, "8.1");
    let t = plan.tasks.iter_mut().find(|t| t.id == t71).unwrap();
    t.milestones.push(milestone("ms:design", "完成设计方案", "Design done", date(2022, 7, 5)));
    let mut done = milestone("ms:survey", "现场踏勘", "Site survey", date(2022, 5, 20));
    done.done_on = Some(date(2022, 5, 18));
    t.milestones.push(done);
    let mut gone = milestone("ms:gone", "已删除的节点", "Deleted milestone", date(2022, 8, 1));
    gone.meta.deleted = true;
    t.milestones.push(gone);
    plan.tasks.iter_mut().find(|t| t.id == t81).unwrap().co_organizers.push(dongmen);
    let chair = Some(Id::from_name("person:zuo-jinping"));
    for (day, tasks) in [(date(2022, 6, 10), vec![t71]), (date(2022, 7, 15), vec![t71]), (date(2022, 7, 20), vec![task_id(&plan, "9.1")])] {
        let d = MeetingDraft {
            kind: Some(MeetingKind::MonthlyHearing),
            date: day,
            chair,
            tasks,
            minutes: "听取进展".into(),
            ..Default::default()
        };
        plan.record_meeting(d, stamp()).unwrap();
    }
    plan
}

fn today() -> chrono::NaiveDate {
    date(2022, 6, 30)
}

/// (UID, DTSTART, SUMMARY) of every event, as read back by the `ical` crate.
fn parsed(ics: &str) -> (Vec<(String, String, String)>, ical::parser::ical::component::IcalCalendar) {
    let mut cals = ical::IcalParser::new(ics.as_bytes());
    let cal = cals.next().expect("one calendar").expect("parses");
    assert!(cals.next().is_none());
    let prop = |ps: &[ical::property::Property], name: &str| {
        ps.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_else(|| panic!("no {name}"))
    };
    let events = cal
        .events
        .iter()
        .map(|e| (prop(&e.properties, "UID"), prop(&e.properties, "DTSTART"), unescape(&prop(&e.properties, "SUMMARY"))))
        .collect();
    (events, cal)
}

#[test]
fn the_offices_calendar_has_every_deadline_the_weekly_day_and_the_hearings_to_come() {
    let plan = world();
    let ics = plan.calendar(None, Lang::Zh, today(), now());
    let (events, cal) = parsed(&ics);
    let summaries: Vec<&str> = events.iter().map(|e| e.2.as_str()).collect();
    // 7 tasks with deadlines, 2 live milestones, the weekly day, 2 hearings to come.
    assert_eq!(events.len(), 7 + 2 + 1 + 2, "{summaries:#?}");
    assert!(summaries.contains(&"任务到期：7.1 东门步行街升级改造"), "{summaries:#?}");
    assert!(summaries.contains(&"任务到期：8.1 完成20万平方米产业项目用地出让"));
    assert!(summaries.contains(&"节点到期：7.1 东门步行街升级改造——完成设计方案"));
    assert!(summaries.contains(&"（已完成）节点到期：7.1 东门步行街升级改造——现场踏勘"));
    assert!(summaries.contains(&"每周进展反馈：收集各单位进展"));
    assert_eq!(summaries.iter().filter(|s| s.starts_with("区领导月度听取")).count(), 2, "the hearing of 6-10 is past");
    assert!(!ics.contains("已删除的节点"), "a deleted milestone stays out");
    let t71 = task_id(&plan, "7.1");
    let due = events.iter().find(|e| e.0 == format!("{t71}@gongjian")).expect("the task's UID is its id");
    assert_eq!(due.1, "20221231");
    let names: Vec<(&str, String)> = cal.properties.iter().map(|p| (p.name.as_str(), p.value.clone().unwrap_or_default())).collect();
    assert!(names.contains(&("VERSION", "2.0".into())));
    assert!(names.contains(&("X-WR-TIMEZONE", "Asia/Shanghai".into())));
    assert!(names.contains(&("X-WR-CALNAME", "罗湖区2022年攻坚任务责任分工表（督查室）".into())));
}

#[test]
fn a_units_calendar_has_the_tasks_it_leads_or_co_organizes_and_its_hearings() {
    let plan = world();
    let dongmen = unit_id(&plan, "Dongmen");
    let (events, _) = parsed(&plan.calendar(Some(dongmen), Lang::En, today(), now()));
    let summaries: Vec<&str> = events.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(
        summaries,
        vec![
            "(done) Milestone due: 7.1 Upgrading and renovating Dongmen Pedestrian Street — Site survey",
            "Weekly progress report: send this week's report",
            "Milestone due: 7.1 Upgrading and renovating Dongmen Pedestrian Street — Design done",
            "Leader's monthly hearing: Zuo Jinping",
            "Task due: 7.1 Upgrading and renovating Dongmen Pedestrian Street",
            "Task due: 8.1 Transfer 200,000 m² of land for industrial projects",
        ]
    );
    // The weekly reminder starts on the first Friday from today, until the year's end.
    let weekly = events.iter().find(|e| e.2.starts_with("Weekly")).unwrap();
    assert_eq!(weekly.1, "20220701");
}

#[test]
fn a_unit_with_no_task_to_report_on_gets_no_weekly_reminder() {
    let mut plan = world();
    let dongmen = unit_id(&plan, "Dongmen");
    let t71 = task_id(&plan, "7.1");
    plan.tasks.iter_mut().find(|t| t.id == t71).unwrap().meta.deleted = true;
    let ics = plan.calendar(Some(dongmen), Lang::Zh, today(), now());
    let (events, _) = parsed(&ics);
    let summaries: Vec<&str> = events.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(summaries, vec!["任务到期：8.1 完成20万平方米产业项目用地出让"], "a deleted task and its hearing stay out");
}

#[test]
fn events_are_all_day_with_an_alarm_warning_days_before_at_nine() {
    let plan = world();
    let ics = plan.calendar(None, Lang::Zh, today(), now());
    let t71 = task_id(&plan, "7.1");
    let lines = unfold(&ics);
    let at = lines.iter().position(|l| *l == format!("UID:{t71}@gongjian")).unwrap();
    let end = at + lines[at..].iter().position(|l| l == "END:VEVENT").unwrap();
    let event = &lines[at..end];
    assert!(event.contains(&"DTSTAMP:20220630T010203Z".to_string()), "{event:#?}");
    assert!(event.contains(&"DTSTART;VALUE=DATE:20221231".to_string()));
    assert!(event.contains(&"DTEND;VALUE=DATE:20230101".to_string()), "the day after");
    // 7 days before 00:00 at 09:00: 6 days and 15 hours before.
    assert!(event.contains(&"TRIGGER:-P6DT15H".to_string()), "{event:#?}");
    assert!(event.contains(&"DESCRIPTION:责任单位：东门街道".to_string()), "{event:#?}");
    let weekly = lines.iter().position(|l| l.starts_with("SUMMARY:每周进展反馈")).unwrap();
    assert!(lines[..weekly].iter().rev().any(|l| l == "RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20221231"));
    assert!(!ics.contains("VTIMEZONE"));
}

#[test]
fn the_file_has_crlf_lines_of_at_most_75_octets() {
    let mut plan = world();
    let t71 = task_id(&plan, "7.1");
    let long = "东门步行街升级改造，含商业街区立面整治；夜间经济示范街区建设\\地下管网改造".repeat(4);
    plan.tasks.iter_mut().find(|t| t.id == t71).unwrap().title = Text::new(&long, "A long, long; title\\ with\nnewlines");
    for lang in [Lang::Zh, Lang::En] {
        let ics = plan.calendar(None, lang, today(), now());
        assert!(ics.ends_with("\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "no bare LF");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let (events, _) = parsed(&ics);
        let title = match lang {
            Lang::Zh => format!("任务到期：7.1 {long}"),
            Lang::En => "Task due: 7.1 A long, long; title\\ with\nnewlines".to_string(),
        };
        assert!(events.iter().any(|e| e.2 == title), "{events:#?}");
    }
}

#[test]
fn escaping_covers_backslash_semicolon_comma_and_newline() {
    assert_eq!(escape("a\\b;c,d\ne\r"), "a\\\\b\\;c\\,d\\ne");
    assert_eq!(unescape("a\\\\b\\;c\\,d\\ne"), "a\\b;c,d\ne");
}

#[test]
fn folding_never_splits_a_character_and_keeps_spaces() {
    let mut out = String::new();
    fold_into(&mut out, &format!("SUMMARY:{}", "攻坚".repeat(40)));
    let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
    // Full lines, cut before a character that would not fit (3 octets each).
    for line in &lines[..lines.len() - 1] {
        assert!(line.len() <= 75 && line.len() >= 73, "{} octets", line.len());
    }
    assert_eq!(unfold(&out), vec![format!("SUMMARY:{}", "攻坚".repeat(40))]);
    let mut out = String::new();
    let text = format!("SUMMARY:{}", "word ".repeat(40));
    fold_into(&mut out, &text);
    let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
    // A fold never leaves a space at a line's end (the text's own last one aside).
    assert!(!lines[..lines.len() - 1].iter().any(|l| l.ends_with(' ')), "{out}");
    assert_eq!(unfold(&out), vec![text]);
}

#[test]
fn a_done_task_keeps_its_event_without_an_alarm() {
    let mut plan = world();
    let t81 = task_id(&plan, "8.1");
    let unit = plan.task(t81).unwrap().responsible[0];
    plan.reports.push(Report {
        id: Id::from_name("report:done"),
        task: t81,
        unit,
        date: date(2022, 6, 20),
        narrative: "完成".into(),
        progress: Some(100.0),
        milestones_done: vec![],
        readings: vec![],
        help_requested: String::new(),
        supersedes: None,
        withdrawn: false,
        extension: None,
        closure: None,
        unchanged: false,
        answers: vec![],
        progress_reason: String::new(),
        meta: Meta::created(stamp()),
    });
    let ics = plan.calendar(None, Lang::Zh, today(), now());
    let lines = unfold(&ics);
    let at = lines.iter().position(|l| *l == format!("UID:{t81}@gongjian")).unwrap();
    let end = at + lines[at..].iter().position(|l| l == "END:VEVENT").unwrap();
    assert!(lines[at..end].iter().any(|l| l.starts_with("SUMMARY:（已完成）")), "{:#?}", &lines[at..end]);
    assert!(!lines[at..end].iter().any(|l| l == "BEGIN:VALARM"));
}

proptest! {
    #[test]
    fn any_text_survives_escape_fold_unfold_unescape(s in "\\PC{0,300}", pre in "[A-Z]{1,12}") {
        let mut out = String::new();
        fold_into(&mut out, &format!("{pre}:{}", escape(&s)));
        for line in out.trim_end_matches("\r\n").split("\r\n") {
            prop_assert!(line.len() <= 75);
        }
        let lines = unfold(&out);
        prop_assert_eq!(lines.len(), 1);
        let value = lines[0].strip_prefix(&format!("{pre}:")).unwrap().to_string();
        prop_assert_eq!(unescape(&value), s);
    }

    #[test]
    fn any_text_with_newlines_and_spaces_survives(s in "[a-z \t\n,;\\\\攻坚。]{0,200}") {
        let mut out = String::new();
        fold_into(&mut out, &format!("DESCRIPTION:{}", escape(&s)));
        let lines = unfold(&out);
        prop_assert_eq!(unescape(lines[0].strip_prefix("DESCRIPTION:").unwrap()), s);
    }
}

#[test]
fn a_citys_plan_gives_a_calendar_a_reader_takes_and_a_reminder_per_unit() {
    use crate::domain::sample::{large_plan, Size};
    let plan = large_plan(1, Size::default());
    let today = plan.kickoff + chrono::Duration::days(120);
    let started = std::time::Instant::now();
    let ics = plan.calendar(None, Lang::Zh, today, now());
    let calendar = started.elapsed();
    let reminders = plan.reminders(today);
    eprintln!("calendar {} KiB in {calendar:?}, {} reminders in {:?}", ics.len() / 1024, reminders.len(), started.elapsed() - calendar);
    let live_tasks: Vec<_> = crate::domain::plan::live(&plan.tasks).collect();
    let deadlines = live_tasks.iter().filter(|t| t.due.is_some()).count()
        + live_tasks.iter().flat_map(|t| crate::domain::plan::live(&t.milestones)).filter(|m| m.due.is_some()).count();
    let hearings = crate::domain::plan::live(&plan.meetings).filter(|m| m.kind == MeetingKind::MonthlyHearing && m.date >= today).count();
    let (events, _) = parsed(&ics);
    assert_eq!(events.len(), deadlines + 1 + hearings);
    assert_eq!(reminders.len(), crate::domain::plan::live(&plan.units).filter(|u| plan.has_tasks(u.id)).count());
}
