//! Pretty-printing compact JSON text. Files people read are indented; doing
//! it on the text, not through a second serializer, keeps every type's
//! serialization code in the wasm once.

/// `compact` (valid JSON from serde_json) indented by two spaces.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // Keep empty containers on one line.
                if matches!(chars.peek(), Some('}') | Some(']')) {
                    if let Some(close) = chars.next() {
                        out.push(close);
                    }
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;

    #[test]
    fn matches_serde_json_pretty_output() {
        let plan = luohu_2022();
        let compact = serde_json::to_string(&plan).unwrap();
        assert_eq!(pretty(&compact), serde_json::to_string_pretty(&plan).unwrap());
    }

    #[test]
    fn strings_keep_their_punctuation() {
        assert_eq!(pretty(r#"{"a":"x,{y}:\"z\"","b":[]}"#), "{\n  \"a\": \"x,{y}:\\\"z\\\"\",\n  \"b\": []\n}");
    }
}
