//! The form that adds or edits a key action.

use super::dialog::Dialog;
use super::form_parts::{FormButtons, FormErrors};
use super::stale::{Saved, Stale, StaleChoices};
use super::unit_checklist::Checklist;
use crate::app::i18n::{m, refusal, Tr};
use crate::app::state::use_state;
use crate::domain::edit::ActionDraft;
use crate::domain::plan::Field;
use crate::domain::{Id, Text};
use leptos::prelude::*;

pub fn field_name(f: Field) -> crate::app::i18n::Msg {
    match f {
        Field::Governance => m::FIELD_GOVERNANCE,
        Field::Industry => m::FIELD_INDUSTRY,
        Field::Platform => m::FIELD_PLATFORM,
        Field::Livelihood => m::FIELD_LIVELIHOOD,
    }
}

#[component]
pub fn ActionForm(
    /// The action being edited; `None` adds a new one.
    id: Option<Id>,
    /// Called when the form is done (saved or cancelled).
    on_done: Callback<()>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let existing = id.and_then(|id| st.plan.with_untracked(|p| p.action(id).cloned()));
    let title_zh = RwSignal::new(existing.as_ref().map(|a| a.title.zh.clone()).unwrap_or_default());
    let title_en = RwSignal::new(existing.as_ref().map(|a| a.title.en.clone()).unwrap_or_default());
    let field = RwSignal::new(
        existing
            .as_ref()
            .and_then(|a| a.field)
            .map(|f| Field::ALL.iter().position(|x| *x == f).unwrap_or(0).to_string())
            .unwrap_or_default(),
    );
    let leaders = RwSignal::new(existing.as_ref().map(|a| a.leaders.clone()).unwrap_or_default());
    let units = RwSignal::new(existing.as_ref().map(|a| a.leading_units.clone()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<String>::new());
    let stale = Stale::new(id.and_then(|id| st.plan.with_untracked(|p| p.action_draft(id))));

    let people_opts = Signal::derive(move || st.plan.with(|p| p.person_choices(lang.get())));
    let unit_opts = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ActionDraft {
            title: Text { zh: title_zh.get_untracked().trim().into(), en: title_en.get_untracked().trim().into() },
            field: field.get_untracked().parse::<usize>().ok().and_then(|i| Field::ALL.get(i).copied()),
            leaders: leaders.get_untracked(),
            leading_units: units.get_untracked(),
        };
        let result = match id {
            Some(id) => stale.save(st, draft, move |p| p.action_draft(id), move |p, d, s| p.update_action(id, d, s)),
            None => st.edit(|p, s| p.add_action(draft, s).map(|_| Saved::Done)),
        };
        match result {
            Ok(Saved::Done) => on_done.run(()),
            Ok(Saved::Choose) => errors.set(vec![]),
            Err(e) => errors.set(refusal(lang.get_untracked(), m::FIX_THESE, &e)),
        }
    };
    let heading = Signal::derive(move || {
        let verb = if id.is_some() { m::EDIT } else { m::ADD_ACTION };
        if id.is_some() {
            format!("{} · {}", lang.get().t(verb), lang.get().t(m::ACTION_FORM))
        } else {
            lang.get().t(verb).to_string()
        }
    });

    view! {
        <Dialog title=heading on_close=on_done>
            <form on:submit=save class="form">
                <label>{st.tr(m::TITLE_ZH)}<input type="text" bind:value=title_zh /></label>
                <label>{st.tr(m::TITLE_EN)}<input type="text" bind:value=title_en /></label>
                <label>
                    {st.tr(m::FIELD)}
                    <select on:change=move |ev| field.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || field.with(|f| f.is_empty())>{st.tr(m::NONE)}</option>
                        {Field::ALL.iter().enumerate().map(|(i, f)| { let f = *f; let v = i.to_string(); let sel = v.clone(); view! { <option value=v prop:selected=move || field.with(|x| *x == sel)>{move || lang.get().t(field_name(f))}</option> } }).collect_view()}
                    </select>
                </label>
                <Checklist legend=m::COL_LEADER options=people_opts selected=leaders />
                <Checklist legend=m::COL_LEAD_UNIT options=unit_opts selected=units />
                <StaleChoices clashes=stale.clashes choices=stale.choices />
                <FormErrors errors />
                <FormButtons on_cancel=on_done />
            </form>
        </Dialog>
    }
}
