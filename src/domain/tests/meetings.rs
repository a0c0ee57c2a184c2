//! Meetings and their decisions, the weekly collection, the hearing pack.

use super::{date, example, stamp, task_id, unit_id};
use crate::domain::hearing::HearingScope;
use crate::domain::light::{Light, Reason};
use crate::domain::meetings::MeetingDraft;
use crate::domain::{Id, Lang, MeetingKind, Meta, Milestone, Report, Text};

fn draft(decisions: Vec<(String, Option<Id>, Option<chrono::NaiveDate>)>) -> MeetingDraft {
    MeetingDraft {
        kind: Some(MeetingKind::Weekly), date: date(2022, 6, 20), minutes: "东门周例会".into(), decisions, ..Default::default()
    }
}

#[test]
fn a_decision_has_its_own_light_and_stays_open_until_closed() {
    let mut plan = example();
    let unit = unit_id(&plan, "Dongmen");
    let today = date(2022, 6, 30);
    let m = plan
        .record_meeting(
            draft(vec![
                ("清理占道".into(), Some(unit), Some(date(2022, 6, 28))),
                ("报送方案".into(), Some(unit), Some(date(2022, 7, 4))),
                ("协调资金".into(), Some(unit), Some(date(2022, 9, 1))),
            ]),
            stamp(),
        )
        .unwrap();
    let open = plan.open_decisions(today);
    let lights: Vec<(Light, Reason)> = open.iter().map(|o| (o.assessment.light, o.assessment.reasons[0].clone())).collect();
    assert_eq!(
        lights,
        vec![
            (Light::Red, Reason::DecisionOverdue { days: 2 }),
            (Light::Yellow, Reason::DecisionDueSoon { days: 4 }),
            (Light::Green, Reason::OnTrack),
        ]
    );
    assert_eq!(Reason::DecisionOverdue { days: 2 }.to_string(), "decision 2 days overdue");
    let first = open[0].decision;
    plan.close_decision(m, first, date(2022, 6, 30), stamp()).unwrap();
    assert_eq!(plan.open_decisions(today).len(), 2, "a closed decision leaves the board");
    let (_, d) = plan.decision(m, first).unwrap();
    assert_eq!(d.light(today, 7).light, Light::Done, "and stays on record, done");
}

#[test]
fn a_decision_needs_words_and_an_owner_that_exists() {
    let mut plan = example();
    assert!(plan.record_meeting(draft(vec![("  ".into(), None, None)]), stamp()).is_err());
    let ghost = Id::from_name("ghost");
    assert!(plan.record_meeting(draft(vec![("做".into(), Some(ghost), None)]), stamp()).is_err());
    assert!(plan.meetings.is_empty(), "a refused meeting is not kept");
}

#[test]
fn the_weekly_collection_lists_who_reported_and_who_still_owes_with_a_reminder() {
    let mut plan = example();
    let dongmen = unit_id(&plan, "Dongmen");
    let t = task_id(&plan, "7.1");
    let today = date(2022, 6, 30); // Thursday; the week began Monday 06-27
    let report = |d| Report {
        id: Id::new(),
        task: t,
        unit: dongmen,
        date: d,
        narrative: String::new(),
        progress: Some(40.0),
        milestones_done: vec![],
        readings: vec![],
        help_requested: String::new(),
        supersedes: None,
        withdrawn: false,
        extension: None,
        closure: None,
        answers: vec![],
        unchanged: false,
        progress_reason: String::new(),
        meta: Meta::created(stamp()),
    };
    plan.reports.push(report(date(2022, 6, 24)));
    let c = plan.weekly_collection(today);
    assert_eq!(c.week_start, date(2022, 6, 27));
    let d = c.units.iter().find(|u| u.unit == dongmen).unwrap();
    assert_eq!((d.reported.clone(), d.missing.clone()), (vec![], vec![t]), "last week's report does not count");
    let text = plan.reminder_text(&c, Lang::Zh);
    assert!(text.contains("东门街道：7.1 东门步行街升级改造"), "{text}");
    plan.reports.push(report(date(2022, 6, 27)));
    let c = plan.weekly_collection(today);
    let d = c.units.iter().find(|u| u.unit == dongmen).unwrap();
    assert_eq!((d.reported.clone(), d.missing.clone()), (vec![t], vec![]));
    assert!(!plan.reminder_text(&c, Lang::En).contains("Dongmen"));
}

#[test]
fn the_hearing_pack_shows_what_changed_what_needs_attention_and_open_problems() {
    let mut plan = example();
    let action = plan.task(task_id(&plan, "7.1")).unwrap().action;
    let t = task_id(&plan, "7.1");
    let dongmen = unit_id(&plan, "Dongmen");
    let ms = Milestone {
        id: Id::from_name("design"),
        title: Text::new("设计", "Design"),
        due: Some(date(2022, 6, 15)),
        done_on: None,
        weight: 1.0,
        meta: Meta::created(stamp()),
    };
    plan.tasks.iter_mut().find(|x| x.id == t).unwrap().milestones.push(ms);
    plan.reports.push(Report {
        id: Id::from_name("r"),
        task: t,
        unit: dongmen,
        date: date(2022, 6, 10),
        narrative: String::new(),
        progress: Some(40.0),
        milestones_done: vec![Id::from_name("design")],
        readings: vec![],
        help_requested: "协调交警".into(),
        supersedes: None,
        withdrawn: false,
        extension: None,
        closure: None,
        answers: vec![],
        unchanged: false,
        progress_reason: String::new(),
        meta: Meta::created(stamp()),
    });
    let scope = HearingScope::Action(action);
    let pack = plan.hearing_pack(scope, date(2022, 6, 1), date(2022, 6, 30));
    assert!(pack.tasks.contains(&t));
    assert_eq!(pack.reports, vec![Id::from_name("r")]);
    assert_eq!(pack.milestones_done, vec![(t, Id::from_name("design"), date(2022, 6, 10))]);
    assert!(pack.attention.iter().all(|(_, a)| matches!(a.light, Light::Red | Light::Yellow)));
    // Nothing after the day of the pack, and nothing from before "since".
    let later = plan.hearing_pack(scope, date(2022, 6, 11), date(2022, 6, 30));
    assert!(later.reports.is_empty() && later.milestones_done.is_empty());
    // The last hearing: a monthly hearing on the action's tasks.
    assert_eq!(plan.last_hearing(scope, date(2022, 6, 30)), None);
    let d = MeetingDraft {
        kind: Some(MeetingKind::MonthlyHearing),
        date: date(2022, 6, 5),
        tasks: vec![t],
        minutes: "Design reviewed".into(),
        ..Default::default()
    };
    plan.record_meeting(d, stamp()).unwrap();
    assert_eq!(plan.last_hearing(scope, date(2022, 6, 30)), Some(date(2022, 6, 5)));
}
