//! Says that the example is open — which plan, as of which date — and
//! offers a new plan (`/new`, which asks for its title, year and kick-off
//! first); for any plan looked at "as of" another day, says which day.

use crate::app::i18n::{m, Tr};
use crate::app::state::use_state;
use crate::app::url::with_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ExampleBanner() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let is_example = Memo::new(move |_| st.plan.with(|p| p.example));
    let as_of = Memo::new(move |_| st.plan.with(|p| p.settings.as_of.map(|d| d.to_string()).unwrap_or_default()));
    // The day the lights are computed for: "as of", else today (an empty
    // "as of" must not leave the example's banner without a date).
    let day = move || st.today.get().to_string();
    // "This is an example: <the plan's title>, viewed as of".
    let about = move || {
        let l = lang.get();
        let title = st.plan.with(|p| p.title.get(l).to_string());
        format!("{}{title}{}", l.t(m::EXAMPLE_BANNER), l.t(m::EXAMPLE_BANNER_END))
    };
    let new_plan = move || with_lang("/new", query.with(|q| q.get("lang")));
    let as_of_only = move || !is_example.get() && !as_of.get().is_empty();
    view! {
        <Show when=as_of_only>
            <aside class="banner banner-example" aria-label=st.tr(m::AS_OF_BANNER)>
                <p><strong>{st.tr(m::AS_OF_BANNER)}</strong> " " <time>{day}</time></p>
            </aside>
        </Show>
        <Show when=move || is_example.get()>
            <aside class="banner banner-example" aria-label=about>
                <p>
                    <strong>{about}</strong>
                    " "
                    <time>{day}</time>
                </p>
                <a class="button" href=new_plan>
                    {st.tr(m::START_BLANK)}
                </a>
            </aside>
        </Show>
    }
}
