//! Building links that keep the view: query strings, and the forced
//! language (`?lang=`) carried along on every internal link.

/// `?k=v&…` with values percent-encoded; empty when there are no pairs.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v)))).collect();
    format!("?{}", parts.join("&"))
}
