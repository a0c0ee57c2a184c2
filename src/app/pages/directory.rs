//! Units and people: who is who in the table.

use crate::app::components::person_editor::PersonEditor;
use crate::app::components::unit_editor::UnitEditor;
use crate::app::i18n::m;
use crate::app::state::use_state;
use leptos::prelude::*;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let units = Memo::new(move |_| st.plan.with(|p| p.units_sorted(lang.get()).iter().map(|u| u.id).collect::<Vec<_>>()));
    let people = Memo::new(move |_| st.plan.with(|p| p.people_sorted(lang.get()).iter().map(|u| u.id).collect::<Vec<_>>()));
    view! {
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
    }
}
