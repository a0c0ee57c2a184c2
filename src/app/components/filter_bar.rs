//! The table's filters. They live in the URL: every change rewrites the
//! query, so a copied link shows the same view.

use crate::app::i18n::{m, Msg};
use crate::app::state::use_state;
use crate::app::url::query_string;
use crate::domain::filter::TableFilter;
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn FilterBar(
    /// The filter read from the URL.
    filter: Memo<TableFilter>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let set = move |f: TableFilter| {
        let mut pairs = f.to_query();
        if let Some(l) = query.with_untracked(|q| q.get("lang")) {
            pairs.push(("lang", l));
        }
        let url = format!("{}{}", location.pathname.get_untracked(), query_string(&pairs));
        navigate(&url, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    let set = StoredValue::new(set);
    let update = move |f: fn(&mut TableFilter, String), v: String| {
        let mut next = filter.get_untracked();
        f(&mut next, v);
        set.with_value(|s| s(next));
    };

    let actions = Signal::derive(move || {
        st.plan.with(|p| {
            p.actions_in_order()
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id, format!("{} {}", i + 1, a.title.get(lang.get()))))
                .collect::<Vec<_>>()
        })
    });
    let units = Signal::derive(move || {
        st.plan.with(|p| p.units_sorted(lang.get()).iter().map(|u| (u.id, u.name.get(lang.get()).to_string())).collect::<Vec<_>>())
    });
    let people = Signal::derive(move || {
        st.plan.with(|p| p.people_sorted(lang.get()).iter().map(|u| (u.id, u.name.get(lang.get()).to_string())).collect::<Vec<_>>())
    });

    view! {
        <form class="filters" role="search" aria-label=st.tr(m::FILTERS) on:submit=|ev| ev.prevent_default()>
            <IdSelect label=m::F_ACTION options=actions value=Signal::derive(move || filter.with(|f| f.action)) on_change=Callback::new(move |v| update(|f, v| f.action = Id::parse(&v), v)) />
            <IdSelect label=m::F_UNIT options=units value=Signal::derive(move || filter.with(|f| f.unit)) on_change=Callback::new(move |v| update(|f, v| f.unit = Id::parse(&v), v)) />
            <IdSelect label=m::F_LEADER options=people value=Signal::derive(move || filter.with(|f| f.leader)) on_change=Callback::new(move |v| update(|f, v| f.leader = Id::parse(&v), v)) />
            <label>
                {st.tr(m::F_TEXT)}
                <input type="search" prop:value=move || filter.with(|f| f.text.clone()) on:input=move |ev| update(|f, v| f.text = v, event_target_value(&ev)) />
            </label>
            <button type="button" on:click=move |_| set.with_value(|s| s(TableFilter::default())) disabled=move || filter.with(|f| f.is_empty())>
                {st.tr(m::CLEAR_FILTERS)}
            </button>
        </form>
    }
}

/// A labelled select of records, with "All" first.
#[component]
fn IdSelect(
    /// The label.
    label: Msg,
    /// (id, name) choices.
    options: Signal<Vec<(Id, String)>>,
    /// The chosen id.
    value: Signal<Option<Id>>,
    /// Called with the chosen value ("" for all).
    on_change: Callback<String>,
) -> impl IntoView {
    let st = use_state();
    view! {
        <label>
            {st.tr(label)}
            <select on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" prop:selected=move || value.get().is_none()>{st.tr(m::ALL)}</option>
                {move || options.get().into_iter().map(|(id, name)| view! { <option value=id.to_string() prop:selected=move || value.get() == Some(id)>{name}</option> }).collect_view()}
            </select>
        </label>
    }
}
