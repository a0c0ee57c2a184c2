//! The change trail (留痕) as a table: when, which unit, which record and
//! field, old → new. Used per task on its sheet and per unit on /trail.

use super::import_panel::value_text;
use crate::app::i18n::{field_word, m, Tr};
use crate::app::state::use_state;
use crate::domain::{dates::minute_text, TrailEntry};
use leptos::prelude::*;

/// The entries `keep` selects, newest first (at most `limit`).
#[component]
pub fn TrailList(
    /// Which entries to show.
    keep: Callback<TrailEntry, bool>,
    /// The table's accessible name.
    caption: Signal<String>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let rows = Memo::new(move |_| {
        st.plan.with(|p| {
            let mut v: Vec<TrailEntry> = p.trail.iter().filter(|e| keep.run((*e).clone())).cloned().collect();
            v.sort_by_key(|e| std::cmp::Reverse((e.at, e.id)));
            v
        })
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty">{st.tr(m::NO_TRAIL)}</p> }>
            <table class="sheet-table trail">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{st.tr(m::TRAIL_WHEN)}</th>
                        <th scope="col">{st.tr(m::TRAIL_WHO)}</th>
                        <th scope="col">{st.tr(m::TRAIL_WHAT)}</th>
                        <th scope="col">{st.tr(m::TRAIL_CHANGE)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|e| e.id let(e)>
                        {move || {
                            let l = lang.get();
                            st.plan.with(|p| {
                                let who = e.by.and_then(|u| p.unit(u)).map(|u| u.name.get(l).to_string()).unwrap_or_else(|| l.t(m::OFFICE).into());
                                let record = e.task.and_then(|t| p.task_number(t)).unwrap_or_default();
                                let what = if e.field.is_empty() {
                                    format!("{} {} · {}", record, e.kind, l.t(m::TRAIL_ADDED))
                                } else {
                                    format!("{} {} · {}", record, e.kind, field_word(l, &e.field))
                                };
                                let change = if e.field.is_empty() {
                                    value_text(&e.new, p, l)
                                } else {
                                    format!("{} → {}", value_text(&e.old, p, l), value_text(&e.new, p, l))
                                };
                                view! {
                                    <tr>
                                        <td class="date">{minute_text(e.at)}</td>
                                        <td>{who}</td>
                                        <td>{what}</td>
                                        <td>{change}</td>
                                    </tr>
                                }
                            })
                        }}
                    </For>
                </tbody>
            </table>
        </Show>
    }
}
