//! The import history on the Exchange page: every applied import and every
//! undo, newest first, with the undo of the latest import while nothing has
//! changed since (also after a reload), and otherwise why not.

use crate::app::exchange::{import_log, undo_import, undo_state};
use crate::app::i18n::{m, m_imports as mi, Tr};
use crate::app::state::use_state;
use crate::domain::dates::shown_time;
use crate::domain::import_log::UndoState;
use leptos::prelude::*;

#[component]
pub fn ImportHistory() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let rows = move || {
        let l = lang.get();
        let entries = import_log(st, |log| log.entries.clone());
        if entries.is_empty() {
            return view! { <p class="hint">{l.t(mi::HISTORY_EMPTY)}</p> }.into_any();
        }
        let items = entries
            .into_iter()
            .enumerate()
            .rev()
            .map(|(i, e)| {
                let from = match e.from {
                    None => l.t(m::OFFICE).to_string(),
                    Some(u) => st
                        .plan
                        .with_untracked(|p| p.unit(u).map(|u| u.name.get(l).to_string()))
                        .unwrap_or_else(|| l.t(mi::UNKNOWN_UNIT).into()),
                };
                let what = l.t(if e.undoes.is_some() { mi::UNDONE } else { mi::APPLIED });
                let (title, title_ref) = (format!("history-{i}"), format!("history-{i}"));
                let state = move || undo_state(st, i);
                let why = move || {
                    state().and_then(|s| match s {
                        UndoState::Offered => None,
                        UndoState::Undone => Some(mi::WHY_UNDONE),
                        UndoState::NotLatest => None,
                        UndoState::ChangedSince => Some(mi::WHY_CHANGED),
                        UndoState::NoCopy => Some(mi::WHY_NO_COPY),
                    })
                };
                view! {
                    <li class="import-entry" aria-labelledby=title_ref>
                        <p id=title class="import-entry-title">
                            <strong>{what}</strong> " " <code class="import-file">{e.file}</code>
                        </p>
                        <dl class="import-head">
                            <dt>{l.t(mi::FROM)}</dt>
                            <dd class="import-from">{from}</dd>
                            <dt>{l.t(mi::AT)}</dt>
                            <dd><time datetime=crate::domain::dates::second_text(e.at)>{shown_time(e.at)}</time></dd>
                            <dt>{l.t(mi::ADDED)}</dt>
                            <dd class="import-added">{e.added}</dd>
                            <dt>{l.t(mi::CHANGED)}</dt>
                            <dd class="import-changed">{e.changed}</dd>
                        </dl>
                        {move || why().map(|w| view! { <p class="hint why-no-undo">{l.t(w)}</p> })}
                        <Show when=move || state() == Some(UndoState::Offered)>
                            <button type="button" on:click=move |_| undo_import(st)>{l.t(mi::UNDO)}</button>
                        </Show>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="import-history">{items}</ol> }.into_any()
    };
    view! {
        <section class="import-history-section" aria-labelledby="import-history-heading">
            <h3 id="import-history-heading">{st.tr(mi::HISTORY)}</h3>
            <p class="hint">{st.tr(mi::HISTORY_HINT)}</p>
            {rows}
        </section>
    }
}
