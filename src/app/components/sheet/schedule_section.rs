//! The schedule: milestones with their lights, added one by one or by
//! inverting the schedule from the deadline.

use super::invert_form::InvertForm;
use super::section::{SheetSection, SheetTable};
use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::components::light_badge::LightBadge;
use crate::app::i18n::{m, Tr};
use crate::app::state::use_state;
use crate::domain::plan::live;
use crate::domain::{Id, Lang, Text};
use leptos::prelude::*;

#[component]
pub fn ScheduleSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let milestones = Memo::new(move |_| {
        st.plan.with(|p| {
            let mut v: Vec<(Id, Option<chrono::NaiveDate>)> =
                p.task(task).map(|t| live(&t.milestones).map(|m| (m.id, m.due)).collect()).unwrap_or_default();
            crate::domain::numbers::sort_by(&mut v, |(_, d)| *d);
            v.into_iter().map(|(id, _)| id).collect::<Vec<_>>()
        })
    });
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let t = title.get_untracked();
        let name = if l == Lang::Zh { Text::new(t.trim(), "") } else { Text::new("", t.trim()) };
        let r = st.edit(|p, s| p.add_milestone(task, name, parse_date(&due.get_untracked()), s).map(|_| ()));
        if show_outcome(errors, m::FIX_THESE, l, r) {
            title.set(String::new());
            due.set(String::new());
        }
    };
    view! {
        <SheetSection id="schedule-heading" heading=m::SCHEDULE>
            <SheetTable columns=vec![(m::MILESTONE, false), (m::DUE, false), (m::DONE_ON, false), (m::COL_LIGHT, false), (m::COL_ACTIONS, true)] empty=Signal::derive(move || milestones.with(|m| m.is_empty())) empty_text=m::NO_MILESTONES>
                    <For each=move || milestones.get() key=|id| *id children=move |mid| view! { <MilestoneRow task mid /> } />
                </SheetTable>
            <form class="inline-form no-print" on:submit=add>
                <label>{st.tr(m::MILESTONE)}<input type="text" bind:value=title /></label>
                <label>{st.tr(m::DUE)}<input type="date" bind:value=due /></label>
                <button type="submit">{st.tr(m::ADD_MILESTONE)}</button>
                <FormErrors errors />
            </form>
            <InvertForm task />
        </SheetSection>
    }
}

#[component]
fn MilestoneRow(
    /// The task.
    task: Id,
    /// The milestone shown.
    mid: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let row = Memo::new(move |_| {
        st.plan.with(|p| {
            let t = p.task(task)?;
            let ms = t.milestones.iter().find(|x| x.id == mid)?;
            Some((ms.title.clone(), ms.due, p.milestone_done_on(t, ms, st.today.get()), p.milestone_light(t, ms, st.today.get())))
        })
    });
    let light = Signal::derive(move || row.with(|r| r.as_ref().map(|r| r.3.clone())).unwrap_or_default());
    let title = move || row.with(|r| r.as_ref().map(|r| r.0.get(lang.get()).to_string()).unwrap_or_default());
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let delete = move |_| {
        if crate::app::components::row_buttons::confirm(lang.get_untracked(), m::CONFIRM_DELETE_MILESTONE) {
            let _ = st.edit(|p, s| p.delete_milestone(task, mid, s));
        }
    };
    view! {
        <tr>
            <td>{title}</td>
            <td class="date">{move || row.with(|r| date(r.as_ref().and_then(|r| r.1)))}</td>
            <td class="date">{move || row.with(|r| date(r.as_ref().and_then(|r| r.2)))}</td>
            <td class="status"><LightBadge assessment=light /></td>
            <td class="no-print">
                <button type="button" class="danger" on:click=delete aria-label=move || format!("{} {}", lang.get().t(m::DELETE), title())>
                    {st.tr(m::DELETE)}
                </button>
            </td>
        </tr>
    }
}
