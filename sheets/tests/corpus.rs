//! The corpus of real-world layouts (tests/fixtures/spreadsheets/, written
//! by examples/corpus.rs): every file read by this crate and then by the
//! app's own reader (`sheet_in::structure::{pick_sheet, read}`), exactly as
//! the page will, reads as its `<name>.expected.json` says: the sheet
//! picked, how many actions and tasks, every unit, the sampled tasks, and
//! the cells the person is asked to look at.

#[path = "support/expected.rs"]
mod expected;

use expected::Expected;
use gongjian::domain::sheet_in::grid::{self, Book};
use gongjian::domain::sheet_in::structure::{pick_sheet, read, Reading};
use gongjian_sheets::{open, Opened, TextKind};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The plan's year the app reads the tables for.
const YEAR: i32 = 2023;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spreadsheets")
}

/// The fixtures, by name (not their expectations).
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures/spreadsheets exists")
        .map(|e| e.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".expected.json"))
        .collect();
    names.sort();
    names
}

/// A file as the page gets it: the worker's book (through its JSON, into
/// the app's type), or its text through the app's CSV or TSV parser.
pub fn app_book(name: &str, bytes: &[u8]) -> Book {
    match open(name, bytes).unwrap_or_else(|e| panic!("{name}: refused: {e:?}")) {
        Opened::Book(book) => {
            let json = serde_json::to_string(&book).expect("a book is JSON");
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: the app cannot take the book: {e}"))
        }
        Opened::Text { text, kind } => {
            let g = match kind {
                TextKind::Csv => grid::from_csv(name, &text),
                TextKind::Tsv => grid::from_tsv(name, &text),
            };
            Book { sheets: vec![g], ..Book::default() }
        }
    }
}

/// What differs between the reading and the expectation, one line each.
fn differences(r: &Reading, sheet: &str, e: &Expected) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |what: &str, got: String, want: String| {
        if got != want {
            out.push(format!("{what}: read {got}, expected {want}"));
        }
    };
    check("sheet", sheet.to_string(), e.sheet.clone());
    check("actions", r.actions.len().to_string(), e.actions.to_string());
    check("tasks", r.tasks().to_string(), e.tasks.to_string());
    let units: BTreeSet<&String> = r
        .actions
        .iter()
        .flat_map(|a| a.leading_units.iter().chain(a.tasks.iter().flat_map(|t| t.responsible.iter().chain(&t.co_organizers))))
        .collect();
    check("units", format!("{units:?}"), format!("{:?}", e.units.iter().collect::<BTreeSet<_>>()));
    for s in &e.samples {
        let found = r.actions.iter().find(|a| a.title == s.action).and_then(|a| a.tasks.iter().find(|t| t.title == s.task));
        let Some(t) = found else {
            check("sample", "nothing".into(), format!("“{}” under “{}”", s.task, s.action));
            continue;
        };
        check(&format!("“{}” responsible", s.task), format!("{:?}", t.responsible), format!("{:?}", s.responsible));
        check(&format!("“{}” co-organizers", s.task), format!("{:?}", t.co_organizers), format!("{:?}", s.co_organizers));
        check(&format!("“{}” due", s.task), format!("{:?}", t.due.map(|d| d.to_string())), format!("{:?}", s.due));
    }
    for l in &e.leaders {
        let got = r.actions.iter().find(|a| a.title == l.action).map(|a| a.leaders.clone());
        check(&format!("“{}” leaders", l.action), format!("{got:?}"), format!("{:?}", Some(&l.leaders)));
    }
    let problems: Vec<String> = r.said.iter().filter(|s| s.problem).map(|s| format!("{} {:?}", s.place, s.what)).collect();
    let places: Vec<&str> = r.said.iter().filter(|s| s.problem).map(|s| s.place.as_str()).collect();
    if places != e.problems.iter().map(String::as_str).collect::<Vec<_>>() {
        out.push(format!("problems: read {problems:?}, expected {:?}", e.problems));
    }
    out
}

#[test]
fn every_fixture_reads_as_its_expectation_says() {
    let names = fixtures();
    let mut failures = Vec::new();
    for name in &names {
        let expected_path = dir().join(format!("{name}.expected.json"));
        let Ok(json) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!("{name}: no {name}.expected.json beside it"));
            continue;
        };
        let e: Expected = serde_json::from_str(&json).unwrap_or_else(|err| panic!("{name}.expected.json: {err}"));
        let bytes = std::fs::read(dir().join(name)).expect("the fixture reads");
        let book = app_book(name, &bytes);
        let Some(sheet) = pick_sheet(&book, YEAR) else {
            failures.push(format!("{name}: no sheet picked"));
            continue;
        };
        let r = read(&book, sheet, YEAR, None);
        failures.extend(differences(&r, &book.sheets[sheet].name, &e).into_iter().map(|d| format!("{name}: {d}")));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_corpus_holds_at_least_eight_layouts_in_every_format() {
    let names = fixtures();
    assert!(names.len() >= 8, "{names:?}");
    for ext in ["xlsx", "xls", "csv", "tsv"] {
        assert!(names.iter().any(|n| n.ends_with(&format!(".{ext}"))), "no .{ext} in {names:?}");
    }
    // Every expectation has its file.
    for e in std::fs::read_dir(dir()).unwrap() {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(file) = n.strip_suffix(".expected.json") {
            assert!(names.iter().any(|f| f == file), "{n} has no {file}");
        }
    }
}
