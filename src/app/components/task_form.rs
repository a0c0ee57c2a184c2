//! The form that adds or edits a task's place in the table: its action,
//! title, responsible units, co-organizers, person and dates.

use super::action_form::FormErrors;
use super::dialog::Dialog;
use super::unit_checklist::Checklist;
use crate::app::i18n::{edit_error, m, Tr};
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
    let action_sel = RwSignal::new(existing.as_ref().map(|t| t.action).unwrap_or(action).to_string());
    let title_zh = RwSignal::new(get(|t| t.title.zh.clone()));
    let title_en = RwSignal::new(get(|t| t.title.en.clone()));
    let responsible = RwSignal::new(existing.as_ref().map(|t| t.responsible.clone()).unwrap_or_default());
    let co = RwSignal::new(existing.as_ref().map(|t| t.co_organizers.clone()).unwrap_or_default());
    let person = RwSignal::new(get(|t| t.person.map(|p| p.to_string()).unwrap_or_default()));
    let start = RwSignal::new(get(|t| date_text(t.start)));
    let due = RwSignal::new(get(|t| date_text(t.due)));
    let errors = RwSignal::new(Vec::<String>::new());

    let names = move |units: bool| {
        st.plan.with(|p| {
            let l = lang.get();
            if units {
                p.units_sorted(l).iter().map(|x| (x.id, x.name.get(l).to_string())).collect::<Vec<_>>()
            } else {
                p.people_sorted(l).iter().map(|x| (x.id, x.name.get(l).to_string())).collect()
            }
        })
    };
    let unit_opts = Signal::derive(move || names(true));
    let people = move || names(false);
    let actions = move || {
        st.plan.with(|p| {
            p.actions_in_order()
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id, format!("{} {}", i + 1, a.title.get(lang.get()))))
                .collect::<Vec<_>>()
        })
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = |s: RwSignal<String>| NaiveDate::parse_from_str(s.get_untracked().trim(), "%Y-%m-%d").ok();
        let draft = TaskDraft {
            action: Id::parse(&action_sel.get_untracked()).unwrap_or(action),
            title: Text { zh: title_zh.get_untracked().trim().into(), en: title_en.get_untracked().trim().into() },
            responsible: responsible.get_untracked(),
            co_organizers: co.get_untracked(),
            person: Id::parse(&person.get_untracked()),
            start: date(start),
            due: date(due),
        };
        let result = match id {
            Some(id) => st.edit(|p, s| p.update_task(id, draft, s)),
            None => st.edit(|p, s| p.add_task(draft, s).map(|_| ())),
        };
        match result {
            Ok(()) => on_done.run(()),
            Err(e) => errors.set(edit_error(lang.get_untracked(), &e)),
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
                <label>
                    {st.tr(m::F_ACTION)}
                    <select on:change=move |ev| action_sel.set(event_target_value(&ev))>
                        {move || actions().into_iter().map(|(id, name)| { let v = id.to_string(); let sel = v.clone(); view! { <option value=v prop:selected=move || action_sel.with(|a| *a == sel)>{name}</option> } }).collect_view()}
                    </select>
                </label>
                <label>{st.tr(m::TITLE_ZH)}<input type="text" bind:value=title_zh /></label>
                <label>{st.tr(m::TITLE_EN)}<input type="text" bind:value=title_en /></label>
                <Show when=move || unit_opts.with(|u| u.is_empty())>
                    <p class="hint">{st.tr(m::NO_UNITS_YET)}</p>
                </Show>
                <Checklist legend=m::COL_RESPONSIBLE options=unit_opts selected=responsible show_lead=true />
                <Checklist legend=m::COL_CO options=unit_opts selected=co />
                <label>
                    {st.tr(m::PERSON)}
                    <select on:change=move |ev| person.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || person.with(|p| p.is_empty())>{st.tr(m::NONE)}</option>
                        {move || people().into_iter().map(|(id, name)| { let v = id.to_string(); let sel = v.clone(); view! { <option value=v prop:selected=move || person.with(|p| *p == sel)>{name}</option> } }).collect_view()}
                    </select>
                </label>
                <div class="form-row">
                    <label>{st.tr(m::START)}<input type="date" bind:value=start /></label>
                    <label>{st.tr(m::DUE)}<input type="date" bind:value=due /></label>
                </div>
                <FormErrors errors />
                <div class="form-buttons">
                    <button type="submit" class="primary">{st.tr(m::SAVE)}</button>
                    <button type="button" on:click=move |_| on_done.run(())>{st.tr(m::CANCEL)}</button>
                </div>
            </form>
        </Dialog>
    }
}
