//! The web worker: installs `onmessage` on its `DedicatedWorkerGlobalScope`.
//!
//! Protocol (one reply per request, in order):
//! - once the handler is installed the worker posts `{ ready: true }`;
//!   messages posted before that, while the wasm is still loading, are lost,
//!   so the page waits for it;
//! - the page posts `{ name: "<file name>", bytes: <Uint8Array> }` (an
//!   `ArrayBuffer` is taken too);
//! - the worker answers with one of
//!   `{ book: "<JSON text of a Book>" }`,
//!   `{ text: "<decoded text>", kind: "csv" | "tsv" }` (a text table, for the
//!   page's own parser), or
//!   `{ error: { code, sheet?, limit?, found?, detail? } }` where `code` is
//!   `not_a_spreadsheet`, `password`, `too_large`, `zip_bomb`,
//!   `too_many_rows`, `too_many_columns` or `unreadable` (see
//!   `crate::Refusal` for each one's details).
//!
//! It never panics on input (the reader refuses first what calamine could
//! not take); should the wasm trap all the same, the handler's JavaScript
//! wrapper still answers `{ error: { code: "unreadable", detail: "crashed" } }`
//! and the page should not reuse the worker.

use js_sys::{Function, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Install the message handler and say so.
pub fn install() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| reply(&reply_to, &e.data()));
    // A trap in the wasm (out of memory) throws in JavaScript: catch it
    // there, so the page gets an answer instead of silence.
    let guarded = Function::new_with_args(
        "read",
        "return function (e) { try { read(e); } catch (err) { \
         self.postMessage({ error: { code: 'unreadable', detail: 'crashed: ' + String(err) } }); } };",
    )
    .call1(&JsValue::NULL, on_message.as_ref())
    .ok()
    .and_then(|f| f.dyn_into::<Function>().ok());
    match guarded {
        Some(f) => scope.set_onmessage(Some(&f)),
        None => scope.set_onmessage(Some(on_message.as_ref().unchecked_ref())),
    }
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&object("ready", &JsValue::TRUE));
}

fn reply(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let name = Reflect::get(data, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    let bytes =
        Reflect::get(data, &"bytes".into()).ok().filter(|b| b.is_instance_of::<Uint8Array>() || b.is_instance_of::<js_sys::ArrayBuffer>());
    let reply = match bytes {
        Some(b) => crate::reply(&name, &Uint8Array::new(&b).to_vec()),
        None => crate::Reply::Error { error: crate::Refusal::Unreadable { detail: "the message has no bytes".into() } },
    };
    let message = match reply {
        crate::Reply::Book { book } => object("book", &book.into()),
        crate::Reply::Text { text, kind } => {
            let o = object("text", &text.into());
            let kind = match kind {
                crate::TextKind::Csv => "csv",
                crate::TextKind::Tsv => "tsv",
            };
            let _ = Reflect::set(&o, &"kind".into(), &kind.into());
            o
        }
        crate::Reply::Error { error } => {
            let json = serde_json::to_string(&error).unwrap_or_else(|_| r#"{"code":"unreadable"}"#.into());
            object("error", &JSON::parse(&json).unwrap_or(JsValue::NULL))
        }
    };
    if scope.post_message(&message).is_err() {
        let _ = scope
            .post_message(&object("error", &JSON::parse(r#"{"code":"unreadable","detail":"could not send"}"#).unwrap_or(JsValue::NULL)));
    }
}

fn object(key: &str, value: &JsValue) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &key.into(), value);
    o.into()
}
