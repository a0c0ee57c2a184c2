//! The task's progress reports, newest first, and the form to add one.

use super::report_form::ReportForm;
use super::section::{SheetSection, SheetTable};
use super::targets_section::number;
use crate::app::i18n::m;
use crate::app::state::use_state;
use crate::domain::Id;
use leptos::prelude::*;

/// One report as shown: (id, date, unit, progress, narrative, milestones done, readings, help).
type Row = (Id, String, String, String, String, String, String, String);

#[component]
pub fn ReportsSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let rows = Memo::new(move |_| {
        st.plan.with(|p| {
            let l = lang.get();
            let Some(t) = p.task(task) else { return vec![] };
            p.reports_of(task, st.today.get())
                .into_iter()
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
                    (r.id, r.date.to_string(), unit, progress, r.narrative.clone(), done, readings, r.help_requested.clone())
                })
                .collect::<Vec<Row>>()
        })
    });
    view! {
        <SheetSection id="reports-heading" heading=m::REPORTS>
            <SheetTable columns=vec![(m::REPORT_DATE, false), (m::REPORTING_UNIT, false), (m::PROGRESS, false), (m::NARRATIVE, false), (m::MILESTONES_DONE, false), (m::READINGS, false), (m::HELP, false)] empty=Signal::derive(move || rows.with(|r| r.is_empty())) empty_text=m::NO_REPORTS>
                    <For each=move || rows.get() key=|r| r.0 children=|(_, date, unit, progress, narrative, done, readings, help)| view! {
                            <tr>
                                <td class="date">{date}</td><td>{unit}</td><td>{progress}</td><td>{narrative}</td><td>{done}</td><td>{readings}</td><td>{help}</td>
                            </tr>
                        } />
                </SheetTable>
            <ReportForm task />
        </SheetSection>
    }
}
