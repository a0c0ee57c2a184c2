//! The importer never panics, whatever the bytes: arbitrary text, token
//! soup that looks like JSON, and valid exported files mutated at random
//! (truncated, bytes flipped, inserted or deleted, a JSON value replaced by
//! one of another type, with or without the checksum made to match again)
//! go through `file::parse` and `import::prepare` against the office's
//! table and a unit's; what is accepted is applied with `import::finish`.
//! Every call returns `Ok` or `Err`; a panic fails the test.

mod common;
use chrono::NaiveDate;
use common::{at, task, unit};
use gongjian::domain::example::luohu_2022;
use gongjian::domain::task_edit::ReportDraft;
use gongjian::domain::{Id, Plan, Stamp, Text};
use gongjian::exchange::file::{parse, sha256_hex, write, Body, Kind};
use gongjian::exchange::import::{finish, prepare, Side};
use gongjian::exchange::merge::Choice;
use gongjian::exchange::slice::{report, slice};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use std::sync::OnceLock;

/// The tables files are imported into, and valid files to mutate.
struct Fixture {
    /// A browser on the example, acting as the office.
    example: Plan,
    /// The office's own table: the example with a milestone on the Dongmen task.
    office: Plan,
    /// Dongmen's browser after importing its slice of `office`.
    dongmen: Id,
    unit_plan: Plan,
    unit_base: Plan,
    /// (file, which side it is meant for).
    files: Vec<(String, Target)>,
}

/// Which side a mutated file is fed to (every side gets the arbitrary bytes).
#[derive(Clone, Copy, Debug)]
enum Target {
    Example,
    Office,
    Unit,
}

const TARGETS: [Target; 3] = [Target::Example, Target::Office, Target::Unit];

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut office = luohu_2022();
        office.example = false;
        let t = task(&office, "Upgrading and renovating Dongmen");
        let office_stamp = Stamp { by: None, at: at(1) };
        office.add_milestone(t, Text::new("方案设计", "Design"), NaiveDate::from_ymd_opt(2022, 4, 30), office_stamp).unwrap();
        let dongmen = unit(&office, "Dongmen");
        let slice_file = write(Kind::Slice, &Body { plan: slice(&office, dongmen), base: None }, None, Some(dongmen), at(2));
        let example = luohu_2022();
        let side = Side { plan: &example, me: None, base: None };
        let p = prepare("slice.json", &slice_file, side).unwrap();
        let o = finish(side, &p, &[], Stamp { by: None, at: at(2) }).unwrap();
        let (mut unit_plan, unit_base) = (o.plan, o.base.unwrap());

        // Dongmen's report: a plan, a report that completes the milestone
        // and raises a problem.
        let stamp = Stamp { by: Some(dongmen), at: at(3) };
        unit_plan.set_task_plan(t, "施工图".into(), NaiveDate::from_ymd_opt(2022, 2, 14), stamp).unwrap();
        let ms = unit_plan.task(t).unwrap().milestones.iter().map(|m| m.id).collect();
        let d = ReportDraft {
            task: t,
            unit: dongmen,
            date: NaiveDate::from_ymd_opt(2022, 3, 4).unwrap(),
            narrative: "设计完成".into(),
            progress: Some(30.0),
            milestones_done: ms,
            problems: vec!["拆迁进度慢".into()],
            ..Default::default()
        };
        unit_plan.record_report(d, stamp).unwrap();
        let report_file = write(Kind::Report, &report(&unit_plan, &unit_base), Some(dongmen), Some(dongmen), at(5));

        // A new slice, after the office moved the task's due date.
        let mut later = office.clone();
        let task_mut = later.tasks.iter_mut().find(|x| x.id == t).unwrap();
        task_mut.due = NaiveDate::from_ymd_opt(2022, 11, 30);
        task_mut.meta.touch(Stamp { by: None, at: at(6) });
        let new_slice = write(Kind::Slice, &Body { plan: slice(&later, dongmen), base: None }, None, Some(dongmen), at(6));
        let plan_file = write(Kind::Plan, &Body { plan: later, base: None }, None, None, at(6));
        let v0 = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/exchange/v0-plan.json")).unwrap();

        let files = vec![
            (report_file.clone(), Target::Office),
            (report_file, Target::Example),
            (new_slice, Target::Unit),
            (plan_file, Target::Office),
            (v0, Target::Example),
        ];
        for (f, _) in &files {
            parse(f).expect("every file to mutate is valid to begin with");
        }
        Fixture { example: luohu_2022(), office, dongmen, unit_plan, unit_base, files }
    })
}

/// Import `text` into one side: prepare, and when it is accepted, apply it
/// with the given answer to every conflict. Neither may panic.
fn import(text: &str, target: Target, take: bool) {
    let f = fixture();
    let side = match target {
        Target::Example => Side { plan: &f.example, me: None, base: None },
        Target::Office => Side { plan: &f.office, me: None, base: None },
        Target::Unit => Side { plan: &f.unit_plan, me: Some(f.dongmen), base: Some(&f.unit_base) },
    };
    if let Ok(p) = prepare("fuzz.json", text, side) {
        let choice = if take { Choice::Take } else { Choice::Keep };
        let choices = vec![Some(choice); p.preview.conflicts.len()];
        let _ = finish(side, &p, &choices, Stamp { by: side.me, at: at(20) });
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(cases) }
}

// ------------------------------------------------------- (a) any bytes at all

/// Pieces of exchange files, to build text that gets past the JSON reader.
const TOKENS: [&str; 36] = [
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    " ",
    "\n",
    "\"",
    "\\",
    "null",
    "true",
    "-1",
    "0",
    "1",
    "2",
    "1e999",
    "\"format\"",
    "\"gongjian-exchange\"",
    "\"version\"",
    "\"kind\"",
    "\"report\"",
    "\"slice\"",
    "\"plan\"",
    "\"plan_id\"",
    "\"unit\"",
    "\"body\"",
    "\"sha256\"",
    "\"tasks\"",
    "\"id\"",
    "\"exported_at\"",
    "\"2022-03-05T09:00:00Z\"",
    "\"67941f64-5883-826c-8e35-fa32dd402644\"",
    "\"2022-02-30\"",
    "\u{feff}",
    "东门",
];

proptest! {
    #![proptest_config(config(200))]

    /// Arbitrary bytes, read as UTF-8 the way a browser's file reader does
    /// (invalid sequences replaced).
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), take in any::<bool>()) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse(&text);
        for target in TARGETS {
            import(&text, target, take);
        }
    }

    /// Token soup: mostly not JSON, sometimes an object with the right head.
    #[test]
    fn json_like_soup_never_panics(tokens in proptest::collection::vec(proptest::sample::select(&TOKENS[..]), 0..60), take in any::<bool>()) {
        let text: String = tokens.concat();
        let _ = parse(&text);
        for target in TARGETS {
            import(&text, target, take);
        }
    }
}

// ------------------------------------------------- (b) valid files, mutated

/// Values of every JSON type, to put where another type was.
fn replacements() -> Vec<Value> {
    serde_json::from_str(
        r#"[null, true, false, 0, -1, 4294967296, 1.5, 1e300, "", "x", "2022-02-30", "67941f64-5883-826c-8e35-fa32dd402644",
            [], [null], [1, 2], {}, {"id": null}, {"zh": "", "en": ""}]"#,
    )
    .unwrap()
}

fn same_type(a: &Value, b: &Value) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// Every value in the document, as a pointer (`/body/plan/tasks/0/due`).
fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{here}/{i}"), out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| pointers(x, format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
    out.push(here);
}

/// A change of the bytes, which mostly breaks the JSON.
#[derive(Clone, Debug)]
enum ByteMutation {
    /// Cut the file short.
    Truncate(Index),
    /// Flip some bits of one byte.
    Flip(Index, u8),
    Insert(Index, u8),
    Delete(Index),
}

fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    prop_oneof![
        any::<Index>().prop_map(ByteMutation::Truncate),
        (any::<Index>(), 1u8..=255).prop_map(|(i, m)| ByteMutation::Flip(i, m)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteMutation::Insert(i, b)),
        any::<Index>().prop_map(ByteMutation::Delete),
    ]
}

fn mutate_bytes(bytes: &mut Vec<u8>, m: &ByteMutation) {
    match m {
        ByteMutation::Truncate(i) => bytes.truncate(i.index(bytes.len() + 1)),
        ByteMutation::Flip(i, mask) if !bytes.is_empty() => {
            let i = i.index(bytes.len());
            bytes[i] ^= mask;
        }
        ByteMutation::Insert(i, b) => bytes.insert(i.index(bytes.len() + 1), *b),
        ByteMutation::Delete(i) if !bytes.is_empty() => {
            bytes.remove(i.index(bytes.len()));
        }
        _ => {}
    }
}

/// A change of one JSON value, which keeps the text JSON and reaches the
/// types, the judgement against the table and the merge.
#[derive(Clone, Debug)]
enum ValueMutation {
    /// Put a value of another type in its place.
    Retype(Index, Index),
    /// Put another id of the same file in place of an id: duplicates, and
    /// references to a record of the wrong kind.
    SwapId(Index, Index),
    /// Put another number in place of a number (out of range, negative,
    /// fractional where a count is meant). `u32::MAX` is left out: see
    /// `bug_a_revision_of_u32_max_makes_prepare_panic`.
    Renumber(Index, Index),
    /// Put another string in place of a string (empty, an id, a bad date).
    Restring(Index, Index),
}

fn value_mutation() -> impl Strategy<Value = ValueMutation> {
    prop_oneof![
        2 => (any::<Index>(), any::<Index>()).prop_map(|(i, r)| ValueMutation::Retype(i, r)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(i, r)| ValueMutation::SwapId(i, r)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, r)| ValueMutation::Renumber(i, r)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, r)| ValueMutation::Restring(i, r)),
    ]
}

/// Numbers to put in place of a number.
fn numbers() -> Vec<Value> {
    serde_json::from_str("[0, -1, 0.5, 100, 101, 4294967294, 4294967296, 9007199254740993, 1e300, -1e300]").unwrap()
}

fn mutate_value(bytes: &mut Vec<u8>, m: &ValueMutation) {
    let Ok(mut v) = serde_json::from_slice::<Value>(bytes) else { return };
    let mut all = Vec::new();
    pointers(&v, String::new(), &mut all);
    let is_id = |x: &Value| x.as_str().is_some_and(|s| Id::parse(s).is_some());
    let ids: Vec<Value> = all.iter().filter_map(|p| v.pointer(p)).filter(|x| is_id(x)).cloned().collect();
    let (spot, new) = match m {
        ValueMutation::Retype(i, r) => {
            let at = i.get(&all).clone();
            let Some(old) = v.pointer(&at) else { return };
            let others: Vec<Value> = replacements().into_iter().filter(|x| !same_type(x, old)).collect();
            (at, r.get(&others).clone())
        }
        ValueMutation::SwapId(i, r) => {
            let spots: Vec<&String> = all.iter().filter(|p| v.pointer(p).is_some_and(is_id)).collect();
            if spots.is_empty() {
                return;
            }
            (i.get(&spots).to_string(), r.get(&ids).clone())
        }
        ValueMutation::Renumber(i, r) => {
            let spots: Vec<&String> = all.iter().filter(|p| v.pointer(p).is_some_and(Value::is_number)).collect();
            if spots.is_empty() {
                return;
            }
            (i.get(&spots).to_string(), r.get(&numbers()).clone())
        }
        ValueMutation::Restring(i, r) => {
            let spots: Vec<&String> = all.iter().filter(|p| v.pointer(p).is_some_and(Value::is_string)).collect();
            if spots.is_empty() {
                return;
            }
            let strings: Vec<Value> = replacements().into_iter().filter(Value::is_string).collect();
            (i.get(&spots).to_string(), r.get(&strings).clone())
        }
    };
    if let Some(slot) = v.pointer_mut(&spot) {
        *slot = new;
    }
    *bytes = serde_json::to_vec_pretty(&v).unwrap();
}

/// Make the checksum match the (mutated) body again, when the text is
/// still an object with a body, so the mutation reaches the body's reader.
fn rehash(bytes: &mut Vec<u8>) {
    let Ok(Value::Object(mut v)) = serde_json::from_slice::<Value>(bytes) else { return };
    let Some(body) = v.get("body") else { return };
    let sum = sha256_hex(&serde_json::to_string(body).unwrap());
    v.insert("sha256".into(), sum.into());
    *bytes = serde_json::to_vec_pretty(&v).unwrap();
}

/// Feed the mutated bytes to the reader and to the side the file was made for.
fn feed(bytes: &[u8], target: Target, take: bool) {
    let text = String::from_utf8_lossy(bytes);
    let _ = parse(&text);
    import(&text, target, take);
}

proptest! {
    #![proptest_config(config(200))]

    /// A valid file with bytes cut, flipped, inserted or deleted.
    #[test]
    fn files_with_broken_bytes_never_panic(
        which in any::<Index>(),
        mutations in proptest::collection::vec(byte_mutation(), 1..4),
        fix_checksum in any::<bool>(),
        take in any::<bool>(),
    ) {
        let (file, target) = which.get(&fixture().files).clone();
        let mut bytes = file.into_bytes();
        for m in &mutations {
            mutate_bytes(&mut bytes, m);
        }
        if fix_checksum {
            rehash(&mut bytes);
        }
        feed(&bytes, target, take);
    }

}

proptest! {
    #![proptest_config(config(500))]

    /// A valid file with values replaced, mostly with the checksum made to
    /// match: an accepted file is applied, answering every conflict.
    #[test]
    fn files_with_wrong_values_never_panic(
        which in any::<Index>(),
        mutations in proptest::collection::vec(value_mutation(), 1..3),
        fix_checksum in proptest::bool::weighted(0.8),
        take in any::<bool>(),
    ) {
        let (file, target) = which.get(&fixture().files).clone();
        let mut bytes = file.into_bytes();
        for m in &mutations {
            mutate_value(&mut bytes, m);
        }
        if fix_checksum {
            rehash(&mut bytes);
        }
        feed(&bytes, target, take);
    }
}

/// Regression, found by reading `merge::preview` while writing these targets (the random
/// mutations replace a value only with one of another type, so they do not
/// reach it): a record whose revision is `u32::MAX` and that merges with a
/// new revision (a refused field beside an accepted one, a conflict, or a
/// change at home) makes `preview` compute `rev + 1` and panic on overflow
/// in a debug build (a release build wrapped it to revision 0); it now saturates.
#[test]
fn regression_a_revision_of_u32_max_does_not_make_prepare_panic() {
    let f = fixture();
    let t = task(&f.office, "Upgrading and renovating Dongmen");
    let mut mine = f.unit_base.clone();
    mine.set_task_plan(t, "施工图".into(), None, Stamp { by: Some(f.dongmen), at: at(3) }).unwrap();
    let task = mine.tasks.iter_mut().find(|x| x.id == t).unwrap();
    task.title.en = "Renamed by the unit".into(); // refused: the task merges into a new revision
    task.meta.rev = u32::MAX;
    let text = write(Kind::Report, &report(&mine, &f.unit_base), Some(f.dongmen), Some(f.dongmen), at(5));
    let side = Side { plan: &f.office, me: None, base: None };
    let got = std::panic::catch_unwind(|| prepare("r.json", &text, side).map(|p| p.mode));
    assert!(got.is_ok(), "prepare panicked");
}
