//! The task's progress reports, newest first, and the form to add one.

use super::report_form::ReportForm;
use super::section::{SheetSection, SheetTable};
use super::targets_section::number;
use crate::app::i18n::{m, m_input as mi, m_owner as mo};
use crate::app::state::use_state;
use crate::domain::ownership::{Act, RecordKind};
use crate::domain::plan::live;
use crate::domain::Id;
use leptos::prelude::*;

/// The report being corrected on this sheet, shared by the list's buttons
/// and the report form.
#[derive(Clone, Copy)]
pub struct Correcting(pub RwSignal<Option<Id>>);

/// One report as shown.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: Id,
    date: String,
    unit: String,
    progress: String,
    narrative: String,
    done: String,
    readings: String,
    help: String,
    /// Why the progress is lower than the unit's last.
    why: String,
    /// How it stands: corrected, withdrawn, a correction or withdrawal of
    /// another; empty when it simply counts.
    standing: String,
    /// It still counts, and this browser may correct or withdraw it.
    correctable: bool,
}

#[component]
pub fn ReportsSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let correcting = RwSignal::new(None::<Id>);
    provide_context(Correcting(correcting));
    let rows = Memo::new(move |_| {
        let today = st.today.get();
        st.plan.with(|p| {
            let l = lang.get();
            let Some(t) = p.task(task) else { return vec![] };
            // Every report on record, the corrected and withdrawn ones too.
            let mut all: Vec<&crate::domain::Report> = live(&p.reports).filter(|r| r.task == task && r.date <= today).collect();
            // A correction or withdrawal comes after what it supersedes, on the same day too.
            crate::domain::numbers::sort_by(&mut all, |r| (r.date, r.supersedes.is_some()));
            let date_of = |id: Id| p.reports.iter().find(|r| r.id == id).map(|r| r.date.to_string()).unwrap_or_default();
            all.into_iter()
                .rev()
                .map(|r| {
                    let unit = p.unit(r.unit).map(|u| u.name.get(l).to_string()).unwrap_or_default();
                    let done = r
                        .milestones_done
                        .iter()
                        .filter_map(|id| t.milestones.iter().find(|x| x.id == *id))
                        .map(|x| x.title.get(l).to_string())
                        .collect::<Vec<_>>()
                        .join("、");
                    let readings = r
                        .readings
                        .iter()
                        .filter_map(|x| {
                            t.targets
                                .iter()
                                .find(|y| y.id == x.target)
                                .map(|y| format!("{}: {} {}", y.name.get(l), number(x.value), y.measure))
                        })
                        .collect::<Vec<_>>()
                        .join("；");
                    let progress = r.progress.map(|v| format!("{} %", number(v))).unwrap_or_default();
                    let later = p.superseded_by(r.id);
                    let standing = match (r.withdrawn, r.supersedes, later) {
                        (true, Some(old), _) => mo::standing(l, mo::WITHDRAWS, &date_of(old)),
                        (_, _, Some(w)) if w.withdrawn => mo::standing(l, mo::WITHDRAWN, &w.date.to_string()),
                        (_, _, Some(c)) => mo::standing(l, mo::CORRECTED_BY, &c.date.to_string()),
                        (false, Some(old), None) => mo::standing(l, mo::CORRECTS, &date_of(old)),
                        _ => String::new(),
                    };
                    let correctable = !r.withdrawn && later.is_none();
                    Row {
                        id: r.id,
                        date: r.date.to_string(),
                        unit,
                        progress,
                        narrative: {
                            let note = crate::app::i18n::m_workflow::report_note(l, p, r);
                            match (r.narrative.is_empty(), note.is_empty()) {
                                (_, true) => r.narrative.clone(),
                                (true, false) => note,
                                (false, false) => format!("{} ({note})", r.narrative),
                            }
                        },
                        done,
                        readings,
                        help: r.help_requested.clone(),
                        why: r.progress_reason.clone(),
                        standing,
                        correctable,
                    }
                })
                .collect::<Vec<Row>>()
        })
    });
    view! {
        <SheetSection id="reports-heading" heading=m::REPORTS>
            <SheetTable columns=vec![(m::REPORT_DATE, false), (m::REPORTING_UNIT, false), (m::PROGRESS, false), (m::NARRATIVE, false), (m::MILESTONES_DONE, false), (m::READINGS, false), (m::HELP, false), (m::COL_ACTIONS, true)] empty=Signal::derive(move || rows.with(|r| r.is_empty())) empty_text=m::NO_REPORTS>
                    <For each=move || rows.get() key=|r| (r.id, r.standing.clone(), r.correctable) children=move |r| {
                        let unit_id = st.plan.with_untracked(|p| p.reports.iter().find(|x| x.id == r.id).map(|x| x.unit));
                        let may = r.correctable && st.may(RecordKind::Report, Some(task), unit_id, Act::Add);
                        let (id, date) = (r.id, r.date.clone());
                        let (d1, d2) = (date.clone(), date.clone());
                        let withdraw = move |_| {
                            if crate::app::components::row_buttons::confirm(lang.get_untracked(), mo::WITHDRAW_CONFIRM) {
                                let on = st.today.get_untracked();
                                let _ = st.edit(|p, s| p.withdraw_report(id, on, s));
                            }
                        };
                        view! {
                            <tr class:superseded=!r.correctable>
                                <td class="date">{r.date.clone()}</td><td>{r.unit.clone()}</td>
                                <td>
                                    {r.progress.clone()}
                                    {(!r.why.is_empty()).then(|| view! { <span class="progress-why">{st.tr(mi::REASON_SHOWN)}{r.why.clone()}</span> })}
                                </td>
                                <td>
                                    {(!r.standing.is_empty()).then(|| view! { <span class="report-standing">{r.standing.clone()}</span> " " })}
                                    {r.narrative.clone()}
                                </td>
                                <td>{r.done.clone()}</td><td>{r.readings.clone()}</td><td>{r.help.clone()}</td>
                                <td class="no-print">
                                    {may.then(|| view! {
                                        <button type="button" on:click=move |_| correcting.set(Some(id)) aria-label=move || mo::correct_name(lang.get(), &d1)>{st.tr(mo::CORRECT)}</button>
                                        " "
                                        <button type="button" class="danger" on:click=withdraw aria-label=move || mo::withdraw_name(lang.get(), &d2)>{st.tr(mo::WITHDRAW)}</button>
                                    })}
                                </td>
                            </tr>
                        }
                    } />
                </SheetTable>
            <ReportForm task />
        </SheetSection>
    }
}
