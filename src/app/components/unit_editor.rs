//! One unit's row in the directory: rename or delete it (refused, with the
//! places, while it is in use). With no id it is the "add a unit" row.

use super::form_parts::{show_outcome, FormErrors};
use super::stale::{Saved, Stale, StaleChoices};
use crate::app::i18n::{m, m_seal, Tr};
use crate::app::state::use_state;
use crate::domain::drafts::UnitDraft;
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
    let (zh, en) = (RwSignal::new(name.zh), RwSignal::new(name.en));
    let errors = RwSignal::new(Vec::<String>::new());
    let stale = Stale::new(id.and_then(|id| st.plan.with_untracked(|p| p.unit_draft(id))));
    let typed = move || UnitDraft { name: Text { zh: zh.get_untracked().trim().into(), en: en.get_untracked().trim().into() } };
    if let Some(id) = id {
        stale.follow(
            st,
            move |p| p.unit_draft(id),
            typed,
            move |d| {
                zh.set(d.name.zh.clone());
                en.set(d.name.en.clone());
            },
        );
    }
    // A refusal (a blank or duplicate name, a unit in use) takes the focus,
    // in the row where the person typed.
    let message = NodeRef::<leptos::html::Div>::new();
    let focus_message = move || {
        request_animation_frame(move || {
            if let Some(el) = message.get_untracked() {
                let _ = el.focus();
            }
        })
    };
    let who = move || {
        id.and_then(|id| st.plan.with(|p| p.unit(id).map(|u| u.name.get(lang.get()).to_string())))
            .unwrap_or_else(|| lang.get().t(m::ADD_UNIT).into())
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = typed().name;
        let r = match id {
            Some(id) => stale.save(st, UnitDraft { name }, move |p| p.unit_draft(id), move |p, d, s| p.rename_unit(id, d.name, s)),
            None => st.edit(|p, s| p.add_unit(name, s).map(|_| Saved::Done)),
        };
        if let Ok(Saved::Choose) = r {
            errors.set(vec![]);
            return;
        }
        if show_outcome(errors, m::FIX_THESE, lang.get_untracked(), r.map(|_| ())) {
            if id.is_none() {
                zh.set(String::new());
                en.set(String::new());
            }
        } else {
            focus_message();
        }
    };
    let delete = move |id: Id| {
        if !show_outcome(errors, m::CANNOT_DELETE, lang.get_untracked(), st.edit(|p, s| p.delete_unit(id, s))) {
            focus_message();
        }
    };
    // The key the office knows the unit by: its fingerprint, and a reset.
    let key = move || id.and_then(|id| st.plan.with(|p| p.unit(id).and_then(|u| u.key.as_ref().map(|k| k.fingerprint()))));
    let may_reset = move || st.may(crate::exchange::merge::RecordKind::Unit, None, None, crate::domain::ownership::Act::Change("key"));
    let reset = move |id: Id| {
        if super::row_buttons::confirm(lang.get_untracked(), m_seal::RESET_KEY_CONFIRM) {
            let _ = show_outcome(errors, m::FIX_THESE, lang.get_untracked(), st.edit(|p, s| p.reset_unit_key(id, s)));
        }
    };
    let key_line = move |id: Id| {
        view! {
            <p class="unit-key">
                {st.tr(m_seal::UNIT_KEY)} {move || if lang.get() == crate::domain::Lang::Zh { "：" } else { ": " }}
                {move || match key() {
                    Some(f) => view! { <strong class="fingerprint">{f}</strong> }.into_any(),
                    None => view! { <span class="hint">{st.tr(m_seal::UNIT_KEY_NONE)}</span> }.into_any(),
                }}
                <Show when=move || key().is_some() && may_reset()>
                    " " <button type="button" on:click=move |_| reset(id)>{st.tr(m_seal::RESET_KEY)}</button>
                </Show>
            </p>
        }
    };
    view! {
        <form class="directory-row" on:submit=save aria-label=who>
            <label>{st.tr(m::NAME_ZH)}<input type="text" bind:value=zh /></label>
            <label>{st.tr(m::NAME_EN)}<input type="text" bind:value=en /></label>
            <button type="submit" class="primary">{st.tr(if id.is_some() { m::SAVE } else { m::ADD_UNIT })}</button>
            {id.map(|id| view! { <button type="button" class="danger" on:click=move |_| delete(id)>{st.tr(m::DELETE)}</button> })}
            {id.map(key_line)}
            <StaleChoices clashes=stale.clashes choices=stale.choices />
            <div class="form-message" tabindex="-1" node_ref=message><FormErrors errors /></div>
        </form>
    }
}
