//! The change trail (留痕) per unit: every change a unit (or the office)
//! made, with old → new.

use crate::app::components::picker::Picker;
use crate::app::components::trail_list::TrailList;
use crate::app::i18n::{m, Tr};
use crate::app::state::use_state;
use crate::app::url::use_replace_query;
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TrailPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let replace = use_replace_query();
    let unit = Memo::new(move |_| query.with(|q| q.get("unit")).and_then(|u| Id::parse(&u)));
    let units = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let on_change = Callback::new(move |u: Option<Id>| {
        replace.with_value(|r| r(u.map(|u| vec![("unit", u.to_string())]).unwrap_or_default()));
    });
    let keep = Callback::new(move |e: crate::domain::TrailEntry| unit.get_untracked().is_none_or(|u| e.by == Some(u)));
    let caption = Signal::derive(move || lang.get().t(m::TRAIL_OF_UNIT).to_string());
    view! {
        <section class="trail-page" aria-labelledby="trail-heading">
            <h2 id="trail-heading">{st.tr(m::TRAIL_OF_UNIT)}</h2>
            <div class="form narrow no-print">
                <Picker label=m::TRAIL_UNIT options=units value=unit.into() on_change empty=m::ALL />
            </div>
            {move || {
                unit.track();
                view! { <TrailList keep caption /> }
            }}
        </section>
    }
}
