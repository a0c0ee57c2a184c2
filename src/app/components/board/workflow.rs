//! The board's workflow lists: leaders' instructions not yet answered, with
//! their age, and the requests awaiting the office's ruling.

use crate::app::i18n::{m, m_leader as ml, m_workflow as mw, Tr};
use crate::app::state::use_state;
use crate::domain::board::Extras;
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many items a board list shows before "… and N more".
const SHOWN: usize = 5;

#[component]
pub fn BoardWorkflow(
    /// The board's extras.
    extras: Memo<Extras>,
    /// A task's sheet.
    sheet: Callback<Id, String>,
    /// "1.2 title" of a task.
    task_label: Callback<Id, String>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let more = move |rest: usize| {
        (rest > 0).then(
            || view! { <li class="more">{move || format!("{} {rest} {}", lang.get().t(ml::AND_MORE), lang.get().t(m::TASKS_WORD))}</li> },
        )
    };
    let instructions = move || {
        let l = lang.get();
        let list = extras.with(|e| e.instructions.clone());
        let rest = list.len().saturating_sub(SHOWN);
        let rows = list
            .into_iter()
            .take(SHOWN)
            .filter_map(|o| {
                let (leader, text, given) = st.plan.with(|p| {
                    let i = p.instruction(o.id)?;
                    Some((p.person(i.leader).map(|x| x.name.get(l).to_string()).unwrap_or_default(), i.text.clone(), i.given_on))
                })?;
                let age = format!("{} {}", o.age_days, l.t(mw::AGE));
                Some(view! {
                    <li class:overdue=o.overdue>
                        <span class="date">{given.to_string()}</span> " · " {leader} " · " <A href=sheet.run(o.task)>{task_label.run(o.task)}</A>
                        " · " {text} " · " <strong>{age}</strong>
                    </li>
                })
            })
            .collect_view();
        (rows, more(rest))
    };
    let awaiting = move || {
        let l = lang.get();
        let list = extras.with(|e| e.awaiting.clone());
        let rest = list.len().saturating_sub(SHOWN);
        let rows = list
            .into_iter()
            .take(SHOWN)
            .filter_map(|id| {
                let (task, date, what) = st.plan.with(|p| {
                    let q = p.requests().into_iter().find(|q| q.report.id == id)?;
                    Some((q.report.task, q.report.date, mw::request_text(l, p, &q)))
                })?;
                Some(view! { <li><span class="date">{date.to_string()}</span> " · " <A href=sheet.run(task)>{task_label.run(task)}</A> " · " {what}</li> })
            })
            .collect_view();
        (rows, more(rest))
    };
    view! {
        <section class="board-section" aria-labelledby="instructions-board-heading">
            <h3 id="instructions-board-heading">{st.tr(mw::OPEN_INSTRUCTIONS)} " " <span class="hint">{move || extras.with(|e| e.instructions.len())}</span></h3>
            <Show when=move || extras.with(|e| !e.instructions.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mw::NO_OPEN_INSTRUCTIONS)}</p> }>
                <ul>{instructions}</ul>
            </Show>
        </section>
        <section class="board-section" aria-labelledby="awaiting-heading">
            <h3 id="awaiting-heading">{st.tr(mw::AWAITING)} " " <span class="hint">{move || extras.with(|e| e.awaiting.len())}</span></h3>
            <Show when=move || extras.with(|e| !e.awaiting.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mw::NO_AWAITING)}</p> }>
                <ul>{awaiting}</ul>
            </Show>
        </section>
    }
}
