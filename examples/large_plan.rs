//! Writes the large plan for measuring (`make bench`):
//!
//! ```text
//! cargo run --release --example large_plan -- [--seed N] [--out DIR]
//! ```
//!
//! Into DIR (default `target/bench`):
//! - `large-plan.stored.json`: the plan exactly as the app stores it in
//!   localStorage, in parts (`storage::parts`): an object of key → value,
//!   the index under `gongjian.plan`;
//! - `large-plan.stored.txt`: the plan as versions before the parts stored
//!   it, in one value (the compact form: its JSON would not fit), which the
//!   app still reads;
//! - `large.plan.json`: the same plan as a whole-plan exchange file, the file
//!   a person would import;
//! - `large-plan.sizes.json`: what was written, counted.
//!
//! The same seed writes the same bytes on every machine.

use chrono::{TimeZone, Utc};
use gongjian::domain::sample::{large_plan, Size};
use gongjian::exchange::file::{write, Body, Kind};
use gongjian::storage::envelope::{encode, Workspace};
use gongjian::storage::keep::LOCAL_STORAGE_CHARS;
use gongjian::storage::parts::{self, Dirty, Saving};
use std::path::PathBuf;

fn main() {
    let mut seed = 1u64;
    let mut out = PathBuf::from("target/bench");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--seed", Some(v)) => seed = v.parse().unwrap_or_else(|_| fail(&format!("--seed {v}: not a whole number"))),
            ("--out", Some(v)) => out = PathBuf::from(v),
            _ => fail(&format!("unknown argument {a}: use --seed N and --out DIR")),
        }
    }
    let size = Size::default();
    let plan = large_plan(seed, size);
    let at = Utc.with_ymd_and_hms(2024, 6, 1, 9, 0, 0).single().unwrap_or_default();
    let stored = encode(Workspace { plan: &plan, me: None, base: None }, 1, at);
    let w = parts::write(Saving { plan: &plan, me: None, base: None }, &Dirty::all(), None, 1, at);
    let mut keys = serde_json::Map::new();
    for (k, v) in &w.parts {
        keys.insert(k.clone(), v.clone().into());
    }
    keys.insert(gongjian::storage::KEY_PLAN.into(), w.index.clone().into());
    let file = write(Kind::Plan, &Body { plan: plan.clone(), base: None }, None, None, at);
    std::fs::create_dir_all(&out).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
    let put = |name: &str, text: &str| {
        let path = out.join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    };
    put("large-plan.stored.txt", &stored);
    put("large-plan.stored.json", &serde_json::Value::Object(keys).to_string());
    put("large.plan.json", &file);
    let stored_chars = stored.encode_utf16().count();
    let plain_chars = serde_json::to_string(&plan).unwrap_or_default().encode_utf16().count();
    let sizes = format!(
        "{{\n  \"seed\": {seed},\n  \"actions\": {},\n  \"tasks\": {},\n  \"milestones\": {},\n  \"reports\": {},\n  \"plain_json_chars\": {plain_chars},\n  \"stored_chars\": {stored_chars},\n  \"parts\": {},\n  \"parts_chars\": {},\n  \"stored_bytes\": {},\n  \"quota_chars\": {LOCAL_STORAGE_CHARS},\n  \"exchange_bytes\": {}\n}}\n",
        plan.actions.len(),
        plan.tasks.len(),
        plan.tasks.iter().map(|t| t.milestones.len()).sum::<usize>(),
        plan.reports.len(),
        w.parts.len(),
        w.chars(),
        stored.len(),
        file.len(),
    );
    put("large-plan.sizes.json", &sizes);
    print!("{sizes}");
}

fn fail(why: &str) -> ! {
    eprintln!("large_plan: {why}");
    std::process::exit(2)
}
