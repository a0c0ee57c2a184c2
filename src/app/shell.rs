//! The router and the page shell: header, banners, navigation, language.

use super::components::import_panel::{ImportControl, ImportPanel};
use super::components::{example_banner::ExampleBanner, lang_switch::LangSwitch, storage_banner::StorageBanner};
use super::i18n::{m, Tr};
use super::pages::{
    appraisal::AppraisalPage, board::BoardPage, directory::DirectoryPage, exchange::ExchangePage, hearing::HearingPage,
    meetings::MeetingsPage, settings::SettingsPage, sheet::SheetPage, table::TablePage, timeline::TimelinePage, trail::TrailPage,
    weekly::WeeklyPage,
};
use super::state::{use_state, AppState};
use super::url::with_lang;
use crate::domain::Lang;
use crate::storage::local;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_query_map;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=base_path()>
            <Shell />
        </Router>
    }
}

/// The path the app is served under ("" at a host's root, "/gongjian" under
/// a sub-path), from the `<base>` the build wrote into index.html.
pub fn base_path() -> String {
    let uri = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let path = web_sys::Url::new(&uri).map(|u| u.pathname()).unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// The language the user picked (switcher) when the URL does not force one.
#[derive(Clone, Copy)]
pub struct ChosenLang(pub RwSignal<Lang>);

fn browser_lang() -> Option<Lang> {
    web_sys::window()?.navigator().language().and_then(|l| Lang::parse(&l))
}

#[component]
fn Shell() -> impl IntoView {
    let query = use_query_map();
    let chosen = RwSignal::new(local::stored_lang().or_else(browser_lang).unwrap_or(Lang::Zh));
    let lang = Memo::new(move |_| {
        let forced = query.with(|q| q.get("lang").and_then(|s| Lang::parse(&s)));
        forced.unwrap_or_else(|| chosen.get())
    });
    Effect::new(move |_| {
        let tag = lang.get().tag();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", tag);
        }
    });
    provide_context(ChosenLang(chosen));
    provide_context(AppState::new(lang));
    let st = use_state();
    // Internal links keep a forced language.
    let link = move |path: &'static str| move || with_lang(path, query.with(|q| q.get("lang")));
    let title = move || st.plan.with(|p| p.title.get(lang.get()).to_string());
    // The router takes over clicks on same-origin links, so following
    // "#main" would only scroll; move the focus there as a browser would.
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        if let Some(main) = main_ref.get_untracked() {
            ev.prevent_default();
            let _ = main.focus();
        }
    };

    // Who this browser acts as, in the header.
    let acting_as = move || {
        let l = lang.get();
        match st.me.get() {
            None => l.t(m::OFFICE).to_string(),
            Some(u) => st.plan.with(|p| p.unit(u).map(|x| x.name.get(l).to_string()).unwrap_or_else(|| u.to_string())),
        }
    };
    // A file dropped anywhere on the page is imported (previewed first).
    let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
            super::exchange::read_file(st, f);
        }
    });

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || if lang.get() == Lang::Zh { "跳到正文" } else { "Skip to content" }}</a>
        <header class="app-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"攻"</span>
                <div>
                    <p class="brand-name">{st.tr(m::APP)}" · "{st.tr(m::APP_SUB)}</p>
                    <h1 class="plan-title">{title}</h1>
                </div>
            </div>
            <nav aria-label=st.tr(m::NAV)>
                <A href=link("/") exact=true>{st.tr(m::NAV_BOARD)}</A>
                <A href=link("/table")>{st.tr(m::NAV_TABLE)}</A>
                <A href=link("/timeline")>{st.tr(m::NAV_TIMELINE)}</A>
                <A href=link("/meetings")>{st.tr(m::NAV_MEETINGS)}</A>
                <A href=link("/weekly")>{st.tr(m::NAV_WEEKLY)}</A>
                <A href=link("/hearing")>{st.tr(m::NAV_HEARING)}</A>
                <A href=link("/appraisal")>{st.tr(m::NAV_APPRAISAL)}</A>
                <A href=link("/trail")>{st.tr(m::NAV_TRAIL)}</A>
                <A href=link("/units")>{st.tr(m::NAV_DIRECTORY)}</A>
                <A href=link("/exchange")>{st.tr(m::NAV_EXCHANGE)}</A>
                <A href=link("/settings")>{st.tr(m::NAV_SETTINGS)}</A>
            </nav>
            <p class="acting-as">{st.tr(m::ACTING_AS)} "：" <strong>{acting_as}</strong></p>
            <ImportControl />
            <LangSwitch />
        </header>
        <ExampleBanner />
        <StorageBanner />
        <ImportPanel />
        <main id="main" tabindex="-1" node_ref=main_ref>
            <Routes fallback=move || view! { <p class="empty">{st.tr(m::NOT_FOUND)}</p> }>
                <Route path=path!("/") view=BoardPage />
                <Route path=path!("/table") view=TablePage />
                <Route path=path!("/timeline") view=TimelinePage />
                <Route path=path!("/units") view=DirectoryPage />
                <Route path=path!("/exchange") view=ExchangePage />
                <Route path=path!("/meetings") view=MeetingsPage />
                <Route path=path!("/weekly") view=WeeklyPage />
                <Route path=path!("/hearing") view=HearingPage />
                <Route path=path!("/appraisal") view=AppraisalPage />
                <Route path=path!("/trail") view=TrailPage />
                <Route path=path!("/settings") view=SettingsPage />
                <Route path=path!("/task/:id") view=SheetPage />
            </Routes>
        </main>
    }
}
