//! A link that downloads text as a file, without a server.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// An object URL holding `text` as JSON; revoked when the component goes.
fn object_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// A download link for `text`.
#[component]
pub fn DownloadLink(
    /// The text to download.
    text: String,
    /// The file name offered.
    file_name: String,
    /// The link's words.
    label: Signal<&'static str>,
) -> impl IntoView {
    let url = object_url(&text).unwrap_or_default();
    let revoke = url.clone();
    on_cleanup(move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    });
    view! {
        <a class="button" href=url download=file_name>
            {label}
        </a>
    }
}
