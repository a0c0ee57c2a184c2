//! The buttons at the end of a table row: edit, move up, move down, delete.
//! Each is named for its row ("Edit Task 9.2") so a screen reader, and a
//! test, can tell them apart.

use crate::app::i18n::{m, Msg, Tr};
use crate::app::state::use_state;
use crate::domain::edit::Move;
use crate::domain::Lang;
use leptos::prelude::*;

/// The cell shown instead of the buttons on a row this browser may not
/// change: what the unit sees on the office's records.
#[component]
pub fn SetByOffice() -> impl IntoView {
    let st = use_state();
    view! { <td class="row-buttons set-by">{st.tr(crate::app::i18n::m_owner::SET_BY_OFFICE)}</td> }
}

/// Ask the person before something they cannot take back.
pub fn confirm(lang: Lang, question: Msg) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(lang.t(question)).ok()).unwrap_or(false)
}

#[component]
pub fn RowButtons(
    /// What the row is, e.g. "Task 9.2"; ends every button's name.
    what: Signal<String>,
    /// Opens the row's form.
    on_edit: Callback<()>,
    /// Moves the row up or down.
    on_move: Callback<Move>,
    /// The question asked before deleting.
    confirm_delete: Msg,
    /// Deletes the row, once confirmed.
    on_delete: Callback<()>,
    /// Buttons shown before the others.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let name = move |verb: Msg| move || format!("{} {}", lang.get().t(verb), what.get());
    let delete = move |_| {
        if confirm(lang.get_untracked(), confirm_delete) {
            on_delete.run(());
        }
    };
    view! {
        <td class="row-buttons">
            {children.map(|c| c())}
            <button type="button" on:click=move |_| on_edit.run(()) aria-label=name(m::EDIT)>{st.tr(m::EDIT)}</button>
            <button type="button" class="icon" on:click=move |_| on_move.run(Move::Up) aria-label=name(m::MOVE_UP) title=name(m::MOVE_UP)>"↑"</button>
            <button type="button" class="icon" on:click=move |_| on_move.run(Move::Down) aria-label=name(m::MOVE_DOWN) title=name(m::MOVE_DOWN)>"↓"</button>
            <button type="button" class="danger" on:click=delete aria-label=name(m::DELETE)>{st.tr(m::DELETE)}</button>
        </td>
    }
}
