//! Settings: the plan's own details (title, year, kick-off, issuing unit,
//! plan-submission window), the thresholds behind the lights, and the
//! "as of" date.

use crate::app::components::form_parts::{parse_number, show_outcome, FormErrors, SaveRow};
use crate::app::components::key_panel::KeyPanel;
use crate::app::components::picker::Picker;
use crate::app::components::plan_head_fields::{HeadInputs, PlanHeadFields};
use crate::app::components::stale::{Saved, Stale, StaleChoices};
use crate::app::components::storage_panel::StoragePanel;
use crate::app::i18n::{m, m_owner, m_plan as mp, m_seal, Msg, Tr};
use crate::app::state::use_state;
use crate::app::url::with_lang;
use crate::domain::plan_head::PlanHead;
use crate::domain::Settings;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let s = st.plan.with_untracked(|p| p.settings.clone());
    let num = |v: u32| RwSignal::new(v.to_string());
    let (warning, report, margin) = (num(s.warning_days), num(s.report_interval_days), num(s.behind_pace_margin));
    let window = num(s.board_window_days);
    let remind = num(s.export_reminder_days);
    let as_of = RwSignal::new(s.as_of.map(|d| d.to_string()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(false);
    let stale = Stale::new(Some(s.clone()));
    let opened = StoredValue::new(s);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = |s: RwSignal<String>, d: u32| s.get_untracked().trim().parse::<u32>().unwrap_or(d);
        let d = Settings::default();
        let next = Settings {
            // Set with the plan's details (PlanDetails) and the scoring form:
            // untouched here, so the table's values are kept.
            plan_due_days: opened.with_value(|s| s.plan_due_days),
            warning_days: n(warning, d.warning_days),
            report_interval_days: n(report, d.report_interval_days),
            behind_pace_margin: n(margin, d.behind_pace_margin).min(100),
            as_of: crate::domain::numbers::parse_date(&as_of.get_untracked()),
            board_window_days: n(window, d.board_window_days),
            export_reminder_days: n(remind, d.export_reminder_days),
            scoring: opened.with_value(|s| s.scoring.clone()),
            require_signed: opened.with_value(|s| s.require_signed),
            high_risk_yellow: opened.with_value(|s| s.high_risk_yellow),
            extension_keeps_original_due: opened.with_value(|s| s.extension_keeps_original_due),
        };
        saved.set(settle(
            errors,
            lang.get_untracked(),
            stale.save(st, next.clone(), |p| Some(p.settings.clone()), |p, d, s| p.update_settings(d, s)),
        ));
        if saved.get_untracked() {
            opened.set_value(st.plan.with_untracked(|p| p.settings.clone()));
        }
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
        <PlanDetails />
        <section class="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{st.tr(m::SETTINGS_LIGHTS)}</h2>
            <form class="form narrow" on:submit=save>
                {field(m::S_WARNING, warning)}
                {field(m::S_REPORT, report)}
                {field(m::S_MARGIN, margin)}
                {field(m::S_BOARD_WINDOW, window)}
                {field(m::S_EXPORT_REMINDER, remind)}
                <label>{st.tr(m::S_AS_OF)}<input type="date" bind:value=as_of on:input=move |_| saved.set(false) /></label>
                <StaleChoices clashes=stale.clashes choices=stale.choices />
                <FormErrors errors />
                <SaveRow saved />
            </form>
        </section>
        <ScoringForm />
        <SignedFiles />
        <HighRiskRule />
        <ExtensionRule />
        <KeyPanel />
        <StoragePanel />
    }
}

/// The appraisal's rules: the points each kind of fact gives.
#[component]
fn ScoringForm() -> impl IntoView {
    use crate::domain::appraisal::Scoring;
    let st = use_state();
    let lang = st.lang;
    let s = st.plan.with_untracked(|p| p.settings.scoring.clone());
    let stale = Stale::new(Some(s.clone()));
    let num = |v: f64| RwSignal::new(crate::domain::numbers::fixed(v, 1));
    let fields = [
        (m::R_BASE, num(s.base)),
        (m::R_ON_TIME, num(s.milestone_on_time)),
        (m::R_OVERDUE, num(s.milestone_overdue)),
        (m::R_LATE_PLAN, num(s.late_plan)),
        (m::R_MISSED_WEEK, num(s.missed_week)),
        (m::R_TARGET_MET, num(s.target_met)),
    ];
    let errors = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v: Vec<Option<f64>> = fields.iter().map(|(_, f)| parse_number(&f.get_untracked())).collect();
        let l = lang.get_untracked();
        let (Some(base), Some(on_time), Some(overdue), Some(late), Some(week), Some(target)) = (v[0], v[1], v[2], v[3], v[4], v[5]) else {
            errors.set(vec![l.t(m::FIX_THESE).into(), l.t(m::R_NUMBERS).into()]);
            saved.set(false);
            return;
        };
        let scoring = Scoring {
            base,
            milestone_on_time: on_time,
            milestone_overdue: overdue,
            late_plan: late,
            missed_week: week,
            target_met: target,
        };
        let commit = |p: &mut crate::domain::Plan, d: Scoring, s| p.update_settings(Settings { scoring: d, ..p.settings.clone() }, s);
        saved.set(settle(errors, l, stale.save(st, scoring, |p| Some(p.settings.scoring.clone()), commit)));
    };
    view! {
        <section class="settings" aria-labelledby="scoring-heading">
            <h2 id="scoring-heading">{st.tr(m::SCORING)}</h2>
            <p class="hint">{st.tr(m::SCORING_HINT)}</p>
            <form class="form narrow" on:submit=save>
                {fields
                    .into_iter()
                    .map(|(label, value)| {
                        view! {
                            <label>
                                {move || lang.get().t(label)}
                                <input type="number" step="0.5" bind:value=value on:input=move |_| saved.set(false) />
                            </label>
                        }
                    })
                    .collect_view()}
                <StaleChoices clashes=stale.clashes choices=stale.choices />
                <FormErrors errors />
                <SaveRow saved />
            </form>
        </section>
    }
}

/// The plan's own details: edited by the supervision office, shown
/// read-only ("set by the supervision office") in a unit's browser.
#[component]
fn PlanDetails() -> impl IntoView {
    let st = use_state();
    let office = move || st.me.get().is_none();
    view! {
        <section class="settings" aria-labelledby="plan-details-heading">
            <h2 id="plan-details-heading">{st.tr(mp::HEADING)}</h2>
            <p class="hint">{st.tr(mp::HINT)}</p>
            <Show when=office fallback=|| view! { <PlanDetailsReadOnly /> }>
                <PlanDetailsForm />
            </Show>
        </section>
    }
}

#[component]
fn PlanDetailsForm() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let head = st.plan.with_untracked(|p| p.head());
    let stale = Stale::new(Some(head.clone()));
    let inputs = HeadInputs::new(&head.title, head.year, Some(head.kickoff));
    let issuing = RwSignal::new(head.issuing_unit);
    let plan_due = RwSignal::new(head.plan_due_days.to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(false);
    let units = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let due_on = move || st.plan.with(|p| p.plan_due().to_string());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let days = plan_due.get_untracked().trim().parse::<u32>().ok();
        let read = inputs.read(l);
        let (Ok((title, year, kickoff)), Some(plan_due_days)) = (read.clone(), days) else {
            let mut lines = vec![l.t(m::FIX_THESE).to_string()];
            lines.extend(read.err().unwrap_or_default());
            if days.is_none() {
                lines.push(l.t(mp::BAD_PLAN_DUE).to_string());
            }
            errors.set(lines);
            saved.set(false);
            return;
        };
        let d = PlanHead { title, year, kickoff, issuing_unit: issuing.get_untracked(), plan_due_days };
        saved.set(settle(errors, l, stale.save(st, d, |p| Some(p.head()), |p, d, s| p.update_head(d, s))));
    };
    let touched = Callback::new(move |_| saved.set(false));
    let query = use_query_map();
    let new_plan = move || with_lang("/new", query.with(|q| q.get("lang")));
    view! {
        <form class="form narrow" novalidate on:submit=save aria-labelledby="plan-details-heading">
            <PlanHeadFields inputs on_input=touched />
            <Picker label=mp::ISSUING_UNIT options=units value=issuing.into() empty=mp::NO_ISSUING_UNIT
                on_change=Callback::new(move |u| { issuing.set(u); saved.set(false); }) />
            <label>
                {st.tr(mp::PLAN_DUE)}
                <input type="number" min="0" max="366" step="1" bind:value=plan_due on:input=move |_| saved.set(false) />
            </label>
            <p class="hint" role="status">{st.tr(mp::PLAN_DUE_ON)} " " <time>{due_on}</time></p>
            <StaleChoices clashes=stale.clashes choices=stale.choices />
            <FormErrors errors />
            <SaveRow saved />
        </form>
        <p class="no-print"><a href=new_plan>{st.tr(mp::START_NEW)}</a></p>
    }
}

/// A rule of the plan the office turns on or off: a change applies at once
/// and is in the trail; a unit sees it, marked as the office's.
#[component]
fn SettingToggle(
    /// The section's id (its heading's is `<id>-heading`).
    id: &'static str,
    heading: Msg,
    hint: Msg,
    label: Msg,
    /// The setting's value in the plan.
    get: fn(&Settings) -> bool,
    /// The settings with the value set.
    set: fn(Settings, bool) -> Settings,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let on = move || st.plan.with(|p| get(&p.settings));
    let may = move || st.may(crate::exchange::merge::RecordKind::Plan, None, None, crate::domain::ownership::Act::Change("settings"));
    let change = move |ev: leptos::ev::Event| {
        let v = event_target_checked(&ev);
        let _ = st.edit(|p, s| p.update_settings(set(p.settings.clone(), v), s));
    };
    let heading_id = format!("{id}-heading");
    view! {
        <section class=format!("settings {id}") aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{st.tr(heading)}</h2>
            <p class="hint">{st.tr(hint)}</p>
            <label class="check">
                <input type="checkbox" prop:checked=on disabled=move || !may() on:change=change />
                " " {st.tr(label)}
            </label>
            <Show when=move || !may()>
                <p class="note" role="note">{move || lang.get().t(m_owner::SET_BY_OFFICE)}</p>
            </Show>
        </section>
    }
}

/// "Require signed files": when on, a file without a valid seal is refused;
/// when off, it is previewed with a warning.
#[component]
fn SignedFiles() -> impl IntoView {
    view! {
        <SettingToggle id="signed-files" heading=m_seal::SIGNED_FILES hint=m_seal::SIGNED_FILES_HINT label=m_seal::REQUIRE_SIGNED
            get=|s| s.require_signed set=|s, v| Settings { require_signed: v, ..s } />
    }
}

/// An open high or major risk turns its task yellow, unless turned off.
#[component]
fn HighRiskRule() -> impl IntoView {
    use crate::app::i18n::m_leader as ml;
    view! {
        <SettingToggle id="high-risk-rule" heading=ml::HIGH_RISK_RULE hint=ml::HIGH_RISK_HINT label=ml::HIGH_RISK_YELLOW
            get=|s| s.high_risk_yellow set=|s, v| Settings { high_risk_yellow: v, ..s } />
    }
}

/// Whether the appraisal judges an approved extension by the new date
/// (the default) or by the original one.
#[component]
fn ExtensionRule() -> impl IntoView {
    use crate::app::i18n::m_workflow as mw;
    view! {
        <SettingToggle id="extension-rule" heading=mw::EXTENSION_RULE hint=mw::EXTENSION_RULE_HINT label=mw::EXTENSION_KEEPS_ORIGINAL
            get=|s| s.extension_keeps_original_due set=|s, v| Settings { extension_keeps_original_due: v, ..s } />
    }
}

/// A unit's view of the plan's details: the values, marked as the office's.
#[component]
fn PlanDetailsReadOnly() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let row = move |label: Msg, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! { <dt>{st.tr(label)}</dt><dd>{value}</dd> }
    };
    let unset = move || lang.get().t(mp::NO_ISSUING_UNIT).to_string();
    view! {
        <p class="note" role="note"><strong>{st.tr(m_owner::SET_BY_OFFICE)}</strong></p>
        <dl class="read-only">
            {row(mp::TITLE_ZH, Box::new(move || st.plan.with(|p| p.title.zh.clone())))}
            {row(mp::TITLE_EN, Box::new(move || st.plan.with(|p| p.title.en.clone())))}
            {row(mp::YEAR, Box::new(move || st.plan.with(|p| p.year.to_string())))}
            {row(mp::KICKOFF, Box::new(move || st.plan.with(|p| p.kickoff.to_string())))}
            {row(mp::ISSUING_UNIT, Box::new(move || st.plan.with(|p| {
                p.issuing_unit.and_then(|u| p.unit(u)).map(|u| u.name.get(lang.get()).to_string()).unwrap_or_else(unset)
            })))}
            {row(mp::PLAN_DUE, Box::new(move || st.plan.with(|p| p.settings.plan_due_days.to_string())))}
            {row(mp::PLAN_DUE_ON, Box::new(move || st.plan.with(|p| p.plan_due().to_string())))}
        </dl>
    }
}

/// A three-way save's outcome on a settings form: saved, or its errors
/// shown (a clash shows its own choices, no error).
fn settle(errors: RwSignal<Vec<String>>, l: crate::domain::Lang, r: Result<Saved, crate::domain::edit::EditError>) -> bool {
    match r {
        Ok(Saved::Done) => show_outcome(errors, m::FIX_THESE, l, Ok(())),
        Ok(Saved::Choose) => {
            errors.set(vec![]);
            false
        }
        Err(e) => show_outcome(errors, m::FIX_THESE, l, Err(e)),
    }
}
