//! The parts every form shares: the reasons it was refused, and its buttons.

use crate::app::i18n::{m, refusal, Msg};
use crate::app::state::use_state;
use crate::domain::edit::EditError;
use crate::domain::Lang;
use leptos::prelude::*;

/// Why a form or a delete was refused: a heading line, then the reasons.
#[component]
pub fn FormErrors(
    /// The heading followed by the reasons; nothing is shown when empty.
    errors: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="form-errors" role="alert">
                <p>{move || errors.with(|e| e.first().cloned().unwrap_or_default())}</p>
                <ul>{move || errors.get().into_iter().skip(1).map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}

/// Save and Cancel at the foot of a dialog's form.
#[component]
pub fn FormButtons(
    /// Called by Cancel.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let st = use_state();
    view! {
        <div class="form-buttons">
            <button type="submit" class="primary">{st.tr(m::SAVE)}</button>
            <button type="button" on:click=move |_| on_cancel.run(())>{st.tr(m::CANCEL)}</button>
        </div>
    }
}

/// Save at the foot of a page's form, and "Saved." once it went through.
#[component]
pub fn SaveRow(
    /// Whether the last save went through (cleared by the form on input).
    saved: RwSignal<bool>,
) -> impl IntoView {
    let st = use_state();
    view! {
        <div class="form-buttons">
            <button type="submit" class="primary">{st.tr(m::SAVE)}</button>
            <Show when=move || saved.get()>
                <span role="status">{st.tr(m::SAVED)}</span>
            </Show>
        </div>
    }
}

/// Show an edit's outcome in `errors`: cleared when it went through, else
/// the refusal under `heading`. Returns whether it went through.
pub fn show_outcome(errors: RwSignal<Vec<String>>, heading: Msg, lang: Lang, r: Result<(), EditError>) -> bool {
    match r {
        Ok(()) => {
            errors.set(vec![]);
            true
        }
        Err(e) => {
            errors.set(refusal(lang, heading, &e));
            false
        }
    }
}

/// A date typed into `<input type="date">`, if it is one.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    crate::domain::numbers::parse_date(s)
}

/// A number typed into a form, if it is one (an empty field is none).
pub fn parse_number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}
