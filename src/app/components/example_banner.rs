//! Says that the example is open, as of which date, and offers a blank
//! plan; for any plan looked at "as of" another day, says which day.

use super::row_buttons::confirm;
use crate::app::i18n::m;
use crate::app::state::use_state;
use crate::domain::{Plan, Text};
use chrono::{Datelike, Utc};
use leptos::prelude::*;

#[component]
pub fn ExampleBanner() -> impl IntoView {
    let st = use_state();
    let is_example = Memo::new(move |_| st.plan.with(|p| p.example));
    let as_of = Memo::new(move |_| st.plan.with(|p| p.settings.as_of.map(|d| d.to_string()).unwrap_or_default()));
    // The day the lights are computed for: "as of", else today (an empty
    // "as of" must not leave the example's banner without a date).
    let day = move || st.today.get().to_string();
    let start_blank = move |_| {
        if confirm(st.lang.get_untracked(), m::CONFIRM_BLANK) {
            let now = Utc::now();
            let stamp = crate::domain::Stamp { by: None, at: now };
            let m = m::NEW_PLAN_TITLE;
            st.plan.set(Plan::blank(Text::new(m.0, m.1), now.year(), now.date_naive(), stamp));
        }
    };
    let as_of_only = move || !is_example.get() && !as_of.get().is_empty();
    view! {
        <Show when=as_of_only>
            <aside class="banner banner-example" aria-label=st.tr(m::AS_OF_BANNER)>
                <p><strong>{st.tr(m::AS_OF_BANNER)}</strong> " " <time>{day}</time></p>
            </aside>
        </Show>
        <Show when=move || is_example.get()>
            <aside class="banner banner-example" aria-label=st.tr(m::EXAMPLE_BANNER)>
                <p>
                    <strong>{st.tr(m::EXAMPLE_BANNER)}</strong>
                    " "
                    <time>{day}</time>
                </p>
                <button type="button" on:click=start_blank>
                    {st.tr(m::START_BLANK)}
                </button>
            </aside>
        </Show>
    }
}
