//! Where in a JSON text a byte offset falls, as a JSON path (`$.tasks[3].due`).
//! The reader parses straight from the text (no tree, no per-type path
//! tracking, which doubles the size of every deserializer) and, only when
//! something is wrong, walks the text once more up to the error's offset.

/// One open container on the way to the offset.
enum Frame {
    Object { key: Option<String>, expecting_key: bool },
    Array { index: usize },
}

/// The byte offset of a (1-based) line and column, as serde_json reports them.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    (start + column).min(text.len())
}

/// The JSON path of the innermost value open at `offset`.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, expecting_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expecting_key: true }) = stack.last_mut() {
                    *key = text.get(start..i.min(bytes.len())).map(String::from);
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::from("$");
    for f in &stack {
        match f {
            Frame::Object { key: Some(k), .. } if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                path.push('.');
                path.push_str(k);
            }
            Frame::Object { key: Some(k), .. } => path.push_str(&format!("[\"{k}\"]")),
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap() + marker.len())
    }

    #[test]
    fn nested_keys_and_indexes() {
        let t = r#"{"tasks":[{"id":1},{"id":2,"due":"x"}],"b":true}"#;
        assert_eq!(at(t, r#""due":"x""#), "$.tasks[1].due");
        assert_eq!(at(t, r#""id":1"#), "$.tasks[0].id");
        assert_eq!(at(t, r#""b":true"#), "$.b");
    }

    #[test]
    fn a_closed_object_hands_back_to_its_parent() {
        let t = r#"{"a":{"x":1},"b":[1,2]}"#;
        assert_eq!(at(t, r#"{"x":1}"#), "$.a");
        assert_eq!(path_at(t, t.len()), "$");
    }

    #[test]
    fn strings_with_brackets_quotes_and_chinese_do_not_confuse_it() {
        let t = r#"{"title":{"zh":"东门[步行街]{\"改造\"}","en":"a,b"},"n":5}"#;
        assert_eq!(at(t, r#""n":5"#), "$.n");
        assert_eq!(at(t, r#""en":"a,b""#), "$.title.en");
    }

    #[test]
    fn odd_keys_are_quoted() {
        assert_eq!(at(r#"{"a b":1}"#, "1"), "$[\"a b\"]");
    }

    #[test]
    fn line_and_column_map_to_bytes() {
        let t = "{\n  \"东\": 1,\n  \"x\": 2\n}";
        let off = offset_of(t, 3, 8);
        assert_eq!(&t[off - 1..off], "2");
    }
}
