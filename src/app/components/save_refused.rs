//! What a refused save leaves to say, wherever the person is: the dialog
//! that opens each time the browser refuses to store a change (focus on
//! "Download the plan (JSON)"), and at the next visit the note that the
//! last one's changes were not stored, with the import of the downloaded
//! file. Both are rendered by the import panel, so the start-up wasm does
//! not carry them: the import chunk is fetched within 2 s of the start, and
//! a refusal before then opens the dialog as soon as it is there.

use super::file_import::FileImport;
use crate::app::exchange::export_plan;
use crate::app::i18n::{m, m_keep as mk};
use crate::app::state::use_state;
use crate::domain::dates::shown_time;
use leptos::prelude::*;

#[component]
pub fn SaveRefusedDialog() -> impl IntoView {
    let st = use_state();
    // The refusal the person last closed the dialog on.
    let closed = RwSignal::new(0u32);
    let open = move || st.notice.with(|n| n.refusals) > closed.get();
    let node = NodeRef::<leptos::html::Dialog>::new();
    let first = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let (Some(d), Some(b)) = (node.get(), first.get()) {
            if !d.open() {
                let _ = d.show_modal();
            }
            let _ = b.focus();
        }
    });
    let close = move || closed.set(st.notice.with_untracked(|n| n.refusals));
    view! {
        <Show when=open>
            <dialog
                node_ref=node
                class="dialog save-refused"
                role="alertdialog"
                aria-labelledby="save-refused-title"
                aria-describedby="save-refused-body"
                on:close=move |_| close()
            >
                <h2 id="save-refused-title">{st.tr(mk::REFUSED_TITLE)}</h2>
                <p id="save-refused-body">{st.tr(mk::REFUSED_BODY)}</p>
                <div class="dialog-buttons">
                    <button type="button" class="primary" node_ref=first on:click=move |_| export_plan(st)>
                        {st.tr(m::DOWNLOAD_PLAN)}
                    </button>
                    <button type="button" on:click=move |_| close()>{st.tr(mk::REFUSED_CLOSE)}</button>
                </div>
            </dialog>
        </Show>
    }
}

/// The last visit's changes were not stored: when, and the way back (the
/// file the person downloaded then).
#[component]
pub fn UnsavedBefore() -> impl IntoView {
    let st = use_state();
    move || {
        let at = st.notice.with(|n| n.unsaved_before)?;
        Some(view! {
            <section class="banner banner-error unsaved-before" role="alert">
                <p>{st.tr(mk::UNSAVED_BEFORE)} " " <time>{shown_time(at)}</time> {st.tr(mk::UNSAVED_AT_END)} {st.tr(mk::UNSAVED_HINT)}</p>
                <FileImport label=Signal::derive(st.tr(mk::IMPORT_DOWNLOADED)) />
                <button type="button" on:click=move |_| st.notice.update(|n| n.unsaved_before = None)>{st.tr(m::DISMISS)}</button>
            </section>
        })
    }
}
