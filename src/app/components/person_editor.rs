//! One person's row in the directory: name, title and unit; delete refused,
//! with the places, while the person is in use. No id: the "add" row.

use crate::app::i18n::{edit_error, m, Tr};
use crate::app::state::use_state;
use crate::domain::{Id, Text};
use leptos::prelude::*;

#[component]
pub fn PersonEditor(
    /// The person edited; `None` adds a new one.
    id: Option<Id>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let person = id.and_then(|id| st.plan.with_untracked(|p| p.person(id).cloned()));
    let text = |f: fn(&crate::domain::Person) -> &Text| person.as_ref().map(|p| f(p).clone()).unwrap_or_default();
    let (name, title) = (text(|p| &p.name), text(|p| &p.title));
    let (zh, en) = (RwSignal::new(name.zh), RwSignal::new(name.en));
    let (title_zh, title_en) = (RwSignal::new(title.zh), RwSignal::new(title.en));
    let unit = RwSignal::new(person.as_ref().and_then(|p| p.unit).map(|u| u.to_string()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<String>::new());
    let who = move || {
        id.and_then(|id| st.plan.with(|p| p.person(id).map(|x| x.name.get(lang.get()).to_string())))
            .unwrap_or_else(|| lang.get().t(m::ADD_PERSON).into())
    };
    let units = move || {
        st.plan
            .with(|p| p.units_sorted(lang.get()).iter().map(|u| (u.id.to_string(), u.name.get(lang.get()).to_string())).collect::<Vec<_>>())
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t =
            |a: RwSignal<String>, b: RwSignal<String>| Text { zh: a.get_untracked().trim().into(), en: b.get_untracked().trim().into() };
        let (n, ti, u) = (t(zh, en), t(title_zh, title_en), Id::parse(&unit.get_untracked()));
        let r = match id {
            Some(id) => st.edit(|p, s| p.update_person(id, n, ti, u, s)),
            None => st.edit(|p, s| p.add_person(n, ti, u, s).map(|_| ())),
        };
        match r {
            Ok(()) => {
                errors.set(vec![]);
                if id.is_none() {
                    [zh, en, title_zh, title_en, unit].iter().for_each(|s| s.set(String::new()));
                }
            }
            Err(e) => errors.set(edit_error(lang.get_untracked(), &e)),
        }
    };
    let delete = move |_| {
        if let Some(id) = id {
            if let Err(e) = st.edit(|p, s| p.delete_person(id, s)) {
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
            <label>{st.tr(m::JOB_ZH)}<input type="text" bind:value=title_zh /></label>
            <label>{st.tr(m::JOB_EN)}<input type="text" bind:value=title_en /></label>
            <label>
                {st.tr(m::UNIT_OF_PERSON)}
                <select on:change=move |ev| unit.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || unit.with(|u| u.is_empty())>{st.tr(m::NONE)}</option>
                    {move || units().into_iter().map(|(v, n)| { let s = v.clone(); view! { <option value=v prop:selected=move || unit.with(|u| *u == s)>{n}</option> } }).collect_view()}
                </select>
            </label>
            <button type="submit" class="primary">{move || if id.is_some() { st.tr(m::SAVE)() } else { st.tr(m::ADD_PERSON)() }}</button>
            {id.map(|_| view! { <button type="button" class="danger" on:click=delete>{st.tr(m::DELETE)}</button> })}
            <Show when=move || errors.with(|e| !e.is_empty())>
                <ul class="form-errors" role="alert">{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </Show>
        </form>
    }
}
