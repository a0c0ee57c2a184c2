//! The router and the page shell: header, banners, navigation, language.

use super::components::board::charts::BoardCharts;
use super::components::import_panel::ImportPanel;
use super::components::{example_banner::ExampleBanner, lang_switch::LangSwitch, storage_banner::StorageBanner};
use super::i18n::{m, Tr};
use super::pages::{
    appraisal::AppraisalPage, board::BoardDetails, board::BoardPage, bulletin::BulletinPage, directory::DirectoryPage,
    exchange::ExchangePage, hearing::HearingPage, meetings::MeetingsPage, new_plan::NewPlanPage, settings::SettingsPage, sheet::SheetPage,
    table::TablePage, timeline::TimelinePage, trail::TrailPage, weekly::WeeklyPage,
};
use super::state::{use_state, AppState};
use super::url::with_lang;
use crate::domain::Lang;
use crate::storage::local;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::task::spawn_local;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_query_map;
use leptos_router::path;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};
use std::time::Duration;
use wasm_bindgen::JsCast;

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
    // On a phone the navigation (and who this browser acts as) is behind
    // the menu button (style/base.css), so that the page's content shows on
    // the first screen; following a link in it closes it.
    let menu = RwSignal::new(false);
    // The import chunk, fetched after the start-up (see ImportChunk).
    let import = ImportChunk(RwSignal::new(false));
    provide_context(import);
    import.prefetch();
    // A file dropped anywhere on the page is imported (previewed first).
    let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
            import.read_file(st, f);
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
            <button type="button" class="menu-button" aria-controls="app-menu" aria-expanded=move || menu.get().to_string() on:click=move |_| menu.update(|o| *o = !*o)>
                <span class="menu-icon" aria-hidden="true">"☰"</span>
                {st.tr(m::MENU)}
            </button>
            <div id="app-menu" class="app-menu" class:open=move || menu.get()>
            <nav aria-label=st.tr(m::NAV) on:click=move |_| menu.set(false)>
                <A href=link("/") exact=true>{st.tr(m::NAV_BOARD)}</A>
                <A href=link("/table")>{st.tr(m::NAV_TABLE)}</A>
                <A href=link("/timeline")>{st.tr(m::NAV_TIMELINE)}</A>
                <A href=link("/meetings")>{st.tr(m::NAV_MEETINGS)}</A>
                <A href=link("/weekly")>{st.tr(m::NAV_WEEKLY)}</A>
                <A href=link("/hearing")>{st.tr(m::NAV_HEARING)}</A>
                <A href=link("/bulletin")>{st.tr(super::i18n::m_bulletin::NAV)}</A>
                <A href=link("/appraisal")>{st.tr(m::NAV_APPRAISAL)}</A>
                <A href=link("/trail")>{st.tr(m::NAV_TRAIL)}</A>
                <A href=link("/units")>{st.tr(m::NAV_DIRECTORY)}</A>
                <A href=link("/exchange")>{st.tr(m::NAV_EXCHANGE)}</A>
                <A href=link("/settings")>{st.tr(m::NAV_SETTINGS)}</A>
            </nav>
            <p class="acting-as">{st.tr(m::ACTING_AS)} "：" <strong>{acting_as}</strong></p>
            </div>
            <ImportFile />
            <LangSwitch />
        </header>
        <ExampleBanner />
        <StorageBanner />
        {move || import.0.get().then(|| lazy_page(IMPORT_PANEL))}
        <main id="main" tabindex="-1" node_ref=main_ref>
            <Routes fallback=move || view! { <p class="empty">{st.tr(m::NOT_FOUND)}</p> }>
                <Route path=path!("/") view=BoardPage />
                // The other pages are fetched on their first visit (lazy_page).
                <Route path=path!("/table") view=|| lazy_page(TABLE) />
                <Route path=path!("/timeline") view=|| lazy_page(TIMELINE) />
                <Route path=path!("/units") view=|| lazy_page(DIRECTORY) />
                <Route path=path!("/exchange") view=|| lazy_page(EXCHANGE) />
                <Route path=path!("/meetings") view=|| lazy_page(MEETINGS) />
                <Route path=path!("/weekly") view=|| lazy_page(WEEKLY) />
                <Route path=path!("/hearing") view=|| lazy_page(HEARING) />
                <Route path=path!("/bulletin") view=|| lazy_page(BULLETIN) />
                <Route path=path!("/appraisal") view=|| lazy_page(APPRAISAL) />
                <Route path=path!("/trail") view=|| lazy_page(TRAIL) />
                <Route path=path!("/settings") view=|| lazy_page(SETTINGS) />
                <Route path=path!("/new") view=|| lazy_page(NEW_PLAN) />
                <Route path=path!("/task/:id") view=|| lazy_page(SHEET) />
            </Routes>
        </main>
    }
}

// ---- pages fetched on their first visit ----------------------------------------
//
// Each page below is a split point: the release build (tools/split.mjs) moves
// the code only that page reaches into a wasm chunk of its own, which the
// browser fetches the first time the page is opened. The board stays in the
// wasm every visit loads.

/// Fetching a split page's chunk.
type Fetch = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;
/// Building the page, from its chunk.
type Build = Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// A page whose code is in a chunk of its own.
#[derive(Clone, Copy)]
struct SplitPage {
    fetch: fn() -> Fetch,
    build: fn() -> Build,
}

/// Declares the split page `$const` showing the component `$page`, in the
/// chunk `$chunk` (`$build` and `$fetch` name its two halves).
macro_rules! split_page {
    ($const:ident, $chunk:ident, $build:ident, $fetch:ident, $page:ident) => {
        #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload($fetch))]
        fn $build() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page /> }.into_any())
        }
        const $const: SplitPage = SplitPage { fetch: || Box::pin($fetch()), build: || Box::pin($build()) };
    };
}

split_page!(TABLE, page_table, build_table, fetch_table, TablePage);
split_page!(TIMELINE, page_timeline, build_timeline, fetch_timeline, TimelinePage);
split_page!(DIRECTORY, page_directory, build_directory, fetch_directory, DirectoryPage);
split_page!(EXCHANGE, page_exchange, build_exchange, fetch_exchange, ExchangePage);
split_page!(MEETINGS, page_meetings, build_meetings, fetch_meetings, MeetingsPage);
split_page!(WEEKLY, page_weekly, build_weekly, fetch_weekly, WeeklyPage);
split_page!(HEARING, page_hearing, build_hearing, fetch_hearing, HearingPage);
split_page!(BULLETIN, page_bulletin, build_bulletin, fetch_bulletin, BulletinPage);
split_page!(APPRAISAL, page_appraisal, build_appraisal, fetch_appraisal, AppraisalPage);
split_page!(TRAIL, page_trail, build_trail, fetch_trail, TrailPage);
split_page!(SETTINGS, page_settings, build_settings, fetch_settings, SettingsPage);
split_page!(NEW_PLAN, page_new_plan, build_new_plan, fetch_new_plan, NewPlanPage);
split_page!(SHEET, page_sheet, build_sheet, fetch_sheet, SheetPage);
split_page!(BOARD_DETAILS, board_details, build_board_details, fetch_board_details, BoardDetails);

/// The board below its figures (`pages::board::BoardDetails`), from its chunk.
pub(crate) fn board_details() -> impl IntoView {
    lazy_page(BOARD_DETAILS)
}

// The board's pictures, below its first screen, are a chunk of their own
// too: fetched as the board shows, so the start-up wasm carries neither
// their figures nor their SVG.
split_page!(BOARD_CHARTS, board_charts, build_board_charts, fetch_board_charts, BoardCharts);

/// The board's pictures, from their chunk ("Loading…" until it is there).
pub(crate) fn board_charts() -> impl IntoView {
    lazy_page(BOARD_CHARTS)
}

/// Where a split page stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Chunk {
    Loading,
    Ready,
    Failed,
}

/// A split page: "Loading…" while its chunk is fetched, then the page, or a
/// message if the chunk cannot be fetched. A chunk fetched before renders at
/// once, without the "Loading…" flash.
fn lazy_page(split: SplitPage) -> impl IntoView {
    let st = use_state();
    let import = use_context::<ImportChunk>();
    let phase = RwSignal::new(Chunk::Loading);
    let page = StoredValue::new_local(None::<AnyView>);
    // Polled under this page's owner, so that the page finds the app's and
    // the route's contexts even when it is built after the fetch.
    let mut load = Box::pin(ScopedFuture::new_untracked(async move {
        // The import chunk comes with the first page opened, if it is not
        // there yet (see ImportChunk), fetched beside the page's own.
        if let Some(import) = import.filter(|i| !i.0.get_untracked()) {
            spawn_local(import.load());
        }
        let fetched = (split.fetch)().await;
        if let Some(import) = import {
            import.load().await;
        }
        // Left before the chunk arrived: nothing to build.
        if phase.is_disposed() {
            return;
        }
        // The chunk is there now, so `build` is ready at its first poll.
        let built = match fetched {
            Ok(()) => (split.build)().await,
            Err(e) => Err(e),
        };
        match built {
            Ok(view) => {
                page.set_value(Some(view));
                phase.set(Chunk::Ready);
            }
            Err(_) => phase.set(Chunk::Failed),
        }
    }));
    if load.as_mut().poll(&mut Context::from_waker(Waker::noop())).is_pending() {
        // Not fetched yet. The waker of this first poll is replaced at the
        // next one, long before the fetch can finish.
        spawn_local(load);
    }
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    move || match phase.get() {
        Chunk::Loading => view! { <p class="empty" role="status">{st.tr(m::PAGE_LOADING)}</p> }.into_any(),
        Chunk::Failed => view! {
            <section class="banner banner-error" role="alert">
                <p>{st.tr(m::PAGE_LOAD_FAILED)}</p>
                <button type="button" class="primary" on:click=reload>{st.tr(m::RELOAD)}</button>
            </section>
        }
        .into_any(),
        Chunk::Ready => page.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any()),
    }
}

// ---- the import chunk -----------------------------------------------------------
//
// Reading an exchange file (checking it, comparing it with the table) and the
// import panel (the preview, applying and undoing, the progress line of an
// import or export, and what a refused save leaves to say) are a chunk of
// their own too. It is not part of the
// start-up: it is fetched when the browser is first idle after it (2 s at the
// latest), or with the first other page opened (a page shows once the chunk
// is there, so that an export started from it shows its progress), or by the
// first file read if those fetches failed. The import panel shows from then on.

split_page!(IMPORT_PANEL, import, build_import_panel, fetch_import_panel, ImportPanel);

#[wasm_split(import, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_in_chunk(st: AppState, f: web_sys::File) -> Result<(), SplitLoaderError> {
    super::exchange::read_file(st, f);
    Ok(())
}

/// Write, seal and download an export (`exchange::export`), in the chunk:
/// the signing key's code is not part of the start-up.
#[wasm_split(import, wasm_split_path = ::leptos::wasm_split, fallible)]
pub(crate) fn export_in_chunk(st: AppState, what: super::exchange::Export) -> Result<Pin<Box<dyn Future<Output = ()>>>, SplitLoaderError> {
    Ok(Box::pin(super::exchange::export(st, what)))
}

/// Whether the import chunk is there; the import panel is shown from then on.
#[derive(Clone, Copy)]
pub(crate) struct ImportChunk(RwSignal<bool>);

impl ImportChunk {
    /// Fetches the chunk (once: later calls wait for the same fetch, or
    /// return at once) and then shows the import panel.
    async fn load(self) {
        // The panel's own loader, so that the panel then renders at once.
        if fetch_import_panel().await.is_ok() {
            self.show();
        }
    }

    /// Shows the import panel, once (setting the signal again would build
    /// the panel anew).
    fn show(self) {
        if self.0.try_get_untracked() == Some(false) {
            self.0.set(true);
        }
    }

    /// Fetches the chunk when the browser is first idle, 2 s at the latest.
    fn prefetch(self) {
        let fetch = move || spawn_local(self.load());
        let _ = request_idle_callback_with_handle(fetch);
        set_timeout(fetch, Duration::from_secs(2));
    }

    /// Reads a chosen or dropped file (`exchange::read_file`), in the chunk.
    pub(crate) fn read_file(self, st: AppState, f: web_sys::File) {
        spawn_local(async move {
            if read_in_chunk(st, f).await.is_ok() {
                self.show();
            } else if let Some(w) = web_sys::window() {
                let _ = w.alert_with_message(st.lang.get_untracked().t(m::PAGE_LOAD_FAILED));
            }
        });
    }
}

/// "Import file" in the header: a labelled file input. It reads through
/// the import chunk, so the start-up wasm does not carry the reading,
/// checking and merging of exchange files.
#[component]
fn ImportFile() -> impl IntoView {
    let st = use_state();
    let import = expect_context::<ImportChunk>();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            import.read_file(st, f);
        }
        // Choosing the same file again must fire again.
        input.set_value("");
    };
    view! {
        <label class="import-control button">
            {st.tr(m::IMPORT_FILE)}
            <input type="file" accept=".json,application/json,.xlsx,.xlsm,.xls,.et,.ods,.csv,.tsv,.txt" class="visually-hidden" on:change=on_change />
        </label>
    }
}
