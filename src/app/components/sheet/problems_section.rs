//! Problems that need coordination: raised in reports, resolved with a
//! resolution, never removed.

use super::section::SheetSection;
use crate::app::i18n::{m, m_leader as ml, Tr};
use crate::app::state::use_state;
use crate::domain::plan::live;
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn ProblemsSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let ids = Memo::new(move |_| {
        st.plan.with(|p| {
            let mut v: Vec<_> = live(&p.problems).filter(|x| x.task == task).map(|x| (x.raised_on, x.id)).collect();
            crate::domain::numbers::sort_by(&mut v, |x| *x);
            v.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        })
    });
    view! {
        <SheetSection id="problems-heading" heading=m::PROBLEMS>
            <Show when=move || ids.with(|v| !v.is_empty()) fallback=move || view! { <p class="empty">{st.tr(m::NO_PROBLEMS)}</p> }>
                <ul class="problems">
                    <For each=move || ids.get() key=|id| *id children=move |id| view! { <ProblemItem id /> } />
                </ul>
            </Show>
        </SheetSection>
    }
}

#[component]
fn ProblemItem(
    /// The problem shown.
    id: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let p = Memo::new(move |_| st.plan.with(|p| p.problems.iter().find(|x| x.id == id).cloned()));
    let by = move || {
        p.with(|x| x.as_ref().and_then(|x| st.plan.with(|pl| pl.unit(x.raised_by).map(|u| u.name.get(lang.get()).to_string()))))
            .unwrap_or_default()
    };
    let resolution = RwSignal::new(String::new());
    let resolve = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let _ = st.edit(|pl, s| pl.resolve_problem(id, st.today.get_untracked(), resolution.get_untracked().trim().into(), s));
    };
    view! {
        {move || p.get().map(|x| {
            let status = match x.resolved_on {
                Some(d) => format!("{} {d}: {}", lang.get().t(m::RESOLVED_ON), x.resolution),
                None => lang.get().t(m::OPEN).to_string(),
            };
            // Closing a problem is a change of it: for its raiser or the office.
            let open = x.resolved_on.is_none()
                && st.may(crate::domain::ownership::RecordKind::Problem, Some(x.task), Some(x.raised_by), crate::domain::ownership::Act::Change("resolution"));
            let may_ask = x.resolved_on.is_none()
                && st.may(crate::domain::ownership::RecordKind::Problem, Some(x.task), Some(x.raised_by), crate::domain::ownership::Act::Change("assigned_to"));
            let leaders = st.plan.with(|p| p.leader_choices(lang.get()));
            let asked = st.plan.with(|p| x.assigned_to.filter(|a| leaders.iter().any(|(l, _)| l == a)).and_then(|a| p.person(a)).map(|a| a.name.get(lang.get()).to_string()));
            let current = x.assigned_to;
            let ask = (may_ask && !leaders.is_empty()).then(|| {
                view! {
                    <label class="ask-leader no-print">
                        {st.tr(ml::ASK_LEADER)} " "
                        <select on:change=move |ev| {
                            let leader = Id::parse(&event_target_value(&ev));
                            let _ = st.edit(|pl, s| pl.ask_leader(id, leader, s));
                        }>
                            <option value="" selected=current.is_none()>{st.tr(ml::NOBODY)}</option>
                            {leaders.into_iter().map(|(l, name)| view! { <option value=l.to_string() selected=current == Some(l)>{name}</option> }).collect_view()}
                        </select>
                    </label>
                }
            });
            view! {
                <li>
                    <span class="date">{x.raised_on.to_string()}</span> " · " {by} " · " {x.description.clone()} " — " <em>{status}</em>
                    {asked.map(|name| view! { " · " <strong class="asked-leader">{lang.get().t(ml::ASKED)} " " {name} " " {lang.get().t(ml::ASKED_END)}</strong> })}
                    {ask}
                    {open.then(|| view! {
                        <form class="inline-form no-print" on:submit=resolve>
                            <label>{st.tr(m::RESOLUTION)}<input type="text" bind:value=resolution /></label>
                            <button type="submit">{st.tr(m::RESOLVE)}</button>
                        </form>
                    })}
                </li>
            }
        })}
    }
}
