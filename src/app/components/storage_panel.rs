//! The settings page's storage section: how full storage is, whether the
//! browser will keep it, and the rolling backups, each restorable.

use super::row_buttons::confirm;
use crate::app::i18n::{m, m_keep as mk, Tr};
use crate::app::state::use_state;
use crate::storage::local::{self, Backup};
use crate::storage::Loaded;
use chrono::Utc;
use leptos::prelude::*;

#[component]
pub fn StoragePanel() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    // Re-read after every save (the meter signal changes then).
    let backups = Memo::new(move |_| {
        st.meter.track();
        local::backups()
    });
    // How many backups fit, and the figures that say why.
    let fit = Memo::new(move |_| {
        st.meter.track();
        local::fit()
    });
    let millions = |c: u64| crate::domain::numbers::fixed(c as f64 / 1_000_000.0, 2);
    let restored = RwSignal::new(None::<String>);
    let restore = move |b: Backup| {
        let l = lang.get_untracked();
        if !confirm(l, m::CONFIRM_RESTORE) {
            return;
        }
        match local::load_backup(&b.key) {
            Loaded::Plan(env) => {
                local::backup_current(Utc::now());
                st.replace(env.plan, env.me, env.base);
                st.undo.set(None);
                // A plan is restored: the unreadable one's banner has done its job.
                st.notice.update(|n| n.unreadable = None);
                restored.set(Some(crate::domain::dates::shown_time(b.at)));
            }
            _ => restored.set(Some(l.t(m::BACKUP_UNREADABLE).to_string())),
        }
    };
    let percent = move || st.meter.with(|m| m.percent);
    let used = move || st.meter.with(|m| format!("{:.2}", m.used as f64 / 1_000_000.0));
    let limit = move || st.meter.with(|m| format!("{:.1}", m.limit as f64 / 1_000_000.0));
    let persisted = move || {
        lang.get().t(match st.persisted.get() {
            Some(true) => m::PERSIST_YES,
            Some(false) => m::PERSIST_NO,
            None => m::PERSIST_UNKNOWN,
        })
    };
    view! {
        <section class="storage-panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{st.tr(m::STORAGE)}</h2>
            <p>
                <label for="storage-meter">{st.tr(m::STORAGE_USED)}</label> " "
                <meter id="storage-meter" min="0" max="100" high="80" optimum="0" value=percent></meter> " "
                <span class="meter-text">{used} " / " {limit} " " {st.tr(m::MILLION_CHARS)} " (" {percent} " %)"</span>
            </p>
            <Show when=move || st.meter.with(|m| m.warn)>
                <p class="error" role="alert">{st.tr(m::STORAGE_WARN)}</p>
            </Show>
            <p class="persisted">{st.tr(m::PERSIST)} "：" <strong>{persisted}</strong></p>
            <h3>{st.tr(m::BACKUPS)}</h3>
            <p class="hint">{st.tr(m::BACKUPS_HINT)}</p>
            <p class="backups-fit">
                {move || {
                    let l = lang.get();
                    fit.with(|f| mk::backups_fit(l, f.backups, &millions(f.plan_chars), &limit(), &millions(f.other_chars)))
                }}
            </p>
            {move || restored.get().map(|at| view! { <p role="status">{st.tr(m::RESTORED)} " " {at}</p> })}
            <Show when=move || backups.with(|b| !b.is_empty()) fallback=move || view! { <p class="empty">{st.tr(m::NO_BACKUPS)}</p> }>
                <ul class="backups">
                    <For each=move || backups.get() key=|b| b.key.clone() let(b)>
                        {
                            let when = crate::domain::dates::shown_time(b.at);
                            let rev = b.revision.map(|r| r.to_string()).unwrap_or_else(|| "?".into());
                            let label = when.clone();
                            view! {
                                <li>
                                    <time>{when}</time> " · " {st.tr(m::REVISION)} " " {rev} " "
                                    <button type="button" aria-label=move || format!("{} {label}", lang.get().t(m::RESTORE)) on:click=move |_| restore(b.clone())>
                                        {st.tr(m::RESTORE)}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}
