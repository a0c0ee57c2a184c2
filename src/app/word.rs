//! Word (.docx) downloads: a [`Document`] written by a web worker of its
//! own (`docx/`), started only when someone downloads one, as the XLSX
//! export is (`spreadsheet.rs`), so the writer never loads on an ordinary
//! visit. Called only from the bulletin's and the hearing's pages, so this
//! code lives in their chunks.

use super::i18n::m_bulletin as mb;
use super::spreadsheet::{write_in_worker, Progress};
use super::state::use_state;
use crate::domain::document::Document;
use leptos::prelude::*;

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Write `doc` as .docx in the worker and download it as `name`.
fn export_docx(doc: Document, name: String, progress: RwSignal<Option<Progress>>) {
    let json = serde_json::to_string(&doc).unwrap_or_default();
    write_in_worker("gongjian-docx_loader.js", json, name, DOCX, progress);
}

/// "Download Word (.docx)", and how the writing stands.
#[component]
pub fn WordButton(
    /// Builds the document as the page shows it now, and its file name.
    make: Callback<(), (Document, String)>,
) -> impl IntoView {
    let st = use_state();
    let progress = RwSignal::new(None::<Progress>);
    let click = move |_| {
        let (doc, name) = make.run(());
        export_docx(doc, name, progress);
    };
    view! {
        <button type="button" on:click=click disabled=move || progress.get() == Some(Progress::Working)>{st.tr(mb::DOCX)}</button>
        {move || progress.get().map(|p| match p {
            Progress::Working => view! { <span role="status">{st.tr(mb::DOCX_WORKING)}</span> }.into_any(),
            Progress::Failed(why) => view! { <span class="error" role="alert">{st.tr(mb::DOCX_FAILED)} " " {why}</span> }.into_any(),
        })}
    }
}
