//! The table's filters. They live in the URL: every change rewrites the
//! query, so a copied link shows the same view.

use super::picker::Picker;
use crate::app::i18n::{light_name, m};
use crate::app::state::use_state;
use crate::app::url::use_replace_query;
use crate::domain::filter::TableFilter;
use crate::domain::light::Light;
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn FilterBar(
    /// The filter read from the URL.
    filter: Memo<TableFilter>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let replace = use_replace_query();
    let set = StoredValue::new(move |f: TableFilter| replace.with_value(|r| r(f.to_query())));
    // Apply one change to the current filter and put it in the URL.
    let change = move |f: fn(&mut TableFilter, Option<Id>, String), id: Option<Id>, text: String| {
        let mut next = filter.get_untracked();
        f(&mut next, id, text);
        set.with_value(|s| s(next));
    };
    let pick = move |f: fn(&mut TableFilter, Option<Id>, String)| Callback::new(move |id| change(f, id, String::new()));

    let actions = Signal::derive(move || st.plan.with(|p| p.action_choices(lang.get())));
    let units = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let people = Signal::derive(move || st.plan.with(|p| p.person_choices(lang.get())));

    view! {
        <form class="filters" role="search" aria-label=st.tr(m::FILTERS) on:submit=|ev| ev.prevent_default()>
            <Picker label=m::F_ACTION options=actions value=Signal::derive(move || filter.with(|f| f.action)) on_change=pick(|f, id, _| f.action = id) empty=m::ALL />
            <Picker label=m::F_UNIT options=units value=Signal::derive(move || filter.with(|f| f.unit)) on_change=pick(|f, id, _| f.unit = id) empty=m::ALL />
            <Picker label=m::F_LEADER options=people value=Signal::derive(move || filter.with(|f| f.leader)) on_change=pick(|f, id, _| f.leader = id) empty=m::ALL />
            <label>
                {st.tr(m::F_LIGHT)}
                <select on:change=move |ev| change(|f, _, v| f.light = Light::parse(&v), None, event_target_value(&ev))>
                    <option value="" prop:selected=move || filter.with(|f| f.light.is_none())>{st.tr(m::ALL)}</option>
                    {Light::ALL.into_iter().map(|l| view! {
                        <option value=l.key() prop:selected=move || filter.with(|f| f.light == Some(l))>{move || light_name(lang.get(), l)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                {st.tr(m::F_TEXT)}
                <input type="search" prop:value=move || filter.with(|f| f.text.clone()) on:input=move |ev| change(|f, _, text| f.text = text, None, event_target_value(&ev)) />
            </label>
            <button type="button" on:click=move |_| set.with_value(|s| s(TableFilter::default())) disabled=move || filter.with(|f| f.is_empty())>
                {st.tr(m::CLEAR_FILTERS)}
            </button>
        </form>
    }
}
