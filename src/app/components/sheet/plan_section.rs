//! The task's plan (施工图): its steps in free text, and when it was submitted.

use super::section::SheetSection;
use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::i18n::m;
use crate::app::state::use_state;
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn PlanSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let t = st.plan.with_untracked(|p| p.task(task).map(|t| (t.plan.clone(), t.plan_submitted_on)));
    let (text, submitted) = t.unwrap_or_default();
    let text = RwSignal::new(text);
    let submitted = RwSignal::new(submitted.map(|d| d.to_string()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(false);
    let due = move || st.plan.with(|p| p.plan_due().to_string());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let on = parse_date(&submitted.get_untracked());
        let r = st.edit(|p, s| p.set_task_plan(task, text.get_untracked(), on, s));
        saved.set(show_outcome(errors, m::FIX_THESE, lang.get_untracked(), r));
    };
    view! {
        <SheetSection id="plan-heading" heading=m::PLAN_SECTION>
            <form class="form" on:submit=save>
                <label>{st.tr(m::PLAN_TEXT)}<textarea rows="4" bind:value=text on:input=move |_| saved.set(false)></textarea></label>
                <div class="form-row">
                    <label>{st.tr(m::PLAN_SUBMITTED)}<input type="date" bind:value=submitted class:empty=move || submitted.with(|s| s.is_empty()) on:input=move |_| saved.set(false) /></label>
                    <p class="hint">{st.tr(m::PLAN_DUE_ON)} " " {due}</p>
                </div>
                <FormErrors errors />
                <div class="form-buttons no-print">
                    <button type="submit" class="primary">{st.tr(m::SAVE)}</button>
                    <Show when=move || saved.get()><span role="status">{st.tr(m::SAVED)}</span></Show>
                </div>
            </form>
        </SheetSection>
    }
}
