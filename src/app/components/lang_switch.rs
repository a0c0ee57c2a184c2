//! The language switch: remembers the choice, and rewrites `?lang=` when
//! the URL forces a language, so the switch always takes effect.

use crate::app::i18n::m;
use crate::app::shell::ChosenLang;
use crate::app::state::use_state;
use crate::domain::Lang;
use crate::storage::local;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

#[component]
pub fn LangSwitch() -> impl IntoView {
    let st = use_state();
    let ChosenLang(chosen) = expect_context::<ChosenLang>();
    let location = use_location();
    let navigate = use_navigate();
    let switch = move |_| {
        let next = if st.lang.get_untracked() == Lang::Zh { Lang::En } else { Lang::Zh };
        chosen.set(next);
        local::store_lang(next);
        let search = location.search.get_untracked();
        if search.contains("lang=") {
            let code = if next == Lang::Zh { "zh" } else { "en" };
            let rest: Vec<&str> = search.trim_start_matches('?').split('&').filter(|p| !p.starts_with("lang=") && !p.is_empty()).collect();
            let mut q = rest.join("&");
            q.push_str(if q.is_empty() { "" } else { "&" });
            // The path as it is (with the base under a sub-path), not resolved again.
            let url = format!("{}?{q}lang={code}", location.pathname.get_untracked());
            navigate(&url, NavigateOptions { replace: true, resolve: false, ..Default::default() });
        }
    };
    view! {
        // The visible word is the name (WCAG 2.5.3: the name contains the
        // visible label), spoken in its own language; the title explains it.
        <button type="button" class="lang-switch" on:click=switch title=st.tr(m::SWITCH_LANG_LABEL)>
            <span lang=move || if st.lang.get() == Lang::Zh { "en" } else { "zh-CN" }>{st.tr(m::SWITCH_LANG)}</span>
        </button>
    }
}
