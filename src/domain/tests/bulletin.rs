//! The supervision bulletin: its figures agree with the task lights,
//! add up, and say the same in the sentence, the text and every section.

use super::{date, example};
use crate::domain::bulletin::{sentence, Figures};
use crate::domain::document::Block;
use crate::domain::light::{Light, Reason};
use crate::domain::sample::{large_plan, Size};
use crate::domain::{Lang, Plan};
use chrono::NaiveDate;

fn as_of(p: &Plan) -> NaiveDate {
    p.settings.as_of.expect("the example opens as of a day")
}

/// The figures counted afresh from the lights, without the bulletin's code.
fn counted(p: &Plan, to: NaiveDate) -> (usize, usize, usize, usize) {
    let lights = p.task_lights(to);
    let (mut done, mut overdue, mut rest) = (0, 0, 0);
    for t in p.tasks_in_order() {
        let a = &lights[&t.id];
        if a.light == Light::Done {
            done += 1;
        } else if t.due.is_some_and(|d| d < to) {
            assert!(a.reasons.iter().any(|r| matches!(r, Reason::TaskOverdue { .. })), "task {} past due and not said so", t.id);
            overdue += 1;
        } else {
            rest += 1;
        }
    }
    (p.tasks_in_order().len(), done, rest, overdue)
}

fn adds_up(f: &Figures) {
    assert_eq!(f.done + f.on_schedule + f.overdue, f.tasks, "{f:?}");
    assert!(f.difficulties <= f.on_schedule, "{f:?}");
    assert!(f.on_time <= f.done && f.on_time <= f.due && f.due <= f.tasks, "{f:?}");
    if let Some(r) = f.rate() {
        assert!((0.0..=100.0).contains(&r), "{f:?}");
    }
}

#[test]
fn example_figures_match_the_task_lights() {
    let p = example();
    let to = as_of(&p);
    let (from, end) = p.bulletin_period(to);
    assert_eq!((from, end), (date(2022, 6, 1), to));
    let b = p.bulletin(from, end, to);
    let (n, done, rest, overdue) = counted(&p, to);
    assert_eq!((b.figures.tasks, b.figures.done, b.figures.on_schedule, b.figures.overdue), (n, done, rest, overdue));
    adds_up(&b.figures);
    // The red list is the red lights, in table order.
    let lights = p.task_lights(to);
    let red: Vec<_> = p.tasks_in_order().into_iter().filter(|t| lights[&t.id].light == Light::Red).map(|t| t.id).collect();
    assert_eq!(b.red.iter().map(|r| r.task).collect::<Vec<_>>(), red);
    assert!(!red.is_empty(), "the example has red tasks to list");
    // Each action's line adds up to the whole.
    assert_eq!(b.actions.len(), p.actions_in_order().len());
    assert_eq!(b.actions.iter().map(|a| a.figures.tasks).sum::<usize>(), n);
    assert_eq!(b.actions.iter().map(|a| a.figures.done).sum::<usize>(), done);
    assert_eq!(b.actions.iter().map(|a| a.number).collect::<Vec<_>>(), (1..=b.actions.len()).collect::<Vec<_>>());
}

#[test]
fn difficulties_are_open_problems_or_a_help_request_among_those_on_schedule() {
    let p = example();
    let to = as_of(&p);
    let b = p.bulletin(date(2022, 6, 1), to, to);
    let lights = p.task_lights(to);
    let open: std::collections::HashSet<_> = p
        .problems
        .iter()
        .filter(|x| !x.meta.deleted && x.raised_on <= to && x.resolved_on.is_none_or(|d| d > to))
        .map(|x| x.task)
        .collect();
    let expected = p
        .tasks_in_order()
        .into_iter()
        .filter(|t| lights[&t.id].light != Light::Done && t.due.is_none_or(|d| d >= to))
        .filter(|t| open.contains(&t.id) || p.reports_of(t.id, to).last().is_some_and(|r| !r.help_requested.trim().is_empty()))
        .count();
    assert_eq!(b.figures.difficulties, expected);
}

#[test]
fn a_generated_plan_adds_up_for_any_period() {
    let p = large_plan(7, Size { actions: 6, tasks: 120, milestones_per_task: 2, reports: 600, units: 12 });
    for (from, to) in [(date(2024, 3, 1), date(2024, 3, 31)), (date(2024, 1, 1), date(2024, 12, 31)), (date(2025, 6, 1), date(2025, 6, 30))]
    {
        let b = p.bulletin(from, to, to);
        adds_up(&b.figures);
        assert_eq!(b.figures.tasks, p.tasks_in_order().len());
        for a in &b.actions {
            adds_up(&a.figures);
        }
        let (n, done, rest, overdue) = counted(&p, b.to);
        assert_eq!((b.figures.tasks, b.figures.done, b.figures.on_schedule, b.figures.overdue), (n, done, rest, overdue));
    }
}

#[test]
fn the_end_is_never_after_the_as_of_date_and_from_never_after_the_end() {
    let p = example();
    let to = as_of(&p);
    let b = p.bulletin(date(2022, 12, 1), date(2022, 12, 31), to);
    assert_eq!((b.from, b.to), (to, to));
}

#[test]
fn silent_units_are_the_weekly_rule_over_the_period() {
    let p = example();
    let to = as_of(&p);
    let from = date(2022, 6, 1);
    let b = p.bulletin(from, to, to);
    for u in &b.silent {
        assert!(!u.missing.is_empty());
        for t in &u.missing {
            let reported = p.reports_of(*t, to).iter().any(|r| r.unit == u.unit && r.date >= from);
            assert!(!reported, "unit {} reported on {t} in the period", u.unit);
        }
    }
    // A period long enough to hold every report leaves out the units that reported at all.
    let whole = p.bulletin(p.kickoff, to, to);
    assert!(whole.silent.len() <= b.silent.len());
}

#[test]
fn rate_counts_on_time_completions_against_what_should_be_finished() {
    let f = Figures { tasks: 10, done: 4, on_schedule: 5, difficulties: 1, overdue: 1, due: 5, on_time: 3 };
    assert_eq!(f.rate(), Some(60.0));
    assert_eq!(Figures::default().rate(), None);
    let s = sentence(Lang::Zh, &f, date(2022, 6, 30));
    assert_eq!(s, "截至2022-06-30，交办的10项具体任务中，已完成4项，按期推进5项（其中存在困难或问题1项），已超期1项，按期完成率60%。");
    assert!(sentence(Lang::En, &f, date(2022, 6, 30)).contains("the on-time completion rate is 60%"));
}

#[test]
fn the_document_names_red_tasks_and_reasons_as_the_board_words_them() {
    let p = example();
    let to = as_of(&p);
    let b = p.bulletin(date(2022, 6, 1), to, to);
    for lang in [Lang::Zh, Lang::En] {
        let d = b.document(&p, lang);
        let text = b.text(&p, lang);
        assert!(text.contains(&sentence(lang, &b.figures, to)));
        let first = &b.red[0];
        let title = p.task(first.task).unwrap().title.get(lang).to_string();
        let why = crate::domain::spreadsheet::reason_text(lang, &first.reasons[0]);
        assert!(text.contains(&title) && text.contains(&why), "{text}");
        // Title, then four sections: a heading and its body each.
        assert_eq!(d.blocks.len(), 8);
        assert!(matches!(&d.blocks[0], Block::Heading(h) if h.starts_with(if lang == Lang::Zh { "一、" } else { "1. " })));
        if lang == Lang::Zh {
            // No English words nor ids in the Chinese text.
            assert!(!text.contains("Red") && !text.contains("overdue"), "{text}");
        }
    }
}

#[test]
fn extensions_ruled_and_closures_returned_in_the_period_have_their_section() {
    use crate::domain::requests::ExtensionDraft;
    let mut p = example();
    let to = as_of(&p);
    let none = p.bulletin(date(2022, 6, 1), to, to);
    assert!(none.reviews.is_empty());
    assert!(!none.text(&p, Lang::Zh).contains("延期"), "the section is left out while empty");
    let t = p.tasks_in_order().into_iter().find(|t| t.due.is_some() && t.lead_unit().is_some()).unwrap().clone();
    let d = ExtensionDraft {
        task: t.id,
        unit: t.lead_unit().unwrap(),
        date: date(2022, 6, 10),
        milestone: None,
        to: Some(date(2023, 3, 31)),
        reason: "征地未完成".into(),
    };
    let q = p.ask_extension(d, super::stamp()).unwrap();
    p.rule(q, false, "理由不充分".into(), date(2022, 6, 12), super::stamp()).unwrap();
    let b = p.bulletin(date(2022, 6, 1), to, to);
    assert_eq!(b.reviews.len(), 1);
    let text = b.text(&p, Lang::Zh);
    assert!(text.contains("五、本期延期和销号审核情况") && text.contains("延期申请：不同意 理由不充分"), "{text}");
    // Ruled before the period: not in it.
    assert!(p.bulletin(date(2022, 6, 13), to, to).reviews.is_empty());
}
