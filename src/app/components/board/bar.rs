//! A progress bar drawn in SVG, with its figure in words for screen readers.

use leptos::prelude::*;

#[component]
pub fn ProgressBar(
    /// Progress, 0..=100.
    value: Signal<f64>,
    /// What the bar measures, read out with the figure.
    label: Signal<String>,
) -> impl IntoView {
    let pct = move || value.get().clamp(0.0, 100.0);
    view! {
        <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label=move || format!("{}: {} %", label.get(), crate::domain::numbers::fixed(pct(), 0))>
            <rect x="0" y="0" width="100" height="8" class="bar-track" />
            <rect x="0" y="0" width=move || crate::domain::numbers::fixed(pct(), 2) height="8" class="bar-fill" />
        </svg>
        <span class="bar-figure" aria-hidden="true">{move || format!("{} %", crate::domain::numbers::fixed(pct(), 0))}</span>
    }
}
