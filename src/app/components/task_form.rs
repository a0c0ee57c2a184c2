//! The form that adds or edits a task's place in the table: its action,
//! title, responsible units, co-organizers, person and dates.

use super::dialog::Dialog;
use super::form_parts::{FormButtons, FormErrors};
use super::picker::Picker;
use super::stale::{Saved, Stale, StaleChoices};
use super::unit_checklist::Checklist;
use crate::app::i18n::{m, refusal, Tr};
use crate::app::state::use_state;
use crate::domain::edit::TaskDraft;
use crate::domain::{Id, Text};
use chrono::NaiveDate;
use leptos::prelude::*;

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

#[component]
pub fn TaskForm(
    /// The task being edited; `None` adds a new one.
    id: Option<Id>,
    /// The action a new task goes under.
    action: Id,
    /// Called when the form is done (saved or cancelled).
    on_done: Callback<()>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let existing = id.and_then(|id| st.plan.with_untracked(|p| p.task(id).cloned()));
    let get = |f: fn(&crate::domain::Task) -> String| existing.as_ref().map(f).unwrap_or_default();
    let action_sel = RwSignal::new(existing.as_ref().map(|t| t.action).unwrap_or(action));
    let title_zh = RwSignal::new(get(|t| t.title.zh.clone()));
    let title_en = RwSignal::new(get(|t| t.title.en.clone()));
    let responsible = RwSignal::new(existing.as_ref().map(|t| t.responsible.clone()).unwrap_or_default());
    let co = RwSignal::new(existing.as_ref().map(|t| t.co_organizers.clone()).unwrap_or_default());
    let person = RwSignal::new(existing.as_ref().and_then(|t| t.person));
    let start = RwSignal::new(get(|t| date_text(t.start)));
    let due = RwSignal::new(get(|t| date_text(t.due)));
    let errors = RwSignal::new(Vec::<String>::new());
    let stale = Stale::new(id.and_then(|id| st.plan.with_untracked(|p| p.task_draft(id))));

    let unit_opts = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let people = Signal::derive(move || st.plan.with(|p| p.person_choices(lang.get())));
    let actions = Signal::derive(move || st.plan.with(|p| p.action_choices(lang.get())));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = |s: RwSignal<String>| crate::domain::numbers::parse_date(&s.get_untracked());
        let draft = TaskDraft {
            action: action_sel.get_untracked(),
            title: Text { zh: title_zh.get_untracked().trim().into(), en: title_en.get_untracked().trim().into() },
            responsible: responsible.get_untracked(),
            co_organizers: co.get_untracked(),
            person: person.get_untracked(),
            start: date(start),
            due: date(due),
        };
        let result = match id {
            Some(id) => stale.save(st, draft, move |p| p.task_draft(id), move |p, d, s| p.update_task(id, d, s)),
            None => st.edit(|p, s| p.add_task(draft, s).map(|_| Saved::Done)),
        };
        match result {
            Ok(Saved::Done) => on_done.run(()),
            Ok(Saved::Choose) => errors.set(vec![]),
            Err(e) => errors.set(refusal(lang.get_untracked(), m::FIX_THESE, &e)),
        }
    };
    let heading = Signal::derive(move || {
        let l = lang.get();
        match id.and_then(|id| st.plan.with_untracked(|p| p.task_number(id))) {
            Some(n) => format!("{} · {} {n}", l.t(m::EDIT), l.t(m::TASK_FORM)),
            None => l.t(m::ADD_TASK).to_string(),
        }
    });

    view! {
        <Dialog title=heading on_close=on_done>
            <form on:submit=save class="form">
                <Picker
                    label=m::F_ACTION
                    options=actions
                    value=Signal::derive(move || Some(action_sel.get()))
                    on_change=Callback::new(move |v: Option<Id>| action_sel.set(v.unwrap_or(action)))
                />
                <label>{st.tr(m::TITLE_ZH)}<input type="text" bind:value=title_zh /></label>
                <label>{st.tr(m::TITLE_EN)}<input type="text" bind:value=title_en /></label>
                <Show when=move || unit_opts.with(|u| u.is_empty())>
                    <p class="hint">{st.tr(m::NO_UNITS_YET)}</p>
                </Show>
                <Checklist legend=m::COL_RESPONSIBLE options=unit_opts selected=responsible show_lead=true />
                <Checklist legend=m::COL_CO options=unit_opts selected=co />
                <Picker
                    label=m::PERSON
                    options=people
                    value=person.into()
                    on_change=Callback::new(move |v| person.set(v))
                    empty=m::NONE
                />
                <div class="form-row">
                    <label>{st.tr(m::START)}<input type="date" bind:value=start /></label>
                    <label>{st.tr(m::DUE)}<input type="date" bind:value=due /></label>
                </div>
                <StaleChoices clashes=stale.clashes choices=stale.choices />
                <FormErrors errors />
                <FormButtons on_cancel=on_done />
            </form>
        </Dialog>
    }
}
