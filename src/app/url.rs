//! Building links that keep the view: query strings, and the forced
//! language (`?lang=`) carried along on every internal link.

/// `path` with the forced language (`?lang=`) carried along, if any.
pub fn with_lang(path: &str, forced: Option<String>) -> String {
    format!("{path}{}", query_string(&forced.map(|l| vec![("lang", l)]).unwrap_or_default()))
}

/// `?k=v&…` with values percent-encoded; empty when there are no pairs.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v)))).collect();
    format!("?{}", parts.join("&"))
}
