//! The form that appends a progress report: from the responsible unit or a
//! co-organizer, with milestones completed, target readings and problems.

use super::reports_section::Correcting;
use super::targets_section::number;
use crate::app::components::form_parts::{parse_date, parse_number, FormErrors};
use crate::app::components::picker::Picker;
use crate::app::components::unit_checklist::Checklist;
use crate::app::i18n::{m, m_input as mi, m_owner as mo, refusal, Tr};
use crate::app::state::use_state;
use crate::domain::edit::EditError;
use crate::domain::plan::live;
use crate::domain::task_edit::ReportDraft;
use crate::domain::validate::Invalid;
use crate::domain::{Id, Reading};
use leptos::prelude::*;

#[component]
pub fn ReportForm(
    /// The task reported on.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let units = Signal::derive(move || {
        st.plan.with(|p| {
            let l = lang.get();
            p.task(task)
                .map(|t| {
                    t.responsible
                        .iter()
                        .chain(&t.co_organizers)
                        // A unit reports for itself; the office for any of them.
                        .filter(|u| st.me.with(|me| me.is_none_or(|me| me == **u)))
                        .filter_map(|u| p.unit(*u))
                        .map(|u| (u.id, u.name.get(l).to_string()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // The report being corrected, if any (the reports list's "Correct").
    let correcting = use_context::<Correcting>().map(|c| c.0).unwrap_or_else(|| RwSignal::new(None));
    let corrected = Memo::new(move |_| correcting.get().and_then(|id| st.plan.with(|p| p.reports.iter().find(|r| r.id == id).cloned())));
    let open_milestones = Signal::derive(move || {
        let again = corrected.with(|c| c.as_ref().map(|r| r.milestones_done.clone()).unwrap_or_default());
        st.plan.with(|p| {
            let l = lang.get();
            p.task(task)
                .map(|t| {
                    live(&t.milestones)
                        .filter(|x| again.contains(&x.id) || p.milestone_done_on(t, x, st.today.get()).is_none())
                        .map(|x| (x.id, x.title.get(l).to_string()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let targets = Memo::new(move |_| {
        st.plan.with(|p| {
            p.task(task)
                .map(|t| live(&t.targets).map(|x| (x.id, format!("{} ({})", x.name.get(lang.get()), x.measure))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let me = st.me.get_untracked();
    let unit = RwSignal::new(me.or_else(|| st.plan.with_untracked(|p| p.task(task).and_then(|t| t.lead_unit()))));
    let date = RwSignal::new(st.today.get_untracked().to_string());
    let (narrative, progress, problems, help) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let done = RwSignal::new(Vec::<Id>::new());
    let readings = RwSignal::new(Vec::<(Id, String)>::new());
    let reading = move |target: Id| readings.with(|r| r.iter().find(|(t, _)| *t == target).map(|(_, v)| v.clone()).unwrap_or_default());
    let set_reading = move |target: Id, v: String| {
        readings.update(|r| {
            r.retain(|(t, _)| *t != target);
            r.push((target, v));
        })
    };
    let reason = RwSignal::new(String::new());
    // A new report starts from the unit's last one (减负): only what
    // changed is typed; its open problems are listed, not asked again.
    let start = Memo::new(move |_| {
        let (u, d) = (unit.get()?, parse_date(&date.get())?);
        Some(st.plan.with(|p| p.report_start(task, u, d)))
    });
    Effect::new(move |_| {
        if corrected.with(Option::is_some) {
            return;
        }
        let Some(s) = start.get() else { return };
        progress.set(s.progress.map(number).unwrap_or_default());
        readings.set(s.readings.iter().map(|x| (x.target, number(x.value))).collect());
    });
    let still_open = Memo::new(move |_| {
        let ids = start.with(|s| s.as_ref().map(|s| s.open_problems.clone()).unwrap_or_default());
        st.plan.with(|p| {
            ids.iter()
                .filter_map(|id| p.problems.iter().find(|x| x.id == *id))
                .map(|x| format!("{} {}", x.raised_on, x.description))
                .collect::<Vec<_>>()
        })
    });
    // Correcting a report starts from what it said.
    let heading = NodeRef::<leptos::html::H4>::new();
    Effect::new(move |_| {
        let Some(r) = corrected.get() else { return };
        date.set(r.date.to_string());
        unit.set(Some(r.unit));
        progress.set(r.progress.map(number).unwrap_or_default());
        narrative.set(r.narrative.clone());
        help.set(r.help_requested.clone());
        done.set(r.milestones_done.clone());
        readings.set(r.readings.iter().map(|x| (x.target, number(x.value))).collect());
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                h.scroll_into_view();
                let _ = h.focus();
            }
        });
    });
    // The unit's last progress on this task up to the report's date: a lower
    // figure asks for a reason (the domain refuses it without one).
    let last = Memo::new(move |_| {
        let (u, d) = (unit.get()?, parse_date(&date.get())?);
        st.plan.with(|p| p.last_progress(task, u, d))
    });
    let lower = Memo::new(move |_| matches!((parse_number(&progress.get()), last.get()), (Some(v), Some((l, _))) if v < l));
    let errors = RwSignal::new(Vec::<String>::new());
    // Where the person is looking when the form refuses: the message beside
    // the button, or the reason field when that is what is missing.
    let message = NodeRef::<leptos::html::Div>::new();
    let reason_field = NodeRef::<leptos::html::Textarea>::new();
    let refuse = move |lines: Vec<String>, to_reason: bool| {
        errors.set(lines);
        request_animation_frame(move || {
            let focused = to_reason && reason_field.get_untracked().map(|f| f.focus().is_ok()).unwrap_or(false);
            if !focused {
                if let Some(el) = message.get_untracked() {
                    let _ = el.focus();
                }
            }
        });
    };
    let no_change = move |_| {
        let l = lang.get_untracked();
        let (Some(u), Some(d)) = (unit.get_untracked(), parse_date(&date.get_untracked())) else {
            refuse(vec![l.t(m::FIX_THESE).into(), format!("{} / {}", l.t(m::REPORTING_UNIT), l.t(m::REPORT_DATE))], false);
            return;
        };
        match st.edit(|p, s| p.record_no_change(task, u, d, s)) {
            Ok(_) => errors.set(vec![]),
            Err(e) => refuse(refusal(l, m::FIX_THESE, &e), false),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let (Some(u), Some(d)) = (unit.get_untracked(), parse_date(&date.get_untracked())) else {
            refuse(vec![l.t(m::FIX_THESE).into(), format!("{} / {}", l.t(m::REPORTING_UNIT), l.t(m::REPORT_DATE))], false);
            return;
        };
        // A report speaks of what has happened: not of a day still to come.
        if d > st.today.get_untracked() {
            refuse(vec![l.t(m::FIX_THESE).into(), format!("{} {d} > {}", l.t(m::REPORT_IN_FUTURE), st.today.get_untracked())], false);
            return;
        }
        let draft = ReportDraft {
            task,
            unit: u,
            date: d,
            narrative: narrative.get_untracked().trim().into(),
            progress: parse_number(&progress.get_untracked()),
            milestones_done: done.get_untracked(),
            readings: readings
                .get_untracked()
                .into_iter()
                .filter_map(|(t, v)| parse_number(&v).map(|value| Reading { target: t, value }))
                .collect(),
            problems: problems.get_untracked().lines().map(String::from).collect(),
            help_requested: help.get_untracked().trim().into(),
            progress_reason: if lower.get_untracked() { reason.get_untracked().trim().into() } else { String::new() },
        };
        let recorded = match correcting.get_untracked() {
            Some(old) => st.edit(|p, s| p.correct_report(old, draft, s)),
            None => st.edit(|p, s| p.record_report(draft, s)),
        };
        match recorded {
            Ok(_) => {
                correcting.set(None);
                errors.set(vec![]);
                [narrative, progress, problems, help, reason].iter().for_each(|s| s.set(String::new()));
                done.set(vec![]);
                readings.set(vec![]);
            }
            Err(e) => {
                let to_reason =
                    matches!(&e, EditError::Invalid(v) if v.iter().any(|i| matches!(i, Invalid::ProgressDropNeedsReason { .. })));
                refuse(refusal(l, m::FIX_THESE, &e), to_reason);
            }
        }
    };
    view! {
        <form class="form report-form no-print" on:submit=submit aria-labelledby="report-form-heading">
            <h4 id="report-form-heading" tabindex="-1" node_ref=heading>
                {move || match corrected.get() {
                    Some(r) => mo::correcting(lang.get(), &r.date.to_string()),
                    None => lang.get().t(m::ADD_REPORT).to_string(),
                }}
            </h4>
            <Show when=move || corrected.with(Option::is_some)>
                <p class="hint">{st.tr(mo::CORRECT_HINT)} " "
                    <button type="button" on:click=move |_| correcting.set(None)>{st.tr(mo::CANCEL_CORRECTION)}</button>
                </p>
            </Show>
            <p class="hint">{st.tr(m::APPEND_ONLY)}</p>
            <Show when=move || corrected.with(Option::is_none) && start.with(|s| s.as_ref().is_some_and(|s| s.progress.is_some() || !s.readings.is_empty()))>
                <p class="hint starts-from-last">{st.tr(crate::app::i18n::m_workflow::STARTS_FROM_LAST)}</p>
            </Show>
            <div class="form-row">
                <label>{st.tr(m::REPORT_DATE)}<input type="date" bind:value=date /></label>
                <Picker label=m::REPORTING_UNIT options=units value=unit.into() on_change=Callback::new(move |v| unit.set(v)) />
                <label>{st.tr(m::PROGRESS_PCT)}<input type="number" min="0" max="100" step="any" bind:value=progress /></label>
            </div>
            <Show when=move || lower.get()>
                <div class="progress-reason">
                    <p class="hint" id="progress-reason-hint">
                        {move || last.get().map(|(v, on)| mi::last_progress(lang.get(), &number(v), on)).unwrap_or_default()}
                    </p>
                    <label>
                        {st.tr(mi::PROGRESS_REASON)}
                        <textarea rows="2" aria-required="true" aria-describedby="progress-reason-hint" node_ref=reason_field bind:value=reason></textarea>
                    </label>
                </div>
            </Show>
            <label>{st.tr(m::NARRATIVE)}<textarea rows="3" bind:value=narrative></textarea></label>
            <Show when=move || open_milestones.with(|v| !v.is_empty())>
                <Checklist legend=m::MILESTONES_DONE options=open_milestones selected=done />
            </Show>
            <Show when=move || targets.with(|v| !v.is_empty())>
                <fieldset class="readings">
                    <legend>{st.tr(m::READINGS)}</legend>
                    <For each=move || targets.get() key=|t| t.clone() children=move |(id, name)| view! {
                        <label>{name}<input type="number" step="any" prop:value=move || reading(id) on:input=move |ev| set_reading(id, event_target_value(&ev)) /></label>
                    } />
                </fieldset>
            </Show>
            <Show when=move || still_open.with(|v| !v.is_empty())>
                <div class="still-open">
                    <p class="hint">{st.tr(crate::app::i18n::m_workflow::STILL_OPEN)}</p>
                    <ul>{move || still_open.get().into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <label>{st.tr(m::PROBLEMS_RAISED)}<textarea rows="2" bind:value=problems></textarea></label>
            <label>{st.tr(m::HELP)}<input type="text" bind:value=help /></label>
            <div class="form-message" tabindex="-1" node_ref=message><FormErrors errors /></div>
            <div class="form-buttons">
                <button type="submit" class="primary">{move || lang.get().t(if corrected.with(Option::is_some) { mo::SAVE_CORRECTION } else { m::ADD_REPORT })}</button>
                <Show when=move || corrected.with(Option::is_none)>
                    <button type="button" class="no-change" aria-describedby="no-change-hint" on:click=no_change>{st.tr(crate::app::i18n::m_workflow::NO_CHANGE)}</button>
                    <span class="hint" id="no-change-hint">{st.tr(crate::app::i18n::m_workflow::NO_CHANGE_HINT)}</span>
                </Show>
            </div>
        </form>
    }
}
