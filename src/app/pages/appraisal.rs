//! The appraisal (绩效考核) of a unit for a period, with exemptions (容错纠错).
//! The unit and the period live in the URL (`?unit=…&from=…&to=…`).

use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::components::picker::Picker;
use crate::app::i18n::{m, m_appraisal as ma, Tr};
use crate::app::spreadsheet::SheetExports;
use crate::app::state::use_state;
use crate::app::url::{use_replace_query, with_lang};
use crate::domain::appraisal::{Appraisal, ExemptionDraft, FactKind};
use crate::domain::file_name::{file_name, FileKind};
use crate::domain::{Id, Lang, Plan, Text};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// One row of the facts table, as shown.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: String,
    task: Id,
    number: String,
    title: String,
    words: String,
    points: f64,
    counted: f64,
    miss: bool,
    milestone: Option<Id>,
    /// The week of a missed-week fact.
    week: Option<NaiveDate>,
    /// A late-plan fact.
    late_plan: bool,
    exemption: Option<String>,
}

fn rows_of(p: &Plan, a: &Appraisal, l: Lang) -> Vec<Row> {
    a.facts
        .iter()
        .map(|f| Row {
            key: format!("{}-{:?}", f.task, f.kind),
            task: f.task,
            number: p.task_number(f.task).unwrap_or_default(),
            title: p.task(f.task).map(|t| t.title.get(l).to_string()).unwrap_or_default(),
            words: ma::fact_text(l, p, f.task, &f.kind),
            points: f.points,
            counted: f.counted(),
            miss: f.kind.is_miss(),
            milestone: match f.kind {
                FactKind::MilestoneOverdue { milestone, .. } | FactKind::MilestoneOnTime { milestone, .. } => Some(milestone),
                _ => None,
            },
            week: match f.kind {
                FactKind::MissedWeek { week } => Some(week),
                _ => None,
            },
            late_plan: matches!(f.kind, FactKind::LatePlan { .. }),
            exemption: f.exempted_by.map(|e| ma::exemption_text(l, p, e)),
        })
        .collect()
}

#[component]
pub fn AppraisalPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let replace = use_replace_query();
    let unit = Memo::new(move |_| query.with(|q| q.get("unit").and_then(|v| Id::parse(&v))));
    // The default period is the plan's year (facts count up to today).
    let period = Memo::new(move |_| st.plan.with(|p| p.appraisal_period()));
    let from = Memo::new(move |_| query.with(|q| q.get("from")).and_then(|v| parse_date(&v)).unwrap_or_else(|| period.get().0));
    let to = Memo::new(move |_| query.with(|q| q.get("to")).and_then(|v| parse_date(&v)).unwrap_or_else(|| period.get().1));
    let go = move |u: Option<Id>, f: NaiveDate, t: NaiveDate| {
        let mut pairs = Vec::new();
        if let Some(u) = u {
            pairs.push(("unit", u.to_string()));
        }
        pairs.push(("from", f.to_string()));
        pairs.push(("to", t.to_string()));
        replace.with_value(|r| r(pairs));
    };
    let units = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let appraisal = Memo::new(move |_| unit.get().map(|u| st.plan.with(|p| p.appraise(u, from.get(), to.get(), st.today.get()))));
    let rows = Memo::new(move |_| appraisal.with(|a| a.as_ref().map(|a| st.plan.with(|p| rows_of(p, a, lang.get()))).unwrap_or_default()));
    let score = move || appraisal.with(|a| a.as_ref().map(|a| a.score()).unwrap_or(0.0));
    let base = move || appraisal.with(|a| a.as_ref().map(|a| a.base).unwrap_or(0.0));
    let rules = Memo::new(move |_| st.plan.with(|p| p.settings.scoring.clone()));
    let unit_name = move || unit.get().and_then(|u| st.plan.with(|p| p.unit(u).map(|x| x.name.get(lang.get()).to_string())));

    // The exemption form: one open at a time, under its fact.
    let open = RwSignal::new(None::<String>);
    let reason_zh = RwSignal::new(String::new());
    let reason_en = RwSignal::new(String::new());
    let approver = RwSignal::new(None::<Id>);
    let approved_on = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let people = Signal::derive(move || st.plan.with(|p| p.person_choices(lang.get())));
    let open_form = move |key: String| {
        reason_zh.set(String::new());
        reason_en.set(String::new());
        approver.set(None);
        approved_on.set(st.today.get_untracked().to_string());
        errors.set(vec![]);
        open.set(Some(key));
    };
    let submit = move |task: Id, milestone: Option<Id>, week: Option<NaiveDate>, plan: bool| {
        let Some(u) = unit.get_untracked() else { return };
        let l = lang.get_untracked();
        let Some(on) = parse_date(&approved_on.get_untracked()) else {
            errors.set(vec![l.t(m::FIX_THESE).to_string(), l.t(ma::BAD_DATE).to_string()]);
            return;
        };
        let d = ExemptionDraft {
            unit: u,
            task: Some(task),
            milestone,
            week,
            plan,
            reason: Text::new(reason_zh.get_untracked().trim(), reason_en.get_untracked().trim()),
            approved_by: approver.get_untracked(),
            approved_on: on,
        };
        if show_outcome(errors, m::FIX_THESE, l, st.edit(|p, s| p.add_exemption(d, s).map(|_| ()))) {
            open.set(None);
        }
    };
    let task_href = move |id: Id| with_lang(&format!("/task/{id}"), query.with(|q| q.get("lang")));

    let make = Callback::new(move |_| {
        let l = lang.get_untracked();
        appraisal.with_untracked(|a| {
            a.as_ref()
                .map(|a| {
                    st.plan.with_untracked(|p| {
                        p.appraisal_sheet(a, l, |f| ma::fact_text(l, p, f.task, &f.kind), |e| ma::exemption_text(l, p, e))
                    })
                })
                .unwrap_or_default()
        })
    });
    let file = Callback::new(move |ext| {
        st.plan.with_untracked(|p| file_name(p, FileKind::Appraisal, unit.get_untracked(), lang.get_untracked(), ext))
    });

    view! {
        <section class="appraisal-page" aria-labelledby="appraisal-heading">
            <h2 id="appraisal-heading">{st.tr(ma::TITLE)}</h2>
            <p class="intro no-print">{st.tr(ma::INTRO)}</p>
            <form class="filters appraisal-picker" role="search" aria-label=st.tr(ma::CHOOSE) on:submit=|ev| ev.prevent_default()>
                <Picker label=ma::UNIT options=units value=unit.into() empty=ma::PICK_UNIT
                    on_change=Callback::new(move |u| go(u, from.get_untracked(), to.get_untracked())) />
                <label>
                    {st.tr(ma::FROM)}
                    <input type="date" name="from" prop:value=move || from.get().to_string()
                        on:change=move |ev| if let Some(d) = parse_date(&event_target_value(&ev)) { go(unit.get_untracked(), d, to.get_untracked()) } />
                </label>
                <label>
                    {st.tr(ma::TO)}
                    <input type="date" name="to" prop:value=move || to.get().to_string()
                        on:change=move |ev| if let Some(d) = parse_date(&event_target_value(&ev)) { go(unit.get_untracked(), from.get_untracked(), d) } />
                </label>
            </form>
            <p class="print-only appraisal-print-head">
                {move || format!("{} — {} {} → {}", unit_name().unwrap_or_default(), lang.get().t(ma::PERIOD), from.get(), to.get())}
            </p>
            <Show when=move || unit.get().is_some() fallback=move || view! { <p class="empty">{st.tr(ma::PICK_A_UNIT)}</p> }>
                <div class="score-box" role="status" aria-live="polite">
                    <span class="score-label">{st.tr(ma::SCORE)}</span>
                    <strong class="score" data-testid="score">{move || ma::score(score())}</strong>
                    <span class="score-sum">
                        {move || format!("= {} {} {} {}", lang.get().t(ma::BASE), ma::score(base()), lang.get().t(ma::COUNTED_SUM), ma::points(score() - base()))}
                    </span>
                </div>
                <h3 id="facts-heading">{st.tr(ma::FACTS)}</h3>
                <div class="toolbar no-print">
                    <SheetExports make name=file />
                </div>
                <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty">{st.tr(ma::NO_FACTS)}</p> }>
                    // At 375 px the table scrolls inside its own box, not the page.
                    <div class="table-scroll facts-scroll" role="region" tabindex="0" aria-labelledby="facts-heading">
                    <table class="facts-table" aria-labelledby="facts-heading">
                        <thead>
                            <tr>
                                <th scope="col">{st.tr(ma::COL_TASK)}</th>
                                <th scope="col">{st.tr(ma::COL_FACT)}</th>
                                <th scope="col" class="num">{st.tr(ma::COL_POINTS)}</th>
                                <th scope="col" class="num">{st.tr(ma::COL_COUNTED)}</th>
                                <th scope="col">{st.tr(ma::COL_EXEMPTION)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|r| {
                                let key = r.key.clone();
                                let key2 = r.key.clone();
                                let key3 = r.key.clone();
                                let (task, milestone, week, late_plan) = (r.task, r.milestone, r.week, r.late_plan);
                                let can_exempt = r.miss && r.exemption.is_none() && st.may(crate::domain::ownership::RecordKind::Exemption, None, None, crate::domain::ownership::Act::Add);
                                let words = r.words.clone();
                                view! {
                                    <tr class:exempted=r.exemption.is_some() class:miss=r.miss data-fact=r.key.clone()>
                                        <td class="task-cell"><a href=task_href(r.task)>{format!("{} {}", r.number, r.title)}</a></td>
                                        <td class="fact-words">{r.words.clone()}</td>
                                        <td class="num points">{ma::points(r.points)}</td>
                                        <td class="num counted">{ma::points(r.counted)}</td>
                                        <td class="exemption">
                                            {r.exemption.clone()}
                                            {can_exempt.then(|| view! {
                                                <button type="button" class="no-print" aria-expanded=move || (open.get().as_deref() == Some(key.as_str())).to_string()
                                                    aria-label=move || format!("{} {}", lang.get().t(ma::EXEMPT), words)
                                                    on:click=move |_| if open.get_untracked().as_deref() == Some(key2.as_str()) { open.set(None) } else { open_form(key2.clone()) }>
                                                    {st.tr(ma::EXEMPT)}
                                                </button>
                                            })}
                                        </td>
                                    </tr>
                                    {move || (open.get().as_deref() == Some(key3.as_str())).then(|| view! {
                                        <tr class="exempt-row no-print">
                                            <td colspan="5">
                                                <form class="inline-form exempt-form" aria-label=st.tr(ma::EXEMPT_FORM) on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); submit(task, milestone, week, late_plan) }>
                                                    <label>{st.tr(ma::REASON_ZH)}<input type="text" name="reason-zh" bind:value=reason_zh /></label>
                                                    <label>{st.tr(ma::REASON_EN)}<input type="text" name="reason-en" bind:value=reason_en /></label>
                                                    <Picker label=ma::APPROVED_BY options=people value=approver.into() empty=m::NONE on_change=Callback::new(move |v| approver.set(v)) />
                                                    <label>{st.tr(ma::APPROVED_ON)}<input type="date" name="approved-on" bind:value=approved_on /></label>
                                                    <button type="submit" class="primary">{st.tr(ma::RECORD_EXEMPTION)}</button>
                                                    <button type="button" on:click=move |_| open.set(None)>{st.tr(m::CANCEL)}</button>
                                                    <FormErrors errors />
                                                </form>
                                            </td>
                                        </tr>
                                    })}
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                </Show>
            </Show>
            <section class="rules" aria-labelledby="rules-heading">
                <h3 id="rules-heading">{st.tr(ma::RULES)}</h3>
                <dl class="rules-list">
                    {move || {
                        let r = rules.get();
                        let l = lang.get();
                        [
                            (ma::RULE_BASE, ma::score(r.base)),
                            (ma::RULE_ON_TIME, ma::points(r.milestone_on_time)),
                            (ma::RULE_OVERDUE, ma::points(r.milestone_overdue)),
                            (ma::RULE_LATE_PLAN, ma::points(r.late_plan)),
                            (ma::RULE_MISSED_WEEK, ma::points(r.missed_week)),
                            (ma::RULE_TARGET, ma::points(r.target_met)),
                        ]
                        .into_iter()
                        .map(|(k, v)| view! { <div><dt>{l.t(k)}</dt><dd>{v}</dd></div> })
                        .collect_view()
                    }}
                </dl>
                <p class="note no-print">{st.tr(ma::RULES_NOTE)}</p>
            </section>
        </section>
    }
}
