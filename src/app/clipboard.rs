//! Copying a text box's words: the asynchronous clipboard API, else the
//! older `execCommand('copy')`, else the text is left selected for Ctrl+C.

use crate::app::i18n::{m_meetings as mm, Msg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Copy `text` with the asynchronous clipboard API (reached through
/// `Reflect`: web-sys's `Clipboard` feature is not enabled). Returns the
/// promise when the API is there.
pub(crate) fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined() && !c.is_null())?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// The older way: copy the selection with `document.execCommand('copy')`.
pub(crate) fn exec_copy() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// Copy the words of `area`, selecting them either way (so that what is
/// copied is visible, and Ctrl+C works when copying is refused); `status`
/// says which happened.
pub fn copy_text_of(area: NodeRef<leptos::html::Textarea>, status: RwSignal<Option<Msg>>) {
    let Some(ta) = area.get_untracked() else { return };
    let text = ta.value();
    ta.select();
    match clipboard_write(&text) {
        Some(promise) => leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() || exec_copy();
            status.set(Some(if ok { mm::COPIED } else { mm::SELECTED }));
        }),
        None => status.set(Some(if exec_copy() { mm::COPIED } else { mm::SELECTED })),
    }
}
