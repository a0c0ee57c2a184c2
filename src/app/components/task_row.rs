//! One task's row in the responsibility table.

use super::light_badge::LightBadge;
use super::row_buttons::{RowButtons, SetByOffice};
use crate::app::i18n::{m, Tr};
use crate::app::pages::table::Editing;
use crate::app::state::use_state;
use crate::domain::ownership::{Act, RecordKind};
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TaskRow(
    /// The task shown.
    id: Id,
    /// Its number, e.g. "9.2".
    number: String,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let editing = expect_context::<RwSignal<Option<Editing>>>();
    // What the row shows, as text: one memo per row, found through the
    // shared index (not a scan of every task), so an edit elsewhere costs
    // this row a lookup and a comparison, and no DOM work.
    let cells = Memo::new(move |_| {
        st.plan.with(|p| {
            let l = lang.get();
            let t = st.task_index.with(|ix| ix.get(&id).and_then(|i| p.tasks.get(*i)))?;
            Some([
                t.title.get(l).to_string(),
                p.unit_names(&t.responsible, l),
                p.unit_names(&t.co_organizers, l),
                t.due.map(|d| d.to_string()).unwrap_or_default(),
                t.person.and_then(|x| p.person(x)).map(|x| x.name.get(l).to_string()).unwrap_or_default(),
            ])
        })
    });
    let cell = move |i: usize| move || cells.with(|c| c.as_ref().map(|c| c[i].clone()).unwrap_or_default());
    let (title, responsible, co, due, person) = (cell(0), cell(1), cell(2), cell(3), cell(4));
    let light = Signal::derive(move || st.lights.with(|l| l.get(&id).cloned()).unwrap_or_default());
    let query = leptos_router::hooks::use_query_map();
    let href = move || crate::app::url::with_lang(&format!("/task/{id}"), query.with(|q| q.get("lang")));
    let num = number.clone();
    let what = Signal::derive(move || format!("{} {num}", lang.get().t(m::TASK_FORM)));
    view! {
        <tr class="task-row">
            <td class="num">{number.clone()}</td>
            <td class="title"><A href=href>{title}</A></td>
            <td></td>
            <td></td>
            <td>
                {responsible}
                <Show when=move || !person().is_empty()>
                    <span class="person">" · " {person}</span>
                </Show>
            </td>
            <td>{co}</td>
            <td class="date">{due}</td>
            <td class="status"><LightBadge assessment=light /></td>
            <Show when=move || st.may(RecordKind::Task, Some(id), None, Act::Change("title")) fallback=|| view! { <SetByOffice /> }>
                <RowButtons
                    what
                    on_edit=Callback::new(move |_| editing.set(Some(Editing::Task(id))))
                    on_move=Callback::new(move |dir| { let _ = st.edit(|p, s| p.move_task(id, dir, s)); })
                    confirm_delete=m::CONFIRM_DELETE_TASK
                    on_delete=Callback::new(move |_| { let _ = st.edit(|p, s| p.delete_task(id, s)); })
                />
            </Show>
        </tr>
    }
}
