//! Settings: the thresholds behind the lights, and the "as of" date.

use crate::app::components::form_parts::{show_outcome, FormErrors};
use crate::app::components::storage_panel::StoragePanel;
use crate::app::i18n::{m, Msg, Tr};
use crate::app::state::use_state;
use crate::domain::Settings;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let s = st.plan.with_untracked(|p| p.settings.clone());
    let num = |v: u32| RwSignal::new(v.to_string());
    let (plan_due, warning, report, margin) =
        (num(s.plan_due_days), num(s.warning_days), num(s.report_interval_days), num(s.behind_pace_margin));
    let window = num(s.board_window_days);
    let remind = num(s.export_reminder_days);
    let as_of = RwSignal::new(s.as_of.map(|d| d.to_string()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = |s: RwSignal<String>, d: u32| s.get_untracked().trim().parse::<u32>().unwrap_or(d);
        let d = Settings::default();
        let next = Settings {
            plan_due_days: n(plan_due, d.plan_due_days),
            warning_days: n(warning, d.warning_days),
            report_interval_days: n(report, d.report_interval_days),
            behind_pace_margin: n(margin, d.behind_pace_margin).min(100),
            as_of: crate::domain::numbers::parse_date(&as_of.get_untracked()),
            board_window_days: n(window, d.board_window_days),
            export_reminder_days: n(remind, d.export_reminder_days),
            scoring: st.plan.with_untracked(|p| p.settings.scoring.clone()),
        };
        saved.set(show_outcome(errors, m::FIX_THESE, lang.get_untracked(), st.edit(|p, s| p.update_settings(next, s))));
    };
    let field = move |label: Msg, value: RwSignal<String>| {
        view! {
            <label>
                {move || lang.get().t(label)}
                <input type="number" min="0" max="366" step="1" bind:value=value on:input=move |_| saved.set(false) />
            </label>
        }
    };
    view! {
        <section class="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{st.tr(m::SETTINGS_LIGHTS)}</h2>
            <form class="form narrow" on:submit=save>
                {field(m::S_PLAN_DUE, plan_due)}
                {field(m::S_WARNING, warning)}
                {field(m::S_REPORT, report)}
                {field(m::S_MARGIN, margin)}
                {field(m::S_BOARD_WINDOW, window)}
                {field(m::S_EXPORT_REMINDER, remind)}
                <label>{st.tr(m::S_AS_OF)}<input type="date" bind:value=as_of on:input=move |_| saved.set(false) /></label>
                <FormErrors errors />
                <div class="form-buttons">
                    <button type="submit" class="primary">{st.tr(m::SAVE)}</button>
                    <Show when=move || saved.get()>
                        <span role="status">{st.tr(m::SAVED)}</span>
                    </Show>
                </div>
            </form>
        </section>
        <StoragePanel />
    }
}
