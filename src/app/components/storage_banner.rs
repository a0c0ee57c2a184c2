//! What storage has to say: a stored plan that could not be read (kept, and
//! offered as a download), or a save the browser refused.

use super::download::DownloadLink;
use crate::app::i18n::{m, read_error};
use crate::app::state::use_state;
use crate::storage::local::SaveError;
use leptos::prelude::*;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let st = use_state();
    let unreadable = move || {
        st.notice.with(|n| n.unreadable.clone()).map(|(err, key, raw)| {
            let lang = st.lang;
            view! {
                <section class="banner banner-error" role="alert">
                    <p>
                        {st.tr(m::UNREADABLE)} " " <span class="reason">{move || read_error(lang.get(), &err)}</span>
                    </p>
                    {key.map(|k| view! { <p>{st.tr(m::UNREADABLE_KEPT)} " " <code>{k}</code></p> })}
                    <DownloadLink text=raw file_name="gongjian-unreadable.json".into() label=Signal::derive(st.tr(m::DOWNLOAD_RAW)) />
                    <button type="button" on:click=move |_| st.notice.update(|n| n.unreadable = None)>{st.tr(m::DISMISS)}</button>
                </section>
            }
        })
    };
    let save_error = move || {
        st.notice.with(|n| n.save_error.clone()).map(|e| {
            let plan_json = st.plan.with_untracked(|p| crate::exchange::pretty(&serde_json::to_string(p).unwrap_or_default()));
            let detail = match e {
                SaveError::Quota => None,
                SaveError::Other(s) => Some(s),
            };
            let quota = detail.is_none();
            view! {
                <section class="banner banner-error" role="alert">
                    <p>
                        {move || if quota { st.tr(m::QUOTA)() } else { st.tr(m::SAVE_FAILED)() }}
                        " " {detail}
                    </p>
                    <DownloadLink text=plan_json file_name="gongjian-plan.json".into() label=Signal::derive(st.tr(m::DOWNLOAD_PLAN)) />
                </section>
            }
        })
    };
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        {unreadable}
        {save_error}
        <Show when=move || st.notice.with(|n| n.stale)>
            <section class="banner banner-error" role="alert">
                <p>{st.tr(m::STALE)}</p>
                <button type="button" class="primary" on:click=reload>{st.tr(m::RELOAD)}</button>
            </section>
        </Show>
    }
}
