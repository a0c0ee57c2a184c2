//! A key action's group in the table: its own row, then its tasks.

use super::light_badge::LightBadge;
use super::row_buttons::{RowButtons, SetByOffice};
use super::task_row::TaskRow;
use crate::app::i18n::{m, Tr};
use crate::app::pages::table::Editing;
use crate::app::state::use_state;
use crate::domain::filter::ActionRows as Rows;
use crate::domain::ownership::{Act, RecordKind};
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
    let leaders = move || action.with(|a| a.as_ref().map(|a| st.plan.with(|p| p.person_names(&a.leaders, lang.get()))).unwrap_or_default());
    let units =
        move || action.with(|a| a.as_ref().map(|a| st.plan.with(|p| p.unit_names(&a.leading_units, lang.get()))).unwrap_or_default());
    let light =
        Signal::derive(move || st.plan.with(|p| st.lights.with(|l| p.action(id).map(|_| p.action_light_with(id, l)))).unwrap_or_default());
    let what = Signal::derive(move || format!("{} {number}", lang.get().t(m::ACTION_FORM)));
    let add_task_name = move || format!("{} {}", lang.get().t(m::ADD_TASK), what.get());
    view! {
        <tbody class="action-group">
            <tr class="action-row">
                <td class="num">{number}</td>
                <th scope="row" class="title">{title}</th>
                <td>{leaders}</td>
                <td>{units}</td>
                <td colspan="3"></td>
                <td class="status"><LightBadge assessment=light /></td>
                <Show when=move || st.may(RecordKind::Action, None, None, Act::Change("title")) fallback=|| view! { <SetByOffice /> }>
                    <RowButtons
                        what
                        on_edit=Callback::new(move |_| editing.set(Some(Editing::Action(id))))
                        on_move=Callback::new(move |dir| { let _ = st.edit(|p, s| p.move_action(id, dir, s)); })
                        confirm_delete=m::CONFIRM_DELETE_ACTION
                        on_delete=Callback::new(move |_| { let _ = st.edit(|p, s| p.delete_action(id, s)); })
                    >
                        <button type="button" on:click=move |_| editing.set(Some(Editing::NewTask(id))) aria-label=add_task_name>{st.tr(m::ADD_TASK)}</button>
                    </RowButtons>
                </Show>
            </tr>
            <For each=move || tasks.get() key=|t| t.clone() children=move |(id, number)| view! { <TaskRow id number /> } />
        </tbody>
    }
}
