//! The body's checksum: SHA-256 (lowercase hex) of the body's compact JSON
//! text, that is the body with every space, tab and line break outside
//! strings removed, so that reindenting a file keeps it valid. Files from
//! every earlier version were checked this way: the definition never changes.
//!
//! The digest sits behind a small trait, as the seal's signatures do: done by
//! WebCrypto in the browser (native code, asynchronous) and by the `sha2`
//! crate natively and in the tests; both give the same bytes.

use sha2::Digest;
use std::future::Future;

/// Computes SHA-256 digests.
pub trait Sha256 {
    /// The digest of `bytes`. An implementation that may fail (WebCrypto)
    /// falls back to `Native`: a checksum is always computed.
    fn digest(&self, bytes: &[u8]) -> impl Future<Output = [u8; 32]>;
}

/// SHA-256 by the `sha2` crate: natively, and in the browser where WebCrypto
/// is missing (a page not served over https or from this computer).
#[derive(Clone, Copy, Debug, Default)]
pub struct Native;

impl Sha256 for Native {
    async fn digest(&self, bytes: &[u8]) -> [u8; 32] {
        native(bytes)
    }
}

/// The digest of `bytes` by the `sha2` crate.
pub fn native(bytes: &[u8]) -> [u8; 32] {
    sha2::Sha256::digest(bytes).into()
}

/// The checksum of `text`: its compact form, digested by `h`.
pub async fn checksum(text: &str, h: &impl Sha256) -> String {
    hex(&h.digest(&compact(text)).await)
}

/// The checksum of `text`, computed here (`sha2`): for writing files, and for
/// native callers, which need no browser.
pub fn sha256_hex(text: &str) -> String {
    hex(&native(&compact(text)))
}

/// `text` with the whitespace outside strings removed, in one buffer, to
/// be digested in one call. One byte at a time, strings copied whole: in
/// wasm this is twice as fast as searching for each run's end.
pub fn compact(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out: Vec<u8> = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        match bytes[i] {
            b' ' | b'\n' | b'\r' | b'\t' => i += 1,
            b'"' => {
                // A string, kept whole up to its closing quote (or the end,
                // in a file cut short), an escaped quote inside it.
                let start = i;
                i += 1;
                while i < n {
                    match bytes[i] {
                        b'"' => {
                            i += 1;
                            break;
                        }
                        b'\\' => i += 2,
                        _ => i += 1,
                    }
                }
                out.extend_from_slice(&bytes[start..i.min(n)]);
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Lowercase hex, two digits a byte.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    fn now<T>(f: impl Future<Output = T>) -> T {
        match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("the native digest waited"),
        }
    }

    #[test]
    fn the_known_vectors_hold() {
        assert_eq!(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // Whitespace outside strings is not part of what is digested.
        assert_eq!(sha256_hex(" a\n\tb\r c "), sha256_hex("abc"));
    }

    #[test]
    fn spaces_inside_strings_are_kept_and_escaped_quotes_do_not_end_them() {
        assert_ne!(sha256_hex("{\"a\":\"x y\"}"), sha256_hex("{\"a\":\"xy\"}"));
        assert_eq!(sha256_hex("{ \"a\" : \"x y\" }"), sha256_hex("{\"a\":\"x y\"}"));
        assert_eq!(compact("[ \"a \\\" b\" , \"c\\\\\" , 1 ]"), b"[\"a \\\" b\",\"c\\\\\",1]".to_vec());
        // A string cut short is kept to the end.
        assert_eq!(compact("[ \"a b"), b"[\"a b".to_vec());
    }

    #[test]
    fn the_async_checksum_is_the_native_one() {
        for text in ["", "{ \"a\" : [1, 2,\n 3] }", "\"x y\"", "中文 \"空 格\""] {
            assert_eq!(now(checksum(text, &Native)), sha256_hex(text));
        }
    }

    /// The definition, one byte at a time: inside a string everything is
    /// kept (a backslash escapes the next byte); outside, whitespace is not.
    fn reference(text: &str) -> Vec<u8> {
        let (mut out, mut in_string, mut escaped) = (Vec::new(), false, false);
        for &b in text.as_bytes() {
            if in_string {
                out.push(b);
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                out.push(b);
                in_string = b == b'"';
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn compacting_is_the_definition(text in "[ \t\r\n\"\\\\a{}:,0-9中]{0,80}") {
            proptest::prop_assert_eq!(compact(&text), reference(&text));
        }
    }

    #[test]
    fn a_large_text_is_digested_whole() {
        // More than one of the 64 KB blocks the digest used to be fed in.
        let text = format!("[{}]", vec!["{ \"k\": \"v w\" }"; 20_000].join(",\n  "));
        let compact_text = format!("[{}]", vec!["{\"k\":\"v w\"}"; 20_000].join(","));
        assert_eq!(sha256_hex(&text), hex(&native(compact_text.as_bytes())));
    }
}
