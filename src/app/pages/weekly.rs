//! The weekly collection: who has reported this week, and a reminder for who has not.

use crate::app::i18n::{m_meetings as mm, Msg, Tr};
use crate::app::state::use_state;
use crate::app::url::with_lang;
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

/// Copy `text` with the asynchronous clipboard API (reached through
/// `Reflect`: web-sys's `Clipboard` feature is not enabled). Returns the
/// promise when the API is there.
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined() && !c.is_null())?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// The older way: copy the selection with `document.execCommand('copy')`.
fn exec_copy() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

#[component]
pub fn WeeklyPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let collection = Memo::new(move |_| st.plan.with(|p| p.weekly_collection(st.today.get())));
    let reminder = Memo::new(move |_| st.plan.with(|p| collection.with(|c| p.reminder_text(c, lang.get()))));
    let sheet = move |task: Id| with_lang(&format!("/task/{task}"), query.with(|q| q.get("lang")));
    let links = move |tasks: Vec<Id>| {
        if tasks.is_empty() {
            return view! { <span class="none">"—"</span> }.into_any();
        }
        let items = tasks
            .into_iter()
            .map(|t| {
                let number = st.plan.with(|p| p.task_number(t).unwrap_or_default());
                let title = st.plan.with(|p| p.task(t).map(|x| x.title.get(lang.get()).to_string()).unwrap_or_default());
                view! { <li><A href=move || sheet(t) attr:title=title attr:class="task-link">{number}</A></li> }
            })
            .collect_view();
        view! { <ul class="task-numbers">{items}</ul> }.into_any()
    };
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy_status = RwSignal::new(None::<Msg>);
    let copy = move |_| {
        let Some(ta) = area.get_untracked() else { return };
        let text = ta.value();
        // Select it either way, so that the text is visibly what is copied.
        ta.select();
        match clipboard_write(&text) {
            Some(promise) => leptos::task::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() || exec_copy();
                copy_status.set(Some(if ok { mm::COPIED } else { mm::SELECTED }));
            }),
            None => copy_status.set(Some(if exec_copy() { mm::COPIED } else { mm::SELECTED })),
        }
    };
    view! {
        <section class="weekly-page" aria-labelledby="weekly-heading">
            <h2 id="weekly-heading">{st.tr(mm::WEEKLY)}</h2>
            <p class="week-of">
                {st.tr(mm::WEEK_FROM)} " " <strong class="date week-start">{move || collection.with(|c| c.week_start.to_string())}</strong>
                " · " {st.tr(mm::AS_OF)} " " <span class="date">{move || st.today.get().to_string()}</span>
            </p>
            <Show when=move || collection.with(|c| !c.units.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mm::NOTHING_DUE)}</p> }>
                <table class="sheet-table weekly-table">
                    <caption class="visually-hidden">{st.tr(mm::WEEKLY)}</caption>
                    <thead><tr>
                        <th scope="col">{st.tr(mm::UNIT)}</th>
                        <th scope="col">{st.tr(mm::REPORTED)}</th>
                        <th scope="col">{st.tr(mm::OWED)}</th>
                    </tr></thead>
                    <tbody>
                        {move || collection.get().units.into_iter().map(|u| {
                            let name = st.plan.with(|p| p.unit(u.unit).map(|x| x.name.get(lang.get()).to_string()).unwrap_or_default());
                            let owes = !u.missing.is_empty();
                            view! {
                                <tr class:owes=owes>
                                    <th scope="row">{name}</th>
                                    <td class="reported">{links(u.reported)}</td>
                                    <td class="owed">{links(u.missing)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <div class="reminder">
                <label for="reminder-text">{st.tr(mm::REMINDER)}</label>
                <textarea id="reminder-text" node_ref=area readonly rows="8" prop:value=move || reminder.get()></textarea>
                <div class="form-buttons no-print">
                    <button type="button" on:click=copy>{st.tr(mm::COPY)}</button>
                    <span role="status" class="status">{move || copy_status.get().map(|m| lang.get().t(m))}</span>
                </div>
            </div>
        </section>
    }
}
