//! The supervision bulletin (督查专报) for a period: the domain's
//! [`Bulletin`](crate::domain::bulletin::Bulletin) worded once as a
//! document, shown as a printable A4 page, copied as plain text and
//! downloaded as Word — all three from the same document. The period lives
//! in the URL (`?from=…&to=…`); by default the month of the plan's as-of
//! date, up to it.

use crate::app::clipboard::{clipboard_write, exec_copy};
use crate::app::components::form_parts::parse_date;
use crate::app::i18n::{m_bulletin as mb, Msg, Tr};
use crate::app::state::use_state;
use crate::app::url::use_replace_query;
use crate::app::word::WordButton;
use crate::domain::document::{Block, Document};
use crate::domain::file_name::{file_name, Ext, FileKind};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A cell that is a figure, a rate or a task number: kept on one line.
fn is_number(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | '—'))
}

/// The document as HTML: its title, the line under it, the sections.
fn document_view(doc: Document) -> impl IntoView {
    let mut heading = 0;
    let blocks = doc
        .blocks
        .into_iter()
        .map(|b| match b {
            Block::Heading(h) => {
                heading += 1;
                view! { <h3 id=format!("bulletin-s{heading}")>{h}</h3> }.into_any()
            }
            Block::Paragraph(p) => view! { <p>{p}</p> }.into_any(),
            Block::Table { columns, rows } => {
                let label = format!("bulletin-s{heading}");
                let region = label.clone();
                view! {
                    <div class="bulletin-scroll" role="region" tabindex="0" aria-labelledby=region>
                        <table aria-labelledby=label>
                            <thead><tr>{columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>{r.into_iter().map(|c| {
                                        let num = is_number(&c);
                                        view! { <td class:num=num>{c}</td> }
                                    }).collect_view()}</tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <h2 id="bulletin-heading">{doc.title}</h2>
        <p class="bulletin-period">{doc.subtitle}</p>
        {blocks}
    }
}

#[component]
pub fn BulletinPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let replace = use_replace_query();
    let asked = move |k: &str| query.with(|q| q.get(k)).and_then(|v| parse_date(&v));
    let period = Memo::new(move |_| {
        let (from, to) = st.plan.with(|p| p.bulletin_period(st.today.get()));
        (asked("from").unwrap_or(from), asked("to").unwrap_or(to))
    });
    let bulletin = Memo::new(move |_| {
        let (from, to) = period.get();
        st.plan.with(|p| p.bulletin(from, to, st.today.get()))
    });
    let doc = Memo::new(move |_| bulletin.with(|b| st.plan.with(|p| b.document(p, lang.get()))));
    let text = Memo::new(move |_| doc.with(Document::text));
    let go = move |from: NaiveDate, to: NaiveDate| replace.with_value(|r| r(vec![("from", from.to_string()), ("to", to.to_string())]));
    let clamped = move || bulletin.with(|b| (period.get().1 > b.to).then_some(b.to));

    let area = NodeRef::<leptos::html::Textarea>::new();
    let details = NodeRef::<leptos::html::Details>::new();
    let copy_status = RwSignal::new(None::<Msg>);
    let select = move || {
        if let Some(d) = details.get_untracked() {
            d.set_open(true);
        }
        if let Some(ta) = area.get_untracked() {
            let _ = ta.focus();
            ta.select();
        }
    };
    let copy = move |_| match clipboard_write(&text.get_untracked()) {
        Some(promise) => leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            if !ok {
                select();
            }
            copy_status.set(Some(if ok || exec_copy() { mb::COPIED } else { mb::COPY_SELECTED }));
        }),
        None => {
            select();
            copy_status.set(Some(if exec_copy() { mb::COPIED } else { mb::COPY_SELECTED }));
        }
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let make = Callback::new(move |_| {
        let l = lang.get_untracked();
        let name = st.plan.with_untracked(|p| file_name(p, FileKind::Bulletin(bulletin.with_untracked(|b| b.to)), None, l, Ext::Docx));
        (doc.get_untracked(), name)
    });

    view! {
        <section class="bulletin-page" aria-label=st.tr(mb::PAGE)>
            <form class="filters bulletin-picker" aria-label=st.tr(mb::PERIOD) on:submit=|ev| ev.prevent_default()>
                <label>
                    {st.tr(mb::FROM)}
                    <input type="date" name="from" prop:value=move || period.get().0.to_string()
                        on:change=move |ev| if let Some(v) = parse_date(&event_target_value(&ev)) { go(v, period.get_untracked().1) } />
                </label>
                <label>
                    {st.tr(mb::TO)}
                    <input type="date" name="to" prop:value=move || period.get().1.to_string()
                        on:change=move |ev| if let Some(v) = parse_date(&event_target_value(&ev)) { go(period.get_untracked().0, v) } />
                </label>
                <div class="bulletin-buttons">
                    <button type="button" on:click=copy>{st.tr(mb::COPY)}</button>
                    <WordButton make />
                    <button type="button" on:click=print>{st.tr(mb::PRINT)}</button>
                    <span role="status" class="status">{move || copy_status.get().map(|m| lang.get().t(m))}</span>
                </div>
            </form>
            {move || clamped().map(|d| view! { <p class="note no-print">{st.tr(mb::TO_CLAMPED)} " " {d.to_string()}</p> })}
            <article class="bulletin-doc">{move || document_view(doc.get())}</article>
            <p class="note bulletin-definitions">{st.tr(mb::DEFINITIONS)}</p>
            <details class="no-print bulletin-text" node_ref=details>
                <summary>{st.tr(mb::PLAIN_TEXT)}</summary>
                <textarea node_ref=area readonly rows="12" aria-label=st.tr(mb::PLAIN_TEXT) prop:value=move || text.get()></textarea>
            </details>
        </section>
    }
}
