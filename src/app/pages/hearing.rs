//! The monthly hearing pack for one leader or one key action: what changed
//! since the last hearing, what needs attention now, and the problems
//! waiting for coordination. The scope and the date live in the URL
//! (`?leader=…` or `?action=…`, and `since=…`).

use crate::app::components::form_parts::parse_date;
use crate::app::components::light_badge::LightBadge;
use crate::app::components::picker::Picker;
use crate::app::i18n::{light_name, m_appraisal as ma, m_leader as ml, risk_category, risk_level, risk_status, Tr};
use crate::app::state::use_state;
use crate::app::url::{use_replace_query, with_lang};
use crate::app::word::WordButton;
use crate::domain::document::{Block, Document};
use crate::domain::file_name::{file_name, Ext, FileKind};
use crate::domain::hearing::HearingScope;
use crate::domain::light::Assessment;
use crate::domain::spreadsheet::{reason_text, status_text};
use crate::domain::{Id, Lang, Plan};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The pack as the page shows it, worded in one language.
#[derive(Clone, Debug, PartialEq, Default)]
struct Shown {
    tasks: usize,
    /// (task, number and title, unit, date, progress)
    reports: Vec<(Id, String, String, String, String)>,
    /// (task, number and title, milestone, done on)
    milestones: Vec<(Id, String, String, String)>,
    /// (task, number and title, before, now)
    changed: Vec<(Id, String, Assessment, Assessment)>,
    attention: Vec<(Id, String, Assessment)>,
    /// (task, number and title, raised by, raised on, description)
    problems: Vec<(Id, String, String, String, String)>,
    /// (task, number and title, level, category, description, status)
    risks: Vec<(Id, String, String, String, String, String)>,
    /// (decision, meeting's day and kind, owner, due, where it stands)
    decisions: Vec<(String, String, String, String, Assessment)>,
    /// (task, number and title, the plan's state)
    plans: Vec<(Id, String, String)>,
    /// (task, number and title, leader, given on, instruction, days waiting)
    instructions: Vec<(Id, String, String, String, String, i64)>,
}

fn task_words(p: &Plan, t: Id, l: Lang) -> String {
    format!("{} {}", p.task_number(t).unwrap_or_default(), p.task(t).map(|x| x.title.get(l)).unwrap_or_default())
}

fn shown(p: &Plan, scope: HearingScope, since: NaiveDate, today: NaiveDate, l: Lang) -> Shown {
    let pack = p.hearing_pack(scope, since, today);
    let unit = |u: Id| p.unit(u).map(|x| x.name.get(l).to_string()).unwrap_or_default();
    Shown {
        tasks: pack.tasks.len(),
        reports: pack
            .reports
            .iter()
            .filter_map(|id| p.reports.iter().find(|r| r.id == *id))
            .map(|r| {
                (
                    r.task,
                    task_words(p, r.task, l),
                    unit(r.unit),
                    r.date.to_string(),
                    r.progress.map(|v| format!("{} %", crate::domain::numbers::fixed(v, 0))).unwrap_or_else(|| "—".into()),
                )
            })
            .collect(),
        milestones: pack
            .milestones_done
            .iter()
            .map(|(t, m, d)| {
                let title = p
                    .task(*t)
                    .and_then(|x| x.milestones.iter().find(|x| x.id == *m))
                    .map(|x| x.title.get(l).to_string())
                    .unwrap_or_default();
                (*t, task_words(p, *t, l), title, d.to_string())
            })
            .collect(),
        changed: pack.changed.iter().map(|c| (c.task, task_words(p, c.task, l), c.before.clone(), c.now.clone())).collect(),
        attention: pack.attention.iter().map(|(t, a)| (*t, task_words(p, *t, l), a.clone())).collect(),
        problems: pack
            .problems
            .iter()
            .filter_map(|id| p.problems.iter().find(|x| x.id == *id))
            .map(|x| (x.task, task_words(p, x.task, l), unit(x.raised_by), x.raised_on.to_string(), x.description.clone()))
            .collect(),
        risks: pack
            .risks
            .iter()
            .filter_map(|id| p.risks.iter().find(|x| x.id == *id))
            .map(|r| {
                let (level, cat, status) = (risk_level(l, r.level), risk_category(l, r.category), risk_status(l, r.status));
                (r.task, task_words(p, r.task, l), level.to_string(), cat.to_string(), r.description.clone(), status.to_string())
            })
            .collect(),
        decisions: pack
            .decisions
            .iter()
            .filter_map(|d| {
                let (m, x) = p.decision(d.meeting, d.decision)?;
                let meeting = format!("{} {}", m.date, l.t(crate::app::i18n::m_meetings::kind(m.kind)));
                let due = x.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
                Some((x.text.clone(), meeting, x.owner.map(unit).unwrap_or_default(), due, d.assessment.clone()))
            })
            .collect(),
        plans: pack
            .plans
            .iter()
            .map(|(t, on)| {
                let state = match on {
                    Some(d) => format!("{} {d}", l.t(ml::PLAN_ON)),
                    None => format!("{} {}", l.t(ml::PLAN_NOT), p.plan_due()),
                };
                (*t, task_words(p, *t, l), state)
            })
            .collect(),
        instructions: pack
            .instructions
            .iter()
            .filter_map(|o| {
                let i = p.instruction(o.id)?;
                let leader = p.person(i.leader).map(|x| x.name.get(l).to_string()).unwrap_or_default();
                Some((o.task, task_words(p, o.task, l), leader, i.given_on.to_string(), i.text.clone(), o.age_days))
            })
            .collect(),
    }
}

/// The pack as a Word document: the same sections, headings and columns
/// as the page, in the same order.
fn document(title: String, subtitle: String, d: Shown, l: Lang) -> Document {
    let t = |m: crate::app::i18n::Msg| l.t(m).to_string();
    let mut blocks = Vec::new();
    let mut section = |heading: String, columns: Vec<String>, rows: Vec<Vec<String>>, empty: crate::app::i18n::Msg| {
        blocks.push(Block::Heading(heading));
        blocks.push(if rows.is_empty() { Block::Paragraph(t(empty)) } else { Block::Table { columns, rows } });
    };
    section(
        t(ma::REPORTS),
        vec![t(ma::COL_TASK), t(ma::REPORTING_UNIT), t(ma::DATE), t(ma::PROGRESS)],
        d.reports.into_iter().map(|(_, w, u, date, pr)| vec![w, u, date, pr]).collect(),
        ma::NO_REPORTS,
    );
    section(
        t(ma::MILESTONES_DONE),
        vec![t(ma::COL_TASK), t(ma::MILESTONE), t(ma::DONE_ON)],
        d.milestones.into_iter().map(|(_, w, title, date)| vec![w, title, date]).collect(),
        ma::NO_MILESTONES,
    );
    section(
        t(ma::LIGHTS_CHANGED),
        vec![t(ma::COL_TASK), t(ma::BEFORE), t(ma::NOW)],
        d.changed.into_iter().map(|(_, w, before, now)| vec![w, light_name(l, before.light).to_string(), status_text(l, &now)]).collect(),
        ma::NO_CHANGES,
    );
    let all = |a: &Assessment| {
        let why: Vec<String> = a.reasons.iter().map(|r| reason_text(l, r)).collect();
        format!(
            "{}{}{}",
            light_name(l, a.light),
            if l == Lang::Zh { "：" } else { ": " },
            why.join(if l == Lang::Zh { "；" } else { "; " })
        )
    };
    section(
        t(ma::ATTENTION),
        vec![t(ma::COL_TASK), t(ma::LIGHT)],
        d.attention.into_iter().map(|(_, w, a)| vec![w, all(&a)]).collect(),
        ma::NO_ATTENTION,
    );
    section(
        t(ma::PROBLEMS),
        vec![t(ma::COL_TASK), t(ma::RAISED_BY), t(ma::RAISED_ON), t(ma::DESCRIPTION)],
        d.problems.into_iter().map(|(_, w, by, on, desc)| vec![w, by, on, desc]).collect(),
        ma::NO_PROBLEMS,
    );
    section(
        t(ml::PACK_RISKS),
        vec![t(ml::COL_TASK), t(ml::LEVEL), t(ml::CATEGORY), t(ml::COL_RISK), t(ml::COL_STATUS)],
        d.risks.into_iter().map(|(_, w, level, cat, desc, status)| vec![w, level, cat, desc, status]).collect(),
        ml::PACK_NO_RISKS,
    );
    section(
        t(ml::PACK_DECISIONS),
        vec![t(ml::COL_DECISION), t(ml::COL_MEETING), t(ml::COL_OWNER), t(ml::COL_DUE), t(ml::COL_STATUS)],
        d.decisions.into_iter().map(|(text, meeting, owner, due, a)| vec![text, meeting, owner, due, status_text(l, &a)]).collect(),
        ml::PACK_NO_DECISIONS,
    );
    section(
        t(ml::PACK_PLANS),
        vec![t(ml::COL_TASK), t(ml::COL_PLAN)],
        d.plans.into_iter().map(|(_, w, state)| vec![w, state]).collect(),
        ml::PACK_PLANS,
    );
    Document { title, subtitle, blocks }
}

#[component]
pub fn HearingPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let replace = use_replace_query();
    let leader = Memo::new(move |_| query.with(|q| q.get("leader").and_then(|v| Id::parse(&v))));
    let action = Memo::new(move |_| query.with(|q| q.get("action").and_then(|v| Id::parse(&v))));
    let scope = Memo::new(move |_| match (leader.get(), action.get()) {
        (Some(l), _) => Some(HearingScope::Leader(l)),
        (None, Some(a)) => Some(HearingScope::Action(a)),
        _ => None,
    });
    let since = Memo::new(move |_| {
        let today = st.today.get();
        query
            .with(|q| q.get("since"))
            .and_then(|v| parse_date(&v))
            .unwrap_or_else(|| scope.get().and_then(|s| st.plan.with(|p| p.last_hearing(s, today))).unwrap_or(today - Duration::days(30)))
    });
    let go = move |s: Option<HearingScope>, since: Option<NaiveDate>| {
        let mut pairs = Vec::new();
        match s {
            Some(HearingScope::Leader(l)) => pairs.push(("leader", l.to_string())),
            Some(HearingScope::Action(a)) => pairs.push(("action", a.to_string())),
            None => {}
        }
        if let Some(d) = since {
            pairs.push(("since", d.to_string()));
        }
        replace.with_value(|r| r(pairs));
    };
    let people = Signal::derive(move || st.plan.with(|p| p.person_choices(lang.get())));
    let actions = Signal::derive(move || st.plan.with(|p| p.action_choices(lang.get())));
    let data = Memo::new(move |_| scope.get().map(|s| st.plan.with(|p| shown(p, s, since.get(), st.today.get(), lang.get()))));
    let scope_name = move || {
        let l = lang.get();
        st.plan.with(|p| match scope.get() {
            Some(HearingScope::Leader(x)) => p.person(x).map(|x| format!("{} {}", x.name.get(l), x.title.get(l))).unwrap_or_default(),
            Some(HearingScope::Action(a)) => {
                p.action(a).map(|x| format!("{} {}", p.action_number(a).unwrap_or(0), x.title.get(l))).unwrap_or_default()
            }
            None => String::new(),
        })
    };
    let link = move |id: Id| with_lang(&format!("/task/{id}"), query.with(|q| q.get("lang")));
    let task_cell = move |id: Id, words: String| view! { <td><a href=link(id)>{words}</a></td> };
    let d = move || data.get().unwrap_or_default();
    let subtitle = move || {
        let l = lang.get();
        format!("{} {} · {} {} · {} {}", l.t(ma::CHANGES), since.get(), l.t(ma::AS_OF), st.today.get(), l.t(ma::TASKS_COVERED), d().tasks)
    };
    let word = Callback::new(move |_| {
        let l = lang.get_untracked();
        let title = format!("{} {}", untrack(scope_name), l.t(crate::app::i18n::m_bulletin::HEARING_DOC));
        let name = st.plan.with_untracked(|p| file_name(p, FileKind::Hearing(st.today.get_untracked()), None, l, Ext::Docx));
        (document(title, untrack(subtitle), untrack(d), l), name)
    });

    view! {
        <section class="hearing-page" aria-labelledby="hearing-heading">
            <h2 id="hearing-heading">{st.tr(ma::HEARING_TITLE)}</h2>
            <form class="filters hearing-picker" role="search" aria-label=st.tr(ma::HEARING_FOR) on:submit=|ev| ev.prevent_default()>
                <Picker label=ma::LEADER options=people value=leader.into() empty=ma::PICK_ONE
                    on_change=Callback::new(move |l: Option<Id>| go(l.map(HearingScope::Leader), None)) />
                <Picker label=ma::ACTION options=actions value=Signal::derive(move || if leader.get().is_some() { None } else { action.get() }) empty=ma::PICK_ONE
                    on_change=Callback::new(move |a: Option<Id>| go(a.map(HearingScope::Action), None)) />
                <label>
                    {st.tr(ma::SINCE)}
                    <input type="date" name="since" prop:value=move || since.get().to_string()
                        on:change=move |ev| if let Some(v) = parse_date(&event_target_value(&ev)) { go(scope.get_untracked(), Some(v)) } />
                </label>
            </form>
            <Show when=move || scope.get().is_some() fallback=move || view! { <p class="empty">{st.tr(ma::PICK_SCOPE)}</p> }>
                <p class="hearing-head">
                    <strong>{scope_name}</strong>
                    {move || format!(" — {}", subtitle())}
                </p>
                <div class="table-exports no-print"><WordButton make=word /></div>
                <section class="pack-section" aria-labelledby="changes-heading">
                    <h3 id="changes-heading">{move || format!("{} {}", lang.get().t(ma::CHANGES), since.get())}</h3>
                    <h4 id="reports-heading">{st.tr(ma::REPORTS)}</h4>
                    {move || {
                        let rows = d().reports;
                        if rows.is_empty() {
                            view! { <p class="empty">{st.tr(ma::NO_REPORTS)}</p> }.into_any()
                        } else {
                            view! {
                                <table aria-labelledby="reports-heading">
                                    <thead><tr>
                                        <th scope="col">{st.tr(ma::COL_TASK)}</th>
                                        <th scope="col">{st.tr(ma::REPORTING_UNIT)}</th>
                                        <th scope="col">{st.tr(ma::DATE)}</th>
                                        <th scope="col" class="num">{st.tr(ma::PROGRESS)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|(t, w, u, date, pr)| view! {
                                            <tr>{task_cell(t, w)}<td>{u}</td><td>{date}</td><td class="num">{pr}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }
                    }}
                    <h4 id="milestones-heading">{st.tr(ma::MILESTONES_DONE)}</h4>
                    {move || {
                        let rows = d().milestones;
                        if rows.is_empty() {
                            view! { <p class="empty">{st.tr(ma::NO_MILESTONES)}</p> }.into_any()
                        } else {
                            view! {
                                <table aria-labelledby="milestones-heading">
                                    <thead><tr>
                                        <th scope="col">{st.tr(ma::COL_TASK)}</th>
                                        <th scope="col">{st.tr(ma::MILESTONE)}</th>
                                        <th scope="col">{st.tr(ma::DONE_ON)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|(t, w, title, date)| view! {
                                            <tr>{task_cell(t, w)}<td>{title}</td><td>{date}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }
                    }}
                    <h4 id="lights-heading">{st.tr(ma::LIGHTS_CHANGED)}</h4>
                    {move || {
                        let rows = d().changed;
                        if rows.is_empty() {
                            view! { <p class="empty">{st.tr(ma::NO_CHANGES)}</p> }.into_any()
                        } else {
                            view! {
                                <table aria-labelledby="lights-heading">
                                    <thead><tr>
                                        <th scope="col">{st.tr(ma::COL_TASK)}</th>
                                        <th scope="col">{st.tr(ma::BEFORE)}</th>
                                        <th scope="col">{st.tr(ma::NOW)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|(t, w, before, now)| {
                                            let key = before.light.key();
                                            let before_word = move || light_name(lang.get(), before.light);
                                            let now = Signal::derive(move || now.clone());
                                            view! {
                                                <tr>
                                                    {task_cell(t, w)}
                                                    <td><span class=format!("light light-{key}")><span class="dot" aria-hidden="true"></span>{before_word}</span></td>
                                                    <td><span class="arrow" aria-hidden="true">"→ "</span><LightBadge assessment=now /></td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }
                    }}
                </section>
                <section class="pack-section" aria-labelledby="attention-heading">
                    <h3 id="attention-heading">{st.tr(ma::ATTENTION)}</h3>
                    {move || {
                        let rows = d().attention;
                        if rows.is_empty() {
                            view! { <p class="empty">{st.tr(ma::NO_ATTENTION)}</p> }.into_any()
                        } else {
                            view! {
                                <table aria-labelledby="attention-heading">
                                    <thead><tr>
                                        <th scope="col">{st.tr(ma::COL_TASK)}</th>
                                        <th scope="col">{st.tr(ma::LIGHT)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|(t, w, a)| {
                                            let a = Signal::derive(move || a.clone());
                                            view! { <tr>{task_cell(t, w)}<td><LightBadge assessment=a all_reasons=true /></td></tr> }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }
                    }}
                </section>
                <section class="pack-section" aria-labelledby="problems-heading">
                    <h3 id="problems-heading">{st.tr(ma::PROBLEMS)}</h3>
                    {move || {
                        let rows = d().problems;
                        if rows.is_empty() {
                            view! { <p class="empty">{st.tr(ma::NO_PROBLEMS)}</p> }.into_any()
                        } else {
                            view! {
                                <table aria-labelledby="problems-heading">
                                    <thead><tr>
                                        <th scope="col">{st.tr(ma::COL_TASK)}</th>
                                        <th scope="col">{st.tr(ma::RAISED_BY)}</th>
                                        <th scope="col">{st.tr(ma::RAISED_ON)}</th>
                                        <th scope="col">{st.tr(ma::DESCRIPTION)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|(t, w, by, on, desc)| view! {
                                            <tr>{task_cell(t, w)}<td>{by}</td><td>{on}</td><td>{desc}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }
                    }}
                </section>
                <section class="pack-section" aria-labelledby="pack-risks-heading">
                    <h3 id="pack-risks-heading">{st.tr(ml::PACK_RISKS)}</h3>
                    {move || {
                        let rows = d().risks;
                        if rows.is_empty() {
                            return view! { <p class="empty">{st.tr(ml::PACK_NO_RISKS)}</p> }.into_any();
                        }
                        view! {
                            <table aria-labelledby="pack-risks-heading">
                                <thead><tr>
                                    <th scope="col">{st.tr(ml::COL_TASK)}</th><th scope="col">{st.tr(ml::LEVEL)}</th><th scope="col">{st.tr(ml::CATEGORY)}</th>
                                    <th scope="col">{st.tr(ml::COL_RISK)}</th><th scope="col">{st.tr(ml::COL_STATUS)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|(t, w, level, cat, desc, status)| view! {
                                        <tr>{task_cell(t, w)}<td class="nowrap">{level}</td><td>{cat}</td><td>{desc}</td><td class="nowrap">{status}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                </section>
                <section class="pack-section" aria-labelledby="pack-decisions-heading">
                    <h3 id="pack-decisions-heading">{st.tr(ml::PACK_DECISIONS)}</h3>
                    {move || {
                        let rows = d().decisions;
                        if rows.is_empty() {
                            return view! { <p class="empty">{st.tr(ml::PACK_NO_DECISIONS)}</p> }.into_any();
                        }
                        view! {
                            <table aria-labelledby="pack-decisions-heading">
                                <thead><tr>
                                    <th scope="col">{st.tr(ml::COL_DECISION)}</th><th scope="col">{st.tr(ml::COL_MEETING)}</th><th scope="col">{st.tr(ml::COL_OWNER)}</th>
                                    <th scope="col">{st.tr(ml::COL_DUE)}</th><th scope="col">{st.tr(ml::COL_STATUS)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|(text, meeting, owner, due, a)| view! {
                                        <tr><td>{text}</td><td>{meeting}</td><td>{owner}</td><td class="date">{due}</td>
                                        <td><LightBadge assessment=Signal::derive(move || a.clone()) /></td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                </section>
                <section class="pack-section" aria-labelledby="pack-instructions-heading">
                    <h3 id="pack-instructions-heading">{st.tr(crate::app::i18n::m_workflow::OPEN_INSTRUCTIONS)}</h3>
                    {move || {
                        use crate::app::i18n::m_workflow as mw;
                        let rows = d().instructions;
                        if rows.is_empty() {
                            return view! { <p class="empty">{st.tr(mw::NO_OPEN_INSTRUCTIONS)}</p> }.into_any();
                        }
                        view! {
                            <table aria-labelledby="pack-instructions-heading">
                                <thead><tr>
                                    <th scope="col">{st.tr(ml::COL_TASK)}</th><th scope="col">{st.tr(mw::COL_LEADER)}</th><th scope="col">{st.tr(mw::COL_GIVEN)}</th>
                                    <th scope="col">{st.tr(mw::COL_TEXT)}</th><th scope="col">{st.tr(mw::AGE)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|(t, w, leader, given, text, age)| view! {
                                        <tr>{task_cell(t, w)}<td>{leader}</td><td class="date">{given}</td><td>{text}</td><td class="num">{age}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                </section>
                <section class="pack-section" aria-labelledby="pack-plans-heading">
                    <h3 id="pack-plans-heading">{st.tr(ml::PACK_PLANS)}</h3>
                    <table aria-labelledby="pack-plans-heading">
                        <thead><tr><th scope="col">{st.tr(ml::COL_TASK)}</th><th scope="col">{st.tr(ml::COL_PLAN)}</th></tr></thead>
                        <tbody>
                            {move || d().plans.into_iter().map(|(t, w, state)| view! { <tr>{task_cell(t, w)}<td>{state}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                </section>
            </Show>
        </section>
    }
}
