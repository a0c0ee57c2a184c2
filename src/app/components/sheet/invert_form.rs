//! 倒排工期: type the steps and their durations; see each step's latest
//! start and due date counted back from the deadline; accept them as
//! milestones.

use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::i18n::{m, Tr};
use crate::app::state::use_state;
use crate::domain::schedule::{invert, DayCount, Step};
use crate::domain::Id;
use leptos::prelude::*;

/// One step row being typed. Plain data, not signals: rows come and go in
/// click handlers, where new signals would belong to a passing owner.
#[derive(Clone, Debug, PartialEq)]
struct StepRow {
    key: usize,
    title: String,
    days: String,
}

#[component]
pub fn InvertForm(
    /// The task whose deadline the schedule counts back from.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let task_due = st.plan.with_untracked(|p| p.task(task).and_then(|t| t.due)).map(|d| d.to_string()).unwrap_or_default();
    let deadline = RwSignal::new(task_due);
    let working = RwSignal::new(false);
    let next_key = StoredValue::new(0usize);
    let new_row = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        StepRow { key, title: String::new(), days: String::new() }
    };
    let rows = RwSignal::new(vec![new_row()]);
    let edit_row = move |key: usize, f: fn(&mut StepRow, String), v: String| {
        rows.update(|rs| {
            if let Some(r) = rs.iter_mut().find(|r| r.key == key) {
                f(r, v)
            }
        })
    };
    let value = move |key: usize, f: fn(&StepRow) -> &String| {
        rows.with(|rs| rs.iter().find(|r| r.key == key).map(|r| f(r).clone()).unwrap_or_default())
    };
    let errors = RwSignal::new(Vec::<String>::new());

    let result = Memo::new(move |_| {
        let deadline = parse_date(&deadline.get())?;
        let steps: Vec<Step> = rows
            .get()
            .iter()
            .filter(|r| !r.title.trim().is_empty())
            .map(|r| Step { title: r.title.clone(), days: r.days.trim().parse().unwrap_or(0) })
            .collect();
        if steps.is_empty() {
            return None;
        }
        let mode = if working.get() { DayCount::Working } else { DayCount::Calendar };
        Some(invert(deadline, &steps, mode, st.today.get()))
    });
    let accept = move |_| {
        if let Some(inv) = result.get_untracked() {
            let r = st.edit(|p, s| p.accept_schedule(task, &inv, lang.get_untracked(), s).map(|_| ()));
            if show_outcome(errors, m::FIX_THESE, lang.get_untracked(), r) {
                rows.set(vec![new_row()]);
            }
        }
    };
    let label = move |msg, i: usize| move || format!("{} {}", lang.get().t(msg), i + 1);

    view! {
        <details class="invert no-print">
            <summary>{st.tr(m::INVERT)}</summary>
            <div class="form">
                <div class="form-row">
                    <label>{st.tr(m::DEADLINE)}<input type="date" bind:value=deadline /></label>
                    <label>
                        {st.tr(m::DAY_COUNT)}
                        <select on:change=move |ev| working.set(event_target_value(&ev) == "working")>
                            <option value="calendar" prop:selected=move || !working.get()>{st.tr(m::CALENDAR_DAYS)}</option>
                            <option value="working" prop:selected=move || working.get()>{st.tr(m::WORKING_DAYS)}</option>
                        </select>
                    </label>
                </div>
                <ol class="steps">
                    <For
                        each=move || { rows.get().into_iter().enumerate().collect::<Vec<_>>() }
                        key=|(i, r)| (*i, r.key)
                        children=move |(i, r)| { let key = r.key; view! {
                            <li class="form-row">
                                <label>{label(m::STEP, i)}<input type="text" prop:value=move || value(key, |r| &r.title) on:input=move |ev| edit_row(key, |r, v| r.title = v, event_target_value(&ev)) /></label>
                                <label>{label(m::STEP_DAYS, i)}<input type="number" min="0" step="1" prop:value=move || value(key, |r| &r.days) on:input=move |ev| edit_row(key, |r, v| r.days = v, event_target_value(&ev)) /></label>
                                <button type="button" on:click=move |_| rows.update(|v| v.retain(|x| x.key != key)) aria-label=label(m::REMOVE_STEP, i)>"×"</button>
                            </li>
                        } }
                    />
                </ol>
                <button type="button" on:click=move |_| rows.update(|v| v.push(new_row()))>{st.tr(m::ADD_STEP)}</button>
                {move || result.get().map(|inv| view! {
                    {inv.deadline_passed.then(|| view! { <p class="warning" role="alert">{st.tr(m::DEADLINE_PASSED)}</p> })}
                    {(inv.too_long && !inv.deadline_passed).then(|| view! { <p class="warning" role="alert">{st.tr(m::TOO_LONG)}</p> })}
                    <table class="sheet-table" aria-label=st.tr(m::INVERT)>
                        <thead>
                            <tr>
                                <th scope="col">{st.tr(m::STEP)}</th>
                                <th scope="col">{st.tr(m::LATEST_START)}</th>
                                <th scope="col">{st.tr(m::DUE)}</th>
                                <th scope="col">{st.tr(m::STATUS)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {inv.steps.into_iter().map(|p| view! {
                                <tr class:late=p.should_have_started>
                                    <td>{p.title}</td>
                                    <td class="date">{p.start.to_string()}</td>
                                    <td class="date">{p.due.to_string()}</td>
                                    <td>{p.should_have_started.then(|| st.tr(m::SHOULD_HAVE_STARTED))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <button type="button" class="primary" on:click=accept>{st.tr(m::ACCEPT_SCHEDULE)}</button>
                })}
                <FormErrors errors />
            </div>
        </details>
    }
}
