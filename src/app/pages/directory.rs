//! Units and people: who is who in the table.

use crate::app::components::calendar_button::CalendarButton;
use crate::app::components::person_editor::PersonEditor;
use crate::app::components::unit_editor::UnitEditor;
use crate::app::i18n::{m, m_calendar as mc, Tr};
use crate::app::state::use_state;
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let units = Memo::new(move |_| st.plan.with(|p| p.units_sorted(lang.get()).iter().map(|u| u.id).collect::<Vec<_>>()));
    let people = Memo::new(move |_| st.plan.with(|p| p.people_sorted(lang.get()).iter().map(|u| u.id).collect::<Vec<_>>()));
    // Units and people are the office's: a unit's browser lists them.
    let read_only = move || {
        let names = move |units: bool| {
            st.plan.with(|p| {
                let l = lang.get();
                if units {
                    p.units_sorted(l).iter().map(|u| u.name.get(l).to_string()).collect::<Vec<_>>()
                } else {
                    p.people_sorted(l).iter().map(|x| format!("{} {}", x.name.get(l), x.title.get(l)).trim().to_string()).collect()
                }
            })
        };
        view! {
            <section class="directory" aria-labelledby="units-heading">
                <h2 id="units-heading">{st.tr(m::UNITS)}</h2>
                <p class="hint set-by">{st.tr(crate::app::i18n::m_owner::SET_BY_OFFICE)}</p>
                <ul class="plain-list">{move || names(true).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
            <section class="directory" aria-labelledby="people-heading">
                <h2 id="people-heading">{st.tr(m::PEOPLE)}</h2>
                <ul class="plain-list">{move || names(false).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
        }
    };
    // Each unit's calendar of reminders (the office sends them), or this
    // unit's own.
    let calendars = move || {
        let l = lang.get();
        let rows: Vec<(Option<Id>, String)> = match st.me.get() {
            Some(me) => vec![(Some(me), st.plan.with(|p| p.unit(me).map(|u| u.name.get(l).to_string()).unwrap_or_default()))],
            None => std::iter::once((None, l.t(mc::OFFICE).to_string()))
                .chain(st.plan.with(|p| {
                    p.units_sorted(l)
                        .iter()
                        .filter(|u| p.has_tasks(u.id))
                        .map(|u| (Some(u.id), u.name.get(l).to_string()))
                        .collect::<Vec<_>>()
                }))
                .collect(),
        };
        rows.into_iter()
            .map(|(unit, name)| {
                let label = mc::download_for(l, &name);
                view! { <li><span class="unit-name">{name}</span> " " <CalendarButton unit name=label /></li> }
            })
            .collect_view()
    };
    view! {
        <Show when=move || st.may(crate::domain::ownership::RecordKind::Unit, None, None, crate::domain::ownership::Act::Add) fallback=read_only>
        <section class="directory" aria-labelledby="units-heading">
            <h2 id="units-heading">{st.tr(m::UNITS)}</h2>
            <For each=move || units.get() key=|id| *id children=move |id| view! { <UnitEditor id=Some(id) /> } />
            <UnitEditor id=None />
        </section>
        <section class="directory" aria-labelledby="people-heading">
            <h2 id="people-heading">{st.tr(m::PEOPLE)}</h2>
            <For each=move || people.get() key=|id| *id children=move |id| view! { <PersonEditor id=Some(id) /> } />
            <PersonEditor id=None />
        </section>
        </Show>
        <section class="directory calendars" aria-labelledby="calendars-heading">
            <h2 id="calendars-heading">{st.tr(mc::CALENDAR)}</h2>
            <p class="hint">{st.tr(mc::HINT)}</p>
            <ul class="plain-list calendar-list">{calendars}</ul>
        </section>
    }
}
