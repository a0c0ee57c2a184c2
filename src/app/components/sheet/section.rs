//! The frame every sheet section shares: a heading, and a table of its
//! records with column headings — or a line saying there are none yet.

use crate::app::i18n::Msg;
use crate::app::state::use_state;
use leptos::prelude::*;

#[component]
pub fn SheetSection(
    /// The heading's element id (the section is labelled by it).
    id: &'static str,
    /// The heading.
    heading: Msg,
    children: Children,
) -> impl IntoView {
    let st = use_state();
    view! {
        <section class="sheet-section" aria-labelledby=id>
            <h3 id=id>{st.tr(heading)}</h3>
            {children()}
        </section>
    }
}

#[component]
pub fn SheetTable(
    /// The column headings; a `(heading, true)` column is hidden in print.
    columns: Vec<(Msg, bool)>,
    /// Whether there is nothing to list.
    empty: Signal<bool>,
    /// What to say when there is nothing.
    empty_text: Msg,
    /// The table's rows.
    children: ChildrenFn,
) -> impl IntoView {
    let st = use_state();
    let columns = StoredValue::new(columns);
    view! {
        <Show when=move || !empty.get() fallback=move || view! { <p class="empty">{st.tr(empty_text)}</p> }>
            // Wider than a phone: the table scrolls within the page, not the page.
            <div class="table-scroll">
            <table class="sheet-table">
                <thead>
                    <tr>
                        {columns.get_value().into_iter().map(|(h, screen_only)| view! {
                            <th scope="col" class:no-print=screen_only>{st.tr(h)}</th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
            </div>
        </Show>
    }
}
