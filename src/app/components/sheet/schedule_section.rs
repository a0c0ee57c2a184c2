//! The schedule: milestones with their lights, added one by one or by
//! inverting the schedule from the deadline.

use super::invert_form::InvertForm;
use super::section::{SheetSection, SheetTable};
use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::components::light_badge::LightBadge;
use crate::app::components::stale::{Saved, Stale, StaleChoices};
use crate::app::i18n::{m, m_owner, Tr};
use crate::app::state::use_state;
use crate::domain::corrections::MilestoneDraft;
use crate::domain::ownership::{Act, RecordKind};
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
            <Show when=move || st.may(RecordKind::Milestone, Some(task), None, Act::Add) fallback=move || view! { <p class="hint set-by no-print">{st.tr(m_owner::SET_BY_LEAD)}</p> }>
                <form class="inline-form no-print" on:submit=add>
                    <label>{st.tr(m::MILESTONE)}<input type="text" bind:value=title /></label>
                    <label>{st.tr(m::DUE)}<input type="date" bind:value=due /></label>
                    <button type="submit">{st.tr(m::ADD_MILESTONE)}</button>
                    <FormErrors errors />
                </form>
                <InvertForm task />
            </Show>
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
    let may = move || st.may(RecordKind::Milestone, Some(task), None, Act::Change("due"));
    let delete = move |_| {
        if crate::app::components::row_buttons::confirm(lang.get_untracked(), m::CONFIRM_DELETE_MILESTONE) {
            let _ = st.edit(|p, s| p.delete_milestone(task, mid, s));
        }
    };
    // The row's own form: title, due date, and the day it was really done.
    let editing = RwSignal::new(false);
    let (e_title, e_due, e_done) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = RwSignal::new(Vec::<String>::new());
    let stale = Stale::new(None);
    let open = move |_| {
        stale.reopen(st.plan.with_untracked(|p| p.milestone_draft(task, mid)));
        let own_done =
            st.plan.with_untracked(|p| p.task(task).and_then(|t| t.milestones.iter().find(|x| x.id == mid)).and_then(|m| m.done_on));
        e_title.set(title());
        e_due.set(row.with_untracked(|r| date(r.as_ref().and_then(|r| r.1))));
        e_done.set(date(own_done.or_else(|| row.with_untracked(|r| r.as_ref().and_then(|r| r.2)))));
        errors.set(vec![]);
        editing.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let typed = e_title.get_untracked();
        let name = st.plan.with_untracked(|p| {
            let was = p.task(task).and_then(|t| t.milestones.iter().find(|x| x.id == mid)).map(|m| m.title.clone()).unwrap_or_default();
            if l == Lang::Zh {
                Text::new(typed.trim(), &was.en)
            } else {
                Text::new(&was.zh, typed.trim())
            }
        });
        let d = MilestoneDraft { title: name, due: parse_date(&e_due.get_untracked()), done_on: parse_date(&e_done.get_untracked()) };
        match stale.save(st, d, move |p| p.milestone_draft(task, mid), move |p, d, s| p.update_milestone(task, mid, d, s)) {
            Ok(Saved::Done) => {
                errors.set(vec![]);
                editing.set(false);
            }
            Ok(Saved::Choose) => errors.set(vec![]),
            Err(e) => {
                show_outcome(errors, m::FIX_THESE, l, Err(e));
            }
        }
    };
    let named = move |verb: crate::app::i18n::Msg| move || format!("{} {}", lang.get().t(verb), title());
    view! {
        <tr>
            <td>{title}</td>
            <td class="date">{move || row.with(|r| date(r.as_ref().and_then(|r| r.1)))}</td>
            <td class="date">{move || row.with(|r| date(r.as_ref().and_then(|r| r.2)))}</td>
            <td class="status"><LightBadge assessment=light /></td>
            <td class="no-print">
                <Show when=may fallback=move || view! { <span class="set-by">{st.tr(m_owner::SET_BY_LEAD)}</span> }>
                    <button type="button" on:click=open aria-label=named(m_owner::EDIT_MILESTONE)>{st.tr(m::EDIT)}</button>
                    " "
                    <button type="button" class="danger" on:click=delete aria-label=named(m::DELETE)>{st.tr(m::DELETE)}</button>
                </Show>
            </td>
        </tr>
        <Show when=move || editing.get()>
            <tr class="row-form no-print">
                <td colspan="5">
                    <form class="inline-form" on:submit=save aria-label=named(m_owner::EDIT_MILESTONE)>
                        <label>{st.tr(m::MILESTONE)}<input type="text" bind:value=e_title /></label>
                        <label>{st.tr(m::DUE)}<input type="date" bind:value=e_due /></label>
                        <label>{st.tr(m_owner::DONE_ON)}<input type="date" bind:value=e_done /></label>
                        <button type="submit" class="primary">{st.tr(m_owner::SAVE)}</button>
                        <button type="button" on:click=move |_| editing.set(false)>{st.tr(m_owner::CANCEL)}</button>
                        <StaleChoices clashes=stale.clashes choices=stale.choices />
                        <FormErrors errors />
                    </form>
                </td>
            </tr>
        </Show>
    }
}
