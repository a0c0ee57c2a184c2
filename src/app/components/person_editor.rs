//! One person's row in the directory: name, title and unit; delete refused,
//! with the places, while the person is in use. No id: the "add" row.

use super::form_parts::{show_outcome, FormErrors};
use super::picker::Picker;
use super::stale::{Saved, Stale, StaleChoices};
use crate::app::i18n::{m, Tr};
use crate::app::state::use_state;
use crate::domain::drafts::PersonDraft;
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
    let unit = RwSignal::new(person.as_ref().and_then(|p| p.unit));
    let errors = RwSignal::new(Vec::<String>::new());
    let stale = Stale::new(id.and_then(|id| st.plan.with_untracked(|p| p.person_draft(id))));
    let t = |a: RwSignal<String>, b: RwSignal<String>| Text { zh: a.get_untracked().trim().into(), en: b.get_untracked().trim().into() };
    let typed = move || PersonDraft { name: t(zh, en), title: t(title_zh, title_en), unit: unit.get_untracked() };
    if let Some(id) = id {
        stale.follow(
            st,
            move |p| p.person_draft(id),
            typed,
            move |d| {
                zh.set(d.name.zh.clone());
                en.set(d.name.en.clone());
                title_zh.set(d.title.zh.clone());
                title_en.set(d.title.en.clone());
                unit.set(d.unit);
            },
        );
    }
    let who = move || {
        id.and_then(|id| st.plan.with(|p| p.person(id).map(|x| x.name.get(lang.get()).to_string())))
            .unwrap_or_else(|| lang.get().t(m::ADD_PERSON).into())
    };
    let units = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let PersonDraft { name: n, title: ti, unit: u } = typed();
        let r = match id {
            Some(id) => stale.save(
                st,
                PersonDraft { name: n, title: ti, unit: u },
                move |p| p.person_draft(id),
                move |p, d, s| p.update_person(id, d.name, d.title, d.unit, s),
            ),
            None => st.edit(|p, s| p.add_person(n, ti, u, s).map(|_| Saved::Done)),
        };
        if let Ok(Saved::Choose) = r {
            errors.set(vec![]);
            return;
        }
        if show_outcome(errors, m::FIX_THESE, lang.get_untracked(), r.map(|_| ())) && id.is_none() {
            [zh, en, title_zh, title_en].iter().for_each(|s| s.set(String::new()));
            unit.set(None);
        }
    };
    let delete = move |id: Id| {
        show_outcome(errors, m::CANNOT_DELETE, lang.get_untracked(), st.edit(|p, s| p.delete_person(id, s)));
    };
    view! {
        <form class="directory-row" on:submit=save aria-label=who>
            <label>{st.tr(m::NAME_ZH)}<input type="text" bind:value=zh /></label>
            <label>{st.tr(m::NAME_EN)}<input type="text" bind:value=en /></label>
            <label>{st.tr(m::JOB_ZH)}<input type="text" bind:value=title_zh /></label>
            <label>{st.tr(m::JOB_EN)}<input type="text" bind:value=title_en /></label>
            <Picker label=m::UNIT_OF_PERSON options=units value=unit.into() on_change=Callback::new(move |v| unit.set(v)) empty=m::NONE />
            <button type="submit" class="primary">{st.tr(if id.is_some() { m::SAVE } else { m::ADD_PERSON })}</button>
            {id.map(|id| view! { <button type="button" class="danger" on:click=move |_| delete(id)>{st.tr(m::DELETE)}</button> })}
            <StaleChoices clashes=stale.clashes choices=stale.choices />
            <FormErrors errors />
        </form>
    }
}
