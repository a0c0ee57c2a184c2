//! A labelled select of records by id, optionally with an empty first
//! choice ("All", "(none)").

use crate::app::i18n::Msg;
use crate::app::state::use_state;
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn Picker(
    /// The label.
    label: Msg,
    /// The choices: (id, name in the current language).
    options: Signal<Vec<(Id, String)>>,
    /// The chosen id.
    value: Signal<Option<Id>>,
    /// Called with the new choice.
    on_change: Callback<Option<Id>>,
    /// The words of the empty first choice; without it one must be chosen.
    #[prop(optional)]
    empty: Option<Msg>,
) -> impl IntoView {
    let st = use_state();
    view! {
        <label>
            {st.tr(label)}
            <select on:change=move |ev| on_change.run(Id::parse(&event_target_value(&ev)))>
                {empty.map(|e| view! { <option value="" prop:selected=move || value.get().is_none()>{st.tr(e)}</option> })}
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(id, name)| view! { <option value=id.to_string() prop:selected=move || value.get() == Some(id)>{name}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
