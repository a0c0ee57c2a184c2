//! Importing a file: the panel that shows what the import would do (or why
//! the file is refused) until the person applies or cancels; after
//! applying, one button undoes it; and the progress of a long import or
//! export. The header's picker is `shell::ImportFile`.

use super::save_refused::{SaveRefusedDialog, UnsavedBefore};
use crate::app::exchange::{apply_pending, undo_import};
use crate::app::i18n::{m, refused, Msg, Tr};
use crate::app::i18n::{m_seal, m_slices};
use crate::app::state::{use_state, Job, Pending};
use crate::domain::Lang;
use crate::exchange::file::Kind;
use crate::exchange::import::Mode;
use crate::exchange::labels::Labels;
use crate::exchange::merge::{Choice, Item, Refusal, Why};
use crate::exchange::seal::Trust;
use leptos::prelude::*;
use serde_json::Value;

/// A listed record, named: only the shown ones are (`LIST_MAX`).
fn item_text(labels: &Labels, i: &Item, lang: Lang) -> String {
    labels.label_in(i.key, lang)
}

/// A refused record or field, as a person reads it: the record's label, the
/// field's, the value the file brought, and why ("3.1 · 节点「设计」 · 完成时限：
/// 2022-07-10（不属于发送单位负责的内容）").
fn refusal_text(labels: &Labels, r: &Refusal, value: Option<&Value>, l: Lang) -> String {
    let why = why_text(r.why, l);
    let (open, close) = if l == Lang::Zh { ("（", "）") } else { (" (", ")") };
    let colon = if l == Lang::Zh { "：" } else { ": " };
    match r.field.as_deref() {
        None | Some("") => format!("{}{colon}{why}", labels.label_in(r.item.key, l)),
        Some("deleted") => format!("{}{colon}{why}", labels.line(r.item.key, "deleted", &Value::Bool(false), &Value::Bool(true), l)),
        Some(f) => {
            let value = value.map(|v| format!("{colon}{}", labels.value(r.item.key.kind, f, v, l))).unwrap_or_default();
            format!("{}{value}{open}{why}{close}", labels.field_line(r.item.key, Some(f), l))
        }
    }
}

fn why_text(w: Why, lang: Lang) -> &'static str {
    lang.t(match w {
        Why::NotOwner => m::WHY_NOT_OWNER,
        Why::AppendOnly => m::WHY_APPEND_ONLY,
        Why::UnknownTask => m::WHY_UNKNOWN_TASK,
    })
}

/// At most this many items of a list are shown; the rest are counted.
/// A whole plan lists 30,000 records, which no one reads one by one.
const LIST_MAX: usize = 200;

/// A titled list of `total` items (the first `LIST_MAX` of them given),
/// folded when long.
fn item_list(l: Lang, title: Msg, total: usize, items: Vec<String>, open: bool) -> impl IntoView {
    let rest = total.saturating_sub(items.len());
    (total > 0).then(|| {
        view! {
            <details class="import-list" open=open>
                <summary>{l.t(title)} " (" {total} ")"</summary>
                <ul>
                    {items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                    {(rest > 0).then(|| view! { <li class="more">{l.t(m::AND_MORE)} " " {rest} " " {l.t(m::MORE_ITEMS)}</li> })}
                </ul>
            </details>
        }
    })
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let st = use_state();
    crate::app::exchange::note_stored_imports(st);
    let lang = st.lang;
    let apply_error = RwSignal::new(None::<String>);
    let apply = move |_: leptos::ev::MouseEvent| match apply_pending(st) {
        Ok(()) => apply_error.set(None),
        Err(e) => apply_error.set(Some(e.to_string())),
    };
    let cancel = move |_: leptos::ev::MouseEvent| {
        st.pending.set(None);
        apply_error.set(None);
    };
    let panel = move || {
        let l = lang.get();
        match st.pending.get()? {
            Pending::Refused { file, why } => Some(
                view! {
                    <section class="banner banner-error import-refused" role="alert" aria-labelledby="import-refused-title">
                        <p>
                            <strong id="import-refused-title">{l.t(m::IMPORT_REFUSED)} " " <code>{file}</code></strong>
                            <br />
                            <span class="reason">{refused(l, &why)}</span>
                            <br />
                            {l.t(m::TABLE_UNCHANGED)}
                        </p>
                        <button type="button" on:click=cancel>{l.t(m::DISMISS)}</button>
                    </section>
                }
                .into_any(),
            ),
            Pending::Preview { prepared, choices } => {
                let plan = st.plan.get_untracked();
                let p = &prepared.preview;
                let h = &prepared.header;
                let kind = l.t(match h.kind {
                    Kind::Plan => m::KIND_PLAN,
                    Kind::Slice => m::KIND_SLICE,
                    Kind::Report => m::KIND_REPORT,
                });
                let labels = Labels::new(&plan, prepared.incoming());
                // A file is the office's only when the office's key signed it.
                let from = match h.exported_by {
                    None if prepared.trust == Trust::Unsigned => l.t(m_seal::CLAIMS_OFFICE).to_string(),
                    None => l.t(m::OFFICE).to_string(),
                    Some(u) => labels.value(crate::exchange::merge::RecordKind::Report, "unit", &Value::String(u.to_string()), l),
                };
                let replace = prepared.mode == Mode::Replace;
                let nothing = p.nothing_new() && !replace;
                let idle = p.is_empty() && !replace;
                let added: Vec<String> = p.added.iter().take(LIST_MAX).map(|i| item_text(&labels, i, l)).collect();
                let changed_total: usize = p.changed.iter().map(|c| c.fields.len()).sum();
                let changed: Vec<String> = p
                    .changed
                    .iter()
                    .flat_map(|c| c.fields.iter().map(move |f| (c.item.key, f)))
                    .take(LIST_MAX)
                    .map(|(key, f)| labels.line(key, &f.field, &f.old, &f.new, l))
                    .collect();
                let present: Vec<String> = p.present.iter().take(LIST_MAX).map(|i| item_text(&labels, i, l)).collect();
                let older: Vec<String> = p.older.iter().take(LIST_MAX).map(|i| item_text(&labels, i, l)).collect();
                let shown: Vec<&Refusal> = p.refused.iter().take(LIST_MAX).collect();
                let values = labels.file_values(shown.iter().map(|r| (r.item.key, r.field.clone().unwrap_or_default())));
                let refusals: Vec<String> = shown.iter().zip(&values).map(|(r, v)| refusal_text(&labels, r, v.as_ref(), l)).collect();
                // What this unit had changed but the office sets, put back.
                let restored_total: usize = p.restored.iter().map(|c| c.fields.len()).sum();
                let restored: Vec<String> = p
                    .restored
                    .iter()
                    .flat_map(|c| c.fields.iter().map(move |f| (c.item.key, f)))
                    .take(LIST_MAX)
                    .map(|(key, f)| labels.line(key, &f.field, &f.old, &f.new, l))
                    .collect();
                let open_choices = choices.iter().filter(|c| c.is_none()).count();
                let conflicts = p
                    .conflicts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let name = format!("conflict-{i}");
                        let chosen = choices.get(i).copied().flatten();
                        let choose = move |c: Choice| {
                            move |_| {
                                st.pending.update(|p| {
                                    if let Some(Pending::Preview { choices, .. }) = p {
                                        if let Some(slot) = choices.get_mut(i) {
                                            *slot = Some(c);
                                        }
                                    }
                                })
                            }
                        };
                        let kind = c.item.key.kind;
                        let agreed = c.base.as_ref().map(|b| {
                            view! { <p class="agreed">{l.t(m::AGREED_WAS)} "：" {labels.value(kind, &c.field, b, l)}</p> }
                        });
                        let (ours, theirs) = (labels.value(kind, &c.field, &c.ours, l), labels.value(kind, &c.field, &c.theirs, l));
                        view! {
                            <fieldset class="conflict">
                                <legend>{labels.field_line(c.item.key, Some(&c.field), l)}</legend>
                                {agreed}
                                <label>
                                    <input type="radio" name=name.clone() prop:checked=chosen == Some(Choice::Keep) on:change=choose(Choice::Keep) />
                                    {l.t(m::KEEP_OURS)} "：" <span class="ours">{ours}</span>
                                </label>
                                <label>
                                    <input type="radio" name=name prop:checked=chosen == Some(Choice::Take) on:change=choose(Choice::Take) />
                                    {l.t(m::TAKE_THEIRS)} "：" <span class="theirs">{theirs}</span>
                                </label>
                            </fieldset>
                        }
                    })
                    .collect_view();
                let has_conflicts = !p.conflicts.is_empty();
                let exported_at = crate::domain::dates::shown_time(h.exported_at);
                Some(
                    view! {
                        <section class="import-preview" aria-labelledby="import-preview-title">
                            <h2 id="import-preview-title">{l.t(m::IMPORT_PREVIEW)} " " <code>{prepared.file.clone()}</code></h2>
                            <dl class="import-head">
                                <dt>{l.t(m::FILE_KIND)}</dt>
                                <dd>{kind}</dd>
                                <dt>{l.t(m::FROM)}</dt>
                                <dd>{from}</dd>
                                <dt>{l.t(m::EXPORTED_AT)}</dt>
                                <dd>{exported_at}</dd>
                                <dt>{l.t(m_seal::SIGNATURE)}</dt>
                                <dd class="seal">{seal_line(&prepared.trust, h, l)}</dd>
                            </dl>
                            {replace.then(|| view! { <p class="replaces">{l.t(m::REPLACES)}</p> })}
                            {nothing.then(|| view! { <p class="nothing-new" role="status">{l.t(m::NOTHING_NEW)}</p> })}
                            <div class="import-lists">
                                {item_list(l, m::ADDED, p.added.len(), added, true)}
                                {item_list(l, crate::app::i18n::m_owner::PUT_BACK, restored_total, restored, true)}
                                {item_list(l, m::CHANGED, changed_total, changed, true)}
                                {item_list(l, m::REFUSED, p.refused.len(), refusals, true)}
                                {item_list(l, m::OLDER, p.older.len(), older, false)}
                                {item_list(l, m::PRESENT, p.present.len(), present, false)}
                            </div>
                            {has_conflicts.then(|| view! {
                                <div class="conflicts">
                                    <h3>{l.t(m::CONFLICTS)} " (" {p.conflicts.len()} ")"</h3>
                                    {conflicts}
                                </div>
                            })}
                            {(open_choices > 0).then(|| view! { <p class="hint">{l.t(m::CHOOSE_ALL)} " " {open_choices}</p> })}
                            {move || apply_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                            <div class="form-buttons">
                                <button type="button" class="primary" disabled={open_choices > 0 || idle} on:click=apply>
                                    {l.t(m::APPLY_IMPORT)}
                                </button>
                                <button type="button" on:click=cancel>{l.t(m::CANCEL_IMPORT)}</button>
                            </div>
                        </section>
                    }
                    .into_any(),
                )
            }
        }
    };
    let undo = move || {
        let l = lang.get();
        st.undo.get().map(|u| {
            view! {
                <section class="banner banner-ok import-done" role="status">
                    <p>
                        {l.t(m::IMPORTED)} " " <code>{u.file}</code> "：" {u.added} " " {l.t(m::N_ADDED)} "，" {u.changed} " "
                        {l.t(m::N_CHANGED)}
                    </p>
                    <button type="button" on:click=move |_| undo_import(st)>{l.t(m::UNDO_IMPORT)}</button>
                </section>
            }
        })
    };
    let busy = move || {
        let l = lang.get();
        st.busy.get().map(|b| {
            let (job, doing) = match b.job {
                Job::Import => (m::BUSY_IMPORT, [m::STEP_READ, m::STEP_CHECK, m::STEP_COMPARE][usize::from(b.step.clamp(1, 3) - 1)]),
                Job::Export => (m::BUSY_EXPORT, m::STEP_WRITE),
                Job::Slices(units) => (m_slices::BUSY, if b.step <= units { m_slices::STEP_SEAL } else { m_slices::STEP_PACK }),
            };
            let steps = b.job.steps();
            // An import's bar (and every unit's slice's) fills step by step; an export's is indeterminate.
            let done = (b.job != Job::Export).then(|| f64::from(b.step - 1));
            view! {
                <section class="banner import-busy" role="status" aria-live="polite">
                    <p>
                        <strong>{l.t(job)} " " <code>{b.file}</code></strong>
                        " · " {l.t(m::STEP)} " " {b.step} "/" {steps} "：" {l.t(doing)}
                    </p>
                    <progress max=f64::from(steps) value=done aria-label=l.t(job)></progress>
                </section>
            }
        })
    };
    view! {
        <UnsavedBefore />
        <SaveRefusedDialog />
        {busy}
        {undo}
        <super::sheet_mapping::SheetMapping />
        {panel}
    }
}

/// What the preview says of the file's seal: the fingerprint people
/// compare, and for a first key, that applying remembers it.
fn seal_line(trust: &Trust, h: &crate::exchange::file::Header, l: Lang) -> AnyView {
    let fingerprint = h.seal.as_ref().map(|s| s.fingerprint.clone()).unwrap_or_default();
    match trust {
        Trust::Pinned => view! { {l.t(m_seal::PINNED)} " " <strong class="fingerprint">{fingerprint}</strong> }.into_any(),
        Trust::First(_) => view! {
            {l.t(m_seal::FIRST)} " " <strong class="fingerprint">{fingerprint}</strong>
            <span class="hint first-key">" " {l.t(m_seal::FIRST_HINT)}</span>
        }
        .into_any(),
        Trust::Unsigned => view! { <span class="unsigned">{l.t(m_seal::UNSIGNED)}</span> }.into_any(),
        Trust::Local => view! { <span>{l.t(crate::app::i18n::m_sheet::MADE_HERE)}</span> }.into_any(),
    }
}
