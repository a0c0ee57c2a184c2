//! The ZIP of every unit's slice reads back with the zip crate's reader:
//! the same names (Chinese ones marked as UTF-8) and the same texts.

use chrono::{TimeZone, Utc};
use gongjian::domain::example::luohu_2022;
use gongjian::domain::file_name::{file_name, Ext, FileKind};
use gongjian::domain::Lang;
use gongjian::exchange::file::{draft, Body, Kind};
use gongjian::exchange::slice::{slice, slice_units};
use gongjian_xlsx::{zip_bytes, zip_bytes_from_json, Entry};
use std::io::{Cursor, Read};
use zip::{CompressionMethod, DateTime, ZipArchive};

fn entry(name: &str, text: &str) -> Entry {
    Entry { name: name.into(), text: text.into() }
}

fn stamp() -> DateTime {
    DateTime::from_date_and_time(2022, 6, 30, 9, 15, 0).unwrap()
}

/// Every file of the ZIP: its name and its text, in order.
fn read_back(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).expect("the zip crate opens it");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().expect("a name").to_string();
            assert_eq!(f.compression(), CompressionMethod::Deflated, "{name}");
            assert_eq!(f.last_modified(), Some(stamp()), "{name}");
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            (name, text)
        })
        .collect()
}

/// The general-purpose flags of every entry in the central directory, with
/// its name as stored (bit 11: the name is UTF-8).
fn central_flags(bytes: &[u8]) -> Vec<(u16, String)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 46 <= bytes.len() {
        if bytes[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
            let (flags, n, extra, comment) = (u16_at(i + 8), u16_at(i + 28) as usize, u16_at(i + 30) as usize, u16_at(i + 32) as usize);
            out.push((flags, String::from_utf8(bytes[i + 46..i + 46 + n].to_vec()).unwrap()));
            i += 46 + n + extra + comment;
        } else {
            i += 1;
        }
    }
    out
}

/// Every unit's slice of the example plan, written as the page writes it
/// (unsealed here: sealing is the browser's) and named by `file_name`.
fn example_slices(lang: Lang) -> Vec<Entry> {
    let plan = luohu_2022();
    let at = Utc.with_ymd_and_hms(2022, 6, 30, 1, 0, 0).unwrap();
    slice_units(&plan)
        .into_iter()
        .map(|u| {
            let body = Body { plan: slice(&plan, u), base: None };
            Entry {
                name: file_name(&plan, FileKind::Slice, Some(u), lang, Ext::Json),
                text: draft(Kind::Slice, &body, None, Some(u), at).text(None),
            }
        })
        .collect()
}

#[test]
fn every_units_slice_reads_back_with_its_name_and_text() {
    for lang in [Lang::Zh, Lang::En] {
        let files = example_slices(lang);
        assert_eq!(files.len(), 4, "the example's units with tasks");
        let bytes = zip_bytes(&files, stamp()).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let back = read_back(&bytes);
        let want: Vec<(String, String)> = files.iter().map(|e| (e.name.clone(), e.text.clone())).collect();
        assert_eq!(back, want);
        // Deflated: the slices share most of their words.
        let total: usize = files.iter().map(|e| e.text.len()).sum();
        assert!(bytes.len() * 3 < total, "{} bytes for {total} of text", bytes.len());
    }
}

#[test]
fn chinese_names_are_intact_and_marked_utf8() {
    let files = example_slices(Lang::Zh);
    let bytes = zip_bytes(&files, stamp()).unwrap();
    let names: Vec<String> = read_back(&bytes).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"罗湖区2022年攻坚任务责任分工表.任务分工.东门街道.json".to_string()), "{names:#?}");
    let flags = central_flags(&bytes);
    assert_eq!(flags.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>(), names, "names stored as UTF-8 bytes");
    for (f, name) in &flags {
        assert_ne!(f & 0x0800, 0, "the UTF-8 flag on {name}");
    }
    // An ASCII name needs no flag; an old unzip reads it either way.
    let ascii = zip_bytes(&[entry("plan.json", "{}")], stamp()).unwrap();
    assert_eq!(central_flags(&ascii)[0].0 & 0x0800, 0);
}

#[test]
fn names_are_made_safe_and_distinct() {
    let files = [
        entry("东门街道.json", "1"),
        entry("东门街道.json", "2"),
        entry("../outside/东门街道.json", "3"),
        entry("C:\\Windows\\a.json", "4"),
        entry("..", "5"),
        entry("A.JSON", "6"),
        entry("a.json", "7"),
    ];
    let back = read_back(&zip_bytes(&files, stamp()).unwrap());
    let names: Vec<&str> = back.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["东门街道.json", "东门街道 (2).json", "_outside_东门街道.json", "C__Windows_a.json", "file-5", "A.JSON", "a (2).json"]
    );
    assert_eq!(back.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(), ["1", "2", "3", "4", "5", "6", "7"]);
}

#[test]
fn an_empty_list_is_refused_with_a_reason() {
    assert_eq!(zip_bytes(&[], stamp()).unwrap_err(), "there are no files to put in the ZIP");
    assert_eq!(zip_bytes_from_json(r#"{"zip":[]}"#, stamp()).unwrap_err(), "there are no files to put in the ZIP");
}

#[test]
fn the_worker_reads_what_the_page_posts() {
    let json = serde_json::json!({ "zip": [ { "name": "甲.json", "text": "{\"a\":1}\n" }, { "name": "b.json", "text": "" } ] }).to_string();
    let back = read_back(&zip_bytes_from_json(&json, stamp()).unwrap());
    assert_eq!(back, [("甲.json".to_string(), "{\"a\":1}\n".to_string()), ("b.json".to_string(), String::new())]);
    assert!(zip_bytes_from_json("not json", stamp()).unwrap_err().starts_with("not a list of files"));
    assert!(zip_bytes_from_json(r#"{"zip":[{"name":"a"}]}"#, stamp()).unwrap_err().starts_with("not a list of files"));
    // A workbook is not a list of files (the worker tells them apart by "zip").
    assert!(zip_bytes_from_json(r#"{"sheets":[]}"#, stamp()).is_err());
}
