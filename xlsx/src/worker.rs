//! The web worker: installs `onmessage` on its `DedicatedWorkerGlobalScope`.
//!
//! Protocol (one reply per request, in order):
//! - once the handler is installed the worker posts `{ ready: true }`;
//!   messages posted before that, while the wasm is still loading, are lost,
//!   so the page waits for it;
//! - the page posts the JSON text of a `Workbook` (an object is accepted
//!   too and read through `JSON.stringify`);
//! - the worker answers with a `Uint8Array` of the .xlsx bytes (its buffer
//!   transferred), or with `{ error: "…" }` when the input is not a
//!   workbook or Excel cannot hold it;
//! - or the page posts `{ zip: [ { name, text }, … ] }` and the worker
//!   answers with a `Uint8Array` of a ZIP holding one file per entry
//!   (`archive::zip_bytes`, stamped with this computer's local time), or
//!   with `{ error: "…" }`.
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
        None => JSON::stringify(data).ok().and_then(|s| s.as_string()).ok_or_else(|| "the message is not a workbook's JSON".to_string()),
    };
    let is_zip = data.is_object() && Reflect::has(data, &"zip".into()).unwrap_or(false);
    let bytes = if is_zip {
        json.and_then(|j| crate::zip_bytes_from_json(&j, now()))
    } else {
        json.and_then(|j| crate::workbook_bytes_from_json(&j))
    };
    match bytes {
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

/// This computer's local time, as a ZIP stamps its files (no time zone;
/// 1980-01-01 if the clock is outside what a ZIP can hold).
fn now() -> zip::DateTime {
    let d = js_sys::Date::new_0();
    let n = |v: u32| v as u8;
    zip::DateTime::from_date_and_time(
        d.get_full_year() as u16,
        n(d.get_month() + 1),
        n(d.get_date()),
        n(d.get_hours()),
        n(d.get_minutes()),
        n(d.get_seconds()),
    )
    .unwrap_or_default()
}

fn object(key: &str, value: &JsValue) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &key.into(), value);
    o.into()
}
