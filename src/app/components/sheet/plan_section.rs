//! The task's plan (施工图): its steps in free text, and when it was submitted.

use super::section::SheetSection;
use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::i18n::{m, m_owner};
use crate::app::state::use_state;
use crate::domain::ownership::{Act, RecordKind};
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn PlanSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    // The table's value, followed while the sheet is open: an import or
    // another tab may change it.
    let stored = Memo::new(move |_| st.plan.with(|p| p.task(task).map(|t| (t.plan.clone(), t.plan_submitted_on))).unwrap_or_default());
    let (t0, d0) = stored.get_untracked();
    let text = RwSignal::new(t0);
    let submitted = RwSignal::new(d0.map(|d| d.to_string()).unwrap_or_default());
    // The value the form was filled from.
    let loaded = StoredValue::new(stored.get_untracked());
    // The table changed under an edit in progress: its new value.
    let moved = RwSignal::new(None::<String>);
    let form = move || (text.get_untracked(), parse_date(&submitted.get_untracked()));
    Effect::new(move |_| {
        let now = stored.get();
        let was = loaded.get_value();
        if now == was {
            return;
        }
        let mine = form();
        if mine == now {
            loaded.set_value(now);
        } else if mine == was {
            // Nothing typed: follow the table.
            text.set(now.0.clone());
            submitted.set(now.1.map(|d| d.to_string()).unwrap_or_default());
            loaded.set_value(now);
        } else {
            moved.set(Some(now.0));
        }
    });
    let errors = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(false);
    let due = move || st.plan.with(|p| p.plan_due().to_string());
    let write = move || {
        let on = parse_date(&submitted.get_untracked());
        let r = st.edit(|p, s| p.set_task_plan(task, text.get_untracked(), on, s));
        let ok = show_outcome(errors, m::FIX_THESE, lang.get_untracked(), r);
        if ok {
            loaded.set_value(stored.get_untracked());
            moved.set(None);
        }
        saved.set(ok);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Never over a value this form has not shown: the person chooses below.
        if moved.get_untracked().is_none() {
            write();
        }
    };
    let use_table = move |_| {
        let (t, d) = stored.get_untracked();
        text.set(t);
        submitted.set(d.map(|d| d.to_string()).unwrap_or_default());
        loaded.set_value(stored.get_untracked());
        moved.set(None);
    };
    let editable = move || st.may(RecordKind::Task, Some(task), None, Act::Change("plan"));
    let read_only = move || {
        let (t, d) = stored.get();
        view! {
            <p class="plan-text">{if t.trim().is_empty() { st.tr(m_owner::NO_PLAN_YET)().to_string() } else { t }}</p>
            <p class="hint">
                {st.tr(m::PLAN_SUBMITTED)} ": " {d.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}
                " · " {st.tr(m::PLAN_DUE_ON)} " " {due}
            </p>
            <p class="hint set-by">{st.tr(m_owner::SET_BY_LEAD)}</p>
        }
    };
    view! {
        <SheetSection id="plan-heading" heading=m::PLAN_SECTION>
            <Show when=editable fallback=read_only>
            <form class="form" on:submit=save>
                <label>{st.tr(m::PLAN_TEXT)}<textarea rows="4" bind:value=text on:input=move |_| saved.set(false)></textarea></label>
                <div class="form-row">
                    <label>{st.tr(m::PLAN_SUBMITTED)}<input type="date" bind:value=submitted class:empty=move || submitted.with(|s| s.is_empty()) on:input=move |_| saved.set(false) /></label>
                    <p class="hint">{st.tr(m::PLAN_DUE_ON)} " " {due}</p>
                </div>
                <FormErrors errors />
                {move || moved.get().map(|now| view! {
                    <div class="form-errors plan-moved" role="alert">
                        <p>{st.tr(m::PLAN_MOVED)} " " <q class="table-value">{now}</q></p>
                        <button type="button" on:click=move |_| write()>{st.tr(m::KEEP_MY_TEXT)}</button>
                        " "
                        <button type="button" on:click=use_table>{st.tr(m::USE_TABLE_VALUE)}</button>
                    </div>
                })}
                <div class="form-buttons no-print">
                    <button type="submit" class="primary" disabled=move || moved.with(Option::is_some)>{st.tr(m::SAVE)}</button>
                    <Show when=move || saved.get()><span role="status">{st.tr(m::SAVED)}</span></Show>
                </div>
            </form>
            </Show>
        </SheetSection>
    }
}
