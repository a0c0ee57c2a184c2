//! A labelled group of checkboxes choosing several records (units or
//! people); the order of ticking is kept, so the first ticked can lead.

use crate::app::i18n::{m, Msg, Tr};
use crate::app::state::use_state;
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn Checklist(
    /// The group's legend.
    legend: Msg,
    /// The choices: (id, name in the current language).
    options: Signal<Vec<(Id, String)>>,
    /// The ticked ids, in ticking order.
    selected: RwSignal<Vec<Id>>,
    /// Mark the first ticked as the lead.
    #[prop(optional)]
    show_lead: bool,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    view! {
        <fieldset class="checklist">
            <legend>{st.tr(legend)}</legend>
            {show_lead.then(|| view! { <p class="hint">{st.tr(m::RESPONSIBLE_HINT)}</p> })}
            <For
                each=move || options.get()
                key=|(id, name)| (*id, name.clone())
                children=move |(id, name)| {
                    let checked = move || selected.with(|s| s.contains(&id));
                    let is_lead = move || show_lead && selected.with(|s| s.first() == Some(&id));
                    let toggle = move |_| selected.update(|s| if let Some(i) = s.iter().position(|x| *x == id) { s.remove(i); } else { s.push(id); });
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=toggle />
                            {name}
                            <Show when=is_lead>
                                <span class="lead-tag">" (" {move || lang.get().t(m::LEAD)} ")"</span>
                            </Show>
                        </label>
                    }
                }
            />
        </fieldset>
    }
}
