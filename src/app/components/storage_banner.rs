//! What storage has to say: a stored plan that could not be read (kept,
//! offered as a download, with the newest backup and a file's import one
//! click away), or a save the browser refused. The dialog that says so
//! where the person is, and the note that the last visit's changes were
//! not stored, are in the import chunk (`save_refused`).

use super::download::DownloadLink;
use super::file_import::FileImport;
use crate::app::exchange::export_plan;
use crate::app::i18n::{m, m_keep as mk, read_error};
use crate::app::state::{use_state, AppState};
use crate::domain::dates::shown_time;
use crate::storage::local::{self, SaveError};
use crate::storage::Loaded;
use leptos::prelude::*;

/// Put back the newest readable backup; false when there is none.
fn restore_newest(st: AppState) -> bool {
    for b in local::backups() {
        if let Loaded::Plan(env) = local::load_backup(&b.key) {
            st.replace(env.plan, env.me, env.base);
            st.undo.set(None);
            st.notice.update(|n| n.unreadable = None);
            return true;
        }
    }
    false
}

#[component]
pub fn StorageBanner() -> impl IntoView {
    let st = use_state();
    let unreadable = move || {
        st.notice.with(|n| n.unreadable.clone()).map(|(err, key, raw)| {
            let lang = st.lang;
            let newest = local::backups().first().map(|b| shown_time(b.at));
            let none = RwSignal::new(false);
            view! {
                <section class="banner banner-error" role="alert">
                    <p>
                        {st.tr(m::UNREADABLE)} " " <span class="reason">{move || read_error(lang.get(), &err)}</span>
                    </p>
                    {key.map(|_| view! { <p>{st.tr(m::UNREADABLE_KEPT)}</p> })}
                    {newest.map(|at| view! {
                        <button type="button" class="primary" on:click=move |_| none.set(!restore_newest(st))>
                            {st.tr(mk::RESTORE_NEWEST)} " (" {at} ")"
                        </button>
                    })}
                    <FileImport label=Signal::derive(st.tr(mk::IMPORT_A_FILE)) />
                    <Show when=move || none.get()>
                        <p>{st.tr(mk::NO_BACKUP_TO_RESTORE)}</p>
                    </Show>
                    <DownloadLink text=raw file_name="gongjian-unreadable.json".into() label=Signal::derive(st.tr(m::DOWNLOAD_RAW)) />
                    <button type="button" on:click=move |_| st.notice.update(|n| n.unreadable = None)>{st.tr(m::DISMISS)}</button>
                </section>
            }
        })
    };
    let save_error = move || {
        st.notice.with(|n| n.save_error.clone()).map(|e| {
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
                    <button type="button" class="primary" on:click=move |_| export_plan(st)>{st.tr(m::DOWNLOAD_PLAN)}</button>
                </section>
            }
        })
    };
    // While a change is not stored, closing or reloading the page asks first.
    let unload = window_event_listener_untyped("beforeunload", move |ev| {
        if st.notice.with_untracked(|n| n.save_error.is_some() || n.stale) {
            ev.prevent_default();
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    on_cleanup(move || unload.remove());
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    // The export reminder, until "Later" (for this visit) or an export.
    let later = RwSignal::new(false);
    let reminder = move || {
        let days = st.reminder.get().filter(|_| !later.get())?;
        Some(view! {
            <section class="banner banner-example export-reminder" role="status" aria-label=st.tr(m::EXPORT_NOW)>
                <p>{st.tr(m::REMINDER)} " " <strong>{days}</strong> ". " {st.tr(m::REMINDER_HINT)}</p>
                <button type="button" class="primary" on:click=move |_| export_plan(st)>{st.tr(m::EXPORT_NOW)}</button>
                <button type="button" on:click=move |_| later.set(true)>{st.tr(m::LATER)}</button>
            </section>
        })
    };
    // A new version waits (the service worker in index.html says so).
    let ready = || js_sys::Reflect::get(&js_sys::global(), &"gongjianUpdateReady".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    if ready() {
        st.update_ready.set(true);
    }
    let handle = window_event_listener_untyped("gongjian-update", move |_| st.update_ready.set(true));
    on_cleanup(move || handle.remove());
    let apply_update = |_| {
        if let Ok(f) = js_sys::Reflect::get(&js_sys::global(), &"gongjianApplyUpdate".into()) {
            if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                let _ = f.call0(&wasm_bindgen::JsValue::NULL);
            }
        }
    };

    view! {
        <Show when=move || st.update_ready.get()>
            <section class="banner banner-ok update-ready" role="status">
                <p>{st.tr(m::UPDATE_READY)}</p>
                <button type="button" class="primary" on:click=apply_update>{st.tr(m::RELOAD_TO_UPDATE)}</button>
            </section>
        </Show>
        {reminder}
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
