//! The names of the files the app writes, in one place: every export (the
//! plan, a unit's slice, a unit's report, the spreadsheets) is named here.
//!
//! A name is `<title>.<kind>[.<unit>][.<date>].<ext>`: the plan's title (its
//! year when the title is blank), a word for the kind, the unit's name, and
//! the date of a dated export — for example
//! `2027年攻坚任务责任分工表.任务分工.东门街道.json` or
//! `Luohu 2027.slice.Dongmen Sub-district.json`; every unit's slice at once
//! is `Luohu 2027.slices.zip`. The words are in the page's
//! language when the plan's title is written in it, else in the title's
//! language, so a plan named only in Chinese gets Chinese names.
//!
//! Names are safe on Windows and macOS: the characters `< > : " / \ | ? *`,
//! control and invisible formatting characters (bidirectional overrides,
//! zero-width spaces) become `_` or go; runs of spaces or dots are one; no part
//! starts with a dot or ends with a dot or a space; a name that Windows
//! reserves (CON, PRN, AUX, NUL, COM0–9, LPT0–9) is prefixed with `_`; the
//! title is cut to 90 bytes of UTF-8 and a unit's name to 60, so a whole
//! name stays far below the 255 bytes both systems allow. Two units whose
//! names come out the same (ignoring case, as both systems do) get their
//! position among the plan's units appended (`-3`), so no two units' files
//! ever share a name.

use super::{Id, Lang, Plan, Text};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// The whole plan (also the backup).
    Plan,
    /// One unit's slice, sent by the office.
    Slice,
    /// Every unit's slice in one ZIP, for the office to send.
    Slices,
    /// One unit's report, exported on `date`.
    Report(NaiveDate),
    /// The responsibility table as shown.
    Table,
    /// The board's table of units, as of `date`.
    Units(NaiveDate),
    /// One unit's appraisal.
    Appraisal,
    /// The calendar of reminders of a unit (or of the office).
    Calendar,
    /// The supervision bulletin for a period ending on `date`.
    Bulletin(NaiveDate),
    /// A monthly hearing pack, as of `date`.
    Hearing(NaiveDate),
}

/// The file's format, its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ext {
    Json,
    Csv,
    Xlsx,
    Zip,
    Ics,
    Docx,
}

impl Ext {
    fn as_str(self) -> &'static str {
        match self {
            Ext::Json => "json",
            Ext::Csv => "csv",
            Ext::Xlsx => "xlsx",
            Ext::Zip => "zip",
            Ext::Ics => "ics",
            Ext::Docx => "docx",
        }
    }
}

impl FileKind {
    /// The kind's word in `lang`.
    fn word(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            FileKind::Plan => ("总表", "plan"),
            FileKind::Slice => ("任务分工", "slice"),
            FileKind::Slices => ("各单位任务分工", "slices"),
            FileKind::Report(_) => ("进展反馈", "report"),
            FileKind::Table => ("分工表", "table"),
            FileKind::Units(_) => ("单位情况", "units"),
            FileKind::Appraisal => ("绩效考核", "appraisal"),
            FileKind::Calendar => ("日历提醒", "calendar"),
            FileKind::Bulletin(_) => ("督查专报", "bulletin"),
            FileKind::Hearing(_) => ("听取材料", "hearing"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn date(self) -> Option<NaiveDate> {
        match self {
            FileKind::Report(d) | FileKind::Units(d) | FileKind::Bulletin(d) | FileKind::Hearing(d) => Some(d),
            _ => None,
        }
    }
}

const TITLE_BYTES: usize = 90;
const UNIT_BYTES: usize = 60;

/// The name of a file of `kind` for `unit` (a slice's, a report's, an
/// appraisal's or a calendar's unit; `None` for the others), in `lang` (see the module's
/// notes for when another language is used).
pub fn file_name(plan: &Plan, kind: FileKind, unit: Option<Id>, lang: Lang, ext: Ext) -> String {
    let lang = names_lang(&plan.title, lang);
    let title = safe_part(plan.title.get(lang), TITLE_BYTES).unwrap_or_else(|| plan.year.to_string());
    let mut parts = vec![title, kind.word(lang).to_string()];
    if let Some(u) = unit {
        parts.push(unit_words(plan, lang).remove(&u).unwrap_or_else(|| unit_fallback(lang, None)));
    }
    if let Some(d) = kind.date() {
        parts.push(d.to_string());
    }
    parts.push(ext.as_str().to_string());
    let name = parts.join(".");
    // Windows reserves these names whatever follows the first dot.
    let first = name.split('.').next().unwrap_or_default();
    if is_reserved(first) {
        format!("_{name}")
    } else {
        name
    }
}

/// The language the names are written in: `lang` when the title is written
/// in it, else the title's other language.
fn names_lang(title: &Text, lang: Lang) -> Lang {
    let has = |l: Lang| match l {
        Lang::Zh => !title.zh.trim().is_empty(),
        Lang::En => !title.en.trim().is_empty(),
    };
    match lang {
        l if has(l) => l,
        Lang::Zh if has(Lang::En) => Lang::En,
        Lang::En if has(Lang::Zh) => Lang::Zh,
        l => l,
    }
}

/// Every live unit's part of a file name, distinct from every other's
/// (ignoring case): its safe name, with its 1-based position among the
/// plan's live units appended when another unit's name comes out the same.
pub fn unit_words(plan: &Plan, lang: Lang) -> HashMap<Id, String> {
    let units: Vec<(usize, Id, Option<String>)> =
        super::plan::live(&plan.units).enumerate().map(|(i, u)| (i + 1, u.id, safe_part(u.name.get(lang), UNIT_BYTES))).collect();
    let mut count: HashMap<String, usize> = HashMap::new();
    for (_, _, w) in &units {
        if let Some(w) = w {
            *count.entry(w.to_ascii_lowercase()).or_default() += 1;
        }
    }
    // Names no one shares are kept as they are; the others, and units whose
    // name leaves nothing safe, are told apart by position.
    let mut taken: HashSet<String> = count.iter().filter(|(_, n)| **n == 1).map(|(w, _)| w.clone()).collect();
    let mut out = HashMap::new();
    for (pos, id, w) in units {
        let word = match w {
            Some(w) if count.get(&w.to_ascii_lowercase()) == Some(&1) => w,
            w => {
                let mut candidate = match &w {
                    Some(w) => format!("{w}-{pos}"),
                    None => unit_fallback(lang, Some(pos)),
                };
                // A unit may really be called "A-2": then "A-2-2", and so on.
                while taken.contains(&candidate.to_ascii_lowercase()) {
                    candidate = format!("{candidate}-{pos}");
                }
                candidate
            }
        };
        taken.insert(word.to_ascii_lowercase());
        out.insert(id, word);
    }
    out
}

fn unit_fallback(lang: Lang, pos: Option<usize>) -> String {
    let word = match lang {
        Lang::Zh => "单位",
        Lang::En => "unit",
    };
    match pos {
        Some(p) => format!("{word}-{p}"),
        None => word.to_string(),
    }
}

/// `s` made safe as one part of a file name, at most `max` bytes of UTF-8;
/// `None` when nothing is left.
fn safe_part(s: &str, max: usize) -> Option<String> {
    let mut out = String::new();
    for c in s.chars() {
        let c = if c.is_whitespace() {
            ' '
        } else if matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*') || c.is_control() {
            '_'
        } else if is_invisible(c) {
            continue;
        } else {
            c
        };
        // One space or dot at a time ("a..b" reads as an empty part).
        if (c == ' ' && (out.is_empty() || out.ends_with(' '))) || (c == '.' && out.ends_with('.')) {
            continue;
        }
        if out.len() + c.len_utf8() > max {
            break;
        }
        out.push(c);
    }
    let out = out.trim_matches(|c: char| c == '.' || c == ' ').to_string();
    (!out.is_empty()).then_some(out)
}

/// Formatting characters that do not show but change how a name reads
/// (a right-to-left override can make `exe.json` look like `json.exe`).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Names Windows reserves for devices, in any case, with or without
/// trailing spaces.
fn is_reserved(stem: &str) -> bool {
    let s = stem.trim_end().to_ascii_uppercase();
    if matches!(s.as_str(), "CON" | "PRN" | "AUX" | "NUL") {
        return true;
    }
    let (head, tail) = s.split_at(s.char_indices().nth(3).map(|(i, _)| i).unwrap_or(s.len()));
    (head == "COM" || head == "LPT") && matches!(tail, "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::luohu_2022;
    use crate::domain::{Stamp, Text};
    use chrono::{TimeZone, Utc};

    fn stamp() -> Stamp {
        Stamp { by: None, at: Utc.with_ymd_and_hms(2026, 12, 2, 8, 0, 0).unwrap() }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn plan_with_units(title: Text, names: &[(&str, &str)]) -> (Plan, Vec<Id>) {
        let mut p = Plan::blank(title, 2027, d(2027, 2, 1), stamp());
        // Put in directly: some of these names are ones `add_unit` refuses.
        let ids = names
            .iter()
            .map(|(zh, en)| {
                let id = Id::new();
                p.units.push(crate::domain::Unit { id, name: Text::new(zh, en), key: None, meta: Default::default() });
                id
            })
            .collect();
        (p, ids)
    }

    /// What Windows and macOS refuse, or trip over, in a file name.
    fn assert_safe(name: &str) {
        assert!(name.len() <= 255, "{name} is {} bytes", name.len());
        assert!(!name.chars().any(|c| "<>:\"/\\|?*".contains(c) || c.is_control() || is_invisible(c)), "{name}");
        assert!(!name.starts_with('.') && !name.ends_with('.') && !name.ends_with(' '), "{name}");
        assert!(!is_reserved(name.split('.').next().unwrap()), "{name}");
        for part in name.split('.') {
            assert!(!part.is_empty() && !part.starts_with(' ') && !part.ends_with(' '), "part {part:?} of {name}");
        }
    }

    #[test]
    fn names_carry_the_title_the_kind_and_the_unit_in_the_page_language() {
        let plan = luohu_2022();
        let dongmen = Id::from_name("unit:dongmen");
        let zh = |k| file_name(&plan, k, Some(dongmen), Lang::Zh, Ext::Json);
        assert_eq!(file_name(&plan, FileKind::Plan, None, Lang::Zh, Ext::Json), "罗湖区2022年攻坚任务责任分工表.总表.json");
        assert_eq!(zh(FileKind::Slice), "罗湖区2022年攻坚任务责任分工表.任务分工.东门街道.json");
        assert_eq!(zh(FileKind::Report(d(2022, 3, 4))), "罗湖区2022年攻坚任务责任分工表.进展反馈.东门街道.2022-03-04.json");
        assert_eq!(
            file_name(&plan, FileKind::Slice, Some(dongmen), Lang::En, Ext::Json),
            "Luohu District 2022 Critical Task Division of Responsibility Table.slice.Dongmen Sub-district.json"
        );
        assert_eq!(
            file_name(&plan, FileKind::Table, None, Lang::En, Ext::Csv),
            "Luohu District 2022 Critical Task Division of Responsibility Table.table.csv"
        );
        assert_eq!(
            file_name(&plan, FileKind::Units(d(2022, 6, 30)), None, Lang::Zh, Ext::Xlsx),
            "罗湖区2022年攻坚任务责任分工表.单位情况.2022-06-30.xlsx"
        );
    }

    #[test]
    fn every_units_slice_at_once_is_one_zip_named_for_the_plan() {
        let plan = luohu_2022();
        assert_eq!(file_name(&plan, FileKind::Slices, None, Lang::Zh, Ext::Zip), "罗湖区2022年攻坚任务责任分工表.各单位任务分工.zip");
        assert_eq!(
            file_name(&plan, FileKind::Slices, None, Lang::En, Ext::Zip),
            "Luohu District 2022 Critical Task Division of Responsibility Table.slices.zip"
        );
        let (plan, _) = plan_with_units(Text::new("2027年攻坚任务", ""), &[]);
        assert_eq!(file_name(&plan, FileKind::Slices, None, Lang::En, Ext::Zip), "2027年攻坚任务.各单位任务分工.zip");
        let (plan, _) = plan_with_units(Text::new("", "NUL"), &[]);
        assert_eq!(file_name(&plan, FileKind::Slices, None, Lang::En, Ext::Zip), "_NUL.slices.zip");
    }

    #[test]
    fn a_calendar_is_named_for_its_unit_or_for_the_plan() {
        let plan = luohu_2022();
        let dongmen = Id::from_name("unit:dongmen");
        assert_eq!(
            file_name(&plan, FileKind::Calendar, Some(dongmen), Lang::Zh, Ext::Ics),
            "罗湖区2022年攻坚任务责任分工表.日历提醒.东门街道.ics"
        );
        assert_eq!(
            file_name(&plan, FileKind::Calendar, None, Lang::En, Ext::Ics),
            "Luohu District 2022 Critical Task Division of Responsibility Table.calendar.ics"
        );
    }

    #[test]
    fn a_plan_named_only_in_chinese_gets_chinese_names_on_the_english_page() {
        let (plan, ids) = plan_with_units(Text::new("2027年攻坚任务", ""), &[("东门街道", "")]);
        assert_eq!(file_name(&plan, FileKind::Slice, Some(ids[0]), Lang::En, Ext::Json), "2027年攻坚任务.任务分工.东门街道.json");
    }

    #[test]
    fn a_blank_title_gives_the_year() {
        let (plan, _) = plan_with_units(Text::new("  ", ""), &[]);
        assert_eq!(file_name(&plan, FileKind::Plan, None, Lang::Zh, Ext::Json), "2027.总表.json");
        assert_eq!(file_name(&plan, FileKind::Appraisal, None, Lang::En, Ext::Csv), "2027.appraisal.csv");
    }

    #[test]
    fn twenty_units_get_twenty_distinct_slice_names() {
        let names: Vec<(String, String)> = (1..=20).map(|i| (format!("第{i}街道"), format!("Sub-district {i}"))).collect();
        let refs: Vec<(&str, &str)> = names.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let (plan, ids) = plan_with_units(Text::new("2027年攻坚任务", "2027 tasks"), &refs);
        for lang in [Lang::Zh, Lang::En] {
            let files: HashSet<String> =
                ids.iter().map(|u| file_name(&plan, FileKind::Slice, Some(*u), lang, Ext::Json).to_lowercase()).collect();
            assert_eq!(files.len(), 20, "{files:?}");
        }
    }

    #[test]
    fn units_whose_names_come_out_the_same_are_told_apart_by_position() {
        // Twenty names that all sanitize to "A_B" (or differ only in case),
        // one that is really called "A_B-2", and names of nothing safe.
        let mut names: Vec<String> =
            ["A/B", "A:B", "A?B", "a*b", "A|B", "A\"B", "A<B", "A>B", "A\\B", "A\u{7}B"].iter().map(|s| s.to_string()).collect();
        names
            .extend(["A_B", "a_b", "A_B ", " A_B", "A_B.", "A\u{202E}_B", "A_B-2", "...", "???", "\u{200B}"].iter().map(|s| s.to_string()));
        let refs: Vec<(&str, &str)> = names.iter().map(|n| ("", n.as_str())).collect();
        let (plan, ids) = plan_with_units(Text::new("", "Plan"), &refs);
        let files: Vec<String> = ids.iter().map(|u| file_name(&plan, FileKind::Slice, Some(*u), Lang::En, Ext::Json)).collect();
        let distinct: HashSet<String> = files.iter().map(|f| f.to_lowercase()).collect();
        assert_eq!(distinct.len(), 20, "{files:#?}");
        for f in &files {
            assert_safe(f);
        }
        assert_eq!(files[0], "Plan.slice.A_B-1.json");
        assert_eq!(files[16], "Plan.slice.A_B-2.json", "the real A_B-2 keeps its name");
        assert_eq!(files[17], "Plan.slice.unit-18.json");
    }

    #[test]
    fn hostile_titles_and_names_are_made_safe() {
        let hostile = [
            "CON",
            "con.txt",
            "Lpt1 ",
            "COM²",
            "NUL.",
            "..\\..\\etc/passwd",
            "a\tb\nc\r\u{0}d",
            "  leading and trailing  ",
            "evil\u{202E}nosj.exe",
            "what?*<>|:\"",
            "...",
            "　全角空格　",
        ];
        for h in hostile {
            let (plan, ids) = plan_with_units(Text::new("", h), &[("", "Unit")]);
            let name = file_name(&plan, FileKind::Slice, Some(ids[0]), Lang::En, Ext::Json);
            assert_safe(&name);
        }
        let (plan, _) = plan_with_units(Text::new("", "CON"), &[]);
        assert_eq!(file_name(&plan, FileKind::Plan, None, Lang::En, Ext::Json), "_CON.plan.json");
        let (plan, _) = plan_with_units(Text::new("", "a\tb  c/d"), &[]);
        assert_eq!(file_name(&plan, FileKind::Plan, None, Lang::En, Ext::Json), "a b c_d.plan.json");
        let (plan, _) = plan_with_units(Text::new("", "evil\u{202E}nosj.exe"), &[]);
        assert_eq!(file_name(&plan, FileKind::Plan, None, Lang::En, Ext::Json), "evilnosj.exe.plan.json");
        let (plan, _) = plan_with_units(Text::new("", "..."), &[]);
        assert_eq!(file_name(&plan, FileKind::Plan, None, Lang::En, Ext::Json), "2027.plan.json");
    }

    #[test]
    fn long_names_are_cut_on_a_character_and_stay_short() {
        let long_zh = "攻".repeat(200);
        let long_en = "x".repeat(500);
        let (plan, ids) = plan_with_units(Text::new(&long_zh, &long_en), &[(&long_zh, &long_en)]);
        for lang in [Lang::Zh, Lang::En] {
            let name = file_name(&plan, FileKind::Report(d(2027, 3, 1)), Some(ids[0]), lang, Ext::Json);
            assert_safe(&name);
            assert!(name.len() <= 200, "{} bytes", name.len());
        }
        let zh = file_name(&plan, FileKind::Plan, None, Lang::Zh, Ext::Json);
        assert_eq!(zh, format!("{}.总表.json", "攻".repeat(30)));
        assert_safe(&file_name(&plan, FileKind::Slices, None, Lang::En, Ext::Zip));
    }
}
