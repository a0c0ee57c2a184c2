//! Building links that keep the view: query strings, and the forced
//! language (`?lang=`) carried along on every internal link.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// An app path (`/table`) as a link: under the path the app is served at
/// (`/gongjian/table` on a sub-path). The router's links do not add it.
pub fn href(path: &str) -> String {
    format!("{}{path}", super::shell::base_path())
}

/// The link to app path `path`, with the forced language (`?lang=`)
/// carried along, if any.
pub fn with_lang(path: &str, forced: Option<String>) -> String {
    format!("{}{}", href(path), query_string(&forced.map(|l| vec![("lang", l)]).unwrap_or_default()))
}

/// `?k=v&…` with values percent-encoded; empty when there are no pairs.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v)))).collect();
    format!("?{}", parts.join("&"))
}

/// Replaces the current URL's query; see [`use_replace_query`].
pub type ReplaceQuery = Box<dyn Fn(Vec<(&'static str, String)>) + Send + Sync>;

/// Query keys that outlive a change of the view's own parameters.
const KEPT: [&str; 2] = ["zoom", "lang"];

/// A function that replaces the current URL's query with `pairs` (keeping
/// the forced language and the timeline's zoom), without a history entry
/// or a scroll: how filters and scopes live in the URL.
pub fn use_replace_query() -> StoredValue<ReplaceQuery> {
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    StoredValue::new(Box::new(move |mut pairs: Vec<(&'static str, String)>| {
        for k in KEPT {
            if let Some(v) = query.with_untracked(|q| q.get(k)).filter(|_| !pairs.iter().any(|(p, _)| *p == k)) {
                pairs.push((k, v));
            }
        }
        // The path as it is (with the base, under a sub-path): not resolved
        // again against the router's base.
        let url = format!("{}{}", location.pathname.get_untracked(), query_string(&pairs));
        navigate(&url, NavigateOptions { replace: true, scroll: false, resolve: false, ..Default::default() });
    }))
}
