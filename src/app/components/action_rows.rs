//! A key action's group in the table: its own row, then its tasks.

use super::task_row::{person_names, unit_names, TaskRow};
use crate::app::i18n::{m, Tr};
use crate::app::pages::table::Editing;
use crate::app::state::use_state;
use crate::domain::edit::Move;
use crate::domain::filter::ActionRows as Rows;
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn ActionRows(
    /// The action shown.
    id: Id,
    /// Its number, 1..n.
    number: usize,
    /// The table's rows, from which this group takes its tasks.
    rows: Memo<Vec<Rows>>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let editing = expect_context::<RwSignal<Option<Editing>>>();
    let tasks = Memo::new(move |_| rows.with(|r| r.iter().find(|g| g.action == id).map(|g| g.tasks.clone()).unwrap_or_default()));
    let action = Memo::new(move |_| st.plan.with(|p| p.action(id).cloned()));
    let title = move || action.with(|a| a.as_ref().map(|a| a.title.get(lang.get()).to_string()).unwrap_or_default());
    let leaders =
        move || action.with(|a| a.as_ref().map(|a| st.plan.with(|p| person_names(p, &a.leaders, lang.get()))).unwrap_or_default());
    let units =
        move || action.with(|a| a.as_ref().map(|a| st.plan.with(|p| unit_names(p, &a.leading_units, lang.get()))).unwrap_or_default());
    let label = move |msg| move || format!("{} {} {number}", lang.get().t(msg), lang.get().t(m::ACTION_FORM));
    let moved = move |dir| {
        move |_| {
            let _ = st.edit(|p, s| p.move_action(id, dir, s));
        }
    };
    let delete = move |_| {
        let ok =
            web_sys::window().and_then(|w| w.confirm_with_message(lang.get_untracked().t(m::CONFIRM_DELETE_ACTION)).ok()).unwrap_or(false);
        if ok {
            let _ = st.edit(|p, s| p.delete_action(id, s));
        }
    };
    view! {
        <tbody class="action-group">
            <tr class="action-row">
                <td class="num">{number}</td>
                <th scope="row" class="title">{title}</th>
                <td>{leaders}</td>
                <td>{units}</td>
                <td colspan="3"></td>
                <td class="row-buttons">
                    <button type="button" on:click=move |_| editing.set(Some(Editing::NewTask(id))) aria-label=label(m::ADD_TASK)>{st.tr(m::ADD_TASK)}</button>
                    <button type="button" on:click=move |_| editing.set(Some(Editing::Action(id))) aria-label=label(m::EDIT)>{st.tr(m::EDIT)}</button>
                    <button type="button" class="icon" on:click=moved(Move::Up) aria-label=label(m::MOVE_UP) title=label(m::MOVE_UP)>"↑"</button>
                    <button type="button" class="icon" on:click=moved(Move::Down) aria-label=label(m::MOVE_DOWN) title=label(m::MOVE_DOWN)>"↓"</button>
                    <button type="button" class="danger" on:click=delete aria-label=label(m::DELETE)>{st.tr(m::DELETE)}</button>
                </td>
            </tr>
            <For each=move || tasks.get() key=|t| t.clone() children=move |(id, number)| view! { <TaskRow id number /> } />
        </tbody>
    }
}
