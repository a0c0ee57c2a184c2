//! One unit's row in the directory: rename or delete it (refused, with the
//! places, while it is in use). With no id it is the "add a unit" row.

use super::task_row::unit_names;
use crate::app::i18n::{edit_error, m, Tr};
use crate::app::state::use_state;
use crate::domain::{Id, Text};
use leptos::prelude::*;

#[component]
pub fn UnitEditor(
    /// The unit edited; `None` adds a new one.
    id: Option<Id>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let name = id.and_then(|id| st.plan.with_untracked(|p| p.unit(id).map(|u| u.name.clone()))).unwrap_or_default();
    let zh = RwSignal::new(name.zh.clone());
    let en = RwSignal::new(name.en.clone());
    let errors = RwSignal::new(Vec::<String>::new());
    let who = move || id.map(|id| st.plan.with(|p| unit_names(p, &[id], lang.get()))).unwrap_or_else(|| lang.get().t(m::ADD_UNIT).into());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = Text { zh: zh.get_untracked().trim().into(), en: en.get_untracked().trim().into() };
        let r = match id {
            Some(id) => st.edit(|p, s| p.rename_unit(id, name, s)),
            None => st.edit(|p, s| p.add_unit(name, s).map(|_| ())),
        };
        match r {
            Ok(()) => {
                errors.set(vec![]);
                if id.is_none() {
                    zh.set(String::new());
                    en.set(String::new());
                }
            }
            Err(e) => errors.set(edit_error(lang.get_untracked(), &e)),
        }
    };
    let delete = move |_| {
        if let Some(id) = id {
            if let Err(e) = st.edit(|p, s| p.delete_unit(id, s)) {
                let mut lines = vec![lang.get_untracked().t(m::CANNOT_DELETE).to_string()];
                lines.extend(edit_error(lang.get_untracked(), &e));
                errors.set(lines);
            }
        }
    };
    view! {
        <form class="directory-row" on:submit=save aria-label=who>
            <label>{st.tr(m::NAME_ZH)}<input type="text" bind:value=zh /></label>
            <label>{st.tr(m::NAME_EN)}<input type="text" bind:value=en /></label>
            <button type="submit" class="primary">{move || if id.is_some() { st.tr(m::SAVE)() } else { st.tr(m::ADD_UNIT)() }}</button>
            {id.map(|_| view! { <button type="button" class="danger" on:click=delete>{st.tr(m::DELETE)}</button> })}
            <Show when=move || errors.with(|e| !e.is_empty())>
                <ul class="form-errors" role="alert">{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </Show>
        </form>
    }
}
