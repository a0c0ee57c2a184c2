//! The form that appends a progress report: from the responsible unit or a
//! co-organizer, with milestones completed, target readings and problems.

use crate::app::components::form_parts::{parse_date, parse_number, show_outcome, FormErrors};
use crate::app::components::picker::Picker;
use crate::app::components::unit_checklist::Checklist;
use crate::app::i18n::{m, Tr};
use crate::app::state::use_state;
use crate::domain::plan::live;
use crate::domain::task_edit::ReportDraft;
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
                        .filter_map(|u| p.unit(*u))
                        .map(|u| (u.id, u.name.get(l).to_string()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let open_milestones = Signal::derive(move || {
        st.plan.with(|p| {
            let l = lang.get();
            p.task(task)
                .map(|t| {
                    live(&t.milestones)
                        .filter(|x| p.milestone_done_on(t, x, st.today.get()).is_none())
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
    let unit = RwSignal::new(st.plan.with_untracked(|p| p.task(task).and_then(|t| t.lead_unit())));
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
    let errors = RwSignal::new(Vec::<String>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let (Some(u), Some(d)) = (unit.get_untracked(), parse_date(&date.get_untracked())) else {
            errors.set(vec![l.t(m::FIX_THESE).into(), format!("{} / {}", l.t(m::REPORTING_UNIT), l.t(m::REPORT_DATE))]);
            return;
        };
        // A report speaks of what has happened: not of a day still to come.
        if d > st.today.get_untracked() {
            errors.set(vec![l.t(m::FIX_THESE).into(), format!("{} {d} > {}", l.t(m::REPORT_IN_FUTURE), st.today.get_untracked())]);
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
        };
        if show_outcome(errors, m::FIX_THESE, l, st.edit(|p, s| p.record_report(draft, s).map(|_| ()))) {
            [narrative, progress, problems, help].iter().for_each(|s| s.set(String::new()));
            done.set(vec![]);
            readings.set(vec![]);
        }
    };
    view! {
        <form class="form report-form no-print" on:submit=submit aria-labelledby="report-form-heading">
            <h4 id="report-form-heading">{st.tr(m::ADD_REPORT)}</h4>
            <p class="hint">{st.tr(m::APPEND_ONLY)}</p>
            <div class="form-row">
                <label>{st.tr(m::REPORT_DATE)}<input type="date" bind:value=date /></label>
                <Picker label=m::REPORTING_UNIT options=units value=unit.into() on_change=Callback::new(move |v| unit.set(v)) />
                <label>{st.tr(m::PROGRESS_PCT)}<input type="number" min="0" max="100" step="any" bind:value=progress /></label>
            </div>
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
            <label>{st.tr(m::PROBLEMS_RAISED)}<textarea rows="2" bind:value=problems></textarea></label>
            <label>{st.tr(m::HELP)}<input type="text" bind:value=help /></label>
            <FormErrors errors />
            <div class="form-buttons"><button type="submit" class="primary">{st.tr(m::ADD_REPORT)}</button></div>
        </form>
    }
}
