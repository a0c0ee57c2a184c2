//! Tasks by light as one stacked SVG bar, each segment's count in words
//! beside it (colour is never the only sign).

use crate::app::i18n::light_name;
use crate::app::state::use_state;
use crate::domain::light::Light;
use leptos::prelude::*;

#[component]
pub fn LightBar(
    /// (light, count) in display order.
    counts: Signal<Vec<(Light, usize)>>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let total = move || counts.with(|c| c.iter().map(|(_, n)| *n).sum::<usize>().max(1)) as f64;
    let segments = move || {
        let mut x = 0.0;
        counts
            .get()
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(l, n)| {
                let w = 100.0 * n as f64 / total();
                let seg = (l, x, w);
                x += w;
                seg
            })
            .collect::<Vec<_>>()
    };
    let words = move || counts.get().iter().map(|(l, n)| format!("{} {n}", light_name(lang.get(), *l))).collect::<Vec<_>>().join(", ");
    view! {
        <svg class="light-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=words>
            {move || segments().into_iter().map(|(l, x, w)| view! {
                <rect x=crate::domain::numbers::fixed(x, 3) y="0" width=crate::domain::numbers::fixed(w, 3) height="10" class=format!("seg seg-{}", l.key()) />
            }).collect_view()}
        </svg>
    }
}
