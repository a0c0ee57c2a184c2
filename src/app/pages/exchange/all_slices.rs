//! The office's "Export every unit's slice (ZIP)": one signed slice for
//! each unit that has a task, in one download.

use crate::app::exchange::{export_slices, ZipFailed};
use crate::app::i18n::{m_slices, Tr};
use crate::app::state::use_state;
use crate::exchange::slice::slice_units;
use leptos::prelude::*;

#[component]
pub fn AllSlices() -> impl IntoView {
    let st = use_state();
    let failed = RwSignal::new(None::<ZipFailed>);
    // The units that get a slice: the same rule the ZIP is written by.
    let units = Memo::new(move |_| st.plan.with(|p| slice_units(p).len()));
    let why = move || {
        let l = st.lang.get();
        failed.get().map(|f| {
            let (file, reason) = match f {
                ZipFailed::NoPacker { file } => (file, l.t(m_slices::NO_PACKER).to_string()),
                ZipFailed::Stopped { file, why } => (file, format!("{} {why}", l.t(m_slices::PACKER_STOPPED))),
            };
            view! {
                <div class="form-errors" role="alert">
                    <p>{l.t(m_slices::FAILED)} " " <code>{file}</code> "：" {reason}</p>
                </div>
            }
        })
    };
    view! {
        <div class="all-slices">
            <p>
                <button type="button" disabled=move || units.get() == 0 on:click=move |_| export_slices(st, failed)>
                    {st.tr(m_slices::EXPORT_ALL)}
                </button>
            </p>
            {move || match units.get() {
                0 => view! { <p class="hint">{st.tr(m_slices::NO_UNIT)}</p> }.into_any(),
                n => view! { <p class="hint">{st.tr(m_slices::ALL_HINT)} "：" <strong class="slice-units">{n}</strong></p> }.into_any(),
            }}
            {why}
        </div>
    }
}
