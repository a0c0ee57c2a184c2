//! The web worker: installs `onmessage` on its `DedicatedWorkerGlobalScope`.
//!
//! Protocol (one reply per request, in order), as the XLSX worker's:
//! - once the handler is installed the worker posts `{ ready: true }`;
//!   messages posted before that are lost, so the page waits for it;
//! - the page posts the JSON text of a `Document` (an object is accepted
//!   too and read through `JSON.stringify`);
//! - the worker answers with a `Uint8Array` of the .docx bytes (its buffer
//!   transferred), or with `{ error: "…" }` when the input is not a document.
//!
//! It never panics on input.

use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Install the message handler and say so.
pub fn install() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| reply(&reply_to, &e.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&object("ready", &JsValue::TRUE));
}

fn reply(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let json = match data.as_string() {
        Some(s) => Ok(s),
        None => JSON::stringify(data).ok().and_then(|s| s.as_string()).ok_or_else(|| "the message is not a document's JSON".to_string()),
    };
    match json.and_then(|j| crate::docx_bytes_from_json(&j)) {
        Ok(bytes) => {
            let array = Uint8Array::from(bytes.as_slice());
            let transfer = Array::of1(&array.buffer());
            if scope.post_message_with_transfer(&array, &transfer).is_err() {
                let _ = scope.post_message(&object("error", &"could not send the file".into()));
            }
        }
        Err(e) => {
            let _ = scope.post_message(&object("error", &e.into()));
        }
    }
}

fn object(key: &str, value: &JsValue) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &key.into(), value);
    o.into()
}
