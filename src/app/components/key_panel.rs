//! Settings → "Signing key": the key this browser holds for the plan and
//! the role it acts as (its fingerprint, or that none is held yet), making
//! it now, and moving it to another laptop with a key file protected by a
//! passphrase.

use crate::app::i18n::{m, m_keys as mk, Msg, Tr};
use crate::app::keys::{self, KeyError, MIN_PASSPHRASE};
use crate::app::state::use_state;
use crate::domain::file_name::{file_name, Ext, FileKind};
use crate::domain::ownership::Side;
use crate::domain::{Id, Lang, Plan};
use crate::exchange::seal::PublicKey;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the last action came to.
#[derive(Clone, Debug)]
enum Said {
    Made,
    /// The key file, under this name.
    Exported(String),
    Imported {
        key: PublicKey,
        plan: Id,
        side: Side,
        already: bool,
    },
    Failed(KeyError),
    Refused(Msg),
}

#[component]
pub fn KeyPanel() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let plan = Memo::new(move |_| st.plan.with(|p| p.id));
    let side = Memo::new(move |_| Side::of(st.me.get()));
    // `None` while it is read; `Some(None)`: no key held.
    let held = RwSignal::new(None::<Option<PublicKey>>);
    let reread = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<Said>);
    let (pass, again, file_pass) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let offer_replace = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let (p, s) = (plan.get(), side.get());
        reread.track();
        spawn_local(async move {
            let k = keys::held(p, s).await;
            // Only if the plan and role are still the ones asked about.
            if plan.try_get_untracked() == Some(p) && side.try_get_untracked() == Some(s) {
                held.try_set(Some(k));
            }
        });
    });
    // Run one key job, the controls disabled meanwhile.
    let run = move |job: std::pin::Pin<Box<dyn std::future::Future<Output = Said>>>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        said.set(None);
        offer_replace.set(false);
        spawn_local(async move {
            let out = job.await;
            offer_replace.try_set(matches!(out, Said::Failed(KeyError::OtherKeyHeld { .. })));
            said.try_set(Some(out));
            busy.try_set(false);
            reread.try_update(|n| *n += 1);
        });
    };
    let make = move |_| {
        let (p, s) = (plan.get_untracked(), side.get_untracked());
        run(Box::pin(async move { keys::ensure(p, s).await.map_or_else(Said::Failed, |_| Said::Made) }));
    };
    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (pass.get_untracked(), again.get_untracked());
        if a.chars().count() < MIN_PASSPHRASE {
            return said.set(Some(Said::Failed(KeyError::ShortPassphrase)));
        }
        if a != b {
            return said.set(Some(Said::Refused(mk::PASS_DIFFER)));
        }
        let (p, s) = (plan.get_untracked(), side.get_untracked());
        let name = st.plan.with_untracked(|pl| key_file_name(pl, s, lang.get_untracked()));
        run(Box::pin(async move {
            match keys::export_key_file(p, s, &a).await {
                Ok(text) => {
                    crate::app::exchange::download(&text, &name, "application/json");
                    pass.try_set(String::new());
                    again.try_set(String::new());
                    Said::Exported(name)
                }
                Err(e) => Said::Failed(e),
            }
        }));
    };
    let import = move |replace: bool| {
        let Some(f) = file_input.get_untracked().and_then(|i| i.files()).and_then(|l| l.get(0)) else {
            return said.set(Some(Said::Refused(mk::CHOOSE_FILE)));
        };
        let passphrase = file_pass.get_untracked();
        let (p, s) = (plan.get_untracked(), side.get_untracked());
        run(Box::pin(async move {
            let Some(text) = wasm_bindgen_futures::JsFuture::from(f.text()).await.ok().and_then(|t| t.as_string()) else {
                return Said::Refused(mk::UNREADABLE_FILE);
            };
            let before = keys::held(p, s).await;
            match keys::import_key_file(&text, &passphrase, replace).await {
                Ok((plan, side, key)) => {
                    file_pass.try_set(String::new());
                    let already = before.as_ref() == Some(&key);
                    Said::Imported { key, plan, side, already }
                }
                Err(e) => Said::Failed(e),
            }
        }));
    };
    let replace = move |_| {
        if crate::app::components::row_buttons::confirm(lang.get_untracked(), mk::CONFIRM_REPLACE) {
            import(true);
        }
    };
    let role = move || st.plan.with(|p| role_name(p, side.get(), lang.get()));
    let status = move || match held.get() {
        None => view! { <p role="status">{st.tr(mk::READING)}</p> }.into_any(),
        Some(None) => view! { <p role="status" class="key-none">{st.tr(mk::NONE_HELD)}</p> }.into_any(),
        Some(Some(k)) => view! {
            <p role="status" class="key-held">{st.tr(mk::FINGERPRINT)} " " <code class="fingerprint">{k.fingerprint()}</code></p>
            <p class="hint">{st.tr(mk::FINGERPRINT_HINT)}</p>
        }
        .into_any(),
    };
    let message = move || {
        let l = lang.get();
        said.get().map(|s| match s {
            Said::Failed(e) => view! { <p class="error" role="alert">{mk::error(l, &e)}</p> }.into_any(),
            Said::Refused(msg) => view! { <p class="error" role="alert">{l.t(msg)}</p> }.into_any(),
            Said::Made => view! { <p role="status">{l.t(mk::MADE)}</p> }.into_any(),
            Said::Exported(name) => view! { <p role="status">{l.t(mk::EXPORTED)} " " {name}</p> }.into_any(),
            Said::Imported { key, plan: for_plan, side: for_side, already } => {
                let words = if already { mk::ALREADY_HELD } else { mk::IMPORTED };
                let other_plan = (for_plan != plan.get()).then(|| l.t(mk::FOR_OTHER_PLAN));
                let other_role = (for_plan == plan.get() && for_side != side.get())
                    .then(|| format!("{}{}", l.t(mk::FOR_OTHER_ROLE), st.plan.with(|p| role_name(p, for_side, l))));
                view! {
                    <p role="status">{l.t(words)} " " <code class="fingerprint">{key.fingerprint()}</code></p>
                    {other_plan.map(|t| view! { <p class="note">{t}</p> })}
                    {other_role.map(|t| view! { <p class="note">{t}</p> })}
                }
                .into_any()
            }
        })
    };
    let has_key = move || matches!(held.get(), Some(Some(_)));
    view! {
        <section class="settings key-panel" aria-labelledby="keys-heading">
            <h2 id="keys-heading">{st.tr(mk::HEADING)}</h2>
            <p class="hint">{st.tr(mk::HINT)}</p>
            <p>{st.tr(mk::ROLE)} " " <strong>{role}</strong></p>
            {status}
            <Show when=move || matches!(held.get(), Some(None))>
                <p><button type="button" class="primary" on:click=make disabled=move || busy.get()>{st.tr(mk::MAKE_NOW)}</button></p>
            </Show>
            <div aria-live="polite">
                <Show when=move || busy.get()><p role="status">{st.tr(mk::WORKING)}</p></Show>
                {message}
                <Show when=move || offer_replace.get()>
                    <p><button type="button" on:click=replace>{st.tr(mk::REPLACE)}</button></p>
                </Show>
            </div>
            <Show when=has_key>
                <h3 id="key-export-heading">{st.tr(mk::EXPORT_HEADING)}</h3>
                <p class="hint">{st.tr(mk::EXPORT_HINT)}</p>
                <form class="form narrow" novalidate on:submit=export aria-labelledby="key-export-heading">
                    <label>
                        {st.tr(mk::PASSPHRASE)}
                        <input type="password" autocomplete="new-password" aria-describedby="key-pass-rule" bind:value=pass />
                    </label>
                    <label>
                        {st.tr(mk::PASSPHRASE_AGAIN)}
                        <input type="password" autocomplete="new-password" aria-describedby="key-pass-rule" bind:value=again />
                    </label>
                    <p class="hint" id="key-pass-rule">{st.tr(mk::PASS_RULE)}</p>
                    <div class="form-buttons">
                        <button type="submit" class="primary" disabled=move || busy.get()>{st.tr(mk::EXPORT)}</button>
                    </div>
                </form>
            </Show>
            <h3 id="key-import-heading">{st.tr(mk::IMPORT_HEADING)}</h3>
            <p class="hint">{st.tr(mk::IMPORT_HINT)}</p>
            <form class="form narrow" novalidate aria-labelledby="key-import-heading"
                on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); import(false); }>
                <label>
                    {st.tr(mk::KEY_FILE)}
                    <input type="file" accept=".json,application/json" node_ref=file_input on:change=move |_| said.set(None) />
                </label>
                <label>
                    {st.tr(mk::FILE_PASSPHRASE)}
                    <input type="password" autocomplete="current-password" bind:value=file_pass />
                </label>
                <div class="form-buttons">
                    <button type="submit" class="primary" disabled=move || busy.get()>{st.tr(mk::IMPORT)}</button>
                </div>
            </form>
        </section>
    }
}

/// Whom a key signs as: the office, or the unit's name.
fn role_name(plan: &Plan, side: Side, l: Lang) -> String {
    match side {
        Side::Office => l.t(m::OFFICE).to_string(),
        Side::Unit(u) => plan.unit(u).map(|u| u.name.get(l).to_string()).unwrap_or_else(|| l.t(mk::OTHER_UNIT).to_string()),
    }
}

/// `<plan title>.签名密钥[.<unit>].json` / `<title>.signing-key[.<unit>].json`:
/// the safe title and unit name of the plan's own export names
/// (`domain::file_name`), with the key file's word for the kind's.
fn key_file_name(plan: &Plan, side: Side, lang: Lang) -> String {
    // The words `file_name` writes for a plan and a slice, by language.
    const WORDS: [(Lang, &str, &str); 2] = [(Lang::Zh, "总表", "任务分工"), (Lang::En, "plan", "slice")];
    let whole = file_name(plan, FileKind::Plan, None, lang, Ext::Json);
    let found = WORDS.iter().find_map(|&(l, p, s)| whole.strip_suffix(&format!(".{p}.json")).map(|t| (t.to_string(), l, s)));
    let Some((title, l, slice_word)) = found else { return format!("{}.json", lang.t(mk::FILE_WORD)) };
    let mut name = format!("{title}.{}", l.t(mk::FILE_WORD));
    if let Side::Unit(u) = side {
        let slice = file_name(plan, FileKind::Slice, Some(u), lang, Ext::Json);
        if let Some(unit) = slice.strip_prefix(&format!("{title}.{slice_word}.")).and_then(|r| r.strip_suffix(".json")) {
            name = format!("{name}.{unit}");
        }
    }
    format!("{name}.json")
}
