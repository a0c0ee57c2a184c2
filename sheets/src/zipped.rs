//! Zip-based workbooks (.xlsx, .xlsm, .xlsb, .ods) before and beside
//! calamine: what the central directory says the contents unpack to (a zip
//! bomb is refused before anything is inflated), what kind of file the
//! entries make, and the hidden columns of each .xlsx sheet, which calamine
//! does not read.

use crate::{Refusal, MAX_RATIO, MAX_UNPACKED, RATIO_FROM};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};
use zip::ZipArchive;

pub type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// What the zip holds.
#[derive(Debug, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Xlsb,
    Ods,
    /// A Word or PowerPoint file, or any other zip.
    Other(Option<&'static str>),
}

/// The zip's directory, when it is one.
pub fn open(bytes: &[u8]) -> Result<Archive<'_>, Refusal> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| Refusal::Unreadable { detail: format!("zip: {e}") })
}

/// Refuse a zip whose entries claim to unpack to more than `MAX_UNPACKED`
/// in all, or one that is packed more than `MAX_RATIO` times (a zip
/// bomb). The zip reader stops every entry at its claimed size, so the
/// claims bound what calamine can inflate.
pub fn check_sizes(zip: &Archive) -> Result<(), Refusal> {
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(e) = zip.by_index_data(i) else { continue };
        let (packed, size) = (e.compressed_size(), e.size());
        total = total.saturating_add(size);
        if size >= RATIO_FROM && size / packed.max(1) > MAX_RATIO {
            return Err(Refusal::ZipBomb { limit: MAX_RATIO, found: size / packed.max(1), detail: "ratio" });
        }
    }
    if total > MAX_UNPACKED {
        return Err(Refusal::ZipBomb { limit: MAX_UNPACKED, found: total, detail: "unpacked" });
    }
    Ok(())
}

/// What kind of file the entries make.
pub fn kind(zip: &mut Archive) -> Kind {
    let names: Vec<String> = zip.file_names().flatten().map(|n| n.to_ascii_lowercase()).collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("xl/workbook.xml") || names.iter().any(|n| n.starts_with("xl/") && n.ends_with("/workbook.xml")) {
        return Kind::Xlsx;
    }
    if has("xl/workbook.bin") {
        return Kind::Xlsb;
    }
    if has("content.xml") {
        let mut mime = String::new();
        if let Ok(mut f) = zip.by_name("mimetype") {
            let _ = f.by_ref().take(200).read_to_string(&mut mime);
        }
        return if mime.contains("opendocument.spreadsheet") { Kind::Ods } else { Kind::Other(Some("document")) };
    }
    if names.iter().any(|n| n.starts_with("word/") || n.starts_with("ppt/")) {
        return Kind::Other(Some("document"));
    }
    Kind::Other(None)
}

/// A zip entry's XML, as events.
type Xml<'z, 'b> = Reader<BufReader<zip::read::ZipFile<'z, Cursor<&'b [u8]>>>>;

fn xml<'z, 'b>(zip: &'z mut ZipArchive<Cursor<&'b [u8]>>, path: &str) -> Option<Xml<'z, 'b>> {
    let f = zip.by_name(path).ok()?;
    let mut r = Reader::from_reader(BufReader::new(f));
    r.config_mut().trim_text(true);
    Some(r)
}

/// An attribute's value, by its local name, unescaped (a sheet named `A&B`).
fn attr(e: &quick_xml::events::BytesStart, local: &str) -> Option<String> {
    let a = e.attributes().flatten().find(|a| a.key.local_name().as_ref() == local)?;
    Some(quick_xml::escape::unescape(&a.value).map(|v| v.into_owned()).unwrap_or_else(|_| a.value.clone().into_owned()))
}

/// Each .xlsx sheet's hidden columns (0-based), by sheet name: the
/// `<cols><col min max hidden="1"/></cols>` ahead of its cells, found
/// through the workbook's relationships.
pub fn hidden_columns(zip: &mut Archive) -> HashMap<String, Vec<usize>> {
    let mut out = HashMap::new();
    // Sheet name to relationship id, then id to the part's path.
    let mut sheets: Vec<(String, String)> = Vec::new();
    if let Some(mut r) = xml(zip, "xl/workbook.xml") {
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                    if let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "id")) {
                        sheets.push((name, id));
                    }
                }
                Ok(Event::End(e)) if e.local_name().as_ref() == "sheets" => break,
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
            buf.clear();
        }
    }
    let mut targets: HashMap<String, String> = HashMap::new();
    if let Some(mut r) = xml(zip, "xl/_rels/workbook.xml.rels") {
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                    if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                        let path = match target.strip_prefix('/') {
                            Some(abs) => abs.to_string(),
                            None => format!("xl/{target}"),
                        };
                        targets.insert(id, path);
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
            buf.clear();
        }
    }
    for (name, id) in sheets {
        let Some(path) = targets.get(&id) else { continue };
        let Some(mut r) = xml(zip, path) else { continue };
        let mut hidden = Vec::new();
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "col" => {
                    let on = attr(&e, "hidden").is_some_and(|h| h == "1" || h == "true");
                    let num = |k: &str| attr(&e, k).and_then(|v| v.parse::<usize>().ok());
                    if let (true, Some(min), Some(max)) = (on, num("min"), num("max")) {
                        // Columns are 1-based; a range may run to the last
                        // column (16384): kept as a range, clipped later.
                        hidden.push((min.max(1) - 1, max.max(1) - 1));
                    }
                }
                // The columns come before the cells: stop there.
                Ok(Event::Start(e)) if e.local_name().as_ref() == "sheetData" => break,
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
            buf.clear();
        }
        if !hidden.is_empty() {
            out.insert(name, ranges_to_columns(&hidden));
        }
    }
    out
}

/// `(first, last)` ranges as columns, up to the most a sheet may have.
fn ranges_to_columns(ranges: &[(usize, usize)]) -> Vec<usize> {
    let mut cols: Vec<usize> = ranges.iter().flat_map(|(a, b)| *a..=(*b).min(crate::MAX_COLUMNS.saturating_sub(1))).collect();
    cols.sort_unstable();
    cols.dedup();
    cols
}
