//! The responsibility table: key actions with their tasks nested under
//! them, filtered by what the URL says, edited through dialogs.

use crate::app::components::action_form::ActionForm;
use crate::app::components::action_rows::ActionRows;
use crate::app::components::filter_bar::FilterBar;
use crate::app::components::task_form::TaskForm;
use crate::app::i18n::m;
use crate::app::spreadsheet::SheetExports;
use crate::app::state::use_state;
use crate::domain::file_name::{file_name, FileKind};
use crate::domain::filter::{first_rows, TableFilter};
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Task rows rendered at first, and added per frame after.
const FIRST_ROWS: usize = 60;
const MORE_ROWS: usize = 150;

/// What the table's dialog is editing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Editing {
    NewAction,
    Action(Id),
    NewTask(Id),
    Task(Id),
}

#[component]
pub fn TablePage() -> impl IntoView {
    let st = use_state();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| TableFilter::from_query(|k| q.get(k))));
    let rows = Memo::new(move |_| st.plan.with(|p| p.table(&filter.get(), st.today.get())));
    let shown = Memo::new(move |_| rows.with(|r| r.iter().map(|g| g.tasks.len()).sum::<usize>()));
    let total = Memo::new(move |_| st.plan.with(|p| crate::domain::plan::live(&p.tasks).count()));
    // A thousand rows take a while to build: the first screenful is shown at
    // once and the rest follows a slice per painted frame. A new filter
    // starts again from the first screenful; printing shows every row.
    let limit = RwSignal::new(FIRST_ROWS);
    let visible = Memo::new(move |_| rows.with(|r| first_rows(r, limit.get())));
    Effect::new(move |was: Option<TableFilter>| {
        let f = filter.get();
        if was.is_some_and(|w| w != f) {
            limit.set(FIRST_ROWS);
        }
        f
    });
    Effect::new(move |_| {
        if limit.get() < shown.get() {
            leptos::task::spawn_local(async move {
                crate::app::exchange::after_paint().await;
                limit.try_update(|l| *l += MORE_ROWS);
            });
        }
    });
    let print = window_event_listener(leptos::ev::beforeprint, move |_| limit.set(usize::MAX));
    on_cleanup(move || print.remove());
    let editing = RwSignal::new(None::<Editing>);
    provide_context(editing);
    let done = Callback::new(move |_| editing.set(None));

    view! {
        <section class="table-page" aria-labelledby="table-heading">
            <h2 id="table-heading" class="visually-hidden">{st.tr(m::NAV_TABLE)}</h2>
            <FilterBar filter />
            <div class="toolbar">
                <p role="status" class="count">{st.tr(m::SHOWING)} ": " <strong data-testid="shown">{shown}</strong> " / " {total}</p>
                <Show when=move || st.may(crate::domain::ownership::RecordKind::Action, None, None, crate::domain::ownership::Act::Add)>
                    <button type="button" class="primary" on:click=move |_| editing.set(Some(Editing::NewAction))>{st.tr(m::ADD_ACTION)}</button>
                </Show>
                <SheetExports make=Callback::new(move |_| st.plan.with_untracked(|p| p.table_sheet(&filter.get_untracked(), st.today.get_untracked(), st.lang.get_untracked()))) name=Callback::new(move |ext| st.plan.with_untracked(|p| file_name(p, FileKind::Table, None, st.lang.get_untracked(), ext))) />
            </div>
            <div class="table-wrap">
                <table class="resp-table">
                    <caption class="visually-hidden">{st.tr(m::NAV_TABLE)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{st.tr(m::COL_NO)}</th>
                            <th scope="col">{st.tr(m::COL_TASK)}</th>
                            <th scope="col">{st.tr(m::COL_LEADER)}</th>
                            <th scope="col">{st.tr(m::COL_LEAD_UNIT)}</th>
                            <th scope="col">{st.tr(m::COL_RESPONSIBLE)}</th>
                            <th scope="col">{st.tr(m::COL_CO)}</th>
                            <th scope="col">{st.tr(m::COL_DUE)}</th>
                            <th scope="col">{st.tr(m::COL_LIGHT)}</th>
                            <th scope="col">{st.tr(m::COL_ACTIONS)}</th>
                        </tr>
                    </thead>
                    <For each=move || visible.get() key=|g| (g.action, g.number) children=move |g| view! { <ActionRows id=g.action number=g.number rows=visible /> } />
                </table>
            </div>
            <Show when=move || rows.with(|r| r.is_empty())>
                <p class="empty">{move || if filter.with(|f| f.is_empty()) { st.tr(m::NO_ACTIONS)() } else { st.tr(m::NOTHING_MATCHES)() }}</p>
            </Show>
            {move || editing.get().map(|e| match e {
                Editing::NewAction => view! { <ActionForm id=None on_done=done /> }.into_any(),
                Editing::Action(id) => view! { <ActionForm id=Some(id) on_done=done /> }.into_any(),
                Editing::NewTask(action) => view! { <TaskForm id=None action on_done=done /> }.into_any(),
                Editing::Task(id) => {
                    let action = st.plan.with_untracked(|p| p.task(id).map(|t| t.action)).unwrap_or(id);
                    view! { <TaskForm id=Some(id) action on_done=done /> }.into_any()
                }
            })}
        </section>
    }
}
