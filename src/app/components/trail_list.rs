//! The change trail (留痕) as a table: when, which unit, which record and
//! field, old → new. Used per task on its sheet and per unit on /trail.

use crate::app::i18n::{m, Tr};
use crate::app::state::use_state;
use crate::domain::{dates::shown_time, Id, Lang, TrailEntry};
use crate::exchange::labels::Labels;
use crate::exchange::merge::RecordKind;
use leptos::prelude::*;

/// One row of the trail, in one language.
#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    lang: Lang,
    when: String,
    who: String,
    what: String,
    change: String,
}

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
    // Each entry as a person reads it: the record it changed, by its label
    // ("3.1 · 节点「完成选址」"), and what happened ("完成时限：… → …",
    // "删除节点「完成选址」"). Named once per change of the plan or language.
    let rows = Memo::new(move |_| {
        let l = lang.get();
        st.plan.with(|p| {
            let mut v: Vec<&TrailEntry> = p.trail.iter().filter(|e| keep.run((*e).clone())).collect();
            v.sort_by_key(|e| std::cmp::Reverse((e.at, e.id)));
            if v.is_empty() {
                return vec![];
            }
            let labels = Labels::of(p);
            v.into_iter()
                .map(|e| {
                    let who = match e.by {
                        None => l.t(m::OFFICE).to_string(),
                        Some(u) => labels.value(RecordKind::Trail, "by", &serde_json::Value::String(u.to_string()), l),
                    };
                    let (what, change) = labels.trail_entry(e, l);
                    Row { id: e.id, lang: l, when: shown_time(e.at), who, what, change }
                })
                .collect::<Vec<Row>>()
        })
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty">{st.tr(m::NO_TRAIL)}</p> }>
            // Scrolls within the page on a phone, not the page.
            <div class="table-scroll">
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
                    <For each=move || rows.get() key=|r| (r.id, r.lang) let(r)>
                        <tr>
                            <td class="date">{r.when}</td>
                            <td>{r.who}</td>
                            <td>{r.what}</td>
                            <td>{r.change}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
            </div>
        </Show>
    }
}
