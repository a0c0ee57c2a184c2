//! One task, one form (一任务一表): the task's sheet at its own URL, with
//! its light and reasons, plan, schedule, targets, reports, problems and
//! risks. Prints on one A4 page.

use crate::app::components::light_badge::LightBadge;
use crate::app::components::sheet::{instructions_section::InstructionsSection, requests_section::RequestsSection};
use crate::app::components::sheet::{
    plan_section::PlanSection, problems_section::ProblemsSection, reports_section::ReportsSection, risks_section::RisksSection,
    schedule_section::ScheduleSection, targets_section::TargetsSection,
};
use crate::app::components::trail_list::TrailList;
use crate::app::i18n::m;
use crate::app::i18n::Tr;
use crate::app::state::use_state;
use crate::app::url::with_lang;
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SheetPage() -> impl IntoView {
    let st = use_state();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|s| Id::parse(&s)));
    let exists = Memo::new(move |_| id.get().is_some_and(|id| st.plan.with(|p| p.task(id).is_some())));
    view! {
        <Show when=move || exists.get() fallback=move || view! { <p class="empty">{st.tr(m::NO_SUCH_TASK)}</p> }>
            {move || id.get().map(|task| view! { <Sheet task /> })}
        </Show>
    }
}

#[component]
fn Sheet(
    /// The task shown.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let head = Memo::new(move |_| {
        st.plan.with(|p| {
            let l = lang.get();
            let t = p.task(task)?;
            let action =
                p.action(t.action).map(|a| format!("{} {}", p.action_number(a.id).unwrap_or(0), a.title.get(l))).unwrap_or_default();
            let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
            Some(vec![
                p.task_number(task).unwrap_or_default(),
                t.title.get(l).to_string(),
                action,
                p.unit_names(&t.responsible, l),
                p.unit_names(&t.co_organizers, l),
                p.person_names(&t.person.into_iter().collect::<Vec<_>>(), l),
                format!("{} → {}", date(t.start), crate::app::i18n::m_workflow::due_text(l, p, task, None, t.due)),
                p.task_progress(t, st.today.get())
                    .map(|v| format!("{} %", crate::domain::numbers::fixed(v, 0)))
                    .unwrap_or_else(|| "—".into()),
            ])
        })
    });
    // The header's facts, in the order of the vector above.
    let field = move |i: usize| move || head.with(|h| h.as_ref().and_then(|h| h.get(i).cloned()).unwrap_or_default());
    let light = Signal::derive(move || st.lights.with(|l| l.get(&task).cloned()).unwrap_or_default());
    let back = move || with_lang("/table", query.with(|q| q.get("lang")));
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <article class="sheet" aria-labelledby="sheet-title">
            <header class="sheet-head">
                <p class="sheet-kicker">{st.tr(m::SHEET)} " · " {field(2)}</p>
                <h2 id="sheet-title"><span class="num">{field(0)}</span> " " {field(1)}</h2>
                <dl class="facts">
                    <div><dt>{st.tr(m::COL_RESPONSIBLE)}</dt><dd>{field(3)}</dd></div>
                    <div><dt>{st.tr(m::COL_CO)}</dt><dd>{field(4)}</dd></div>
                    <div><dt>{st.tr(m::PERSON)}</dt><dd>{field(5)}</dd></div>
                    <div><dt>{st.tr(m::START)} " → " {st.tr(m::DUE)}</dt><dd>{field(6)}</dd></div>
                    <div><dt>{st.tr(m::PROGRESS)}</dt><dd>{field(7)}</dd></div>
                    <div><dt>{st.tr(m::COL_LIGHT)} " (" {move || st.today.get().to_string()} ")"</dt><dd class="sheet-light"><LightBadge assessment=light all_reasons=true /></dd></div>
                </dl>
                <div class="sheet-tools no-print">
                    <A href=back>{st.tr(m::BACK_TO_TABLE)}</A>
                    <button type="button" on:click=print>{st.tr(m::PRINT)}</button>
                </div>
            </header>
            <PlanSection task />
            <ScheduleSection task />
            <TargetsSection task />
            <ReportsSection task />
            <ProblemsSection task />
            <RisksSection task />
            <RequestsSection task />
            <InstructionsSection task />
            <section class="sheet-section no-print" aria-labelledby="trail-heading">
                <h3 id="trail-heading">{st.tr(m::TRAIL)}</h3>
                <TrailList keep=Callback::new(move |e: crate::domain::TrailEntry| e.task == Some(task)) caption=Signal::derive(move || st.lang.get().t(m::TRAIL).to_string()) />
            </section>
        </article>
    }
}
