//! A ZIP of text files: the office's slices for every unit in one download.
//! Written with the same `zip` crate (and the same writer type) that
//! rust_xlsxwriter packs an .xlsx with, so the worker carries one ZIP writer.

use serde::Deserialize;
use std::collections::HashSet;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// One file to put in the ZIP.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Entry {
    pub name: String,
    pub text: String,
}

/// What the page posts: `{ zip: [ { name, text }, … ] }`.
#[derive(Deserialize)]
struct Request {
    zip: Vec<Entry>,
}

/// The bytes of a ZIP (deflate) holding one file per entry, in order,
/// stamped `modified`. Names are made safe ([`safe_name`]) and distinct
/// (ignoring case, as Windows and macOS do: a second "a.json" becomes
/// "a (2).json"). A name that is not ASCII is marked as UTF-8 in the ZIP
/// (the zip crate sets the flag), so Windows' Explorer and WPS show Chinese
/// names as they are. An empty list is refused: a ZIP with nothing in it
/// would only puzzle whoever opens it.
pub fn zip_bytes(entries: &[Entry], modified: DateTime) -> Result<Vec<u8>, String> {
    if entries.is_empty() {
        return Err("there are no files to put in the ZIP".into());
    }
    let options =
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).unix_permissions(0o644).last_modified_time(modified);
    let mut buf = Vec::new();
    // The writer type rust_xlsxwriter's save_to_buffer uses, so that its code is shared.
    let mut zip = ZipWriter::new_stream(Cursor::new(&mut buf));
    let mut taken = HashSet::new();
    for (i, e) in entries.iter().enumerate() {
        let name = distinct(safe_name(&e.name, i), &mut taken);
        zip.start_file(name.as_str(), options).map_err(|err| format!("file '{name}': {err}"))?;
        zip.write_all(e.text.as_bytes()).map_err(|err| format!("file '{name}': {err}"))?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    Ok(buf)
}

/// What the worker does with a `{ zip: [...] }` message, read as JSON.
pub fn zip_bytes_from_json(json: &str, modified: DateTime) -> Result<Vec<u8>, String> {
    let req: Request = serde_json::from_str(json).map_err(|e| format!("not a list of files: {e}"))?;
    zip_bytes(&req.zip, modified)
}

/// `wanted` as one file name with no folders: path separators, the
/// characters Windows refuses (`< > : " | ? *`) and control characters
/// become `_`; no dot or space at either end (so never `..`); nothing left
/// gives `file-<n>` for entry `index`.
pub fn safe_name(wanted: &str, index: usize) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| if matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*') || c.is_control() { '_' } else { c })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        format!("file-{}", index + 1)
    } else {
        cleaned.to_string()
    }
}

/// `name`, or `stem (k).ext` with the first k from 2 that no earlier name
/// took (ignoring case); records what it returns in `taken`.
fn distinct(name: String, taken: &mut HashSet<String>) -> String {
    if taken.insert(name.to_lowercase()) {
        return name;
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => name.split_at(i),
        _ => (name.as_str(), ""),
    };
    let mut k = 2;
    loop {
        let candidate = format!("{stem} ({k}){ext}");
        if taken.insert(candidate.to_lowercase()) {
            return candidate;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_folders_and_what_windows_refuses() {
        assert_eq!(safe_name("../../etc/passwd", 0), "_.._etc_passwd");
        assert_eq!(safe_name("a\\b/c.json", 0), "a_b_c.json");
        assert_eq!(safe_name("..", 4), "file-5");
        assert_eq!(safe_name(" .hidden.json. ", 0), "hidden.json");
        assert_eq!(safe_name("东门街道: 任务?\n.json", 0), "东门街道_ 任务__.json");
    }

    #[test]
    fn repeated_names_are_told_apart_ignoring_case() {
        let mut taken = HashSet::new();
        let got: Vec<String> = ["a.json", "A.json", "a.json", "a (2).json", "README", "readme"]
            .into_iter()
            .map(|n| distinct(n.to_string(), &mut taken))
            .collect();
        assert_eq!(got, ["a.json", "A (2).json", "a (3).json", "a (2) (2).json", "README", "readme (2)"]);
    }
}
