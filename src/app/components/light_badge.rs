//! A status light: a coloured dot, its word (colour is never the only
//! sign), and its reasons.

use crate::app::i18n::{light_name, reason};
use crate::app::state::use_state;
use crate::domain::light::Assessment;
use leptos::prelude::*;

#[component]
pub fn LightBadge(
    /// The light and its reasons.
    assessment: Signal<Assessment>,
    /// Show every reason (the task sheet) rather than the first (the table).
    #[prop(optional)]
    all_reasons: bool,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let key = move || assessment.with(|a| a.light.key());
    let reasons = move || {
        assessment.with(|a| {
            let n = if all_reasons { a.reasons.len() } else { 1 };
            a.reasons.iter().take(n).map(|r| reason(lang.get(), r)).collect::<Vec<_>>()
        })
    };
    view! {
        <span class=move || format!("light light-{}", key()) data-light=key>
            <span class="dot" aria-hidden="true"></span>
            <span class="light-name">{move || light_name(lang.get(), assessment.with(|a| a.light))}</span>
        </span>
        {move || {
            if all_reasons {
                view! { <ul class="reasons">{reasons().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> }.into_any()
            } else {
                view! { <span class="reason">{reasons().into_iter().next()}</span> }.into_any()
            }
        }}
    }
}
