//! Meetings (一周一会) and the leader's monthly hearings, with their decisions.
//! A meeting is recorded once; its decisions are closed, never deleted.

use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::components::light_badge::LightBadge;
use crate::app::components::picker::Picker;
use crate::app::components::unit_checklist::Checklist;
use crate::app::i18n::{m, m_meetings as mm, Tr};
use crate::app::state::{use_state, AppState};
use crate::app::url::with_lang;
use crate::domain::light::Assessment;
use crate::domain::meetings::MeetingDraft;
use crate::domain::plan::live;
use crate::domain::{Id, MeetingKind};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// One decision row of the form, before saving.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: usize,
    text: String,
    owner: Option<Id>,
    due: String,
}

/// One recorded decision as the list shows it.
#[derive(Clone, Debug, PartialEq)]
struct DecisionView {
    id: Id,
    text: String,
    owner: String,
    due: Option<NaiveDate>,
    closed_on: Option<NaiveDate>,
    light: Assessment,
}

/// One recorded meeting as the list shows it.
#[derive(Clone, Debug, PartialEq)]
struct MeetingView {
    id: Id,
    kind: MeetingKind,
    date: NaiveDate,
    chair: String,
    attendees: String,
    tasks: Vec<(Id, String)>,
    minutes: String,
    decisions: Vec<DecisionView>,
}

/// Whether this browser may close the decisions of `meeting`: the office,
/// or the unit that recorded it.
pub fn may_close(st: AppState, meeting: Id) -> bool {
    let by = st.plan.with(|p| p.meetings.iter().find(|m| m.id == meeting).and_then(|m| m.meta.by));
    st.may(crate::domain::ownership::RecordKind::Meeting, None, by, crate::domain::ownership::Act::Change("decisions"))
}

/// Close decision `decision` of `meeting` as of the "as of" day.
pub fn close(st: AppState, meeting: Id, decision: Id) {
    let on = st.today.get_untracked();
    let _ = st.edit(|p, s| p.close_decision(meeting, decision, on, s));
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    view! {
        <section class="meetings-page" aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">{st.tr(mm::MEETINGS)} <span class="as-of">" · " {move || st.today.get().to_string()}</span></h2>
            <MeetingForm />
            <MeetingList />
            <p class="no-print"><A href=move || with_lang("/", query.with(|q| q.get("lang")))>{move || lang.get().t(m::NAV_BOARD)}</A></p>
        </section>
    }
}

#[component]
fn MeetingForm() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let kind = RwSignal::new(MeetingKind::Weekly);
    let date = RwSignal::new(st.today.get_untracked().to_string());
    let chair = RwSignal::new(None::<Id>);
    let attendees = RwSignal::new(Vec::<Id>::new());
    let tasks = RwSignal::new(Vec::<Id>::new());
    let minutes = RwSignal::new(String::new());
    let rows = RwSignal::new(Vec::<Row>::new());
    let next_key = StoredValue::new(0usize);
    let errors = RwSignal::new(Vec::<String>::new());
    // A refusal (an empty meeting, a decision without text) takes the focus
    // beside the button that was pressed.
    let message = NodeRef::<leptos::html::Div>::new();
    let focus_message = move || {
        request_animation_frame(move || {
            if let Some(el) = message.get_untracked() {
                let _ = el.focus();
            }
        })
    };
    let status = RwSignal::new(None::<&'static str>);
    let people = Signal::derive(move || st.plan.with(|p| p.person_choices(lang.get())));
    let units = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let task_choices = Signal::derive(move || {
        st.plan.with(|p| {
            let l = lang.get();
            p.tasks_in_order()
                .iter()
                .map(|t| (t.id, format!("{} {}", p.task_number(t.id).unwrap_or_default(), t.title.get(l))))
                .collect::<Vec<_>>()
        })
    });
    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(Row { key, text: String::new(), owner: None, due: String::new() }));
    };
    let edit_row = move |key: usize, f: &dyn Fn(&mut Row)| {
        rows.update(|r| {
            if let Some(x) = r.iter_mut().find(|x| x.key == key) {
                f(x);
            }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let l = lang.get_untracked();
        let mut bad = Vec::new();
        let day = parse_date(&date.get_untracked());
        if day.is_none() {
            bad.push(l.t(mm::NEED_DATE).to_string());
        }
        let mut decisions = Vec::new();
        for (i, r) in rows.get_untracked().into_iter().enumerate() {
            if r.text.trim().is_empty() {
                bad.push(format!("{} {}: {}", l.t(mm::DECISION), i + 1, l.t(mm::NEED_TEXT)));
            }
            let due = if r.due.trim().is_empty() { None } else { parse_date(&r.due) };
            if !r.due.trim().is_empty() && due.is_none() {
                bad.push(format!("{} {}: {}", l.t(mm::DECISION), i + 1, l.t(mm::BAD_DUE)));
            }
            decisions.push((r.text.trim().to_string(), r.owner, due));
        }
        let Some(day) = day.filter(|_| bad.is_empty()) else {
            errors.set(std::iter::once(l.t(m::FIX_THESE).to_string()).chain(bad).collect());
            focus_message();
            return;
        };
        let draft = MeetingDraft {
            kind: Some(kind.get_untracked()),
            date: day,
            chair: chair.get_untracked(),
            attendees: attendees.get_untracked(),
            tasks: tasks.get_untracked(),
            minutes: minutes.get_untracked().trim().to_string(),
            decisions,
        };
        if show_outcome(errors, m::FIX_THESE, l, st.edit(|p, s| p.record_meeting(draft, s).map(|_| ()))) {
            attendees.set(vec![]);
            tasks.set(vec![]);
            minutes.set(String::new());
            rows.set(vec![]);
            status.set(Some(l.t(mm::RECORDED)));
        } else {
            focus_message();
        }
    };
    view! {
        <form class="form meeting-form no-print" aria-labelledby="record-heading" on:submit=submit>
            <h3 id="record-heading">{st.tr(mm::RECORD_MEETING)}</h3>
            <div class="form-row">
                <label>
                    {st.tr(mm::KIND)}
                    <select on:change=move |ev| kind.set(if event_target_value(&ev) == "hearing" { MeetingKind::MonthlyHearing } else { MeetingKind::Weekly })>
                        <option value="weekly" prop:selected=move || kind.get() == MeetingKind::Weekly>{st.tr(mm::KIND_WEEKLY)}</option>
                        <option value="hearing" prop:selected=move || kind.get() == MeetingKind::MonthlyHearing>{st.tr(mm::KIND_HEARING)}</option>
                    </select>
                </label>
                <label>{st.tr(mm::DATE)}<input type="date" required prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) /></label>
                <Picker label=mm::CHAIR options=people value=chair.into() on_change=Callback::new(move |v| chair.set(v)) empty=m::NONE />
            </div>
            <div class="form-row meeting-lists">
                <Checklist legend=mm::ATTENDEES options=people selected=attendees />
                <Checklist legend=mm::TASKS_DISCUSSED options=task_choices selected=tasks />
            </div>
            <label>{st.tr(mm::MINUTES)}<textarea rows="4" prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev))></textarea></label>
            <fieldset class="decision-rows">
                <legend>{st.tr(mm::DECISIONS)}</legend>
                <Show when=move || rows.with(|r| r.is_empty())>
                    <p class="hint">{st.tr(mm::NO_DECISION_ROWS)}</p>
                </Show>
                <For each={move || rows.get().into_iter().map(|r| r.key).collect::<Vec<_>>()} key=|k| *k children=move |key| {
                    let n = move || rows.with(|r| r.iter().position(|x| x.key == key).map(|i| i + 1).unwrap_or(0));
                    let get = move |f: fn(&Row) -> String| rows.with(|r| r.iter().find(|x| x.key == key).map(f).unwrap_or_default());
                    let owner = Signal::derive(move || rows.with(|r| r.iter().find(|x| x.key == key).and_then(|x| x.owner)));
                    view! {
                        <fieldset class="decision-row">
                            <legend>{move || format!("{} {}", lang.get().t(mm::DECISION), n())}</legend>
                            <label class="grow">{st.tr(mm::DECISION_TEXT)}<input type="text" prop:value=move || get(|x| x.text.clone()) on:input=move |ev| { let v = event_target_value(&ev); edit_row(key, &|x| x.text = v.clone()) } /></label>
                            <Picker label=mm::OWNER options=units value=owner on_change=Callback::new(move |v| edit_row(key, &|x| x.owner = v)) empty=m::NONE />
                            <label>{st.tr(mm::DUE)}<input type="date" prop:value=move || get(|x| x.due.clone()) on:input=move |ev| { let v = event_target_value(&ev); edit_row(key, &|x| x.due = v.clone()) } /></label>
                            <button type="button" class="remove" aria-label=move || format!("{} {}", lang.get().t(mm::REMOVE_DECISION), n()) on:click=move |_| rows.update(|r| r.retain(|x| x.key != key))>"✕"</button>
                        </fieldset>
                    }
                } />
                <button type="button" on:click=add_row>{st.tr(mm::ADD_DECISION)}</button>
            </fieldset>
            <div class="form-message" tabindex="-1" node_ref=message><FormErrors errors /></div>
            <div class="form-buttons"><button type="submit" class="primary">{st.tr(mm::SAVE_MEETING)}</button></div>
            <p role="status" class="status">{move || status.get()}</p>
        </form>
    }
}

#[component]
fn MeetingList() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let meetings = Memo::new(move |_| {
        st.plan.with(|p| {
            let l = lang.get();
            let today = st.today.get();
            let w = p.settings.warning_days;
            let mut list: Vec<MeetingView> = live(&p.meetings)
                .map(|mt| MeetingView {
                    id: mt.id,
                    kind: mt.kind,
                    date: mt.date,
                    chair: mt.chair.and_then(|c| p.person(c)).map(|x| x.name.get(l).to_string()).unwrap_or_default(),
                    attendees: p.person_names(&mt.attendees, l),
                    tasks: mt
                        .tasks
                        .iter()
                        .filter_map(|t| Some((*t, format!("{} {}", p.task_number(*t)?, p.task(*t)?.title.get(l)))))
                        .collect(),
                    minutes: mt.minutes.clone(),
                    decisions: mt
                        .decisions
                        .iter()
                        .map(|d| DecisionView {
                            id: d.id,
                            text: d.text.clone(),
                            owner: d.owner.and_then(|u| p.unit(u)).map(|u| u.name.get(l).to_string()).unwrap_or_default(),
                            due: d.due,
                            closed_on: d.closed_on,
                            light: d.light(today, w),
                        })
                        .collect(),
                })
                .collect();
            // Newest first; the order of recording breaks ties.
            list.reverse();
            list.sort_by_key(|b| std::cmp::Reverse(b.date));
            list
        })
    });
    let sheet = move |task: Id| with_lang(&format!("/task/{task}"), query.with(|q| q.get("lang")));
    view! {
        <section class="board-section meeting-list" aria-labelledby="held-heading">
            <h3 id="held-heading">{st.tr(mm::HELD)}</h3>
            <Show when=move || meetings.with(|v| !v.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mm::NO_MEETINGS)}</p> }>
                <For each=move || meetings.get() key=|v| format!("{v:?}") children=move |v| {
                    let heading_id = format!("meeting-{}", v.id);
                    let labelled_by = heading_id.clone();
                    let meeting = v.id;
                    let kind = v.kind;
                    let date = v.date.to_string();
                    let tasks = v.tasks.clone();
                    let decisions = v.decisions.clone();
                    view! {
                        <article class="meeting" aria-labelledby=labelled_by>
                            <h4 id=heading_id>{date} " · " {move || lang.get().t(mm::kind(kind))}</h4>
                            <dl class="meeting-facts">
                                {(!v.chair.is_empty()).then(|| view! { <div><dt>{st.tr(mm::CHAIR)}</dt><dd>{v.chair.clone()}</dd></div> })}
                                {(!v.attendees.is_empty()).then(|| view! { <div><dt>{st.tr(mm::ATTENDEES)}</dt><dd>{v.attendees.clone()}</dd></div> })}
                                {(!tasks.is_empty()).then(|| view! {
                                    <div><dt>{st.tr(mm::TASKS_DISCUSSED)}</dt><dd>
                                        {tasks.into_iter().map(|(id, label)| view! { <A href=move || sheet(id) attr:class="task-link">{label}</A> " " }).collect_view()}
                                    </dd></div>
                                })}
                                {(!v.minutes.is_empty()).then(|| view! { <div><dt>{st.tr(mm::MINUTES)}</dt><dd class="minutes">{v.minutes.clone()}</dd></div> })}
                            </dl>
                            {if decisions.is_empty() {
                                view! { <p class="empty">{st.tr(mm::NO_DECISIONS)}</p> }.into_any()
                            } else {
                                view! {
                                    <table class="sheet-table decisions">
                                        <caption>{st.tr(mm::DECISIONS)}</caption>
                                        <thead><tr>
                                            <th scope="col">{st.tr(mm::DECISION)}</th>
                                            <th scope="col">{st.tr(mm::OWNER)}</th>
                                            <th scope="col">{st.tr(mm::DUE)}</th>
                                            <th scope="col">{st.tr(mm::STATUS)}</th>
                                            <th scope="col" class="no-print">{st.tr(mm::ACTION)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {decisions.into_iter().map(|d| {
                                                let id = d.id;
                                                let text = d.text.clone();
                                                let light = d.light.clone();
                                                view! {
                                                    <tr data-decision=id.to_string()>
                                                        <td>{d.text}</td>
                                                        <td>{d.owner}</td>
                                                        <td class="date">{d.due.map(|x| x.to_string()).unwrap_or_else(|| "—".into())}</td>
                                                        <td><LightBadge assessment=Signal::derive(move || light.clone()) /></td>
                                                        <td class="no-print">
                                                            {match d.closed_on {
                                                                Some(on) => view! { <span>{st.tr(mm::CLOSED_ON)} " " <span class="date">{on.to_string()}</span></span> }.into_any(),
                                                                None if !may_close(st, meeting) => view! { <span class="set-by">{st.tr(crate::app::i18n::m_owner::SET_BY_OFFICE)}</span> }.into_any(),
                                                                None => view! {
                                                                    <button type="button" aria-label=move || format!("{}: {text}", lang.get().t(mm::CLOSE)) on:click=move |_| close(st, meeting, id)>{st.tr(mm::CLOSE)}</button>
                                                                }.into_any(),
                                                            }}
                                                        </td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                        </article>
                    }
                } />
            </Show>
        </section>
    }
}
