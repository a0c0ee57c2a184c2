//! A labelled file input that imports the chosen file (previewed first),
//! for the banners that send the person to an import.

use crate::app::shell::ImportChunk;
use crate::app::state::use_state;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn FileImport(
    /// What the control says ("Import the downloaded file").
    label: Signal<&'static str>,
) -> impl IntoView {
    let st = use_state();
    let import = use_context::<ImportChunk>();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let (Some(f), Some(import)) = (input.files().and_then(|l| l.get(0)), import) {
            import.read_file(st, f);
        }
        input.set_value("");
    };
    view! {
        <label class="import-control button">
            {label}
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_change />
        </label>
    }
}
