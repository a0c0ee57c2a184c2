//! Importing a file: the panel that shows what the import would do (or why
//! the file is refused) until the person applies or cancels; after
//! applying, one button undoes it; and the progress of a long import or
//! export. The header's picker is `shell::ImportFile`.

use crate::app::exchange::{apply_pending, undo_import};
use crate::app::i18n::{field_word, kind_word, m, refused, Msg, Tr};
use crate::app::state::{use_state, Job, Pending};
use crate::domain::{Id, Lang, Plan};
use crate::exchange::file::Kind;
use crate::exchange::import::Mode;
use crate::exchange::merge::{Choice, Item, Why};
use leptos::prelude::*;
use serde_json::Value;

/// A value from a file or the table, as a person reads it: names for ids,
/// the interface language for bilingual texts.
pub fn value_text(v: &Value, plan: &Plan, lang: Lang) -> String {
    match v {
        Value::Null => "—".into(),
        Value::Bool(b) => lang.t(if *b { m::YES } else { m::NO }).into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => match Id::parse(s) {
            Some(id) => plan
                .unit(id)
                .map(|u| u.name.get(lang).to_string())
                .or_else(|| plan.person(id).map(|p| p.name.get(lang).to_string()))
                .or_else(|| plan.task_number(id))
                .or_else(|| plan.action(id).map(|a| a.title.get(lang).to_string()))
                .unwrap_or_else(|| s.clone()),
            None if s.is_empty() => "—".into(),
            None => s.clone(),
        },
        Value::Array(items) if items.is_empty() => "—".into(),
        Value::Array(items) => items.iter().map(|x| value_text(x, plan, lang)).collect::<Vec<_>>().join("、"),
        Value::Object(o) if o.contains_key("zh") || o.contains_key("en") => {
            let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
            crate::domain::Text { zh: part("zh"), en: part("en") }.get(lang).to_string()
        }
        Value::Object(_) => v.to_string(),
    }
}

fn item_text(i: &Item, lang: Lang) -> String {
    format!("{}：{}", kind_word(lang, i.key.kind), i.label.get(lang))
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
                let from = h.exported_by.and_then(|u| plan.unit(u)).map(|u| u.name.get(l).to_string()).unwrap_or_else(|| {
                    if h.exported_by.is_none() {
                        l.t(m::OFFICE).to_string()
                    } else {
                        h.exported_by.map(|u| u.to_string()).unwrap_or_default()
                    }
                });
                let replace = prepared.mode == Mode::Replace;
                let nothing = p.nothing_new() && !replace;
                let idle = p.is_empty() && !replace;
                let added: Vec<String> = p.added.iter().map(|i| item_text(i, l)).take(LIST_MAX).collect();
                let changed_total: usize = p.changed.iter().map(|c| c.fields.len()).sum();
                let changed: Vec<String> = p
                    .changed
                    .iter()
                    .flat_map(|c| {
                        let plan = &plan;
                        c.fields.iter().map(move |f| {
                            format!(
                                "{} · {}：{} → {}",
                                item_text(&c.item, l),
                                field_word(l, &f.field),
                                value_text(&f.old, plan, l),
                                value_text(&f.new, plan, l)
                            )
                        })
                    })
                    .take(LIST_MAX)
                    .collect();
                let present: Vec<String> = p.present.iter().map(|i| item_text(i, l)).take(LIST_MAX).collect();
                let older: Vec<String> = p.older.iter().map(|i| item_text(i, l)).take(LIST_MAX).collect();
                let refusals: Vec<String> = p
                    .refused
                    .iter()
                    .map(|r| {
                        let field = r.field.as_deref().map(|f| format!(" · {}", field_word(l, f))).unwrap_or_default();
                        format!("{}{field}：{}", item_text(&r.item, l), why_text(r.why, l))
                    })
                    .take(LIST_MAX)
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
                        let agreed = c.base.as_ref().map(|b| {
                            view! { <p class="agreed">{l.t(m::AGREED_WAS)} "：" {value_text(b, &plan, l)}</p> }
                        });
                        view! {
                            <fieldset class="conflict">
                                <legend>{format!("{} · {}", item_text(&c.item, l), field_word(l, &c.field))}</legend>
                                {agreed}
                                <label>
                                    <input type="radio" name=name.clone() prop:checked=chosen == Some(Choice::Keep) on:change=choose(Choice::Keep) />
                                    {l.t(m::KEEP_OURS)} "：" <span class="ours">{value_text(&c.ours, &plan, l)}</span>
                                </label>
                                <label>
                                    <input type="radio" name=name prop:checked=chosen == Some(Choice::Take) on:change=choose(Choice::Take) />
                                    {l.t(m::TAKE_THEIRS)} "：" <span class="theirs">{value_text(&c.theirs, &plan, l)}</span>
                                </label>
                            </fieldset>
                        }
                    })
                    .collect_view();
                let has_conflicts = !p.conflicts.is_empty();
                let exported_at = crate::domain::dates::minute_text(h.exported_at);
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
                            </dl>
                            {replace.then(|| view! { <p class="replaces">{l.t(m::REPLACES)}</p> })}
                            {nothing.then(|| view! { <p class="nothing-new" role="status">{l.t(m::NOTHING_NEW)}</p> })}
                            <div class="import-lists">
                                {item_list(l, m::ADDED, p.added.len(), added, true)}
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
            };
            let steps = b.job.steps();
            // An import's bar fills step by step; an export's is indeterminate.
            let done = (b.job == Job::Import).then(|| f64::from(b.step - 1));
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
        {busy}
        {undo}
        {panel}
    }
}
